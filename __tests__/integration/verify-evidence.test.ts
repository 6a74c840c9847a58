/**
 * Issue 23 (verification): the evidence CI really produces, through the action (`node dist/index.js`
 * on Node 24) with the REAL cosign (/usr/local/bin/cosign) and the REAL registry (127.0.0.1:5000,
 * distribution 2.8).
 * - Sigstore bundles attached as OCI referrers: written by the real `cosign attest --new-bundle-format`
 *   (the same manifest actions/attest-build-provenance pushes: artifactType
 *   application/vnd.dev.sigstore.bundle.v0.3+json, subject = the digest). Distribution 2.8 has no
 *   referrers API (asserted below), so they are found through the `sha256-<hex>` fallback tag.
 *   Key-based (`cosign generate-key-pair`), no transparency log (`--tlog-upload=false`), and a trusted
 *   root made here by `cosign trusted-root create` (empty: a key-signed bundle needs no CA or log), so
 *   cosign never reaches for the public-good TUF repository.
 * - BuildKit provenance: no BuildKit that writes attestations runs here (the engine's builder is
 *   BuildKit 0.8 on the docker driver, which writes none, and a docker-container builder needs the
 *   moby/buildkit image from Docker Hub), so the index, the attestation manifest (platform
 *   unknown/unknown, `vnd.docker.reference.type: attestation-manifest`, `vnd.docker.reference.digest`),
 *   its config and its in-toto layer (`in-toto.io/predicate-type`) are written as BuildKit's exporter
 *   writes them (the attestation-storage page of moby/buildkit's documentation) and pushed to the real registry.
 * - GitHub's attestations API: CONTRACT, through the strict stand-in (__tests__/support/github-api.ts,
 *   its answer checked against GitHub's OpenAPI response schema), serving a bundle the real
 *   `cosign attest-blob --new-bundle-format` made over the manifest's bytes.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exec } from '../support/exec.js';
import { runAction, type ActionRun } from '../support/action.js';
import { GitHubApiStandIn } from '../support/github-api.js';
import { startMockSigstore, type MockSigstore } from '../support/sigstore-mock.js';
import {
  fetchManifest,
  pushBlob,
  pushImage,
  pushManifest,
  REGISTRY_ANON,
  requireService,
  RUN_ID,
  sha256Digest,
  type PushedImage,
} from '../support/registry.js';

const COSIGN = '/usr/local/bin/cosign';
const repository = `wc23v-evidence-${RUN_ID}/app`;
const target = { host: REGISTRY_ANON, repository };
const repo = `${REGISTRY_ANON}/${repository}`;
const COMMIT = '0123456789abcdef0123456789abcdef01234567';
const GITHUB = { GITHUB_REPOSITORY: 'acme/app', GITHUB_SHA: COMMIT, GITHUB_SERVER_URL: 'https://github.com', GITHUB_RUN_ID: '4242' };
const dirs: string[] = [];
let keys: string;
let key: string;
let trustedRoot: string;
const d: Record<string, string> = {};

/** SLSA v1 in the shape actions/attest-build-provenance writes (GitHub Actions build type). */
const PREDICATE_V1 = {
  buildDefinition: {
    buildType: 'https://actions.github.io/buildtypes/workflow/v1',
    externalParameters: {
      workflow: { ref: 'refs/heads/main', repository: 'https://github.com/acme/app', path: '.github/workflows/build.yml' },
    },
    internalParameters: { github: { event_name: 'push', repository_id: '1296269', repository_owner_id: '1' } },
    resolvedDependencies: [{ uri: 'git+https://github.com/acme/app@refs/heads/main', digest: { gitCommit: COMMIT } }],
  },
  runDetails: {
    builder: { id: 'https://github.com/actions/runner/github-hosted' },
    metadata: { invocationId: 'https://github.com/acme/app/actions/runs/4242/attempts/1' },
  },
};

/**
 * BuildKit's SLSA v0.2 predicate (`--provenance=mode=max` as docker/build-push-action sets it:
 * builder-id = the workflow run; buildx's git information in BuildKit's metadata for a `.` context).
 */
