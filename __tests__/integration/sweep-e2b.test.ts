/**
 * Issue 24 on E2B through the action (`node dist/index.js`), CONTRACT: the REAL @e2b/cli against the
 * E2B API stand-in (strict to E2B's OpenAPI), the GitHub API stand-in, a real image in the real
 * registry. Previews deployed with name-suffix pr-<n> carry the run's trace and their preview marks
 * in the sandbox's metadata (`sindri_config`, `sindri_name_suffix`, `sindri_repository`; read back
 * from the stand-in); `mode: sweep` lists them by `sindri_config` and removes the sandbox and the
 * template of the closed and the missing pull requests' previews, and keeps the open one, the live
 * one, another repository's, one whose `sindri_name` is not the action's and another config's.
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runAction, type ActionRun, type NodeMajor } from '../support/action.js';
import { cleanup, imagesOf, pushTestBase, REGISTRY, removeLabelledImages, requireServices, uniqueName } from '../support/docker.js';
import { E2bApiMock, type MockSandbox } from '../support/e2b-api.js';
import { GitHubApiStandIn } from '../support/github-api.js';
import { makeWorkdir } from '../support/workdir.js';

const KEY = `e2b_${randomBytes(20).toString('hex')}`;
const TOKEN = 'ghs_e2bSweepToken0123456789';
const SHA = 'b94a8fe5ccb19ba61c4c0873d391e987982fbbd3';
const ns = uniqueName('e2bsweep');
const name = `${ns}-app`;
const e2b = new E2bApiMock(KEY);
const github = new GitHubApiStandIn({ token: TOKEN, repository: 'octo/app' });
const dirs: string[] = [];
let dir: string;
let image: string;

const config = () =>
  `version: "3.0"\nname: ${name}\ndeployment:\n  provider: e2b\n  image: ${image}\nextensions:\n  profile: minimal\n` +
  `providers:\n  e2b:\n    timeout: 600\n    autoPause: false\n`;

function act(inputs: Record<string, string>, node: NodeMajor = '24', env: Record<string, string> = {}): Promise<ActionRun> {
  return runAction({
    inputs: { 'github-token': TOKEN, timeout: '2m', verify: 'false', ...inputs },
    cwd: dir,
    node,
    timeoutMs: 180_000,
    env: {
      PATH: `${join(ROOT, 'node_modules', '.bin')}${delimiter}${process.env.PATH ?? ''}`,
      E2B_API_URL: e2b.url,
      E2B_API_KEY: KEY,
      GITHUB_API_URL: github.url,
      GITHUB_SERVER_URL: 'https://github.example',
      GITHUB_REPOSITORY: 'octo/app',
      GITHUB_SHA: SHA,
      GITHUB_REF: 'refs/heads/main',
      GITHUB_ACTOR: 'octocat',
      GITHUB_RUN_ID: '4242',
      ...env,
    },
  });
}

/** A sandbox someone else started (another repository, a hand-made one, another config): put straight into the stand-in. */
function seed(id: string, metadata: Record<string, string>): void {
  const s: MockSandbox = {
    sandboxID: id,
    templateID: 'foreigntemplate',
    buildID: 'b',
    envdAccessToken: 'x',
    metadata,
    envVars: {},
    timeout: 600,
    autoPause: false,
    state: 'running',
    startedAt: new Date().toISOString(),
  };
  e2b.sandboxes.set(id, s);
}

const sandboxesNamed = (n: string) => [...e2b.sandboxes.values()].filter((s) => s.metadata.sindri_name === n);

beforeAll(async () => {
  await requireServices();
  await Promise.all([e2b.start(), github.start()]);
  const base = await pushTestBase(`${ns}/base`, ns);
  image = `${base.repo}@${base.digest}`;
  dir = makeWorkdir('e2b-sweep-', dirs, config());
}, 180_000);

afterAll(async () => {
  await Promise.all([e2b.stop(), github.stop()]);
  await cleanup({ images: await imagesOf(`${REGISTRY}/${ns}/base`) });
  await removeLabelledImages(ns);
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
}, 120_000);

