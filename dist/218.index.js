export const id = 218;
export const ids = [218];
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

/***/ 4218:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DevpodProvider: () => (/* binding */ DevpodProvider),
  currentKubeContext: () => (/* binding */ currentKubeContext)
});

// EXTERNAL MODULE: ./src/plan/changes.ts
var changes = __webpack_require__(1766);
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
// EXTERNAL MODULE: ./src/external/failure.ts
var failure = __webpack_require__(7937);
// EXTERNAL MODULE: ./src/external/env.ts
var env = __webpack_require__(6572);
;// CONCATENATED MODULE: ./src/external/devpod.ts



const devpodArgv = {
    providerList: () => ['provider', 'list', '--output', 'json'],
    providerAdd: (name, options) => ['provider', 'add', name, ...optionFlags(options)],
    providerSetOptions: (name, options) => [
        'provider',
        'set-options',
        name,
        ...optionFlags(options),
    ],
    list: (skipPro = false) => ['list', ...(skipPro ? ['--skip-pro'] : []), '--output', 'json'],
    status: (id) => ['status', id, '--output', 'json'],
    up(s) {
        const a = ['up', s.source, '--id', s.id, '--ide', 'none', '--provider', s.provider, '--devcontainer-path', s.devcontainerPath];
        if (s.image)
            a.push('--devcontainer-image', s.image);
        if (s.recreate)
            a.push('--recreate');
        if (s.envFile)
            a.push('--workspace-env-file', s.envFile);
        if (s.uid)
            a.push('--uid', s.uid);
        return a;
    },
    delete: (id) => ['delete', id, '--force'],
    /**
     * One shell line inside the workspace. devpod's ssh server runs `--command` as `<the user's shell> -c
     * <command>` (pkg/ssh/server/ssh.go), so the line is handed to `/bin/sh -c` as ONE single-quoted word:
     * whatever the user's shell, /bin/sh sees exactly the line. No agent forwarding, no credential or
     * port-forwarding services for a check.
     */
    ssh: (id, line) => [
        'ssh',
        id,
        '--agent-forwarding=false',
        '--start-services=false',
        '--command',
        `/bin/sh -c ${singleQuoted(line)}`,
    ],
};
/** POSIX single quotes: `it's` → `'it'\''s'` (single quotes hold everything but the quote itself) */
function singleQuoted(text) {
    return `'${text.replace(/'/g, `'\\''`)}'`;
}
function optionFlags(options) {
    return Object.entries(options).flatMap(([k, v]) => ['-o', `${k}=${v}`]);
}
/** the level tag devpod's text log puts after the time (debug/info/warn/error/fatal/done) */
const LOG_PREFIX = /^\d\d:\d\d:\d\d (debug|info|warn|error|fatal|done) /;
/** devpod's own message: its last `fatal` line (else `error` line, else last line), time, tag and colours removed. */
function devpodMessage(stderr, stdout = '') {
    const lines = (0,failure/* plainLines */.y)(stderr, stdout);
    const tagged = (level) => lines.filter((l) => LOG_PREFIX.exec(l)?.[1] === level).at(-1);
    return (tagged('fatal') ?? tagged('error') ?? lines.at(-1) ?? '').replace(LOG_PREFIX, '');
}
function parseJson(r, what) {
    try {
        return JSON.parse(r.stdout || 'null');
    }
    catch {
        throw new errors/* ActionError */.lZ(`devpod ${what} did not print JSON`, { fix: 'use devpod 0.6 or later (devpod-version)' });
    }
}
/**
 * What devpod and the providers it drives read: its own settings (but not `DEVPOD_FLAGS_*`, which would
 * silently add flags to our commands), Docker and kubeconfig settings, cloud credentials.
 */
const DEVPOD_ENV = [/^DEVPOD_(?!FLAGS_)/, /^DOCKER_/, 'KUBECONFIG', ...env/* CLOUD_ENV */.sG];
/** No usage reports from a CI runner. */
const DEVPOD_SET = { DEVPOD_DISABLE_TELEMETRY: 'true' };
class DevPod {
    exec;
    cwd;
    constructor(exec, cwd) {
        this.exec = exec;
        this.cwd = cwd;
    }
    /** Run devpod; a failure is one error naming the command and devpod's own message (unless `allowFailure`). */
    async execute(args, opts = {}) {
        const r = await this.exec.run('devpod', args, {
            cwd: this.cwd,
            pass: DEVPOD_ENV,
            ...opts,
            env: { ...DEVPOD_SET, ...opts.env },
            allowFailure: true,
        });
        if (opts.allowFailure || (r.code === 0 && !r.timedOut))
            return r;
        throw (0,failure/* commandFailed */.n)(['devpod', ...args], r, devpodMessage(r.stderr, r.stdout), {
            timeoutMs: opts.timeoutMs,
            fix: opts.fix ?? 'see the devpod output above',
        });
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
    /** `localOnly`: the plan's read-only look (`--skip-pro`: DEVPOD_HOME only, no pro instance asked, nothing deleted) */
    async workspaces(opts = {}) {
        const r = await this.execute(devpodArgv.list(opts.localOnly), { timeoutMs: opts.timeoutMs ?? 60_000 });
        const j = parseJson(r, 'list');
        return (j ?? []).map((w) => ({
            id: w.id ?? '',
            provider: w.provider?.name ?? '',
            image: w.devContainerImage ?? '',
            devcontainerPath: w.devContainerPath ?? '',
            localFolder: w.source?.localFolder ?? '',
        }));
    }
    async status(id, timeoutMs = 60_000) {
        const r = await this.execute(devpodArgv.status(id), { timeoutMs, allowFailure: true });
        if (r.code !== 0)
            return 'NotFound';
        return parseJson(r, 'status')?.state ?? 'NotFound';
    }
    /** `deadline`: an earlier one than the run's, so that a failed start leaves time to clean up */
    /** `env`: e.g. a throw-away DOCKER_CONFIG holding the image's registry login (where the provider pulls with the runner's) */
    async up(spec, timeoutMs, deadline, env) {
        await this.execute(devpodArgv.up(spec), {
            timeoutMs,
            deadline,
            env,
            stream: true,
            fix: 'read the devpod output above; raise the input timeout if it only needs longer',
        });
    }
    /**
     * `devpod ssh --command`: never throws for a non-zero exit. devpod 0.6.15 reports any non-zero status
     * of the command as its own exit 1 and a `fatal … Process exited with status N` line.
     */
    async runInside(id, line, timeoutMs) {
        return await this.execute(devpodArgv.ssh(id, line), { timeoutMs, allowFailure: true });
    }
    async delete(id, timeoutMs) {
        await this.execute(devpodArgv.delete(id), { timeoutMs, stream: true, fix: `delete it by hand: devpod delete ${id} --force` });
    }
}

// EXTERNAL MODULE: ./src/external/docker.ts
var external_docker = __webpack_require__(1855);
// EXTERNAL MODULE: ./src/image/reference.ts
var reference = __webpack_require__(3564);
// EXTERNAL MODULE: ./src/runner.ts
var runner = __webpack_require__(4813);
// EXTERNAL MODULE: ./src/providers/kit/build.ts
var kit_build = __webpack_require__(2693);
// EXTERNAL MODULE: ./src/providers/kit/files.ts
var files = __webpack_require__(9018);
// EXTERNAL MODULE: ./src/providers/kit/previews.ts
var previews = __webpack_require__(3472);
// EXTERNAL MODULE: ./src/providers/docker/compose.ts + 1 modules
var compose = __webpack_require__(9032);
;// CONCATENATED MODULE: ./src/providers/devpod/registry-login.ts
/**
 * A private image and DevPod (issue 26): where each type pulls the workspace image, and whether the
 * runner's login reaches it. Every source of credentials the action reads reaches the pull: the
 * inputs' login through the throw-away DOCKER_CONFIG `devpod up` gets (kit/build.ts
 * withRegistryAuth), the runner's Docker config because devpod reads the same one. What can stop it
 * is devpod itself: the option of the devpod provider that hands the login over, when it is off in the
 * provider this runner's devpod holds (a self-hosted runner keeps DEVPOD_HOME, and the action only
 * sets the options sindri.yaml names). Then the pull would go without credentials and fail after the
 * machine or pod was made: said in one line before anything starts. Pure.
 */

/** where each type pulls, and the devpod provider option that gives that pull the runner's login (provider.yaml of each) */
const DELIVERY = {
    docker: { where: "the docker driver's pull on the runner's engine (or dockerHost)" },
    kubernetes: { where: "the workspace pod's pull secret", option: 'KUBERNETES_PULL_SECRETS_ENABLED' },
    ssh: { where: "the remote machine's docker credential helper", option: 'INJECT_DOCKER_CREDENTIALS' },
    aws: { where: "the cloud machine's docker credential helper", option: 'INJECT_DOCKER_CREDENTIALS' },
    gcp: { where: "the cloud machine's docker credential helper", option: 'INJECT_DOCKER_CREDENTIALS' },
    azure: { where: "the cloud machine's docker credential helper", option: 'INJECT_DOCKER_CREDENTIALS' },
    digitalocean: { where: "the cloud machine's docker credential helper", option: 'INJECT_DOCKER_CREDENTIALS' },
};
/** The plan's line for a private image: how its login reaches where this type pulls. */
function privateImageNote(image, access, settings, viaInputs) {
    const d = DELIVERY[settings.type];
    const login = viaInputs ? "a throw-away DOCKER_CONFIG holding only the inputs' login for its registry" : "the runner's own docker login";
    return `${image} is private (opened with ${access.credentials ?? 'credentials'}): devpod up runs with ${login}, which ${d.where} pulls with${d.option ? ` (devpod provider option ${d.option} must stay true)` : ''}`;
}
/**
 * A private image whose login devpod would not hand over: the provider held here has the delivery
 * option set to false. One line naming the type, the option and the two ways out.
 */
function refuseUndelivered(image, access, settings, held) {
    const { option, where } = DELIVERY[settings.type];
    if (!access?.private || !option)
        return;
    const value = (held?.[option] ?? settings.options[option] ?? '').trim().toLowerCase();
    if (value !== 'false')
        return;
    throw new errors/* ActionError */.lZ(`${image} is private, but devpod provider ${settings.provider} (type ${settings.type}) on this runner has ${option}=false: ${where} would pull it without credentials; nothing was started`, {
        where: { field: 'providers.devpod.type' },
        fix: `run devpod provider set-options ${settings.provider} -o ${option}=true on this runner (or devpod provider delete ${settings.provider}: the action adds it again with its defaults), or make the image public`,
    });
}

// EXTERNAL MODULE: ./src/providers/kit/secrets.ts
var kit_secrets = __webpack_require__(8104);
// EXTERNAL MODULE: ./src/providers/kit/time.ts
var time = __webpack_require__(1068);
// EXTERNAL MODULE: ./src/config/place.ts
var place = __webpack_require__(697);
// EXTERNAL MODULE: ./src/trace.ts + 1 modules
var src_trace = __webpack_require__(9033);
// EXTERNAL MODULE: ./src/providers/kit/environment.ts
var environment = __webpack_require__(2108);
;// CONCATENATED MODULE: ./src/providers/devpod/devcontainer.ts
/**
 * The devcontainer.json DevPod starts a workspace from (containers.dev spec), built as an object from
 * the one image decision (docs/behaviour.md#image-priority-order, docs/behaviour.md#providers; the
 * upstream template in docs/upstream.md#devcontainer-template, minus its plaintext secrets).
 * Pure: no file system, no process (`devcontainerFile` only names where kit/files.ts writes). Secrets never appear here; they travel in devpod's
 * `--workspace-env-file` (ADR 0009).
 */





/** Where we write it; beside a user's own file when one is there (ADR 0009). */
const DEVCONTAINER_FILE = '.devcontainer/devcontainer.json';
const DEVCONTAINER_BESIDE = '.devcontainer/sindri/devcontainer.json';
/**
 * How a workspace's container is found on the engine rather than in devpod's local record (issue 27,
 * ADR 0031). devpod v0.6.15 keeps its record only in DEVPOD_HOME on the runner, but labels each
 * container it runs `dev.containers.id=<runner id>` (pkg/driver/docker/docker.go
 * RunDockerDevContainer; config.GetDockerLabelForID) and finds it again by that label alone
 * (FindDevContainer); with the action's fixed `--uid` the runner id is known before devpod is asked.
 */
const DEVPOD_ID_LABEL = 'dev.containers.id';
/** the image the workspace was given: added through `runArgs` (the docker driver appends runArgs to `docker run`) */
const IMAGE_LABEL = 'sh.sindri.deploy.image';
/** `customizations.<tool>`: the spec's place for tool-specific data; marks a file as ours */
const MARKER_KEY = 'sindri-deploy-action';
/** `8GB` → `8gb`: hostRequirements take `tb|gb|mb|kb` (containers.dev schema). */
function hostSize(value, field, config) {
    const m = /^(\d+)\s*(TB|GB|MB|KB)$/i.exec(value.trim());
    if (!m)
        throw (0,place/* configError */.F)(config, field.split('.'), `"${value}" is not a size`, 'write a number and a unit, e.g. 8GB or 512MB');
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
    // the image on the container, for a later runner to read (ADR 0031); devpod's docker driver appends runArgs to `docker run`; a Kubernetes pod has no use for them
    if (input.dockerEngine && input.image.kind === 'image')
        doc.runArgs = [...(doc.runArgs ?? []), '--label', `${IMAGE_LABEL}=${input.image.ref}`];
    // the run and the preview marks, as the docker provider's labels (ADR 0044): devpod never compares
    // runArgs with the running container, so a new run of the same image is not a recreate
    if (input.dockerEngine)
        doc.runArgs = [...(doc.runArgs ?? []), ...traceRunArgs(input)];
    if (Object.keys(host).length > 0)
        doc.hostRequirements = host;
    if (input.forwardPorts.length > 0)
        doc.forwardPorts = [...input.forwardPorts];
    doc.customizations = { [MARKER_KEY]: { generated: true, config: config.file } };
    return { doc, json: serialize(doc), notes };
}
/** `--label key=value` per trace field and preview mark (values checked by src/trace.ts: no space, no control character). */
function traceRunArgs({ config, trace, nameSuffix }) {
    const labels = (0,src_trace/* traceMetadata */.hF)(trace, (0,src_trace/* previewMarks */.R9)(config.name, nameSuffix ?? ''), compose/* traceLabel */.Ws);
    return Object.entries(labels).flatMap(([k, v]) => ['--label', `${k}=${v}`]);
}
function serialize(doc) {
    return JSON.stringify(doc, null, 2) + '\n';
}
/** The same file naming another image: a push's digest, known only once the push is done. */
function withImage(rendered, ref) {
    const runArgs = rendered.doc.runArgs?.map((a) => a.startsWith(`${IMAGE_LABEL}=`) ? `${IMAGE_LABEL}=${ref}` : a);
    const doc = { ...rendered.doc, image: ref, ...(runArgs ? { runArgs } : {}) };
    return { ...rendered, doc, json: serialize(doc) };
}
/**
 * A devcontainer.json at `rel` (DEVCONTAINER_FILE or DEVCONTAINER_BESIDE) as kit/files.ts writes and
 * removes it: only one we wrote is replaced, unless `overwriteUsers` (force puts ours over a user's own
 * DEVCONTAINER_FILE, as the plan says); never through a link, whatever `overwriteUsers` says.
 */
function devcontainerFile(workdir, rel, overwriteUsers = false) {
    return { path: (0,external_node_path_.join)(workdir, rel), file: rel, root: workdir, isOurs: (text) => overwriteUsers || isGenerated(text) };
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

// EXTERNAL MODULE: ./src/deadline.ts
var deadline = __webpack_require__(6683);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/external/local-cluster.ts
var local_cluster = __webpack_require__(6911);
// EXTERNAL MODULE: ./src/naming.ts
var naming = __webpack_require__(8499);
// EXTERNAL MODULE: ./src/providers/kit/settings.ts
var settings = __webpack_require__(272);
;// CONCATENATED MODULE: ./src/providers/devpod/settings.ts


const DEVPOD_TYPES = ['aws', 'gcp', 'azure', 'digitalocean', 'kubernetes', 'ssh', 'docker'];
/** the types whose workspace DevPod builds itself from `build.dockerfile` (a Docker engine at the far end) */
const DEVPOD_BUILDS = ['docker', 'ssh'];
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
/** sindri key → devpod provider option, with sindri's defaults */
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
/** `providers.devpod.type`, required: nothing says where a workspace should run. */
function devpodType(config) {
    const s = settings/* Settings */.w.of(config, 'devpod');
    if (s.str('type') === undefined) {
        throw s.fail('type', 'not set: DevPod needs to know where the workspace runs', `add providers.devpod.type: one of ${DEVPOD_TYPES.join(', ')} (docker runs the workspace on the runner's Docker engine)`);
    }
    const type = s.str('type');
    if (!DEVPOD_TYPES.includes(type))
        throw s.fail('type', `unknown devpod type "${type}"`, `use one of ${DEVPOD_TYPES.join(', ')}`);
    return type;
}
/** Type kubernetes without a context of its own: the kubeconfig's current context decides. */
function needsKubeContext(config) {
    const s = settings/* Settings */.w.of(config, 'devpod');
    return s.get('type') === 'kubernetes' && !s.get(['kubernetes', 'context']);
}
/** The options devpod's provider gets for this type, defaults filled in. */
function providerOptions(type, sub, currentKubeContext) {
    const options = {};
    if (type === 'kubernetes') {
        const context = sub.str('context') ?? currentKubeContext;
        if (context)
            options.KUBERNETES_CONTEXT = context;
    }
    if (type === 'ssh') {
        const host = sub.str('host');
        if (!host)
            throw sub.fail([], 'providers.devpod.ssh.host is not set', 'set providers.devpod.ssh.host to the machine DevPod connects to');
        options.HOST = `${sub.str('user') ?? 'root'}@${host}`;
    }
    for (const m of OPTION_MAP[type]) {
        const v = sub.str(m.key) ?? m.default;
        if (v !== undefined)
            options[m.option] = v;
    }
    if (type === 'kubernetes') {
        const pairs = Object.entries(sub.stringMap('nodeSelector')).map(([k, v]) => `${k}=${v}`);
        if (pairs.length)
            options.NODE_SELECTOR = pairs.join(',');
    }
    return options;
}
/** A repository to push a build to: no tag or digest (the action tags and pins what it pushes). */
function buildRepository(s) {
    const repo = s.str('buildRepository');
    if (!repo)
        return undefined;
    const ref = (0,reference/* parseReference */.F2)(repo, s.at('buildRepository'));
    if (ref.tag || ref.digest) {
        throw s.fail('buildRepository', `buildRepository "${repo}" names a tag or digest`, 'write the repository only (e.g. ghcr.io/owner/sindri-dev); the action tags and pins what it pushes');
    }
    return repo;
}
function forwardPorts(s) {
    const raw = s.get('forwardPorts');
    if (raw === undefined || raw === null)
        return [];
    if (!Array.isArray(raw))
        throw s.fail('forwardPorts', 'expected a list of ports', 'write forwardPorts: [3000, 8080]');
    return raw.map((_, i) => s.int(['forwardPorts', i], 1, 65535, 'use numbers 1-65535'));
}
/** `providers.devpod` validated, with the options for the provider; the kubernetes context resolved. */
function devpodSettings(config, currentKubeContext) {
    const s = settings/* Settings */.w.of(config, 'devpod');
    const type = devpodType(config);
    const sub = s.sub(type);
    const notes = (NOT_PASSED[type] ?? [])
        .filter((k) => sub.has(k))
        .map((k) => `providers.devpod.${type}.${k} has no devpod provider option: set it in the provider's own defaults`);
    return {
        type,
        provider: DEVPOD_PROVIDER[type],
        buildRepository: buildRepository(s),
        options: providerOptions(type, sub, currentKubeContext),
        forwardPorts: forwardPorts(s),
        notes,
    };
}

