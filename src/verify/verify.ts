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
import type { Evidence, Verified } from '../domain.js';
import { info, warning } from '../runner.js';
import { which } from '../tools/which.js';
import { attestationStatements, signedDigests, type Provenance } from './payload.js';
import {
  compareProvenance,
  describeComparison,
  expectedFromEnv,
  isSlsaProvenance,
  provenanceOf,
  verifiedOf,
  type Expected,
} from './evidence.js';
import { githubBundles, RegistryEvidence, type FoundBundle } from './sources.js';
import { describePolicy, traced, type PolicyInputs, type VerifyPolicy } from './policy.js';

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
  /** the kinds of evidence found (as `verified` names them) */
  evidence?: Evidence[];
  /** where the signed provenance came from */
  provenanceFrom?: string;
  /** builder, source and commit against the run's GitHub context */
  expected?: string;
  /** BuildKit's provenance in the index: signed only when a verified signature of the index covers it */
  buildkit?: {
    signed: boolean;
    builder: string;
    source: string;
    commit: string;
    predicateType: string;
    expected: string;
    /** platform manifests it describes */
    platforms: number;
  };
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

/**
 * The checks of a policy that asks for them (gate.ts decides that, and handles a local build, before
 * this module is loaded): cosign against the digest, then the provenance as the policy says.
 */
export async function checkImage(ctx: VerifyContext, policy: VerifyPolicy): Promise<VerificationOutcome> {
  const { image } = ctx;
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
    const digest = image.digest;
    const trust = await cosignTrust(policy, ctx.workdir, scratch);
    const credentials = await ctx.credentials();
    const env = await registryConfig(credentials, image.parsed.registry, scratch);
    const cosign = new Cosign(ctx.exec, cosignPath, env);
    const check: CosignCheck = { ref, trust, tlog: policy.tlog };
    const registry = new RegistryEvidence({ ...image.parsed, digest }, credentials, ctx.exec.deadline);
    const evidence: Evidence[] = [];
    const looked: string[] = [];
    let signed: SignedProvenance | undefined;

    // 1. a cosign signature of the digest
    const sig = await cosign.verify(check, ctx.exec.deadline.budget(`cosign verify ${ref}`, COSIGN_TIMEOUT_MS));
    if (sig.timedOut) return failed(`cosign verify did not finish in time`, TIMEOUT_FIX);
    if (sig.code !== 0) {
      const reason = cosignReason(sig.stderr);
      if (!/no signatures found/.test(reason)) return failed(reason, fixFor(reason, 'signature'));
      looked.push(reason);
    } else if (!signedDigests(sig.stdout).includes(digest)) {
      return failed('cosign reported no signature payload naming this digest', fixFor('', 'signature'));
    } else {
      evidence.push('signature');
      info(`signature of ${ref} verified (${shown})`);
    }

    // 2. cosign's own SLSA attestations, when provenance is asked and the signature is there
    if (policy.provenance && evidence.includes('signature')) {
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
          if (hasNoAttestation(att.stderr)) break;
          if (isNoMatchingType(att.stderr)) continue;
          return failed(`provenance: ${cosignReason(att.stderr)}`, fixFor(cosignReason(att.stderr), 'provenance'), 'signature');
        }
        const statement = attestationStatements(att.stdout).find((s) => s.subjects.includes(digest));
        if (!statement)
          return failed(
            `provenance: no attestation of type ${type} names this digest as its subject`,
            fixFor('', 'provenance'),
            'signature',
          );
        evidence.push('provenance');
        signed = { provenance: provenanceOf(statement), from: `cosign attestation (${type})` };
        break;
      }
      if (!signed) looked.push(`no cosign SLSA attestation (cosign: ${cosignReason(last)})`);
    }

    // 3. Sigstore bundles: attached to the digest as OCI referrers, else from GitHub's attestations API
    if (!evidence.includes('signature') || (policy.provenance && !signed)) {
      let bundles: BundleOutcome;
      try {
        bundles = await bundleEvidence(ctx, registry, cosign, policy, trust, scratch);
      } catch (e) {
        if (!(e instanceof ActionError) || e.where.field === 'input trusted-root') throw e;
        return failed(`attestation: ${e.message}`, e.fix ?? fixFor(e.message, 'attestation'), verifiedOf(evidence));
      }
      if (bundles.failure) return failed(bundles.failure, fixFor(bundles.failure, 'attestation'), verifiedOf(evidence));
      if (bundles.found) {
        evidence.push(bundles.found.kind);
        signed ??= { provenance: bundles.found.provenance, from: bundles.found.from };
        info(`Sigstore attestation of ${ref} verified (${bundles.found.from}, ${shown})`);
      }
      looked.push(...bundles.looked);
    }

    // 4. BuildKit's provenance in the index: unsigned, so informational unless the signature of the index covers it
    const expected = expectedFromEnv(process.env);
    const buildkit = await buildkitEvidence(registry, digest, expected, evidence.includes('signature')).catch((e: unknown) => {
      if (!(e instanceof ActionError)) throw e;
      info(`BuildKit provenance of ${ref} not read: ${e.message}`);
      return undefined;
    });
    if (buildkit?.signed) {
      evidence.push('buildkit-provenance');
      signed ??= { provenance: buildkit.provenance, from: 'BuildKit provenance in the index, covered by the signature of the index' };
    }
    if (buildkit) {
      const line = `BuildKit provenance of ${ref} (${buildkit.signed ? 'covered by the verified signature of the index' : 'UNSIGNED: informational only, nothing vouches for it'}): ${provenanceLine(buildkit.provenance)}; ${buildkit.comparison}`;
      if (buildkit.mismatch) warning(line);
      else info(line);
    }

    const hasSignature = evidence.some((e) => e === 'signature' || e === 'attestation' || e === 'github-attestation');
    if (!hasSignature) {
      return failed(
        `no signatures found: ${looked.slice(1).join('; ') || 'no Sigstore attestation either'}`,
        fixFor('no signatures found', 'signature'),
      );
    }
    const verified = verifiedOf(evidence);
    if (policy.provenance && !signed) {
      return failed(
        `provenance: no signed SLSA provenance (${looked.join('; ')}${buildkit ? '; BuildKit provenance in the index is unsigned' : ''})`,
        fixFor('', 'provenance'),
        verified,
      );
    }
    const comparison = signed ? describeComparison(compareProvenance(signed.provenance, expected, false)) : undefined;
    const details: VerificationDetails = { policy: shown, ref, evidence: [...evidence] };
    if (signed) {
      Object.assign(details, {
        builder: signed.provenance.builderId,
        source: signed.provenance.source,
        commit: signed.provenance.commit,
        predicateType: signed.provenance.predicateType,
        provenanceFrom: signed.from,
        expected: comparison,
      });
      info(`provenance of ${ref} verified (${signed.from}): ${provenanceLine(signed.provenance)}; ${comparison}`);
    }
    if (buildkit) details.buildkit = buildkitDetails(buildkit);
    const what = verified.split('+').join(', ');
    return {
      verified,
      details,
      trace: traced(
        'applied',
        `${ref} verified: ${what} (${shown}), asked by ${policy.askedBy}${signed ? `; ${provenanceLine(signed.provenance)}` : ''}`,
      ),
    };
  } finally {
    ctx.temps.remove(scratch);
  }
}

