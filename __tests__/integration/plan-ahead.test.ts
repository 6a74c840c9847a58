/**
 * Issue 25 (ADR 0050, 0052) through `node dist/index.js`: a plan that builds nothing works out the provider's
 * plan (its live read of the engine) while the tools' PATH version probes still run, and its log still
 * reads in the usual order. Proved without a clock: the compose plugin's `version` (the install step's
 * probe) answers only once the plan has asked the engine; a plan that waited for the probe first would
 * never let it answer (it gives up after 10 s and fails, so the tool is not "on PATH").
 * Stand-ins: an engine on a unix socket of the test's own (DOCKER_HOST) that marks the first request
 * and has no containers (the plan reads it in-process, ADR 0048), a compose plugin in DOCKER_CONFIG
 * that waits for that mark. No real engine or registry is needed. The same for a Kubernetes deploy
 * (ADR 0052): its in-process read of the cluster runs beside the `kubectl version --client` probe,
 * which answers only once the stand-in API server has been asked; and a Fly deploy's read of Fly's API
 * beside the `flyctl version` probe.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeBinary, runAction } from '../support/action.js';
import { FakeKubeApiServer } from '../support/fake-kube-apiserver.js';
import { testKubectl } from '../support/kube-cluster.js';
import { installFakes } from '../support/fakes.js';
import { startFlyApi } from '../support/fly-api.js';

let root: string;
let bin: string;
let dockerConfig: string;
let mark: string;
let engine: Server;
const asked: string[] = [];

function script(path: string, body: string): void {
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
}

/**
 * A folder for PATH whose `<tool>` runs `real`, but answers `<tool> version` only once `requests` has
 * seen its first request (the probe waits up to 10 s, then fails: the tool's version is then unknown).
 */
function probeWaitingFor(work: string, tool: string, real: string, requests: unknown[]): string {
  const mark = join(work, 'asked');
  const dir = join(work, 'bin');
  mkdirSync(dir);
  const push = requests.push.bind(requests);
  requests.push = (...items) => {
    writeFileSync(mark, '');
    return push(...items);
  };
  script(
    join(dir, tool),
    [
      'if [ "$1" = version ]; then',
      '  i=0',
      `  while [ ! -e '${mark}' ]; do i=$((i+1)); if [ $i -gt 200 ]; then echo 'no read ran beside the probe' >&2; exit 1; fi; sleep 0.05; done`,
      'fi',
      `exec '${real}' "$@"`,
    ].join('\n'),
  );
  return dir;
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'plan-ahead-'));
  bin = join(root, 'bin');
  dockerConfig = join(root, 'docker-config');
  mark = join(root, 'docker-started');
  mkdirSync(bin);
  mkdirSync(join(dockerConfig, 'cli-plugins'), { recursive: true });
  // the engine: /info, an empty container list, no container by any name
  engine = createServer((req, res) => {
    asked.push(`${req.method} ${req.url}`);
    writeFileSync(mark, '');
    const json = (status: number, body: unknown) => res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
    if (req.url === '/info') json(200, { NCPU: 2, Runtimes: { runc: {} }, ServerVersion: '20.10.24' });
    else if (req.url?.startsWith('/containers/json')) json(200, []);
    else json(404, { message: `No such container: ${req.url}` });
  });
  await new Promise<void>((r) => engine.listen(join(root, 'engine.sock'), r));
  script(
    join(dockerConfig, 'cli-plugins', 'docker-compose'),
    [
      'if [ "$1" = docker-cli-plugin-metadata ]; then echo \'{"SchemaVersion":"0.1.0","Vendor":"test","Version":"v2.30.0"}\'; exit 0; fi',
      'i=0',
      `while [ ! -e '${mark}' ]; do i=$((i+1)); if [ $i -gt 200 ]; then echo 'no plan ran beside the probe' >&2; exit 1; fi; sleep 0.05; done`,
      'echo "Docker Compose version v2.30.0"',
    ].join('\n'),
  );
});

afterAll(async () => {
  await new Promise((r) => engine?.close(r));
  rmSync(root, { recursive: true, force: true });
});

