/**
 * How the stand-in API server changes a stored object, as a real 1.32 server does for the requests
 * kubectl sends (ADR 0020):
 * - server-side apply with field ownership: each manager owns the leaves it applied or changed
 *   (`metadata.managedFields`); an apply removes what its manager applied before and no longer
 *   applies, unless another manager owns it, and never touches fields only others own — so the
 *   `kubectl.kubernetes.io/restartedAt` annotation that `rollout restart` set survives the next apply;
 * - strategic merge patch (`rollout restart`): maps merged, `null` deletes, lists with a patch merge
 *   key merged by that key, other lists replaced, the `$patch` / `$retainKeys` / `$setElementOrder` /
 *   `$deleteFromPrimitiveList` directives (apimachinery pkg/util/strategicpatch/patch.go);
 * - JSON patch (`rollout undo`) and JSON merge patch.
 * Ownership is tracked per leaf (a simplification of fieldsV1: list-map elements by their keys,
 * atomic lists whole), which is what decides every case our calls reach.
 */
import { fieldsOf, leaves, LIST_MAP_KEYS, rootModel, type FieldType, type PathSegment } from './kube-schema.js';

export type KubeObject = Record<string, unknown> & {
  apiVersion?: string;
  kind?: string;
  metadata: Record<string, unknown> & { name: string; namespace?: string; annotations?: Record<string, string> };
};

export interface ManagedEntry {
  manager: string;
  operation: 'Apply' | 'Update';
  apiVersion: string;
  time: string;
  /** leaf paths, each `JSON.stringify(PathSegment[])` */
  paths: Set<string>;
}

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** set by the server, never owned by a manager */
const SERVER_FIELDS = new Set([
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'managedFields',
  'selfLink',
  'name',
  'namespace',
]);

function ownedLeaves(o: KubeObject): Map<string, PathSegment[]> {
  const out = new Map<string, PathSegment[]>();
  for (const p of leaves(o)) {
    if (p[0] === 'apiVersion' || p[0] === 'kind' || p[0] === 'status') continue;
    if (p[0] === 'metadata' && typeof p[1] === 'string' && SERVER_FIELDS.has(p[1])) continue;
    out.set(JSON.stringify(p), p);
  }
  return out;
}

function matchesKey(e: unknown, key: Record<string, unknown>): boolean {
  return isMap(e) && Object.entries(key).every(([k, v]) => same(e[k], v));
}

export function valueAt(o: unknown, path: readonly PathSegment[]): unknown {
  let cur = o;
  for (const seg of path) {
    if (typeof seg === 'string') cur = isMap(cur) ? cur[seg] : undefined;
    else cur = Array.isArray(cur) ? cur.find((e) => matchesKey(e, seg.key)) : undefined;
    if (cur === undefined) return undefined;
  }
  return cur;
}

/** remove a leaf, then the maps and list elements it leaves empty (or holding only their keys) */
function removeAt(o: Record<string, unknown>, path: readonly PathSegment[]): void {
  if (path.length === 0) return;
  const parent = valueAt(o, path.slice(0, -1));
  const last = path[path.length - 1]!;
  if (typeof last === 'string' && isMap(parent)) delete parent[last];
  else if (typeof last !== 'string' && Array.isArray(parent)) {
    const i = parent.findIndex((e) => matchesKey(e, last.key));
    if (i >= 0) parent.splice(i, 1);
  }
  const rest = path.slice(0, -1);
  const container = valueAt(o, rest);
  const keyOnly = (v: unknown) =>
    isMap(v) &&
    typeof rest[rest.length - 1] === 'object' &&
    Object.keys(v).every((k) => k in (rest[rest.length - 1] as { key: object }).key);
  const empty = (isMap(container) || Array.isArray(container)) && Object.keys(container).length === 0;
  if (rest.length > 0 && (empty || keyOnly(container))) removeAt(o, rest);
}

