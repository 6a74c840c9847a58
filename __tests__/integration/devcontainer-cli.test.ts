/**
 * The devcontainer.json files the devpod provider generates, read and started by the REAL Dev
 * Containers CLI (@devcontainers/cli, node_modules/.bin/devcontainer) on the REAL Docker engine, with
 * images in the REAL registry at 127.0.0.1:5000:
 *   - `read-configuration` accepts the file generated for every upstream example whose provider is
 *     devpod (prebuilt image, and the same config with a Dockerfile: build.dockerfile);
 *   - `up` starts a container that runs exactly the pinned digest, and one built from a Dockerfile.
 * Only for this engine (no bridge network) the test adds host networking to the file before `up`:
 * `runArgs: ["--network=host"]` and `build.options: ["--network=host"]`; users' files do not need them.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfigText } from '../../src/config/load.js';
import { devpodSteps } from '../../src/providers/devpod/steps.js';
import type { ProviderContext } from '../../src/providers/types.js';
import { ROOT } from '../support/action.js';
import {
  buildDecision,
  buildImage,
  cleanup,
  containerInspect,
  docker,
  imageInspect,
  pinnedDecision,
  pushImage,
  removeLabelledImages,
  requireServices,
  TEST_LABEL,
  uniqueName,
} from '../support/docker.js';
import { developerDockerfile } from '../support/devpod-backend.js';
import { testInputs } from '../support/inputs.js';
import { runParts } from '../support/exec.js';

const run = promisify(execFile);
const CLI = join(ROOT, 'node_modules', '.bin', 'devcontainer');
const EXAMPLES = join(ROOT, '__tests__', 'fixtures', 'sindri-examples');
const ns = uniqueName('dcli');
/** the CLI finds (and reuses) a container by its id labels: one per test */
const idLabel = (what: string) => `org.sindri.deploy-action.devcontainer-test=${ns}-${what}`;
const dirs: string[] = [];
let pushed: { ref: string; digest: string; repo: string };

/** The CLI fetches a control manifest from containers.dev unless a fresh one is on disk (recipes/README). */
function writeControlManifest(): void {
  const dir = join(tmpdir(), `devcontainercli-${userInfo().username}`);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'control-manifest.json');
  writeFileSync(file, JSON.stringify({ disallowedFeatures: [], featureAdvisories: [] }));
  const now = new Date();
  utimesSync(file, now, now);
}

async function devcontainer(args: string[]): Promise<Record<string, unknown>> {
  writeControlManifest();
  try {
    const { stdout } = await run(CLI, args, { timeout: 240_000, maxBuffer: 32 * 1024 * 1024 });
    return JSON.parse(stdout.trim().split('\n').pop()!) as Record<string, unknown>;
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; message: string };
    throw new Error(`devcontainer ${args[0]} failed: ${err.stdout ?? ''}\n${(err.stderr ?? err.message).slice(-3000)}`);
  }
}

function ctxFor(yamlText: string, file: string, image: ProviderContext['image'], dir: string): ProviderContext {
  const path = join(dir, 'sindri.yaml');
  writeFileSync(path, yamlText);
  const config = loadConfigText(yamlText, { file, path, dir, schema: false }).config;
  return { inputs: testInputs({ provider: 'devpod' }), config, provider: 'devpod', ...runParts(), workdir: dir, image };
}

/** Generate and write the devcontainer.json exactly as deploy does; returns its absolute path and object. */
function generate(ctx: ProviderContext): { path: string; doc: Record<string, unknown> } {
  const steps = devpodSteps(ctx, { secretNames: ['SOME_SECRET'], userDevcontainer: false });
  const path = join(ctx.workdir, steps.devcontainerPath);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, steps.devcontainer.json);
  return { path, doc: steps.devcontainer.doc };
}

function workdir(): string {
  const d = mkdtempSync(join(tmpdir(), 'devcontainer-cli-'));
  dirs.push(d);
  return d;
}

/** what this engine (no bridge) needs, added by the test only */
function hostNetworkOnly(path: string): void {
  const doc = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown> & { build?: Record<string, unknown> };
  doc.runArgs = [...((doc.runArgs as string[] | undefined) ?? []), '--network=host'];
  if (doc.build) doc.build.options = ['--network=host'];
  writeFileSync(path, JSON.stringify(doc, null, 2));
}

const devpodExamples = readdirSync(EXAMPLES)
  .filter((f) => /provider:\s*devpod\b/.test(readFileSync(join(EXAMPLES, f), 'utf8')))
  .sort();

const DEVELOPER = developerDockerfile(ns);

beforeAll(async () => {
  await requireServices();
  await buildImage(`${ns}-dev:1`, DEVELOPER);
  pushed = await pushImage(`${ns}-dev:1`, `${ns}/dev`, '1');
  // the engine must pull by digest, as devpod would: nothing of it stays local
  await cleanup({ images: [`${ns}-dev:1`, pushed.ref] });
}, 180_000);

afterAll(async () => {
  const ids: string[] = [];
  for (const what of ['image', 'build'])
    ids.push(...(await docker(['ps', '-aq', '--filter', `label=${idLabel(what)}`])).split('\n').filter(Boolean));
  await cleanup({ containers: ids, volumes: [`${ns}-image_home`, `${ns}-build_home`] });
  await cleanup({ images: [`${pushed?.repo}@${pushed?.digest}`] });
  await removeLabelledImages(ns);
  const vsc = (await docker(['image', 'ls', '--format', '{{.Repository}}', '--filter', `label=${TEST_LABEL}=${ns}`]))
    .split('\n')
    .filter(Boolean);
  await cleanup({ images: vsc });
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
}, 180_000);

