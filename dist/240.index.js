export const id = 240;
export const ids = [240];
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


/***/ })

};
