export const id = 763;
export const ids = [763];
export const modules = {

/***/ 4302:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cd: () => (/* binding */ flyTokenEnv),
/* harmony export */   Wl: () => (/* binding */ stripScheme),
/* harmony export */   xm: () => (/* binding */ isMacaroon)
/* harmony export */ });
/* unused harmony export FLY_TOKEN_ENVS */
/**
 * The Fly.io token as flyctl finds and reads it (fly-go tokens.go), one place for the provider's
 * token check, the registry password (ADR 0026) and the in-process API reads (ADR 0051).
 */
/** flyctl reads FLY_ACCESS_TOKEN first, then FLY_API_TOKEN (internal/config/config.go, env.First). */
const FLY_TOKEN_ENVS = ['FLY_ACCESS_TOKEN', 'FLY_API_TOKEN'];
/** The variable flyctl takes its token from: the first of FLY_TOKEN_ENVS that is not blank. */
function flyTokenEnv(env) {
    return FLY_TOKEN_ENVS.find((k) => (env[k] ?? '').trim() !== '');
}
/** Drop leading `FlyV1 ` / `Bearer ` schemes (any case, repeated), as fly-go's StripAuthorizationScheme does. */
function stripScheme(token) {
    let t = token.trim();
    for (;;) {
        const m = /^(\S+)\s+(.*)$/s.exec(t);
        if (!m || !/^(flyv1|bearer)$/i.test(m[1]))
            return t;
        t = m[2].trim();
    }
}
/** A macaroon part of a token (`fm1r_`, `fm1a_`, `fm2_`), as fly-go tells them from the rest. */
const isMacaroon = (part) => /^(fm1r|fm1a|fm2)_/.test(part);


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

/***/ 9054:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FLY_REGISTRY: () => (/* binding */ FLY_REGISTRY),
/* harmony export */   flyDockerPassword: () => (/* binding */ flyDockerPassword),
/* harmony export */   flyRegistryCredential: () => (/* binding */ flyRegistryCredential),
/* harmony export */   flyRegistryHost: () => (/* binding */ flyRegistryHost)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _external_fly_token_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4302);
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4813);
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3564);
/**
 * Fly.io's registry as a copy target (ADR 0026): the host is
 * `FLY_REGISTRY_HOST` or `registry.fly.io`, an app's images live in the repository named after the
 * app, and flyctl logs in with user `x` and the token as password: the token flyctl reads
 * (FLY_ACCESS_TOKEN, then FLY_API_TOKEN) without its `FlyV1 `/`Bearer ` scheme, and only its
 * macaroons when it holds any (fly-go's `Tokens.Docker()`).
 */




const FLY_REGISTRY = 'registry.fly.io';
/** The registry password flyctl derives from a token: its macaroons (`fm1r_`, `fm1a_`, `fm2_`) comma-joined, else all of it. */
function flyDockerPassword(token) {
    const parts = (0,_external_fly_token_js__WEBPACK_IMPORTED_MODULE_3__/* .stripScheme */ .Wl)(token)
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean);
    const macaroons = parts.filter(_external_fly_token_js__WEBPACK_IMPORTED_MODULE_3__/* .isMacaroon */ .xm);
    return (macaroons.length ? macaroons : parts).join(',');
}
/** The Fly registry's host: FLY_REGISTRY_HOST (as flyctl's `registry_host`) or registry.fly.io; not a host[:port] → one line. */
function flyRegistryHost(env = process.env) {
    const host = (env.FLY_REGISTRY_HOST ?? '').trim() || FLY_REGISTRY;
    let registry;
    try {
        registry = (0,_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .parseReference */ .F2)(`${host}/app`).registry;
    }
    catch {
        registry = '';
    }
    if (registry.toLowerCase() !== host.toLowerCase()) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`FLY_REGISTRY_HOST "${host}" is not a registry host`, {
            where: { field: 'env FLY_REGISTRY_HOST' },
            fix: 'set it to a host[:port] such as registry.fly.io, or unset it',
        });
    }
    return registry;
}
/** The Fly registry and the credentials for it, from the environment flyctl reads. */
function flyRegistryCredential(env = process.env) {
    const registry = flyRegistryHost(env);
    const name = (0,_external_fly_token_js__WEBPACK_IMPORTED_MODULE_3__/* .flyTokenEnv */ .Cd)(env);
    let credential;
    if (name) {
        const password = flyDockerPassword(env[name]);
        (0,_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .setSecret */ .Pq)(password);
        (0,_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .setSecret */ .Pq)(env[name]);
        if (password)
            credential = { username: 'x', password, source: `env ${name}` };
    }
    return {
        registry,
        credential,
        credentials: {
            lookup: async (r) => (r.toLowerCase() === registry.toLowerCase() ? credential : undefined),
            hint: () => `pass a Fly token that may push to the app's images in the step's env (FLY_API_TOKEN: \${{ secrets.FLY_API_TOKEN }}; flyctl tokens create deploy)`,
        },
    };
}


/***/ }),

/***/ 7763:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  FlyProvider: () => (/* binding */ FlyProvider),
  flyToken: () => (/* binding */ flyToken),
  requireFlyToken: () => (/* binding */ requireFlyToken),
  runningImage: () => (/* binding */ runningImage),
  runsAlready: () => (/* binding */ runsAlready)
});

