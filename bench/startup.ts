/**
 * SPEC §8: `plan` with a literal image and no network, whole process, against `node -e 0` in the
 * same run and environment. Runs are interleaved so machine noise hits both sides alike.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
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

export function benchStartup(runs = 21): { baselineMs: number; planMs: number; ratio: number; target: number } {
  const dir = mkdtempSync(join(tmpdir(), 'bench-plan-'));
  writeFileSync(
    join(dir, 'sindri.yaml'),
    ['version: "3.0"', 'name: bench', 'deployment:', '  provider: docker', `  image: ghcr.io/pacphi/sindri@sha256:${'c'.repeat(64)}`, 'extensions:', '  profile: minimal', ''].join('\n'),
  );
  const out = join(dir, 'out');
  const summary = join(dir, 'summary');
  writeFileSync(out, '');
  writeFileSync(summary, '');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    'INPUT_MODE': 'plan',
    'INPUT_PIN-DIGEST': 'false',
    GITHUB_OUTPUT: out,
    GITHUB_STEP_SUMMARY: summary,
  };
  const base: number[] = [];
  const plan: number[] = [];
  for (let i = 0; i < runs; i++) {
    base.push(time([process.execPath, '-e', '0'], env, dir));
    plan.push(time([process.execPath, join(ROOT, 'dist/index.js')], env, dir));
  }
  const baselineMs = median(base);
  const planMs = median(plan);
  return { baselineMs, planMs, ratio: planMs / baselineMs, target: 2.5 };
}
