/**
 * Runs the verification policy against exactly the digest about to be deployed (`repo@sha256:…`
 * from the ImageDecision: never a tag, so nothing can move between check and deploy). The key (a
 * PEM value) and registry credentials reach cosign as 0600 files in a private temp dir, removed
 * after. A failed or impossible check stops the run with one line naming the digest and the policy,
 * or is a warning under `verify: warn`. Decisions: docs/adr/0012-verify-then-deploy-the-digest.md.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { isAbsolute, join, resolve as resolvePath } from 'node:path';
import type { Exec } from '../external/exec.js';
import type { TempFiles } from '../state.js';
import { Cosign, PROVENANCE_TYPES, type CosignCheck, type CosignTrust } from '../external/cosign.js';
import type { SindriConfig } from '../config/types.js';
import { ActionError } from '../errors.js';
import { DOCKER_HUB_CONFIG_KEY, type CredentialSource } from '../image/credentials.js';
import { DOCKER_HUB, repositoryName } from '../image/reference.js';
import type { ImageDecision, TraceStep } from '../image/types.js';
import type { Verified } from '../domain.js';
import { info, warning } from '../runner.js';
import { which } from '../tools/which.js';
import { attestationStatements, readProvenance, signedDigests, type Provenance } from './payload.js';
import { describePolicy, isPolicy, verificationPolicy, type PolicyInputs, type VerifyPolicy } from './policy.js';

/** What the report shows: the policy, the ref checked and what the provenance says. */
export interface VerificationDetails {
  /** `signature+provenance, key cosign.pub, tlog required`, or `none` */
  policy: string;
  /** the `repo@sha256:…` checked */
  ref?: string;
  /** why nothing was checked, or (verify: warn) what failed */
  note?: string;
  builder?: string;
  source?: string;
  commit?: string;
  predicateType?: string;
}

export interface VerificationOutcome {
  verified: Verified;
  details: VerificationDetails;
  trace: TraceStep;
  /** plan mode: the failure that would stop a deploy (input fail-on-verify fails the plan with it, after the plan is shown) */
  wouldStop?: { line: string; fix: string };
}

export interface VerifyContext {
  inputs: PolicyInputs;
  config: Pick<SindriConfig, 'deployment'>;
  workdir: string;
  image: ImageDecision;
  /** the registry client's credential chain, loaded only when cosign is about to run */
  credentials: () => Promise<CredentialSource>;
  /** plan mode: the checks run (they only read), and a failure is a warning saying that a deploy would stop */
  plan?: boolean;
  /** the cosign binary; default: found on PATH */
  cosign?: string;
  /** runs cosign, inside the run's deadline */
  exec: Exec;
  /** the scratch folder (key file, registry credentials) is registered here for the post step */
  temps: TempFiles;
}

/** each cosign call: at most this, and never past the run's deadline */
const COSIGN_TIMEOUT_MS = 120_000;
const TIMEOUT_FIX = 'check that the registry (and, with verify-tlog: true, Rekor) answers from the runner, or raise the input timeout';

