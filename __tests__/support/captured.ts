/** Run fn with stdout captured (the runner writes every log line there): its value or error, and the log. */
import { vi } from 'vitest';

export async function captured<T>(fn: () => Promise<T>): Promise<{ value?: T; error?: unknown; out: string }> {
  const chunks: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => {
    chunks.push(typeof c === 'string' ? c : Buffer.from(c).toString('utf8'));
    return true;
  });
  try {
    return { value: await fn(), out: chunks.join('') };
  } catch (error) {
    return { error, out: chunks.join('') };
  } finally {
    spy.mockRestore();
  }
}
