/**
 * Issue 26, E2B: the build-start body the action sends for a private base image (registry-build.ts),
 * against the rules of the e2b CLI's own Dockerfile parser (@e2b/cli 2.19 `parseDockerfile`), and the
 * one-line refusals of credentials E2B cannot take. The wire-level comparison with what the real CLI
 * sends is in __tests__/integration/e2b-private.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { ActionError } from '../../src/errors.js';
import { registryCredential, templateBuildStart } from '../../src/providers/e2b/registry-build.js';
import { e2bSteps } from '../../src/providers/e2b/steps.js';
import type { ProviderContext } from '../../src/providers/types.js';
import { makeConfig } from '../support/config.js';
import { pinnedDecision } from '../support/docker.js';
import { testInputs } from '../support/inputs.js';
import { runParts } from '../support/exec.js';

const D = `sha256:${'c'.repeat(64)}`;
const REG = { type: 'registry' as const, username: 'u', password: 'p' };

function ctx(access: ProviderContext['image']['access'], force = false): ProviderContext {
  return {
    config: makeConfig({ name: 'demo', deployment: { provider: 'e2b', ...runParts() } }),
    inputs: testInputs({ provider: 'e2b', ...runParts(), force }),
    provider: 'e2b',
    ...runParts(),
    workdir: '/nonexistent',
    image: { ...pinnedDecision('ghcr.io/acme/app', '1.0.0', D), ...(access && { access }) },
  };
}
const facts = { secretNames: [], exposedSecretFiles: [], forceToken: 'run-1' };

describe('templateBuildStart: the body for the e2b.Dockerfile of a prebuilt image', () => {
  it('USER root and WORKDIR / first, then each instruction; ENV as name/value pairs; the start and ready commands; the credentials', () => {
    const steps = e2bSteps(ctx({ private: true, credentials: 'input github-token' }), facts);
    const body = templateBuildStart(steps.dockerfile, { startCmd: '/bin/sh', readyCmd: undefined, noCache: false }, REG);
    expect(body).toEqual({
      fromImage: `ghcr.io/acme/app@${D}`,
      fromImageRegistry: REG,
      force: false,
      startCmd: '/bin/sh',
      readyCmd: 'sleep 20',
      steps: [
        { type: 'USER', args: ['root'], force: false },
        { type: 'WORKDIR', args: ['/'], force: false },
        {
          type: 'ENV',
          args: [
            'E2B_PROVIDER',
            'true',
            'INSTALL_PROFILE',
            expect.any(String),
            'CUSTOM_EXTENSIONS',
            expect.any(String),
            'ADDITIONAL_EXTENSIONS',
            expect.any(String),
            'SKIP_AUTO_INSTALL',
            expect.any(String),
            'INIT_WORKSPACE',
            'true',
          ],
          force: false,
        },
        { type: 'WORKDIR', args: ['/alt/home/developer/workspace'], force: false },
        { type: 'USER', args: ['developer'], force: false },
      ],
    });
  });

  it('force: the cache-bust ENV right after FROM and force: true; a ready command alone; no start or ready command', () => {
    const forced = e2bSteps(ctx({ private: true }, true), facts);
    const body = templateBuildStart(forced.dockerfile, { readyCmd: 'true', noCache: true });
    expect(body.force).toBe(true);
    expect(body.steps[2]).toEqual({ type: 'ENV', args: ['SINDRI_FORCE_BUILD', 'run-1'], force: false });
    expect(body).toMatchObject({ readyCmd: 'true' });
    expect(body).not.toHaveProperty('startCmd');
    expect(body).not.toHaveProperty('fromImageRegistry');
    const bare = templateBuildStart('FROM a.io/b\n', { noCache: false });
    expect(bare).not.toHaveProperty('readyCmd');
  });

  it("the parser's rules: `ENV A 1` is one pair, a repeated name keeps its first place and last value; USER user and WORKDIR /home/user when unset", () => {
    const body = templateBuildStart('FROM a.io/b\nENV A 1\nENV B=1 C=2 B=3\n', { noCache: false });
    expect(body.steps.map((s) => [s.type, ...s.args])).toEqual([
      ['USER', 'root'],
      ['WORKDIR', '/'],
      ['ENV', 'A', '1'],
      ['ENV', 'B', '3', 'C', '2'],
      ['USER', 'user'],
      ['WORKDIR', '/home/user'],
    ]);
  });

  it('an instruction the generated file never holds is a bug said in one line, not a silent step', () => {
    expect(() => templateBuildStart('FROM a.io/b\nRUN echo\n', { noCache: false })).toThrow(/line 2 \(RUN\) cannot be sent/);
    expect(() => templateBuildStart('ENV A=1\n', { noCache: false })).toThrow(/has no FROM image/);
  });
});

describe('registryCredential: what E2B can take', () => {
  it('a username and password pass; an identity token alone or nothing fails in one line naming the inputs', () => {
    expect(registryCredential('r.io/a@x', 'r.io', { username: 'u', password: 'p', source: 's' })).toEqual(REG);
    const token = (() => {
      try {
        registryCredential('r.io/a@x', 'r.io', { username: '<token>', password: '', identityToken: 't', source: '~/.docker/config.json' });
      } catch (e) {
        return e as ActionError;
      }
    })();
    expect(token).toBeInstanceOf(ActionError);
    expect(token!.message).toBe(
      "the credentials for r.io (~/.docker/config.json) hold only an identity token, and E2B's template build takes a username and password to pull the private base image r.io/a@x",
    );
    expect(token!.fix).toMatch(/registry-username and registry-password/);
    expect(() => registryCredential('r.io/a@x', 'r.io', undefined)).toThrow(/no credentials for r\.io reach E2B's template build/);
  });
});

describe('e2bSteps: private or not', () => {
  it('private → privateBase set, the plan lists no e2b template create and names the API calls; public → the CLI builds', () => {
    const priv = e2bSteps(ctx({ private: true, credentials: 'input registry-username/registry-password' }), facts);
    expect(priv.privateBase).toEqual({
      image: `ghcr.io/acme/app@${D}`,
      registry: 'ghcr.io',
      credentials: 'input registry-username/registry-password',
    });
    expect(priv.commands.some((c) => c.argv[1] === 'template' && c.argv[2] === 'create')).toBe(false);
    expect(priv.notes.find((n) => n.includes('POST /v3/templates'))).toMatch(/e2b template create cannot pass registry credentials/);
    for (const access of [{ private: false }, undefined]) {
      const pub = e2bSteps(ctx(access), facts);
      expect(pub.privateBase).toBeUndefined();
      expect(pub.commands.some((c) => c.argv[1] === 'template' && c.argv[2] === 'create')).toBe(true);
    }
  });
});