describe('plan works out the provider plan beside the tool probes, and prints it in its turn', () => {
  it('the compose probe answers only because the plan already read the engine; groups in the usual order', async () => {
    const cwd = mkdtempSync(join(root, 'work-'));
    writeFileSync(
      join(cwd, 'sindri.yaml'),
      `version: "3.0"\nname: ahead\ndeployment:\n  provider: docker\n  image: ghcr.io/pacphi/sindri@sha256:${'c'.repeat(64)}\nextensions:\n  profile: minimal\n`,
    );
    const r = await runAction({
      inputs: { mode: 'plan', 'pin-digest': 'false' },
      cwd,
      node: '24',
      env: {
        PATH: [bin, dirname(nodeBinary('24')), '/usr/bin', '/bin'].join(delimiter),
        DOCKER_CONFIG: dockerConfig,
        DOCKER_HOST: `unix://${join(root, 'engine.sock')}`,
      },
      timeoutMs: 60_000,
    });
    expect(r.code, r.stdout).toBe(0);
    const result = JSON.parse(r.outputs.result!) as { tools: { name: string; version: string; source: string }[] };
    // on PATH at 2.30.0: the probe saw the plan ask the engine while it ran
    expect(asked).toContain('GET /info');
    expect(result.tools).toEqual([expect.objectContaining({ name: 'compose', version: '2.30.0', source: 'path' })]);
    const groups = r.stdout.split('\n').filter((l) => l.startsWith('::group::'));
    expect(groups).toEqual([
      '::group::Load sindri.yaml',
      '::group::Resolve image',
      '::group::Install tools',
      '::group::Verify image',
      '::group::Plan (docker)',
      '::group::Plan details: generated files and commands',
    ]);
    // the plan's own lines inside its group, after the tools' lines, though they ran first
    const plan = r.stdout.slice(r.stdout.indexOf('::group::Plan (docker)'));
    expect(plan.slice(0, plan.indexOf('::endgroup::'))).toContain('engine API: GET /info');
    expect(r.stdout.indexOf('compose 2.30.0: on PATH')).toBeLessThan(r.stdout.indexOf('::group::Plan (docker)'));
    expect(r.stdout).toContain('+ create container ahead');
  });
});

describe('a Kubernetes deploy reads what runs now beside the tool probes (ADR 0052), and prints it in its turn', () => {
  it('the kubectl probe answers only because the deploy already read the cluster; groups and lines in the usual order (contract: stand-in API server)', async () => {
    const api = new FakeKubeApiServer();
    await api.start();
    try {
      const work = mkdtempSync(join(root, 'kube-'));
      // the first request the cluster sees lets the probe answer
      const kubeBin = probeWaitingFor(work, 'kubectl', testKubectl(), api.requests);
      api.writeKubeconfig(join(work, 'kubeconfig'), ['ci']);
      writeFileSync(
        join(work, 'sindri.yaml'),
        `version: "3.0"\nname: kahead\ndeployment:\n  provider: kubernetes\n  image: 127.0.0.1:5000/ahead/app@sha256:${'e'.repeat(64)}\nextensions:\n  profile: minimal\nproviders:\n  kubernetes:\n    namespace: ahead\n`,
      );
      mkdirSync(join(work, 'docker'));
      const r = await runAction({
        inputs: { 'pin-digest': 'false', timeout: '2m' },
        cwd: work,
        node: '24',
        env: {
          PATH: [kubeBin, dirname(nodeBinary('24')), '/usr/bin', '/bin'].join(delimiter),
          KUBECONFIG: join(work, 'kubeconfig'),
          KUBECACHEDIR: join(work, 'cache'),
          DOCKER_CONFIG: join(work, 'docker'),
        },
        timeoutMs: 60_000,
      });
      expect(r.code, r.stdout).toBe(0);
      const result = JSON.parse(r.outputs.result!) as { tools: { name: string; version: string; source: string }[] };
      // on PATH at 1.32.3: the probe saw the deploy read the cluster while it ran
      expect(result.tools).toEqual([expect.objectContaining({ name: 'kubectl', version: '1.32.3', source: 'path' })]);
      expect(r.stdout.split('\n').filter((l) => l.startsWith('::group::'))).toEqual([
        '::group::Load sindri.yaml',
        '::group::Resolve image',
        '::group::Install tools',
        '::group::Verify image',
        '::group::Deploy (kubernetes)',
      ]);
      // the read's lines inside the deploy's group, before the apply's, though the read ran first
      const deploy = r.stdout.slice(r.stdout.indexOf('::group::Deploy (kubernetes)'));
      const inDeploy = deploy.slice(0, deploy.indexOf('::endgroup::'));
      expect(inDeploy.indexOf('context ci: the API server answered')).toBeGreaterThan(-1);
      expect(inDeploy.indexOf('context ci: the API server answered')).toBeLessThan(inDeploy.indexOf('serverside-applied'));
      expect(r.stdout.indexOf('context ci: the API server answered')).toBeGreaterThan(r.stdout.indexOf('::group::Deploy (kubernetes)'));
      expect(api.get('deployments', 'ahead', 'kahead')).toBeDefined();
    } finally {
      await api.stop();
    }
  }, 90_000);
});

