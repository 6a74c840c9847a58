#!/usr/bin/env node
/**
 * Build-time code generation: compile src/config/sindri.schema.json (a copy of the upstream Sindri
 * schema) with Ajv into a standalone ESM validator, so the action never compiles a schema at run time
 * (that costs ~300 ms of the `plan` startup budget, docs/behaviour.md#performance-targets). Run with
 * `npm run gen`; the output is committed. Fails if the generated code needs a runtime module ncc could
 * not bundle.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const schemaPath = join(root, 'src/config/sindri.schema.json');
const outJs = join(root, 'src/config/schema-validator.generated.js');
const outDts = join(root, 'src/config/schema-validator.generated.d.ts');

const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));

/**
 * The same schema with each top-level section and each provider block moved to `definitions` and
 * referenced. With `inlineRefs: false` Ajv then emits one function per section instead of one
 * 144 kB function, and V8 compiles only the functions a config reaches (a docker config never pays
 * for the northflank checks): ~9 ms less on the `plan` path (docs/behaviour.md#performance-targets). Validation is unchanged.
 */
function splitSections(original) {
  const s = structuredClone(original);
  s.definitions = { ...(s.definitions ?? {}) };
  const sections = [];
  const hoist = (parent, key, name, instance, schemaPath) => {
    s.definitions[name] = parent[key];
    parent[key] = { $ref: `#/definitions/${name}` };
    sections.push({ instance, schema: schemaPath });
  };
  const providers = s.properties.providers?.properties ?? {};
  for (const p of Object.keys(providers)) hoist(providers, p, `provider_${p}`, `/providers/${p}`, `#/properties/providers/properties/${p}`);
  for (const k of ['deployment', 'extensions', 'secrets', 'providers'])
    if (s.properties[k]) hoist(s.properties, k, k, `/${k}`, `#/properties/${k}`);
  // Ajv reports a schemaPath relative to the referenced section; the section is the one whose
  // instance path is the longest prefix of the error's: validate.ts maps it back (deepest first).
  sections.sort((a, b) => b.instance.length - a.instance.length);
  return { schema: s, sections };
}
const { schema: compiled, sections } = splitSections(schema);
// allErrors: every violation becomes its own annotation, not just the first one.
// strict:false: the upstream schema is not ours to fix (it uses `default` beside `$ref`-free unions etc.).
const ajv = new Ajv({ code: { source: true, esm: true, lines: false }, allErrors: true, strict: false, verbose: false, inlineRefs: false });
const validate = ajv.compile(compiled);
let code = standaloneCode(ajv, validate);

