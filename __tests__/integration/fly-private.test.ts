/**
 * Issue 26 through the action itself (`node dist/index.js`): a private image reaches Fly by the same
 * digest. The source is the REAL htpasswd registry (:5001), the target the REAL registry.fly.io
 * stand-in (:5004, token auth, user `x` + the Fly token; FLY_REGISTRY_HOST points flyctl's
 * convention at it), and flyctl is the CONTRACT stand-in (it records the argv; it cannot pull). The
 * copy is checked from the outside: the target's manifest bytes and every blob fetched and hashed here.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAction, type ActionRun } from '../support/action.js';
import { cleanup, imagesOf, pushTestBase, REGISTRY, removeLabelledImages, uniqueName } from '../support/docker.js';
import { installFakes, type Fakes } from '../support/fakes.js';
import {
  fetchBlob,
  fetchManifest,
  FLY_TEST_TOKEN,
  FLY_TOKEN_SERVER,
  pushLayered,
  REGISTRY_BASIC,
  REGISTRY_FLY,
  requireService,
  sha256Digest,
  TEST_PASS,
  TEST_USER,
  type PushTarget,
} from '../support/registry.js';
import { makeWorkdir } from '../support/workdir.js';

const ns = uniqueName('fly-priv');
const dirs: string[] = [];
const f: Fakes = installFakes(['flyctl']);
const KiB = 1024;
const source: PushTarget = { host: REGISTRY_BASIC, repository: `${ns}/src`, auth: { username: TEST_USER, password: TEST_PASS } };
const flyRepo = (app: string): PushTarget => ({ host: REGISTRY_FLY, repository: app, auth: { username: 'x', password: FLY_TEST_TOKEN } });
let priv: { digest: string; blobs: { digest: string; size: number }[] };
let pub: { repo: string; digest: string };

const yaml = (name: string) =>
  `version: "3.0"\nname: ${name}\ndeployment:\n  provider: fly\nextensions:\n  profile: minimal\nproviders:\n  fly:\n    region: ord\n    organization: acme\n`;
const privateInputs = () => ({
  image: `${REGISTRY_BASIC}/${source.repository}`,
  'image-digest': priv.digest,
  'registry-username': TEST_USER,
  'registry-password': TEST_PASS,
});

function act(dir: string, inputs: Record<string, string>, env: Record<string, string> = {}): Promise<ActionRun> {
  return runAction({
    inputs: { timeout: '2m', ...inputs },
    cwd: dir,
    env: { ...f.env, FLY_API_TOKEN: `FlyV1 ${FLY_TEST_TOKEN}`, FLY_REGISTRY_HOST: REGISTRY_FLY, ...env },
    timeoutMs: 120_000,
  });
}

const deploys = () => f.calls('flyctl').filter((c) => c.argv[0] === 'deploy');
const flag = (argv: string[], name: string) => argv[argv.indexOf(name) + 1];
const resultOf = (r: ActionRun) =>
  JSON.parse(r.outputs.result!) as { trace: { source: string; reason: string }[]; extra?: Record<string, string> };

/** The target holds exactly these bytes: the manifest hashed to the digest, every blob hashed to its own. */
async function expectCopied(app: string, digest: string, blobs: { digest: string; size: number }[]): Promise<void> {
  const bytes = await fetchManifest(flyRepo(app), digest);
  expect(bytes, `${REGISTRY_FLY}/${app}@${digest}`).toBeDefined();
  expect(sha256Digest(bytes!)).toBe(digest);
  for (const b of blobs) {
    const got = await fetchBlob(flyRepo(app), b.digest);
    expect(got?.length).toBe(b.size);
    expect(sha256Digest(got!)).toBe(b.digest);
  }
}

/** Every secret is masked before anything else prints it: only ::add-mask:: lines hold it, and no flyctl argv or stdin. */
function expectNoSecrets(r: ActionRun, dir: string): void {
  for (const secret of [TEST_PASS, FLY_TEST_TOKEN, ...FLY_TEST_TOKEN.split(',')]) {
    const lines = `${r.stdout}\n${r.stderr}`.split('\n');
    expect(lines.filter((l) => l.includes(secret) && !l.startsWith('::add-mask::'))).toEqual([]);
    expect(JSON.stringify(r.outputs)).not.toContain(secret);
    expect(r.summary).not.toContain(secret);
    for (const c of f.calls('flyctl')) expect(`${c.argv.join(' ')}\n${c.stdin}`).not.toContain(secret);
    for (const file of readdirSync(dir)) expect(readFileSync(join(dir, file), 'utf8')).not.toContain(secret);
  }
}

beforeAll(async () => {
  await requireService(`http://${REGISTRY_BASIC}/v2/`, [401]);
  await requireService(`http://${REGISTRY_FLY}/v2/`, [401]);
  await requireService(`http://${FLY_TOKEN_SERVER}/token?service=fly-registry`, [200]);
  priv = await pushLayered(source, '1.0', { layers: 3, layerBytes: 64 * KiB, seed: ns });
  const pushed = await pushTestBase(`${ns}/public`, ns);
  pub = { repo: pushed.repo, digest: pushed.digest };
}, 180_000);

afterAll(async () => {
  await cleanup({ images: await imagesOf(`${REGISTRY}/${ns}/public`) });
  await removeLabelledImages(ns);
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  f.remove();
}, 120_000);

