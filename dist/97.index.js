export const id = 97;
export const ids = [97];
export const modules = {

/***/ 6094:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ publicSourceUrl),
/* harmony export */   T: () => (/* binding */ Git)
/* harmony export */ });
/* harmony import */ var _exec_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3713);
/** The `git` CLI, read-only: the revision and origin a built image is labelled with. */

class Git {
    cwd;
    constructor(cwd) {
        this.cwd = cwd;
    }
    async execute(args) {
        const r = await (0,_exec_js__WEBPACK_IMPORTED_MODULE_0__/* .exec */ .m0)('git', ['-C', this.cwd, ...args], { allowFailure: true, timeoutMs: 15_000 }).catch(() => undefined);
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

/***/ 4097:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DockerProvider: () => (/* binding */ DockerProvider),
  connectHint: () => (/* binding */ connectHint),
  dockerSteps: () => (/* binding */ dockerSteps),
  loadComposeBase: () => (/* binding */ loadComposeBase)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/cli/exec.ts
var exec = __webpack_require__(3713);
;// CONCATENATED MODULE: ./src/cli/docker.ts
/**
 * The `docker` CLI (engine, buildx, compose v2). Every operation is a method that assembles argv
 * and calls one private `execute` over src/cli/exec.ts. The argv builders are exported as
 * `dockerArgv` so the plan prints exactly the commands deploy runs.
 */


/** Pure argv builders: shared by `Docker` and by the provider's plan. */
const dockerArgv = {
    pull: (ref) => ['pull', ref],
    imageInspect: (ref) => ['image', 'inspect', '--format', '{{json .}}', ref],
    build(spec) {
        const args = spec.buildx ? ['buildx', 'build', '--load'] : ['build'];
        if (spec.noCache)
            args.push('--no-cache');
        if (spec.pull)
            args.push('--pull');
        if (spec.hostNetwork)
            args.push('--network', 'host');
        args.push('-f', spec.dockerfile, '-t', spec.tag);
        for (const [k, v] of Object.entries(spec.labels))
            args.push('--label', `${k}=${v}`);
        for (const [k, v] of Object.entries(spec.buildArgs))
            args.push('--build-arg', `${k}=${v}`);
        args.push(spec.context);
        return args;
    },
    compose: (t, ...rest) => ['compose', '-f', t.file, '-p', t.project, ...rest],
    up(t, o) {
        return dockerArgv.compose(t, 'up', '-d', '--wait', '--wait-timeout', String(o.waitTimeoutSeconds), '--remove-orphans', ...(o.forceRecreate ? ['--force-recreate'] : []));
    },
    down(t, volumes) {
        return dockerArgv.compose(t, 'down', '--remove-orphans', ...(volumes ? ['--volumes'] : []));
    },
    logs: (t, tail) => dockerArgv.compose(t, 'logs', '--no-color', '--timestamps', '--tail', String(tail)),
};
class Docker {
    cwd;
    constructor(cwd) {
        this.cwd = cwd;
    }
    async execute(args, opts = {}) {
        return await (0,exec/* exec */.m0)('docker', args, { cwd: this.cwd, ...opts });
    }
    /** `docker info`: runtimes (sysbox), CPU count; fails clearly when no engine answers. */
    async info() {
        const r = await this.execute(['info', '--format', '{{json .}}'], {
            timeoutMs: 30_000,
            fix: 'start the Docker engine on the runner (or set DOCKER_HOST), or use mode: plan to render without an engine',
        });
        const j = JSON.parse(r.stdout);
        return { runtimes: Object.keys(j.Runtimes ?? {}), cpus: j.NCPU ?? 1, serverVersion: j.ServerVersion ?? '' };
    }
    /** `docker compose version --short`, failing with a fix when the compose v2 plugin is missing. */
    /** Compose v2, 2.24 or later: the generated file uses `env_file` with `required: false`. */
    async composeVersion() {
        const fix = 'install the Docker Compose v2 plugin (2.24 or later) on the runner';
        const r = await this.execute(['compose', 'version', '--short'], { timeoutMs: 30_000, fix });
        const version = r.stdout.trim();
        if (!composeIsRecentEnough(version))
            throw new errors/* ActionError */.lZ(`Docker Compose ${version || '(unknown version)'} is too old`, { fix });
        return version;
    }
    async buildxAvailable() {
        const r = await this.execute(['buildx', 'version'], { allowFailure: true, timeoutMs: 30_000 }).catch(() => undefined);
        return r !== undefined && r.code === 0;
    }
    async imageInspect(ref) {
        const r = await this.execute(dockerArgv.imageInspect(ref), { allowFailure: true, timeoutMs: 30_000 });
        if (r.code !== 0)
            return undefined;
        const j = JSON.parse(r.stdout);
        return { id: j.Id, repoDigests: j.RepoDigests ?? [], repoTags: j.RepoTags ?? [] };
    }
    async pull(ref, opts) {
        await this.execute(dockerArgv.pull(ref), {
            timeoutMs: opts.timeoutMs,
            env: opts.env,
            stream: true,
            fix: 'check that the image exists and the runner can reach its registry; for a private registry pass registry-username and registry-password',
        });
    }
    async build(spec, opts) {
        await this.execute(dockerArgv.build(spec), { timeoutMs: opts.timeoutMs, stream: true, fix: opts.fix });
    }
    async containerInspect(name) {
        const r = await this.execute(['container', 'inspect', '--format', '{{json .}}', name], { allowFailure: true, timeoutMs: 30_000 });
        if (r.code !== 0)
            return undefined;
        const j = JSON.parse(r.stdout);
        const state = {
            id: j.Id,
            name: j.Name.replace(/^\//, ''),
            imageId: j.Image,
            imageRef: j.Config.Image,
            status: j.State.Status,
            running: j.State.Running,
            restartCount: j.RestartCount ?? 0,
            labels: j.Config.Labels ?? {},
            env: j.Config.Env ?? [],
        };
        if (j.State.Health)
            state.health = j.State.Health.Status;
        return state;
    }
    async up(t, o, opts) {
        return await this.execute(dockerArgv.up(t, o), { timeoutMs: opts.timeoutMs, env: opts.env, stream: true, allowFailure: true });
    }
    async down(t, volumes, opts) {
        await this.execute(dockerArgv.down(t, volumes), {
            timeoutMs: opts.timeoutMs,
            stream: true,
            fix: `remove it by hand: docker compose -p ${t.project} down`,
        });
    }
    async logs(t, tail) {
        const r = await this.execute(dockerArgv.logs(t, tail), { allowFailure: true, timeoutMs: 30_000 });
        return (r.stdout + r.stderr).trimEnd();
    }
    /** names of volumes / networks carrying a label (`com.docker.compose.project=<p>`) */
    async volumesWithLabel(label) {
        const r = await this.execute(['volume', 'ls', '-q', '--filter', `label=${label}`], { timeoutMs: 30_000 });
        return lines(r.stdout);
    }
    async networksWithLabel(label) {
        const r = await this.execute(['network', 'ls', '-q', '--filter', `label=${label}`], { timeoutMs: 30_000 });
        return lines(r.stdout);
    }
    async volumeRemove(names) {
        if (names.length > 0)
            await this.execute(['volume', 'rm', ...names], { timeoutMs: 60_000 });
    }
    async networkRemove(ids) {
        if (ids.length > 0)
            await this.execute(['network', 'rm', ...ids], { timeoutMs: 60_000 });
    }
}
function lines(s) {
    return s
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
}
/** `2.24.0`, `v2.29.7`, `2.32.4-desktop.1` → is it at least 2.24? */
function composeIsRecentEnough(version) {
    const m = /^v?(\d+)\.(\d+)/.exec(version.trim());
    if (!m)
        return false;
    const [major, minor] = [Number(m[1]), Number(m[2])];
    return major > 2 || (major === 2 && minor >= 24);
}

// EXTERNAL MODULE: ./src/cli/git.ts
var cli_git = __webpack_require__(6094);
// EXTERNAL MODULE: ./src/image/reference.ts
var reference = __webpack_require__(3564);
// EXTERNAL MODULE: ./src/runner.ts
var runner = __webpack_require__(4813);
;// CONCATENATED MODULE: ./src/providers/compose.ts
/**
 * The compose document of the docker provider, built as an object from sindri.yaml and serialized
 * with `yaml` (never by string concatenation). Pure: everything observed on the engine (runtimes,
 * CPU count) comes in as `EngineFacts`, absent in plan mode.
 *
 * Differences from upstream's docker-compose.yml.tera (FACTS §4.1), on purpose:
 * - `restart`, `network` (as `network_mode`) and `runtime` are honoured (upstream drops them);
 * - GPUs use device reservations only (no `runtime: nvidia`, so no clash with sysbox);
 * - the home volume is named exactly `<name>_home` (top-level `name:`), not `<project>_<name>_home`;
 * - every string from the config has `$` escaped as `$$`, so compose interpolation can never pull a
 *   value from the runner's environment into the container.
 */


const SERVICE = 'sindri';
const HOME_MOUNT = '/alt/home/developer';
/** Generated files, relative to the working directory. Not `docker-compose.yml`: a repository often has its own. */
const COMPOSE_FILE = 'sindri-compose.yml';
const SECRETS_FILE = '.sindri-secrets.env';
/** Label holding the hash of the rendered document (secret values excluded): the skip-if-unchanged check. */
const CONFIG_HASH_LABEL = 'org.sindri.deploy-action.config-hash';
const PROJECT_LABEL = 'com.docker.compose.project';
const NETWORKS = ['bridge', 'host', 'none'];
const RESTARTS = ['no', 'always', 'on-failure', 'unless-stopped'];
const RUNTIMES = ['runc', 'sysbox-runc', 'auto'];
const DIND_MODES = ['sysbox', 'privileged', 'socket', 'auto'];
const SIZE_RE = /^(\d+)(MB|GB)$/i;
const PORT_RE = /^(\d{1,5}):(\d{1,5})$/;
/** Compose project name: `sindri-<name>`, so `down --remove-orphans` can never touch a user's own project. */
function projectName(name) {
    return `sindri-${name}`;
}
function homeVolume(name) {
    return `${name}_home`;
}
function dockerVolume(name) {
    return `${name}_docker`;
}
function fail(config, path, what, fix) {
    const at = config.locate(path);
    return new errors/* ActionError */.lZ(what, { where: { file: config.file, line: at?.line, column: at?.column, field: path.join('.') }, fix });
}
function pick(config, path, value, allowed, fallback) {
    if (value === undefined || value === null)
        return fallback;
    const v = String(value);
    if (allowed.includes(v))
        return v;
    throw fail(config, path, `invalid value "${v}"`, `use one of ${allowed.join(', ')}`);
}
function strings(config, path, value) {
    if (value === undefined || value === null)
        return [];
    if (!Array.isArray(value))
        throw fail(config, path, 'expected a list', 'write it as a YAML list of strings');
    return value.map((v, i) => {
        if (typeof v !== 'string' && typeof v !== 'number')
            throw fail(config, [...path, i], 'expected a string', 'quote the value');
        return String(v);
    });
}
function bool(config, path, value, fallback) {
    if (value === undefined || value === null)
        return fallback;
    if (typeof value === 'boolean')
        return value;
    throw fail(config, path, `expected true or false, got "${String(value)}"`, 'use true or false');
}
/** `providers.docker` with upstream's defaults (FACTS §1.8), validated; bad values fail with their line. */
function dockerSettings(config) {
    const raw = config.providers.docker ?? {};
    const p = ['providers', 'docker'];
    const dindRaw = (raw.dind ?? {});
    const ports = strings(config, [...p, 'ports'], raw.ports);
    ports.forEach((port, i) => {
        const m = PORT_RE.exec(port);
        if (!m || [m[1], m[2]].some((n) => Number(n) < 1 || Number(n) > 65535)) {
            throw fail(config, [...p, 'ports', i], `invalid port mapping "${port}"`, 'write it as "<host port>:<container port>", e.g. "3000:3000"');
        }
    });
    const storageSize = String(dindRaw.storageSize ?? '20GB');
    if (!SIZE_RE.test(storageSize))
        throw fail(config, [...p, 'dind', 'storageSize'], `invalid size "${storageSize}"`, 'write it like 20GB or 512MB');
    const settings = {
        restart: pick(config, [...p, 'restart'], raw.restart, RESTARTS, 'unless-stopped'),
        ports,
        privileged: bool(config, [...p, 'privileged'], raw.privileged, false),
        extraHosts: strings(config, [...p, 'extraHosts'], raw.extraHosts),
        runtime: pick(config, [...p, 'runtime'], raw.runtime, RUNTIMES, 'auto'),
        dind: {
            enabled: bool(config, [...p, 'dind', 'enabled'], dindRaw.enabled, false),
            mode: pick(config, [...p, 'dind', 'mode'], dindRaw.mode, DIND_MODES, 'auto'),
            storageDriver: pick(config, [...p, 'dind', 'storageDriver'], dindRaw.storageDriver, ['auto', 'overlay2', 'fuse-overlayfs', 'vfs'], 'auto'),
            storageSize,
        },
    };
    if (raw.network !== undefined && raw.network !== null)
        settings.network = pick(config, [...p, 'network'], raw.network, NETWORKS, 'bridge');
    return settings;
}
/** `4GB` → `4g`, `512MB` → `512m` (docker's binary units, as upstream meant them). */
function composeMemory(value) {
    const m = SIZE_RE.exec(value.trim());
    if (!m)
        throw new errors/* ActionError */.lZ(`invalid memory size "${value}"`, {
            where: { field: 'deployment.resources.memory' },
            fix: 'write it like 4GB or 512MB',
        });
    return `${Number(m[1])}${m[2].toUpperCase() === 'GB' ? 'g' : 'm'}`;
}
/**
 * Upstream's DinD choice (FACTS §3.1): `auto` → sysbox when the engine has `sysbox-runc`, else
 * privileged when `providers.docker.privileged`, else none. An explicit `sysbox` on an engine
 * without it is an error here (upstream silently ran without DinD). `runtimes` undefined = plan.
 */
function resolveDindMode(s, runtimes) {
    if (!s.dind.enabled)
        return { mode: 'none' };
    const sysbox = runtimes?.includes('sysbox-runc');
    switch (s.dind.mode) {
        case 'privileged':
        case 'socket':
            return { mode: s.dind.mode };
        case 'sysbox':
            if (runtimes !== undefined && !sysbox) {
                throw new errors/* ActionError */.lZ('providers.docker.dind.mode is sysbox but the Docker engine has no sysbox-runc runtime', {
                    where: { field: 'providers.docker.dind.mode' },
                    fix: 'install sysbox on the runner, or use mode: privileged or socket',
                });
            }
            return runtimes === undefined
                ? { mode: 'sysbox', note: 'dind mode sysbox: deploy checks that the engine has the sysbox-runc runtime' }
                : { mode: 'sysbox' };
        case 'auto':
            if (sysbox)
                return { mode: 'sysbox' };
            if (runtimes === undefined) {
                const fallback = s.privileged ? 'privileged' : 'none';
                return {
                    mode: fallback,
                    note: `dind mode auto: sysbox when the engine has sysbox-runc (deploy asks docker info), else ${fallback}`,
                };
            }
            return { mode: s.privileged ? 'privileged' : 'none' };
    }
}
/** `http://localhost:<host port>` of the first published port; with host networking the first entry's container port. */
function deploymentUrl(s) {
    const first = s.ports[0];
    if (!first || s.network === 'none')
        return '';
    const [host, container] = first.split(':');
    return `http://localhost:${s.network === 'host' ? container : host}`;
}
/** `$` → `$$` in every string, so compose interpolation treats user values literally. */
function escapeInterpolation(value) {
    if (typeof value === 'string')
        return value.replace(/\$/g, '$$$$');
    if (Array.isArray(value))
        return value.map(escapeInterpolation);
    if (value && typeof value === 'object')
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, escapeInterpolation(v)]));
    return value;
}
function serialize(doc) {
    // YAML 1.1 quoting: `no`, `on`, `0755` stay strings for every parser compose has used
    return (0,dist/* stringify */.As)(doc, { version: '1.1', lineWidth: 0 });
}
function renderCompose(input) {
    const { config, engine } = input;
    const s = dockerSettings(config);
    const name = config.name;
    const warnings = [];
    const notes = [];
    const dind = resolveDindMode(s, engine?.runtimes);
    if (dind.note)
        notes.push(dind.note);
    const baseServices = (input.base.services ?? {});
    const svc = { image: input.image, container_name: name, ...(baseServices[SERVICE] ?? {}) };
    svc.restart = s.restart;
    // runtime: explicit wins; `auto` means sysbox-runc exactly when DinD runs under sysbox
    const runtime = s.runtime === 'auto' ? (dind.mode === 'sysbox' ? 'sysbox-runc' : undefined) : s.runtime;
    if (runtime)
        svc.runtime = runtime;
    if (s.privileged || dind.mode === 'privileged')
        svc.privileged = true;
    if (s.network)
        svc.network_mode = s.network;
    if (s.ports.length > 0) {
        if (s.network === 'host' || s.network === 'none') {
            warnings.push(`providers.docker.ports is ignored with network: ${s.network} (${s.network === 'host' ? 'the container already listens on the host' : 'the container has no network'}); remove ports or use network: bridge`);
        }
        else
            svc.ports = s.ports;
    }
    if (s.extraHosts.length > 0)
        svc.extra_hosts = s.extraHosts;
    const volumes = [`home:${HOME_MOUNT}`];
    const topVolumes = { home: { name: homeVolume(name) } };
    if (dind.mode === 'privileged') {
        volumes.push('docker:/var/lib/docker');
        topVolumes.docker = { name: dockerVolume(name) };
    }
    else if (dind.mode === 'socket') {
        volumes.push('/var/run/docker.sock:/var/run/docker.sock');
    }
    svc.volumes = volumes;
    if (input.secretNames.length > 0)
        svc.env_file = [{ path: `./${SECRETS_FILE}`, required: false }];
    const env = { INIT_WORKSPACE: 'true', INSTALL_PROFILE: config.extensions.profile ?? '' };
    if (config.extensions.active?.length)
        env.CUSTOM_EXTENSIONS = config.extensions.active.join(',');
    if (config.extensions.additional?.length)
        env.ADDITIONAL_EXTENSIONS = config.extensions.additional.join(',');
    env.SKIP_AUTO_INSTALL = String(!config.extensions.auto_install);
    const gitRef = config.deployment.buildFromSource?.gitRef;
    if (gitRef)
        env.SINDRI_SOURCE_REF = gitRef;
    if (dind.mode !== 'none') {
        env.SINDRI_DIND_MODE = dind.mode;
        env.SINDRI_DIND_STORAGE_SIZE = s.dind.storageSize;
        env.SINDRI_DIND_STORAGE_DRIVER = s.dind.storageDriver;
    }
    svc.environment = env;
    // security: no DinD → a minimal capability set; socket → no privilege escalation
    if (dind.mode === 'none' && !s.privileged) {
        svc.cap_drop = ['ALL'];
        svc.cap_add = ['CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'SETUID', 'SETGID'];
    }
    else if (dind.mode === 'socket') {
        svc.security_opt = ['no-new-privileges:true'];
        svc.group_add = ['docker'];
    }
    const res = config.deployment.resources;
    let cpus = res.cpus ?? 2;
    if (engine && cpus > engine.cpus) {
        warnings.push(`deployment.resources.cpus is ${cpus} but the Docker engine has ${engine.cpus} CPUs; the limit is set to ${engine.cpus}`);
        cpus = engine.cpus;
    }
    const resources = { limits: { memory: composeMemory(res.memory ?? '4GB'), cpus: String(cpus) } };
    const gpu = res.gpu;
    if (gpu?.enabled) {
        if (gpu.type === 'amd') {
            // ROCm has no compose device driver: the devices are mapped directly
            svc.devices = ['/dev/kfd:/dev/kfd', '/dev/dri:/dev/dri'];
            svc.group_add = [...(svc.group_add ?? []), 'video'];
        }
        else {
            resources.reservations = { devices: [{ driver: 'nvidia', count: gpu.count, capabilities: ['gpu', 'compute', 'utility'] }] };
        }
    }
    svc.deploy = { resources };
    const unsupported = config.secrets.filter((x) => x.source !== 'env').map((x) => x.name);
    if (unsupported.length > 0)
        notes.push(`secrets ${unsupported.join(', ')}: only source: env secrets are handed to the container`);
    const project = projectName(name);
    const document = escapeInterpolation({
        name: project,
        ...input.base,
        services: { [SERVICE]: svc },
        volumes: topVolumes,
    });
    const hash = changeHash(JSON.stringify(document));
    const service = document.services[SERVICE];
    service.labels = { [CONFIG_HASH_LABEL]: hash };
    return {
        document,
        yaml: `# generated by sindri/deploy-action from ${config.file}: do not edit, it is rewritten on every deploy\n${serialize(document)}`,
        project,
        container: name,
        volumes: Object.values(topVolumes).map((v) => v.name),
        hash,
        url: deploymentUrl(s),
        dindMode: dind.mode,
        network: s.network,
        warnings,
        notes,
    };
}
/**
 * The env file compose reads (`env_file`), in the dotenv dialect of compose v2: single quotes are
 * literal (new lines included); a value holding `'` is double-quoted with `\\ \" \$ \n \r` escapes.
 */
function encodeEnvFile(values) {
    const entries = values instanceof Map ? [...values.entries()] : Object.entries(values);
    return entries
        .map(([k, v]) => {
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(k))
            throw new errors/* ActionError */.lZ(`invalid secret name "${k}"`, { fix: 'secret names are letters, digits and _' });
        if (!v.includes("'"))
            return `${k}='${v}'\n`;
        const escaped = v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\$/g, '\\$').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
        return `${k}="${escaped}"\n`;
    })
        .join('');
}
/**
 * 64-bit FNV-1a of the rendered document, for the skip-if-unchanged label: change detection, not
 * security (no secret is in the document), so node:crypto is not loaded on the plan path (ADR 0002).
 */
