/**
 * The BuildKit inputs of a Dockerfile build, read as docker/build-push-action reads them and checked
 * up front (pure): `cache-from` / `cache-to` (one cache per line, buildx's CSV form) and
 * `build-secrets` (`id=value` per line). Nothing here prints a secret value, not even in an error:
 * a line that fails is named by its number, and only an id that passed is ever echoed.
 */
import { ActionError } from '../errors.js';
import { parseReference } from './reference.js';

/** One `--cache-from` / `--cache-to` value: the line as written (handed to buildx unchanged) and its type. */
export interface CacheLine {
  line: string;
  /** `registry` for the bare-reference shorthand (`ghcr.io/owner/app:cache`) */
  type: string;
}

/** One build secret: the id a Dockerfile mounts (`RUN --mount=type=secret,id=…`) and its value. */
export interface BuildSecret {
  id: string;
  value: string;
}

export type CacheDirection = 'cache-from' | 'cache-to';

/** The cache types buildx takes in each direction (`inline` only exports, into the image itself). */
const CACHE_TYPES: Record<CacheDirection, readonly string[]> = {
  'cache-from': ['registry', 'local', 'gha', 's3', 'azblob'],
  'cache-to': ['registry', 'local', 'gha', 'inline', 's3', 'azblob'],
};

/** What buildx cannot do without, per type and direction. */
const REQUIRED: Record<string, Partial<Record<CacheDirection, readonly string[]>>> = {
  registry: { 'cache-from': ['ref'], 'cache-to': ['ref'] },
  local: { 'cache-from': ['src'], 'cache-to': ['dest'] },
  s3: { 'cache-from': ['bucket', 'region'], 'cache-to': ['bucket', 'region'] },
  azblob: { 'cache-from': ['name'], 'cache-to': ['name'] },
};

/**
 * Credentials a cache line could carry; on the command line they would be in every process listing
 * and in the recorded command. buildx reads each of them from the environment instead.
 */
const CREDENTIAL_ATTRS: Record<string, string> = {
  token: 'buildx reads the runner’s ACTIONS_RUNTIME_TOKEN itself for type=gha',
  ghtoken: 'leave it out; the GitHub cache works without it',
  secret_access_key: 'set AWS_SECRET_ACCESS_KEY (s3) or AZURE_STORAGE_ACCOUNT_KEY (azblob) in the step’s env instead',
  session_token: 'set AWS_SESSION_TOKEN in the step’s env instead',
};

const EXAMPLES: Record<CacheDirection, string> = {
  'cache-from': 'type=registry,ref=ghcr.io/OWNER/APP:buildcache, type=gha or type=local,src=/tmp/.buildx-cache',
  'cache-to': 'type=registry,ref=ghcr.io/OWNER/APP:buildcache,mode=max, type=gha,mode=max or type=local,dest=/tmp/.buildx-cache',
};

/** Longest accepted cache input and build-secrets input (a PEM key or a .npmrc fits easily). */
export const MAX_CACHE_INPUT = 16 * 1024;
export const MAX_SECRETS_INPUT = 256 * 1024;

/** `a,"b,c",d` → `['a', 'b,c', 'd']` (CSV as buildx reads a flag value: `""` inside quotes is one quote). */
export function csvFields(line: string): string[] | undefined {
  const fields: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c !== '"') cur += c;
      else if (line[i + 1] === '"') {
        cur += '"';
        i++;
      } else quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      fields.push(cur);
      cur = '';
    } else cur += c;
  }
  if (quoted) return undefined;
  fields.push(cur);
  return fields;
}

function checkReference(ref: string, fail: (what: string, fix?: string) => never): void {
  try {
    parseReference(ref);
  } catch {
    fail(
      `"${ref.slice(0, 120)}" is not an image reference`,
      'write the cache image as REGISTRY/REPOSITORY:TAG, e.g. ghcr.io/owner/app:buildcache',
    );
  }
}

/**
 * `cache-from` or `cache-to`: one cache per line, as build-push-action and `docker buildx build
 * --cache-from/--cache-to` take it: `type=…,key=value,…`, or a bare image reference for a registry
 * cache. Blank lines and `#` comments are skipped. Each line is kept as written.
 */
export function parseCacheLines(name: CacheDirection, value: string): CacheLine[] {
  const out: CacheLine[] = [];
  const where = { field: `input ${name}` };
  const fixFor = `write one cache per line, e.g. ${EXAMPLES[name]}`;
  if (value.length > MAX_CACHE_INPUT) {
    throw new ActionError(`is ${value.length} characters long; at most ${MAX_CACHE_INPUT} are accepted`, { where, fix: fixFor });
  }
  value.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const fail = (what: string, fix = fixFor): never => {
      throw new ActionError(`line ${i + 1}: ${what}`, { where, fix });
    };
    const bad = /[\u0000-\u001f\u007f]/.exec(line);
    if (bad) fail(`holds a control character (U+${bad[0].charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()})`);
    const fields = csvFields(line);
    if (!fields) fail('has a quote that is never closed');
    if (!line.includes('=')) {
      // buildx's shorthand: each field is a registry cache reference
      for (const ref of fields!) checkReference(ref.trim(), fail);
      out.push({ line, type: 'registry' });
      return;
    }
    const attrs = new Map<string, string>();
    for (const field of fields!) {
      const eq = field.indexOf('=');
      if (eq <= 0) fail(`"${field.slice(0, 80)}" is not key=value`);
      const key = field.slice(0, eq).trim().toLowerCase();
      if (attrs.has(key)) fail(`${key} is given twice`);
      attrs.set(key, field.slice(eq + 1));
    }
    const type = attrs.get('type');
    if (type === undefined) fail('names no type');
    if (!CACHE_TYPES[name].includes(type!)) {
      const inline = type === 'inline' ? ' (inline only exports: use it in cache-to, and read it back with type=registry)' : '';
      fail(`unknown cache type "${type!.slice(0, 40)}"${inline}`, `use one of ${CACHE_TYPES[name].join(', ')}`);
    }
    for (const [key, why] of Object.entries(CREDENTIAL_ATTRS)) {
      if (attrs.has(key)) fail(`${key}= would put a credential on the command line`, why);
    }
    for (const key of REQUIRED[type!]?.[name] ?? []) {
      if (!attrs.get(key)) fail(`type=${type!} needs ${key}=`);
    }
    if (type === 'registry') checkReference(attrs.get('ref')!, fail);
    out.push({ line, type: type! });
  });
  return out;
}

