/**
 * A loopback stand-in for the E2B API (contract tests): the routes and shapes the real @e2b/cli 2.19
 * and its bundled SDK use, and our own client (src/external/e2b-api.ts). The CLI finds it through
 * `E2B_API_URL`.
 *
 * It rejects what the real API rejects, as far as these calls reach: every request first passes the
 * API's own checks from its OpenAPI document (support/e2b-openapi.ts: unknown path or method, the
 * `X-API-Key` header, parameters and body against the schemas; unknown body fields are ignored, as
 * the real API ignores them); then the handlers answer with the real handlers' statuses and texts
 * (e2b-dev/infra `packages/api/internal/handlers` at e19a12b8): `teamID` must be the key's team,
 * template references are `alias`, `<team-slug>/alias` or the template ID (a foreign namespace is
 * refused), a template that sandboxes still use cannot be deleted, an unknown sandbox is `404 Sandbox
 * "<id>" doesn't exist…`. A real route it does not implement answers 501, loudly. Its own 2xx answers
 * are checked against the documented response schemas: a stand-in that drifts from the API fails.
 *
 * Template builds: `POST /v3/templates` → upload links for COPY layers (`GET /templates/{id}/files/{hash}`,
 * then a PUT to the URL handed out, here on this server) → `POST /v2/templates/{id}/builds/{build}` with
 * the parsed Dockerfile (`fromImage`, `steps`, `force`) → status polling. A `fromImage` on a loopback
 * registry is checked there for real (manifest HEAD, with `fromImageRegistry` credentials after an
 * anonymous refusal, as the template manager pulls): an image it cannot pull fails the build as E2B would.
 * Every request is recorded with its body, so tests can look for a secret in all of them.
 */
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { envelope, readEnvelopes } from '../../src/external/e2b-envd.js';
import { MANIFEST_ACCEPT } from '../../src/image/types.js';
import { E2bOpenApi, type Rejection, type Route } from './e2b-openapi.js';

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  apiKey: string | undefined;
  body: string;
}

interface TemplateBuildStart {
  fromImage?: string;
  /** infra: handed to the template manager, which pulls with go-containerregistry `authn.Basic` for type `registry` */
  fromImageRegistry?: { type: string; username?: string; password?: string };
  fromTemplate?: string;
  force?: boolean;
  steps?: { type: string; args?: string[]; filesHash?: string; force?: boolean }[];
  startCmd?: string;
  readyCmd?: string;
}

type BuildStatus = 'waiting' | 'building' | 'ready' | 'error';

export interface MockTemplate {
  templateID: string;
  /** the last successful build */
  buildID: string;
  alias: string;
  cpuCount: number;
  memoryMB: number;
  buildStatus: BuildStatus;
  createdAt: string;
  updatedAt: string;
  buildCount: number;
  /** every build requested, in order, with what the CLI sent */
  builds: { buildID: string; cpuCount: number; memoryMB: number; start?: TemplateBuildStart; status: BuildStatus; reason?: string }[];
  /** tag → build; `default` follows the newest build requested (infra `RegisterBuild`) */
  tags: { tag: string; buildID: string; createdAt: string }[];
}

export interface MockSandbox {
  sandboxID: string;
  templateID: string;
  /** the build it runs: the one the reference's tag (`default` without one) named when it started */
  buildID: string;
  /** what envd wants in `X-Access-Token` (`secure: true`) */
  envdAccessToken: string;
  alias?: string;
  metadata: Record<string, string>;
  envVars: Record<string, string>;
  timeout: number;
  autoPause: boolean;
  state: 'running' | 'paused';
  startedAt: string;
}

export interface E2bApiMockOptions {
  /** the team the key belongs to: its slug namespaces template names (`<slug>/<alias>`) */
  teamSlug?: string;
  /** the team's longest sandbox life (infra `team_limits.max_length_hours`; 1 for the base tier) */
  maxLengthHours?: number;
  /** the team's largest template (infra tier defaults: 8 vCPUs, 8192 MiB) */
  maxVcpu?: number;
  maxRamMb?: number;
  /**
   * false: templates are listed with `aliases: []` and only `names` (`<team-slug>/<alias>`), as the spec
   * announces by marking `aliases` deprecated (Template.aliases, "deprecated: true")
   */
  listsAliases?: boolean;
}