function changeHash(text) {
    let h1 = 0x811c9dc5;
    let h2 = 0xcbf29ce4;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        h1 = Math.imul(h1 ^ c, 0x01000193);
        h2 = Math.imul(h2 ^ c, 0x0100019d);
    }
    return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}

;// CONCATENATED MODULE: ./src/providers/secrets.ts
/**
 * `secrets[]` with `source: env`, for every provider (SPEC §5, FACTS §1.7). Lookup order is
 * upstream's: the environment, then `.env.local`, then `.env` (both beside sindri.yaml), then
 * `fromFile`. An empty value counts as unset (a workflow `${{ secrets.X }}` that does not exist
 * is an empty string). Every value found is masked at once; a missing `required` secret fails here,
 * before anything is started.
 */





/** The dotenv dialect of `.env` files: `KEY=value`, `export KEY=value`, `#` comments, '…' literal, "…" with \n escapes. */
function parseDotenv(text) {
    const out = new Map();
    const lines = text.replace(/\r\n?/g, '\n').split('\n');
    for (let i = 0; i < lines.length; i++) {
        const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.]*)\s*=\s*(.*)$/.exec(lines[i]);
        if (!m)
            continue;
        const key = m[1];
        let rest = m[2];
        const quote = rest[0];
        if (quote === "'" || quote === '"') {
            // a quoted value may run over several lines until its closing quote
            let body = rest.slice(1);
            let end = findClose(body, quote);
            while (end === -1 && i + 1 < lines.length) {
                body += '\n' + lines[++i];
                end = findClose(body, quote);
            }
            const raw = end === -1 ? body : body.slice(0, end);
            out.set(key, quote === "'" ? raw : unescapeDouble(raw));
            continue;
        }
        const hash = rest.search(/\s#/);
        if (hash !== -1)
            rest = rest.slice(0, hash);
        out.set(key, rest.trim());
    }
    return out;
}
function findClose(body, quote) {
    for (let i = 0; i < body.length; i++) {
        if (quote === '"' && body[i] === '\\') {
            i++;
            continue;
        }
        if (body[i] === quote)
            return i;
    }
    return -1;
}
function unescapeDouble(s) {
    return s.replace(/\\(.)/g, (_, c) => ({ n: '\n', r: '\r', t: '\t' })[c] ?? c);
}
/** `~` and `$VAR` / `${VAR}` expanded, relative paths against the config dir (FACTS §1.7). */
function expandSecretPath(path, dir, env) {
    let p = path.replace(/^~(?=$|\/)/, (0,external_node_os_.homedir)());
    p = p.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (_, a, b) => env[(a ?? b)] ?? '');
    return (0,external_node_path_.isAbsolute)(p) ? p : (0,external_node_path_.resolve)(dir, p);
}
function readDotenv(dir, file) {
    const path = (0,external_node_path_.join)(dir, file);
    return (0,external_node_fs_.existsSync)(path) ? parseDotenv((0,external_node_fs_.readFileSync)(path, 'utf8')) : new Map();
}
/** Find the values of every `source: env` secret. Pure apart from reading the files named above. */
function resolveSecrets(config, env = process.env) {
    const values = new Map();
    const origins = new Map();
    const missingRequired = [];
    const notices = [];
    let local;
    let dotenv;
    config.secrets.forEach((secret, i) => {
        const at = config.locate(['secrets', i]);
        const where = { field: `secrets[${i}]`, line: at?.line, column: at?.column };
        if (secret.source !== 'env') {
            notices.push({
                ...where,
                message: `secret ${secret.name} (source: ${secret.source}) is not handed to the deployment: only source: env secrets are supported`,
            });
            return;
        }
        let value = env[secret.name] || undefined;
        let origin = 'env';
        if (value === undefined) {
            local ??= readDotenv(config.dir, '.env.local');
            value = local.get(secret.name) || undefined;
            origin = '.env.local';
        }
        if (value === undefined) {
            dotenv ??= readDotenv(config.dir, '.env');
            value = dotenv.get(secret.name) || undefined;
            origin = '.env';
        }
        if (value === undefined && secret.fromFile) {
            const file = expandSecretPath(secret.fromFile, config.dir, env);
            if ((0,external_node_fs_.existsSync)(file)) {
                value = (0,external_node_fs_.readFileSync)(file, 'utf8').replace(/\r?\n$/, '') || undefined;
                origin = 'fromFile';
            }
        }
        if (value === undefined) {
            if (secret.required)
                missingRequired.push(secret.name);
            else
                notices.push({ ...where, message: `secret ${secret.name} is not set; the deployment runs without it` });
            return;
        }
        (0,runner/* setSecret */.Pq)(value);
        values.set(secret.name, value);
        origins.set(secret.name, origin);
    });
    return { values, origins, missingRequired, notices };
}
function missingSecretsError(config, missing) {
    const i = config.secrets.findIndex((s) => s.name === missing[0]);
    const at = i === -1 ? undefined : config.locate(['secrets', i]);
    const plural = missing.length > 1;
    return new errors/* ActionError */.lZ(`required secret${plural ? 's' : ''} ${missing.join(', ')} ${plural ? 'are' : 'is'} not set`, {
        where: { file: config.file, line: at?.line, column: at?.column, field: i === -1 ? 'secrets' : `secrets[${i}]` },
        fix: `pass ${plural ? 'them' : 'it'} to the step (env: ${missing[0]}: \${{ secrets.${missing[0]} }}), or put ${plural ? 'them' : 'it'} in .env.local or .env beside ${config.file}, or point fromFile at a file`,
    });
}
/** resolveSecrets, failing on a missing required secret: what deploy calls before anything starts. */
function requireSecrets(config, env = process.env) {
    const r = resolveSecrets(config, env);
    if (r.missingRequired.length > 0)
        throw missingSecretsError(config, r.missingRequired);
    return r;
}

