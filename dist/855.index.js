export const id = 855;
export const ids = [855,104];
export const modules = {

/***/ 9915:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ fieldOf)
/* harmony export */ });
/** `deployment.image_config.digest`, `secrets[2].name` */
function fieldOf(path) {
    let out = '';
    for (const p of path)
        out += typeof p === 'number' ? `[${p}]` : out ? `.${p}` : p;
    return out;
}


/***/ }),

/***/ 697:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ placeOf),
/* harmony export */   F: () => (/* binding */ configError)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _path_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9915);
/**
 * Where a value of sindri.yaml is written, and the one way to fail there: every error about a config
 * value (the loader's, a provider's) names the file, line, column and dotted field, then says what is
 * wrong and how to fix it.
 */


/** The place of `path`; for a key that is not written, the place of its nearest written parent. */
function placeOf(config, path) {
    for (let n = path.length; n > 0; n--) {
        const pos = config.locate(path.slice(0, n));
        if (pos)
            return { file: config.file, line: pos.line, column: pos.column, field: (0,_path_js__WEBPACK_IMPORTED_MODULE_1__/* .fieldOf */ ._)(path) };
    }
    return { file: config.file, field: (0,_path_js__WEBPACK_IMPORTED_MODULE_1__/* .fieldOf */ ._)(path) };
}
/** The error for a config value: `sindri.yaml:12:5: providers.fly.region: <what>. Fix: <fix>` */
function configError(config, path, what, fix) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(what, { where: placeOf(config, path), fix });
}


/***/ }),

/***/ 1855:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hx: () => (/* binding */ DOCKER_ENV),
/* harmony export */   JW: () => (/* binding */ requireRecentCompose),
/* harmony export */   Jg: () => (/* binding */ Docker),
/* harmony export */   Jw: () => (/* binding */ enginePaths),
/* harmony export */   Kn: () => (/* binding */ buildSecretEnv),
/* harmony export */   fk: () => (/* binding */ dockerArgv)
/* harmony export */ });
/* unused harmony exports needsBuildKit, isNameConflict, ASK_IMAGE, pairInspect, projectContainersOf, labelledContainersOf, composeIsRecentEnough */
/* harmony import */ var _deadline_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6683);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4813);
/* harmony import */ var _docker_engine_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2598);
/* harmony import */ var _env_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6572);
/**
 * The `docker` CLI (engine, buildx, compose v2). Every operation is a method that assembles argv
 * and calls one private `execute` over src/external/exec.ts. The argv builders are exported as
 * `dockerArgv` so the plan prints exactly the commands deploy runs. The short reads and the deploy
 * lock's create and remove go to the Engine API in-process instead (docker-engine.ts, ADR 0048)
 * where the CLI would use the local socket as is; the choice is made here, once per instance.
 */





