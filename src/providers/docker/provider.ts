/**
 * provider: docker — a compose deployment on the runner's Docker engine (docs/behaviour.md#providers,
 * ADR 0005).
 *
 * `plan` and `apply` share `dockerSteps`. `apply` adds what only the engine can tell (runtimes, CPUs,
 * what runs now, whether the image is present) and runs the steps on the run's one clock: the rollout
 * waits on the run's deadline less the share kept for a rollback (ADR 0019), the rollback and the
 * removal of a failed container on what is left.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { isDeadlineExceeded, type Deadline } from '../../deadline.js';
import {
  Docker,
  requireRecentCompose,
  type BuildSpec,
  type ComposeTarget,
  type ContainerState,
  type ImageState,
} from '../../external/docker.js';
import { ActionError } from '../../errors.js';
import { DOCKER_NAME, resourceName } from '../../naming.js';
import { group, info, warning } from '../../runner.js';
import { buildFacts, buildFix, withRegistryAuth } from '../kit/build.js';
import { checkGenerated, removeGenerated, writeGenerated } from '../kit/files.js';
import { warnNotices } from '../kit/notices.js';
import { lastLine } from '../kit/output.js';
import { containerPreviews } from '../kit/previews.js';
import { DELIVERED_SOURCES, requireSecrets, resolveSecrets, type ResolvedSecrets } from '../kit/secrets.js';
import { checkDeployment, healthyOf } from '../kit/health.js';
import { rollbackReserve } from '../kit/time.js';
import type { HealthOutcome, HealthTarget } from '../../health/check.js';
import type { Inputs } from '../../inputs.js';
import type { DeployResult, DestroyContext, Preview, Provider, ProviderContext, ProviderPlan } from '../types.js';
import {
  COMPOSE_FILE,
  CONFIG_HASH_LABEL,
  PROJECT_LABEL,
  composeFile,
  previousDeployment,
  projectName,
  traceLabel,
  renderCompose,
  type EngineFacts,
  type PreviousDeployment,
} from './compose.js';
import { encodeEnvFile, sameSecrets, withEnvFile } from './secrets.js';
import { compareContainer, orphanChanges, readContainer, readEngine, readProject } from './live.js';
import { notRead } from '../../plan/changes.js';
import { COMPOSE_START_MS, connectHint, dockerSteps, waitTimeoutSeconds, type DockerFacts, type DockerSteps } from './steps.js';
import { notReady, SETTLE_MS } from './readiness.js';
import { loadComposeBase } from './template.js';
import { takeLock } from './lock.js';

const LOG_LINES = 50;
/** compose's progress lines, left out of the line that says why `up` failed */
const COMPOSE_PROGRESS = /^(Container|Volume|Network) .+ (Creating|Created|Starting|Started|Waiting|Running|Recreate|Recreated)$/;
const READ_THE_LOG = 'read the container log above; raise the input timeout if it only needs longer';
const READ_THE_LOG_HEALTH = 'read the health check lines above; redeploy a fixed image (force: true redeploys the same one)';

/** The image the rollout runs: its digest (a built image's ID), and whether the running container already is exactly this. */
interface Prepared {
  digest: string;
  unchanged: boolean;
}

const seconds = (ms: number): number => Math.round(ms / 1000);

/**
 * Compose v2 ≥ 2.24: the version the install phase already read (`docker-compose version` on the
 * plugin it found, or the version it downloaded), else one `docker compose version` of our own.
 */
async function requireCompose(ctx: Pick<DestroyContext, 'tools'>, docker: Docker): Promise<void> {
  const known = ctx.tools?.find((t) => t.name === 'compose')?.version;
  if (known && known !== 'unknown') requireRecentCompose(known);
  else await docker.composeVersion();
}

/** What the first read said of the deploy image (`image`: undefined when absent); undefined when it was not asked. */
type KnownImage = { image: ImageState | undefined } | undefined;

/**
 * What runs under the container's name, and, for a prebuilt image whose pull_policy asks it (not
 * Always), whether the image is on the engine: the question `prepare` asks next on every such path,
 * asked at once (two Engine API requests side by side, ADR 0048; through the CLI one
 * `docker inspect <name> <deployRef>`, ADR 0047).
 */