interface Failure {
  method: string;
  path: RegExp;
  status: number;
  message: string;
}

type Send = (status: number, body?: unknown) => void;

const hex = (n = 10) => randomBytes(n).toString('hex');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** infra shared/pkg/id: identifiers, tags and sandbox IDs */
const IDENTIFIER = /^[a-z0-9-_]+$/;
const TAG = /^[a-z0-9-_.]+$/;
const SANDBOX_ID = /^[a-z0-9]+$/;

let openApi: E2bOpenApi | undefined;

/** infra `id.ParseName`: `[namespace/]alias[:tag]`, trimmed and lowercased; the error text as the API words it. */
export function parseName(input: string): { identifier: string; namespace?: string; alias: string; tag?: string } | { error: string } {
  const [idPart, tagPart] = ((i) => (i === -1 ? [input.trim(), undefined] : [input.trim().slice(0, i), input.trim().slice(i + 1)]))(
    input.trim().indexOf(':'),
  );
  const clean = (v: string, name: string, re: RegExp) => {
    const c = v.trim().toLowerCase();
    return re.test(c) ? c : new Error(`invalid ${name}: ${v}`);
  };
  let tag: string | undefined;
  if (tagPart !== undefined) {
    const t = clean(tagPart, 'tag', TAG);
    if (t instanceof Error) return { error: t.message };
    if (t !== 'default') tag = t;
  }
  const slash = idPart.indexOf('/');
  let namespace: string | undefined;
  if (slash !== -1) {
    const n = clean(idPart.slice(0, slash), 'namespace', IDENTIFIER);
    if (n instanceof Error) return { error: n.message };
    namespace = n;
  }
  const alias = clean(slash === -1 ? idPart : idPart.slice(slash + 1), 'template ID', IDENTIFIER);
  if (alias instanceof Error) return { error: alias.message };
  return { identifier: namespace ? `${namespace}/${alias}` : alias, namespace, alias, tag };
}

export class E2bApiMock {
  readonly requests: RecordedRequest[] = [];
  readonly templates = new Map<string, MockTemplate>();
  readonly sandboxes = new Map<string, MockSandbox>();
  /** commands envd ran, oldest first */
  readonly commands: { sandboxID: string; cmd: string; args: string[] }[] = [];
  /** COPY layer archives uploaded, by files hash */
  readonly uploads = new Map<string, Buffer>();
  /** the key's team */
  readonly teamID = randomUUID();
  readonly teamSlug: string;
  readonly limits: Required<Pick<E2bApiMockOptions, 'maxLengthHours' | 'maxVcpu' | 'maxRamMb'>>;
  listsAliases: boolean;
  private failures: Failure[] = [];
  private server: Server | undefined;
  private readonly spec = (openApi ??= new E2bOpenApi());
  url = '';

  constructor(
    readonly apiKey: string,
    options: E2bApiMockOptions = {},
  ) {
    // a key the real API could never accept would make every test of ours pass for the wrong reason
    if (!/^e2b_(?:[0-9a-f]{2})+$/.test(apiKey)) throw new Error(`stand-in: ${apiKey.slice(0, 8)}… is not an E2B API key (e2b_ + hex)`);
    this.teamSlug = options.teamSlug ?? 'sindri-ci';
    this.limits = { maxLengthHours: options.maxLengthHours ?? 1, maxVcpu: options.maxVcpu ?? 8, maxRamMb: options.maxRamMb ?? 8192 };
    this.listsAliases = options.listsAliases ?? true;
  }

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

  /** the next request matching method and path (after the API's own checks) answers this error (E2B's `{code, message}` body) */
  failOnce(method: string, path: RegExp, status: number, message: string): void {
    this.failures.push({ method, path, status, message });
  }

  reset(): void {
    this.requests.length = 0;
    this.templates.clear();
    this.sandboxes.clear();
    this.uploads.clear();
    this.commands.length = 0;
    this.failures = [];
  }

  byAlias(alias: string): MockTemplate | undefined {
    return [...this.templates.values()].find((t) => t.alias === alias || t.templateID === alias);
  }

