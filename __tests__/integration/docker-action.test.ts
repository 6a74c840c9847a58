/**
 * Issue 3 through the action itself: `node dist/index.js` with INPUT_* env, on Node 20 and 24, on the
 * REAL Docker engine and the REAL registry at 127.0.0.1:5000. Resolution, pinning, deploy, skip,
 * build, destroy and secrets, checked from the outside (outputs, summary, engine state, files).
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAction, type ActionRun } from '../support/action.js';
import {
  buildImage,
  cleanup,
  containerInspect,
  containersByName,
  imageInspect,
  imagesOf,
  projectResources,
  pushImage,
  pushTestBase,
  REGISTRY,
  removeLabelledImages,
  requireServices,
  testDockerfile,
  uniqueName,
  volumeExists,
} from '../support/docker.js';
import { makeWorkdir } from '../support/workdir.js';

const ns = uniqueName('act');
const names: string[] = [];
const dirs: string[] = [];
let base: { ref: string; digest: string; repo: string };
let app: { repo: string; digest10: string; digest12: string };

const workdir = (yaml: string, files: Record<string, string> = {}): string => makeWorkdir('docker-action-', dirs, yaml, files);

function newName(what: string): string {
  const n = `${ns}-${what}`;
  names.push(n);
  return n;
}

const yaml = (name: string, deployment: string, extra = '') =>
  `version: "3.0"\nname: ${name}\ndeployment:\n  provider: docker\n${deployment}\nextensions:\n  profile: minimal\nproviders:\n  docker:\n    network: host\n${extra}`;

function act(dir: string, inputs: Record<string, string>, node: '20' | '24', env: Record<string, string> = {}): Promise<ActionRun> {
  return runAction({ inputs: { timeout: '2m', ...inputs }, cwd: dir, node, env, timeoutMs: 240_000 });
}

/** every file under dir, recursively, with its text */
function filesUnder(dir: string): { path: string; text: string }[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .map((p) => ({ path: p, text: readFileSync(p, 'utf8') }));
}

beforeAll(async () => {
  await requireServices();
  base = await pushTestBase(`${ns}/base`, ns);
  await buildImage(`${ns}-app:1.0.0`, testDockerfile(base.ref, { extra: 'LABEL version=1.0.0' }));
  await buildImage(`${ns}-app:1.2.0`, testDockerfile(base.ref, { extra: 'LABEL version=1.2.0' }));
  const p10 = await pushImage(`${ns}-app:1.0.0`, `${ns}/app`, '1.0.0');
  const p12 = await pushImage(`${ns}-app:1.2.0`, `${ns}/app`, 'v1.2.0');
  await cleanup({ images: [`${ns}-app:1.0.0`, `${ns}-app:1.2.0`, p10.ref, p12.ref, base.ref] });
  app = { repo: p12.repo, digest10: p10.digest, digest12: p12.digest };
}, 180_000);

afterAll(async () => {
  await cleanup({ containers: names, projects: names.map((n) => `sindri-${n}`), volumes: names.map((n) => `${n}_home`) });
  const images = [...(await imagesOf(`${REGISTRY}/${ns}/app`)), ...(await imagesOf(`${REGISTRY}/${ns}/base`))];
  for (const n of names) images.push(...(await imagesOf(n)));
  await cleanup({ images });
  await removeLabelledImages(ns);
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
}, 180_000);

