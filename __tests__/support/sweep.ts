/**
 * What a `mode: sweep` run shows, read the same way by every provider's sweep test: the `swept` output
 * as rows, and the dry run printed whole before the first removal.
 */
import { expect } from 'vitest';
import type { ActionRun } from './action.js';

interface SweptEntry {
  'deployed-name': string;
  'pull-request': number;
  state: string;
  environment: string;
}

/** The `swept` output as `[deployed-name, pull-request, state, environment]` rows, in its order. */
export function sweptRows(r: ActionRun): [string, number, string, string][] {
  return (JSON.parse(r.outputs.swept ?? '') as SweptEntry[]).map((s) => [s['deployed-name'], s['pull-request'], s.state, s.environment]);
}

/** Every line is in the log, before the first `swept …` line: the whole dry run comes before any removal. */
export function expectDryRunFirst(stdout: string, lines: readonly string[]): void {
  const firstSwept = stdout.indexOf('swept ');
  expect(firstSwept).toBeGreaterThan(-1);
  for (const line of lines) {
    expect(stdout).toContain(line);
    expect(stdout.indexOf(line)).toBeLessThan(firstSwept);
  }
}

/** The runner's GITHUB_* variables of a run of `octo/app` by `octocat` on main, against the GitHub API stand-in at `apiUrl`. */
export function githubRunEnv(apiUrl: string, run: { sha: string; runId: string }): Record<string, string> {
  return {
    GITHUB_API_URL: apiUrl,
    GITHUB_SERVER_URL: 'https://github.example',
    GITHUB_REPOSITORY: 'octo/app',
    GITHUB_SHA: run.sha,
    GITHUB_REF: 'refs/heads/main',
    GITHUB_ACTOR: 'octocat',
    GITHUB_RUN_ID: run.runId,
  };
}
