export const id = 887;
export const ids = [887,240];
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


/***/ })

};
