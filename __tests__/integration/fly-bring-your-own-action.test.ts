/**
 * A user's fly.toml and providers.fly.strategy through the action itself (`node dist/index.js`), with
 * the flyctl CONTRACT stand-in on PATH and the REAL registry at 127.0.0.1:5000 for the digest (ADR
 * 0039): plan shows the merged fly.sindri.toml and which keys ours set, runs only flyctl status and writes
 * nothing; deploy gives flyctl the merged copy (parsed back from what the stand-in read) with
 * `--strategy`; destroy removes the copy and leaves the user's file as it was.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'smol-toml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAction, type ActionRun } from '../support/action.js';
import { cleanup, imagesOf, pushTestBase, REGISTRY, removeLabelledImages, requireServices, uniqueName } from '../support/docker.js';
import { installFakes, type Fakes } from '../support/fakes.js';
import { makeWorkdir } from '../support/workdir.js';

const ns = uniqueName('flybyo');
const dirs: string[] = [];
const fakeSets: Fakes[] = [];
let image: { repo: string; digest: string };
const TOKEN = `fo1_${Math.random().toString(36).slice(2)}`;

const THEIRS = `app = "theirs"
primary_region = "lhr"
kill_signal = "SIGINT"

[deploy]
  strategy = "rolling"
  release_command = "true"

[env]
  LOG_LEVEL = "debug"

[[mounts]]
  source = "data"
  destination = "/data"
`;

const yaml = (name: string) =>
  `version: "3.0"\nname: ${name}\ndeployment:\n  provider: fly\nextensions:\n  profile: minimal\nproviders:\n  fly:\n    region: ord\n    organization: acme\n    strategy: immediate\n`;

function act(dir: string, f: Fakes, inputs: Record<string, string>): Promise<ActionRun> {
  return runAction({
    inputs: { timeout: '2m', image: image.repo, 'image-digest': image.digest, ...inputs },
    cwd: dir,
    node: '24',
    env: { ...f.env, FLY_API_TOKEN: TOKEN },
    timeoutMs: 120_000,
  });
}

beforeAll(async () => {
  await requireServices();
  const pushed = await pushTestBase(`${ns}/app`, ns);
  image = { repo: pushed.repo, digest: pushed.digest };
}, 180_000);

afterAll(async () => {
  await cleanup({ images: await imagesOf(`${REGISTRY}/${ns}/app`) });
  await removeLabelledImages(ns);
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  for (const f of fakeSets) f.remove();
}, 120_000);

describe('fly contract: a user fly.toml and the strategy, through node dist/index.js', () => {
  it('plan shows the merge and --strategy, runs only flyctl status; deploy gives flyctl the merged copy; destroy leaves theirs', async () => {
    const f = installFakes(['flyctl']);
    fakeSets.push(f);
    f.setState('flyctl', { orgs: ['acme'] });
    const name = `${ns}-app`;
    const dir = makeWorkdir('fly-byo-action-', dirs, yaml(name), { 'fly.toml': THEIRS });

    const plan = await act(dir, f, { mode: 'plan' });
    expect(plan.code, plan.stdout).toBe(0);
    // the plan's one live read (ADR 0042), nothing that changes Fly
    expect(f.calls('flyctl').map((c) => c.argv)).toEqual([['status', '--app', name, '--json']]);
    expect(plan.stdout).toContain('fly.toml (yours) is the base of fly.sindri.toml, which flyctl is given; yours is not changed');
    expect(plan.stdout).toContain('Set over yours: app, primary_region, mounts, deploy.strategy');
    expect(plan.stdout).toContain('kill_signal');
    expect(plan.stdout).toMatch(/would run: flyctl deploy --config fly\.sindri\.toml .*--strategy immediate/);
    expect(existsSync(join(dir, 'fly.sindri.toml'))).toBe(false);

    const deploy = await act(dir, f, {});
    expect(deploy.code, deploy.stdout).toBe(0);
    const [release] = f.calls('flyctl').filter((c) => c.argv[0] === 'deploy');
    expect(release!.argv[release!.argv.indexOf('--strategy') + 1]).toBe('immediate');
    const { deploys } = f.state<{ deploys: { config: string; strategy: string }[] }>('flyctl');
    expect(deploys).toEqual([{ app: name, config: join(dir, 'fly.sindri.toml'), strategy: 'immediate' }]);
    const given = parse(readFileSync(deploys[0]!.config, 'utf8')) as { app: string; deploy: unknown; mounts: unknown[]; env: object };
    expect(given.app).toBe(name);
    expect(given.deploy).toEqual({ strategy: 'immediate', release_command: 'true' });
    expect(given.mounts).toHaveLength(1);
    expect(given.env).toMatchObject({ LOG_LEVEL: 'debug' });
    expect(readFileSync(join(dir, 'fly.toml'), 'utf8')).toBe(THEIRS);

    const destroy = await act(dir, f, { mode: 'destroy' });
    expect(destroy.code, destroy.stdout).toBe(0);
    expect(existsSync(join(dir, 'fly.sindri.toml'))).toBe(false);
    expect(readFileSync(join(dir, 'fly.toml'), 'utf8')).toBe(THEIRS);
  }, 240_000);
});
