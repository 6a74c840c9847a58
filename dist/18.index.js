export const id = 18;
export const ids = [18,791];
export const modules = {

/***/ 1979:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ publicSourceUrl),
/* harmony export */   T: () => (/* binding */ Git)
/* harmony export */ });
/* harmony import */ var _deadline_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6683);
/** The `git` CLI, read-only: the revision and origin a built image is labelled with. */

class Git {
    exec;
    cwd;
    constructor(exec, cwd) {
        this.exec = exec;
        this.cwd = cwd;
    }
    async execute(args) {
        const r = await this.exec
            .run('git', ['-C', this.cwd, ...args], { allowFailure: true, timeoutMs: 15_000, pass: [/^GIT_/] })
            .catch((e) => {
            if ((0,_deadline_js__WEBPACK_IMPORTED_MODULE_0__/* .isDeadlineExceeded */ .A)(e))
                throw e; // out of time is not "not a repository"
            return undefined;
        });
        return r && r.code === 0 ? r : undefined;
    }
    /** full sha of HEAD, or undefined outside a repository */
    async revision() {
        return (await this.execute(['rev-parse', 'HEAD']))?.stdout.trim() || undefined;
    }
    /** `origin`'s URL, or undefined */
    async remoteUrl() {
        return (await this.execute(['remote', 'get-url', 'origin']))?.stdout.trim() || undefined;
    }
}
/** A remote URL as a public https URL: credentials dropped, `git@host:o/r.git` → `https://host/o/r`. */
function publicSourceUrl(remote) {
    const scp = /^[\w.-]+@([\w.-]+):(.+?)(?:\.git)?$/.exec(remote);
    if (scp)
        return `https://${scp[1]}/${scp[2]}`;
    try {
        const u = new URL(remote);
        if (!['https:', 'http:', 'ssh:', 'git:'].includes(u.protocol))
            return undefined;
        const host = u.protocol === 'https:' || u.protocol === 'http:' ? u.host : u.hostname; // ssh ports are not web ports
        return `https://${host}${u.pathname.replace(/\.git$/, '')}`;
    }
    catch {
        return undefined;
    }
}


/***/ }),

/***/ 791:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DOCKER_HUB_CONFIG_KEY: () => (/* binding */ DOCKER_HUB_CONFIG_KEY),
/* harmony export */   GHCR: () => (/* binding */ GHCR),
/* harmony export */   configEntryFor: () => (/* binding */ configEntryFor),
/* harmony export */   configKeyHost: () => (/* binding */ configKeyHost),
/* harmony export */   credentialChain: () => (/* binding */ credentialChain),
/* harmony export */   decodeAuthEntry: () => (/* binding */ decodeAuthEntry),
/* harmony export */   dockerConfigPath: () => (/* binding */ dockerConfigPath),
/* harmony export */   helperServerUrl: () => (/* binding */ helperServerUrl),
/* harmony export */   noCredentials: () => (/* binding */ noCredentials),
/* harmony export */   parseDockerConfig: () => (/* binding */ parseDockerConfig),
/* harmony export */   parseHelperOutput: () => (/* binding */ parseHelperOutput),
/* harmony export */   runCredentialHelper: () => (/* binding */ runCredentialHelper)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _external_env_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6572);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3916);
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4813);
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3564);
/**
 * Where registry credentials come from (docs/behaviour.md#registry-authentication), first match wins:
 *   1. inputs `registry-username` / `registry-password` (any registry the action talks to)
 *   2. input `github-token`, for ghcr.io only (ghcr accepts any username with a token as password)
 *   3. the Docker config (`$DOCKER_CONFIG/config.json`, else `~/.docker/config.json`):
 *      `credHelpers[host]`, else `auths[host]` (`auth`, `username`/`password`, `identitytoken`),
 *      else `credsStore`. Helpers run as `docker-credential-<name> get` with the server URL on stdin.
 * The parsing and matching are pure; only `loadDockerConfig` and `runCredentialHelper` touch the
 * outside world. Every secret found is registered with setSecret before it is returned.
 */







const GHCR = 'ghcr.io';
/** The key Docker itself writes for Docker Hub, and the server URL its credential helpers know. */
const DOCKER_HUB_CONFIG_KEY = 'https://index.docker.io/v1/';
const HUB_NAMES = new Set([_reference_js__WEBPACK_IMPORTED_MODULE_6__/* .DOCKER_HUB */ .Xb, 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com']);
/** Docker's `ConvertToHostname`: drop the scheme and any path (`https://ghcr.io/v2/` → `ghcr.io`). */
function configKeyHost(key) {
    const noScheme = key.replace(/^[a-z]+:\/\//i, '');
    return noScheme.split('/')[0].toLowerCase();
}
function sameRegistry(key, registry) {
    const a = configKeyHost(key);
    const b = registry.toLowerCase();
    return a === b || (HUB_NAMES.has(a) && HUB_NAMES.has(b));
}
/** The server URL a credential helper is asked about: Docker Hub's legacy URL, else the host. */
function helperServerUrl(registry) {
    return HUB_NAMES.has(registry.toLowerCase()) ? DOCKER_HUB_CONFIG_KEY : registry;
}
function dockerConfigPath(env = process.env, home = (0,node_os__WEBPACK_IMPORTED_MODULE_1__.homedir)()) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(env.DOCKER_CONFIG || (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(home, '.docker'), 'config.json');
}
/** Parse config.json text; a file that is not JSON is a user error worth one clear line. */
function parseDockerConfig(text, file) {
    let raw;
    try {
        raw = JSON.parse(text);
    }
    catch (e) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ActionError */ .lZ(`${file} is not valid JSON (${e.message})`, {
            where: { file },
            fix: 'repair the file, or remove it and log in again with docker login',
        });
    }
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ActionError */ .lZ(`${file} is not a JSON object`, {
            where: { file },
            fix: 'repair the file, or remove it and log in again with docker login',
        });
    }
    return raw;
}
/** Decode one `auths` entry; `undefined` when it holds nothing usable. */
function decodeAuthEntry(entry) {
    if (!entry || typeof entry !== 'object')
        return undefined;
    let username = typeof entry.username === 'string' ? entry.username : '';
    let password = typeof entry.password === 'string' ? entry.password : '';
    if (typeof entry.auth === 'string' && entry.auth) {
        const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
        const colon = decoded.indexOf(':');
        if (colon > 0) {
            username = decoded.slice(0, colon);
            password = decoded.slice(colon + 1);
        }
    }
    const identityToken = typeof entry.identitytoken === 'string' && entry.identitytoken ? entry.identitytoken : undefined;
    if (identityToken)
        return { username: username || '<token>', password, identityToken };
    if (username && password)
        return { username, password };
    return undefined;
}
/** Docker's order: a registry's own credHelper, then an inline `auths` entry, then the global credsStore. */
function configEntryFor(config, registry) {
    const helpers = config.credHelpers && typeof config.credHelpers === 'object' ? config.credHelpers : {};
    for (const [key, helper] of Object.entries(helpers)) {
        if (typeof helper === 'string' && helper && sameRegistry(key, registry))
            return { kind: 'helper', helper, via: 'credHelpers' };
    }
    const auths = config.auths && typeof config.auths === 'object' ? config.auths : {};
    // an exact key wins over one that only normalises to the same host
    const keys = Object.keys(auths).sort((a, b) => Number(b === registry) - Number(a === registry));
    for (const key of keys) {
        if (!sameRegistry(key, registry))
            continue;
        const decoded = decodeAuthEntry(auths[key]);
        if (decoded)
            return { kind: 'inline', key, ...decoded };
    }
    if (typeof config.credsStore === 'string' && config.credsStore)
        return { kind: 'helper', helper: config.credsStore, via: 'credsStore' };
    return { kind: 'none' };
}
/** Parse what `docker-credential-<name> get` prints: `{"ServerURL","Username","Secret"}`; Username `<token>` = identity token. */
function parseHelperOutput(stdout) {
    let raw;
    try {
        raw = JSON.parse(stdout);
    }
    catch {
        return undefined;
    }
    if (!raw || typeof raw !== 'object')
        return undefined;
    const { Username, Secret } = raw;
    if (typeof Secret !== 'string' || !Secret)
        return undefined;
    const username = typeof Username === 'string' ? Username : '';
    if (username === '<token>')
        return { username, password: '', identityToken: Secret };
    return username ? { username, password: Secret } : undefined;
}
/** `docker-credential-<name> get`, server URL on stdin; `undefined` when it is missing or knows nothing. */
async function runCredentialHelper(exec, helper, serverUrl) {
    if (!/^[A-Za-z0-9._-]+$/.test(helper))
        return undefined;
    try {
        const r = await exec.run(`docker-credential-${helper}`, ['get'], {
            input: serverUrl,
            allowFailure: true,
            timeoutMs: 30_000,
            pass: [/^DOCKER_/, ..._external_env_js__WEBPACK_IMPORTED_MODULE_3__/* .CLOUD_ENV */ .sG],
        });
        return r.code === 0 ? r.stdout : undefined;
    }
    catch (e) {
        if (e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ActionError */ .lZ && /not found on PATH/.test(e.message))
            return undefined;
        throw e;
    }
}
async function readConfig(file) {
    let text;
    try {
        text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(file, 'utf8');
    }
    catch (e) {
        if (e.code === 'ENOENT')
            return undefined;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ActionError */ .lZ(`cannot read ${file}: ${e.message}`, {
            where: { file },
            fix: 'make the file readable, or unset DOCKER_CONFIG',
        });
    }
    return parseDockerConfig(text, file);
}
function registered(c) {
    (0,_runner_js__WEBPACK_IMPORTED_MODULE_5__/* .setSecret */ .Pq)(c.password);
    (0,_runner_js__WEBPACK_IMPORTED_MODULE_5__/* .setSecret */ .Pq)(c.identityToken);
    return c;
}
/** The chain above. Each registry is looked up once; the config file is read at most once. */
function credentialChain(opts) {
    const file = opts.dockerConfigFile === undefined ? dockerConfigPath() : opts.dockerConfigFile;
    const shownFile = file ? file.replace((0,node_os__WEBPACK_IMPORTED_MODULE_1__.homedir)(), '~') : '';
    const { exec } = opts;
    const runHelper = opts.runHelper ?? (exec ? (h, url) => runCredentialHelper(exec, h, url) : async () => undefined);
    const actor = opts.githubActor || process.env.GITHUB_ACTOR || 'x-access-token';
    let config;
    const cache = new Map();
    async function find(registry) {
        const { inputs } = opts;
        if (inputs['registry-password']) {
            return registered({
                username: inputs['registry-username'] || actor,
                password: inputs['registry-password'],
                source: 'input registry-username/registry-password',
            });
        }
        if (inputs['github-token'] && registry.toLowerCase() === GHCR) {
            return registered({ username: actor, password: inputs['github-token'], source: 'input github-token' });
        }
        if (!file)
            return undefined;
        config ??= readConfig(file);
        const cfg = await config;
        if (!cfg)
            return undefined;
        const entry = configEntryFor(cfg, registry);
        if (entry.kind === 'helper') {
            const out = await runHelper(entry.helper, helperServerUrl(registry));
            const parsed = out === undefined ? undefined : parseHelperOutput(out);
            if (parsed)
                return registered({ ...parsed, source: `docker-credential-${entry.helper} (${shownFile} ${entry.via})` });
            // a missing or empty helper: fall back to an inline entry, if the file has one
            const inline = configEntryFor({ auths: cfg.auths }, registry);
            if (inline.kind === 'inline')
                return registered(fromInline(inline, shownFile));
            return undefined;
        }
        if (entry.kind === 'inline')
            return registered(fromInline(entry, shownFile));
        return undefined;
    }
    return {
        lookup(registry) {
            const key = registry.toLowerCase();
            let p = cache.get(key);
            if (!p)
                cache.set(key, (p = find(key)));
            return p;
        },
        hint(registry) {
            const ghcr = registry.toLowerCase() === GHCR ? ' (or github-token with packages: read)' : '';
            return `set the inputs registry-username and registry-password${ghcr}, or log in to ${registry} before this step (docker/login-action)`;
        },
    };
}
function fromInline(entry, shownFile) {
    const c = { username: entry.username, password: entry.password, source: `${shownFile} (auths["${entry.key}"])` };
    if (entry.identityToken)
        c.identityToken = entry.identityToken;
    return c;
}
/** No credentials at all (tests, anonymous-only use). */
const noCredentials = {
    lookup: async () => undefined,
    hint: (registry) => `set the inputs registry-username and registry-password, or log in to ${registry} before this step`,
};


/***/ }),

/***/ 4018:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  E2bProvider: () => (/* binding */ E2bProvider),
  findTemplate: () => (/* reexport */ findTemplate)
});

// EXTERNAL MODULE: ./src/plan/changes.ts
var plan_changes = __webpack_require__(1766);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/runner.ts
var runner = __webpack_require__(4813);
// EXTERNAL MODULE: ./src/text.ts
var src_text = __webpack_require__(8992);
;// CONCATENATED MODULE: ./src/external/e2b.ts
/**
 * The `e2b` CLI (@e2b/cli 2.x). Every operation is a method that assembles argv and calls one
 * private `execute` over src/external/exec.ts; the argv builders are exported as `e2bArgv` so the plan
 * prints exactly what deploy runs. The API key travels in the environment (`E2B_API_KEY`, which
 * the CLI reads), never in argv.
 */



