/**
 * The distribution API calls of an image copy, on one repository (ADR 0026): manifests read as exact
 * bytes and written back with their media type, blobs asked for with HEAD, mounted from another
 * repository of the same host, or uploaded from a stream (one PUT, or PATCH chunks then a PUT). Each
 * request goes through RegistryAuth, so the target answers to the same challenge logic as any pull.
 * Every failure is one ActionError naming the host, the request and the registry's own error code.
 */
import { createHash } from 'node:crypto';
import { ActionError } from '../errors.js';
import type { Credential } from './credentials.js';
import { apiHost, formatReference, isValidDigest } from './reference.js';
import type { Access, RegistryAuth } from './registry-auth.js';
import type { Method, Reply, SendOptions } from './registry-http.js';
import { registryError } from './registry-wire.js';
import { MANIFEST_ACCEPT, type ImageRef } from './types.js';

export interface ManifestBytes {
  bytes: Buffer;
  /** the media type the registry served it as (Content-Type), to PUT it back as */
  mediaType: string;
  credential: Credential | undefined;
}

export type UploadStart = { mounted: true } | { mounted: false; location: string };

export function digestOf(bytes: Buffer, algorithm = 'sha256'): string {
  return `${algorithm}:${createHash(algorithm).update(bytes).digest('hex')}`;
}

/** One repository of one registry, read (source) or written (target, `push`). */
export class RepositoryClient {
  readonly host: string;

  constructor(
    private readonly auth: RegistryAuth,
    readonly ref: ImageRef,
    private readonly access: Access,
    /** what to tell the user when the registry refuses these credentials */
    private readonly hint: string,
  ) {
    this.host = apiHost(ref.registry);
  }

  get name(): string {
    return `${this.ref.registry}/${this.ref.repository}`;
  }

  /** A manifest by digest, its bytes checked against the digest. */
  async getManifest(digest: string): Promise<ManifestBytes> {
    const path = `/v2/${this.ref.repository}/manifests/${digest}`;
    const { reply, credential } = await this.request('GET', path, { accept: MANIFEST_ACCEPT });
    if (reply.status !== 200) throw this.failure('GET', path, reply, credential);
    const algorithm = digest.split(':')[0]!;
    const got = digestOf(reply.body, algorithm);
    if (got !== digest) {
      throw new ActionError(`registry ${this.host} served ${formatReference({ ...this.ref, digest })} with bytes whose digest is ${got}`, {
        fix: 'the registry (or a proxy in between) does not serve the content that digest names: check the registry',
      });
    }
    const mediaType = (reply.headers.get('content-type') ?? '').split(';')[0]!.trim();
    return { bytes: reply.body, mediaType, credential };
  }

  /** The digest a tag or digest names here, or undefined when there is none (404). */
  async manifestDigest(reference: string): Promise<string | undefined> {
    const path = `/v2/${this.ref.repository}/manifests/${reference}`;
    const { reply, credential } = await this.request('HEAD', path, { accept: MANIFEST_ACCEPT });
    if (reply.status === 404) return undefined;
    if (reply.status !== 200) throw this.failure('HEAD', path, reply, credential);
    return reply.headers.get('docker-content-digest') ?? (isValidDigest(reference) ? reference : undefined);
  }

  async hasBlob(digest: string): Promise<boolean> {
    const path = `/v2/${this.ref.repository}/blobs/${digest}`;
    const { reply, credential } = await this.request('HEAD', path);
    if (reply.status === 200) return true;
    if (reply.status === 404) return false;
    throw this.failure('HEAD', path, reply, credential);
  }

