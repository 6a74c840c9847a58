/**
 * Benchmark (issue 21, docs/behaviour.md#performance-targets: the plan's live diff costs at most 1 s):
 * `mode: plan` for the docker provider through `node dist/index.js`, against a container the action
 * deployed on the real engine, with the live diff (the engine facts, the container, its image, the
 * compose project's containers: Engine API requests in-process since ADR 0048, `docker info`,
 * `container inspect`, `image inspect`, `docker ps` before) and without it: the same plan with
 * `docker` taken off PATH and `DOCKER_HOST` on a socket that is not there, so the live read is one
 * failed spawn and nothing else differs (every other CLI on PATH is kept). Runs interleaved.
 *
 *   npx tsx bench/plan-live.ts          # or: npm run bench plan-live
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { runAction } from '../__tests__/support/action.js';
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
} from '../__tests__/support/docker.js';

export interface PlanLiveBench {
  runs: number;
  withMs: number[];
  withoutMs: number[];
  medianWithMs: number;
  medianWithoutMs: number;
  /** what the plan said with the live diff (it must be `= unchanged …`) */
  line: string;
  /** the live read's own commands run one after another outside the action (docker info, container and image inspect): median, ms */
  commandsMs: number;
}

const TARGET_MS = 1000;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** A folder of links to every program on PATH but `docker` (the first of each name, as PATH finds it): the PATH without the live diff. */
function pathWithoutDocker(scratch: string): string {
  const dir = join(scratch, 'bin');
  mkdirSync(dir, { recursive: true });
  const seen = new Set<string>(['docker']);
  for (const d of (process.env.PATH ?? '').split(delimiter).filter(Boolean)) {
    let names: string[] = [];
    try {
      names = readdirSync(d);
    } catch {
      continue;
    }
    for (const n of names.filter((x) => !seen.has(x))) {
      seen.add(n);
      symlinkSync(join(d, n), join(dir, n));
    }
  }
  return dir;
}

export async function benchPlanLive(runs = 5): Promise<PlanLiveBench> {
  await requireServices();
  const ns = uniqueName('bplan');
  const name = `${ns}-app`;
  const scratch = mkdtempSync(join(tmpdir(), 'sindri-bench-plan-'));
  const base = await pushTestBase(`${ns}/base`, ns);
  await buildImage(`${ns}-img:a`, testDockerfile(base.ref, { extra: 'LABEL v=a' }));
  const app = await pushImage(`${ns}-img:a`, `${ns}/app`, 'a');
  await cleanup({ images: [`${ns}-img:a`, app.ref, base.ref] });
  writeFileSync(
    join(scratch, 'sindri.yaml'),
    `version: "3.0"\nname: ${name}\ndeployment:\n  provider: docker\n  image_config:\n    registry: ${app.repo}\n    verify_signature: false\n    verify_provenance: false\nextensions:\n  profile: minimal\nproviders:\n  docker:\n    network: host\n`,
  );
  const binDir = pathWithoutDocker(scratch);
  // no docker on PATH and a socket that is not there: neither the CLI nor the in-process Engine API (ADR 0048) can read
  const withoutEngine = { PATH: binDir, DOCKER_HOST: `unix://${join(scratch, 'no-engine.sock')}` };
  const inputs = { image: app.repo, 'image-digest': app.digest, timeout: '2m' };
  const plan = (env: Record<string, string>) => runAction({ inputs: { ...inputs, mode: 'plan' }, cwd: scratch, env, timeoutMs: 120_000 });
  try {
    const deployed = await runAction({ inputs, cwd: scratch, timeoutMs: 240_000 });
    if (deployed.code !== 0) throw new Error(`the deploy the plans compare against failed:\n${deployed.stdout}`);
    const withMs: number[] = [];
    const withoutMs: number[] = [];
    let line = '';
    await plan({}); // one warm-up of each: the compile cache and the engine's first answers are not the figure
    await plan(withoutEngine);
    for (let i = 0; i < runs; i++) {
      const a = await plan({});
      if (a.code !== 0) throw new Error(a.stdout);
      line = a.stdout.split('\n').find((l) => /^[=~+?] /.test(l)) ?? '';
      withMs.push(a.durationMs);
      const b = await plan(withoutEngine);
      if (b.code !== 0 || !/live state unknown/.test(b.stdout))
        throw new Error(`the plan without docker did not run as expected:\n${b.stdout}`);
      withoutMs.push(b.durationMs);
    }
    // the same reads by hand, one after another: what the live diff costs at most, without the action's own noise
    const commands: number[] = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      spawnSync('docker', ['info', '--format', '{{json .}}']);
      const id = spawnSync('docker', ['container', 'inspect', '--format', '{{.Image}}', name], { encoding: 'utf8' }).stdout.trim();
      spawnSync('docker', ['image', 'inspect', '--format', '{{json .}}', id]);
      // the compose project's containers, for the orphans a deploy removes (ADR 0046)
      spawnSync('docker', [
        'ps',
        '-a',
        '--no-trunc',
        '--filter',
        `label=com.docker.compose.project=sindri-${name}`,
        '--filter',
        'label=com.docker.compose.config-hash',
      ]);
      commands.push(Math.round(performance.now() - started));
    }
    return {
      runs,
      withMs,
      withoutMs,
      medianWithMs: median(withMs),
      medianWithoutMs: median(withoutMs),
      line,
      commandsMs: median(commands),
    };
  } finally {
    await cleanup({ containers: [name], projects: [`sindri-${name}`], volumes: [`${name}_home`] });
    await cleanup({ images: [...(await imagesOf(`${REGISTRY}/${ns}/app`)), ...(await imagesOf(`${REGISTRY}/${ns}/base`))] });
    await removeLabelledImages(ns);
    rmSync(scratch, { recursive: true, force: true });
  }
}

export function formatPlanLiveBench(r: PlanLiveBench): string {
  const extra = r.medianWithMs - r.medianWithoutMs;
  return [
    `plan live diff (docker, ${r.runs} interleaved runs, node dist/index.js): with ${r.medianWithMs} ms, without ${r.medianWithoutMs} ms (median)`,
    `  extra ${extra} ms, target ≤ ${TARGET_MS} ms ${extra <= TARGET_MS ? 'MET' : 'MISSED'}; with: [${r.withMs.join(', ')}], without: [${r.withoutMs.join(', ')}]`,
    `  the live read's four docker commands by hand, one after another: ${r.commandsMs} ms (median; the plan runs info, container inspect and ps of the project at once)`,
    `  the plan said: ${r.line}`,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`)
  console.log(formatPlanLiveBench(await benchPlanLive(Number(process.env.BENCH_RUNS ?? 5))));
