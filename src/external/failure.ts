/**
 * The one error for a CLI call that failed, for wrappers that read the tool's own message out of its
 * output (devpod, kind, k3d colour their log lines even off a terminal): the command as run (quoted
 * and redacted as the log shows it), how it ended, and that message.
 */
import { ActionError } from '../errors.js';
import { redact } from '../runner.js';
import { quoteArgv } from '../text.js';
import type { ExecResult } from './exec.js';

const ANSI = /\x1b\[[0-9;]*[A-Za-z]/g;

/** The lines of a tool's output, colour codes removed, trimmed, redacted, blank lines dropped. */
export function plainLines(...texts: string[]): string[] {
  return redact(texts.join('\n'))
    .replace(ANSI, '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

/** `` `argv` failed with exit code N: message `` (or that it was stopped after `timeoutMs`). */
export function commandFailed(
  argv: readonly string[],
  r: ExecResult,
  message: string,
  opts: { timeoutMs?: number; fix: string },
): ActionError {
  const shown = `\`${redact(quoteArgv(argv))}\``;
  if (r.timedOut)
    return new ActionError(`${shown} did not finish within ${Math.round((opts.timeoutMs ?? 0) / 1000)} s and was stopped`, {
      fix: opts.fix,
    });
  return new ActionError(`${shown} failed with exit code ${r.code}${message ? `: ${message.slice(0, 400)}` : ''}`, { fix: opts.fix });
}
