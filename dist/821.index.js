export const id = 821;
export const ids = [821];
export const modules = {

/***/ 821:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  FlyProvider: () => (/* binding */ FlyProvider),
  TOKEN_ENVS: () => (/* binding */ TOKEN_ENVS),
  connectHint: () => (/* binding */ connectHint),
  flySteps: () => (/* binding */ flySteps),
  requireFlyToken: () => (/* binding */ requireFlyToken),
  runsAlready: () => (/* binding */ runsAlready)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/external/flyctl.ts
/**
 * The `flyctl` CLI (superfly/flyctl). Methods only assemble argv (exported as `flyctlArgv`, so the
 * plan prints exactly what deploy runs) and call one private `execute` over src/external/exec.ts. Every
 * call that flyctl can answer in JSON asks for it (`--json`); the shapes read here are flyctl's:
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
    ipsAllocateV4: (app) => ['ips', 'allocate-v4', '--app', app, '--yes'],
    imageShow: (app) => ['image', 'show', '--app', app, '--json'],
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
            // no colours and no update prompt: plain text to parse, nothing interactive
            env: { NO_COLOR: '1', FLY_NO_UPDATE_CHECK: '1', ...this.env },
            input: opts.input,
            timeoutMs: opts.timeoutMs,
            stream: opts.stream,
            allowFailure: true,
        });
        if (r.code === 0 || opts.allowFailure)
            return r;
        const message = r.timedOut ? `did not finish within ${Math.round(opts.timeoutMs / 1000)} s` : flyctlMessage(r.stderr, r.stdout);
        throw new errors/* ActionError */.lZ(`flyctl ${args.slice(0, 2).join(' ')} failed: ${message || `exit code ${r.code}`}`, {
            fix: flyctlFix(message, opts.fix ?? "read flyctl's output above"),
        });
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
            throw new errors/* ActionError */.lZ(`flyctl status failed: ${message || `exit code ${r.code}`}`, {
                fix: flyctlFix(message, "read flyctl's output above"),
            });
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
        throw new errors/* ActionError */.lZ(`flyctl apps destroy failed: ${message || `exit code ${r.code}`}`, {
            fix: flyctlFix(message, `destroy it by hand: flyctl apps destroy ${app} --yes`),
        });
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
    async imageShow(app, timeoutMs) {
        return Flyctl.json(await this.execute(flyctlArgv.imageShow(app), { timeoutMs }), 'image show') ?? [];
    }
    /** streamed; the result is returned (not thrown) so the provider can say what the failure left running */
    async deploy(spec, opts) {
        const r = await this.execute(flyctlArgv.deploy(spec), { cwd: opts.cwd, timeoutMs: opts.timeoutMs, stream: true, allowFailure: true });
        return { ...r, message: r.code === 0 ? '' : flyctlMessage(r.stderr, r.stdout) };
    }
}

// EXTERNAL MODULE: ./src/runner.ts
var runner = __webpack_require__(4813);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./node_modules/smol-toml/dist/index.js + 8 modules
var dist = __webpack_require__(3292);
// EXTERNAL MODULE: ./src/naming.ts
var naming = __webpack_require__(8499);
// EXTERNAL MODULE: ./src/providers/docker/compose.ts
var compose = __webpack_require__(3739);
// EXTERNAL MODULE: ./src/providers/kit/environment.ts
var environment = __webpack_require__(2108);
;// CONCATENATED MODULE: ./src/providers/fly/fly-toml.ts
/**
 * fly.toml for provider fly, as an object serialized with smol-toml (never a string template), and
 * the settings of `providers.fly` it is made from (FACTS §1.8, §3.2, §4.2; ADR 0008). Pure: no file
 * system, no flyctl. Keys are flyctl's own (internal/appconfig/config.go, service.go in
 * superfly/flyctl): `[[vm]]` with `size`/`cpu_kind`/`cpus`/`memory`, top-level `swap_size_mb`,
 * `[[mounts]]`, `[[services]]` with `auto_stop_machines`.
 */






