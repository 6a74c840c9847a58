/**
 * provider: e2b — an E2B sandbox template from the pinned prebuilt image or from the Dockerfile,
 * then (unless `providers.e2b.startSandbox: false`) a sandbox started from it
 * (docs/behaviour.md#providers, issue 9, ADR 0010). `plan` and `apply` share `e2bSteps`: the same
 * e2b.Dockerfile, the same argv.
 *
 * The e2b CLI builds templates and, in destroy, kills sandboxes and deletes the template; everything
 * else goes to the E2B API directly: the lists (the requests the CLI's `template list` and `sandbox
 * list` make, without a CLI start each: issue 25), template tags (the content hash that makes an
 * unchanged template a skip), the sandbox start, which carries the secrets (secrets.ts), and the kill
 * of the sandboxes a new one replaces.
 */
import { notRead } from '../../plan/changes.js';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { E2b, type E2bSandbox, type E2bTemplate } from '../../external/e2b.js';
import { E2bApi, e2bApiUrl, type TemplateBuildStart } from '../../external/e2b-api.js';
import { credentialChain } from '../../image/credentials.js';
import { checkDeployment } from '../kit/health.js';
import { removeGenerated, writeGenerated } from '../kit/files.js';
import { rollbackReserve } from '../kit/time.js';
import { readImageStart } from './image-config.js';
import { buildThroughApi, registryCredential, templateBuildStart } from './registry-build.js';
import { checkRunning, failRollout, previousImageOf, sandboxTarget } from './rollout.js';
import { ActionError } from '../../errors.js';
import { info, setSecret, warning } from '../../runner.js';
import { warnNotices } from '../kit/notices.js';
import { requireSecrets, resolveSecrets } from '../kit/secrets.js';
import type { DeployResult, DestroyContext, Preview, Provider, ProviderContext, ProviderPlan } from '../types.js';
import { E2B_DIR, E2B_DOCKERFILE, e2bDockerfileFile } from './dockerfile.js';
import { envDigest, exposedSecretFiles, sandboxRequest } from './secrets.js';
import { e2bNames, e2bSettings, refuseGpu, type E2bSettings } from './settings.js';
import { configError } from '../../config/place.js';
import { LIVE_CALL_MS, compareLive, currentSandbox, earlierSandbox, findTemplate, readLive, templateState } from './live.js';
import { META_CONFIG, previewsOf } from './previews.js';
import { API_NOTE, META_NAME, TAG_PREFIX, e2bSteps, type E2bFacts, type E2bSteps } from './steps.js';

export { findTemplate } from './live.js';

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

/** The one read of the workspace the steps need: the Dockerfile of rule 8 and the secret files beside it. */
async function gatherFacts(ctx: ProviderContext, secretNames: string[]): Promise<E2bFacts> {
  const facts: E2bFacts = {
    secretNames,
    exposedSecretFiles: [],
    forceToken: `${process.env.GITHUB_RUN_ID ?? 'run'}-${randomBytes(4).toString('hex')}`,
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
  } else if (!e2bSettings(ctx.config).startCmd)
    facts.imageStart = await readImageStart(ctx.image.deployRef, { deadline: ctx.deadline, exec: ctx.exec, inputs: ctx.inputs });
  return facts;
}

/** Every E2B plan lets a sandbox live one hour (Base); only a longer timeout needs the team's limit. */
const HOURS_EVERY_PLAN_ALLOWS = 1;

/** probe: a timeout over the team's limit fails here, before anything is built (ADR 0032) */
async function refuseTimeoutOverLimit(run: Run, settings: E2bSettings): Promise<void> {
  if (!settings.startSandbox || settings.timeout <= HOURS_EVERY_PLAN_ALLOWS * 3600) return;
  const refusal = await run.api.timeoutRefusal(settings.timeout);
  if (!refusal) return;
  const hours = Number(/(\d+) hours?/.exec(refusal)![1]);
  throw configError(
    run.ctx.config,
    ['providers', 'e2b', 'timeout'],
    `a sandbox timeout of ${settings.timeout} s is more than the E2B team allows (the API says: ${refusal}); nothing was built`,
    `set providers.e2b.timeout to at most ${hours * 3600}, or move the team to a plan with longer sandboxes`,
  );
}