function typeOfField(t: FieldType | undefined, key: string): { type: FieldType | undefined; owner: string } {
  if (t?.kind === 'model') return { type: fieldsOf(t.model).get(key)?.type, owner: `${t.model}.${key}` };
  if (t?.kind === 'map') return { type: t.of, owner: '' };
  return { type: undefined, owner: '' };
}

/** the applied configuration merged into the live object: maps recursively, list-map lists by key, the rest replaced */
function mergeApplied(live: unknown, applied: unknown, t: FieldType | undefined, owner: string): unknown {
  if (isMap(applied) && isMap(live)) {
    const out: Record<string, unknown> = { ...live };
    for (const [k, v] of Object.entries(applied)) {
      const f = typeOfField(t, k);
      out[k] = mergeApplied(live[k], v, f.type, f.owner);
    }
    return out;
  }
  const keys = LIST_MAP_KEYS[owner];
  if (keys && Array.isArray(applied) && Array.isArray(live) && t?.kind === 'array') {
    const out = [...live];
    for (const item of applied) {
      if (!isMap(item)) continue;
      const key = Object.fromEntries(keys.filter((k) => k in item).map((k) => [k, item[k]]));
      const i = out.findIndex((e) => matchesKey(e, key));
      if (i >= 0) out[i] = mergeApplied(out[i], item, t.of, '');
      else out.push(structuredClone(item));
    }
    return out;
  }
  return structuredClone(applied);
}

function modelType(o: KubeObject): FieldType | undefined {
  const model = rootModel(String(o.apiVersion ?? ''), String(o.kind ?? ''));
  return model ? { kind: 'model', model } : undefined;
}

export interface ApplyResult {
  object: KubeObject;
  managed: ManagedEntry[];
  /** fields another manager owns with a different value (only without `force`) */
  conflicts: { manager: string; path: string }[];
}

/** A server-side apply by `manager` of `applied` over `live` (undefined: a create). */
export function serverSideApply(
  live: KubeObject | undefined,
  applied: KubeObject,
  managed: readonly ManagedEntry[],
  manager: string,
  force: boolean,
  now = new Date().toISOString(),
): ApplyResult {
  const mine = ownedLeaves(applied);
  const entries = managed.map((e) => ({ ...e, paths: new Set(e.paths) }));
  const others = entries.filter((e) => !(e.manager === manager && e.operation === 'Apply'));
  const conflicts: ApplyResult['conflicts'] = [];
  if (live) {
    for (const [key, path] of mine) {
      if (same(valueAt(live, path), valueAt(applied, path))) continue;
      for (const e of others) {
        if (!e.paths.has(key)) continue;
        if (force) e.paths.delete(key);
        else conflicts.push({ manager: e.manager, path: pathText(path) });
      }
    }
  }
  if (conflicts.length > 0) return { object: live!, managed: [...managed], conflicts };
  const result = structuredClone(live ?? { metadata: { name: applied.metadata.name } }) as KubeObject;
  const previous = entries.find((e) => e.manager === manager && e.operation === 'Apply')?.paths ?? new Set<string>();
  const otherPaths = new Set(others.flatMap((e) => [...e.paths]));
  for (const key of previous) if (!mine.has(key) && !otherPaths.has(key)) removeAt(result, JSON.parse(key) as PathSegment[]);
  const merged = mergeApplied(result, applied, modelType(applied), '') as KubeObject;
  const entry: ManagedEntry = {
    manager,
    operation: 'Apply',
    apiVersion: String(applied.apiVersion ?? ''),
    time: now,
    paths: new Set(mine.keys()),
  };
  const kept = entries.filter((e) => !(e.manager === manager && e.operation === 'Apply') && e.paths.size > 0);
  return { object: merged, managed: [...kept, entry], conflicts: [] };
}

