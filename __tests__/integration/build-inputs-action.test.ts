/**
 * Issue 23, the build half, through the action itself (`node dist/index.js`) on real engines:
 *
 * - build-secrets on the shared engine: each secret is there while the Dockerfile's RUN steps run
 *   (they write its sha256), and absent from every layer (`docker history --no-trunc`, the filesystem
 *   `docker save` exports), from the argv docker received (a recording shim on PATH), the runner log,
 *   the summary, the outputs and every file left in RUNNER_TEMP or the working directory.
 * - cache-to / cache-from on the cache engine (scripts/services/cache-engine.sh: Docker Engine 26 with
 *   the containerd image store, whose builder exports caches; the shared 20.10 builder only imports):
 *   a build exports its cache to the registry at 127.0.0.1:5000; with the engine's own build cache
 *   pruned, a second build that reads it shows its RUN steps CACHED, and a third without cache-from
 *   (the control) runs them again.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runAction, type ActionRun } from '../support/action.js';
import { BASE_IMAGE, cleanup, docker, REGISTRY, requireServices, testDockerfile, uniqueName } from '../support/docker.js';
import { exec } from '../support/exec.js';
import { makeWorkdir } from '../support/workdir.js';

const ns = uniqueName('bk');
const dirs: string[] = [];
const names: string[] = [];
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

const yaml = (name: string) =>
  `version: "3.0"\nname: ${name}\ndeployment:\n  provider: docker\nextensions:\n  profile: minimal\nproviders:\n  docker:\n    network: host\n`;

function act(dir: string, inputs: Record<string, string>, env: Record<string, string> = {}): Promise<ActionRun> {
  return runAction({ inputs: { timeout: '4m', ...inputs }, cwd: dir, node: '24', env, timeoutMs: 300_000 });
}

/** The log as the runner shows it: its own ::add-mask:: lines consumed. */
const shown = (r: ActionRun) => r.stdout.replace(/^::add-mask::.*$/gm, '') + r.stderr + r.summary + JSON.stringify(r.outputs);

/** Every file under dir, as bytes (a secret must not be in any of them, text or not). */
function filesUnder(dir: string): { path: string; bytes: Buffer }[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .map((p) => ({ path: p, bytes: readFileSync(p) }));
}

afterAll(async () => {
  await cleanup({ containers: names, projects: names.map((n) => `sindri-${n}`), volumes: names.map((n) => `${n}_home`) });
  await cleanup({ images: names.map((n) => `${n}:local`) });
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
}, 180_000);

