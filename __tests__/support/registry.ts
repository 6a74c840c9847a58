/**
 * Push test images to the REAL registries started by scripts/ci-services.sh, through the
 * distribution API, with digests computed here (so tests compare against what the registry says).
 * Deliberately independent of src/image/registry.ts: its own tiny auth, push scope included.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { exec } from './exec.js';
import { MEDIA_TYPES } from '../../src/image/registry.js';

export const REGISTRY_ANON = '127.0.0.1:5000';
export const REGISTRY_BASIC = '127.0.0.1:5001';
export const REGISTRY_TOKEN = '127.0.0.1:5002';
export const TOKEN_SERVER = '127.0.0.1:5003';
export const REGISTRY_TLS = '127.0.0.1:5443';
/** registry.fly.io's stand-in (token auth; its token server on :5005 knows only user `x` with FLY_TEST_TOKEN) */
export const REGISTRY_FLY = '127.0.0.1:5004';
export const FLY_TOKEN_SERVER = '127.0.0.1:5005';
/** the Fly token ci-services.sh gives the stand-in: two macaroons, as `flyctl tokens create deploy` prints them (less `FlyV1 `) */
export const FLY_TEST_TOKEN = 'fm2_c2luZHJpLXRlc3QtYXBw,fm2_c2luZHJpLXRlc3QtZGlz';
export const TEST_USER = 'testuser';
export const TEST_PASS = 'testpass';
export const SVC_DIR = process.env.SVC_DIR || '/tmp/ci-services';

/** A unique suffix per test run: repositories never collide with an earlier run's. */
export const RUN_ID = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;

/** Throw a clear error when a service is down (tests must fail, not skip). */
export async function requireService(url: string, accept: readonly number[] = [200, 401]): Promise<void> {
  let status: number | string;
  try {
    status = (await fetch(url, { signal: AbortSignal.timeout(3000) })).status;
  } catch (e) {
    status = (e as { cause?: { code?: string } }).cause?.code ?? (e as Error).message;
  }
  if (typeof status !== 'number' || !accept.includes(status)) {
    throw new Error(`test service ${url} is not available (${status}): run scripts/ci-services.sh first`);
  }
}

export function sha256Digest(data: Buffer | string): string {
  return `sha256:${createHash('sha256').update(data).digest('hex')}`;
}

export interface PushTarget {
  host: string;
  repository: string;
  /** Basic credentials for Basic registries and for the token server */
  auth?: { username: string; password: string };
}

const tokenCache = new Map<string, string | undefined>();

/** The Authorization header for pull+push on the target repository (undefined: none needed). */
async function authHeader(t: PushTarget): Promise<string | undefined> {
  const key = `${t.host}/${t.repository}`;
  if (tokenCache.has(key)) return tokenCache.get(key);
  const res = await fetch(`http://${t.host}/v2/`);
  let header: string | undefined;
  if (res.status === 401) {
    const challenge = res.headers.get('www-authenticate') ?? '';
    const basic = t.auth ? `Basic ${Buffer.from(`${t.auth.username}:${t.auth.password}`).toString('base64')}` : undefined;
    if (/^Basic/i.test(challenge)) header = basic;
    else {
      const realm = /realm="([^"]+)"/.exec(challenge)?.[1];
      const service = /service="([^"]+)"/.exec(challenge)?.[1] ?? '';
      if (!realm) throw new Error(`no realm in ${challenge}`);
      const u = new URL(realm);
      u.searchParams.set('service', service);
      u.searchParams.set('scope', `repository:${t.repository}:pull,push`);
      const tr = await fetch(u, { headers: basic ? { authorization: basic } : {} });
      if (tr.status !== 200) throw new Error(`token server answered ${tr.status}`);
      header = `Bearer ${((await tr.json()) as { token: string }).token}`;
    }
  }
  tokenCache.set(key, header);
  return header;
}

async function api(
  t: PushTarget,
  method: string,
  pathOrUrl: string,
  body?: Buffer,
  headers: Record<string, string> = {},
): Promise<Response> {
  const auth = await authHeader(t);
  const url = /^https?:/.test(pathOrUrl) ? pathOrUrl : `http://${t.host}${pathOrUrl}`;
  return fetch(url, { method, body, headers: { ...headers, ...(auth ? { authorization: auth } : {}) } });
}

