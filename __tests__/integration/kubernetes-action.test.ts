/**
 * CONTRACT tests of issue 6 through the action itself (`node dist/index.js`, INPUT_* env, Node 20
 * and 24), with the pinned REAL kubectl 1.32.3 against the cluster of support/kube-cluster.ts: by
 * default the loopback stand-in API server (no real Kubernetes API server can run on these machines;
 * it is as strict as a 1.32 server: OpenAPI v2 for kubectl's own validation, strict fields,
 * server-side apply with field ownership, strategic merge, watch, ReplicaSet revisions), and with
 * `SINDRI_TEST_KUBE=kind` a real kind cluster (GitHub CI). Every assertion reads what both show: the
 * requests kubectl sent, the objects through the API, the action's output. Images are REAL: built
 * FROM local/busybox:base on the real Docker engine and pushed to the real registry at 127.0.0.1:5000,
 * whose digests the deployed Deployment must carry; the "broken" one really exits at once.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAction, type ActionRun, type NodeMajor } from '../support/action.js';
import {
  buildImage,
  cleanup,
  imagesOf,
  pushImage,
  pushTestBase,
  REGISTRY,
  registryDigest,
  removeLabelledImages,
  requireServices,
  testDockerfile,
  uniqueName,
} from '../support/docker.js';
import { kubeCluster, kubectlPath } from '../support/kube-cluster.js';
import { installFakes, type Fakes } from '../support/fakes.js';
import { makeWorkdir } from '../support/workdir.js';

const ns = uniqueName('k8s');
const dirs: string[] = [];
const cluster = kubeCluster();
let kubeDir: string;
let env: Record<string, string>;
let app: { repo: string; d1: string; d2: string; broken: string };
const SECRET = `k8s-s3cr3t-${Math.random().toString(36).slice(2)}`;
const SECRET2 = `k8s-rotated-${Math.random().toString(36).slice(2)}`;
const REG_PASSWORD = `regpass-${Math.random().toString(36).slice(2)}`;
const b64 = (s: string) => Buffer.from(s).toString('base64');
const MANAGED = 'app.kubernetes.io/managed-by';

const workdir = (yaml: string, files: Record<string, string> = {}): string => makeWorkdir('k8s-action-', dirs, yaml, files);

const yaml = (name: string, image: string, k8s: string, secrets = true) =>
  `version: "3.0"\nname: ${name}\ndeployment:\n  provider: kubernetes\n${image ? `  image: ${image}\n` : ''}  resources:\n    memory: 2GB\n    cpus: 1\nextensions:\n  profile: minimal\n` +
  (secrets ? `secrets:\n  - name: API_TOKEN\n    source: env\n    required: true\n` : '') +
  `providers:\n  kubernetes:\n${k8s}`;

function act(dir: string, inputs: Record<string, string>, node: NodeMajor, extraEnv: Record<string, string> = {}): Promise<ActionRun> {
  return runAction({ inputs: { timeout: '2m', ...inputs }, cwd: dir, node, env: { ...env, ...extraEnv }, timeoutMs: 180_000 });
}

const errorLines = (r: ActionRun) => r.stdout.split('\n').filter((l) => l.startsWith('::error'));
const writesSince = (from: number) => cluster.requests.slice(from).filter((q) => !['GET', 'HEAD'].includes(q.method));
const LABELLED = [
  'namespaces',
  'services',
  'secrets',
  'persistentvolumeclaims',
  'deployments.apps',
  'replicasets',
  'ingresses.networking.k8s.io',
];
/** what still carries our instance label; a real cluster's garbage collector needs a moment for the ReplicaSets */
async function ours(instance: string): Promise<string[]> {
  const left = async () =>
    (await cluster.labelled(LABELLED, `app.kubernetes.io/instance=${instance}`)).map((o) => `${o.kind}/${o.metadata.name}`);
  for (let tries = 0; tries < 120; tries++) {
    const now = await left();
    if (now.length === 0 || cluster.backend === 'stand-in') return now;
    await new Promise((r) => setTimeout(r, 500));
  }
  return await left();
}