// EXTERNAL MODULE: ./src/plan/changes.ts
var changes = __webpack_require__(1766);
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
 * IPAddress), `image show --json` (internal/command/image/show.go), `apps list --json` (fly-go types.go
 * App, Go field names), `machine list --json` (fly-go machine_types.go). `deploy`, `secrets import`,
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
    /** the apps of one organization (internal/command/apps/list.go: `--org`, else every organization the token sees) */
    appsList: (org) => ['apps', 'list', '--org', org, '--json'],
    /** an app's machines with their config and metadata (internal/command/machine/list.go, the Machines API's list) */
    machineList: (app) => ['machine', 'list', '--app', app, '--json'],
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
        args.push('--strategy', s.strategy, `--ha=${s.highAvailability}`, '--wait-timeout', `${s.waitTimeoutSeconds}s`, '--yes');
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
    /** every app of the organization `org`; flyctl prints `[]` when it has none */
    async appsList(org, timeoutMs) {
        const fix = `check providers.fly.organization (flyctl orgs list names the organizations the token can use)`;
        return Flyctl.json(await this.execute(flyctlArgv.appsList(org), { timeoutMs, fix }), 'apps list') ?? [];
    }
    /** the app's machines, with their metadata (fly-go machine_types.go); undefined when the Machines API knows no such app (destroyed meanwhile) */
    async machineList(app, timeoutMs) {
        const r = await this.execute(flyctlArgv.machineList(app), { timeoutMs, allowFailure: true });
        if (r.code !== 0) {
            const message = r.timedOut ? `did not finish within ${Math.round(timeoutMs / 1000)} s` : flyctlMessage(r.stderr, r.stdout);
            if (/^failed to list VMs: app not found$/.test(message))
                return undefined;
            throw flyctlFailure('machine list', r.code, message, "read flyctl's output above");
        }
        return Flyctl.json(r, 'machine list') ?? [];
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

// EXTERNAL MODULE: ./src/external/fly-token.ts
var fly_token = __webpack_require__(4302);
// EXTERNAL MODULE: ./src/external/http-answer.ts
var http_answer = __webpack_require__(3942);
;// CONCATENATED MODULE: ./src/external/fly-api.ts




const FLY_API_BASE = 'https://api.fly.io';
const FLY_MACHINES_BASE = 'https://api.machines.dev';
/** fly-go flaps_volumes.go destroyedVolumeStates: what `volumes list` (without --all) leaves out */
const DESTROYED_VOLUME = new Set(['scheduling_destroy', 'fork_cleanup', 'waiting_for_detach', 'pending_destroy', 'destroying']);
/** fly-go tokens.StripAuthorizationScheme then tokens.Parse, and the two headers of Tokens.normalized. */
function flyAuthorization(token) {
    const parts = (0,fly_token/* stripScheme */.Wl)(token)
        .split(',')
        .map((p) => p.trim());
    if (parts.some((p) => p === '' || /\s/.test(p)))
        return undefined;
    const macaroons = parts.filter(fly_token/* isMacaroon */.xm);
    const others = parts.filter((p) => !macaroons.includes(p));
    const scheme = macaroons.length ? 'FlyV1' : 'Bearer';
    return {
        scheme,
        graphql: `${scheme} ${[...macaroons, ...others].join(',')}`,
        machines: `${scheme} ${(macaroons.length ? macaroons : others).join(',')}`,
    };
}
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
/** Where flyctl would send its reads and with what token, or why flyctl must be asked instead. */
function resolveFlyApi(env) {
    // internal/config/config.go applyEnv: env.First(FLY_ACCESS_TOKEN, FLY_API_TOKEN)
    const name = (0,fly_token/* flyTokenEnv */.Cd)(env);
    if (!name)
        return { ok: false, reason: 'no token in the environment' };
    const auth = flyAuthorization(env[name]);
    if (!auth)
        return { ok: false, reason: `${name} has an empty or spaced part` };
    const forced = ['FLY_FORCE_TRACE', 'FLY_FORCE_REGION', 'FLY_FORCE_INSTANCE_ID'].find((k) => env[k]);
    if (forced)
        return { ok: false, reason: `${forced} is set` };
    const urls = [];
    for (const [key, dflt] of [
        ['FLY_API_BASE_URL', FLY_API_BASE],
        ['FLY_FLAPS_BASE_URL', FLY_MACHINES_BASE],
    ]) {
        const value = env[key] || dflt;
        let url;
        try {
            url = new URL(value);
        }
        catch {
            return { ok: false, reason: `${key} is not a URL` };
        }
        const loopback = LOOPBACK.has(url.hostname);
        if (url.protocol !== 'https:' && url.protocol !== 'http:')
            return { ok: false, reason: `${key} scheme ${url.protocol}` };
        if (url.protocol === 'http:' && !loopback)
            return { ok: false, reason: `${key}: plain http to a non-loopback host` };
        if (url.username || url.password)
            return { ok: false, reason: `${key} carries credentials` };
        // Go's ProxyFromEnvironment never proxies loopback; elsewhere flyctl would go through the proxy
        const proxy = (url.protocol === 'https:' ? ['HTTPS_PROXY', 'https_proxy'] : ['HTTP_PROXY', 'http_proxy']).some((k) => env[k]);
        if (proxy && !loopback)
            return { ok: false, reason: 'a proxy in the environment' };
        // Go reads its certificate roots from these; Node's bundled roots may differ
        const roots = ['SSL_CERT_FILE', 'SSL_CERT_DIR'].find((k) => env[k]);
        if (roots && url.protocol === 'https:')
            return { ok: false, reason: `${roots} is set (Go's certificate roots)` };
        urls.push(url);
    }
    // client.go: fmt.Sprintf("%s/graphql", baseURL); flaps: /v1/… resolved against the base (its path replaced)
    const graphql = new URL(`${(env.FLY_API_BASE_URL || FLY_API_BASE).replace(/[?#].*$/s, '')}/graphql`);
    const machines = new URL('/', urls[1]);
    return { ok: true, endpoint: { graphql, machines, graphqlAuth: auth.graphql, machinesAuth: auth.machines, scheme: auth.scheme } };
}
/** A request that did not finish within its time. */
class FlyApiTimeout extends Error {
}
/** An answer this client does not take as it is: flyctl is asked instead (`message` says why, in one line). */
class FlyApiUnexpected extends Error {
}
/** The app's GraphQL fields flyctl's status and ips list read (GetAppCompact, renderMachineJSONStatus, GetIPAddresses). */
const APP_QUERY = (ips) => 'query ($appName: String!) { app(name: $appName) { id name hostname deployed network status appUrl platformVersion ' +
    'organization { id slug } postgresAppRole: role { name } currentRelease: currentReleaseUnprocessed { version }' +
    (ips ? ' ipAddresses { nodes { id address type region } } sharedIpAddress' : '') +
    ' } }';
/** fly-go MachineConfig.ProcessGroup: `fly_process_group`, else the older `process_group` */
const processGroup = (m) => m.config?.metadata?.fly_process_group || m.config?.metadata?.process_group || '';
/**
 * The machines `flyctl status --json` prints: flaps ListActive (no release-command machine, no console
 * machine, nothing destroyed), then only Apps V2 machines unless it is a Postgres app, by ID descending.
 */
function statusMachines(all, postgres) {
    const v2 = (m) => m.config?.metadata?.fly_platform_version === 'v2';
    const active = (m) => m.state !== 'destroyed' && m.state !== 'destroying';
    return all
        .filter((m) => !(processGroup(m) === 'fly_app_release_command' || m.config?.metadata?.process_group === 'release_command') &&
        !(v2(m) && active(m) && processGroup(m) === 'fly_app_console') &&
        active(m))
        .filter((m) => postgres || v2(m))
        .sort((a, b) => (a.id > b.id ? -1 : a.id < b.id ? 1 : 0));
}
/** Fly's two APIs over node:http(s), one connection per request. */
class FlyApi {
    endpoint;
    constructor(endpoint) {
        this.endpoint = endpoint;
    }
    /** where the reads go, for the log: the two origins */
    get where() {
        return `${this.endpoint.graphql.origin}/graphql and ${this.endpoint.machines.origin}`;
    }
    async request(method, url, authorization, time, body) {
        // node:http(s) on first use only (ADR 0049): a run that never reads Fly does not load them
        const { request } = url.protocol === 'https:' ? await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 4708, 23)) : await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 7067, 23));
        const headers = {
            authorization,
            accept: 'application/json',
            'user-agent': 'sindri-deploy-action',
            ...(body !== undefined ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } : {}),
        };
        // one connection per request (agent: false): no idle keep-alive socket holds the run open
        return await (0,http_answer/* readAnswer */.J)((onResponse) => request(url, { method, headers, agent: false, signal: time.signal }, onResponse), time.timeoutMs, () => new FlyApiTimeout(`no answer within ${time.timeoutMs} ms`), body);
    }
    /** One GraphQL query: the app, or undefined for GraphQL's `Could not find App` (what flyctl tests for). */
    async app(app, ips, time) {
        const e = this.endpoint;
        const body = JSON.stringify({ query: APP_QUERY(ips), variables: { appName: app } });
        const a = await this.request('POST', e.graphql, e.graphqlAuth, time, body);
        if (a.status !== 200)
            throw unexpected('POST /graphql', a);
        const r = parse(a, 'POST /graphql');
        const errors = (r.errors ?? []).map((x) => String(x.message ?? ''));
        if (errors.some((m) => /Could not find App/i.test(m)))
            return undefined;
        if (errors.length || !r.data?.app)
            throw new FlyApiUnexpected(`GraphQL answered ${(0,src_text/* oneLine */.TN)(errors.join('; ') || 'no app').slice(0, 200)}`);
        return r.data.app;
    }
    /** A Machines API list: undefined for 404 (no such app, as flaps says `app not found`). */
    async list(app, what, time) {
        const e = this.endpoint;
        const path = `/v1/apps/${encodeURIComponent(app)}/${what}`;
        const a = await this.request('GET', new URL(path, e.machines), e.machinesAuth, time);
        if (a.status === 404)
            return undefined;
        if (a.status !== 200)
            throw unexpected(`GET ${path}`, a);
        return parse(a, `GET ${path}`);
    }
    /** `flyctl status --app <app> --json` as one round: the app and its machines side by side. */
    async status(app, timeoutMs) {
        return (await this.read(app, { ips: false, volumes: false, secrets: false }, timeoutMs)).status;
    }
    /**
     * The probe of a deploy in one round of parallel requests: the app with its addresses (GraphQL), its
     * machines, volumes and (`secrets`) secrets (the Machines API). No app: undefined status, empty lists.
     */
    async read(app, want, timeoutMs) {
        const none = Promise.resolve(undefined);
        // the first failure stops the others: no request (or its timer) outlives the read and holds the run open
        const stop = new AbortController();
        const time = { timeoutMs, signal: stop.signal };
        const guard = (p) => p.catch((e) => {
            stop.abort();
            throw e;
        });
        const [gql, machines, volumes, secrets] = await Promise.all([
            guard(this.app(app, want.ips, time)),
            guard(this.list(app, 'machines', time)),
            want.volumes ? guard(this.list(app, 'volumes', time)) : none,
            want.secrets ? guard(this.list(app, 'secrets', time)) : none,
        ]);
        if (!gql)
            return { volumes: [], ips: [], secrets: [] };
        if (!machines)
            throw new FlyApiUnexpected('the Machines API does not know the app GraphQL found');
        const postgres = gql.postgresAppRole?.name === 'postgres_cluster';
        const status = {
            Name: gql.name,
            Deployed: gql.deployed,
            Status: gql.status,
            Hostname: gql.hostname,
            Version: gql.currentRelease?.version ?? 0,
            Organization: { Slug: gql.organization?.slug ?? '' },
            Machines: statusMachines(machines, postgres),
        };
        const ips = (gql.ipAddresses?.nodes ?? []).map((n) => ({ Address: n.address, Type: n.type }));
        // fly-go GetIPAddresses: the shared IPv4 as one more address ("ugly hack")
        if (gql.sharedIpAddress)
            ips.push({ Address: gql.sharedIpAddress, Type: 'shared_v4' });
        return {
            status,
            volumes: (volumes ?? []).filter((v) => !DESTROYED_VOLUME.has(v.state)),
            ips,
            secrets: (secrets?.secrets ?? []).map((s) => ({ name: s.name, digest: s.digest ?? '' })),
        };
    }
}
function parse(a, what) {
    try {
        return JSON.parse(a.body);
    }
    catch {
        throw new FlyApiUnexpected(`${what} answered ${a.status} with something that is not JSON`);
    }
}
/** flaps handleAPIError's message (`{"error": …, "message": …}`), else the status */
function unexpected(what, a) {
    let message = '';
    try {
        const b = JSON.parse(a.body);
        message = String(b.message || b.error || '');
    }
    catch {
        message = a.body.split('\n')[0] ?? '';
    }
    return new FlyApiUnexpected(`${what} answered ${a.status}${message ? `: ${(0,src_text/* oneLine */.TN)(message).slice(0, 200)}` : ''}`);
}
/**
 * The reads of the fly provider: in-process where `resolveFlyApi` allows and Fly answers as expected,
 * else through flyctl exactly as before, with one log line saying why.
 */