/** Upload a blob (monolithic: POST then PUT ?digest=); returns its digest. */
export async function pushBlob(t: PushTarget, data: Buffer): Promise<string> {
  const digest = sha256Digest(data);
  const exists = await api(t, 'HEAD', `/v2/${t.repository}/blobs/${digest}`);
  if (exists.status === 200) return digest;
  const start = await api(t, 'POST', `/v2/${t.repository}/blobs/uploads/`);
  if (start.status !== 202) throw new Error(`blob upload start: ${start.status} ${await start.text()}`);
  const loc = new URL(start.headers.get('location')!, `http://${t.host}`);
  loc.searchParams.set('digest', digest);
  const put = await api(t, 'PUT', loc.toString(), data, { 'content-type': 'application/octet-stream' });
  if (put.status !== 201) throw new Error(`blob upload: ${put.status} ${await put.text()}`);
  return digest;
}

/** PUT a manifest under a tag (or its digest); returns the digest we computed after checking the registry agrees. */
export async function pushManifest(t: PushTarget, reference: string, body: Buffer, mediaType: string): Promise<string> {
  const digest = sha256Digest(body);
  const put = await api(t, 'PUT', `/v2/${t.repository}/manifests/${reference}`, body, { 'content-type': mediaType });
  if (put.status !== 201) throw new Error(`manifest put ${t.repository}:${reference}: ${put.status} ${await put.text()}`);
  const said = put.headers.get('docker-content-digest');
  if (said !== digest) throw new Error(`registry says ${said} for a manifest whose sha256 is ${digest}`);
  return digest;
}

/** A manifest's exact bytes as the registry serves them, or undefined on 404 (an independent reading of the digest). */
export async function fetchManifest(t: PushTarget, reference: string): Promise<Buffer | undefined> {
  const accept = Object.values(MEDIA_TYPES).join(', ');
  const res = await api(t, 'GET', `/v2/${t.repository}/manifests/${reference}`, undefined, { accept });
  if (res.status === 404) return undefined;
  if (res.status !== 200) throw new Error(`manifest get ${t.repository}:${reference}: ${res.status} ${await res.text()}`);
  return Buffer.from(await res.arrayBuffer());
}

/** A blob's bytes, or undefined on 404. */
export async function fetchBlob(t: PushTarget, digest: string): Promise<Buffer | undefined> {
  const res = await api(t, 'GET', `/v2/${t.repository}/blobs/${digest}`);
  if (res.status === 404) return undefined;
  if (res.status !== 200) throw new Error(`blob get ${t.repository}@${digest}: ${res.status}`);
  return Buffer.from(await res.arrayBuffer());
}

/** A valid empty layer: a tar of two zero blocks, gzipped. */
function emptyLayer(): { tar: Buffer; gz: Buffer } {
  const tar = Buffer.alloc(1024);
  return { tar, gz: gzipSync(tar, { level: 9 }) };
}

export interface PushedImage {
  digest: string;
  mediaType: string;
  size: number;
  body: Buffer;
}

/** A single-platform image (Docker v2 or OCI manifest); `seed` makes its config (and digest) unique. */
export async function pushImage(
  t: PushTarget,
  tag: string | undefined,
  o: { format?: 'docker' | 'oci'; os?: string; architecture?: string; seed?: string } = {},
): Promise<PushedImage> {
  const oci = o.format === 'oci';
  const layer = emptyLayer();
  const config = Buffer.from(
    JSON.stringify({
      architecture: o.architecture ?? 'amd64',
      os: o.os ?? 'linux',
      config: { Labels: { 'test.seed': o.seed ?? RUN_ID } },
      rootfs: { type: 'layers', diff_ids: [sha256Digest(layer.tar)] },
    }),
  );
  const configDigest = await pushBlob(t, config);
  const layerDigest = await pushBlob(t, layer.gz);
  const mediaType = oci ? MEDIA_TYPES.ociManifest : MEDIA_TYPES.dockerManifest;
  const body = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType,
      config: {
        mediaType: oci ? 'application/vnd.oci.image.config.v1+json' : 'application/vnd.docker.container.image.v1+json',
        size: config.length,
        digest: configDigest,
      },
      layers: [
        {
          mediaType: oci ? 'application/vnd.oci.image.layer.v1.tar+gzip' : 'application/vnd.docker.image.rootfs.diff.tar.gzip',
          size: layer.gz.length,
          digest: layerDigest,
        },
      ],
    }),
  );
  const digest = await pushManifest(t, tag ?? sha256Digest(body), body, mediaType);
  return { digest, mediaType, size: body.length, body };
}