const e2bArgv = {
    templateCreate(s) {
        const args = ['template', 'create', s.alias, '--path', s.root, '--dockerfile', s.dockerfile];
        if (s.startCmd)
            args.push('--cmd', s.startCmd, '--ready-cmd', s.readyCmd ?? 'sleep 20');
        else if (s.readyCmd)
            args.push('--ready-cmd', s.readyCmd);
        args.push('--cpu-count', String(s.cpuCount), '--memory-mb', String(s.memoryMb));
        if (s.noCache)
            args.push('--no-cache');
        return args;
    },
    templateDelete: (templateId) => ['template', 'delete', templateId, '--yes'],
    sandboxKill: (ids) => ['sandbox', 'kill', ...ids],
};
/** The one line of a failed e2b command: the CLI prints `Error: …` or `E2BRequestError: …` before a stack. */
function e2bFailureLine(stderr, stdout) {
    const lines = (0,runner/* redact */.E$)(`${stderr}\n${stdout}`)
        .split('\n')
        .map((l) => l.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '').trim())
        .filter(Boolean);
    const named = lines.find((l) => /^(Error|E2BRequestError|[A-Za-z]*Error):\s/.test(l) && !/^Error:\s*$/.test(l));
    const line = named?.replace(/^Error:\s*/, '') ?? lines.find((l) => !/^at\s/.test(l) && !/^[❌─\s]+/.test(l)) ?? lines.pop() ?? '';
    return line.slice(0, 400);
}
/** What the E2B CLI (a Node program) reads: its own settings (the key itself is set, never inherited). */
const E2B_ENV = [/^E2B_(?!API_KEY$|ACCESS_TOKEN$)/, 'NODE_OPTIONS'];
class E2b {
    exec;
    cwd;
    apiKey;
    constructor(exec, cwd, apiKey) {
        this.exec = exec;
        this.cwd = cwd;
        this.apiKey = apiKey;
    }
    async execute(args, opts) {
        let r;
        try {
            r = await this.exec.run('e2b', args, {
                cwd: this.cwd,
                pass: E2B_ENV,
                ...opts,
                // NO_UPDATE_NOTIFIER: the CLI would otherwise ask the npm registry for a newer version
                env: { ...opts.env, E2B_API_KEY: this.apiKey, NO_UPDATE_NOTIFIER: '1' },
                allowFailure: true,
            });
        }
        catch (e) {
            if (e instanceof errors/* ActionError */.lZ && /was not found on PATH/.test(e.message))
                throw new errors/* ActionError */.lZ(e.message, { fix: 'add a step that runs npm install -g @e2b/cli@2 before this one' });
            throw e;
        }
        if (r.timedOut)
            throw new errors/* ActionError */.lZ(`\`${(0,runner/* redact */.E$)((0,src_text/* quoteArgv */.rx)(['e2b', ...args]))}\` did not finish in time and was stopped`, {
                fix: 'raise the input timeout, or find out from the log above why E2B is slow',
            });
        if (r.code !== 0)
            throw new errors/* ActionError */.lZ(`${opts.what} failed: ${e2bFailureLine(r.stderr, r.stdout) || `exit code ${r.code}`}`, {
                fix: opts.fix ?? 'see the e2b output above; check E2B_API_KEY and the E2B status page',
            });
        return r;
    }
    async templateCreate(spec, timeoutMs) {
        await this.execute(e2bArgv.templateCreate(spec), {
            what: `e2b template create ${spec.alias}`,
            timeoutMs,
            stream: true,
            fix: 'read the build log above; a base image E2B cannot pull needs to be public or in a registry E2B can reach',
        });
    }
    async templateDelete(templateId, timeoutMs) {
        await this.execute(e2bArgv.templateDelete(templateId), { what: `e2b template delete ${templateId}`, timeoutMs, stream: true });
    }
    async sandboxKill(ids, timeoutMs) {
        if (ids.length > 0)
            await this.execute(e2bArgv.sandboxKill(ids), { what: 'e2b sandbox kill', timeoutMs, stream: true });
    }
}

;// CONCATENATED MODULE: ./src/external/e2b-api.ts


function e2bApiUrl(env = process.env) {
    if (env.E2B_API_URL)
        return env.E2B_API_URL.replace(/\/+$/, '');
    if (env.E2B_DEBUG === 'true')
        return 'http://localhost:3000';
    return `https://api.${env.E2B_DOMAIN || 'e2b.app'}`;
}
/** a sandbox ID no sandbox has (IDs are 20 random lowercase letters and digits, never this word) */
const TIMEOUT_PROBE_SANDBOX = 'sindritimeoutprobe';
/**
 * The query of `GET /v2/sandboxes` as the CLI's `sandbox list --state running,paused --metadata k=v`
 * sends it (the SDK's SandboxPaginator): `metadata` is the URL-encoded `k=v` pairs, encoded again as a
 * query value; arrays are comma-joined (`style: form, explode: false`); pages follow `x-next-token`.
 */
