/**
 * This process's kubectl environment pointed at a stand-in API server: a kubeconfig in `dir` with the
 * given contexts on it, a discovery cache beside it, the pinned kubectl first on PATH. Returns what
 * puts the previous values back (afterAll).
 */
export function kubectlEnvFor(
  api: { writeKubeconfig(path: string, contexts?: string[]): void },
  dir: string,
  contexts = ['ci'],
): () => void {
  api.writeKubeconfig(join(dir, 'config'), contexts);
  const saved: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries({ KUBECONFIG: join(dir, 'config'), KUBECACHEDIR: join(dir, 'cache'), PATH: kubectlPath() })) {
    saved[k] = process.env[k];
    process.env[k] = v;
  }
  return () => {
    for (const [k, v] of Object.entries(saved))
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
  };
}

/**
 * The Kubernetes the tests talk to, and the kubectl they talk to it with — chosen here and nowhere else.
 *
 * kubectl: always the pinned, checksum-verified upstream kubectl 1.32.3 that `scripts/ci-services.sh`
 * installs (scripts/services/kubectl.sh, pin in scripts/services/kubectl-pin.env), first on the PATH
 * the action and the tests run with. Never the machine's own: on these machines `/usr/bin/kubectl` is
 * Google Cloud SDK's dispatcher, which runs one of several bundled kubectl builds (1.27–1.33) picked by
 * the version the API server reports, so the client under test would depend on the server. A test that
 * needs kubectl and does not find the pinned one fails with the command that installs it.
 *
 * The cluster, from `SINDRI_TEST_KUBE`:
 * - unset or `stand-in` (the default): the loopback stand-in API server of fake-kube-apiserver.ts,
 *   strict as a 1.32 server (ADR 0020); it logs every request.
 * - `kind`: a REAL cluster (GitHub CI creates it with kind; it cannot run on these machines), taken
 *   from `KUBECONFIG`'s current context. kubectl reaches it through a loopback recording proxy that
 *   adds the kubeconfig's credentials, so the tests read the same request log as with the stand-in.
 *   What the cluster must offer: nodes that pull `127.0.0.1:5000/<repo>` from the runner's registry
 *   (a containerd mirror of `127.0.0.1:5000`), kind's default StorageClass `standard`, the `kind` CLI
 *   on PATH, and a current context named `kind-<cluster>`. With no reachable cluster the run fails at
 *   `start()` with one message saying so. Nothing is skipped in either mode.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import { request as httpsRequest, type RequestOptions } from 'node:https';
import type { AddressInfo } from 'node:net';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { FakeKubeApiServer, kubeconfigYaml, type LoggedRequest, type Obj } from './fake-kube-apiserver.js';
import { exec } from './exec.js';
import type { Fakes } from './fakes.js';

const PIN_FILE = fileURLToPath(new URL('../../scripts/services/kubectl-pin.env', import.meta.url));

function pin(): Record<string, string> {
  return Object.fromEntries(
    readFileSync(PIN_FILE, 'utf8')
      .split('\n')
      .filter((l) => /^[A-Z][A-Z0-9_]*=/.test(l))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1).trim()]),
  );
}

let verified: string | undefined;

/** The pinned kubectl's path, its sha256 checked once per process; throws (the test fails) when it is missing or different. */
export function testKubectl(): string {
  if (verified) return verified;
  const { KUBECTL_PATH: path, KUBECTL_SHA256: want, KUBECTL_VERSION: version } = pin();
  const fix =
    'run `bash scripts/ci-services.sh` (or `bash scripts/services/kubectl.sh`): it installs the pinned, checksum-verified kubectl';
  if (!path || !existsSync(path)) throw new Error(`the tests' kubectl ${version} is not installed at ${path}: ${fix}`);
  const got = createHash('sha256').update(readFileSync(path)).digest('hex');
  if (got !== want) throw new Error(`${path} has sha256 ${got}, not the pinned kubectl ${version} (${want}): ${fix}`);
  verified = path;
  return path;
}

