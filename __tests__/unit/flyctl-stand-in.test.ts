/**
 * Positive controls for the flyctl CONTRACT stand-in (__tests__/support/fakes/flyctl.cjs, run as the
 * action runs it: an executable on PATH): a call flyctl v0.4.87 rejects is rejected with flyctl's own
 * text and exit code, JSON comes only with --json, the version line is the release's, and every call
 * our wrapper (src/external/flyctl.ts) builds is one the real tool accepts and answers as we read it.
 * Texts are pflag v1.0.10 / cobra v1.10.2 / flyctl v0.4.87's, read from their source.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Flyctl, flyctlArgv } from '../../src/external/flyctl.js';
import catalog from '../../src/tools/catalog.json' with { type: 'json' };
import { versionIn } from '../../src/tools/install.js';
import { installFakes, type Fakes } from '../support/fakes.js';
import { testExec } from '../support/exec.js';

const fakes: Fakes[] = [];
const dirs: string[] = [];
afterAll(() => {
  fakes.forEach((f) => f.remove());
  dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
});

/** a fresh stand-in with its own state; `orgs` as `flyctl orgs list` would show them */
function standIn(state: Record<string, unknown> = { orgs: ['acme'] }) {
  const f = installFakes(['flyctl']);
  fakes.push(f);
  f.setState('flyctl', state);
  const cwd = mkdtempSync(join(tmpdir(), 'flyctl-contract-'));
  dirs.push(cwd);
  /** flyctl with these args, a clean environment (PATH only) plus `env`; stdin `input` */
  const run = (args: string[], env: Record<string, string> = { FLY_API_TOKEN: 'fo1_test' }, input = '') => {
    const r = spawnSync(join(f.binDir, 'flyctl'), args, {
      cwd,
      input,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', FAKE_STATE_DIR: f.stateDir, ...env },
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  return { f, cwd, run };
}

const TOML = (app: string) =>
  `app = "${app}"\nprimary_region = "ord"\n[[mounts]]\nsource = "home_data"\ndestination = "/alt/home/developer"\n` +
  `[[services]]\nprotocol = "tcp"\ninternal_port = 2222\n[[services.ports]]\nport = 10022\n`;

describe('flyctl stand-in contract: a command line flyctl v0.4.87 rejects', () => {
  const { run } = standIn();

  it.each([
    [['status', '--totally-made-up'], 'unknown flag: --totally-made-up'],
    [['status', '-x'], "unknown shorthand flag: 'x' in -x"],
    [['volumes', 'create', 'v', '-yx'], "unknown shorthand flag: 'x' in -x"],
    [['deploy', '--json'], 'unknown flag: --json'],
    [['secrets', 'import', '--app', 'a1', '--json'], 'unknown flag: --json'],
    [['secrets', 'import', '--app', 'a1', '--yes'], 'unknown flag: --yes'],
    [['apps', 'destroy', 'a1', '--json'], 'unknown flag: --json'],
    [['ips', 'allocate-v4', '--app', 'a1', '--json'], 'unknown flag: --json'],
    [['ips', 'allocate-v6', '--app', 'a1', '--yes'], 'unknown flag: --yes'],
    [['apps', 'create', 'a1', '--app', 'a1'], 'unknown flag: --app'],
    [['apps', 'destroy', '--app', 'a1'], 'unknown flag: --app'],
    [['version', '--app', 'a1'], 'unknown flag: --app'],
    [['status', '--app'], 'flag needs an argument: --app'],
    [['status', '-a'], "flag needs an argument: 'a' in -a"],
    [['deploy', '--ha=maybe'], 'invalid argument "maybe" for "--ha" flag: strconv.ParseBool: parsing "maybe": invalid syntax'],
    [
      ['volumes', 'create', 'v', '--size', 'big'],
      'invalid argument "big" for "-s, --size" flag: strconv.ParseInt: parsing "big": invalid syntax',
    ],
    [['status', '---x'], 'bad flag syntax: ---x'],
    [['status', 'extra'], 'unknown command "extra" for "flyctl status"'],
    [['volumes', 'create'], 'accepts 1 arg(s), received 0'],
    [['image', 'show', 'm1', 'm2'], 'accepts at most 1 arg(s), received 2'],
    [['apps', 'create', 'a1', 'a2'], 'accepts between 0 and 1 arg(s), received 2'],
    [['deploy', '--ha', 'false', 'extra'], 'accepts at most 1 arg(s), received 2'],
  ])('%j → "Error: %s" on stderr, the usage on stdout, exit 1, before any token check', (args, message) => {
    const r = run(args, {}); // no token: a bad command line fails before the session is asked for
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`Error: ${message}\n`);
    expect(r.stdout).toMatch(/^Usage:\n {2}flyctl /);
    expect(r.stdout).toMatch(/\n\n$/); // cobra's Println(UsageString())
  });

  it('an unknown command: its error on stderr, "Run \'flyctl --help\' for usage." on stdout, exit 1', () => {
    expect(run(['stauts', '--app', 'a1'])).toEqual({
      code: 1,
      stderr: 'Error: unknown command "stauts" for "flyctl"\n',
      stdout: "Run 'flyctl --help' for usage.\n\n",
    });
  });

  it('an unknown subcommand of a group prints the group help and exits 0; with a flag the group lacks, the flag fails first', () => {
    const help = run(['ips', 'allocate-v9']);
    expect(help.code).toBe(0);
    expect(help.stderr).toBe('');
    expect(help.stdout).toMatch(/^Usage:\n {2}flyctl ips \[command\]/);
    const flag = run(['ips', 'allocate-v9', '--app', 'a1']);
    expect(flag.code).toBe(1);
    expect(flag.stderr).toBe('Error: unknown flag: --app\n');
  });

  it('a bool flag never takes the next word: deploy --ha false makes "false" the working directory', () => {
    const r = run(['deploy', '--app', 'a1', '--ha', 'false']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^Error: failed changing working directory: chdir \/.*\/false: no such file or directory\n$/);
  });

  it('the only global flags are --access-token/-t, --verbose and --debug; --help/-h prints the usage and exits 0', () => {
    const r = run(['status', '--app', 'a1', '--verbose', '--debug', '-t', 'fo1_flag'], {});
    expect(r.stderr).toBe('Error: failed to get app: Could not find App\n'); // parsed, and the flag token was enough
    expect(run(['status', '-h'], {})).toMatchObject({ code: 0, stderr: '' });
    expect(run(['status', '--help'], {}).stdout).toMatch(/Global Flags:\n {2}-t, --access-token string\n {6}--debug\n {6}--verbose\n$/);
  });

  it('a good command line still needs a token: no token → fly-go ErrNoAuthToken', () => {
    expect(run(['status', '--app', 'a1'], {})).toMatchObject({
      code: 1,
      stderr: "Error: no access token available. Please login with 'flyctl auth login'\n",
    });
  });
});

describe('flyctl stand-in contract: output', () => {
  it('JSON only with --json (4-space indent); a table with flyctl column headers otherwise', () => {
    const { run } = standIn();
    const created = run(['apps', 'create', 'a1', '--org', 'acme']);
    expect(created).toMatchObject({ code: 0, stdout: 'New app created: a1\n' });
    const volume = run(['volumes', 'create', 'home_data', '--app', 'a1', '--region', 'ord', '--yes']);
    expect(volume.stdout).toMatch(/^ {18}ID: vol_\w+\n/);
    expect(() => JSON.parse(volume.stdout)).toThrow();
    const human: [string[], RegExp][] = [
      [['status', '--app', 'a1'], /^App\nNAME +OWNER +HOSTNAME +IMAGE\na1 +acme +a1\.fly\.dev/],
      [['volumes', 'list', '--app', 'a1'], /^ID +STATE +NAME +SIZE +REGION +ZONE +ENCRYPTED +ATTACHED VM +CREATED AT\nvol_/],
      [['secrets', 'list', '--app', 'a1'], /^NAME +DIGEST +STATUS\n/],
      [['ips', 'list', '--app', 'a1'], /^VERSION +IP +TYPE +REGION +CREATED AT\n\nLearn more about Fly\.io public/],
      [['image', 'show', '--app', 'a1'], /^Image Details\nMACHINE ID +REGISTRY +REPOSITORY +TAG +VERSION +DIGEST +LABELS\n/],
    ];
    for (const [args, table] of human) {
      const r = run(args);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout, args.join(' ')).toMatch(table);
      expect(() => JSON.parse(r.stdout), args.join(' ')).toThrow();
      const j = run([...args, '--json']);
      expect(j.code).toBe(0);
      expect(() => JSON.parse(j.stdout)).not.toThrow();
      if (j.stdout.trim() !== 'null' && j.stdout.trim() !== '[]') expect(j.stdout).toMatch(/^[[{]\n {4}\S/);
    }
    expect(run(['image', 'show', '--app', 'a1', '-j']).stdout).toBe('null\n'); // show.go: a nil slice without machines
    expect(JSON.parse(run(['status', '--app', 'a1', '-j']).stdout)).toMatchObject({ Name: 'a1', Machines: [] });
  });

  it('version: the v0.4.87 line with the full commit of tag v0.4.87 and its date, one-line JSON, --version', () => {
    const { run } = standIn();
    const line = run(['version'], {});
    expect(line).toEqual({
      code: 0,
      stderr: '',
      stdout: 'flyctl v0.4.87 linux/amd64 Commit: 3eb236fab6a9226928554243ba163e5fb13aa3a4 BuildDate: 2026-08-20T18:56:30Z\n',
    });
    expect(JSON.parse(run(['version', '--json'], {}).stdout)).toEqual({
      Name: 'flyctl',
      Version: '0.4.87',
      Commit: '3eb236fab6a9226928554243ba163e5fb13aa3a4',
      BranchName: '',
      BuildDate: '2026-08-20T18:56:30Z',
      OS: 'linux',
      Architecture: 'amd64',
      Environment: 'production',
    });
    expect(run(['--version'], {}).stdout).toBe('flyctl version 0.4.87\n');
    // one version everywhere: the catalog's default, what the installer reads from the line, the machines' metadata
    expect(versionIn(line.stdout)).toBe(catalog.tools.flyctl.default);
  });
});

describe('flyctl stand-in contract: which app, and deploy', () => {
  it('--app wins over fly.toml app, then FLY_APP, then fly.toml; none → the missing-app-name error', () => {
    const { run, cwd } = standIn();
    expect(run(['apps', 'create', 'a1', '--org', 'acme']).code).toBe(0);
    expect(run(['status']).stderr).toBe(
      'Error: the config for your app is missing an app name, add an app field to the fly.toml file or specify with the -a flag\n',
    );
    writeFileSync(join(cwd, 'fly.toml'), TOML('other'));
    expect(run(['status']).stderr).toBe('Error: failed to get app: Could not find App\n'); // fly.toml's app
    expect(run(['status', '--app', 'a1']).code).toBe(0); // --app wins, no complaint about the difference
    expect(run(['status'], { FLY_API_TOKEN: 'x', FLY_APP: 'a1' }).code).toBe(0);
    expect(run(['status', '--config', 'missing.toml']).stderr).toBe(
      'Error: config file not found at specified path: missing.toml (also tried: missing.toml/fly.toml)\n',
    );
  });

  it('deploy: a missing app is the Machines API "app not found"; --app beats fly.toml; a mounted group gets one machine even with --ha=true', () => {
    const { run, cwd, f } = standIn();
    writeFileSync(join(cwd, 'fly.toml'), TOML('toml-name'));
    const image = `registry.example/x@sha256:${'a'.repeat(64)}`;
    const deploy = (...more: string[]) =>
      run(['deploy', '--config', 'fly.toml', '--app', 'a1', '--image', image, '--remote-only', ...more]);
    expect(deploy().stderr).toBe('Error: app not found\n');
    run(['apps', 'create', 'a1', '--org', 'acme']);
    const r = deploy('--ha=true', '--wait-timeout', '90s', '--yes');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(/Visit your newly deployed app/); // a raw TCP service has no URL (Config.URL)
    const state = f.state<{ apps: Record<string, { machines: unknown[] }> }>('flyctl');
    expect(state.apps.a1!.machines).toHaveLength(1);
    expect(state.apps['toml-name']).toBeUndefined();
  });

  it('deploy refuses a wait timeout that is not a duration, and an unknown strategy, and canary with a mounted volume', () => {
    const { run, cwd } = standIn();
    writeFileSync(join(cwd, 'fly.toml'), TOML('a1'));
    run(['apps', 'create', 'a1', '--org', 'acme']);
    const base = ['deploy', '--image', `r/x@sha256:${'b'.repeat(64)}`];
    expect(run([...base, '--wait-timeout', 'soon']).stderr).toBe(
      "Error: invalid duration value soon used for --wait-timeout flag: valid options are a number of seconds, number with time unit (i.e.: 5m, 180s) or 'none'\n",
    );
    expect(run([...base, '--strategy', 'sideways']).stderr).toBe(
      "unsupported deployment strategy 'sideways'; Apps v2 supports the following strategies: canary, rolling, immediate, bluegreen\nError: App configuration is not valid\n",
    );
    expect(run([...base, '--strategy', 'canary']).stderr).toBe(
      'error canary deployment strategy is not supported when using mounted volumes\nError: App configuration is not valid\n',
    );
    expect(run([...base, '--wait-timeout', '600', '--strategy', 'rolling']).code).toBe(0);
  });
});

describe('flyctl stand-in contract: machine_config (appconfig updateMachineConfig, config.ParseConfig)', () => {
  type Machines = { apps: Record<string, { machines: { config: { metadata: Record<string, string> } }[] }> };
  const image = `r/x@sha256:${'c'.repeat(64)}`;

  it("its metadata is merged into every machine's metadata, kept across deploys, flyctl's own keys last; [experimental] wins", () => {
    const { run, cwd, f } = standIn();
    run(['apps', 'create', 'a1', '--org', 'acme']);
    /** `top` before the tables of TOML, `tail` after them */
    const deploy = (top: string, tail = '') => {
      writeFileSync(join(cwd, 'fly.toml'), top + TOML('a1') + tail);
      return run(['deploy', '--image', image, '--yes']);
    };
    expect(deploy(`machine_config = '{"metadata":{"sindri_run_url":"u1","sindri_name":"n","fly_process_group":"x"}}'\n`).code).toBe(0);
    const meta = () => f.state<Machines>('flyctl').apps.a1!.machines[0]!.config.metadata;
    expect(meta()).toMatchObject({ sindri_run_url: 'u1', sindri_name: 'n', fly_process_group: 'app', fly_release_version: '1' });
    // json.Unmarshal into the machine's own map: a key not given again stays
    expect(deploy(`machine_config = '{"metadata":{"sindri_run_url":"u2"}}'\n`).code).toBe(0);
    expect(meta()).toMatchObject({ sindri_run_url: 'u2', sindri_name: 'n' });
    expect(
      deploy(
        `machine_config = '{"metadata":{"sindri_run_url":"top"}}'\n`,
        `[experimental]\nmachine_config = '{"metadata":{"sindri_run_url":"exp"}}'\n`,
      ).code,
    ).toBe(0);
    expect(meta().sindri_run_url).toBe('exp');
  });

  it('refuses what flyctl refuses: a source that is neither JSON nor a .json file, bad JSON, a metadata value that is not a string', () => {
    const { run, cwd, f } = standIn();
    run(['apps', 'create', 'a1', '--org', 'acme']);
    const deploy = (line: string) => {
      writeFileSync(join(cwd, 'fly.toml'), line + TOML('a1'));
      return run(['deploy', '--image', image, '--yes']);
    };
    expect(deploy(`machine_config = 'metadata=x'\n`).stderr).toBe('Error: invalid machine config source: "metadata=x"\n');
    expect(deploy(`machine_config = '{"metadata":'\n`).stderr).toMatch(/^Error: invalid machine config "\{\\"metadata\\":": /);
    expect(deploy(`machine_config = '{"metadata":{"n":1}}'\n`).stderr).toMatch(
      /json: cannot unmarshal number into Go struct field MachineConfig\.metadata of type string\n$/,
    );
    expect(deploy(`machine_config = 'missing.json'\n`).stderr).toBe('Error: open missing.json: no such file or directory\n');
    // null is no type error: encoding/json stores the string's zero value
    expect(deploy(`machine_config = '{"metadata":{"n":null}}'\n`).code).toBe(0);
    expect(f.state<Machines>('flyctl').apps.a1!.machines[0]!.config.metadata.n).toBe('');
    // what the stand-in does not model stops it, never passes silently
    expect(deploy(`machine_config = '{"dns":{}}'\n`).code).toBe(98);
  });
});

describe('flyctl stand-in contract: first-deploy IPs (deploy_first.go) and ssh console', () => {
  const image = `registry.example/x@sha256:${'c'.repeat(64)}`;
  const ips = (f: Fakes, app: string) => f.state<{ apps: Record<string, { ips: { Type: string }[] }> }>('flyctl').apps[app]!.ips;

  it('a TCP service on a port other than 80/443 ("dedicated") gets NO address on a first deploy without a terminal, --yes or not', () => {
    const { run, cwd, f } = standIn();
    writeFileSync(join(cwd, 'fly.toml'), TOML('ip1'));
    run(['apps', 'create', 'ip1', '--org', 'acme']);
    const r = run(['deploy', '--image', image, '--yes']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(/Provisioning ips|Allocated/);
    expect(ips(f, 'ip1')).toEqual([]);
  });

  it('an HTTP service on 80/443 gets v6 + shared v4; an app that already has an IP gets nothing more', () => {
    const { run, cwd, f } = standIn();
    const http =
      `[[services]]\nprotocol = "tcp"\ninternal_port = 8080\n[[services.ports]]\nport = 80\nhandlers = ["http"]\n` +
      `[[services.ports]]\nport = 443\nhandlers = ["tls", "http"]\n`;
    writeFileSync(join(cwd, 'fly.toml'), `app = "ip2"\nprimary_region = "ord"\n${http}`);
    run(['apps', 'create', 'ip2', '--org', 'acme']);
    expect(run(['deploy', '--image', image]).stdout).toMatch(/Provisioning ips for ip2\n {2}Dedicated ipv6: .*\n {2}Shared ipv4: /);
    expect(ips(f, 'ip2').map((i) => i.Type)).toEqual(['v6', 'shared_v4']);

    writeFileSync(join(cwd, 'fly.toml'), `app = "ip3"\nprimary_region = "ord"\n${http}`);
    run(['apps', 'create', 'ip3', '--org', 'acme']);
    expect(run(['ips', 'allocate-v4', '--app', 'ip3', '--yes']).code).toBe(0);
    run(['deploy', '--image', image]);
    expect(ips(f, 'ip3').map((i) => i.Type)).toEqual(['v4']); // "Do not touch IPs if there are already allocated"
    expect(run(['ips', 'allocate-v6', '--app', 'ip3', '--yes']).stderr).toMatch(/^Error: unknown flag: --yes/m);
  });

  it('ssh console --command: one string split as a shell would, run with the machine environment; a non-zero exit is flyctl exit 1', () => {
    const { run, cwd } = standIn();
    writeFileSync(join(cwd, 'fly.toml'), TOML('ssh1'));
    run(['apps', 'create', 'ssh1', '--org', 'acme']);
    expect(run(['ssh', 'console', '--app', 'ssh1', '--command', 'true']).stderr).toMatch(/^Error: app ssh1 has no started VMs\./);
    run(['deploy', '--image', image]);
    const ok = run(['ssh', 'console', '--app', 'ssh1', '--quiet', '--command', `/bin/sh -c 'printf "%s|" "$FLY_IMAGE_REF" a\\ b'`]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toBe(`${image}|a b|`);
    const bad = run(['ssh', 'console', '--app', 'ssh1', '--command', "/bin/sh -c 'echo nope >&2; exit 3'"]);
    expect(bad).toMatchObject({ code: 1, stderr: 'nope\nError: ssh shell: Process exited with status 3\n' });
    // no shell of its own: a pipe is just a word
    expect(run(['ssh', 'console', '--app', 'ssh1', '--command', 'echo a | cat']).stdout).toBe('a | cat\n');
  });
});

describe('flyctl stand-in contract: every call our wrapper makes', () => {
  it('flyctlArgv is accepted and answered as the Flyctl class reads it, from a missing app to destroy', async () => {
    const { f, cwd } = standIn({ orgs: ['acme'] });
    const fly = new Flyctl(testExec, cwd, { ...f.env, FLY_API_TOKEN: 'fo1_wrapper' });
    const app = 'wrapper-app';
    const t = 30_000;
    expect(await fly.status(app, t)).toBeUndefined();
    await fly.appsCreate(app, 'acme', t);
    expect(await fly.volumesList(app, t)).toEqual([]);
    await fly.volumesCreate(app, 'home_data', 3, 'ord', t);
    expect((await fly.volumesList(app, t)).map((v) => [v.name, v.size_gb, v.region])).toEqual([['home_data', 3, 'ord']]);
    expect(await fly.secretsList(app, t)).toEqual([]);
    await fly.secretsImport(app, 'API_TOKEN="""v"""\n', t);
    expect((await fly.secretsList(app, t)).map((s) => [s.name, s.status])).toEqual([['API_TOKEN', 'Staged']]);
    expect(await fly.ipsList(app, t)).toEqual([]);
    await fly.ipsAllocateV6(app, t);
    await fly.ipsAllocateV4(app, t);
    expect((await fly.ipsList(app, t)).map((ip) => ip.Type)).toEqual(['v6', 'v4']);
    expect(await fly.imageShow(app, t)).toEqual([]);
    mkdirSync(join(cwd, 'ctx'));
    writeFileSync(join(cwd, 'ctx', 'Dockerfile'), 'FROM scratch\n');
    writeFileSync(join(cwd, 'ctx', 'fly.toml'), TOML(app));
    const spec = {
      app,
      config: 'fly.toml',
      dockerfile: 'Dockerfile',
      buildArgs: { A: '1' },
      noCache: true,
      imageLabel: 'v1',
      waitTimeoutSeconds: 60,
      highAvailability: false,
      strategy: 'rolling',
      env: { SINDRI_FLY_TOML_SHA256: 'h' },
    };
    const released = await fly.deploy(spec, { cwd: join(cwd, 'ctx'), timeoutMs: t });
    expect(released.code, released.stderr).toBe(0);
    const [image] = await fly.imageShow(app, t);
    expect(image).toMatchObject({ Registry: 'registry.fly.io', Repository: app, Tag: 'v1', Digest: expect.stringMatching(/^sha256:/) });
    const status = await fly.status(app, t);
    expect(status?.Machines?.[0]?.config?.env?.SINDRI_FLY_TOML_SHA256).toBe('h');
    expect(await fly.agentStop(t)).toBe(false); // no agent yet
    const inside = await fly.sshCommand(app, `printf '%s' "$SINDRI_FLY_TOML_SHA256" && exit 4`, t);
    expect(inside).toMatchObject({ code: 4, stdout: 'h' }); // the remote status, not flyctl's 1
    expect(await fly.agentStop(t)).toBe(true);
    expect(await fly.appsDestroy(app, t)).toBe(true);
    expect(await fly.appsDestroy(app, t)).toBe(false);
    // every argv was flyctl's (no usage printed), and each builder is the argv the stand-in saw
    const seen = f.calls('flyctl').map((c) => c.argv);
    expect(seen).toContainEqual(flyctlArgv.deploy(spec));
    expect(seen).toContainEqual(flyctlArgv.volumesCreate(app, 'home_data', 3, 'ord'));
  });
});

describe('flyctl stand-in contract: apps list and machine list (mode: sweep, ADR 0043)', () => {
  /** a machine as the stand-in keeps it (fly-go machine_types.go), with metadata of our own */
  const machine = (id: string, metadata: Record<string, string> = {}) => ({
    id,
    name: `m-${id}`,
    state: 'started',
    region: 'ord',
    image_ref: { registry: 'registry.fly.io', repository: 'x', tag: 't' },
    private_ip: 'fdaa::2',
    created_at: '2026-11-29T00:00:00Z',
    updated_at: '2026-11-29T00:00:00Z',
    config: { guest: { cpu_kind: 'shared', cpus: 2, memory_mb: 2048 }, metadata: { fly_process_group: 'app', ...metadata } },
  });
  const app = (org: string, machines: ReturnType<typeof machine>[] = []) => ({
    org,
    deployed: machines.length > 0,
    version: 1,
    machines,
    volumes: [],
    secrets: {},
    ips: [],
    releases: [],
  });
  const state = () => ({
    orgs: ['acme', 'other'],
    apps: { 'web-pr-1': app('acme', [machine('m1', { sindri_name: 'web' })]), 'web-pr-2': app('other'), web: app('acme') },
  });

  it.each([
    [['apps', 'list', '--app', 'web'], 'unknown flag: --app'],
    [['apps', 'list', '--org', 'acme', '--yes'], 'unknown flag: --yes'],
    [['machine', 'list', '--app', 'web', '--org', 'acme'], 'unknown flag: --org'],
    [['machine', 'list', '--app', 'web', 'web-pr-1'], 'unknown command "web-pr-1" for "flyctl machine list"'],
    [
      ['machine', 'list', '--json'],
      'the config for your app is missing an app name, add an app field to the fly.toml file or specify with the -a flag',
    ],
    [['machine', 'list', '--app', 'gone', '--json'], 'failed to list VMs: app not found'],
    [['apps', 'list', '--org', 'nope', '--json'], 'error getting organization: failed to run '],
  ])('%j → Error: %s', (args, message) => {
    const { run } = standIn(state());
    const r = run(args);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe(`Error: ${message}`);
  });

  it('an unknown organization is the GraphQL API\'s "Could not find" at the end of fly-go\'s quoted query; no token is ErrNoAuthToken', () => {
    const { run } = standIn(state());
    expect(run(['apps', 'list', '--org', 'nope', '--json']).stderr.trimEnd()).toMatch(
      /\tquery\(\$slug: String!\) \{[\s\S]*: Could not find$/,
    );
    expect(run(['apps', 'list', '--json'], {})).toMatchObject({
      code: 1,
      stderr: "Error: no access token available. Please login with 'flyctl auth login'\n",
    });
    expect(run(['m', 'ls', '--app', 'web'], {})).toMatchObject({
      code: 1,
      stderr: "Error: no access token available. Please login with 'flyctl auth login'\n",
    });
  });

  it('apps list: --org keeps that organization, without it every one; JSON (Go field names) only with --json', () => {
    const { run } = standIn(state());
    const listed = (args: string[]) =>
      (JSON.parse(run(args).stdout) as { Name: string; Organization: { Slug: string } }[]).map((a) => [a.Name, a.Organization.Slug]);
    expect(listed(['apps', 'list', '--org', 'acme', '--json'])).toEqual([
      ['web-pr-1', 'acme'],
      ['web', 'acme'],
    ]);
    expect(listed(['apps', 'ls', '-o', 'other', '-j'])).toEqual([['web-pr-2', 'other']]);
    expect(listed(['app', 'list', '--json'])).toHaveLength(3);
    const text = run(['apps', 'list', '--org', 'acme']);
    expect(text.stdout.split('\n')[0]).toMatch(/^NAME +OWNER +STATUS +LATEST DEPLOY$/);
    expect(run(['apps', 'list', '--org', 'acme', '--quiet']).stdout).toBe('web-pr-1\nweb\n\n');
  });

  it('machine list (aliases machines, m; ls): the machines with their metadata as --json; a table otherwise; [] for none', () => {
    const { run } = standIn(state());
    for (const group of ['machine', 'machines', 'm'])
      for (const list of ['list', 'ls']) {
        const r = run([group, list, '--app', 'web-pr-1', '--json']);
        expect(r.code, r.stderr).toBe(0);
        expect((JSON.parse(r.stdout) as { config: { metadata: Record<string, string> } }[])[0]?.config.metadata.sindri_name).toBe('web');
      }
    expect(run(['machine', 'list', '-a', 'web', '--json']).stdout).toBe('[]\n');
    expect(run(['machine', 'list', '-a', 'web']).stdout).toBe('No machines are available on this app web\n');
    expect(run(['machine', 'list', '-a', 'web-pr-1']).stdout).toMatch(/^1 machines have been retrieved from app web-pr-1\.\n/);
    expect(run(['machine', 'list', '-a', 'web-pr-1', '-q']).stdout).toContain('m1');
  });

  it("Flyctl.appsList and machineList: flyctl's argv, read as JSON; the organization filtered by flyctl itself", async () => {
    const { f, cwd } = standIn(state());
    const fly = new Flyctl(testExec, cwd, { ...f.env, FLY_API_TOKEN: 'fo1_wrapper' });
    expect((await fly.appsList('acme', 30_000)).map((a) => [a.Name, a.Organization?.Slug, a.Deployed])).toEqual([
      ['web-pr-1', 'acme', true],
      ['web', 'acme', false],
    ]);
    expect((await fly.machineList('web-pr-1', 30_000))!.map((m) => [m.id, m.config?.metadata?.sindri_name])).toEqual([['m1', 'web']]);
    expect(await fly.machineList('web', 30_000)).toEqual([]);
    await expect(fly.appsList('nope', 30_000)).rejects.toThrow('flyctl apps list failed: error getting organization: failed to run');
    expect(await fly.machineList('gone', 30_000)).toBeUndefined(); // destroyed since it was listed
    const seen = f.calls('flyctl').map((c) => c.argv);
    expect(seen).toContainEqual(flyctlArgv.appsList('acme'));
    expect(seen).toContainEqual(flyctlArgv.machineList('web-pr-1'));
  });
});
