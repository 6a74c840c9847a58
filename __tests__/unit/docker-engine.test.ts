/** Where the docker CLI would connect, resolved without it (ADR 0048): in-process only for the plain local socket. */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { Deadline, isDeadlineExceeded } from '../../src/deadline.js';
import { ActionError } from '../../src/errors.js';
import { engineLine, pathSegment, resolveDockerEngine, type EngineProbe } from '../../src/external/docker-engine.js';
import { Docker, enginePaths, labelledContainersOf, projectContainersOf } from '../../src/external/docker.js';
import { Exec } from '../../src/external/exec.js';

const HOME = '/home/runner';
function probe(files: Record<string, string> = {}, sockets: string[] = ['/var/run/docker.sock']): EngineProbe {
  return { home: HOME, readFile: (p) => files[p], isSocket: (p) => sockets.includes(p) };
}

describe('resolveDockerEngine: the docker CLI’s order (cli/command/cli.go resolveContextName)', () => {
  it('nothing set: the default context, unix:///var/run/docker.sock', () => {
    expect(resolveDockerEngine({}, undefined, probe())).toEqual({ ok: true, socket: '/var/run/docker.sock' });
    expect(resolveDockerEngine({ DOCKER_CONTEXT: 'default' }, undefined, probe())).toEqual({ ok: true, socket: '/var/run/docker.sock' });
  });

  it('DOCKER_HOST unix://<path> (or the class’s host), an empty path meaning the default socket', () => {
    const p = probe({}, ['/run/user/1000/docker.sock', '/var/run/docker.sock']);
    expect(resolveDockerEngine({ DOCKER_HOST: 'unix:///run/user/1000/docker.sock' }, undefined, p)).toEqual({
      ok: true,
      socket: '/run/user/1000/docker.sock',
    });
    expect(resolveDockerEngine({ DOCKER_HOST: 'tcp://10.0.0.1:2375' }, 'unix:///run/user/1000/docker.sock', p)).toMatchObject({
      socket: '/run/user/1000/docker.sock',
    });
    expect(resolveDockerEngine({ DOCKER_HOST: 'unix://' }, undefined, p)).toMatchObject({ socket: '/var/run/docker.sock' });
  });

  it('DOCKER_HOST set wins over DOCKER_CONTEXT and the config’s currentContext (the default context)', () => {
    const files = { [`${HOME}/.docker/config.json`]: JSON.stringify({ currentContext: 'remote' }) };
    expect(resolveDockerEngine({ DOCKER_HOST: 'unix:///var/run/docker.sock', DOCKER_CONTEXT: 'remote' }, undefined, probe(files))).toEqual({
      ok: true,
      socket: '/var/run/docker.sock',
    });
  });

  it('a context (DOCKER_CONTEXT, else the config’s currentContext under DOCKER_CONFIG or ~/.docker) is the CLI’s', () => {
    expect(resolveDockerEngine({ DOCKER_CONTEXT: 'remote' }, undefined, probe())).toEqual({ ok: false, reason: 'context remote' });
    const home = { [`${HOME}/.docker/config.json`]: JSON.stringify({ currentContext: 'colima' }) };
    expect(resolveDockerEngine({}, undefined, probe(home))).toEqual({ ok: false, reason: 'context colima' });
    // DOCKER_CONTEXT over the file; DOCKER_CONFIG moves the file
    expect(resolveDockerEngine({ DOCKER_CONTEXT: 'default' }, undefined, probe(home))).toMatchObject({ ok: true });
    expect(resolveDockerEngine({ DOCKER_CONFIG: '/cfg' }, undefined, probe(home))).toMatchObject({ ok: true });
    const moved = { '/cfg/config.json': JSON.stringify({ currentContext: 'ci', auths: {} }) };
    expect(resolveDockerEngine({ DOCKER_CONFIG: '/cfg' }, undefined, probe(moved))).toEqual({ ok: false, reason: 'context ci' });
    expect(resolveDockerEngine({}, undefined, probe({ [`${HOME}/.docker/config.json`]: '{"currentContext": "default"}' }))).toMatchObject({
      ok: true,
    });
  });

  it('tcp, ssh, npipe, fd, TLS, extra headers, a bad config or API version, a missing socket: the CLI, saying why', () => {
    const why = (env: NodeJS.ProcessEnv, p = probe()) => {
      const r = resolveDockerEngine(env, undefined, p);
      return r.ok ? 'in-process' : r.reason;
    };
    expect(why({ DOCKER_HOST: 'tcp://127.0.0.1:2375' })).toBe('DOCKER_HOST tcp://…');
    expect(why({ DOCKER_HOST: 'ssh://deploy@build-host' })).toBe('DOCKER_HOST ssh://…');
    expect(why({ DOCKER_HOST: 'npipe:////./pipe/docker_engine' })).toBe('DOCKER_HOST npipe://…');
    expect(why({ DOCKER_HOST: 'fd://' })).toBe('DOCKER_HOST fd://…');
    // TLS without DOCKER_HOST makes the CLI's default host tcp://localhost:2376
    expect(why({ DOCKER_TLS_VERIFY: '1' })).toBe('TLS (DOCKER_TLS / DOCKER_TLS_VERIFY set)');
    expect(why({ DOCKER_TLS: '1', DOCKER_HOST: 'unix:///var/run/docker.sock' })).toBe('TLS (DOCKER_TLS / DOCKER_TLS_VERIFY set)');
    expect(why({ DOCKER_CUSTOM_HEADERS: 'x-a=b' })).toMatch(/HTTP headers/);
    expect(why({}, probe({ [`${HOME}/.docker/config.json`]: '{"HttpHeaders": {"X-Meta": "1"}}' }))).toMatch(/HTTP headers/);
    expect(why({}, probe({ [`${HOME}/.docker/config.json`]: '{not json' }))).toBe(`${HOME}/.docker/config.json does not parse`);
    expect(why({}, probe({}, []))).toBe('no socket at /var/run/docker.sock');
    expect(why({ DOCKER_API_VERSION: 'latest' })).toBe('DOCKER_API_VERSION latest');
    expect(resolveDockerEngine({ DOCKER_API_VERSION: '1.41' }, undefined, probe())).toEqual({
      ok: true,
      socket: '/var/run/docker.sock',
      version: '1.41',
    });
  });
});