export async function verifyImage(ctx: VerifyContext): Promise<VerificationOutcome> {
  const { image, inputs } = ctx;
  const policy = verificationPolicy(inputs, ctx.config.deployment.image_config);
  if (!isPolicy(policy)) return nothing(policy.skip);
  if (image.build) {
    if (inputs.verify === 'true') {
      throw new ActionError(
        `verify: true, but the image is built here from ${image.dockerfile ?? 'a Dockerfile'}: a locally built image has no signature to verify`,
        {
          where: { field: 'input verify' },
          fix: 'build, push and sign the image in CI (cosign sign), then pass its digest with image and image-digest; or set verify: auto',
        },
      );
    }
    return nothing(`built locally from ${image.dockerfile ?? 'a Dockerfile'} (rule 8): nothing to verify`);
  }
  const ref = image.digest ? `${repositoryName(image.parsed)}@${image.digest}` : image.deployRef;
  const shown = describePolicy(policy);
  const failed = (reason: string, fix: string, passed: Verified = 'none'): VerificationOutcome => {
    const line = `${ref} failed verification (policy: ${shown}): ${reason}`;
    if (policy.onFailure === 'enforce' && !ctx.plan) throw new ActionError(line, { fix });
    warning(
      policy.onFailure === 'warn' ? `${line} (verify: warn: deploying anyway)` : `${line} (plan: a deploy would stop here. Fix: ${fix})`,
    );
    return {
      verified: passed,
      details: { policy: shown, ref, note: `not verified: ${reason}` },
      trace: traced('skipped', `verify: warn: ${reason}`),
      ...(policy.onFailure === 'enforce' ? { wouldStop: { line, fix } } : {}),
    };
  };
  if (!image.digest) {
    return failed(
      'it is not pinned to a digest (pin-digest: false), and a tag can move between check and deploy',
      'set pin-digest: true (the default) or pass image-digest',
    );
  }
  const cosignPath = ctx.cosign ?? which('cosign');
  if (!cosignPath) {
    return failed('cosign is not on PATH', 'install cosign before this step (sigstore/cosign-installer), or set verify: warn or false');
  }

  // the key file and the DOCKER_CONFIG with registry credentials: under RUNNER_TEMP, registered before they exist
  const scratch = ctx.temps.dir('sindri-verify-');
  try {
    const trust = await cosignTrust(policy, ctx.workdir, scratch);
    const env = await registryConfig(await ctx.credentials(), image.parsed.registry, scratch);
    const cosign = new Cosign(ctx.exec, cosignPath, env);
    const check: CosignCheck = { ref, trust, tlog: policy.tlog };

    const sig = await cosign.verify(check, ctx.exec.deadline.budget(`cosign verify ${ref}`, COSIGN_TIMEOUT_MS));
    if (sig.timedOut) return failed(`cosign verify did not finish in time`, TIMEOUT_FIX);
    if (sig.code !== 0) return failed(cosignReason(sig.stderr), fixFor(cosignReason(sig.stderr), 'signature'));
    if (!signedDigests(sig.stdout).includes(image.digest)) {
      return failed('cosign reported no signature payload naming this digest', fixFor('', 'signature'));
    }
    info(`signature of ${ref} verified (${shown})`);
    if (!policy.provenance) {
      return {
        verified: 'signature',
        details: { policy: shown, ref },
        trace: traced('applied', `signature of ${ref} verified (${shown}), asked by ${policy.askedBy}`),
      };
    }

    let last = '';
    for (const type of PROVENANCE_TYPES) {
      const att = await cosign.verifyAttestation(
        check,
        type,
        ctx.exec.deadline.budget(`cosign verify-attestation ${ref}`, COSIGN_TIMEOUT_MS),
      );
      if (att.timedOut) return failed(`provenance: cosign verify-attestation did not finish in time`, TIMEOUT_FIX, 'signature');
      if (att.code !== 0) {
        last = att.stderr;
        if (hasNoAttestation(att.stderr)) {
          return failed('provenance: no SLSA provenance attestation is attached to this digest', fixFor('', 'provenance'), 'signature');
        }
        if (isNoMatchingType(att.stderr)) continue;
        return failed(`provenance: ${cosignReason(att.stderr)}`, fixFor(cosignReason(att.stderr), 'provenance'), 'signature');
      }
      const statement = attestationStatements(att.stdout).find((s) => s.subjects.includes(image.digest));
      if (!statement)
        return failed(`provenance: no attestation of type ${type} names this digest as its subject`, fixFor('', 'provenance'), 'signature');
      const prov = readProvenance(statement.predicateType, statement.predicate);
      info(`provenance of ${ref} verified: ${provenanceLine(prov)}`);
      return {
        verified: 'signature+provenance',
        details: {
          policy: shown,
          ref,
          builder: prov.builderId,
          source: prov.source,
          commit: prov.commit,
          predicateType: prov.predicateType,
        },
        trace: traced(
          'applied',
          `signature and provenance of ${ref} verified (${shown}), asked by ${policy.askedBy}; ${provenanceLine(prov)}`,
        ),
      };
    }
    return failed(
      `provenance: no SLSA provenance attestation (tried ${PROVENANCE_TYPES.join(', ')}; cosign: ${cosignReason(last)})`,
      fixFor('', 'provenance'),
      'signature',
    );
  } finally {
    ctx.temps.remove(scratch);
  }
}

function nothing(reason: string): VerificationOutcome {
  info(`not verified: ${reason}`);
  return { verified: 'none', details: { policy: 'none', note: reason }, trace: traced('skipped', reason) };
}

function traced(outcome: TraceStep['outcome'], reason: string): TraceStep {
  return { rule: 0, source: 'verify', outcome, reason };
}

