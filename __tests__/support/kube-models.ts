/**
 * Every object the kubernetes provider renders, checked against the Kubernetes OpenAPI schemas of a
 * real release through npm `kubernetes-models` (types and required fields; it throws with the failing
 * paths) and, for fields the API does not declare, the 1.32 field sets of kube-schema.ts (what a real
 * server's server-side apply would answer, ADR 0020).
 */
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { PersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
import { Secret } from 'kubernetes-models/v1/Secret';
import { Service } from 'kubernetes-models/v1/Service';
import { expect } from 'vitest';
import type { K8sObject } from '../../src/providers/kubernetes/manifests.js';
import { applyFieldErrors } from './kube-schema.js';

const MODELS: Record<string, new (o: never) => { validate(): void }> = {
  Namespace,
  Secret,
  PersistentVolumeClaim,
  Service,
  Deployment,
  Ingress,
  ConfigMap,
  NetworkPolicy,
};

/** every object passes the schema of its kind and has no field the 1.32 API does not declare */
export function validateAll(objects: readonly K8sObject[]): void {
  for (const o of objects) {
    const Model = MODELS[o.kind];
    expect(Model, `a model for ${o.kind}`).toBeDefined();
    expect(() => new Model!(structuredClone(o) as never).validate(), `${o.kind}/${o.metadata.name}`).not.toThrow();
    expect(applyFieldErrors(o), `${o.kind}/${o.metadata.name}`).toBe('');
  }
}
