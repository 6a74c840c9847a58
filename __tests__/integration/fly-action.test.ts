/**
 * Issue 7 through the action itself: `node dist/index.js` with INPUT_* env, on Node 20 and 24, with
 * the flyctl CONTRACT stand-in on PATH (flyctl cannot run here; __tests__/support/fakes/flyctl.cjs
 * answers with flyctl's own flags, messages and JSON shapes) and the REAL registry at 127.0.0.1:5000
 * for the digest. Checked from the outside: flyctl's recorded argv/stdin/cwd, its state, outputs,
 * summary and the files left in the working directory.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { parse } from 'smol-toml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAction, type ActionRun, type NodeMajor, type RunActionOptions } from '../support/action.js';
import { cleanup, imagesOf, pushTestBase, REGISTRY, removeLabelledImages, requireServices, uniqueName } from '../support/docker.js';
import { installFakes, type FakeCall, type Fakes } from '../support/fakes.js';
import { startFlyApi, type FlyApiStandIn } from '../support/fly-api.js';
import { makeWorkdir } from '../support/workdir.js';

interface FlyState {
  apps: Record<
    string,
    {
      org: string;
      machines: { config: { image: string; env: Record<string, string> }; image_ref: { digest: string } }[];
      volumes: { name: string }[];
      secrets: Record<string, { digest: string }>;
      ips: { Type: string }[];
    }
  >;
  builds: { app: string; dockerfile: string; cwd: string; buildArgs: string[]; noCache: boolean; remoteOnly: boolean }[];
  failDeploy?: string;
  orgs?: string[];
}

const ns = uniqueName('fly');
const dirs: string[] = [];
const fakeSets: Fakes[] = [];
let image: { repo: string; digest: string };
/** a second image (another digest) in the real registry */
let other: { repo: string; digest: string };
const TOKEN = `fo1_${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;

const workdir = (yaml: string, files: Record<string, string> = {}): string => makeWorkdir('fly-action-', dirs, yaml, files);

function fakes(): Fakes {
  const f = installFakes(['flyctl']);
  fakeSets.push(f);
  return f;
}

/** Fly's API stand-in over the same state as the CLI stand-in `f` (started on first use): the deploy's reads go there (ADR 0051) */
const apis = new Map<Fakes, FlyApiStandIn>();
async function apiOf(f: Fakes): Promise<FlyApiStandIn> {
  if (!apis.has(f)) apis.set(f, await startFlyApi({ stateDir: f.stateDir, tokens: [TOKEN] }));
  return apis.get(f)!;
}
/** the API requests recorded since `from` (method and path) */
const requestsOf = (api: FlyApiStandIn, from = 0) => api.requests.slice(from).map((q) => `${q.method} ${q.path}`);

const yaml = (name: string, deployment = '', extra = '') =>
  `version: "3.0"\nname: ${name}\ndeployment:\n  provider: fly\n${deployment}extensions:\n  profile: minimal\nproviders:\n  fly:\n    region: ord\n    organization: acme\n${extra}`;

async function act(
  dir: string,
  f: Fakes,
  inputs: Record<string, string>,
  node: NodeMajor,
  env: Record<string, string> = { FLY_API_TOKEN: TOKEN },
  more: Pick<RunActionOptions, 'cancelWhen' | 'state'> = {},
): Promise<ActionRun> {
  const api = (await apiOf(f)).env;
  return runAction({
    inputs: { timeout: '2m', ...inputs },
    cwd: dir,
    node,
    env: { ...f.env, ...api, ...env },
    timeoutMs: 120_000,
    ...more,
  });
}

const sub = (c: FakeCall) =>
  c.argv
    .filter((a) => !a.startsWith('-'))
    .slice(0, 2)
    .join(' ');
/** the command a call ran: `deploy` and `status` are one word, the others two */
const command = (c: FakeCall) => (['deploy', 'status'].includes(c.argv[0]!) ? c.argv[0]! : c.argv.slice(0, 2).join(' '));
const calls = (f: Fakes, what: string) => f.calls('flyctl').filter((c) => sub(c) === what || c.argv[0] === what);
const errorLines = (r: ActionRun) => r.stdout.split('\n').filter((l) => l.startsWith('::error'));
const flagValue = (argv: string[], flag: string) => argv[argv.indexOf(flag) + 1];

beforeAll(async () => {
  await requireServices();
  // a small real image in the real registry: its digest is what the registry reports
  const pushed = await pushTestBase(`${ns}/app`, ns);
  image = { repo: pushed.repo, digest: pushed.digest };
  const second = await pushTestBase(`${ns}/other`, `${ns}-other`);
  other = { repo: second.repo, digest: second.digest };
}, 180_000);

afterAll(async () => {
  await cleanup({ images: [...(await imagesOf(`${REGISTRY}/${ns}/app`)), ...(await imagesOf(`${REGISTRY}/${ns}/other`))] });
  await removeLabelledImages(ns);
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  for (const f of fakeSets) f.remove();
  for (const api of apis.values()) await api.close();
}, 120_000);

describe('fly contract: a prebuilt digest from CI', () => {
  const f = fakes();
  let dir: string;
  let name: string;

  it('on Node 24: app missing → created in the org; exactly one deploy with --image repo@<the registry digest>, no build', async () => {
    name = `${ns}-digest`;
    dir = workdir(yaml(name));
    f.setState('flyctl', { orgs: ['personal', 'acme'] });
    const r = await act(dir, f, { image: image.repo, 'image-digest': image.digest }, '24');
    expect(r.code, r.stdout).toBe(0);

    const deploys = calls(f, 'deploy');
    expect(deploys).toHaveLength(1);
    const argv = deploys[0]!.argv;
    expect(flagValue(argv, '--image')).toBe(`${image.repo}@${image.digest}`);
    expect(argv).not.toContain('--dockerfile');
    expect(argv).not.toContain('--no-cache');
    expect(argv).toEqual(expect.arrayContaining(['--remote-only', '--yes', '--strategy', 'rolling', '--ha=false', '--app', name]));
    expect(flagValue(argv, '--wait-timeout')).toMatch(/^\d+s$/);
    expect(Number(flagValue(argv, '--wait-timeout')!.slice(0, -1))).toBeLessThanOrEqual(120);
    expect(deploys[0]!.cwd).toBe(dir);
    expect(f.state<FlyState>('flyctl').builds).toEqual([]);

    const create = calls(f, 'apps create');
    expect(create).toHaveLength(1);
    expect(create[0]!.argv).toEqual(['apps', 'create', name, '--org', 'acme', '--json']);
    expect(calls(f, 'volumes create')).toHaveLength(1);
    expect(calls(f, 'ips allocate-v4')).toHaveLength(0); // no dedicated IPv4 unless asked for
    for (const c of f.calls('flyctl')) expect(c.envNames).toContain('FLY_API_TOKEN');

    const app = f.state<FlyState>('flyctl').apps[name]!;
    expect(app.org).toBe('acme');
    expect(app.machines[0]!.image_ref.digest).toBe(image.digest);
    expect(r.outputs).toMatchObject({
      provider: 'fly',
      name,
      'image-source': 'input-digest',
      image: `${image.repo}@${image.digest}`,
      'image-digest': image.digest,
      built: 'false',
      skipped: 'false',
      url: `ssh://developer@${name}.fly.dev:10022`,
    });
    expect(r.summary).toContain(`flyctl ssh console -a ${name}`);

    const toml = parse(readFileSync(join(dir, 'fly.toml'), 'utf8')) as Record<string, unknown>;
    expect(toml).toMatchObject({ app: name, primary_region: 'ord' });
    expect(app.machines[0]!.config.env.INSTALL_PROFILE).toBe('minimal'); // [env] reached the machine
  });

  it('redeploy on Node 20 with the same digest and fly.toml → skipped=true, no deploy, nothing created', async () => {
    f.clearCalls();
    const r = await act(dir, f, { image: image.repo, 'image-digest': image.digest }, '20');
    expect(r.code, r.stdout).toBe(0);
    expect(r.outputs.skipped).toBe('true');
    expect(calls(f, 'deploy')).toHaveLength(0);
    expect(calls(f, 'apps create')).toHaveLength(0);
    expect(calls(f, 'volumes create')).toHaveLength(0);
    expect(f.calls('flyctl').every((c) => !['deploy', 'apps create', 'volumes create', 'secrets import'].includes(sub(c)))).toBe(true);
  });

  it('force redeploys the same digest', async () => {
    f.clearCalls();
    const r = await act(dir, f, { image: image.repo, 'image-digest': image.digest, force: 'true' }, '24');
    expect(r.code, r.stdout).toBe(0);
    expect(r.outputs.skipped).toBe('false');
    expect(calls(f, 'deploy')).toHaveLength(1);
  });

  it('a changed setting (fly.toml) redeploys: app and volume present → no create', async () => {
    f.clearCalls();
    writeFileSync(join(dir, 'sindri.yaml'), yaml(name, '  resources:\n    memory: 4GB\n'));
    const r = await act(dir, f, { image: image.repo, 'image-digest': image.digest }, '20');
    expect(r.code, r.stdout).toBe(0);
    expect(r.outputs.skipped).toBe('false');
    expect(calls(f, 'deploy')).toHaveLength(1);
    expect(calls(f, 'apps create')).toHaveLength(0);
    expect(calls(f, 'volumes create')).toHaveLength(0);
    expect((parse(readFileSync(join(dir, 'fly.toml'), 'utf8')) as { vm: { memory: string }[] }).vm[0]!.memory).toBe('4096mb');
  });

  it('destroy: flyctl apps destroy <app> --yes, fly.toml removed; again: the app is gone, not an error', async () => {
    f.clearCalls();
    const r = await act(dir, f, { mode: 'destroy' }, '24');
    expect(r.code, r.stdout).toBe(0);
    expect(calls(f, 'apps destroy').map((c) => c.argv)).toEqual([['apps', 'destroy', name, '--yes']]);
    expect(f.state<FlyState>('flyctl').apps[name]).toBeUndefined();
    expect(readdirSync(dir)).toEqual(['sindri.yaml']);
    const again = await act(dir, f, { mode: 'destroy' }, '20');
    expect(again.code, again.stdout).toBe(0);
    expect(errorLines(again)).toEqual([]);
    expect(again.stdout).toMatch(/does not exist on Fly\.io/);
  });
});