  /** the build-start bodies the CLI sent, oldest first */
  buildStarts(): TemplateBuildStart[] {
    return [...this.templates.values()].flatMap((t) => t.builds.map((b) => b.start).filter((s): s is TemplateBuildStart => !!s));
  }

  /** the template a reference names in this team (alias, `<slug>/alias` or ID), or the API's answer */
  private resolve(ref: string, invalid: string): { template: MockTemplate; tag?: string } | Rejection {
    const name = parseName(ref);
    if ('error' in name) return { status: 400, message: `${invalid}: ${name.error}` };
    const template =
      name.namespace === undefined
        ? [...this.templates.values()].find((t) => t.alias === name.alias || t.templateID === name.alias)
        : name.namespace === this.teamSlug
          ? [...this.templates.values()].find((t) => t.alias === name.alias)
          : undefined;
    return template ? { template, tag: name.tag } : { status: 404, message: `template '${name.identifier}' not found` };
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
    let route: Route | undefined;
    const send: Send = (status, body) => {
      // the stand-in's own answers must be what the API documents
      const problem = route && status < 300 ? this.spec.responseProblem(route, status, body) : undefined;
      if (problem)
        [status, body] = [500, { code: 500, message: `stand-in: answer to ${route!.method} ${route!.path} breaks the spec: ${problem}` }];
      // an empty answer says so (content-length 0): openapi-fetch parses any other body as JSON
      const text = body === undefined ? '' : JSON.stringify(body);
      res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
      res.end(text);
    };
    const error = (r: Rejection) => send(r.status, { code: r.status, message: r.message });
    try {
      // uploads go to the URL we handed out (S3 in production): no API key there
      const up = /^\/upload\/([^/]+)$/.exec(u.pathname);
      if (up && rec.method === 'PUT') {
        this.uploads.set(decodeURIComponent(up[1]!), raw);
        return send(200);
      }
      // envd, the sandbox's own API (E2B_SANDBOX_URL points here): not a route of the E2B API
      if (u.pathname.startsWith('/process.Process/')) return await this.envd(req, u.pathname, raw, res);
      const found = this.spec.route(rec.method, (req.url ?? '/').split('?')[0]!);
      if (!('operation' in found)) return error(found);
      const denied = this.spec.authenticate(found, req.headers, (k) => k === this.apiKey);
      if (denied) return error(denied);
      const checked = this.spec.validate(found, u.searchParams, req.headers, raw);
      if (!('body' in checked)) return error(checked);
      route = found;
      const fail = this.failures.findIndex((f) => f.method === rec.method && f.path.test(u.pathname));
      if (fail !== -1) {
        const [f] = this.failures.splice(fail, 1);
        return error({ status: f!.status, message: f!.message });
      }
      await this.dispatch(found, u.searchParams, (checked.body ?? {}) as Record<string, unknown>, send, error);
    } catch (e) {
      error({ status: 500, message: `stand-in: ${(e as Error).message}` });
    }
  }

