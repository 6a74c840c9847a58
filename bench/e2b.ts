/**
 * Benchmark (issue 25, docs/behaviour.md#performance-targets "the action adds at most 300 ms to what
 * the provider CLI itself takes"), cold: every round a fresh HOME, a fresh working directory and a
 * fresh template alias. The REAL @e2b/cli (node_modules/.bin/e2b) runs against the loopback E2B API
 * stand-in (__tests__/support/e2b-api.ts) on both paths; every e2b process is counted through a
 * wrapper first on PATH, installed as `npm install -g @e2b/cli` installs the CLI (a link into the
 * package, beside its package.json). A first deploy of a prebuilt image (the registry at 127.0.0.1:5000):
 *
 * - raw: `e2b template create <alias> …` of the e2b.Dockerfile the action wrote (the same argv, the
 *   alias renamed), then the one API request that starts a sandbox from it (`POST /sandboxes`: the
 *   CLI's own `sandbox create` opens a terminal, so a script starts one through the API);
 * - the action: `node dist/index.js` on Node 24, as the runner runs it.
 *
 *   npm run bench e2b-cold
 *   BENCH_BEFORE=/work/main/dist/index.js npm run bench e2b-cold   # that bundle too, interleaved in every round
 *   npx tsx bench/e2b.ts [rounds] [dist-entry]   # dist-entry: another bundle in place of this one's
 */
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { ROOT, runAction } from '../__tests__/support/action.js';
import { BASE_IMAGE, cleanup, imagesOf, pushImage, REGISTRY, requireServices, uniqueName } from '../__tests__/support/docker.js';
import { E2bApiMock } from '../__tests__/support/e2b-api.js';
import { median } from './kubernetes.js';

export interface E2bBenchResult {
  runs: number;
  script: string;
  actionMs: number[];
  rawMs: number[];
  medianActionMs: number;
  medianRawMs: number;
  overheadMs: number;
  actionProcesses: string[];
  rawProcesses: number;
  targetMs: number;
  /** the same first deploy through the BENCH_BEFORE bundle, run in the same rounds (its own alias and HOME) */
  before?: { script: string; actionMs: number[]; medianActionMs: number; overheadMs: number; actionProcesses: string[] };
}

function run(bin: string, argv: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const c = spawn(bin, argv, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    c.stderr.on('data', (b: Buffer) => (err += b.toString()));
    c.on('error', reject);
    c.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`e2b ${argv.join(' ')} exited ${code}: ${err}`))));
  });
}

/** The argv of the action's `$ e2b template create …` line (single-quoted words as quoteArgv writes them). */
function templateCreateArgv(stdout: string): string[] {
  const line = stdout.split('\n').find((l) => /^\$ \S*e2b template create /.test(l));
  if (!line) throw new Error(`the action ran no e2b template create:\n${stdout}`);
  const words = line.slice(2).match(/'(?:[^']|'\\'')*'|\S+/g) ?? [];
  return words.slice(1).map((w) => (w.startsWith("'") ? w.slice(1, -1).replaceAll("'\\''", "'") : w));
}

