/**
 * Issue 21, kubernetes CONTRACT: `mode: plan` through `node dist/index.js`, with the pinned REAL
 * kubectl against the strict stand-in API server of support/kube-cluster.ts (a real kind cluster
 * with SINDRI_TEST_KUBE=kind). The plan reads the live objects and asks the server what a
 * server-side apply would leave (`--dry-run=server`, `dryRun=All`), and the stand-in proves nothing
 * is persisted: no write without dryRun=All, every object's resourceVersion as it was. Equal →
 * `changed=false`; a new digest → the Deployment's update with both digests; a context on a closed
 * port → the plan succeeds and says why it could not compare.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
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
import { makeWorkdir } from '../support/workdir.js';

const ns = uniqueName('k8splan');
const dirs: string[] = [];
const cluster = kubeCluster();
const name = `${ns}-app`;
const namespace = `sindri-${ns}`.slice(0, 63);
let kubeDir: string;
let env: Record<string, string>;
let app: { repo: string; d1: string; d2: string };

const yaml = (context = '') =>
  `version: "3.0"\nname: ${name}\ndeployment:\n  provider: kubernetes\n  resources:\n    memory: 2GB\n    cpus: 1\nextensions:\n  profile: minimal\nproviders:\n  kubernetes:\n    namespace: ${namespace}\n    storageClass: standard\n${context ? `    context: ${context}\n` : ''}`;

function act(dir: string, inputs: Record<string, string>, node: NodeMajor): Promise<ActionRun> {
  return runAction({
    inputs: { timeout: '2m', image: app.repo, 'image-digest': app.d1, verify: 'false', ...inputs },
    cwd: dir,
    node,
    env,
    timeoutMs: 180_000,
  });
}

interface PlanResult {
  plan: {
    live: { known: boolean; reason: string };
    changes: { action: string; resource: string; image?: { from: string; to: string }; settings?: string[]; line: string }[];
  };
}
const resultOf = (r: ActionRun): PlanResult => JSON.parse(r.outputs.result!) as PlanResult;
const short = (digest: string) => `${digest.slice(0, 'sha256:'.length + 12)}…`;

/** what the plan sent since `from`: reads, and writes only as dry runs */
function onlyDryRuns(from: number): void {
  const writes = cluster.requests.slice(from).filter((q) => !['GET', 'HEAD'].includes(q.method));
  for (const w of writes) expect(new URLSearchParams(w.query).get('dryRun'), `${w.method} ${w.path}${w.query}`).toBe('All');
}

/** resourceVersion of each of our objects, to prove a plan left them as they were */
async function versions(): Promise<Record<string, string>> {
  const objs = await cluster.labelled(
    ['services', 'secrets', 'persistentvolumeclaims', 'deployments.apps'],
    `app.kubernetes.io/instance=${name}`,
  );
  return Object.fromEntries(objs.map((o) => [`${o.kind}/${o.metadata.name}`, String(o.metadata.resourceVersion)]));
}

beforeAll(async () => {
  await requireServices();
  await cluster.start();
  kubeDir = mkdtempSync(join(tmpdir(), 'k8s-plan-kube-'));
  cluster.writeKubeconfig(join(kubeDir, 'config'), ['ci-cluster']);
  mkdirSync(join(kubeDir, 'docker'));
  env = {
    KUBECONFIG: join(kubeDir, 'config'),
    KUBECACHEDIR: join(kubeDir, 'cache'),
    DOCKER_CONFIG: join(kubeDir, 'docker'),
    PATH: kubectlPath(),
  };
  const base = await pushTestBase(`${ns}/base`, ns);
  for (const v of ['1.0.0', '1.2.0']) {
    await buildImage(`${ns}-app:${v}`, testDockerfile(base.ref, { extra: `LABEL version=${v}` }));
    const pushed = await pushImage(`${ns}-app:${v}`, `${ns}/app`, v);
    await cleanup({ images: [`${ns}-app:${v}`, pushed.ref] });
  }
  await cleanup({ images: [base.ref] });
  app = { repo: `${REGISTRY}/${ns}/app`, d1: await registryDigest(`${ns}/app`, '1.0.0'), d2: await registryDigest(`${ns}/app`, '1.2.0') };
}, 240_000);

