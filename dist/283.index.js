export const id = 283;
export const ids = [283];
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

/***/ 283:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DockerProvider: () => (/* binding */ DockerProvider)
});

// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(8500);
// EXTERNAL MODULE: ./src/deadline.ts
var deadline = __webpack_require__(6683);
// EXTERNAL MODULE: ./src/external/docker.ts
var external_docker = __webpack_require__(1855);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/naming.ts
var naming = __webpack_require__(8499);
// EXTERNAL MODULE: ./src/runner.ts
var runner = __webpack_require__(4813);
// EXTERNAL MODULE: ./src/providers/kit/build.ts
var kit_build = __webpack_require__(2693);
// EXTERNAL MODULE: ./src/providers/kit/files.ts
var files = __webpack_require__(9018);
// EXTERNAL MODULE: ./src/providers/kit/notices.ts
var notices = __webpack_require__(4723);
// EXTERNAL MODULE: ./src/providers/kit/output.ts
var output = __webpack_require__(6032);
// EXTERNAL MODULE: ./src/providers/kit/previews.ts
var previews = __webpack_require__(3472);
// EXTERNAL MODULE: ./src/providers/kit/secrets.ts
var kit_secrets = __webpack_require__(8104);
// EXTERNAL MODULE: ./src/providers/kit/health.ts
var kit_health = __webpack_require__(4971);
// EXTERNAL MODULE: ./src/providers/kit/time.ts
var time = __webpack_require__(1068);
// EXTERNAL MODULE: ./src/providers/docker/compose.ts + 1 modules
var docker_compose = __webpack_require__(9032);
// EXTERNAL MODULE: ./src/providers/docker/secrets.ts
var docker_secrets = __webpack_require__(6642);
;// CONCATENATED MODULE: ./src/providers/docker/live.ts


/** a plan waits this long for the engine at most (a deploy waits 30 s) */
const LIVE_READ_MS = 10_000;
/** `docker info`: the engine facts a deploy renders with, or why the engine could not be read. */
async function readEngine(docker) {
    try {
        return { engine: await docker.info({ timeoutMs: LIVE_READ_MS }) };
    }
    catch (e) {
        if ((0,deadline/* isDeadlineExceeded */.A)(e))
            throw e;
        return { reason: `the Docker engine did not answer: ${firstLine(e instanceof Error ? e.message : String(e))}` };
    }
}
const firstLine = (s) => s.split('\n').find((l) => l.trim() !== '') ?? s;
/**
 * The running container and its image: two reads, the second only when there is a container. Run
 * beside `readEngine`: a failure here (no docker CLI) is left to `readEngine` to explain.
 */
async function readContainer(docker, name) {
    try {
        const container = await docker.containerInspect(name);
        if (!container)
            return {};
        return { container, image: await docker.imageInspect(container.imageId) };
    }
    catch (e) {
        if ((0,deadline/* isDeadlineExceeded */.A)(e))
            throw e;
        return {};
    }
}
/**
 * The containers of the compose project, for the orphans a deploy's `up --remove-orphans` removes.
 * Run beside `readEngine` (one more process, at the same time); undefined when they could not be
 * listed (the plan says so).
 */
async function readProject(docker, project) {
    try {
        return await docker.projectContainers(project, { timeoutMs: LIVE_READ_MS });
    }
    catch (e) {
        if ((0,deadline/* isDeadlineExceeded */.A)(e))
            throw e;
        return undefined;
    }
}
/**
 * The containers `compose up --remove-orphans` removes, by compose's own rule (`isOrphaned` in
 * docker/compose pkg/compose/containers.go): among the containers of the project that carry a config
 * hash label (compose lists no other), one whose service is not in the document, or a one-off
 * (`compose run`) container that has exited or is dead. Only when `up` runs:
 * a deploy that skips (`unchanged`) or stops (a container of that name from elsewhere) removes
 * nothing; when the built image decides (`unknown`), they go only if it differs. Their volumes are kept: `--remove-orphans` removes containers only.
 */
