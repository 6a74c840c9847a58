export const id = 793;
export const ids = [793];
export const modules = {

/***/ 9032:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Uu: () => (/* binding */ COMPOSE_FILE),
  Ni: () => (/* binding */ CONFIG_HASH_LABEL),
  kV: () => (/* binding */ HOME_MOUNT),
  NV: () => (/* binding */ PROJECT_LABEL),
  F6: () => (/* binding */ changeHash),
  ZW: () => (/* binding */ generatedFor),
  j_: () => (/* binding */ previousDeployment),
  J1: () => (/* binding */ renderCompose)
});

// UNUSED EXPORTS: DOCUMENT_LABEL, SERVICE, composeHealthcheck, composeMemory, dockerVolume, documentLabels, homeVolume, projectName

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/config/place.ts
var place = __webpack_require__(697);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/naming.ts
var naming = __webpack_require__(8499);
// EXTERNAL MODULE: ./src/providers/kit/environment.ts
var environment = __webpack_require__(2108);
// EXTERNAL MODULE: ./src/providers/kit/secrets.ts
var secrets = __webpack_require__(8104);
// EXTERNAL MODULE: ./src/providers/docker/secrets.ts
var docker_secrets = __webpack_require__(6642);
// EXTERNAL MODULE: ./src/providers/kit/settings.ts
var kit_settings = __webpack_require__(272);
;// CONCATENATED MODULE: ./src/providers/docker/settings.ts


const NETWORKS = ['bridge', 'host', 'none'];
const RESTARTS = ['no', 'always', 'on-failure', 'unless-stopped'];
const RUNTIMES = ['runc', 'sysbox-runc', 'auto'];
const DIND_MODES = ['sysbox', 'privileged', 'socket', 'auto'];
const STORAGE_DRIVERS = ['auto', 'overlay2', 'fuse-overlayfs', 'vfs'];
/** `20GB`, `512MB`: the sizes upstream writes (also `deployment.resources.memory`) */
const SIZE_RE = /^(\d+)(MB|GB)$/i;
const PORT_RE = /^(\d{1,5}):(\d{1,5})$/;
/** `providers.docker`, validated; bad values fail with their line. */
function dockerSettings(config) {
    const s = kit_settings/* Settings */.w.of(config, 'docker');
    const dind = s.sub('dind');
    const ports = s.strings('ports');
    ports.forEach((port, i) => {
        const m = PORT_RE.exec(port);
        if (!m || [m[1], m[2]].some((n) => Number(n) < 1 || Number(n) > 65535))
            throw s.fail(['ports', i], `invalid port mapping "${port}"`, 'write it as "<host port>:<container port>", e.g. "3000:3000"');
    });
    const storageSize = dind.str('storageSize') ?? '20GB';
    if (!SIZE_RE.test(storageSize))
        throw dind.fail('storageSize', `invalid size "${storageSize}"`, 'write it like 20GB or 512MB');
    const settings = {
        restart: s.oneOf('restart', RESTARTS, 'unless-stopped'),
        ports,
        privileged: s.bool('privileged', false),
        extraHosts: s.strings('extraHosts'),
        runtime: s.oneOf('runtime', RUNTIMES, 'auto'),
        dind: {
            enabled: dind.bool('enabled', false),
            mode: dind.oneOf('mode', DIND_MODES, 'auto'),
            storageDriver: dind.oneOf('storageDriver', STORAGE_DRIVERS, 'auto'),
            storageSize,
        },
    };
    if (s.has('network'))
        settings.network = s.oneOf('network', NETWORKS, 'bridge');
    return settings;
}
/**
 * Upstream's DinD choice (docs/upstream.md#docker-provider): `auto` → sysbox when the engine has
 * `sysbox-runc`, else privileged when `providers.docker.privileged`, else none. An explicit `sysbox`
 * on an engine without it is an error here (upstream silently ran without DinD). `runtimes`
 * undefined = plan.
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

;// CONCATENATED MODULE: ./src/providers/docker/compose.ts
/**
 * The compose document of the docker provider, built as an object from sindri.yaml and serialized
 * with `yaml` (never by string concatenation). Pure: everything observed on the engine (runtimes,
 * CPU count) comes in as `EngineFacts`, absent in plan mode.
 *
 * Differences from upstream's docker-compose.yml.tera (docs/upstream.md#compose-template), on purpose:
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
/** Label holding the hash of the rendered document (secret values excluded): the skip-if-unchanged check. */
const CONFIG_HASH_LABEL = 'org.sindri.deploy-action.config-hash';
const PROJECT_LABEL = 'com.docker.compose.project';
/** The document itself (base64 JSON, labels left out): what `rollback` puts back when the next rollout fails. */
const DOCUMENT_LABEL = 'org.sindri.deploy-action.compose-document';
/**
 * The service's healthcheck for input health-command: the same shell line as the check after the
 * release, by the container's own `/bin/sh -c` (`CMD-SHELL`). Probed every 2 s; failures in the first
 * `health-timeout` do not count (`start_period`, so a slow start gets what health-timeout promises), a
 * pass counts at once; then 3 failures in a row make it unhealthy. (`start_interval`, a faster probe
 * only while starting, needs Docker Engine 25.)
 */
function composeHealthcheck(health) {
    return {
        test: ['CMD-SHELL', health.command],
        interval: '2s',
        timeout: '10s',
        retries: 3,
        start_period: `${Math.max(1, Math.ceil(health.timeoutMs / 1000))}s`,
    };
}
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
/** `4GB` → `4g`, `512MB` → `512m` (docker's binary units, as upstream meant them). */
function composeMemory(value, where = { field: 'deployment.resources.memory' }) {
    const m = SIZE_RE.exec(value.trim());
    if (!m || Number(m[1]) === 0)
        throw new errors/* ActionError */.lZ(`invalid memory size "${value}"`, {
            where,
            fix: 'write a whole number of MB or GB, e.g. memory: 4GB or 512MB (docker needs MB or GB)',
        });
    return `${Number(m[1])}${m[2].toUpperCase() === 'GB' ? 'g' : 'm'}`;
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
    const name = (0,naming/* resourceName */.Iy)(config.name, input.nameSuffix ?? '', naming/* DOCKER_NAME */.nR);
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
    if (input.health?.command)
        svc.healthcheck = composeHealthcheck(input.health);
    const env = (0,environment/* sindriEnvironment */.l)(config);
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
    const resources = {
        limits: { memory: composeMemory(res.memory ?? '4GB', (0,place/* placeOf */.$)(config, ['deployment', 'resources', 'memory'])), cpus: String(cpus) },
    };
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
    const unsupported = config.secrets.filter((x) => !secrets.DELIVERED_SOURCES.includes(x.source)).map((x) => x.name);
    if (unsupported.length > 0)
        notes.push(`secrets ${unsupported.join(', ')}: only source: env and file secrets are handed to the container`);
    const project = projectName(name);
    const document = escapeInterpolation({
        name: project,
        ...input.base,
        services: { [SERVICE]: svc },
        volumes: topVolumes,
    });
    const service = document.services[SERVICE];
    if (input.secretNames.length > 0)
        service.env_file = [envFileEntry()];
    const hash = changeHash(JSON.stringify(document));
    service.labels = documentLabels(document, hash);
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
/** The labels of the service: the change hash and the document they describe (base64: no `$` for compose to read). */
function documentLabels(document, hash) {
    return { [CONFIG_HASH_LABEL]: hash, [DOCUMENT_LABEL]: Buffer.from(JSON.stringify(document), 'utf8').toString('base64') };
}
/**
 * The env file's entry in a document: its path is read from the environment of the compose command
 * (`${SINDRI_SECRETS_ENV_FILE}`, a private folder under RUNNER_TEMP that changes every run), so the
 * document and its hash stay the same from run to run; `/dev/null` (nothing) when it is not set.
 */
function envFileEntry() {
    return { path: `\${${docker_secrets/* SECRETS_FILE_VAR */.P0}:-/dev/null}`, required: false };
}
/**
 * The deployment a running container was started from, from its labels, to be restored exactly: the
 * image by ID. A document of an earlier version naming the env file in the working directory is
 * pointed at this run's file. Undefined when the container has no such labels.
 */
function previousDeployment(running, source) {
    const encoded = running.labels[DOCUMENT_LABEL];
    const hash = running.labels[CONFIG_HASH_LABEL];
    if (!encoded || !hash)
        return undefined;
    const document = JSON.parse(Buffer.from(encoded, 'base64').toString('utf8'));
    const service = document.services?.[SERVICE];
    if (!service)
        return undefined;
    const deployedAs = String(service.image ?? '');
    const labels = documentLabels(structuredClone(document), hash);
    service.image = running.imageId;
    if (service.env_file !== undefined)
        service.env_file = [envFileEntry()];
    service.labels = labels;
    return {
        yaml: `# generated by sindri/deploy-action from ${source} (the previous deployment, put back by rollback)\n${serialize(document)}`,
        imageId: running.imageId,
        ref: /@sha256:[0-9a-f]{64}$/.test(deployedAs) ? deployedAs : running.imageId,
    };
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
/**
 * Is the file at `path` the document this action generated for exactly `project`? (destroy removes
 * the working directory's file only then: a deploy with another name-suffix may have written it).
 */
function generatedFor(path, project) {
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(path, 'utf8');
    }
    catch {
        return false;
    }
    if (!text.startsWith('# generated by sindri/deploy-action'))
        return false;
    try {
        return (0,dist/* parse */.qg)(text)?.name === project;
    }
    catch {
        return false;
    }
}


/***/ }),

