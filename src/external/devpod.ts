/**
 * The `devpod` CLI (loft-sh/devpod). Methods only assemble argv and run it through src/external/exec.ts;
 * JSON wherever devpod offers it. Flags and shapes from devpod's own source at v0.6.15:
 *   cmd/provider/list.go  `provider list --output json` → { [name]: { config, state, default } }
 *                         (workspace.ProviderWithOptions; state.options[KEY].value, pkg/config/config.go)
 *   cmd/provider/add.go   `provider add <name> [-o KEY=VALUE]…` (configures and uses it by default)
 *   cmd/provider/set_options.go `provider set-options <name> -o KEY=VALUE…` (fails without an option)
 *   cmd/list.go           `list --output json` → Workspace[] (pkg/provider/workspace.go: id, provider.name,
 *                         source.localFolder, devContainerImage, devContainerPath, …); `--skip-pro` reads
 *                         DEVPOD_HOME only (pkg/workspace/list.go: without it devpod asks every pro instance
 *                         and deletes local records of pro workspaces it no longer finds): the plan's read
 *   cmd/status.go         `status <id> --output json` → { id, context, provider, state } with state
 *                         Running | Busy | Stopped | NotFound (pkg/client/client.go)
 *   cmd/up.go             `up <source> --id --ide --provider --devcontainer-path --devcontainer-image
 *                         --recreate --workspace-env-file`
 *   cmd/delete.go         `delete <id> --force`
 * Every failure is devpod's own `fatal` line on stderr (`HH:MM:SS fatal <message>`, coloured even when
 * not on a terminal; vendor/github.com/loft-sh/log stream_logger.go) and exit code 1: the error names
 * that message without the time and colour codes.
 */
import type { Deadline } from '../deadline.js';
import { ActionError } from '../errors.js';
import type { Exec, ExecOptions, ExecResult } from './exec.js';
import { commandFailed, plainLines } from './failure.js';
import { CLOUD_ENV, type EnvPass } from './env.js';

export interface UpSpec {
  /** a local folder (the working directory), `.` when cwd is it */
  source: string;
  id: string;
  /** devpod's provider name (`docker`, `kubernetes`, `gcloud`, …) */
  provider: string;
  /** relative to source */
  devcontainerPath: string;
  /** recorded by devpod as the workspace's `devContainerImage` (what the skip check reads back) */
  image?: string;
  recreate: boolean;
  /** `--workspace-env-file`: a 0600 file of KEY=value lines, never the values in argv */
  envFile?: string;
  /**
   * the hidden global `--uid` (cmd/flags/flags.go): used only when devpod creates the workspace record
   * (pkg/workspace/workspace.go); 16 characters, so it names the container label / PVC as it is
   */
  uid?: string;
}

export interface ProviderState {
  name: string;
  /** KEY → value as devpod holds it (state.options) */
  options: Record<string, string>;
  initialized: boolean;
}

export interface WorkspaceInfo {
  id: string;
  provider: string;
  image: string;
  devcontainerPath: string;
  localFolder: string;
}

export type WorkspaceState = 'Running' | 'Busy' | 'Stopped' | 'NotFound' | string;

export const devpodArgv = {
  providerList: (): string[] => ['provider', 'list', '--output', 'json'],
  providerAdd: (name: string, options: Record<string, string>): string[] => ['provider', 'add', name, ...optionFlags(options)],
  providerSetOptions: (name: string, options: Record<string, string>): string[] => [
    'provider',
    'set-options',
    name,
    ...optionFlags(options),
  ],
  list: (skipPro = false): string[] => ['list', ...(skipPro ? ['--skip-pro'] : []), '--output', 'json'],
  status: (id: string): string[] => ['status', id, '--output', 'json'],
  up(s: UpSpec): string[] {
    const a = ['up', s.source, '--id', s.id, '--ide', 'none', '--provider', s.provider, '--devcontainer-path', s.devcontainerPath];
    if (s.image) a.push('--devcontainer-image', s.image);
    if (s.recreate) a.push('--recreate');
    if (s.envFile) a.push('--workspace-env-file', s.envFile);
    if (s.uid) a.push('--uid', s.uid);
    return a;
  },
  delete: (id: string): string[] => ['delete', id, '--force'],
  /**
   * One shell line inside the workspace. devpod's ssh server runs `--command` as `<the user's shell> -c
   * <command>` (pkg/ssh/server/ssh.go), so the line is handed to `/bin/sh -c` as ONE single-quoted word:
   * whatever the user's shell, /bin/sh sees exactly the line. No agent forwarding, no credential or
   * port-forwarding services for a check.
   */
  ssh: (id: string, line: string): string[] => [
    'ssh',
    id,
    '--agent-forwarding=false',
    '--start-services=false',
    '--command',
    `/bin/sh -c ${singleQuoted(line)}`,
  ],
};

