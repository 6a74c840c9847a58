import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 3713:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   m0: () => (/* binding */ exec),
/* harmony export */   rx: () => (/* binding */ quoteArgv)
/* harmony export */ });
/* unused harmony export executed */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3916);
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(4813);
/**
 * The one way this action runs a program: an argv array (never a shell), an optional stdin, a
 * deadline, output captured and streamed through redaction, and failures turned into one
 * ActionError carrying the redacted command line and the tail of stderr. (ADR 0003: why not
 * @actions/exec — it has no deadline and echoes unredacted command lines.)
 */


/** Every command started, redacted, in order: for the plan trace, tests and benchmarks. */
const executed = [];
function quoteArgv(argv) {
    return argv.map((a) => (/^[A-Za-z0-9_@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
}
async function exec(file, args, opts = {}) {
    const argv = [file, ...args];
    const shown = (0,_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E$)(quoteArgv(argv));
    executed.push(argv.map(_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E$));
    (0,_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .info */ .pq)(`$ ${shown}`);
    const env = { ...process.env };
    for (const [k, v] of Object.entries(opts.env ?? {})) {
        if (v === undefined)
            delete env[k];
        else
            env[k] = v;
    }
    // loaded on first use: a plan that runs no command never pays for child_process (ADR 0002)
    const { spawn } = await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 1421, 23));
    const started = Date.now();
    return await new Promise((resolve, reject) => {
        let child;
        try {
            child = spawn(file, args, { cwd: opts.cwd, env, shell: false, stdio: ['pipe', 'pipe', 'pipe'] });
        }
        catch (e) {
            reject(notFound(file, e));
            return;
        }
        const out = [];
        const err = [];
        let timedOut = false;
        let killTimer;
        const deadline = opts.timeoutMs === undefined
            ? undefined
            : setTimeout(() => {
                timedOut = true;
                child.kill('SIGTERM');
                killTimer = setTimeout(() => child.kill('SIGKILL'), 5000);
            }, opts.timeoutMs);
        const streamer = (chunks) => {
            let partial = '';
            return (b) => {
                chunks.push(b);
                if (!opts.stream)
                    return;
                const text = partial + b.toString('utf8');
                const lines = text.split('\n');
                partial = lines.pop() ?? '';
                for (const l of lines)
                    (0,_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .info */ .pq)(l);
            };
        };
        child.stdout.on('data', streamer(out));
        child.stderr.on('data', streamer(err));
        child.stdin.on('error', () => undefined); // a program that exits without reading stdin is not our failure
        child.stdin.end(opts.input ?? '');
        child.on('error', (e) => {
            if (deadline)
                clearTimeout(deadline);
            reject(notFound(file, e));
        });
        child.on('close', (code, signal) => {
            if (deadline)
                clearTimeout(deadline);
            if (killTimer)
                clearTimeout(killTimer);
            const result = {
                code: code ?? (signal ? 128 : 1),
                stdout: Buffer.concat(out).toString('utf8'),
                stderr: Buffer.concat(err).toString('utf8'),
                durationMs: Date.now() - started,
                timedOut,
            };
            (0,_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .debug */ .Yz)(`exit ${result.code} after ${result.durationMs} ms: ${shown}`);
            if (timedOut && !opts.allowFailure) {
                reject(new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`\`${shown}\` did not finish within ${Math.round((opts.timeoutMs ?? 0) / 1000)} s and was stopped`, {
                    fix: opts.fix ?? 'raise the input timeout, or find out why it hangs from the log above',
                }));
            }
            else if (result.code !== 0 && !opts.allowFailure) {
                reject(new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`\`${shown}\` failed with exit code ${result.code}${tail(result.stderr || result.stdout)}`, {
                    fix: opts.fix ?? 'see the command output above',
                }));
            }
            else
                resolve(result);
        });
    });
}
function tail(text) {
    const last = (0,_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E$)(text)
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)
        .slice(-1)[0];
    return last ? `: ${last.slice(0, 300)}` : '';
}
function notFound(file, e) {
    const code = e.code;
    if (code === 'ENOENT') {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`\`${file}\` was not found on PATH`, {
            fix: `install ${file} on the runner, or let the action install it (see the <tool>-version inputs)`,
        });
    }
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`could not start \`${file}\`: ${e.message}`, { cause: e });
}


/***/ }),

