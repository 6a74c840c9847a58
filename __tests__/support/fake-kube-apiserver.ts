/**
 * A loopback stand-in for kube-apiserver 1.32, for CONTRACT tests of the kubernetes provider with the
 * pinned REAL `kubectl` (support/kube-cluster.ts). No real API server can run on these machines (no
 * etcd, no kubelet, no container network), so this answers the wire protocol kubectl speaks, with
 * shapes and error texts taken from the Kubernetes v1.32.5 sources (ADR 0020):
 * - discovery (`/api`, `/apis`, `/api/v1`, `/apis/<group>/<version>`: legacy, not aggregated) and `/version`;
 * - `/openapi/v2`: the real 1.32 definitions of every kind it serves (support/kube-schema.ts), so
 *   kubectl validates a `kind: List` on the client as against a real cluster — an unknown field
 *   fails before anything is sent; `/openapi/v3` tells kubectl the server validates fields;
 * - strict field validation of every object against the same schemas: a server-side apply with an
 *   unknown field fails with the real 500 "failed to create typed patch object …", create/update
 *   under `fieldValidation=Strict` with the real 400 "strict decoding error: …", and without it the
 *   `Warning:` headers a real server sends;
 * - GET / LIST (`labelSelector`, `fieldSelector` on dotted fields), WATCH (JSON event stream),
 *   server-side apply with field ownership, strategic merge patch (rollout restart), JSON patch
 *   (rollout undo), merge patch, create, update, DELETE (owned ReplicaSets go with their
 *   Deployment; a namespace is Terminating while its objects go, and refuses new ones meanwhile);
 * - `dryRun=All` on every write: the answer a real write would give, nothing stored or watched;
 * - PersistentVolumeClaim updates: the spec is immutable but for a bound claim's requests, which may
 *   not shrink, and no StorageClass here allows expansion (the resize admission plugin's 403);
 * - the deployment controller of support/kube-controller.ts, with its progress deadline, and the
 *   kubelet of support/kube-pods.ts: Pods per ReplicaSet, readiness from the readinessProbe, a slow
 *   start, `kubectl exec` over WebSocket (`clockScale` runs the controller's and kubelet's seconds fast).
 * Every request is logged (method, path, query, content type, body) for the tests to inspect.
 * Listens on 127.0.0.1 port 0 only: plain http by default (no auth), or with `tls` (support/kube-tls.ts)
 * https with kube-apiserver's authentication: a client certificate signed by its client CA
 * (`--client-ca-file`, user = CN) or a bearer token it knows (`--token-auth-file`); anything else is
 * the real 401 `Unauthorized` Status (anonymous auth off), before any other handling.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { TLSSocket } from 'node:tls';
import type { KubeTls } from './kube-tls.js';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { stringify } from 'yaml';
import { reconcileDeployment, type ControllerStore, type Obj, type PodsView } from './kube-controller.js';
import { containersOf, probeOnce, serveExec, startEnv, type PodBehaviour, type PodState } from './kube-pods.js';
import { managedFieldsOf, recordUpdate, type ManagedEntry } from './kube-merge.js';
import { openapiV2 } from './kube-schema.js';
import {
  Answer,
  claimUpdateRefused,
  decideWrite,
  deleted,
  gv,
  notFound,
  parseBody,
  qualified,
  status,
  type ResourceDef,
} from './kube-writes.js';

export type { Obj } from './kube-controller.js';

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
  { group: 'storage.k8s.io', version: 'v1', kind: 'StorageClass', plural: 'storageclasses', namespaced: false, shortNames: ['sc'] },
];

const gvPath = (g: string, v: string): string => (g ? `apis/${g}/${v}` : `api/${v}`);
const byKind = (kind: string): ResourceDef => RESOURCES.find((r) => r.kind === kind)!;

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
  /** https with client-certificate and token authentication (support/kube-tls.ts) */
  tls?: KubeTls;
  /** bearer tokens accepted in TLS mode (user name by token) */
  tokens?: Record<string, string>;
}

export type { PodBehaviour } from './kube-pods.js';

