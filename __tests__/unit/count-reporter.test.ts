/**
 * The `N passed, N failed` line CI reads must agree with vitest's exit code: each fixture in
 * __tests__/fixtures/count-reporter/ runs in a child vitest with __tests__/support/count-reporter.ts
 * as its reporter, and the printed line is checked.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/action.js';

const FIXTURES = join(ROOT, '__tests__', 'fixtures', 'count-reporter');
const VITEST = join(ROOT, 'node_modules', 'vitest', 'vitest.mjs');

function runFixture(file: string): { code: number | null; line: string; out: string } {
  const r = spawnSync(process.execPath, [VITEST, 'run', '--root', FIXTURES], {
    env: { ...process.env, COUNT_FIXTURE: file, CI: 'true' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  const out = `${r.stdout}\n${r.stderr}`;
  const lines = r.stdout.split('\n').filter((l) => /^\d+ passed, \d+ failed/.test(l));
  return { code: r.status, line: lines.at(-1) ?? '', out };
}

describe('count reporter: failures outside tests are failures', () => {
  it.each([
    ['after-all.fixture.ts', '2 passed, 1 failed', 1],
    ['module-after-all.fixture.ts', '1 passed, 1 failed', 1],
    ['before-all.fixture.ts', '0 passed, 1 failed', 1],
    ['unhandled.fixture.ts', '1 passed, 1 failed', 1],
    ['load-error.fixture.ts', '0 passed, 1 failed', 1],
    ['clean.fixture.ts', '1 passed, 0 failed', 0],
  ])('%s → "%s", vitest exit %i', (file, line, code) => {
    const r = runFixture(file);
    expect(r.code, r.out).toBe(code);
    expect(r.line, r.out).toBe(line);
  });

  it('all fixtures in one run: every failure counted once', () => {
    const r = runFixture('*.fixture.ts');
    expect(r.code, r.out).toBe(1);
    // passed 2 + 1 + 0 + 1 + 0 + 1; failed: one per fixture except the clean one
    expect(r.line, r.out).toBe('5 passed, 5 failed');
  });
});
