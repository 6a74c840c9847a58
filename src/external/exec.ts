/**
 * The one way this action runs a program: an argv array (never a shell), an optional stdin, the
 * run's deadline, output captured and streamed through redaction, and failures turned into one
 * ActionError carrying the redacted command line and the tail of stderr. (ADR 0003: why not
 * @actions/exec — it has no deadline and echoes unredacted command lines.)
 *
 * One `Exec` is made per run around the run's `Deadline` and handed to every CLI class; it keeps the
 * list of what it started (`history`), which the job summary counts.
 *
 * What a child may cost us is bounded (ADR 0027): it gets only the environment it needs (`childEnv`);
 * it runs in a process group of its own, so the deadline stops it and everything it started, and
 * nothing it leaves holding our pipes keeps us waiting; what it prints is kept up to a limit (the
 * tail beyond it for streamed output, one clear error for output the caller must read whole).
 */
import { existsSync } from 'node:fs';
import { delimiter, resolve } from 'node:path';
import type { Deadline } from '../deadline.js';
import { ActionError } from '../errors.js';
import { debug, info, redact } from '../runner.js';
import { quoteArgv } from '../text.js';
import { childEnv, type EnvPass } from './env.js';

export interface ExecOptions {
  cwd?: string;
  /** set for the child (a value), or kept from it (`undefined`) whatever `pass` says */
  env?: Record<string, string | undefined>;
  /** what the child needs from our environment besides the base set (names or patterns; see env.ts) */
  pass?: EnvPass;
  /** written to stdin, then stdin is closed (secrets travel this way, never in argv) */
  input?: string | Buffer;
  /** kill the process group (SIGTERM, then SIGKILL after 5 s) when it runs longer; default and ceiling: what is left of the deadline */
  timeoutMs?: number;
  /** stream stdout/stderr lines to the log (default false: captured only) */
  stream?: boolean;
  /** return a non-zero exit instead of throwing */
  allowFailure?: boolean;
  /** the fix to print when the command fails */
  fix?: string;
  /** a deadline earlier than the run's (a step that must leave time for a rollback); default the run's */
  deadline?: Deadline;
  /** where the `$ command` line goes (default: the log, as the command starts) */
  announce?: (line: string) => void;
  /** called once the process has started (not when it could not start): work of the caller's that need not wait for it */
  started?: () => void;
}

export interface ExecResult {
  /** the exit code; 128 + the signal number when a signal ended it */
  code: number;
  /** the signal that ended it (`SIGKILL`, `SIGSEGV`), when one did */
  signal?: string;
  stdout: string;
  stderr: string;
  durationMs: number;
  timedOut: boolean;
  /** output beyond the capture limit was dropped (only the tail is kept) */
  truncated?: boolean;
}

/** One command this run started: its argv (redacted), how it ended and how long it took. */
export interface CommandRecord {
  argv: string[];
  code?: number;
  durationMs?: number;
}

/** Captured output of a command the caller reads whole (JSON): beyond this it fails in one line. */
export const CAPTURE_LIMIT_BYTES = 32 * 1024 * 1024;
/** Streamed output (build logs): only this much of the tail is kept for the error line; the rest went to the log. */
export const STREAM_TAIL_BYTES = 256 * 1024;
/** A streamed "line" without a new line is printed in pieces of this size (a 400 MB line must not block the loop). */
export const MAX_LINE_BYTES = 64 * 1024;
/** After the process exits, how long its pipes may stay open (a grandchild holding them) before we stop reading. */
export const PIPE_GRACE_MS = 2_000;
const KILL_AFTER_MS = 5_000;

const SIGNAL_NUMBER: Record<string, number> = {
  SIGHUP: 1,
  SIGINT: 2,
  SIGQUIT: 3,
  SIGILL: 4,
  SIGABRT: 6,
  SIGBUS: 7,
  SIGFPE: 8,
  SIGKILL: 9,
  SIGSEGV: 11,
  SIGPIPE: 13,
  SIGTERM: 15,
};

/** Bytes kept of one stream: everything up to `limit`, then only the last `tail` bytes. */
class Capture {
  private chunks: Buffer[] = [];
  private size = 0;
  dropped = 0;

  constructor(
    private readonly limit: number,
    private readonly tail: number,
  ) {}