/***/ 6642:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MO: () => (/* binding */ plannedEnvFile),
/* harmony export */   P0: () => (/* binding */ SECRETS_FILE_VAR),
/* harmony export */   R_: () => (/* binding */ SECRETS_FILE),
/* harmony export */   cu: () => (/* binding */ withEnvFile),
/* harmony export */   q2: () => (/* binding */ encodeEnvFile),
/* harmony export */   ug: () => (/* binding */ sameSecrets)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
/**
 * How the docker provider hands secrets to the container: an env file that compose reads
 * (`env_file`, `required: false`), mode 0600 in a private folder under RUNNER_TEMP registered for the
 * post step before it exists, written just before `compose up` and removed right after
 * (docs/behaviour.md#secrets). The compose document names the file through a variable, never a value.
 */



/** The file's name inside its private folder (and as plan shows it). */
const SECRETS_FILE = '.sindri-secrets.env';
/** The variable the compose document reads the env file's path from (set only for the compose commands that start the container). */
const SECRETS_FILE_VAR = 'SINDRI_SECRETS_ENV_FILE';
/**
 * The env file compose reads (`env_file`), every value in the form Compose documents for values that
 * may span lines: double-quoted, with `\\` `\"` `\$` and `\n` `\r` escaped (a PEM key arrives whole
 * whatever the Compose version's reading of single quotes; `$` is never interpolated).
 */
function encodeEnvFile(values) {
    const entries = values instanceof Map ? [...values.entries()] : Object.entries(values);
    return entries
        .map(([k, v]) => {
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(k))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ(`invalid secret name "${k}"`, { fix: 'secret names are letters, digits and _' });
        if (/[\0-\x08\x0b\x0c\x0e-\x1f\x7f]/.test(v))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ(`secret ${k} holds a control character other than a new line or a tab`, {
                fix: `remove it from the value of ${k}, or encode the value (base64) and decode it in the container`,
            });
        const escaped = v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\$/g, '\\$').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
        return `${k}="${escaped}"\n`;
    })
        .join('');
}
/** The env file as plan shows it: the names, every value masked. */
function plannedEnvFile(names) {
    return { path: SECRETS_FILE, content: encodeEnvFile(Object.fromEntries(names.map((n) => [n, '***']))), mode: 0o600 };
}
/**
 * Run `fn` (a `compose up`) with the env file in place, and remove it afterwards whatever happens.
 * `fn` gets the environment compose needs to find it. The file lives in a private folder under
 * RUNNER_TEMP, registered for the post step before it exists, so a cancelled run leaves nothing.
 */
async function withEnvFile(ctx, secrets, fn) {
    if (secrets.values.size === 0)
        return await fn({});
    // encoded first: a value that cannot be written fails before anything is created
    const content = encodeEnvFile(secrets.values);
    const dir = ctx.temps.dir('sindri-docker-env-');
    try {
        const path = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, SECRETS_FILE);
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(path, content, { mode: 0o600, flag: 'wx' });
        return await fn({ [SECRETS_FILE_VAR]: path });
    }
    finally {
        ctx.temps.remove(dir);
    }
}
/** Does the running container already hold every secret value (compared in memory, never printed)? */
function sameSecrets(c, secrets) {
    const env = new Set(c.env);
    return [...secrets.values].every(([k, v]) => env.has(`${k}=${v}`));
}


/***/ }),

/***/ 1793:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  FlyProvider: () => (/* binding */ FlyProvider),
  TOKEN_ENVS: () => (/* binding */ TOKEN_ENVS),
  requireFlyToken: () => (/* binding */ requireFlyToken),
  runningImage: () => (/* binding */ runningImage),
  runsAlready: () => (/* binding */ runsAlready)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/text.ts
var src_text = __webpack_require__(8992);
;// CONCATENATED MODULE: ./src/external/flyctl.ts
/**
 * The `flyctl` CLI (superfly/flyctl; flags, messages and shapes checked against v0.4.87). Methods only
 * assemble argv (exported as `flyctlArgv`, so the plan prints exactly what deploy runs) and call one
 * private `execute` over src/external/exec.ts. `--app`, `--json` and `--yes` are not global flags in
 * flyctl: each call passes only those its command defines, and a bool is written `--flag=value` (a bool
 * never takes the next word). Every call that flyctl can answer in JSON asks for it (`--json`); the
 * shapes read here are flyctl's:
 * `status --json` (internal/command/status/machines.go renderMachineJSONStatus, machines as fly-go
 * machine_types.go), `volumes list --json` (fly-go volume_types.go), `secrets list --json`
 * (internal/command/secrets/list.go SecretWithStatus), `ips list --json` (fly-go types.go
 * IPAddress), `image show --json` (internal/command/image/show.go). `deploy`, `secrets import`,
 * `apps destroy` and `ips allocate-v4` have no JSON output in flyctl.
 * Failures become one ActionError carrying flyctl's own `Error: …` line (internal/cli/cli.go
 * printError) and a fix for the usual causes.
 */