  private async dispatch(route: Route, q: URLSearchParams, body: Record<string, unknown>, send: Send, error: (r: Rejection) => void) {
    const p = route.params;
    const now = () => new Date().toISOString();
    switch (`${route.method} ${route.path}`) {
      case 'GET /templates': {
        // infra handlers/templates_list.go: an API key's team is the team; another teamID is refused
        const teamID = q.get('teamID');
        if (teamID !== null && teamID !== this.teamID) return error({ status: 400, message: 'Team ID param mismatch with the API key' });
        return send(
          200,
          [...this.templates.values()].map((t) => this.listed(t)),
        );
      }

      case 'POST /v3/templates': {
        // infra handlers/template_request_build_v3.go, template/register_build.go
        const input = typeof body.name === 'string' ? body.name : typeof body.alias === 'string' ? body.alias : undefined;
        if (input === undefined) return error({ status: 400, message: 'Name is required' });
        const name = parseName(input);
        if ('error' in name) return error({ status: 400, message: `Invalid name: ${name.error}` });
        if (name.namespace !== undefined && name.namespace !== this.teamSlug)
          return error({ status: 400, message: `namespace '${name.namespace}' must match your team '${this.teamSlug}'` });
        const tags = validTags([...(name.tag ? [name.tag] : []), ...((body.tags as string[] | undefined) ?? [])]);
        if ('error' in tags) return error({ status: 400, message: `Invalid tag: ${tags.error}` });
        const sizes = this.resources(body.cpuCount as number | undefined, body.memoryMB as number | undefined);
        if ('message' in sizes) return error(sizes);
        if (this.templates.has(name.alias)) return error({ status: 409, message: `Alias '${name.alias}' is already used` });
        let t = [...this.templates.values()].find((x) => x.alias === name.alias);
        if (!t) {
          t = {
            templateID: hex(10),
            buildID: '',
            alias: name.alias,
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
        const buildID = randomUUID();
        t.builds.push({ buildID, ...sizes, status: 'waiting' });
        // the listed status is the newest build's: another run's build shows as waiting, then building
        t.buildStatus = 'waiting';
        const assigned = tags.tags.length ? tags.tags : ['default'];
        for (const tag of assigned) this.assign(t, tag, buildID);
        return send(202, {
          templateID: t.templateID,
          buildID,
          public: false,
          aliases: [t.alias],
          names: [`${this.teamSlug}/${t.alias}`],
          tags: assigned,
        });
      }

      case 'GET /templates/{templateID}/files/{hash}': {
        if (!this.templates.has(p.templateID!))
          return error({ status: 404, message: `Error when getting template: template '${p.templateID}' not found` });
        return send(201, { present: this.uploads.has(p.hash!), url: `${this.url}/upload/${encodeURIComponent(p.hash!)}` });
      }

      case 'POST /v2/templates/{templateID}/builds/{buildID}': {
        // infra handlers/template_start_build_v2.go
        if (!UUID.test(p.buildID!)) return error({ status: 400, message: `Invalid build ID: ${p.buildID}` });
        const t = this.templates.get(p.templateID!);
        if (!t) return error({ status: 404, message: `Error when getting template: template '${p.templateID}' not found` });
        const b = t.builds.find((x) => x.buildID === p.buildID);
        if (!b || b.status !== 'waiting') return error({ status: 400, message: 'build is not in waiting state' });
        const start = body as TemplateBuildStart;
        b.start = start;
        const missing = start.fromImage ? await missingLoopbackImage(start.fromImage, start.fromImageRegistry) : undefined;
        if (missing) [b.status, b.reason] = ['error', missing];
        else {
          b.status = 'ready';
          Object.assign(t, { buildID: b.buildID, cpuCount: b.cpuCount, memoryMB: b.memoryMB, updatedAt: now() });
          t.buildCount++;
        }
        t.buildStatus = b.status;
        return send(202);
      }

      case 'GET /templates/{templateID}/builds/{buildID}/status': {
        const t = this.templates.get(p.templateID!);
        const b = t?.builds.find((x) => x.buildID === p.buildID);
        if (!t || !b) return error({ status: 400, message: `Build '${p.buildID}' not found` });
        const offset = Number(q.get('logsOffset') ?? 0);
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

      case 'GET /templates/aliases/{alias}': {
        const found = this.resolve(p.alias!, 'Invalid alias format');
        return 'template' in found ? send(200, { templateID: found.template.templateID, public: false }) : error(found);
      }

      case 'GET /templates/{templateID}/tags': {
        const found = this.resolve(p.templateID!, 'Invalid template reference');
        if (!('template' in found)) return error(found);
        return send(
          200,
          found.template.tags.map((t) => ({ ...t })),
        );
      }

      case 'POST /templates/tags': {
        // infra handlers/template_tags.go
        const requested = (body.tags as string[]) ?? [];
        if (requested.length === 0) return error({ status: 400, message: 'At least one tag is required' });
        const target = String(body.target);
        const name = parseName(target);
        if ('error' in name) return error({ status: 400, message: `Invalid target template format: ${name.error}` });
        if (name.namespace !== undefined && name.namespace !== this.teamSlug)
          return error({ status: 400, message: `namespace '${name.namespace}' must match your team '${this.teamSlug}'` });
        const found = this.resolve(target, 'Invalid target template format');
        if (!('template' in found)) return error(found);
        const t = found.template;
        const on = found.tag ?? 'default';
        const buildID = t.tags.find((x) => x.tag === on)?.buildID;
        if (!buildID) return error({ status: 404, message: `Template '${target}' with tag '${on}' not found` });
        const tags = validTags(requested);
        if ('error' in tags) return error({ status: 400, message: `Invalid tag: ${tags.error}` });
        for (const tag of tags.tags) this.assign(t, tag, buildID);
        return send(201, { tags: tags.tags, buildID });
      }

      case 'DELETE /templates/{templateID}': {
        // infra handlers/template_delete.go: sandboxes first
        const found = this.resolve(p.templateID!, 'Invalid template ID');
        if (!('template' in found)) return error(found);
        const t = found.template;
        for (const state of ['running', 'paused'] as const)
          if ([...this.sandboxes.values()].some((s) => s.templateID === t.templateID && s.state === state))
            return error({
              status: 400,
              message: `cannot delete template '${t.templateID}' because there are ${state} sandboxes using it`,
            });
        this.templates.delete(t.templateID);
        return send(204);
      }

      case 'POST /sandboxes': {
        // infra handlers/sandbox_create.go, timeout_helper.go
        const found = this.resolve(String(body.templateID), 'Invalid template reference');
        if (!('template' in found)) return error(found);
        const t = found.template;
        if (!t.buildID) return error({ status: 404, message: `template '${String(body.templateID)}' not found` });
        const timeout = body.timeout === undefined ? 15 : Number(body.timeout);
        if (timeout <= 0) return error({ status: 400, message: 'Timeout must be greater than 0' });
        if (timeout > this.limits.maxLengthHours * 3600)
          return error({ status: 400, message: `Timeout cannot be greater than ${this.limits.maxLengthHours} hours` });
        const buildID = t.tags.find((x) => x.tag === (found.tag ?? 'default'))?.buildID ?? t.buildID;
        const s: MockSandbox = {
          sandboxID: `i${hex(10)}`,
          templateID: t.templateID,
          buildID,
          envdAccessToken: hex(8),
          alias: t.alias,
          metadata: (body.metadata as Record<string, string>) ?? {},
          envVars: (body.envVars as Record<string, string>) ?? {},
          timeout,
          autoPause: body.autoPause === true,
          state: 'running',
          startedAt: now(),
        };
        this.sandboxes.set(s.sandboxID, s);
        return send(201, this.started(s));
      }

      case 'POST /sandboxes/{sandboxID}/connect': {
        // infra handlers/sandbox_connect.go: the team's limit is checked first, inline, before any lookup
        const timeout = Number(body.timeout);
        if (timeout > this.limits.maxLengthHours * 3600)
          return error({ status: 400, message: `Timeout cannot be greater than ${this.limits.maxLengthHours} hours` });
        const id = p.sandboxID!.split('-')[0]!;
        const s = this.sandboxes.get(id);
        if (!s) return error({ status: 404, message: `Sandbox "${id}" doesn't exist or you don't have access to it` });
        // TTL is only extended; a paused sandbox is resumed (201)
        const left = Date.parse(s.startedAt) + s.timeout * 1000 - Date.now();
        if (timeout * 1000 > left) s.timeout = Math.ceil((Date.now() - Date.parse(s.startedAt)) / 1000) + timeout;
        const resumed = s.state === 'paused';
        s.state = 'running';
        return send(resumed ? 201 : 200, this.started(s));
      }

      case 'GET /sandboxes':
      case 'GET /v2/sandboxes': {
        const want = new URLSearchParams(q.get('metadata') ?? '');
        const states = route.path === '/sandboxes' ? ['running'] : (q.get('state') ?? 'running,paused').split(',');
        const list = [...this.sandboxes.values()].filter(
          (s) => states.includes(s.state) && [...want].every(([k, v]) => s.metadata[decodeURIComponent(k)] === decodeURIComponent(v)),
        );
        return send(
          200,
          list.map((s) => ({
            templateID: s.templateID,
            alias: s.alias,
            sandboxID: s.sandboxID,
            clientID: 'stand-in',
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

      case 'DELETE /sandboxes/{sandboxID}': {
        // infra handlers/sandbox_kill.go, utils/split.go ShortID
        const parts = p.sandboxID!.split('-');
        const id = parts[0]!;
        if (parts.length > 2 || !SANDBOX_ID.test(id)) return error({ status: 400, message: 'Invalid sandbox ID' });
        return this.sandboxes.delete(id)
          ? send(204)
          : error({ status: 404, message: `Sandbox "${id}" doesn't exist or you don't have access to it` });
      }

      default:
        return error({
          status: 501,
          message: `stand-in: ${route.method} ${route.path} is an E2B API route this stand-in does not implement`,
        });
    }
  }

  /** infra team/limits.go `LimitResources`, with the API's defaults of 2 CPUs and 1024 MiB */
  private resources(cpu = 2, mem = 1024): { cpuCount: number; memoryMB: number } | Rejection {
    const bad = (message: string): Rejection => ({ status: 400, message });
    if (cpu < 1) return bad('CPU count must be at least 1');
    if (cpu > 32) return bad('CPU count must be at most 32');
    if (cpu !== 1 && cpu % 2 !== 0) return bad('CPU count must be 1 or an even number');
    if (cpu > this.limits.maxVcpu)
      return bad(`CPU count can't be higher than ${this.limits.maxVcpu} (if you need to increase this limit, please contact support)`);
    if (mem < 128) return bad('Memory must be at least 128 MiB');
    if (mem % 2 !== 0) return bad('Memory must be divisible by 2');
    if (mem > this.limits.maxRamMb)
      return bad(`Memory can't be higher than ${this.limits.maxRamMb} MiB (if you need to increase this limit, please contact support)`);
    return { cpuCount: cpu, memoryMB: mem };
  }

  /**
   * envd's `process.Process/Start` (infra packages/envd: Connect protocol, JSON codec, server stream) for
   * the sandbox named by `E2b-Sandbox-Id`, with its `X-Access-Token`. The process really runs, here on
   * the host, with the environment a sandbox process gets: the template build's ENV steps, then the
   * sandbox's `envVars` (envd applies them as defaults), then the request's `envs`.
   */
  private async envd(req: IncomingMessage, path: string, raw: Buffer, res: ServerResponse): Promise<void> {
    const plain = (status: number, code: string, message: string) => {
      const text = JSON.stringify({ code, message });
      res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
      res.end(text);
    };
    if (req.method !== 'POST' || path !== '/process.Process/Start') return plain(404, 'unimplemented', `stand-in: envd ${path}`);
    if (req.headers['content-type'] !== 'application/connect+json')
      return plain(415, 'invalid_argument', `unsupported content-type ${String(req.headers['content-type'])}`);
    const id = String(req.headers['e2b-sandbox-id'] ?? '');
    const s = this.sandboxes.get(id);
    // the edge proxy: an unknown or paused sandbox has no envd to answer
    if (!s || s.state !== 'running') return plain(502, 'unavailable', `sandbox ${id} is not running`);
    if (req.headers['x-access-token'] !== s.envdAccessToken)
      return plain(401, 'unauthenticated', 'unauthorized access, please provide a valid access token or method signing if supported');
    const [message] = readEnvelopes(raw).messages;
    const start = message?.message as { process?: { cmd?: string; args?: string[]; envs?: Record<string, string>; cwd?: string } };
    if (!start?.process?.cmd) return plain(400, 'invalid_argument', 'process.cmd is required');
    this.commands.push({ sandboxID: id, cmd: start.process.cmd, args: start.process.args ?? [] });
    const build = this.templates.get(s.templateID)?.builds.find((b) => b.buildID === s.buildID);
    const templateEnv: Record<string, string> = {};
    for (const step of build?.start?.steps ?? [])
      if (step.type === 'ENV') for (let i = 0; i + 1 < (step.args ?? []).length; i += 2) templateEnv[step.args![i]!] = step.args![i + 1]!;
    res.writeHead(200, { 'content-type': 'application/connect+json' });
    const child = spawn(start.process.cmd, start.process.args ?? [], {
      env: { PATH: '/usr/sbin:/usr/bin:/sbin:/bin', ...templateEnv, ...s.envVars, ...start.process.envs },
      cwd: tmpdir(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    res.write(envelope({ event: { start: { pid: child.pid } } }));
    child.stdout.on('data', (d: Buffer) => res.write(envelope({ event: { data: { stdout: d.toString('base64') } } })));
    child.stderr.on('data', (d: Buffer) => res.write(envelope({ event: { data: { stderr: d.toString('base64') } } })));
    const code = await new Promise<number>((resolve) => {
      child.on('error', () => resolve(127));
      child.on('close', (c) => resolve(c ?? 255));
    });
    // proto3 JSON leaves a zero exit code out
    res.write(envelope({ event: { end: { ...(code ? { exitCode: code } : {}), exited: true, status: `exit status ${code}` } } }));
    res.end(envelope({}, 2));
  }

  /** the `Sandbox` answer of create and connect */
  private started(s: MockSandbox) {
    return {
      templateID: s.templateID,
      sandboxID: s.sandboxID,
      alias: s.alias,
      clientID: 'stand-in',
      envdVersion: '0.2.0',
      envdAccessToken: s.envdAccessToken,
      trafficAccessToken: null,
      domain: null,
    };
  }

  private assign(t: MockTemplate, tag: string, buildID: string): void {
    t.tags = t.tags.filter((x) => x.tag !== tag);
    t.tags.push({ tag, buildID, createdAt: new Date().toISOString() });
  }

  private listed(t: MockTemplate) {
    return {
      templateID: t.templateID,
      buildID: t.buildID,
      cpuCount: t.cpuCount,
      memoryMB: t.memoryMB,
      diskSizeMB: 512,
      public: false,
      // `aliases` is deprecated but still sent; templates created through /v3 are namespaced by the team's slug
      aliases: this.listsAliases ? [t.alias] : [],
      names: [`${this.teamSlug}/${t.alias}`],
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
}

/** infra `id.ValidateAndDeduplicateTags`: cleaned, lowercase, never a UUID */
function validTags(tags: string[]): { tags: string[] } | { error: string } {
  const out = new Set<string>();
  for (const tag of tags) {
    const c = tag.trim().toLowerCase();
    if (!TAG.test(c)) return { error: `invalid tag '${tag}': invalid tag: ${tag}` };
    if (UUID.test(c)) return { error: `invalid tag '${tag}': tag cannot be a UUID` };
    out.add(c);
  }
  return { tags: [...out] };
}

/** `127.0.0.1:5000/repo@sha256:…`: is it really in that registry? (other hosts are not ours to ask) */
async function missingLoopbackImage(ref: string, registry?: TemplateBuildStart['fromImageRegistry']): Promise<string | undefined> {
  const m = /^(127\.0\.0\.1:\d+)\/([^@:]+)(?::([^@]+))?(?:@(sha256:[0-9a-f]{64}))?$/.exec(ref);
  if (!m) return undefined;
  const [, host, repo, tag, digest] = m;
  const url = `http://${host}/v2/${repo}/manifests/${digest ?? tag ?? 'latest'}`;
  const head = (authorization?: string) =>
    fetch(url, { method: 'HEAD', headers: { accept: MANIFEST_ACCEPT, ...(authorization && { authorization }) } });
  let res = await head();
  // the template manager's pull (go-containerregistry): anonymous first, then the challenge answered with
  // the build's `registry` credentials — Basic as they are, or exchanged at the Bearer realm for a pull token
  if (res.status === 401 && registry?.type === 'registry' && registry.username && registry.password) {
    const basic = `Basic ${Buffer.from(`${registry.username}:${registry.password}`).toString('base64')}`;
    const challenge = res.headers.get('www-authenticate') ?? '';
    if (/^basic/i.test(challenge)) res = await head(basic);
    else {
      const realm = /realm="([^"]+)"/.exec(challenge)?.[1];
      const service = /service="([^"]+)"/.exec(challenge)?.[1] ?? '';
      if (realm) {
        const u = new URL(realm);
        u.searchParams.set('service', service);
        u.searchParams.set('scope', `repository:${repo}:pull`);
        const t = await fetch(u, { headers: { authorization: basic } });
        if (t.ok) res = await head(`Bearer ${((await t.json()) as { token: string }).token}`);
      }
    }
  }
  return res.ok ? undefined : `failed to pull ${ref}: ${res.status === 401 ? 'UNAUTHORIZED' : 'manifest unknown'} (${res.status})`;
}
