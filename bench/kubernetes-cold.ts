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
 */
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAction } from '../__tests__/support/action.js';
import { FakeKubeApiServer } from '../__tests__/support/fake-kube-apiserver.js';
import { testKubectl } from '../__tests__/support/kube-cluster.js';
import { benchDeployment, kubectl as run, median } from './kubernetes.js';

export async function benchKubernetesCold(rounds = 9, script?: string) {
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
    // warm the bundle's compile cache once (not kubectl's: every round starts cold)
    api.reset();
    await runAction({ inputs, cwd: dir, node: '24', env: fresh(-1, 'warm'), timeoutMs: 120_000, ...(script ? { script } : {}) });
    const actionMs: number[] = [];
    const rawMs: number[] = [];
    const actionProcesses: number[] = [];
    const rawProcesses: number[] = [];
    for (let i = 0; i < rounds; i++) {
      api.reset();
      let before = lines();
      const a = await runAction({
        inputs,
        cwd: dir,
        node: '24',
        env: fresh(i, 'action'),
        timeoutMs: 120_000,
        ...(script ? { script } : {}),
      });
      if (a.code !== 0 || a.outputs.skipped !== 'false') throw new Error(`the action did not deploy: ${a.stdout}`);
      actionMs.push(a.durationMs);
      actionProcesses.push(lines() - before);
      api.reset();
      before = lines();
      const env = { ...process.env, ...fresh(i, 'raw') };
      const t0 = performance.now();
      for (const c of raw) await run(c.argv, env, c.argv.includes('apply') ? steps.document : undefined);
      rawMs.push(performance.now() - t0);
      rawProcesses.push(lines() - before);
    }
    const medianActionMs = median(actionMs);
    const medianRawMs = median(rawMs);
    return {
      rounds,
      script: script ?? 'dist/index.js',
      medianActionMs,
      medianRawMs,
      overheadMs: medianActionMs - medianRawMs,
      ratio: medianActionMs / medianRawMs,
      processes: { action: median(actionProcesses), raw: median(rawProcesses) },
      actionMs,
      rawMs,
    };
  } finally {
    await api.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function formatKubernetesColdBench(r: Awaited<ReturnType<typeof benchKubernetesCold>>): string {
  const f = (n: number) => n.toFixed(0);
  return (
    `kubernetes cold (${r.script}): action median ${f(r.medianActionMs)} ms, ${r.processes.action} kubectl processes; ` +
    `raw apply --server-side + rollout status ${f(r.medianRawMs)} ms, ${r.processes.raw} processes; ` +
    `overhead ${f(r.overheadMs)} ms (${r.ratio.toFixed(2)}×; targets ≤ 1.5× and ≤ 300 ms, ≤ 4 processes with the install step's)\n` +
    JSON.stringify(r)
  );
}

if (import.meta.url === `file://${process.argv[1]}`)
  console.log(formatKubernetesColdBench(await benchKubernetesCold(Number(process.argv[2] ?? 9), process.argv[3])));