/***/ 3916:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   BP: () => (/* binding */ errorLine),
/* harmony export */   Bd: () => (/* binding */ isActionError),
/* harmony export */   lZ: () => (/* binding */ ActionError)
/* harmony export */ });
class ActionError extends Error {
    name = 'ActionError';
    fix;
    where;
    constructor(what, opts = {}) {
        super(what, opts.cause === undefined ? undefined : { cause: opts.cause });
        this.fix = opts.fix;
        this.where = opts.where ?? {};
    }
    /** `sindri.yaml:12:5: deployment.provider: unknown provider "dockr". Fix: use one of …` */
    toLine() {
        const { file, line, column, field } = this.where;
        const at = file ? [file, line, line !== undefined ? column : undefined].filter((p) => p !== undefined).join(':') : '';
        const prefix = [at, field].filter(Boolean).join(': ');
        const fix = this.fix ? ` Fix: ${this.fix}` : '';
        return `${prefix ? `${prefix}: ` : ''}${this.message}${/[.!?]$/.test(this.message) ? '' : '.'}${fix}`;
    }
}
function isActionError(e) {
    return e instanceof ActionError;
}
/** A single line for any error: ActionError as written, anything else as an internal error. */
function errorLine(e) {
    if (isActionError(e))
        return e.toLine();
    const msg = e instanceof Error ? e.message : String(e);
    return `internal error: ${msg.split('\n')[0]}. Fix: rerun with ACTIONS_STEP_DEBUG=true for details and report it at https://github.com/sindri/deploy-action/issues`;
}


/***/ }),

/***/ 9407:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var node_module__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8995);
/* harmony import */ var node_module__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_module__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(1433);
// Node ≥ 22.1 keeps V8's compiled code of the lazily loaded chunks between runs (ADR 0002): on a
// warm cache, the chunks a plan loads are not parsed again. NODE_DISABLE_COMPILE_CACHE=1 turns it off.


node_module__WEBPACK_IMPORTED_MODULE_0___default().enableCompileCache?.();
await (0,_main_js__WEBPACK_IMPORTED_MODULE_1__/* .run */ .e)();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 8422:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   GP: () => (/* binding */ getInputs),
/* harmony export */   Vt: () => (/* binding */ DIGEST_RE),
/* harmony export */   te: () => (/* binding */ parseProvider),
/* harmony export */   xq: () => (/* binding */ PROVIDERS)
/* harmony export */ });
/* unused harmony exports MODES, PROVIDER_ALIASES, VERIFY_MODES, TOOLS, DEFAULT_IMAGE, parseMode, parseVerify, parseBool, parseDuration, parseBuildArgs, parseDigest, NAME_SUFFIX_RE, parseNameSuffix */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3916);
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(4813);
/**
 * Typed inputs of action.yml, read and validated up front: nothing touches the network, the file
 * system or a CLI before every input has been checked. Keys are spelled as in action.yml.
 */


