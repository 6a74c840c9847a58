/**
 * A small OCI distribution client: tag listing and manifest HEAD (SPEC §4 "Digest pinning",
 * "Registry auth"). Anonymous first; on 401 it follows the `WWW-Authenticate` challenge (Bearer
 * token or Basic), then retries with credentials when anonymous access is refused. 429, 5xx,
 * resets and timeouts are retried with exponential backoff and jitter. Every failure is one
 * ActionError carrying the registry's own error code, the host, the reference and a fix.
 * Global fetch only: no runtime dependency.
 */
import { createHash } from 'node:crypto';
import type { Deadline } from '../deadline.js';
import { ActionError } from '../errors.js';
import { debug, setSecret } from '../runner.js';
import type { Credential, CredentialSource } from './credentials.js';
import { apiHost, formatReference, isLoopbackHost, withDefaultTag } from './reference.js';
import { MANIFEST_ACCEPT, type ImageRef } from './types.js';

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
}

// ---------------------------------------------------------------------------------------------
// pure helpers

export interface Challenge {
  scheme: 'bearer' | 'basic';
  params: Record<string, string>;
}

/**
 * Parse `WWW-Authenticate` (RFC 7235): one or more challenges, each `scheme k=v, k="v, with commas"`.
 * Returns the challenges we understand (Bearer, Basic), in the order given.
 */
export function parseWwwAuthenticate(header: string | null | undefined): Challenge[] {
  const out: Challenge[] = [];
  if (!header) return out;
  let i = 0;
  const s = header;
  let current: Challenge | undefined;
  let currentKnown = false;
  const skip = (re: RegExp) => {
    while (i < s.length && re.test(s[i]!)) i++;
  };
  while (i < s.length) {
    skip(/[\s,]/);
    const start = i;
    while (i < s.length && /[^\s,=]/.test(s[i]!)) i++;
    const token = s.slice(start, i);
    if (!token) break;
    skip(/\s/);
    if (s[i] === '=') {
      // a parameter of the current challenge
      i++;
      skip(/\s/);
      let value = '';
      if (s[i] === '"') {
        i++;
        while (i < s.length && s[i] !== '"') {
          if (s[i] === '\\' && i + 1 < s.length) i++;
          value += s[i];
          i++;
        }
        i++; // closing quote
      } else {
        const vs = i;
        while (i < s.length && s[i] !== ',') i++;
        value = s.slice(vs, i).trim();
      }
      if (current && currentKnown) current.params[token.toLowerCase()] = value;
    } else {
      // a new challenge: `Scheme` possibly followed by params
      const scheme = token.toLowerCase();
      currentKnown = scheme === 'bearer' || scheme === 'basic';
      current = { scheme: scheme as Challenge['scheme'], params: {} };
      if (currentKnown) out.push(current);
    }
  }
  return out;
}

/** The `rel="next"` target of a `Link` header, as written (relative or absolute). */
export function parseLinkNext(header: string | null | undefined): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(/,(?=\s*<)/)) {
    const m = /^\s*<([^>]*)>(.*)$/.exec(part);
    if (!m) continue;
    const rel = /;\s*rel\s*=\s*(?:"([^"]*)"|([^\s;,]+))/i.exec(m[2]!);
    if (rel && (rel[1] ?? rel[2] ?? '').toLowerCase().split(/\s+/).includes('next')) return m[1];
  }
  return undefined;
}

/** `Retry-After` in milliseconds: delta seconds or an HTTP date; `undefined` when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** The first entry of a distribution error body: `{"errors":[{"code","message","detail"}]}`. */
export function registryError(body: Buffer | string): { code: string; message: string } | undefined {
  try {
    const parsed = JSON.parse(body.toString()) as { errors?: { code?: unknown; message?: unknown }[] };
    const first = parsed?.errors?.[0];
    if (first && typeof first.code === 'string')
      return { code: first.code, message: typeof first.message === 'string' ? first.message : '' };
  } catch {
    // not JSON: no code
  }
  return undefined;
}

/** Backoff before retry `attempt` (0-based): base·2^attempt with ±50 % jitter, at most 30 s. */
export function backoffDelay(attempt: number, baseMs: number, random: number = Math.random()): number {
  return Math.round(Math.min(30_000, baseMs * 2 ** attempt) * (0.5 + random));
}

// ---------------------------------------------------------------------------------------------

interface Reply {
  status: number;
  headers: Headers;
  body: Buffer;
}

