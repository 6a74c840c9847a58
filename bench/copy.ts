/**
 * Benchmark (issue 26, ADR 0026): copying a private 3-layer image from the htpasswd registry (:5001)
 * to the token registry (:5002), cold (nothing there) and warm (everything there), with copyImage
 * against the baseline in the same run: `docker pull` + `docker tag` + `docker push` of the same
 * digest through the real engine. Reported: wall time (median of `runs`), bytes sent and requests
 * (copyImage's own counts), and whether the digest on the target is the source's.
 *
 *   npx tsx bench/copy.ts            # prints the figures and one JSON line
 *   import { benchCopy } from './copy.js'   # for bench/run.ts
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Deadline } from '../src/deadline.js';
import { copyImage, type CopyResult } from '../src/image/copy.js';
import { credentialChain } from '../src/image/credentials.js';
import { formatBytes } from '../src/image/registry-http.js';
import {
  fetchManifest,
  REGISTRY_BASIC,
  REGISTRY_TOKEN,
  requireService,
  RUN_ID,
  sha256Digest,
  TEST_PASS,
  TEST_USER,
} from '../__tests__/support/registry.js';

export interface CopyBenchPath {
  /** median wall time, ms */
  medianMs: number;
  runsMs: number[];
  /** bytes sent to the target (copyImage only: docker does not say) */
  bytes?: number;
  /** HTTP requests to both registries, token requests included (copyImage only) */
  requests?: number;
  /** the digest the target serves equals the source's */
  sameDigest: boolean;
}

