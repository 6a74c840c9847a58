/**
 * The kinds of evidence verification can find for a digest, read from what the registry or GitHub
 * hands back (pure: bytes and JSON in, facts out). Decisions: docs/adr/0036-evidence-ci-really-produces.md.
 * - a Sigstore bundle attached to the digest as an OCI referrer (artifactType
 *   application/vnd.dev.sigstore.bundle.v0.3+json, `subject` = the digest): what
 *   actions/attest-build-provenance with `push-to-registry: true` and `cosign attest --new-bundle-format` write;
 * - BuildKit's attestation manifests inside an image index (`vnd.docker.reference.type:
 *   attestation-manifest`), in-toto statements that nobody signed;
 * - bundles from GitHub's attestations API.
 */
import type { Evidence, Verified } from '../domain.js';
import { readProvenance, type Provenance } from './payload.js';

export const BUNDLE_MEDIA_TYPE = 'application/vnd.dev.sigstore.bundle.v0.3+json';
/** older bundle media types the same tools wrote (sigstore-js before v0.3) */
const BUNDLE_TYPES = new Set([
  BUNDLE_MEDIA_TYPE,
  'application/vnd.dev.sigstore.bundle+json;version=0.2',
  'application/vnd.dev.sigstore.bundle.v0.2+json',
]);
export const IN_TOTO_MEDIA_TYPE = 'application/vnd.in-toto+json';
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
const DOCKER_LIST = 'application/vnd.docker.distribution.manifest.list.v2+json';

/** `verified`: the kinds found, in this order, joined by `+`; `none` when there are none. */
export const EVIDENCE_ORDER: readonly Evidence[] = ['signature', 'provenance', 'attestation', 'github-attestation', 'buildkit-provenance'];

export function verifiedOf(kinds: readonly Evidence[]): Verified {
  const found = EVIDENCE_ORDER.filter((k) => kinds.includes(k));
  return found.length ? (found.join('+') as Verified) : 'none';
}

const obj = (v: unknown): Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const list = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v.map(obj) : []);

