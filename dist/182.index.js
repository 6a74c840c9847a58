export const id = 182;
export const ids = [182,172,791];
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
/* harmony import */ var _external_env_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6572);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4813);
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3564);
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
const HUB_NAMES = new Set([_reference_js__WEBPACK_IMPORTED_MODULE_5__/* .DOCKER_HUB */ .Xb, 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com']);
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ActionError */ .lZ(`${file} is not valid JSON (${e.message})`, {
            where: { file },
            fix: 'repair the file, or remove it and log in again with docker login',
        });
    }
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ActionError */ .lZ(`${file} is not a JSON object`, {
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
            pass: [/^DOCKER_/, ..._external_env_js__WEBPACK_IMPORTED_MODULE_6__/* .CLOUD_ENV */ .sG],
        });
        return r.code === 0 ? r.stdout : undefined;
    }
    catch (e) {
        if (e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ActionError */ .lZ && /not found on PATH/.test(e.message))
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ActionError */ .lZ(`cannot read ${file}: ${e.message}`, {
            where: { file },
            fix: 'make the file readable, or unset DOCKER_CONFIG',
        });
    }
    return parseDockerConfig(text, file);
}
function registered(c) {
    (0,_runner_js__WEBPACK_IMPORTED_MODULE_4__/* .setSecret */ .Pq)(c.password);
    (0,_runner_js__WEBPACK_IMPORTED_MODULE_4__/* .setSecret */ .Pq)(c.identityToken);
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

/***/ 3564:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F2: () => (/* binding */ parseReference),
/* harmony export */   FH: () => (/* binding */ formatReference),
/* harmony export */   Xb: () => (/* binding */ DOCKER_HUB),
/* harmony export */   _t: () => (/* binding */ withDefaultTag),
/* harmony export */   aR: () => (/* binding */ repositoryName),
/* harmony export */   cW: () => (/* binding */ isLoopbackHost),
/* harmony export */   ct: () => (/* binding */ pinnedReference),
/* harmony export */   nz: () => (/* binding */ apiHost),
/* harmony export */   r_: () => (/* binding */ isValidTag)
/* harmony export */ });
/* unused harmony export isValidDigest */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/**
 * One parser for image references, following the grammar of distribution/reference:
 * `[host[:port]/]path[:tag][@algo:hex]`. Docker Hub names normalise to `docker.io/library/…`.
 */