export async function benchE2bCold(runs = 5, script?: string, before?: string): Promise<E2bBenchResult> {
  await requireServices();
  const key = `e2b_${randomBytes(20).toString('hex')}`;
  const api = new E2bApiMock(key);
  await api.start();
  const ns = uniqueName('bench-e2b');
  const root = mkdtempSync(join(tmpdir(), 'sindri-bench-e2b-'));
  try {
    const base = await pushImage(BASE_IMAGE, `${ns}/base`, '1.0.0');
    // a counting e2b first on PATH: one line per process, then the real CLI. Laid out as `npm install -g`
    // lays a CLI out (bin/e2b a link into the package, beside its package.json), as on a runner
    const cli = join(ROOT, 'node_modules', '@e2b', 'cli');
    const pkg = join(root, 'lib', 'node_modules', '@e2b', 'cli');
    mkdirSync(join(pkg, 'dist'), { recursive: true });
    const { name, version } = JSON.parse(readFileSync(join(cli, 'package.json'), 'utf8')) as { name: string; version: string };
    writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name, version }));
    const log = join(root, 'processes.log');
    writeFileSync(log, '');
    writeFileSync(join(pkg, 'dist', 'e2b.sh'), `#!/bin/sh\necho "$*" >> '${log}'\nexec '${join(cli, 'dist', 'index.js')}' "$@"\n`);
    chmodSync(join(pkg, 'dist', 'e2b.sh'), 0o755);
    const bin = join(root, 'bin');
    mkdirSync(bin);
    symlinkSync(join(pkg, 'dist', 'e2b.sh'), join(bin, 'e2b'));
    const lines = () => readFileSync(log, 'utf8').split('\n').filter(Boolean);
    const actionMs: number[] = [];
    const rawMs: number[] = [];
    const beforeMs: number[] = [];
    let actionProcesses: string[] = [];
    let beforeProcesses: string[] = [];
    /** a first deploy of a fresh alias through `entry`, on a fresh HOME and working directory */
    const deploy = async (name: string, entry: string | undefined, label: string) => {
      const home = mkdtempSync(join(root, 'home-'));
      const env = { HOME: home, PATH: `${bin}:${process.env.PATH ?? ''}`, E2B_API_URL: api.url, E2B_API_KEY: key };
      const dir = mkdtempSync(join(root, 'wd-'));
      writeFileSync(
        join(dir, 'sindri.yaml'),
        `version: "3.0"\nname: ${name}\ndeployment:\n  provider: e2b\nextensions:\n  profile: minimal\nproviders:\n  e2b:\n    timeout: 600\n`,
      );
      api.reset();
      const from = lines().length;
      const a = await runAction({
        inputs: { image: base.repo, 'image-digest': base.digest, 'pin-digest': 'false', verify: 'false', timeout: '2m' },
        cwd: dir,
        node: '24',
        env,
        timeoutMs: 240_000,
        ...(entry ? { script: entry } : {}),
      });
      if (a.code !== 0 || a.outputs.skipped !== 'false') throw new Error(`${label} did not deploy: ${a.stdout}\n${a.stderr}`);
      return { a, env, dir, processes: lines().slice(from) };
    };
    for (let i = 0; i <= runs; i++) {
      // BENCH_BEFORE: that bundle's first deploy first, in the same round, under the same load
      const b = before ? await deploy(`${ns}-b${i}`, before, 'the action (before)') : undefined;
      const name = `${ns}-a${i}`;
      const { a, env, dir, processes } = await deploy(name, script, 'the action');

      // the raw path: the same template create (its alias renamed), then one sandbox start through the API
      api.reset();
      const argv = templateCreateArgv(a.stdout).map((w) => (w === name ? `${name}-raw` : w));
      const rawBefore = lines().length;
      const t0 = performance.now();
      await run(join(bin, 'e2b'), argv, dir, { ...process.env, ...env });
      const started = await fetch(`${api.url}/sandboxes`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': key },
        body: JSON.stringify({ templateID: `${name}-raw`, timeout: 600, metadata: { sindri_name: `${name}-raw` } }),
      });
      if (started.status !== 201) throw new Error(`POST /sandboxes answered ${started.status}: ${await started.text()}`);
      const r = performance.now() - t0;
      if (lines().length - rawBefore !== 1) throw new Error(`the raw path started ${lines().length - rawBefore} e2b processes`);
      if (i === 0) continue; // the first round warms the disk cache of node, the bundle and the CLI
      actionMs.push(a.durationMs);
      rawMs.push(r);
      actionProcesses = processes;
      if (b) {
        beforeMs.push(b.a.durationMs);
        beforeProcesses = b.processes;
      }
    }
    const medianActionMs = median(actionMs);
    const medianRawMs = median(rawMs);
    return {
      runs,
      script: script ?? 'dist/index.js',
      actionMs,
      rawMs,
      medianActionMs,
      medianRawMs,
      overheadMs: medianActionMs - medianRawMs,
      actionProcesses,
      rawProcesses: 1,
      targetMs: 300,
      ...(before
        ? {
            before: {
              script: before,
              actionMs: beforeMs,
              medianActionMs: median(beforeMs),
              overheadMs: median(beforeMs) - medianRawMs,
              actionProcesses: beforeProcesses,
            },
          }
        : {}),
    };
  } finally {
    await api.stop();
    await cleanup({ images: await imagesOf(`${REGISTRY}/${ns}/base`) });
    rmSync(root, { recursive: true, force: true });
  }
}

export function formatE2bBench(r: E2bBenchResult): string {
  const f = (n: number) => n.toFixed(0);
  const kinds = (ps: string[]) => ps.map((p) => p.split(' ').slice(0, 2).join(' ')).join(' | ');
  const before = r.before
    ? `e2b cold first deploy, before (${r.before.script}): action median ${f(r.before.medianActionMs)} ms, ` +
      `${r.before.actionProcesses.length} e2b processes (${kinds(r.before.actionProcesses)}); overhead ${f(r.before.overheadMs)} ms over the same raw commands\n`
    : '';
  return (
    before +
    `e2b cold first deploy (fresh HOME each round, ${r.runs} rounds): action (node24, ${r.script}) median ${f(r.medianActionMs)} ms, ` +
    `${r.actionProcesses.length} e2b processes (${kinds(r.actionProcesses)}); ` +
    `raw e2b template create + POST /sandboxes ${f(r.medianRawMs)} ms, ${r.rawProcesses} process; overhead ${f(r.overheadMs)} ms, ` +
    `target ≤ ${r.targetMs} ms ${r.overheadMs <= r.targetMs ? 'MET' : 'MISSED'}\n${JSON.stringify(r)}`
  );
}

if (import.meta.url === `file://${process.argv[1]}`)
  console.log(formatE2bBench(await benchE2bCold(Number(process.argv[2] ?? 5), process.argv[3], process.env.BENCH_BEFORE || undefined)));
