/**
 * Recording stand-ins on PATH for CLIs that cannot run here (CONTRACT tests: see
 * fakes/recorder.cjs). `installFakes(['flyctl'])` makes a bin dir with one executable per tool and a
 * state dir; pass `fakes.env` to the action (PATH first, FAKE_STATE_DIR) and read back what each
 * tool was called with.
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = join(dirname(fileURLToPath(import.meta.url)), 'fakes');

export interface FakeCall {
  tool: string;
  argv: string[];
  cwd: string;
  stdin: string;
  /** names only: a fake never records an environment value (but see `env`) */
  envNames: string[];
  /** `--*-env-file` arguments: the file's mode and the names of its KEY=value lines */
  envFiles: Record<string, { mode?: number; names?: string[]; missing?: boolean }>;
  /** a few non-secret variables by value (KUBECONFIG, …) */
  env: Record<string, string>;
  at: number;
}

export interface Fakes {
  binDir: string;
  stateDir: string;
  /** PATH with the fakes first, and FAKE_STATE_DIR */
  env: Record<string, string>;
  /** the calls, without the tool installer's read-only version probes unless `probes` */
  calls(tool?: string, opts?: { probes?: boolean }): FakeCall[];
  /** the tool's JSON state (what the handler keeps between calls) */
  state<T = Record<string, unknown>>(tool: string): T;
  setState(tool: string, state: unknown): void;
  /** forget the calls (state stays) */
  clearCalls(): void;
  remove(): void;
  /**
   * Settings for the stand-ins (`FAKE_GIT_HANG_MS`, the real devpod's path): the action passes its
   * children only the environment they need, so a stand-in reads these from its state dir instead.
   */
  setEnv(vars: Record<string, string>): void;
}

/** `<tool> version` / `--version` / `version --client`: what src/tools/install.ts runs to read a version on PATH. */
export function isVersionProbe(c: Pick<FakeCall, 'argv'>): boolean {
  const a = c.argv.join(' ');
  return a === 'version' || a === '--version' || a === 'version --client';
}

export function installFakes(tools: readonly string[], basePath = process.env.PATH ?? ''): Fakes {
  const root = mkdtempSync(join(tmpdir(), 'fakes-'));
  const binDir = join(root, 'bin');
  const stateDir = join(root, 'state');
  mkdirSync(binDir);
  mkdirSync(stateDir);
  for (const tool of tools) {
    if (!existsSync(join(HERE, `${tool}.cjs`))) throw new Error(`no fake handler __tests__/support/fakes/${tool}.cjs`);
    const bin = join(binDir, tool);
    writeFileSync(
      bin,
      `#!/usr/bin/env node\nrequire(${JSON.stringify(join(HERE, 'recorder.cjs'))})(${JSON.stringify(tool)}, ${JSON.stringify(stateDir)});\n`,
    );
    chmodSync(bin, 0o755);
  }
  const callsFile = join(stateDir, 'calls.jsonl');
  return {
    binDir,
    stateDir,
    env: { PATH: `${binDir}${delimiter}${basePath}`, FAKE_STATE_DIR: stateDir },
    calls(tool, opts = {}) {
      if (!existsSync(callsFile)) return [];
      const all = readFileSync(callsFile, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as FakeCall)
        .filter((c) => opts.probes || !isVersionProbe(c));
      return tool ? all.filter((c) => c.tool === tool) : all;
    },
    state<T>(tool: string): T {
      const p = join(stateDir, `${tool}.state.json`);
      return (existsSync(p) ? JSON.parse(readFileSync(p, 'utf8')) : {}) as T;
    },
    setState(tool, state) {
      writeFileSync(join(stateDir, `${tool}.state.json`), JSON.stringify(state, null, 2));
    },
    setEnv(vars) {
      writeFileSync(join(stateDir, 'fake-env.json'), JSON.stringify(vars));
    },
    clearCalls() {
      rmSync(callsFile, { force: true });
    },
    remove() {
      rmSync(root, { recursive: true, force: true });
    },
  };
}