class FlyReader {
    fly;
    deadline;
    log;
    env;
    chosen;
    constructor(fly, deadline, log, env = process.env) {
        this.fly = fly;
        this.deadline = deadline;
        this.log = log;
        this.env = env;
    }
    /** the API client, or why flyctl reads instead (resolved once, said once) */
    api() {
        if (!this.chosen) {
            const r = resolveFlyApi(this.env);
            this.chosen = r.ok ? { api: new FlyApi(r.endpoint) } : { reason: r.reason };
            if (!r.ok)
                this.log(`Fly reads through flyctl (${(0,src_text/* oneLine */.TN)(r.reason)}, which this action leaves to flyctl)`);
        }
        return 'api' in this.chosen ? this.chosen.api : undefined;
    }
    /** Whether the last read went in-process (the plan says where its answer came from). */
    inProcess = false;
    /**
     * One in-process read within `wantedMs`, capped by the run's deadline as exec caps a command; an
     * answer this client does not take, or a connection that fails, is undefined (flyctl reads instead).
     */
    async attempt(api, app, wantedMs, read) {
        const shown = `Fly API read of app ${app}`;
        const { timeoutMs, capped } = this.deadline.cap(wantedMs, `Fly's API could be asked about app ${app}`);
        const started = Date.now();
        try {
            const r = await read(timeoutMs);
            this.inProcess = true;
            return r;
        }
        catch (e) {
            if (e instanceof FlyApiTimeout) {
                if (capped)
                    throw this.deadline.stopped(shown, Date.now() - started);
                throw new errors/* ActionError */.lZ(`\`${shown}\` did not answer within ${Math.round(timeoutMs / 1000)} s and was stopped`, {
                    fix: `check that ${api.where} answer from this runner (https://status.flyio.net), or raise the input timeout`,
                });
            }
            const why = e instanceof FlyApiUnexpected ? e.message : `${api.where} could not be reached: ${e.message}`;
            this.log(`Fly's API read of app ${app} in-process failed (${(0,src_text/* oneLine */.TN)(why).slice(0, 300)}): reading through flyctl`);
            this.inProcess = false;
            return undefined;
        }
    }
    /** `flyctl status --app <app> --json`: undefined when the app does not exist. */
    async status(app, timeoutMs) {
        const api = this.api();
        if (api) {
            this.log(`reading app ${app} from ${api.where} in-process, ${api.endpoint.scheme} token (no flyctl process)`);
            const r = await this.attempt(api, app, timeoutMs, async (ms) => ({ status: await api.status(app, ms) }));
            if (r)
                return r.status;
        }
        this.inProcess = false;
        return await this.fly.status(app, timeoutMs);
    }
    /**
     * `probe`'s one round of requests alone: undefined when flyctl has to read (the reason said), so a
     * read made ahead of the install step never needs the flyctl it installs (ADR 0052).
     */
    async probeInProcess(app, secrets, statusMs) {
        const api = this.api();
        if (!api)
            return undefined;
        this.log(`reading app ${app}, its machines, volumes, addresses${secrets ? ' and secrets' : ''} from ${api.where} in-process, ${api.endpoint.scheme} token (no flyctl process)`);
        return await this.attempt(api, app, statusMs, (ms) => api.read(app, { ips: true, volumes: true, secrets }, ms));
    }
    /**
     * What a deploy's probe reads: the app and its machines, the volumes, the addresses and (`secrets`)
     * Fly's digests of the secrets; in-process one round, else `flyctl status` then the three lists
     * side by side, as before.
     */
    async probe(app, secrets, budgets) {
        const r = await this.probeInProcess(app, secrets, budgets.statusMs);
        if (r)
            return r;
        this.inProcess = false;
        const status = await this.fly.status(app, budgets.statusMs);
        if (!status)
            return { volumes: [], ips: [], secrets: [] };
        const [volumes, ips, listed] = await Promise.all([
            this.fly.volumesList(app, budgets.listMs()),
            this.fly.ipsList(app, budgets.listMs()),
            secrets ? this.fly.secretsList(app, budgets.listMs()) : [],
        ]);
        return { status, volumes, ips, secrets: listed };
    }
}

// EXTERNAL MODULE: ./src/runner.ts
var runner = __webpack_require__(4813);
// EXTERNAL MODULE: ./src/providers/kit/files.ts
var files = __webpack_require__(9018);
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
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
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
/** the generated copy when the user has a fly.toml of their own: theirs is the base, never written */
const MERGED_TOML = 'fly.sindri.toml';
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
/** true for a fly.toml this action wrote (its first line), so a user's own is never overwritten or removed */
function isOurToml(text) {
    return text.startsWith(files/* GENERATED_HEADER */.er);
}
/**
 * The file the action writes beside sindri.yaml, as kit/files.ts writes and removes it: fly.toml, or
 * fly.sindri.toml when a fly.toml of the user's is its base (ADR 0039). `file` is its path from the
 * working directory; every folder below the working directory is checked for links.
 */
