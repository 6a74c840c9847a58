/**
 * The kubernetes provider's pure steps: the objects and the kubectl commands for a context and what
 * is known about the cluster, used by plan and deploy alike (deploy gathers its facts first, then
 * renders once). Deploy is one server-side apply on stdin, then `kubectl rollout status`; a rollout
 * that fails is described and, with `rollback`, undone (docs/behaviour.md#providers; ADR 0007).
 */
import { ActionError } from '../../errors.js';
import { kubectlArgv, type KubeTarget, type LiveObject } from '../../external/kubectl.js';
import { LocalClusterLoader, localCluster } from '../../external/local-cluster.js';
import { resourceName } from '../../naming.js';
import { healthUrl } from '../../health/check.js';
import { healthSpec } from '../kit/health.js';
import { rollbackReserve } from '../kit/time.js';
import type { PlannedCommand, PlannedFile, ProviderContext } from '../types.js';
import {
  CONTAINER,
  FIELD_MANAGER,
  HASH_ANNOTATION,
  manifestsYaml,
  objectNames,
  renderManifests,
  type K8sObject,
  type ObjectNames,
  type RenderedManifests,
} from './manifests.js';
import { PLACEHOLDER, sameSecretData, type PullCredential } from './secrets.js';
import { kubernetesSettings, quantityBytes, type KubernetesSettings } from './settings.js';
import type { ExtraManifests } from './extra.js';

export const MANIFEST_FILE = 'sindri-kubernetes.yaml';
/** what destroy deletes (by label), in an order where nothing waits on something deleted later */
// fully qualified (resource.version.group): kubectl reads a name with two dots so, and `ingresses.networking.k8s.io`
// as version `networking` of group `k8s.io`, which made it throw away its discovery cache on every call
export const OWNED_KINDS = ['ingresses.v1.networking.k8s.io', 'services', 'deployments.apps', 'persistentvolumeclaims', 'secrets'] as const;
/** what a probe of the cluster (version, get) may take */
export const PROBE_MS = 30_000;

/** What the steps depend on besides the context; plan fills what it can without a cluster. */
export interface KubernetesFacts {
  /** env secrets: values on deploy, PLACEHOLDER in plan */
  secrets: ReadonlyMap<string, string>;
  pull?: PullCredential;
  /** the context kubectl talks to ('' = the current context, unknown in plan) */
  context: string;
  /** kind/k3d context and an image that is only on the runner's engine */
  loadLocal: boolean;
  /** the live claim's size, class and access modes, when they must be kept (see claimDecision) */
  claim?: { storage?: string; storageClass?: string; accessModes?: string[] };
  /** the salt of the env Secret's version (from the live key Secret, or new); '' in plan */
  secretSalt?: string;
  /** the namespace exists already (undefined in plan): its Namespace object is then not applied */
  namespaceExists?: boolean;
  /** the user's extra manifests (providers.kubernetes.manifests), read and checked */
  extra?: ExtraManifests;
}

export interface KubernetesSteps {
  manifests: RenderedManifests;
  target: KubeTarget;
  /** what is applied, in order (the Namespace left out when it exists) */
  applied: K8sObject[];
  loader?: LocalClusterLoader;
  files: PlannedFile[];
  commands: PlannedCommand[];
  notes: string[];
}

/** The fix for a Dockerfile-only config: Kubernetes never builds (docs/behaviour.md#providers). */
export const BUILD_IN_CI_FIX =
  'build and push the image in CI, then pass it by digest, e.g. `- uses: docker/build-push-action@v6` (id: build, push: true, tags: ghcr.io/OWNER/APP) followed by `- uses: sindri/deploy-action@v1` with `image: ghcr.io/OWNER/APP` and `image-digest: ${{ steps.build.outputs.digest }}`';

/** Kubernetes never builds: a build decision fails before anything else (ADR 0017). */
export function refuseBuild(ctx: Pick<ProviderContext, 'image' | 'config'>): void {
  if (!ctx.image.build) return;
  throw new ActionError(
    `provider kubernetes never builds images, and the image decision is to build ${ctx.image.dockerfile ?? 'a Dockerfile'}`,
    {
      where: { file: ctx.config.file, field: 'deployment.image' },
      fix: BUILD_IN_CI_FIX,
    },
  );
}

/** Where the objects go and what they are called: known before anything is rendered (the probe reads them). */
export function kubernetesTarget(
  ctx: Pick<ProviderContext, 'config' | 'inputs'>,
  settings: KubernetesSettings,
  facts: Pick<KubernetesFacts, 'secrets' | 'pull'>,
): { target: KubeTarget; names: ObjectNames; name: string } {
  const name = resourceName(ctx.config.name, ctx.inputs['name-suffix']);
  const names = objectNames(name, facts.secrets.size > 0, facts.pull !== undefined, settings.ingress !== undefined);
  return { name, names, target: { namespace: settings.namespace, ...(settings.context ? { context: settings.context } : {}) } };
}