async function firstRead(
  ctx: ProviderContext,
  docker: Docker,
  name: string,
): Promise<{ found: ContainerState | undefined; known: KnownImage }> {
  if (ctx.image.build || (ctx.config.deployment.image_config?.pull_policy ?? 'IfNotPresent') === 'Always')
    return { found: await docker.containerInspect(name), known: undefined };
  const { container, image } = await docker.inspectContainerAndImage(name, ctx.image.deployRef);
  return { found: container, known: { image } };
}

export class DockerProvider implements Provider {
  readonly name = 'docker' as const;

  /** the container (the compose project is `sindri-<this>`) */
  deployedName(ctx: DestroyContext): string {
    return resourceName(ctx.config.name, ctx.inputs['name-suffix'], DOCKER_NAME);
  }

  /**
   * The steps, rendered with the engine's facts as a deploy renders them, and the live diff: what runs
   * under the container's name now (read-only). An engine that does not answer leaves the diff unknown.
   */
  async plan(ctx: ProviderContext): Promise<ProviderPlan> {
    const secrets = resolveSecrets(ctx.config);
    const docker = new Docker(ctx.exec, ctx.workdir);
    // all at once (the live diff's cost, bench/plan-live.ts); what the container reads say counts only when the engine answered
    const name = this.deployedName(ctx);
    const [read, live, project] = await Promise.all([
      readEngine(docker),
      readContainer(docker, name),
      readProject(docker, projectName(name)),
    ]);
    const engine = 'engine' in read ? read.engine : undefined;
    const steps = dockerSteps(ctx, { ...(await this.facts(ctx, secrets, engine)), engineApi: docker.inProcess });
    const { compose } = steps;
    const notes = [...steps.notes, ...compose.warnings, ...secrets.notices.map((n) => n.message)];
    if (secrets.missingRequired.length > 0)
      notes.push(`required secrets not set: ${secrets.missingRequired.join(', ')} (deploy fails before starting anything)`);
    if (!ctx.image.build)
      notes.push(`no image is built: the prebuilt image is deployed ${ctx.image.digest ? 'by digest' : 'as written (not pinned)'}`);
    const base = { files: steps.files, commands: steps.commands, notes, ...(compose.url ? { url: compose.url } : {}) };
    if ('reason' in read) return { ...base, ...notRead([`container ${compose.container}`], read.reason) };
    const change = compareContainer({
      live,
      compose,
      image: ctx.image,
      sameSecrets: live.container ? sameSecrets(live.container, secrets) : true,
      force: ctx.inputs.force,
    });
    if (!project)
      notes.push(`the containers of compose project ${compose.project} could not be listed: orphans a deploy removes are not shown`);
    const changes = [change, ...orphanChanges(project ?? [], compose, live, change)];
    return { ...base, changes, live: { known: true, reason: `container ${compose.container} on the runner's Docker engine` } };
  }

  async apply(ctx: ProviderContext): Promise<DeployResult> {
    // a missing required secret, or one the env file cannot carry, fails before anything is touched
    const secrets = requireSecrets(ctx.config);
    encodeEnvFile(secrets.values);
    // so does a sindri-compose.yml that is a link or the user's own
    checkGenerated(composeFile(ctx.workdir));
    warnNotices(ctx.config, secrets.notices);
    const docker = new Docker(ctx.exec, ctx.workdir);
    // what the engine can run and what runs under the name now do not depend on each other: asked side by side (issue 25)
    const name = this.deployedName(ctx);
    // with the container, whether the image is on the engine: one process, never on a path that would not ask it (ADR 0047)
    const [engine, { found, known }] = await Promise.all([this.probeEngine(ctx, docker), firstRead(ctx, docker, name)]);
    const steps = dockerSteps(ctx, { ...(await this.facts(ctx, secrets, engine)), engineApi: docker.inProcess });
    const { compose } = steps;
    for (const w of compose.warnings) warning(w, { file: ctx.config.file, title: 'providers.docker' });

    const before = await this.probeRunning(ctx, docker, steps, compose.container === name ? { found } : undefined);
    const previous = before?.running ? previousDeployment(before, ctx.config.file) : undefined;
    const image = await this.prepare(ctx, docker, steps, before, secrets, known);
    const result = { ...this.result(ctx, steps, image), rolledBack: false, previousImage: previous?.ref ?? '' };
    if (result.skipped) {
      info(`${compose.container} already runs ${result.image} with this configuration: nothing to do (force: true redeploys)`);
      writeGenerated({ ...composeFile(ctx.workdir), content: compose.yaml });
      // nothing was deployed, but what runs is still checked: the outputs say what is true now
      const health = await checkDeployment(ctx.inputs, this.healthTarget(docker, steps), ctx.deadline);
      if (health && !health.healthy)
        throw new ActionError(
          `${compose.container} already runs ${result.image} (nothing was deployed), but it fails its health check: ${health.what} — ${health.last}`,
          {
            where: { file: ctx.config.file },
            fix: READ_THE_LOG_HEALTH,
            extra: { rolledBack: 'false', previousImage: result.previousImage, healthy: 'false' },
          },
        );
      return { ...result, health };
    }

    // one deploy of this target at a time, from here to the end (ADR 0028)
    const unlock = await takeLock(docker, {
      container: compose.container,
      project: compose.project,
      image: steps.build ? image.digest : ctx.image.deployRef,
      remainingMs: ctx.deadline.remaining(),
      file: ctx.config.file,
    });
    try {
      // read again under the lock: another deploy may have finished since the first look
      const now = await this.probeRunning(ctx, docker, steps);
      const current = now?.running ? previousDeployment(now, ctx.config.file) : undefined;
      return await this.rollOut(ctx, docker, steps, secrets, { ...result, previousImage: current?.ref ?? '' }, current);
    } finally {
      // a lock that cannot be removed now (the run's time is up) expires by its label
      await unlock().catch(() => undefined);
    }
  }