/** The variable that carries the i-th build secret's value to buildx (set for that one process only). */
function buildSecretEnv(i) {
    return `SINDRI_BUILD_SECRET_${i + 1}`;
}
/** Whether a build needs BuildKit features the classic builder lacks (caches, secrets). */
function needsBuildKit(spec) {
    return spec.cacheFrom.length + spec.cacheTo.length + spec.secretIds.length > 0;
}
/** Pure argv builders: shared by `Docker` and by the provider's plan. */
const dockerArgv = {
    pull: (ref) => ['pull', ref],
    push: (ref) => ['push', ref],
    imageInspect: (ref) => ['image', 'inspect', '--format', '{{json .}}', ref],
    /** a container and an image in one process: read by `pairInspect` */
    inspectPair: (name, ref) => ['inspect', '--format', '{{json .}}', name, ref],
    build(spec) {
        // caches and secrets are BuildKit's: the install phase puts buildx there whenever they are asked for
        const args = spec.buildx || needsBuildKit(spec) ? ['buildx', 'build', '--load'] : ['build'];
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
        for (const c of spec.cacheFrom)
            args.push('--cache-from', c.line);
        for (const c of spec.cacheTo)
            args.push('--cache-to', c.line);
        spec.secretIds.forEach((id, i) => args.push('--secret', `id=${id},env=${buildSecretEnv(i)}`));
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
    /** every container (running or not) carrying `label` (`key=value`), as `ID<TAB>state<TAB>value of label key show` */
    containersByLabel: (label, show) => [
        'ps',
        '-a',
        '--no-trunc',
        '--filter',
        `label=${label}`,
        '--format',
        `{{.ID}}\t{{.State}}\t{{.Label "${show}"}}`,
    ],
    removeContainers: (ids) => ['container', 'rm', '-f', ...ids],
    /**
     * every container (running or not) of a compose project that compose itself lists (it carries a
     * config hash label, compose's own filter), as `name<TAB>state<TAB>service label<TAB>one-off label`
     */
    projectContainers: (project) => [
        'ps',
        '-a',
        '--no-trunc',
        '--filter',
        `label=com.docker.compose.project=${project}`,
        '--filter',
        'label=com.docker.compose.config-hash',
        '--format',
        '{{.Names}}\t{{.State}}\t{{.Label "com.docker.compose.service"}}\t{{.Label "com.docker.compose.oneoff"}}',
    ],
};
/** The Engine API requests of the in-process path (ADR 0048): shared by `Docker` and by the provider's plan. */
const enginePaths = {
    info: () => '/info',
    container: (name) => `/containers/${(0,_docker_engine_js__WEBPACK_IMPORTED_MODULE_3__/* .pathSegment */ .pn)(name)}/json`,
    image: (ref) => `/images/${(0,_docker_engine_js__WEBPACK_IMPORTED_MODULE_3__/* .pathSegment */ .pn)(ref)}/json`,
    create: (name) => `/containers/create?${new URLSearchParams({ name }).toString()}`,
    remove: (name) => `/containers/${(0,_docker_engine_js__WEBPACK_IMPORTED_MODULE_3__/* .pathSegment */ .pn)(name)}?force=true`,
    /** what `dockerArgv.containersByLabel` lists: `docker ps -a` with the one label filter (`key=value`) */
    containersByLabel: (label) => listedWith([label]),
    /** what `dockerArgv.projectContainers` lists: `docker ps -a` with the same two label filters */
    projectContainers: (project) => listedWith([`com.docker.compose.project=${project}`, 'com.docker.compose.config-hash']),
};
/** GET /containers/json of every container, running or not (`docker ps -a`), carrying all of `labels`. */
function listedWith(labels) {
    return `/containers/json?${new URLSearchParams({ all: 'true', filters: JSON.stringify({ label: labels }) }).toString()}`;
}
/** Why the name is taken, from `docker container create`'s error: a conflict, or something else. */
function isNameConflict(stderr) {
    return /Conflict\. The container name .* is already in use|is already in use by container/i.test(stderr);
}
/** What docker, buildx and compose read (engine address, config, TLS), and cloud credentials for credential helpers. */
const DOCKER_ENV = [/^DOCKER_/, /^BUILDX_/, /^BUILDKIT_/, /^COMPOSE_/, ..._env_js__WEBPACK_IMPORTED_MODULE_4__/* .CLOUD_ENV */ .sG];
function containerStateOf(j) {
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
function imageStateOf(j) {
    return { id: j.Id, repoDigests: j.RepoDigests ?? [], repoTags: j.RepoTags ?? [] };
}
/** `pairInspect`'s answer for a ref that named a container: the image is not known from this call. */
const ASK_IMAGE = 'ask the image on its own';
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
/**
 * Read `docker inspect --format '{{json .}}' <name> <ref>` (no `--type`: the CLI asks each argument
 * as a container, then an image, then a network, a volume, …, and prints the first object found, one
 * line per argument found, in argument order; each argument found as nothing gets `Error: No such
 * object: <arg>` on stderr and the exit code is 1). So: the lines belong to the arguments stderr
 * does not name, in order; `name` found as anything but a container means no container has that name
 * (containers are asked first); `ref` found as a container says nothing of the image (ASK_IMAGE), as
 * a network or volume means no image has that name. Undefined when the answer does not add up (another
 * error, a line count that does not match, JSON that is neither): the caller asks each on its own.
 */
function pairInspect(r, name, ref) {
    if (name === ref)
        return undefined;
    const missing = new Set();
    for (const line of r.stderr.split('\n').filter((l) => l.trim() !== '')) {
        const m = /^Error: No such object: (.+)$/.exec(line.trim());
        if (!m)
            return undefined;
        missing.add(m[1]);
    }
    if (r.code !== 0 && missing.size === 0)
        return undefined;
    if (r.code === 0 && missing.size > 0)
        return undefined;
    const found = [name, ref].filter((a) => !missing.has(a));
    if (missing.size + found.length !== 2)
        return undefined;
    let objects;
    try {
        objects = r.stdout
            .split('\n')
            .filter((l) => l.trim() !== '')
            .map((l) => JSON.parse(l));
    }
    catch {
        return undefined;
    }
    if (objects.length !== found.length || !objects.every(isObject))
        return undefined;
    const of = (arg) => {
        const i = found.indexOf(arg);
        return i < 0 ? undefined : objects[i];
    };
    const isContainer = (j) => isObject(j.State) && isObject(j.Config) && typeof j.Name === 'string';
    const isImage = (j) => typeof j.Id === 'string' && 'RepoTags' in j && !('State' in j);
    const c = of(name);
    const i = of(ref);
    const container = c && isContainer(c) ? containerStateOf(c) : undefined;
    if (!i)
        return { container, image: undefined };
    if (isContainer(i))
        return { container, image: ASK_IMAGE };
    return { container, image: isImage(i) ? imageStateOf(i) : undefined };
}
class Docker {
    exec;
    cwd;
    host;
    /** `host`: an engine address other than the runner's own (DOCKER_HOST for every call), e.g. a devpod provider's option */
    constructor(exec, cwd, host) {
        this.exec = exec;
        this.cwd = cwd;
        this.host = host;
    }
    async execute(args, opts = {}) {
        const env = this.host ? { ...opts.env, DOCKER_HOST: this.host } : opts.env;
        return await this.exec.run('docker', args, { cwd: this.cwd, pass: DOCKER_ENV, ...opts, env });
    }
    chosen;
    /**
     * The engine in-process where the CLI would use the local socket as is (resolved once, as the CLI
     * resolves it: docker-engine.ts); undefined when the CLI is asked instead, said once in the log.
     */
    engine() {
        if (!this.chosen) {
            const r = (0,_docker_engine_js__WEBPACK_IMPORTED_MODULE_3__/* .resolveDockerEngine */ .vl)(process.env, this.host);
            this.chosen = r.ok ? { engine: new _docker_engine_js__WEBPACK_IMPORTED_MODULE_3__/* .DockerEngine */ .nc(r) } : { reason: r.reason };
            if (!r.ok)
                (0,_runner_js__WEBPACK_IMPORTED_MODULE_2__/* .info */ .pq)(`docker engine reads through the docker CLI (${r.reason}, which this action leaves to the CLI)`);
        }
        return 'engine' in this.chosen ? this.chosen.engine : undefined;
    }
    /** Whether the short reads and the lock go to the Engine API in-process (the plan lists them so). */
    get inProcess() {
        return this.engine() !== undefined;
    }
    /**
     * One Engine API request within `timeoutMs`, capped by the run's deadline as exec caps a command:
     * past the deadline it fails with the deadline's error, past its own time with one line, as the
     * command would have. An engine that cannot be reached is an error (`fix`), never an answer.
     */
    async ask(engine, method, path, opts) {
        const clock = this.exec.deadline;
        const { timeoutMs, capped } = clock.cap(opts.timeoutMs, `the Docker engine could be asked (${method} ${path})`);
        const shown = (0,_docker_engine_js__WEBPACK_IMPORTED_MODULE_3__/* .engineLine */ .Rm)(method, path);
        (0,_runner_js__WEBPACK_IMPORTED_MODULE_2__/* .info */ .pq)(shown);
        const started = Date.now();
        try {
            return await engine.request(method, path, timeoutMs, opts.body);
        }
        catch (e) {
            if (e instanceof _docker_engine_js__WEBPACK_IMPORTED_MODULE_3__/* .EngineTimeout */ .Sr) {
                if (capped)
                    throw clock.stopped(shown, Date.now() - started);
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`\`${shown}\` did not answer within ${Math.round(timeoutMs / 1000)} s and was stopped`, {
                    fix: opts.fix ?? 'check the Docker engine (docker info), or raise the input timeout',
                });
            }
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`the Docker engine at ${engine.address} could not be reached (${method} ${path}): ${e.message}`, {
                fix: opts.fix ?? ENGINE_FIX,
            });
        }
    }
    /** A GET whose 404 means "not there" (undefined); any other answer but 200 is an error. */
    async read(engine, path, timeoutMs, fix) {
        const a = await this.ask(engine, 'GET', path, { timeoutMs, fix });
        if (a.status === 404)
            return undefined;
        if (a.status !== 200)
            throw engineRefused('GET', path, a, fix);
        return JSON.parse(a.body);
    }
    /** A GET of a container list (GET /containers/json?…): any answer but 200 is an error. */
    async list(engine, path, opts) {
        const a = await this.ask(engine, 'GET', path, opts);
        if (a.status !== 200)
            throw engineRefused('GET', path, a, opts.fix);
        return JSON.parse(a.body);
    }
    /** `docker info` (GET /info in-process): runtimes (sysbox), CPU count; fails clearly when no engine answers. */
    async info(opts = {}) {
        const fix = 'start the Docker engine on the runner (or set DOCKER_HOST), or use mode: plan to render without an engine';
        const engine = this.engine();
        let j;
        if (engine) {
            j = await this.read(engine, enginePaths.info(), opts.timeoutMs ?? 30_000, fix);
            if (!j)
                throw engineRefused('GET', enginePaths.info(), { status: 404, body: '' }, fix);
        }
        else {
            const r = await this.execute(['info', '--format', '{{json .}}'], { timeoutMs: opts.timeoutMs ?? 30_000, fix });
            j = JSON.parse(r.stdout);
        }
        return { runtimes: Object.keys(j.Runtimes ?? {}), cpus: j.NCPU ?? 1, serverVersion: j.ServerVersion ?? '' };
    }
    /**
     * `docker compose version --short`, failing with a fix when the compose v2 plugin is missing or
     * older than 2.24 (the generated file uses `env_file` with `required: false`). A provider that has
     * the version from the install phase calls `requireRecentCompose` instead of starting this process.
     */
    async composeVersion() {
        const r = await this.execute(['compose', 'version', '--short'], { timeoutMs: 30_000, fix: COMPOSE_FIX });
        return requireRecentCompose(r.stdout.trim());
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
        const engine = this.engine();
        if (engine) {
            const j = await this.read(engine, enginePaths.image(ref), 30_000);
            return j && imageStateOf(j);
        }
        const r = await this.execute(dockerArgv.imageInspect(ref), { allowFailure: true, timeoutMs: 30_000 });
        if (r.code !== 0)
            return undefined;
        return imageStateOf(JSON.parse(r.stdout));
    }
    /**
     * What runs under the container's name and whether image `ref` is on the engine, in one process
     * (`docker inspect <name> <ref>`, issue 25) where its answer says which is which (`pairInspect`);
     * else the two inspects, side by side.
     */
    async inspectContainerAndImage(name, ref) {
        if (this.engine()) {
            // in-process: two requests side by side, each asking one kind, so nothing to untangle
            const [container, image] = await Promise.all([this.containerInspect(name), this.imageInspect(ref)]);
            return { container, image };
        }
        const r = await this.execute(dockerArgv.inspectPair(name, ref), { allowFailure: true, timeoutMs: 30_000 });
        const pair = pairInspect(r, name, ref);
        if (!pair) {
            const [container, image] = await Promise.all([this.containerInspect(name), this.imageInspect(ref)]);
            return { container, image };
        }
        // the ref named a container (a bare name like `web`): whether the image is there is asked on its own
        return { container: pair.container, image: pair.image === ASK_IMAGE ? await this.imageInspect(ref) : pair.image };
    }
    async pull(ref, opts = {}) {
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
    /**
     * Build; `secrets` holds the value of every id in `spec.secretIds`. Each value reaches buildx in
     * its own environment only (never argv, never a file), and BuildKit mounts it for the RUN steps
     * that ask for it, outside every layer. A gha cache gets the runner's cache service variables.
     */
    async build(spec, opts = {}) {
        const env = {};
        spec.secretIds.forEach((id, i) => {
            const secret = opts.secrets?.find((s) => s.id === id);
            if (!secret)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`build secret ${id} has no value`, { fix: 'pass it in input build-secrets as id=value' });
            env[buildSecretEnv(i)] = secret.value;
        });
        if ([...spec.cacheFrom, ...spec.cacheTo].some((c) => c.type === 'gha'))
            Object.assign(env, (0,_env_js__WEBPACK_IMPORTED_MODULE_4__/* .ghaCacheEnv */ .o7)(process.env));
        await this.execute(dockerArgv.build(spec), { timeoutMs: opts.timeoutMs, stream: true, fix: opts.fix, env });
    }
    async containerInspect(name) {
        const engine = this.engine();
        if (engine) {
            const j = await this.read(engine, enginePaths.container(name), 30_000);
            return j && containerStateOf(j);
        }
        const r = await this.execute(['container', 'inspect', '--format', '{{json .}}', name], { allowFailure: true, timeoutMs: 30_000 });
        if (r.code !== 0)
            return undefined;
        return containerStateOf(JSON.parse(r.stdout));
    }
    async up(t, o, opts = {}) {
        return await this.execute(dockerArgv.up(t, o), { timeoutMs: opts.timeoutMs, env: opts.env, stream: true, allowFailure: true });
    }
    async down(t, volumes, opts = {}) {
        await this.execute(dockerArgv.down(t, volumes), {
            timeoutMs: opts.timeoutMs,
            stream: true,
            fix: `remove it by hand: docker compose -p ${t.project} down`,
        });
    }
    /**
     * `docker exec <container> /bin/sh -c <command>`: the command line is ONE argument, run by the
     * container's own shell, never ours; a non-zero exit (or a timeout) is a result, not an error.
     */
    async execShell(container, command, timeoutMs) {
        return await this.execute(['exec', container, '/bin/sh', '-c', command], { allowFailure: true, timeoutMs });
    }
    async logs(t, tail) {
        const r = await this.execute(dockerArgv.logs(t, tail), { allowFailure: true, timeoutMs: 30_000 });
        return (r.stdout + r.stderr).trimEnd();
    }
    /**
     * `docker container create --name <name>` (never started, no network): the engine refuses a second
     * container of one name, so it serves as a lock. A taken name is a result (`conflict`), not an error.
     * In-process: POST /containers/create, 409 = the name is taken. An image the engine does not have
     * (404) goes to the CLI's `container create`, which pulls it first, as it always did.
     */
    async createMarker(name, image, labels) {
        const engine = this.engine();
        if (engine) {
            const path = enginePaths.create(name);
            const a = await this.ask(engine, 'POST', path, {
                timeoutMs: 30_000,
                body: { Image: image, Labels: labels, HostConfig: { NetworkMode: 'none' } },
            });
            if (a.status === 201)
                return { made: true };
            if (a.status === 409)
                return { conflict: true };
            if (a.status !== 404)
                return { failed: (0,_docker_engine_js__WEBPACK_IMPORTED_MODULE_3__/* .engineMessage */ .g4)(a) };
            (0,_runner_js__WEBPACK_IMPORTED_MODULE_2__/* .info */ .pq)(`${image} is not on the engine: the lock is created by the docker CLI, which pulls it`);
        }
        const args = ['container', 'create', '--name', name, '--network', 'none'];
        for (const [k, v] of Object.entries(labels))
            args.push('--label', `${k}=${v}`);
        const r = await this.execute([...args, image], { allowFailure: true, timeoutMs: 30_000 });
        if (r.code === 0)
            return { made: true };
        if (isNameConflict(r.stderr))
            return { conflict: true };
        return { failed: r.stderr.trim().split('\n').pop() || `exit code ${r.code}` };
    }
    /** `docker container rm -f <name>`; a missing one is fine, so is any other failure (the lock's time says when it is stale). */
    async removeContainer(name) {
        const engine = this.engine();
        if (!engine) {
            await this.execute(dockerArgv.removeContainers([name]), { allowFailure: true, timeoutMs: 30_000 });
            return;
        }
        try {
            await this.ask(engine, 'DELETE', enginePaths.remove(name), { timeoutMs: 30_000 });
        }
        catch (e) {
            if ((0,_deadline_js__WEBPACK_IMPORTED_MODULE_0__/* .isDeadlineExceeded */ .A)(e))
                throw e;
        }
    }
    /** Every container carrying `label` (`key=value`), with the value of its label `show`. */
    async containersByLabel(label, show, opts) {
        const engine = this.engine();
        if (engine)
            return labelledContainersOf(await this.list(engine, enginePaths.containersByLabel(label), opts), show);
        const r = await this.execute(dockerArgv.containersByLabel(label, show), opts);
        return lines(r.stdout).map((l) => {
            const [id = '', state = '', shown = ''] = l.split('\t');
            return { id, running: state === 'running', shown };
        });
    }
    /** The containers of a compose project, running or not (read-only). */
    async projectContainers(project, opts) {
        const engine = this.engine();
        if (engine)
            return projectContainersOf(await this.list(engine, enginePaths.projectContainers(project), opts));
        const r = await this.execute(dockerArgv.projectContainers(project), opts);
        return lines(r.stdout).map((l) => {
            const [name = '', state = '', service = '', oneoff = ''] = l.split('\t');
            return { name, state, service, oneoff };
        });
    }
    /** `docker container rm -f` of these containers; a failure is an error with `fix`. */
    async removeContainers(ids, opts) {
        await this.execute(dockerArgv.removeContainers(ids), opts);
    }
    /** ids of the containers, running or not, carrying every one of `labels` (`key=value`, or `key` for any value) */
    async containersWithLabels(labels) {
        const filters = labels.flatMap((l) => ['--filter', `label=${l}`]);
        const r = await this.execute(['container', 'ls', '--all', '--quiet', '--no-trunc', ...filters], { timeoutMs: 30_000 });
        return lines(r.stdout);
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
/**
 * GET /containers/json as `docker ps -a --no-trunc --format '{{.Names}}\t{{.State}}\t{{.Label …}}'`
 * prints it: in the engine's order (newest first; the CLI does not sort), every name without its
 * leading `/`, joined by `,` (`--no-trunc` keeps legacy link names too), a missing label as ''.
 */
function projectContainersOf(list) {
    return list.map((c) => ({
        name: (c.Names ?? []).map((n) => n.slice(1)).join(','),
        state: c.State ?? '',
        service: c.Labels?.['com.docker.compose.service'] ?? '',
        oneoff: c.Labels?.['com.docker.compose.oneoff'] ?? '',
    }));
}
/**
 * GET /containers/json as `docker ps -a --no-trunc --format '{{.ID}}\t{{.State}}\t{{.Label "<show>"}}'`
 * prints it: in the engine's order (the CLI does not sort), the full id (`--no-trunc`), running when
 * the state is `running`, a missing label as ''.
 */
function labelledContainersOf(list, show) {
    return list.map((c) => ({ id: c.Id ?? '', running: c.State === 'running', shown: c.Labels?.[show] ?? '' }));
}
const ENGINE_FIX = 'check the Docker engine (docker info), then run again';
/** An answer the CLI would have failed on, in the engine's words (as the CLI prints them). */
function engineRefused(method, path, a, fix) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`\`${(0,_docker_engine_js__WEBPACK_IMPORTED_MODULE_3__/* .engineLine */ .Rm)(method, path)}\` failed (${a.status}): Error response from daemon: ${(0,_docker_engine_js__WEBPACK_IMPORTED_MODULE_3__/* .engineMessage */ .g4)(a)}`, {
        fix: fix ?? ENGINE_FIX,
    });
}
function lines(s) {
    return s
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
}
const COMPOSE_FIX = 'install the Docker Compose v2 plugin (2.24 or later) on the runner';
/** The version itself when it is 2.24 or later, else the error that says so. */
function requireRecentCompose(version) {
    if (!composeIsRecentEnough(version))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`Docker Compose ${version || '(unknown version)'} is too old`, { fix: COMPOSE_FIX });
    return version;
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

