/**
 * Issue 8 through the action itself — CONTRACT tests: `node dist/index.js` with INPUT_* env on Node 20
 * and 24. `devpod` is what __tests__/support/devpod-backend.ts gives: the strict stand-in of devpod
 * v0.6.15 (fakes/devpod.cjs) by default, or with SINDRI_TEST_DEVPOD=real the REAL devpod CLI and its
 * docker provider (GitHub's runners); either way behind a recorder, so the argv, cwd and env-file names
 * and mode the action sent are read back, and what a workspace is comes from the backend. `kind` and
 * `k3d` are stand-ins (fakes/kind.cjs, k3d.cjs). Everything else is real: the image is resolved and
 * pinned against the REAL registry at 127.0.0.1:5000, local builds run on the REAL Docker engine and
 * pushes go to the REAL registry. Where the real CLI cannot do what the stand-in pretends (a
 * Kubernetes context or a cloud account this runner does not have), the test asserts the same calls up
 * to that point and then the one error line the real refusal gives.
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAction, type ActionRun } from '../support/action.js';
import {
  buildImage,
  cleanup,
  imageInspect,
  imagesOf,
  pushImage,
  REGISTRY,
  registryDigest,
  removeLabelledImages,
  requireServices,
  TEST_LABEL,
  uniqueName,
} from '../support/docker.js';
import { devpodBackend, developerDockerfile, type DevpodBackend, type WorkspaceView } from '../support/devpod-backend.js';
import type { FakeCall } from '../support/fakes.js';
import { makeWorkdir } from '../support/workdir.js';

const ns = uniqueName('dpa');
const dirs: string[] = [];
const localImages: string[] = [];
let backend: DevpodBackend;
let app: { ref: string; digest: string; repo: string };

const workdir = (yaml: string, files: Record<string, string> = {}): string => makeWorkdir('devpod-action-', dirs, yaml, files);

const yaml = (name: string, deployment: string, devpod: string, extra = '') =>
  `version: "3.0"\nname: ${name}\ndeployment:\n  provider: devpod\n${deployment}extensions:\n  profile: minimal\n${extra}providers:\n  devpod:\n${devpod}`;

function act(dir: string, inputs: Record<string, string>, node: '20' | '24', env: Record<string, string> = {}): Promise<ActionRun> {
  return runAction({ inputs: { timeout: '3m', ...inputs }, cwd: dir, node, env: { ...backend.env, ...env }, timeoutMs: 240_000 });
}

const devpodCalls = (): FakeCall[] => backend.calls('devpod');
const sub = (c: FakeCall) => c.argv.slice(0, c.argv[0] === 'provider' ? 2 : 1).join(' ');
const ws = (id: string): Promise<WorkspaceView | undefined> => backend.workspace(id);
const errorLines = (r: ActionRun) => r.stdout.split('\n').filter((l) => l.startsWith('::error'));
const readDoc = (dir: string, path = '.devcontainer/devcontainer.json') =>
  JSON.parse(readFileSync(join(dir, path), 'utf8')) as Record<string, unknown>;
const flag = (argv: string[], name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);

/** devpod runs an image built from the Dockerfile: the stand-in was asked for this build; a real container's image carries the Dockerfile's label */
function expectRunsBuild(w: WorkspaceView | undefined, build: unknown): void {
  if (backend.real) expect(w?.running?.labels?.stage).toBe('devpod-test');
  else expect(w?.running).toEqual({ build });
}

/**
 * The real devpod refusing what this runner cannot host (a Kubernetes context, a cloud account): one
 * error line naming that devpod command with devpod's own message, and a fix. The stand-in succeeds there.
 */
function expectRealRefusal(r: ActionRun, command: RegExp): void {
  expect(r.code, r.stdout).toBe(1);
  expect(errorLines(r)).toHaveLength(1);
  expect(errorLines(r)[0]).toMatch(command);
  expect(errorLines(r)[0]).toMatch(/failed with exit code \d+: \S.*Fix: /);
}

function filesUnder(dir: string): { path: string; text: string }[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .map((p) => ({ path: p, text: readFileSync(p, 'utf8') }));
}

