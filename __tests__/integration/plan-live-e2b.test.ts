/**
 * Issue 21, e2b, CONTRACT: `mode: plan` through `node dist/index.js` reads the template and its
 * sandboxes through the E2B API stand-in (__tests__/support/e2b-api.ts, strict to E2B's OpenAPI) and
 * says per resource what a deploy would do. A deploy by the action first (the REAL @e2b/cli builds
 * the template from an image in the REAL registry); then plans: the same digest → both `= unchanged`,
 * `changed=false`; a new digest → both updated with both digests; other secret values → the sandbox
 * only; an API that refuses the key (401), a port nobody listens on, an API that never answers, no
 * key at all → the plan succeeds and says why. Every request a plan makes is a GET, and the stand-in's
 * templates and sandboxes are the same after the plans as before.
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runAction, type ActionRun, type NodeMajor } from '../support/action.js';
import { badServer, refusedPort } from '../support/bad-servers.js';
import {
  buildImage,
  cleanup,
  imagesOf,
  pushImage,
  pushTestBase,
  REGISTRY,
  removeLabelledImages,
  requireServices,
  testDockerfile,
  uniqueName,
} from '../support/docker.js';
import { E2bApiMock } from '../support/e2b-api.js';
import { makeWorkdir } from '../support/workdir.js';

const KEY = `e2b_${randomBytes(20).toString('hex')}`;
const SECRET = `s3cr3t-${randomBytes(12).toString('hex')}`;
const ns = uniqueName('e2bplan');
const name = `${ns}-app`;
const dirs: string[] = [];
const api = new E2bApiMock(KEY);
let app: { repo: string; a: string; b: string };

const yaml = (digest: string) =>
  `version: "3.0"\nname: ${name}\ndeployment:\n  provider: e2b\n  image: ${app.repo}@${digest}\nextensions:\n  profile: minimal\n` +
  `secrets:\n  - name: API_TOKEN\n    source: env\nproviders:\n  e2b:\n    timeout: 600\n    autoPause: false\n`;

function act(dir: string, inputs: Record<string, string>, env: Record<string, string> = {}, node: NodeMajor = '24'): Promise<ActionRun> {
  return runAction({
    inputs: { timeout: '2m', verify: 'false', ...inputs },
    cwd: dir,
    node,
    env: {
      PATH: `${join(ROOT, 'node_modules', '.bin')}${delimiter}${process.env.PATH ?? ''}`,
      E2B_API_URL: api.url,
      E2B_API_KEY: KEY,
      API_TOKEN: SECRET,
      ...env,
    },
    timeoutMs: 240_000,
  });
}

interface PlanResult {
  plan: {
    live: { known: boolean; reason: string };
    changes: { action: string; resource: string; image?: { from: string; to: string }; settings?: string[]; note?: string }[];
  };
}
const short = (digest: string) => `${digest.slice(0, 'sha256:'.length + 12)}…`;

/** the log without the `::add-mask::` lines (how the runner learns what to hide: the one place a value may be) */
const unmasked = (r: ActionRun) => `${r.stdout}\n${r.stderr}`.replace(/^::add-mask::.*$/gm, '');

/** the stand-in's state: what a plan must leave as it found it */
const state = () => JSON.stringify({ templates: [...api.templates.values()], sandboxes: [...api.sandboxes.values()] });

/** A plan that read or tried to read: exit 0, only GETs sent, nothing on the stand-in changed, the secret nowhere. */
async function plan(dir: string, env: Record<string, string> = {}, node: NodeMajor = '24'): Promise<{ r: ActionRun; res: PlanResult }> {
  const before = state();
  const from = api.requests.length;
  const r = await act(dir, { mode: 'plan' }, env, node);
  expect(r.code, r.stdout + r.stderr).toBe(0);
  expect(api.requests.slice(from).filter((q) => q.method !== 'GET')).toEqual([]);
  expect(state()).toBe(before);
  expect(unmasked(r)).not.toContain(SECRET);
  expect(unmasked(r)).not.toContain(KEY);
  return { r, res: JSON.parse(r.outputs.result!) as PlanResult };
}

beforeAll(async () => {
  await requireServices();
  await api.start();
  const a = await pushTestBase(`${ns}/app`, ns);
  await buildImage(`${ns}-b:build`, testDockerfile(a.ref, { extra: `LABEL v=b` }));
  const b = await pushImage(`${ns}-b:build`, `${ns}/app`, 'b');
  await cleanup({ images: [`${ns}-b:build`, b.ref] });
  app = { repo: a.repo, a: a.digest, b: b.digest };
}, 180_000);

afterAll(async () => {
  await api.stop();
  await cleanup({ images: await imagesOf(`${REGISTRY}/${ns}/app`) });
  await removeLabelledImages(ns);
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
}, 180_000);