/** Ownership after a non-apply write (create, update, patch) by `manager`: it owns what it changed. */
export function recordUpdate(
  before: KubeObject | undefined,
  after: KubeObject,
  managed: readonly ManagedEntry[],
  manager: string,
  now = new Date().toISOString(),
): ManagedEntry[] {
  const next = ownedLeaves(after);
  const prev = before ? ownedLeaves(before) : new Map<string, PathSegment[]>();
  const changed = [...next].filter(([, p]) => !before || !same(valueAt(before, p), valueAt(after, p))).map(([k]) => k);
  const removed = [...prev.keys()].filter((k) => !next.has(k));
  const entries = managed.map((e) => ({ ...e, paths: new Set([...e.paths].filter((k) => !removed.includes(k) && !changed.includes(k))) }));
  if (changed.length === 0) return entries.filter((e) => e.paths.size > 0);
  const own = entries.find((e) => e.manager === manager && e.operation === 'Update');
  if (own) {
    for (const k of changed) own.paths.add(k);
    own.time = now;
  } else entries.push({ manager, operation: 'Update', apiVersion: String(after.apiVersion ?? ''), time: now, paths: new Set(changed) });
  return entries.filter((e) => e.paths.size > 0);
}

/** `.spec.template.spec.containers[name="sindri"].image`, as conflicts and typed errors print paths */
function pathText(path: readonly PathSegment[]): string {
  return path
    .map((s) =>
      typeof s === 'string'
        ? `.${s}`
        : `[${Object.entries(s.key)
            .map(([k, v]) => `${k}=${typeof v === 'string' ? JSON.stringify(v) : String(v)}`)
            .join(',')}]`,
    )
    .join('');
}

/** `metadata.managedFields` as a real server prints them (FieldsV1: `f:<field>`, `k:<key JSON>`, `.` for an element itself). */
export function managedFieldsOf(managed: readonly ManagedEntry[]): Record<string, unknown>[] {
  return managed.map((e) => {
    const tree: Record<string, unknown> = {};
    for (const key of e.paths) {
      let cur = tree;
      for (const seg of JSON.parse(key) as PathSegment[]) {
        const name =
          typeof seg === 'string'
            ? `f:${seg}`
            : `k:${JSON.stringify(Object.fromEntries(Object.entries(seg.key).sort(([a], [b]) => (a < b ? -1 : 1))))}`;
        cur = (cur[name] ??= typeof seg === 'string' ? {} : { '.': {} }) as Record<string, unknown>;
      }
    }
    return { manager: e.manager, operation: e.operation, apiVersion: e.apiVersion, time: e.time, fieldsType: 'FieldsV1', fieldsV1: tree };
  });
}

// ---- patches ------------------------------------------------------------------------------------

/** patch merge keys (`patchMergeKey`) of k8s.io/api@v0.32.5 for the lists our objects use */
const PATCH_MERGE_KEYS: Record<string, string> = {
  'V1PodSpec.containers': 'name',
  'V1PodSpec.initContainers': 'name',
  'V1PodSpec.ephemeralContainers': 'name',
  'V1PodSpec.volumes': 'name',
  'V1PodSpec.imagePullSecrets': 'name',
  'V1PodSpec.hostAliases': 'ip',
  'V1PodSpec.topologySpreadConstraints': 'topologyKey',
  'V1PodSpec.schedulingGates': 'name',
  'V1PodSpec.resourceClaims': 'name',
  'V1Container.ports': 'containerPort',
  'V1Container.env': 'name',
  'V1Container.volumeMounts': 'mountPath',
  'V1Container.volumeDevices': 'devicePath',
  'V1ServiceSpec.ports': 'port',
  'V1ObjectMeta.ownerReferences': 'uid',
  'V1DeploymentStatus.conditions': 'type',
};

/** A strategic merge patch of `target` (a typed object): see the header. */
export function strategicMerge(target: KubeObject, patch: unknown): KubeObject {
  return smpMap(target, patch, modelType(target)) as KubeObject;
}