function sandboxListQuery(key, value, nextToken) {
    const q = new URLSearchParams({
        metadata: new URLSearchParams({ [encodeURIComponent(key)]: encodeURIComponent(value) }).toString(),
        state: 'running,paused',
        limit: String(SANDBOX_PAGE),
    });
    if (nextToken)
        q.set('nextToken', nextToken);
    return q.toString();
}
const SANDBOX_PAGE = 100;
class E2bApi {
    deadline;
    apiKey;
    base;
    callMs;
    constructor(deadline, apiKey, base = e2bApiUrl(), 
    /** the most one call may wait (the plan's live read waits less than a deploy: ADR 0045) */
    callMs = 60_000) {
        this.deadline = deadline;
        this.apiKey = apiKey;
        this.base = base;
        this.callMs = callMs;
    }
    /** One exchange: the status and the API's message (`{code, message}`) or the body. */
    async call(method, path, body, quiet = false) {
        const what = `E2B API ${method} ${path}`;
        if (quiet)
            (0,runner/* debug */.Yz)(`→ ${what}`);
        else
            (0,runner/* info */.pq)(`→ ${what}`); // the path only: bodies carry secrets (envVars, registry credentials)
        let res;
        try {
            res = await fetch(`${this.base}${path}`, {
                method,
                headers: { 'X-API-KEY': this.apiKey, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
                body: body === undefined ? undefined : JSON.stringify(body),
                signal: AbortSignal.timeout(this.deadline.budget(`the E2B API call ${method} ${path}`, this.callMs)),
            });
        }
        catch (e) {
            throw new errors/* ActionError */.lZ(`${what}: ${e.message}`, {
                where: { field: 'E2B_API_URL' },
                fix: 'check that the runner reaches the E2B API (E2B_API_URL / E2B_DOMAIN)',
            });
        }
        const text = await res.text();
        (0,runner/* debug */.Yz)(`${what} → ${res.status}`);
        let message = text.trim().slice(0, 300);
        if (!res.ok)
            try {
                message = String(JSON.parse(text).message ?? message);
            }
            catch {
                // not JSON: the raw text
            }
        return { status: res.status, ok: res.ok, text, message: (0,runner/* redact */.E$)(message), next: res.headers.get('x-next-token') || undefined };
    }
    async request(method, path, body, quiet = false) {
        return (await this.page(method, path, body, quiet)).data;
    }
    /** One answer and the token of the next page, if the API sent one. */
    async page(method, path, body, quiet = false) {
        const r = await this.call(method, path, body, quiet);
        if (!r.ok)
            throw new errors/* ActionError */.lZ(`E2B API ${method} ${path} answered ${r.status}: ${r.message}`, {
                fix: r.status === 401 ? 'set E2B_API_KEY to a valid key (repository secret)' : 'see the E2B message; retry when E2B is healthy',
            });
        return { data: r.text ? JSON.parse(r.text) : undefined, next: r.next };
    }
    /**
     * The team's templates: the request `e2b template list` makes (`GET /templates`, with `teamID` when
     * E2B_TEAM_ID is set, as the CLI sends it), without a CLI start (issue 25).
     */
    async listTemplates(teamID = process.env.E2B_TEAM_ID) {
        const list = await this.request('GET', `/templates${teamID ? `?${new URLSearchParams({ teamID }).toString()}` : ''}`);
        return Array.isArray(list) ? list : [];
    }
    /** Running and paused sandboxes whose metadata has key=value, every page: what `e2b sandbox list` prints, without a CLI start. */
    async listSandboxes(key, value) {
        const out = [];
        let next;
        do {
            const page = await this.page('GET', `/v2/sandboxes?${sandboxListQuery(key, value, next)}`);
            for (const s of page.data ?? [])
                out.push({ sandboxId: s.sandboxID, templateId: s.templateID, metadata: s.metadata ?? {}, state: s.state });
            next = page.next;
        } while (next);
        return out;
    }
    /**
     * The team's limit on a sandbox's life, asked before anything is built (ADR 0032): no endpoint an API
     * key may read states it, but `POST /sandboxes/{id}/connect` checks the timeout against it before it
     * looks the sandbox up, so a sandbox that cannot exist answers 400 `Timeout cannot be greater than N
     * hours` over the limit and 404 within it. Undefined: within the limit, or the answer told nothing
     * (then the sandbox start is where the API says it).
     */
    async timeoutRefusal(seconds) {
        const r = await this.call('POST', `/sandboxes/${TIMEOUT_PROBE_SANDBOX}/connect`, { timeout: seconds });
        if (r.status === 400 && /^Timeout cannot be greater than \d+ hours?$/.test(r.message))
            return r.message;
        if (r.status === 401)
            throw new errors/* ActionError */.lZ(`E2B API answered 401: ${r.message}`, { fix: 'set E2B_API_KEY to a valid key (repository secret)' });
        if (r.status !== 404)
            (0,runner/* debug */.Yz)(`the timeout limit probe answered ${r.status}: ${r.message}`);
        return undefined;
    }
    async createSandbox(body) {
        const r = await this.request('POST', '/sandboxes', body);
        if (!r?.sandboxID)
            throw new errors/* ActionError */.lZ('E2B API POST /sandboxes returned no sandboxID', { fix: 'retry; report it if it persists' });
        return r;
    }
    /** A running sandbox's envd token (a paused one is resumed); its life is only ever extended, to at least `timeout` s from now. */
    async connectSandbox(sandboxID, timeout) {
        const r = await this.request('POST', `/sandboxes/${encodeURIComponent(sandboxID)}/connect`, { timeout });
        if (!r?.sandboxID)
            throw new errors/* ActionError */.lZ(`E2B API POST /sandboxes/${sandboxID}/connect returned no sandbox`, { fix: 'retry' });
        return r;
    }
    /** false when the API no longer knows it (404: ended already), as `e2b sandbox kill` takes it */
    async killSandbox(sandboxID) {
        const path = `/sandboxes/${encodeURIComponent(sandboxID)}`;
        const r = await this.call('DELETE', path);
        if (r.status === 404)
            return false;
        if (!r.ok)
            throw new errors/* ActionError */.lZ(`E2B API DELETE ${path} answered ${r.status}: ${r.message}`, { fix: 'retry when E2B is healthy' });
        return true;
    }
    /**
     * A template build through the API, for what `e2b template create` cannot send (registry
     * credentials of a private base image): `POST /v3/templates` registers the build, as the SDK does.
     */
    async requestBuild(body) {
        const r = await this.request('POST', '/v3/templates', body);
        if (!r?.templateID || !r.buildID)
            throw new errors/* ActionError */.lZ('E2B API POST /v3/templates returned no templateID or buildID', { fix: 'retry; report it if it persists' });
        return { templateID: r.templateID, buildID: r.buildID };
    }
    /** `POST /v2/templates/{templateID}/builds/{buildID}`: the body carries the credentials, so it is never logged */
    async startBuild(templateID, buildID, body) {
        await this.request('POST', `/v2/templates/${encodeURIComponent(templateID)}/builds/${encodeURIComponent(buildID)}`, body);
    }
    async buildStatus(templateID, buildID, logsOffset) {
        const path = `/templates/${encodeURIComponent(templateID)}/builds/${encodeURIComponent(buildID)}/status?logsOffset=${logsOffset}`;
        const r = await this.request('GET', path, undefined, true); // polled: in the debug log only
        if (!r?.status)
            throw new errors/* ActionError */.lZ(`E2B API GET ${path} returned no status`, { fix: 'retry' });
        return r;
    }
    /** the id of the team's template with this alias, or undefined (404: no such alias; 403: another team's) */
    async templateIdOf(alias) {
        const r = await this.call('GET', `/templates/aliases/${encodeURIComponent(alias)}`);
        if (r.status === 404 || r.status === 403)
            return undefined;
        if (!r.ok)
            throw new errors/* ActionError */.lZ(`E2B API GET /templates/aliases/${alias} answered ${r.status}: ${r.message}`, { fix: 'retry' });
        return JSON.parse(r.text).templateID;
    }
    /** tags of a template (by id or alias); an unknown template has none */
    async templateTags(template) {
        try {
            return (await this.request('GET', `/templates/${encodeURIComponent(template)}/tags`)) ?? [];
        }
        catch (e) {
            if (e instanceof errors/* ActionError */.lZ && / answered 404:/.test(e.message))
                return [];
            throw e;
        }
    }
    /**
     * tag a build: the one `target` names (`alias` = its `default` tag, `alias:tag` = that tag's build);
     * the answer names the build that was tagged
     */
    async assignTags(target, tags) {
        const r = await this.request('POST', '/templates/tags', { target, tags });
        return r ?? { tags: [], buildID: '' };
    }
}

// EXTERNAL MODULE: ./src/image/credentials.ts
var credentials = __webpack_require__(791);
// EXTERNAL MODULE: ./src/providers/kit/health.ts
var kit_health = __webpack_require__(4971);
// EXTERNAL MODULE: ./src/providers/kit/files.ts
var files = __webpack_require__(9018);
// EXTERNAL MODULE: ./src/providers/kit/time.ts
var time = __webpack_require__(1068);
// EXTERNAL MODULE: ./src/image/reference.ts
var reference = __webpack_require__(3564);
// EXTERNAL MODULE: ./src/image/registry-auth.ts
var registry_auth = __webpack_require__(2429);
// EXTERNAL MODULE: ./src/image/registry-http.ts
var registry_http = __webpack_require__(5687);
// EXTERNAL MODULE: ./src/image/types.ts
var types = __webpack_require__(1328);
;// CONCATENATED MODULE: ./src/providers/e2b/image-config.ts






/** The manifest of a multi-platform index the builder pulls: linux/amd64 (E2B's sandboxes are x86-64). */
function pickLinuxAmd64(index) {
    return index.manifests?.find((m) => m.platform?.os === 'linux' && m.platform?.architecture === 'amd64')?.digest;
}
/** What runs when the image starts, as Docker runs it: ENTRYPOINT then CMD (either may be empty). */
function startArgv(start) {
    return [...start.entrypoint, ...start.cmd];
}
/**
 * Entrypoint and Cmd of `ref` (a pinned `repo@sha256:…`), or undefined when the registry does not tell
 * (then the template has no start command, as before, and the caller says so).
 */
async function readImageStart(ref, opts) {
    const image = (0,reference/* parseReference */.F2)(ref);
    const http = new registry_http/* RegistryHttp */.WR({ deadline: opts.deadline, timeoutMs: 30_000, retries: 2, backoffMs: 500, maxRetryAfterMs: 10_000 });
    const auth = new registry_auth/* RegistryAuth */.g(http, (0,credentials.credentialChain)({ inputs: opts.inputs, exec: opts.exec }));
    const get = async (path, accept) => {
        const { reply } = await auth.authorized(image, 'GET', path, accept);
        if (reply.status !== 200)
            throw new Error(`${(0,reference/* apiHost */.nz)(image.registry)}${path} answered ${reply.status}`);
        return JSON.parse(reply.body.toString('utf8'));
    };
    try {
        let manifest = (await get(`/v2/${image.repository}/manifests/${image.digest ?? image.tag ?? 'latest'}`, types/* MANIFEST_ACCEPT */.dY));
        if (manifest.manifests) {
            const one = pickLinuxAmd64(manifest);
            if (!one)
                return undefined;
            manifest = (await get(`/v2/${image.repository}/manifests/${one}`, types/* MANIFEST_ACCEPT */.dY));
        }
        if (!manifest.config?.digest)
            return undefined;
        const config = (await get(`/v2/${image.repository}/blobs/${manifest.config.digest}`));
        return { entrypoint: config.config?.Entrypoint ?? [], cmd: config.config?.Cmd ?? [] };
    }
    catch (e) {
        (0,runner/* debug */.Yz)(`the start command of ${ref} could not be read: ${e.message}`);
        return undefined;
    }
}

// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(8500);
;// CONCATENATED MODULE: ./src/providers/e2b/dockerfile.ts
/**
 * The `e2b.Dockerfile` of provider e2b (issue 9), built as text from structured data. Pure.
 *
 * A prebuilt image (rules 1–7, 9) becomes `FROM <repo@sha256:…>` plus the E2B lines; a Dockerfile
 * (rule 8) keeps its own instructions and gets the same lines appended. The E2B lines are upstream's
 * (docs/upstream.md#e2b-provider) minus what it got wrong: no secret ever becomes `ENV` or `ARG` (E2B
 * turns both into environment of the template, readable by anyone who starts it), no `NPM_TOKEN`.
 *
 * Every value is validated against what the E2B CLI's Dockerfile parser (dockerfile-ast) and Docker
 * both read the same way: values that would need quoting are refused with a one-line error instead
 * of being escaped into something one of the two parsers reads differently.
 */



const E2B_DIR = '.e2b';
const E2B_DOCKERFILE_NAME = 'e2b.Dockerfile';
const E2B_DOCKERFILE = `${E2B_DIR}/${E2B_DOCKERFILE_NAME}`;
/** .e2b/e2b.Dockerfile as kit/files.ts writes and removes it: only one with our first line is replaced or removed. */
function e2bDockerfileFile(workdir) {
    return { path: (0,external_node_path_.join)(workdir, E2B_DOCKERFILE), file: E2B_DOCKERFILE, root: workdir, isOurs: (text) => text.startsWith(files/* GENERATED_HEADER */.er) };
}
/** upstream's user and workspace of the Sindri image */
const E2B_USER = 'developer';
const E2B_WORKDIR = '/alt/home/developer/workspace';
const CACHE_BUST_ENV = 'SINDRI_FORCE_BUILD';
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** what both parsers read unquoted and identically: no space, quote, `$`, backslash, `#` */
const PLAIN_VALUE = /^[A-Za-z0-9_.,:/@+=-]*$/;
/** `registry[:port]/path[:tag][@sha256:<64 hex>]` (host in any case), nothing a Dockerfile line could misread */
const IMAGE_REF = /^[A-Za-z0-9]+(?:[._-][A-Za-z0-9]+)*(?::[0-9]+)?(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)+(?::[\w][\w.-]{0,127})?(?:@sha256:[0-9a-f]{64})?$/;
/** The instructions of a Dockerfile: comments and blank lines skipped, `\` continuations joined. */
function dockerfileInstructions(content) {
    const out = [];
    const lines = content.replace(/\r\n?/g, '\n').split('\n');
    for (let i = 0; i < lines.length; i++) {
        const first = lines[i];
        if (/^\s*(#|$)/.test(first))
            continue;
        const line = i + 1;
        let text = first;
        // a trailing `\` continues the instruction; comment lines inside it are skipped, not ended on
        let open = /\\\s*$/.test(text);
        while (open && i + 1 < lines.length) {
            const next = lines[++i];
            if (/^\s*#/.test(next))
                continue;
            text = text.replace(/\\\s*$/, ' ') + next;
            open = /\\\s*$/.test(next);
        }
        const m = /^\s*([A-Za-z]+)\s*(.*)$/.exec(text);
        if (m)
            out.push({ keyword: m[1].toUpperCase(), args: m[2].trim(), line, endLine: i + 1 });
    }
    return out;
}
/** Names an `ENV`/`ARG` instruction declares (`ENV A=1 B=2`, `ENV A 1`, `ARG A`, `ARG A=x`). */
function declaredNames(ins) {
    if (ins.keyword !== 'ENV' && ins.keyword !== 'ARG')
        return [];
    if (ins.keyword === 'ENV' && !/^[^\s=]+=/.test(ins.args))
        return [ins.args.split(/\s+/)[0]];
    return ins.args
        .split(/\s+/)
        .map((a) => a.split('=')[0])
        .filter((n) => ENV_NAME.test(n));
}
function checkImageRef(ref) {
    if (!IMAGE_REF.test(ref))
        throw new errors/* ActionError */.lZ(`image reference "${ref}" cannot be written into e2b.Dockerfile`, {
            fix: 'pass a full reference such as ghcr.io/owner/image@sha256:… (registry, repository, tag or digest)',
        });
    return ref;
}
/** The e2b.Dockerfile text. Throws one ActionError for anything that cannot be written safely. */
function renderE2bDockerfile(spec) {
    const secrets = new Set(spec.secretNames);
    const lines = [`${files/* GENERATED_HEADER */.er} for provider e2b: edit sindri.yaml, not this file`];
    if (spec.cacheBust !== undefined && !/^[A-Za-z0-9_.-]+$/.test(spec.cacheBust))
        throw new errors/* ActionError */.lZ(`cache-bust token "${spec.cacheBust}" is not plain`, {
            fix: 'report this at https://github.com/sindri/deploy-action/issues',
        });
    const bust = spec.cacheBust === undefined ? [] : [`ENV ${CACHE_BUST_ENV}=${spec.cacheBust}`];
    if (spec.base.kind === 'image') {
        lines.push(`FROM ${checkImageRef(spec.base.ref)}`, ...bust);
    }
    else {
        const { path, content } = spec.base;
        const instructions = dockerfileInstructions(content);
        const froms = instructions.filter((i) => i.keyword === 'FROM');
        if (froms.length !== 1) {
            const at = froms[1] ?? instructions[0];
            throw new errors/* ActionError */.lZ(froms.length === 0 ? `${path} has no FROM instruction` : `${path} is a multi-stage Dockerfile, which E2B templates cannot build`, {
                where: { file: path, line: at?.line },
                fix: 'build the image in CI (docker/build-push-action) and pass image-digest, or reduce the Dockerfile to one stage',
            });
        }
        for (const ins of instructions) {
            const baked = declaredNames(ins).filter((n) => secrets.has(n));
            if (baked.length > 0)
                throw new errors/* ActionError */.lZ(`${path} declares ${ins.keyword} ${baked[0]}, a secret of sindri.yaml: E2B would bake it into the template`, {
                    where: { file: path, line: ins.line },
                    fix: `remove that ${ins.keyword} line: the action hands secrets to the sandbox when it starts, never to the template`,
                });
        }
        const body = content.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n');
        body.splice(froms[0].endLine, 0, ...bust);
        lines.push(`# ${path.replace(/[^\w./-]/g, '_')}`, ...body, '# E2B settings');
    }
    const env = [];
    for (const [name, value] of spec.env) {
        if (!ENV_NAME.test(name) || secrets.has(name))
            throw new errors/* ActionError */.lZ(`"${name}" cannot be written as an ENV line of e2b.Dockerfile`, {
                fix: 'report this at https://github.com/sindri/deploy-action/issues',
            });
        if (!PLAIN_VALUE.test(value))
            throw new errors/* ActionError */.lZ(`the value of ${name} ("${value}") holds characters e2b.Dockerfile cannot carry unquoted`, {
                where: { field: 'extensions' },
                fix: 'use letters, digits and - _ . , : / @ + = only (profile and extension names)',
            });
        env.push(`${name}=${value}`);
    }
    if (env.length > 0)
        lines.push(`ENV ${env.join(' ')}`);
    lines.push(`WORKDIR ${E2B_WORKDIR}`, `USER ${E2B_USER}`);
    return `${lines.join('\n')}\n`;
}

;// CONCATENATED MODULE: ./src/providers/e2b/registry-build.ts
/**
 * A private base image for an E2B template (issue 26, ADR 0034). E2B's template manager pulls the
 * base itself, and takes registry credentials for it in the build-start body (`fromImageRegistry`,
 * `{type: 'registry', username, password}`, what the SDK's `Template().fromImage(ref, {username,
 * password})` sends). The e2b CLI (2.19) cannot send them: `template create` has no option for them
 * and its Dockerfile path never sets them. So for a private pinned image the build is made through the
 * API as the SDK makes it — `POST /v3/templates`, `POST /v2/templates/{id}/builds/{build}`, then the
 * status polled — with the steps the CLI's Dockerfile parser gives for the same e2b.Dockerfile. The
 * credentials are only ever in that one request body: never in the Dockerfile, argv, a file or a log.
 */




/** How often the build's status is asked for (the SDK asks every 200 ms; a build takes minutes) */
const POLL_MS = 1000;
const step = (type, args) => ({ type, args, force: false });
/**
 * ENV's arguments as the CLI's parser reads them (`handleEnvInstruction`): `ENV A 1` is one pair,
 * otherwise every `name=value` argument is one; a name given twice keeps its first place and last value.
 */
function envArgs(args) {
    if (args.length === 2 && !(args[0].includes('=') && args[1].includes('=')))
        return [args[0], args[1]];
    const pairs = new Map();
    for (const a of args) {
        const eq = a.indexOf('=');
        if (eq > 0)
            pairs.set(a.slice(0, eq), a.slice(eq + 1));
    }
    return [...pairs].flat();
}
/**
 * The build-start body the SDK sends for the e2b.Dockerfile of a prebuilt image (`parseDockerfile`
 * of @e2b/cli 2.19: `USER root` and `WORKDIR /` first, each instruction a step, `USER user` and
 * `WORKDIR /home/user` added when the file sets neither), with the start and ready commands as
 * `template create --cmd/--ready-cmd` gives them. That file holds only FROM, ENV, WORKDIR and USER,
 * with values that need no quoting (dockerfile.ts); anything else is a bug here, said as one.
 */
function templateBuildStart(dockerfile, create, registry) {
    const steps = [step('USER', ['root']), step('WORKDIR', ['/'])];
    let fromImage;
    let user = false;
    let workdir = false;
    for (const ins of dockerfileInstructions(dockerfile)) {
        const args = ins.args.split(/\s+/).filter(Boolean);
        if (ins.keyword === 'FROM' && fromImage === undefined && args.length === 1)
            fromImage = args[0];
        else if ((ins.keyword === 'USER' || ins.keyword === 'WORKDIR') && args.length === 1) {
            steps.push(step(ins.keyword, args));
            if (ins.keyword === 'USER')
                user = true;
            else
                workdir = true;
        }
        else if (ins.keyword === 'ENV' && args.length > 0) {
            const pairs = envArgs(args);
            if (pairs.length > 0)
                steps.push(step('ENV', pairs));
        }
        else
            throw new errors/* ActionError */.lZ(`e2b.Dockerfile line ${ins.line} (${ins.keyword}) cannot be sent as an E2B template step here`, {
                fix: 'report this at https://github.com/sindri/deploy-action/issues',
            });
    }
    if (!fromImage)
        throw new errors/* ActionError */.lZ('e2b.Dockerfile has no FROM image', { fix: 'report this at https://github.com/sindri/deploy-action/issues' });
    if (!user)
        steps.push(step('USER', ['user']));
    if (!workdir)
        steps.push(step('WORKDIR', ['/home/user']));
    const body = { fromImage, force: create.noCache, steps };
    if (create.startCmd)
        Object.assign(body, { startCmd: create.startCmd, readyCmd: create.readyCmd ?? 'sleep 20' });
    else if (create.readyCmd)
        body.readyCmd = create.readyCmd;
    if (registry)
        body.fromImageRegistry = registry;
    return body;
}
/**
 * The credential for E2B's pull, from the chain that opened the image. E2B's general registry type
 * takes a username and a password: a Docker config entry holding only an identity token (an OAuth2
 * refresh token) cannot be passed on, and fails here in one line before anything is built.
 */
function registryCredential(image, registry, c) {
    if (!c || !c.password)
        throw new errors/* ActionError */.lZ(c
            ? `the credentials for ${registry} (${c.source}) hold only an identity token, and E2B's template build takes a username and password to pull the private base image ${image}`
            : `no credentials for ${registry} reach E2B's template build, and its base image ${image} is private`, {
            where: { field: 'input registry-password' },
            fix: `set the inputs registry-username and registry-password (or github-token with packages: read for ghcr.io) to a login that may pull ${image}, or make the image public`,
        });
    (0,runner/* setSecret */.Pq)(c.password);
    return { type: 'registry', username: c.username, password: c.password };
}
/**
 * The template's build through the API: requested, started with `body`, then its status polled (and
 * its log printed) until it is ready or failed, within the run's deadline.
 */
async function buildThroughApi(api, o) {
    const { templateID, buildID } = await api.requestBuild({ name: o.alias, cpuCount: o.cpuCount, memoryMB: o.memoryMb });
    await api.startBuild(templateID, buildID, o.body);
    (0,runner/* info */.pq)(`template ${o.alias} (${templateID}): build ${buildID} started with the registry credentials for ${o.body.fromImage}`);
    for (let offset = 0;;) {
        const s = await api.buildStatus(templateID, buildID, offset);
        const entries = s.logEntries ?? [];
        for (const e of entries)
            (0,runner/* info */.pq)(e.message);
        offset += entries.length;
        if (s.status === 'ready')
            return { templateID, buildID };
        if (s.status === 'error')
            throw new errors/* ActionError */.lZ(`the E2B build of template ${o.alias} failed: ${s.reason?.message ?? 'E2B gave no reason'}`, {
                fix: `read the build log above; a base image E2B cannot pull needs credentials that may pull it (registry-username / registry-password) or to be public`,
            });
        await (0,promises_.setTimeout)(Math.min(POLL_MS, o.deadline.budget(`the E2B build of template ${o.alias} finished`)));
    }
}

;// CONCATENATED MODULE: ./src/external/e2b-envd.ts
/**
 * A command inside an E2B sandbox, the way the E2B SDK runs one (`sandbox.commands.run`): envd's
 * process service in the sandbox, `POST /process.Process/Start` over the Connect protocol with its
 * JSON codec (a server stream of envelopes: 1 flag byte, a 4-byte big-endian length, a JSON message).
 * The command is ONE argument of `/bin/sh -c`, never a shell of ours. envd wants the sandbox's
 * `envdAccessToken` (sandboxes we start are `secure`) in `X-Access-Token`.
 *
 * Where envd is (as the SDK finds it): `E2B_SANDBOX_URL` when set; `http://localhost:49983` with
 * `E2B_DEBUG=true`; for E2B's own domains the shared host `https://sandbox.<domain>` (the sandbox and
 * port in headers); else `https://49983-<sandbox>.<domain>`. `domain` comes from the sandbox start or
 * connect answer, else `E2B_DOMAIN`, else `e2b.app`.
 */

const ENVD_PORT = 49983;
const SHARED_HOST_DOMAINS = new Set(['e2b.app', 'e2b.dev', 'e2b.pro', 'e2b-staging.dev']);
function envdUrl(access, env = process.env) {
    if (env.E2B_SANDBOX_URL)
        return env.E2B_SANDBOX_URL.replace(/\/+$/, '');
    if (env.E2B_DEBUG === 'true')
        return `http://localhost:${ENVD_PORT}`;
    const domain = access.domain || env.E2B_DOMAIN || 'e2b.app';
    return SHARED_HOST_DOMAINS.has(domain) ? `https://sandbox.${domain}` : `https://${ENVD_PORT}-${access.sandboxID}.${domain}`;
}
/** One Connect envelope: flag, big-endian length, the JSON message. */
function envelope(message, flag = 0) {
    const body = Buffer.from(JSON.stringify(message));
    const head = Buffer.alloc(5);
    head[0] = flag;
    head.writeUInt32BE(body.length, 1);
    return Buffer.concat([head, body]);
}
/** The envelopes in a buffer, and what is left of an incomplete one. */
function readEnvelopes(buffer) {
    const messages = [];
    let at = 0;
    while (buffer.length - at >= 5) {
        const length = buffer.readUInt32BE(at + 1);
        if (buffer.length - at - 5 < length)
            break;
        const text = buffer.subarray(at + 5, at + 5 + length).toString('utf8');
        messages.push({ flag: buffer[at], message: text ? JSON.parse(text) : {} });
        at += 5 + length;
    }
    return { messages, rest: buffer.subarray(at) };
}
/** Output kept per stream: the check keeps only the last line anyway. */
const KEEP = 64 * 1024;
const keepTail = (s) => (s.length > KEEP ? s.slice(-KEEP) : s);
/**
 * Run `command` by `/bin/sh -c` in the sandbox, at most `timeoutMs`. Never throws: a non-zero exit, a
 * refused or broken connection, envd's own error are all a result with a non-zero code and the reason
 * in `stderr` (the health check retries, then reports the last one).
 */
async function runInSandbox(access, command, timeoutMs) {
    const url = `${envdUrl(access)}/process.Process/Start`;
    const headers = {
        'content-type': 'application/connect+json',
        'connect-protocol-version': '1',
        'e2b-sandbox-id': access.sandboxID,
        'e2b-sandbox-port': String(ENVD_PORT),
        'keepalive-ping-interval': '50',
    };
    if (access.envdAccessToken)
        headers['x-access-token'] = access.envdAccessToken;
    const body = envelope({ process: { cmd: '/bin/sh', args: ['-c', command] }, stdin: false });
    let stdout = '';
    let stderr = '';
    const signal = AbortSignal.timeout(Math.max(1, timeoutMs));
    try {
        const res = await fetch(url, { method: 'POST', headers, body, signal });
        if (!res.ok || !res.body) {
            const text = (0,runner/* redact */.E$)((await res.text()).trim()).slice(0, 300);
            return { code: 255, stdout, stderr: `envd answered ${res.status}: ${text}` };
        }
        let pending = Buffer.alloc(0);
        for await (const chunk of res.body) {
            const read = readEnvelopes(Buffer.concat([pending, Buffer.from(chunk)]));
            pending = read.rest;
            for (const { flag, message } of read.messages) {
                const m = message;
                if (flag & 2) {
                    // end of stream: `{}`, or envd's error
                    if (m.error)
                        return { code: 255, stdout, stderr: `${stderr}envd: ${m.error.code ?? ''} ${m.error.message ?? ''}`.trim() };
                    continue;
                }
                const data = m.event?.data;
                if (data?.stdout)
                    stdout = keepTail(stdout + Buffer.from(data.stdout, 'base64').toString('utf8'));
                if (data?.stderr)
                    stderr = keepTail(stderr + Buffer.from(data.stderr, 'base64').toString('utf8'));
                const end = m.event?.end;
                if (end) {
                    (0,runner/* debug */.Yz)(`envd: ${access.sandboxID}: ${end.status ?? ''}`);
                    return { code: end.exitCode ?? (end.exited ? 0 : 255), stdout, stderr: end.error ? `${stderr}${end.error}` : stderr };
                }
            }
        }
        return { code: 255, stdout, stderr: `${stderr}envd ended the stream without the command's end` };
    }
    catch (e) {
        if (signal.aborted)
            return { code: 255, stdout, stderr, timedOut: true };
        return { code: 255, stdout, stderr: `envd at ${url}: ${e.message}` };
    }
}

// EXTERNAL MODULE: ./src/providers/kit/build.ts
var build = __webpack_require__(2693);
// EXTERNAL MODULE: ./src/config/place.ts
var place = __webpack_require__(697);
// EXTERNAL MODULE: ./src/naming.ts
var naming = __webpack_require__(8499);
// EXTERNAL MODULE: ./src/providers/kit/settings.ts
var settings = __webpack_require__(272);
;// CONCATENATED MODULE: ./src/providers/e2b/settings.ts
/**
 * What provider e2b reads from sindri.yaml: `providers.e2b` with upstream's defaults
 * (docs/upstream.md#e2b-settings) through the kit's typed readers, the template's sizes from
 * `deployment.resources`, and the names it gives the template and its sandboxes. Every wrong value is
 * one error at its place in the file, before anything is rendered.
 */



/** E2B template names: lowercase letters, digits, dashes (underscores too, but not in a DNS-ish name), ≤ 128 */
const E2B_NAMING = { max: 128, invalid: /[^a-z0-9-]+/g, lowercase: true };
/** providers.e2b, validated. */
function e2bSettings(config) {
    const s = settings/* Settings */.w.of(config, 'e2b');
    const alias = s.str('templateAlias');
    if (alias !== undefined && !/^[a-z][a-z0-9-]*$/.test(alias))
        throw s.fail('templateAlias', `template alias "${alias}" is not valid`, 'use lowercase letters, digits and -, starting with a letter');
    const metadata = s.stringMap('metadata');
    for (const k of Object.keys(metadata))
        if (k.startsWith('sindri_'))
            throw s.fail(['metadata', k], `metadata key ${k} is reserved for the action`, 'rename it (sindri_* keys identify what the action started)');
    return {
        templateAlias: alias,
        reuseTemplate: s.bool('reuseTemplate', true),
        buildOnDeploy: s.bool('buildOnDeploy', false),
        timeout: s.int('timeout', 60, 86400, 'use whole seconds from 60 to 86400') ?? 300,
        autoPause: s.bool('autoPause', true),
        autoResume: s.bool('autoResume', true),
        metadata,
        team: s.str('team'),
        startSandbox: s.bool('startSandbox', true),
        startCmd: s.str('startCmd'),
        readyCmd: s.str('readyCmd'),
    };
}
/** Upstream's rule (docs/upstream.md#e2b-provider): a GPU config is refused before anything else. */
function refuseGpu(config) {
    if (config.deployment.resources.gpu?.enabled)
        throw (0,place/* configError */.F)(config, ['deployment', 'resources', 'gpu', 'enabled'], 'E2B has no GPUs: provider e2b cannot deploy a config with gpu.enabled', 'set gpu.enabled: false, or deploy to docker, fly or kubernetes');
}
/** `4GB` → 4096, `512MB` → 512 (E2B wants an even number of MiB). Default 2048 (upstream's 2GB). */
function e2bMemoryMb(config) {
    const value = config.deployment.resources.memory;
    if (value === undefined)
        return 2048;
    const m = /^(\d+)\s*(MB|GB|MiB|GiB|M|G)$/i.exec(value.trim());
    const mb = m ? Number(m[1]) * (/^g/i.test(m[2]) ? 1024 : 1) : NaN;
    if (!m || mb < 128 || mb % 2 !== 0)
        throw (0,place/* configError */.F)(config, ['deployment', 'resources', 'memory'], `memory "${value}" is not a size E2B accepts`, 'write an even size such as 2GB or 1024MB');
    return mb;
}
/** Whole CPUs, default 2. */
function e2bCpuCount(config) {
    const cpus = config.deployment.resources.cpus ?? 2;
    if (!Number.isInteger(cpus) || cpus < 1)
        throw (0,place/* configError */.F)(config, ['deployment', 'resources', 'cpus'], `cpus ${cpus} is not a whole number of CPUs`, 'write cpus: 2');
    return cpus;
}
/**
 * The template alias (`templateAlias`, else the config's name, plus `-<name-suffix>`) and the name
 * its sandboxes carry as metadata `sindri_name` (the config's name plus the suffix).
 */
function e2bNames(config, suffix, settings) {
    return {
        alias: (0,naming/* resourceName */.Iy)(settings.templateAlias ?? config.name, suffix, E2B_NAMING),
        name: (0,naming/* resourceName */.Iy)(config.name, suffix, E2B_NAMING),
    };
}

;// CONCATENATED MODULE: ./src/providers/e2b/steps.ts
/**
 * The pure heart of provider e2b: from the context and the facts gathered once, the e2b.Dockerfile,
 * the template's argv, the content tag that makes an unchanged template a skip, and what else deploy
 * does. `plan` and `apply` both call `e2bSteps`, so the plan shows exactly what deploy runs.
 */









/** metadata keys carried by every sandbox we start (upstream's `sindri_name`, docs/upstream.md#e2b-provider) */
const META_NAME = 'sindri_name';
const META_TEMPLATE_TAG = 'sindri_template';
const META_ENV = 'sindri_env';
/** the pinned ref the template was built from (a prebuilt image's `repo@sha256:…`, or the built ref) */
const META_IMAGE = 'sindri_image';
/** the template build the sandbox was started from: what a rollback restores */
const META_BUILD = 'sindri_build';
/** the tag that records which inputs built the template's current build */
const TAG_PREFIX = 'sindri-';
/** the plan's notes about direct API calls start with this; deploy logs the calls as it makes them */
const API_NOTE = 'E2B API:';
/** Dockerfile instructions the E2B CLI's parser turns into template steps (@e2b/cli 2.19, dockerfileParser.ts) */
const PARSED = new Set(['FROM', 'RUN', 'COPY', 'ADD', 'WORKDIR', 'USER', 'ENV', 'ARG', 'CMD', 'ENTRYPOINT']);
/** the ones it drops without a word; every other one it drops with `Unsupported instruction: <X>` */
const DROPPED_SILENTLY = new Set(['EXPOSE', 'VOLUME']);
/** What of a rule-8 Dockerfile E2B will not do, one warning per instruction, at its line. */
function ignoredInstructions(path, content) {
    return dockerfileInstructions(content).flatMap((i) => {
        if (i.keyword === 'ADD')
            return [`${path}:${i.line}: E2B copies ADD sources as they are: no URL download, no archive extraction (use RUN curl / tar)`];
        if (PARSED.has(i.keyword))
            return [];
        return [
            `${path}:${i.line}: E2B's template build ignores ${i.keyword}${DROPPED_SILENTLY.has(i.keyword) ? ' (without saying so)' : ''}: it is not in the template`,
        ];
    });
}
/** Where the template starts: the pinned image (rules 1–7, 9) or the discovered Dockerfile (rule 8). */
function templateSource(ctx, facts, notes) {
    const { image, inputs } = ctx;
    if (!image.build) {
        if (!image.digest)
            notes.push(`the template starts FROM ${image.deployRef} as written (pin-digest: false): a later push to that tag changes what a rebuild gets`);
        // the CLI reads the Dockerfile and any COPY source from --path: only our own directory, nothing else
        return { base: { kind: 'image', ref: image.deployRef }, root: E2B_DIR, dockerfile: E2B_DOCKERFILE_NAME };
    }
    if (!image.dockerfile || facts.dockerfileContent === undefined)
        throw new errors/* ActionError */.lZ('the image decision asks for a build but names no Dockerfile', {
            fix: 'report this at https://github.com/sindri/deploy-action/issues',
        });
    const root = inputs['build-context'] || '.';
    const copies = dockerfileInstructions(facts.dockerfileContent).some((i) => i.keyword === 'COPY' || i.keyword === 'ADD');
    if (copies && facts.exposedSecretFiles.length > 0)
        throw new errors/* ActionError */.lZ(`the build context ${root} holds ${facts.exposedSecretFiles.join(', ')} with secret values, and ${image.dockerfile} copies files from it into the template`, {
            where: { file: image.dockerfile },
            fix: `list ${facts.exposedSecretFiles.join(', ')} in ${(0,external_node_path_.join)(root, '.dockerignore')}, or pass the secrets through the environment`,
        });
    if (Object.keys(inputs['build-args']).length > 0)
        notes.push('build-args are not passed to E2B: the e2b CLI has no build arguments, and the template must not carry them');
    notes.push(...(0,build/* unusedBuildKitInputs */.YG)(inputs, 'E2B builds the template on its own builders, and the e2b CLI takes no BuildKit cache or secret'));
    return {
        base: { kind: 'dockerfile', path: image.dockerfile, content: facts.dockerfileContent },
        root,
        dockerfile: (0,external_node_path_.relative)((0,external_node_path_.resolve)(ctx.workdir, root), (0,external_node_path_.resolve)(ctx.workdir, E2B_DOCKERFILE)),
    };
}
/** The Sindri image's start settings from `extensions`, written as ENV of the template (never a secret). */
function templateEnv(ctx) {
    const ext = ctx.config.extensions;
    return [
        ['E2B_PROVIDER', 'true'],
        ['INSTALL_PROFILE', ext.profile ?? 'base'],
        ['CUSTOM_EXTENSIONS', (ext.active ?? []).join(',')],
        ['ADDITIONAL_EXTENSIONS', (ext.additional ?? []).join(',')],
        ['SKIP_AUTO_INSTALL', String(!ext.auto_install)],
        ['INIT_WORKSPACE', 'true'],
    ];
}
function e2bSteps(ctx, facts) {
    const { config, inputs, image } = ctx;
    refuseGpu(config);
    const settings = e2bSettings(config);
    const { alias, name } = e2bNames(config, inputs['name-suffix'], settings);
    const notes = [];
    const source = templateSource(ctx, facts, notes);
    const spec = { base: source.base, env: templateEnv(ctx), secretNames: facts.secretNames };
    const dockerfile = renderE2bDockerfile(inputs.force ? { ...spec, cacheBust: facts.forceToken ?? 'force' } : spec);
    const memoryMb = e2bMemoryMb(config);
    const warnings = source.base.kind === 'dockerfile' ? ignoredInstructions(source.base.path, source.base.content) : [];
    let startCmd = settings.startCmd;
    if (startCmd === undefined && source.base.kind === 'image') {
        const argv = facts.imageStart ? startArgv(facts.imageStart) : [];
        if (argv.length > 0) {
            startCmd = (0,src_text/* quoteArgv */.rx)(argv);
            notes.push(`the template starts the image's own ENTRYPOINT/CMD: ${startCmd} (providers.e2b.startCmd replaces it)`);
        }
        else
            notes.push(facts.imageStart
                ? 'the image has no ENTRYPOINT or CMD: the template starts nothing (providers.e2b.startCmd sets a start command)'
                : "the image's ENTRYPOINT/CMD could not be read: the template starts nothing unless providers.e2b.startCmd is set");
    }
    const create = {
        alias,
        root: source.root,
        dockerfile: source.dockerfile,
        cpuCount: e2bCpuCount(config),
        memoryMb,
        startCmd,
        readyCmd: settings.readyCmd,
        noCache: inputs.force,
    };
    // everything that shapes the template, without the force token (after a forced build, the next
    // plain deploy is a skip); a built image's ref carries the git revision (rule 8)
    const contentTag = `${TAG_PREFIX}${(0,external_node_crypto_.createHash)('sha256')
        .update(JSON.stringify({
        dockerfile: inputs.force ? renderE2bDockerfile(spec) : dockerfile,
        create: { ...create, noCache: false },
        ref: image.build ? image.ref : image.deployRef,
    }))
        .digest('hex')
        .slice(0, 16)}`;
    const privateBase = !image.build && image.access?.private
        ? { image: image.deployRef, registry: image.parsed.registry, credentials: image.access.credentials ?? 'credentials' }
        : undefined;
    if (settings.team)
        notes.push(`providers.e2b.team (${settings.team}) is not used: the API key decides the team`);
    if (!settings.reuseTemplate || settings.buildOnDeploy)
        notes.push(`the template is rebuilt on every deploy (${!settings.reuseTemplate ? 'reuseTemplate: false' : 'buildOnDeploy: true'})`);
    const planned = plannedCalls({ alias, name, contentTag, settings, create, privateBase }, facts, inputs.force);
    return {
        alias,
        name,
        settings,
        dockerfile,
        contentTag,
        create,
        files: [{ path: E2B_DOCKERFILE, content: dockerfile }],
        commands: planned.commands,
        notes: [...notes, ...planned.notes],
        warnings,
        ...(privateBase && { privateBase }),
    };
}
/** The commands deploy runs, in order, and notes naming the direct API calls between them. */
function plannedCalls(s, facts, force) {
    const { alias, name, contentTag, settings, privateBase } = s;
    const notes = [];
    notes.push(`${API_NOTE} GET /templates (what e2b template list reads): template ${alias} and its current build`);
    const commands = [];
    const unless = `unless its current build carries tag ${contentTag}${force ? ' (force: always, without cache)' : ''}`;
    if (privateBase)
        notes.push(`${API_NOTE} ${privateBase.image} is private (opened with ${privateBase.credentials}) and e2b template create cannot pass registry credentials, so template ${alias} is built through the API, ${unless}: POST /v3/templates {name: ${alias}, cpuCount: ${s.create.cpuCount}, memoryMB: ${s.create.memoryMb}}, then POST /v2/templates/{templateID}/builds/{buildID} {fromImage, fromImageRegistry: {type: registry, username, password from ${privateBase.credentials}}, steps of ${E2B_DOCKERFILE}}, then its status until ready`);
    else
        commands.push({ argv: ['e2b', ...e2bArgv.templateCreate(s.create)], why: `build template ${alias} ${unless}`, mutates: true });
    notes.push(`${API_NOTE} GET /templates/${alias}/tags, then POST /templates/tags {target: ${alias}, tags: [${contentTag}]} after a build`);
    if (settings.startSandbox) {
        notes.push(`${API_NOTE} GET /v2/sandboxes?metadata=${META_NAME}=${name}&state=running,paused: the sandboxes this config started before`);
        notes.push(`${API_NOTE} POST /sandboxes {templateID: ${alias}, timeout: ${settings.timeout}, autoPause: ${settings.autoPause}, metadata: {${META_NAME}: ${name}, …}, envVars: {${facts.secretNames.join(', ') || 'none'}}} unless one already runs this template and these secrets`);
        notes.push(`${API_NOTE} DELETE /sandboxes/<earlier sandbox id> after the new sandbox started: the ones it replaces`);
    }
    else
        notes.push('providers.e2b.startSandbox is false: the template is built, no sandbox is started');
    if (facts.secretNames.length > 0)
        notes.push(`secrets (${facts.secretNames.join(', ')}) are never in the template: they are handed to the sandbox at start`);
    return { commands, notes };
}

;// CONCATENATED MODULE: ./src/providers/e2b/rollout.ts





/** `connect` extends a sandbox's life to at least this from now (never shortens it): enough for a check. */
const CONNECT_SECONDS = 60;
function sandboxTarget(started) {
    return {
        url: '',
        name: `sandbox ${started.sandboxID}`,
        runInside: (command, timeoutMs) => runInSandbox(started, command, timeoutMs),
    };
}
/** The check of a sandbox we did not just start (a skip, the earlier one after a rollback): connect for its envd token first. */
async function checkRunning(api, ctx, sandboxId, deadline) {
    if (!ctx.inputs['health-url'] && !ctx.inputs['health-command'])
        return undefined;
    const access = ctx.inputs['health-command'] ? await api.connectSandbox(sandboxId, CONNECT_SECONDS) : { sandboxID: sandboxId };
    return (0,kit_health/* checkDeployment */.Qr)(ctx.inputs, sandboxTarget(access), deadline);
}
/** What ran before, as the outputs say it: the pinned ref its template was built from ('' when unknown). */
const previousImageOf = (earlier) => earlier?.metadata[META_IMAGE] ?? '';
const healthWord = (h) => !h ? 'not checked' : h.healthy ? `healthy (${h.what} passed)` : `unhealthy too (${h.last || 'no answer'})`;
/** Roll back (or, with `rollback: false` or nothing before, say why not). Always throws: the deploy failed. */
async function failRollout(f) {
    const { api, ctx, alias, started, health, earlier } = f;
    const previousImage = previousImageOf(earlier);
    const failed = `sandbox ${started.sandboxID} from template ${alias} failed its health check: ${health.last || 'no answer'} (${health.attempts} attempt(s) in ${Math.round(health.waitedMs / 1000)} s)`;
    const extra = (rolledBack, healthy) => ({ rolledBack: String(rolledBack), previousImage, healthy });
    if (!ctx.inputs.rollback)
        throw new errors/* ActionError */.lZ(`${failed}; it stays (rollback: false)${earlier ? `, and the earlier sandbox ${earlier.sandboxId} still runs` : ''}`, { fix: 'read the check’s answer above; kill what you do not want with e2b sandbox kill <id>', extra: extra(false, 'false') });
    if (!earlier)
        throw new errors/* ActionError */.lZ(`${failed}; nothing ran before this deploy, so there is nothing to roll back to: it stays for inspection`, {
            fix: `read the check’s answer above; e2b sandbox kill ${started.sandboxID} removes it`,
            extra: extra(false, 'false'),
        });
    const template = f.previousBuild === undefined ? '' : await restoreBuild(api, alias, earlier, f.previousBuild);
    await api.killSandbox(started.sandboxID);
    (0,runner/* info */.pq)(`rollback: sandbox ${started.sandboxID} killed; the earlier sandbox ${earlier.sandboxId} runs${template}`);
    const again = await checkRunning(api, ctx, earlier.sandboxId, ctx.deadline);
    throw new errors/* ActionError */.lZ(`${failed}; rolled back: the earlier sandbox ${earlier.sandboxId} runs${previousImage ? ` (${previousImage})` : ''}${template} — ${healthWord(again)}`, {
        fix: 'fix what the check found and deploy again',
        extra: extra(true, again ? String(again.healthy) : 'unknown'),
    });
}
/**
 * Re-point the template's `default` tag to the build the earlier sandbox runs, so a new sandbox starts
 * from what ran before. Returns the words for the final line (what happened to the template).
 */
async function restoreBuild(api, alias, earlier, previousBuild) {
    const build = earlier.metadata[META_BUILD] || previousBuild;
    if (!build)
        return '; the template keeps the new build as its default (the earlier build is not known)';
    const tags = await api.templateTags(alias);
    const own = earlier.metadata[META_TEMPLATE_TAG];
    const from = tags.find((t) => t.tag === own && t.buildID === build) ?? tags.find((t) => t.tag !== 'default' && t.buildID === build);
    if (!from)
        return `; the template keeps the new build as its default: build ${build} carries no tag, and the API re-points a tag only from another tag of that build`;
    const assigned = await api.assignTags(`${alias}:${from.tag}`, ['default']);
    if (assigned.buildID !== build)
        return `; the template's default tag now names build ${assigned.buildID}, not ${build} (tag ${from.tag} moved meanwhile)`;
    return `; template ${alias} starts build ${build} again (its default tag)`;
}

// EXTERNAL MODULE: ./src/providers/kit/notices.ts
var notices = __webpack_require__(4723);
// EXTERNAL MODULE: ./src/providers/kit/secrets.ts
var kit_secrets = __webpack_require__(8104);
// EXTERNAL MODULE: ./src/trace.ts + 1 modules
var trace = __webpack_require__(9033);
// EXTERNAL MODULE: ./src/inputs.ts
var inputs = __webpack_require__(8422);
;// CONCATENATED MODULE: ./src/providers/e2b/previews.ts
/**
 * E2B previews (docs/behaviour.md#sweep, ADR 0045): the marks a sandbox carries in its metadata and
 * how `mode: sweep` finds the previews of a config by them. `sindri_name` already names the sandbox
 * (config name plus suffix), so the preview mark `name` (the config's name) is `sindri_config`; the
 * others are the trace's spelling, `sindri_name_suffix`, `sindri_repository`. Templates carry no
 * metadata (only tags and names): a preview's template is found through its sandbox, by the alias
 * the action gives that suffix, and destroy removes it only when it carries a `sindri-*` tag.
 */



/** the config's name (the preview mark `name`) */
const META_CONFIG = 'sindri_config';
const META_SUFFIX = (0,trace/* traceMetaKey */.M8)('name-suffix');
const META_REPOSITORY = (0,trace/* traceMetaKey */.M8)('repository');
/** The metadata key of a trace field or preview mark: `sindri_<field>`, the config's name as `sindri_config`. */
const e2bMetaKey = (field) => (field === 'name' ? META_CONFIG : (0,trace/* traceMetaKey */.M8)(field));
/**
 * The previews among sandboxes listed by `sindri_config`: a valid suffix, the repository of this run
 * (GitHub compares names without case), and the `sindri_name` the action gives that suffix. A
 * sandbox someone else started with our config's name, or a relabelled one, fails the last check.
 */
function previewsOf(sandboxes, config, repository, names) {
    const previews = [];
    for (const s of sandboxes) {
        const m = s.metadata;
        const suffix = m[META_SUFFIX] ?? '';
        if (m[META_CONFIG] !== config || !inputs/* NAME_SUFFIX_RE */.yf.test(suffix))
            continue;
        if ((m[META_REPOSITORY] ?? '').toLowerCase() !== repository.toLowerCase())
            continue;
        const { alias, name } = names(suffix);
        if (m[META_NAME] !== name)
            continue;
        if (!previews.some((p) => p.suffix === suffix))
            previews.push({ suffix, deployedName: alias, environment: m[(0,trace/* traceMetaKey */.M8)('environment')] });
    }
    return previews;
}

;// CONCATENATED MODULE: ./src/providers/e2b/secrets.ts
/**
 * Where the config's secrets go with provider e2b, and where they must not. They never reach the
 * template (no ENV or ARG, nothing in the build context a COPY could take: E2B bakes both into
 * something anyone who starts the template can read); they go to the sandbox as `envVars` of the one
 * API request that starts it, and the sandbox carries only a keyed digest of them as metadata, so a
 * later deploy can tell whether a running sandbox has these values.
 */







/**
 * Secret files a COPY from the build context could pick up: `.env`, `.env.local` beside sindri.yaml and
 * `fromFile` targets, when inside the context and not excluded by a `.dockerignore` line.
 */
function exposedSecretFiles(config, contextDir) {
    const candidates = [(0,external_node_path_.join)(config.dir, '.env'), (0,external_node_path_.join)(config.dir, '.env.local')];
    for (const s of config.secrets)
        if (s.source === 'env' && s.fromFile)
            candidates.push((0,kit_secrets.expandSecretPath)(s.fromFile, config.dir, process.env));
        else if (s.source === 'file' && s.path)
            candidates.push((0,kit_secrets.expandSecretPath)(s.path, config.dir, process.env));
    const ignorePath = (0,external_node_path_.join)(contextDir, '.dockerignore');
    const patterns = (0,external_node_fs_.existsSync)(ignorePath)
        ? (0,external_node_fs_.readFileSync)(ignorePath, 'utf8')
            .split(/\r?\n/)
            .map((l) => l.trim())
            .filter((l) => l && !l.startsWith('#'))
        : [];
    const ignored = (rel) => patterns.some((p) => {
        if (p.startsWith('!'))
            return false;
        const re = new RegExp(`^${p
            .replace(/^\/+|\/+$/g, '')
            .replace(/[.+^${}()|[\]\\]/g, '\\$&')
            .replace(/\*\*\/?/g, '\u0000')
            .replace(/\*/g, '[^/]*')
            .replace(/\?/g, '[^/]')
            .replace(/\u0000/g, '(?:.*/)?')}(?:/.*)?$`);
        return re.test(rel) || re.test(rel.split('/').pop());
    });
    return candidates
        .filter((f) => (0,external_node_fs_.existsSync)(f))
        .map((f) => (0,external_node_path_.relative)(contextDir, f))
        .filter((rel) => rel && !rel.startsWith('..') && !(0,external_node_path_.isAbsolute)(rel) && !ignored(rel));
}
/** A keyed digest of the secret values: tells whether a running sandbox has these values, reveals nothing without the key. */
function envDigest(key, values) {
    const h = (0,external_node_crypto_.createHmac)('sha256', key);
    for (const [k, v] of [...values].sort(([a], [b]) => a.localeCompare(b)))
        h.update(`${k}\u0000${v}\u0000`);
    return h.digest('hex').slice(0, 16);
}
/** The body of `POST /sandboxes`: the only place the secret values are ever sent. */
function sandboxRequest(s) {
    const { settings } = s;
    return {
        templateID: s.templateID,
        timeout: settings.timeout,
        autoPause: settings.autoPause,
        ...(settings.autoPause ? { autoResume: { enabled: settings.autoResume } } : {}),
        metadata: {
            ...settings.metadata,
            // the trace and the preview marks (previews.ts): `sindri_config`, as `sindri_name` names the sandbox
            ...(0,trace/* traceMetadata */.hF)(s.trace, (0,trace/* previewMarks */.R9)(s.config, s.suffix), e2bMetaKey),
            [META_NAME]: s.name,
            [META_TEMPLATE_TAG]: s.contentTag,
            [META_ENV]: envDigest(s.key, s.secrets),
            [META_IMAGE]: s.image,
            [META_BUILD]: s.buildID,
        },
        envVars: Object.fromEntries(s.secrets),
        secure: true,
    };
}

// EXTERNAL MODULE: ./src/deadline.ts
var deadline = __webpack_require__(6683);
;// CONCATENATED MODULE: ./src/providers/e2b/live.ts
/**
 * The e2b plan's live diff (docs/behaviour.md#plan-mode, ADR 0045): the template and the sandboxes a
 * deploy would find, read-only through the E2B API (`GET /templates`, `GET /templates/{alias}/tags`,
 * `GET /v2/sandboxes` by `sindri_name`: the reads a deploy makes, at once and each under a short cap),
 * and what the deploy would do with them. The decisions are the deploy's own (`templateState`,
 * `currentSandbox`, used by `apply` too), so a plan that says `= unchanged` is a deploy that skips.
 */


/** one E2B API call of a plan waits this long at most (a deploy's call waits up to 60 s) */
const LIVE_CALL_MS = 5_000;
/**
 * The template with this alias: in the deprecated `aliases` (bare), or in `names`, bare or as
 * `<team-slug>/<alias>` (what templates created through the v3 API carry; the slug is the key's team).
 */
function findTemplate(list, alias) {
    return list.find((t) => t.aliases?.includes(alias) || t.names?.some((n) => n === alias || n.endsWith(`/${alias}`)));
}
/**
 * Whether a deploy rebuilds the template: not when the build its `default` tag names (the one a new
 * sandbox starts) carries the content tag. `rebuild` (force, reuseTemplate: false, buildOnDeploy) and a
 * failed last build always rebuild; then the tags are not needed.
 */
function templateState(template, tags, contentTag, rebuild) {
    if (!template)
        return { unchanged: false, defaultBuild: '' };
    if (rebuild || template.buildStatus === 'error')
        return { unchanged: false, defaultBuild: template.buildID };
    const defaultBuild = tags.find((t) => t.tag === 'default')?.buildID ?? template.buildID;
    return { defaultBuild, unchanged: tags.some((t) => t.tag === contentTag && t.buildID === defaultBuild) };
}
/** The sandbox that runs this template build with these secrets (a deploy keeps it when the template is unchanged). */
function currentSandbox(sandboxes, contentTag, env) {
    return sandboxes.find((s) => s.metadata[META_TEMPLATE_TAG] === contentTag && s.metadata[META_ENV] === env);
}
/** The sandbox a new one replaces (a rollback returns to it): a running one first. */
function earlierSandbox(sandboxes) {
    return sandboxes.find((s) => s.state === 'running') ?? sandboxes[0];
}
/**
 * The three reads side by side (one round trip's wait): the tags by alias, as a rollback asks for
 * them, so they need not wait for the template's id. Any failure is the reason the plan could not
 * compare, and the plan goes on; only the run's own deadline stops it.
 */
async function readLive(api, target) {
    try {
        const [templates, tags, sandboxes] = await Promise.all([
            api.listTemplates(),
            api.templateTags(target.alias),
            target.startSandbox ? api.listSandboxes(META_NAME, target.name) : Promise.resolve([]),
        ]);
        const template = findTemplate(templates, target.alias);
        return { template, tags: template ? tags : [], sandboxes };
    }
    catch (e) {
        if ((0,deadline/* isDeadlineExceeded */.A)(e))
            throw e;
        return { reason: unreadReason(e instanceof Error ? e.message : String(e), target.url) };
    }
}
/** The reason in the `?` lines, from E2bApi's one line (`E2B API GET /templates answered 401: …`, or the fetch failure). */
function unreadReason(message, url) {
    const first = message.split('\n').find((l) => l.trim() !== '') ?? message;
    const answered = /^E2B API (\S+ \S+) answered (\d{3}): (.*)$/.exec(first);
    if (answered?.[2] === '401')
        return `the E2B API at ${url} refused E2B_API_KEY (${answered[1]} answered 401: ${answered[3]})`;
    if (answered)
        return `the E2B API at ${url} answered ${answered[2]} to ${answered[1]}: ${answered[3]}`;
    const cause = first.replace(/^E2B API \S+ \S+: /, '');
    if (/aborted due to timeout|TimeoutError/i.test(cause))
        return `the E2B API at ${url} did not answer within ${LIVE_CALL_MS / 1000} s`;
    return `the E2B API at ${url} did not answer: ${cause}`;
}
/** What a deploy would do to the template and, unless startSandbox is false, its sandbox (pure). */
function compareLive(c) {
    const { live, contentTag } = c;
    const state = templateState(live.template, live.tags, contentTag, c.rebuild !== '');
    // the image the template's current build came from: recorded on the sandbox started from that build
    const runs = live.sandboxes.find((s) => s.metadata[META_BUILD] === state.defaultBuild) ?? earlierSandbox(live.sandboxes);
    const before = runs?.metadata[META_IMAGE];
    const imageMove = before && before !== c.image ? { image: { from: before, to: c.image } } : {};
    const changes = [templateChange(c, state, imageMove)];
    if (c.startSandbox)
        changes.push(sandboxChange(c, state.unchanged, imageMove));
    return changes;
}
function templateChange(c, state, imageMove) {
    const resource = `template ${c.alias}`;
    const t = c.live.template;
    if (!t)
        return { action: 'create', resource, note: `built from ${c.image}, tagged ${c.contentTag}` };
    if (!c.force && (t.buildStatus === 'building' || t.buildStatus === 'waiting'))
        return {
            action: 'unknown',
            resource,
            note: `another run is building it right now (build status ${t.buildStatus}): a deploy stops without building (force: true builds anyway)`,
        };
    if (state.unchanged)
        return { action: 'unchanged', resource, note: `its default build ${state.defaultBuild} carries tag ${c.contentTag}` };
    const had = c.live.tags.find((x) => x.tag.startsWith(TAG_PREFIX) && x.buildID === state.defaultBuild)?.tag;
    const why = c.rebuild ||
        (t.buildStatus === 'error'
            ? 'its last build failed'
            : `template rebuilt: its default build carries ${had ? `tag ${had}` : `no ${TAG_PREFIX}* tag`}, not ${c.contentTag}`);
    return { action: 'update', resource, ...imageMove, note: why };
}
function sandboxChange(c, templateUnchanged, imageMove) {
    const resource = `sandbox ${c.name}`;
    const { sandboxes } = c.live;
    if (sandboxes.length === 0)
        return { action: 'create', resource, note: `started from template ${c.alias}` };
    const current = currentSandbox(sandboxes, c.contentTag, c.env);
    if (templateUnchanged && current && !c.force)
        return { action: 'unchanged', resource, note: `sandbox ${current.sandboxId} runs it` };
    const settings = sandboxes.some((s) => s.metadata[META_ENV] === c.env) ? [] : ['secrets'];
    const why = [
        ...(templateUnchanged ? [] : ['template rebuilt']),
        ...(c.force ? ['force: true starts a new one'] : []),
        `a new sandbox replaces ${sandboxes.map((s) => s.sandboxId).join(', ')}`,
    ];
    return { action: 'update', resource, ...imageMove, ...(settings.length ? { settings } : {}), note: why.join('; ') };
}

;// CONCATENATED MODULE: ./src/providers/e2b/provider.ts
/**
 * provider: e2b — an E2B sandbox template from the pinned prebuilt image or from the Dockerfile,
 * then (unless `providers.e2b.startSandbox: false`) a sandbox started from it
 * (docs/behaviour.md#providers, issue 9, ADR 0010). `plan` and `apply` share `e2bSteps`: the same
 * e2b.Dockerfile, the same argv.
 *
 * The e2b CLI builds templates and, in destroy, kills sandboxes and deletes the template; everything
 * else goes to the E2B API directly: the lists (the requests the CLI's `template list` and `sandbox
 * list` make, without a CLI start each: issue 25), template tags (the content hash that makes an
 * unchanged template a skip), the sandbox start, which carries the secrets (secrets.ts), and the kill
 * of the sandboxes a new one replaces.
 */

























function apiKey(mode) {
    const key = process.env.E2B_API_KEY ?? '';
    if (!key)
        throw new errors/* ActionError */.lZ(`E2B_API_KEY is not set: ${mode} for provider e2b needs it`, {
            where: { field: 'env E2B_API_KEY' },
            fix: 'add env: E2B_API_KEY: ${{ secrets.E2B_API_KEY }} to the step',
        });
    (0,runner/* setSecret */.Pq)(key);
    return key;
}
/** The one read of the workspace the steps need: the Dockerfile of rule 8 and the secret files beside it. */
async function gatherFacts(ctx, secretNames) {
    const facts = {
        secretNames,
        exposedSecretFiles: [],
        forceToken: `${process.env.GITHUB_RUN_ID ?? 'run'}-${(0,external_node_crypto_.randomBytes)(4).toString('hex')}`,
    };
    if (ctx.image.build && ctx.image.dockerfile) {
        const path = (0,external_node_path_.resolve)(ctx.workdir, ctx.image.dockerfile);
        if (!(0,external_node_fs_.existsSync)(path))
            throw new errors/* ActionError */.lZ(`Dockerfile ${ctx.image.dockerfile} does not exist`, {
                where: { field: 'input dockerfile' },
                fix: 'fix the path',
            });
        facts.dockerfileContent = (0,external_node_fs_.readFileSync)(path, 'utf8');
        facts.exposedSecretFiles = exposedSecretFiles(ctx.config, (0,external_node_path_.resolve)(ctx.workdir, ctx.inputs['build-context'] || '.'));
    }
    else if (!e2bSettings(ctx.config).startCmd)
        facts.imageStart = await readImageStart(ctx.image.deployRef, { deadline: ctx.deadline, exec: ctx.exec, inputs: ctx.inputs });
    return facts;
}
/** Every E2B plan lets a sandbox live one hour (Base); only a longer timeout needs the team's limit. */
const HOURS_EVERY_PLAN_ALLOWS = 1;
/** probe: a timeout over the team's limit fails here, before anything is built (ADR 0032) */
async function refuseTimeoutOverLimit(run, settings) {
    if (!settings.startSandbox || settings.timeout <= HOURS_EVERY_PLAN_ALLOWS * 3600)
        return;
    const refusal = await run.api.timeoutRefusal(settings.timeout);
    if (!refusal)
        return;
    const hours = Number(/(\d+) hours?/.exec(refusal)[1]);
    throw (0,place/* configError */.F)(run.ctx.config, ['providers', 'e2b', 'timeout'], `a sandbox timeout of ${settings.timeout} s is more than the E2B team allows (the API says: ${refusal}); nothing was built`, `set providers.e2b.timeout to at most ${hours * 3600}, or move the team to a plan with longer sandboxes`);
}
/** Why every deploy rebuilds the template, or '' (then the content tag decides). */
function rebuildReason(ctx, settings) {
    if (ctx.inputs.force)
        return 'force: true rebuilds it';
    if (!settings.reuseTemplate)
        return 'rebuilt on every deploy (reuseTemplate: false)';
    return settings.buildOnDeploy ? 'rebuilt on every deploy (buildOnDeploy: true)' : '';
}
function openRun(ctx, mode) {
    const key = apiKey(mode);
    return { ctx, key, cli: new E2b(ctx.exec, ctx.workdir, key), api: new E2bApi(ctx.deadline, key) };
}
async function listTemplate(run, alias) {
    return findTemplate(await run.api.listTemplates(), alias);
}
/** probe: the template, and whether its current build carries our content tag (then it is not rebuilt) */
async function probeTemplate(run, steps, rebuild) {
    const template = await listTemplate(run, steps.alias);
    if (!template)
        return { unchanged: false, defaultBuild: '' };
    refuseConcurrentBuild(run.ctx, template, steps.alias);
    // the tags only when they can decide: the build a new sandbox starts is the one `default` names (a rollback re-points it)
    const needTags = !rebuild && template.buildStatus !== 'error';
    const tags = needTags ? await run.api.templateTags(template.templateID) : [];
    return { template, ...templateState(template, tags, steps.contentTag, rebuild) };
}
/**
 * Two deploys of one template at once (ADR 0032): E2B has no lock, and starting a build cancels the
 * template's other running builds, so the two would undo each other. A build in progress is another
 * run's: say so in one line (force: true builds anyway, for a build a crashed run left waiting).
 */
function refuseConcurrentBuild(ctx, template, alias) {
    if (ctx.inputs.force || (template.buildStatus !== 'building' && template.buildStatus !== 'waiting'))
        return;
    throw new errors/* ActionError */.lZ(`template ${alias} (${template.templateID}) is being built right now by another run (build status ${template.buildStatus}): E2B cancels a running build when another one starts, so two deploys of one template would undo each other; nothing was changed`, { fix: 'run one deploy per template at a time (concurrency: per environment in the workflow) and retry; force: true builds anyway' });
}
/**
 * render: the credentials E2B pulls a private base image with — the chain's answer for its registry
 * (the one that opened it at pinning) — looked up before anything is built; undefined for the CLI's build
 */
async function baseImageLogin(ctx, steps) {
    const base = steps.privateBase;
    if (!base)
        return undefined;
    const found = await (0,credentials.credentialChain)({ inputs: ctx.inputs, exec: ctx.exec }).lookup(base.registry);
    return registryCredential(base.image, base.registry, found);
}
/** release: build the template (the CLI, or the API for a private base), find it, tag its build with the content tag */
async function buildTemplate(run, steps, login) {
    const ctx = run.ctx;
    if (login) {
        (0,runner/* info */.pq)(`${steps.privateBase.image} is private: e2b template create cannot pass registry credentials, so the template is built through the E2B API`);
        await buildThroughApi(run.api, {
            alias: steps.alias,
            cpuCount: steps.create.cpuCount,
            memoryMb: steps.create.memoryMb,
            body: templateBuildStart(steps.dockerfile, steps.create, login),
            deadline: ctx.deadline,
        });
    }
    else
        await run.cli.templateCreate(steps.create, run.ctx.deadline.budget(`the build of E2B template ${steps.alias}`));
    if (ctx.image.build)
        ctx.onBuilt?.(ctx.image.ref, '');
    // two API calls instead of a second `e2b template list` (a CLI start costs about a second): the
    // template's id, and the build its default tag names — the one just built — from tagging it
    const templateID = await run.api.templateIdOf(steps.alias);
    if (!templateID)
        throw new errors/* ActionError */.lZ(`e2b template create reported success, but template ${steps.alias} is not there`, {
            fix: 'retry; check the E2B dashboard',
        });
    const { buildID } = await run.api.assignTags(steps.alias, [steps.contentTag]);
    return { templateID, buildID, aliases: [steps.alias] };
}
async function listSandboxes(run, name) {
    return run.api.listSandboxes(META_NAME, name);
}
/** release: start the sandbox with the secrets; on failure, say what is left */
async function startSandbox(run, steps, template, before, secrets, buildID) {
    const { alias } = steps;
    const image = run.ctx.image;
    const body = sandboxRequest({
        ...steps,
        templateID: template.templateID,
        config: run.ctx.config.name,
        suffix: run.ctx.inputs['name-suffix'],
        key: run.key,
        secrets,
        image: image.build ? image.ref : image.deployRef,
        buildID,
        trace: run.ctx.trace,
    });
    try {
        const started = await run.api.createSandbox(body);
        (0,runner/* info */.pq)(`sandbox ${started.sandboxID} started from template ${alias}${secrets.size ? ` with ${secrets.size} secret(s) as environment` : ''}`);
        return started;
    }
    catch (e) {
        if (!(e instanceof errors/* ActionError */.lZ))
            throw e;
        // the template stays (a retry reuses it), earlier sandboxes were not touched
        const still = before.length ? `, sandbox ${before.map((s) => s.sandboxId).join(', ')} still runs` : '';
        throw new errors/* ActionError */.lZ(`${e.message.replace(/[.]$/, '')}; template ${alias} (${template.templateID}) is built and stays${still}`, {
            fix: `${e.fix ?? 'retry'}; mode: destroy removes the template`,
        });
    }
}
/** The outputs of a deploy that got as far as the template; `sandbox-id` when a sandbox runs. */
function deployResult(ctx, alias, template, unchanged) {
    return (skipped, sandboxId) => ({
        url: '',
        skipped,
        built: !unchanged && ctx.image.build,
        image: ctx.image.build ? ctx.image.ref : ctx.image.deployRef,
        digest: ctx.image.digest,
        connect: sandboxId ? `e2b sandbox connect ${sandboxId}` : undefined,
        extra: { 'template-id': template.templateID, 'template-alias': alias, ...(sandboxId ? { 'sandbox-id': sandboxId } : {}) },
    });
}
/** retire: the deploy has succeeded, so an earlier sandbox that will not die is a warning, not a failure */
async function retireEarlier(run, earlier) {
    try {
        await Promise.all(earlier.map((id) => run.api.killSandbox(id)));
    }
    catch (e) {
        (0,runner/* warning */.$e)(`the earlier sandbox ${earlier.join(', ')} still runs: ${e instanceof errors/* ActionError */.lZ ? e.message : String(e)}; kill it with e2b sandbox kill ${earlier.join(' ')}`);
    }
}
class E2bProvider {
    name = 'e2b';
    /** the template alias (`providers.e2b.templateAlias` else name) */
    deployedName(ctx) {
        return e2bNames(ctx.config, ctx.inputs['name-suffix'], e2bSettings(ctx.config)).alias;
    }
    /**
     * The steps, and the live diff (live.ts): with E2B_API_KEY set, the template and the sandboxes a
     * deploy would find, read through the API (GET only, each call capped at LIVE_CALL_MS) beside the
     * image's start command; without a key, or when the API does not answer, every resource is `?` and why.
     */
    async plan(ctx) {
        const secrets = (0,kit_secrets.resolveSecrets)(ctx.config);
        // what fails without E2B fails before the first call (GPU, settings)
        refuseGpu(ctx.config);
        const settings = e2bSettings(ctx.config);
        const { alias, name } = e2bNames(ctx.config, ctx.inputs['name-suffix'], settings);
        const url = e2bApiUrl();
        const key = process.env.E2B_API_KEY ?? '';
        if (key)
            (0,runner/* setSecret */.Pq)(key);
        const reading = key
            ? readLive(new E2bApi(ctx.deadline, key, url, LIVE_CALL_MS), { alias, name, startSandbox: settings.startSandbox, url })
            : Promise.resolve({ reason: 'E2B_API_KEY is not set' });
        reading.catch(() => undefined); // awaited below; a failure of the facts must not leave it unhandled
        const steps = e2bSteps(ctx, await gatherFacts(ctx, [...secrets.values.keys()]));
        const notes = [...steps.notes, ...steps.warnings, ...secrets.notices.map((n) => n.message)];
        if (secrets.missingRequired.length > 0)
            notes.push(`required secrets not set: ${secrets.missingRequired.join(', ')} (deploy fails before any E2B call)`);
        if (!key)
            notes.push('E2B_API_KEY is not set: deploy fails before any E2B call');
        notes.push(`E2B API at ${url}`);
        const base = { files: steps.files, commands: steps.commands, notes };
        const resources = [`template ${alias}`, ...(settings.startSandbox ? [`sandbox ${name}`] : [])];
        const live = await reading;
        if ('reason' in live)
            return { ...base, ...(0,plan_changes/* notRead */.Qk)(resources, live.reason) };
        const changes = compareLive({
            live,
            alias,
            name,
            contentTag: steps.contentTag,
            image: ctx.image.build ? ctx.image.ref : ctx.image.deployRef,
            rebuild: rebuildReason(ctx, settings),
            startSandbox: settings.startSandbox,
            env: envDigest(key, secrets.values),
            force: ctx.inputs.force,
        });
        return { ...base, changes, live: { known: true, reason: `template ${alias} and its sandboxes through the E2B API at ${url}` } };
    }
    /** `mode: sweep`: the sandboxes marked with this config's name (one API list), kept by previews.ts's checks. */
    async listPreviews(ctx, repository) {
        const run = openRun(ctx, 'sweep');
        const settings = e2bSettings(ctx.config);
        const sandboxes = await run.api.listSandboxes(META_CONFIG, ctx.config.name);
        return previewsOf(sandboxes, ctx.config.name, repository, (suffix) => e2bNames(ctx.config, suffix, settings));
    }
    async apply(ctx) {
        // render: everything that can fail without E2B fails first (GPU, settings, key, secrets, the Dockerfile)
        const run = openRun(ctx, 'deploy');
        const secrets = (0,kit_secrets.requireSecrets)(ctx.config);
        (0,notices/* warnNotices */.o)(ctx.config, secrets.notices);
        const steps = e2bSteps(ctx, await gatherFacts(ctx, [...secrets.values.keys()]));
        for (const n of steps.notes.filter((x) => !x.startsWith(API_NOTE)))
            (0,runner/* info */.pq)(n);
        for (const w of steps.warnings)
            (0,runner/* warning */.$e)(w);
        const { alias, settings, contentTag } = steps;
        const login = await baseImageLogin(ctx, steps);
        await refuseTimeoutOverLimit(run, settings);
        // prepare
        (0,files/* writeGenerated */.nF)({ ...e2bDockerfileFile(ctx.workdir), content: steps.dockerfile });
        // probe, then release the template unless its current build is ours
        const probed = await probeTemplate(run, steps, rebuildReason(ctx, settings) !== '');
        const { unchanged } = probed;
        if (unchanged)
            (0,runner/* info */.pq)(`template ${alias} (${probed.template.templateID}) was built from these inputs (tag ${contentTag}): not rebuilt`);
        const template = unchanged ? probed.template : await buildTemplate(run, steps, login);
        const result = deployResult(ctx, alias, template, unchanged);
        if (!settings.startSandbox)
            return result(unchanged);
        // probe the sandboxes: one that runs this build with these secrets stays
        const before = await listSandboxes(run, steps.name);
        const env = envDigest(run.key, secrets.values);
        const current = currentSandbox(before, contentTag, env);
        const earlier = earlierSandbox(before);
        if (unchanged && current && !ctx.inputs.force) {
            (0,runner/* info */.pq)(`sandbox ${current.sandboxId} already runs template ${alias} with these settings: nothing to do (force: true restarts it)`);
            const health = await checkRunning(run.api, ctx, current.sandboxId, ctx.deadline);
            if (health && !health.healthy)
                throw new errors/* ActionError */.lZ(`sandbox ${current.sandboxId} already ran this template and fails its health check: ${health.last}; nothing was changed`, {
                    fix: 'fix what the check found; force: true starts a new sandbox',
                    extra: { rolledBack: 'false', previousImage: previousImageOf(current), healthy: 'false' },
                });
            return { ...result(true, current.sandboxId), health, rolledBack: false, previousImage: previousImageOf(current) };
        }
        // release the sandbox, check it, then retire the ones it replaces (or roll back to them)
        const buildID = unchanged ? probed.defaultBuild : template.buildID;
        const started = await startSandbox(run, steps, template, before, secrets.values, buildID);
        const health = await (0,kit_health/* checkDeployment */.Qr)(ctx.inputs, sandboxTarget(started), ctx.deadline.before((0,time/* rollbackReserve */.N)(ctx.inputs.timeout)));
        if (health && !health.healthy)
            await failRollout({
                api: run.api,
                ctx,
                alias,
                started,
                health,
                earlier,
                previousBuild: unchanged ? undefined : probed.defaultBuild,
            });
        await retireEarlier(run, before.map((s) => s.sandboxId).filter((id) => id !== started.sandboxID));
        return { ...result(false, started.sandboxID), health, rolledBack: false, previousImage: previousImageOf(earlier) };
    }
    async destroy(ctx) {
        const run = openRun(ctx, 'destroy');
        const { alias, name } = e2bNames(ctx.config, ctx.inputs['name-suffix'], e2bSettings(ctx.config));
        const removed = [];
        // sandboxes first: E2B refuses to delete a template that running or paused sandboxes use
        const sandboxes = await listSandboxes(run, name);
        await run.cli.sandboxKill(sandboxes.map((s) => s.sandboxId), ctx.deadline.budget(`killing the E2B sandboxes of ${name}`, 60_000));
        removed.push(...sandboxes.map((s) => `sandbox ${s.sandboxId}`));
        const template = await listTemplate(run, alias);
        if (template) {
            if ((await run.api.templateTags(template.templateID)).some((t) => t.tag.startsWith(TAG_PREFIX))) {
                await run.cli.templateDelete(template.templateID, ctx.deadline.budget(`deleting E2B template ${alias}`, 60_000));
                removed.push(`template ${alias} (${template.templateID})`);
            }
            else
                (0,runner/* warning */.$e)(`template ${alias} was not built by this action (no ${TAG_PREFIX}* tag) and is left alone`);
        }
        const dir = (0,external_node_path_.join)(ctx.workdir, E2B_DIR);
        const gone = (0,files/* removeGenerated */.c6)(e2bDockerfileFile(ctx.workdir));
        if (gone === 'removed')
            removed.push(`file ${E2B_DOCKERFILE}`);
        else if (gone === 'not-ours')
            (0,runner/* warning */.$e)(`${E2B_DOCKERFILE} was not written by this action and is left alone`);
        // the directory goes only when nothing else of the user's is in it
        if ((0,external_node_fs_.existsSync)(dir) && (0,external_node_fs_.readdirSync)(dir).length === 0)
            (0,external_node_fs_.rmdirSync)(dir);
        return { removed };
    }
}


/***/ }),

/***/ 2693:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ID: () => (/* binding */ withRegistryAuth),
/* harmony export */   S6: () => (/* binding */ buildLabels),
/* harmony export */   YG: () => (/* binding */ unusedBuildKitInputs),
/* harmony export */   _x: () => (/* binding */ buildFacts),
/* harmony export */   gK: () => (/* binding */ buildKitNotes),
/* harmony export */   go: () => (/* binding */ buildKitSpec),
/* harmony export */   ki: () => (/* binding */ buildFix)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _external_docker_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1855);
/* harmony import */ var _external_env_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6572);
/* harmony import */ var _image_build_inputs_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4579);
/* harmony import */ var _external_git_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1979);
/* harmony import */ var _image_reference_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3564);
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(4813);
/**
 * What every provider that builds on the runner needs: the facts a built image is labelled with
 * (`org.opencontainers.image.source` / `revision`, whether buildx is there), and registry credentials
 * for a push or a pull handed to docker in a throw-away DOCKER_CONFIG.
 */








