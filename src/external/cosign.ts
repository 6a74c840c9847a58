/**
 * The `cosign` CLI (sigstore). Methods only assemble argv and call one private `execute` over
 * src/external/exec.ts; the argv builders are exported as `cosignArgv` so tests and the trace see exactly
 * what runs. Key material reaches cosign as a file path or a KMS URI, registry credentials through
 * DOCKER_CONFIG: never a secret in argv.
 */
import type { Exec, ExecResult } from './exec.js';
import { CLOUD_ENV, type EnvPass } from './env.js';

/** How cosign is told whom to trust: `--key <file|uri>`, or a keyless identity and issuer. */
export type CosignTrust = { key: string } | { identityRegexp: string; issuer: string };

export interface CosignCheck {
  /** `repo@sha256:…`: always a digest, never a tag */
  ref: string;
  trust: CosignTrust;
  /** false: `--insecure-ignore-tlog=true` (key-signed images on infrastructure without Rekor) */
  tlog: boolean;
}

/** One Sigstore bundle checked against the exact bytes of the manifest it must name as its subject. */
export interface BundleCheck {
  /** the bundle (JSON file) */
  bundle: string;
  /** the manifest's bytes (a file): cosign hashes them and requires that digest among the statement's subjects */
  blob: string;
  /** the predicate type the statement must have (a URI) */
  predicateType: string;
  trust: CosignTrust;
  tlog: boolean;
  /** a Sigstore trusted root (JSON file) instead of the public-good one cosign fetches with TUF */
  trustedRoot?: string | undefined;
}

/** Keyless without the log: the bundle's RFC 3161 timestamps (GitHub's own Sigstore instance) prove the signing time. */
const timestampArgs = (c: BundleCheck): string[] => (!c.tlog && !('key' in c.trust) ? ['--use-signed-timestamps'] : []);

/** Provenance predicate types, in the order tried: SLSA v1, then v0.2 (`slsaprovenance` is v0.2's older name). */
export const PROVENANCE_TYPES = ['slsaprovenance1', 'slsaprovenance02', 'slsaprovenance'] as const;
export type ProvenanceType = (typeof PROVENANCE_TYPES)[number];

function policyArgs(c: CosignCheck): string[] {
  const trust =
    'key' in c.trust
      ? ['--key', c.trust.key]
      : ['--certificate-identity-regexp', c.trust.identityRegexp, '--certificate-oidc-issuer', c.trust.issuer];
  return [...trust, ...(c.tlog ? [] : ['--insecure-ignore-tlog=true'])];
}

function trustArgs(trust: CosignTrust, tlog: boolean): string[] {
  return policyArgs({ ref: '', trust, tlog });
}

export const cosignArgv = {
  /** `--new-bundle-format`: the bundle holds the signature, certificate (or key hint) and log or timestamp evidence */
  verifyBundle: (c: BundleCheck): string[] => [
    'verify-blob-attestation',
    '--new-bundle-format',
    '--bundle',
    c.bundle,
    ...(c.trustedRoot ? ['--trusted-root', c.trustedRoot] : []),
    ...trustArgs(c.trust, c.tlog),
    ...timestampArgs(c),
    '--type',
    c.predicateType,
    c.blob,
  ],
  verify: (c: CosignCheck): string[] => ['verify', ...policyArgs(c), '--output', 'json', c.ref],
  verifyAttestation: (c: CosignCheck, type: ProvenanceType): string[] => [
    'verify-attestation',
    '--type',
    type,
    ...policyArgs(c),
    '--output',
    'json',
    c.ref,
  ],
};

/** What cosign reads: its own settings, the sigstore trust root, registry config, KMS credentials. */
const COSIGN_ENV: EnvPass = [/^COSIGN_/, /^SIGSTORE_/, 'TUF_ROOT', /^DOCKER_/, ...CLOUD_ENV];

export class Cosign {
  /** @param env DOCKER_CONFIG (registry credentials) and the like, added to the inherited environment */
  constructor(
    private readonly exec: Exec,
    private readonly file = 'cosign',
    private readonly env: Record<string, string> = {},
  ) {}

  private async execute(args: string[], timeoutMs: number): Promise<ExecResult> {
    return await this.exec.run(this.file, args, { env: this.env, pass: COSIGN_ENV, timeoutMs, allowFailure: true });
  }

  /** `cosign verify`: exit 0 and one JSON payload per verified signature on stdout. */
  async verify(c: CosignCheck, timeoutMs: number): Promise<ExecResult> {
    return await this.execute(cosignArgv.verify(c), timeoutMs);
  }

  /** `cosign verify-blob-attestation --new-bundle-format`: exit 0 and `Verified OK` on stderr. */
  async verifyBundle(c: BundleCheck, timeoutMs: number): Promise<ExecResult> {
    return await this.execute(cosignArgv.verifyBundle(c), timeoutMs);
  }

  /** `cosign verify-attestation --type <type>`: one DSSE envelope (JSON) a line on stdout. */
  async verifyAttestation(c: CosignCheck, type: ProvenanceType, timeoutMs: number): Promise<ExecResult> {
    return await this.execute(cosignArgv.verifyAttestation(c, type), timeoutMs);
  }
}