const FLY_TOML = 'fly.toml';
/** the home volume, as upstream names it; volumes are scoped to the app, so the app name carries the suffix */
const HOME_VOLUME = 'home_data';
/** sshd in the Sindri image (FACTS §4) */
const SSHD_PORT = 2222;
/** Fly app names: lowercase letters, digits and hyphens, one DNS label (`<app>.fly.dev`). */
const FLY_APP_NAME = { max: 63, invalid: /[^a-z0-9-]+/g, lowercase: true };
function bad(config, key, what, fix) {
    const at = config.locate(['providers', 'fly', key]);
    return new errors/* ActionError */.lZ(what, { where: { file: config.file, line: at?.line, column: at?.column, field: `providers.fly.${key}` }, fix });
}
function flySettings(config) {
    const raw = config.providers.fly ?? {};
    const bool = (key, fallback) => {
        const v = raw[key];
        if (v === undefined || v === null)
            return fallback;
        if (typeof v !== 'boolean')
            throw bad(config, key, `${key} must be true or false, not ${JSON.stringify(v)}`, `write ${key}: true or false`);
        return v;
    };
    const str = (key, fallback, re, fix) => {
        const v = raw[key];
        if (v === undefined || v === null || v === '')
            return fallback;
        if (typeof v !== 'string' || !re.test(v))
            throw bad(config, key, `invalid ${key} ${JSON.stringify(v)}`, fix);
        return v;
    };
    const cpuKind = str('cpuKind', 'shared', /^(shared|performance)$/, 'use shared or performance');
    const sshRaw = raw.sshPort ?? 10022;
    if (typeof sshRaw !== 'number' || !Number.isInteger(sshRaw) || sshRaw < 1024 || sshRaw > 65535)
        throw bad(config, 'sshPort', `invalid sshPort ${JSON.stringify(sshRaw)}`, 'use a port between 1024 and 65535');
    return {
        baseName: str('name', config.name, /^[a-z][a-z0-9-]*$/, 'a Fly app name: lowercase letters, digits and hyphens, starting with a letter'),
        region: str('region', 'sjc', /^[a-z0-9]{3,4}$/, 'use a Fly.io region code such as sjc, ord or fra (flyctl platform regions)'),
        organization: str('organization', 'personal', /^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'use an organization slug (flyctl orgs list)'),
        autoStopMachines: bool('autoStopMachines', true),
        autoStartMachines: bool('autoStartMachines', true),
        cpuKind,
        sshPort: sshRaw,
        highAvailability: bool('highAvailability', false),
        dedicatedIpv4: bool('dedicatedIpv4', false),
    };
}
/** The app: `providers.fly.name` else `name`, plus `-<name-suffix>`, within Fly's naming rules. */
function flyAppName(settings, suffix) {
    return (0,naming/* resourceName */.I)(settings.baseName, suffix, FLY_APP_NAME);
}
const SIZE_RE = /^(\d+)\s*(MB|GB|TB)$/i;
/** `2GB` → 2048 (MB), as upstream's Fly context reads `resources.memory`. */
function megabytes(value, field) {
    const m = SIZE_RE.exec(value.trim());
    if (!m)
        throw new errors/* ActionError */.lZ(`invalid size "${value}"`, { where: { field }, fix: 'write it like 2GB or 512MB' });
    const n = Number(m[1]);
    const unit = m[2].toUpperCase();
    return unit === 'MB' ? n : unit === 'GB' ? n * 1024 : n * 1024 * 1024;
}
/** Volume size in whole GB (Fly's unit), at least 1. */
function volumeGigabytes(config) {
    const size = config.deployment.volumes.workspace?.size ?? '10GB';
    return Math.max(1, Math.ceil(megabytes(size, 'deployment.volumes.workspace.size') / 1024));
}
/** FACTS §3.2: GPU tier → Fly VM size preset, CPUs and memory (MB). */
const GPU_TIERS = {
    'gpu-small': { size: 'a100-40gb', cpus: 8, memoryMb: 32768 },
    'gpu-medium': { size: 'a100-40gb', cpus: 16, memoryMb: 65536 },
    'gpu-large': { size: 'l40s', cpus: 16, memoryMb: 65536 },
    'gpu-xlarge': { size: 'a100-80gb', cpus: 32, memoryMb: 131072 },
};
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
    let vm;
    let memoryMb;
    const gpu = res.gpu;
    if (gpu?.enabled) {
        if (gpu.type === 'amd')
            throw new errors/* ActionError */.lZ('Fly.io has no AMD GPUs', {
                where: { file: config.file, field: 'deployment.resources.gpu.type' },
                fix: 'use type: nvidia with a tier (gpu-small … gpu-xlarge), or another provider',
            });
        const tierName = gpu.tier ?? 'gpu-small';
        const tier = GPU_TIERS[tierName];
        if (!tier)
            throw new errors/* ActionError */.lZ(`unknown GPU tier "${tierName}"`, {
                where: { file: config.file, field: 'deployment.resources.gpu.tier' },
                fix: `use one of ${Object.keys(GPU_TIERS).join(', ')}`,
            });
        if (!gpu.tier)
            notes.push('resources.gpu has no tier: gpu-small (a100-40gb) is used');
        memoryMb = tier.memoryMb;
        vm = { size: tier.size, cpus: tier.cpus, memory: `${tier.memoryMb}mb` };
        if (gpu.count > 1)
            vm.gpus = gpu.count;
    }
    else {
        memoryMb = megabytes(res.memory ?? '2GB', 'deployment.resources.memory');
        vm = { cpu_kind: settings.cpuKind, cpus: res.cpus ?? 2, memory: `${memoryMb}mb` };
    }
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
 * Secrets for provider fly (ADR 0008), pure:
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

