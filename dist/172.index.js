export const id = 172;
export const ids = [172];
export const modules = {

/***/ 7937:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   n: () => (/* binding */ commandFailed),
/* harmony export */   y: () => (/* binding */ plainLines)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4813);
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8992);
/**
 * The one error for a CLI call that failed, for wrappers that read the tool's own message out of its
 * output (devpod, kind, k3d colour their log lines even off a terminal): the command as run (quoted
 * and redacted as the log shows it), how it ended, and that message.
 */



const ANSI = /\x1b\[[0-9;]*[A-Za-z]/g;
/** The lines of a tool's output, colour codes removed, trimmed, redacted, blank lines dropped. */
function plainLines(...texts) {
    return (0,_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E$)(texts.join('\n'))
        .replace(ANSI, '')
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
}
/** `` `argv` failed with exit code N: message `` (or that it was stopped after `timeoutMs`). */
function commandFailed(argv, r, message, opts) {
    const shown = `\`${(0,_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E$)((0,_text_js__WEBPACK_IMPORTED_MODULE_2__/* .quoteArgv */ .rx)(argv))}\``;
    if (r.timedOut)
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`${shown} did not finish within ${Math.round((opts.timeoutMs ?? 0) / 1000)} s and was stopped`, {
            fix: opts.fix,
        });
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`${shown} failed with exit code ${r.code}${message ? `: ${message.slice(0, 400)}` : ''}`, { fix: opts.fix });
}


/***/ }),

/***/ 6911:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   UW: () => (/* binding */ localCluster),
/* harmony export */   lE: () => (/* binding */ LocalClusterLoader)
/* harmony export */ });
/* unused harmony export localClusterMessage */
/* harmony import */ var _failure_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7937);

/** `kind-dev` → kind cluster `dev`; `k3d-dev` → k3d cluster `dev`; anything else: a remote cluster. */
function localCluster(context) {
    const m = /^(kind|k3d)-(.+)$/.exec(context ?? '');
    return m ? { tool: m[1], cluster: m[2] } : undefined;
}
/** The tool's own message out of its output. */
function localClusterMessage(tool, stderr, stdout = '') {
    const lines = (0,_failure_js__WEBPACK_IMPORTED_MODULE_0__/* .plainLines */ .y)(stderr, stdout);
    for (const line of [...lines].reverse()) {
        const kind = tool === 'kind' ? /^ERROR: (.*)$/.exec(line)?.[1] : undefined;
        const k3d = tool === 'k3d' ? /^(?:FATA|ERRO)\[[^\]]*\]\s*(.*)$/.exec(line)?.[1] : undefined;
        const logfmt = tool === 'k3d' ? /\blevel=(?:fatal|error) msg="((?:[^"\\]|\\.)*)"/.exec(line)?.[1] : undefined;
        if (kind ?? k3d)
            return (kind ?? k3d).trim();
        if (logfmt !== undefined)
            return logfmt.replace(/\\n[\s\S]*$/, '').replace(/\\(.)/g, '$1');
    }
    return lines.at(-1) ?? '';
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
        const argv = this.argv(image);
        const r = await exec.run(argv[0], argv.slice(1), {
            timeoutMs,
            stream: true,
            allowFailure: true,
            pass: [/^DOCKER_/, /^KIND_/, /^K3D_/, 'KUBECONFIG', 'LOG_COLORS'],
        });
        if (r.code === 0 && !r.timedOut)
            return;
        throw (0,_failure_js__WEBPACK_IMPORTED_MODULE_0__/* .commandFailed */ .n)(argv, r, localClusterMessage(this.tool, r.stderr, r.stdout), {
            timeoutMs,
            fix: `check that the ${this.tool} cluster ${this.cluster} exists (${this.tool === 'kind' ? 'kind get clusters' : 'k3d cluster list'}) and that ${this.tool} is on PATH`,
        });
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

/***/ 7791:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  KubernetesProvider: () => (/* binding */ KubernetesProvider)
});

// EXTERNAL MODULE: ./src/plan/changes.ts
var changes = __webpack_require__(1766);
// EXTERNAL MODULE: ./src/deadline.ts
var deadline = __webpack_require__(6683);
;// CONCATENATED MODULE: ./src/providers/kubernetes/live.ts
/** metadata the server keeps or moves by itself on every write */
const VOLATILE = new Set(['managedFields', 'resourceVersion', 'generation', 'creationTimestamp', 'uid', 'selfLink']);
const REVISION = 'deployment.kubernetes.io/revision';
function normal(o) {
    const { metadata, ...all } = o;
    const rest = Object.fromEntries(Object.entries(all).filter(([k]) => k !== 'status'));
    const meta = Object.fromEntries(Object.entries(metadata).filter(([k]) => !VOLATILE.has(k)));
    if (metadata.annotations) {
        const annotations = Object.fromEntries(Object.entries(metadata.annotations).filter(([k]) => k !== REVISION));
        if (Object.keys(annotations).length > 0)
            meta.annotations = annotations;
        else
            delete meta.annotations;
    }
    return { ...rest, metadata: meta };
}
/** the leaf paths where two values differ (`spec.replicas`, `spec.template.spec.containers[0].image`) */
function differences(a, b, path, out) {
    if (JSON.stringify(a) === JSON.stringify(b))
        return;
    const isObj = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
    if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
        a.forEach((x, i) => differences(x, b[i], `${path}[${i}]`, out));
    }
    else if (isObj(a) && isObj(b)) {
        for (const k of new Set([...Object.keys(a), ...Object.keys(b)]))
            differences(a[k], b[k], path ? `${path}.${k}` : k, out);
    }
    else
        out.push(path);
}
const IMAGE_PATH = /^spec\.template\.spec\.containers\[\d+\]\.image$/;
/** `spec.template.spec.containers[0].resources.limits.memory` → `containers[0].resources`: short enough for one line */
function settingName(path) {
    const inner = path
        .replace(/^spec\.template\.spec\./, '')
        .replace(/^spec\.template\./, 'template.')
        .replace(/^spec\./, '');
    const parts = inner.split('.');
    return parts.slice(0, parts[0].startsWith('containers') || parts[0] === 'metadata' ? 2 : 1).join('.');
}
const imageOf = (o) => (o?.spec?.template?.spec?.containers ?? [])[0]?.image;
/** What the apply would do to one object, from the live one (undefined: it does not exist) and the dry-run's answer. */
function compareObject(live, applied) {
    const resource = `${applied.kind} ${applied.metadata.name}`;
    if (!live)
        return { action: 'create', resource };
    const paths = [];
    differences(normal(live), normal(applied), '', paths);
    if (paths.length === 0)
        return { action: 'unchanged', resource };
    const change = { action: 'update', resource };
    const from = imageOf(live);
    const to = imageOf(applied);
    if (from !== to && from && to)
        change.image = { from, to };
    // Secret data is compared, never shown: only the key that moved
    const settings = [...new Set(paths.filter((p) => !IMAGE_PATH.test(p)).map(settingName))].sort();
    if (settings.length)
        change.settings = settings;
    return change;
}
/** Every object of the apply, matched with its live one by kind and name. */
function compareObjects(live, applied) {
    return applied.map((a) => compareObject(live.find((l) => l.kind === a.kind && l.metadata.name === a.metadata.name), a));
}

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/external/env.ts
var env = __webpack_require__(6572);
;// CONCATENATED MODULE: ./src/external/kubectl.ts
/**
 * `kubectl` (and the kind / k3d image loaders of local clusters). Every operation is a method that
 * assembles argv and calls one private `execute` over src/external/exec.ts. The argv builders are
 * exported as `kubectlArgv` so the plan prints exactly what deploy runs. Manifests travel on stdin
 * (`-f -`): Secret data never reaches argv or a file.
 */


