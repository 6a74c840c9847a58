/**
 * The E2B API's own request checks, in front of the loopback stand-in (__tests__/support/e2b-api.ts),
 * driven by the API's own OpenAPI document (__tests__/fixtures/e2b/openapi.yml, e2b-dev/infra
 * `spec/openapi.yml` at e19a12b8). The real API runs kin-openapi's request validator
 * (oapi-codegen/gin-middleware) before any handler (infra `packages/api/main.go`), in this order:
 *
 * 1. route: no path of the document → 404 `validation error: no matching operation was found`; a known
 *    path with another method → 400 `validation error: method not allowed` (kin-openapi gorillamux
 *    router; paths tried with fewer variables first, then in descending order).
 * 2. security: `X-API-Key` must be `e2b_` + hex of a known key → 401 with the auth middleware's own text
 *    (infra `packages/auth/pkg/auth/internal/middleware/middleware.go`, `security.go`).
 * 3. parameters and 4. request body against the operation's schemas → 400 `validation error: error in
 *    openapi3filter.RequestError: <kin-openapi's first line>`. No schema forbids unknown properties:
 *    unknown body fields are ignored, as the real API does.
 *
 * Only the first error is reported, as the real MultiErrorHandler does. The texts of kin-openapi's
 * schema errors are rebuilt from ajv's errors for the keywords the document uses (required, type,
 * minimum/maximum, lengths, enum, pattern); other keywords get kin-openapi's generic text.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IncomingHttpHeaders } from 'node:http';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { parse } from 'yaml';

const SPEC_FILE = join(import.meta.dirname, '..', 'fixtures', 'e2b', 'openapi.yml');
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

interface Parameter {
  name: string;
  in: 'query' | 'path' | 'header' | 'cookie';
  required?: boolean;
  explode?: boolean;
  style?: string;
  schema?: Schema;
}
type Schema = Record<string, unknown>;
interface Operation {
  parameters?: (Parameter | { $ref: string })[];
  security?: Record<string, string[]>[];
  requestBody?: { required?: boolean; content: Record<string, { schema?: Schema }> };
  responses: Record<string, { $ref?: string; content?: Record<string, { schema?: Schema }> }>;
  deprecated?: boolean;
}
interface Spec {
  paths: Record<string, Record<string, Operation | Parameter[]>>;
  components: { parameters: Record<string, Parameter>; schemas: Record<string, Schema>; responses: Record<string, unknown> };
  security?: Record<string, string[]>[];
}

export interface Route {
  method: string;
  /** the document's path, e.g. `/templates/{templateID}` */
  path: string;
  params: Record<string, string>;
  operation: Operation;
}

/** An answer the real API gives before any handler runs. */
export interface Rejection {
  status: number;
  message: string;
}

const API_KEY_AUTH_MESSAGE = 'Invalid API key, please visit https://e2b.dev/docs/api-key for more information.';

/** OpenAPI 3.0 `nullable: true` beside `allOf`/`$ref` (no `type`), which ajv does not read, as `anyOf [.., null]`. */
function jsonSchema(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(jsonSchema);
  if (!v || typeof v !== 'object') return v;
  const o = Object.fromEntries(Object.entries(v).map(([k, x]) => [k, jsonSchema(x)]));
  if (o.nullable === true && o.type === undefined) {
    delete o.nullable;
    return { anyOf: [o, { type: 'null' }] };
  }
  return o;
}

export class E2bOpenApi {
  readonly spec: Spec;
  private readonly ajv = new Ajv({ strict: false, validateFormats: false, allErrors: false });
  private readonly compiled = new Map<string, ValidateFunction>();
  /** the document's paths in kin-openapi's matching order, with their patterns */
  private readonly paths: { path: string; re: RegExp; names: string[] }[];

