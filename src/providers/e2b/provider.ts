/**
 * provider: e2b — an E2B sandbox template from the pinned prebuilt image or from the Dockerfile,
 * then (unless `providers.e2b.startSandbox: false`) a sandbox started from it (SPEC §5, issue 9,
 * ADR 0010). `plan` and `apply` share `e2bSteps`: the same e2b.Dockerfile, the same argv.
 *
 * Secrets never reach the template: not as ENV/ARG, not in the build context. They go to the sandbox
 * at start, as `envVars` of the one API request that starts it.
 */
import { createHash, createHmac } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { e2bArgv, E2b, type E2bSandbox, type E2bTemplate, type TemplateCreateSpec } from '../../external/e2b.js';
import type { SindriConfig } from '../../config/types.js';
import { ActionError } from '../../errors.js';
import { resourceName, type NamingRules } from '../../naming.js';
import { info, setSecret, warning } from '../../runner.js';
import { E2bApi, e2bApiUrl, type NewSandbox } from '../../external/e2b-api.js';
import { E2B_DIR, E2B_DOCKERFILE, E2B_DOCKERFILE_NAME, dockerfileInstructions, renderE2bDockerfile, type E2bBase } from './dockerfile.js';
import { expandSecretPath, requireSecrets, resolveSecrets, type SecretNotice } from '../kit/secrets.js';
import type { DeployResult, DestroyContext, PlannedCommand, PlannedFile, Provider, ProviderContext, ProviderPlan } from '../types.js';

/** E2B template names: lowercase letters, digits, dashes (underscores too, but not in a DNS-ish name), ≤ 128 */
export const E2B_NAMING: NamingRules = { max: 128, invalid: /[^a-z0-9-]+/g, lowercase: true };
/** metadata keys carried by every sandbox we start (upstream's `sindri_name`, FACTS §3.4) */
export const META_NAME = 'sindri_name';
export const META_TEMPLATE_TAG = 'sindri_template';
export const META_ENV = 'sindri_env';
/** the tag that records which inputs built the template's current build */
export const TAG_PREFIX = 'sindri-';

export interface E2bSettings {
  templateAlias?: string;
  reuseTemplate: boolean;
  buildOnDeploy: boolean;
  /** seconds, 60–86400 */
  timeout: number;
  autoPause: boolean;
  autoResume: boolean;
  metadata: Record<string, string>;
  team?: string;
  /** ours (ADR 0010): false = build the template only */
  startSandbox: boolean;
  startCmd?: string;
  readyCmd?: string;
}

/** What the steps depend on besides the context; plan and apply fill it the same way. */
export interface E2bFacts {
  secretNames: string[];
  /** rule 8: the discovered Dockerfile's content */
  dockerfileContent?: string;
  /** rule 8: secret files (.env, .env.local, fromFile) inside the build context that .dockerignore does not exclude */
  exposedSecretFiles: string[];
  /** with force: a token unique to this run, written after FROM so E2B's layer cache misses */
  forceToken?: string;
}

export interface E2bSteps {
  alias: string;
  /** `<name>[-<suffix>]`: the value of metadata `sindri_name` */
  name: string;
  settings: E2bSettings;
  dockerfile: string;
  /** `sindri-<16 hex>` of everything that goes into the template */
  contentTag: string;
  create: TemplateCreateSpec;
  files: PlannedFile[];
  commands: PlannedCommand[];
  notes: string[];
}

function fail(config: SindriConfig, field: string, what: string, fix: string): never {
  const at = config.locate(field.split('.'));
  throw new ActionError(what, { where: { file: config.file, line: at?.line, column: at?.column, field }, fix });
}

