/**
 * One HTTP exchange with a registry host, retried: 429, 5xx, resets and timeouts are retried with
 * exponential backoff and jitter (or the registry's `Retry-After`), each attempt inside the run's
 * deadline. A loopback registry without TLS is spoken to over http (Docker's rule for localhost);
 * a certificate error, an unreachable host and an exhausted retry each end in one ActionError.
 * Global fetch only: no runtime dependency.
 */
import type { Deadline } from '../deadline.js';
import { ActionError } from '../errors.js';
import { debug } from '../runner.js';
import { isLoopbackHost } from './reference.js';
import { backoffDelay, parseRetryAfter } from './registry-wire.js';

export interface Reply {
  status: number;
  headers: Headers;
  /** the whole body, read with a cap (empty for HEAD and for a `stream` reply) */
  body: Buffer;
  /** with `stream: true` and a 2xx answer: the unread body (the caller reads or cancels it) */
  stream?: ReadableStream<Uint8Array>;
}

export type Method = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH';

export interface SendOptions {
  authorization?: string | undefined;
  accept?: string | undefined;
  /** fixed for a token service; a registry host's scheme is found on first contact */
  scheme?: 'https' | 'http';
  /** a buffered body is sent again on a retry; a stream is sent once (no retry, no redirect) */
  body?: string | Buffer | ReadableStream<Uint8Array>;
  /** the byte length of a stream body (sent as Content-Length) */
  length?: number;
  contentType?: string;
  /** more request headers (`content-range` of an upload chunk) */
  headers?: Record<string, string>;
  /** the most bytes read of the answer's body; default MAX_BODY */
  limit?: number;
  /** hand back a 2xx body unread, as `Reply.stream` (a blob); the timeout then covers the headers only */
  stream?: boolean;
  /** ends the exchange (and a stream handed back) early */
  signal?: AbortSignal;
}

/**
 * The most bytes of one answer read into memory (manifests, token answers, error bodies): the
 * distribution spec has registries accept manifests of at least 4 MiB. A tag-list page asks for more
 * (MAX_TAG_PAGE). A body past its cap is not read further and the run fails (ADR 0026).
 */
export const MAX_BODY = 4 * 1024 * 1024;
/** One tag-list page: 1000 tags need ~140 kB, but registries that ignore `n=` send their whole list at once. */
export const MAX_TAG_PAGE = 16 * 1024 * 1024;