beforeAll(async () => {
  await requireServices();
  await cluster.start();
  kubeDir = mkdtempSync(join(tmpdir(), 'k8s-kube-'));
  cluster.writeKubeconfig(join(kubeDir, 'config'), ['ci-cluster', `kind-${cluster.kindCluster}`, 'k3d-lab']);
  mkdirSync(join(kubeDir, 'docker'));
  // KUBECONFIG as azure/k8s-set-context leaves it; an empty Docker config: credentials only from inputs;
  // the pinned kubectl first on PATH
  env = {
    KUBECONFIG: join(kubeDir, 'config'),
    KUBECACHEDIR: join(kubeDir, 'cache'),
    DOCKER_CONFIG: join(kubeDir, 'docker'),
    PATH: kubectlPath(),
  };
  const base = await pushTestBase(`${ns}/base`, ns);
  const local: string[] = [];
  const pushed: string[] = [];
  for (const v of ['1.0.0', '1.2.0', '9.9.9']) {
    // 9.9.9 is broken: its container exits at once, so a real cluster never gets it ready either
    const cmd = v === '9.9.9' ? { cmd: ['sh', '-c', 'exit 3'] } : {};
    await buildImage(`${ns}-app:${v}`, testDockerfile(base.ref, { extra: `LABEL version=${v}`, ...cmd }));
    local.push(`${ns}-app:${v}`);
    pushed.push((await pushImage(`${ns}-app:${v}`, `${ns}/app`, v)).ref);
  }
  await cleanup({ images: [...local, ...pushed, base.ref] });
  app = {
    repo: `${REGISTRY}/${ns}/app`,
    d1: await registryDigest(`${ns}/app`, '1.0.0'),
    d2: await registryDigest(`${ns}/app`, '1.2.0'),
    broken: await registryDigest(`${ns}/app`, '9.9.9'),
  };
  // a rollout of 9.9.9 never gets an available replica (the stand-in has no kubelet to find out)
  cluster.neverReady = (image) => image.endsWith(app.broken);
}, 240_000);

afterAll(async () => {
  await cluster.stop();
  const images = [
    ...(await imagesOf(`${REGISTRY}/${ns}/app`)),
    ...(await imagesOf(`${REGISTRY}/${ns}/base`)),
    ...(await imagesOf(`${ns}-local`)),
  ];
  await cleanup({ images });
  await removeLabelledImages(ns);
  for (const d of [...dirs, kubeDir]) rmSync(d, { recursive: true, force: true });
}, 120_000);

