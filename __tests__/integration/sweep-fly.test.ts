/**
 * Issue 24 on Fly through the action (`node dist/index.js`), CONTRACT: the flyctl stand-in
 * (__tests__/support/fakes/flyctl.cjs: apps list, machine list, apps destroy with flyctl's flags and
 * JSON shapes), the GitHub API stand-in, a real image in the real registry for the deploys. Previews
 * are deployed by the action with name-suffix pr-<n>; their machines' metadata then carries the
 * preview marks (`sindri_name`, `sindri_name_suffix`, `sindri_repository`, set here in the stand-in's
 * state as the deploy's `machine update --metadata` writes them, ADR 0042). `mode: sweep` destroys
 * the apps of closed and missing pull requests and leaves the open one, the live app, a suffix that
 * names no pull request, an app named like a preview without marks, another repository's preview and
 * another organization's app.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAction, type ActionRun, type NodeMajor } from '../support/action.js';
import { cleanup, imagesOf, pushTestBase, REGISTRY, removeLabelledImages, requireServices, uniqueName } from '../support/docker.js';
import { installFakes, type FakeCall } from '../support/fakes.js';
import { GitHubApiStandIn } from '../support/github-api.js';
import { expectDryRunFirst, githubRunEnv, sweptRows } from '../support/sweep.js';
import { makeWorkdir } from '../support/workdir.js';

interface FlyMachineState {
  id: string;
  config: { metadata: Record<string, string> };
}
interface FlyState {
  orgs: string[];
  apps: Record<string, { org: string; machines: FlyMachineState[] } & Record<string, unknown>>;
}

const ns = uniqueName('flysweep');
const TOKEN = 'ghs_flySweepToken0123456789';
const FLY_TOKEN = `fo1_${Math.random().toString(36).slice(2)}`;
const SHA = 'c3499c2729730a7f807efb8676a92dcb6f8a3f8f';
const api = new GitHubApiStandIn({ token: TOKEN, repository: 'octo/app' });
const f = installFakes(['flyctl']);
const dirs: string[] = [];
let image: { repo: string; digest: string };
const name = `${ns}-web`;

const config = () =>
  `version: "3.0"\nname: ${name}\ndeployment:\n  provider: fly\nextensions:\n  profile: minimal\n` +
  `providers:\n  fly:\n    region: ord\n    organization: acme\n`;

function act(inputs: Record<string, string>, node: NodeMajor = '24'): Promise<ActionRun> {
  return runAction({
    inputs: { 'github-token': TOKEN, timeout: '2m', image: image.repo, 'image-digest': image.digest, ...inputs },
    cwd: makeWorkdir('fly-sweep-', dirs, config()),
    node,
    timeoutMs: 180_000,
    env: {
      ...f.env,
      FLY_API_TOKEN: FLY_TOKEN,
      ...githubRunEnv(api.url, { sha: SHA, runId: '4242' }),
    },
  });
}

/** the stand-in's state, changed by `change` (metadata written as the deploy writes it) */
function editState(change: (s: FlyState) => void): void {
  const s = f.state<FlyState>('flyctl');
  change(s);
  f.setState('flyctl', s);
}

/** `sindri_name`, `sindri_name_suffix` (a preview only) and `sindri_repository` on every machine of `app` */
function mark(app: string, marks: { name?: string; suffix?: string; repository?: string }): void {
  editState((s) => {
    for (const m of s.apps[app]!.machines) {
      if (marks.name !== undefined) m.config.metadata.sindri_name = marks.name;
      if (marks.suffix !== undefined) m.config.metadata.sindri_name_suffix = marks.suffix;
      if (marks.repository !== undefined) m.config.metadata.sindri_repository = marks.repository;
    }
  });
}

const sub = (c: FakeCall) =>
  c.argv
    .filter((a) => !a.startsWith('-'))
    .slice(0, 2)
    .join(' ');

beforeAll(async () => {
  await requireServices();
  await api.start();
  f.setState('flyctl', { orgs: ['acme', 'other'] });
  const pushed = await pushTestBase(`${ns}/app`, ns);
  image = { repo: pushed.repo, digest: pushed.digest };
}, 180_000);

afterAll(async () => {
  await api.stop();
  await cleanup({ images: await imagesOf(`${REGISTRY}/${ns}/app`) });
  await removeLabelledImages(ns);
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  f.remove();
}, 120_000);

