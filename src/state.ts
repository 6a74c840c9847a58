/**
 * The hand-over from the main step to the post step (action.yml `runs.post`), through the runner's
 * GITHUB_STATE file (`core.saveState`, read back as `STATE_<name>` by `core.getState`). The one file
 * that writes or reads state, as docker/build-push-action's state-helper:
 *   - `isPost`: set by main, so the same dist/index.js knows it runs as the post step;
 *   - `temp-paths`: temporary files and folders the run created and has not removed yet (env files,
 *     generated secrets files, build contexts): the post step removes what a failed or cancelled run left;
 *   - `deployment`: a GitHub deployment still `in_progress`: the post step marks it `error`.
 */
import * as core from '@actions/core';
import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { redact } from './runner.js';

const KEYS = { isPost: 'isPost', temps: 'temp-paths', deployment: 'deployment' } as const;

/** Write one state value (redacted: state is a file on the runner's disk). No GITHUB_STATE (local run): kept nowhere. */
export function saveState(name: string, value: string): void {
  if (process.env.GITHUB_STATE) core.saveState(name, redact(value));
}

/** True in the post step: main saved `isPost` before doing anything else. */
export function isPost(): boolean {
  return core.getState(KEYS.isPost) === 'true';
}

/** Called first in the main step. */
export function markMain(): void {
  saveState(KEYS.isPost, 'true');
}

/**
 * The temporary files and folders of one run (one per run, handed to whatever creates them). Each is
 * registered before it is created: if the run fails or is cancelled before `release`, the post step
 * removes it. The whole list is written to the state on every change, so a cancel at any moment
 * leaves the post step an up-to-date list.
 */
export class TempFiles {
  private readonly paths = new Set<string>();

  register(path: string): void {
    if (this.paths.has(path)) return;
    this.paths.add(path);
    saveState(KEYS.temps, JSON.stringify([...this.paths]));
  }

  /** The run removed it itself: the post step has nothing to do for it. */
  release(path: string): void {
    if (!this.paths.delete(path)) return;
    saveState(KEYS.temps, JSON.stringify([...this.paths]));
  }

  /**
   * A new private folder (0700) for files that hold secrets: under RUNNER_TEMP, which the runner
   * empties after every job (the system temp folder outside a runner), registered before it exists.
   */
  dir(prefix: string): string {
    const path = join(process.env.RUNNER_TEMP || tmpdir(), `${prefix}${randomUUID()}`);
    this.register(path);
    mkdirSync(path, { recursive: true, mode: 0o700 });
    return path;
  }

  /** Remove a registered file or folder now, and forget it. */
  remove(path: string): void {
    rmSync(path, { recursive: true, force: true });
    this.release(path);
  }
}

/** In the post step: what main registered and did not release. */
export function leftTemps(): string[] {
  return parseJson<string[]>(core.getState(KEYS.temps), []).filter((p) => typeof p === 'string' && p !== '');
}

/** A GitHub deployment the post step must close if main did not (everything to reach it without main's memory). */
export interface PendingDeployment {
  id: number;
  owner: string;
  repo: string;
  environment: string;
  logUrl: string;
}

export function savePendingDeployment(d: PendingDeployment | undefined): void {
  saveState(KEYS.deployment, d ? JSON.stringify(d) : '');
}

export function pendingDeployment(): PendingDeployment | undefined {
  const d = parseJson<Partial<PendingDeployment> | undefined>(core.getState(KEYS.deployment), undefined);
  return d && typeof d.id === 'number' && d.owner && d.repo ? (d as PendingDeployment) : undefined;
}

function parseJson<T>(text: string, fallback: T): T {
  if (!text) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}
