/**
 * The Kubernetes objects of the kubernetes provider, built as plain objects from sindri.yaml (never
 * string templates) and serialized with `yaml`/JSON. Pure: secret values come in as a map and are
 * only ever placed in the Secret objects' `data`; plan passes placeholders.
 *
 * Differences from upstream's k8s-deployment.yaml.tera (docs/upstream.md#kubernetes-provider, docs/upstream.md#kubernetes-template), on purpose:
 * - `resources` are Kubernetes quantities (`4GB` → `4Gi`, `512MB` → `512Mi`: binary units, as the
 *   docker provider reads them), GPUs as `nvidia.com/gpu` / `amd.com/gpu` limits;
 * - the Service and the container port are sshd's 2222 (upstream pointed at 22);
 * - env secrets go into a Secret the container references with `envFrom`, registry credentials into
 *   a `kubernetes.io/dockerconfigjson` Secret listed in `imagePullSecrets` (upstream made both and
 *   referenced neither);
 * - namespace, storageClass and ingress are honoured; every object carries our labels, so destroy
 *   deletes by label and never touches anything else.
 */
import { createHmac } from 'node:crypto';
import { stringify } from 'yaml';
import type { SindriConfig } from '../../config/types.js';
import { ActionError } from '../../errors.js';
import { DNS_LABEL, resourceName } from '../../naming.js';
import { changeHash, HOME_MOUNT } from '../docker/compose.js';
import { sindriEnvironment } from '../kit/environment.js';
import { DELIVERED_SOURCES } from '../kit/secrets.js';
import { envSecret, pullSecret, type PullCredential } from './secrets.js';
import { previewMarks, traceMetadata, type PreviewField, type Trace, type TraceField } from '../../trace.js';
import { quantityAt, SSH_PORT, type KubernetesSettings } from './settings.js';

/** The Deployment's strategy and why (shown in the plan). */
export interface RolloutStrategy {
  type: 'RollingUpdate' | 'Recreate';
  why: string;
}

/** access modes that bind a claim to one node or one pod: a second pod cannot mount it beside the first */
const SINGLE_WRITER = ['ReadWriteOnce', 'ReadWriteOncePod'];

/**
 * `RollingUpdate` (one new pod beside the old, then the old goes) unless the home claim is
 * ReadWriteOnce(Pod): the new pod could not mount it while the old one holds it, so `Recreate`
 * (the old pod goes first), with the reason. `providers.kubernetes.strategy` asks; the claim decides.
 */
export function rolloutStrategy(
  settings: Pick<KubernetesSettings, 'strategy'>,
  claimName: string,
  accessModes: readonly string[],
): RolloutStrategy {
  const single = accessModes.find((m) => SINGLE_WRITER.includes(m));
  if (settings.strategy === 'Recreate')
    return { type: 'Recreate', why: 'providers.kubernetes.strategy: Recreate (the old pod stops before the new one starts)' };
  if (single)
    return {
      type: 'Recreate',
      why: `${settings.strategy ? 'providers.kubernetes.strategy RollingUpdate is not possible: ' : ''}the home claim ${claimName} is ${single}, so a new pod cannot mount it while the old one holds it: Recreate (the old pod stops first; a short outage). A ReadWriteMany claim (providers.kubernetes.volumeAccessMode, on a storage class that offers it) allows RollingUpdate`,
    };
  return {
    type: 'RollingUpdate',
    why: `the home claim ${claimName} is ${accessModes.join(', ')}: RollingUpdate (the new pod starts and must be ready before the old one stops)`,
  };
}

export const FIELD_MANAGER = 'sindri-deploy-action';
export const MANAGED_BY_LABEL = 'app.kubernetes.io/managed-by';
export const INSTANCE_LABEL = 'app.kubernetes.io/instance';
export const APP_LABEL = 'app.kubernetes.io/name';
export const APP = 'sindri';
/** hash of the manifests (digest included, secret values excluded): the skip-if-unchanged check */
export const HASH_ANNOTATION = 'deploy.sindri.dev/manifest-hash';
export const CONTAINER = 'sindri';
/** on the env Secrets: which of our Secrets holds the env values, and its version (a keyed hash of them) */
export const ROLE_LABEL = 'deploy.sindri.dev/role';
export const VERSION_LABEL = 'deploy.sindri.dev/version';
/**
 * On every object of a preview: its name-suffix, as a label so `mode: sweep` can select it (the trace
 * and the other preview marks are annotations: a URL or `owner/repo` is no label value).
 */