const MODES = ['deploy', 'plan', 'destroy', 'init'];
const PROVIDERS = ['docker', 'fly', 'devpod', 'e2b', 'kubernetes'];
/** Spellings accepted for a provider, from upstream Sindri and common use, mapped to ours. */
const PROVIDER_ALIASES = {
    docker: 'docker',
    'docker-compose': 'docker',
    fly: 'fly',
    'fly.io': 'fly',
    flyio: 'fly',
    devpod: 'devpod',
    e2b: 'e2b',
    kubernetes: 'kubernetes',
    k8s: 'kubernetes',
};
const VERIFY_MODES = ['auto', 'true', 'false', 'warn'];
/** CLIs whose version can be pinned with `<tool>-version`. */
const TOOLS = ['flyctl', 'devpod', 'kubectl', 'e2b', 'cosign', 'devcontainer', 'kind', 'k3d', 'compose', 'buildx'];
const DIGEST_RE = /^sha256:[a-f0-9]{64}$/;
const DEFAULT_IMAGE = 'ghcr.io/pacphi/sindri:latest';
function oneOf(name, value, allowed, fallback) {
    if (value === '')
        return fallback;
    const v = value.toLowerCase();
    if (allowed.includes(v))
        return v;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`invalid value "${value}"`, {
        where: { field: `input ${name}` },
        fix: `use one of ${allowed.join(', ')}`,
    });
}
function parseMode(value) {
    return oneOf('mode', value, MODES, 'deploy');
}
function parseVerify(value) {
    return oneOf('verify', value, VERIFY_MODES, 'auto');
}
/** Map a provider spelling to ours; `where` says where it was written for the error. */
function parseProvider(value, where) {
    const p = PROVIDER_ALIASES[value.trim().toLowerCase()];
    if (p)
        return p;
    const upstreamOnly = ['runpod', 'northflank'].includes(value.trim().toLowerCase());
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(upstreamOnly ? `provider "${value}" is a Sindri provider this action does not deploy to` : `unknown provider "${value}"`, {
        where,
        fix: where.field === 'input provider'
            ? `use one of ${PROVIDERS.join(', ')}`
            : `set it to one of ${PROVIDERS.join(', ')}, or pass the input provider to override it`,
    });
}
function parseBool(name, value, fallback) {
    if (value === '')
        return fallback;
    if (/^(true|yes|on|1)$/i.test(value))
        return true;
    if (/^(false|no|off|0)$/i.test(value))
        return false;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`invalid boolean "${value}"`, { where: { field: `input ${name}` }, fix: 'use true or false' });
}
/** `10m`, `90s`, `1h30m`, `600` (seconds) → milliseconds. */
function parseDuration(name, value, fallbackMs) {
    if (value === '')
        return fallbackMs;
    if (/^\d+$/.test(value))
        return Number(value) * 1000;
    const m = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(value);
    if (!m || (!m[1] && !m[2] && !m[3])) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`invalid duration "${value}"`, {
            where: { field: `input ${name}` },
            fix: 'write it like 600, 90s, 10m or 1h30m',
        });
    }
    const ms = ((Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0)) * 60 + Number(m[3] ?? 0)) * 1000;
    if (ms === 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ('a timeout of zero', { where: { field: `input ${name}` }, fix: 'give a positive duration such as 10m' });
    return ms;
}
/** Multiline `KEY=value` (or comma-separated on one line) → record; values may contain `=`. */
function parseBuildArgs(value) {
    const out = {};
    const lines = value.includes('\n') ? value.split(/\r?\n/) : value.split(',');
    for (const raw of lines) {
        const line = raw.trim();
        if (!line || line.startsWith('#'))
            continue;
        const eq = line.indexOf('=');
        const key = eq === -1 ? line : line.slice(0, eq);
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`invalid build argument "${key}"`, {
                where: { field: 'input build-args' },
                fix: 'write one KEY=value per line; keys are letters, digits and _',
            });
        }
        out[key] = eq === -1 ? '' : line.slice(eq + 1);
    }
    return out;
}
function parseDigest(name, value) {
    if (value === '')
        return '';
    if (!DIGEST_RE.test(value)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`invalid digest "${value}"`, {
            where: { field: name },
            fix: 'pass the sha256:<64 lowercase hex> digest, e.g. the digest output of docker/build-push-action',
        });
    }
    return value;
}
/** `pr-42`, `staging`: lowercase letters, digits and inner hyphens, so every provider can name a resource with it. */
const NAME_SUFFIX_RE = /^[a-z0-9](?:[a-z0-9-]{0,28}[a-z0-9])?$/;
function parseNameSuffix(value) {
    const v = value.toLowerCase();
    if (v === '' || NAME_SUFFIX_RE.test(v))
        return v;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`invalid name suffix "${value.slice(0, 80)}"`, {
        where: { field: 'input name-suffix' },
        fix: 'use 1–30 letters, digits and inner hyphens, e.g. pr-${{ github.event.number }}',
    });
}
function getInputs() {
    // secrets first: masked before anything else can print them
    const password = (0,_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .getInput */ .V4)('registry-password');
    const token = (0,_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .getInput */ .V4)('github-token');
    (0,_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .setSecret */ .Pq)(password);
    (0,_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .setSecret */ .Pq)(token);
    const providerRaw = (0,_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .getInput */ .V4)('provider');
    const toolVersions = {};
    for (const t of TOOLS) {
        const v = (0,_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .getInput */ .V4)(`${t}-version`);
        if (v)
            toolVersions[t] = v.replace(/^v(?=\d)/, '');
    }
    const inputs = {
        config: (0,_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .getInput */ .V4)('config'),
        'working-directory': (0,_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .getInput */ .V4)('working-directory') || '.',
        mode: parseMode((0,_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .getInput */ .V4)('mode')),
        provider: providerRaw ? parseProvider(providerRaw, { field: 'input provider' }) : undefined,
        image: (0,_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .getInput */ .V4)('image'),
        'image-digest': parseDigest('input image-digest', (0,_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .getInput */ .V4)('image-digest')),
        dockerfile: (0,_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .getInput */ .V4)('dockerfile'),
        'build-context': (0,_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .getInput */ .V4)('build-context') || '.',
        'build-args': parseBuildArgs((0,_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .getInput */ .V4)('build-args')),
        force: parseBool('force', (0,_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .getInput */ .V4)('force'), false),
        'pin-digest': parseBool('pin-digest', (0,_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .getInput */ .V4)('pin-digest'), true),
        'default-image': (0,_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .getInput */ .V4)('default-image') || DEFAULT_IMAGE,
        verify: parseVerify((0,_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .getInput */ .V4)('verify')),
        'registry-username': (0,_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .getInput */ .V4)('registry-username'),
        'registry-password': password,
        'github-token': token,
        timeout: parseDuration('timeout', (0,_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .getInput */ .V4)('timeout'), 10 * 60 * 1000),
        'tool-versions': toolVersions,
        'tool-mirror': (0,_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .getInput */ .V4)('tool-mirror').replace(/\/+$/, ''),
        'name-suffix': parseNameSuffix((0,_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .getInput */ .V4)('name-suffix')),
        rollback: parseBool('rollback', (0,_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .getInput */ .V4)('rollback'), true),
        'cosign-key': (0,_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .getInput */ .V4)('cosign-key'),
        'certificate-identity': (0,_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .getInput */ .V4)('certificate-identity'),
        'certificate-oidc-issuer': (0,_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .getInput */ .V4)('certificate-oidc-issuer'),
        'verify-tlog': parseBool('verify-tlog', (0,_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .getInput */ .V4)('verify-tlog'), true),
        'github-deployment': parseBool('github-deployment', (0,_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .getInput */ .V4)('github-deployment'), false),
        environment: (0,_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .getInput */ .V4)('environment'),
        'pr-comment': parseBool('pr-comment', (0,_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .getInput */ .V4)('pr-comment'), false),
        summary: parseBool('summary', (0,_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .getInput */ .V4)('summary'), true),
    };
    if (inputs['registry-username'] && !inputs['registry-password']) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ('registry-username is set without registry-password', {
            where: { field: 'input registry-password' },
            fix: 'pass both, e.g. registry-password: ${{ secrets.REGISTRY_TOKEN }}',
        });
    }
    return inputs;
}