;// CONCATENATED MODULE: ./src/providers/devpod/steps.ts
/**
 * The pure heart of the devpod provider: from the context and the facts gathered once, where a
 * Dockerfile is built, the devcontainer.json and every command in the order deploy runs them. `plan`
 * and `apply` share `devpodSteps`: the same file, the same argv. Where a Dockerfile is built depends
 * on `providers.devpod.type`:
 *   docker, ssh            DevPod builds it from `build.dockerfile` in devcontainer.json
 *   kubernetes on kind-* / k3d-*   built here (Docker), `kind load` / `k3d image import`, `image:` the tag
 *   kubernetes (remote), aws, gcp, azure, digitalocean   built here, pushed to
 *                          `providers.devpod.buildRepository`, `image:` the pushed digest
 */











/** The label every container of the workspace carries: devpod's own, with the workspace's runner id. */
function workspaceLabel(uid) {
    return `${DEVPOD_ID_LABEL}=${uid}`;
}
const WORKSPACE_ID = { ...naming/* DNS_LABEL */.HR, max: 48 };
/** what the plan shows where the pushed digest will be */
const PUSHED_DIGEST = '<digest of the push>';
/** what the plan shows where the env file will be */
const ENV_FILE = '<0600 temp file>';
function workspaceIdOf(config, suffix) {
    return (0,naming/* resourceName */.Iy)(config.name, suffix, WORKSPACE_ID);
}
/**
 * The workspace's uid, the same on every runner (ADR 0031): devpod names what it creates after it (the
 * docker driver's `dev.containers.id` label, the pod and PVC `devpod-<uid>`), so a runner that has no
 * record finds the same container or claim instead of making a new one. 16 characters, as devpod's
 * own uids (a uid of another length is "legacy" and devpod would name resources after the id instead);
 * lower-case letters, digits and a dash, valid in every name devpod builds from it.
 */
