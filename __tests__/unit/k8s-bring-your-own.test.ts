/**
 * The kubernetes provider's "bring your own" settings (ADR 0039), rendered and checked against the
 * Kubernetes schemas of a real release (npm `kubernetes-models`) and the 1.32 field sets of
 * support/kube-schema.ts: existing pull Secrets by name (none generated), the Deployment's strategy
 * from the home claim's access mode (with the reason in the plan), and extra manifests from a folder
 * (labelled and namespaced like ours, refused with file and line when they may not be applied).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfigText } from '../../src/config/load.js';
import type { SindriConfig } from '../../src/config/types.js';
import type { LiveObject } from '../../src/external/kubectl.js';
import { readExtraManifests } from '../../src/providers/kubernetes/extra.js';
import { renderManifests, type K8sObject } from '../../src/providers/kubernetes/manifests.js';
import { kubernetesSettings } from '../../src/providers/kubernetes/settings.js';
import { claimDecision, kubernetesSteps } from '../../src/providers/kubernetes/steps.js';
import { pinnedDecision } from '../support/docker.js';
import { runParts } from '../support/exec.js';
import { testInputs } from '../support/inputs.js';
import { validateAll } from '../support/kube-models.js';

const DIGEST = `sha256:${'b'.repeat(64)}`;
const IMAGE = `ghcr.io/acme/sindri@${DIGEST}`;

/** a repository folder with sindri.yaml (kubernetes block `k8s`) and the given extra files */
function repo(k8s: string, files: Record<string, string> = {}): { dir: string; config: SindriConfig } {
  const dir = mkdtempSync(join(tmpdir(), 'k8s-byo-'));
  const text = `version: "3.0"\nname: dev\ndeployment:\n  provider: kubernetes\nextensions: {}\nproviders:\n  kubernetes:\n    namespace: previews\n${k8s}`;
  writeFileSync(join(dir, 'sindri.yaml'), text);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return { dir, config: loadConfigText(text, { file: 'sindri.yaml', path: join(dir, 'sindri.yaml'), dir, schema: false }).config };
}

const find = (objects: readonly K8sObject[], kind: string) => objects.find((o) => o.kind === kind)!;
const deploymentSpec = (objects: readonly K8sObject[]) =>
  find(objects, 'Deployment').spec as { strategy: Record<string, unknown>; template: { spec: { imagePullSecrets?: unknown } } };

function steps(r: { dir: string; config: SindriConfig }, facts: Partial<Parameters<typeof kubernetesSteps>[1]> = {}) {
  const ctx = {
    inputs: testInputs({ provider: 'kubernetes' }),
    config: r.config,
    provider: 'kubernetes' as const,
    ...runParts(),
    workdir: r.dir,
    image: pinnedDecision('ghcr.io/acme/sindri', '1.0.0', DIGEST),
  };
  const extra = readExtraManifests(r.config, kubernetesSettings(r.config), r.dir);
  return kubernetesSteps(ctx, { secrets: new Map(), context: 'ci', loadLocal: false, extra, ...facts });
}

describe('providers.kubernetes.imagePullSecrets: existing Secrets by name', () => {
  it('the Deployment lists them and no pull Secret is generated; the probe reads them', () => {
    const r = repo('    imagePullSecrets: [ghcr-pull, quay.pull]\n');
    const s = steps(r);
    validateAll(s.manifests.objects);
    expect(deploymentSpec(s.manifests.objects).template.spec.imagePullSecrets).toEqual([{ name: 'ghcr-pull' }, { name: 'quay.pull' }]);
    expect(s.manifests.objects.filter((o) => o.kind === 'Secret')).toEqual([]);
    expect(s.manifests.names.pullSecret).toBeUndefined();
    expect(s.commands[0]!.argv).toEqual(expect.arrayContaining(['secret/ghcr-pull', 'secret/quay.pull']));
    expect(s.notes.join('\n')).toContain(
      'imagePullSecrets ghcr-pull, quay.pull (providers.kubernetes.imagePullSecrets): existing Secrets, none is generated',
    );
    // the plan's file shows the same list
    expect(s.files[0]!.content).toContain('imagePullSecrets:\n');
    expect(s.files[0]!.content).toContain('- name: ghcr-pull');
  });

  it('a name that is not a Secret name fails at its line', () => {
    const r = repo('    imagePullSecrets:\n      - Bad_Name\n');
    expect(() => kubernetesSettings(r.config)).toThrow(
      expect.objectContaining({
        message: 'invalid Secret name "Bad_Name"',
        where: expect.objectContaining({ line: 10, field: 'providers.kubernetes.imagePullSecrets[0]' }),
      }),
    );
  });
});