function smpMap(target: unknown, patch: unknown, t: FieldType | undefined): unknown {
  if (!isMap(patch)) return patch;
  if (patch.$patch === 'replace') {
    const rest = { ...patch };
    delete rest.$patch;
    return rest;
  }
  if (patch.$patch === 'delete') return undefined;
  const out: Record<string, unknown> = isMap(target) ? { ...target } : {};
  const retain = Array.isArray(patch.$retainKeys) ? new Set(patch.$retainKeys as string[]) : undefined;
  for (const [k, v] of Object.entries(patch)) {
    if (k === '$retainKeys' || k.startsWith('$setElementOrder/')) continue;
    if (k.startsWith('$deleteFromPrimitiveList/')) {
      const field = k.slice('$deleteFromPrimitiveList/'.length);
      if (Array.isArray(out[field])) out[field] = (out[field] as unknown[]).filter((e) => !(v as unknown[]).includes(e));
      continue;
    }
    const f = typeOfField(t, k);
    if (v === null) delete out[k];
    else if (Array.isArray(v)) out[k] = smpList(out[k], v, f.type, PATCH_MERGE_KEYS[f.owner]);
    else {
      const merged = smpMap(out[k], v, f.type);
      if (merged === undefined) delete out[k];
      else out[k] = merged;
    }
  }
  if (retain) for (const k of Object.keys(out)) if (!retain.has(k)) delete out[k];
  for (const [k, order] of Object.entries(patch)) {
    const field = k.startsWith('$setElementOrder/') ? k.slice('$setElementOrder/'.length) : '';
    const key = PATCH_MERGE_KEYS[typeOfField(t, field).owner];
    if (!field || !Array.isArray(out[field]) || !key) continue;
    const rank = (e: unknown) => (order as Record<string, unknown>[]).findIndex((o) => isMap(e) && same(o[key], e[key]));
    out[field] = [...(out[field] as unknown[])].sort((a, b) => rank(a) - rank(b));
  }
  return out;
}

function smpList(target: unknown, patch: unknown[], t: FieldType | undefined, key: string | undefined): unknown[] {
  if (patch.some((e) => isMap(e) && e.$patch === 'replace')) return patch.filter((e) => !(isMap(e) && e.$patch === 'replace'));
  if (!key || !Array.isArray(target)) return patch.filter((e) => !(isMap(e) && e.$patch === 'delete'));
  const out = [...target];
  const elementType = t?.kind === 'array' ? t.of : undefined;
  for (const e of patch) {
    if (!isMap(e)) continue;
    const i = out.findIndex((x) => isMap(x) && same(x[key], e[key]));
    if (e.$patch === 'delete') {
      if (i >= 0) out.splice(i, 1);
    } else if (i >= 0) out[i] = smpMap(out[i], e, elementType);
    else out.push(smpMap({}, e, elementType));
  }
  return out;
}

export type JsonPatchOp = { op: 'add' | 'replace' | 'remove' | 'test' | 'copy' | 'move'; path: string; value?: unknown; from?: string };

/** RFC 6902 (what `rollout undo` sends: `replace` of /spec/template and /metadata/annotations) */
export function jsonPatch<T>(o: T, ops: readonly JsonPatchOp[]): T {
  const out = structuredClone(o) as Record<string, unknown>;
  const split = (p: string) =>
    p
      .split('/')
      .slice(1)
      .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  for (const op of ops) {
    const parts = split(op.path);
    let cur = out as Record<string, unknown> | unknown[];
    for (const part of parts.slice(0, -1)) cur = (cur as Record<string, unknown>)[part] as Record<string, unknown>;
    if (cur === undefined) throw new Error(`the server rejected our request due to an error in our request`);
    const last = parts[parts.length - 1]!;
    if (op.op === 'remove') {
      if (Array.isArray(cur)) cur.splice(Number(last), 1);
      else delete cur[last];
    } else if (op.op === 'add' && Array.isArray(cur)) cur.splice(last === '-' ? cur.length : Number(last), 0, op.value);
    else if (op.op === 'add' || op.op === 'replace') (cur as Record<string, unknown>)[last] = op.value;
  }
  return out as T;
}

/** RFC 7386 */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isMap(patch)) return patch;
  const out: Record<string, unknown> = isMap(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}