const DOCKER_HUB = 'docker.io';
const DOCKER_HUB_API = 'registry-1.docker.io';
const HUB_ALIASES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com']);
const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const DIGEST = /^(sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})$/;
const HOST = /^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*)(?::[0-9]{1,5})?$/;
function isValidTag(tag) {
    return TAG.test(tag);
}
function isValidDigest(digest) {
    return DIGEST.test(digest);
}
function invalid(value, why, where) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`invalid image reference "${value}": ${why}`, {
        where,
        fix: 'write it as [registry/]repository[:tag][@sha256:<64 hex>], e.g. ghcr.io/owner/app:1.2.3',
    });
}
/** Does the first path component name a registry host (rather than a Docker Hub namespace)? */
function looksLikeHost(first) {
    return first.includes('.') || first.includes(':') || first === 'localhost' || first.startsWith('[') || first !== first.toLowerCase();
}
function parseReference(value, where) {
    const s = value.trim();
    if (!s)
        throw invalid(value, 'it is empty', where);
    if (s.length > 512)
        throw invalid(value.slice(0, 40) + '…', 'it is longer than 512 characters', where);
    if (/\s/.test(s))
        throw invalid(value, 'it contains white space', where);
    if (/^[a-z]+:\/\//i.test(s))
        throw invalid(value, 'a reference has no scheme (drop the http:// or https://)', where);
    let rest = s;
    let digest;
    const at = rest.indexOf('@');
    if (at !== -1) {
        digest = rest.slice(at + 1);
        rest = rest.slice(0, at);
        if (!DIGEST.test(digest))
            throw invalid(value, `"${digest}" is not a digest (sha256:<64 lowercase hex>)`, where);
    }
    let tag;
    const lastSlash = rest.lastIndexOf('/');
    const lastColon = rest.lastIndexOf(':');
    if (lastColon > lastSlash) {
        tag = rest.slice(lastColon + 1);
        rest = rest.slice(0, lastColon);
        if (!TAG.test(tag))
            throw invalid(value, `"${tag}" is not a valid tag (letters, digits, _ . -, at most 128, not starting with . or -)`, where);
    }
    const parts = rest.split('/');
    let registry = DOCKER_HUB;
    if (parts.length > 1 && looksLikeHost(parts[0])) {
        registry = parts.shift();
        if (!HOST.test(registry))
            throw invalid(value, `"${registry}" is not a valid registry host`, where);
        const port = /:(\d+)$/.exec(registry)?.[1];
        if (port !== undefined && Number(port) > 65535)
            throw invalid(value, `port ${port} is out of range`, where);
        if (HUB_ALIASES.has(registry.toLowerCase()))
            registry = DOCKER_HUB;
    }
    if (parts.length === 0 || parts.some((p) => p === ''))
        throw invalid(value, 'the repository path has an empty component', where);
    for (const p of parts) {
        if (!COMPONENT.test(p)) {
            throw invalid(value, p !== p.toLowerCase() ? `"${p}" must be lowercase` : `"${p}" is not a valid repository component`, where);
        }
    }
    if (registry === DOCKER_HUB && parts.length === 1)
        parts.unshift('library');
    const repository = parts.join('/');
    if (registry.length + 1 + repository.length > 255)
        throw invalid(value, 'the name is longer than 255 characters', where);
    const ref = { registry, repository };
    if (tag !== undefined)
        ref.tag = tag;
    if (digest !== undefined)
        ref.digest = digest;
    return ref;
}
/** `registry/repository` */
function repositoryName(ref) {
    return `${ref.registry}/${ref.repository}`;
}
/** The canonical string: `registry/repository[:tag][@digest]`. */
function formatReference(ref) {
    return `${repositoryName(ref)}${ref.tag !== undefined ? `:${ref.tag}` : ''}${ref.digest !== undefined ? `@${ref.digest}` : ''}`;
}
/** The pinned form deployed: `registry/repository@digest` (the tag is dropped: the digest is the truth). */
function pinnedReference(ref, digest) {
    return `${repositoryName(ref)}@${digest}`;
}
/** Host that serves the distribution API for a registry name. */
function apiHost(registry) {
    return registry === DOCKER_HUB ? DOCKER_HUB_API : registry;
}
/** Loopback registries speak plain HTTP when they do not speak TLS (Docker's own rule for localhost). */
function isLoopbackHost(registry) {
    const host = registry.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
    return host === 'localhost' || host === '::1' || /^127\./.test(host);
}
/** The reference a tag or digest points at: digest wins, then tag, else `latest`. */
function withDefaultTag(ref) {
    return ref.tag === undefined && ref.digest === undefined ? { ...ref, tag: 'latest' } : ref;
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

/***/ 3148:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ checksSignatures),
/* harmony export */   N: () => (/* binding */ configAsks)
/* harmony export */ });
/** `image_config` asks for a signature or provenance check (upstream's defaults: both true). */
const configAsks = (imageConfig) => imageConfig !== undefined && (imageConfig.verify_signature || imageConfig.verify_provenance);
/**
 * `verify: true|warn`; or `auto` with image_config asking for it, or a trust input (`cosign-key`,
 * `certificate-identity`) given: a user who passes a key means it to be used (ADR 0012).
 */
function checksSignatures(inputs, imageConfig) {
    if (inputs.verify === 'false')
        return false;
    if (inputs.verify === 'auto')
        return configAsks(imageConfig) || Boolean(inputs['cosign-key'] || inputs['certificate-identity']);
    return true;
}


/***/ }),

/***/ 5182:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  verifyImage: () => (/* binding */ verifyImage)
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

