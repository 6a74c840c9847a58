/**
 * CONTRACT: what a Kubernetes 1.32 API server does with the requests kubectl sends, checked through the
 * pinned REAL kubectl (support/kube-cluster.ts). By default against the stand-in API server, whose
 * claims these are (ADR 0020); with `SINDRI_TEST_KUBE=kind` the same tests run against a real cluster,
 * which is what proves the stand-in's texts. Positive controls: a wrong object fails the way a real
 * server fails it, and a dry run leaves nothing behind.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueName } from '../support/docker.js';
import { exec } from '../support/exec.js';
import { kubeCluster, kubectlPath } from '../support/kube-cluster.js';

const cluster = kubeCluster();
const ns = uniqueName('k8sapi');
let dir: string;
let env: Record<string, string>;

function kubectl(args: string[], input?: object | string) {
  return exec('kubectl', ['--namespace', ns, ...args], {
    env,
    allowFailure: true,
    timeoutMs: 60_000,
    ...(input === undefined ? {} : { input: typeof input === 'string' ? input : JSON.stringify(input) }),
  });
}

const deployment = (
  name: string,
  extra: { spec?: object; container?: object; annotations?: Record<string, string>; image?: string } = {},
) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, namespace: ns, ...(extra.annotations ? { annotations: extra.annotations } : {}) },
  spec: {
    replicas: 1,
    selector: { matchLabels: { app: name } },
    template: {
      metadata: { labels: { app: name } },
      spec: { containers: [{ name: 'sindri', image: extra.image ?? '127.0.0.1:5000/contract/none:1', ...(extra.container ?? {}) }] },
    },
    ...(extra.spec ?? {}),
  },
});
const list = (...items: object[]) => ({ apiVersion: 'v1', kind: 'List', items });
const writesSince = (from: number) => cluster.requests.slice(from).filter((r) => !['GET', 'HEAD'].includes(r.method));
const SSA = ['apply', '--server-side', '--field-manager', 'contract-test', '--force-conflicts', '--filename', '-'];

async function until<T>(what: string, read: () => Promise<T>, ok: (v: T) => boolean, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}: last ${JSON.stringify(v)?.slice(0, 300)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

beforeAll(async () => {
  await cluster.start();
  dir = mkdtempSync(join(tmpdir(), 'k8s-contract-'));
  cluster.writeKubeconfig(join(dir, 'config'), ['contract']);
  env = { KUBECONFIG: join(dir, 'config'), KUBECACHEDIR: join(dir, 'cache'), PATH: kubectlPath() };
  const r = await kubectl(SSA, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
  expect(r.code, r.stderr).toBe(0);
}, 120_000);

afterAll(async () => {
  if (env) await kubectl(['delete', 'namespace', ns, '--ignore-not-found', '--wait=false']);
  await cluster.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 120_000);

describe(`a 1.32 API server through the pinned kubectl (contract, ${cluster.backend})`, () => {
  it('the client under test is the pinned upstream kubectl 1.32.3, not the machine’s dispatcher', async () => {
    const r = await kubectl(['version', '--client', '--output', 'json']);
    expect(JSON.parse(r.stdout).clientVersion).toMatchObject({
      gitVersion: 'v1.32.3',
      gitCommit: '32cc146f75aad04beaaa245a7157eb35063a9f99',
    });
  });

  it('a List with spec.replicaz: kubectl refuses it against the served OpenAPI v2 before sending anything', async () => {
    const from = cluster.requests.length;
    const r = await kubectl(SSA, list(deployment('typo', { spec: { replicaz: 2 } })));
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(
      'error: error validating "STDIN": error validating data: ValidationError(Deployment.spec): unknown field "replicaz" in io.k8s.api.apps.v1.DeploymentSpec; if you choose to ignore these errors, turn validation off with --validate=false',
    );
    expect(cluster.requests.slice(from).map((q) => q.path)).toContain('/openapi/v2');
    expect(writesSince(from)).toEqual([]);
  });

  it('a List with imagePulPolicy and a string replica count: every error, sorted, still nothing sent', async () => {
    const from = cluster.requests.length;
    const r = await kubectl(SSA, list(deployment('typo', { spec: { replicas: 'two' }, container: { imagePulPolicy: 'Always' } })));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'error validating data: [ValidationError(Deployment.spec.replicas): invalid type for io.k8s.api.apps.v1.DeploymentSpec.replicas: got "string", expected "integer", ValidationError(Deployment.spec.template.spec.containers[0]): unknown field "imagePulPolicy" in io.k8s.api.core.v1.Container]',
    );
    expect(writesSince(from)).toEqual([]);
  });

  it('a List missing a required field (containers[].name) is refused the same way', async () => {
    const d = deployment('noname');
    delete (d.spec.template.spec.containers[0] as { name?: string }).name;
    const r = await kubectl(SSA, list(d));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'ValidationError(Deployment.spec.template.spec.containers[0]): missing required field "name" in io.k8s.api.core.v1.Container',
    );
  });

  it('server-side apply of one object with imagePulPolicy: the real 500 "failed to create typed patch object", nothing stored', async () => {
    const r = await kubectl(SSA, deployment('typo', { container: { imagePulPolicy: 'Always' } }));
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(
      `Error from server: failed to create typed patch object (${ns}/typo; apps/v1, Kind=Deployment): .spec.template.spec.containers[name="sindri"].imagePulPolicy: field not declared in schema`,
    );
    expect(await cluster.object('deployments', ns, 'typo')).toBeUndefined();
  });

  it('create under fieldValidation=Strict (kubectl’s default): the real 400 strict decoding error', async () => {
    const r = await kubectl(
      ['create', '--filename', '-'],
      deployment('typo', { spec: { replicaz: 2 }, container: { imagePulPolicy: 'Always' } }),
    );
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(
      'Error from server (BadRequest): error when creating "STDIN": Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.replicaz", unknown field "spec.template.spec.containers[0].imagePulPolicy"',
    );
    expect(await cluster.object('deployments', ns, 'typo')).toBeUndefined();
  });

  it('create with --validate=warn: stored, and the server’s warning printed', async () => {
    const r = await kubectl(['create', '--validate=warn', '--filename', '-'], deployment('warned', { spec: { replicaz: 2 } }));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Warning: unknown field "spec.replicaz"');
    expect((await cluster.object('deployments', ns, 'warned'))?.spec).not.toHaveProperty('replicaz');
    await kubectl(['delete', 'deployment', 'warned', '--wait=false']);
  });

  it('apply --dry-run=server answers like a real apply and leaves nothing; a real apply then stores it', async () => {
    const from = cluster.requests.length;
    const r = await kubectl(
      [...SSA, '--dry-run=server'],
      list(deployment('dry'), { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'dry', namespace: ns }, stringData: { a: 'b' } }),
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('deployment.apps/dry serverside-applied (server dry run)');
    expect(r.stdout).toContain('secret/dry serverside-applied (server dry run)');
    expect(writesSince(from).every((w) => w.query.includes('dryRun=All'))).toBe(true);
    expect(await cluster.object('deployments', ns, 'dry')).toBeUndefined();
    expect(await cluster.object('secrets', ns, 'dry')).toBeUndefined();
    expect((await cluster.objects('replicasets', ns)).filter((rs) => rs.metadata.name.startsWith('dry-'))).toEqual([]);
    const real = await kubectl(SSA, list(deployment('dry')));
    expect(real.code, real.stderr).toBe(0);
    expect(await cluster.object('deployments', ns, 'dry')).toBeDefined();
  });

  it('rollout restart is a strategic merge patch; the restartedAt annotation survives the next apply (owned by kubectl-rollout)', async () => {
    expect((await kubectl(SSA, list(deployment('restart')))).code).toBe(0);
    const from = cluster.requests.length;
    const restart = await kubectl(['rollout', 'restart', 'deployment/restart']);
    expect(restart.code, restart.stderr).toBe(0);
    const patch = writesSince(from).find((w) => w.method === 'PATCH')!;
    expect(patch.contentType).toBe('application/strategic-merge-patch+json');
    const restarted = await until(
      'the restart revision',
      () => cluster.object('deployments', ns, 'restart'),
      (d) => d?.metadata.annotations?.['deployment.kubernetes.io/revision'] === '2',
    );
    const at = (restarted!.spec as { template: { metadata: { annotations: Record<string, string> } } }).template.metadata.annotations[
      'kubectl.kubernetes.io/restartedAt'
    ];
    expect(at).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect((await kubectl(SSA, list(deployment('restart')))).code).toBe(0);
    const after = (await cluster.object('deployments', ns, 'restart'))!;
    expect((after.spec as { template: { metadata: { annotations?: Record<string, string> } } }).template.metadata.annotations).toEqual({
      'kubectl.kubernetes.io/restartedAt': at,
    });
    expect(after.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2');
    const managers = (after.metadata.managedFields as { manager: string }[]).map((m) => m.manager);
    expect(managers).toEqual(expect.arrayContaining(['contract-test', 'kubectl-rollout']));
  });

  it('rollout undo restores the old revision’s template and its annotations (copied to each ReplicaSet)', async () => {
    const v1 = deployment('undo', { annotations: { 'example.com/hash': 'one' }, image: '127.0.0.1:5000/contract/none:1' });
    const v2 = deployment('undo', { annotations: { 'example.com/hash': 'two' }, image: '127.0.0.1:5000/contract/none:2' });
    expect((await kubectl(SSA, list(v1))).code).toBe(0);
    await until(
      'revision 1',
      () => cluster.object('deployments', ns, 'undo'),
      (d) => d?.metadata.annotations?.['deployment.kubernetes.io/revision'] === '1',
    );
    expect((await kubectl(SSA, list(v2))).code).toBe(0);
    await until(
      'revision 2',
      () => cluster.object('deployments', ns, 'undo'),
      (d) => d?.metadata.annotations?.['deployment.kubernetes.io/revision'] === '2',
    );
    const undo = await kubectl(['rollout', 'undo', 'deployment/undo']);
    expect(undo.code, undo.stderr).toBe(0);
    expect(undo.stdout.trim()).toBe('deployment.apps/undo rolled back');
    const d = await until(
      'revision 3',
      () => cluster.object('deployments', ns, 'undo'),
      (x) => x?.metadata.annotations?.['deployment.kubernetes.io/revision'] === '3',
    );
    expect(d!.metadata.annotations?.['example.com/hash']).toBe('one');
    expect(JSON.stringify(d!.spec)).toContain('127.0.0.1:5000/contract/none:1');
  });

  it('a PersistentVolumeClaim’s spec is immutable but for its requests: the real 422', async () => {
    const pvc = (storageClassName: string) => ({
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'home', namespace: ns },
      spec: { accessModes: ['ReadWriteOnce'], storageClassName, resources: { requests: { storage: '1Gi' } } },
    });
    expect((await kubectl(SSA, list(pvc('standard')))).code).toBe(0);
    const r = await kubectl(SSA, list(pvc('other')));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'The PersistentVolumeClaim "home" is invalid: spec: Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims',
    );
  });

  it('a namespace being deleted refuses new objects until it is gone', async () => {
    const doomed = `${ns}-gone`;
    expect((await kubectl(SSA, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: doomed } })).code).toBe(0);
    const inDoomed = ['--namespace', doomed, ...SSA];
    expect((await kubectl(inDoomed, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'first', namespace: doomed } })).code).toBe(0);
    const del = await kubectl(['delete', 'namespace', doomed, '--wait=false']);
    expect(del.code, del.stderr).toBe(0);
    const r = await kubectl(inDoomed, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'late', namespace: doomed } });
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(
      `Error from server (Forbidden): configmaps "late" is forbidden: unable to create new content in namespace ${doomed} because it is being terminated`,
    );
    await until(
      'the namespace to go',
      () => cluster.object('namespaces', '', doomed),
      (n) => n === undefined,
      120_000,
    );
  });

  it('a Deployment whose pods never become ready: rollout status ends at its progressDeadlineSeconds, whatever --timeout says', async () => {
    // an image nobody can pull (a real cluster: ImagePullBackOff; the stand-in: its pods never start)
    cluster.neverReady = (image) => image.endsWith('/contract/never:1');
    const d = deployment('stuck', { image: '127.0.0.1:5000/contract/never:1', spec: { progressDeadlineSeconds: 3 } });
    expect((await kubectl(SSA, list(d))).code).toBe(0);
    const started = Date.now();
    const r = await kubectl(['rollout', 'status', 'deployment/stuck', '--watch', '--timeout=90s']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe('error: deployment "stuck" exceeded its progress deadline');
    expect(Date.now() - started).toBeLessThan(60_000);
    const now = (await cluster.object('deployments', ns, 'stuck'))!;
    const progressing = (now.status as { conditions: { type: string; status: string; reason: string; message: string }[] }).conditions.find(
      (c) => c.type === 'Progressing',
    );
    expect(progressing).toMatchObject({ status: 'False', reason: 'ProgressDeadlineExceeded' });
    expect(progressing!.message).toMatch(/^ReplicaSet "stuck-[a-z0-9]+" has timed out progressing\.$/);
  });
});