function workspaceUid(id) {
    return `sindri-${(0,external_node_crypto_.createHash)('sha256').update(id).digest('hex').slice(0, 9)}`;
}
function connectHint(id) {
    return `devpod ssh ${id}`;
}
/** Where a Dockerfile is built for this type; a push without a repository to push to fails here. */
function whereToBuild(config, settings, image) {
    if (!image.build)
        return { where: 'none' };
    if (!image.dockerfile)
        throw new errors/* ActionError */.lZ('the image decision asks for a build but names no Dockerfile', {
            fix: 'report this at https://github.com/sindri/deploy-action/issues',
        });
    if (DEVPOD_BUILDS.includes(settings.type))
        return { where: 'devpod' };
    const context = settings.options.KUBERNETES_CONTEXT;
    const local = settings.type === 'kubernetes' ? (0,local_cluster/* localCluster */.UW)(context) : undefined;
    if (local)
        return { where: local.tool, loader: new local_cluster/* LocalClusterLoader */.lE(local) };
    if (!settings.buildRepository) {
        const what = settings.type === 'kubernetes' ? `a remote Kubernetes cluster (context ${context ?? 'unknown'})` : settings.type;
        throw (0,place/* configError */.F)(config, ['providers', 'devpod', 'buildRepository'], `providers.devpod.buildRepository is not set: building ${image.dockerfile} for ${what} needs a registry to push to`, 'set providers.devpod.buildRepository (e.g. ghcr.io/owner/sindri-dev), or build in CI and pass image-digest');
    }
    return { where: 'registry' };
}
/**
 * Does the action build the image itself (kind/k3d load or a push)? Checked before any fact is gathered,
 * so a config that cannot work fails before anything runs.
 */
