/** Issue 26, DevPod: which types need a devpod option to hand the login over, and the one-line refusal (registry-login.ts). */
import { describe, expect, it } from 'vitest';
import { ActionError } from '../../src/errors.js';
import { privateImageNote, refuseUndelivered } from '../../src/providers/devpod/registry-login.js';
import type { DevpodSettings, DevpodType } from '../../src/providers/devpod/settings.js';

const settings = (type: DevpodType, options: Record<string, string> = {}): DevpodSettings => ({
  type,
  provider: type === 'gcp' ? 'gcloud' : type,
  options,
  forwardPorts: [],
  notes: [],
});
const PRIVATE = { private: true, credentials: 'input github-token' };
const refusal = (f: () => void): ActionError | undefined => {
  try {
    f();
  } catch (e) {
    return e as ActionError;
  }
  return undefined;
};

describe('refuseUndelivered', () => {
  it('the delivery option off in the held provider → one line per type with its option; on, unset, public or the docker type → nothing', () => {
    const cases: [DevpodType, string][] = [
      ['kubernetes', 'KUBERNETES_PULL_SECRETS_ENABLED'],
      ['ssh', 'INJECT_DOCKER_CREDENTIALS'],
      ['aws', 'INJECT_DOCKER_CREDENTIALS'],
      ['gcp', 'INJECT_DOCKER_CREDENTIALS'],
    ];
    for (const [type, option] of cases) {
      const e = refusal(() => refuseUndelivered('r.io/a@sha256:x', PRIVATE, settings(type), { [option]: ' FALSE ' }));
      expect(e).toBeInstanceOf(ActionError);
      expect(e!.message).toMatch(
        new RegExp(`^r\\.io/a@sha256:x is private, but devpod provider \\S+ \\(type ${type}\\) on this runner has ${option}=false`),
      );
      expect(e!.fix).toContain(`-o ${option}=true`);
      expect(refusal(() => refuseUndelivered('r', PRIVATE, settings(type), { [option]: 'true' }))).toBeUndefined();
      expect(refusal(() => refuseUndelivered('r', PRIVATE, settings(type), undefined))).toBeUndefined();
      expect(refusal(() => refuseUndelivered('r', { private: false }, settings(type), { [option]: 'false' }))).toBeUndefined();
      expect(refusal(() => refuseUndelivered('r', undefined, settings(type), { [option]: 'false' }))).toBeUndefined();
    }
    expect(refusal(() => refuseUndelivered('r', PRIVATE, settings('docker'), { INJECT_DOCKER_CREDENTIALS: 'false' }))).toBeUndefined();
  });
});

describe('privateImageNote', () => {
  it('names the login that travels and the option that must stay on; the docker type has none', () => {
    expect(privateImageNote('r', PRIVATE, settings('kubernetes'), false)).toBe(
      "r is private (opened with input github-token): devpod up runs with the runner's own docker login, which the workspace pod's pull secret pulls with (devpod provider option KUBERNETES_PULL_SECRETS_ENABLED must stay true)",
    );
    expect(privateImageNote('r', PRIVATE, settings('docker'), true)).toMatch(/throw-away DOCKER_CONFIG .* pulls with$/);
  });
});
