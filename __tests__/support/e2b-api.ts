/**
 * A loopback stand-in for the E2B API (contract tests): the routes and shapes the real @e2b/cli 2.19
 * and its SDK use, taken from e2b-dev/E2B `spec/openapi.yml`, `packages/js-sdk/src/template/buildApi.ts`
 * and `packages/js-sdk/src/sandbox/sandboxApi.ts`. The CLI finds it through `E2B_API_URL`.
 *
 * Template builds: `POST /v3/templates` → upload links for COPY layers (`GET /templates/{id}/files/{hash}`,
 * then a PUT to the URL handed out, here on this server) → `POST /v2/templates/{id}/builds/{build}` with
 * the parsed Dockerfile (`fromImage`, `steps`, `force`) → status polling. A `fromImage` on a loopback
 * registry is checked there for real (manifest HEAD): a missing image fails the build as E2B would.
 * Every request is recorded with its body, so tests can look for a secret in all of them.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MANIFEST_ACCEPT } from '../../src/image/types.js';

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  apiKey: string | undefined;
  body: string;
}

interface TemplateBuildStart {
  fromImage?: string;
  fromTemplate?: string;
  force?: boolean;
  steps?: { type: string; args?: string[]; filesHash?: string; force?: boolean }[];
  startCmd?: string;
  readyCmd?: string;
}

export interface MockTemplate {
  templateID: string;
  buildID: string;
  alias: string;
  cpuCount: number;
  memoryMB: number;
  buildStatus: 'building' | 'waiting' | 'ready' | 'error';
  createdAt: string;
  updatedAt: string;
  buildCount: number;
  /** every build started, in order, with what the CLI sent */
  builds: { buildID: string; start?: TemplateBuildStart; status: 'waiting' | 'building' | 'ready' | 'error'; reason?: string }[];
  tags: { tag: string; buildID: string; createdAt: string }[];
}

export interface MockSandbox {
  sandboxID: string;
  templateID: string;
  alias?: string;
  metadata: Record<string, string>;
  envVars: Record<string, string>;
  timeout: number;
  autoPause: boolean;
  state: 'running' | 'paused';
  startedAt: string;
}

interface Failure {
  method: string;
  path: RegExp;
  status: number;
  message: string;
}

const id = (n = 10) => randomBytes(n).toString('hex');

export class E2bApiMock {
  readonly requests: RecordedRequest[] = [];
  readonly templates = new Map<string, MockTemplate>();
  readonly sandboxes = new Map<string, MockSandbox>();
  /** COPY layer archives uploaded, by files hash */
  readonly uploads = new Map<string, Buffer>();
  private failures: Failure[] = [];
  private server: Server | undefined;
  url = '';

