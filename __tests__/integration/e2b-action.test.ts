/**
 * Issue 9 through the action itself: `node dist/index.js` on Node 20 and 24, running the REAL
 * @e2b/cli (node_modules/.bin/e2b) pointed by E2B_API_URL at a loopback E2B API
 * (__tests__/support/e2b-api.ts) that records every request. The base image is pushed to the REAL
 * registry at 127.0.0.1:5000, and the generated e2b.Dockerfile is built by the REAL Docker engine
 * to show that no seeded secret ends up in an image.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { exec } from '../support/exec.js';
import { ROOT, runAction, type ActionRun, type NodeMajor } from '../support/action.js';
import { BASE_IMAGE, cleanup, docker, imagesOf, pushImage, REGISTRY, requireServices, uniqueName } from '../support/docker.js';
import { E2bApiMock } from '../support/e2b-api.js';
import { makeWorkdir } from '../support/workdir.js';

const KEY = `e2b_${randomBytes(20).toString('hex')}`;
/** the seeded secret: found nowhere but in the sandbox start request */
const SECRET = `s3cr3t-${randomBytes(12).toString('hex')}`;
const FILE_SECRET = `f1le-${randomBytes(12).toString('hex')}`;
const ns = uniqueName('e2b');
const dirs: string[] = [];
const builtImages: string[] = [];
const api = new E2bApiMock(KEY);
let base: { ref: string; digest: string; repo: string };

const workdir = (yaml: string, files: Record<string, string> = {}): string => makeWorkdir('e2b-action-', dirs, yaml, files);

const yaml = (name: string, deployment: string, extra = '') =>
  `version: "3.0"\nname: ${name}\ndeployment:\n  provider: e2b\n${deployment}\nextensions:\n  profile: minimal\n  additional: [nodejs, python]\nsecrets:\n  - name: API_TOKEN\n    source: env\n${extra}`;

