/**
 * The Kubernetes 1.32 API schemas for the stand-in API server (ADR 0020): every field of every kind
 * it serves, read from the models npm `@kubernetes/client-node` 1.1.2 generated from the 1.32.0
 * OpenAPI document (`attributeTypeMap`: name, wire name, type; `.d.ts`: which fields are required).
 * From them:
 * - the two ways a real API server rejects a field it does not know, with its own text:
 *   server-side apply (structured-merge-diff, whatever `fieldValidation` says) and strict JSON
 *   decoding (create/update/patch under `fieldValidation=Strict`);
 * - the OpenAPI v2 document as protobuf (`/openapi/v2`), so kubectl's own client-side validation of
 *   a `kind: List` runs against these definitions as it would against a real server;
 * - field paths with list-map keys, which the stand-in's server-side apply uses for field ownership.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as generated from '@kubernetes/client-node/dist/gen/models/ObjectSerializer.js';

interface Attribute {
  name: string;
  baseName: string;
  type: string;
  format: string;
}
type ModelClass = { getAttributeTypeMap(): Attribute[] };
const MODELS = generated as unknown as Record<string, ModelClass | undefined>;
const CLIENT_NODE_DIR = dirname(createRequire(import.meta.url).resolve('@kubernetes/client-node/package.json'));
const MODELS_DIR = join(CLIENT_NODE_DIR, 'dist/gen/models');
/** kubernetes-models exports no package.json: found beside client-node in the same node_modules */
const NODE_MODULES = join(CLIENT_NODE_DIR, '..', '..');

/** What a field holds. */
export type FieldType =
  | { kind: 'model'; model: string }
  | { kind: 'array'; of: FieldType }
  | { kind: 'map'; of: FieldType }
  | { kind: 'primitive'; type: 'string' | 'integer' | 'number' | 'boolean'; format?: string }
  | { kind: 'any' };

export interface Field {
  /** the name on the wire */
  name: string;
  type: FieldType;
  required: boolean;
}

function fieldType(type: string, format: string): FieldType {
  const array = /^Array<(.+)>$/.exec(type);
  if (array) return { kind: 'array', of: fieldType(array[1]!, format === 'int64' || format === 'int32' ? format : '') };
  const map = /^\{ \[key: string\]: (.+); \}$/.exec(type);
  if (map) return { kind: 'map', of: fieldType(map[1]!, format) };
  if (MODELS[type]) return { kind: 'model', model: type };
  switch (type) {
    case 'string':
      return { kind: 'primitive', type: 'string', ...(format ? { format } : {}) };
    case 'Date':
      return { kind: 'primitive', type: 'string', format: 'date-time' };
    case 'V1MicroTime':
      return { kind: 'primitive', type: 'string', format: 'date-time' };
    case 'IntOrString':
      return { kind: 'primitive', type: 'string', format: 'int-or-string' };
    case 'number':
      return format === 'int32' || format === 'int64'
        ? { kind: 'primitive', type: 'integer', format }
        : { kind: 'primitive', type: 'number' };
    case 'boolean':
      return { kind: 'primitive', type: 'boolean' };
    case 'any':
    case 'object':
      return { kind: 'any' };
  }
  throw new Error(`kube-schema: no mapping for the client-node type "${type}"`);
}

const fieldCache = new Map<string, Map<string, Field>>();