interface SignedProvenance {
  provenance: Provenance;
  /** `cosign attestation (slsaprovenance1)`, `OCI referrer sha256:…`, `GitHub attestations API (acme/app)` */
  from: string;
}

interface BundleOutcome {
  found?: { kind: 'attestation' | 'github-attestation'; provenance: Provenance; from: string };
  /** bundles were there and none verified: cosign's reason */
  failure?: string;
  /** what was looked for and not found */
  looked: string[];
}

/**
 * Each SLSA bundle is verified by cosign against the exact bytes of the manifest deployed (the
 * statement's subject must be their sha256) and the policy's key or identity: OCI referrers first,
 * then, with a token, GitHub's attestations API.
 */
async function bundleEvidence(
  ctx: VerifyContext,
  registry: RegistryEvidence,
  cosign: Cosign,
  policy: VerifyPolicy,
  trust: CosignTrust,
  scratch: string,
): Promise<BundleOutcome> {
  const digest = ctx.image.digest!;
  const looked: string[] = [];
  const manifest = await registry.manifestOf(digest);
  const blob = join(scratch, 'manifest.json');
  await writeFile(blob, manifest.bytes, { mode: 0o600 });
  const trustedRoot = ctx.inputs['trusted-root'] ? resolvePath(ctx.workdir, ctx.inputs['trusted-root']) : undefined;
  if (trustedRoot && !existsSync(trustedRoot)) {
    throw new ActionError(`the trusted root ${ctx.inputs['trusted-root']} does not exist (looked at ${trustedRoot})`, {
      where: { field: 'input trusted-root' },
      fix: 'write it in an earlier step (gh attestation trusted-root > trusted_root.json) or leave trusted-root empty for the public-good Sigstore',
    });
  }
  let lastFailure = '';
  const tryAll = async (kind: 'attestation' | 'github-attestation', bundles: FoundBundle[]) => {
    const slsa = bundles.filter((b) => b.statement && isSlsaProvenance(b.statement.predicateType) && b.statement.subjects.includes(digest));
    for (const [i, b] of slsa.entries()) {
      const file = join(scratch, `bundle-${kind}-${i}.json`);
      await writeFile(file, b.bytes, { mode: 0o600 });
      const r = await cosign.verifyBundle(
        { bundle: file, blob, predicateType: b.statement!.predicateType, trust, tlog: policy.tlog, trustedRoot },
        ctx.exec.deadline.budget(`cosign verify-blob-attestation (${b.from})`, COSIGN_TIMEOUT_MS),
      );
      if (r.code === 0 && !r.timedOut) return { kind, provenance: provenanceOf(b.statement!), from: b.from };
      lastFailure = r.timedOut
        ? `cosign verify-blob-attestation did not finish in time (${b.from})`
        : `${cosignReason(r.stderr)} (${b.from})`;
    }
    looked.push(
      slsa.length
        ? `${slsa.length} SLSA bundle(s) from ${kind === 'attestation' ? 'OCI referrers' : "GitHub's attestations API"} did not verify`
        : `no SLSA Sigstore bundle ${kind === 'attestation' ? 'attached as an OCI referrer' : "in GitHub's attestations API"}${bundles.length ? ` (${bundles.length} other bundle(s))` : ''}`,
    );
    return undefined;
  };
  const referrers = await registry.bundles(digest);
  const found = await tryAll('attestation', referrers.bundles);
  if (found) return { found, looked };
  const token = ctx.inputs['github-token'] ?? '';
  if (token) {
    const repository = process.env.GITHUB_REPOSITORY ?? '';
    const api = await githubBundles(token, repository, digest);
    const viaApi = await tryAll('github-attestation', api.bundles);
    if (viaApi) return { found: viaApi, looked };
    if (api.note) looked.push(api.note);
  } else looked.push("GitHub's attestations API not asked (no github-token)");
  return lastFailure ? { failure: `attestation: ${lastFailure}`, looked } : { looked };
}

