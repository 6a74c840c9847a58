export const id = 337;
export const ids = [337,887,240];
export const modules = {

/***/ 8240:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Kd: () => (/* binding */ pullRequestNumber),
/* harmony export */   Uc: () => (/* binding */ currentRepo),
/* harmony export */   Vp: () => (/* binding */ runUrl),
/* harmony export */   githubApi: () => (/* binding */ githubApi),
/* harmony export */   nG: () => (/* binding */ httpStatus),
/* harmony export */   tF: () => (/* binding */ apiFailure)
/* harmony export */ });
/* unused harmony export REQUEST_TIMEOUT_MS */
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2413);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/**
 * The GitHub REST API through `@actions/github` (Octokit with the runner's proxy settings), for
 * deployments and pull request comments. This module and everything it imports is a chunk of its
 * own: only a run with `github-deployment` or `pr-comment` loads it. `@actions/github` reads
 * GITHUB_API_URL (GHES) and the event payload (GITHUB_EVENT_PATH) when it is first imported.
 */


/** A GitHub call that hangs must not hold the deploy (or the post step) until the job times out. */
const REQUEST_TIMEOUT_MS = 30_000;
function githubApi(token, opts = {}) {
    if (!token) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ('there is no GitHub token to call the API with', {
            where: { field: 'input github-token' },
            fix: 'leave github-token at its default (${{ github.token }}) or pass a token with the permissions the feature needs',
        });
    }
    const api = (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q)(token, opts.baseUrl ? { baseUrl: opts.baseUrl } : {});
    const timeoutMs = opts.timeoutMs ?? REQUEST_TIMEOUT_MS;
    // each request (each page too) gets its own deadline; Octokit hands request.signal to fetch. A
    // `before` hook edits the options in place: options a `wrap` hook passes on are ignored by the
    // hooks inside it (the auth hook), so a new object would lose the signal.
    api.hook.before('request', (options) => {
        options.request = { ...options.request, signal: options.request?.signal ?? AbortSignal.timeout(timeoutMs) };
    });
    return api;
}
/** GITHUB_REPOSITORY as owner/repo. */
function currentRepo() {
    const [owner, repo] = (process.env.GITHUB_REPOSITORY ?? '').split('/');
    if (!owner || !repo) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ('GITHUB_REPOSITORY is not set: the repository to record this in is unknown', {
            fix: 'run inside GitHub Actions, or set GITHUB_REPOSITORY=owner/repo for a local run',
        });
    }
    return { owner, repo };
}
/** The run's page: the deployment status's `log_url`. */
function runUrl() {
    const server = (process.env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
    const repo = process.env.GITHUB_REPOSITORY ?? '';
    const id = process.env.GITHUB_RUN_ID;
    return id && repo ? `${server}/${repo}/actions/runs/${id}` : '';
}
/** The pull request number of a `pull_request` / `pull_request_target` event, from the event payload. */
function pullRequestNumber() {
    if (!/^pull_request(_target)?$/.test(_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .context */ ._.eventName))
        return undefined;
    const n = _actions_github__WEBPACK_IMPORTED_MODULE_0__/* .context */ ._.payload.pull_request?.number ?? _actions_github__WEBPACK_IMPORTED_MODULE_0__/* .context */ ._.payload.number;
    return typeof n === 'number' && n > 0 ? n : undefined;
}
/** The HTTP status of an Octokit RequestError, or undefined for any other failure. */
function httpStatus(e) {
    const s = e.status;
    return typeof s === 'number' ? s : undefined;
}
/** One line for an API failure: what GitHub said, and which permission a 403/404 means is missing. */
function apiFailure(what, e, permission) {
    const status = httpStatus(e);
    const message = (e.message ?? String(e)).split('\n')[0];
    if (status === 403 || status === 404)
        return `${what}: GitHub answered ${status} (${message}). Give the job's token \`permissions: ${permission}\``;
    return `${what}: ${status ? `GitHub answered ${status} (${message})` : message}`;
}


/***/ }),

/***/ 6887:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DS: () => (/* binding */ Deployments),
/* harmony export */   closeAbandonedDeployment: () => (/* binding */ closeAbandonedDeployment)
/* harmony export */ });
/* unused harmony exports deploymentRequest, statusRequest */
/* harmony import */ var _state_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2462);
/* harmony import */ var _external_github_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8240);
/**
 * GitHub Deployments for a run (`github-deployment: true`): a deployment of the commit to the
 * environment, its statuses `in_progress` → `success` / `failure` (with the environment URL and the
 * run's log URL), and on `destroy` every deployment of the environment marked `inactive`.
 * The API calls are plain Octokit REST methods; the pure parts (what is sent) are `deploymentRequest`
 * and `statusRequest`, unit-tested.
 */


