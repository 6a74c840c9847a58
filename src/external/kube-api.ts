/**
 * The Kubernetes API server in-process, with the kubeconfig's own credentials (issue 25): the reads of
 * live objects (ADR 0047: a cold `kubectl get` is a process start plus a discovery round before its one
 * GET; this is the GET), the server-side apply with its dry run and the rollout watch (ADR 0052). The
 * kubeconfig is resolved as kubectl 1.32 resolves it (client-go tools/clientcmd loader.go, client_config.go): the `KUBECONFIG` files in merge order
 * (kubeconfig.ts), each named cluster, user and context taken from the first file that defines it (the
 * entry whole, never merged field by field), `current-context` from the first file that sets one,
 * relative file paths against the file that names them. Supported: the server URL (https, or http on
 * a loopback stand-in), `certificate-authority` / `-data`, `insecure-skip-tls-verify`, `tls-server-name`,
 * `client-certificate` / `client-key` (files or `-data`), `token`, `tokenFile`, `username` / `password`.
 * Anything else — an exec plugin, an auth-provider, `proxy-url`, impersonation (`as*`), a proxy in the
 * environment for a non-loopback server, no certificate authority (Go's system roots are not Node's),
 * in-cluster config, a context, cluster or user that is not found — is not guessed at: `resolveKubeApi`
 * says why, and the caller asks kubectl (`KubeClient`), which then also words any error itself.
 */
import { existsSync, readFileSync } from 'node:fs';
import { Agent as HttpAgent, request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { dirname, isAbsolute, join } from 'node:path';
import { parse } from 'yaml';
import type { Deadline } from '../deadline.js';
import { ActionError } from '../errors.js';
import { listDocument, type Kubectl, type KubeTarget, type LiveObject } from './kubectl.js';
import { kubeconfigFiles } from './kubeconfig.js';
import { rolloutVerdict, type RolloutVerdict } from './kube-rollout.js';

/** What an in-process request needs: the server and how to prove who we are. */
export interface KubeApiCredentials {
  server: URL;
  /** PEM; undefined only for http:// */
  ca?: Buffer;
  insecure: boolean;
  servername?: string;
  cert?: Buffer;
  key?: Buffer;
  /** `Authorization` header value (Bearer or Basic), never logged */
  authorization?: string;
  /** how the user is authenticated, for the log: `token`, `client certificate`, `basic auth`, `none` */
  auth: string;
}

type Entry = Record<string, unknown>;
interface Named {
  value: Entry;
  /** the folder of the file that defined it: relative paths resolve against it */
  dir: string;
}

const obj = (v: unknown): Entry | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Entry) : undefined);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** user keys we honour; any other non-empty user key means a credential we do not speak */
const USER_KEYS = new Set([
  'client-certificate',
  'client-certificate-data',
  'client-key',
  'client-key-data',
  'token',
  'tokenFile',
  'username',
  'password',
  'extensions',
]);
const CLUSTER_KEYS = new Set([
  'server',
  'certificate-authority',
  'certificate-authority-data',
  'insecure-skip-tls-verify',
  'tls-server-name',
  'extensions',
  'disable-compression',
]);

/**
 * The credentials of `context` (or the current context), or why kubectl must be asked instead.
 * A file that does not parse is a reason too (kubectl then reports it in its own words).
 */