describe('docker through the action: prebuilt, semver-resolved, pinned', () => {
  let name: string;
  let dir: string;

  it('(a) deploy on Node 24: the container runs exactly the digest the registry reports for the highest ^1 tag', async () => {
    name = newName('semver');
    dir = workdir(
      yaml(
        name,
        `  image_config:\n    registry: ${app.repo}\n    version: ^1.0.0\n    verify_signature: false\n    verify_provenance: false`,
      ),
    );
    const r = await act(dir, {}, '24');
    expect(r.code, r.stdout).toBe(0);
    expect(r.outputs).toMatchObject({
      provider: 'docker',
      name,
      'image-source': 'config-version',
      image: `${app.repo}@${app.digest12}`,
      'image-digest': app.digest12,
      built: 'false',
      skipped: 'false',
      dockerfile: '',
    });
    const running = await containerInspect(name);
    expect(running?.Config.Image).toBe(`${app.repo}@${app.digest12}`);
    expect((await imageInspect(running!.Image))!.RepoDigests).toContain(`${app.repo}@${app.digest12}`);
    expect(r.stdout).not.toMatch(/\$ docker (buildx )?build/);
    expect(JSON.parse(r.outputs.result!).trace.find((t: { source: string }) => t.source === 'config-version').reason).toMatch(/v1\.2\.0/);
    expect(r.summary).toContain(`\`${app.repo}@${app.digest12}\``);
  });

  it('(e) redeploy on Node 20: same digest, nothing done, skipped=true', async () => {
    const before = await containerInspect(name);
    const r = await act(dir, {}, '20');
    expect(r.code, r.stdout).toBe(0);
    expect(r.outputs.skipped).toBe('true');
    expect((await containerInspect(name))?.Id).toBe(before?.Id);
    expect(r.stdout).not.toMatch(/\$ docker (pull|compose .* up)/);
  });

  it('an input image-digest (CI build) wins and replaces the container', async () => {
    const r = await act(dir, { image: app.repo, 'image-digest': app.digest10 }, '24');
    expect(r.code, r.stdout).toBe(0);
    expect(r.outputs).toMatchObject({ 'image-source': 'input-digest', image: `${app.repo}@${app.digest10}`, skipped: 'false' });
    expect((await containerInspect(name))?.Config.Image).toBe(`${app.repo}@${app.digest10}`);
  });

  it('(f) destroy leaves no container, volume, network or generated file', async () => {
    const r = await act(dir, { mode: 'destroy' }, '24');
    expect(r.code, r.stdout).toBe(0);
    expect(await containersByName(name)).toEqual([]);
    expect(await volumeExists(`${name}_home`)).toBe(false);
    expect(await projectResources(`sindri-${name}`)).toEqual({ containers: [], volumes: [], networks: [] });
    expect(readdirSync(dir)).toEqual(['sindri.yaml']);
  });
});

describe('docker through the action: built from ./deploy/Dockerfile', () => {
  it('(b) on Node 20: builds <name>:local, runs it, built=true, dockerfile=deploy/Dockerfile; destroy cleans up', async () => {
    const name = newName('built');
    const dir = workdir(yaml(name, ''), { 'deploy/Dockerfile': `ARG BASE=scratch\n${testDockerfile('${BASE}')}` });
    const r = await act(dir, { 'build-args': `BASE=${base.ref}` }, '20');
    expect(r.code, r.stdout).toBe(0);
    expect(r.outputs).toMatchObject({ 'image-source': 'dockerfile', dockerfile: 'deploy/Dockerfile', built: 'true', skipped: 'false' });
    expect(r.outputs.image).toBe(`${name}:local`);
    expect(r.stdout).toMatch(/\$ docker (buildx )?build/);
    const running = await containerInspect(name);
    expect(running?.Config.Image).toMatch(new RegExp(`${name}:local`));
    const destroyed = await act(dir, { mode: 'destroy' }, '20');
    expect(destroyed.code, destroyed.stdout).toBe(0);
    expect(await containersByName(name)).toEqual([]);
  });
});