/** Provenance predicate types, in the order tried: SLSA v1, then v0.2 (`slsaprovenance` is v0.2's older name). */
const PROVENANCE_TYPES = ['slsaprovenance1', 'slsaprovenance02', 'slsaprovenance'];
function policyArgs(c) {
    const trust = 'key' in c.trust
        ? ['--key', c.trust.key]
        : ['--certificate-identity-regexp', c.trust.identityRegexp, '--certificate-oidc-issuer', c.trust.issuer];
    return [...trust, ...(c.tlog ? [] : ['--insecure-ignore-tlog=true'])];
}
const cosignArgv = {
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

// EXTERNAL MODULE: ./src/verify/checks.ts
var checks = __webpack_require__(3148);
;// CONCATENATED MODULE: ./src/verify/policy.ts


/** Upstream's keyless identity, anchored (upstream passes it unanchored: `…/sindri-fork` would match). */
const DEFAULT_IDENTITY_REGEXP = '^https://github\\.com/pacphi/sindri/';
const DEFAULT_OIDC_ISSUER = 'https://token.actions.githubusercontent.com';
/** `awskms://`, `gcpkms://`, `azurekms://`, `hashivault://`, `k8s://`, `gitlab://`, `pkcs11:`: cosign resolves them itself. */
const KEY_URI = /^(?:[a-z][a-z0-9+.-]*:\/\/|pkcs11:)/i;
function keyRef(value) {
    const v = value.trim();
    if (v.startsWith('-----BEGIN'))
        return { kind: 'pem', pem: `${v}\n` };
    if (KEY_URI.test(v))
        return { kind: 'uri', uri: v };
    return { kind: 'path', path: v };
}
function verificationPolicy(inputs, imageConfig) {
    const mode = inputs.verify;
    if (mode === 'false')
        return { skip: 'verify: false: verification skipped' };
    if (!(0,checks/* checksSignatures */.$)(inputs, imageConfig)) {
        return {
            skip: imageConfig
                ? 'image_config sets verify_signature and verify_provenance to false'
                : 'verify: auto and nothing asks for it (no image_config, no cosign-key or certificate-identity)',
        };
    }
    // provenance as image_config says (default true when it is present, as upstream); without one, signature only
    const provenance = imageConfig?.verify_provenance ?? false;
    const askedBy = mode === 'auto'
        ? (0,checks/* configAsks */.N)(imageConfig)
            ? `image_config (verify_signature: ${imageConfig.verify_signature}, verify_provenance: ${imageConfig.verify_provenance})`
            : `input ${inputs['cosign-key'] ? 'cosign-key' : 'certificate-identity'}`
        : `input verify: ${mode}`;
    const trust = inputs['cosign-key']
        ? { kind: 'key', key: keyRef(inputs['cosign-key']) }
        : {
            kind: 'keyless',
            identityRegexp: inputs['certificate-identity'] || imageConfig?.certificate_identity || DEFAULT_IDENTITY_REGEXP,
            issuer: inputs['certificate-oidc-issuer'] || imageConfig?.certificate_oidc_issuer || DEFAULT_OIDC_ISSUER,
        };
    if (trust.kind === 'keyless' && !inputs['verify-tlog']) {
        throw new errors/* ActionError */.lZ('verify-tlog: false needs a key: a keyless certificate lives minutes and only the log proves it signed in time', {
            where: { field: 'input verify-tlog' },
            fix: 'set cosign-key to the public key the image was signed with, or leave verify-tlog at true',
        });
    }
    return { onFailure: mode === 'warn' ? 'warn' : 'enforce', signature: true, provenance, trust, tlog: inputs['verify-tlog'], askedBy };
}
function isPolicy(p) {
    return !('skip' in p);
}
/** One phrase for messages and the summary: `signature+provenance, key /path/cosign.pub, tlog off`. */
function describePolicy(p) {
    const what = p.provenance ? 'signature+provenance' : 'signature';
    const who = p.trust.kind === 'keyless'
        ? `keyless, identity ~ ${p.trust.identityRegexp}, issuer ${p.trust.issuer}`
        : p.trust.key.kind === 'pem'
            ? 'key (PEM from input cosign-key)'
            : `key ${p.trust.key.kind === 'path' ? p.trust.key.path : p.trust.key.uri}`;
    return `${what}, ${who}, tlog ${p.tlog ? 'required' : 'off (verify-tlog: false)'}${p.onFailure === 'warn' ? ', verify: warn' : ''}`;
}

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
async function verifyImage(ctx) {
    const { image, inputs } = ctx;
    const policy = verificationPolicy(inputs, ctx.config.deployment.image_config);
    if (!isPolicy(policy))
        return nothing(policy.skip);
    if (image.build) {
        if (inputs.verify === 'true') {
            throw new errors/* ActionError */.lZ(`verify: true, but the image is built here from ${image.dockerfile ?? 'a Dockerfile'}: a locally built image has no signature to verify`, {
                where: { field: 'input verify' },
                fix: 'build, push and sign the image in CI (cosign sign), then pass its digest with image and image-digest; or set verify: auto',
            });
        }
        return nothing(`built locally from ${image.dockerfile ?? 'a Dockerfile'} (rule 8): nothing to verify`);
    }
    const ref = image.digest ? `${(0,reference/* repositoryName */.aR)(image.parsed)}@${image.digest}` : image.deployRef;
    const shown = describePolicy(policy);
    const failed = (reason, fix, passed = 'none') => {
        const line = `${ref} failed verification (policy: ${shown}): ${reason}`;
        if (policy.onFailure === 'enforce' && !ctx.plan)
            throw new errors/* ActionError */.lZ(line, { fix });
        (0,runner/* warning */.$e)(policy.onFailure === 'warn' ? `${line} (verify: warn: deploying anyway)` : `${line} (plan: a deploy would stop here. Fix: ${fix})`);
        return {
            verified: passed,
            details: { policy: shown, ref, note: `not verified: ${reason}` },
            trace: traced('skipped', `verify: warn: ${reason}`),
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
        const trust = await cosignTrust(policy, ctx.workdir, scratch);
        const env = await registryConfig(await ctx.credentials(), image.parsed.registry, scratch);
        const cosign = new Cosign(ctx.exec, cosignPath, env);
        const check = { ref, trust, tlog: policy.tlog };
        const sig = await cosign.verify(check, ctx.exec.deadline.budget(`cosign verify ${ref}`, COSIGN_TIMEOUT_MS));
        if (sig.timedOut)
            return failed(`cosign verify did not finish in time`, TIMEOUT_FIX);
        if (sig.code !== 0)
            return failed(cosignReason(sig.stderr), fixFor(cosignReason(sig.stderr), 'signature'));
        if (!signedDigests(sig.stdout).includes(image.digest)) {
            return failed('cosign reported no signature payload naming this digest', fixFor('', 'signature'));
        }
        (0,runner/* info */.pq)(`signature of ${ref} verified (${shown})`);
        if (!policy.provenance) {
            return {
                verified: 'signature',
                details: { policy: shown, ref },
                trace: traced('applied', `signature of ${ref} verified (${shown}), asked by ${policy.askedBy}`),
            };
        }
        let last = '';
        for (const type of PROVENANCE_TYPES) {
            const att = await cosign.verifyAttestation(check, type, ctx.exec.deadline.budget(`cosign verify-attestation ${ref}`, COSIGN_TIMEOUT_MS));
            if (att.timedOut)
                return failed(`provenance: cosign verify-attestation did not finish in time`, TIMEOUT_FIX, 'signature');
            if (att.code !== 0) {
                last = att.stderr;
                if (hasNoAttestation(att.stderr)) {
                    return failed('provenance: no SLSA provenance attestation is attached to this digest', fixFor('', 'provenance'), 'signature');
                }
                if (isNoMatchingType(att.stderr))
                    continue;
                return failed(`provenance: ${cosignReason(att.stderr)}`, fixFor(cosignReason(att.stderr), 'provenance'), 'signature');
            }
            const statement = attestationStatements(att.stdout).find((s) => s.subjects.includes(image.digest));
            if (!statement)
                return failed(`provenance: no attestation of type ${type} names this digest as its subject`, fixFor('', 'provenance'), 'signature');
            const prov = readProvenance(statement.predicateType, statement.predicate);
            (0,runner/* info */.pq)(`provenance of ${ref} verified: ${provenanceLine(prov)}`);
            return {
                verified: 'signature+provenance',
                details: {
                    policy: shown,
                    ref,
                    builder: prov.builderId,
                    source: prov.source,
                    commit: prov.commit,
                    predicateType: prov.predicateType,
                },
                trace: traced('applied', `signature and provenance of ${ref} verified (${shown}), asked by ${policy.askedBy}; ${provenanceLine(prov)}`),
            };
        }
        return failed(`provenance: no SLSA provenance attestation (tried ${PROVENANCE_TYPES.join(', ')}; cosign: ${cosignReason(last)})`, fixFor('', 'provenance'), 'signature');
    }
    finally {
        ctx.temps.remove(scratch);
    }
}
function nothing(reason) {
    (0,runner/* info */.pq)(`not verified: ${reason}`);
    return { verified: 'none', details: { policy: 'none', note: reason }, trace: traced('skipped', reason) };
}
function traced(outcome, reason) {
    return { rule: 0, source: 'verify', outcome, reason };
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
    if (/tuf|rekor|transparency log|tlog entry/i.test(reason)) {
        return 'the transparency log (Rekor) or the Sigstore trust root cannot be reached; for a key-signed image on private infrastructure set verify-tlog: false';
    }
    if (/dial tcp|connection refused|no such host|i\/o timeout|UNAUTHORIZED|DENIED|status code 40[13]|MANIFEST_UNKNOWN|NAME_UNKNOWN/i.test(reason)) {
        return 'check that the runner reaches the registry and has credentials for it (registry-username/registry-password, or docker/login-action)';
    }
    if (/no signatures found/.test(reason))
        return 'sign the image where it is built (cosign sign --key … <repo>@<digest>), or set verify: false';
    if (what === 'provenance') {
        return 'attest the image where it is built (cosign attest --type slsaprovenance1), or set image_config.verify_provenance: false';
    }
    return 'check cosign-key (or certificate-identity and certificate-oidc-issuer) against how the image was signed';
}


/***/ })

};
