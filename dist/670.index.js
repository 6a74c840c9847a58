export const id = 670;
export const ids = [670];
export const modules = {

/***/ 1855:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Jg: () => (/* binding */ Docker),
/* harmony export */   fk: () => (/* binding */ dockerArgv)
/* harmony export */ });
/* unused harmony export composeIsRecentEnough */
/* harmony import */ var _deadline_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6683);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/**
 * The `docker` CLI (engine, buildx, compose v2). Every operation is a method that assembles argv
 * and calls one private `execute` over src/external/exec.ts. The argv builders are exported as
 * `dockerArgv` so the plan prints exactly the commands deploy runs.
 */


/** Pure argv builders: shared by `Docker` and by the provider's plan. */
const dockerArgv = {
    pull: (ref) => ['pull', ref],
    push: (ref) => ['push', ref],
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
    exec;
    cwd;
    constructor(exec, cwd) {
        this.exec = exec;
        this.cwd = cwd;
    }
    async execute(args, opts = {}) {
        return await this.exec.run('docker', args, { cwd: this.cwd, ...opts });
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
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`Docker Compose ${version || '(unknown version)'} is too old`, { fix });
        return version;
    }
    async buildxAvailable() {
        const r = await this.execute(['buildx', 'version'], { allowFailure: true, timeoutMs: 30_000 }).catch((e) => {
            if ((0,_deadline_js__WEBPACK_IMPORTED_MODULE_0__/* .isDeadlineExceeded */ .A)(e))
                throw e;
            return undefined;
        });
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
    async push(ref, opts) {
        await this.execute(dockerArgv.push(ref), {
            timeoutMs: opts.timeoutMs,
            env: opts.env,
            stream: true,
            fix: 'check that the runner may push to that repository: log in first (docker/login-action) or pass registry-username and registry-password',
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


/***/ }),

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
        const r = await this.exec.run('git', ['-C', this.cwd, ...args], { allowFailure: true, timeoutMs: 15_000 }).catch((e) => {
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

/***/ 6911:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U: () => (/* binding */ localCluster),
/* harmony export */   l: () => (/* binding */ LocalClusterLoader)
/* harmony export */ });
/** `kind-dev` → kind cluster `dev`; `k3d-dev` → k3d cluster `dev`; anything else: a remote cluster. */
function localCluster(context) {
    const m = /^(kind|k3d)-(.+)$/.exec(context ?? '');
    return m ? { tool: m[1], cluster: m[2] } : undefined;
}
class LocalClusterLoader {
    tool;
    cluster;
    constructor(ref) {
        this.tool = ref.tool;
        this.cluster = ref.cluster;
    }
    /** the whole command line, tool first */
    argv(image) {
        return this.tool === 'kind'
            ? ['kind', 'load', 'docker-image', image, '--name', this.cluster]
            : ['k3d', 'image', 'import', image, '--cluster', this.cluster];
    }
    async load(exec, image, timeoutMs) {
        const [file, ...args] = this.argv(image);
        await exec.run(file, args, {
            timeoutMs,
            stream: true,
            fix: `check that the ${this.tool} cluster ${this.cluster} exists (${this.tool === 'kind' ? 'kind get clusters' : 'k3d cluster list'}) and that ${this.tool} is on PATH`,
        });
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

/***/ 4670:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DEVPOD_TYPES: () => (/* binding */ DEVPOD_TYPES),
  DevpodProvider: () => (/* binding */ DevpodProvider),
  WORKSPACE_ID: () => (/* binding */ WORKSPACE_ID),
  connectHint: () => (/* binding */ connectHint),
  currentKubeContext: () => (/* binding */ currentKubeContext),
  devpodSettings: () => (/* binding */ devpodSettings),
  devpodSteps: () => (/* binding */ devpodSteps),
  encodeWorkspaceEnv: () => (/* binding */ encodeWorkspaceEnv),
  workspaceIdOf: () => (/* binding */ workspaceIdOf)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/external/devpod.ts
/**
 * The `devpod` CLI (loft-sh/devpod). Methods only assemble argv and run it through src/external/exec.ts;
 * JSON wherever devpod offers it. Flags and shapes from devpod's own source:
 *   cmd/provider/list.go  `provider list --output json` → { [name]: { config, state, default } }
 *                         (workspace.ProviderWithOptions; state.options[KEY].value, pkg/config/config.go)
 *   cmd/provider/add.go   `provider add <name> [-o KEY=VALUE]…` (configures and uses it by default)
 *   cmd/provider/set_options.go `provider set-options <name> -o KEY=VALUE…` (fails without an option)
 *   cmd/list.go           `list --output json` → Workspace[] (pkg/provider/workspace.go: id, provider.name,
 *                         source.localFolder, devContainerImage, devContainerPath, …)
 *   cmd/status.go         `status <id> --output json` → { id, context, provider, state } with state
 *                         Running | Busy | Stopped | NotFound (pkg/client/client.go)
 *   cmd/up.go             `up <source> --id --ide --provider --devcontainer-path --devcontainer-image
 *                         --recreate --workspace-env-file`
 *   cmd/delete.go         `delete <id> --force`
 */

const devpodArgv = {
    providerList: () => ['provider', 'list', '--output', 'json'],
    providerAdd: (name, options) => ['provider', 'add', name, ...optionFlags(options)],
    providerSetOptions: (name, options) => [
        'provider',
        'set-options',
        name,
        ...optionFlags(options),
    ],
    list: () => ['list', '--output', 'json'],
    status: (id) => ['status', id, '--output', 'json'],
    up(s) {
        const a = ['up', s.source, '--id', s.id, '--ide', 'none', '--provider', s.provider, '--devcontainer-path', s.devcontainerPath];
        if (s.image)
            a.push('--devcontainer-image', s.image);
        if (s.recreate)
            a.push('--recreate');
        if (s.envFile)
            a.push('--workspace-env-file', s.envFile);
        return a;
    },
    delete: (id) => ['delete', id, '--force'],
};
function optionFlags(options) {
    return Object.entries(options).flatMap(([k, v]) => ['-o', `${k}=${v}`]);
}
function parseJson(r, what) {
    try {
        return JSON.parse(r.stdout || 'null');
    }
    catch {
        throw new errors/* ActionError */.lZ(`devpod ${what} did not print JSON`, { fix: 'use devpod 0.6 or later (devpod-version)' });
    }
}
class DevPod {
    exec;
    cwd;
    constructor(exec, cwd) {
        this.exec = exec;
        this.cwd = cwd;
    }
    async execute(args, opts = {}) {
        return await this.exec.run('devpod', args, { cwd: this.cwd, ...opts });
    }
    async providers() {
        const r = await this.execute(devpodArgv.providerList(), { timeoutMs: 60_000 });
        const j = parseJson(r, 'provider list');
        const out = new Map();
        for (const [key, p] of Object.entries(j ?? {})) {
            const options = {};
            for (const [k, v] of Object.entries(p.state?.options ?? {}))
                options[k] = v.value ?? '';
            const name = p.config?.name ?? key;
            out.set(name, { name, options, initialized: p.state?.initialized === true });
        }
        return out;
    }
    async providerAdd(name, options, timeoutMs) {
        await this.execute(devpodArgv.providerAdd(name, options), {
            timeoutMs,
            stream: true,
            fix: `check providers.devpod for ${name} (devpod provider add ${name} must succeed on the runner)`,
        });
    }
    async providerSetOptions(name, options, timeoutMs) {
        await this.execute(devpodArgv.providerSetOptions(name, options), {
            timeoutMs,
            stream: true,
            fix: `check the options under providers.devpod in sindri.yaml`,
        });
    }
    async workspaces() {
        const r = await this.execute(devpodArgv.list(), { timeoutMs: 60_000 });
        const j = parseJson(r, 'list');
        return (j ?? []).map((w) => ({
            id: w.id ?? '',
            provider: w.provider?.name ?? '',
            image: w.devContainerImage ?? '',
            devcontainerPath: w.devContainerPath ?? '',
            localFolder: w.source?.localFolder ?? '',
        }));
    }
    async status(id) {
        const r = await this.execute(devpodArgv.status(id), { timeoutMs: 60_000, allowFailure: true });
        if (r.code !== 0)
            return 'NotFound';
        return parseJson(r, 'status')?.state ?? 'NotFound';
    }
    async up(spec, timeoutMs) {
        await this.execute(devpodArgv.up(spec), {
            timeoutMs,
            stream: true,
            fix: 'read the devpod output above; raise the input timeout if it only needs longer',
        });
    }
    async delete(id, timeoutMs) {
        await this.execute(devpodArgv.delete(id), { timeoutMs, stream: true, fix: `delete it by hand: devpod delete ${id} --force` });
    }
}

// EXTERNAL MODULE: ./src/external/docker.ts
var external_docker = __webpack_require__(1855);
// EXTERNAL MODULE: ./src/external/git.ts
var external_git = __webpack_require__(1979);
// EXTERNAL MODULE: ./src/external/local-cluster.ts
var local_cluster = __webpack_require__(6911);
// EXTERNAL MODULE: ./src/image/reference.ts
var reference = __webpack_require__(3564);
// EXTERNAL MODULE: ./src/naming.ts
var naming = __webpack_require__(8499);
// EXTERNAL MODULE: ./src/runner.ts
var runner = __webpack_require__(4813);
// EXTERNAL MODULE: ./src/providers/docker/compose.ts
var compose = __webpack_require__(3739);
// EXTERNAL MODULE: ./src/providers/kit/environment.ts
var environment = __webpack_require__(2108);
;// CONCATENATED MODULE: ./src/providers/devpod/devcontainer.ts
/**
 * The devcontainer.json DevPod starts a workspace from (containers.dev spec), built as an object from
 * the one image decision (SPEC §4, §5; upstream template in FACTS §4.3, minus its plaintext secrets).
 * Pure: no file system, no process. Secrets never appear here; they travel in devpod's
 * `--workspace-env-file` (ADR 0009).
 */




/** Where we write it; beside a user's own file when one is there (ADR 0009). */
const DEVCONTAINER_FILE = '.devcontainer/devcontainer.json';
const DEVCONTAINER_BESIDE = '.devcontainer/sindri/devcontainer.json';
/** `customizations.<tool>`: the spec's place for tool-specific data; marks a file as ours */
const MARKER_KEY = 'sindri-deploy-action';
/** `8GB` → `8gb`: hostRequirements take `tb|gb|mb|kb` (containers.dev schema). */
function hostSize(value, field, config) {
    const m = /^(\d+)\s*(TB|GB|MB|KB)$/i.exec(value.trim());
    if (!m) {
        const at = config.locate(field.split('.'));
        throw new errors/* ActionError */.lZ(`"${value}" is not a size`, {
            where: { file: config.file, line: at?.line, column: at?.column, field },
            fix: 'write a number and a unit, e.g. 8GB or 512MB',
        });
    }
    return `${m[1]}${m[2].toLowerCase()}`;
}
/** A path relative to the working directory, as the devcontainer.json in `dcPath` must name it. */
function fromDevcontainerDir(dcPath, target) {
    const rel = external_node_path_.posix.relative(external_node_path_.posix.dirname(dcPath), external_node_path_.posix.normalize(target.replace(/\\/g, '/')));
    return rel === '' ? '.' : rel;
}
function renderDevcontainer(input) {
    const { config } = input;
    const notes = [];
    const doc = { name: input.workspaceId };
    if (input.image.kind === 'image')
        doc.image = input.image.ref;
    else {
        const build = {
            dockerfile: fromDevcontainerDir(input.path, input.image.dockerfile),
            context: fromDevcontainerDir(input.path, input.image.context),
        };
        if (Object.keys(input.image.args).length > 0)
            build.args = { ...input.image.args };
        doc.build = build;
    }
    // the non-secret settings the Sindri image reads at start (same keys as the compose deployment)
    doc.containerEnv = (0,environment/* sindriEnvironment */.l)(config);
    doc.remoteUser = 'developer';
    // no derived `-uid` image: the container runs exactly the digest resolved (and verified), or the
    // image built from the Dockerfile; the home is a named volume, so no host UID needs matching (ADR 0009)
    doc.updateRemoteUserUID = false;
    doc.mounts = [{ source: `${input.workspaceId}_home`, target: compose/* HOME_MOUNT */.kV, type: 'volume' }];
    const res = config.deployment.resources;
    const host = {};
    if (res.cpus !== undefined)
        host.cpus = res.cpus;
    if (res.memory)
        host.memory = hostSize(res.memory, 'deployment.resources.memory', config);
    const size = config.deployment.volumes.workspace?.size;
    if (size)
        host.storage = hostSize(size, 'deployment.volumes.workspace.size', config);
    const gpu = res.gpu;
    if (gpu?.enabled) {
        host.gpu = gpu.memory ? { memory: hostSize(gpu.memory, 'deployment.resources.gpu.memory', config) } : true;
        if (input.dockerEngine) {
            if (gpu.type === 'nvidia')
                doc.runArgs = ['--gpus', gpu.count > 1 ? `count=${gpu.count}` : 'all'];
            else
                notes.push(`GPU type ${gpu.type}: no docker run flag is added; the provider's host must expose the device`);
        }
    }
    if (Object.keys(host).length > 0)
        doc.hostRequirements = host;
    if (input.forwardPorts.length > 0)
        doc.forwardPorts = [...input.forwardPorts];
    doc.customizations = { [MARKER_KEY]: { generated: true, config: config.file } };
    return { doc, json: JSON.stringify(doc, null, 2) + '\n', notes };
}
/** Is this devcontainer.json text one we wrote? (a user's own file is never touched without force) */
function isGenerated(text) {
    try {
        const doc = JSON.parse(text);
        return doc.customizations?.[MARKER_KEY]?.generated === true;
    }
    catch {
        return false; // JSONC with comments, or anything else: a user's file
    }
}

// EXTERNAL MODULE: ./src/providers/kit/secrets.ts
var kit_secrets = __webpack_require__(8104);
// EXTERNAL MODULE: ./src/providers/kit/build.ts
var build = __webpack_require__(2693);
;// CONCATENATED MODULE: ./src/providers/devpod/provider.ts
/**
 * provider: devpod — a DevPod workspace from a generated devcontainer.json (SPEC §5, issue 8,
 * ADR 0009). `plan` and `apply` share the pure `devpodSteps(ctx, facts)`: the same file, the same
 * argv. Where a Dockerfile is built depends on `providers.devpod.type`:
 *   docker, ssh            DevPod builds it from `build.dockerfile` in devcontainer.json
 *   kubernetes on kind-* / k3d-*   built here (Docker), `kind load` / `k3d image import`, `image:` the tag
 *   kubernetes (remote), aws, gcp, azure, digitalocean   built here, pushed to
 *                          `providers.devpod.buildRepository`, `image:` the pushed digest
 * Secrets reach the workspace only through `devpod up --workspace-env-file` (a 0600 file, removed).
 */















const DEVPOD_TYPES = ['aws', 'gcp', 'azure', 'digitalocean', 'kubernetes', 'ssh', 'docker'];
/** DevPod workspace ids: lower-case letters, digits, dashes, at most 48 (devpod pkg/workspace/workspace.go). */
const WORKSPACE_ID = { ...naming/* DNS_LABEL */.H, max: 48 };
/** devpod's own name for each sindri type (the Google Cloud provider is `gcloud`). */
const DEVPOD_PROVIDER = {
    aws: 'aws',
    gcp: 'gcloud',
    azure: 'azure',
    digitalocean: 'digitalocean',
    kubernetes: 'kubernetes',
    ssh: 'ssh',
    docker: 'docker',
};
/**
 * sindri key → devpod provider option, with sindri's defaults (FACTS §1.8). Option names are those of
 * the providers themselves: devpod providers/kubernetes/provider.yaml; loft-sh/devpod-provider-{aws,
 * gcloud,azure,digitalocean,ssh,docker} provider.yaml.
 */
const OPTION_MAP = {
    aws: [
        { key: 'region', option: 'AWS_REGION', default: 'us-west-2' },
        { key: 'instanceType', option: 'AWS_INSTANCE_TYPE', default: 'c5.xlarge' },
        { key: 'diskSize', option: 'AWS_DISK_SIZE', default: '40' },
        { key: 'useSpot', option: 'AWS_USE_SPOT_INSTANCE' },
        { key: 'subnetId', option: 'AWS_SUBNET_ID' },
        { key: 'securityGroupId', option: 'AWS_SECURITY_GROUP_ID' },
    ],
    gcp: [
        { key: 'project', option: 'PROJECT' },
        { key: 'zone', option: 'ZONE', default: 'us-central1-a' },
        { key: 'machineType', option: 'MACHINE_TYPE', default: 'e2-standard-4' },
        { key: 'diskSize', option: 'DISK_SIZE', default: '40' },
    ],
    azure: [
        { key: 'subscription', option: 'AZURE_SUBSCRIPTION_ID' },
        { key: 'resourceGroup', option: 'AZURE_RESOURCE_GROUP', default: 'devpod-resources' },
        { key: 'location', option: 'AZURE_REGION', default: 'eastus' },
        { key: 'vmSize', option: 'AZURE_INSTANCE_SIZE', default: 'Standard_D4s_v3' },
        { key: 'diskSize', option: 'AZURE_DISK_SIZE', default: '40' },
    ],
    digitalocean: [
        { key: 'region', option: 'REGION', default: 'nyc3' },
        { key: 'size', option: 'MACHINE_TYPE', default: 's-4vcpu-8gb' },
        { key: 'diskSize', option: 'DISK_SIZE' },
    ],
    kubernetes: [
        { key: 'namespace', option: 'KUBERNETES_NAMESPACE', default: 'devpod' },
        { key: 'storageClass', option: 'STORAGE_CLASS' },
    ],
    ssh: [{ key: 'port', option: 'PORT' }],
    docker: [{ key: 'dockerHost', option: 'DOCKER_HOST' }],
};
/** sub-options we read but cannot hand to devpod: said in the plan, never silently dropped */
const NOT_PASSED = { gcp: ['diskType'], ssh: ['keyPath'] };
function at(config, path) {
    const pos = config.locate(path);
    return { file: config.file, line: pos?.line, column: pos?.column, field: path.join('.') };
}
function scalar(config, path, v) {
    if (v === undefined || v === null || v === '')
        return undefined;
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
        return String(v);
    throw new errors/* ActionError */.lZ('expected a single value', { where: at(config, path), fix: 'write a string, number or true/false' });
}
/** `providers.devpod` validated, with the options for the provider; kubernetes context resolved. */
function devpodSettings(config, currentKubeContext) {
    const raw = config.providers.devpod ?? {};
    const base = ['providers', 'devpod'];
    const typeRaw = raw.type;
    if (typeRaw === undefined || typeRaw === null || typeRaw === '') {
        throw new errors/* ActionError */.lZ('not set: DevPod needs to know where the workspace runs', {
            where: { ...at(config, base), file: config.file, field: 'providers.devpod.type' },
            fix: `add providers.devpod.type: one of ${DEVPOD_TYPES.join(', ')} (docker runs the workspace on the runner's Docker engine)`,
        });
    }
    const type = String(typeRaw);
    if (!DEVPOD_TYPES.includes(type)) {
        throw new errors/* ActionError */.lZ(`unknown devpod type "${String(typeRaw)}"`, {
            where: at(config, [...base, 'type']),
            fix: `use one of ${DEVPOD_TYPES.join(', ')}`,
        });
    }
    const sub = (raw[type] ?? {});
    if (typeof sub !== 'object' || Array.isArray(sub)) {
        throw new errors/* ActionError */.lZ('expected a mapping', {
            where: at(config, [...base, type]),
            fix: `write providers.devpod.${type} as key: value lines`,
        });
    }
    const notes = [];
    const options = {};
    if (type === 'kubernetes') {
        const ctx = scalar(config, [...base, type, 'context'], sub.context) ?? currentKubeContext;
        if (ctx)
            options.KUBERNETES_CONTEXT = ctx;
    }
    if (type === 'ssh') {
        const host = scalar(config, [...base, type, 'host'], sub.host);
        if (!host) {
            throw new errors/* ActionError */.lZ('providers.devpod.ssh.host is not set', {
                where: at(config, [...base, type]),
                fix: 'set providers.devpod.ssh.host to the machine DevPod connects to',
            });
        }
        options.HOST = `${scalar(config, [...base, type, 'user'], sub.user) ?? 'root'}@${host}`;
    }
    for (const m of OPTION_MAP[type]) {
        const v = scalar(config, [...base, type, m.key], sub[m.key]) ?? m.default;
        if (v !== undefined)
            options[m.option] = v;
    }
    if (type === 'kubernetes' && sub.nodeSelector !== undefined && sub.nodeSelector !== null) {
        const ns = sub.nodeSelector;
        if (typeof ns !== 'object' || Array.isArray(ns)) {
            throw new errors/* ActionError */.lZ('expected a mapping of labels', {
                where: at(config, [...base, type, 'nodeSelector']),
                fix: 'write nodeSelector as label: value lines',
            });
        }
        const pairs = Object.entries(ns).map(([k, v]) => `${k}=${String(v)}`);
        if (pairs.length)
            options.NODE_SELECTOR = pairs.join(',');
    }
    for (const k of NOT_PASSED[type] ?? []) {
        if (sub[k] !== undefined)
            notes.push(`providers.devpod.${type}.${k} has no devpod provider option: set it in the provider's own defaults`);
    }
    const repo = scalar(config, [...base, 'buildRepository'], raw.buildRepository);
    if (repo) {
        const ref = (0,reference/* parseReference */.F2)(repo, at(config, [...base, 'buildRepository']));
        if (ref.tag || ref.digest) {
            throw new errors/* ActionError */.lZ(`buildRepository "${repo}" names a tag or digest`, {
                where: at(config, [...base, 'buildRepository']),
                fix: 'write the repository only (e.g. ghcr.io/owner/sindri-dev); the action tags and pins what it pushes',
            });
        }
    }
    const portsRaw = raw.forwardPorts;
    const forwardPorts = [];
    if (portsRaw !== undefined && portsRaw !== null) {
        if (!Array.isArray(portsRaw)) {
            throw new errors/* ActionError */.lZ('expected a list of ports', {
                where: at(config, [...base, 'forwardPorts']),
                fix: 'write forwardPorts: [3000, 8080]',
            });
        }
        portsRaw.forEach((p, i) => {
            const n = Number(p);
            if (!Number.isInteger(n) || n < 1 || n > 65535) {
                throw new errors/* ActionError */.lZ(`"${String(p)}" is not a port`, {
                    where: at(config, [...base, 'forwardPorts', i]),
                    fix: 'use numbers 1-65535',
                });
            }
            forwardPorts.push(n);
        });
    }
    return { type, provider: DEVPOD_PROVIDER[type], buildRepository: repo, options, forwardPorts, notes };
}
function workspaceIdOf(config, suffix) {
    return (0,naming/* resourceName */.I)(config.name, suffix, WORKSPACE_ID);
}
function connectHint(id) {
    return `devpod ssh ${id}`;
}
/** `KEY=value` lines as devpod reads them (pkg/devcontainer/config/parse.go ParseKeyValueFile: no quoting). */
function encodeWorkspaceEnv(values, config) {
    let out = '';
    for (const [k, v] of values) {
        if (/[\r\n]/.test(v)) {
            const i = config?.secrets.findIndex((s) => s.name === k) ?? -1;
            throw new errors/* ActionError */.lZ(`secret ${k} holds a line break, which devpod's --workspace-env-file cannot carry`, {
                where: config && i !== -1 ? at(config, ['secrets', i]) : { field: 'secrets' },
                fix: `store it base64-encoded (e.g. ${k}_B64) and decode it in the workspace`,
            });
        }
        out += `${k}=${v}\n`;
    }
    return out;
}
/** The tag part of a `name:tag` ref (a built image's tag is the git short sha, SPEC §4). */
function tagOf(ref) {
    const r = (0,reference/* parseReference */.F2)(ref);
    return r.tag ?? 'latest';
}
/** The pure heart: settings, where to build, the devcontainer.json and every command. */
function devpodSteps(ctx, facts) {
    const { config, inputs, image } = ctx;
    const settings = devpodSettings(config, facts.currentKubeContext);
    const workspaceId = workspaceIdOf(config, inputs['name-suffix']);
    const notes = [...settings.notes];
    const commands = [];
    let buildWhere = 'none';
    let cluster;
    if (image.build) {
        if (!image.dockerfile)
            throw new errors/* ActionError */.lZ('the image decision asks for a build but names no Dockerfile', {
                fix: 'report this at https://github.com/sindri/deploy-action/issues',
            });
        if (settings.type === 'docker' || settings.type === 'ssh')
            buildWhere = 'devpod';
        else {
            const local = settings.type === 'kubernetes' ? (0,local_cluster/* localCluster */.U)(settings.options.KUBERNETES_CONTEXT) : undefined;
            if (local) {
                buildWhere = local.tool;
                cluster = local.cluster;
            }
            else {
                buildWhere = 'registry';
                if (!settings.buildRepository) {
                    const what = settings.type === 'kubernetes'
                        ? `a remote Kubernetes cluster (context ${settings.options.KUBERNETES_CONTEXT ?? 'unknown'})`
                        : settings.type;
                    throw new errors/* ActionError */.lZ(`providers.devpod.buildRepository is not set: building ${image.dockerfile} for ${what} needs a registry to push to`, {
                        where: { ...at(config, ['providers', 'devpod']), field: 'providers.devpod.buildRepository' },
                        fix: 'set providers.devpod.buildRepository (e.g. ghcr.io/owner/sindri-dev), or build in CI and pass image-digest',
                    });
                }
            }
        }
    }
    // the devcontainer.json: ours at the usual place, or beside a user's own (never overwritten without force)
    const devcontainerPath = facts.userDevcontainer && !inputs.force ? DEVCONTAINER_BESIDE : DEVCONTAINER_FILE;
    if (facts.userDevcontainer) {
        notes.push(inputs.force
            ? `${DEVCONTAINER_FILE} is a user's own file: it is overwritten (force)`
            : `${DEVCONTAINER_FILE} is a user's own file and stays untouched: DevPod is pointed at ${DEVCONTAINER_BESIDE}`);
    }
    let build;
    let push;
    let imageRef;
    let spec;
    const context = inputs['build-context'] || '.';
    if (buildWhere === 'devpod') {
        spec = { kind: 'build', dockerfile: image.dockerfile, context, args: inputs['build-args'] };
        notes.push(`DevPod builds ${image.dockerfile} itself (build.dockerfile in ${devcontainerPath}); nothing is built by the action`);
    }
    else if (buildWhere === 'none') {
        imageRef = image.deployRef;
        spec = { kind: 'image', ref: imageRef };
    }
    else {
        const labels = {};
        if (facts.source)
            labels['org.opencontainers.image.source'] = facts.source;
        if (facts.revision)
            labels['org.opencontainers.image.revision'] = facts.revision;
        const tag = buildWhere === 'registry' ? `${settings.buildRepository}:${tagOf(image.ref)}` : image.ref;
        build = {
            dockerfile: image.dockerfile,
            context,
            tag,
            labels,
            buildArgs: inputs['build-args'],
            noCache: inputs.force,
            pull: inputs.force,
            hostNetwork: false,
            buildx: facts.buildx,
        };
        commands.push({ argv: ['docker', ...external_docker/* dockerArgv */.fk.build(build)], why: `build ${image.dockerfile} on the runner`, mutates: true });
        if (buildWhere === 'kind' || buildWhere === 'k3d') {
            commands.push({
                argv: new local_cluster/* LocalClusterLoader */.l({ tool: buildWhere, cluster: cluster }).argv(tag),
                why: `load it into ${buildWhere} cluster ${cluster}`,
                mutates: true,
            });
            imageRef = tag;
        }
        else {
            push = tag;
            commands.push({
                argv: ['docker', ...external_docker/* dockerArgv */.fk.push(tag)],
                why: `push it to ${settings.buildRepository}; the workspace runs the pushed digest`,
                mutates: true,
            });
            imageRef = facts.builtRef ?? `${settings.buildRepository}@<digest of the push>`;
        }
        if (facts.builtRef)
            imageRef = facts.builtRef;
        spec = { kind: 'image', ref: imageRef };
    }
    const devcontainer = renderDevcontainer({
        config,
        workspaceId,
        image: spec,
        path: devcontainerPath,
        forwardPorts: settings.forwardPorts,
        dockerEngine: settings.type === 'docker' || settings.type === 'ssh',
    });
    notes.push(...devcontainer.notes);
    // the order apply runs them in: devpod answers first, then the build, then devpod is changed
    const providerOptions = settings.options;
    commands.unshift({
        argv: ['devpod', ...devpodArgv.providerList()],
        why: `is provider ${settings.provider} added, with which options? (also: is devpod there, before any build)`,
        mutates: false,
    });
    commands.push({
        argv: ['devpod', ...devpodArgv.providerAdd(settings.provider, providerOptions)],
        why: `only when provider ${settings.provider} is missing`,
        mutates: true,
    });
    if (Object.keys(providerOptions).length > 0) {
        commands.push({
            argv: ['devpod', ...devpodArgv.providerSetOptions(settings.provider, providerOptions)],
            why: 'only when the provider exists with other values (only those are set)',
            mutates: true,
        });
    }
    commands.push({ argv: ['devpod', ...devpodArgv.list()], why: `does workspace ${workspaceId} exist, with which image?`, mutates: false }, { argv: ['devpod', ...devpodArgv.status(workspaceId)], why: 'is it running? (skipped when it runs this image)', mutates: false });
    const envFile = facts.secretNames.length > 0 ? '<0600 temp file>' : undefined;
    const up = {
        source: '.',
        id: workspaceId,
        provider: settings.provider,
        devcontainerPath,
        image: imageRef && !imageRef.includes('<') ? imageRef : undefined,
        recreate: inputs.force,
        envFile,
    };
    commands.push({
        argv: ['devpod', ...devpodArgv.up(up)],
        why: `start the workspace${inputs.force ? ', recreated (force)' : '; --recreate is added when it exists with another image'}`,
        mutates: true,
    });
    const files = [{ path: devcontainerPath, content: devcontainer.json }];
    if (facts.secretNames.length > 0) {
        notes.push(`secrets ${facts.secretNames.join(', ')} reach the workspace only through --workspace-env-file (a 0600 file outside the working directory, removed after devpod up)`);
    }
    return { settings, workspaceId, buildWhere, cluster, build, push, imageRef, devcontainerPath, devcontainer, files, commands, notes };
}
/** The kubeconfig's current-context (KUBECONFIG's files in order, else ~/.kube/config): a file read, no kubectl call. */
function currentKubeContext(env = process.env) {
    const files = env.KUBECONFIG ? env.KUBECONFIG.split(external_node_path_.delimiter).filter(Boolean) : [(0,external_node_path_.join)((0,external_node_os_.homedir)(), '.kube', 'config')];
    for (const f of files) {
        if (!(0,external_node_fs_.existsSync)(f))
            continue;
        try {
            const doc = (0,dist/* parse */.qg)((0,external_node_fs_.readFileSync)(f, 'utf8'));
            const c = doc?.['current-context'];
            if (typeof c === 'string' && c)
                return c;
        }
        catch {
            // an unreadable kubeconfig is kubectl's and devpod's problem to report
        }
    }
    return undefined;
}
function needsKubeContext(config) {
    const raw = config.providers.devpod ?? {};
    const sub = (raw.kubernetes ?? {});
    return raw.type === 'kubernetes' && !sub.context;
}
function userDevcontainerAt(workdir) {
    const p = (0,external_node_path_.join)(workdir, DEVCONTAINER_FILE);
    return (0,external_node_fs_.existsSync)(p) && !isGenerated((0,external_node_fs_.readFileSync)(p, 'utf8'));
}
function emitNotices(config, notices) {
    for (const n of notices)
        (0,runner/* warning */.$e)(n.message, { file: config.file, startLine: n.line, startColumn: n.column, title: n.field });
}
/** only the options devpod does not already hold with these values */
function changedOptions(wanted, held) {
    return Object.fromEntries(Object.entries(wanted).filter(([k, v]) => held[k] !== v));
}
class DevpodProvider {
    name = 'devpod';
    async facts(ctx, secretNames) {
        const facts = {
            secretNames,
            currentKubeContext: needsKubeContext(ctx.config) ? currentKubeContext() : undefined,
            userDevcontainer: userDevcontainerAt(ctx.workdir),
            buildx: false,
        };
        return facts;
    }
    /** buildx and the OCI label facts, only when this action builds */
    async buildFacts(ctx, facts) {
        facts.buildx = await new external_docker/* Docker */.Jg(ctx.exec, ctx.workdir).buildxAvailable();
        const git = new external_git/* Git */.T(ctx.exec, ctx.workdir);
        facts.revision = (await git.revision()) ?? process.env.GITHUB_SHA;
        const server = process.env.GITHUB_SERVER_URL;
        const repo = process.env.GITHUB_REPOSITORY;
        facts.source = server && repo ? `${server}/${repo}` : (0,external_git/* publicSourceUrl */.C)((await git.remoteUrl()) ?? '');
    }
    async plan(ctx) {
        const secrets = (0,kit_secrets/* resolveSecrets */.Mx)(ctx.config);
        const facts = await this.facts(ctx, [...secrets.values.keys()]);
        let steps = devpodSteps(ctx, facts);
        if (steps.build) {
            await this.buildFacts(ctx, facts);
            steps = devpodSteps(ctx, facts);
        }
        const notes = [...steps.notes, ...secrets.notices.map((n) => n.message)];
        if (secrets.missingRequired.length > 0)
            notes.push(`required secrets not set: ${secrets.missingRequired.join(', ')} (deploy fails before starting anything)`);
        if (!ctx.image.build)
            notes.push(`no image is built: the prebuilt image is deployed ${ctx.image.digest ? 'by digest' : 'as written (not pinned)'}`);
        return { files: steps.files, commands: steps.commands, notes };
    }
    async apply(ctx) {
        // 1. everything that can be wrong in the config, and the secrets, before anything is touched
        const secrets = (0,kit_secrets/* requireSecrets */.pU)(ctx.config);
        emitNotices(ctx.config, secrets.notices);
        const envText = encodeWorkspaceEnv(secrets.values, ctx.config);
        const facts = await this.facts(ctx, [...secrets.values.keys()]);
        let steps = devpodSteps(ctx, facts);
        for (const n of steps.notes)
            (0,runner/* info */.pq)(n);
        const devpod = new DevPod(ctx.exec, ctx.workdir);
        const { settings, workspaceId } = steps;
        // 2. devpod must answer before anything is built: its providers, as devpod holds them
        const providers = await devpod.providers();
        // 3. the image: built here (loaded or pushed) when the provider type cannot build it itself
        let imageId;
        /** a loaded tag (git short sha) can hold new content: compare image ids too */
        let localChanged = false;
        if (steps.build) {
            await this.buildFacts(ctx, facts);
            steps = devpodSteps(ctx, facts);
            const docker = new external_docker/* Docker */.Jg(ctx.exec, ctx.workdir);
            const b = steps.build;
            const previousId = (await docker.imageInspect(b.tag))?.id;
            await docker.build(b, {
                timeoutMs: ctx.deadline.budget(`building ${b.dockerfile}`, ctx.inputs.timeout),
                fix: `fix ${b.dockerfile} (see the build log above)`,
            });
            const built = await docker.imageInspect(b.tag);
            if (!built)
                throw new errors/* ActionError */.lZ(`the build finished but image ${b.tag} is not on the engine`, {
                    fix: 'with a docker-container buildx builder, make sure --load works',
                });
            imageId = built.id;
            localChanged = previousId !== built.id;
            if (steps.buildWhere === 'kind' || steps.buildWhere === 'k3d') {
                const loader = new local_cluster/* LocalClusterLoader */.l({ tool: steps.buildWhere, cluster: steps.cluster });
                await loader.load(ctx.exec, b.tag, ctx.deadline.budget(`${steps.buildWhere} loading ${b.tag}`, 300_000));
            }
            else {
                await (0,build/* withRegistryAuth */.ID)(ctx, b.tag, (env) => docker.push(b.tag, { timeoutMs: ctx.deadline.budget(`pushing ${b.tag}`, ctx.inputs.timeout), env }));
                const pushed = await docker.imageInspect(b.tag);
                const repo = settings.buildRepository;
                const want = (0,reference/* parseReference */.F2)(repo);
                const digest = pushed?.repoDigests
                    .map((d) => (0,reference/* parseReference */.F2)(d))
                    .find((d) => d.registry === want.registry && d.repository === want.repository)?.digest;
                if (!digest)
                    throw new errors/* ActionError */.lZ(`pushed ${b.tag} but the engine reports no digest for ${repo}`, { fix: 'check the push output above' });
                facts.builtRef = `${repo}@${digest}`;
                imageId = digest;
                localChanged = false;
            }
            if (steps.buildWhere !== 'registry')
                facts.builtRef = b.tag;
            steps = devpodSteps(ctx, facts);
        }
        // 4. the devpod provider: added when missing, options set only when they differ
        const held = providers.get(settings.provider);
        if (!held)
            await devpod.providerAdd(settings.provider, settings.options, ctx.deadline.budget(`devpod provider add ${settings.provider}`, 300_000));
        else {
            const changed = changedOptions(settings.options, held.options);
            if (Object.keys(changed).length > 0)
                await devpod.providerSetOptions(settings.provider, changed, ctx.deadline.budget(`devpod provider set-options ${settings.provider}`, 120_000));
        }
        // 5. what runs now: devpod keeps the image it was given (--devcontainer-image) in its workspace record
        const existing = (await devpod.workspaces()).find((w) => w.id === workspaceId);
        const state = existing ? await devpod.status(workspaceId) : 'NotFound';
        const imageChanged = steps.imageRef !== undefined && (existing?.image !== steps.imageRef || localChanged);
        const result = (skipped) => ({
            url: '',
            skipped,
            built: ctx.image.build,
            image: steps.imageRef,
            digest: steps.imageRef ? (imageId ?? ctx.image.digest) : undefined,
            connect: connectHint(workspaceId),
            extra: { 'workspace-id': workspaceId, 'devpod-provider': settings.provider, devcontainer: steps.devcontainerPath },
        });
        this.writeDevcontainer(ctx, steps);
        if (existing &&
            !ctx.inputs.force &&
            steps.imageRef !== undefined &&
            !imageChanged &&
            existing.provider === settings.provider &&
            existing.devcontainerPath === steps.devcontainerPath &&
            state === 'Running') {
            (0,runner/* info */.pq)(`workspace ${workspaceId} already runs ${steps.imageRef}: nothing to do (force: true recreates it)`);
            return result(true);
        }
        // a workspace of another provider, or one that records an image DevPod would now override a build with, is replaced
        const replace = existing !== undefined && (existing.provider !== settings.provider || (steps.imageRef === undefined && existing.image !== ''));
        if (existing && replace) {
            (0,runner/* info */.pq)(`workspace ${workspaceId} was created ${existing.provider !== settings.provider ? `with provider ${existing.provider}` : `from image ${existing.image}`}: deleting it first`);
            await devpod.delete(workspaceId, ctx.deadline.budget(`devpod delete ${workspaceId}`, 300_000));
        }
        const kept = existing !== undefined && !replace;
        // devpod keeps an existing container on `up`: a new image, file location or a build needs --recreate
        const recreate = ctx.inputs.force || (kept && (imageChanged || steps.imageRef === undefined || existing.devcontainerPath !== steps.devcontainerPath));
        // 6. devpod up; the secrets' env file lives outside the working directory only while devpod reads it
        const tmp = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)(process.env.RUNNER_TEMP || (0,external_node_os_.tmpdir)(), 'sindri-devpod-'));
        const envFile = (0,external_node_path_.join)(tmp, 'workspace.env');
        try {
            if (secrets.values.size > 0)
                (0,external_node_fs_.writeFileSync)(envFile, envText, { mode: 0o600, flag: 'wx' });
            await devpod.up({
                source: '.',
                id: workspaceId,
                provider: settings.provider,
                devcontainerPath: steps.devcontainerPath,
                image: steps.imageRef,
                recreate,
                envFile: secrets.values.size > 0 ? envFile : undefined,
            }, ctx.deadline.budget(`devpod up ${workspaceId}`, ctx.inputs.timeout));
        }
        catch (e) {
            throw await this.upFailed(devpod, workspaceId, kept, e);
        }
        finally {
            (0,external_node_fs_.rmSync)(tmp, { recursive: true, force: true });
        }
        return result(false);
    }
    /**
     * A workspace this run created and devpod could not start is deleted (nothing half-deployed); one
     * that existed before is left as devpod left it, and the line says so.
     */
    async upFailed(devpod, id, existed, e) {
        if (!(e instanceof errors/* ActionError */.lZ))
            return e;
        let what;
        if (existed)
            what = `workspace ${id} existed before and is left as devpod left it (devpod status ${id})`;
        else {
            try {
                const left = (await devpod.workspaces()).some((w) => w.id === id);
                if (left)
                    await devpod.delete(id, 300_000);
                what = left ? `the new workspace ${id} was deleted again` : `no workspace ${id} was left behind`;
            }
            catch {
                what = `removing the new workspace failed too: run devpod delete ${id} --force`;
            }
        }
        return new errors/* ActionError */.lZ(`${e.message.replace(/\.$/, '')}; ${what}`, { where: e.where, fix: e.fix, cause: e });
    }
    writeDevcontainer(ctx, steps) {
        const path = (0,external_node_path_.join)(ctx.workdir, steps.devcontainerPath);
        (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(path), { recursive: true });
        (0,external_node_fs_.writeFileSync)(path, steps.devcontainer.json, { mode: 0o644 });
    }
    async destroy(ctx) {
        const devpod = new DevPod(ctx.exec, ctx.workdir);
        const id = workspaceIdOf(ctx.config, ctx.inputs['name-suffix']);
        const removed = [];
        const exists = (await devpod.workspaces()).some((w) => w.id === id);
        if (exists) {
            await devpod.delete(id, ctx.deadline.budget(`devpod delete ${id}`, ctx.inputs.timeout));
            removed.push(`workspace ${id}`);
        }
        else
            (0,runner/* info */.pq)(`devpod has no workspace ${id}`);
        // only the files we wrote: a user's own devcontainer.json stays
        for (const rel of [DEVCONTAINER_BESIDE, DEVCONTAINER_FILE]) {
            const p = (0,external_node_path_.join)(ctx.workdir, rel);
            if ((0,external_node_fs_.existsSync)(p) && isGenerated((0,external_node_fs_.readFileSync)(p, 'utf8'))) {
                (0,external_node_fs_.rmSync)(p);
                removed.push(`file ${rel}`);
            }
        }
        for (const dir of [(0,external_node_path_.dirname)(DEVCONTAINER_BESIDE), (0,external_node_path_.dirname)(DEVCONTAINER_FILE)]) {
            const p = (0,external_node_path_.join)(ctx.workdir, dir);
            if ((0,external_node_fs_.existsSync)(p) && (0,external_node_fs_.readdirSync)(p).length === 0)
                (0,external_node_fs_.rmdirSync)(p);
        }
        return { removed };
    }
}


/***/ }),