function act(dir: string, inputs: Record<string, string>, node: NodeMajor, env: Record<string, string> = {}): Promise<ActionRun> {
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

function errorLines(r: ActionRun): string[] {
  return `${r.stdout}\n${r.stderr}`.split('\n').filter((l) => l.startsWith('::error'));
}

function filesUnder(dir: string): { path: string; text: string }[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .map((p) => ({ path: p, text: readFileSync(p, 'utf8') }));
}

/** the seeded secret is in no log, output, summary or file left behind, and in no request but the sandbox start */
function expectNoLeak(r: ActionRun, dir: string, secret: string, exceptIn: string[] = []): void {
  // `::add-mask::<value>` is how the runner learns what to hide: the one line allowed to carry it
  expect(r.stdout.replace(/^::add-mask::.*$/gm, '')).not.toContain(secret);
  expect(r.stderr).not.toContain(secret);
  expect(r.summary).not.toContain(secret);
  expect(JSON.stringify(r.outputs)).not.toContain(secret);
  for (const f of filesUnder(dir).filter((x) => !exceptIn.includes(x.path))) expect(f.text, f.path).not.toContain(secret);
  for (const q of api.requests.filter((x) => !(x.method === 'POST' && x.path === '/sandboxes')))
    expect(q.body, `${q.method} ${q.path}`).not.toContain(secret);
  for (const [hash, tar] of api.uploads) expect(tar.includes(secret), `upload ${hash}`).toBe(false);
}

/** Build the generated e2b.Dockerfile with the real engine; the image must not hold the secret anywhere. */
async function expectImageWithoutSecret(dir: string, tag: string, secret: string): Promise<void> {
  builtImages.push(tag);
  await docker(['build', '-q', '--network', 'host', '-f', join(dir, '.e2b', 'e2b.Dockerfile'), '-t', tag, dir]);
  const history = await docker(['history', '--no-trunc', '--format', '{{.CreatedBy}}', tag]);
  expect(history).toContain('E2B_PROVIDER=true');
  expect(history).not.toContain(secret);
  const env = await docker(['image', 'inspect', '--format', '{{json .Config.Env}}', tag]);
  expect(env).toContain('INSTALL_PROFILE=minimal');
  expect(env).not.toContain(secret);
  expect(env).not.toContain('API_TOKEN');
  const id = await docker(['create', '--network', 'none', tag, 'true']);
  try {
    const fs = await exec('docker', ['export', id], { allowFailure: true, timeoutMs: 120_000 });
    expect(fs.code).toBe(0);
    expect(fs.stdout.length).toBeGreaterThan(100_000); // the busybox filesystem really is there
    expect(fs.stdout).not.toContain(secret);
  } finally {
    await docker(['rm', '-f', id]);
  }
}

beforeAll(async () => {
  await requireServices();
  await api.start();
  base = await pushImage(BASE_IMAGE, `${ns}/base`, '1.0.0');
}, 180_000);

afterAll(async () => {
  await api.stop();
  await cleanup({ images: [...builtImages, ...(await imagesOf(`${REGISTRY}/${ns}/base`))] });
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
}, 180_000);

describe('e2b contract: the real e2b CLI against a loopback E2B API, prebuilt image', () => {
  beforeEach(() => api.reset());

  for (const node of ['24', '20'] as const) {
    it(`Node ${node}: template FROM the exact digest, no local build, sandbox with the secret as env; unchanged → skipped; force → rebuilt without cache; destroy`, async () => {
      const name = `${ns}-pre${node}`;
      const dir = workdir(
        yaml(
          name,
          `  image: ${base.repo}:1.0.0`,
          `providers:\n  e2b:\n    timeout: 600\n    autoPause: false\n    metadata:\n      owner: qa\n`,
        ),
      );
      const r = await act(dir, { 'name-suffix': 'pr-42' }, node);
      expect(r.code, r.stdout + r.stderr).toBe(0);
      const alias = `${name}-pr-42`;
      expect(r.outputs).toMatchObject({
        provider: 'e2b',
        image: `${base.repo}@${base.digest}`,
        'image-digest': base.digest,
        url: '',
        skipped: 'false',
        built: 'false',
      });
      // the build the CLI started: FROM the digest the registry reports, then the E2B lines
      const [start] = api.buildStarts();
      expect(start?.fromImage).toBe(`${base.repo}@${base.digest}`);
      expect(start?.force).toBe(false);
      // E2B never runs the image's own CMD (`/bin/sh` here): the template gets it as its start command (issue 27 item 6)
      expect(start).toMatchObject({ startCmd: '/bin/sh', readyCmd: 'sleep 20' });
      const steps = start!.steps!.map((s) => `${s.type} ${(s.args ?? []).join(' ')}`);
      expect(steps).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^ENV .*E2B_PROVIDER true/),
          'WORKDIR /alt/home/developer/workspace',
          'USER developer',
        ]),
      );
      expect(steps.join('\n')).toContain('ADDITIONAL_EXTENSIONS nodejs,python');
      expect(steps.some((s) => s.startsWith('COPY'))).toBe(false);
      expect(api.uploads.size).toBe(0);
      expect(readFileSync(join(dir, '.e2b', 'e2b.Dockerfile'), 'utf8')).toMatch(new RegExp(`^FROM ${base.repo}@${base.digest}$`, 'm'));
      expect(r.stdout).not.toMatch(/^\$ docker /m);
      // the template and the sandbox
      const tpl = api.byAlias(alias)!;
      expect(tpl).toBeDefined();
      expect(tpl.cpuCount).toBe(2);
      expect(tpl.memoryMB).toBe(2048);
      const result = JSON.parse(r.outputs.result!) as { extra: Record<string, string> };
      expect(result.extra['template-id']).toBe(tpl.templateID);
      expect(result.extra['template-alias']).toBe(alias);
      const sandboxes = [...api.sandboxes.values()];
      expect(sandboxes).toHaveLength(1);
      expect(result.extra['sandbox-id']).toBe(sandboxes[0]!.sandboxID);
      expect(sandboxes[0]).toMatchObject({ templateID: tpl.templateID, timeout: 600, autoPause: false, envVars: { API_TOKEN: SECRET } });
      expect(sandboxes[0]!.metadata).toMatchObject({ owner: 'qa', sindri_name: alias });
      expect(api.requests.every((q) => q.apiKey === KEY || q.path.startsWith('/upload/'))).toBe(true);
      expectNoLeak(r, dir, SECRET);
      expectNoLeak(r, dir, KEY);
      if (node === '24') await expectImageWithoutSecret(dir, `${ns}-pre-check:1`, SECRET);

      // unchanged inputs: no build, the same sandbox
      const again = await act(dir, { 'name-suffix': 'pr-42' }, node);
      expect(again.code, again.stdout).toBe(0);
      expect(again.outputs.skipped).toBe('true');
      expect(api.buildStarts()).toHaveLength(1);
      expect(JSON.parse(again.outputs.result!).extra['sandbox-id']).toBe(sandboxes[0]!.sandboxID);
      expect(api.requests.filter((q) => q.method === 'POST' && q.path === '/sandboxes')).toHaveLength(1);

      // force: rebuilt without cache, the old sandbox replaced
      const forced = await act(dir, { 'name-suffix': 'pr-42', force: 'true' }, node);
      expect(forced.code, forced.stdout).toBe(0);
      expect(forced.outputs.skipped).toBe('false');
      expect(forced.stdout).toMatch(/\$ e2b template create .*--no-cache/);
      expect(api.buildStarts()).toHaveLength(2);
      // @e2b/cli 2.19 drops its own --no-cache (commander stores it as `cache`), so the build carries
      // a per-run ENV right after FROM: every later step misses E2B's layer cache (ADR 0010)
      const forcedSteps = api.buildStarts()[1]!.steps!.map((s) => `${s.type} ${(s.args ?? []).join(' ')}`);
      const bust = forcedSteps.findIndex((s) => /^ENV SINDRI_FORCE_BUILD \S+/.test(s));
      expect(bust).toBeGreaterThan(-1);
      expect(bust).toBeLessThan(forcedSteps.findIndex((s) => s.includes('E2B_PROVIDER')));
      expect(api.buildStarts()[1]!.fromImage).toBe(`${base.repo}@${base.digest}`);
      const now = [...api.sandboxes.values()];
      expect(now).toHaveLength(1);
      expect(now[0]!.sandboxID).not.toBe(sandboxes[0]!.sandboxID);
      expect(JSON.parse(forced.outputs.result!).extra['sandbox-id']).toBe(now[0]!.sandboxID);

      // the next plain deploy: same inputs as the forced build → skipped
      const after = await act(dir, { 'name-suffix': 'pr-42' }, node);
      expect(after.outputs.skipped, after.stdout).toBe('true');
      expect(api.buildStarts()).toHaveLength(2);

      // destroy: sandboxes killed, template deleted, generated file gone
      const gone = await act(dir, { mode: 'destroy', 'name-suffix': 'pr-42' }, node);
      expect(gone.code, gone.stdout).toBe(0);
      expect(api.sandboxes.size).toBe(0);
      expect(api.byAlias(alias)).toBeUndefined();
      expect(existsSync(join(dir, '.e2b'))).toBe(false);
      for (const run of [again, forced, after, gone]) {
        expectNoLeak(run, dir, SECRET);
        expectNoLeak(run, dir, KEY);
      }
    }, 300_000);
  }

  it('a changed secret value starts a new sandbox from the same template (no rebuild)', async () => {
    const name = `${ns}-sec`;
    const dir = workdir(yaml(name, `  image: ${base.repo}@${base.digest}`));
    expect((await act(dir, {}, '24')).code).toBe(0);
    const first = [...api.sandboxes.keys()];
    const r = await act(dir, {}, '24', { API_TOKEN: `${SECRET}-2` });
    expect(r.code, r.stdout).toBe(0);
    expect(r.outputs.skipped).toBe('false');
    expect(api.buildStarts()).toHaveLength(1);
    expect([...api.sandboxes.values()].map((s) => s.envVars.API_TOKEN)).toEqual([`${SECRET}-2`]);
    expect(api.sandboxes.has(first[0]!)).toBe(false);
  }, 120_000);

  it('an earlier sandbox that cannot be killed is a warning: the new one runs, the outputs are set', async () => {
    const name = `${ns}-kill`;
    const dir = workdir(yaml(name, `  image: ${base.repo}@${base.digest}`));
    expect((await act(dir, {}, '24')).code).toBe(0);
    const [old] = [...api.sandboxes.keys()];
    // what infra's kill handler answers when the orchestrator fails (handlers/sandbox_kill.go)
    api.failOnce('DELETE', /^\/sandboxes\//, 500, 'Error killing sandbox: orchestrator unavailable');
    const r = await act(dir, { force: 'true' }, '24');
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toMatch(
      new RegExp(
        `::warning::the earlier sandbox ${old} still runs: .*Error killing sandbox: orchestrator unavailable.*e2b sandbox kill ${old}`,
      ),
    );
    const id = JSON.parse(r.outputs.result!).extra['sandbox-id'] as string;
    expect(id).not.toBe(old);
    expect([...api.sandboxes.keys()].sort()).toEqual([old, id].sort());
  }, 120_000);

  it('destroy leaves a template it did not build (no sindri-* tag) and says so', async () => {
    const name = `${ns}-foreign`;
    const dir = workdir(yaml(name, `  image: ${base.repo}@${base.digest}`));
    expect((await act(dir, {}, '20')).code).toBe(0);
    api.byAlias(name)!.tags = []; // as if someone else had built a template under that alias
    const r = await act(dir, { mode: 'destroy' }, '20');
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toMatch(/::warning::template .*-foreign was not built by this action .* left alone/);
    expect(api.byAlias(name)).toBeDefined();
    expect(api.sandboxes.size).toBe(0);
    expect(api.requests.some((q) => q.method === 'DELETE' && q.path.startsWith('/templates/'))).toBe(false);
  }, 120_000);

  it('startSandbox: false builds the template only', async () => {
    const name = `${ns}-tpl`;
    const dir = workdir(yaml(name, `  image: ${base.repo}@${base.digest}`, 'providers:\n  e2b:\n    startSandbox: false\n'));
    const r = await act(dir, {}, '24');
    expect(r.code, r.stdout).toBe(0);
    expect(api.sandboxes.size).toBe(0);
    const extra = JSON.parse(r.outputs.result!).extra as Record<string, string>;
    expect(extra['template-alias']).toBe(name);
    expect(extra['sandbox-id']).toBeUndefined();
    expect(api.requests.some((q) => q.path === '/sandboxes' || q.path === '/v2/sandboxes')).toBe(false);
  }, 120_000);
});