function buildkitStatement(platform: PushedImage, commit = COMMIT): object {
  return {
    _type: 'https://in-toto.io/Statement/v0.1',
    predicateType: 'https://slsa.dev/provenance/v0.2',
    subject: [{ name: `pkg:docker/${repo}@v1?platform=linux%2Famd64`, digest: { sha256: platform.digest.slice(7) } }],
    predicate: {
      builder: { id: 'https://github.com/acme/app/actions/runs/4242' },
      buildType: 'https://mobyproject.org/buildkit@v1',
      materials: [{ uri: 'pkg:docker/local/busybox@base?platform=linux%2Famd64', digest: { sha256: 'a'.repeat(64) } }],
      invocation: {
        configSource: { entryPoint: 'Dockerfile' },
        parameters: { frontend: 'dockerfile.v0', args: {}, locals: [{ name: 'context' }, { name: 'dockerfile' }] },
        environment: { platform: 'linux/amd64' },
      },
      metadata: {
        buildInvocationID: 'q1w2e3',
        buildStartedOn: '2026-12-03T10:00:00Z',
        buildFinishedOn: '2026-12-03T10:00:05Z',
        completeness: { parameters: true, environment: true, materials: false },
        reproducible: false,
        'https://mobyproject.org/buildkit@v1#metadata': {
          vcs: { revision: commit, source: 'https://github.com/acme/app' },
        },
      },
    },
  };
}

/** An OCI index as BuildKit's image exporter writes it with attestations: the platform manifest, then its attestation manifest. */
async function pushBuildkitIndex(tag: string, seed: string): Promise<string> {
  const platform = await pushImage(target, undefined, { format: 'oci', seed });
  const statement = Buffer.from(JSON.stringify(buildkitStatement(platform)));
  const layer = await pushBlob(target, statement);
  const config = Buffer.from(
    JSON.stringify({ architecture: 'unknown', os: 'unknown', config: {}, rootfs: { type: 'layers', diff_ids: [layer] } }),
  );
  const configDigest = await pushBlob(target, config);
  const att = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: configDigest, size: config.length },
      layers: [
        {
          mediaType: 'application/vnd.in-toto+json',
          digest: layer,
          size: statement.length,
          annotations: { 'in-toto.io/predicate-type': 'https://slsa.dev/provenance/v0.2' },
        },
      ],
    }),
  );
  const attDigest = await pushManifest(target, sha256Digest(att), att, 'application/vnd.oci.image.manifest.v1+json');
  const index = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.index.v1+json',
      manifests: [
        { mediaType: platform.mediaType, digest: platform.digest, size: platform.size, platform: { architecture: 'amd64', os: 'linux' } },
        {
          mediaType: 'application/vnd.oci.image.manifest.v1+json',
          digest: attDigest,
          size: att.length,
          annotations: { 'vnd.docker.reference.digest': platform.digest, 'vnd.docker.reference.type': 'attestation-manifest' },
          platform: { architecture: 'unknown', os: 'unknown' },
        },
      ],
    }),
  );
  return await pushManifest(target, tag, index, 'application/vnd.oci.image.index.v1+json');
}

async function cosign(args: string[]): Promise<void> {
  const r = await exec(COSIGN, args, { cwd: keys, env: { COSIGN_PASSWORD: 'test-password' }, allowFailure: true, timeoutMs: 60_000 });
  if (r.code !== 0) throw new Error(`cosign ${args.join(' ')} failed (${r.code}): ${r.stderr}`);
}
const predicateFile = () => {
  const f = join(keys, 'predicate.json');
  writeFileSync(f, JSON.stringify(PREDICATE_V1));
  return f;
};
/** a SLSA v1 statement signed with a key into a Sigstore bundle, no transparency log: `attest` (an OCI referrer) or `attest-blob` (a file) */
const signedStatement = (command: 'attest' | 'attest-blob', target: string[], keyFile = 'cosign.key') =>
  cosign([
    command,
    '--new-bundle-format',
    '--key',
    keyFile,
    '--type',
    'slsaprovenance1',
    '--predicate',
    predicateFile(),
    '--tlog-upload=false',
    '--yes',
    ...target,
  ]);
/** `cosign attest --new-bundle-format`: a Sigstore bundle pushed as an OCI referrer of the digest */
const attestBundle = (digest: string, keyFile?: string) => signedStatement('attest', [`${repo}@${digest}`], keyFile);

