/**
 * Benchmark (issue 25): a first Kubernetes deploy on a COLD runner — each round a fresh HOME and an
 * empty kubectl cache (KUBECACHEDIR), as in a job's first kubectl step — through the action
 * (`node <dist>/index.js` on Node 24) against the raw kubectl commands a deploy needs
 * (`apply --server-side` of the same List + `rollout status`), interleaved in the same run, with the
 * pinned REAL kubectl against the loopback stand-in API server (reset before every path, so nothing
 * is ever skipped). Every kubectl process is counted through a wrapper first on PATH, per path.
 * The stand-in serves legacy discovery (2 + N requests on a cold cache, a real 1.32 server 2): both
 * paths pay it alike.
 *
 *   npx tsx bench/kubernetes-cold.ts [rounds] [dist-entry]   # dist-entry: another bundle to compare (e.g. main's)
 *   BENCH_BEFORE=/work/main/dist/index.js npm run bench kubernetes-cold   # that bundle too, interleaved in every round
 * Each round runs: the `before` bundle (when given), this one, then the raw commands, each on its own
 * fresh HOME against a reset API server; the load average at the start and end is printed with the figures.
 */
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAction } from '../__tests__/support/action.js';
import { FakeKubeApiServer } from '../__tests__/support/fake-kube-apiserver.js';
import { testKubectl } from '../__tests__/support/kube-cluster.js';
import { benchDeployment, kubectl as run, median } from './kubernetes.js';
import { listDocument } from '../src/external/kubectl.js';

export async function benchKubernetesCold(rounds = 9, script?: string, before?: string) {
  const api = new FakeKubeApiServer();
  await api.start();
  const dir = mkdtempSync(join(tmpdir(), 'sindri-bench-k8s-cold-'));
  try {
    // a counting kubectl first on PATH: one line per process, then the pinned kubectl itself
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    const log = join(dir, 'processes.log');
    writeFileSync(join(bin, 'kubectl'), `#!/bin/sh\necho "$*" >> '${log}'\nexec '${testKubectl()}' "$@"\n`);
    chmodSync(join(bin, 'kubectl'), 0o755);
    api.writeKubeconfig(join(dir, 'kubeconfig'), ['bench']);
    const { steps, inputs } = benchDeployment(dir);
    const raw = steps.commands.filter((c) => c.argv.includes('apply') || c.argv.includes('status'));
    const lines = () => readFileSync(log, 'utf8').split('\n').filter(Boolean).length;
    const fresh = (i: number, path: string) => {
      const home = join(dir, `home-${path}-${i}`);
      mkdirSync(home);
      return {
        HOME: home,
        KUBECONFIG: join(dir, 'kubeconfig'),
        KUBECACHEDIR: join(home, '.kube', 'cache'),
        DOCKER_CONFIG: join(home, '.docker'),
        PATH: `${bin}:${process.env.PATH ?? ''}`,
      };
    };
    writeFileSync(log, '');
    const scripts = [...(before ? [{ label: 'before', script: before }] : []), { label: 'after', script }];
    // warm each bundle's compile cache once (not kubectl's: every round starts cold)
    for (const s of scripts) {
      api.reset();
      await runAction({
        inputs,
        cwd: dir,
        node: '24',
        env: fresh(-1, `warm-${s.label}`),
        timeoutMs: 120_000,
        ...(s.script ? { script: s.script } : {}),
      });
    }
    const load = [loadavg()[0]!];
    const paths = scripts.map((s) => ({ ...s, ms: [] as number[], processes: [] as number[] }));
    const rawMs: number[] = [];
    const rawProcesses: number[] = [];
    for (let i = 0; i < rounds; i++) {
      for (const p of paths) {
        api.reset();
        const from = lines();
        const a = await runAction({
          inputs,
          cwd: dir,
          node: '24',
          env: fresh(i, `action-${p.label}`),
          timeoutMs: 120_000,
          ...(p.script ? { script: p.script } : {}),
        });
        if (a.code !== 0 || a.outputs.skipped !== 'false') throw new Error(`the action (${p.label}) did not deploy: ${a.stdout}`);
        p.ms.push(a.durationMs);
        p.processes.push(lines() - from);
      }
      api.reset();
      const from = lines();
      const env = { ...process.env, ...fresh(i, 'raw') };
      const t0 = performance.now();
      for (const c of raw) await run(c.argv, env, c.argv.includes('apply') ? listDocument(steps.applied) : undefined);
      rawMs.push(performance.now() - t0);
      rawProcesses.push(lines() - from);
    }
    load.push(loadavg()[0]!);
    const medianRawMs = median(rawMs);
    const results = paths.map((p) => ({
      label: p.label,
      script: p.script ?? 'dist/index.js',
      medianActionMs: median(p.ms),
      overheadMs: median(p.ms) - medianRawMs,
      ratio: median(p.ms) / medianRawMs,
      processes: median(p.processes),
      ms: p.ms,
    }));
    const after = results[results.length - 1]!;
    return {
      rounds,
      load,
      paths: results,
      script: after.script,
      medianActionMs: after.medianActionMs,
      medianRawMs,
      overheadMs: after.overheadMs,
      ratio: after.ratio,
      processes: { action: after.processes, raw: median(rawProcesses) },
      rawMs,
    };
  } finally {
    await api.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function formatKubernetesColdBench(r: Awaited<ReturnType<typeof benchKubernetesCold>>): string {
  const f = (n: number) => n.toFixed(0);
  const rows = r.paths.map(
    (p) =>
      `kubernetes cold, action ${p.label} (${p.script}): median ${f(p.medianActionMs)} ms, ${p.processes} kubectl processes; ` +
      `overhead ${f(p.overheadMs)} ms (${p.ratio.toFixed(2)}× the raw; targets ≤ 1.5× and ≤ 300 ms, ≤ 4 processes: ` +
      `${p.ratio <= 1.5 ? 'ratio MET' : 'ratio MISSED'}, ${p.overheadMs <= 300 ? 'ms MET' : 'ms MISSED'}, ${p.processes <= 4 ? 'processes MET' : 'processes MISSED'})`,
  );
  return (
    `kubernetes cold, ${r.rounds} interleaved rounds, load average ${r.load.map((l) => l.toFixed(1)).join(' → ')}\n` +
    `raw apply --server-side + rollout status: median ${f(r.medianRawMs)} ms, ${r.processes.raw} processes\n` +
    rows.join('\n') +
    '\n' +
    JSON.stringify(r)
  );
}

if (import.meta.url === `file://${process.argv[1]}`)
  console.log(
    formatKubernetesColdBench(
      await benchKubernetesCold(Number(process.argv[2] ?? 9), process.argv[3], process.env.BENCH_BEFORE || undefined),
    ),
  );