function flyTomlFile(workdir, configDir, name = FLY_TOML) {
    const path = (0,external_node_path_.join)(configDir, name);
    const file = (0,external_node_path_.relative)(workdir, path) || name;
    return {
        path,
        file,
        isOurs: isOurToml,
        ...(file.startsWith('..') || (0,external_node_path_.isAbsolute)(file) ? {} : { root: workdir }),
        foreign: {
            what: `${file} exists and was not generated by this action`,
            fix: `the action writes ${name} itself (from sindri.yaml${name === MERGED_TOML ? ', over your fly.toml' : ''}): move yours away or rename it`,
        },
    };
}
/** A user's fly.toml as data; a file TOML cannot read fails at its line. */
function parseBaseToml(file, text) {
    try {
        return { file, doc: (0,dist/* parse */.qg)(text) };
    }
    catch (e) {
        const where = e instanceof dist/* TomlError */.zx ? { file, line: e.line, column: e.column } : { file };
        throw new errors/* ActionError */.lZ(`${file} is not valid TOML: ${e.message.split('\n')[0]}`, {
            where,
            fix: `fix ${file} (flyctl would refuse it too), or move it away to let the action write its own`,
        });
    }
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
        deploy: { strategy: settings.strategy },
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
    if (!input.base) {
        const header = `${files/* GENERATED_HEADER */.er} from ${config.file}: edit ${config.file}, not this file\n`;
        return { ...withMetadata(header, doc, input.metadata, undefined, notes), notes };
    }
    const merged = mergeToml(input.base.doc, doc, input.secretNames);
    notes.push(...merged.notes);
    const header = `${files/* GENERATED_HEADER */.er} from ${config.file} over ${input.base.file}: edit those, not this file\n`;
    return {
        ...withMetadata(header, merged.doc, input.metadata, input.base.file, notes),
        notes,
        merge: { set: merged.set, kept: merged.kept },
    };
}
const sha256 = (text) => (0,external_node_crypto_.createHash)('sha256').update(text).digest('hex');
/**
 * The file's text with the trace metadata in `machine_config` (flyctl appconfig: a JSON machine
 * config, or a path to one, merged into each machine's config by `flyctl deploy`; `[experimental]
 * machine_config` wins over the top-level key), and the hash of the text without it. A user's own
 * inline machine_config keeps its keys and gains ours under `metadata`; one that names a file is not
 * touched, and the machines carry no trace (said in the plan).
 */
function withMetadata(header, doc, metadata, baseFile, notes) {
    const hash = sha256(`${header}${(0,dist/* stringify */.As)(doc)}\n`);
    if (!metadata || Object.keys(metadata).length === 0)
        return { doc, text: `${header}${(0,dist/* stringify */.As)(doc)}\n`, hash };
    const experimental = isTable(doc.experimental) ? doc.experimental : undefined;
    const inExperimental = typeof experimental?.machine_config === 'string' && experimental.machine_config !== '';
    const theirs = inExperimental ? experimental.machine_config : doc.machine_config;
    let config = {};
    if (typeof theirs === 'string' && theirs !== '') {
        const parsed = theirs.startsWith('{') ? parseJsonObject(theirs) : undefined;
        if (!parsed) {
            const untraced = `${baseFile ?? 'fly.toml'} sets machine_config to ${theirs.startsWith('{') ? 'JSON that is not an object' : 'a file'}, which the action leaves alone (ADR 0042)`;
            return { doc, text: `${header}${(0,dist/* stringify */.As)(doc)}\n`, hash, untraced };
        }
        config = parsed;
        notes.push(`the trace metadata is added to the metadata of your machine_config in ${baseFile ?? 'fly.toml'} (its other keys kept)`);
    }
    const before = isTable(config.metadata) ? config.metadata : {};
    const value = JSON.stringify({ ...config, metadata: { ...before, ...metadata } });
    const out = structuredClone(doc);
    if (inExperimental)
        out.experimental.machine_config = value;
    else
        out.machine_config = value;
    return { doc: out, text: `${header}${(0,dist/* stringify */.As)(out)}\n`, hash, metadata: { ...metadata } };
}
function parseJsonObject(text) {
    try {
        const v = JSON.parse(text);
        return isTable(v) ? v : undefined;
    }
    catch {
        return undefined;
    }
}
const isTable = (v) => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
/**
 * Ours over theirs, key by key (ADR 0039): `app`, `primary_region`, `swap_size_mb`, `[[vm]]` and
 * `[[mounts]]` (one mount per machine: the home volume) are replaced; `[deploy] strategy` and each
 * `[env]` key of ours are set inside their tables (their other keys stay); a `[[services]]` entry on
 * sshd's port is replaced by ours, their other services stay; every other key of theirs is kept as
 * written. A secret's name is removed from `[env]`, theirs included.
 */
function mergeToml(theirs, ours, secretNames) {
    const doc = structuredClone(theirs);
    const set = [];
    const notes = [];
    const had = (key) => key in theirs;
    for (const key of ['app', 'primary_region', 'swap_size_mb', 'vm', 'mounts']) {
        if (had(key) && JSON.stringify(theirs[key]) !== JSON.stringify(ours[key]))
            set.push(key);
        doc[key] = ours[key];
    }
    const deploy = isTable(theirs.deploy) ? { ...theirs.deploy } : {};
    if (deploy.strategy !== undefined && deploy.strategy !== ours.deploy.strategy)
        set.push('deploy.strategy');
    doc.deploy = { ...deploy, ...ours.deploy };
    const env = isTable(theirs.env) ? { ...theirs.env } : {};
    for (const [k, v] of Object.entries(ours.env)) {
        if (k in env && env[k] !== v)
            set.push(`env.${k}`);
        env[k] = v;
    }
    for (const name of secretNames)
        if (name in env) {
            delete env[name];
            notes.push(`[env] ${name} left out of the merged copy: it is a secret, set with flyctl secrets import`);
        }
    doc.env = env;
    const ssh = ours.services[0];
    const services = Array.isArray(theirs.services) ? theirs.services : [];
    const others = services.filter((x) => !(isTable(x) && x.internal_port === ssh.internal_port));
    if (others.length < services.length)
        set.push(`services (internal_port ${ssh.internal_port})`);
    doc.services = [...others, ssh];
    const ourKeys = new Set(['app', 'primary_region', 'swap_size_mb', 'vm', 'mounts', 'env', 'services']);
    const kept = Object.keys(theirs).filter((k) => !ourKeys.has(k) && !(k === 'deploy' && Object.keys(deploy).every((d) => d === 'strategy')));
    if (others.length > 0)
        kept.push(`services (${others.length} of yours)`);
    if (Object.keys(env).some((k) => !(k in ours.env)))
        kept.push('env (your other keys)');
    return { doc, set, kept, notes };
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

// EXTERNAL MODULE: ./src/inputs.ts
var inputs = __webpack_require__(8422);
// EXTERNAL MODULE: ./src/trace.ts + 1 modules
var trace = __webpack_require__(9033);
// EXTERNAL MODULE: ./src/naming.ts
var naming = __webpack_require__(8499);
// EXTERNAL MODULE: ./src/providers/kit/settings.ts
var settings = __webpack_require__(272);
;// CONCATENATED MODULE: ./src/providers/fly/settings.ts


const FLY_STRATEGIES = ['rolling', 'immediate', 'canary', 'bluegreen'];
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
        strategy: strategyOf(s),
    };
}
/**
 * `providers.fly.strategy`: flyctl's own four. `canary` is refused here: flyctl refuses it for an app
 * with a mounted volume (appconfig validation: "canary deployment strategy is not supported when using
 * mounted volumes"), and the home volume is always mounted.
 */
function strategyOf(s) {
    const strategy = s.oneOf('strategy', FLY_STRATEGIES, 'rolling');
    if (strategy === 'canary')
        throw s.fail('strategy', 'strategy canary is not possible here: flyctl refuses canary for an app with a mounted volume, and the Sindri home volume is always mounted', 'use rolling (the default: one machine at a time), immediate (all at once, no waiting on checks) or bluegreen (with a health check)');
    return strategy;
}
/** The app: `providers.fly.name` else `name`, plus `-<name-suffix>`; a Fly app name is one DNS label (`<app>.fly.dev`). */
function flyAppName(settings, suffix) {
    return (0,naming/* resourceName */.Iy)(settings.baseName, suffix);
}

