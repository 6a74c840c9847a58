/**
 * GitHub's check of a request body against an operation's JSON schema (the part of JSON Schema the
 * action's operations use: type, nullable, required, properties, items, enum, oneOf), with GitHub's
 * own 422 lines (`Invalid request.` then one line per failure):
 *   "body" wasn't supplied.                              (a required property is missing)
 *   For 'properties/body', nil is not a string.          (a value of the wrong type)
 *   For 'properties/state', bogus is not a member of ["error", …].   (not in the enum)
 * The texts are those api.github.com answers (seen in public test suites run against it, e.g. a
 * missing or null comment body); values are shown as Ruby's `inspect` shows them (nil, "text",
 * {"a" => 1}), an enum miss shows the bare value. Unknown properties are ignored, as GitHub does.
 */

export interface Schema {
  readonly type?: string;
  readonly nullable?: boolean;
  readonly properties?: { readonly [name: string]: Schema };
  readonly required?: readonly string[];
  readonly items?: Schema;
  readonly enum?: readonly string[];
  readonly oneOf?: readonly Schema[];
  readonly additionalProperties?: boolean;
  readonly default?: unknown;
  readonly format?: string;
}

/** Ruby's inspect of a JSON value */
export function inspect(v: unknown): string {
  if (v === null || v === undefined) return 'nil';
  if (typeof v === 'string') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(inspect).join(', ')}]`;
  if (typeof v === 'object')
    return `{${Object.entries(v)
      .map(([k, x]) => `${JSON.stringify(k)} => ${inspect(x)}`)
      .join(', ')}}`;
  return String(v);
}

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

const article = (t: string) => (/^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`);

function fits(type: string, v: unknown): boolean {
  const t = typeOf(v);
  return t === type || (type === 'number' && t === 'integer');
}

/** The failures of `v` against `s` at `path` ('' for the body itself). */
function check(s: Schema, v: unknown, path: string): string[] {
  const at = path ? `For '${path}', ` : '';
  if (s.oneOf) {
    const tries = s.oneOf.map((sub, i) => check(sub, v, `oneOf/${i}`));
    if (tries.filter((t) => t.length === 0).length === 1) return [];
    return [`${at}No subschema in "oneOf" matched.`, ...tries.flat()];
  }
  if (v === null && s.nullable) return [];
  if (s.type && !fits(s.type, v)) {
    const allowed = s.nullable ? `${article(s.type)} or null` : article(s.type);
    return [`${at}${inspect(v)} is not ${allowed}.`];
  }
  if (s.enum && typeof v === 'string' && !s.enum.includes(v)) return [`${at}${v} is not a member of ${inspect(s.enum)}.`];
  const out: string[] = [];
  if (s.type === 'object' && v && typeof v === 'object' && !Array.isArray(v)) {
    const obj = v as Record<string, unknown>;
    for (const name of s.required ?? []) if (!(name in obj)) out.push(`"${name}" wasn't supplied.`);
    for (const [name, sub] of Object.entries(s.properties ?? {}))
      if (name in obj) out.push(...check(sub, obj[name], `${path ? `${path}/` : ''}properties/${name}`));
  }
  if (s.type === 'array' && Array.isArray(v) && s.items) v.forEach((x, i) => out.push(...check(s.items!, x, `${path}/items/${i}`)));
  return out;
}

/** GitHub's `Invalid request.` message for a body that breaks the schema, or undefined when it holds. */
export function invalidRequest(schema: Schema, body: unknown): string | undefined {
  const failures = check(schema, body, '');
  return failures.length ? `Invalid request.\n\n${failures.join('\n')}` : undefined;
}
