/**
 * Issues 21 and 24, fly CONTRACT: `mode: plan` and deploy through `node dist/index.js`, with the
 * flyctl stand-in on PATH (flyctl cannot run here; __tests__/support/fakes/flyctl.cjs answers as
 * flyctl v0.4.87), Fly's API stand-in over the same state (support/fly-api.ts) and the REAL registry
 * at 127.0.0.1:5000 for the digests. The plan reads the app when a token is set, in-process from Fly's
 * API (one GraphQL query and the machines list, ADR 0051; else ONE `flyctl status --app <app> --json`) and compares what the
 * machines run with what a deploy would release (ADR 0042): nothing there → `+ create`; the same
 * digest and fly.toml → `= unchanged`, changed=false (a new run's trace is not a change); a new
 * digest → `~ update` with both digests; a changed setting → `fly.toml`; no token, a refused token or
 * no flyctl → the plan succeeds and says why it could not compare. The deploy writes the run's
 * trace and the preview marks into machine_config; they are read back from the stand-in's machines.
 */
import { readFileSync, rmSync } from 'node:fs';
import { parse } from 'smol-toml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAction, type ActionRun, type NodeMajor } from '../support/action.js';
import { cleanup, imagesOf, pushTestBase, REGISTRY, removeLabelledImages, requireServices, uniqueName } from '../support/docker.js';
import { startFlyApi, type FlyApiStandIn } from '../support/fly-api.js';
import { installFakes, type Fakes } from '../support/fakes.js';
import { makeWorkdir } from '../support/workdir.js';

interface FlyMachineState {
  id: string;
  config: { image: string; env: Record<string, string>; metadata: Record<string, string> };
  image_ref: { digest: string };
}
interface FlyState {
  apps: Record<string, { machines: FlyMachineState[] }>;
  deploys?: { app: string; config: string }[];
  rejectToken?: boolean;
}
interface PlanResult {
  plan: {
    live: { known: boolean; reason: string };
    changes: { action: string; resource: string; image?: { from: string; to: string }; settings?: string[]; note?: string; line: string }[];
  };
}

