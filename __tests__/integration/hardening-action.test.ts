/**
 * Issue 14, the documented successes and the behaviours behind the one-line errors, through
 * `node dist/index.js` in plan mode as the runner runs it (on Node 24, the action's runtime; ADR 0024):
 * awkward but valid files load, values are kept as written, work that is not needed cannot fail the
 * run, every wait and every command ends at the run's deadline, the job summary stays within GitHub's
 * 1 MiB, secrets stay masked in the plan, the summary and a local terminal.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanEnv, nodeBinary, ROOT, runAction, type ActionRun, type NodeMajor } from '../support/action.js';
import { badServer, refusedPort } from '../support/bad-servers.js';
import { contractViolations, errorMessages } from '../support/contract.js';
import { installFakes } from '../support/fakes.js';
import { pushImage, REGISTRY_ANON, requireService, RUN_ID } from '../support/registry.js';

const REPO = `${REGISTRY_ANON}/harden-${RUN_ID}/app`;
const dirs: string[] = [];
let digest = '';
let refused = '';

function workdir(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'harden-'));
  dirs.push(dir);
  for (const [p, c] of Object.entries(files)) {
    mkdirSync(join(dir, p, '..'), { recursive: true });
    writeFileSync(join(dir, p), c);
  }
  return dir;
}

const config = (deployment: string, tail = '') =>
  `version: "3.0"\nname: harden-demo\ndeployment:\n  provider: docker\n${deployment}\nextensions:\n  profile: minimal\n${tail}`;

function plan(
  dir: string,
  inputs: Record<string, string> = {},
  node: NodeMajor = '24',
  env: Record<string, string> = {},
): Promise<ActionRun> {
  return runAction({
    inputs: { mode: 'plan', 'working-directory': dir, 'default-image': `${refused}/default:1`, ...inputs },
    cwd: dir,
    node,
    env,
  });
}

function ok(r: ActionRun): void {
  expect(r.code, r.stdout.slice(-3000)).toBe(0);
  expect(errorMessages(r.stdout)).toEqual([]);
}

beforeAll(async () => {
  await requireService(`http://${REGISTRY_ANON}/v2/`);
  digest = (await pushImage({ host: REGISTRY_ANON, repository: `harden-${RUN_ID}/app` }, '1.0.0', { seed: 'harden' })).digest;
  refused = await refusedPort();
});
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('hardening', () => {
  const node = '24' as const;
  it('class 1: a file that reuses one anchor 150 times loads (aliases are not an attack)', async () => {
    const uses = Array.from({ length: 150 }, () => '      - *host').join('\n');
    const yaml = config(
      `  image: ${REPO}:1.0.0`,
      `providers:\n  docker:\n    hostsTemplate: &host "cache.internal:127.0.0.1"\n    extraHosts:\n${uses}\n`,
    );
    const r = await plan(workdir({ 'sindri.yaml': yaml }), {}, node);
    ok(r);
    expect(r.outputs.image).toBe(`${REPO}@${digest}`);
  });

  it('class 1: UTF-16 files with a byte order mark (little and big endian) are decoded', async () => {
    const text = `\ufeff${config(`  image: ${REPO}:1.0.0`)}`;
    const be = Buffer.from(text, 'utf16le');
    be.swap16();
    for (const bytes of [Buffer.from(text, 'utf16le'), be]) {
      const r = await plan(workdir({ 'sindri.yaml': bytes }), {}, node);
      ok(r);
      expect(r.outputs.name).toBe('harden-demo');
    }
  });

  it('class 2 + 8: a build-arg value keeps its commas, and one named like a declared secret is masked in plan and summary', async () => {
    const secret = `s3cr3t-${RUN_ID}-value`;
    const dir = workdir({
      'sindri.yaml': config('', 'secrets:\n  - name: API_TOKEN\n    source: env\n'),
      Dockerfile: 'FROM local/busybox:base\n',
    });
    const r = await plan(dir, { 'build-args': `EXTRA=git,curl,jq\nAPI_TOKEN=${secret}\nPLAIN=a=b, c` }, node);
    ok(r);
    expect(r.outputs['image-source']).toBe('dockerfile');
    expect(r.stdout).toMatch(/--build-arg EXTRA=git,curl,jq\b/);
    expect(r.summary).toContain(`--build-arg 'PLAIN=a=b, c'`);
    expect(r.stdout).toContain('--build-arg API_TOKEN=***');
    expect(r.summary).toContain('API_TOKEN=***');
    // the only place the value appears is the runner's mask command, which the runner never shows
    const shown = r.stdout.split('\n').filter((l) => l.includes(secret));
    expect(shown).toEqual([`::add-mask::${secret}`]);
    expect(r.summary).not.toContain(secret);
    expect(r.outputs.result).not.toContain(secret);
  });

  it('class 4: a looping ./Dockerfile symlink does not fail a run where the input image wins', async () => {
    const dir = workdir({ 'sindri.yaml': config('') });
    symlinkSync('Dockerfile', join(dir, 'Dockerfile'));
    const r = await plan(dir, { image: `${REPO}:1.0.0` }, node);
    ok(r);
    expect(r.outputs['image-source']).toBe('input-image');
    expect(r.stdout).not.toMatch(/ELOOP/);
  });

  it('class 3: a registry that never answers ends at timeout: 5s with one line naming the host', async () => {
    const hang = await badServer('hang');
    try {
      const r = await plan(workdir({ 'sindri.yaml': config(`  image: ${hang.host}/app:1`) }), { timeout: '5s' }, node);
      expect(contractViolations(r, /^input timeout: /)).toEqual([]);
      expect(errorMessages(r.stdout)[0]).toContain(`ran out before registry ${hang.host} answered`);
      expect(r.durationMs).toBeGreaterThanOrEqual(4500);
      expect(r.durationMs).toBeLessThan(9000);
    } finally {
      await hang.close();
    }
  });
});

describe('hardening: the run deadline and output bounds', () => {
  it('class 3: a command that hangs is stopped at the run deadline (exec takes what is left of timeout)', async () => {
    const fakes = installFakes(['git']);
    try {
      const dir = workdir({ 'sindri.yaml': config(''), Dockerfile: 'FROM local/busybox:base\n' });
      fakes.setEnv({ FAKE_GIT_HANG_MS: '60000' });
      const r = await plan(dir, { timeout: '3s' }, '24', fakes.env);
      expect(contractViolations(r, /^input timeout: /)).toEqual([]);
      expect(errorMessages(r.stdout)[0]).toMatch(/timeout of 3 s ran out/);
      expect(fakes.calls('git').length).toBeGreaterThanOrEqual(1);
      expect(r.durationMs).toBeGreaterThanOrEqual(2800);
      expect(r.durationMs).toBeLessThan(7000);
    } finally {
      fakes.remove();
    }
  });

  it('class 7: a bad version constraint is reported before the tag list is fetched', async () => {
    const hang = await badServer('hang');
    try {
      const yaml = config(`  image_config:\n    registry: ${hang.host}/app\n    version: ">=1.0 <<2"`);
      const r = await plan(workdir({ 'sindri.yaml': yaml }), { timeout: '20s' });
      expect(contractViolations(r, /^sindri\.yaml:7:\d+: deployment\.image_config\.version: /)).toEqual([]);
      expect(errorMessages(r.stdout)[0]).toMatch(/not a valid version constraint/);
      expect(hang.requests).toBe(0);
    } finally {
      await hang.close();
    }
  });

  it('class 6: a 4 MB config gives a job summary within 1 MiB that says what was cut', async () => {
    const hosts = Array.from({ length: 90_000 }, (_, i) => `      - "host-${String(i).padStart(6, '0')}.example.internal:127.0.0.1"`).join(
      '\n',
    );
    const yaml = config(`  image: ${REPO}:1.0.0`, `providers:\n  docker:\n    extraHosts:\n${hosts}\n`);
    expect(yaml.length).toBeGreaterThan(4_000_000);
    const r = await plan(workdir({ 'sindri.yaml': yaml }));
    ok(r);
    expect(Buffer.byteLength(r.summary, 'utf8')).toBeLessThanOrEqual(1024 * 1024);
    expect(r.summary).toMatch(/The summary was cut here: \d+ of \d+ bytes left out/);
    // what comes first (the image decision) is kept
    expect(r.summary).toContain(`${REPO}@${digest}`);
  });

  it('class 6: a 100k-character value gives a bounded error line', async () => {
    const r = await plan(workdir({ 'sindri.yaml': config('', `secrets:\n  - name: ${'X-'.repeat(50_000)}\n    source: env\n`) }));
    expect(contractViolations(r, /^sindri\.yaml:9:\d+: secrets\[0\]\.name: invalid secret name/)).toEqual([]);
    expect(errorMessages(r.stdout)[0]!.length).toBeLessThan(1000);
  });
});

describe('class 6: warnings are bounded too', () => {
  it('a 100k-character value the schema warns about gives a bounded annotation, and the run goes on', async () => {
    const yaml = config(`  image: ${REPO}:1.0.0`).replace('version: "3.0"', `version: "${'9'.repeat(100_000)}"`);
    const r = await plan(workdir({ 'sindri.yaml': yaml }));
    ok(r);
    const warnings = r.stdout.split('\n').filter((l) => l.startsWith('::warning'));
    expect(warnings.some((w) => /^::warning .*line=1.*characters cut/.test(w))).toBe(true);
    for (const w of warnings) expect(w.length).toBeLessThan(2600);
  });
});

describe('class 8: local runs keep ::add-mask:: lines off the terminal', () => {
  const FIXTURE = `
console.log('::add-mask::hunter2-${RUN_ID}');
console.log('plan for ***');
process.stdout.write('::add-mask::no-newline-secret-${RUN_ID}\\n::group::Resolve\\nlast line without newline');
`;
  let repo: string;
  beforeAll(() => {
    repo = mkdtempSync(join(tmpdir(), 'harden-local-run-'));
    dirs.push(repo);
    mkdirSync(join(repo, 'scripts'));
    mkdirSync(join(repo, 'dist'));
    for (const f of ['scripts/local-run.mjs', 'scripts/runner-files.mjs', 'action.yml']) copyFileSync(join(ROOT, f), join(repo, f));
    writeFileSync(join(repo, 'dist', 'package.json'), '{"type":"module"}\n');
    writeFileSync(join(repo, 'dist', 'index.js'), FIXTURE);
  });

  it('drops the mask commands and writes every other line', () => {
    const r = spawnSync(nodeBinary('24'), [join(repo, 'scripts', 'local-run.mjs'), '--mode', 'plan'], {
      cwd: repo,
      env: { ...cleanEnv(), npm_lifecycle_event: '' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).not.toContain('::add-mask::');
    expect(r.stdout).not.toContain('hunter2');
    expect(r.stdout).not.toContain('no-newline-secret');
    expect(r.stdout).toContain('plan for ***\n');
    expect(r.stdout).toContain('::group::Resolve\n');
    expect(r.stdout).toContain('last line without newline');
    expect(r.stdout).toContain('--- exit code 0 ---');
  });
});
