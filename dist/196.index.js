export const id = 196;
export const ids = [196,887,240];
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

/***/ 2196:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   decideSweep: () => (/* binding */ decideSweep),
/* harmony export */   environmentToClose: () => (/* binding */ environmentToClose),
/* harmony export */   runSweep: () => (/* binding */ runSweep)
/* harmony export */ });
/* harmony import */ var _external_github_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8240);
/* harmony import */ var _github_deployments_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6887);
/* harmony import */ var _naming_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8499);
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4813);
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8992);
/* harmony import */ var _trace_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9033);
/**
 * `mode: sweep` (docs/behaviour.md#sweep, ADR 0038): the previews of this config whose pull request
 * is closed or gone are destroyed. The provider lists its previews by the marks in their metadata
 * (src/trace.ts); the pull request of each comes from its name-suffix (`pr-<n>`); GitHub says which
 * are still open. The decision is pure (`decideSweep`) and printed whole before anything is removed;
 * then each preview is destroyed as `mode: destroy` with its suffix would, its GitHub Deployments are
 * marked inactive and its GitHub environment deleted when the token may — the environment its
 * resources record, and never one that is shared (`environmentToClose`, ADR 0046).
 */






/** Which previews go, and why each stays or goes (pure). */
function decideSweep(previews, states) {
    return previews.map((preview) => {
        const pullRequest = (0,_trace_js__WEBPACK_IMPORTED_MODULE_4__/* .pullRequestOfSuffix */ .t5)(preview.suffix);
        if (pullRequest === undefined)
            return { preview, remove: false, why: `its name-suffix ${preview.suffix} names no pull request (pr-<number>): kept` };
        const state = states.get(pullRequest) ?? 'unknown';
        const why = {
            open: `pull request #${pullRequest} is open: kept`,
            closed: `pull request #${pullRequest} is closed`,
            merged: `pull request #${pullRequest} was merged`,
            missing: `pull request #${pullRequest} does not exist in this repository`,
            unknown: `GitHub could not say whether pull request #${pullRequest} is open: kept`,
        };
        return { preview, pullRequest, state, remove: state === 'closed' || state === 'merged' || state === 'missing', why: why[state] };
    });
}
/**
 * The GitHub environment to close after a preview is swept (pure): the one its resources record, else
 * `<provider>-<suffix>` (resources deployed before the name was recorded, ADR 0038's default). An
 * environment that may serve more than this preview is left, with why: its name does not carry the
 * preview's name-suffix as a whole word (a custom `environment: previews` shared by every pull
 * request), it is the live deploy's (`environmentName` without a suffix: the sweep run's own
 * `environment` input, else the provider name), or another preview records it too.
 */
