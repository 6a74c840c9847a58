/**
 * A small OCI distribution client: tag listing and manifest HEAD (docs/behaviour.md#digest-pinning,
 * docs/behaviour.md#registry-authentication). The authorization dance is in registry-auth.ts, one
 * retried HTTP exchange in registry-http.ts, the wire formats in registry-wire.ts. Every failure is
 * one ActionError carrying the registry's own error code, the host, the reference and a fix.
 */
import { createHash } from 'node:crypto';
import type { Deadline } from '../deadline.js';
import { ActionError } from '../errors.js';
import { debug } from '../runner.js';
import type { Credential, CredentialSource } from './credentials.js';
import { apiHost, formatReference, withDefaultTag } from './reference.js';
import { RegistryAuth } from './registry-auth.js';
import { parseLinkNext, protocolError, registryError } from './registry-wire.js';
import { MAX_TAG_PAGE, RegistryHttp, type Reply } from './registry-http.js';
import { MANIFEST_ACCEPT, type ImageAccess, type ImageRef } from './types.js';

export { MANIFEST_ACCEPT, MEDIA_TYPES } from './types.js';

export interface RegistryOptions {
  credentials: CredentialSource;
  /** the run's deadline: every request, retry and backoff fits inside it */
  deadline: Deadline;
  /** per request, default 30000 */
  timeoutMs?: number;
  /** retries after the first attempt, default 4 */
  retries?: number;
  /** base of the exponential backoff, default 500 */
  backoffMs?: number;
  /** `n=` of tags/list, default 1000 */
  pageSize?: number;
  /** the longest `Retry-After` honoured, default 60000 */
  maxRetryAfterMs?: number;
}

export interface ManifestHead {
  digest: string;
  mediaType: string;
  size?: number;
  /** how the registry let us read it: anonymously, or only with credentials (a private image) */
  access: ImageAccess;
}

/** Private when the answer needed credentials: they are only ever looked up after anonymous access was refused. */
export function accessOf(credential: Credential | undefined): ImageAccess {
  return credential ? { private: true, credentials: credential.source } : { private: false };
}

const sha256 = (b: Buffer) => `sha256:${createHash('sha256').update(b).digest('hex')}`;

/** What to tell the user for a registry error code. */
function fixFor(code: string, ref: ImageRef, hint: string, credential: Credential | undefined): string {
  switch (code) {
    case 'NAME_UNKNOWN':
      return `check the repository name "${ref.repository}" on ${ref.registry}, or push the image first`;
    case 'MANIFEST_UNKNOWN':
      return `check that ${ref.digest ? `digest ${ref.digest}` : `tag "${ref.tag ?? 'latest'}"`} exists in ${ref.registry}/${ref.repository}, or push it first`;
    case 'TOOMANYREQUESTS':
    case 'HTTP 429':
      return `authenticate to get a higher rate limit (${hint}), or retry later`;
    case 'DENIED':
    case 'HTTP 403':
      return credential ? `give the credentials from ${credential.source} pull access to ${ref.repository}` : hint;
    case 'UNAUTHORIZED':
    case 'HTTP 401':
      return credential ? `check the credentials from ${credential.source}; ${hint}` : hint;
    default:
      return `check that ${ref.registry} is an OCI registry and reachable; rerun with ACTIONS_STEP_DEBUG=true for the requests`;
  }
}

export class RegistryClient {
  private readonly http: RegistryHttp;
  private readonly auth: RegistryAuth;
  private readonly credentials: CredentialSource;
  private readonly pageSize: number;

  constructor(opts: RegistryOptions) {
    this.credentials = opts.credentials;
    this.pageSize = opts.pageSize ?? 1000;
    this.http = new RegistryHttp({
      deadline: opts.deadline,
      timeoutMs: opts.timeoutMs ?? 30_000,
      retries: opts.retries ?? 4,
      backoffMs: opts.backoffMs ?? 500,
      maxRetryAfterMs: opts.maxRetryAfterMs ?? 60_000,
    });
    this.auth = new RegistryAuth(this.http, opts.credentials);
  }

  /** Every HTTP request sent, token requests included (a TLS probe refused at the handshake sends none). */
  get requests(): number {
    return this.http.count;
  }