  /** Release, readiness, health check; on failure the rollback (or what is left) and one line. */
  private async rollOut(
    ctx: ProviderContext,
    docker: Docker,
    steps: DockerSteps,
    secrets: ResolvedSecrets,
    result: DeployResult & { previousImage: string },
    previous: PreviousDeployment | undefined,
  ): Promise<DeployResult> {
    const { compose } = steps;
    const rollout = ctx.deadline.before(rollbackReserve(ctx.inputs.timeout));
    const started = ctx.deadline.elapsed();
    let health: HealthOutcome | undefined;
    let reason = (await this.release(ctx, docker, steps, secrets, rollout)) ?? (await this.check(docker, steps, rollout));
    if (!reason) {
      health = await checkDeployment(ctx.inputs, this.healthTarget(docker, steps), rollout);
      if (health && !health.healthy) reason = `its health check failed: ${health.what} — ${health.last}`;
    }
    if (!reason) return { ...result, health };

    const failure = `${compose.container} did not become ready within ${seconds(ctx.deadline.elapsed() - started)} s: ${reason}`;
    await this.printLogs(docker, steps);
    const extra = { rolledBack: 'false', previousImage: result.previousImage, healthy: 'false' };
    if (!ctx.inputs.rollback)
      throw new ActionError(
        `${failure}; rollback: false, so it is left as it is: ${result.image} runs now, not healthy (docker compose -p ${compose.project} down removes it)`,
        { where: { file: ctx.config.file }, fix: READ_THE_LOG, extra },
      );
    if (previous) await this.rollBack(ctx, docker, steps, secrets, failure, previous);
    return await this.removeFailed(docker, steps, failure, ctx.config.file);
  }

  /** What the health check runs against: the url output, and `docker exec` into the container. */
  private healthTarget(docker: Docker, { compose }: DockerSteps): HealthTarget {
    return {
      url: compose.url,
      name: `container ${compose.container}`,
      runInside: (command, timeoutMs) => docker.execShell(compose.container, command, timeoutMs),
    };
  }

  /** What the engine can run (runtimes, CPUs), and that compose v2 is there. */
  private async probeEngine(ctx: DestroyContext, docker: Docker): Promise<EngineFacts> {
    const engine = await docker.info();
    await requireCompose(ctx, docker);
    return engine;
  }

  /** What the steps need: the template, the secret names, the engine (deploy only), the build facts (a build only). */
  private async facts(ctx: ProviderContext, secrets: ResolvedSecrets, engine?: EngineFacts): Promise<DockerFacts> {
    const build = ctx.image.build ? await buildFacts(ctx) : { buildx: false };
    return { base: loadComposeBase(), secretNames: [...secrets.values.keys()], engine, ...build };
  }

