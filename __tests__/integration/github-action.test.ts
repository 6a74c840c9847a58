/**
 * Issue 12 through the action itself (`node dist/index.js`, Node 20 and 24): GitHub Deployments,
 * the pull request comment and the post step, against a loopback stand-in of the GitHub REST API
 * (GITHUB_API_URL, as on GHES), deploying to the REAL Docker engine.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAction, type ActionRun, type NodeMajor } from '../support/action.js';
import {
  buildImage,
  cleanup,
  containerInspect,
  containersByName,
  removeLabelledImages,
  requireServices,
  TEST_LABEL,
  testDockerfile,
  uniqueName,
  BASE_IMAGE,
} from '../support/docker.js';
import { GitHubApiStandIn } from '../support/github-api.js';

const ns = uniqueName('gh');
const TOKEN = 'ghs_loopbackToken0123456789';
const API_SECRET = 'sk-live-never-in-a-comment-4711';
const SHA = '3f786850e387550fdab836ed7e6dc881de23001b';
const RUN_URL = 'https://github.example/o/r/actions/runs/4242';
const api = new GitHubApiStandIn({ token: TOKEN });
const dirs: string[] = [];
const names: string[] = [];
let image: string;
let slowImage: string;
let eventPath: string;

function workdir(name: string, img: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'github-action-'));
  dirs.push(dir);
  names.push(name);
  writeFileSync(
    join(dir, 'sindri.yaml'),
    [
      'version: "3.0"',
      `name: ${name}`,
      'deployment:',
      '  provider: docker',
      `  image: ${img}`,
      'extensions:',
      '  profile: minimal',
      'providers:',
      '  docker:',
      '    network: host',
      '    ports: ["18080:8080"]',
      'secrets:',
      '  - name: API_TOKEN',
      '    source: env',
      '    required: true',
      '',
    ].join('\n'),
  );
  return dir;
}

function act(
  dir: string,
  inputs: Record<string, string>,
  node: NodeMajor,
  extra: Partial<Parameters<typeof runAction>[0]> = {},
): Promise<ActionRun> {
  return runAction({
    inputs: {
      'github-token': TOKEN,
      'github-deployment': 'true',
      'pr-comment': 'true',
      'name-suffix': 'pr-7',
      'pin-digest': 'false',
      timeout: '90s',
      ...inputs,
    },
    cwd: dir,
    node,
    timeoutMs: 180_000,
    env: baseEnv(),
    ...extra,
  });
}

/** The environment every run here gets (a run's own `env` replaces it whole). */
function baseEnv(): Record<string, string> {
  return {
    GITHUB_API_URL: api.url,
    GITHUB_SERVER_URL: 'https://github.example',
    GITHUB_REPOSITORY: 'o/r',
    GITHUB_SHA: SHA,
    GITHUB_RUN_ID: '4242',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: eventPath,
    API_TOKEN: API_SECRET,
  };
}

/** warnings, without the docker provider's own (ports are informational with host networking) */
const warnings = (r: ActionRun) => r.stdout.split('\n').filter((l) => l.startsWith('::warning') && !l.includes('title=providers.docker'));
const route = (method: string, re: RegExp) => api.requests.filter((q) => q.method === method && re.test(q.path));
/** everything the action sent to GitHub, as text */
const sent = () => JSON.stringify(api.requests.map((q) => q.body ?? null));

beforeAll(async () => {
  await requireServices();
  await api.start();
  const dir = mkdtempSync(join(tmpdir(), 'github-action-event-'));
  dirs.push(dir);
  eventPath = join(dir, 'event.json');
  writeFileSync(eventPath, JSON.stringify({ action: 'synchronize', number: 7, pull_request: { number: 7, head: { sha: SHA } } }));
  image = `${ns}-app:1`;
  await buildImage(image, testDockerfile(BASE_IMAGE, { extra: `LABEL ${TEST_LABEL}=${ns}` }));
  // never healthy within the test: compose up --wait keeps waiting, so the run can be cancelled mid-deploy
  slowImage = `${ns}-slow:1`;
  await buildImage(
    slowImage,
    [
      `FROM ${BASE_IMAGE}`,
      `LABEL ${TEST_LABEL}=${ns}`,
      'HEALTHCHECK --interval=1h --start-period=1h CMD ["true"]',
      `CMD ["sh", "-c", "trap 'exit 0' TERM; sleep 86400 & wait"]`,
      '',
    ].join('\n'),
  );
}, 180_000);

