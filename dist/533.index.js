export const id = 533;
export const ids = [533,791];
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


/***/ }),

/***/ 3316:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   q: () => (/* binding */ RepositoryClient)
/* harmony export */ });
/* unused harmony export digestOf */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3564);
/* harmony import */ var _registry_wire_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(810);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1328);
/**
 * The distribution API calls of an image copy, on one repository (ADR 0026): manifests read as exact
 * bytes and written back with their media type, blobs asked for with HEAD, mounted from another
 * repository of the same host, or uploaded from a stream (one PUT, or PATCH chunks then a PUT). Each
 * request goes through RegistryAuth, so the target answers to the same challenge logic as any pull.
 * Every failure is one ActionError naming the host, the request and the registry's own error code.
 */





function digestOf(bytes, algorithm = 'sha256') {
    return `${algorithm}:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)(algorithm).update(bytes).digest('hex')}`;
}
/** One repository of one registry, read (source) or written (target, `push`). */
class RepositoryClient {
    auth;
    ref;
    access;
    hint;
    host;
    constructor(auth, ref, access, 
    /** what to tell the user when the registry refuses these credentials */
    hint) {
        this.auth = auth;
        this.ref = ref;
        this.access = access;
        this.hint = hint;
        this.host = (0,_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .apiHost */ .nz)(ref.registry);
    }
    get name() {
        return `${this.ref.registry}/${this.ref.repository}`;
    }
    /** A manifest by digest, its bytes checked against the digest. */
    async getManifest(digest) {
        const path = `/v2/${this.ref.repository}/manifests/${digest}`;
        const { reply, credential } = await this.request('GET', path, { accept: _types_js__WEBPACK_IMPORTED_MODULE_4__/* .MANIFEST_ACCEPT */ .dY });
        if (reply.status !== 200)
            throw this.failure('GET', path, reply, credential);
        const algorithm = digest.split(':')[0];
        const got = digestOf(reply.body, algorithm);
        if (got !== digest) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`registry ${this.host} served ${(0,_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .formatReference */ .FH)({ ...this.ref, digest })} with bytes whose digest is ${got}`, {
                fix: 'the registry (or a proxy in between) does not serve the content that digest names: check the registry',
            });
        }
        const mediaType = (reply.headers.get('content-type') ?? '').split(';')[0].trim();
        return { bytes: reply.body, mediaType, credential };
    }
    /** The digest a tag or digest names here, or undefined when there is none (404). */
    async manifestDigest(reference) {
        const path = `/v2/${this.ref.repository}/manifests/${reference}`;
        const { reply, credential } = await this.request('HEAD', path, { accept: _types_js__WEBPACK_IMPORTED_MODULE_4__/* .MANIFEST_ACCEPT */ .dY });
        if (reply.status === 404)
            return undefined;
        if (reply.status !== 200)
            throw this.failure('HEAD', path, reply, credential);
        return reply.headers.get('docker-content-digest') ?? ((0,_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .isValidDigest */ .fH)(reference) ? reference : undefined);
    }
    async hasBlob(digest) {
        const path = `/v2/${this.ref.repository}/blobs/${digest}`;
        const { reply, credential } = await this.request('HEAD', path);
        if (reply.status === 200)
            return true;
        if (reply.status === 404)
            return false;
        throw this.failure('HEAD', path, reply, credential);
    }
    /**
     * The referrers of a digest (OCI distribution 1.1): `GET /v2/<repo>/referrers/<digest>`, an image
     * index of descriptors; a registry without that API (404, e.g. distribution 2.8) is asked for the
     * fallback tag `sha256-<hex>` the writers keep up to date instead. Neither: an empty list.
     */
    async referrers(digest) {
        const index = 'application/vnd.oci.image.index.v1+json';
        const path = `/v2/${this.ref.repository}/referrers/${digest}`;
        const api = await this.request('GET', path, { accept: index });
        const type = (api.reply.headers.get('content-type') ?? '').split(';')[0].trim();
        if (api.reply.status === 200 && type === index)
            return { via: 'api', manifests: this.descriptors(api.reply.body, path) };
        if (api.reply.status !== 200 && api.reply.status !== 404)
            throw this.failure('GET', path, api.reply, api.credential);
        const tag = `/v2/${this.ref.repository}/manifests/${digest.replace(':', '-')}`;
        const fallback = await this.request('GET', tag, { accept: _types_js__WEBPACK_IMPORTED_MODULE_4__/* .MANIFEST_ACCEPT */ .dY });
        if (fallback.reply.status === 404)
            return { via: 'none', manifests: [] };
        if (fallback.reply.status !== 200)
            throw this.failure('GET', tag, fallback.reply, fallback.credential);
        return { via: 'tag', manifests: this.descriptors(fallback.reply.body, tag) };
    }
    /** A small blob (an attestation, a bundle) read whole, at most `limit` bytes, its bytes checked against the digest. */
    async readBlob(digest, limit) {
        const path = `/v2/${this.ref.repository}/blobs/${digest}`;
        const { reply, credential } = await this.request('GET', path, { limit });
        if (reply.status !== 200)
            throw this.failure('GET', path, reply, credential);
        const got = digestOf(reply.body, digest.split(':')[0]);
        if (got !== digest)
            throw this.broken(`it served blob ${digest} with bytes whose digest is ${got}`);
        return reply.body;
    }
    /** The body of a blob, unread (redirects to storage are followed; the Authorization is not sent there). */
    async openBlob(digest, signal) {
        const path = `/v2/${this.ref.repository}/blobs/${digest}`;
        const { reply, credential } = await this.request('GET', path, { stream: true, signal });
        if (reply.status !== 200 || !reply.stream)
            throw this.failure('GET', path, reply, credential);
        return reply.stream;
    }
    /** Start an upload; with `mount`, ask the registry to link the blob from another repository of the host instead. */
    async startUpload(mount) {
        const query = mount ? `?mount=${encodeURIComponent(mount.digest)}&from=${encodeURIComponent(mount.from)}` : '';
        const path = `/v2/${this.ref.repository}/blobs/uploads/${query}`;
        const { reply, credential } = await this.request('POST', path);
        if (mount && reply.status === 201)
            return { mounted: true };
        if (reply.status !== 202)
            throw this.failure('POST', path, reply, credential);
        return { mounted: false, location: this.location(reply, path) };
    }
    /** The whole blob in one PUT, streamed (Content-Length known from the descriptor). */
    async putBlob(location, digest, body, size, signal) {
        const path = withQuery(location, 'digest', digest);
        const opts = { body, length: size, contentType: 'application/octet-stream', signal };
        const { reply, credential } = await this.request('PUT', path, opts);
        if (reply.status !== 201)
            throw this.failure('PUT', pathOnly(path), reply, credential);
    }
    /** One chunk of a chunked upload; returns the next location. */
    async patchChunk(location, body, start, size, signal) {
        const headers = { 'content-range': `${start}-${start + size - 1}` };
        const opts = { body, length: size, contentType: 'application/octet-stream', headers, signal };
        const { reply, credential } = await this.request('PATCH', location, opts);
        if (reply.status !== 202)
            throw this.failure('PATCH', pathOnly(location), reply, credential);
        return this.location(reply, location);
    }
    /** Close a chunked upload: the registry checks the digest of everything received. */
    async commitUpload(location, digest) {
        const path = withQuery(location, 'digest', digest);
        const { reply, credential } = await this.request('PUT', path, { body: Buffer.alloc(0), contentType: 'application/octet-stream' });
        if (reply.status !== 201)
            throw this.failure('PUT', pathOnly(path), reply, credential);
    }
    /** PUT a manifest's exact bytes under a digest or tag, as its own media type. */
    async putManifest(reference, bytes, mediaType) {
        const path = `/v2/${this.ref.repository}/manifests/${reference}`;
        const { reply, credential } = await this.request('PUT', path, { body: bytes, contentType: mediaType });
        if (reply.status !== 201)
            throw this.failure('PUT', path, reply, credential);
    }
    // -------------------------------------------------------------------------------------------
    request(method, path, o = {}) {
        return this.auth.authorized(this.ref, method, path, { ...o, ...this.access });
    }
    /** The upload URL a registry answered with, as a path on this host (another host is refused: it would get our token). */
    location(reply, requested) {
        const raw = reply.headers.get('location');
        if (!raw)
            throw this.broken(`its answer to POST ${pathOnly(requested)} has no Location`);
        const u = new URL(raw, `http://${this.host}`);
        if (u.host.toLowerCase() !== this.host.toLowerCase())
            throw this.broken(`it sends the upload to another host (${u.host})`);
        return u.pathname + u.search;
    }
    descriptors(body, path) {
        let index;
        try {
            index = JSON.parse(body.toString('utf8'));
        }
        catch {
            throw this.broken(`its answer to GET ${path} is not JSON`);
        }
        const manifests = index?.manifests;
        if (manifests === undefined || manifests === null)
            return [];
        if (!Array.isArray(manifests))
            throw this.broken(`its answer to GET ${path} has no list of manifests`);
        return manifests.filter((m) => m !== null && typeof m === 'object' && !Array.isArray(m));
    }
    broken(what) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`registry ${this.host} broke the distribution API for ${this.name}: ${what}`, {
            fix: `check that ${this.ref.registry} is an OCI registry (a proxy in between may rewrite answers)`,
        });
    }
    /** One line for a refused or failed request: host, request, the registry's code, whose credentials. */
    failure(method, path, reply, credential) {
        const err = (0,_registry_wire_js__WEBPACK_IMPORTED_MODULE_3__/* .registryError */ .eo)(reply.body);
        const code = err?.code ?? `HTTP ${reply.status}`;
        const detail = err?.message ? ` (${err.message})` : '';
        const denied = reply.status === 401 || reply.status === 403;
        const who = denied ? (credential ? `, with credentials from ${credential.source}` : ' without credentials (none found)') : '';
        const verb = this.access.push ? 'push to' : 'pull from';
        const fix = denied
            ? credential
                ? `give the credentials from ${credential.source} the right to ${verb} ${this.name}; ${this.hint}`
                : this.hint
            : reply.status === 404
                ? `check that ${this.name} exists and holds what is copied`
                : `check that ${this.ref.registry} is an OCI registry and reachable; rerun with ACTIONS_STEP_DEBUG=true for the requests`;
        return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`registry ${this.host} answered ${code}${detail} to ${method} ${path}${who}`, { fix });
    }
}
function pathOnly(path) {
    return path.replace(/\?.*$/, '');
}
function withQuery(path, key, value) {
    const u = new URL(path, 'http://x');
    u.searchParams.set(key, value);
    return u.pathname + u.search;
}