function environmentToClose(preview, all, live) {
    const environment = preview.environment ?? (0,_naming_js__WEBPACK_IMPORTED_MODULE_2__/* .environmentName */ .VE)('', live.provider, preview.suffix);
    if (!(0,_trace_js__WEBPACK_IMPORTED_MODULE_4__/* .isEnvironmentName */ .tq)(environment))
        return { keep: environment, why: 'the environment name its resources record is not one GitHub allows' };
    const escaped = preview.suffix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    if (!new RegExp(`(^|[^A-Za-z0-9])${escaped}($|[^A-Za-z0-9])`, 'i').test(environment))
        return { keep: environment, why: `its name does not carry the name-suffix ${preview.suffix}, so other deploys may share it` };
    const liveEnvironment = (0,_naming_js__WEBPACK_IMPORTED_MODULE_2__/* .environmentName */ .VE)(live.environment, live.provider, '');
    if (environment.toLowerCase() === liveEnvironment.toLowerCase())
        return { keep: environment, why: 'the live deploy uses it' };
    const other = all.find((p) => p.suffix !== preview.suffix &&
        (p.environment ?? (0,_naming_js__WEBPACK_IMPORTED_MODULE_2__/* .environmentName */ .VE)('', live.provider, p.suffix)).toLowerCase() === environment.toLowerCase());
    if (other)
        return { keep: environment, why: `preview ${other.deployedName} records it too` };
    return { environment };
}
/** The state of each pull request, asked once each; an answer other than 200 or 404 is `unknown` and a warning. */
async function pullStates(api, repo, numbers) {
    const states = new Map();
    for (const n of numbers) {
        try {
            const { data } = await api.rest.pulls.get({ ...repo, pull_number: n });
            states.set(n, data.state === 'open' ? 'open' : data.merged ? 'merged' : 'closed');
        }
        catch (e) {
            if ((0,_external_github_js__WEBPACK_IMPORTED_MODULE_0__/* .httpStatus */ .nG)(e) === 404)
                states.set(n, 'missing');
            else {
                states.set(n, 'unknown');
                (0,_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .warning */ .$e)((0,_external_github_js__WEBPACK_IMPORTED_MODULE_0__/* .apiFailure */ .tF)(`could not read pull request #${n}`, e, 'pull-requests: read'));
            }
        }
    }
    return states;
}
/** List, decide, print the dry run, then destroy what goes; returns what was swept. */
async function runSweep(ctx) {
    const { impl, inputs, provider } = ctx;
    const repo = (0,_external_github_js__WEBPACK_IMPORTED_MODULE_0__/* .currentRepo */ .Uc)();
    const api = (0,_external_github_js__WEBPACK_IMPORTED_MODULE_0__.githubApi)(inputs['github-token']);
    const repository = `${repo.owner}/${repo.repo}`;
    // in a stable order (the platform lists them by creation time): pull requests by number, then other suffixes
    const order = (p) => (0,_trace_js__WEBPACK_IMPORTED_MODULE_4__/* .pullRequestOfSuffix */ .t5)(p.suffix) ?? Number.MAX_SAFE_INTEGER;
    const previews = (await impl.listPreviews(ctx, repository)).sort((a, b) => order(a) - order(b) || a.suffix.localeCompare(b.suffix));
    const numbers = [...new Set(previews.map((p) => (0,_trace_js__WEBPACK_IMPORTED_MODULE_4__/* .pullRequestOfSuffix */ .t5)(p.suffix)).filter((n) => n !== undefined))];
    const decisions = decideSweep(previews, await pullStates(api, repo, numbers));
    (0,_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .info */ .pq)(`${previews.length} preview(s) of ${ctx.config.name} on ${provider} from ${repository}`);
    // which GitHub environment each removal closes is part of the dry run
    const envOf = new Map(decisions
        .filter((d) => d.remove)
        .map((d) => [d, environmentToClose(d.preview, previews, { provider, environment: inputs.environment })]));
    for (const d of decisions) {
        const env = envOf.get(d);
        const github = !env
            ? ''
            : 'environment' in env
                ? `; GitHub environment ${env.environment} closed`
                : `; GitHub environment ${env.keep} left: ${env.why}`;
        (0,_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .info */ .pq)((0,_text_js__WEBPACK_IMPORTED_MODULE_5__/* .oneLine */ .TN)(`${d.remove ? 'would remove' : 'keep        '} ${d.preview.deployedName}: ${d.why}${github}`));
    }
    const going = decisions.filter((d) => d.remove);
    if (going.length === 0) {
        (0,_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .info */ .pq)('nothing to sweep');
        return { decisions, swept: [] };
    }
    const deployments = new _github_deployments_js__WEBPACK_IMPORTED_MODULE_1__/* .Deployments */ .DS(api, repo, (0,_external_github_js__WEBPACK_IMPORTED_MODULE_0__/* .runUrl */ .Vp)());
    const swept = [];
    for (const d of going) {
        const suffix = d.preview.suffix;
        const env = envOf.get(d);
        const { removed } = await impl.destroy({ ...ctx, inputs: { ...inputs, 'name-suffix': suffix } });
        (0,_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .info */ .pq)(`swept ${d.preview.deployedName} (${d.why}): ${removed.length ? removed.join(', ') : 'nothing was left to remove'}`);
        if ('environment' in env)
            await closeEnvironment(api, repo, deployments, env.environment);
        else
            (0,_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .info */ .pq)((0,_text_js__WEBPACK_IMPORTED_MODULE_5__/* .oneLine */ .TN)(`GitHub environment ${env.keep} left as it is, its deployments too: ${env.why}`));
        const environment = 'environment' in env ? env.environment : '';
        swept.push({
            'deployed-name': d.preview.deployedName,
            'name-suffix': suffix,
            'pull-request': d.pullRequest,
            state: d.state,
            removed,
            environment,
        });
    }
    return { decisions, swept };
}
/** The environment's deployments `inactive`, then the environment deleted when the token may; each failure one warning. */
async function closeEnvironment(api, repo, deployments, environment) {
    try {
        const ids = await deployments.deactivate(environment);
        if (ids.length)
            (0,_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .info */ .pq)(`${environment}: ${ids.length} GitHub deployment(s) marked inactive`);
    }
    catch (e) {
        (0,_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .warning */ .$e)((0,_external_github_js__WEBPACK_IMPORTED_MODULE_0__/* .apiFailure */ .tF)(`${environment}: could not mark its GitHub deployments inactive`, e, 'deployments: write'));
    }
    try {
        await api.rest.repos.deleteAnEnvironment({ ...repo, environment_name: environment });
        (0,_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .info */ .pq)(`${environment}: GitHub environment deleted`);
    }
    catch (e) {
        const status = (0,_external_github_js__WEBPACK_IMPORTED_MODULE_0__/* .httpStatus */ .nG)(e);
        if (status === 404)
            return; // no environment of that name: nothing to delete
        if (status === 403)
            (0,_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .warning */ .$e)(`${environment}: the GitHub environment is left (GitHub answered 403: ${(e.message ?? '').split('\n')[0]}); deleting one needs a token with administration: write, which the job's GITHUB_TOKEN never has`);
        else
            (0,_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .warning */ .$e)((0,_external_github_js__WEBPACK_IMPORTED_MODULE_0__/* .apiFailure */ .tF)(`${environment}: could not delete the GitHub environment`, e, 'administration: write'));
    }
}


/***/ })

};
