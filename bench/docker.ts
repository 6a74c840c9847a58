/**
 * Benchmark (issue 3 item 8, docs/behaviour.md#performance-targets: a prebuilt image reaches a
 * running deployment with no build): the docker provider
 * deploying a prebuilt image pinned by digest against the same deployment built from a Dockerfile,
 * timed in one run on the real engine and the loopback registry. `docker build` runs are counted
 * from the exec wrapper's record of every command started.
 *
 *   npx tsx bench/docker.ts            # prints a table and one JSON line
 *   import { benchDocker } from './docker.js'   # for bench/run.ts
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testExec } from '../__tests__/support/exec.js';
import { TempFiles } from '../src/state.js';
import { DockerProvider } from '../src/providers/docker/provider.js';
import type { ProviderContext } from '../src/providers/types.js';
import {
  buildDecision,
  buildImage,
  buildsSince,
  cleanup,
  pinnedDecision,
  pushImage,
  pushTestBase,
  removeLabelledImages,
  requireServices,
  testConfig,
  testDockerfile,
  testInputs,
  uniqueName,
} from '../__tests__/support/docker.js';

export interface DockerBenchPath {
  /** median wall time of a deploy, ms */
  medianMs: number;
  runsMs: number[];
  /** `docker build` runs over all deploys of this path */
  builds: number;
}

export interface DockerBenchResult {
  prebuilt: DockerBenchPath;
  build: DockerBenchPath;
  runs: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Deploy each path `runs` times from a clean engine state (image absent, nothing running), destroy after each. */
export async function benchDocker(runs = 3): Promise<DockerBenchResult> {
  await requireServices();
  const ns = uniqueName('sdb');
  const provider = new DockerProvider();
  const dir = mkdtempSync(join(tmpdir(), 'sindri-bench-'));
  const names: string[] = [];
  // runner output (compose progress, build logs) is not the benchmark's
  const write = process.stdout.write.bind(process.stdout);
  const quiet = async <T>(fn: () => Promise<T>): Promise<T> => {
    process.stdout.write = (() => true) as typeof process.stdout.write;
    try {
      return await fn();
    } finally {
      process.stdout.write = write;
    }
  };
  try {
    const base = await quiet(() => pushTestBase(`${ns}/base`, ns));
    await quiet(() => buildImage(`${ns}-app:1`, testDockerfile(base.ref, { extra: 'RUN echo app > /app.txt' })));
    const app = await quiet(() => pushImage(`${ns}-app:1`, `${ns}/app`, '1.0.0'));
    await quiet(() => cleanup({ images: [`${ns}-app:1`, app.ref] }));

    const deploy = async (ctx: ProviderContext, prepare: () => Promise<void>): Promise<{ ms: number; builds: number }> => {
      await quiet(prepare);
      const from = testExec.history.length;
      const t0 = performance.now();
      const r = await quiet(() => provider.apply(ctx));
      const ms = performance.now() - t0;
      if (r.skipped) throw new Error('a benchmark deploy was skipped: the state was not clean');
      const builds = buildsSince(from);
      await quiet(() => provider.destroy(ctx));
      return { ms, builds };
    };

    const prebuilt: DockerBenchPath = { medianMs: 0, runsMs: [], builds: 0 };
    const built: DockerBenchPath = { medianMs: 0, runsMs: [], builds: 0 };
    for (let i = 0; i < runs; i++) {
      const pname = `${ns}-pre${i}`;
      names.push(pname);
      const pctx: ProviderContext = {
        inputs: testInputs(),
        config: testConfig({ name: pname, dir, image_config: { registry: app.repo, version: '^1.0.0' } }),
        provider: 'docker',
        workdir: dir,
        deadline: testExec.deadline,
        exec: testExec,
        temps: new TempFiles(),
        image: pinnedDecision(app.repo, '1.0.0', app.digest),
      };
      const p = await deploy(pctx, () => cleanup({ images: [`${app.repo}@${app.digest}`] }));
      prebuilt.runsMs.push(p.ms);
      prebuilt.builds += p.builds;

      // the build path: same content, built from a Dockerfile with a cold cache for its own step
      const bname = `${ns}-bld${i}`;
      names.push(bname);
      writeFileSync(join(dir, 'Dockerfile'), testDockerfile(base.ref, { extra: `RUN echo app > /app.txt && echo ${bname} > /run.txt` }));
      const bctx: ProviderContext = {
        inputs: testInputs(),
        config: testConfig({ name: bname, dir }),
        provider: 'docker',
        workdir: dir,
        deadline: testExec.deadline,
        exec: testExec,
        temps: new TempFiles(),
        image: buildDecision(bname, 'Dockerfile', 'bench'),
      };
      const b = await deploy(bctx, async () => undefined);
      built.runsMs.push(b.ms);
      built.builds += b.builds;
    }
    prebuilt.medianMs = median(prebuilt.runsMs);
    built.medianMs = median(built.runsMs);
    return { prebuilt, build: built, runs };
  } finally {
    await quiet(async () => {
      await cleanup({ containers: names, projects: names.map((n) => `sindri-${n}`), volumes: names.map((n) => `${n}_home`) });
      await removeLabelledImages(ns);
    });
    rmSync(dir, { recursive: true, force: true });
  }
}

export function formatDockerBench(r: DockerBenchResult): string {
  const row = (label: string, p: DockerBenchPath) =>
    `${label.padEnd(28)} ${p.medianMs.toFixed(0).padStart(7)} ms   ${String(p.builds).padStart(2)} docker build(s) in ${r.runs} deploys   runs: ${p.runsMs.map((x) => x.toFixed(0)).join(', ')} ms`;
  return [
    'docker provider: deploy time (median), image absent / cache cold for the built step',
    row('prebuilt image (by digest)', r.prebuilt),
    row('built from Dockerfile', r.build),
    `prebuilt / built: ${(r.prebuilt.medianMs / r.build.medianMs).toFixed(2)}`,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await benchDocker(Number(process.env.BENCH_RUNS ?? 3));
  process.stdout.write(`${formatDockerBench(r)}\n${JSON.stringify({ bench: 'docker', ...r })}\n`);
  if (r.prebuilt.builds !== 0) {
    process.stderr.write(`FAIL: the prebuilt path ran ${r.prebuilt.builds} docker build(s)\n`);
    process.exitCode = 1;
  }
}