/***/ }),

/***/ 9234:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ dockerPlugin),
/* harmony export */   K: () => (/* binding */ which)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/** Find a program on PATH without running anything. */


function which(name, pathEnv = process.env.PATH ?? '') {
    for (const dir of pathEnv.split(node_path__WEBPACK_IMPORTED_MODULE_1__.delimiter)) {
        if (!dir)
            continue;
        const p = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, name);
        try {
            if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(p).isFile()) {
                (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.accessSync)(p, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.X_OK);
                return p;
            }
        }
        catch {
            // not here
        }
    }
    return '';
}
/** docker CLI plugins (compose, buildx) live outside PATH */
function dockerPlugin(name) {
    const dirs = [
        process.env.DOCKER_CONFIG ? (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(process.env.DOCKER_CONFIG, 'cli-plugins') : '',
        (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(process.env.HOME ?? '/root', '.docker', 'cli-plugins'),
        '/usr/local/lib/docker/cli-plugins',
        '/usr/local/libexec/docker/cli-plugins',
        '/usr/lib/docker/cli-plugins',
        '/usr/libexec/docker/cli-plugins',
    ];
    return which(`docker-${name}`, dirs.filter(Boolean).join(node_path__WEBPACK_IMPORTED_MODULE_1__.delimiter));
}


/***/ }),

/***/ 9533:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  checkImage: () => (/* binding */ checkImage)
});

// UNUSED EXPORTS: cosignReason, fixFor, hasNoAttestation, isNoMatchingType

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/external/env.ts
var env = __webpack_require__(6572);
;// CONCATENATED MODULE: ./src/external/cosign.ts