  /** What runs under the container's name now (`read`: already inspected): it must be ours to replace. */
  private async probeRunning(
    ctx: ProviderContext,
    docker: Docker,
    { compose }: DockerSteps,
    read?: { found: ContainerState | undefined },
  ): Promise<ContainerState | undefined> {
    const before = read ? read.found : await docker.containerInspect(compose.container);
    if (before && before.labels[PROJECT_LABEL] !== compose.project) {
      throw new ActionError(`a container named ${compose.container} already exists and was not deployed by this action`, {
        where: { file: ctx.config.file, field: 'name' },
        fix: `remove it (docker rm -f ${compose.container}) or change name in ${ctx.config.file}`,
      });
    }
    return before;
  }

  /** The image on the engine: built, or pulled as pull_policy says; and whether the running container already is exactly it. */
  private async prepare(
    ctx: ProviderContext,
    docker: Docker,
    steps: DockerSteps,
    before: ContainerState | undefined,
    secrets: ResolvedSecrets,
    known?: KnownImage,
  ): Promise<Prepared> {
    const unchanged = (imageId: string): boolean =>
      !ctx.inputs.force &&
      before !== undefined &&
      before.running &&
      before.health !== 'unhealthy' &&
      before.imageId === imageId &&
      before.labels[CONFIG_HASH_LABEL] === steps.compose.hash &&
      sameSecrets(before, secrets);
    if (steps.build) {
      const id = await this.build(docker, steps.build, ctx.inputs);
      ctx.onBuilt?.(steps.build.tag, id);
      return { digest: id, unchanged: unchanged(id) };
    }
    const digest = ctx.image.digest;
    // before any pull: the running container's image already carries the pinned digest
    if (before && digest) {
      // the deploy ref (repo@digest) found with the container: the running image carries the digest
      // exactly when it is that image; not found (or not asked): the running image's own digests say
      // (the same digest under another repository name counts, as it always did)
      const carries = known?.image
        ? known.image.id === before.imageId
        : (await docker.imageInspect(before.imageId))?.repoDigests.some((d) => d.endsWith(`@${digest}`));
      if (carries) {
        if (unchanged(before.imageId)) return { digest, unchanged: true };
        // the image is on the engine already: only pull_policy Always pulls it again
        if (steps.pullPolicy !== 'Always') return { digest, unchanged: false };
      }
    }
    await this.pull(ctx, docker, steps, known);
    return { digest, unchanged: false };
  }

  /** Build the image; its ID. */
  private async build(docker: Docker, build: BuildSpec, inputs: Inputs): Promise<string> {
    const fix = inputs.force
      ? `fix ${build.dockerfile} (see the build log above); with force the base image is pulled (--pull), so a base that exists only on this engine must be pushed to a registry first`
      : `fix ${build.dockerfile} (see the build log above)`;
    await docker.build(build, { fix: buildFix(build, fix), secrets: inputs['build-secrets'] });
    const built = await docker.imageInspect(build.tag);
    if (!built)
      throw new ActionError(`the build finished but image ${build.tag} is not on the engine`, {
        fix: 'with a docker-container buildx builder, make sure --load works',
      });
    return built.id;
  }

  /** The prebuilt image present on the engine, pulled when pull_policy says so. */
  private async pull(ctx: ProviderContext, docker: Docker, { pullPolicy }: DockerSteps, known?: KnownImage): Promise<void> {
    const ref = ctx.image.deployRef;
    if (pullPolicy !== 'Always' && (known ? known.image : await docker.imageInspect(ref))) return;
    if (pullPolicy === 'Never') {
      throw new ActionError(`image ${ref} is not present on the Docker engine and pull_policy is Never`, {
        where: { file: ctx.config.file, field: 'deployment.image_config.pull_policy' },
        fix: 'pull or load the image before this step, or set pull_policy to IfNotPresent',
      });
    }
    await withRegistryAuth(ctx, ref, (env) => docker.pull(ref, { env }));
    if (!(await docker.imageInspect(ref)))
      throw new ActionError(`image ${ref} was pulled but is not on the engine`, { fix: 'check the Docker engine log' });
  }