function orphanChanges(containers, compose, live, change) {
    if (change.action === 'unchanged' || change.action === 'delete')
        return [];
    if (live.container && live.container.labels[docker_compose/* PROJECT_LABEL */.NV] !== compose.project)
        return [];
    const services = Object.keys(compose.document.services ?? {});
    const orphan = (c) => c.oneoff === 'True' ? c.state === 'exited' || c.state === 'dead' : !services.includes(c.service);
    const when = change.action === 'unknown' ? ' when the built image differs' : '';
    return containers.filter(orphan).map((c) => ({
        action: 'delete',
        resource: `container ${c.name}`,
        note: `an orphan of compose project ${compose.project}: compose up --remove-orphans removes it${when}; its volumes are kept`,
    }));
}
/** The settings of two compose documents that differ: the service's keys (image and labels aside), then the top level. */
function settingsDiff(before, after) {
    const service = (d) => d.services?.[docker_compose/* SERVICE */.YV] ?? {};
    const differ = (a, b, skip) => [...new Set([...Object.keys(a), ...Object.keys(b)])]
        .filter((k) => !skip.includes(k) && JSON.stringify(a[k]) !== JSON.stringify(b[k]))
        .sort();
    return [...differ(service(before), service(after), ['image', 'labels']), ...differ(before, after, ['services'])];
}
function labelDocument(labels) {
    const encoded = labels[docker_compose/* DOCUMENT_LABEL */.Lj];
    if (!encoded)
        return undefined;
    try {
        return JSON.parse(Buffer.from(encoded, 'base64').toString('utf8'));
    }
    catch {
        return undefined;
    }
}
/** The pinned ref the container was started from, else its repo digest, else its image ID. */
function runningRef(live) {
    const c = live.container;
    if (/@sha256:[0-9a-f]{64}$/.test(c.imageRef))
        return c.imageRef;
    return live.image?.repoDigests[0] ?? c.imageId;
}
/** What a deploy would do to the container, from what runs now: the same decision `apply` makes to skip. */
function compareContainer({ live, compose, image, sameSecrets, force }) {
    const resource = `container ${compose.container}`;
    const c = live.container;
    if (!c)
        return { action: 'create', resource, note: `volume ${compose.volumes.join(', ')}` };
    if (c.labels[docker_compose/* PROJECT_LABEL */.NV] !== compose.project)
        return { action: 'unknown', resource, note: 'a container of that name exists and was not deployed by this action: a deploy stops' };
    const sameImage = image.build
        ? undefined
        : image.digest
            ? (live.image?.repoDigests.some((d) => d.endsWith(`@${image.digest}`)) ?? false)
            : c.imageRef === image.deployRef;
    // the hash covers the image too: the document in the label says which settings moved; without it, only that something did
    const before = labelDocument(c.labels);
    let settings = [];
    if (c.labels[docker_compose/* CONFIG_HASH_LABEL */.Ni] !== compose.hash) {
        if (before)
            settings = settingsDiff(before, compose.document);
        else if (sameImage !== false)
            settings = ['configuration'];
    }
    if (!sameSecrets)
        settings.push('secrets');
    const why = [];
    if (!c.running)
        why.push(`it is ${c.status}, not running`);
    else if (c.health === 'unhealthy')
        why.push('it is unhealthy');
    if (force)
        why.push('force: true recreates it');
    const from = runningRef(live);
    if (sameImage === undefined) {
        // the image ID is known only once it is built: the deploy skips when the build gives the running one again
        const note = [...why, `the image is built first: unchanged only if the build gives ${c.imageId} again`].join('; ');
        return { action: settings.length || why.length ? 'update' : 'unknown', resource, settings, note };
    }
    const change = {
        action: sameImage && settings.length === 0 && why.length === 0 ? 'unchanged' : 'update',
        resource,
    };
    if (!sameImage)
        change.image = { from, to: image.deployRef };
    if (settings.length)
        change.settings = settings;
    if (why.length)
        change.note = why.join('; ');
    if (change.action === 'unchanged')
        change.note = `runs ${from}`;
    return change;
}

// EXTERNAL MODULE: ./src/plan/changes.ts
var plan_changes = __webpack_require__(1766);
;// CONCATENATED MODULE: ./src/providers/docker/steps.ts
/**
 * The docker provider's steps, pure: from the context and what is known about the engine, the files
 * to write and the commands to run, with why. `plan` prints them; `apply` runs them, so both show the
 * same compose document and the same argv (built by `dockerArgv`).
 */






/** What compose takes to start itself and create and start the container before its `--wait` clock starts (1.5–2.5 s measured on a busy 2-core runner). */
const COMPOSE_START_MS = 3_000;
/**
 * compose's `--wait-timeout` for a `compose up` that must be over within `ms`. A rollout leaves
 * compose's own start out (`startMs`), so compose says itself what it waited for and the rollback
 * keeps all of its reserve; a rollback, the last thing the run does, passes 0 and may wait to the
 * end. Whole seconds, at least 1 (compose reads 0 as "no limit"); the command itself is stopped at
 * the end of `ms` whatever compose does.
 */