/** PATH with the pinned kubectl first: what the action and every kubectl a test starts resolve `kubectl` from. */
export function kubectlPath(base = process.env.PATH ?? ''): string {
  return `${dirname(testKubectl())}${delimiter}${base}`;
}

export type KubeBackend = 'stand-in' | 'kind';

/** the backend this run uses (read once, here only) */
export function kubeBackend(): KubeBackend {
  const v = process.env.SINDRI_TEST_KUBE ?? '';
  if (v === '' || v === 'stand-in') return 'stand-in';
  if (v === 'kind') return 'kind';
  throw new Error(`SINDRI_TEST_KUBE="${v}": use kind (a real cluster from KUBECONFIG) or leave it unset (the stand-in)`);
}

/** What the tests read and control of the cluster, the same for both backends. */
export interface KubeCluster {
  readonly backend: KubeBackend;
  /** every request kubectl sent (the stand-in's log, or the recording proxy's) */
  readonly requests: LoggedRequest[];
  /** the kind cluster name a `kind-<name>` context refers to */
  readonly kindCluster: string;
  /**
   * Images whose rollout never becomes ready. The stand-in has no kubelet and decides by this; a real
   * cluster decides by the image itself (the tests build such images to exit at once), so set both.
   */
  neverReady: (image: string) => boolean;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** a kubeconfig whose contexts (by these names, plus `unreachable` on a closed port) all reach this cluster */
  writeKubeconfig(path: string, contexts: string[]): void;
  object(plural: string, namespace: string, name: string): Promise<Obj | undefined>;
  /** objects of these kinds (plural, `deployments.apps` style) in every namespace with this label selector */
  labelled(plurals: readonly string[], selector: string): Promise<Obj[]>;
  /** objects of one kind in one namespace */
  objects(plural: string, namespace: string): Promise<Obj[]>;
  /** the images a `kind load docker-image` put into the cluster (the stand-in: the kind stand-in's record) */
  kindLoaded(fakes: Fakes): Promise<string[]>;
  /** the local-cluster CLIs to stand in for: with a real kind cluster, kind itself is real */
  fakeTools(): string[];
}

/** The cluster of this run (SINDRI_TEST_KUBE). */
export function kubeCluster(): KubeCluster {
  return kubeBackend() === 'kind' ? new RealKind() : new StandIn();
}

const API_PATH: Record<string, string> = {
  namespaces: '/api/v1/namespaces',
  services: '/api/v1/services',
  secrets: '/api/v1/secrets',
  persistentvolumeclaims: '/api/v1/persistentvolumeclaims',
  'deployments.apps': '/apis/apps/v1/deployments',
  deployments: '/apis/apps/v1/deployments',
  replicasets: '/apis/apps/v1/replicasets',
  'ingresses.networking.k8s.io': '/apis/networking.k8s.io/v1/ingresses',
};

function collectionPath(plural: string, namespace?: string): string {
  const all = API_PATH[plural];
  if (!all) throw new Error(`kube-cluster: no API path for ${plural}`);
  if (!namespace || plural === 'namespaces') return all;
  const [, prefix, kind] = /^(.*)\/([^/]+)$/.exec(all)!;
  return `${prefix}/namespaces/${namespace}/${kind}`;
}