/***/ 3774:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fj: () => (/* binding */ hasHealthCheck),
/* harmony export */   Ns: () => (/* binding */ checkHealth),
/* harmony export */   gZ: () => (/* binding */ healthUrl)
/* harmony export */ });
/* unused harmony exports HEALTH_BACKOFF_MS, ATTEMPT_TIMEOUT_MS */
/* harmony import */ var _domain_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9375);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4813);
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8992);




/** Backoff between attempts: 0.5 s, 1 s, 2 s, 4 s, then every 5 s. */
const HEALTH_BACKOFF_MS = [500, 1000, 2000, 4000, 5000];
/** One attempt (a GET, a command) takes at most this. */
const ATTEMPT_TIMEOUT_MS = 10_000;
const hasHealthCheck = (spec) => spec.url !== '' || spec.command !== '';
/** The absolute URL of the check, or the reason there is none (a path with a provider that has no url). */
function healthUrl(spec, deploymentUrl) {
    if (!spec.url || !spec.url.startsWith('/'))
        return spec.url;
    if (!deploymentUrl)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`health-url ${spec.url} is a path, but this deployment has no url to join it to`, {
            where: { field: 'input health-url' },
            fix: 'give a whole URL (https://host/path), or use health-command to check from inside the deployment',
        });
    return new URL(spec.url, deploymentUrl.endsWith('/') ? deploymentUrl : `${deploymentUrl}/`).toString();
}
/**
 * Check until healthy, `health-timeout` passes, or `deadline` (the rollout's share of the run) ends.
 * Never throws for an unhealthy target: the caller decides (roll back, fail).
 */
