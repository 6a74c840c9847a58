/**
 * The bad-input contract of README "Errors" (issue 14), checked on one run of the action: exit 1,
 * exactly one `::error` line, no stack trace, never "internal error" for what the user wrote, the
 * place (file:line or input name), a `Fix:`, a bounded length.
 */
import type { ActionRun } from './action.js';

/** The longest error message accepted (src/report/limits.ts MAX_LINE plus the place and punctuation). */
export const MAX_ERROR_LINE = 2200;

/** `::error file=…::message` → the message, un-escaped as the runner shows it. */
export function errorMessages(stdout: string): string[] {
  return stdout
    .split(/\r?\n/)
    .filter((l) => l.startsWith('::error'))
    .map((l) =>
      l
        .slice(l.indexOf('::', 2) + 2)
        .replace(/%0A/g, '\n')
        .replace(/%0D/g, '\r')
        .replace(/%25/g, '%'),
    );
}

const STACK = /\n\s+at (?:.+ \()?(?:file:|node:|\/).+:\d+(?::\d+)?\)?/;

/** Violations of the contract (an empty list when it holds); `place` is what the line must name. */
export function contractViolations(r: ActionRun, place?: RegExp): string[] {
  const v: string[] = [];
  const errors = errorMessages(r.stdout);
  if (r.code !== 1) v.push(`exit code ${r.code}, not 1`);
  if (errors.length !== 1) v.push(`${errors.length} ::error lines, not 1`);
  if (STACK.test(r.stdout) || STACK.test(r.stderr)) v.push('a stack trace was printed');
  if (r.stderr.trim()) v.push(`stderr is not empty: ${r.stderr.slice(0, 200)}`);
  const line = errors[0] ?? '';
  if (/internal error/i.test(line)) v.push('reported as an internal error');
  if (!/ Fix: \S/.test(line)) v.push('no "Fix:"');
  if (line.length > MAX_ERROR_LINE) v.push(`the line is ${line.length} characters long`);
  if (line.includes('\n')) v.push('the message spans several lines');
  if (place && !place.test(line)) v.push(`the line does not name ${place}`);
  return v;
}

/** file:line, an input name, or an environment variable (`env FLY_API_TOKEN`): every error line says where. */
export const ANY_PLACE = /^(?:[^\s:]+(?::\d+){0,2}: |(?:[^\s:]+: )?input [a-z-]+: |env [A-Z][A-Z0-9_]*: )/;
