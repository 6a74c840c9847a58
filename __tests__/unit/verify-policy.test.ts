/**
 * The pure parts of verification: the policy from inputs and image_config, the exact cosign argv
 * (this is where keyless is covered: its trust material cannot be made offline), reading cosign's
 * JSON back, and the reasons and fixes of its failures.
 */
import { describe, expect, it } from 'vitest';
import { cosignArgv } from '../../src/external/cosign.js';
import type { ImageConfig } from '../../src/config/types.js';
import { ActionError } from '../../src/errors.js';
import { attestationStatements, readProvenance, signedDigests } from '../../src/verify/payload.js';
import {
  DEFAULT_IDENTITY_REGEXP,
  DEFAULT_OIDC_ISSUER,
  describePolicy,
  keyRef,
  verificationPolicy,
  type PolicyInputs,
} from '../../src/verify/policy.js';
import { cosignReason, fixFor, hasNoAttestation, isNoMatchingType } from '../../src/verify/verify.js';

const inputs = (o: Partial<PolicyInputs> = {}): PolicyInputs => ({
  verify: 'auto',
  'cosign-key': '',
  'certificate-identity': '',
  'certificate-oidc-issuer': '',
  'verify-tlog': true,
  ...o,
});
const imageConfig = (o: Partial<ImageConfig> = {}): ImageConfig => ({
  registry: 'ghcr.io/acme/app',
  resolution_strategy: 'semver',
  allow_prerelease: false,
  verify_signature: true,
  verify_provenance: true,
  pull_policy: 'IfNotPresent',
  ...o,
});
const DIGEST = `sha256:${'a'.repeat(64)}`;
const REF = `ghcr.io/acme/app@${DIGEST}`;

