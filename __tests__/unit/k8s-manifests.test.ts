/**
 * The kubernetes provider's pure parts: manifests built as objects (quantities, GPU, ingress, pull
 * secrets, envFrom) validated against the Kubernetes OpenAPI schemas of a real release through
 * npm `kubernetes-models` (which says node>=22 in its engines, and works under vitest on Node 20:
 * this file is the proof) and, for fields the API does not declare, the 1.32 field sets of
 * support/kube-schema.ts (support/kube-models.ts), for every upstream example whose provider is kubernetes and a few others
 * with the provider overridden; and the plan's steps and skip decision.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { describe, expect, it } from 'vitest';
import { listDocument, type LiveObject } from '../../src/external/kubectl.js';
import { loadConfig, loadConfigText } from '../../src/config/load.js';
import type { SindriConfig } from '../../src/config/types.js';
import { ActionError } from '../../src/errors.js';
import { renderManifests, secretVersion, type K8sObject } from '../../src/providers/kubernetes/manifests.js';
import { PLACEHOLDER } from '../../src/providers/kubernetes/secrets.js';
import { kubernetesSettings, quantityAt, toQuantity } from '../../src/providers/kubernetes/settings.js';
import { BUILD_IN_CI_FIX, kubernetesSteps, unchanged } from '../../src/providers/kubernetes/steps.js';
import { buildDecision, pinnedDecision } from '../support/docker.js';
import { traceOf } from '../../src/trace.js';
import { testInputs } from '../support/inputs.js';
import { validateAll } from '../support/kube-models.js';
import { runParts } from '../support/exec.js';

const DIGEST = `sha256:${'a'.repeat(64)}`;
const IMAGE = `ghcr.io/acme/sindri@${DIGEST}`;

function config(yamlBody: string): SindriConfig {
  const dir = mkdtempSync(join(tmpdir(), 'k8s-unit-'));
  const text = `version: "3.0"\nname: dev\ndeployment:\n  provider: kubernetes\n${yamlBody}`;
  writeFileSync(join(dir, 'sindri.yaml'), text);
  return loadConfigText(text, { file: 'sindri.yaml', path: join(dir, 'sindri.yaml'), dir, schema: false }).config;
}

const find = (objects: readonly K8sObject[], kind: string) => objects.find((o) => o.kind === kind)!;
const podSpec = (objects: readonly K8sObject[]) =>
  (find(objects, 'Deployment').spec as { template: { spec: Record<string, unknown> & { containers: Record<string, unknown>[] } } }).template
    .spec;

describe('quantities', () => {
  it.each([
    ['4GB', '4Gi'],
    ['512MB', '512Mi'],
    ['1TB', '1Ti'],
    ['16gb', '16Gi'],
  ])('%s → %s', (from, to) => expect(toQuantity(from)).toBe(to));

  it('rejects what is not a size, naming the field', () => {
    expect(toQuantity('4 gigs')).toBeUndefined();
    const c = config('extensions: {}\n');
    expect(() => quantityAt(c, ['deployment', 'resources', 'memory'], '4 gigs')).toThrow(ActionError);
    expect(() => quantityAt(c, ['deployment', 'resources', 'memory'], '4 gigs')).toThrow(
      expect.objectContaining({
        where: expect.objectContaining({ field: 'deployment.resources.memory' }),
        fix: 'write it like 4GB or 512MB',
      }),
    );
  });

  it('a bad size in sindri.yaml fails with its file and line', () => {
    const c = config('  resources:\n    memory: 4 GB\nextensions: {}\n');
    expect(() => renderManifests({ config: c, settings: kubernetesSettings(c), name: 'dev', image: IMAGE, secrets: new Map() })).toThrow(
      expect.objectContaining({ where: { file: 'sindri.yaml', line: 6, column: 13, field: 'deployment.resources.memory' } }),
    );
  });

  it('the API schema itself rejects upstream `4GB` and accepts our `4Gi`', () => {
    const c = config('  resources:\n    memory: 4GB\nextensions: {}\n');
    const m = renderManifests({ config: c, settings: kubernetesSettings(c), name: 'dev', image: IMAGE, secrets: new Map() });
    const dep = structuredClone(find(m.objects, 'Deployment'));
    validateAll([dep]);
    (podSpec([dep]).containers[0]!.resources as { limits: Record<string, string> }).limits.memory = '4GB';
    expect(() => new Deployment(dep as never).validate()).toThrow(/quantity/);
  });
});

describe('manifests', () => {
  it('defaults: Deployment with 4Gi/2 cpu, ssh 2222, home PVC 10Gi, Service on 2222, our labels; no Namespace in default', () => {
    const c = config('extensions: {}\n');
    const m = renderManifests({ config: c, settings: kubernetesSettings(c), name: 'dev', image: IMAGE, secrets: new Map() });
    validateAll(m.objects);
    expect(m.objects.map((o) => o.kind)).toEqual(['PersistentVolumeClaim', 'Deployment', 'Service']);
    const spec = podSpec(m.objects);
    expect(spec.containers[0]).toMatchObject({
      image: IMAGE,
      ports: [{ name: 'ssh', containerPort: 2222, protocol: 'TCP' }],
      resources: { limits: { memory: '4Gi', cpu: '2' }, requests: { memory: '4Gi', cpu: '2' } },
      volumeMounts: [{ name: 'home', mountPath: '/alt/home/developer' }],
    });
    expect(spec.containers[0]!.envFrom).toBeUndefined();
    expect(spec.imagePullSecrets).toBeUndefined();
    expect((find(m.objects, 'PersistentVolumeClaim').spec as { resources: unknown }).resources).toEqual({ requests: { storage: '10Gi' } });
    expect((find(m.objects, 'Service').spec as { ports: unknown }).ports).toEqual([
      { name: 'ssh', port: 2222, targetPort: 'ssh', protocol: 'TCP' },
    ]);
    for (const o of m.objects)
      expect(o.metadata.labels).toEqual({
        'app.kubernetes.io/name': 'sindri',
        'app.kubernetes.io/instance': 'dev',
        'app.kubernetes.io/managed-by': 'sindri-deploy-action',
      });
    expect(m.url).toBe('');
  });

  it('GPU: nvidia.com/gpu and amd.com/gpu limits with the count', () => {
    for (const [type, key] of [
      ['nvidia', 'nvidia.com/gpu'],
      ['amd', 'amd.com/gpu'],
    ] as const) {
      const c = config(`  resources:\n    gpu:\n      enabled: true\n      type: ${type}\n      count: 2\nextensions: {}\n`);
      const m = renderManifests({ config: c, settings: kubernetesSettings(c), name: 'dev', image: IMAGE, secrets: new Map() });
      validateAll(m.objects);
      const res = podSpec(m.objects).containers[0]!.resources as { limits: Record<string, string>; requests: Record<string, string> };
      expect(res.limits[key]).toBe('2');
      expect(res.requests[key]).toBe('2');
    }
  });

  it('ingress: host rule to the Service http port, url from the host; https with a TLS secret', () => {
    const c = config(
      'extensions: {}\nproviders:\n  kubernetes:\n    namespace: team-a\n    storageClass: gp3\n    ingress:\n      enabled: true\n      hostname: Dev.Example.com\n      port: 3000\n      className: nginx\n',
    );
    const m = renderManifests({ config: c, settings: kubernetesSettings(c), name: 'dev', image: IMAGE, secrets: new Map() });
    validateAll(m.objects);
    expect(m.objects[0]).toMatchObject({ kind: 'Namespace', metadata: { name: 'team-a' } });
    expect(m.url).toBe('http://dev.example.com');
    const ing = find(m.objects, 'Ingress');
    expect(ing.spec).toMatchObject({
      ingressClassName: 'nginx',
      rules: [{ host: 'dev.example.com', http: { paths: [{ backend: { service: { name: 'dev', port: { name: 'http' } } } }] } }],
    });
    expect((find(m.objects, 'PersistentVolumeClaim').spec as { storageClassName: string }).storageClassName).toBe('gp3');
    expect(podSpec(m.objects).containers[0]!.ports).toContainEqual({ name: 'http', containerPort: 3000, protocol: 'TCP' });

    const tls = config(
      'extensions: {}\nproviders:\n  kubernetes:\n    ingress:\n      enabled: true\n      hostname: dev.example.com\n      tlsSecret: dev-tls\n',
    );
    const t = renderManifests({ config: tls, settings: kubernetesSettings(tls), name: 'dev', image: IMAGE, secrets: new Map() });
    validateAll(t.objects);
    expect(t.url).toBe('https://dev.example.com');
  });

  it('ingress enabled without a hostname fails with the line of the setting', () => {
    const c = config('extensions: {}\nproviders:\n  kubernetes:\n    ingress:\n      enabled: true\n');
    expect(() => kubernetesSettings(c)).toThrow(/without a hostname/);
    try {
      kubernetesSettings(c);
    } catch (e) {
      expect((e as ActionError).where).toMatchObject({ file: 'sindri.yaml', line: 8, field: 'providers.kubernetes.ingress' });
    }
  });

  it('env secrets: a Secret with base64 data that the container references with envFrom', () => {
    const c = config('extensions: {}\nsecrets:\n  - name: API_TOKEN\n    source: env\n');
    const m = renderManifests({
      config: c,
      settings: kubernetesSettings(c),
      name: 'dev',
      image: IMAGE,
      secrets: new Map([['API_TOKEN', 'tök=n\nline2']]),
      secretSalt: 'salt-1',
    });
    validateAll(m.objects);
    const name = `dev-env-${secretVersion('salt-1', new Map([['API_TOKEN', 'tök=n\nline2']]))}`;
    const secret = m.objects.find((o) => o.kind === 'Secret' && o.metadata.name === name)!;
    expect(secret).toMatchObject({ type: 'Opaque', metadata: { labels: { 'deploy.sindri.dev/role': 'env' } } });
    expect(Buffer.from((secret.data as Record<string, string>).API_TOKEN!, 'base64').toString()).toBe('tök=n\nline2');
    expect(podSpec(m.objects).containers[0]!.envFrom).toEqual([{ secretRef: { name } }]);
    expect(find(m.objects, 'Secret')).toMatchObject({
      metadata: { name: 'dev-env-key' },
      data: { salt: Buffer.from('salt-1').toString('base64') },
    });
    // a new value is a new Secret named by the template: the hash moves, and rollout undo restores both
    const other = (values: [string, string][], salt = 'salt-1') =>
      renderManifests({
        config: c,
        settings: kubernetesSettings(c),
        name: 'dev',
        image: IMAGE,
        secrets: new Map(values),
        secretSalt: salt,
      });
    expect(other([['API_TOKEN', 'other']]).hash).not.toBe(m.hash);
    expect(other([['API_TOKEN', 'tök=n\nline2']]).hash).toBe(m.hash);
    // the version is keyed by the deployment's salt: the same values under another salt name another Secret
    expect(other([['API_TOKEN', 'tök=n\nline2']], 'salt-2').names.secret).not.toBe(name);
  });

  it('registry credentials: a kubernetes.io/dockerconfigjson Secret listed in imagePullSecrets', () => {
    const c = config('extensions: {}\n');
    const m = renderManifests({
      config: c,
      settings: kubernetesSettings(c),
      name: 'dev',
      image: IMAGE,
      secrets: new Map(),
      pull: { registry: 'ghcr.io', username: 'bot', password: 'p@ss' },
    });
    validateAll(m.objects);
    const pull = find(m.objects, 'Secret');
    expect(pull).toMatchObject({ type: 'kubernetes.io/dockerconfigjson', metadata: { name: 'dev-registry' } });
    const doc = JSON.parse(Buffer.from((pull.data as Record<string, string>)['.dockerconfigjson']!, 'base64').toString());
    expect(doc).toEqual({ auths: { 'ghcr.io': { username: 'bot', password: 'p@ss', auth: Buffer.from('bot:p@ss').toString('base64') } } });
    expect(podSpec(m.objects).imagePullSecrets).toEqual([{ name: 'dev-registry' }]);
  });
});

describe('upstream examples render valid objects', () => {
  const dir = resolve(__dirname, '../fixtures/sindri-examples');
  const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f));
  const kubernetesFiles = files.filter((f) => /provider:\s*kubernetes/.test(readFileSync(join(dir, f), 'utf8')));
  const overridden = [
    'examples-integration__docker__anthropic-dev.sindri.yaml',
    'examples-integration__docker__gpu-dind.sindri.yaml',
    'examples-integration__fly__minimal.sindri.yaml',
    'examples__devpod-aws.yaml',
  ];

  it('there is at least one upstream kubernetes example', () => expect(kubernetesFiles.length).toBeGreaterThan(0));

  it.each([...kubernetesFiles.map((f) => [f, 'as written'] as const), ...overridden.map((f) => [f, 'provider overridden'] as const)])(
    '%s (%s): every object passes the Kubernetes schema',
    async (file) => {
      const { config: c } = await loadConfig({ workdir: dir, config: file, providerOverride: 'kubernetes' });
      const secrets = new Map(c.secrets.filter((s) => s.source === 'env').map((s) => [s.name, `value-of-${s.name}`]));
      const m = renderManifests({
        config: c,
        settings: kubernetesSettings(c),
        name: c.name,
        image: IMAGE,
        secrets,
        pull: { registry: 'ghcr.io', username: 'u', password: 'p' },
      });
      validateAll(m.objects);
      expect(podSpec(m.objects).containers[0]!.image).toBe(IMAGE);
    },
  );
});

describe('kubernetesSteps', () => {
  const c = config('extensions: {}\nsecrets:\n  - name: API_TOKEN\n    source: env\nproviders:\n  kubernetes:\n    namespace: previews\n');
  const ctx = (over: Partial<Parameters<typeof testInputs>[0]> = {}) => ({
    inputs: testInputs({ provider: 'kubernetes', ...over }),
    config: c,
    provider: 'kubernetes' as const,
    ...runParts(),
    workdir: c.dir,
    image: pinnedDecision('ghcr.io/acme/sindri', '1.0.0', DIGEST),
  });

  it('a build decision fails before any command, with the CI snippet', () => {
    expect(() =>
      kubernetesSteps(
        { ...ctx(), image: buildDecision('dev', 'Dockerfile', 'abc1234') },
        { secrets: new Map(), context: '', loadLocal: false },
      ),
    ).toThrow(expect.objectContaining({ fix: BUILD_IN_CI_FIX }));
    expect(BUILD_IN_CI_FIX).toMatch(/image-digest: \$\{\{ steps\.build\.outputs\.digest \}\}/);
  });

  it('name-suffix names every object; secrets travel on stdin only; the namespace is applied only when missing', () => {
    const s = kubernetesSteps(ctx({ 'name-suffix': 'pr-42' }), {
      secrets: new Map([['API_TOKEN', 'sekret-value']]),
      context: 'ci',
      loadLocal: false,
    });
    expect(s.manifests.names).toMatchObject({
      deployment: 'dev-pr-42',
      service: 'dev-pr-42',
      pvc: 'dev-pr-42-home',
      secretKey: 'dev-pr-42-env-key',
    });
    expect(s.manifests.names.secret).toMatch(/^dev-pr-42-env-[0-9a-f]{10}$/);
    expect(s.commands.map((x) => x.argv.join(' ')).join('\n')).not.toContain('sekret');
    expect(s.commands.find((x) => x.argv.includes('apply'))!.argv).toEqual([
      'kubectl',
      '--namespace',
      'previews',
      'apply',
      '--server-side',
      '--field-manager',
      'sindri-deploy-action',
      '--force-conflicts',
      '--filename',
      '-',
    ]);
    expect(s.applied.map((o: K8sObject) => o.kind)).toEqual([
      'Namespace',
      'Secret',
      'Secret',
      'PersistentVolumeClaim',
      'Deployment',
      'Service',
    ]);
    expect(listDocument(s.applied)).toContain(Buffer.from('sekret-value').toString('base64'));
    expect(s.files[0]!.content).not.toContain(Buffer.from('sekret-value').toString('base64'));
    expect(s.files[0]!.content).toContain(`API_TOKEN: "${PLACEHOLDER}"`);
    const existing = kubernetesSteps(ctx(), { secrets: new Map(), context: 'ci', loadLocal: false, namespaceExists: true });
    expect(existing.applied.map((o: K8sObject) => o.kind)).not.toContain('Namespace');
  });

  it('the readinessProbe from health-command and from health-url (with an ingress) passes the 1.32 schema, field by field', () => {
    const withIngress = config(
      'extensions: {}\nproviders:\n  kubernetes:\n    ingress:\n      enabled: true\n      hostname: dev.example.com\n',
    );
    const cases = [
      { config: c, inputs: { 'health-command': 'test -f /tmp/ready' }, handler: 'exec' },
      { config: withIngress, inputs: { 'health-url': 'https://dev.example.com/healthz?deep=1' }, handler: 'httpGet' },
    ];
    for (const { config: cfg, inputs, handler } of cases) {
      const s = kubernetesSteps({ ...ctx(inputs), config: cfg, workdir: cfg.dir }, { secrets: new Map(), context: 'ci', loadLocal: false });
      const deployment = find(s.manifests.objects, 'Deployment');
      const probe = podSpec([deployment]).containers[0]!.readinessProbe as Record<string, unknown>;
      expect(Object.keys(probe), handler).toContain(handler);
      validateAll(s.manifests.objects);
    }
  });

  it('kind- and k3d- contexts load a local-only image before apply', () => {
    const kind = kubernetesSteps(ctx(), { secrets: new Map(), context: 'kind-dev', loadLocal: true });
    expect(kind.commands.find((x) => x.argv[0] === 'kind')!.argv).toEqual([
      'kind',
      'load',
      'docker-image',
      `ghcr.io/acme/sindri@${DIGEST}`,
      '--name',
      'dev',
    ]);
    const k3d = kubernetesSteps(ctx(), { secrets: new Map(), context: 'k3d-lab', loadLocal: true });
    expect(k3d.commands.find((x) => x.argv[0] === 'k3d')!.argv).toEqual([
      'k3d',
      'image',
      'import',
      `ghcr.io/acme/sindri@${DIGEST}`,
      '--cluster',
      'lab',
    ]);
    const remote = kubernetesSteps(ctx(), { secrets: new Map(), context: 'gke_prod', loadLocal: true });
    expect(remote.commands.some((x) => ['kind', 'k3d'].includes(x.argv[0]!))).toBe(false);
  });

  it('unchanged: same digest, hash, secret data and a finished rollout; anything else redeploys', () => {
    const facts = { secrets: new Map([['API_TOKEN', 'v1']]), context: 'ci', loadLocal: false };
    const s = kubernetesSteps(ctx(), facts);
    const items = s.applied as LiveObject[];
    const dep = structuredClone(items.find((o) => o.kind === 'Deployment')!);
    dep.metadata.generation = 2;
    dep.status = { observedGeneration: 2, replicas: 1, updatedReplicas: 1, availableReplicas: 1 };
    const secret = items.find((o) => o.kind === 'Secret')!;
    expect(unchanged(s, [dep, secret], IMAGE)).toBe(true);
    expect(unchanged(s, [dep, secret], `ghcr.io/acme/sindri@sha256:${'b'.repeat(64)}`)).toBe(false);
    expect(unchanged(s, [{ ...dep, status: { ...dep.status, availableReplicas: 0 } }, secret], IMAGE)).toBe(false);
    expect(
      unchanged(s, [{ ...dep, metadata: { ...dep.metadata, annotations: { 'deploy.sindri.dev/manifest-hash': 'old' } } }, secret], IMAGE),
    ).toBe(false);
    expect(unchanged(s, [dep, { ...secret, data: { API_TOKEN: Buffer.from('v2').toString('base64') } }], IMAGE)).toBe(false);
    expect(unchanged(s, [dep], IMAGE)).toBe(false);
  });

  it('the rollout is watched for timeout less the rollback reserve: the rest is kept for describe, events and the undo', () => {
    const argv = (timeout: number) =>
      kubernetesSteps(ctx({ timeout }), { secrets: new Map(), context: 'ci', loadLocal: false }).commands.find((x) =>
        x.argv.includes('status'),
      )!.argv;
    expect(argv(600_000)).toContain('--timeout=480s'); // 10 min: 2 min kept
    expect(argv(20_000)).toContain('--timeout=15s'); // 20 s: 5 s kept
    expect(argv(3_600_000)).toContain('--timeout=3480s'); // at most 2 min kept
  });

  it('progressDeadlineSeconds is the rollout watch, not the controller default 600 s; the timeout alone changes no hash', () => {
    const steps = (timeout: number) => kubernetesSteps(ctx({ timeout }), { secrets: new Map(), context: 'ci', loadLocal: false });
    const deadline = (timeout: number) =>
      (steps(timeout).manifests.objects.find((o) => o.kind === 'Deployment')!.spec as { progressDeadlineSeconds?: number })
        .progressDeadlineSeconds;
    expect(deadline(30 * 60_000)).toBe(1680); // a slow first pull under timeout: 30m is not cut at 10 minutes
    expect(deadline(600_000)).toBe(480);
    expect(deadline(20_000)).toBe(15);
    expect(steps(20_000).manifests.hash).toBe(steps(30 * 60_000).manifests.hash);
  });

  it('listDocument is a v1 List of the objects', () => {
    expect(JSON.parse(listDocument([]))).toEqual({ apiVersion: 'v1', kind: 'List', items: [] });
  });
});

describe('trace annotations (docs/behaviour.md#traceability)', () => {
  const RUN = { GITHUB_REPOSITORY: 'octo/app', GITHUB_RUN_ID: '9', GITHUB_SHA: 'c'.repeat(40), GITHUB_ACTOR: 'octocat' };
  const render = (env: Record<string, string>, nameSuffix: string) => {
    const c = config(
      'extensions: {}\nsecrets:\n  - name: API_TOKEN\n    source: env\nproviders:\n  kubernetes:\n    namespace: previews\n',
    );
    return renderManifests({
      config: c,
      settings: kubernetesSettings(c),
      name: nameSuffix ? `dev-${nameSuffix}` : 'dev',
      image: IMAGE,
      secrets: new Map([['API_TOKEN', 'x']]),
      nameSuffix,
      trace: traceOf(env),
    });
  };

  it('every object but the shared Namespace carries the trace and the preview marks; the suffix is a label; the pod template and the hash do not change with the run', () => {
    const m = render(RUN, 'pr-3');
    validateAll(m.objects);
    for (const o of m.objects.filter((x) => x.kind !== 'Namespace')) {
      expect(o.metadata.annotations, o.kind).toMatchObject({
        'deploy.sindri.dev/run-url': 'https://github.com/octo/app/actions/runs/9',
        'deploy.sindri.dev/commit': 'c'.repeat(40),
        'deploy.sindri.dev/actor': 'octocat',
        'deploy.sindri.dev/repository': 'octo/app',
        'deploy.sindri.dev/name-suffix': 'pr-3',
      });
      expect(o.metadata.labels?.['deploy.sindri.dev/name-suffix'], o.kind).toBe('pr-3');
    }
    const ns = find(m.objects, 'Namespace');
    expect(ns.metadata.annotations).toBeUndefined();
    expect(ns.metadata.labels?.['deploy.sindri.dev/name-suffix']).toBeUndefined();
    const template = (find(m.objects, 'Deployment').spec as { template: { metadata: Record<string, unknown> } }).template.metadata;
    expect(JSON.stringify(template)).not.toContain('deploy.sindri.dev/');
    const next = render({ ...RUN, GITHUB_RUN_ID: '10', GITHUB_ACTOR: 'hubot' }, 'pr-3');
    expect(next.hash).toBe(m.hash);
    expect(find(next.objects, 'Deployment').metadata.annotations?.['deploy.sindri.dev/actor']).toBe('hubot');
    // the live one has no suffix mark
    expect(find(render(RUN, '').objects, 'Deployment').metadata.labels?.['deploy.sindri.dev/name-suffix']).toBeUndefined();
  });
});
