/**
 * CONTRACT: keyless verification through the action (`node dist/index.js`, Node 20 and 24). Keyless
 * trust material (a Fulcio certificate and its Rekor entry) cannot be made offline, so cosign here is
 * the recording stand-in (__tests__/support/fakes/cosign.cjs) and what is checked is the exact argv
 * the action gives cosign and how it reads the answers. The stand-in parses that argv as cosign 2.5
 * does and fails it with cosign's own text and exit code (cosign-stand-in.test.ts compares it with
 * the real binary). Real runs of key-based verification: verify-action.test.ts. The image and its
 * digest are real (127.0.0.1:5000).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAction, type ActionRun } from '../support/action.js';
import { installFakes, type Fakes } from '../support/fakes.js';
import { pushImage, REGISTRY_ANON, requireService, RUN_ID } from '../support/registry.js';

const repository = `vfy-keyless-${RUN_ID}/app`;
const repo = `${REGISTRY_ANON}/${repository}`;
let digest: string;
let fakes: Fakes;
const dirs: string[] = [];

const UPSTREAM_IDENTITY = '^https://github\\.com/pacphi/sindri/';
const ACTIONS_ISSUER = 'https://token.actions.githubusercontent.com';
const SIGNER = { subject: 'https://github.com/pacphi/sindri/.github/workflows/release-v3.yml@refs/tags/v3.1.0', issuer: ACTIONS_ISSUER };
const V1 = {
  predicateType: 'https://slsa.dev/provenance/v1',
  predicate: {
    buildDefinition: {
      externalParameters: { workflow: { repository: 'https://github.com/pacphi/sindri' } },
      resolvedDependencies: [{ uri: 'git+https://github.com/pacphi/sindri@refs/tags/v3.1.0', digest: { gitCommit: 'abc123' } }],
    },
    runDetails: { builder: { id: 'https://github.com/actions/runner/github-hosted' } },
  },
};

function workdir(imageConfig: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'verify-keyless-'));
  dirs.push(dir);
  writeFileSync(
    join(dir, 'sindri.yaml'),
    `version: "3.0"\nname: keyless\ndeployment:\n  provider: docker\n  image_config:\n    registry: ${repo}\n    tag_override: v1\n${imageConfig}extensions:\n  profile: minimal\n`,
  );
  return dir;
}

function plan(dir: string, node: '20' | '24', inputs: Record<string, string> = {}): Promise<ActionRun> {
  fakes.clearCalls();
  return runAction({ inputs: { mode: 'plan', ...inputs }, cwd: dir, node, env: fakes.env, timeoutMs: 120_000 });
}

beforeAll(async () => {
  await requireService(`http://${REGISTRY_ANON}/v2/`);
  digest = (await pushImage({ host: REGISTRY_ANON, repository }, 'v1', { seed: repository })).digest;
  fakes = installFakes(['cosign']);
});

afterAll(() => {
  fakes?.remove();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('keyless verification (contract: recording cosign stand-in)', () => {
  it("(Node 24) image_config defaults: upstream's identity as an anchored regexp and the Actions issuer, on the digest", async () => {
    fakes.setState('cosign', { signer: SIGNER, attestations: [V1] });
    const r = await plan(workdir(''), '24');
    expect(r.code, r.stdout).toBe(0);
    const ref = `${repo}@${digest}`;
    expect(r.outputs).toMatchObject({ image: ref, verified: 'signature+provenance' });
    const policy = ['--certificate-identity-regexp', UPSTREAM_IDENTITY, '--certificate-oidc-issuer', ACTIONS_ISSUER];
    expect(fakes.calls('cosign').map((c) => c.argv)).toEqual([
      ['verify', ...policy, '--output', 'json', ref],
      ['verify-attestation', '--type', 'slsaprovenance1', ...policy, '--output', 'json', ref],
    ]);
    expect(JSON.parse(r.outputs.result!).verification).toMatchObject({
      builder: 'https://github.com/actions/runner/github-hosted',
      source: 'https://github.com/pacphi/sindri',
      commit: 'abc123',
    });
  });

  it('(Node 20) image_config certificate_identity / issuer are passed as written; v0.2 found after v1 is not', async () => {
    fakes.setState('cosign', {
      signer: { subject: 'https://github.com/acme/app/.github/workflows/build.yml@refs/heads/main', issuer: 'https://issuer.example' },
      attestations: [
        {
          predicateType: 'https://slsa.dev/provenance/v0.2',
          predicate: { builder: { id: 'gen' }, materials: [{ uri: 'git+https://github.com/acme/app', digest: { sha1: 'f00' } }] },
        },
      ],
    });
    const dir = workdir(`    certificate_identity: ^https://github\\.com/acme/app/\n    certificate_oidc_issuer: https://issuer.example\n`);
    const r = await plan(dir, '20');
    expect(r.code, r.stdout).toBe(0);
    expect(r.outputs.verified).toBe('signature+provenance');
    const calls = fakes.calls('cosign').map((c) => c.argv);
    expect(calls[0]).toEqual([
      'verify',
      '--certificate-identity-regexp',
      '^https://github\\.com/acme/app/',
      '--certificate-oidc-issuer',
      'https://issuer.example',
      '--output',
      'json',
      `${repo}@${digest}`,
    ]);
    expect(calls.map((a) => (a[0] === 'verify-attestation' ? a[2] : a[0]))).toEqual(['verify', 'slsaprovenance1', 'slsaprovenance02']);
  });

  it("(Node 24) an identity that does not match the certificate: one line with the digest, the policy and cosign's reason", async () => {
    fakes.setState('cosign', {
      signer: { ...SIGNER, subject: 'https://github.com/pacphi/sindri-fork/.github/workflows/x.yml@refs/heads/main' },
      attestations: [V1],
    });
    const r = await plan(workdir(''), '24', { mode: 'deploy' }); // a deploy stops before the provider runs
    expect(r.code).toBe(1);
    const errors = r.stdout.split('\n').filter((l) => l.startsWith('::error'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(
      `${repo}@${digest} failed verification (policy: signature+provenance, keyless, identity ~ ${UPSTREAM_IDENTITY}, issuer ${ACTIONS_ISSUER}, tlog required)`,
    );
    expect(errors[0]).toMatch(
      /none of the expected identities matched.*Fix: check cosign-key \(or certificate-identity and certificate-oidc-issuer\)/,
    );
    expect(fakes.calls('cosign')).toHaveLength(1);
    expect(r.stdout).not.toMatch(/\$ docker (pull|compose)/);
  });

  it('(Node 20) keyless with verify-tlog: false is refused before cosign runs', async () => {
    fakes.setState('cosign', { signer: SIGNER, attestations: [V1] });
    const r = await plan(workdir(''), '20', { 'verify-tlog': 'false' });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/::error.*input verify-tlog: verify-tlog: false needs a key.*Fix: set cosign-key/);
    expect(fakes.calls('cosign')).toEqual([]);
  });
});
