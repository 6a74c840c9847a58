/**
 * Fly.io API stand-in for CONTRACT tests: a loopback HTTP server for the GraphQL API (`POST /graphql`)
 * and the Machines API (`GET /v1/apps/{app}/machines|volumes|secrets`), as far as the action's
 * in-process reads reach (src/external/fly-api.ts, ADR 0051). It answers from the SAME state the
 * flyctl CLI stand-in keeps (`<state dir>/flyctl.state.json`, written by fakes/recorder.cjs for
 * fakes/flyctl.cjs), read afresh on every request: what a deploy through the CLI stand-in made is what
 * this API reports, and the reverse.
 *
 * Sources (superfly/flyctl v0.4.87 = 3eb236fab6a9226928554243ba163e5fb13aa3a4, superfly/fly-go v0.9.5):
 * the paths and the Authorization header of fly-go flaps/flaps.go (`/v1` + flaps_machines.go,
 * flaps_volumes.go, flaps_secrets.go; `Tokens.FlapsHeader()`), client.go (`<base>/graphql`,
 * `Tokens.GraphQLHeader()`), tokens/tokens.go (Parse, normalized: `FlyV1 ` with a macaroon `fm1r_`,
 * `fm1a_`, `fm2_`, else `Bearer `; GraphQL gets every part, flaps the macaroons only); the answer
 * shapes of fly-go machine_types.go, volume_types.go, secrets_types.go (`{"secrets": [...]}`) and the
 * GraphQL types flyctl's queries select (resource_apps.go GetAppCompact / GetAppBasic,
 * resource_ip_addresses.go GetIPAddresses, internal/command/status/machines.go's current release):
 * SCHEMA below is that subset of Fly's schema, field names and object types as the queries use them.
 * Errors: flaps' `{"error": "app not found"}` (404) as handleAPIError reads it; GraphQL's `Could not
 * find App` (NOT_FOUND, `data.app` null), which flyctl's deploy tests for.
 *
 * Strict where the real API is: a missing or wrong `Authorization` (the token must be one the test
 * gave, in the scheme and parts fly-go sends to THAT API) → 401; the CLI stand-in's `rejectToken` →
 * 401 from flaps and `You must be authenticated to view this.` from GraphQL; an unknown path → 404; a
 * method the route does not have → 405; a GraphQL document that does not parse, asks a field or
 * argument not in SCHEMA, selects into a scalar or not into an object, or uses an undeclared variable →
 * 400 with GraphQL's `errors`; a query parameter flyctl does not send → 400. Every request is recorded.
 * Not modelled: writes (the CLI stand-in does them), pagination, `include_deleted`.
 */
