/**
 * After `devpod up` (or a skip): the health check inside the workspace, and on failure the rollback to
 * the image that ran before (issue 19, ADR 0022; ADR 0031). The check's command runs through `devpod
 * ssh --command` (one `/bin/sh -c` line inside), a `health-url` must be a whole URL (a workspace has no
 * url). A rollback restores only an immutable identity: the pinned `repo@sha256:…` devpod's record (or,
 * on a fresh runner, the container's label) names. devpod re-creates the docker driver's container with
 * `up --recreate --devcontainer-image <previous>`; on Kubernetes devpod 0.6.15 re-creates the pod from
 * the image stored on its claim, so there the workspace is deleted and started again with the previous
 * image (the home volume claim goes with it).
 */
import { ActionError } from '../../errors.js';
import type { DevPod } from '../../external/devpod.js';
import type { HealthOutcome, HealthTarget } from '../../health/check.js';
import { info } from '../../runner.js';
import { checkDeployment } from '../kit/health.js';
import { rollbackReserve } from '../kit/time.js';
import type { ProviderContext } from '../types.js';
import { withImage } from './devcontainer.js';
import type { DevpodSteps } from './steps.js';

/** How the check reaches the workspace. */
export function healthTarget(devpod: DevPod, id: string): HealthTarget {
  return { url: '', name: `workspace ${id}`, runInside: (command, timeoutMs) => devpod.runInside(id, command, timeoutMs) };
}

/** A ref a rollback can restore: only a digest cannot move. */
export function restorable(ref: string | undefined): ref is string {
  return ref !== undefined && /@sha256:[0-9a-f]{64}$/.test(ref);
}

/** Why the previous workspace cannot be restored, or undefined when it can. */
export function cannotRestore(previous: string, current: string | undefined): string | undefined {
  if (!previous) return 'there is no earlier image to restore (its first deploy, or DevPod built the earlier one from a Dockerfile)';
  if (!restorable(previous)) return `the earlier image ${previous} is not pinned to a digest, so what it named may have changed`;
  if (previous === current) return `the earlier image is the same ${previous}`;
  return undefined;
}

export interface Restart {
  /** `devpod up` with this image (recreate); the devcontainer.json is rewritten first */
  up(image: string, recreate: boolean): Promise<void>;
  /** write the devcontainer.json naming this image */
  write(steps: DevpodSteps): void;
  delete(): Promise<void>;
}

const within = (o: HealthOutcome) => `within ${Math.round(o.waitedMs / 1000)} s`;
const answer = (o: HealthOutcome) => (o.healthy ? `healthy (${o.what} passed)` : `not healthy either (${o.last})`);

/**
 * The check after the release; healthy or no check: the facts for the result. Unhealthy: roll back
 * when asked and possible, then throw one error saying what runs now and whether it is healthy.
 */
export async function checkRelease(
  ctx: ProviderContext,
  devpod: DevPod,
  steps: DevpodSteps,
  previous: string,
  restart: Restart,
): Promise<HealthOutcome | undefined> {
  const id = steps.workspaceId;
  const target = healthTarget(devpod, id);
  const health = await checkDeployment(ctx.inputs, target, ctx.deadline.before(rollbackReserve(ctx.inputs.timeout)));
  if (!health || health.healthy) return health;
  const what = `workspace ${id} did not pass ${health.what} ${within(health)} after ${health.attempts} attempts (${health.last})`;
  const fail = (detail: string, extra: Record<string, string>, fix: string) =>
    new ActionError(`${what}; ${detail}`, {
      where: { file: ctx.config.file },
      fix,
      extra: { previousImage: previous, healthy: 'false', ...extra },
    });
  const debug = `debug it with devpod ssh ${id}`;
  if (!ctx.inputs.rollback)
    throw fail('it is left running as it is (rollback: false)', { rolledBack: 'false' }, `${debug}; fix the image and deploy again`);
  const why = cannotRestore(previous, steps.imageRef);
  if (why)
    throw fail(
      `it cannot be rolled back: ${why}; it is left running as it is`,
      { rolledBack: 'false' },
      `${debug}; fix the image and deploy again, or deploy the last good image by digest (image-digest, or deployment.image: repo@sha256:…); docs/providers/devpod.md#health-checks-and-rollback`,
    );
  info(`rollback: workspace ${id} back to ${previous}`);
  const back = { ...steps, devcontainer: withImage(steps.devcontainer, previous), imageRef: previous };
  restart.write(back);
  if (steps.settings.type === 'kubernetes') {
    await restart.delete();
    await restart.up(previous, false);
  } else await restart.up(previous, true);
  const again = await checkDeployment(ctx.inputs, target, ctx.deadline);
  throw fail(
    `rolled back to ${previous}, ${answer(again!)}`,
    { rolledBack: 'true', healthy: String(again!.healthy) },
    again!.healthy
      ? `fix the new image (${debug} after deploying it with rollback: false)`
      : `${debug}: the earlier image fails its check now too`,
  );
}