describe('build-secrets on the real engine', () => {
  const SECRET = `bk-s3cr3t-${Math.random().toString(36).slice(2)}-${Date.now().toString(36)}`;
  const PEM = `-----BEGIN TEST KEY-----\nbk-line-${Math.random().toString(36).slice(2)}\n-----END TEST KEY-----`;
  let name: string;
  let run: ActionRun;
  let shimLog: string;
  let runnerTemp: string;
  let dir: string;

  beforeAll(async () => {
    await requireServices();
    name = `${ns}-secret`;
    names.push(name);
    // the docker the action starts is this recording shim: argv as docker received it, and which build-secret variables it had (names only)
    const shim = mkdtempSync(join(tmpdir(), 'bk-shim-'));
    dirs.push(shim);
    shimLog = join(shim, 'argv.log');
    const realDocker = execFileSync('sh', ['-c', 'command -v docker'], { encoding: 'utf8' }).trim();
    writeFileSync(
      join(shim, 'docker'),
      `#!/bin/sh\n{ printf 'argv:'; printf ' %s' "$@"; printf '\\n'; env | cut -d= -f1 | grep '^SINDRI_BUILD_SECRET_' | sed 's/^/env: /'; } >> '${shimLog}'\nexec '${realDocker}' "$@"\n`,
    );
    chmodSync(join(shim, 'docker'), 0o755);
    runnerTemp = mkdtempSync(join(tmpdir(), 'bk-runner-temp-'));
    dirs.push(runnerTemp);
    const dockerfile = testDockerfile(BASE_IMAGE, {
      extra: [
        // a nonce: BuildKit's cache key leaves secret values out, so a step cached by an earlier run would keep that run's hash
        `RUN echo ${ns}-${Math.random().toString(36).slice(2)} > /nonce`,
        // present at build time: the step fails when the secret is missing or empty, and keeps only its hash
        `RUN --mount=type=secret,id=NPM_TOKEN sh -c 'test -s /run/secrets/NPM_TOKEN && sha256sum /run/secrets/NPM_TOKEN | cut -d" " -f1 > /npm.sha256'`,
        `RUN --mount=type=secret,id=SIGNING_KEY sh -c 'sha256sum /run/secrets/SIGNING_KEY | cut -d" " -f1 > /key.sha256'`,
        // and nowhere after its step
        `RUN test ! -e /run/secrets/NPM_TOKEN`,
      ].join('\n'),
    });
    dir = makeWorkdir('bk-secret-', dirs, yaml(name), { Dockerfile: dockerfile });
    run = await act(
      dir,
      { 'build-secrets': `NPM_TOKEN=${SECRET}\n"SIGNING_KEY=${PEM}"` },
      { PATH: `${shim}:${process.env.PATH}`, RUNNER_TEMP: runnerTemp },
    );
  }, 400_000);

  it('builds and deploys; each secret was mounted for its RUN step (the image keeps only its sha256)', async () => {
    expect(run.code, run.stdout.slice(-4000)).toBe(0);
    expect(run.outputs).toMatchObject({ built: 'true', 'image-source': 'dockerfile', image: `${name}:local` });
    expect(await docker(['exec', name, 'cat', '/npm.sha256'])).toBe(sha256(SECRET));
    expect(await docker(['exec', name, 'cat', '/key.sha256'])).toBe(sha256(PEM));
  });

  it('the secret is in no layer: docker history, and the exported filesystem of every layer', async () => {
    const history = await docker(['history', '--no-trunc', '--format', '{{.CreatedBy}}', `${name}:local`]);
    expect(history).toContain('sha256sum /run/secrets/NPM_TOKEN');
    expect(history).not.toContain(SECRET);
    expect(history).not.toContain('bk-line-');
    // docker save, then every layer unpacked: the hash the step wrote is found (the search works), the secret is not
    const out = mkdtempSync(join(tmpdir(), 'bk-save-'));
    dirs.push(out);
    await docker(['save', '-o', join(out, 'image.tar'), `${name}:local`]);
    mkdirSync(join(out, 'image'));
    execFileSync('tar', ['-xf', join(out, 'image.tar'), '-C', join(out, 'image')]);
    const layers = filesUnder(join(out, 'image')).filter((f) => f.path.endsWith('.tar'));
    expect(layers.length).toBeGreaterThan(1);
    mkdirSync(join(out, 'rootfs'));
    for (const l of layers) execFileSync('tar', ['-xf', l.path, '-C', join(out, 'rootfs')]);
    const everything = [...filesUnder(join(out, 'image')), ...filesUnder(join(out, 'rootfs'))];
    expect(everything.some((f) => f.bytes.includes(sha256(SECRET)))).toBe(true);
    for (const f of everything) {
      expect(f.bytes.includes(SECRET), f.path).toBe(false);
      expect(f.bytes.includes(PEM.split('\n')[1]!), f.path).toBe(false);
    }
  });

  it('docker received the ids on its command line and the values in its environment only', () => {
    const log = readFileSync(shimLog, 'utf8');
    const build = log.split('\n').find((l) => l.startsWith('argv: buildx build'))!;
    expect(build).toContain('--secret id=NPM_TOKEN,env=SINDRI_BUILD_SECRET_1 --secret id=SIGNING_KEY,env=SINDRI_BUILD_SECRET_2');
    expect(log).toContain('env: SINDRI_BUILD_SECRET_1\nenv: SINDRI_BUILD_SECRET_2');
    // only the build had them
    expect(log.match(/^env: SINDRI_BUILD_SECRET_1$/gm)).toHaveLength(1);
    expect(log).not.toContain(SECRET);
    expect(log).not.toContain('bk-line-');
  });

  it('never in the runner log, the summary, the outputs or a file left behind; masked from the start', () => {
    expect(run.stdout).toMatch(/\$ docker buildx build .*--secret id=NPM_TOKEN,env=SINDRI_BUILD_SECRET_1/);
    expect(shown(run)).not.toContain(SECRET);
    expect(shown(run)).not.toContain('bk-line-');
    expect(run.stdout).toMatch(new RegExp(`^::add-mask::${SECRET}$`, 'm'));
    for (const f of [...filesUnder(runnerTemp), ...filesUnder(dir)]) {
      expect(f.bytes.includes(SECRET), f.path).toBe(false);
      expect(f.bytes.includes('bk-line-'), f.path).toBe(false);
    }
  });

  it('the plan names the secret ids and where their values go, never a value', async () => {
    const plan = await act(dir, { mode: 'plan', 'build-secrets': `NPM_TOKEN=${SECRET}\n"SIGNING_KEY=${PEM}"` });
    expect(plan.code, plan.stdout.slice(-3000)).toBe(0);
    expect(plan.summary).toMatch(
      /docker buildx build .*--secret id=NPM_TOKEN,env=SINDRI_BUILD_SECRET_1 --secret id=SIGNING_KEY,env=SINDRI_BUILD_SECRET_2/,
    );
    expect(plan.summary).toMatch(
      /build secrets NPM_TOKEN \(SINDRI_BUILD_SECRET_1\), SIGNING_KEY \(SINDRI_BUILD_SECRET_2\): each value reaches buildx only/,
    );
    expect(plan.stdout).toMatch(/^build secrets NPM_TOKEN/m);
    expect(shown(plan)).not.toContain(SECRET);
    expect(shown(plan)).not.toContain('bk-line-');
  });
});