import { readFileSync, existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

export interface FlyApiRequest {
  method: string;
  path: string;
  /** the Authorization header's scheme (`FlyV1`, `Bearer`), never the token */
  scheme: string;
  body: string;
}

export interface FlyApiStandIn {
  url: string;
  /** what the action needs to read from this stand-in */
  env: { FLY_API_BASE_URL: string; FLY_FLAPS_BASE_URL: string };
  requests: FlyApiRequest[];
  close(): Promise<void>;
}

/** fly-go tokens.Parse + normalized: the header each API is sent for a token. */
function headersFor(token: string): { graphql: string; flaps: string } {
  let t = token.trim();
  for (let m = /^(\S+)\s+(.*)$/s.exec(t); m && /^(flyv1|bearer)$/i.test(m[1]!); m = /^(\S+)\s+(.*)$/s.exec(t)) t = m[2]!.trim();
  const parts = t.split(',').map((p) => p.trim());
  const macaroons = parts.filter((p) => /^(fm1r|fm1a|fm2)_/.test(p));
  const rest = parts.filter((p) => !/^(fm1r|fm1a|fm2)_/.test(p));
  const scheme = macaroons.length ? 'FlyV1 ' : 'Bearer ';
  return { graphql: scheme + [...macaroons, ...rest].join(','), flaps: scheme + (macaroons.length ? macaroons : rest).join(',') };
}

type Field = { type: string; args?: Record<string, string> };
/** The subset of Fly's GraphQL schema that flyctl's queries (and ours) select; a scalar type is lowercase here. */
const SCHEMA: Record<string, Record<string, Field>> = {
  Query: { app: { type: 'App', args: { name: 'String', id: 'String', internalId: 'String' } } },
  App: {
    id: { type: 'id' },
    internalNumericId: { type: 'int' },
    name: { type: 'string' },
    hostname: { type: 'string' },
    cnameTarget: { type: 'string' },
    deployed: { type: 'boolean' },
    network: { type: 'string' },
    status: { type: 'string' },
    appUrl: { type: 'string' },
    platformVersion: { type: 'string' },
    organization: { type: 'Organization' },
    role: { type: 'AppRole' },
    currentReleaseUnprocessed: { type: 'ReleaseUnprocessed' },
    ipAddresses: { type: 'IPAddressConnection' },
    sharedIpAddress: { type: 'string' },
  },
  Organization: {
    id: { type: 'id' },
    internalNumericId: { type: 'int' },
    slug: { type: 'string' },
    rawSlug: { type: 'string' },
    name: { type: 'string' },
    type: { type: 'string' },
    paidPlan: { type: 'boolean' },
    billable: { type: 'boolean' },
  },
  AppRole: { name: { type: 'string' } },
  ReleaseUnprocessed: { id: { type: 'id' }, version: { type: 'int' }, status: { type: 'string' } },
  IPAddressConnection: { nodes: { type: 'IPAddress' } },
  IPAddress: {
    id: { type: 'id' },
    address: { type: 'string' },
    type: { type: 'string' },
    region: { type: 'string' },
    createdAt: { type: 'string' },
    serviceName: { type: 'string' },
    network: { type: 'Network' },
  },
  Network: { name: { type: 'string' }, organization: { type: 'Organization' } },
};

interface Selection {
  alias: string;
  name: string;
  args: Record<string, { variable?: string; value?: unknown }>;
  children?: Selection[];
}

class GraphQLError extends Error {}

/** A small GraphQL reader: `query [Name] [($v: Type!, …)] { … }` with fields, aliases, arguments and nesting. */
function parseDocument(text: string): { variables: Set<string>; selections: Selection[] } {
  const tokens = text.match(/"(?:[^"\\]|\\.)*"|[{}():$!\[\]=]|-?\d+(?:\.\d+)?|[_A-Za-z][_0-9A-Za-z]*|\S/g) ?? [];
  let i = 0;
  const peek = () => tokens[i];
  const next = () => {
    const t = tokens[i++];
    if (t === undefined) throw new GraphQLError('Syntax Error: Unexpected <EOF>.');
    return t;
  };
  const expect = (t: string) => {
    const got = next();
    if (got !== t) throw new GraphQLError(`Syntax Error: Expected "${t}", found "${got}".`);
  };
  const name = () => {
    const t = next();
    if (!/^[_A-Za-z]/.test(t)) throw new GraphQLError(`Syntax Error: Expected Name, found "${t}".`);
    return t;
  };
  const variables = new Set<string>();
  if (peek() === 'query') {
    next();
    if (peek() !== '(' && peek() !== '{') name();
    if (peek() === '(') {
      next();
      while (peek() !== ')') {
        expect('$');
        variables.add(name());
        expect(':');
        const type = () => {
          if (peek() === '[') {
            next();
            type();
            expect(']');
          } else name();
          if (peek() === '!') next();
        };
        type();
      }
      next();
    }
  }
  const selectionSet = (): Selection[] => {
    expect('{');
    const out: Selection[] = [];
    while (peek() !== '}') {
      let alias = name();
      let field = alias;
      if (peek() === ':') {
        next();
        field = name();
      }
      const args: Selection['args'] = {};
      if (peek() === '(') {
        next();
        while (peek() !== ')') {
          const arg = name();
          expect(':');
          const v = next();
          if (v === '$') args[arg] = { variable: name() };
          else if (v.startsWith('"')) args[arg] = { value: JSON.parse(v) as unknown };
          else args[arg] = { value: v };
        }
        next();
      }
      out.push({ alias, name: field, args, ...(peek() === '{' ? { children: selectionSet() } : {}) });
      alias = '';
    }
    next();
    return out;
  };
  const selections = selectionSet();
  if (i !== tokens.length) throw new GraphQLError(`Syntax Error: Unexpected "${tokens[i]}".`);
  return { variables, selections };
}

