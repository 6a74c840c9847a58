/**
 * The docker provider on the real Docker engine and the loopback registry (issue 3, (a)–(g)).
 * Host networking throughout: this engine has no bridge.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { TempFiles } from '../../src/state.js';
import { commandsSince as argvSince, exec, testExec } from '../support/exec.js';
import { ActionError } from '../../src/errors.js';
import { COMPOSE_FILE } from '../../src/providers/docker/compose.js';
import { SECRETS_FILE } from '../../src/providers/docker/secrets.js';
import { DockerProvider } from '../../src/providers/docker/provider.js';
import { Docker } from '../../src/external/docker.js';
import type { ProviderContext } from '../../src/providers/types.js';
import {
  REGISTRY,
  buildDecision,
  buildImage,
  buildsSince,
  cleanup,
  cliContextConfig,
  containerInspect,
  containersByName,
  docker,
  imageInspect,
  imagesOf,
  pinnedDecision,
  projectResources,
  pushImage,
  pushTestBase,
  removeLabelledImages,
  registryDigest,
  requireServices,
  testConfig,
  testDockerfile,
  testInputs,
  uniqueName,
  volumeExists,
  type TestConfigOptions,
} from '../support/docker.js';

const ns = uniqueName('sdt');
const provider = new DockerProvider();
const names: string[] = [];
const localImages: string[] = [];
let base: { ref: string; digest: string; repo: string };
let app: { repo: string; digest10: string; digest12: string };

function newName(tag: string): string {
  const n = `${ns}-${tag}`;
  names.push(n);
  return n;
}

const dirs: string[] = [];
function workdir(): string {
  const d = mkdtempSync(join(tmpdir(), 'sindri-docker-it-'));
  dirs.push(d);
  return d;
}

function ctxFor(
  o: Partial<TestConfigOptions> & { name: string; dir: string },
  image: ProviderContext['image'],
  inputs = testInputs(),
): ProviderContext {
  return {
    inputs,
    config: testConfig(o),
    provider: 'docker',
    workdir: o.dir,
    image,
    deadline: testExec.deadline,
    exec: testExec,
    temps: new TempFiles(),
  };
}

/** Run fn with stdout captured (the runner writes every log line there). */
/** A first deploy of the test app's pinned digest under `name`, compose from the install phase (as found on PATH). */
async function firstDeploy(name: string, dir: string, exec?: ProviderContext['exec']) {
  const ctx = ctxFor({ name, dir, docker: { network: 'host', restart: 'no' } }, pinnedDecision(app.repo, '1.2.0', app.digest12));
  return await captured(() =>
    provider.apply({
      ...ctx,
      ...(exec ? { exec } : {}),
      tools: [{ name: 'compose', version: '2.26.1', path: '/usr/local/lib/docker/cli-plugins/docker-compose', source: 'path' }],
    }),
  );
}

/** The seven docker processes of a first deploy through the CLI (ADR 0047): the first two side by side, in either order. */
function expectCliFirstDeploy(run: string[], name: string): void {
  expect([...run.slice(0, 2)].sort()).toEqual(['docker info --format', 'docker inspect --format']);
  expect(run.slice(2)).toEqual([
    'docker container create',
    'docker container inspect',
    `docker compose -f sindri-compose.yml -p sindri-${name}`,
    'docker container inspect',
    'docker container rm',
  ]);
}

async function captured<T>(fn: () => Promise<T>): Promise<{ value?: T; error?: unknown; out: string }> {
  const chunks: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => {
    chunks.push(typeof c === 'string' ? c : Buffer.from(c).toString('utf8'));
    return true;
  });
  try {
    return { value: await fn(), out: chunks.join('') };
  } catch (error) {
    return { error, out: chunks.join('') };
  } finally {
    spy.mockRestore();
  }
}