function waitTimeoutSeconds(ms, startMs = COMPOSE_START_MS) {
    return Math.max(1, Math.floor((ms - startMs) / 1000));
}
function connectHint(container) {
    return `docker exec -it -e HOME=${docker_compose/* HOME_MOUNT */.kV} -u developer -w ${docker_compose/* HOME_MOUNT */.kV} ${container} bash -l`;
}
/** The pure heart: files and commands for a context and what is known about the engine. */
function dockerSteps(ctx, facts) {
    const { config, inputs, image } = ctx;
    const runRef = image.build ? image.ref : image.deployRef;
    const compose = (0,docker_compose/* renderCompose */.J1)({
        config,
        image: runRef,
        base: facts.base,
        secretNames: facts.secretNames,
        engine: facts.engine,
        nameSuffix: inputs['name-suffix'],
        health: inputs['health-command'] ? { command: inputs['health-command'], timeoutMs: inputs['health-timeout'] } : undefined,
        trace: ctx.trace,
    });
    const target = { file: docker_compose/* COMPOSE_FILE */.Uu, project: compose.project };
    const pullPolicy = config.deployment.image_config?.pull_policy ?? 'IfNotPresent';
    const notes = [...compose.notes];
    // a prebuilt image whose pull_policy asks whether it is present: asked with the container (two requests in-process, ADR 0048; else one process, ADR 0047)
    const asksImage = !image.build && pullPolicy !== 'Always';
    const skipWhy = 'skip when it already runs this image and configuration';
    const commands = facts.engineApi
        ? [
            { argv: ['GET', external_docker/* enginePaths */.Jw.container(compose.container)], inProcess: true, why: skipWhy, mutates: false },
            ...(asksImage
                ? [
                    {
                        argv: ['GET', external_docker/* enginePaths */.Jw.image(runRef)],
                        inProcess: true,
                        why: `pull_policy ${pullPolicy}: is the image present?`,
                        mutates: false,
                    },
                ]
                : []),
        ]
        : [
            asksImage
                ? {
                    argv: ['docker', ...external_docker/* dockerArgv */.fk.inspectPair(compose.container, runRef)],
                    why: `${skipWhy}; pull_policy ${pullPolicy}: is the image present?`,
                    mutates: false,
                }
                : {
                    argv: ['docker', 'container', 'inspect', compose.container],
                    why: skipWhy,
                    mutates: false,
                },
        ];
    let build;
    if (image.build) {
        if (!image.dockerfile)
            throw new errors/* ActionError */.lZ('the image decision asks for a build but names no Dockerfile', {
                fix: 'report this at https://github.com/sindri/deploy-action/issues',
            });
        build = {
            dockerfile: image.dockerfile,
            context: inputs['build-context'] || '.',
            tag: image.ref,
            labels: (0,kit_build/* buildLabels */.S6)(facts),
            buildArgs: inputs['build-args'],
            noCache: inputs.force,
            pull: inputs.force,
            // the deployment's network is the build's: a host-network engine (no bridge) needs it, a bridge engine is unaffected
            hostNetwork: compose.network === 'host',
            buildx: facts.buildx,
            ...(0,kit_build/* buildKitSpec */.go)(inputs),
        };
        notes.push(...(0,kit_build/* buildKitNotes */.gK)(build));
        commands.push({
            argv: ['docker', ...external_docker/* dockerArgv */.fk.build(build)],
            why: `build ${image.dockerfile}${inputs.force ? ' without cache, pulling the base (force)' : ''}`,
            mutates: true,
        });
    }
    else {
        if (pullPolicy !== 'Never') {
            commands.push({
                argv: ['docker', ...external_docker/* dockerArgv */.fk.pull(runRef)],
                why: pullPolicy === 'Always' ? 'pull_policy Always' : 'only when the image is not present (pull_policy IfNotPresent)',
                mutates: true,
            });
        }
    }
    // at most: the rollout's share of timeout, the rest is kept for a rollback (docs/adr/0019-the-runs-clock-and-state-as-values.md)
    const waitSeconds = waitTimeoutSeconds(inputs.timeout - (0,time/* rollbackReserve */.N)(inputs.timeout));
    commands.push({
        argv: ['docker', ...external_docker/* dockerArgv */.fk.up(target, { waitTimeoutSeconds: waitSeconds, forceRecreate: inputs.force })],
        why: `start ${compose.container} and wait until it is running${inputs.force ? ', recreated (force)' : ''} (deploy passes what remains of timeout, less the share kept for a rollback)`,
        mutates: true,
    });
    if (inputs.rollback)
        commands.push({
            argv: [
                'docker',
                ...external_docker/* dockerArgv */.fk.up(target, { waitTimeoutSeconds: waitTimeoutSeconds((0,time/* rollbackReserve */.N)(inputs.timeout), 0), forceRecreate: true }),
            ],
            why: `put back the previous deployment: the document the running ${compose.container} was started from (its label), its image by ID, written to ${docker_compose/* COMPOSE_FILE */.Uu} (rollback: true; nothing ran before: compose down instead)`,
            mutates: true,
            onFailure: true,
        });
    const files = [{ path: docker_compose/* COMPOSE_FILE */.Uu, content: compose.yaml, shown: compose.shown }];
    if (facts.secretNames.length > 0) {
        files.push((0,docker_secrets/* plannedEnvFile */.MO)(facts.secretNames));
        notes.push(`${docker_secrets/* SECRETS_FILE */.R_} (mode 0600, in a private folder under RUNNER_TEMP) holds the secret values only while compose starts the container, then it is removed`);
    }
    return { compose, target, pullPolicy, build, files, commands, notes };
}

;// CONCATENATED MODULE: ./src/providers/docker/readiness.ts
/** A container without a healthcheck must stay up this long after `--wait` (a crash loop passes `--wait`). */
const SETTLE_MS = 2000;
/**
 * Why a container that compose's `--wait` let through is not ready, or undefined when it is. A
 * container with a healthcheck must be `healthy`: compose 2.2x can end `--wait` at its
 * `--wait-timeout` with exit code 0 (its wait loop returns no error when the context ends), leaving a
 * container whose health is still `starting`.
 */