export function resolveKubeApi(
  env: NodeJS.ProcessEnv,
  cwd: string,
  context?: string,
): { ok: true; credentials: KubeApiCredentials; context: string } | { ok: false; reason: string } {
  const clusters = new Map<string, Named>();
  const users = new Map<string, Named>();
  const contexts = new Map<string, Named>();
  let current = '';
  let files = 0;
  for (const file of kubeconfigFiles(env, cwd)) {
    if (!existsSync(file)) continue;
    let doc: Entry | undefined;
    try {
      doc = obj(parse(readFileSync(file, 'utf8')));
    } catch {
      return { ok: false, reason: `${file} does not parse` };
    }
    files++;
    if (!doc) continue;
    const dir = dirname(file);
    for (const [list, into] of [
      ['clusters', clusters],
      ['users', users],
      ['contexts', contexts],
    ] as const) {
      const inner = list === 'clusters' ? 'cluster' : list === 'users' ? 'user' : 'context';
      for (const item of Array.isArray(doc[list]) ? (doc[list] as unknown[]) : []) {
        const name = str(obj(item)?.name);
        // the first file to define a name wins, the entry whole (client-go's map merge)
        if (name && !into.has(name)) into.set(name, { value: obj(obj(item)?.[inner]) ?? {}, dir });
      }
    }
    if (!current) current = str(doc['current-context']);
  }
  if (files === 0) return { ok: false, reason: 'no kubeconfig file (in-cluster config is kubectl’s)' };
  const name = context || current;
  if (!name) return { ok: false, reason: 'no current context' };
  const ctx = contexts.get(name)?.value;
  if (!ctx) return { ok: false, reason: `context ${name} not found` };
  const cluster = clusters.get(str(ctx.cluster));
  const user = users.get(str(ctx.user)) ?? (str(ctx.user) ? undefined : { value: {}, dir: '' });
  if (!cluster) return { ok: false, reason: `cluster of context ${name} not found` };
  if (!user) return { ok: false, reason: `user of context ${name} not found` };
  const c = cluster.value;
  const u = user.value;
  const unknownUser = Object.keys(u).find((k) => !USER_KEYS.has(k) && u[k] !== undefined && u[k] !== null && u[k] !== '');
  if (unknownUser) return { ok: false, reason: `user ${unknownUser}` };
  const unknownCluster = Object.keys(c).find((k) => !CLUSTER_KEYS.has(k) && c[k] !== undefined && c[k] !== null && c[k] !== '');
  if (unknownCluster) return { ok: false, reason: `cluster ${unknownCluster}` };

  let server: URL;
  try {
    server = new URL(str(c.server));
  } catch {
    return { ok: false, reason: 'no server URL' };
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(server.hostname);
  if (server.protocol === 'http:' && !loopback) return { ok: false, reason: 'plain http to a non-loopback server' };
  if (server.protocol !== 'https:' && server.protocol !== 'http:') return { ok: false, reason: `server scheme ${server.protocol}` };
  // Go's ProxyFromEnvironment never proxies loopback; elsewhere kubectl would go through the proxy
  const proxy = (server.protocol === 'https:' ? ['HTTPS_PROXY', 'https_proxy'] : ['HTTP_PROXY', 'http_proxy']).some((k) => env[k]);
  if (proxy && !loopback) return { ok: false, reason: 'a proxy in the environment' };

  const file = (path: string, dir: string): Buffer => readFileSync(isAbsolute(path) ? path : join(dir, path));
  const data = (inline: unknown, path: unknown, dir: string): Buffer | undefined =>
    str(inline) ? Buffer.from(str(inline), 'base64') : str(path) ? file(str(path), dir) : undefined;
  try {
    const insecure = c['insecure-skip-tls-verify'] === true;
    const ca = data(c['certificate-authority-data'], c['certificate-authority'], cluster.dir);
    if (insecure && ca) return { ok: false, reason: 'a certificate authority with insecure-skip-tls-verify' };
    if (server.protocol === 'https:' && !insecure && !ca) return { ok: false, reason: 'no certificate authority (system roots)' };
    const cert = data(u['client-certificate-data'], u['client-certificate'], user.dir);
    const key = data(u['client-key-data'], u['client-key'], user.dir);
    if (Boolean(cert) !== Boolean(key)) return { ok: false, reason: 'a client certificate without its key' };
    const token = str(u.token) || (str(u.tokenFile) ? file(str(u.tokenFile), user.dir).toString('utf8').trim() : '');
    const basic = str(u.username) || str(u.password);
    if (token && basic) return { ok: false, reason: 'both a token and basic auth' };
    const authorization = token
      ? `Bearer ${token}`
      : basic
        ? `Basic ${Buffer.from(`${str(u.username)}:${str(u.password)}`).toString('base64')}`
        : undefined;
    const auth = [cert ? 'client certificate' : '', token ? 'token' : '', basic ? 'basic auth' : ''].filter(Boolean).join(' + ') || 'none';
    const servername = str(c['tls-server-name']) || undefined;
    return {
      ok: true,
      context: name,
      credentials: {
        server,
        insecure,
        auth,
        ...(ca ? { ca } : {}),
        ...(cert && key ? { cert, key } : {}),
        ...(authorization ? { authorization } : {}),
        ...(servername ? { servername } : {}),
      },
    };
  } catch (e) {
    return { ok: false, reason: `a file it names cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})` };
  }
}

/**
 * The kinds this client maps to API paths without discovery: what the action's own manifests hold, a
 * ConfigMap, and the StorageClass it reads. `apiVersion` is the one version served at `prefix`: an
 * object of another version (or a kind not here) is applied through kubectl, which discovers it.
 */
const PATHS: Record<string, { prefix: string; apiVersion: string; plural: string; namespaced: boolean }> = {
  deployment: { prefix: '/apis/apps/v1', apiVersion: 'apps/v1', plural: 'deployments', namespaced: true },
  secret: { prefix: '/api/v1', apiVersion: 'v1', plural: 'secrets', namespaced: true },
  configmap: { prefix: '/api/v1', apiVersion: 'v1', plural: 'configmaps', namespaced: true },
  persistentvolumeclaim: { prefix: '/api/v1', apiVersion: 'v1', plural: 'persistentvolumeclaims', namespaced: true },
  service: { prefix: '/api/v1', apiVersion: 'v1', plural: 'services', namespaced: true },
  ingress: { prefix: '/apis/networking.k8s.io/v1', apiVersion: 'networking.k8s.io/v1', plural: 'ingresses', namespaced: true },
  namespace: { prefix: '/api/v1', apiVersion: 'v1', plural: 'namespaces', namespaced: false },
  storageclass: { prefix: '/apis/storage.k8s.io/v1', apiVersion: 'storage.k8s.io/v1', plural: 'storageclasses', namespaced: false },
};

export function apiPath(namespace: string, ref: string): string | undefined {
  const [kind = '', name = '', extra] = ref.split('/');
  const p = PATHS[kind];
  if (!p || !name || extra !== undefined) return undefined;
  const enc = encodeURIComponent;
  return p.namespaced ? `${p.prefix}/namespaces/${enc(namespace)}/${p.plural}/${enc(name)}` : `${p.prefix}/${p.plural}/${enc(name)}`;
}

/** `GET` of the `kind` objects (a kind of PATHS) in `namespace` matching `selector`; undefined for a kind not mapped */
export function listPath(namespace: string, kind: string, selector: string): string | undefined {
  const p = PATHS[kind];
  if (!p) return undefined;
  const base = p.namespaced ? `${p.prefix}/namespaces/${encodeURIComponent(namespace)}/${p.plural}` : `${p.prefix}/${p.plural}`;
  return `${base}?${new URLSearchParams({ labelSelector: selector }).toString()}`;
}

/**
 * Where a server-side apply of `o` goes (`PATCH <path>`), and the name kubectl prints for it
 * (`deployment.apps/<name>`); or why this client leaves the apply to kubectl, which discovers kinds.
 */
export function objectPath(
  namespace: string,
  o: Pick<LiveObject, 'apiVersion' | 'kind' | 'metadata'>,
): { path: string; ref: string; namespaced: boolean } | { reason: string } {
  const kind = o.kind.toLowerCase();
  const p = PATHS[kind];
  if (!p || p.apiVersion !== o.apiVersion) return { reason: `${o.apiVersion} ${o.kind} is a kind only kubectl's discovery maps` };
  const name = o.metadata.name;
  // a namespaced object named for another namespace: kubectl refuses it in its own words
  if (!name || (p.namespaced && o.metadata.namespace && o.metadata.namespace !== namespace))
    return { reason: `${o.kind} ${name || '(no name)'} is named for namespace ${o.metadata.namespace ?? ''}` };
  const group = p.apiVersion.includes('/') ? p.apiVersion.split('/')[0]! : '';
  return { path: apiPath(namespace, `${kind}/${name}`)!, ref: `${kind}${group ? `.${group}` : ''}/${name}`, namespaced: p.namespaced };
}

/** What a server-side apply of a List left: every object applied, or which were and why the rest was refused. */
export type ApplyOutcome = { ok: true; objects: LiveObject[] } | { ok: false; failed: string; applied: string[]; note?: string };

/** One object of an apply: where it goes and what kubectl calls it. */
interface Placed {
  object: LiveObject;
  path: string;
  ref: string;
  namespaced: boolean;
}

interface Answer {
  code: number;
  body: string;
  /** the texts of the server's `Warning: 299 - "…"` headers (what kubectl prints as `Warning: …`) */
  warnings: string[];
  /** the `Retry-After` header, as sent */
  retryAfter?: string;
}

/** How long a 429 or 5xx answer asks to wait before the same request again (whole seconds, as client-go reads it), else undefined. */
export function retryAfterMs(a: Pick<Answer, 'code' | 'retryAfter'>): number | undefined {
  if (a.code !== 429 && a.code < 500) return undefined;
  if (!a.retryAfter || !/^\d+$/.test(a.retryAfter.trim())) return undefined;
  return Number(a.retryAfter.trim()) * 1000;
}

/** An answer's warning headers: `299 - "<text>"` each (RFC 7234 warn-text, as the API server writes them). */
export function warningTexts(headers: readonly string[] | undefined): string[] {
  const texts: string[] = [];
  for (const h of headers ?? [])
    for (const m of h.matchAll(/\d{3} \S+ "((?:[^"\\]|\\.)*)"/g)) {
      try {
        texts.push(JSON.parse(`"${m[1]}"`) as string);
      } catch {
        texts.push(m[1]!);
      }
    }
  return texts;
}