async function checkHealth(spec, target, deadline) {
    const url = healthUrl(spec, target.url);
    if (spec.command && !target.runInside)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`health-command cannot run inside ${target.name}: this provider offers no way in`, {
            where: { field: 'input health-command' },
            fix: 'use health-url instead',
        });
    const what = [url ? `GET ${url}` : '', spec.command ? `\`${spec.command}\` in ${target.name}` : ''].filter(Boolean).join(' and ');
    const limit = deadline.within(spec.timeoutMs);
    const started = Date.now();
    let attempts = 0;
    let last = '';
    for (;;) {
        attempts++;
        const failure = (url ? await getOnce(url, limit) : '') || (spec.command ? await commandOnce(spec.command, target, limit) : '');
        const elapsed = ((Date.now() - started) / 1000).toFixed(1);
        if (!failure) {
            (0,_runner_js__WEBPACK_IMPORTED_MODULE_2__/* .info */ .pq)(`health: ${what} passed (attempt ${attempts}, ${elapsed} s)`);
            return { healthy: true, attempts, waitedMs: Date.now() - started, what, last: '' };
        }
        last = (0,_domain_js__WEBPACK_IMPORTED_MODULE_0__/* .clip */ .$Q)((0,_text_js__WEBPACK_IMPORTED_MODULE_3__/* .oneLine */ .TN)((0,_runner_js__WEBPACK_IMPORTED_MODULE_2__/* .redact */ .E$)(failure)), 500);
        (0,_runner_js__WEBPACK_IMPORTED_MODULE_2__/* .info */ .pq)(`health: ${what} failed (attempt ${attempts}, ${elapsed} s): ${last}`);
        const pause = HEALTH_BACKOFF_MS[Math.min(attempts - 1, HEALTH_BACKOFF_MS.length - 1)];
        if (limit.remaining() <= pause)
            return { healthy: false, attempts, waitedMs: Date.now() - started, what, last };
        await new Promise((r) => setTimeout(r, pause));
    }
}
/** One GET; '' when it answered 2xx or 3xx (redirects are not followed), else what went wrong. */
async function getOnce(url, limit) {
    const ms = Math.min(ATTEMPT_TIMEOUT_MS, limit.remaining());
    if (ms <= 0)
        return 'no time left for another attempt';
    try {
        const res = await fetch(url, { method: 'GET', redirect: 'manual', signal: AbortSignal.timeout(ms) });
        await res.body?.cancel().catch(() => undefined);
        return res.status >= 200 && res.status < 400 ? '' : `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`;
    }
    catch (e) {
        const cause = e.cause;
        return e.name === 'TimeoutError'
            ? `no answer within ${Math.round(ms / 100) / 10} s`
            : (cause?.code ?? cause?.message ?? e.message);
    }
}
/** One run of the command inside the deployment; '' when it exited 0, else its exit code and last output line. */
async function commandOnce(command, target, limit) {
    if (limit.remaining() <= 0)
        return 'no time left for another attempt';
    const ms = Math.min(ATTEMPT_TIMEOUT_MS, limit.remaining());
    const r = await target.runInside(command, ms);
    if (r.timedOut)
        return `no exit within ${Math.round(ms / 100) / 10} s`;
    if (r.code === 0)
        return '';
    const out = `${r.stderr}\n${r.stdout}`
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)
        .pop();
    return `exit code ${r.code}${out ? `: ${out}` : ''}`;
}