/***/ }),

/***/ 1433:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  e: () => (/* binding */ run)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __nccwpck_require__(3916);
;// CONCATENATED MODULE: ./src/deadline.ts
/**
 * The run's one deadline (input `timeout`, SPEC §2): every network wait and every command takes
 * what is left of it, retries and backoff included, so a run never outlives `timeout`.
 */

let deadlineAt;
let budgetMs = 0;
/** Start the clock; called once, right after the inputs are read. */
function startDeadline(timeoutMs, now = Date.now()) {
    budgetMs = timeoutMs;
    deadlineAt = now + timeoutMs;
}
/** Milliseconds left (at least 1 while time remains); Infinity before startDeadline (unit tests). */
function remainingMs(now = Date.now()) {
    return deadlineAt === undefined ? Infinity : Math.max(0, deadlineAt - now);
}
/** min(wanted, what is left); throws the timeout error when nothing is left. */
function budget(wantedMs, what) {
    const left = remainingMs();
    if (left <= 0)
        throw deadlineExceeded(what);
    return Math.min(wantedMs, left);
}
function deadlineExceeded(what) {
    return new ActionError(`the run's timeout of ${Math.round(budgetMs / 1000)} s ran out before ${what}`, {
        where: { field: 'input timeout' },
        fix: 'raise the input timeout (e.g. timeout: 20m), or find out from the log above what was slow',
    });
}
/** For tests. */
function resetDeadline() {
    deadlineAt = undefined;
    budgetMs = 0;
}

// EXTERNAL MODULE: ./src/inputs.ts
var src_inputs = __nccwpck_require__(8422);
// EXTERNAL MODULE: ./src/providers/capabilities.ts
var capabilities = __nccwpck_require__(6138);
;// CONCATENATED MODULE: ./src/providers/index.ts
/** Providers are loaded on demand: a plan for one provider never parses the code of the others. */

async function loadProvider(name) {
    switch (name) {
        case 'docker':
            return new (await Promise.all(/* import() */[__nccwpck_require__.e(815), __nccwpck_require__.e(97)]).then(__nccwpck_require__.bind(__nccwpck_require__, 4097))).DockerProvider();
        default:
            return undefined; // not implemented yet: the caller reports the image decision and says so
    }
}
function notImplemented(name, mode) {
    return new errors/* ActionError */.lZ(`${mode} for provider "${name}" is not available in this version of the action`, {
        where: { field: 'provider' },
        fix: 'use mode: plan to see the image decision, or provider: docker',
    });
}

// EXTERNAL MODULE: ./src/cli/exec.ts
var exec = __nccwpck_require__(3713);
// EXTERNAL MODULE: ./src/runner.ts
var runner = __nccwpck_require__(4813);
;// CONCATENATED MODULE: ./src/report/report.ts