/** `4 MiB`, `512 KiB`, `300 B` */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${Math.round((n / (1024 * 1024)) * 10) / 10} MiB`;
  if (n >= 1024) return `${Math.round((n / 1024) * 10) / 10} KiB`;
  return `${n} B`;
}

/** Read a body into memory, at most `limit` bytes: past it, stop reading (the connection is dropped) and throw `tooBig()`. */
async function readCapped(res: Response, limit: number, tooBig: () => ActionError): Promise<Buffer> {
  const length = res.headers.get('content-length');
  if (length !== null && /^\d+$/.test(length) && Number(length) > limit) {
    await res.body?.cancel().catch(() => undefined);
    throw tooBig();
  }
  if (!res.body) return Buffer.alloc(0);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooBig();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size);
}

export interface HttpOptions {
  /** the run's deadline: every request, retry and backoff fits inside it */
  deadline: Deadline;
  /** per request */
  timeoutMs: number;
  /** retries after the first attempt */
  retries: number;
  /** base of the exponential backoff */
  backoffMs: number;
  /** the longest `Retry-After` honoured */
  maxRetryAfterMs: number;
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

const transientErrors = new WeakSet<object>();

/** True for a failure a later attempt may not meet (a reset, a timeout): a caller that owns a whole transfer may start it again. */
export function isTransient(e: unknown): boolean {
  return typeof e === 'object' && e !== null && transientErrors.has(e);
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** The registry hosts of one run: their schemes, which answered, and the count of requests sent. */
export class RegistryHttp {
  /** every HTTP request sent, token requests included (a TLS probe refused at the handshake sends none) */
  count = 0;
  /** scheme per host once known (loopback hosts may fall back to http) */
  private readonly schemes = new Map<string, 'https' | 'http'>();
  /** hosts that answered once: a refused connection there later is worth retrying */
  private readonly reached = new Set<string>();

  constructor(private readonly opts: HttpOptions) {}

  /**
   * One HTTP exchange with retries; the body is read inside the attempt (at most `limit` bytes) so a
   * reset mid-body is retried too. A stream body is sent once; a `stream` reply hands its body back unread.
   */
  async send(host: string, method: Method, path: string, o: SendOptions): Promise<Reply> {
    const fixedScheme = o.scheme;
    const headers: Record<string, string> = { 'user-agent': 'sindri-deploy-action' };
    if (o.authorization) headers.authorization = o.authorization;
    if (o.accept) headers.accept = o.accept;
    if (o.contentType) headers['content-type'] = o.contentType;
    Object.assign(headers, o.headers);
    const streamed = o.body instanceof ReadableStream;
    if (streamed && o.length !== undefined) headers['content-length'] = String(o.length);
    // a blob's bytes are hashed as they come: never let fetch undo a Content-Encoding on them
    if (o.stream) headers['accept-encoding'] = 'identity';
    const limit = o.limit ?? MAX_BODY;
    const retries = streamed ? 0 : this.opts.retries;
    let last = '';
    const shownPath = path.replace(/\?.*$/, '');
    const tooBig = () =>
      new ActionError(`${host} sent more than ${formatBytes(limit)} in answer to ${method} ${shownPath}: stopped reading`, {
        fix: `check that ${host} is an OCI registry and that no proxy in between answers for it; no registry answer is that large`,
      });
    for (let attempt = 0; ; attempt++) {
      const scheme = fixedScheme ?? this.schemes.get(host) ?? 'https';
      const url = `${scheme}://${host}${path}`;
      // each request takes its share of the run's deadline (ADR 0014): min(its own timeout, what is left)
      const timeoutMs = this.opts.deadline.budget(`registry ${host} answered ${method} ${shownPath}`, this.opts.timeoutMs);
      this.count++;
      let wait: number | undefined;
      // the timeout covers the answer; an upload's body is paced by the caller's signal (its own stall timer)
      const timer = new AbortController();
      const clock = streamed ? undefined : setTimeout(() => timer.abort(new DOMException('timeout', 'TimeoutError')), timeoutMs);
      const signal = o.signal ? AbortSignal.any([timer.signal, o.signal]) : timer.signal;
      try {
        const init: RequestInit & { duplex?: 'half' } = {
          method,
          headers,
          body: o.body,
          redirect: method === 'GET' || method === 'HEAD' ? 'follow' : 'manual',
          signal,
        };
        if (streamed) init.duplex = 'half';
        const res = await fetch(url, init);
        this.reached.add(host);
        if (!fixedScheme && !this.schemes.has(host)) this.schemes.set(host, scheme);
        debug(`${method} ${url} → ${res.status}`);
        if (o.stream && res.ok && res.body) {
          clearTimeout(clock);
          return { status: res.status, headers: res.headers, body: Buffer.alloc(0), stream: res.body };
        }
        const body = method === 'HEAD' ? Buffer.alloc(0) : await readCapped(res, limit, tooBig);
        if (!RETRY_STATUS.has(res.status) || attempt >= retries) return { status: res.status, headers: res.headers, body };
        last = `HTTP ${res.status}`;
        const after = parseRetryAfter(res.headers.get('retry-after'));
        if (after !== undefined) wait = Math.min(after, this.opts.maxRetryAfterMs);
      } catch (e) {
        if (e instanceof ActionError) throw e;
        if (o.signal?.aborted) throw o.signal.reason;
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
        if (kind === 'other' || kind === 'tls-protocol' || attempt >= retries) {
          const peer = peerOf(e);
          const what =
            kind === 'timeout'
              ? `did not answer within ${Math.round(timeoutMs / 100) / 10} s`
              : `failed (${code}${peer ? ` ${peer}` : ''})`;
          const failed = new ActionError(`${method} ${scheme}://${host}${shownPath} ${what} after ${attempt + 1} attempt(s)`, {
            cause: e,
            fix: `check that ${host} is reachable from the runner; retry later`,
          });
          if (kind === 'retryable' || kind === 'timeout') transientErrors.add(failed);
          throw failed;
        }
        last = code;
      } finally {
        clearTimeout(clock);
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
