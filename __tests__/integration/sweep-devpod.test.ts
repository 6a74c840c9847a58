/**
 * Issue 24, devpod — CONTRACT tests (`node dist/index.js`; `devpod` is what devpod-backend.ts gives: the
 * stand-in of devpod v0.6.15, whose docker provider runs REAL containers on the engine from the runArgs
 * of our devcontainer.json, or the real CLI with SINDRI_TEST_DEVPOD=real). Previews deployed with
 * name-suffix pr-<n> carry the trace of their run as container labels (read back with the real `docker
 * inspect`); `mode: sweep` on a FRESH runner (no devpod record) against the loopback GitHub API stand-in
 * removes exactly the previews of closed and missing pull requests, found by those labels and the
 * workspace's uid, and keeps the live one, the open pull request, `staging`, another config, another
 * repository and a hand-made container wearing the same labels. Other devpod types fail with one line.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAction, type ActionRun, type NodeMajor } from '../support/action.js';
import {
  BASE_IMAGE,
  buildImage,
  cleanup,
  containerInspect,
  imagesOf,
  pushImage,
  REGISTRY,
  removeLabelledImages,
  requireServices,
  uniqueName,
} from '../support/docker.js';
import { devpodBackend, developerDockerfile, type DevpodBackend } from '../support/devpod-backend.js';
import { exec } from '../support/exec.js';
import { GitHubApiStandIn } from '../support/github-api.js';
import { makeWorkdir } from '../support/workdir.js';

const ns = uniqueName('dpsweep');
const TOKEN = 'ghs_devpodSweepToken0123456789';
const SHA = '9f786850e387550fdab836ed7e6dc881de23001c';
const api = new GitHubApiStandIn({ token: TOKEN, repository: 'octo/app' });
const dirs: string[] = [];
const foreign = `${ns}-foreign`;
let backend: DevpodBackend;
let image: string;

const name = `${ns}-a`;
const other = `${ns}-b`;

const yaml = (configName: string, type = '    type: docker\n') =>
  `version: "3.0"\nname: ${configName}\ndeployment:\n  provider: devpod\n  image: ${image}\nextensions:\n  profile: minimal\nproviders:\n  devpod:\n${type}`;

function runnerEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    GITHUB_API_URL: api.url,
    GITHUB_SERVER_URL: 'https://github.example',
    GITHUB_REPOSITORY: 'octo/app',
    GITHUB_SHA: SHA,
    GITHUB_REF: 'refs/pull/21/merge',
    GITHUB_ACTOR: 'octocat',
    GITHUB_RUN_ID: '6161',
    GITHUB_ACTION_REPOSITORY: 'sindri/deploy-action',
    GITHUB_ACTION_REF: 'v1',
    ...extra,
  };
}

function act(dir: string, inputs: Record<string, string>, node: NodeMajor = '24', env: Record<string, string> = {}): Promise<ActionRun> {
  return runAction({
    inputs: { 'github-token': TOKEN, timeout: '3m', ...inputs },
    cwd: dir,
    node,
    timeoutMs: 240_000,
    env: { ...backend.env, ...runnerEnv(env) },
  });
}

async function deploy(configName: string, suffix: string, env: Record<string, string> = {}): Promise<void> {
  const r = await act(makeWorkdir('sweep-devpod-', dirs, yaml(configName)), { 'name-suffix': suffix }, '24', env);
  expect(r.code, r.stdout).toBe(0);
}

/** the workspace's containers on the engine, whatever devpod's record says */
const containers = async (id: string) => (await backend.resources(id)).map((x) => x.container);
const labelsOf = async (id: string) => (await containerInspect((await containers(id))[0]!))?.Config.Labels ?? {};
const warnings = (r: ActionRun) => r.stdout.split('\n').filter((l) => l.startsWith('::warning'));

beforeAll(async () => {
  await requireServices();
  await api.start();
  backend = devpodBackend([]);
  await buildImage(`${ns}-dev:1`, developerDockerfile(ns));
  const pushed = await pushImage(`${ns}-dev:1`, `${ns}/dev`, '1');
  await cleanup({ images: [`${ns}-dev:1`] });
  image = `${pushed.repo}:1`;
}, 180_000);

afterAll(async () => {
  await api.stop();
  await exec('docker', ['rm', '-f', foreign], { allowFailure: true });
  await backend?.remove();
  await cleanup({ images: await imagesOf(`${REGISTRY}/${ns}/dev`) });
  await removeLabelledImages(ns);
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
}, 180_000);

