/**
 * provider: docker — a compose deployment on the runner's Docker engine (SPEC §5, issue 3).
 *
 * `plan` and `apply` share `dockerSteps`: the same compose document, the same argv (built by
 * `dockerArgv`). `plan` runs nothing on the engine; `apply` adds what only the engine can tell
 * (runtimes, CPUs, whether the image is present, what is running) and executes the steps.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { Docker, dockerArgv, type BuildSpec, type ComposeTarget, type ContainerState } from '../../external/docker.js';
import { Git, publicSourceUrl } from '../../external/git.js';
import { ActionError } from '../../errors.js';
import { group, info, warning } from '../../runner.js';
import type { PullPolicy } from '../../config/types.js';
import {
  COMPOSE_FILE,
  CONFIG_HASH_LABEL,
  PROJECT_LABEL,
  SECRETS_FILE,
  HOME_MOUNT,
  documentFromLabels,
  encodeEnvFile,
  renderCompose,
  type EngineFacts,
  type RenderedCompose,
} from './compose.js';
import { resourceName } from '../../naming.js';
import { withRegistryAuth } from '../kit/build.js';
import { warnNotices } from '../kit/notices.js';
import { lastLine } from '../kit/output.js';
import { requireSecrets, resolveSecrets, type ResolvedSecrets } from '../kit/secrets.js';
import type { DeployResult, DestroyContext, PlannedCommand, PlannedFile, Provider, ProviderContext, ProviderPlan } from '../types.js';

const LOG_LINES = 50;
/** a container without a healthcheck must stay up this long after `--wait` (a crash loop passes `--wait`) */
const SETTLE_MS = 2000;

/** What the steps depend on besides the context; plan fills what it can without the engine. */
export interface DockerFacts {
  base: Record<string, unknown>;
  secretNames: string[];
  engine?: EngineFacts;
  buildx: boolean;
  revision?: string;
  source?: string;
}

export interface DockerSteps {
  compose: RenderedCompose;
  target: ComposeTarget;
  pullPolicy: PullPolicy;
  build?: BuildSpec;
  files: PlannedFile[];
  commands: PlannedCommand[];
  notes: string[];
}

let baseCache: Record<string, unknown> | undefined;

/** templates/docker/compose.yml, found beside the running code (src/ in development, dist/ when bundled). */
export function loadComposeBase(): Record<string, unknown> {
  if (baseCache) return baseCache;
  const rel = join('templates', 'docker', 'compose.yml');
  const starts = [dirname(fileURLToPath(import.meta.url)), process.argv[1] ? dirname(process.argv[1]) : undefined];
  for (const start of starts) {
    for (let dir = start, i = 0; dir && i < 5; dir = dirname(dir), i++) {
      const path = join(dir, rel);
      if (existsSync(path)) return (baseCache = parse(readFileSync(path, 'utf8')) as Record<string, unknown>);
    }
  }
  throw new ActionError(`${rel} was not found beside the action`, {
    fix: 'the action checkout is incomplete: use a released tag such as sindri/deploy-action@v1',
  });
}

export function connectHint(container: string): string {
  return `docker exec -it -e HOME=${HOME_MOUNT} -u developer -w ${HOME_MOUNT} ${container} bash -l`;
}