/***/ 2693:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ID: () => (/* binding */ withRegistryAuth)
/* harmony export */ });
/* unused harmony exports buildFacts, buildLabels */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _external_docker_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1855);
/* harmony import */ var _external_git_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1979);
/* harmony import */ var _image_reference_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3564);
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4813);
/**
 * What every provider that builds on the runner needs: the facts a built image is labelled with
 * (`org.opencontainers.image.source` / `revision`, whether buildx is there), and registry credentials
 * for a push or a pull handed to docker in a throw-away DOCKER_CONFIG.
 */






/** buildx (a client probe), the revision and the source URL: no engine call. */
async function buildFacts(ctx) {
    const git = new Git(ctx.exec, ctx.workdir);
    const buildx = await new Docker(ctx.exec, ctx.workdir).buildxAvailable();
    const revision = (await git.revision()) ?? process.env.GITHUB_SHA;
    const server = process.env.GITHUB_SERVER_URL;
    const repo = process.env.GITHUB_REPOSITORY;
    const source = server && repo ? `${server}/${repo}` : publicSourceUrl((await git.remoteUrl()) ?? '');
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
/**
 * Credentials from the inputs for one docker pull or push, in a throw-away DOCKER_CONFIG (the user's
 * stays untouched; the folder lives under RUNNER_TEMP, registered before it is written, removed after):
 * registry-username/password for any registry, github-token for ghcr.io. Without them docker uses the
 * runner's own ~/.docker/config.json, as the registry client does (docs/behaviour.md#registry-authentication).
 */
async function withRegistryAuth(ctx, ref, fn) {
    const registry = (0,_image_reference_js__WEBPACK_IMPORTED_MODULE_4__/* .parseReference */ .F2)(ref).registry;
    const { inputs } = ctx;
    const token = registry.toLowerCase() === 'ghcr.io' ? inputs['github-token'] : '';
    const password = inputs['registry-password'] || token;
    if (!password)
        return await fn();
    const user = inputs['registry-username'] || process.env.GITHUB_ACTOR || 'x-access-token';
    const key = registry === 'docker.io' ? 'https://index.docker.io/v1/' : registry;
    const auth = Buffer.from(`${user}:${password}`).toString('base64');
    (0,_runner_js__WEBPACK_IMPORTED_MODULE_5__/* .setSecret */ .Pq)(auth);
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
