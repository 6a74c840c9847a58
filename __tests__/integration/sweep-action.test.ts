/**
 * Issue 24 through the action itself (`node dist/index.js`): real previews on the REAL Docker engine,
 * created by the action with name-suffix pr-<n>, carrying the trace of their run (read back with
 * docker inspect); then `mode: sweep` against the loopback GitHub API stand-in (open, closed, merged
 * and missing pull requests) removes exactly the previews of closed ones, marks their deployments
 * inactive and deletes their environments, and leaves the live deployment, open pull requests, other
 * configs and other repositories alone.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAction, type ActionRun, type NodeMajor } from '../support/action.js';
import {
  BASE_IMAGE,
  TEST_LABEL,
  buildImage,
  cleanup,
  containerInspect,
  containersByName,
  removeLabelledImages,
  requireServices,
  testDockerfile,
  uniqueName,
} from '../support/docker.js';
import { GitHubApiStandIn } from '../support/github-api.js';
import { makeWorkdir } from '../support/workdir.js';

const ns = uniqueName('sweep');
const TOKEN = 'ghs_sweepToken0123456789';
const SHA = '3f786850e387550fdab836ed7e6dc881de23001b';
const api = new GitHubApiStandIn({ token: TOKEN, repository: 'octo/app' });
const dirs: string[] = [];
const containers: string[] = [];
let image: string;

const name = `${ns}-a`;
const other = `${ns}-b`;

const workdir = (configName: string): string =>
  makeWorkdir(
    'sweep-action-',
    dirs,
    `version: "3.0"\nname: ${configName}\ndeployment:\n  provider: docker\n  image: ${image}\nextensions:\n  profile: minimal\nproviders:\n  docker:\n    network: none\n`,
  );

function runnerEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    GITHUB_API_URL: api.url,
    GITHUB_SERVER_URL: 'https://github.example',
    GITHUB_REPOSITORY: 'octo/app',
    GITHUB_SHA: SHA,
    GITHUB_REF: 'refs/pull/11/merge',
    GITHUB_ACTOR: 'octocat',
    GITHUB_RUN_ID: '5151',
    GITHUB_ACTION_REPOSITORY: 'sindri/deploy-action',
    GITHUB_ACTION_REF: 'v1',
    ...extra,
  };
}

function act(dir: string, inputs: Record<string, string>, node: NodeMajor = '24', env: Record<string, string> = {}): Promise<ActionRun> {
  return runAction({
    inputs: { 'github-token': TOKEN, 'pin-digest': 'false', timeout: '90s', ...inputs },
    cwd: dir,
    node,
    timeoutMs: 180_000,
    env: runnerEnv(env),
  });
}

async function deploy(dir: string, configName: string, suffix: string, env: Record<string, string> = {}, deployment = false) {
  containers.push(suffix ? `${configName}-${suffix}` : configName);
  const r = await act(dir, { 'name-suffix': suffix, 'github-deployment': String(deployment) }, '24', env);
  expect(r.code, r.stdout).toBe(0);
  return r;
}

const running = async (container: string) => (await containersByName(container)).map((c) => c.state);
const warnings = (r: ActionRun) => r.stdout.split('\n').filter((l) => l.startsWith('::warning'));

beforeAll(async () => {
  await requireServices();
  await api.start();
  image = `${ns}-app:1`;
  await buildImage(image, testDockerfile(BASE_IMAGE, { extra: `LABEL ${TEST_LABEL}=${ns}` }));
}, 180_000);

afterAll(async () => {
  await api.stop();
  await cleanup({
    containers,
    projects: containers.map((c) => `sindri-${c}`),
    volumes: containers.map((c) => `${c}_home`),
    images: [image],
  });
  await removeLabelledImages(ns);
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
}, 180_000);

describe('contract: mode sweep on the real Docker engine against the GitHub API stand-in', () => {
  let dir: string;

  it('every container the action deploys carries its run (docker inspect), and plan shows it', async () => {
    dir = workdir(name);
    const live = await deploy(dir, name, '');
    expect(live.outputs['deployed-name']).toBe(name);
    const labels = (await containerInspect(name))!.Config.Labels ?? {};
    expect(labels).toMatchObject({
      'org.sindri.deploy-action.run-url': 'https://github.example/octo/app/actions/runs/5151',
      'org.sindri.deploy-action.commit': SHA,
      'org.sindri.deploy-action.ref': 'refs/pull/11/merge',
      'org.sindri.deploy-action.actor': 'octocat',
      'org.sindri.deploy-action.repository': 'octo/app',
      'org.sindri.deploy-action.action-version': 'sindri/deploy-action@v1',
      'org.sindri.deploy-action.name': name,
      // the GitHub environment the deploy is named for (the default: the provider name)
      'org.sindri.deploy-action.environment': 'docker',
    });
    expect(labels['org.sindri.deploy-action.name-suffix']).toBeUndefined();

    // an actor with a control character is left out, and plan says so; nothing is changed by plan
    const plan = await act(dir, { mode: 'plan', 'name-suffix': 'pr-11' }, '20', { GITHUB_ACTOR: 'octo\u001b[31mcat' });
    expect(plan.code, plan.stdout).toBe(0);
    expect(plan.stdout).toContain('trace metadata on every resource: run-url=https://github.example/octo/app/actions/runs/5151');
    expect(plan.stdout).toContain('left out: actor: GITHUB_ACTOR does not have the shape GitHub gives it');
    expect(plan.stdout).toContain('org.sindri.deploy-action.name-suffix: pr-11');
    expect(plan.stdout).not.toContain('\u001b[31m');
    expect(await running(`${name}-pr-11`)).toEqual([]);
  }, 240_000);

  it('sweep removes the previews of closed, merged and missing pull requests, each named after a dry run', async () => {
    // previews: #11 closed (with a GitHub deployment), #12 open, #13 merged, #14 never existed, `staging` no PR
    // another config of the same repository with a closed PR's suffix; the same config from another repository
    // (separate targets deployed side by side, each from its own checkout: the compose file is written there)
    await Promise.all([
      ...['pr-11', 'pr-12', 'pr-13', 'pr-14', 'staging'].map((s) => deploy(workdir(name), name, s, {}, s === 'pr-11')),
      deploy(workdir(other), other, 'pr-11'),
      deploy(workdir(name), name, 'pr-15', { GITHUB_REPOSITORY: 'someone/else' }),
    ]);
    api.addPull(11, 'closed');
    api.addPull(12, 'open');
    api.addPull(13, 'merged');
    api.addPull(15, 'closed');
    expect(api.environments.has('docker-pr-11')).toBe(true);
    api.clearRequests();

    const r = await act(dir, { mode: 'sweep' }, '24');
    expect(r.code, r.stdout).toBe(0);
    const swept = JSON.parse(r.outputs.swept ?? '') as {
      'deployed-name': string;
      'pull-request': number;
      state: string;
      environment: string;
    }[];
    expect(swept.map((s) => [s['deployed-name'], s['pull-request'], s.state, s.environment])).toEqual([
      [`${name}-pr-11`, 11, 'closed', 'docker-pr-11'],
      [`${name}-pr-13`, 13, 'merged', 'docker-pr-13'],
      [`${name}-pr-14`, 14, 'missing', 'docker-pr-14'],
    ]);
    expect(JSON.parse(r.outputs.result ?? '{}').swept).toEqual(swept);
    for (const s of swept) expect(await running(s['deployed-name'])).toEqual([]);
    // untouched: the live one, the open PR, the non-PR suffix, another config, another repository
    for (const c of [name, `${name}-pr-12`, `${name}-staging`, `${other}-pr-11`, `${name}-pr-15`])
      expect(await running(c), c).toEqual(['running']);

    // the whole dry run comes before the first removal, every preview with its reason
    const firstSwept = r.stdout.indexOf('swept ');
    for (const line of [
      `would remove ${name}-pr-11: pull request #11 is closed`,
      `would remove ${name}-pr-13: pull request #13 was merged`,
      `would remove ${name}-pr-14: pull request #14 does not exist in this repository`,
      `keep         ${name}-pr-12: pull request #12 is open: kept`,
      `keep         ${name}-staging: its name-suffix staging names no pull request`,
    ]) {
      expect(r.stdout).toContain(line);
      expect(r.stdout.indexOf(line)).toBeLessThan(firstSwept);
    }
    expect(r.stdout).toContain(`swept ${name}-pr-11 (pull request #11 is closed): container ${name}-pr-11`);

    // GitHub: each PR asked once, the closed one's deployment inactive, its environment deleted
    const asked = api.requests.filter((q) => q.method === 'GET' && q.path.startsWith('/repos/octo/app/pulls/')).map((q) => q.path);
    expect(asked.sort()).toEqual([
      '/repos/octo/app/pulls/11',
      '/repos/octo/app/pulls/12',
      '/repos/octo/app/pulls/13',
      '/repos/octo/app/pulls/14',
    ]);
    const d = api.deployments.find((x) => x.environment === 'docker-pr-11')!;
    expect(api.statuses.get(d.id as number)?.at(-1)?.state).toBe('inactive');
    expect(api.environments.has('docker-pr-11')).toBe(false);
    const deleted = api.requests.filter((q) => q.method === 'DELETE').map((q) => q.path);
    expect(deleted).toEqual([
      '/repos/octo/app/environments/docker-pr-11',
      '/repos/octo/app/environments/docker-pr-13',
      '/repos/octo/app/environments/docker-pr-14',
    ]);
    expect(warnings(r)).toEqual([]);
    expect(r.summary).toContain('Swept** 3 preview(s)');
  }, 600_000);

  it('a token that may not delete environments: 403 is a warning, the preview is still swept (Node 20)', async () => {
    await deploy(dir, name, 'pr-16', {}, true);
    api.addPull(16, 'closed');
    api.options.forbidEnvironments = true;
    try {
      const r = await act(dir, { mode: 'sweep' }, '20');
      expect(r.code, r.stdout).toBe(0);
      expect(JSON.parse(r.outputs.swept ?? '').map((s: { 'deployed-name': string }) => s['deployed-name'])).toEqual([`${name}-pr-16`]);
      expect(await running(`${name}-pr-16`)).toEqual([]);
      expect(warnings(r)).toEqual([expect.stringContaining('docker-pr-16: the GitHub environment is left (GitHub answered 403')]);
      expect(warnings(r)[0]).toContain('administration: write');
      expect(api.environments.has('docker-pr-16')).toBe(true);
      const d = api.deployments.find((x) => x.environment === 'docker-pr-16')!;
      expect(api.statuses.get(d.id as number)?.at(-1)?.state).toBe('inactive');
      // the open PR's preview and the live one are still there
      expect(await running(`${name}-pr-12`)).toEqual(['running']);
      expect(await running(name)).toEqual(['running']);
    } finally {
      api.options.forbidEnvironments = false;
    }
  }, 300_000);

  it('a custom environment is recorded on the preview and closed by sweep; a shared one is left with its deployments (Node 24)', async () => {
    const custom = async (suffix: string, environment: string) => {
      containers.push(`${name}-${suffix}`);
      const r = await act(workdir(name), { 'name-suffix': suffix, 'github-deployment': 'true', environment });
      expect(r.code, r.stdout).toBe(0);
    };
    // pr-17 its own environment; pr-18 and pr-19 one environment for every pull request
    await Promise.all([custom('pr-17', 'preview-pr-17'), custom('pr-18', 'previews'), custom('pr-19', 'previews')]);
    expect((await containerInspect(`${name}-pr-17`))!.Config.Labels?.['org.sindri.deploy-action.environment']).toBe('preview-pr-17');
    expect((await containerInspect(`${name}-pr-18`))!.Config.Labels?.['org.sindri.deploy-action.environment']).toBe('previews');
    api.addPull(17, 'closed');
    api.addPull(18, 'closed');
    api.addPull(19, 'open');
    api.clearRequests();

    const r = await act(dir, { mode: 'sweep' }, '24');
    expect(r.code, r.stdout).toBe(0);
    const swept = JSON.parse(r.outputs.swept ?? '') as { 'deployed-name': string; environment: string }[];
    expect(swept.map((s) => [s['deployed-name'], s.environment])).toEqual([
      [`${name}-pr-17`, 'preview-pr-17'],
      [`${name}-pr-18`, ''],
    ]);
    expect(r.stdout).toContain(`would remove ${name}-pr-17: pull request #17 is closed; GitHub environment preview-pr-17 closed`);
    expect(r.stdout).toContain(
      `would remove ${name}-pr-18: pull request #18 is closed; GitHub environment previews left: its name does not carry the name-suffix pr-18, so other deploys may share it`,
    );
    // the recorded environment closed; the shared one and the open pull request's deployment in it untouched
    expect(api.environments.has('preview-pr-17')).toBe(false);
    const own = api.deployments.find((x) => x.environment === 'preview-pr-17')!;
    expect(api.statuses.get(own.id as number)?.at(-1)?.state).toBe('inactive');
    expect(api.environments.has('previews')).toBe(true);
    for (const d of api.deployments.filter((x) => x.environment === 'previews'))
      expect(api.statuses.get(d.id as number)?.at(-1)?.state).not.toBe('inactive');
    expect(api.requests.filter((q) => q.method === 'DELETE').map((q) => q.path)).toEqual(['/repos/octo/app/environments/preview-pr-17']);
    expect(await running(`${name}-pr-18`)).toEqual([]);
    expect(await running(`${name}-pr-19`)).toEqual(['running']);
    expect(warnings(r)).toEqual([]);
  }, 300_000);

  it('nothing to sweep: swept is [], and a DevPod type whose previews cannot be listed fails with one line', async () => {
    const r = await act(dir, { mode: 'sweep' }, '24');
    expect(r.code, r.stdout).toBe(0);
    expect(r.outputs.swept).toBe('[]');
    expect(r.stdout).toContain('nothing to sweep');

    // before any tool is installed (no devpod on PATH here) and before GitHub is asked
    const ssh = mkdtempSync(join(tmpdir(), 'sweep-ssh-'));
    writeFileSync(
      join(ssh, 'sindri.yaml'),
      'version: "3.0"\nname: dev-box\ndeployment:\n  provider: devpod\nextensions:\n  profile: minimal\nproviders:\n  devpod:\n    type: ssh\n    ssh:\n      host: box.example\n',
    );
    const devpod = await act(ssh, { mode: 'sweep', provider: 'devpod' }, '24');
    expect(devpod.code).toBe(1);
    expect(devpod.stdout).toMatch(/^::error.*mode: sweep finds DevPod previews only on the docker type.*Fix: /m);
    expect(devpod.stdout).not.toContain('Install tools');
    rmSync(ssh, { recursive: true, force: true });
  }, 120_000);
});