describe('fly contract: a private image is copied to the Fly registry and deployed by the same digest', () => {
  const app = `${ns}-app`;
  let dir: string;

  it('plan: says the image is private and that deploy copies it; the deploy argv names the Fly registry; nothing is copied', async () => {
    dir = makeWorkdir('fly-private-', dirs, yaml(app));
    const r = await act(dir, { ...privateInputs(), mode: 'plan' });
    expect(r.code, r.stdout).toBe(0);
    // the plan's one live read (ADR 0042), nothing that changes Fly
    expect(f.calls('flyctl').map((c) => c.argv)).toEqual([['status', '--app', app, '--json']]);
    expect(r.stdout).toContain(
      `${REGISTRY_BASIC}/${source.repository}@${priv.digest} is private (opened with input registry-username/registry-password) and Fly pulls only from its own registry or public ones: deploy first copies it byte for byte to ${REGISTRY_FLY}/${app}`,
    );
    expect(r.stdout).toMatch(new RegExp(`would run: flyctl deploy .*--image ${REGISTRY_FLY.replace(/\./g, '\\.')}/${app}@${priv.digest}`));
    expect(await fetchManifest(flyRepo(app), priv.digest)).toBeUndefined();
  });

  it('deploy: copied (every blob, the same digest), then flyctl deploys <FLY_REGISTRY_HOST>/<app>@<the source digest>; no secret leaks', async () => {
    f.setState('flyctl', { orgs: ['acme'] });
    const r = await act(dir, privateInputs());
    expect(r.code, r.stdout).toBe(0);
    await expectCopied(app, priv.digest, priv.blobs);
    expect(deploys()).toHaveLength(1);
    expect(flag(deploys()[0]!.argv, '--image')).toBe(`${REGISTRY_FLY}/${app}@${priv.digest}`);
    // the copy comes after apps create (the repository is the app's) and before the release
    const order = f.calls('flyctl').map((c) => c.argv.slice(0, 2).join(' '));
    expect(order.indexOf('apps create')).toBeLessThan(order.findIndex((c) => c.startsWith('deploy')));
    expect(r.stdout).toContain(`${REGISTRY_BASIC}/${source.repository}@${priv.digest} is private: copying it to ${REGISTRY_FLY}/${app}`);
    expect(r.stdout).toMatch(/copied .* 4 of 4 blob\(s\) and 1 of 1 manifest\(s\) sent/);
    expect(r.outputs['image-digest']).toBe(priv.digest);
    const result = resultOf(r);
    expect(result.trace.find((t) => t.source === 'access')?.reason).toBe(
      'private: anonymous pull refused; opened with input registry-username/registry-password',
    );
    expect(result.trace.find((t) => t.source === 'copy')?.reason).toMatch(
      new RegExp(`4 of 4 blob\\(s\\).*; deployed as ${REGISTRY_FLY.replace(/\./g, '\\.')}/${app}@${priv.digest}$`),
    );
    expect(result.extra).toMatchObject({ 'fly-image': `${REGISTRY_FLY}/${app}@${priv.digest}` });
    expect(result.extra?.['image-copy']).toMatch(/4 of 4 blob\(s\)/);
    expect(r.summary).toContain(`${REGISTRY_FLY}/${app}@${priv.digest}`);
    expectNoSecrets(r, dir);
  });

  it('a redeploy (force) copies nothing: the Fly registry already holds the digest', async () => {
    f.clearCalls();
    const r = await act(dir, { ...privateInputs(), force: 'true' });
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toContain(`${REGISTRY_FLY}/${app} already holds ${priv.digest}: nothing copied`);
    expect(flag(deploys()[0]!.argv, '--image')).toBe(`${REGISTRY_FLY}/${app}@${priv.digest}`);
  });

  it('the same digest already running: skipped, nothing copied, fly-image still reported', async () => {
    f.clearCalls();
    const r = await act(dir, privateInputs());
    expect(r.code, r.stdout).toBe(0);
    expect(r.outputs.skipped).toBe('true');
    expect(deploys()).toHaveLength(0);
    expect(r.stdout).not.toContain('is private: copying');
    expect(resultOf(r).extra).toMatchObject({ 'fly-image': `${REGISTRY_FLY}/${app}@${priv.digest}` });
  });

  it('a Fly token the registry refuses: one line naming the token, and no release', async () => {
    const other = `${ns}-denied`;
    const d = makeWorkdir('fly-private-', dirs, yaml(other));
    f.clearCalls();
    const r = await act(d, privateInputs(), { FLY_API_TOKEN: 'fm2_not-the-token' });
    expect(r.code).toBe(1);
    const errors = r.stdout.split('\n').filter((l) => l.startsWith('::error'));
    expect(errors, r.stdout).toHaveLength(1);
    expect(errors[0]).toContain(`refused the credentials from env FLY_API_TOKEN for ${REGISTRY_FLY}/${other}`);
    expect(deploys()).toHaveLength(0);
  });
});

describe('fly contract: a public image is not copied', () => {
  it('deployed from where it is; the Fly registry gets nothing; no fly-image', async () => {
    const app = `${ns}-pub`;
    const dir = makeWorkdir('fly-private-', dirs, yaml(app));
    f.clearCalls();
    const r = await act(dir, { image: pub.repo, 'image-digest': pub.digest });
    expect(r.code, r.stdout).toBe(0);
    expect(flag(deploys()[0]!.argv, '--image')).toBe(`${pub.repo}@${pub.digest}`);
    expect(resultOf(r).trace.find((t) => t.source === 'access')?.reason).toBe('public: the registry answers an anonymous pull');
    expect(resultOf(r).trace.some((t) => t.source === 'copy')).toBe(false);
    expect(resultOf(r).extra?.['fly-image']).toBeUndefined();
    expect(r.stdout).not.toContain('copying it to');
    expect(await fetchManifest(flyRepo(app), pub.digest)).toBeUndefined();
  });
});
