/**
 * CONTRACT tests of the kubernetes provider, called directly (no bundle), with the pinned REAL kubectl
 * 1.32.3 against the stand-in API server with its kubelet in miniature (support/kube-pods.ts): pods
 * whose readiness follows their readinessProbe, a slow start, `kubectl exec` over WebSocket, a
 * progress deadline, a PersistentVolumeClaim's storage class. These are the platform behaviours of
 * issues 19, 20 and 27 that need the kubelet and the controller's clock; the stand-in's clock runs
 * 100× fast (`clockScale`), so a 600 s progress deadline passes in 6 s. A real cluster shows them
 * with real images through kubernetes-action.test.ts.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadConfigText } from '../../src/config/load.js';
import { ActionError } from '../../src/errors.js';
import type { Inputs } from '../../src/inputs.js';
import { KubernetesProvider } from '../../src/providers/kubernetes/provider.js';
import type { DeployResult, ProviderContext } from '../../src/providers/types.js';
import { pinnedDecision } from '../support/docker.js';
import { runParts } from '../support/exec.js';
import { FakeKubeApiServer, type Obj } from '../support/fake-kube-apiserver.js';
import { testInputs } from '../support/inputs.js';
import { kubectlPath, testKubectl } from '../support/kube-cluster.js';

const api = new FakeKubeApiServer();
const provider = new KubernetesProvider();
const REPO = '127.0.0.1:5000/k8sp/app';
const digest = (c: string) => `sha256:${c.repeat(64)}`;
const dirs: string[] = [];
const saved: Record<string, string | undefined> = {};
let http: Server;
let httpUrl = '';
/** what the "container's" HTTP port answers, per path */
const answers = new Map<string, number>();

function config(name: string, k8s = '', extra = '') {
  const dir = mkdtempSync(join(tmpdir(), 'k8sp-'));
  dirs.push(dir);
  const text =
    `version: "3.0"\nname: ${name}\ndeployment:\n  provider: kubernetes\n  image: ${REPO}:1\n  resources:\n    memory: 1GB\n    cpus: 1\n${extra}` +
    `providers:\n  kubernetes:\n    namespace: k8sp\n${k8s}`;
  writeFileSync(join(dir, 'sindri.yaml'), text);
  return { dir, config: loadConfigText(text, { file: 'sindri.yaml', path: join(dir, 'sindri.yaml'), dir, schema: false }).config };
}

function ctxFor(name: string, image: string, inputs: Partial<Inputs> = {}, k8s = '', extra = ''): ProviderContext {
  const c = config(name, k8s, extra);
  const all = testInputs({ provider: 'kubernetes', ...inputs });
  return {
    inputs: all,
    config: c.config,
    provider: 'kubernetes',
    workdir: c.dir,
    image: pinnedDecision(REPO, '1', image),
    ...runParts(all.timeout),
  };
}

/** Run fn with stdout captured (the runner writes every log line there). */
async function captured<T>(fn: () => Promise<T>): Promise<{ value?: T; error?: unknown; out: string }> {
  const chunks: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => {
    chunks.push(typeof c === 'string' ? c : Buffer.from(c).toString('utf8'));
    return true;
  });
  try {
    return { value: await fn(), out: chunks.join('') };
  } catch (error) {
    return { error, out: chunks.join('') };
  } finally {
    spy.mockRestore();
  }
}

const deployment = (name: string) => api.get('deployments', 'k8sp', name) as Obj;
const container = (d: Obj) =>
  (d.spec as { template: { spec: { containers: Record<string, unknown>[] } } }).template.spec.containers[0] as Record<string, unknown> & {
    image: string;
  };

beforeAll(async () => {
  testKubectl();
  await api.start();
  api.clockScale = 0.01;
  http = createServer((req, res) => {
    res.writeHead(answers.get(req.url ?? '/') ?? 404);
    res.end();
  });
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  httpUrl = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const kube = mkdtempSync(join(tmpdir(), 'k8sp-kube-'));
  dirs.push(kube);
  api.writeKubeconfig(join(kube, 'config'), ['ci']);
  for (const [k, v] of Object.entries({ KUBECONFIG: join(kube, 'config'), KUBECACHEDIR: join(kube, 'cache'), PATH: kubectlPath() })) {
    saved[k] = process.env[k];
    process.env[k] = v;
  }
}, 60_000);

afterAll(async () => {
  for (const [k, v] of Object.entries(saved))
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  await api.stop();
  await new Promise<void>((r) => http.close(() => r()));
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

beforeEach(() => {
  api.behaviour = () => ({});
  api.neverReady = () => false;
  answers.clear();
});

describe('kubernetes provider: the progress deadline (contract: real kubectl, stand-in controller clock 100× fast)', () => {
  it('a slow first start under timeout: 30m is waited for: progressDeadlineSeconds follows the timeout, not the default 600 s', async () => {
    const slow = digest('1');
    // the image needs 8 s (800 s on the controller's clock) to become ready: past the default deadline of 600 s
    api.behaviour = (image) => (image.endsWith(slow) ? { readyAfterMs: 8_000 } : {});
    const r = await captured(() => provider.apply(ctxFor('slow', slow, { timeout: 30 * 60_000 })));
    expect(r.error, r.out).toBeUndefined();
    expect((deployment('slow').spec as { progressDeadlineSeconds: number }).progressDeadlineSeconds).toBe(28 * 60);
    expect(r.value).toMatchObject({ skipped: false, rolledBack: false });
  }, 60_000);
});