/** The fields of a model by wire name (required from the model's `.d.ts`: a property without `?`). */
export function fieldsOf(model: string): Map<string, Field> {
  const cached = fieldCache.get(model);
  if (cached) return cached;
  const cls = MODELS[model];
  if (!cls) throw new Error(`kube-schema: @kubernetes/client-node has no model ${model}`);
  const declared = readFileSync(join(MODELS_DIR, `${model}.d.ts`), 'utf8');
  const required = new Set([...declared.matchAll(/^\s+'([^']+)': /gm)].map((m) => m[1]!));
  const fields = new Map<string, Field>();
  for (const a of cls.getAttributeTypeMap())
    fields.set(a.baseName, { name: a.baseName, type: fieldType(a.type, a.format), required: required.has(a.name) });
  fieldCache.set(model, fields);
  return fields;
}

/** The model of a top-level kind, e.g. `apps/v1` `Deployment` → `V1Deployment` (`CoreV1Event` for core Events). */
export function rootModel(apiVersion: string, kind: string): string | undefined {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  const v = version!.charAt(0).toUpperCase() + version!.slice(1);
  const prefixed = `${group === '' ? 'Core' : group!.split('.')[0]!.replace(/^./, (c) => c.toUpperCase())}${v}${kind}`;
  if (MODELS[prefixed]) return prefixed;
  return MODELS[`${v}${kind}`] ? `${v}${kind}` : undefined;
}

/**
 * List-map keys (`+listType=map` / `+listMapKey`) of the list fields our objects use, from
 * `k8s.io/api@v0.32.5` core/v1, apps/v1 and apimachinery meta/v1 types.go. Every other list is
 * atomic: its elements are addressed by index.
 */
export const LIST_MAP_KEYS: Record<string, readonly string[]> = {
  'V1Container.ports': ['containerPort', 'protocol'],
  'V1Container.env': ['name'],
  'V1Container.volumeMounts': ['mountPath'],
  'V1Container.volumeDevices': ['devicePath'],
  'V1Container.resizePolicy': ['resourceName'],
  'V1ResourceRequirements.claims': ['name'],
  'V1PodSpec.volumes': ['name'],
  'V1PodSpec.initContainers': ['name'],
  'V1PodSpec.containers': ['name'],
  'V1PodSpec.ephemeralContainers': ['name'],
  'V1PodSpec.imagePullSecrets': ['name'],
  'V1PodSpec.hostAliases': ['ip'],
  'V1PodSpec.topologySpreadConstraints': ['topologyKey', 'whenUnsatisfiable'],
  'V1PodSpec.schedulingGates': ['name'],
  'V1PodSpec.resourceClaims': ['name'],
  'V1ServiceSpec.ports': ['port', 'protocol'],
  'V1ObjectMeta.ownerReferences': ['uid'],
  'V1DeploymentStatus.conditions': ['type'],
  'V1ReplicaSetStatus.conditions': ['type'],
  'V1PersistentVolumeClaimStatus.conditions': ['type'],
  'V1NamespaceStatus.conditions': ['type'],
  'V1PodStatus.conditions': ['type'],
};

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Go's `%v` of a list-map key value in structured-merge-diff paths: strings quoted, numbers bare. */
const keyText = (v: unknown): string => (typeof v === 'string' ? JSON.stringify(v) : String(v));

/**
 * What a real 1.32 server answers to a server-side apply with fields its schema does not declare: the
 * typed conversion fails (structured-merge-diff v4.4.2 typed/validate.go: the walk of a map stops at
 * its first undeclared key; Go's map order is random, so of two typos in one map only one is named —
 * here the first in sorted order, one of the real outcomes). '' when every field is declared.
 */
export function applyFieldErrors(o: Record<string, unknown>): string {
  const model = rootModel(String(o.apiVersion ?? ''), String(o.kind ?? ''));
  if (!model) return '';
  const errors: string[] = [];
  const walk = (v: unknown, t: FieldType, path: string, owner: string): void => {
    if (v === null || v === undefined) return;
    if (t.kind === 'array' && Array.isArray(v)) {
      const keys = LIST_MAP_KEYS[owner];
      v.forEach((e, i) => {
        const at = keys && isMap(e) ? `[${keys.map((k) => `${k}=${keyText(e[k])}`).join(',')}]` : `[${i}]`;
        walk(e, t.of, `${path}${at}`, '');
      });
    } else if (t.kind === 'map' && isMap(v)) {
      for (const k of Object.keys(v).sort()) walk(v[k], t.of, `${path}.${k}`, '');
    } else if (t.kind === 'model' && isMap(v)) {
      const fields = fieldsOf(t.model);
      for (const k of Object.keys(v).sort()) {
        const f = fields.get(k);
        if (!f) {
          errors.push(`${path}.${k}: field not declared in schema`);
          return;
        }
        walk(v[k], f.type, `${path}.${k}`, `${t.model}.${k}`);
      }
    }
  };
  walk(o, { kind: 'model', model }, '', '');
  return errors.length === 0 ? '' : errors.length === 1 ? errors[0]! : ['errors:', ...errors.map((e) => `  ${e}`)].join('\n');
}

/**
 * What strict JSON decoding reports (sigs.k8s.io/json: `unknown field "<path>"`, paths without a
 * leading dot, list elements by index), in the order the fields appear in the body.
 */
export function strictFieldErrors(o: Record<string, unknown>): string[] {
  const model = rootModel(String(o.apiVersion ?? ''), String(o.kind ?? ''));
  if (!model) return [];
  const errors: string[] = [];
  const walk = (v: unknown, t: FieldType, path: string): void => {
    if (v === null || v === undefined) return;
    const join = (k: string) => (path ? `${path}.${k}` : k);
    if (t.kind === 'array' && Array.isArray(v)) v.forEach((e, i) => walk(e, t.of, `${path}[${i}]`));
    else if (t.kind === 'map' && isMap(v)) for (const [k, e] of Object.entries(v)) walk(e, t.of, join(k));
    else if (t.kind === 'model' && isMap(v)) {
      const fields = fieldsOf(t.model);
      for (const [k, e] of Object.entries(v)) {
        const f = fields.get(k);
        if (f) walk(e, f.type, join(k));
        else errors.push(`unknown field ${JSON.stringify(join(k))}`);
      }
    }
  };
  walk(o, { kind: 'model', model }, '');
  return errors;
}

/** The object as a real server stores it after a non-strict decode: the fields its schema does not declare dropped. */
export function withoutUnknownFields<T extends Record<string, unknown>>(o: T): T {
  const model = rootModel(String(o.apiVersion ?? ''), String(o.kind ?? ''));
  if (!model) return o;
  const prune = (v: unknown, t: FieldType): unknown => {
    if (t.kind === 'array' && Array.isArray(v)) return v.map((e) => prune(e, t.of));
    if (t.kind === 'map' && isMap(v)) return Object.fromEntries(Object.entries(v).map(([k, e]) => [k, prune(e, t.of)]));
    if (t.kind === 'model' && isMap(v)) {
      const fields = fieldsOf(t.model);
      return Object.fromEntries(Object.entries(v).flatMap(([k, e]) => (fields.has(k) ? [[k, prune(e, fields.get(k)!.type)]] : [])));
    }
    return v;
  };
  return prune(o, { kind: 'model', model }) as T;
}

/** A field path for ownership: map keys, and `{k:…}` list-map keys or `[i]` for atomic lists (which are one leaf). */
export type PathSegment = string | { key: Record<string, unknown> };

/**
 * The leaves of an object as server-side apply tracks them (a simplification of fieldsV1): a scalar,
 * an empty map, an atomic list, or a map key of a free-form map; list-map elements are descended by
 * their keys. Untyped parts (unknown kinds) are leaves at their top-level field.
 */
export function leaves(o: Record<string, unknown>): PathSegment[][] {
  const model = rootModel(String(o.apiVersion ?? ''), String(o.kind ?? ''));
  const out: PathSegment[][] = [];
  const walk = (v: unknown, t: FieldType | undefined, path: PathSegment[], owner: string): void => {
    if (t?.kind === 'array' && Array.isArray(v) && LIST_MAP_KEYS[owner]) {
      const keys = LIST_MAP_KEYS[owner]!;
      for (const e of v) {
        if (!isMap(e)) continue;
        const key = Object.fromEntries(keys.filter((k) => k in e).map((k) => [k, e[k]]));
        walk(e, t.of, [...path, { key }], '');
      }
      return;
    }
    if (isMap(v) && Object.keys(v).length > 0 && (t?.kind === 'model' || t?.kind === 'map')) {
      for (const [k, e] of Object.entries(v)) {
        const f = t.kind === 'model' ? fieldsOf(t.model).get(k)?.type : t.of;
        walk(e, f, [...path, k], t.kind === 'model' ? `${t.model}.${k}` : '');
      }
      return;
    }
    out.push(path);
  };
  if (model) walk(o, { kind: 'model', model }, [], '');
  else for (const k of Object.keys(o)) out.push([k]);
  return out;
}

// ---- OpenAPI v2 as kubectl reads it (gnostic OpenAPIv2.proto, protobuf wire format) ----------------

/**
 * The package a model's definition lives in, from the folders of npm `kubernetes-models` (generated
 * from the upstream OpenAPI document, one folder per group and version): `V1DeploymentSpec` is
 * `apps/v1/DeploymentSpec` there, so its definition is `io.k8s.api.apps.v1.DeploymentSpec`.
 */
export function definitionName(model: string): string {
  const m = /^(?:Core|Events|Apps|Networking|Coordination|Storage)?(V\d+(?:(?:alpha|beta)\d+)?)(.+)$/.exec(model);
  if (!m) throw new Error(`kube-schema: cannot name the definition of ${model}`);
  const version = m[1]!.toLowerCase();
  const name = m[2]!;
  const found: string[] = [];
  if (existsSync(join(APIMACHINERY_DIR, 'apis/meta', version, `${name}.js`)))
    found.push(`io.k8s.apimachinery.pkg.apis.meta.${version}.${name}`);
  for (const group of GROUP_FOLDERS) {
    if (existsSync(join(MODELS_PACKAGE_DIR, group, version, `${name}.js`)))
      found.push(`io.k8s.api.${group === '' ? 'core' : group.split('.')[0]}.${version}.${name}`);
  }
  const prefixed = /^(Core|Events|Apps|Networking|Coordination|Storage)V/.exec(model)?.[1]?.toLowerCase();
  const chosen = prefixed ? found.filter((f) => f.startsWith(`io.k8s.api.${prefixed}.`)) : found;
  if (chosen.length !== 1)
    throw new Error(`kube-schema: ${model} is in ${chosen.length} packages of kubernetes-models (${chosen.join(', ')})`);
  return chosen[0]!;
}

/** the kubernetes-models folders of the groups the stand-in serves ('' = core `v1/`) */
const GROUP_FOLDERS = ['', 'apps', 'networking.k8s.io', 'coordination.k8s.io', 'storage.k8s.io'];
const MODELS_PACKAGE_DIR = join(NODE_MODULES, 'kubernetes-models');
const APIMACHINERY_DIR = join(NODE_MODULES, '@kubernetes-models', 'apimachinery');

interface GvkRoot {
  group: string;
  version: string;
  kind: string;
}

const rootOf = (r: GvkRoot): string => {
  const model = rootModel(r.group ? `${r.group}/${r.version}` : r.version, r.kind);
  if (!model) throw new Error(`kube-schema: no model for ${r.group}/${r.version} ${r.kind}`);
  return model;
};

/** Every model reachable from the roots. */
function reachable(roots: readonly GvkRoot[]): Set<string> {
  const out = new Set<string>();
  const visit = (t: FieldType): void => {
    if (t.kind === 'array' || t.kind === 'map') return visit(t.of);
    if (t.kind !== 'model' || out.has(t.model)) return;
    out.add(t.model);
    for (const f of fieldsOf(t.model).values()) visit(f.type);
  };
  for (const r of roots) visit({ kind: 'model', model: rootOf(r) });
  return out;
}

function varint(n: number): Buffer {
  const bytes: number[] = [];
  do {
    let b = n & 0x7f;
    n = Math.floor(n / 128);
    if (n > 0) b |= 0x80;
    bytes.push(b);
  } while (n > 0);
  return Buffer.from(bytes);
}
/** a length-delimited field (wire type 2): strings and embedded messages */
const ld = (field: number, payload: Buffer | string): Buffer => {
  const p = typeof payload === 'string' ? Buffer.from(payload, 'utf8') : payload;
  return Buffer.concat([varint((field << 3) | 2), varint(p.length), p]);
};

// field numbers of gnostic's openapiv2/OpenAPIv2.proto
const SCHEMA = { ref: 1, format: 2, required: 19, additionalProperties: 21, type: 22, items: 23, properties: 25, vendorExtension: 31 };
const typeItem = (t: string) => ld(SCHEMA.type, ld(1, t));
const namedSchema = (name: string, schema: Buffer) => Buffer.concat([ld(1, name), ld(2, schema)]);

function encodeType(t: FieldType): Buffer {
  switch (t.kind) {
    case 'model':
      return ld(SCHEMA.ref, `#/definitions/${definitionName(t.model)}`);
    case 'array':
      return Buffer.concat([typeItem('array'), ld(SCHEMA.items, ld(1, encodeType(t.of)))]);
    case 'map':
      return Buffer.concat([typeItem('object'), ld(SCHEMA.additionalProperties, ld(1, encodeType(t.of)))]);
    case 'primitive':
      return Buffer.concat([typeItem(t.type), t.format ? ld(SCHEMA.format, t.format) : Buffer.alloc(0)]);
    case 'any':
      return Buffer.alloc(0);
  }
}

function encodeModel(model: string, gvk?: GvkRoot): Buffer {
  const fields = [...fieldsOf(model).values()];
  const parts = [
    typeItem('object'),
    ld(SCHEMA.properties, Buffer.concat(fields.map((f) => ld(1, namedSchema(f.name, encodeType(f.type)))))),
    ...fields.filter((f) => f.required).map((f) => ld(SCHEMA.required, f.name)),
  ];
  if (gvk) {
    const yaml = `- group: ${JSON.stringify(gvk.group)}\n  kind: ${gvk.kind}\n  version: ${gvk.version}\n`;
    parts.push(ld(SCHEMA.vendorExtension, Buffer.concat([ld(1, 'x-kubernetes-group-version-kind'), ld(2, ld(2, yaml))])));
  }
  return Buffer.concat(parts);
}

let v2Cache: { key: string; doc: Buffer } | undefined;

/**
 * `/openapi/v2` as `application/com.github.proto-openapi.spec.v2@v1.0+protobuf`: a definition per
 * model reachable from `roots`, the roots tagged with `x-kubernetes-group-version-kind`. kubectl
 * validates each item of a `kind: List` against it before sending anything (kubectl
 * pkg/validation/validation.go), exactly as against a real server's document.
 */
export function openapiV2(roots: readonly GvkRoot[]): Buffer {
  const key = JSON.stringify(roots);
  if (v2Cache?.key === key) return v2Cache.doc;
  const gvkOf = new Map(roots.map((r) => [rootOf(r), r] as const));
  const names = new Set<string>();
  const definitions = [...reachable(roots)].map((model) => {
    const name = definitionName(model);
    if (names.has(name)) throw new Error(`kube-schema: two models named ${name}`);
    names.add(name);
    return ld(1, namedSchema(name, encodeModel(model, gvkOf.get(model))));
  });
  const doc = Buffer.concat([
    ld(1, '2.0'),
    ld(2, Buffer.concat([ld(1, 'Kubernetes'), ld(2, 'v1.32.0')])),
    ld(8, Buffer.alloc(0)),
    ld(9, Buffer.concat(definitions)),
  ]);
  v2Cache = { key, doc };
  return doc;
}