  /** The generated files, then compose up --wait within the rollout's share of the run; why it is not ready, or undefined. */
  private async release(
    ctx: ProviderContext,
    docker: Docker,
    steps: DockerSteps,
    secrets: ResolvedSecrets,
    rollout: Deadline,
  ): Promise<string | undefined> {
    const kept = seconds(rollbackReserve(ctx.inputs.timeout));
    const budget = rollout.budget(`${steps.compose.container} could start (its last ${kept} s are kept for a rollback)`);
    writeGenerated({ ...composeFile(ctx.workdir), content: steps.compose.yaml });
    return await this.up(ctx, docker, steps.target, secrets, {
      budgetMs: budget,
      startMs: COMPOSE_START_MS,
      forceRecreate: ctx.inputs.force,
    });
  }

  /**
   * `compose up --wait`, stopped after `budgetMs` at the latest (its `--wait-timeout` leaves `startMs`
   * for compose's own start), with the env file in place only meanwhile; why it is not ready, or undefined.
   */
  private async up(
    ctx: ProviderContext,
    docker: Docker,
    target: ComposeTarget,
    secrets: ResolvedSecrets,
    { budgetMs, startMs, forceRecreate }: { budgetMs: number; startMs: number; forceRecreate: boolean },
  ): Promise<string | undefined> {
    const options = { waitTimeoutSeconds: waitTimeoutSeconds(budgetMs, startMs), forceRecreate };
    const up = await withEnvFile(ctx, secrets, (env) => docker.up(target, options, { timeoutMs: budgetMs, env }));
    if (up.code === 0) return undefined;
    if (up.timedOut) return `compose did not return within ${seconds(up.durationMs)} s and was stopped`;
    return lastLine(up.stderr || up.stdout, COMPOSE_PROGRESS) || `compose exited with code ${up.code}`;
  }

  /** compose's `--wait` passed: is the container ready? Without a healthcheck it must also stay up, unrestarted, a moment later. */
  private async check(docker: Docker, { compose }: DockerSteps, rollout: Deadline): Promise<string | undefined> {
    let now = await docker.containerInspect(compose.container);
    if (now && now.health === undefined) {
      await sleep(Math.min(SETTLE_MS, rollout.remaining()));
      now = await docker.containerInspect(compose.container);
    }
    return notReady(now);
  }

  private async printLogs(docker: Docker, { compose, target }: DockerSteps): Promise<void> {
    const logs = await docker.logs(target, LOG_LINES);
    await group(`${compose.container}: last ${LOG_LINES} log lines`, async () => info(logs || '(the container wrote nothing)'));
  }

  /**
   * Put back the document the previous container ran, its image by ID, wait for it and run the same
   * health check on what is left of the run; throw one line saying what runs now and whether it is healthy.
   */
  private async rollBack(
    ctx: ProviderContext,
    docker: Docker,
    steps: DockerSteps,
    secrets: ResolvedSecrets,
    failure: string,
    previous: PreviousDeployment,
  ): Promise<never> {
    const { compose, target } = steps;
    info(`rollback: putting back the previous deployment (${previous.ref}, image ${previous.imageId})`);
    writeGenerated({ ...composeFile(ctx.workdir), content: previous.yaml });
    let why: string | undefined;
    let health: HealthOutcome | undefined;
    try {
      // the last thing the run does: compose and the check may wait until the run's deadline
      const budgetMs = ctx.deadline.budget('the rollback could start');
      why =
        (await this.up(ctx, docker, target, secrets, { budgetMs, startMs: 0, forceRecreate: true })) ??
        notReady(await docker.containerInspect(compose.container));
      if (why === undefined) health = await checkDeployment(ctx.inputs, this.healthTarget(docker, steps), ctx.deadline);
    } catch (e) {
      if (!isDeadlineExceeded(e)) throw e;
      why ??= `the run's timeout of ${seconds(ctx.deadline.totalMs)} s ran out`;
    }
    const now =
      why !== undefined
        ? `but it did not become ready either (${why}): run docker compose -p ${compose.project} down`
        : !health
          ? 'ready (no health check was asked for)'
          : health.healthy
            ? `healthy (${health.what} passed)`
            : `NOT healthy either (${health.what} — ${health.last})`;
    const rolledBack = why === undefined;
    throw new ActionError(`${failure}; rolled back: the previous image ${previous.ref} runs now, ${now}`, {
      where: { file: ctx.config.file },
      fix: READ_THE_LOG,
      extra: { rolledBack: String(rolledBack), previousImage: previous.ref, healthy: rolledBack ? healthyOf(health) : 'false' },
    });
  }