/** The pure heart: files and commands for a context and what is known about the engine. */
export function dockerSteps(ctx: ProviderContext, facts: DockerFacts): DockerSteps {
  const { config, inputs, image } = ctx;
  const runRef = image.build ? image.ref : image.deployRef;
  const compose = renderCompose({
    config,
    image: runRef,
    base: facts.base,
    secretNames: facts.secretNames,
    engine: facts.engine,
    nameSuffix: inputs['name-suffix'],
  });
  const target: ComposeTarget = { file: COMPOSE_FILE, project: compose.project };
  const pullPolicy = config.deployment.image_config?.pull_policy ?? 'IfNotPresent';
  const notes = [...compose.notes];
  const commands: PlannedCommand[] = [
    {
      argv: ['docker', 'container', 'inspect', compose.container],
      why: 'skip when it already runs this image and configuration',
      mutates: false,
    },
  ];

  let build: BuildSpec | undefined;
  if (image.build) {
    if (!image.dockerfile)
      throw new ActionError('the image decision asks for a build but names no Dockerfile', {
        fix: 'report this at https://github.com/sindri/deploy-action/issues',
      });
    const labels: Record<string, string> = {};
    if (facts.source) labels['org.opencontainers.image.source'] = facts.source;
    if (facts.revision) labels['org.opencontainers.image.revision'] = facts.revision;
    build = {
      dockerfile: image.dockerfile,
      context: inputs['build-context'] || '.',
      tag: image.ref,
      labels,
      buildArgs: inputs['build-args'],
      noCache: inputs.force,
      pull: inputs.force,
      // the deployment's network is the build's: a host-network engine (no bridge) needs it, a bridge engine is unaffected
      hostNetwork: compose.network === 'host',
      buildx: facts.buildx,
    };
    commands.push({
      argv: ['docker', ...dockerArgv.build(build)],
      why: `build ${image.dockerfile}${inputs.force ? ' without cache, pulling the base (force)' : ''}`,
      mutates: true,
    });
  } else {
    if (pullPolicy !== 'Always') {
      commands.push({
        argv: ['docker', ...dockerArgv.imageInspect(runRef)],
        why: `pull_policy ${pullPolicy}: is the image present?`,
        mutates: false,
      });
    }
    if (pullPolicy !== 'Never') {
      commands.push({
        argv: ['docker', ...dockerArgv.pull(runRef)],
        why: pullPolicy === 'Always' ? 'pull_policy Always' : 'only when the image is not present (pull_policy IfNotPresent)',
        mutates: true,
      });
    }
  }
  const waitSeconds = Math.max(1, Math.floor(inputs.timeout / 1000));
  commands.push({
    argv: ['docker', ...dockerArgv.up(target, { waitTimeoutSeconds: waitSeconds, forceRecreate: inputs.force })],
    why: `start ${compose.container} and wait until it is running${inputs.force ? ', recreated (force)' : ''} (deploy passes what remains of timeout)`,
    mutates: true,
  });

  const files: PlannedFile[] = [{ path: COMPOSE_FILE, content: compose.yaml }];
  if (facts.secretNames.length > 0) {
    files.push({ path: SECRETS_FILE, content: encodeEnvFile(Object.fromEntries(facts.secretNames.map((n) => [n, '***']))), mode: 0o600 });
    notes.push(`${SECRETS_FILE} (mode 0600) holds the secret values only while compose starts the container, then it is removed`);
  }
  return { compose, target, pullPolicy, build, files, commands, notes };
}

/** compose's progress lines, left out of the line that says why `up` failed */
const COMPOSE_PROGRESS = /^(Container|Volume|Network) .+ (Creating|Created|Starting|Started|Waiting|Running|Recreate|Recreated)$/;

function sameSecrets(c: ContainerState, secrets: ResolvedSecrets): boolean {
  const env = new Set(c.env);
  return [...secrets.values].every(([k, v]) => env.has(`${k}=${v}`));
}

export class DockerProvider implements Provider {
  readonly name = 'docker' as const;

  async plan(ctx: ProviderContext): Promise<ProviderPlan> {
    const secrets = resolveSecrets(ctx.config);
    const facts: DockerFacts = { base: loadComposeBase(), secretNames: [...secrets.values.keys()], buildx: false };
    if (ctx.image.build) await this.buildFacts(ctx, facts, new Docker(ctx.exec, ctx.workdir));
    const steps = dockerSteps(ctx, facts);
    const notes = [...steps.notes, ...steps.compose.warnings, ...secrets.notices.map((n) => n.message)];
    if (secrets.missingRequired.length > 0)
      notes.push(`required secrets not set: ${secrets.missingRequired.join(', ')} (deploy fails before starting anything)`);
    if (!ctx.image.build)
      notes.push(`no image is built: the prebuilt image is deployed ${ctx.image.digest ? 'by digest' : 'as written (not pinned)'}`);
    return { files: steps.files, commands: steps.commands, notes };
  }