;// CONCATENATED MODULE: ./src/providers/fly/previews.ts




/** the process group of the short-lived machine that runs fly.toml's release command (not the app's own machines) */
const RELEASE_COMMAND_GROUP = 'fly_app_release_command';
/** Each `flyctl … list` call may take this long. */
const LIST_MS = 60_000;
/**
 * The valid name-suffix `s` for which `flyAppName(baseName, s)` is `app`, or undefined (the live app,
 * another config's app, a name the action never gives). Pure.
 */
function suffixOfApp(baseName, app) {
    for (let dash = app.indexOf('-'); dash !== -1; dash = app.indexOf('-', dash + 1)) {
        const suffix = app.slice(dash + 1);
        if (inputs/* NAME_SUFFIX_RE */.yf.test(suffix) && flyAppName({ baseName }, suffix) === app)
            return suffix;
    }
    return undefined;
}
/**
 * Which listed apps may be previews of this config (pure): those of `organization` whose name is the
 * action's name for a valid suffix. `otherOrganization` counts the apps that came back from another
 * organization: never candidates, whatever their names.
 */
function previewCandidates(apps, baseName, organization) {
    const candidates = [];
    let otherOrganization = 0;
    for (const app of apps) {
        if (app.Organization?.Slug !== organization) {
            otherOrganization++;
            continue;
        }
        const suffix = typeof app.Name === 'string' ? suffixOfApp(baseName, app.Name) : undefined;
        if (suffix !== undefined && !candidates.some((c) => c.app === app.Name))
            candidates.push({ app: app.Name, suffix });
    }
    return { candidates, otherOrganization };
}
/**
 * Why the machines do not mark the app as the preview `suffix` of config `name` deployed for
 * `repository`, or '' when they do (pure). Every machine must carry all three marks (a release
 * command's machine aside); an app without machines has nothing to prove it ours.
 */
function marksMismatch(machines, marks) {
    const own = machines.filter((m) => m.config?.metadata?.fly_process_group !== RELEASE_COMMAND_GROUP);
    if (own.length === 0)
        return 'it has no machines, so nothing marks it as a preview of this config';
    for (const m of own) {
        const meta = m.config?.metadata ?? {};
        const differs = (key) => `machine ${JSON.stringify(m.id)} has ${meta[key] === undefined ? `no ${key}` : `${key}=${JSON.stringify(meta[key])}`}`;
        if (meta[(0,trace/* traceMetaKey */.M8)('name')] !== marks.name)
            return differs((0,trace/* traceMetaKey */.M8)('name'));
        if (meta[(0,trace/* traceMetaKey */.M8)('name-suffix')] !== marks.suffix)
            return differs((0,trace/* traceMetaKey */.M8)('name-suffix'));
        if ((meta[(0,trace/* traceMetaKey */.M8)('repository')] ?? '').toLowerCase() !== marks.repository.toLowerCase())
            return differs((0,trace/* traceMetaKey */.M8)('repository'));
    }
    return '';
}
/**
 * The previews of this config on Fly for `repository`: the organization's apps named as previews,
 * kept when their machines carry the marks (labels first, the name as a cross-check). Read-only.
 */
async function listFlyPreviews(ctx, fly, repository) {
    const settings = flySettings(ctx.config);
    const { organization, baseName } = settings;
    const apps = await fly.appsList(organization, ctx.deadline.budget(`flyctl apps list could list the apps of ${organization}`, LIST_MS));
    const { candidates, otherOrganization } = previewCandidates(apps, baseName, organization);
    if (otherOrganization > 0)
        (0,runner/* warning */.$e)(`flyctl apps list --org ${organization} also named ${otherOrganization} app(s) of another organization: they are left out (a personal organization is named personal in providers.fly.organization, the slug Fly reports for it)`);
    const previews = [];
    for (const { app, suffix } of candidates) {
        const machines = await fly.machineList(app, ctx.deadline.budget(`flyctl machine list could list the machines of ${app}`, LIST_MS));
        if (!machines) {
            (0,runner/* info */.pq)(`app ${app} is gone since the apps were listed (another job destroyed it): nothing to sweep there`);
            continue;
        }
        const why = marksMismatch(machines, { name: ctx.config.name, suffix, repository });
        if (why)
            (0,runner/* info */.pq)(`app ${app} is named like preview ${suffix} of ${baseName} but is not listed: ${why}`);
        else {
            const environment = machines.map((m) => m.config?.metadata?.[(0,trace/* traceMetaKey */.M8)('environment')]).find((e) => e !== undefined);
            previews.push({ suffix, deployedName: app, environment });
        }
    }
    return previews;
}

// EXTERNAL MODULE: ./src/deadline.ts
var deadline = __webpack_require__(6683);
;// CONCATENATED MODULE: ./src/providers/fly/live.ts
/**
 * The fly plan's live diff (docs/behaviour.md#plan-mode, ADR 0042): what the app's machines run now
 * against what a deploy would release, read-only with what `flyctl status --app <app> --json` shows
 * (in-process from Fly's API, else ONE flyctl process: ADR 0051): the app and its machines, each with
 * its image_ref, config.image and config.env, as fly-go machine_types.go. `compareApp` is pure and makes the decision `apply` makes to skip (runsAlready:
 * the digest, the fly.toml hash, the secrets' fingerprints, settled machines, a build, `force`);
 * `readApp` turns a read that fails into a reason, so the plan goes on without the comparison.
 */



/** a plan waits this long for `flyctl status` at most (a deploy waits 120 s) */
const LIVE_READ_MS = 30_000;
/** machine states of a settled release (fly-go machine_types.go), as `runsAlready` counts them */
const SETTLED = new Set(['started', 'stopped', 'suspended']);
/**
 * The app as `flyctl status` shows it (undefined: it does not exist), or why it could not be read;
 * `fly` is flyctl or the FlyReader (Fly's API in-process, ADR 0051).
 */
async function readApp(fly, app, timeoutMs) {
    try {
        return { status: await fly.status(app, timeoutMs) };
    }
    catch (e) {
        if ((0,deadline/* isDeadlineExceeded */.A)(e))
            throw e;
        const message = e instanceof Error ? e.message : String(e);
        return { reason: message.split('\n').find((l) => l.trim() !== '') ?? message };
    }
}
/** The machines of the app's release: the release command's one-off machine is not part of it. */
function appMachines(status) {
    return (status?.Machines ?? []).filter((m) => m.config?.metadata?.fly_process_group !== 'fly_app_release_command');
}
/** What a machine runs, pinned when Fly says so: `registry/repository@sha256:…`, else its config.image. */
function machineImage(m) {
    const r = m.image_ref;
    if (r?.digest && r.repository)
        return `${r.registry ? `${r.registry}/` : ''}${r.repository}@${r.digest}`;
    return m.config?.image ?? '';
}
/** What a deploy would do to the app, from what `flyctl status` showed. */
function compareApp(input) {
    const resource = `app ${input.app}`;
    if (!input.status)
        return { action: 'create', resource, note: `a deploy creates it, volume ${HOME_VOLUME} and its machine` };
    const machines = appMachines(input.status);
    if (machines.length === 0)
        return { action: 'update', resource, note: 'no machine runs: a deploy creates one' };
    const runs = (m) => input.digest
        ? m.image_ref?.digest === input.digest || (m.config?.image ?? '').endsWith(`@${input.digest}`)
        : m.config?.image === input.deployRef;
    const sameImage = input.build ? undefined : machines.every(runs);
    const settings = [];
    if (machines.some((m) => m.config?.env?.[TOML_HASH_ENV] !== input.tomlHash))
        settings.push('fly.toml');
    if (input.secretHmacs && secretsMoved(input.status, machines, input.secretHmacs))
        settings.push('secrets');
    const why = [];
    for (const m of machines)
        if (!SETTLED.has(m.state))
            why.push(`machine ${m.id} is ${m.state}`);
    if (input.force)
        why.push('force: true releases it again');
    const from = machineImage(machines.find((m) => !runs(m)) ?? machines[0]);
    if (sameImage === undefined)
        return {
            action: 'update',
            resource,
            ...(settings.length ? { settings } : {}),
            note: [
                ...why,
                `Fly's remote builder builds ${input.dockerfile ?? 'the Dockerfile'}: a build always releases (runs ${from} now)`,
            ].join('; '),
        };
    const change = { action: sameImage && settings.length === 0 && why.length === 0 ? 'unchanged' : 'update', resource };
    if (!sameImage)
        change.image = { from: from || 'no image', to: input.deployRef };
    if (settings.length)
        change.settings = settings;
    if (why.length)
        change.note = why.join('; ');
    if (change.action === 'unchanged')
        change.note = `runs ${from} on ${machines.length} machine${machines.length === 1 ? '' : 's'}`;
    return change;
}
/**
 * A secret's value moved since the action last staged it: the HMAC the machines recorded differs, or
 * the set of names does. (Fly's digests, which a deploy also compares, need `flyctl secrets list`:
 * a second process the plan does not start; ADR 0042.)
 */