const HTTP_AGENT = new HttpAgent({ keepAlive: true });
const HTTPS_AGENT = new HttpsAgent({ keepAlive: true });

/** The API server, over node:http(s) with the kubeconfig's credentials. */
export class KubeApi {
  constructor(private readonly creds: KubeApiCredentials) {}

  get server(): string {
    return this.creds.server.origin;
  }

  /**
   * One request, its answer whole. `timeoutMs` is how long the socket may stay silent; a write sends
   * `body` as `body.type`. A kept-alive connection the server closed meanwhile is retried once on a new
   * one (Node's `reusedSocket` pattern): every request here is idempotent (reads, server-side applies,
   * a delete).
   */
  private async request(path: string, timeoutMs: number, write?: { method: string; type: string; text: string }): Promise<Answer> {
    // client-go's rule (rest/request.go checkWait, maxRetries 10): a 429 or a 5xx that says
    // `Retry-After: <seconds>` is asked again after that wait, while the request's own time allows
    for (let attempt = 0, waited = 0; ; attempt++) {
      const a = await this.once(path, timeoutMs, write);
      const wait = retryAfterMs(a);
      if (wait === undefined || attempt >= 10 || waited + wait >= timeoutMs) return a;
      await new Promise((r) => setTimeout(r, wait));
      waited += wait;
    }
  }

