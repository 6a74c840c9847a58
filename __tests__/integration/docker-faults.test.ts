/**
 * Issue 20 on the docker provider, through the action as the runner runs it (`node dist/index.js`) on
 * the REAL Docker engine and the REAL registry at 127.0.0.1:5000:
 * - class 1: the env file holding the secrets lives under RUNNER_TEMP, registered before it is
 *   written; a run cancelled (SIGINT) while compose starts the container leaves it, the post step removes it;
 * - class 3: a PEM-shaped multi-line secret arrives in the container byte for byte (read with docker exec);
 * - class 11: destroy with another name-suffix leaves the live deployment and its compose file alone;
 * - class 13: two deploys of one target at once — the second says in one line that another deploy
 *   holds the target's lock, and changes nothing; the first completes (docs/adr/0028-*.md).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAction, type ActionRun } from '../support/action.js';
import {
  buildImage,
  cleanup,
  containerInspect,
  containersByName,
  docker,
  imagesOf,
  pushImage,
  pushTestBase,
  REGISTRY,
  removeLabelledImages,
  requireServices,
  TEST_LABEL,
  testDockerfile,
  uniqueName,
} from '../support/docker.js';
import { makeWorkdir } from '../support/workdir.js';

const ns = uniqueName('wb-docker-faults');
const name = `${ns}-app`;
const LOCK = `${name}.sindri-lock`;
const dirs: string[] = [];
let dir: string;
let app: { repo: string; good: string; goodId: string; slow: string; slowId: string };
const SECRET = `faults-s3cr3t-${Math.random().toString(36).slice(2)}`;
/** PEM-shaped: header, 64-column base64 lines with + / =, a short last line, footer, final new line */
const PEM = [
  '-----BEGIN PRIVATE KEY-----',
  'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7+/ab$HOME"\'\\x',
  `${Buffer.from(SECRET).toString('base64')}+/==`,
  '-----END PRIVATE KEY-----',
  '',
].join('\n');

function act(
  inputs: Record<string, string>,
  more: { env?: Record<string, string>; cancelWhen?: (stdout: string) => boolean } = {},
): Promise<ActionRun> {
  return runAction({
    inputs: { timeout: '90s', ...inputs },
    cwd: dir,
    node: '24',
    env: { API_TOKEN: SECRET, TLS_KEY: PEM, ...more.env },
    timeoutMs: 240_000,
    cancelWhen: more.cancelWhen,
  });
}
const errorLines = (r: ActionRun) => r.stdout.split('\n').filter((l) => l.startsWith('::error'));
const lockExists = () => spawnSync('docker', ['container', 'inspect', LOCK], { stdio: 'ignore' }).status === 0;

beforeAll(async () => {
  await requireServices();
  const base = await pushTestBase(`${ns}/base`, ns);
  const goodId = await buildImage(`${ns}-app:good`, testDockerfile(base.ref, { extra: `LABEL ${TEST_LABEL}=${ns}\nLABEL version=good` }));
  // ready about 12 s after start: long enough to cancel a run, or to start a second one, while compose waits
  const slowId = await buildImage(
    `${ns}-app:slow`,
    testDockerfile(base.ref, {
      healthcheck: false,
      extra: `HEALTHCHECK --interval=1s --timeout=2s --retries=60 CMD ["test", "-f", "/tmp/ok"]\nLABEL ${TEST_LABEL}=${ns}\nLABEL version=slow`,
      cmd: ['sh', '-c', "trap 'exit 0' TERM; sleep 12 & wait; touch /tmp/ok; sleep 86400 & wait"],
    }),
  );
  const good = await pushImage(`${ns}-app:good`, `${ns}/app`, 'good');
  const slow = await pushImage(`${ns}-app:slow`, `${ns}/app`, 'slow');
  app = { repo: good.repo, good: good.digest, goodId, slow: slow.digest, slowId };
  dir = makeWorkdir(
    'docker-faults-',
    dirs,
    [
      'version: "3.0"',
      `name: ${name}`,
      'deployment:',
      '  provider: docker',
      `  image: ${app.repo}@${app.good}`,
      'extensions:',
      '  profile: minimal',
      'secrets:',
      '  - name: API_TOKEN',
      '    source: env',
      '    required: true',
      '  - name: TLS_KEY',
      '    source: env',
      '    required: true',
      'providers:',
      '  docker:',
      '    network: host',
      '',
    ].join('\n'),
  );
}, 240_000);