  /** All tags of a repository, following `Link: <…>; rel="next"`, in the registry's order. */
  async listTags(ref: ImageRef): Promise<string[]> {
    const host = apiHost(ref.registry);
    const tags: string[] = [];
    const seen = new Set<string>();
    let path: string | undefined = `/v2/${ref.repository}/tags/list?n=${this.pageSize}`;
    while (path) {
      if (seen.has(path)) throw protocolError(ref, `its tag pagination loops back to ${path}`);
      seen.add(path);
      const { reply, credential } = await this.auth.authorized(ref, 'GET', path, { limit: MAX_TAG_PAGE });
      if (reply.status !== 200) throw this.failure(ref, reply, credential);
      let page: { tags?: unknown } | null;
      try {
        page = JSON.parse(reply.body.toString('utf8')) as { tags?: unknown } | null;
      } catch {
        throw protocolError(ref, 'its tag list is not JSON');
      }
      if (typeof page !== 'object' || page === null || Array.isArray(page))
        throw protocolError(
          ref,
          `its tag list is ${page === null ? 'null' : `a JSON ${Array.isArray(page) ? 'array' : typeof page}`}, not an object`,
        );
      if (page.tags !== null && page.tags !== undefined) {
        if (!Array.isArray(page.tags) || page.tags.some((t) => typeof t !== 'string'))
          throw protocolError(ref, 'its tag list is not a list of strings');
        for (const t of page.tags as string[]) tags.push(t);
      }
      const next = parseLinkNext(reply.headers.get('link'));
      path = next === undefined ? undefined : this.samePath(ref, host, path, next);
    }
    debug(`${host}/${ref.repository}: ${tags.length} tags in ${seen.size} page(s)`);
    return tags;
  }

  /** The digest a tag (default `latest`) or digest names, and its media type: a multi-arch image gives its index digest. */
  async headManifest(ref: ImageRef): Promise<ManifestHead> {
    const r = withDefaultTag(ref);
    const reference = r.digest ?? r.tag!;
    const path = `/v2/${r.repository}/manifests/${reference}`;
    const accept = { accept: MANIFEST_ACCEPT };
    const head = await this.auth.authorized(r, 'HEAD', path, accept);
    if (head.reply.status === 404) {
      // HEAD has no body: ask again with GET for the registry's error code (NAME_ vs MANIFEST_UNKNOWN)
      const get = await this.auth.authorized(r, 'GET', path, accept);
      throw this.failure(r, get.reply.status === 200 ? head.reply : get.reply, get.credential);
    }
    if (head.reply.status !== 200) throw this.failure(r, head.reply, head.credential);
    let digest = head.reply.headers.get('docker-content-digest') ?? '';
    let mediaType = (head.reply.headers.get('content-type') ?? '').split(';')[0]!.trim();
    const length = head.reply.headers.get('content-length');
    let size = length !== null && /^\d+$/.test(length) ? Number(length) : undefined;
    if (!/^sha256:[a-f0-9]{64}$/.test(digest)) {
      // no (usable) Docker-Content-Digest: the digest is the sha256 of the manifest bytes
      const get = await this.auth.authorized(r, 'GET', path, accept);
      if (get.reply.status !== 200) throw this.failure(r, get.reply, get.credential);
      digest = sha256(get.reply.body);
      size = get.reply.body.length;
      if (!mediaType) {
        const m = /"mediaType"\s*:\s*"([^"]+)"/.exec(get.reply.body.toString('utf8'));
        mediaType = m?.[1] ?? (get.reply.headers.get('content-type') ?? '').split(';')[0]!.trim();
      }
    }
    if (r.digest && digest !== r.digest) {
      throw new ActionError(`registry ${apiHost(r.registry)} answered digest ${digest} for ${formatReference(r)}`, {
        fix: 'the registry does not serve the content that digest names: check the registry (or a proxy in between)',
      });
    }
    const out: ManifestHead = { digest, mediaType, access: accessOf(head.credential) };
    if (size !== undefined) out.size = size;
    return out;
  }

  /** The manifest or index a reference names, as served; checked against the digest when it names one. */
  async getManifest(ref: ImageRef): Promise<Buffer> {
    const r = withDefaultTag(ref);
    const path = `/v2/${r.repository}/manifests/${r.digest ?? r.tag!}`;
    const { reply, credential } = await this.auth.authorized(r, 'GET', path, { accept: MANIFEST_ACCEPT });
    if (reply.status !== 200) throw this.failure(r, reply, credential);
    if (r.digest && sha256(reply.body) !== r.digest) throw protocolError(r, `the manifest it served does not hash to ${r.digest}`);
    return reply.body;
  }

  // -------------------------------------------------------------------------------------------

  /** A `Link` target as a path on the same host (absolute links to another host are refused). */
  private samePath(ref: ImageRef, host: string, current: string, next: string): string {
    const base = new URL(current, `http://${host}`);
    const u = new URL(next, base);
    if (u.host.toLowerCase() !== host.toLowerCase()) throw protocolError(ref, `its tag pagination points to another host (${u.host})`);
    return u.pathname + u.search;
  }

  /** One line for a final non-success answer, with the registry's error code. */
  private failure(ref: ImageRef, reply: Reply, credential: Credential | undefined): ActionError {
    const host = apiHost(ref.registry);
    const err = registryError(reply.body);
    const code = err?.code ?? `HTTP ${reply.status}`;
    const detail = err?.message ? ` (${err.message})` : '';
    const auth =
      reply.status === 401 || reply.status === 403
        ? credential
          ? `, with credentials from ${credential.source}`
          : ' without credentials (none found): anonymous pull is refused, so the image is private (or missing)'
        : '';
    return new ActionError(`registry ${host} answered ${code}${detail} for ${formatReference(ref)}${auth}`, {
      fix: fixFor(code, ref, this.credentials.hint(ref.registry), credential),
    });
  }
}
