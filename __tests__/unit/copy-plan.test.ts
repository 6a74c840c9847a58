/** ADR 0026: the pure side of an image copy (copy-plan.ts) and of Fly's registry login (registry-fly.ts). */
import { describe, expect, it } from 'vitest';
import { ActionError } from '../../src/errors.js';
import { parseManifest, platformsOf, runnerPlatform, selectPlatform, type Descriptor } from '../../src/image/copy-plan.js';
import { stripScheme } from '../../src/external/fly-token.js';
import { FLY_REGISTRY, flyDockerPassword, flyRegistryCredential } from '../../src/image/registry-fly.js';
import { MEDIA_TYPES } from '../../src/image/types.js';

const d = (n: number) => `sha256:${String(n).repeat(64).slice(0, 64)}`;
const json = (o: unknown) => Buffer.from(JSON.stringify(o));

describe('parseManifest', () => {
  it('an image: config first, then the layers; foreign (non-distributable) layers are not copied', () => {
    const m = parseManifest(
      json({
        schemaVersion: 2,
        mediaType: MEDIA_TYPES.dockerManifest,
        config: { mediaType: 'c', digest: d(1), size: 10 },
        layers: [
          { mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip', digest: d(2), size: 20 },
          { mediaType: 'application/vnd.docker.image.rootfs.foreign.diff.tar.gzip', digest: d(3), size: 30, urls: ['https://x'] },
        ],
      }),
      MEDIA_TYPES.dockerManifest,
      'r@x',
    );
    expect(m).toEqual({
      kind: 'image',
      mediaType: MEDIA_TYPES.dockerManifest,
      blobs: [
        { mediaType: 'c', digest: d(1), size: 10 },
        { mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip', digest: d(2), size: 20 },
      ],
      foreign: 1,
    });
  });

  it('an OCI index without mediaType in its body is read by the Content-Type', () => {
    const m = parseManifest(
      json({ schemaVersion: 2, manifests: [{ digest: d(4), size: 5, mediaType: 'm' }] }),
      `${MEDIA_TYPES.ociIndex}; charset=utf-8`,
      'r',
    );
    expect(m).toMatchObject({ kind: 'index', mediaType: MEDIA_TYPES.ociIndex, manifests: [{ digest: d(4), size: 5 }] });
  });

  it.each([
    ['not JSON', Buffer.from('<html>'), 'its body is not JSON'],
    ['schema 1', json({ schemaVersion: 1 }), 'schemaVersion 1'],
    ['a bad digest', json({ schemaVersion: 2, config: { digest: 'md5:x', size: 1 }, layers: [] }), 'no valid digest'],
    ['a negative size', json({ schemaVersion: 2, config: { digest: d(1), size: -1 }, layers: [] }), 'no valid size'],
  ])('%s: one ActionError naming the manifest', (_, body, why) => {
    let e: unknown;
    try {
      parseManifest(body, '', 'reg/app@sha256:abc');
    } catch (err) {
      e = err;
    }
    expect(e).toBeInstanceOf(ActionError);
    expect((e as ActionError).message).toContain('reg/app@sha256:abc is not a manifest this action can copy');
    expect((e as ActionError).message).toContain(why);
  });
});

describe('selectPlatform', () => {
  const m = (os: string, architecture: string, variant?: string, attestation = false): Descriptor => ({
    mediaType: MEDIA_TYPES.ociManifest,
    digest: d(architecture.length + (variant ? 1 : 0)),
    size: 1,
    platform: variant ? { os, architecture, variant } : { os, architecture },
    ...(attestation ? { annotations: { 'vnd.docker.reference.type': 'attestation-manifest' } } : {}),
  });
  const list = [m('unknown', 'unknown', undefined, true), m('linux', 'amd64'), m('linux', 'arm64', 'v8'), m('linux', 'arm', 'v6')];

  it("picks the runner's entry, never an attestation; arm64 matches v8 whether written or not; arm's variant must match", () => {
    expect(selectPlatform(list, { os: 'linux', architecture: 'amd64' })).toBe(list[1]);
    expect(selectPlatform(list, { os: 'linux', architecture: 'arm64' })).toBe(list[2]);
    expect(selectPlatform(list, { os: 'linux', architecture: 'arm', variant: 'v7' })).toBeUndefined();
    expect(selectPlatform(list, { os: 'unknown', architecture: 'unknown' })).toBeUndefined();
    expect(platformsOf(list)).toEqual(['linux/amd64', 'linux/arm64/v8', 'linux/arm/v6']);
  });

  it("the runner's platform in Go's words", () => {
    expect(runnerPlatform('x64')).toEqual({ os: 'linux', architecture: 'amd64' });
    expect(runnerPlatform('arm', '6')).toEqual({ os: 'linux', architecture: 'arm', variant: 'v6' });
  });
});

describe('flyRegistryCredential (flyctl: user x, the token less its scheme, only macaroons when there are any)', () => {
  it('strips FlyV1 / Bearer schemes, any case, repeated', () => {
    expect(stripScheme('FlyV1 fm2_a,fm2_b')).toBe('fm2_a,fm2_b');
    expect(stripScheme('bearer FLYV1  fm2_a')).toBe('fm2_a');
    expect(stripScheme('fo1_oauth')).toBe('fo1_oauth');
  });

  it('keeps only the macaroons of a mixed token; a token without macaroons is used whole', () => {
    expect(flyDockerPassword('FlyV1 fm2_a, fo1_user ,fm1r_b')).toBe('fm2_a,fm1r_b');
    expect(flyDockerPassword('fo1_user')).toBe('fo1_user');
  });

  it('FLY_ACCESS_TOKEN wins over FLY_API_TOKEN (flyctl order); the host is registry.fly.io unless FLY_REGISTRY_HOST', async () => {
    const f = flyRegistryCredential({ FLY_ACCESS_TOKEN: 'fm2_access', FLY_API_TOKEN: 'fm2_api' });
    expect(f.registry).toBe(FLY_REGISTRY);
    expect(f.credential).toEqual({ username: 'x', password: 'fm2_access', source: 'env FLY_ACCESS_TOKEN' });
    expect(await f.credentials.lookup('registry.fly.io')).toBe(f.credential);
    // the credentials answer for the Fly registry only
    expect(await f.credentials.lookup('ghcr.io')).toBeUndefined();
    const g = flyRegistryCredential({ FLY_REGISTRY_HOST: ' 127.0.0.1:5004 ', FLY_API_TOKEN: 'fm2_api' });
    expect(g.registry).toBe('127.0.0.1:5004');
    expect(g.credential?.source).toBe('env FLY_API_TOKEN');
  });

  it('masks the token and the password derived from it before anything can log them', () => {
    const token = `FlyV1 fm2_${Date.now().toString(36)},fo1_user`;
    const lines: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string | Uint8Array) => (lines.push(String(chunk)), true)) as typeof process.stdout.write;
    try {
      flyRegistryCredential({ FLY_API_TOKEN: token });
    } finally {
      process.stdout.write = write;
    }
    const masked = lines
      .join('')
      .split('\n')
      .filter((l) => l.startsWith('::add-mask::'));
    expect(masked).toEqual(expect.arrayContaining([`::add-mask::${token}`, `::add-mask::${flyDockerPassword(token)}`]));
  });

  it('no token: no credential (the copy then fails at the registry with the fix); a FLY_REGISTRY_HOST that is no host fails', () => {
    expect(flyRegistryCredential({ FLY_API_TOKEN: '  ' }).credential).toBeUndefined();
    expect(() => flyRegistryCredential({ FLY_REGISTRY_HOST: 'https://registry.fly.io/' })).toThrow(
      /FLY_REGISTRY_HOST "https:\/\/registry.fly.io\/" is not a registry host/,
    );
  });
});