/** Keyless without the log: the bundle's RFC 3161 timestamps (GitHub's own Sigstore instance) prove the signing time. */
const timestampArgs = (c) => (!c.tlog && !('key' in c.trust) ? ['--use-signed-timestamps'] : []);
/** Provenance predicate types, in the order tried: SLSA v1, then v0.2 (`slsaprovenance` is v0.2's older name). */
const PROVENANCE_TYPES = ['slsaprovenance1', 'slsaprovenance02', 'slsaprovenance'];
function policyArgs(c) {
    const trust = 'key' in c.trust
        ? ['--key', c.trust.key]
        : ['--certificate-identity-regexp', c.trust.identityRegexp, '--certificate-oidc-issuer', c.trust.issuer];
    return [...trust, ...(c.tlog ? [] : ['--insecure-ignore-tlog=true'])];
}
function trustArgs(trust, tlog) {
    return policyArgs({ ref: '', trust, tlog });
}
const cosignArgv = {
    /** `--new-bundle-format`: the bundle holds the signature, certificate (or key hint) and log or timestamp evidence */
    verifyBundle: (c) => [
        'verify-blob-attestation',
        '--new-bundle-format',
        '--bundle',
        c.bundle,
        ...(c.trustedRoot ? ['--trusted-root', c.trustedRoot] : []),
        ...trustArgs(c.trust, c.tlog),
        ...timestampArgs(c),
        '--type',
        c.predicateType,
        c.blob,
    ],
    verify: (c) => ['verify', ...policyArgs(c), '--output', 'json', c.ref],
    verifyAttestation: (c, type) => [
        'verify-attestation',
        '--type',
        type,
        ...policyArgs(c),
        '--output',
        'json',
        c.ref,
    ],
};
/** What cosign reads: its own settings, the sigstore trust root, registry config, KMS credentials. */
const COSIGN_ENV = [/^COSIGN_/, /^SIGSTORE_/, 'TUF_ROOT', /^DOCKER_/, ...env/* CLOUD_ENV */.sG];
class Cosign {
    exec;
    file;
    env;
    /** @param env DOCKER_CONFIG (registry credentials) and the like, added to the inherited environment */
    constructor(exec, file = 'cosign', env = {}) {
        this.exec = exec;
        this.file = file;
        this.env = env;
    }
    async execute(args, timeoutMs) {
        return await this.exec.run(this.file, args, { env: this.env, pass: COSIGN_ENV, timeoutMs, allowFailure: true });
    }
    /** `cosign verify`: exit 0 and one JSON payload per verified signature on stdout. */
    async verify(c, timeoutMs) {
        return await this.execute(cosignArgv.verify(c), timeoutMs);
    }
    /** `cosign verify-blob-attestation --new-bundle-format`: exit 0 and `Verified OK` on stderr. */
    async verifyBundle(c, timeoutMs) {
        return await this.execute(cosignArgv.verifyBundle(c), timeoutMs);
    }
    /** `cosign verify-attestation --type <type>`: one DSSE envelope (JSON) a line on stdout. */
    async verifyAttestation(c, type, timeoutMs) {
        return await this.execute(cosignArgv.verifyAttestation(c, type), timeoutMs);
    }
}

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/image/credentials.ts
var image_credentials = __webpack_require__(791);
// EXTERNAL MODULE: ./src/image/reference.ts
var reference = __webpack_require__(3564);
// EXTERNAL MODULE: ./src/runner.ts
var runner = __webpack_require__(4813);
// EXTERNAL MODULE: ./src/tools/which.ts
var which = __webpack_require__(9234);
;// CONCATENATED MODULE: ./src/verify/payload.ts
/**
 * What cosign prints after a successful check, read back (pure). `cosign verify --output json`: the
 * simple-signing payloads, a JSON array (cosign ≥ 2.3) or one object a line (older). `cosign
 * verify-attestation --output json`: one DSSE envelope a line, its base64 `payload` an in-toto
 * statement. SLSA v1 (`runDetails.builder.id`, `buildDefinition`) and v0.2 (`builder.id`,
 * `invocation.configSource`, `materials`) are both read.
 */
function jsonValues(stdout) {
    const text = stdout.trim();
    if (!text)
        return [];
    try {
        const whole = JSON.parse(text);
        return Array.isArray(whole) ? whole : [whole];
    }
    catch {
        return text
            .split('\n')
            .map((l) => l.trim())
            .filter((l) => l.startsWith('{'))
            .flatMap((l) => {
            try {
                return [JSON.parse(l)];
            }
            catch {
                return [];
            }
        });
    }
}
const obj = (v) => v !== null && typeof v === 'object' && !Array.isArray(v) ? v : {};
const str = (v) => (typeof v === 'string' ? v : '');
/** The manifest digests the verified signatures name (`critical.image.docker-manifest-digest`). */
function signedDigests(stdout) {
    return jsonValues(stdout)
        .map((p) => str(obj(obj(obj(p).critical).image)['docker-manifest-digest']))
        .filter(Boolean);
}
/** The in-toto statements inside the envelopes, each with the sha256 digests of its subjects. */
function attestationStatements(stdout) {
    return jsonValues(stdout).flatMap((envelope) => {
        const payload = str(obj(envelope).payload);
        if (!payload)
            return [];
        let statement;
        try {
            statement = obj(JSON.parse(Buffer.from(payload, 'base64').toString('utf8')));
        }
        catch {
            return [];
        }
        const subjects = (Array.isArray(statement.subject) ? statement.subject : [])
            .map((s) => str(obj(obj(s).digest).sha256))
            .filter(Boolean)
            .map((hex) => `sha256:${hex}`);
        return [{ predicateType: str(statement.predicateType), subjects, predicate: obj(statement.predicate) }];
    });
}
/** Builder, source and commit from a SLSA v1 or v0.2 predicate. */
function readProvenance(predicateType, p) {
    if (/provenance\/v1$/.test(predicateType)) {
        const def = obj(p.buildDefinition);
        const workflow = obj(obj(def.externalParameters).workflow);
        const deps = Array.isArray(def.resolvedDependencies) ? def.resolvedDependencies.map(obj) : [];
        const git = deps.find((d) => /^git\+/.test(str(d.uri))) ?? deps[0] ?? {};
        const gitDigest = obj(git.digest);
        return {
            predicateType,
            builderId: str(obj(obj(p.runDetails).builder).id),
            source: str(workflow.repository) || str(git.uri),
            commit: str(gitDigest.gitCommit) || str(gitDigest.sha1),
        };
    }
    const config = obj(obj(p.invocation).configSource);
    const materials = Array.isArray(p.materials) ? p.materials.map(obj) : [];
    const first = materials[0] ?? {};
    return {
        predicateType,
        builderId: str(obj(p.builder).id),
        source: str(config.uri) || str(first.uri),
        commit: str(obj(config.digest).sha1) || str(obj(first.digest).sha1),
    };
}

;// CONCATENATED MODULE: ./src/verify/evidence.ts

