/**
 * The run's clock as a value (docs/behaviour.md#errors: every wait fits inside `timeout`). One
 * `Deadline` is made from the input `timeout` when the run starts and handed down: to exec, to the
 * registry client, to every provider. Nothing reads a module clock, so no second clock can drift from
 * it and a test simply builds the deadline it wants.
 */
import { ActionError } from './errors.js';

const exceededErrors = new WeakSet<object>();

export class Deadline {
  /** epoch milliseconds at which the run's time is up */
  readonly endsAt: number;

  /**
   * @param totalMs the whole budget (input `timeout`), used in messages
   * @param now the clock (tests pass their own)
   * @param endsAt when this deadline ends: by default `totalMs` from now; `before()` makes earlier ones
   */
  constructor(
    readonly totalMs: number,
    private readonly now: () => number = Date.now,
    endsAt?: number,
  ) {
    this.endsAt = endsAt ?? now() + totalMs;
  }

  /** Milliseconds left, 0 when the time is up. */
  remaining(): number {
    return Math.max(0, this.endsAt - this.now());
  }

  /** Milliseconds since the run started. */
  elapsed(): number {
    return this.totalMs - (this.endsAt - this.now());
  }

  /**
   * What a step may take: min(wanted, what is left). Throws the timeout error, naming `what`, when
   * nothing is left. With no `wantedMs`, all that is left.
   */
  budget(what: string, wantedMs: number = Infinity): number {
    const left = this.remaining();
    if (left <= 0) throw this.exceeded(what);
    return Math.min(wantedMs, left);
  }

  /**
   * A call's own time inside this deadline: `wantedMs` when that ends first, else all that is left
   * (`capped`: the deadline, not the call's limit, stops it). None wanted means all that is left.
   */
  cap(wantedMs: number | undefined, what: string): { timeoutMs: number; capped: boolean } {
    const capped = wantedMs === undefined || wantedMs >= this.remaining();
    return { timeoutMs: capped ? this.budget(what) : wantedMs, capped };
  }

  /** The timeout error for a call the deadline stopped after `ms` (`shown`: the call as the log shows it). */
  stopped(shown: string, ms: number): ActionError {
    return this.exceeded(`\`${shown}\` finished (stopped after ${Math.round(ms / 100) / 10} s)`);
  }

  /**
   * A deadline that ends `reserveMs` before this one (never before now): the time after it is kept
   * for what must still run when a step fails, such as a rollback and its check (ADR 0019).
   */
  before(reserveMs: number): Deadline {
    return new Deadline(this.totalMs, this.now, Math.max(this.now(), this.endsAt - Math.max(0, reserveMs)));
  }

  /** A deadline that ends `ms` from now, or with this one if that is sooner (a step's own limit inside the run's). */
  within(ms: number): Deadline {
    return new Deadline(this.totalMs, this.now, Math.min(this.endsAt, this.now() + Math.max(0, ms)));
  }

  /**
   * A deadline that ends no sooner than `ms` from now: a wait that starts with none of its share left
   * still looks once, as kubectl's `--timeout` is at least 1 s (the caller keeps the run's own time).
   */
  atLeast(ms: number): Deadline {
    return new Deadline(this.totalMs, this.now, Math.max(this.endsAt, this.now() + ms));
  }

  /** The one error for a run out of time: names the input and what could not finish. */
  exceeded(what: string): ActionError {
    const e = new ActionError(`the run's timeout of ${Math.round(this.totalMs / 1000)} s ran out before ${what}`, {
      where: { field: 'input timeout' },
      fix: 'raise the input timeout (e.g. timeout: 20m), or find out from the log above what was slow',
    });
    exceededErrors.add(e);
    return e;
  }
}

/** True for the error `Deadline.exceeded` made: a caller that tolerates a failing command must not swallow it. */
export function isDeadlineExceeded(e: unknown): boolean {
  return typeof e === 'object' && e !== null && exceededErrors.has(e);
}