  /** one request, and one retry on a new connection when a kept-alive one was closed meanwhile */
  private async once(
    path: string,
    timeoutMs: number,
    write?: { method: string; type: string; text: string },
    retried = false,
  ): Promise<Answer> {
    return await new Promise<Answer>((resolve, reject) => {
      const req = this.open(path, timeoutMs, write, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (d: Buffer) => chunks.push(d));
        res.on('end', () =>
          resolve({
            code: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            warnings: warningTexts(res.headersDistinct.warning),
            retryAfter: res.headers['retry-after'],
          }),
        );
        res.on('error', reject);
      });
      req.on('error', (e: NodeJS.ErrnoException) => {
        if (!retried && req.reusedSocket && (e.code === 'ECONNRESET' || e.code === 'EPIPE'))
          this.once(path, timeoutMs, write, true).then(resolve, reject);
        else reject(e);
      });
    });
  }

  /** the request itself: the server's origin and path prefix, our credentials, a kept-alive connection of the run */
  private open(
    path: string,
    timeoutMs: number,
    write: { method: string; type: string; text: string } | undefined,
    onAnswer: (res: IncomingMessage) => void,
  ): ClientRequest {
    const c = this.creds;
    const url = new URL(c.server.pathname.replace(/\/+$/, '') + path, c.server);
    const headers: Record<string, string> = { accept: 'application/json', 'user-agent': 'sindri-deploy-action' };
    if (c.authorization) headers.authorization = c.authorization;
    if (write) headers['content-type'] = write.type;
    const options = {
      method: write?.method ?? 'GET',
      headers,
      ...(timeoutMs > 0 ? { timeout: timeoutMs } : {}),
      ...(url.protocol === 'https:'
        ? {
            rejectUnauthorized: !c.insecure,
            ...(c.ca ? { ca: c.ca } : {}),
            ...(c.cert && c.key ? { cert: c.cert, key: c.key } : {}),
            ...(c.servername ? { servername: c.servername } : {}),
          }
        : {}),
      // connections kept alive for the run (a TLS handshake once, not per request); Node unrefs an idle
      // one, so none holds the run open. The https agent pools by the TLS options above.
      agent: url.protocol === 'https:' ? HTTPS_AGENT : HTTP_AGENT,
    };
    const req = (url.protocol === 'https:' ? httpsRequest : httpRequest)(url, options, onAnswer);
    req.on('timeout', () => req.destroy(new Error('no answer')));
    req.end(write?.text);
    return req;
  }

  /**
   * One object, server-side applied as kubectl 1.32 sends it: `PATCH` with the object as
   * `application/apply-patch+yaml` (JSON is YAML), our field manager, `force=true`
   * (`--force-conflicts`) and `fieldValidation=Strict` (kubectl's default `--validate=strict`, which the
   * server enforces); `dryRun=All` answers without persisting anything.
   */
  private async applyOne(p: Placed, fieldManager: string, dryRun: boolean, timeoutMs: number): Promise<Answer> {
    const query = new URLSearchParams({ fieldManager, force: 'true', fieldValidation: 'Strict', ...(dryRun ? { dryRun: 'All' } : {}) });
    return await this.request(`${p.path}?${query.toString()}`, timeoutMs, {
      method: 'PATCH',
      type: 'application/apply-patch+yaml',
      text: JSON.stringify(p.object),
    });
  }

  /**
   * `kubectl apply --server-side --force-conflicts` of `objects` into `namespace` (every one mapped by
   * `objectPath`), and a guarantee kubectl gives only for schema errors: nothing is persisted unless
   * the API server accepted every object in a dry run first (`dryRun=All`: its validation, admission
   * and defaulting, nothing stored). Then, in rounds, each round's requests side by side: the
   * cluster-scoped objects (the namespace), everything namespaced but the Deployments (Secrets, the
   * claim, the Service, …), then the Deployments, so the pods start with what they read already there.
   * A namespace this apply creates is created before its objects' dry run (a server refuses a dry run
   * into a namespace that does not exist); when that dry run then fails, the namespace is deleted again.
   * `say` gets kubectl's lines (`<kind>.<group>/<name> serverside-applied`, `Warning: …`).
   * With `dryRun`, only the dry run: the objects the server answered with (the plan's diff).
   */
  async apply(
    namespace: string,
    objects: readonly LiveObject[],
    fieldManager: string,
    timeoutMs: number,
    say: (line: string) => void,
    dryRun = false,
  ): Promise<ApplyOutcome> {
    const placed = objects.map((object) => ({ object, ...(objectPath(namespace, object) as Omit<Placed, 'object'>) }));
    const cluster = placed.filter((p) => !p.namespaced);
    const inside = placed.filter((p) => p.namespaced);
    const creates = cluster.some((p) => p.object.kind === 'Namespace' && p.object.metadata.name === namespace);
    const applied: string[] = [];
    const round = async (
      batch: readonly Placed[],
      check: boolean,
    ): Promise<{ failed: string; answers?: undefined } | { answers: Answer[] }> => {
      let answers: Answer[];
      try {
        answers = await Promise.all(batch.map(async (p) => await this.applyOne(p, fieldManager, check, timeoutMs)));
      } catch (e) {
        return { failed: unreachableLine(e) };
      }
      const refused = answers.findIndex((a) => a.code !== 200 && a.code !== 201);
      if (refused >= 0) return { failed: `${batch[refused]!.ref}: ${refusal(answers[refused]!)}` };
      if (!check)
        batch.forEach((p, i) => {
          for (const w of answers[i]!.warnings) say(`Warning: ${w}`);
          say(`${p.ref} serverside-applied`);
          applied.push(p.ref);
        });
      return { answers };
    };
    if (dryRun) {
      const r = await round(placed, true);
      if (r.answers === undefined) return { ok: false, failed: r.failed, applied };
      return { ok: true, objects: r.answers.map((a) => JSON.parse(a.body) as LiveObject) };
    }
    const first = await round(creates ? cluster : placed, true);
    if (first.answers === undefined) return { ok: false, failed: first.failed, applied };
    const made = await round(cluster, false);
    if (made.answers === undefined) return { ok: false, failed: made.failed, applied };
    if (creates && inside.length > 0) {
      const checked = await round(inside, true);
      if (checked.answers === undefined) {
        const createdNow = made.answers.some((a, i) => a.code === 201 && cluster[i]!.object.kind === 'Namespace');
        const removed = createdNow && (await this.deleteNamespace(namespace, timeoutMs));
        return {
          ok: false,
          failed: checked.failed,
          applied: removed ? [] : applied,
          note: removed ? `namespace ${namespace}, created by this apply, was deleted again` : undefined,
        };
      }
    }
    const workloads = inside.filter((p) => p.object.kind === 'Deployment');
    for (const batch of [inside.filter((p) => p.object.kind !== 'Deployment'), workloads]) {
      if (batch.length === 0) continue;
      const r = await round(batch, false);
      if (r.answers === undefined) return { ok: false, failed: r.failed, applied };
    }
    return { ok: true, objects: [] };
  }

  /** `DELETE` of a namespace (it goes with everything in it); false when the server did not accept it */
  private async deleteNamespace(namespace: string, timeoutMs: number): Promise<boolean> {
    try {
      const a = await this.request(apiPath('', `namespace/${namespace}`)!, timeoutMs, {
        method: 'DELETE',
        type: 'application/json',
        text: '',
      });
      return a.code === 200 || a.code === 202;
    } catch {
      return false;
    }
  }

  /**
   * `kubectl rollout status deployment/<name> --watch --timeout=…`: one look, then a watch of that
   * Deployment (`fieldSelector=metadata.name=<name>` from the resourceVersion looked at), each event
   * judged by kubectl's own viewer (kube-rollout.ts), each new verdict said, until it is rolled out,
   * cannot be (its progress deadline), or `until` ends (kubectl's `timed out waiting for the
   * condition`; like kubectl's `--timeout`, at least a second). A watch the server ends early is taken
   * up again from a fresh look.
   */
  async rolloutStatus(
    namespace: string,
    name: string,
    until: Deadline,
    say: (line: string) => void,
  ): Promise<{ ok: boolean; last: string }> {
    const end = until.atLeast(1000);
    const path = apiPath(namespace, `deployment/${name}`)!;
    let said = '';
    const judge = (d: LiveObject): RolloutVerdict => {
      const v = rolloutVerdict(d);
      if (v.state !== 'failed' && v.message !== said) say(v.message);
      said = v.message;
      return v;
    };
    for (;;) {
      const left = end.remaining();
      if (left <= 0) return TIMED_OUT;
      let looked: Answer;
      try {
        looked = await this.request(path, Math.min(left, 30_000));
      } catch (e) {
        return { ok: false, last: unreachableLine(e) };
      }
      if (looked.code !== 200) return { ok: false, last: refusal(looked) };
      let d: LiveObject & { metadata: { resourceVersion?: string } };
      try {
        d = JSON.parse(looked.body) as typeof d;
      } catch {
        return { ok: false, last: 'the API server answered 200 with something that is not JSON' };
      }
      const now = judge(d);
      if (now.state !== 'waiting') return ended(now);
      const watched = await this.watchDeployment(namespace, name, d.metadata.resourceVersion ?? '', end, judge);
      if (watched) return watched;
    }
  }

  /** One watch until a verdict that ends it (returned), or undefined when the stream ended first (look again). */
  private async watchDeployment(
    namespace: string,
    name: string,
    resourceVersion: string,
    end: Deadline,
    judge: (d: LiveObject) => RolloutVerdict,
  ): Promise<{ ok: boolean; last: string } | undefined> {
    const left = end.remaining();
    const query = new URLSearchParams({
      fieldSelector: `metadata.name=${name}`,
      resourceVersion,
      watch: 'true',
      timeoutSeconds: String(Math.max(1, Math.ceil(left / 1000))),
    });
    const path = `${apiPath(namespace, `deployment/${name}`)!.replace(/\/[^/]+$/, '')}?${query.toString()}`;
    return await new Promise((resolve) => {
      let done = false;
      const finish = (r: { ok: boolean; last: string } | undefined) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        req.destroy();
        resolve(r);
      };
      const timer = setTimeout(() => finish(TIMED_OUT), left);
      const req = this.open(path, 0, undefined, (res) => {
        if (res.statusCode !== 200) {
          const chunks: Buffer[] = [];
          res.on('data', (b: Buffer) => chunks.push(b));
          res.on('end', () =>
            finish({ ok: false, last: refusal({ code: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), warnings: [] }) }),
          );
          return;
        }
        let partial = '';
        res.on('data', (b: Buffer) => {
          const lines = (partial + b.toString('utf8')).split('\n');
          partial = lines.pop() ?? '';
          for (const line of lines) {
            if (!line.trim() || done) continue;
            let event: { type?: string; object?: LiveObject };
            try {
              event = JSON.parse(line) as typeof event;
            } catch {
              return finish(undefined); // not an event: look again
            }
            if (event.type === 'DELETED') return finish({ ok: false, last: 'error: object has been deleted' });
            // an ERROR event (410 Gone: the resourceVersion is too old): look again
            if (event.type === 'ERROR' || !event.object) return finish(undefined);
            const v = judge(event.object);
            if (v.state !== 'waiting') return finish(ended(v));
          }
        });
        res.on('end', () => finish(undefined));
        res.on('error', () => finish(undefined));
      });
      req.on('error', (e) => finish(end.remaining() <= 0 ? TIMED_OUT : { ok: false, last: unreachableLine(e) }));
    });
  }

  /**
   * The objects among `refs` (in their order), those the server refused (kubectl's
   * `Error from server (Forbidden): …` lines), and `failed` when it did not answer as a server does:
   * the same shape as `Kubectl.getAllowed`.
   */
  async getAllowed(
    namespace: string,
    refs: readonly string[],
    timeoutMs: number,
  ): Promise<{ objects: LiveObject[]; forbidden: string[]; failed?: string }> {
    let answers: Answer[];
    try {
      answers = await Promise.all(refs.map(async (r) => await this.request(apiPath(namespace, r)!, timeoutMs)));
    } catch (e) {
      return { objects: [], forbidden: [], failed: unreachableLine(e) };
    }
    const objects: LiveObject[] = [];
    const forbidden: string[] = [];
    for (const a of answers) {
      if (a.code === 200) {
        try {
          objects.push(JSON.parse(a.body) as LiveObject);
        } catch {
          return { objects: [], forbidden: [], failed: 'the API server answered 200 with something that is not JSON' };
        }
        continue;
      }
      if (a.code === 404) continue;
      const status = parseStatus(a.body);
      if (a.code === 403) forbidden.push(`Error from server (Forbidden): ${status.message ?? 'forbidden'}`);
      else if (a.code === 401) return { objects: [], forbidden: [], failed: 'error: You must be logged in to the server (Unauthorized)' };
      else
        return {
          objects: [],
          forbidden: [],
          failed: `Error from server (${status.reason ?? a.code}): ${status.message ?? ''}`.slice(0, 300),
        };
    }
    return { objects, forbidden };
  }

  /**
   * `kind/name` of each `kind` object matching `selector`, in the server's order: what
   * `kubectl get <kinds> --selector <selector> --output name` prints. A refusal or no answer is `failed`.
   */
  async listByLabel(
    namespace: string,
    kind: string,
    selector: string,
    timeoutMs: number,
  ): Promise<{ names: string[] } | { failed: string }> {
    let a: Answer;
    try {
      a = await this.request(listPath(namespace, kind, selector)!, timeoutMs);
    } catch (e) {
      return { failed: unreachableLine(e) };
    }
    if (a.code !== 200) return { failed: refusal(a) };
    try {
      const list = JSON.parse(a.body) as { items?: { metadata?: { name?: unknown } }[] };
      if (!Array.isArray(list.items)) throw new Error('no items');
      return { names: list.items.map((o) => `${kind}/${str(o.metadata?.name)}`) };
    } catch {
      return { failed: 'the API server answered 200 with something that is not a list' };
    }
  }
}