export function parseJson(bytes: Buffer | string): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(typeof bytes === 'string' ? bytes : bytes.toString('utf8'));
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Descriptors of a referrers answer (API or fallback tag) worth opening: a bundle's artifactType, or
 * none at all (the fallback index cosign keeps lists its own bundles with the config's type instead).
 */
export function candidateReferrers(descriptors: readonly Record<string, unknown>[]): string[] {
  return descriptors
    .filter((d) => {
      const type = str(d.artifactType);
      return BUNDLE_TYPES.has(type) || type === '' || type === 'application/vnd.oci.empty.v1+json';
    })
    .map((d) => str(d.digest))
    .filter((d) => /^sha256:[a-f0-9]{64}$/.test(d));
}

/** A referrer manifest that carries a Sigstore bundle about `subject`: the bundle layer's digest, else undefined. */
export function bundleLayer(manifest: Record<string, unknown>, subject: string): { digest: string; predicateType: string } | undefined {
  const type = str(manifest.artifactType) || str(obj(manifest.config).mediaType);
  if (!BUNDLE_TYPES.has(type)) return undefined;
  if (str(obj(manifest.subject).digest) !== subject) return undefined;
  const layer = list(manifest.layers).find((l) => BUNDLE_TYPES.has(str(l.mediaType)));
  const digest = str(layer?.digest);
  if (!/^sha256:[a-f0-9]{64}$/.test(digest)) return undefined;
  return { digest, predicateType: str(obj(manifest.annotations)['dev.sigstore.bundle.predicateType']) };
}

export interface Statement {
  predicateType: string;
  /** the sha256 digests of its subjects, `sha256:…` */
  subjects: string[];
  predicate: Record<string, unknown>;
}

/** An in-toto statement (JSON), `undefined` when it is not one. */
export function readStatement(json: Record<string, unknown> | undefined): Statement | undefined {
  if (!json || !/^https:\/\/in-toto\.io\/Statement\//.test(str(json._type))) return undefined;
  const subjects = list(json.subject)
    .map((s) => str(obj(s.digest).sha256))
    .filter((hex) => /^[a-f0-9]{64}$/.test(hex))
    .map((hex) => `sha256:${hex}`);
  return { predicateType: str(json.predicateType), subjects, predicate: obj(json.predicate) };
}

/** The in-toto statement a Sigstore bundle's DSSE envelope carries (not yet verified: cosign does that). */
export function bundleStatement(bundle: Record<string, unknown>): Statement | undefined {
  const envelope = obj(bundle.dsseEnvelope);
  if (str(envelope.payloadType) !== 'application/vnd.in-toto+json') return undefined;
  return readStatement(parseJson(Buffer.from(str(envelope.payload), 'base64')));
}

export const isSlsaProvenance = (predicateType: string): boolean => /^https:\/\/slsa\.dev\/provenance\/v(0\.2|1)$/.test(predicateType);

export const isIndex = (mediaType: string): boolean => mediaType === OCI_INDEX || mediaType === DOCKER_LIST;

/** BuildKit's attestation manifests in an index: each with the platform manifest it is about. */
export function attestationManifests(index: Record<string, unknown>): { digest: string; about: string }[] {
  return list(index.manifests)
    .filter((d) => obj(d.annotations)['vnd.docker.reference.type'] === 'attestation-manifest')
    .map((d) => ({ digest: str(d.digest), about: str(obj(d.annotations)['vnd.docker.reference.digest']) }))
    .filter((a) => /^sha256:[a-f0-9]{64}$/.test(a.digest));
}

/** The runnable manifests an index lists (not BuildKit's attestation manifests). */
export function platformManifests(index: Record<string, unknown>): string[] {
  return list(index.manifests)
    .filter((d) => obj(d.annotations)['vnd.docker.reference.type'] === undefined)
    .map((d) => str(d.digest));
}

/** The in-toto layers of an attestation manifest that hold SLSA provenance (by their predicate-type annotation). */
export function provenanceLayers(manifest: Record<string, unknown>): string[] {
  return list(manifest.layers)
    .filter((l) => str(l.mediaType) === IN_TOTO_MEDIA_TYPE)
    .filter((l) => {
      const type = str(obj(l.annotations)['in-toto.io/predicate-type']);
      return type === '' || isSlsaProvenance(type);
    })
    .map((l) => str(l.digest))
    .filter((d) => /^sha256:[a-f0-9]{64}$/.test(d));
}

/** BuildKit's own metadata: `vcs.source` / `vcs.revision` when the build context carried git information. */
export function buildkitVcs(predicateType: string, p: Record<string, unknown>): { source: string; revision: string } {
  const key = 'https://mobyproject.org/buildkit@v1#metadata';
  const meta = /provenance\/v1$/.test(predicateType) ? obj(obj(obj(p.runDetails).metadata)[key]) : obj(obj(p.metadata)[key]);
  const vcs = obj(meta.vcs);
  return { source: str(vcs.source), revision: str(vcs.revision) };
}

/** Builder, source and commit of a statement's SLSA predicate, BuildKit's shapes included. */
export function provenanceOf(s: Statement): Provenance {
  const p = readProvenance(s.predicateType, s.predicate);
  const config = obj(obj(obj(s.predicate.buildDefinition).externalParameters).configSource);
  const vcs = buildkitVcs(s.predicateType, s.predicate);
  // a local context (`.`) has a configSource without uri and a base image (`pkg:docker/…`) as its first
  // material: buildx's git information is then what names the repository and the commit
  const repoLike = (u: string) => /^(git\+)?https?:\/\//.test(u);
  p.source = [p.source, str(config.uri), vcs.source].find(repoLike) ?? '';
  p.commit ||= str(obj(config.digest).sha1) || str(obj(config.digest).gitCommit) || vcs.revision;
  // registry content: kept to a length a log line and a summary cell can hold
  const clip = (v: string) => (v.length > 300 ? `${v.slice(0, 300)}…` : v);
  return { predicateType: clip(p.predicateType), builderId: clip(p.builderId), source: clip(p.source), commit: clip(p.commit) };
}

/** What the user expects, from the GitHub context of the run (empty fields: nothing to compare). */
export interface Expected {
  /** `https://github.com/acme/app` */
  repository: string;
  commit: string;
  /** the prefix a builder id of this repository's workflow runs has: `https://github.com/acme/app/actions/runs/` */
  builderPrefix: string;
}

export function expectedFromEnv(env: NodeJS.ProcessEnv): Expected {
  const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
  const repo = env.GITHUB_REPOSITORY ?? '';
  return {
    repository: repo ? `${server}/${repo}` : '',
    commit: /^[a-f0-9]{40}$/.test(env.GITHUB_SHA ?? '') ? env.GITHUB_SHA! : '',
    builderPrefix: repo ? `${server}/${repo}/actions/runs/` : '',
  };
}

/** `git+https://github.com/Acme/App.git@refs/heads/main` → `https://github.com/acme/app` (to compare repositories). */
export function normalRepository(uri: string): string {
  return uri
    .trim()
    .replace(/^git\+/, '')
    .replace(/[#@].*$/, '')
    .replace(/\.git$/, '')
    .replace(/\/+$/, '')
    .toLowerCase();
}

export interface Comparison {
  field: 'builder' | 'source' | 'commit';
  expected: string;
  found: string;
  matches: boolean;
}

/**
 * Builder, source repository and commit against the run's GitHub context. The builder is compared
 * only for BuildKit provenance (build-push-action names the workflow run as its builder id); a
 * GitHub-hosted runner is the builder of attest-build-provenance's predicate, whatever the repository.
 */
export function compareProvenance(p: Provenance, expected: Expected, buildkit: boolean): Comparison[] {
  const out: Comparison[] = [];
  if (buildkit && expected.builderPrefix)
    out.push({
      field: 'builder',
      expected: `${expected.builderPrefix}…`,
      found: p.builderId,
      matches: p.builderId.toLowerCase().startsWith(expected.builderPrefix.toLowerCase()),
    });
  if (expected.repository)
    out.push({
      field: 'source',
      expected: expected.repository,
      found: p.source,
      matches: p.source !== '' && normalRepository(p.source) === normalRepository(expected.repository),
    });
  if (expected.commit) out.push({ field: 'commit', expected: expected.commit, found: p.commit, matches: p.commit === expected.commit });
  return out;
}

/** `source matches, commit differs (expected 0123…, found fedc…)`. */
export function describeComparison(c: readonly Comparison[]): string {
  if (!c.length) return 'nothing to compare with (GITHUB_REPOSITORY and GITHUB_SHA are not set)';
  return c
    .map((x) => (x.matches ? `${x.field} matches` : `${x.field} differs (expected ${x.expected}, found ${x.found || '(none)'})`))
    .join(', ');
}