/** Every field exists on its type, objects are selected into and scalars are not, variables are declared. */
function validate(type: string, selections: Selection[], variables: Set<string>): void {
  for (const s of selections) {
    if (s.name === '__typename') continue;
    const field = SCHEMA[type]?.[s.name];
    if (!field) throw new GraphQLError(`Cannot query field "${s.name}" on type "${type}".`);
    for (const [arg, v] of Object.entries(s.args)) {
      if (!field.args?.[arg]) throw new GraphQLError(`Unknown argument "${arg}" on field "${type}.${s.name}".`);
      if (v.variable !== undefined && !variables.has(v.variable)) throw new GraphQLError(`Variable "$${v.variable}" is not defined.`);
    }
    const object = SCHEMA[field.type] !== undefined;
    if (object && !s.children) throw new GraphQLError(`Field "${s.name}" of type "${field.type}" must have a selection of subfields.`);
    if (!object && s.children)
      throw new GraphQLError(`Field "${s.name}" must not have a selection since type "${field.type}" has no subfields.`);
    if (s.children) validate(field.type, s.children, variables);
  }
}

type Json = Record<string, unknown>;
interface StandInApp {
  org: string;
  deployed: boolean;
  version: number;
  machines: Json[];
  volumes: Json[];
  secrets: Record<string, { digest: string }>;
  ips: { ID?: string; Address: string; Type: string; Region?: string; CreatedAt?: string; ServiceName?: string }[];
}
interface StandInState {
  rejectToken?: boolean;
  apps?: Record<string, StandInApp>;
}

function resolve(value: unknown, selections: Selection[], typename: string): Json | null {
  if (value === null || value === undefined) return null;
  const out: Json = {};
  const v = value as Json;
  for (const s of selections) {
    if (s.name === '__typename') {
      out[s.alias] = typename;
      continue;
    }
    const field = SCHEMA[typename]![s.name]!;
    const raw = v[s.name];
    if (s.children)
      out[s.alias] = Array.isArray(raw) ? raw.map((x) => resolve(x, s.children!, field.type)) : resolve(raw, s.children, field.type);
    else out[s.alias] = raw ?? null;
  }
  return out;
}

/** The app as GraphQL sees it, from the CLI stand-in's state. */
function gqlApp(name: string, app: StandInApp): Json {
  const org = {
    id: `org-${app.org}`,
    internalNumericId: 1,
    slug: app.org,
    rawSlug: app.org,
    name: app.org,
    type: 'SHARED',
    paidPlan: false,
    billable: false,
  };
  return {
    id: name,
    internalNumericId: 1,
    name,
    hostname: `${name}.fly.dev`,
    cnameTarget: `${name}.fly.dev`,
    deployed: app.deployed,
    network: '',
    status: app.deployed ? 'deployed' : 'pending',
    appUrl: `https://${name}.fly.dev`,
    platformVersion: 'machines',
    organization: org,
    role: null,
    currentReleaseUnprocessed: app.version > 0 ? { id: `release-${app.version}`, version: app.version, status: 'complete' } : null,
    ipAddresses: {
      nodes: app.ips
        .filter((ip) => ip.Type !== 'shared_v4')
        .map((ip) => ({
          id: ip.ID ?? '',
          address: ip.Address,
          type: ip.Type,
          region: ip.Region ?? 'global',
          createdAt: ip.CreatedAt ?? '',
          serviceName: ip.ServiceName ?? '',
          network: null,
        })),
    },
    sharedIpAddress: app.ips.find((ip) => ip.Type === 'shared_v4')?.Address ?? null,
  };
}