function workdir(deployment = ''): string {
  const dir = mkdtempSync(join(tmpdir(), 'verify-evidence-'));
  dirs.push(dir);
  writeFileSync(
    join(dir, 'sindri.yaml'),
    `version: "3.0"\nname: wc23v-evidence\ndeployment:\n  provider: docker\n${deployment}\nextensions:\n  profile: minimal\nproviders:\n  docker:\n    network: host\n`,
  );
  return dir;
}

function act(tag: string, inputs: Record<string, string> = {}, env: Record<string, string> = {}, deployment = ''): Promise<ActionRun> {
  return runAction({
    inputs: {
      image: `${repo}:${tag}`,
      'cosign-key': key,
      'verify-tlog': 'false',
      'trusted-root': trustedRoot,
      mode: 'plan',
      timeout: '3m',
      ...inputs,
    },
    cwd: workdir(deployment),
    node: '24',
    env: { ...GITHUB, ...env },
    timeoutMs: 180_000,
  });
}

/** image_config asking for signature and provenance (upstream's defaults: both true) */
const withProvenance = (tag: string) => `  image_config:\n    registry: ${repo}\n    tag_override: ${tag}`;

const result = (r: ActionRun) =>
  JSON.parse(r.outputs.result!) as {
    verification?: Record<string, unknown> & { buildkit?: Record<string, unknown>; evidence?: string[] };
  };
const errorLines = (r: ActionRun) => r.stdout.split('\n').filter((l) => l.startsWith('::error'));
const cosignCalls = (r: ActionRun) =>
  r.stdout
    .split('\n')
    .filter((l) => /^\$ \S*cosign /.test(l) && !/cosign version$/.test(l))
    .map((l) => l.split(' ').slice(2));

beforeAll(async () => {
  await requireService(`http://${REGISTRY_ANON}/v2/`);
  if (!existsSync(COSIGN)) throw new Error(`${COSIGN} is required for these tests (installed by scripts/ci-services.sh)`);
  keys = mkdtempSync(join(tmpdir(), 'verify-evidence-keys-'));
  await cosign(['generate-key-pair']);
  await cosign(['generate-key-pair', '--output-key-prefix', 'other']);
  key = join(keys, 'cosign.pub');
  trustedRoot = join(keys, 'trusted_root.json');
  await cosign(['trusted-root', 'create', '--out', trustedRoot]);

  d.bundle = (await pushImage(target, 'bundle', { format: 'oci', seed: `${RUN_ID}-bundle` })).digest;
  await attestBundle(d.bundle);
  d.foreign = (await pushImage(target, 'foreign', { format: 'oci', seed: `${RUN_ID}-foreign` })).digest;
  await attestBundle(d.foreign, 'other.key');
  d.bare = (await pushImage(target, 'bare', { format: 'oci', seed: `${RUN_ID}-bare` })).digest;
  d.buildkit = await pushBuildkitIndex('buildkit', `${RUN_ID}-bk`);
  d.buildkitSigned = await pushBuildkitIndex('buildkit-signed', `${RUN_ID}-bks`);
  await cosign(['sign', '--key', 'cosign.key', '--tlog-upload=false', '--yes', `${repo}@${d.buildkitSigned}`]);
  d.buildkitAttested = await pushBuildkitIndex('buildkit-attested', `${RUN_ID}-bka`);
  await attestBundle(d.buildkitAttested);
  d.api = (await pushImage(target, 'api', { format: 'oci', seed: `${RUN_ID}-api` })).digest;
}, 180_000);

