/**
 * Issue 26 (ADR 0026): copyImage against the REAL registries of scripts/ci-services.sh. The private
 * source is the htpasswd registry (:5001); the targets are the token registry (:5002), the anonymous
 * one (:5000) and the registry.fly.io stand-in (:5004, user `x` + a Fly token). Every digest is
 * checked by fetching the target's manifest bytes and hashing them here, blob by blob too.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { testExec } from '../support/exec.js';
import { ActionError } from '../../src/errors.js';
import { copyImage, type CopyEvent, type CopyOptions, type CopySource, type CopyTarget } from '../../src/image/copy.js';
import { credentialChain, noCredentials, type CredentialSource } from '../../src/image/credentials.js';
import { flyRegistryCredential } from '../../src/image/registry-fly.js';
import {
  FLY_TEST_TOKEN,
  FLY_TOKEN_SERVER,
  REGISTRY_ANON,
  REGISTRY_BASIC,
  REGISTRY_FLY,
  REGISTRY_TOKEN,
  RUN_ID,
  TEST_PASS,
  TEST_USER,
  fetchBlob,
  fetchManifest,
  pushIndexOf,
  pushLayered,
  requireService,
  sha256Digest,
  type PushTarget,
  type PushedImage,
} from '../support/registry.js';

const creds = { username: TEST_USER, password: TEST_PASS };
const testCredentials: CredentialSource = credentialChain({
  inputs: { 'registry-username': TEST_USER, 'registry-password': TEST_PASS, 'github-token': '' },
  dockerConfigFile: null,
});
const KiB = 1024;
const LAYER = 256 * KiB;
const repo = (name: string) => `wb-reg/${RUN_ID}/${name}`;
const source = { host: REGISTRY_BASIC, repository: repo('src'), auth: creds };
const opts = (o: Partial<CopyOptions> = {}): CopyOptions => ({ deadline: testExec.deadline, backoffMs: 5, timeoutMs: 10_000, ...o });
const from = (digest: string, t: PushTarget = source): CopySource => ({
  reference: `${t.host}/${t.repository}@${digest}`,
  credentials: testCredentials,
});
const to = (host: string, name: string, credentials: CredentialSource = testCredentials): CopyTarget => ({
  registry: host,
  repository: repo(name),
  credentials,
});

/** The target's manifest bytes hashed here, and every blob it references fetched and hashed. */
async function expectSameImage(t: PushTarget, digest: string, blobs: { digest: string; size: number }[]): Promise<void> {
  const bytes = await fetchManifest(t, digest);
  expect(bytes, `${t.host}/${t.repository}@${digest}`).toBeDefined();
  expect(sha256Digest(bytes!)).toBe(digest);
  for (const b of blobs) {
    const got = await fetchBlob(t, b.digest);
    expect(got?.length).toBe(b.size);
    expect(sha256Digest(got!)).toBe(b.digest);
  }
}

let single: PushedImage & { blobs: { digest: string; size: number }[] };
let amd: PushedImage & { blobs: { digest: string; size: number }[] };
let arm: PushedImage & { blobs: { digest: string; size: number }[] };
let index: PushedImage;

beforeAll(async () => {
  await requireService(`http://${REGISTRY_ANON}/v2/`, [200]);
  await requireService(`http://${REGISTRY_BASIC}/v2/`, [401]);
  await requireService(`http://${REGISTRY_TOKEN}/v2/`, [401]);
  await requireService(`http://${REGISTRY_FLY}/v2/`, [401]);
  await requireService(`http://${FLY_TOKEN_SERVER}/token?service=fly-registry`, [200]);
  single = await pushLayered(source, '1.0', { layers: 3, layerBytes: LAYER, seed: `single-${RUN_ID}` });
  amd = await pushLayered(source, undefined, { layers: 3, layerBytes: LAYER, seed: `amd-${RUN_ID}` });
  arm = await pushLayered(source, undefined, { layers: 3, layerBytes: LAYER, seed: `arm-${RUN_ID}`, architecture: 'arm64' });
  index = await pushIndexOf(source, 'multi', [
    { image: amd, platform: { os: 'linux', architecture: 'amd64' } },
    { image: arm, platform: { os: 'linux', architecture: 'arm64' } },
  ]);
});

