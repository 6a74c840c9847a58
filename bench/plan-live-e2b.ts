/**
 * Benchmark (issue 21, ADR 0045): what the e2b plan's live read costs. `mode: plan` through `node
 * dist/index.js` (Node 24) against a template and sandbox the action deployed on the loopback E2B API
 * stand-in, with E2B_API_KEY (the three GETs side by side) and without it (no read at all), interleaved.
 * The stand-in answers at loopback speed, so a relay in front of it holds each answer `latency` ms,
 * as a remote API would (0 = the stand-in itself): three reads side by side cost one wait, not three.
 *
 *   npm run bench plan-live-e2b          # BENCH_RUNS=5, BENCH_LATENCY_MS=150
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { ROOT, runAction } from '../__tests__/support/action.js';
import {
  cleanup,
  imagesOf,
  pushTestBase,
  REGISTRY,
  removeLabelledImages,
  requireServices,
  uniqueName,
} from '../__tests__/support/docker.js';
import { E2bApiMock } from '../__tests__/support/e2b-api.js';
import { median } from './kubernetes.js';

export interface PlanLiveE2bBench {
  runs: number;
  latencyMs: number;
  withMs: number[];
  withoutMs: number[];
  medianWithMs: number;
  medianWithoutMs: number;
  /** what the plan said with the read (it must be `= unchanged …`) */
  lines: string[];
  /** GET requests one plan with the key made */
  requests: number;
}

/** A relay that holds every answer of `target` for `latencyMs` before passing it on. */
async function slowRelay(target: string, latencyMs: number): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      (async () => {
        const hopByHop = new Set(['host', 'content-length', 'transfer-encoding', 'connection', 'keep-alive']);
        const headers = Object.fromEntries(Object.entries(req.headers).filter(([k]) => !hopByHop.has(k))) as Record<string, string>;
        const body = chunks.length ? Buffer.concat(chunks) : undefined;
        const answer = await fetch(`${target}${req.url ?? '/'}`, { method: req.method, headers, body });
        const text = Buffer.from(await answer.arrayBuffer());
        await new Promise((r) => setTimeout(r, latencyMs));
        const out: Record<string, string | number> = {
          'content-type': answer.headers.get('content-type') ?? 'application/json',
          'content-length': text.length,
        };
        const next = answer.headers.get('x-next-token');
        if (next) out['x-next-token'] = next;
        res.writeHead(answer.status, out);
        res.end(text);
      })().catch((e: unknown) => {
        res.writeHead(502, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ code: 502, message: `relay: ${(e as Error).message}` }));
      });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

export async function benchPlanLiveE2b(runs = 5, latencyMs = 150): Promise<PlanLiveE2bBench> {
  await requireServices();
  const key = `e2b_${randomBytes(20).toString('hex')}`;
  const api = new E2bApiMock(key);
  await api.start();
  const relay = await slowRelay(api.url, latencyMs);
  const ns = uniqueName('bplane2b');
  const scratch = mkdtempSync(join(tmpdir(), 'sindri-bench-plan-e2b-'));
  try {
    const base = await pushTestBase(`${ns}/base`, ns);
    writeFileSync(
      join(scratch, 'sindri.yaml'),
      `version: "3.0"\nname: ${ns}-app\ndeployment:\n  provider: e2b\n  image: ${base.repo}@${base.digest}\nextensions:\n  profile: minimal\nproviders:\n  e2b:\n    timeout: 600\n    autoPause: false\n`,
    );
    const env = (k: string) => ({
      PATH: `${join(ROOT, 'node_modules', '.bin')}${delimiter}${process.env.PATH ?? ''}`,
      E2B_API_URL: relay.url,
      E2B_API_KEY: k,
    });
    const act = (mode: string, k: string) =>
      runAction({ inputs: { mode, timeout: '2m', verify: 'false' }, cwd: scratch, env: env(k), timeoutMs: 240_000 });
    const deployed = await act('deploy', key);
    if (deployed.code !== 0) throw new Error(`the deploy the plans compare against failed:\n${deployed.stdout}`);
    const withMs: number[] = [];
    const withoutMs: number[] = [];
    let lines: string[] = [];
    let requests = 0;
    await act('plan', key); // warm-up of each: the compile cache and the registry's first answers are not the figure
    await act('plan', '');
    for (let i = 0; i < runs; i++) {
      const from = api.requests.length;
      const a = await act('plan', key);
      requests = api.requests.length - from;
      lines = a.stdout.split('\n').filter((l) => /^[=~+?] /.test(l));
      if (a.code !== 0 || !lines.every((l) => l.startsWith('= unchanged'))) throw new Error(`the plan with the key:\n${a.stdout}`);
      withMs.push(a.durationMs);
      const b = await act('plan', '');
      if (b.code !== 0 || !/live state unknown: E2B_API_KEY is not set/.test(b.stdout))
        throw new Error(`the plan without a key:\n${b.stdout}`);
      withoutMs.push(b.durationMs);
    }
    await cleanup({ images: await imagesOf(`${REGISTRY}/${ns}/base`) });
    return { runs, latencyMs, withMs, withoutMs, medianWithMs: median(withMs), medianWithoutMs: median(withoutMs), lines, requests };
  } finally {
    await new Promise<void>((r) => relay.server.close(() => r()));
    relay.server.closeAllConnections();
    await api.stop();
    await removeLabelledImages(ns);
    rmSync(scratch, { recursive: true, force: true });
  }
}

export function formatPlanLiveE2bBench(r: PlanLiveE2bBench): string {
  return [
    `plan live read (e2b, ${r.runs} interleaved runs, API answers held ${r.latencyMs} ms): with the key ${r.medianWithMs} ms, without ${r.medianWithoutMs} ms (median)`,
    `  extra ${r.medianWithMs - r.medianWithoutMs} ms for ${r.requests} GET(s) side by side; with: [${r.withMs.join(', ')}], without: [${r.withoutMs.join(', ')}]`,
    `  the plan said: ${r.lines.join(' | ')}`,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`)
  console.log(
    formatPlanLiveE2bBench(await benchPlanLiveE2b(Number(process.env.BENCH_RUNS ?? 5), Number(process.env.BENCH_LATENCY_MS ?? 150))),
  );