describe('e2b contract: Dockerfile (rule 8)', () => {
  beforeEach(() => api.reset());

  for (const node of ['24', '20'] as const)
    it(`Node ${node}: the discovered Dockerfile plus the E2B lines; COPY sources uploaded without the .env secret; Docker builds it clean`, async () => {
      const name = `${ns}-df${node}`;
      const dockerfile = `FROM ${BASE_IMAGE}\nCOPY app.txt /opt/app.txt\nRUN echo built > /opt/built.txt\nLABEL org.example.team=qa\n`;
      const dir = workdir(yaml(name, '  resources:\n    memory: 1GB\n    cpus: 1'), {
        Dockerfile: dockerfile,
        'app.txt': 'hello from the app\n',
        '.env': `API_TOKEN=${FILE_SECRET}\n`,
        '.dockerignore': '.env\n',
      });
      const r = await act(dir, {}, node, { API_TOKEN: '' });
      expect(r.code, r.stdout + r.stderr).toBe(0);
      expect(r.outputs).toMatchObject({ 'image-source': 'dockerfile', dockerfile: 'Dockerfile', built: 'true', url: '' });
      const generated = readFileSync(join(dir, '.e2b', 'e2b.Dockerfile'), 'utf8');
      expect(generated).toContain(dockerfile.trimEnd());
      expect(generated.indexOf(dockerfile.trimEnd())).toBeLessThan(generated.indexOf('ENV E2B_PROVIDER=true'));
      const [start] = api.buildStarts();
      expect(start?.fromImage).toBe(BASE_IMAGE);
      const steps = start!.steps!.map((s) => `${s.type} ${(s.args ?? []).join(' ')}`);
      expect(steps).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^COPY app\.txt \/opt\/app\.txt/),
          'RUN echo built > /opt/built.txt',
          'USER developer',
        ]),
      );
      expect(api.uploads.size).toBe(1);
      expect(api.byAlias(name)).toMatchObject({ cpuCount: 1, memoryMB: 1024 });
      // what E2B's parser drops is said, at its line (issue 27 item 6)
      expect(r.stdout).toMatch(/^::warning::Dockerfile:4: E2B's template build ignores LABEL: it is not in the template$/m);
      // the secret from .env goes to the sandbox only
      expect([...api.sandboxes.values()][0]?.envVars).toEqual({ API_TOKEN: FILE_SECRET });
      expectNoLeak(r, dir, FILE_SECRET, [join(dir, '.env')]);
      if (node === '24') await expectImageWithoutSecret(dir, `${ns}-df-check:1`, FILE_SECRET);
    }, 180_000);

  it('a .env with secrets in the build context that COPY could take, and no .dockerignore: one line, no E2B call', async () => {
    const dir = workdir(yaml(`${ns}-ctx`, ''), {
      Dockerfile: `FROM ${BASE_IMAGE}\nCOPY . /app\n`,
      '.env': `API_TOKEN=${FILE_SECRET}\n`,
    });
    const r = await act(dir, {}, '24', { API_TOKEN: '' });
    expect(r.code).toBe(1);
    const errors = errorLines(r);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/holds \.env with secret values.*Fix: list \.env in .*\.dockerignore/);
    expect(api.requests).toHaveLength(0);
    expectNoLeak(r, dir, FILE_SECRET, [join(dir, '.env')]);
  }, 60_000);

  it('a Dockerfile that declares a secret as ARG: one line naming the line, no E2B call', async () => {
    const dir = workdir(yaml(`${ns}-arg`, ''), { Dockerfile: `FROM ${BASE_IMAGE}\nARG API_TOKEN\nRUN true\n` });
    const r = await act(dir, {}, '20');
    expect(r.code).toBe(1);
    expect(errorLines(r)).toHaveLength(1);
    expect(errorLines(r)[0]).toMatch(/Dockerfile:2: .*declares ARG API_TOKEN, a secret of sindri.yaml/);
    expect(api.requests).toHaveLength(0);
  }, 60_000);
});

