/**
 * The Fly API stand-in (__tests__/support/fly-api.ts) and our in-process client (src/external/fly-api.ts,
 * ADR 0051) against each other and against the flyctl CLI stand-in on the SAME state: apps made by
 * `flyctl` calls are what the API reports, the client computes from the API exactly what the CLI's
 * `status` / `volumes list` / `ips list` / `secrets list` JSON give, and every wrong call is refused
 * (the stand-in is as strict as the API where our calls reach).
 */
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Deadline } from '../../src/deadline.js';
import { Exec } from '../../src/external/exec.js';
import { FlyApi, FlyReader, flyAuthorization, resolveFlyApi } from '../../src/external/fly-api.js';
import { Flyctl } from '../../src/external/flyctl.js';
import { badServer } from '../support/bad-servers.js';
import { installFakes, type Fakes } from '../support/fakes.js';
import { startFlyApi, type FlyApiStandIn } from '../support/fly-api.js';

const TOKEN = 'fo1_contract_token';
const MACAROONS = 'FlyV1 fm2_abc,fm2_def,fo1_user';
const APP = 'contract-app';

let f: Fakes;
let api: FlyApiStandIn;
let dir: string;

const flyctl = (...argv: string[]) =>
  execFileSync(join(f.binDir, 'flyctl'), argv, {
    cwd: dir,
    env: { ...process.env, ...f.env, FLY_API_TOKEN: TOKEN },
    input: '',
    encoding: 'utf8',
  });

async function ask(method: string, path: string, headers: Record<string, string> = {}, body?: string) {
  const r = await fetch(api.url + path, { method, headers, ...(body !== undefined ? { body } : {}) });
  return { status: r.status, body: (await r.json()) as Record<string, unknown> };
}
const bearer = { authorization: `Bearer ${TOKEN}` };
const gql = (query: string, variables: Record<string, unknown> = { appName: APP }, headers: Record<string, string> = bearer) =>
  ask('POST', '/graphql', { 'content-type': 'application/json', ...headers }, JSON.stringify({ query, variables }));

beforeAll(async () => {
  f = installFakes(['flyctl']);
  f.setState('flyctl', { orgs: ['acme'] });
  dir = mkdtempSync(join(tmpdir(), 'fly-api-contract-'));
  writeFileSync(join(dir, 'fly.toml'), `app = "${APP}"\nprimary_region = "ord"\n`);
  // the flyctl fallback of FlyReader runs the CLI stand-in through Exec, with this process's environment
  vi.stubEnv('PATH', f.env.PATH!);
  vi.stubEnv('FAKE_STATE_DIR', f.env.FAKE_STATE_DIR!);
  vi.stubEnv('FLY_API_TOKEN', TOKEN);
  api = await startFlyApi({ stateDir: f.stateDir, tokens: [TOKEN, MACAROONS] });
  // an app, a volume, an IPv6 and a staged secret, made by the CLI stand-in
  flyctl('apps', 'create', APP, '--org', 'acme', '--json');
  flyctl('volumes', 'create', 'home_data', '--app', APP, '--size', '10', '--region', 'ord', '--yes', '--json');
  flyctl('ips', 'allocate-v6', '--app', APP);
  execFileSync(join(f.binDir, 'flyctl'), ['secrets', 'import', '--app', APP, '--stage'], {
    cwd: dir,
    env: { ...process.env, ...f.env, FLY_API_TOKEN: TOKEN },
    input: 'API_KEY=value-1\n',
  });
});

afterAll(async () => {
  await api.close();
  f.remove();
  rmSync(dir, { recursive: true, force: true });
  vi.unstubAllEnvs();
});