/** A multi-arch image: linux/amd64 + linux/arm64 manifests (or `platforms`), then an OCI index (or Docker manifest list) under `tag`. */
export async function pushIndex(
  t: PushTarget,
  tag: string,
  o: { format?: 'docker' | 'oci'; seed?: string; platforms?: { os: string; architecture: string }[] } = {},
): Promise<PushedImage & { children: PushedImage[] }> {
  const oci = o.format !== 'docker';
  const children: PushedImage[] = [];
  const platforms = o.platforms ?? [
    { os: 'linux', architecture: 'amd64' },
    { os: 'linux', architecture: 'arm64' },
  ];
  for (const p of platforms)
    children.push(await pushImage(t, undefined, { format: oci ? 'oci' : 'docker', ...p, seed: `${o.seed ?? RUN_ID}-${p.architecture}` }));
  const mediaType = oci ? MEDIA_TYPES.ociIndex : MEDIA_TYPES.dockerList;
  const body = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType,
      manifests: children.map((c, i) => ({ mediaType: c.mediaType, size: c.size, digest: c.digest, platform: platforms[i] })),
    }),
  );
  const digest = await pushManifest(t, tag, body, mediaType);
  return { digest, mediaType, size: body.length, body, children };
}

/** `docker tag local/busybox:base host/repo:tag && docker push`; returns the digest docker reports. */
export async function dockerPushBusybox(host: string, repository: string, tag: string): Promise<string> {
  const ref = `${host}/${repository}:${tag}`;
  await exec('docker', ['tag', 'local/busybox:base', ref]);
  const out = await exec('docker', ['push', ref]).finally(() => exec('docker', ['rmi', ref], { allowFailure: true })); // untag only
  const digest = /digest: (sha256:[a-f0-9]{64})/.exec(out.stdout)?.[1];
  if (!digest) throw new Error(`no digest in docker push output: ${out.stdout}`);
  return digest;
}

/** sha256 of what `skopeo inspect --raw` prints: an independent reading of the manifest digest. */
export async function skopeoRawDigest(ref: string, extra: string[] = []): Promise<string> {
  const out = await exec('skopeo', ['inspect', '--raw', '--tls-verify=false', ...extra, `docker://${ref}`]);
  return sha256Digest(out.stdout);
}

/**
 * An OCI image with `layers` layers of `layerBytes` random (incompressible) bytes each, for copies:
 * every blob differs between seeds. Returns the manifest and the blob digests (config first).
 */
export async function pushLayered(
  t: PushTarget,
  tag: string | undefined,
  o: { layers: number; layerBytes: number; seed: string; os?: string; architecture?: string },
): Promise<PushedImage & { blobs: { digest: string; size: number }[] }> {
  const layers: Buffer[] = [];
  for (let i = 0; i < o.layers; i++) {
    const bytes = Buffer.alloc(o.layerBytes);
    // a counter-mode sha256 stream: random-looking, reproducible from the seed
    for (let at = 0; at < bytes.length; at += 32) createHash('sha256').update(`${o.seed}/${i}/${at}`).digest().copy(bytes, at);
    layers.push(bytes);
  }
  const config = Buffer.from(
    JSON.stringify({
      architecture: o.architecture ?? 'amd64',
      os: o.os ?? 'linux',
      config: { Labels: { 'test.seed': o.seed } },
      rootfs: { type: 'layers', diff_ids: layers.map((l) => sha256Digest(l)) },
    }),
  );
  const blobs = [{ digest: await pushBlob(t, config), size: config.length }];
  for (const l of layers) blobs.push({ digest: await pushBlob(t, l), size: l.length });
  const body = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MEDIA_TYPES.ociManifest,
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...blobs[0] },
      layers: blobs.slice(1).map((b) => ({ mediaType: 'application/vnd.oci.image.layer.v1.tar', ...b })),
    }),
  );
  const digest = await pushManifest(t, tag ?? sha256Digest(body), body, MEDIA_TYPES.ociManifest);
  return { digest, mediaType: MEDIA_TYPES.ociManifest, size: body.length, body, blobs };
}

/** An OCI index over `children` (already pushed to `t`), each with its platform. */
export async function pushIndexOf(
  t: PushTarget,
  tag: string,
  children: { image: PushedImage; platform: { os: string; architecture: string } }[],
): Promise<PushedImage> {
  const body = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MEDIA_TYPES.ociIndex,
      manifests: children.map((c) => ({ mediaType: c.image.mediaType, size: c.image.size, digest: c.image.digest, platform: c.platform })),
    }),
  );
  const digest = await pushManifest(t, tag, body, MEDIA_TYPES.ociIndex);
  return { digest, mediaType: MEDIA_TYPES.ociIndex, size: body.length, body };
}
