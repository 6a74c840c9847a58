export const id = 958;
export const ids = [958];
export const modules = {

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

/***/ 6958:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  BUILD_IN_CI_FIX: () => (/* binding */ BUILD_IN_CI_FIX),
  KubernetesProvider: () => (/* binding */ KubernetesProvider),
  MANIFEST_FILE: () => (/* binding */ MANIFEST_FILE),
  OWNED_KINDS: () => (/* binding */ OWNED_KINDS),
  connectHint: () => (/* binding */ connectHint),
  kubernetesSteps: () => (/* binding */ kubernetesSteps),
  liveImage: () => (/* binding */ liveImage),
  rolledOut: () => (/* binding */ rolledOut),
  sameSecretData: () => (/* binding */ sameSecretData),
  unchanged: () => (/* binding */ unchanged)
});

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/image/reference.ts
var reference = __webpack_require__(3564);
// EXTERNAL MODULE: ./src/naming.ts
var naming = __webpack_require__(8499);
// EXTERNAL MODULE: ./src/runner.ts
var runner = __webpack_require__(4813);
// EXTERNAL MODULE: ./src/providers/kit/output.ts
var output = __webpack_require__(6032);
;// CONCATENATED MODULE: ./src/external/kubectl.ts
/**
 * `kubectl` (and the kind / k3d image loaders of local clusters). Every operation is a method that
 * assembles argv and calls one private `execute` over src/external/exec.ts. The argv builders are
 * exported as `kubectlArgv` so the plan prints exactly what deploy runs. Manifests travel on stdin
 * (`-f -`): Secret data never reaches argv or a file.
 */