describe('e2b contract: failures are one line', () => {
  beforeEach(() => api.reset());

  it('missing E2B_API_KEY fails before any call (Node 20 and 24)', async () => {
    for (const node of ['20', '24'] as const) {
      const dir = workdir(yaml(`${ns}-nokey`, `  image: ${base.repo}@${base.digest}`));
      for (const mode of ['deploy', 'destroy']) {
        const r = await act(dir, { mode }, node, { E2B_API_KEY: '' });
        expect(r.code).toBe(1);
        expect(errorLines(r)).toHaveLength(1);
        expect(errorLines(r)[0]).toMatch(
          new RegExp(`E2B_API_KEY is not set: ${mode} for provider e2b needs it.*Fix: add env: E2B_API_KEY`),
        );
        expect(r.stdout).not.toMatch(/^\$ e2b/m);
      }
    }
    expect(api.requests).toHaveLength(0);
  }, 120_000);

  it("an API error is one line with the API's message", async () => {
    // a team whose templates may have 1 vCPU: the API refuses the default 2 (infra team/limits.go)
    api.limits.maxVcpu = 1;
    const dir = workdir(yaml(`${ns}-apierr`, `  image: ${base.repo}@${base.digest}`));
    const r = await act(dir, {}, '24').finally(() => (api.limits.maxVcpu = 8));
    expect(r.code).toBe(1);
    const errors = errorLines(r);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain("CPU count can't be higher than 1 (if you need to increase this limit, please contact support)");
    expect(errors[0]).toMatch(/e2b template create .* failed/);
    expect(api.sandboxes.size).toBe(0);
  }, 120_000);

  it('a sandbox start refused by the API is one line with its message', async () => {
    // infra orchestrator/create_instance.go, word for word
    api.failOnce(
      'POST',
      /^\/sandboxes$/,
      429,
      "you have reached the maximum number of concurrent E2B sandboxes (20). If you need more, please visit 'https://e2b.dev/docs/billing'",
    );
    const dir = workdir(yaml(`${ns}-sbxerr`, `  image: ${base.repo}@${base.digest}`));
    const r = await act(dir, {}, '24');
    expect(r.code).toBe(1);
    expect(errorLines(r)).toHaveLength(1);
    expect(errorLines(r)[0]).toMatch(
      /POST \/sandboxes answered 429: you have reached the maximum number of concurrent E2B sandboxes \(20\)/,
    );
    // nothing half-deployed without saying so: the template that was built stays, and the line says it
    expect(errorLines(r)[0]).toMatch(/template e2b-.*-sbxerr \(\w+\) is built and stays.*mode: destroy removes the template/);
    expect(api.byAlias(`${ns}-sbxerr`)?.buildStatus).toBe('ready');
    expectNoLeak(r, dir, SECRET);
  }, 120_000);

  it('no e2b CLI on PATH and none installable (the mirror is down): one line, before anything is created', async () => {
    const dir = workdir(yaml(`${ns}-nocli`, `  image: ${base.repo}@${base.digest}`));
    const r = await act(dir, {}, '24', { PATH: '/usr/sbin:/usr/bin:/sbin:/bin' });
    expect(r.code).toBe(1);
    expect(errorLines(r)).toHaveLength(1);
    expect(errorLines(r)[0]).toMatch(
      /env SINDRI_TOOL_MIRROR: download of http:\/\/127\.0\.0\.1:9\/@e2b\/cli\/.* failed.*Fix: check that the mirror serves/,
    );
    expect(api.requests).toHaveLength(0);
  }, 60_000);

  it('GPU asked: one line saying E2B has no GPUs, nothing built or called', async () => {
    const dir = workdir(yaml(`${ns}-gpu`, `  image: ${base.repo}@${base.digest}\n  resources:\n    gpu:\n      enabled: true`));
    const r = await act(dir, {}, '24');
    expect(r.code).toBe(1);
    expect(errorLines(r)).toHaveLength(1);
    expect(errorLines(r)[0]).toMatch(/E2B has no GPUs/);
    expect(api.requests).toHaveLength(0);
    expect(existsSync(join(dir, '.e2b'))).toBe(false);
  }, 60_000);

  it('plan renders e2b.Dockerfile and the commands, and only reads (GET: the live diff, plan-live-e2b.test.ts)', async () => {
    const dir = workdir(yaml(`${ns}-plan`, `  image: ${base.repo}:1.0.0`));
    const r = await act(dir, { mode: 'plan' }, '24');
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toContain('--- .e2b/e2b.Dockerfile');
    expect(r.stdout).toContain(`FROM ${base.repo}@${base.digest}`);
    expect(r.stdout).toMatch(
      /would run: e2b template create e2b-.*-plan --path \.e2b --dockerfile e2b\.Dockerfile --cmd \/bin\/sh --ready-cmd 'sleep 20' --cpu-count 2 --memory-mb 2048/,
    );
    expect(api.requests.map((q) => `${q.method} ${q.path}`).sort()).toEqual([
      'GET /templates',
      `GET /templates/${ns}-plan/tags`,
      'GET /v2/sandboxes',
    ]);
    expect(existsSync(join(dir, '.e2b'))).toBe(false);
    expectNoLeak(r, dir, SECRET);
  }, 60_000);
});

