/**
 * docs/behaviour.md#performance-targets for tools: a tool already in the runner's tool cache costs zero
 * network requests, and the install phase adds little time on such a hit. A loopback mirror serves real
 * archives (raw kubectl, tar.gz flyctl stand-ins); the first run downloads them, then every run is a
 * hit. Requests are counted on the server; the phase is timed in-process (@actions/tool-cache is already
 * loaded by the first, downloading run).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Catalog } from '../src/tools/catalog.js';
import { installTools } from '../src/tools/install.js';
import { buildArchive, sha256, standIn, startToolMirror } from '../__tests__/support/tool-mirror.js';
import { testExec } from '../__tests__/support/exec.js';

export interface ToolsBench {
  tools: number;
  downloadRequests: number;
  downloadMs: number;
  hitRequests: number;
  firstHitMs: number;
  hitMedianMs: number;
  pathMedianMs: number;
  /** loading @actions/tool-cache (and @actions/core) in a fresh process: what the first tc.find of a run adds */
  loadToolCacheMs: number;
  runs: number;
}

/** median time to import @actions/tool-cache in a fresh node process (unbundled: an upper bound for dist/) */
function loadToolCache(runs = 9): number {
  const script = "const t = performance.now(); await import('@actions/tool-cache'); process.stdout.write(String(performance.now() - t));";
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
      cwd: join(import.meta.dirname, '..'),
    });
    if (r.status !== 0) throw new Error(`import @actions/tool-cache failed: ${r.stderr}`);
    xs.push(Number(r.stdout));
  }
  return median(xs);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function benchTools(runs = 21): Promise<ToolsBench> {
  const mirror = await startToolMirror();
  const root = mkdtempSync(join(tmpdir(), 'bench-tools-'));
  const saved = { PATH: process.env.PATH, RUNNER_TOOL_CACHE: process.env.RUNNER_TOOL_CACHE, RUNNER_TEMP: process.env.RUNNER_TEMP };
  process.env.RUNNER_TOOL_CACHE = join(root, 'cache');
  process.env.RUNNER_TEMP = join(root, 'temp');
  try {
    const mark = join(root, 'ran');
    const kubectl = Buffer.from(standIn('kubectl', '1.32.13', mark));
    const flyctl = buildArchive('tar.gz', { flyctl: standIn('flyctl', '0.4.87', mark) });
    mirror.serve('/k/v1.32.13/kubectl', kubectl);
    mirror.serve('/f/v0.4.87/flyctl.tar.gz', flyctl);
    const base = { description: 'bench', home: '', versionArgs: ['version'] };
    const catalog: Catalog = {
      schema: 1,
      tools: {
        kubectl: {
          ...base,
          default: '1.32.13',
          accept: '>=1.31.0 <1.34.0',
          platforms: { 'linux-x64': { url: 'https://origin.invalid/k/v{version}/kubectl', format: 'raw', path: 'kubectl' } },
          versions: { '1.32.13': { 'linux-x64': { sha256: sha256(kubectl) } } },
        },
        flyctl: {
          ...base,
          default: '0.4.87',
          accept: '>=0.3.0 <1.0.0',
          platforms: { 'linux-x64': { url: 'https://origin.invalid/f/v{version}/flyctl.tar.gz', format: 'tar.gz', path: 'flyctl' } },
          versions: { '0.4.87': { 'linux-x64': { sha256: sha256(flyctl) } } },
        },
      },
    };
    const phase = (pathEnv = '/nonexistent') =>
      installTools({
        needs: [
          { tool: 'kubectl', why: 'bench' },
          { tool: 'flyctl', why: 'bench' },
        ],
        inputs: { 'tool-versions': {}, 'tool-mirror': mirror.url },
        mode: 'deploy',
        catalog,
        platform: 'linux-x64',
        pathEnv,
        exec: testExec,
      });
    const timed = async (pathEnv?: string) => {
      process.env.PATH = saved.PATH;
      const t = process.hrtime.bigint();
      const s = await phase(pathEnv);
      return { ms: Number(process.hrtime.bigint() - t) / 1e6, s };
    };
    const quiet = silence();
    try {
      const first = await timed();
      const downloadRequests = mirror.requests.length;
      mirror.reset();
      const hits: number[] = [];
      let firstHitMs = 0;
      for (let i = 0; i < runs; i++) {
        const h = await timed();
        if (h.s.some((t) => t.source !== 'cache')) throw new Error(`run ${i} was not a cache hit`);
        if (i === 0) firstHitMs = h.ms;
        else hits.push(h.ms);
      }
      const hitRequests = mirror.requests.length;
      // for comparison: both tools already on PATH (the cache dirs), each read with `<tool> version`
      const onPath = [join(root, 'cache', 'kubectl', '1.32.13', 'x64'), join(root, 'cache', 'flyctl', '0.4.87', 'x64')].join(':');
      const paths: number[] = [];
      for (let i = 0; i < Math.min(runs, 9); i++) paths.push((await timed(onPath)).ms);
      return {
        tools: 2,
        downloadRequests,
        downloadMs: first.ms,
        hitRequests,
        firstHitMs,
        hitMedianMs: median(hits),
        pathMedianMs: median(paths),
        loadToolCacheMs: loadToolCache(),
        runs,
      };
    } finally {
      quiet();
    }
  } finally {
    Object.assign(process.env, saved);
    await mirror.close();
    rmSync(root, { recursive: true, force: true });
  }
}

/** The phase logs every step to stdout (runner protocol); the benchmark prints only its figures. */
function silence(): () => void {
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = (() => true) as typeof process.stdout.write;
  return () => {
    process.stdout.write = write;
  };
}

export function formatToolsBench(b: ToolsBench): string {
  return (
    `tools: ${b.tools} tools; first run downloads: ${b.downloadRequests} requests, ${b.downloadMs.toFixed(1)} ms; ` +
    `cache hit: ${b.hitRequests} requests over ${b.runs} runs ${b.hitRequests === 0 ? 'MET' : 'MISSED'} (target 0); ` +
    `install phase on a hit (tc.find + core.addPath for both): first ${b.firstHitMs.toFixed(1)} ms, then median ${b.hitMedianMs.toFixed(1)} ms, ` +
    `plus ${b.loadToolCacheMs.toFixed(1)} ms once per run to load @actions/tool-cache (fresh process, unbundled); ` +
    `for comparison both on PATH (one \`<tool> version\` each; the stand-ins are node scripts): median ${b.pathMedianMs.toFixed(1)} ms`
  );
}