/** the objects read before a deploy: the Deployment, our Secrets and the pull Secrets named in the settings */
export function liveRefs(names: ObjectNames, namespace?: string, pullSecrets: readonly string[] = []): string[] {
  return [
    `deployment/${names.deployment}`,
    ...[names.secretKey, names.pullSecret, ...pullSecrets].filter(Boolean).map((n) => `secret/${n}`),
    `persistentvolumeclaim/${names.pvc}`,
    ...(namespace && namespace !== 'default' ? [`namespace/${namespace}`] : []),
  ];
}

export function connectHint(target: KubeTarget, deployment: string): string {
  const context = target.context ? ['--context', target.context] : [];
  return [
    'kubectl',
    ...context,
    '--namespace',
    target.namespace,
    'exec',
    '-it',
    `deployment/${deployment}`,
    '-c',
    CONTAINER,
    '--',
    'bash',
    '-l',
  ].join(' ');
}

/** The pure heart: objects and commands for a context and what is known about the cluster. */
export function kubernetesSteps(ctx: ProviderContext, facts: KubernetesFacts): KubernetesSteps {
  refuseBuild(ctx);
  const { config, inputs, image } = ctx;
  const settings = kubernetesSettings(config);
  const { name, target } = kubernetesTarget(ctx, settings, facts);
  const progressDeadlineSeconds = progressDeadline(inputs.timeout);
  const probe = readinessProbe(inputs, settings);
  const manifests = renderManifests({
    readinessProbe: probe.probe,
    config,
    settings,
    name,
    image: image.deployRef,
    secrets: facts.secrets,
    pull: facts.pull,
    secretSalt: facts.secretSalt,
    claim: facts.claim,
    progressDeadlineSeconds,
    extra: facts.extra?.objects,
    nameSuffix: inputs['name-suffix'],
    trace: ctx.trace,
  });
  const contextShown = settings.context ?? (facts.context || 'the current context');
  // a path health-url needs the url output (an ingress): fail before anything changes, not after the rollout
  healthUrl(healthSpec(inputs), manifests.url);
  const notes = [...manifests.notes, ...probe.notes, `strategy ${manifests.strategy.type}: ${manifests.strategy.why}`];
  if (settings.imagePullSecrets.length > 0)
    notes.push(
      `imagePullSecrets ${settings.imagePullSecrets.join(', ')} (providers.kubernetes.imagePullSecrets): existing Secrets, none is generated`,
    );
  if (facts.extra)
    notes.push(
      `extra manifests from ${facts.extra.folder}, applied with ours in namespace ${manifests.namespace}, labelled ${manifests.selector} (destroy deletes them with ours): ${facts.extra.sources.join(', ')}`,
    );
  const commands: PlannedCommand[] = [];
  const command = (argv: string[], why: string, mutates = false) => commands.push({ argv: ['kubectl', ...argv], why, mutates });
  command(
    kubectlArgv.get(target, liveRefs(manifests.names, manifests.namespace, settings.imagePullSecrets)),
    `what runs now on ${contextShown}, in one read that also proves its API server answers: skip when it already runs this digest with these manifests; the live claim; the namespace (created only when missing; a Forbidden one is taken to exist). Read in-process from the API server with the kubeconfig's own credentials where the action speaks them (ADR 0047); this kubectl get only otherwise (an exec plugin, an auth-provider, a proxy)`,
  );

  let objects = manifests.objects;
  if (manifests.namespace !== 'default' && facts.namespaceExists) objects = objects.filter((o) => o.kind !== 'Namespace');

  let loader: LocalClusterLoader | undefined;
  const local = localCluster(facts.context || settings.context || '');
  if (local && facts.loadLocal) {
    loader = new LocalClusterLoader(local);
    commands.push({
      argv: loader.argv(image.deployRef),
      why: `the image is only on the runner's Docker engine: load it into ${local.tool} cluster ${local.cluster}`,
      mutates: true,
    });
  } else if (local && !image.digest) {
    notes.push(
      `context ${facts.context || settings.context}: an image that exists only on the runner's Docker engine is loaded with ${local.tool} before apply`,
    );
  }
  command(
    kubectlArgv.apply(target, FIELD_MANAGER),
    'server-side apply of every object: in-process where the kubeconfig allows and every kind is mapped, a PATCH per object (application/apply-patch+yaml, this field manager, forced), all checked by a dry run first (ADR 0052); this kubectl, reading the List from stdin, only otherwise (Secret data never in argv or a file)',
    true,
  );
  const waitMs = inputs.timeout - rollbackReserve(inputs.timeout);
  command(
    kubectlArgv.rolloutStatus(target, manifests.names.deployment, waitMs),
    'wait for the rollout (at most this; the rest of timeout is kept for describe, events and a rollback): in-process where the kubeconfig allows, a watch of the Deployment judged as kubectl judges it (ADR 0052); this kubectl only otherwise',
  );
  // rollback: false never runs it, so the plan does not list it
  if (inputs.rollback)
    commands.push({
      argv: ['kubectl', ...kubectlArgv.rolloutUndo(target, manifests.names.deployment)],
      why: 'put back the previous revision (rollback: true), after describe and events',
      mutates: true,
      onFailure: true,
    });

  const shown = renderManifests({
    config,
    settings,
    name,
    image: image.deployRef,
    secrets: new Map([...facts.secrets.keys()].map((k) => [k, PLACEHOLDER])),
    pull: facts.pull ? { ...facts.pull, password: PLACEHOLDER } : undefined,
    progressDeadlineSeconds,
    readinessProbe: probe.probe,
    claim: facts.claim,
    extra: facts.extra?.objects,
    nameSuffix: inputs['name-suffix'],
    trace: ctx.trace,
  });
  const applied = (o: { kind: string; metadata: { name: string } }) =>
    objects.some((x) => x.kind === o.kind && x.metadata.name === o.metadata.name);
  // the env Secret's name is versioned by its values: show the name deploy applies, not the placeholders'
  const real = manifests.names.secret;
  const placeholder = shown.names.secret;
  const shownObjects: K8sObject[] =
    real && placeholder
      ? (JSON.parse(JSON.stringify(shown.objects).split(`"${placeholder}"`).join(`"${real}"`)) as K8sObject[])
      : shown.objects;
  const files: PlannedFile[] = [{ path: MANIFEST_FILE, content: manifestsYaml(shownObjects.filter(applied), config.file) }];
  notes.push(`${MANIFEST_FILE} is what would be applied (on stdin, never written to disk); secret values are shown as ${PLACEHOLDER}`);
  return { manifests, target, applied: objects, loader, files, commands, notes };
}

