/**
 * The health check (src/health/check.ts) against a real loopback HTTP server, and a command run
 * "inside" through the same interface a provider offers; the inputs that configure it; the summary's
 * first line that says what runs now and whether it passed its check.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Deadline } from '../../src/deadline.js';
import { ActionError } from '../../src/errors.js';
import { checkHealth, healthUrl, type HealthSpec } from '../../src/health/check.js';
import { parseHealthCommand, parseHealthUrl } from '../../src/inputs.js';
import { nowRunning, Report } from '../../src/report/report.js';

let server: http.Server;
let base = '';
const hits = new Map<string, number>();

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const n = (hits.get(req.url!) ?? 0) + 1;
    hits.set(req.url!, n);
    if (req.url === '/ok') return res.writeHead(200).end('ok');
    if (req.url === '/redirect') return res.writeHead(302, { location: '/elsewhere' }).end();
    if (req.url === '/third-time') return res.writeHead(n >= 3 ? 204 : 503).end();
    if (req.url === '/slow') return void setTimeout(() => res.writeHead(200).end(), 5_000);
    res.writeHead(500, 'Broken').end('nope');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const quiet = () => vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
const spec = (o: Partial<HealthSpec>): HealthSpec => ({ url: '', command: '', timeoutMs: 10_000, ...o });
const thrown = (f: () => unknown): ActionError => {
  try {
    f();
  } catch (e) {
    return e as ActionError;
  }
  throw new Error('did not throw');
};

describe('health-url and health-command inputs', () => {
  it('a path, or an absolute http(s) URL without credentials; one line', () => {
    expect(parseHealthUrl('')).toBe('');
    expect(parseHealthUrl('/healthz')).toBe('/healthz');
    expect(parseHealthUrl('https://app.example.com/healthz')).toBe('https://app.example.com/healthz');
    expect(thrown(() => parseHealthUrl('ftp://x/y')).toLine()).toMatch(/^input health-url: the scheme ftp: is not http or https/);
    expect(thrown(() => parseHealthUrl('https://u:p@x/y')).toLine()).toMatch(/^input health-url: holds credentials/);
    expect(thrown(() => parseHealthUrl('//evil.example/x')).toLine()).toMatch(/neither a path nor a URL/);
    expect(thrown(() => parseHealthUrl('healthz')).toLine()).toMatch(/is not a URL.*Fix: write a path such as \/healthz/);
    expect(thrown(() => parseHealthUrl('/a\n::error::forged')).toLine()).toMatch(/control character/);
    expect(parseHealthCommand('  curl -fsS localhost:8080/health  ')).toBe('curl -fsS localhost:8080/health');
    expect(thrown(() => parseHealthCommand('true\n::warning::x')).toLine()).toMatch(/^input health-command: contains a control character/);
  });

  it('a path is joined to the deployment url; without one it is an error naming the input', () => {
    expect(healthUrl(spec({ url: '/healthz' }), 'http://localhost:8080')).toBe('http://localhost:8080/healthz');
    expect(healthUrl(spec({ url: '/healthz' }), 'https://app.fly.dev/base/')).toBe('https://app.fly.dev/healthz');
    expect(healthUrl(spec({ url: 'http://other/x' }), '')).toBe('http://other/x');
    expect(thrown(() => healthUrl(spec({ url: '/healthz' }), '')).toLine()).toMatch(
      /^input health-url: health-url \/healthz is a path, but this deployment has no url/,
    );
  });
});

describe('checkHealth against a real loopback server', () => {
  it('2xx at once: healthy after one attempt', async () => {
    quiet();
    const o = await checkHealth(spec({ url: '/ok' }), { url: base, name: 'x' }, new Deadline(30_000));
    expect(o).toMatchObject({ healthy: true, attempts: 1, what: `GET ${base}/ok`, last: '' });
    vi.restoreAllMocks();
  });

  it('a 3xx counts as an answer and is not followed', async () => {
    quiet();
    const o = await checkHealth(spec({ url: `${base}/redirect` }), { url: '', name: 'x' }, new Deadline(30_000));
    expect(o.healthy).toBe(true);
    expect(hits.get('/elsewhere')).toBeUndefined();
    vi.restoreAllMocks();
  });

  it('retries with backoff until it passes; every attempt is a log line', async () => {
    const out: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => (out.push(String(c)), true));
    const o = await checkHealth(spec({ url: '/third-time' }), { url: base, name: 'x' }, new Deadline(30_000));
    vi.restoreAllMocks();
    expect(o).toMatchObject({ healthy: true, attempts: 3 });
    expect(out.join('').match(/^health: .* failed \(attempt \d/gm)).toHaveLength(2);
    expect(out.join('')).toMatch(/health: GET .*\/third-time passed \(attempt 3/);
  });

  it('stops at health-timeout with the last answer; never past the deadline it is given', async () => {
    quiet();
    let started = Date.now();
    const o = await checkHealth(spec({ url: '/broken', timeoutMs: 1_500 }), { url: base, name: 'x' }, new Deadline(60_000));
    expect(o).toMatchObject({ healthy: false, last: 'HTTP 500 Broken' });
    expect(Date.now() - started).toBeLessThan(3_000);
    started = Date.now();
    const slow = await checkHealth(spec({ url: '/slow', timeoutMs: 60_000 }), { url: base, name: 'x' }, new Deadline(1_200));
    expect(slow.healthy).toBe(false);
    expect(slow.last).toMatch(/no answer within 1\.\d s/);
    expect(Date.now() - started).toBeLessThan(2_500);
    vi.restoreAllMocks();
  });

  it('a refused connection is a failed attempt, named by its code', async () => {
    quiet();
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const o = await checkHealth(spec({ url: `http://127.0.0.1:${port}/x`, timeoutMs: 800 }), { url: '', name: 'x' }, new Deadline(10_000));
    expect(o).toMatchObject({ healthy: false, last: 'ECONNREFUSED' });
    vi.restoreAllMocks();
  });

  it('health-command runs through the provider; exit 0 passes, the last output line explains a failure; both checks must pass', async () => {
    quiet();
    const calls: string[] = [];
    const runInside = async (command: string) => {
      calls.push(command);
      return calls.length < 2 ? { code: 7, stdout: 'curl: (7) Failed to connect\n', stderr: '' } : { code: 0, stdout: '', stderr: '' };
    };
    const o = await checkHealth(
      spec({ url: '/ok', command: 'curl -f localhost' }),
      { url: base, name: 'container app', runInside },
      new Deadline(30_000),
    );
    expect(o).toMatchObject({ healthy: true, attempts: 2, what: `GET ${base}/ok and \`curl -f localhost\` in container app` });
    const failing = await checkHealth(
      spec({ command: 'false', timeoutMs: 700 }),
      { url: '', name: 'c', runInside: async () => ({ code: 1, stdout: '', stderr: 'token=hunter2-secret\n' }) },
      new Deadline(30_000),
    );
    expect(failing).toMatchObject({ healthy: false, last: 'exit code 1: token=hunter2-secret' });
    await expect(checkHealth(spec({ command: 'true' }), { url: '', name: 'x' }, new Deadline(1000))).rejects.toThrow(/offers no way in/);
    vi.restoreAllMocks();
  });
});

describe('the summary says first what runs now and whether it passed its check', () => {
  const report = () => {
    const r = new Report('deploy', { summary: false });
    r.result.image = 'reg/app@sha256:1111';
    return r;
  };

  it('healthy, unchecked, rolled back, failed', () => {
    quiet();
    const ok = report();
    ok.rollout({ health: { healthy: true, attempts: 1, waitedMs: 12, what: 'GET http://x/healthz', last: '' } });
    expect(nowRunning(ok.result)).toBe('**Running now:** `reg/app@sha256:1111` — healthy (GET http://x/healthz passed)');
    expect(nowRunning(report().result)).toBe('**Running now:** `reg/app@sha256:1111` — health not checked');
    const back = report();
    back.failed({ rolledBack: 'true', previousImage: 'reg/app@sha256:0000', healthy: 'true', container: 'app' });
    back.result.error = 'boom';
    expect(nowRunning(back.result)).toBe(
      '**Running now:** the previous image `reg/app@sha256:0000` (rolled back) — healthy (check passed)',
    );
    expect(back.result.extra).toEqual({ container: 'app' });
    const failed = report();
    failed.failed({ rolledBack: 'false', healthy: 'false' });
    failed.result.error = 'boom';
    expect(nowRunning(failed.result)).toBe('**Deploy failed** — see below (the health check failed)');
    expect(failed.result['rolled-back']).toBe(false);
    vi.restoreAllMocks();
  });
});