describe('e2b contract: what the real platform does (issue 27)', () => {
  beforeEach(() => api.reset());

  it('a timeout over the team’s limit (Base: 1 hour) fails before anything is built, with the limit the API states', async () => {
    const name = `${ns}-ttl`;
    const dir = workdir(yaml(name, `  image: ${base.repo}@${base.digest}`, 'providers:\n  e2b:\n    timeout: 7200\n'));
    const r = await act(dir, {}, '24');
    expect(r.code, r.stdout).toBe(1);
    const errors = errorLines(r);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /sindri\.yaml:\d+:\d+: providers\.e2b\.timeout: a sandbox timeout of 7200 s is more than the E2B team allows \(the API says: Timeout cannot be greater than 1 hours\); nothing was built.*Fix: set providers\.e2b\.timeout to at most 3600/,
    );
    expect(api.buildStarts()).toHaveLength(0);
    expect(api.requests.some((q) => q.path === '/v3/templates')).toBe(false);
    // a Pro team (24 hours) gets the sandbox it asked for
    api.limits.maxLengthHours = 24;
    const pro = await act(dir, {}, '24').finally(() => (api.limits.maxLengthHours = 1));
    expect(pro.code, pro.stdout).toBe(0);
    expect([...api.sandboxes.values()].map((s) => s.timeout)).toEqual([7200]);
  }, 120_000);

  it('templates listed by `names` only (<team-slug>/<alias>, `aliases` deprecated): found, so an unchanged deploy is a skip', async () => {
    api.listsAliases = false;
    try {
      const dir = workdir(yaml(`${ns}-names`, `  image: ${base.repo}@${base.digest}`));
      const first = await act(dir, {}, '24');
      expect(first.code, first.stdout).toBe(0);
      const again = await act(dir, {}, '24');
      expect(again.code, again.stdout).toBe(0);
      expect(again.outputs.skipped).toBe('true');
      expect(api.buildStarts()).toHaveLength(1);
    } finally {
      api.listsAliases = true;
    }
  }, 120_000);
});