export class FakeKubeApiServer {
  readonly requests: LoggedRequest[] = [];
  /** connections accepted (TLS handshakes completed, in TLS mode) */
  connections = 0;
  /** key: `<plural>/<namespace>/<name>` */
  readonly store = new Map<string, Obj>();
  /** field owners per stored object (same key) */
  private readonly owners = new Map<string, ManagedEntry[]>();
  neverReady: (image: string) => boolean;
  /** how the "container" of an image behaves: a slow start, an HTTP server for its probes (support/kube-pods.ts) */
  behaviour: (image: string) => PodBehaviour = () => ({});
  /**
   * Seconds of the controller's and kubelet's clocks (progressDeadlineSeconds, a probe's
   * periodSeconds) in real seconds: 1 is real time; a test sets 0.01 to see a 600 s deadline in 6 s.
   */
  clockScale = 1;
  /**
   * A namespace-scoped CI account (RBAC bound only inside its namespaces): every read or write of a
   * cluster-scoped object (a Namespace, a StorageClass) is 403 Forbidden, as the API server words it.
   */
  namespaceScopedUser?: string;
  /**
   * The next N requests to a resource (not discovery) are refused as API Priority and Fairness refuses
   * them when its queues are full (apiserver/pkg/server/filters/priority-and-fairness.go
   * `tooManyRequests`): 429, `Retry-After: 1`, a plain-text body. client-go waits and retries.
   */
  throttled = 0;
  /** how long a deleted namespace stays Terminating (a real one takes seconds: its objects go first) */
  terminationMs = 1000;
  /** the kubelet's view: pods by `<namespace>/<name>` */
  private readonly pods = new Map<string, PodState>();
  /** ReplicaSets (`<namespace>/<name>`) whose progress deadline passed, and the timers that will say so */
  private readonly timedOut = new Set<string>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private server?: Server | import('node:https').Server;
  private rv = 1;
  private watchers = new Set<Watcher>();
  url = '';

  private readonly tls?: KubeTls;
  private readonly tokens: Record<string, string>;
  /** TLS mode: who each request was authenticated as (`x509:<CN>`, `token:<user>`), in order */
  readonly authenticated: string[] = [];

  constructor(opts: FakeKubeOptions = {}) {
    this.neverReady = opts.neverReady ?? (() => false);
    this.tls = opts.tls;
    this.tokens = opts.tokens ?? {};
    this.builtIns();
  }

