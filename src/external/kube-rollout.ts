/**
 * What `kubectl rollout status deployment/<name>` decides from one look at a Deployment: kubectl 1.32's
 * DeploymentStatusViewer (staging/src/k8s.io/kubectl/pkg/polymorphichelpers/rollout_status.go), its
 * messages word for word, so the in-process watch (kube-api.ts) says what kubectl would have said.
 * Pure: one object in, one verdict out.
 */
import type { LiveObject } from './kubectl.js';

export type RolloutVerdict =
  /** keep watching; `message` is kubectl's "Waiting for …" line */
  | { state: 'waiting'; message: string }
  | { state: 'done'; message: string }
  /** the rollout cannot finish (its progress deadline passed) */
  | { state: 'failed'; message: string };

interface DeploymentStatus {
  observedGeneration?: number;
  replicas?: number;
  updatedReplicas?: number;
  availableReplicas?: number;
  conditions?: { type?: string; reason?: string }[];
}

/** kubectl's viewer for revision 0 (the latest): the same order of checks, the same words */
export function rolloutVerdict(d: LiveObject): RolloutVerdict {
  const name = d.metadata.name;
  const status = (d.status ?? {}) as DeploymentStatus;
  const generation = d.metadata.generation ?? 0;
  if (generation > (status.observedGeneration ?? 0))
    return { state: 'waiting', message: 'Waiting for deployment spec update to be observed...' };
  const progressing = status.conditions?.find((c) => c.type === 'Progressing');
  if (progressing?.reason === 'ProgressDeadlineExceeded')
    return { state: 'failed', message: `deployment "${name}" exceeded its progress deadline` };
  const wanted = (d.spec as { replicas?: number } | undefined)?.replicas;
  const updated = status.updatedReplicas ?? 0;
  if (wanted !== undefined && updated < wanted)
    return {
      state: 'waiting',
      message: `Waiting for deployment "${name}" rollout to finish: ${updated} out of ${wanted} new replicas have been updated...`,
    };
  const replicas = status.replicas ?? 0;
  if (replicas > updated)
    return {
      state: 'waiting',
      message: `Waiting for deployment "${name}" rollout to finish: ${replicas - updated} old replicas are pending termination...`,
    };
  const available = status.availableReplicas ?? 0;
  if (available < updated)
    return {
      state: 'waiting',
      message: `Waiting for deployment "${name}" rollout to finish: ${available} of ${updated} updated replicas are available...`,
    };
  return { state: 'done', message: `deployment "${name}" successfully rolled out` };
}
