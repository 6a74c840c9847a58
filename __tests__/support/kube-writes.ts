/**
 * What the stand-in API server makes of a write, before anything is stored: the object a create,
 * update, server-side apply or patch would leave, with its field owners and `Warning`s, or the Status
 * a real 1.32 server answers instead (texts from the v1.32.5 sources; ADR 0020).
 */
import { jsonPatch, mergePatch, recordUpdate, serverSideApply, strategicMerge, type JsonPatchOp, type ManagedEntry } from './kube-merge.js';
import type { Obj } from './kube-controller.js';
import { parse as parseYaml } from 'yaml';
import { applyFieldErrors, strictFieldErrors, withoutUnknownFields } from './kube-schema.js';

export interface ResourceDef {
  group: string;
  version: string;
  kind: string;
  plural: string;
  namespaced: boolean;
  shortNames?: string[];
}

export const gv = (r: ResourceDef): string => (r.group ? `${r.group}/${r.version}` : r.version);
/** `deployments.apps`, `secrets`: the resource as errors name it */
export const qualified = (r: ResourceDef): string => (r.group ? `${r.plural}.${r.group}` : r.plural);

/** an answer that is not the object: a Status, with optional `Warning` headers */
export class Answer {
  constructor(
    readonly code: number,
    readonly body: unknown,
    readonly warnings: string[] = [],
  ) {}
}

export function status(code: number, reason: string, message: string, details?: Record<string, unknown>): Record<string, unknown> {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    ...(reason ? { reason } : {}),
    ...(details ? { details } : {}),
    code,
  };
}

export function notFound(def: ResourceDef, name: string): Answer {
  return new Answer(404, status(404, 'NotFound', `${qualified(def)} "${name}" not found`, { name, group: def.group, kind: def.plural }));
}

export function deleted(def: ResourceDef, o: Obj): Answer {
  const details = { name: o.metadata.name, group: def.group, kind: def.plural, uid: o.metadata.uid };
  return new Answer(200, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', details });
}

export function parseBody(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return parseYaml(body);
  }
}

export interface WriteRequest {
  def: ResourceDef;
  /** the namespace on the URL ('' for a cluster-scoped kind) */
  namespace: string;
  method: string;
  /** the media type of the body */
  type: string;
  name?: string;
  body: string;
  query: URLSearchParams;
  /** `fieldManager`, or the user agent's program name as the API server defaults it */
  manager: string;
  existing?: Obj;
  owners: readonly ManagedEntry[];
}

export interface Written {
  next: Obj;
  owners: ManagedEntry[];
  warnings: string[];
}

/** The object a POST, PUT or PATCH leaves (not yet stored), or the Status that refuses it. */
export function decideWrite(w: WriteRequest): Answer | Written {
  if (w.method === 'POST' || w.method === 'PUT') return createOrUpdate(w);
  if (w.method === 'PATCH' && w.name && w.type === 'application/apply-patch+yaml') return apply(w, w.name);
  if (w.method === 'PATCH' && w.name) return patch(w, w.name);
  return new Answer(405, status(405, 'MethodNotAllowed', `${w.method} is not supported here`));
}

/**
 * Unknown fields as the decoder's `fieldValidation` directive says: Strict refuses (`refuse` makes
 * the verb's Status), Warn (the default) warns and drops them, Ignore drops them.
 */
function decoded(o: Obj, query: URLSearchParams, refuse: (errors: string) => Answer): Answer | { object: Obj; warnings: string[] } {
  const unknown = strictFieldErrors(o);
  const validation = query.get('fieldValidation') ?? 'Warn';
  if (validation === 'Strict' && unknown.length > 0) return refuse(`strict decoding error: ${unknown.join(', ')}`);
  return { object: withoutUnknownFields(o), warnings: validation === 'Warn' ? unknown : [] };
}

