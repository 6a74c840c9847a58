/** The job summary within GitHub's limit (the bounds themselves are facts in src/domain.ts). */
import { SUMMARY_LIMIT_BYTES } from '../domain.js';

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
