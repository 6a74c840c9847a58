/**
 * CONTRACT tests of the kubernetes provider's "bring your own" settings (ADR 0039), called directly
 * (no bundle), with the pinned REAL kubectl 1.32.3 against the stand-in API server: existing pull
 * Secrets named in the Deployment (none generated; a missing one refused before anything is applied),
 * the Deployment strategy as the API server stores it, and extra manifests applied with ours, labelled
 * like ours and deleted with ours by destroy (an unlabelled object of the same kind left alone).
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfigText } from '../../src/config/load.js';
import type { Inputs } from '../../src/inputs.js';
import { KubernetesProvider } from '../../src/providers/kubernetes/provider.js';
import type { ProviderContext } from '../../src/providers/types.js';
import { captured } from '../support/captured.js';
import { pinnedDecision } from '../support/docker.js';
import { runParts } from '../support/exec.js';
import { FakeKubeApiServer, type Obj } from '../support/fake-kube-apiserver.js';
import { testInputs } from '../support/inputs.js';
import { kubectlEnvFor, testKubectl } from '../support/kube-cluster.js';

const api = new FakeKubeApiServer();
const provider = new KubernetesProvider();
const REPO = '127.0.0.1:5000/k8sbyo/app';
const NS = 'byo';
const digest = (c: string) => `sha256:${c.repeat(64)}`;
const dirs: string[] = [];
let restoreEnv = () => {};

function ctxFor(name: string, k8s: string, files: Record<string, string> = {}, inputs: Partial<Inputs> = {}): ProviderContext {
  const dir = mkdtempSync(join(tmpdir(), 'k8sbyo-'));
  dirs.push(dir);
  const text =
    `version: "3.0"\nname: ${name}\ndeployment:\n  provider: kubernetes\n  image: ${REPO}:1\n  resources:\n    memory: 1GB\n    cpus: 1\n` +
    `providers:\n  kubernetes:\n    namespace: ${NS}\n${k8s}`;
  writeFileSync(join(dir, 'sindri.yaml'), text);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  const config = loadConfigText(text, { file: 'sindri.yaml', path: join(dir, 'sindri.yaml'), dir, schema: false }).config;
  const all = testInputs({ provider: 'kubernetes', ...inputs });
  return {
    inputs: all,
    config,
    provider: 'kubernetes',
    workdir: dir,
    image: pinnedDecision(REPO, '1', digest('4')),
    ...runParts(all.timeout),
  };
}

/** an object made by someone else, with the real kubectl (server-side apply on stdin; asynchronous: the API server runs in this process) */
async function kubectlApply(obj: object): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const child = execFile(
      'kubectl',
      ['apply', '--server-side', '--field-manager', 'someone-else', '-f', '-'],
      { env: process.env },
      (e, _out, err) => (e ? reject(new Error(`${e.message}: ${err}`)) : resolve()),
    );
    child.stdin!.end(JSON.stringify(obj));
  });
}

const podSpec = (d: Obj) => (d.spec as { template: { spec: Record<string, unknown> } }).template.spec;

beforeAll(async () => {
  testKubectl();
  await api.start();
  api.clockScale = 0.01;
  const kube = mkdtempSync(join(tmpdir(), 'k8sbyo-kube-'));
  dirs.push(kube);
  restoreEnv = kubectlEnvFor(api, kube);
  await kubectlApply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: NS } });
}, 60_000);