const globals = (t) => (t.context ? ['--context', t.context] : []);
const ns = (t) => [...globals(t), '--namespace', t.namespace];
const seconds = (ms) => `${Math.max(1, Math.floor(ms / 1000))}s`;
/** Pure argv builders: shared by `Kubectl` and by the provider's plan. */
const kubectlArgv = {
    currentContext: () => ['config', 'current-context'],
    /** client and server version: fails when the API server cannot be reached */
    version: (t, timeoutMs) => [
        ...globals(t),
        'version',
        '--output',
        'json',
        `--request-timeout=${seconds(timeoutMs)}`,
    ],
    /** the live objects of the skip check (`kind/name …`), missing ones left out */
    get: (t, refs) => [...ns(t), 'get', ...refs, '--ignore-not-found', '--output', 'json'],
    namespaceExists: (t) => [...globals(t), 'get', 'namespace', t.namespace, '--ignore-not-found', '--output', 'name'],
    apply: (t, fieldManager) => [
        ...ns(t),
        'apply',
        '--server-side',
        '--field-manager',
        fieldManager,
        '--force-conflicts',
        '--filename',
        '-',
    ],
    rolloutStatus: (t, deployment, timeoutMs) => [
        ...ns(t),
        'rollout',
        'status',
        `deployment/${deployment}`,
        '--watch',
        `--timeout=${seconds(timeoutMs)}`,
    ],
    rolloutUndo: (t, deployment) => [...ns(t), 'rollout', 'undo', `deployment/${deployment}`],
    rolloutRestart: (t, deployment) => [...ns(t), 'rollout', 'restart', `deployment/${deployment}`],
    describe: (t, deployment) => [...ns(t), 'describe', 'deployment', deployment],
    events: (t) => [
        ...ns(t),
        'get',
        'events',
        '--sort-by=.lastTimestamp',
        '--output',
        'custom-columns=LAST:.lastTimestamp,TYPE:.type,REASON:.reason,OBJECT:.involvedObject.name,MESSAGE:.message',
    ],
    deleteByLabel: (t, kinds, selector, timeoutMs) => [
        ...ns(t),
        'delete',
        kinds.join(','),
        '--selector',
        selector,
        '--ignore-not-found',
        `--timeout=${seconds(timeoutMs)}`,
    ],
    listByLabel: (t, kinds, selector) => [
        ...ns(t),
        'get',
        kinds.join(','),
        '--selector',
        selector,
        '--output',
        'name',
    ],
    deleteNamespace: (t, timeoutMs) => [
        ...globals(t),
        'delete',
        'namespace',
        t.namespace,
        '--ignore-not-found',
        `--timeout=${seconds(timeoutMs)}`,
    ],
};
class Kubectl {
    exec;
    cwd;
    bin;
    constructor(exec, cwd, bin = 'kubectl') {
        this.exec = exec;
        this.cwd = cwd;
        this.bin = bin;
    }
    async execute(args, opts = {}) {
        return await this.exec.run(this.bin, args, { cwd: this.cwd, ...opts });
    }
    /** the kubeconfig's current context, '' when none is set */
    async currentContext() {
        const r = await this.execute(kubectlArgv.currentContext(), { allowFailure: true, timeoutMs: 30_000 });
        return r.code === 0 ? r.stdout.trim() : '';
    }
    /** `kubectl version`: the server's gitVersion, or the reason it cannot be reached */
    async serverVersion(t, timeoutMs) {
        const r = await this.execute(kubectlArgv.version(t, timeoutMs), { allowFailure: true, timeoutMs: timeoutMs + 5000 });
        if (r.code === 0) {
            try {
                const j = JSON.parse(r.stdout);
                if (j.serverVersion?.gitVersion)
                    return { ok: true, version: j.serverVersion.gitVersion };
            }
            catch {
                /* fall through: no server part */
            }
        }
        const reason = (r.stderr || r.stdout)
            .split('\n')
            .map((l) => l.trim())
            .filter((l) => l && !l.startsWith('{') && !l.startsWith('"') && !l.startsWith('}'))
            .pop() ?? (r.timedOut ? 'no answer' : `exit code ${r.code}`);
        return { ok: false, reason: reason.slice(0, 300) };
    }
    /** the objects among `refs` that exist (captured, never logged: Secret data passes through here) */
    async get(t, refs, timeoutMs) {
        const r = await this.execute(kubectlArgv.get(t, refs), { timeoutMs, fix: 'check that the kubeconfig user may get these objects' });
        const text = r.stdout.trim();
        if (!text)
            return [];
        const j = JSON.parse(text);
        return j.kind === 'List' || Array.isArray(j.items) ? (j.items ?? []) : [j];
    }
    async namespaceExists(t, timeoutMs) {
        const r = await this.execute(kubectlArgv.namespaceExists(t), { timeoutMs });
        return r.stdout.trim() !== '';
    }
    /** server-side apply of a List on stdin */
    async apply(t, document, fieldManager, timeoutMs) {
        await this.execute(kubectlArgv.apply(t, fieldManager), {
            input: document,
            timeoutMs,
            stream: true,
            fix: 'read the API server message above; nothing after the failing object was applied',
        });
    }
    async rolloutStatus(t, deployment, timeoutMs) {
        return await this.execute(kubectlArgv.rolloutStatus(t, deployment, timeoutMs), {
            timeoutMs: timeoutMs + 15_000,
            stream: true,
            allowFailure: true,
        });
    }
    async rolloutUndo(t, deployment, timeoutMs) {
        return await this.execute(kubectlArgv.rolloutUndo(t, deployment), { timeoutMs, stream: true, allowFailure: true });
    }
    /** new pods for the same template: env from a changed Secret is read only when a pod starts */
    async rolloutRestart(t, deployment, timeoutMs) {
        await this.execute(kubectlArgv.rolloutRestart(t, deployment), { timeoutMs, stream: true });
    }
    /** `describe` and recent events, for the log (exec redacts every line) */
    async describe(t, deployment, timeoutMs) {
        const r = await this.execute(kubectlArgv.describe(t, deployment), { timeoutMs, allowFailure: true });
        return (r.stdout + r.stderr).trimEnd();
    }
    async events(t, timeoutMs) {
        const r = await this.execute(kubectlArgv.events(t), { timeoutMs, allowFailure: true });
        return (r.stdout + r.stderr).trimEnd();
    }
    async listByLabel(t, kinds, selector, timeoutMs) {
        const r = await this.execute(kubectlArgv.listByLabel(t, kinds, selector), { timeoutMs });
        return r.stdout
            .split('\n')
            .map((l) => l.trim())
            .filter(Boolean);
    }
    async deleteByLabel(t, kinds, selector, timeoutMs) {
        await this.execute(kubectlArgv.deleteByLabel(t, kinds, selector, timeoutMs), {
            timeoutMs: timeoutMs + 15_000,
            stream: true,
            fix: `delete them by hand: kubectl delete ${kinds.join(',')} -n ${t.namespace} -l ${selector}`,
        });
    }
    async deleteNamespace(t, timeoutMs) {
        await this.execute(kubectlArgv.deleteNamespace(t, timeoutMs), { timeoutMs: timeoutMs + 15_000, stream: true });
    }
}
/** `kind load docker-image` / `k3d image import`: an image that exists only on the runner's engine. */
function unreachable(context, reason) {
    return new errors/* ActionError */.lZ(`the Kubernetes API server of context "${context || '(none)'}" cannot be reached: ${reason}`, {
        where: { field: 'providers.kubernetes.context' },
        fix: 'set up the kubeconfig before this step (e.g. azure/k8s-set-context, or KUBECONFIG pointing at it) and check providers.kubernetes.context names one of its contexts',
    });
}

// EXTERNAL MODULE: ./src/external/local-cluster.ts
var local_cluster = __webpack_require__(6911);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/providers/docker/compose.ts
var compose = __webpack_require__(3739);
// EXTERNAL MODULE: ./src/providers/kit/environment.ts
var environment = __webpack_require__(2108);
;// CONCATENATED MODULE: ./src/providers/kubernetes/manifests.ts
/**
 * The Kubernetes objects of the kubernetes provider, built as plain objects from sindri.yaml (never
 * string templates) and serialized with `yaml`/JSON. Pure: secret values come in as a map and are
 * only ever placed in the Secret objects' `data`; plan passes placeholders.
 *
 * Differences from upstream's k8s-deployment.yaml.tera (FACTS §3.5, §4.4), on purpose:
 * - `resources` are Kubernetes quantities (`4GB` → `4Gi`, `512MB` → `512Mi`: binary units, as the
 *   docker provider reads them), GPUs as `nvidia.com/gpu` / `amd.com/gpu` limits;
 * - the Service and the container port are sshd's 2222 (upstream pointed at 22);
 * - env secrets go into a Secret the container references with `envFrom`, registry credentials into
 *   a `kubernetes.io/dockerconfigjson` Secret listed in `imagePullSecrets` (upstream made both and
 *   referenced neither);
 * - namespace, storageClass and ingress are honoured; every object carries our labels, so destroy
 *   deletes by label and never touches anything else.
 */





