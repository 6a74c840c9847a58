/**
 * What "ready" means for the docker provider, decided from what the engine says about the container
 * after `compose up --wait` returned 0 (pure: the inspection comes in).
 */
import type { ContainerState } from '../../external/docker.js';

/** A container without a healthcheck must stay up this long after `--wait` (a crash loop passes `--wait`). */
export const SETTLE_MS = 2000;

/**
 * Why a container that compose's `--wait` let through is not ready, or undefined when it is. A
 * container with a healthcheck must be `healthy`: compose 2.2x can end `--wait` at its
 * `--wait-timeout` with exit code 0 (its wait loop returns no error when the context ends), leaving a
 * container whose health is still `starting`.
 */
export function notReady(now: ContainerState | undefined): string | undefined {
  if (!now) return 'the container is gone';
  if (!now.running || now.restartCount > 0)
    return `the container exited right after start (status ${now.status}, ${now.restartCount} restarts)`;
  if (now.health === 'unhealthy') return 'the container is unhealthy';
  if (now.health !== undefined && now.health !== 'healthy') return `its health check has not passed (health: ${now.health})`;
  return undefined;
}
