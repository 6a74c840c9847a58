/**
 * `npm run bench [startup|semver|docker|docker-cold|kubernetes|kubernetes-cold|fly-cold|devpod-cold|e2b-cold|plan-live|plan-live-e2b|tools|copy]`: every figure of
 * docs/behaviour.md#performance-targets with its baseline, measured in this one run.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { benchSemver } from './semver.js';
import { benchStartup } from './startup.js';

const only = process.argv.slice(2);
const want = (name: string) => only.length === 0 || only.includes(name);
const fmt = (n: number) => n.toFixed(1);

if (want('startup')) {
  const node24 = spawnSync(process.execPath, ['scripts/ensure-node.mjs', '24'], { encoding: 'utf8' }).stdout.trim();
  // BENCH_BEFORE=<other dist/index.js>: that bundle too, interleaved with this one's in every round; BENCH_RUNS rounds (default 21)
  const before = process.env.BENCH_BEFORE;
  const entries = [resolve('dist/index.js'), ...(before ? [before] : [])];
  for (const bin of [process.execPath, node24].filter(Boolean))
    for (const [k, s] of benchStartup(bin, Number(process.env.BENCH_RUNS ?? 21), entries).entries()) {
      const entry = k > 0 ? entries[k] : undefined;
      const verdict = (r: number) => `${r.toFixed(2)}× ${r <= s.target ? 'MET' : 'MISSED'}`;
      const n = s.noEngine;
      console.log(
        `startup ${s.node}${entry ? ` (${entry})` : ''}: node -e 0 ${fmt(s.baselineMs)} ms; plan (literal digest, pin-digest false), ` +
          `no docker on PATH (the action's own start-up): compile cache cold ${fmt(n.coldMs)} ms = ${verdict(n.coldRatio)}, ` +
          `warm ${fmt(n.warmMs)} ms = ${verdict(n.warmRatio)} (target ≤ ${s.target}×); with the live diff (3 engine reads): ` +
          `cold ${fmt(s.coldMs)} ms = ${s.coldRatio.toFixed(2)}×, warm ${fmt(s.warmMs)} ms = ${s.warmRatio.toFixed(2)}×`,
      );
    }
}
if (want('semver')) {
  const r = await benchSemver();
  console.log(
    `semver: ${r.tags} tags, page ${r.page}: ${r.requests} requests (server saw ${r.serverSaw}; expected challenge + token + ` +
      `${Math.ceil(r.tags / r.page)} pages + 1 HEAD = ${r.expectedRequests}) ${r.requests === r.expectedRequests ? 'MET' : 'MISSED'}; chose ${r.chosen}`,
  );
  console.log(
    `semver: tag selection CPU cold ${fmt(r.cpu.coldOurs)} ms (node-semver maxSatisfying cold ${fmt(r.cpu.coldNodeSemver)} ms), ` +
      `warm ${fmt(r.cpu.warmOurs)} ms (node-semver ${fmt(r.cpu.warmNodeSemver)} ms); target ≤ ${r.cpu.targetMs} ms ${r.cpu.coldOurs <= r.cpu.targetMs ? 'MET' : 'MISSED'}`,
  );
}
if (want('docker')) {
  const { benchDocker, formatDockerBench } = await import('./docker.js');
  console.log(formatDockerBench(await benchDocker()));
}
// cold-runner docker deploys (issue 25): only when named, `npm run bench docker-cold` (BENCH_BEFORE=<other dist/index.js> adds it, interleaved)
if (only.includes('docker-cold')) {
  const { benchDockerCold, formatDockerCold } = await import('./docker-cold.js');
  const { DIST_ENTRY } = await import('../__tests__/support/action.js');
  const scripts = [{ label: 'action (this dist)', script: DIST_ENTRY }];
  if (process.env.BENCH_BEFORE) scripts.unshift({ label: 'action (before)', script: process.env.BENCH_BEFORE });
  console.log(formatDockerCold(await benchDockerCold(Number(process.env.BENCH_RUNS ?? 5), scripts)));
}
if (want('kubernetes')) {
  const { benchKubernetes, formatKubernetesBench } = await import('./kubernetes.js');
  console.log(formatKubernetesBench(await benchKubernetes()));
}
if (want('kubernetes-cold')) {
  const { benchKubernetesCold, formatKubernetesColdBench } = await import('./kubernetes-cold.js');
  // BENCH_BEFORE=<other dist/index.js>: that bundle too, interleaved in every round; BENCH_RUNS rounds (9)
  console.log(
    formatKubernetesColdBench(
      await benchKubernetesCold(Number(process.env.BENCH_RUNS ?? 9), undefined, process.env.BENCH_BEFORE || undefined),
    ),
  );
}
if (want('fly-cold')) {
  const { benchFlyCold, formatFlyBench } = await import('./fly.js');
  console.log(formatFlyBench(await benchFlyCold(Number(process.env.BENCH_RUNS ?? 5), process.env.BENCH_BEFORE || undefined)));
}
if (want('devpod-cold')) {
  const { benchDevpodCold, formatDevpodBench } = await import('./devpod.js');
  console.log(formatDevpodBench(await benchDevpodCold(Number(process.env.BENCH_RUNS ?? 7), process.env.BENCH_BEFORE || undefined)));
}
if (want('e2b-cold')) {
  const { benchE2bCold, formatE2bBench } = await import('./e2b.js');
  // BENCH_BEFORE=<other dist/index.js>: that bundle's first deploy too, interleaved in every round
  console.log(formatE2bBench(await benchE2bCold(Number(process.env.BENCH_RUNS ?? 5), undefined, process.env.BENCH_BEFORE || undefined)));
}
if (want('plan-live')) {
  const { benchPlanLive, formatPlanLiveBench } = await import('./plan-live.js');
  console.log(formatPlanLiveBench(await benchPlanLive()));
}
if (want('plan-live-e2b')) {
  const { benchPlanLiveE2b, formatPlanLiveE2bBench } = await import('./plan-live-e2b.js');
  console.log(
    formatPlanLiveE2bBench(await benchPlanLiveE2b(Number(process.env.BENCH_RUNS ?? 5), Number(process.env.BENCH_LATENCY_MS ?? 150))),
  );
}
if (want('tools')) {
  const { benchTools, formatToolsBench } = await import('./tools.js');
  console.log(formatToolsBench(await benchTools()));
}
if (want('copy')) {
  const { benchCopy, formatCopyBench } = await import('./copy.js');
  console.log(formatCopyBench(await benchCopy()));
}