/***/ }),

/***/ 4971:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Qr: () => (/* binding */ checkDeployment),
/* harmony export */   mc: () => (/* binding */ healthSpec),
/* harmony export */   zO: () => (/* binding */ healthyOf)
/* harmony export */ });
/* harmony import */ var _health_check_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3774);

function healthSpec(inputs) {
    return { url: inputs['health-url'], command: inputs['health-command'], timeoutMs: inputs['health-timeout'] };
}
/** The check, or undefined when neither input asks for one (the provider's own readiness decides). */
async function checkDeployment(inputs, target, deadline) {
    const spec = healthSpec(inputs);
    return (0,_health_check_js__WEBPACK_IMPORTED_MODULE_0__/* .hasHealthCheck */ .Fj)(spec) ? await (0,_health_check_js__WEBPACK_IMPORTED_MODULE_0__/* .checkHealth */ .Ns)(spec, target, deadline) : undefined;
}
/** `unknown` when no check ran. */
function healthyOf(outcome) {
    return outcome ? String(outcome.healthy) : 'unknown';
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
        (0,_runner_js__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e)(n.message, { file: (0,_runner_js__WEBPACK_IMPORTED_MODULE_0__/* .annotationFile */ .yl)(config.path), startLine: n.line, startColumn: n.column, title: n.field });
}