describe('devpod contract: trace labels and mode sweep on the docker type', () => {
  it('the workspace container carries its run and the preview marks (real docker inspect)', async () => {
    await deploy(name, 'pr-21');
    expect(await labelsOf(`${name}-pr-21`)).toMatchObject({
      'org.sindri.deploy-action.run-url': 'https://github.example/octo/app/actions/runs/6161',
      'org.sindri.deploy-action.commit': SHA,
      'org.sindri.deploy-action.ref': 'refs/pull/21/merge',
      'org.sindri.deploy-action.actor': 'octocat',
      'org.sindri.deploy-action.repository': 'octo/app',
      'org.sindri.deploy-action.action-version': 'sindri/deploy-action@v1',
      'org.sindri.deploy-action.name': name,
      'org.sindri.deploy-action.name-suffix': 'pr-21',
    });
    // a redeploy of the same image by another run is not a change: the container and its first run's labels stay
    const before = await containers(`${name}-pr-21`);
    const again = await act(makeWorkdir('sweep-devpod-', dirs, yaml(name)), { 'name-suffix': 'pr-21' }, '24', { GITHUB_RUN_ID: '6162' });
    expect(again.outputs.skipped, again.stdout).toBe('true');
    expect(await containers(`${name}-pr-21`)).toEqual(before);
    expect((await labelsOf(`${name}-pr-21`))['org.sindri.deploy-action.run-url']).toMatch(/\/runs\/6161$/);
  });

  it('sweep on a fresh runner removes the previews of closed and missing pull requests, each named after a dry run', async () => {
    // #21 closed (deployed above), #22 open, #23 never existed, `staging` names no PR, the live one;
    // another config with a closed PR's suffix; the same config from another repository
    for (const s of ['pr-22', 'pr-23', 'staging', '']) await deploy(name, s);
    await deploy(other, 'pr-21');
    await deploy(name, 'pr-25', { GITHUB_REPOSITORY: 'someone/else' });
    // a hand-made container wearing a preview's labels, without the uid the action gives that workspace
    await exec('docker', [
      'run', '-d', '--name', foreign, '--network', 'none', '--label', `org.sindri.deploy-action.name=${name}`,
      '--label', 'org.sindri.deploy-action.name-suffix=pr-24', '--label', 'org.sindri.deploy-action.repository=octo/app',
      '--label', 'dev.containers.id=sindri-000000000', BASE_IMAGE, 'sleep', '600',
    ]); // prettier-ignore
    api.addPull(21, 'closed');
    api.addPull(22, 'open');
    api.addPull(24, 'closed');
    api.addPull(25, 'closed');
    api.clearRequests();
    backend.newRunner();
    backend.clearCalls();

    const dir = makeWorkdir('sweep-devpod-', dirs, yaml(name));
    const r = await act(dir, { mode: 'sweep' });
    expect(r.code, r.stdout).toBe(0);
    const swept = JSON.parse(r.outputs.swept ?? '') as {
      'deployed-name': string;
      'pull-request': number;
      state: string;
      environment: string;
    }[];
    expect(swept.map((s) => [s['deployed-name'], s['pull-request'], s.state, s.environment])).toEqual([
      [`${name}-pr-21`, 21, 'closed', 'devpod-pr-21'],
      [`${name}-pr-23`, 23, 'missing', 'devpod-pr-23'],
    ]);
    for (const s of swept) expect(await containers(s['deployed-name'])).toEqual([]);
    // untouched: the open PR, the non-PR suffix, the live one, another config, another repository, the hand-made one
    for (const id of [`${name}-pr-22`, `${name}-staging`, name, `${other}-pr-21`, `${name}-pr-25`])
      expect(await containers(id), id).toHaveLength(1);
    expect((await exec('docker', ['inspect', '--format', '{{.State.Running}}', foreign])).stdout.trim()).toBe('true');

    const firstSwept = r.stdout.indexOf('swept ');
    for (const line of [
      `would remove ${name}-pr-21: pull request #21 is closed`,
      `would remove ${name}-pr-23: pull request #23 does not exist in this repository`,
      `keep         ${name}-pr-22: pull request #22 is open: kept`,
      `keep         ${name}-staging: its name-suffix staging names no pull request`,
    ]) {
      expect(r.stdout).toContain(line);
      expect(r.stdout.indexOf(line)).toBeLessThan(firstSwept);
    }
    expect(r.stdout).toMatch(
      new RegExp(`swept ${name}-pr-21 \\(pull request #21 is closed\\): container [0-9a-f]{12} of workspace ${name}-pr-21`),
    );
    const asked = api.requests.filter((q) => q.method === 'GET' && q.path.startsWith('/repos/octo/app/pulls/')).map((q) => q.path);
    expect(asked.sort()).toEqual(['/repos/octo/app/pulls/21', '/repos/octo/app/pulls/22', '/repos/octo/app/pulls/23']);
    // devpod is asked nothing but its (empty) record on the fresh runner: the previews were found on the engine
    expect(backend.calls('devpod').map((c) => c.argv[0])).toEqual(['list', 'list']);
    expect(warnings(r)).toEqual([]);
  }, 600_000);

  it('another devpod type: one line, before anything is listed or removed (Node 20)', async () => {
    const dir = makeWorkdir('sweep-devpod-', dirs, yaml(name, '    type: aws\n'));
    backend.clearCalls();
    const r = await act(dir, { mode: 'sweep' }, '20');
    expect(r.code).toBe(1);
    const errors = r.stdout.split('\n').filter((l) => l.startsWith('::error'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /mode: sweep finds DevPod previews only on the docker type: the aws type's workspaces carry no labels this runner can list.*Fix: remove those previews with mode: destroy/,
    );
    expect(backend.calls('devpod')).toEqual([]);
    expect(await containers(`${name}-pr-22`)).toHaveLength(1);
  });
});