function buildsHere(config, image, currentKubeContext) {
    const { where } = whereToBuild(config, devpodSettings(config, currentKubeContext), image);
    return where !== 'none' && where !== 'devpod';
}
/** Ours at the usual place, or beside a user's own file (never overwritten without force). */
function devcontainerPathFor(userDevcontainer, force, notes) {
    if (!userDevcontainer)
        return DEVCONTAINER_FILE;
    notes.push(force
        ? `${DEVCONTAINER_FILE} is a user's own file: it is overwritten (force)`
        : `${DEVCONTAINER_FILE} is a user's own file and stays untouched: DevPod is pointed at ${DEVCONTAINER_BESIDE}`);
    return force ? DEVCONTAINER_FILE : DEVCONTAINER_BESIDE;
}
/** The image devcontainer.json names, and the build, load or push that makes it. */
function imageSteps(ctx, settings, target, facts, notes) {
    const { where, loader } = target;
    const { image, inputs } = ctx;
    const context = inputs['build-context'] || '.';
    if (where === 'none')
        return { spec: { kind: 'image', ref: image.deployRef }, imageRef: image.deployRef, commands: [] };
    if (where === 'devpod') {
        notes.push(`DevPod builds ${image.dockerfile} itself (build.dockerfile in ${target.devcontainerPath}); nothing is built by the action`);
        notes.push(...(0,kit_build/* unusedBuildKitInputs */.YG)(inputs, 'DevPod builds the image itself, and takes no BuildKit cache or secret'));
        return { spec: { kind: 'build', dockerfile: image.dockerfile, context, args: inputs['build-args'] }, commands: [] };
    }
    const repo = settings.buildRepository;
    const tag = where === 'registry' ? `${repo}:${(0,reference/* parseReference */.F2)(image.ref).tag ?? 'latest'}` : image.ref;
    const build = {
        dockerfile: image.dockerfile,
        context,
        tag,
        labels: (0,kit_build/* buildLabels */.S6)(facts.build ?? {}),
        buildArgs: inputs['build-args'],
        noCache: inputs.force,
        pull: inputs.force,
        hostNetwork: false,
        buildx: facts.build?.buildx ?? false,
        ...(0,kit_build/* buildKitSpec */.go)(inputs),
    };
    notes.push(...(0,kit_build/* buildKitNotes */.gK)(build));
    const commands = [
        { argv: ['docker', ...external_docker/* dockerArgv */.fk.build(build)], why: `build ${image.dockerfile} on the runner`, mutates: true },
    ];
    if (loader) {
        commands.push({ argv: loader.argv(tag), why: `load it into ${loader.tool} cluster ${loader.cluster}`, mutates: true });
        return { spec: { kind: 'image', ref: tag }, imageRef: tag, build, commands };
    }
    commands.push({
        argv: ['docker', ...external_docker/* dockerArgv */.fk.push(tag)],
        why: `push it to ${repo}; the workspace runs the pushed digest`,
        mutates: true,
    });
    return { spec: { kind: 'image', ref: `${repo}@${PUSHED_DIGEST}` }, build, push: tag, commands };
}
/** The devpod calls around the build, in the order deploy makes them. */
function devpodCommands(settings, workspaceId, image, up, force, engineApi) {
    const { provider, options } = settings;
    const commands = [
        {
            argv: ['devpod', ...devpodArgv.providerList()],
            why: `is provider ${provider} added, with which options? (also: is devpod there, before any build)`,
            mutates: false,
        },
        ...image,
        { argv: ['devpod', ...devpodArgv.providerAdd(provider, options)], why: `only when provider ${provider} is missing`, mutates: true },
    ];
    if (Object.keys(options).length > 0)
        commands.push({
            argv: ['devpod', ...devpodArgv.providerSetOptions(provider, options)],
            why: 'only when the provider exists with other values (only those are set)',
            mutates: true,
        });
    commands.push({
        argv: ['devpod', ...devpodArgv.list()],
        why: `does workspace ${workspaceId} exist, with which image? (not asked when devpod holds no provider yet)`,
        mutates: false,
    }, { argv: ['devpod', ...devpodArgv.status(workspaceId)], why: 'is it running? (skipped when it runs this image)', mutates: false });
    if (settings.type === 'docker') {
        // one Engine API request in-process where the engine allows it (ADR 0048, addendum), else `docker ps`
        const why = 'only when devpod here has no record of it (a fresh runner): does a container of this workspace run, with which image?';
        const label = workspaceLabel(up.uid);
        commands.push(engineApi
            ? { argv: ['GET', external_docker/* enginePaths */.Jw.containersByLabel(label)], inProcess: true, why, mutates: false }
            : { argv: ['docker', ...external_docker/* dockerArgv */.fk.containersByLabel(label, IMAGE_LABEL)], why, mutates: false });
    }
    commands.push({
        argv: ['devpod', ...devpodArgv.up(up)],
        why: `start the workspace${force ? ', recreated (force)' : '; --recreate is added when it exists with another image'}`,
        mutates: true,
    });
    return commands;
}
/** Settings, where to build, the devcontainer.json and every command. */
function devpodSteps(ctx, facts) {
    const { config, inputs } = ctx;
    const settings = devpodSettings(config, facts.currentKubeContext);
    const workspaceId = workspaceIdOf(config, inputs['name-suffix']);
    const notes = [...settings.notes];
    const { where, loader } = whereToBuild(config, settings, ctx.image);
    const devcontainerPath = devcontainerPathFor(facts.userDevcontainer, inputs.force, notes);
    const image = imageSteps(ctx, settings, { where, loader, devcontainerPath }, facts, notes);
    const devcontainer = renderDevcontainer({
        config,
        workspaceId,
        image: image.spec,
        path: devcontainerPath,
        forwardPorts: settings.forwardPorts,
        dockerEngine: DEVPOD_BUILDS.includes(settings.type),
        trace: ctx.trace,
        nameSuffix: inputs['name-suffix'],
    });
    notes.push(...devcontainer.notes);
    const up = {
        source: '.',
        id: workspaceId,
        provider: settings.provider,
        devcontainerPath,
        image: image.imageRef,
        recreate: inputs.force,
        envFile: facts.secretNames.length > 0 ? ENV_FILE : undefined,
        uid: workspaceUid(workspaceId),
    };
    if (facts.secretNames.length > 0)
        notes.push(`secrets ${facts.secretNames.join(', ')} reach the workspace only through --workspace-env-file (a 0600 file outside the working directory, removed after devpod up)`);
    return {
        settings,
        workspaceId,
        buildWhere: where,
        loader,
        build: image.build,
        push: image.push,
        imageRef: image.imageRef,
        devcontainerPath,
        devcontainer,
        up,
        files: [{ path: devcontainerPath, content: devcontainer.json }],
        commands: devpodCommands(settings, workspaceId, image.commands, up, inputs.force, facts.engineApi),
        notes,
    };
}
/** The steps once the push is done: only the image changes, to the pushed digest. */
function withPushedImage(steps, ref) {
    const devcontainer = withImage(steps.devcontainer, ref);
    return {
        ...steps,
        imageRef: ref,
        devcontainer,
        up: { ...steps.up, image: ref },
        files: [{ path: steps.devcontainerPath, content: devcontainer.json }],
    };
}
/**
 * devpod keeps an existing container on `up`, and the image it was given (`--devcontainer-image`) in
 * its workspace record: a new image, another file or a build needs `--recreate`; a workspace of
 * another provider, or one recording an image that would override a build, is replaced. Without a
 * record on this runner (a fresh runner), `found` is what the provider runs under the workspace's uid
 * (docker type: its containers, by devpod's label), or undefined where the runner cannot see it.
 */
function releaseDecision(steps, existing, state, opts) {
    const { imageRef, devcontainerPath } = steps;
    const provider = steps.settings.provider;
    if (!existing)
        return adoptDecision(imageRef, opts);
    const imageChanged = imageRef !== undefined && (existing.image !== imageRef || opts.localChanged);
    const samePlace = existing.provider === provider && existing.devcontainerPath === devcontainerPath;
    if (!opts.force && imageRef !== undefined && !imageChanged && samePlace && state === 'Running')
        return { skip: true, kept: true, recreate: false };
    const replaceBecause = existing.provider !== provider
        ? `with provider ${existing.provider}`
        : imageRef === undefined && existing.image !== ''
            ? `from image ${existing.image}`
            : undefined;
    if (replaceBecause)
        return { skip: false, replaceBecause, kept: false, recreate: opts.force };
    const recreate = opts.force || imageChanged || imageRef === undefined || existing.devcontainerPath !== devcontainerPath;
    return { skip: false, kept: true, recreate };
}
/**
 * No record on this runner: what an earlier runner left under the same uid. One running container with
 * this image is the deploy already done; anything else found is recreated in place (`up --uid` finds it
 * by its label and `--recreate` replaces it: no second container). Nothing found: a plain first `up`.
 */
function adoptDecision(imageRef, opts) {
    const found = opts.found ?? [];
    if (found.length === 0)
        return { skip: false, kept: false, recreate: opts.force };
    const same = found.length === 1 && found[0].running && imageRef !== undefined && found[0].image === imageRef;
    if (same && !opts.force && !opts.localChanged)
        return { skip: true, kept: true, recreate: false, adopted: true };
    return { skip: false, kept: true, recreate: true, adopted: true };
}