  constructor(file = SPEC_FILE) {
    this.spec = parse(readFileSync(file, 'utf8')) as Spec;
    this.ajv.addSchema({ $id: 'e2b', components: jsonSchema(this.spec.components) as object });
    const vars = (p: string) => (p.match(/}/g) ?? []).length;
    this.paths = Object.keys(this.spec.paths)
      .sort((a, b) => vars(a) - vars(b) || (a < b ? 1 : a > b ? -1 : 0))
      .map((path) => ({
        path,
        names: [...path.matchAll(/{([^}]+)}/g)].map((m) => m[1]!),
        re: new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/{[^}]+}/g, '([^/]+)')}$`),
      }));
  }

  /** The operation for a request, or the router's own rejection. `rawPath` as sent (still encoded). */
  route(method: string, rawPath: string): Route | Rejection {
    const m = method.toLowerCase();
    for (const p of this.paths) {
      const hit = p.re.exec(rawPath);
      if (!hit) continue;
      const operation = this.spec.paths[p.path]![m] as Operation | undefined;
      if (!operation || !(METHODS as readonly string[]).includes(m))
        return { status: 400, message: 'validation error: method not allowed' };
      const params = Object.fromEntries(p.names.map((n, i) => [n, decodeURIComponent(hit[i + 1]!)]));
      return { method: m.toUpperCase(), path: p.path, params, operation };
    }
    return { status: 404, message: 'validation error: no matching operation was found' };
  }

  /**
   * The security check for a caller that holds one API key (the only credential our code and the CLI
   * send for these routes). An operation that does not accept `ApiKeyAuth` sees every one of its
   * schemes' headers missing, as the real API does for such a caller.
   */
  authenticate(route: Route, headers: IncomingHttpHeaders, known: (key: string) => boolean): Rejection | undefined {
    const security = route.operation.security ?? this.spec.security ?? [];
    if (security.length === 0 || security.some((s) => Object.keys(s).length === 0)) return undefined;
    const missing: Rejection = { status: 401, message: 'authorization header is missing' };
    if (!security.some((s) => 'ApiKeyAuth' in s)) return missing;
    const raw = headers['x-api-key'];
    const key = Array.isArray(raw) ? raw[0] : raw;
    if (!key) return missing;
    if (!key.startsWith('e2b_')) return { status: 401, message: 'authorization header is malformed' };
    // infra shared/pkg/keys VerifyKey: hex after the prefix, then the hash must belong to a team
    if (!/^(?:[0-9a-fA-F]{2})*$/.test(key.slice(4))) return { status: 401, message: `${API_KEY_AUTH_MESSAGE}\nInvalid API key format` };
    if (!known(key)) return { status: 401, message: `${API_KEY_AUTH_MESSAGE}\nCannot get the team for the given API key` };
    return undefined;
  }

  /** Parameters, then the body, against the operation's schemas; the parsed body when both pass. */
  validate(route: Route, query: URLSearchParams, headers: IncomingHttpHeaders, raw: Buffer): { body: unknown } | Rejection {
    const reject = (text: string): Rejection => ({
      status: 400,
      message: `validation error: error in openapi3filter.RequestError: ${text}`,
    });
    for (const param of this.parameters(route.operation)) {
      if (param.in !== 'query' && param.in !== 'path') continue;
      const at = `parameter "${param.name}" in ${param.in} has an error`;
      const values = param.in === 'path' ? [route.params[param.name]!] : query.getAll(param.name);
      if (values.length === 0) {
        if (param.required) return reject(`${at}: value is required but missing`);
        continue;
      }
      const decoded = decodeParameter(param, values);
      if ('error' in decoded) return reject(`${at}: ${decoded.error}`);
      const problem = this.check(param.schema ?? {}, decoded.value);
      if (problem) return reject(`${at}: ${problem}`);
    }
    const rb = route.operation.requestBody;
    if (!rb) return { body: undefined };
    if (raw.length === 0) return rb.required ? reject('request body has an error: value is required but missing') : { body: undefined };
    const type = String(headers['content-type'] ?? '');
    const media = rb.content[type] ?? rb.content[type.split(';')[0]!.trim()];
    if (!media) return reject(`request body has an error: header Content-Type has unexpected value ${JSON.stringify(type)}`);
    let body: unknown;
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch (e) {
      return reject(`request body has an error: failed to decode request body: ${(e as Error).message}`);
    }
    const schema = media.schema ?? {};
    const problem = this.check(schema, body);
    const id = typeof schema.$ref === 'string' ? ` ${schema.$ref}` : '';
    return problem ? reject(`request body has an error: doesn't match schema${id}: ${problem}`) : { body };
  }

  /** What is wrong with an answer of the stand-in itself (a 2xx JSON body against the documented schema). */
  responseProblem(route: Route, status: number, body: unknown): string | undefined {
    const schema = route.operation.responses[String(status)]?.content?.['application/json']?.schema;
    if (!route.operation.responses[String(status)]) return `status ${status} is not documented for ${route.method} ${route.path}`;
    return schema ? this.check(schema, body) : undefined;
  }

  private parameters(op: Operation): Parameter[] {
    return (op.parameters ?? []).map((p) =>
      '$ref' in p ? this.spec.components.parameters[p.$ref.replace('#/components/parameters/', '')]! : p,
    );
  }

  /** kin-openapi's text of the first schema error, or undefined when the value matches. */
  private check(schema: Schema, value: unknown): string | undefined {
    const key = JSON.stringify(schema);
    let validate = this.compiled.get(key);
    if (!validate) {
      validate = this.ajv.compile(jsonSchema(rebase(schema)) as object);
      this.compiled.set(key, validate);
    }
    return validate(value) ? undefined : kinText(validate.errors![0]!);
  }
}

