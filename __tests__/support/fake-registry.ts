/**
 * A loopback distribution-API server for what the real registry (distribution 2.8) cannot show:
 * tag pagination with `Link` headers, 429 with Retry-After, 5xx bursts, connection resets, slow
 * answers, a Bearer challenge whose quoted values contain commas, a HEAD without
 * Docker-Content-Digest. It serves its own token endpoint at /token and counts every request.
 */
import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type FakeAuth = 'none' | 'bearer' | 'basic';

/** Applied once, to the next request whose path matches. */
export type Fault =
  | { match?: RegExp; status: number; headers?: Record<string, string>; body?: string }
  | { match?: RegExp; reset: true }
  | { match?: RegExp; delayMs: number };

export interface FakeManifest {
  body: Buffer;
  mediaType: string;
}

export interface FakeRegistryOptions {
  auth?: FakeAuth;
  /** the service named in the Bearer challenge (quoted, may hold commas) */
  service?: string;
  /** credentials the token endpoint / Basic auth accept; anonymous tokens are always granted */
  username?: string;
  password?: string;
  /** the server's own page cap, whatever `n` asks for */
  maxPage?: number;
  /** `Link` targets: a path (`/v2/…`, what ghcr and Docker Hub send) or a full URL */
  linkStyle?: 'relative' | 'absolute';
  /** HEAD answers without Docker-Content-Digest (the client must GET and hash) */
  omitDigestHeader?: boolean;
}

export interface SeenRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  accept: string | undefined;
}

export class FakeRegistry {
  readonly opts: Required<FakeRegistryOptions>;
  readonly tags = new Map<string, string[]>();
  readonly manifests = new Map<string, FakeManifest>();
  readonly faults: Fault[] = [];
  readonly seen: SeenRequest[] = [];
  /** token requests, with the service and scope asked for */
  readonly tokenRequests: { service: string | null; scope: string | null; authorization: string | undefined }[] = [];
  private readonly tokens = new Set<string>();
  private server: http.Server | undefined;
  host = '';

  constructor(opts: FakeRegistryOptions = {}) {
    this.opts = {
      auth: opts.auth ?? 'none',
      service: opts.service ?? 'fake registry, "quoted" service',
      username: opts.username ?? 'testuser',
      password: opts.password ?? 'testpass',
      maxPage: opts.maxPage ?? 1000,
      linkStyle: opts.linkStyle ?? 'relative',
      omitDigestHeader: opts.omitDigestHeader ?? false,
    };
  }

  /** Requests received (token requests included). */
  get count(): number {
    return this.seen.length;
  }