  /**
   * The referrers of a digest (OCI distribution 1.1): `GET /v2/<repo>/referrers/<digest>`, an image
   * index of descriptors; a registry without that API (404, e.g. distribution 2.8) is asked for the
   * fallback tag `sha256-<hex>` the writers keep up to date instead. Neither: an empty list.
   */
  async referrers(digest: string): Promise<{ via: 'api' | 'tag' | 'none'; manifests: Record<string, unknown>[] }> {
    const index = 'application/vnd.oci.image.index.v1+json';
    const path = `/v2/${this.ref.repository}/referrers/${digest}`;
    const api = await this.request('GET', path, { accept: index });
    const type = (api.reply.headers.get('content-type') ?? '').split(';')[0]!.trim();
    if (api.reply.status === 200 && type === index) return { via: 'api', manifests: this.descriptors(api.reply.body, path) };
    if (api.reply.status !== 200 && api.reply.status !== 404) throw this.failure('GET', path, api.reply, api.credential);
    const tag = `/v2/${this.ref.repository}/manifests/${digest.replace(':', '-')}`;
    const fallback = await this.request('GET', tag, { accept: MANIFEST_ACCEPT });
    if (fallback.reply.status === 404) return { via: 'none', manifests: [] };
    if (fallback.reply.status !== 200) throw this.failure('GET', tag, fallback.reply, fallback.credential);
    return { via: 'tag', manifests: this.descriptors(fallback.reply.body, tag) };
  }

  /** A small blob (an attestation, a bundle) read whole, at most `limit` bytes, its bytes checked against the digest. */
  async readBlob(digest: string, limit: number): Promise<Buffer> {
    const path = `/v2/${this.ref.repository}/blobs/${digest}`;
    const { reply, credential } = await this.request('GET', path, { limit });
    if (reply.status !== 200) throw this.failure('GET', path, reply, credential);
    const got = digestOf(reply.body, digest.split(':')[0]!);
    if (got !== digest) throw this.broken(`it served blob ${digest} with bytes whose digest is ${got}`);
    return reply.body;
  }

  /** The body of a blob, unread (redirects to storage are followed; the Authorization is not sent there). */
  async openBlob(digest: string, signal: AbortSignal): Promise<ReadableStream<Uint8Array>> {
    const path = `/v2/${this.ref.repository}/blobs/${digest}`;
    const { reply, credential } = await this.request('GET', path, { stream: true, signal });
    if (reply.status !== 200 || !reply.stream) throw this.failure('GET', path, reply, credential);
    return reply.stream;
  }

  /** Start an upload; with `mount`, ask the registry to link the blob from another repository of the host instead. */
  async startUpload(mount?: { digest: string; from: string }): Promise<UploadStart> {
    const query = mount ? `?mount=${encodeURIComponent(mount.digest)}&from=${encodeURIComponent(mount.from)}` : '';
    const path = `/v2/${this.ref.repository}/blobs/uploads/${query}`;
    const { reply, credential } = await this.request('POST', path);
    if (mount && reply.status === 201) return { mounted: true };
    if (reply.status !== 202) throw this.failure('POST', path, reply, credential);
    return { mounted: false, location: this.location(reply, path) };
  }

  /** The whole blob in one PUT, streamed (Content-Length known from the descriptor). */
  async putBlob(location: string, digest: string, body: ReadableStream<Uint8Array>, size: number, signal: AbortSignal): Promise<void> {
    const path = withQuery(location, 'digest', digest);
    const opts = { body, length: size, contentType: 'application/octet-stream', signal };
    const { reply, credential } = await this.request('PUT', path, opts);
    if (reply.status !== 201) throw this.failure('PUT', pathOnly(path), reply, credential);
  }

  /** One chunk of a chunked upload; returns the next location. */
  async patchChunk(location: string, body: ReadableStream<Uint8Array>, start: number, size: number, signal: AbortSignal): Promise<string> {
    const headers = { 'content-range': `${start}-${start + size - 1}` };
    const opts = { body, length: size, contentType: 'application/octet-stream', headers, signal };
    const { reply, credential } = await this.request('PATCH', location, opts);
    if (reply.status !== 202) throw this.failure('PATCH', pathOnly(location), reply, credential);
    return this.location(reply, location);
  }

