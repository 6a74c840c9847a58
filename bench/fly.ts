/**
 * Benchmark (issue 25, docs/behaviour.md#performance-targets "the action adds at most 300 ms to what
 * the provider CLI itself takes"), cold: every round a fresh HOME (no ~/.fly), a fresh working
 * directory and a fresh app. flyctl cannot run here: both paths run the flyctl CONTRACT stand-in
 * (__tests__/support/fakes/flyctl.cjs, a Node script, so each of its starts costs what a Node start
 * costs, far more than flyctl's Go binary). What the figure compares is therefore the action against
 * the raw flyctl commands the same deploy needs, each run by the same stand-in, in the same round:
 *
 * - first deploy: raw = `apps create`, `volumes create`, `ips allocate-v6`, `deploy --image …`; the
 *   action also runs `flyctl version` (the tool step's PATH probe) and reads the app (does it exist);
 * - redeploy (app, volume and IPv6 exist, a new digest): raw = `deploy --image …`; the action also
 *   runs `version` and reads the app, its machines, volumes and addresses.
 * The action reads Fly in-process (ADR 0051) from the Fly API stand-in (__tests__/support/fly-api.ts,
 * over the CLI stand-in's state), started here on loopback: one round of requests instead of the
 * `status`, `volumes list`, `ips list` processes; a bundle before ADR 0051 ignores it and runs them.
 *
 * It prints the medians, the overhead, the flyctl processes and API requests per path, and one
 * stand-in start (so the overhead can be read as "processes × start + the action's own work").
 *
 *   npm run bench fly-cold
 *   BENCH_BEFORE=/work/main/dist/index.js npm run bench fly-cold   # that bundle too, its own app, in every round
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAction } from '../__tests__/support/action.js';
import { installFakes } from '../__tests__/support/fakes.js';
import { startFlyApi } from '../__tests__/support/fly-api.js';
import { flyctlArgv } from '../src/external/flyctl.js';

export interface FlyPathResult {
  actionMs: number[];
  rawMs: number[];
  medianActionMs: number;
  medianRawMs: number;
  overheadMs: number;
  actionProcesses: number;
  rawProcesses: number;
  /** requests the action made to Fly's API (stand-in) in one run of this path */
  actionRequests: number;
}

export interface FlyBenchResult {
  runs: number;
  first: FlyPathResult;
  redeploy: FlyPathResult;
  /** the same two paths through the BENCH_BEFORE bundle, run in the same rounds (its own app) */
  before?: { script: string; first: FlyPathResult; redeploy: FlyPathResult };
  /** median of one stand-in start (`flyctl version`) */
  standInStartMs: number;
  targetMs: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const TOKEN = 'fo1_bench';

function flyctl(bin: string, argv: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const c = spawn(bin, argv, { cwd, env, stdio: ['pipe', 'ignore', 'pipe'] });
    let err = '';
    c.stderr.on('data', (b: Buffer) => (err += b.toString()));
    c.stdin.end('');
    c.on('error', reject);
    c.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`flyctl ${argv.join(' ')} exited ${code}: ${err}`))));
  });
}

function summarise(actionMs: number[], rawMs: number[], actionProcesses: number, rawProcesses: number, actionRequests = 0): FlyPathResult {
  const medianActionMs = median(actionMs);
  const medianRawMs = median(rawMs);
  return {
    actionMs,
    rawMs,
    medianActionMs,
    medianRawMs,
    overheadMs: medianActionMs - medianRawMs,
    actionProcesses,
    rawProcesses,
    actionRequests,
  };
}