afterAll(() => {
  for (const dir of [...dirs, keys]) if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('Sigstore bundles attached as OCI referrers (real cosign, real registry)', () => {
  it('the registry has no referrers API: the bundle is listed under the sha256-<hex> fallback tag, typed as a Sigstore bundle', async () => {
    const api = await fetch(`http://${REGISTRY_ANON}/v2/${repository}/referrers/${d.bundle}`);
    expect(api.status).toBe(404);
    const index = JSON.parse((await fetchManifest(target, d.bundle!.replace(':', '-')))!.toString()) as { manifests: { digest: string }[] };
    expect(index.manifests).toHaveLength(1);
    const referrer = JSON.parse((await fetchManifest(target, index.manifests[0]!.digest))!.toString()) as Record<string, unknown>;
    expect(referrer).toMatchObject({
      artifactType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
      subject: { digest: d.bundle },
      layers: [{ mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json' }],
      annotations: { 'dev.sigstore.bundle.predicateType': 'https://slsa.dev/provenance/v1' },
    });
  });

  it('a bundle signed with the key: verified=attestation, with the provenance it carries; cosign checks it against the manifest bytes', async () => {
    const r = await act('bundle', { verify: 'true' }, {}, withProvenance('bundle'));
    expect(r.code, r.stdout).toBe(0);
    expect(r.outputs).toMatchObject({ image: `${repo}@${d.bundle}`, verified: 'attestation' });
    const calls = cosignCalls(r);
    expect(calls.map((c) => c[0])).toEqual(['verify', 'verify-blob-attestation']);
    const bundleCall = calls[1]!;
    expect(bundleCall).toEqual([
      'verify-blob-attestation',
      '--new-bundle-format',
      '--bundle',
      expect.stringMatching(/sindri-verify-[^/]+\/bundle-attestation-0\.json$/),
      '--trusted-root',
      trustedRoot,
      '--key',
      key,
      '--insecure-ignore-tlog=true',
      '--type',
      'https://slsa.dev/provenance/v1',
      expect.stringMatching(/sindri-verify-[^/]+\/manifest\.json$/),
    ]);
    const v = result(r).verification!;
    expect(v).toMatchObject({
      evidence: ['attestation'],
      provenanceFrom: expect.stringMatching(/^OCI referrer sha256:[a-f0-9]{64}$/),
      builder: 'https://github.com/actions/runner/github-hosted',
      source: 'https://github.com/acme/app',
      commit: COMMIT,
      predicateType: 'https://slsa.dev/provenance/v1',
      expected: 'source matches, commit matches',
    });
    expect(r.summary).toMatch(/\| verified \| attestation \|/);
    expect(r.summary).toContain('| evidence | Sigstore bundle attached as an OCI referrer |');
    expect(r.summary).toContain('| provenance vs this run | source matches, commit matches |');
  });

  it("a bundle signed with another key: one line naming the digest and cosign's reason; the deploy stops", async () => {
    const r = await act('foreign', { mode: 'deploy' });
    expect(r.code).toBe(1);
    const errors = errorLines(r);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      new RegExp(`${repo}@${d.foreign} failed verification \\(policy: signature, key ${key}.*\\): attestation: .*\\(OCI referrer sha256:`),
    );
    expect(errors[0]).toMatch(/Fix: check cosign-key/);
    expect(r.stdout).not.toMatch(/\$ docker (pull|compose)/);
  });

  it('no signature and no bundle: the line says what was looked for; nothing is deployed', async () => {
    const r = await act('bare', { mode: 'deploy' });
    expect(r.code).toBe(1);
    expect(errorLines(r)).toHaveLength(1);
    expect(errorLines(r)[0]).toContain(
      `${repo}@${d.bare} failed verification (policy: signature, key ${key}, tlog off (verify-tlog: false)): no signatures found: no SLSA Sigstore bundle attached as an OCI referrer; GitHub's attestations API not asked (no github-token)`,
    );
    expect(errorLines(r)[0]).toMatch(/Fix: sign the image .* attest it with actions\/attest-build-provenance and push-to-registry: true/);
    expect(cosignCalls(r).map((c) => c[0])).toEqual(['verify']);
  });
});

describe('BuildKit provenance in the image index (manifests as BuildKit writes them, real registry)', () => {
  it('unsigned: read and compared with the run, said plainly to be unsigned, and it does not count as verification', async () => {
    const r = await act('buildkit', { verify: 'warn' });
    expect(r.code, r.stdout).toBe(0);
    expect(r.outputs.verified).toBe('none');
    expect(r.stdout).toContain(
      `BuildKit provenance of ${repo}@${d.buildkit} (UNSIGNED: informational only, nothing vouches for it): builder https://github.com/acme/app/actions/runs/4242, source https://github.com/acme/app @ ${COMMIT}; builder matches, source matches, commit matches`,
    );
    expect(r.stdout).toMatch(new RegExp(`::warning::${repo}@${d.buildkit} failed verification .*no signatures found.*deploying anyway`));
  });

  it("another commit than the run's: the difference is a warning, not a verdict", async () => {
    const other = 'fedcba9876543210fedcba9876543210fedcba98';
    const r = await act('buildkit-attested', {}, { GITHUB_SHA: other });
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toMatch(/::warning::BuildKit provenance of .*UNSIGNED.*commit differs \(expected fedcba98.*, found 01234567/);
  });

  it('covered by a verified cosign signature of the index: verified=signature+buildkit-provenance, provenance satisfied', async () => {
    const r = await act('buildkit-signed', {}, {}, withProvenance('buildkit-signed'));
    expect(r.code, r.stdout).toBe(0);
    expect(r.outputs.verified).toBe('signature+buildkit-provenance');
    // cosign's own attestations were looked for first (none attached: no other type tried), then the index was read
    expect(cosignCalls(r).map((c) => c.slice(0, 3).join(' '))).toEqual([
      'verify --key ' + key,
      'verify-attestation --type slsaprovenance1',
    ]);
    const v = result(r).verification!;
    expect(v).toMatchObject({
      evidence: ['signature', 'buildkit-provenance'],
      provenanceFrom: 'BuildKit provenance in the index, covered by the signature of the index',
      builder: 'https://github.com/acme/app/actions/runs/4242',
      source: 'https://github.com/acme/app',
      commit: COMMIT,
      buildkit: { signed: true, platforms: 1, predicateType: 'https://slsa.dev/provenance/v0.2' },
    });
    expect(r.summary).toContain('| BuildKit provenance | covered by the verified signature of the index');
  });

  it('next to a Sigstore bundle on the index: verified=attestation, and the BuildKit provenance is shown as unsigned', async () => {
    const r = await act('buildkit-attested');
    expect(r.code, r.stdout).toBe(0);
    expect(r.outputs.verified).toBe('attestation');
    expect(result(r).verification?.buildkit).toMatchObject({ signed: false, expected: 'builder matches, source matches, commit matches' });
    expect(r.summary).toContain(
      '| BuildKit provenance | **unsigned: informational only**: builder `https://github.com/acme/app/actions/runs/4242`',
    );
  });
});

describe("GitHub's attestations API (CONTRACT: the GitHub API stand-in; real cosign verifies the bundle)", () => {
  let github: GitHubApiStandIn;
  const TOKEN = 'ghs_evidence0123456789';
  beforeAll(async () => {
    github = new GitHubApiStandIn({ token: TOKEN, repository: 'acme/app' });
    await github.start();
    // the bundle attest-build-provenance would record: a statement about the manifest's bytes, signed by the key
    const manifest = join(keys, 'api-manifest.json');
    writeFileSync(manifest, (await fetchManifest(target, d.api!))!);
    const bundle = join(keys, 'api-bundle.json');
    await signedStatement('attest-blob', ['--bundle', bundle, manifest]);
    github.addAttestation(d.api!, JSON.parse(readFileSync(bundle, 'utf8')) as Record<string, unknown>);
  });
  afterAll(async () => {
    await github.stop();
  });

  it('with a token: the digest is looked up in GITHUB_REPOSITORY, its bundle verified: verified=github-attestation', async () => {
    github.clearRequests();
    const r = await act('api', { 'github-token': TOKEN }, { GITHUB_API_URL: github.url });
    expect(r.code, r.stdout).toBe(0);
    expect(r.outputs.verified).toBe('github-attestation');
    expect(github.requests.map((q) => `${q.method} ${decodeURIComponent(q.path)}`)).toEqual([`GET /repos/acme/app/attestations/${d.api}`]);
    expect(github.requests[0]!.authorization).toBe(`token ${TOKEN}`);
    expect(result(r).verification).toMatchObject({
      evidence: ['github-attestation'],
      provenanceFrom: 'GitHub attestations API (acme/app)',
      commit: COMMIT,
    });
    expect(
      r.stdout
        .split('\n')
        .filter((l) => !l.startsWith('::add-mask::'))
        .join('\n'),
    ).not.toContain(TOKEN); // masked first, never printed
  });

  it('a token without attestations: read: the 403 is named in the line that stops the deploy', async () => {
    github.options = { forbidAttestations: true };
    try {
      const r = await act('api', { 'github-token': TOKEN, mode: 'deploy' }, { GITHUB_API_URL: github.url });
      expect(r.code).toBe(1);
      expect(errorLines(r)).toHaveLength(1);
      expect(errorLines(r)[0]).toMatch(/no signatures found: .*GitHub attestations API for acme\/app failed: HTTP 403/);
    } finally {
      github.options = {};
    }
  });

  it('no attestation for the digest (404): looked for and said so', async () => {
    const r = await act('bare', { 'github-token': TOKEN, mode: 'deploy' }, { GITHUB_API_URL: github.url });
    expect(r.code).toBe(1);
    expect(errorLines(r)[0]).toMatch(
      /no SLSA Sigstore bundle attached as an OCI referrer; no SLSA Sigstore bundle in GitHub's attestations API/,
    );
  });
});

/**
 * A bundle attached the way actions/attest-build-provenance (push-to-registry) attaches it through
 * @sigstore/oci: the empty config `{}`, the bundle as the one layer, artifactType and subject; on a
 * registry without the referrers API, listed in the `sha256-<hex>` tag's index with its artifactType.
 */
async function attachAsReferrer(subject: PushedImage, bundle: Record<string, unknown>): Promise<string> {
  const BUNDLE = 'application/vnd.dev.sigstore.bundle.v0.3+json';
  const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
  const empty = Buffer.from('{}');
  const layer = Buffer.from(JSON.stringify(bundle));
  const annotations = {
    'dev.sigstore.bundle.content': 'dsse-envelope',
    'dev.sigstore.bundle.predicateType': 'https://slsa.dev/provenance/v1',
    'org.opencontainers.image.created': new Date().toISOString(),
  };
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      artifactType: BUNDLE,
      config: { mediaType: 'application/vnd.oci.empty.v1+json', size: empty.length, digest: await pushBlob(target, empty) },
      layers: [{ mediaType: BUNDLE, size: layer.length, digest: await pushBlob(target, layer) }],
      subject: { mediaType: subject.mediaType, size: subject.size, digest: subject.digest },
      annotations,
    }),
  );
  const digest = await pushManifest(target, sha256Digest(manifest), manifest, OCI_MANIFEST);
  const index = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.index.v1+json',
      manifests: [{ mediaType: OCI_MANIFEST, digest, size: manifest.length, artifactType: BUNDLE, annotations }],
    }),
  );
  await pushManifest(target, subject.digest.replace(':', '-'), index, 'application/vnd.oci.image.index.v1+json');
  return digest;
}