export async function startFlyApi(opts: { stateDir: string; tokens: readonly string[] }): Promise<FlyApiStandIn> {
  const requests: FlyApiRequest[] = [];
  const accepted = opts.tokens.map(headersFor);
  const state = (): StandInState => {
    const p = join(opts.stateDir, 'flyctl.state.json');
    return existsSync(p) ? (JSON.parse(readFileSync(p, 'utf8')) as StandInState) : {};
  };
  const send = (res: ServerResponse, status: number, body: unknown) => {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  };

  const graphql = (req: IncomingMessage, res: ServerResponse, body: string, s: StandInState) => {
    if (req.method !== 'POST') return send(res, 405, { errors: [{ message: `method ${req.method} not allowed` }] });
    if (!/^application\/json\b/.test(req.headers['content-type'] ?? ''))
      return send(res, 400, { errors: [{ message: 'Content-Type must be application/json' }] });
    if (!accepted.some((a) => a.graphql === req.headers.authorization))
      return send(res, 401, { errors: [{ message: 'You must be authenticated to view this.', extensions: { code: 'UNAUTHORIZED' } }] });
    let doc: ReturnType<typeof parseDocument>;
    let variables: Json;
    try {
      const b = JSON.parse(body) as { query?: unknown; variables?: unknown };
      if (typeof b.query !== 'string') throw new GraphQLError('Must provide query string.');
      variables = (b.variables ?? {}) as Json;
      doc = parseDocument(b.query);
      validate('Query', doc.selections, doc.variables);
      for (const v of doc.variables) if (!(v in variables)) throw new GraphQLError(`Variable "$${v}" of required type was not provided.`);
    } catch (e) {
      return send(res, 400, { errors: [{ message: e instanceof Error ? e.message : String(e) }] });
    }
    if (s.rejectToken)
      return send(res, 200, {
        data: null,
        errors: [{ message: 'You must be authenticated to view this.', extensions: { code: 'UNAUTHORIZED' } }],
      });
    const data: Json = {};
    const errors: Json[] = [];
    for (const sel of doc.selections) {
      const a = sel.args.name;
      const name = String(a?.variable !== undefined ? variables[a.variable] : a?.value);
      const app = s.apps?.[name];
      if (!app) {
        data[sel.alias] = null;
        errors.push({ message: 'Could not find App', path: [sel.alias], extensions: { code: 'NOT_FOUND' } });
      } else data[sel.alias] = resolve(gqlApp(name, app), sel.children!, 'App');
    }
    return send(res, 200, errors.length ? { data, errors } : { data });
  };

  /** the Machines API: what each list answers, and the query parameters flyctl may send with it */
  const LISTS: Record<string, { params: string[]; answer: (app: StandInApp) => unknown }> = {
    machines: { params: [], answer: (app) => app.machines },
    volumes: { params: [], answer: (app) => app.volumes },
    secrets: {
      params: ['version', 'show_secrets'],
      answer: (app) => ({ secrets: Object.entries(app.secrets).map(([name, x]) => ({ name, digest: x.digest })) }),
    },
  };
  const machinesApi = (req: IncomingMessage, res: ServerResponse, url: URL, s: StandInState) => {
    const m = /^\/v1\/apps\/([^/]+)\/(machines|volumes|secrets)$/.exec(url.pathname);
    if (!m) return send(res, 404, { error: 'not found' });
    if (req.method !== 'GET') return send(res, 405, { error: `method ${req.method} not allowed` });
    if (!accepted.some((a) => a.flaps === req.headers.authorization) || s.rejectToken) return send(res, 401, { error: 'unauthorized' });
    const list = LISTS[m[2]!]!;
    const extra = [...url.searchParams.keys()].find((k) => !list.params.includes(k));
    if (extra) return send(res, 400, { error: `unknown query parameter ${extra}` });
    const app = s.apps?.[decodeURIComponent(m[1]!)];
    if (!app) return send(res, 404, { error: 'app not found' });
    return send(res, 200, list.answer(app));
  };

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (d: Buffer) => chunks.push(d));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const url = new URL(req.url ?? '/', 'http://stand-in');
      requests.push({
        method: req.method ?? '',
        path: url.pathname + url.search,
        scheme: (req.headers.authorization ?? '').split(' ')[0] ?? '',
        body,
      });
      try {
        const s = state();
        if (url.pathname === '/graphql') return graphql(req, res, body, s);
        if (url.pathname.startsWith('/v1/')) return machinesApi(req, res, url, s);
        return send(res, 404, { error: 'not found' });
      } catch (e) {
        return send(res, 500, { error: `stand-in failed: ${e instanceof Error ? e.message : String(e)}` });
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    env: { FLY_API_BASE_URL: url, FLY_FLAPS_BASE_URL: url },
    requests,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