describe('fly contract: an app and volume that already exist', () => {
  it('on Node 20: a new digest is deployed without apps create or volumes create', async () => {
    const f = fakes();
    const name = `${ns}-present`;
    const dir = workdir(yaml(name));
    f.setState('flyctl', { orgs: ['acme'] });
    // the app and its volume exist (created by hand, say) but nothing is deployed yet
    const first = await act(dir, f, { image: image.repo, 'image-digest': image.digest }, '20');
    expect(first.code, first.stdout).toBe(0);
    const s = f.state<FlyState>('flyctl');
    s.apps[name]!.machines = [];
    f.setState('flyctl', s);
    f.clearCalls();
    const api = await apiOf(f);
    const from = api.requests.length;
    const r = await act(dir, f, { image: image.repo, 'image-digest': image.digest }, '20');
    expect(r.code, r.stdout).toBe(0);
    // the probe is one round of requests to Fly's API, no flyctl process (ADR 0051): the deploy is the only one
    expect(f.calls('flyctl').map(command)).toEqual(['deploy']);
    expect(requestsOf(api, from).sort()).toEqual(['POST /graphql', `GET /v1/apps/${name}/machines`, `GET /v1/apps/${name}/volumes`].sort());
    expect(api.requests.slice(from).every((q) => q.scheme === 'Bearer')).toBe(true);
    expect(r.stdout).toMatch(
      new RegExp(
        `reading app ${name}, its machines, volumes, addresses from http://127\\.0\\.0\\.1:\\d+/graphql and http://127\\.0\\.0\\.1:\\d+ in-process, Bearer token \\(no flyctl process\\)`,
      ),
    );
    expect(r.outputs.skipped).toBe('false');
  });

  it('where the in-process read cannot apply (FLY_FORCE_REGION set), the same redeploy reads through flyctl and says why in one line', async () => {
    const f = fakes();
    const name = `${ns}-fallback`;
    const dir = workdir(yaml(name));
    f.setState('flyctl', { orgs: ['acme'] });
    expect((await act(dir, f, { image: image.repo, 'image-digest': image.digest }, '24')).code).toBe(0);
    f.clearCalls();
    const api = await apiOf(f);
    const from = api.requests.length;
    const r = await act(dir, f, { image: image.repo, 'image-digest': image.digest, force: 'true' }, '24', {
      FLY_API_TOKEN: TOKEN,
      FLY_FORCE_REGION: 'ord',
    });
    expect(r.code, r.stdout).toBe(0);
    expect(f.calls('flyctl').map(command).sort()).toEqual(['deploy', 'ips list', 'status', 'volumes list']);
    expect(requestsOf(api, from)).toEqual([]);
    expect(r.stdout.match(/^Fly reads through flyctl .*$/gm)).toEqual([
      'Fly reads through flyctl (FLY_FORCE_REGION is set, which this action leaves to flyctl)',
    ]);
  });

  it('an API that cannot be reached (a closed port): the read goes through flyctl, said in one line', async () => {
    const f = fakes();
    const name = `${ns}-closed`;
    const dir = workdir(yaml(name));
    f.setState('flyctl', { orgs: ['acme'] });
    const closed = { FLY_API_BASE_URL: 'http://127.0.0.1:9', FLY_FLAPS_BASE_URL: 'http://127.0.0.1:9' };
    const r = await act(dir, f, { image: image.repo, 'image-digest': image.digest }, '20', { FLY_API_TOKEN: TOKEN, ...closed });
    expect(r.code, r.stdout).toBe(0);
    expect(calls(f, 'status')).toHaveLength(1);
    expect(r.stdout).toMatch(
      new RegExp(
        `^Fly's API read of app ${name} in-process failed \\(http://127\\.0\\.0\\.1:9/graphql and http://127\\.0\\.0\\.1:9 could not be reached: .*\\): reading through flyctl$`,
        'm',
      ),
    );
  });
});

