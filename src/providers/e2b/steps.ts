/**
 * The pure heart of provider e2b: from the context and the facts gathered once, the e2b.Dockerfile,
 * the template's argv, the content tag that makes an unchanged template a skip, and what else deploy
 * does. `plan` and `apply` both call `e2bSteps`, so the plan shows exactly what deploy runs.
 */
import { createHash } from 'node:crypto';
import { join, relative, resolve } from 'node:path';
import { ActionError } from '../../errors.js';
import { e2bArgv, type TemplateCreateSpec } from '../../external/e2b.js';
import { quoteArgv } from '../../text.js';
import { unusedBuildKitInputs } from '../kit/build.js';
import type { PlannedCommand, PlannedFile, ProviderContext } from '../types.js';
import { startArgv, type ImageStart } from './image-config.js';
import { E2B_DIR, E2B_DOCKERFILE, E2B_DOCKERFILE_NAME, dockerfileInstructions, renderE2bDockerfile, type E2bBase } from './dockerfile.js';
import { e2bCpuCount, e2bMemoryMb, e2bNames, e2bSettings, refuseGpu, type E2bSettings } from './settings.js';

/** metadata keys carried by every sandbox we start (upstream's `sindri_name`, docs/upstream.md#e2b-provider) */
export const META_NAME = 'sindri_name';
export const META_TEMPLATE_TAG = 'sindri_template';
export const META_ENV = 'sindri_env';
/** the pinned ref the template was built from (a prebuilt image's `repo@sha256:…`, or the built ref) */
export const META_IMAGE = 'sindri_image';
/** the template build the sandbox was started from: what a rollback restores */
export const META_BUILD = 'sindri_build';
/** the tag that records which inputs built the template's current build */
export const TAG_PREFIX = 'sindri-';
/** the plan's notes about direct API calls start with this; deploy logs the calls as it makes them */
export const API_NOTE = 'E2B API:';

/** What the steps depend on besides the context; plan and apply fill it the same way. */
export interface E2bFacts {
  secretNames: string[];
  /** rule 8: the discovered Dockerfile's content */
  dockerfileContent?: string;
  /** rule 8: secret files (.env, .env.local, fromFile) inside the build context that .dockerignore does not exclude */
  exposedSecretFiles: string[];
  /** with force: a token unique to this run, written after FROM so E2B's layer cache misses */
  forceToken?: string;
  /** a prebuilt image's ENTRYPOINT and CMD from its config (undefined: not read) */
  imageStart?: ImageStart;
}

/** Dockerfile instructions the E2B CLI's parser turns into template steps (@e2b/cli 2.19, dockerfileParser.ts) */
const PARSED = new Set(['FROM', 'RUN', 'COPY', 'ADD', 'WORKDIR', 'USER', 'ENV', 'ARG', 'CMD', 'ENTRYPOINT']);
/** the ones it drops without a word; every other one it drops with `Unsupported instruction: <X>` */
const DROPPED_SILENTLY = new Set(['EXPOSE', 'VOLUME']);

/** What of a rule-8 Dockerfile E2B will not do, one warning per instruction, at its line. */
export function ignoredInstructions(path: string, content: string): string[] {
  return dockerfileInstructions(content).flatMap((i) => {
    if (i.keyword === 'ADD')
      return [`${path}:${i.line}: E2B copies ADD sources as they are: no URL download, no archive extraction (use RUN curl / tar)`];
    if (PARSED.has(i.keyword)) return [];
    return [
      `${path}:${i.line}: E2B's template build ignores ${i.keyword}${DROPPED_SILENTLY.has(i.keyword) ? ' (without saying so)' : ''}: it is not in the template`,
    ];
  });
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
  /** what the user wrote that E2B will not do (deploy prints them as warnings) */
  warnings: string[];
  /**
   * a private pinned image: the template is built through the API with registry credentials
   * (registry-build.ts), `e2b template create` having no way to pass them; undefined: the CLI builds
   */
  privateBase?: { image: string; registry: string; credentials: string };
}

type StepsContext = Pick<ProviderContext, 'config' | 'inputs' | 'image' | 'workdir'>;

/** Where the template starts: the pinned image (rules 1–7, 9) or the discovered Dockerfile (rule 8). */
function templateSource(ctx: StepsContext, facts: E2bFacts, notes: string[]): { base: E2bBase; root: string; dockerfile: string } {
  const { image, inputs } = ctx;
  if (!image.build) {
    if (!image.digest)
      notes.push(
        `the template starts FROM ${image.deployRef} as written (pin-digest: false): a later push to that tag changes what a rebuild gets`,
      );
    // the CLI reads the Dockerfile and any COPY source from --path: only our own directory, nothing else
    return { base: { kind: 'image', ref: image.deployRef }, root: E2B_DIR, dockerfile: E2B_DOCKERFILE_NAME };
  }
  if (!image.dockerfile || facts.dockerfileContent === undefined)
    throw new ActionError('the image decision asks for a build but names no Dockerfile', {
      fix: 'report this at https://github.com/sindri/deploy-action/issues',
    });
  const root = inputs['build-context'] || '.';
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
  notes.push(
    ...unusedBuildKitInputs(inputs, 'E2B builds the template on its own builders, and the e2b CLI takes no BuildKit cache or secret'),
  );
  return {
    base: { kind: 'dockerfile', path: image.dockerfile, content: facts.dockerfileContent },
    root,
    dockerfile: relative(resolve(ctx.workdir, root), resolve(ctx.workdir, E2B_DOCKERFILE)),
  };
}