/***/ }),

/***/ 8104:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DELIVERED_SOURCES: () => (/* binding */ DELIVERED_SOURCES),
/* harmony export */   expandSecretPath: () => (/* binding */ expandSecretPath),
/* harmony export */   missingSecretsError: () => (/* binding */ missingSecretsError),
/* harmony export */   parseDotenv: () => (/* binding */ parseDotenv),
/* harmony export */   requireSecrets: () => (/* binding */ requireSecrets),
/* harmony export */   resolveSecrets: () => (/* binding */ resolveSecrets)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4813);
/**
 * `secrets[]` for every provider (docs/behaviour.md#secrets, docs/upstream.md#secrets). `source: env`:
 * upstream's lookup order, the environment, then `.env.local`, then `.env` (both beside sindri.yaml),
 * then `fromFile`. `source: file`: the content of the file at `path` (relative to sindri.yaml's
 * folder), read at deploy time and handed over as the variable `name`. An empty value counts as unset
 * (a workflow `${{ secrets.X }}` that does not exist is an empty string). Every value found is masked
 * at once. `vault` and `s3` are never read by the action (they come in through env, ADR 0025). A
 * `required` secret that cannot be delivered, whatever its source, fails here, before anything is started.
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
/** `~` and `$VAR` / `${VAR}` expanded, relative paths against the config dir (docs/upstream.md#secrets). */
function expandSecretPath(path, dir, env) {
    let p = path.replace(/^~(?=$|\/)/, (0,node_os__WEBPACK_IMPORTED_MODULE_1__.homedir)());
    p = p.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (_, a, b) => env[(a ?? b)] ?? '');
    return (0,node_path__WEBPACK_IMPORTED_MODULE_2__.isAbsolute)(p) ? p : (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(dir, p);
}
function readDotenv(dir, file) {
    const path = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, file);
    return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(path) ? parseDotenv((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, 'utf8')) : new Map();
}
/** The sources whose values the action reads and hands to the deployment (vault and s3 come in through env). */
const DELIVERED_SOURCES = ['env', 'file'];
/**
 * A secret file's text without its one trailing newline; undefined when there is no readable regular
 * file (a folder, a missing file: the secret is then unset, and a required one fails by name).
 */
