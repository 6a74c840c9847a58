export const id = 654;
export const ids = [654];
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

/***/ 2654:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DockerProvider: () => (/* binding */ DockerProvider),
/* harmony export */   connectHint: () => (/* binding */ connectHint),
/* harmony export */   dockerSteps: () => (/* binding */ dockerSteps),
/* harmony export */   loadComposeBase: () => (/* binding */ loadComposeBase)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_url__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8815);
/* harmony import */ var _external_docker_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1855);
/* harmony import */ var _external_git_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1979);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3916);
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(4813);
/* harmony import */ var _compose_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(3739);
/* harmony import */ var _naming_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(8499);
/* harmony import */ var _kit_build_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(2693);
/* harmony import */ var _kit_notices_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(4723);
/* harmony import */ var _kit_output_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(6032);
/* harmony import */ var _kit_secrets_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(8104);
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
    const rel = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)('templates', 'docker', 'compose.yml');
    const starts = [(0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)((0,node_url__WEBPACK_IMPORTED_MODULE_2__.fileURLToPath)(import.meta.url)), process.argv[1] ? (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(process.argv[1]) : undefined];
    for (const start of starts) {
        for (let dir = start, i = 0; dir && i < 5; dir = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(dir), i++) {
            const path = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, rel);
            if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(path))
                return (baseCache = (0,yaml__WEBPACK_IMPORTED_MODULE_3__/* .parse */ .qg)((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, 'utf8')));
        }
    }
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ActionError */ .lZ(`${rel} was not found beside the action`, {
        fix: 'the action checkout is incomplete: use a released tag such as sindri/deploy-action@v1',
    });
}
function connectHint(container) {
    return `docker exec -it -e HOME=${_compose_js__WEBPACK_IMPORTED_MODULE_8__/* .HOME_MOUNT */ .kV} -u developer -w ${_compose_js__WEBPACK_IMPORTED_MODULE_8__/* .HOME_MOUNT */ .kV} ${container} bash -l`;
}
/** The pure heart: files and commands for a context and what is known about the engine. */
function dockerSteps(ctx, facts) {
    const { config, inputs, image } = ctx;
    const runRef = image.build ? image.ref : image.deployRef;
    const compose = (0,_compose_js__WEBPACK_IMPORTED_MODULE_8__/* .renderCompose */ .J1)({
        config,
        image: runRef,
        base: facts.base,
        secretNames: facts.secretNames,
        engine: facts.engine,
        nameSuffix: inputs['name-suffix'],
    });
    const target = { file: _compose_js__WEBPACK_IMPORTED_MODULE_8__/* .COMPOSE_FILE */ .Uu, project: compose.project };
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
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ActionError */ .lZ('the image decision asks for a build but names no Dockerfile', {
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
            argv: ['docker', ..._external_docker_js__WEBPACK_IMPORTED_MODULE_4__/* .dockerArgv */ .fk.build(build)],
            why: `build ${image.dockerfile}${inputs.force ? ' without cache, pulling the base (force)' : ''}`,
            mutates: true,
        });
    }
    else {
        if (pullPolicy !== 'Always') {
            commands.push({
                argv: ['docker', ..._external_docker_js__WEBPACK_IMPORTED_MODULE_4__/* .dockerArgv */ .fk.imageInspect(runRef)],
                why: `pull_policy ${pullPolicy}: is the image present?`,
                mutates: false,
            });
        }
        if (pullPolicy !== 'Never') {
            commands.push({
                argv: ['docker', ..._external_docker_js__WEBPACK_IMPORTED_MODULE_4__/* .dockerArgv */ .fk.pull(runRef)],
                why: pullPolicy === 'Always' ? 'pull_policy Always' : 'only when the image is not present (pull_policy IfNotPresent)',
                mutates: true,
            });
        }
    }
    const waitSeconds = Math.max(1, Math.floor(inputs.timeout / 1000));
    commands.push({
        argv: ['docker', ..._external_docker_js__WEBPACK_IMPORTED_MODULE_4__/* .dockerArgv */ .fk.up(target, { waitTimeoutSeconds: waitSeconds, forceRecreate: inputs.force })],
        why: `start ${compose.container} and wait until it is running${inputs.force ? ', recreated (force)' : ''} (deploy passes what remains of timeout)`,
        mutates: true,
    });
    const files = [{ path: _compose_js__WEBPACK_IMPORTED_MODULE_8__/* .COMPOSE_FILE */ .Uu, content: compose.yaml }];
    if (facts.secretNames.length > 0) {
        files.push({ path: _compose_js__WEBPACK_IMPORTED_MODULE_8__/* .SECRETS_FILE */ .R_, content: (0,_compose_js__WEBPACK_IMPORTED_MODULE_8__/* .encodeEnvFile */ .q2)(Object.fromEntries(facts.secretNames.map((n) => [n, '***']))), mode: 0o600 });
        notes.push(`${_compose_js__WEBPACK_IMPORTED_MODULE_8__/* .SECRETS_FILE */ .R_} (mode 0600) holds the secret values only while compose starts the container, then it is removed`);
    }
    return { compose, target, pullPolicy, build, files, commands, notes };
}
/** compose's progress lines, left out of the line that says why `up` failed */
const COMPOSE_PROGRESS = /^(Container|Volume|Network) .+ (Creating|Created|Starting|Started|Waiting|Running|Recreate|Recreated)$/;
function sameSecrets(c, secrets) {
    const env = new Set(c.env);
    return [...secrets.values].every(([k, v]) => env.has(`${k}=${v}`));
}
class DockerProvider {
    name = 'docker';
    async plan(ctx) {
        const secrets = (0,_kit_secrets_js__WEBPACK_IMPORTED_MODULE_13__/* .resolveSecrets */ .Mx)(ctx.config);
        const facts = { base: loadComposeBase(), secretNames: [...secrets.values.keys()], buildx: false };
        if (ctx.image.build)
            await this.buildFacts(ctx, facts, new _external_docker_js__WEBPACK_IMPORTED_MODULE_4__/* .Docker */ .Jg(ctx.exec, ctx.workdir));
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
        const git = new _external_git_js__WEBPACK_IMPORTED_MODULE_5__/* .Git */ .T(ctx.exec, ctx.workdir);
        facts.revision = (await git.revision()) ?? process.env.GITHUB_SHA;
        const server = process.env.GITHUB_SERVER_URL;
        const repo = process.env.GITHUB_REPOSITORY;
        facts.source = server && repo ? `${server}/${repo}` : (0,_external_git_js__WEBPACK_IMPORTED_MODULE_5__/* .publicSourceUrl */ .C)((await git.remoteUrl()) ?? '');
    }
    async apply(ctx) {
        const deadline = Date.now() + ctx.inputs.timeout;
        const remaining = () => Math.max(1000, deadline - Date.now());
        // 1. secrets first: a missing required secret fails before anything is touched
        const secrets = (0,_kit_secrets_js__WEBPACK_IMPORTED_MODULE_13__/* .requireSecrets */ .pU)(ctx.config);
        (0,_kit_notices_js__WEBPACK_IMPORTED_MODULE_11__/* .warnNotices */ .o)(ctx.config, secrets.notices);
        const docker = new _external_docker_js__WEBPACK_IMPORTED_MODULE_4__/* .Docker */ .Jg(ctx.exec, ctx.workdir);
        const engine = await docker.info();
        await docker.composeVersion();
        const facts = { base: loadComposeBase(), secretNames: [...secrets.values.keys()], engine, buildx: false };
        if (ctx.image.build)
            await this.buildFacts(ctx, facts, docker);
        const steps = dockerSteps(ctx, facts);
        const { compose, target } = steps;
        for (const w of compose.warnings)
            (0,_runner_js__WEBPACK_IMPORTED_MODULE_7__/* .warning */ .$e)(w, { file: ctx.config.file, title: 'providers.docker' });
        // 2. the name must be ours to replace
        const before = await docker.containerInspect(compose.container);
        if (before && before.labels[_compose_js__WEBPACK_IMPORTED_MODULE_8__/* .PROJECT_LABEL */ .NV] !== compose.project) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ActionError */ .lZ(`a container named ${compose.container} already exists and was not deployed by this action`, {
                where: { file: ctx.config.file, field: 'name' },
                fix: `remove it (docker rm -f ${compose.container}) or change name in ${ctx.config.file}`,
            });
        }
        const unchanged = (imageId) => !ctx.inputs.force &&
            before !== undefined &&
            before.running &&
            before.health !== 'unhealthy' &&
            before.imageId === imageId &&
            before.labels[_compose_js__WEBPACK_IMPORTED_MODULE_8__/* .CONFIG_HASH_LABEL */ .Ni] === compose.hash &&
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
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ActionError */ .lZ(`the build finished but image ${steps.build.tag} is not on the engine`, {
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
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ActionError */ .lZ(`image ${ref} is not present on the Docker engine and pull_policy is Never`, {
                        where: { file: ctx.config.file, field: 'deployment.image_config.pull_policy' },
                        fix: 'pull or load the image before this step, or set pull_policy to IfNotPresent',
                    });
                }
                await (0,_kit_build_js__WEBPACK_IMPORTED_MODULE_10__/* .withRegistryAuth */ .ID)(ctx, ref, (env) => docker.pull(ref, { timeoutMs: remaining(), env }));
                present = await docker.imageInspect(ref);
            }
            if (!present)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ActionError */ .lZ(`image ${ref} was pulled but is not on the engine`, { fix: 'check the Docker engine log' });
            imageId = present.id;
        }
        // 4. files, then compose up; the env file lives only while compose reads it
        for (const f of steps.files.filter((x) => x.path !== _compose_js__WEBPACK_IMPORTED_MODULE_8__/* .SECRETS_FILE */ .R_))
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(ctx.workdir, f.path), f.content, { mode: f.mode ?? 0o644 });
        const secretsPath = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(ctx.workdir, _compose_js__WEBPACK_IMPORTED_MODULE_8__/* .SECRETS_FILE */ .R_);
        const waitSeconds = Math.max(1, Math.floor(remaining() / 1000));
        let up;
        try {
            // a file left at that path keeps its own mode on write: start from none, created 0600
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(secretsPath, { force: true });
            ctx.temps.register(secretsPath); // a cancelled run leaves it: the post step removes it
            if (secrets.values.size > 0)
                (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(secretsPath, (0,_compose_js__WEBPACK_IMPORTED_MODULE_8__/* .encodeEnvFile */ .q2)(secrets.values), { mode: 0o600, flag: 'wx' });
            up = await docker.up(target, { waitTimeoutSeconds: waitSeconds, forceRecreate: ctx.inputs.force }, { timeoutMs: waitSeconds * 1000 + 30_000 });
        }
        finally {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(secretsPath, { force: true });
            ctx.temps.release(secretsPath);
        }
        // 5. readiness: compose's --wait, then (no healthcheck) a container that stays up
        let reason = up.code === 0
            ? ''
            : up.timedOut
                ? `compose did not return within ${waitSeconds} s`
                : (0,_kit_output_js__WEBPACK_IMPORTED_MODULE_12__/* .lastLine */ .f)(up.stderr || up.stdout, COMPOSE_PROGRESS) || `compose exited with code ${up.code}`;
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
        if (reason) {
            const previous = ctx.inputs.rollback && before?.running ? (0,_compose_js__WEBPACK_IMPORTED_MODULE_8__/* .documentFromLabels */ .Tg)(before.labels, ctx.config.file) : undefined;
            if (previous)
                await this.rollBack(ctx, docker, compose, target, waitSeconds, reason, previous, secrets, remaining);
            await this.fail(ctx, docker, compose, target, waitSeconds, reason);
        }
        return {
            url: compose.url,
            skipped: false,
            built: steps.build !== undefined,
            image: steps.build ? steps.build.tag : ctx.image.deployRef,
            digest,
            connect: connectHint(compose.container),
            extra: { container: compose.container, project: compose.project, 'compose-file': _compose_js__WEBPACK_IMPORTED_MODULE_8__/* .COMPOSE_FILE */ .Uu },
        };
    }
    skipped(ctx, compose, image, digest, built) {
        (0,_runner_js__WEBPACK_IMPORTED_MODULE_7__/* .info */ .pq)(`${compose.container} already runs ${image} with this configuration: nothing to do (force: true redeploys)`);
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(ctx.workdir, _compose_js__WEBPACK_IMPORTED_MODULE_8__/* .COMPOSE_FILE */ .Uu), compose.yaml, { mode: 0o644 });
        return {
            url: compose.url,
            skipped: true,
            built,
            image,
            digest,
            connect: connectHint(compose.container),
            extra: { container: compose.container, project: compose.project, 'compose-file': _compose_js__WEBPACK_IMPORTED_MODULE_8__/* .COMPOSE_FILE */ .Uu },
        };
    }
    /**
     * rollback: print the failed container's log, put back the document (and so the digest) the
     * previous container ran, wait for it, and throw one line saying what runs again.
     */
    async rollBack(ctx, docker, compose, target, waitSeconds, reason, previous, secrets, remaining) {
        const logs = await docker.logs(target, LOG_LINES);
        await (0,_runner_js__WEBPACK_IMPORTED_MODULE_7__/* .group */ .Os)(`${compose.container}: last ${LOG_LINES} log lines`, async () => (0,_runner_js__WEBPACK_IMPORTED_MODULE_7__/* .info */ .pq)(logs || '(the container wrote nothing)'));
        (0,_runner_js__WEBPACK_IMPORTED_MODULE_7__/* .info */ .pq)(`rollback: putting back the previous deployment (${previous.image})`);
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(ctx.workdir, _compose_js__WEBPACK_IMPORTED_MODULE_8__/* .COMPOSE_FILE */ .Uu), previous.yaml, { mode: 0o644 });
        const secretsPath = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(ctx.workdir, _compose_js__WEBPACK_IMPORTED_MODULE_8__/* .SECRETS_FILE */ .R_);
        const wait = Math.max(1, Math.floor(remaining() / 1000));
        let up;
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(secretsPath, { force: true });
            if (secrets.values.size > 0)
                (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(secretsPath, (0,_compose_js__WEBPACK_IMPORTED_MODULE_8__/* .encodeEnvFile */ .q2)(secrets.values), { mode: 0o600, flag: 'wx' });
            up = await docker.up(target, { waitTimeoutSeconds: wait, forceRecreate: true }, { timeoutMs: wait * 1000 + 30_000 });
        }
        finally {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(secretsPath, { force: true });
        }
        const back = up.code === 0
            ? 'running again'
            : `but it did not become ready either (${(0,_kit_output_js__WEBPACK_IMPORTED_MODULE_12__/* .lastLine */ .f)(up.stderr || up.stdout, COMPOSE_PROGRESS)}): run docker compose -p ${compose.project} down`;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ActionError */ .lZ(`${compose.container} did not become ready within ${waitSeconds} s: ${reason}; rolled back to ${previous.image}, ${back}`, {
            where: { file: ctx.config.file },
            fix: 'read the container log above; raise the input timeout if it only needs longer',
            extra: { rolledBack: up.code === 0 ? 'true' : 'false', rolledBackTo: previous.image },
        });
    }
    /** Print the container's last log lines, remove what compose started (the home volume stays), throw one line. */
    async fail(ctx, docker, compose, target, waitSeconds, reason) {
        const logs = await docker.logs(target, LOG_LINES);
        await (0,_runner_js__WEBPACK_IMPORTED_MODULE_7__/* .group */ .Os)(`${compose.container}: last ${LOG_LINES} log lines`, async () => (0,_runner_js__WEBPACK_IMPORTED_MODULE_7__/* .info */ .pq)(logs || '(the container wrote nothing)'));
        let cleanup = `it was removed (docker compose down); volume ${compose.volumes.join(', ')} kept`;
        try {
            await docker.down(target, false, { timeoutMs: 120_000 });
        }
        catch {
            cleanup = `removing it failed too: run docker compose -p ${compose.project} down`;
        }
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ActionError */ .lZ(`${compose.container} did not become ready within ${waitSeconds} s: ${reason}; ${cleanup}`, {
            where: { file: ctx.config.file },
            fix: 'read the container log above; raise the input timeout if it only needs longer',
            extra: { rolledBack: 'false' },
        });
    }
    async destroy(ctx) {
        const docker = new _external_docker_js__WEBPACK_IMPORTED_MODULE_4__/* .Docker */ .Jg(ctx.exec, ctx.workdir);
        await docker.composeVersion();
        const container = (0,_naming_js__WEBPACK_IMPORTED_MODULE_9__/* .resourceName */ .I)(ctx.config.name, ctx.inputs['name-suffix']);
        const before = await docker.containerInspect(container);
        // down needs a valid document, not the image: the running container's reference, else a placeholder
        const secretNames = ctx.config.secrets.filter((s) => s.source === 'env').map((s) => s.name);
        const compose = (0,_compose_js__WEBPACK_IMPORTED_MODULE_8__/* .renderCompose */ .J1)({
            config: ctx.config,
            image: before?.imageRef ?? `${ctx.config.name}:destroy`,
            base: loadComposeBase(),
            secretNames,
            nameSuffix: ctx.inputs['name-suffix'],
        });
        const target = { file: _compose_js__WEBPACK_IMPORTED_MODULE_8__/* .COMPOSE_FILE */ .Uu, project: compose.project };
        const label = `${_compose_js__WEBPACK_IMPORTED_MODULE_8__/* .PROJECT_LABEL */ .NV}=${compose.project}`;
        const removed = [];
        if (before && before.labels[_compose_js__WEBPACK_IMPORTED_MODULE_8__/* .PROJECT_LABEL */ .NV] !== compose.project) {
            (0,_runner_js__WEBPACK_IMPORTED_MODULE_7__/* .warning */ .$e)(`container ${compose.container} was not deployed by this action and is left alone`);
        }
        else if (before)
            removed.push(`container ${compose.container}`);
        const volumesBefore = new Set(await docker.volumesWithLabel(label));
        const networksBefore = await docker.networksWithLabel(label);
        const generated = [_compose_js__WEBPACK_IMPORTED_MODULE_8__/* .COMPOSE_FILE */ .Uu, _compose_js__WEBPACK_IMPORTED_MODULE_8__/* .SECRETS_FILE */ .R_].filter((f) => (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(ctx.workdir, f)));
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(ctx.workdir, _compose_js__WEBPACK_IMPORTED_MODULE_8__/* .COMPOSE_FILE */ .Uu), compose.yaml, { mode: 0o644 });
        try {
            await docker.down(target, true, { timeoutMs: ctx.inputs.timeout });
        }
        finally {
            for (const f of [_compose_js__WEBPACK_IMPORTED_MODULE_8__/* .COMPOSE_FILE */ .Uu, _compose_js__WEBPACK_IMPORTED_MODULE_8__/* .SECRETS_FILE */ .R_])
                (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(ctx.workdir, f), { force: true });
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


/***/ }),

/***/ 4723:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   o: () => (/* binding */ warnNotices)
/* harmony export */ });
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4813);

function warnNotices(config, notices) {
    for (const n of notices)
        (0,_runner_js__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e)(n.message, { file: config.file, startLine: n.line, startColumn: n.column, title: n.field });
}


/***/ }),

/***/ 6032:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ lastLine)
/* harmony export */ });
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4813);
/** What a failed command said, for one error line: its last meaningful line, redacted and bounded. */

const ANSI = /\x1b\[[0-9;]*[A-Za-z]/g;
/**
 * The last line of `text` that is not progress chatter (`skip`), redacted, colour codes removed, at
 * most 300 characters; '' when the command printed nothing.
 */
function lastLine(text, skip) {
    const lines = (0,_runner_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E$)(text)
        .split('\n')
        .map((x) => x.replace(ANSI, '').trim())
        .filter(Boolean);
    const meaningful = skip ? lines.filter((x) => !skip.test(x)) : lines;
    return (meaningful.pop() ?? lines.pop() ?? '').slice(0, 300);
}


/***/ })

};
