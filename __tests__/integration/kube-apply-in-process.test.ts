/**
 * CONTRACT tests of the in-process server-side apply and rollout watch (ADR 0052) against the
 * stand-in API server (support/fake-kube-apiserver.ts), side by side with the pinned REAL kubectl
 * 1.32.3 on the same server: the same objects stored under the same field manager, kubectl's own
 * lines, kubectl's own verdicts on a rollout. And the stand-in's refusals of the calls a real API
 * server refuses (texts from the Kubernetes 1.32 sources), so a mistake in our calls fails here.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Deadline } from '../../src/deadline.js';
import { KubeClient } from '../../src/external/kube-api.js';
import { Kubectl, KUBECTL_ENV, listDocument, type LiveObject } from '../../src/external/kubectl.js';
import { exec, runParts } from '../support/exec.js';
import { FakeKubeApiServer, type Obj } from '../support/fake-kube-apiserver.js';
import { kubectlEnvFor, testKubectl } from '../support/kube-cluster.js';

const api = new FakeKubeApiServer();
let dir = '';
let restoreEnv = () => {};

const configMap = (name: string, namespace: string, data: Record<string, string> = { a: '1' }) => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, namespace, labels: { app: name } },
  data,
});
const deployment = (name: string, namespace: string, image: string) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, namespace },
  spec: {
    replicas: 1,
    selector: { matchLabels: { app: name } },
    template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'sindri', image }] } },
  },
});
const namespaceObject = (name: string) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });

/** the action's client on the test's kubeconfig, its log lines and kubectl's processes counted */
function client() {
  const lines: string[] = [];
  const parts = runParts();
  const kubectl = new Kubectl(parts.exec, dir, testKubectl());
  return { kube: new KubeClient(kubectl, process.env, dir, (l) => lines.push(l)), lines, parts };
}

/** a raw request to the stand-in, as a wrong client would send it */
async function send(method: string, path: string, body: unknown, type = 'application/apply-patch+yaml') {
  const r = await fetch(`${api.url}${path}`, { method, headers: { 'content-type': type }, body: JSON.stringify(body) });
  return { code: r.status, status: (await r.json()) as { reason?: string; message?: string } };
}

beforeAll(async () => {
  testKubectl();
  await api.start();
  api.clockScale = 0.01;
  dir = mkdtempSync(join(tmpdir(), 'kube-apply-'));
  restoreEnv = kubectlEnvFor(api, dir);
}, 60_000);