afterAll(async () => {
  await cluster.stop();
  await cleanup({ images: [...(await imagesOf(`${REGISTRY}/${ns}/app`)), ...(await imagesOf(`${REGISTRY}/${ns}/base`))] });
  await removeLabelledImages(ns);
  for (const d of [...dirs, kubeDir]) rmSync(d, { recursive: true, force: true });
}, 120_000);

describe('kubernetes plan contract: the live diff by server-side dry-run (real kubectl, stand-in API server)', () => {
  let dir: string;

  it('nothing deployed yet (Node 24): every object + create, nothing written', async () => {
    dir = makeWorkdir('k8s-plan-', dirs, yaml());
    const from = cluster.requests.length;
    const r = await act(dir, { mode: 'plan' }, '24');
    expect(r.code, r.stdout).toBe(0);
    const res = resultOf(r);
    expect(res.plan.live.known).toBe(true);
    expect(res.plan.changes.map((c) => c.action)).toEqual(res.plan.changes.map(() => 'create'));
    expect(res.plan.changes.map((c) => c.resource)).toEqual(
      expect.arrayContaining([`Namespace ${namespace}`, `Deployment ${name}`, `Service ${name}`]),
    );
    expect(r.outputs).toMatchObject({ changed: 'true', changes: String(res.plan.changes.length) });
    expect(cluster.requests.slice(from).filter((q) => !['GET', 'HEAD'].includes(q.method))).toEqual([]);
    expect(r.stdout).toContain(`+ create Deployment ${name}`);
  });

  it('deployed, then the same digest (Node 20): every object = unchanged, changed=false; the dry run persisted nothing', async () => {
    const d = await act(dir, {}, '20');
    expect(d.code, d.stdout).toBe(0);
    const before = await versions();
    const from = cluster.requests.length;
    const r = await act(dir, { mode: 'plan' }, '20');
    expect(r.code, r.stdout).toBe(0);
    const res = resultOf(r);
    expect(
      res.plan.changes.filter((c) => c.action !== 'unchanged'),
      r.stdout,
    ).toEqual([]);
    expect(r.outputs).toMatchObject({ changed: 'false', changes: '0' });
    expect(r.stdout).toMatch(/a dry run of the server-side apply \(dryRun=All\) on \S+ in-process/);
    const sent = cluster.requests.slice(from);
    expect(sent.some((q) => q.method === 'PATCH' && new URLSearchParams(q.query).get('dryRun') === 'All')).toBe(true);
    onlyDryRuns(from);
    expect(await versions()).toEqual(before);
  });

  it('a new digest (Node 24): ~ update Deployment with both digests; still nothing persisted', async () => {
    const before = await versions();
    const from = cluster.requests.length;
    const r = await act(dir, { mode: 'plan', 'image-digest': app.d2 }, '24');
    expect(r.code, r.stdout).toBe(0);
    const dep = resultOf(r).plan.changes.find((c) => c.resource === `Deployment ${name}`);
    expect(dep).toMatchObject({ action: 'update', image: { from: `${app.repo}@${app.d1}`, to: `${app.repo}@${app.d2}` } });
    expect(r.stdout).toContain(`~ update Deployment ${name} (image ${app.repo}@${short(app.d1)} → ${app.repo}@${short(app.d2)}`);
    expect(r.outputs.changed).toBe('true');
    onlyDryRuns(from);
    expect(await versions()).toEqual(before);
    const live = await cluster.object('deployments.apps', namespace, name);
    expect(JSON.stringify(live)).toContain(`${app.repo}@${app.d1}`);
  });

  it('new env values (Node 24): - delete the older env Secret the deploy prunes, and the deploy deletes exactly it', async () => {
    const sec = `${ns}-sec`;
    const secDir = makeWorkdir(
      'k8s-plan-',
      dirs,
      yaml().replace(`name: ${name}`, `name: ${sec}`) + 'secrets:\n  - name: API_TOKEN\n    source: env\n',
    );
    const run = (inputs: Record<string, string>, token: string) =>
      runAction({
        inputs: { timeout: '2m', image: app.repo, 'image-digest': app.d1, verify: 'false', ...inputs },
        cwd: secDir,
        node: '24',
        env: { ...env, API_TOKEN: token },
        timeoutMs: 180_000,
      });
    const envSecret = async () => {
      const dep = await cluster.object('deployments.apps', namespace, sec);
      const spec = dep?.spec as { template: { spec: { containers: { envFrom: { secretRef: { name: string } }[] }[] } } };
      return spec.template.spec.containers[0]!.envFrom[0]!.secretRef.name;
    };
    // the support's label filter takes one key=value: the role is checked here
    const envSecrets = async () =>
      (await cluster.labelled(['secrets'], `app.kubernetes.io/instance=${sec}`))
        .filter((o) => o.metadata.labels?.['deploy.sindri.dev/role'] === 'env')
        .map((o) => o.metadata.name);
    for (const token of ['one', 'two']) {
      const d = await run({}, token);
      expect(d.code, d.stdout).toBe(0);
    }
    const [oldest, previous] = [await envSecrets(), await envSecret()];
    expect(oldest).toHaveLength(2);
    const older = oldest.find((n) => n !== previous)!;

    // the same values: the deploy would skip, so nothing is pruned
    const same = resultOf(await run({ mode: 'plan' }, 'two'));
    expect(same.plan.changes.filter((c) => c.action === 'delete')).toEqual([]);

    const before = await versions();
    const from = cluster.requests.length;
    const r = await run({ mode: 'plan' }, 'three');
    expect(r.code, r.stdout).toBe(0);
    const deletes = resultOf(r).plan.changes.filter((c) => c.action === 'delete');
    const line = `- delete Secret ${older} (an older env Secret: deleted after a good rollout)`;
    expect(deletes.map((c) => c.line)).toEqual([line]);
    expect(r.stdout).toContain(`\n${line}\n`);
    expect(r.stdout).toContain(`Secret ${previous} is kept: the previous revision reads it`);
    // listed in-process (ADR 0047): one GET of the Secrets by the deploy's own prune selector, no kubectl get
    const lists = cluster.requests.slice(from).filter((q) => q.method === 'GET' && q.path === `/api/v1/namespaces/${namespace}/secrets`);
    const version = (n: string) => /-env-([0-9a-f]{10})$/.exec(n)![1]!;
    expect(lists.map((q) => new URLSearchParams(q.query).get('labelSelector'))).toEqual([
      expect.stringMatching(
        new RegExp(`,deploy\\.sindri\\.dev/role=env,deploy\\.sindri\\.dev/version notin \\([0-9a-f]{10},${version(previous)}\\)$`),
      ),
    ]);
    const kubectlRuns = r.stdout.split('\n').filter((l) => /^\$ \S*kubectl /.test(l));
    // the plan's kubectl processes: the install step's probe alone (the dry run, ADR 0052, and the list are requests)
    expect(kubectlRuns.map((l) => l.replace(/^\$ \S*kubectl (--namespace \S+ )?/, '').split(' ')[0])).toEqual(['version']);
    expect(r.stdout).toContain(`listing secret objects by label in namespace ${namespace} from `);
    onlyDryRuns(from);
    expect(await versions()).toEqual(before);

    // what the plan said is what the deploy does
    const d = await run({}, 'three');
    expect(d.code, d.stdout).toBe(0);
    const left = await envSecrets();
    expect(left).not.toContain(older);
    expect(left).toContain(previous);
    expect(left).toHaveLength(2);
  });

  it('a context whose API server does not answer (Node 20): the plan succeeds and says why it could not compare', async () => {
    const other = makeWorkdir('k8s-plan-', dirs, yaml('unreachable'));
    const r = await act(other, { mode: 'plan' }, '20');
    expect(r.code, r.stdout).toBe(0);
    const res = resultOf(r);
    expect(res.plan.live.known).toBe(false);
    expect(res.plan.live.reason).toMatch(/unreachable/);
    expect(res.plan.changes.every((c) => c.action === 'unknown')).toBe(true);
    // the reason once, above the list; each object `? unknown` without it
    expect(r.stdout.match(/live state unknown: /g)).toHaveLength(1);
    expect(r.stdout).toMatch(
      new RegExp(`\\nlive state unknown: .*unreachable.*\\n(\\? unknown \\S+ \\S+\\n)*\\? unknown Deployment ${name}\\n`),
    );
    expect(r.outputs.changed).toBe('true');
  });
});