;// CONCATENATED MODULE: ./src/providers/devpod/live.ts
/**
 * The devpod plan's live diff (docs/behaviour.md#plan-mode, ADR 0035, ADR 0044): what devpod holds for
 * the workspace now against what a deploy would give it, read-only. One `devpod list --skip-pro
 * --output json` (DEVPOD_HOME only: no pro instance asked, nothing deleted); `devpod status` only when
 * the answer depends on it (the deploy would skip if it runs); on a runner without a record, the
 * docker type's containers under the workspace's uid (one Engine API request, else one `docker ps`:
 * ADR 0031, ADR 0048). `compareWorkspace` is pure and asks the deploy's own decision
 * (`releaseDecision`); `readWorkspace` turns a devpod or an engine that does not answer into a reason,
 * so the plan goes on without the comparison.
 */


/** a plan waits this long for devpod (and the engine) at most, per call */
const LIVE_READ_MS = 10_000;
const firstLine = (s) => s.split('\n').find((l) => l.trim() !== '') ?? s;
const why = (e) => firstLine(e instanceof Error ? e.message : String(e));
/**
 * The image a deploy compares with (the skip decision): the ref devcontainer.json names; for an image the
 * action pushes (its digest known only after the push), the one running now, so that the decision says
 * whether the deploy would skip if the push gave that digest again.
 */
function assumedRef(steps, live) {
    if (!steps.push)
        return steps.imageRef;
    return live.record?.image || (live.found?.length === 1 ? live.found[0].image : '') || undefined;
}
/** The deploy's decision on what was read (`localChanged` false: a plan builds nothing). */
function decide(steps, live, force) {
    return releaseDecision({ ...steps, imageRef: assumedRef(steps, live) }, live.record, live.state, {
        force,
        localChanged: false,
        found: live.found,
    });
}
/**
 * Read-only: devpod's record, the state when it decides, the engine's containers without a record.
 * `containers` reads the docker type's engine (undefined for the types whose resources the runner
 * cannot see: then a workspace devpod here has no record of is live state unknown).
 */
async function readWorkspace(devpod, steps, force, containers) {
    const id = steps.workspaceId;
    let record;
    try {
        record = (await devpod.workspaces({ localOnly: true, timeoutMs: LIVE_READ_MS })).find((w) => w.id === id);
    }
    catch (e) {
        if ((0,deadline/* isDeadlineExceeded */.A)(e))
            throw e;
        return { reason: `devpod could not be asked: ${why(e)}` };
    }
    if (record) {
        const live = { record, state: 'Running' };
        // the state changes only a skip (a running workspace with this image): asked only then
        if (decide(steps, live, force).skip)
            live.state = await devpod.status(id, LIVE_READ_MS);
        return { live, read: `devpod's record of workspace ${id} on this runner` };
    }
    const uid = workspaceUid(id);
    if (!containers)
        return {
            reason: `devpod on this runner has no record of workspace ${id}, and what the ${steps.settings.type} provider runs under its uid ${uid} cannot be read from here`,
        };
    try {
        const found = await containers(uid);
        return { live: { state: 'NotFound', found }, read: `no devpod record here: the containers of uid ${uid} on the docker type's engine` };
    }
    catch (e) {
        if ((0,deadline/* isDeadlineExceeded */.A)(e))
            throw e;
        return { reason: `the docker type's engine did not answer: ${why(e)}` };
    }
}
/** What the workspace runs now: devpod's record, else the image label of the one container found. */
function currentImage(live) {
    if (live.record)
        return live.record.image;
    return live.found?.length === 1 ? live.found[0].image : '';
}
/** The image a deploy gives it, as the plan can name it (the digest of a push is known only after it). */
function nextImage(steps) {
    if (steps.imageRef)
        return steps.imageRef;
    if (steps.push)
        return `${steps.settings.buildRepository ?? steps.push}@<digest of the push>`;
    return undefined;
}
/**
 * What a deploy would do to the workspace, from what was read: the same decision `apply` makes
 * (`releaseDecision`), said as `+ create`, `~ update (image a → b; why)`, `= unchanged` or `? apply`
 * when it hangs on an image the deploy builds first.
 */
function compareWorkspace(steps, live, force) {
    const resource = `workspace ${steps.workspaceId}`;
    const release = decide(steps, live, force);
    const from = currentImage(live);
    const to = nextImage(steps);
    if (!live.record && !live.found?.length)
        return { action: 'create', resource, note: `volume ${steps.workspaceId}_home` };
    if (release.skip) {
        const runs = `runs ${from}`;
        // the image is built (kind/k3d load, or a push) before the deploy can tell
        if (steps.build)
            return {
                action: 'unknown',
                resource,
                note: `${runs}; the image is built first: unchanged only if ${steps.push ? 'the push gives that digest' : `${steps.imageRef} holds the same image`} again`,
            };
        return { action: 'unchanged', resource, note: runs };
    }
    const notes = [];
    if (release.replaceBecause)
        notes.push(`deleted and created again: it was created ${release.replaceBecause}`);
    if (release.adopted)
        notes.push(`no devpod record on this runner: its container (uid ${workspaceUid(steps.workspaceId)}) is recreated`);
    if (!to)
        notes.push('DevPod builds the image from the Dockerfile: every deploy recreates the workspace');
    if (live.record && live.record.devcontainerPath !== steps.devcontainerPath && live.record.provider === steps.settings.provider)
        notes.push(`devcontainer.json moves from ${live.record.devcontainerPath || '(none recorded)'} to ${steps.devcontainerPath}`);
    if (live.state !== 'Running' && live.record && !release.recreate)
        notes.push(live.state === 'NotFound'
            ? 'devpod holds its record but finds nothing running it (status NotFound): devpod up creates it again'
            : `it is ${live.state}: devpod up starts it`);
    if (force)
        notes.push('force: true recreates it');
    if ((live.found?.length ?? 0) > 1)
        notes.push(`${live.found.length} containers carry its uid`);
    const change = { action: 'update', resource };
    if (to && from !== to)
        change.image = { from: from || '(no image recorded)', to };
    if (notes.length)
        change.note = notes.join('; ');
    return change;
}

// EXTERNAL MODULE: ./src/providers/kit/health.ts
var kit_health = __webpack_require__(4971);
;// CONCATENATED MODULE: ./src/providers/devpod/rollout.ts
/**
 * After `devpod up` (or a skip): the health check inside the workspace, and on failure the rollback to
 * the image that ran before (issue 19, ADR 0022; ADR 0031). The check's command runs through `devpod
 * ssh --command` (one `/bin/sh -c` line inside), a `health-url` must be a whole URL (a workspace has no
 * url). A rollback restores only an immutable identity: the pinned `repo@sha256:…` devpod's record (or,
 * on a fresh runner, the container's label) names. devpod re-creates the docker driver's container with
 * `up --recreate --devcontainer-image <previous>`; on Kubernetes devpod 0.6.15 re-creates the pod from
 * the image stored on its claim, so there the workspace is deleted and started again with the previous
 * image (the home volume claim goes with it).
 */





/** How the check reaches the workspace. */
function healthTarget(devpod, id) {
    return { url: '', name: `workspace ${id}`, runInside: (command, timeoutMs) => devpod.runInside(id, command, timeoutMs) };
}
/** A ref a rollback can restore: only a digest cannot move. */
function restorable(ref) {
    return ref !== undefined && /@sha256:[0-9a-f]{64}$/.test(ref);
}
/** Why the previous workspace cannot be restored, or undefined when it can. */
function cannotRestore(previous, current) {
    if (!previous)
        return 'there is no earlier image to restore (its first deploy, or DevPod built the earlier one from a Dockerfile)';
    if (!restorable(previous))
        return `the earlier image ${previous} is not pinned to a digest, so what it named may have changed`;
    if (previous === current)
        return `the earlier image is the same ${previous}`;
    return undefined;
}
const within = (o) => `within ${Math.round(o.waitedMs / 1000)} s`;
const answer = (o) => (o.healthy ? `healthy (${o.what} passed)` : `not healthy either (${o.last})`);
/**
 * The check after the release; healthy or no check: the facts for the result. Unhealthy: roll back
 * when asked and possible, then throw one error saying what runs now and whether it is healthy.
 */