describe('verificationPolicy', () => {
  it('auto without image_config or policy inputs: nothing to check, and says why', () => {
    expect(verificationPolicy(inputs(), undefined)).toEqual({
      skip: 'verify: auto and nothing asks for it (no image_config, no cosign-key or certificate-identity)',
    });
  });

  it('auto with image_config (upstream defaults): signature and provenance, keyless with upstream identity (anchored) and the Actions issuer', () => {
    expect(verificationPolicy(inputs(), imageConfig())).toEqual({
      onFailure: 'enforce',
      signature: true,
      provenance: true,
      trust: { kind: 'keyless', identityRegexp: DEFAULT_IDENTITY_REGEXP, issuer: DEFAULT_OIDC_ISSUER },
      tlog: true,
      askedBy: 'image_config (verify_signature: true, verify_provenance: true)',
    });
    expect(
      new RegExp(DEFAULT_IDENTITY_REGEXP).test('https://github.com/pacphi/sindri/.github/workflows/release.yml@refs/tags/v3.0.0'),
    ).toBe(true);
    expect(new RegExp(DEFAULT_IDENTITY_REGEXP).test('https://github.com/pacphi/sindri-fork/.github/workflows/x.yml@refs/heads/main')).toBe(
      false,
    );
  });

  it('auto with both image_config flags false: skipped, said so', () => {
    expect(verificationPolicy(inputs(), imageConfig({ verify_signature: false, verify_provenance: false }))).toEqual({
      skip: 'image_config sets verify_signature and verify_provenance to false',
    });
  });

  it('image_config identity and issuer are used; inputs win over them', () => {
    const ic = imageConfig({ certificate_identity: '^https://github\\.com/acme/', certificate_oidc_issuer: 'https://issuer.example' });
    expect(verificationPolicy(inputs(), ic)).toMatchObject({
      trust: { kind: 'keyless', identityRegexp: '^https://github\\.com/acme/', issuer: 'https://issuer.example' },
    });
    expect(verificationPolicy(inputs({ 'certificate-identity': '^x$', 'certificate-oidc-issuer': 'https://other' }), ic)).toMatchObject({
      trust: { kind: 'keyless', identityRegexp: '^x$', issuer: 'https://other' },
      askedBy: 'image_config (verify_signature: true, verify_provenance: true)',
    });
  });

  it('auto with only cosign-key: signature (no provenance without image_config)', () => {
    expect(verificationPolicy(inputs({ 'cosign-key': 'cosign.pub' }), undefined)).toMatchObject({
      provenance: false,
      trust: { kind: 'key', key: { kind: 'path', path: 'cosign.pub' } },
      askedBy: 'input cosign-key',
    });
  });

  it('true forces the signature even when image_config turns both off; provenance follows image_config', () => {
    const off = imageConfig({ verify_signature: false, verify_provenance: false });
    expect(verificationPolicy(inputs({ verify: 'true' }), off)).toMatchObject({ signature: true, provenance: false, onFailure: 'enforce' });
    expect(verificationPolicy(inputs({ verify: 'true' }), imageConfig({ verify_signature: false }))).toMatchObject({ provenance: true });
  });

  it('warn: the same checks, failures are warnings; false: skipped whatever image_config says', () => {
    expect(verificationPolicy(inputs({ verify: 'warn' }), imageConfig())).toMatchObject({ onFailure: 'warn', provenance: true });
    expect(verificationPolicy(inputs({ verify: 'false', 'cosign-key': 'k.pub' }), imageConfig())).toEqual({
      skip: 'verify: false: verification skipped',
    });
  });

  it('verify-tlog: false is for keys; keyless without the log is refused with the fix', () => {
    expect(verificationPolicy(inputs({ 'cosign-key': 'k.pub', 'verify-tlog': false }), imageConfig())).toMatchObject({ tlog: false });
    expect(() => verificationPolicy(inputs({ 'verify-tlog': false }), imageConfig())).toThrow(ActionError);
    try {
      verificationPolicy(inputs({ 'verify-tlog': false }), imageConfig());
    } catch (e) {
      expect((e as ActionError).toLine()).toMatch(
        /^input verify-tlog: verify-tlog: false needs a key, or a trusted-root.*Fix: set cosign-key/,
      );
    }
    // a trusted root's timestamp authority proves the time instead (GitHub's private-repository attestations)
    expect(verificationPolicy(inputs({ 'verify-tlog': false, 'trusted-root': 'trusted_root.json' }), imageConfig())).toMatchObject({
      tlog: false,
      trust: { kind: 'keyless' },
    });
  });

  it('keyRef: PEM value, KMS and provider URIs passed through, else a path', () => {
    expect(keyRef('-----BEGIN PUBLIC KEY-----\nMFk\n-----END PUBLIC KEY-----')).toEqual({
      kind: 'pem',
      pem: '-----BEGIN PUBLIC KEY-----\nMFk\n-----END PUBLIC KEY-----\n',
    });
    for (const uri of [
      'awskms:///arn:aws:kms:us-east-1:1:key/2',
      'gcpkms://projects/p/locations/l/keyRings/r/cryptoKeys/k',
      'hashivault://transit',
      'k8s://ns/secret',
      'azurekms://v.vault.azure.net/k',
    ]) {
      expect(keyRef(uri)).toEqual({ kind: 'uri', uri });
    }
    expect(keyRef('keys/cosign.pub')).toEqual({ kind: 'path', path: 'keys/cosign.pub' });
  });

  it('describePolicy names what, whom and the tlog', () => {
    const p = verificationPolicy(inputs({ verify: 'warn', 'cosign-key': 'awskms:///k', 'verify-tlog': false }), imageConfig());
    expect(describePolicy(p as Exclude<typeof p, { skip: string }>)).toBe(
      'signature+provenance, key awskms:///k, tlog off (verify-tlog: false), verify: warn',
    );
    const k = verificationPolicy(inputs(), imageConfig({ verify_provenance: false }));
    expect(describePolicy(k as Exclude<typeof k, { skip: string }>)).toBe(
      `signature, keyless, identity ~ ${DEFAULT_IDENTITY_REGEXP}, issuer ${DEFAULT_OIDC_ISSUER}, tlog required`,
    );
  });
});

describe('cosignArgv: the exact command lines', () => {
  it('keyless: identity as a regexp and the issuer, tlog required, JSON out, the digest ref', () => {
    const check = { ref: REF, trust: { identityRegexp: DEFAULT_IDENTITY_REGEXP, issuer: DEFAULT_OIDC_ISSUER }, tlog: true };
    expect(cosignArgv.verify(check)).toEqual([
      'verify',
      '--certificate-identity-regexp',
      '^https://github\\.com/pacphi/sindri/',
      '--certificate-oidc-issuer',
      'https://token.actions.githubusercontent.com',
      '--output',
      'json',
      REF,
    ]);
    expect(cosignArgv.verifyAttestation(check, 'slsaprovenance1')).toEqual([
      'verify-attestation',
      '--type',
      'slsaprovenance1',
      '--certificate-identity-regexp',
      '^https://github\\.com/pacphi/sindri/',
      '--certificate-oidc-issuer',
      'https://token.actions.githubusercontent.com',
      '--output',
      'json',
      REF,
    ]);
  });

  it('key without the log: --key and --insecure-ignore-tlog=true', () => {
    expect(cosignArgv.verify({ ref: REF, trust: { key: '/k/cosign.pub' }, tlog: false })).toEqual([
      'verify',
      '--key',
      '/k/cosign.pub',
      '--insecure-ignore-tlog=true',
      '--output',
      'json',
      REF,
    ]);
  });
});