/** buildx (as the install phase found it, else a client probe), the revision and the source URL: no engine call. */
async function buildFacts(ctx) {
    const git = new _external_git_js__WEBPACK_IMPORTED_MODULE_5__/* .Git */ .T(ctx.exec, ctx.workdir);
    // the install phase puts buildx on the docker CLI's plugin path, or fails: found there, it is there
    const installed = ctx.tools?.some((t) => t.name === 'buildx');
    const buildx = installed || (await new _external_docker_js__WEBPACK_IMPORTED_MODULE_2__/* .Docker */ .Jg(ctx.exec, ctx.workdir).buildxAvailable());
    const revision = (await git.revision()) ?? process.env.GITHUB_SHA;
    const server = process.env.GITHUB_SERVER_URL;
    const repo = process.env.GITHUB_REPOSITORY;
    const source = server && repo ? `${server}/${repo}` : (0,_external_git_js__WEBPACK_IMPORTED_MODULE_5__/* .publicSourceUrl */ .C)((await git.remoteUrl()) ?? '');
    return { buildx, revision, source };
}
/** The OCI labels of a built image from its facts. */
function buildLabels(facts) {
    const labels = {};
    if (facts.source)
        labels['org.opencontainers.image.source'] = facts.source;
    if (facts.revision)
        labels['org.opencontainers.image.revision'] = facts.revision;
    return labels;
}
/** The BuildKit part of a build spec: the cache lines and the secret ids (the values stay in the inputs). */
function buildKitSpec(inputs) {
    return { cacheFrom: inputs['cache-from'], cacheTo: inputs['cache-to'], secretIds: inputs['build-secrets'].map((s) => s.id) };
}
/** What the plan says about a build's caches and secrets: which, and where a secret goes (never its value). */
function buildKitNotes(spec, env = process.env) {
    const notes = [];
    const lines = (c) => c.map((l) => l.line).join('; ');
    if (spec.cacheFrom.length)
        notes.push(`build cache read from ${lines(spec.cacheFrom)}`);
    if (spec.cacheTo.length) {
        notes.push(`build cache written to ${lines(spec.cacheTo)}` +
            (spec.cacheTo.some((c) => c.type !== 'inline')
                ? ' — exporting a cache needs a builder that can: a docker-container builder (docker/setup-buildx-action) or an engine with the containerd image store; the classic engine’s own builder refuses'
                : ''));
    }
    const gha = [...spec.cacheFrom, ...spec.cacheTo].some((c) => c.type === 'gha');
    if (gha && !(env[_external_env_js__WEBPACK_IMPORTED_MODULE_3__/* .GHA_CACHE_TOKEN */ .cU] && (env.ACTIONS_RESULTS_URL || env.ACTIONS_CACHE_URL)))
        notes.push('type=gha: the runner’s cache service (ACTIONS_RUNTIME_TOKEN with ACTIONS_RESULTS_URL or ACTIONS_CACHE_URL) is not in this environment, so buildx skips that cache');
    else if (gha)
        notes.push('type=gha: buildx is handed the runner’s cache service variables (ACTIONS_*: the cache URL and the masked runtime token), and no other ACTIONS_* variable');
    if (spec.secretIds.length)
        notes.push(`build secrets ${spec.secretIds.map((id, i) => `${id} (${(0,_external_docker_js__WEBPACK_IMPORTED_MODULE_2__/* .buildSecretEnv */ .Kn)(i)})`).join(', ')}: each value reaches buildx only in its own environment, and BuildKit mounts it at /run/secrets/<id> for the RUN steps that ask (RUN --mount=type=secret,id=<id>); never in a layer, the command line, a log line or a file`);
    return notes;
}
/** A failed build's fix, plus what to do when the builder cannot export the cache asked for. */
function buildFix(spec, fix) {
    if (!spec.cacheTo.some((c) => c.type !== 'inline'))
        return fix;
    return `${fix}; if it says cache export is not supported for the docker driver, build with a docker-container builder (docker/setup-buildx-action before this step) or drop cache-to`;
}
/** The note of a provider that does not build with BuildKit on the runner, when those inputs are given. */
function unusedBuildKitInputs(inputs, why) {
    const given = (0,_image_build_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .buildKitInputsGiven */ .hy)(inputs);
    return given.length ? [`${given.join(', ')} ${given.length > 1 ? 'are' : 'is'} not used: ${why}`] : [];
}
/**
 * Credentials from the inputs for one docker pull or push, in a throw-away DOCKER_CONFIG (the user's
 * stays untouched; the folder lives under RUNNER_TEMP, registered before it is written, removed after):
 * registry-username/password for any registry, github-token for ghcr.io. Without them docker uses the
 * runner's own ~/.docker/config.json, as the registry client does (docs/behaviour.md#registry-authentication).
 */
async function withRegistryAuth(ctx, ref, fn) {
    const registry = (0,_image_reference_js__WEBPACK_IMPORTED_MODULE_6__/* .parseReference */ .F2)(ref).registry;
    const { inputs } = ctx;
    const token = registry.toLowerCase() === 'ghcr.io' ? inputs['github-token'] : '';
    const password = inputs['registry-password'] || token;
    if (!password)
        return await fn();
    const user = inputs['registry-username'] || process.env.GITHUB_ACTOR || 'x-access-token';
    const key = registry === 'docker.io' ? 'https://index.docker.io/v1/' : registry;
    const auth = Buffer.from(`${user}:${password}`).toString('base64');
    (0,_runner_js__WEBPACK_IMPORTED_MODULE_7__/* .setSecret */ .Pq)(auth);
    const dir = ctx.temps.dir('sindri-docker-config-');
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, 'config.json'), JSON.stringify({ auths: { [key]: { auth } } }), { mode: 0o600 });
        return await fn({ DOCKER_CONFIG: dir });
    }
    finally {
        ctx.temps.remove(dir);
    }
}


/***/ })

};
