/**
 * The `e2b` CLI (@e2b/cli 2.x). Every operation is a method that assembles argv and calls one
 * private `execute` over src/external/exec.ts; the argv builders are exported as `e2bArgv` so the plan
 * prints exactly what deploy runs. The API key travels in the environment (`E2B_API_KEY`, which
 * the CLI reads), never in argv.
 */
import { ActionError } from '../errors.js';
import { redact } from '../runner.js';
import { quoteArgv } from '../text.js';
import type { Exec, ExecOptions, ExecResult } from './exec.js';
import type { EnvPass } from './env.js';

export interface TemplateCreateSpec {
  alias: string;
  /** `-p`: the root the CLI reads the Dockerfile and COPY sources from (relative to cwd) */
  root: string;
  /** `-d`: the Dockerfile, relative to root */
  dockerfile: string;
  cpuCount: number;
  memoryMb: number;
  /** `--cmd` and `--ready-cmd` (the CLI wants both when a start command is given) */
  startCmd?: string;
  readyCmd?: string;
  noCache: boolean;
}

/** One template of `GET /templates` (what `e2b template list -f json` prints; spec/openapi.yml `Template`). */
export interface E2bTemplate {
  templateID: string;
  buildID: string;
  /** deprecated by the API: bare aliases */
  aliases?: string[];
  /** `<team-slug>/<alias>` for templates created through the v3 API, bare for older ones */
  names?: string[];
  buildStatus?: string;
  cpuCount?: number;
  memoryMB?: number;
}

/** One sandbox as `e2b sandbox list -f json` prints it (the SDK's `SandboxInfo`), read from `GET /v2/sandboxes`. */
export interface E2bSandbox {
  sandboxId: string;
  templateId: string;
  metadata: Record<string, string>;
  state: string;
}

export const e2bArgv = {
  templateCreate(s: TemplateCreateSpec): string[] {
    const args = ['template', 'create', s.alias, '--path', s.root, '--dockerfile', s.dockerfile];
    if (s.startCmd) args.push('--cmd', s.startCmd, '--ready-cmd', s.readyCmd ?? 'sleep 20');
    else if (s.readyCmd) args.push('--ready-cmd', s.readyCmd);
    args.push('--cpu-count', String(s.cpuCount), '--memory-mb', String(s.memoryMb));
    if (s.noCache) args.push('--no-cache');
    return args;
  },
  templateDelete: (templateId: string): string[] => ['template', 'delete', templateId, '--yes'],
  sandboxKill: (ids: readonly string[]): string[] => ['sandbox', 'kill', ...ids],
};

/** The one line of a failed e2b command: the CLI prints `Error: …` or `E2BRequestError: …` before a stack. */
export function e2bFailureLine(stderr: string, stdout: string): string {
  const lines = redact(`${stderr}\n${stdout}`)
    .split('\n')
    .map((l) => l.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '').trim())
    .filter(Boolean);
  const named = lines.find((l) => /^(Error|E2BRequestError|[A-Za-z]*Error):\s/.test(l) && !/^Error:\s*$/.test(l));
  const line = named?.replace(/^Error:\s*/, '') ?? lines.find((l) => !/^at\s/.test(l) && !/^[❌─\s]+/.test(l)) ?? lines.pop() ?? '';
  return line.slice(0, 400);
}
/** What the E2B CLI (a Node program) reads: its own settings (the key itself is set, never inherited). */
const E2B_ENV: EnvPass = [/^E2B_(?!API_KEY$|ACCESS_TOKEN$)/, 'NODE_OPTIONS'];

export class E2b {
  constructor(
    private readonly exec: Exec,
    private readonly cwd: string,
    private readonly apiKey: string,
  ) {}

  private async execute(args: string[], opts: ExecOptions & { what: string }): Promise<ExecResult> {
    let r: ExecResult;
    try {
      r = await this.exec.run('e2b', args, {
        cwd: this.cwd,
        pass: E2B_ENV,
        ...opts,
        // NO_UPDATE_NOTIFIER: the CLI would otherwise ask the npm registry for a newer version
        env: { ...opts.env, E2B_API_KEY: this.apiKey, NO_UPDATE_NOTIFIER: '1' },
        allowFailure: true,
      });
    } catch (e) {
      if (e instanceof ActionError && /was not found on PATH/.test(e.message))
        throw new ActionError(e.message, { fix: 'add a step that runs npm install -g @e2b/cli@2 before this one' });
      throw e;
    }
    if (r.timedOut)
      throw new ActionError(`\`${redact(quoteArgv(['e2b', ...args]))}\` did not finish in time and was stopped`, {
        fix: 'raise the input timeout, or find out from the log above why E2B is slow',
      });
    if (r.code !== 0)
      throw new ActionError(`${opts.what} failed: ${e2bFailureLine(r.stderr, r.stdout) || `exit code ${r.code}`}`, {
        fix: opts.fix ?? 'see the e2b output above; check E2B_API_KEY and the E2B status page',
      });
    return r;
  }

  async templateCreate(spec: TemplateCreateSpec, timeoutMs: number): Promise<void> {
    await this.execute(e2bArgv.templateCreate(spec), {
      what: `e2b template create ${spec.alias}`,
      timeoutMs,
      stream: true,
      fix: 'read the build log above; a base image E2B cannot pull needs to be public or in a registry E2B can reach',
    });
  }

  async templateDelete(templateId: string, timeoutMs: number): Promise<void> {
    await this.execute(e2bArgv.templateDelete(templateId), { what: `e2b template delete ${templateId}`, timeoutMs, stream: true });
  }

  async sandboxKill(ids: readonly string[], timeoutMs: number): Promise<void> {
    if (ids.length > 0) await this.execute(e2bArgv.sandboxKill(ids), { what: 'e2b sandbox kill', timeoutMs, stream: true });
  }
}