async function checkRelease(ctx, devpod, steps, previous, restart) {
    const id = steps.workspaceId;
    const target = healthTarget(devpod, id);
    const health = await (0,kit_health/* checkDeployment */.Qr)(ctx.inputs, target, ctx.deadline.before((0,time/* rollbackReserve */.N)(ctx.inputs.timeout)));
    if (!health || health.healthy)
        return health;
    const what = `workspace ${id} did not pass ${health.what} ${within(health)} after ${health.attempts} attempts (${health.last})`;
    const fail = (detail, extra, fix) => new errors/* ActionError */.lZ(`${what}; ${detail}`, {
        where: { file: ctx.config.file },
        fix,
        extra: { previousImage: previous, healthy: 'false', ...extra },
    });
    const debug = `debug it with devpod ssh ${id}`;
    if (!ctx.inputs.rollback)
        throw fail('it is left running as it is (rollback: false)', { rolledBack: 'false' }, `${debug}; fix the image and deploy again`);
    const why = cannotRestore(previous, steps.imageRef);
    if (why)
        throw fail(`it cannot be rolled back: ${why}; it is left running as it is`, { rolledBack: 'false' }, `${debug}; fix the image and deploy again, or deploy the last good image by digest (image-digest, or deployment.image: repo@sha256:…); docs/providers/devpod.md#health-checks-and-rollback`);
    (0,runner/* info */.pq)(`rollback: workspace ${id} back to ${previous}`);
    const back = { ...steps, devcontainer: withImage(steps.devcontainer, previous), imageRef: previous };
    restart.write(back);
    if (steps.settings.type === 'kubernetes') {
        await restart.delete();
        await restart.up(previous, false);
    }
    else
        await restart.up(previous, true);
    const again = await (0,kit_health/* checkDeployment */.Qr)(ctx.inputs, target, ctx.deadline);
    throw fail(`rolled back to ${previous}, ${answer(again)}`, { rolledBack: 'true', healthy: String(again.healthy) }, again.healthy
        ? `fix the new image (${debug} after deploying it with rollback: false)`
        : `${debug}: the earlier image fails its check now too`);
}

// EXTERNAL MODULE: ./src/providers/kit/notices.ts
var notices = __webpack_require__(4723);
;// CONCATENATED MODULE: ./src/providers/devpod/secrets.ts
/**
 * How secrets reach a DevPod workspace: only through `devpod up --workspace-env-file`, a 0600 file of
 * `KEY=value` lines in a private folder outside the working directory, removed as soon as devpod has
 * read it (ADR 0009). Never devcontainer.json, never argv.
 */






/** `KEY=value` lines as devpod reads them (pkg/devcontainer/config/parse.go ParseKeyValueFile: no quoting). */
function encodeWorkspaceEnv(values, config) {
    let out = '';
    for (const [k, v] of values) {
        if (/[\r\n]/.test(v)) {
            const what = `secret ${k} holds a line break, which devpod's --workspace-env-file cannot carry`;
            const fix = `store it base64-encoded (e.g. ${k}_B64) and decode it in the workspace`;
            const i = config?.secrets.findIndex((s) => s.name === k) ?? -1;
            throw config && i !== -1
                ? (0,place/* configError */.F)(config, ['secrets', i], what, fix)
                : new errors/* ActionError */.lZ(what, { where: { field: 'secrets' }, fix });
        }
        out += `${k}=${v}\n`;
    }
    return out;
}
/** The secrets of a deploy, all required ones present, notices warned on their line, encoded for devpod. */
function workspaceSecrets(config) {
    const secrets = (0,kit_secrets.requireSecrets)(config);
    (0,notices/* warnNotices */.o)(config, secrets.notices);
    return { names: [...secrets.values.keys()], envText: encodeWorkspaceEnv(secrets.values, config) };
}
/** Run `fn` with the env file's path (undefined without secrets); the file is gone when it returns. */
async function withWorkspaceEnvFile(ctx, secrets, fn) {
    if (secrets.names.length === 0)
        return await fn(undefined);
    const dir = ctx.temps.dir('sindri-devpod-');
    try {
        const envFile = (0,external_node_path_.join)(dir, 'workspace.env');
        (0,external_node_fs_.writeFileSync)(envFile, secrets.envText, { mode: 0o600, flag: 'wx' });
        return await fn(envFile);
    }
    finally {
        ctx.temps.remove(dir);
    }
}

;// CONCATENATED MODULE: ./src/providers/devpod/provider.ts
/**
 * provider: devpod — a DevPod workspace from a generated devcontainer.json (docs/behaviour.md#providers,
 * issue 8, ADR 0009). `plan` and `apply` share the pure `devpodSteps` (steps.ts): the same file, the same
 * argv. Deploy asks devpod what it holds before anything is built, builds (and loads or pushes) only when
 * the provider type cannot build itself, sets the devpod provider up, then starts the workspace with its
 * secrets in a 0600 env file (secrets.ts).
 */























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
/** Everything the steps depend on, read once: the kube context, a user's devcontainer.json, build facts. */
async function gatherFacts(ctx, secretNames) {
    const kubeContext = needsKubeContext(ctx.config) ? currentKubeContext() : undefined;
    const own = (0,external_node_path_.join)(ctx.workdir, DEVCONTAINER_FILE);
    const settings = devpodSettings(ctx.config, kubeContext);
    return {
        secretNames,
        currentKubeContext: kubeContext,
        // the docker type lists its engine's containers in-process where the engine allows it (ADR 0048): the plan shows which
        engineApi: settings.type === 'docker' ? workspaceEngine(ctx, settings).inProcess : undefined,
        userDevcontainer: (0,external_node_fs_.existsSync)(own) && !isGenerated((0,external_node_fs_.readFileSync)(own, 'utf8')),
        build: buildsHere(ctx.config, ctx.image, kubeContext) ? await (0,kit_build/* buildFacts */._x)(ctx) : undefined,
    };
}
/** Build on the runner, then load into kind/k3d or push; nothing when the image is prebuilt or DevPod builds. */
async function prepareImage(ctx, steps) {
    const b = steps.build;
    if (!b)
        return { localChanged: false };
    const docker = new external_docker/* Docker */.Jg(ctx.exec, ctx.workdir);
    const previousId = (await docker.imageInspect(b.tag))?.id;
    await docker.build(b, {
        timeoutMs: ctx.deadline.budget(`building ${b.dockerfile}`, ctx.inputs.timeout),
        fix: (0,kit_build/* buildFix */.ki)(b, `fix ${b.dockerfile} (see the build log above)`),
        secrets: ctx.inputs['build-secrets'],
    });
    const built = await docker.imageInspect(b.tag);
    if (!built)
        throw new errors/* ActionError */.lZ(`the build finished but image ${b.tag} is not on the engine`, {
            fix: 'with a docker-container buildx builder, make sure --load works',
        });
    if (steps.loader) {
        await steps.loader.load(ctx.exec, b.tag, ctx.deadline.budget(`${steps.loader.tool} loading ${b.tag}`, 300_000));
        return { id: built.id, localChanged: previousId !== built.id };
    }
    await (0,kit_build/* withRegistryAuth */.ID)(ctx, b.tag, (env) => docker.push(b.tag, { timeoutMs: ctx.deadline.budget(`pushing ${b.tag}`, ctx.inputs.timeout), env }));
    const repo = (0,reference/* parseReference */.F2)(steps.settings.buildRepository);
    const digest = (await docker.imageInspect(b.tag))?.repoDigests
        .map((d) => (0,reference/* parseReference */.F2)(d))
        .find((d) => d.registry === repo.registry && d.repository === repo.repository)?.digest;
    if (!digest)
        throw new errors/* ActionError */.lZ(`pushed ${b.tag} but the engine reports no digest for ${steps.settings.buildRepository}`, {
            fix: 'check the push output above',
        });
    return { id: digest, pushed: `${steps.settings.buildRepository}@${digest}`, localChanged: false };
}
/** The devpod provider: added when missing, options set only when they differ from what devpod holds. */
async function configureProvider(ctx, devpod, settings, held) {
    const { provider, options } = settings;
    if (!held) {
        await devpod.providerAdd(provider, options, ctx.deadline.budget(`devpod provider add ${provider}`, 300_000));
        return;
    }
    const changed = Object.fromEntries(Object.entries(options).filter(([k, v]) => held.options[k] !== v));
    if (Object.keys(changed).length > 0)
        await devpod.providerSetOptions(provider, changed, ctx.deadline.budget(`devpod provider set-options ${provider}`, 120_000));
}
/** Our devcontainer.json where the steps put it (force: over a user's own DEVCONTAINER_FILE, as the plan said). */
function devcontainerTarget(ctx, steps) {
    return devcontainerFile(ctx.workdir, steps.devcontainerPath, ctx.inputs.force);
}
function writeDevcontainer(ctx, steps) {
    (0,files/* writeGenerated */.nF)({ ...devcontainerTarget(ctx, steps), content: steps.devcontainer.json });
}
/**
 * `devpod up`, the secrets in their env file only while devpod reads it. It waits on an earlier deadline
 * so that a failed start leaves time to delete a workspace this run created (nothing half-deployed);
 * one that existed before is left as devpod left it, and the error says so.
 */
