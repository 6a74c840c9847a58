/**
 * The `N passed, N failed (D distinct; R reruns …)` line CI reads must agree with vitest's exit code,
 * and neither may hide a test that did not run: each fixture in __tests__/fixtures/count-reporter/
 * runs in a child vitest with __tests__/support/count-reporter.ts as its reporter, under CI or not,
 * and the printed line and the exit code are checked (ADR 0024).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { behaviourKey, countLine, countRun, underCi } from '../support/count-reporter.js';
import { ROOT } from '../support/action.js';

const FIXTURES = join(ROOT, '__tests__', 'fixtures', 'count-reporter');
const VITEST = join(ROOT, 'node_modules', 'vitest', 'vitest.mjs');
const COUNT = /^\d+ passed, \d+ failed/;

function runFixture(file: string, o: { ci?: boolean; args?: string[] } = {}): { code: number | null; line: string; out: string } {
  const env: NodeJS.ProcessEnv = { ...process.env, COUNT_FIXTURE: file };
  if (o.ci === false) delete env.CI;
  else env.CI = 'true';
  const r = spawnSync(process.execPath, [VITEST, 'run', '--root', FIXTURES, ...(o.args ?? [])], { env, encoding: 'utf8', timeout: 60_000 });
  const out = `${r.stdout}\n${r.stderr}`;
  const lines = r.stdout.split('\n').filter((l) => COUNT.test(l));
  return { code: r.status, line: lines.at(-1) ?? '', out };
}

/** The closing line for these counts, with `distinct` tests and no rerun. */
const line = (counts: string, distinct: number, reruns = 0) =>
  `${counts} (${distinct} distinct; ${reruns} reruns on Node 20 or per example)`;

describe('count reporter: failures outside tests are failures', () => {
  it.each([
    ['after-all.fixture.ts', line('2 passed, 1 failed', 2), 1],
    ['module-after-all.fixture.ts', line('1 passed, 1 failed', 1), 1],
    ['before-all.fixture.ts', line('0 passed, 1 failed', 0), 1],
    ['unhandled.fixture.ts', line('1 passed, 1 failed', 1), 1],
    ['load-error.fixture.ts', line('0 passed, 1 failed', 0), 1],
    ['clean.fixture.ts', line('1 passed, 0 failed', 1), 0],
  ])('%s → "%s", vitest exit %i', (file, expected, code) => {
    const r = runFixture(file);
    expect(r.code, r.out).toBe(code);
    expect(r.line, r.out).toBe(expected);
  });

  it('all fixtures in one run: every failure counted once', () => {
    const r = runFixture('*.fixture.ts');
    expect(r.code, r.out).toBe(1);
    // passed: after-all 2, module-after-all 1, unhandled 1, clean 1, skipped 1, interrupted 2 (no --bail here), reruns 8;
    // failed: one per failing fixture (after-all, module-after-all, before-all, unhandled, load-error), 3 not run under CI, 1 in interrupted;
    // distinct: the 17 tests that ran, less the 3 reruns
    expect(r.line, r.out).toBe(line('16 passed, 9 failed', 14, 3));
  });
});

describe('count reporter: a test that did not run cannot pass quietly', () => {
  it('under CI a skipped, todo or self-skipped test is a failure, each named, and the run exits 1', () => {
    const r = runFixture('skipped.fixture.ts');
    expect(r.line, r.out).toBe(line('1 passed, 3 failed', 1));
    expect(r.code, r.out).toBe(1);
    expect(r.out).toContain('FAIL (CI: a skipped test is a failure): skipped.fixture.ts > not everything is run > is skipped');
    expect(r.out).toContain('FAIL (CI: a todo test is a failure): skipped.fixture.ts > not everything is run > is still to do');
    expect(r.out).toContain(
      'FAIL (CI: a skipped test is a failure): skipped.fixture.ts > not everything is run > skips itself (no service)',
    );
  });

  it('outside CI the same tests are skips, shown in the line, and the run passes', () => {
    const r = runFixture('skipped.fixture.ts', { ci: false });
    expect(r.line, r.out).toBe(line('1 passed, 0 failed, 3 skipped', 1));
    expect(r.code, r.out).toBe(0);
  });

  it('tests left out by a name filter (-t) were not asked for: neither skips nor failures, under CI too', () => {
    const r = runFixture('skipped.fixture.ts', { args: ['-t', 'runs'] });
    expect(r.line, r.out).toBe(line('1 passed, 0 failed', 1));
    expect(r.code, r.out).toBe(0);
  });

  it('an interrupted run (--bail 1) honours its end reason: what never ran is failed, and the line says why', () => {
    const r = runFixture('interrupted.fixture.ts', { args: ['--bail', '1'] });
    expect(r.line, r.out).toBe(line('0 passed, 3 failed', 1));
    expect(r.out).toContain('FAIL: the run was interrupted: 2 test(s) did not run');
    expect(r.code, r.out).toBe(1);
  });

  it('a run vitest ends as failed never prints 0 failed, even when no test shows why', () => {
    const c = countRun([], [], { ci: true, reason: 'failed' });
    expect(countLine(c)).toBe(line('0 passed, 1 failed', 0));
    expect(c.notes).toEqual(['FAIL: vitest ended the run as failed, for a reason no test shows (see its output above)']);
    expect(countLine(countRun([], [], { ci: true, reason: 'passed' }))).toBe(line('0 passed, 0 failed', 0));
  });

  it('CI is on for any value but empty, 0 and false', () => {
    expect([{ CI: 'true' }, { CI: '1' }, { CI: 'yes' }, {}, { CI: '' }, { CI: 'false' }, { CI: '0' }].map((env) => underCi(env))).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe('count reporter: distinct behaviours apart from reruns', () => {
  it('Node 20/24 and per-example repeats of one behaviour are reruns; a behaviour tried on one Node only is distinct', () => {
    const r = runFixture('reruns.fixture.ts');
    // 8 tests: plan ×2, example ×2, bad input ×2 → 3 distinct + 3 reruns; "(Node 24) verifies" and "redeploy on Node 20" are 2 more
    expect(r.line, r.out).toBe(line('8 passed, 0 failed', 5, 3));
    expect(r.code, r.out).toBe(0);
  });

  it('the rule: the same file and name once the Node version and the upstream example file are taken out', () => {
    const same = (a: string, b: string, file = 'x.test.ts') => behaviourKey(file, a) === behaviourKey(file, b);
    expect(same('runAction on Node 20 > returns the exit code', 'runAction on Node 24 > returns the exit code')).toBe(true);
    expect(same('bad inputs > Node 24: two documents', 'bad inputs > Node 20: two documents')).toBe(true);
    expect(same('(Node 24) the container runs the digest', '(Node 20) the container runs the digest')).toBe(true);
    expect(same('examples__fly-basic.yaml: plans', 'examples-integration__fly__minimal.sindri.yaml: plans')).toBe(true);
    // different behaviours stay apart: another case, another file, a fixture that is not an upstream example
    expect(same('hard errors > broken-yaml.yaml', 'hard errors > duplicate-key.yaml')).toBe(false);
    expect(same('redeploy on Node 20: skipped', 'deploy on Node 24: runs')).toBe(false);
    expect(behaviourKey('a.test.ts', 'plan on Node 20 > prints')).not.toBe(behaviourKey('b.test.ts', 'plan on Node 24 > prints'));
  });
});
