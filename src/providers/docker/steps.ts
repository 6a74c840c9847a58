/**
 * The docker provider's steps, pure: from the context and what is known about the engine, the files
 * to write and the commands to run, with why. `plan` prints them; `apply` runs them, so both show the
 * same compose document and the same argv (built by `dockerArgv`).
 */
import { dockerArgv, enginePaths, type BuildSpec, type ComposeTarget } from '../../external/docker.js';
import type { PullPolicy } from '../../config/types.js';
import { ActionError } from '../../errors.js';
import { buildKitNotes, buildKitSpec, buildLabels, type BuildFacts } from '../kit/build.js';
import { rollbackReserve } from '../kit/time.js';
import type { PlannedCommand, PlannedFile, ProviderContext } from '../types.js';
import { COMPOSE_FILE, HOME_MOUNT, renderCompose, type EngineFacts, type RenderedCompose } from './compose.js';
import { SECRETS_FILE, plannedEnvFile } from './secrets.js';

/** What the steps depend on besides the context; plan fills what it can without the engine. */
export interface DockerFacts extends BuildFacts {
  base: Record<string, unknown>;
  secretNames: string[];
  engine?: EngineFacts;
  /** the short reads go to the Engine API in-process (ADR 0048); false: through the docker CLI */
  engineApi?: boolean;
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

/** What compose takes to start itself and create and start the container before its `--wait` clock starts (1.5–2.5 s measured on a busy 2-core runner). */
export const COMPOSE_START_MS = 3_000;

/**
 * compose's `--wait-timeout` for a `compose up` that must be over within `ms`. A rollout leaves
 * compose's own start out (`startMs`), so compose says itself what it waited for and the rollback
 * keeps all of its reserve; a rollback, the last thing the run does, passes 0 and may wait to the
 * end. Whole seconds, at least 1 (compose reads 0 as "no limit"); the command itself is stopped at
 * the end of `ms` whatever compose does.
 */
export function waitTimeoutSeconds(ms: number, startMs: number = COMPOSE_START_MS): number {
  return Math.max(1, Math.floor((ms - startMs) / 1000));
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
    health: inputs['health-command'] ? { command: inputs['health-command'], timeoutMs: inputs['health-timeout'] } : undefined,
    trace: ctx.trace,
  });
  const target: ComposeTarget = { file: COMPOSE_FILE, project: compose.project };
  const pullPolicy = config.deployment.image_config?.pull_policy ?? 'IfNotPresent';
  const notes = [...compose.notes];
  // a prebuilt image whose pull_policy asks whether it is present: asked with the container (two requests in-process, ADR 0048; else one process, ADR 0047)
  const asksImage = !image.build && pullPolicy !== 'Always';
  const skipWhy = 'skip when it already runs this image and configuration';
  const commands: PlannedCommand[] = facts.engineApi
    ? [
        { argv: ['GET', enginePaths.container(compose.container)], inProcess: true, why: skipWhy, mutates: false },
        ...(asksImage
          ? [
              {
                argv: ['GET', enginePaths.image(runRef)],
                inProcess: true,
                why: `pull_policy ${pullPolicy}: is the image present?`,
                mutates: false,
              },
            ]
          : []),
      ]
    : [
        asksImage
          ? {
              argv: ['docker', ...dockerArgv.inspectPair(compose.container, runRef)],
              why: `${skipWhy}; pull_policy ${pullPolicy}: is the image present?`,
              mutates: false,
            }
          : {
              argv: ['docker', 'container', 'inspect', compose.container],
              why: skipWhy,
              mutates: false,
            },
      ];

  let build: BuildSpec | undefined;
  if (image.build) {
    if (!image.dockerfile)
      throw new ActionError('the image decision asks for a build but names no Dockerfile', {
        fix: 'report this at https://github.com/sindri/deploy-action/issues',
      });
    build = {
      dockerfile: image.dockerfile,
      context: inputs['build-context'] || '.',
      tag: image.ref,
      labels: buildLabels(facts),
      buildArgs: inputs['build-args'],
      noCache: inputs.force,
      pull: inputs.force,
      // the deployment's network is the build's: a host-network engine (no bridge) needs it, a bridge engine is unaffected
      hostNetwork: compose.network === 'host',
      buildx: facts.buildx,
      ...buildKitSpec(inputs),
    };
    notes.push(...buildKitNotes(build));
    commands.push({
      argv: ['docker', ...dockerArgv.build(build)],
      why: `build ${image.dockerfile}${inputs.force ? ' without cache, pulling the base (force)' : ''}`,
      mutates: true,
    });
  } else {
    if (pullPolicy !== 'Never') {
      commands.push({
        argv: ['docker', ...dockerArgv.pull(runRef)],
        why: pullPolicy === 'Always' ? 'pull_policy Always' : 'only when the image is not present (pull_policy IfNotPresent)',
        mutates: true,
      });
    }
  }
  // at most: the rollout's share of timeout, the rest is kept for a rollback (docs/adr/0019-the-runs-clock-and-state-as-values.md)
  const waitSeconds = waitTimeoutSeconds(inputs.timeout - rollbackReserve(inputs.timeout));
  commands.push({
    argv: ['docker', ...dockerArgv.up(target, { waitTimeoutSeconds: waitSeconds, forceRecreate: inputs.force })],
    why: `start ${compose.container} and wait until it is running${inputs.force ? ', recreated (force)' : ''} (deploy passes what remains of timeout, less the share kept for a rollback)`,
    mutates: true,
  });

  if (inputs.rollback)
    commands.push({
      argv: [
        'docker',
        ...dockerArgv.up(target, { waitTimeoutSeconds: waitTimeoutSeconds(rollbackReserve(inputs.timeout), 0), forceRecreate: true }),
      ],
      why: `put back the previous deployment: the document the running ${compose.container} was started from (its label), its image by ID, written to ${COMPOSE_FILE} (rollback: true; nothing ran before: compose down instead)`,
      mutates: true,
      onFailure: true,
    });

  const files: PlannedFile[] = [{ path: COMPOSE_FILE, content: compose.yaml, shown: compose.shown }];
  if (facts.secretNames.length > 0) {
    files.push(plannedEnvFile(facts.secretNames));
    notes.push(
      `${SECRETS_FILE} (mode 0600, in a private folder under RUNNER_TEMP) holds the secret values only while compose starts the container, then it is removed`,
    );
  }
  return { compose, target, pullPolicy, build, files, commands, notes };
}
