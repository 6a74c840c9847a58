/**
 * Issue 26 for E2B through the action itself (`node dist/index.js`): a private base image reaches
 * E2B's template build with registry credentials, in the one place E2B takes them — the build-start
 * body's `fromImageRegistry` — since `e2b template create` has no way to pass them. The E2B API is the
 * CONTRACT stand-in (its build pulls a loopback image for real: anonymous first, then with the
 * body's credentials, as E2B's template manager does); the private registry is the REAL htpasswd one
 * (:5001); the same bytes on the anonymous registry (:5000) are built by the REAL e2b CLI, so the
 * steps the action sends can be compared with what the CLI sends for the same e2b.Dockerfile.
 */
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ROOT, runAction, type ActionRun } from '../support/action.js';
import { uniqueName } from '../support/docker.js';
import { E2bApiMock } from '../support/e2b-api.js';
import { pushLayered, REGISTRY_ANON, REGISTRY_BASIC, requireService, TEST_PASS, TEST_USER } from '../support/registry.js';
import { makeWorkdir } from '../support/workdir.js';
import { E2bApi } from '../../src/external/e2b-api.js';
import { Deadline } from '../../src/deadline.js';

const KEY = `e2b_${randomBytes(20).toString('hex')}`;
const ns = uniqueName('e2b-priv');
const dirs: string[] = [];
const api = new E2bApiMock(KEY);
let digest: string;
const privateRepo = `${REGISTRY_BASIC}/${ns}/base`;
const publicRepo = `${REGISTRY_ANON}/${ns}/base`;

const yaml = (name: string, image: string) =>
  `version: "3.0"\nname: ${name}\ndeployment:\n  provider: e2b\n  image: ${image}:1.0\nextensions:\n  profile: minimal\nproviders:\n  e2b:\n    startCmd: /bin/sh\n    readyCmd: "true"\n`;
const login = { 'registry-username': TEST_USER, 'registry-password': TEST_PASS };

function act(dir: string, inputs: Record<string, string>): Promise<ActionRun> {
  return runAction({
    inputs: { timeout: '2m', verify: 'false', ...inputs },
    cwd: dir,
    env: { PATH: `${join(ROOT, 'node_modules', '.bin')}${delimiter}${process.env.PATH ?? ''}`, E2B_API_URL: api.url, E2B_API_KEY: KEY },
    timeoutMs: 240_000,
  });
}

const buildStarts = () => api.requests.filter((q) => q.method === 'POST' && /^\/v2\/templates\/[^/]+\/builds\/[^/]+$/.test(q.path));

beforeAll(async () => {
  await requireService(`http://${REGISTRY_BASIC}/v2/`, [401]);
  await requireService(`http://${REGISTRY_ANON}/v2/`, [200]);
  await api.start();
  // the same bytes twice: private on :5001, public on :5000 (one digest)
  const creds = { username: TEST_USER, password: TEST_PASS };
  const o = { layers: 1, layerBytes: 4096, seed: ns };
  digest = (await pushLayered({ host: REGISTRY_BASIC, repository: `${ns}/base`, auth: creds }, '1.0', o)).digest;
  const twin = (await pushLayered({ host: REGISTRY_ANON, repository: `${ns}/base` }, '1.0', o)).digest;
  expect(twin).toBe(digest);
}, 180_000);

afterAll(async () => {
  await api.stop();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('e2b contract: a private base image', () => {
  beforeEach(() => api.reset());

  it('plan: says the template is built through the API with the registry credentials, and lists no e2b template create', async () => {
    const dir = makeWorkdir('e2b-private-', dirs, yaml(`${ns}-plan`, privateRepo));
    const r = await act(dir, { ...login, mode: 'plan' });
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toContain(
      `E2B API: ${privateRepo}@${digest} is private (opened with input registry-username/registry-password) and e2b template create cannot pass registry credentials`,
    );
    expect(r.stdout).toContain('fromImageRegistry: {type: registry, username, password from input registry-username/registry-password}');
    expect(r.stdout).not.toMatch(/would run: e2b template create/);
    // only the live diff's reads (ADR 0045): nothing built, nothing registered
    expect(api.requests.filter((q) => q.method !== 'GET')).toEqual([]);
  }, 120_000);

  it('deploy: the build-start body carries fromImageRegistry, E2B pulls with it, the steps are the CLI’s for the same e2b.Dockerfile; the password is in nothing else', async () => {
    // what the real CLI sends for the public twin: the reference for the steps
    const pubDir = makeWorkdir('e2b-private-', dirs, yaml(`${ns}-pub`, publicRepo));
    const pub = await act(pubDir, { 'image-digest': digest });
    expect(pub.code, pub.stdout).toBe(0);
    const [cliStart] = api.buildStarts();
    expect(cliStart!.fromImage).toBe(`${publicRepo}@${digest}`);
    expect(cliStart!.fromImageRegistry).toBeUndefined();
    api.reset();

    const name = `${ns}-app`;
    const dir = makeWorkdir('e2b-private-', dirs, yaml(name, privateRepo));
    const r = await act(dir, { ...login, 'image-digest': digest });
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toContain(`${privateRepo}@${digest} is private: e2b template create cannot pass registry credentials`);
    const [start] = api.buildStarts();
    expect(start).toEqual({
      ...cliStart,
      fromImage: `${privateRepo}@${digest}`,
      fromImageRegistry: { type: 'registry', username: TEST_USER, password: TEST_PASS },
    });
    // the stand-in pulled the private image with those credentials: the build is ready, the sandbox runs it
    const template = api.byAlias(name)!;
    expect(template.builds.map((b) => b.status)).toEqual(['ready']);
    const extra = (JSON.parse(r.outputs.result!) as { extra: Record<string, string> }).extra;
    expect(extra['template-id']).toBe(template.templateID);
    expect(extra['sandbox-id']).toMatch(/\S/);
    // the password: masked, and in no request but the build start, no output, summary or file left behind
    expect(r.stdout.replace(/^::add-mask::.*$/gm, '')).not.toContain(TEST_PASS);
    expect(r.stderr).not.toContain(TEST_PASS);
    expect(r.summary).not.toContain(TEST_PASS);
    expect(JSON.stringify(r.outputs)).not.toContain(TEST_PASS);
    const others = api.requests.filter((q) => !buildStarts().includes(q));
    for (const q of others) expect(q.body, `${q.method} ${q.path}`).not.toContain(TEST_PASS);
    for (const f of readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()))
      expect(readFileSync(join(f.parentPath, f.name), 'utf8')).not.toContain(TEST_PASS);

    // unchanged → the template is not built again
    const again = await act(dir, { ...login, 'image-digest': digest });
    expect(again.code, again.stdout).toBe(0);
    expect(buildStarts()).toHaveLength(1);
    expect(again.outputs.skipped).toBe('true');
  }, 400_000);

  it('the stand-in really pulls: the same build without fromImageRegistry fails UNAUTHORIZED (what E2B does with a private base and no credentials)', async () => {
    const e2b = new E2bApi(new Deadline(60_000), KEY, api.url);
    const { templateID, buildID } = await e2b.requestBuild({ name: `${ns}-bare`, cpuCount: 2, memoryMB: 1024 });
    await e2b.startBuild(templateID, buildID, { fromImage: `${privateRepo}@${digest}`, force: false, steps: [] });
    const s = await e2b.buildStatus(templateID, buildID, 0);
    expect(s.status).toBe('error');
    expect(s.reason?.message).toBe(`failed to pull ${privateRepo}@${digest}: UNAUTHORIZED (401)`);
  });
});
