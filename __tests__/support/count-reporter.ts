/**
 * Prints the plain `N passed, N failed (D distinct; R reruns on Node 20 or per example)` line CI reads
 * (vitest's own summary is not read; `.ci/run` greps `^[0-9]+ passed, [0-9]+ failed`). Everything that
 * makes vitest exit 1 is a failure here too: failed tests, tests whose suite's beforeAll threw, a file
 * that failed to load, a beforeAll/afterAll that threw after its tests passed (errors on the suite or
 * module), and unhandled errors or rejections of the run. Beyond vitest (ADR 0024):
 * - under `CI`, a test that did not run — `it.skip`, `it.todo`, `ctx.skip()`, pending — is a failure,
 *   named on its own line, and the run exits 1: a suite cannot pass by not running something;
 * - the run's end reason is honoured: an interrupted run (`--bail`, a signal) fails, counting what it
 *   never ran; a run vitest calls failed never prints `0 failed`.
 * Tests left out by a name filter (`-t`) were not asked for and are not counted. Checked by
 * __tests__/unit/count-reporter.test.ts on the fixtures in __tests__/fixtures/count-reporter/.
 */
import type { Reporter, SerializedError, TestCase, TestModule, TestRunEndReason, TestSuite, Vitest } from 'vitest/node';

export interface Counts {
  passed: number;
  failed: number;
  /** not run, outside CI (under CI these are failures) */
  skipped: number;
  /** tests run (passed or failed) that are not reruns of another */
  distinct: number;
  /** tests run that repeat another's behaviour on Node 20 or for another upstream example */
  reruns: number;
  /** a line per failure this reporter adds to vitest's own: a skip under CI, an interrupted run */
  notes: string[];
}

export interface CountOptions {
  /** skipped, todo and pending tests are failures */
  ci: boolean;
  /** vitest's end reason; default `passed` */
  reason?: TestRunEndReason;
  /** the `-t` pattern: a test outside it was filtered out, not skipped */
  filter?: RegExp | undefined;
}

/** `CI` set to anything but empty, `0` or `false`. */
export function underCi(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.CI) && !/^(0|false)$/i.test(env.CI!.trim());
}

/**
 * The rule that tells a rerun: the same file and the same name once the Node version (`on Node 20`,
 * `(Node 24)`, `Node 20:`) and the upstream example file (`examples__fly-basic.yaml`,
 * `examples-integration__docker__basic.sindri.yaml`) are taken out of it.
 */
export function behaviourKey(file: string, fullName: string): string {
  const name = fullName
    .replace(/\s*(?:\bon Node \d+\b|\(Node \d+\)|\bNode \d+:)\s*/g, ' ')
    .replace(/\bexamples(?:-integration)?__[\w.-]+?\.ya?ml\b/g, '<example>')
    .replace(/\s+/g, ' ')
    .trim();
  return `${file}\u0000${name}`;
}

/** A suite or module on the way up whose own hook or collection threw: its tests that did not run are failures. */
function underBrokenParent(t: TestCase): boolean {
  for (let p: TestCase['parent'] | undefined = t.parent; p; p = p.type === 'suite' ? p.parent : undefined) {
    if (p.errors().length > 0) return true;
    if (p.type === 'module') break;
  }
  return false;
}

/** One failure per suite or module whose own errors (hooks, collection) no failed test of it already counts. */
function errorsOutsideTests(holder: TestModule | TestSuite, failedTests: ReadonlySet<TestCase>): number {
  if (holder.errors().length === 0) return 0;
  for (const t of holder.children.allTests()) if (failedTests.has(t)) return 0;
  return 1;
}

/** vitest's `-t` test: the full name with spaces (or with ` > `) against the pattern. */
function filteredOut(t: TestCase, filter: RegExp | undefined): boolean {
  if (!filter) return false;
  const spaced = t.fullName.split(' > ').join(' ');
  return !(filter.test(spaced) || filter.test(t.fullName));
}

const label = (t: TestCase): string => `${t.module.relativeModuleId} > ${t.fullName}`;

export function countRun(modules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>, opts: CountOptions): Counts {
  const c: Counts = { passed: 0, failed: 0, skipped: 0, distinct: 0, reruns: 0, notes: [] };
  const reason = opts.reason ?? 'passed';
  const failedTests = new Set<TestCase>();
  const behaviours = new Set<string>();
  let notRun = 0;
  let filesNotRun = 0;
  for (const m of modules) {
    let tests = 0;
    for (const t of m.children.allTests()) {
      tests++;
      const { state } = t.result();
      if (state === 'passed' || state === 'failed') {
        const key = behaviourKey(m.relativeModuleId, t.fullName);
        if (behaviours.has(key)) c.reruns++;
        else behaviours.add(key);
      }
      if (state === 'passed') c.passed++;
      else if (state === 'failed' || underBrokenParent(t)) {
        c.failed++;
        failedTests.add(t);
      } else if (filteredOut(t, opts.filter)) continue;
      else if (reason === 'interrupted' && state === 'pending') {
        c.failed++;
        notRun++;
      } else if (opts.ci) {
        c.failed++;
        const what = t.options.mode === 'todo' ? 'todo' : state === 'pending' ? 'pending' : 'skipped';
        const note = t.result().state === 'skipped' ? (t.result() as { note?: string }).note : undefined;
        c.notes.push(`FAIL (CI: a ${what} test is a failure): ${label(t)}${note ? ` (${note})` : ''}`);
      } else c.skipped++;
    }
    const fromErrors =
      errorsOutsideTests(m, failedTests) + [...m.children.allSuites()].reduce((n, s) => n + errorsOutsideTests(s, failedTests), 0);
    // a file that failed to load (no tests, maybe no error object either) still counts once
    c.failed += fromErrors || (m.state() === 'failed' && tests === 0 ? 1 : 0);
    if (reason === 'interrupted' && tests === 0 && m.state() !== 'failed') filesNotRun++;
  }
  c.failed += unhandledErrors.length;
  c.distinct = behaviours.size;
  if (reason === 'interrupted') {
    const what = [notRun ? `${notRun} test(s)` : '', filesNotRun ? `${filesNotRun} file(s)` : ''].filter(Boolean).join(' and ');
    c.notes.push(`FAIL: the run was interrupted${what ? `: ${what} did not run` : ''}`);
    c.failed = Math.max(c.failed, 1);
  } else if (reason === 'failed' && c.failed === 0) {
    c.notes.push('FAIL: vitest ended the run as failed, for a reason no test shows (see its output above)');
    c.failed = 1;
  }
  return c;
}

/** The closing line; `.ci/run` reads its start. */
export function countLine(c: Counts): string {
  const skipped = c.skipped ? `, ${c.skipped} skipped` : '';
  return `${c.passed} passed, ${c.failed} failed${skipped} (${c.distinct} distinct; ${c.reruns} reruns on Node 20 or per example)`;
}

export default class CountReporter implements Reporter {
  private vitest: Vitest | undefined;

  onInit(vitest: Vitest): void {
    this.vitest = vitest;
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>, reason: TestRunEndReason): void {
    const filter = this.vitest?.config.testNamePattern; // read at the end: the CLI's -t is set after onInit
    const counts = countRun(modules, unhandledErrors, { ci: underCi(), reason, filter });
    // vitest sets exit code 1 itself for its own failures; a skip under CI or an interruption is ours to fail
    if (counts.failed > 0) process.exitCode = 1;
    process.stdout.write(`\n${counts.notes.map((n) => `${n}\n`).join('')}${countLine(counts)}\n`);
  }
}