function commandsSince(from: number): string[] {
  return argvSince(from).map((a) => a.join(' '));
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

/** Engine API requests the log shows since `out` began (ADR 0048): `METHOD path` */
function engineCalls(out: string): string[] {
  return out
    .split('\n')
    .filter((l) => l.startsWith('engine API: '))
    .map((l) => l.slice('engine API: '.length));
}

beforeAll(async () => {
  await requireServices();
  base = await pushTestBase(`${ns}/base`, ns);
  // two versions of an "app" image in the registry; none of them left on the engine, so deploys pull
  const l10 = `${ns}-app:1.0.0`;
  const l12 = `${ns}-app:1.2.0`;
  await buildImage(l10, testDockerfile(base.ref, { extra: 'LABEL version=1.0.0' }));
  await buildImage(l12, testDockerfile(base.ref, { extra: 'LABEL version=1.2.0' }));
  const p10 = await pushImage(l10, `${ns}/app`, '1.0.0');
  const p12 = await pushImage(l12, `${ns}/app`, '1.2.0');
  await cleanup({ images: [l10, l12, p10.ref, p12.ref, base.ref] });
  app = { repo: p12.repo, digest10: p10.digest, digest12: p12.digest };
}, 180_000);

afterAll(async () => {
  await cleanup({
    containers: names,
    projects: names.map((n) => `sindri-${n}`),
    volumes: names.flatMap((n) => [`${n}_home`, `${n}_docker`]),
  });
  const images = [...localImages, ...(await imagesOf(`${REGISTRY}/${ns}/app`)), ...(await imagesOf(`${REGISTRY}/${ns}/base`))];
  for (const n of names) images.push(...(await imagesOf(n)));
  await cleanup({ images });
  await removeLabelledImages(ns);
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
}, 180_000);

describe('prebuilt image pinned by digest', () => {
  const dir = workdir();
  let name: string;
  let ctx: ProviderContext;

  it('(a) semver config: pulls and runs the digest the registry reports, no build', async () => {
    name = newName('semver');
    const digest = await registryDigest(`${ns}/app`, '1.2.0');
    expect(digest).toBe(app.digest12);
    ctx = ctxFor(
      {
        name,
        dir,
        image_config: { registry: app.repo, version: '^1.0.0' },
        docker: { network: 'host', ports: ['8080:8080'], restart: 'unless-stopped' },
      },
      pinnedDecision(app.repo, '1.2.0', digest),
    );
    expect(await imageInspect(`${app.repo}@${digest}`)).toBeUndefined();
    const from = testExec.history.length;
    const { value: r, error, out } = await captured(() => provider.apply(ctx));
    expect(error).toBeUndefined();
    expect(r).toMatchObject({ skipped: false, built: false, image: `${app.repo}@${digest}`, digest, url: 'http://localhost:8080' });
    expect(r!.connect).toBe(`docker exec -it -e HOME=/alt/home/developer -u developer -w /alt/home/developer ${name} bash -l`);
    expect(out).toMatch(/::warning.*ports is ignored with network: host/);
    expect(buildsSince(from)).toBe(0);
    expect(commandsSince(from)).toContain(`docker pull ${app.repo}@${digest}`);

    const [c] = await containersByName(name);
    expect(c?.state).toBe('running');
    const running = await containerInspect(name);
    expect(running!.Config.Image).toBe(`${app.repo}@${digest}`);
    expect((await imageInspect(running!.Image))!.RepoDigests).toContain(`${app.repo}@${digest}`);
    expect(await volumeExists(`${name}_home`)).toBe(true);
    expect(existsSync(join(dir, COMPOSE_FILE))).toBe(true);
  });

  it('(e) redeploying the same digest does nothing and says skipped', async () => {
    const before = await containerInspect(name);
    const from = testExec.history.length;
    const { value: r, error } = await captured(() => provider.apply(ctx));
    expect(error).toBeUndefined();
    expect(r).toMatchObject({ skipped: true, built: false, digest: app.digest12 });
    const cmds = commandsSince(from);
    expect(cmds.some((c) => c.includes(' up '))).toBe(false);
    expect(cmds.some((c) => c.startsWith('docker pull'))).toBe(false);
    expect((await containerInspect(name))!.Id).toBe(before!.Id);
  });

  it('a new digest (or force) redeploys the container', async () => {
    const before = await containerInspect(name);
    ctx = { ...ctx, image: pinnedDecision(app.repo, '1.0.0', app.digest10) };
    const { value: r, error } = await captured(() => provider.apply(ctx));
    expect(error).toBeUndefined();
    expect(r).toMatchObject({ skipped: false, digest: app.digest10 });
    const after = await containerInspect(name);
    expect(after!.Id).not.toBe(before!.Id);
    expect(after!.Config.Image).toBe(`${app.repo}@${app.digest10}`);
    const from = testExec.history.length;
    const forced = await captured(() => provider.apply({ ...ctx, inputs: testInputs({ force: true }) }));
    expect(forced.value).toMatchObject({ skipped: false });
    // the container and the deploy image asked at once, in-process: the running image is it, so no inspect of it, no pull
    const asked = engineCalls(forced.out);
    expect(asked.slice(1, 3).sort()).toEqual([`GET /containers/${name}/json`, `GET /images/${app.repo}@${app.digest10}/json`].sort());
    expect(asked.filter((c) => c.startsWith('GET /images/'))).toHaveLength(1);
    expect(argvSince(from).filter((a) => a[0] === 'docker' && a[1] !== 'compose')).toEqual([]);
    expect((await containerInspect(name))!.Id).not.toBe(after!.Id);
  });

  it('(f) destroy leaves no container, volume, network or generated file', async () => {
    const { value: r, error } = await captured(() => provider.destroy(ctx));
    expect(error).toBeUndefined();
    expect(r!.removed).toEqual(expect.arrayContaining([`container ${name}`, `volume ${name}_home`, `file ${COMPOSE_FILE}`]));
    expect(await containersByName(name)).toEqual([]);
    expect(await volumeExists(`${name}_home`)).toBe(false);
    expect(await projectResources(`sindri-${name}`)).toEqual({ containers: [], volumes: [], networks: [] });
    expect(existsSync(join(dir, COMPOSE_FILE))).toBe(false);
  });
});

describe('pull_policy', () => {
  it('Never: an image missing on the engine fails clearly and starts nothing', async () => {
    const name = newName('never');
    const dir = workdir();
    const ctx = ctxFor(
      { name, dir, image_config: { registry: app.repo, pull_policy: 'Never' } },
      pinnedDecision(app.repo, '1.0.0', app.digest10),
    );
    await cleanup({ images: [`${app.repo}@${app.digest10}`] });
    const from = testExec.history.length;
    const { error } = await captured(() => provider.apply(ctx));
    expect(error).toBeInstanceOf(ActionError);
    expect((error as ActionError).toLine()).toMatch(
      /image .* is not present on the Docker engine and pull_policy is Never\. Fix: pull or load the image/,
    );
    expect(commandsSince(from).some((c) => c.startsWith('docker pull') || c.includes(' up '))).toBe(false);
    expect(await containersByName(name)).toEqual([]);
  });

  it('Always: pulls even when the image is present', async () => {
    const name = newName('always');
    const dir = workdir();
    const ctx = ctxFor(
      { name, dir, image_config: { registry: app.repo, pull_policy: 'Always' } },
      pinnedDecision(app.repo, '1.2.0', app.digest12),
    );
    await docker(['pull', '-q', `${app.repo}@${app.digest12}`]);
    const from = testExec.history.length;
    const { value: r, error } = await captured(() => provider.apply(ctx));
    expect(error).toBeUndefined();
    expect(r!.skipped).toBe(false);
    expect(commandsSince(from)).toContain(`docker pull ${app.repo}@${app.digest12}`);
    // destroy from a fresh checkout (a PR-close job): no compose file, no image decision
    const fresh = workdir();
    const { value: d } = await captured(() =>
      provider.destroy({
        inputs: testInputs(),
        config: testConfig({ name, dir: fresh }),
        provider: 'docker',
        workdir: fresh,
        deadline: testExec.deadline,
        exec: testExec,
        temps: new TempFiles(),
      }),
    );
    expect(d!.removed).toEqual([`container ${name}`, `volume ${name}_home`]);
    expect(await containersByName(name)).toEqual([]);
    expect(await volumeExists(`${name}_home`)).toBe(false);
    expect(readdirSync(fresh).sort()).toEqual(['sindri.yaml']);
  });
});

describe('built from ./deploy/Dockerfile', () => {
  const dir = workdir();
  let name: string;
  let ctx: ProviderContext;
  let sha: string;

  beforeAll(async () => {
    mkdirSync(join(dir, 'deploy'));
    writeFileSync(join(dir, 'deploy', 'Dockerfile'), testDockerfile(base.ref, { extra: 'RUN echo built > /built.txt' }));
    const git = async (...a: string[]) =>
      (await exec('git', ['-C', dir, '-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...a])).stdout.trim();
    await git('init', '-q');
    await git('add', '.');
    await git('commit', '-q', '-m', 'init');
    sha = await git('rev-parse', 'HEAD');
    // the source label comes from these on a runner (a changed label is a changed image: no skip)
    vi.stubEnv('GITHUB_SERVER_URL', 'https://github.com');
    vi.stubEnv('GITHUB_REPOSITORY', 'acme/app');
  });
  afterAll(() => vi.unstubAllEnvs());

  it('(b) no image + deploy/Dockerfile: builds <name>:<sha> with OCI labels and runs it, built=true', async () => {
    name = newName('build');
    const tag = sha.slice(0, 7);
    ctx = ctxFor({ name, dir }, buildDecision(name, 'deploy/Dockerfile', tag), testInputs({ 'build-args': { GREETING: 'hi' } }));
    const from = testExec.history.length;
    const { value: r, error } = await captured(() => provider.apply(ctx));
    expect(error).toBeUndefined();
    expect(buildsSince(from)).toBe(1);
    const img = await imageInspect(`${name}:${tag}`);
    expect(r).toMatchObject({ skipped: false, built: true, image: `${name}:${tag}`, digest: img!.Id });
    expect(img!.Config.Labels).toMatchObject({
      'org.opencontainers.image.revision': sha,
      'org.opencontainers.image.source': 'https://github.com/acme/app',
    });
    const running = await containerInspect(name);
    expect(running!.Image).toBe(img!.Id);
    expect(await docker(['exec', name, 'cat', '/built.txt'])).toBe('built');
  });

  it('(e) redeploy of an unchanged build is skipped', async () => {
    const before = await containerInspect(name);
    const { value: r } = await captured(() => provider.apply(ctx));
    expect(r).toMatchObject({ skipped: true, built: true });
    expect((await containerInspect(name))!.Id).toBe(before!.Id);
  });

  it('(c) force rebuilds without cache, pulling the base from the registry, and recreates', async () => {
    const before = await containerInspect(name);
    const from = testExec.history.length;
    const { value: r, error } = await captured(() => provider.apply({ ...ctx, inputs: testInputs({ force: true }) }));
    expect(error).toBeUndefined();
    expect(r).toMatchObject({ skipped: false, built: true });
    const build = commandsSince(from).find((c) => / build /.test(c));
    expect(build).toMatch(/ --no-cache --pull /);
    expect(commandsSince(from).find((c) => c.includes(' up '))).toMatch(/--force-recreate/);
    expect((await containerInspect(name))!.Id).not.toBe(before!.Id);
    await captured(() => provider.destroy(ctx));
    expect(await containersByName(name)).toEqual([]);
  });
});

describe('(d) failures: one clear line, nothing left running', () => {
  it('a failing Dockerfile', async () => {
    const name = newName('badbuild');
    const dir = workdir();
    writeFileSync(join(dir, 'Dockerfile'), `FROM ${base.ref}\nRUN echo failing-step && exit 7\n`);
    const { error, out } = await captured(() => provider.apply(ctxFor({ name, dir }, buildDecision(name, 'Dockerfile', 'local'))));
    expect(error).toBeInstanceOf(ActionError);
    const line = (error as ActionError).toLine();
    expect(line).not.toContain('\n');
    expect(line).toMatch(/failed with exit code 1.*Fix: fix Dockerfile \(see the build log above\)/);
    expect(out).toContain('failing-step');
    expect(await containersByName(name)).toEqual([]);
  });

  it('a container that exits: its last log lines in a group, then down', async () => {
    const name = newName('exits');
    const dir = workdir();
    const local = `${name}:exits`;
    await buildImage(local, testDockerfile(base.ref, { healthcheck: false, cmd: ['sh', '-c', 'echo boom-marker; exit 3'] }));
    const pushed = await pushImage(local, `${ns}/exits`, '1');
    localImages.push(local, pushed.ref);
    const { error, out } = await captured(() =>
      provider.apply(ctxFor({ name, dir, docker: { network: 'host', restart: 'no' } }, pinnedDecision(pushed.repo, '1', pushed.digest))),
    );
    expect(error).toBeInstanceOf(ActionError);
    expect((error as ActionError).toLine()).toMatch(
      new RegExp(
        `^sindri\\.yaml: ${name} did not become ready within \\d+ s: .*exited.*; nothing ran before, so it was removed \\(docker compose down\\); volume ${name}_home kept\\. Fix: read the container log above`,
      ),
    );
    expect(out).toMatch(new RegExp(`::group::${name}: last 50 log lines[\\s\\S]*boom-marker[\\s\\S]*::endgroup::`));
    expect(await containersByName(name)).toEqual([]);
  });

  it('a crash loop that compose --wait lets through (restart policy, no healthcheck) is caught too', async () => {
    const name = newName('loop');
    const dir = workdir();
    const local = `${name}:loop`;
    await buildImage(local, testDockerfile(base.ref, { healthcheck: false, cmd: ['sh', '-c', 'sleep 0.3; exit 1'] }));
    const pushed = await pushImage(local, `${ns}/loop`, '1');
    localImages.push(local, pushed.ref);
    const { error } = await captured(() =>
      provider.apply(
        ctxFor({ name, dir, docker: { network: 'host', restart: 'unless-stopped' } }, pinnedDecision(pushed.repo, '1', pushed.digest)),
      ),
    );
    expect(error).toBeInstanceOf(ActionError);
    expect((error as ActionError).message).toMatch(/did not become ready/);
    expect(await containersByName(name)).toEqual([]);
  });
});

describe('(g) secrets', () => {
  const SECRET = `s3cr3t-${Date.now()}-it's "$HOME" \\ #not-a-comment\nsecond line`;

  it('a missing required secret fails before anything starts', async () => {
    const name = newName('nosecret');
    const dir = workdir();
    const from = testExec.history.length;
    const { error } = await captured(() =>
      provider.apply(
        ctxFor({ name, dir, secrets: [{ name: 'SINDRI_IT_MISSING', required: true }] }, pinnedDecision(app.repo, '1.2.0', app.digest12)),
      ),
    );
    expect((error as ActionError).toLine()).toMatch(/secrets\[0\]: required secret SINDRI_IT_MISSING is not set/);
    expect(testExec.history.length).toBe(from);
  });

  it('reach the container and nothing else: not logs, result, compose file or any file left', async () => {
    const name = newName('secret');
    const dir = workdir();
    vi.stubEnv('SINDRI_IT_TOKEN', SECRET);
    const ctx = ctxFor(
      { name, dir, secrets: [{ name: 'SINDRI_IT_TOKEN', required: true }] },
      pinnedDecision(app.repo, '1.2.0', app.digest12),
    );
    const { value: r, error, out } = await captured(() => provider.apply(ctx));
    const planned = await provider.plan(ctx);
    vi.unstubAllEnvs();
    expect(error).toBeUndefined();
    // handed over intact (quotes, $, backslash, # and a new line survive compose's env_file parser)
    const env = (await containerInspect(name))!.Config.Env;
    expect(env.includes(`SINDRI_IT_TOKEN=${SECRET}`)).toBe(true);
    const pieces = [SECRET, ...SECRET.split('\n')];
    const leaks = (text: string) => pieces.some((p) => text.includes(p));
    // `::add-mask::<value>` is how the runner learns what to hide: the one line allowed to carry it
    const logged = out
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::'))
      .join('\n');
    expect(out).toContain('::add-mask::');
    expect(leaks(logged)).toBe(false);
    expect(leaks(JSON.stringify(r))).toBe(false);
    expect(leaks(JSON.stringify(planned))).toBe(false);
    expect(existsSync(join(dir, SECRETS_FILE))).toBe(false);
    const files = filesUnder(dir);
    expect(files).toContain(join(dir, COMPOSE_FILE));
    for (const f of files) expect(leaks(readFileSync(f, 'utf8'))).toBe(false);
    await captured(() => provider.destroy(ctx));
    expect(await containersByName(name)).toEqual([]);
  });
});

describe('plan', () => {
  it("renders files and commands; the engine is only read (GET /info, the container, the project's containers), in-process", async () => {
    const name = newName('plan');
    const dir = workdir();
    const from = testExec.history.length;
    const { value: p, out } = await captured(() => provider.plan(ctxFor({ name, dir }, pinnedDecision(app.repo, '1.2.0', app.digest12))));
    if (!p) throw new Error(out);
    // side by side, no docker process at all
    expect(testExec.history.slice(from)).toEqual([]);
    expect(engineCalls(out).sort()).toEqual(
      [
        'GET /info',
        `GET /containers/${name}/json`,
        `GET /containers/json?all=true&filters={"label":["com.docker.compose.project=sindri-${name}","com.docker.compose.config-hash"]}`,
      ].sort(),
    );
    // the plan lists the deploy's first reads as the requests they are
    expect(p.commands.filter((c) => c.inProcess).map((c) => c.argv.join(' '))).toEqual([
      `GET /containers/${name}/json`,
      `GET /images/${app.repo}@${app.digest12}/json`,
    ]);
    expect(p.changes).toEqual([{ action: 'create', resource: `container ${name}`, note: `volume ${name}_home` }]);
    expect(p.live.known).toBe(true);
    expect(p.files.map((f) => f.path)).toEqual([COMPOSE_FILE]);
    // the rollback's compose up is listed, marked as run only when the rollout fails
    expect(p.commands.filter((c) => c.onFailure).map((c) => c.argv.slice(-1)[0])).toEqual(['--force-recreate']);
    expect(p.commands.filter((c) => c.mutates && !c.onFailure).map((c) => c.argv.slice(0, 3).join(' '))).toEqual([
      'docker pull ' + `${app.repo}@${app.digest12}`,
      'docker compose -f',
    ]);
    expect(existsSync(join(dir, COMPOSE_FILE))).toBe(false);
  });
});

describe('the compose version from the install phase (issue 25)', () => {
  const compose = (version: string) => [
    { name: 'compose', version, path: '/usr/local/lib/docker/cli-plugins/docker-compose', source: 'path' as const },
  ];

  it('a version the install phase read is used: no `docker compose version` of our own', async () => {
    const name = newName('tools');
    const dir = workdir();
    const from = testExec.history.length;
    const { error } = await captured(() =>
      provider.destroy({ ...ctxFor({ name, dir }, pinnedDecision(app.repo, '1.2.0', app.digest12)), tools: compose('2.26.1') }),
    );
    expect(error).toBeUndefined();
    expect(commandsSince(from).filter((c) => c.startsWith('docker compose version'))).toEqual([]);
  });

  it('a version too old fails in one line before any docker command', async () => {
    const name = newName('tools-old');
    const dir = workdir();
    const from = testExec.history.length;
    const { error } = await captured(() =>
      provider.destroy({ ...ctxFor({ name, dir }, pinnedDecision(app.repo, '1.2.0', app.digest12)), tools: compose('2.20.3') }),
    );
    expect((error as ActionError).toLine()).toMatch(
      /Docker Compose 2\.20\.3 is too old\. Fix: install the Docker Compose v2 plugin \(2\.24 or later\)/,
    );
    expect(commandsSince(from)).toEqual([]);
  });
});

describe('a first deploy asks the engine in-process (issue 25, ADR 0048)', () => {
  it('nothing under the name: one docker process (compose up); the reads and the lock are Engine API requests', async () => {
    const name = newName('engine');
    const dir = workdir();
    const ref = `${app.repo}@${app.digest12}`;
    await docker(['pull', ref]);
    const from = testExec.history.length;
    const { value: r, error, out } = await firstDeploy(name, dir);
    expect(error).toBeUndefined();
    expect(r).toMatchObject({ skipped: false, digest: app.digest12 });
    // every process the provider starts on a first deploy (1; ADR 0047: 7)
    expect(argvSince(from).map((a) => a.slice(0, a[1] === 'compose' ? 6 : 3).join(' '))).toEqual([
      `docker compose -f sindri-compose.yml -p sindri-${name}`,
    ]);
    const lock = `${name}.sindri-lock`;
    const asked = engineCalls(out);
    // the first three side by side, in any order
    expect(asked.slice(0, 3).sort()).toEqual(['GET /info', `GET /containers/${name}/json`, `GET /images/${ref}/json`].sort());
    expect(asked.slice(3)).toEqual([
      `POST /containers/create?name=${lock}`,
      `GET /containers/${name}/json`,
      ...asked.slice(5, -1).map(() => `GET /containers/${name}/json`),
      `DELETE /containers/${lock}?force=true`,
    ]);
    expect(asked.length).toBeGreaterThanOrEqual(7);
    expect(out).not.toContain('through the docker CLI');
    expect(await containersByName(lock)).toEqual([]);
  }, 60_000);

  it('a docker context (config.json currentContext) is the CLI’s: the same deploy through 7 docker processes, said in one line', async () => {
    vi.stubEnv('DOCKER_CONFIG', await cliContextConfig(workdir()));
    const name = newName('cli');
    const dir = workdir();
    const from = testExec.history.length;
    const { value: r, error, out } = await firstDeploy(name, dir);
    vi.unstubAllEnvs();
    expect(error).toBeUndefined();
    expect(r).toMatchObject({ skipped: false, digest: app.digest12 });
    expect(out).toContain('docker engine reads through the docker CLI (context sindri-it, which this action leaves to the CLI)');
    expect(engineCalls(out)).toEqual([]);
    const run = argvSince(from).map((a) => a.slice(0, a[1] === 'compose' ? 6 : 3).join(' '));
    expectCliFirstDeploy(run, name);
  }, 60_000);
});

describe('through the CLI, a first deploy asks the engine side by side (issue 25, ADR 0047)', () => {
  beforeAll(async () => vi.stubEnv('DOCKER_CONFIG', await cliContextConfig(workdir())));
  afterAll(() => vi.unstubAllEnvs());

  it('nothing under the name: one `docker inspect` of the container and the image starts while `docker info` is still held; 7 docker processes in all', async () => {
    const name = newName('overlap');
    const dir = workdir();
    const ref = `${app.repo}@${app.digest12}`;
    await docker(['pull', ref]);
    // docker info is held until image inspect starts (or 10 s): a sequential provider would wait the 10 s and say so
    let imageStarted!: () => void;
    const started = new Promise<boolean>((resolve) => (imageStarted = () => resolve(true)));
    let heldUntilImage: boolean | undefined;
    const gated = Object.create(testExec) as typeof testExec;
    gated.run = async (file, args, opts) => {
      if (file === 'docker' && args[0] === 'inspect') imageStarted();
      if (file === 'docker' && args[0] === 'info')
        heldUntilImage = await Promise.race([started, new Promise<boolean>((r) => setTimeout(() => r(false), 10_000))]);
      return await testExec.run(file, args, opts);
    };
    const from = testExec.history.length;
    const { value: r, error } = await firstDeploy(name, dir, gated);
    expect(error).toBeUndefined();
    expect(r).toMatchObject({ skipped: false, digest: app.digest12 });
    expect(heldUntilImage).toBe(true);
    const argv = argvSince(from);
    // every process the provider starts on a first deploy (7; ADR 0047 before: 8): no `image inspect`, no pull
    // (the first two side by side, in either order; the ninth and eighth of the bench are the install phase's compose probe)
    const run = argv.map((a) => a.slice(0, a[1] === 'compose' ? 6 : 3).join(' '));
    expectCliFirstDeploy(run, name);
    expect(argv.filter((a) => a[1] === 'inspect')).toEqual([['docker', 'inspect', '--format', '{{json .}}', name, ref]]);
  }, 60_000);
});

describe('one `docker inspect` of the container and the image, read right from the real CLI (issue 25, ADR 0047)', () => {
  beforeAll(async () => vi.stubEnv('DOCKER_CONFIG', await cliContextConfig(workdir())));
  afterAll(() => vi.unstubAllEnvs());

  it('nothing, both, an image named like the container, a ref that names a container', async () => {
    const d = new Docker(testExec);
    const ref = `${app.repo}@${app.digest12}`;
    await docker(['pull', ref]);
    const id = await docker(['image', 'inspect', '--format', '{{.Id}}', ref]);
    const name = newName('pair');
    const pairs = (from: number): string[][] => argvSince(from).filter((a) => a[1] === 'inspect' || a[2] === 'inspect');
    let from = testExec.history.length;
    expect(await d.inspectContainerAndImage(name, ref)).toEqual({ container: undefined, image: expect.objectContaining({ id }) });
    expect(await d.inspectContainerAndImage(name, `${app.repo}:no-such-tag`)).toEqual({ container: undefined, image: undefined });
    // an image tagged with the container's name, no container: the CLI answers the image for it, which is no container
    await docker(['tag', ref, `${name}:latest`]);
    expect(await d.inspectContainerAndImage(name, ref)).toEqual({ container: undefined, image: expect.objectContaining({ id }) });
    expect(pairs(from)).toHaveLength(3);
    await docker(['container', 'create', '--name', name, '--network', 'none', ref, 'true']);
    from = testExec.history.length;
    const both = await d.inspectContainerAndImage(name, ref);
    expect(both.container).toMatchObject({ name, imageId: id, running: false });
    expect(both.image).toMatchObject({ id });
    expect(pairs(from)).toEqual([['docker', 'inspect', '--format', '{{json .}}', name, ref]]);
    // a bare ref that also names a container: the CLI answers the container, so the image is asked on its own
    const bare = newName('pair-bare');
    await docker(['container', 'create', '--name', bare, '--network', 'none', ref, 'true']);
    await docker(['tag', ref, `${bare}:latest`]);
    from = testExec.history.length;
    const asked = await d.inspectContainerAndImage(name, bare);
    expect(asked.container).toMatchObject({ name });
    expect(asked.image).toMatchObject({ id, repoTags: expect.arrayContaining([`${bare}:latest`]) });
    expect(pairs(from)).toEqual([
      ['docker', 'inspect', '--format', '{{json .}}', name, bare],
      ['docker', 'image', 'inspect', '--format', '{{json .}}', bare],
    ]);
  }, 120_000);
});
