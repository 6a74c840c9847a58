/**
 * Reads of live Kubernetes objects in-process, straight from the API server with the kubeconfig's own
 * credentials (issue 25, ADR 0047): a cold `kubectl get` is a process start plus a discovery round
 * before its one GET; this is the GET. The kubeconfig is resolved as kubectl 1.32 resolves it
 * (client-go tools/clientcmd loader.go, client_config.go): the `KUBECONFIG` files in merge order
 * (kubeconfig.ts), each named cluster, user and context taken from the first file that defines it (the
 * entry whole, never merged field by field), `current-context` from the first file that sets one,
 * relative file paths against the file that names them. Supported: the server URL (https, or http on
 * a loopback stand-in), `certificate-authority` / `-data`, `insecure-skip-tls-verify`, `tls-server-name`,
 * `client-certificate` / `client-key` (files or `-data`), `token`, `tokenFile`, `username` / `password`.
 * Anything else — an exec plugin, an auth-provider, `proxy-url`, impersonation (`as*`), a proxy in the
 * environment for a non-loopback server, no certificate authority (Go's system roots are not Node's),
 * in-cluster config, a context, cluster or user that is not found — is not guessed at: `resolveKubeApi`
 * says why, and the caller asks kubectl (`KubeReader`), which then also words any error itself.
 */
import { existsSync, readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { dirname, isAbsolute, join } from 'node:path';
import { parse } from 'yaml';
import { ActionError } from '../errors.js';
import type { Kubectl, KubeTarget, LiveObject } from './kubectl.js';
import { kubeconfigFiles } from './kubeconfig.js';

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

/** `kind/name` of our reads → the API path; undefined for a kind this client does not map */
const PATHS: Record<string, { prefix: string; plural: string; namespaced: boolean }> = {
  deployment: { prefix: '/apis/apps/v1', plural: 'deployments', namespaced: true },
  secret: { prefix: '/api/v1', plural: 'secrets', namespaced: true },
  persistentvolumeclaim: { prefix: '/api/v1', plural: 'persistentvolumeclaims', namespaced: true },
  service: { prefix: '/api/v1', plural: 'services', namespaced: true },
  ingress: { prefix: '/apis/networking.k8s.io/v1', plural: 'ingresses', namespaced: true },
  namespace: { prefix: '/api/v1', plural: 'namespaces', namespaced: false },
  storageclass: { prefix: '/apis/storage.k8s.io/v1', plural: 'storageclasses', namespaced: false },
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

interface Answer {
  code: number;
  body: string;
}

/** The API server, over node:http(s) with the kubeconfig's credentials. */
export class KubeApi {
  constructor(private readonly creds: KubeApiCredentials) {}

  get server(): string {
    return this.creds.server.origin;
  }

  private async request(path: string, timeoutMs: number): Promise<Answer> {
    const c = this.creds;
    const url = new URL(c.server.pathname.replace(/\/+$/, '') + path, c.server);
    const headers: Record<string, string> = { accept: 'application/json', 'user-agent': 'sindri-deploy-action' };
    if (c.authorization) headers.authorization = c.authorization;
    const options = {
      method: 'GET',
      headers,
      timeout: timeoutMs,
      ...(url.protocol === 'https:'
        ? {
            rejectUnauthorized: !c.insecure,
            ...(c.ca ? { ca: c.ca } : {}),
            ...(c.cert && c.key ? { cert: c.cert, key: c.key } : {}),
            ...(c.servername ? { servername: c.servername } : {}),
          }
        : {}),
      // one connection per read, closed after it: no idle keep-alive socket holds the run open
      agent: false,
    };
    return await new Promise<Answer>((resolve, reject) => {
      const req = (url.protocol === 'https:' ? httpsRequest : httpRequest)(url, options, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (d: Buffer) => chunks.push(d));
        res.on('end', () => resolve({ code: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      });
      req.on('timeout', () => req.destroy(new Error('no answer')));
      req.on('error', reject);
      req.end();
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
      return { objects: [], forbidden: [], failed: `Unable to connect to the server: ${(e as Error).message}`.slice(0, 300) };
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
      return { failed: `Unable to connect to the server: ${(e as Error).message}`.slice(0, 300) };
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
 * Reads of live objects: in-process where the kubeconfig is one `resolveKubeApi` speaks and every ref
 * maps to a path, else `kubectl get` (one process, as before).
 */
export class KubeReader {
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

  private authOf(): string {
    const auth = this.resolved?.ok ? this.resolved.credentials.auth : 'none';
    return auth === 'none' ? 'without credentials' : `with the kubeconfig's ${auth}`;
  }
}
