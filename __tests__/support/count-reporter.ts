/** Prints the plain `N passed, N failed` line CI reads (vitest's own summary is not read). */
import type { Reporter, TestCase, TestModule } from 'vitest/node';

/** A test skipped because its suite's beforeAll threw (a service was down) is a failure, not a skip. */
function underFailedSuite(t: TestCase): boolean {
  for (let p: TestCase['parent'] | undefined = t.parent; p; p = p.type === 'suite' ? p.parent : undefined) {
    if (p.state() === 'failed') return true;
    if (p.type === 'module') break;
  }
  return false;
}

export default class CountReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const m of modules) {
      let tests = 0;
      for (const t of m.children.allTests()) {
        tests++;
        const s = t.result().state;
        if (s === 'passed') passed++;
        else if (s === 'failed' || underFailedSuite(t)) failed++;
        else skipped++;
      }
      if (m.state() === 'failed' && tests === 0) failed++; // a file that failed to load
    }
    process.stdout.write(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
  }
}