/** The body of POST /repos/{owner}/{repo}/deployments. */
function deploymentRequest(f) {
    return {
        ref: f.sha,
        environment: f.environment,
        transient_environment: f.transient,
        production_environment: false,
        auto_merge: false,
        required_contexts: [],
        task: 'deploy',
        description: `${f.name} → ${f.provider}`.slice(0, 140),
        payload: { image: f.image, digest: f.digest, provider: f.provider, name: f.name },
    };
}
/** The body of POST …/deployments/{id}/statuses. GitHub wants no empty environment_url. */
function statusRequest(state, o) {
    return {
        state,
        ...(o.logUrl ? { log_url: o.logUrl } : {}),
        ...(o.environmentUrl ? { environment_url: o.environmentUrl } : {}),
        ...(o.description ? { description: o.description.slice(0, 140) } : {}),
    };
}
class Deployments {
    api;
    repo;
    logUrl;
    constructor(api, repo, logUrl) {
        this.api = api;
        this.repo = repo;
        this.logUrl = logUrl;
    }
    /** Create the deployment and set it `in_progress`; the post step closes it if the run never does. */
    async start(f) {
        const created = await this.api.rest.repos.createDeployment({ ...this.repo, ...deploymentRequest(f) });
        const id = created.data.id;
        if (typeof id !== 'number')
            throw new Error(`GitHub did not create a deployment (${created.data.message ?? created.status})`);
        (0,_state_js__WEBPACK_IMPORTED_MODULE_0__/* .savePendingDeployment */ .oj)({ id, ...this.repo, environment: f.environment, logUrl: this.logUrl });
        await this.status(id, 'in_progress', { description: `deploying ${f.digest || f.image}` });
        return id;
    }
    async status(id, state, o = {}) {
        await this.api.rest.repos.createDeploymentStatus({
            ...this.repo,
            deployment_id: id,
            ...statusRequest(state, { ...o, logUrl: this.logUrl }),
        });
    }
    /** The final status; the deployment is no longer the post step's business. */
    async finish(id, state, o) {
        await this.status(id, state, o);
        (0,_state_js__WEBPACK_IMPORTED_MODULE_0__/* .savePendingDeployment */ .oj)(undefined);
    }
    /** `destroy`: every deployment of the environment `inactive`. Returns their ids. */
    async deactivate(environment) {
        const all = await this.api.paginate(this.api.rest.repos.listDeployments, { ...this.repo, environment, per_page: 100 });
        const ids = all.filter((d) => d.environment === environment).map((d) => d.id);
        for (const id of ids)
            await this.status(id, 'inactive', { description: 'environment destroyed' });
        return ids;
    }
}
/** The post step: a deployment main left `in_progress` (failed or cancelled run) becomes `error`. */
async function closeAbandonedDeployment(d, token) {
    const deployments = new Deployments((0,_external_github_js__WEBPACK_IMPORTED_MODULE_1__.githubApi)(token), { owner: d.owner, repo: d.repo }, d.logUrl);
    await deployments.status(d.id, 'error', { description: 'the run failed or was cancelled before the deploy finished' });
    (0,_state_js__WEBPACK_IMPORTED_MODULE_0__/* .savePendingDeployment */ .oj)(undefined);
}


/***/ }),

/***/ 3718:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  GitHubSession: () => (/* binding */ GitHubSession),
  openGitHub: () => (/* binding */ openGitHub)
});

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/runner.ts
var runner = __webpack_require__(4813);
// EXTERNAL MODULE: ./src/external/github.ts
var github = __webpack_require__(8240);
// EXTERNAL MODULE: ./src/report/report.ts + 1 modules
var report = __webpack_require__(1657);
;// CONCATENATED MODULE: ./src/github/comment.ts
/**
 * The pull request comment (`pr-comment: true`): one comment per deployment name and environment,
 * found again by a hidden marker and edited on every run, never duplicated (a matrix over providers
 * or suffixes keeps one comment per environment). `renderComment` is pure; every text it returns
 * goes through `redact` before it is sent, so no registered secret reaches the pull request.
 */