  /** Store a manifest under a tag and under its digest; returns the digest. */
  addManifest(repository: string, tag: string, manifest: FakeManifest): string {
    const digest = `sha256:${createHash('sha256').update(manifest.body).digest('hex')}`;
    this.manifests.set(`${repository}@${tag}`, manifest);
    this.manifests.set(`${repository}@${digest}`, manifest);
    return digest;
  }

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.host = `127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    const s = this.server;
    if (!s) return;
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const u = new URL(req.url ?? '/', `http://${this.host}`);
    this.seen.push({
      method: req.method ?? 'GET',
      path: u.pathname + u.search,
      authorization: req.headers.authorization,
      accept: req.headers.accept,
    });
    const i = this.faults.findIndex((f) => !f.match || f.match.test(u.pathname + u.search));
    if (i !== -1) {
      const fault = this.faults.splice(i, 1)[0]!;
      if ('reset' in fault) {
        req.socket.destroy();
        return;
      }
      if ('delayMs' in fault) {
        const t = setTimeout(() => this.route(req, res, u), fault.delayMs);
        res.on('close', () => clearTimeout(t));
        return;
      }
      res.writeHead(fault.status, { 'content-type': 'application/json', ...fault.headers });
      res.end(
        fault.body ??
          JSON.stringify({ errors: [{ code: fault.status === 429 ? 'TOOMANYREQUESTS' : 'UNKNOWN', message: `injected ${fault.status}` }] }),
      );
      return;
    }
    this.route(req, res, u);
  }

  private json(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    if (res.destroyed) return;
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  }

  private route(req: http.IncomingMessage, res: http.ServerResponse, u: URL): void {
    if (u.pathname === '/token') return this.token(req, res, u);
    const m = /^\/v2\/(.+)\/(tags\/list|manifests\/([^/]+))$/.exec(u.pathname);
    if (!m) return this.json(res, 404, { errors: [{ code: 'NOT_FOUND', message: 'no such endpoint' }] });
    const repository = m[1]!;
    if (!this.authorized(req, repository)) {
      const challenge =
        this.opts.auth === 'basic'
          ? 'Basic realm="fake registry"'
          : `Bearer realm="http://${this.host}/token",service="${this.opts.service.replace(/"/g, '\\"')}",scope="repository:${repository}:pull"`;
      return this.json(
        res,
        401,
        { errors: [{ code: 'UNAUTHORIZED', message: 'authentication required' }] },
        { 'www-authenticate': challenge },
      );
    }
    if (m[2] === 'tags/list') {
      const all = this.tags.get(repository);
      if (!all) return this.json(res, 404, { errors: [{ code: 'NAME_UNKNOWN', message: 'repository name not known to registry' }] });
      const n = Math.min(Number(u.searchParams.get('n') ?? this.opts.maxPage) || this.opts.maxPage, this.opts.maxPage);
      const last = u.searchParams.get('last');
      const start = last === null ? 0 : all.indexOf(last) + 1;
      const page = all.slice(start, start + n);
      const headers: Record<string, string> = {};
      if (start + n < all.length) {
        const next = `/v2/${repository}/tags/list?n=${n}&last=${encodeURIComponent(page[page.length - 1]!)}`;
        headers.link = `<${this.opts.linkStyle === 'absolute' ? `http://${this.host}${next}` : next}>; rel="next"`;
      }
      return this.json(res, 200, { name: repository, tags: page }, headers);
    }
    const manifest = this.manifests.get(`${repository}@${decodeURIComponent(m[3]!)}`);
    if (!manifest) {
      const known = [...this.manifests.keys()].some((k) => k.startsWith(`${repository}@`)) || this.tags.has(repository);
      return this.json(res, 404, {
        errors: [
          {
            code: known ? 'MANIFEST_UNKNOWN' : 'NAME_UNKNOWN',
            message: known ? 'manifest unknown' : 'repository name not known to registry',
          },
        ],
      });
    }
    const headers: Record<string, string> = { 'content-type': manifest.mediaType, 'content-length': String(manifest.body.length) };
    if (!this.opts.omitDigestHeader)
      headers['docker-content-digest'] = `sha256:${createHash('sha256').update(manifest.body).digest('hex')}`;
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : manifest.body);
  }

  private authorized(req: http.IncomingMessage, _repository: string): boolean {
    const auth = req.headers.authorization ?? '';
    if (this.opts.auth === 'none') return true;
    if (this.opts.auth === 'basic')
      return auth === `Basic ${Buffer.from(`${this.opts.username}:${this.opts.password}`).toString('base64')}`;
    return auth.startsWith('Bearer ') && this.tokens.has(auth.slice(7));
  }

  private token(req: http.IncomingMessage, res: http.ServerResponse, u: URL): void {
    const authorization = req.headers.authorization;
    this.tokenRequests.push({ service: u.searchParams.get('service'), scope: u.searchParams.get('scope'), authorization });
    if (authorization && authorization !== `Basic ${Buffer.from(`${this.opts.username}:${this.opts.password}`).toString('base64')}`) {
      return this.json(res, 401, { details: 'invalid credentials' });
    }
    const token = randomBytes(24).toString('hex');
    this.tokens.add(token);
    this.json(res, 200, { token, expires_in: 300 });
  }
}
