/**
 * The evidence readers (src/verify/evidence.ts) on the shapes the writers produce, and the referrers
 * lookup (RepositoryClient.referrers) against a registry that HAS the OCI 1.1 referrers API (a
 * loopback server: distribution 2.8, the real registry here, has none and is covered by
 * verify-evidence.test.ts through the fallback tag).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Deadline } from '../../src/deadline.js';
import { RegistryAuth } from '../../src/image/registry-auth.js';
import { RegistryHttp } from '../../src/image/registry-http.js';
import { RepositoryClient } from '../../src/image/registry-transfer.js';
import { parseReference } from '../../src/image/reference.js';
import {
  attestationManifests,
  bundleLayer,
  BUNDLE_MEDIA_TYPE,
  candidateReferrers,
  compareProvenance,
  describeComparison,
  expectedFromEnv,
  normalRepository,
  provenanceOf,
  provenanceLayers,
  readStatement,
  verifiedOf,
} from '../../src/verify/evidence.js';

const DIGEST = `sha256:${'1'.repeat(64)}`;
const PLATFORM = `sha256:${'2'.repeat(64)}`;
const ATT = `sha256:${'3'.repeat(64)}`;
const REFERRER = `sha256:${'4'.repeat(64)}`;
const COMMIT = '0123456789abcdef0123456789abcdef01234567';
const expected = expectedFromEnv({ GITHUB_REPOSITORY: 'acme/app', GITHUB_SHA: COMMIT, GITHUB_SERVER_URL: 'https://github.com' });

describe('verified names the kinds found', () => {
  it('in a fixed order, joined by +; none when empty', () => {
    expect(verifiedOf([])).toBe('none');
    expect(verifiedOf(['provenance', 'signature'])).toBe('signature+provenance');
    expect(verifiedOf(['buildkit-provenance', 'signature'])).toBe('signature+buildkit-provenance');
    expect(verifiedOf(['github-attestation'])).toBe('github-attestation');
  });
});

describe('Sigstore bundle referrers', () => {
  // the manifest actions/attest-build-provenance (push-to-registry) and cosign --new-bundle-format push
  const referrer = {
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    artifactType: BUNDLE_MEDIA_TYPE,
    config: { mediaType: 'application/vnd.oci.empty.v1+json', size: 2, digest: `sha256:${'4'.repeat(63)}a` },
    layers: [{ mediaType: BUNDLE_MEDIA_TYPE, size: 800, digest: `sha256:${'5'.repeat(64)}` }],
    annotations: { 'dev.sigstore.bundle.content': 'dsse-envelope', 'dev.sigstore.bundle.predicateType': 'https://slsa.dev/provenance/v1' },
    subject: { mediaType: 'application/vnd.oci.image.index.v1+json', size: 1000, digest: DIGEST },
  };

  it('opens bundle-typed descriptors and untyped ones (the fallback index), never SBOMs or signatures of other kinds', () => {
    expect(
      candidateReferrers([
        { digest: REFERRER, artifactType: BUNDLE_MEDIA_TYPE },
        { digest: ATT, artifactType: 'application/vnd.oci.empty.v1+json' },
        { digest: PLATFORM, artifactType: 'application/spdx+json' },
        { digest: 'sha256:short', artifactType: BUNDLE_MEDIA_TYPE },
      ]),
    ).toEqual([REFERRER, ATT]);
  });

  it('takes the bundle layer only when the subject is the digest deployed', () => {
    expect(bundleLayer(referrer, DIGEST)).toEqual({ digest: `sha256:${'5'.repeat(64)}`, predicateType: 'https://slsa.dev/provenance/v1' });
    expect(bundleLayer(referrer, PLATFORM)).toBeUndefined();
    expect(bundleLayer({ ...referrer, artifactType: 'application/spdx+json' }, DIGEST)).toBeUndefined();
  });
});

describe('BuildKit attestation manifests', () => {
  const index = {
    mediaType: 'application/vnd.oci.image.index.v1+json',
    manifests: [
      { digest: PLATFORM, platform: { os: 'linux', architecture: 'amd64' } },
      {
        digest: ATT,
        platform: { os: 'unknown', architecture: 'unknown' },
        annotations: { 'vnd.docker.reference.type': 'attestation-manifest', 'vnd.docker.reference.digest': PLATFORM },
      },
    ],
  };

  it('finds the attestation manifest and the platform manifest it is about; only SLSA in-toto layers are read', () => {
    expect(attestationManifests(index)).toEqual([{ digest: ATT, about: PLATFORM }]);
    const sbom = `sha256:${'6'.repeat(64)}`;
    const prov = `sha256:${'7'.repeat(64)}`;
    expect(
      provenanceLayers({
        layers: [
          {
            mediaType: 'application/vnd.in-toto+json',
            digest: sbom,
            annotations: { 'in-toto.io/predicate-type': 'https://spdx.dev/Document' },
          },
          {
            mediaType: 'application/vnd.in-toto+json',
            digest: prov,
            annotations: { 'in-toto.io/predicate-type': 'https://slsa.dev/provenance/v1' },
          },
        ],
      }),
    ).toEqual([prov]);
  });

  it('reads BuildKit SLSA v1 (a git context): builder, configSource uri and digest; compared with the run', () => {
    const s = readStatement({
      _type: 'https://in-toto.io/Statement/v0.1',
      predicateType: 'https://slsa.dev/provenance/v1',
      subject: [{ name: 'pkg:docker/x', digest: { sha256: PLATFORM.slice(7) } }],
      predicate: {
        buildDefinition: {
          buildType: 'https://github.com/moby/buildkit/blob/master/docs/attestations/slsa-definitions.md',
          externalParameters: {
            configSource: { uri: 'https://github.com/Acme/App.git#refs/heads/main', digest: { sha1: COMMIT }, path: 'Dockerfile' },
          },
          resolvedDependencies: [{ uri: 'pkg:docker/busybox@latest', digest: { sha256: 'a'.repeat(64) } }],
        },
        runDetails: { builder: { id: 'https://github.com/acme/app/actions/runs/9' } },
      },
    })!;
    expect(s.subjects).toEqual([PLATFORM]);
    const p = provenanceOf(s);
    expect(p).toMatchObject({
      builderId: 'https://github.com/acme/app/actions/runs/9',
      source: 'https://github.com/Acme/App.git#refs/heads/main',
      commit: COMMIT,
    });
    expect(describeComparison(compareProvenance(p, expected, true))).toBe('builder matches, source matches, commit matches');
  });

  it('a v0.2 local context: the base image is not the source; buildx git info is; differences are named', () => {
    const p = provenanceOf(
      readStatement({
        _type: 'https://in-toto.io/Statement/v0.1',
        predicateType: 'https://slsa.dev/provenance/v0.2',
        subject: [],
        predicate: {
          builder: { id: 'https://github.com/evil/fork/actions/runs/1' },
          materials: [{ uri: 'pkg:docker/busybox@latest', digest: { sha256: 'a'.repeat(64) } }],
          invocation: { configSource: { entryPoint: 'Dockerfile' } },
          metadata: {
            'https://mobyproject.org/buildkit@v1#metadata': { vcs: { source: 'https://github.com/evil/fork', revision: 'f'.repeat(40) } },
          },
        },
      })!,
    );
    expect(p).toMatchObject({ source: 'https://github.com/evil/fork', commit: 'f'.repeat(40) });
    expect(describeComparison(compareProvenance(p, expected, true))).toBe(
      `builder differs (expected https://github.com/acme/app/actions/runs/…, found https://github.com/evil/fork/actions/runs/1), source differs (expected https://github.com/acme/app, found https://github.com/evil/fork), commit differs (expected ${COMMIT}, found ${'f'.repeat(40)})`,
    );
    expect(describeComparison(compareProvenance(p, expectedFromEnv({}), true))).toMatch(/^nothing to compare with/);
  });

  it('repository URLs compare without git+, .git, refs and case', () => {
    expect(normalRepository('git+https://github.com/Acme/App.git@refs/heads/main')).toBe('https://github.com/acme/app');
    expect(normalRepository('https://github.com/acme/app/')).toBe('https://github.com/acme/app');
  });
});

describe('RepositoryClient.referrers', () => {
  let server: Server;
  let host = '';
  const seen: string[] = [];
  let api = true;
  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push(`${req.method} ${req.url}`);
      if (api && req.url === `/v2/app/referrers/${DIGEST}`) {
        res.writeHead(200, { 'content-type': 'application/vnd.oci.image.index.v1+json' });
        res.end(
          JSON.stringify({
            schemaVersion: 2,
            mediaType: 'application/vnd.oci.image.index.v1+json',
            manifests: [{ digest: REFERRER, artifactType: BUNDLE_MEDIA_TYPE }],
          }),
        );
        return;
      }
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ code: 'MANIFEST_UNKNOWN', message: 'manifest unknown' }] }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const client = () =>
    new RepositoryClient(
      new RegistryAuth(
        new RegistryHttp({ deadline: new Deadline(20_000), timeoutMs: 5000, retries: 0, backoffMs: 10, maxRetryAfterMs: 10 }),
        {
          lookup: async () => undefined,
          hint: () => 'log in',
        },
      ),
      parseReference(`${host}/app`),
      {},
      'log in',
    );

  it('a registry with the API: its index, and the fallback tag is never asked', async () => {
    seen.length = 0;
    api = true;
    await expect(client().referrers(DIGEST)).resolves.toEqual({
      via: 'api',
      manifests: [{ digest: REFERRER, artifactType: BUNDLE_MEDIA_TYPE }],
    });
    expect(seen.filter((s) => s.includes('/v2/app/'))).toEqual([`GET /v2/app/referrers/${DIGEST}`]);
  });

  it('without the API (404) and without the fallback tag: none, after asking for sha256-<hex>', async () => {
    seen.length = 0;
    api = false;
    await expect(client().referrers(DIGEST)).resolves.toEqual({ via: 'none', manifests: [] });
    expect(seen.filter((s) => s.includes('/v2/app/'))).toEqual([
      `GET /v2/app/referrers/${DIGEST}`,
      `GET /v2/app/manifests/sha256-${'1'.repeat(64)}`,
    ]);
  });
});