  /** buildx (a client probe) and the git facts for the OCI labels: no engine call. */
  private async buildFacts(ctx: ProviderContext, facts: DockerFacts, docker: Docker): Promise<void> {
    facts.buildx = await docker.buildxAvailable();
    const git = new Git(ctx.exec, ctx.workdir);
    facts.revision = (await git.revision()) ?? process.env.GITHUB_SHA;
    const server = process.env.GITHUB_SERVER_URL;
    const repo = process.env.GITHUB_REPOSITORY;
    facts.source = server && repo ? `${server}/${repo}` : publicSourceUrl((await git.remoteUrl()) ?? '');
  }

  async apply(ctx: ProviderContext): Promise<DeployResult> {
    const deadline = Date.now() + ctx.inputs.timeout;
    const remaining = () => Math.max(1000, deadline - Date.now());
    // 1. secrets first: a missing required secret fails before anything is touched
    const secrets = requireSecrets(ctx.config);
    warnNotices(ctx.config, secrets.notices);

    const docker = new Docker(ctx.exec, ctx.workdir);
    const engine = await docker.info();
    await docker.composeVersion();
    const facts: DockerFacts = { base: loadComposeBase(), secretNames: [...secrets.values.keys()], engine, buildx: false };
    if (ctx.image.build) await this.buildFacts(ctx, facts, docker);
    const steps = dockerSteps(ctx, facts);
    const { compose, target } = steps;
    for (const w of compose.warnings) warning(w, { file: ctx.config.file, title: 'providers.docker' });

    // 2. the name must be ours to replace
    const before = await docker.containerInspect(compose.container);
    if (before && before.labels[PROJECT_LABEL] !== compose.project) {
      throw new ActionError(`a container named ${compose.container} already exists and was not deployed by this action`, {
        where: { file: ctx.config.file, field: 'name' },
        fix: `remove it (docker rm -f ${compose.container}) or change name in ${ctx.config.file}`,
      });
    }
    const unchanged = (imageId: string): boolean =>
      !ctx.inputs.force &&
      before !== undefined &&
      before.running &&
      before.health !== 'unhealthy' &&
      before.imageId === imageId &&
      before.labels[CONFIG_HASH_LABEL] === compose.hash &&
      sameSecrets(before, secrets);

    // 3. the image: build, or pull as pull_policy says
    let imageId: string;
    let digest: string;
    if (steps.build) {
      const fix = ctx.inputs.force
        ? `fix ${steps.build.dockerfile} (see the build log above); with force the base image is pulled (--pull), so a base that exists only on this engine must be pushed to a registry first`
        : `fix ${steps.build.dockerfile} (see the build log above)`;
      await docker.build(steps.build, { timeoutMs: remaining(), fix });
      const built = await docker.imageInspect(steps.build.tag);
      if (!built)
        throw new ActionError(`the build finished but image ${steps.build.tag} is not on the engine`, {
          fix: 'with a docker-container buildx builder, make sure --load works',
        });
      imageId = built.id;
      digest = built.id;
      if (unchanged(imageId)) return this.skipped(ctx, compose, steps.build.tag, digest, true);
    } else {
      const ref = ctx.image.deployRef;
      digest = ctx.image.digest;
      // skip check before any pull: the running container's image already carries the pinned digest
      if (before && digest) {
        const running = await docker.imageInspect(before.imageId);
        if (running?.repoDigests.some((d) => d.endsWith(`@${digest}`)) && unchanged(before.imageId))
          return this.skipped(ctx, compose, ref, digest, false);
      }
      let present = steps.pullPolicy === 'Always' ? undefined : await docker.imageInspect(ref);
      if (!present) {
        if (steps.pullPolicy === 'Never') {
          throw new ActionError(`image ${ref} is not present on the Docker engine and pull_policy is Never`, {
            where: { file: ctx.config.file, field: 'deployment.image_config.pull_policy' },
            fix: 'pull or load the image before this step, or set pull_policy to IfNotPresent',
          });
        }
        await withRegistryAuth(ctx, ref, (env) => docker.pull(ref, { timeoutMs: remaining(), env }));
        present = await docker.imageInspect(ref);
      }
      if (!present) throw new ActionError(`image ${ref} was pulled but is not on the engine`, { fix: 'check the Docker engine log' });
      imageId = present.id;
    }

    // 4. files, then compose up; the env file lives only while compose reads it
    for (const f of steps.files.filter((x) => x.path !== SECRETS_FILE))
      writeFileSync(join(ctx.workdir, f.path), f.content, { mode: f.mode ?? 0o644 });
    const secretsPath = join(ctx.workdir, SECRETS_FILE);
    const waitSeconds = Math.max(1, Math.floor(remaining() / 1000));
    let up;
    try {
      // a file left at that path keeps its own mode on write: start from none, created 0600
      rmSync(secretsPath, { force: true });
      ctx.temps.register(secretsPath); // a cancelled run leaves it: the post step removes it
      if (secrets.values.size > 0) writeFileSync(secretsPath, encodeEnvFile(secrets.values), { mode: 0o600, flag: 'wx' });
      up = await docker.up(
        target,
        { waitTimeoutSeconds: waitSeconds, forceRecreate: ctx.inputs.force },
        { timeoutMs: waitSeconds * 1000 + 30_000 },
      );
    } finally {
      rmSync(secretsPath, { force: true });
      ctx.temps.release(secretsPath);
    }

    // 5. readiness: compose's --wait, then (no healthcheck) a container that stays up
    let reason =
      up.code === 0
        ? ''
        : up.timedOut
          ? `compose did not return within ${waitSeconds} s`
          : lastLine(up.stderr || up.stdout, COMPOSE_PROGRESS) || `compose exited with code ${up.code}`;
    if (!reason) {
      let now = await docker.containerInspect(compose.container);
      if (now && now.health === undefined) {
        await new Promise((r) => setTimeout(r, Math.min(SETTLE_MS, remaining())));
        now = await docker.containerInspect(compose.container);
      }
      if (!now) reason = 'the container is gone';
      else if (!now.running || now.restartCount > 0)
        reason = `the container exited right after start (status ${now.status}, ${now.restartCount} restarts)`;
      else if (now.health === 'unhealthy') reason = 'the container is unhealthy';
    }
    if (reason) {
      const previous = ctx.inputs.rollback && before?.running ? documentFromLabels(before.labels, ctx.config.file) : undefined;
      if (previous) await this.rollBack(ctx, docker, compose, target, waitSeconds, reason, previous, secrets, remaining);
      await this.fail(ctx, docker, compose, target, waitSeconds, reason);
    }

    return {
      url: compose.url,
      skipped: false,
      built: steps.build !== undefined,
      image: steps.build ? steps.build.tag : ctx.image.deployRef,
      digest,
      connect: connectHint(compose.container),
      extra: { container: compose.container, project: compose.project, 'compose-file': COMPOSE_FILE },
    };
  }