beforeAll(async () => {
  await requireServices();
  backend = devpodBackend(['kind', 'k3d']);
  backend.fakes.setState('kind', { clusters: ['dev'], loaded: [] });
  backend.fakes.setState('k3d', { clusters: ['lab'], loaded: [] });
  await buildImage(`${ns}-dev:1.0.0`, developerDockerfile(ns));
  app = await pushImage(`${ns}-dev:1.0.0`, `${ns}/dev`, '1.0.0');
  await cleanup({ images: [`${ns}-dev:1.0.0`, app.ref] });
}, 180_000);

afterAll(async () => {
  const images = [...localImages, ...(await imagesOf(`${REGISTRY}/${ns}/dev`)), ...(await imagesOf(`${REGISTRY}/${ns}/built`))];
  await cleanup({ images });
  await removeLabelledImages(ns);
  await backend?.remove();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
}, 180_000);

describe('devpod contract: a prebuilt image, a secret, an unchanged redeploy, destroy', () => {
  const name = `${ns}-pre`;
  const secret = `s3cr3t-${Math.random().toString(36).slice(2)}-value`;
  let dir: string;
  /** what runs the workspace after the first deploy */
  let generation: string | undefined;

  it('deploy on Node 24: devcontainer.json names the pinned digest, devpod up runs it, no build; the secret reaches only the 0600 env file', async () => {
    backend.clearCalls();
    dir = workdir(
      yaml(
        name,
        `  image: ${app.repo}:1.0.0\n`,
        '    type: docker\n',
        'secrets:\n  - name: DEVPOD_TOKEN\n    source: env\n    required: true\n',
      ),
    );
    const r = await act(dir, {}, '24', { DEVPOD_TOKEN: secret });
    expect(r.code, r.stdout).toBe(0);
    const pinned = `${app.repo}@${app.digest}`;
    expect(r.outputs).toMatchObject({
      provider: 'devpod',
      name,
      image: pinned,
      'image-digest': app.digest,
      built: 'false',
      skipped: 'false',
      url: '',
    });
    const result = JSON.parse(r.outputs.result!) as { extra: Record<string, string>; connect: string };
    expect(result.extra['workspace-id']).toBe(name);
    expect(result.connect).toBe(`devpod ssh ${name}`);
    expect(r.summary).toContain(`devpod ssh ${name}`);

    const doc = readDoc(dir);
    expect(doc.image).toBe(pinned);
    expect(doc.build).toBeUndefined();
    expect(doc.containerEnv).not.toHaveProperty('DEVPOD_TOKEN');

    const calls = devpodCalls();
    // a fresh DEVPOD_HOME holds no provider, so no workspace either: no `devpod list` (issue 25)
    expect(calls.map(sub)).toEqual(['provider list', 'provider add', 'up']);
    const up = calls.at(-1)!;
    expect(up.cwd).toBe(dir);
    expect(up.argv.slice(0, 9)).toEqual(['up', '.', '--id', name, '--ide', 'none', '--provider', 'docker', '--devcontainer-path']);
    expect(flag(up.argv, '--devcontainer-image')).toBe(pinned);
    expect(up.argv).not.toContain('--recreate');
    expect(r.stdout).not.toMatch(/\$ docker (buildx )?build/);
    const w = await ws(name);
    expect(w).toMatchObject({ image: pinned, state: 'Running', provider: 'docker' });
    expect(w?.generation).toBeTruthy();
    generation = w?.generation;

    // the secret: in the env file only (names and mode as devpod saw them), then the file is gone
    const envFile = flag(up.argv, '--workspace-env-file')!;
    expect(up.envFiles[envFile]).toEqual({ mode: 0o600, names: ['DEVPOD_TOKEN'] });
    expect(envFile.startsWith(dir)).toBe(false);
    expect(existsSync(envFile)).toBe(false);
    expect(w?.envNames).toContain('DEVPOD_TOKEN');
    for (const c of backend.calls()) expect(c.argv.join(' ')).not.toContain(secret);
    // masked first (the runner consumes `::add-mask::`), then never printed, output or written
    expect(r.stdout).toContain(`::add-mask::${secret}`);
    const printed = r.stdout.replace(`::add-mask::${secret}`, '');
    for (const text of [printed, r.stderr, r.summary, JSON.stringify(r.outputs)]) expect(text).not.toContain(secret);
    for (const f of filesUnder(dir)) expect(f.text, f.path).not.toContain(secret);
  });

  it('redeploy on Node 20, same digest and workspace running: skipped=true, no devpod up', async () => {
    backend.clearCalls();
    const r = await act(dir, {}, '20', { DEVPOD_TOKEN: secret });
    expect(r.code, r.stdout).toBe(0);
    expect(r.outputs.skipped).toBe('true');
    expect(devpodCalls().map(sub)).toEqual(['provider list', 'list', 'status']);
    expect(r.stdout).not.toContain('$ devpod up');
    expect((await ws(name))?.generation).toBe(generation);
  });

  it('force recreates the workspace', async () => {
    backend.clearCalls();
    const r = await act(dir, { force: 'true' }, '24', { DEVPOD_TOKEN: secret });
    expect(r.code, r.stdout).toBe(0);
    expect(r.outputs.skipped).toBe('false');
    expect(devpodCalls().at(-1)!.argv).toContain('--recreate');
    expect((await ws(name))?.generation).not.toBe(generation);
  });

  it('a missing required secret fails with one line before devpod is called', async () => {
    backend.clearCalls();
    const r = await act(dir, {}, '20', { DEVPOD_TOKEN: '' });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/::error[^\n]*required secret DEVPOD_TOKEN is not set\.[^\n]*Fix:/);
    expect(devpodCalls()).toEqual([]);
  });

  it('destroy on Node 24: devpod delete --force, the generated files go', async () => {
    backend.clearCalls();
    const r = await act(dir, { mode: 'destroy' }, '24');
    expect(r.code, r.stdout).toBe(0);
    expect(devpodCalls().map((c) => c.argv.join(' '))).toEqual(['list --output json', `delete ${name} --force`]);
    expect(await ws(name)).toBeUndefined();
    expect(existsSync(join(dir, '.devcontainer'))).toBe(false);
    expect(existsSync(join(dir, 'sindri.yaml'))).toBe(true);
  });
});

