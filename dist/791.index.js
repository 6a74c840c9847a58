export const id = 791;
export const ids = [791];
export const modules = {

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


/***/ })

};