  private skipped(ctx: ProviderContext, compose: RenderedCompose, image: string, digest: string, built: boolean): DeployResult {
    info(`${compose.container} already runs ${image} with this configuration: nothing to do (force: true redeploys)`);
    writeFileSync(join(ctx.workdir, COMPOSE_FILE), compose.yaml, { mode: 0o644 });
    return {
      url: compose.url,
      skipped: true,
      built,
      image,
      digest,
      connect: connectHint(compose.container),
      extra: { container: compose.container, project: compose.project, 'compose-file': COMPOSE_FILE },
    };
  }

  /**
   * rollback: print the failed container's log, put back the document (and so the digest) the
   * previous container ran, wait for it, and throw one line saying what runs again.
   */
  private async rollBack(
    ctx: ProviderContext,
    docker: Docker,
    compose: RenderedCompose,
    target: ComposeTarget,
    waitSeconds: number,
    reason: string,
    previous: { yaml: string; image: string },
    secrets: ResolvedSecrets,
    remaining: () => number,
  ): Promise<never> {
    const logs = await docker.logs(target, LOG_LINES);
    await group(`${compose.container}: last ${LOG_LINES} log lines`, async () => info(logs || '(the container wrote nothing)'));
    info(`rollback: putting back the previous deployment (${previous.image})`);
    writeFileSync(join(ctx.workdir, COMPOSE_FILE), previous.yaml, { mode: 0o644 });
    const secretsPath = join(ctx.workdir, SECRETS_FILE);
    const wait = Math.max(1, Math.floor(remaining() / 1000));
    let up;
    try {
      rmSync(secretsPath, { force: true });
      if (secrets.values.size > 0) writeFileSync(secretsPath, encodeEnvFile(secrets.values), { mode: 0o600, flag: 'wx' });
      up = await docker.up(target, { waitTimeoutSeconds: wait, forceRecreate: true }, { timeoutMs: wait * 1000 + 30_000 });
    } finally {
      rmSync(secretsPath, { force: true });
    }
    const back =
      up.code === 0
        ? 'running again'
        : `but it did not become ready either (${lastLine(up.stderr || up.stdout, COMPOSE_PROGRESS)}): run docker compose -p ${compose.project} down`;
    throw new ActionError(
      `${compose.container} did not become ready within ${waitSeconds} s: ${reason}; rolled back to ${previous.image}, ${back}`,
      {
        where: { file: ctx.config.file },
        fix: 'read the container log above; raise the input timeout if it only needs longer',
        extra: { rolledBack: up.code === 0 ? 'true' : 'false', rolledBackTo: previous.image },
      },
    );
  }

