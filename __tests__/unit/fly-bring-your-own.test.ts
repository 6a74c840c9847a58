/**
 * Provider fly, "bring your own" (ADR 0039): a user's fly.toml as the base of the generated
 * fly.sindri.toml (ours merged over theirs, theirs untouched, parsed back with smol-toml), and the
 * release strategy (`providers.fly.strategy`). Pure parts first; then CONTRACT tests with
 * FlyProvider.apply called directly and the flyctl stand-in on PATH, which checks the file it is
 * given as flyctl's appconfig validation does (the strategy, one mount) and records it.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'smol-toml';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { loadConfigText } from '../../src/config/load.js';
import type { Inputs } from '../../src/inputs.js';
import { mergeToml, parseBaseToml } from '../../src/providers/fly/fly-toml.js';
import { FlyProvider } from '../../src/providers/fly/provider.js';
import { flySettings } from '../../src/providers/fly/settings.js';
import { flySteps, flyTarget } from '../../src/providers/fly/steps.js';
import { captured } from '../support/captured.js';
import { pinnedDecision } from '../support/docker.js';
import { runParts } from '../support/exec.js';
import { installFakes, type Fakes } from '../support/fakes.js';
import { testInputs } from '../support/inputs.js';

/** the keys of a merged copy these tests read */
interface MergedToml {
  app: string;
  primary_region: string;
  kill_signal: string;
  deploy: Record<string, unknown>;
  mounts: Record<string, unknown>[];
  vm: Record<string, unknown>[];
  env: Record<string, string>;
  services: { internal_port: number; ports: unknown[] }[];
  build: Record<string, unknown>;
  checks: Record<string, Record<string, unknown>>;
}

const dirs: string[] = [];
const fakeSets: Fakes[] = [];
afterEach(() => vi.unstubAllEnvs());
afterAll(() => {
  dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
  fakeSets.forEach((f) => f.remove());
});

/** the user's own fly.toml, as flyctl launch writes one, with a mount and a service of its own */
const THEIRS = `# my app
app = "someone-elses-name"
primary_region = "lhr"
kill_signal = "SIGINT"

[build]
  dockerfile = "Dockerfile.fly"

[deploy]
  strategy = "immediate"
  release_command = "true"

[env]
  TZ = "Europe/London"
  LOG_LEVEL = "debug"
  API_TOKEN = "left-here-by-mistake"

[[mounts]]
  source = "data"
  destination = "/data"

[[services]]
  protocol = "tcp"
  internal_port = 2222
  [[services.ports]]
    port = 22

[[services]]
  protocol = "tcp"
  internal_port = 8080
  [[services.ports]]
    port = 443
    handlers = ["tls", "http"]

[checks]
  [checks.alive]
    type = "tcp"
    port = 8080
    interval = "15s"
    timeout = "2s"
`;

function repo(name: string, fly: string, files: Record<string, string> = {}, secrets = '') {
  const dir = mkdtempSync(join(tmpdir(), 'fly-byo-'));
  dirs.push(dir);
  const yaml = `version: "3.0"\nname: ${name}\ndeployment:\n  provider: fly\nextensions:\n  profile: minimal\n${secrets}providers:\n  fly:\n    region: ord\n    organization: acme\n${fly}`;
  writeFileSync(join(dir, 'sindri.yaml'), yaml);
  for (const [p, c] of Object.entries(files)) writeFileSync(join(dir, p), c);
  const { config } = loadConfigText(yaml, { file: 'sindri.yaml', path: join(dir, 'sindri.yaml'), dir, schema: false });
  return { dir, config };
}

function ctxOf(r: ReturnType<typeof repo>, inputs: Partial<Inputs> = {}) {
  const all = testInputs({ provider: 'fly', ...inputs });
  return {
    inputs: all,
    config: r.config,
    provider: 'fly' as const,
    workdir: r.dir,
    image: pinnedDecision('ghcr.io/o/x', '1', `sha256:${'c'.repeat(64)}`, 'input-digest'),
    ...runParts(all.timeout),
  };
}