describe('(g) a secret seeded in the env', () => {
  const SECRET = `s3cr3t-${Math.random().toString(36).slice(2)}-value`;

  it('reaches the container and never a log line, output, summary or file left on disk', async () => {
    const name = newName('secret');
    const dir = workdir(
      yaml(name, `  image: ${app.repo}:1.0.0`, '') + `secrets:\n  - name: API_TOKEN\n    source: env\n    required: true\n`,
    );
    const r = await act(dir, {}, '24', { API_TOKEN: SECRET });
    expect(r.code, r.stdout).toBe(0);
    const env = (await containerInspect(name))!.Config.Env;
    expect(env).toContain(`API_TOKEN=${SECRET}`);
    const logs = r.stdout.replace(/^::add-mask::.*$/gm, '') + r.stderr;
    expect(logs).not.toContain(SECRET);
    expect(r.summary).not.toContain(SECRET);
    expect(JSON.stringify(r.outputs)).not.toContain(SECRET);
    for (const f of filesUnder(dir)) expect(f.text, f.path).not.toContain(SECRET);
    expect(existsSync(join(dir, '.sindri-secrets.env'))).toBe(false);
    expect(statSync(join(dir, 'sindri-compose.yml')).isFile()).toBe(true);
    expect(r.stdout).toMatch(new RegExp(`^::add-mask::${SECRET}$`, 'm'));
    const destroyed = await act(dir, { mode: 'destroy' }, '24');
    expect(destroyed.code).toBe(0);
  });

  it('a missing required secret fails with one line before anything starts', async () => {
    const name = newName('nosecret');
    const dir = workdir(
      yaml(name, `  image: ${app.repo}:1.0.0`, '') + `secrets:\n  - name: API_TOKEN\n    source: env\n    required: true\n`,
    );
    const r = await act(dir, {}, '20');
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n').filter((l) => l.startsWith('::error'))).toHaveLength(1);
    expect(r.stdout).toMatch(/::error.*API_TOKEN/);
    expect(r.stdout).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(await containersByName(name)).toEqual([]);
    // refused right after the config loads (ADR 0025): no registry call, no image decided, nothing pulled
    expect(r.outputs.image).toBeUndefined();
    expect(r.stdout).not.toContain('Resolve image');
  });
});

describe('docker through the action: preview environments (name-suffix)', () => {
  it('two suffixes from one config run side by side, and destroy with a suffix removes exactly that one', async () => {
    const name = newName('preview');
    const pr1 = `${name}-pr-1`;
    const pr2 = `${name}-pr-2`;
    names.push(pr1, pr2);
    const dir = workdir(yaml(name, `  image: ${app.repo}@${app.digest10}`));
    const one = await act(dir, { 'name-suffix': 'pr-1' }, '24');
    expect(one.code, one.stdout).toBe(0);
    const two = await act(dir, { 'name-suffix': 'pr-2' }, '20');
    expect(two.code, two.stdout).toBe(0);
    // output name is the config's; deployed-name the container the engine runs
    expect([one.outputs.name, one.outputs['deployed-name'], two.outputs['deployed-name']]).toEqual([name, pr1, pr2]);
    expect((await containerInspect(pr1))?.Config.Image).toBe(`${app.repo}@${app.digest10}`);
    expect((await containerInspect(pr2))?.Config.Image).toBe(`${app.repo}@${app.digest10}`);
    expect(await volumeExists(`${pr1}_home`)).toBe(true);
    expect(await containersByName(name)).toEqual([]);

    const gone = await act(dir, { mode: 'destroy', 'name-suffix': 'pr-1' }, '24');
    expect(gone.code, gone.stdout).toBe(0);
    expect(gone.outputs['deployed-name']).toBe(pr1);
    expect(await containersByName(pr1)).toEqual([]);
    expect(await volumeExists(`${pr1}_home`)).toBe(false);
    expect(await projectResources(`sindri-${pr1}`)).toEqual({ containers: [], volumes: [], networks: [] });
    expect((await containersByName(pr2)).map((c) => c.state)).toEqual(['running']);

    expect((await act(dir, { mode: 'destroy', 'name-suffix': 'pr-2' }, '24')).code).toBe(0);
    expect(await containersByName(pr2)).toEqual([]);
  }, 240_000);
});