class Report {
    result;
    planDetail;
    constructor(mode) {
        this.result = {
            mode,
            provider: '',
            name: '',
            image: '',
            'image-digest': '',
            'image-source': '',
            dockerfile: '',
            built: false,
            verified: 'none',
            url: '',
            skipped: false,
            trace: [],
            tools: [],
            warnings: 0,
        };
    }
    out(key, value) {
        this.result[key] = value;
        (0,runner/* setOutput */.uH)(key, value);
    }
    target(provider, name, warnings) {
        this.out('provider', provider);
        this.out('name', name);
        this.result.warnings = warnings.length;
    }
    /** which rule won, before pinning: known even when the pin then fails */
    choice(c) {
        this.result.trace = c.trace;
        this.out('image-source', c.source);
        this.out('dockerfile', c.dockerfile ?? '');
    }
    image(d) {
        this.result.trace = d.trace;
        this.out('image', d.deployRef);
        this.out('image-digest', d.digest);
    }
    /** after a build the provider knows the final ref and digest */
    built(image, digest) {
        this.result.built = true;
        (0,runner/* setOutput */.uH)('built', 'true');
        if (image)
            this.out('image', image);
        if (digest)
            this.out('image-digest', digest);
    }
    verified(v) {
        this.result.verified = v;
        (0,runner/* setOutput */.uH)('verified', v);
    }
    tools(t) {
        this.result.tools = t;
    }
    plan(p) {
        this.planDetail = p;
        this.result.plan = { files: p.files.map((f) => f.path), commands: p.commands.map((c) => (0,exec/* quoteArgv */.rx)(c.argv)) };
    }
    deployed(r) {
        this.out('url', r.url);
        this.result.skipped = r.skipped;
        (0,runner/* setOutput */.uH)('skipped', String(r.skipped));
        if (r.connect)
            this.result.connect = r.connect;
        if (r.extra && Object.keys(r.extra).length)
            this.result.extra = { ...this.result.extra, ...r.extra };
    }
    /** Write the outputs not yet written, `result`, and the summary. Called once, on success or failure. */
    finish(error) {
        if (error)
            this.result.error = error;
        (0,runner/* setOutput */.uH)('built', String(this.result.built));
        (0,runner/* setOutput */.uH)('verified', this.result.verified);
        (0,runner/* setOutput */.uH)('skipped', String(this.result.skipped));
        (0,runner/* setOutput */.uH)('url', this.result.url);
        (0,runner/* setOutput */.uH)('result', JSON.stringify(this.result));
        (0,runner/* appendSummary */.fe)(renderSummary(this.result, this.planDetail));
    }
}
const cell = (s) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const code = (s) => (s ? `\`${s.replace(/`/g, "'")}\`` : '—');
const ICON = { applied: '✅ applied', skipped: '⏭️ skipped', 'not-reached': '· not reached' };
function renderSummary(r, plan) {
    const title = `### Sindri ${r.mode}${r.name ? `: ${code(r.name)}` : ''}${r.provider ? ` → ${r.provider}` : ''}${r.error ? ' — failed' : ''}`;
    const lines = [title, ''];
    if (r.error)
        lines.push(`> [!CAUTION]`, `> ${r.error}`, '');
    lines.push('| | |', '|---|---|');
    lines.push(`| image | ${code(r.image)} |`);
    lines.push(`| image source | ${code(r['image-source'])} |`);
    if (r['image-digest'])
        lines.push(`| digest | ${code(r['image-digest'])} |`);
    if (r.dockerfile)
        lines.push(`| Dockerfile | ${code(r.dockerfile)} (built: ${r.built}) |`);
    lines.push(`| verified | ${r.verified} |`);
    if (r.url)
        lines.push(`| url | ${r.url} |`);
    if (r.skipped)
        lines.push(`| skipped | already running this digest |`);
    if (r.connect)
        lines.push(`| connect | ${code(r.connect)} |`);
    for (const [k, v] of Object.entries(r.extra ?? {}))
        lines.push(`| ${cell(k)} | ${code(v)} |`);
    if (r.warnings)
        lines.push(`| config warnings | ${r.warnings} (see annotations) |`);
    if (r.trace.length) {
        lines.push('', '#### Image decision', '', '| # | rule | outcome | reason |', '|---|---|---|---|');
        for (const t of r.trace)
            lines.push(`| ${t.rule || ''} | ${t.source} | ${ICON[t.outcome] ?? t.outcome} | ${cell(t.reason)} |`);
    }
    if (r.tools.length) {
        lines.push('', '#### Tools', '', '| tool | found | version |', '|---|---|---|');
        for (const t of r.tools)
            lines.push(`| ${t.name} | ${t.path ? code(t.path) : 'not on PATH'} | ${t.version || 'default'} |`);
    }
    if (plan) {
        if (plan.files.length) {
            lines.push('', '#### Files');
            for (const f of plan.files)
                lines.push('', `<details><summary><code>${f.path}</code></summary>`, '', '```yaml', f.content.trimEnd(), '```', '</details>');
        }
        if (plan.commands.length) {
            lines.push('', '#### Commands', '', '```sh');
            for (const c of plan.commands)
                lines.push(`${(0,exec/* quoteArgv */.rx)(c.argv)}${c.cwd ? `   # in ${c.cwd}` : ''}${c.mutates ? '' : '   # read-only'}`);
            lines.push('```');
        }
        for (const n of plan.notes)
            lines.push('', `> ${n}`);
    }
    return lines.join('\n') + '\n';
}

;// CONCATENATED MODULE: ./src/tools/which.ts
/** Find a program on PATH without running anything. */


function which(name, pathEnv = process.env.PATH ?? '') {
    for (const dir of pathEnv.split(external_node_path_.delimiter)) {
        if (!dir)
            continue;
        const p = (0,external_node_path_.join)(dir, name);
        try {
            if ((0,external_node_fs_.statSync)(p).isFile()) {
                (0,external_node_fs_.accessSync)(p, external_node_fs_.constants.X_OK);
                return p;
            }
        }
        catch {
            // not here
        }
    }
    return '';
}
/** docker CLI plugins (compose, buildx) live outside PATH */
function dockerPlugin(name) {
    const dirs = [
        process.env.DOCKER_CONFIG ? (0,external_node_path_.join)(process.env.DOCKER_CONFIG, 'cli-plugins') : '',
        (0,external_node_path_.join)(process.env.HOME ?? '/root', '.docker', 'cli-plugins'),
        '/usr/local/lib/docker/cli-plugins',
        '/usr/local/libexec/docker/cli-plugins',
        '/usr/lib/docker/cli-plugins',
        '/usr/libexec/docker/cli-plugins',
    ];
    return which(`docker-${name}`, dirs.filter(Boolean).join(external_node_path_.delimiter));
}

;// CONCATENATED MODULE: ./src/main.ts
/**
 * The phases of one run, each in its own log group: inputs → load → resolve → verify → tools →
 * plan/deploy/destroy → report. Errors end the run with one line (SPEC §7).
 */










async function run() {
    let report;
    let workdir = process.cwd();
    try {
        const inputs = (0,src_inputs/* getInputs */.GP)();
        startDeadline(inputs.timeout);
        workdir = (0,external_node_path_.resolve)(inputs['working-directory']);
        if (!(0,external_node_fs_.existsSync)(workdir) || !(0,external_node_fs_.statSync)(workdir).isDirectory()) {
            throw new errors/* ActionError */.lZ(`working directory ${workdir} does not exist`, {
                where: { field: 'input working-directory' },
                fix: 'check out the repository first (actions/checkout) or fix the path',
            });
        }
        if (inputs.mode === 'init') {
            const { runInit } = await Promise.all(/* import() */[__nccwpck_require__.e(815), __nccwpck_require__.e(409), __nccwpck_require__.e(420)]).then(__nccwpck_require__.bind(__nccwpck_require__, 8420));
            const { path } = await runInit({ workdir, file: inputs.config || 'sindri.yaml', provider: inputs.provider, force: inputs.force });
            (0,runner/* info */.pq)(`wrote ${path}: edit it, commit it, then run this action with mode: plan`);
            return;
        }
        report = new Report(inputs.mode);
        const rep = report;
        const { config, warnings } = await (0,runner/* group */.Os)('Load sindri.yaml', () => load(inputs, workdir));
        const provider = config.deployment.provider;
        rep.target(provider, config.name, warnings);
        const ctxBase = { inputs, config, provider, workdir };
        // before any network call: a mode this provider cannot do yet fails now, not after resolution
        const impl = await loadProvider(provider);
        if (!impl && inputs.mode !== 'plan')
            throw notImplemented(provider, inputs.mode);
        if (inputs.mode === 'destroy') {
            const { removed } = await (0,runner/* group */.Os)(`Destroy (${provider})`, () => impl.destroy(ctxBase));
            (0,runner/* info */.pq)(removed.length ? `removed: ${removed.join(', ')}` : 'nothing to remove');
            rep.finish();
            return;
        }
        refuseUnverifiable(inputs);
        const image = await (0,runner/* group */.Os)('Resolve image', () => resolveStep(inputs, ctxBase, rep));
        rep.image(image);
        verifyStep(inputs, config.deployment.image_config !== undefined, image);
        rep.tools(toolStatus(inputs, provider));
        const ctx = { ...ctxBase, image };
        if (inputs.mode === 'plan') {
            if (impl) {
                const plan = await (0,runner/* group */.Os)(`Plan (${provider})`, async () => {
                    const p = await impl.plan(ctx);
                    printPlan(p);
                    return p;
                });
                rep.plan(plan);
            }
            else {
                (0,runner/* info */.pq)(`provider ${provider}: its files and commands are not part of this version; the image decision above is final`);
            }
        }
        else {
            const r = await (0,runner/* group */.Os)(`Deploy (${provider})`, () => impl.apply(ctx));
            if (r.built)
                rep.built(r.image, r.digest);
            rep.deployed(r);
            (0,runner/* info */.pq)(r.skipped
                ? `already running ${image.deployRef}: nothing to do`
                : `deployed ${r.image ?? image.deployRef}${r.url ? ` at ${r.url}` : ''}`);
            if (r.connect)
                (0,runner/* info */.pq)(`connect: ${r.connect}`);
        }
        rep.finish();
    }
    catch (e) {
        fail(e, report, workdir);
    }
}
/** Annotations name files from the repository root; ours are relative to working-directory. */
function repoPath(workdir, file) {
    return (0,external_node_path_.relative)(process.env.GITHUB_WORKSPACE || process.cwd(), (0,external_node_path_.resolve)(workdir, file)) || file;
}
async function load(inputs, workdir) {
    const { loadConfig } = await Promise.all(/* import() */[__nccwpck_require__.e(815), __nccwpck_require__.e(409)]).then(__nccwpck_require__.bind(__nccwpck_require__, 2409));
    const loaded = await loadConfig({ workdir, config: inputs.config, providerOverride: inputs.provider });
    for (const w of loaded.warnings) {
        (0,runner/* warning */.$e)(`${w.field ? `${w.field}: ` : ''}${w.message}`, {
            file: repoPath(workdir, w.file),
            startLine: w.line,
            startColumn: w.column,
            title: 'sindri.yaml',
        });
    }
    const c = loaded.config;
    (0,runner/* info */.pq)(`${c.file}: name ${c.name}, provider ${c.deployment.provider}${inputs.provider ? ' (from input provider)' : ''}, ${loaded.warnings.length} warning(s)`);
    return loaded;
}
async function resolveStep(inputs, base, rep) {
    const { resolveImage } = await __nccwpck_require__.e(/* import() */ 909).then(__nccwpck_require__.bind(__nccwpck_require__, 5909));
    const line = (t) => (0,runner/* info */.pq)(`${t.rule ? `${t.rule}.` : '  '} ${t.source.padEnd(16)} ${t.outcome.padEnd(11)} ${t.reason}`);
    let printed = 0;
    const decision = await resolveImage({
        ...base,
        registry: registryFactory(inputs),
        onChoice: (c) => {
            rep.choice(c);
            c.trace.forEach(line);
            printed = c.trace.length;
        },
    });
    decision.trace.slice(printed).forEach(line);
    (0,runner/* info */.pq)(`image: ${decision.deployRef} (${decision.source})`);
    return decision;
}
function registryFactory(inputs) {
    let client;
    return () => (client ??= Promise.all([__nccwpck_require__.e(/* import() */ 718).then(__nccwpck_require__.bind(__nccwpck_require__, 3718)), __nccwpck_require__.e(/* import() */ 791).then(__nccwpck_require__.bind(__nccwpck_require__, 791))]).then(([{ RegistryClient }, { credentialChain }]) => new RegistryClient({ credentials: credentialChain({ inputs }) })));
}
/** Signature verification is not in this version: a demand for it fails before any network call. */
function refuseUnverifiable(inputs) {
    if (inputs.verify === 'true') {
        throw new errors/* ActionError */.lZ('verify: true was requested, but this version of the action cannot verify signatures yet', {
            where: { field: 'input verify' },
            fix: 'use verify: warn or false until verification ships, or verify with cosign in a step before this one',
        });
    }
}
/** …and a request for it (image_config's verify_* defaults, verify: warn) is a warning and a trace line. */
function verifyStep(inputs, hasImageConfig, image) {
    const asked = inputs.verify === 'warn' || (inputs.verify === 'auto' && hasImageConfig);
    const reason = asked
        ? 'requested (image_config verify_* or verify: warn), but not available in this version'
        : `verify: ${inputs.verify}`;
    image.trace.push({ rule: 0, source: 'verify', outcome: 'skipped', reason });
    if (asked)
        (0,runner/* warning */.$e)(`image signature not verified: ${reason}`);
}
function toolStatus(inputs, provider) {
    return capabilities/* CAPABILITIES */.$[provider].tools.map((name) => {
        const path = name === 'docker-compose' ? dockerPlugin('compose') : which(name);
        const version = name in inputs['tool-versions'] ? (inputs['tool-versions'][name] ?? '') : '';
        return { name, path, version };
    });
}
function printPlan(plan) {
    for (const f of plan.files)
        (0,runner/* info */.pq)(`--- ${f.path}\n${f.content.trimEnd()}`);
    for (const c of plan.commands)
        (0,runner/* info */.pq)(`would run: ${c.argv.join(' ')}${c.mutates ? '' : ' (read-only)'}`);
    for (const n of plan.notes)
        (0,runner/* info */.pq)(n);
}
function fail(e, report, workdir) {
    const line = (0,errors/* errorLine */.BP)(e);
    if ((0,runner/* isDebug */._o)() || !(0,errors/* isActionError */.Bd)(e))
        (0,runner/* debug */.Yz)(e instanceof Error ? (e.stack ?? e.message) : String(e));
    const where = (0,errors/* isActionError */.Bd)(e) ? e.where : {};
    (0,runner/* setFailed */.C1)(line, where.file ? { file: repoPath(workdir, where.file), startLine: where.line, startColumn: where.column } : {});
    try {
        report?.finish(line);
    }
    catch (writeError) {
        (0,runner/* debug */.Yz)(`could not write the report: ${String(writeError)}`);
    }
}


/***/ }),

