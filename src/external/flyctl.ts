/**
 * The `flyctl` CLI (superfly/flyctl; flags, messages and shapes checked against v0.4.87). Methods only
 * assemble argv (exported as `flyctlArgv`, so the plan prints exactly what deploy runs) and call one
 * private `execute` over src/external/exec.ts. `--app`, `--json` and `--yes` are not global flags in
 * flyctl: each call passes only those its command defines, and a bool is written `--flag=value` (a bool
 * never takes the next word). Every call that flyctl can answer in JSON asks for it (`--json`); the
 * shapes read here are flyctl's:
 * `status --json` (internal/command/status/machines.go renderMachineJSONStatus, machines as fly-go
 * machine_types.go), `volumes list --json` (fly-go volume_types.go), `secrets list --json`
 * (internal/command/secrets/list.go SecretWithStatus), `ips list --json` (fly-go types.go
 * IPAddress), `image show --json` (internal/command/image/show.go), `apps list --json` (fly-go types.go
 * App, Go field names), `machine list --json` (fly-go machine_types.go). `deploy`, `secrets import`,
 * `apps destroy` and `ips allocate-v4` have no JSON output in flyctl.
 * Failures become one ActionError carrying flyctl's own `Error: …` line (internal/cli/cli.go
 * printError) and a fix for the usual causes.
 */
import { ActionError } from '../errors.js';
import { quoteArgv } from '../text.js';
import type { Exec, ExecResult } from './exec.js';
import type { EnvPass } from './env.js';

export interface DeploySpec {
  app: string;
  /** relative to cwd */
  config: string;
  /** prebuilt: `repo@sha256:…` (no build, no builder) */
  image?: string;
  /** remote build: the Dockerfile relative to cwd (Fly's build context) */
  dockerfile?: string;
  buildArgs?: Record<string, string>;
  noCache?: boolean;
  /** the tag of the built image in registry.fly.io/<app> */
  imageLabel?: string;
  waitTimeoutSeconds: number;
  highAvailability: boolean;
  /** `--strategy`: rolling, immediate, canary or bluegreen (flyctl's own names) */
  strategy: string;
  /** non-secret machine environment (`--env K=V`): the fly.toml hash and secret fingerprints */
  env: Record<string, string>;
}

/** Pure argv builders (without the leading `flyctl`). */
export const flyctlArgv = {
  status: (app: string): string[] => ['status', '--app', app, '--json'],
  appsCreate: (app: string, org: string): string[] => ['apps', 'create', app, '--org', org, '--json'],
  appsDestroy: (app: string): string[] => ['apps', 'destroy', app, '--yes'],
  volumesList: (app: string): string[] => ['volumes', 'list', '--app', app, '--json'],
  volumesCreate: (app: string, name: string, sizeGb: number, region: string): string[] => [
    'volumes',
    'create',
    name,
    '--app',
    app,
    '--size',
    String(sizeGb),
    '--region',
    region,
    '--yes',
    '--json',
  ],
  secretsList: (app: string): string[] => ['secrets', 'list', '--app', app, '--json'],
  /** NAME=value lines come on stdin, never in argv */
  secretsImport: (app: string): string[] => ['secrets', 'import', '--app', app, '--stage'],
  ipsList: (app: string): string[] => ['ips', 'list', '--app', app, '--json'],
  /** a dedicated (billable) IPv4; `--yes` answers its confirmation */
  ipsAllocateV4: (app: string): string[] => ['ips', 'allocate-v4', '--app', app, '--yes'],
  /** a public IPv6: no prompt, and no `--yes` (the command does not define it) */
  ipsAllocateV6: (app: string): string[] => ['ips', 'allocate-v6', '--app', app],
  imageShow: (app: string): string[] => ['image', 'show', '--app', app, '--json'],
  /** the apps of one organization (internal/command/apps/list.go: `--org`, else every organization the token sees) */
  appsList: (org: string): string[] => ['apps', 'list', '--org', org, '--json'],
  /** an app's machines with their config and metadata (internal/command/machine/list.go, the Machines API's list) */
  machineList: (app: string): string[] => ['machine', 'list', '--app', app, '--json'],
  /**
   * `command` (one shell line) inside a started machine. flyctl sends `--command` as ONE SSH exec
   * request (ssh/io.go `sess.Run`); Fly's SSH server splits it into words as a shell would and runs
   * them without a shell. So the line goes to the image's own `/bin/sh -c`, quoted as one word.
   */
  /** `agent` commands have no `--app`: the agent is found through FLY_CONFIG_DIR */
  agentStop: (): string[] => ['agent', 'stop'],
  sshCommand: (app: string, command: string): string[] => [
    'ssh',
    'console',
    '--app',
    app,
    '--quiet',
    '--command',
    quoteArgv(['/bin/sh', '-c', command]),
  ],
  deploy(s: DeploySpec): string[] {
    const args = ['deploy', '--config', s.config, '--app', s.app];
    if (s.image) args.push('--image', s.image);
    if (s.dockerfile) args.push('--dockerfile', s.dockerfile);
    // remote only: a prebuilt image is resolved by Fly's API, never pushed from a local engine; a build uses Fly's builder
    args.push('--remote-only');
    for (const [k, v] of Object.entries(s.buildArgs ?? {})) args.push('--build-arg', `${k}=${v}`);
    if (s.noCache) args.push('--no-cache');
    if (s.imageLabel) args.push('--image-label', s.imageLabel);
    args.push('--strategy', s.strategy, `--ha=${s.highAvailability}`, '--wait-timeout', `${s.waitTimeoutSeconds}s`, '--yes');
    for (const [k, v] of Object.entries(s.env)) args.push('--env', `${k}=${v}`);
    return args;
  },
};