describe('kubernetes through the action (contract: real kubectl, loopback API server, real registry)', () => {
  const name = `${ns}-dev`;
  const namespace = `sindri-${ns}`.slice(0, 63);
  let dir: string;

  it('first deploy on Node 24: the Deployment runs the digest the registry reports; the secret only in the Secret', async () => {
    dir = workdir(yaml(name, `${app.repo}:1.0.0`, `    namespace: ${namespace}\n    storageClass: standard\n`));
    const from = cluster.requests.length;
    const r = await act(dir, { 'registry-username': 'ci', 'registry-password': REG_PASSWORD }, '24', { API_TOKEN: SECRET });
    expect(r.code, r.stdout).toBe(0);
    expect(r.outputs).toMatchObject({
      provider: 'kubernetes',
      image: `${app.repo}@${app.d1}`,
      'image-digest': app.d1,
      skipped: 'false',
      built: 'false',
    });
    const dep = (await cluster.object('deployments', namespace, name))!;
    const pod = (dep.spec as { template: { spec: Record<string, unknown> } }).template.spec as {
      containers: { image: string; envFrom: unknown; resources: unknown; ports: unknown }[];
      imagePullSecrets: unknown;
    };
    expect(pod.containers[0]!.image).toBe(`${app.repo}@${await registryDigest(`${ns}/app`, '1.0.0')}`);
    // the env Secret is versioned (a salted hash of its values) and named by the template
    const envName = (pod.containers[0]!.envFrom as { secretRef: { name: string } }[])[0]!.secretRef.name;
    expect(envName).toMatch(new RegExp(`^${name}-env-[0-9a-f]{10}$`));
    expect(pod.containers[0]!.resources).toEqual({ limits: { memory: '2Gi', cpu: '1' }, requests: { memory: '2Gi', cpu: '1' } });
    expect(pod.imagePullSecrets).toEqual([{ name: `${name}-registry` }]);
    expect((await cluster.object('namespaces', '', namespace))?.metadata.labels?.[MANAGED]).toBe('sindri-deploy-action');
    expect(await cluster.object('persistentvolumeclaims', namespace, `${name}-home`)).toBeDefined();
    expect(await cluster.object('services', namespace, name)).toBeDefined();
    const secret = (await cluster.object('secrets', namespace, envName))!;
    expect(secret.data).toEqual({ API_TOKEN: b64(SECRET) });
    const pull = (await cluster.object('secrets', namespace, `${name}-registry`))!;
    expect(pull.type).toBe('kubernetes.io/dockerconfigjson');
    const dockerconfig = JSON.parse(Buffer.from((pull.data as Record<string, string>)['.dockerconfigjson']!, 'base64').toString()) as {
      auths: Record<string, { username: string; password: string }>;
    };
    expect(dockerconfig.auths[REGISTRY]).toMatchObject({ username: 'ci', password: REG_PASSWORD });

    // server-side applies only (field manager ours, ADR 0052): a dry run of every object (the namespace
    // checked and made first, since nothing can be checked inside a namespace that does not exist), then
    // the objects, the Deployment last; nothing else written
    const writes = writesSince(from);
    expect(
      writes.every(
        (w) =>
          w.method === 'PATCH' &&
          w.contentType.startsWith('application/apply-patch+yaml') &&
          /fieldManager=sindri-deploy-action/.test(w.query),
      ),
    ).toBe(true);
    const at = (w: { path: string }) => w.path.split('/').slice(-2).join('/');
    const dry = (w: { query: string }) => new URLSearchParams(w.query).get('dryRun') === 'All';
    expect(writes.slice(0, 2).map((w) => [at(w), dry(w)])).toEqual([
      [`namespaces/${namespace}`, true],
      [`namespaces/${namespace}`, false],
    ]);
    const rest = writes.slice(2);
    const objects = [
      `secrets/${name}-env-key`,
      `secrets/${envName}`,
      `secrets/${name}-registry`,
      `persistentvolumeclaims/${name}-home`,
      `services/${name}`,
      `deployments/${name}`,
    ];
    expect(rest.slice(0, objects.length).every(dry)).toBe(true);
    expect(rest.slice(0, objects.length).map(at).sort()).toEqual([...objects].sort());
    expect(rest.slice(objects.length).some(dry)).toBe(false);
    expect(rest.slice(objects.length).map(at).sort()).toEqual([...objects].sort());
    expect(at(rest.at(-1)!)).toBe(`deployments/${name}`);
    // the secret (raw or base64) in no request but the Secret's own apply, no log line, output, summary or file
    for (const value of [SECRET, b64(SECRET), REG_PASSWORD]) {
      const carriers = cluster.requests.filter((q) => q.body.includes(value) || q.query.includes(value) || q.path.includes(value));
      expect(carriers.map((q) => q.path)).toEqual(
        // the Secret's dry run and its apply
        value === REG_PASSWORD ? [] : value === SECRET ? [] : [1, 2].map(() => `/api/v1/namespaces/${namespace}/secrets/${envName}`),
      );
      expect(r.stdout.replace(/^::add-mask::.*$/gm, '') + r.stderr).not.toContain(value);
      expect(r.summary).not.toContain(value);
      expect(JSON.stringify(r.outputs)).not.toContain(value);
      for (const f of readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()))
        expect(readFileSync(join(f.parentPath, f.name), 'utf8')).not.toContain(value);
    }
    expect(readdirSync(dir)).toEqual(['sindri.yaml']);
    expect(r.stdout).toMatch(
      /applying 7 objects in namespace \S+ on \S+ in-process: server-side apply, field manager sindri-deploy-action, conflicts forced/,
    );
    expect(r.stdout).toContain(`deployment.apps/${name} serverside-applied`);
    expect(r.stdout).toMatch(/successfully rolled out/);
    expect(r.stdout).not.toMatch(/\$ \S*kubectl .*(apply|rollout)/);
    expect(JSON.parse(r.outputs.result!).extra).toMatchObject({ namespace, deployment: name });
    expect(r.outputs['rolled-back']).toBe('false');
  });

  it('redeploy unchanged on Node 20: skipped=true, nothing written', async () => {
    const from = cluster.requests.length;
    const r = await act(dir, { 'registry-username': 'ci', 'registry-password': REG_PASSWORD }, '20', { API_TOKEN: SECRET });
    expect(r.code, r.stdout).toBe(0);
    expect(r.outputs.skipped).toBe('true');
    expect(writesSince(from)).toEqual([]);
    expect(r.stdout).not.toMatch(/\$ kubectl .* apply|serverside-applied/);
  });

  it('a changed secret value on Node 24: a new versioned Secret, named by a new template, rolled out', async () => {
    const from = cluster.requests.length;
    const r = await act(dir, { 'registry-username': 'ci', 'registry-password': REG_PASSWORD }, '24', { API_TOKEN: SECRET2 });
    expect(r.code, r.stdout).toBe(0);
    expect(r.outputs.skipped).toBe('false');
    const dep = (await cluster.object('deployments', namespace, name))!;
    const envName = (dep.spec as { template: { spec: { containers: { envFrom: { secretRef: { name: string } }[] }[] } } }).template.spec
      .containers[0]!.envFrom[0]!.secretRef.name;
    expect((await cluster.object('secrets', namespace, envName))!.data).toEqual({ API_TOKEN: b64(SECRET2) });
    expect(r.stdout).not.toMatch(/rollout restart/);
    expect(dep.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2');
    // the apply (and its dry run before it)
    expect(writesSince(from).filter((w) => w.path.endsWith(`/deployments/${name}`) && !w.query.includes('dryRun'))).toHaveLength(1);
    expect(r.stdout.replace(/^::add-mask::.*$/gm, '')).not.toContain(SECRET2);
  });

  it('a new digest on Node 24: one apply, one patch of the Deployment, now running the new digest', async () => {
    const from = cluster.requests.length;
    const r = await act(
      dir,
      { image: app.repo, 'image-digest': app.d2, 'registry-username': 'ci', 'registry-password': REG_PASSWORD },
      '24',
      {
        API_TOKEN: SECRET2,
      },
    );
    expect(r.code, r.stdout).toBe(0);
    expect(r.outputs).toMatchObject({ image: `${app.repo}@${app.d2}`, skipped: 'false' });
    expect(r.stdout.match(/^applying \d+ objects .* in-process/gm)).toHaveLength(1);
    expect(writesSince(from).filter((w) => w.path.endsWith(`/deployments/${name}`) && !w.query.includes('dryRun'))).toHaveLength(1);
    const dep = (await cluster.object('deployments', namespace, name))!;
    expect(JSON.stringify(dep.spec)).toContain(`${app.repo}@${app.d2}`);
    expect(dep.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('3');
  });

  it('a rollout that never becomes ready on Node 20: describe + events, rollout undo, one line naming what runs again', async () => {
    const r = await act(
      dir,
      { image: app.repo, 'image-digest': app.broken, timeout: '20s', 'registry-username': 'ci', 'registry-password': REG_PASSWORD },
      '20',
      {
        API_TOKEN: SECRET2,
      },
    );
    expect(r.code).toBe(1);
    const errors = errorLines(r);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      new RegExp(
        `did not become ready .*rolled back: deployment ${name} runs the previous image ${app.repo.replace(/[.]/g, '\\.')}@${app.d2} again \\(by digest, revision 5\\), ready again`,
      ),
    );
    expect(r.stdout).toMatch(/\$ kubectl .* describe deployment/);
    expect(r.stdout).toMatch(/NewReplicaSet:/);
    expect(r.stdout).toMatch(/BackOff .*Back-off restarting failed container/);
    expect(r.stdout).toMatch(/\$ kubectl .* rollout undo deployment\//);
    expect(r.stdout).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(r.outputs['rolled-back']).toBe('true');
    expect(r.outputs['previous-image']).toBe(`${app.repo}@${app.d2}`);
    expect(JSON.stringify((await cluster.object('deployments', namespace, name))!.spec)).toContain(`${app.repo}@${app.d2}`);
    expect(r.outputs.image).toBe(`${app.repo}@${app.broken}`); // what it tried, set before the failure
  });

  it('with rollback: false the failed rollout is left as it is and says so', async () => {
    const r = await act(
      dir,
      {
        image: app.repo,
        'image-digest': app.broken,
        timeout: '10s',
        rollback: 'false',
        'registry-username': 'ci',
        'registry-password': REG_PASSWORD,
      },
      '24',
      {
        API_TOKEN: SECRET2,
      },
    );
    expect(r.code).toBe(1);
    expect(errorLines(r)[0]).toMatch(/left running as it is \(rollback: false\)/);
    expect(r.stdout).not.toMatch(/rollout undo/);
    expect(r.outputs['rolled-back']).toBe('false');
  });

  it('destroy on Node 24 leaves no object with our labels, and the namespace it created is gone', async () => {
    const r = await act(dir, { mode: 'destroy' }, '24');
    expect(r.code, r.stdout).toBe(0);
    expect(await ours(name)).toEqual([]);
    expect(await cluster.object('namespaces', '', namespace)).toBeUndefined();
    expect(await cluster.objects('replicasets', namespace)).toEqual([]);
  });
});

describe('kubernetes failures before anything is applied (contract: real kubectl, loopback API server)', () => {
  it('an unreachable API server: one line naming the context and the fix (Node 20)', async () => {
    const dir = workdir(yaml(`${ns}-unreach`, `${app.repo}@${app.d1}`, `    context: unreachable\n`, false));
    const from = cluster.requests.length;
    const r = await act(dir, {}, '20');
    expect(r.code).toBe(1);
    const errors = errorLines(r);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/context "unreachable" cannot be reached/);
    expect(errors[0]).toMatch(/Fix: set up the kubeconfig before this step/);
    expect(writesSince(from)).toEqual([]);
  });

  it('a missing required secret fails before any kubectl call (Node 24)', async () => {
    const dir = workdir(yaml(`${ns}-nosecret`, `${app.repo}@${app.d1}`, `    namespace: default\n`));
    const from = cluster.requests.length;
    const r = await act(dir, {}, '24');
    expect(r.code).toBe(1);
    expect(errorLines(r)).toHaveLength(1);
    expect(errorLines(r)[0]).toMatch(/API_TOKEN/);
    expect(cluster.requests.length).toBe(from);
    expect(r.stdout).not.toMatch(/\$ kubectl/);
  });

  it('a Dockerfile-only config fails before any kubectl call, with a workflow snippet in the fix (Node 20)', async () => {
    const dir = workdir(yaml(`${ns}-df`, '', `    namespace: default\n`, false), { Dockerfile: 'FROM scratch\n' });
    const from = cluster.requests.length;
    const r = await act(dir, {}, '20');
    expect(r.code).toBe(1);
    expect(errorLines(r)).toHaveLength(1);
    expect(errorLines(r)[0]).toMatch(/never builds images/);
    expect(errorLines(r)[0]).toMatch(/docker\/build-push-action.*image-digest: \$\{\{ steps\.build\.outputs\.digest \}\}/);
    expect(cluster.requests.length).toBe(from);
  });
});