afterAll(async () => {
  restoreEnv();
  await api.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('the stand-in API server refuses the server-side applies a real one refuses (contract)', () => {
  const path = (ns: string, name: string) => `/api/v1/namespaces/${ns}/configmaps/${name}`;
  beforeAll(async () => {
    expect((await send('PATCH', '/api/v1/namespaces/wrong?fieldManager=t', namespaceObject('wrong'))).code).toBe(201);
  });

  it('no fieldManager: 422, fieldManager is required for apply patch', async () => {
    const r = await send('PATCH', path('wrong', 'a'), configMap('a', 'wrong'));
    expect(r.code).toBe(422);
    expect(r.status.message).toMatch(/fieldManager: Required value: is required for apply patch/);
  });

  it('another patch type for an object that does not exist: 404 (only an apply creates)', async () => {
    const r = await send('PATCH', `${path('wrong', 'a')}?fieldManager=t`, configMap('a', 'wrong'), 'application/merge-patch+json');
    expect(r.code).toBe(404);
  });

  it('a body named otherwise than the URL: 400 from checkName', async () => {
    const r = await send('PATCH', `${path('wrong', 'a')}?fieldManager=t`, configMap('b', 'wrong'));
    expect([r.code, r.status.message]).toEqual([400, 'the name of the object (b) does not match the name on the URL (a)']);
  });

  it('a body in another namespace than the URL: 400', async () => {
    const r = await send('PATCH', `${path('wrong', 'a')}?fieldManager=t`, configMap('a', 'elsewhere'));
    expect([r.code, r.status.message]).toEqual([
      400,
      'the namespace of the provided object (elsewhere) does not match the namespace sent on the request (wrong)',
    ]);
  });

  it('a body of another version than the URL: 400 from the field manager', async () => {
    const r = await send('PATCH', `/apis/apps/v1/namespaces/wrong/deployments/d?fieldManager=t`, {
      ...deployment('d', 'wrong', 'x:1'),
      apiVersion: 'apps/v1beta1',
    });
    expect([r.code, r.status.message]).toEqual([
      400,
      'Incorrect version specified in apply patch. Specified patch version: apps/v1beta1, expected: apps/v1',
    ]);
  });

  it('a dry run of another kind than All: 400', async () => {
    const r = await send('PATCH', `${path('wrong', 'a')}?fieldManager=t&dryRun=Some`, configMap('a', 'wrong'));
    expect(r.code).toBe(400);
  });

  it('nothing of those was stored', () => {
    expect(api.get('configmaps', 'wrong', 'a')).toBeUndefined();
    expect(api.get('deployments', 'wrong', 'd')).toBeUndefined();
  });
});

describe('the in-process apply against the pinned kubectl on the same server (contract)', () => {
  it('the same List: the same objects stored, the same field manager, kubectl’s own lines; no kubectl process', async () => {
    const objects = (ns: string) => [namespaceObject(ns), configMap('cfg', ns), deployment('web', ns, '127.0.0.1:5000/c/app:1')];
    const theirs = await exec(
      'kubectl',
      ['--namespace', 'by-kubectl', 'apply', '--server-side', '--field-manager', 'contract', '--force-conflicts', '--filename', '-'],
      { pass: KUBECTL_ENV, input: listDocument(objects('by-kubectl')) },
    );
    const { kube, lines, parts } = client();
    await kube.apply({ namespace: 'in-process' }, objects('in-process') as LiveObject[], 'contract', 30_000);
    expect(parts.exec.history).toEqual([]);
    const said = lines.filter((l) => l.endsWith('serverside-applied'));
    expect(said).toEqual(theirs.stdout.replace('namespace/by-kubectl', 'namespace/in-process').trim().split('\n'));
    for (const [plural, name] of [
      ['configmaps', 'cfg'],
      ['deployments', 'web'],
    ] as const) {
      const a = api.get(plural, 'by-kubectl', name) as Obj;
      const b = api.get(plural, 'in-process', name) as Obj;
      const managers = (o: Obj) =>
        (o.metadata.managedFields as { manager: string; operation: string }[]).map((m) => [m.manager, m.operation]);
      expect(managers(b)).toEqual(managers(a));
      expect(b.spec ?? b.data).toEqual(a.spec ?? a.data);
    }
  }, 60_000);

  it('an object the server refuses: refused in the dry run, so nothing is stored — not even a namespace this apply made', async () => {
    const { kube } = client();
    const bad = { ...deployment('bad', 'fresh', 'x:1'), spec: { ...deployment('bad', 'fresh', 'x:1').spec, replicaz: 2 } };
    const e = await kube
      .apply({ namespace: 'fresh' }, [namespaceObject('fresh'), configMap('cfg', 'fresh'), bad] as LiveObject[], 'contract', 30_000)
      .catch((x: unknown) => x as Error & { fix?: string });
    expect(e).toBeInstanceOf(Error);
    expect((e as Error).message).toMatch(
      /^the server-side apply was refused: deployment\.apps\/bad: Error from server \(500\): failed to create typed patch object/,
    );
    expect((e as { fix?: string }).fix).toMatch(/^nothing was applied \(namespace fresh, created by this apply, was deleted again\)/);
    expect(api.get('configmaps', 'fresh', 'cfg')).toBeUndefined();
    expect((api.get('namespaces', '', 'fresh')?.status as { phase?: string } | undefined)?.phase ?? 'gone').not.toBe('Active');
  }, 60_000);

  it('a kind it does not map (a ServiceAccount) goes through kubectl, with one line saying why', async () => {
    const { kube, lines, parts } = client();
    const sa = { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'sa' } };
    await kube.apply({ namespace: 'in-process' }, [sa] as LiveObject[], 'contract', 30_000).catch(() => undefined);
    expect(lines).toContain("applying through kubectl (v1 ServiceAccount is a kind only kubectl's discovery maps)");
    expect(parts.exec.history.map((h) => h.argv.slice(3, 5).join(' '))).toEqual(['apply --server-side']);
  }, 60_000);
});

describe('a throttled API server (API Priority and Fairness: 429, Retry-After) (contract)', () => {
  it('kubectl waits and asks again; so does the in-process client: the apply and the read both go through', async () => {
    const objects = (ns: string) => [namespaceObject(ns), configMap('busy', ns)];
    api.throttled = 2;
    const theirs = await exec(
      'kubectl',
      ['--namespace', 'throttled-k', 'apply', '--server-side', '--field-manager', 'contract', '--force-conflicts', '--filename', '-'],
      { pass: KUBECTL_ENV, input: listDocument(objects('throttled-k')), allowFailure: true },
    );
    expect(theirs.code, theirs.stderr).toBe(0);
    expect(api.throttled).toBe(0);
    const { kube } = client();
    const from = api.requests.length;
    api.throttled = 2;
    await kube.apply({ namespace: 'throttled-i' }, objects('throttled-i') as LiveObject[], 'contract', 30_000);
    expect(api.throttled).toBe(0);
    expect(api.get('configmaps', 'throttled-i', 'busy')).toBeDefined();
    api.throttled = 1;
    const read = await kube.getAllowed({ namespace: 'throttled-i' }, ['namespace/throttled-i'], 30_000);
    expect(read.failed).toBeUndefined();
    expect(read.objects.map((o) => o.metadata.name)).toEqual(['throttled-i']);
    // the refused requests were sent again, not skipped
    const sent = api.requests.slice(from).filter((q) => q.path === '/api/v1/namespaces/throttled-i');
    expect(sent.length).toBeGreaterThanOrEqual(3);
  }, 60_000);

  it('a server that stays throttled past the request’s time: the refusal, in kubectl’s words, not a wait past the deadline', async () => {
    const { kube } = client();
    api.throttled = 100;
    try {
      const started = Date.now();
      const read = await kube.getAllowed({ namespace: 'throttled-i' }, ['namespace/throttled-i'], 2_500);
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(read.failed).toBe('Error from server (429): Too many requests, please try again later.');
    } finally {
      api.throttled = 0;
    }
  }, 60_000);
});

describe('the in-process rollout watch says what kubectl rollout status says (contract)', () => {
  it('a rollout that becomes ready: kubectl’s lines, then done', async () => {
    api.behaviour = (image) => (image.endsWith(':slow') ? { readyAfterMs: 400 } : {});
    const { kube, parts } = client();
    await kube.apply(
      { namespace: 'in-process' },
      [deployment('slow', 'in-process', '127.0.0.1:5000/c/app:slow')] as LiveObject[],
      'contract',
      30_000,
    );
    const r = await kube.rolloutStatus({ namespace: 'in-process' }, 'slow', new Deadline(30_000));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split('\n').at(-1)).toBe('deployment "slow" successfully rolled out');
    expect(r.stdout).toContain('Waiting for deployment "slow" rollout to finish: 0 of 1 updated replicas are available...');
    expect(parts.exec.history).toEqual([]);
  }, 60_000);

  it('a sibling Deployment that rolls out meanwhile is not this one: the watch follows its own Deployment alone', async () => {
    api.behaviour = (image) => (image.endsWith(':later') ? { readyAfterMs: 1500 } : {});
    const { kube } = client();
    await kube.apply(
      { namespace: 'in-process' },
      [deployment('mine', 'in-process', '127.0.0.1:5000/c/app:later')] as LiveObject[],
      'contract',
      30_000,
    );
    const watching = kube.rolloutStatus({ namespace: 'in-process' }, 'mine', new Deadline(30_000));
    await new Promise((r) => setTimeout(r, 300));
    await kube.apply(
      { namespace: 'in-process' },
      [deployment('sibling', 'in-process', '127.0.0.1:5000/c/app:now')] as LiveObject[],
      'contract',
      30_000,
    );
    const r = await watching;
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toContain('sibling');
    expect(r.stdout.split('\n').at(-1)).toBe('deployment "mine" successfully rolled out');
    expect((api.get('deployments', 'in-process', 'mine')?.status as { availableReplicas?: number }).availableReplicas).toBe(1);
  }, 60_000);

  it('never ready: at its timeout, kubectl’s "timed out waiting for the condition", as the real kubectl says on the same Deployment', async () => {
    api.neverReady = (image) => image.endsWith(':never');
    try {
      const { kube } = client();
      await kube.apply(
        { namespace: 'in-process' },
        [deployment('never', 'in-process', '127.0.0.1:5000/c/app:never')] as LiveObject[],
        'contract',
        30_000,
      );
      const ours = await kube.rolloutStatus({ namespace: 'in-process' }, 'never', new Deadline(1500));
      const theirs = await exec('kubectl', ['--namespace', 'in-process', 'rollout', 'status', 'deployment/never', '--timeout=1s'], {
        pass: KUBECTL_ENV,
        allowFailure: true,
      });
      expect(ours.code).toBe(1);
      expect(theirs.code).toBe(1);
      expect(ours.stderr).toBe(theirs.stderr.trim().split('\n').at(-1));
      expect(ours.stdout.split('\n').at(-1)).toBe(theirs.stdout.trim().split('\n').at(-1));
    } finally {
      api.neverReady = () => false;
    }
  }, 60_000);

  it('a progress deadline that passes: kubectl’s "exceeded its progress deadline", as the real kubectl says', async () => {
    api.neverReady = (image) => image.endsWith(':stuck');
    try {
      const { kube } = client();
      const d = deployment('stuck', 'in-process', '127.0.0.1:5000/c/app:stuck');
      // 100 s on the stand-in's clock (0.01): one real second
      await kube.apply(
        { namespace: 'in-process' },
        [{ ...d, spec: { ...d.spec, progressDeadlineSeconds: 100 } }] as LiveObject[],
        'contract',
        30_000,
      );
      const ours = await kube.rolloutStatus({ namespace: 'in-process' }, 'stuck', new Deadline(20_000));
      const theirs = await exec('kubectl', ['--namespace', 'in-process', 'rollout', 'status', 'deployment/stuck', '--timeout=20s'], {
        pass: KUBECTL_ENV,
        allowFailure: true,
      });
      expect([ours.code, ours.stderr]).toEqual([1, 'error: deployment "stuck" exceeded its progress deadline']);
      expect(theirs.stderr.trim()).toBe(ours.stderr);
    } finally {
      api.neverReady = () => false;
    }
  }, 60_000);
});
