/**
 * The health check a deploy must pass before it is called done (docs/behaviour.md#health-checks):
 * `health-url` (a GET that must answer 2xx or 3xx; a path is joined to the deployment's url) and/or
 * `health-command` (a shell command line run inside the deployment by its own /bin/sh; it must exit 0),
 * retried with backoff within `health-timeout` and never past the deadline it is given. Every attempt
 * is one log line; a failure keeps the last answer (redacted, clipped) for the error line.
 */
import type { Deadline } from '../deadline.js';
import { clip } from '../domain.js';
import { ActionError } from '../errors.js';
import { info, redact } from '../runner.js';
import { oneLine } from '../text.js';

export interface HealthSpec {
  /** '' or an absolute http(s) URL, or a `/path` joined to the deployment's url */
  url: string;
  /** '' or a shell command line */
  command: string;
  timeoutMs: number;
}

/** What a provider offers the check: its url, and a way to run a command inside what it deployed. */
export interface HealthTarget {
  /** the deployment's url output ('' when it has none) */
  url: string;
  /**
   * How the command runs there (`docker exec … sh -c`, `kubectl exec … -- sh -c`, `flyctl ssh console
   * --command`, `devpod ssh --command`, E2B's process API): at most `timeoutMs`, a non-zero exit is a
   * result (exec's `allowFailure`), not an error.
   */
  runInside?: (command: string, timeoutMs: number) => Promise<{ code: number; stdout: string; stderr: string; timedOut?: boolean }>;
  /** said in the log and the error: `container app`, `deployment/app` */
  name: string;
}

export interface HealthOutcome {
  healthy: boolean;
  attempts: number;
  /** milliseconds actually spent checking */
  waitedMs: number;
  /** what was checked: `GET http://localhost:8080/healthz and \`curl -f …\`` */
  what: string;
  /** the last failing answer, redacted and clipped ('' when healthy) */
  last: string;
}

/** Backoff between attempts: 0.5 s, 1 s, 2 s, 4 s, then every 5 s. */
export const HEALTH_BACKOFF_MS = [500, 1000, 2000, 4000, 5000] as const;
/** One attempt (a GET, a command) takes at most this. */
export const ATTEMPT_TIMEOUT_MS = 10_000;

export const hasHealthCheck = (spec: HealthSpec): boolean => spec.url !== '' || spec.command !== '';

/** The absolute URL of the check, or the reason there is none (a path with a provider that has no url). */
export function healthUrl(spec: HealthSpec, deploymentUrl: string): string {
  if (!spec.url || !spec.url.startsWith('/')) return spec.url;
  if (!deploymentUrl)
    throw new ActionError(`health-url ${spec.url} is a path, but this deployment has no url to join it to`, {
      where: { field: 'input health-url' },
      fix: 'give a whole URL (https://host/path), or use health-command to check from inside the deployment',
    });
  return new URL(spec.url, deploymentUrl.endsWith('/') ? deploymentUrl : `${deploymentUrl}/`).toString();
}

/**
 * Check until healthy, `health-timeout` passes, or `deadline` (the rollout's share of the run) ends.
 * Never throws for an unhealthy target: the caller decides (roll back, fail).
 */
export async function checkHealth(spec: HealthSpec, target: HealthTarget, deadline: Deadline): Promise<HealthOutcome> {
  const url = healthUrl(spec, target.url);
  if (spec.command && !target.runInside)
    throw new ActionError(`health-command cannot run inside ${target.name}: this provider offers no way in`, {
      where: { field: 'input health-command' },
      fix: 'use health-url instead',
    });
  const what = [url ? `GET ${url}` : '', spec.command ? `\`${spec.command}\` in ${target.name}` : ''].filter(Boolean).join(' and ');
  const limit = deadline.within(spec.timeoutMs);
  const started = Date.now();
  let attempts = 0;
  let last = '';
  for (;;) {
    attempts++;
    const failure = (url ? await getOnce(url, limit) : '') || (spec.command ? await commandOnce(spec.command, target, limit) : '');
    const elapsed = ((Date.now() - started) / 1000).toFixed(1);
    if (!failure) {
      info(`health: ${what} passed (attempt ${attempts}, ${elapsed} s)`);
      return { healthy: true, attempts, waitedMs: Date.now() - started, what, last: '' };
    }
    last = clip(oneLine(redact(failure)), 500);
    info(`health: ${what} failed (attempt ${attempts}, ${elapsed} s): ${last}`);
    const pause = HEALTH_BACKOFF_MS[Math.min(attempts - 1, HEALTH_BACKOFF_MS.length - 1)]!;
    if (limit.remaining() <= pause) return { healthy: false, attempts, waitedMs: Date.now() - started, what, last };
    await new Promise((r) => setTimeout(r, pause));
  }
}

/** One GET; '' when it answered 2xx or 3xx (redirects are not followed), else what went wrong. */
async function getOnce(url: string, limit: Deadline): Promise<string> {
  const ms = Math.min(ATTEMPT_TIMEOUT_MS, limit.remaining());
  if (ms <= 0) return 'no time left for another attempt';
  try {
    const res = await fetch(url, { method: 'GET', redirect: 'manual', signal: AbortSignal.timeout(ms) });
    await res.body?.cancel().catch(() => undefined);
    return res.status >= 200 && res.status < 400 ? '' : `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`;
  } catch (e) {
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    return (e as Error).name === 'TimeoutError'
      ? `no answer within ${Math.round(ms / 100) / 10} s`
      : (cause?.code ?? cause?.message ?? (e as Error).message);
  }
}

/** One run of the command inside the deployment; '' when it exited 0, else its exit code and last output line. */
async function commandOnce(command: string, target: HealthTarget, limit: Deadline): Promise<string> {
  if (limit.remaining() <= 0) return 'no time left for another attempt';
  const ms = Math.min(ATTEMPT_TIMEOUT_MS, limit.remaining());
  const r = await target.runInside!(command, ms);
  if (r.timedOut) return `no exit within ${Math.round(ms / 100) / 10} s`;
  if (r.code === 0) return '';
  const out = `${r.stderr}\n${r.stdout}`
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .pop();
  return `exit code ${r.code}${out ? `: ${out}` : ''}`;
}