  /** Print the container's last log lines, remove what compose started (the home volume stays), throw one line. */
  private async fail(
    ctx: ProviderContext,
    docker: Docker,
    compose: RenderedCompose,
    target: ComposeTarget,
    waitSeconds: number,
    reason: string,
  ): Promise<never> {
    const logs = await docker.logs(target, LOG_LINES);
    await group(`${compose.container}: last ${LOG_LINES} log lines`, async () => info(logs || '(the container wrote nothing)'));
    let cleanup = `it was removed (docker compose down); volume ${compose.volumes.join(', ')} kept`;
    try {
      await docker.down(target, false, { timeoutMs: 120_000 });
    } catch {
      cleanup = `removing it failed too: run docker compose -p ${compose.project} down`;
    }
    throw new ActionError(`${compose.container} did not become ready within ${waitSeconds} s: ${reason}; ${cleanup}`, {
      where: { file: ctx.config.file },
      fix: 'read the container log above; raise the input timeout if it only needs longer',
      extra: { rolledBack: 'false' },
    });
  }

  async destroy(ctx: DestroyContext): Promise<{ removed: string[] }> {
    const docker = new Docker(ctx.exec, ctx.workdir);
    await docker.composeVersion();
    const container = resourceName(ctx.config.name, ctx.inputs['name-suffix']);
    const before = await docker.containerInspect(container);
    // down needs a valid document, not the image: the running container's reference, else a placeholder
    const secretNames = ctx.config.secrets.filter((s) => s.source === 'env').map((s) => s.name);
    const compose = renderCompose({
      config: ctx.config,
      image: before?.imageRef ?? `${ctx.config.name}:destroy`,
      base: loadComposeBase(),
      secretNames,
      nameSuffix: ctx.inputs['name-suffix'],
    });
    const target: ComposeTarget = { file: COMPOSE_FILE, project: compose.project };
    const label = `${PROJECT_LABEL}=${compose.project}`;
    const removed: string[] = [];

    if (before && before.labels[PROJECT_LABEL] !== compose.project) {
      warning(`container ${compose.container} was not deployed by this action and is left alone`);
    } else if (before) removed.push(`container ${compose.container}`);
    const volumesBefore = new Set(await docker.volumesWithLabel(label));
    const networksBefore = await docker.networksWithLabel(label);

    const generated = [COMPOSE_FILE, SECRETS_FILE].filter((f) => existsSync(join(ctx.workdir, f)));
    writeFileSync(join(ctx.workdir, COMPOSE_FILE), compose.yaml, { mode: 0o644 });
    try {
      await docker.down(target, true, { timeoutMs: ctx.inputs.timeout });
    } finally {
      for (const f of [COMPOSE_FILE, SECRETS_FILE]) rmSync(join(ctx.workdir, f), { force: true });
    }
    removed.push(...generated.map((f) => `file ${f}`));
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
