/**
 * A loopback stand-in for kube-apiserver, for CONTRACT tests of the kubernetes provider with the REAL
 * `kubectl`. No real API server can run on these machines (no etcd, no kubelet, no container
 * network), so this answers the wire protocol kubectl speaks, with shapes taken from the Kubernetes
 * API and from kubectl's own source:
 * - discovery (`/api`, `/apis`, `/api/v1`, `/apis/<group>/<version>`: legacy, not aggregated) and `/version`;
 * - `/openapi/v3` and one document per group-version with a PATCH operation per kind carrying
 *   `x-kubernetes-group-version-kind` and the `fieldValidation` parameter: kubectl's
 *   queryParamVerifierV3 then leaves validation to the server (no full schemas needed, and the
 *   product never passes --validate=false);
 * - GET / LIST (`<Kind>List`, `labelSelector`, `fieldSelector` on dotted fields), WATCH (JSON event
 *   stream), server-side apply (`application/apply-patch+yaml`), JSON patch (rollout undo), merge
 *   patch, create, DELETE (owned ReplicaSets and a namespace's objects go with it);
 * - a deployment controller in miniature: every template change makes or reuses a ReplicaSet owned
 *   by the Deployment with `deployment.kubernetes.io/revision`, and sets the Deployment's status,
 *   so `kubectl rollout status`, `rollout undo` and `describe` run their real code. `neverReady`
 *   (a predicate on the image) keeps a rollout at 0 available replicas, with a BackOff event.
 * Every request is logged (method, path, query, content type, body) for the tests to inspect.
 * Listens on 127.0.0.1 port 0 only.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { parse as parseYaml, stringify } from 'yaml';

type Obj = Record<string, unknown> & {
  apiVersion?: string;
  kind?: string;
  metadata: Record<string, unknown> & {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    uid?: string;
    generation?: number;
    resourceVersion?: string;
    ownerReferences?: { uid: string; kind: string; name: string; controller?: boolean }[];
  };
};

interface ResourceDef {
  group: string;
  version: string;
  kind: string;
  plural: string;
  namespaced: boolean;
  shortNames?: string[];
}

const VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
export const RESOURCES: ResourceDef[] = [
  { group: '', version: 'v1', kind: 'Namespace', plural: 'namespaces', namespaced: false, shortNames: ['ns'] },
  { group: '', version: 'v1', kind: 'Service', plural: 'services', namespaced: true, shortNames: ['svc'] },
  { group: '', version: 'v1', kind: 'Secret', plural: 'secrets', namespaced: true },
  { group: '', version: 'v1', kind: 'PersistentVolumeClaim', plural: 'persistentvolumeclaims', namespaced: true, shortNames: ['pvc'] },
  { group: '', version: 'v1', kind: 'ConfigMap', plural: 'configmaps', namespaced: true, shortNames: ['cm'] },
  { group: '', version: 'v1', kind: 'Pod', plural: 'pods', namespaced: true, shortNames: ['po'] },
  { group: '', version: 'v1', kind: 'Event', plural: 'events', namespaced: true, shortNames: ['ev'] },
  { group: 'apps', version: 'v1', kind: 'Deployment', plural: 'deployments', namespaced: true, shortNames: ['deploy'] },
  { group: 'apps', version: 'v1', kind: 'ReplicaSet', plural: 'replicasets', namespaced: true, shortNames: ['rs'] },
  { group: 'networking.k8s.io', version: 'v1', kind: 'Ingress', plural: 'ingresses', namespaced: true, shortNames: ['ing'] },
];

const gv = (r: ResourceDef): string => (r.group ? `${r.group}/${r.version}` : r.version);
const gvPath = (g: string, v: string): string => (g ? `apis/${g}/${v}` : `api/${v}`);

export interface LoggedRequest {
  method: string;
  path: string;
  query: string;
  contentType: string;
  body: string;
}

interface Watcher {
  res: ServerResponse;
  def: ResourceDef;
  namespace: string;
  fieldSelector: string;
  labelSelector: string;
}

export interface FakeKubeOptions {
  /** a rollout of this image never gets an available replica */
  neverReady?: (image: string) => boolean;
}