describe('copyImage: private htpasswd source → token target', () => {
  const target = { host: REGISTRY_TOKEN, repository: repo('app'), auth: creds };

  it('copies byte for byte (same digest, every blob), then a second copy sends nothing', async () => {
    const events: CopyEvent[] = [];
    const first = await copyImage(from(single.digest), to(REGISTRY_TOKEN, 'app'), opts({ onProgress: (e) => events.push(e) }));
    expect(first).toMatchObject({
      reference: `${REGISTRY_TOKEN}/${repo('app')}@${single.digest}`,
      digest: single.digest,
      sourceDigest: single.digest,
      digestChanged: false,
      blobs: { total: 4, copied: 4, present: 0, mounted: 0 },
      manifests: { total: 1, copied: 1, present: 0 },
      bytes: single.blobs.reduce((n, b) => n + b.size, 0) + single.size,
    });
    expect(first.note).toMatch(
      /^copied .* 4 of 4 blob\(s\) and 1 of 1 manifest\(s\) sent \(769 KiB\), 0 blob\(s\) already there, 0 mounted \(\d+ requests\)$/,
    );
    expect(
      events
        .filter((e) => e.kind === 'blob' && e.outcome === 'copied')
        .map((e) => e.digest)
        .sort(),
    ).toEqual(single.blobs.map((b) => b.digest).sort());
    await expectSameImage(target, single.digest, single.blobs);

    const second = await copyImage(from(single.digest), to(REGISTRY_TOKEN, 'app'), opts());
    expect(second).toMatchObject({ digest: single.digest, bytes: 0, blobs: { copied: 0 }, manifests: { total: 1, copied: 0, present: 1 } });
    expect(second.note).toContain(`already holds ${single.digest}: nothing copied`);
  });

  it('a manifest that is missing while its blobs are there: HEAD each blob, send none, write the manifest', async () => {
    const name = 'blobs-only';
    const t = { host: REGISTRY_TOKEN, repository: repo(name), auth: creds };
    const cut = new AbortController();
    // stop the first copy as soon as every blob arrived, before the manifest is written
    const onProgress = (e: CopyEvent) => {
      if (e.kind === 'blob' && ++seen === 4) cut.abort();
    };
    let seen = 0;
    const stopped = await copyImage(from(single.digest), to(REGISTRY_TOKEN, name), opts({ signal: cut.signal, onProgress })).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(stopped).toBeInstanceOf(ActionError);
    expect((stopped as ActionError).message).toMatch(/was stopped after 4 blob\(s\)/);
    expect((stopped as ActionError).fix).toContain('the next run sends only the rest');
    expect(await fetchManifest(t, single.digest)).toBeUndefined();

    const next = await copyImage(from(single.digest), to(REGISTRY_TOKEN, name), opts());
    expect(next).toMatchObject({ blobs: { total: 4, copied: 0, present: 4 }, manifests: { copied: 1 }, bytes: single.size });
    await expectSameImage(t, single.digest, single.blobs);
  });

  it('an interrupted copy is completed by the next run, which sends only the blobs still missing', async () => {
    const name = 'interrupted';
    const cut = new AbortController();
    let copied = 0;
    const onProgress = (e: CopyEvent) => {
      if (e.kind === 'blob' && e.outcome === 'copied' && ++copied === 1) cut.abort();
    };
    const stopped = await copyImage(
      from(single.digest),
      to(REGISTRY_TOKEN, name),
      opts({ signal: cut.signal, onProgress, concurrency: 1 }),
    ).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(stopped).toBeInstanceOf(ActionError);
    const next = await copyImage(from(single.digest), to(REGISTRY_TOKEN, name), opts());
    expect(next.blobs.present).toBeGreaterThanOrEqual(1);
    expect(next.blobs.copied).toBe(4 - next.blobs.present);
    expect(next.manifests.copied).toBe(1);
    await expectSameImage({ host: REGISTRY_TOKEN, repository: repo(name), auth: creds }, single.digest, single.blobs);
  });

  it('a blob larger than chunkBytes goes in PATCH chunks (256 KiB layers in 100 KiB chunks): the same digest', async () => {
    const r = await copyImage(from(single.digest), to(REGISTRY_TOKEN, 'chunked'), opts({ chunkBytes: 100 * KiB }));
    expect(r).toMatchObject({ digest: single.digest, blobs: { copied: 4 } });
    await expectSameImage({ host: REGISTRY_TOKEN, repository: repo('chunked'), auth: creds }, single.digest, single.blobs);
  });

  it('same registry, another repository: every blob is mounted, none sent', async () => {
    // the copy above put the image in wb-reg/<run>/app on :5002; from there to a sibling repository
    const onTarget = { host: REGISTRY_TOKEN, repository: repo('app'), auth: creds };
    await copyImage(from(single.digest), to(REGISTRY_TOKEN, 'app'), opts());
    const r = await copyImage(from(single.digest, onTarget), to(REGISTRY_TOKEN, 'mounted'), opts());
    expect(r).toMatchObject({ digest: single.digest, blobs: { total: 4, mounted: 4, copied: 0 }, bytes: single.size });
    expect(r.note).toContain('4 mounted');
    await expectSameImage({ host: REGISTRY_TOKEN, repository: repo('mounted'), auth: creds }, single.digest, single.blobs);
  });

  it('a multi-platform index is kept whole: same index digest, both platforms and all their blobs', async () => {
    const r = await copyImage(from(index.digest), to(REGISTRY_TOKEN, 'multi'), opts());
    expect(r).toMatchObject({
      digest: index.digest,
      digestChanged: false,
      platforms: ['linux/amd64', 'linux/arm64'],
      blobs: { total: 8, copied: 8 },
      manifests: { total: 3, copied: 3 },
    });
    const t = { host: REGISTRY_TOKEN, repository: repo('multi'), auth: creds };
    await expectSameImage(t, index.digest, []);
    await expectSameImage(t, amd.digest, amd.blobs);
    await expectSameImage(t, arm.digest, arm.blobs);
  });

  it("only the runner's platform: the digest becomes that platform's manifest, and the result says so", async () => {
    const r = await copyImage(
      from(index.digest),
      to(REGISTRY_TOKEN, 'one-platform'),
      opts({ platforms: 'runner', runner: { os: 'linux', architecture: 'arm64' } }),
    );
    expect(r).toMatchObject({
      reference: `${REGISTRY_TOKEN}/${repo('one-platform')}@${arm.digest}`,
      digest: arm.digest,
      sourceDigest: index.digest,
      digestChanged: true,
      platforms: ['linux/arm64'],
      blobs: { total: 4, copied: 4 },
      manifests: { total: 1, copied: 1 },
    });
    expect(r.note).toContain(
      `only linux/arm64 of the index was copied, so the digest deployed is that platform's ${arm.digest}, not the index's ${index.digest}`,
    );
    const t = { host: REGISTRY_TOKEN, repository: repo('one-platform'), auth: creds };
    await expectSameImage(t, arm.digest, arm.blobs);
    expect(await fetchManifest(t, index.digest)).toBeUndefined();
    expect(await fetchBlob(t, amd.blobs[1]!.digest)).toBeUndefined();
  });

  it('a platform the index lacks fails in one line naming the platforms it has', async () => {
    const e = await copyImage(
      from(index.digest),
      to(REGISTRY_TOKEN, 'none'),
      opts({ platforms: 'runner', runner: { os: 'linux', architecture: 's390x' } }),
    ).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(ActionError);
    expect((e as ActionError).message).toBe(
      `${REGISTRY_BASIC}/${repo('src')}@${index.digest} has no linux/s390x image (it has linux/amd64, linux/arm64)`,
    );
  });
});