  push(b: Buffer): void {
    this.chunks.push(b);
    this.size += b.length;
    if (this.size <= this.limit) return;
    // keep the tail only: join, cut, start again
    const all = Buffer.concat(this.chunks);
    const keep = all.subarray(all.length - this.tail);
    this.dropped += all.length - keep.length;
    this.chunks = [Buffer.from(keep)];
    this.size = keep.length;
  }

  text(): string {
    return Buffer.concat(this.chunks).toString('utf8');
  }
}

/** Lines of a stream to the log as they come, without ever holding more than MAX_LINE_BYTES of one line. */
function lineStreamer(): { push(b: Buffer): void; end(): void } {
  let partial = '';
  return {
    push(b: Buffer) {
      const lines = (partial + b.toString('utf8')).split('\n');
      partial = lines.pop() ?? '';
      for (const l of lines) info(l);
      while (partial.length > MAX_LINE_BYTES) {
        info(partial.slice(0, MAX_LINE_BYTES));
        partial = partial.slice(MAX_LINE_BYTES);
      }
    },
    end() {
      if (partial) info(partial);
      partial = '';
    },
  };
}

export class Exec {
  /** every command started, in order */
  readonly history: CommandRecord[] = [];
  /** process groups still running, stopped with us when the runner cancels the step */
  private readonly live = new Set<number>();

  constructor(readonly deadline: Deadline) {}

  /** Run `file` with `args` inside the run's deadline (or `options.deadline`, an earlier one). */
  async run(file: string, args: readonly string[], options: ExecOptions = {}): Promise<ExecResult> {
    // every command fits inside the run's deadline (ADR 0014): a caller's timeout is capped by it, none means all of it
    const clock = options.deadline ?? this.deadline;
    const { timeoutMs, capped } = clock.cap(options.timeoutMs, `\`${file}\` could start`);
    const opts: ExecOptions = { ...options, timeoutMs };
    const argv = [file, ...args];
    const shown = redact(quoteArgv(argv));
    const record: CommandRecord = { argv: argv.map(redact) };
    this.history.push(record);
    (opts.announce ?? info)(`$ ${shown}`);
    const env = childEnv(process.env, opts.pass, opts.env);
    // a program in none of PATH's folders fails to start whatever we do: said without forking this process (ADR 0050)
    if (notOnPath(file, env.PATH, opts.cwd ?? process.cwd())) throw notFound(file, { code: 'ENOENT' });
    // loaded on first use: a plan that runs no command never pays for child_process (ADR 0002)
    const { spawn } = await import('node:child_process');
    const started = Date.now();
    const result = await new Promise<ExecResult>((resolve, reject) => {
      let child: import('node:child_process').ChildProcessWithoutNullStreams;
      try {
        // a process group of its own: the deadline stops it and whatever it started (ADR 0027)
        child = spawn(file, args, { cwd: opts.cwd, env, shell: false, stdio: ['pipe', 'pipe', 'pipe'], detached: true });
      } catch (e) {
        reject(notFound(file, e));
        return;
      }
      const out = new Capture(opts.stream ? STREAM_TAIL_BYTES : CAPTURE_LIMIT_BYTES, STREAM_TAIL_BYTES);
      const err = new Capture(STREAM_TAIL_BYTES * 4, STREAM_TAIL_BYTES);
      const outLines = lineStreamer();
      const errLines = lineStreamer();
      let timedOut = false;
      let settled = false;
      const timers: NodeJS.Timeout[] = [];
      const group = child.pid;
      if (group !== undefined) {
        this.live.add(group);
        opts.started?.();
      }
      const killGroup = (signal: NodeJS.Signals) => {
        if (group === undefined) return;
        try {
          process.kill(-group, signal);
        } catch {
          /* already gone */
        }
      };
      if (opts.timeoutMs !== undefined) {
        timers.push(
          setTimeout(() => {
            timedOut = true;
            killGroup('SIGTERM');
            timers.push(setTimeout(() => killGroup('SIGKILL'), KILL_AFTER_MS));
          }, opts.timeoutMs),
        );
      }
      child.stdout.on('data', (b: Buffer) => {
        out.push(b);
        if (opts.stream) outLines.push(b);
      });
      child.stderr.on('data', (b: Buffer) => {
        err.push(b);
        if (opts.stream) errLines.push(b);
      });
      child.stdin.on('error', () => undefined); // a program that exits without reading stdin is not our failure
      child.stdin.end(opts.input ?? '');
      const finish = (code: number | null, signal: NodeJS.Signals | null) => {
        if (settled) return;
        settled = true;
        timers.forEach(clearTimeout);
        if (group !== undefined) this.live.delete(group);
        outLines.end();
        errLines.end();
        // a grandchild may still hold our pipes: we do not wait for it
        child.stdout.destroy();
        child.stderr.destroy();
        if (group !== undefined && (timedOut || signal)) killGroup('SIGKILL');
        resolve({
          code: code ?? (signal ? 128 + (SIGNAL_NUMBER[signal] ?? 0) : 1),
          ...(signal ? { signal } : {}),
          stdout: out.text(),
          stderr: err.text(),
          durationMs: Date.now() - started,
          timedOut,
          ...(out.dropped > 0 ? { truncated: true } : {}),
        });
      };
      child.on('error', (e) => {
        if (settled) return;
        settled = true;
        timers.forEach(clearTimeout);
        if (group !== undefined) this.live.delete(group);
        reject(notFound(file, e));
      });
      child.on('close', finish);
      // the process is gone but its pipes stay open: read what is there for a moment, then stop waiting
      child.on('exit', (code, signal) => {
        timers.push(setTimeout(() => finish(code, signal), PIPE_GRACE_MS));
      });
    });
    record.code = result.code;
    record.durationMs = result.durationMs;
    debug(`exit ${result.code}${result.signal ? ` (${result.signal})` : ''} after ${result.durationMs} ms: ${shown}`);
    if (result.timedOut && capped) {
      // stopped by the run's deadline: an error even with allowFailure (that is for exit codes), the run cannot go on
      throw clock.stopped(shown, result.durationMs);
    }
    if (result.timedOut && !opts.allowFailure) {
      throw new ActionError(`\`${shown}\` did not finish within ${Math.round((opts.timeoutMs ?? 0) / 1000)} s and was stopped`, {
        fix: opts.fix ?? 'raise the input timeout, or find out why it hangs from the log above',
      });
    }
    if (result.truncated && !opts.stream && !opts.allowFailure) {
      throw new ActionError(`\`${shown}\` printed more than ${CAPTURE_LIMIT_BYTES / 1024 / 1024} MiB, more than the action reads`, {
        fix: opts.fix ?? 'check what the command prints; a much smaller answer was expected',
      });
    }
    if (result.signal && !opts.allowFailure) {
      throw new ActionError(`\`${shown}\` was ended by ${result.signal}${tail(result.stderr || result.stdout)}`, {
        fix:
          result.signal === 'SIGKILL'
            ? 'something killed it (the runner out of memory?): see the log above and the runner’s resources'
            : `${file} crashed (${result.signal}): update it, or see its own log above`,
      });
    }
    if (result.code !== 0 && !opts.allowFailure) {
      throw new ActionError(`\`${shown}\` failed with exit code ${result.code}${tail(result.stderr || result.stdout)}`, {
        fix: opts.fix ?? 'see the command output above',
      });
    }
    return result;
  }