/** kubectl's words for a request that got no answer */
const unreachableLine = (e: unknown): string => `Unable to connect to the server: ${(e as Error).message}`.slice(0, 300);

/** kubectl's last line for a verdict that ends the watch: the success line, or the error */
const ended = (v: RolloutVerdict): { ok: boolean; last: string } =>
  v.state === 'done' ? { ok: true, last: v.message } : { ok: false, last: `error: ${v.message}` };

/** kubectl's words for a rollout watch that ran out of time (`--timeout`) */
const TIMED_OUT = { ok: false, last: 'error: timed out waiting for the condition' } as const;

/** kubectl's words for an answer that is neither 200 nor 404 */
function refusal(a: Answer): string {
  const status = parseStatus(a.body);
  if (a.code === 401) return 'error: You must be logged in to the server (Unauthorized)';
  return `Error from server (${a.code === 403 ? 'Forbidden' : (status.reason ?? a.code)}): ${status.message ?? ''}`.slice(0, 300);
}

function parseStatus(body: string): { reason?: string; message?: string } {
  try {
    const s = JSON.parse(body) as { reason?: unknown; message?: unknown };
    return {
      ...(typeof s.reason === 'string' ? { reason: s.reason } : {}),
      ...(typeof s.message === 'string' ? { message: s.message } : {}),
    };
  } catch {
    return { message: body.split('\n')[0]?.slice(0, 200) ?? '' };
  }
}

