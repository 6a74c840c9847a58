/**
 * docs/behaviour.md#performance-targets: `plan` with a literal image and no network, whole process,
 * against `node -e 0` in the same run and environment, on Node 20 and on Node 24 (the action's runtime),
 * with V8's compile cache cold (NODE_DISABLE_COMPILE_CACHE=1: nothing read, as on a fresh runner, and
 * nothing written, which a fresh runner does at exit) and warm. Runs are interleaved
 * (with `BENCH_BEFORE`, that bundle's too, in the same rounds against the same `node -e 0`)
 * so machine noise hits every side alike.
 *
 * Two `plan`s (ADR 0047): with the runner's PATH, where `plan` also reads the engine for its live diff
 * (ADR 0035: the engine facts, the container, the project's containers; three Go CLI starts before
 * ADR 0048, three Engine API requests in-process since), and with no `docker` on PATH (an empty directory), where that read fails at once (ENOENT,
 * no waiting; `DOCKER_HOST` names a socket that is not there, so the in-process Engine API of ADR 0048
 * is not asked either) and the live diff says unknown: the action's own start-up, the figure the 4.0× target
 * was set for. The install step still finds the compose plugin in docker's plugin folders and asks
 * its version in both.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time(argv: string[], env: NodeJS.ProcessEnv, cwd: string): number {
  const t = process.hrtime.bigint();
  const r = spawnSync(argv[0]!, argv.slice(1), { env, cwd, stdio: 'ignore' });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0) throw new Error(`${argv.join(' ')} exited ${r.status}`);
  return ms;
}

export interface StartupFigures {
  node: string;
  baselineMs: number;
  /** `plan` with the live diff (docker on PATH) */
  coldMs: number;
  warmMs: number;
  coldRatio: number;
  warmRatio: number;
  /** `plan` with no docker on PATH: the live read fails at once */
  noEngine: { coldMs: number; warmMs: number; coldRatio: number; warmRatio: number };
  target: number;
}

/** One figure set per entry (this dist/index.js first, then e.g. BENCH_BEFORE's), interleaved in every round against one `node -e 0`. */
export function benchStartup(nodeBin: string, runs = 21, entries = [join(ROOT, 'dist/index.js')]): StartupFigures[] {
  const dir = mkdtempSync(join(tmpdir(), 'bench-plan-'));
  writeFileSync(
    join(dir, 'sindri.yaml'),
    [
      'version: "3.0"',
      'name: bench',
      'deployment:',
      '  provider: docker',
      `  image: ghcr.io/pacphi/sindri@sha256:${'c'.repeat(64)}`,
      'extensions:',
      '  profile: minimal',
      '',
    ].join('\n'),
  );
  const cache = join(dir, 'compile-cache');
  writeFileSync(join(dir, 'out'), '');
  writeFileSync(join(dir, 'summary'), '');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    INPUT_MODE: 'plan',
    'INPUT_PIN-DIGEST': 'false',
    GITHUB_OUTPUT: join(dir, 'out'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary'),
    NODE_COMPILE_CACHE: cache,
  };
  // nothing on PATH: `docker` is not found, without a wait; and no engine socket, so the Engine API
  // is not asked in-process either (ADR 0048: a missing socket is the CLI's, which is not there)
  const empty = join(dir, 'empty-path');
  mkdirSync(empty);
  const offline = { PATH: empty, DOCKER_HOST: `unix://${join(dir, 'no-engine.sock')}` };
  const base: number[] = [];
  const samples = entries.map(() => ({ cold: [] as number[], warm: [] as number[], coldOff: [] as number[], warmOff: [] as number[] }));
  // each entry its own compile cache, filled for its first warm run
  const envs = entries.map((entry, i) => {
    const e = { ...env, NODE_COMPILE_CACHE: join(cache, String(i)) };
    time([nodeBin, entry], e, dir);
    return e;
  });
  for (let i = 0; i < runs; i++) {
    base.push(time([nodeBin, '-e', '0'], env, dir));
    entries.forEach((entry, j) => {
      const e = envs[j]!;
      const s = samples[j]!;
      s.warm.push(time([nodeBin, entry], e, dir));
      s.cold.push(time([nodeBin, entry], { ...e, NODE_DISABLE_COMPILE_CACHE: '1' }, dir));
      s.warmOff.push(time([nodeBin, entry], { ...e, ...offline }, dir));
      s.coldOff.push(time([nodeBin, entry], { ...e, ...offline, NODE_DISABLE_COMPILE_CACHE: '1' }, dir));
    });
  }
  rmSync(dir, { recursive: true, force: true });
  const baselineMs = median(base);
  const figures = (c: number[], w: number[]) => {
    const coldMs = median(c);
    const warmMs = median(w);
    return { coldMs, warmMs, coldRatio: coldMs / baselineMs, warmRatio: warmMs / baselineMs };
  };
  const version = spawnSync(nodeBin, ['--version'], { encoding: 'utf8' }).stdout.trim();
  return samples.map((x) => ({
    node: version,
    baselineMs,
    ...figures(x.cold, x.warm),
    noEngine: figures(x.coldOff, x.warmOff),
    target: 4.0,
  }));
}