/** `<!-- sindri-deploy-action name=app environment=docker-pr-42 -->`: values reduced to characters that cannot end the comment. */
function commentMarker(name, environment) {
    const safe = (s) => s.replace(/[^A-Za-z0-9._/-]/g, '_');
    return `<!-- sindri-deploy-action name=${safe(name)} environment=${safe(environment)} -->`;
}
const code = (s) => (s ? `\`${s.replace(/`/g, "'")}\`` : '—');
const cell = (s) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const OUTCOME = { applied: '✅ applied', skipped: '⏭️ skipped', 'not-reached': '· not reached' };
function renderComment(f) {
    const r = f.result;
    const marker = commentMarker(r.name, f.environment);
    const lines = [marker];
    const target = `${code(r.name)} → ${r.provider} (environment ${code(f.environment)})`;
    if (r.mode === 'destroy') {
        lines.push(r.error ? `### ❌ Sindri destroy failed: ${target}` : `### 🗑️ Sindri: environment ${code(f.environment)} is gone`, '', r.error ? `> ${r.error}` : `${code(r.name)} on ${r.provider} was destroyed; its GitHub deployments are inactive.`);
    }
    else {
        const head = r.mode === 'plan'
            ? `### 📋 Sindri plan: ${target}`
            : r.error
                ? `### ❌ Sindri deploy failed: ${target}`
                : r.skipped
                    ? `### ⏭️ Sindri: ${target} already runs this image`
                    : `### 🚀 Sindri deployed ${target}`;
        lines.push(head, '');
        if (r.error)
            lines.push(`> [!CAUTION]`, `> ${r.error}`, '');
        // a plan opens with which image and why, and what a deploy would change (nothing was changed by this run)
        if (r.mode === 'plan' && r.plan)
            lines.push(...(0,report/* planLines */.HN)(r.plan), '');
        lines.push('| | |', '|---|---|');
        lines.push(`| image | ${code(r.image)} |`);
        lines.push(`| digest | ${code(r['image-digest'])} |`);
        lines.push(`| image source | ${code(r['image-source'])} |`);
        lines.push(`| built | ${r.built ? `yes, from ${code(r.dockerfile)}` : r.plan?.build ? `a deploy builds it from ${code(r.plan.build)}` : 'no: prebuilt image'} |`);
        lines.push(`| verified | ${r.verified} |`);
        if (r.url)
            lines.push(`| url | ${r.url} |`);
        if (r.extra?.rolledBack)
            lines.push(`| rolled back | ${code(r.extra.rolledBack)} |`);
        if (r.trace.length) {
            lines.push('', '<details><summary>Image decision</summary>', '', '| # | rule | outcome | reason |', '|---|---|---|---|');
            for (const t of r.trace)
                lines.push(`| ${t.rule || ''} | ${t.source} | ${OUTCOME[t.outcome] ?? t.outcome} | ${cell(t.reason)} |`);
            lines.push('', '</details>');
        }
        if (r.mode === 'plan' && r.plan) {
            lines.push('', '<details><summary>What a deploy runs and writes</summary>', '');
            if (r.plan.files.length)
                lines.push(`files written: ${r.plan.files.map(code).join(', ')}`, '');
            if (r.plan.commands.length)
                lines.push('```sh', ...r.plan.commands, '```');
            lines.push('', '</details>');
        }
        else if (r.mode === 'deploy' && !r.error) {
            lines.push('', r.skipped
                ? `**Deployed:** nothing changed, ${code(r.image)} was already running.`
                : `**Deployed:** ${code(r.image)}${r.url ? ` at ${r.url}` : ''}.`);
        }
    }
    const at = f.sha ? ` for ${f.sha.slice(0, 7)}` : '';
    lines.push('', `<sub>${f.runUrl ? `[run](${f.runUrl})` : 'run'}${at} · updated on every run of sindri/deploy-action</sub>`);
    return (0,runner/* redact */.E$)(lines.join('\n')) + '\n';
}
/** Edit the comment carrying the marker, or create it; returns its id and whether it was created. */
async function upsertComment(api, repo, issueNumber, marker, body) {
    const comments = await api.paginate(api.rest.issues.listComments, { ...repo, issue_number: issueNumber, per_page: 100 });
    const mine = comments.find((c) => (c.body ?? '').includes(marker));
    const text = (0,runner/* redact */.E$)(body);
    if (mine) {
        const r = await api.rest.issues.updateComment({ ...repo, comment_id: mine.id, body: text });
        return { id: mine.id, created: false, url: r.data.html_url };
    }
    const r = await api.rest.issues.createComment({ ...repo, issue_number: issueNumber, body: text });
    return { id: r.data.id, created: true, url: r.data.html_url };
}

// EXTERNAL MODULE: ./src/github/deployments.ts
var deployments = __webpack_require__(6887);
// EXTERNAL MODULE: ./src/naming.ts
var naming = __webpack_require__(8499);
;// CONCATENATED MODULE: ./src/github/session.ts
/**
 * What a run records on GitHub (`github-deployment`, `pr-comment`): main.ts opens a session after
 * the config is loaded, calls `deploying` before the provider deploys and `finish` once at the end,
 * on success and on failure. GitHub is a record of the deploy, not part of it: every API problem
 * (a token without `deployments: write`, GHES unreachable) is one warning and the run goes on.
 */