function provenanceLine(p: Provenance): string {
  return `builder ${p.builderId || '(none)'}, source ${p.source || '(none)'}${p.commit ? ` @ ${p.commit}` : ''}`;
}

/** A PEM value becomes a 0600 file in the scratch dir; a path is resolved against working-directory; a URI passes through. */
async function cosignTrust(policy: VerifyPolicy, workdir: string, scratch: string): Promise<CosignTrust> {
  const t = policy.trust;
  if (t.kind === 'keyless') return { identityRegexp: t.identityRegexp, issuer: t.issuer };
  if (t.key.kind === 'uri') return { key: t.key.uri };
  if (t.key.kind === 'pem') {
    const file = join(scratch, 'cosign.pub');
    await writeFile(file, t.key.pem, { mode: 0o600 });
    return { key: file };
  }
  const file = isAbsolute(t.key.path) ? t.key.path : resolvePath(workdir, t.key.path);
  if (!existsSync(file)) {
    throw new ActionError(`the public key ${t.key.path} does not exist (looked at ${file})`, {
      where: { field: 'input cosign-key' },
      fix: 'pass the PEM value itself (e.g. from a secret or variable), a path relative to working-directory, or a KMS URI',
    });
  }
  return { key: file };
}

/**
 * cosign reads registry credentials from $DOCKER_CONFIG/config.json: when the registry client's chain
 * has some for this registry (inputs, github-token, the runner's Docker config or a helper), they go
 * into a 0600 config.json of our own, never into argv.
 */
async function registryConfig(credentials: CredentialSource, registry: string, scratch: string): Promise<Record<string, string>> {
  const c = await credentials.lookup(registry);
  if (!c) return {};
  const key = registry === DOCKER_HUB ? DOCKER_HUB_CONFIG_KEY : registry;
  const entry = c.identityToken
    ? { identitytoken: c.identityToken, ...(c.username && c.username !== '<token>' ? { username: c.username } : {}) }
    : { auth: Buffer.from(`${c.username}:${c.password}`).toString('base64') };
  const dir = join(scratch, 'docker');
  await mkdir(dir, { mode: 0o700 });
  await writeFile(join(dir, 'config.json'), JSON.stringify({ auths: { [key]: entry } }), { mode: 0o600 });
  info(`cosign uses the registry credentials of ${c.source} for ${registry}`);
  return { DOCKER_CONFIG: dir };
}

/** cosign's own reason: the last `Error:` line (or the last line) of its stderr, without the prefix. */
export function cosignReason(stderr: string): string {
  const lines = stderr
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const err = [...lines].reverse().find((l) => /^(Error:|error during command execution:)/.test(l)) ?? lines.at(-1) ?? '';
  const text = err.replace(/^(Error:|error during command execution:)\s*/, '').replace(/:\s*$/, '');
  return (text || 'cosign failed without a message').slice(0, 300);
}

/** The attestations there are of another predicate type (or cosign does not know this type): try the next. */
export function isNoMatchingType(stderr: string): boolean {
  return /none of the attestations matched the predicate type|invalid predicate type/.test(stderr);
}

/** cosign found no attestation at all on the digest (an empty reason): no other type will be there either. */
export function hasNoAttestation(stderr: string): boolean {
  return /no matching attestations:\s*$/m.test(stderr);
}

/** The fix for cosign's reason (its `Error:` line only: its warnings mention the tlog whenever it is skipped). */
export function fixFor(reason: string, what: 'signature' | 'provenance'): string {
  if (/tuf|rekor|transparency log|tlog entry/i.test(reason)) {
    return 'the transparency log (Rekor) or the Sigstore trust root cannot be reached; for a key-signed image on private infrastructure set verify-tlog: false';
  }
  if (
    /dial tcp|connection refused|no such host|i\/o timeout|UNAUTHORIZED|DENIED|status code 40[13]|MANIFEST_UNKNOWN|NAME_UNKNOWN/i.test(
      reason,
    )
  ) {
    return 'check that the runner reaches the registry and has credentials for it (registry-username/registry-password, or docker/login-action)';
  }
  if (/no signatures found/.test(reason))
    return 'sign the image where it is built (cosign sign --key … <repo>@<digest>), or set verify: false';
  if (what === 'provenance') {
    return 'attest the image where it is built (cosign attest --type slsaprovenance1), or set image_config.verify_provenance: false';
  }
  return 'check cosign-key (or certificate-identity and certificate-oidc-issuer) against how the image was signed';
}
