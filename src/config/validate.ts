/**
 * Check sindri.yaml against the upstream JSON schema and report violations as WARNINGS with file and
 * line (docs/behaviour.md#config-compatibility: only 6 of 33 real files pass the schema, so a violation
 * must never fail a deploy). The validator is generated at build time
 * (scripts/gen-schema-validator.mjs): compiling the schema with Ajv at run time would cost ~300 ms of
 * the startup budget (docs/behaviour.md#performance-targets).
 */
import { clip, MAX_LINE } from '../domain.js';
import type { ErrorObject } from 'ajv';
import { fieldOf, type ConfigPath } from './path.js';
import validate, { hints, knownKeys, sections } from './schema-validator.generated.js';
import type { ConfigWarning, SindriConfig } from './types.js';

type Located = Pick<SindriConfig, 'raw' | 'file' | 'locate'>;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Edit distance, for "did you mean" on misspelt keys. */
function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

function suggestion(key: string, known: readonly string[]): string {
  const norm = (s: string): string => s.toLowerCase().replace(/[-_]/g, '');
  const same = known.find((k) => norm(k) === norm(key));
  if (same) return `; did you mean ${same}?`;
  const best = known
    .map((k) => ({ k, d: distance(key.toLowerCase(), k.toLowerCase()) }))
    .filter(({ d, k }) => d <= Math.max(2, Math.floor(k.length / 4)))
    .sort((a, b) => a.d - b.d)[0];
  return best ? `; did you mean ${best.k}?` : known.length ? `; known keys here: ${known.join(', ')}` : '';
}

/** `/providers/northflank/ports/0` → ['providers','northflank','ports',0] (numbers where the data is a list). */
function pathOf(instancePath: string, data: unknown): (string | number)[] {
  if (!instancePath) return [];
  const out: (string | number)[] = [];
  let cur: unknown = data;
  for (const raw of instancePath.slice(1).split('/')) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(cur)) {
      out.push(Number(seg));
      cur = cur[Number(seg)];
    } else {
      out.push(seg);
      cur = isRecord(cur) ? cur[seg] : undefined;
    }
  }
  return out;
}

function valueAt(data: unknown, path: ConfigPath): unknown {
  let cur = data;
  for (const seg of path) cur = Array.isArray(cur) ? cur[seg as number] : isRecord(cur) ? cur[String(seg)] : undefined;
  return cur;
}

function show(v: unknown): string {
  if (v === null || v === undefined) return 'empty';
  if (Array.isArray(v)) return 'a list';
  if (isRecord(v)) return 'a mapping';
  return JSON.stringify(v);
}

class Reporter {
  readonly warnings: ConfigWarning[] = [];
  private readonly seen = new Set<string>();

  constructor(private readonly cfg: Located) {}

  add(path: ConfigPath, message: string, anchor: ConfigPath = path): void {
    const field = fieldOf(path);
    const key = `${field}\u0000${message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    let pos = undefined;
    for (let n = anchor.length; n >= 0 && !pos; n--) pos = this.cfg.locate(anchor.slice(0, n));
    // what the user wrote is quoted: bounded like an error line (ADR 0014)
    const w: ConfigWarning = { message: clip(message, MAX_LINE), file: this.cfg.file, field: clip(field, MAX_LINE / 4), source: 'schema' };
    if (pos) {
      w.line = pos.line;
      w.column = pos.column;
    }
    this.warnings.push(w);
  }
}

/** Keys the schema (or upstream's Rust types) do not know, wherever the schema lists the keys of an object. */
function unknownKeys(r: Reporter, value: unknown, path: (string | number)[]): void {
  if (Array.isArray(value)) {
    value.forEach((v, i) => unknownKeys(r, v, [...path, i]));
    return;
  }
  if (!isRecord(value)) return;
  const pattern = path.map((p) => (typeof p === 'number' ? '*' : p)).join('.');
  const known = knownKeys[pattern];
  for (const [k, v] of Object.entries(value)) {
    if (known && !known.includes(k)) {
      r.add([...path, k], `unknown key (ignored by Sindri)${suggestion(k, known)}`);
    }
    unknownKeys(r, v, [...path, k]);
  }
}

function describeError(e: ErrorObject, data: unknown, path: ConfigPath): { path: ConfigPath; message: string; anchor?: ConfigPath } {
  const value = valueAt(data, path);
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required': {
      const missing = String(p.missingProperty);
      // an if/then rule: say which condition made the key required
      const cond = /^(.*)\/then\/required$/.exec(e.schemaPath);
      const when = cond ? hints[`${cond[1]}/if`]?.[0] : undefined;
      return {
        path: [...path, missing],
        anchor: path,
        message: `missing${when ? ` (required when ${when})` : ''}${path.length ? '' : ' (the Sindri schema requires it)'}`,
      };
    }
    case 'additionalProperties': {
      const key = String(p.additionalProperty);
      return { path: [...path, key], message: 'unknown key (the schema does not allow it here)' };
    }
    case 'enum':
      return { path, message: `${show(value)} is not one of ${(p.allowedValues as unknown[]).map((v) => String(v)).join(', ')}` };
    case 'type':
      return { path, message: `should be ${String(p.type)}, not ${show(value)}` };
    case 'pattern':
      return { path, message: `${show(value)} does not match the pattern ${String(p.pattern)}` };
    case 'oneOf':
    case 'anyOf': {
      const branches = hints[e.schemaPath] ?? [];
      const both = Array.isArray(p.passingSchemas) ? ' (it matches more than one)' : '';
      return {
        path,
        message: `${path.length ? '' : 'the config '}must match ${e.keyword === 'oneOf' ? 'exactly one' : 'one'} of: ${branches.map((b, i) => `(${i + 1}) ${b}`).join('; ')}${both}`,
      };
    }
    default:
      return { path, message: `${path.length ? '' : 'the config '}${e.message ?? 'is invalid'}` };
  }
}

/**
 * The generated validator checks each section in its own function (faster to start), so Ajv
 * reports schemaPaths relative to the section; this puts them back in the upstream schema's terms.
 */
function originalSchemaPath(e: ErrorObject): string {
  const s = sections.find((x) => e.instancePath === x.instance || e.instancePath.startsWith(`${x.instance}/`));
  return s ? s.schema + e.schemaPath.slice(1) : e.schemaPath;
}

/** Schema violations and unknown keys of a loaded config, as warnings with file, line and field. */
export function validateSchema(cfg: Located): ConfigWarning[] {
  const r = new Reporter(cfg);
  const data = cfg.raw;
  unknownKeys(r, data, []);
  if (validate(data)) return r.warnings;

  const errors = (validate.errors ?? []).map((e) => ({ ...e, schemaPath: originalSchemaPath(e) }));
  // Collapse combinators: one message per oneOf/anyOf, none for its branches' own errors; `if` errors
  // are only Ajv's "must match then" wrapper around the real `required` error.
  const combinators = errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf').map((e) => `${e.schemaPath}/`);
  for (const e of errors) {
    if (e.keyword === 'if') continue;
    if (combinators.some((c) => e.schemaPath.startsWith(c))) continue;
    const d = describeError(e, data, pathOf(e.instancePath, data));
    if (e.keyword === 'additionalProperties' && r.warnings.some((w) => w.field === fieldOf(d.path))) continue;
    r.add(d.path, d.message, d.anchor ?? d.path);
  }
  return r.warnings;
}
