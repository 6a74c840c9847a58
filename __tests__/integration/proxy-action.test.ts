/**
 * Behind a proxy (ADR 0018: undici is loaded only when a proxy variable is set). The action runs
 * `node dist/index.js` with HTTPS_PROXY/HTTP_PROXY pointing at a loopback CONNECT proxy that tunnels
 * every request to the loopback GitHub REST stand-in (CONTRACT: no GitHub here). The API host name
 * is resolved by the proxy, never by the action, so nothing leaves loopback. The PR comment must go
 * through the proxy; without a proxy variable the same run goes direct.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProxySupport, ProxyAgent } from '../../src/vendor/undici-lazy.js';
import { NODES, runAction } from '../support/action.js';
import { GitHubApiStandIn } from '../support/github-api.js';
import { makeWorkdir } from '../support/workdir.js';

const api = new GitHubApiStandIn();
const dirs: string[] = [];
let proxy: Server;
let proxyUrl = '';
const tunnels: string[] = [];
let eventPath = '';

beforeAll(async () => {
  await api.start();
  const apiPort = Number(new URL(api.url).port);
  proxy = createServer((_req, res) => res.writeHead(405).end());
  // CONNECT host:port → always the stand-in: the requested host is only recorded, never resolved
  proxy.on('connect', (req, client: Socket, head: Buffer) => {
    tunnels.push(req.url ?? '');
    const upstream = connect(apiPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  const dir = mkdtempSync(join(tmpdir(), 'proxy-event-'));
  dirs.push(dir);
  eventPath = join(dir, 'event.json');
  writeFileSync(eventPath, JSON.stringify({ action: 'opened', number: 11, pull_request: { number: 11 } }));
});

afterAll(async () => {
  await api.stop();
  await new Promise<void>((resolve) => proxy.close(() => resolve()));
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** the comment was created or edited (a second run edits the one it finds) */
const commented = () =>
  api.requests.some(
    (q) =>
      (q.method === 'POST' && /\/issues\/11\/comments$/.test(q.path)) || (q.method === 'PATCH' && /\/issues\/comments\/\d+$/.test(q.path)),
  );

const yaml = `version: "3.0"\nname: proxied\ndeployment:\n  provider: docker\n  image: 127.0.0.1:5000/none/app@sha256:${'e'.repeat(64)}\nextensions:\n  profile: minimal\n`;

function plan(node: '20' | '24', env: Record<string, string>) {
  return runAction({
    inputs: { mode: 'plan', 'pin-digest': 'false', 'pr-comment': 'true', 'github-token': 'ghs_proxyTest0123456789' },
    cwd: makeWorkdir('proxy-action-', dirs, yaml),
    node,
    env: {
      GITHUB_REPOSITORY: 'o/r',
      GITHUB_SHA: 'a'.repeat(40),
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: eventPath,
      ...env,
    },
  });
}

describe('contract: the GitHub API through an HTTP proxy (loopback CONNECT proxy, loopback GitHub stand-in)', () => {
  it.each(NODES)('Node %s: HTTPS_PROXY set → the PR comment goes through the proxy', async (node) => {
    tunnels.length = 0;
    api.clearRequests();
    // a host only the proxy can reach: the action never resolves it
    const r = await plan(node, { GITHUB_API_URL: 'https://api.github.invalid', HTTPS_PROXY: proxyUrl, HTTP_PROXY: proxyUrl });
    // TLS to the plain-HTTP stand-in fails inside the tunnel: a GitHub failure is one warning, the plan still succeeds…
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toMatch(/^::warning.*GitHub/m);
    expect(tunnels.length, r.stdout).toBeGreaterThan(0); // …and the request did go through the proxy
    expect(tunnels.every((t) => t === 'api.github.invalid:443')).toBe(true);
  });

  it.each(NODES)('Node %s: an http API through the proxy: the comment is written', async (node) => {
    tunnels.length = 0;
    api.clearRequests();
    const r = await plan(node, { GITHUB_API_URL: 'http://api.github.invalid', HTTP_PROXY: proxyUrl, HTTPS_PROXY: proxyUrl });
    expect(r.code, r.stdout).toBe(0);
    expect(tunnels.length).toBeGreaterThan(0);
    expect(commented(), JSON.stringify(api.requests.map((q) => `${q.method} ${q.path}`))).toBe(true);
  });

  it('without a proxy variable the same run goes direct (no tunnel)', async () => {
    tunnels.length = 0;
    api.clearRequests();
    const r = await plan('24', { GITHUB_API_URL: api.url });
    expect(r.code, r.stdout).toBe(0);
    expect(tunnels).toEqual([]);
    expect(commented(), JSON.stringify(api.requests.map((q) => `${q.method} ${q.path}`))).toBe(true);
  });
});

describe('src/vendor/undici-lazy.ts', () => {
  it('without a proxy variable nothing is loaded and a ProxyAgent is refused with the reason', async () => {
    await loadProxySupport({});
    expect(() => new ProxyAgent({ uri: 'http://127.0.0.1:9' })).toThrow(/no proxy variable was set/);
  });
  it('with one, the real undici ProxyAgent is built', async () => {
    await loadProxySupport({ HTTPS_PROXY: 'http://127.0.0.1:9' });
    const agent = new ProxyAgent({ uri: 'http://127.0.0.1:9' }) as unknown as { constructor: { name: string }; close(): Promise<void> };
    expect(agent.constructor.name).toBe('ProxyAgent');
    await agent.close();
  });
});