/** A machine as `flyctl status --json` shows it (fly-go machine_types.go, the fields read here). */
export interface FlyMachine {
  id: string;
  state: string;
  region?: string;
  image_ref?: { registry?: string; repository?: string; tag?: string; digest?: string };
  config?: { image?: string; env?: Record<string, string>; metadata?: Record<string, string> };
}

export interface FlyStatus {
  Name: string;
  Deployed: boolean;
  Status: string;
  Hostname: string;
  Version: number;
  Organization?: { Slug?: string };
  Machines: FlyMachine[] | null;
}

/** An app as `flyctl apps list --json` shows it (fly-go types.go `App`, Go field names; the fields read here). */
export interface FlyApp {
  Name: string;
  Status?: string;
  Deployed?: boolean;
  Organization?: { Slug?: string };
}

export interface FlyVolume {
  id: string;
  name: string;
  state: string;
  size_gb: number;
  region: string;
}

export interface FlySecret {
  name: string;
  digest: string;
  status?: string;
}

export interface FlyIp {
  Address: string;
  Type: string;
}

export interface FlyImage {
  MachineID: string;
  Registry: string;
  Repository: string;
  Tag: string;
  Digest: string;
}

/** flyctl's own message: its `Error: …` line (ANSI colours removed), else the last line it wrote. */
export function flyctlMessage(stderr: string, stdout = ''): string {
  const lines = `${stderr}\n${stdout}`
    .replace(/\x1b\[[0-9;]*[A-Za-z]/g, '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const err = lines.find((l) => /^Error:?\s/.test(l));
  return (err ? err.replace(/^Error:?\s*/, '') : (lines.at(-1) ?? '')).slice(0, 400);
}

/** The fix for flyctl's usual failures (its messages: prompt.Org, prompt.Region, fly-go api.go, flaps). */
export function flyctlFix(message: string, fallback: string): string {
  if (/organization .* not found|org slug must be specified/i.test(message))
    return 'set providers.fly.organization to an organization slug your token can use (flyctl orgs list)';
  if (/region .* not found|requires an organization with a Launch plan|invalid region/i.test(message))
    return 'set providers.fly.region to a Fly.io region code (flyctl platform regions)';
  if (/unauthori[sz]ed|not authorized|must be authenticated|no access token|access token|401/i.test(message))
    return 'FLY_API_TOKEN is missing, invalid, expired or lacks access to this app: create one with flyctl tokens create deploy (or org) and pass it as a secret';
  if (/already been taken|already exists/i.test(message))
    return 'the app name is taken on Fly.io by another organization: set providers.fly.name, or a name-suffix';
  return fallback;
}
/**
 * A failed flyctl call in one line: its own message and a fix, or, when it printed nothing (flyctl
 * exits 127 silently when interrupted), that it printed nothing, never "read its output above".
 */
export function flyctlFailure(what: string, code: number, message: string, fix: string): ActionError {
  if (message) return new ActionError(`flyctl ${what} failed: ${message}`, { fix: flyctlFix(message, fix) });
  return new ActionError(`flyctl ${what} failed with exit code ${code} and printed nothing`, {
    fix:
      code === 127
        ? 'flyctl exits 127 without a word when it is interrupted (a signal, a cancelled context): run the step again'
        : `run the step again; if it fails the same way, run the same flyctl ${what} by hand with --debug to see why`,
  });
}

/** What flyctl reads: its own settings and token (FLY_API_TOKEN / FLY_ACCESS_TOKEN), Docker settings for a local image. */
const FLY_ENV: EnvPass = [/^FLY_/, /^FLYCTL_/, /^DOCKER_/];

export class Flyctl {
  constructor(
    private readonly exec: Exec,
    private readonly cwd: string,
    private readonly env: Record<string, string | undefined> = {},
  ) {}

  private async execute(
    args: string[],
    opts: { timeoutMs: number; input?: string; stream?: boolean; cwd?: string; fix?: string; allowFailure?: boolean },
  ): Promise<ExecResult> {
    const r = await this.exec.run('flyctl', args, {
      cwd: opts.cwd ?? this.cwd,
      pass: FLY_ENV,
      // no colours and no update prompt: plain text to parse, nothing interactive; no `::error` lines of its own
      // (FLY_GHA_ERROR_ANNOTATION) and no JSON where we expect text (FLY_JSON)
      env: { NO_COLOR: '1', FLY_NO_UPDATE_CHECK: '1', FLY_GHA_ERROR_ANNOTATION: undefined, FLY_JSON: undefined, ...this.env },
      input: opts.input,
      timeoutMs: opts.timeoutMs,
      stream: opts.stream,
      allowFailure: true,
    });
    if (r.code === 0 || opts.allowFailure) return r;
    const message = r.timedOut ? `did not finish within ${Math.round(opts.timeoutMs / 1000)} s` : flyctlMessage(r.stderr, r.stdout);
    throw flyctlFailure(args.slice(0, 2).join(' '), r.code, message, opts.fix ?? "read flyctl's output above");
  }

  private static json<T>(r: ExecResult, what: string): T {
    try {
      return JSON.parse(r.stdout) as T;
    } catch {
      throw new ActionError(`flyctl ${what} did not print JSON`, { fix: 'use a flyctl release from 2025 or later (flyctl-version)' });
    }
  }

  /** undefined when the app does not exist (GraphQL "Could not find App", as flyctl's deploy.go tests for). */
  async status(app: string, timeoutMs: number): Promise<FlyStatus | undefined> {
    const r = await this.execute(flyctlArgv.status(app), { timeoutMs, allowFailure: true });
    if (r.code !== 0) {
      const message = flyctlMessage(r.stderr, r.stdout);
      if (/Could not find App/i.test(message)) return undefined;
      throw flyctlFailure('status', r.code, message, "read flyctl's output above");
    }
    return Flyctl.json<FlyStatus>(r, 'status');
  }

  async appsCreate(app: string, org: string, timeoutMs: number): Promise<void> {
    await this.execute(flyctlArgv.appsCreate(app, org), { timeoutMs });
  }

  /** false when there was no such app (destroy is idempotent) */
  async appsDestroy(app: string, timeoutMs: number): Promise<boolean> {
    const r = await this.execute(flyctlArgv.appsDestroy(app), { timeoutMs, allowFailure: true });
    if (r.code === 0) return true;
    const message = flyctlMessage(r.stderr, r.stdout);
    if (/Could not find App/i.test(message)) return false;
    throw flyctlFailure('apps destroy', r.code, message, `destroy it by hand: flyctl apps destroy ${app} --yes`);
  }

  async volumesList(app: string, timeoutMs: number): Promise<FlyVolume[]> {
    return Flyctl.json<FlyVolume[] | null>(await this.execute(flyctlArgv.volumesList(app), { timeoutMs }), 'volumes list') ?? [];
  }

  async volumesCreate(app: string, name: string, sizeGb: number, region: string, timeoutMs: number): Promise<void> {
    await this.execute(flyctlArgv.volumesCreate(app, name, sizeGb, region), { timeoutMs });
  }

  async secretsList(app: string, timeoutMs: number): Promise<FlySecret[]> {
    return Flyctl.json<FlySecret[] | null>(await this.execute(flyctlArgv.secretsList(app), { timeoutMs }), 'secrets list') ?? [];
  }

  /** `lines` is the NAME=value text (see encodeSecretsImport): stdin only */
  async secretsImport(app: string, lines: string, timeoutMs: number): Promise<void> {
    await this.execute(flyctlArgv.secretsImport(app), { timeoutMs, input: lines });
  }

  async ipsList(app: string, timeoutMs: number): Promise<FlyIp[]> {
    return Flyctl.json<FlyIp[] | null>(await this.execute(flyctlArgv.ipsList(app), { timeoutMs }), 'ips list') ?? [];
  }

  async ipsAllocateV4(app: string, timeoutMs: number): Promise<void> {
    await this.execute(flyctlArgv.ipsAllocateV4(app), { timeoutMs });
  }

  async ipsAllocateV6(app: string, timeoutMs: number): Promise<void> {
    await this.execute(flyctlArgv.ipsAllocateV6(app), { timeoutMs });
  }

  async imageShow(app: string, timeoutMs: number): Promise<FlyImage[]> {
    return Flyctl.json<FlyImage[] | null>(await this.execute(flyctlArgv.imageShow(app), { timeoutMs }), 'image show') ?? [];
  }

  /** every app of the organization `org`; flyctl prints `[]` when it has none */
  async appsList(org: string, timeoutMs: number): Promise<FlyApp[]> {
    const fix = `check providers.fly.organization (flyctl orgs list names the organizations the token can use)`;
    return Flyctl.json<FlyApp[] | null>(await this.execute(flyctlArgv.appsList(org), { timeoutMs, fix }), 'apps list') ?? [];
  }

  /** the app's machines, with their metadata (fly-go machine_types.go); undefined when the Machines API knows no such app (destroyed meanwhile) */
  async machineList(app: string, timeoutMs: number): Promise<FlyMachine[] | undefined> {
    const r = await this.execute(flyctlArgv.machineList(app), { timeoutMs, allowFailure: true });
    if (r.code !== 0) {
      const message = r.timedOut ? `did not finish within ${Math.round(timeoutMs / 1000)} s` : flyctlMessage(r.stderr, r.stdout);
      if (/^failed to list VMs: app not found$/.test(message)) return undefined;
      throw flyctlFailure('machine list', r.code, message, "read flyctl's output above");
    }
    return Flyctl.json<FlyMachine[] | null>(r, 'machine list') ?? [];
  }

  /**
   * The health command inside the app; never throws for a non-zero exit. flyctl itself exits 1 for any
   * remote status (`Error: ssh shell: Process exited with status N`): the code returned is N.
   */
  async sshCommand(app: string, command: string, timeoutMs: number): Promise<ExecResult> {
    const r = await this.execute(flyctlArgv.sshCommand(app, command), { timeoutMs, input: '', allowFailure: true });
    const status = /^Error: ssh shell: Process exited with status (\d+)\s*$/m.exec(r.stderr);
    if (!status) return r;
    return { ...r, code: Number(status[1]), stderr: r.stderr.replace(status[0], '').trimEnd() };
  }

  /** Stop the agent `ssh console` started for this config folder (it keeps the token in its environment); false when none ran. */
  async agentStop(timeoutMs: number): Promise<boolean> {
    return (await this.execute(flyctlArgv.agentStop(), { timeoutMs, allowFailure: true })).code === 0;
  }

  /** streamed; the result is returned (not thrown) so the provider can say what the failure left running */
  async deploy(spec: DeploySpec, opts: { cwd: string; timeoutMs: number }): Promise<ExecResult & { message: string }> {
    const r = await this.execute(flyctlArgv.deploy(spec), { cwd: opts.cwd, timeoutMs: opts.timeoutMs, stream: true, allowFailure: true });
    return { ...r, message: r.code === 0 ? '' : flyctlMessage(r.stderr, r.stdout) };
  }
}