/**
 * The cluster for the provider: in-process where the kubeconfig is one `resolveKubeApi` speaks and
 * every object or ref maps to a path, else kubectl (one process each, as before), with one line
 * saying why. Reads (ADR 0047), and the deploy's server-side apply and rollout watch (ADR 0052).
 */
export class KubeClient {
  private resolved?: ReturnType<typeof resolveKubeApi>;

  constructor(
    private readonly kubectl: Kubectl,
    private readonly env: NodeJS.ProcessEnv,
    private readonly cwd: string,
    private readonly log: (line: string) => void = () => {},
  ) {}

  /** the API client for `target`'s context, or why kubectl reads instead (resolved once) */
  api(target: { context?: string }): { api: KubeApi } | { reason: string } {
    this.resolved ??= resolveKubeApi(this.env, this.cwd, target.context);
    return this.resolved.ok ? { api: new KubeApi(this.resolved.credentials) } : { reason: this.resolved.reason };
  }

  async getAllowed(
    target: KubeTarget,
    refs: readonly string[],
    timeoutMs: number,
  ): Promise<{ objects: LiveObject[]; forbidden: string[]; failed?: string }> {
    const chosen = this.api(target);
    if ('api' in chosen && refs.every((r) => apiPath(target.namespace, r))) {
      this.log(
        `reading ${refs.join(' ')} in namespace ${target.namespace} from ${chosen.api.server} in-process, ${this.authOf()} (no kubectl process)`,
      );
      return await chosen.api.getAllowed(target.namespace, refs, timeoutMs);
    }
    if ('reason' in chosen) this.log(`reading through kubectl (kubeconfig: ${chosen.reason}, which this action leaves to kubectl)`);
    return await this.kubectl.getAllowed(target, refs, timeoutMs);
  }