describe('the Fly API stand-in refuses wrong calls', () => {
  it('no Authorization, a wrong token, or the right token in the wrong scheme → 401 (GraphQL and flaps)', async () => {
    expect((await ask('GET', `/v1/apps/${APP}/machines`)).status).toBe(401);
    expect((await ask('GET', `/v1/apps/${APP}/machines`, { authorization: 'Bearer fo1_other' })).status).toBe(401);
    // a macaroon token goes with FlyV1, and flaps gets the macaroons only (fly-go Tokens.FlapsHeader)
    expect((await ask('GET', `/v1/apps/${APP}/machines`, { authorization: 'Bearer fm2_abc,fm2_def' })).status).toBe(401);
    expect((await ask('GET', `/v1/apps/${APP}/machines`, { authorization: 'FlyV1 fm2_abc,fm2_def,fo1_user' })).status).toBe(401);
    expect((await ask('GET', `/v1/apps/${APP}/machines`, { authorization: 'FlyV1 fm2_abc,fm2_def' })).status).toBe(200);
    expect((await gql('query ($appName: String!) { app(name: $appName) { id } }', undefined, {})).status).toBe(401);
    expect(
      (await gql('query ($appName: String!) { app(name: $appName) { id } }', undefined, { authorization: 'FlyV1 fm2_abc,fm2_def' })).status,
    ).toBe(401);
    expect(
      (
        await gql('query ($appName: String!) { app(name: $appName) { id } }', undefined, {
          authorization: 'FlyV1 fm2_abc,fm2_def,fo1_user',
        })
      ).status,
    ).toBe(200);
  });

  it('a token the CLI stand-in rejects (rejectToken) is refused by the API too', async () => {
    const before = f.state('flyctl');
    f.setState('flyctl', { ...before, rejectToken: true });
    try {
      expect((await ask('GET', `/v1/apps/${APP}/volumes`, bearer)).status).toBe(401);
      const r = await gql('query ($appName: String!) { app(name: $appName) { id } }');
      expect(r.body.errors).toEqual([expect.objectContaining({ message: 'You must be authenticated to view this.' })]);
    } finally {
      f.setState('flyctl', before);
    }
  });

  it('unknown paths → 404, wrong methods → 405, a query parameter flyctl does not send → 400', async () => {
    expect((await ask('GET', `/v1/apps/${APP}/certificates`, bearer)).status).toBe(404);
    expect((await ask('GET', `/v2/apps/${APP}/machines`, bearer)).status).toBe(404);
    expect((await ask('GET', '/api/v1/apps', bearer)).status).toBe(404);
    expect((await ask('POST', `/v1/apps/${APP}/machines`, bearer, '{}')).status).toBe(405);
    expect((await ask('GET', '/graphql', bearer)).status).toBe(405);
    expect((await ask('GET', `/v1/apps/${APP}/machines?bogus=1`, bearer)).status).toBe(400);
    expect((await ask('GET', `/v1/apps/${APP}/secrets?version=3`, bearer)).status).toBe(200);
  });

  it('GraphQL: a field not in the schema, a scalar with a selection, an object without one, an undeclared variable, bad syntax → 400', async () => {
    for (const query of [
      'query ($appName: String!) { app(name: $appName) { id machines { nodes { id } } } }',
      'query ($appName: String!) { app(name: $appName) { name { first } } }',
      'query ($appName: String!) { app(name: $appName) { organization } }',
      'query { app(name: $appName) { id } }',
      'query ($appName: String!) { app(nom: $appName) { id } }',
      'query ($appName: String!) { app(name: $appName) { id }',
    ]) {
      const r = await gql(query);
      expect(r.status, query).toBe(400);
      expect((r.body.errors as unknown[]).length, query).toBe(1);
    }
    expect((await ask('POST', '/graphql', bearer, JSON.stringify({ query: '{ app(name: "x") { id } }' }))).status).toBe(400); // no JSON content type
  });

  it("an app that does not exist: GraphQL's Could not find App (data.app null), flaps' 404 app not found", async () => {
    const r = await gql('query ($appName: String!) { app(name: $appName) { id } }', { appName: 'nope' });
    expect(r.body).toEqual({ data: { app: null }, errors: [expect.objectContaining({ message: 'Could not find App' })] });
    expect(await ask('GET', '/v1/apps/nope/machines', bearer)).toEqual({ status: 404, body: { error: 'app not found' } });
  });
});