function secretsMoved(status, machines, hmacs) {
    if (machines.some((m) => m.config?.env?.[SECRET_FINGERPRINTS_ENV] === undefined))
        return true;
    const before = previousFingerprints(status);
    if (before.size !== hmacs.size)
        return true;
    return [...hmacs].some(([name, hmac]) => before.get(name)?.hmac !== hmac);
}

// EXTERNAL MODULE: ./src/providers/kit/build.ts
var build = __webpack_require__(2693);
// EXTERNAL MODULE: ./src/image/registry-fly.ts
var registry_fly = __webpack_require__(9054);
;// CONCATENATED MODULE: ./src/providers/fly/steps.ts
/**
 * What provider fly does, decided without side effects, for plan and deploy alike: the target (the
 * app, its settings and the fly.toml rendered for it), then from what Fly has (the facts) the set-up
 * commands, the release and the read-back, each with its argv (built by `flyctlArgv`, so the plan
 * prints exactly what deploy runs). A fact that is not known (plan) makes a command conditional.
 */










/** The copy a prebuilt image needs: only a pinned private one (a public image is pulled from where it is; a build is Fly's own). */
function flyCopy(image, app, registry) {
    if (image.build || !image.access?.private || !image.digest)
        return undefined;
    return {
        from: image.deployRef,
        registry,
        repository: app,
        reference: `${registry}/${app}@${image.digest}`,
        credentials: image.access.credentials ?? 'credentials',
    };
}
/** The plan's line for a copy: what is copied where, with which credentials, and why. */
function copyNote(c) {
    return `${c.from} is private (opened with ${c.credentials}) and Fly pulls only from its own registry or public ones: deploy first copies it byte for byte to ${c.registry}/${c.repository} (user x, the Fly token; only the blobs it lacks) and releases ${c.reference}, the same digest`;
}
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
/**
 * The user's own fly.toml beside sindri.yaml (one this action wrote is not theirs), parsed; undefined
 * when there is none. A link is refused, not followed: the merged copy is printed by plan, so a link
 * from a pull request to a file elsewhere on the runner would put that file in the log.
 */
function baseToml(ctx) {
    const path = (0,external_node_path_.join)(ctx.config.dir, FLY_TOML);
    const file = (0,external_node_path_.relative)(ctx.workdir, path) || FLY_TOML;
    const text = (0,files/* readUsersFile */.tU)(path, file, (target) => new errors/* ActionError */.lZ(`${file} is a symbolic link (to ${target}); a fly.toml of yours is read only as a plain file`, {
        where: { file },
        fix: `commit the file itself in place of the link (git rm ${file}, then add the real file), or remove it`,
    }));
    return text === undefined || isOurToml(text) ? undefined : parseBaseToml(file, text);
}
/**
 * bluegreen starts new machines and moves traffic once they pass their checks: the action asks for
 * a health check of its own (health-command, or a whole health-url) besides the TCP check on sshd, so
 * "healthy" means the image works, not only that sshd listens.
 */