/**
 * The container's readinessProbe from the health inputs, so the rollout itself waits for the check:
 * health-command → `exec ["/bin/sh", "-c", command]` (the same command `kubectl exec` runs after the
 * rollout); otherwise health-url's path → `httpGet` on the container's `http` port, which exists only
 * with an ingress (the port it routes to). A probe has one handler: with both inputs the command is
 * the probe and the url is checked from the runner after the rollout.
 */
export function readinessProbe(
  inputs: Pick<ProviderContext['inputs'], 'health-url' | 'health-command'>,
  settings: KubernetesSettings,
): { probe?: Record<string, unknown>; notes: string[] } {
  const timing = { periodSeconds: 5, timeoutSeconds: 5, failureThreshold: 3, successThreshold: 1 };
  const command = inputs['health-command'];
  if (command) return { probe: { exec: { command: ['/bin/sh', '-c', command] }, ...timing }, notes: [] };
  const url = inputs['health-url'];
  if (!url) return { notes: [] };
  if (!settings.ingress)
    return {
      notes: [
        `health-url is checked from the runner after the rollout; no readinessProbe: the container has no http port without an ingress`,
      ],
    };
  const u = new URL(url, 'http://in-the-pod');
  return { probe: { httpGet: { path: `${u.pathname}${u.search}`, port: 'http', scheme: 'HTTP' }, ...timing }, notes: [] };
}

/**
 * The Deployment's progressDeadlineSeconds: as long as the action watches the rollout (the input
 * timeout less the rollback's reserve, ADR 0019), so the controller gives up no earlier than the
 * action does — its own default, 600 s, failed a slow first pull at 10 minutes under any timeout.
 */
export function progressDeadline(timeoutMs: number): number {
  return Math.max(1, Math.ceil((timeoutMs - rollbackReserve(timeoutMs)) / 1000));
}

export interface ClaimDecision {
  /** what to render instead of sindri.yaml's size / class / access modes (the live claim's) */
  keep?: { storage?: string; storageClass?: string; accessModes?: string[] };
  /** one line for the log */
  line?: string;
  warn?: boolean;
  /** the growth needs the storage class's allowVolumeExpansion, not yet known */
  needsClass?: string;
}

/**
 * The home claim against the live one: a PersistentVolumeClaim's spec is immutable except its storage
 * request, which may only grow, and only on a StorageClass with `allowVolumeExpansion: true`
 * (`expandable`: undefined when not yet read, 'forbidden' when the kubeconfig user may not read it).
 * What cannot change keeps the live value, with a warning saying so and what to do.
 */