export const SUFFIX_LABEL = 'deploy.sindri.dev/name-suffix';
/** Trace and preview annotations: `deploy.sindri.dev/run-url`, `…/name` (docs/behaviour.md#traceability). */
export const traceAnnotation = (field: TraceField | PreviewField): string => `deploy.sindri.dev/${field}`;
/** the key of the Secret holding the salt that keys the env Secrets' version hashes */
export const SALT_KEY = 'salt';

export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  [key: string]: unknown;
}

export interface ManifestInput {
  config: SindriConfig;
  settings: KubernetesSettings;
  /** `resourceName(config.name, inputs['name-suffix'])` */
  name: string;
  /** the pinned `repo@sha256:…` */
  image: string;
  /** env secrets by name; plan passes PLACEHOLDER values */
  secrets: ReadonlyMap<string, string>;
  pull?: PullCredential;
  /**
   * The salt of the env Secret's version: random per deployment, kept in its own Secret (`names.secretKey`),
   * so the version in the Secret's name (printed in logs) cannot be used to guess the values.
   */
  secretSalt?: string;
  /**
   * The Deployment's `progressDeadlineSeconds`: the rollout's share of the input timeout, so the
   * controller never gives up on a slow first pull before the action does (its default is 600 s).
   * Left out of the hash: a new timeout alone is no reason to redeploy.
   */
  progressDeadlineSeconds?: number;
  /** the live claim's size, class and access modes when they must be kept (a claim never shrinks, a class never changes) */
  claim?: { storage?: string; storageClass?: string; accessModes?: string[] };
  /** the user's extra manifests (providers.kubernetes.manifests), already validated: labelled and namespaced here */
  extra?: readonly K8sObject[];
  /** the container's readinessProbe (from health-url / health-command), when there is one */
  readinessProbe?: Record<string, unknown>;
  /** input name-suffix: the SUFFIX_LABEL of every object */
  nameSuffix?: string;
  /** the run that deploys: annotations of every object but the Namespace, left out of the hash (a new run is not a change) */
  trace?: Trace;
}

export interface ObjectNames {
  deployment: string;
  service: string;
  pvc: string;
  /** the env values, versioned: `<name>-env-<version>`, set by renderManifests */
  secret?: string;
  /** the salt of the env Secret's version */
  secretKey?: string;
  pullSecret?: string;
  ingress?: string;
}

export interface RenderedManifests {
  /** in apply order: Namespace first */
  objects: K8sObject[];
  namespace: string;
  names: ObjectNames;
  labels: Record<string, string>;
  /** `app.kubernetes.io/managed-by=…,app.kubernetes.io/instance=…` */
  selector: string;
  hash: string;
  url: string;
  /** the Deployment's strategy and why */
  strategy: RolloutStrategy;
  notes: string[];
}

export function objectNames(name: string, hasSecrets: boolean, hasPull: boolean, hasIngress: boolean): ObjectNames {
  const names: ObjectNames = { deployment: name, service: name, pvc: resourceName(name, '', DNS_LABEL, 'home') };
  if (hasSecrets) names.secretKey = resourceName(name, '', DNS_LABEL, 'env-key');
  if (hasPull) names.pullSecret = resourceName(name, '', DNS_LABEL, 'registry');
  if (hasIngress) names.ingress = name;
  return names;
}

