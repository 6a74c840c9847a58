/**
 * Prints the plain `N passed, N failed` line CI reads (vitest's own summary is not read). Everything
 * that makes vitest exit 1 is a failure here too: failed tests, tests whose suite's beforeAll threw,
 * a file that failed to load, a beforeAll/afterAll that threw after its tests passed (errors on the
 * suite or module), and unhandled errors or rejections of the run. Checked by
 * __tests__/unit/count-reporter.test.ts on the fixtures in __tests__/fixtures/count-reporter/.
 */
import type { Reporter, SerializedError, TestCase, TestModule, TestSuite } from 'vitest/node';

/** A test skipped because its suite's beforeAll threw (a service was down) is a failure, not a skip. */
function underFailedSuite(t: TestCase): boolean {
  for (let p: TestCase['parent'] | undefined = t.parent; p; p = p.type === 'suite' ? p.parent : undefined) {
    if (p.state() === 'failed') return true;
    if (p.type === 'module') break;
  }
  return false;
}

export interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

/** One failure per suite or module whose own errors (hooks, collection) no failed test of it already counts. */
function errorsOutsideTests(holder: TestModule | TestSuite, failedTests: ReadonlySet<TestCase>): number {
  if (holder.errors().length === 0) return 0;
  for (const t of holder.children.allTests()) if (failedTests.has(t)) return 0;
  return 1;
}

export function countRun(modules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>): Counts {
  const c: Counts = { passed: 0, failed: 0, skipped: 0 };
  const failedTests = new Set<TestCase>();
  for (const m of modules) {
    let tests = 0;
    for (const t of m.children.allTests()) {
      tests++;
      const s = t.result().state;
      if (s === 'passed') c.passed++;
      else if (s === 'failed' || underFailedSuite(t)) {
        c.failed++;
        failedTests.add(t);
      } else c.skipped++;
    }
    const fromErrors =
      errorsOutsideTests(m, failedTests) + [...m.children.allSuites()].reduce((n, s) => n + errorsOutsideTests(s, failedTests), 0);
    // a file that failed to load (no tests, maybe no error object either) still counts once
    c.failed += fromErrors || (m.state() === 'failed' && tests === 0 ? 1 : 0);
  }
  c.failed += unhandledErrors.length;
  return c;
}

export default class CountReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>): void {
    const { passed, failed, skipped } = countRun(modules, unhandledErrors);
    process.stdout.write(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
  }
}
