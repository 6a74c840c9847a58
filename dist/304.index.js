export const id = 304;
export const ids = [304];
export const modules = {

/***/ 2304:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  E2bProvider: () => (/* binding */ E2bProvider)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/runner.ts
var runner = __webpack_require__(4813);
// EXTERNAL MODULE: ./src/text.ts
var src_text = __webpack_require__(8992);
;// CONCATENATED MODULE: ./src/external/e2b.ts
/**
 * The `e2b` CLI (@e2b/cli 2.x). Every operation is a method that assembles argv and calls one
 * private `execute` over src/external/exec.ts; the argv builders are exported as `e2bArgv` so the plan
 * prints exactly what deploy runs. The API key travels in the environment (`E2B_API_KEY`, which
 * the CLI reads), never in argv.
 */



const e2bArgv = {
    templateList: () => ['template', 'list', '--format', 'json'],
    templateCreate(s) {
        const args = ['template', 'create', s.alias, '--path', s.root, '--dockerfile', s.dockerfile];
        if (s.startCmd)
            args.push('--cmd', s.startCmd, '--ready-cmd', s.readyCmd ?? 'sleep 20');
        else if (s.readyCmd)
            args.push('--ready-cmd', s.readyCmd);
        args.push('--cpu-count', String(s.cpuCount), '--memory-mb', String(s.memoryMb));
        if (s.noCache)
            args.push('--no-cache');
        return args;
    },
    templateDelete: (templateId) => ['template', 'delete', templateId, '--yes'],
    /** running and paused sandboxes whose metadata has key=value (the CLI splits the filter on `,` and `=`) */
    sandboxList: (key, value) => [
        'sandbox',
        'list',
        '--state',
        'running,paused',
        '--metadata',
        `${key}=${value}`,
        '--limit',
        '0',
        '--format',
        'json',
    ],
    sandboxKill: (ids) => ['sandbox', 'kill', ...ids],
};
/** The one line of a failed e2b command: the CLI prints `Error: …` or `E2BRequestError: …` before a stack. */
function e2bFailureLine(stderr, stdout) {
    const lines = (0,runner/* redact */.E$)(`${stderr}\n${stdout}`)
        .split('\n')
        .map((l) => l.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '').trim())
        .filter(Boolean);
    const named = lines.find((l) => /^(Error|E2BRequestError|[A-Za-z]*Error):\s/.test(l) && !/^Error:\s*$/.test(l));
    const line = named?.replace(/^Error:\s*/, '') ?? lines.find((l) => !/^at\s/.test(l) && !/^[❌─\s]+/.test(l)) ?? lines.pop() ?? '';
    return line.slice(0, 400);
}
/** What the E2B CLI (a Node program) reads: its own settings (the key itself is set, never inherited). */
const E2B_ENV = [/^E2B_(?!API_KEY$|ACCESS_TOKEN$)/, 'NODE_OPTIONS'];
class E2b {
    exec;
    cwd;
    apiKey;
    constructor(exec, cwd, apiKey) {
        this.exec = exec;
        this.cwd = cwd;
        this.apiKey = apiKey;
    }
    async execute(args, opts) {
        let r;
        try {
            r = await this.exec.run('e2b', args, {
                cwd: this.cwd,
                pass: E2B_ENV,
                ...opts,
                // NO_UPDATE_NOTIFIER: the CLI would otherwise ask the npm registry for a newer version
                env: { ...opts.env, E2B_API_KEY: this.apiKey, NO_UPDATE_NOTIFIER: '1' },
                allowFailure: true,
            });
        }
        catch (e) {
            if (e instanceof errors/* ActionError */.lZ && /was not found on PATH/.test(e.message))
                throw new errors/* ActionError */.lZ(e.message, { fix: 'add a step that runs npm install -g @e2b/cli@2 before this one' });
            throw e;
        }
        if (r.timedOut)
            throw new errors/* ActionError */.lZ(`\`${(0,runner/* redact */.E$)((0,src_text/* quoteArgv */.rx)(['e2b', ...args]))}\` did not finish in time and was stopped`, {
                fix: 'raise the input timeout, or find out from the log above why E2B is slow',
            });
        if (r.code !== 0)
            throw new errors/* ActionError */.lZ(`${opts.what} failed: ${e2bFailureLine(r.stderr, r.stdout) || `exit code ${r.code}`}`, {
                fix: opts.fix ?? 'see the e2b output above; check E2B_API_KEY and the E2B status page',
            });
        return r;
    }
    async templateList(timeoutMs) {
        const r = await this.execute(e2bArgv.templateList(), { what: 'e2b template list', timeoutMs });
        return parseJsonArray(r.stdout, 'e2b template list');
    }
    async templateCreate(spec, timeoutMs) {
        await this.execute(e2bArgv.templateCreate(spec), {
            what: `e2b template create ${spec.alias}`,
            timeoutMs,
            stream: true,
            fix: 'read the build log above; a base image E2B cannot pull needs to be public or in a registry E2B can reach',
        });
    }
    async templateDelete(templateId, timeoutMs) {
        await this.execute(e2bArgv.templateDelete(templateId), { what: `e2b template delete ${templateId}`, timeoutMs, stream: true });
    }
    async sandboxList(key, value, timeoutMs) {
        const r = await this.execute(e2bArgv.sandboxList(key, value), { what: 'e2b sandbox list', timeoutMs });
        return parseJsonArray(r.stdout, 'e2b sandbox list');
    }
    async sandboxKill(ids, timeoutMs) {
        if (ids.length > 0)
            await this.execute(e2bArgv.sandboxKill(ids), { what: 'e2b sandbox kill', timeoutMs, stream: true });
    }
}
/** The CLI prints a blank line before its JSON. */
function parseJsonArray(stdout, what) {
    const start = stdout.indexOf('[');
    try {
        const v = JSON.parse(start === -1 ? stdout : stdout.slice(start));
        if (Array.isArray(v))
            return v;
    }
    catch {
        // reported below
    }
    throw new errors/* ActionError */.lZ(`${what} did not print a JSON list`, { fix: 'use @e2b/cli 2.x (e2b-version input)' });
}

