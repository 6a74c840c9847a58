export const id = 32;
export const ids = [32];
export const modules = {

/***/ 9032:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Uu: () => (/* binding */ COMPOSE_FILE),
  Ni: () => (/* binding */ CONFIG_HASH_LABEL),
  Lj: () => (/* binding */ DOCUMENT_LABEL),
  kV: () => (/* binding */ HOME_MOUNT),
  NV: () => (/* binding */ PROJECT_LABEL),
  YV: () => (/* binding */ SERVICE),
  F6: () => (/* binding */ changeHash),
  Ve: () => (/* binding */ composeFile),
  j_: () => (/* binding */ previousDeployment),
  j1: () => (/* binding */ projectName),
  J1: () => (/* binding */ renderCompose),
  Ws: () => (/* binding */ traceLabel)
});

// UNUSED EXPORTS: composeHealthcheck, composeMemory, dockerVolume, documentLabels, homeVolume

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
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
// EXTERNAL MODULE: ./src/providers/kit/files.ts
var files = __webpack_require__(9018);
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

// EXTERNAL MODULE: ./src/trace.ts + 1 modules
var trace = __webpack_require__(9033);
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
/** Trace and preview labels: `org.sindri.deploy-action.run-url`, `…name`, `…name-suffix` (docs/behaviour.md#traceability). */
const traceLabel = (field) => `org.sindri.deploy-action.${field}`;
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
    service.labels = {
        ...(0,trace/* traceMetadata */.hF)(input.trace, (0,trace/* previewMarks */.R9)(config.name, input.nameSuffix ?? ''), traceLabel),
        ...documentLabels(document, hash),
    };
    const header = `${files/* GENERATED_HEADER */.er} from ${config.file}: do not edit, it is rewritten on every deploy\n`;
    return {
        document,
        yaml: `${header}${serialize(document)}`,
        shown: `${header}${serialize(withoutDocumentLabel(document))}`,
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
/** A copy of the document whose document label says what it holds instead of holding it (what a plan prints). */
function withoutDocumentLabel(document) {
    const copy = structuredClone(document);
    const labels = copy.services[SERVICE].labels;
    const bytes = labels[DOCUMENT_LABEL]?.length ?? 0;
    labels[DOCUMENT_LABEL] = `(${bytes} characters of base64: this document without its labels, for a rollback; not shown)`;
    return copy;
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
    // the restored container keeps the trace of the run that deployed it
    const traceKeys = new Set([...trace/* TRACE_FIELDS */.Uq, ...trace/* PREVIEW_FIELDS */.JY].map(traceLabel));
    const traced = Object.entries(running.labels).filter(([k]) => traceKeys.has(k));
    const labels = { ...Object.fromEntries(traced), ...documentLabels(structuredClone(document), hash) };
    service.image = running.imageId;
    if (service.env_file !== undefined)
        service.env_file = [envFileEntry()];
    service.labels = labels;
    return {
        yaml: `${files/* GENERATED_HEADER */.er} from ${source} (the previous deployment, put back by rollback)\n${serialize(document)}`,
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
 * The working directory's sindri-compose.yml as kit/files.ts writes it: only a document this action
 * generated (its header line) is replaced; with `project`, only one generated for exactly that compose
 * project (destroy removes it only then: a deploy with another name-suffix may have written it).
 */
function composeFile(workdir, project) {
    return { path: (0,external_node_path_.join)(workdir, COMPOSE_FILE), file: COMPOSE_FILE, root: workdir, isOurs: (text) => isOurCompose(text, project) };
}
function isOurCompose(text, project) {
    if (!text.startsWith(files/* GENERATED_HEADER */.er))
        return false;
    if (project === undefined)
        return true;
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