function refuseBluegreenWithoutCheck(ctx, settings) {
    if (settings.strategy !== 'bluegreen' || ctx.inputs['health-command'] || /^https?:\/\//.test(ctx.inputs['health-url']))
        return;
    throw new errors/* ActionError */.lZ('providers.fly.strategy bluegreen needs a health check, and none is given', {
        where: { file: ctx.config.file, field: 'providers.fly.strategy' },
        fix: 'set the input health-command (run inside the machine) or a whole health-url (https://…), or use strategy rolling',
    });
}
/** What the release strategy does (said in the plan; providers.fly.strategy). */
function strategyNote(strategy) {
    switch (strategy) {
        case 'immediate':
            return "strategy immediate (providers.fly.strategy): every machine is replaced at once and flyctl does not wait for its checks; a failed release is NOT kept back by Fly: the action's health check and rollback are what catch it";
        case 'bluegreen':
            return "strategy bluegreen (providers.fly.strategy): new machines start beside the old ones and take the traffic once they pass their checks; the old ones are then destroyed. The new machine needs the app's home volume, which the running machine holds: on the real platform Fly may refuse to start it (blue-green with a volume was not tried on Fly itself; docs/providers/fly.md#rollout-strategy)";
        default:
            return "strategy rolling (providers.fly.strategy, the default): one machine at a time, each waited for on its checks; a failed release keeps the previous release's machines";
    }
}
/** Which keys of the user's fly.toml ours replaced, and which were kept (the plan says it). */
function mergeNote(base, copy, merge) {
    return `${base} (yours) is the base of ${copy}, which flyctl is given; yours is not changed. Set over yours: ${merge.set.length ? merge.set.join(', ') : 'nothing of yours differed'} (always ours: app, primary_region, swap_size_mb, [[vm]], [[mounts]], [deploy] strategy, our [env] keys, the [[services]] entry on sshd's port); kept from yours: ${merge.kept.length ? merge.kept.join(', ') : 'nothing else was written'}`;
}
/**
 * The app and its fly.toml for a context: bad settings and documents fail here, before any flyctl
 * call. With the image, also the copy a private one needs (FLY_REGISTRY_HOST read from `env`).
 */
function flyTarget(ctx, secretNames, env = process.env) {
    const settings = flySettings(ctx.config);
    refuseBluegreenWithoutCheck(ctx, settings);
    const app = flyAppName(settings, ctx.inputs['name-suffix']);
    const base = baseToml(ctx);
    // the run's trace and the preview marks on every machine (sindri_run_url, sindri_name, …): `mode: sweep` finds previews by them
    const metadata = (0,trace/* traceMetadata */.hF)(ctx.trace, (0,trace/* previewMarks */.R9)(ctx.config.name, ctx.inputs['name-suffix']), trace/* traceMetaKey */.M8);
    const toml = renderFlyToml({ config: ctx.config, settings, app, secretNames, base, metadata });
    const copy = ctx.image?.access?.private ? flyCopy(ctx.image, app, (0,registry_fly.flyRegistryHost)(env)) : undefined;
    return {
        settings,
        app,
        secretNames: [...secretNames],
        toml,
        tomlPath: flyTomlFile(ctx.workdir, ctx.config.dir, base ? MERGED_TOML : FLY_TOML).file,
        ...(base ? { basePath: base.file } : {}),
        url: `ssh://${SSH_USER}@${app}.fly.dev:${settings.sshPort}`,
        connect: connectHint(app),
        ...(copy && { copy }),
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
    const common = { app: target.app, waitTimeoutSeconds: at.waitSeconds, highAvailability: false, strategy: target.settings.strategy, env };
    const tomlAbs = (0,external_node_path_.resolve)(workdir, target.tomlPath);
    // a prebuilt image (its copy in Fly's registry when private), or the previous release's digest (a rollback)
    if (at.image || !image.build)
        return {
            cwd: config.dir,
            deploy: { ...common, config: (0,external_node_path_.basename)(tomlAbs), image: at.image ?? target.copy?.reference ?? image.deployRef },
        };
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
    if (target.copy)
        notes.push(copyNote(target.copy));
    const release = flyRelease(ctx, target, facts);
    commands.push({
        argv: ['flyctl', ...flyctlArgv.deploy(release.deploy)],
        cwd: (0,external_node_path_.relative)(workdir, release.cwd) || undefined,
        why: image.build
            ? `remote build of ${image.dockerfile} by Fly's builder${inputs.force ? ' without cache (force)' : ''}, then a ${settings.strategy} release`
            : target.copy
                ? `a ${settings.strategy} release of ${target.copy.reference}, copied from ${target.copy.from}: no build, no builder`
                : `a ${settings.strategy} release of ${image.deployRef}: no build, no builder`,
        mutates: true,
    });
    if (image.build)
        probe(flyctlArgv.imageShow(app), 'the image Fly built: image and image-digest');
    if (image.build)
        notes.push(...(0,build/* unusedBuildKitInputs */.YG)(inputs, 'Fly’s remote builder builds the image, with its own cache'));
    if (settings.highAvailability)
        notes.push(HA_NOTE);
    notes.push(strategyNote(settings.strategy));
    if (target.basePath && target.toml.merge)
        notes.push(mergeNote(target.basePath, target.tomlPath, target.toml.merge));
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
 * 8) is built by Fly's remote builder. Fly's rolling strategy (the default; providers.fly.strategy)
 * keeps the previous release's machines when a release fails. A fly.toml of the user's is the base
 * of the generated fly.sindri.toml (ADR 0039).
 */

















/** machine states of a settled release (fly-go machine_types.go); auto-stop leaves machines stopped or suspended */
const provider_SETTLED = new Set(['started', 'stopped', 'suspended']);
/** flyctl's own wait for the machines ends this long before the run's: flyctl then names the machine that failed and exits by itself */
const FLYCTL_REPORT_MS = 15_000;
/** The token from the environment, masked; undefined when none is set. */
function flyToken(env = process.env) {
    const name = (0,fly_token/* flyTokenEnv */.Cd)(env);
    if (!name)
        return undefined;
    const value = env[name].trim();
    (0,runner/* setSecret */.Pq)(value);
    return { name, value };
}
/** The token from the environment, masked; missing → one line before any flyctl call. */
function requireFlyToken(env = process.env) {
    const token = flyToken(env);
    if (token)
        return token;
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
    return machines.every((m) => provider_SETTLED.has(m.state) &&
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
/** The file this run writes: fly.toml, or fly.sindri.toml over a fly.toml of the user's. */
function tomlFileOf(ctx, target) {
    return flyTomlFile(ctx.workdir, ctx.config.dir, target.basePath ? MERGED_TOML : FLY_TOML);
}
/** What a failed `flyctl deploy` left running, by strategy. */
function keptAfterFailure(strategy, deployedBefore) {
    if (!deployedBefore)
        return 'there was no previous release, so nothing runs';
    if (strategy === 'immediate')
        return `the immediate strategy replaces every machine at once, so they may run the failed release (flyctl status shows which)`;
    return `Fly's ${strategy} strategy kept the machines of the previous release running`;
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
/** The reads of a deploy or a plan: Fly's API in-process where it applies, else this flyctl (ADR 0051). */
const readerOf = (ctx, fly) => new FlyReader(fly, ctx.exec.deadline, runner/* info */.pq);
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
        const target = flyTarget(ctx, [...secrets.values.keys()]);
        // what the live read found decides whether `apps create` is listed (the rest stays conditional)
        const { appExists, ...live } = await this.liveDiff(ctx, target, secrets.values);
        const steps = flySteps(ctx, target, { waitSeconds: planWait(ctx), appExists });
        const { app, url, connect } = steps.target;
        const notes = [...steps.notes, ...secrets.notices.map((n) => n.message)];
        if (secrets.missingRequired.length > 0)
            notes.push(`required secrets not set: ${secrets.missingRequired.join(', ')} (deploy fails before any flyctl call)`);
        notes.push(ctx.image.build
            ? `Fly's remote builder builds ${ctx.image.dockerfile}; the image it pushes to registry.fly.io/${app} is read back after the release`
            : `no image is built: ${ctx.image.digest ? 'the pinned digest' : 'the image as written'} is deployed with --image`);
        notes.push(`url: ${url}; connect: ${connect}; deploy needs FLY_API_TOKEN (or FLY_ACCESS_TOKEN)`);
        if (Object.keys(steps.target.toml.metadata ?? {}).length)
            notes.push(`the trace and preview marks go onto every machine's metadata through machine_config in ${steps.target.tomlPath} (outside the fly.toml hash: a new run of the same thing is not a change)`);
        return { files: steps.files, commands: steps.commands, notes, url, untraced: steps.target.toml.untraced, ...live };
    }
    /**
     * The live diff of a plan (ADR 0042): with a token, ONE read-only read of what `flyctl status --app
     * <app> --json` shows (Fly's API in-process, else that flyctl: ADR 0051) and the decision apply
     * makes to skip; without a token, or when the read fails, the reason. The plan goes on either way.
     */
    async liveDiff(ctx, target, values) {
        const { app } = target;
        const unknown = (reason) => (0,changes/* notRead */.Qk)([`app ${app}`], reason);
        const token = flyToken();
        if (!token)
            return unknown('FLY_API_TOKEN (or FLY_ACCESS_TOKEN) is not set, so the plan does not ask Fly');
        const { fly, configDir } = flyctlIn(ctx);
        const reader = readerOf(ctx, fly);
        try {
            const read = await readApp(reader, app, ctx.deadline.budget(`Fly's API or flyctl status could read app ${app}`, LIVE_READ_MS));
            if ('reason' in read)
                return unknown(read.reason);
            const change = compareApp({
                app,
                status: read.status,
                deployRef: target.copy?.reference ?? ctx.image.deployRef,
                digest: ctx.image.digest,
                build: ctx.image.build,
                dockerfile: ctx.image.dockerfile,
                tomlHash: target.toml.hash,
                secretHmacs: values.size ? new Map([...values].map(([n, v]) => [n, secretFingerprint(token.value, n, v)])) : undefined,
                force: ctx.inputs.force,
            });
            const machines = appMachines(read.status).length;
            const what = read.status ? `${machines} machine${machines === 1 ? '' : 's'}` : 'no such app';
            return {
                changes: [change],
                live: { known: true, reason: `${reader.inProcess ? `Fly's API in-process, app ${app}` : `flyctl status --app ${app}`}: ${what}` },
                appExists: read.status !== undefined,
            };
        }
        finally {
            ctx.temps.remove(configDir);
        }
    }
    /**
     * The probe's one round of requests to Fly's API, after the same local checks as a deploy: what
     * `apply` reads first. Ahead of the install step only when that read is in-process; one that fails
     * there is read again by the deploy in its turn (through flyctl if need be), so it never needs the
     * flyctl the install step provides (ADR 0052).
     */
    async readLive(ctx) {
        const { secrets, target } = this.checked(ctx, true);
        const reader = readerOf(ctx, new Flyctl(ctx.exec, ctx.workdir));
        const read = await reader.probeInProcess(target.app, secrets.values.size > 0, this.statusBudget(ctx, target.app));
        return { found: read && this.found(read) };
    }
    canReadLiveAhead() {
        return resolveFlyApi(process.env).ok;
    }
    async apply(ctx, prepared) {
        const ahead = prepared;
        // the checks' warnings were said by the read ahead, in this same group
        const run = this.local(ctx, ahead === undefined);
        try {
            return await this.deployRun(run, ahead?.found);
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
    async deployRun(run, ahead) {
        const { ctx } = run;
        const found = ahead ?? (await this.probe(run));
        const facts = this.facts(run, found);
        const steps = flySteps(ctx, run.target, facts);
        if (steps.target.toml.untraced)
            (0,runner/* warning */.$e)(`the machines carry no trace metadata: ${steps.target.toml.untraced}`);
        this.writeToml(run);
        const previous = runningImage(found.status);
        if (this.runsAlready(run, found, facts))
            return await this.verify(run, this.skip(run), previous);
        const digests = await this.prepare(run, steps, found.digests);
        await this.copyImage(run);
        await this.release(run, found, digests, previous);
        return await this.verify(run, await this.readBack(run), previous, digests);
    }
    /** Everything that can fail before Fly is asked anything, and flyctl with a config folder of this run's own. */
    local(ctx, warn) {
        const checked = this.checked(ctx, warn);
        const local = flyctlIn(ctx);
        return { ctx, ...local, reader: readerOf(ctx, local.fly), agentStarted: { value: false }, ...checked };
    }
    /** Everything that can fail before Fly is asked anything: the token, the secrets, the settings and fly.toml. */
    checked(ctx, warn) {
        const token = requireFlyToken().value;
        const secrets = (0,kit_secrets.requireSecrets)(ctx.config);
        if (warn)
            (0,notices/* warnNotices */.o)(ctx.config, secrets.notices);
        const target = flyTarget(ctx, [...secrets.values.keys()]);
        encodeSecretsImport(secrets.values, ctx.config.file); // refuses a value flyctl cannot parse back, before anything starts
        (0,files/* checkGenerated */.SC)(tomlFileOf(ctx, target));
        if (ctx.inputs['health-url'].startsWith('/'))
            throw new errors/* ActionError */.lZ(`health-url ${ctx.inputs['health-url']} is a path, but a Fly app of this action serves only SSH (raw TCP on port ${target.settings.sshPort}): there is no HTTP service to join it to`, {
                where: { field: 'input health-url' },
                fix: 'give a whole URL the app answers at (https://…), or use health-command, which runs inside the machine through flyctl ssh console',
            });
        if (warn && target.settings.highAvailability)
            (0,runner/* warning */.$e)(HA_NOTE);
        return { token, secrets, target };
    }
    /**
     * What Fly has: the app and its machines, the home volume, the app's addresses and Fly's digests of
     * the secrets. In-process one round of parallel requests to Fly's API; else `flyctl status`, then the
     * three lists side by side (FlyReader, ADR 0051).
     */
    async probe(run) {
        const { ctx, reader, target } = run;
        const { app } = target;
        const read = await reader.probe(app, run.secrets.values.size > 0, {
            statusMs: this.statusBudget(ctx, app),
            listMs: () => ctx.deadline.budget(`flyctl volumes list, ips list and secrets list could read app ${app}`, 60_000),
        });
        return this.found(read);
    }
    statusBudget(ctx, app) {
        return ctx.deadline.budget(`Fly's API or flyctl status could ask Fly about app ${app}`, 120_000);
    }
    /** What was read, as the steps need it. */
    found(read) {
        if (!read.status)
            return { volumePresent: false, digests: new Map(), v6Present: false, dedicatedV4Present: false };
        return {
            status: read.status,
            volumePresent: read.volumes.some((v) => v.name === HOME_VOLUME && !/destroy/.test(v.state)),
            digests: new Map(read.secrets.map((s) => [s.name, s.digest])),
            v6Present: read.ips.some((ip) => ip.Type === 'v6'),
            dedicatedV4Present: read.ips.some((ip) => ip.Type === 'v4'),
        };
    }
    /**
     * Fly's digest of each secret of the app, after `secrets import`: through flyctl, which asks for the
     * secrets' version it just wrote (internal/appsecrets minvers).
     */
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
        const image = target.copy?.reference ?? ctx.image.deployRef;
        (0,runner/* info */.pq)(`${target.app} already runs ${image} with this fly.toml: nothing to do (force: true redeploys)`);
        return this.result(target, { skipped: true, built: false, image, digest: ctx.image.digest });
    }
    writeToml({ ctx, target }) {
        (0,files/* writeGenerated */.nF)({ ...tomlFileOf(ctx, target), content: target.toml.text });
        const over = target.basePath ? ` over ${target.basePath} (yours, unchanged)` : '';
        (0,runner/* info */.pq)(`${target.tomlPath} written${over} (sha256 ${target.toml.hash.slice(0, 12)})`);
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
     * A private image is copied to the app's repository in Fly's registry, byte for byte (after `apps
     * create`: the repository is the app's). The source is read with the run's credentials, the target
     * written as flyctl does (user x, the Fly token). The digest does not change, so what was verified
     * is what Fly pulls; a second deploy finds everything there and sends nothing.
     */
    async copyImage(run) {
        const { ctx } = run;
        const plan = run.target.copy;
        if (!plan)
            return;
        const [{ copyImage }, { credentialChain }, { flyRegistryCredential }] = await Promise.all([
            Promise.all(/* import() */[__webpack_require__.e(502), __webpack_require__.e(392)]).then(__webpack_require__.bind(__webpack_require__, 4392)),
            __webpack_require__.e(/* import() */ 791).then(__webpack_require__.bind(__webpack_require__, 791)),
            Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 9054)),
        ]);
        (0,runner/* info */.pq)(`${plan.from} is private: copying it to ${plan.registry}/${plan.repository}, which Fly can pull`);
        const fly = flyRegistryCredential();
        const result = await copyImage({ reference: plan.from, credentials: credentialChain({ inputs: ctx.inputs, exec: ctx.exec }) }, { registry: fly.registry, repository: plan.repository, credentials: fly.credentials }, { deadline: ctx.deadline });
        (0,runner/* info */.pq)(result.note);
        ctx.image.trace.push({ rule: 0, source: 'copy', outcome: 'applied', reason: `${result.note}; deployed as ${result.reference}` });
        run.copied = result.note;
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
        const kept = keptAfterFailure(target.settings.strategy, found.status?.Deployed === true);
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
    async readBack({ ctx, fly, target, copied }) {
        const { image } = ctx;
        if (!image.build)
            return this.result(target, { skipped: false, built: false, image: target.copy?.reference ?? image.deployRef, digest: image.digest }, copied);
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
    /** The outcome; a private image adds the reference Fly runs (`fly-image`) and what its copy did (`image-copy`). */
    result(target, r, copied) {
        const extra = { app: target.app, 'fly-toml': target.tomlPath, region: target.settings.region };
        if (target.copy)
            extra['fly-image'] = target.copy.reference;
        if (copied)
            extra['image-copy'] = copied;
        return { url: target.url, ...r, connect: target.connect, extra };
    }
    /** `mode: sweep`: the organization's apps named as previews whose machines carry the preview marks (previews.ts) */
    async listPreviews(ctx, repository) {
        requireFlyToken();
        const { fly, configDir } = flyctlIn(ctx);
        try {
            return await listFlyPreviews(ctx, fly, repository);
        }
        finally {
            ctx.temps.remove(configDir);
        }
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
        // what the action wrote: fly.toml, or fly.sindri.toml beside a fly.toml of the user's (left alone)
        for (const name of [FLY_TOML, MERGED_TOML]) {
            const toml = flyTomlFile(ctx.workdir, ctx.config.dir, name);
            const gone = (0,files/* removeGenerated */.c6)(toml);
            if (gone === 'removed')
                removed.push(`file ${toml.file}`);
            else if (gone === 'not-ours' && name === FLY_TOML)
                (0,runner/* info */.pq)(`${toml.file} is yours (the base of ${MERGED_TOML}) and is left alone`);
            else if (gone === 'not-ours')
                (0,runner/* warning */.$e)(`${toml.file} was not written by this action and is left alone`);
        }
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


/***/ })

};
