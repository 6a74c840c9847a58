export const id = 654;
export const ids = [654];
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

/***/ 8499:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ DNS_LABEL),
/* harmony export */   I: () => (/* binding */ resourceName)
/* harmony export */ });
/** RFC 1123 label: Kubernetes objects, Fly apps, DevPod workspace ids, E2B aliases. */
const DNS_LABEL = { max: 63, invalid: /[^a-z0-9-]+/g, lowercase: true };
function resourceName(name, suffix, rules = DNS_LABEL) {
    const clean = (s) => (rules.lowercase ? s.toLowerCase() : s)
        .replace(rules.invalid, '-')
        .replace(/-{2,}/g, '-')
        .replace(/^-+|-+$/g, '');
    const tail = suffix ? `-${clean(suffix)}` : '';
    const base = clean(name)
        .slice(0, Math.max(1, rules.max - tail.length))
        .replace(/-+$/, '');
    return `${base || 'sindri'}${tail}`;
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
/* harmony export */   ID: () => (/* binding */ withRegistryAuth),
/* harmony export */   S6: () => (/* binding */ buildLabels),
/* harmony export */   _x: () => (/* binding */ buildFacts)
/* harmony export */ });
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
    const git = new _external_git_js__WEBPACK_IMPORTED_MODULE_3__/* .Git */ .T(ctx.exec, ctx.workdir);
    const buildx = await new _external_docker_js__WEBPACK_IMPORTED_MODULE_2__/* .Docker */ .Jg(ctx.exec, ctx.workdir).buildxAvailable();
    const revision = (await git.revision()) ?? process.env.GITHUB_SHA;
    const server = process.env.GITHUB_SERVER_URL;
    const repo = process.env.GITHUB_REPOSITORY;
    const source = server && repo ? `${server}/${repo}` : (0,_external_git_js__WEBPACK_IMPORTED_MODULE_3__/* .publicSourceUrl */ .C)((await git.remoteUrl()) ?? '');
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


/***/ }),

/***/ 8104:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AK: () => (/* binding */ expandSecretPath),
/* harmony export */   Mx: () => (/* binding */ resolveSecrets),
/* harmony export */   pU: () => (/* binding */ requireSecrets)
/* harmony export */ });
/* unused harmony exports parseDotenv, missingSecretsError */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4813);
/**
 * `secrets[]` with `source: env`, for every provider (docs/behaviour.md#secrets,
 * docs/upstream.md#secrets). Lookup order is upstream's: the environment, then `.env.local`, then `.env`
 * (both beside sindri.yaml), then `fromFile`. An empty value counts as unset (a workflow `${{ secrets.X
 * }}` that does not exist is an empty string). Every value found is masked at once; a missing `required`
 * secret fails here, before anything is started.
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
            if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(file)) {
                value = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file, 'utf8').replace(/\r?\n$/, '') || undefined;
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
        (0,_runner_js__WEBPACK_IMPORTED_MODULE_4__/* .setSecret */ .Pq)(value);
        values.set(secret.name, value);
        origins.set(secret.name, origin);
    });
    return { values, origins, missingRequired, notices };
}
function missingSecretsError(config, missing) {
    const i = config.secrets.findIndex((s) => s.name === missing[0]);
    const at = i === -1 ? undefined : config.locate(['secrets', i]);
    const plural = missing.length > 1;
    return new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ActionError */ .lZ(`required secret${plural ? 's' : ''} ${missing.join(', ')} ${plural ? 'are' : 'is'} not set`, {
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


/***/ })

};
