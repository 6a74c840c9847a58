/**
 * provider: devpod — a DevPod workspace from a generated devcontainer.json (docs/behaviour.md#providers,
 * issue 8, ADR 0009). `plan` and `apply` share the pure `devpodSteps` (steps.ts): the same file, the same
 * argv. Deploy asks devpod what it holds before anything is built, builds (and loads or pushes) only when
 * the provider type cannot build itself, sets the devpod provider up, then starts the workspace with its
 * secrets in a 0600 env file (secrets.ts).
 */
import { notRead } from '../../plan/changes.js';
import { existsSync, readFileSync, readdirSync, rmdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { DevPod, type ProviderState } from '../../external/devpod.js';
import { Docker } from '../../external/docker.js';
import { ActionError } from '../../errors.js';
import { parseReference } from '../../image/reference.js';
import { info, warning } from '../../runner.js';
import { buildFacts, buildFix, withRegistryAuth } from '../kit/build.js';
import { checkGenerated, removeGenerated, writeGenerated, type GeneratedFile } from '../kit/files.js';
import { containerPreviews } from '../kit/previews.js';
import { traceLabel } from '../docker/compose.js';
import { privateImageNote, refuseUndelivered } from './registry-login.js';
import { resolveSecrets } from '../kit/secrets.js';
import { rollbackReserve } from '../kit/time.js';
import type { DeployResult, DestroyContext, Preview, Provider, ProviderContext, ProviderPlan } from '../types.js';
import { DEVCONTAINER_BESIDE, DEVCONTAINER_FILE, DEVPOD_ID_LABEL, IMAGE_LABEL, devcontainerFile, isGenerated } from './devcontainer.js';
import { LIVE_READ_MS, compareWorkspace, readWorkspace } from './live.js';
import { checkRelease, type Restart } from './rollout.js';
import { workspaceSecrets, withWorkspaceEnvFile, type WorkspaceSecrets } from './secrets.js';
import { devpodSettings, needsKubeContext, type DevpodSettings } from './settings.js';
import {
  buildsHere,
  connectHint,
  devpodSteps,
  releaseDecision,
  withPushedImage,
  workspaceIdOf,
  workspaceLabel,
  workspaceUid,
  type DevpodFacts,
  type DevpodSteps,
  type Release,
  type WorkspaceContainer,
} from './steps.js';

/** The kubeconfig's current-context (KUBECONFIG's files in order, else ~/.kube/config): a file read, no kubectl call. */
export function currentKubeContext(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const files = env.KUBECONFIG ? env.KUBECONFIG.split(delimiter).filter(Boolean) : [join(homedir(), '.kube', 'config')];
  for (const f of files) {
    if (!existsSync(f)) continue;
    try {
      const doc = parseYaml(readFileSync(f, 'utf8')) as { 'current-context'?: unknown } | null;
      const c = doc?.['current-context'];
      if (typeof c === 'string' && c) return c;
    } catch {
      // an unreadable kubeconfig is kubectl's and devpod's problem to report
    }
  }
  return undefined;
}

/** Everything the steps depend on, read once: the kube context, a user's devcontainer.json, build facts. */
async function gatherFacts(ctx: ProviderContext, secretNames: string[]): Promise<DevpodFacts> {
  const kubeContext = needsKubeContext(ctx.config) ? currentKubeContext() : undefined;
  const own = join(ctx.workdir, DEVCONTAINER_FILE);
  const settings = devpodSettings(ctx.config, kubeContext);
  return {
    secretNames,
    currentKubeContext: kubeContext,
    // the docker type lists its engine's containers in-process where the engine allows it (ADR 0048): the plan shows which
    engineApi: settings.type === 'docker' ? workspaceEngine(ctx, settings).inProcess : undefined,
    userDevcontainer: existsSync(own) && !isGenerated(readFileSync(own, 'utf8')),
    build: buildsHere(ctx.config, ctx.image, kubeContext) ? await buildFacts(ctx) : undefined,
  };
}

interface PreparedImage {
  /** the local image id, or the pushed digest */
  id?: string;
  /** `repo@sha256:…` after a push */
  pushed?: string;
  /** a loaded tag (git short sha) can hold new content: its image id changed */
  localChanged: boolean;
}

/** Build on the runner, then load into kind/k3d or push; nothing when the image is prebuilt or DevPod builds. */
async function prepareImage(ctx: ProviderContext, steps: DevpodSteps): Promise<PreparedImage> {
  const b = steps.build;
  if (!b) return { localChanged: false };
  const docker = new Docker(ctx.exec, ctx.workdir);
  const previousId = (await docker.imageInspect(b.tag))?.id;
  await docker.build(b, {
    timeoutMs: ctx.deadline.budget(`building ${b.dockerfile}`, ctx.inputs.timeout),
    fix: buildFix(b, `fix ${b.dockerfile} (see the build log above)`),
    secrets: ctx.inputs['build-secrets'],
  });
  const built = await docker.imageInspect(b.tag);
  if (!built)
    throw new ActionError(`the build finished but image ${b.tag} is not on the engine`, {
      fix: 'with a docker-container buildx builder, make sure --load works',
    });
  if (steps.loader) {
    await steps.loader.load(ctx.exec, b.tag, ctx.deadline.budget(`${steps.loader.tool} loading ${b.tag}`, 300_000));
    return { id: built.id, localChanged: previousId !== built.id };
  }
  await withRegistryAuth(ctx, b.tag, (env) =>
    docker.push(b.tag, { timeoutMs: ctx.deadline.budget(`pushing ${b.tag}`, ctx.inputs.timeout), env }),
  );
  const repo = parseReference(steps.settings.buildRepository!);
  const digest = (await docker.imageInspect(b.tag))?.repoDigests
    .map((d) => parseReference(d))
    .find((d) => d.registry === repo.registry && d.repository === repo.repository)?.digest;
  if (!digest)
    throw new ActionError(`pushed ${b.tag} but the engine reports no digest for ${steps.settings.buildRepository}`, {
      fix: 'check the push output above',
    });
  return { id: digest, pushed: `${steps.settings.buildRepository}@${digest}`, localChanged: false };
}

/** The devpod provider: added when missing, options set only when they differ from what devpod holds. */
async function configureProvider(
  ctx: ProviderContext,
  devpod: DevPod,
  settings: DevpodSettings,
  held: ProviderState | undefined,
): Promise<void> {
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
function devcontainerTarget(ctx: ProviderContext, steps: DevpodSteps): GeneratedFile {
  return devcontainerFile(ctx.workdir, steps.devcontainerPath, ctx.inputs.force);
}

function writeDevcontainer(ctx: ProviderContext, steps: DevpodSteps): void {
  writeGenerated({ ...devcontainerTarget(ctx, steps), content: steps.devcontainer.json });
}

/**
 * `devpod up`, the secrets in their env file only while devpod reads it. It waits on an earlier deadline
 * so that a failed start leaves time to delete a workspace this run created (nothing half-deployed);
 * one that existed before is left as devpod left it, and the error says so.
 */
async function startWorkspace(
  ctx: ProviderContext,
  devpod: DevPod,
  steps: DevpodSteps,
  release: Release,
  secrets: WorkspaceSecrets,
): Promise<void> {
  const id = steps.workspaceId;
  const clock = ctx.deadline.before(rollbackReserve(ctx.inputs.timeout));
  try {
    await withWorkspaceEnvFile(ctx, secrets, (envFile) =>
      withImageLogin(ctx, steps.imageRef, (env) =>
        devpod.up({ ...steps.up, recreate: release.recreate, envFile }, clock.budget(`devpod up ${id}`, ctx.inputs.timeout), clock, env),
      ),
    );
  } catch (e) {
    if (!(e instanceof ActionError)) throw e;
    const what = release.kept
      ? `workspace ${id} existed before and is left as devpod left it (devpod status ${id})`
      : await removeNew(ctx, devpod, id);
    throw new ActionError(`${e.message.replace(/\.$/, '')}; ${what}`, { where: e.where, fix: e.fix, cause: e });
  }
}

/**
 * devpod on this runner has no record of the workspace (a fresh runner): what an earlier runner left
 * under the workspace's uid, where the runner can see it (ADR 0031). docker type: the containers on the
 * engine, by devpod's own label. Other types: said in one line, undefined.
 */
async function foundOnProvider(ctx: DestroyContext, settings: DevpodSettings, id: string): Promise<WorkspaceContainer[] | undefined> {
  const uid = workspaceUid(id);
  if (settings.type === 'docker') return await workspaceContainers(ctx, settings, uid);
  const where = unseenResources(settings, uid);
  if (settings.type === 'kubernetes' || settings.type === 'ssh') info(`devpod on this runner has no record of workspace ${id}: ${where}`);
  else warning(`devpod on this runner has no record of workspace ${id}: ${where}`);
  return undefined;
}

const engines = new WeakMap<DestroyContext, Docker>();

/**
 * The docker type's engine: the runner's own, or the one the provider's DOCKER_HOST option names. One
 * per run, so whether it is asked in-process is resolved (and, for the CLI, said) once.
 */
function workspaceEngine(ctx: DestroyContext, settings: DevpodSettings): Docker {
  let docker = engines.get(ctx);
  if (!docker) engines.set(ctx, (docker = new Docker(ctx.exec, ctx.workdir, settings.options.DOCKER_HOST)));
  return docker;
}

/** The workspace's containers (normally one) on the docker type's engine, by devpod's own label (ADR 0031). */
async function workspaceContainers(
  ctx: DestroyContext,
  settings: DevpodSettings,
  uid: string,
  timeoutMs = 30_000,
): Promise<WorkspaceContainer[]> {
  const found = await workspaceEngine(ctx, settings).containersByLabel(workspaceLabel(uid), IMAGE_LABEL, {
    timeoutMs: ctx.deadline.budget("the workspace's containers were listed", timeoutMs),
    fix: "devpod's docker provider runs its workspaces on this engine: make sure docker can reach it (DOCKER_HOST)",
  });
  return found.map(({ id, running, shown }) => ({ id, running, image: shown }));
}

/** What an earlier runner may have left for a type whose resources the runner cannot list, and what becomes of it. */
function unseenResources(settings: DevpodSettings, uid: string): string {
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
function loginFromInputs(ctx: ProviderContext, ref: string): boolean {
  const ghcr = parseReference(ref).registry.toLowerCase() === 'ghcr.io';
  return ctx.inputs['registry-password'] !== '' || (ghcr && ctx.inputs['github-token'] !== '');
}

async function withImageLogin<T>(
  ctx: ProviderContext,
  ref: string | undefined,
  fn: (env?: Record<string, string>) => Promise<T>,
): Promise<T> {
  return ref ? await withRegistryAuth(ctx, ref, fn) : await fn();
}

async function removeNew(ctx: ProviderContext, devpod: DevPod, id: string): Promise<string> {
  try {
    const left = (await devpod.workspaces()).some((w) => w.id === id);
    if (left) await devpod.delete(id, ctx.deadline.budget(`deleting the new workspace ${id}`, 300_000));
    return left ? `the new workspace ${id} was deleted again` : `no workspace ${id} was left behind`;
  } catch {
    return `removing the new workspace failed too: run devpod delete ${id} --force`;
  }
}

/**
 * Two deploys of one workspace at once (issue 20, class 13): devpod's lock is a file in DEVPOD_HOME, so
 * runners that share nothing both find no container and both start one under the same uid. Seen right
 * after `up` on the docker type (one Engine API request, else one `docker ps`), said in one line.
 */
async function confirmAlone(ctx: ProviderContext, steps: DevpodSteps): Promise<void> {
  if (steps.settings.type !== 'docker') return;
  const uid = workspaceUid(steps.workspaceId);
  const found = await workspaceContainers(ctx, steps.settings, uid);
  if (found.length <= 1) return;
  throw new ActionError(
    `another deploy of workspace ${steps.workspaceId} ran at the same time: ${found.length} containers carry its uid ${uid} (${found.map((c) => c.id.slice(0, 12)).join(', ')})`,
    {
      where: { file: ctx.config.file },
      fix: 'let one deploy per workspace run at a time (a workflow concurrency group per environment), then run mode: destroy, which removes every container carrying the uid, and deploy again',
      extra: { rolledBack: 'false' },
    },
  );
}

/**
 * destroy on a runner where devpod has no record of the workspace: the docker type's containers are
 * found by devpod's label under the workspace's uid and removed as `devpod delete` would (docker rm,
 * the home volume kept); other types say what may remain and how to remove it.
 */
async function removeUnrecorded(ctx: DestroyContext, id: string, recorded: boolean): Promise<string[]> {
  const settings = devpodSettings(ctx.config, needsKubeContext(ctx.config) ? currentKubeContext() : undefined);
  if (recorded && settings.type !== 'docker') return [];
  const found = await foundOnProvider(ctx, settings, id);
  if (!found?.length) {
    if (!recorded) info(`devpod has no workspace ${id}${found ? ` and no container carries ${workspaceUid(id)}` : ''}`);
    return [];
  }
  const ids = found.map((c) => c.id);
  await workspaceEngine(ctx, settings).removeContainers(ids, {
    timeoutMs: ctx.deadline.budget('docker rm', 120_000),
    fix: `remove them by hand: docker rm -f ${ids.join(' ')}`,
  });
  return ids.map((c) => `container ${c.slice(0, 12)} of workspace ${id} (found by its label, no devpod record names it)`);
}

export class DevpodProvider implements Provider {
  readonly name = 'devpod' as const;

  /** the workspace id */
  deployedName(ctx: DestroyContext): string {
    return workspaceIdOf(ctx.config, ctx.inputs['name-suffix']);
  }

  async plan(ctx: ProviderContext): Promise<ProviderPlan> {
    const secrets = resolveSecrets(ctx.config);
    const steps = devpodSteps(ctx, await gatherFacts(ctx, [...secrets.values.keys()]));
    const notes = [...steps.notes, ...secrets.notices.map((n) => n.message)];
    if (secrets.missingRequired.length > 0)
      notes.push(`required secrets not set: ${secrets.missingRequired.join(', ')} (deploy fails before starting anything)`);
    if (!ctx.image.build)
      notes.push(`no image is built: the prebuilt image is deployed ${ctx.image.digest ? 'by digest' : 'as written (not pinned)'}`);
    if (ctx.image.access?.private && steps.imageRef)
      notes.push(privateImageNote(steps.imageRef, ctx.image.access, steps.settings, loginFromInputs(ctx, steps.imageRef)));
    const untraced =
      steps.settings.type !== 'docker' && steps.settings.type !== 'ssh'
        ? `devpod's ${steps.settings.type} provider keeps no metadata the action can set (ADR 0044)`
        : undefined;
    const base = { files: steps.files, commands: steps.commands, notes, untraced };
    const containers =
      steps.settings.type === 'docker' ? (uid: string) => workspaceContainers(ctx, steps.settings, uid, LIVE_READ_MS) : undefined;
    const read = await readWorkspace(new DevPod(ctx.exec, ctx.workdir), steps, ctx.inputs.force, containers);
    if ('reason' in read) return { ...base, ...notRead([`workspace ${steps.workspaceId}`], read.reason) };
    return { ...base, changes: [compareWorkspace(steps, read.live, ctx.inputs.force)], live: { known: true, reason: read.read } };
  }

  async apply(ctx: ProviderContext): Promise<DeployResult> {
    const secrets = workspaceSecrets(ctx.config);
    const planned = devpodSteps(ctx, await gatherFacts(ctx, secrets.names));
    // a devcontainer.json that is a link (or a foreign file where ours goes) fails before anything runs
    checkGenerated(devcontainerTarget(ctx, planned));
    for (const n of planned.notes) info(n);
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
    const result: DeployResult = {
      url: '',
      skipped: release.skip,
      built: ctx.image.build,
      image: steps.imageRef,
      digest: steps.imageRef ? (image.id ?? ctx.image.digest) : undefined,
      connect: connectHint(steps.workspaceId),
      extra: { 'workspace-id': steps.workspaceId, 'devpod-provider': steps.settings.provider, devcontainer: steps.devcontainerPath },
    };
    if (release.adopted)
      info(
        `workspace ${steps.workspaceId}: devpod on this runner has no record of it, but its container (uid ${workspaceUid(steps.workspaceId)}) is on the engine`,
      );
    // what ran before: devpod's record here, else the container an earlier runner left (its label)
    const previousImage = existing?.image ?? (found?.length === 1 ? found[0]!.image : '');
    if (release.skip) {
      info(`workspace ${steps.workspaceId} already runs ${steps.imageRef}: nothing to do (force: true recreates it)`);
    } else {
      if (release.replaceBecause) {
        info(`workspace ${steps.workspaceId} was created ${release.replaceBecause}: deleting it first`);
        await devpod.delete(steps.workspaceId, ctx.deadline.budget(`devpod delete ${steps.workspaceId}`, 300_000));
      }
      await startWorkspace(ctx, devpod, steps, release, secrets);
      await confirmAlone(ctx, steps);
    }
    const restart: Restart = {
      write: (s) => writeDevcontainer(ctx, s),
      delete: () => devpod.delete(steps.workspaceId, ctx.deadline.budget(`devpod delete ${steps.workspaceId}`, 300_000)),
      up: (ref, recreate) =>
        withWorkspaceEnvFile(ctx, secrets, (envFile) =>
          withImageLogin(ctx, ref, (env) =>
            devpod.up(
              { ...steps.up, image: ref, recreate, envFile },
              ctx.deadline.budget(`devpod up ${steps.workspaceId} (rollback)`, ctx.inputs.timeout),
              undefined,
              env,
            ),
          ),
        ),
    };
    const health = await checkRelease(ctx, devpod, steps, release.skip ? (steps.imageRef ?? '') : previousImage, restart);
    return { ...result, health, rolledBack: false, previousImage: release.skip ? steps.imageRef : previousImage };
  }

  /**
   * `mode: sweep` (ADR 0044): on the docker type, the workspace containers on the engine labelled as
   * previews of this config by a run of `repository`, kept only when devpod's own label carries the uid
   * the action gives that suffix's workspace. Other types keep nothing the runner can list: one line.
   */
  checkSweep(ctx: DestroyContext): void {
    sweepableSettings(ctx);
  }

  async listPreviews(ctx: DestroyContext, repository: string): Promise<Preview[]> {
    const settings = sweepableSettings(ctx);
    return await containerPreviews(workspaceEngine(ctx, settings), ctx.config.name, repository, traceLabel, (suffix, c) => {
      const id = workspaceIdOf(ctx.config, suffix);
      return c.labels[DEVPOD_ID_LABEL] === workspaceUid(id) ? id : undefined;
    });
  }

  async destroy(ctx: DestroyContext): Promise<{ removed: string[] }> {
    const devpod = new DevPod(ctx.exec, ctx.workdir);
    const id = workspaceIdOf(ctx.config, ctx.inputs['name-suffix']);
    const removed: string[] = [];
    const recorded = (await devpod.workspaces()).some((w) => w.id === id);
    if (recorded) {
      await devpod.delete(id, ctx.deadline.budget(`devpod delete ${id}`, ctx.inputs.timeout));
      removed.push(`workspace ${id}`);
    }
    // what no record names: a fresh runner's, or a second container two deploys at once left behind
    removed.push(...(await removeUnrecorded(ctx, id, recorded)));
    // only the files we wrote: a user's own devcontainer.json stays
    for (const rel of [DEVCONTAINER_BESIDE, DEVCONTAINER_FILE])
      if (removeGenerated(devcontainerFile(ctx.workdir, rel)) === 'removed') removed.push(`file ${rel}`);
    for (const dir of [dirname(DEVCONTAINER_BESIDE), dirname(DEVCONTAINER_FILE)]) {
      const p = join(ctx.workdir, dir);
      if (existsSync(p) && readdirSync(p).length === 0) rmdirSync(p);
    }
    return { removed };
  }
}

/** the settings of a config whose previews sweep can list (the docker type), else the one line saying why not */
function sweepableSettings(ctx: DestroyContext): ReturnType<typeof devpodSettings> {
  const settings = devpodSettings(ctx.config, needsKubeContext(ctx.config) ? currentKubeContext() : undefined);
  if (settings.type !== 'docker')
    throw new ActionError(
      `mode: sweep finds DevPod previews only on the docker type: the ${settings.type} type's workspaces ${settings.type === 'ssh' ? `run on ${settings.options.HOST ?? 'the ssh host'}, whose containers this runner cannot list` : 'carry no labels this runner can list'}`,
      {
        where: { file: ctx.config.file, field: 'providers.devpod.type' },
        fix: 'remove those previews with mode: destroy and their name-suffix (docs/providers/devpod.md#previews-and-sweep)',
      },
    );
  return settings;
}