/** providers.e2b with upstream's defaults (FACTS §1.8), validated. */
export function e2bSettings(config: SindriConfig): E2bSettings {
  const raw = config.providers.e2b ?? {};
  const bool = (k: string, d: boolean): boolean => {
    const v = raw[k];
    if (v === undefined || v === null) return d;
    if (typeof v !== 'boolean') fail(config, `providers.e2b.${k}`, `providers.e2b.${k} must be true or false`, `write ${k}: ${d}`);
    return v;
  };
  const str = (k: string): string | undefined => {
    const v = raw[k];
    if (v === undefined || v === null || v === '') return undefined;
    if (typeof v !== 'string') fail(config, `providers.e2b.${k}`, `providers.e2b.${k} must be a string`, 'quote the value');
    return v;
  };
  const alias = str('templateAlias');
  if (alias !== undefined && !/^[a-z][a-z0-9-]*$/.test(alias))
    fail(
      config,
      'providers.e2b.templateAlias',
      `template alias "${alias}" is not valid`,
      'use lowercase letters, digits and -, starting with a letter',
    );
  const timeout = raw.timeout ?? 300;
  if (typeof timeout !== 'number' || !Number.isInteger(timeout) || timeout < 60 || timeout > 86400)
    fail(config, 'providers.e2b.timeout', `providers.e2b.timeout ${String(timeout)} is out of range`, 'use whole seconds from 60 to 86400');
  const metadata: Record<string, string> = {};
  const rawMeta = raw.metadata ?? {};
  if (typeof rawMeta !== 'object' || Array.isArray(rawMeta))
    fail(config, 'providers.e2b.metadata', 'providers.e2b.metadata must be a map of strings', 'write key: value pairs');
  for (const [k, v] of Object.entries(rawMeta as Record<string, unknown>)) {
    if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean')
      fail(config, `providers.e2b.metadata.${k}`, `metadata ${k} must be a string`, 'quote the value');
    if (k.startsWith('sindri_'))
      fail(
        config,
        `providers.e2b.metadata.${k}`,
        `metadata key ${k} is reserved for the action`,
        'rename it (sindri_* keys identify what the action started)',
      );
    metadata[k] = String(v);
  }
  return {
    templateAlias: alias,
    reuseTemplate: bool('reuseTemplate', true),
    buildOnDeploy: bool('buildOnDeploy', false),
    timeout,
    autoPause: bool('autoPause', true),
    autoResume: bool('autoResume', true),
    metadata,
    team: str('team'),
    startSandbox: bool('startSandbox', true),
    startCmd: str('startCmd'),
    readyCmd: str('readyCmd'),
  };
}

/** `4GB` → 4096, `512MB` → 512 (E2B wants an even number of MiB). Default 2048 (upstream's 2GB). */
export function e2bMemoryMb(config: SindriConfig): number {
  const value = config.deployment.resources.memory;
  if (value === undefined) return 2048;
  const m = /^(\d+)\s*(MB|GB|MiB|GiB|M|G)$/i.exec(value.trim());
  const mb = m ? Number(m[1]) * (/^g/i.test(m[2]!) ? 1024 : 1) : NaN;
  if (!m || mb < 128 || mb % 2 !== 0)
    fail(config, 'deployment.resources.memory', `memory "${value}" is not a size E2B accepts`, 'write an even size such as 2GB or 1024MB');
  return mb;
}

export function templateAlias(config: SindriConfig, suffix: string, settings: E2bSettings = e2bSettings(config)): string {
  return resourceName(settings.templateAlias ?? config.name, suffix, E2B_NAMING);
}