describe('the in-process client reads what flyctl reads', () => {
  const reader = (env: NodeJS.ProcessEnv, log: string[] = []) => {
    const deadline = new Deadline(60_000);
    return new FlyReader(new Flyctl(new Exec(deadline), process.cwd()), deadline, (l) => log.push(l), { ...process.env, ...f.env, ...env });
  };

  it('the headers fly-go sends: Bearer for a user token, FlyV1 with macaroons (flaps: the macaroons only)', () => {
    expect(flyAuthorization('fo1_x')).toEqual({ scheme: 'Bearer', graphql: 'Bearer fo1_x', machines: 'Bearer fo1_x' });
    expect(flyAuthorization(MACAROONS)).toEqual({
      scheme: 'FlyV1',
      graphql: 'FlyV1 fm2_abc,fm2_def,fo1_user',
      machines: 'FlyV1 fm2_abc,fm2_def',
    });
    expect(flyAuthorization('Bearer FlyV1 fm1r_a, fm1a_b')).toMatchObject({ machines: 'FlyV1 fm1r_a,fm1a_b' });
  });

  it('the same facts in-process (one round, no process) as through the flyctl commands, for both token kinds', async () => {
    // a deploy through the CLI stand-in, so there are machines to compare
    flyctl(
      'deploy',
      '--config',
      'fly.toml',
      '--app',
      APP,
      '--image',
      `127.0.0.1:5000/x/y@sha256:${'b'.repeat(64)}`,
      '--remote-only',
      '--yes',
    );
    for (const token of [TOKEN, MACAROONS]) {
      const log: string[] = [];
      const env = { ...api.env, FLY_API_TOKEN: token };
      f.clearCalls();
      const from = api.requests.length;
      const inProcess = await reader(env, log).probe(APP, true, { statusMs: 30_000, listMs: () => 30_000 });
      expect(f.calls('flyctl')).toEqual([]);
      expect(
        api.requests
          .slice(from)
          .map((q) => `${q.method} ${q.path}`)
          .sort(),
      ).toEqual(['POST /graphql', `GET /v1/apps/${APP}/machines`, `GET /v1/apps/${APP}/secrets`, `GET /v1/apps/${APP}/volumes`].sort());
      expect(log).toEqual([expect.stringMatching(/in-process, (Bearer|FlyV1) token \(no flyctl process\)$/)]);
      const viaFlyctl = await reader({ FLY_API_TOKEN: TOKEN, FLY_FORCE_TRACE: '1' }).probe(APP, true, {
        statusMs: 30_000,
        listMs: () => 30_000,
      });
      expect(
        f
          .calls('flyctl')
          .map((c) => c.argv.slice(0, 2).join(' '))
          .sort(),
      ).toEqual(['ips list', 'secrets list', 'status --app', 'volumes list']);
      expect(inProcess.status?.Machines).toEqual(viaFlyctl.status?.Machines);
      expect(inProcess.status?.Machines?.length).toBe(2); // --ha defaults to true: two machines
      expect(inProcess.status?.Deployed).toBe(viaFlyctl.status?.Deployed);
      expect(inProcess.volumes.map((v) => [v.name, v.state])).toEqual(viaFlyctl.volumes.map((v) => [v.name, v.state]));
      expect(inProcess.ips.map((i) => [i.Type, i.Address])).toEqual(viaFlyctl.ips.map((i) => [i.Type, i.Address]));
      expect(inProcess.secrets.map((s) => [s.name, s.digest])).toEqual(viaFlyctl.secrets.map((s) => [s.name, s.digest]));
    }
  });

  it('no app: undefined status, as flyctl status says Could not find App', async () => {
    const r = await reader({ ...api.env, FLY_API_TOKEN: TOKEN }).probe('nope', false, { statusMs: 30_000, listMs: () => 30_000 });
    expect(r).toEqual({ volumes: [], ips: [], secrets: [] });
    expect(
      await new FlyApi((resolveFlyApi({ ...api.env, FLY_API_TOKEN: TOKEN }) as unknown as { endpoint: never }).endpoint).status(
        'nope',
        5000,
      ),
    ).toBeUndefined();
  });

  it('what flyctl is left: a proxy for a non-loopback host, plain http elsewhere, Go certificate roots, FLY_FORCE_*, no token', () => {
    const base = { FLY_API_TOKEN: TOKEN };
    expect(resolveFlyApi({ ...base, HTTPS_PROXY: 'http://proxy:3128' })).toEqual({ ok: false, reason: 'a proxy in the environment' });
    expect(resolveFlyApi({ ...base, ...api.env, HTTP_PROXY: 'http://proxy:3128' }).ok).toBe(true); // loopback is never proxied
    expect(resolveFlyApi({ ...base, FLY_API_BASE_URL: 'http://api.example' })).toMatchObject({ ok: false });
    expect(resolveFlyApi({ ...base, ...api.env, SSL_CERT_FILE: '/x.pem' }).ok).toBe(true); // http on loopback: no roots
    expect(resolveFlyApi({ ...base, SSL_CERT_FILE: '/x.pem' })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/SSL_CERT_FILE/),
    });
    expect(resolveFlyApi({ ...base, FLY_FORCE_INSTANCE_ID: 'x' })).toMatchObject({ ok: false });
    expect(resolveFlyApi({ HOME: '/h' })).toEqual({ ok: false, reason: 'no token in the environment' });
    const r = resolveFlyApi({ FLY_ACCESS_TOKEN: 'fo1_a', FLY_API_TOKEN: 'fo1_b' });
    expect(r.ok && r.endpoint.graphqlAuth).toBe('Bearer fo1_a'); // FLY_ACCESS_TOKEN first, as flyctl
    expect(r.ok && [r.endpoint.graphql.href, r.endpoint.machines.href]).toEqual([
      'https://api.fly.io/graphql',
      'https://api.machines.dev/',
    ]);
  });

  it("an API that does not answer: its own limit is one line, the run's deadline is the deadline's error; no flyctl either way", async () => {
    const hang = await badServer('hang');
    try {
      const env = { FLY_API_TOKEN: TOKEN, FLY_API_BASE_URL: `http://${hang.host}`, FLY_FLAPS_BASE_URL: `http://${hang.host}` };
      f.clearCalls();
      const own = reader(env).status(APP, 300);
      await expect(own).rejects.toThrow(/^`Fly API read of app contract-app` did not answer within 0 s and was stopped/);
      const deadline = new Deadline(400);
      const capped = new FlyReader(new Flyctl(new Exec(deadline), process.cwd()), deadline, () => undefined, { ...process.env, ...env });
      await expect(capped.probe(APP, false, { statusMs: 120_000, listMs: () => 60_000 })).rejects.toThrow(
        /the run's timeout of 0 s ran out before `Fly API read of app contract-app` finished \(stopped after 0\.\d s\)/,
      );
      expect(f.calls('flyctl')).toEqual([]);
    } finally {
      await hang.close();
    }
  });

  it('one request refused while another hangs: the hanging one is stopped at once (nothing holds the run open), flyctl reads', async () => {
    let closed = 0;
    const server = createServer((req, res) => {
      if (req.url === '/graphql') return void res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"unauthorized"}');
      req.socket.on('close', () => closed++); // the machines list: never answered
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const log: string[] = [];
      f.clearCalls();
      const started = Date.now();
      const r = await reader({ FLY_API_TOKEN: TOKEN, FLY_API_BASE_URL: url, FLY_FLAPS_BASE_URL: url }, log).status(APP, 60_000);
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(r?.Name).toBe(APP);
      expect(f.calls('flyctl').map((c) => c.argv[0])).toEqual(['status']);
      expect(log[1]).toMatch(
        /^Fly's API read of app contract-app in-process failed \(POST \/graphql answered 401: unauthorized\): reading through flyctl$/,
      );
      await new Promise((r) => setTimeout(r, 50));
      expect(closed).toBe(1);
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });
});