  /** like `Kubectl.get`: a read that fails throws */
  async get(target: KubeTarget, refs: readonly string[], timeoutMs: number): Promise<LiveObject[]> {
    const chosen = this.api(target);
    if (!('api' in chosen) || !refs.every((r) => apiPath(target.namespace, r))) return await this.kubectl.get(target, refs, timeoutMs);
    const r = await this.getAllowed(target, refs, timeoutMs);
    const why = r.failed ?? r.forbidden[0];
    if (why)
      throw new ActionError(`the live objects could not be read: ${why}`, { fix: 'check that the kubeconfig user may get these objects' });
    return r.objects;
  }

  /**
   * Like `Kubectl.listByLabel` for one kind (`secret`): `kind/name` lines; a read that fails throws.
   * In-process where the kubeconfig allows, else `kubectl get <plural> --selector … --output name`.
   */
  async listByLabel(target: KubeTarget, kind: string, selector: string, timeoutMs: number): Promise<string[]> {
    const chosen = this.api(target);
    if (!('api' in chosen) || !listPath(target.namespace, kind, selector))
      return await this.kubectl.listByLabel(target, [PATHS[kind]?.plural ?? kind], selector, timeoutMs);
    this.log(
      `listing ${kind} objects by label in namespace ${target.namespace} from ${chosen.api.server} in-process, ${this.authOf()} (no kubectl process)`,
    );
    const r = await chosen.api.listByLabel(target.namespace, kind, selector, timeoutMs);
    if ('failed' in r)
      throw new ActionError(`the ${kind} objects could not be listed: ${r.failed}`, {
        fix: `check that the kubeconfig user may list ${PATHS[kind]!.plural} in namespace ${target.namespace}`,
      });
    return r.names;
  }