/** Why every deploy rebuilds the template, or '' (then the content tag decides). */
function rebuildReason(ctx: ProviderContext, settings: E2bSettings): string {
  if (ctx.inputs.force) return 'force: true rebuilds it';
  if (!settings.reuseTemplate) return 'rebuilt on every deploy (reuseTemplate: false)';
  return settings.buildOnDeploy ? 'rebuilt on every deploy (buildOnDeploy: true)' : '';
}

/** One deploy or destroy: the context, the CLI and the API client, with the same key. */
interface Run {
  ctx: DestroyContext;
  cli: E2b;
  api: E2bApi;
  key: string;
}

function openRun(ctx: DestroyContext, mode: string): Run {
  const key = apiKey(mode);
  return { ctx, key, cli: new E2b(ctx.exec, ctx.workdir, key), api: new E2bApi(ctx.deadline, key) };
}

async function listTemplate(run: Run, alias: string): Promise<E2bTemplate | undefined> {
  return findTemplate(await run.api.listTemplates(), alias);
}

/** probe: the template, and whether its current build carries our content tag (then it is not rebuilt) */
async function probeTemplate(
  run: Run,
  steps: E2bSteps,
  rebuild: boolean,
): Promise<{ template?: E2bTemplate; unchanged: boolean; defaultBuild: string }> {
  const template = await listTemplate(run, steps.alias);
  if (!template) return { unchanged: false, defaultBuild: '' };
  refuseConcurrentBuild(run.ctx as ProviderContext, template, steps.alias);
  // the tags only when they can decide: the build a new sandbox starts is the one `default` names (a rollback re-points it)
  const needTags = !rebuild && template.buildStatus !== 'error';
  const tags = needTags ? await run.api.templateTags(template.templateID) : [];
  return { template, ...templateState(template, tags, steps.contentTag, rebuild) };
}

/**
 * Two deploys of one template at once (ADR 0032): E2B has no lock, and starting a build cancels the
 * template's other running builds, so the two would undo each other. A build in progress is another
 * run's: say so in one line (force: true builds anyway, for a build a crashed run left waiting).
 */
function refuseConcurrentBuild(ctx: ProviderContext, template: E2bTemplate, alias: string): void {
  if (ctx.inputs.force || (template.buildStatus !== 'building' && template.buildStatus !== 'waiting')) return;
  throw new ActionError(
    `template ${alias} (${template.templateID}) is being built right now by another run (build status ${template.buildStatus}): E2B cancels a running build when another one starts, so two deploys of one template would undo each other; nothing was changed`,
    { fix: 'run one deploy per template at a time (concurrency: per environment in the workflow) and retry; force: true builds anyway' },
  );
}

/**
 * render: the credentials E2B pulls a private base image with — the chain's answer for its registry
 * (the one that opened it at pinning) — looked up before anything is built; undefined for the CLI's build
 */
async function baseImageLogin(ctx: ProviderContext, steps: E2bSteps): Promise<TemplateBuildStart['fromImageRegistry']> {
  const base = steps.privateBase;
  if (!base) return undefined;
  const found = await credentialChain({ inputs: ctx.inputs, exec: ctx.exec }).lookup(base.registry);
  return registryCredential(base.image, base.registry, found);
}

