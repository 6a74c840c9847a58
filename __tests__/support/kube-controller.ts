/**
 * The deployment controller in miniature, for the stand-in API server: what `kubectl rollout status`,
 * `rollout undo`, `describe` and `get events` read from a real cluster.
 * - Every template change makes a ReplicaSet (or reuses the one with the same template, as a real
 *   rollback does) owned by the Deployment, with `deployment.kubernetes.io/revision` and the
 *   Deployment's own annotations copied onto it except the controller's (deployment util's
 *   `copyDeploymentAnnotationsToReplicaSet`): so `rollout undo` restores the old revision's
 *   annotations as it does against a real cluster.
 * - The Deployment's status and conditions from what the kubelet (support/kube-pods.ts) says of the
 *   ReplicaSet's pods: ready, crashing (a BackOff event), or no progress for `progressDeadlineSeconds`
 *   (default 600): then `Progressing` turns `False`, reason `ProgressDeadlineExceeded`, message
 *   `ReplicaSet "<rs>" has timed out progressing.`, and `kubectl rollout status` stops with
 *   `deployment "<name>" exceeded its progress deadline` whatever its `--timeout` says.
 * - `ScalingReplicaSet` events only when a ReplicaSet is scaled, with the involved object's uid (what
 *   `describe` selects events by).
 */
import { randomUUID } from 'node:crypto';
import type { KubeObject } from './kube-merge.js';

export type Obj = KubeObject & {
  metadata: KubeObject['metadata'] & {
    labels?: Record<string, string>;
    uid?: string;
    generation?: number;
    resourceVersion?: string;
    ownerReferences?: { uid: string; kind: string; name: string; controller?: boolean }[];
  };
};

/** What the controller needs from the server: read, and write as a controller (no field manager but its own). */
export interface ControllerStore {
  list(plural: string, namespace?: string): Obj[];
  /** stores the object as the controller's write and returns it */
  controllerWrite(kind: 'ReplicaSet' | 'Event' | 'Deployment', namespace: string, o: Obj): Obj;
  nextName(): string;
}

const REVISION = 'deployment.kubernetes.io/revision';
/** deployment util's annotationsToSkip: the controller's own, never copied to a ReplicaSet */
const NOT_COPIED = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  REVISION,
  'deployment.kubernetes.io/revision-history',
  'deployment.kubernetes.io/desired-replicas',
  'deployment.kubernetes.io/max-replicas',
  'deprecated.deployment.rollback.to',
]);

interface DeploymentSpec {
  replicas?: number;
  selector: { matchLabels: Record<string, string> };
  template: Obj & { spec: { containers: { image: string }[] } };
}

/** What the kubelet tells the controller about a ReplicaSet's pods. */
export interface PodsView {
  /** every replica of this ReplicaSet is ready */
  ready(rs: string, image: string): boolean;
  /** its container never starts (a crash loop: a BackOff event) */
  crashing(image: string): boolean;
  /** no progress for `progressDeadlineSeconds` since this ReplicaSet was scaled up */
  timedOut(rs: string): boolean;
}

