/**
 * Issue 26 for DevPod through the action itself (`node dist/index.js`), CONTRACT (the devpod stand-in):
 * a private image (the REAL htpasswd registry, :5001) whose login devpod would not hand to where the
 * workspace is pulled — the devpod provider this runner holds has its delivery option off — fails in
 * one line before anything is added, built or started; the plan says how the login travels. (That the
 * login does reach a docker-type pull is devpod-runners.test.ts "a private image is pulled …".)
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAction, type ActionRun } from '../support/action.js';
import { devpodBackend, type DevpodBackend } from '../support/devpod-backend.js';
import { uniqueName } from '../support/docker.js';
import { pushLayered, REGISTRY_BASIC, requireService, TEST_PASS, TEST_USER } from '../support/registry.js';
import { makeWorkdir } from '../support/workdir.js';

const ns = uniqueName('dpp');
const dirs: string[] = [];
let backend: DevpodBackend;
let digest: string;
const repo = `${REGISTRY_BASIC}/${ns}/private`;
const login = { 'registry-username': TEST_USER, 'registry-password': TEST_PASS };

const yaml = (name: string, type: string, sub: string) =>
  `version: "3.0"\nname: ${name}\ndeployment:\n  provider: devpod\n  image: ${repo}:1\nextensions:\n  profile: minimal\nproviders:\n  devpod:\n    type: ${type}\n${sub}`;
const SSH = '    ssh:\n      host: 127.0.0.1\n';

function act(dir: string, inputs: Record<string, string>): Promise<ActionRun> {
  return runAction({ inputs: { timeout: '2m', ...inputs }, cwd: dir, node: '24', env: backend.env, timeoutMs: 120_000 });
}
const errorLines = (r: ActionRun) => r.stdout.split('\n').filter((l) => l.startsWith('::error'));

beforeAll(async () => {
  await requireService(`http://${REGISTRY_BASIC}/v2/`, [401]);
  backend = devpodBackend([]);
  const pushed = await pushLayered(
    { host: REGISTRY_BASIC, repository: `${ns}/private`, auth: { username: TEST_USER, password: TEST_PASS } },
    '1',
    {
      layers: 1,
      layerBytes: 1024,
      seed: ns,
    },
  );
  digest = pushed.digest;
}, 120_000);

afterAll(async () => {
  await backend?.remove();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
}, 60_000);

describe('devpod contract: a private image whose login devpod would not deliver', () => {
  it('ssh type, the held provider has INJECT_DOCKER_CREDENTIALS=false: one line naming the type, the option and the fix; devpod is only asked what it holds', async () => {
    await backend.seedProvider('ssh', { HOST: 'root@127.0.0.1', INJECT_DOCKER_CREDENTIALS: 'false' });
    backend.clearCalls();
    const dir = makeWorkdir('devpod-private-', dirs, yaml(`${ns}-ssh`, 'ssh', SSH));
    const r = await act(dir, login);
    expect(r.code).toBe(1);
    const errors = errorLines(r);
    expect(errors, r.stdout).toHaveLength(1);
    expect(errors[0]).toContain(
      `${repo}@${digest} is private, but devpod provider ssh (type ssh) on this runner has INJECT_DOCKER_CREDENTIALS=false: the remote machine's docker credential helper would pull it without credentials; nothing was started`,
    );
    expect(errors[0]).toContain('Fix: run devpod provider set-options ssh -o INJECT_DOCKER_CREDENTIALS=true');
    expect(backend.calls('devpod').map((c) => c.argv.slice(0, 2).join(' '))).toEqual(['provider list']);
  });

  it('the same with the option on: past the check (devpod up is reached, with DOCKER_CONFIG in its environment)', async () => {
    await backend.seedProvider('ssh', { HOST: 'root@127.0.0.1', INJECT_DOCKER_CREDENTIALS: 'true' });
    backend.clearCalls();
    const dir = makeWorkdir('devpod-private-', dirs, yaml(`${ns}-ssh-on`, 'ssh', SSH));
    const r = await act(dir, login);
    expect(r.stdout).not.toContain('would pull it without credentials');
    const up = backend.calls('devpod').find((c) => c.argv[0] === 'up');
    expect(up, r.stdout).toBeDefined();
    expect(up!.envNames).toContain('DOCKER_CONFIG');
    expect(up!.argv.join(' ')).not.toContain(TEST_PASS);
  });

  it('plan: says the image is private and how its login reaches the pull', async () => {
    backend.clearCalls();
    const dir = makeWorkdir('devpod-private-', dirs, yaml(`${ns}-plan`, 'ssh', SSH));
    const r = await act(dir, { ...login, mode: 'plan' });
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toContain(
      `${repo}@${digest} is private (opened with input registry-username/registry-password): devpod up runs with a throw-away DOCKER_CONFIG holding only the inputs' login for its registry, which the remote machine's docker credential helper pulls with (devpod provider option INJECT_DOCKER_CREDENTIALS must stay true)`,
    );
  });
});