/** release: build the template (the CLI, or the API for a private base), find it, tag its build with the content tag */
async function buildTemplate(run: Run, steps: E2bSteps, login: TemplateBuildStart['fromImageRegistry']): Promise<E2bTemplate> {
  const ctx = run.ctx as ProviderContext;
  if (login) {
    info(
      `${steps.privateBase!.image} is private: e2b template create cannot pass registry credentials, so the template is built through the E2B API`,
    );
    await buildThroughApi(run.api, {
      alias: steps.alias,
      cpuCount: steps.create.cpuCount,
      memoryMb: steps.create.memoryMb,
      body: templateBuildStart(steps.dockerfile, steps.create, login),
      deadline: ctx.deadline,
    });
  } else await run.cli.templateCreate(steps.create, run.ctx.deadline.budget(`the build of E2B template ${steps.alias}`));
  if (ctx.image.build) ctx.onBuilt?.(ctx.image.ref, '');
  // two API calls instead of a second `e2b template list` (a CLI start costs about a second): the
  // template's id, and the build its default tag names — the one just built — from tagging it
  const templateID = await run.api.templateIdOf(steps.alias);
  if (!templateID)
    throw new ActionError(`e2b template create reported success, but template ${steps.alias} is not there`, {
      fix: 'retry; check the E2B dashboard',
    });
  const { buildID } = await run.api.assignTags(steps.alias, [steps.contentTag]);
  return { templateID, buildID, aliases: [steps.alias] };
}

async function listSandboxes(run: Run, name: string): Promise<E2bSandbox[]> {
  return run.api.listSandboxes(META_NAME, name);
}

/** release: start the sandbox with the secrets; on failure, say what is left */
async function startSandbox(
  run: Run,
  steps: E2bSteps,
  template: E2bTemplate,
  before: E2bSandbox[],
  secrets: ReadonlyMap<string, string>,
  buildID: string,
) {
  const { alias } = steps;
  const image = (run.ctx as ProviderContext).image;
  const body = sandboxRequest({
    ...steps,
    templateID: template.templateID,
    config: run.ctx.config.name,
    suffix: run.ctx.inputs['name-suffix'],
    key: run.key,
    secrets,
    image: image.build ? image.ref : image.deployRef,
    buildID,
    trace: run.ctx.trace,
  });
  try {
    const started = await run.api.createSandbox(body);
    info(
      `sandbox ${started.sandboxID} started from template ${alias}${secrets.size ? ` with ${secrets.size} secret(s) as environment` : ''}`,
    );
    return started;
  } catch (e) {
    if (!(e instanceof ActionError)) throw e;
    // the template stays (a retry reuses it), earlier sandboxes were not touched
    const still = before.length ? `, sandbox ${before.map((s) => s.sandboxId).join(', ')} still runs` : '';
    throw new ActionError(`${e.message.replace(/[.]$/, '')}; template ${alias} (${template.templateID}) is built and stays${still}`, {
      fix: `${e.fix ?? 'retry'}; mode: destroy removes the template`,
    });
  }
}