  constructor(readonly apiKey: string) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    const closed = new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
    this.server?.closeAllConnections(); // keep-alive sockets would hold close() open
    await closed;
  }

  /** the next request matching method and path answers this error (E2B's `{code, message}` body) */
  failOnce(method: string, path: RegExp, status: number, message: string): void {
    this.failures.push({ method, path, status, message });
  }

  reset(): void {
    this.requests.length = 0;
    this.templates.clear();
    this.sandboxes.clear();
    this.uploads.clear();
    this.failures = [];
  }

  byAlias(alias: string): MockTemplate | undefined {
    return [...this.templates.values()].find((t) => t.alias === alias || t.templateID === alias);
  }

  /** the build-start bodies the CLI sent, oldest first */
  buildStarts(): TemplateBuildStart[] {
    return [...this.templates.values()].flatMap((t) => t.builds.map((b) => b.start).filter((s): s is TemplateBuildStart => !!s));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks);
    const u = new URL(req.url ?? '/', 'http://x');
    const key = req.headers['x-api-key'];
    const rec: RecordedRequest = {
      method: req.method ?? 'GET',
      path: u.pathname,
      query: u.searchParams,
      apiKey: typeof key === 'string' ? key : undefined,
      body: raw.toString('utf8'),
    };
    this.requests.push(rec);
    const send = (status: number, body?: unknown) => {
      // an empty answer says so (content-length 0): openapi-fetch parses any other body as JSON
      const text = body === undefined ? '' : JSON.stringify(body);
      res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
      res.end(text);
    };
    const error = (status: number, message: string) => send(status, { code: status, message });
    try {
      // uploads go to the URL we handed out (S3 in production): no API key there
      const up = /^\/upload\/([^/]+)$/.exec(u.pathname);
      if (up && rec.method === 'PUT') {
        this.uploads.set(decodeURIComponent(up[1]!), raw);
        return send(200);
      }
      if (rec.apiKey !== this.apiKey) return error(401, 'Invalid API key, it must start with e2b_ prefix');
      const fail = this.failures.findIndex((f) => f.method === rec.method && f.path.test(u.pathname));
      if (fail !== -1) {
        const [f] = this.failures.splice(fail, 1);
        return error(f!.status, f!.message);
      }
      const body = raw.length ? (JSON.parse(raw.toString('utf8')) as Record<string, unknown>) : {};
      await this.route(rec, u, body, send, error);
    } catch (e) {
      error(500, `mock: ${(e as Error).message}`);
    }
  }

  private async route(
    rec: RecordedRequest,
    u: URL,
    body: Record<string, unknown>,
    send: (s: number, b?: unknown) => void,
    error: (s: number, m: string) => void,
  ): Promise<void> {
    const p = u.pathname;
    const m = rec.method;
    let g: RegExpExecArray | null;
    const now = () => new Date().toISOString();

    if (m === 'GET' && p === '/templates') return send(200, [...this.templates.values()].map(listed));

    if (m === 'POST' && p === '/v3/templates') {
      const name = String(body.name ?? body.alias ?? '');
      if (!/^[a-z0-9-_]+$/.test(name)) return error(400, `invalid template name "${name}"`);
      let t = this.byAlias(name);
      const buildID = crypto.randomUUID();
      if (!t) {
        t = {
          templateID: id(10),
          buildID,
          alias: name,
          cpuCount: 2,
          memoryMB: 1024,
          buildStatus: 'waiting',
          createdAt: now(),
          updatedAt: now(),
          buildCount: 0,
          builds: [],
          tags: [],
        };
        this.templates.set(t.templateID, t);
      }
      t.cpuCount = Number(body.cpuCount ?? 2);
      t.memoryMB = Number(body.memoryMB ?? 1024);
      t.builds.push({ buildID, status: 'waiting' });
      return send(202, { templateID: t.templateID, buildID, public: false, aliases: [name], names: [name], tags: [] });
    }

    if (m === 'GET' && (g = /^\/templates\/([^/]+)\/files\/([^/]+)$/.exec(p))) {
      const hash = decodeURIComponent(g[2]!);
      return send(201, { present: this.uploads.has(hash), url: `${this.url}/upload/${encodeURIComponent(hash)}` });
    }

    if (m === 'POST' && (g = /^\/v2\/templates\/([^/]+)\/builds\/([^/]+)$/.exec(p))) {
      const t = this.templates.get(g[1]!);
      const b = t?.builds.find((x) => x.buildID === g![2]);
      if (!t || !b) return error(404, `template build ${g[2]} not found`);
      const start = body as TemplateBuildStart;
      b.start = start;
      const missing = start.fromImage ? await missingLoopbackImage(start.fromImage) : undefined;
      if (missing) {
        b.status = 'error';
        b.reason = missing;
      } else {
        b.status = 'ready';
        t.buildID = b.buildID;
        t.buildCount++;
        t.updatedAt = now();
      }
      t.buildStatus = b.status;
      return send(202);
    }

    if (m === 'GET' && (g = /^\/templates\/([^/]+)\/builds\/([^/]+)\/status$/.exec(p))) {
      const t = this.templates.get(g[1]!);
      const b = t?.builds.find((x) => x.buildID === g![2]);
      if (!t || !b) return error(404, `template build ${g[2]} not found`);
      const offset = Number(u.searchParams.get('logsOffset') ?? 0);
      const entries =
        offset === 0
          ? [{ timestamp: now(), level: b.status === 'error' ? 'error' : 'info', message: `build ${b.buildID} ${b.status}` }]
          : [];
      return send(200, {
        templateID: t.templateID,
        buildID: b.buildID,
        status: b.status,
        logs: entries.map((e) => e.message),
        logEntries: entries,
        ...(b.reason ? { reason: { message: b.reason, logEntries: [] } } : {}),
      });
    }

    if (m === 'GET' && (g = /^\/templates\/aliases\/([^/]+)$/.exec(p))) {
      const t = this.byAlias(decodeURIComponent(g[1]!));
      return t ? send(200, { templateID: t.templateID, public: false }) : error(404, `template alias ${g[1]} not found`);
    }

    if (m === 'GET' && (g = /^\/templates\/([^/]+)\/tags$/.exec(p))) {
      const t = this.byAlias(decodeURIComponent(g[1]!));
      return t ? send(200, t.tags) : error(404, `template ${g[1]} not found`);
    }

    if (m === 'POST' && p === '/templates/tags') {
      const [alias, onTag] = String(body.target ?? '').split(':');
      const t = this.byAlias(alias ?? '');
      if (!t) return error(404, `template ${String(body.target)} not found`);
      const buildID = onTag ? t.tags.find((x) => x.tag === onTag)?.buildID : t.buildID;
      if (!buildID) return error(404, `tag ${onTag} not found`);
      const tags = (body.tags as string[]) ?? [];
      for (const tag of tags) {
        t.tags = t.tags.filter((x) => x.tag !== tag);
        t.tags.push({ tag, buildID, createdAt: now() });
      }
      return send(201, { tags, buildID });
    }

    if (m === 'DELETE' && (g = /^\/templates\/([^/]+)$/.exec(p))) {
      const t = this.byAlias(decodeURIComponent(g[1]!));
      if (!t) return error(404, `template ${g[1]} not found`);
      this.templates.delete(t.templateID);
      return send(204);
    }

    if (m === 'POST' && p === '/sandboxes') {
      const t = this.byAlias(String(body.templateID ?? ''));
      if (!t || t.buildStatus !== 'ready') return error(404, `template ${String(body.templateID)} not found`);
      const s: MockSandbox = {
        sandboxID: `i${id(10)}`,
        templateID: t.templateID,
        alias: t.alias,
        metadata: (body.metadata as Record<string, string>) ?? {},
        envVars: (body.envVars as Record<string, string>) ?? {},
        timeout: Number(body.timeout ?? 15),
        autoPause: body.autoPause === true,
        state: 'running',
        startedAt: now(),
      };
      this.sandboxes.set(s.sandboxID, s);
      return send(201, {
        templateID: t.templateID,
        sandboxID: s.sandboxID,
        alias: t.alias,
        clientID: 'mock',
        envdVersion: '0.2.0',
        envdAccessToken: id(8),
      });
    }

    if (m === 'GET' && (p === '/v2/sandboxes' || p === '/sandboxes')) {
      const want = new URLSearchParams(u.searchParams.get('metadata') ?? '');
      const states = (u.searchParams.get('state') ?? 'running').split(',');
      const list = [...this.sandboxes.values()].filter(
        (s) => states.includes(s.state) && [...want].every(([k, v]) => s.metadata[decodeURIComponent(k)] === decodeURIComponent(v)),
      );
      return send(
        200,
        list.map((s) => ({
          templateID: s.templateID,
          alias: s.alias,
          sandboxID: s.sandboxID,
          clientID: 'mock',
          startedAt: s.startedAt,
          endAt: new Date(Date.parse(s.startedAt) + s.timeout * 1000).toISOString(),
          cpuCount: 2,
          memoryMB: 1024,
          diskSizeMB: 512,
          metadata: s.metadata,
          state: s.state,
          envdVersion: '0.2.0',
        })),
      );
    }

    if (m === 'DELETE' && (g = /^\/sandboxes\/([^/]+)$/.exec(p))) {
      return this.sandboxes.delete(g[1]!) ? send(204) : error(404, `sandbox ${g[1]} not found`);
    }

    error(404, `mock: no route for ${m} ${p}`);
  }
}

function listed(t: MockTemplate) {
  return {
    templateID: t.templateID,
    buildID: t.buildID,
    cpuCount: t.cpuCount,
    memoryMB: t.memoryMB,
    diskSizeMB: 512,
    public: false,
    aliases: [t.alias],
    names: [t.alias],
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
    createdBy: null,
    lastSpawnedAt: null,
    spawnCount: 0,
    buildCount: t.buildCount,
    envdVersion: '0.2.0',
    buildStatus: t.buildStatus,
  };
}

/** `127.0.0.1:5000/repo@sha256:…`: is it really in that registry? (other hosts are not ours to ask) */
async function missingLoopbackImage(ref: string): Promise<string | undefined> {
  const m = /^(127\.0\.0\.1:\d+)\/([^@:]+)(?::([^@]+))?(?:@(sha256:[0-9a-f]{64}))?$/.exec(ref);
  if (!m) return undefined;
  const [, host, repo, tag, digest] = m;
  const res = await fetch(`http://${host}/v2/${repo}/manifests/${digest ?? tag ?? 'latest'}`, {
    method: 'HEAD',
    headers: { accept: MANIFEST_ACCEPT },
  });
  return res.ok ? undefined : `failed to pull ${ref}: manifest unknown (${res.status})`;
}