export function claimDecision(
  live: LiveObject | undefined,
  wanted: { storage: string; storageClass?: string; accessModes?: readonly string[] },
  expandable?: boolean | 'forbidden',
): ClaimDecision {
  if (!live) return {};
  const spec = (live.spec ?? {}) as {
    storageClassName?: string;
    accessModes?: string[];
    resources?: { requests?: { storage?: string } };
  };
  const name = live.metadata.name;
  const has = spec.resources?.requests?.storage ?? '';
  const cls = spec.storageClassName;
  const lines: string[] = [];
  const keep: { storage?: string; storageClass?: string; accessModes?: string[] } = {};
  let warn = false;
  const modes = spec.accessModes ?? [];
  if (wanted.accessModes && modes.length > 0 && modes.join(',') !== wanted.accessModes.join(',')) {
    keep.accessModes = modes;
    warn = true;
    lines.push(
      `claim ${name} keeps access mode ${modes.join(', ')}: a claim's access modes cannot change (volumeAccessMode ${wanted.accessModes.join(', ')} applies to a new claim: mode: destroy, then deploy — the home volume's data goes with it)`,
    );
  }
  if (wanted.storageClass !== undefined && cls !== undefined && wanted.storageClass !== cls) {
    keep.storageClass = cls;
    warn = true;
    lines.push(
      `claim ${name} keeps storage class ${cls}: a claim's class cannot change (storageClass ${wanted.storageClass} applies to a new claim: mode: destroy, then deploy — the home volume's data goes with it)`,
    );
  }
  const want = quantityBytes(wanted.storage);
  const now = quantityBytes(has);
  if (!has || Number.isNaN(want) || Number.isNaN(now) || want === now) {
    // nothing to decide
  } else if (want < now) {
    keep.storage = has;
    warn = true;
    lines.push(
      `claim ${name} keeps ${has}: volumes.workspace.size asks for ${wanted.storage}, and a claim never shrinks (to start smaller: mode: destroy, then deploy — the home volume's data goes with it)`,
    );
  } else if (expandable === undefined && cls) {
    return { needsClass: cls };
  } else if (expandable === true) {
    lines.push(`claim ${name} grows from ${has} to ${wanted.storage} (storage class ${cls} allows volume expansion)`);
  } else {
    keep.storage = has;
    warn = true;
    const why =
      expandable === 'forbidden'
        ? `the kubeconfig user may not read storage class ${cls}, so it cannot be known to allow expansion`
        : cls
          ? `storage class ${cls} does not allow volume expansion`
          : 'the claim has no storage class that could allow expansion';
    lines.push(
      `claim ${name} keeps ${has}: volumes.workspace.size asks for ${wanted.storage}, but ${why} (set allowVolumeExpansion: true on the StorageClass, or mode: destroy, then deploy — the home volume's data goes with it)`,
    );
  }
  return { ...(Object.keys(keep).length ? { keep } : {}), ...(lines.length ? { line: lines.join('; '), warn } : {}) };
}

/** The live Deployment is complete: the controller saw this generation and every replica is updated and available. */
export function rolledOut(d: LiveObject): boolean {
  const s = (d.status ?? {}) as { observedGeneration?: number; updatedReplicas?: number; availableReplicas?: number; replicas?: number };
  const want = Number((d.spec as { replicas?: number } | undefined)?.replicas ?? 1);
  return (
    (s.observedGeneration ?? 0) >= (d.metadata.generation ?? 0) &&
    (s.updatedReplicas ?? 0) >= want &&
    (s.availableReplicas ?? 0) >= want &&
    (s.replicas ?? 0) <= want
  );
}

export function liveImage(d: LiveObject | undefined): string | undefined {
  const spec = d?.spec as { template?: { spec?: { containers?: { name: string; image: string }[] } } } | undefined;
  return spec?.template?.spec?.containers?.find((c) => c.name === CONTAINER)?.image;
}

/** Nothing to do: same digest, same manifests (hash annotation), same secret data, rolled out. */
export function unchanged(steps: KubernetesSteps, live: readonly LiveObject[], image: string): boolean {
  const dep = live.find((o) => o.kind === 'Deployment' && o.metadata.name === steps.manifests.names.deployment);
  if (!dep || !sameManifests(steps, dep, image) || !rolledOut(dep)) return false;
  return sameSecretData(steps.manifests.objects, live);
}

/** The live Deployment runs this digest with these manifests (maybe not rolled out, maybe with other secret values). */
export function sameManifests(steps: KubernetesSteps, dep: LiveObject | undefined, image: string): boolean {
  return dep !== undefined && dep.metadata.annotations?.[HASH_ANNOTATION] === steps.manifests.hash && liveImage(dep) === image;
}
