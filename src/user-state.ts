/**
 * States of the machine the user controls, told as the one error line with its place and fix rather
 * than "internal error" (docs/behaviour.md#errors): a runner file variable naming no file, a local run
 * without the runner's tool cache, and a file-system failure at a path (a directory where a generated
 * file goes, a read-only or full disk, no permission). main.ts checks the first before anything
 * happens and maps the others when they end a run.
 */
import { statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { ActionError } from './errors.js';
import { fileSystemError } from './providers/kit/files.js';

/** The runner's file commands (`@actions/core` appends to these files; a missing one throws mid-run). */
export const RUNNER_FILES = ['GITHUB_OUTPUT', 'GITHUB_STATE', 'GITHUB_ENV', 'GITHUB_PATH'] as const;

const LOCAL_RUN = 'run it with npm start (scripts/local-run.mjs), which sets up the runner files and folders';

/**
 * Each runner file variable that is set must name an existing file. A runner always creates them;
 * a local run that sets one by hand to a path that is not there would fail at the first output,
 * after the deploy changed things. Checked before anything is done.
 */
export function checkRunnerFiles(env: NodeJS.ProcessEnv = process.env): void {
  for (const name of RUNNER_FILES) {
    const path = env[name];
    if (!path) continue;
    let isFile = false;
    try {
      isFile = statSync(path).isFile();
    } catch {
      isFile = false;
    }
    if (isFile) continue;
    throw new ActionError(`${name} names ${path}, which is not a file (the runner creates it for every step)`, {
      where: { field: `env ${name}` },
      fix: `create the file or unset ${name} (outside a runner, outputs are then shown with ACTIONS_STEP_DEBUG=true); or ${LOCAL_RUN}`,
    });
  }
}

/** `@actions/tool-cache` asserts its two folders: outside a runner (plain `node dist/index.js`) they are unset. */
const TOOL_CACHE_ASSERT = /^Expected (RUNNER_TOOL_CACHE|RUNNER_TEMP) to be defined$/;

/** File-system codes that describe the machine, not a bug: EISDIR, EROFS, no permission, a full disk… */
const USER_STATE_CODES = new Set(['EISDIR', 'ENOTDIR', 'EROFS', 'EACCES', 'EPERM', 'ENOSPC', 'EDQUOT', 'ELOOP']);

function shown(workdir: string, path: string): string {
  const rel = relative(workdir, resolve(workdir, path));
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : path;
}

/** The one line for an error that is a state of the machine, or undefined when `e` is something else. */
export function userStateError(e: unknown, workdir: string): ActionError | undefined {
  if (e instanceof ActionError || !(e instanceof Error)) return undefined;
  const tool = TOOL_CACHE_ASSERT.exec(e.message);
  if (tool) {
    const name = tool[1]!;
    return new ActionError(`${name} is not set, so a missing CLI cannot be downloaded (this is not a GitHub runner step)`, {
      where: { field: `env ${name}` },
      fix: `${LOCAL_RUN}; or set RUNNER_TOOL_CACHE and RUNNER_TEMP to writable folders; or put the CLI on PATH`,
      cause: e,
    });
  }
  const { code, path } = e as NodeJS.ErrnoException;
  if (code && USER_STATE_CODES.has(code) && typeof path === 'string') return fileSystemError(e, shown(workdir, path));
  return undefined;
}