describe('kubernetes plan and local clusters (contract: real kubectl, loopback API server, kind stand-in)', () => {
  let fakes: Fakes;
  beforeAll(() => {
    // stand-ins for kind and k3d, ahead of the pinned kubectl on PATH; with a real kind cluster, kind is real
    fakes = installFakes(cluster.fakeTools(), kubectlPath());
    fakes.setState('kind', { clusters: [cluster.kindCluster] });
    fakes.setState('k3d', { clusters: ['lab'] });
  });
  afterAll(() => fakes.remove());

  it('plan on Node 24 prints every manifest and kubectl command and writes nothing (it only reads: the namespace is new)', async () => {
    const dir = workdir(
      yaml(
        `${ns}-plan`,
        `${app.repo}:1.0.0`,
        `    namespace: plan-ns\n    ingress:\n      enabled: true\n      hostname: dev.example.com\n`,
      ) + '\n',
    );
    const from = cluster.requests.length;
    const r = await act(dir, { mode: 'plan' }, '24', { API_TOKEN: SECRET });
    expect(r.code, r.stdout).toBe(0);
    expect(writesSince(from)).toEqual([]);
    expect(r.stdout).toContain(`+ create Namespace plan-ns`);
    for (const kind of ['Namespace', 'Secret', 'PersistentVolumeClaim', 'Deployment', 'Service', 'Ingress'])
      expect(r.stdout).toContain(`kind: ${kind}`);
    expect(r.stdout).toMatch(/would run: kubectl --namespace plan-ns apply --server-side/);
    expect(r.stdout).toMatch(/would run: kubectl --namespace plan-ns rollout status deployment\//);
    expect(r.stdout).toContain('API_TOKEN: "***"');
    expect(r.stdout.replace(/^::add-mask::.*$/gm, '')).not.toContain(SECRET);
    expect(readdirSync(dir)).toEqual(['sindri.yaml']);
  });

  it('a kind- context: an image only on the runner engine is loaded with kind load docker-image before apply (Node 20)', async () => {
    const localRef = `${ns}-local:dev`;
    const deployed = `docker.io/library/${localRef}`; // the reference as the resolver normalises it
    await buildImage(localRef, testDockerfile('local/busybox:base', { extra: `LABEL org.sindri.deploy-action.test=${ns}` }));
    const name = `${ns}-kind`;
    const dir = workdir(yaml(name, localRef, `    context: kind-${cluster.kindCluster}\n`, false));
    const r = await act(dir, { 'pin-digest': 'false' }, '20', fakes.env);
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout.match(/^\$ kind load /gm)).toHaveLength(1);
    expect(r.stdout).toContain(`$ kind load docker-image ${deployed} --name ${cluster.kindCluster}\n`);
    expect(await cluster.kindLoaded(fakes)).toContain(`${cluster.kindCluster}:${deployed}`);
    expect(JSON.stringify((await cluster.object('deployments', 'default', name))!.spec)).toContain(`"image":"${deployed}"`);
    const d = await act(dir, { mode: 'destroy' }, '20', fakes.env);
    expect(d.code, d.stdout).toBe(0);
    expect(await ours(name)).toEqual([]);
  });

  it('a k3d- context: the same local-only image is imported with k3d image import (Node 24)', async () => {
    const localRef = `${ns}-local:dev`;
    const deployed = `docker.io/library/${localRef}`;
    // with a real kind cluster behind the k3d- context, the image is there from the kind test before
    const name = `${ns}-k3d`;
    const dir = workdir(yaml(name, localRef, `    context: k3d-lab\n`, false));
    const r = await act(dir, { 'pin-digest': 'false' }, '24', fakes.env);
    expect(r.code, r.stdout).toBe(0);
    expect(fakes.calls('k3d')[0]!.argv).toEqual(['image', 'import', deployed, '--cluster', 'lab']);
    expect(fakes.state<{ loaded: { cluster: string; image: string }[] }>('k3d').loaded).toEqual([{ cluster: 'lab', image: deployed }]);
    const d = await act(dir, { mode: 'destroy' }, '24', fakes.env);
    expect(d.code, d.stdout).toBe(0);
    expect(await ours(name)).toEqual([]);
  });
});