describe('contract: the e2b plan reads the live target through the E2B API stand-in, read-only', () => {
  let dir: string;

  it('before anything exists: + create template and sandbox, changed=true, changes=2; GETs only', async () => {
    dir = makeWorkdir('e2b-plan-', dirs, yaml(app.a));
    const { r, res } = await plan(dir);
    expect(r.outputs).toMatchObject({ changed: 'true', changes: '2' });
    expect(res.plan.live.known).toBe(true);
    expect(res.plan.changes.map((c) => `${c.action} ${c.resource}`)).toEqual([`create template ${name}`, `create sandbox ${name}`]);
    expect(r.stdout).toContain(`+ create template ${name} (built from ${app.repo}@${short(app.a)}, tagged sindri-`);
    // the reads a deploy makes: the template list, its tags, the sandboxes by sindri_name
    const paths = api.requests.map((q) => `${q.method} ${q.path}`);
    expect(paths).toEqual(expect.arrayContaining(['GET /templates', `GET /templates/${name}/tags`, 'GET /v2/sandboxes']));
    expect(api.requests.find((q) => q.path === '/v2/sandboxes')?.query.get('metadata')).toBe(`sindri_name=${name}`);
  }, 120_000);

  it('deployed, then the same digest: = unchanged template and sandbox, changed=false, changes=0', async () => {
    const d = await act(dir, {});
    expect(d.code, d.stdout + d.stderr).toBe(0);
    const sandboxId = d.outputs.result && (JSON.parse(d.outputs.result) as { extra?: Record<string, string> }).extra?.['sandbox-id'];
    const { r, res } = await plan(dir, {}, '20');
    expect(r.outputs).toMatchObject({ changed: 'false', changes: '0' });
    expect(res.plan.changes.map((c) => c.action)).toEqual(['unchanged', 'unchanged']);
    expect(r.stdout).toMatch(new RegExp(`= unchanged template ${name} \\(its default build [0-9a-f-]+ carries tag sindri-[0-9a-f]{16}\\)`));
    expect(r.stdout).toContain(`= unchanged sandbox ${name} (sandbox ${[...api.sandboxes.keys()][0]} runs it)`);
    if (sandboxId) expect([...api.sandboxes.keys()]).toEqual([sandboxId]);
  }, 240_000);

  it('a new digest: ~ update template and sandbox with both digests; the plan changes nothing', async () => {
    const other = makeWorkdir('e2b-plan-', dirs, yaml(app.b));
    const { r, res } = await plan(other);
    expect(r.outputs).toMatchObject({ changed: 'true', changes: '2' });
    const [t, s] = res.plan.changes;
    expect(t).toMatchObject({ action: 'update', image: { from: `${app.repo}@${app.a}`, to: `${app.repo}@${app.b}` } });
    expect(t!.note).toMatch(/^template rebuilt: its default build carries tag sindri-[0-9a-f]{16}, not sindri-[0-9a-f]{16}$/);
    expect(s).toMatchObject({ action: 'update', image: { from: `${app.repo}@${app.a}`, to: `${app.repo}@${app.b}` } });
    expect(r.stdout).toContain(
      `~ update template ${name} (image ${app.repo}@${short(app.a)} → ${app.repo}@${short(app.b)}; template rebuilt`,
    );
  }, 120_000);

  it('other secret values: the template stays, the sandbox is replaced for its secrets (values never shown)', async () => {
    const { r, res } = await plan(dir, { API_TOKEN: 'another-value' });
    expect(r.outputs).toMatchObject({ changed: 'true', changes: '1' });
    expect(res.plan.changes[0]!.action).toBe('unchanged');
    expect(res.plan.changes[1]).toMatchObject({ action: 'update', settings: ['secrets'] });
    expect(unmasked(r)).not.toContain('another-value');
  }, 120_000);

  it('a key the API refuses (401): the plan succeeds, every resource ? with the reason', async () => {
    const wrong = `e2b_${randomBytes(20).toString('hex')}`;
    const { r, res } = await plan(dir, { E2B_API_KEY: wrong }, '20');
    expect(r.outputs).toMatchObject({ changed: 'true', changes: '2' });
    expect(res.plan.live).toMatchObject({ known: false });
    expect(res.plan.live.reason).toMatch(new RegExp(`^the E2B API at ${api.url} refused E2B_API_KEY \\(GET /\\S+ answered 401: `));
    expect(res.plan.changes.map((c) => c.action)).toEqual(['unknown', 'unknown']);
    expect(r.stdout).toContain(`live state unknown: the E2B API at ${api.url} refused E2B_API_KEY`);
    expect(r.stdout).toContain(`? unknown template ${name}\n`);
    expect(unmasked(r)).not.toContain(wrong);
  }, 120_000);

  it('no API at that address, or one that never answers (the per-call cap), or no key: the plan succeeds and says why', async () => {
    const closed = `http://${await refusedPort()}`;
    const down = await plan(dir, { E2B_API_URL: closed });
    expect(down.res.plan.live.reason).toBe(`the E2B API at ${closed} did not answer: fetch failed`);
    expect(down.r.stdout).toContain(`live state unknown: the E2B API at ${closed} did not answer`);
    expect(down.r.stdout).toContain(`? unknown sandbox ${name}\n`);

    const hang = await badServer('hang');
    try {
      const started = Date.now();
      const slow = await plan(dir, { E2B_API_URL: `http://${hang.host}` }, '20');
      expect(slow.res.plan.live.reason).toBe(`the E2B API at http://${hang.host} did not answer within 5 s`);
      expect(hang.requests).toBeGreaterThanOrEqual(3); // the three reads side by side, not one after another
      expect(Date.now() - started).toBeLessThan(60_000);
    } finally {
      await hang.close();
    }

    const none = await plan(dir, { E2B_API_KEY: '' });
    expect(none.res.plan.live.reason).toBe('E2B_API_KEY is not set');
    expect(none.r.stdout).toContain(`live state unknown: E2B_API_KEY is not set`);
    expect(none.r.stdout).toContain(`? unknown template ${name}\n`);
  }, 180_000);
});