describe('fly contract: Dockerfile only in v3/ → Fly remote builder', () => {
  const dockerfile = 'FROM scratch\nCOPY . /\n';

  it('on Node 24: --dockerfile v3/Dockerfile, build args, no --image; image read back (built=true)', async () => {
    const f = fakes();
    const name = `${ns}-build`;
    const dir = workdir(yaml(name), { 'v3/Dockerfile': dockerfile });
    f.setState('flyctl', { orgs: ['acme'] });
    const r = await act(dir, f, { 'build-args': 'A=1\nB=two' }, '24');
    expect(r.code, r.stdout).toBe(0);
    const deploys = calls(f, 'deploy');
    expect(deploys).toHaveLength(1);
    const argv = deploys[0]!.argv;
    expect(flagValue(argv, '--dockerfile')).toBe('v3/Dockerfile');
    expect(argv).not.toContain('--image');
    expect(argv).not.toContain('--no-cache');
    expect(argv).toEqual(expect.arrayContaining(['--remote-only', '--build-arg', 'A=1', '--build-arg', 'B=two']));
    expect(deploys[0]!.cwd).toBe(dir);
    const builds = f.state<FlyState>('flyctl').builds;
    expect(builds).toEqual([
      { app: name, dockerfile: 'v3/Dockerfile', cwd: dir, buildArgs: ['A=1', 'B=two'], noCache: false, remoteOnly: true },
    ]);
    expect(calls(f, 'image show')).toHaveLength(1);
    const runs = f.state<FlyState>('flyctl').apps[name]!.machines[0]!.image_ref.digest;
    expect(r.outputs).toMatchObject({
      'image-source': 'dockerfile',
      dockerfile: 'v3/Dockerfile',
      built: 'true',
      'image-digest': runs,
      image: `registry.fly.io/${name}@${runs}`,
    });
  });

  it('on Node 20: force → --no-cache', async () => {
    const f = fakes();
    const dir = workdir(yaml(`${ns}-nocache`), { 'v3/Dockerfile': dockerfile });
    f.setState('flyctl', { orgs: ['acme'] });
    const r = await act(dir, f, { force: 'true' }, '20');
    expect(r.code, r.stdout).toBe(0);
    const argv = calls(f, 'deploy')[0]!.argv;
    expect(argv).toContain('--no-cache');
    expect(flagValue(argv, '--dockerfile')).toBe('v3/Dockerfile');
  });
});

