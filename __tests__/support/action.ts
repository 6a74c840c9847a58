/**
 * Runs the action the way the GitHub runner does: `node dist/index.js` in a child process, inputs
 * as `INPUT_<NAME>` env (defaults from action.yml first), fresh GITHUB_OUTPUT / GITHUB_STEP_SUMMARY /
 * GITHUB_STATE / GITHUB_ENV / GITHUB_PATH files, RUNNER_TEMP and RUNNER_TOOL_CACHE in a temp dir,
 * then reads the outputs back from the file-command format. On Node 20 and Node 24 (the action's
 * `runs.using`); a missing Node 24 is installed by scripts/ensure-node.mjs or fails the test.
 */
// The harness plays the runner, so it starts the process itself (src/external/exec.ts is the action's own wrapper).
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inputEnv, parseFileCommands, readActionInputs } from '../../scripts/runner-files.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST_ENTRY = join(ROOT, 'dist', 'index.js');

export type NodeMajor = '20' | '24';

/** The harness's default tool mirror: nothing listens there. */
export const CLOSED_MIRROR = 'http://127.0.0.1:9';
/** Every action-level test runs on both: the runners' Node 20 and the action's `node24`. */
export const NODES: NodeMajor[] = ['20', '24'];

export interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  /** what the action saved with saveState (GITHUB_STATE) */
  state: Record<string, string>;
  durationMs: number;
  /** true when cancelWhen held and the step was cancelled with SIGINT, as the runner cancels */
  cancelled: boolean;
}

export interface RunActionOptions {
  /** input names as in action.yml (`image-digest`), values as a workflow would pass them */
  inputs: Record<string, string>;
  /** added over the clean environment (a value here wins over the runner's defaults) */
  env?: Record<string, string>;
  /** the step's working directory (the runner's GITHUB_WORKSPACE); default the repository root */
  cwd?: string;
  node?: NodeMajor;
  /** default 60 s; the process is killed (SIGKILL) then and the run rejects */
  timeoutMs?: number;
  /** the script to run instead of dist/index.js (harness tests) */
  script?: string;
  /** the state a main step saved (ActionRun.state): given as STATE_<name>, as the runner does for the post step */
  state?: Record<string, string>;
  /** cancel the run as the runner does (SIGINT) once its stdout so far satisfies this */
  cancelWhen?: (stdout: string) => boolean;
}

const nodeBinaries = new Map<NodeMajor, string>();

/** The Node binary of that major: this process's node if it matches, else the pinned one (installed on first use). */
export function nodeBinary(major: NodeMajor): string {
  const known = nodeBinaries.get(major);
  if (known) return known;
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'ensure-node.mjs'), major], { encoding: 'utf8', timeout: 300_000 });
  const path = r.stdout.trim();
  if (r.status !== 0 || !path) {
    throw new Error(
      `Node ${major} is not available to run the action (scripts/ensure-node.mjs ${major} exited ${r.status}): ${r.stderr.trim()}`,
    );
  }
  nodeBinaries.set(major, path);
  return path;
}

let declaredInputs: ReturnType<typeof readActionInputs> | undefined;
function actionInputs(): ReturnType<typeof readActionInputs> {
  declaredInputs ??= readActionInputs(readFileSync(join(ROOT, 'action.yml'), 'utf8'));
  return declaredInputs;
}

/** process.env without what a runner sets per step (INPUT_*, GITHUB_*, RUNNER_*, ACTIONS_*): nothing leaks in from the test's own environment. */
export function cleanEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v === undefined || /^(INPUT_|GITHUB_|RUNNER_|ACTIONS_)/i.test(k)) continue;
    env[k] = v;
  }
  return env;
}

export async function runAction(opts: RunActionOptions): Promise<ActionRun> {
  const node = nodeBinary(opts.node ?? '24');
  const script = resolve(opts.script ?? DIST_ENTRY);
  const tmp = mkdtempSync(join(tmpdir(), 'action-run-'));
  const files = {
    GITHUB_OUTPUT: join(tmp, 'output'),
    GITHUB_STEP_SUMMARY: join(tmp, 'summary.md'),
    GITHUB_STATE: join(tmp, 'state'),
    GITHUB_ENV: join(tmp, 'env'),
    GITHUB_PATH: join(tmp, 'path'),
  };
  for (const f of Object.values(files)) writeFileSync(f, '');
  const runnerTemp = join(tmp, 'runner-temp');
  const toolCache = join(tmp, 'tool-cache');
  mkdirSync(runnerTemp);
  mkdirSync(toolCache);
  const env: Record<string, string> = {
    ...cleanEnv(),
    ...files,
    RUNNER_TEMP: runnerTemp,
    RUNNER_TOOL_CACHE: toolCache,
    // a CLI missing from PATH is downloaded from here: a closed loopback port, so no test ever
    // reaches the internet (tests of the installer pass their own loopback mirror)
    SINDRI_TOOL_MIRROR: CLOSED_MIRROR,
    // Fly's APIs (ADR 0051) at the same closed port unless the test starts the stand-in (support/fly-api.ts) and passes its env
    FLY_API_BASE_URL: CLOSED_MIRROR,
    FLY_FLAPS_BASE_URL: CLOSED_MIRROR,
    // action.yml defaults first, as the runner applies them; `${{ github.token }}` has no value here
    ...inputEnv(actionInputs(), opts.inputs),
    ...Object.fromEntries(Object.entries(opts.state ?? {}).map(([k, v]) => [`STATE_${k}`, v])),
    ...opts.env,
  };
  const timeoutMs = opts.timeoutMs ?? 60_000;
  const started = Date.now();
  try {
    const { code, stdout, stderr, cancelled } = await new Promise<{ code: number; stdout: string; stderr: string; cancelled: boolean }>(
      (resolvePromise, reject) => {
        const child = spawn(node, [script], { cwd: opts.cwd ?? ROOT, env, shell: false, stdio: ['ignore', 'pipe', 'pipe'] });
        const out: Buffer[] = [];
        const err: Buffer[] = [];
        let cancelled = false;
        // cancelWhen is asked on every output chunk and every 100 ms (its condition may be a file, not output)
        const maybeCancel = () => {
          if (!cancelled && opts.cancelWhen?.(Buffer.concat(out).toString('utf8'))) cancelled = child.kill('SIGINT');
        };
        const poll = opts.cancelWhen ? setInterval(maybeCancel, 100) : undefined;
        child.stdout.on('data', (b: Buffer) => {
          out.push(b);
          maybeCancel();
        });
        child.stderr.on('data', (b: Buffer) => err.push(b));
        const timer = setTimeout(() => {
          child.kill('SIGKILL');
          reject(new Error(`the action did not finish within ${timeoutMs} ms; stdout so far:\n${Buffer.concat(out).toString('utf8')}`));
        }, timeoutMs);
        child.on('error', (e) => {
          clearTimeout(timer);
          clearInterval(poll);
          reject(e);
        });
        child.on('close', (c, signal) => {
          clearTimeout(timer);
          clearInterval(poll);
          resolvePromise({
            cancelled,
            code: c ?? (signal ? 128 : 1),
            stdout: Buffer.concat(out).toString('utf8'),
            stderr: Buffer.concat(err).toString('utf8'),
          });
        });
      },
    );
    return {
      code,
      cancelled,
      stdout,
      stderr,
      outputs: parseFileCommands(readFileSync(files.GITHUB_OUTPUT, 'utf8')),
      summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8'),
      state: parseFileCommands(readFileSync(files.GITHUB_STATE, 'utf8')),
      durationMs: Date.now() - started,
    };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