/** The pure heart: e2b.Dockerfile, template argv and what else deploy does. */
export function e2bSteps(ctx: ProviderContext, facts: E2bFacts): E2bSteps {
  const { config, inputs, image } = ctx;
  // upstream's rule (FACTS §3.4): before anything is rendered or built
  if (config.deployment.resources.gpu?.enabled)
    fail(
      config,
      'deployment.resources.gpu.enabled',
      'E2B has no GPUs: provider e2b cannot deploy a config with gpu.enabled',
      'set gpu.enabled: false, or deploy to docker, fly or kubernetes',
    );
  const settings = e2bSettings(config);
  const suffix = inputs['name-suffix'];
  const alias = templateAlias(config, suffix, settings);
  const name = resourceName(config.name, suffix, E2B_NAMING);
  const notes: string[] = [];

  let base: E2bBase;
  let root: string;
  let dockerfileArg: string;
  if (image.build) {
    if (!image.dockerfile || facts.dockerfileContent === undefined)
      throw new ActionError('the image decision asks for a build but names no Dockerfile', {
        fix: 'report this at https://github.com/sindri/deploy-action/issues',
      });
    base = { kind: 'dockerfile', path: image.dockerfile, content: facts.dockerfileContent };
    root = inputs['build-context'] || '.';
    dockerfileArg = relative(resolve(ctx.workdir, root), resolve(ctx.workdir, E2B_DOCKERFILE));
    const copies = dockerfileInstructions(facts.dockerfileContent).some((i) => i.keyword === 'COPY' || i.keyword === 'ADD');
    if (copies && facts.exposedSecretFiles.length > 0)
      throw new ActionError(
        `the build context ${root} holds ${facts.exposedSecretFiles.join(', ')} with secret values, and ${image.dockerfile} copies files from it into the template`,
        {
          where: { file: image.dockerfile },
          fix: `list ${facts.exposedSecretFiles.join(', ')} in ${join(root, '.dockerignore')}, or pass the secrets through the environment`,
        },
      );
    if (Object.keys(inputs['build-args']).length > 0)
      notes.push('build-args are not passed to E2B: the e2b CLI has no build arguments, and the template must not carry them');
  } else {
    base = { kind: 'image', ref: image.deployRef };
    // the CLI reads the Dockerfile and any COPY source from --path: only our own directory, nothing else
    root = E2B_DIR;
    dockerfileArg = E2B_DOCKERFILE_NAME;
    if (!image.digest)
      notes.push(
        `the template starts FROM ${image.deployRef} as written (pin-digest: false): a later push to that tag changes what a rebuild gets`,
      );
  }
  const ext = config.extensions;
  const env: [string, string][] = [
    ['E2B_PROVIDER', 'true'],
    ['INSTALL_PROFILE', ext.profile ?? 'base'],
    ['CUSTOM_EXTENSIONS', (ext.active ?? []).join(',')],
    ['ADDITIONAL_EXTENSIONS', (ext.additional ?? []).join(',')],
    ['SKIP_AUTO_INSTALL', String(!ext.auto_install)],
    ['INIT_WORKSPACE', 'true'],
  ];
  const spec = { base, env, secretNames: facts.secretNames };
  const dockerfile = renderE2bDockerfile(inputs.force ? { ...spec, cacheBust: facts.forceToken ?? 'force' } : spec);
  // the tag names the inputs without the force token: after a forced build, the next plain deploy is a skip
  const tagged = inputs.force ? renderE2bDockerfile(spec) : dockerfile;

  const create: TemplateCreateSpec = {
    alias,
    root,
    dockerfile: dockerfileArg,
    cpuCount: config.deployment.resources.cpus ?? 2,
    memoryMb: e2bMemoryMb(config),
    startCmd: settings.startCmd,
    readyCmd: settings.readyCmd,
    noCache: inputs.force,
  };
  if (!Number.isInteger(create.cpuCount) || create.cpuCount < 1)
    fail(config, 'deployment.resources.cpus', `cpus ${create.cpuCount} is not a whole number of CPUs`, 'write cpus: 2');
  // everything that shapes the template; a built image's ref carries the git revision (rule 8)
  const contentTag = `${TAG_PREFIX}${createHash('sha256')
    .update(JSON.stringify({ dockerfile: tagged, create: { ...create, noCache: false }, ref: image.build ? image.ref : image.deployRef }))
    .digest('hex')
    .slice(0, 16)}`;
  if (settings.team) notes.push(`providers.e2b.team (${settings.team}) is not used: the API key decides the team`);
  if (!settings.reuseTemplate || settings.buildOnDeploy)
    notes.push(`the template is rebuilt on every deploy (${!settings.reuseTemplate ? 'reuseTemplate: false' : 'buildOnDeploy: true'})`);

  const commands: PlannedCommand[] = [
    { argv: ['e2b', ...e2bArgv.templateList()], why: `find template ${alias} and its current build`, mutates: false },
    {
      argv: ['e2b', ...e2bArgv.templateCreate(create)],
      why: `build template ${alias} unless its current build carries tag ${contentTag}${inputs.force ? ' (force: always, without cache)' : ''}`,
      mutates: true,
    },
  ];
  notes.push(`E2B API: GET /templates/${alias}/tags, then POST /templates/tags {target: ${alias}, tags: [${contentTag}]} after a build`);
  if (settings.startSandbox) {
    commands.push({
      argv: ['e2b', ...e2bArgv.sandboxList(META_NAME, name)],
      why: 'the sandboxes this config started before',
      mutates: false,
    });
    notes.push(
      `E2B API: POST /sandboxes {templateID: ${alias}, timeout: ${settings.timeout}, autoPause: ${settings.autoPause}, metadata: {${META_NAME}: ${name}, …}, envVars: {${facts.secretNames.join(', ') || 'none'}}} unless one already runs this template and these secrets`,
    );
    commands.push({
      argv: ['e2b', ...e2bArgv.sandboxKill(['<earlier sandbox ids>'])],
      why: 'after the new sandbox started: the ones it replaces',
      mutates: true,
    });
  } else notes.push('providers.e2b.startSandbox is false: the template is built, no sandbox is started');
  if (facts.secretNames.length > 0)
    notes.push(`secrets (${facts.secretNames.join(', ')}) are never in the template: they are handed to the sandbox at start`);
  return { alias, name, settings, dockerfile, contentTag, create, files: [{ path: E2B_DOCKERFILE, content: dockerfile }], commands, notes };
}