afterAll(async () => {
  await api.stop();
  // name-suffix names every resource <name>-<suffix>
  const all = names.flatMap((n) => [n, ...['pr-7', 'pr-7b', 'pr-8', 'pr-9', 'pr-10'].map((x) => `${n}-${x}`)]);
  await cleanup({
    containers: all,
    projects: all.map((n) => `sindri-${n}`),
    volumes: all.map((n) => `${n}_home`),
    images: [image, slowImage],
  });
  await removeLabelledImages(ns);
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
}, 180_000);

describe('contract: GitHub deployments and PR comment against a loopback GitHub REST API', () => {
  const name = `${ns}-a`;
  let dir: string;

  it('deploy (Node 24): a deployment of the commit, in_progress then success with the URL and the run log; one comment', async () => {
    dir = workdir(name, image);
    api.clearRequests();
    const r = await act(dir, {}, '24');
    expect(r.code, r.stdout).toBe(0);
    expect((await containersByName(`${name}-pr-7`)).map((c) => c.state)).toEqual(['running']);
    expect(r.outputs.url).toBe('http://localhost:8080');

    const created = route('POST', /^\/repos\/o\/r\/deployments$/);
    expect(created).toHaveLength(1);
    expect(created[0]!.authorization).toBe(`token ${TOKEN}`);
    expect(created[0]!.body).toMatchObject({
      ref: SHA,
      environment: 'docker-pr-7',
      transient_environment: true,
      auto_merge: false,
      required_contexts: [],
      payload: { image: r.outputs.image, digest: r.outputs['image-digest'], provider: 'docker', name },
    });
    const id = api.deployments.at(-1)!.id as number;
    const statuses = route('POST', new RegExp(`^/repos/o/r/deployments/${id}/statuses$`)).map((q) => q.body);
    expect(statuses).toEqual([
      expect.objectContaining({ state: 'in_progress', log_url: RUN_URL }),
      expect.objectContaining({ state: 'success', log_url: RUN_URL, environment_url: r.outputs.url }),
    ]);
    // the deployment is created before the provider runs, the success after it
    const order = api.requests.map((q) => `${q.method} ${q.path}`);
    expect(order.indexOf(`POST /repos/o/r/deployments`)).toBeLessThan(order.lastIndexOf(`POST /repos/o/r/deployments/${id}/statuses`));
    expect(r.stdout.indexOf('deployment ')).toBeLessThan(r.stdout.indexOf('$ docker compose'));

    const comments = api.comments.get(7) ?? [];
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain(`<!-- sindri-deploy-action name=${name} environment=docker-pr-7 -->`);
    expect(comments[0]!.body).toContain('Sindri deployed');
    expect(comments[0]!.body).toContain('http://localhost:8080');
    expect(comments[0]!.body).toContain('| image source |');
    expect(sent()).not.toContain(API_SECRET);
    expect(sent()).not.toContain(TOKEN);
    // the mask command itself carries the value (the runner consumes it); no other line does
    expect(r.stdout).toContain(`::add-mask::${API_SECRET}`);
    expect(r.stdout.replace(/^::add-mask::.*$/gm, '')).not.toContain(API_SECRET);
    expect(warnings(r)).toEqual([]);
    // the run finished its deployment: nothing left for the post step
    expect(JSON.parse(r.state['temp-paths'] ?? '[]')).toEqual([]);
    expect(r.state.deployment ?? '').toBe('');
    expect(r.summary).toContain('#### GitHub');
    expect(r.summary).toContain('#### Time per phase');
  });

  it('second run, plan (Node 20): the same comment is edited with what will change, never a second one', async () => {
    api.clearRequests();
    const first = api.comments.get(7)![0]!;
    const r = await act(dir, { mode: 'plan' }, '20');
    expect(r.code, r.stdout).toBe(0);
    expect(route('POST', /\/issues\/7\/comments$/)).toHaveLength(0);
    const patched = route('PATCH', /^\/repos\/o\/r\/issues\/comments\/\d+$/);
    expect(patched.map((q) => q.path)).toEqual([`/repos/o/r/issues/comments/${first.id}`]);
    expect(api.comments.get(7)).toHaveLength(1);
    expect(first.body).toContain('Sindri plan');
    // the image line and the change list against what runs now, the commands folded (issue 21)
    expect(first.body).toMatch(/\*\*Would deploy\*\* `\S+ \(rule \d /);
    expect(first.body).toMatch(/```diff\n[=~+?] (unchanged|update|create|apply) container \S+/);
    expect(first.body).toMatch(/<details><summary>What a deploy runs and writes<\/summary>[\s\S]*docker compose -f sindri-compose\.yml/);
    // plan records no deployment
    expect(route('POST', /\/deployments/)).toHaveLength(0);
  });

  it('a comment of another environment (matrix) is left alone; a user comment carrying no marker too', async () => {
    const other = api.addComment(7, 'LGTM, ship it');
    api.clearRequests();
    const r = await act(dir, { mode: 'plan', 'name-suffix': 'pr-7b' }, '24');
    expect(r.code, r.stdout).toBe(0);
    expect(route('POST', /\/issues\/7\/comments$/)).toHaveLength(1);
    expect(other.body).toBe('LGTM, ship it');
    const bodies = api.comments.get(7)!.map((c) => c.body ?? '');
    expect(bodies.filter((b) => b.includes('environment=docker-pr-7 -->'))).toHaveLength(1);
    expect(bodies.filter((b) => b.includes('environment=docker-pr-7b -->'))).toHaveLength(1);
  });

  it('destroy (Node 24): every deployment of the environment inactive, the comment says it is gone', async () => {
    api.clearRequests();
    const r = await act(dir, { mode: 'destroy' }, '24');
    expect(r.code, r.stdout).toBe(0);
    expect(await containerInspect(name)).toBeUndefined();
    const listed = route('GET', /^\/repos\/o\/r\/deployments$/);
    expect(listed[0]!.query.environment).toBe('docker-pr-7');
    const ids = api.deployments.filter((d) => d.environment === 'docker-pr-7').map((d) => d.id);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(api.statuses.get(id as number)!.at(-1)!.state).toBe('inactive');
    const mine = api.comments.get(7)!.find((c) => (c.body ?? '').includes('environment=docker-pr-7 -->'))!;
    expect(mine.body).toContain('is gone');
    expect(route('POST', /\/issues\/7\/comments$/)).toHaveLength(0);
  });
});

