/**
 * What to verify and how (docs/behaviour.md#verification: `verify`, `cosign-key`,
 * `certificate-identity`, `certificate-oidc-issuer`, `verify-tlog`; docs/upstream.md#verification for
 * upstream's defaults). Pure: inputs and `image_config` in, a policy out. Decisions:
 * docs/adr/0012-verify-then-deploy-the-digest.md.
 */
import type { ImageConfig } from '../config/types.js';
import { ActionError } from '../errors.js';
import type { VerifyMode } from '../domain.js';
import type { TraceStep } from '../image/types.js';
import { checksSignatures, configAsks } from './checks.js';

/** Upstream's keyless identity, anchored (upstream passes it unanchored: `…/sindri-fork` would match). */
export const DEFAULT_IDENTITY_REGEXP = '^https://github\\.com/pacphi/sindri/';
export const DEFAULT_OIDC_ISSUER = 'https://token.actions.githubusercontent.com';

/** cosign's `--key`: a PEM value (written to a 0600 file for the call), a file, or a KMS/provider URI. */
export type KeyRef = { kind: 'pem'; pem: string } | { kind: 'path'; path: string } | { kind: 'uri'; uri: string };

export type Trust = { kind: 'key'; key: KeyRef } | { kind: 'keyless'; identityRegexp: string; issuer: string };

export interface VerifyPolicy {
  /** `enforce`: a failed or impossible check stops the deploy; `warn`: it is a warning */
  onFailure: 'enforce' | 'warn';
  /** always true: provenance is only checked together with the signature (ADR 0012) */
  signature: true;
  provenance: boolean;
  trust: Trust;
  /** require the transparency-log entry */
  tlog: boolean;
  /** what asked for verification, for the trace: `input verify: true`, `image_config.verify_signature` */
  askedBy: string;
}

/** Nothing is checked: why (trace and summary). */
export interface NoVerification {
  skip: string;
}

export interface PolicyInputs {
  verify: VerifyMode;
  'cosign-key': string;
  'certificate-identity': string;
  'certificate-oidc-issuer': string;
  'verify-tlog': boolean;
  /** a Sigstore trusted root JSON file for bundles ('' or absent: cosign's public-good root) */
  'trusted-root'?: string;
  /** GitHub's attestations API is asked only with a token */
  'github-token'?: string;
}

/** `awskms://`, `gcpkms://`, `azurekms://`, `hashivault://`, `k8s://`, `gitlab://`, `pkcs11:`: cosign resolves them itself. */
const KEY_URI = /^(?:[a-z][a-z0-9+.-]*:\/\/|pkcs11:)/i;

export function keyRef(value: string): KeyRef {
  const v = value.trim();
  if (v.startsWith('-----BEGIN')) return { kind: 'pem', pem: `${v}\n` };
  if (KEY_URI.test(v)) return { kind: 'uri', uri: v };
  return { kind: 'path', path: v };
}

export function verificationPolicy(inputs: PolicyInputs, imageConfig: ImageConfig | undefined): VerifyPolicy | NoVerification {
  const mode = inputs.verify;
  if (mode === 'false') return { skip: 'verify: false: verification skipped' };
  if (!checksSignatures(inputs, imageConfig)) {
    return {
      skip: imageConfig
        ? 'image_config sets verify_signature and verify_provenance to false'
        : 'verify: auto and nothing asks for it (no image_config, no cosign-key or certificate-identity)',
    };
  }
  // provenance as image_config says (default true when it is present, as upstream); without one, signature only
  const provenance = imageConfig?.verify_provenance ?? false;
  const askedBy =
    mode === 'auto'
      ? configAsks(imageConfig)
        ? `image_config (verify_signature: ${imageConfig!.verify_signature}, verify_provenance: ${imageConfig!.verify_provenance})`
        : `input ${inputs['cosign-key'] ? 'cosign-key' : 'certificate-identity'}`
      : `input verify: ${mode}`;
  const trust: Trust = inputs['cosign-key']
    ? { kind: 'key', key: keyRef(inputs['cosign-key']) }
    : {
        kind: 'keyless',
        identityRegexp: inputs['certificate-identity'] || imageConfig?.certificate_identity || DEFAULT_IDENTITY_REGEXP,
        issuer: inputs['certificate-oidc-issuer'] || imageConfig?.certificate_oidc_issuer || DEFAULT_OIDC_ISSUER,
      };
  // a keyless certificate lives minutes: the log, or a timestamp authority of a given trusted root, proves it signed in time
  if (trust.kind === 'keyless' && !inputs['verify-tlog'] && !inputs['trusted-root']) {
    throw new ActionError(
      'verify-tlog: false needs a key, or a trusted-root whose timestamp authority vouches for the time: a keyless certificate lives minutes and only the log or a signed timestamp proves it signed in time',
      {
        where: { field: 'input verify-tlog' },
        fix: "set cosign-key to the public key the image was signed with, or leave verify-tlog at true; for GitHub's private-repository attestations add trusted-root (gh attestation trusted-root)",
      },
    );
  }
  return { onFailure: mode === 'warn' ? 'warn' : 'enforce', signature: true, provenance, trust, tlog: inputs['verify-tlog'], askedBy };
}

export function isPolicy(p: VerifyPolicy | NoVerification): p is VerifyPolicy {
  return !('skip' in p);
}

/** One phrase for messages and the summary: `signature+provenance, key /path/cosign.pub, tlog off`. */
export function describePolicy(p: VerifyPolicy): string {
  const what = p.provenance ? 'signature+provenance' : 'signature';
  const who =
    p.trust.kind === 'keyless'
      ? `keyless, identity ~ ${p.trust.identityRegexp}, issuer ${p.trust.issuer}`
      : p.trust.key.kind === 'pem'
        ? 'key (PEM from input cosign-key)'
        : `key ${p.trust.key.kind === 'path' ? p.trust.key.path : p.trust.key.uri}`;
  const tlog = p.tlog
    ? 'required'
    : p.trust.kind === 'keyless'
      ? 'off: signed timestamps of trusted-root instead'
      : 'off (verify-tlog: false)';
  return `${what}, ${who}, tlog ${tlog}${p.onFailure === 'warn' ? ', verify: warn' : ''}`;
}

/** The verification's step in the image trace (rule 0). */
export function traced(outcome: TraceStep['outcome'], reason: string): TraceStep {
  return { rule: 0, source: 'verify', outcome, reason };
}