;// CONCATENATED MODULE: ./src/providers/docker.ts
/**
 * provider: docker — a compose deployment on the runner's Docker engine (SPEC §5, issue 3).
 *
 * `plan` and `apply` share `dockerSteps`: the same compose document, the same argv (built by
 * `dockerArgv`). `plan` runs nothing on the engine; `apply` adds what only the engine can tell
 * (runtimes, CPUs, whether the image is present, what is running) and executes the steps.
 */












const LOG_LINES = 50;
/** a container without a healthcheck must stay up this long after `--wait` (a crash loop passes `--wait`) */
const SETTLE_MS = 2000;
let baseCache;
/** templates/docker/compose.yml, found beside the running code (src/ in development, dist/ when bundled). */
function loadComposeBase() {
    if (baseCache)
        return baseCache;
    const rel = (0,external_node_path_.join)('templates', 'docker', 'compose.yml');
    const starts = [(0,external_node_path_.dirname)((0,external_node_url_.fileURLToPath)(import.meta.url)), process.argv[1] ? (0,external_node_path_.dirname)(process.argv[1]) : undefined];
    for (const start of starts) {
        for (let dir = start, i = 0; dir && i < 5; dir = (0,external_node_path_.dirname)(dir), i++) {
            const path = (0,external_node_path_.join)(dir, rel);
            if ((0,external_node_fs_.existsSync)(path))
                return (baseCache = (0,dist/* parse */.qg)((0,external_node_fs_.readFileSync)(path, 'utf8')));
        }
    }
    throw new errors/* ActionError */.lZ(`${rel} was not found beside the action`, {
        fix: 'the action checkout is incomplete: use a released tag such as sindri/deploy-action@v1',
    });
}
function connectHint(container) {
    return `docker exec -it -e HOME=${HOME_MOUNT} -u developer -w ${HOME_MOUNT} ${container} bash -l`;
}
/** The pure heart: files and commands for a context and what is known about the engine. */
function dockerSteps(ctx, facts) {
    const { config, inputs, image } = ctx;
    const runRef = image.build ? image.ref : image.deployRef;
    const compose = renderCompose({ config, image: runRef, base: facts.base, secretNames: facts.secretNames, engine: facts.engine });
    const target = { file: COMPOSE_FILE, project: compose.project };
    const pullPolicy = config.deployment.image_config?.pull_policy ?? 'IfNotPresent';
    const notes = [...compose.notes];
    const commands = [
        {
            argv: ['docker', 'container', 'inspect', compose.container],
            why: 'skip when it already runs this image and configuration',
            mutates: false,
        },
    ];
    let build;
    if (image.build) {
        if (!image.dockerfile)
            throw new errors/* ActionError */.lZ('the image decision asks for a build but names no Dockerfile', {
                fix: 'report this at https://github.com/sindri/deploy-action/issues',
            });
        const labels = {};
        if (facts.source)
            labels['org.opencontainers.image.source'] = facts.source;
        if (facts.revision)
            labels['org.opencontainers.image.revision'] = facts.revision;
        build = {
            dockerfile: image.dockerfile,
            context: inputs['build-context'] || '.',
            tag: image.ref,
            labels,
            buildArgs: inputs['build-args'],
            noCache: inputs.force,
            pull: inputs.force,
            // the deployment's network is the build's: a host-network engine (no bridge) needs it, a bridge engine is unaffected
            hostNetwork: compose.network === 'host',
            buildx: facts.buildx,
        };
        commands.push({
            argv: ['docker', ...dockerArgv.build(build)],
            why: `build ${image.dockerfile}${inputs.force ? ' without cache, pulling the base (force)' : ''}`,
            mutates: true,
        });
    }
    else {
        if (pullPolicy !== 'Always') {
            commands.push({
                argv: ['docker', ...dockerArgv.imageInspect(runRef)],
                why: `pull_policy ${pullPolicy}: is the image present?`,
                mutates: false,
            });
        }
        if (pullPolicy !== 'Never') {
            commands.push({
                argv: ['docker', ...dockerArgv.pull(runRef)],
                why: pullPolicy === 'Always' ? 'pull_policy Always' : 'only when the image is not present (pull_policy IfNotPresent)',
                mutates: true,
            });
        }
    }
    const waitSeconds = Math.max(1, Math.floor(inputs.timeout / 1000));
    commands.push({
        argv: ['docker', ...dockerArgv.up(target, { waitTimeoutSeconds: waitSeconds, forceRecreate: inputs.force })],
        why: `start ${compose.container} and wait until it is running${inputs.force ? ', recreated (force)' : ''} (deploy passes what remains of timeout)`,
        mutates: true,
    });
    const files = [{ path: COMPOSE_FILE, content: compose.yaml }];
    if (facts.secretNames.length > 0) {
        files.push({ path: SECRETS_FILE, content: encodeEnvFile(Object.fromEntries(facts.secretNames.map((n) => [n, '***']))), mode: 0o600 });
        notes.push(`${SECRETS_FILE} (mode 0600) holds the secret values only while compose starts the container, then it is removed`);
    }
    return { compose, target, pullPolicy, build, files, commands, notes };
}
function emitNotices(config, notices) {
    for (const n of notices)
        (0,runner/* warning */.$e)(n.message, { file: config.file, startLine: n.line, startColumn: n.column, title: n.field });
}
/**
 * Credentials from the inputs for one `docker pull`, in a throw-away DOCKER_CONFIG (the user's stays
 * untouched): registry-username/password for any registry, github-token for ghcr.io (SPEC §4). Without
 * them docker uses the runner's own ~/.docker/config.json, as the registry client does.
 */