class GitHubSession {
    inputs;
    environment;
    conn;
    deploymentId;
    notes = [];
    constructor(inputs, environment, conn) {
        this.inputs = inputs;
        this.environment = environment;
        this.conn = conn;
    }
    get deployments() {
        return this.inputs['github-deployment'] && this.conn ? new deployments/* Deployments */.DS(this.conn.api, this.conn.repo, (0,github/* runUrl */.Vp)()) : undefined;
    }
    /** Before the provider deploys: the deployment of this commit, `in_progress`. */
    async deploying(image, provider, name) {
        const d = this.deployments;
        if (!d || this.inputs.mode !== 'deploy')
            return;
        const sha = process.env.GITHUB_SHA ?? '';
        if (!sha) {
            (0,runner/* warning */.$e)('github-deployment: GITHUB_SHA is not set, so there is no commit to record a deployment for');
            return;
        }
        await (0,runner/* group */.Os)(`GitHub deployment (${this.environment})`, async () => {
            try {
                this.deploymentId = await d.start({
                    sha,
                    environment: this.environment,
                    transient: this.inputs['name-suffix'] !== '',
                    image: image.deployRef,
                    digest: image.digest,
                    provider,
                    name,
                });
                (0,runner/* info */.pq)(`deployment ${this.deploymentId} of ${sha.slice(0, 7)} to ${this.environment}: in_progress`);
                this.notes.push(`| GitHub deployment | ${this.deploymentId} to \`${this.environment}\` |`);
            }
            catch (e) {
                (0,runner/* warning */.$e)(`${(0,github/* apiFailure */.tF)('no GitHub deployment recorded', e, 'deployments: write')}; the deploy goes on`);
            }
        });
    }
    /** At the end, success or failure: the final status (or inactive on destroy), then the comment. */
    async finish(result) {
        await (0,runner/* group */.Os)('GitHub', async () => {
            await this.finishDeployment(result);
            await this.comment(result);
        });
        if (this.inputs.summary && this.notes.length)
            (0,runner/* appendSummary */.fe)(['', '#### GitHub', '', '| | |', '|---|---|', ...this.notes, ''].join('\n'));
    }
    async finishDeployment(r) {
        const d = this.deployments;
        if (!d)
            return;
        try {
            if (r.mode === 'destroy') {
                if (r.error)
                    return;
                const ids = await d.deactivate(this.environment);
                (0,runner/* info */.pq)(`${this.environment}: ${ids.length} GitHub deployment(s) marked inactive`);
                this.notes.push(`| GitHub deployments | ${ids.length} of \`${this.environment}\` marked inactive |`);
            }
            else if (this.deploymentId !== undefined) {
                const state = r.error ? 'failure' : 'success';
                await d.finish(this.deploymentId, state, {
                    environmentUrl: r.error ? undefined : r.url,
                    description: r.error ? r.error : r.skipped ? 'already running this image' : `deployed ${r['image-digest'] || r.image}`,
                });
                (0,runner/* info */.pq)(`deployment ${this.deploymentId}: ${state}${r.url && !r.error ? ` at ${r.url}` : ''}`);
            }
        }
        catch (e) {
            (0,runner/* warning */.$e)((0,github/* apiFailure */.tF)('could not update the GitHub deployment', e, 'deployments: write'));
        }
    }
    async comment(r) {
        if (!this.inputs['pr-comment'] || !this.conn)
            return;
        const pr = (0,github/* pullRequestNumber */.Kd)();
        if (pr === undefined) {
            (0,runner/* info */.pq)(`pr-comment: ${process.env.GITHUB_EVENT_NAME || 'this event'} is not a pull_request event, no comment`);
            return;
        }
        try {
            const body = renderComment({ result: r, environment: this.environment, runUrl: (0,github/* runUrl */.Vp)(), sha: process.env.GITHUB_SHA ?? '' });
            const c = await upsertComment(this.conn.api, this.conn.repo, pr, commentMarker(r.name, this.environment), body);
            (0,runner/* info */.pq)(`${c.created ? 'commented on' : 'updated the comment on'} pull request #${pr}${c.url ? `: ${c.url}` : ''}`);
            this.notes.push(`| pull request comment | ${c.url || `#${pr}`} |`);
        }
        catch (e) {
            (0,runner/* warning */.$e)((0,github/* apiFailure */.tF)(`could not comment on pull request #${pr}`, e, 'pull-requests: write'));
        }
    }
}
/** Called only when github-deployment or pr-comment is on (main.ts imports this chunk lazily). */
function openGitHub(inputs, provider) {
    const environment = (0,naming/* environmentName */.VE)(inputs.environment, provider, inputs['name-suffix']);
    let conn;
    try {
        conn = { api: (0,github.githubApi)(inputs['github-token']), repo: (0,github/* currentRepo */.Uc)() };
    }
    catch (e) {
        (0,runner/* warning */.$e)(`${inputs['github-deployment'] ? 'github-deployment' : 'pr-comment'}: nothing is recorded on GitHub: ${(0,errors/* errorLine */.BP)(e)}`);
    }
    return new GitHubSession(inputs, environment, conn);
}


/***/ })

};