describe('a Fly deploy reads the app from Fly’s API beside the tool probes (ADR 0052), and prints it in its turn', () => {
  it('the flyctl probe answers only because the deploy already asked Fly’s API; groups and lines in the usual order (contract: flyctl and Fly API stand-ins)', async () => {
    const fakes = installFakes(['flyctl']);
    const token = 'fo1_ahead';
    const api = await startFlyApi({ stateDir: fakes.stateDir, tokens: [token] });
    fakes.setState('flyctl', { orgs: ['acme'] });
    try {
      const work = mkdtempSync(join(root, 'fly-'));
      // the first request Fly's API sees lets the probe answer
      const flyBin = probeWaitingFor(work, 'flyctl', join(fakes.binDir, 'flyctl'), api.requests);
      writeFileSync(
        join(work, 'sindri.yaml'),
        'version: "3.0"\nname: flyahead\ndeployment:\n  provider: fly\nextensions:\n  profile: minimal\nproviders:\n  fly:\n    region: ord\n    organization: acme\n',
      );
      const r = await runAction({
        inputs: { image: '127.0.0.1:5000/ahead/fly', 'image-digest': `sha256:${'f'.repeat(64)}`, 'pin-digest': 'false', verify: 'false' },
        cwd: work,
        node: '24',
        env: { ...fakes.env, ...api.env, FLY_API_TOKEN: token, PATH: `${flyBin}${delimiter}${fakes.env.PATH}` },
        timeoutMs: 60_000,
      });
      expect(r.code, r.stdout).toBe(0);
      const result = JSON.parse(r.outputs.result!) as { tools: { name: string; version: string; source: string }[] };
      // on PATH at the stand-in's version: the probe saw the deploy ask Fly's API while it ran
      expect(result.tools).toEqual([expect.objectContaining({ name: 'flyctl', version: '0.4.87', source: 'path' })]);
      expect(r.stdout.split('\n').filter((l) => l.startsWith('::group::'))).toEqual([
        '::group::Load sindri.yaml',
        '::group::Resolve image',
        '::group::Install tools',
        '::group::Verify image',
        '::group::Deploy (fly)',
      ]);
      const deploy = r.stdout.slice(r.stdout.indexOf('::group::Deploy (fly)'));
      const inDeploy = deploy.slice(0, deploy.indexOf('::endgroup::'));
      expect(inDeploy).toMatch(/reading app flyahead, its machines, volumes, addresses from .* in-process/);
      // read once, ahead: the deploy did not ask again
      expect(api.requests.filter((q) => q.method === 'POST' && q.path === '/graphql')).toHaveLength(1);
      expect(fakes.calls('flyctl').map((c) => c.argv[0])).not.toContain('status');
    } finally {
      await api.close();
      fakes.remove();
    }
  }, 90_000);
});