/** `#/components/…` references resolved against the document added as `e2b`. */
function rebase(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(rebase);
  if (!schema || typeof schema !== 'object') return schema;
  return Object.fromEntries(
    Object.entries(schema).map(([k, v]) => [k, k === '$ref' && typeof v === 'string' && v.startsWith('#/') ? `e2b${v}` : rebase(v)]),
  );
}

/** A query or path value decoded by its schema (kin-openapi: `form` arrays split on `,` unless exploded). */
function decodeParameter(param: Parameter, values: string[]): { value: unknown } | { error: string } {
  const schema = param.schema ?? {};
  const scalar = (s: Schema, raw: string): { value: unknown } | { error: string } => {
    if (s.type === 'integer' || s.type === 'number') {
      const n = Number(raw);
      if (raw.trim() === '' || !Number.isFinite(n) || (s.type === 'integer' && !/^[+-]?\d+$/.test(raw)))
        return { error: `value ${raw}: an invalid ${String(s.type)}: invalid syntax` };
      return { value: n };
    }
    if (s.type === 'boolean')
      return raw === 'true' || raw === 'false' ? { value: raw === 'true' } : { error: `value ${raw}: an invalid boolean` };
    return { value: raw };
  };
  if (schema.type === 'array') {
    const items = (schema.items ?? {}) as Schema;
    const parts = param.explode === false ? values[0]!.split(',') : values;
    const out: unknown[] = [];
    for (const p of parts) {
      const r = scalar(items, p);
      if ('error' in r) return r;
      out.push(r.value);
    }
    return { value: out };
  }
  return scalar(schema, values[0]!);
}

function kinText(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  const path = e.keyword === 'required' ? `${e.instancePath}/${String(p.missingProperty)}` : e.instancePath;
  const at = path ? `Error at "${path}": ` : '';
  switch (e.keyword) {
    case 'required':
      return `${at}property "${String(p.missingProperty)}" is missing`;
    case 'type': {
      const t = String(p.type);
      return `${at}value must be ${['array', 'object', 'integer'].includes(t) ? 'an' : 'a'} ${t}`;
    }
    case 'minimum':
      return `${at}number must be at least ${String(p.limit)}`;
    case 'maximum':
      return `${at}number must be at most ${String(p.limit)}`;
    case 'minLength':
      return `${at}minimum string length is ${String(p.limit)}`;
    case 'maxLength':
      return `${at}maximum string length is ${String(p.limit)}`;
    case 'minItems':
      return `${at}minimum number of items is ${String(p.limit)}`;
    case 'enum':
      return `${at}value is not one of the allowed values ${JSON.stringify(p.allowedValues)}`;
    case 'pattern':
      return `${at}string doesn't match the regular expression "${String(p.pattern)}"`;
    default:
      return `${at}Doesn't match schema "${e.keyword}"`;
  }
}