const BUNDLE_MEDIA_TYPE = 'application/vnd.dev.sigstore.bundle.v0.3+json';
/** older bundle media types the same tools wrote (sigstore-js before v0.3) */
const BUNDLE_TYPES = new Set([
    BUNDLE_MEDIA_TYPE,
    'application/vnd.dev.sigstore.bundle+json;version=0.2',
    'application/vnd.dev.sigstore.bundle.v0.2+json',
]);
const IN_TOTO_MEDIA_TYPE = 'application/vnd.in-toto+json';
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
const DOCKER_LIST = 'application/vnd.docker.distribution.manifest.list.v2+json';
/** `verified`: the kinds found, in this order, joined by `+`; `none` when there are none. */
const EVIDENCE_ORDER = ['signature', 'provenance', 'attestation', 'github-attestation', 'buildkit-provenance'];
function verifiedOf(kinds) {
    const found = EVIDENCE_ORDER.filter((k) => kinds.includes(k));
    return found.length ? found.join('+') : 'none';
}
const evidence_obj = (v) => v !== null && typeof v === 'object' && !Array.isArray(v) ? v : {};
const evidence_str = (v) => (typeof v === 'string' ? v : '');
const list = (v) => (Array.isArray(v) ? v.map(evidence_obj) : []);
function parseJson(bytes) {
    try {
        const v = JSON.parse(typeof bytes === 'string' ? bytes : bytes.toString('utf8'));
        return v !== null && typeof v === 'object' && !Array.isArray(v) ? v : undefined;
    }
    catch {
        return undefined;
    }
}
/**
 * Descriptors of a referrers answer (API or fallback tag) worth opening: a bundle's artifactType, or
 * none at all (the fallback index cosign keeps lists its own bundles with the config's type instead).
 */