describe('contract: a token without deployments: write (403)', () => {
  it('one warning, the deploy still happens, the comment still works (Node 20)', async () => {
    const name = `${ns}-b`;
    const dir = workdir(name, image);
    api.options = { forbidDeployments: true };
    api.clearRequests();
    try {
      const r = await act(dir, { 'name-suffix': 'pr-8' }, '20');
      expect(r.code, r.stdout).toBe(0);
      expect((await containersByName(`${name}-pr-8`)).map((c) => c.state)).toEqual(['running']);
      const w = warnings(r);
      expect(w, w.join('\n')).toHaveLength(1);
      expect(w[0]).toMatch(/GitHub answered 403.*deployments: write.*the deploy goes on/);
      expect(route('POST', /\/statuses$/)).toHaveLength(0);
      expect(route('POST', /\/issues\/7\/comments$/)).toHaveLength(1);
      expect(r.state.deployment ?? '').toBe('');
    } finally {
      api.options = {};
    }
  });
});

describe('contract: a deploy that fails', () => {
  it('closes its deployment as failure itself and says so in the comment; the post step then has nothing to do (Node 24)', async () => {
    const name = `${ns}-d`;
    const dir = workdir(name, image);
    api.clearRequests();
    // the container starts but its health command fails: the deploy fails after the deployment was opened
    const r = await act(dir, { 'name-suffix': 'pr-10', 'health-command': 'exit 3', 'health-timeout': '2s' }, '24');
    expect(r.code, r.stdout).toBe(1);
    const id = api.deployments.at(-1)!.id as number;
    expect(api.deployments.at(-1)!.environment).toBe('docker-pr-10');
    expect(api.statuses.get(id)!.map((s) => s.state)).toEqual(['in_progress', 'failure']);
    expect(api.statuses.get(id)!.at(-1)!.environment_url).toBe('');
    const mine = api.comments.get(7)!.find((c) => (c.body ?? '').includes('environment=docker-pr-10 -->'))!;
    expect(mine.body).toContain('deploy failed');
    // docker makes health-command the compose healthcheck: `compose up --wait` sees the container unhealthy
    // before any check of our own runs, so the line the comment carries is that failure (the run's ::error line)
    const failed = r.stdout.split('\n').find((l) => l.startsWith('::error'))!;
    expect(failed).toContain(`${name}-pr-10 did not become ready`);
    expect(mine.body).toContain(`${name}-pr-10 did not become ready`);
    expect(r.state.deployment ?? '').toBe('');

    api.clearRequests();
    const post = await act(dir, { 'name-suffix': 'pr-10' }, '24', { state: r.state });
    expect(post.code, post.stdout).toBe(0);
    expect(api.requests).toEqual([]);
  });
});