afterAll(async () => {
  const suffixed = `${name}-pr-9`;
  await cleanup({
    containers: [name, LOCK, suffixed],
    projects: [`sindri-${name}`, `sindri-${suffixed}`],
    volumes: [`${name}_home`, `${suffixed}_home`],
  });
  await cleanup({ images: [...(await imagesOf(`${REGISTRY}/${ns}/app`)), ...(await imagesOf(`${REGISTRY}/${ns}/base`))] });
  await removeLabelledImages(ns);
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
}, 240_000);

describe('docker faults through the action (real engine, real registry)', () => {
  it('class 3: a PEM-shaped multi-line secret arrives in the container byte for byte', async () => {
    const r = await act({});
    expect(r.code, r.stdout).toBe(0);
    const inside = await docker(['exec', name, '/bin/sh', '-c', 'printf %s "$TLS_KEY" | base64 | tr -d "\\n"']);
    expect(Buffer.from(inside, 'base64').toString('utf8')).toBe(PEM);
    expect((await containerInspect(name))?.Config.Env).toContain(`API_TOKEN=${SECRET}`);
    // and nowhere in the working directory
    expect(existsSync(join(dir, '.sindri-secrets.env'))).toBe(false);
    expect(readFileSync(join(dir, 'sindri-compose.yml'), 'utf8')).not.toContain(SECRET);
  });

  it('class 1: cancelled (SIGINT) while compose starts the container, the env file is under RUNNER_TEMP and the post step removes it', async () => {
    const runnerTemp = mkdtempSync(join(tmpdir(), 'wb-docker-runner-temp-'));
    dirs.push(runnerTemp);
    const r = await act(
      { image: app.repo, 'image-digest': app.slow },
      { env: { RUNNER_TEMP: runnerTemp }, cancelWhen: (out) => /\$ docker compose .* up -d --wait/.test(out) },
    );
    expect(r.code, r.stdout).not.toBe(0);
    const temps = JSON.parse(r.state['temp-paths'] ?? '[]') as string[];
    const envDirs = temps.filter((p) => p.startsWith(join(runnerTemp, 'sindri-docker-env-')));
    expect(envDirs, JSON.stringify(r.state)).toHaveLength(1);
    const file = join(envDirs[0]!, '.sindri-secrets.env');
    // the cancel left it, holding the secret: exactly what the post step is for
    expect(readFileSync(file, 'utf8')).toContain(`API_TOKEN="${SECRET}"`);
    const post = await runAction({ inputs: {}, cwd: dir, node: '24', state: r.state, env: { RUNNER_TEMP: runnerTemp }, timeoutMs: 60_000 });
    expect(post.code, post.stdout).toBe(0);
    expect(existsSync(envDirs[0]!)).toBe(false);
    // the cancelled run could not release its deploy lock: the next deploy takes it over (its holder is gone)
    expect(lockExists()).toBe(true);
  });

  it('class 11: destroy with another name-suffix leaves the live deployment and its compose file alone', async () => {
    // force: never skipped, so it takes the lock the cancelled run left (its holder is gone)
    const r = await act({ force: 'true' });
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toContain(`the deploy lock ${LOCK} was left by a run that has ended (its process is gone): taking it over`);
    expect(lockExists()).toBe(false);
    const compose = readFileSync(join(dir, 'sindri-compose.yml'), 'utf8');
    const other = await act({ mode: 'destroy', 'name-suffix': 'pr-9' });
    expect(other.code, other.stdout).toBe(0);
    expect((await containersByName(name)).map((c) => c.state)).toEqual(['running']);
    expect(readFileSync(join(dir, 'sindri-compose.yml'), 'utf8')).toBe(compose);
  });

  it('class 13: two deploys of one target at once — the second says another deploy holds the lock and changes nothing', async () => {
    expect(lockExists()).toBe(false);
    const first = act({ image: app.repo, 'image-digest': app.slow });
    // the first holds the lock while compose waits for its slow container
    const t0 = Date.now();
    while (!lockExists()) {
      if (Date.now() - t0 > 60_000) throw new Error('the first deploy never took the lock');
      await new Promise((res) => setTimeout(res, 100));
    }
    const second = await act({ image: app.repo, 'image-digest': app.good, force: 'true' });
    const a = await first;
    expect(second.code, second.stdout).toBe(1);
    const errors = errorLines(second);
    expect(errors, second.stdout).toHaveLength(1);
    expect(errors[0]).toMatch(new RegExp(`another deploy of ${name} is under way .*; nothing was changed by this run`));
    expect(second.stdout).not.toMatch(/\$ docker compose .* up /);
    expect(a.code, a.stdout).toBe(0);
    expect((await containerInspect(name))?.Image).toBe(app.slowId);
    // released at the end
    expect(lockExists()).toBe(false);
  });
});