function createOrUpdate(w: WriteRequest): Answer | Written {
  const { def } = w;
  const d = decoded(
    parseBody(w.body) as Obj,
    w.query,
    (e) => new Answer(400, status(400, 'BadRequest', `${def.kind} in version "${def.version}" cannot be handled as a ${def.kind}: ${e}`)),
  );
  if (d instanceof Answer) return d;
  const name = d.object.metadata.name;
  if (w.method === 'POST' && w.existing)
    return new Answer(
      409,
      status(409, 'AlreadyExists', `${qualified(def)} "${name}" already exists`, { name, group: def.group, kind: def.plural }),
    );
  if (w.method === 'PUT' && !w.existing) return notFound(def, w.name ?? name);
  return { next: d.object, owners: recordUpdate(w.existing, d.object, w.owners, w.manager), warnings: d.warnings };
}

function apply(w: WriteRequest, name: string): Answer | Written {
  const { def } = w;
  if (!w.query.get('fieldManager'))
    return new Answer(
      422,
      status(422, 'Invalid', 'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch', {
        group: 'meta.k8s.io',
        kind: 'PatchOptions',
        causes: [{ reason: 'FieldValueRequired', message: 'Required value: is required for apply patch', field: 'fieldManager' }],
      }),
    );
  const incoming = parseBody(w.body) as Obj;
  if (incoming.kind !== def.kind) return new Answer(400, status(400, 'BadRequest', `the kind ${incoming.kind} does not match ${def.kind}`));
  // the field manager's version check (structured-merge-diff fieldmanager: the patch's version is the URL's)
  if (incoming.apiVersion !== gv(def))
    return new Answer(
      400,
      status(
        400,
        'BadRequest',
        `Incorrect version specified in apply patch. Specified patch version: ${incoming.apiVersion}, expected: ${gv(def)}`,
      ),
    );
  // handlers/rest.go checkName: the object's name and namespace are the URL's
  if (incoming.metadata?.name !== name)
    return new Answer(
      400,
      status(400, 'BadRequest', `the name of the object (${incoming.metadata?.name ?? ''}) does not match the name on the URL (${name})`),
    );
  if (def.namespaced && incoming.metadata.namespace && incoming.metadata.namespace !== w.namespace)
    return new Answer(
      400,
      status(
        400,
        'BadRequest',
        `the namespace of the provided object (${incoming.metadata.namespace}) does not match the namespace sent on the request (${w.namespace})`,
      ),
    );
  // the typed conversion of an apply patch fails on an undeclared field whatever fieldValidation says:
  // a plain error, so a 500 with no reason (structuredmerge.go; kubernetes/kubernetes#122480)
  const typed = applyFieldErrors(incoming);
  if (typed) {
    const gvk = `${def.group ? `${def.group}/` : '/'}${def.version}, Kind=${def.kind}`;
    const nn = `${incoming.metadata.namespace ?? ''}/${incoming.metadata.name}`;
    return new Answer(500, status(500, '', `failed to create typed patch object (${nn}; ${gvk}): ${typed}`));
  }
  const applied = serverSideApply(w.existing, incoming, w.owners, w.manager, w.query.get('force') === 'true');
  if (applied.conflicts.length > 0) {
    const list = applied.conflicts.map((c) => `conflict with "${c.manager}" using ${gv(def)}: ${c.path}`);
    const message = `Apply failed with ${list.length} conflict${list.length > 1 ? 's' : ''}: ${list.join('\n')}`;
    return new Answer(409, status(409, 'Conflict', message, { name, group: def.group, kind: def.plural }));
  }
  return { next: applied.object, owners: applied.managed, warnings: [] };
}

