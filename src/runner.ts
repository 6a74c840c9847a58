/**
 * The action's side of the runner protocol, over GitHub's toolkit: `@actions/core` reads the inputs
 * and writes the outputs, state, masks, groups, annotations, failure and the job summary (ADR 0018).
 * What this file adds is what core leaves to the runner: every line we write goes through `redact`,
 * so a secret registered with `setSecret` never reaches a log, an output, the state or the summary,
 * even in a local run (scripts/local-run.mjs) where no runner masks it.
 *
 * The set of registered secrets is the one piece of process-wide state here, on purpose: it mirrors
 * the runner's own mask list, which is process-wide too (a value once sent with `::add-mask::` stays
 * masked for the rest of the job and cannot be withdrawn). Everything else a run accumulates (outputs,
 * phase timings, temporary files, the deadline) is a value owned by the run (ADR 0019).
 */
import * as core from '@actions/core';
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';
import { relative } from 'node:path';

const secrets = new Set<string>();
let summaryWrites: Promise<void> = Promise.resolve();

/**
 * The log writes of work done ahead of its turn (`holdLog`), kept in order until its turn comes. Scoped
 * to that work's own async calls, so whatever runs beside it writes as it goes.
 */
const held = new AsyncLocalStorage<(() => void)[]>();

/** A log write: now, or, inside `holdLog`, when the held work's turn comes (redacted then, with every secret known by then). */
function write(w: () => void): void {
  const lines = held.getStore();
  if (lines) lines.push(w);
  else w();
}

/** Work started ahead of its turn: `turn` waits for it, prints what it logged, in order, then returns (or throws) its result. */
export interface HeldLog<T> {
  turn(): Promise<T>;
}

/**
 * Start `fn` now, with its log lines held (its groups, lines, warnings, debug lines), so that it can run
 * while an earlier phase waits on a process and still read in the log where it belongs (ADR 0048). Its
 * failure is not an unhandled rejection: `turn` throws it.
 */
export function holdLog<T>(fn: () => Promise<T>): HeldLog<T> {
  const lines: (() => void)[] = [];
  const settled = held
    .run(lines, () => fn())
    .then(
      (value) => ({ ok: true as const, value }),
      (error: unknown) => ({ ok: false as const, error }),
    );
  return {
    async turn() {
      const r = await settled;
      for (const w of lines.splice(0)) w();
      if (!r.ok) throw r.error;
      return r.value;
    },
  };
}

export interface AnnotationProps {
  title?: string;
  file?: string;
  startLine?: number;
  startColumn?: number;
}

/**
 * The path an annotation names for the file at `absolute`: from the repository root (GITHUB_WORKSPACE,
 * else the current folder), as the runner resolves it, whatever working-directory is.
 */
export function annotationFile(absolute: string): string {
  return relative(process.env.GITHUB_WORKSPACE || process.cwd(), absolute) || absolute;
}

/** Register a secret: masked by the runner from now on, and replaced by *** in everything we write. */
export function setSecret(value: string | undefined): void {
  if (!value) return;
  for (const part of [value, ...value.split(/\r?\n/)]) {
    const v = part.trim();
    if (v.length < 3 || secrets.has(v)) continue; // masking 1–2 characters would shred every log line
    secrets.add(v);
    core.setSecret(v);
  }
}

export function redact(text: string): string {
  let out = text;
  // longest first, so a secret containing another is replaced whole
  for (const s of [...secrets].sort((a, b) => b.length - a.length)) out = out.split(s).join('***');
  return out;
}

/** An input's value; `trimWhitespace: false` keeps what the workflow wrote (a secret's trailing spaces). */
export function getInput(name: string, options?: { trimWhitespace?: boolean }): string {
  return core.getInput(name, options);
}

/** The runner's debug switch (RUNNER_DEBUG=1), or the step-debug secret set by hand in a local run. */
export function isDebug(): boolean {
  return core.isDebug() || process.env.ACTIONS_STEP_DEBUG === 'true';
}

/**
 * Text the runner would read as a workflow command: a line that starts with `::` once leading white
 * space is trimmed (actions/runner `ActionCommand.TryParseV2` trims before it looks), or `##[` anywhere
 * in a line (the v1 form, found by `IndexOf`). The runner ends a line at `\n`, `\r\n` or a lone `\r`.
 */
const COMMAND_LIKE = /(?:^|[\r\n])\s*::|##\[/;

/**
 * A log line. Much of what we print is not ours (a config value in a command line, a CLI's output, a
 * registry's error): when it could be read as a workflow command it is printed between
 * `::stop-commands::<random token>` and `::<token>::`, so the runner shows it as text and runs nothing.
 */
export function info(message: string): void {
  write(() => {
    const text = redact(message);
    if (!COMMAND_LIKE.test(text)) {
      core.info(text);
      return;
    }
    const token = randomBytes(16).toString('hex');
    core.info(`::stop-commands::${token}`);
    core.info(text);
    core.info(`::${token}::`);
  });
}
export function debug(message: string): void {
  if (isDebug()) write(() => core.debug(redact(message)));
}
export function warning(message: string, props: AnnotationProps = {}): void {
  write(() => core.warning(redact(message), props));
}
export function notice(message: string, props: AnnotationProps = {}): void {
  write(() => core.notice(redact(message), props));
}
export function error(message: string, props: AnnotationProps = {}): void {
  write(() => core.error(redact(message), props));
}

/** Fail the step: one error annotation, exit code 1. */
export function setFailed(message: string, props: AnnotationProps = {}): void {
  process.exitCode = core.ExitCode.Failure;
  error(message, props);
}

/** A log group (core.group): what `fn` logs is folded under `name`. */
export async function group<T>(name: string, fn: () => Promise<T>): Promise<T> {
  if (!held.getStore()) return await core.group(redact(name), fn);
  write(() => core.startGroup(redact(name)));
  try {
    return await fn();
  } finally {
    write(() => core.endGroup());
  }
}

/** Set a step output now (docs/behaviour.md#outputs: each output as soon as it is known). */
export function setOutput(name: string, value: string): void {
  const v = redact(value);
  if (process.env.GITHUB_OUTPUT) core.setOutput(name, v);
  else debug(`output ${name}=${v}`);
}

/**
 * Append markdown to the job summary (core.summary); false when there is no summary file (local
 * runs). Writes are queued in order; `summaryWritten()` waits for them.
 */
export function appendSummary(markdown: string): boolean {
  if (!process.env.GITHUB_STEP_SUMMARY) return false;
  const text = redact(markdown);
  summaryWrites = summaryWrites
    .then(() => core.summary.addRaw(text, true).write())
    .then(
      () => undefined,
      (e: unknown) => {
        core.summary.emptyBuffer();
        warning(`could not write the job summary: ${(e as Error).message}`);
      },
    );
  return true;
}

/** Resolves when every summary write queued so far is on disk. */
export function summaryWritten(): Promise<void> {
  return summaryWrites;
}