/**
 * Secret files a COPY from the build context could pick up: `.env`, `.env.local` beside sindri.yaml and
 * `fromFile` targets, when inside the context and not excluded by a `.dockerignore` line.
 */
export function exposedSecretFiles(config: SindriConfig, contextDir: string): string[] {
  const candidates = [join(config.dir, '.env'), join(config.dir, '.env.local')];
  for (const s of config.secrets)
    if (s.source === 'env' && s.fromFile) candidates.push(expandSecretPath(s.fromFile, config.dir, process.env));
  const ignorePath = join(contextDir, '.dockerignore');
  const patterns = existsSync(ignorePath)
    ? readFileSync(ignorePath, 'utf8')
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter((l) => l && !l.startsWith('#'))
    : [];
  const ignored = (rel: string) =>
    patterns.some((p) => {
      if (p.startsWith('!')) return false;
      const re = new RegExp(
        `^${p
          .replace(/^\/+|\/+$/g, '')
          .replace(/[.+^${}()|[\]\\]/g, '\\$&')
          .replace(/\*\*\/?/g, '\u0000')
          .replace(/\*/g, '[^/]*')
          .replace(/\?/g, '[^/]')
          .replace(/\u0000/g, '(?:.*/)?')}(?:/.*)?$`,
      );
      return re.test(rel) || re.test(rel.split('/').pop()!);
    });
  return candidates
    .filter((f) => existsSync(f))
    .map((f) => relative(contextDir, f))
    .filter((rel) => rel && !rel.startsWith('..') && !isAbsolute(rel) && !ignored(rel));
}

function emitNotices(config: SindriConfig, notices: readonly SecretNotice[]): void {
  for (const n of notices) warning(n.message, { file: config.file, startLine: n.line, startColumn: n.column, title: n.field });
}

function apiKey(mode: string): string {
  const key = process.env.E2B_API_KEY ?? '';
  if (!key)
    throw new ActionError(`E2B_API_KEY is not set: ${mode} for provider e2b needs it`, {
      where: { field: 'env E2B_API_KEY' },
      fix: 'add env: E2B_API_KEY: ${{ secrets.E2B_API_KEY }} to the step',
    });
  setSecret(key);
  return key;
}

/** A keyed digest of the secret values: tells whether a running sandbox has these values, reveals nothing without the key. */
function envDigest(key: string, values: ReadonlyMap<string, string>): string {
  const h = createHmac('sha256', key);
  for (const [k, v] of [...values].sort(([a], [b]) => a.localeCompare(b))) h.update(`${k}\u0000${v}\u0000`);
  return h.digest('hex').slice(0, 16);
}

function findTemplate(list: readonly E2bTemplate[], alias: string): E2bTemplate | undefined {
  return list.find((t) => t.aliases?.includes(alias) || t.names?.includes(alias));
}

export class E2bProvider implements Provider {
  readonly name = 'e2b' as const;

