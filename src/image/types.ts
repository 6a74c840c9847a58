/**
 * Shared shapes of the image pipeline: references, the decision and its trace
 * (docs/behaviour.md#image-priority-order).
 */
import type { TagList } from './tags.js';

/** A parsed, normalised image reference. */
export interface ImageRef {
  /** registry host as users write it, with port: `docker.io`, `ghcr.io`, `localhost:5000` */
  registry: string;
  /** repository path without host: `library/nginx`, `pacphi/sindri` */
  repository: string;
  tag?: string;
  /** `sha256:<hex>` */
  digest?: string;
}

/**
 * How the registry let us read an image. Private: an anonymous manifest request was refused and the
 * credentials opened it (docs/behaviour.md#registry-authentication). Providers whose platform pulls
 * by itself (Fly, E2B) need to know: it cannot pull a private image without help.
 */
export interface ImageAccess {
  private: boolean;
  /** where the credentials that opened a private image came from: `input registry-username/registry-password` */
  credentials?: string;
}

/** The manifest types a tag may point at; a multi-arch image pins to its index (docs/behaviour.md#digest-pinning). */
export const MEDIA_TYPES = {
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
} as const;

/** Every type we pin to. Without all of them distribution 2.8 converts to schema1 and reports another digest. */
export const MANIFEST_ACCEPT = Object.values(MEDIA_TYPES).join(', ');

/** How the trace names each of them. */
export const MEDIA_NAMES: Readonly<Record<string, string>> = {
  [MEDIA_TYPES.ociIndex]: 'OCI image index',
  [MEDIA_TYPES.dockerList]: 'Docker manifest list',
  [MEDIA_TYPES.ociManifest]: 'OCI image manifest',
  [MEDIA_TYPES.dockerManifest]: 'Docker v2 manifest',
};

export type ImageSource =
  | 'input-digest'
  | 'input-image'
  | 'config-digest'
  | 'config-tag'
  | 'config-version'
  | 'config-image'
  | 'config-registry'
  | 'dockerfile'
  | 'default';

/** Rule number and source of every rule, in priority order. */
export const RULES: readonly { rule: number; source: ImageSource; title: string }[] = [
  { rule: 1, source: 'input-digest', title: 'input image-digest' },
  { rule: 2, source: 'input-image', title: 'input image' },
  { rule: 3, source: 'config-digest', title: 'deployment.image_config.digest' },
  { rule: 4, source: 'config-tag', title: 'deployment.image_config.tag_override' },
  { rule: 5, source: 'config-version', title: 'deployment.image_config.version' },
  { rule: 6, source: 'config-image', title: 'deployment.image' },
  { rule: 7, source: 'config-registry', title: 'deployment.image_config.registry' },
  { rule: 8, source: 'dockerfile', title: 'Dockerfile' },
  { rule: 9, source: 'default', title: 'input default-image' },
];

export type TraceOutcome = 'applied' | 'skipped' | 'not-reached';

/** One line of the decision trace. Steps after rule 9 (pin, access, capability, verify, a provider's copy) use rule 0. */
export interface TraceStep {
  rule: number;
  source: ImageSource | 'pin' | 'access' | 'capability' | 'verify' | 'copy';
  outcome: TraceOutcome;
  reason: string;
}

/** What the outside world said, gathered by the effectful side and handed to the pure decision. */
export interface Observations {
  /** Dockerfile candidates that exist, relative to working-directory (`deploy/Dockerfile`); looked
   *  for only when rule 8 is reached, so a broken Dockerfile cannot fail a run that never builds */
  dockerfiles?: readonly string[];
  /** tags of the version rule's repository, in whatever order the registry gave them, with the
   *  pure selection over them (`tagList` in tags.ts: loaded only when rule 5 needs it) */
  tags?: TagList;
  /** git short sha of the working directory (`local` outside git), for the tag of a built image */
  revision?: string;
}

/** The result of the pure rules 1–9, before pinning. */
export interface ImageChoice {
  source: ImageSource;
  /** the reference to deploy (or to build, for `dockerfile`), as a string */
  ref: string;
  parsed: ImageRef;
  /** for `dockerfile`: the Dockerfile relative to working-directory */
  dockerfile?: string;
  /** for `config-version`: the constraint, strategy and the tag chosen */
  version?: { constraint: string; strategy: string; tag: string; candidates: number };
  trace: TraceStep[];
}

/** The final decision after pinning: what is deployed and how we know. */
export interface ImageDecision extends ImageChoice {
  /** `repo@sha256:…` when pinned, else the ref */
  deployRef: string;
  digest: string;
  /** media type of the manifest the digest names (index or manifest) */
  mediaType?: string;
  /** true when the image is built by us (rule 8) */
  build: boolean;
  /** known when the registry was asked (pinning): public, or private and opened by which credentials */
  access?: ImageAccess;
}