  /** Nothing ran before: remove what compose started (the home volume stays: a failed redeploy must not erase a workspace), throw one line. */
  private async removeFailed(docker: Docker, { compose, target }: DockerSteps, failure: string, file: string): Promise<never> {
    let cleanup = `nothing ran before, so it was removed (docker compose down); volume ${compose.volumes.join(', ')} kept`;
    try {
      await docker.down(target, false, { timeoutMs: 120_000 });
    } catch (e) {
      const what = isDeadlineExceeded(e) ? "the run's timeout ran out while removing it" : 'removing it failed too';
      cleanup = `${what}: run docker compose -p ${compose.project} down`;
    }
    throw new ActionError(`${failure}; ${cleanup}`, {
      where: { file },
      fix: READ_THE_LOG,
      extra: { rolledBack: 'false', previousImage: '', healthy: 'false' },
    });
  }

  private result(ctx: ProviderContext, { compose, build }: DockerSteps, { digest, unchanged }: Prepared): DeployResult {
    return {
      url: compose.url,
      skipped: unchanged,
      built: build !== undefined,
      image: build ? build.tag : ctx.image.deployRef,
      digest,
      connect: connectHint(compose.container),
      extra: { container: compose.container, project: compose.project, 'compose-file': COMPOSE_FILE },
    };
  }

  /**
   * The containers labelled as previews of this config (name and a name-suffix) by a run of
   * `repository`, whose compose project is the one this action names for that suffix: what a later
   * rename or a hand-made container with the same labels cannot pass for.
   */
  async listPreviews(ctx: DestroyContext, repository: string): Promise<Preview[]> {
    return await containerPreviews(new Docker(ctx.exec, ctx.workdir), ctx.config.name, repository, traceLabel, (suffix, c) => {
      const name = resourceName(ctx.config.name, suffix, DOCKER_NAME);
      return c.name === name && c.labels[PROJECT_LABEL] === projectName(name) ? name : undefined;
    });
  }

  async destroy(ctx: DestroyContext): Promise<{ removed: string[] }> {
    const docker = new Docker(ctx.exec, ctx.workdir);
    await requireCompose(ctx, docker);
    const container = resourceName(ctx.config.name, ctx.inputs['name-suffix'], DOCKER_NAME);
    const before = await docker.containerInspect(container);
    // down needs a valid document, not the image: the running container's reference, else a placeholder
    const secretNames = ctx.config.secrets.filter((s) => DELIVERED_SOURCES.includes(s.source)).map((s) => s.name);
    const compose = renderCompose({
      config: ctx.config,
      image: before?.imageRef ?? `${ctx.config.name}:destroy`,
      base: loadComposeBase(),
      secretNames,
      nameSuffix: ctx.inputs['name-suffix'],
    });
    const label = `${PROJECT_LABEL}=${compose.project}`;
    const removed: string[] = [];

    if (before && before.labels[PROJECT_LABEL] !== compose.project) {
      warning(`container ${compose.container} was not deployed by this action and is left alone`);
    } else if (before) removed.push(`container ${compose.container}`);
    const volumesBefore = new Set(await docker.volumesWithLabel(label));
    const networksBefore = await docker.networksWithLabel(label);

    // down reads a document of its own, never the working directory's file: that one may belong to
    // another name-suffix (the last deploy from this folder wrote it)
    const dir = ctx.temps.dir('sindri-docker-destroy-');
    try {
      const file = composeFile(dir);
      writeGenerated({ ...file, content: compose.yaml });
      const target: ComposeTarget = { file: file.path, project: compose.project };
      await docker.down(target, true);
    } finally {
      ctx.temps.remove(dir);
    }
    if (removeGenerated(composeFile(ctx.workdir, compose.project)) === 'removed') removed.push(`file ${COMPOSE_FILE}`);
    // what down did not know about (a volume of an earlier configuration, say)
    const volumesLeft = await docker.volumesWithLabel(label);
    await docker.volumeRemove(volumesLeft);
    const networksLeft = await docker.networksWithLabel(label);
    await docker.networkRemove(networksLeft);
    for (const v of volumesBefore) removed.push(`volume ${v}`);
    if (networksBefore.length > 0) removed.push(`${networksBefore.length} network(s) of project ${compose.project}`);
    return { removed };
  }
}
