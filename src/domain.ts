/**
 * The domain's facts as data, in one leaf module that everything else may import and that imports
 * nothing of ours: the modes, the providers and how they may be spelled, what each provider can do,
 * the CLIs whose versions can be pinned, the digest pattern and the bounds on what the action echoes.
 * (docs/behaviour.md: Inputs, Providers; docs/architecture.md: the layers.)
 */

export const MODES = ['deploy', 'plan', 'destroy', 'init', 'sweep'] as const;
export type Mode = (typeof MODES)[number];

export const PROVIDERS = ['docker', 'fly', 'devpod', 'e2b', 'kubernetes'] as const;
export type ProviderName = (typeof PROVIDERS)[number];

/** Spellings accepted for a provider, from upstream Sindri and common use, mapped to ours. */
export const PROVIDER_ALIASES: Readonly<Record<string, ProviderName>> = {
  docker: 'docker',
  'docker-compose': 'docker',
  fly: 'fly',
  'fly.io': 'fly',
  flyio: 'fly',
  devpod: 'devpod',
  e2b: 'e2b',
  kubernetes: 'kubernetes',
  k8s: 'kubernetes',
};

/** Providers upstream Sindri knows and this action does not deploy to (said so, rather than "unknown"). */
export const UPSTREAM_ONLY_PROVIDERS: readonly string[] = ['runpod', 'northflank'];

export const VERIFY_MODES = ['auto', 'true', 'false', 'warn'] as const;
export type VerifyMode = (typeof VERIFY_MODES)[number];

/** CLIs whose version can be pinned with `<tool>-version`. */
export const TOOLS = ['flyctl', 'devpod', 'kubectl', 'e2b', 'cosign', 'devcontainer', 'kind', 'k3d', 'compose', 'buildx'] as const;
export type ToolName = (typeof TOOLS)[number];

export const DIGEST_RE = /^sha256:[a-f0-9]{64}$/;

/**
 * Kinds of evidence about the digest deployed (docs/behaviour.md#verification): a cosign signature, a
 * cosign-attached SLSA attestation, a Sigstore bundle attached as an OCI referrer, one from GitHub's
 * attestations API, and BuildKit's provenance in the index when a verified signature covers it.
 */
export type Evidence = 'signature' | 'provenance' | 'attestation' | 'github-attestation' | 'buildkit-provenance';

/** What verification proved of the digest deployed (the `verified` output): the kinds found, joined by `+`, or `none`. */
export type Verified = 'none' | Evidence | `${Evidence}+${string}`;

export const DEFAULT_IMAGE = 'ghcr.io/pacphi/sindri:latest';

// ---------------------------------------------------------------------------------------------
// What each provider can do (docs/behaviour.md#providers): the pure decision consults it, nothing
// here loads a provider.

export type BuildWhere = 'local' | 'remote' | 'provider' | 'never';

export interface Capabilities {
  /** where a Dockerfile is built; `never` makes a Dockerfile-only config an error */
  build: BuildWhere;
  /** the CLIs a deploy needs */
  tools: readonly (ToolName | 'docker' | 'docker-compose')[];
  url: string;
}

export const CAPABILITIES: Readonly<Record<ProviderName, Capabilities>> = {
  docker: { build: 'local', tools: ['docker', 'docker-compose'], url: 'http://localhost:<port> of the first published port' },
  fly: { build: 'remote', tools: ['flyctl'], url: 'https://<app>.fly.dev' },
  devpod: { build: 'provider', tools: ['devpod', 'docker'], url: 'none (outputs the workspace id)' },
  e2b: { build: 'provider', tools: ['e2b'], url: 'none (outputs the template id)' },
  kubernetes: { build: 'never', tools: ['kubectl'], url: 'the ingress host when providers.kubernetes.ingress is set' },
};

// ---------------------------------------------------------------------------------------------
// Bounds on what the action echoes back (ADR 0014): an error line quotes user values, and a job
// summary renders whole files, so a 100k-character name or a 4 MB config would otherwise make a
// 100 kB error line or a summary GitHub refuses (it accepts at most 1 MiB per step).

/** The longest error line, in characters: long enough for any real reference, path and fix. */
export const MAX_LINE = 2000;
/** GitHub's limit for one step's summary (`$GITHUB_STEP_SUMMARY`), in bytes. */
export const SUMMARY_LIMIT_BYTES = 1024 * 1024;

/** `text` at most `max` characters: its head and tail kept, the middle replaced by a note of how much was cut. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const note = (n: number) => `…[${n} characters cut]…`;
  const room = Math.max(0, max - note(text.length).length);
  const head = Math.ceil(room * 0.75);
  const tail = room - head;
  return text.slice(0, head) + note(text.length - room) + (tail > 0 ? text.slice(text.length - tail) : '');
}
