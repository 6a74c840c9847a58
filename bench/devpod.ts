/**
 * Benchmark (issue 25, cold runner): a DevPod redeploy on a FRESH runner (new HOME, new empty
 * DEVPOD_HOME) of a workspace an earlier runner started, through the action (`node dist/index.js` on
 * Node 24) against the raw devpod commands such a deploy needs (`devpod provider add docker`, then
 * `devpod up … --uid <uid> --devcontainer-image <digest>`, which finds the container and keeps it),
 * interleaved, in this one run. devpod is the v0.6.15 stand-in (__tests__/support/fakes/devpod.cjs),
 * whose docker provider runs real containers on the engine; it is the same devpod for both paths.
 * Prints the medians, the overhead, the CLI processes each path starts (the action logs each as
 * `$ …`) and the Engine API requests it makes in-process (logged as `engine API: …`, ADR 0048).
 *
 *   npm run bench devpod-cold
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAction } from '../__tests__/support/action.js';
import { devpodBackend, developerDockerfile } from '../__tests__/support/devpod-backend.js';
import { buildImage, cleanup, pushImage, uniqueName } from '../__tests__/support/docker.js';
import { makeWorkdir } from '../__tests__/support/workdir.js';
import { workspaceUid } from '../src/providers/devpod/steps.js';

export interface DevpodBenchResult {
  runs: number;
  medianActionMs: number;
  medianRawMs: number;
  overheadMs: number;
  targetMs: number;
  /** per deploy through the action: CLI processes by tool (the tool probe included) */
  actionProcesses: Record<string, number>;
  /** per deploy through the action: Engine API requests made in-process */
  actionRequests: number;
  rawProcesses: number;
  /** the same redeploy through the BENCH_BEFORE bundle, in the same rounds */
  before?: { script: string; medianActionMs: number; overheadMs: number; dockerProcesses: number; requests: number };
}