  private facts(ctx: ProviderContext, secretNames: string[]): E2bFacts {
    const facts: E2bFacts = {
      secretNames,
      exposedSecretFiles: [],
      forceToken: `${process.env.GITHUB_RUN_ID ?? 'run'}-${Date.now().toString(36)}`,
    };
    if (ctx.image.build && ctx.image.dockerfile) {
      const path = resolve(ctx.workdir, ctx.image.dockerfile);
      if (!existsSync(path))
        throw new ActionError(`Dockerfile ${ctx.image.dockerfile} does not exist`, {
          where: { field: 'input dockerfile' },
          fix: 'fix the path',
        });
      facts.dockerfileContent = readFileSync(path, 'utf8');
      facts.exposedSecretFiles = exposedSecretFiles(ctx.config, resolve(ctx.workdir, ctx.inputs['build-context'] || '.'));
    }
    return facts;
  }

  async plan(ctx: ProviderContext): Promise<ProviderPlan> {
    const secrets = resolveSecrets(ctx.config);
    const steps = e2bSteps(ctx, this.facts(ctx, [...secrets.values.keys()]));
    const notes = [...steps.notes, ...secrets.notices.map((n) => n.message)];
    if (secrets.missingRequired.length > 0)
      notes.push(`required secrets not set: ${secrets.missingRequired.join(', ')} (deploy fails before any E2B call)`);
    if (!process.env.E2B_API_KEY) notes.push('E2B_API_KEY is not set: deploy fails before any E2B call');
    notes.push(`E2B API at ${e2bApiUrl()}`);
    return { files: steps.files, commands: steps.commands, notes };
  }

  async apply(ctx: ProviderContext): Promise<DeployResult> {
    // 1. everything that can fail without E2B fails first: GPU, settings, key, secrets, the Dockerfile
    const key = apiKey('deploy');
    const secrets = requireSecrets(ctx.config);
    emitNotices(ctx.config, secrets.notices);
    const steps = e2bSteps(ctx, this.facts(ctx, [...secrets.values.keys()]));
    // the plan's notes, without the API calls it announces (deploy logs them as it makes them)
    for (const n of steps.notes.filter((x) => !x.startsWith('E2B API:'))) info(n);
    const { alias, settings, contentTag } = steps;
    mkdirSync(join(ctx.workdir, E2B_DIR), { recursive: true });
    writeFileSync(join(ctx.workdir, E2B_DOCKERFILE), steps.dockerfile, { mode: 0o644 });

    const cli = new E2b(ctx.exec, ctx.workdir, key);
    const api = new E2bApi(ctx.deadline, key);

    // 2. the template: skipped when its current build carries our content tag
    let template = findTemplate(await cli.templateList(ctx.deadline.budget('e2b templateList', 60_000)), alias);
    const alwaysBuild = ctx.inputs.force || !settings.reuseTemplate || settings.buildOnDeploy;
    let unchanged = false;
    if (template && !alwaysBuild && template.buildStatus !== 'error') {
      const tags = await api.templateTags(template.templateID);
      unchanged = tags.some((t) => t.tag === contentTag && t.buildID === template!.buildID);
    }
    if (unchanged) info(`template ${alias} (${template!.templateID}) was built from these inputs (tag ${contentTag}): not rebuilt`);
    else {
      await cli.templateCreate(steps.create, ctx.deadline.budget('e2b templateCreate', ctx.inputs.timeout));
      template = findTemplate(await cli.templateList(ctx.deadline.budget('e2b templateList', 60_000)), alias);
      if (!template)
        throw new ActionError(`e2b template create reported success, but template ${alias} is not listed`, {
          fix: 'retry; check the E2B dashboard',
        });
      await api.assignTags(alias, [contentTag]);
    }
    const extra: Record<string, string> = { 'template-id': template!.templateID, 'template-alias': alias };
    const result = (skipped: boolean, sandboxId?: string): DeployResult => ({
      url: '',
      skipped,
      built: !unchanged && ctx.image.build,
      image: ctx.image.build ? ctx.image.ref : ctx.image.deployRef,
      digest: ctx.image.digest,
      connect: sandboxId ? `e2b sandbox connect ${sandboxId}` : undefined,
      extra: sandboxId ? { ...extra, 'sandbox-id': sandboxId } : extra,
    });
    if (!settings.startSandbox) return result(unchanged);

    // 3. the sandbox: one that runs this build with these secrets stays; otherwise start, then replace
    const env = envDigest(key, secrets.values);
    const before: E2bSandbox[] = await cli.sandboxList(META_NAME, steps.name, ctx.deadline.budget('e2b sandboxList', 60_000));
    const current = before.find((s) => s.metadata[META_TEMPLATE_TAG] === contentTag && s.metadata[META_ENV] === env);
    if (unchanged && current && !ctx.inputs.force) {
      info(`sandbox ${current.sandboxId} already runs template ${alias} with these settings: nothing to do (force: true restarts it)`);
      return result(true, current.sandboxId);
    }
    const body: NewSandbox = {
      templateID: template!.templateID,
      timeout: settings.timeout,
      autoPause: settings.autoPause,
      ...(settings.autoPause ? { autoResume: { enabled: settings.autoResume } } : {}),
      metadata: { ...settings.metadata, [META_NAME]: steps.name, [META_TEMPLATE_TAG]: contentTag, [META_ENV]: env },
      envVars: Object.fromEntries(secrets.values),
      secure: true,
    };
    let started: { sandboxID: string };
    try {
      started = await api.createSandbox(body);
    } catch (e) {
      // say what is left: the template stays (a retry reuses it), earlier sandboxes were not touched
      if (e instanceof ActionError)
        throw new ActionError(
          `${e.message.replace(/[.]$/, '')}; template ${alias} (${template!.templateID}) is built and stays${before.length ? `, sandbox ${before.map((s) => s.sandboxId).join(', ')} still runs` : ''}`,
          {
            fix: `${e.fix ?? 'retry'}; mode: destroy removes the template`,
          },
        );
      throw e;
    }
    info(
      `sandbox ${started.sandboxID} started from template ${alias}${secrets.values.size ? ` with ${secrets.values.size} secret(s) as environment` : ''}`,
    );
    // the deploy has succeeded: an earlier sandbox that will not die is a warning, not a failure
    const earlier = before.map((s) => s.sandboxId).filter((id) => id !== started.sandboxID);
    try {
      await cli.sandboxKill(earlier, ctx.deadline.budget('e2b sandboxKill', 60_000));
    } catch (e) {
      warning(
        `the earlier sandbox ${earlier.join(', ')} still runs: ${e instanceof ActionError ? e.message : String(e)}; kill it with e2b sandbox kill ${earlier.join(' ')}`,
      );
    }
    return result(false, started.sandboxID);
  }