export function renderManifests(input: ManifestInput): RenderedManifests {
  const { config, settings, name } = input;
  const namespace = settings.namespace;
  const notes: string[] = [];
  const hasSecrets = input.secrets.size > 0;
  const names = objectNames(name, hasSecrets, input.pull !== undefined, settings.ingress !== undefined);
  const labels = { [APP_LABEL]: APP, [INSTANCE_LABEL]: name, [MANAGED_BY_LABEL]: FIELD_MANAGER };
  const selectorLabels = { [APP_LABEL]: APP, [INSTANCE_LABEL]: name };
  const suffix = input.nameSuffix ?? '';
  const meta = (objName: string, namespaced = true) => ({
    name: objName,
    ...(namespaced ? { namespace } : {}),
    labels: { ...labels, ...(namespaced && suffix ? { [SUFFIX_LABEL]: suffix } : {}) },
  });

  const objects: K8sObject[] = [];
  if (namespace !== 'default') objects.push({ apiVersion: 'v1', kind: 'Namespace', metadata: meta(namespace, false) });

  if (names.secretKey) {
    // versioned by a keyed hash of the values: a change makes a new Secret and a new pod template, so
    // `rollout undo` restores the template and the Secret it names together (the older one is kept)
    const salt = input.secretSalt ?? '';
    const version = secretVersion(salt, input.secrets);
    names.secret = resourceName(name, '', DNS_LABEL, `env-${version}`);
    objects.push({ ...envSecret(meta(names.secretKey), new Map([[SALT_KEY, salt]])) });
    const secret = envSecret(meta(names.secret), input.secrets);
    secret.metadata.labels = { ...secret.metadata.labels, [ROLE_LABEL]: 'env', [VERSION_LABEL]: version };
    objects.push(secret);
  }
  if (names.pullSecret && input.pull) objects.push(pullSecret(meta(names.pullSecret), input.pull));

  const storageClass = input.claim?.storageClass ?? settings.storageClass;
  const accessModes = input.claim?.accessModes ?? [settings.volumeAccessMode];
  const strategy = rolloutStrategy(settings, names.pvc, accessModes);
  objects.push({
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: meta(names.pvc),
    spec: {
      accessModes: [...accessModes],
      ...(storageClass ? { storageClassName: storageClass } : {}),
      resources: { requests: { storage: input.claim?.storage ?? claimSize(config) } },
    },
  });

  const res = config.deployment.resources;
  const memory = quantityAt(config, ['deployment', 'resources', 'memory'], res.memory ?? '4GB');
  const cpu = String(res.cpus ?? 2);
  const limits: Record<string, string> = { memory, cpu };
  if (res.gpu?.enabled) limits[res.gpu.type === 'amd' ? 'amd.com/gpu' : 'nvidia.com/gpu'] = String(res.gpu.count ?? 1);
  // requests equal limits, as upstream writes them (a Guaranteed pod); extended resources must match anyway
  const requests = { ...limits };

  const env = Object.entries(sindriEnvironment(config)).map(([name, value]) => ({ name, value }));

  const ports: Record<string, unknown>[] = [{ name: 'ssh', containerPort: SSH_PORT, protocol: 'TCP' }];
  if (settings.ingress) ports.push({ name: 'http', containerPort: settings.ingress.port, protocol: 'TCP' });

  const container: Record<string, unknown> = {
    name: CONTAINER,
    image: input.image,
    ports,
    env,
    ...(names.secret ? { envFrom: [{ secretRef: { name: names.secret } }] } : {}),
    resources: { limits, requests },
    ...(input.readinessProbe ? { readinessProbe: input.readinessProbe } : {}),
    volumeMounts: [{ name: 'home', mountPath: HOME_MOUNT }],
    stdin: true,
    tty: true,
  };
  const podSpec: Record<string, unknown> = {
    containers: [container],
    volumes: [{ name: 'home', persistentVolumeClaim: { claimName: names.pvc } }],
    ...(names.pullSecret || settings.imagePullSecrets.length > 0
      ? { imagePullSecrets: [...(names.pullSecret ? [names.pullSecret] : []), ...settings.imagePullSecrets].map((n) => ({ name: n })) }
      : {}),
    ...(settings.nodeSelector ? { nodeSelector: settings.nodeSelector } : {}),
  };
  const deployment: K8sObject = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: meta(names.deployment),
    spec: {
      replicas: 1,
      // Recreate when the home claim is ReadWriteOnce: the old pod must let go of it before the new one starts
      strategy:
        strategy.type === 'RollingUpdate'
          ? { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } }
          : { type: 'Recreate' },
      revisionHistoryLimit: 5,
      selector: { matchLabels: selectorLabels },
      template: { metadata: { labels: { ...labels } }, spec: podSpec },
    },
  };
  objects.push(deployment);

  const servicePorts: Record<string, unknown>[] = [{ name: 'ssh', port: SSH_PORT, targetPort: 'ssh', protocol: 'TCP' }];
  if (settings.ingress) servicePorts.push({ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' });
  objects.push({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: meta(names.service),
    spec: { type: 'ClusterIP', selector: selectorLabels, ports: servicePorts },
  });

  let url = '';
  if (settings.ingress && names.ingress) {
    const ing = settings.ingress;
    objects.push({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: meta(names.ingress),
      spec: {
        ...(ing.className ? { ingressClassName: ing.className } : {}),
        ...(ing.tlsSecret ? { tls: [{ hosts: [ing.hostname], secretName: ing.tlsSecret }] } : {}),
        rules: [
          {
            host: ing.hostname,
            http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: names.service, port: { name: 'http' } } } }] },
          },
        ],
      },
    });
    url = `${ing.tlsSecret ? 'https' : 'http'}://${ing.hostname}`;
  }

  // the user's own objects: our labels over theirs (destroy finds them by these), our namespace
  for (const o of input.extra ?? [])
    objects.push({ ...o, metadata: { ...o.metadata, namespace, labels: { ...(o.metadata.labels ?? {}), ...labels } } });
  const seen = new Set<string>();
  for (const o of objects) {
    const key = `${o.kind}/${o.metadata.name}`;
    if (seen.has(key))
      throw new ActionError(`${key} is defined twice: the extra manifests name an object the action creates, or one of them twice`, {
        where: { file: config.file, field: 'providers.kubernetes.manifests' },
        fix: `rename it in the extra manifests (the action's own objects are named ${name} and ${name}-…)`,
      });
    seen.add(key);
  }

  const unsupported = config.secrets.filter((x) => !DELIVERED_SOURCES.includes(x.source)).map((x) => x.name);
  if (unsupported.length > 0)
    notes.push(`secrets ${unsupported.join(', ')}: only source: env and file secrets are handed to the pod (envFrom)`);

  // the hash covers every object with secret values left out, and the image digest with it
  const hashable = objects.map((o) =>
    o.kind === 'Secret' ? { ...o, data: Object.fromEntries(Object.keys((o.data ?? {}) as object).map((k) => [k, ''])) } : o,
  );
  const hash = changeHash(JSON.stringify(hashable));
  deployment.metadata.annotations = { [HASH_ANNOTATION]: hash };
  // the shared Namespace is not one deployment's: it carries no trace
  const traced = traceMetadata(input.trace, previewMarks(config.name, suffix), traceAnnotation);
  for (const o of objects)
    if (o.kind !== 'Namespace' && Object.keys(traced).length) o.metadata.annotations = { ...traced, ...o.metadata.annotations };
  if (input.progressDeadlineSeconds !== undefined)
    (deployment.spec as Record<string, unknown>).progressDeadlineSeconds = input.progressDeadlineSeconds;

  const selector = `${MANAGED_BY_LABEL}=${FIELD_MANAGER},${INSTANCE_LABEL}=${name}`;
  return { objects, namespace, names, labels, selector, hash, url, strategy, notes };
}

/** the home claim's size as sindri.yaml asks for it (default 10GB), as a quantity */
export function claimSize(config: SindriConfig): string {
  return quantityAt(config, ['deployment', 'volumes', 'workspace', 'size'], config.deployment.volumes.workspace?.size ?? '10GB');
}

/** 10 hex characters of HMAC-SHA256(salt, the values by name) */
export function secretVersion(salt: string, values: ReadonlyMap<string, string>): string {
  const canonical = JSON.stringify([...values].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return createHmac('sha256', salt).update(canonical).digest('hex').slice(0, 10);
}

/** Multi-document YAML for plan output and the job summary (secret values already placeholders). */
export function manifestsYaml(objects: readonly K8sObject[], source: string): string {
  const docs = objects.map((o) => stringify(o, { lineWidth: 0 }).trimEnd());
  return `# generated by sindri/deploy-action from ${source}\n---\n${docs.join('\n---\n')}\n`;
}
