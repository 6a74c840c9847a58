/**
 * Start-up (issue 25, ADR 0049): a `plan` that makes no request loads none of Node's HTTP stack.
 * `@actions/core` imports `@actions/http-client` (for its OIDC client) and `@actions/exec` (for its
 * platform details); in the bundle both are shims (src/vendor/http-client-lazy.ts, exec-lazy.ts) that
 * evaluate the real module on first use. The bundle runs with a preload (NODE_OPTIONS=--require)
 * that writes, at exit, which of Node's own modules the process loaded, and (Node 24, whose
 * `module.registerHooks` sees every import) which of the bundle's chunks: a plan that verifies nothing
 * loads none of the verification's code (src/verify/gate.ts, ADR 0050's addendum).
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST_ENTRY, NODES, runAction } from '../support/action.js';
import { GitHubApiStandIn } from '../support/github-api.js';
import { makeWorkdir } from '../support/workdir.js';

const api = new GitHubApiStandIn();
const dirs: string[] = [];
let recorder = '';
let eventPath = '';

beforeAll(async () => {
  await api.start();
  const dir = mkdtempSync(join(tmpdir(), 'start-up-modules-'));
  dirs.push(dir);
  recorder = join(dir, 'record.cjs');
  writeFileSync(
    recorder,
    [
      'const urls = [];',
      // Node 24: every module the process imports (the bundle's chunks too); Node 20 has no registerHooks
      "require('module').registerHooks?.({ resolve: (s, c, next) => { const r = next(s, c); urls.push(r.url); return r; } });",
      "process.on('exit', () => {",
      "  require('fs').writeFileSync(process.env.MODULES_OUT, process.moduleLoadList.join('\\n'));",
      "  require('fs').writeFileSync(process.env.MODULES_OUT + '.urls', urls.join('\\n'));",
      '});',
      '',
    ].join('\n'),
  );
  eventPath = join(dir, 'event.json');
  writeFileSync(eventPath, JSON.stringify({ action: 'opened', number: 12, pull_request: { number: 12 } }));
});

afterAll(async () => {
  await api.stop();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const yaml = `version: "3.0"\nname: startup\ndeployment:\n  provider: docker\n  image: 127.0.0.1:5000/none/app@sha256:${'f'.repeat(64)}\nextensions:\n  profile: minimal\n`;
const HTTP_STACK = ['http', 'https', 'tls', 'assert'];

/** the plan's exit code, the names of Node's own modules it loaded and (Node 24) the bundle's files it imported */
async function planModules(node: '20' | '24', inputs: Record<string, string>, env: Record<string, string> = {}) {
  const cwd = makeWorkdir('start-up-modules-', dirs, yaml);
  const out = join(cwd, 'modules.txt');
  const r = await runAction({
    inputs: { mode: 'plan', 'pin-digest': 'false', ...inputs },
    cwd,
    node,
    env: { NODE_OPTIONS: `--require ${recorder}`, MODULES_OUT: out, ...env },
  });
  const loaded = readFileSync(out, 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('NativeModule '))
    .map((l) => l.slice('NativeModule '.length));
  const chunks = readFileSync(`${out}.urls`, 'utf8')
    .split('\n')
    .filter((u) => u.startsWith('file:') && dirname(fileURLToPath(u)) === dirname(DIST_ENTRY))
    .map((u) => basename(fileURLToPath(u)));
  return { r, loaded, chunks };
}

/** The bundle's chunk files whose code holds `marker` (chunk names are webpack's numbers, they change with the code). */
function chunksWith(marker: string): string[] {
  const dist = dirname(DIST_ENTRY);
  return readdirSync(dist).filter((f) => f.endsWith('.index.js') && readFileSync(join(dist, f), 'utf8').includes(marker));
}

describe('start-up: the verification code is loaded only for a check (ADR 0050, addendum)', () => {
  // verify.ts's own text: in the chunk that holds the cosign checks, and in no other
  const verifyChunks = chunksWith('failed verification (policy: ');
  const providerChunks = chunksWith('--remove-orphans');
  const noEngine = () => ({ DOCKER_HOST: `unix://${join(dirs[0]!, 'no-engine.sock')}` });

  it('a plan that verifies nothing loads no verification chunk, and says so as before', async () => {
    expect(verifyChunks).toHaveLength(1);
    const { r, chunks } = await planModules('24', {}, noEngine());
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toContain(
      'not verified: verify: auto and nothing asks for it (no image_config, no cosign-key or certificate-identity)',
    );
    expect(chunks).toEqual(expect.arrayContaining(providerChunks)); // the record is real: the docker provider's chunk was imported
    expect(chunks.filter((c) => verifyChunks.includes(c))).toEqual([]);
  });

  it('a plan that asks for a check (verify: warn) loads it and runs it: no cosign on PATH is a warning', async () => {
    const empty = join(dirs[0]!, 'no-cosign');
    mkdirSync(empty, { recursive: true });
    const { r, chunks } = await planModules('24', { verify: 'warn' }, { ...noEngine(), PATH: empty });
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toMatch(
      /::warning::.*failed verification \(policy: signature, keyless.*\): cosign is not on PATH \(verify: warn: deploying anyway\)/,
    );
    expect(chunks).toEqual(expect.arrayContaining(verifyChunks));
  });
});

describe('start-up: the toolkit HTTP stack is loaded on first use (ADR 0049)', () => {
  it.each(NODES)('Node %s: a plan with no request loads neither http, https, tls nor assert', async (node) => {
    // no engine socket: the plan's live read goes to the docker CLI (ADR 0048), which finds no engine
    const { r, loaded } = await planModules(node, {}, { DOCKER_HOST: `unix://${join(dirs[0]!, 'no-engine.sock')}` });
    expect(r.code, r.stdout).toBe(0);
    expect(loaded).toContain('child_process'); // the record is real: the plan ran docker
    expect(HTTP_STACK.filter((m) => loaded.includes(m))).toEqual([]);
  });

  it("a plan that reads the engine in-process (the runner's own socket) loads http for it, and nothing of TLS", async () => {
    const { r, loaded } = await planModules('24', {});
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toContain('engine API: GET /info');
    expect(loaded).toContain('http');
    expect(['https', 'tls', 'assert'].filter((m) => loaded.includes(m))).toEqual([]);
  });

  it('a plan that comments on the pull request builds an HttpClient: the real one, and the comment is written', async () => {
    api.clearRequests();
    const { r, loaded } = await planModules(
      '24',
      { 'pr-comment': 'true', 'github-token': 'ghs_startupTest0123456789' },
      {
        GITHUB_API_URL: api.url,
        GITHUB_REPOSITORY: 'o/r',
        GITHUB_SHA: 'a'.repeat(40),
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: eventPath,
      },
    );
    expect(r.code, r.stdout).toBe(0);
    expect(loaded).toEqual(expect.arrayContaining(['http', 'https']));
    expect(api.requests.some((q) => q.method === 'POST' && /\/issues\/12\/comments$/.test(q.path))).toBe(true);
  });
});