describe('the requests, as the CLI would send them', () => {
  it('paths keep an image ref’s / : @, encode the rest; the log decodes them on one line', () => {
    const ref = '127.0.0.1:5000/acme/app@sha256:' + 'a'.repeat(64);
    expect(enginePaths.image(ref)).toBe(`/images/${ref}/json`);
    expect(pathSegment('a b?c#d')).toBe('a%20b%3Fc%23d');
    expect(enginePaths.create('app.sindri-lock')).toBe('/containers/create?name=app.sindri-lock');
    expect(engineLine('GET', enginePaths.projectContainers('sindri-app'))).toBe(
      'engine API: GET /containers/json?all=true&filters={"label":["com.docker.compose.project=sindri-app","com.docker.compose.config-hash"]}',
    );
    expect(engineLine('GET', `/containers/${pathSegment('x\n::error::y')}/json`)).toBe('engine API: GET /containers/x\\n::error::y/json');
  });

  it('GET /containers/json read as `docker ps --no-trunc --format` prints it: engine order, names without /, joined', () => {
    expect(
      projectContainersOf([
        { Names: ['/b'], State: 'running', Labels: { 'com.docker.compose.service': 'app' } },
        { Names: ['/a', '/x/alias'], State: 'exited', Labels: { 'com.docker.compose.oneoff': 'True' } },
        { Names: null, Labels: null },
      ]),
    ).toEqual([
      { name: 'b', state: 'running', service: 'app', oneoff: '' },
      { name: 'a,x/alias', state: 'exited', service: '', oneoff: 'True' },
      { name: '', state: '', service: '', oneoff: '' },
    ]);
  });

  it('containers by label: one label filter; read as `docker ps --no-trunc --format {{.ID}}\\t{{.State}}\\t{{.Label …}}` prints it', () => {
    expect(engineLine('GET', enginePaths.containersByLabel('dev.containers.id=ab12'))).toBe(
      'engine API: GET /containers/json?all=true&filters={"label":["dev.containers.id=ab12"]}',
    );
    const id = (c: string): string => c.repeat(64);
    expect(
      labelledContainersOf(
        [
          { Id: id('b'), State: 'running', Labels: { 'sindri.image': 'app:2', other: 'x' } },
          { Id: id('a'), State: 'exited', Labels: { other: 'x' } },
          { Id: id('c'), State: 'restarting', Labels: { 'sindri.image': '' } },
          { Labels: null },
        ],
        'sindri.image',
      ),
    ).toEqual([
      { id: id('b'), running: true, shown: 'app:2' },
      { id: id('a'), running: false, shown: '' },
      { id: id('c'), running: false, shown: '' },
      { id: '', running: false, shown: '' },
    ]);
  });
});

describe('an engine that does not answer: the request ends as the exec it replaces would', () => {
  async function silentEngine(): Promise<{ host: string; close: () => Promise<void> }> {
    const dir = mkdtempSync(join(tmpdir(), 'sindri-engine-'));
    const socket = join(dir, 'docker.sock');
    const held: Socket[] = [];
    const server = createServer((s) => held.push(s)); // accepts, never answers
    await new Promise<void>((r) => server.listen(socket, r));
    return {
      host: `unix://${socket}`,
      close: async () => {
        held.forEach((s) => s.destroy());
        await new Promise<void>((r) => server.close(() => r()));
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }

  it('past the run’s deadline: the deadline’s own error, in its time', async () => {
    const engine = await silentEngine();
    try {
      const docker = new Docker(new Exec(new Deadline(400)), undefined, engine.host);
      const t0 = Date.now();
      const e = await docker.containerInspect('app').catch((x: unknown) => x);
      expect(isDeadlineExceeded(e)).toBe(true);
      expect((e as ActionError).message).toMatch(
        /ran out before `engine API: GET \/containers\/app\/json` finished \(stopped after 0\.\d s\)/,
      );
      expect(Date.now() - t0).toBeLessThan(2_000);
    } finally {
      await engine.close();
    }
  });

  it('past its own limit inside the deadline: one line saying it was stopped, not the deadline', async () => {
    const engine = await silentEngine();
    try {
      const docker = new Docker(new Exec(new Deadline(60_000)), undefined, engine.host);
      const e = await docker.projectContainers('sindri-app', { timeoutMs: 300 }).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(ActionError);
      expect(isDeadlineExceeded(e)).toBe(false);
      expect((e as ActionError).message).toMatch(
        /^`engine API: GET \/containers\/json\?all=true&filters=.*` did not answer within 0 s and was stopped$/,
      );
    } finally {
      await engine.close();
    }
  });

  it('a socket that is gone (its server closed): the docker CLI is asked, and the log says why', async () => {
    const engine = await silentEngine();
    const docker = new Docker(new Exec(new Deadline(60_000)), undefined, engine.host);
    await engine.close();
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      expect(docker.inProcess).toBe(false);
      expect(spy.mock.calls.map((c) => String(c[0])).join('')).toMatch(/docker engine reads through the docker CLI \(no socket at /);
    } finally {
      spy.mockRestore();
    }
  });
});