describe('reading cosign output', () => {
  const sigPayload = {
    critical: {
      identity: { 'docker-reference': 'ghcr.io/acme/app' },
      image: { 'docker-manifest-digest': DIGEST },
      type: 'cosign container image signature',
    },
    optional: null,
  };

  it('signedDigests: a JSON array (cosign ≥ 2.3) or one object a line', () => {
    expect(signedDigests(JSON.stringify([sigPayload]))).toEqual([DIGEST]);
    expect(signedDigests(`${JSON.stringify(sigPayload)}\n${JSON.stringify(sigPayload)}\n`)).toEqual([DIGEST, DIGEST]);
    expect(signedDigests('')).toEqual([]);
    expect(signedDigests('not json')).toEqual([]);
  });

  it('attestationStatements + readProvenance: SLSA v1 and v0.2', () => {
    const v1 = {
      _type: 'https://in-toto.io/Statement/v0.1',
      predicateType: 'https://slsa.dev/provenance/v1',
      subject: [{ name: 'ghcr.io/acme/app', digest: { sha256: 'a'.repeat(64) } }],
      predicate: {
        buildDefinition: {
          externalParameters: { workflow: { repository: 'https://github.com/acme/app' } },
          resolvedDependencies: [{ uri: 'git+https://github.com/acme/app@refs/heads/main', digest: { gitCommit: 'c0ffee' } }],
        },
        runDetails: { builder: { id: 'https://github.com/actions/runner/github-hosted' } },
      },
    };
    const envelope = (s: object) =>
      JSON.stringify({
        payloadType: 'application/vnd.in-toto+json',
        payload: Buffer.from(JSON.stringify(s)).toString('base64'),
        signatures: [],
      });
    const [st] = attestationStatements(`${envelope(v1)}\n`);
    expect(st!.subjects).toEqual([DIGEST]);
    expect(readProvenance(st!.predicateType, st!.predicate)).toEqual({
      predicateType: 'https://slsa.dev/provenance/v1',
      builderId: 'https://github.com/actions/runner/github-hosted',
      source: 'https://github.com/acme/app',
      commit: 'c0ffee',
    });
    const v02 = {
      builder: { id: 'b' },
      invocation: { configSource: { uri: 'git+https://github.com/acme/x@refs/tags/v1', digest: { sha1: 'beef' } } },
    };
    expect(readProvenance('https://slsa.dev/provenance/v0.2', v02)).toEqual({
      predicateType: 'https://slsa.dev/provenance/v0.2',
      builderId: 'b',
      source: 'git+https://github.com/acme/x@refs/tags/v1',
      commit: 'beef',
    });
    expect(
      readProvenance('https://slsa.dev/provenance/v0.2', { materials: [{ uri: 'git+https://m', digest: { sha1: 'f00d' } }] }),
    ).toMatchObject({
      source: 'git+https://m',
      commit: 'f00d',
    });
  });
});

describe('cosign failures: reason, fallback, fix', () => {
  const tlogWarning =
    'WARNING: Skipping tlog verification is an insecure practice that lacks transparency and auditability verification for the signature.\n';

  it('cosignReason: the Error line without prefix, never the tlog warning', () => {
    expect(cosignReason(`${tlogWarning}Error: no signatures found\nerror during command execution: no signatures found\n`)).toBe(
      'no signatures found',
    );
    expect(cosignReason('')).toBe('cosign failed without a message');
  });

  it('isNoMatchingType / hasNoAttestation: another predicate type moves on to the next type; none at all or a bad key stops', () => {
    expect(
      isNoMatchingType(
        'Error: none of the attestations matched the predicate type: slsaprovenance1, found: https://slsa.dev/provenance/v0.2\n',
      ),
    ).toBe(true);
    expect(isNoMatchingType('error during command execution: no matching attestations: \n')).toBe(false);
    expect(hasNoAttestation('Error: no matching attestations: \nerror during command execution: no matching attestations: \n')).toBe(true);
    expect(
      isNoMatchingType(
        'error during command execution: no matching attestations: accepted signatures do not match threshold, Found: 0, Expected 1\n',
      ),
    ).toBe(false);
    expect(hasNoAttestation('error during command execution: no matching attestations: accepted signatures do not match threshold\n')).toBe(
      false,
    );
  });

  it('fixFor: registry, tlog, unsigned, wrong key, missing provenance', () => {
    expect(fixFor('Get "https://r/v2/": dial tcp 127.0.0.1:1: connect: connection refused', 'signature')).toMatch(/reaches the registry/);
    expect(
      fixFor('getting Rekor public keys: updating local metadata and targets: error updating to TUF remote mirror', 'signature'),
    ).toMatch(/verify-tlog: false/);
    expect(fixFor('no signatures found', 'signature')).toMatch(/^sign the image/);
    expect(fixFor('no matching signatures: invalid signature when validating ASN.1 encoded signature', 'signature')).toMatch(
      /^check cosign-key/,
    );
    expect(fixFor('', 'provenance')).toMatch(/cosign attest --type slsaprovenance1/);
  });
});