export async function benchFlyCold(runs = 5, before?: string): Promise<FlyBenchResult> {
  const fakes = installFakes(['flyctl']);
  const root = mkdtempSync(join(tmpdir(), 'sindri-bench-fly-'));
  const bin = join(fakes.binDir, 'flyctl');
  const repo = '127.0.0.1:5000/bench/fly';
  const digest = (n: number) => `sha256:${n.toString(16).padStart(64, 'a')}`;
  const first = { action: [] as number[], raw: [] as number[], actionProcesses: 0, requests: 0 };
  const again = { action: [] as number[], raw: [] as number[], actionProcesses: 0, requests: 0 };
  const firstBefore = { action: [] as number[], actionProcesses: 0, requests: 0 };
  const againBefore = { action: [] as number[], actionProcesses: 0, requests: 0 };
  const api = await startFlyApi({ stateDir: fakes.stateDir, tokens: [TOKEN] });
  const asked = (from: number) => api.requests.length - from;
  const starts: number[] = [];
  try {
    fakes.setState('flyctl', { orgs: ['acme'] });
    for (let i = 0; i <= runs; i++) {
      // a fresh HOME, a fresh working directory and a fresh app per round, for both paths
      const home = mkdtempSync(join(root, 'home-'));
      const env = { ...fakes.env, ...api.env, HOME: home, FLY_API_TOKEN: TOKEN };
      const rawEnv = { ...process.env, ...env };
      const names = { action: `bench-a${i}`, raw: `bench-r${i}`, before: `bench-b${i}` };
      const dirFor = (app: string) => {
        const dir = mkdtempSync(join(root, 'wd-'));
        const yaml = `version: "3.0"\nname: ${app}\ndeployment:\n  provider: fly\nextensions:\n  profile: minimal\nproviders:\n  fly:\n    region: ord\n    organization: acme\n`;
        writeFileSync(join(dir, 'sindri.yaml'), yaml);
        return dir;
      };
      const actionDir = dirFor(names.action);
      const inputs = (n: number) => ({ image: repo, 'image-digest': digest(n), 'pin-digest': 'false', verify: 'false', timeout: '2m' });

      fakes.clearCalls();
      let from = api.requests.length;
      const a1 = await runAction({ inputs: inputs(1), cwd: actionDir, node: '24', env, timeoutMs: 120_000 });
      if (a1.code !== 0) throw new Error(`the action did not deploy: ${a1.stdout}`);
      const p1 = fakes.calls('flyctl', { probes: true }).length;
      const q1 = asked(from);
      fakes.clearCalls();
      from = api.requests.length;
      const a2 = await runAction({ inputs: inputs(2), cwd: actionDir, node: '24', env, timeoutMs: 120_000 });
      if (a2.code !== 0 || a2.outputs.skipped !== 'false') throw new Error(`the action did not redeploy: ${a2.stdout}`);
      const p2 = fakes.calls('flyctl', { probes: true }).length;
      const q2 = asked(from);
      // the same first deploy and redeploy through the other bundle, on an app of its own
      let b: { a1: number; p1: number; q1: number; a2: number; p2: number; q2: number } | undefined;
      if (before) {
        const beforeDir = dirFor(names.before);
        fakes.clearCalls();
        from = api.requests.length;
        const b1 = await runAction({ inputs: inputs(1), cwd: beforeDir, node: '24', env, timeoutMs: 120_000, script: before });
        if (b1.code !== 0) throw new Error(`the action (before) did not deploy: ${b1.stdout}`);
        const bp1 = fakes.calls('flyctl', { probes: true }).length;
        const bq1 = asked(from);
        fakes.clearCalls();
        from = api.requests.length;
        const b2 = await runAction({ inputs: inputs(2), cwd: beforeDir, node: '24', env, timeoutMs: 120_000, script: before });
        if (b2.code !== 0 || b2.outputs.skipped !== 'false') throw new Error(`the action (before) did not redeploy: ${b2.stdout}`);
        b = { a1: b1.durationMs, p1: bp1, q1: bq1, a2: b2.durationMs, p2: fakes.calls('flyctl', { probes: true }).length, q2: asked(from) };
      }

      // the raw commands of the same deploys, in a directory holding the fly.toml the action wrote (its app renamed)
      const rawDir = mkdtempSync(join(root, 'raw-'));
      const toml = readFileSync(join(actionDir, 'fly.toml'), 'utf8').replaceAll(names.action, names.raw);
      writeFileSync(join(rawDir, 'fly.toml'), toml);
      const deploy = (n: number) => [
        'deploy',
        '--config',
        'fly.toml',
        '--app',
        names.raw,
        '--image',
        `${repo}@${digest(n)}`,
        '--remote-only',
        '--yes',
        '--wait-timeout',
        '105s',
      ];
      const firstCommands = [
        flyctlArgv.appsCreate(names.raw, 'acme'),
        flyctlArgv.volumesCreate(names.raw, 'home_data', 10, 'ord'),
        flyctlArgv.ipsAllocateV6(names.raw),
        deploy(1),
      ];
      let t0 = performance.now();
      for (const c of firstCommands) await flyctl(bin, c, rawDir, rawEnv);
      const r1 = performance.now() - t0;
      t0 = performance.now();
      await flyctl(bin, deploy(2), rawDir, rawEnv);
      const r2 = performance.now() - t0;
      t0 = performance.now();
      await flyctl(bin, ['version'], rawDir, rawEnv);
      const start = performance.now() - t0;
      if (i === 0) continue; // the first round warms the disk cache of node, the bundle and the stand-in
      first.action.push(a1.durationMs);
      first.raw.push(r1);
      first.actionProcesses = p1;
      first.requests = q1;
      again.action.push(a2.durationMs);
      again.raw.push(r2);
      again.actionProcesses = p2;
      again.requests = q2;
      if (b) {
        firstBefore.action.push(b.a1);
        firstBefore.actionProcesses = b.p1;
        firstBefore.requests = b.q1;
        againBefore.action.push(b.a2);
        againBefore.actionProcesses = b.p2;
        againBefore.requests = b.q2;
      }
      starts.push(start);
    }
    return {
      runs,
      first: summarise(first.action, first.raw, first.actionProcesses, 4, first.requests),
      redeploy: summarise(again.action, again.raw, again.actionProcesses, 1, again.requests),
      ...(before
        ? {
            before: {
              script: before,
              first: summarise(firstBefore.action, first.raw, firstBefore.actionProcesses, 4, firstBefore.requests),
              redeploy: summarise(againBefore.action, again.raw, againBefore.actionProcesses, 1, againBefore.requests),
            },
          }
        : {}),
      standInStartMs: median(starts),
      targetMs: 300,
    };
  } finally {
    await api.close();
    fakes.remove();
    rmSync(root, { recursive: true, force: true });
  }
}