describe('e2b contract: the health check in the sandbox, and the rollback to the build that ran (issue 19)', () => {
  beforeEach(() => api.reset());
  const sandboxEnv = () => ({ E2B_SANDBOX_URL: api.url });
  const result = (r: ActionRun) => JSON.parse(r.outputs.result!) as { extra: Record<string, string> };

  it('a failing health-command rolls back to the earlier sandbox and the template build it runs (by build id), checks again; rollback: false leaves it', async () => {
    const name = `${ns}-hc`;
    const app = (state: string) => `FROM ${BASE_IMAGE}\nENV APP_STATE=${state}\n`;
    const dir = workdir(yaml(name, ''), { Dockerfile: app('good') });
    const inputs = { 'health-command': 'test "$APP_STATE" = good', 'health-timeout': '3s' };
    const good = await act(dir, inputs, '24', sandboxEnv());
    expect(good.code, good.stdout).toBe(0);
    expect(good.outputs).toMatchObject({ healthy: 'true', 'rolled-back': 'false', 'previous-image': '' });
    // issue 25: the e2b CLI starts once in a first deploy (template create); the lists and the rest are API calls
    expect(good.stdout.match(/^\$ e2b /gm)).toHaveLength(1);
    const [first] = [...api.sandboxes.values()];
    const goodBuild = api.byAlias(name)!.buildID;
    expect(first!.metadata.sindri_build).toBe(goodBuild);
    // the command ran in the sandbox by its own /bin/sh -c, as one argument
    expect(api.commands.at(-1)).toEqual({ sandboxID: first!.sandboxID, cmd: '/bin/sh', args: ['-c', 'test "$APP_STATE" = good'] });

    writeFileSync(join(dir, 'Dockerfile'), app('bad'));
    const bad = await act(dir, inputs, '24', sandboxEnv());
    expect(bad.code, bad.stdout).toBe(1);
    const errors = errorLines(bad);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      new RegExp(
        `failed its health check: .*rolled back: the earlier sandbox ${first!.sandboxID} runs .*template ${name} starts build ${goodBuild} again .* — healthy`,
      ),
    );
    expect(bad.outputs).toMatchObject({ healthy: 'true', 'rolled-back': 'true', 'previous-image': first!.metadata.sindri_image });
    expect([...api.sandboxes.keys()]).toEqual([first!.sandboxID]);
    const tpl = api.byAlias(name)!;
    expect(tpl.builds).toHaveLength(2);
    expect(tpl.tags.find((t) => t.tag === 'default')?.buildID).toBe(goodBuild);

    // rollback: false: the failing sandbox stays, the line says so
    const kept = await act(dir, { ...inputs, rollback: 'false' }, '24', sandboxEnv());
    expect(kept.code, kept.stdout).toBe(1);
    expect(errorLines(kept)[0]).toMatch(/failed its health check: .*it stays \(rollback: false\), and the earlier sandbox .* still runs/);
    expect(kept.outputs).toMatchObject({ healthy: 'false', 'rolled-back': 'false' });
    expect(api.sandboxes.size).toBe(2);
  }, 240_000);

  it('a first deploy that fails its check: nothing to roll back to, said in one line; the sandbox stays for inspection', async () => {
    const name = `${ns}-hc1`;
    const dir = workdir(yaml(name, `  image: ${base.repo}@${base.digest}`));
    const r = await act(dir, { 'health-command': 'exit 4', 'health-timeout': '2s' }, '24', sandboxEnv());
    expect(r.code, r.stdout).toBe(1);
    expect(errorLines(r)).toHaveLength(1);
    expect(errorLines(r)[0]).toMatch(
      /failed its health check: .*exit code 4.*nothing ran before this deploy, so there is nothing to roll back to/,
    );
    expect(r.outputs).toMatchObject({ healthy: 'false', 'rolled-back': 'false', 'previous-image': '' });
    expect(api.sandboxes.size).toBe(1);
  }, 120_000);

  it('class 3: a PEM-shaped multi-line secret reaches the sandbox’s processes intact (checked inside by its sha256); an unchanged deploy checks again', async () => {
    const pem = `-----BEGIN PRIVATE KEY-----\n${randomBytes(96)
      .toString('base64')
      .replace(/(.{64})/g, '$1\n')}\n-----END PRIVATE KEY-----\n`;
    const sum = createHash('sha256').update(pem).digest('hex');
    const dir = workdir(yaml(`${ns}-pem`, `  image: ${base.repo}@${base.digest}`));
    const inputs = { 'health-command': `printf '%s' "$API_TOKEN" | sha256sum | grep -q ${sum}`, 'health-timeout': '3s' };
    const r = await act(dir, inputs, '24', { ...sandboxEnv(), API_TOKEN: pem });
    expect(r.code, r.stdout).toBe(0);
    expect(r.outputs.healthy).toBe('true');
    expect([...api.sandboxes.values()][0]!.envVars.API_TOKEN).toBe(pem);
    expectNoLeak(r, dir, pem.split('\n')[1]!);
    const again = await act(dir, inputs, '24', { ...sandboxEnv(), API_TOKEN: pem });
    expect(again.outputs).toMatchObject({ skipped: 'true', healthy: 'true' });
    expect(result(again).extra['sandbox-id']).toBe([...api.sandboxes.keys()][0]);
  }, 120_000);
});