/** The Sindri image's start settings from `extensions`, written as ENV of the template (never a secret). */
function templateEnv(ctx: StepsContext): [string, string][] {
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

export function e2bSteps(ctx: StepsContext, facts: E2bFacts): E2bSteps {
  const { config, inputs, image } = ctx;
  refuseGpu(config);
  const settings = e2bSettings(config);
  const { alias, name } = e2bNames(config, inputs['name-suffix'], settings);
  const notes: string[] = [];
  const source = templateSource(ctx, facts, notes);
  const spec = { base: source.base, env: templateEnv(ctx), secretNames: facts.secretNames };
  const dockerfile = renderE2bDockerfile(inputs.force ? { ...spec, cacheBust: facts.forceToken ?? 'force' } : spec);
  const memoryMb = e2bMemoryMb(config);
  const warnings = source.base.kind === 'dockerfile' ? ignoredInstructions(source.base.path, source.base.content) : [];
  let startCmd = settings.startCmd;
  if (startCmd === undefined && source.base.kind === 'image') {
    const argv = facts.imageStart ? startArgv(facts.imageStart) : [];
    if (argv.length > 0) {
      startCmd = quoteArgv(argv);
      notes.push(`the template starts the image's own ENTRYPOINT/CMD: ${startCmd} (providers.e2b.startCmd replaces it)`);
    } else
      notes.push(
        facts.imageStart
          ? 'the image has no ENTRYPOINT or CMD: the template starts nothing (providers.e2b.startCmd sets a start command)'
          : "the image's ENTRYPOINT/CMD could not be read: the template starts nothing unless providers.e2b.startCmd is set",
      );
  }
  const create: TemplateCreateSpec = {
    alias,
    root: source.root,
    dockerfile: source.dockerfile,
    cpuCount: e2bCpuCount(config),
    memoryMb,
    startCmd,
    readyCmd: settings.readyCmd,
    noCache: inputs.force,
  };
  // everything that shapes the template, without the force token (after a forced build, the next
  // plain deploy is a skip); a built image's ref carries the git revision (rule 8)
  const contentTag = `${TAG_PREFIX}${createHash('sha256')
    .update(
      JSON.stringify({
        dockerfile: inputs.force ? renderE2bDockerfile(spec) : dockerfile,
        create: { ...create, noCache: false },
        ref: image.build ? image.ref : image.deployRef,
      }),
    )
    .digest('hex')
    .slice(0, 16)}`;
  const privateBase =
    !image.build && image.access?.private
      ? { image: image.deployRef, registry: image.parsed.registry, credentials: image.access.credentials ?? 'credentials' }
      : undefined;
  if (settings.team) notes.push(`providers.e2b.team (${settings.team}) is not used: the API key decides the team`);
  if (!settings.reuseTemplate || settings.buildOnDeploy)
    notes.push(`the template is rebuilt on every deploy (${!settings.reuseTemplate ? 'reuseTemplate: false' : 'buildOnDeploy: true'})`);
  const planned = plannedCalls({ alias, name, contentTag, settings, create, privateBase }, facts, inputs.force);
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
    warnings,
    ...(privateBase && { privateBase }),
  };
}

/** The commands deploy runs, in order, and notes naming the direct API calls between them. */
function plannedCalls(
  s: Pick<E2bSteps, 'alias' | 'name' | 'contentTag' | 'settings' | 'create' | 'privateBase'>,
  facts: E2bFacts,
  force: boolean,
): { commands: PlannedCommand[]; notes: string[] } {
  const { alias, name, contentTag, settings, privateBase } = s;
  const notes: string[] = [];
  notes.push(`${API_NOTE} GET /templates (what e2b template list reads): template ${alias} and its current build`);
  const commands: PlannedCommand[] = [];
  const unless = `unless its current build carries tag ${contentTag}${force ? ' (force: always, without cache)' : ''}`;
  if (privateBase)
    notes.push(
      `${API_NOTE} ${privateBase.image} is private (opened with ${privateBase.credentials}) and e2b template create cannot pass registry credentials, so template ${alias} is built through the API, ${unless}: POST /v3/templates {name: ${alias}, cpuCount: ${s.create.cpuCount}, memoryMB: ${s.create.memoryMb}}, then POST /v2/templates/{templateID}/builds/{buildID} {fromImage, fromImageRegistry: {type: registry, username, password from ${privateBase.credentials}}, steps of ${E2B_DOCKERFILE}}, then its status until ready`,
    );
  else commands.push({ argv: ['e2b', ...e2bArgv.templateCreate(s.create)], why: `build template ${alias} ${unless}`, mutates: true });
  notes.push(`${API_NOTE} GET /templates/${alias}/tags, then POST /templates/tags {target: ${alias}, tags: [${contentTag}]} after a build`);
  if (settings.startSandbox) {
    notes.push(
      `${API_NOTE} GET /v2/sandboxes?metadata=${META_NAME}=${name}&state=running,paused: the sandboxes this config started before`,
    );
    notes.push(
      `${API_NOTE} POST /sandboxes {templateID: ${alias}, timeout: ${settings.timeout}, autoPause: ${settings.autoPause}, metadata: {${META_NAME}: ${name}, …}, envVars: {${facts.secretNames.join(', ') || 'none'}}} unless one already runs this template and these secrets`,
    );
    notes.push(`${API_NOTE} DELETE /sandboxes/<earlier sandbox id> after the new sandbox started: the ones it replaces`);
  } else notes.push('providers.e2b.startSandbox is false: the template is built, no sandbox is started');
  if (facts.secretNames.length > 0)
    notes.push(`secrets (${facts.secretNames.join(', ')}) are never in the template: they are handed to the sandbox at start`);
  return { commands, notes };
}