describe('the real Dev Containers CLI reads every devcontainer.json generated for the upstream devpod examples', () => {
  it('there are devpod examples to read', () => {
    expect(devpodExamples.length).toBeGreaterThanOrEqual(6);
  });

  it.each(devpodExamples)('%s: prebuilt image (image: the pinned digest) and Dockerfile (build.dockerfile)', async (file) => {
    const text = readFileSync(join(EXAMPLES, file), 'utf8');
    const dir = workdir();
    const loaded = loadConfigText(text, { file, path: join(dir, 'sindri.yaml'), dir, schema: false }).config;
    const repo = (loaded.deployment.image ?? loaded.deployment.image_config?.registry ?? 'ghcr.io/pacphi/sindri').replace(/[:@].*$/, '');
    const digest = `sha256:${'0123456789abcdef'.repeat(4)}`;
    const image = pinnedDecision(repo, 'latest', digest);
    const { path, doc } = generate(ctxFor(text, file, image, dir));
    const read = await devcontainer(['read-configuration', '--workspace-folder', dir, '--config', path]);
    const conf = read.configuration as Record<string, unknown>;
    expect(conf.image).toBe(`${repo}@${digest}`);
    expect(conf.name).toBe(loaded.name);
    expect(conf.remoteUser).toBe('developer');
    expect(conf.containerEnv).toEqual(doc.containerEnv);
    expect(conf.mounts).toEqual([{ source: `${loaded.name}_home`, target: '/alt/home/developer', type: 'volume' }]);
    expect(conf.hostRequirements).toEqual(doc.hostRequirements);
    expect(JSON.stringify(conf)).not.toContain('SOME_SECRET');

    // the same config with a Dockerfile (for the docker type; generated here for every example)
    const built = workdir();
    writeFileSync(join(built, 'Dockerfile'), DEVELOPER);
    const raw = parse(text) as { providers: { devpod: Record<string, unknown> } };
    raw.providers.devpod.type = 'docker';
    const asDocker = stringify(raw);
    const g = generate(ctxFor(asDocker, file, buildDecision(loaded.name, 'Dockerfile', 'local'), built));
    const readBuilt = await devcontainer(['read-configuration', '--workspace-folder', built, '--config', g.path]);
    expect((readBuilt.configuration as Record<string, unknown>).build).toEqual({ dockerfile: '../Dockerfile', context: '..' });
  });
});

describe('the real Dev Containers CLI starts the generated devcontainer.json on the real Docker engine', () => {
  it('from a prebuilt digest: the container runs exactly that digest (pulled from the registry, no derived image)', async () => {
    const dir = workdir();
    const name = `${ns}-image`;
    const yaml = `version: "3.0"\nname: ${name}\ndeployment:\n  provider: devpod\n  resources:\n    cpus: 1\n    memory: 1GB\nextensions:\n  profile: minimal\nproviders:\n  devpod:\n    type: docker\n`;
    const { path } = generate(ctxFor(yaml, 'sindri.yaml', pinnedDecision(pushed.repo, '1', pushed.digest), dir));
    hostNetworkOnly(path);
    const up = await devcontainer(['up', '--workspace-folder', dir, '--config', path, '--id-label', idLabel('image')]);
    expect(up.outcome).toBe('success');
    expect(up.remoteUser).toBe('developer');
    const c = await containerInspect(up.containerId as string);
    expect(c?.Config.Image).toBe(`${pushed.repo}@${pushed.digest}`);
    const img = await imageInspect(c!.Image);
    expect(img?.RepoDigests).toContain(`${pushed.repo}@${pushed.digest}`);
    expect(c?.Config.Env).toEqual(expect.arrayContaining(['INSTALL_PROFILE=minimal', 'INIT_WORKSPACE=true']));
    const mounts = JSON.parse(await docker(['container', 'inspect', '--format', '{{json .Mounts}}', up.containerId as string])) as {
      Type: string;
      Name?: string;
      Destination: string;
    }[];
    expect(mounts).toEqual(
      expect.arrayContaining([expect.objectContaining({ Type: 'volume', Name: `${name}_home`, Destination: '/alt/home/developer' })]),
    );
    expect(await docker(['exec', '-u', 'developer', up.containerId as string, 'id', '-un'])).toBe('developer');
  });

  it('from a Dockerfile (build.dockerfile): the container runs the image built from it', async () => {
    const dir = workdir();
    const name = `${ns}-build`;
    mkdirSync(join(dir, 'deploy'));
    writeFileSync(
      join(dir, 'deploy', 'Dockerfile'),
      `FROM ${pushed.repo}@${pushed.digest}\nARG GREETING\nLABEL greeting=$GREETING\nLABEL ${TEST_LABEL}=${ns}\n`,
    );
    const yaml = `version: "3.0"\nname: ${name}\ndeployment:\n  provider: devpod\nextensions:\n  profile: minimal\nproviders:\n  devpod:\n    type: docker\n`;
    const ctx = ctxFor(yaml, 'sindri.yaml', buildDecision(name, 'deploy/Dockerfile', 'local'), dir);
    ctx.inputs = testInputs({ provider: 'devpod', ...runParts(), 'build-args': { GREETING: 'hello-devpod' } });
    const { path } = generate(ctx);
    hostNetworkOnly(path);
    const up = await devcontainer(['up', '--workspace-folder', dir, '--config', path, '--id-label', idLabel('build')]);
    expect(up.outcome).toBe('success');
    const c = await containerInspect(up.containerId as string);
    const img = await imageInspect(c!.Image);
    expect(img?.Config.Labels?.greeting).toBe('hello-devpod');
    expect(img?.Config.Labels?.[TEST_LABEL]).toBe(ns);
  });
});