  private builtIns(): void {
    for (const ns of ['default', 'kube-system'])
      this.put(byKind('Namespace'), '', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns }, status: { phase: 'Active' } });
  }

  async start(): Promise<string> {
    const handler = (req: IncomingMessage, res: ServerResponse) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        try {
          if (this.tls && !this.authenticate(req)) {
            const u = new URL(req.url ?? '/', 'http://x');
            this.requests.push({ method: req.method ?? '', path: u.pathname, query: u.search, contentType: '', body: '' });
            return this.send(res, 401, status(401, 'Unauthorized', 'Unauthorized'));
          }
          this.handle(req, res, Buffer.concat(chunks).toString('utf8'));
        } catch (e) {
          this.send(res, 500, status(500, 'InternalError', (e as Error).message));
        }
      });
    };
    // kube-apiserver asks for a client certificate and verifies it against --client-ca-file; a request
    // without one may still carry a token, so the handshake does not refuse it
    this.server = this.tls
      ? createTlsServer(
          { cert: this.tls.serverCert, key: this.tls.serverKey, ca: this.tls.ca, requestCert: true, rejectUnauthorized: false },
          handler,
        )
      : createServer(handler);
    // every connection a client opens (TLS handshakes, in TLS mode): how well it keeps them alive
    this.server.on(this.tls ? 'secureConnection' : 'connection', () => this.connections++);
    this.server.on('upgrade', (req, socket) => {
      const u = new URL(req.url ?? '/', 'http://x');
      this.requests.push({ method: req.method ?? '', path: u.pathname, query: u.search, contentType: '', body: '' });
      serveExec(req, socket, (namespace, pod, container) => this.execTarget(namespace, pod, container));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `${this.tls ? 'https' : 'http'}://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  /** kube-apiserver's authenticators, in its order: x509 client certificate, then bearer token */
  private authenticate(req: IncomingMessage): boolean {
    const socket = req.socket as TLSSocket;
    if (socket.authorized) {
      const cn = socket.getPeerCertificate().subject?.CN;
      this.authenticated.push(`x509:${Array.isArray(cn) ? cn[0] : cn}`);
      return true;
    }
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const user = bearer !== undefined ? this.tokens[bearer] : undefined;
    if (user) this.authenticated.push(`token:${user}`);
    return user !== undefined;
  }

  async stop(): Promise<void> {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    for (const w of this.watchers) w.res.end();
    this.watchers.clear();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server?.closeAllConnections?.();
  }

  /**
   * A kubeconfig with a context per name, all on this server (plus `unreachable`, on a closed
   * port). No credentials on plain http (no auth); in TLS mode the CA and the client certificate.
   */
  writeKubeconfig(path: string, contexts: string[] = ['fake'], current = contexts[0]): void {
    // TLS mode: the cluster CA and the client certificate, inline as most kubeconfigs carry them
    const b64 = (pem: string) => Buffer.from(pem).toString('base64');
    const tls = this.tls
      ? {
          cluster: { 'certificate-authority-data': b64(this.tls.ca) },
          user: { 'client-certificate-data': b64(this.tls.clientCert), 'client-key-data': b64(this.tls.clientKey) },
        }
      : {};
    writeFileSync(path, kubeconfigYaml({ server: this.url, contexts, ...(current ? { current } : {}), ...tls }), { mode: 0o600 });
  }

  /** forget every object and request (the built-in namespaces come back): a fresh cluster on the same port */
  reset(): void {
    this.store.clear();
    this.owners.clear();
    this.pods.clear();
    this.timedOut.clear();
    this.requests.length = 0;
    this.builtIns();
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

  private send(res: ServerResponse, code: number, body: unknown, warnings: readonly string[] = []): void {
    const headers: Record<string, string | string[]> = { 'content-type': 'application/json' };
    // what a real server sends for unknown fields under fieldValidation=Warn; kubectl prints `Warning: <text>`
    if (warnings.length > 0) headers.warning = warnings.map((w) => `299 - ${JSON.stringify(w)}`);
    res.writeHead(code, headers);
    res.end(JSON.stringify(body));
  }

  private handle(req: IncomingMessage, res: ServerResponse, body: string): void {
    const u = new URL(req.url ?? '/', 'http://x');
    const p = u.pathname.replace(/\/+$/, '') || '/';
    this.requests.push({ method: req.method ?? '', path: p, query: u.search, contentType: req.headers['content-type'] ?? '', body });
    const discovery = this.discovery(p);
    if (Buffer.isBuffer(discovery)) {
      res.writeHead(200, { 'content-type': 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf' });
      res.end(discovery);
      return;
    }
    if (discovery) return this.send(res, discovery.code, discovery.body);
    if (this.throttled > 0) {
      this.throttled--;
      res.writeHead(429, { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '1', 'x-content-type-options': 'nosniff' });
      res.end('Too many requests, please try again later.\n');
      return;
    }

    const m = /^\/(?:api\/v1|apis\/([^/]+)\/v1)(?:\/namespaces\/([^/]+))?\/([^/]+)(?:\/([^/]+))?$/.exec(p);
    if (!m) return this.send(res, 404, status(404, 'NotFound', 'the server could not find the requested resource'));
    const [, group = '', , plural = '', name] = m;
    let namespace = m[2] ?? '';
    // `/api/v1/namespaces/<name>` reads as plural `namespaces`, name `<name>` (the optional group backtracks)
    const def = RESOURCES.find((r) => r.group === group && r.plural === plural);
    if (!def) return this.send(res, 404, status(404, 'NotFound', `the server could not find the requested resource (${plural})`));
    if (!def.namespaced) namespace = '';
    const q = u.searchParams;
    if (!def.namespaced && this.namespaceScopedUser) {
      const denied = forbidden(def, req.method ?? 'GET', name, this.namespaceScopedUser, q.get('watch') === 'true');
      return this.send(res, denied.code, denied.body);
    }

    if (req.method === 'GET' && name) {
      const o = this.get(def.plural, namespace, name);
      if (o) return this.send(res, 200, o);
      const missing = notFound(def, name);
      return this.send(res, missing.code, missing.body);
    }
    if (req.method === 'GET') {
      // an invalid selector is refused, as the server's parameter decoding does (400, never an empty list)
      const selector = parseLabelSelector(q.get('labelSelector') ?? '');
      if (typeof selector === 'string') return this.send(res, 400, status(400, 'BadRequest', selector));
      if (q.get('watch') === 'true' || q.get('watch') === '1') return this.watch(res, def, namespace, q);
      const items = this.select(def, namespace, q.get('labelSelector') ?? '', q.get('fieldSelector') ?? '');
      return this.send(res, 200, { apiVersion: gv(def), kind: `${def.kind}List`, metadata: { resourceVersion: String(this.rv) }, items });
    }
    if (def.namespaced && !namespace) return this.send(res, 400, status(400, 'BadRequest', 'a namespace is required'));
    const dryRun = q.get('dryRun');
    if (dryRun !== null && dryRun !== 'All')
      return this.send(res, 400, status(400, 'BadRequest', `dryRun: Unsupported value: "${dryRun}": supported values: "All"`));
    const answer = this.write(req, def, namespace, name, body, q);
    if (answer instanceof Answer) return this.send(res, answer.code, answer.body, answer.warnings);
    return this.send(res, answer.code, answer.object, answer.warnings);
  }

  /** version, discovery and OpenAPI; undefined for resource paths */
  private discovery(p: string): { code: number; body: unknown } | Buffer | undefined {
    if (p === '/version') return { code: 200, body: { major: '1', minor: '32', gitVersion: 'v1.32.0-fake', platform: 'linux/amd64' } };
    if (p === '/api')
      return {
        code: 200,
        body: {
          kind: 'APIVersions',
          versions: ['v1'],
          serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1' }],
        },
      };
    if (p === '/apis') {
      const groups = [...new Set(RESOURCES.filter((r) => r.group).map((r) => r.group))].map((g) => {
        const version = { groupVersion: `${g}/v1`, version: 'v1' };
        return { name: g, versions: [version], preferredVersion: version };
      });
      return { code: 200, body: { kind: 'APIGroupList', apiVersion: 'v1', groups } };
    }
    const disc = /^\/(?:api\/(v1)|apis\/([^/]+)\/(v1))$/.exec(p);
    if (disc) {
      const defs = RESOURCES.filter((r) => r.group === (disc[2] ?? ''));
      if (!defs.length) return { code: 404, body: status(404, 'NotFound', 'the server could not find the requested resource') };
      const resources = defs.map((r) => ({
        name: r.plural,
        singularName: r.kind.toLowerCase(),
        namespaced: r.namespaced,
        kind: r.kind,
        verbs: VERBS,
        ...(r.shortNames ? { shortNames: r.shortNames } : {}),
      }));
      return { code: 200, body: { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: gv(defs[0]!), resources } };
    }
    if (p === '/openapi/v2') return openapiV2(RESOURCES);
    if (p === '/openapi/v3') {
      const paths: Record<string, { serverRelativeURL: string }> = {};
      for (const r of RESOURCES)
        paths[gvPath(r.group, r.version)] = { serverRelativeURL: `/openapi/v3/${gvPath(r.group, r.version)}?hash=FAKE` };
      return { code: 200, body: { paths } };
    }
    const oapi = /^\/openapi\/v3\/(?:api\/(v1)|apis\/([^/]+)\/(v1))$/.exec(p);
    if (oapi) return { code: 200, body: openapiV3Document(oapi[2] ?? '') };
    return undefined;
  }

  /** POST, PUT, PATCH, DELETE: the object a real server answers (dry-run: the same, nothing kept) or a Status */
  private write(
    req: IncomingMessage,
    def: ResourceDef,
    namespace: string,
    name: string | undefined,
    body: string,
    query: URLSearchParams,
  ): Answer | { code: number; object: Obj; warnings: string[] } {
    const dryRun = query.get('dryRun') === 'All';
    const key = (n: string) => `${def.plural}/${namespace}/${n}`;
    if (req.method === 'DELETE' && name) {
      const existing = this.get(def.plural, namespace, name);
      if (!existing) return notFound(def, name);
      if (dryRun) return deleted(def, existing);
      if (def.kind === 'Namespace') return { code: 200, object: this.terminate(existing), warnings: [] };
      this.remove(def, namespace, name);
      return deleted(def, existing);
    }
    const objectName = name ?? (parseBody(body) as Obj | undefined)?.metadata?.name ?? '';
    const existing = this.get(def.plural, namespace, objectName);
    const ns = namespace ? this.get('namespaces', '', namespace) : undefined;
    if (namespace && !ns)
      return new Answer(404, status(404, 'NotFound', `namespaces "${namespace}" not found`, { name: namespace, kind: 'namespaces' }));
    if (!existing && (ns?.status as { phase?: string } | undefined)?.phase === 'Terminating')
      return terminating(def, namespace, objectName);

    const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim();
    // a manager that names none is known by its user agent's program name (the API server's default)
    const manager = query.get('fieldManager') || (req.headers['user-agent'] ?? 'unknown').split('/')[0]!;
    const written = decideWrite({
      def,
      namespace,
      method: req.method ?? '',
      type,
      name,
      body,
      query,
      manager,
      existing,
      owners: this.owners.get(key(objectName)) ?? [],
    });
    if (written instanceof Answer) return written;
    const refused =
      existing && def.kind === 'PersistentVolumeClaim'
        ? claimUpdateRefused(existing, written.next, (sc) => this.expandable(sc))
        : undefined;
    if (refused) return refused;
    const prepared = this.prepare(def, namespace, written.next, existing, written.owners);
    if (def.kind === 'PersistentVolumeClaim' && existing) {
      // an allowed expansion: the volume plugin resizes it (at once here) and the capacity follows
      const storage = (prepared.spec as { resources?: { requests?: { storage?: string } } }).resources?.requests?.storage;
      if (storage) prepared.status = { ...(prepared.status ?? {}), capacity: { storage } };
    }
    if (dryRun) {
      // a create's dry run has no resourceVersion yet; nothing is stored, watched or reconciled
      if (!existing) delete prepared.metadata.resourceVersion;
      return { code: existing ? 200 : 201, object: prepared, warnings: written.warnings };
    }
    const stored = this.commit(def, namespace, prepared, existing, written.owners);
    return { code: existing ? 200 : 201, object: stored, warnings: written.warnings };
  }

  /** a StorageClass in the cluster, as an administrator makes it (`allowVolumeExpansion`) */
  storageClass(name: string, allowVolumeExpansion: boolean): void {
    this.put(byKind('StorageClass'), '', {
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: { name },
      provisioner: 'rancher.io/local-path',
      allowVolumeExpansion,
    } as Obj);
  }

  private expandable(storageClass: string | undefined): boolean {
    return (
      storageClass !== undefined &&
      (this.get('storageclasses', '', storageClass) as { allowVolumeExpansion?: boolean } | undefined)?.allowVolumeExpansion === true
    );
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

  // ---- storage ---------------------------------------------------------------------------------

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

  /** the object as a write would store it: server-set metadata, generation, owners, status kept */
  private prepare(def: ResourceDef, namespace: string, incoming: Obj, existing: Obj | undefined, owners: ManagedEntry[]): Obj {
    const o = structuredClone(incoming);
    o.apiVersion = gv(def);
    o.kind = def.kind;
    o.metadata = { ...o.metadata };
    if (def.namespaced) o.metadata.namespace = namespace;
    else delete o.metadata.namespace;
    if (existing) {
      o.metadata.uid = existing.metadata.uid;
      o.metadata.creationTimestamp = existing.metadata.creationTimestamp;
      o.metadata.resourceVersion = existing.metadata.resourceVersion;
      const specChanged = JSON.stringify(existing.spec) !== JSON.stringify(o.spec);
      o.metadata.generation = (existing.metadata.generation ?? 1) + (specChanged ? 1 : 0);
      if (existing.status !== undefined) o.status = existing.status;
    } else {
      o.metadata.uid = randomUUID();
      o.metadata.creationTimestamp = new Date().toISOString();
      o.metadata.generation = 1;
      if (def.kind === 'Namespace') o.status = { phase: 'Active' };
      if (def.kind === 'PersistentVolumeClaim') {
        const spec = o.spec as { accessModes?: string[]; resources?: { requests?: { storage?: string } } } | undefined;
        o.status = {
          phase: 'Bound',
          accessModes: spec?.accessModes ?? [],
          capacity: { storage: spec?.resources?.requests?.storage ?? '' },
        };
      }
    }
    o.metadata.managedFields = managedFieldsOf(owners);
    return o;
  }

  private commit(def: ResourceDef, namespace: string, o: Obj, existing: Obj | undefined, owners: ManagedEntry[]): Obj {
    this.owners.set(`${def.plural}/${namespace}/${o.metadata.name}`, owners);
    const stored = this.put(def, namespace, o);
    if (def.kind === 'Deployment') this.reconcile(stored);
    const final = this.get(def.plural, namespace, stored.metadata.name)!;
    this.notify(def, namespace, existing ? 'MODIFIED' : 'ADDED', final);
    return final;
  }

  // ---- controller and kubelet --------------------------------------------------------------------

  /** the deployment controller's pass over one Deployment, then the kubelet's pods for what it scaled */
  private reconcile(d: Obj): void {
    const ns = d.metadata.namespace!;
    reconcileDeployment(this.controller(), d, this.podsView(ns));
    this.syncPods(ns, d);
    reconcileDeployment(this.controller(), this.get('deployments', ns, d.metadata.name)!, this.podsView(ns));
    const rs = this.currentReplicaSet(this.get('deployments', ns, d.metadata.name)!);
    if (rs && !this.podsView(ns).ready(rs.metadata.name, '')) this.armProgressDeadline(this.get('deployments', ns, d.metadata.name)!, rs);
  }

  /** a later pass (a pod became ready, a deadline passed): what watchers of the Deployment see */
  private resync(namespace: string, name: string): void {
    const d = this.get('deployments', namespace, name);
    if (!d) return;
    this.reconcile(d);
    this.notify(byKind('Deployment'), namespace, 'MODIFIED', this.get('deployments', namespace, name)!);
  }

  private ownedReplicaSets(d: Obj): Obj[] {
    return this.list('replicasets', d.metadata.namespace).filter((rs) =>
      rs.metadata.ownerReferences?.some((r) => r.uid === d.metadata.uid),
    );
  }

  private currentReplicaSet(d: Obj): Obj | undefined {
    return this.ownedReplicaSets(d).find((rs) => Number((rs.spec as { replicas?: number }).replicas ?? 0) > 0);
  }

  private podsView(ns: string): PodsView {
    return {
      ready: (rs) => {
        const mine = [...this.pods.values()].filter((p) => p.rs === `${ns}/${rs}`);
        return mine.length > 0 && mine.every((p) => p.ready);
      },
      crashing: (image) => this.neverReady(image) || this.behaviour(image).neverReady === true,
      timedOut: (rs) => this.timedOut.has(`${ns}/${rs}`),
    };
  }

  /** ProgressDeadlineExceeded once `progressDeadlineSeconds` (default 600) pass without the ReplicaSet becoming available */
  private armProgressDeadline(d: Obj, rs: Obj): void {
    const key = `${d.metadata.namespace}/${rs.metadata.name}`;
    if (this.timers.has(key) || this.timedOut.has(key)) return;
    const seconds = Number((d.spec as { progressDeadlineSeconds?: number }).progressDeadlineSeconds ?? 600);
    const timer = setTimeout(
      () => {
        this.timers.delete(key);
        const now = this.get('deployments', d.metadata.namespace!, d.metadata.name);
        if (!now || this.currentReplicaSet(now)?.metadata.name !== rs.metadata.name) return;
        if (this.podsView(d.metadata.namespace!).ready(rs.metadata.name, '')) return;
        this.timedOut.add(key);
        this.resync(d.metadata.namespace!, d.metadata.name);
      },
      seconds * 1000 * this.clockScale,
    );
    timer.unref();
    this.timers.set(key, timer);
  }

  /** pods for each scaled-up ReplicaSet of `d` (their environment read now), none for the others */
  private syncPods(ns: string, d: Obj): void {
    const podDef = byKind('Pod');
    for (const rs of this.ownedReplicaSets(d)) {
      const want = Number((rs.spec as { replicas?: number }).replicas ?? 0);
      const rsKey = `${ns}/${rs.metadata.name}`;
      const have = [...this.pods.values()].filter((p) => p.rs === rsKey);
      for (const p of have.slice(want)) {
        this.pods.delete(p.key);
        this.remove(podDef, ns, p.key.split('/')[1]!);
      }
      for (let i = have.length; i < want; i++) {
        const template = structuredClone((rs.spec as { template: Obj }).template);
        const name = `${rs.metadata.name}-${Math.random().toString(36).slice(2, 7)}`;
        const container = containersOf(template)[0];
        const env = container ? { ...this.behaviour(container.image).env, ...startEnv(container, (n) => this.get('secrets', ns, n)) } : {};
        const state: PodState = { key: `${ns}/${name}`, rs: rsKey, created: Date.now(), env, ready: false };
        this.pods.set(state.key, state);
        this.put(podDef, ns, {
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: {
            name,
            labels: { ...(template.metadata?.labels as Record<string, string> | undefined) },
            ownerReferences: [
              { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: rs.metadata.name, uid: rs.metadata.uid!, controller: true } as never,
            ],
          },
          spec: template.spec,
          status: this.podStatus(template, false),
        });
        this.kubelet(ns, d.metadata.name, state);
      }
    }
  }

  private podStatus(pod: Obj, ready: boolean): Record<string, unknown> {
    const now = new Date().toISOString();
    return {
      phase: 'Running',
      conditions: [{ type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: now }],
      containerStatuses: containersOf(pod).map((c) => ({ name: c.name, image: c.image, ready, started: true, restartCount: 0 })),
    };
  }

  /** start (after readyAfterMs), then the readiness probe every periodSeconds until it passes */
  private kubelet(ns: string, deployment: string, state: PodState): void {
    const pod = () => this.get('pods', ns, state.key.split('/')[1]!);
    const container = () => containersOf(pod() ?? ({ metadata: { name: '' } } as Obj))[0];
    const image = container()?.image ?? '';
    const b = this.behaviour(image);
    if (this.neverReady(image) || b.neverReady) return;
    const attempt = async (): Promise<void> => {
      const p = pod();
      const c = container();
      if (!p || !c || !this.pods.has(state.key)) return;
      const probe = c.readinessProbe;
      if (probe && !(await probeOnce(probe, c, state.env, b))) {
        const t = setTimeout(() => void attempt(), (probe.periodSeconds ?? 10) * 1000 * this.clockScale);
        t.unref();
        return;
      }
      if (!this.pods.has(state.key)) return;
      state.ready = true;
      p.status = this.podStatus(p, true);
      this.put(byKind('Pod'), ns, p);
      this.resync(ns, deployment);
    };
    const delay = b.readyAfterMs ?? 0;
    if (delay === 0 && !container()?.readinessProbe) {
      state.ready = true;
      const p = pod()!;
      p.status = this.podStatus(p, true);
      return;
    }
    const t = setTimeout(() => void attempt(), delay);
    t.unref();
  }

  /** what `kubectl exec` runs in: the pod's environment, or kubectl's refusal */
  private execTarget(namespace: string, pod: string, container: string): { env: Record<string, string> } | string {
    const p = this.get('pods', namespace, pod);
    const state = this.pods.get(`${namespace}/${pod}`);
    if (!p || !state) return `pods "${pod}" not found`;
    if (!containersOf(p).some((c) => c.name === container)) return `container ${container} is not valid for pod ${pod}`;
    return { env: state.env };
  }

  /** the store as the controller writes it: the Deployment's revision annotation is owned by kube-controller-manager */
  private controller(): ControllerStore {
    return {
      list: (plural, namespace) => this.list(plural, namespace),
      nextName: () => (this.rv + 1).toString(16),
      controllerWrite: (kind, namespace, o) => {
        const def = byKind(kind);
        const key = `${def.plural}/${namespace}/${o.metadata.name}`;
        const before = this.store.get(key);
        if (kind === 'Deployment' && before) {
          const owners = recordUpdate(before, o, this.owners.get(key) ?? [], 'kube-controller-manager');
          this.owners.set(key, owners);
          o.metadata.managedFields = managedFieldsOf(owners);
        }
        const stored = this.put(def, namespace, o);
        if (kind !== 'Deployment') this.notify(def, namespace, before ? 'MODIFIED' : 'ADDED', stored);
        return stored;
      },
    };
  }

  private remove(def: ResourceDef, namespace: string, name: string): void {
    const o = this.store.get(`${def.plural}/${namespace}/${name}`);
    if (!o) return;
    this.store.delete(`${def.plural}/${namespace}/${name}`);
    this.owners.delete(`${def.plural}/${namespace}/${name}`);
    if (def.kind === 'Pod') this.pods.delete(`${namespace}/${name}`);
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

  /**
   * A namespace's DELETE: it turns Terminating (the `kubernetes` finalizer) and is answered with the
   * Namespace; its objects are then deleted and the namespace goes a moment later, as the namespace
   * controller does. Meanwhile nothing new may be created in it.
   */
  private terminate(ns: Obj): Obj {
    const def = byKind('Namespace');
    const now = new Date().toISOString();
    ns.metadata.deletionTimestamp = now;
    ns.spec = { finalizers: ['kubernetes'] };
    ns.status = { phase: 'Terminating' };
    const stored = this.put(def, '', ns);
    this.notify(def, '', 'MODIFIED', stored);
    const uid = ns.metadata.uid;
    setTimeout(() => {
      if (this.get('namespaces', '', ns.metadata.name)?.metadata.uid === uid) this.remove(def, '', ns.metadata.name);
    }, this.terminationMs).unref();
    return stored;
  }
}

// ---- helpers ---------------------------------------------------------------------------------

/** A kubeconfig for one API server: a context per name, and `unreachable` on a closed port. */
export function kubeconfigYaml(opts: {
  server: string;
  contexts: string[];
  current?: string;
  cluster?: Record<string, unknown>;
  user?: Record<string, unknown>;
}): string {
  const clusters = [
    { name: 'fake', cluster: { server: opts.server, ...(opts.cluster ?? {}) } },
    { name: 'unreachable', cluster: { server: 'http://127.0.0.1:9' } },
  ];
  const contexts = [
    ...opts.contexts.map((c) => ({ name: c, context: { cluster: 'fake', user: 'fake' } })),
    { name: 'unreachable', context: { cluster: 'unreachable', user: 'fake' } },
  ];
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters,
    users: [{ name: 'fake', user: opts.user ?? {} }],
    contexts,
    'current-context': opts.current ?? opts.contexts[0],
    preferences: {},
  });
}

/**
 * RBAC's denial (apiserver responsewriters/errors.go): `GET /api/v1/namespaces/X` carries namespace X
 * in its request info, so it reads "in the namespace"; a list of a cluster-scoped kind "at the cluster scope".
 */
function forbidden(def: ResourceDef, method: string, name: string | undefined, user: string, watch: boolean): Answer {
  const verb =
    { GET: name ? 'get' : watch ? 'watch' : 'list', PATCH: 'patch', PUT: 'update', POST: 'create', DELETE: 'delete' }[method] ??
    method.toLowerCase();
  const scope = def.kind === 'Namespace' && name ? `in the namespace "${name}"` : 'at the cluster scope';
  const what = name ? `${qualified(def)} "${name}" is forbidden` : `${qualified(def)} is forbidden`;
  const message = `${what}: User "${user}" cannot ${verb} resource "${def.plural}" in API group "${def.group}" ${scope}`;
  return new Answer(403, status(403, 'Forbidden', message, { ...(name ? { name } : {}), group: def.group, kind: def.plural }));
}

/** NamespaceLifecycle admission: nothing new in a namespace that is being deleted */
function terminating(def: ResourceDef, namespace: string, name: string): Answer {
  const message = `${qualified(def)} "${name}" is forbidden: unable to create new content in namespace ${namespace} because it is being terminated`;
  const cause = { reason: 'NamespaceTerminating', message: `namespace ${namespace} is being terminated`, field: 'metadata.namespace' };
  return new Answer(403, status(403, 'Forbidden', message, { name, group: def.group, kind: def.plural, causes: [cause] }));
}

function field(o: unknown, path: string): string {
  let cur = o;
  for (const p of path.split('.')) cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[p] : undefined;
  return cur === undefined || cur === null ? '' : String(cur);
}

interface Requirement {
  key: string;
  op: 'exists' | '!' | '=' | '!=' | 'in' | 'notin' | 'gt' | 'lt';
  values: string[];
}

const LABEL_NAME = /^(?:[A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const DNS_SUBDOMAIN = /^[a-z0-9](?:[-a-z0-9]*[a-z0-9])?(?:\.[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)*$/;

/**
 * A label selector as the API server parses it (apimachinery `labels.Parse`): `k`, `!k`, `k=v`, `k==v`,
 * `k!=v`, `k in (a,b)`, `k notin (a,b)`, `k>1`, `k<1`, joined by commas; keys are qualified names and
 * values label values. The error string is what the server answers 400 BadRequest with.
 */
export function parseLabelSelector(selector: string): Requirement[] | string {
  const tokens: string[] = [];
  for (let i = 0; i < selector.length;) {
    const c = selector[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (selector.startsWith('!=', i) || selector.startsWith('==', i)) {
      tokens.push(selector.slice(i, i + 2));
      i += 2;
    } else if ('!(),=<>'.includes(c)) {
      tokens.push(c);
      i++;
    } else {
      const m = /^[^\s!(),=<>]+/.exec(selector.slice(i))!;
      tokens.push(m[0]);
      i += m[0].length;
    }
  }
  const special = (t: string | undefined) => t === undefined || ['!', '!=', '==', '(', ')', ',', '=', '<', '>'].includes(t);
  const ident = (t: string | undefined) => !special(t) && t !== 'in' && t !== 'notin';
  const shown = (t: string | undefined) => `found '${t ?? ''}'`;
  const validKey = (k: string): string | undefined => {
    const [prefix, name, extra] = k.includes('/') ? k.split('/') : ['', k];
    if (extra !== undefined || (k.includes('/') && (!prefix || prefix.length > 253 || !DNS_SUBDOMAIN.test(prefix))))
      return `unable to parse requirement: key: Invalid value: "${k}": prefix part must be a lowercase RFC 1123 subdomain`;
    if (!name || name.length > 63 || !LABEL_NAME.test(name))
      return `unable to parse requirement: key: Invalid value: "${k}": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character`;
    return undefined;
  };
  const validValue = (key: string, v: string, i: number): string | undefined =>
    v === '' || (v.length <= 63 && LABEL_NAME.test(v))
      ? undefined
      : `unable to parse requirement: values[${i}][${key}]: Invalid value: "${v}": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character`;
  const out: Requirement[] = [];
  let at = 0;
  if (tokens.length === 0) return out;
  for (;;) {
    let op: Requirement['op'] | undefined;
    if (tokens[at] === '!') {
      op = '!';
      at++;
    }
    const key = tokens[at];
    if (!ident(key)) return `${shown(key)}, expected: ${op ? 'identifier' : "!, identifier, or 'end of string'"}`;
    at++;
    const bad = validKey(key!);
    if (bad) return bad;
    const values: string[] = [];
    if (op === '!' || tokens[at] === undefined || tokens[at] === ',') {
      op ??= 'exists';
      if (op === '!' && tokens[at] !== undefined && tokens[at] !== ',') return `${shown(tokens[at])}, expected: ',' or 'end of string'`;
    } else {
      const t = tokens[at++];
      if (t === '=' || t === '==' || t === '!=') {
        op = t === '!=' ? '!=' : '=';
        const v = tokens[at];
        if (v === undefined || v === ',') values.push('');
        else if (ident(v) || v === 'in' || v === 'notin') {
          values.push(v);
          at++;
        } else return `${shown(v)}, expected: identifier`;
      } else if (t === 'in' || t === 'notin') {
        op = t;
        if (tokens[at++] !== '(') return `${shown(tokens[at - 1])}, expected: '('`;
        for (;;) {
          const v = tokens[at];
          if (v === ')' || v === ',') values.push('');
          else if (v !== undefined && !special(v)) {
            values.push(v);
            at++;
          } else return `${shown(v)}, expected: ',', or identifier`;
          const next = tokens[at++];
          if (next === ')') break;
          if (next !== ',') return `${shown(next)}, expected: ',' or ')'`;
        }
        if (values.length === 1 && values[0] === '' && tokens[at - 2] === '(')
          return `unable to parse requirement: values: Invalid value: []: for 'in', 'notin' operators, values set can't be empty`;
      } else if (t === '>' || t === '<') {
        op = t === '>' ? 'gt' : 'lt';
        const v = tokens[at++];
        if (!ident(v)) return `${shown(v)}, expected: identifier`;
        if (!/^-?[0-9]+$/.test(v!))
          return `unable to parse requirement: values[0]: Invalid value: "${v}": for 'gt', 'lt' operators, the value must be an integer`;
        values.push(v!);
      } else return `${shown(t)}, expected: in, notin, =, ==, !=, gt, lt`;
      for (const [i, v] of values.entries()) {
        const badValue = op === 'gt' || op === 'lt' ? undefined : validValue(key!, v, i);
        if (badValue) return badValue;
      }
    }
    out.push({ key: key!, op, values });
    const sep = tokens[at++];
    if (sep === undefined) return out;
    if (sep !== ',') return `${shown(sep)}, expected: ',' or 'end of string'`;
    if (tokens[at] === undefined) return `found '', expected: identifier after ','`;
  }
}

/** label selectors (parsed as the server does; an invalid one never matches: the request was refused) and `metadata.name=x,involvedObject.kind=Pod` field selectors */
function matches(o: Obj, labelSelector: string, fieldSelector: string): boolean {
  const labels = o.metadata.labels ?? {};
  const reqs = parseLabelSelector(labelSelector);
  if (typeof reqs === 'string') return false;
  for (const r of reqs) {
    const has = Object.hasOwn(labels, r.key);
    const v = labels[r.key];
    const ok =
      r.op === 'exists'
        ? has
        : r.op === '!'
          ? !has
          : r.op === '='
            ? has && v === r.values[0]
            : r.op === '!='
              ? !has || v !== r.values[0]
              : r.op === 'in'
                ? has && r.values.includes(v!)
                : r.op === 'notin'
                  ? !has || !r.values.includes(v!)
                  : has && /^-?[0-9]+$/.test(v!) && (r.op === 'gt' ? Number(v) > Number(r.values[0]) : Number(v) < Number(r.values[0]));
    if (!ok) return false;
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

/** one PATCH operation per kind of the group, with the GVK extension and fieldValidation (kubectl's queryParamVerifierV3) */
function openapiV3Document(group: string): Record<string, unknown> {
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