export function reconcileDeployment(store: ControllerStore, d: Obj, pods: PodsView): void {
  const ns = d.metadata.namespace!;
  const spec = d.spec as DeploymentSpec;
  const replicas = spec.replicas ?? 1;
  const owned = store
    .list('replicasets', ns)
    .filter((rs) => rs.metadata.ownerReferences?.some((r) => r.uid === d.metadata.uid && r.controller));
  // the controller compares templates semantically (EqualIgnoreHash): Go's encoding adds
  // `creationTimestamp: null` and empty structs, so compare without empties, keys sorted
  const template = canonical(spec.template);
  const bare = (rs: Obj) => {
    const t = structuredClone((rs.spec as { template: Obj }).template);
    delete t.metadata.labels?.['pod-template-hash'];
    return canonical(t);
  };
  const revisionOf = (rs: Obj) => Number(rs.metadata.annotations?.[REVISION] ?? 0);
  const maxRevision = Math.max(0, ...owned.map(revisionOf));
  const hash = podTemplateHash(template);
  const previous = owned.find((rs) => bare(rs) === template);
  const revision = previous && revisionOf(previous) === maxRevision ? maxRevision : maxRevision + 1;
  const history =
    previous && revisionOf(previous) !== revision
      ? [previous.metadata.annotations?.['deployment.kubernetes.io/revision-history'], String(revisionOf(previous))]
          .filter(Boolean)
          .join(',')
      : undefined;
  const image = spec.template.spec.containers[0]?.image ?? '';
  const rsName = previous?.metadata.name ?? `${d.metadata.name}-${hash}`;
  const ready = pods.ready(rsName, image);
  const timedOut = !ready && pods.timedOut(rsName);
  const rsTemplate = structuredClone(spec.template);
  rsTemplate.metadata = { ...rsTemplate.metadata, labels: { ...(rsTemplate.metadata?.labels ?? {}), 'pod-template-hash': hash } };
  const copied = Object.fromEntries(Object.entries(d.metadata.annotations ?? {}).filter(([k]) => !NOT_COPIED.has(k)));
  const scaledUp = (Number((previous?.spec as { replicas?: number } | undefined)?.replicas ?? 0) || 0) < replicas;
  const current = store.controllerWrite('ReplicaSet', ns, {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      ...(previous?.metadata ?? {}),
      name: rsName,
      labels: { ...(spec.template.metadata?.labels ?? {}), 'pod-template-hash': hash },
      annotations: {
        ...copied,
        [REVISION]: String(revision),
        ...(history ? { 'deployment.kubernetes.io/revision-history': history } : {}),
        'deployment.kubernetes.io/desired-replicas': String(replicas),
        'deployment.kubernetes.io/max-replicas': String(replicas),
      },
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          name: d.metadata.name,
          uid: d.metadata.uid!,
          controller: true,
          blockOwnerDeletion: true,
        } as never,
      ],
    },
    spec: { replicas, selector: { matchLabels: { ...spec.selector.matchLabels, 'pod-template-hash': hash } }, template: rsTemplate },
    status: {
      replicas,
      fullyLabeledReplicas: replicas,
      readyReplicas: ready ? replicas : 0,
      availableReplicas: ready ? replicas : 0,
      observedGeneration: 1,
    },
  });
  const now = new Date().toISOString();
  const event = (involved: { kind: string; name: string; uid: string }, type: string, reason: string, message: string, component: string) =>
    store.controllerWrite('Event', ns, {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: `${involved.name}.${store.nextName()}` },
      involvedObject: { ...involved, namespace: ns, apiVersion: involved.kind === 'Pod' ? 'v1' : 'apps/v1' },
      type,
      reason,
      message,
      source: { component },
      count: 1,
      firstTimestamp: now,
      lastTimestamp: now,
    });
  const dep = { kind: 'Deployment', name: d.metadata.name, uid: d.metadata.uid! };
  // Recreate: the old ReplicaSets go to 0 first
  for (const rs of owned) {
    if (rs.metadata.name === current.metadata.name) continue;
    const was = Number((rs.spec as { replicas?: number }).replicas ?? 0);
    if (was === 0) continue;
    (rs.spec as { replicas: number }).replicas = 0;
    rs.status = { replicas: 0, observedGeneration: 1 };
    store.controllerWrite('ReplicaSet', ns, rs);
    event(dep, 'Normal', 'ScalingReplicaSet', `Scaled down replica set ${rs.metadata.name} from ${was} to 0`, 'deployment-controller');
  }
  if (scaledUp)
    event(
      dep,
      'Normal',
      'ScalingReplicaSet',
      `Scaled up replica set ${current.metadata.name} from 0 to ${replicas}`,
      'deployment-controller',
    );
  if (!ready && pods.crashing(image)) {
    const pod = `${current.metadata.name}-x7k2p`;
    event(
      { kind: 'Pod', name: pod, uid: randomUUID() },
      'Warning',
      'BackOff',
      `Back-off restarting failed container in pod ${pod} (image ${image})`,
      'kubelet',
    );
  }
  const next = structuredClone(d);
  next.metadata.annotations = { ...(d.metadata.annotations ?? {}), [REVISION]: String(revision) };
  next.status = {
    observedGeneration: d.metadata.generation,
    replicas,
    updatedReplicas: replicas,
    readyReplicas: ready ? replicas : 0,
    availableReplicas: ready ? replicas : 0,
    ...(ready ? {} : { unavailableReplicas: replicas }),
    conditions: [
      {
        type: 'Available',
        status: ready ? 'True' : 'False',
        reason: ready ? 'MinimumReplicasAvailable' : 'MinimumReplicasUnavailable',
        message: ready ? 'Deployment has minimum availability.' : 'Deployment does not have minimum availability.',
        lastUpdateTime: now,
        lastTransitionTime: now,
      },
      {
        type: 'Progressing',
        // the deployment controller's condition once progressDeadlineSeconds pass without progress
        status: timedOut ? 'False' : 'True',
        reason: ready ? 'NewReplicaSetAvailable' : timedOut ? 'ProgressDeadlineExceeded' : 'ReplicaSetUpdated',
        message: `ReplicaSet "${current.metadata.name}" ${ready ? 'has successfully progressed' : timedOut ? 'has timed out progressing' : 'is progressing'}.`,
        lastUpdateTime: now,
        lastTransitionTime: now,
      },
    ],
  };
  store.controllerWrite('Deployment', ns, next);
}

function canonical(v: unknown): string {
  const strip = (x: unknown): unknown => {
    if (Array.isArray(x)) {
      const a = x.map(strip).filter((e) => e !== undefined);
      return a.length ? a : undefined;
    }
    if (x && typeof x === 'object') {
      const entries = Object.entries(x)
        .map(([k, e]) => [k, strip(e)] as const)
        .filter(([, e]) => e !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : 1));
      return entries.length ? Object.fromEntries(entries) : undefined;
    }
    return x === null || x === '' ? undefined : x;
  };
  return JSON.stringify(strip(v) ?? null);
}

function podTemplateHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
  let n = h >>> 0;
  let s = '';
  for (let i = 0; i < 10; i++) {
    s += alphabet[n % alphabet.length];
    n = Math.floor(n / alphabet.length) || (h >>> (i % 24)) + i;
  }
  return s;
}