export class FakeKubeApiServer {
  readonly requests: LoggedRequest[] = [];
  /** key: `<plural>/<namespace>/<name>` */
  readonly store = new Map<string, Obj>();
  neverReady: (image: string) => boolean;
  private server?: Server;
  private rv = 1;
  private watchers = new Set<Watcher>();
  url = '';

  constructor(opts: FakeKubeOptions = {}) {
    this.neverReady = opts.neverReady ?? (() => false);
    for (const ns of ['default', 'kube-system'])
      this.put(RESOURCES[0]!, '', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        try {
          this.handle(req, res, Buffer.concat(chunks).toString('utf8'));
        } catch (e) {
          this.send(res, 500, status(500, 'InternalError', (e as Error).message));
        }
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    for (const w of this.watchers) w.res.end();
    this.watchers.clear();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server?.closeAllConnections?.();
  }

  /**
   * A kubeconfig with a context per name, all on this server (plus `unreachable`, on a closed
   * port). No credentials: the loopback server has no auth.
   */
  writeKubeconfig(path: string, contexts: string[] = ['fake'], current = contexts[0]): void {
    const clusters = [
      { name: 'fake', cluster: { server: this.url } },
      { name: 'unreachable', cluster: { server: 'http://127.0.0.1:9' } },
    ];
    const all = [
      ...contexts.map((c) => ({ name: c, context: { cluster: 'fake', user: 'fake' } })),
      { name: 'unreachable', context: { cluster: 'unreachable', user: 'fake' } },
    ];
    writeFileSync(
      path,
      stringify({
        apiVersion: 'v1',
        kind: 'Config',
        clusters,
        users: [{ name: 'fake', user: {} }],
        contexts: all,
        'current-context': current,
        preferences: {},
      }),
      { mode: 0o600 },
    );
  }

  /** forget every object and request (the built-in namespaces come back): a fresh cluster on the same port */
  reset(): void {
    this.store.clear();
    this.requests.length = 0;
    for (const ns of ['default', 'kube-system'])
      this.put(RESOURCES[0]!, '', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
  }

  /** objects of a kind (plural), optionally in one namespace */
  list(plural: string, namespace?: string): Obj[] {
    return [...this.store.entries()]
      .filter(([k]) => k.startsWith(`${plural}/${namespace === undefined ? '' : `${namespace}/`}`))
      .map(([, v]) => v);
  }
  get(plural: string, namespace: string, name: string): Obj | undefined {
    return this.store.get(`${plural}/${namespace}/${name}`);
  }
  /** requests that changed something */
  writes(): LoggedRequest[] {
    return this.requests.filter((r) => !['GET', 'HEAD'].includes(r.method));
  }

  // ---- HTTP ------------------------------------------------------------------------------------

  private send(res: ServerResponse, code: number, body: unknown): void {
    res.writeHead(code, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  }

  private handle(req: IncomingMessage, res: ServerResponse, body: string): void {
    const u = new URL(req.url ?? '/', 'http://x');
    const p = u.pathname.replace(/\/+$/, '') || '/';
    this.requests.push({ method: req.method ?? '', path: p, query: u.search, contentType: req.headers['content-type'] ?? '', body });

    if (p === '/version') return this.send(res, 200, { major: '1', minor: '32', gitVersion: 'v1.32.0-fake', platform: 'linux/amd64' });
    if (p === '/api')
      return this.send(res, 200, {
        kind: 'APIVersions',
        versions: ['v1'],
        serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1' }],
      });
    if (p === '/apis') {
      const groups = [...new Set(RESOURCES.filter((r) => r.group).map((r) => r.group))].map((g) => {
        const version = { groupVersion: `${g}/v1`, version: 'v1' };
        return { name: g, versions: [version], preferredVersion: version };
      });
      return this.send(res, 200, { kind: 'APIGroupList', apiVersion: 'v1', groups });
    }
    const disc = /^\/(?:api\/(v1)|apis\/([^/]+)\/(v1))$/.exec(p);
    if (disc) {
      const group = disc[2] ?? '';
      const defs = RESOURCES.filter((r) => r.group === group);
      if (!defs.length) return this.send(res, 404, status(404, 'NotFound', 'the server could not find the requested resource'));
      return this.send(res, 200, {
        kind: 'APIResourceList',
        apiVersion: 'v1',
        groupVersion: gv(defs[0]!),
        resources: defs.map((r) => ({
          name: r.plural,
          singularName: r.kind.toLowerCase(),
          namespaced: r.namespaced,
          kind: r.kind,
          verbs: VERBS,
          ...(r.shortNames ? { shortNames: r.shortNames } : {}),
        })),
      });
    }
    if (p === '/openapi/v2') {
      // kubectl's validator loads the v2 document before it asks v3 whether the server validates:
      // an empty gnostic Document (zero protobuf bytes: no definitions); v3 below says the server validates
      res.writeHead(200, { 'content-type': 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf' });
      res.end();
      return;
    }
    if (p === '/openapi/v3') {
      const paths: Record<string, { serverRelativeURL: string }> = {};
      for (const r of RESOURCES)
        paths[gvPath(r.group, r.version)] = { serverRelativeURL: `/openapi/v3/${gvPath(r.group, r.version)}?hash=FAKE` };
      return this.send(res, 200, { paths });
    }
    const oapi = /^\/openapi\/v3\/(?:api\/(v1)|apis\/([^/]+)\/(v1))$/.exec(p);
    if (oapi) return this.send(res, 200, openapiDocument(oapi[2] ?? ''));

    const m = /^\/(?:api\/v1|apis\/([^/]+)\/v1)(?:\/namespaces\/([^/]+))?\/([^/]+)(?:\/([^/]+))?$/.exec(p);
    if (!m) return this.send(res, 404, status(404, 'NotFound', 'the server could not find the requested resource'));
    const [, group = '', , plural = '', name] = m;
    let namespace = m[2] ?? '';
    // `/api/v1/namespaces/<name>` reads as plural `namespaces`, name `<name>` (the optional group backtracks)
    const def = RESOURCES.find((r) => r.group === group && r.plural === plural);
    if (!def) return this.send(res, 404, status(404, 'NotFound', `the server could not find the requested resource (${plural})`));
    if (!def.namespaced) namespace = '';
    if (def.namespaced && !namespace && req.method !== 'GET')
      return this.send(res, 400, status(400, 'BadRequest', 'a namespace is required'));
    const q = u.searchParams;
    const dryRun = q.get('dryRun') === 'All';

    if (req.method === 'GET' && name) {
      const o = this.get(def.plural, namespace, name);
      return o ? this.send(res, 200, o) : this.send(res, 404, notFound(def, name));
    }
    if (req.method === 'GET') {
      const items = this.select(def, namespace, q.get('labelSelector') ?? '', q.get('fieldSelector') ?? '');
      if (q.get('watch') === 'true' || q.get('watch') === '1') return this.watch(res, def, namespace, q);
      return this.send(res, 200, { apiVersion: gv(def), kind: `${def.kind}List`, metadata: { resourceVersion: String(this.rv) }, items });
    }
    if (namespace && def.kind !== 'Namespace' && !this.get('namespaces', '', namespace)) {
      return this.send(res, 404, status(404, 'NotFound', `namespaces "${namespace}" not found`, { name: namespace, kind: 'namespaces' }));
    }
    if (req.method === 'POST') {
      const o = parseBody(body) as Obj;
      if (this.get(def.plural, namespace, o.metadata.name))
        return this.send(res, 409, status(409, 'AlreadyExists', `${def.plural} "${o.metadata.name}" already exists`));
      return this.send(res, 201, dryRun ? o : this.write(def, namespace, o));
    }
    if (req.method === 'PATCH' && name) {
      const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim();
      const existing = this.get(def.plural, namespace, name);
      if (type === 'application/apply-patch+yaml') {
        if (!q.get('fieldManager'))
          return this.send(
            res,
            400,
            status(400, 'BadRequest', 'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch'),
          );
        const incoming = parseBody(body) as Obj;
        if (incoming.kind !== def.kind)
          return this.send(res, 400, status(400, 'BadRequest', `the kind ${incoming.kind} does not match ${def.kind}`));
        const merged = existing ? applyOver(existing, incoming) : incoming;
        return this.send(res, existing ? 200 : 201, dryRun ? merged : this.write(def, namespace, merged));
      }
      if (!existing) return this.send(res, 404, notFound(def, name));
      let patched: Obj;
      if (type === 'application/json-patch+json') patched = jsonPatch(existing, JSON.parse(body) as JsonPatchOp[]);
      else if (type === 'application/merge-patch+json' || type === 'application/strategic-merge-patch+json')
        patched = mergePatch(existing, JSON.parse(body)) as Obj;
      else
        return this.send(
          res,
          415,
          status(
            415,
            'UnsupportedMediaType',
            `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml`,
          ),
        );
      return this.send(res, 200, dryRun ? patched : this.write(def, namespace, patched));
    }
    if (req.method === 'PUT' && name) {
      if (!this.get(def.plural, namespace, name)) return this.send(res, 404, notFound(def, name));
      return this.send(res, 200, this.write(def, namespace, parseBody(body) as Obj));
    }
    if (req.method === 'DELETE' && name) {
      const o = this.get(def.plural, namespace, name);
      if (!o) return this.send(res, 404, notFound(def, name));
      if (!dryRun) this.remove(def, namespace, name);
      return this.send(res, 200, {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Success',
        details: { name, group: def.group, kind: def.plural, uid: o.metadata.uid },
      });
    }
    return this.send(res, 405, status(405, 'MethodNotAllowed', `${req.method} is not supported here`));
  }

  private watch(res: ServerResponse, def: ResourceDef, namespace: string, q: URLSearchParams): void {
    res.writeHead(200, { 'content-type': 'application/json', 'transfer-encoding': 'chunked' });
    res.flushHeaders(); // the client waits for the headers before it watches (and before it can cancel)
    const w: Watcher = { res, def, namespace, fieldSelector: q.get('fieldSelector') ?? '', labelSelector: q.get('labelSelector') ?? '' };
    this.watchers.add(w);
    const since = Number(q.get('resourceVersion') ?? '0');
    // what changed since the list the client started from
    for (const o of this.select(def, namespace, w.labelSelector, w.fieldSelector)) {
      if (Number(o.metadata.resourceVersion) > since) res.write(JSON.stringify({ type: 'MODIFIED', object: o }) + '\n');
    }
    const seconds = Number(q.get('timeoutSeconds') ?? '0');
    const timer = seconds > 0 ? setTimeout(() => res.end(), seconds * 1000) : undefined;
    res.on('close', () => {
      if (timer) clearTimeout(timer);
      this.watchers.delete(w);
    });
  }

  private notify(def: ResourceDef, namespace: string, type: 'ADDED' | 'MODIFIED' | 'DELETED', o: Obj): void {
    for (const w of this.watchers) {
      if (w.def !== def || (w.namespace && w.namespace !== namespace)) continue;
      if (!matches(o, w.labelSelector, w.fieldSelector)) continue;
      w.res.write(JSON.stringify({ type, object: o }) + '\n');
    }
  }

  private select(def: ResourceDef, namespace: string, labelSelector: string, fieldSelector: string): Obj[] {
    return this.list(def.plural, def.namespaced && namespace ? namespace : undefined).filter((o) =>
      matches(o, labelSelector, fieldSelector),
    );
  }

  // ---- storage and the controller --------------------------------------------------------------

  private put(def: ResourceDef, namespace: string, o: Obj): Obj {
    this.rv++;
    o.apiVersion = gv(def);
    o.kind = def.kind;
    o.metadata.resourceVersion = String(this.rv);
    if (def.namespaced) o.metadata.namespace = namespace;
    else delete o.metadata.namespace;
    o.metadata.uid ??= randomUUID();
    o.metadata.creationTimestamp ??= new Date().toISOString();
    this.store.set(`${def.plural}/${namespace}/${o.metadata.name}`, o);
    return o;
  }

  private write(def: ResourceDef, namespace: string, incoming: Obj): Obj {
    const existing = this.get(def.plural, namespace, incoming.metadata.name);
    const o = structuredClone(incoming);
    o.metadata = { ...o.metadata };
    if (existing) {
      o.metadata.uid = existing.metadata.uid;
      o.metadata.creationTimestamp = existing.metadata.creationTimestamp;
      const specChanged = JSON.stringify(existing.spec) !== JSON.stringify(o.spec);
      o.metadata.generation = (existing.metadata.generation ?? 1) + (specChanged ? 1 : 0);
      if (o.status === undefined && existing.status !== undefined) o.status = existing.status;
    } else o.metadata.generation = 1;
    if (def.kind === 'Namespace') o.status = { phase: 'Active' };
    if (def.kind === 'PersistentVolumeClaim') o.status = { phase: 'Bound' };
    const stored = this.put(def, namespace, o);
    if (def.kind === 'Deployment') this.reconcile(stored);
    const final = this.get(def.plural, namespace, stored.metadata.name)!;
    this.notify(def, namespace, existing ? 'MODIFIED' : 'ADDED', final);
    return final;
  }

  private remove(def: ResourceDef, namespace: string, name: string): void {
    const o = this.store.get(`${def.plural}/${namespace}/${name}`);
    if (!o) return;
    this.store.delete(`${def.plural}/${namespace}/${name}`);
    this.rv++;
    this.notify(def, namespace, 'DELETED', o);
    // garbage collection: dependents go with their owner, a namespace takes its objects with it
    for (const [key, dep] of [...this.store.entries()]) {
      const [plural, ns, depName] = key.split('/') as [string, string, string];
      const owned = dep.metadata.ownerReferences?.some((r) => r.uid === o.metadata.uid);
      if (owned || (def.kind === 'Namespace' && ns === name))
        this.remove(
          RESOURCES.find((r) => r.plural === plural)!,
          ns,
          depName,
        );
    }
  }

  /** the deployment controller's part that rollout status/undo and describe read */
  private reconcile(d: Obj): void {
    const ns = d.metadata.namespace!;
    const spec = d.spec as {
      replicas?: number;
      selector: { matchLabels: Record<string, string> };
      template: Obj & { spec: { containers: { image: string }[] } };
    };
    const replicas = spec.replicas ?? 1;
    const owned = this.list('replicasets', ns).filter((rs) =>
      rs.metadata.ownerReferences?.some((r) => r.uid === d.metadata.uid && r.controller),
    );
    // the controller compares templates semantically (EqualIgnoreHash): Go's encoding adds
    // `creationTimestamp: null` and empty structs, so compare without empties, keys sorted
    const template = canonical(spec.template);
    const bare = (rs: Obj) => {
      const t = structuredClone((rs.spec as { template: Obj }).template);
      delete t.metadata.labels?.['pod-template-hash'];
      return canonical(t);
    };
    const maxRevision = Math.max(0, ...owned.map((rs) => Number(rs.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? 0)));
    const hash = podTemplateHash(template);
    let current = owned.find((rs) => bare(rs) === template);
    const rsDef = RESOURCES.find((r) => r.kind === 'ReplicaSet')!;
    const revision =
      current && Number(current.metadata.annotations?.['deployment.kubernetes.io/revision']) === maxRevision
        ? maxRevision
        : maxRevision + 1;
    const image = spec.template.spec.containers[0]?.image ?? '';
    const ready = !this.neverReady(image);
    const rsName = current?.metadata.name ?? `${d.metadata.name}-${hash}`;
    const rsTemplate = structuredClone(spec.template);
    rsTemplate.metadata = { ...rsTemplate.metadata, labels: { ...(rsTemplate.metadata?.labels ?? {}), 'pod-template-hash': hash } };
    current = this.put(rsDef, ns, {
      metadata: {
        ...(current?.metadata ?? {}),
        name: rsName,
        labels: { ...(spec.template.metadata?.labels ?? {}), 'pod-template-hash': hash },
        annotations: {
          'deployment.kubernetes.io/revision': String(revision),
          'deployment.kubernetes.io/desired-replicas': String(replicas),
        },
        ownerReferences: [
          {
            apiVersion: 'apps/v1',
            kind: 'Deployment',
            name: d.metadata.name,
            uid: d.metadata.uid!,
            controller: true,
            blockOwnerDeletion: true,
          } as never,
        ],
      },
      spec: { replicas, selector: { matchLabels: { ...spec.selector.matchLabels, 'pod-template-hash': hash } }, template: rsTemplate },
      status: {
        replicas,
        fullyLabeledReplicas: replicas,
        readyReplicas: ready ? replicas : 0,
        availableReplicas: ready ? replicas : 0,
        observedGeneration: 1,
      },
    });
    for (const rs of owned) {
      if (rs.metadata.name === current.metadata.name) continue;
      (rs.spec as { replicas: number }).replicas = 0;
      rs.status = { replicas: 0, observedGeneration: 1 };
    }
    d.metadata.annotations = { ...(d.metadata.annotations ?? {}), 'deployment.kubernetes.io/revision': String(revision) };
    const now = new Date().toISOString();
    d.status = {
      observedGeneration: d.metadata.generation,
      replicas,
      updatedReplicas: replicas,
      readyReplicas: ready ? replicas : 0,
      availableReplicas: ready ? replicas : 0,
      ...(ready ? {} : { unavailableReplicas: replicas }),
      conditions: [
        {
          type: 'Available',
          status: ready ? 'True' : 'False',
          reason: ready ? 'MinimumReplicasAvailable' : 'MinimumReplicasUnavailable',
          message: ready ? 'Deployment has minimum availability.' : 'Deployment does not have minimum availability.',
          lastUpdateTime: now,
          lastTransitionTime: now,
        },
        {
          type: 'Progressing',
          status: 'True',
          reason: ready ? 'NewReplicaSetAvailable' : 'ReplicaSetUpdated',
          message: `ReplicaSet "${current.metadata.name}" ${ready ? 'has successfully progressed' : 'is progressing'}.`,
          lastUpdateTime: now,
          lastTransitionTime: now,
        },
      ],
    };
    const evDef = RESOURCES.find((r) => r.kind === 'Event')!;
    const event = (involved: { kind: string; name: string }, type: string, reason: string, message: string, component: string) =>
      this.put(evDef, ns, {
        metadata: { name: `${involved.name}.${(this.rv + 1).toString(16)}` },
        involvedObject: { ...involved, namespace: ns, apiVersion: involved.kind === 'Pod' ? 'v1' : 'apps/v1' },
        type,
        reason,
        message,
        source: { component },
        count: 1,
        firstTimestamp: now,
        lastTimestamp: now,
      });
    event(
      { kind: 'Deployment', name: d.metadata.name },
      'Normal',
      'ScalingReplicaSet',
      `Scaled up replica set ${current.metadata.name} to ${replicas}`,
      'deployment-controller',
    );
    if (!ready)
      event(
        { kind: 'Pod', name: `${current.metadata.name}-x7k2p` },
        'Warning',
        'BackOff',
        `Back-off restarting failed container in pod ${current.metadata.name}-x7k2p (image ${image})`,
        'kubelet',
      );
    this.put(
      RESOURCES.find((r) => r.kind === 'Deployment')!,
      ns,
      d,
    );
  }
}

// ---- helpers ---------------------------------------------------------------------------------

function status(code: number, reason: string, message: string, details?: Record<string, unknown>): Record<string, unknown> {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code, ...(details ? { details } : {}) };
}
function notFound(def: ResourceDef, name: string): Record<string, unknown> {
  return status(404, 'NotFound', `${def.plural}${def.group ? `.${def.group}` : ''} "${name}" not found`, {
    name,
    group: def.group,
    kind: def.plural,
  });
}

function parseBody(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return parseYaml(body);
  }
}

/** server-side apply as the only manager sees it: the applied fields win, server-set metadata stays */
function applyOver(existing: Obj, incoming: Obj): Obj {
  const keepAnnotations = Object.fromEntries(
    Object.entries(existing.metadata.annotations ?? {}).filter(([k]) => k.startsWith('deployment.kubernetes.io/')),
  );
  return {
    ...incoming,
    metadata: { ...incoming.metadata, annotations: { ...keepAnnotations, ...(incoming.metadata.annotations ?? {}) } },
    ...(existing.status !== undefined ? { status: existing.status } : {}),
  } as Obj;
}

type JsonPatchOp = { op: 'add' | 'replace' | 'remove'; path: string; value?: unknown };

function jsonPatch(o: Obj, ops: JsonPatchOp[]): Obj {
  const out = structuredClone(o) as Record<string, unknown>;
  for (const op of ops) {
    const parts = op.path
      .split('/')
      .slice(1)
      .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    let cur = out as Record<string, unknown>;
    for (const part of parts.slice(0, -1)) cur = (cur[part] ??= {}) as Record<string, unknown>;
    const last = parts[parts.length - 1]!;
    if (op.op === 'remove') delete cur[last];
    else cur[last] = op.value;
  }
  return out as Obj;
}

function mergePatch(target: unknown, patch: unknown): unknown {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const out: Record<string, unknown> =
    target && typeof target === 'object' && !Array.isArray(target) ? { ...(target as Record<string, unknown>) } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

function field(o: unknown, path: string): string {
  let cur = o;
  for (const p of path.split('.')) cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[p] : undefined;
  return cur === undefined || cur === null ? '' : String(cur);
}

/** `a=b,c!=d,e` label selectors and `metadata.name=x,involvedObject.kind=Pod` field selectors */
function matches(o: Obj, labelSelector: string, fieldSelector: string): boolean {
  const labels = o.metadata.labels ?? {};
  for (const term of labelSelector
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean)) {
    const ne = /^([^!=]+)!=(.*)$/.exec(term);
    const eq = /^([^!=]+)==?(.*)$/.exec(term);
    if (ne) {
      if (labels[ne[1]!.trim()] === ne[2]!.trim()) return false;
    } else if (eq) {
      if (labels[eq[1]!.trim()] !== eq[2]!.trim()) return false;
    } else if (term.startsWith('!')) {
      if (term.slice(1) in labels) return false;
    } else if (!(term in labels)) return false;
  }
  for (const term of fieldSelector
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean)) {
    const ne = /^([^!=]+)!=(.*)$/.exec(term);
    const eq = /^([^!=]+)==?(.*)$/.exec(term);
    if (ne && field(o, ne[1]!) === ne[2]) return false;
    if (!ne && eq && field(o, eq[1]!) !== eq[2]) return false;
  }
  return true;
}

function canonical(v: unknown): string {
  const strip = (x: unknown): unknown => {
    if (Array.isArray(x)) {
      const a = x.map(strip).filter((e) => e !== undefined);
      return a.length ? a : undefined;
    }
    if (x && typeof x === 'object') {
      const entries = Object.entries(x)
        .map(([k, e]) => [k, strip(e)] as const)
        .filter(([, e]) => e !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : 1));
      return entries.length ? Object.fromEntries(entries) : undefined;
    }
    return x === null || x === '' ? undefined : x;
  };
  return JSON.stringify(strip(v) ?? null);
}

function podTemplateHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
  let n = h >>> 0;
  let s = '';
  for (let i = 0; i < 10; i++) {
    s += alphabet[n % alphabet.length];
    n = Math.floor(n / alphabet.length) || (h >>> (i % 24)) + i;
  }
  return s;
}

/** one PATCH operation per kind of the group, with the GVK extension and fieldValidation (kubectl's queryParamVerifierV3) */
function openapiDocument(group: string): Record<string, unknown> {
  const paths: Record<string, unknown> = {};
  for (const r of RESOURCES.filter((x) => x.group === group)) {
    const prefix = `/${gvPath(r.group, r.version)}`;
    const path = r.namespaced ? `${prefix}/namespaces/{namespace}/${r.plural}/{name}` : `${prefix}/${r.plural}/{name}`;
    paths[path] = {
      patch: {
        operationId: `patch${r.namespaced ? 'Namespaced' : ''}${r.kind}`,
        'x-kubernetes-action': 'patch',
        'x-kubernetes-group-version-kind': { group: r.group, version: r.version, kind: r.kind },
        parameters: ['dryRun', 'fieldManager', 'fieldValidation', 'force'].map((name) => ({
          name,
          in: 'query',
          schema: { type: name === 'force' ? 'boolean' : 'string', uniqueItems: true },
        })),
        responses: { '200': { description: 'OK' } },
      },
    };
  }
  return { openapi: '3.0.0', info: { title: 'Kubernetes', version: 'v1.32.0-fake' }, paths, components: { schemas: {} } };
}