function readSecretFile(file) {
    try {
        if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(file).isFile())
            return undefined;
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file, 'utf8').replace(/\r?\n$/, '') || undefined;
    }
    catch {
        return undefined;
    }
}
/** Find the values of every `source: env` and `source: file` secret. Pure apart from reading the files named above. */
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
        if (secret.source === 'vault' || secret.source === 's3') {
            if (secret.required)
                missingRequired.push(secret.name);
            else
                notices.push({
                    ...where,
                    message: `secret ${secret.name} (source: ${secret.source}) is not handed to the deployment: the action reads env and file secrets; bring it in through env (docs/configuration.md#secrets)`,
                });
            return;
        }
        let value = secret.source === 'env' ? env[secret.name] || undefined : undefined;
        let origin = secret.source === 'file' ? 'file' : 'env';
        if (secret.source === 'file')
            value = secret.path ? readSecretFile(expandSecretPath(secret.path, config.dir, env)) : undefined;
        else if (value === undefined) {
            local ??= readDotenv(config.dir, '.env.local');
            value = local.get(secret.name) || undefined;
            origin = '.env.local';
        }
        if (value === undefined) {
            dotenv ??= readDotenv(config.dir, '.env');
            value = dotenv.get(secret.name) || undefined;
            origin = '.env';
        }
        if (value === undefined && secret.source === 'env' && secret.fromFile) {
            value = readSecretFile(expandSecretPath(secret.fromFile, config.dir, env));
            origin = 'fromFile';
        }
        if (value === undefined) {
            if (secret.required)
                missingRequired.push(secret.name);
            else
                notices.push({ ...where, message: `secret ${secret.name} is not set; the deployment runs without it` });
            return;
        }
        (0,_runner_js__WEBPACK_IMPORTED_MODULE_4__/* .setSecret */ .Pq)(value);
        values.set(secret.name, value);
        origins.set(secret.name, origin);
    });
    return { values, origins, missingRequired, notices };
}
/**
 * The one line for required secrets that cannot be delivered, about the first of them (in config
 * order): its source says why and what to do.
 */
function missingSecretsError(config, missing) {
    const i = config.secrets.findIndex((s) => s.name === missing[0]);
    const secret = config.secrets[i];
    const at = i === -1 ? undefined : config.locate(['secrets', i]);
    const where = { file: config.file, line: at?.line, column: at?.column, field: i === -1 ? 'secrets' : `secrets[${i}]` };
    const plural = missing.length > 1;
    const name = missing[0];
    // several: all are named, the first one's reason is told
    const subject = plural ? `required secrets ${missing.join(', ')} cannot be delivered: ${name}` : `required secret ${name}`;
    if (secret?.source === 'vault' || secret?.source === 's3') {
        const fetch = secret.source === 'vault' ? 'hashicorp/vault-action' : 'aws-actions/configure-aws-credentials, then aws s3 cp';
        return new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ActionError */ .lZ(`${subject} has source: ${secret.source}, which the action does not read, so it cannot be delivered`, {
            where,
            fix: `fetch it in an earlier step (${fetch}), pass it to this step as env ${name}, and write source: env (docs/configuration.md#secrets)`,
        });
    }
    if (secret?.source === 'file') {
        const why = secret.path ? `its path ${secret.path} is not a readable, non-empty file` : 'it has no path';
        return new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ActionError */ .lZ(`${subject} (source: file) is not set: ${why}`, {
            where,
            fix: secret.path
                ? `create ${secret.path} (relative to the folder of ${config.file}) in an earlier step, or correct path`
                : `add path: <file relative to ${config.file}> to ${name}`,
        });
    }
    return new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ActionError */ .lZ(`required secret${plural ? 's' : ''} ${missing.join(', ')} ${plural ? 'are' : 'is'} not set`, {
        where,
        fix: `pass ${plural ? 'them' : 'it'} to the step (env: ${name}: \${{ secrets.${name} }}), or put ${plural ? 'them' : 'it'} in .env.local or .env beside ${config.file}, or point fromFile at a file`,
    });
}
/** resolveSecrets, failing on a missing required secret: what deploy calls before anything starts. */
function requireSecrets(config, env = process.env) {
    const r = resolveSecrets(config, env);
    if (r.missingRequired.length > 0)
        throw missingSecretsError(config, r.missingRequired);
    return r;
}


/***/ }),

/***/ 272:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   w: () => (/* binding */ Settings)
/* harmony export */ });
/* harmony import */ var _config_path_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9915);
/* harmony import */ var _config_place_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(697);
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8992);
/**
 * Typed readers of a provider's own block (`providers.<name>` in sindri.yaml), for every provider the
 * same way: a value of the wrong type or outside its allowed set is one error at its place (file, line,
 * field) with its fix, through the config's one `configError`. Absent values give the caller's default.
 * The loader has already read the rest of the file leniently; what a provider reads here decides what
 * is deployed, so here a wrong value fails instead of being guessed.
 */



