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
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { captured } from '../support/captured.js';
import { loadConfigText } from '../../src/config/load.js';
import { ActionError } from '../../src/errors.js';
import type { Inputs } from '../../src/inputs.js';
import { KubernetesProvider } from '../../src/providers/kubernetes/provider.js';
import type { DeployResult, ProviderContext } from '../../src/providers/types.js';
import { pinnedDecision } from '../support/docker.js';
import { exec, runParts } from '../support/exec.js';
import { Kubectl, KUBECTL_ENV, listDocument } from '../../src/external/kubectl.js';
import { FIELD_MANAGER } from '../../src/providers/kubernetes/manifests.js';
import { kubernetesSteps } from '../../src/providers/kubernetes/steps.js';
import { FakeKubeApiServer, type Obj } from '../support/fake-kube-apiserver.js';
import { testInputs } from '../support/inputs.js';
import { kubectlEnvFor, testKubectl } from '../support/kube-cluster.js';

const api = new FakeKubeApiServer();
const provider = new KubernetesProvider();
const REPO = '127.0.0.1:5000/k8sp/app';
const digest = (c: string) => `sha256:${c.repeat(64)}`;
const dirs: string[] = [];
let restoreEnv = () => {};
let http: Server;
let httpUrl = '';
/** what the "container's" HTTP port answers, per path: to the runner, and to the kubelet's probe (`kube-probe/1.32`) */
const answers = new Map<string, number>();
const probeAnswers = new Map<string, number>();

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

const deployment = (name: string) => api.get('deployments', 'k8sp', name) as Obj;
const container = (d: Obj) =>
  (d.spec as { template: { spec: { containers: Record<string, unknown>[] } } }).template.spec.containers[0] as Record<string, unknown> & {
    image: string;
  };

/** a bound claim without a class, made by someone else through kubectl (ours asks for class fast) */
async function theirClaim(name: string) {
  const theirs = {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name, namespace: 'k8sp' },
    spec: { accessModes: ['ReadWriteOnce'], volumeName: 'pv-someone', resources: { requests: { storage: '10Gi' } } },
  };
  const made = await exec('kubectl', ['apply', '--server-side', '--field-manager', 'someone', '--filename', '-'], {
    pass: KUBECTL_ENV,
    input: listDocument([{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'k8sp' } }, theirs]),
    allowFailure: true,
  });
  expect(made.code, made.stderr).toBe(0);
}

beforeAll(async () => {
  testKubectl();
  await api.start();
  api.clockScale = 0.01;
  http = createServer((req, res) => {
    const probe = (req.headers['user-agent'] ?? '').startsWith('kube-probe/');
    res.writeHead((probe ? probeAnswers : answers).get(req.url ?? '/') ?? 404);
    res.end();
  });
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  httpUrl = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const kube = mkdtempSync(join(tmpdir(), 'k8sp-kube-'));
  dirs.push(kube);
  restoreEnv = kubectlEnvFor(api, kube);
}, 60_000);