  /** Close a chunked upload: the registry checks the digest of everything received. */
  async commitUpload(location: string, digest: string): Promise<void> {
    const path = withQuery(location, 'digest', digest);
    const { reply, credential } = await this.request('PUT', path, { body: Buffer.alloc(0), contentType: 'application/octet-stream' });
    if (reply.status !== 201) throw this.failure('PUT', pathOnly(path), reply, credential);
  }

  /** PUT a manifest's exact bytes under a digest or tag, as its own media type. */
  async putManifest(reference: string, bytes: Buffer, mediaType: string): Promise<void> {
    const path = `/v2/${this.ref.repository}/manifests/${reference}`;
    const { reply, credential } = await this.request('PUT', path, { body: bytes, contentType: mediaType });
    if (reply.status !== 201) throw this.failure('PUT', path, reply, credential);
  }

  // -------------------------------------------------------------------------------------------

  private request(method: Method, path: string, o: Omit<SendOptions, 'authorization' | 'scheme'> = {}) {
    return this.auth.authorized(this.ref, method, path, { ...o, ...this.access });
  }

  /** The upload URL a registry answered with, as a path on this host (another host is refused: it would get our token). */
  private location(reply: Reply, requested: string): string {
    const raw = reply.headers.get('location');
    if (!raw) throw this.broken(`its answer to POST ${pathOnly(requested)} has no Location`);
    const u = new URL(raw, `http://${this.host}`);
    if (u.host.toLowerCase() !== this.host.toLowerCase()) throw this.broken(`it sends the upload to another host (${u.host})`);
    return u.pathname + u.search;
  }

  private descriptors(body: Buffer, path: string): Record<string, unknown>[] {
    let index: unknown;
    try {
      index = JSON.parse(body.toString('utf8'));
    } catch {
      throw this.broken(`its answer to GET ${path} is not JSON`);
    }
    const manifests = (index as { manifests?: unknown } | null)?.manifests;
    if (manifests === undefined || manifests === null) return [];
    if (!Array.isArray(manifests)) throw this.broken(`its answer to GET ${path} has no list of manifests`);
    return manifests.filter((m): m is Record<string, unknown> => m !== null && typeof m === 'object' && !Array.isArray(m));
  }

  private broken(what: string): ActionError {
    return new ActionError(`registry ${this.host} broke the distribution API for ${this.name}: ${what}`, {
      fix: `check that ${this.ref.registry} is an OCI registry (a proxy in between may rewrite answers)`,
    });
  }

  /** One line for a refused or failed request: host, request, the registry's code, whose credentials. */
  private failure(method: string, path: string, reply: Reply, credential: Credential | undefined): ActionError {
    const err = registryError(reply.body);
    const code = err?.code ?? `HTTP ${reply.status}`;
    const detail = err?.message ? ` (${err.message})` : '';
    const denied = reply.status === 401 || reply.status === 403;
    const who = denied ? (credential ? `, with credentials from ${credential.source}` : ' without credentials (none found)') : '';
    const verb = this.access.push ? 'push to' : 'pull from';
    const fix = denied
      ? credential
        ? `give the credentials from ${credential.source} the right to ${verb} ${this.name}; ${this.hint}`
        : this.hint
      : reply.status === 404
        ? `check that ${this.name} exists and holds what is copied`
        : `check that ${this.ref.registry} is an OCI registry and reachable; rerun with ACTIONS_STEP_DEBUG=true for the requests`;
    return new ActionError(`registry ${this.host} answered ${code}${detail} to ${method} ${path}${who}`, { fix });
  }
}

function pathOnly(path: string): string {
  return path.replace(/\?.*$/, '');
}

function withQuery(path: string, key: string, value: string): string {
  const u = new URL(path, 'http://x');
  u.searchParams.set(key, value);
  return u.pathname + u.search;
}