if (/\brequire\s*\(/.test(code)) {
  const needs = [...code.matchAll(/require\(("[^"]+")\)/g)].map((m) => m[1]).join(', ');
  throw new Error(`standalone validator still calls require(${needs}): an ESM bundle cannot load it; change the Ajv options`);
}
for (const m of code.matchAll(/from\s+["']([^"']+)["']/g)) {
  if (!m[1].startsWith('ajv/dist/runtime/')) throw new Error(`standalone validator imports ${m[1]}, which is not an Ajv runtime helper`);
}

// Ajv's standalone code declares every schema object it compiled (`const schemaN = {…};`), also those
// no generated line reads (the whole root schema among them, ~20 KB): each one is parsed and built on
// every start. Those named nowhere else are left out.
code = withoutUnusedSchemas(code);
function withoutUnusedSchemas(text) {
  for (;;) {
    const unused = [...text.matchAll(/const (schema\d+) = \{/g)].find((m) => text.split(new RegExp(`\\b${m[1]}\\b`)).length === 2);
    if (!unused) return text;
    const start = unused.index;
    let depth = 0;
    let i = text.indexOf('{', start);
    for (; i < text.length; i++) {
      const c = text[i];
      if (c === '"') {
        for (i++; text[i] !== '"'; i++) if (text[i] === '\\') i++;
      } else if (c === '{') depth++;
      else if (c === '}' && --depth === 0) break;
    }
    if (text[i + 1] !== ';') throw new Error(`${unused[1]}: its object literal does not end in ";"`);
    text = text.slice(0, start) + text.slice(i + 2);
  }
}

// Keys the upstream Rust types accept although the schema omits them (docs/upstream.md#deployment-settings,
// docs/upstream.md#image-settings, docs/upstream.md#secrets): known keys, never reported as unknown.
const RUST_ONLY_KEYS = {
  deployment: ['image_config', 'buildFromSource'],
  'deployment.image_config': [
    'registry',
    'version',
    'tag_override',
    'digest',
    'resolution_strategy',
    'allow_prerelease',
    'verify_signature',
    'verify_provenance',
    'pull_policy',
    'certificate_identity',
    'certificate_oidc_issuer',
  ],
  'deployment.buildFromSource': ['enabled', 'gitRef'],
  'secrets.*': ['s3Path'],
};

/** Object nodes that declare `properties`: dotted path (`*` for array items) → keys the schema knows. */
function collectKnownKeys(node, path, out) {
  if (!node || typeof node !== 'object') return;
  if (node.properties) {
    out[path] = Object.keys(node.properties);
    for (const [k, v] of Object.entries(node.properties)) collectKnownKeys(v, path ? `${path}.${k}` : k, out);
  }
  if (node.items && !Array.isArray(node.items)) collectKnownKeys(node.items, `${path}.*`, out);
}
const knownKeys = {};
collectKnownKeys(schema, '', knownKeys);
for (const [path, keys] of Object.entries(RUST_ONLY_KEYS)) knownKeys[path] = [...new Set([...(knownKeys[path] ?? []), ...keys])];

/** Plain words for a oneOf branch or an `if` condition, so one readable warning replaces Ajv's several. */
function describe(node) {
  const parts = [];
  for (const k of node.required ?? []) parts.push(`has ${k}`);
  if (node.not?.required) for (const k of node.not.required) parts.push(`no ${k}`);
  for (const sub of node.allOf ?? []) parts.push(describe(sub));
  for (const [k, v] of Object.entries(node.properties ?? {})) if (v && 'const' in v) parts.push(`${k} is ${JSON.stringify(v.const)}`);
  return parts.filter(Boolean).join(', ');
}
/** schemaPath of each oneOf/anyOf → branch descriptions; of each `if` → its condition. */
function collectHints(node, schemaPath, out) {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) return node.forEach((n, i) => collectHints(n, `${schemaPath}/${i}`, out));
  for (const kw of ['oneOf', 'anyOf']) if (node[kw]) out[`${schemaPath}/${kw}`] = node[kw].map(describe);
  if (node.if) out[`${schemaPath}/if`] = [describe(node.if)];
  for (const [k, v] of Object.entries(node)) if (typeof v === 'object') collectHints(v, `${schemaPath}/${k}`, out);
}
const hints = {};
collectHints(schema, '#', hints); // original schemaPaths: validate.ts maps Ajv's back to them
code += `\nexport const knownKeys = ${JSON.stringify(knownKeys)};\nexport const hints = ${JSON.stringify(hints)};\nexport const sections = ${JSON.stringify(sections)};\n`;

const banner = `// GENERATED by scripts/gen-schema-validator.mjs from src/config/sindri.schema.json (${schema.$id}).\n// Do not edit: run \`npm run gen\`.\n/* eslint-disable */\n`;
code = banner + code;
writeFileSync(outJs, code);
writeFileSync(
  outDts,
  `// GENERATED by scripts/gen-schema-validator.mjs. Do not edit: run \`npm run gen\`.
import type { ErrorObject } from 'ajv';

export interface SchemaValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}
declare const validate: SchemaValidator;
export default validate;
export { validate };
/** dotted path (\`*\` for array items, '' for the root) → keys the schema (or the Rust types) know there */
export declare const knownKeys: Readonly<Record<string, readonly string[]>>;
/** schemaPath of a oneOf/anyOf → description of each branch; of an \`if\` → its condition */
export declare const hints: Readonly<Record<string, readonly string[]>>;
/** sections compiled as separate functions: instance path prefix → their schemaPath in the original schema (deepest first) */
export declare const sections: readonly { instance: string; schema: string }[];
`,
);
process.stdout.write(`wrote ${outJs} (${code.length} bytes) and ${outDts}\n`);