  async destroy(ctx: DestroyContext): Promise<{ removed: string[] }> {
    const key = apiKey('destroy');
    const settings = e2bSettings(ctx.config);
    const suffix = ctx.inputs['name-suffix'];
    const alias = templateAlias(ctx.config, suffix, settings);
    const name = resourceName(ctx.config.name, suffix, E2B_NAMING);
    const cli = new E2b(ctx.exec, ctx.workdir, key);
    const api = new E2bApi(ctx.deadline, key);
    const removed: string[] = [];

    const sandboxes = await cli.sandboxList(META_NAME, name, ctx.deadline.budget('e2b sandboxList', 60_000));
    await cli.sandboxKill(
      sandboxes.map((s) => s.sandboxId),
      ctx.deadline.budget('e2b sandbox kill', 60_000),
    );
    removed.push(...sandboxes.map((s) => `sandbox ${s.sandboxId}`));

    const template = findTemplate(await cli.templateList(ctx.deadline.budget('e2b templateList', 60_000)), alias);
    if (template) {
      const ours = (await api.templateTags(template.templateID)).some((t) => t.tag.startsWith(TAG_PREFIX));
      if (ours) {
        await cli.templateDelete(template.templateID, ctx.deadline.budget('e2b templateDelete', 60_000));
        removed.push(`template ${alias} (${template.templateID})`);
      } else warning(`template ${alias} was not built by this action (no ${TAG_PREFIX}* tag) and is left alone`);
    }
    const dir = join(ctx.workdir, E2B_DIR);
    if (existsSync(join(dir, E2B_DOCKERFILE_NAME))) removed.push(`file ${E2B_DOCKERFILE}`);
    rmSync(join(dir, E2B_DOCKERFILE_NAME), { force: true });
    // the directory goes only when nothing else of the user's is in it
    if (existsSync(dir) && readdirSync(dir).length === 0) rmdirSync(dir);
    return { removed };
  }
}