function patch(w: WriteRequest, name: string): Answer | Written {
  if (!w.existing) return notFound(w.def, name);
  if (w.query.has('force'))
    return new Answer(
      422,
      status(422, 'Invalid', 'PatchOptions.meta.k8s.io "" is invalid: force: Forbidden: may not be specified for non-apply patch'),
    );
  const body = JSON.parse(w.body) as unknown;
  let patched: Obj;
  if (w.type === 'application/json-patch+json') patched = jsonPatch(w.existing, body as JsonPatchOp[]);
  else if (w.type === 'application/merge-patch+json') patched = mergePatch(w.existing, body) as Obj;
  else if (w.type === 'application/strategic-merge-patch+json') patched = strategicMerge(w.existing, body);
  else
    return new Answer(
      415,
      status(
        415,
        'UnsupportedMediaType',
        'the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json',
      ),
    );
  const d = decoded(
    patched,
    w.query,
    (e) =>
      new Answer(422, status(422, 'Invalid', ` "" is invalid: patch: Invalid value: ${JSON.stringify(JSON.stringify(patched))}: ${e}`)),
  );
  if (d instanceof Answer) return d;
  return { next: d.object, owners: recordUpdate(w.existing, d.object, w.owners, w.manager), warnings: d.warnings };
}

/**
 * A PersistentVolumeClaim update a real server refuses (core validation ValidatePersistentVolumeClaimUpdate,
 * then the PersistentVolumeClaimResize admission plugin): any spec change but requests, a shrink to or
 * below the capacity, a growth unless the claim's StorageClass has `allowVolumeExpansion: true`. The
 * real 422 goes on with a cmp.Diff of the spec, left out here.
 */
export function claimUpdateRefused(before: Obj, after: Obj, expandable: (storageClass?: string) => boolean): Answer | undefined {
  type Spec = { resources?: { requests?: { storage?: string } } } & Record<string, unknown>;
  const name = before.metadata.name;
  const a = structuredClone((before.spec ?? {}) as Spec);
  const b = structuredClone((after.spec ?? {}) as Spec);
  const was = a.resources?.requests?.storage;
  const now = b.resources?.requests?.storage;
  delete a.resources?.requests;
  delete b.resources?.requests;
  // fields the server set (volumeName, volumeMode) stay when an apply leaves them out
  for (const k of ['volumeName', 'volumeMode']) if (b[k] === undefined) delete a[k];
  const invalid = (field: string, detail: string) =>
    new Answer(
      422,
      status(422, 'Invalid', `PersistentVolumeClaim "${name}" is invalid: ${field}: Forbidden: ${detail}`, {
        name,
        kind: 'PersistentVolumeClaim',
        causes: [{ reason: 'FieldValueForbidden', message: `Forbidden: ${detail}`, field }],
      }),
    );
  if (JSON.stringify(sorted(a)) !== JSON.stringify(sorted(b)))
    return invalid('spec', 'spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims');
  if (was === now || now === undefined) return undefined;
  const capacity = (before.status as { capacity?: { storage?: string } } | undefined)?.capacity?.storage ?? was;
  if (bytes(now) <= bytes(capacity ?? '0')) return invalid('spec.resources.requests.storage', 'field can not be less than status.capacity');
  if (expandable((before.spec as { storageClassName?: string }).storageClassName)) return undefined;
  return new Answer(
    403,
    status(
      403,
      'Forbidden',
      `persistentvolumeclaims "${name}" is forbidden: only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize`,
      { name, kind: 'persistentvolumeclaims' },
    ),
  );
}

function sorted(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sorted);
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.entries(v)
        .sort(([x], [y]) => (x < y ? -1 : 1))
        .map(([k, e]) => [k, sorted(e)]),
    );
  return v;
}

/** a quantity in bytes (the binary and decimal suffixes our sizes use) */
function bytes(q: string): number {
  const m = /^(\d+(?:\.\d+)?)([KMGTPE]i?)?$/.exec(q.trim());
  if (!m) return Number.NaN;
  const units: Record<string, number> = {
    K: 1e3,
    M: 1e6,
    G: 1e9,
    T: 1e12,
    P: 1e15,
    E: 1e18,
    Ki: 2 ** 10,
    Mi: 2 ** 20,
    Gi: 2 ** 30,
    Ti: 2 ** 40,
    Pi: 2 ** 50,
    Ei: 2 ** 60,
  };
  return Number(m[1]) * (m[2] ? units[m[2]]! : 1);
}