describe('copyImage: other targets', () => {
  it('private htpasswd source → anonymous registry: same digest, then nothing sent', async () => {
    const r = await copyImage(from(single.digest), to(REGISTRY_ANON, 'app', noCredentials), opts());
    expect(r).toMatchObject({ digest: single.digest, blobs: { copied: 4 } });
    await expectSameImage({ host: REGISTRY_ANON, repository: repo('app') }, single.digest, single.blobs);
    const again = await copyImage(from(single.digest), to(REGISTRY_ANON, 'app', noCredentials), opts());
    expect(again).toMatchObject({ bytes: 0, blobs: { copied: 0 }, manifests: { present: 1 } });
  });

  it('the source refuses anonymous pulls: no credentials for it fails naming the registry and the inputs', async () => {
    const e = await copyImage(
      { reference: `${REGISTRY_BASIC}/${repo('src')}@${single.digest}`, credentials: noCredentials },
      to(REGISTRY_ANON, 'x', noCredentials),
      opts(),
    ).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(ActionError);
    expect((e as ActionError).message).toMatch(new RegExp(`^registry ${REGISTRY_BASIC} answered UNAUTHORIZED .* without credentials`));
    expect((e as ActionError).fix).toContain('registry-username and registry-password');
  });

  it('the Fly stand-in, with flyRegistryCredential: user x and the token flyctl reads (FlyV1 scheme dropped)', async () => {
    const fly = flyRegistryCredential({ FLY_REGISTRY_HOST: REGISTRY_FLY, FLY_API_TOKEN: `FlyV1 ${FLY_TEST_TOKEN}` });
    expect(fly.registry).toBe(REGISTRY_FLY);
    expect(fly.credential).toEqual({ username: 'x', password: FLY_TEST_TOKEN, source: 'env FLY_API_TOKEN' });
    const app = `wb-reg-${RUN_ID}`;
    const r = await copyImage(from(single.digest), { ...fly, repository: app }, opts());
    expect(r.reference).toBe(`${REGISTRY_FLY}/${app}@${single.digest}`);
    await expectSameImage(
      { host: REGISTRY_FLY, repository: app, auth: { username: 'x', password: FLY_TEST_TOKEN } },
      single.digest,
      single.blobs,
    );
  });

  it('with ACTIONS_STEP_DEBUG on, the Fly token and the registry password appear in the log only as ::add-mask:: lines', async () => {
    const token = `FlyV1 ${FLY_TEST_TOKEN}`;
    const lines: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    const debugBefore = process.env.ACTIONS_STEP_DEBUG;
    process.env.ACTIONS_STEP_DEBUG = 'true';
    process.stdout.write = ((chunk: string | Uint8Array) => (lines.push(String(chunk)), true)) as typeof process.stdout.write;
    let r;
    try {
      const fly = flyRegistryCredential({ FLY_REGISTRY_HOST: REGISTRY_FLY, FLY_API_TOKEN: token });
      r = await copyImage(from(single.digest), { ...fly, repository: `wb-reg-${RUN_ID}-log` }, opts());
    } finally {
      process.stdout.write = write;
      if (debugBefore === undefined) delete process.env.ACTIONS_STEP_DEBUG;
      else process.env.ACTIONS_STEP_DEBUG = debugBefore;
    }
    expect(r.blobs.copied).toBe(4);
    const log = lines.join('').split('\n');
    // the requests were logged (debug), so a secret in a URL or header line would have shown; each is masked once per run
    expect(log.filter((l) => l.startsWith('::debug::')).length).toBeGreaterThan(10);
    for (const secret of [FLY_TEST_TOKEN, ...FLY_TEST_TOKEN.split(','), TEST_PASS]) {
      expect(log.filter((l) => l.includes(secret) && !l.startsWith('::add-mask::'))).toEqual([]);
    }
  });

  it('the Fly stand-in refuses a wrong token in one line that names the env variable and how to make a token', async () => {
    const fly = flyRegistryCredential({ FLY_REGISTRY_HOST: REGISTRY_FLY, FLY_ACCESS_TOKEN: 'fm2_wrong' });
    const e = await copyImage(from(single.digest), { ...fly, repository: `wb-reg-${RUN_ID}-denied` }, opts()).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(ActionError);
    expect((e as ActionError).message).toContain(
      `refused the credentials from env FLY_ACCESS_TOKEN for ${REGISTRY_FLY}/wb-reg-${RUN_ID}-denied`,
    );
    expect((e as ActionError).fix).toContain('flyctl tokens create deploy');
  });
});
