import { describe, expect, it } from 'vitest';
import { objectPath, retryAfterMs, warningTexts } from '../../src/external/kube-api.js';
import { rolloutVerdict } from '../../src/external/kube-rollout.js';
import type { LiveObject } from '../../src/external/kubectl.js';

const d = (generation: number, status: Record<string, unknown>, replicas: number | undefined = 2): LiveObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', generation },
  spec: replicas === undefined ? {} : { replicas },
  status,
});

describe("rolloutVerdict: kubectl 1.32's DeploymentStatusViewer, check by check", () => {
  it('a spec the controller has not seen yet', () => {
    expect(rolloutVerdict(d(3, { observedGeneration: 2 }))).toEqual({
      state: 'waiting',
      message: 'Waiting for deployment spec update to be observed...',
    });
  });
  it('a passed progress deadline fails, before any count', () => {
    const s = { observedGeneration: 3, conditions: [{ type: 'Progressing', reason: 'ProgressDeadlineExceeded' }], updatedReplicas: 0 };
    expect(rolloutVerdict(d(3, s))).toEqual({ state: 'failed', message: 'deployment "web" exceeded its progress deadline' });
  });
  it('new replicas not all updated, old ones pending termination, updated ones not all available: each in its words', () => {
    expect(rolloutVerdict(d(1, { observedGeneration: 1, updatedReplicas: 1, replicas: 3 })).message).toBe(
      'Waiting for deployment "web" rollout to finish: 1 out of 2 new replicas have been updated...',
    );
    expect(rolloutVerdict(d(1, { observedGeneration: 1, updatedReplicas: 2, replicas: 3 })).message).toBe(
      'Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...',
    );
    expect(rolloutVerdict(d(1, { observedGeneration: 1, updatedReplicas: 2, replicas: 2, availableReplicas: 1 })).message).toBe(
      'Waiting for deployment "web" rollout to finish: 1 of 2 updated replicas are available...',
    );
  });
  it('all updated and available: rolled out (a Progressing condition of another reason does not matter)', () => {
    const s = {
      observedGeneration: 1,
      updatedReplicas: 2,
      replicas: 2,
      availableReplicas: 2,
      conditions: [{ type: 'Progressing', reason: 'NewReplicaSetAvailable' }],
    };
    expect(rolloutVerdict(d(1, s))).toEqual({ state: 'done', message: 'deployment "web" successfully rolled out' });
  });
  it('no status at all: a generation-1 object is waiting to be observed', () => {
    expect(rolloutVerdict(d(1, {})).state).toBe('waiting');
  });
});

describe('objectPath: what the in-process apply maps, and what it leaves to kubectl', () => {
  it('our kinds, at their paths, named as kubectl prints them', () => {
    expect(objectPath('ns', { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' } })).toEqual({
      path: '/apis/apps/v1/namespaces/ns/deployments/web',
      ref: 'deployment.apps/web',
      namespaced: true,
    });
    expect(objectPath('ns', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'ns' } })).toEqual({
      path: '/api/v1/namespaces/ns',
      ref: 'namespace/ns',
      namespaced: false,
    });
    expect(objectPath('ns', { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'i' } })).toMatchObject({
      ref: 'ingress.networking.k8s.io/i',
    });
  });
  it('another version, an unmapped kind, another namespace: left to kubectl, saying why', () => {
    expect(objectPath('ns', { apiVersion: 'apps/v1beta1', kind: 'Deployment', metadata: { name: 'web' } })).toEqual({
      reason: "apps/v1beta1 Deployment is a kind only kubectl's discovery maps",
    });
    expect(objectPath('ns', { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'p' } })).toHaveProperty('reason');
    expect(objectPath('ns', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', namespace: 'other' } })).toEqual({
      reason: 'Secret s is named for namespace other',
    });
  });
});

describe("warningTexts: the API server's Warning headers", () => {
  it('each warn-text unquoted, escapes undone; anything else ignored', () => {
    expect(warningTexts(['299 - "unknown field \\"spec.x\\""', '299 - "a", 299 - "b"', 'junk'])).toEqual([
      'unknown field "spec.x"',
      'a',
      'b',
    ]);
    expect(warningTexts(undefined)).toEqual([]);
  });
});

describe("retryAfterMs: client-go's checkWait", () => {
  it('a 429 or a 5xx with Retry-After in whole seconds waits that long; anything else is the answer', () => {
    expect(retryAfterMs({ code: 429, retryAfter: '1' })).toBe(1000);
    expect(retryAfterMs({ code: 503, retryAfter: ' 3 ' })).toBe(3000);
    expect(retryAfterMs({ code: 429 })).toBeUndefined();
    expect(retryAfterMs({ code: 429, retryAfter: 'Wed, 21 Oct 2026 07:28:00 GMT' })).toBeUndefined();
    expect(retryAfterMs({ code: 409, retryAfter: '1' })).toBeUndefined();
    expect(retryAfterMs({ code: 200, retryAfter: '1' })).toBeUndefined();
  });
});
