/**
 * Issue 27 #4 and issue 19 for DevPod through the action itself — CONTRACT tests (`node dist/index.js`).
 * devpod keeps what it knows only in DEVPOD_HOME on the runner; what its provider runs (containers, pods)
 * is named by the workspace's uid. Every run below after the first is on a FRESH runner: a new, empty
 * DEVPOD_HOME (the previous one deleted), sharing nothing on disk with the run before, as GitHub's
 * hosted runners do. The stand-in (fakes/devpod.cjs) runs the docker provider's workspaces as REAL
 * containers on the engine, found by their `dev.containers.id` label, so `devpod ssh --command` really
 * runs inside them; with SINDRI_TEST_DEVPOD=real the real devpod does the same.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAction, type ActionRun } from '../support/action.js';
import {
  buildImage,
  cleanup,
  imagesOf,
  pushImage,
  REGISTRY,
  removeLabelledImages,
  requireServices,
  uniqueName,
  cliContextConfig,
} from '../support/docker.js';
import { devpodBackend, developerDockerfile, type DevpodBackend } from '../support/devpod-backend.js';
import { exec } from '../support/exec.js';
import type { FakeCall } from '../support/fakes.js';
import { makeWorkdir } from '../support/workdir.js';
import { workspaceUid } from '../../src/providers/devpod/steps.js';

const ns = uniqueName('dpr');
const dirs: string[] = [];
let backend: DevpodBackend;
let v1: { ref: string; digest: string; repo: string };
let v2: { ref: string; digest: string; repo: string };

const config_ = (name: string, image: string, extra = '') =>
  `version: "3.0"\nname: ${name}\ndeployment:\n  provider: devpod\n  image: ${image}\nextensions:\n  profile: minimal\n${extra}providers:\n  devpod:\n    type: docker\n`;
const config = (name: string, tag: string, extra = '') => config_(name, `${v1.repo}:${tag}`, extra);

function act(dir: string, inputs: Record<string, string> = {}, env: Record<string, string> = {}): Promise<ActionRun> {
  return runAction({ inputs: { timeout: '3m', ...inputs }, cwd: dir, node: '24', env: { ...backend.env, ...env }, timeoutMs: 240_000 });
}

const sub = (c: FakeCall) => c.argv.slice(0, c.argv[0] === 'provider' ? 2 : 1).join(' ');
const devpodCalls = () => backend.calls('devpod').map(sub);
const errorLines = (r: ActionRun) => r.stdout.split('\n').filter((l) => l.startsWith('::error'));

beforeAll(async () => {
  await requireServices();
  backend = devpodBackend([]);
  await buildImage(`${ns}-dev:1`, developerDockerfile(ns));
  v1 = await pushImage(`${ns}-dev:1`, `${ns}/dev`, '1');
  // v2: the same image and one more file; `bad` fails the health command below
  await buildImage(`${ns}-dev:2`, `${developerDockerfile(ns)}RUN echo v2 > /version\n`);
  v2 = await pushImage(`${ns}-dev:2`, `${ns}/dev`, '2');
  await cleanup({ images: [`${ns}-dev:1`, `${ns}-dev:2`] });
}, 180_000);

afterAll(async () => {
  await backend?.remove();
  await cleanup({ images: await imagesOf(`${REGISTRY}/${ns}/dev`) });
  await removeLabelledImages(ns);
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
}, 180_000);

describe('devpod contract: runners that share nothing on disk (issue 27)', () => {
  const name = `${ns}-fresh`;
  let dir: string;
  let first: string | undefined;

  it('first runner: deploys one workspace', async () => {
    dir = makeWorkdir('devpod-runners-', dirs, config(name, '1'));
    const r = await act(dir);
    expect(r.code, r.stdout).toBe(0);
    const found = await backend.resources(name);
    expect(found).toHaveLength(1);
    first = found[0]!.container;
  });

  it('a fresh runner, the same image: the running workspace is found and the deploy skipped; nothing new is started', async () => {
    backend.newRunner();
    backend.clearCalls();
    const r = await act(dir);
    expect(r.code, r.stdout).toBe(0);
    expect(r.outputs.skipped, r.stdout).toBe('true');
    expect(devpodCalls()).not.toContain('up');
    expect((await backend.resources(name)).map((x) => x.container)).toEqual([first]);
    // the container was found by one Engine API request in-process (ADR 0048, addendum): no docker process
    expect(r.stdout.split('\n')).toContain(
      `engine API: GET /containers/json?all=true&filters={"label":["dev.containers.id=${workspaceUid(name)}"]}`,
    );
    expect(r.stdout).not.toMatch(/^\$ docker /m);
  });

  it('a fresh runner, a new image: the same workspace is recreated with it, the old container is not left behind', async () => {
    backend.newRunner();
    backend.clearCalls();
    writeFileSync(join(dir, 'sindri.yaml'), config(name, '2'));
    const r = await act(dir);
    expect(r.code, r.stdout).toBe(0);
    expect(r.outputs.skipped).toBe('false');
    expect(r.outputs.image).toBe(`${v2.repo}@${v2.digest}`);
    const found = await backend.resources(name);
    expect(found).toHaveLength(1);
    expect(found[0]!.container).not.toBe(first);
    expect((await backend.workspace(name))?.running?.image ?? (await backend.workspace(name))?.running?.labels).toBeTruthy();
  });

  it("a fresh runner, destroy, a docker context in config.json: found through `docker ps` (the CLI's), removed", async () => {
    backend.newRunner();
    backend.clearCalls();
    const dockerConfig = await cliContextConfig(mkdtempSync(join(tmpdir(), 'devpod-runners-config-')));
    dirs.push(dockerConfig);
    const r = await act(dir, { mode: 'destroy' }, { DOCKER_CONFIG: dockerConfig });
    expect(r.code, r.stdout).toBe(0);
    expect(errorLines(r)).toEqual([]);
    expect(await backend.resources(name)).toEqual([]);
    expect(r.stdout).toContain('docker engine reads through the docker CLI (context sindri-it, which this action leaves to the CLI)');
    expect(r.stdout).toMatch(new RegExp(`^\\$ docker ps -a --no-trunc --filter label=dev\\.containers\\.id=${workspaceUid(name)} `, 'm'));
    expect(r.stdout).not.toContain('engine API: ');
  });
});

describe('devpod contract: the health check inside the workspace, and the rollback (issue 19)', () => {
  const name = `${ns}-health`;
  /** passes on v1, fails on v2 (which has /version); quotes of both kinds and a `$(…)` reach /bin/sh intact */
  const check = `[ "$(echo 'a  b')" = 'a  b' ] && echo "it's v1" && test ! -f /version`;
  const pinned = () => ({ v1: `${v1.repo}@${v1.digest}`, v2: `${v2.repo}@${v2.digest}` });
  let dir: string;

  it('a passing health-command: devpod ssh --command runs it with /bin/sh -c inside; healthy=true', async () => {
    dir = makeWorkdir('devpod-health-', dirs, config(name, '1'));
    backend.clearCalls();
    const r = await act(dir, { 'health-command': check, 'health-timeout': '20s' });
    expect(r.code, r.stdout).toBe(0);
    expect(r.outputs).toMatchObject({ healthy: 'true', 'rolled-back': 'false', 'previous-image': '' });
    const ssh = backend.calls('devpod').find((c) => c.argv[0] === 'ssh')!;
    expect(ssh.argv.slice(0, 2)).toEqual(['ssh', name]);
    expect(ssh.argv.at(-1)).toBe(`/bin/sh -c '${check.replace(/'/g, `'\\''`)}'`);
  });

  it('a skipped deploy with a health input still checks', async () => {
    backend.clearCalls();
    const r = await act(dir, { 'health-command': check, 'health-timeout': '20s' });
    expect(r.code, r.stdout).toBe(0);
    expect(r.outputs).toMatchObject({ skipped: 'true', healthy: 'true' });
    expect(devpodCalls()).toContain('ssh');
  });

  it('a new image failing its check, rollback: false: it stays, the line says so', async () => {
    writeFileSync(join(dir, 'sindri.yaml'), config(name, '2'));
    const r = await act(dir, { 'health-command': check, 'health-timeout': '4s', rollback: 'false' });
    expect(r.code).toBe(1);
    expect(errorLines(r)).toHaveLength(1);
    expect(errorLines(r)[0]).toMatch(/did not pass .* within \d+ s .*left running as it is \(rollback: false\)/);
    expect(r.outputs).toMatchObject({ healthy: 'false', 'rolled-back': 'false', 'previous-image': pinned().v1 });
    expect((await backend.resources(name)).length).toBe(1);
  });

  it('a new image failing its check: recreated with the previous digest, checked again, one line says what runs', async () => {
    // the workspace runs v2 now (left by the test before); v1 ran before that: put v1 back first
    writeFileSync(join(dir, 'sindri.yaml'), config(name, '1'));
    expect((await act(dir)).code).toBe(0);
    writeFileSync(join(dir, 'sindri.yaml'), config(name, '2'));
    backend.clearCalls();
    const r = await act(dir, { 'health-command': check, 'health-timeout': '4s' });
    expect(r.code).toBe(1);
    expect(errorLines(r)).toHaveLength(1);
    expect(errorLines(r)[0]).toContain(`rolled back to ${pinned().v1}, healthy`);
    expect(r.outputs).toMatchObject({ healthy: 'true', 'rolled-back': 'true', 'previous-image': pinned().v1 });
    const ups = backend.calls('devpod').filter((c) => c.argv[0] === 'up');
    expect(ups.map((c) => c.argv[c.argv.indexOf('--devcontainer-image') + 1])).toEqual([pinned().v2, pinned().v1]);
    expect(ups[1]!.argv).toContain('--recreate');
    expect((await backend.resources(name)).length).toBe(1);
    // a later runner sees what really runs: v1, so this deploy of v1 is a skip
    backend.newRunner();
    writeFileSync(join(dir, 'sindri.yaml'), config(name, '1'));
    const again = await act(dir);
    expect(again.outputs.skipped, again.stdout).toBe('true');
  });

  it('a first deploy failing its check cannot be rolled back: it says why and what to do', async () => {
    const first = makeWorkdir('devpod-health-', dirs, config(`${ns}-hfirst`, '2'));
    const r = await act(first, { 'health-command': 'exit 3', 'health-timeout': '3s' });
    expect(r.code).toBe(1);
    expect(errorLines(r)).toHaveLength(1);
    expect(errorLines(r)[0]).toMatch(
      /cannot be rolled back: there is no earlier image to restore .*Fix: debug it with devpod ssh \S+; fix the image/,
    );
    expect(r.outputs).toMatchObject({ healthy: 'false', 'rolled-back': 'false' });
  });
});

describe('devpod contract: two deploys of one workspace at once (issue 20, class 13)', () => {
  it('two runners deploying the same new workspace together: the conflict is named in one line (at least by the later one); destroy removes both containers', async () => {
    const name = `${ns}-twice`;
    const dir = makeWorkdir('devpod-twice-', dirs, config(name, '1'));
    // each run on its own fresh runner; a real `up` takes seconds between its lookup and its `docker run`
    // (the real devpod takes longer than that anyway)
    // (the stand-in: both lookups are made to happen before either container runs, whatever the machine's load)
    const barrier = mkdtempSync(join(tmpdir(), 'devpod-barrier-'));
    const homeB = mkdtempSync(join(tmpdir(), 'devpod-home-b-'));
    if (!backend.real)
      backend.fakes.setEnv({ ...backend.standInSettings, FAKE_DEVPOD_UP_DELAY_MS: '1000', FAKE_DEVPOD_UP_BARRIER: `${barrier}:2` });
    try {
      backend.newRunner();
      const a = act(dir);
      await new Promise((r) => setTimeout(r, 500));
      // b's fresh runner: a DEVPOD_HOME of its own, made beside a's (newRunner would delete a's while a runs)
      const b = act(dir, {}, { DEVPOD_HOME: homeB });
      const runs = await Promise.all([a, b]);
      expect((await backend.resources(name)).length, `${devpodCalls().join(', ')}\n${runs.map((r) => r.stdout).join('\n----\n')}`).toBe(2);
      // the run that starts its container last always sees the other's; the first may have checked before it existed
      const failed = runs.filter((r) => r.code !== 0);
      expect(failed.length, runs.map((r) => r.stdout).join('\n')).toBeGreaterThanOrEqual(1);
      for (const r of failed) {
        expect(errorLines(r)).toHaveLength(1);
        expect(errorLines(r)[0]).toMatch(
          /another deploy of workspace \S+ ran at the same time: 2 containers carry its uid .*Fix: let one deploy per workspace run at a time/,
        );
      }
    } finally {
      if (!backend.real) backend.fakes.setEnv(backend.standInSettings);
      rmSync(barrier, { recursive: true, force: true });
      rmSync(homeB, { recursive: true, force: true });
    }
    const d = await act(dir, { mode: 'destroy' });
    expect(d.code, d.stdout).toBe(0);
    expect(await backend.resources(name)).toEqual([]);
  });
});

/** has the recorded `devpod up` started? (polls the calls file for up to 10 s) */
function upStarted(): boolean {
  for (let i = 0; i < 100; i++) {
    if (backend.calls('devpod').some((c) => c.argv[0] === 'up')) return true;
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
  }
  return false;
}

describe('devpod contract: secrets in the workspace env file (issue 20, classes 1 and 3)', () => {
  const secretYaml = 'secrets:\n  - name: TLS_KEY\n    source: env\n    required: true\n';
  const pem = ['-----BEGIN PRIVATE KEY-----', 'MIIBVQIBADANBgkqhkiG9w0BAQEFAASCAT8wggE7AgEAAkEA', '-----END PRIVATE KEY-----', ''].join(
    '\n',
  );

  it("a PEM-shaped (multi-line) secret is refused by name before devpod is called: devpod's env file is one KEY=value per line", async () => {
    const dir = makeWorkdir('devpod-pem-', dirs, config(`${ns}-pem`, '1', secretYaml));
    backend.clearCalls();
    const r = await act(dir, {}, { TLS_KEY: pem });
    expect(r.code).toBe(1);
    expect(errorLines(r)).toHaveLength(1);
    expect(errorLines(r)[0]).toMatch(
      /secret TLS_KEY holds a line break, which devpod's --workspace-env-file cannot carry.*Fix: store it base64-encoded/,
    );
    expect(backend.calls('devpod')).toEqual([]);
    // masked (the runner consumes `::add-mask::`), never printed
    const printed = r.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::'));
    expect(printed.join('\n')).not.toContain('MIIBVQIBADANBgkqhkiG9w0BAQEFAASCAT8wggE7AgEAAkEA');
  });

  it('cancelled while devpod up reads the env file: it is under RUNNER_TEMP, registered for the post step before devpod reads it, gone after cancel + post', async () => {
    const dir = makeWorkdir('devpod-cancel-', dirs, config(`${ns}-cancel`, '1', secretYaml));
    backend.clearCalls();
    if (!backend.real) backend.fakes.setEnv({ ...backend.standInSettings, FAKE_DEVPOD_UP_DELAY_MS: '15000' });
    let main: ActionRun;
    try {
      main = await runAction({
        inputs: { timeout: '3m' },
        cwd: dir,
        node: '24',
        env: { ...backend.env, TLS_KEY: 'one-line-secret-value' },
        timeoutMs: 120_000,
        // once devpod has the file: its call is recorded as it starts (waited for here, the log says nothing more until up ends)
        cancelWhen: (out) => /\$ devpod up /.test(out) && upStarted(),
      });
    } finally {
      if (!backend.real) backend.fakes.setEnv(backend.standInSettings);
    }
    expect(main.code).not.toBe(0);
    const up = backend.calls('devpod').find((c) => c.argv[0] === 'up')!;
    const envFile = up.argv[up.argv.indexOf('--workspace-env-file') + 1]!;
    // cancelled while devpod read it: on SIGINT the run removes it itself as it unwinds; a harder stop
    // (SIGKILL after the runner's grace period) would leave it, and then the post step relies on this entry
    expect(main.stdout).not.toMatch(/workspace \S+ is running|nothing to do/);
    expect(up.envFiles[envFile]).toEqual({ mode: 0o600, names: ['TLS_KEY'] });
    expect(JSON.parse(main.state['temp-paths']!)).toContain(dirname(envFile));
    const post = await runAction({
      inputs: { timeout: '3m' },
      cwd: dir,
      node: '20',
      env: backend.env,
      state: main.state,
      timeoutMs: 60_000,
    });
    expect(post.code, post.stdout).toBe(0);
    expect(existsSync(envFile)).toBe(false);
    expect(existsSync(dirname(envFile))).toBe(false);
  });
});

describe('devpod contract: a private image is pulled where the workspace runs, with the login the inputs give (issue 26)', () => {
  it('docker type: devpod up gets a throw-away DOCKER_CONFIG with that registry only; the container runs the private digest', async () => {
    const dockerConfig = mkdtempSync(join(tmpdir(), 'dpr-docker-config-'));
    dirs.push(dockerConfig);
    const repo = `127.0.0.1:5001/${ns}/private`;
    const login = await exec('docker', ['--config', dockerConfig, 'login', '127.0.0.1:5001', '-u', 'testuser', '--password-stdin'], {
      input: 'testpass',
      allowFailure: true,
    });
    expect(login.code, login.stderr).toBe(0);
    await exec('docker', ['pull', '-q', v1.ref]);
    await exec('docker', ['tag', v1.ref, `${repo}:1`]);
    await exec('docker', ['--config', dockerConfig, 'push', '-q', `${repo}:1`]);
    // not on the engine any more: devpod's docker driver must pull it, with credentials
    await cleanup({ images: [`${repo}:1`, v1.ref, `${v1.repo}@${v1.digest}`] });
    const name = `${ns}-private`;
    const dir = makeWorkdir('devpod-private-', dirs, config_(name, `${repo}:1`));
    backend.clearCalls();
    const r = await act(dir, { 'registry-username': 'testuser', 'registry-password': 'testpass' });
    expect(r.code, r.stdout).toBe(0);
    const up = backend.calls('devpod').find((c) => c.argv[0] === 'up')!;
    expect(up.envNames).toContain('DOCKER_CONFIG');
    expect(up.argv.join(' ')).not.toContain('testpass');
    expect((await backend.resources(name)).length).toBe(1);
    await cleanup({ images: [`${repo}:1`] });
  });
});
