/**
 * The pure side of an image copy (ADR 0026): read a manifest's bytes into what it references (the
 * platform manifests of an index, the config and layers of an image), pick the runner's platform out
 * of an index, and say in one line what a copy did. No I/O here: copy.ts does the requests.
 */
import { ActionError } from '../errors.js';
import { MEDIA_TYPES } from './types.js';

export interface Platform {
  os: string;
  architecture: string;
  variant?: string;
}

/** A content descriptor: what a manifest says about a blob or a manifest it references. */
export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  platform?: Platform;
  /** a foreign (non-distributable) layer lives at these URLs, not in the registry */
  urls?: string[];
  annotations?: Record<string, string>;
}

export type ParsedManifest =
  | { kind: 'index'; mediaType: string; manifests: Descriptor[] }
  | { kind: 'image'; mediaType: string; blobs: Descriptor[]; foreign: number };

const DIGEST = /^(sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})$/;
const INDEX_TYPES = new Set<string>([MEDIA_TYPES.ociIndex, MEDIA_TYPES.dockerList]);
const IMAGE_TYPES = new Set<string>([MEDIA_TYPES.ociManifest, MEDIA_TYPES.dockerManifest]);
/** Layers the registry never holds: Windows base layers, OCI non-distributable layers (`urls` say where they are). */
const FOREIGN = /(\.foreign\.|\.nondistributable\.)/;

function bad(what: string, why: string): ActionError {
  return new ActionError(`${what} is not a manifest this action can copy: ${why}`, {
    fix: 'copy OCI or Docker v2 images and indexes (schema 2); rebuild the image with a current docker buildx',
  });
}

function descriptor(raw: unknown, what: string): Descriptor {
  const d = raw as { mediaType?: unknown; digest?: unknown; size?: unknown; platform?: unknown; urls?: unknown; annotations?: unknown };
  if (!d || typeof d !== 'object') throw bad(what, 'a descriptor is not an object');
  if (typeof d.digest !== 'string' || !DIGEST.test(d.digest))
    throw bad(what, `a descriptor has no valid digest (${JSON.stringify(d.digest)})`);
  if (typeof d.size !== 'number' || !Number.isSafeInteger(d.size) || d.size < 0)
    throw bad(what, `descriptor ${d.digest} has no valid size`);
  const out: Descriptor = { mediaType: typeof d.mediaType === 'string' ? d.mediaType : '', digest: d.digest, size: d.size };
  const p = d.platform as { os?: unknown; architecture?: unknown; variant?: unknown } | undefined;
  if (p && typeof p === 'object' && typeof p.os === 'string' && typeof p.architecture === 'string') {
    out.platform = { os: p.os, architecture: p.architecture };
    if (typeof p.variant === 'string' && p.variant) out.platform.variant = p.variant;
  }
  if (Array.isArray(d.urls) && d.urls.length) out.urls = d.urls.filter((u): u is string => typeof u === 'string');
  if (d.annotations && typeof d.annotations === 'object') out.annotations = d.annotations as Record<string, string>;
  return out;
}

/**
 * What a manifest references. `contentType` is the registry's Content-Type (it wins: an OCI manifest
 * may omit `mediaType`); `what` names the manifest in errors (`127.0.0.1:5001/app@sha256:…`).
 */
export function parseManifest(bytes: Buffer, contentType: string, what: string): ParsedManifest {
  let raw: { schemaVersion?: unknown; mediaType?: unknown; manifests?: unknown; config?: unknown; layers?: unknown };
  try {
    raw = JSON.parse(bytes.toString('utf8')) as typeof raw;
  } catch {
    throw bad(what, 'its body is not JSON');
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw bad(what, 'its body is not a JSON object');
  if (raw.schemaVersion !== 2) throw bad(what, `schemaVersion ${JSON.stringify(raw.schemaVersion)}`);
  const header = contentType.split(';')[0]!.trim();
  const declared = typeof raw.mediaType === 'string' ? raw.mediaType : '';
  const known = (t: string) => INDEX_TYPES.has(t) || IMAGE_TYPES.has(t);
  const mediaType = known(header)
    ? header
    : known(declared)
      ? declared
      : Array.isArray(raw.manifests)
        ? MEDIA_TYPES.ociIndex
        : MEDIA_TYPES.ociManifest;
  if (INDEX_TYPES.has(mediaType)) {
    if (!Array.isArray(raw.manifests)) throw bad(what, 'an index without a manifests list');
    return { kind: 'index', mediaType, manifests: raw.manifests.map((m) => descriptor(m, what)) };
  }
  if (!raw.config || !Array.isArray(raw.layers)) throw bad(what, 'an image manifest without config and layers');
  const layers = raw.layers.map((l) => descriptor(l, what));
  const kept = layers.filter((l) => !(l.urls && FOREIGN.test(l.mediaType)));
  return { kind: 'image', mediaType, blobs: [descriptor(raw.config, what), ...kept], foreign: layers.length - kept.length };
}

/** Node's `process.arch` in Go's (and OCI's) words. */
const GOARCH: Readonly<Record<string, string>> = {
  x64: 'amd64',
  arm64: 'arm64',
  arm: 'arm',
  ia32: '386',
  ppc64: 'ppc64le',
  s390x: 's390x',
  riscv64: 'riscv64',
  loong64: 'loong64',
};

/** The platform of the runner's own images: linux on the runner's CPU (`linux/amd64`, `linux/arm/v7`). */
export function runnerPlatform(arch: string = process.arch, armVersion?: string): Platform {
  const p: Platform = { os: 'linux', architecture: GOARCH[arch] ?? arch };
  if (arch === 'arm') p.variant = `v${armVersion ?? '7'}`;
  return p;
}

export function platformName(p: Platform | undefined): string {
  return p ? [p.os, p.architecture, p.variant].filter(Boolean).join('/') : 'unknown';
}

/** arm64's variant is v8 whether written or not; other variants must match when both sides name one. */
function variantMatches(want: Platform, got: Platform): boolean {
  const norm = (p: Platform) => p.variant ?? (p.architecture === 'arm64' ? 'v8' : undefined);
  const w = norm(want);
  const g = norm(got);
  return w === undefined || g === undefined || w === g;
}

/** The index entry for `want` (attestations and `unknown/unknown` entries are never a platform). */
export function selectPlatform(manifests: readonly Descriptor[], want: Platform): Descriptor | undefined {
  return manifests.find(
    (m) =>
      m.platform !== undefined &&
      m.annotations?.['vnd.docker.reference.type'] !== 'attestation-manifest' &&
      m.platform.os === want.os &&
      m.platform.architecture === want.architecture &&
      variantMatches(want, m.platform),
  );
}

/** The platforms an index names, for messages: `linux/amd64, linux/arm64`. */
export function platformsOf(manifests: readonly Descriptor[]): string[] {
  return manifests.filter((m) => m.platform && m.platform.os !== 'unknown').map((m) => platformName(m.platform));
}