describe('devpod contract: where the Dockerfile is built', () => {
  const dockerfile = () => `FROM ${app.repo}@${app.digest}\nLABEL ${TEST_LABEL}=${ns}\nLABEL stage=devpod-test\n`;

  it('docker type + Dockerfile on Node 20: devcontainer.json has build.dockerfile, the action builds nothing', async () => {
    backend.clearCalls();
    const name = `${ns}-dfile`;
    const dir = workdir(yaml(name, '', '    type: docker\n'), { 'deploy/Dockerfile': dockerfile() });
    const r = await act(dir, { 'build-args': 'GREETING=hi' }, '20');
    expect(r.code, r.stdout).toBe(0);
    expect(r.outputs).toMatchObject({ 'image-source': 'dockerfile', dockerfile: 'deploy/Dockerfile', built: 'true' });
    const doc = readDoc(dir);
    expect(doc.build).toEqual({ dockerfile: '../deploy/Dockerfile', context: '..', args: { GREETING: 'hi' } });
    expect(doc.image).toBeUndefined();
    expect(r.stdout).not.toMatch(/\$ docker (buildx )?build/);
    const up = devpodCalls().at(-1)!;
    expect(up.argv[0]).toBe('up');
    expect(up.argv).not.toContain('--devcontainer-image');
    expectRunsBuild(await ws(name), doc.build);
  });

  it("a workspace created from an image, now a Dockerfile devpod builds (Node 24): deleted first, so devpod's record no longer names the old image", async () => {
    const name = `${ns}-switch`;
    const dir = workdir(yaml(name, `  image: ${app.repo}:1.0.0\n`, '    type: docker\n'));
    expect((await act(dir, {}, '24')).code).toBe(0);
    expect((await ws(name))?.image).toBe(`${app.repo}@${app.digest}`);
    backend.clearCalls();
    writeFileSync(join(dir, 'sindri.yaml'), yaml(name, '', '    type: docker\n'));
    writeFileSync(join(dir, 'Dockerfile'), dockerfile());
    const r = await act(dir, {}, '24');
    expect(r.code, r.stdout).toBe(0);
    expect(devpodCalls().map(sub)).toEqual(['provider list', 'list', 'status', 'delete', 'up']);
    const w = await ws(name);
    expect(w?.image).toBe('');
    expectRunsBuild(w, { dockerfile: '../Dockerfile', context: '..' });
  });

  it('kubernetes on a kind-* context (Node 24): built on the real engine, kind load, image is the loaded tag', async () => {
    backend.clearCalls();
    const name = `${ns}-kind`;
    const tag = `${name}:local`;
    localImages.push(tag);
    const dir = workdir(yaml(name, '', '    type: kubernetes\n    kubernetes:\n      context: kind-dev\n      namespace: workspaces\n'), {
      Dockerfile: dockerfile(),
      // no cluster is reachable through it: the real devpod cannot start a pod (the stand-in pretends)
      'kube/config': 'apiVersion: v1\nkind: Config\nclusters: []\ncontexts: []\nusers: []\n',
    });
    const r = await act(dir, {}, '24', { KUBECONFIG: join(dir, 'kube/config') });
    if (!backend.real) expect(r.code, r.stdout).toBe(0);
    const built = await imageInspect(tag);
    expect(built?.Config.Labels?.stage).toBe('devpod-test');
    expect(backend.calls('kind').map((c) => c.argv)).toEqual([['load', 'docker-image', tag, '--name', 'dev']]);
    expect(backend.fakes.state<{ loaded: unknown[] }>('kind').loaded).toContainEqual({ cluster: 'dev', image: tag });
    expect(readDoc(dir).image).toBe(tag);
    const calls = devpodCalls();
    const add = calls.find((c) => sub(c) === 'provider add')!;
    expect(add.argv).toEqual([
      'provider',
      'add',
      'kubernetes',
      '-o',
      'KUBERNETES_CONTEXT=kind-dev',
      '-o',
      'KUBERNETES_NAMESPACE=workspaces',
    ]);
    expect(flag(calls.at(-1)!.argv, '--devcontainer-image')).toBe(tag);
    expect(flag(calls.at(-1)!.argv, '--provider')).toBe('kubernetes');
    // devpod answers first (is it there at all?), then the build and load, then devpod changes anything
    const order = backend.calls().map((c) => `${c.tool} ${c.argv.slice(0, 2).join(' ')}`);
    expect(order.slice(0, 5)).toEqual([
      'devpod provider list',
      'kind load docker-image',
      'devpod provider add',
      'devpod list --output',
      'devpod up .',
    ]);
    if (backend.real) {
      expectRealRefusal(r, /`devpod up \. --id \S+ --ide none --provider kubernetes .*; the new workspace \S+ was deleted again\./);
      expect(await ws(name)).toBeUndefined();
    } else expect(order).toHaveLength(5);
  });

  it("kubernetes without a context in sindri.yaml (Node 20): the kubeconfig's current k3d-* context decides, k3d image import", async () => {
    backend.clearCalls();
    const name = `${ns}-k3d`;
    const tag = `${name}:local`;
    localImages.push(tag);
    const dir = workdir(yaml(name, '', '    type: kubernetes\n'), {
      Dockerfile: dockerfile(),
      'kube/config':
        'apiVersion: v1\nkind: Config\ncurrent-context: k3d-lab\ncontexts:\n  - name: k3d-lab\n    context: { cluster: k3d-lab, user: admin }\n',
    });
    const r = await act(dir, {}, '20', { KUBECONFIG: join(dir, 'kube/config') });
    expect(backend.calls('k3d').map((c) => c.argv)).toEqual([['image', 'import', tag, '--cluster', 'lab']]);
    expect(backend.fakes.state<{ loaded: unknown[] }>('k3d').loaded).toContainEqual({ cluster: 'lab', image: tag });
    expect(backend.calls('kind')).toEqual([]);
    expect(readDoc(dir).image).toBe(tag);
    expect(
      devpodCalls().find((c) => sub(c) === 'provider add')?.argv ?? devpodCalls().find((c) => sub(c) === 'provider set-options')?.argv,
    ).toContain('KUBERNETES_CONTEXT=k3d-lab');
    // the kubeconfig names no cluster: the real devpod cannot start a pod there (the stand-in pretends)
    if (backend.real) expectRealRefusal(r, /`devpod up \. --id \S+ .*--provider kubernetes .*; the new workspace \S+ was deleted again\./);
    else expect(r.code, r.stdout).toBe(0);
  });

  it('aws without buildRepository (Node 20): one line naming the key, nothing built, devpod never called', async () => {
    backend.clearCalls();
    const name = `${ns}-nobuildrepo`;
    const dir = workdir(yaml(name, '', '    type: aws\n    aws:\n      region: eu-west-1\n'), { Dockerfile: dockerfile() });
    const r = await act(dir, {}, '20');
    expect(r.code).toBe(1);
    const errors = r.stdout.split('\n').filter((l) => l.startsWith('::error'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/providers\.devpod\.buildRepository is not set.*Fix: set providers\.devpod\.buildRepository/);
    expect(r.stdout).not.toMatch(/\$ docker (buildx )?build/);
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at /);
    expect(backend.calls()).toEqual([]);
    expect(await imageInspect(`${name}:local`)).toBeUndefined();
  });

  it('devpod missing from PATH and not installable (Node 24): one line, checked before anything is built or written', async () => {
    backend.clearCalls();
    const name = `${ns}-nodevpod`;
    const dir = workdir(yaml(name, '', '    type: kubernetes\n    kubernetes:\n      context: kind-dev\n'), { Dockerfile: dockerfile() });
    const r = await act(dir, {}, '24', { PATH: backend.pathWithoutDevpod() });
    expect(r.code).toBe(1);
    const errors = r.stdout.split('\n').filter((l) => l.startsWith('::error'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /^::error::env SINDRI_TOOL_MIRROR: download of http:\/\/127\.0\.0\.1:9\/loft-sh\/devpod\/.* failed.*Fix: check that the mirror serves/,
    );
    expect(r.stdout).not.toMatch(/\$ docker (buildx )?build/);
    expect(await imageInspect(`${name}:local`)).toBeUndefined();
    expect(existsSync(join(dir, '.devcontainer'))).toBe(false);
  });

  it('gcp with buildRepository (Node 24): built, pushed to the real registry, the pushed digest deployed with the gcloud provider', async () => {
    backend.clearCalls();
    const name = `${ns}-cloud`;
    const repo = `${REGISTRY}/${ns}/built`;
    localImages.push(`${repo}:local`);
    const dir = workdir(yaml(name, '', `    type: gcp\n    buildRepository: ${repo}\n    gcp:\n      project: p-1\n`), {
      Dockerfile: dockerfile(),
    });
    const r = await act(dir, {}, '24');
    const digest = await registryDigest(`${ns}/built`, 'local');
    expect(devpodCalls().find((c) => sub(c) === 'provider add')!.argv).toEqual(
      expect.arrayContaining(['gcloud', 'PROJECT=p-1', 'ZONE=us-central1-a', 'MACHINE_TYPE=e2-standard-4']),
    );
    if (backend.real) {
      // no Google Cloud account on this runner: the real gcloud provider cannot be configured
      expectRealRefusal(r, /`devpod provider add gcloud -o PROJECT=p-1 .*Fix: check providers\.devpod for gcloud/);
      expect(devpodCalls().map(sub)).not.toContain('up');
      return;
    }
    expect(r.code, r.stdout).toBe(0);
    expect(readDoc(dir).image).toBe(`${repo}@${digest}`);
    expect(r.outputs).toMatchObject({ image: `${repo}@${digest}`, 'image-digest': digest, built: 'true' });
    const up = devpodCalls().at(-1)!;
    expect(flag(up.argv, '--devcontainer-image')).toBe(`${repo}@${digest}`);
    expect(flag(up.argv, '--provider')).toBe('gcloud');
  });
});

describe("devpod contract: a user's own devcontainer.json, name-suffix, provider options, plan", () => {
  it("is left alone: ours goes beside it, devpod is pointed there, destroy keeps the user's file", async () => {
    backend.clearCalls();
    const name = `${ns}-user`;
    const own = '// my own\n{ "image": "mcr.microsoft.com/devcontainers/base" }\n';
    const dir = workdir(yaml(name, `  image: ${app.repo}:1.0.0\n`, '    type: docker\n'), { '.devcontainer/devcontainer.json': own });
    const r = await act(dir, { 'name-suffix': 'pr-42' }, '20');
    expect(r.code, r.stdout).toBe(0);
    const id = `${name}-pr-42`;
    expect(JSON.parse(r.outputs.result!).extra['workspace-id']).toBe(id);
    expect(readFileSync(join(dir, '.devcontainer/devcontainer.json'), 'utf8')).toBe(own);
    expect(readDoc(dir, '.devcontainer/sindri/devcontainer.json').image).toBe(`${app.repo}@${app.digest}`);
    expect(flag(devpodCalls().at(-1)!.argv, '--devcontainer-path')).toBe('.devcontainer/sindri/devcontainer.json');
    expect(flag(devpodCalls().at(-1)!.argv, '--id')).toBe(id);

    backend.clearCalls();
    const d = await act(dir, { mode: 'destroy', 'name-suffix': 'pr-42' }, '24');
    expect(d.code, d.stdout).toBe(0);
    expect(devpodCalls().at(-1)!.argv).toEqual(['delete', id, '--force']);
    expect(readFileSync(join(dir, '.devcontainer/devcontainer.json'), 'utf8')).toBe(own);
    expect(existsSync(join(dir, '.devcontainer/sindri'))).toBe(false);
  });

  it('devpod up fails on a new workspace (Node 20): one line, the half-created workspace is deleted again', async () => {
    const name = `${ns}-upfail`;
    // the real engine has no GPU to give (`--gpus all`); the stand-in is told to fail
    backend.failNextUp('create container: Error response from daemon: no space left on device');
    backend.clearCalls();
    const gpu = '  resources:\n    gpu:\n      enabled: true\n      type: nvidia\n';
    const dir = workdir(yaml(name, `  image: ${app.repo}:1.0.0\n${gpu}`, '    type: docker\n'));
    const r = await act(dir, {}, '20');
    expect(r.code).toBe(1);
    const errors = errorLines(r);
    expect(errors).toHaveLength(1);
    // devpod's own message, without its time stamp and colours
    expect(errors[0]).toMatch(/devpod up .* failed with exit code 1: [^\x1b]+; the new workspace \S+ was deleted again\. Fix: /);
    expect(errors[0]).not.toMatch(/\d\d:\d\d:\d\d fatal|\\u001b/);
    if (!backend.real) expect(errors[0]).toContain('exit code 1: create container: Error response from daemon: no space left on device;');
    expect(await ws(name)).toBeUndefined();
    expect(devpodCalls().at(-1)!.argv).toEqual(['delete', name, '--force']);
    expect(r.outputs.image).toBe(`${app.repo}@${app.digest}`);
  });

  it('options that devpod already holds are not set again; changed ones are set with set-options', async () => {
    const name = `${ns}-opts`;
    // real: a local provider file named aws with those options, running on the runner's Docker engine
    await backend.seedProvider('aws', { AWS_REGION: 'us-west-2', AWS_INSTANCE_TYPE: 'c5.xlarge', AWS_DISK_SIZE: '40' });
    backend.clearCalls();
    const dir = workdir(yaml(name, `  image: ${app.repo}:1.0.0\n`, '    type: aws\n    aws:\n      region: eu-central-1\n'));
    const r = await act(dir, {}, '24');
    expect(r.code, r.stdout).toBe(0);
    const set = devpodCalls().filter((c) => sub(c) === 'provider set-options');
    expect(set.map((c) => c.argv)).toEqual([['provider', 'set-options', 'aws', '-o', 'AWS_REGION=eu-central-1']]);
    expect(devpodCalls().some((c) => sub(c) === 'provider add')).toBe(false);
    expect((await backend.providerOptions('aws'))?.AWS_REGION).toBe('eu-central-1');
  });

  it('plan renders devcontainer.json and the commands, and asks devpod only what it holds (read-only)', async () => {
    backend.clearCalls();
    const name = `${ns}-plan`;
    const dir = workdir(yaml(name, `  image: ${app.repo}:1.0.0\n`, '    type: docker\n'));
    const r = await act(dir, { mode: 'plan' }, '24');
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toContain('--- .devcontainer/devcontainer.json');
    expect(r.stdout).toContain(`"image": "${app.repo}@${app.digest}"`);
    expect(r.stdout).toMatch(/would run: devpod up \. --id [^\n]+ --devcontainer-image/);
    // the live diff's one read (ADR 0044): DEVPOD_HOME only, nothing created
    expect(backend.calls().map((c) => c.argv)).toEqual([['list', '--skip-pro', '--output', 'json']]);
    expect(r.stdout).toContain(`+ create workspace ${name}`);
    expect(await ws(name)).toBeUndefined();
    expect(existsSync(join(dir, '.devcontainer'))).toBe(false);
  });
});
