/**
 * Benchmark (issue 25): a first docker deploy on a COLD runner — a fresh HOME and DOCKER_CONFIG every
 * round, as in a job's first docker step — through the action as the runner runs it (`node
 * dist/index.js`, Node 24), against the raw command the deploy needs, `docker compose up -d --wait` of
 * the same document, in the same run. The image (pinned by digest, with a 1 s healthcheck) is on the
 * engine for both, so neither pulls; every round deploys a new name, so the action is never skipped.
 * It prints the CLI processes each path starts (the action logs each as `$ …`) and the Engine API
 * requests it makes in-process (logged as `engine API: …`, ADR 0048).
 *
 *   npx tsx bench/docker-cold.ts                      # this worktree's dist
 *   BENCH_BEFORE=/work/main/dist/index.js npx tsx bench/docker-cold.ts   # and another bundle, interleaved
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { DIST_ENTRY, runAction } from '../__tests__/support/action.js';
import {
  buildImage,
  cleanup,
  pinnedDecision,
  pushImage,
  pushTestBase,
  removeLabelledImages,
  requireServices,
  TEST_LABEL,
  testDockerfile,
  testInputs,
  uniqueName,
} from '../__tests__/support/docker.js';
import { runParts } from '../__tests__/support/exec.js';
import { loadConfigText } from '../src/config/load.js';
import { dockerSteps } from '../src/providers/docker/steps.js';
import { loadComposeBase } from '../src/providers/docker/template.js';

export interface ColdPath {
  label: string;
  ms: number[];
  medianMs: number;
  /** CLI processes one deploy starts (the last round's) */
  processes: number;
  /** Engine API requests made in-process (the last round's) */
  requests: number;
  commands: string[];
}

export interface DockerColdResult {
  runs: number;
  paths: ColdPath[];
  targetMs: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function run(argv: string[], env: NodeJS.ProcessEnv, cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const c = spawn(argv[0]!, argv.slice(1), { env, cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    c.stderr.on('data', (b: Buffer) => (err += b.toString()));
    c.on('error', reject);
    c.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${argv.join(' ')} exited ${code}: ${err}`))));
  });
}

export async function benchDockerCold(
  runs = 5,
  scripts: { label: string; script: string }[] = [{ label: 'action', script: DIST_ENTRY }],
): Promise<DockerColdResult> {
  await requireServices();
  const ns = uniqueName('wb-docker-cold');
  const root = mkdtempSync(join(tmpdir(), 'sindri-bench-cold-'));
  const names: string[] = [];
  try {
    const base = await pushTestBase(`${ns}/base`, ns);
    await buildImage(`${ns}-app:1`, testDockerfile(base.ref, { extra: `LABEL ${TEST_LABEL}=${ns}` }));
    const app = await pushImage(`${ns}-app:1`, `${ns}/app`, '1.0.0');
    const ref = `${app.repo}@${app.digest}`;
    await run(['docker', 'pull', '-q', ref], process.env, root);

    const paths: ColdPath[] = [
      ...scripts.map((s) => ({ label: s.label, ms: [], medianMs: 0, processes: 0, requests: 0, commands: [] as string[] })),
      { label: 'raw docker compose up -d --wait', ms: [], medianMs: 0, processes: 1, requests: 0, commands: [] },
    ];
    for (let i = 0; i < runs; i++) {
      for (const [p, path] of paths.entries()) {
        const name = `${ns}-r${i}p${p}`;
        names.push(name);
        const dir = join(root, name);
        const home = join(dir, 'home');
        mkdirSync(home, { recursive: true });
        // a cold runner: nothing in HOME, no docker config, no compile cache of ours
        const env = { HOME: home, DOCKER_CONFIG: join(home, '.docker') };
        const yaml = stringify({
          version: '3.0',
          name,
          deployment: { provider: 'docker', image: ref },
          extensions: { profile: 'minimal' },
          providers: { docker: { network: 'host' } },
        });
        writeFileSync(join(dir, 'sindri.yaml'), yaml);
        const script = scripts[p]?.script;
        if (script) {
          const r = await runAction({
            inputs: { image: app.repo, 'image-digest': app.digest, 'pin-digest': 'false', timeout: '2m' },
            cwd: dir,
            node: '24',
            env,
            script,
            timeoutMs: 180_000,
          });
          if (r.code !== 0 || r.outputs.skipped !== 'false') throw new Error(`${path.label} did not deploy: ${r.stdout}`);
          path.ms.push(r.durationMs);
          path.commands = r.stdout.split('\n').filter((l) => l.startsWith('$ '));
          path.processes = path.commands.length;
          path.requests = r.stdout.split('\n').filter((l) => l.startsWith('engine API: ')).length;
        } else {
          // the same document the provider renders, run by compose alone
          const config = loadConfigText(yaml, { file: 'sindri.yaml', path: join(dir, 'sindri.yaml'), dir, schema: false }).config;
          const steps = dockerSteps(
            {
              inputs: testInputs(),
              config,
              provider: 'docker',
              workdir: dir,
              ...runParts(),
              image: pinnedDecision(app.repo, '1.0.0', app.digest, 'input-digest'),
            },
            { base: loadComposeBase(), secretNames: [], buildx: false },
          );
          writeFileSync(join(dir, 'compose.yml'), steps.compose.yaml);
          const t0 = performance.now();
          await run(
            ['docker', 'compose', '-f', 'compose.yml', '-p', steps.compose.project, 'up', '-d', '--wait'],
            { ...process.env, ...env },
            dir,
          );
          path.ms.push(performance.now() - t0);
          path.commands = [`$ docker compose -f compose.yml -p ${steps.compose.project} up -d --wait`];
        }
        await cleanup({ projects: [`sindri-${name}`], volumes: [`${name}_home`] });
      }
    }
    for (const p of paths) p.medianMs = median(p.ms);
    return { runs, paths, targetMs: 300 };
  } finally {
    await cleanup({ containers: names, projects: names.map((n) => `sindri-${n}`), volumes: names.map((n) => `${n}_home`) });
    await removeLabelledImages(ns);
    rmSync(root, { recursive: true, force: true });
  }
}

export function formatDockerCold(r: DockerColdResult): string {
  const raw = r.paths[r.paths.length - 1]!;
  const lines = [`docker, cold runner (fresh HOME and DOCKER_CONFIG per round), first deploy, median of ${r.runs} interleaved rounds:`];
  for (const p of r.paths) {
    const over = p.medianMs - raw.medianMs;
    const verdict =
      p === raw ? 'baseline' : `overhead ${over.toFixed(0)} ms (target ≤ ${r.targetMs} ms) ${over <= r.targetMs ? 'MET' : 'MISSED'}`;
    lines.push(
      `  ${p.label.padEnd(34)} ${p.medianMs.toFixed(0).padStart(6)} ms  ${String(p.processes).padStart(2)} CLI processes  ${String(p.requests).padStart(2)} engine API requests  ${verdict}`,
    );
  }
  for (const p of r.paths.slice(0, -1)) lines.push(`  ${p.label}: ${p.commands.map((c) => c.slice(2)).join(' | ')}`);
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const scripts = [{ label: 'action (this dist)', script: DIST_ENTRY }];
  if (process.env.BENCH_BEFORE) scripts.unshift({ label: 'action (before)', script: process.env.BENCH_BEFORE });
  const r = await benchDockerCold(Number(process.env.BENCH_RUNS ?? 5), scripts);
  process.stdout.write(`${formatDockerCold(r)}\n${JSON.stringify({ bench: 'docker-cold', ...r })}\n`);
}
