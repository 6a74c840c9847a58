/**
 * Tests run their own commands (docker, git, cosign, …) through the product's exec wrapper, on a
 * clock of their own: one generous Deadline per test file. Provider tests hand the same `Exec` to the
 * provider, so `testExec.history` lists what the provider ran.
 */
import { Exec, type ExecOptions, type ExecResult } from '../../src/external/exec.js';
import { Deadline } from '../../src/deadline.js';
import { TempFiles } from '../../src/state.js';

/** A test file's clock: far longer than any test, so only a test's own `timeout` input can run out. */
export const TEST_CLOCK_MS = 6 * 3600_000;

export function newExec(ms: number = TEST_CLOCK_MS): Exec {
  return new Exec(new Deadline(ms));
}

export const testExec = newExec();

export function exec(file: string, args: readonly string[], opts: ExecOptions = {}): Promise<ExecResult> {
  return testExec.run(file, args, opts);
}

/** argv of every command `testExec` started since index `from` of its history */
export function commandsSince(from: number): string[][] {
  return testExec.history.slice(from).map((r) => r.argv);
}

/** What a run hands every provider besides the config: its clock, its exec, its temp-file list. Spread into a test's context. */
export function runParts(ms: number = TEST_CLOCK_MS): { deadline: Deadline; exec: Exec; temps: TempFiles } {
  const e = newExec(ms);
  return { deadline: e.deadline, exec: e, temps: new TempFiles() };
}
