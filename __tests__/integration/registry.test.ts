/**
 * RegistryClient against the REAL registries of scripts/ci-services.sh (anonymous :5000, htpasswd
 * :5001, token :5002 + :5003, TLS :5443) and against the loopback fake for what distribution 2.8
 * cannot show (pagination, 429, 5xx, resets, timeouts, counted requests).
 */
import { chmod, copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { exec, testExec } from '../support/exec.js';
import { ActionError } from '../../src/errors.js';
import { credentialChain, noCredentials, type CredentialSource } from '../../src/image/credentials.js';
import { parseReference } from '../../src/image/reference.js';
import { MEDIA_TYPES, RegistryClient, type RegistryOptions } from '../../src/image/registry.js';
import { badServer } from '../support/bad-servers.js';
import { FakeRegistry, type FakeRegistryOptions } from '../support/fake-registry.js';
import {
  REGISTRY_ANON,
  REGISTRY_BASIC,
  REGISTRY_TLS,
  REGISTRY_TOKEN,
  RUN_ID,
  SVC_DIR,
  TEST_PASS,
  TEST_USER,
  TOKEN_SERVER,
  dockerPushBusybox,
  pushImage,
  pushIndex,
  requireService,
  skopeoRawDigest,
  type PushedImage,
} from '../support/registry.js';

const NO_INPUTS = { 'registry-username': '', 'registry-password': '', 'github-token': '' };
const withPassword = (password: string): CredentialSource =>
  credentialChain({
    inputs: { 'registry-username': TEST_USER, 'registry-password': password, 'github-token': '' },
    dockerConfigFile: null,
  });
const anonymous = () => credentialChain({ inputs: NO_INPUTS, dockerConfigFile: null });

function client(credentials: CredentialSource = noCredentials, extra: Partial<RegistryOptions> = {}): RegistryClient {
  return new RegistryClient({ credentials, backoffMs: 5, timeoutMs: 5000, deadline: testExec.deadline, ...extra });
}
const ref = (s: string) => parseReference(s);

/** The ActionError a promise rejects with (fails the test when it resolves or throws something else). */
async function actionError(p: Promise<unknown>): Promise<ActionError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ActionError);
  return e as ActionError;
}