describe('contract: a deploy refused before it starts', () => {
  it('a missing required secret opens no deployment; the comment names the secret (Node 20)', async () => {
    const name = `${ns}-s`;
    const dir = workdir(name, image);
    api.clearRequests();
    const env = baseEnv();
    delete env.API_TOKEN;
    const r = await act(dir, { 'name-suffix': 'pr-11' }, '20', { env });
    expect(r.code).toBe(1);
    expect(route('POST', /\/deployments$/)).toEqual([]);
    const mine = api.comments.get(7)!.find((c) => (c.body ?? '').includes('environment=docker-pr-11 -->'))!;
    expect(mine.body).toContain('deploy failed');
    expect(mine.body).toContain('API_TOKEN');
    expect(r.state.deployment ?? '').toBe('');
  });
});

describe('contract: the post step after a cancelled run', () => {
  it('marks the in_progress deployment error and removes the secrets file the run left; never fails', async () => {
    const name = `${ns}-c`;
    const dir = workdir(name, slowImage);
    // RUNNER_TEMP of our own: the harness removes its own after each run, the runner keeps it for the job
    const runnerTemp = mkdtempSync(join(tmpdir(), 'github-action-runner-temp-'));
    dirs.push(runnerTemp);
    api.clearRequests();
    // cancel while `docker compose up --wait` waits: the env file holding the secret is on disk
    const main = await act(dir, { 'name-suffix': 'pr-9' }, '24', {
      cancelWhen: (out) => /\$ docker compose .* up /.test(out),
      env: { ...baseEnv(), RUNNER_TEMP: runnerTemp },
    });
    expect(main.cancelled).toBe(true);
    expect(main.code).not.toBe(0);
    expect(main.state['temp-paths'], main.stdout).toBeDefined();
    // the docker provider's env file: in a private folder under RUNNER_TEMP, never in the workspace
    const secretsDir = (JSON.parse(main.state['temp-paths'] ?? '[]') as string[]).find((p) =>
      p.startsWith(join(runnerTemp, 'sindri-docker-env-')),
    )!;
    const secretsFile = join(secretsDir, '.sindri-secrets.env');
    expect(existsSync(secretsFile)).toBe(true);
    expect(readFileSync(secretsFile, 'utf8')).toContain(API_SECRET);
    expect(existsSync(join(dir, '.sindri-secrets.env'))).toBe(false);
    const pending = JSON.parse(main.state.deployment!) as { id: number; environment: string };
    expect(pending.environment).toBe('docker-pr-9');
    expect(api.statuses.get(pending.id)!.map((s) => s.state)).toEqual(['in_progress']);
    expect(main.state.isPost).toBe('true');

    const post = await act(dir, { 'name-suffix': 'pr-9' }, '20', { state: main.state, env: { ...baseEnv(), RUNNER_TEMP: runnerTemp } });
    expect(post.code, post.stdout).toBe(0);
    expect(existsSync(secretsDir)).toBe(false);
    expect(api.statuses.get(pending.id)!.map((s) => s.state)).toEqual(['in_progress', 'error']);
    expect(api.statuses.get(pending.id)!.at(-1)!.log_url).toBe(RUN_URL);
    expect(post.stdout).toContain(`removed ${secretsDir}`);
    // the post step deploys nothing: no second deployment, no docker command
    expect(route('POST', /^\/repos\/o\/r\/deployments$/)).toHaveLength(1);
    expect(post.stdout).not.toContain('$ docker');
  });

  it('post step with a deployment it cannot reach: one warning, exit 0', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'github-action-post-'));
    dirs.push(dir);
    const post = await runAction({
      inputs: { 'github-token': TOKEN },
      cwd: dir,
      node: '24',
      state: { isPost: 'true', deployment: JSON.stringify({ id: 1, owner: 'o', repo: 'r', environment: 'x', logUrl: '' }) },
      env: { GITHUB_API_URL: 'http://127.0.0.1:1' },
    });
    expect(post.code, post.stdout).toBe(0);
    expect(warnings(post)).toHaveLength(1);
  });
});