async function startWorkspace(ctx, devpod, steps, release, secrets) {
    const id = steps.workspaceId;
    const clock = ctx.deadline.before((0,time/* rollbackReserve */.N)(ctx.inputs.timeout));
    try {
        await withWorkspaceEnvFile(ctx, secrets, (envFile) => withImageLogin(ctx, steps.imageRef, (env) => devpod.up({ ...steps.up, recreate: release.recreate, envFile }, clock.budget(`devpod up ${id}`, ctx.inputs.timeout), clock, env)));
    }
    catch (e) {
        if (!(e instanceof errors/* ActionError */.lZ))
            throw e;
        const what = release.kept
            ? `workspace ${id} existed before and is left as devpod left it (devpod status ${id})`
            : await removeNew(ctx, devpod, id);
        throw new errors/* ActionError */.lZ(`${e.message.replace(/\.$/, '')}; ${what}`, { where: e.where, fix: e.fix, cause: e });
    }
}
/**
 * devpod on this runner has no record of the workspace (a fresh runner): what an earlier runner left
 * under the workspace's uid, where the runner can see it (ADR 0031). docker type: the containers on the
 * engine, by devpod's own label. Other types: said in one line, undefined.
 */
async function foundOnProvider(ctx, settings, id) {
    const uid = workspaceUid(id);
    if (settings.type === 'docker')
        return await workspaceContainers(ctx, settings, uid);
    const where = unseenResources(settings, uid);
    if (settings.type === 'kubernetes' || settings.type === 'ssh')
        (0,runner/* info */.pq)(`devpod on this runner has no record of workspace ${id}: ${where}`);
    else
        (0,runner/* warning */.$e)(`devpod on this runner has no record of workspace ${id}: ${where}`);
    return undefined;
}
const engines = new WeakMap();
/**
 * The docker type's engine: the runner's own, or the one the provider's DOCKER_HOST option names. One
 * per run, so whether it is asked in-process is resolved (and, for the CLI, said) once.
 */
function workspaceEngine(ctx, settings) {
    let docker = engines.get(ctx);
    if (!docker)
        engines.set(ctx, (docker = new external_docker/* Docker */.Jg(ctx.exec, ctx.workdir, settings.options.DOCKER_HOST)));
    return docker;
}
/** The workspace's containers (normally one) on the docker type's engine, by devpod's own label (ADR 0031). */
async function workspaceContainers(ctx, settings, uid, timeoutMs = 30_000) {
    const found = await workspaceEngine(ctx, settings).containersByLabel(workspaceLabel(uid), IMAGE_LABEL, {
        timeoutMs: ctx.deadline.budget("the workspace's containers were listed", timeoutMs),
        fix: "devpod's docker provider runs its workspaces on this engine: make sure docker can reach it (DOCKER_HOST)",
    });
    return found.map(({ id, running, shown }) => ({ id, running, image: shown }));
}
/** What an earlier runner may have left for a type whose resources the runner cannot list, and what becomes of it. */
function unseenResources(settings, uid) {
    const ns = settings.options.KUBERNETES_NAMESPACE ?? 'devpod';
    if (settings.type === 'kubernetes')
        return `devpod up --uid ${uid} reuses the pod and claim devpod-${uid} in namespace ${ns} if an earlier runner made them (docs/providers/devpod.md#runners)`;
    if (settings.type === 'ssh')
        return `the agent on ${settings.options.HOST ?? 'the host'} replaces what an earlier runner started for it (docs/providers/devpod.md#runners)`;
    return `a ${settings.type} machine an earlier runner created for it cannot be reached from here (its key was in that runner's DEVPOD_HOME) and stays until its inactivity timeout stops it; keep DEVPOD_HOME between jobs on a self-hosted runner (docs/providers/devpod.md#runners)`;
}
/**
 * Every devpod type pulls the workspace image with the RUNNER's docker credentials (issue 26): the
 * docker driver's `docker pull` on the runner or its DOCKER_HOST, the Kubernetes provider's pull secret
 * (KUBERNETES_PULL_SECRETS_ENABLED reads them), the ssh and cloud agents' credential helper, which asks
 * the runner over the tunnel (INJECT_DOCKER_CREDENTIALS). So the login the inputs give is handed to
 * `devpod up` as a throw-away DOCKER_CONFIG holding only that registry (withRegistryAuth); without
 * such inputs devpod uses the runner's own docker login.
 */
/** whether withRegistryAuth hands `devpod up` the inputs' login for this image's registry (else the runner's own) */
function loginFromInputs(ctx, ref) {
    const ghcr = (0,reference/* parseReference */.F2)(ref).registry.toLowerCase() === 'ghcr.io';
    return ctx.inputs['registry-password'] !== '' || (ghcr && ctx.inputs['github-token'] !== '');
}
async function withImageLogin(ctx, ref, fn) {
    return ref ? await (0,kit_build/* withRegistryAuth */.ID)(ctx, ref, fn) : await fn();
}
async function removeNew(ctx, devpod, id) {
    try {
        const left = (await devpod.workspaces()).some((w) => w.id === id);
        if (left)
            await devpod.delete(id, ctx.deadline.budget(`deleting the new workspace ${id}`, 300_000));
        return left ? `the new workspace ${id} was deleted again` : `no workspace ${id} was left behind`;
    }
    catch {
        return `removing the new workspace failed too: run devpod delete ${id} --force`;
    }
}
/**
 * Two deploys of one workspace at once (issue 20, class 13): devpod's lock is a file in DEVPOD_HOME, so
 * runners that share nothing both find no container and both start one under the same uid. Seen right
 * after `up` on the docker type (one Engine API request, else one `docker ps`), said in one line.
 */
async function confirmAlone(ctx, steps) {
    if (steps.settings.type !== 'docker')
        return;
    const uid = workspaceUid(steps.workspaceId);
    const found = await workspaceContainers(ctx, steps.settings, uid);
    if (found.length <= 1)
        return;
    throw new errors/* ActionError */.lZ(`another deploy of workspace ${steps.workspaceId} ran at the same time: ${found.length} containers carry its uid ${uid} (${found.map((c) => c.id.slice(0, 12)).join(', ')})`, {
        where: { file: ctx.config.file },
        fix: 'let one deploy per workspace run at a time (a workflow concurrency group per environment), then run mode: destroy, which removes every container carrying the uid, and deploy again',
        extra: { rolledBack: 'false' },
    });
}
/**
 * destroy on a runner where devpod has no record of the workspace: the docker type's containers are
 * found by devpod's label under the workspace's uid and removed as `devpod delete` would (docker rm,
 * the home volume kept); other types say what may remain and how to remove it.
 */
