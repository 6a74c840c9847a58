/**
 * The one way this action runs a program: an argv array (never a shell), an optional stdin, the
 * run's deadline, output captured and streamed through redaction, and failures turned into one
 * ActionError carrying the redacted command line and the tail of stderr. (ADR 0003: why not
 * @actions/exec — it has no deadline and echoes unredacted command lines.)
 *
 * One `Exec` is made per run around the run's `Deadline` and handed to every CLI class; it keeps the
 * list of what it started (`history`), which the job summary counts.
 */
import type { Deadline } from '../deadline.js';
import { ActionError } from '../errors.js';
import { debug, info, redact } from '../runner.js';
import { quoteArgv } from '../text.js';

export interface ExecOptions {
  cwd?: string;
  /** added to (or, with `undefined`, removed from) the inherited environment */
  env?: Record<string, string | undefined>;
  /** written to stdin, then stdin is closed (secrets travel this way, never in argv) */
  input?: string | Buffer;
  /** kill the process (SIGTERM, then SIGKILL after 5 s) when it runs longer; default and ceiling: what is left of the run's deadline */
  timeoutMs?: number;
  /** stream stdout/stderr lines to the log (default false: captured only) */
  stream?: boolean;
  /** return a non-zero exit instead of throwing */
  allowFailure?: boolean;
  /** the fix to print when the command fails */
  fix?: string;
  /** a deadline earlier than the run's (a step that must leave time for a rollback); default the run's */
  deadline?: Deadline;
}

export interface ExecResult {
  code: number;
  stdout: string;
  stderr: string;
  durationMs: number;
  timedOut: boolean;
}

/** One command this run started: its argv (redacted), how it ended and how long it took. */
export interface CommandRecord {
  argv: string[];
  code?: number;
  durationMs?: number;
}

export class Exec {
  /** every command started, in order */
  readonly history: CommandRecord[] = [];

  constructor(readonly deadline: Deadline) {}

  /** Run `file` with `args` inside the run's deadline (or `options.deadline`, an earlier one). */
  async run(file: string, args: readonly string[], options: ExecOptions = {}): Promise<ExecResult> {
    // every command fits inside the run's deadline (ADR 0014): a caller's timeout is capped by it, none means all of it
    const clock = options.deadline ?? this.deadline;
    const left = clock.remaining();
    const capped = options.timeoutMs === undefined || options.timeoutMs >= left;
    const opts: ExecOptions = capped ? { ...options, timeoutMs: clock.budget(`\`${file}\` could start`) } : options;
    const argv = [file, ...args];
    const shown = redact(quoteArgv(argv));
    const record: CommandRecord = { argv: argv.map(redact) };
    this.history.push(record);
    info(`$ ${shown}`);
    const env: NodeJS.ProcessEnv = { ...process.env };
    for (const [k, v] of Object.entries(opts.env ?? {})) {
      if (v === undefined) delete env[k];
      else env[k] = v;
    }
    // loaded on first use (ADR 0018: harmless, though @actions/core already loads child_process at start)
    const { spawn } = await import('node:child_process');
    const started = Date.now();
    return await new Promise<ExecResult>((resolve, reject) => {
      let child;
      try {
        child = spawn(file, args, { cwd: opts.cwd, env, shell: false, stdio: ['pipe', 'pipe', 'pipe'] });
      } catch (e) {
        reject(notFound(file, e));
        return;
      }
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      let timedOut = false;
      let killTimer: NodeJS.Timeout | undefined;
      const deadline =
        opts.timeoutMs === undefined
          ? undefined
          : setTimeout(() => {
              timedOut = true;
              child.kill('SIGTERM');
              killTimer = setTimeout(() => child.kill('SIGKILL'), 5000);
            }, opts.timeoutMs);
      const streamer = (chunks: Buffer[]) => {
        let partial = '';
        return (b: Buffer) => {
          chunks.push(b);
          if (!opts.stream) return;
          const text = partial + b.toString('utf8');
          const lines = text.split('\n');
          partial = lines.pop() ?? '';
          for (const l of lines) info(l);
        };
      };
      child.stdout.on('data', streamer(out));
      child.stderr.on('data', streamer(err));
      child.stdin.on('error', () => undefined); // a program that exits without reading stdin is not our failure
      child.stdin.end(opts.input ?? '');
      child.on('error', (e) => {
        if (deadline) clearTimeout(deadline);
        reject(notFound(file, e));
      });
      child.on('close', (code, signal) => {
        if (deadline) clearTimeout(deadline);
        if (killTimer) clearTimeout(killTimer);
        const result: ExecResult = {
          code: code ?? (signal ? 128 : 1),
          stdout: Buffer.concat(out).toString('utf8'),
          stderr: Buffer.concat(err).toString('utf8'),
          durationMs: Date.now() - started,
          timedOut,
        };
        record.code = result.code;
        record.durationMs = result.durationMs;
        debug(`exit ${result.code} after ${result.durationMs} ms: ${shown}`);
        if (timedOut && capped) {
          // stopped by the run's deadline: an error even with allowFailure (that is for exit codes), the run cannot go on
          reject(clock.exceeded(`\`${shown}\` finished (stopped after ${Math.round(result.durationMs / 100) / 10} s)`));
        } else if (timedOut && !opts.allowFailure) {
          reject(
            new ActionError(`\`${shown}\` did not finish within ${Math.round((opts.timeoutMs ?? 0) / 1000)} s and was stopped`, {
              fix: opts.fix ?? 'raise the input timeout, or find out why it hangs from the log above',
            }),
          );
        } else if (result.code !== 0 && !opts.allowFailure) {
          reject(
            new ActionError(`\`${shown}\` failed with exit code ${result.code}${tail(result.stderr || result.stdout)}`, {
              fix: opts.fix ?? 'see the command output above',
            }),
          );
        } else resolve(result);
      });
    });
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

function notFound(file: string, e: unknown): ActionError {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') {
    return new ActionError(`\`${file}\` was not found on PATH`, {
      fix: `install ${file} on the runner, or let the action install it (see the <tool>-version inputs)`,
    });
  }
  return new ActionError(`could not start \`${file}\`: ${(e as Error).message}`, { cause: e });
}