export function formatFlyBench(r: FlyBenchResult): string {
  const f = (n: number) => n.toFixed(0);
  const line = (what: string, p: FlyPathResult, script = 'dist/index.js') =>
    `fly cold ${what}: action (node24, ${script}) median ${f(p.medianActionMs)} ms, ${p.actionProcesses} flyctl processes, ${p.actionRequests} Fly API requests; ` +
    `raw flyctl commands ${f(p.medianRawMs)} ms, ${p.rawProcesses} processes; overhead ${f(p.overheadMs)} ms ` +
    `(${p.actionProcesses - p.rawProcesses} more processes × ~${f(r.standInStartMs)} ms per stand-in start), target ≤ ${r.targetMs} ms ` +
    `${p.overheadMs <= r.targetMs ? 'MET' : 'MISSED'}`;
  const before = r.before
    ? `${line('first deploy, before', r.before.first, r.before.script)}\n${line('redeploy, before', r.before.redeploy, r.before.script)}\n`
    : '';
  return `${before}${line('first deploy', r.first)}\n${line('redeploy', r.redeploy)}\n${JSON.stringify(r)}`;
}

if (import.meta.url === `file://${process.argv[1]}`)
  console.log(formatFlyBench(await benchFlyCold(Number(process.argv[2] ?? 5), process.env.BENCH_BEFORE || undefined)));