describe('contract: mode sweep on Fly (flyctl stand-in, GitHub API stand-in)', () => {
  it('lists the previews by the marks on their machines, destroys those of closed and missing pull requests, leaves the rest', async () => {
    // one deploy at a time: the stand-in keeps its state in one file
    for (const suffix of ['', 'pr-31', 'pr-32', 'pr-33', 'pr-34', 'staging', 'pr-35', 'pr-36']) {
      const r = await act({ 'name-suffix': suffix });
      expect(r.code, r.stdout).toBe(0);
      expect(r.outputs['deployed-name']).toBe(suffix ? `${name}-${suffix}` : name);
    }
    mark(name, { name, repository: 'octo/app' }); // the live app: no name-suffix
    for (const suffix of ['pr-31', 'pr-32', 'pr-33', 'pr-34', 'staging'])
      mark(`${name}-${suffix}`, { name, suffix, repository: 'octo/app' });
    // pr-35: named like a preview, its machines carry no marks (made by hand, or before the marks existed)
    editState((s) => {
      for (const m of s.apps[`${name}-pr-35`]!.machines)
        for (const key of Object.keys(m.config.metadata)) if (key.startsWith('sindri_')) delete m.config.metadata[key];
    });
    mark(`${name}-pr-36`, { name, suffix: 'pr-36', repository: 'someone/else' }); // another repository's preview
    // another organization's app, named and marked as a preview of this config (a token that sees both)
    editState((s) => {
      const copy = JSON.parse(JSON.stringify(s.apps[`${name}-pr-31`])) as FlyState['apps'][string];
      copy.org = 'other';
      for (const m of copy.machines) m.config.metadata.sindri_name_suffix = 'pr-37';
      s.apps[`${name}-pr-37`] = copy;
    });
    for (const [n, state] of [
      [31, 'closed'],
      [32, 'open'],
      [34, 'merged'],
      [35, 'closed'],
      [36, 'closed'],
      [37, 'closed'],
    ] as const)
      api.addPull(n, state);
    f.clearCalls();
    api.clearRequests();

    const r = await act({ mode: 'sweep' }, '20');
    expect(r.code, r.stdout).toBe(0);
    expect(sweptRows(r)).toEqual([
      [`${name}-pr-31`, 31, 'closed', 'fly-pr-31'],
      [`${name}-pr-33`, 33, 'missing', 'fly-pr-33'],
      [`${name}-pr-34`, 34, 'merged', 'fly-pr-34'],
    ]);

    // what Fly has now
    const apps = Object.keys(f.state<FlyState>('flyctl').apps).sort();
    expect(apps).toEqual([name, `${name}-pr-32`, `${name}-pr-35`, `${name}-pr-36`, `${name}-pr-37`, `${name}-staging`].sort());

    // flyctl: the organization's apps once, the machines of each app named as a preview (not the live
    // app, nor the other organization's), one destroy per swept preview
    const calls = f.calls('flyctl');
    expect(calls.filter((c) => sub(c) === 'apps list').map((c) => c.argv)).toEqual([['apps', 'list', '--org', 'acme', '--json']]);
    const listed = calls.filter((c) => sub(c) === 'machine list').map((c) => c.argv);
    expect(listed.map((a) => a[a.indexOf('--app') + 1]).sort()).toEqual(
      ['pr-31', 'pr-32', 'pr-33', 'pr-34', 'pr-35', 'pr-36', 'staging'].map((s) => `${name}-${s}`).sort(),
    );
    for (const argv of listed) expect(argv).toEqual(['machine', 'list', '--app', argv[3], '--json']);
    expect(calls.filter((c) => sub(c) === 'apps destroy').map((c) => c.argv)).toEqual(
      ['pr-31', 'pr-33', 'pr-34'].map((s) => ['apps', 'destroy', `${name}-${s}`, '--yes']),
    );

    // the log: why an app named like a preview is not one; the dry run before the first removal
    expect(r.stdout).toContain(`app ${name}-pr-35 is named like preview pr-35 of ${name} but is not listed: machine `);
    expect(r.stdout).toMatch(new RegExp(`app ${name}-pr-36 is named like preview pr-36 .* has sindri_repository="someone/else"`));
    expectDryRunFirst(r.stdout, [
      `would remove ${name}-pr-31: pull request #31 is closed`,
      `would remove ${name}-pr-33: pull request #33 does not exist in this repository`,
      `would remove ${name}-pr-34: pull request #34 was merged`,
      `keep         ${name}-pr-32: pull request #32 is open: kept`,
      `keep         ${name}-staging: its name-suffix staging names no pull request`,
    ]);
    expect(r.stdout).toContain(
      `swept ${name}-pr-31 (pull request #31 is closed): app ${name}-pr-31 (its machines, volumes, secrets and IPs)`,
    );
    expect(r.stdout).not.toContain(`${name}-pr-37`);

    // GitHub: the pull requests of the listed previews only, their environments deleted
    const asked = api.requests.filter((q) => q.method === 'GET' && q.path.startsWith('/repos/octo/app/pulls/')).map((q) => q.path);
    expect(asked.sort()).toEqual([31, 32, 33, 34].map((n) => `/repos/octo/app/pulls/${n}`));
    expect(api.requests.filter((q) => q.method === 'DELETE').map((q) => q.path)).toEqual(
      ['fly-pr-31', 'fly-pr-33', 'fly-pr-34'].map((e) => `/repos/octo/app/environments/${e}`),
    );
    expect(r.stdout.split('\n').filter((l) => l.startsWith('::warning'))).toEqual([]);
  }, 600_000);

  it('a second sweep finds nothing more to remove; an organization flyctl does not know fails with its line', async () => {
    const again = await act({ mode: 'sweep' }, '24');
    expect(again.code, again.stdout).toBe(0);
    expect(again.outputs.swept).toBe('[]');
    expect(again.stdout).toContain('nothing to sweep');

    editState((s) => {
      s.orgs = ['other'];
    });
    const r = await act({ mode: 'sweep' }, '24');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /^::error.*flyctl apps list failed: error getting organization: failed to run.*Fix: check providers\.fly\.organization/m,
    );
  }, 300_000);
});