/**
 * Records of `build-secrets`: one per line, except that a record starting with `"` runs to its
 * closing quote (`""` is a quote), so a multi-line value (a PEM key) is written as build-push-action
 * takes it: `"id=line 1\nline 2"`. Each record carries the number of its first line.
 */
function secretRecords(value: string): { text: string; line: number }[] | { open: number } {
  const records: { text: string; line: number }[] = [];
  const lines = value.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const first = lines[i]!;
    if (!first.trimStart().startsWith('"')) {
      records.push({ text: first, line: i + 1 });
      continue;
    }
    // a quoted record: read on, across lines, to the closing quote
    let text = '';
    let rest = first.trimStart().slice(1);
    const start = i;
    for (;;) {
      let j = 0;
      let closed = false;
      for (; j < rest.length; j++) {
        if (rest[j] !== '"') continue;
        if (rest[j + 1] === '"') {
          text += rest.slice(0, j) + '"';
          rest = rest.slice(j + 2);
          j = -1;
          continue;
        }
        closed = true;
        break;
      }
      if (closed) {
        if (rest.slice(j + 1).trim() !== '') return { open: start + 1 };
        text += rest.slice(0, j);
        break;
      }
      text += rest;
      if (++i >= lines.length) return { open: start + 1 };
      text += '\n';
      rest = lines[i]!;
    }
    records.push({ text, line: start + 1 });
  }
  return records;
}

/** A BuildKit secret id: what `RUN --mount=type=secret,id=…` names (also a file name under /run/secrets). */
export const SECRET_ID_RE = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;

/**
 * `build-secrets`: `id=value` per line, the value kept whole (`=`, commas and spaces in it included);
 * blank lines and `#` comments are skipped. `mask` is called with every value (and every line that
 * fails to split) before anything can fail or print, so the runner masks them from the start.
 */
export function parseBuildSecrets(value: string, mask: (secret: string) => void): BuildSecret[] {
  const where = { field: 'input build-secrets' };
  const fix = 'write one id=value per line, e.g. NPM_TOKEN=${{ secrets.NPM_TOKEN }}; a value over several lines goes in double quotes';
  if (value.length > MAX_SECRETS_INPUT) {
    throw new ActionError(`is ${value.length} characters long; at most ${MAX_SECRETS_INPUT} are accepted`, { where, fix });
  }
  const records = secretRecords(value);
  if (!Array.isArray(records)) {
    mask(value);
    throw new ActionError(`line ${records.open}: a quoted secret is never closed (or text follows its closing quote)`, { where, fix });
  }
  // a secret id never starts with #: such a line is a comment
  const split = records
    .filter((r) => r.text.trim() !== '' && !r.text.trimStart().startsWith('#'))
    .map((r) => {
      const eq = r.text.indexOf('=');
      const id = eq === -1 ? '' : r.text.slice(0, eq).trim();
      const secret = eq === -1 ? r.text : r.text.slice(eq + 1);
      mask(r.text);
      mask(secret);
      return { ...r, eq, id, secret };
    });
  const out: BuildSecret[] = [];
  for (const r of split) {
    const fail = (what: string, why = fix): never => {
      throw new ActionError(`line ${r.line}: ${what}`, { where, fix: why });
    };
    if (r.eq === -1) fail('has no "=" between an id and a value (the line is not shown: it may be a secret)');
    if (!SECRET_ID_RE.test(r.id))
      fail(
        'the id before "=" is not a secret id (not shown)',
        'start the id with a letter, digit or _, then letters, digits, ., _ or -, at most 128',
      );
    if (out.some((s) => s.id === r.id)) fail(`secret ${r.id} is given twice`, 'keep one line per secret id');
    if (r.secret === '')
      fail(
        `secret ${r.id} has an empty value`,
        `pass a value; an empty one is usually a repository secret that is not set (check the name in secrets.…)`,
      );
    if (r.secret.includes('\u0000')) fail(`secret ${r.id} holds a NUL byte`, 'pass the value as text');
    out.push({ id: r.id, value: r.secret });
  }
  return out;
}

/** The inputs that shape a BuildKit build, for the providers that do not use them to say so. */
export interface BuildKitInputs {
  'cache-from': readonly CacheLine[];
  'cache-to': readonly CacheLine[];
  'build-secrets': readonly BuildSecret[];
}

/** Names of the BuildKit inputs that are set (`cache-from`, …), in action.yml's order. */
export function buildKitInputsGiven(inputs: Partial<BuildKitInputs>): string[] {
  return (['cache-from', 'cache-to', 'build-secrets'] as const).filter((k) => (inputs[k]?.length ?? 0) > 0);
}