describe('contract: mode sweep on E2B (real e2b CLI, E2B API stand-in, GitHub API stand-in)', () => {
  it('previews carry the trace and preview marks; sweep removes closed and missing ones (sandbox and template), keeps the rest', async () => {
    for (const suffix of ['', 'pr-31', 'pr-32', 'pr-33']) {
      const r = await act({ 'name-suffix': suffix });
      expect(r.code, r.stdout + r.stderr).toBe(0);
    }
    const [preview] = sandboxesNamed(`${name}-pr-31`);
    expect(preview?.metadata).toMatchObject({
      sindri_name: `${name}-pr-31`,
      sindri_config: name,
      sindri_name_suffix: 'pr-31',
      sindri_repository: 'octo/app',
      sindri_run_url: 'https://github.example/octo/app/actions/runs/4242',
      sindri_commit: SHA,
      sindri_ref: 'refs/heads/main',
      sindri_actor: 'octocat',
    });
    const [live] = sandboxesNamed(name);
    expect(live?.metadata.sindri_config).toBe(name);
    expect(live?.metadata.sindri_name_suffix).toBeUndefined();

    seed('iforeignrepo', {
      sindri_config: name,
      sindri_name_suffix: 'pr-34',
      sindri_repository: 'octo/other',
      sindri_name: `${name}-pr-34`,
    });
    seed('ihandmade', { sindri_config: name, sindri_name_suffix: 'pr-35', sindri_repository: 'octo/app', sindri_name: 'something-else' });
    seed('iotherconfig', {
      sindri_config: `${ns}-other`,
      sindri_name_suffix: 'pr-36',
      sindri_repository: 'octo/app',
      sindri_name: `${ns}-other-pr-36`,
    });
    for (const n of [31, 34, 35, 36]) github.addPull(n, 'closed');
    github.addPull(32, 'open'); // 33 does not exist
    const templatesBefore = [...e2b.templates.values()].map((t) => t.alias).sort();
    expect(templatesBefore).toEqual([name, `${name}-pr-31`, `${name}-pr-32`, `${name}-pr-33`]);
    const from = e2b.requests.length;

    const r = await act({ mode: 'sweep' }, '20');
    expect(r.code, r.stdout + r.stderr).toBe(0);
    // one list by the config's mark, then each removal as destroy makes it
    const listed = e2b.requests.slice(from).filter((q) => q.path === '/v2/sandboxes');
    expect(new URLSearchParams(listed[0]!.query.get('metadata')!).get('sindri_config')).toBe(name);
    expect(r.stdout).toContain('3 preview(s)');
    expect(r.stdout).toContain(`would remove ${name}-pr-31: pull request #31 is closed`);
    expect(r.stdout).toContain(`keep         ${name}-pr-32: pull request #32 is open: kept`);
    expect(r.stdout).toContain(`would remove ${name}-pr-33: pull request #33 does not exist in this repository`);
    const swept = JSON.parse(r.outputs.swept ?? '') as { 'deployed-name': string; removed: string[] }[];
    expect(swept.map((s) => s['deployed-name'])).toEqual([`${name}-pr-31`, `${name}-pr-33`]);
    // destroy with the suffix, as mode: destroy would: the sandbox, the template (it carries our sindri-* tag), and the
    // generated file the last deploy left in this folder (once: it is gone for the second)
    expect(swept.map((s) => s.removed)).toEqual([
      [
        expect.stringMatching(/^sandbox i[0-9a-f]+$/),
        expect.stringMatching(new RegExp(`^template ${name}-pr-31 \\(`)),
        'file .e2b/e2b.Dockerfile',
      ],
      [expect.stringMatching(/^sandbox i[0-9a-f]+$/), expect.stringMatching(new RegExp(`^template ${name}-pr-33 \\(`))],
    ]);

    expect(sandboxesNamed(`${name}-pr-31`)).toEqual([]);
    expect(sandboxesNamed(`${name}-pr-33`)).toEqual([]);
    expect([...e2b.templates.values()].map((t) => t.alias).sort()).toEqual([name, `${name}-pr-32`]);
    for (const kept of [name, `${name}-pr-32`]) expect(sandboxesNamed(kept)).toHaveLength(1);
    for (const id of ['iforeignrepo', 'ihandmade', 'iotherconfig']) expect(e2b.sandboxes.has(id)).toBe(true);
    expect(github.requests.filter((q) => q.method === 'DELETE').map((q) => q.path)).toEqual([
      '/repos/octo/app/environments/e2b-pr-31',
      '/repos/octo/app/environments/e2b-pr-33',
    ]);
  }, 600_000);

  it('without E2B_API_KEY: one line, nothing listed or removed', async () => {
    const from = e2b.requests.length;
    const r = await act({ mode: 'sweep' }, '24', { E2B_API_KEY: '' });
    expect(r.code).toBe(1);
    const errors = `${r.stdout}\n${r.stderr}`.split('\n').filter((l) => l.startsWith('::error'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('E2B_API_KEY is not set: sweep for provider e2b needs it');
    expect(e2b.requests.length).toBe(from);
  }, 120_000);
});