describe('a fly.toml of the user: the base of fly.sindri.toml', () => {
  it('ours over theirs key by key, theirs kept otherwise; parsed back; the plan says which keys', () => {
    const r = repo('byo-plan', '', { 'fly.toml': THEIRS }, 'secrets:\n  - name: API_TOKEN\n    source: env\n');
    const target = flyTarget(ctxOf(r), ['API_TOKEN']);
    expect(target.tomlPath).toBe('fly.sindri.toml');
    expect(target.basePath).toBe('fly.toml');
    const doc = parse(target.toml.text) as unknown as MergedToml;
    // ours
    expect(doc.app).toBe('byo-plan');
    expect(doc.primary_region).toBe('ord');
    expect(doc.deploy).toEqual({ strategy: 'rolling', release_command: 'true' });
    expect(doc.mounts).toEqual([expect.objectContaining({ source: 'home_data', destination: '/alt/home/developer' })]);
    expect(doc.vm).toEqual([{ cpu_kind: 'shared', cpus: 2, memory: '2048mb' }]);
    expect(doc.env).toMatchObject({ TZ: 'UTC', DEV_USER: 'developer', LOG_LEVEL: 'debug' });
    expect(doc.env.API_TOKEN).toBeUndefined();
    // the SSH service is ours; their HTTP service stays, after it
    expect(doc.services.map((s: { internal_port: number }) => s.internal_port)).toEqual([8080, 2222]);
    expect(doc.services[1]!.ports).toEqual([{ port: 10022 }]);
    // theirs
    expect(doc.kill_signal).toBe('SIGINT');
    expect(doc.build).toEqual({ dockerfile: 'Dockerfile.fly' });
    expect(doc.checks.alive).toMatchObject({ type: 'tcp', port: 8080 });
    expect(target.toml.merge).toEqual({
      set: ['app', 'primary_region', 'mounts', 'deploy.strategy', 'env.TZ', 'services (internal_port 2222)'],
      kept: ['kill_signal', 'build', 'deploy', 'checks', 'services (1 of yours)', 'env (your other keys)'],
    });
    expect(target.toml.text.split('\n')[0]).toBe(
      '# generated by sindri/deploy-action from sindri.yaml over fly.toml: edit those, not this file',
    );
    const steps = flySteps(ctxOf(r), target, { waitSeconds: 60 });
    expect(steps.files).toEqual([{ path: 'fly.sindri.toml', content: target.toml.text }]);
    const note = steps.notes.find((n) => n.startsWith('fly.toml (yours)'))!;
    expect(note).toContain('fly.toml (yours) is the base of fly.sindri.toml, which flyctl is given; yours is not changed');
    expect(note).toContain('Set over yours: app, primary_region, mounts, deploy.strategy, env.TZ, services (internal_port 2222)');
    expect(steps.notes).toContain('[env] API_TOKEN left out of the merged copy: it is a secret, set with flyctl secrets import');
    const deploy = steps.commands.find((c) => c.argv[1] === 'deploy')!;
    expect(deploy.argv.slice(0, 4)).toEqual(['flyctl', 'deploy', '--config', 'fly.sindri.toml']);
  });

  it('a fly.toml this action wrote is not a base; a fly.toml TOML cannot read fails at its line', () => {
    const ours = repo('byo-ours', '');
    const first = flyTarget(ctxOf(ours), []);
    writeFileSync(join(ours.dir, 'fly.toml'), first.toml.text);
    expect(flyTarget(ctxOf(ours), []).tomlPath).toBe('fly.toml');
    const bad = repo('byo-bad', '', { 'fly.toml': 'app = "x"\n[env\nA = 1\n' });
    expect(() => flyTarget(ctxOf(bad), [])).toThrow(
      expect.objectContaining({
        message: expect.stringMatching(/^fly\.toml is not valid TOML: /),
        where: expect.objectContaining({ file: 'fly.toml', line: 2 }),
      }),
    );
    expect(parseBaseToml('fly.toml', 'app = "x"\n').doc).toEqual({ app: 'x' });
  });

  it('mergeToml leaves the base object untouched and says nothing was set when theirs agreed', () => {
    const theirs = { app: 'a', env: { TZ: 'UTC' } };
    const copy = structuredClone(theirs);
    const ours = { app: 'a', deploy: { strategy: 'rolling' }, env: { TZ: 'UTC' }, services: [{ internal_port: 2222 }] };
    const m = mergeToml(theirs, ours, []);
    expect(theirs).toEqual(copy);
    expect(m.set).toEqual([]);
    expect(m.doc).toMatchObject({ app: 'a', deploy: { strategy: 'rolling' }, services: [{ internal_port: 2222 }] });
  });
});