afterAll(async () => {
  restoreEnv();
  await api.stop();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('providers.kubernetes.imagePullSecrets (contract: real kubectl, stand-in API server)', () => {
  it('a Secret that does not exist is refused before anything is applied', async () => {
    const writes = api.writes().length;
    const r = await captured(() => provider.apply(ctxFor('pull-missing', '    imagePullSecrets: [regcred]\n')));
    expect(r.error).toMatchObject({
      message: `providers.kubernetes.imagePullSecrets names regcred, but namespace ${NS} has no such Secret: the pod could not pull its image`,
      where: { field: 'providers.kubernetes.imagePullSecrets' },
    });
    expect(api.writes().length).toBe(writes);
    expect(api.get('deployments', NS, 'pull-missing')).toBeUndefined();
  }, 60_000);

  it('an existing Secret is listed in the Deployment and none is generated', async () => {
    await kubectlApply({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'regcred', namespace: NS },
      type: 'Opaque',
      data: { a: 'Yg==' },
    });
    const r = await captured(() => provider.apply(ctxFor('pull-named', '    imagePullSecrets: [regcred]\n')));
    expect(r.error, r.out).toBeUndefined();
    expect(podSpec(api.get('deployments', NS, 'pull-named')!).imagePullSecrets).toEqual([{ name: 'regcred' }]);
    expect(api.list('secrets', NS).map((s) => s.metadata.name)).toEqual(['regcred']);
  }, 60_000);
});

describe('the Deployment strategy as the API server stores it (contract)', () => {
  it('ReadWriteOnce home claim → Recreate; ReadWriteMany → RollingUpdate, and the rollout completes', async () => {
    const once = await captured(() => provider.apply(ctxFor('strat-once', '    strategy: RollingUpdate\n')));
    expect(once.error, once.out).toBeUndefined();
    expect((api.get('deployments', NS, 'strat-once')!.spec as { strategy: unknown }).strategy).toEqual({ type: 'Recreate' });
    const many = await captured(() => provider.apply(ctxFor('strat-many', '    volumeAccessMode: ReadWriteMany\n')));
    expect(many.error, many.out).toBeUndefined();
    expect((api.get('deployments', NS, 'strat-many')!.spec as { strategy: unknown }).strategy).toEqual({
      type: 'RollingUpdate',
      rollingUpdate: { maxSurge: 1, maxUnavailable: 0 },
    });
    expect((api.get('persistentvolumeclaims', NS, 'strat-many-home')!.spec as { accessModes: string[] }).accessModes).toEqual([
      'ReadWriteMany',
    ]);
    expect(many.value).toMatchObject({ skipped: false, rolledBack: false });
  }, 60_000);
});

const MOTD = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: extra-motd\n  labels:\n    team: tools\ndata:\n  motd: hello\n';

describe('providers.kubernetes.manifests (contract)', () => {
  it('applied with ours, labelled like ours; destroy deletes them with ours and leaves what is not ours', async () => {
    await kubectlApply({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'not-ours', namespace: NS }, data: { keep: 'me' } });
    const ctx = ctxFor('extra', '    manifests: deploy/k8s\n', { 'deploy/k8s/motd.yaml': MOTD });
    const r = await captured(() => provider.apply(ctx));
    expect(r.error, r.out).toBeUndefined();
    const cm = api.get('configmaps', NS, 'extra-motd')!;
    expect(cm.metadata.labels).toEqual({
      team: 'tools',
      'app.kubernetes.io/name': 'sindri',
      'app.kubernetes.io/instance': 'extra',
      'app.kubernetes.io/managed-by': 'sindri-deploy-action',
    });
    expect((cm as { data?: unknown }).data).toEqual({ motd: 'hello' });
    // unchanged: the second deploy skips (the extra objects are in the hash)
    const again = await captured(() => provider.apply(ctx));
    expect(again.value).toMatchObject({ skipped: true });
    const d = await captured(() => provider.destroy(ctx));
    expect(d.error, d.out).toBeUndefined();
    expect(d.value!.removed).toEqual(expect.arrayContaining(['configmap/extra-motd', 'deployment.apps/extra']));
    expect(api.get('configmaps', NS, 'extra-motd')).toBeUndefined();
    expect(api.get('deployments', NS, 'extra')).toBeUndefined();
    expect(api.get('configmaps', NS, 'not-ours')).toBeDefined();
  }, 90_000);

  it('a kind that is not allowed is refused at its file and line before the cluster is asked anything', async () => {
    const from = api.requests.length;
    const ctx = ctxFor('extra-bad', '    manifests: k8s\n', {
      'k8s/a.yaml': `${MOTD}---\napiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: x\n`,
    });
    const r = await captured(() => provider.apply(ctx));
    expect(r.error).toMatchObject({
      message: 'apps/v1 DaemonSet is not allowed among extra manifests',
      where: { file: 'k8s/a.yaml', line: 10 },
    });
    expect(api.requests.slice(from)).toEqual([]);
  }, 60_000);
});