// EXTERNAL MODULE: ./src/providers/kit/secrets.ts
var kit_secrets = __webpack_require__(8104);
;// CONCATENATED MODULE: ./src/providers/fly/provider.ts
/**
 * provider: fly — a Fly.io app from fly.toml, deployed with flyctl (SPEC §5, issue 7, ADR 0008).
 *
 * `plan` and `apply` share `flySteps`: the same fly.toml, the same argv (built by `flyctlArgv`).
 * `plan` runs no flyctl at all; `apply` first asks Fly what exists (status, volumes, secrets, IPs),
 * hands those facts to `flySteps`, and runs only the commands the facts call for. A prebuilt image is
 * deployed with `--image repo@sha256:…` (no build, no builder); a Dockerfile (rule 8) is built by
 * Fly's remote builder and read back with `flyctl image show`.
 */








/** flyctl reads FLY_ACCESS_TOKEN first, then FLY_API_TOKEN (internal/config/config.go, env.First). */
const TOKEN_ENVS = ['FLY_ACCESS_TOKEN', 'FLY_API_TOKEN'];
/** machine states of a settled release (fly-go machine_types.go); auto-stop leaves machines stopped or suspended */
const SETTLED = new Set(['started', 'stopped', 'suspended']);
function connectHint(app) {
    return `flyctl ssh console -a ${app}`;
}
/** The pure heart: fly.toml and the flyctl commands for a context and what is known about the app. */
function flySteps(ctx, facts) {
    const { config, inputs, image, workdir } = ctx;
    const settings = flySettings(config);
    const app = flyAppName(settings, inputs['name-suffix']);
    const toml = renderFlyToml({ config, settings, app, secretNames: facts.secretNames });
    const tomlAbs = (0,external_node_path_.join)(config.dir, FLY_TOML);
    const tomlPath = (0,external_node_path_.relative)(workdir, tomlAbs) || FLY_TOML;
    const notes = [...toml.notes];
    const flyctl = (argv) => ['flyctl', ...argv];
    const commands = [
        { argv: flyctl(flyctlArgv.status(app)), why: 'does the app exist, and what runs (image, fly.toml hash)', mutates: false },
    ];
    if (facts.appExists !== true)
        commands.push({
            argv: flyctl(flyctlArgv.appsCreate(app, settings.organization)),
            why: facts.appExists === false ? 'the app does not exist' : 'only when the app does not exist',
            mutates: true,
        });
    commands.push({ argv: flyctl(flyctlArgv.volumesList(app)), why: `is volume ${HOME_VOLUME} there`, mutates: false });
    if (facts.volumePresent !== true)
        commands.push({
            argv: flyctl(flyctlArgv.volumesCreate(app, HOME_VOLUME, volumeGigabytes(config), settings.region)),
            why: facts.volumePresent === false ? `volume ${HOME_VOLUME} is missing` : `only when volume ${HOME_VOLUME} is missing`,
            mutates: true,
        });
    if (facts.secretNames.length > 0) {
        commands.push({ argv: flyctl(flyctlArgv.secretsList(app)), why: "Fly's digest of each secret", mutates: false });
        const stage = facts.stage ?? facts.secretNames;
        if (stage.length > 0)
            commands.push({
                argv: flyctl(flyctlArgv.secretsImport(app)),
                why: `stage ${stage.join(', ')} (NAME=value lines on stdin, never in argv)${facts.stage ? '' : '; only those whose value changed'}`,
                mutates: true,
            });
    }
    if (settings.dedicatedIpv4) {
        commands.push({ argv: flyctl(flyctlArgv.ipsList(app)), why: 'is a dedicated IPv4 allocated', mutates: false });
        if (facts.dedicatedV4Present !== true)
            commands.push({
                argv: flyctl(flyctlArgv.ipsAllocateV4(app)),
                why: 'providers.fly.dedicatedIpv4: a dedicated (billable) IPv4',
                mutates: true,
            });
    }
    else
        notes.push("IPs are Fly's defaults (a shared IPv4 and an IPv6); providers.fly.dedicatedIpv4: true adds a dedicated IPv4");
    const env = { [TOML_HASH_ENV]: toml.hash };
    if (facts.secretNames.length > 0)
        env[SECRET_FINGERPRINTS_ENV] = facts.fingerprints ?? '<HMAC per secret, computed at deploy>';
    let deploy;
    let deployCwd;
    if (image.build) {
        if (!image.dockerfile)
            throw new errors/* ActionError */.lZ('the image decision asks for a build but names no Dockerfile', {
                fix: 'report this at https://github.com/sindri/deploy-action/issues',
            });
        // Fly's build context is flyctl's working directory: the build context; --dockerfile and --config relative to it
        deployCwd = (0,external_node_path_.resolve)(workdir, inputs['build-context'] || '.');
        deploy = {
            app,
            config: (0,external_node_path_.relative)(deployCwd, tomlAbs),
            dockerfile: (0,external_node_path_.relative)(deployCwd, (0,external_node_path_.resolve)(workdir, image.dockerfile)),
            buildArgs: inputs['build-args'],
            noCache: inputs.force,
            imageLabel: image.parsed.tag,
            waitTimeoutSeconds: facts.waitSeconds,
            highAvailability: settings.highAvailability,
            env,
        };
    }
    else {
        deployCwd = config.dir;
        deploy = {
            app,
            config: FLY_TOML,
            image: image.deployRef,
            waitTimeoutSeconds: facts.waitSeconds,
            highAvailability: settings.highAvailability,
            env,
        };
    }
    commands.push({
        argv: flyctl(flyctlArgv.deploy(deploy)),
        cwd: (0,external_node_path_.relative)(workdir, deployCwd) || undefined,
        why: image.build
            ? `remote build of ${image.dockerfile} by Fly's builder${inputs.force ? ' without cache (force)' : ''}, then a rolling release`
            : `a rolling release of ${image.deployRef}: no build, no builder`,
        mutates: true,
    });
    if (image.build)
        commands.push({ argv: flyctl(flyctlArgv.imageShow(app)), why: 'the image Fly built: image and image-digest', mutates: false });
    if (settings.highAvailability)
        notes.push('highAvailability: flyctl deploy --ha=true asks for a spare machine, and each machine needs its own home_data volume');
    const files = [{ path: tomlPath, content: toml.text }];
    return {
        settings,
        app,
        toml,
        tomlPath,
        url: `https://${app}.fly.dev`,
        connect: connectHint(app),
        deploy,
        deployCwd,
        files,
        commands,
        notes,
    };
}
/** The Fly token from the environment, masked; missing → one line before any flyctl call. */
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
/** what the running machines recorded about the secrets (the newest machine that has a record) */
function previousFingerprints(status) {
    const m = (status?.Machines ?? []).find((x) => x.config?.env?.[SECRET_FINGERPRINTS_ENV]);
    return parseFingerprints(m?.config?.env?.[SECRET_FINGERPRINTS_ENV]);
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
class FlyProvider {
    name = 'fly';
    /** the token and providers.fly, before the image is resolved (no registry request for a run that cannot deploy) */
    preflight(ctx) {
        requireFlyToken();
        flySettings(ctx.config);
    }
    async plan(ctx) {
        const secrets = (0,kit_secrets/* resolveSecrets */.Mx)(ctx.config);
        const steps = flySteps(ctx, {
            secretNames: [...secrets.values.keys()],
            waitSeconds: Math.max(1, Math.floor(ctx.inputs.timeout / 1000)),
        });
        const notes = [...steps.notes, ...secrets.notices.map((n) => n.message)];
        if (secrets.missingRequired.length > 0)
            notes.push(`required secrets not set: ${secrets.missingRequired.join(', ')} (deploy fails before any flyctl call)`);
        notes.push(ctx.image.build
            ? `Fly's remote builder builds ${ctx.image.dockerfile}; the image it pushes to registry.fly.io/${steps.app} is read back after the release`
            : `no image is built: ${ctx.image.digest ? 'the pinned digest' : 'the image as written'} is deployed with --image`);
        notes.push(`url: ${steps.url}; connect: ${steps.connect}; deploy needs FLY_API_TOKEN (or FLY_ACCESS_TOKEN)`);
        return { files: steps.files, commands: steps.commands, notes };
    }
    async apply(ctx) {
        // 1. before any flyctl call: the token, the secrets, and the documents (bad settings fail here)
        const token = requireFlyToken();
        const secrets = (0,kit_secrets/* requireSecrets */.pU)(ctx.config);
        for (const n of secrets.notices)
            (0,runner/* warning */.$e)(n.message, { file: ctx.config.file, startLine: n.line, startColumn: n.column, title: n.field });
        const secretNames = [...secrets.values.keys()];
        const waitSeconds = () => Math.max(10, Math.floor((ctx.deadline.remaining() === Infinity ? ctx.inputs.timeout : ctx.deadline.remaining() - 15_000) / 1000));
        let steps = flySteps(ctx, { secretNames, waitSeconds: waitSeconds() });
        encodeSecretsImport(secrets.values, ctx.config.file); // refuses a value flyctl cannot parse back, before anything starts
        refuseForeignToml(ctx.workdir, steps.tomlPath);
        const { app, settings } = steps;
        const fly = new Flyctl(ctx.exec, ctx.workdir);
        // 2. what exists
        const status = await fly.status(app, ctx.deadline.budget('flyctl status', 120_000));
        const appExists = status !== undefined;
        const volumes = appExists ? await fly.volumesList(app, ctx.deadline.budget('flyctl volumesList', 60_000)) : [];
        const volumePresent = volumes.some((v) => v.name === HOME_VOLUME && !/destroy/.test(v.state));
        const flyDigests = new Map();
        if (appExists && secretNames.length > 0)
            for (const s of await fly.secretsList(app, ctx.deadline.budget('flyctl secretsList', 60_000)))
                flyDigests.set(s.name, s.digest);
        const stage = secretsToStage(secrets.values, token.value, flyDigests, previousFingerprints(status));
        const fingerprintsFor = (digests) => secretNames.length === 0
            ? undefined
            : formatFingerprints(new Map(secretNames.map((n) => [
                n,
                { hmac: secretFingerprint(token.value, n, secrets.values.get(n)), digest: digests.get(n) ?? '' },
            ])));
        const ips = appExists && settings.dedicatedIpv4 ? await fly.ipsList(app, ctx.deadline.budget('flyctl ipsList', 60_000)) : [];
        const facts = {
            secretNames,
            appExists,
            volumePresent,
            dedicatedV4Present: ips.some((ip) => ip.Type === 'v4'),
            stage,
            fingerprints: fingerprintsFor(flyDigests),
            waitSeconds: waitSeconds(),
        };
        steps = flySteps(ctx, facts);
        (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(ctx.workdir, steps.tomlPath), steps.toml.text, { mode: 0o644 });
        (0,runner/* info */.pq)(`${steps.tomlPath} written (sha256 ${steps.toml.hash.slice(0, 12)})`);
        // 3. the digest that already runs with this fly.toml and these secrets: nothing to do
        if (!ctx.inputs.force &&
            !ctx.image.build &&
            stage.length === 0 &&
            runsAlready(status, ctx.image.digest, steps.toml.hash, facts.fingerprints)) {
            (0,runner/* info */.pq)(`${app} already runs ${ctx.image.deployRef} with this fly.toml: nothing to do (force: true redeploys)`);
            return this.result(steps, { skipped: true, built: false, image: ctx.image.deployRef, digest: ctx.image.digest });
        }
        // 4. idempotent set-up: app, volume, secrets, IPs
        if (!appExists) {
            await fly.appsCreate(app, settings.organization, ctx.deadline.budget('flyctl appsCreate', 120_000));
            (0,runner/* info */.pq)(`created app ${app} in organization ${settings.organization}`);
        }
        if (!volumePresent)
            await fly.volumesCreate(app, HOME_VOLUME, volumeGigabytes(ctx.config), settings.region, ctx.deadline.budget('flyctl volumesCreate', 120_000));
        if (stage.length > 0) {
            const staged = new Map(stage.map((n) => [n, secrets.values.get(n)]));
            await fly.secretsImport(app, encodeSecretsImport(staged, ctx.config.file), ctx.deadline.budget('flyctl secretsImport', 120_000));
            (0,runner/* info */.pq)(`staged secret${stage.length > 1 ? 's' : ''} ${stage.join(', ')}`);
            flyDigests.clear();
            for (const s of await fly.secretsList(app, ctx.deadline.budget('flyctl secretsList', 60_000)))
                flyDigests.set(s.name, s.digest);
        }
        else if (secretNames.length > 0)
            (0,runner/* info */.pq)(`secrets unchanged, not staged again: ${secretNames.join(', ')}`);
        if (settings.dedicatedIpv4 && !facts.dedicatedV4Present)
            await fly.ipsAllocateV4(app, ctx.deadline.budget('flyctl ipsAllocateV4', 60_000));
        // 5. the release: the argv of the plan, with the fingerprints Fly's digests give now
        steps = flySteps(ctx, { ...facts, fingerprints: fingerprintsFor(flyDigests), waitSeconds: waitSeconds() });
        const r = await fly.deploy(steps.deploy, {
            cwd: steps.deployCwd,
            timeoutMs: Math.max(30_000, ctx.deadline.remaining() === Infinity ? ctx.inputs.timeout : ctx.deadline.remaining()),
        });
        if (r.code !== 0) {
            const what = r.timedOut ? `did not finish within the timeout` : `failed: ${r.message || `exit code ${r.code}`}`;
            const kept = status?.Deployed
                ? "Fly's rolling strategy kept the machines of the previous release running"
                : 'there was no previous release, so nothing runs';
            throw new errors/* ActionError */.lZ(`flyctl deploy of ${app} ${what}; ${kept}`, {
                where: { file: ctx.config.file },
                fix: ctx.image.build
                    ? `read the build and release log above; fix ${ctx.image.dockerfile} or the settings in ${ctx.config.file}`
                    : `read the release log above (flyctl logs -a ${app}); raise the input timeout if the machines only need longer`,
            });
        }
        // 6. a remote build: the image Fly built and runs
        if (ctx.image.build) {
            const images = await fly.imageShow(app, ctx.deadline.budget('flyctl imageShow', 60_000));
            const built = images.find((i) => i.Digest) ?? images[0];
            if (!built?.Digest)
                throw new errors/* ActionError */.lZ(`flyctl image show -a ${app} names no image after the release`, {
                    fix: `check the release with flyctl releases -a ${app} --image`,
                });
            const repo = `${built.Registry}/${built.Repository}`;
            return this.result(steps, { skipped: false, built: true, image: `${repo}@${built.Digest}`, digest: built.Digest });
        }
        return this.result(steps, { skipped: false, built: false, image: ctx.image.deployRef, digest: ctx.image.digest });
    }
    result(steps, r) {
        return {
            url: steps.url,
            ...r,
            connect: steps.connect,
            extra: { app: steps.app, 'fly-toml': steps.tomlPath, region: steps.settings.region },
        };
    }
    async destroy(ctx) {
        requireFlyToken();
        const settings = flySettings(ctx.config);
        const app = flyAppName(settings, ctx.inputs['name-suffix']);
        const fly = new Flyctl(ctx.exec, ctx.workdir);
        const removed = [];
        if (await fly.appsDestroy(app, ctx.deadline.budget('flyctl appsDestroy', 300_000)))
            removed.push(`app ${app} (its machines, volumes, secrets and IPs)`);
        else
            (0,runner/* info */.pq)(`app ${app} does not exist on Fly.io: nothing to destroy there`);
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


/***/ })

};