/***/ 6138:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ CAPABILITIES)
/* harmony export */ });
const CAPABILITIES = {
    docker: { build: 'local', tools: ['docker', 'docker-compose'], url: 'http://localhost:<port> of the first published port' },
    fly: { build: 'remote', tools: ['flyctl'], url: 'https://<app>.fly.dev' },
    devpod: { build: 'provider', tools: ['devpod', 'docker'], url: 'none (outputs the workspace id)' },
    e2b: { build: 'provider', tools: ['e2b'], url: 'none (outputs the template id)' },
    kubernetes: { build: 'never', tools: ['kubectl'], url: 'the ingress host when providers.kubernetes.ingress is set' },
};


/***/ }),

/***/ 4813:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $e: () => (/* binding */ warning),
/* harmony export */   C1: () => (/* binding */ setFailed),
/* harmony export */   E$: () => (/* binding */ redact),
/* harmony export */   Os: () => (/* binding */ group),
/* harmony export */   Pq: () => (/* binding */ setSecret),
/* harmony export */   V4: () => (/* binding */ getInput),
/* harmony export */   Yz: () => (/* binding */ debug),
/* harmony export */   _o: () => (/* binding */ isDebug),
/* harmony export */   fe: () => (/* binding */ appendSummary),
/* harmony export */   pq: () => (/* binding */ info),
/* harmony export */   uH: () => (/* binding */ setOutput)
/* harmony export */ });
/* unused harmony exports notice, error, heredocDelimiter, getOutputs, saveState, resetRunnerState */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/**
 * The GitHub runner protocol: inputs from INPUT_* env, outputs/state/summary through the runner's
 * files, log commands (mask, group, annotations) on stdout. Same wire format as @actions/core,
 * without loading its OIDC client and undici on every start (ADR 0002 has the measurement).
 * Every line written here goes through `redact`, so a secret registered with `setSecret` never
 * reaches a log, an output or the summary, even outside a runner that masks it for us.
 */