async function removeUnrecorded(ctx, id, recorded) {
    const settings = devpodSettings(ctx.config, needsKubeContext(ctx.config) ? currentKubeContext() : undefined);
    if (recorded && settings.type !== 'docker')
        return [];
    const found = await foundOnProvider(ctx, settings, id);
    if (!found?.length) {
        if (!recorded)
            (0,runner/* info */.pq)(`devpod has no workspace ${id}${found ? ` and no container carries ${workspaceUid(id)}` : ''}`);
        return [];
    }
    const ids = found.map((c) => c.id);
    await workspaceEngine(ctx, settings).removeContainers(ids, {
        timeoutMs: ctx.deadline.budget('docker rm', 120_000),
        fix: `remove them by hand: docker rm -f ${ids.join(' ')}`,
    });
    return ids.map((c) => `container ${c.slice(0, 12)} of workspace ${id} (found by its label, no devpod record names it)`);
}
class DevpodProvider {
    name = 'devpod';
    /** the workspace id */
    deployedName(ctx) {
        return workspaceIdOf(ctx.config, ctx.inputs['name-suffix']);
    }
    async plan(ctx) {
        const secrets = (0,kit_secrets.resolveSecrets)(ctx.config);
        const steps = devpodSteps(ctx, await gatherFacts(ctx, [...secrets.values.keys()]));
        const notes = [...steps.notes, ...secrets.notices.map((n) => n.message)];
        if (secrets.missingRequired.length > 0)
            notes.push(`required secrets not set: ${secrets.missingRequired.join(', ')} (deploy fails before starting anything)`);
        if (!ctx.image.build)
            notes.push(`no image is built: the prebuilt image is deployed ${ctx.image.digest ? 'by digest' : 'as written (not pinned)'}`);
        if (ctx.image.access?.private && steps.imageRef)
            notes.push(privateImageNote(steps.imageRef, ctx.image.access, steps.settings, loginFromInputs(ctx, steps.imageRef)));
        const untraced = steps.settings.type !== 'docker' && steps.settings.type !== 'ssh'
            ? `devpod's ${steps.settings.type} provider keeps no metadata the action can set (ADR 0044)`
            : undefined;
        const base = { files: steps.files, commands: steps.commands, notes, untraced };
        const containers = steps.settings.type === 'docker' ? (uid) => workspaceContainers(ctx, steps.settings, uid, LIVE_READ_MS) : undefined;
        const read = await readWorkspace(new DevPod(ctx.exec, ctx.workdir), steps, ctx.inputs.force, containers);
        if ('reason' in read)
            return { ...base, ...(0,changes/* notRead */.Qk)([`workspace ${steps.workspaceId}`], read.reason) };
        return { ...base, changes: [compareWorkspace(steps, read.live, ctx.inputs.force)], live: { known: true, reason: read.read } };
    }
    async apply(ctx) {
        const secrets = workspaceSecrets(ctx.config);
        const planned = devpodSteps(ctx, await gatherFacts(ctx, secrets.names));
        // a devcontainer.json that is a link (or a foreign file where ours goes) fails before anything runs
        (0,files/* checkGenerated */.SC)(devcontainerTarget(ctx, planned));
        for (const n of planned.notes)
            (0,runner/* info */.pq)(n);
        const devpod = new DevPod(ctx.exec, ctx.workdir);
        // probe: devpod must answer before anything is built
        const providers = await devpod.providers();
        if (planned.imageRef)
            refuseUndelivered(planned.imageRef, ctx.image.access, planned.settings, providers.get(planned.settings.provider)?.options);
        const image = await prepareImage(ctx, planned);
        const steps = image.pushed ? withPushedImage(planned, image.pushed) : planned;
        await configureProvider(ctx, devpod, steps.settings, providers.get(steps.settings.provider));
        // a DEVPOD_HOME without any provider (a fresh runner) holds no workspace either: devpod refuses to
        // delete a provider a workspace uses, so `devpod list` is not asked (one process less, issue 25)
        const existing = providers.size === 0 ? undefined : (await devpod.workspaces()).find((w) => w.id === steps.workspaceId);
        const state = existing ? await devpod.status(steps.workspaceId) : 'NotFound';
        const found = existing ? undefined : await foundOnProvider(ctx, steps.settings, steps.workspaceId);
        const release = releaseDecision(steps, existing, state, { force: ctx.inputs.force, localChanged: image.localChanged, found });
        writeDevcontainer(ctx, steps);
        const result = {
            url: '',
            skipped: release.skip,
            built: ctx.image.build,
            image: steps.imageRef,
            digest: steps.imageRef ? (image.id ?? ctx.image.digest) : undefined,
            connect: connectHint(steps.workspaceId),
            extra: { 'workspace-id': steps.workspaceId, 'devpod-provider': steps.settings.provider, devcontainer: steps.devcontainerPath },
        };
        if (release.adopted)
            (0,runner/* info */.pq)(`workspace ${steps.workspaceId}: devpod on this runner has no record of it, but its container (uid ${workspaceUid(steps.workspaceId)}) is on the engine`);
        // what ran before: devpod's record here, else the container an earlier runner left (its label)
        const previousImage = existing?.image ?? (found?.length === 1 ? found[0].image : '');
        if (release.skip) {
            (0,runner/* info */.pq)(`workspace ${steps.workspaceId} already runs ${steps.imageRef}: nothing to do (force: true recreates it)`);
        }
        else {
            if (release.replaceBecause) {
                (0,runner/* info */.pq)(`workspace ${steps.workspaceId} was created ${release.replaceBecause}: deleting it first`);
                await devpod.delete(steps.workspaceId, ctx.deadline.budget(`devpod delete ${steps.workspaceId}`, 300_000));
            }
            await startWorkspace(ctx, devpod, steps, release, secrets);
            await confirmAlone(ctx, steps);
        }
        const restart = {
            write: (s) => writeDevcontainer(ctx, s),
            delete: () => devpod.delete(steps.workspaceId, ctx.deadline.budget(`devpod delete ${steps.workspaceId}`, 300_000)),
            up: (ref, recreate) => withWorkspaceEnvFile(ctx, secrets, (envFile) => withImageLogin(ctx, ref, (env) => devpod.up({ ...steps.up, image: ref, recreate, envFile }, ctx.deadline.budget(`devpod up ${steps.workspaceId} (rollback)`, ctx.inputs.timeout), undefined, env))),
        };
        const health = await checkRelease(ctx, devpod, steps, release.skip ? (steps.imageRef ?? '') : previousImage, restart);
        return { ...result, health, rolledBack: false, previousImage: release.skip ? steps.imageRef : previousImage };
    }
    /**
     * `mode: sweep` (ADR 0044): on the docker type, the workspace containers on the engine labelled as
     * previews of this config by a run of `repository`, kept only when devpod's own label carries the uid
     * the action gives that suffix's workspace. Other types keep nothing the runner can list: one line.
     */
    checkSweep(ctx) {
        sweepableSettings(ctx);
    }
    async listPreviews(ctx, repository) {
        const settings = sweepableSettings(ctx);
        return await (0,previews/* containerPreviews */.t)(workspaceEngine(ctx, settings), ctx.config.name, repository, compose/* traceLabel */.Ws, (suffix, c) => {
            const id = workspaceIdOf(ctx.config, suffix);
            return c.labels[DEVPOD_ID_LABEL] === workspaceUid(id) ? id : undefined;
        });
    }
    async destroy(ctx) {
        const devpod = new DevPod(ctx.exec, ctx.workdir);
        const id = workspaceIdOf(ctx.config, ctx.inputs['name-suffix']);
        const removed = [];
        const recorded = (await devpod.workspaces()).some((w) => w.id === id);
        if (recorded) {
            await devpod.delete(id, ctx.deadline.budget(`devpod delete ${id}`, ctx.inputs.timeout));
            removed.push(`workspace ${id}`);
        }
        // what no record names: a fresh runner's, or a second container two deploys at once left behind
        removed.push(...(await removeUnrecorded(ctx, id, recorded)));
        // only the files we wrote: a user's own devcontainer.json stays
        for (const rel of [DEVCONTAINER_BESIDE, DEVCONTAINER_FILE])
            if ((0,files/* removeGenerated */.c6)(devcontainerFile(ctx.workdir, rel)) === 'removed')
                removed.push(`file ${rel}`);
        for (const dir of [(0,external_node_path_.dirname)(DEVCONTAINER_BESIDE), (0,external_node_path_.dirname)(DEVCONTAINER_FILE)]) {
            const p = (0,external_node_path_.join)(ctx.workdir, dir);
            if ((0,external_node_fs_.existsSync)(p) && (0,external_node_fs_.readdirSync)(p).length === 0)
                (0,external_node_fs_.rmdirSync)(p);
        }
        return { removed };
    }
}
/** the settings of a config whose previews sweep can list (the docker type), else the one line saying why not */
function sweepableSettings(ctx) {
    const settings = devpodSettings(ctx.config, needsKubeContext(ctx.config) ? currentKubeContext() : undefined);
    if (settings.type !== 'docker')
        throw new errors/* ActionError */.lZ(`mode: sweep finds DevPod previews only on the docker type: the ${settings.type} type's workspaces ${settings.type === 'ssh' ? `run on ${settings.options.HOST ?? 'the ssh host'}, whose containers this runner cannot list` : 'carry no labels this runner can list'}`, {
            where: { file: ctx.config.file, field: 'providers.devpod.type' },
            fix: 'remove those previews with mode: destroy and their name-suffix (docs/providers/devpod.md#previews-and-sweep)',
        });
    return settings;
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