class StandIn implements KubeCluster {
  readonly backend = 'stand-in' as const;
  readonly kindCluster = 'sindri';
  readonly api = new FakeKubeApiServer();
  get requests(): LoggedRequest[] {
    return this.api.requests;
  }
  get neverReady(): (image: string) => boolean {
    return this.api.neverReady;
  }
  set neverReady(f: (image: string) => boolean) {
    this.api.neverReady = f;
  }
  async start(): Promise<void> {
    testKubectl();
    await this.api.start();
  }
  async stop(): Promise<void> {
    await this.api.stop();
  }
  writeKubeconfig(path: string, contexts: string[]): void {
    this.api.writeKubeconfig(path, contexts);
  }
  async object(plural: string, namespace: string, name: string): Promise<Obj | undefined> {
    return this.api.get(plural.split('.')[0]!, namespace, name);
  }
  async labelled(plurals: readonly string[], selector: string): Promise<Obj[]> {
    const [k, v] = selector.split('=') as [string, string];
    return plurals.flatMap((p) => this.api.list(p.split('.')[0]!)).filter((o) => o.metadata.labels?.[k] === v);
  }
  async objects(plural: string, namespace: string): Promise<Obj[]> {
    return this.api.list(plural.split('.')[0]!, namespace);
  }
  async kindLoaded(fakes: Fakes): Promise<string[]> {
    return fakes.state<{ loaded?: { cluster: string; image: string }[] }>('kind').loaded?.map((l) => `${l.cluster}:${l.image}`) ?? [];
  }
  fakeTools(): string[] {
    return ['kind', 'k3d'];
  }
}

interface Upstream {
  url: URL;
  tls: Pick<RequestOptions, 'ca' | 'cert' | 'key' | 'rejectUnauthorized'>;
  token?: string;
  context: string;
}

/** the current context of KUBECONFIG (first file that sets one), its cluster and user, credentials included */
function upstreamFromKubeconfig(): Upstream {
  const files = (process.env.KUBECONFIG ?? join(process.env.HOME ?? '', '.kube', 'config')).split(delimiter).filter(Boolean);
  const docs = files
    .filter((f) => existsSync(f))
    .map((f) => ({ dir: dirname(f), doc: (parseYaml(readFileSync(f, 'utf8')) ?? {}) as Record<string, unknown> }));
  if (docs.length === 0) throw new Error(`no kubeconfig file (KUBECONFIG=${process.env.KUBECONFIG ?? '(unset)'})`);
  const context = docs.map((d) => d.doc['current-context'] as string | undefined).find(Boolean);
  if (!context) throw new Error('the kubeconfig sets no current-context');
  const named = (list: string, name: string) => {
    for (const d of docs) {
      const hit = ((d.doc[list] ?? []) as { name: string }[]).find((e) => e.name === name);
      if (hit) return { dir: d.dir, entry: hit as unknown as Record<string, Record<string, string>> };
    }
    throw new Error(`the kubeconfig has no ${list.slice(0, -1)} "${name}"`);
  };
  const ctx = named('contexts', context).entry.context!;
  const cluster = named('clusters', ctx.cluster!);
  const user = named('users', ctx.user!);
  const c = cluster.entry.cluster!;
  const u = user.entry.user ?? {};
  const data = (inline: string | undefined, file: string | undefined, dir: string) =>
    inline ? Buffer.from(inline, 'base64') : file ? readFileSync(resolve(dir, file)) : undefined;
  return {
    url: new URL(c.server!),
    context,
    token: u.token,
    tls: {
      ca: data(c['certificate-authority-data'], c['certificate-authority'], cluster.dir),
      cert: data(u['client-certificate-data'], u['client-certificate'], user.dir),
      key: data(u['client-key-data'], u['client-key'], user.dir),
      rejectUnauthorized: !c['insecure-skip-tls-verify'],
    },
  };
}

class RealKind implements KubeCluster {
  readonly backend = 'kind' as const;
  readonly requests: LoggedRequest[] = [];
  neverReady: (image: string) => boolean = () => false;
  private upstream?: Upstream;
  private proxy?: Server;
  private proxyUrl = '';

  get kindCluster(): string {
    return this.upstream!.context.replace(/^kind-/, '');
  }