/** POSIX single quotes: `it's` → `'it'\''s'` (single quotes hold everything but the quote itself) */
export function singleQuoted(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

function optionFlags(options: Record<string, string>): string[] {
  return Object.entries(options).flatMap(([k, v]) => ['-o', `${k}=${v}`]);
}

/** the level tag devpod's text log puts after the time (debug/info/warn/error/fatal/done) */
const LOG_PREFIX = /^\d\d:\d\d:\d\d (debug|info|warn|error|fatal|done) /;

/** devpod's own message: its last `fatal` line (else `error` line, else last line), time, tag and colours removed. */
export function devpodMessage(stderr: string, stdout = ''): string {
  const lines = plainLines(stderr, stdout);
  const tagged = (level: string) => lines.filter((l) => LOG_PREFIX.exec(l)?.[1] === level).at(-1);
  return (tagged('fatal') ?? tagged('error') ?? lines.at(-1) ?? '').replace(LOG_PREFIX, '');
}

function parseJson<T>(r: ExecResult, what: string): T {
  try {
    return JSON.parse(r.stdout || 'null') as T;
  } catch {
    throw new ActionError(`devpod ${what} did not print JSON`, { fix: 'use devpod 0.6 or later (devpod-version)' });
  }
}

/**
 * What devpod and the providers it drives read: its own settings (but not `DEVPOD_FLAGS_*`, which would
 * silently add flags to our commands), Docker and kubeconfig settings, cloud credentials.
 */
const DEVPOD_ENV: EnvPass = [/^DEVPOD_(?!FLAGS_)/, /^DOCKER_/, 'KUBECONFIG', ...CLOUD_ENV];
/** No usage reports from a CI runner. */
const DEVPOD_SET = { DEVPOD_DISABLE_TELEMETRY: 'true' };

export class DevPod {
  constructor(
    private readonly exec: Exec,
    private readonly cwd?: string,
  ) {}

  /** Run devpod; a failure is one error naming the command and devpod's own message (unless `allowFailure`). */
  private async execute(args: string[], opts: ExecOptions = {}): Promise<ExecResult> {
    const r = await this.exec.run('devpod', args, {
      cwd: this.cwd,
      pass: DEVPOD_ENV,
      ...opts,
      env: { ...DEVPOD_SET, ...opts.env },
      allowFailure: true,
    });
    if (opts.allowFailure || (r.code === 0 && !r.timedOut)) return r;
    throw commandFailed(['devpod', ...args], r, devpodMessage(r.stderr, r.stdout), {
      timeoutMs: opts.timeoutMs,
      fix: opts.fix ?? 'see the devpod output above',
    });
  }

  async providers(): Promise<Map<string, ProviderState>> {
    const r = await this.execute(devpodArgv.providerList(), { timeoutMs: 60_000 });
    const j = parseJson<
      Record<string, { config?: { name?: string }; state?: { initialized?: boolean; options?: Record<string, { value?: string }> } }>
    >(r, 'provider list');
    const out = new Map<string, ProviderState>();
    for (const [key, p] of Object.entries(j ?? {})) {
      const options: Record<string, string> = {};
      for (const [k, v] of Object.entries(p.state?.options ?? {})) options[k] = v.value ?? '';
      const name = p.config?.name ?? key;
      out.set(name, { name, options, initialized: p.state?.initialized === true });
    }
    return out;
  }

  async providerAdd(name: string, options: Record<string, string>, timeoutMs: number): Promise<void> {
    await this.execute(devpodArgv.providerAdd(name, options), {
      timeoutMs,
      stream: true,
      fix: `check providers.devpod for ${name} (devpod provider add ${name} must succeed on the runner)`,
    });
  }

  async providerSetOptions(name: string, options: Record<string, string>, timeoutMs: number): Promise<void> {
    await this.execute(devpodArgv.providerSetOptions(name, options), {
      timeoutMs,
      stream: true,
      fix: `check the options under providers.devpod in sindri.yaml`,
    });
  }

  /** `localOnly`: the plan's read-only look (`--skip-pro`: DEVPOD_HOME only, no pro instance asked, nothing deleted) */
  async workspaces(opts: { localOnly?: boolean; timeoutMs?: number } = {}): Promise<WorkspaceInfo[]> {
    const r = await this.execute(devpodArgv.list(opts.localOnly), { timeoutMs: opts.timeoutMs ?? 60_000 });
    const j = parseJson<
      | {
          id?: string;
          provider?: { name?: string };
          devContainerImage?: string;
          devContainerPath?: string;
          source?: { localFolder?: string };
        }[]
      | null
    >(r, 'list');
    return (j ?? []).map((w) => ({
      id: w.id ?? '',
      provider: w.provider?.name ?? '',
      image: w.devContainerImage ?? '',
      devcontainerPath: w.devContainerPath ?? '',
      localFolder: w.source?.localFolder ?? '',
    }));
  }

  async status(id: string, timeoutMs = 60_000): Promise<WorkspaceState> {
    const r = await this.execute(devpodArgv.status(id), { timeoutMs, allowFailure: true });
    if (r.code !== 0) return 'NotFound';
    return parseJson<{ state?: string }>(r, 'status')?.state ?? 'NotFound';
  }

  /** `deadline`: an earlier one than the run's, so that a failed start leaves time to clean up */
  /** `env`: e.g. a throw-away DOCKER_CONFIG holding the image's registry login (where the provider pulls with the runner's) */
  async up(spec: UpSpec, timeoutMs: number, deadline?: Deadline, env?: Record<string, string>): Promise<void> {
    await this.execute(devpodArgv.up(spec), {
      timeoutMs,
      deadline,
      env,
      stream: true,
      fix: 'read the devpod output above; raise the input timeout if it only needs longer',
    });
  }

  /**
   * `devpod ssh --command`: never throws for a non-zero exit. devpod 0.6.15 reports any non-zero status
   * of the command as its own exit 1 and a `fatal … Process exited with status N` line.
   */
  async runInside(id: string, line: string, timeoutMs: number): Promise<ExecResult> {
    return await this.execute(devpodArgv.ssh(id, line), { timeoutMs, allowFailure: true });
  }

  async delete(id: string, timeoutMs: number): Promise<void> {
    await this.execute(devpodArgv.delete(id), { timeoutMs, stream: true, fix: `delete it by hand: devpod delete ${id} --force` });
  }
}