interface AuthState {
  /** the Authorization header, or none (anonymous worked without one) */
  header: string | undefined;
  credential: Credential | undefined;
  expiresAt: number;
}

type NetKind = 'tls-protocol' | 'tls-cert' | 'unreachable' | 'retryable' | 'timeout' | 'other';

const RETRY_STATUS = new Set([429, 500, 502, 503, 504]);
const TLS_CERT_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_GET_ISSUER_CERT',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);
const RETRY_CODES = new Set([
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'ECONNABORTED',
]);

function errorCode(e: unknown): string {
  let cur: unknown = e;
  for (let depth = 0; cur && depth < 4; depth++) {
    const c = (cur as { code?: unknown }).code;
    if (typeof c === 'string') return c;
    cur = (cur as { cause?: unknown }).cause;
  }
  return '';
}

/** `127.0.0.1:5999` from the innermost socket error (undici hides it under `fetch failed`), or ''. */
function peerOf(e: unknown): string {
  let cur: unknown = e;
  for (let depth = 0; cur && depth < 4; depth++) {
    const { address, port } = cur as { address?: unknown; port?: unknown };
    if (typeof address === 'string') return typeof port === 'number' ? `${address}:${port}` : address;
    cur = (cur as { cause?: unknown }).cause;
  }
  return '';
}

/** The innermost message: `fetch failed` says nothing, its cause says what happened. */
function innerMessage(e: unknown): string {
  let cur: unknown = e;
  let msg = e instanceof Error ? e.message : String(e);
  for (let depth = 0; cur && depth < 4; depth++) {
    if (cur instanceof Error && cur.message) msg = cur.message;
    cur = (cur as { cause?: unknown }).cause;
  }
  return msg.split('\n')[0] ?? msg;
}