  async start(): Promise<void> {
    testKubectl();
    try {
      this.upstream = upstreamFromKubeconfig();
      const version = await this.call('GET', '/version', 5000);
      if (version.status !== 200) throw new Error(`GET /version answered ${version.status}`);
    } catch (e) {
      throw new Error(
        `SINDRI_TEST_KUBE=kind, but no Kubernetes API server is reachable through KUBECONFIG=${process.env.KUBECONFIG ?? '(unset)'}: ${(e as Error).message}. ` +
          'Create the cluster first (e.g. `kind create cluster`), or unset SINDRI_TEST_KUBE to run against the stand-in.',
      );
    }
    this.proxy = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks);
        const u = new URL(req.url ?? '/', 'http://x');
        this.requests.push({
          method: req.method ?? '',
          path: u.pathname.replace(/\/+$/, '') || '/',
          query: u.search,
          contentType: req.headers['content-type'] ?? '',
          body: body.toString('utf8'),
        });
        const headers = { ...req.headers, host: this.upstream!.url.host };
        const up = this.send(req.method ?? 'GET', req.url ?? '/', headers, (r) => {
          res.writeHead(r.statusCode ?? 502, r.headers);
          r.pipe(res);
        });
        up.on('error', (e) => {
          res.writeHead(502, { 'content-type': 'text/plain' });
          res.end(`recording proxy: ${e.message}`);
        });
        res.on('close', () => up.destroy());
        up.end(body);
      });
    });
    await new Promise<void>((r) => this.proxy!.listen(0, '127.0.0.1', r));
    this.proxyUrl = `http://127.0.0.1:${(this.proxy.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.proxy?.closeAllConnections?.();
    await new Promise<void>((r) => (this.proxy ? this.proxy.close(() => r()) : r()));
  }

  writeKubeconfig(path: string, contexts: string[]): void {
    writeFileSync(path, kubeconfigYaml({ server: this.proxyUrl, contexts }), { mode: 0o600 });
  }

  private send(method: string, path: string, headers: Record<string, unknown>, onResponse: (res: IncomingMessage) => void) {
    const { url, tls, token } = this.upstream!;
    const opts: RequestOptions = {
      method,
      host: url.hostname,
      port: url.port,
      path,
      headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) } as RequestOptions['headers'],
      ...(url.protocol === 'https:' ? tls : {}),
    };
    return url.protocol === 'https:' ? httpsRequest(opts, onResponse) : httpRequest(opts, onResponse);
  }

  /** a request of the test's own, straight to the cluster (not in the log) */
  private call(method: string, path: string, timeoutMs = 30_000): Promise<{ status: number; body: string }> {
    return new Promise((resolvePromise, reject) => {
      const r = this.send(method, path, { accept: 'application/json' }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolvePromise({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      });
      r.setTimeout(timeoutMs, () => r.destroy(new Error(`no answer within ${timeoutMs} ms`)));
      r.on('error', reject);
      r.end();
    });
  }

  private async json<T>(path: string): Promise<T | undefined> {
    const r = await this.call('GET', path);
    if (r.status === 404) return undefined;
    if (r.status !== 200) throw new Error(`GET ${path}: ${r.status} ${r.body.slice(0, 300)}`);
    return JSON.parse(r.body) as T;
  }

  async object(plural: string, namespace: string, name: string): Promise<Obj | undefined> {
    return await this.json<Obj>(`${collectionPath(plural, namespace)}/${name}`);
  }
  async labelled(plurals: readonly string[], selector: string): Promise<Obj[]> {
    const out: Obj[] = [];
    for (const p of plurals)
      out.push(...((await this.json<{ items: Obj[] }>(`${collectionPath(p)}?labelSelector=${encodeURIComponent(selector)}`))?.items ?? []));
    return out;
  }
  async objects(plural: string, namespace: string): Promise<Obj[]> {
    return (await this.json<{ items: Obj[] }>(collectionPath(plural, namespace)))?.items ?? [];
  }
  async kindLoaded(): Promise<string[]> {
    // what the node's containerd holds (kind names its single node `<cluster>-control-plane`)
    const r = await exec('docker', ['exec', `${this.kindCluster}-control-plane`, 'crictl', 'images', '-o', 'json']);
    const images = (JSON.parse(r.stdout) as { images: { repoTags?: string[] }[] }).images.flatMap((i) => i.repoTags ?? []);
    return images.map((i) => `${this.kindCluster}:${i}`);
  }
  fakeTools(): string[] {
    return ['k3d'];
  }
}