describe('e2b contract: two deploys of one template at once (issue 20 class 13)', () => {
  beforeEach(() => api.reset());

  it('a build another run has in progress is detected: one line, no build started (it would cancel the other); force: true builds anyway', async () => {
    const name = `${ns}-twice`;
    const dir = workdir(yaml(name, `  image: ${base.repo}@${base.digest}`, 'providers:\n  e2b:\n    buildOnDeploy: true\n'));
    expect((await act(dir, {}, '24')).code).toBe(0);
    // another run's CLI has asked for a build of the same template (POST /v3/templates), as @e2b/cli does
    const other = await fetch(`${api.url}/v3/templates`, {
      method: 'POST',
      headers: { 'x-api-key': KEY, 'content-type': 'application/json' },
      body: JSON.stringify({ name, cpuCount: 2, memoryMB: 2048 }),
    });
    expect(other.status).toBe(202);
    const r = await act(dir, {}, '24');
    expect(r.code, r.stdout).toBe(1);
    expect(errorLines(r)).toHaveLength(1);
    expect(errorLines(r)[0]).toMatch(
      new RegExp(
        `template ${name} \\(\\w+\\) is being built right now by another run \\(build status waiting\\).*Fix: run one deploy per template at a time`,
      ),
    );
    expect(api.buildStarts()).toHaveLength(1);
    const forced = await act(dir, { force: 'true' }, '24');
    expect(forced.code, forced.stdout).toBe(0);
    expect(api.buildStarts()).toHaveLength(2);
  }, 180_000);
});