const globals = (t) => (t.context ? ['--context', t.context] : []);
const ns = (t) => [...globals(t), '--namespace', t.namespace];
/** a duration flag in whole seconds: at least 1, since `--timeout=0s` means "wait forever" to kubectl */
const seconds = (ms) => `${Math.max(1, Math.floor(ms / 1000))}s`;
/** Pure argv builders: shared by `Kubectl` and by the provider's plan. */
const kubectlArgv = {
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
    /** the same apply, answered by the API server and never persisted (`dryRun=All`): the objects it would leave */
    applyDryRun: (t, fieldManager) => [
        ...kubectlArgv.apply(t, fieldManager),
        '--dry-run=server',
        '--output',
        'json',
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
    /** one shell line inside the deployment's container, run by its own /bin/sh (one argv element, never our shell) */
    exec: (t, deployment, container, command) => [
        ...ns(t),
        'exec',
        `deployment/${deployment}`,
        '-c',
        container,
        '--',
        '/bin/sh',
        '-c',
        command,
    ],
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
    listByLabel: (t, kinds, selector, output = 'name') => [
        ...ns(t),
        'get',
        kinds.join(','),
        '--selector',
        selector,
        '--output',
        output,
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
/** What kubectl reads (kubeconfig, cache, its switches) and what kubeconfig exec plugins need (cloud credentials). */
const KUBECTL_ENV = ['KUBECONFIG', 'KUBECACHEDIR', /^KUBECTL_/, ...env/* CLOUD_ENV */.sG];
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
        return await this.exec.run(this.bin, args, { cwd: this.cwd, pass: KUBECTL_ENV, ...opts });
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
        return parseObjects(r.stdout);
    }
    /**
     * Server-side apply of a List on stdin. kubectl validates the List against the server's OpenAPI first
     * (a schema error stops it before anything is sent); then it applies every object it can and reports
     * the others, so a failure says which objects were applied.
     */
    async apply(t, document, fieldManager, timeoutMs) {
        const r = await this.execute(kubectlArgv.apply(t, fieldManager), { input: document, timeoutMs, stream: true, allowFailure: true });
        if (r.code === 0)
            return;
        const applied = r.stdout
            .split('\n')
            .map((l) => /^(\S+) serverside-applied$/.exec(l.trim())?.[1])
            .filter(Boolean);
        const why = (r.stderr || r.stdout)
            .split('\n')
            .map((l) => l.trim())
            .filter(Boolean)
            .pop() ?? `exit code ${r.code}`;
        throw new errors/* ActionError */.lZ(`kubectl apply failed: ${why}`, {
            fix: applied.length > 0
                ? `kubectl applied the other objects (${applied.join(', ')}) and refused the ones named above: read the API server's message, fix it, and deploy again`
                : 'nothing was applied: read the message above (a schema error found by kubectl itself stops the whole List before anything is sent)',
        });
    }
    /** The objects a server-side apply of `document` would leave, nothing persisted (captured, never logged: Secret data). */
    async applyDryRun(t, document, fieldManager, timeoutMs) {
        const r = await this.execute(kubectlArgv.applyDryRun(t, fieldManager), { input: document, timeoutMs, allowFailure: true });
        if (r.code !== 0)
            throw new errors/* ActionError */.lZ(`kubectl apply --dry-run=server failed: ${lastOf(r.stderr || r.stdout) || `exit code ${r.code}`}`);
        return parseObjects(r.stdout);
    }
    /**
     * Objects among `refs`; which of them the API server refused to show (403 Forbidden lines); and
     * `failed`, kubectl's last line, when the read failed otherwise (the server did not answer).
     */
    async getAllowed(t, refs, timeoutMs) {
        const r = await this.execute(kubectlArgv.get(t, refs), { timeoutMs, allowFailure: true });
        const forbidden = r.stderr
            .split('\n')
            .filter((l) => l.includes('(Forbidden)'))
            .map((l) => l.trim());
        const failed = r.code !== 0 && forbidden.length === 0
            ? lastOf(r.stderr || r.stdout) || (r.timedOut ? 'no answer' : `exit code ${r.code}`)
            : undefined;
        return {
            objects: r.code === 0 || forbidden.length > 0 ? parseObjects(r.stdout) : [],
            forbidden,
            ...(failed ? { failed: failed.slice(0, 300) } : {}),
        };
    }
    /**
     * Watch a rollout for `timeoutMs` (kubectl's own `--timeout` ends it, with exit code 1); the process
     * itself may run until the run's deadline, which the caller keeps beyond `timeoutMs`.
     */
    async rolloutStatus(t, deployment, timeoutMs) {
        return await this.execute(kubectlArgv.rolloutStatus(t, deployment, timeoutMs), { stream: true, allowFailure: true });
    }
    async rolloutUndo(t, deployment, timeoutMs) {
        return await this.execute(kubectlArgv.rolloutUndo(t, deployment), { timeoutMs, stream: true, allowFailure: true });
    }
    /** new pods for the same template: env from a changed Secret is read only when a pod starts */
    async rolloutRestart(t, deployment, timeoutMs) {
        await this.execute(kubectlArgv.rolloutRestart(t, deployment), { timeoutMs, stream: true });
    }
    /** `kubectl exec deployment/<name> -c <container> -- /bin/sh -c <command>`: a non-zero exit is a result */
    async execIn(t, deployment, container, command, timeoutMs) {
        return await this.execute(kubectlArgv.exec(t, deployment, container, command), { timeoutMs, allowFailure: true });
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
    /** the objects of `kinds` matching `selector`, whole (captured, never logged) */
    async getByLabel(t, kinds, selector, timeoutMs) {
        const r = await this.execute(kubectlArgv.listByLabel(t, kinds, selector, 'json'), {
            timeoutMs,
            fix: `check that the kubeconfig user may list ${kinds.join(', ')} in namespace ${t.namespace}`,
        });
        return parseObjects(r.stdout);
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
/** the one document `kubectl apply --filename -` reads: a List of the objects, in order */
function listDocument(objects) {
    return JSON.stringify({ apiVersion: 'v1', kind: 'List', items: objects });
}
/** `kubectl get -o json` output: one object, a List, or nothing */
function parseObjects(stdout) {
    const text = stdout.trim();
    if (!text)
        return [];
    const j = JSON.parse(text);
    return j.kind === 'List' || Array.isArray(j.items) ? (j.items ?? []) : [j];
}
const lastOf = (text) => text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .pop() ?? '';
/** `kind load docker-image` / `k3d image import`: an image that exists only on the runner's engine. */
function unreachable(context, reason) {
    return new errors/* ActionError */.lZ(`the Kubernetes API server of context "${context || '(none)'}" cannot be reached: ${reason}`, {
        where: { field: 'providers.kubernetes.context' },
        fix: 'set up the kubeconfig before this step (e.g. azure/k8s-set-context, or KUBECONFIG pointing at it) and check providers.kubernetes.context names one of its contexts',
    });
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/external/kubeconfig.ts
/**
 * The kubeconfig's current context, resolved as kubectl 1.32 resolves it (client-go
 * tools/clientcmd/loader.go), without starting kubectl: `KUBECONFIG` split on the path list
 * separator (empty entries skipped, duplicates kept once, in order), or `$HOME/.kube/config` when it
 * is unset or empty; missing files skipped; a file that does not parse is an error, as kubectl makes
 * it; the first file that sets a non-empty `current-context` wins (the merge's "first file to set a
 * key wins"). ADR 0029.
 */




/** the kubeconfig files kubectl reads, in merge order */
function kubeconfigFiles(env, cwd = process.cwd()) {
    const list = env.KUBECONFIG ?? '';
    if (list === '')
        return [(0,external_node_path_.join)(env.HOME ?? '', '.kube', 'config')];
    const seen = new Set();
    const files = [];
    for (const entry of list.split(external_node_path_.delimiter)) {
        if (!entry)
            continue;
        const path = (0,external_node_path_.resolve)(cwd, entry);
        if (seen.has(path))
            continue;
        seen.add(path);
        files.push(path);
    }
    return files;
}
/** the current context ('' when no file sets one) */
function currentContextOf(env, cwd = process.cwd()) {
    for (const file of kubeconfigFiles(env, cwd)) {
        if (!(0,external_node_fs_.existsSync)(file))
            continue;
        let doc;
        try {
            doc = (0,dist/* parse */.qg)((0,external_node_fs_.readFileSync)(file, 'utf8'));
        }
        catch (e) {
            throw new errors/* ActionError */.lZ(`the kubeconfig file ${file} cannot be read: ${e.message.split('\n')[0]}`, {
                where: { field: 'KUBECONFIG' },
                fix: 'kubectl refuses it too: repair the file, or point KUBECONFIG at a valid one',
            });
        }
        const current = doc && typeof doc === 'object' ? doc['current-context'] : undefined;
        if (typeof current === 'string' && current !== '')
            return current;
    }
    return '';
}

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
;// CONCATENATED MODULE: ./src/external/kube-rollout.ts
/** kubectl's viewer for revision 0 (the latest): the same order of checks, the same words */
function rolloutVerdict(d) {
    const name = d.metadata.name;
    const status = (d.status ?? {});
    const generation = d.metadata.generation ?? 0;
    if (generation > (status.observedGeneration ?? 0))
        return { state: 'waiting', message: 'Waiting for deployment spec update to be observed...' };
    const progressing = status.conditions?.find((c) => c.type === 'Progressing');
    if (progressing?.reason === 'ProgressDeadlineExceeded')
        return { state: 'failed', message: `deployment "${name}" exceeded its progress deadline` };
    const wanted = d.spec?.replicas;
    const updated = status.updatedReplicas ?? 0;
    if (wanted !== undefined && updated < wanted)
        return {
            state: 'waiting',
            message: `Waiting for deployment "${name}" rollout to finish: ${updated} out of ${wanted} new replicas have been updated...`,
        };
    const replicas = status.replicas ?? 0;
    if (replicas > updated)
        return {
            state: 'waiting',
            message: `Waiting for deployment "${name}" rollout to finish: ${replicas - updated} old replicas are pending termination...`,
        };
    const available = status.availableReplicas ?? 0;
    if (available < updated)
        return {
            state: 'waiting',
            message: `Waiting for deployment "${name}" rollout to finish: ${available} of ${updated} updated replicas are available...`,
        };
    return { state: 'done', message: `deployment "${name}" successfully rolled out` };
}

;// CONCATENATED MODULE: ./src/external/kube-api.ts
/**
 * The Kubernetes API server in-process, with the kubeconfig's own credentials (issue 25): the reads of
 * live objects (ADR 0047: a cold `kubectl get` is a process start plus a discovery round before its one
 * GET; this is the GET), the server-side apply with its dry run and the rollout watch (ADR 0052). The
 * kubeconfig is resolved as kubectl 1.32 resolves it (client-go tools/clientcmd loader.go, client_config.go): the `KUBECONFIG` files in merge order
 * (kubeconfig.ts), each named cluster, user and context taken from the first file that defines it (the
 * entry whole, never merged field by field), `current-context` from the first file that sets one,
 * relative file paths against the file that names them. Supported: the server URL (https, or http on
 * a loopback stand-in), `certificate-authority` / `-data`, `insecure-skip-tls-verify`, `tls-server-name`,
 * `client-certificate` / `client-key` (files or `-data`), `token`, `tokenFile`, `username` / `password`.
 * Anything else — an exec plugin, an auth-provider, `proxy-url`, impersonation (`as*`), a proxy in the
 * environment for a non-loopback server, no certificate authority (Go's system roots are not Node's),
 * in-cluster config, a context, cluster or user that is not found — is not guessed at: `resolveKubeApi`
 * says why, and the caller asks kubectl (`KubeClient`), which then also words any error itself.
 */









const obj = (v) => (v && typeof v === 'object' && !Array.isArray(v) ? v : undefined);
const str = (v) => (typeof v === 'string' ? v : '');
/** user keys we honour; any other non-empty user key means a credential we do not speak */
const USER_KEYS = new Set([
    'client-certificate',
    'client-certificate-data',
    'client-key',
    'client-key-data',
    'token',
    'tokenFile',
    'username',
    'password',
    'extensions',
]);
const CLUSTER_KEYS = new Set([
    'server',
    'certificate-authority',
    'certificate-authority-data',
    'insecure-skip-tls-verify',
    'tls-server-name',
    'extensions',
    'disable-compression',
]);
/**
 * The credentials of `context` (or the current context), or why kubectl must be asked instead.
 * A file that does not parse is a reason too (kubectl then reports it in its own words).
 */
function resolveKubeApi(env, cwd, context) {
    const clusters = new Map();
    const users = new Map();
    const contexts = new Map();
    let current = '';
    let files = 0;
    for (const file of kubeconfigFiles(env, cwd)) {
        if (!(0,external_node_fs_.existsSync)(file))
            continue;
        let doc;
        try {
            doc = obj((0,dist/* parse */.qg)((0,external_node_fs_.readFileSync)(file, 'utf8')));
        }
        catch {
            return { ok: false, reason: `${file} does not parse` };
        }
        files++;
        if (!doc)
            continue;
        const dir = (0,external_node_path_.dirname)(file);
        for (const [list, into] of [
            ['clusters', clusters],
            ['users', users],
            ['contexts', contexts],
        ]) {
            const inner = list === 'clusters' ? 'cluster' : list === 'users' ? 'user' : 'context';
            for (const item of Array.isArray(doc[list]) ? doc[list] : []) {
                const name = str(obj(item)?.name);
                // the first file to define a name wins, the entry whole (client-go's map merge)
                if (name && !into.has(name))
                    into.set(name, { value: obj(obj(item)?.[inner]) ?? {}, dir });
            }
        }
        if (!current)
            current = str(doc['current-context']);
    }
    if (files === 0)
        return { ok: false, reason: 'no kubeconfig file (in-cluster config is kubectl’s)' };
    const name = context || current;
    if (!name)
        return { ok: false, reason: 'no current context' };
    const ctx = contexts.get(name)?.value;
    if (!ctx)
        return { ok: false, reason: `context ${name} not found` };
    const cluster = clusters.get(str(ctx.cluster));
    const user = users.get(str(ctx.user)) ?? (str(ctx.user) ? undefined : { value: {}, dir: '' });
    if (!cluster)
        return { ok: false, reason: `cluster of context ${name} not found` };
    if (!user)
        return { ok: false, reason: `user of context ${name} not found` };
    const c = cluster.value;
    const u = user.value;
    const unknownUser = Object.keys(u).find((k) => !USER_KEYS.has(k) && u[k] !== undefined && u[k] !== null && u[k] !== '');
    if (unknownUser)
        return { ok: false, reason: `user ${unknownUser}` };
    const unknownCluster = Object.keys(c).find((k) => !CLUSTER_KEYS.has(k) && c[k] !== undefined && c[k] !== null && c[k] !== '');
    if (unknownCluster)
        return { ok: false, reason: `cluster ${unknownCluster}` };
    let server;
    try {
        server = new URL(str(c.server));
    }
    catch {
        return { ok: false, reason: 'no server URL' };
    }
    const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(server.hostname);
    if (server.protocol === 'http:' && !loopback)
        return { ok: false, reason: 'plain http to a non-loopback server' };
    if (server.protocol !== 'https:' && server.protocol !== 'http:')
        return { ok: false, reason: `server scheme ${server.protocol}` };
    // Go's ProxyFromEnvironment never proxies loopback; elsewhere kubectl would go through the proxy
    const proxy = (server.protocol === 'https:' ? ['HTTPS_PROXY', 'https_proxy'] : ['HTTP_PROXY', 'http_proxy']).some((k) => env[k]);
    if (proxy && !loopback)
        return { ok: false, reason: 'a proxy in the environment' };
    const file = (path, dir) => (0,external_node_fs_.readFileSync)((0,external_node_path_.isAbsolute)(path) ? path : (0,external_node_path_.join)(dir, path));
    const data = (inline, path, dir) => str(inline) ? Buffer.from(str(inline), 'base64') : str(path) ? file(str(path), dir) : undefined;
    try {
        const insecure = c['insecure-skip-tls-verify'] === true;
        const ca = data(c['certificate-authority-data'], c['certificate-authority'], cluster.dir);
        if (insecure && ca)
            return { ok: false, reason: 'a certificate authority with insecure-skip-tls-verify' };
        if (server.protocol === 'https:' && !insecure && !ca)
            return { ok: false, reason: 'no certificate authority (system roots)' };
        const cert = data(u['client-certificate-data'], u['client-certificate'], user.dir);
        const key = data(u['client-key-data'], u['client-key'], user.dir);
        if (Boolean(cert) !== Boolean(key))
            return { ok: false, reason: 'a client certificate without its key' };
        const token = str(u.token) || (str(u.tokenFile) ? file(str(u.tokenFile), user.dir).toString('utf8').trim() : '');
        const basic = str(u.username) || str(u.password);
        if (token && basic)
            return { ok: false, reason: 'both a token and basic auth' };
        const authorization = token
            ? `Bearer ${token}`
            : basic
                ? `Basic ${Buffer.from(`${str(u.username)}:${str(u.password)}`).toString('base64')}`
                : undefined;
        const auth = [cert ? 'client certificate' : '', token ? 'token' : '', basic ? 'basic auth' : ''].filter(Boolean).join(' + ') || 'none';
        const servername = str(c['tls-server-name']) || undefined;
        return {
            ok: true,
            context: name,
            credentials: {
                server,
                insecure,
                auth,
                ...(ca ? { ca } : {}),
                ...(cert && key ? { cert, key } : {}),
                ...(authorization ? { authorization } : {}),
                ...(servername ? { servername } : {}),
            },
        };
    }
    catch (e) {
        return { ok: false, reason: `a file it names cannot be read (${e.code ?? 'error'})` };
    }
}
/**
 * The kinds this client maps to API paths without discovery: what the action's own manifests hold, a
 * ConfigMap, and the StorageClass it reads. `apiVersion` is the one version served at `prefix`: an
 * object of another version (or a kind not here) is applied through kubectl, which discovers it.
 */
const PATHS = {
    deployment: { prefix: '/apis/apps/v1', apiVersion: 'apps/v1', plural: 'deployments', namespaced: true },
    secret: { prefix: '/api/v1', apiVersion: 'v1', plural: 'secrets', namespaced: true },
    configmap: { prefix: '/api/v1', apiVersion: 'v1', plural: 'configmaps', namespaced: true },
    persistentvolumeclaim: { prefix: '/api/v1', apiVersion: 'v1', plural: 'persistentvolumeclaims', namespaced: true },
    service: { prefix: '/api/v1', apiVersion: 'v1', plural: 'services', namespaced: true },
    ingress: { prefix: '/apis/networking.k8s.io/v1', apiVersion: 'networking.k8s.io/v1', plural: 'ingresses', namespaced: true },
    namespace: { prefix: '/api/v1', apiVersion: 'v1', plural: 'namespaces', namespaced: false },
    storageclass: { prefix: '/apis/storage.k8s.io/v1', apiVersion: 'storage.k8s.io/v1', plural: 'storageclasses', namespaced: false },
};
function apiPath(namespace, ref) {
    const [kind = '', name = '', extra] = ref.split('/');
    const p = PATHS[kind];
    if (!p || !name || extra !== undefined)
        return undefined;
    const enc = encodeURIComponent;
    return p.namespaced ? `${p.prefix}/namespaces/${enc(namespace)}/${p.plural}/${enc(name)}` : `${p.prefix}/${p.plural}/${enc(name)}`;
}
/** `GET` of the `kind` objects (a kind of PATHS) in `namespace` matching `selector`; undefined for a kind not mapped */
function listPath(namespace, kind, selector) {
    const p = PATHS[kind];
    if (!p)
        return undefined;
    const base = p.namespaced ? `${p.prefix}/namespaces/${encodeURIComponent(namespace)}/${p.plural}` : `${p.prefix}/${p.plural}`;
    return `${base}?${new URLSearchParams({ labelSelector: selector }).toString()}`;
}
/**
 * Where a server-side apply of `o` goes (`PATCH <path>`), and the name kubectl prints for it
 * (`deployment.apps/<name>`); or why this client leaves the apply to kubectl, which discovers kinds.
 */
function objectPath(namespace, o) {
    const kind = o.kind.toLowerCase();
    const p = PATHS[kind];
    if (!p || p.apiVersion !== o.apiVersion)
        return { reason: `${o.apiVersion} ${o.kind} is a kind only kubectl's discovery maps` };
    const name = o.metadata.name;
    // a namespaced object named for another namespace: kubectl refuses it in its own words
    if (!name || (p.namespaced && o.metadata.namespace && o.metadata.namespace !== namespace))
        return { reason: `${o.kind} ${name || '(no name)'} is named for namespace ${o.metadata.namespace ?? ''}` };
    const group = p.apiVersion.includes('/') ? p.apiVersion.split('/')[0] : '';
    return { path: apiPath(namespace, `${kind}/${name}`), ref: `${kind}${group ? `.${group}` : ''}/${name}`, namespaced: p.namespaced };
}
/** How long a 429 or 5xx answer asks to wait before the same request again (whole seconds, as client-go reads it), else undefined. */
function retryAfterMs(a) {
    if (a.code !== 429 && a.code < 500)
        return undefined;
    if (!a.retryAfter || !/^\d+$/.test(a.retryAfter.trim()))
        return undefined;
    return Number(a.retryAfter.trim()) * 1000;
}
/** An answer's warning headers: `299 - "<text>"` each (RFC 7234 warn-text, as the API server writes them). */
function warningTexts(headers) {
    const texts = [];
    for (const h of headers ?? [])
        for (const m of h.matchAll(/\d{3} \S+ "((?:[^"\\]|\\.)*)"/g)) {
            try {
                texts.push(JSON.parse(`"${m[1]}"`));
            }
            catch {
                texts.push(m[1]);
            }
        }
    return texts;
}
const HTTP_AGENT = new external_node_http_.Agent({ keepAlive: true });
const HTTPS_AGENT = new external_node_https_.Agent({ keepAlive: true });
/** The API server, over node:http(s) with the kubeconfig's credentials. */
class KubeApi {
    creds;
    constructor(creds) {
        this.creds = creds;
    }
    get server() {
        return this.creds.server.origin;
    }
    /**
     * One request, its answer whole. `timeoutMs` is how long the socket may stay silent; a write sends
     * `body` as `body.type`. A kept-alive connection the server closed meanwhile is retried once on a new
     * one (Node's `reusedSocket` pattern): every request here is idempotent (reads, server-side applies,
     * a delete).
     */
    async request(path, timeoutMs, write) {
        // client-go's rule (rest/request.go checkWait, maxRetries 10): a 429 or a 5xx that says
        // `Retry-After: <seconds>` is asked again after that wait, while the request's own time allows
        for (let attempt = 0, waited = 0;; attempt++) {
            const a = await this.once(path, timeoutMs, write);
            const wait = retryAfterMs(a);
            if (wait === undefined || attempt >= 10 || waited + wait >= timeoutMs)
                return a;
            await new Promise((r) => setTimeout(r, wait));
            waited += wait;
        }
    }
    /** one request, and one retry on a new connection when a kept-alive one was closed meanwhile */
    async once(path, timeoutMs, write, retried = false) {
        return await new Promise((resolve, reject) => {
            const req = this.open(path, timeoutMs, write, (res) => {
                const chunks = [];
                res.on('data', (d) => chunks.push(d));
                res.on('end', () => resolve({
                    code: res.statusCode ?? 0,
                    body: Buffer.concat(chunks).toString('utf8'),
                    warnings: warningTexts(res.headersDistinct.warning),
                    retryAfter: res.headers['retry-after'],
                }));
                res.on('error', reject);
            });
            req.on('error', (e) => {
                if (!retried && req.reusedSocket && (e.code === 'ECONNRESET' || e.code === 'EPIPE'))
                    this.once(path, timeoutMs, write, true).then(resolve, reject);
                else
                    reject(e);
            });
        });
    }
    /** the request itself: the server's origin and path prefix, our credentials, a kept-alive connection of the run */
    open(path, timeoutMs, write, onAnswer) {
        const c = this.creds;
        const url = new URL(c.server.pathname.replace(/\/+$/, '') + path, c.server);
        const headers = { accept: 'application/json', 'user-agent': 'sindri-deploy-action' };
        if (c.authorization)
            headers.authorization = c.authorization;
        if (write)
            headers['content-type'] = write.type;
        const options = {
            method: write?.method ?? 'GET',
            headers,
            ...(timeoutMs > 0 ? { timeout: timeoutMs } : {}),
            ...(url.protocol === 'https:'
                ? {
                    rejectUnauthorized: !c.insecure,
                    ...(c.ca ? { ca: c.ca } : {}),
                    ...(c.cert && c.key ? { cert: c.cert, key: c.key } : {}),
                    ...(c.servername ? { servername: c.servername } : {}),
                }
                : {}),
            // connections kept alive for the run (a TLS handshake once, not per request); Node unrefs an idle
            // one, so none holds the run open. The https agent pools by the TLS options above.
            agent: url.protocol === 'https:' ? HTTPS_AGENT : HTTP_AGENT,
        };
        const req = (url.protocol === 'https:' ? external_node_https_.request : external_node_http_.request)(url, options, onAnswer);
        req.on('timeout', () => req.destroy(new Error('no answer')));
        req.end(write?.text);
        return req;
    }
    /**
     * One object, server-side applied as kubectl 1.32 sends it: `PATCH` with the object as
     * `application/apply-patch+yaml` (JSON is YAML), our field manager, `force=true`
     * (`--force-conflicts`) and `fieldValidation=Strict` (kubectl's default `--validate=strict`, which the
     * server enforces); `dryRun=All` answers without persisting anything.
     */
    async applyOne(p, fieldManager, dryRun, timeoutMs) {
        const query = new URLSearchParams({ fieldManager, force: 'true', fieldValidation: 'Strict', ...(dryRun ? { dryRun: 'All' } : {}) });
        return await this.request(`${p.path}?${query.toString()}`, timeoutMs, {
            method: 'PATCH',
            type: 'application/apply-patch+yaml',
            text: JSON.stringify(p.object),
        });
    }
    /**
     * `kubectl apply --server-side --force-conflicts` of `objects` into `namespace` (every one mapped by
     * `objectPath`), and a guarantee kubectl gives only for schema errors: nothing is persisted unless
     * the API server accepted every object in a dry run first (`dryRun=All`: its validation, admission
     * and defaulting, nothing stored). Then, in rounds, each round's requests side by side: the
     * cluster-scoped objects (the namespace), everything namespaced but the Deployments (Secrets, the
     * claim, the Service, …), then the Deployments, so the pods start with what they read already there.
     * A namespace this apply creates is created before its objects' dry run (a server refuses a dry run
     * into a namespace that does not exist); when that dry run then fails, the namespace is deleted again.
     * `say` gets kubectl's lines (`<kind>.<group>/<name> serverside-applied`, `Warning: …`).
     * With `dryRun`, only the dry run: the objects the server answered with (the plan's diff).
     */
    async apply(namespace, objects, fieldManager, timeoutMs, say, dryRun = false) {
        const placed = objects.map((object) => ({ object, ...objectPath(namespace, object) }));
        const cluster = placed.filter((p) => !p.namespaced);
        const inside = placed.filter((p) => p.namespaced);
        const creates = cluster.some((p) => p.object.kind === 'Namespace' && p.object.metadata.name === namespace);
        const applied = [];
        const round = async (batch, check) => {
            let answers;
            try {
                answers = await Promise.all(batch.map(async (p) => await this.applyOne(p, fieldManager, check, timeoutMs)));
            }
            catch (e) {
                return { failed: unreachableLine(e) };
            }
            const refused = answers.findIndex((a) => a.code !== 200 && a.code !== 201);
            if (refused >= 0)
                return { failed: `${batch[refused].ref}: ${refusal(answers[refused])}` };
            if (!check)
                batch.forEach((p, i) => {
                    for (const w of answers[i].warnings)
                        say(`Warning: ${w}`);
                    say(`${p.ref} serverside-applied`);
                    applied.push(p.ref);
                });
            return { answers };
        };
        if (dryRun) {
            const r = await round(placed, true);
            if (r.answers === undefined)
                return { ok: false, failed: r.failed, applied };
            return { ok: true, objects: r.answers.map((a) => JSON.parse(a.body)) };
        }
        const first = await round(creates ? cluster : placed, true);
        if (first.answers === undefined)
            return { ok: false, failed: first.failed, applied };
        const made = await round(cluster, false);
        if (made.answers === undefined)
            return { ok: false, failed: made.failed, applied };
        if (creates && inside.length > 0) {
            const checked = await round(inside, true);
            if (checked.answers === undefined) {
                const createdNow = made.answers.some((a, i) => a.code === 201 && cluster[i].object.kind === 'Namespace');
                const removed = createdNow && (await this.deleteNamespace(namespace, timeoutMs));
                return {
                    ok: false,
                    failed: checked.failed,
                    applied: removed ? [] : applied,
                    note: removed ? `namespace ${namespace}, created by this apply, was deleted again` : undefined,
                };
            }
        }
        const workloads = inside.filter((p) => p.object.kind === 'Deployment');
        for (const batch of [inside.filter((p) => p.object.kind !== 'Deployment'), workloads]) {
            if (batch.length === 0)
                continue;
            const r = await round(batch, false);
            if (r.answers === undefined)
                return { ok: false, failed: r.failed, applied };
        }
        return { ok: true, objects: [] };
    }
    /** `DELETE` of a namespace (it goes with everything in it); false when the server did not accept it */
    async deleteNamespace(namespace, timeoutMs) {
        try {
            const a = await this.request(apiPath('', `namespace/${namespace}`), timeoutMs, {
                method: 'DELETE',
                type: 'application/json',
                text: '',
            });
            return a.code === 200 || a.code === 202;
        }
        catch {
            return false;
        }
    }
    /**
     * `kubectl rollout status deployment/<name> --watch --timeout=…`: one look, then a watch of that
     * Deployment (`fieldSelector=metadata.name=<name>` from the resourceVersion looked at), each event
     * judged by kubectl's own viewer (kube-rollout.ts), each new verdict said, until it is rolled out,
     * cannot be (its progress deadline), or `until` ends (kubectl's `timed out waiting for the
     * condition`; like kubectl's `--timeout`, at least a second). A watch the server ends early is taken
     * up again from a fresh look.
     */
    async rolloutStatus(namespace, name, until, say) {
        const end = until.atLeast(1000);
        const path = apiPath(namespace, `deployment/${name}`);
        let said = '';
        const judge = (d) => {
            const v = rolloutVerdict(d);
            if (v.state !== 'failed' && v.message !== said)
                say(v.message);
            said = v.message;
            return v;
        };
        for (;;) {
            const left = end.remaining();
            if (left <= 0)
                return TIMED_OUT;
            let looked;
            try {
                looked = await this.request(path, Math.min(left, 30_000));
            }
            catch (e) {
                return { ok: false, last: unreachableLine(e) };
            }
            if (looked.code !== 200)
                return { ok: false, last: refusal(looked) };
            let d;
            try {
                d = JSON.parse(looked.body);
            }
            catch {
                return { ok: false, last: 'the API server answered 200 with something that is not JSON' };
            }
            const now = judge(d);
            if (now.state !== 'waiting')
                return ended(now);
            const watched = await this.watchDeployment(namespace, name, d.metadata.resourceVersion ?? '', end, judge);
            if (watched)
                return watched;
        }
    }
    /** One watch until a verdict that ends it (returned), or undefined when the stream ended first (look again). */
    async watchDeployment(namespace, name, resourceVersion, end, judge) {
        const left = end.remaining();
        const query = new URLSearchParams({
            fieldSelector: `metadata.name=${name}`,
            resourceVersion,
            watch: 'true',
            timeoutSeconds: String(Math.max(1, Math.ceil(left / 1000))),
        });
        const path = `${apiPath(namespace, `deployment/${name}`).replace(/\/[^/]+$/, '')}?${query.toString()}`;
        return await new Promise((resolve) => {
            let done = false;
            const finish = (r) => {
                if (done)
                    return;
                done = true;
                clearTimeout(timer);
                req.destroy();
                resolve(r);
            };
            const timer = setTimeout(() => finish(TIMED_OUT), left);
            const req = this.open(path, 0, undefined, (res) => {
                if (res.statusCode !== 200) {
                    const chunks = [];
                    res.on('data', (b) => chunks.push(b));
                    res.on('end', () => finish({ ok: false, last: refusal({ code: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), warnings: [] }) }));
                    return;
                }
                let partial = '';
                res.on('data', (b) => {
                    const lines = (partial + b.toString('utf8')).split('\n');
                    partial = lines.pop() ?? '';
                    for (const line of lines) {
                        if (!line.trim() || done)
                            continue;
                        let event;
                        try {
                            event = JSON.parse(line);
                        }
                        catch {
                            return finish(undefined); // not an event: look again
                        }
                        if (event.type === 'DELETED')
                            return finish({ ok: false, last: 'error: object has been deleted' });
                        // an ERROR event (410 Gone: the resourceVersion is too old): look again
                        if (event.type === 'ERROR' || !event.object)
                            return finish(undefined);
                        const v = judge(event.object);
                        if (v.state !== 'waiting')
                            return finish(ended(v));
                    }
                });
                res.on('end', () => finish(undefined));
                res.on('error', () => finish(undefined));
            });
            req.on('error', (e) => finish(end.remaining() <= 0 ? TIMED_OUT : { ok: false, last: unreachableLine(e) }));
        });
    }
    /**
     * The objects among `refs` (in their order), those the server refused (kubectl's
     * `Error from server (Forbidden): …` lines), and `failed` when it did not answer as a server does:
     * the same shape as `Kubectl.getAllowed`.
     */
    async getAllowed(namespace, refs, timeoutMs) {
        let answers;
        try {
            answers = await Promise.all(refs.map(async (r) => await this.request(apiPath(namespace, r), timeoutMs)));
        }
        catch (e) {
            return { objects: [], forbidden: [], failed: unreachableLine(e) };
        }
        const objects = [];
        const forbidden = [];
        for (const a of answers) {
            if (a.code === 200) {
                try {
                    objects.push(JSON.parse(a.body));
                }
                catch {
                    return { objects: [], forbidden: [], failed: 'the API server answered 200 with something that is not JSON' };
                }
                continue;
            }
            if (a.code === 404)
                continue;
            const status = parseStatus(a.body);
            if (a.code === 403)
                forbidden.push(`Error from server (Forbidden): ${status.message ?? 'forbidden'}`);
            else if (a.code === 401)
                return { objects: [], forbidden: [], failed: 'error: You must be logged in to the server (Unauthorized)' };
            else
                return {
                    objects: [],
                    forbidden: [],
                    failed: `Error from server (${status.reason ?? a.code}): ${status.message ?? ''}`.slice(0, 300),
                };
        }
        return { objects, forbidden };
    }
    /**
     * `kind/name` of each `kind` object matching `selector`, in the server's order: what
     * `kubectl get <kinds> --selector <selector> --output name` prints. A refusal or no answer is `failed`.
     */
    async listByLabel(namespace, kind, selector, timeoutMs) {
        let a;
        try {
            a = await this.request(listPath(namespace, kind, selector), timeoutMs);
        }
        catch (e) {
            return { failed: unreachableLine(e) };
        }
        if (a.code !== 200)
            return { failed: refusal(a) };
        try {
            const list = JSON.parse(a.body);
            if (!Array.isArray(list.items))
                throw new Error('no items');
            return { names: list.items.map((o) => `${kind}/${str(o.metadata?.name)}`) };
        }
        catch {
            return { failed: 'the API server answered 200 with something that is not a list' };
        }
    }
}
/** kubectl's words for a request that got no answer */
const unreachableLine = (e) => `Unable to connect to the server: ${e.message}`.slice(0, 300);
/** kubectl's last line for a verdict that ends the watch: the success line, or the error */
const ended = (v) => v.state === 'done' ? { ok: true, last: v.message } : { ok: false, last: `error: ${v.message}` };
/** kubectl's words for a rollout watch that ran out of time (`--timeout`) */
const TIMED_OUT = { ok: false, last: 'error: timed out waiting for the condition' };
/** kubectl's words for an answer that is neither 200 nor 404 */
function refusal(a) {
    const status = parseStatus(a.body);
    if (a.code === 401)
        return 'error: You must be logged in to the server (Unauthorized)';
    return `Error from server (${a.code === 403 ? 'Forbidden' : (status.reason ?? a.code)}): ${status.message ?? ''}`.slice(0, 300);
}
function parseStatus(body) {
    try {
        const s = JSON.parse(body);
        return {
            ...(typeof s.reason === 'string' ? { reason: s.reason } : {}),
            ...(typeof s.message === 'string' ? { message: s.message } : {}),
        };
    }
    catch {
        return { message: body.split('\n')[0]?.slice(0, 200) ?? '' };
    }
}
/**
 * The cluster for the provider: in-process where the kubeconfig is one `resolveKubeApi` speaks and
 * every object or ref maps to a path, else kubectl (one process each, as before), with one line
 * saying why. Reads (ADR 0047), and the deploy's server-side apply and rollout watch (ADR 0052).
 */
class KubeClient {
    kubectl;
    env;
    cwd;
    log;
    resolved;
    constructor(kubectl, env, cwd, log = () => { }) {
        this.kubectl = kubectl;
        this.env = env;
        this.cwd = cwd;
        this.log = log;
    }
    /** the API client for `target`'s context, or why kubectl reads instead (resolved once) */
    api(target) {
        this.resolved ??= resolveKubeApi(this.env, this.cwd, target.context);
        return this.resolved.ok ? { api: new KubeApi(this.resolved.credentials) } : { reason: this.resolved.reason };
    }
    async getAllowed(target, refs, timeoutMs) {
        const chosen = this.api(target);
        if ('api' in chosen && refs.every((r) => apiPath(target.namespace, r))) {
            this.log(`reading ${refs.join(' ')} in namespace ${target.namespace} from ${chosen.api.server} in-process, ${this.authOf()} (no kubectl process)`);
            return await chosen.api.getAllowed(target.namespace, refs, timeoutMs);
        }
        if ('reason' in chosen)
            this.log(`reading through kubectl (kubeconfig: ${chosen.reason}, which this action leaves to kubectl)`);
        return await this.kubectl.getAllowed(target, refs, timeoutMs);
    }
    /** like `Kubectl.get`: a read that fails throws */
    async get(target, refs, timeoutMs) {
        const chosen = this.api(target);
        if (!('api' in chosen) || !refs.every((r) => apiPath(target.namespace, r)))
            return await this.kubectl.get(target, refs, timeoutMs);
        const r = await this.getAllowed(target, refs, timeoutMs);
        const why = r.failed ?? r.forbidden[0];
        if (why)
            throw new errors/* ActionError */.lZ(`the live objects could not be read: ${why}`, { fix: 'check that the kubeconfig user may get these objects' });
        return r.objects;
    }
    /**
     * Like `Kubectl.listByLabel` for one kind (`secret`): `kind/name` lines; a read that fails throws.
     * In-process where the kubeconfig allows, else `kubectl get <plural> --selector … --output name`.
     */
    async listByLabel(target, kind, selector, timeoutMs) {
        const chosen = this.api(target);
        if (!('api' in chosen) || !listPath(target.namespace, kind, selector))
            return await this.kubectl.listByLabel(target, [PATHS[kind]?.plural ?? kind], selector, timeoutMs);
        this.log(`listing ${kind} objects by label in namespace ${target.namespace} from ${chosen.api.server} in-process, ${this.authOf()} (no kubectl process)`);
        const r = await chosen.api.listByLabel(target.namespace, kind, selector, timeoutMs);
        if ('failed' in r)
            throw new errors/* ActionError */.lZ(`the ${kind} objects could not be listed: ${r.failed}`, {
                fix: `check that the kubeconfig user may list ${PATHS[kind].plural} in namespace ${target.namespace}`,
            });
        return r.names;
    }
    /**
     * Like `Kubectl.apply`: every object applied, or an ActionError naming what was applied and what
     * the server refused. In-process (kubectl's output lines, a dry run of the whole first) where every
     * object maps to a path, else `kubectl apply --server-side` of the same List on stdin.
     */
    async apply(target, objects, fieldManager, timeoutMs) {
        const api = this.forObjects(target, objects);
        if (!api)
            return await this.kubectl.apply(target, listDocument(objects), fieldManager, timeoutMs);
        this.log(`applying ${objects.length} object${objects.length === 1 ? '' : 's'} in namespace ${target.namespace} on ${api.server} in-process: server-side apply, field manager ${fieldManager}, conflicts forced, all checked by a dry run first; ${this.authOf()} (no kubectl process)`);
        const r = await api.apply(target.namespace, objects, fieldManager, timeoutMs, this.log);
        if (r.ok)
            return;
        throw new errors/* ActionError */.lZ(`the server-side apply was refused: ${r.failed}`, {
            fix: r.applied.length > 0
                ? `these objects were applied before it (${r.applied.join(', ')}): read the API server's message, fix it, and deploy again`
                : `nothing was applied${r.note ? ` (${r.note})` : ''}: the API server refused it in a dry run before anything was persisted; read its message, fix the object, and deploy again`,
        });
    }
    /** Like `Kubectl.applyDryRun`: the objects a server-side apply would leave, nothing persisted. */
    async applyDryRun(target, objects, fieldManager, timeoutMs) {
        const api = this.forObjects(target, objects);
        if (!api)
            return await this.kubectl.applyDryRun(target, listDocument(objects), fieldManager, timeoutMs);
        this.log(`a dry run of the server-side apply (dryRun=All) on ${api.server} in-process, ${this.authOf()} (no kubectl process)`);
        const r = await api.apply(target.namespace, objects, fieldManager, timeoutMs, () => { }, true);
        if (!r.ok)
            throw new errors/* ActionError */.lZ(`the server-side apply's dry run was refused: ${r.failed}`);
        return r.objects;
    }
    /**
     * Like `Kubectl.rolloutStatus` (its result: code 0 when rolled out, stdout the lines said, stderr the
     * error): in-process where the kubeconfig allows, each line kubectl would print said as it comes.
     */
    async rolloutStatus(target, deployment, until) {
        const chosen = this.api(target);
        if (!('api' in chosen))
            return await this.kubectl.rolloutStatus(target, deployment, until.remaining());
        this.log(`watching the rollout of deployment/${deployment} in namespace ${target.namespace} on ${chosen.api.server} in-process, ${this.authOf()} (no kubectl process)`);
        const lines = [];
        const r = await chosen.api.rolloutStatus(target.namespace, deployment, until, (l) => {
            lines.push(l);
            this.log(l);
        });
        return r.ok ? { code: 0, stdout: lines.join('\n'), stderr: '' } : { code: 1, stdout: lines.join('\n'), stderr: r.last };
    }
    /** the API client when every object maps to a path, else undefined after one line saying why kubectl applies */
    forObjects(target, objects) {
        const chosen = this.api(target);
        const unmapped = objects.map((o) => objectPath(target.namespace, o)).find((p) => 'reason' in p);
        const why = 'reason' in chosen
            ? `kubeconfig: ${chosen.reason}, which this action leaves to kubectl`
            : unmapped && 'reason' in unmapped
                ? unmapped.reason
                : undefined;
        if (why === undefined && 'api' in chosen)
            return chosen.api;
        this.log(`applying through kubectl (${why})`);
        return undefined;
    }
    authOf() {
        const auth = this.resolved?.ok ? this.resolved.credentials.auth : 'none';
        return auth === 'none' ? 'without credentials' : `with the kubeconfig's ${auth}`;
    }
}

// EXTERNAL MODULE: ./src/external/local-cluster.ts
var local_cluster = __webpack_require__(6911);
// EXTERNAL MODULE: ./src/naming.ts
var naming = __webpack_require__(8499);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/runner.ts
var runner = __webpack_require__(4813);
// EXTERNAL MODULE: ./src/providers/kit/notices.ts
var notices = __webpack_require__(4723);
// EXTERNAL MODULE: ./src/providers/kit/output.ts
var output = __webpack_require__(6032);
// EXTERNAL MODULE: ./src/providers/kit/secrets.ts
var kit_secrets = __webpack_require__(8104);
// EXTERNAL MODULE: ./src/providers/kit/health.ts
var kit_health = __webpack_require__(4971);
// EXTERNAL MODULE: ./src/providers/kit/time.ts
var time = __webpack_require__(1068);
// EXTERNAL MODULE: ./src/providers/docker/compose.ts + 1 modules
var compose = __webpack_require__(9032);
// EXTERNAL MODULE: ./src/providers/kit/environment.ts
var environment = __webpack_require__(2108);
// EXTERNAL MODULE: ./src/image/reference.ts
var reference = __webpack_require__(3564);
;// CONCATENATED MODULE: ./src/providers/kubernetes/secrets.ts


/** shown instead of a secret value in plan output */
const PLACEHOLDER = '***';
const b64 = (s) => Buffer.from(s, 'utf8').toString('base64');
/** the env secrets as an Opaque Secret (PLACEHOLDER values stay as they are) */
function envSecret(metadata, values) {
    const data = Object.fromEntries([...values].map(([k, v]) => [k, v === PLACEHOLDER ? PLACEHOLDER : b64(v)]));
    return { apiVersion: 'v1', kind: 'Secret', metadata, type: 'Opaque', data };
}
/** `~/.docker/config.json` shape, as the kubelet reads `.dockerconfigjson`. */
function dockerConfigJson(c) {
    return JSON.stringify({
        auths: { [c.registry]: { username: c.username, password: c.password, auth: b64(`${c.username}:${c.password}`) } },
    });
}
/** the image pull Secret */
function pullSecret(metadata, c) {
    const value = c.password === PLACEHOLDER ? PLACEHOLDER : b64(dockerConfigJson(c));
    return { apiVersion: 'v1', kind: 'Secret', metadata, type: 'kubernetes.io/dockerconfigjson', data: { '.dockerconfigjson': value } };
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
/** The live Secrets hold exactly the data of `wanted` (compared in memory). */
function sameSecretData(wanted, live) {
    // a versioned env Secret's values are in its name: it is the same when the template names it
    return wanted
        .filter((x) => x.kind === 'Secret' && x.metadata.labels?.['deploy.sindri.dev/role'] !== 'env')
        .every((o) => {
        const l = live.find((x) => x.kind === 'Secret' && x.metadata.name === o.metadata.name);
        const want = (o.data ?? {});
        return l !== undefined && JSON.stringify(Object.entries(l.data ?? {}).sort()) === JSON.stringify(Object.entries(want).sort());
    });
}
/**
 * The env Secrets a deploy deletes after a good rollout, as a label selector (pure; the deploy deletes
 * by it, the plan lists by it): this deployment's env Secrets but the current one and the one the
 * previous revision reads (what `rollout undo` needs). Undefined when the env Secret did not change:
 * nothing is deleted then. `selector` picks this deployment's objects (managed-by and instance).
 */
function envPruneSelector(selector, labels, current, previous) {
    if (!current || current === previous)
        return undefined;
    const versions = [current, previous].flatMap((n) => (n ? [/-env-([0-9a-f]{10})$/.exec(n)?.[1] ?? ''] : [])).filter(Boolean);
    return `${selector},${labels.role}=env,${labels.version} notin (${versions.join(',')})`;
}

// EXTERNAL MODULE: ./src/trace.ts + 1 modules
var trace = __webpack_require__(9033);
// EXTERNAL MODULE: ./src/config/place.ts
var place = __webpack_require__(697);
// EXTERNAL MODULE: ./src/providers/kit/settings.ts
var kit_settings = __webpack_require__(272);
;// CONCATENATED MODULE: ./src/providers/kubernetes/settings.ts
/**
 * `providers.kubernetes` (namespace, context, storageClass, ingress, nodeSelector) with upstream's
 * defaults (docs/upstream.md#kubernetes-settings), this action's additions (imagePullSecrets,
 * strategy, volumeAccessMode, manifests: ADR 0039), and the sizes of `deployment.resources` /
 * `deployment.volumes` as Kubernetes quantities. A bad value fails at its place in sindri.yaml.
 */


const SSH_PORT = 2222;
const DEFAULT_INGRESS_PORT = 8080;
const ACCESS_MODES = ['ReadWriteOnce', 'ReadWriteOncePod', 'ReadWriteMany'];
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/** `providers.kubernetes`, validated. */
function kubernetesSettings(config) {
    const s = kit_settings/* Settings */.w.of(config, 'kubernetes');
    const namespace = s.str('namespace') ?? 'default';
    if (namespace.length > 63 || !DNS_LABEL.test(namespace))
        throw s.fail('namespace', `invalid namespace "${namespace}"`, 'use lowercase letters, digits and inner hyphens (at most 63)');
    const settings = {
        namespace,
        imagePullSecrets: s.strings('imagePullSecrets').map((n, i) => {
            if (n.length > 253 || !DNS_SUBDOMAIN.test(n))
                throw s.fail(['imagePullSecrets', i], `invalid Secret name "${n.slice(0, 80)}"`, 'name an existing Secret of the namespace (lowercase letters, digits, hyphens and dots)');
            return n;
        }),
        volumeAccessMode: s.oneOf('volumeAccessMode', ACCESS_MODES, 'ReadWriteOnce'),
    };
    if (s.has('strategy'))
        settings.strategy = s.oneOf('strategy', ['RollingUpdate', 'Recreate'], 'Recreate');
    const manifests = s.str('manifests');
    if (manifests)
        settings.manifests = manifests;
    const context = s.str('context');
    if (context)
        settings.context = context;
    const storageClass = s.str('storageClass');
    if (storageClass)
        settings.storageClass = storageClass;
    const ingress = s.sub('ingress');
    if (ingress.get('enabled') === true)
        settings.ingress = ingressSettings(ingress);
    if (s.has('nodeSelector'))
        settings.nodeSelector = s.stringMap('nodeSelector');
    return settings;
}
function ingressSettings(s) {
    const hostname = (s.str('hostname') ?? '').trim().toLowerCase();
    if (!hostname)
        throw s.fail([], 'ingress is enabled without a hostname', 'set providers.kubernetes.ingress.hostname, e.g. dev.example.com');
    if (!DNS_SUBDOMAIN.test(hostname) || hostname.length > 253)
        throw s.fail('hostname', `invalid ingress hostname "${hostname}"`, 'use a DNS name such as dev.example.com');
    const written = s.get('port');
    const port = written === undefined ? DEFAULT_INGRESS_PORT : Number(written);
    if (!Number.isInteger(port) || port < 1 || port > 65535 || port === SSH_PORT)
        throw s.fail('port', `invalid ingress port "${String(written)}"`, `use the container's HTTP port (1-65535, not ${SSH_PORT})`);
    const ingress = { hostname, port };
    const className = s.str('className');
    if (className)
        ingress.className = className;
    const tlsSecret = s.str('tlsSecret');
    if (tlsSecret)
        ingress.tlsSecret = tlsSecret;
    return ingress;
}
const SIZE_RE = /^(\d+)(MB|GB|TB)$/i;
/** `4GB` → `4Gi`, `512MB` → `512Mi`: upstream's sizes, which the API rejects as written (docs/upstream.md#kubernetes-template); undefined when it is not a size. */
function toQuantity(value) {
    const m = SIZE_RE.exec(String(value).trim());
    if (!m)
        return undefined;
    const unit = m[2].toUpperCase();
    return `${Number(m[1])}${unit === 'MB' ? 'Mi' : unit === 'GB' ? 'Gi' : 'Ti'}`;
}
/** The quantity of a size written at `path` in sindri.yaml; a value that is not a size fails there. */
function quantityAt(config, path, value) {
    const q = toQuantity(value);
    if (q === undefined)
        throw (0,place/* configError */.F)(config, path, `invalid size "${value}"`, 'write it like 4GB or 512MB');
    return q;
}
const UNITS = {
    '': 1,
    k: 1e3,
    M: 1e6,
    G: 1e9,
    T: 1e12,
    P: 1e15,
    Ki: 2 ** 10,
    Mi: 2 ** 20,
    Gi: 2 ** 30,
    Ti: 2 ** 40,
    Pi: 2 ** 50,
};
/** A Kubernetes quantity in bytes (`10Gi`, `500M`, `1073741824`); NaN when it is not one of these forms. */
function quantityBytes(q) {
    const m = /^(\d+(?:\.\d+)?)(k|M|G|T|P|Ki|Mi|Gi|Ti|Pi)?$/.exec(q.trim());
    return m ? Number(m[1]) * UNITS[m[2] ?? ''] : Number.NaN;
}

;// CONCATENATED MODULE: ./src/providers/kubernetes/manifests.ts
/**
 * The Kubernetes objects of the kubernetes provider, built as plain objects from sindri.yaml (never
 * string templates) and serialized with `yaml`/JSON. Pure: secret values come in as a map and are
 * only ever placed in the Secret objects' `data`; plan passes placeholders.
 *
 * Differences from upstream's k8s-deployment.yaml.tera (docs/upstream.md#kubernetes-provider, docs/upstream.md#kubernetes-template), on purpose:
 * - `resources` are Kubernetes quantities (`4GB` → `4Gi`, `512MB` → `512Mi`: binary units, as the
 *   docker provider reads them), GPUs as `nvidia.com/gpu` / `amd.com/gpu` limits;
 * - the Service and the container port are sshd's 2222 (upstream pointed at 22);
 * - env secrets go into a Secret the container references with `envFrom`, registry credentials into
 *   a `kubernetes.io/dockerconfigjson` Secret listed in `imagePullSecrets` (upstream made both and
 *   referenced neither);
 * - namespace, storageClass and ingress are honoured; every object carries our labels, so destroy
 *   deletes by label and never touches anything else.
 */










/** access modes that bind a claim to one node or one pod: a second pod cannot mount it beside the first */
const SINGLE_WRITER = ['ReadWriteOnce', 'ReadWriteOncePod'];
/**
 * `RollingUpdate` (one new pod beside the old, then the old goes) unless the home claim is
 * ReadWriteOnce(Pod): the new pod could not mount it while the old one holds it, so `Recreate`
 * (the old pod goes first), with the reason. `providers.kubernetes.strategy` asks; the claim decides.
 */
function rolloutStrategy(settings, claimName, accessModes) {
    const single = accessModes.find((m) => SINGLE_WRITER.includes(m));
    if (settings.strategy === 'Recreate')
        return { type: 'Recreate', why: 'providers.kubernetes.strategy: Recreate (the old pod stops before the new one starts)' };
    if (single)
        return {
            type: 'Recreate',
            why: `${settings.strategy ? 'providers.kubernetes.strategy RollingUpdate is not possible: ' : ''}the home claim ${claimName} is ${single}, so a new pod cannot mount it while the old one holds it: Recreate (the old pod stops first; a short outage). A ReadWriteMany claim (providers.kubernetes.volumeAccessMode, on a storage class that offers it) allows RollingUpdate`,
        };
    return {
        type: 'RollingUpdate',
        why: `the home claim ${claimName} is ${accessModes.join(', ')}: RollingUpdate (the new pod starts and must be ready before the old one stops)`,
    };
}
const FIELD_MANAGER = 'sindri-deploy-action';
const MANAGED_BY_LABEL = 'app.kubernetes.io/managed-by';
const INSTANCE_LABEL = 'app.kubernetes.io/instance';
const APP_LABEL = 'app.kubernetes.io/name';
const APP = 'sindri';
/** hash of the manifests (digest included, secret values excluded): the skip-if-unchanged check */
const HASH_ANNOTATION = 'deploy.sindri.dev/manifest-hash';
const CONTAINER = 'sindri';
/** on the env Secrets: which of our Secrets holds the env values, and its version (a keyed hash of them) */
const ROLE_LABEL = 'deploy.sindri.dev/role';
const VERSION_LABEL = 'deploy.sindri.dev/version';
/**
 * On every object of a preview: its name-suffix, as a label so `mode: sweep` can select it (the trace
 * and the other preview marks are annotations: a URL or `owner/repo` is no label value).
 */
const SUFFIX_LABEL = 'deploy.sindri.dev/name-suffix';
/** Trace and preview annotations: `deploy.sindri.dev/run-url`, `…/name` (docs/behaviour.md#traceability). */
const traceAnnotation = (field) => `deploy.sindri.dev/${field}`;
/** the key of the Secret holding the salt that keys the env Secrets' version hashes */
const SALT_KEY = 'salt';
function objectNames(name, hasSecrets, hasPull, hasIngress) {
    const names = { deployment: name, service: name, pvc: (0,naming/* resourceName */.Iy)(name, '', naming/* DNS_LABEL */.HR, 'home') };
    if (hasSecrets)
        names.secretKey = (0,naming/* resourceName */.Iy)(name, '', naming/* DNS_LABEL */.HR, 'env-key');
    if (hasPull)
        names.pullSecret = (0,naming/* resourceName */.Iy)(name, '', naming/* DNS_LABEL */.HR, 'registry');
    if (hasIngress)
        names.ingress = name;
    return names;
}
function renderManifests(input) {
    const { config, settings, name } = input;
    const namespace = settings.namespace;
    const notes = [];
    const hasSecrets = input.secrets.size > 0;
    const names = objectNames(name, hasSecrets, input.pull !== undefined, settings.ingress !== undefined);
    const labels = { [APP_LABEL]: APP, [INSTANCE_LABEL]: name, [MANAGED_BY_LABEL]: FIELD_MANAGER };
    const selectorLabels = { [APP_LABEL]: APP, [INSTANCE_LABEL]: name };
    const suffix = input.nameSuffix ?? '';
    const meta = (objName, namespaced = true) => ({
        name: objName,
        ...(namespaced ? { namespace } : {}),
        labels: { ...labels, ...(namespaced && suffix ? { [SUFFIX_LABEL]: suffix } : {}) },
    });
    const objects = [];
    if (namespace !== 'default')
        objects.push({ apiVersion: 'v1', kind: 'Namespace', metadata: meta(namespace, false) });
    if (names.secretKey) {
        // versioned by a keyed hash of the values: a change makes a new Secret and a new pod template, so
        // `rollout undo` restores the template and the Secret it names together (the older one is kept)
        const salt = input.secretSalt ?? '';
        const version = secretVersion(salt, input.secrets);
        names.secret = (0,naming/* resourceName */.Iy)(name, '', naming/* DNS_LABEL */.HR, `env-${version}`);
        objects.push({ ...envSecret(meta(names.secretKey), new Map([[SALT_KEY, salt]])) });
        const secret = envSecret(meta(names.secret), input.secrets);
        secret.metadata.labels = { ...secret.metadata.labels, [ROLE_LABEL]: 'env', [VERSION_LABEL]: version };
        objects.push(secret);
    }
    if (names.pullSecret && input.pull)
        objects.push(pullSecret(meta(names.pullSecret), input.pull));
    const storageClass = input.claim?.storageClass ?? settings.storageClass;
    const accessModes = input.claim?.accessModes ?? [settings.volumeAccessMode];
    const strategy = rolloutStrategy(settings, names.pvc, accessModes);
    objects.push({
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: meta(names.pvc),
        spec: {
            accessModes: [...accessModes],
            ...(storageClass ? { storageClassName: storageClass } : {}),
            resources: { requests: { storage: input.claim?.storage ?? claimSize(config) } },
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
        ...(input.readinessProbe ? { readinessProbe: input.readinessProbe } : {}),
        volumeMounts: [{ name: 'home', mountPath: compose/* HOME_MOUNT */.kV }],
        stdin: true,
        tty: true,
    };
    const podSpec = {
        containers: [container],
        volumes: [{ name: 'home', persistentVolumeClaim: { claimName: names.pvc } }],
        ...(names.pullSecret || settings.imagePullSecrets.length > 0
            ? { imagePullSecrets: [...(names.pullSecret ? [names.pullSecret] : []), ...settings.imagePullSecrets].map((n) => ({ name: n })) }
            : {}),
        ...(settings.nodeSelector ? { nodeSelector: settings.nodeSelector } : {}),
    };
    const deployment = {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: meta(names.deployment),
        spec: {
            replicas: 1,
            // Recreate when the home claim is ReadWriteOnce: the old pod must let go of it before the new one starts
            strategy: strategy.type === 'RollingUpdate'
                ? { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } }
                : { type: 'Recreate' },
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
    // the user's own objects: our labels over theirs (destroy finds them by these), our namespace
    for (const o of input.extra ?? [])
        objects.push({ ...o, metadata: { ...o.metadata, namespace, labels: { ...(o.metadata.labels ?? {}), ...labels } } });
    const seen = new Set();
    for (const o of objects) {
        const key = `${o.kind}/${o.metadata.name}`;
        if (seen.has(key))
            throw new errors/* ActionError */.lZ(`${key} is defined twice: the extra manifests name an object the action creates, or one of them twice`, {
                where: { file: config.file, field: 'providers.kubernetes.manifests' },
                fix: `rename it in the extra manifests (the action's own objects are named ${name} and ${name}-…)`,
            });
        seen.add(key);
    }
    const unsupported = config.secrets.filter((x) => !kit_secrets.DELIVERED_SOURCES.includes(x.source)).map((x) => x.name);
    if (unsupported.length > 0)
        notes.push(`secrets ${unsupported.join(', ')}: only source: env and file secrets are handed to the pod (envFrom)`);
    // the hash covers every object with secret values left out, and the image digest with it
    const hashable = objects.map((o) => o.kind === 'Secret' ? { ...o, data: Object.fromEntries(Object.keys((o.data ?? {})).map((k) => [k, ''])) } : o);
    const hash = (0,compose/* changeHash */.F6)(JSON.stringify(hashable));
    deployment.metadata.annotations = { [HASH_ANNOTATION]: hash };
    // the shared Namespace is not one deployment's: it carries no trace
    const traced = (0,trace/* traceMetadata */.hF)(input.trace, (0,trace/* previewMarks */.R9)(config.name, suffix), traceAnnotation);
    for (const o of objects)
        if (o.kind !== 'Namespace' && Object.keys(traced).length)
            o.metadata.annotations = { ...traced, ...o.metadata.annotations };
    if (input.progressDeadlineSeconds !== undefined)
        deployment.spec.progressDeadlineSeconds = input.progressDeadlineSeconds;
    const selector = `${MANAGED_BY_LABEL}=${FIELD_MANAGER},${INSTANCE_LABEL}=${name}`;
    return { objects, namespace, names, labels, selector, hash, url, strategy, notes };
}
/** the home claim's size as sindri.yaml asks for it (default 10GB), as a quantity */
function claimSize(config) {
    return quantityAt(config, ['deployment', 'volumes', 'workspace', 'size'], config.deployment.volumes.workspace?.size ?? '10GB');
}
/** 10 hex characters of HMAC-SHA256(salt, the values by name) */
function secretVersion(salt, values) {
    const canonical = JSON.stringify([...values].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    return (0,external_node_crypto_.createHmac)('sha256', salt).update(canonical).digest('hex').slice(0, 10);
}
/** Multi-document YAML for plan output and the job summary (secret values already placeholders). */
function manifestsYaml(objects, source) {
    const docs = objects.map((o) => (0,dist/* stringify */.As)(o, { lineWidth: 0 }).trimEnd());
    return `# generated by sindri/deploy-action from ${source}\n---\n${docs.join('\n---\n')}\n`;
}

// EXTERNAL MODULE: ./src/inputs.ts
var inputs = __webpack_require__(8422);
;// CONCATENATED MODULE: ./src/providers/kubernetes/extra.ts
/**
 * Extra Kubernetes manifests of the user's own (`providers.kubernetes.manifests`: a folder of the
 * repository, relative to sindri.yaml's folder; ADR 0039): read and checked here, before anything is
 * applied, then applied in the same server-side apply as ours, with our labels and our namespace, and
 * deleted with ours by those labels. Only namespaced kinds that configure what the action deploys are
 * allowed; no workload (the action deploys and waits for one), no Secret (values would sit in the
 * repository and the plan), nothing cluster-scoped (destroy deletes by label inside the namespace).
 * The files are read as data (the `yaml` library); nothing runs through a shell.
 */





/** what may be applied: `apiVersion kind` → the resource kubectl deletes it by (fully qualified as OWNED_KINDS) */
const EXTRA_KINDS = {
    'v1 ConfigMap': 'configmaps',
    'v1 Service': 'services',
    'v1 ServiceAccount': 'serviceaccounts',
    'v1 PersistentVolumeClaim': 'persistentvolumeclaims',
    'networking.k8s.io/v1 Ingress': 'ingresses.v1.networking.k8s.io',
    'networking.k8s.io/v1 NetworkPolicy': 'networkpolicies.v1.networking.k8s.io',
    'rbac.authorization.k8s.io/v1 Role': 'roles.v1.rbac.authorization.k8s.io',
    'rbac.authorization.k8s.io/v1 RoleBinding': 'rolebindings.v1.rbac.authorization.k8s.io',
    'policy/v1 PodDisruptionBudget': 'poddisruptionbudgets.v1.policy',
};
const MAX_FILES = 50;
const MAX_BYTES = 256 * 1024;
const extra_DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const METADATA_KEYS = new Set(['name', 'namespace', 'labels', 'annotations']);
const isMapping = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
/** The folder, inside the working directory (symbolic links resolved), or one error at the setting. */
function folderOf(config, settings, workdir) {
    if (!settings.manifests)
        return undefined;
    const path = ['providers', 'kubernetes', 'manifests'];
    const abs = (0,external_node_path_.resolve)(config.dir, settings.manifests);
    let real;
    try {
        real = (0,external_node_fs_.realpathSync)(abs);
    }
    catch {
        throw (0,place/* configError */.F)(config, path, `folder ${settings.manifests} does not exist`, 'give a folder of the repository, relative to sindri.yaml, holding .yaml files');
    }
    const root = (0,external_node_fs_.realpathSync)(workdir);
    if (real !== root && !real.startsWith(root + external_node_path_.sep))
        throw (0,place/* configError */.F)(config, path, `${settings.manifests} is outside the repository`, 'give a folder inside the repository, relative to sindri.yaml');
    if (!(0,external_node_fs_.statSync)(real).isDirectory())
        throw (0,place/* configError */.F)(config, path, `${settings.manifests} is not a folder`, 'give a folder holding .yaml files');
    return { abs: real, shown: (0,external_node_path_.relative)(root, real) || '.' };
}
/** The user's manifests, checked; undefined when the setting is absent. */
function readExtraManifests(config, settings, workdir) {
    const folder = folderOf(config, settings, workdir);
    if (!folder)
        return undefined;
    const names = (0,external_node_fs_.readdirSync)(folder.abs)
        .filter((f) => /\.(ya?ml|json)$/.test(f) && (0,external_node_fs_.statSync)((0,external_node_path_.join)(folder.abs, f)).isFile())
        .sort();
    if (names.length === 0)
        throw (0,place/* configError */.F)(config, ['providers', 'kubernetes', 'manifests'], `folder ${folder.shown} holds no .yaml, .yml or .json file`, 'put the manifests there, or remove the setting');
    if (names.length > MAX_FILES)
        throw (0,place/* configError */.F)(config, ['providers', 'kubernetes', 'manifests'], `folder ${folder.shown} holds ${names.length} files`, `keep at most ${MAX_FILES}`);
    const out = { folder: folder.shown, objects: [], sources: [], resources: [] };
    for (const f of names)
        readFile((0,external_node_path_.join)(folder.shown, f), (0,external_node_path_.join)(folder.abs, f), settings.namespace, out);
    out.resources = [...new Set(out.resources)];
    return out;
}
function readFile(shown, abs, namespace, out) {
    const text = (0,external_node_fs_.readFileSync)(abs, 'utf8');
    if (Buffer.byteLength(text) > MAX_BYTES)
        throw new errors/* ActionError */.lZ(`${shown} is larger than ${MAX_BYTES / 1024} KiB`, {
            where: { file: shown },
            fix: 'split it, or keep only what configures the deployment',
        });
    const lines = new dist/* LineCounter */.HN();
    const docs = (0,dist/* parseAllDocuments */.hR)(text, { lineCounter: lines, uniqueKeys: true });
    if (!Array.isArray(docs))
        return; // an empty file
    for (const doc of docs) {
        const line = lines.linePos(doc.contents?.range[0] ?? doc.range[0]).line;
        const bad = doc.errors[0];
        if (bad)
            throw new errors/* ActionError */.lZ(`not valid YAML: ${bad.message.split('\n')[0]}`, {
                where: { file: shown, line: bad.linePos?.[0].line ?? line },
                fix: 'fix the YAML',
            });
        const value = doc.toJS({ maxAliasCount: 0 });
        if (value === null || value === undefined)
            continue;
        const where = { file: shown, line };
        const fail = (what, fix) => new errors/* ActionError */.lZ(what, { where, fix });
        if (!isMapping(value))
            throw fail('a manifest must be a mapping', 'write one Kubernetes object per YAML document');
        const { apiVersion, kind, metadata } = value;
        if (typeof apiVersion !== 'string' || typeof kind !== 'string' || !isMapping(metadata))
            throw fail('a manifest needs apiVersion, kind and metadata', 'write one Kubernetes object per YAML document');
        const resource = EXTRA_KINDS[`${apiVersion} ${kind}`];
        if (!resource)
            throw fail(`${apiVersion} ${kind} is not allowed among extra manifests`, `use one of ${Object.keys(EXTRA_KINDS).join(', ')}; the action deploys the workload itself, secrets come from secrets: in sindri.yaml, and cluster-wide objects belong to the cluster's own set-up`);
        const name = metadata.name;
        if (typeof name !== 'string' || name.length > 253 || !extra_DNS_SUBDOMAIN.test(name))
            throw fail(`${kind} has no valid metadata.name`, 'give a lowercase name of letters, digits, hyphens and dots');
        const unknown = Object.keys(metadata).filter((k) => !METADATA_KEYS.has(k));
        if (unknown.length > 0)
            throw fail(`${kind}/${name}: metadata.${unknown[0]} is not allowed`, 'write only name, namespace, labels and annotations under metadata');
        if (metadata.namespace !== undefined && metadata.namespace !== namespace)
            throw fail(`${kind}/${name} names namespace ${String(metadata.namespace)}, but the deployment goes to namespace ${namespace}`, 'leave metadata.namespace out (the action sets it), or set providers.kubernetes.namespace');
        for (const key of ['labels', 'annotations']) {
            const m = metadata[key];
            if (m !== undefined && (!isMapping(m) || Object.values(m).some((v) => typeof v !== 'string')))
                throw fail(`${kind}/${name}: metadata.${key} must map names to strings`, 'quote every value');
        }
        // status is the cluster's to write: left out
        const object = { ...value, apiVersion, kind, metadata: { ...metadata } };
        delete object.status;
        out.objects.push(object);
        out.sources.push(`${kind}/${name} (${shown}:${line})`);
        out.resources.push(resource);
    }
}

// EXTERNAL MODULE: ./src/health/check.ts
var check = __webpack_require__(3774);
;// CONCATENATED MODULE: ./src/providers/kubernetes/steps.ts
/**
 * The kubernetes provider's pure steps: the objects and the kubectl commands for a context and what
 * is known about the cluster, used by plan and deploy alike (deploy gathers its facts first, then
 * renders once). Deploy is one server-side apply on stdin, then `kubectl rollout status`; a rollout
 * that fails is described and, with `rollback`, undone (docs/behaviour.md#providers; ADR 0007).
 */










const MANIFEST_FILE = 'sindri-kubernetes.yaml';
/** what destroy deletes (by label), in an order where nothing waits on something deleted later */
// fully qualified (resource.version.group): kubectl reads a name with two dots so, and `ingresses.networking.k8s.io`
// as version `networking` of group `k8s.io`, which made it throw away its discovery cache on every call
const OWNED_KINDS = ['ingresses.v1.networking.k8s.io', 'services', 'deployments.apps', 'persistentvolumeclaims', 'secrets'];
/** what a probe of the cluster (version, get) may take */
const PROBE_MS = 30_000;
/** The fix for a Dockerfile-only config: Kubernetes never builds (docs/behaviour.md#providers). */
const BUILD_IN_CI_FIX = 'build and push the image in CI, then pass it by digest, e.g. `- uses: docker/build-push-action@v6` (id: build, push: true, tags: ghcr.io/OWNER/APP) followed by `- uses: sindri/deploy-action@v1` with `image: ghcr.io/OWNER/APP` and `image-digest: ${{ steps.build.outputs.digest }}`';
/** Kubernetes never builds: a build decision fails before anything else (ADR 0017). */
function refuseBuild(ctx) {
    if (!ctx.image.build)
        return;
    throw new errors/* ActionError */.lZ(`provider kubernetes never builds images, and the image decision is to build ${ctx.image.dockerfile ?? 'a Dockerfile'}`, {
        where: { file: ctx.config.file, field: 'deployment.image' },
        fix: BUILD_IN_CI_FIX,
    });
}
/** Where the objects go and what they are called: known before anything is rendered (the probe reads them). */
function kubernetesTarget(ctx, settings, facts) {
    const name = (0,naming/* resourceName */.Iy)(ctx.config.name, ctx.inputs['name-suffix']);
    const names = objectNames(name, facts.secrets.size > 0, facts.pull !== undefined, settings.ingress !== undefined);
    return { name, names, target: { namespace: settings.namespace, ...(settings.context ? { context: settings.context } : {}) } };
}
/** the objects read before a deploy: the Deployment, our Secrets and the pull Secrets named in the settings */
function liveRefs(names, namespace, pullSecrets = []) {
    return [
        `deployment/${names.deployment}`,
        ...[names.secretKey, names.pullSecret, ...pullSecrets].filter(Boolean).map((n) => `secret/${n}`),
        `persistentvolumeclaim/${names.pvc}`,
        ...(namespace && namespace !== 'default' ? [`namespace/${namespace}`] : []),
    ];
}
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
    refuseBuild(ctx);
    const { config, inputs, image } = ctx;
    const settings = kubernetesSettings(config);
    const { name, target } = kubernetesTarget(ctx, settings, facts);
    const progressDeadlineSeconds = progressDeadline(inputs.timeout);
    const probe = readinessProbe(inputs, settings);
    const manifests = renderManifests({
        readinessProbe: probe.probe,
        config,
        settings,
        name,
        image: image.deployRef,
        secrets: facts.secrets,
        pull: facts.pull,
        secretSalt: facts.secretSalt,
        claim: facts.claim,
        progressDeadlineSeconds,
        extra: facts.extra?.objects,
        nameSuffix: inputs['name-suffix'],
        trace: ctx.trace,
    });
    const contextShown = settings.context ?? (facts.context || 'the current context');
    // a path health-url needs the url output (an ingress): fail before anything changes, not after the rollout
    (0,check/* healthUrl */.gZ)((0,kit_health/* healthSpec */.mc)(inputs), manifests.url);
    const notes = [...manifests.notes, ...probe.notes, `strategy ${manifests.strategy.type}: ${manifests.strategy.why}`];
    if (settings.imagePullSecrets.length > 0)
        notes.push(`imagePullSecrets ${settings.imagePullSecrets.join(', ')} (providers.kubernetes.imagePullSecrets): existing Secrets, none is generated`);
    if (facts.extra)
        notes.push(`extra manifests from ${facts.extra.folder}, applied with ours in namespace ${manifests.namespace}, labelled ${manifests.selector} (destroy deletes them with ours): ${facts.extra.sources.join(', ')}`);
    const commands = [];
    const command = (argv, why, mutates = false) => commands.push({ argv: ['kubectl', ...argv], why, mutates });
    command(kubectlArgv.get(target, liveRefs(manifests.names, manifests.namespace, settings.imagePullSecrets)), `what runs now on ${contextShown}, in one read that also proves its API server answers: skip when it already runs this digest with these manifests; the live claim; the namespace (created only when missing; a Forbidden one is taken to exist). Read in-process from the API server with the kubeconfig's own credentials where the action speaks them (ADR 0047); this kubectl get only otherwise (an exec plugin, an auth-provider, a proxy)`);
    let objects = manifests.objects;
    if (manifests.namespace !== 'default' && facts.namespaceExists)
        objects = objects.filter((o) => o.kind !== 'Namespace');
    let loader;
    const local = (0,local_cluster/* localCluster */.UW)(facts.context || settings.context || '');
    if (local && facts.loadLocal) {
        loader = new local_cluster/* LocalClusterLoader */.lE(local);
        commands.push({
            argv: loader.argv(image.deployRef),
            why: `the image is only on the runner's Docker engine: load it into ${local.tool} cluster ${local.cluster}`,
            mutates: true,
        });
    }
    else if (local && !image.digest) {
        notes.push(`context ${facts.context || settings.context}: an image that exists only on the runner's Docker engine is loaded with ${local.tool} before apply`);
    }
    command(kubectlArgv.apply(target, FIELD_MANAGER), 'server-side apply of every object: in-process where the kubeconfig allows and every kind is mapped, a PATCH per object (application/apply-patch+yaml, this field manager, forced), all checked by a dry run first (ADR 0052); this kubectl, reading the List from stdin, only otherwise (Secret data never in argv or a file)', true);
    const waitMs = inputs.timeout - (0,time/* rollbackReserve */.N)(inputs.timeout);
    command(kubectlArgv.rolloutStatus(target, manifests.names.deployment, waitMs), 'wait for the rollout (at most this; the rest of timeout is kept for describe, events and a rollback): in-process where the kubeconfig allows, a watch of the Deployment judged as kubectl judges it (ADR 0052); this kubectl only otherwise');
    // rollback: false never runs it, so the plan does not list it
    if (inputs.rollback)
        commands.push({
            argv: ['kubectl', ...kubectlArgv.rolloutUndo(target, manifests.names.deployment)],
            why: 'put back the previous revision (rollback: true), after describe and events',
            mutates: true,
            onFailure: true,
        });
    const shown = renderManifests({
        config,
        settings,
        name,
        image: image.deployRef,
        secrets: new Map([...facts.secrets.keys()].map((k) => [k, PLACEHOLDER])),
        pull: facts.pull ? { ...facts.pull, password: PLACEHOLDER } : undefined,
        progressDeadlineSeconds,
        readinessProbe: probe.probe,
        claim: facts.claim,
        extra: facts.extra?.objects,
        nameSuffix: inputs['name-suffix'],
        trace: ctx.trace,
    });
    const applied = (o) => objects.some((x) => x.kind === o.kind && x.metadata.name === o.metadata.name);
    // the env Secret's name is versioned by its values: show the name deploy applies, not the placeholders'
    const real = manifests.names.secret;
    const placeholder = shown.names.secret;
    const shownObjects = real && placeholder
        ? JSON.parse(JSON.stringify(shown.objects).split(`"${placeholder}"`).join(`"${real}"`))
        : shown.objects;
    const files = [{ path: MANIFEST_FILE, content: manifestsYaml(shownObjects.filter(applied), config.file) }];
    notes.push(`${MANIFEST_FILE} is what would be applied (on stdin, never written to disk); secret values are shown as ${PLACEHOLDER}`);
    return { manifests, target, applied: objects, loader, files, commands, notes };
}
/**
 * The container's readinessProbe from the health inputs, so the rollout itself waits for the check:
 * health-command → `exec ["/bin/sh", "-c", command]` (the same command `kubectl exec` runs after the
 * rollout); otherwise health-url's path → `httpGet` on the container's `http` port, which exists only
 * with an ingress (the port it routes to). A probe has one handler: with both inputs the command is
 * the probe and the url is checked from the runner after the rollout.
 */
function readinessProbe(inputs, settings) {
    const timing = { periodSeconds: 5, timeoutSeconds: 5, failureThreshold: 3, successThreshold: 1 };
    const command = inputs['health-command'];
    if (command)
        return { probe: { exec: { command: ['/bin/sh', '-c', command] }, ...timing }, notes: [] };
    const url = inputs['health-url'];
    if (!url)
        return { notes: [] };
    if (!settings.ingress)
        return {
            notes: [
                `health-url is checked from the runner after the rollout; no readinessProbe: the container has no http port without an ingress`,
            ],
        };
    const u = new URL(url, 'http://in-the-pod');
    return { probe: { httpGet: { path: `${u.pathname}${u.search}`, port: 'http', scheme: 'HTTP' }, ...timing }, notes: [] };
}
/**
 * The Deployment's progressDeadlineSeconds: as long as the action watches the rollout (the input
 * timeout less the rollback's reserve, ADR 0019), so the controller gives up no earlier than the
 * action does — its own default, 600 s, failed a slow first pull at 10 minutes under any timeout.
 */
function progressDeadline(timeoutMs) {
    return Math.max(1, Math.ceil((timeoutMs - (0,time/* rollbackReserve */.N)(timeoutMs)) / 1000));
}
/**
 * The home claim against the live one: a PersistentVolumeClaim's spec is immutable except its storage
 * request, which may only grow, and only on a StorageClass with `allowVolumeExpansion: true`
 * (`expandable`: undefined when not yet read, 'forbidden' when the kubeconfig user may not read it).
 * What cannot change keeps the live value, with a warning saying so and what to do.
 */
function claimDecision(live, wanted, expandable) {
    if (!live)
        return {};
    const spec = (live.spec ?? {});
    const name = live.metadata.name;
    const has = spec.resources?.requests?.storage ?? '';
    const cls = spec.storageClassName;
    const lines = [];
    const keep = {};
    let warn = false;
    const modes = spec.accessModes ?? [];
    if (wanted.accessModes && modes.length > 0 && modes.join(',') !== wanted.accessModes.join(',')) {
        keep.accessModes = modes;
        warn = true;
        lines.push(`claim ${name} keeps access mode ${modes.join(', ')}: a claim's access modes cannot change (volumeAccessMode ${wanted.accessModes.join(', ')} applies to a new claim: mode: destroy, then deploy — the home volume's data goes with it)`);
    }
    if (wanted.storageClass !== undefined && cls !== undefined && wanted.storageClass !== cls) {
        keep.storageClass = cls;
        warn = true;
        lines.push(`claim ${name} keeps storage class ${cls}: a claim's class cannot change (storageClass ${wanted.storageClass} applies to a new claim: mode: destroy, then deploy — the home volume's data goes with it)`);
    }
    const want = quantityBytes(wanted.storage);
    const now = quantityBytes(has);
    if (!has || Number.isNaN(want) || Number.isNaN(now) || want === now) {
        // nothing to decide
    }
    else if (want < now) {
        keep.storage = has;
        warn = true;
        lines.push(`claim ${name} keeps ${has}: volumes.workspace.size asks for ${wanted.storage}, and a claim never shrinks (to start smaller: mode: destroy, then deploy — the home volume's data goes with it)`);
    }
    else if (expandable === undefined && cls) {
        return { needsClass: cls };
    }
    else if (expandable === true) {
        lines.push(`claim ${name} grows from ${has} to ${wanted.storage} (storage class ${cls} allows volume expansion)`);
    }
    else {
        keep.storage = has;
        warn = true;
        const why = expandable === 'forbidden'
            ? `the kubeconfig user may not read storage class ${cls}, so it cannot be known to allow expansion`
            : cls
                ? `storage class ${cls} does not allow volume expansion`
                : 'the claim has no storage class that could allow expansion';
        lines.push(`claim ${name} keeps ${has}: volumes.workspace.size asks for ${wanted.storage}, but ${why} (set allowVolumeExpansion: true on the StorageClass, or mode: destroy, then deploy — the home volume's data goes with it)`);
    }
    return { ...(Object.keys(keep).length ? { keep } : {}), ...(lines.length ? { line: lines.join('; '), warn } : {}) };
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
/** Nothing to do: same digest, same manifests (hash annotation), same secret data, rolled out. */
function unchanged(steps, live, image) {
    const dep = live.find((o) => o.kind === 'Deployment' && o.metadata.name === steps.manifests.names.deployment);
    if (!dep || !sameManifests(steps, dep, image) || !rolledOut(dep))
        return false;
    return sameSecretData(steps.manifests.objects, live);
}
/** The live Deployment runs this digest with these manifests (maybe not rolled out, maybe with other secret values). */
function sameManifests(steps, dep, image) {
    return dep !== undefined && dep.metadata.annotations?.[HASH_ANNOTATION] === steps.manifests.hash && liveImage(dep) === image;
}

// EXTERNAL MODULE: ./src/external/docker.ts
var docker = __webpack_require__(1855);
;// CONCATENATED MODULE: ./src/providers/kubernetes/provider.ts
/**
 * provider: kubernetes — the pinned image as a Deployment (with its Service, home PVC, Secrets and
 * optional Ingress) in the cluster of the runner's kubeconfig (docs/behaviour.md#providers, ADR 0007).
 *
 * Deploy: probe the cluster (context, reachability, what runs now), render the steps once, skip when
 * nothing changed, release (one server-side apply on stdin), wait for the rollout within the run's
 * deadline less the share kept for what follows a failure (ADR 0019), and on failure print `describe`
 * and the recent events and, with `rollback`, undo and wait again. Destroy deletes by our labels only.
 */























/**
 * The cluster: reads (ADR 0047), the apply and the rollout watch (ADR 0052) in-process from the API
 * server where the kubeconfig allows, else kubectl.
 */
const reader = (ctx, kubectl) => new KubeClient(kubectl, process.env, ctx.workdir, runner/* info */.pq);
/** kept at the end of a rollback for reading what runs again */
const CHECK_RESERVE_MS = 3_000;
class KubernetesProvider {
    name = 'kubernetes';
    /** the Deployment, Service and Ingress */
    deployedName(ctx) {
        return (0,naming/* resourceName */.Iy)(ctx.config.name, ctx.inputs['name-suffix']);
    }
    async plan(ctx) {
        const secrets = (0,kit_secrets.resolveSecrets)(ctx.config);
        const placeholders = new Map([...secrets.values.keys()].map((k) => [k, PLACEHOLDER]));
        const extra = readExtraManifests(ctx.config, kubernetesSettings(ctx.config), ctx.workdir);
        const steps = kubernetesSteps(ctx, { secrets: placeholders, context: '', loadLocal: false, extra });
        const notes = [...steps.notes, ...secrets.notices.map((n) => n.message)];
        if (secrets.missingRequired.length > 0)
            notes.push(`required secrets not set: ${secrets.missingRequired.join(', ')} (deploy fails before applying anything)`);
        if (!ctx.image.digest)
            notes.push(`the image is not pinned (${ctx.image.deployRef}): pin-digest false deploys it as written`);
        const objects = steps.manifests.objects.map((o) => `${o.kind} ${o.metadata.name}`);
        const base = { files: steps.files, commands: steps.commands, notes, ...(steps.manifests.url ? { url: steps.manifests.url } : {}) };
        const diff = await this.liveDiff(ctx, secrets.values);
        if ('reason' in diff)
            return { ...base, ...(0,changes/* notRead */.Qk)(objects, diff.reason) };
        return { ...base, notes: [...notes, ...diff.notes], changes: diff.changes, live: { known: true, reason: diff.read } };
    }
    /**
     * The live diff of a plan: the same probe a deploy makes (read-only), then a server-side dry-run
     * apply of the same document (`dryRun=All`: answered, never persisted), each object it answers with
     * against the live one. Any failure is the reason the plan could not compare; the plan goes on.
     */
    async liveDiff(ctx, values) {
        try {
            const kubectl = new Kubectl(ctx.exec, ctx.workdir);
            const { facts, live: before } = await this.probe(ctx, kubectl, values);
            const steps = kubernetesSteps(ctx, facts);
            const read = `context ${facts.context || '(current)'}, namespace ${steps.target.namespace}`;
            // a namespace that does not exist yet: every object is new (and a dry-run cannot create into it)
            if (!facts.namespaceExists)
                return {
                    changes: steps.manifests.objects.map((o) => ({ action: 'create', resource: `${o.kind} ${o.metadata.name}` })),
                    read,
                    notes: [],
                };
            const budget = () => ctx.deadline.budget('the live objects were compared', PROBE_MS);
            // what the deploy would prune, by its own rule, listed beside the dry run (one read, only when it would prune;
            // in-process where the kubeconfig allows, ADR 0047)
            const prune = this.pruned(ctx, steps, before);
            const kube = reader(ctx, kubectl);
            const [applied, pruned] = await Promise.all([
                kube.applyDryRun(steps.target, steps.applied, FIELD_MANAGER, budget()),
                prune ? kube.listByLabel(steps.target, 'secret', prune.selector, budget()) : [],
            ]);
            const refs = applied.map((o) => `${o.kind.toLowerCase()}/${o.metadata.name}`);
            const live = refs.length ? await kube.get(steps.target, refs, budget()) : [];
            const deletes = pruned.map((ref) => ({
                action: 'delete',
                resource: `Secret ${ref.replace(/^secret\//, '')}`,
                note: 'an older env Secret: deleted after a good rollout',
            }));
            const notes = prune?.kept
                ? [
                    `Secret ${prune.kept} is kept: the previous revision reads it (kubectl rollout undo needs it); the next deploy with new values deletes it`,
                ]
                : [];
            return { changes: [...compareObjects(live, applied), ...deletes], read, notes };
        }
        catch (e) {
            if ((0,deadline/* isDeadlineExceeded */.A)(e))
                throw e;
            return { reason: (e instanceof Error ? e.message : String(e)).split('\n')[0] };
        }
    }
    /**
     * What runs now and what the steps need (the probe): reads only. Ahead of the tools and the
     * verification only when every read is in-process and no local cluster's loader may be needed.
     */
    async readLive(ctx) {
        refuseBuild(ctx);
        const secrets = (0,kit_secrets.requireSecrets)(ctx.config);
        (0,notices/* warnNotices */.o)(ctx.config, secrets.notices);
        return await this.probe(ctx, new Kubectl(ctx.exec, ctx.workdir), secrets.values);
    }
    canReadLiveAhead(ctx) {
        const settings = kubernetesSettings(ctx.config);
        const context = settings.context ?? currentContextOf(process.env, ctx.workdir);
        if ((0,local_cluster/* localCluster */.UW)(context) !== undefined)
            return false;
        return 'api' in reader(ctx, new Kubectl(ctx.exec, ctx.workdir)).api(settings.context ? { context: settings.context } : {});
    }
    async apply(ctx, prepared) {
        const { facts, live } = prepared ?? (await this.readLive(ctx));
        const kubectl = new Kubectl(ctx.exec, ctx.workdir);
        const steps = kubernetesSteps(ctx, facts);
        const before = live.find((o) => o.kind === 'Deployment');
        const previousImage = liveImage(before) ?? '';
        const rolloutDeadline = ctx.deadline.before((0,time/* rollbackReserve */.N)(ctx.inputs.timeout));
        if (!ctx.inputs.force && unchanged(steps, live, ctx.image.deployRef)) {
            const dep = steps.manifests.names.deployment;
            (0,runner/* info */.pq)(`deployment ${dep} already runs ${ctx.image.deployRef} with these manifests: nothing to do (force: true redeploys)`);
            // a skipped deploy still runs the check: it is cheap and tells the truth
            const health = await (0,kit_health/* checkDeployment */.Qr)(ctx.inputs, this.healthTarget(kubectl, steps), rolloutDeadline);
            if (health && !health.healthy)
                throw new errors/* ActionError */.lZ(`deployment ${dep} runs ${ctx.image.deployRef} unchanged, but fails its health check: ${health.last}`, {
                    where: { file: ctx.config.file },
                    fix: `${health.what} must pass: read the attempts above; nothing was changed, so there is nothing to roll back`,
                    extra: { rolledBack: 'false', previousImage, healthy: 'false' },
                });
            return { ...deployResult(ctx, steps, facts.context, true), health, previousImage };
        }
        await this.release(ctx, kubectl, steps, before, live);
        const health = await this.rollout(ctx, kubectl, steps, before, rolloutDeadline);
        await this.pruneSecrets(ctx, kubectl, steps, before);
        return { ...deployResult(ctx, steps, facts.context, false), health, previousImage };
    }
    /**
     * After a good rollout with new env values: the env Secrets but the current one and the one the
     * previous revision names (what `rollout undo` would need) are deleted, by our labels.
     */
    async pruneSecrets(ctx, kubectl, steps, before) {
        const selector = envPruneSelector(steps.manifests.selector, PRUNE_LABELS, steps.manifests.names.secret, envSecretOf(before));
        if (!selector)
            return;
        await kubectl.deleteByLabel(steps.target, ['secrets'], selector, ctx.deadline.budget('the older env Secrets were deleted', PROBE_MS));
    }
    /** What `pruneSecrets` would delete after this deploy (none when the deploy would skip), and the env Secret it keeps for undo. */
    pruned(ctx, steps, live) {
        if (!ctx.inputs.force && unchanged(steps, live, ctx.image.deployRef))
            return undefined;
        const previous = envSecretOf(live.find((o) => o.kind === 'Deployment'));
        const selector = envPruneSelector(steps.manifests.selector, PRUNE_LABELS, steps.manifests.names.secret, previous);
        return selector ? { selector, ...(previous ? { kept: previous } : {}) } : undefined;
    }
    /** what the health check runs against: the url output, and `kubectl exec` into the deployment */
    healthTarget(kubectl, steps) {
        const dep = steps.manifests.names.deployment;
        return {
            url: steps.manifests.url,
            name: `deployment/${dep}`,
            runInside: async (command, timeoutMs) => await kubectl.execIn(steps.target, dep, CONTAINER, command, timeoutMs),
        };
    }
    /** context, reachability: every deploy and destroy starts here */
    async connect(ctx, kubectl, context) {
        const current = context ?? currentContextOf(process.env, ctx.workdir);
        const probe = await kubectl.serverVersion(context ? { context } : {}, ctx.deadline.budget('the Kubernetes API server answered', PROBE_MS));
        if (!probe.ok)
            throw unreachable(current, probe.reason);
        (0,runner/* info */.pq)(`context ${current || '(current)'}: API server ${probe.version}`);
        return current;
    }
    /** what the steps need to know, and what runs now: nothing is rendered before all of it is known */
    async probe(ctx, kubectl, secrets) {
        const settings = kubernetesSettings(ctx.config);
        // the context from the kubeconfig as kubectl resolves it: no process (issue 25)
        const context = settings.context ?? currentContextOf(process.env, ctx.workdir);
        const extra = readExtraManifests(ctx.config, settings, ctx.workdir);
        // existing pull Secrets named in the settings: none is generated from the registry credentials
        const pull = settings.imagePullSecrets.length > 0 ? undefined : await pullCredential(ctx);
        const loadLocal = (0,local_cluster/* localCluster */.UW)(context) !== undefined && !ctx.image.digest && (await presentLocally(ctx.exec, ctx.image.deployRef));
        const { target, names } = kubernetesTarget(ctx, settings, { secrets, pull });
        // one read for everything the steps need: the Deployment, our Secrets, the claim, the namespace
        // — and the proof that the API server answers: no separate `kubectl version` (issue 25)
        const read = await reader(ctx, kubectl).getAllowed(target, liveRefs(names, settings.namespace, settings.imagePullSecrets), ctx.deadline.budget('the live objects were read', PROBE_MS));
        if (read.failed)
            throw unreachable(context, read.failed);
        const missing = settings.imagePullSecrets.filter((n) => !read.objects.some((o) => o.kind === 'Secret' && o.metadata.name === n));
        if (missing.length > 0)
            throw new errors/* ActionError */.lZ(`providers.kubernetes.imagePullSecrets names ${missing.join(', ')}, but namespace ${settings.namespace} has no such Secret: the pod could not pull its image`, {
                where: { file: ctx.config.file, field: 'providers.kubernetes.imagePullSecrets' },
                fix: `create it first (kubectl create secret docker-registry ${missing[0]} -n ${settings.namespace} --docker-server=… --docker-username=… --docker-password=…), or remove the name`,
            });
        (0,runner/* info */.pq)(`context ${context || '(current)'}: the API server answered (${read.objects.length} of our objects found)`);
        const live = read.objects.filter((o) => o.kind !== 'Namespace');
        // a namespace the kubeconfig user may not read (a namespace-scoped account) exists and is not ours to manage
        const namespaceForbidden = settings.namespace !== 'default' && read.forbidden.some((l) => l.includes(`namespaces "${settings.namespace}"`));
        const others = read.forbidden.filter((l) => !l.includes(`namespaces "${settings.namespace}"`));
        if (others.length > 0)
            throw new errors/* ActionError */.lZ(`reading the live objects was refused: ${others[0]}`, {
                fix: `give the kubeconfig user get on deployments, secrets and persistentvolumeclaims in namespace ${target.namespace}`,
            });
        if (namespaceForbidden)
            (0,runner/* info */.pq)(`namespace ${settings.namespace}: this kubeconfig user may not read it (Forbidden), so it is taken to exist and is left out of the apply`);
        const namespaceExists = settings.namespace === 'default' || namespaceForbidden || read.objects.some((o) => o.kind === 'Namespace');
        const claim = await this.claim(ctx, kubectl, settings, names.pvc, live);
        const foreign = live.find((o) => o.kind === 'Deployment' && o.metadata.labels?.[MANAGED_BY_LABEL] !== FIELD_MANAGER);
        if (foreign)
            throw new errors/* ActionError */.lZ(`a Deployment named ${names.deployment} already exists in namespace ${target.namespace} and was not deployed by this action`, {
                where: { file: ctx.config.file, field: 'name' },
                fix: `delete it (kubectl delete deployment ${names.deployment} -n ${target.namespace}), or change name / input name-suffix`,
            });
        // the salt of the env Secret's version: kept in its own Secret, new on a first deploy
        const key = names.secretKey ? live.find((o) => o.kind === 'Secret' && o.metadata.name === names.secretKey) : undefined;
        const kept = key?.data?.[SALT_KEY] ? Buffer.from(key.data[SALT_KEY], 'base64').toString('utf8') : '';
        const secretSalt = names.secretKey ? kept || (0,external_node_crypto_.randomBytes)(16).toString('hex') : undefined;
        if (secretSalt)
            (0,runner/* setSecret */.Pq)(secretSalt);
        const facts = { secrets, pull, context, loadLocal, namespaceExists, secretSalt, claim, extra };
        return { facts, live };
    }
    /** the home claim against the live one: grow only where allowed, else keep it and say so */
    async claim(ctx, kubectl, settings, pvc, live) {
        const current = live.find((o) => o.kind === 'PersistentVolumeClaim' && o.metadata.name === pvc);
        const wanted = { storage: claimSize(ctx.config), storageClass: settings.storageClass, accessModes: [settings.volumeAccessMode] };
        let decision = claimDecision(current, wanted);
        if (decision.needsClass) {
            const sc = await reader(ctx, kubectl).getAllowed({ namespace: settings.namespace, ...(settings.context ? { context: settings.context } : {}) }, [`storageclass/${decision.needsClass}`], ctx.deadline.budget('the storage class was read', PROBE_MS));
            const expandable = sc.forbidden.length > 0
                ? 'forbidden'
                : sc.objects[0]?.allowVolumeExpansion === true;
            decision = claimDecision(current, wanted, expandable);
        }
        if (decision.line)
            (decision.warn ? runner/* warning */.$e : runner/* info */.pq)(decision.line);
        return decision.keep;
    }
    /** a local-only image into kind/k3d, one apply on stdin, and new pods when only secret values changed */
    async release(ctx, kubectl, steps, before, live) {
        if (steps.loader)
            await steps.loader.load(ctx.exec, ctx.image.deployRef, ctx.deadline.budget(`the image was loaded into ${steps.loader.tool}`, 600_000));
        await reader(ctx, kubectl).apply(steps.target, steps.applied, FIELD_MANAGER, ctx.deadline.budget('the manifests were applied', 120_000));
        // same digest and manifests, new secret values: the pods read envFrom only when they start
        if (sameManifests(steps, before, ctx.image.deployRef) && !sameSecretData(steps.manifests.objects, live)) {
            (0,runner/* info */.pq)('the secret values changed: restarting the pods so they read them');
            await kubectl.rolloutRestart(steps.target, steps.manifests.names.deployment, ctx.deadline.budget('the pods were restarted', PROBE_MS));
        }
    }
    /**
     * The rollout, watched until the run's deadline less `rollbackReserve(timeout)` (`until`): that share
     * is kept for describe, events and a rollback. kubectl's own `--timeout` ends the watch; a watch that
     * starts with none of its share left still looks once. Then the health check, within the same share.
     * A failure of either, with `rollback`, undoes the rollout (ADR 0022).
     */
    async rollout(ctx, kubectl, steps, before, until) {
        const { target } = steps;
        const dep = steps.manifests.names.deployment;
        const started = Date.now();
        const status = await reader(ctx, kubectl).rolloutStatus(target, dep, until);
        if (status.code !== 0) {
            const why = (0,output/* lastLine */.f)(status.stderr || status.stdout) || 'rollout failed';
            await (0,runner/* group */.Os)(`deployment ${dep}: describe`, async () => (0,runner/* info */.pq)(await kubectl.describe(target, dep, ctx.deadline.budget('the deployment was described', PROBE_MS))));
            await (0,runner/* group */.Os)(`namespace ${target.namespace}: recent events`, async () => (0,runner/* info */.pq)(await kubectl.events(target, ctx.deadline.budget('the events were read', PROBE_MS))));
            const waited = Math.round((Date.now() - started) / 1000);
            return await this.failed(ctx, kubectl, steps, before, `deployment ${dep} did not become ready within ${waited} s (${why})`, undefined);
        }
        const health = await (0,kit_health/* checkDeployment */.Qr)(ctx.inputs, this.healthTarget(kubectl, steps), until);
        if (health && !health.healthy)
            return await this.failed(ctx, kubectl, steps, before, `deployment ${dep} failed its health check (${health.what}): ${health.last}`, health);
        return health;
    }
    /**
     * After a failed rollout or check: leave it (rollback: false, or a first deploy), or `rollout undo`,
     * prove that the restored template names the previous image by digest, wait for it and check it
     * again; always throws, with one line saying what runs now.
     */
    async failed(ctx, kubectl, steps, before, what, health) {
        const { target } = steps;
        const dep = steps.manifests.names.deployment;
        const previousImage = liveImage(before) ?? '';
        const unhealthy = health ? 'false' : 'unknown';
        const failed = (detail, extra, fix = FAILED_FIX) => new errors/* ActionError */.lZ(`${what}; ${detail}`, { where: { file: ctx.config.file }, fix, extra: { previousImage, ...extra } });
        if (!ctx.inputs.rollback)
            throw failed(`it is left running as it is (rollback: false): ${ctx.image.deployRef}`, { rolledBack: 'false', healthy: unhealthy });
        if (!previousImage)
            throw failed('nothing to roll back to (its first deploy): it is left in place, mode: destroy removes it', {
                rolledBack: 'false',
                healthy: unhealthy,
            });
        const undo = await kubectl.rolloutUndo(target, dep, ctx.deadline.budget('the rollout was undone', PROBE_MS));
        if (undo.code !== 0)
            throw failed(`kubectl rollout undo failed too (${(0,output/* lastLine */.f)(undo.stderr || undo.stdout)})`, { rolledBack: 'false', healthy: unhealthy }, `${FAILED_FIX}; then roll back by hand: kubectl rollout undo deployment/${dep} -n ${target.namespace}`);
        const [now] = await reader(ctx, kubectl).get(target, [`deployment/${dep}`], ctx.deadline.budget('the restored revision was read', PROBE_MS));
        const restored = liveImage(now) ?? '';
        const revision = now?.metadata.annotations?.['deployment.kubernetes.io/revision'];
        if (restored !== previousImage)
            throw failed(`kubectl rollout undo restored ${restored || 'no image'}, not the image that ran before (${previousImage})`, { rolledBack: 'false', healthy: 'unknown' }, `${FAILED_FIX}; then put back ${previousImage} by hand: kubectl rollout history deployment/${dep} -n ${target.namespace}`);
        const identity = pinnedByDigest(restored) ? 'by digest' : 'by a tag, which may have moved since (pin-digest: true deploys by digest)';
        const again = await reader(ctx, kubectl).rolloutStatus(target, dep, ctx.deadline.before(CHECK_RESERVE_MS));
        const recheck = again.code === 0 ? await (0,kit_health/* checkDeployment */.Qr)(ctx.inputs, this.healthTarget(kubectl, steps), ctx.deadline) : undefined;
        const state = again.code !== 0
            ? `not ready either (${(0,output/* lastLine */.f)(again.stderr || again.stdout)})`
            : recheck === undefined
                ? 'ready again (no health check asked for)'
                : recheck.healthy
                    ? `ready and healthy (${recheck.what} passed)`
                    : `ready but not healthy either (${recheck.what}: ${recheck.last})`;
        const healthy = again.code !== 0 ? 'false' : (0,kit_health/* healthyOf */.zO)(recheck);
        throw failed(`rolled back: deployment ${dep} runs the previous image ${restored} again (${identity}${revision ? `, revision ${revision}` : ''}), ${state}`, { rolledBack: 'true', previousImage: restored, healthy });
    }
    /**
     * The Deployments in the config's namespace labelled as ours with a name-suffix, whose annotations
     * name this config and `repository`, and whose name and instance label are what the action names
     * for that suffix.
     */
    async listPreviews(ctx, repository) {
        const settings = kubernetesSettings(ctx.config);
        const kubectl = new Kubectl(ctx.exec, ctx.workdir);
        await this.connect(ctx, kubectl, settings.context);
        const target = { namespace: settings.namespace, ...(settings.context ? { context: settings.context } : {}) };
        const found = await kubectl.getByLabel(target, ['deployments.apps'], `${MANAGED_BY_LABEL}=${FIELD_MANAGER},${SUFFIX_LABEL}`, ctx.deadline.budget('the previews were listed', PROBE_MS));
        const previews = [];
        for (const d of found) {
            const suffix = d.metadata.labels?.[SUFFIX_LABEL] ?? '';
            const notes = d.metadata.annotations ?? {};
            if (!inputs/* NAME_SUFFIX_RE */.yf.test(suffix) || notes[traceAnnotation('name')] !== ctx.config.name)
                continue;
            if ((notes[traceAnnotation('repository')] ?? '').toLowerCase() !== repository.toLowerCase())
                continue;
            const name = (0,naming/* resourceName */.Iy)(ctx.config.name, suffix);
            if (d.metadata.name !== name || d.metadata.labels?.[INSTANCE_LABEL] !== name)
                continue;
            if (!previews.some((p) => p.suffix === suffix))
                previews.push({ suffix, deployedName: name, environment: notes[traceAnnotation('environment')] });
        }
        return previews;
    }
    async destroy(ctx) {
        const settings = kubernetesSettings(ctx.config);
        const kubectl = new Kubectl(ctx.exec, ctx.workdir);
        await this.connect(ctx, kubectl, settings.context);
        const name = (0,naming/* resourceName */.Iy)(ctx.config.name, ctx.inputs['name-suffix']);
        const target = { namespace: settings.namespace, ...(settings.context ? { context: settings.context } : {}) };
        const selector = `${MANAGED_BY_LABEL}=${FIELD_MANAGER},${INSTANCE_LABEL}=${name}`;
        const kinds = [...new Set([...OWNED_KINDS, ...extraResources(ctx, settings)])];
        const removed = await kubectl.listByLabel(target, kinds, selector, ctx.deadline.budget('our objects were listed', PROBE_MS));
        if (removed.length > 0)
            await kubectl.deleteByLabel(target, kinds, selector, ctx.deadline.budget('our objects were deleted', 300_000));
        // the namespace only when this deployment created it and no other deployment lives in it
        if (settings.namespace === 'default')
            return { removed };
        const [ns] = await reader(ctx, kubectl).get(target, [`namespace/${settings.namespace}`], ctx.deadline.budget('the namespace was read', PROBE_MS));
        const ours = ns?.metadata.labels?.[INSTANCE_LABEL] === name && ns.metadata.labels?.[MANAGED_BY_LABEL] === FIELD_MANAGER;
        if (!ours)
            return { removed };
        const others = await kubectl.listByLabel(target, ['deployments.apps'], `${APP_LABEL}=${APP}`, ctx.deadline.budget('the namespace was checked', PROBE_MS));
        if (others.length > 0) {
            (0,runner/* info */.pq)(`namespace ${settings.namespace} kept: other deployments live in it (${others.join(', ')})`);
            return { removed };
        }
        await kubectl.deleteNamespace(target, ctx.deadline.budget('the namespace was deleted', 300_000));
        return { removed: [...removed, `namespace/${settings.namespace}`] };
    }
}
/**
 * The kinds of the extra manifests, so destroy deletes them with ours (by our labels). A folder that
 * cannot be read now (moved, or broken since the deploy) is said, and our own kinds are deleted.
 */
function extraResources(ctx, settings) {
    if (!settings.manifests)
        return [];
    try {
        return readExtraManifests(ctx.config, settings, ctx.workdir)?.resources ?? [];
    }
    catch (e) {
        (0,runner/* warning */.$e)(`the extra manifests (providers.kubernetes.manifests) could not be read, so only the action's own kinds are deleted: ${e instanceof Error ? e.message : String(e)}; delete the rest with kubectl delete <kind> -n ${settings.namespace} -l ${MANAGED_BY_LABEL}=${FIELD_MANAGER}`);
        return [];
    }
}
/** the labels that mark an env Secret and its version (manifests.ts) */
const PRUNE_LABELS = { role: ROLE_LABEL, version: VERSION_LABEL };
const FAILED_FIX = 'read the describe output, events and health attempts above; raise the input timeout if it only needs longer';
/** the env Secret a live Deployment's container reads */
function envSecretOf(d) {
    const spec = d?.spec;
    return spec?.template?.spec?.containers?.find((c) => c.name === CONTAINER)?.envFrom?.find((e) => e.secretRef)?.secretRef?.name;
}
/** `repo@sha256:<64 hex>`: an identity no push can move */
const pinnedByDigest = (ref) => /@sha256:[0-9a-f]{64}$/.test(ref);
function deployResult(ctx, steps, context, skipped) {
    const dep = steps.manifests.names.deployment;
    return {
        url: steps.manifests.url,
        skipped,
        built: false,
        image: ctx.image.deployRef,
        digest: ctx.image.digest,
        connect: connectHint(steps.target, dep),
        rolledBack: false,
        extra: { context: context || '(current)', namespace: steps.target.namespace, deployment: dep },
    };
}
/** Does the runner's engine have this image? (no docker: no) */
async function presentLocally(exec, ref) {
    try {
        return ((await exec.run('docker', ['image', 'inspect', '--format', '{{.Id}}', ref], {
            allowFailure: true,
            timeoutMs: PROBE_MS,
            pass: docker/* DOCKER_ENV */.Hx,
        })).code === 0);
    }
    catch {
        return false;
    }
}


/***/ })

};
