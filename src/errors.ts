/**
 * The one error type of the action. Its message is what the user sees: one line saying what went
 * wrong, where (file:line, input name, host) and how to fix it. Anything else that throws is a bug
 * and is reported as such.
 */
import { clip, MAX_LINE } from './domain.js';
import { oneLine } from './text.js';

export interface ErrorLocation {
  /** a file relative to the working directory, e.g. `sindri.yaml` */
  file?: string;
  line?: number;
  column?: number;
  /** a dotted config path (`deployment.image_config.digest`) or an input name (`input image-digest`) */
  field?: string;
}

export class ActionError extends Error {
  override readonly name = 'ActionError';
  readonly fix: string | undefined;
  readonly where: ErrorLocation;
  /** provider results known at the failure (`rolledBack`), merged into the `result` output */
  readonly extra: Record<string, string> | undefined;

  constructor(what: string, opts: { fix?: string; where?: ErrorLocation; cause?: unknown; extra?: Record<string, string> } = {}) {
    super(what, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.fix = opts.fix;
    this.where = opts.where ?? {};
    this.extra = opts.extra;
  }

  /** `sindri.yaml:12:5: deployment.provider: unknown provider "dockr". Fix: use one of …` */
  toLine(): string {
    const { file, line, column, field } = this.where;
    const at = file ? [file, line, line !== undefined ? column : undefined].filter((p) => p !== undefined).join(':') : '';
    const prefix = [at, field].filter(Boolean).join(': ');
    const fix = this.fix ? ` Fix: ${clip(this.fix, MAX_LINE / 4)}` : '';
    // echoed values (a name, a reference, a path) are the user's and may be any length: the line is bounded
    const what = clip(this.message, MAX_LINE / 2);
    return oneLine(`${prefix ? `${clip(prefix, MAX_LINE / 4)}: ` : ''}${what}${/[.!?]$/.test(what) ? '' : '.'}${fix}`);
  }
}

export function isActionError(e: unknown): e is ActionError {
  return e instanceof ActionError;
}

/** A single line for any error: ActionError as written, anything else as an internal error. */
export function errorLine(e: unknown): string {
  if (isActionError(e)) return e.toLine();
  const msg = e instanceof Error ? e.message : String(e);
  return `internal error: ${oneLine(clip(msg.split('\n')[0] ?? '', MAX_LINE / 2))}. Fix: rerun with ACTIONS_STEP_DEBUG=true for details and report it at https://github.com/sindri/deploy-action/issues`;
}