export interface CopyBenchResult {
  layers: number;
  layerBytes: number;
  imageBytes: number;
  runs: number;
  ours: { cold: CopyBenchPath; warm: CopyBenchPath };
  docker: { cold: CopyBenchPath; warm: CopyBenchPath };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** One docker CLI call with its own config dir (never the machine's ~/.docker); throws with its stderr. */
function docker(config: string, args: string[], input?: string): string {
  const r = spawnSync('docker', args, { encoding: 'utf8', input, env: { ...process.env, DOCKER_CONFIG: config }, maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`docker ${args.join(' ')}: ${r.stderr || r.stdout}`);
  return r.stdout;
}

export async function benchCopy(runs = 3, layers = 3, layerBytes = 8 << 20): Promise<CopyBenchResult> {
  await requireService(`http://${REGISTRY_BASIC}/v2/`, [401]);
  await requireService(`http://${REGISTRY_TOKEN}/v2/`, [401]);
  const dir = mkdtempSync(join(tmpdir(), 'wb-reg-bench-'));
  const config = join(dir, 'docker-config');
  const ns = `wb-reg/bench-${RUN_ID}`;
  const made: string[] = [];
  try {
    for (const host of [REGISTRY_BASIC, REGISTRY_TOKEN]) docker(config, ['login', '-u', TEST_USER, '--password-stdin', host], TEST_PASS);
    // a 3-layer image of incompressible bytes, built FROM scratch and pushed to the private registry
    const ctx = join(dir, 'ctx');
    const files = Array.from({ length: layers }, (_, i) => `layer${i}`);
    spawnSync('mkdir', ['-p', ctx]);
    for (const f of files) writeFileSync(join(ctx, f), randomBytes(layerBytes));
    writeFileSync(join(ctx, 'Dockerfile'), `FROM scratch\n${files.map((f) => `COPY ${f} /${f}`).join('\n')}\n`);
    const src = `${REGISTRY_BASIC}/${ns}/src:1`;
    docker(config, ['build', '-q', '--network', 'host', '-t', src, ctx]);
    const pushed = /digest: (sha256:[a-f0-9]{64})/.exec(docker(config, ['push', src]))?.[1];
    if (!pushed) throw new Error('docker push printed no digest');
    docker(config, ['rmi', src]);
    const source = `${REGISTRY_BASIC}/${ns}/src@${pushed}`;
    const credentials = credentialChain({
      inputs: { 'registry-username': TEST_USER, 'registry-password': TEST_PASS, 'github-token': '' },
      dockerConfigFile: null,
    });
    const served = async (repository: string, reference: string) => {
      const bytes = await fetchManifest(
        { host: REGISTRY_TOKEN, repository, auth: { username: TEST_USER, password: TEST_PASS } },
        reference,
      );
      return bytes ? sha256Digest(bytes) : undefined;
    };

    const ours = { cold: [] as number[], warm: [] as number[], coldR: [] as CopyResult[], warmR: [] as CopyResult[] };
    const base = { cold: [] as number[], warm: [] as number[], same: [] as boolean[] };
    for (let i = 0; i < runs; i++) {
      const to = { registry: REGISTRY_TOKEN, repository: `${ns}/ours-${i}`, credentials };
      for (const phase of ['cold', 'warm'] as const) {
        const t0 = performance.now();
        const r = await copyImage({ reference: source, credentials }, to, { deadline: new Deadline(600_000) });
        ours[phase].push(performance.now() - t0);
        ours[phase === 'cold' ? 'coldR' : 'warmR'].push(r);
      }
      const target = `${REGISTRY_TOKEN}/${ns}/docker-${i}:1`;
      for (const phase of ['cold', 'warm'] as const) {
        // cold: the engine holds nothing of the image; warm: it holds it and the target holds every layer
        const t0 = performance.now();
        docker(config, ['pull', '-q', source]);
        docker(config, ['tag', source, target]);
        made.push(target);
        const out = docker(config, ['push', target]);
        base[phase].push(performance.now() - t0);
        base.same.push(/digest: (sha256:[a-f0-9]{64})/.exec(out)?.[1] === pushed);
      }
      docker(config, ['rmi', target, source]);
    }
    const oursSame = async () => (await served(`${ns}/ours-0`, pushed)) === pushed;
    const path = (ms: number[], rs: CopyResult[] | undefined, sameDigest: boolean): CopyBenchPath => {
      const p: CopyBenchPath = { medianMs: median(ms), runsMs: ms.map((m) => Math.round(m)), sameDigest };
      if (rs) {
        p.bytes = median(rs.map((r) => r.bytes));
        p.requests = median(rs.map((r) => r.requests));
      }
      return p;
    };
    const same = await oursSame();
    return {
      layers,
      layerBytes,
      imageBytes: layers * layerBytes,
      runs,
      ours: { cold: path(ours.cold, ours.coldR, same), warm: path(ours.warm, ours.warmR, same) },
      docker: { cold: path(base.cold, undefined, base.same.every(Boolean)), warm: path(base.warm, undefined, base.same.every(Boolean)) },
    };
  } finally {
    for (const t of made) spawnSync('docker', ['rmi', t], { stdio: 'ignore' });
    rmSync(dir, { recursive: true, force: true });
  }
}

export function formatCopyBench(r: CopyBenchResult): string {
  const ms = (n: number) => `${n.toFixed(0)} ms`;
  const ours = (p: CopyBenchPath) => `${ms(p.medianMs)}, ${formatBytes(p.bytes ?? 0)} sent, ${p.requests} requests`;
  const ratio = (ours: number, base: number) =>
    ours <= base ? `${(base / ours).toFixed(1)}× faster` : `${(ours / base).toFixed(1)}× slower`;
  return [
    `copy: ${r.layers} layers × ${formatBytes(r.layerBytes)} from ${REGISTRY_BASIC} (htpasswd) to ${REGISTRY_TOKEN} (token), median of ${r.runs}:`,
    `copy: cold copyImage ${ours(r.ours.cold)}; docker pull+tag+push ${ms(r.docker.cold.medianMs)} (${ratio(r.ours.cold.medianMs, r.docker.cold.medianMs)})`,
    `copy: warm copyImage ${ours(r.ours.warm)}; docker pull+tag+push ${ms(r.docker.warm.medianMs)} (${ratio(r.ours.warm.medianMs, r.docker.warm.medianMs)})`,
    `copy: digest kept: copyImage ${r.ours.cold.sameDigest ? 'yes' : 'NO'}, docker ${r.docker.cold.sameDigest ? 'yes' : 'NO'}; warm copy sends nothing ${r.ours.warm.bytes === 0 ? 'MET' : 'MISSED'}`,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await benchCopy();
  process.stdout.write(`${formatCopyBench(r)}\n${JSON.stringify({ bench: 'copy', ...r })}\n`);
}