describe('keyless: a workflow identity from a mock Fulcio and Rekor (@sigstore/mock), verified by the real cosign', () => {
  const ISSUER = 'https://token.actions.githubusercontent.com';
  const WORKFLOW = 'https://github.com/acme/app/.github/workflows/build.yml@refs/heads/main';
  const IDENTITY = '^https://github\\.com/acme/app/\\.github/workflows/build\\.yml@refs/heads/main$';
  let sigstore: MockSigstore;
  let keylessRoot: string;
  let image: PushedImage;
  let timestamped: PushedImage;
  beforeAll(async () => {
    sigstore = await startMockSigstore();
    const dir = mkdtempSync(join(tmpdir(), 'verify-evidence-keyless-'));
    dirs.push(dir);
    for (const [name, text] of Object.entries(sigstore.pems)) writeFileSync(join(dir, `${name}.pem`), text);
    keylessRoot = join(dir, 'trusted_root.json');
    // the trusted root made from the mock's CA, CT log and Rekor keys: cosign checks certificate, SCT and log entry against it
    await cosign([
      'trusted-root',
      'create',
      '--certificate-chain',
      join(dir, 'root.pem'),
      '--ctfe-key',
      join(dir, 'ctlog.pem'),
      '--rekor-key',
      join(dir, 'rekor.pem'),
      '--timestamp-certificate-chain',
      join(dir, 'tsa.pem'),
      '--out',
      keylessRoot,
    ]);
    image = await pushImage(target, 'keyless', { format: 'oci', seed: `${RUN_ID}-keyless` });
    const statement = {
      _type: 'https://in-toto.io/Statement/v1',
      subject: [{ name: repo, digest: { sha256: image.digest.slice(7) } }],
      predicateType: 'https://slsa.dev/provenance/v1',
      predicate: PREDICATE_V1,
    };
    await attachAsReferrer(image, await sigstore.attest(statement, WORKFLOW, ISSUER));
    // as GitHub signs a private repository's attestation: a timestamp authority, no transparency log
    timestamped = await pushImage(target, 'timestamped', { format: 'oci', seed: `${RUN_ID}-tsa` });
    const aboutIt = { ...statement, subject: [{ name: repo, digest: { sha256: timestamped.digest.slice(7) } }] };
    await attachAsReferrer(timestamped, await sigstore.attest(aboutIt, WORKFLOW, ISSUER, true));
  }, 120_000);
  afterAll(async () => {
    await sigstore.close();
  });

  // cosign's own `verify` (the signature step) reads its keyless roots from these, not from the public-good TUF
  // repository (cosign's variables for a private Sigstore deployment): nothing leaves the machine
  const roots = () => ({
    SIGSTORE_ROOT_FILE: join(dirname(keylessRoot), 'root.pem'),
    SIGSTORE_CT_LOG_PUBLIC_KEY_FILE: join(dirname(keylessRoot), 'ctlog.pem'),
    SIGSTORE_REKOR_PUBLIC_KEY: join(dirname(keylessRoot), 'rekor.pem'),
  });
  const keyless = (identity: string, inputs: Record<string, string> = {}, tag = 'keyless') =>
    act(
      tag,
      {
        'cosign-key': '',
        'certificate-identity': identity,
        'certificate-oidc-issuer': ISSUER,
        'verify-tlog': 'true',
        'trusted-root': keylessRoot,
        verify: 'true',
        ...inputs,
      },
      roots(),
    );

  it('the building workflow as certificate-identity, the log required: verified=attestation', async () => {
    const r = await keyless(IDENTITY);
    expect(r.code, r.stdout).toBe(0);
    expect(r.outputs.verified).toBe('attestation');
    expect(cosignCalls(r)[1]).toEqual([
      'verify-blob-attestation',
      '--new-bundle-format',
      '--bundle',
      expect.stringMatching(/bundle-attestation-0\.json$/),
      '--trusted-root',
      keylessRoot,
      '--certificate-identity-regexp',
      `'${IDENTITY}'`, // the trace quotes it as a shell would
      '--certificate-oidc-issuer',
      ISSUER,
      '--type',
      'https://slsa.dev/provenance/v1',
      expect.stringMatching(/manifest\.json$/),
    ]);
    expect(result(r).verification).toMatchObject({ evidence: ['attestation'], source: 'https://github.com/acme/app', commit: COMMIT });
  });

  it("another repository's workflow as certificate-identity: cosign's identity mismatch, the deploy stops", async () => {
    const r = await keyless('^https://github\\.com/acme/other/', { mode: 'deploy' });
    expect(r.code).toBe(1);
    expect(errorLines(r)).toHaveLength(1);
    expect(errorLines(r)[0]).toMatch(
      /attestation: failed to verify certificate identity: .*got "https:\/\/github\.com\/acme\/app\/\.github\/workflows\/build\.yml@refs\/heads\/main"/,
    );
  });

  it("a timestamped bundle without a log entry (GitHub's private-repository attestations): verify-tlog: false with trusted-root, cosign checks the signed timestamp", async () => {
    const strict = await keyless(IDENTITY, { mode: 'deploy' }, 'timestamped');
    expect(strict.code).toBe(1);
    expect(errorLines(strict)[0]).toMatch(/attestation: failed to verify log inclusion: .*Fix: .*trusted-root/);
    const r = await keyless(IDENTITY, { 'verify-tlog': 'false' }, 'timestamped');
    expect(r.code, r.stdout).toBe(0);
    expect(r.outputs.verified).toBe('attestation');
    expect(cosignCalls(r)[1]).toEqual(expect.arrayContaining(['--insecure-ignore-tlog=true', '--use-signed-timestamps']));
    expect(result(r).verification?.policy).toContain('tlog off: signed timestamps of trusted-root instead');
  });
});