const ns = uniqueName('flyplan');
const name = `${ns}-app`;
const suffix = 'pr-3';
const app = `${name}-${suffix}`;
const dirs: string[] = [];
const TOKEN = `fo1_${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
const SHA = 'a'.repeat(40);
let f: Fakes;
let dir: string;
let one: { repo: string; digest: string };
let two: { repo: string; digest: string };

const yaml = (memory = '2GB') =>
  `version: "3.0"\nname: ${name}\ndeployment:\n  provider: fly\n  resources:\n    memory: ${memory}\nextensions:\n  profile: minimal\nproviders:\n  fly:\n    region: ord\n    organization: acme\n`;

/** a run of a workflow: its GITHUB_* facts (the trace), the token unless `env` says otherwise */
const runEnv = (runId: string) => ({
  FLY_API_TOKEN: TOKEN,
  GITHUB_SERVER_URL: 'https://github.example',
  GITHUB_REPOSITORY: 'octo/app',
  GITHUB_SHA: SHA,
  GITHUB_REF: 'refs/pull/3/merge',
  GITHUB_ACTOR: 'octocat',
  GITHUB_RUN_ID: runId,
});

function act(inputs: Record<string, string>, node: NodeMajor, env: Record<string, string> = runEnv('101')): Promise<ActionRun> {
  return runAction({
    inputs: { timeout: '2m', image: one.repo, 'image-digest': one.digest, 'name-suffix': suffix, verify: 'false', ...inputs },
    cwd: dir,
    node,
    env: { ...f.env, ...api.env, ...env },
    timeoutMs: 120_000,
  });
}

const resultOf = (r: ActionRun): PlanResult => JSON.parse(r.outputs.result!) as PlanResult;
const short = (digest: string) => `${digest.slice(0, 'sha256:'.length + 12)}…`;
const flyctlArgv = () => f.calls('flyctl').map((c) => c.argv);
/** Fly's API stand-in over the flyctl stand-in's state: the plan's live read goes there in-process (ADR 0051) */
let api: FlyApiStandIn;
let seen = 0;
/** the API requests since the last call */
const requests = () => {
  const r = api.requests
    .slice(seen)
    .map((q) => `${q.method} ${q.path}`)
    .sort();
  seen = api.requests.length;
  return r;
};
const LIVE_READ = () => ['POST /graphql', `GET /v1/apps/${app}/machines`].sort();
const machines = () => f.state<FlyState>('flyctl').apps[app]!.machines;

beforeAll(async () => {
  await requireServices();
  one = await pushTestBase(`${ns}/one`, ns);
  two = await pushTestBase(`${ns}/two`, `${ns}-two`);
  expect(two.digest).not.toBe(one.digest);
  f = installFakes(['flyctl']);
  f.setState('flyctl', { orgs: ['acme'] });
  api = await startFlyApi({ stateDir: f.stateDir, tokens: [TOKEN] });
  dir = makeWorkdir('fly-plan-', dirs, yaml());
}, 180_000);

afterAll(async () => {
  await cleanup({ images: [...(await imagesOf(`${REGISTRY}/${ns}/one`)), ...(await imagesOf(`${REGISTRY}/${ns}/two`))] });
  await removeLabelledImages(ns);
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  f?.remove();
  await api?.close();
}, 120_000);

describe('fly plan contract: the live diff from what flyctl status --json shows, read in-process (ADR 0042, 0051)', () => {
  it('nothing on Fly yet (Node 24): + create, one read-only read, the trace shown', async () => {
    requests();
    const r = await act({ mode: 'plan' }, '24');
    expect(r.code, r.stdout).toBe(0);
    expect(flyctlArgv()).toEqual([]); // no flyctl process: one round of requests (ADR 0051)
    expect(requests()).toEqual(LIVE_READ());
    const res = resultOf(r);
    expect(res.plan.live.known).toBe(true);
    expect(res.plan.changes.map((c) => [c.action, c.resource])).toEqual([['create', `app ${app}`]]);
    expect(r.outputs).toMatchObject({ changed: 'true', changes: '1' });
    expect(r.stdout).toContain(`+ create app ${app}`);
    expect(r.stdout).toContain(`would run: flyctl apps create ${app} --org acme --json`);
    // the generated fly.toml the plan prints carries the trace the machines will get
    expect(r.stdout).toContain('machine_config = ');
    expect(r.stdout).toContain('sindri_run_url');
    expect(r.stdout).toContain('trace metadata on every resource: run-url=https://github.example/octo/app/actions/runs/101');
    expect(f.state<FlyState>('flyctl').apps).toEqual({});
  });

  it("deploy (Node 20) writes the trace and preview marks onto every machine's metadata, read back from the stand-in", async () => {
    f.clearCalls();
    const d = await act({}, '20');
    expect(d.code, d.stdout).toBe(0);
    const ms = machines();
    expect(ms.length).toBeGreaterThan(0);
    for (const m of ms)
      expect(m.config.metadata).toMatchObject({
        sindri_run_url: 'https://github.example/octo/app/actions/runs/101',
        sindri_commit: SHA,
        sindri_ref: 'refs/pull/3/merge',
        sindri_actor: 'octocat',
        sindri_repository: 'octo/app',
        sindri_action_version: expect.stringMatching(/^sindri\/deploy-action \d/),
        sindri_name: name,
        sindri_name_suffix: suffix,
        // flyctl's own keys are still there
        fly_process_group: 'app',
        fly_platform_version: 'v2',
      });
    // flyctl got it through the fly.toml it read, as JSON in machine_config; nothing else carries it
    const given = f.state<FlyState>('flyctl').deploys!.at(-1)!.config;
    const toml = parse(readFileSync(given, 'utf8')) as { machine_config: string };
    const config = JSON.parse(toml.machine_config) as { metadata: Record<string, string> };
    expect(Object.keys(config)).toEqual(['metadata']);
    expect(Object.keys(config.metadata).every((k) => k.startsWith('sindri_'))).toBe(true);
    for (const [k, v] of Object.entries(config.metadata)) expect(ms[0]!.config.metadata[k]).toBe(v);
    for (const argv of flyctlArgv()) expect(argv.join(' ')).not.toContain('sindri_run_url');
  });

  it('a new run of the same digest and settings (Node 24): = unchanged, changed=false; its deploy skips and the trace stays', async () => {
    f.clearCalls();
    requests();
    const r = await act({ mode: 'plan' }, '24', runEnv('102'));
    expect(r.code, r.stdout).toBe(0);
    expect(flyctlArgv()).toEqual([]); // no flyctl process: one round of requests (ADR 0051)
    expect(requests()).toEqual(LIVE_READ());
    const res = resultOf(r);
    expect(
      res.plan.changes.map((c) => c.action),
      r.stdout,
    ).toEqual(['unchanged']);
    expect(r.outputs).toMatchObject({ changed: 'false', changes: '0' });
    expect(r.stdout).toContain(`= unchanged app ${app} (runs `);
    // the app is there: the commands a deploy would run no longer list its creation
    expect(r.stdout).not.toContain('flyctl apps create');
    expect(r.stdout).toContain(`would run: flyctl ips list --app ${app} --json`);
    expect(res.plan.live.reason).toMatch(/^Fly's API in-process, app \S+: 1 machine$/);
    const again = await act({}, '20', runEnv('102'));
    expect(again.code, again.stdout).toBe(0);
    expect(again.outputs.skipped).toBe('true');
    expect(machines()[0]!.config.metadata.sindri_run_url).toBe('https://github.example/octo/app/actions/runs/101');
  });

  it('a new digest (Node 20): ~ update with both digests, changed=true', async () => {
    f.clearCalls();
    requests();
    const r = await act({ mode: 'plan', image: two.repo, 'image-digest': two.digest }, '20');
    expect(r.code, r.stdout).toBe(0);
    const [c] = resultOf(r).plan.changes;
    expect(c).toMatchObject({
      action: 'update',
      resource: `app ${app}`,
      image: { from: `${one.repo}@${one.digest}`, to: `${two.repo}@${two.digest}` },
    });
    expect(c!.settings).toBeUndefined();
    expect(r.outputs).toMatchObject({ changed: 'true', changes: '1' });
    expect(r.stdout).toContain(`~ update app ${app} (image ${one.repo}@${short(one.digest)} → ${two.repo}@${short(two.digest)})`);
    expect(flyctlArgv()).toEqual([]); // no flyctl process: one round of requests (ADR 0051)
    expect(requests()).toEqual(LIVE_READ());
  });

  it('a changed setting (Node 24): ~ update naming fly.toml, the image unchanged', async () => {
    const other = makeWorkdir('fly-plan-mem-', dirs, yaml('4GB'));
    const r = await runAction({
      inputs: { timeout: '2m', image: one.repo, 'image-digest': one.digest, 'name-suffix': suffix, verify: 'false', mode: 'plan' },
      cwd: other,
      node: '24',
      env: { ...f.env, ...runEnv('103') },
      timeoutMs: 120_000,
    });
    expect(r.code, r.stdout).toBe(0);
    const [c] = resultOf(r).plan.changes;
    expect(c).toMatchObject({ action: 'update', settings: ['fly.toml'] });
    expect(c!.image).toBeUndefined();
    expect(r.stdout).toContain(`~ update app ${app} (1 setting: fly.toml)`);
  });
});

describe('fly plan contract: when Fly cannot be asked, the plan succeeds and says why', () => {
  it('no token (Node 20): no flyctl call, the reason once, ? unknown', async () => {
    f.clearCalls();
    const noToken: Record<string, string> = runEnv('104');
    delete noToken.FLY_API_TOKEN;
    const r = await act({ mode: 'plan' }, '20', noToken);
    expect(r.code, r.stdout).toBe(0);
    expect(flyctlArgv()).toEqual([]);
    const res = resultOf(r);
    expect(res.plan.live).toEqual({ known: false, reason: 'FLY_API_TOKEN (or FLY_ACCESS_TOKEN) is not set, so the plan does not ask Fly' });
    expect(r.stdout).toContain(`live state unknown: FLY_API_TOKEN (or FLY_ACCESS_TOKEN) is not set`);
    expect(r.stdout).toContain(`? unknown app ${app}\n`);
    expect(r.outputs).toMatchObject({ changed: 'true', changes: '1' });
  });

  it("flyctl fails (a token Fly refuses, Node 24): ? unknown with flyctl's own message", async () => {
    f.setState('flyctl', { ...f.state<FlyState>('flyctl'), rejectToken: true });
    try {
      const r = await act({ mode: 'plan' }, '24');
      expect(r.code, r.stdout).toBe(0);
      const res = resultOf(r);
      expect(res.plan.live).toEqual({ known: false, reason: 'flyctl status failed: You must be authenticated to view this.' });
      expect(r.stdout).toContain(`live state unknown: flyctl status failed: You must be authenticated to view this.`);
      expect(r.stdout).toContain(`? unknown app ${app}\n`);
      expect(r.stdout.replace(/^::add-mask::.*$/gm, '')).not.toContain(TOKEN);
    } finally {
      f.setState('flyctl', { ...f.state<FlyState>('flyctl'), rejectToken: false });
    }
  });

  it('no flyctl on the runner (Node 20): ? unknown, flyctl named as missing', async () => {
    const r = await runAction({
      inputs: { timeout: '2m', image: one.repo, 'image-digest': one.digest, 'name-suffix': suffix, verify: 'false', mode: 'plan' },
      cwd: dir,
      node: '20',
      env: { ...runEnv('105'), PATH: '/usr/bin:/bin' },
      timeoutMs: 120_000,
    });
    expect(r.code, r.stdout).toBe(0);
    const res = resultOf(r);
    expect(res.plan.live.known).toBe(false);
    expect(res.plan.live.reason).toMatch(/flyctl/);
    expect(res.plan.changes.map((c) => c.action)).toEqual(['unknown']);
  });
});