describe('providers.fly.strategy', () => {
  it.each(['rolling', 'immediate', 'bluegreen'] as const)('%s: [deploy] strategy and --strategy, said in the plan', (strategy) => {
    const r = repo(`strat-${strategy}`, `    strategy: ${strategy}\n`);
    const ctx = ctxOf(r, { 'health-command': 'true' });
    const target = flyTarget(ctx, []);
    expect((parse(target.toml.text) as { deploy: unknown }).deploy).toEqual({ strategy });
    const steps = flySteps(ctx, target, { waitSeconds: 60 });
    const argv = steps.commands.find((c) => c.argv[1] === 'deploy')!.argv;
    expect(argv[argv.indexOf('--strategy') + 1]).toBe(strategy);
    expect(steps.commands.find((c) => c.argv[1] === 'deploy')!.why).toContain(`a ${strategy} release of`);
    expect(steps.notes.find((n) => n.startsWith(`strategy ${strategy}`))).toBeDefined();
  });

  it('default rolling; canary refused at its line (flyctl refuses it with the mounted home volume); an unknown one too', () => {
    expect(flySettings(repo('s-default', '').config).strategy).toBe('rolling');
    expect(() => flySettings(repo('s-canary', '    strategy: canary\n').config)).toThrow(
      expect.objectContaining({
        message: expect.stringContaining('flyctl refuses canary for an app with a mounted volume'),
        where: expect.objectContaining({ field: 'providers.fly.strategy', line: 11 }),
      }),
    );
    expect(() => flySettings(repo('s-other', '    strategy: blue-green\n').config)).toThrow(
      expect.objectContaining({ message: 'invalid value "blue-green"', fix: 'use one of rolling, immediate, canary, bluegreen' }),
    );
  });

  it('bluegreen without a health check is refused clearly; a path health-url is not one (Fly serves SSH only)', () => {
    const r = repo('s-bg', '    strategy: bluegreen\n');
    for (const inputs of [{}, { 'health-url': '/healthz' }])
      expect(() => flyTarget(ctxOf(r, inputs), [])).toThrow(
        expect.objectContaining({ message: 'providers.fly.strategy bluegreen needs a health check, and none is given' }),
      );
    expect(flyTarget(ctxOf(r, { 'health-url': 'https://example.test/ok' }), []).settings.strategy).toBe('bluegreen');
  });
});

/** the stand-in on PATH, a token, and org acme */
function standIn(): Fakes {
  const f = installFakes(['flyctl']);
  fakeSets.push(f);
  f.setState('flyctl', { orgs: ['acme'] });
  vi.stubEnv('PATH', f.env.PATH!);
  vi.stubEnv('FAKE_STATE_DIR', f.env.FAKE_STATE_DIR!);
  vi.stubEnv('FLY_API_TOKEN', 'fo1_byo');
  return f;
}

interface Recorded {
  deploys: { app: string; config: string; strategy: string }[];
  apps: Record<string, { releases: { DeploymentStrategy: string }[] }>;
}