function notReady(now) {
    if (!now)
        return 'the container is gone';
    if (!now.running || now.restartCount > 0)
        return `the container exited right after start (status ${now.status}, ${now.restartCount} restarts)`;
    if (now.health === 'unhealthy')
        return 'the container is unhealthy';
    if (now.health !== undefined && now.health !== 'healthy')
        return `its health check has not passed (health: ${now.health})`;
    return undefined;
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/providers/docker/template.ts
/**
 * The base of every compose document (templates/docker/compose.yml), read as data from beside the
 * running code: src/ in development, dist/ when bundled. Read once per process.
 */





let baseCache;
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

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
;// CONCATENATED MODULE: ./src/providers/docker/lock.ts
/**
 * One deploy of a target at a time (issue 20, class 13; ADR 0028). Two runs that release the same
 * compose project at once race inside compose ("No such container", a name conflict, or the last
 * writer silently winning, and a rollback of one undoing the other). Before it changes anything, a
 * deploy takes a lock the engine itself keeps: a stopped container `<container>.sindri-lock` that
 * only exists while a deploy runs (the engine refuses a second container of one name, whoever asks:
 * 409 Conflict to the Engine API in-process, the CLI's "is already in use" where the CLI is asked, ADR 0048).
 * It carries the time it may be held until (the holder's deadline) and its holder (host name and
 * process ID); a lock left by a cancelled or killed run is taken over at once when its holder was a
 * process of this host that has ended, else once that time has passed. It has no compose project label, so no
 * `compose up --remove-orphans` or `down` ever removes it.
 */



const LOCK_LABEL = 'org.sindri.deploy-action.lock';
const LOCK_UNTIL_LABEL = 'org.sindri.deploy-action.lock-until';
/** `<host name> <pid>` of the run holding it: on the same host, a holder whose process is gone left it */
const LOCK_HOLDER_LABEL = 'org.sindri.deploy-action.lock-holder';
/** What a holder may need past its own deadline to stop its commands (SIGTERM, then SIGKILL 5 s later). */
const STOP_GRACE_MS = 10_000;
function lockName(container) {
    return `${container}.sindri-lock`;
}
/** Is a lock held until `until` (ISO time) stale at `now`? An unreadable time is stale: nobody can honour it. */
function lockExpired(until, now) {
    const t = until ? Date.parse(until) : NaN;
    return Number.isNaN(t) || t <= now;
}
/** Is the holder a process of this host that no longer runs? (Another host's holder cannot be asked: only its time tells.) */
function holderGone(holder, host = (0,external_node_os_.hostname)()) {
    const m = /^(\S+) (\d+)$/.exec(holder ?? '');
    if (!m || m[1] !== host)
        return false;
    try {
        process.kill(Number(m[2]), 0);
        return false;
    }
    catch (e) {
        return e.code === 'ESRCH';
    }
}
/**
 * Take the lock of `container` with `image` (any image on the engine: the one about to run) until
 * `remainingMs` from now; the function that releases it. Another live deploy: one line saying so.
 */
async function takeLock(docker, { container, project, image, remainingMs, file, }) {
    const name = lockName(container);
    const until = new Date(Date.now() + remainingMs + STOP_GRACE_MS).toISOString();
    const labels = { [LOCK_LABEL]: project, [LOCK_UNTIL_LABEL]: until, [LOCK_HOLDER_LABEL]: `${(0,external_node_os_.hostname)()} ${process.pid}` };
    for (let attempt = 0; attempt < 2; attempt++) {
        const r = await docker.createMarker(name, image, labels);
        if ('made' in r)
            return () => docker.removeContainer(name);
        if ('failed' in r) {
            throw new errors/* ActionError */.lZ(`could not take the deploy lock ${name}: ${r.failed}`, {
                fix: 'check the Docker engine (docker info), then run again',
            });
        }
        const held = await docker.containerInspect(name);
        const gone = held !== undefined && holderGone(held.labels[LOCK_HOLDER_LABEL]);
        if (held && !gone && !lockExpired(held.labels[LOCK_UNTIL_LABEL], Date.now())) {
            throw new errors/* ActionError */.lZ(`another deploy of ${container} is under way (it holds the lock ${name} until ${held.labels[LOCK_UNTIL_LABEL]} at the latest); nothing was changed by this run`, {
                where: { file },
                fix: 'deploys of one target must not overlap: give the workflow job `concurrency: <environment>`, or run again once the other deploy has finished',
            });
        }
        // left by a run that was cancelled or killed before it could release it: its process or its time is over
        if (held) {
            (0,runner/* info */.pq)(`the deploy lock ${name} was left by a run that has ended (${gone ? 'its process is gone' : 'its time is over'}): taking it over`);
            await docker.removeContainer(name);
        }
    }
    throw new errors/* ActionError */.lZ(`could not take the deploy lock ${name}: another run took it at the same moment`, {
        where: { file },
        fix: 'deploys of one target must not overlap: give the workflow job `concurrency: <environment>`',
    });
}

;// CONCATENATED MODULE: ./src/providers/docker/provider.ts
/**
 * provider: docker — a compose deployment on the runner's Docker engine (docs/behaviour.md#providers,
 * ADR 0005).
 *
 * `plan` and `apply` share `dockerSteps`. `apply` adds what only the engine can tell (runtimes, CPUs,
 * what runs now, whether the image is present) and runs the steps on the run's one clock: the rollout
 * waits on the run's deadline less the share kept for a rollback (ADR 0019), the rollback and the
 * removal of a failed container on what is left.
 */






















const LOG_LINES = 50;
/** compose's progress lines, left out of the line that says why `up` failed */
const COMPOSE_PROGRESS = /^(Container|Volume|Network) .+ (Creating|Created|Starting|Started|Waiting|Running|Recreate|Recreated)$/;
const READ_THE_LOG = 'read the container log above; raise the input timeout if it only needs longer';
const READ_THE_LOG_HEALTH = 'read the health check lines above; redeploy a fixed image (force: true redeploys the same one)';
const seconds = (ms) => Math.round(ms / 1000);
/**
 * Compose v2 ≥ 2.24: the version the install phase already read (`docker-compose version` on the
 * plugin it found, or the version it downloaded), else one `docker compose version` of our own.
 */
async function requireCompose(ctx, docker) {
    const known = ctx.tools?.find((t) => t.name === 'compose')?.version;
    if (known && known !== 'unknown')
        (0,external_docker/* requireRecentCompose */.JW)(known);
    else
        await docker.composeVersion();
}
/**
 * What runs under the container's name, and, for a prebuilt image whose pull_policy asks it (not
 * Always), whether the image is on the engine: the question `prepare` asks next on every such path,
 * asked at once (two Engine API requests side by side, ADR 0048; through the CLI one
 * `docker inspect <name> <deployRef>`, ADR 0047).
 */
async function firstRead(ctx, docker, name) {
    if (ctx.image.build || (ctx.config.deployment.image_config?.pull_policy ?? 'IfNotPresent') === 'Always')
        return { found: await docker.containerInspect(name), known: undefined };
    const { container, image } = await docker.inspectContainerAndImage(name, ctx.image.deployRef);
    return { found: container, known: { image } };
}
class DockerProvider {
    name = 'docker';
    /** the container (the compose project is `sindri-<this>`) */
    deployedName(ctx) {
        return (0,naming/* resourceName */.Iy)(ctx.config.name, ctx.inputs['name-suffix'], naming/* DOCKER_NAME */.nR);
    }
    /**
     * The steps, rendered with the engine's facts as a deploy renders them, and the live diff: what runs
     * under the container's name now (read-only). An engine that does not answer leaves the diff unknown.
     */
    async plan(ctx) {
        const secrets = (0,kit_secrets.resolveSecrets)(ctx.config);
        const docker = new external_docker/* Docker */.Jg(ctx.exec, ctx.workdir);
        // all at once (the live diff's cost, bench/plan-live.ts); what the container reads say counts only when the engine answered
        const name = this.deployedName(ctx);
        const [read, live, project] = await Promise.all([
            readEngine(docker),
            readContainer(docker, name),
            readProject(docker, (0,docker_compose/* projectName */.j1)(name)),
        ]);
        const engine = 'engine' in read ? read.engine : undefined;
        const steps = dockerSteps(ctx, { ...(await this.facts(ctx, secrets, engine)), engineApi: docker.inProcess });
        const { compose } = steps;
        const notes = [...steps.notes, ...compose.warnings, ...secrets.notices.map((n) => n.message)];
        if (secrets.missingRequired.length > 0)
            notes.push(`required secrets not set: ${secrets.missingRequired.join(', ')} (deploy fails before starting anything)`);
        if (!ctx.image.build)
            notes.push(`no image is built: the prebuilt image is deployed ${ctx.image.digest ? 'by digest' : 'as written (not pinned)'}`);
        const base = { files: steps.files, commands: steps.commands, notes, ...(compose.url ? { url: compose.url } : {}) };
        if ('reason' in read)
            return { ...base, ...(0,plan_changes/* notRead */.Qk)([`container ${compose.container}`], read.reason) };
        const change = compareContainer({
            live,
            compose,
            image: ctx.image,
            sameSecrets: live.container ? (0,docker_secrets/* sameSecrets */.ug)(live.container, secrets) : true,
            force: ctx.inputs.force,
        });
        if (!project)
            notes.push(`the containers of compose project ${compose.project} could not be listed: orphans a deploy removes are not shown`);
        const changes = [change, ...orphanChanges(project ?? [], compose, live, change)];
        return { ...base, changes, live: { known: true, reason: `container ${compose.container} on the runner's Docker engine` } };
    }
    async apply(ctx) {
        // a missing required secret, or one the env file cannot carry, fails before anything is touched
        const secrets = (0,kit_secrets.requireSecrets)(ctx.config);
        (0,docker_secrets/* encodeEnvFile */.q2)(secrets.values);
        // so does a sindri-compose.yml that is a link or the user's own
        (0,files/* checkGenerated */.SC)((0,docker_compose/* composeFile */.Ve)(ctx.workdir));
        (0,notices/* warnNotices */.o)(ctx.config, secrets.notices);
        const docker = new external_docker/* Docker */.Jg(ctx.exec, ctx.workdir);
        // what the engine can run and what runs under the name now do not depend on each other: asked side by side (issue 25)
        const name = this.deployedName(ctx);
        // with the container, whether the image is on the engine: one process, never on a path that would not ask it (ADR 0047)
        const [engine, { found, known }] = await Promise.all([this.probeEngine(ctx, docker), firstRead(ctx, docker, name)]);
        const steps = dockerSteps(ctx, { ...(await this.facts(ctx, secrets, engine)), engineApi: docker.inProcess });
        const { compose } = steps;
        for (const w of compose.warnings)
            (0,runner/* warning */.$e)(w, { file: ctx.config.file, title: 'providers.docker' });
        const before = await this.probeRunning(ctx, docker, steps, compose.container === name ? { found } : undefined);
        const previous = before?.running ? (0,docker_compose/* previousDeployment */.j_)(before, ctx.config.file) : undefined;
        const image = await this.prepare(ctx, docker, steps, before, secrets, known);
        const result = { ...this.result(ctx, steps, image), rolledBack: false, previousImage: previous?.ref ?? '' };
        if (result.skipped) {
            (0,runner/* info */.pq)(`${compose.container} already runs ${result.image} with this configuration: nothing to do (force: true redeploys)`);
            (0,files/* writeGenerated */.nF)({ ...(0,docker_compose/* composeFile */.Ve)(ctx.workdir), content: compose.yaml });
            // nothing was deployed, but what runs is still checked: the outputs say what is true now
            const health = await (0,kit_health/* checkDeployment */.Qr)(ctx.inputs, this.healthTarget(docker, steps), ctx.deadline);
            if (health && !health.healthy)
                throw new errors/* ActionError */.lZ(`${compose.container} already runs ${result.image} (nothing was deployed), but it fails its health check: ${health.what} — ${health.last}`, {
                    where: { file: ctx.config.file },
                    fix: READ_THE_LOG_HEALTH,
                    extra: { rolledBack: 'false', previousImage: result.previousImage, healthy: 'false' },
                });
            return { ...result, health };
        }
        // one deploy of this target at a time, from here to the end (ADR 0028)
        const unlock = await takeLock(docker, {
            container: compose.container,
            project: compose.project,
            image: steps.build ? image.digest : ctx.image.deployRef,
            remainingMs: ctx.deadline.remaining(),
            file: ctx.config.file,
        });
        try {
            // read again under the lock: another deploy may have finished since the first look
            const now = await this.probeRunning(ctx, docker, steps);
            const current = now?.running ? (0,docker_compose/* previousDeployment */.j_)(now, ctx.config.file) : undefined;
            return await this.rollOut(ctx, docker, steps, secrets, { ...result, previousImage: current?.ref ?? '' }, current);
        }
        finally {
            // a lock that cannot be removed now (the run's time is up) expires by its label
            await unlock().catch(() => undefined);
        }
    }
    /** Release, readiness, health check; on failure the rollback (or what is left) and one line. */
    async rollOut(ctx, docker, steps, secrets, result, previous) {
        const { compose } = steps;
        const rollout = ctx.deadline.before((0,time/* rollbackReserve */.N)(ctx.inputs.timeout));
        const started = ctx.deadline.elapsed();
        let health;
        let reason = (await this.release(ctx, docker, steps, secrets, rollout)) ?? (await this.check(docker, steps, rollout));
        if (!reason) {
            health = await (0,kit_health/* checkDeployment */.Qr)(ctx.inputs, this.healthTarget(docker, steps), rollout);
            if (health && !health.healthy)
                reason = `its health check failed: ${health.what} — ${health.last}`;
        }
        if (!reason)
            return { ...result, health };
        const failure = `${compose.container} did not become ready within ${seconds(ctx.deadline.elapsed() - started)} s: ${reason}`;
        await this.printLogs(docker, steps);
        const extra = { rolledBack: 'false', previousImage: result.previousImage, healthy: 'false' };
        if (!ctx.inputs.rollback)
            throw new errors/* ActionError */.lZ(`${failure}; rollback: false, so it is left as it is: ${result.image} runs now, not healthy (docker compose -p ${compose.project} down removes it)`, { where: { file: ctx.config.file }, fix: READ_THE_LOG, extra });
        if (previous)
            await this.rollBack(ctx, docker, steps, secrets, failure, previous);
        return await this.removeFailed(docker, steps, failure, ctx.config.file);
    }
    /** What the health check runs against: the url output, and `docker exec` into the container. */
    healthTarget(docker, { compose }) {
        return {
            url: compose.url,
            name: `container ${compose.container}`,
            runInside: (command, timeoutMs) => docker.execShell(compose.container, command, timeoutMs),
        };
    }
    /** What the engine can run (runtimes, CPUs), and that compose v2 is there. */
    async probeEngine(ctx, docker) {
        const engine = await docker.info();
        await requireCompose(ctx, docker);
        return engine;
    }
    /** What the steps need: the template, the secret names, the engine (deploy only), the build facts (a build only). */
    async facts(ctx, secrets, engine) {
        const build = ctx.image.build ? await (0,kit_build/* buildFacts */._x)(ctx) : { buildx: false };
        return { base: loadComposeBase(), secretNames: [...secrets.values.keys()], engine, ...build };
    }
    /** What runs under the container's name now (`read`: already inspected): it must be ours to replace. */
    async probeRunning(ctx, docker, { compose }, read) {
        const before = read ? read.found : await docker.containerInspect(compose.container);
        if (before && before.labels[docker_compose/* PROJECT_LABEL */.NV] !== compose.project) {
            throw new errors/* ActionError */.lZ(`a container named ${compose.container} already exists and was not deployed by this action`, {
                where: { file: ctx.config.file, field: 'name' },
                fix: `remove it (docker rm -f ${compose.container}) or change name in ${ctx.config.file}`,
            });
        }
        return before;
    }
    /** The image on the engine: built, or pulled as pull_policy says; and whether the running container already is exactly it. */
    async prepare(ctx, docker, steps, before, secrets, known) {
        const unchanged = (imageId) => !ctx.inputs.force &&
            before !== undefined &&
            before.running &&
            before.health !== 'unhealthy' &&
            before.imageId === imageId &&
            before.labels[docker_compose/* CONFIG_HASH_LABEL */.Ni] === steps.compose.hash &&
            (0,docker_secrets/* sameSecrets */.ug)(before, secrets);
        if (steps.build) {
            const id = await this.build(docker, steps.build, ctx.inputs);
            ctx.onBuilt?.(steps.build.tag, id);
            return { digest: id, unchanged: unchanged(id) };
        }
        const digest = ctx.image.digest;
        // before any pull: the running container's image already carries the pinned digest
        if (before && digest) {
            // the deploy ref (repo@digest) found with the container: the running image carries the digest
            // exactly when it is that image; not found (or not asked): the running image's own digests say
            // (the same digest under another repository name counts, as it always did)
            const carries = known?.image
                ? known.image.id === before.imageId
                : (await docker.imageInspect(before.imageId))?.repoDigests.some((d) => d.endsWith(`@${digest}`));
            if (carries) {
                if (unchanged(before.imageId))
                    return { digest, unchanged: true };
                // the image is on the engine already: only pull_policy Always pulls it again
                if (steps.pullPolicy !== 'Always')
                    return { digest, unchanged: false };
            }
        }
        await this.pull(ctx, docker, steps, known);
        return { digest, unchanged: false };
    }
    /** Build the image; its ID. */
    async build(docker, build, inputs) {
        const fix = inputs.force
            ? `fix ${build.dockerfile} (see the build log above); with force the base image is pulled (--pull), so a base that exists only on this engine must be pushed to a registry first`
            : `fix ${build.dockerfile} (see the build log above)`;
        await docker.build(build, { fix: (0,kit_build/* buildFix */.ki)(build, fix), secrets: inputs['build-secrets'] });
        const built = await docker.imageInspect(build.tag);
        if (!built)
            throw new errors/* ActionError */.lZ(`the build finished but image ${build.tag} is not on the engine`, {
                fix: 'with a docker-container buildx builder, make sure --load works',
            });
        return built.id;
    }
    /** The prebuilt image present on the engine, pulled when pull_policy says so. */
    async pull(ctx, docker, { pullPolicy }, known) {
        const ref = ctx.image.deployRef;
        if (pullPolicy !== 'Always' && (known ? known.image : await docker.imageInspect(ref)))
            return;
        if (pullPolicy === 'Never') {
            throw new errors/* ActionError */.lZ(`image ${ref} is not present on the Docker engine and pull_policy is Never`, {
                where: { file: ctx.config.file, field: 'deployment.image_config.pull_policy' },
                fix: 'pull or load the image before this step, or set pull_policy to IfNotPresent',
            });
        }
        await (0,kit_build/* withRegistryAuth */.ID)(ctx, ref, (env) => docker.pull(ref, { env }));
        if (!(await docker.imageInspect(ref)))
            throw new errors/* ActionError */.lZ(`image ${ref} was pulled but is not on the engine`, { fix: 'check the Docker engine log' });
    }
    /** The generated files, then compose up --wait within the rollout's share of the run; why it is not ready, or undefined. */
    async release(ctx, docker, steps, secrets, rollout) {
        const kept = seconds((0,time/* rollbackReserve */.N)(ctx.inputs.timeout));
        const budget = rollout.budget(`${steps.compose.container} could start (its last ${kept} s are kept for a rollback)`);
        (0,files/* writeGenerated */.nF)({ ...(0,docker_compose/* composeFile */.Ve)(ctx.workdir), content: steps.compose.yaml });
        return await this.up(ctx, docker, steps.target, secrets, {
            budgetMs: budget,
            startMs: COMPOSE_START_MS,
            forceRecreate: ctx.inputs.force,
        });
    }
    /**
     * `compose up --wait`, stopped after `budgetMs` at the latest (its `--wait-timeout` leaves `startMs`
     * for compose's own start), with the env file in place only meanwhile; why it is not ready, or undefined.
     */
    async up(ctx, docker, target, secrets, { budgetMs, startMs, forceRecreate }) {
        const options = { waitTimeoutSeconds: waitTimeoutSeconds(budgetMs, startMs), forceRecreate };
        const up = await (0,docker_secrets/* withEnvFile */.cu)(ctx, secrets, (env) => docker.up(target, options, { timeoutMs: budgetMs, env }));
        if (up.code === 0)
            return undefined;
        if (up.timedOut)
            return `compose did not return within ${seconds(up.durationMs)} s and was stopped`;
        return (0,output/* lastLine */.f)(up.stderr || up.stdout, COMPOSE_PROGRESS) || `compose exited with code ${up.code}`;
    }
    /** compose's `--wait` passed: is the container ready? Without a healthcheck it must also stay up, unrestarted, a moment later. */
    async check(docker, { compose }, rollout) {
        let now = await docker.containerInspect(compose.container);
        if (now && now.health === undefined) {
            await (0,promises_.setTimeout)(Math.min(SETTLE_MS, rollout.remaining()));
            now = await docker.containerInspect(compose.container);
        }
        return notReady(now);
    }
    async printLogs(docker, { compose, target }) {
        const logs = await docker.logs(target, LOG_LINES);
        await (0,runner/* group */.Os)(`${compose.container}: last ${LOG_LINES} log lines`, async () => (0,runner/* info */.pq)(logs || '(the container wrote nothing)'));
    }
    /**
     * Put back the document the previous container ran, its image by ID, wait for it and run the same
     * health check on what is left of the run; throw one line saying what runs now and whether it is healthy.
     */
    async rollBack(ctx, docker, steps, secrets, failure, previous) {
        const { compose, target } = steps;
        (0,runner/* info */.pq)(`rollback: putting back the previous deployment (${previous.ref}, image ${previous.imageId})`);
        (0,files/* writeGenerated */.nF)({ ...(0,docker_compose/* composeFile */.Ve)(ctx.workdir), content: previous.yaml });
        let why;
        let health;
        try {
            // the last thing the run does: compose and the check may wait until the run's deadline
            const budgetMs = ctx.deadline.budget('the rollback could start');
            why =
                (await this.up(ctx, docker, target, secrets, { budgetMs, startMs: 0, forceRecreate: true })) ??
                    notReady(await docker.containerInspect(compose.container));
            if (why === undefined)
                health = await (0,kit_health/* checkDeployment */.Qr)(ctx.inputs, this.healthTarget(docker, steps), ctx.deadline);
        }
        catch (e) {
            if (!(0,deadline/* isDeadlineExceeded */.A)(e))
                throw e;
            why ??= `the run's timeout of ${seconds(ctx.deadline.totalMs)} s ran out`;
        }
        const now = why !== undefined
            ? `but it did not become ready either (${why}): run docker compose -p ${compose.project} down`
            : !health
                ? 'ready (no health check was asked for)'
                : health.healthy
                    ? `healthy (${health.what} passed)`
                    : `NOT healthy either (${health.what} — ${health.last})`;
        const rolledBack = why === undefined;
        throw new errors/* ActionError */.lZ(`${failure}; rolled back: the previous image ${previous.ref} runs now, ${now}`, {
            where: { file: ctx.config.file },
            fix: READ_THE_LOG,
            extra: { rolledBack: String(rolledBack), previousImage: previous.ref, healthy: rolledBack ? (0,kit_health/* healthyOf */.zO)(health) : 'false' },
        });
    }
    /** Nothing ran before: remove what compose started (the home volume stays: a failed redeploy must not erase a workspace), throw one line. */
    async removeFailed(docker, { compose, target }, failure, file) {
        let cleanup = `nothing ran before, so it was removed (docker compose down); volume ${compose.volumes.join(', ')} kept`;
        try {
            await docker.down(target, false, { timeoutMs: 120_000 });
        }
        catch (e) {
            const what = (0,deadline/* isDeadlineExceeded */.A)(e) ? "the run's timeout ran out while removing it" : 'removing it failed too';
            cleanup = `${what}: run docker compose -p ${compose.project} down`;
        }
        throw new errors/* ActionError */.lZ(`${failure}; ${cleanup}`, {
            where: { file },
            fix: READ_THE_LOG,
            extra: { rolledBack: 'false', previousImage: '', healthy: 'false' },
        });
    }
    result(ctx, { compose, build }, { digest, unchanged }) {
        return {
            url: compose.url,
            skipped: unchanged,
            built: build !== undefined,
            image: build ? build.tag : ctx.image.deployRef,
            digest,
            connect: connectHint(compose.container),
            extra: { container: compose.container, project: compose.project, 'compose-file': docker_compose/* COMPOSE_FILE */.Uu },
        };
    }
    /**
     * The containers labelled as previews of this config (name and a name-suffix) by a run of
     * `repository`, whose compose project is the one this action names for that suffix: what a later
     * rename or a hand-made container with the same labels cannot pass for.
     */
    async listPreviews(ctx, repository) {
        return await (0,previews/* containerPreviews */.t)(new external_docker/* Docker */.Jg(ctx.exec, ctx.workdir), ctx.config.name, repository, docker_compose/* traceLabel */.Ws, (suffix, c) => {
            const name = (0,naming/* resourceName */.Iy)(ctx.config.name, suffix, naming/* DOCKER_NAME */.nR);
            return c.name === name && c.labels[docker_compose/* PROJECT_LABEL */.NV] === (0,docker_compose/* projectName */.j1)(name) ? name : undefined;
        });
    }
    async destroy(ctx) {
        const docker = new external_docker/* Docker */.Jg(ctx.exec, ctx.workdir);
        await requireCompose(ctx, docker);
        const container = (0,naming/* resourceName */.Iy)(ctx.config.name, ctx.inputs['name-suffix'], naming/* DOCKER_NAME */.nR);
        const before = await docker.containerInspect(container);
        // down needs a valid document, not the image: the running container's reference, else a placeholder
        const secretNames = ctx.config.secrets.filter((s) => kit_secrets.DELIVERED_SOURCES.includes(s.source)).map((s) => s.name);
        const compose = (0,docker_compose/* renderCompose */.J1)({
            config: ctx.config,
            image: before?.imageRef ?? `${ctx.config.name}:destroy`,
            base: loadComposeBase(),
            secretNames,
            nameSuffix: ctx.inputs['name-suffix'],
        });
        const label = `${docker_compose/* PROJECT_LABEL */.NV}=${compose.project}`;
        const removed = [];
        if (before && before.labels[docker_compose/* PROJECT_LABEL */.NV] !== compose.project) {
            (0,runner/* warning */.$e)(`container ${compose.container} was not deployed by this action and is left alone`);
        }
        else if (before)
            removed.push(`container ${compose.container}`);
        const volumesBefore = new Set(await docker.volumesWithLabel(label));
        const networksBefore = await docker.networksWithLabel(label);
        // down reads a document of its own, never the working directory's file: that one may belong to
        // another name-suffix (the last deploy from this folder wrote it)
        const dir = ctx.temps.dir('sindri-docker-destroy-');
        try {
            const file = (0,docker_compose/* composeFile */.Ve)(dir);
            (0,files/* writeGenerated */.nF)({ ...file, content: compose.yaml });
            const target = { file: file.path, project: compose.project };
            await docker.down(target, true);
        }
        finally {
            ctx.temps.remove(dir);
        }
        if ((0,files/* removeGenerated */.c6)((0,docker_compose/* composeFile */.Ve)(ctx.workdir, compose.project)) === 'removed')
            removed.push(`file ${docker_compose/* COMPOSE_FILE */.Uu}`);
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


/***/ }),

/***/ 3472:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   t: () => (/* binding */ containerPreviews)
/* harmony export */ });
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8422);

async function containerPreviews(docker, configName, repository, label, ours) {
    const ids = await docker.containersWithLabels([`${label('name')}=${configName}`, label('name-suffix')]);
    const previews = [];
    for (const id of ids) {
        const c = await docker.containerInspect(id);
        const suffix = c?.labels[label('name-suffix')] ?? '';
        if (!c || !_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .NAME_SUFFIX_RE */ .yf.test(suffix))
            continue;
        if ((c.labels[label('repository')] ?? '').toLowerCase() !== repository.toLowerCase())
            continue;
        const name = ours(suffix, c);
        if (name !== undefined && !previews.some((p) => p.suffix === suffix))
            previews.push({ suffix, deployedName: name, environment: c.labels[label('environment')] });
    }
    return previews;
}


/***/ })

};