describe('the Deployment strategy: RollingUpdate unless a ReadWriteOnce claim forbids it', () => {
  it.each([
    ['', 'Recreate', /the home claim dev-home is ReadWriteOnce, so a new pod cannot mount it/],
    [
      '    strategy: RollingUpdate\n',
      'Recreate',
      /^strategy Recreate: providers\.kubernetes\.strategy RollingUpdate is not possible: the home claim dev-home is ReadWriteOnce/,
    ],
    ['    volumeAccessMode: ReadWriteOncePod\n', 'Recreate', /is ReadWriteOncePod/],
    ['    volumeAccessMode: ReadWriteMany\n', 'RollingUpdate', /the home claim dev-home is ReadWriteMany: RollingUpdate/],
    ['    volumeAccessMode: ReadWriteMany\n    strategy: Recreate\n', 'Recreate', /providers\.kubernetes\.strategy: Recreate/],
  ])('%j → %s, with the reason in the plan', (k8s, type, why) => {
    const s = steps(repo(k8s));
    validateAll(s.manifests.objects);
    const strategy = deploymentSpec(s.manifests.objects).strategy;
    expect(strategy.type).toBe(type);
    if (type === 'RollingUpdate') expect(strategy.rollingUpdate).toEqual({ maxSurge: 1, maxUnavailable: 0 });
    else expect(strategy.rollingUpdate).toBeUndefined();
    const note = s.notes.find((n) => n.startsWith('strategy '))!;
    expect(note).toMatch(why);
    expect(s.files[0]!.content).toContain(`type: ${type}`);
    const modes = (find(s.manifests.objects, 'PersistentVolumeClaim').spec as { accessModes: string[] }).accessModes;
    expect(modes).toEqual([/volumeAccessMode: (\w+)/.exec(k8s)?.[1] ?? 'ReadWriteOnce']);
  });

  it('a live claim keeps its access modes (immutable), and the strategy follows the live claim', () => {
    const live: LiveObject = {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'dev-home' },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10Gi' } } },
    };
    const d = claimDecision(live, { storage: '10Gi', accessModes: ['ReadWriteMany'] });
    expect(d).toMatchObject({ keep: { accessModes: ['ReadWriteOnce'] }, warn: true });
    expect(d.line).toContain("claim dev-home keeps access mode ReadWriteOnce: a claim's access modes cannot change");
    const s = steps(repo('    volumeAccessMode: ReadWriteMany\n'), { claim: d.keep });
    expect(deploymentSpec(s.manifests.objects).strategy.type).toBe('Recreate');
    expect(claimDecision(live, { storage: '10Gi', accessModes: ['ReadWriteOnce'] })).toEqual({});
  });

  it('a strategy that is neither fails at its line', () => {
    expect(() => kubernetesSettings(repo('    strategy: BlueGreen\n').config)).toThrow(
      expect.objectContaining({ message: 'invalid value "BlueGreen"', fix: 'use one of RollingUpdate, Recreate' }),
    );
  });
});

const CONFIGMAP = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: dev-motd\n  labels:\n    team: tools\ndata:\n  motd: hello\n';
const POLICY =
  'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: dev-ssh-only\nspec:\n  podSelector:\n    matchLabels:\n      app.kubernetes.io/instance: dev\n  policyTypes: [Ingress]\n  ingress:\n    - ports:\n        - port: 2222\n';