afterAll(async () => {
  restoreEnv();
  await api.stop();
  await new Promise<void>((r) => http.close(() => r()));
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

beforeEach(() => {
  api.behaviour = () => ({});
  api.neverReady = () => false;
  answers.clear();
  probeAnswers.clear();
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

describe('kubernetes provider: health checks wired into the rollout, and a rollback that restores the previous digest (contract)', () => {
  const good = digest('2');
  const bad = digest('3');
  const CHECK = 'test "$IMAGE_OK" = yes';
  const execs = (from: number) => api.requests.slice(from).filter((q) => q.path.endsWith('/exec'));

  it('health-command: the readinessProbe runs it, the rollout waits for it, then kubectl exec runs it: healthy=true', async () => {
    api.behaviour = (image) => ({ env: { IMAGE_OK: image.endsWith(good) ? 'yes' : 'no' }, readyAfterMs: 200 });
    const from = api.requests.length;
    const r = await captured(() => provider.apply(ctxFor('hc', good, { 'health-command': CHECK })));
    expect(r.error, r.out).toBeUndefined();
    expect(container(deployment('hc')).readinessProbe).toEqual({
      exec: { command: ['/bin/sh', '-c', CHECK] },
      periodSeconds: 5,
      timeoutSeconds: 5,
      failureThreshold: 3,
      successThreshold: 1,
    });
    // the check after the rollout went in through kubectl exec (WebSocket), with the command as one argument
    const [x] = execs(from);
    expect(new URLSearchParams(x!.query).getAll('command')).toEqual(['/bin/sh', '-c', CHECK]);
    expect(new URLSearchParams(x!.query).get('container')).toBe('sindri');
    expect(r.value!.health).toMatchObject({ healthy: true });
    expect(r.value).toMatchObject({ rolledBack: false, previousImage: '' });
    expect(r.out).toContain(`health: \`${CHECK}\` in deployment/hc passed`);
  }, 60_000);

  it('a new digest whose probe never passes: rolled back to the previous digest, checked again, one line saying what runs now', async () => {
    api.behaviour = (image) => ({ env: { IMAGE_OK: image.endsWith(good) ? 'yes' : 'no' } });
    const r = await captured(() => provider.apply(ctxFor('hc', bad, { 'health-command': CHECK, timeout: 20_000 })));
    const e = r.error as ActionError;
    expect(e, r.out).toBeInstanceOf(ActionError);
    expect(e.message).toMatch(
      /^deployment hc did not become ready within \d+ s \(error: deployment "hc" exceeded its progress deadline\); /,
    );
    expect(e.message).toContain(
      `rolled back: deployment hc runs the previous image ${REPO}@${good} again (by digest, revision 3), ready and healthy (\`${CHECK}\` in deployment/hc passed)`,
    );
    expect(e.extra).toEqual({ rolledBack: 'true', previousImage: `${REPO}@${good}`, healthy: 'true' });
    expect(container(deployment('hc')).image).toBe(`${REPO}@${good}`);
  }, 60_000);

  it('a rollout that passes its probe but fails the check after it (health-url from the runner): rolled back, healthy says so', async () => {
    answers.set('/healthz', 200);
    probeAnswers.set('/healthz', 200);
    api.behaviour = () => ({ http: httpUrl });
    const ingress = '    ingress:\n      enabled: true\n      hostname: hu.example.test\n';
    const url = `${httpUrl}/healthz`;
    const first = await captured(() => provider.apply(ctxFor('hu', good, { 'health-url': url }, ingress)));
    expect(first.error, first.out).toBeUndefined();
    expect(container(deployment('hu')).readinessProbe).toMatchObject({ httpGet: { path: '/healthz', port: 'http', scheme: 'HTTP' } });
    expect((first.value as DeployResult).health).toMatchObject({ healthy: true, what: `GET ${url}` });
    // the pod passes its probe, but what the runner reaches answers 503 (a broken route from outside)
    answers.set('/healthz', 503);
    const r = await captured(() =>
      provider.apply(ctxFor('hu', bad, { 'health-url': url, 'health-timeout': 2_000, timeout: 30_000 }, ingress)),
    );
    const e = r.error as ActionError;
    expect(e, r.out).toBeInstanceOf(ActionError);
    expect(e.message.startsWith(`deployment hu failed its health check (GET ${url}): HTTP 503`)).toBe(true);
    expect(e.message).toContain(
      `rolled back: deployment hu runs the previous image ${REPO}@${good} again (by digest, revision 3), ready but not healthy either (GET ${url}: HTTP 503`,
    );
    expect(e.extra).toEqual({ rolledBack: 'true', previousImage: `${REPO}@${good}`, healthy: 'false' });
  }, 60_000);

  it('rollback: false leaves the failed digest running and says so', async () => {
    api.behaviour = (image) => ({ env: { IMAGE_OK: image.endsWith(good) ? 'yes' : 'no' } });
    const r = await captured(() => provider.apply(ctxFor('hc', bad, { 'health-command': CHECK, timeout: 20_000, rollback: false })));
    const e = r.error as ActionError;
    expect(e.message).toContain(`it is left running as it is (rollback: false): ${REPO}@${bad}`);
    expect(e.extra).toEqual({ rolledBack: 'false', previousImage: `${REPO}@${good}`, healthy: 'unknown' });
  }, 60_000);

  it('a path health-url without an ingress (no url output) fails before anything is applied', async () => {
    const from = api.requests.length;
    const r = await captured(() => provider.apply(ctxFor('nourl', good, { 'health-url': '/healthz' })));
    expect((r.error as ActionError).message).toContain('health-url /healthz is a path, but this deployment has no url to join it to');
    expect(api.requests.slice(from).filter((q) => q.method !== 'GET')).toEqual([]);
  }, 60_000);
});

describe('kubernetes provider: env Secrets versioned with the template (contract)', () => {
  const good = digest('4');
  const bad = digest('5');
  const PEM = `-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\nBKcwggSjAgEAAoIBAQC7 'quoted' "and" $dollar\n-----END PRIVATE KEY-----`;
  const secretYaml = 'secrets:\n  - name: API_TOKEN\n    source: env\n    required: true\n';
  const readInside = async () =>
    (
      await exec(
        'kubectl',
        ['--namespace', 'k8sp', 'exec', 'deployment/sec', '-c', 'sindri', '--', '/bin/sh', '-c', 'printf %s "$API_TOKEN"'],
        {
          pass: KUBECTL_ENV,
        },
      )
    ).stdout;
  const envSecrets = () =>
    api
      .list('secrets', 'k8sp')
      .filter((o) => o.metadata.labels?.['deploy.sindri.dev/role'] === 'env' && o.metadata.name.startsWith('sec-'));
  const withToken = async <T>(value: string, fn: () => Promise<T>): Promise<T> => {
    process.env.API_TOKEN = value;
    try {
      return await fn();
    } finally {
      delete process.env.API_TOKEN;
    }
  };

  it('a PEM-shaped value arrives intact; rollout undo restores the template and the Secret it read; older Secrets are pruned', async () => {
    api.behaviour = (image) => ({ neverReady: image.endsWith(bad) });
    const first = await captured(() => withToken(PEM, () => provider.apply(ctxFor('sec', good, {}, '', secretYaml))));
    expect(first.error, first.out).toBeUndefined();
    expect(await readInside()).toBe(PEM);
    const [v1] = envSecrets();
    expect(v1!.metadata.name).toMatch(/^sec-env-[0-9a-f]{10}$/);
    // new values with a broken image: rolled back, and the restored pods read the values they ran with
    const second = await captured(() =>
      withToken('rotated', () => provider.apply(ctxFor('sec', bad, { timeout: 20_000 }, '', secretYaml))),
    );
    expect((second.error as ActionError).extra).toMatchObject({ rolledBack: 'true' });
    expect(await readInside()).toBe(PEM);
    expect(envSecrets()).toHaveLength(2);
    // a third value that rolls out: the current Secret and the previous revision's are kept, the rest pruned
    const third = await captured(() => withToken('third', () => provider.apply(ctxFor('sec', good, {}, '', secretYaml))));
    expect(third.error, third.out).toBeUndefined();
    expect(await readInside()).toBe('third');
    const left = envSecrets().map((o) => o.metadata.name);
    expect(left).toHaveLength(2);
    expect(left).toContain(v1!.metadata.name);
    // the version names no value: the salt keys it, and the salt is masked, never printed
    const salt = Buffer.from((api.get('secrets', 'k8sp', 'sec-env-key')!.data as Record<string, string>).salt!, 'base64').toString();
    expect(salt).toMatch(/^[0-9a-f]{32}$/);
    const printed = (first.out + second.out + third.out).split('\n').filter((l) => !l.startsWith('::add-mask::'));
    expect(printed.join('\n')).not.toContain(salt);
    expect(first.out).toContain(`::add-mask::${salt}`);
  }, 90_000);
});

describe('kubernetes provider: the home claim against the live one (contract: PVC spec immutable, growth only on an expandable class)', () => {
  const img = digest('6');
  const size = (gb: number) => `  volumes:\n    workspace:\n      size: ${gb}GB\n`;
  const claim = (name: string) =>
    (api.get('persistentvolumeclaims', 'k8sp', `${name}-home`)!.spec as { resources: { requests: { storage: string } } }).resources.requests
      .storage;

  it('growth on a class that allows expansion: the claim grows', async () => {
    api.storageClass('expandable', true);
    const k8s = '    storageClass: expandable\n';
    expect((await captured(() => provider.apply(ctxFor('grow', img, {}, k8s, size(10))))).error).toBeUndefined();
    const r = await captured(() => provider.apply(ctxFor('grow', img, {}, k8s, size(20))));
    expect(r.error, r.out).toBeUndefined();
    expect(claim('grow')).toBe('20Gi');
    expect(r.out).toContain('claim grow-home grows from 10Gi to 20Gi (storage class expandable allows volume expansion)');
  }, 60_000);

  it('growth on a fixed class, and a shrink: the claim is kept, a warning says why and what to do, the deploy goes on', async () => {
    api.storageClass('fixed', false);
    const k8s = '    storageClass: fixed\n';
    expect((await captured(() => provider.apply(ctxFor('keep', img, {}, k8s, size(10))))).error).toBeUndefined();
    const grow = await captured(() => provider.apply(ctxFor('keep', img, { force: true }, k8s, size(20))));
    expect(grow.error, grow.out).toBeUndefined();
    expect(claim('keep')).toBe('10Gi');
    expect(grow.out).toContain(
      '::warning::claim keep-home keeps 10Gi: volumes.workspace.size asks for 20Gi, but storage class fixed does not allow volume expansion (set allowVolumeExpansion: true on the StorageClass, or mode: destroy, then deploy',
    );
    const shrink = await captured(() => provider.apply(ctxFor('keep', img, { force: true }, k8s, size(5))));
    expect(shrink.error, shrink.out).toBeUndefined();
    expect(claim('keep')).toBe('10Gi');
    expect(shrink.out).toContain('::warning::claim keep-home keeps 10Gi: volumes.workspace.size asks for 5Gi, and a claim never shrinks');
  }, 60_000);

  it('an apply the server refuses in part: its dry run of every object refuses it first, so nothing is applied (ADR 0052)', async () => {
    // a claim of that name made by someone else, bound to a volume and without a class: ours (storageClass
    // fast) cannot set a bound claim's class (a live claim's access modes are kept instead, ADR 0039)
    await theirClaim('part-home');
    const from = api.requests.length;
    const r = await captured(() => provider.apply(ctxFor('part', img, {}, '    storageClass: fast\n')));
    const e = r.error as ActionError;
    expect(e, r.out).toBeInstanceOf(ActionError);
    expect(e.message).toBe(
      'the server-side apply was refused: persistentvolumeclaim/part-home: Error from server (Invalid): PersistentVolumeClaim "part-home" is invalid: spec: Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims',
    );
    expect(e.fix).toMatch(/^nothing was applied: the API server refused it in a dry run before anything was persisted/);
    expect(deployment('part')).toBeUndefined();
    // every write was a dry run
    const writes = api.requests.slice(from).filter((q) => q.method !== 'GET');
    expect(writes.length).toBeGreaterThan(0);
    expect(writes.every((q) => new URLSearchParams(q.query).get('dryRun') === 'All')).toBe(true);
  }, 60_000);

  it('the same refusal through kubectl (a kubeconfig the action leaves to it): kubectl goes on past the refused object, and the error names what it applied', async () => {
    await theirClaim('kpart-home');
    const ctx = ctxFor('kpart', img, {}, '    storageClass: fast\n');
    const kubectl = new Kubectl(ctx.exec, ctx.workdir);
    const steps = kubernetesSteps(ctx, { secrets: new Map(), context: '', loadLocal: false, namespaceExists: true });
    const e = await kubectl.apply(steps.target, listDocument(steps.applied), FIELD_MANAGER, 60_000).catch((x: unknown) => x as ActionError);
    expect(e).toBeInstanceOf(ActionError);
    expect((e as ActionError).message).toBe(
      'kubectl apply failed: The PersistentVolumeClaim "kpart-home" is invalid: spec: Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims',
    );
    expect((e as ActionError).fix).toBe(
      "kubectl applied the other objects (deployment.apps/kpart, service/kpart) and refused the ones named above: read the API server's message, fix it, and deploy again",
    );
    expect(deployment('kpart')).toBeDefined();
  }, 60_000);
});

describe('kubernetes provider: a namespace-scoped account (contract: RBAC forbids cluster-scoped reads)', () => {
  it('a Forbidden namespace lookup means "exists, not ours": the Namespace is left out of the apply, one line says so', async () => {
    api.namespaceScopedUser = 'system:serviceaccount:ci:deployer';
    try {
      const from = api.requests.length;
      const r = await captured(() => provider.apply(ctxFor('scoped', digest('8'))));
      expect(r.error, r.out).toBeUndefined();
      expect(r.out).toContain(
        'namespace k8sp: this kubeconfig user may not read it (Forbidden), so it is taken to exist and is left out of the apply',
      );
      expect(
        api.requests
          .slice(from)
          .filter((q) => q.path.startsWith('/api/v1/namespaces/k8sp') && q.path.split('/').length === 5 && q.method !== 'GET'),
      ).toEqual([]);
      expect(deployment('scoped')).toBeDefined();
    } finally {
      api.namespaceScopedUser = undefined;
    }
  }, 60_000);
});

describe('kubernetes provider: as few kubectl processes as the deploy needs (issue 25; contract: the stand-in API server)', () => {
  it('a first deploy starts no kubectl: the reads, the server-side apply and the rollout watch are requests (ADR 0047, 0052)', async () => {
    const ctx = ctxFor('count', digest('9'));
    // ready 300 ms after it starts: the first look sees it waiting, the watch sees it roll out
    api.behaviour = (image) => (image.endsWith(digest('9')) ? { readyAfterMs: 300 } : {});
    const from = api.requests.length;
    const r = await captured(() => provider.apply(ctx));
    expect(r.error, r.out).toBeUndefined();
    expect(ctx.exec.history.filter((h) => h.argv[0] === 'kubectl')).toEqual([]);
    const mine = api.requests.slice(from);
    // the one read: a GET per object, before any write, no discovery of its own
    const firstWrite = mine.findIndex((q) => q.method !== 'GET');
    expect(mine.slice(0, firstWrite).map((q) => q.path)).toEqual(
      expect.arrayContaining(['/apis/apps/v1/namespaces/k8sp/deployments/count', '/api/v1/namespaces/k8sp']),
    );
    expect(mine.some((q) => q.path.startsWith('/api') && /^\/apis?$/.test(q.path))).toBe(false);
    // every write is a server-side apply as kubectl sends it: ours, forced, strict, as apply-patch+yaml
    const writes = mine.filter((q) => q.method !== 'GET');
    for (const w of writes) {
      expect(w.method).toBe('PATCH');
      expect(w.contentType).toBe('application/apply-patch+yaml');
      const q = new URLSearchParams(w.query);
      expect([q.get('fieldManager'), q.get('force'), q.get('fieldValidation')]).toEqual([FIELD_MANAGER, 'true', 'Strict']);
    }
    // a namespace of its own first (when new: checked, made), then a dry run of every other object, then
    // the objects, the Deployment last
    const all = writes.map((w) => `${new URLSearchParams(w.query).get('dryRun') ? 'check ' : ''}${w.path.split('/').at(-2)}`);
    const kinds = all[0] === 'check namespaces' ? all.slice(2) : all;
    if (kinds !== all) expect(all[1]).toBe('namespaces');
    const checks = kinds.filter((k) => k.startsWith('check '));
    expect(checks.length).toBe(kinds.length / 2);
    expect(kinds.slice(0, checks.length)).toEqual(checks);
    expect(
      kinds
        .slice(checks.length)
        .map((k) => `check ${k}`)
        .sort(),
    ).toEqual([...checks].sort());
    expect(kinds.at(-1)).toBe('deployments');
    // then the watch of that Deployment alone, and kubectl's own words for its end
    expect(
      mine.some(
        (q) =>
          q.path === '/apis/apps/v1/namespaces/k8sp/deployments' &&
          q.query.includes('watch=true') &&
          q.query.includes('fieldSelector=metadata.name%3Dcount'),
      ),
    ).toBe(true);
    expect(r.out).toContain('deployment.apps/count serverside-applied');
    expect(r.out).toMatch(
      /Waiting for deployment "count" rollout to finish: 0 of 1 updated replicas are available\.\.\.\n[^]*deployment "count" successfully rolled out/,
    );
    expect(r.out).toContain('context ci: the API server answered');
    // done means the rollout's pods are available: what kubectl's viewer waits for
    expect((deployment('count').status as { availableReplicas?: number }).availableReplicas).toBe(1);
  }, 60_000);
});