async function withRegistryAuth(ctx, ref, fn) {
    const registry = (0,reference/* parseReference */.F2)(ref).registry;
    const { inputs } = ctx;
    const token = registry.toLowerCase() === 'ghcr.io' ? inputs['github-token'] : '';
    const password = inputs['registry-password'] || token;
    if (!password)
        return await fn();
    const user = inputs['registry-username'] || process.env.GITHUB_ACTOR || 'x-access-token';
    const key = registry === 'docker.io' ? 'https://index.docker.io/v1/' : registry;
    const auth = Buffer.from(`${user}:${password}`).toString('base64');
    (0,runner/* setSecret */.Pq)(auth);
    const dir = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'sindri-docker-config-'));
    try {
        (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(dir, 'config.json'), JSON.stringify({ auths: { [key]: { auth } } }), { mode: 0o600 });
        return await fn({ DOCKER_CONFIG: dir });
    }
    finally {
        (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
    }
}
function lastLine(text) {
    const l = (0,runner/* redact */.E$)(text)
        .split('\n')
        .map((x) => x.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '').trim())
        .filter(Boolean);
    return (l
        .filter((x) => !/^(Container|Volume|Network) .+ (Creating|Created|Starting|Started|Waiting|Running|Recreate|Recreated)$/.test(x))
        .pop() ??
        l.pop() ??
        '').slice(0, 300);
}
function sameSecrets(c, secrets) {
    const env = new Set(c.env);
    return [...secrets.values].every(([k, v]) => env.has(`${k}=${v}`));
}
class DockerProvider {
    name = 'docker';
    async plan(ctx) {
        const secrets = resolveSecrets(ctx.config);
        const facts = { base: loadComposeBase(), secretNames: [...secrets.values.keys()], buildx: false };
        if (ctx.image.build)
            await this.buildFacts(ctx, facts, new Docker(ctx.workdir));
        const steps = dockerSteps(ctx, facts);
        const notes = [...steps.notes, ...steps.compose.warnings, ...secrets.notices.map((n) => n.message)];
        if (secrets.missingRequired.length > 0)
            notes.push(`required secrets not set: ${secrets.missingRequired.join(', ')} (deploy fails before starting anything)`);
        if (!ctx.image.build)
            notes.push(`no image is built: the prebuilt image is deployed ${ctx.image.digest ? 'by digest' : 'as written (not pinned)'}`);
        return { files: steps.files, commands: steps.commands, notes };
    }
    /** buildx (a client probe) and the git facts for the OCI labels: no engine call. */
    async buildFacts(ctx, facts, docker) {
        facts.buildx = await docker.buildxAvailable();
        const git = new cli_git/* Git */.T(ctx.workdir);
        facts.revision = (await git.revision()) ?? process.env.GITHUB_SHA;
        const server = process.env.GITHUB_SERVER_URL;
        const repo = process.env.GITHUB_REPOSITORY;
        facts.source = server && repo ? `${server}/${repo}` : (0,cli_git/* publicSourceUrl */.C)((await git.remoteUrl()) ?? '');
    }
    async apply(ctx) {
        const deadline = Date.now() + ctx.inputs.timeout;
        const remaining = () => Math.max(1000, deadline - Date.now());
        // 1. secrets first: a missing required secret fails before anything is touched
        const secrets = requireSecrets(ctx.config);
        emitNotices(ctx.config, secrets.notices);
        const docker = new Docker(ctx.workdir);
        const engine = await docker.info();
        await docker.composeVersion();
        const facts = { base: loadComposeBase(), secretNames: [...secrets.values.keys()], engine, buildx: false };
        if (ctx.image.build)
            await this.buildFacts(ctx, facts, docker);
        const steps = dockerSteps(ctx, facts);
        const { compose, target } = steps;
        for (const w of compose.warnings)
            (0,runner/* warning */.$e)(w, { file: ctx.config.file, title: 'providers.docker' });
        // 2. the name must be ours to replace
        const before = await docker.containerInspect(compose.container);
        if (before && before.labels[PROJECT_LABEL] !== compose.project) {
            throw new errors/* ActionError */.lZ(`a container named ${compose.container} already exists and was not deployed by this action`, {
                where: { file: ctx.config.file, field: 'name' },
                fix: `remove it (docker rm -f ${compose.container}) or change name in ${ctx.config.file}`,
            });
        }
        const unchanged = (imageId) => !ctx.inputs.force &&
            before !== undefined &&
            before.running &&
            before.health !== 'unhealthy' &&
            before.imageId === imageId &&
            before.labels[CONFIG_HASH_LABEL] === compose.hash &&
            sameSecrets(before, secrets);
        // 3. the image: build, or pull as pull_policy says
        let imageId;
        let digest;
        if (steps.build) {
            const fix = ctx.inputs.force
                ? `fix ${steps.build.dockerfile} (see the build log above); with force the base image is pulled (--pull), so a base that exists only on this engine must be pushed to a registry first`
                : `fix ${steps.build.dockerfile} (see the build log above)`;
            await docker.build(steps.build, { timeoutMs: remaining(), fix });
            const built = await docker.imageInspect(steps.build.tag);
            if (!built)
                throw new errors/* ActionError */.lZ(`the build finished but image ${steps.build.tag} is not on the engine`, {
                    fix: 'with a docker-container buildx builder, make sure --load works',
                });
            imageId = built.id;
            digest = built.id;
            if (unchanged(imageId))
                return this.skipped(ctx, compose, steps.build.tag, digest, true);
        }
        else {
            const ref = ctx.image.deployRef;
            digest = ctx.image.digest;
            // skip check before any pull: the running container's image already carries the pinned digest
            if (before && digest) {
                const running = await docker.imageInspect(before.imageId);
                if (running?.repoDigests.some((d) => d.endsWith(`@${digest}`)) && unchanged(before.imageId))
                    return this.skipped(ctx, compose, ref, digest, false);
            }
            let present = steps.pullPolicy === 'Always' ? undefined : await docker.imageInspect(ref);
            if (!present) {
                if (steps.pullPolicy === 'Never') {
                    throw new errors/* ActionError */.lZ(`image ${ref} is not present on the Docker engine and pull_policy is Never`, {
                        where: { file: ctx.config.file, field: 'deployment.image_config.pull_policy' },
                        fix: 'pull or load the image before this step, or set pull_policy to IfNotPresent',
                    });
                }
                await withRegistryAuth(ctx, ref, (env) => docker.pull(ref, { timeoutMs: remaining(), env }));
                present = await docker.imageInspect(ref);
            }
            if (!present)
                throw new errors/* ActionError */.lZ(`image ${ref} was pulled but is not on the engine`, { fix: 'check the Docker engine log' });
            imageId = present.id;
        }
        // 4. files, then compose up; the env file lives only while compose reads it
        for (const f of steps.files.filter((x) => x.path !== SECRETS_FILE))
            (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(ctx.workdir, f.path), f.content, { mode: f.mode ?? 0o644 });
        const secretsPath = (0,external_node_path_.join)(ctx.workdir, SECRETS_FILE);
        const waitSeconds = Math.max(1, Math.floor(remaining() / 1000));
        let up;
        try {
            // a file left at that path keeps its own mode on write: start from none, created 0600
            (0,external_node_fs_.rmSync)(secretsPath, { force: true });
            if (secrets.values.size > 0)
                (0,external_node_fs_.writeFileSync)(secretsPath, encodeEnvFile(secrets.values), { mode: 0o600, flag: 'wx' });
            up = await docker.up(target, { waitTimeoutSeconds: waitSeconds, forceRecreate: ctx.inputs.force }, { timeoutMs: waitSeconds * 1000 + 30_000 });
        }
        finally {
            (0,external_node_fs_.rmSync)(secretsPath, { force: true });
        }
        // 5. readiness: compose's --wait, then (no healthcheck) a container that stays up
        let reason = up.code === 0
            ? ''
            : up.timedOut
                ? `compose did not return within ${waitSeconds} s`
                : lastLine(up.stderr || up.stdout) || `compose exited with code ${up.code}`;
        if (!reason) {
            let now = await docker.containerInspect(compose.container);
            if (now && now.health === undefined) {
                await new Promise((r) => setTimeout(r, Math.min(SETTLE_MS, remaining())));
                now = await docker.containerInspect(compose.container);
            }
            if (!now)
                reason = 'the container is gone';
            else if (!now.running || now.restartCount > 0)
                reason = `the container exited right after start (status ${now.status}, ${now.restartCount} restarts)`;
            else if (now.health === 'unhealthy')
                reason = 'the container is unhealthy';
        }
        if (reason)
            await this.fail(ctx, docker, compose, target, waitSeconds, reason);
        return {
            url: compose.url,
            skipped: false,
            built: steps.build !== undefined,
            image: steps.build ? steps.build.tag : ctx.image.deployRef,
            digest,
            connect: connectHint(compose.container),
            extra: { container: compose.container, project: compose.project, 'compose-file': COMPOSE_FILE },
        };
    }
    skipped(ctx, compose, image, digest, built) {
        (0,runner/* info */.pq)(`${compose.container} already runs ${image} with this configuration: nothing to do (force: true redeploys)`);
        (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(ctx.workdir, COMPOSE_FILE), compose.yaml, { mode: 0o644 });
        return {
            url: compose.url,
            skipped: true,
            built,
            image,
            digest,
            connect: connectHint(compose.container),
            extra: { container: compose.container, project: compose.project, 'compose-file': COMPOSE_FILE },
        };
    }
    /** Print the container's last log lines, remove what compose started (the home volume stays), throw one line. */
    async fail(ctx, docker, compose, target, waitSeconds, reason) {
        const logs = await docker.logs(target, LOG_LINES);
        await (0,runner/* group */.Os)(`${compose.container}: last ${LOG_LINES} log lines`, async () => (0,runner/* info */.pq)(logs || '(the container wrote nothing)'));
        let cleanup = `it was removed (docker compose down); volume ${compose.volumes.join(', ')} kept`;
        try {
            await docker.down(target, false, { timeoutMs: 120_000 });
        }
        catch {
            cleanup = `removing it failed too: run docker compose -p ${compose.project} down`;
        }
        throw new errors/* ActionError */.lZ(`${compose.container} did not become ready within ${waitSeconds} s: ${reason}; ${cleanup}`, {
            where: { file: ctx.config.file },
            fix: 'read the container log above; raise the input timeout if it only needs longer',
        });
    }
    async destroy(ctx) {
        const docker = new Docker(ctx.workdir);
        await docker.composeVersion();
        const before = await docker.containerInspect(ctx.config.name);
        // down needs a valid document, not the image: the running container's reference, else a placeholder
        const secretNames = ctx.config.secrets.filter((s) => s.source === 'env').map((s) => s.name);
        const compose = renderCompose({
            config: ctx.config,
            image: before?.imageRef ?? `${ctx.config.name}:destroy`,
            base: loadComposeBase(),
            secretNames,
        });
        const target = { file: COMPOSE_FILE, project: compose.project };
        const label = `${PROJECT_LABEL}=${compose.project}`;
        const removed = [];
        if (before && before.labels[PROJECT_LABEL] !== compose.project) {
            (0,runner/* warning */.$e)(`container ${compose.container} was not deployed by this action and is left alone`);
        }
        else if (before)
            removed.push(`container ${compose.container}`);
        const volumesBefore = new Set(await docker.volumesWithLabel(label));
        const networksBefore = await docker.networksWithLabel(label);
        const generated = [COMPOSE_FILE, SECRETS_FILE].filter((f) => (0,external_node_fs_.existsSync)((0,external_node_path_.join)(ctx.workdir, f)));
        (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(ctx.workdir, COMPOSE_FILE), compose.yaml, { mode: 0o644 });
        try {
            await docker.down(target, true, { timeoutMs: ctx.inputs.timeout });
        }
        finally {
            for (const f of [COMPOSE_FILE, SECRETS_FILE])
                (0,external_node_fs_.rmSync)((0,external_node_path_.join)(ctx.workdir, f), { force: true });
        }
        removed.push(...generated.map((f) => `file ${f}`));
        // what down did not know about (a volume of an earlier configuration, say)
        const volumesLeft = await docker.volumesWithLabel(label);
        await docker.volumeRemove(volumesLeft);
        const networksLeft = await docker.networksWithLabel(label);
        await docker.networkRemove(networksLeft);
        for (const v of volumesBefore)
            removed.push(`volume ${v}`);
        if (networksBefore.length > 0)
            removed.push(`${networksBefore.length} network(s) of project ${compose.project}`);
        return { removed };
    }
}


/***/ })

};
