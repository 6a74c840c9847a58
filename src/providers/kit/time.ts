/** How the run's time is shared between a rollout and what runs if it fails (ADR 0019). */

/**
 * The part of the run's `timeout` kept for a rollback and its check: a quarter, at least 5 s (at most
 * half of a very short timeout), at most 2 minutes. A rollout waits on `ctx.deadline.before(this)`.
 */
export function rollbackReserve(totalMs: number): number {
  return Math.round(Math.min(120_000, Math.max(Math.min(5_000, totalMs / 2), totalMs / 4)));
}