function candidateReferrers(descriptors) {
    return descriptors
        .filter((d) => {
        const type = evidence_str(d.artifactType);
        return BUNDLE_TYPES.has(type) || type === '' || type === 'application/vnd.oci.empty.v1+json';
    })
        .map((d) => evidence_str(d.digest))
        .filter((d) => /^sha256:[a-f0-9]{64}$/.test(d));
}
/** A referrer manifest that carries a Sigstore bundle about `subject`: the bundle layer's digest, else undefined. */
function bundleLayer(manifest, subject) {
    const type = evidence_str(manifest.artifactType) || evidence_str(evidence_obj(manifest.config).mediaType);
    if (!BUNDLE_TYPES.has(type))
        return undefined;
    if (evidence_str(evidence_obj(manifest.subject).digest) !== subject)
        return undefined;
    const layer = list(manifest.layers).find((l) => BUNDLE_TYPES.has(evidence_str(l.mediaType)));
    const digest = evidence_str(layer?.digest);
    if (!/^sha256:[a-f0-9]{64}$/.test(digest))
        return undefined;
    return { digest, predicateType: evidence_str(evidence_obj(manifest.annotations)['dev.sigstore.bundle.predicateType']) };
}
/** An in-toto statement (JSON), `undefined` when it is not one. */
function readStatement(json) {
    if (!json || !/^https:\/\/in-toto\.io\/Statement\//.test(evidence_str(json._type)))
        return undefined;
    const subjects = list(json.subject)
        .map((s) => evidence_str(evidence_obj(s.digest).sha256))
        .filter((hex) => /^[a-f0-9]{64}$/.test(hex))
        .map((hex) => `sha256:${hex}`);
    return { predicateType: evidence_str(json.predicateType), subjects, predicate: evidence_obj(json.predicate) };
}
/** The in-toto statement a Sigstore bundle's DSSE envelope carries (not yet verified: cosign does that). */
function bundleStatement(bundle) {
    const envelope = evidence_obj(bundle.dsseEnvelope);
    if (evidence_str(envelope.payloadType) !== 'application/vnd.in-toto+json')
        return undefined;
    return readStatement(parseJson(Buffer.from(evidence_str(envelope.payload), 'base64')));
}
const isSlsaProvenance = (predicateType) => /^https:\/\/slsa\.dev\/provenance\/v(0\.2|1)$/.test(predicateType);
const isIndex = (mediaType) => mediaType === OCI_INDEX || mediaType === DOCKER_LIST;
/** BuildKit's attestation manifests in an index: each with the platform manifest it is about. */
function attestationManifests(index) {
    return list(index.manifests)
        .filter((d) => evidence_obj(d.annotations)['vnd.docker.reference.type'] === 'attestation-manifest')
        .map((d) => ({ digest: evidence_str(d.digest), about: evidence_str(evidence_obj(d.annotations)['vnd.docker.reference.digest']) }))
        .filter((a) => /^sha256:[a-f0-9]{64}$/.test(a.digest));
}
/** The runnable manifests an index lists (not BuildKit's attestation manifests). */
function platformManifests(index) {
    return list(index.manifests)
        .filter((d) => evidence_obj(d.annotations)['vnd.docker.reference.type'] === undefined)
        .map((d) => evidence_str(d.digest));
}
/** The in-toto layers of an attestation manifest that hold SLSA provenance (by their predicate-type annotation). */
function provenanceLayers(manifest) {
    return list(manifest.layers)
        .filter((l) => evidence_str(l.mediaType) === IN_TOTO_MEDIA_TYPE)
        .filter((l) => {
        const type = evidence_str(evidence_obj(l.annotations)['in-toto.io/predicate-type']);
        return type === '' || isSlsaProvenance(type);
    })
        .map((l) => evidence_str(l.digest))
        .filter((d) => /^sha256:[a-f0-9]{64}$/.test(d));
}
/** BuildKit's own metadata: `vcs.source` / `vcs.revision` when the build context carried git information. */
function buildkitVcs(predicateType, p) {
    const key = 'https://mobyproject.org/buildkit@v1#metadata';
    const meta = /provenance\/v1$/.test(predicateType) ? evidence_obj(evidence_obj(evidence_obj(p.runDetails).metadata)[key]) : evidence_obj(evidence_obj(p.metadata)[key]);
    const vcs = evidence_obj(meta.vcs);
    return { source: evidence_str(vcs.source), revision: evidence_str(vcs.revision) };
}
/** Builder, source and commit of a statement's SLSA predicate, BuildKit's shapes included. */
function provenanceOf(s) {
    const p = readProvenance(s.predicateType, s.predicate);
    const config = evidence_obj(evidence_obj(evidence_obj(s.predicate.buildDefinition).externalParameters).configSource);
    const vcs = buildkitVcs(s.predicateType, s.predicate);
    // a local context (`.`) has a configSource without uri and a base image (`pkg:docker/…`) as its first
    // material: buildx's git information is then what names the repository and the commit
    const repoLike = (u) => /^(git\+)?https?:\/\//.test(u);
    p.source = [p.source, evidence_str(config.uri), vcs.source].find(repoLike) ?? '';
    p.commit ||= evidence_str(evidence_obj(config.digest).sha1) || evidence_str(evidence_obj(config.digest).gitCommit) || vcs.revision;
    // registry content: kept to a length a log line and a summary cell can hold
    const clip = (v) => (v.length > 300 ? `${v.slice(0, 300)}…` : v);
    return { predicateType: clip(p.predicateType), builderId: clip(p.builderId), source: clip(p.source), commit: clip(p.commit) };
}
function expectedFromEnv(env) {
    const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
    const repo = env.GITHUB_REPOSITORY ?? '';
    return {
        repository: repo ? `${server}/${repo}` : '',
        commit: /^[a-f0-9]{40}$/.test(env.GITHUB_SHA ?? '') ? env.GITHUB_SHA : '',
        builderPrefix: repo ? `${server}/${repo}/actions/runs/` : '',
    };
}
/** `git+https://github.com/Acme/App.git@refs/heads/main` → `https://github.com/acme/app` (to compare repositories). */
function normalRepository(uri) {
    return uri
        .trim()
        .replace(/^git\+/, '')
        .replace(/[#@].*$/, '')
        .replace(/\.git$/, '')
        .replace(/\/+$/, '')
        .toLowerCase();
}
/**
 * Builder, source repository and commit against the run's GitHub context. The builder is compared
 * only for BuildKit provenance (build-push-action names the workflow run as its builder id); a
 * GitHub-hosted runner is the builder of attest-build-provenance's predicate, whatever the repository.
 */
function compareProvenance(p, expected, buildkit) {
    const out = [];
    if (buildkit && expected.builderPrefix)
        out.push({
            field: 'builder',
            expected: `${expected.builderPrefix}…`,
            found: p.builderId,
            matches: p.builderId.toLowerCase().startsWith(expected.builderPrefix.toLowerCase()),
        });
    if (expected.repository)
        out.push({
            field: 'source',
            expected: expected.repository,
            found: p.source,
            matches: p.source !== '' && normalRepository(p.source) === normalRepository(expected.repository),
        });
    if (expected.commit)
        out.push({ field: 'commit', expected: expected.commit, found: p.commit, matches: p.commit === expected.commit });
    return out;
}
/** `source matches, commit differs (expected 0123…, found fedc…)`. */
function describeComparison(c) {
    if (!c.length)
        return 'nothing to compare with (GITHUB_REPOSITORY and GITHUB_SHA are not set)';
    return c
        .map((x) => (x.matches ? `${x.field} matches` : `${x.field} differs (expected ${x.expected}, found ${x.found || '(none)'})`))
        .join(', ');
}

// EXTERNAL MODULE: ./src/image/registry-auth.ts
var registry_auth = __webpack_require__(2429);
// EXTERNAL MODULE: ./src/image/registry-http.ts
var registry_http = __webpack_require__(5687);
// EXTERNAL MODULE: ./src/image/registry-transfer.ts
var registry_transfer = __webpack_require__(3316);
;// CONCATENATED MODULE: ./src/verify/sources.ts




/** at most this many referrers or attestation manifests are opened (a registry could list thousands) */
const MAX_OPENED = 16;
/** a bundle or an in-toto statement larger than this is not read */
const MAX_ATTESTATION_BYTES = 4 * 1024 * 1024;
class RegistryEvidence {
    client;
    manifest;
    constructor(ref, credentials, deadline) {
        const http = new registry_http/* RegistryHttp */.WR({ deadline, timeoutMs: 30_000, retries: 2, backoffMs: 500, maxRetryAfterMs: 10_000 });
        this.client = new registry_transfer/* RepositoryClient */.q(new registry_auth/* RegistryAuth */.g(http, credentials), ref, {}, credentials.hint(ref.registry));
    }
    /** The exact bytes of the manifest (or index) deployed, checked against its digest. */
    async manifestOf(digest) {
        this.manifest ??= this.client.getManifest(digest);
        return await this.manifest;
    }
    /** Sigstore bundles whose referrer manifest names `digest` as its subject, with how they were listed. */
    async bundles(digest) {
        const { via, manifests } = await this.client.referrers(digest);
        const bundles = [];
        for (const referrer of candidateReferrers(manifests).slice(0, MAX_OPENED)) {
            const m = parseJson((await this.client.getManifest(referrer)).bytes);
            const layer = m && bundleLayer(m, digest);
            if (!layer)
                continue;
            const bytes = await this.client.readBlob(layer.digest, MAX_ATTESTATION_BYTES);
            const json = parseJson(bytes);
            bundles.push({ from: `OCI referrer ${referrer}`, bytes, statement: json && bundleStatement(json) });
        }
        return { via, bundles };
    }
    /**
     * BuildKit's SLSA statements in the index deployed: those about a platform manifest the index lists,
     * naming it as their subject. A single-platform manifest has none (BuildKit writes them in the index).
     */
    async buildkitProvenance(digest) {
        const { bytes, mediaType } = await this.manifestOf(digest);
        const index = parseJson(bytes);
        if (!index || !isIndex(mediaType || String(index.mediaType ?? '')))
            return { index: false, statements: [] };
        const platforms = new Set(platformManifests(index));
        const statements = [];
        for (const a of attestationManifests(index).slice(0, MAX_OPENED)) {
            if (!platforms.has(a.about))
                continue;
            const m = parseJson((await this.client.getManifest(a.digest)).bytes);
            for (const layer of m ? provenanceLayers(m) : []) {
                const statement = readStatement(parseJson(await this.client.readBlob(layer, MAX_ATTESTATION_BYTES)));
                if (statement && statement.subjects.includes(a.about))
                    statements.push({ manifest: a.digest, about: a.about, statement });
            }
        }
        return { index: true, statements };
    }
}
/**
 * GitHub's attestations API for the digest in `owner/repo` (`GET /repos/{owner}/{repo}/attestations/{subject_digest}`,
 * needs `attestations: read`). A 404 is "none"; other failures are a reason, never a stop: other
 * evidence may still be there.
 */
async function githubBundles(token, repository, digest) {
    const [owner, repo] = repository.split('/');
    if (!owner || !repo)
        return { bundles: [], note: 'GITHUB_REPOSITORY is not set' };
    const { githubApi } = await Promise.all(/* import() */[__webpack_require__.e(413), __webpack_require__.e(240)]).then(__webpack_require__.bind(__webpack_require__, 8240));
    const api = githubApi(token);
    try {
        const res = await api.request('GET /repos/{owner}/{repo}/attestations/{subject_digest}', {
            owner,
            repo,
            subject_digest: digest,
            per_page: 30,
        });
        const list = res.data.attestations ?? [];
        const bundles = list
            .filter((a) => a.bundle)
            .map((a) => {
            const bytes = Buffer.from(JSON.stringify(a.bundle));
            return { from: `GitHub attestations API (${repository})`, bytes, statement: bundleStatement(a.bundle) };
        });
        const byUrl = list.length - bundles.length;
        return byUrl ? { bundles, note: `${byUrl} attestation(s) only by bundle_url, not read` } : { bundles };
    }
    catch (e) {
        const status = e.status;
        if (status === 404)
            return { bundles: [] };
        const why = status ? `HTTP ${status}` : e instanceof Error ? e.message : String(e);
        return { bundles: [], note: `GitHub attestations API for ${repository} failed: ${why.slice(0, 200)}` };
    }
}

// EXTERNAL MODULE: ./src/verify/policy.ts
var verify_policy = __webpack_require__(6607);
;// CONCATENATED MODULE: ./src/verify/verify.ts
/**
 * Runs the verification policy against exactly the digest about to be deployed (`repo@sha256:…`
 * from the ImageDecision: never a tag, so nothing can move between check and deploy). The key (a
 * PEM value) and registry credentials reach cosign as 0600 files in a private temp dir, removed
 * after. A failed or impossible check stops the run with one line naming the digest and the policy,
 * or is a warning under `verify: warn`. Decisions: docs/adr/0012-verify-then-deploy-the-digest.md.
 */













/** each cosign call: at most this, and never past the run's deadline */
const COSIGN_TIMEOUT_MS = 120_000;
const TIMEOUT_FIX = 'check that the registry (and, with verify-tlog: true, Rekor) answers from the runner, or raise the input timeout';
/**
 * The checks of a policy that asks for them (gate.ts decides that, and handles a local build, before
 * this module is loaded): cosign against the digest, then the provenance as the policy says.
 */
async function checkImage(ctx, policy) {
    const { image } = ctx;
    const ref = image.digest ? `${(0,reference/* repositoryName */.aR)(image.parsed)}@${image.digest}` : image.deployRef;
    const shown = (0,verify_policy/* describePolicy */.wy)(policy);
    const failed = (reason, fix, passed = 'none') => {
        const line = `${ref} failed verification (policy: ${shown}): ${reason}`;
        if (policy.onFailure === 'enforce' && !ctx.plan)
            throw new errors/* ActionError */.lZ(line, { fix });
        (0,runner/* warning */.$e)(policy.onFailure === 'warn' ? `${line} (verify: warn: deploying anyway)` : `${line} (plan: a deploy would stop here. Fix: ${fix})`);
        return {
            verified: passed,
            details: { policy: shown, ref, note: `not verified: ${reason}` },
            trace: (0,verify_policy/* traced */.mn)('skipped', `verify: warn: ${reason}`),
            ...(policy.onFailure === 'enforce' ? { wouldStop: { line, fix } } : {}),
        };
    };
    if (!image.digest) {
        return failed('it is not pinned to a digest (pin-digest: false), and a tag can move between check and deploy', 'set pin-digest: true (the default) or pass image-digest');
    }
    const cosignPath = ctx.cosign ?? (0,which/* which */.K)('cosign');
    if (!cosignPath) {
        return failed('cosign is not on PATH', 'install cosign before this step (sigstore/cosign-installer), or set verify: warn or false');
    }
    // the key file and the DOCKER_CONFIG with registry credentials: under RUNNER_TEMP, registered before they exist
    const scratch = ctx.temps.dir('sindri-verify-');
    try {
        const digest = image.digest;
        const trust = await cosignTrust(policy, ctx.workdir, scratch);
        const credentials = await ctx.credentials();
        const env = await registryConfig(credentials, image.parsed.registry, scratch);
        const cosign = new Cosign(ctx.exec, cosignPath, env);
        const check = { ref, trust, tlog: policy.tlog };
        const registry = new RegistryEvidence({ ...image.parsed, digest }, credentials, ctx.exec.deadline);
        const evidence = [];
        const looked = [];
        let signed;
        // 1. a cosign signature of the digest
        const sig = await cosign.verify(check, ctx.exec.deadline.budget(`cosign verify ${ref}`, COSIGN_TIMEOUT_MS));
        if (sig.timedOut)
            return failed(`cosign verify did not finish in time`, TIMEOUT_FIX);
        if (sig.code !== 0) {
            const reason = cosignReason(sig.stderr);
            if (!/no signatures found/.test(reason))
                return failed(reason, fixFor(reason, 'signature'));
            looked.push(reason);
        }
        else if (!signedDigests(sig.stdout).includes(digest)) {
            return failed('cosign reported no signature payload naming this digest', fixFor('', 'signature'));
        }
        else {
            evidence.push('signature');
            (0,runner/* info */.pq)(`signature of ${ref} verified (${shown})`);
        }
        // 2. cosign's own SLSA attestations, when provenance is asked and the signature is there
        if (policy.provenance && evidence.includes('signature')) {
            let last = '';
            for (const type of PROVENANCE_TYPES) {
                const att = await cosign.verifyAttestation(check, type, ctx.exec.deadline.budget(`cosign verify-attestation ${ref}`, COSIGN_TIMEOUT_MS));
                if (att.timedOut)
                    return failed(`provenance: cosign verify-attestation did not finish in time`, TIMEOUT_FIX, 'signature');
                if (att.code !== 0) {
                    last = att.stderr;
                    if (hasNoAttestation(att.stderr))
                        break;
                    if (isNoMatchingType(att.stderr))
                        continue;
                    return failed(`provenance: ${cosignReason(att.stderr)}`, fixFor(cosignReason(att.stderr), 'provenance'), 'signature');
                }
                const statement = attestationStatements(att.stdout).find((s) => s.subjects.includes(digest));
                if (!statement)
                    return failed(`provenance: no attestation of type ${type} names this digest as its subject`, fixFor('', 'provenance'), 'signature');
                evidence.push('provenance');
                signed = { provenance: provenanceOf(statement), from: `cosign attestation (${type})` };
                break;
            }
            if (!signed)
                looked.push(`no cosign SLSA attestation (cosign: ${cosignReason(last)})`);
        }
        // 3. Sigstore bundles: attached to the digest as OCI referrers, else from GitHub's attestations API
        if (!evidence.includes('signature') || (policy.provenance && !signed)) {
            let bundles;
            try {
                bundles = await bundleEvidence(ctx, registry, cosign, policy, trust, scratch);
            }
            catch (e) {
                if (!(e instanceof errors/* ActionError */.lZ) || e.where.field === 'input trusted-root')
                    throw e;
                return failed(`attestation: ${e.message}`, e.fix ?? fixFor(e.message, 'attestation'), verifiedOf(evidence));
            }
            if (bundles.failure)
                return failed(bundles.failure, fixFor(bundles.failure, 'attestation'), verifiedOf(evidence));
            if (bundles.found) {
                evidence.push(bundles.found.kind);
                signed ??= { provenance: bundles.found.provenance, from: bundles.found.from };
                (0,runner/* info */.pq)(`Sigstore attestation of ${ref} verified (${bundles.found.from}, ${shown})`);
            }
            looked.push(...bundles.looked);
        }
        // 4. BuildKit's provenance in the index: unsigned, so informational unless the signature of the index covers it
        const expected = expectedFromEnv(process.env);
        const buildkit = await buildkitEvidence(registry, digest, expected, evidence.includes('signature')).catch((e) => {
            if (!(e instanceof errors/* ActionError */.lZ))
                throw e;
            (0,runner/* info */.pq)(`BuildKit provenance of ${ref} not read: ${e.message}`);
            return undefined;
        });
        if (buildkit?.signed) {
            evidence.push('buildkit-provenance');
            signed ??= { provenance: buildkit.provenance, from: 'BuildKit provenance in the index, covered by the signature of the index' };
        }
        if (buildkit) {
            const line = `BuildKit provenance of ${ref} (${buildkit.signed ? 'covered by the verified signature of the index' : 'UNSIGNED: informational only, nothing vouches for it'}): ${provenanceLine(buildkit.provenance)}; ${buildkit.comparison}`;
            if (buildkit.mismatch)
                (0,runner/* warning */.$e)(line);
            else
                (0,runner/* info */.pq)(line);
        }
        const hasSignature = evidence.some((e) => e === 'signature' || e === 'attestation' || e === 'github-attestation');
        if (!hasSignature) {
            return failed(`no signatures found: ${looked.slice(1).join('; ') || 'no Sigstore attestation either'}`, fixFor('no signatures found', 'signature'));
        }
        const verified = verifiedOf(evidence);
        if (policy.provenance && !signed) {
            return failed(`provenance: no signed SLSA provenance (${looked.join('; ')}${buildkit ? '; BuildKit provenance in the index is unsigned' : ''})`, fixFor('', 'provenance'), verified);
        }
        const comparison = signed ? describeComparison(compareProvenance(signed.provenance, expected, false)) : undefined;
        const details = { policy: shown, ref, evidence: [...evidence] };
        if (signed) {
            Object.assign(details, {
                builder: signed.provenance.builderId,
                source: signed.provenance.source,
                commit: signed.provenance.commit,
                predicateType: signed.provenance.predicateType,
                provenanceFrom: signed.from,
                expected: comparison,
            });
            (0,runner/* info */.pq)(`provenance of ${ref} verified (${signed.from}): ${provenanceLine(signed.provenance)}; ${comparison}`);
        }
        if (buildkit)
            details.buildkit = buildkitDetails(buildkit);
        const what = verified.split('+').join(', ');
        return {
            verified,
            details,
            trace: (0,verify_policy/* traced */.mn)('applied', `${ref} verified: ${what} (${shown}), asked by ${policy.askedBy}${signed ? `; ${provenanceLine(signed.provenance)}` : ''}`),
        };
    }
    finally {
        ctx.temps.remove(scratch);
    }
}
/**
 * Each SLSA bundle is verified by cosign against the exact bytes of the manifest deployed (the
 * statement's subject must be their sha256) and the policy's key or identity: OCI referrers first,
 * then, with a token, GitHub's attestations API.
 */
async function bundleEvidence(ctx, registry, cosign, policy, trust, scratch) {
    const digest = ctx.image.digest;
    const looked = [];
    const manifest = await registry.manifestOf(digest);
    const blob = (0,external_node_path_.join)(scratch, 'manifest.json');
    await (0,promises_.writeFile)(blob, manifest.bytes, { mode: 0o600 });
    const trustedRoot = ctx.inputs['trusted-root'] ? (0,external_node_path_.resolve)(ctx.workdir, ctx.inputs['trusted-root']) : undefined;
    if (trustedRoot && !(0,external_node_fs_.existsSync)(trustedRoot)) {
        throw new errors/* ActionError */.lZ(`the trusted root ${ctx.inputs['trusted-root']} does not exist (looked at ${trustedRoot})`, {
            where: { field: 'input trusted-root' },
            fix: 'write it in an earlier step (gh attestation trusted-root > trusted_root.json) or leave trusted-root empty for the public-good Sigstore',
        });
    }
    let lastFailure = '';
    const tryAll = async (kind, bundles) => {
        const slsa = bundles.filter((b) => b.statement && isSlsaProvenance(b.statement.predicateType) && b.statement.subjects.includes(digest));
        for (const [i, b] of slsa.entries()) {
            const file = (0,external_node_path_.join)(scratch, `bundle-${kind}-${i}.json`);
            await (0,promises_.writeFile)(file, b.bytes, { mode: 0o600 });
            const r = await cosign.verifyBundle({ bundle: file, blob, predicateType: b.statement.predicateType, trust, tlog: policy.tlog, trustedRoot }, ctx.exec.deadline.budget(`cosign verify-blob-attestation (${b.from})`, COSIGN_TIMEOUT_MS));
            if (r.code === 0 && !r.timedOut)
                return { kind, provenance: provenanceOf(b.statement), from: b.from };
            lastFailure = r.timedOut
                ? `cosign verify-blob-attestation did not finish in time (${b.from})`
                : `${cosignReason(r.stderr)} (${b.from})`;
        }
        looked.push(slsa.length
            ? `${slsa.length} SLSA bundle(s) from ${kind === 'attestation' ? 'OCI referrers' : "GitHub's attestations API"} did not verify`
            : `no SLSA Sigstore bundle ${kind === 'attestation' ? 'attached as an OCI referrer' : "in GitHub's attestations API"}${bundles.length ? ` (${bundles.length} other bundle(s))` : ''}`);
        return undefined;
    };
    const referrers = await registry.bundles(digest);
    const found = await tryAll('attestation', referrers.bundles);
    if (found)
        return { found, looked };
    const token = ctx.inputs['github-token'] ?? '';
    if (token) {
        const repository = process.env.GITHUB_REPOSITORY ?? '';
        const api = await githubBundles(token, repository, digest);
        const viaApi = await tryAll('github-attestation', api.bundles);
        if (viaApi)
            return { found: viaApi, looked };
        if (api.note)
            looked.push(api.note);
    }
    else
        looked.push("GitHub's attestations API not asked (no github-token)");
    return lastFailure ? { failure: `attestation: ${lastFailure}`, looked } : { looked };
}
async function buildkitEvidence(registry, digest, expected, signed) {
    const { statements } = await registry.buildkitProvenance(digest);
    const first = statements[0];
    if (!first)
        return undefined;
    const provenance = provenanceOf(first.statement);
    const compared = compareProvenance(provenance, expected, true);
    return {
        provenance,
        signed,
        comparison: describeComparison(compared),
        mismatch: compared.some((c) => !c.matches),
        platforms: new Set(statements.map((s) => s.about)).size,
    };
}
function buildkitDetails(b) {
    return {
        signed: b.signed,
        builder: b.provenance.builderId,
        source: b.provenance.source,
        commit: b.provenance.commit,
        predicateType: b.provenance.predicateType,
        expected: b.comparison,
        platforms: b.platforms,
    };
}
function provenanceLine(p) {
    return `builder ${p.builderId || '(none)'}, source ${p.source || '(none)'}${p.commit ? ` @ ${p.commit}` : ''}`;
}
/** A PEM value becomes a 0600 file in the scratch dir; a path is resolved against working-directory; a URI passes through. */
async function cosignTrust(policy, workdir, scratch) {
    const t = policy.trust;
    if (t.kind === 'keyless')
        return { identityRegexp: t.identityRegexp, issuer: t.issuer };
    if (t.key.kind === 'uri')
        return { key: t.key.uri };
    if (t.key.kind === 'pem') {
        const file = (0,external_node_path_.join)(scratch, 'cosign.pub');
        await (0,promises_.writeFile)(file, t.key.pem, { mode: 0o600 });
        return { key: file };
    }
    const file = (0,external_node_path_.isAbsolute)(t.key.path) ? t.key.path : (0,external_node_path_.resolve)(workdir, t.key.path);
    if (!(0,external_node_fs_.existsSync)(file)) {
        throw new errors/* ActionError */.lZ(`the public key ${t.key.path} does not exist (looked at ${file})`, {
            where: { field: 'input cosign-key' },
            fix: 'pass the PEM value itself (e.g. from a secret or variable), a path relative to working-directory, or a KMS URI',
        });
    }
    return { key: file };
}
/**
 * cosign reads registry credentials from $DOCKER_CONFIG/config.json: when the registry client's chain
 * has some for this registry (inputs, github-token, the runner's Docker config or a helper), they go
 * into a 0600 config.json of our own, never into argv.
 */
async function registryConfig(credentials, registry, scratch) {
    const c = await credentials.lookup(registry);
    if (!c)
        return {};
    const key = registry === reference/* DOCKER_HUB */.Xb ? image_credentials.DOCKER_HUB_CONFIG_KEY : registry;
    const entry = c.identityToken
        ? { identitytoken: c.identityToken, ...(c.username && c.username !== '<token>' ? { username: c.username } : {}) }
        : { auth: Buffer.from(`${c.username}:${c.password}`).toString('base64') };
    const dir = (0,external_node_path_.join)(scratch, 'docker');
    await (0,promises_.mkdir)(dir, { mode: 0o700 });
    await (0,promises_.writeFile)((0,external_node_path_.join)(dir, 'config.json'), JSON.stringify({ auths: { [key]: entry } }), { mode: 0o600 });
    (0,runner/* info */.pq)(`cosign uses the registry credentials of ${c.source} for ${registry}`);
    return { DOCKER_CONFIG: dir };
}
/** cosign's own reason: the last `Error:` line (or the last line) of its stderr, without the prefix. */
function cosignReason(stderr) {
    const lines = stderr
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
    const err = [...lines].reverse().find((l) => /^(Error:|error during command execution:)/.test(l)) ?? lines.at(-1) ?? '';
    const text = err.replace(/^(Error:|error during command execution:)\s*/, '').replace(/:\s*$/, '');
    return (text || 'cosign failed without a message').slice(0, 300);
}
/** The attestations there are of another predicate type (or cosign does not know this type): try the next. */
function isNoMatchingType(stderr) {
    return /none of the attestations matched the predicate type|invalid predicate type/.test(stderr);
}
/** cosign found no attestation at all on the digest (an empty reason): no other type will be there either. */
function hasNoAttestation(stderr) {
    return /no matching attestations:\s*$/m.test(stderr);
}
/** The fix for cosign's reason (its `Error:` line only: its warnings mention the tlog whenever it is skipped). */
function fixFor(reason, what) {
    if (/tuf|rekor|transparency log|tlog entry|trusted root|timestamp/i.test(reason)) {
        return "the transparency log (Rekor) or the Sigstore trust root cannot be reached or does not vouch for it; GitHub's attestations of a private repository carry signed timestamps instead of a log entry: pass trusted-root (gh attestation trusted-root) with verify-tlog: false; for a key-signed image on private infrastructure set verify-tlog: false";
    }
    if (/dial tcp|connection refused|no such host|i\/o timeout|UNAUTHORIZED|DENIED|status code 40[13]|MANIFEST_UNKNOWN|NAME_UNKNOWN/i.test(reason)) {
        return 'check that the runner reaches the registry and has credentials for it (registry-username/registry-password, or docker/login-action)';
    }
    if (/no signatures found/.test(reason))
        return 'sign the image where it is built (cosign sign --key … <repo>@<digest>), or attest it with actions/attest-build-provenance and push-to-registry: true, or set verify: false';
    if (what === 'provenance') {
        return 'attest the image where it is built (actions/attest-build-provenance with push-to-registry: true, or cosign attest --type slsaprovenance1), or set image_config.verify_provenance: false';
    }
    return 'check cosign-key (or certificate-identity and certificate-oidc-issuer) against how the image was signed or attested';
}


/***/ })

};