describe('fly contract: failures are one line', () => {
  for (const node of ['20', '24'] as const) {
    it(`missing token on Node ${node}: fails before any flyctl call and any registry request`, async () => {
      const f = fakes();
      const dir = workdir(yaml(`${ns}-notoken`, '  image: 127.0.0.1:9/none/app:1\n'));
      const r = await act(dir, f, {}, node, {});
      expect(r.code).toBe(1);
      expect(f.calls('flyctl')).toEqual([]);
      expect(errorLines(r)).toHaveLength(1);
      expect(errorLines(r)[0]).toMatch(/FLY_API_TOKEN.*Fix: .*flyctl tokens create/);
      expect(r.stdout).not.toMatch(/127\.0\.0\.1:9/); // nothing resolved: the image was never looked up
      expect(r.stdout).not.toMatch(/\n\s+at .+:\d+:\d+/);
      expect(existsSync(join(dir, 'fly.toml'))).toBe(false);
    });
  }

  it('destroy without a token fails the same way, before any flyctl call', async () => {
    const f = fakes();
    const r = await act(workdir(yaml(`${ns}-notoken2`)), f, { mode: 'destroy' }, '24', {});
    expect(r.code).toBe(1);
    expect(f.calls('flyctl')).toEqual([]);
    expect(errorLines(r)[0]).toMatch(/FLY_API_TOKEN/);
  });

  it('a failed release: flyctl deploy error → one line with flyctl message, the old machines kept, a fix', async () => {
    const f = fakes();
    const name = `${ns}-faildeploy`;
    const dir = workdir(yaml(name));
    f.setState('flyctl', { orgs: ['acme'] });
    expect((await act(dir, f, { image: image.repo, 'image-digest': image.digest }, '24')).code).toBe(0);
    const s = f.state<FlyState>('flyctl');
    s.failDeploy = 'smoke checks for 148ed193b95e89 failed: the app appears to be crashing';
    f.setState('flyctl', s);
    const r = await act(dir, f, { image: image.repo, 'image-digest': image.digest, force: 'true' }, '24');
    expect(r.code).toBe(1);
    expect(errorLines(r)).toHaveLength(1);
    expect(errorLines(r)[0]).toMatch(/flyctl deploy of .* failed: smoke checks for 148ed193b95e89 failed: the app appears to be crashing/);
    expect(errorLines(r)[0]).toMatch(/rolling strategy kept the machines of the previous release/);
    expect(errorLines(r)[0]).toMatch(/Fix: /);
    expect(r.outputs.image).toBe(`${image.repo}@${image.digest}`); // outputs set before the failure
  });

  it('no such organization: flyctl own message and a fix naming providers.fly.organization', async () => {
    const f = fakes();
    const r = await act(workdir(yaml(`${ns}-noorg`)), f, { image: image.repo, 'image-digest': image.digest }, '20');
    expect(r.code).toBe(1);
    expect(errorLines(r)).toHaveLength(1);
    expect(errorLines(r)[0]).toMatch(/flyctl apps create failed: organization acme not found.*Fix: set providers.fly.organization/);
    expect(calls(f, 'deploy')).toHaveLength(0);
  });

  it('an unknown region: flyctl own message and a fix naming providers.fly.region', async () => {
    const f = fakes();
    f.setState('flyctl', { orgs: ['acme'], regions: ['sjc'] });
    const r = await act(workdir(yaml(`${ns}-region`)), f, { image: image.repo, 'image-digest': image.digest }, '24');
    expect(r.code).toBe(1);
    expect(errorLines(r)).toHaveLength(1);
    expect(errorLines(r)[0]).toMatch(/flyctl volumes create failed: region ord not found.*Fix: set providers.fly.region/);
  });

  it('a token Fly rejects: flyctl own message and a fix about the token', async () => {
    const f = fakes();
    f.setState('flyctl', { rejectToken: true });
    const r = await act(workdir(yaml(`${ns}-badtoken`)), f, { image: image.repo, 'image-digest': image.digest }, '20');
    expect(r.code).toBe(1);
    expect(errorLines(r)).toHaveLength(1);
    expect(errorLines(r)[0]).toMatch(
      /flyctl status failed: You must be authenticated to view this.*Fix: FLY_API_TOKEN is missing, invalid/,
    );
    // Fly's API refused it in-process first: flyctl reads then, and words the error itself (ADR 0051)
    expect(r.stdout).toMatch(/^Fly's API read of app \S+ in-process failed \(.*answered.*\): reading through flyctl$/m);
    expect(r.stdout).toMatch(new RegExp(`^::add-mask::${TOKEN}$`, 'm'));
    expect(r.stdout.replace(/^::add-mask::.*$/gm, '')).not.toContain(TOKEN);
  });
});

describe('fly contract: secrets', () => {
  const SECRET = `s3cr3t-${Math.random().toString(36).slice(2)}-v#al"ue`;

  it('a seeded secret reaches flyctl only on stdin of secrets import, and nowhere else; unchanged → not staged again', async () => {
    const f = fakes();
    const name = `${ns}-secret`;
    const dir = workdir(yaml(name) + 'secrets:\n  - name: API_TOKEN\n    source: env\n    required: true\n');
    f.setState('flyctl', { orgs: ['acme'] });
    const r = await act(dir, f, { image: image.repo, 'image-digest': image.digest }, '24', { FLY_API_TOKEN: TOKEN, API_TOKEN: SECRET });
    expect(r.code, r.stdout).toBe(0);

    const imports = calls(f, 'secrets import');
    expect(imports).toHaveLength(1);
    expect(imports[0]!.argv).toEqual(['secrets', 'import', '--app', name, '--stage']);
    // flyctl's own parser (ported in the stand-in) gives back exactly the value
    const { parseSecrets } = createRequire(import.meta.url)('../support/fakes/flyctl.cjs') as {
      parseSecrets: (s: string) => Record<string, string>;
    };
    expect(parseSecrets(imports[0]!.stdin)).toEqual({ API_TOKEN: SECRET });
    for (const c of f.calls('flyctl')) {
      expect(c.argv.join(' ')).not.toContain(SECRET);
      if (sub(c) !== 'secrets import') expect(c.stdin).not.toContain(SECRET);
    }
    const logs = r.stdout.replace(/^::add-mask::.*$/gm, '') + r.stderr;
    expect(logs).not.toContain(SECRET);
    expect(r.stdout).toMatch(/^::add-mask::.*s3cr3t/m);
    expect(JSON.stringify(r.outputs)).not.toContain(SECRET);
    expect(r.summary).not.toContain(SECRET);
    for (const file of readdirSync(dir)) expect(readFileSync(join(dir, file), 'utf8'), file).not.toContain(SECRET);
    const app = f.state<FlyState>('flyctl').apps[name]!;
    expect(Object.keys(app.secrets)).toEqual(['API_TOKEN']);
    expect(JSON.stringify(app.machines)).not.toContain(SECRET); // only an HMAC on the machines
    expect(Object.keys(parse(readFileSync(join(dir, 'fly.toml'), 'utf8')).env as object)).not.toContain('API_TOKEN');

    f.clearCalls();
    const again = await act(dir, f, { image: image.repo, 'image-digest': image.digest }, '20', { FLY_API_TOKEN: TOKEN, API_TOKEN: SECRET });
    expect(again.code, again.stdout).toBe(0);
    expect(calls(f, 'secrets import')).toHaveLength(0);
    expect(again.outputs.skipped).toBe('true');

    f.clearCalls();
    const changed = await act(dir, f, { image: image.repo, 'image-digest': image.digest }, '24', {
      FLY_API_TOKEN: TOKEN,
      API_TOKEN: `${SECRET}-2`,
    });
    expect(changed.code, changed.stdout).toBe(0);
    expect(calls(f, 'secrets import')).toHaveLength(1);
    expect(calls(f, 'deploy')).toHaveLength(1); // a new value reaches the machines only with a release
  });
});

describe('fly contract: name-suffix', () => {
  it('on Node 20: app <name>-pr-7 everywhere (create, deploy, fly.toml, url)', async () => {
    const f = fakes();
    const name = `${ns}-sfx`;
    const dir = workdir(yaml(name));
    f.setState('flyctl', { orgs: ['acme'] });
    const r = await act(dir, f, { image: image.repo, 'image-digest': image.digest, 'name-suffix': 'pr-7' }, '20');
    expect(r.code, r.stdout).toBe(0);
    const app = `${name}-pr-7`;
    expect(calls(f, 'apps create')[0]!.argv[2]).toBe(app);
    expect(flagValue(calls(f, 'deploy')[0]!.argv, '--app')).toBe(app);
    expect((parse(readFileSync(join(dir, 'fly.toml'), 'utf8')) as { app: string }).app).toBe(app);
    expect(r.outputs.url).toBe(`ssh://developer@${app}.fly.dev:10022`);
    expect(Object.keys(f.state<FlyState>('flyctl').apps)).toEqual([app]);
    const destroyed = await act(dir, f, { mode: 'destroy', 'name-suffix': 'pr-7' }, '20');
    expect(destroyed.code).toBe(0);
    expect(f.state<FlyState>('flyctl').apps).toEqual({});
  });
});

describe('fly contract: plan', () => {
  it("prints fly.toml and every flyctl command, and reads the app from Fly's API in-process: no flyctl process (ADR 0042, 0051)", async () => {
    const f = fakes();
    const name = `${ns}-plan`;
    const dir = workdir(yaml(name));
    const api = await apiOf(f);
    const r = await act(dir, f, { mode: 'plan', image: image.repo, 'image-digest': image.digest }, '24');
    expect(r.code, r.stdout).toBe(0);
    expect(f.calls('flyctl')).toEqual([]);
    expect(requestsOf(api).sort()).toEqual(['POST /graphql', `GET /v1/apps/${name}/machines`].sort());
    expect(r.stdout).toContain(`+ create app ${name}`);
    expect(r.stdout).toContain(`app = "${name}"`);
    expect(r.stdout).toMatch(/would run: flyctl apps create .* --org acme --json/);
    expect(r.stdout).toMatch(new RegExp(`would run: flyctl deploy .*--image ${image.repo.replace(/\./g, '\\.')}@${image.digest}`));
    expect(existsSync(join(dir, 'fly.toml'))).toBe(false);
  });
});

describe("fly contract: what Fly's first deploy does not do (issue 27)", () => {
  const ipTypes = (f: Fakes, app: string) => f.state<FlyState>('flyctl').apps[app]!.ips.map((i) => i.Type);

  it('the raw-TCP SSH service gets an IPv6 allocated explicitly (flyctl allocates none without a terminal); url is the ssh address; a redeploy allocates nothing', async () => {
    const f = fakes();
    const name = `${ns}-ipv6`;
    const dir = workdir(yaml(name));
    f.setState('flyctl', { orgs: ['acme'] });
    const r = await act(dir, f, { image: image.repo, 'image-digest': image.digest }, '24');
    expect(r.code, r.stdout).toBe(0);
    expect(ipTypes(f, name)).toEqual(['v6']);
    expect(calls(f, 'ips allocate-v6').map((c) => c.argv)).toEqual([['ips', 'allocate-v6', '--app', name]]);
    const order = f.calls('flyctl').map((c) => c.argv.slice(0, 2).join(' '));
    expect(order.indexOf('ips allocate-v6')).toBeGreaterThan(-1);
    expect(order.indexOf('ips allocate-v6')).toBeLessThan(order.findIndex((c) => c.startsWith('deploy')));
    expect(r.outputs.url).toBe(`ssh://developer@${name}.fly.dev:10022`);
    expect(r.stdout).toMatch(/resolves to an IPv6 address only/);
    f.clearCalls();
    const again = await act(dir, f, { image: image.repo, 'image-digest': image.digest, force: 'true' }, '20');
    expect(again.code, again.stdout).toBe(0);
    expect(calls(f, 'ips list')).toHaveLength(0); // read in-process with the app (ADR 0051)
    expect(again.stdout).toMatch(/addresses from .* in-process/);
    expect(calls(f, 'ips allocate-v6')).toHaveLength(0);
    expect(ipTypes(f, name)).toEqual(['v6']);
  });

  it('dedicatedIpv4: true → an IPv6 and a dedicated IPv4 (flyctl would have skipped the IPv6 once an IP existed)', async () => {
    const f = fakes();
    const name = `${ns}-ipv4`;
    f.setState('flyctl', { orgs: ['acme'] });
    const r = await act(workdir(yaml(name, '', '    dedicatedIpv4: true\n')), f, { image: image.repo, 'image-digest': image.digest }, '20');
    expect(r.code, r.stdout).toBe(0);
    expect(ipTypes(f, name).sort()).toEqual(['v4', 'v6']);
    expect(r.stdout).toMatch(/resolves to the app's IPv6 and its dedicated IPv4/);
  });

  it('highAvailability: true says plainly that Fly runs ONE machine with the mounted home volume; --ha=false is passed', async () => {
    const f = fakes();
    const name = `${ns}-ha`;
    f.setState('flyctl', { orgs: ['acme'] });
    const r = await act(
      workdir(yaml(name, '', '    highAvailability: true\n')),
      f,
      { image: image.repo, 'image-digest': image.digest },
      '24',
    );
    expect(r.code, r.stdout).toBe(0);
    expect(f.state<FlyState>('flyctl').apps[name]!.machines).toHaveLength(1);
    expect(r.stdout).toMatch(/^::warning::providers\.fly\.highAvailability gives ONE machine: .*mounted volume.*not replicated/m);
    expect(calls(f, 'deploy')[0]!.argv).toContain('--ha=false');
  });

  it('resources.gpu.enabled fails in one line at its place before any flyctl call', async () => {
    const f = fakes();
    const dir = workdir(yaml(`${ns}-gpu`, '  resources:\n    gpu:\n      enabled: true\n      tier: gpu-small\n'));
    const r = await act(dir, f, { image: image.repo, 'image-digest': image.digest }, '24');
    expect(r.code).toBe(1);
    expect(f.calls('flyctl')).toEqual([]);
    expect(errorLines(r)).toHaveLength(1);
    expect(errorLines(r)[0]).toMatch(/sindri\.yaml.*GPU machines.*Fix: /);
  });
});

describe('fly contract: health checks and the rollback by digest (issue 19)', () => {
  /** a command with quotes, spaces and a $ that only the machine's own /bin/sh may expand */
  const healthy = (app: string) => `test "$(printf '%s' "$FLY_APP_NAME")" = '${app}' && echo "it's ok"`;

  it('health-command runs inside the machine through flyctl ssh console --command "/bin/sh -c …" (quoted once); healthy=true', async () => {
    const f = fakes();
    const name = `${ns}-hc`;
    f.setState('flyctl', { orgs: ['acme'] });
    const r = await act(workdir(yaml(name)), f, { image: image.repo, 'image-digest': image.digest, 'health-command': healthy(name) }, '24');
    expect(r.code, r.stdout).toBe(0);
    const ssh = calls(f, 'ssh console');
    expect(ssh).toHaveLength(1);
    expect(ssh[0]!.argv).toEqual([
      'ssh',
      'console',
      '--app',
      name,
      '--quiet',
      '--command',
      `/bin/sh -c 'test "$(printf '\\''%s'\\'' "$FLY_APP_NAME")" = '\\''${name}'\\'' && echo "it'\\''s ok"'`,
    ]);
    expect(r.outputs).toMatchObject({ healthy: 'true', 'rolled-back': 'false', 'previous-image': '' });
    expect(r.stdout).toMatch(/health: .* passed \(attempt 1/);
  });

  it('a new digest failing its check is rolled back: the previous digest is released again BY DIGEST and checked; exit 1, one line', async () => {
    const f = fakes();
    const name = `${ns}-rb`;
    const dir = workdir(yaml(name));
    f.setState('flyctl', { orgs: ['acme'] });
    const good = `${image.repo}@${image.digest}`;
    const bad = `${other.repo}@${other.digest}`;
    const check = `test "$FLY_IMAGE_REF" != '${bad}'`;
    expect((await act(dir, f, { image: image.repo, 'image-digest': image.digest }, '24')).code).toBe(0);
    f.clearCalls();
    const r = await act(dir, f, { image: other.repo, 'image-digest': other.digest, 'health-command': check, 'health-timeout': '3s' }, '20');
    expect(r.code).toBe(1);
    expect(calls(f, 'deploy').map((c) => flagValue(c.argv, '--image'))).toEqual([bad, good]);
    expect(f.state<FlyState>('flyctl').apps[name]!.machines[0]!.image_ref.digest).toBe(image.digest);
    expect(errorLines(r)).toHaveLength(1);
    expect(errorLines(r)[0]).toMatch(
      new RegExp(`failed its health check .* rolled back: ${good.replace(/[.]/g, '\\.')} runs now, healthy again`),
    );
    expect(r.outputs).toMatchObject({ 'rolled-back': 'true', 'previous-image': good, healthy: 'true' });
  });

  it('rollback: false leaves the failing digest running and says so; rolled-back=false, healthy=false', async () => {
    const f = fakes();
    const name = `${ns}-norb`;
    const dir = workdir(yaml(name));
    f.setState('flyctl', { orgs: ['acme'] });
    expect((await act(dir, f, { image: image.repo, 'image-digest': image.digest }, '24')).code).toBe(0);
    f.clearCalls();
    const r = await act(
      dir,
      f,
      { image: other.repo, 'image-digest': other.digest, 'health-command': 'exit 3', 'health-timeout': '4s', rollback: 'false' },
      '24',
    );
    expect(r.code).toBe(1);
    expect(calls(f, 'deploy')).toHaveLength(1);
    expect(r.stdout).toMatch(/health: `exit 3` in app .* failed \(attempt 1, .*\): exit code 3$/m); // the remote status, not flyctl's 1
    expect(errorLines(r)[0]).toMatch(/failed its health check .* it is left running \(rollback: false\)/);
    expect(r.outputs).toMatchObject({ 'rolled-back': 'false', healthy: 'false', 'previous-image': `${image.repo}@${image.digest}` });
  });

  it('health-url: a whole URL is checked from the runner; a path is refused before any flyctl call (the app serves SSH only)', async () => {
    const server = createServer((_, res) => res.writeHead(204).end());
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const port = (server.address() as AddressInfo).port;
    try {
      const f = fakes();
      f.setState('flyctl', { orgs: ['acme'] });
      const dir = workdir(yaml(`${ns}-hu`));
      const r = await act(
        dir,
        f,
        { image: image.repo, 'image-digest': image.digest, 'health-url': `http://127.0.0.1:${port}/healthz` },
        '24',
      );
      expect(r.code, r.stdout).toBe(0);
      expect(r.outputs.healthy).toBe('true');
      f.clearCalls();
      const path = await act(dir, f, { image: image.repo, 'image-digest': image.digest, 'health-url': '/healthz' }, '20');
      expect(path.code).toBe(1);
      expect(f.calls('flyctl')).toEqual([]);
      expect(errorLines(path)[0]).toMatch(/health-url \/healthz is a path.*SSH.*Fix: /);
    } finally {
      server.close();
    }
  });
});

describe('fly contract: secrets on disk, multi-line secrets, a silent failure (issue 20, classes 1, 3, 15)', () => {
  const PEM = [
    '-----BEGIN OPENSSH PRIVATE KEY-----',
    `b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW${Math.random().toString(36).slice(2)}`,
    'QyNTUxOQAAACDx0bM6nZ2+8o0pLQ4v7QmE1c3bX2r5Kk4n1s2H3j4k5wAAAJgAAAAAAAAA "quoted" #not-a-comment',
    '-----END OPENSSH PRIVATE KEY-----',
    '',
  ].join('\n');
  const secretYaml = (name: string) => yaml(name) + 'secrets:\n  - name: SSH_KEY\n    source: env\n    required: true\n';
  const sha16 = (v: string) => createHash('sha256').update(v).digest('hex').slice(0, 16);

  it('class 3: a PEM-shaped multi-line value arrives intact in Fly (the store holds the digest of exactly that value)', async () => {
    const f = fakes();
    const name = `${ns}-pem`;
    f.setState('flyctl', { orgs: ['acme'] });
    const r = await act(workdir(secretYaml(name)), f, { image: image.repo, 'image-digest': image.digest }, '24', {
      FLY_API_TOKEN: TOKEN,
      SSH_KEY: PEM,
    });
    expect(r.code, r.stdout).toBe(0);
    expect(f.state<FlyState>('flyctl').apps[name]!.secrets.SSH_KEY!.digest).toBe(sha16(PEM));
    for (const c of f.calls('flyctl')) expect(c.argv.join(' ')).not.toContain('PRIVATE KEY');
  });

  it('class 3: a value flyctl cannot carry (CRLF line ends) is refused by name before any flyctl call', async () => {
    const f = fakes();
    const dir = workdir(secretYaml(`${ns}-crlf`));
    const r = await act(dir, f, { image: image.repo, 'image-digest': image.digest }, '20', {
      FLY_API_TOKEN: TOKEN,
      SSH_KEY: PEM.replace(/\n/g, '\r\n'),
    });
    expect(r.code).toBe(1);
    expect(f.calls('flyctl')).toEqual([]);
    expect(errorLines(r)).toHaveLength(1);
    expect(errorLines(r)[0]).toMatch(
      /secret SSH_KEY cannot be handed to flyctl secrets import: its value contains a carriage return.*Fix: /,
    );
    expect(r.stdout.replace(/^::add-mask::.*$/gm, '')).not.toContain('PRIVATE KEY');
  });

  it('class 15: secrets import that fails printing nothing (flyctl exits 127 when interrupted) never says "read flyctl\'s output above"', async () => {
    const f = fakes();
    f.setState('flyctl', { orgs: ['acme'], interrupt: 'secrets import' });
    const r = await act(workdir(secretYaml(`${ns}-silent`)), f, { image: image.repo, 'image-digest': image.digest }, '24', {
      FLY_API_TOKEN: TOKEN,
      SSH_KEY: 'one-line',
    });
    expect(r.code).toBe(1);
    expect(errorLines(r)).toHaveLength(1);
    expect(errorLines(r)[0]).toMatch(
      /flyctl secrets import failed with exit code 127 and printed nothing.*Fix: flyctl exits 127 without a word when it is interrupted/,
    );
    expect(errorLines(r)[0]).not.toMatch(/output above/);
    expect(calls(f, 'deploy')).toHaveLength(0);
  });

  it('class 1: the WireGuard keys ssh console writes live in a registered folder under RUNNER_TEMP, removed when the run ends or is cancelled (else by the post step); the agent is stopped', async () => {
    const f = fakes();
    const name = `${ns}-wg`;
    const dir = workdir(yaml(name));
    f.setState('flyctl', { orgs: ['acme'] });
    const home = makeWorkdir('fly-home-', dirs, '');
    const env = { FLY_API_TOKEN: TOKEN, HOME: home };
    const done = await act(dir, f, { image: image.repo, 'image-digest': image.digest, 'health-command': 'true' }, '24', env);
    expect(done.code, done.stdout).toBe(0);
    const configDir = (c: FakeCall) => c.env.FLY_CONFIG_DIR!;
    const used = calls(f, 'ssh console').map(configDir);
    expect(used).toHaveLength(1);
    expect(existsSync(used[0]!)).toBe(false); // removed when the run ended
    expect(existsSync(join(home, '.fly'))).toBe(false); // never in HOME
    // the agent ssh console started (the token in its environment) is stopped, through the same folder
    expect(calls(f, 'agent stop').map(configDir)).toEqual(used);
    expect(f.state<{ agents: string[] }>('flyctl').agents).toEqual([]);
    expect(JSON.parse(done.state['temp-paths'] ?? '[]')).toEqual([]);

    f.clearCalls();
    const cancelled = await act(
      dir,
      f,
      { image: image.repo, 'image-digest': image.digest, 'health-command': 'exit 1', 'health-timeout': '90s', force: 'true' },
      '24',
      env,
      { cancelWhen: (out) => /health: .* failed \(attempt 1,/.test(out) },
    );
    expect(cancelled.code).not.toBe(0);
    const left = calls(f, 'ssh console').map(configDir)[0]!;
    expect(left).toMatch(/\/runner-temp\/sindri-flyctl-[^/]+$/); // under RUNNER_TEMP
    // the cancelled run removes it itself as it unwinds; if it could not, it is still registered for the post step
    if (existsSync(left)) expect(JSON.parse(cancelled.state['temp-paths']!)).toContain(left);
    const post = await act(dir, f, {}, '20', env, { state: cancelled.state });
    expect(post.code, post.stdout).toBe(0);
    expect(existsSync(left)).toBe(false);
    expect(existsSync(join(home, '.fly'))).toBe(false);
  });
});
