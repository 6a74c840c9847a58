/** What a failed command said, for one error line: its last meaningful line, redacted and bounded. */
import { redact } from '../../runner.js';

const ANSI = /\x1b\[[0-9;]*[A-Za-z]/g;

/**
 * The last line of `text` that is not progress chatter (`skip`), redacted, colour codes removed, at
 * most 300 characters; '' when the command printed nothing.
 */
export function lastLine(text: string, skip?: RegExp): string {
  const lines = redact(text)
    .split('\n')
    .map((x) => x.replace(ANSI, '').trim())
    .filter(Boolean);
  const meaningful = skip ? lines.filter((x) => !skip.test(x)) : lines;
  return (meaningful.pop() ?? lines.pop() ?? '').slice(0, 300);
}
