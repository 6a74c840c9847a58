export const id = 962;
export const ids = [962];
export const modules = {

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

/***/ 3739:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F6: () => (/* binding */ changeHash),
/* harmony export */   J1: () => (/* binding */ renderCompose),
/* harmony export */   NV: () => (/* binding */ PROJECT_LABEL),
/* harmony export */   Ni: () => (/* binding */ CONFIG_HASH_LABEL),
/* harmony export */   R_: () => (/* binding */ SECRETS_FILE),
/* harmony export */   Tg: () => (/* binding */ documentFromLabels),
/* harmony export */   Uu: () => (/* binding */ COMPOSE_FILE),
/* harmony export */   kV: () => (/* binding */ HOME_MOUNT),
/* harmony export */   q2: () => (/* binding */ encodeEnvFile)
/* harmony export */ });
/* unused harmony exports SERVICE, DOCUMENT_LABEL, projectName, homeVolume, dockerVolume, dockerSettings, composeMemory, resolveDindMode, deploymentUrl, documentLabels */
/* harmony import */ var _naming_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8499);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8815);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
/* harmony import */ var _kit_environment_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2108);
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
/** The document itself (base64 JSON, labels left out): what `rollback` puts back when the next rollout fails. */
const DOCUMENT_LABEL = 'org.sindri.deploy-action.compose-document';
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
    return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ(what, { where: { file: config.file, line: at?.line, column: at?.column, field: path.join('.') }, fix });
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
/** Where a config value is written, for an error line (file:line and the field). */
function configAt(config, path) {
    const pos = config.locate(path);
    return { file: config.file, line: pos?.line, column: pos?.column, field: path.join('.') };
}
/** `4GB` → `4g`, `512MB` → `512m` (docker's binary units, as upstream meant them). */
function composeMemory(value, where = { field: 'deployment.resources.memory' }) {
    const m = SIZE_RE.exec(value.trim());
    if (!m || Number(m[1]) === 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ(`invalid memory size "${value}"`, {
            where,
            fix: 'write a whole number of MB or GB, e.g. memory: 4GB or 512MB (docker needs MB or GB)',
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
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ('providers.docker.dind.mode is sysbox but the Docker engine has no sysbox-runc runtime', {
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
    return (0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .stringify */ .As)(doc, { version: '1.1', lineWidth: 0 });
}
function renderCompose(input) {
    const { config, engine } = input;
    const s = dockerSettings(config);
    const name = (0,_naming_js__WEBPACK_IMPORTED_MODULE_0__/* .resourceName */ .I)(config.name, input.nameSuffix ?? '');
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
    const env = (0,_kit_environment_js__WEBPACK_IMPORTED_MODULE_3__/* .sindriEnvironment */ .l)(config);
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
        limits: { memory: composeMemory(res.memory ?? '4GB', configAt(config, ['deployment', 'resources', 'memory'])), cpus: String(cpus) },
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
/** The document a running container was started from, with its labels, as YAML; undefined when it has none. */
function documentFromLabels(labels, source) {
    const encoded = labels[DOCUMENT_LABEL];
    const hash = labels[CONFIG_HASH_LABEL];
    if (!encoded || !hash)
        return undefined;
    const document = JSON.parse(Buffer.from(encoded, 'base64').toString('utf8'));
    const service = document.services?.[SERVICE];
    if (!service)
        return undefined;
    const image = String(service.image ?? '');
    service.labels = documentLabels(structuredClone(document), hash);
    return {
        yaml: `# generated by sindri/deploy-action from ${source} (the previous deployment, put back by rollback)\n${serialize(document)}`,
        image,
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
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ(`invalid secret name "${k}"`, { fix: 'secret names are letters, digits and _' });
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