function classify(e: unknown): { kind: NetKind; code: string } {
  const name = (e as { name?: string })?.name;
  if (name === 'TimeoutError' || name === 'AbortError') return { kind: 'timeout', code: 'timeout' };
  const code = errorCode(e);
  if (TLS_CERT_CODES.has(code)) return { kind: 'tls-cert', code };
  if (code.startsWith('ERR_SSL_') || code === 'EPROTO') return { kind: 'tls-protocol', code };
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EHOSTUNREACH' || code === 'ENETUNREACH')
    return { kind: 'unreachable', code };
  if (RETRY_CODES.has(code) || /other side closed|socket hang up/i.test(String((e as Error)?.cause ?? '')))
    return { kind: 'retryable', code: code || 'reset' };
  return { kind: 'other', code: code || innerMessage(e) };
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
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
  private readonly opts: Required<RegistryOptions>;
  private count = 0;
  /** scheme per host once known (loopback hosts may fall back to http) */
  private readonly schemes = new Map<string, 'https' | 'http'>();
  /** hosts that answered once: a refused connection there later is worth retrying */
  private readonly reached = new Set<string>();
  /** the last challenge per host, so a second repository fetches its token without a 401 first */
  private readonly challenges = new Map<string, Challenge>();
  /** authorization per `host scope` */
  private readonly auth = new Map<string, AuthState>();

  constructor(opts: RegistryOptions) {
    this.opts = {
      credentials: opts.credentials,
      deadline: opts.deadline,
      timeoutMs: opts.timeoutMs ?? 30_000,
      retries: opts.retries ?? 4,
      backoffMs: opts.backoffMs ?? 500,
      pageSize: opts.pageSize ?? 1000,
      maxRetryAfterMs: opts.maxRetryAfterMs ?? 60_000,
    };
  }

  /** Every HTTP request sent, token requests included (a TLS probe refused at the handshake sends none). */
  get requests(): number {
    return this.count;
  }

  /** All tags of a repository, following `Link: <…>; rel="next"`, in the registry's order. */
  async listTags(ref: ImageRef): Promise<string[]> {
    const host = apiHost(ref.registry);
    const tags: string[] = [];
    const seen = new Set<string>();
    let path: string | undefined = `/v2/${ref.repository}/tags/list?n=${this.opts.pageSize}`;
    while (path) {
      if (seen.has(path)) throw this.protocolError(ref, `its tag pagination loops back to ${path}`);
      seen.add(path);
      const { reply, credential } = await this.authorized(ref, 'GET', path);
      if (reply.status !== 200) throw this.failure(ref, reply, credential);
      let page: { tags?: unknown };
      try {
        page = JSON.parse(reply.body.toString('utf8')) as { tags?: unknown };
      } catch {
        throw this.protocolError(ref, 'its tag list is not JSON');
      }
      if (page.tags !== null && page.tags !== undefined) {
        if (!Array.isArray(page.tags) || page.tags.some((t) => typeof t !== 'string'))
          throw this.protocolError(ref, 'its tag list is not a list of strings');
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
    const head = await this.authorized(r, 'HEAD', path, MANIFEST_ACCEPT);
    if (head.reply.status === 404) {
      // HEAD has no body: ask again with GET for the registry's error code (NAME_ vs MANIFEST_UNKNOWN)
      const get = await this.authorized(r, 'GET', path, MANIFEST_ACCEPT);
      throw this.failure(r, get.reply.status === 200 ? head.reply : get.reply, get.credential);
    }
    if (head.reply.status !== 200) throw this.failure(r, head.reply, head.credential);
    let digest = head.reply.headers.get('docker-content-digest') ?? '';
    let mediaType = (head.reply.headers.get('content-type') ?? '').split(';')[0]!.trim();
    const length = head.reply.headers.get('content-length');
    let size = length !== null && /^\d+$/.test(length) ? Number(length) : undefined;
    if (!/^sha256:[a-f0-9]{64}$/.test(digest)) {
      // no (usable) Docker-Content-Digest: the digest is the sha256 of the manifest bytes
      const get = await this.authorized(r, 'GET', path, MANIFEST_ACCEPT);
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
    const out: ManifestHead = { digest, mediaType };
    if (size !== undefined) out.size = size;
    return out;
  }

  // -------------------------------------------------------------------------------------------

  /** A `Link` target as a path on the same host (absolute links to another host are refused). */
  private samePath(ref: ImageRef, host: string, current: string, next: string): string {
    const base = new URL(current, `http://${host}`);
    const u = new URL(next, base);
    if (u.host.toLowerCase() !== host.toLowerCase()) throw this.protocolError(ref, `its tag pagination points to another host (${u.host})`);
    return u.pathname + u.search;
  }

  private protocolError(ref: ImageRef, what: string): ActionError {
    return new ActionError(`registry ${apiHost(ref.registry)} broke the distribution API for ${formatReference(ref)}: ${what}`, {
      fix: `check that ${ref.registry} is an OCI registry (a proxy in between may rewrite answers)`,
    });
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
          : ', without credentials (none found)'
        : '';
    return new ActionError(`registry ${host} answered ${code}${detail} for ${formatReference(ref)}${auth}`, {
      fix: fixFor(code, ref, this.opts.credentials.hint(ref.registry), credential),
    });
  }

  /**
   * Send a registry API request with whatever authorization this repository needs: a cached
   * token, else anonymous; on 401 follow the challenge (anonymous token first), then credentials.
   */
  private async authorized(
    ref: ImageRef,
    method: 'GET' | 'HEAD',
    path: string,
    accept?: string,
  ): Promise<{ reply: Reply; credential: Credential | undefined }> {
    const host = apiHost(ref.registry);
    const scope = `repository:${ref.repository}:pull`;
    const key = `${host} ${scope}`;
    let state = this.auth.get(key);
    if (state && state.expiresAt <= Date.now()) state = undefined;
    let triedAnonymous = state !== undefined && !state.credential;
    let triedCredentials = state?.credential !== undefined;
    const known = this.challenges.get(host);
    if (!state && known?.scheme === 'bearer') {
      // a challenge seen for another repository on this host: get this scope's token up front
      state = (await this.authenticate(ref, known, scope, undefined)) ?? undefined;
      triedAnonymous = true;
      if (state) this.auth.set(key, state);
    }
    let reply = await this.send(host, method, path, { authorization: state?.header, accept });
    for (;;) {
      const refused = reply.status === 401 || (reply.status === 403 && !triedCredentials);
      if (!refused) break;
      const challenge =
        reply.status === 401 ? pickChallenge(parseWwwAuthenticate(reply.headers.get('www-authenticate'))) : this.challenges.get(host);
      if (!challenge && reply.status === 401) break;
      if (challenge) this.challenges.set(host, challenge);
      let credential: Credential | undefined;
      if (challenge?.scheme === 'bearer' && !triedAnonymous) {
        triedAnonymous = true;
      } else if (!triedCredentials) {
        triedCredentials = true;
        credential = await this.opts.credentials.lookup(ref.registry);
        if (!credential) break;
        if (!challenge) break; // 403 with no challenge ever seen: nothing to present the credentials to
      } else break;
      const next = await this.authenticate(ref, challenge!, scope, credential);
      if (!next) continue; // the token server refused anonymous access: go on to credentials
      state = next;
      this.auth.set(key, state);
      reply = await this.send(host, method, path, { authorization: state.header, accept });
    }
    return { reply, credential: state?.credential };
  }

  /** Turn a challenge (and maybe a credential) into an Authorization header; `null` = anonymous refused by the token server. */
  private async authenticate(
    ref: ImageRef,
    challenge: Challenge,
    scope: string,
    credential: Credential | undefined,
  ): Promise<AuthState | null> {
    const host = apiHost(ref.registry);
    if (challenge.scheme === 'basic') {
      if (!credential) return null;
      const header = `Basic ${Buffer.from(`${credential.username}:${credential.password}`).toString('base64')}`;
      setSecret(header.slice(6));
      return { header, credential, expiresAt: Infinity };
    }
    const realm = challenge.params.realm;
    let url: URL;
    try {
      url = new URL(realm ?? '');
    } catch {
      throw this.protocolError(ref, `its Bearer challenge has no usable realm (${JSON.stringify(realm ?? '')})`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
      throw this.protocolError(ref, `its token realm ${url.origin} is not http(s)`);
    if (credential && url.protocol === 'http:' && !isLoopbackHost(url.host)) {
      throw new ActionError(`registry ${host} asks for credentials at ${url.origin}, which is plain http`, {
        fix: 'the credentials were not sent: use a registry whose token service speaks https',
      });
    }
    const service = challenge.params.service;
    let reply: Reply;
    if (credential?.identityToken) {
      // Docker's OAuth2 flow for an identity (refresh) token
      const form = new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: credential.identityToken,
        client_id: 'sindri-deploy-action',
        scope,
      });
      if (service) form.set('service', service);
      reply = await this.send(url.host, 'POST', url.pathname + url.search, {
        scheme: url.protocol === 'https:' ? 'https' : 'http',
        body: form.toString(),
        contentType: 'application/x-www-form-urlencoded',
      });
    } else {
      if (service) url.searchParams.set('service', service);
      url.searchParams.set('scope', scope);
      const authorization = credential
        ? `Basic ${Buffer.from(`${credential.username}:${credential.password}`).toString('base64')}`
        : undefined;
      if (authorization) setSecret(authorization.slice(6));
      reply = await this.send(url.host, 'GET', url.pathname + url.search, {
        scheme: url.protocol === 'https:' ? 'https' : 'http',
        authorization,
      });
    }
    if (reply.status === 401 || reply.status === 403) {
      if (!credential) return null;
      throw new ActionError(
        `the token service of registry ${host} (${url.origin}) refused the credentials from ${credential.source} for ${formatReference(ref)} (HTTP ${reply.status})`,
        { fix: `check the username and password or token; ${this.opts.credentials.hint(ref.registry)}` },
      );
    }
    if (reply.status !== 200) {
      const err = registryError(reply.body);
      throw new ActionError(
        `the token service of registry ${host} (${url.origin}) answered ${err?.code ?? `HTTP ${reply.status}`} for ${formatReference(ref)}`,
        {
          fix: 'retry later; rerun with ACTIONS_STEP_DEBUG=true for the requests',
        },
      );
    }
    let body: { token?: unknown; access_token?: unknown; expires_in?: unknown };
    try {
      body = JSON.parse(reply.body.toString('utf8')) as typeof body;
    } catch {
      throw this.protocolError(ref, `its token service ${url.origin} answered something that is not JSON`);
    }
    const token =
      typeof body.token === 'string' && body.token ? body.token : typeof body.access_token === 'string' ? body.access_token : '';
    if (!token) throw this.protocolError(ref, `its token service ${url.origin} answered without a token`);
    setSecret(token);
    // the spec's default lifetime is 60 s; renew 10 s early
    const lifetime = typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : 60;
    return { header: `Bearer ${token}`, credential, expiresAt: Date.now() + Math.max(1, lifetime - 10) * 1000 };
  }

  /** One HTTP exchange with retries; the body is read inside the attempt so a reset mid-body is retried too. */
  private async send(
    host: string,
    method: 'GET' | 'HEAD' | 'POST',
    path: string,
    o: { authorization?: string | undefined; accept?: string | undefined; scheme?: 'https' | 'http'; body?: string; contentType?: string },
  ): Promise<Reply> {
    const fixedScheme = o.scheme;
    const headers: Record<string, string> = { 'user-agent': 'sindri-deploy-action' };
    if (o.authorization) headers.authorization = o.authorization;
    if (o.accept) headers.accept = o.accept;
    if (o.contentType) headers['content-type'] = o.contentType;
    let last = '';
    const shownPath = path.replace(/\?.*$/, '');
    for (let attempt = 0; ; attempt++) {
      const scheme = fixedScheme ?? this.schemes.get(host) ?? 'https';
      const url = `${scheme}://${host}${path}`;
      // each request takes its share of the run's deadline (ADR 0014): min(its own timeout, what is left)
      const timeoutMs = this.opts.deadline.budget(`registry ${host} answered ${method} ${shownPath}`, this.opts.timeoutMs);
      this.count++;
      let wait: number | undefined;
      try {
        const res = await fetch(url, {
          method,
          headers,
          body: o.body,
          redirect: 'follow',
          signal: AbortSignal.timeout(timeoutMs),
        });
        const body = method === 'HEAD' ? Buffer.alloc(0) : Buffer.from(await res.arrayBuffer());
        this.reached.add(host);
        if (!fixedScheme && !this.schemes.has(host)) this.schemes.set(host, scheme);
        debug(`${method} ${url} → ${res.status}`);
        if (!RETRY_STATUS.has(res.status) || attempt >= this.opts.retries) return { status: res.status, headers: res.headers, body };
        last = `HTTP ${res.status}`;
        const after = parseRetryAfter(res.headers.get('retry-after'));
        if (after !== undefined) wait = Math.min(after, this.opts.maxRetryAfterMs);
      } catch (e) {
        const { kind, code } = classify(e);
        debug(`${method} ${url} failed: ${code}`);
        if (kind === 'timeout' && timeoutMs < this.opts.timeoutMs && this.opts.deadline.remaining() <= 0) {
          throw this.opts.deadline.exceeded(
            `registry ${host} answered ${method} ${shownPath} (no answer in the ${Math.round(timeoutMs / 100) / 10} s left)`,
          );
        }
        if (kind === 'tls-protocol' && !fixedScheme && scheme === 'https' && !this.schemes.has(host) && isLoopbackHost(host)) {
          // a loopback registry without TLS (Docker's rule for localhost): the handshake sent no HTTP request
          this.count--;
          this.schemes.set(host, 'http');
          attempt--;
          continue;
        }
        if (kind === 'tls-cert') {
          throw new ActionError(`cannot verify the TLS certificate of ${host} (${code})`, {
            cause: e,
            fix: 'give the runner its CA: set NODE_EXTRA_CA_CERTS to the CA bundle file in the job env',
          });
        }
        if (kind === 'unreachable' && !this.reached.has(host)) {
          // a host that never answered: a wrong name or port, not a blip worth four retries
          const peer = peerOf(e);
          throw new ActionError(`cannot reach registry ${host} (${code}${peer && peer !== host ? ` ${peer}` : ''})`, {
            cause: e,
            fix: `check the registry host and port in the image reference, and that ${host} is up`,
          });
        }
        if (kind === 'other' || kind === 'tls-protocol' || attempt >= this.opts.retries) {
          const peer = peerOf(e);
          const what =
            kind === 'timeout'
              ? `did not answer within ${Math.round(timeoutMs / 100) / 10} s`
              : `failed (${code}${peer ? ` ${peer}` : ''})`;
          throw new ActionError(`${method} ${scheme}://${host}${shownPath} ${what} after ${attempt + 1} attempt(s)`, {
            cause: e,
            fix: `check that ${host} is reachable from the runner; retry later`,
          });
        }
        last = code;
      }
      const delay = wait ?? backoffDelay(attempt, this.opts.backoffMs);
      if (delay >= this.opts.deadline.remaining()) {
        // the retry could not start before the deadline: stop now rather than sleep into it
        throw this.opts.deadline.exceeded(`registry ${host} answered ${method} ${shownPath} (${attempt + 1} attempt(s), last: ${last})`);
      }
      debug(`retrying ${method} ${url} in ${delay} ms after ${last}`);
      await sleep(delay);
    }
  }
}

/** Bearer wins over Basic when a registry offers both. */
function pickChallenge(challenges: Challenge[]): Challenge | undefined {
  return challenges.find((c) => c.scheme === 'bearer') ?? challenges.find((c) => c.scheme === 'basic');
}
