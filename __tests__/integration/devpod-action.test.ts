/**
 * Issue 8 through the action itself — CONTRACT tests: `node dist/index.js` with INPUT_* env on Node 20
 * and 24, `devpod` and `kind` replaced by the recording stand-ins (__tests__/support/fakes/devpod.cjs,
 * kind.cjs: argv, cwd, env-file names and mode; JSON answers shaped as devpod's own source prints
 * them). Everything else is real: the image is resolved and pinned against the REAL registry at
 * 127.0.0.1:5000, local builds run on the REAL Docker engine and pushes go to the REAL registry.
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAction, type ActionRun } from '../support/action.js';
import {
  BASE_IMAGE,
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
import { installFakes, type FakeCall, type Fakes } from '../support/fakes.js';
import { makeWorkdir } from '../support/workdir.js';

const ns = uniqueName('dpa');
const dirs: string[] = [];
const localImages: string[] = [];
let fakes: Fakes;
let app: { ref: string; digest: string; repo: string };

interface FakeWorkspace {
  id: string;
  provider: string;
  image: string;
  devcontainerPath: string;
  state: string;
  devcontainer: Record<string, unknown>;
  envNames: string[];
  ups: number;
  running: unknown;
}
interface DevpodState {
  providers: Record<string, { options: Record<string, string> }>;
  workspaces: FakeWorkspace[];
}

const workdir = (yaml: string, files: Record<string, string> = {}): string => makeWorkdir('devpod-action-', dirs, yaml, files);

const yaml = (name: string, deployment: string, devpod: string, extra = '') =>
  `version: "3.0"\nname: ${name}\ndeployment:\n  provider: devpod\n${deployment}extensions:\n  profile: minimal\n${extra}providers:\n  devpod:\n${devpod}`;

function act(dir: string, inputs: Record<string, string>, node: '20' | '24', env: Record<string, string> = {}): Promise<ActionRun> {
  return runAction({ inputs: { timeout: '3m', ...inputs }, cwd: dir, node, env: { ...fakes.env, ...env }, timeoutMs: 240_000 });
}

const devpodCalls = (): FakeCall[] => fakes.calls('devpod');
const sub = (c: FakeCall) => c.argv.slice(0, c.argv[0] === 'provider' ? 2 : 1).join(' ');
const state = () => fakes.state<DevpodState>('devpod');
const ws = (id: string) => state().workspaces?.find((w) => w.id === id);
const readDoc = (dir: string, path = '.devcontainer/devcontainer.json') =>
  JSON.parse(readFileSync(join(dir, path), 'utf8')) as Record<string, unknown>;
const flag = (argv: string[], name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);

function filesUnder(dir: string): { path: string; text: string }[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .map((p) => ({ path: p, text: readFileSync(p, 'utf8') }));
}

beforeAll(async () => {
  await requireServices();
  fakes = installFakes(['devpod', 'kind', 'k3d']);
  fakes.setState('kind', { clusters: ['dev'], loaded: [] });
  fakes.setState('k3d', { clusters: ['lab'], loaded: [] });
  await buildImage(`${ns}-dev:1.0.0`, `FROM ${BASE_IMAGE}\nLABEL ${TEST_LABEL}=${ns}\n`);
  app = await pushImage(`${ns}-dev:1.0.0`, `${ns}/dev`, '1.0.0');
  await cleanup({ images: [`${ns}-dev:1.0.0`, app.ref] });
}, 180_000);

afterAll(async () => {
  const images = [...localImages, ...(await imagesOf(`${REGISTRY}/${ns}/dev`)), ...(await imagesOf(`${REGISTRY}/${ns}/built`))];
  await cleanup({ images });
  await removeLabelledImages(ns);
  fakes?.remove();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
}, 180_000);

describe('devpod contract: a prebuilt image, a secret, an unchanged redeploy, destroy', () => {
  const name = `${ns}-pre`;
  const secret = `s3cr3t-${Math.random().toString(36).slice(2)}-value`;
  let dir: string;

  it('deploy on Node 24: devcontainer.json names the pinned digest, devpod up runs it, no build; the secret reaches only the 0600 env file', async () => {
    fakes.clearCalls();
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
    expect(calls.map(sub)).toEqual(['provider list', 'provider add', 'list', 'up']);
    const up = calls.at(-1)!;
    expect(up.cwd).toBe(dir);
    expect(up.argv.slice(0, 9)).toEqual(['up', '.', '--id', name, '--ide', 'none', '--provider', 'docker', '--devcontainer-path']);
    expect(flag(up.argv, '--devcontainer-image')).toBe(pinned);
    expect(up.argv).not.toContain('--recreate');
    expect(r.stdout).not.toMatch(/\$ docker (buildx )?build/);
    expect(ws(name)).toMatchObject({ image: pinned, state: 'Running', provider: 'docker' });

    // the secret: in the env file only (names and mode as devpod saw them), then the file is gone
    const envFile = flag(up.argv, '--workspace-env-file')!;
    expect(up.envFiles[envFile]).toEqual({ mode: 0o600, names: ['DEVPOD_TOKEN'] });
    expect(envFile.startsWith(dir)).toBe(false);
    expect(existsSync(envFile)).toBe(false);
    expect(ws(name)?.envNames).toEqual(['DEVPOD_TOKEN']);
    for (const c of fakes.calls()) expect(c.argv.join(' ')).not.toContain(secret);
    // masked first (the runner consumes `::add-mask::`), then never printed, output or written
    expect(r.stdout).toContain(`::add-mask::${secret}`);
    const printed = r.stdout.replace(`::add-mask::${secret}`, '');
    for (const text of [printed, r.stderr, r.summary, JSON.stringify(r.outputs)]) expect(text).not.toContain(secret);
    for (const f of filesUnder(dir)) expect(f.text, f.path).not.toContain(secret);
  });

  it('redeploy on Node 20, same digest and workspace running: skipped=true, no devpod up', async () => {
    fakes.clearCalls();
    const r = await act(dir, {}, '20', { DEVPOD_TOKEN: secret });
    expect(r.code, r.stdout).toBe(0);
    expect(r.outputs.skipped).toBe('true');
    expect(devpodCalls().map(sub)).toEqual(['provider list', 'list', 'status']);
    expect(r.stdout).not.toContain('$ devpod up');
    expect(ws(name)?.ups).toBe(1);
  });

  it('force recreates the workspace', async () => {
    fakes.clearCalls();
    const r = await act(dir, { force: 'true' }, '24', { DEVPOD_TOKEN: secret });
    expect(r.code, r.stdout).toBe(0);
    expect(r.outputs.skipped).toBe('false');
    expect(devpodCalls().at(-1)!.argv).toContain('--recreate');
  });

  it('a missing required secret fails with one line before devpod is called', async () => {
    fakes.clearCalls();
    const r = await act(dir, {}, '20', { DEVPOD_TOKEN: '' });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/::error[^\n]*required secret DEVPOD_TOKEN is not set\.[^\n]*Fix:/);
    expect(devpodCalls()).toEqual([]);
  });

  it('destroy on Node 24: devpod delete --force, the generated files go', async () => {
    fakes.clearCalls();
    const r = await act(dir, { mode: 'destroy' }, '24');
    expect(r.code, r.stdout).toBe(0);
    expect(devpodCalls().map((c) => c.argv.join(' '))).toEqual(['list --output json', `delete ${name} --force`]);
    expect(ws(name)).toBeUndefined();
    expect(existsSync(join(dir, '.devcontainer'))).toBe(false);
    expect(existsSync(join(dir, 'sindri.yaml'))).toBe(true);
  });
});

describe('devpod contract: where the Dockerfile is built', () => {
  const dockerfile = () => `FROM ${app.repo}@${app.digest}\nLABEL ${TEST_LABEL}=${ns}\nLABEL stage=devpod-test\n`;

  it('docker type + Dockerfile on Node 20: devcontainer.json has build.dockerfile, the action builds nothing', async () => {
    fakes.clearCalls();
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
    expect(ws(name)?.devcontainer.build).toEqual(doc.build);
  });

  it('a workspace created from an image, now a Dockerfile devpod builds (Node 24): deleted first, since its stored image would win over build', async () => {
    const name = `${ns}-switch`;
    const dir = workdir(yaml(name, `  image: ${app.repo}:1.0.0\n`, '    type: docker\n'));
    expect((await act(dir, {}, '24')).code).toBe(0);
    expect(ws(name)?.image).toBe(`${app.repo}@${app.digest}`);
    fakes.clearCalls();
    writeFileSync(join(dir, 'sindri.yaml'), yaml(name, '', '    type: docker\n'));
    writeFileSync(join(dir, 'Dockerfile'), dockerfile());
    const r = await act(dir, {}, '24');
    expect(r.code, r.stdout).toBe(0);
    expect(devpodCalls().map(sub)).toEqual(['provider list', 'list', 'status', 'delete', 'up']);
    expect(ws(name)?.image).toBe('');
    expect(ws(name)?.running).toEqual({ build: { dockerfile: '../Dockerfile', context: '..' } });
  });

  it('kubernetes on a kind-* context (Node 24): built on the real engine, kind load, image is the loaded tag', async () => {
    fakes.clearCalls();
    const name = `${ns}-kind`;
    const tag = `${name}:local`;
    localImages.push(tag);
    const dir = workdir(yaml(name, '', '    type: kubernetes\n    kubernetes:\n      context: kind-dev\n      namespace: workspaces\n'), {
      Dockerfile: dockerfile(),
    });
    const r = await act(dir, {}, '24');
    expect(r.code, r.stdout).toBe(0);
    const built = await imageInspect(tag);
    expect(built?.Config.Labels?.stage).toBe('devpod-test');
    expect(fakes.calls('kind').map((c) => c.argv)).toEqual([['load', 'docker-image', tag, '--name', 'dev']]);
    expect(fakes.state<{ loaded: unknown[] }>('kind').loaded).toContainEqual({ cluster: 'dev', image: tag });
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
    expect(fakes.calls().map((c) => `${c.tool} ${c.argv.slice(0, 2).join(' ')}`)).toEqual([
      'devpod provider list',
      'kind load docker-image',
      'devpod provider add',
      'devpod list --output',
      'devpod up .',
    ]);
  });

  it("kubernetes without a context in sindri.yaml (Node 20): the kubeconfig's current k3d-* context decides, k3d image import", async () => {
    fakes.clearCalls();
    const name = `${ns}-k3d`;
    const tag = `${name}:local`;
    localImages.push(tag);
    const dir = workdir(yaml(name, '', '    type: kubernetes\n'), {
      Dockerfile: dockerfile(),
      'kube/config':
        'apiVersion: v1\nkind: Config\ncurrent-context: k3d-lab\ncontexts:\n  - name: k3d-lab\n    context: { cluster: k3d-lab, user: admin }\n',
    });
    const r = await act(dir, {}, '20', { KUBECONFIG: join(dir, 'kube/config') });
    expect(r.code, r.stdout).toBe(0);
    expect(fakes.calls('k3d').map((c) => c.argv)).toEqual([['image', 'import', tag, '--cluster', 'lab']]);
    expect(fakes.calls('kind')).toEqual([]);
    expect(readDoc(dir).image).toBe(tag);
    expect(
      devpodCalls().find((c) => sub(c) === 'provider add')?.argv ?? devpodCalls().find((c) => sub(c) === 'provider set-options')?.argv,
    ).toContain('KUBERNETES_CONTEXT=k3d-lab');
  });

  it('aws without buildRepository (Node 20): one line naming the key, nothing built, devpod never called', async () => {
    fakes.clearCalls();
    const name = `${ns}-nobuildrepo`;
    const dir = workdir(yaml(name, '', '    type: aws\n    aws:\n      region: eu-west-1\n'), { Dockerfile: dockerfile() });
    const r = await act(dir, {}, '20');
    expect(r.code).toBe(1);
    const errors = r.stdout.split('\n').filter((l) => l.startsWith('::error'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/providers\.devpod\.buildRepository is not set.*Fix: set providers\.devpod\.buildRepository/);
    expect(r.stdout).not.toMatch(/\$ docker (buildx )?build/);
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at /);
    expect(fakes.calls()).toEqual([]);
    expect(await imageInspect(`${name}:local`)).toBeUndefined();
  });

  it('devpod missing from PATH and not installable (Node 24): one line, checked before anything is built or written', async () => {
    fakes.clearCalls();
    const name = `${ns}-nodevpod`;
    const dir = workdir(yaml(name, '', '    type: kubernetes\n    kubernetes:\n      context: kind-dev\n'), { Dockerfile: dockerfile() });
    const r = await act(dir, {}, '24', { PATH: process.env.PATH! });
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
    fakes.clearCalls();
    const name = `${ns}-cloud`;
    const repo = `${REGISTRY}/${ns}/built`;
    localImages.push(`${repo}:local`);
    const dir = workdir(yaml(name, '', `    type: gcp\n    buildRepository: ${repo}\n    gcp:\n      project: p-1\n`), {
      Dockerfile: dockerfile(),
    });
    const r = await act(dir, {}, '24');
    expect(r.code, r.stdout).toBe(0);
    const digest = await registryDigest(`${ns}/built`, 'local');
    expect(readDoc(dir).image).toBe(`${repo}@${digest}`);
    expect(r.outputs).toMatchObject({ image: `${repo}@${digest}`, 'image-digest': digest, built: 'true' });
    const up = devpodCalls().at(-1)!;
    expect(flag(up.argv, '--devcontainer-image')).toBe(`${repo}@${digest}`);
    expect(flag(up.argv, '--provider')).toBe('gcloud');
    expect(devpodCalls().find((c) => sub(c) === 'provider add')!.argv).toEqual(
      expect.arrayContaining(['gcloud', 'PROJECT=p-1', 'ZONE=us-central1-a', 'MACHINE_TYPE=e2-standard-4']),
    );
  });
});

describe("devpod contract: a user's own devcontainer.json, name-suffix, provider options, plan", () => {
  it("is left alone: ours goes beside it, devpod is pointed there, destroy keeps the user's file", async () => {
    fakes.clearCalls();
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

    fakes.clearCalls();
    const d = await act(dir, { mode: 'destroy', 'name-suffix': 'pr-42' }, '24');
    expect(d.code, d.stdout).toBe(0);
    expect(devpodCalls().at(-1)!.argv).toEqual(['delete', id, '--force']);
    expect(readFileSync(join(dir, '.devcontainer/devcontainer.json'), 'utf8')).toBe(own);
    expect(existsSync(join(dir, '.devcontainer/sindri'))).toBe(false);
  });

  it('devpod up fails on a new workspace (Node 20): one line, the half-created workspace is deleted again', async () => {
    const name = `${ns}-upfail`;
    fakes.setState('devpod', { ...state(), failUp: 'create container: Error response from daemon: no space left on device' });
    fakes.clearCalls();
    const dir = workdir(yaml(name, `  image: ${app.repo}:1.0.0\n`, '    type: docker\n'));
    const r = await act(dir, {}, '20');
    expect(r.code).toBe(1);
    const errors = r.stdout.split('\n').filter((l) => l.startsWith('::error'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /devpod up .* failed with exit code 1: fatal create container: .*no space left on device; the new workspace \S+ was deleted again\. Fix: /,
    );
    expect(ws(name)).toBeUndefined();
    expect(devpodCalls().at(-1)!.argv).toEqual(['delete', name, '--force']);
    expect(r.outputs.image).toBe(`${app.repo}@${app.digest}`);
  });

  it('options that devpod already holds are not set again; changed ones are set with set-options', async () => {
    const name = `${ns}-opts`;
    fakes.setState('devpod', {
      ...state(),
      providers: {
        ...state().providers,
        aws: { options: { AWS_REGION: 'us-west-2', AWS_INSTANCE_TYPE: 'c5.xlarge', AWS_DISK_SIZE: '40' } },
      },
    });
    fakes.clearCalls();
    const dir = workdir(yaml(name, `  image: ${app.repo}:1.0.0\n`, '    type: aws\n    aws:\n      region: eu-central-1\n'));
    const r = await act(dir, {}, '24');
    expect(r.code, r.stdout).toBe(0);
    const set = devpodCalls().filter((c) => sub(c) === 'provider set-options');
    expect(set.map((c) => c.argv)).toEqual([['provider', 'set-options', 'aws', '-o', 'AWS_REGION=eu-central-1']]);
    expect(devpodCalls().some((c) => sub(c) === 'provider add')).toBe(false);
    expect(state().providers.aws!.options.AWS_REGION).toBe('eu-central-1');
  });

  it('plan renders devcontainer.json and the commands, and calls no devpod command', async () => {
    fakes.clearCalls();
    const name = `${ns}-plan`;
    const dir = workdir(yaml(name, `  image: ${app.repo}:1.0.0\n`, '    type: docker\n'));
    const r = await act(dir, { mode: 'plan' }, '24');
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toContain('--- .devcontainer/devcontainer.json');
    expect(r.stdout).toContain(`"image": "${app.repo}@${app.digest}"`);
    expect(r.stdout).toMatch(/would run: devpod up \. --id [^\n]+ --devcontainer-image/);
    expect(fakes.calls()).toEqual([]);
    expect(existsSync(join(dir, '.devcontainer'))).toBe(false);
  });
});