/** What one run of the action started: the `docker` processes it logged (`$ docker …`) and its Engine API requests. */
function dockerWork(stdout: string): { docker: number; requests: number } {
  const lines = stdout.split('\n');
  return {
    docker: lines.filter((l) => l.startsWith('$ docker ')).length,
    requests: lines.filter((l) => l.startsWith('engine API: ')).length,
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function benchDevpodCold(runs = 7, before?: string): Promise<DevpodBenchResult> {
  const ns = uniqueName('bench-dp');
  const backend = devpodBackend([]);
  const dirs: string[] = [];
  await buildImage(`${ns}:1`, developerDockerfile(ns));
  const app = await pushImage(`${ns}:1`, `${ns}/dev`, '1');
  const pinned = `${app.repo}@${app.digest}`;
  const name = `${ns}-ws`;
  const dir = makeWorkdir(
    'bench-devpod-',
    dirs,
    [
      'version: "3.0"',
      `name: ${name}`,
      'deployment:',
      '  provider: devpod',
      `  image: ${app.repo}:1`,
      'extensions:',
      '  profile: minimal',
      'providers:',
      '  devpod:',
      '    type: docker',
      '',
    ].join('\n'),
  );
  const actionMs: number[] = [];
  const beforeMs: number[] = [];
  const rawMs: number[] = [];
  let actionProcesses: Record<string, number> = {};
  let actionRequests = 0;
  let beforeWork = { docker: 0, requests: 0 };
  try {
    const first = await runAction({ inputs: { timeout: '3m' }, cwd: dir, node: '24', env: backend.env, timeoutMs: 240_000 });
    if (first.code !== 0) throw new Error(`the first deploy failed:\n${first.stdout}`);
    for (let i = 0; i < runs; i++) {
      // the action, on a fresh runner
      backend.newRunner();
      const home = mkdtempSync(join(tmpdir(), 'bench-home-'));
      dirs.push(home);
      backend.clearCalls();
      const t0 = performance.now();
      const r = await runAction({
        inputs: { timeout: '3m' },
        cwd: dir,
        node: '24',
        env: { ...backend.env, HOME: home },
        timeoutMs: 240_000,
      });
      actionMs.push(performance.now() - t0);
      if (r.code !== 0 || r.outputs.skipped !== 'true') throw new Error(`the redeploy was not a skip:\n${r.stdout}`);
      const work = dockerWork(r.stdout);
      const probes = backend.fakes.calls('devpod', { probes: true }).length - backend.fakes.calls('devpod').length;
      actionProcesses = { devpod: backend.fakes.calls('devpod').length + probes, docker: work.docker };
      actionRequests = work.requests;

      // BENCH_BEFORE: the same redeploy through that bundle, on a fresh runner of its own (a skip changes nothing)
      if (before) {
        backend.newRunner();
        const beforeHome = mkdtempSync(join(tmpdir(), 'bench-home-'));
        dirs.push(beforeHome);
        const t = performance.now();
        const b = await runAction({
          inputs: { timeout: '3m' },
          cwd: dir,
          node: '24',
          env: { ...backend.env, HOME: beforeHome },
          timeoutMs: 240_000,
          script: before,
        });
        beforeMs.push(performance.now() - t);
        if (b.code !== 0 || b.outputs.skipped !== 'true') throw new Error(`the redeploy (before) was not a skip:\n${b.stdout}`);
        beforeWork = dockerWork(b.stdout);
      }

      // the raw commands, on a fresh runner too
      backend.newRunner();
      const env = { ...process.env, ...backend.env, HOME: home };
      const t1 = performance.now();
      for (const argv of [
        ['provider', 'add', 'docker'],
        ['up', '.', '--id', name, '--ide', 'none', '--provider', 'docker', '--devcontainer-path', '.devcontainer/devcontainer.json',
          '--devcontainer-image', pinned, '--uid', workspaceUid(name)], // prettier-ignore
      ]) {
        const c = spawnSync('devpod', argv, { cwd: dir, env, encoding: 'utf8' });
        if (c.status !== 0) throw new Error(`devpod ${argv.join(' ')}: ${c.stderr}`);
      }
      rawMs.push(performance.now() - t1);
    }
  } finally {
    await backend.remove();
    await cleanup({ images: [`${ns}:1`, app.ref, pinned] });
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  }
  const medianActionMs = median(actionMs);
  const medianRawMs = median(rawMs);
  return {
    runs,
    medianActionMs,
    medianRawMs,
    overheadMs: medianActionMs - medianRawMs,
    targetMs: 300,
    actionProcesses,
    actionRequests,
    rawProcesses: 2,
    ...(before
      ? {
          before: {
            script: before,
            medianActionMs: median(beforeMs),
            overheadMs: median(beforeMs) - medianRawMs,
            dockerProcesses: beforeWork.docker,
            requests: beforeWork.requests,
          },
        }
      : {}),
  };
}

export function formatDevpodBench(r: DevpodBenchResult): string {
  const procs = Object.entries(r.actionProcesses)
    .map(([t, n]) => `${n} ${t}`)
    .join(' + ');
  return (
    `devpod cold (fresh HOME and DEVPOD_HOME each round, redeploy of a running workspace, ${r.runs} rounds): action ${r.medianActionMs.toFixed(0)} ms ` +
    `(${procs} processes, ${r.actionRequests} engine API request${r.actionRequests === 1 ? '' : 's'}) vs raw devpod provider add + up ${r.medianRawMs.toFixed(0)} ms (${r.rawProcesses} processes): ` +
    `+${r.overheadMs.toFixed(0)} ms, target ≤ ${r.targetMs} ms ${r.overheadMs <= r.targetMs ? 'MET' : 'MISSED'}\n` +
    (r.before
      ? `devpod cold, before (${r.before.script}): action ${r.before.medianActionMs.toFixed(0)} ms (${r.before.dockerProcesses} docker processes, ${r.before.requests} engine API requests), +${r.before.overheadMs.toFixed(0)} ms over the same raw commands\n`
      : '') +
    JSON.stringify(r)
  );
}