const FIELD_MANAGER = 'sindri-deploy-action';
const MANAGED_BY_LABEL = 'app.kubernetes.io/managed-by';
const INSTANCE_LABEL = 'app.kubernetes.io/instance';
const APP_LABEL = 'app.kubernetes.io/name';
const APP = 'sindri';
/** hash of the manifests (digest included, secret values excluded): the skip-if-unchanged check */
const HASH_ANNOTATION = 'deploy.sindri.dev/manifest-hash';
const CONTAINER = 'sindri';
const SSH_PORT = 2222;
const DEFAULT_INGRESS_PORT = 8080;
/** shown instead of a secret value in plan output */
const PLACEHOLDER = '***';
const SIZE_RE = /^(\d+)(MB|GB|TB)$/i;
function fail(config, path, what, fix) {
    const at = config.locate(path);
    return new errors/* ActionError */.lZ(what, { where: { file: config.file, line: at?.line, column: at?.column, field: path.join('.') }, fix });
}
/** `4GB` → `4Gi`, `512MB` → `512Mi`: upstream's sizes, which the API rejects as written (FACTS §4.4). */
function toQuantity(value, field) {
    const m = SIZE_RE.exec(String(value).trim());
    if (!m) {
        throw new errors/* ActionError */.lZ(`invalid size "${value}"`, { where: { field }, fix: 'write it like 4GB or 512MB' });
    }
    const unit = m[2].toUpperCase();
    return `${Number(m[1])}${unit === 'MB' ? 'Mi' : unit === 'GB' ? 'Gi' : 'Ti'}`;
}
/** toQuantity with the file and line of the setting in the error */
function quantityAt(config, path, value) {
    try {
        return toQuantity(value, path.join('.'));
    }
    catch (e) {
        const at = config.locate(path);
        if (!at || !(e instanceof errors/* ActionError */.lZ))
            throw e;
        throw new errors/* ActionError */.lZ(e.message, { where: { file: config.file, line: at.line, column: at.column, field: path.join('.') }, fix: e.fix });
    }
}
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/** `providers.kubernetes` with upstream's defaults (FACTS §1.8), validated; bad values fail with their line. */
function kubernetesSettings(config) {
    const raw = config.providers.kubernetes ?? {};
    const p = ['providers', 'kubernetes'];
    const str = (key) => {
        const v = raw[key];
        if (v === undefined || v === null || v === '')
            return undefined;
        if (typeof v !== 'string')
            throw fail(config, [...p, key], `expected a string, got ${JSON.stringify(v)}`, 'quote the value');
        return v;
    };
    const namespace = str('namespace') ?? 'default';
    if (namespace.length > 63 || !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(namespace)) {
        throw fail(config, [...p, 'namespace'], `invalid namespace "${namespace}"`, 'use lowercase letters, digits and inner hyphens (at most 63)');
    }
    const settings = { namespace };
    const context = str('context');
    if (context)
        settings.context = context;
    const storageClass = str('storageClass');
    if (storageClass)
        settings.storageClass = storageClass;
    const ing = raw.ingress;
    if (ing && typeof ing === 'object' && ing.enabled === true) {
        const ip = [...p, 'ingress'];
        const hostname = typeof ing.hostname === 'string' ? ing.hostname.trim().toLowerCase() : '';
        if (!hostname)
            throw fail(config, ip, 'ingress is enabled without a hostname', 'set providers.kubernetes.ingress.hostname, e.g. dev.example.com');
        if (!DNS_SUBDOMAIN.test(hostname) || hostname.length > 253) {
            throw fail(config, [...ip, 'hostname'], `invalid ingress hostname "${hostname}"`, 'use a DNS name such as dev.example.com');
        }
        const port = ing.port === undefined ? DEFAULT_INGRESS_PORT : Number(ing.port);
        if (!Number.isInteger(port) || port < 1 || port > 65535 || port === SSH_PORT) {
            throw fail(config, [...ip, 'port'], `invalid ingress port "${String(ing.port)}"`, `use the container's HTTP port (1-65535, not ${SSH_PORT})`);
        }
        const ingress = { hostname, port };
        if (typeof ing.className === 'string' && ing.className)
            ingress.className = ing.className;
        if (typeof ing.tlsSecret === 'string' && ing.tlsSecret)
            ingress.tlsSecret = ing.tlsSecret;
        settings.ingress = ingress;
    }
    const ns = raw.nodeSelector;
    if (ns !== undefined && ns !== null) {
        if (typeof ns !== 'object' || Array.isArray(ns))
            throw fail(config, [...p, 'nodeSelector'], 'expected a map', 'write it as key: value pairs');
        settings.nodeSelector = Object.fromEntries(Object.entries(ns).map(([k, v]) => [k, String(v)]));
    }
    return settings;
}
function objectNames(name, hasSecrets, hasPull, hasIngress) {
    const names = { deployment: name, service: name, pvc: (0,naming/* resourceName */.I)(name, 'home') };
    if (hasSecrets)
        names.secret = (0,naming/* resourceName */.I)(name, 'env');
    if (hasPull)
        names.pullSecret = (0,naming/* resourceName */.I)(name, 'registry');
    if (hasIngress)
        names.ingress = name;
    return names;
}
const b64 = (s) => Buffer.from(s, 'utf8').toString('base64');
/** `~/.docker/config.json` shape, as the kubelet reads `.dockerconfigjson`. */
function dockerConfigJson(c) {
    return JSON.stringify({
        auths: { [c.registry]: { username: c.username, password: c.password, auth: b64(`${c.username}:${c.password}`) } },
    });
}
function renderManifests(input) {
    const { config, settings, name } = input;
    const namespace = settings.namespace;
    const notes = [];
    const hasSecrets = input.secrets.size > 0;
    const names = objectNames(name, hasSecrets, input.pull !== undefined, settings.ingress !== undefined);
    const labels = { [APP_LABEL]: APP, [INSTANCE_LABEL]: name, [MANAGED_BY_LABEL]: FIELD_MANAGER };
    const selectorLabels = { [APP_LABEL]: APP, [INSTANCE_LABEL]: name };
    const meta = (objName, namespaced = true) => ({ name: objName, ...(namespaced ? { namespace } : {}), labels: { ...labels } });
    const objects = [];
    if (namespace !== 'default')
        objects.push({ apiVersion: 'v1', kind: 'Namespace', metadata: meta(namespace, false) });
    if (names.secret) {
        objects.push({
            apiVersion: 'v1',
            kind: 'Secret',
            metadata: meta(names.secret),
            type: 'Opaque',
            data: Object.fromEntries([...input.secrets].map(([k, v]) => [k, v === PLACEHOLDER ? PLACEHOLDER : b64(v)])),
        });
    }
    if (names.pullSecret && input.pull) {
        const value = input.pull.password === PLACEHOLDER ? PLACEHOLDER : b64(dockerConfigJson(input.pull));
        objects.push({
            apiVersion: 'v1',
            kind: 'Secret',
            metadata: meta(names.pullSecret),
            type: 'kubernetes.io/dockerconfigjson',
            data: { '.dockerconfigjson': value },
        });
    }
    const volumeSize = config.deployment.volumes.workspace?.size ?? '10GB';
    objects.push({
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: meta(names.pvc),
        spec: {
            accessModes: ['ReadWriteOnce'],
            ...(settings.storageClass ? { storageClassName: settings.storageClass } : {}),
            resources: { requests: { storage: quantityAt(config, ['deployment', 'volumes', 'workspace', 'size'], volumeSize) } },
        },
    });
    const res = config.deployment.resources;
    const memory = quantityAt(config, ['deployment', 'resources', 'memory'], res.memory ?? '4GB');
    const cpu = String(res.cpus ?? 2);
    const limits = { memory, cpu };
    if (res.gpu?.enabled)
        limits[res.gpu.type === 'amd' ? 'amd.com/gpu' : 'nvidia.com/gpu'] = String(res.gpu.count ?? 1);
    // requests equal limits, as upstream writes them (a Guaranteed pod); extended resources must match anyway
    const requests = { ...limits };
    const env = Object.entries((0,environment/* sindriEnvironment */.l)(config)).map(([name, value]) => ({ name, value }));
    const ports = [{ name: 'ssh', containerPort: SSH_PORT, protocol: 'TCP' }];
    if (settings.ingress)
        ports.push({ name: 'http', containerPort: settings.ingress.port, protocol: 'TCP' });
    const container = {
        name: CONTAINER,
        image: input.image,
        ports,
        env,
        ...(names.secret ? { envFrom: [{ secretRef: { name: names.secret } }] } : {}),
        resources: { limits, requests },
        volumeMounts: [{ name: 'home', mountPath: compose/* HOME_MOUNT */.kV }],
        stdin: true,
        tty: true,
    };
    const podSpec = {
        containers: [container],
        volumes: [{ name: 'home', persistentVolumeClaim: { claimName: names.pvc } }],
        ...(names.pullSecret ? { imagePullSecrets: [{ name: names.pullSecret }] } : {}),
        ...(settings.nodeSelector ? { nodeSelector: settings.nodeSelector } : {}),
    };
    const deployment = {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: meta(names.deployment),
        spec: {
            replicas: 1,
            // the home volume is ReadWriteOnce: the old pod must let go of it before the new one starts
            strategy: { type: 'Recreate' },
            revisionHistoryLimit: 5,
            selector: { matchLabels: selectorLabels },
            template: { metadata: { labels: { ...labels } }, spec: podSpec },
        },
    };
    objects.push(deployment);
    const servicePorts = [{ name: 'ssh', port: SSH_PORT, targetPort: 'ssh', protocol: 'TCP' }];
    if (settings.ingress)
        servicePorts.push({ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' });
    objects.push({
        apiVersion: 'v1',
        kind: 'Service',
        metadata: meta(names.service),
        spec: { type: 'ClusterIP', selector: selectorLabels, ports: servicePorts },
    });
    let url = '';
    if (settings.ingress && names.ingress) {
        const ing = settings.ingress;
        objects.push({
            apiVersion: 'networking.k8s.io/v1',
            kind: 'Ingress',
            metadata: meta(names.ingress),
            spec: {
                ...(ing.className ? { ingressClassName: ing.className } : {}),
                ...(ing.tlsSecret ? { tls: [{ hosts: [ing.hostname], secretName: ing.tlsSecret }] } : {}),
                rules: [
                    {
                        host: ing.hostname,
                        http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: names.service, port: { name: 'http' } } } }] },
                    },
                ],
            },
        });
        url = `${ing.tlsSecret ? 'https' : 'http'}://${ing.hostname}`;
    }
    const unsupported = config.secrets.filter((x) => x.source !== 'env').map((x) => x.name);
    if (unsupported.length > 0)
        notes.push(`secrets ${unsupported.join(', ')}: only source: env secrets are handed to the pod (envFrom)`);
    // the hash covers every object with secret values left out, and the image digest with it
    const hashable = objects.map((o) => o.kind === 'Secret' ? { ...o, data: Object.fromEntries(Object.keys((o.data ?? {})).map((k) => [k, ''])) } : o);
    const hash = (0,compose/* changeHash */.F6)(JSON.stringify(hashable));
    deployment.metadata.annotations = { [HASH_ANNOTATION]: hash };
    const selector = `${MANAGED_BY_LABEL}=${FIELD_MANAGER},${INSTANCE_LABEL}=${name}`;
    return { objects, namespace, names, labels, selector, hash, url, notes };
}
/** Multi-document YAML for plan output and the job summary (secret values already placeholders). */
function manifestsYaml(objects, source) {
    const docs = objects.map((o) => (0,dist/* stringify */.As)(o, { lineWidth: 0 }).trimEnd());
    return `# generated by sindri/deploy-action from ${source}\n---\n${docs.join('\n---\n')}\n`;
}
/** A `v1` List: what `kubectl apply -f -` reads on stdin in one go. */
function applyDocument(objects) {
    return JSON.stringify({ apiVersion: 'v1', kind: 'List', items: objects });
}

