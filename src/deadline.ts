/**
 * The run's one deadline (input `timeout`, SPEC §2): every network wait and every command takes
 * what is left of it, retries and backoff included, so a run never outlives `timeout`.
 */
import { ActionError } from './errors.js';

let deadlineAt: number | undefined;
let budgetMs = 0;

/** Start the clock; called once, right after the inputs are read. */
export function startDeadline(timeoutMs: number, now = Date.now()): void {
  budgetMs = timeoutMs;
  deadlineAt = now + timeoutMs;
}

/** Milliseconds left (at least 1 while time remains); Infinity before startDeadline (unit tests). */
export function remainingMs(now = Date.now()): number {
  return deadlineAt === undefined ? Infinity : Math.max(0, deadlineAt - now);
}

/** min(wanted, what is left); throws the timeout error when nothing is left. */
export function budget(wantedMs: number, what: string): number {
  const left = remainingMs();
  if (left <= 0) throw deadlineExceeded(what);
  return Math.min(wantedMs, left);
}

const exceeded = new WeakSet<object>();

/** True for the error deadlineExceeded made: a caller that tolerates a failing command must not swallow it. */
export function isDeadlineExceeded(e: unknown): boolean {
  return typeof e === 'object' && e !== null && exceeded.has(e);
}

export function deadlineExceeded(what: string): ActionError {
  const e = new ActionError(`the run's timeout of ${Math.round(budgetMs / 1000)} s ran out before ${what}`, {
    where: { field: 'input timeout' },
    fix: 'raise the input timeout (e.g. timeout: 20m), or find out from the log above what was slow',
  });
  exceeded.add(e);
  return e;
}

/** For tests. */
export function resetDeadline(): void {
  deadlineAt = undefined;
  budgetMs = 0;
}