  /**
   * Like `Kubectl.apply`: every object applied, or an ActionError naming what was applied and what
   * the server refused. In-process (kubectl's output lines, a dry run of the whole first) where every
   * object maps to a path, else `kubectl apply --server-side` of the same List on stdin.
   */
  async apply(target: KubeTarget, objects: readonly LiveObject[], fieldManager: string, timeoutMs: number): Promise<void> {
    const api = this.forObjects(target, objects);
    if (!api) return await this.kubectl.apply(target, listDocument(objects), fieldManager, timeoutMs);
    this.log(
      `applying ${objects.length} object${objects.length === 1 ? '' : 's'} in namespace ${target.namespace} on ${api.server} in-process: server-side apply, field manager ${fieldManager}, conflicts forced, all checked by a dry run first; ${this.authOf()} (no kubectl process)`,
    );
    const r = await api.apply(target.namespace, objects, fieldManager, timeoutMs, this.log);
    if (r.ok) return;
    throw new ActionError(`the server-side apply was refused: ${r.failed}`, {
      fix:
        r.applied.length > 0
          ? `these objects were applied before it (${r.applied.join(', ')}): read the API server's message, fix it, and deploy again`
          : `nothing was applied${r.note ? ` (${r.note})` : ''}: the API server refused it in a dry run before anything was persisted; read its message, fix the object, and deploy again`,
    });
  }

  /** Like `Kubectl.applyDryRun`: the objects a server-side apply would leave, nothing persisted. */
  async applyDryRun(target: KubeTarget, objects: readonly LiveObject[], fieldManager: string, timeoutMs: number): Promise<LiveObject[]> {
    const api = this.forObjects(target, objects);
    if (!api) return await this.kubectl.applyDryRun(target, listDocument(objects), fieldManager, timeoutMs);
    this.log(`a dry run of the server-side apply (dryRun=All) on ${api.server} in-process, ${this.authOf()} (no kubectl process)`);
    const r = await api.apply(target.namespace, objects, fieldManager, timeoutMs, () => {}, true);
    if (!r.ok) throw new ActionError(`the server-side apply's dry run was refused: ${r.failed}`);
    return r.objects;
  }

  /**
   * Like `Kubectl.rolloutStatus` (its result: code 0 when rolled out, stdout the lines said, stderr the
   * error): in-process where the kubeconfig allows, each line kubectl would print said as it comes.
   */
  async rolloutStatus(target: KubeTarget, deployment: string, until: Deadline): Promise<{ code: number; stdout: string; stderr: string }> {
    const chosen = this.api(target);
    if (!('api' in chosen)) return await this.kubectl.rolloutStatus(target, deployment, until.remaining());
    this.log(
      `watching the rollout of deployment/${deployment} in namespace ${target.namespace} on ${chosen.api.server} in-process, ${this.authOf()} (no kubectl process)`,
    );
    const lines: string[] = [];
    const r = await chosen.api.rolloutStatus(target.namespace, deployment, until, (l) => {
      lines.push(l);
      this.log(l);
    });
    return r.ok ? { code: 0, stdout: lines.join('\n'), stderr: '' } : { code: 1, stdout: lines.join('\n'), stderr: r.last };
  }

  /** the API client when every object maps to a path, else undefined after one line saying why kubectl applies */
  private forObjects(target: KubeTarget, objects: readonly LiveObject[]): KubeApi | undefined {
    const chosen = this.api(target);
    const unmapped = objects.map((o) => objectPath(target.namespace, o)).find((p) => 'reason' in p);
    const why =
      'reason' in chosen
        ? `kubeconfig: ${chosen.reason}, which this action leaves to kubectl`
        : unmapped && 'reason' in unmapped
          ? unmapped.reason
          : undefined;
    if (why === undefined && 'api' in chosen) return chosen.api;
    this.log(`applying through kubectl (${why})`);
    return undefined;
  }

  private authOf(): string {
    const auth = this.resolved?.ok ? this.resolved.credentials.auth : 'none';
    return auth === 'none' ? 'without credentials' : `with the kubeconfig's ${auth}`;
  }
}