describe('fly contract: a user fly.toml and the strategy through the flyctl stand-in', () => {
  it('the merged copy is what flyctl reads (one mount: flyctl refuses two), theirs is byte for byte unchanged; destroy removes only ours', async () => {
    const f = standIn();
    const r = repo('byo-apply', '', { 'fly.toml': THEIRS });
    const provider = new FlyProvider();
    const out = await captured(() => provider.apply(ctxOf(r)));
    expect(out.error, out.out).toBeUndefined();
    const state = f.state<Recorded>('flyctl');
    expect(state.deploys).toEqual([{ app: 'byo-apply', config: join(r.dir, 'fly.sindri.toml'), strategy: 'rolling' }]);
    const given = parse(readFileSync(state.deploys[0]!.config, 'utf8')) as unknown as MergedToml;
    expect(given.mounts).toHaveLength(1);
    expect(given.kill_signal).toBe('SIGINT');
    expect(readFileSync(join(r.dir, 'fly.toml'), 'utf8')).toBe(THEIRS);
    expect(out.out).toContain('fly.sindri.toml written over fly.toml (yours, unchanged)');
    const gone = await captured(() => provider.destroy(ctxOf(r)));
    expect(gone.value!.removed).toEqual(['app byo-apply (its machines, volumes, secrets and IPs)', 'file fly.sindri.toml']);
    expect(existsSync(join(r.dir, 'fly.sindri.toml'))).toBe(false);
    expect(readFileSync(join(r.dir, 'fly.toml'), 'utf8')).toBe(THEIRS);
  }, 60_000);

  it('the stand-in refuses a file with two mounts, as flyctl does (what an unmerged copy would meet)', async () => {
    const f = standIn();
    const r = repo('byo-two', '', { 'fly.toml': THEIRS });
    const ctx = ctxOf(r);
    const target = flyTarget(ctx, []);
    const doc = parse(target.toml.text) as Record<string, unknown>;
    (doc.mounts as unknown[]).push({ source: 'data', destination: '/data' });
    const { stringify } = await import('smol-toml');
    writeFileSync(join(r.dir, 'two.toml'), stringify(doc));
    f.setState('flyctl', {
      orgs: ['acme'],
      apps: { 'byo-two': { org: 'acme', deployed: false, version: 0, machines: [], volumes: [], secrets: {}, ips: [], releases: [] } },
    });
    const { Flyctl } = await import('../../src/external/flyctl.js');
    const res = await new Flyctl(ctx.exec, r.dir).deploy(
      {
        app: 'byo-two',
        config: 'two.toml',
        image: `ghcr.io/o/x@sha256:${'c'.repeat(64)}`,
        waitTimeoutSeconds: 60,
        highAvailability: false,
        strategy: 'rolling',
        env: {},
      },
      { cwd: r.dir, timeoutMs: 30_000 },
    );
    expect(res.code).toBe(1);
    expect(res.message).toContain('App configuration is not valid');
  }, 60_000);

  it.each(['immediate', 'bluegreen'] as const)(
    '%s: flyctl deploy --strategy with it, released with it; a redeploy of a new digest too',
    async (strategy) => {
      const f = standIn();
      const r = repo(`strat-${strategy}`, `    strategy: ${strategy}\n`);
      const provider = new FlyProvider();
      const first = await captured(() => provider.apply(ctxOf(r, { 'health-command': 'true' })));
      expect(first.error, first.out).toBeUndefined();
      // the second release replaces a machine: bluegreen's check precondition (the TCP check on sshd) is met
      const next = {
        ...ctxOf(r, { 'health-command': 'true' }),
        image: pinnedDecision('ghcr.io/o/x', '2', `sha256:${'d'.repeat(64)}`, 'input-digest'),
      };
      const second = await captured(() => provider.apply(next));
      expect(second.error, second.out).toBeUndefined();
      const deploys = f.calls('flyctl').filter((c) => c.argv[0] === 'deploy');
      expect(deploys).toHaveLength(2);
      for (const d of deploys) expect(d.argv[d.argv.indexOf('--strategy') + 1]).toBe(strategy);
      const state = f.state<Recorded>('flyctl');
      expect(state.apps[`strat-${strategy}`]!.releases.map((x) => x.DeploymentStrategy)).toEqual([strategy, strategy]);
    },
    60_000,
  );

  it('bluegreen without a health check: refused before any flyctl call', async () => {
    const f = standIn();
    const r = repo('bg-nocheck', '    strategy: bluegreen\n');
    const out = await captured(() => new FlyProvider().apply(ctxOf(r)));
    expect(out.error).toMatchObject({ message: 'providers.fly.strategy bluegreen needs a health check, and none is given' });
    expect(f.calls('flyctl')).toEqual([]);
  }, 30_000);
});