interface BuildkitFound {
  provenance: Provenance;
  signed: boolean;
  comparison: string;
  mismatch: boolean;
  platforms: number;
}

async function buildkitEvidence(
  registry: RegistryEvidence,
  digest: string,
  expected: Expected,
  signed: boolean,
): Promise<BuildkitFound | undefined> {
  const { statements } = await registry.buildkitProvenance(digest);
  const first = statements[0];
  if (!first) return undefined;
  const provenance = provenanceOf(first.statement);
  const compared = compareProvenance(provenance, expected, true);
  return {
    provenance,
    signed,
    comparison: describeComparison(compared),
    mismatch: compared.some((c) => !c.matches),
    platforms: new Set(statements.map((s) => s.about)).size,
  };
}

function buildkitDetails(b: BuildkitFound): NonNullable<VerificationDetails['buildkit']> {
  return {
    signed: b.signed,
    builder: b.provenance.builderId,
    source: b.provenance.source,
    commit: b.provenance.commit,
    predicateType: b.provenance.predicateType,
    expected: b.comparison,
    platforms: b.platforms,
  };
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
export function fixFor(reason: string, what: 'signature' | 'provenance' | 'attestation'): string {
  if (/tuf|rekor|transparency log|tlog entry|trusted root|timestamp/i.test(reason)) {
    return "the transparency log (Rekor) or the Sigstore trust root cannot be reached or does not vouch for it; GitHub's attestations of a private repository carry signed timestamps instead of a log entry: pass trusted-root (gh attestation trusted-root) with verify-tlog: false; for a key-signed image on private infrastructure set verify-tlog: false";
  }
  if (
    /dial tcp|connection refused|no such host|i\/o timeout|UNAUTHORIZED|DENIED|status code 40[13]|MANIFEST_UNKNOWN|NAME_UNKNOWN/i.test(
      reason,
    )
  ) {
    return 'check that the runner reaches the registry and has credentials for it (registry-username/registry-password, or docker/login-action)';
  }
  if (/no signatures found/.test(reason))
    return 'sign the image where it is built (cosign sign --key … <repo>@<digest>), or attest it with actions/attest-build-provenance and push-to-registry: true, or set verify: false';
  if (what === 'provenance') {
    return 'attest the image where it is built (actions/attest-build-provenance with push-to-registry: true, or cosign attest --type slsaprovenance1), or set image_config.verify_provenance: false';
  }
  return 'check cosign-key (or certificate-identity and certificate-oidc-issuer) against how the image was signed or attested';
}