// EXTERNAL MODULE: ./src/providers/kit/secrets.ts
var kit_secrets = __webpack_require__(8104);
;// CONCATENATED MODULE: ./src/providers/kubernetes/provider.ts
/**
 * provider: kubernetes — the pinned image as a Deployment (with its Service, home PVC, Secrets and
 * optional Ingress) in the cluster of the runner's kubeconfig (SPEC §5, issue 6; ADR 0007).
 *
 * `plan` and `apply` share `kubernetesSteps`: the same objects, the same argv. Deploy is one
 * server-side apply on stdin, then `kubectl rollout status` within what is left of the run's
 * deadline; a rollout that fails prints `describe` and the recent events and, with `rollback`, is
 * undone (`kubectl rollout undo`) and waited for again. Destroy deletes by our labels only.
 */









const MANIFEST_FILE = 'sindri-kubernetes.yaml';
/** what destroy deletes (by label), in an order where nothing waits on something deleted later */
const OWNED_KINDS = ['ingresses.networking.k8s.io', 'services', 'deployments.apps', 'persistentvolumeclaims', 'secrets'];
const PROBE_MS = 30_000;
/** the share of the remaining deadline kept for the rollback wait */
const ROLLBACK_RESERVE_MS = 120_000;
/** The fix for a Dockerfile-only config: Kubernetes never builds (SPEC §5). */
const BUILD_IN_CI_FIX = 'build and push the image in CI, then pass it by digest, e.g. `- uses: docker/build-push-action@v6` (id: build, push: true, tags: ghcr.io/OWNER/APP) followed by `- uses: sindri/deploy-action@v1` with `image: ghcr.io/OWNER/APP` and `image-digest: ${{ steps.build.outputs.digest }}`';
function connectHint(target, deployment) {
    const context = target.context ? ['--context', target.context] : [];
    return [
        'kubectl',
        ...context,
        '--namespace',
        target.namespace,
        'exec',
        '-it',
        `deployment/${deployment}`,
        '-c',
        CONTAINER,
        '--',
        'bash',
        '-l',
    ].join(' ');
}
/** The pure heart: objects and commands for a context and what is known about the cluster. */
function kubernetesSteps(ctx, facts) {
    const { config, inputs, image } = ctx;
    if (image.build) {
        throw new errors/* ActionError */.lZ(`provider kubernetes never builds images, and the image decision is to build ${image.dockerfile ?? 'a Dockerfile'}`, {
            where: { file: config.file, field: 'deployment.image' },
            fix: BUILD_IN_CI_FIX,
        });
    }
    const settings = kubernetesSettings(config);
    const name = (0,naming/* resourceName */.I)(config.name, inputs['name-suffix']);
    const manifests = renderManifests({ config, settings, name, image: image.deployRef, secrets: facts.secrets, pull: facts.pull });
    const target = { namespace: manifests.namespace, ...(settings.context ? { context: settings.context } : {}) };
    const contextShown = settings.context ?? (facts.context || 'the current context');
    const notes = [...manifests.notes];
    const commands = [];
    if (!settings.context)
        commands.push({
            argv: ['kubectl', ...kubectlArgv.currentContext()],
            why: 'which cluster (kind-/k3d- contexts load local images)',
            mutates: false,
        });
    commands.push({
        argv: ['kubectl', ...kubectlArgv.version(target, PROBE_MS)],
        why: `is the API server of ${contextShown} reachable?`,
        mutates: false,
    });
    const refs = [`deployment/${manifests.names.deployment}`];
    if (manifests.names.secret)
        refs.push(`secret/${manifests.names.secret}`);
    if (manifests.names.pullSecret)
        refs.push(`secret/${manifests.names.pullSecret}`);
    commands.push({
        argv: ['kubectl', ...kubectlArgv.get(target, refs)],
        why: 'skip when it already runs this digest with these manifests',
        mutates: false,
    });
    let objects = manifests.objects;
    if (manifests.namespace !== 'default') {
        commands.push({
            argv: ['kubectl', ...kubectlArgv.namespaceExists(target)],
            why: `create namespace ${manifests.namespace} only when it is missing`,
            mutates: false,
        });
        if (facts.namespaceExists)
            objects = objects.filter((o) => o.kind !== 'Namespace');
    }
    let loader;
    const local = (0,local_cluster/* localCluster */.U)(facts.context || settings.context || '');
    if (local && facts.loadLocal) {
        loader = new local_cluster/* LocalClusterLoader */.l(local);
        commands.push({
            argv: loader.argv(image.deployRef),
            why: `the image is only on the runner's Docker engine: load it into ${local.tool} cluster ${local.cluster}`,
            mutates: true,
        });
    }
    else if (local && !image.digest) {
        notes.push(`context ${facts.context || settings.context}: an image that exists only on the runner's Docker engine is loaded with ${local.tool} before apply`);
    }
    commands.push({
        argv: ['kubectl', ...kubectlArgv.apply(target, FIELD_MANAGER)],
        why: 'server-side apply of every object, read from stdin (Secret data never in argv or a file)',
        mutates: true,
    });
    const waitMs = facts.waitMs ?? inputs.timeout;
    commands.push({
        argv: ['kubectl', ...kubectlArgv.rolloutStatus(target, manifests.names.deployment, waitMs)],
        why: 'wait for the rollout (deploy passes what remains of timeout)',
        mutates: false,
    });
    commands.push({
        argv: ['kubectl', ...kubectlArgv.rolloutUndo(target, manifests.names.deployment)],
        why: inputs.rollback
            ? 'only when the rollout fails: put back the previous revision (rollback: true), after describe and events'
            : 'never: rollback is false',
        mutates: true,
    });
    const shown = renderManifests({
        config,
        settings,
        name,
        image: image.deployRef,
        secrets: new Map([...facts.secrets.keys()].map((k) => [k, PLACEHOLDER])),
        pull: facts.pull ? { ...facts.pull, password: PLACEHOLDER } : undefined,
    });
    const files = [
        {
            path: MANIFEST_FILE,
            content: manifestsYaml(shown.objects.filter((o) => objects.some((x) => x.kind === o.kind && x.metadata.name === o.metadata.name)), config.file),
        },
    ];
    notes.push(`${MANIFEST_FILE} is what would be applied (on stdin, never written to disk); secret values are shown as ${PLACEHOLDER}`);
    return { manifests, target, document: applyDocument(objects), loader, files, commands, notes };
}
function emitNotices(config, notices) {
    for (const n of notices)
        (0,runner/* warning */.$e)(n.message, { file: config.file, startLine: n.line, startColumn: n.column, title: n.field });
}
/** The credentials that resolve the image's registry become its pull secret (same chain as the resolver). */
async function pullCredential(ctx) {
    const registry = (0,reference/* parseReference */.F2)(ctx.image.deployRef).registry;
    const { credentialChain } = await __webpack_require__.e(/* import() */ 791).then(__webpack_require__.bind(__webpack_require__, 791));
    const c = await credentialChain({ inputs: ctx.inputs }).lookup(registry);
    if (!c)
        return undefined;
    if (!c.password) {
        (0,runner/* warning */.$e)(`the credentials for ${registry} (${c.source}) hold only an identity token: no image pull secret is created`);
        return undefined;
    }
    (0,runner/* setSecret */.Pq)(c.password);
    return { registry: registry === 'docker.io' ? 'https://index.docker.io/v1/' : registry, username: c.username, password: c.password };
}
/** The live Deployment is complete: the controller saw this generation and every replica is updated and available. */
function rolledOut(d) {
    const s = (d.status ?? {});
    const want = Number(d.spec?.replicas ?? 1);
    return ((s.observedGeneration ?? 0) >= (d.metadata.generation ?? 0) &&
        (s.updatedReplicas ?? 0) >= want &&
        (s.availableReplicas ?? 0) >= want &&
        (s.replicas ?? 0) <= want);
}
function liveImage(d) {
    const spec = d?.spec;
    return spec?.template?.spec?.containers?.find((c) => c.name === CONTAINER)?.image;
}
/** The live Secrets hold exactly the data we would apply (compared in memory). */
function sameSecretData(steps, live) {
    return steps.manifests.objects
        .filter((x) => x.kind === 'Secret')
        .every((o) => {
        const l = live.find((x) => x.kind === 'Secret' && x.metadata.name === o.metadata.name);
        const want = (o.data ?? {});
        return l !== undefined && JSON.stringify(Object.entries(l.data ?? {}).sort()) === JSON.stringify(Object.entries(want).sort());
    });
}
/** Nothing to do: same digest, same manifests (hash annotation), same secret data, rolled out. */
function unchanged(steps, live, image) {
    const { names, hash } = steps.manifests;
    const dep = live.find((o) => o.kind === 'Deployment' && o.metadata.name === names.deployment);
    if (!dep || dep.metadata.annotations?.[HASH_ANNOTATION] !== hash || liveImage(dep) !== image || !rolledOut(dep))
        return false;
    return sameSecretData(steps, live);
}
/** Does the runner's engine have this image? (no docker: no) */
async function presentLocally(exec, ref) {
    try {
        return ((await exec.run('docker', ['image', 'inspect', '--format', '{{.Id}}', ref], { allowFailure: true, timeoutMs: PROBE_MS })).code === 0);
    }
    catch {
        return false;
    }
}
class KubernetesProvider {
    name = 'kubernetes';
    async plan(ctx) {
        const secrets = (0,kit_secrets/* resolveSecrets */.Mx)(ctx.config);
        const facts = {
            secrets: new Map([...secrets.values.keys()].map((k) => [k, PLACEHOLDER])),
            context: '',
            loadLocal: false,
        };
        const steps = kubernetesSteps(ctx, facts);
        const notes = [...steps.notes, ...secrets.notices.map((n) => n.message)];
        if (secrets.missingRequired.length > 0)
            notes.push(`required secrets not set: ${secrets.missingRequired.join(', ')} (deploy fails before applying anything)`);
        if (!ctx.image.digest)
            notes.push(`the image is not pinned (${ctx.image.deployRef}): pin-digest false deploys it as written`);
        return { files: steps.files, commands: steps.commands, notes };
    }
    /** context, reachability: every deploy and destroy starts here */
    async connect(ctx, kubectl, context) {
        const current = context ?? (await kubectl.currentContext());
        const probe = await kubectl.serverVersion(context ? { context } : {}, ctx.deadline.budget('the Kubernetes API server answered', PROBE_MS));
        if (!probe.ok)
            throw unreachable(current, probe.reason);
        (0,runner/* info */.pq)(`context ${current || '(current)'}: API server ${probe.version}`);
        return current;
    }
    async apply(ctx) {
        // 1. before any kubectl call: a build the provider cannot do, missing secrets, bad settings
        if (ctx.image.build)
            kubernetesSteps(ctx, { secrets: new Map(), context: '', loadLocal: false }); // throws: Kubernetes never builds
        const secrets = (0,kit_secrets/* requireSecrets */.pU)(ctx.config);
        emitNotices(ctx.config, secrets.notices);
        const settings = kubernetesSettings(ctx.config);
        const kubectl = new Kubectl(ctx.exec, ctx.workdir);
        // 2. the cluster, and what it already runs
        const context = await this.connect(ctx, kubectl, settings.context);
        const pull = await pullCredential(ctx);
        const local = (0,local_cluster/* localCluster */.U)(context);
        const loadLocal = local !== undefined && !ctx.image.digest && (await presentLocally(ctx.exec, ctx.image.deployRef));
        const facts = { secrets: secrets.values, pull, context, loadLocal };
        let steps = kubernetesSteps(ctx, facts);
        const { names } = steps.manifests;
        const refs = [`deployment/${names.deployment}`, ...[names.secret, names.pullSecret].filter(Boolean).map((n) => `secret/${n}`)];
        const live = await kubectl.get(steps.target, refs, ctx.deadline.budget('the live objects were read', PROBE_MS));
        const before = live.find((o) => o.kind === 'Deployment');
        if (before && before.metadata.labels?.[MANAGED_BY_LABEL] !== FIELD_MANAGER) {
            throw new errors/* ActionError */.lZ(`a Deployment named ${names.deployment} already exists in namespace ${steps.target.namespace} and was not deployed by this action`, {
                where: { file: ctx.config.file, field: 'name' },
                fix: `delete it (kubectl delete deployment ${names.deployment} -n ${steps.target.namespace}), or change name / input name-suffix`,
            });
        }
        const result = (skipped) => ({
            url: steps.manifests.url,
            skipped,
            built: false,
            image: ctx.image.deployRef,
            digest: ctx.image.digest,
            connect: connectHint(steps.target, names.deployment),
            extra: { context: context || '(current)', namespace: steps.target.namespace, deployment: names.deployment, rolledBack: 'false' },
        });
        if (!ctx.inputs.force && unchanged(steps, live, ctx.image.deployRef)) {
            (0,runner/* info */.pq)(`deployment ${names.deployment} already runs ${ctx.image.deployRef} with these manifests: nothing to do (force: true redeploys)`);
            return result(true);
        }
        if (steps.manifests.namespace !== 'default') {
            const exists = await kubectl.namespaceExists(steps.target, ctx.deadline.budget('the namespace was looked up', PROBE_MS));
            steps = kubernetesSteps(ctx, { ...facts, namespaceExists: exists });
        }
        // 3. a local-only image into kind/k3d, then one apply on stdin
        if (steps.loader)
            await steps.loader.load(ctx.exec, ctx.image.deployRef, ctx.deadline.budget(`the image was loaded into ${steps.loader.tool}`, 600_000));
        await kubectl.apply(steps.target, steps.document, FIELD_MANAGER, ctx.deadline.budget('the manifests were applied', 120_000));
        // same digest and manifests, new secret values: the pods read envFrom only when they start
        if (before &&
            liveImage(before) === ctx.image.deployRef &&
            before.metadata.annotations?.[HASH_ANNOTATION] === steps.manifests.hash &&
            !sameSecretData(steps, live)) {
            (0,runner/* info */.pq)('the secret values changed: restarting the pods so they read them');
            await kubectl.rolloutRestart(steps.target, names.deployment, ctx.deadline.budget('the pods were restarted', PROBE_MS));
        }
        // 4. the rollout, within the deadline (a share kept for the rollback wait)
        const left = ctx.deadline.remaining();
        const reserve = ctx.inputs.rollback && before ? Math.min(ROLLBACK_RESERVE_MS, Math.floor(left / 3)) : 0;
        const waitMs = Math.max(1000, Math.min(ctx.inputs.timeout, left) - reserve);
        const status = await kubectl.rolloutStatus(steps.target, names.deployment, waitMs);
        if (status.code !== 0)
            await this.failed(ctx, kubectl, steps, before, waitMs, (0,output/* lastLine */.f)(status.stderr || status.stdout));
        return result(false);
    }
    /** describe + events, then (rollback) undo and wait again; always ends with one thrown line */
    async failed(ctx, kubectl, steps, before, waitMs, reason) {
        const { target } = steps;
        const dep = steps.manifests.names.deployment;
        const probe = Math.max(1000, Math.min(PROBE_MS, ctx.deadline.remaining()));
        await (0,runner/* group */.Os)(`deployment ${dep}: describe`, async () => (0,runner/* info */.pq)(await kubectl.describe(target, dep, probe)));
        await (0,runner/* group */.Os)(`namespace ${target.namespace}: recent events`, async () => (0,runner/* info */.pq)(await kubectl.events(target, probe)));
        const what = `deployment ${dep} did not become ready within ${Math.round(waitMs / 1000)} s (${reason || 'rollout failed'})`;
        const where = { file: ctx.config.file };
        const fix = 'read the describe output and events above; raise the input timeout if it only needs longer';
        if (!ctx.inputs.rollback) {
            throw new errors/* ActionError */.lZ(`${what}; it is left as it is (rollback: false)`, { where, fix, extra: { rolledBack: 'false' } });
        }
        const previous = liveImage(before);
        if (!before || !previous) {
            throw new errors/* ActionError */.lZ(`${what}; nothing to roll back to (its first deploy): it is left in place, mode: destroy removes it`, {
                where,
                fix,
                extra: { rolledBack: 'false' },
            });
        }
        const undo = await kubectl.rolloutUndo(target, dep, Math.max(1000, Math.min(PROBE_MS, ctx.deadline.remaining())));
        if (undo.code !== 0) {
            throw new errors/* ActionError */.lZ(`${what}; kubectl rollout undo failed too (${(0,output/* lastLine */.f)(undo.stderr || undo.stdout)})`, {
                where,
                fix: `${fix}; then roll back by hand: kubectl rollout undo deployment/${dep} -n ${target.namespace}`,
                extra: { rolledBack: 'false' },
            });
        }
        const again = await kubectl.rolloutStatus(target, dep, Math.max(1000, ctx.deadline.remaining()));
        const now = (await kubectl.get(target, [`deployment/${dep}`], Math.max(1000, Math.min(PROBE_MS, ctx.deadline.remaining())))).find((o) => o.kind === 'Deployment');
        const restored = liveImage(now) ?? previous;
        const revision = now?.metadata.annotations?.['deployment.kubernetes.io/revision'];
        const ready = again.code === 0 ? 'ready again' : `not ready either (${(0,output/* lastLine */.f)(again.stderr || again.stdout)})`;
        throw new errors/* ActionError */.lZ(`${what}; rolled back to ${restored}${revision ? ` (revision ${revision})` : ''}, ${ready}`, {
            where,
            fix,
            extra: { rolledBack: 'true', rolledBackTo: restored },
        });
    }
    async destroy(ctx) {
        const settings = kubernetesSettings(ctx.config);
        const kubectl = new Kubectl(ctx.exec, ctx.workdir);
        await this.connect(ctx, kubectl, settings.context);
        const name = (0,naming/* resourceName */.I)(ctx.config.name, ctx.inputs['name-suffix']);
        const target = { namespace: settings.namespace, ...(settings.context ? { context: settings.context } : {}) };
        const selector = `${MANAGED_BY_LABEL}=${FIELD_MANAGER},${INSTANCE_LABEL}=${name}`;
        const removed = await kubectl.listByLabel(target, OWNED_KINDS, selector, ctx.deadline.budget('our objects were listed', PROBE_MS));
        if (removed.length > 0)
            await kubectl.deleteByLabel(target, OWNED_KINDS, selector, ctx.deadline.budget('our objects were deleted', 300_000));
        // the namespace only when this deployment created it and no other deployment lives in it
        if (settings.namespace !== 'default') {
            const [ns] = await kubectl.get({ ...target, namespace: settings.namespace }, [`namespace/${settings.namespace}`], ctx.deadline.budget('the namespace was read', PROBE_MS));
            const ours = ns?.metadata.labels?.[INSTANCE_LABEL] === name && ns.metadata.labels?.[MANAGED_BY_LABEL] === FIELD_MANAGER;
            if (ours) {
                const others = await kubectl.listByLabel(target, ['deployments.apps'], `${APP_LABEL}=${APP}`, ctx.deadline.budget('the namespace was checked', PROBE_MS));
                if (others.length === 0) {
                    await kubectl.deleteNamespace(target, ctx.deadline.budget('the namespace was deleted', 300_000));
                    removed.push(`namespace/${settings.namespace}`);
                }
                else
                    (0,runner/* info */.pq)(`namespace ${settings.namespace} kept: other deployments live in it (${others.join(', ')})`);
            }
        }
        return { removed };
    }
}


/***/ })

};