/** Pure argv builders (without the leading `flyctl`). */
const flyctlArgv = {
    status: (app) => ['status', '--app', app, '--json'],
    appsCreate: (app, org) => ['apps', 'create', app, '--org', org, '--json'],
    appsDestroy: (app) => ['apps', 'destroy', app, '--yes'],
    volumesList: (app) => ['volumes', 'list', '--app', app, '--json'],
    volumesCreate: (app, name, sizeGb, region) => [
        'volumes',
        'create',
        name,
        '--app',
        app,
        '--size',
        String(sizeGb),
        '--region',
        region,
        '--yes',
        '--json',
    ],
    secretsList: (app) => ['secrets', 'list', '--app', app, '--json'],
    /** NAME=value lines come on stdin, never in argv */
    secretsImport: (app) => ['secrets', 'import', '--app', app, '--stage'],
    ipsList: (app) => ['ips', 'list', '--app', app, '--json'],
    /** a dedicated (billable) IPv4; `--yes` answers its confirmation */
    ipsAllocateV4: (app) => ['ips', 'allocate-v4', '--app', app, '--yes'],
    /** a public IPv6: no prompt, and no `--yes` (the command does not define it) */
    ipsAllocateV6: (app) => ['ips', 'allocate-v6', '--app', app],
    imageShow: (app) => ['image', 'show', '--app', app, '--json'],
    /**
     * `command` (one shell line) inside a started machine. flyctl sends `--command` as ONE SSH exec
     * request (ssh/io.go `sess.Run`); Fly's SSH server splits it into words as a shell would and runs
     * them without a shell. So the line goes to the image's own `/bin/sh -c`, quoted as one word.
     */
    /** `agent` commands have no `--app`: the agent is found through FLY_CONFIG_DIR */
    agentStop: () => ['agent', 'stop'],
    sshCommand: (app, command) => [
        'ssh',
        'console',
        '--app',
        app,
        '--quiet',
        '--command',
        (0,src_text/* quoteArgv */.rx)(['/bin/sh', '-c', command]),
    ],
    deploy(s) {
        const args = ['deploy', '--config', s.config, '--app', s.app];
        if (s.image)
            args.push('--image', s.image);
        if (s.dockerfile)
            args.push('--dockerfile', s.dockerfile);
        // remote only: a prebuilt image is resolved by Fly's API, never pushed from a local engine; a build uses Fly's builder
        args.push('--remote-only');
        for (const [k, v] of Object.entries(s.buildArgs ?? {}))
            args.push('--build-arg', `${k}=${v}`);
        if (s.noCache)
            args.push('--no-cache');
        if (s.imageLabel)
            args.push('--image-label', s.imageLabel);
        args.push('--strategy', 'rolling', `--ha=${s.highAvailability}`, '--wait-timeout', `${s.waitTimeoutSeconds}s`, '--yes');
        for (const [k, v] of Object.entries(s.env))
            args.push('--env', `${k}=${v}`);
        return args;
    },
};
/** flyctl's own message: its `Error: …` line (ANSI colours removed), else the last line it wrote. */
function flyctlMessage(stderr, stdout = '') {
    const lines = `${stderr}\n${stdout}`
        .replace(/\x1b\[[0-9;]*[A-Za-z]/g, '')
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
    const err = lines.find((l) => /^Error:?\s/.test(l));
    return (err ? err.replace(/^Error:?\s*/, '') : (lines.at(-1) ?? '')).slice(0, 400);
}
/** The fix for flyctl's usual failures (its messages: prompt.Org, prompt.Region, fly-go api.go, flaps). */
function flyctlFix(message, fallback) {
    if (/organization .* not found|org slug must be specified/i.test(message))
        return 'set providers.fly.organization to an organization slug your token can use (flyctl orgs list)';
    if (/region .* not found|requires an organization with a Launch plan|invalid region/i.test(message))
        return 'set providers.fly.region to a Fly.io region code (flyctl platform regions)';
    if (/unauthori[sz]ed|not authorized|must be authenticated|no access token|access token|401/i.test(message))
        return 'FLY_API_TOKEN is missing, invalid, expired or lacks access to this app: create one with flyctl tokens create deploy (or org) and pass it as a secret';
    if (/already been taken|already exists/i.test(message))
        return 'the app name is taken on Fly.io by another organization: set providers.fly.name, or a name-suffix';
    return fallback;
}
/**
 * A failed flyctl call in one line: its own message and a fix, or, when it printed nothing (flyctl
 * exits 127 silently when interrupted), that it printed nothing, never "read its output above".
 */
function flyctlFailure(what, code, message, fix) {
    if (message)
        return new errors/* ActionError */.lZ(`flyctl ${what} failed: ${message}`, { fix: flyctlFix(message, fix) });
    return new errors/* ActionError */.lZ(`flyctl ${what} failed with exit code ${code} and printed nothing`, {
        fix: code === 127
            ? 'flyctl exits 127 without a word when it is interrupted (a signal, a cancelled context): run the step again'
            : `run the step again; if it fails the same way, run the same flyctl ${what} by hand with --debug to see why`,
    });
}
/** What flyctl reads: its own settings and token (FLY_API_TOKEN / FLY_ACCESS_TOKEN), Docker settings for a local image. */
const FLY_ENV = [/^FLY_/, /^FLYCTL_/, /^DOCKER_/];
class Flyctl {
    exec;
    cwd;
    env;
    constructor(exec, cwd, env = {}) {
        this.exec = exec;
        this.cwd = cwd;
        this.env = env;
    }
    async execute(args, opts) {
        const r = await this.exec.run('flyctl', args, {
            cwd: opts.cwd ?? this.cwd,
            pass: FLY_ENV,
            // no colours and no update prompt: plain text to parse, nothing interactive; no `::error` lines of its own
            // (FLY_GHA_ERROR_ANNOTATION) and no JSON where we expect text (FLY_JSON)
            env: { NO_COLOR: '1', FLY_NO_UPDATE_CHECK: '1', FLY_GHA_ERROR_ANNOTATION: undefined, FLY_JSON: undefined, ...this.env },
            input: opts.input,
            timeoutMs: opts.timeoutMs,
            stream: opts.stream,
            allowFailure: true,
        });
        if (r.code === 0 || opts.allowFailure)
            return r;
        const message = r.timedOut ? `did not finish within ${Math.round(opts.timeoutMs / 1000)} s` : flyctlMessage(r.stderr, r.stdout);
        throw flyctlFailure(args.slice(0, 2).join(' '), r.code, message, opts.fix ?? "read flyctl's output above");
    }
    static json(r, what) {
        try {
            return JSON.parse(r.stdout);
        }
        catch {
            throw new errors/* ActionError */.lZ(`flyctl ${what} did not print JSON`, { fix: 'use a flyctl release from 2025 or later (flyctl-version)' });
        }
    }
    /** undefined when the app does not exist (GraphQL "Could not find App", as flyctl's deploy.go tests for). */
    async status(app, timeoutMs) {
        const r = await this.execute(flyctlArgv.status(app), { timeoutMs, allowFailure: true });
        if (r.code !== 0) {
            const message = flyctlMessage(r.stderr, r.stdout);
            if (/Could not find App/i.test(message))
                return undefined;
            throw flyctlFailure('status', r.code, message, "read flyctl's output above");
        }
        return Flyctl.json(r, 'status');
    }
    async appsCreate(app, org, timeoutMs) {
        await this.execute(flyctlArgv.appsCreate(app, org), { timeoutMs });
    }
    /** false when there was no such app (destroy is idempotent) */
    async appsDestroy(app, timeoutMs) {
        const r = await this.execute(flyctlArgv.appsDestroy(app), { timeoutMs, allowFailure: true });
        if (r.code === 0)
            return true;
        const message = flyctlMessage(r.stderr, r.stdout);
        if (/Could not find App/i.test(message))
            return false;
        throw flyctlFailure('apps destroy', r.code, message, `destroy it by hand: flyctl apps destroy ${app} --yes`);
    }
    async volumesList(app, timeoutMs) {
        return Flyctl.json(await this.execute(flyctlArgv.volumesList(app), { timeoutMs }), 'volumes list') ?? [];
    }
    async volumesCreate(app, name, sizeGb, region, timeoutMs) {
        await this.execute(flyctlArgv.volumesCreate(app, name, sizeGb, region), { timeoutMs });
    }
    async secretsList(app, timeoutMs) {
        return Flyctl.json(await this.execute(flyctlArgv.secretsList(app), { timeoutMs }), 'secrets list') ?? [];
    }
    /** `lines` is the NAME=value text (see encodeSecretsImport): stdin only */
    async secretsImport(app, lines, timeoutMs) {
        await this.execute(flyctlArgv.secretsImport(app), { timeoutMs, input: lines });
    }
    async ipsList(app, timeoutMs) {
        return Flyctl.json(await this.execute(flyctlArgv.ipsList(app), { timeoutMs }), 'ips list') ?? [];
    }
    async ipsAllocateV4(app, timeoutMs) {
        await this.execute(flyctlArgv.ipsAllocateV4(app), { timeoutMs });
    }
    async ipsAllocateV6(app, timeoutMs) {
        await this.execute(flyctlArgv.ipsAllocateV6(app), { timeoutMs });
    }
    async imageShow(app, timeoutMs) {
        return Flyctl.json(await this.execute(flyctlArgv.imageShow(app), { timeoutMs }), 'image show') ?? [];
    }
    /**
     * The health command inside the app; never throws for a non-zero exit. flyctl itself exits 1 for any
     * remote status (`Error: ssh shell: Process exited with status N`): the code returned is N.
     */
    async sshCommand(app, command, timeoutMs) {
        const r = await this.execute(flyctlArgv.sshCommand(app, command), { timeoutMs, input: '', allowFailure: true });
        const status = /^Error: ssh shell: Process exited with status (\d+)\s*$/m.exec(r.stderr);
        if (!status)
            return r;
        return { ...r, code: Number(status[1]), stderr: r.stderr.replace(status[0], '').trimEnd() };
    }
    /** Stop the agent `ssh console` started for this config folder (it keeps the token in its environment); false when none ran. */
    async agentStop(timeoutMs) {
        return (await this.execute(flyctlArgv.agentStop(), { timeoutMs, allowFailure: true })).code === 0;
    }
    /** streamed; the result is returned (not thrown) so the provider can say what the failure left running */
    async deploy(spec, opts) {
        const r = await this.execute(flyctlArgv.deploy(spec), { cwd: opts.cwd, timeoutMs: opts.timeoutMs, stream: true, allowFailure: true });
        return { ...r, message: r.code === 0 ? '' : flyctlMessage(r.stderr, r.stdout) };
    }
}

// EXTERNAL MODULE: ./src/runner.ts
var runner = __webpack_require__(4813);
// EXTERNAL MODULE: ./src/providers/kit/health.ts
var kit_health = __webpack_require__(4971);
// EXTERNAL MODULE: ./src/providers/kit/notices.ts
var notices = __webpack_require__(4723);
// EXTERNAL MODULE: ./src/providers/kit/time.ts
var time = __webpack_require__(1068);
// EXTERNAL MODULE: ./src/providers/kit/secrets.ts
var kit_secrets = __webpack_require__(8104);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./node_modules/smol-toml/dist/index.js + 8 modules
var dist = __webpack_require__(3292);
// EXTERNAL MODULE: ./src/config/place.ts
var place = __webpack_require__(697);
// EXTERNAL MODULE: ./src/providers/docker/compose.ts + 1 modules
var compose = __webpack_require__(9032);
// EXTERNAL MODULE: ./src/providers/kit/environment.ts
var environment = __webpack_require__(2108);
;// CONCATENATED MODULE: ./src/providers/fly/fly-toml.ts
/**
 * fly.toml for provider fly, as an object serialized with smol-toml (never a string template)
 * (docs/upstream.md#fly-template, docs/upstream.md#fly-provider; ADR 0008). Pure: no file system,
 * no flyctl. Keys are flyctl's own (internal/appconfig/config.go, service.go in superfly/flyctl):
 * `[[vm]]` with `size`/`cpu_kind`/`cpus`/`memory`, top-level `swap_size_mb`, `[[mounts]]`,
 * `[[services]]` with `auto_stop_machines`.
 */





const FLY_TOML = 'fly.toml';
/** the home volume, as upstream names it; volumes are scoped to the app, so the app name carries the suffix */
const HOME_VOLUME = 'home_data';
/** sshd in the Sindri image (docs/upstream.md#the-sindri-image) */
const SSHD_PORT = 2222;
const SIZE_RE = /^(\d+)\s*(MB|GB|TB)$/i;
/** `2GB` → 2048 (MB), as upstream's Fly context reads `resources.memory`; `path` is where the size is written. */
function megabytes(config, value, path) {
    const m = SIZE_RE.exec(value.trim());
    if (!m)
        throw (0,place/* configError */.F)(config, path, `invalid size "${value}"`, 'write it like 2GB or 512MB');
    const n = Number(m[1]);
    const unit = m[2].toUpperCase();
    return unit === 'MB' ? n : unit === 'GB' ? n * 1024 : n * 1024 * 1024;
}
/** Volume size in whole GB (Fly's unit), at least 1. */
function volumeGigabytes(config) {
    const size = config.deployment.volumes.workspace?.size ?? '10GB';
    return Math.max(1, Math.ceil(megabytes(config, size, ['deployment', 'volumes', 'workspace', 'size']) / 1024));
}
const TOML_HEADER = '# generated by sindri/deploy-action';
/** true for a fly.toml this action wrote (its first line), so a user's own is never overwritten or removed */
function isOurToml(text) {
    return text.startsWith(TOML_HEADER);
}
function renderFlyToml(input) {
    const { config, settings, app } = input;
    const notes = [];
    const res = config.deployment.resources;
    const env = { DEV_USER: 'developer', SSH_PORT: String(SSHD_PORT), TZ: 'UTC', ...(0,environment/* sindriEnvironment */.l)(config) };
    for (const name of input.secretNames) {
        if (name in env) {
            delete env[name];
            notes.push(`[env] ${name} left out: it is a secret, set with flyctl secrets import`);
        }
    }
    if (res.gpu?.enabled)
        throw (0,place/* configError */.F)(config, ['deployment', 'resources', 'gpu', 'enabled'], 'Fly.io no longer offers GPU machines (flyctl: "GPU machines are no longer offered")', 'remove resources.gpu (or set enabled: false) for Fly, or deploy GPU workloads with provider kubernetes on GPU nodes');
    const memoryMb = megabytes(config, res.memory ?? '2GB', ['deployment', 'resources', 'memory']);
    const vm = { cpu_kind: settings.cpuKind, cpus: res.cpus ?? 2, memory: `${memoryMb}mb` };
    const gb = volumeGigabytes(config);
    const doc = {
        app,
        primary_region: settings.region,
        swap_size_mb: Math.max(Math.floor(memoryMb / 2), 2048),
        deploy: { strategy: 'rolling' },
        env,
        mounts: [
            {
                source: HOME_VOLUME,
                destination: compose/* HOME_MOUNT */.kV,
                initial_size: `${gb}gb`,
                snapshot_retention: 7,
                auto_extend_size_threshold: 80,
                auto_extend_size_increment: '5GB',
                auto_extend_size_limit: '250GB',
            },
        ],
        services: [
            {
                protocol: 'tcp',
                internal_port: SSHD_PORT,
                // flyctl's MachineAutostop: "off" | "stop" | "suspend"
                auto_stop_machines: settings.autoStopMachines ? 'suspend' : 'off',
                auto_start_machines: settings.autoStartMachines,
                min_machines_running: 0,
                ports: [{ port: settings.sshPort }],
                tcp_checks: [{ interval: '30s', timeout: '10s', grace_period: '120s' }],
            },
        ],
        vm: [vm],
    };
    const text = `${TOML_HEADER} from ${config.file}: edit ${config.file}, not this file\n${(0,dist/* stringify */.As)(doc)}\n`;
    return { doc, text, hash: (0,external_node_crypto_.createHash)('sha256').update(text).digest('hex'), notes };
}

;// CONCATENATED MODULE: ./src/providers/fly/secrets.ts
/**
 * The secrets channel of provider fly (ADR 0008), pure:
 * - `encodeSecretsImport`: the stdin of `flyctl secrets import`, written for flyctl's own parser
 *   (internal/command/secrets/parser.go: `NAME=value`, a `#` after an even number of `"` starts a
 *   comment, surrounding quotes are removed, `"""…"""` spans lines, lines are read by a
 *   bufio.Scanner that drops `\r` and stops at 64 KiB). Every value is written as `"""value"""`,
 *   which that parser returns unchanged; a value it cannot carry is refused by name, never shown.
 * - which secrets must be staged: Fly shows only a digest per secret, computed by its API (flyctl
 *   has no code for it), so the action keeps its own fingerprint per secret on the machines
 *   (`SINDRI_SECRET_FINGERPRINTS`): an HMAC of the value keyed with the Fly token, plus the digest
 *   Fly showed after staging. A secret is unchanged when both still match.
 */


const SECRET_FINGERPRINTS_ENV = 'SINDRI_SECRET_FINGERPRINTS';
const TOML_HASH_ENV = 'SINDRI_FLY_TOML_SHA256';
/** bufio.Scanner's default token limit in flyctl's parser */
const MAX_LINE = 64 * 1024 - 1;
function encodeSecretsImport(values, configFile) {
    const lines = [];
    for (const [name, value] of values) {
        const why = unencodable(value);
        if (why)
            throw new errors/* ActionError */.lZ(`secret ${name} cannot be handed to flyctl secrets import: its value ${why}`, {
                where: { file: configFile, field: 'secrets' },
                fix: `store ${name} base64-encoded and decode it in the machine, or set it with flyctl secrets set`,
            });
        lines.push(`${name}="""${value}"""`);
    }
    return lines.length ? `${lines.join('\n')}\n` : '';
}
/** Why flyctl's parser would not give this value back unchanged, or '' when it would. */
function unencodable(value) {
    if (value.includes('\r'))
        return 'contains a carriage return (flyctl drops it)';
    const lines = value.split('\n');
    if (lines.some((l, i) => l.length + (i === 0 ? 80 : 3) > MAX_LINE))
        return 'has a line longer than 64 KiB';
    // the first line is read as `"""` + line: a `#` after an even number of quotes would start a comment
    const first = `"""${lines[0]}`;
    const hash = first.indexOf('#');
    if (hash !== -1 && (first.slice(0, hash).match(/"/g)?.length ?? 0) % 2 === 0)
        return 'has a # after an odd number of " on its first line';
    // inside a multi-line value, a line ending in """ would end it early
    if (lines.length > 1 && lines.slice(0, -1).some((l, i) => (i === 0 ? false : l.endsWith('"""'))))
        return 'has a line ending in """';
    if (lines.length > 1 && lines[0].endsWith('"""'))
        return 'has a first line ending in """';
    return '';
}
function secretFingerprint(token, name, value) {
    return (0,external_node_crypto_.createHmac)('sha256', token).update(`${name}=${value}`).digest('hex').slice(0, 32);
}
function formatFingerprints(record) {
    return [...record]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([n, r]) => `${n}:${r.hmac}:${r.digest.replace(/[,:]/g, '')}`)
        .join(',');
}
function parseFingerprints(text) {
    const out = new Map();
    for (const part of (text ?? '').split(',')) {
        const [name, hmac, digest] = part.split(':');
        if (name && hmac)
            out.set(name, { hmac, digest: digest ?? '' });
    }
    return out;
}
/**
 * The secrets to stage: those Fly does not have, whose Fly digest changed since the action set them
 * (someone ran flyctl secrets set), or whose value changed (the HMAC differs).
 */
function secretsToStage(values, token, flyDigests, previous) {
    const stage = [];
    for (const [name, value] of values) {
        const digest = flyDigests.get(name);
        const before = previous.get(name);
        if (digest === undefined ||
            !before ||
            before.digest !== digest.replace(/[,:]/g, '') ||
            before.hmac !== secretFingerprint(token, name, value))
            stage.push(name);
    }
    return stage;
}
/** What the running machines recorded about the secrets (the first machine `flyctl status` lists with a record). */
function previousFingerprints(status) {
    const m = (status?.Machines ?? []).find((x) => x.config?.env?.[SECRET_FINGERPRINTS_ENV]);
    return parseFingerprints(m?.config?.env?.[SECRET_FINGERPRINTS_ENV]);
}
/** The value of SINDRI_SECRET_FINGERPRINTS for these values and Fly's digests; undefined without secrets. */
function fingerprintsOf(values, token, digests) {
    if (values.size === 0)
        return undefined;
    return formatFingerprints(new Map([...values].map(([name, value]) => [name, { hmac: secretFingerprint(token, name, value), digest: digests.get(name) ?? '' }])));
}

// EXTERNAL MODULE: ./src/naming.ts
var naming = __webpack_require__(8499);
// EXTERNAL MODULE: ./src/providers/kit/settings.ts
var settings = __webpack_require__(272);
;// CONCATENATED MODULE: ./src/providers/fly/settings.ts


function flySettings(config) {
    const s = settings/* Settings */.w.of(config, 'fly');
    /** a single value that must match `re`; absent or empty → `fallback` */
    const matching = (key, fallback, re, fix) => {
        const v = s.str(key);
        if (v === undefined)
            return fallback;
        if (!re.test(v))
            throw s.fail(key, `invalid ${key} ${JSON.stringify(v)}`, fix);
        return v;
    };
    return {
        baseName: matching('name', config.name, /^[a-z][a-z0-9-]*$/, 'a Fly app name: lowercase letters, digits and hyphens, starting with a letter'),
        region: matching('region', 'sjc', /^[a-z0-9]{3,4}$/, 'use a Fly.io region code such as sjc, ord or fra (flyctl platform regions)'),
        organization: matching('organization', 'personal', /^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'use an organization slug (flyctl orgs list)'),
        autoStopMachines: s.bool('autoStopMachines', true),
        autoStartMachines: s.bool('autoStartMachines', true),
        cpuKind: s.oneOf('cpuKind', ['shared', 'performance'], 'shared'),
        sshPort: s.int('sshPort', 1024, 65535, 'use a port between 1024 and 65535') ?? 10022,
        highAvailability: s.bool('highAvailability', false),
        dedicatedIpv4: s.bool('dedicatedIpv4', false),
    };
}
/** The app: `providers.fly.name` else `name`, plus `-<name-suffix>`; a Fly app name is one DNS label (`<app>.fly.dev`). */
function flyAppName(settings, suffix) {
    return (0,naming/* resourceName */.Iy)(settings.baseName, suffix);
}

;// CONCATENATED MODULE: ./src/providers/fly/steps.ts
/**
 * What provider fly does, decided without side effects, for plan and deploy alike: the target (the
 * app, its settings and the fly.toml rendered for it), then from what Fly has (the facts) the set-up
 * commands, the release and the read-back, each with its argv (built by `flyctlArgv`, so the plan
 * prints exactly what deploy runs). A fact that is not known (plan) makes a command conditional.
 */






function connectHint(app) {
    return `flyctl ssh console -a ${app}`;
}
/** The user sshd serves in the Sindri image (fly.toml [env] DEV_USER). */
const SSH_USER = 'developer';
/** Why the SSH service needs addresses of its own (said in the plan and the guide). */
const RAW_TCP = "the SSH service is raw TCP: only the app's IPv6 or a dedicated IPv4 reaches it (a shared IPv4 carries HTTP and TLS only), and flyctl's first deploy allocates nothing for it without a terminal";
/** The address note: IPv6 only unless a dedicated IPv4 was asked for. */
function addressNote(app, dedicatedIpv4) {
    return dedicatedIpv4
        ? `${app}.fly.dev resolves to the app's IPv6 and its dedicated IPv4`
        : `${app}.fly.dev resolves to an IPv6 address only: a network without IPv6 (GitHub-hosted runners among them) reaches it with flyctl ssh console, or set providers.fly.dedicatedIpv4: true for a (billable) IPv4`;
}
/** What highAvailability gives on Fly (said at deploy and in the plan). */
const HA_NOTE = 'providers.fly.highAvailability gives ONE machine: flyctl creates a single machine for a group with a mounted volume, and the home volume is always mounted; a second machine would need a second, empty home volume (Fly volumes are not replicated), so the action does not add one (docs/providers/fly.md#high-availability)';
/** The app and its fly.toml for a context: bad settings and documents fail here, before any flyctl call. */
function flyTarget(ctx, secretNames) {
    const settings = flySettings(ctx.config);
    const app = flyAppName(settings, ctx.inputs['name-suffix']);
    const toml = renderFlyToml({ config: ctx.config, settings, app, secretNames });
    return {
        settings,
        app,
        secretNames: [...secretNames],
        toml,
        tomlPath: (0,external_node_path_.relative)(ctx.workdir, (0,external_node_path_.join)(ctx.config.dir, FLY_TOML)) || FLY_TOML,
        url: `ssh://${SSH_USER}@${app}.fly.dev:${settings.sshPort}`,
        connect: connectHint(app),
    };
}
/**
 * `flyctl deploy` for the target: a prebuilt image with `--image` from fly.toml's folder, or a remote
 * build from the build context. `waitSeconds` and `fingerprints` are what is known only at the
 * release (the time left, Fly's digests of the staged secrets).
 */
function flyRelease(ctx, target, at) {
    const { config, inputs, image, workdir } = ctx;
    const env = { [TOML_HASH_ENV]: target.toml.hash };
    if (target.secretNames.length > 0)
        env[SECRET_FINGERPRINTS_ENV] = at.fingerprints ?? '<HMAC per secret, computed at deploy>';
    // --ha=false: with the mounted home volume flyctl makes one machine whatever --ha says (HA_NOTE)
    const common = { app: target.app, waitTimeoutSeconds: at.waitSeconds, highAvailability: false, env };
    const tomlAbs = (0,external_node_path_.join)(config.dir, FLY_TOML);
    // a prebuilt image, or the previous release's digest (a rollback)
    if (at.image || !image.build)
        return { cwd: config.dir, deploy: { ...common, config: FLY_TOML, image: at.image ?? image.deployRef } };
    if (!image.dockerfile)
        throw new errors/* ActionError */.lZ('the image decision asks for a build but names no Dockerfile', {
            fix: 'report this at https://github.com/sindri/deploy-action/issues',
        });
    // Fly's build context is flyctl's working directory: the build context; --dockerfile and --config relative to it
    const cwd = (0,external_node_path_.resolve)(workdir, inputs['build-context'] || '.');
    return {
        cwd,
        deploy: {
            ...common,
            config: (0,external_node_path_.relative)(cwd, tomlAbs),
            dockerfile: (0,external_node_path_.relative)(cwd, (0,external_node_path_.resolve)(workdir, image.dockerfile)),
            buildArgs: inputs['build-args'],
            noCache: inputs.force,
            imageLabel: image.parsed.tag,
        },
    };
}
/** The pure heart: from the target and the facts, the set-up, the release and every flyctl command with why. */
function flySteps(ctx, target, facts) {
    const { config, image, inputs, workdir } = ctx;
    const { app, settings, secretNames } = target;
    const notes = [...target.toml.notes];
    const setUp = [];
    const commands = [];
    const probe = (argv, why) => commands.push({ argv: ['flyctl', ...argv], why, mutates: false });
    /** a set-up command: run when `needed`, listed as conditional when that is not known (plan) */
    const change = (step, needed, argv, why, conditional) => {
        if (needed === false)
            return;
        if (needed)
            setUp.push(step);
        commands.push({ argv: ['flyctl', ...argv], why: needed ? why : conditional, mutates: true });
    };
    const unless = (fact) => (fact === undefined ? undefined : !fact);
    probe(flyctlArgv.status(app), 'does the app exist, and what runs (image, fly.toml hash)');
    change('apps create', unless(facts.appExists), flyctlArgv.appsCreate(app, settings.organization), 'the app does not exist', 'only when the app does not exist');
    probe(flyctlArgv.volumesList(app), `is volume ${HOME_VOLUME} there`);
    change('volumes create', unless(facts.volumePresent), flyctlArgv.volumesCreate(app, HOME_VOLUME, volumeGigabytes(config), settings.region), `volume ${HOME_VOLUME} is missing`, `only when volume ${HOME_VOLUME} is missing`);
    const stage = facts.stage ?? secretNames;
    if (secretNames.length > 0) {
        probe(flyctlArgv.secretsList(app), "Fly's digest of each secret");
        const why = `stage ${stage.join(', ')} (NAME=value lines on stdin, never in argv)`;
        change('secrets import', facts.stage === undefined ? undefined : stage.length > 0, flyctlArgv.secretsImport(app), why, `${why}; only those whose value changed`);
    }
    if (facts.appExists !== false)
        probe(flyctlArgv.ipsList(app), 'which public addresses the app has');
    change('ips allocate-v6', unless(facts.v6Present), flyctlArgv.ipsAllocateV6(app), RAW_TCP, `only when the app has no IPv6: ${RAW_TCP}`);
    if (settings.dedicatedIpv4) {
        const why = 'providers.fly.dedicatedIpv4: a dedicated (billable) IPv4';
        change('ips allocate-v4', unless(facts.dedicatedV4Present), flyctlArgv.ipsAllocateV4(app), why, `${why}, when the app has none`);
    }
    notes.push(addressNote(app, settings.dedicatedIpv4));
    const release = flyRelease(ctx, target, facts);
    commands.push({
        argv: ['flyctl', ...flyctlArgv.deploy(release.deploy)],
        cwd: (0,external_node_path_.relative)(workdir, release.cwd) || undefined,
        why: image.build
            ? `remote build of ${image.dockerfile} by Fly's builder${inputs.force ? ' without cache (force)' : ''}, then a rolling release`
            : `a rolling release of ${image.deployRef}: no build, no builder`,
        mutates: true,
    });
    if (image.build)
        probe(flyctlArgv.imageShow(app), 'the image Fly built: image and image-digest');
    if (settings.highAvailability)
        notes.push(HA_NOTE);
    return { ...release, target, setUp, stage, files: [{ path: target.tomlPath, content: target.toml.text }], commands, notes };
}

;// CONCATENATED MODULE: ./src/providers/fly/provider.ts
/**
 * provider: fly — a Fly.io app from fly.toml, deployed with flyctl (docs/behaviour.md#providers,
 * issue 7, ADR 0008).
 *
 * `plan` and `apply` share `flySteps` (steps.ts): the same fly.toml, the same argv. `plan` runs no
 * flyctl at all. `apply` reads as its phases: what can fail here (token, secrets, settings, fly.toml),
 * probe (what Fly has), render (the steps, once), skip (the release already runs), prepare (app,
 * volume, secrets, IPs), release (`flyctl deploy`), check (for a build, the image Fly built). A
 * prebuilt image is deployed with `--image repo@sha256:…` (no build, no builder); a Dockerfile (rule
 * 8) is built by Fly's remote builder. Fly's rolling strategy keeps the previous release's machines
 * when a release fails, so there is nothing to roll back and no time is kept for it.
 */













/** flyctl reads FLY_ACCESS_TOKEN first, then FLY_API_TOKEN (internal/config/config.go, env.First). */
const TOKEN_ENVS = ['FLY_ACCESS_TOKEN', 'FLY_API_TOKEN'];
/** machine states of a settled release (fly-go machine_types.go); auto-stop leaves machines stopped or suspended */
const SETTLED = new Set(['started', 'stopped', 'suspended']);
/** flyctl's own wait for the machines ends this long before the run's: flyctl then names the machine that failed and exits by itself */
const FLYCTL_REPORT_MS = 15_000;
/** The token from the environment, masked; missing → one line before any flyctl call. */
function requireFlyToken(env = process.env) {
    for (const name of TOKEN_ENVS) {
        const value = env[name]?.trim();
        if (value) {
            (0,runner/* setSecret */.Pq)(value);
            return { name, value };
        }
    }
    throw new errors/* ActionError */.lZ('FLY_API_TOKEN (or FLY_ACCESS_TOKEN) is not set: flyctl cannot reach Fly.io without a token', {
        where: { field: 'env FLY_API_TOKEN' },
        fix: 'create a token (flyctl tokens create deploy, or org for a new app), store it as a repository secret and pass it: env: FLY_API_TOKEN: ${{ secrets.FLY_API_TOKEN }}',
    });
}
/** The release already running: every machine settled on this image and this fly.toml. */
function runsAlready(status, digest, tomlHash, fingerprints) {
    const machines = (status?.Machines ?? []).filter((m) => m.config?.metadata?.fly_process_group !== 'fly_app_release_command');
    if (!digest || machines.length === 0)
        return false;
    return machines.every((m) => SETTLED.has(m.state) &&
        (m.image_ref?.digest === digest || (m.config?.image ?? '').endsWith(`@${digest}`)) &&
        m.config?.env?.[TOML_HASH_ENV] === tomlHash &&
        (fingerprints === undefined || m.config?.env?.[SECRET_FINGERPRINTS_ENV] === fingerprints));
}
/**
 * What runs now, by digest: `<registry>/<repository>@sha256:…` from the machines' image_ref (fly-go
 * machine_types.go), '' when nothing runs or no machine names a digest. Never a tag: a rollback
 * deploys exactly these bytes.
 */
function runningImage(status) {
    const machines = (status?.Machines ?? []).filter((m) => m.config?.metadata?.fly_process_group !== 'fly_app_release_command');
    for (const m of machines) {
        const ref = m.image_ref;
        if (ref?.digest && ref.repository)
            return `${ref.registry ? `${ref.registry}/` : ''}${ref.repository}@${ref.digest}`;
        const pinned = /^[^@\s]+@sha256:[a-f0-9]{64}$/.exec(m.config?.image ?? '');
        if (pinned)
            return pinned[0];
    }
    return '';
}
/** A fly.toml of the user's own is never overwritten: only one this action generated. */
function refuseForeignToml(workdir, tomlPath) {
    const path = (0,external_node_path_.join)(workdir, tomlPath);
    if ((0,external_node_fs_.existsSync)(path) && !isOurToml((0,external_node_fs_.readFileSync)(path, 'utf8')))
        throw new errors/* ActionError */.lZ(`${tomlPath} exists and was not generated by this action`, {
            where: { file: tomlPath },
            fix: 'the action writes its own fly.toml from sindri.yaml: move yours away (or delete it), and put its settings in providers.fly',
        });
}
/**
 * flyctl with a config folder of this run's own (`FLY_CONFIG_DIR`): `ssh console` writes the
 * WireGuard keys it makes into its config.yml, and the agent its socket. Under RUNNER_TEMP,
 * registered before it exists (the post step removes it after a cancel), removed when the run ends.
 */
function flyctlIn(ctx) {
    const configDir = ctx.temps.dir('sindri-flyctl-');
    return { fly: new Flyctl(ctx.exec, ctx.workdir, { FLY_CONFIG_DIR: configDir }), configDir };
}
const CHECK_FIX = 'read the health attempts above (flyctl logs -a <app> shows the machine log); fix the image or the health inputs';
const seconds = (h) => Math.round(h.waitedMs / 1000);
/** `--wait-timeout` a plan shows: the whole `timeout` (deploy gives flyctl what is left at the release) */
const planWait = (ctx) => Math.ceil(ctx.inputs.timeout / 1000);
class FlyProvider {
    name = 'fly';
    /** the Fly app (`providers.fly.name` else name) */
    deployedName(ctx) {
        return flyAppName(flySettings(ctx.config), ctx.inputs['name-suffix']);
    }
    /** the token and providers.fly, before the image is resolved (no registry request for a run that cannot deploy) */
    preflight(ctx) {
        requireFlyToken();
        flySettings(ctx.config);
    }
    async plan(ctx) {
        const secrets = (0,kit_secrets.resolveSecrets)(ctx.config);
        const steps = flySteps(ctx, flyTarget(ctx, [...secrets.values.keys()]), { waitSeconds: planWait(ctx) });
        const { app, url, connect } = steps.target;
        const notes = [...steps.notes, ...secrets.notices.map((n) => n.message)];
        if (secrets.missingRequired.length > 0)
            notes.push(`required secrets not set: ${secrets.missingRequired.join(', ')} (deploy fails before any flyctl call)`);
        notes.push(ctx.image.build
            ? `Fly's remote builder builds ${ctx.image.dockerfile}; the image it pushes to registry.fly.io/${app} is read back after the release`
            : `no image is built: ${ctx.image.digest ? 'the pinned digest' : 'the image as written'} is deployed with --image`);
        notes.push(`url: ${url}; connect: ${connect}; deploy needs FLY_API_TOKEN (or FLY_ACCESS_TOKEN)`);
        return { files: steps.files, commands: steps.commands, notes };
    }
    async apply(ctx) {
        const run = this.local(ctx);
        try {
            return await this.deployRun(run);
        }
        finally {
            await this.stopAgent(run);
            ctx.temps.remove(run.configDir);
        }
    }
    /** After a health command: the agent ssh console started runs on with the token; it is stopped (what is left of the run, 10 s at most). */
    async stopAgent({ ctx, fly, agentStarted }) {
        const ms = Math.min(10_000, ctx.deadline.remaining());
        if (!agentStarted.value || ms <= 0)
            return;
        if (!(await fly.agentStop(ms)))
            (0,runner/* warning */.$e)(`flyctl agent stop did not stop flyctl's agent: stop it on this runner with flyctl agent stop`);
    }
    async deployRun(run) {
        const { ctx } = run;
        const found = await this.probe(run);
        const facts = this.facts(run, found);
        const steps = flySteps(ctx, run.target, facts);
        this.writeToml(run);
        const previous = runningImage(found.status);
        if (this.runsAlready(run, found, facts))
            return await this.verify(run, this.skip(run), previous);
        const digests = await this.prepare(run, steps, found.digests);
        await this.release(run, found, digests, previous);
        return await this.verify(run, await this.readBack(run), previous, digests);
    }
    /** Everything that can fail before Fly is asked anything: the token, the secrets, the settings and fly.toml. */
    local(ctx) {
        const token = requireFlyToken().value;
        const secrets = (0,kit_secrets.requireSecrets)(ctx.config);
        (0,notices/* warnNotices */.o)(ctx.config, secrets.notices);
        const target = flyTarget(ctx, [...secrets.values.keys()]);
        encodeSecretsImport(secrets.values, ctx.config.file); // refuses a value flyctl cannot parse back, before anything starts
        refuseForeignToml(ctx.workdir, target.tomlPath);
        if (ctx.inputs['health-url'].startsWith('/'))
            throw new errors/* ActionError */.lZ(`health-url ${ctx.inputs['health-url']} is a path, but a Fly app of this action serves only SSH (raw TCP on port ${target.settings.sshPort}): there is no HTTP service to join it to`, {
                where: { field: 'input health-url' },
                fix: 'give a whole URL the app answers at (https://…), or use health-command, which runs inside the machine through flyctl ssh console',
            });
        if (target.settings.highAvailability)
            (0,runner/* warning */.$e)(HA_NOTE);
        return { ctx, ...flyctlIn(ctx), agentStarted: { value: false }, token, secrets, target };
    }
    /**
     * What Fly has: the app and its machines, then at once the home volume, the app's addresses and
     * Fly's digests of the secrets (three independent calls, run side by side).
     */
    async probe(run) {
        const { ctx, fly, target } = run;
        const { app } = target;
        const status = await fly.status(app, ctx.deadline.budget(`flyctl status could ask Fly about app ${app}`, 120_000));
        if (!status)
            return { volumePresent: false, digests: new Map(), v6Present: false, dedicatedV4Present: false };
        const [volumes, ips, digests] = await Promise.all([
            fly.volumesList(app, ctx.deadline.budget(`flyctl volumes list could look for volume ${HOME_VOLUME}`, 60_000)),
            fly.ipsList(app, ctx.deadline.budget("flyctl ips list could read the app's addresses", 60_000)),
            run.secrets.values.size > 0 ? this.digests(run) : new Map(),
        ]);
        return {
            status,
            volumePresent: volumes.some((v) => v.name === HOME_VOLUME && !/destroy/.test(v.state)),
            digests,
            v6Present: ips.some((ip) => ip.Type === 'v6'),
            dedicatedV4Present: ips.some((ip) => ip.Type === 'v4'),
        };
    }
    /** Fly's digest of each secret of the app. */
    async digests({ ctx, fly, target }) {
        const listed = await fly.secretsList(target.app, ctx.deadline.budget("flyctl secrets list could read Fly's digests of the secrets", 60_000));
        return new Map(listed.map((s) => [s.name, s.digest]));
    }
    /** The facts the steps are rendered from: what was found, and which secrets changed since the action last set them. */
    facts({ ctx, token, secrets }, found) {
        return {
            appExists: found.status !== undefined,
            volumePresent: found.volumePresent,
            v6Present: found.v6Present,
            dedicatedV4Present: found.dedicatedV4Present,
            stage: secretsToStage(secrets.values, token, found.digests, previousFingerprints(found.status)),
            fingerprints: fingerprintsOf(secrets.values, token, found.digests),
            waitSeconds: planWait(ctx),
        };
    }
    /** This digest already runs with this fly.toml and these secrets (a build or `force` always releases). */
    runsAlready({ ctx, target }, found, facts) {
        return (!ctx.inputs.force &&
            !ctx.image.build &&
            facts.stage?.length === 0 &&
            runsAlready(found.status, ctx.image.digest, target.toml.hash, facts.fingerprints));
    }
    skip({ ctx, target }) {
        (0,runner/* info */.pq)(`${target.app} already runs ${ctx.image.deployRef} with this fly.toml: nothing to do (force: true redeploys)`);
        return this.result(target, { skipped: true, built: false, image: ctx.image.deployRef, digest: ctx.image.digest });
    }
    writeToml({ ctx, target }) {
        (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(ctx.workdir, target.tomlPath), target.toml.text, { mode: 0o644 });
        (0,runner/* info */.pq)(`${target.tomlPath} written (sha256 ${target.toml.hash.slice(0, 12)})`);
    }
    /** The set-up the steps call for, in their order; returns Fly's digests of the secrets after it. */
    async prepare(run, steps, digests) {
        const { ctx, fly, target, secrets } = run;
        const { app, settings } = target;
        const setUp = {
            'apps create': async () => {
                await fly.appsCreate(app, settings.organization, ctx.deadline.budget(`flyctl apps create could create app ${app}`, 120_000));
                (0,runner/* info */.pq)(`created app ${app} in organization ${settings.organization}`);
            },
            'volumes create': () => fly.volumesCreate(app, HOME_VOLUME, volumeGigabytes(ctx.config), settings.region, ctx.deadline.budget(`flyctl volumes create could create volume ${HOME_VOLUME}`, 120_000)),
            'secrets import': async () => {
                const staged = new Map(steps.stage.map((n) => [n, secrets.values.get(n)]));
                const names = steps.stage.join(', ');
                await fly.secretsImport(app, encodeSecretsImport(staged, ctx.config.file), ctx.deadline.budget(`flyctl secrets import could stage ${names}`, 120_000));
                (0,runner/* info */.pq)(`staged secret${steps.stage.length > 1 ? 's' : ''} ${names}`);
                digests = await this.digests(run);
            },
            'ips allocate-v6': async () => {
                await fly.ipsAllocateV6(app, ctx.deadline.budget('flyctl ips allocate-v6 could allocate an IPv6', 60_000));
                (0,runner/* info */.pq)(`allocated an IPv6 for ${app}: the SSH service on port ${settings.sshPort} is raw TCP, which a shared IPv4 does not carry`);
            },
            'ips allocate-v4': async () => {
                await fly.ipsAllocateV4(app, ctx.deadline.budget('flyctl ips allocate-v4 could allocate a dedicated IPv4', 60_000));
                (0,runner/* info */.pq)(`allocated a dedicated IPv4 for ${app} (providers.fly.dedicatedIpv4)`);
            },
        };
        for (const step of steps.setUp)
            await setUp[step]();
        if (target.secretNames.length > 0 && !steps.setUp.includes('secrets import'))
            (0,runner/* info */.pq)(`secrets unchanged, not staged again: ${target.secretNames.join(', ')}`);
        (0,runner/* info */.pq)(addressNote(app, settings.dedicatedIpv4));
        return digests;
    }
    /**
     * The deadline of the rollout: with a health check and `rollback: true`, the run less the
     * rollback's reserve (the previous digest is released again and checked within it); otherwise the
     * whole run (a failed release keeps the previous machines: nothing to undo).
     */
    rolloutDeadline({ ctx }, previous) {
        const check = ctx.inputs['health-url'] !== '' || ctx.inputs['health-command'] !== '';
        return check && ctx.inputs.rollback && previous ? ctx.deadline.before((0,time/* rollbackReserve */.N)(ctx.inputs.timeout)) : ctx.deadline;
    }
    /** `flyctl deploy`: the argv of the plan, with the time left and the fingerprints Fly's digests give now. */
    async release(run, found, digests, previous) {
        const { ctx, target } = run;
        const r = await this.deploy(run, this.rolloutDeadline(run, previous), digests);
        if (r.code === 0)
            return;
        const kept = found.status?.Deployed
            ? "Fly's rolling strategy kept the machines of the previous release running"
            : 'there was no previous release, so nothing runs';
        throw new errors/* ActionError */.lZ(`flyctl deploy of ${target.app} failed: ${r.message || `exit code ${r.code}`}; ${kept}`, {
            where: { file: ctx.config.file },
            fix: ctx.image.build
                ? `read the build and release log above; fix ${ctx.image.dockerfile} or the settings in ${ctx.config.file}`
                : `read the release log above (flyctl logs -a ${target.app}); raise the input timeout if the machines only need longer`,
            extra: { rolledBack: 'false', previousImage: previous, healthy: 'unknown' },
        });
    }
    /** One `flyctl deploy` within `until` (flyctl's own wait ends FLYCTL_REPORT_MS earlier); `image` releases that digest instead. */
    async deploy({ ctx, fly, target, secrets, token }, until, digests, image) {
        const { app } = target;
        const wait = until.before(FLYCTL_REPORT_MS).budget(`flyctl deploy of ${app} could wait for its machines`);
        const { deploy, cwd } = flyRelease(ctx, target, {
            waitSeconds: Math.ceil(wait / 1000),
            fingerprints: fingerprintsOf(secrets.values, token, digests),
            image,
        });
        return await fly.deploy(deploy, { cwd, timeoutMs: until.budget(`flyctl deploy released ${app}`) });
    }
    /** What runs now: the image deployed, or for a remote build the image Fly built, read back. */
    async readBack({ ctx, fly, target }) {
        const { image } = ctx;
        if (!image.build)
            return this.result(target, { skipped: false, built: false, image: image.deployRef, digest: image.digest });
        const images = await fly.imageShow(target.app, ctx.deadline.budget('flyctl image show could read the image Fly built', 60_000));
        const built = images.find((i) => i.Digest) ?? images[0];
        if (!built?.Digest)
            throw new errors/* ActionError */.lZ(`flyctl image show -a ${target.app} names no image after the release`, {
                fix: `check the release with flyctl releases -a ${target.app} --image`,
            });
        const ref = `${built.Registry}/${built.Repository}@${built.Digest}`;
        ctx.onBuilt?.(ref, built.Digest);
        return this.result(target, { skipped: false, built: true, image: ref, digest: built.Digest });
    }
    /** What the health check reaches: the url, and the machine through `flyctl ssh console --command`. */
    healthTarget({ fly, target, agentStarted }) {
        return {
            url: target.url,
            name: `app ${target.app}`,
            runInside: (command, timeoutMs) => {
                agentStarted.value = true;
                return fly.sshCommand(target.app, command, timeoutMs);
            },
        };
    }
    /**
     * The health check after the release (or on what already ran, for a skip). Unhealthy with
     * `rollback: true` and a previous digest: that digest is released again and checked again, and the
     * run fails with one line saying what runs now and whether it is healthy.
     */
    async verify(run, result, previous, digests) {
        const { ctx, target } = run;
        const health = await (0,kit_health/* checkDeployment */.Qr)(ctx.inputs, this.healthTarget(run), this.rolloutDeadline(run, previous));
        if (!health || health.healthy)
            return { ...result, health, previousImage: previous, rolledBack: false };
        const what = `${target.app} runs ${result.image} but it failed its health check (${health.what}) within ${seconds(health)} s: ${health.last}`;
        const failed = (detail, extra, fix = CHECK_FIX) => new errors/* ActionError */.lZ(`${what}; ${detail}`, { where: { file: ctx.config.file }, fix, extra: { healthy: 'false', ...extra } });
        const kept = { rolledBack: 'false', previousImage: result.skipped ? '' : previous };
        if (result.skipped || !digests)
            throw failed('it was already running, so there is nothing to roll back to', kept);
        if (!ctx.inputs.rollback)
            throw failed('it is left running (rollback: false)', kept);
        if (!previous)
            throw failed('nothing ran before (its first deploy): it is left running, mode: destroy removes it', kept);
        if (previous === result.image)
            throw failed(`the previous release ran the same digest: nothing else to roll back to`, kept);
        (0,runner/* info */.pq)(`rollback: releasing the previous image ${previous} again`);
        const r = await this.deploy(run, ctx.deadline, digests, previous);
        if (r.code !== 0)
            throw failed(`the rollback to ${previous} failed too (${r.message || `exit code ${r.code}`})`, kept, `${CHECK_FIX}; then release the previous image by hand: flyctl deploy --app ${target.app} --image ${previous}`);
        const again = await (0,kit_health/* checkDeployment */.Qr)(ctx.inputs, this.healthTarget(run), ctx.deadline);
        const now = again?.healthy ? 'healthy again' : `not healthy either (${again?.last ?? 'not checked'})`;
        throw failed(`rolled back: ${previous} runs now, ${now}`, {
            rolledBack: 'true',
            previousImage: previous,
            healthy: (0,kit_health/* healthyOf */.zO)(again),
        });
    }
    result(target, r) {
        return {
            url: target.url,
            ...r,
            connect: target.connect,
            extra: { app: target.app, 'fly-toml': target.tomlPath, region: target.settings.region },
        };
    }
    async destroy(ctx) {
        requireFlyToken();
        const app = flyAppName(flySettings(ctx.config), ctx.inputs['name-suffix']);
        const { fly, configDir } = flyctlIn(ctx);
        const removed = [];
        try {
            if (await fly.appsDestroy(app, ctx.deadline.budget(`flyctl apps destroy could remove app ${app}`, 300_000)))
                removed.push(`app ${app} (its machines, volumes, secrets and IPs)`);
            else
                (0,runner/* info */.pq)(`app ${app} does not exist on Fly.io: nothing to destroy there`);
        }
        finally {
            ctx.temps.remove(configDir);
        }
        const toml = (0,external_node_path_.join)(ctx.config.dir, FLY_TOML);
        const tomlPath = (0,external_node_path_.relative)(ctx.workdir, toml) || FLY_TOML;
        if ((0,external_node_fs_.existsSync)(toml)) {
            if (isOurToml((0,external_node_fs_.readFileSync)(toml, 'utf8'))) {
                (0,external_node_fs_.rmSync)(toml, { force: true });
                removed.push(`file ${tomlPath}`);
            }
            else
                (0,runner/* warning */.$e)(`${tomlPath} was not written by this action and is left alone`);
        }
        return { removed };
    }
}


/***/ }),

/***/ 2108:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   l: () => (/* binding */ sindriEnvironment)
/* harmony export */ });
function sindriEnvironment(config) {
    const ext = config.extensions;
    const env = { INIT_WORKSPACE: 'true', INSTALL_PROFILE: ext.profile ?? '' };
    if (ext.active?.length)
        env.CUSTOM_EXTENSIONS = ext.active.join(',');
    if (ext.additional?.length)
        env.ADDITIONAL_EXTENSIONS = ext.additional.join(',');
    env.SKIP_AUTO_INSTALL = String(!ext.auto_install);
    const gitRef = config.deployment.buildFromSource?.gitRef;
    if (gitRef)
        env.SINDRI_SOURCE_REF = gitRef;
    return env;
}


/***/ })

};
