/**
 * Benchmark (issue 6, docs/behaviour.md#performance-targets "the action adds at most 300 ms to what
 * the provider CLI itself takes"): a first deploy through the action (`node dist/index.js` on Node 24,
 * as the runner runs it) against the same kubectl commands run alone, both with the pinned REAL
 * kubectl (__tests__/support/kube-cluster.ts) against the loopback
 * API server of __tests__/support/fake-kube-apiserver.ts (no real API server can run here). The
 * commands of the baseline are the provider's own (`kubernetesSteps`), the apply document on stdin
 * included; the server is reset before every run, so neither path is ever skipped.
 *
 *   npx tsx bench/kubernetes.ts        # prints the figure and one JSON line
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { runAction } from '../__tests__/support/action.js';
import { FakeKubeApiServer } from '../__tests__/support/fake-kube-apiserver.js';
import { listDocument } from '../src/external/kubectl.js';
import { kubectlPath } from '../__tests__/support/kube-cluster.js';
import { pinnedDecision, testInputs } from '../__tests__/support/docker.js';
import { loadConfigText } from '../src/config/load.js';
import { kubernetesSteps } from '../src/providers/kubernetes/steps.js';
import { runParts } from '../__tests__/support/exec.js';

export interface KubernetesBenchResult {
  runs: number;
  actionMs: number[];
  kubectlMs: number[];
  medianActionMs: number;
  medianKubectlMs: number;
  overheadMs: number;
  targetMs: number;
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** one raw command of the baseline (stdin from `input`) */
export function kubectl(argv: string[], env: NodeJS.ProcessEnv, input?: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const c = spawn(argv[0]!, argv.slice(1), { env, stdio: ['pipe', 'ignore', 'pipe'] });
    let err = '';
    c.stderr.on('data', (b: Buffer) => (err += b.toString()));
    c.stdin.end(input ?? '');
    c.on('error', reject);
    c.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${argv.join(' ')} exited ${code}: ${err}`))));
  });
}

/** The bench's deployment in `dir` (its sindri.yaml written there), the steps deploy runs, and the action's inputs. */
export function benchDeployment(dir: string) {
  const repo = '127.0.0.1:5000/bench/app';
  const digest = `sha256:${'c'.repeat(64)}`;
  const raw = {
    version: '3.0',
    name: 'bench',
    deployment: { provider: 'kubernetes', image: `${repo}@${digest}` },
    extensions: { profile: 'minimal' },
    providers: { kubernetes: { namespace: 'bench' } },
  };
  const text = stringify(raw);
  writeFileSync(join(dir, 'sindri.yaml'), text);
  const config = loadConfigText(text, { file: 'sindri.yaml', path: join(dir, 'sindri.yaml'), dir, schema: false }).config;
  // the same steps deploy runs on its success path (the rollout undo line is for failures only)
  const steps = kubernetesSteps(
    {
      inputs: testInputs({ provider: 'kubernetes', timeout: 120_000 }),
      config,
      provider: 'kubernetes',
      workdir: dir,
      ...runParts(),
      image: pinnedDecision(repo, 'x', digest, 'input-digest'),
    },
    { secrets: new Map(), context: 'bench', loadLocal: false, namespaceExists: false },
  );
  return { steps, inputs: { image: repo, 'image-digest': digest, 'pin-digest': 'false', timeout: '2m' } };
}

export async function benchKubernetes(runs = 11): Promise<KubernetesBenchResult> {
  const api = new FakeKubeApiServer();
  await api.start();
  const dir = mkdtempSync(join(tmpdir(), 'sindri-bench-k8s-'));
  try {
    api.writeKubeconfig(join(dir, 'kubeconfig'), ['bench']);
    const env = {
      KUBECONFIG: join(dir, 'kubeconfig'),
      KUBECACHEDIR: join(dir, 'cache'),
      DOCKER_CONFIG: join(dir, 'docker'),
      PATH: kubectlPath(),
    };
    const { steps, inputs } = benchDeployment(dir);
    const commands = steps.commands.filter((c) => !c.argv.includes('undo'));

    const actionMs: number[] = [];
    const kubectlMs: number[] = [];
    // warm both: kubectl's discovery cache and the compile cache of the bundle
    api.reset();
    await runAction({ inputs, cwd: dir, node: '24', env, timeoutMs: 120_000 });
    for (let i = 0; i < runs; i++) {
      api.reset();
      const a = await runAction({ inputs, cwd: dir, node: '24', env, timeoutMs: 120_000 });
      if (a.code !== 0 || a.outputs.skipped !== 'false') throw new Error(`the action did not deploy: ${a.stdout}`);
      actionMs.push(a.durationMs);
      api.reset();
      const t0 = performance.now();
      for (const c of commands)
        await kubectl(c.argv, { ...process.env, ...env }, c.argv.includes('apply') ? listDocument(steps.applied) : undefined);
      kubectlMs.push(performance.now() - t0);
    }
    const medianActionMs = median(actionMs);
    const medianKubectlMs = median(kubectlMs);
    return { runs, actionMs, kubectlMs, medianActionMs, medianKubectlMs, overheadMs: medianActionMs - medianKubectlMs, targetMs: 300 };
  } finally {
    await api.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function formatKubernetesBench(r: KubernetesBenchResult): string {
  const f = (n: number) => n.toFixed(0);
  return (
    `kubernetes: first deploy through the action (node24, dist/index.js) median ${f(r.medianActionMs)} ms vs the same ${'kubectl'} commands alone ${f(r.medianKubectlMs)} ms ` +
    `over ${r.runs} runs: overhead ${f(r.overheadMs)} ms (target ≤ ${r.targetMs} ms) ${r.overheadMs <= r.targetMs ? 'MET' : 'MISSED'}\n` +
    JSON.stringify(r)
  );
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(formatKubernetesBench(await benchKubernetes()));