;// CONCATENATED MODULE: ./src/external/e2b-api.ts


function e2bApiUrl(env = process.env) {
    if (env.E2B_API_URL)
        return env.E2B_API_URL.replace(/\/+$/, '');
    if (env.E2B_DEBUG === 'true')
        return 'http://localhost:3000';
    return `https://api.${env.E2B_DOMAIN || 'e2b.app'}`;
}
class E2bApi {
    deadline;
    apiKey;
    base;
    constructor(deadline, apiKey, base = e2bApiUrl()) {
        this.deadline = deadline;
        this.apiKey = apiKey;
        this.base = base;
    }
    async request(method, path, body) {
        const what = `E2B API ${method} ${path}`;
        (0,runner/* info */.pq)(`→ ${what}`); // the path only: bodies carry secrets (envVars)
        let res;
        try {
            res = await fetch(`${this.base}${path}`, {
                method,
                headers: { 'X-API-KEY': this.apiKey, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
                body: body === undefined ? undefined : JSON.stringify(body),
                signal: AbortSignal.timeout(this.deadline.budget(`the E2B API call ${method} ${path}`, 60_000)),
            });
        }
        catch (e) {
            throw new errors/* ActionError */.lZ(`${what}: ${e.message}`, {
                where: { field: 'E2B_API_URL' },
                fix: 'check that the runner reaches the E2B API (E2B_API_URL / E2B_DOMAIN)',
            });
        }
        const text = await res.text();
        (0,runner/* debug */.Yz)(`${what} → ${res.status}`);
        if (!res.ok) {
            let message = text.trim().slice(0, 300);
            try {
                message = String(JSON.parse(text).message ?? message);
            }
            catch {
                // not JSON: the raw text
            }
            throw new errors/* ActionError */.lZ(`${what} answered ${res.status}: ${(0,runner/* redact */.E$)(message)}`, {
                fix: res.status === 401 ? 'set E2B_API_KEY to a valid key (repository secret)' : 'see the E2B message; retry when E2B is healthy',
            });
        }
        return text ? JSON.parse(text) : undefined;
    }
    async createSandbox(body) {
        const r = await this.request('POST', '/sandboxes', body);
        if (!r?.sandboxID)
            throw new errors/* ActionError */.lZ('E2B API POST /sandboxes returned no sandboxID', { fix: 'retry; report it if it persists' });
        return r;
    }
    /** tags of a template (by id or alias); an unknown template has none */
    async templateTags(template) {
        try {
            return (await this.request('GET', `/templates/${encodeURIComponent(template)}/tags`)) ?? [];
        }
        catch (e) {
            if (e instanceof errors/* ActionError */.lZ && / answered 404:/.test(e.message))
                return [];
            throw e;
        }
    }
    /** tag the template's current build (`target` = alias) */
    async assignTags(target, tags) {
        await this.request('POST', '/templates/tags', { target, tags });
    }
}

// EXTERNAL MODULE: ./src/providers/kit/notices.ts
var notices = __webpack_require__(4723);
// EXTERNAL MODULE: ./src/providers/kit/secrets.ts
var kit_secrets = __webpack_require__(8104);
;// CONCATENATED MODULE: ./src/providers/e2b/dockerfile.ts
/**
 * The `e2b.Dockerfile` of provider e2b (issue 9), built as text from structured data. Pure.
 *
 * A prebuilt image (rules 1–7, 9) becomes `FROM <repo@sha256:…>` plus the E2B lines; a Dockerfile
 * (rule 8) keeps its own instructions and gets the same lines appended. The E2B lines are upstream's
 * (docs/upstream.md#e2b-provider) minus what it got wrong: no secret ever becomes `ENV` or `ARG` (E2B
 * turns both into environment of the template, readable by anyone who starts it), no `NPM_TOKEN`.
 *
 * Every value is validated against what the E2B CLI's Dockerfile parser (dockerfile-ast) and Docker
 * both read the same way: values that would need quoting are refused with a one-line error instead
 * of being escaped into something one of the two parsers reads differently.
 */

const E2B_DIR = '.e2b';
const E2B_DOCKERFILE_NAME = 'e2b.Dockerfile';
const E2B_DOCKERFILE = `${E2B_DIR}/${E2B_DOCKERFILE_NAME}`;
/** upstream's user and workspace of the Sindri image */
const E2B_USER = 'developer';
const E2B_WORKDIR = '/alt/home/developer/workspace';
const CACHE_BUST_ENV = 'SINDRI_FORCE_BUILD';
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** what both parsers read unquoted and identically: no space, quote, `$`, backslash, `#` */
const PLAIN_VALUE = /^[A-Za-z0-9_.,:/@+=-]*$/;
/** `registry[:port]/path[:tag][@sha256:<64 hex>]` (host in any case), nothing a Dockerfile line could misread */
const IMAGE_REF = /^[A-Za-z0-9]+(?:[._-][A-Za-z0-9]+)*(?::[0-9]+)?(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)+(?::[\w][\w.-]{0,127})?(?:@sha256:[0-9a-f]{64})?$/;
/** The instructions of a Dockerfile: comments and blank lines skipped, `\` continuations joined. */
function dockerfileInstructions(content) {
    const out = [];
    const lines = content.replace(/\r\n?/g, '\n').split('\n');
    for (let i = 0; i < lines.length; i++) {
        const first = lines[i];
        if (/^\s*(#|$)/.test(first))
            continue;
        const line = i + 1;
        let text = first;
        // a trailing `\` continues the instruction; comment lines inside it are skipped, not ended on
        let open = /\\\s*$/.test(text);
        while (open && i + 1 < lines.length) {
            const next = lines[++i];
            if (/^\s*#/.test(next))
                continue;
            text = text.replace(/\\\s*$/, ' ') + next;
            open = /\\\s*$/.test(next);
        }
        const m = /^\s*([A-Za-z]+)\s*(.*)$/.exec(text);
        if (m)
            out.push({ keyword: m[1].toUpperCase(), args: m[2].trim(), line, endLine: i + 1 });
    }
    return out;
}
/** Names an `ENV`/`ARG` instruction declares (`ENV A=1 B=2`, `ENV A 1`, `ARG A`, `ARG A=x`). */
function declaredNames(ins) {
    if (ins.keyword !== 'ENV' && ins.keyword !== 'ARG')
        return [];
    if (ins.keyword === 'ENV' && !/^[^\s=]+=/.test(ins.args))
        return [ins.args.split(/\s+/)[0]];
    return ins.args
        .split(/\s+/)
        .map((a) => a.split('=')[0])
        .filter((n) => ENV_NAME.test(n));
}
function checkImageRef(ref) {
    if (!IMAGE_REF.test(ref))
        throw new errors/* ActionError */.lZ(`image reference "${ref}" cannot be written into e2b.Dockerfile`, {
            fix: 'pass a full reference such as ghcr.io/owner/image@sha256:… (registry, repository, tag or digest)',
        });
    return ref;
}
/** The e2b.Dockerfile text. Throws one ActionError for anything that cannot be written safely. */
function renderE2bDockerfile(spec) {
    const secrets = new Set(spec.secretNames);
    const lines = ['# generated by sindri/deploy-action for provider e2b: edit sindri.yaml, not this file'];
    if (spec.cacheBust !== undefined && !/^[A-Za-z0-9_.-]+$/.test(spec.cacheBust))
        throw new errors/* ActionError */.lZ(`cache-bust token "${spec.cacheBust}" is not plain`, {
            fix: 'report this at https://github.com/sindri/deploy-action/issues',
        });
    const bust = spec.cacheBust === undefined ? [] : [`ENV ${CACHE_BUST_ENV}=${spec.cacheBust}`];
    if (spec.base.kind === 'image') {
        lines.push(`FROM ${checkImageRef(spec.base.ref)}`, ...bust);
    }
    else {
        const { path, content } = spec.base;
        const instructions = dockerfileInstructions(content);
        const froms = instructions.filter((i) => i.keyword === 'FROM');
        if (froms.length !== 1) {
            const at = froms[1] ?? instructions[0];
            throw new errors/* ActionError */.lZ(froms.length === 0 ? `${path} has no FROM instruction` : `${path} is a multi-stage Dockerfile, which E2B templates cannot build`, {
                where: { file: path, line: at?.line },
                fix: 'build the image in CI (docker/build-push-action) and pass image-digest, or reduce the Dockerfile to one stage',
            });
        }
        for (const ins of instructions) {
            const baked = declaredNames(ins).filter((n) => secrets.has(n));
            if (baked.length > 0)
                throw new errors/* ActionError */.lZ(`${path} declares ${ins.keyword} ${baked[0]}, a secret of sindri.yaml: E2B would bake it into the template`, {
                    where: { file: path, line: ins.line },
                    fix: `remove that ${ins.keyword} line: the action hands secrets to the sandbox when it starts, never to the template`,
                });
        }
        const body = content.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n');
        body.splice(froms[0].endLine, 0, ...bust);
        lines.push(`# ${path.replace(/[^\w./-]/g, '_')}`, ...body, '# E2B settings');
    }
    const env = [];
    for (const [name, value] of spec.env) {
        if (!ENV_NAME.test(name) || secrets.has(name))
            throw new errors/* ActionError */.lZ(`"${name}" cannot be written as an ENV line of e2b.Dockerfile`, {
                fix: 'report this at https://github.com/sindri/deploy-action/issues',
            });
        if (!PLAIN_VALUE.test(value))
            throw new errors/* ActionError */.lZ(`the value of ${name} ("${value}") holds characters e2b.Dockerfile cannot carry unquoted`, {
                where: { field: 'extensions' },
                fix: 'use letters, digits and - _ . , : / @ + = only (profile and extension names)',
            });
        env.push(`${name}=${value}`);
    }
    if (env.length > 0)
        lines.push(`ENV ${env.join(' ')}`);
    lines.push(`WORKDIR ${E2B_WORKDIR}`, `USER ${E2B_USER}`);
    return `${lines.join('\n')}\n`;
}

// EXTERNAL MODULE: ./src/config/place.ts
var place = __webpack_require__(697);
// EXTERNAL MODULE: ./src/naming.ts
var naming = __webpack_require__(8499);
// EXTERNAL MODULE: ./src/providers/kit/settings.ts
var settings = __webpack_require__(272);
;// CONCATENATED MODULE: ./src/providers/e2b/settings.ts
/**
 * What provider e2b reads from sindri.yaml: `providers.e2b` with upstream's defaults
 * (docs/upstream.md#e2b-settings) through the kit's typed readers, the template's sizes from
 * `deployment.resources`, and the names it gives the template and its sandboxes. Every wrong value is
 * one error at its place in the file, before anything is rendered.
 */



/** E2B template names: lowercase letters, digits, dashes (underscores too, but not in a DNS-ish name), ≤ 128 */
const E2B_NAMING = { max: 128, invalid: /[^a-z0-9-]+/g, lowercase: true };
/** providers.e2b, validated. */
function e2bSettings(config) {
    const s = settings/* Settings */.w.of(config, 'e2b');
    const alias = s.str('templateAlias');
    if (alias !== undefined && !/^[a-z][a-z0-9-]*$/.test(alias))
        throw s.fail('templateAlias', `template alias "${alias}" is not valid`, 'use lowercase letters, digits and -, starting with a letter');
    const metadata = s.stringMap('metadata');
    for (const k of Object.keys(metadata))
        if (k.startsWith('sindri_'))
            throw s.fail(['metadata', k], `metadata key ${k} is reserved for the action`, 'rename it (sindri_* keys identify what the action started)');
    return {
        templateAlias: alias,
        reuseTemplate: s.bool('reuseTemplate', true),
        buildOnDeploy: s.bool('buildOnDeploy', false),
        timeout: s.int('timeout', 60, 86400, 'use whole seconds from 60 to 86400') ?? 300,
        autoPause: s.bool('autoPause', true),
        autoResume: s.bool('autoResume', true),
        metadata,
        team: s.str('team'),
        startSandbox: s.bool('startSandbox', true),
        startCmd: s.str('startCmd'),
        readyCmd: s.str('readyCmd'),
    };
}
/** Upstream's rule (docs/upstream.md#e2b-provider): a GPU config is refused before anything else. */
function refuseGpu(config) {
    if (config.deployment.resources.gpu?.enabled)
        throw (0,place/* configError */.F)(config, ['deployment', 'resources', 'gpu', 'enabled'], 'E2B has no GPUs: provider e2b cannot deploy a config with gpu.enabled', 'set gpu.enabled: false, or deploy to docker, fly or kubernetes');
}
/** `4GB` → 4096, `512MB` → 512 (E2B wants an even number of MiB). Default 2048 (upstream's 2GB). */
function e2bMemoryMb(config) {
    const value = config.deployment.resources.memory;
    if (value === undefined)
        return 2048;
    const m = /^(\d+)\s*(MB|GB|MiB|GiB|M|G)$/i.exec(value.trim());
    const mb = m ? Number(m[1]) * (/^g/i.test(m[2]) ? 1024 : 1) : NaN;
    if (!m || mb < 128 || mb % 2 !== 0)
        throw (0,place/* configError */.F)(config, ['deployment', 'resources', 'memory'], `memory "${value}" is not a size E2B accepts`, 'write an even size such as 2GB or 1024MB');
    return mb;
}
/** Whole CPUs, default 2. */
function e2bCpuCount(config) {
    const cpus = config.deployment.resources.cpus ?? 2;
    if (!Number.isInteger(cpus) || cpus < 1)
        throw (0,place/* configError */.F)(config, ['deployment', 'resources', 'cpus'], `cpus ${cpus} is not a whole number of CPUs`, 'write cpus: 2');
    return cpus;
}
/**
 * The template alias (`templateAlias`, else the config's name, plus `-<name-suffix>`) and the name
 * its sandboxes carry as metadata `sindri_name` (the config's name plus the suffix).
 */
function e2bNames(config, suffix, settings) {
    return {
        alias: (0,naming/* resourceName */.I)(settings.templateAlias ?? config.name, suffix, E2B_NAMING),
        name: (0,naming/* resourceName */.I)(config.name, suffix, E2B_NAMING),
    };
}

;// CONCATENATED MODULE: ./src/providers/e2b/steps.ts
/**
 * The pure heart of provider e2b: from the context and the facts gathered once, the e2b.Dockerfile,
 * the template's argv, the content tag that makes an unchanged template a skip, and what else deploy
 * does. `plan` and `apply` both call `e2bSteps`, so the plan shows exactly what deploy runs.
 */






/** metadata keys carried by every sandbox we start (upstream's `sindri_name`, docs/upstream.md#e2b-provider) */
const META_NAME = 'sindri_name';
const META_TEMPLATE_TAG = 'sindri_template';
const META_ENV = 'sindri_env';
/** the tag that records which inputs built the template's current build */
const TAG_PREFIX = 'sindri-';
/** the plan's notes about direct API calls start with this; deploy logs the calls as it makes them */
const API_NOTE = 'E2B API:';
/** Where the template starts: the pinned image (rules 1–7, 9) or the discovered Dockerfile (rule 8). */
function templateSource(ctx, facts, notes) {
    const { image, inputs } = ctx;
    if (!image.build) {
        if (!image.digest)
            notes.push(`the template starts FROM ${image.deployRef} as written (pin-digest: false): a later push to that tag changes what a rebuild gets`);
        // the CLI reads the Dockerfile and any COPY source from --path: only our own directory, nothing else
        return { base: { kind: 'image', ref: image.deployRef }, root: E2B_DIR, dockerfile: E2B_DOCKERFILE_NAME };
    }
    if (!image.dockerfile || facts.dockerfileContent === undefined)
        throw new errors/* ActionError */.lZ('the image decision asks for a build but names no Dockerfile', {
            fix: 'report this at https://github.com/sindri/deploy-action/issues',
        });
    const root = inputs['build-context'] || '.';
    const copies = dockerfileInstructions(facts.dockerfileContent).some((i) => i.keyword === 'COPY' || i.keyword === 'ADD');
    if (copies && facts.exposedSecretFiles.length > 0)
        throw new errors/* ActionError */.lZ(`the build context ${root} holds ${facts.exposedSecretFiles.join(', ')} with secret values, and ${image.dockerfile} copies files from it into the template`, {
            where: { file: image.dockerfile },
            fix: `list ${facts.exposedSecretFiles.join(', ')} in ${(0,external_node_path_.join)(root, '.dockerignore')}, or pass the secrets through the environment`,
        });
    if (Object.keys(inputs['build-args']).length > 0)
        notes.push('build-args are not passed to E2B: the e2b CLI has no build arguments, and the template must not carry them');
    return {
        base: { kind: 'dockerfile', path: image.dockerfile, content: facts.dockerfileContent },
        root,
        dockerfile: (0,external_node_path_.relative)((0,external_node_path_.resolve)(ctx.workdir, root), (0,external_node_path_.resolve)(ctx.workdir, E2B_DOCKERFILE)),
    };
}
/** The Sindri image's start settings from `extensions`, written as ENV of the template (never a secret). */
function templateEnv(ctx) {
    const ext = ctx.config.extensions;
    return [
        ['E2B_PROVIDER', 'true'],
        ['INSTALL_PROFILE', ext.profile ?? 'base'],
        ['CUSTOM_EXTENSIONS', (ext.active ?? []).join(',')],
        ['ADDITIONAL_EXTENSIONS', (ext.additional ?? []).join(',')],
        ['SKIP_AUTO_INSTALL', String(!ext.auto_install)],
        ['INIT_WORKSPACE', 'true'],
    ];
}
function e2bSteps(ctx, facts) {
    const { config, inputs, image } = ctx;
    refuseGpu(config);
    const settings = e2bSettings(config);
    const { alias, name } = e2bNames(config, inputs['name-suffix'], settings);
    const notes = [];
    const source = templateSource(ctx, facts, notes);
    const spec = { base: source.base, env: templateEnv(ctx), secretNames: facts.secretNames };
    const dockerfile = renderE2bDockerfile(inputs.force ? { ...spec, cacheBust: facts.forceToken ?? 'force' } : spec);
    const memoryMb = e2bMemoryMb(config);
    const create = {
        alias,
        root: source.root,
        dockerfile: source.dockerfile,
        cpuCount: e2bCpuCount(config),
        memoryMb,
        startCmd: settings.startCmd,
        readyCmd: settings.readyCmd,
        noCache: inputs.force,
    };
    // everything that shapes the template, without the force token (after a forced build, the next
    // plain deploy is a skip); a built image's ref carries the git revision (rule 8)
    const contentTag = `${TAG_PREFIX}${(0,external_node_crypto_.createHash)('sha256')
        .update(JSON.stringify({
        dockerfile: inputs.force ? renderE2bDockerfile(spec) : dockerfile,
        create: { ...create, noCache: false },
        ref: image.build ? image.ref : image.deployRef,
    }))
        .digest('hex')
        .slice(0, 16)}`;
    if (settings.team)
        notes.push(`providers.e2b.team (${settings.team}) is not used: the API key decides the team`);
    if (!settings.reuseTemplate || settings.buildOnDeploy)
        notes.push(`the template is rebuilt on every deploy (${!settings.reuseTemplate ? 'reuseTemplate: false' : 'buildOnDeploy: true'})`);
    const planned = plannedCalls({ alias, name, contentTag, settings, create }, facts, inputs.force);
    return {
        alias,
        name,
        settings,
        dockerfile,
        contentTag,
        create,
        files: [{ path: E2B_DOCKERFILE, content: dockerfile }],
        commands: planned.commands,
        notes: [...notes, ...planned.notes],
    };
}
/** The commands deploy runs, in order, and notes naming the direct API calls between them. */
function plannedCalls(s, facts, force) {
    const { alias, name, contentTag, settings } = s;
    const notes = [];
    const commands = [
        { argv: ['e2b', ...e2bArgv.templateList()], why: `find template ${alias} and its current build`, mutates: false },
        {
            argv: ['e2b', ...e2bArgv.templateCreate(s.create)],
            why: `build template ${alias} unless its current build carries tag ${contentTag}${force ? ' (force: always, without cache)' : ''}`,
            mutates: true,
        },
    ];
    notes.push(`${API_NOTE} GET /templates/${alias}/tags, then POST /templates/tags {target: ${alias}, tags: [${contentTag}]} after a build`);
    if (settings.startSandbox) {
        commands.push({
            argv: ['e2b', ...e2bArgv.sandboxList(META_NAME, name)],
            why: 'the sandboxes this config started before',
            mutates: false,
        });
        notes.push(`${API_NOTE} POST /sandboxes {templateID: ${alias}, timeout: ${settings.timeout}, autoPause: ${settings.autoPause}, metadata: {${META_NAME}: ${name}, …}, envVars: {${facts.secretNames.join(', ') || 'none'}}} unless one already runs this template and these secrets`);
        commands.push({
            argv: ['e2b', ...e2bArgv.sandboxKill(['<earlier sandbox ids>'])],
            why: 'after the new sandbox started: the ones it replaces',
            mutates: true,
        });
    }
    else
        notes.push('providers.e2b.startSandbox is false: the template is built, no sandbox is started');
    if (facts.secretNames.length > 0)
        notes.push(`secrets (${facts.secretNames.join(', ')}) are never in the template: they are handed to the sandbox at start`);
    return { commands, notes };
}

;// CONCATENATED MODULE: ./src/providers/e2b/secrets.ts
/**
 * Where the config's secrets go with provider e2b, and where they must not. They never reach the
 * template (no ENV or ARG, nothing in the build context a COPY could take: E2B bakes both into
 * something anyone who starts the template can read); they go to the sandbox as `envVars` of the one
 * API request that starts it, and the sandbox carries only a keyed digest of them as metadata, so a
 * later deploy can tell whether a running sandbox has these values.
 */





/**
 * Secret files a COPY from the build context could pick up: `.env`, `.env.local` beside sindri.yaml and
 * `fromFile` targets, when inside the context and not excluded by a `.dockerignore` line.
 */
function exposedSecretFiles(config, contextDir) {
    const candidates = [(0,external_node_path_.join)(config.dir, '.env'), (0,external_node_path_.join)(config.dir, '.env.local')];
    for (const s of config.secrets)
        if (s.source === 'env' && s.fromFile)
            candidates.push((0,kit_secrets/* expandSecretPath */.AK)(s.fromFile, config.dir, process.env));
    const ignorePath = (0,external_node_path_.join)(contextDir, '.dockerignore');
    const patterns = (0,external_node_fs_.existsSync)(ignorePath)
        ? (0,external_node_fs_.readFileSync)(ignorePath, 'utf8')
            .split(/\r?\n/)
            .map((l) => l.trim())
            .filter((l) => l && !l.startsWith('#'))
        : [];
    const ignored = (rel) => patterns.some((p) => {
        if (p.startsWith('!'))
            return false;
        const re = new RegExp(`^${p
            .replace(/^\/+|\/+$/g, '')
            .replace(/[.+^${}()|[\]\\]/g, '\\$&')
            .replace(/\*\*\/?/g, '\u0000')
            .replace(/\*/g, '[^/]*')
            .replace(/\?/g, '[^/]')
            .replace(/\u0000/g, '(?:.*/)?')}(?:/.*)?$`);
        return re.test(rel) || re.test(rel.split('/').pop());
    });
    return candidates
        .filter((f) => (0,external_node_fs_.existsSync)(f))
        .map((f) => (0,external_node_path_.relative)(contextDir, f))
        .filter((rel) => rel && !rel.startsWith('..') && !(0,external_node_path_.isAbsolute)(rel) && !ignored(rel));
}
/** A keyed digest of the secret values: tells whether a running sandbox has these values, reveals nothing without the key. */
function envDigest(key, values) {
    const h = (0,external_node_crypto_.createHmac)('sha256', key);
    for (const [k, v] of [...values].sort(([a], [b]) => a.localeCompare(b)))
        h.update(`${k}\u0000${v}\u0000`);
    return h.digest('hex').slice(0, 16);
}
/** The body of `POST /sandboxes`: the only place the secret values are ever sent. */
function sandboxRequest(s) {
    const { settings } = s;
    return {
        templateID: s.templateID,
        timeout: settings.timeout,
        autoPause: settings.autoPause,
        ...(settings.autoPause ? { autoResume: { enabled: settings.autoResume } } : {}),
        metadata: { ...settings.metadata, [META_NAME]: s.name, [META_TEMPLATE_TAG]: s.contentTag, [META_ENV]: envDigest(s.key, s.secrets) },
        envVars: Object.fromEntries(s.secrets),
        secure: true,
    };
}

;// CONCATENATED MODULE: ./src/providers/e2b/provider.ts
/**
 * provider: e2b — an E2B sandbox template from the pinned prebuilt image or from the Dockerfile,
 * then (unless `providers.e2b.startSandbox: false`) a sandbox started from it
 * (docs/behaviour.md#providers, issue 9, ADR 0010). `plan` and `apply` share `e2bSteps`: the same
 * e2b.Dockerfile, the same argv.
 *
 * The e2b CLI builds, lists and deletes; the few calls it cannot make go to the E2B API directly:
 * template tags (the content hash that makes an unchanged template a skip) and the sandbox start,
 * which carries the secrets (secrets.ts).
 */













function apiKey(mode) {
    const key = process.env.E2B_API_KEY ?? '';
    if (!key)
        throw new errors/* ActionError */.lZ(`E2B_API_KEY is not set: ${mode} for provider e2b needs it`, {
            where: { field: 'env E2B_API_KEY' },
            fix: 'add env: E2B_API_KEY: ${{ secrets.E2B_API_KEY }} to the step',
        });
    (0,runner/* setSecret */.Pq)(key);
    return key;
}
/** The one read of the workspace the steps need: the Dockerfile of rule 8 and the secret files beside it. */
function gatherFacts(ctx, secretNames) {
    const facts = {
        secretNames,
        exposedSecretFiles: [],
        forceToken: `${process.env.GITHUB_RUN_ID ?? 'run'}-${(0,external_node_crypto_.randomBytes)(4).toString('hex')}`,
    };
    if (ctx.image.build && ctx.image.dockerfile) {
        const path = (0,external_node_path_.resolve)(ctx.workdir, ctx.image.dockerfile);
        if (!(0,external_node_fs_.existsSync)(path))
            throw new errors/* ActionError */.lZ(`Dockerfile ${ctx.image.dockerfile} does not exist`, {
                where: { field: 'input dockerfile' },
                fix: 'fix the path',
            });
        facts.dockerfileContent = (0,external_node_fs_.readFileSync)(path, 'utf8');
        facts.exposedSecretFiles = exposedSecretFiles(ctx.config, (0,external_node_path_.resolve)(ctx.workdir, ctx.inputs['build-context'] || '.'));
    }
    return facts;
}
function findTemplate(list, alias) {
    return list.find((t) => t.aliases?.includes(alias) || t.names?.includes(alias));
}
function openRun(ctx, mode) {
    const key = apiKey(mode);
    return { ctx, key, cli: new E2b(ctx.exec, ctx.workdir, key), api: new E2bApi(ctx.deadline, key) };
}
async function listTemplate(run, alias) {
    return findTemplate(await run.cli.templateList(run.ctx.deadline.budget(`listing the E2B templates to find ${alias}`, 60_000)), alias);
}
/** probe: the template, and whether its current build carries our content tag (then it is not rebuilt) */
async function probeTemplate(run, steps, rebuild) {
    const template = await listTemplate(run, steps.alias);
    if (!template || rebuild || template.buildStatus === 'error')
        return { template, unchanged: false };
    const tags = await run.api.templateTags(template.templateID);
    return { template, unchanged: tags.some((t) => t.tag === steps.contentTag && t.buildID === template.buildID) };
}
/** release: build the template, find it, tag its build with the content tag */
async function buildTemplate(run, steps) {
    await run.cli.templateCreate(steps.create, run.ctx.deadline.budget(`the build of E2B template ${steps.alias}`));
    const template = await listTemplate(run, steps.alias);
    if (!template)
        throw new errors/* ActionError */.lZ(`e2b template create reported success, but template ${steps.alias} is not listed`, {
            fix: 'retry; check the E2B dashboard',
        });
    await run.api.assignTags(steps.alias, [steps.contentTag]);
    return template;
}
async function listSandboxes(run, name) {
    return run.cli.sandboxList(META_NAME, name, run.ctx.deadline.budget(`listing the E2B sandboxes of ${name}`, 60_000));
}
/** release: start the sandbox with the secrets; on failure, say what is left */
async function startSandbox(run, steps, template, before, secrets) {
    const { alias } = steps;
    const body = sandboxRequest({ ...steps, templateID: template.templateID, key: run.key, secrets });
    try {
        const started = await run.api.createSandbox(body);
        (0,runner/* info */.pq)(`sandbox ${started.sandboxID} started from template ${alias}${secrets.size ? ` with ${secrets.size} secret(s) as environment` : ''}`);
        return started;
    }
    catch (e) {
        if (!(e instanceof errors/* ActionError */.lZ))
            throw e;
        // the template stays (a retry reuses it), earlier sandboxes were not touched
        const still = before.length ? `, sandbox ${before.map((s) => s.sandboxId).join(', ')} still runs` : '';
        throw new errors/* ActionError */.lZ(`${e.message.replace(/[.]$/, '')}; template ${alias} (${template.templateID}) is built and stays${still}`, {
            fix: `${e.fix ?? 'retry'}; mode: destroy removes the template`,
        });
    }
}
/** The outputs of a deploy that got as far as the template; `sandbox-id` when a sandbox runs. */
function deployResult(ctx, alias, template, unchanged) {
    return (skipped, sandboxId) => ({
        url: '',
        skipped,
        built: !unchanged && ctx.image.build,
        image: ctx.image.build ? ctx.image.ref : ctx.image.deployRef,
        digest: ctx.image.digest,
        connect: sandboxId ? `e2b sandbox connect ${sandboxId}` : undefined,
        extra: { 'template-id': template.templateID, 'template-alias': alias, ...(sandboxId ? { 'sandbox-id': sandboxId } : {}) },
    });
}
/** retire: the deploy has succeeded, so an earlier sandbox that will not die is a warning, not a failure */
async function retireEarlier(run, earlier) {
    try {
        await run.cli.sandboxKill(earlier, run.ctx.deadline.budget(`killing the earlier E2B sandboxes ${earlier.join(', ')}`, 60_000));
    }
    catch (e) {
        (0,runner/* warning */.$e)(`the earlier sandbox ${earlier.join(', ')} still runs: ${e instanceof errors/* ActionError */.lZ ? e.message : String(e)}; kill it with e2b sandbox kill ${earlier.join(' ')}`);
    }
}
class E2bProvider {
    name = 'e2b';
    async plan(ctx) {
        const secrets = (0,kit_secrets/* resolveSecrets */.Mx)(ctx.config);
        const steps = e2bSteps(ctx, gatherFacts(ctx, [...secrets.values.keys()]));
        const notes = [...steps.notes, ...secrets.notices.map((n) => n.message)];
        if (secrets.missingRequired.length > 0)
            notes.push(`required secrets not set: ${secrets.missingRequired.join(', ')} (deploy fails before any E2B call)`);
        if (!process.env.E2B_API_KEY)
            notes.push('E2B_API_KEY is not set: deploy fails before any E2B call');
        notes.push(`E2B API at ${e2bApiUrl()}`);
        return { files: steps.files, commands: steps.commands, notes };
    }
    async apply(ctx) {
        // render: everything that can fail without E2B fails first (GPU, settings, key, secrets, the Dockerfile)
        const run = openRun(ctx, 'deploy');
        const secrets = (0,kit_secrets/* requireSecrets */.pU)(ctx.config);
        (0,notices/* warnNotices */.o)(ctx.config, secrets.notices);
        const steps = e2bSteps(ctx, gatherFacts(ctx, [...secrets.values.keys()]));
        for (const n of steps.notes.filter((x) => !x.startsWith(API_NOTE)))
            (0,runner/* info */.pq)(n);
        const { alias, settings, contentTag } = steps;
        // prepare
        (0,external_node_fs_.mkdirSync)((0,external_node_path_.join)(ctx.workdir, E2B_DIR), { recursive: true });
        (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(ctx.workdir, E2B_DOCKERFILE), steps.dockerfile, { mode: 0o644 });
        // probe, then release the template unless its current build is ours
        const probed = await probeTemplate(run, steps, ctx.inputs.force || !settings.reuseTemplate || settings.buildOnDeploy);
        const { unchanged } = probed;
        if (unchanged)
            (0,runner/* info */.pq)(`template ${alias} (${probed.template.templateID}) was built from these inputs (tag ${contentTag}): not rebuilt`);
        const template = unchanged ? probed.template : await buildTemplate(run, steps);
        const result = deployResult(ctx, alias, template, unchanged);
        if (!settings.startSandbox)
            return result(unchanged);
        // probe the sandboxes: one that runs this build with these secrets stays
        const before = await listSandboxes(run, steps.name);
        const env = envDigest(run.key, secrets.values);
        const current = before.find((s) => s.metadata[META_TEMPLATE_TAG] === contentTag && s.metadata[META_ENV] === env);
        if (unchanged && current && !ctx.inputs.force) {
            (0,runner/* info */.pq)(`sandbox ${current.sandboxId} already runs template ${alias} with these settings: nothing to do (force: true restarts it)`);
            return result(true, current.sandboxId);
        }
        // release the sandbox, then retire the ones it replaces
        const started = await startSandbox(run, steps, template, before, secrets.values);
        await retireEarlier(run, before.map((s) => s.sandboxId).filter((id) => id !== started.sandboxID));
        return result(false, started.sandboxID);
    }
    async destroy(ctx) {
        const run = openRun(ctx, 'destroy');
        const { alias, name } = e2bNames(ctx.config, ctx.inputs['name-suffix'], e2bSettings(ctx.config));
        const removed = [];
        // sandboxes first: E2B refuses to delete a template that running or paused sandboxes use
        const sandboxes = await listSandboxes(run, name);
        await run.cli.sandboxKill(sandboxes.map((s) => s.sandboxId), ctx.deadline.budget(`killing the E2B sandboxes of ${name}`, 60_000));
        removed.push(...sandboxes.map((s) => `sandbox ${s.sandboxId}`));
        const template = await listTemplate(run, alias);
        if (template) {
            if ((await run.api.templateTags(template.templateID)).some((t) => t.tag.startsWith(TAG_PREFIX))) {
                await run.cli.templateDelete(template.templateID, ctx.deadline.budget(`deleting E2B template ${alias}`, 60_000));
                removed.push(`template ${alias} (${template.templateID})`);
            }
            else
                (0,runner/* warning */.$e)(`template ${alias} was not built by this action (no ${TAG_PREFIX}* tag) and is left alone`);
        }
        const dir = (0,external_node_path_.join)(ctx.workdir, E2B_DIR);
        if ((0,external_node_fs_.existsSync)((0,external_node_path_.join)(dir, E2B_DOCKERFILE_NAME)))
            removed.push(`file ${E2B_DOCKERFILE}`);
        (0,external_node_fs_.rmSync)((0,external_node_path_.join)(dir, E2B_DOCKERFILE_NAME), { force: true });
        // the directory goes only when nothing else of the user's is in it
        if ((0,external_node_fs_.existsSync)(dir) && (0,external_node_fs_.readdirSync)(dir).length === 0)
            (0,external_node_fs_.rmdirSync)(dir);
        return { removed };
    }
}


/***/ })

};