  /** Stop every command still running (the step is being cancelled), the same way the deadline does. */
  stopAll(signal: NodeJS.Signals = 'SIGTERM'): void {
    for (const group of this.live) {
      try {
        process.kill(-group, signal);
      } catch {
        /* already gone */
      }
    }
  }
}

function tail(text: string): string {
  const last = redact(text)
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(-1)[0];
  return last ? `: ${last.slice(0, 300)}` : '';
}

/**
 * Whether a bare program name is in none of the child's PATH folders (an empty entry is its working
 * directory, as for execvp): its start would fail with ENOENT, and a failed start still forks this
 * process (~2 ms of a cold start per attempt, issue 25). Only where that is certain: a name without a
 * slash, PATH set and not empty (libuv falls back to a default PATH otherwise), not Windows (PATHEXT).
 */
export function notOnPath(file: string, path: string | undefined, cwd: string): boolean {
  if (process.platform === 'win32' || file.includes('/') || !path) return false;
  return path.split(delimiter).every((dir) => !existsSync(resolve(cwd, dir, file)));
}

function notFound(file: string, e: unknown): ActionError {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') {
    return new ActionError(`\`${file}\` was not found on PATH`, {
      fix: `install ${file} on the runner, or let the action install it (see the <tool>-version inputs)`,
    });
  }
  return new ActionError(`could not start \`${file}\`: ${(e as Error).message}`, { cause: e });
}