const secrets = new Set();
const outputs = new Map();
function escapeData(s) {
    return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(s) {
    return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
function command(name, props, message) {
    const p = Object.entries(props)
        .filter(([, v]) => v !== undefined && v !== '')
        .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
        .join(',');
    process.stdout.write(`::${name}${p ? ` ${p}` : ''}::${escapeData(message)}${node_os__WEBPACK_IMPORTED_MODULE_1__.EOL}`);
}
/** Register a secret: masked by the runner from now on, and replaced by *** in everything we write. */
function setSecret(value) {
    if (!value)
        return;
    for (const part of [value, ...value.split(/\r?\n/)]) {
        const v = part.trim();
        if (v.length < 3 || secrets.has(v))
            continue; // masking 1–2 characters would shred every log line
        secrets.add(v);
        command('add-mask', {}, v);
    }
}
function redact(text) {
    let out = text;
    // longest first, so a secret containing another is replaced whole
    for (const s of [...secrets].sort((a, b) => b.length - a.length))
        out = out.split(s).join('***');
    return out;
}
function getInput(name) {
    return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}
function isDebug() {
    return process.env.RUNNER_DEBUG === '1' || process.env.ACTIONS_STEP_DEBUG === 'true';
}
function info(message) {
    process.stdout.write(redact(message) + node_os__WEBPACK_IMPORTED_MODULE_1__.EOL);
}
function debug(message) {
    if (isDebug())
        command('debug', {}, redact(message));
}
function warning(message, props = {}) {
    command('warning', annotation(props), redact(message));
}
function notice(message, props = {}) {
    command('notice', annotation(props), redact(message));
}
function error(message, props = {}) {
    command('error', annotation(props), redact(message));
}
function annotation(p) {
    return { title: p.title, file: p.file, line: p.startLine, col: p.startColumn };
}
/** Fail the step: one error annotation, exit code 1. */
function setFailed(message, props = {}) {
    process.exitCode = 1;
    error(message, props);
}
async function group(name, fn) {
    process.stdout.write(`::group::${escapeData(redact(name))}${node_os__WEBPACK_IMPORTED_MODULE_1__.EOL}`);
    try {
        return await fn();
    }
    finally {
        process.stdout.write(`::endgroup::${node_os__WEBPACK_IMPORTED_MODULE_1__.EOL}`);
    }
}
/**
 * A heredoc delimiter the value does not contain, so a value can never end the block and inject
 * another output. Safety comes from that check, not from the randomness: node:crypto is not loaded
 * for it (10 ms at start on Node 24, ADR 0002).
 */
function heredocDelimiter(value) {
    for (;;) {
        const d = `ghadelimiter_${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
        if (!value.includes(d))
            return d;
    }
}
function fileCommand(envName, key, value) {
    const file = process.env[envName];
    if (!file)
        return false;
    const delimiter = heredocDelimiter(value);
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.appendFileSync)(file, `${key}<<${delimiter}${node_os__WEBPACK_IMPORTED_MODULE_1__.EOL}${value}${node_os__WEBPACK_IMPORTED_MODULE_1__.EOL}${delimiter}${node_os__WEBPACK_IMPORTED_MODULE_1__.EOL}`, 'utf8');
    return true;
}
/** Set a step output now (SPEC §3: each output as soon as it is known). */
function setOutput(name, value) {
    const v = redact(value);
    outputs.set(name, v);
    if (!fileCommand('GITHUB_OUTPUT', name, v))
        debug(`output ${name}=${v}`);
}
function getOutputs() {
    return outputs;
}
function saveState(name, value) {
    fileCommand('GITHUB_STATE', name, redact(value));
}
/** Append markdown to the job summary; returns false when there is no summary file (local runs). */
function appendSummary(markdown) {
    const file = process.env.GITHUB_STEP_SUMMARY;
    if (!file)
        return false;
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.appendFileSync)(file, redact(markdown) + node_os__WEBPACK_IMPORTED_MODULE_1__.EOL, 'utf8');
    return true;
}
/** For tests: forget registered secrets and outputs. */
function resetRunnerState() {
    secrets.clear();
    outputs.clear();
}


/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 8995:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:module");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(9407);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