describe('real registries', () => {
  const anonRepo = `sindri-test/reg-${RUN_ID}`;
  const basicRepo = `sindri-test/basic-${RUN_ID}`;
  const tokenPrivate = `private/app-${RUN_ID}`;
  const tokenPublic = `public/app-${RUN_ID}`;
  let plain: PushedImage;
  let oci: PushedImage;
  let index: PushedImage;
  let list: PushedImage;
  let basicImage: PushedImage;
  let privateImage: PushedImage;
  let publicImage: PushedImage;

  beforeAll(async () => {
    await requireService(`http://${REGISTRY_ANON}/v2/`, [200]);
    await requireService(`http://${REGISTRY_BASIC}/v2/`, [401]);
    await requireService(`http://${REGISTRY_TOKEN}/v2/`, [401]);
    await requireService(`http://${TOKEN_SERVER}/token?service=ci-registry`, [200]);
    const a = { host: REGISTRY_ANON, repository: anonRepo };
    plain = await pushImage(a, 'plain', { format: 'docker' });
    oci = await pushImage(a, 'oci', { format: 'oci' });
    index = await pushIndex(a, 'multi', { format: 'oci' });
    list = await pushIndex(a, 'list', { format: 'docker' });
    await pushImage(a, 'v1.0.0', { format: 'docker', seed: 'v1' });
    const creds = { username: TEST_USER, password: TEST_PASS };
    basicImage = await pushImage({ host: REGISTRY_BASIC, repository: basicRepo, auth: creds }, '1.0', { format: 'oci' });
    privateImage = await pushIndex({ host: REGISTRY_TOKEN, repository: tokenPrivate, auth: creds }, '2.0');
    publicImage = await pushImage({ host: REGISTRY_TOKEN, repository: tokenPublic, auth: creds }, '3.0', { format: 'docker' });
  });

  it('lists the tags of a repository (order not assumed)', async () => {
    const c = client();
    const tags = await c.listTags(ref(`${REGISTRY_ANON}/${anonRepo}`));
    expect([...tags].sort()).toEqual(['list', 'multi', 'oci', 'plain', 'v1.0.0']);
    expect(c.requests).toBe(1);
  });

  it('HEAD of a Docker v2 manifest, an OCI manifest, an OCI index and a manifest list gives the pushed digests', async () => {
    const c = client();
    const base = `${REGISTRY_ANON}/${anonRepo}`;
    // what the registry reports, and that it answered anonymously: public
    const pinned = (img: PushedImage, mediaType: string) => ({ digest: img.digest, mediaType, size: img.size, access: { private: false } });
    expect(await c.headManifest(ref(`${base}:plain`))).toEqual(pinned(plain, MEDIA_TYPES.dockerManifest));
    expect(await c.headManifest(ref(`${base}:oci`))).toEqual(pinned(oci, MEDIA_TYPES.ociManifest));
    // a multi-arch image pins to its index, not to a platform manifest
    expect(await c.headManifest(ref(`${base}:multi`))).toEqual(pinned(index, MEDIA_TYPES.ociIndex));
    expect(await c.headManifest(ref(`${base}:list`))).toEqual(pinned(list, MEDIA_TYPES.dockerList));
    expect(await c.headManifest(ref(`${base}@${index.digest}`))).toMatchObject({ digest: index.digest });
    expect(c.requests).toBe(5);
    // skopeo reads the same bytes
    expect(await skopeoRawDigest(`${base}:multi`)).toBe(index.digest);
  });

  it('pins an image pushed by docker itself to the digest docker reported', async () => {
    const tag = `busybox-${RUN_ID}`;
    const pushed = await dockerPushBusybox(REGISTRY_ANON, anonRepo.replace('reg-', 'docker-'), tag);
    const head = await client().headManifest(ref(`${REGISTRY_ANON}/${anonRepo.replace('reg-', 'docker-')}:${tag}`));
    expect(head.digest).toBe(pushed);
    expect(head.mediaType).toBe(MEDIA_TYPES.dockerManifest);
  });

  it('defaults to the tag latest and reports MANIFEST_UNKNOWN with host, ref and fix', async () => {
    const e = await actionError(client().headManifest(ref(`${REGISTRY_ANON}/${anonRepo}`)));
    expect(e.message).toContain('MANIFEST_UNKNOWN');
    expect(e.message).toContain(`${REGISTRY_ANON}/${anonRepo}:latest`);
    expect(e.fix).toContain('tag "latest"');
  });

  it('reports NAME_UNKNOWN for a repository that does not exist (tags and manifests)', async () => {
    const missing = ref(`${REGISTRY_ANON}/sindri-test/missing-${RUN_ID}:1`);
    const a = await actionError(client().listTags(missing));
    expect(a.message).toMatch(/^registry 127\.0\.0\.1:5000 answered NAME_UNKNOWN .*missing-/);
    // distribution 2.8 answers a manifest of an unknown repository with MANIFEST_UNKNOWN: its code passes through
    const b = await actionError(client().headManifest(missing));
    expect(b.message).toBe(
      `registry 127.0.0.1:5000 answered MANIFEST_UNKNOWN (manifest unknown) for 127.0.0.1:5000/sindri-test/missing-${RUN_ID}:1`,
    );
    expect(b.fix).toContain('push it first');
  });

  it('htpasswd registry: anonymous is refused, then the credentials from the inputs work: the image is private', async () => {
    const c = client(withPassword(TEST_PASS));
    const r = ref(`${REGISTRY_BASIC}/${basicRepo}:1.0`);
    expect(await c.headManifest(r)).toEqual({
      digest: basicImage.digest,
      mediaType: MEDIA_TYPES.ociManifest,
      size: basicImage.size,
      access: { private: true, credentials: 'input registry-username/registry-password' },
    });
    expect(c.requests).toBe(2); // 401 challenge, then with Basic
    expect(await c.listTags(r)).toEqual(['1.0']);
    expect(c.requests).toBe(3); // Basic auth is reused
  });

  it('htpasswd registry: no credentials → UNAUTHORIZED naming the inputs to set', async () => {
    const e = await actionError(client(anonymous()).headManifest(ref(`${REGISTRY_BASIC}/${basicRepo}:1.0`)));
    expect(e.message).toContain(`registry ${REGISTRY_BASIC} answered`);
    expect(e.message).toContain('without credentials (none found): anonymous pull is refused, so the image is private');
    expect(e.fix).toContain('registry-username and registry-password');
  });

  it('htpasswd registry: a wrong password → UNAUTHORIZED naming the source, never the password', async () => {
    const e = await actionError(client(withPassword('wrong-secret-pw')).listTags(ref(`${REGISTRY_BASIC}/${basicRepo}`)));
    expect(e.message).toContain('UNAUTHORIZED');
    expect(e.message).toContain('with credentials from input registry-username/registry-password');
    expect(e.toLine()).not.toContain('wrong-secret-pw');
  });

  it('token registry, public repository: challenge, anonymous token, then the token is reused', async () => {
    const c = client(anonymous());
    const r = ref(`${REGISTRY_TOKEN}/${tokenPublic}:3.0`);
    expect(await c.listTags(r)).toEqual(['3.0']);
    expect(c.requests).toBe(3);
    expect(await c.headManifest(r)).toEqual({
      digest: publicImage.digest,
      mediaType: MEDIA_TYPES.dockerManifest,
      size: publicImage.size,
      access: { private: false },
    });
    expect(c.requests).toBe(4);
  });

  it('token registry, private repository: anonymous token refused, then credentials', async () => {
    const c = client(withPassword(TEST_PASS));
    const r = ref(`${REGISTRY_TOKEN}/${tokenPrivate}:2.0`);
    expect(await c.headManifest(r)).toEqual({
      digest: privateImage.digest,
      mediaType: MEDIA_TYPES.ociIndex,
      size: privateImage.size,
      access: { private: true, credentials: 'input registry-username/registry-password' },
    });
    expect(c.requests).toBe(5); // 401, anonymous token, 401, token with credentials, 200
    expect(await c.listTags(r)).toEqual(['2.0']);
    expect(c.requests).toBe(6);
  });

  it('token registry, private repository without credentials → UNAUTHORIZED with the fix', async () => {
    const e = await actionError(client(anonymous()).headManifest(ref(`${REGISTRY_TOKEN}/${tokenPrivate}:2.0`)));
    expect(e.message).toMatch(/answered (UNAUTHORIZED|HTTP 401).*without credentials/);
    expect(e.fix).toContain('registry-password');
  });

  it('token registry: a wrong password is refused by the token service, with the source named', async () => {
    const e = await actionError(client(withPassword('wrong-secret-pw')).listTags(ref(`${REGISTRY_TOKEN}/${tokenPrivate}`)));
    expect(e.message).toContain('token service of registry 127.0.0.1:5002');
    expect(e.message).toContain('input registry-username/registry-password');
    expect(e.toLine()).not.toContain('wrong-secret-pw');
  });

  describe('credentials from a Docker config', () => {
    let dir: string;
    const savedPath = process.env.PATH;
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'docker-config-'));
    });
    afterAll(async () => {
      process.env.PATH = savedPath;
      await rm(dir, { recursive: true, force: true });
    });

    it('auths[host].auth (base64 user:pass) on the htpasswd registry', async () => {
      const file = join(dir, 'auth.json');
      await writeFile(
        file,
        JSON.stringify({
          auths: { [`http://${REGISTRY_BASIC}/v2/`]: { auth: Buffer.from(`${TEST_USER}:${TEST_PASS}`).toString('base64') } },
        }),
      );
      const c = client(credentialChain({ inputs: NO_INPUTS, dockerConfigFile: file }));
      expect(await c.headManifest(ref(`${REGISTRY_BASIC}/${basicRepo}:1.0`))).toMatchObject({
        digest: basicImage.digest,
        access: { private: true, credentials: `${file.replace(homedir(), '~')} (auths["http://${REGISTRY_BASIC}/v2/"])` },
      });
    });

    it('identitytoken: exchanged at the token realm with the OAuth2 refresh_token grant', async () => {
      const file = join(dir, 'identity.json');
      await writeFile(file, JSON.stringify({ auths: { [REGISTRY_TOKEN]: { identitytoken: 'test-refresh-token' } } }));
      const c = client(credentialChain({ inputs: NO_INPUTS, dockerConfigFile: file }));
      expect((await c.headManifest(ref(`${REGISTRY_TOKEN}/${tokenPrivate}:2.0`))).digest).toBe(privateImage.digest);
    });

    it('credHelpers[host]: runs docker-credential-<name> get with the server URL on stdin', async () => {
      const bin = join(dir, 'bin');
      await exec('mkdir', ['-p', bin]);
      const helper = join(bin, 'docker-credential-citest');
      // a real helper speaks JSON on stdout; this one logs the server URL it was asked about
      await writeFile(
        helper,
        `#!/bin/sh\nread url\necho "$url" > "${dir}/asked"\n[ "$url" = "${REGISTRY_BASIC}" ] || { echo "credentials not found in native keychain"; exit 1; }\necho '{"ServerURL":"'"$url"'","Username":"${TEST_USER}","Secret":"${TEST_PASS}"}'\n`,
      );
      await chmod(helper, 0o755);
      process.env.PATH = `${bin}:${savedPath}`;
      const file = join(dir, 'helpers.json');
      await writeFile(file, JSON.stringify({ credHelpers: { [REGISTRY_BASIC]: 'citest' } }));
      const c = client(credentialChain({ inputs: NO_INPUTS, dockerConfigFile: file, exec: testExec }));
      expect((await c.headManifest(ref(`${REGISTRY_BASIC}/${basicRepo}:1.0`))).digest).toBe(basicImage.digest);
      expect((await exec('cat', [join(dir, 'asked')])).stdout.trim()).toBe(REGISTRY_BASIC);
    });
  });

  it('fails fast on a port where nothing listens', async () => {
    // with a 20 s backoff, one retry would take far longer than any loaded machine adds
    const c = client(noCredentials, { retries: 4, backoffMs: 20_000 });
    const started = Date.now();
    const e = await actionError(c.listTags(ref('127.0.0.1:5999/nothing/here')));
    expect(e.message).toBe('cannot reach registry 127.0.0.1:5999 (ECONNREFUSED)');
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

describe('TLS registry (own CA)', () => {
  const repo = `sindri-test/tls-${RUN_ID}`;
  const ca = join(SVC_DIR, 'tls', 'ca.crt');
  let image: PushedImage;
  let certDir = '';
  afterAll(async () => {
    if (certDir) await rm(certDir, { recursive: true, force: true });
  });

  beforeAll(async () => {
    await requireService(`http://${REGISTRY_ANON}/v2/`, [200]);
    // the TLS registry shares no storage with :5000; push through skopeo, which takes the CA directory
    const probe = await exec('curl', ['-s', '-o', '/dev/null', '-w', '%{http_code}', '--cacert', ca, `https://${REGISTRY_TLS}/v2/`], {
      allowFailure: true,
    });
    if (probe.stdout !== '200')
      throw new Error(`test service https://${REGISTRY_TLS}/v2/ is not available: run scripts/ci-services.sh first`);
    image = await pushImage({ host: REGISTRY_ANON, repository: repo }, 'tls', { format: 'oci' });
    // skopeo's cert dir must hold the CA only (a *.key there is taken for a client key)
    certDir = await mkdtemp(join(tmpdir(), 'tls-ca-'));
    await copyFile(ca, join(certDir, 'ca.crt'));
    await exec('skopeo', [
      'copy',
      '--all',
      '--preserve-digests',
      '--src-tls-verify=false',
      `--dest-cert-dir=${certDir}`,
      `docker://${REGISTRY_ANON}/${repo}:tls`,
      `docker://${REGISTRY_TLS}/${repo}:tls`,
    ]);
  });

  it('without the CA: a certificate error whose fix is NODE_EXTRA_CA_CERTS (no fallback to http)', async () => {
    const e = await actionError(client().headManifest(ref(`${REGISTRY_TLS}/${repo}:tls`)));
    expect(e.message).toMatch(/cannot verify the TLS certificate of 127\.0\.0\.1:5443/);
    expect(e.fix).toContain('NODE_EXTRA_CA_CERTS');
  });

  it('with NODE_EXTRA_CA_CERTS: https is used and the digest matches', async () => {
    const script = join(tmpdir(), `tls-head-${RUN_ID}.mts`);
    const src = resolve('src/image/registry.ts');
    const creds = resolve('src/image/credentials.ts');
    const deadline = resolve('src/deadline.ts');
    await writeFile(
      script,
      `import { RegistryClient } from ${JSON.stringify(src)};\nimport { noCredentials } from ${JSON.stringify(creds)};\n` +
        `import { Deadline } from ${JSON.stringify(deadline)};\n` +
        `const c = new RegistryClient({ credentials: noCredentials, backoffMs: 5, deadline: new Deadline(60_000) });\n` +
        `const h = await c.headManifest({ registry: ${JSON.stringify(REGISTRY_TLS)}, repository: ${JSON.stringify(repo)}, tag: 'tls' });\n` +
        `console.log(JSON.stringify({ ...h, requests: c.requests }));\n`,
    );
    try {
      const out = await exec(resolve('node_modules/.bin/tsx'), [script], { env: { NODE_EXTRA_CA_CERTS: ca } });
      expect(JSON.parse(out.stdout.trim().split('\n').pop()!)).toEqual({
        digest: image.digest,
        mediaType: MEDIA_TYPES.ociManifest,
        size: image.size,
        access: { private: false },
        requests: 1,
      });
    } finally {
      await rm(script, { force: true });
    }
  });
});

describe('fake registry (what distribution 2.8 cannot show)', () => {
  let fake: FakeRegistry;
  const start = async (o: FakeRegistryOptions = {}) => (fake = await new FakeRegistry(o).start());
  afterEach(async () => {
    await fake?.close();
  });
  const tagsOf = (n: number) => Array.from({ length: n }, (_, i) => `1.${(i * 7919) % n}.0`); // unsorted

  it('follows relative Link pagination over 2,500 tags in pages of 1000', async () => {
    await start();
    fake.tags.set('team/app', tagsOf(2500));
    const c = client();
    const tags = await c.listTags(ref(`${fake.host}/team/app`));
    expect(tags).toEqual(tagsOf(2500));
    expect(fake.seen.map((r) => r.path)).toEqual([
      '/v2/team/app/tags/list?n=1000',
      `/v2/team/app/tags/list?n=1000&last=${encodeURIComponent(tagsOf(2500)[999]!)}`,
      `/v2/team/app/tags/list?n=1000&last=${encodeURIComponent(tagsOf(2500)[1999]!)}`,
    ]);
    expect(c.requests).toBe(3);
  });

  it('follows absolute Link URLs, and a server page cap smaller than n', async () => {
    await start({ linkStyle: 'absolute', maxPage: 100 });
    fake.tags.set('team/app', tagsOf(250));
    const c = client(noCredentials, { pageSize: 1000 });
    expect(new Set(await c.listTags(ref(`${fake.host}/team/app`)))).toEqual(new Set(tagsOf(250)));
    expect(c.requests).toBe(3);
  });

  it('10,000 tags on a token registry, page size 1000, then a HEAD: 13 requests', async () => {
    await start({ auth: 'bearer' });
    fake.tags.set('team/app', tagsOf(10_000));
    const digest = fake.addManifest('team/app', '1.0.0', { body: Buffer.from('{"schemaVersion":2}'), mediaType: MEDIA_TYPES.ociIndex });
    const c = client(anonymous());
    expect((await c.listTags(ref(`${fake.host}/team/app`))).length).toBe(10_000);
    expect((await c.headManifest(ref(`${fake.host}/team/app:1.0.0`))).digest).toBe(digest);
    expect(c.requests).toBe(13); // challenge + token + 10 pages + 1 HEAD
    expect(fake.count).toBe(13);
  });

  it('parses a Bearer challenge whose quoted service holds commas and quotes', async () => {
    await start({ auth: 'bearer', service: 'acme, registry "eu", v2' });
    fake.tags.set('team/app', ['a']);
    await client().listTags(ref(`${fake.host}/team/app`));
    expect(fake.tokenRequests).toEqual([
      { service: 'acme, registry "eu", v2', scope: 'repository:team/app:pull', authorization: undefined },
    ]);
  });

  it('reuses the challenge for a second repository on the same host (no second 401)', async () => {
    await start({ auth: 'bearer' });
    fake.tags.set('team/a', ['1']);
    fake.tags.set('team/b', ['2']);
    const c = client();
    await c.listTags(ref(`${fake.host}/team/a`));
    await c.listTags(ref(`${fake.host}/team/b`));
    expect(c.requests).toBe(5); // 401, token, list a; token b, list b
    expect(fake.tokenRequests.map((t) => t.scope)).toEqual(['repository:team/a:pull', 'repository:team/b:pull']);
  });

  it('sends every manifest media type in Accept', async () => {
    await start();
    fake.addManifest('team/app', 'x', { body: Buffer.from('{}'), mediaType: MEDIA_TYPES.dockerManifest });
    await client().headManifest(ref(`${fake.host}/team/app:x`));
    const accept = fake.seen[0]!.accept!;
    for (const t of Object.values(MEDIA_TYPES)) expect(accept).toContain(t);
  });

  it('without Docker-Content-Digest: GETs the manifest and hashes it', async () => {
    await start({ omitDigestHeader: true });
    const body = Buffer.from('{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json"}');
    const digest = fake.addManifest('team/app', 'x', { body, mediaType: MEDIA_TYPES.ociManifest });
    const c = client();
    expect(await c.headManifest(ref(`${fake.host}/team/app:x`))).toEqual({
      digest,
      mediaType: MEDIA_TYPES.ociManifest,
      size: body.length,
      access: { private: false },
    });
    expect(fake.seen.map((r) => r.method)).toEqual(['HEAD', 'GET']);
  });

  it('honours Retry-After on 429', async () => {
    await start();
    fake.tags.set('team/app', ['a']);
    fake.faults.push({ status: 429, headers: { 'retry-after': '1' } });
    const c = client();
    const t0 = Date.now();
    expect(await c.listTags(ref(`${fake.host}/team/app`))).toEqual(['a']);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(950);
    expect(c.requests).toBe(2);
  });

  it('caps Retry-After at maxRetryAfterMs', async () => {
    await start();
    fake.tags.set('team/app', ['a']);
    fake.faults.push({ status: 429, headers: { 'retry-after': '3600' } });
    const t0 = Date.now();
    expect(await client(noCredentials, { maxRetryAfterMs: 50 }).listTags(ref(`${fake.host}/team/app`))).toEqual(['a']);
    expect(Date.now() - t0).toBeLessThan(30_000); // uncapped, it would wait an hour
  });

  it('retries 5xx, then succeeds', async () => {
    await start();
    fake.tags.set('team/app', ['a']);
    fake.faults.push({ status: 500 }, { status: 502 }, { status: 503 });
    const c = client();
    expect(await c.listTags(ref(`${fake.host}/team/app`))).toEqual(['a']);
    expect(c.requests).toBe(4);
  });

  it('gives up after `retries` with the last status and the registry code', async () => {
    await start();
    fake.tags.set('team/app', ['a']);
    for (let i = 0; i < 3; i++)
      fake.faults.push({ status: 429, body: JSON.stringify({ errors: [{ code: 'TOOMANYREQUESTS', message: 'slow down' }] }) });
    const c = client(noCredentials, { retries: 2 });
    const e = await actionError(c.listTags(ref(`${fake.host}/team/app`)));
    expect(e.message).toBe(`registry ${fake.host} answered TOOMANYREQUESTS (slow down) for ${fake.host}/team/app`);
    expect(e.fix).toContain('rate limit');
    expect(c.requests).toBe(3);
  });

  it('retries a connection reset', async () => {
    await start();
    fake.tags.set('team/app', ['a']);
    fake.faults.push({ reset: true });
    const c = client();
    expect(await c.listTags(ref(`${fake.host}/team/app`))).toEqual(['a']);
    expect(c.requests).toBe(2);
  });

  it('retries a slow answer after the per-request timeout, then fails with a timeout error', async () => {
    await start();
    fake.tags.set('team/app', ['a']);
    fake.faults.push({ delayMs: 2000 });
    const ok = client(noCredentials, { timeoutMs: 200 });
    expect(await ok.listTags(ref(`${fake.host}/team/app`))).toEqual(['a']);
    expect(ok.requests).toBe(2);

    fake.faults.push({ delayMs: 2000 }, { delayMs: 2000 });
    const e = await actionError(client(noCredentials, { timeoutMs: 200, retries: 1 }).listTags(ref(`${fake.host}/team/app`)));
    expect(e.message).toBe(`GET http://${fake.host}/v2/team/app/tags/list did not answer within 0.2 s after 2 attempt(s)`);
  });

  it('refuses a pagination link to another host', async () => {
    await start();
    fake.tags.set('team/app', ['a']);
    fake.faults.push({
      status: 200,
      headers: { link: '<https://elsewhere.example/v2/team/app/tags/list?last=a>; rel="next"' },
      body: '{"tags":["a"]}',
    });
    const e = await actionError(client().listTags(ref(`${fake.host}/team/app`)));
    expect(e.message).toContain('points to another host (elsewhere.example)');
  });

  it('Basic challenge with credentials from the inputs', async () => {
    await start({ auth: 'basic' });
    fake.tags.set('team/app', ['a']);
    const c = client(withPassword('testpass'));
    expect(await c.listTags(ref(`${fake.host}/team/app`))).toEqual(['a']);
    expect(fake.seen[1]!.authorization).toBe(`Basic ${Buffer.from('testuser:testpass').toString('base64')}`);
  });

  it('a digest reference whose answer names another digest is refused', async () => {
    await start();
    const body = Buffer.from('{"a":1}');
    fake.addManifest('team/app', 'x', { body, mediaType: MEDIA_TYPES.ociManifest });
    const other = `sha256:${'0'.repeat(64)}`;
    fake.manifests.set(`team/app@${other}`, { body, mediaType: MEDIA_TYPES.ociManifest });
    const e = await actionError(client().headManifest(ref(`${fake.host}/team/app@${other}`)));
    expect(e.message).toContain(`answered digest sha256:`);
  });
});

describe('every answer is read with a cap (issue 20: an endless body ends the run in one line, memory flat)', () => {
  const MiB = 1024 * 1024;
  const cases = [
    { behaviour: 'endless-tags', call: 'listTags', path: '/v2/app/tags/list', limit: '16 MiB' },
    { behaviour: 'endless-error', call: 'headManifest', path: '/v2/app/manifests/1', limit: '4 MiB' },
    { behaviour: 'endless-token', call: 'headManifest', path: '/token', limit: '4 MiB' },
  ] as const;

  for (const c of cases) {
    it(`${c.behaviour}: stops reading at ${c.limit} and fails naming the host, ${c.path} and the limit`, async () => {
      const server = await badServer(c.behaviour);
      try {
        global.gc?.();
        const before = process.memoryUsage().rss;
        const r = ref(`${server.host}/app:1`);
        const p = c.call === 'listTags' ? client().listTags(r) : client().headManifest(r);
        const e = await actionError(p);
        const grown = process.memoryUsage().rss - before;
        expect(e.message).toBe(`${server.host} sent more than ${c.limit} in answer to GET ${c.path}: stopped reading`);
        expect(e.fix).toContain(`check that ${server.host} is an OCI registry`);
        // no retry of a body that is too big; the server stops once the client drops the connection
        expect(server.requests).toBe(c.behaviour === 'endless-tags' ? 1 : 2);
        const sent = server.bytesSent;
        await new Promise((r) => setTimeout(r, 300));
        expect(server.bytesSent).toBe(sent);
        // what was read is the cap plus what the sockets buffered: never the endless rest
        expect(sent).toBeLessThan(Number.parseInt(c.limit) * MiB + 32 * MiB);
        expect(grown).toBeLessThan(64 * MiB);
      } finally {
        await server.close();
      }
    });
  }
});