/** The outputs of a deploy that got as far as the template; `sandbox-id` when a sandbox runs. */
function deployResult(ctx: ProviderContext, alias: string, template: E2bTemplate, unchanged: boolean) {
  return (skipped: boolean, sandboxId?: string): DeployResult => ({
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
async function retireEarlier(run: Run, earlier: string[]): Promise<void> {
  try {
    await Promise.all(earlier.map((id) => run.api.killSandbox(id)));
  } catch (e) {
    warning(
      `the earlier sandbox ${earlier.join(', ')} still runs: ${e instanceof ActionError ? e.message : String(e)}; kill it with e2b sandbox kill ${earlier.join(' ')}`,
    );
  }
}

export class E2bProvider implements Provider {
  readonly name = 'e2b' as const;

  /** the template alias (`providers.e2b.templateAlias` else name) */
  deployedName(ctx: DestroyContext): string {
    return e2bNames(ctx.config, ctx.inputs['name-suffix'], e2bSettings(ctx.config)).alias;
  }

  /**
   * The steps, and the live diff (live.ts): with E2B_API_KEY set, the template and the sandboxes a
   * deploy would find, read through the API (GET only, each call capped at LIVE_CALL_MS) beside the
   * image's start command; without a key, or when the API does not answer, every resource is `?` and why.
   */
  async plan(ctx: ProviderContext): Promise<ProviderPlan> {
    const secrets = resolveSecrets(ctx.config);
    // what fails without E2B fails before the first call (GPU, settings)
    refuseGpu(ctx.config);
    const settings = e2bSettings(ctx.config);
    const { alias, name } = e2bNames(ctx.config, ctx.inputs['name-suffix'], settings);
    const url = e2bApiUrl();
    const key = process.env.E2B_API_KEY ?? '';
    if (key) setSecret(key);
    const reading = key
      ? readLive(new E2bApi(ctx.deadline, key, url, LIVE_CALL_MS), { alias, name, startSandbox: settings.startSandbox, url })
      : Promise.resolve({ reason: 'E2B_API_KEY is not set' });
    reading.catch(() => undefined); // awaited below; a failure of the facts must not leave it unhandled
    const steps = e2bSteps(ctx, await gatherFacts(ctx, [...secrets.values.keys()]));
    const notes = [...steps.notes, ...steps.warnings, ...secrets.notices.map((n) => n.message)];
    if (secrets.missingRequired.length > 0)
      notes.push(`required secrets not set: ${secrets.missingRequired.join(', ')} (deploy fails before any E2B call)`);
    if (!key) notes.push('E2B_API_KEY is not set: deploy fails before any E2B call');
    notes.push(`E2B API at ${url}`);
    const base = { files: steps.files, commands: steps.commands, notes };
    const resources = [`template ${alias}`, ...(settings.startSandbox ? [`sandbox ${name}`] : [])];
    const live = await reading;
    if ('reason' in live) return { ...base, ...notRead(resources, live.reason) };
    const changes = compareLive({
      live,
      alias,
      name,
      contentTag: steps.contentTag,
      image: ctx.image.build ? ctx.image.ref : ctx.image.deployRef,
      rebuild: rebuildReason(ctx, settings),
      startSandbox: settings.startSandbox,
      env: envDigest(key, secrets.values),
      force: ctx.inputs.force,
    });
    return { ...base, changes, live: { known: true, reason: `template ${alias} and its sandboxes through the E2B API at ${url}` } };
  }

  /** `mode: sweep`: the sandboxes marked with this config's name (one API list), kept by previews.ts's checks. */
  async listPreviews(ctx: DestroyContext, repository: string): Promise<Preview[]> {
    const run = openRun(ctx, 'sweep');
    const settings = e2bSettings(ctx.config);
    const sandboxes = await run.api.listSandboxes(META_CONFIG, ctx.config.name);
    return previewsOf(sandboxes, ctx.config.name, repository, (suffix) => e2bNames(ctx.config, suffix, settings));
  }

  async apply(ctx: ProviderContext): Promise<DeployResult> {
    // render: everything that can fail without E2B fails first (GPU, settings, key, secrets, the Dockerfile)
    const run = openRun(ctx, 'deploy');
    const secrets = requireSecrets(ctx.config);
    warnNotices(ctx.config, secrets.notices);
    const steps = e2bSteps(ctx, await gatherFacts(ctx, [...secrets.values.keys()]));
    for (const n of steps.notes.filter((x) => !x.startsWith(API_NOTE))) info(n);
    for (const w of steps.warnings) warning(w);
    const { alias, settings, contentTag } = steps;
    const login = await baseImageLogin(ctx, steps);
    await refuseTimeoutOverLimit(run, settings);
    // prepare
    writeGenerated({ ...e2bDockerfileFile(ctx.workdir), content: steps.dockerfile });
    // probe, then release the template unless its current build is ours
    const probed = await probeTemplate(run, steps, rebuildReason(ctx, settings) !== '');
    const { unchanged } = probed;
    if (unchanged) info(`template ${alias} (${probed.template!.templateID}) was built from these inputs (tag ${contentTag}): not rebuilt`);
    const template = unchanged ? probed.template! : await buildTemplate(run, steps, login);
    const result = deployResult(ctx, alias, template, unchanged);
    if (!settings.startSandbox) return result(unchanged);
    // probe the sandboxes: one that runs this build with these secrets stays
    const before = await listSandboxes(run, steps.name);
    const env = envDigest(run.key, secrets.values);
    const current = currentSandbox(before, contentTag, env);
    const earlier = earlierSandbox(before);
    if (unchanged && current && !ctx.inputs.force) {
      info(`sandbox ${current.sandboxId} already runs template ${alias} with these settings: nothing to do (force: true restarts it)`);
      const health = await checkRunning(run.api, ctx, current.sandboxId, ctx.deadline);
      if (health && !health.healthy)
        throw new ActionError(
          `sandbox ${current.sandboxId} already ran this template and fails its health check: ${health.last}; nothing was changed`,
          {
            fix: 'fix what the check found; force: true starts a new sandbox',
            extra: { rolledBack: 'false', previousImage: previousImageOf(current), healthy: 'false' },
          },
        );
      return { ...result(true, current.sandboxId), health, rolledBack: false, previousImage: previousImageOf(current) };
    }
    // release the sandbox, check it, then retire the ones it replaces (or roll back to them)
    const buildID = unchanged ? probed.defaultBuild : template.buildID;
    const started = await startSandbox(run, steps, template, before, secrets.values, buildID);
    const health = await checkDeployment(ctx.inputs, sandboxTarget(started), ctx.deadline.before(rollbackReserve(ctx.inputs.timeout)));
    if (health && !health.healthy)
      await failRollout({
        api: run.api,
        ctx,
        alias,
        started,
        health,
        earlier,
        previousBuild: unchanged ? undefined : probed.defaultBuild,
      });
    await retireEarlier(
      run,
      before.map((s) => s.sandboxId).filter((id) => id !== started.sandboxID),
    );
    return { ...result(false, started.sandboxID), health, rolledBack: false, previousImage: previousImageOf(earlier) };
  }

  async destroy(ctx: DestroyContext): Promise<{ removed: string[] }> {
    const run = openRun(ctx, 'destroy');
    const { alias, name } = e2bNames(ctx.config, ctx.inputs['name-suffix'], e2bSettings(ctx.config));
    const removed: string[] = [];
    // sandboxes first: E2B refuses to delete a template that running or paused sandboxes use
    const sandboxes = await listSandboxes(run, name);
    await run.cli.sandboxKill(
      sandboxes.map((s) => s.sandboxId),
      ctx.deadline.budget(`killing the E2B sandboxes of ${name}`, 60_000),
    );
    removed.push(...sandboxes.map((s) => `sandbox ${s.sandboxId}`));
    const template = await listTemplate(run, alias);
    if (template) {
      if ((await run.api.templateTags(template.templateID)).some((t) => t.tag.startsWith(TAG_PREFIX))) {
        await run.cli.templateDelete(template.templateID, ctx.deadline.budget(`deleting E2B template ${alias}`, 60_000));
        removed.push(`template ${alias} (${template.templateID})`);
      } else warning(`template ${alias} was not built by this action (no ${TAG_PREFIX}* tag) and is left alone`);
    }
    const dir = join(ctx.workdir, E2B_DIR);
    const gone = removeGenerated(e2bDockerfileFile(ctx.workdir));
    if (gone === 'removed') removed.push(`file ${E2B_DOCKERFILE}`);
    else if (gone === 'not-ours') warning(`${E2B_DOCKERFILE} was not written by this action and is left alone`);
    // the directory goes only when nothing else of the user's is in it
    if (existsSync(dir) && readdirSync(dir).length === 0) rmdirSync(dir);
    return { removed };
  }
}
