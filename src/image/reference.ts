/**
 * One parser for image references, following the grammar of distribution/reference:
 * `[host[:port]/]path[:tag][@algo:hex]`. Docker Hub names normalise to `docker.io/library/…`.
 */
import { ActionError, type ErrorLocation } from '../errors.js';
import type { ImageRef } from './types.js';

export const DOCKER_HUB = 'docker.io';
const DOCKER_HUB_API = 'registry-1.docker.io';
const HUB_ALIASES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com']);

const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const DIGEST = /^(sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})$/;
const HOST =
  /^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*)(?::[0-9]{1,5})?$/;

export function isValidTag(tag: string): boolean {
  return TAG.test(tag);
}
export function isValidDigest(digest: string): boolean {
  return DIGEST.test(digest);
}

function invalid(value: string, why: string, where?: ErrorLocation): ActionError {
  return new ActionError(`invalid image reference "${value}": ${why}`, {
    where,
    fix: 'write it as [registry/]repository[:tag][@sha256:<64 hex>], e.g. ghcr.io/owner/app:1.2.3',
  });
}

/** Does the first path component name a registry host (rather than a Docker Hub namespace)? */
function looksLikeHost(first: string): boolean {
  return first.includes('.') || first.includes(':') || first === 'localhost' || first.startsWith('[') || first !== first.toLowerCase();
}

export function parseReference(value: string, where?: ErrorLocation): ImageRef {
  const s = value.trim();
  if (!s) throw invalid(value, 'it is empty', where);
  if (s.length > 512) throw invalid(value.slice(0, 40) + '…', 'it is longer than 512 characters', where);
  if (/\s/.test(s)) throw invalid(value, 'it contains white space', where);
  if (/^[a-z]+:\/\//i.test(s)) throw invalid(value, 'a reference has no scheme (drop the http:// or https://)', where);

  let rest = s;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at !== -1) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) throw invalid(value, `"${digest}" is not a digest (sha256:<64 lowercase hex>)`, where);
  }

  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf('/');
  const lastColon = rest.lastIndexOf(':');
  if (lastColon > lastSlash) {
    tag = rest.slice(lastColon + 1);
    rest = rest.slice(0, lastColon);
    if (!TAG.test(tag))
      throw invalid(value, `"${tag}" is not a valid tag (letters, digits, _ . -, at most 128, not starting with . or -)`, where);
  }

  const parts = rest.split('/');
  let registry = DOCKER_HUB;
  if (parts.length > 1 && looksLikeHost(parts[0]!)) {
    registry = parts.shift()!;
    if (!HOST.test(registry)) throw invalid(value, `"${registry}" is not a valid registry host`, where);
    const port = /:(\d+)$/.exec(registry)?.[1];
    if (port !== undefined && Number(port) > 65535) throw invalid(value, `port ${port} is out of range`, where);
    if (HUB_ALIASES.has(registry.toLowerCase())) registry = DOCKER_HUB;
  }
  if (parts.length === 0 || parts.some((p) => p === '')) throw invalid(value, 'the repository path has an empty component', where);
  for (const p of parts) {
    if (!COMPONENT.test(p)) {
      throw invalid(value, p !== p.toLowerCase() ? `"${p}" must be lowercase` : `"${p}" is not a valid repository component`, where);
    }
  }
  if (registry === DOCKER_HUB && parts.length === 1) parts.unshift('library');
  const repository = parts.join('/');
  if (registry.length + 1 + repository.length > 255) throw invalid(value, 'the name is longer than 255 characters', where);

  const ref: ImageRef = { registry, repository };
  if (tag !== undefined) ref.tag = tag;
  if (digest !== undefined) ref.digest = digest;
  return ref;
}

/** `registry/repository` */
export function repositoryName(ref: Pick<ImageRef, 'registry' | 'repository'>): string {
  return `${ref.registry}/${ref.repository}`;
}

/** The canonical string: `registry/repository[:tag][@digest]`. */
export function formatReference(ref: ImageRef): string {
  return `${repositoryName(ref)}${ref.tag !== undefined ? `:${ref.tag}` : ''}${ref.digest !== undefined ? `@${ref.digest}` : ''}`;
}

/** The pinned form deployed: `registry/repository@digest` (the tag is dropped: the digest is the truth). */
export function pinnedReference(ref: ImageRef, digest: string): string {
  return `${repositoryName(ref)}@${digest}`;
}

/** Host that serves the distribution API for a registry name. */
export function apiHost(registry: string): string {
  return registry === DOCKER_HUB ? DOCKER_HUB_API : registry;
}

/** Loopback registries speak plain HTTP when they do not speak TLS (Docker's own rule for localhost). */
export function isLoopbackHost(registry: string): boolean {
  const host = registry.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}

/** The reference a tag or digest points at: digest wins, then tag, else `latest`. */
export function withDefaultTag(ref: ImageRef): ImageRef {
  return ref.tag === undefined && ref.digest === undefined ? { ...ref, tag: 'latest' } : ref;
}
