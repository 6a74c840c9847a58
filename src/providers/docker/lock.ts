/**
 * One deploy of a target at a time (issue 20, class 13; ADR 0028). Two runs that release the same
 * compose project at once race inside compose ("No such container", a name conflict, or the last
 * writer silently winning, and a rollback of one undoing the other). Before it changes anything, a
 * deploy takes a lock the engine itself keeps: a stopped container `<container>.sindri-lock` that
 * only exists while a deploy runs (the engine refuses a second container of one name, whoever asks:
 * 409 Conflict to the Engine API in-process, the CLI's "is already in use" where the CLI is asked, ADR 0048).
 * It carries the time it may be held until (the holder's deadline) and its holder (host name and
 * process ID); a lock left by a cancelled or killed run is taken over at once when its holder was a
 * process of this host that has ended, else once that time has passed. It has no compose project label, so no
 * `compose up --remove-orphans` or `down` ever removes it.
 */
import { hostname } from 'node:os';
import { ActionError } from '../../errors.js';
import { info } from '../../runner.js';
import type { Docker } from '../../external/docker.js';

export const LOCK_LABEL = 'org.sindri.deploy-action.lock';
export const LOCK_UNTIL_LABEL = 'org.sindri.deploy-action.lock-until';
/** `<host name> <pid>` of the run holding it: on the same host, a holder whose process is gone left it */
export const LOCK_HOLDER_LABEL = 'org.sindri.deploy-action.lock-holder';
/** What a holder may need past its own deadline to stop its commands (SIGTERM, then SIGKILL 5 s later). */
const STOP_GRACE_MS = 10_000;

export function lockName(container: string): string {
  return `${container}.sindri-lock`;
}

/** Is a lock held until `until` (ISO time) stale at `now`? An unreadable time is stale: nobody can honour it. */
export function lockExpired(until: string | undefined, now: number): boolean {
  const t = until ? Date.parse(until) : NaN;
  return Number.isNaN(t) || t <= now;
}

/** Is the holder a process of this host that no longer runs? (Another host's holder cannot be asked: only its time tells.) */
export function holderGone(holder: string | undefined, host: string = hostname()): boolean {
  const m = /^(\S+) (\d+)$/.exec(holder ?? '');
  if (!m || m[1] !== host) return false;
  try {
    process.kill(Number(m[2]), 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * Take the lock of `container` with `image` (any image on the engine: the one about to run) until
 * `remainingMs` from now; the function that releases it. Another live deploy: one line saying so.
 */
export async function takeLock(
  docker: Docker,
  {
    container,
    project,
    image,
    remainingMs,
    file,
  }: { container: string; project: string; image: string; remainingMs: number; file: string },
): Promise<() => Promise<void>> {
  const name = lockName(container);
  const until = new Date(Date.now() + remainingMs + STOP_GRACE_MS).toISOString();
  const labels = { [LOCK_LABEL]: project, [LOCK_UNTIL_LABEL]: until, [LOCK_HOLDER_LABEL]: `${hostname()} ${process.pid}` };
  for (let attempt = 0; attempt < 2; attempt++) {
    const r = await docker.createMarker(name, image, labels);
    if ('made' in r) return () => docker.removeContainer(name);
    if ('failed' in r) {
      throw new ActionError(`could not take the deploy lock ${name}: ${r.failed}`, {
        fix: 'check the Docker engine (docker info), then run again',
      });
    }
    const held = await docker.containerInspect(name);
    const gone = held !== undefined && holderGone(held.labels[LOCK_HOLDER_LABEL]);
    if (held && !gone && !lockExpired(held.labels[LOCK_UNTIL_LABEL], Date.now())) {
      throw new ActionError(
        `another deploy of ${container} is under way (it holds the lock ${name} until ${held.labels[LOCK_UNTIL_LABEL]} at the latest); nothing was changed by this run`,
        {
          where: { file },
          fix: 'deploys of one target must not overlap: give the workflow job `concurrency: <environment>`, or run again once the other deploy has finished',
        },
      );
    }
    // left by a run that was cancelled or killed before it could release it: its process or its time is over
    if (held) {
      info(
        `the deploy lock ${name} was left by a run that has ended (${gone ? 'its process is gone' : 'its time is over'}): taking it over`,
      );
      await docker.removeContainer(name);
    }
  }
  throw new ActionError(`could not take the deploy lock ${name}: another run took it at the same moment`, {
    where: { file },
    fix: 'deploys of one target must not overlap: give the workflow job `concurrency: <environment>`',
  });
}