describe('cache-to, then cache-from, through the registry at 127.0.0.1:5000', () => {
  let host: string;
  const engine = (args: string[]) => exec('docker', args, { env: { DOCKER_HOST: host }, allowFailure: true, timeoutMs: 300_000 });
  const cacheRef = `${REGISTRY}/${ns}/cache:buildcache`;
  let name: string;
  let dir: string;

  beforeAll(async () => {
    await requireServices();
    // the cache engine (see the header): started here when it is not running, or this fails loudly
    const out = execFileSync('bash', [join(ROOT, 'scripts', 'services', 'cache-engine.sh')], { encoding: 'utf8', timeout: 600_000 });
    host = /^DOCKER_HOST=(.+)$/m.exec(out)![1]!;
    name = `${ns}-cache`;
    const nonce = `${ns}-${Math.random().toString(36).slice(2)}`;
    const dockerfile = testDockerfile(BASE_IMAGE, {
      // a nonce: nothing anywhere has this step cached before the first build
      extra: `RUN echo ${nonce} > /nonce && sleep 1\nRUN sha256sum /nonce > /nonce.sha256`,
    });
    dir = makeWorkdir('bk-cache-', dirs, yaml(name), { Dockerfile: dockerfile });
  }, 700_000);

  afterAll(async () => {
    if (!host) return;
    await act(dir, { mode: 'destroy' }, { DOCKER_HOST: host });
    await engine(['rmi', '-f', `${name}:local`]);
    await engine(['builder', 'prune', '-af']);
  }, 300_000);

  /** The engine forgets every build step it ran, and the image, so only an imported cache can make a step CACHED. */
  async function forget(): Promise<void> {
    expect((await act(dir, { mode: 'destroy' }, { DOCKER_HOST: host })).code).toBe(0);
    await engine(['rmi', '-f', `${name}:local`]);
    const pruned = await engine(['builder', 'prune', '-af']);
    expect(pruned.code, pruned.stderr).toBe(0);
  }

  /** BuildKit's progress lines (`#n …`), what the CACHED count reads */
  const buildLog = (log: string) =>
    log
      .split('\n')
      .filter((l) => /^#\d+ /.test(l.trim()))
      .join('\n');
  /** the RUN steps BuildKit reports CACHED (`#5 [2/3] RUN …` then `#5 CACHED`); FROM may say CACHED whenever its layers are unpacked */
  const cachedRunSteps = (log: string): number => {
    const runs = new Set<string>();
    const cached = new Set<string>();
    for (const l of log.split('\n').map((x) => x.trim())) {
      const step = /^#(\d+) \[[^\]]*\] RUN /.exec(l);
      if (step) runs.add(step[1]!);
      const hit = /^#(\d+) CACHED$/.exec(l);
      if (hit) cached.add(hit[1]!);
    }
    return [...runs].filter((n) => cached.has(n)).length;
  };

  it('cache-to exports the cache; after the engine forgot everything, cache-from imports it: the RUN steps are CACHED; without it they run again', async () => {
    const first = await act(dir, { 'cache-to': `type=registry,ref=${cacheRef},mode=max` }, { DOCKER_HOST: host });
    expect(first.code, first.stdout.slice(-4000)).toBe(0);
    expect(first.stdout).toMatch(/\$ docker buildx build .*--cache-to type=registry,ref=127\.0\.0\.1:5000\/.*,mode=max/);
    expect(first.stdout).toMatch(/writing cache manifest/);
    expect(cachedRunSteps(first.stdout), `first:\n${buildLog(first.stdout)}`).toBe(0);
    const manifest = await fetch(`http://${REGISTRY}/v2/${ns}/cache/manifests/buildcache`, {
      method: 'HEAD',
      headers: { Accept: 'application/vnd.oci.image.index.v1+json, application/vnd.oci.image.manifest.v1+json' },
    });
    expect(manifest.status).toBe(200);

    await forget();
    const second = await act(dir, { 'cache-from': `type=registry,ref=${cacheRef}` }, { DOCKER_HOST: host });
    expect(second.code, second.stdout.slice(-4000)).toBe(0);
    expect(second.stdout).toMatch(/\$ docker buildx build .*--cache-from type=registry,ref=127\.0\.0\.1:5000\//);
    expect(second.stdout).toMatch(/importing cache manifest from 127\.0\.0\.1:5000\//);
    // both RUN steps
    expect(cachedRunSteps(second.stdout), `second:\n${buildLog(second.stdout)}`).toBe(2);
    expect(second.outputs.built).toBe('true');

    await forget();
    const control = await act(dir, {}, { DOCKER_HOST: host });
    expect(control.code, control.stdout.slice(-4000)).toBe(0);
    expect(cachedRunSteps(control.stdout), `control:\n${buildLog(control.stdout)}`).toBe(0);
  }, 900_000);

  it('type=gha: buildx gets the runner’s cache service variables and no other ACTIONS_*; the token is masked', async () => {
    // a loopback cache service that misses every lookup, and records what it was asked with
    const asked: { url: string; auth: string }[] = [];
    const server = createServer((req, res) => {
      asked.push({ url: req.url ?? '', auth: req.headers.authorization ?? '' });
      res.statusCode = 204; // the v1 protocol's "no such cache entry"
      res.end();
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const port = (server.address() as AddressInfo).port;
    // BuildKit reads the runner token as a JWT (cache scopes in `ac`, `nbf`, `exp`); it never checks the signature
    const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const ac = JSON.stringify([{ Scope: 'refs/heads/main', Permission: 3 }]);
    const now = Math.floor(Date.now() / 1000);
    const claims = { ac, nbf: now - 60, exp: now + 3600, nonce: Math.random().toString(36).slice(2) };
    const token = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims)}.c2ln`;
    const shim = mkdtempSync(join(tmpdir(), 'bk-gha-shim-'));
    dirs.push(shim);
    const realDocker = execFileSync('sh', ['-c', 'command -v docker'], { encoding: 'utf8' }).trim();
    writeFileSync(
      join(shim, 'docker'),
      `#!/bin/sh\n{ printf 'argv: %s\\n' "$*"; env | cut -d= -f1 | grep '^ACTIONS_' | sort | sed 's/^/env: /'; } >> '${join(shim, 'log')}'\nexec '${realDocker}' "$@"\n`,
    );
    chmodSync(join(shim, 'docker'), 0o755);
    try {
      const r = await act(
        dir,
        { 'cache-from': 'type=gha,scope=bk' },
        {
          DOCKER_HOST: host,
          PATH: `${shim}:${process.env.PATH}`,
          ACTIONS_CACHE_URL: `http://127.0.0.1:${port}/`,
          ACTIONS_RUNTIME_TOKEN: token,
          // the runner's other ACTIONS_* never reach a child
          ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc-request-token',
          ACTIONS_ID_TOKEN_REQUEST_URL: `http://127.0.0.1:${port}/oidc`,
        },
      );
      expect(r.code, r.stdout.slice(-4000)).toBe(0);
      // buildx found the cache service and the token in its environment, and BuildKit asked with them
      expect(asked.length, r.stdout.slice(-3000)).toBeGreaterThan(0);
      expect(asked.every((a) => a.auth === `Bearer ${token}`)).toBe(true);
      expect(asked.some((a) => a.url.includes('/_apis/artifactcache/cache'))).toBe(true);
      const log = readFileSync(join(shim, 'log'), 'utf8').split(/^argv: /m);
      const build = log.find((l) => l.startsWith('buildx build'))!;
      expect(build).toContain('--cache-from type=gha,scope=bk');
      expect(build.split('\n').filter((l) => l.startsWith('env: '))).toEqual(['env: ACTIONS_CACHE_URL', 'env: ACTIONS_RUNTIME_TOKEN']);
      // every other docker call: no ACTIONS_* at all
      for (const call of log.filter((l) => l && !l.startsWith('buildx build'))) expect(call, call).not.toContain('env: ACTIONS_');
      expect(r.stdout).toMatch(new RegExp(`^::add-mask::${token}$`, 'm'));
      expect(shown(r)).not.toContain(token);
    } finally {
      server.close();
    }
  }, 600_000);

  it('the plan names the caches', async () => {
    const plan = await act(dir, { mode: 'plan', 'cache-from': `type=registry,ref=${cacheRef}`, 'cache-to': 'type=gha,mode=max' });
    expect(plan.code, plan.stdout.slice(-3000)).toBe(0);
    expect(plan.summary).toContain(`--cache-from type=registry,ref=${cacheRef} --cache-to type=gha,mode=max`);
    expect(plan.stdout).toContain(`build cache read from type=registry,ref=${cacheRef}`);
    expect(plan.stdout).toMatch(/^build cache written to type=gha,mode=max — exporting a cache needs a builder that can/m);
    // no runner here: the gha cache would be skipped, and the plan says so
    expect(plan.stdout).toMatch(/type=gha: the runner’s cache service .* is not in this environment/);
  });
});
