/**
 * Provider fly on the run's clock, CONTRACT (the flyctl stand-in on PATH, FlyProvider.apply called
 * directly with a Deadline of its own): flyctl deploy's `--wait-timeout` is what is left of the run at
 * the release, less the seconds flyctl needs to report a failed machine itself; with less than that
 * left, the run stops before the release with the timeout error naming it. Fly's rolling release
 * keeps the old machines when it fails, so no time is kept for a rollback.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { loadConfigText } from '../../src/config/load.js';
import { FlyProvider } from '../../src/providers/fly/provider.js';
import { pinnedDecision } from '../support/docker.js';
import { runParts } from '../support/exec.js';
import { installFakes, type Fakes } from '../support/fakes.js';
import { testInputs } from '../support/inputs.js';

const dirs: string[] = [];
const fakes: Fakes[] = [];
afterEach(() => vi.unstubAllEnvs());
afterAll(() => {
  dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
  fakes.forEach((f) => f.remove());
});

/** a deploy context for app `name` whose run has `ms` in all, with the stand-in on PATH */
function setUp(name: string, ms: number) {
  const f = installFakes(['flyctl']);
  fakes.push(f);
  f.setState('flyctl', { orgs: ['acme'] });
  vi.stubEnv('PATH', f.env.PATH!);
  vi.stubEnv('FAKE_STATE_DIR', f.env.FAKE_STATE_DIR!);
  vi.stubEnv('FLY_API_TOKEN', 'fo1_deadline');
  const dir = mkdtempSync(join(tmpdir(), 'fly-deadline-'));
  dirs.push(dir);
  const yaml = `version: "3.0"\nname: ${name}\ndeployment:\n  provider: fly\nextensions:\n  profile: minimal\nproviders:\n  fly:\n    region: ord\n    organization: acme\n`;
  writeFileSync(join(dir, 'sindri.yaml'), yaml);
  const { config } = loadConfigText(yaml, { file: 'sindri.yaml', path: join(dir, 'sindri.yaml'), dir, schema: false });
  const parts = runParts(ms);
  const ctx = {
    inputs: testInputs({ provider: 'fly', timeout: ms }),
    config,
    provider: 'fly' as const,
    workdir: dir,
    image: pinnedDecision('ghcr.io/o/x', '1', `sha256:${'e'.repeat(64)}`, 'input-digest'),
    ...parts,
  };
  const deploys = () => f.calls('flyctl').filter((c) => c.argv[0] === 'deploy');
  return { ctx, deploys, exec: parts.exec };
}

describe('fly contract: the release on the run clock', () => {
  it('--wait-timeout is what is left at the release less 15 s, never more', async () => {
    const { ctx, deploys } = setUp('deadline-wait', 90_000);
    const result = await new FlyProvider().apply(ctx);
    expect(result.skipped).toBe(false);
    const [deploy] = deploys();
    const wait = deploy!.argv[deploy!.argv.indexOf('--wait-timeout') + 1]!;
    expect(wait).toMatch(/^\d+s$/);
    const seconds = Number(wait.slice(0, -1));
    const elapsed = 90 - ctx.deadline.remaining() / 1000; // by now: at least what had passed at the release
    expect(seconds).toBeLessThanOrEqual(75); // 90 s less 15 s, less what the probes and set-up took
    expect(seconds).toBeGreaterThanOrEqual(Math.floor(75 - elapsed));
  });

  it('with less than 15 s left at the release, the run stops before flyctl deploy, naming it', async () => {
    const { ctx, deploys, exec } = setUp('deadline-short', 12_000);
    await expect(new FlyProvider().apply(ctx)).rejects.toThrow(
      /the run's timeout of 12 s ran out before flyctl deploy of deadline-short could wait for its machines/,
    );
    expect(deploys()).toEqual([]);
    expect(exec.history.map((c) => c.argv.slice(1, 3).join(' '))).toEqual([
      'status --app',
      'apps create',
      'volumes create',
      'ips allocate-v6',
    ]);
  });

  it('with a health check, rollback on and a release running, the rollout keeps the rollback reserve (a quarter of timeout)', async () => {
    const { ctx, deploys } = setUp('deadline-reserve', 120_000);
    await new FlyProvider().apply(ctx); // the first release: nothing to roll back to, the whole run
    const first = Number(deploys()[0]!.argv[deploys()[0]!.argv.indexOf('--wait-timeout') + 1]!.slice(0, -1));
    expect(first).toBeGreaterThan(90);
    const again = {
      ...ctx,
      inputs: { ...ctx.inputs, force: true, 'health-command': 'true' },
      ...runParts(120_000),
    };
    const result = await new FlyProvider().apply(again);
    expect(result).toMatchObject({ rolledBack: false, previousImage: `ghcr.io/o/x@sha256:${'e'.repeat(64)}` });
    expect(result.health?.healthy).toBe(true);
    const argv = deploys()[1]!.argv;
    const seconds = Number(argv[argv.indexOf('--wait-timeout') + 1]!.slice(0, -1));
    expect(seconds).toBeLessThanOrEqual(120 - 30 - 15); // the reserve of a 2 min run is 30 s
    expect(seconds).toBeGreaterThan(60);
  });
});
