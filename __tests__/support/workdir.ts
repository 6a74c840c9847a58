/** Temporary working directories for action-level tests: a sindri.yaml and any other files. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A new temp dir holding `sindri.yaml` and `files` (paths relative to it); pushed to `dirs` so afterAll can remove it. */
export function makeWorkdir(prefix: string, dirs: string[], yaml: string, files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  writeFileSync(join(dir, 'sindri.yaml'), yaml);
  for (const [p, c] of Object.entries(files)) {
    mkdirSync(join(dir, p, '..'), { recursive: true });
    writeFileSync(join(dir, p), c);
  }
  return dir;
}
