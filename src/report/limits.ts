/**
 * Bounds on what the action echoes back (ADR 0014): an error line quotes user values, and a job
 * summary renders whole files, so a 100k-character name or a 4 MB config would otherwise make a
 * 100 kB error line or a summary GitHub refuses (it accepts at most 1 MiB per step).
 */

/** The longest error line, in characters: long enough for any real reference, path and fix. */
export const MAX_LINE = 2000;
/** GitHub's limit for one step's summary (`$GITHUB_STEP_SUMMARY`), in bytes. */
export const SUMMARY_LIMIT_BYTES = 1024 * 1024;

/** `text` at most `max` characters: its head and tail kept, the middle replaced by a note of how much was cut. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const note = (n: number) => `…[${n} characters cut]…`;
  const room = Math.max(0, max - note(text.length).length);
  const head = Math.ceil(room * 0.75);
  const tail = room - head;
  return text.slice(0, head) + note(text.length - room) + (tail > 0 ? text.slice(text.length - tail) : '');
}

/**
 * Markdown at most `maxBytes` UTF-8 bytes: cut at a line boundary, a code fence left open is closed,
 * and a last line says how much was cut and where the whole of it is (the `result` output, the log).
 */
export function capSummary(markdown: string, maxBytes: number = SUMMARY_LIMIT_BYTES): string {
  const total = Buffer.byteLength(markdown, 'utf8');
  if (total <= maxBytes) return markdown;
  const notice = (cut: number) =>
    `\n\n> [!NOTE]\n> The summary was cut here: ${cut} of ${total} bytes left out to stay within GitHub's ${Math.floor(maxBytes / 1024)} KiB step summary limit. The log of this step has all of it.\n`;
  const budget = maxBytes - Buffer.byteLength(notice(total), 'utf8') - 16; // 16: a closing fence
  // the longest prefix within budget bytes, then back to the last whole line
  let kept = Buffer.from(markdown, 'utf8').subarray(0, Math.max(0, budget)).toString('utf8');
  if (kept.endsWith('\uFFFD')) kept = kept.slice(0, -1); // a character cut in half
  const nl = kept.lastIndexOf('\n');
  if (nl > 0) kept = kept.slice(0, nl);
  const fences = kept.split('\n').filter((l) => /^\s*```/.test(l)).length;
  if (fences % 2 === 1) kept += '\n```';
  if (/<details>/.test(kept) && kept.split('<details>').length > kept.split('</details>').length) kept += '\n</details>';
  return kept + notice(total - Buffer.byteLength(kept, 'utf8'));
}