describe('providers.kubernetes.manifests: extra manifests from a folder', () => {
  it('applied with ours in one List: our labels over theirs, our namespace, our trace annotations, in the hash; the plan names each', () => {
    const r = repo('    manifests: k8s/extra\n', {
      'k8s/extra/a.yaml': CONFIGMAP,
      'k8s/extra/b.yml': `---\n${POLICY}---\n`,
      'k8s/extra/README.md': '# not read',
    });
    const s = steps(r);
    validateAll(s.manifests.objects);
    const items = s.applied;
    const cm = items.find((o) => o.kind === 'ConfigMap')!;
    expect(cm.metadata).toEqual({
      name: 'dev-motd',
      namespace: 'previews',
      labels: {
        team: 'tools',
        'app.kubernetes.io/name': 'sindri',
        'app.kubernetes.io/instance': 'dev',
        'app.kubernetes.io/managed-by': 'sindri-deploy-action',
      },
      // the trace annotations every object of ours carries (ADR 0038): here only the config's name, no GITHUB_* set
      annotations: { 'deploy.sindri.dev/name': 'dev' },
    });
    expect(cm.data).toEqual({ motd: 'hello' });
    expect(items.find((o) => o.kind === 'NetworkPolicy')!.metadata.namespace).toBe('previews');
    const note = s.notes.find((n) => n.startsWith('extra manifests'))!;
    expect(note).toContain('extra manifests from k8s/extra, applied with ours in namespace previews');
    expect(note).toContain('ConfigMap/dev-motd (k8s/extra/a.yaml:1), NetworkPolicy/dev-ssh-only (k8s/extra/b.yml:2)');
    expect(readExtraManifests(r.config, kubernetesSettings(r.config), r.dir)!.resources).toEqual([
      'configmaps',
      'networkpolicies.v1.networking.k8s.io',
    ]);
    expect(s.files[0]!.content).toContain('name: dev-motd');
    // a change in the user's manifests is a change of the deployment: another hash
    const plain = steps(repo(''));
    expect(s.manifests.hash).not.toBe(plain.manifests.hash);
    expect(
      renderManifests({ config: r.config, settings: kubernetesSettings(r.config), name: 'dev', image: IMAGE, secrets: new Map() }).hash,
    ).not.toBe(s.manifests.hash);
  });

  it.each([
    [
      { 'm/x.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: other\n' },
      'm/x.yaml',
      1,
      'apps/v1 Deployment is not allowed among extra manifests',
    ],
    [
      { 'm/x.yaml': `${CONFIGMAP}---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n` },
      'm/x.yaml',
      10,
      'v1 Secret is not allowed among extra manifests',
    ],
    [{ 'm/x.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: other\n' }, 'm/x.yaml', 1, 'v1 Namespace is not allowed'],
    [
      { 'm/x.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  namespace: kube-system\n' },
      'm/x.yaml',
      1,
      'ConfigMap/c names namespace kube-system, but the deployment goes to namespace previews',
    ],
    [
      { 'm/x.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  generateName: c-\n' },
      'm/x.yaml',
      1,
      'ConfigMap has no valid metadata.name',
    ],
    [{ 'm/x.yaml': 'kind: ConfigMap\nmetadata: {name: c}\n' }, 'm/x.yaml', 1, 'a manifest needs apiVersion, kind and metadata'],
    [{ 'm/x.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  name: d\n' }, 'm/x.yaml', 5, 'not valid YAML'],
    [{ 'm/x.json': '[1, 2]' }, 'm/x.json', 1, 'a manifest must be a mapping'],
  ])('%j: refused at %s:%i before anything is applied', (files, file, line, what) => {
    const r = repo('    manifests: m\n', files);
    expect(() => steps(r)).toThrow(
      expect.objectContaining({ message: expect.stringContaining(what), where: expect.objectContaining({ file, line }) }),
    );
  });

  it('an object named like one of ours is refused (it would replace ours)', () => {
    const r = repo('    manifests: m\n', {
      'm/svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: dev\nspec:\n  ports: [{port: 80}]\n',
    });
    expect(() => steps(r)).toThrow(expect.objectContaining({ message: expect.stringContaining('Service/dev is defined twice') }));
  });

  it('the folder: missing, empty, outside the repository (also through a symbolic link) fail at the setting', () => {
    const at = (k8s: string, files: Record<string, string> = {}) => {
      const r = repo(k8s, files);
      return () => readExtraManifests(r.config, kubernetesSettings(r.config), r.dir);
    };
    expect(at('    manifests: nowhere\n')).toThrow(
      expect.objectContaining({ message: 'folder nowhere does not exist', where: expect.objectContaining({ line: 9 }) }),
    );
    expect(at('    manifests: m\n', { 'm/notes.txt': 'x' })).toThrow(
      expect.objectContaining({ message: 'folder m holds no .yaml, .yml or .json file' }),
    );
    expect(at('    manifests: ../..\n')).toThrow(expect.objectContaining({ message: '../.. is outside the repository' }));
    expect(at('    manifests: sindri.yaml\n')).toThrow(expect.objectContaining({ message: 'sindri.yaml is not a folder' }));
  });
});