function isMapping(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
const absent = (v) => v === undefined || v === null;
class Settings {
    config;
    base;
    /** the block as written; `{}` when it is absent */
    raw;
    /**
     * @param config the loaded config (for `locate` and the file name)
     * @param base where the block sits, e.g. `['providers', 'fly']`
     * @param raw the block itself; default: read from `config.raw` at `base`
     */
    constructor(config, base, raw) {
        this.config = config;
        this.base = base;
        const value = raw === undefined
            ? base.reduce((v, k) => (isMapping(v) || Array.isArray(v) ? v[k] : undefined), config.raw)
            : raw;
        if (!absent(value) && !isMapping(value))
            throw this.fail([], 'expected a mapping', `write ${this.field([])} as key: value lines`);
        this.raw = (value ?? {});
    }
    /** The settings of `providers.<name>`. */
    /** The settings of `providers.<name>`, as the loader kept them (`config.providers`). */
    static of(config, provider) {
        return new Settings(config, ['providers', provider], config.providers[provider] ?? {});
    }
    path(key) {
        return [...this.base, ...(Array.isArray(key) ? key : [key])];
    }
    /** dotted field name of a key, e.g. `providers.fly.region` */
    field(key) {
        return (0,_config_path_js__WEBPACK_IMPORTED_MODULE_1__/* .fieldOf */ ._)(this.path(key));
    }
    /** where a key is written (its parent's place when it is absent) */
    at(key) {
        return (0,_config_place_js__WEBPACK_IMPORTED_MODULE_0__/* .placeOf */ .$)(this.config, this.path(key));
    }
    /** The one error of a setting: at its place, with its fix. */
    fail(key, what, fix) {
        return (0,_config_place_js__WEBPACK_IMPORTED_MODULE_0__/* .configError */ .F)(this.config, this.path(key), what, fix);
    }
    /** the value written under `key`, undefined when absent */
    get(key) {
        const path = Array.isArray(key) ? key : [key];
        return path.reduce((v, k) => (isMapping(v) || Array.isArray(v) ? v[k] : undefined), this.raw);
    }
    has(key) {
        return !absent(this.get(key));
    }
    /** A nested mapping as its own Settings (`providers.devpod.kubernetes`). */
    sub(key) {
        return new Settings(this.config, this.path(key), this.get(key) ?? {});
    }
    /** One value (string, number or true/false) as text; undefined when absent or empty. */
    str(key) {
        const v = this.get(key);
        if (absent(v) || v === '')
            return undefined;
        if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
            return this.line(key, String(v));
        throw this.fail(key, 'expected a single value', 'write a string, number or true/false');
    }
    /** Settings reach command lines, generated files and the log: no control characters (issue 20). */
    line(key, s) {
        const bad = (0,_text_js__WEBPACK_IMPORTED_MODULE_2__/* .controlCharacter */ .TL)(s);
        if (!bad)
            return s;
        throw this.fail(key, `contains a control character (${bad})`, 'write the value on one line, without escape characters');
    }
    /** A value from a fixed set; absent → `fallback`. */
    oneOf(key, allowed, fallback) {
        const v = this.get(key);
        if (absent(v))
            return fallback;
        const s = this.line(key, String(v));
        if (allowed.includes(s))
            return s;
        throw this.fail(key, `invalid value "${s.slice(0, 80)}"`, `use one of ${allowed.join(', ')}`);
    }
    bool(key, fallback) {
        const v = this.get(key);
        if (absent(v))
            return fallback;
        if (typeof v === 'boolean')
            return v;
        throw this.fail(key, `expected true or false, got "${String(v).slice(0, 80)}"`, 'use true or false');
    }
    /** A whole number within [min, max]; absent → undefined. */
    int(key, min, max, fix = `give a whole number from ${min} to ${max}`) {
        const v = this.get(key);
        if (absent(v))
            return undefined;
        const n = typeof v === 'string' && /^\s*-?\d+\s*$/.test(v) ? Number(v) : v;
        if (typeof n === 'number' && Number.isInteger(n) && n >= min && n <= max)
            return n;
        throw this.fail(key, `"${String(v).slice(0, 40)}" is not a whole number from ${min} to ${max}`, fix);
    }
    /** A list of single values; absent → []. */
    strings(key) {
        const v = this.get(key);
        if (absent(v))
            return [];
        if (!Array.isArray(v))
            throw this.fail(key, 'expected a list', 'write it as a YAML list of strings');
        return v.map((item, i) => {
            if (typeof item !== 'string' && typeof item !== 'number')
                throw this.fail(this.join(key, i), 'expected a string', 'quote the value');
            return this.line(this.join(key, i), String(item));
        });
    }
    /** A mapping of single values (labels, node selectors); absent → {}. */
    stringMap(key) {
        const v = this.get(key);
        if (absent(v))
            return {};
        if (!isMapping(v))
            throw this.fail(key, 'expected a mapping', 'write it as key: value lines');
        const out = {};
        for (const [k, item] of Object.entries(v)) {
            if (typeof item !== 'string' && typeof item !== 'number' && typeof item !== 'boolean')
                throw this.fail(this.join(key, k), 'expected a single value', 'write a string, number or true/false');
            out[this.line(this.join(key, k), k)] = this.line(this.join(key, k), String(item));
        }
        return out;
    }
    join(key, next) {
        return [...(Array.isArray(key) ? key : [key]), next];
    }
}


/***/ }),

/***/ 1068:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ rollbackReserve)
/* harmony export */ });
/** How the run's time is shared between a rollout and what runs if it fails (ADR 0019). */
/**
 * The part of the run's `timeout` kept for a rollback and its check: a quarter, at least 5 s (at most
 * half of a very short timeout), at most 2 minutes. A rollout waits on `ctx.deadline.before(this)`.
 */
function rollbackReserve(totalMs) {
    return Math.round(Math.min(120_000, Math.max(Math.min(5_000, totalMs / 2), totalMs / 4)));
}


/***/ })

};
