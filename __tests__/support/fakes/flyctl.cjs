/**
 * flyctl stand-in for CONTRACT tests, as strict as flyctl v0.4.87 (superfly/flyctl tag v0.4.87 =
 * commit 3eb236fab6a9226928554243ba163e5fb13aa3a4, fly-go v0.9.5, cobra v1.10.2, pflag v1.0.10), as
 * far as our calls reach. Called by recorder.cjs with each call and the JSON state it keeps.
 *
 * The command line is read by cobra.cjs with flyctl's own command tree (TREE below: each command's
 * name, aliases, positional-argument rule and flag set, from internal/command/<cmd>/*.go and
 * internal/flag/flag.go): an unknown command, flag or argument count is flyctl's own error, before any
 * token check. The only global flags are `--access-token/-t`, `--verbose` and `--debug`
 * (internal/command/root/root.go); `--app`, `--config`, `--json` and `--yes` exist only on the
 * commands that define them (`deploy`, `secrets import`, `apps destroy`, `ips allocate-*` have no
 * `--json`). A command outside TREE is an unknown command: add it from flyctl's source first.
 *
 * Output follows internal/render: JSON (4-space indent, Go field names, HTML characters escaped)
 * only with `--json`, a table with flyctl's column headers otherwise. Errors are internal/cli's
 * printError: `Error: <message>` on stderr, exit 1; the messages are flyctl's (internal/prompt,
 * internal/command/*), fly-go's (`ErrNoAuthToken`), the GraphQL API's `Could not find App` and the
 * Machines API's `app not found`. The JSON templates are __tests__/fixtures/flyctl/ (README there).
 *
 * state: { orgs: string[], regions: string[], rejectToken?: bool, failDeploy?: string, interrupt?: '<command>',
 *          takenNames?: string[], apps: { [name]: App }, seq: number, builds: [...] }
 *   App = { org, deployed, version, machines[], volumes[], secrets{NAME:{digest}}, ips[], releases[] }
 * Secret digests: Fly's API computes them (flyctl has no code for it); this stand-in uses the first
 * 16 hex digits of sha256(value), and the action treats them as opaque.
 * A first deploy allocates IPs as deploy_first.go does: none at all for a "dedicated" service (a TCP
 * port other than 80/443) without a terminal, v6 + shared v4 for HTTP, nothing when any IP exists.
 * `ssh console --command` runs the words of the command line (split as Fly's SSH server does) on this
 * host with the machine's environment, FLY_IMAGE_REF among it.
 * The fly.toml a deploy is given is checked as appconfig/validation.go checks it, as far as our files
 * reach: the strategy (`[deploy] strategy` or `--strategy`, which wins: deploy/machines.go
 * determineAppConfigForMachines), canary refused with a mount, at most one `[[mounts]]`
 * (validateMounts); and bluegreen on an app with machines needs at least one check on them
 * (strategy_bluegreen.go Deploy: top-level `[checks]` or a service's checks). Each deploy records the
 * config file it read and the strategy in `state.deploys` for tests to parse back. fly.toml's
 * `machine_config` (`[experimental]` first) is read as flyctl reads it and its `metadata` merged into
 * every machine's `config.metadata` (machineConfigOf below): how the action's trace reaches the machines
 * (ADR 0042), read back from `status --json` or the state.
 * Not modelled (our calls do not reach them): FLY_JSON, FLY_ORG, FLY_REGION, `--count` > 1,
 * the machine-by-machine order of the strategies (every release replaces the machines in place),
 * a deploy without a local fly.toml, an interactive ssh console.
 */
'use strict';
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const cobra = require('./cobra.cjs');

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures', 'flyctl');
const fixture = (name) => JSON.parse(fs.readFileSync(path.join(FIXTURES, `${name}.json`), 'utf8'));
const sha = (s) => crypto.createHash('sha256').update(s).digest('hex');

/** internal/buildinfo: the release's version, its tag commit (full SHA) and commit date (goreleaser's BuildDate) */
const VERSION = '0.4.87';
const COMMIT = '3eb236fab6a9226928554243ba163e5fb13aa3a4';
const BUILD_DATE = '2026-08-20T18:56:30Z';
/** `flyctl version` (internal/command/version, buildinfo.String()) */
const VERSION_LINE = `flyctl v${VERSION} linux/amd64 Commit: ${COMMIT} BuildDate: ${BUILD_DATE}`;

// flags (internal/flag/flag.go; a bool's value is never the next word)
const bool = (name, dflt = false, more = {}) => ({ name, type: 'bool', default: dflt, ...more });
const str = (name, dflt = '', more = {}) => ({ name, type: 'string', default: dflt, ...more });
const int = (name, dflt = 0, more = {}) => ({ name, type: 'int', default: dflt, ...more });
const strings = (name, more = {}) => ({ name, type: 'stringArray', ...more });
const slice = (name, more = {}) => ({ name, type: 'stringSlice', ...more });
const app = str('app', '', { short: 'a' });
const config = str('config', '', { short: 'c' });
const json = bool('json', false, { short: 'j' });
const yes = bool('yes', false, { short: 'y', aliases: ['auto-confirm'] });
const org = str('org', '', { short: 'o' });
const region = str('region', '', { short: 'r' });
const GLOBAL = [str('access-token', '', { short: 't' }), bool('verbose'), bool('debug')];
/** internal/flag/machines.go VMSizeFlags */
const VM_SIZE = [
  str('vm-size'),
  int('vm-cpus', 0, { aliases: ['cpus'] }),
  str('vm-cpu-kind', '', { aliases: ['vm-cpukind'] }),
  str('vm-memory', '', { aliases: ['memory'] }),
  str('vm-max-memory', '', { hidden: true }),
  int('vm-gpus', 0, { hidden: true }),
  str('vm-gpu-kind', '', { aliases: ['vm-gpukind'], hidden: true }),
  str('host-dedication-id'),
];
/** internal/command/deploy/deploy.go CommonFlags plus deploy's own */
const DEPLOY = [
  str('image', '', { short: 'i' }),
  bool('now'),
  bool('remote-only'),
  bool('local-only'),
  bool('push'),
  bool('wg', true),
  bool('https-failover', true, { aliases: ['http-failover'] }),
  bool('detach'),
  str('strategy'),
  str('dockerfile'),
  str('ignorefile'),
  str('image-label'),
  strings('build-arg'),
  strings('build-secret'),
  str('build-target'),
  str('build-context-warn-size'),
  bool('no-cache'),
  str('depot', 'auto', { noOpt: 'true' }),
  str('depot-scope', 'org'),
  bool('nixpacks'),
  str('buildkit-addr', '', { hidden: true }),
  str('buildkit-image', '', { hidden: true }),
  bool('buildkit'),
  bool('build-only'),
  str('buildpacks-docker-host'),
  slice('buildpacks-volume'),
  bool('recreate-builder'),
  yes,
  ...VM_SIZE,
  strings('env', { short: 'e' }),
  str('wait-timeout', '5m0s'),
  str('release-command-timeout', '5m0s'),
  str('lease-timeout', '13s'),
  bool('force-machines', false, { hidden: true }),
  bool('ha', true),
  bool('smoke-checks', true),
  bool('dns-checks', true),
  { name: 'max-unavailable', type: 'float', default: 0.33 },
  bool('no-public-ips'),
  bool('flycast'),
  strings('file-local'),
  strings('file-literal'),
  strings('file-secret'),
  str('primary-region'),
  slice('regions', { aliases: ['only-regions'] }),
  slice('exclude-regions'),
  slice('only-machines'),
  slice('exclude-machines'),
  slice('process-groups'),
  strings('label'),
  int('max-concurrent', 8),
  int('immediate-max-concurrent', 8, { hidden: true }),
  int('volume-initial-size'),
  str('signal', '', { short: 's' }),
  str('deploy-retries', 'auto'),
  str('builder-pool', 'auto', { noOpt: 'true', hidden: true }),
  str('compression', 'gzip'),
  int('compression-level', 7),
  app,
  config,
  bool('update-only'),
  bool('skip-release-command'),
  str('export-manifest', '', { hidden: true }),
  str('from-manifest', '', { hidden: true }),
];

/** The part of flyctl's command tree our code reaches (internal/command/root/root.go and each command's New). */
const TREE = {
  use: 'flyctl',
  run: true,
  flags: [bool('version', false, { short: 'v' })],
  commands: [
    {
      use: 'status',
      args: ['none'],
      run: true,
      flags: [app, config, json, bool('all'), bool('deployment'), bool('watch'), int('rate', 5)],
    },
    {
      use: 'apps',
      aliases: ['app'],
      commands: [
        {
          use: 'create <app name>',
          args: ['range', 0, 1],
          run: true,
          flags: [
            str('name'),
            bool('generate-name'),
            str('network'),
            bool('machines', false, { hidden: true }),
            yes,
            bool('save'),
            org,
            json,
          ],
        },
        { use: 'destroy <app name(s)>', aliases: ['delete', 'remove', 'rm'], args: ['any'], run: true, flags: [yes] },
      ],
    },
    {
      use: 'volumes',
      aliases: ['volume', 'vol', 'v'],
      commands: [
        { use: 'list', aliases: ['ls'], run: true, flags: [app, config, bool('all'), json] },
        {
          use: 'create <volume name>',
          args: ['exact', 1],
          run: true,
          flags: [
            app,
            config,
            region,
            int('size', 1, { short: 's' }),
            int('snapshot-retention', 5),
            bool('scheduled-snapshots', true),
            bool('no-encryption'),
            bool('require-unique-zone', true),
            bool('unique-zone-app-wide'),
            str('snapshot-id'),
            str('fs-type', 'ext4', { hidden: true }),
            yes,
            int('count', 1, { short: 'n' }),
            ...VM_SIZE,
            json,
          ],
        },
      ],
    },
    {
      use: 'secrets',
      commands: [
        { use: 'list [flags]', aliases: ['ls'], run: true, flags: [app, config, json] },
        { use: 'import [flags]', run: true, flags: [app, config, bool('detach'), bool('stage'), bool('dns-checks', true)] },
      ],
    },
    {
      use: 'ips',
      aliases: ['ip'],
      commands: [
        { use: 'list', aliases: ['ls'], run: true, flags: [app, config, json] },
        { use: 'allocate-v4', run: true, flags: [bool('shared'), yes, app, config, region] },
        { use: 'allocate-v6', run: true, flags: [app, config, region, bool('private'), org, str('network')] },
      ],
    },
    {
      use: 'image',
      aliases: ['img'],
      args: ['none'],
      commands: [{ use: 'show', args: ['max', 1], run: true, flags: [app, config, json] }],
    },
    { use: 'deploy [WORKING_DIRECTORY]', args: ['max', 1], run: true, flags: DEPLOY },
    {
      use: 'agent',
      commands: [{ use: 'stop', args: ['none'], run: true, flags: [] }],
    },
    {
      use: 'ssh',
      commands: [
        {
          // internal/command/ssh/console.go stdArgsSSH
          use: 'console',
          args: ['max', 1],
          run: true,
          flags: [
            org,
            app,
            config,
            str('command', '', { short: 'C' }),
            str('machine'),
            bool('select', false, { short: 's' }),
            region,
            bool('quiet', false, { short: 'q' }),
            str('address', '', { short: 'A' }),
            str('container'),
            bool('no-container'),
            bool('pty'),
            str('user', 'root', { short: 'u' }),
            str('process-group', '', { short: 'g', aliases: ['group'] }),
          ],
        },
      ],
    },
    { use: 'version', run: true, flags: [str('saveinstall', '', { short: 's', hidden: true }), json] },
  ],
};

/**
 * Adds `command` to the group `group.use` of TREE, making the group (with `group`'s name, aliases and
 * argument rule) when no entry has made it yet: commands of one group can be added apart.
 */
function addToGroup(group, command) {
  const name = group.use.split(' ')[0];
  let found = TREE.commands.find((c) => c.use.split(' ')[0] === name);
  if (!found) TREE.commands.push((found = { ...group, commands: [] }));
  found.commands.push(command);
}

// `mode: sweep` (ADR 0043): internal/command/apps/list.go (`--org` else every organization; no --app)
addToGroup({ use: 'apps' }, { use: 'list', aliases: ['ls'], run: true, flags: [json, org, bool('quiet', false, { short: 'q' })] });
// internal/command/machine/machine.go: the group `machine` (aliases machines, m; cobra.NoArgs) and list.go
addToGroup(
  { use: 'machine <command>', aliases: ['machines', 'm'], args: ['none'] },
  { use: 'list', aliases: ['ls'], args: ['none'], run: true, flags: [app, config, json, bool('quiet', false, { short: 'q' })] },
);

const fail = (message, stderr = '') => ({ code: 1, stderr: `${stderr}Error: ${message}\n` });
/** internal/render JSON: encoding/json with a 4-space indent (and its HTML escaping) */
const render = (v) => ({ stdout: JSON.stringify(v, null, 4).replace(/[<>&]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`) + '\n' });
/** internal/render Table: flyctl's column headers, upper-cased; columns padded (not tablewriter's exact spacing) */
function table(headers, rows, title = '') {
  const all = [headers.map((h) => h.toUpperCase()), ...rows.map((r) => r.map(String))];
  const width = headers.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  const lines = all.map((r) =>
    r
      .map((c, i) => c.padEnd(width[i]))
      .join('  ')
      .trimEnd(),
  );
  return `${title ? `${title}\n` : ''}${lines.join('\n')}\n\n`;
}

/** command.RequireAppName: --app, then FLY_APP, then fly.toml's app (from --config, else the working directory). */
function appName(cwd, env, flags) {
  const candidates = flags.config ? [flags.config, path.join(flags.config, 'fly.toml')] : ['fly.toml', 'fly.json', 'fly.yaml'];
  let toml;
  let file;
  for (const p of candidates) {
    const abs = path.resolve(cwd, p);
    if (!fs.existsSync(abs) || fs.statSync(abs).isDirectory()) continue;
    try {
      toml = loadToml(abs);
      file = abs;
    } catch (e) {
      return { error: fail(`failed loading app config from ${abs}: ${e.message}`) };
    }
    break;
  }
  if (!toml && flags.config)
    return { error: fail(`config file not found at specified path: ${flags.config} (also tried: ${path.join(flags.config, 'fly.toml')})`) };
  const name = flags.app || env.FLY_APP || toml?.app;
  if (!name)
    return {
      error: fail('the config for your app is missing an app name, add an app field to the fly.toml file or specify with the -a flag'),
    };
  return { name, toml, file };
}

function loadToml(file) {
  // the project's own smol-toml (CommonJS build)
  const { parse } = require(require.resolve('smol-toml', { paths: [path.join(__dirname, '..', '..', '..')] }));
  return parse(fs.readFileSync(file, 'utf8'));
}

/** flyctl's internal/command/secrets/parser.go parseSecrets, line for line (exported for unit tests). */
function parseSecrets(text) {
  const secrets = {};
  let multi = false;
  let key = '';
  let val = '';
  // bufio.Scanner ScanLines: split on \n, drop a trailing \r, no empty last token
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  for (const line of lines) {
    if (!multi) {
      if (line.startsWith('#') || line.trim() === '') continue;
      const eq = line.indexOf('=');
      if (eq === -1) throw new Error(`Secrets must be provided as NAME=VALUE pairs (${line} is invalid)`);
      const k = line.slice(0, eq).trim();
      let value = line.slice(eq + 1).replace(/^ +/, '');
      const hash = value.indexOf('#');
      if (hash !== -1) {
        const l = value.slice(0, hash);
        if ((l.match(/"/g) || []).length % 2 === 0) value = l.replace(/ +$/, '');
      }
      if (value.startsWith('"""') && value.endsWith('"""') && value.length >= 6) secrets[k] = value.slice(3, -3);
      else if (value.startsWith('"""')) {
        multi = true;
        key = k;
        val = value.slice(3) + '\n';
      } else {
        if (value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
        else if (value.startsWith("'") && value.endsWith("'")) value = value.slice(1, -1);
        secrets[k] = value;
      }
    } else if (line.endsWith('"""')) {
      val += line.slice(0, -3);
      secrets[key] = val;
      multi = false;
      key = '';
      val = '';
    } else val += line + '\n';
  }
  return secrets;
}

function splitRef(ref) {
  const at = ref.indexOf('@');
  const digest = at === -1 ? '' : ref.slice(at + 1);
  const name = at === -1 ? ref : ref.slice(0, at);
  const slash = name.indexOf('/');
  const registry = slash === -1 ? 'docker.io' : name.slice(0, slash);
  let repository = slash === -1 ? name : name.slice(slash + 1);
  let tag = '';
  const colon = repository.lastIndexOf(':');
  if (colon !== -1) {
    tag = repository.slice(colon + 1);
    repository = repository.slice(0, colon);
  }
  return { registry, repository, ...(tag && { tag }), ...(digest && { digest }) };
}

/** fly-go resource_organizations.go GetOrganizationBySlug's query, as fly-go's RunWithContext quotes it in its error */
const ORG_BY_SLUG_QUERY =
  '\n\t\tquery($slug: String!) {\n\t\t\torganization(slug: $slug) {\n\t\t\t\tid\n\t\t\t\tinternalNumericId\n\t\t\t\tslug\n' +
  '\t\t\t\trawSlug\n\t\t\t\tname\n\t\t\t\ttype\n\t\t\t\tbillable\n\t\t\t}\n\t\t}\n\t';

/**
 * The machines `status` shows (internal/command/status/machines.go RenderMachineStatus): fly-go flaps
 * ListActive (no release-command or console machine, nothing destroyed), the Apps V2 ones
 * (`fly_platform_version` v2), sorted by ID descending.
 */
function statusMachines(machines) {
  const group = (m) => m.config?.metadata?.fly_process_group || m.config?.metadata?.process_group || '';
  const v2 = (m) => m.config?.metadata?.fly_platform_version === 'v2';
  const active = (m) => m.state !== 'destroyed' && m.state !== 'destroying';
  return machines
    .filter((m) => group(m) !== 'fly_app_release_command' && m.config?.metadata?.process_group !== 'release_command')
    .filter((m) => !(v2(m) && active(m) && group(m) === 'fly_app_console') && active(m) && v2(m))
    .sort((a, b) => (a.id > b.id ? -1 : a.id < b.id ? 1 : 0));
}

/** prompt.NonInteractiveError of a confirmation without --yes */
const YES_NEEDED = 'yes flag must be specified when not running interactively';

/** What each command does once flyctl's parser and preparers let it run. */
const COMMANDS = {
  status(ctx) {
    const { name, app, flags } = ctx;
    if (!app) return fail('failed to get app: Could not find App');
    if (flags.watch && flags.json) return fail('--watch and --json are not supported together');
    const s = Object.assign(fixture('status'), {
      ID: name,
      Name: name,
      Deployed: app.deployed,
      Status: app.deployed ? 'deployed' : 'pending',
      Hostname: `${name}.fly.dev`,
      Version: app.version,
      AppURL: `https://${name}.fly.dev`,
      Machines: statusMachines(app.machines),
    });
    s.Organization.Slug = app.org;
    if (flags.json) return render(s);
    const ref = app.machines[0]?.image_ref;
    const image = ref ? `${ref.repository ?? ''}:${ref.tag ?? ''}` : '';
    const about = table(['Name', 'Owner', 'Hostname', 'Image'], [[name, app.org, s.Hostname, image]], 'App');
    const machines = app.machines.map((m) => [
      m.config.metadata.fly_process_group,
      m.id,
      m.config.metadata.fly_release_version,
      m.region,
      m.state,
      '',
      '',
      m.updated_at,
    ]);
    return {
      stdout:
        about +
        (machines.length
          ? table(['Process', 'ID', 'Version', 'Region', 'State', 'Role', 'Checks', 'Last Updated'], machines, 'Machines')
          : ''),
    };
  },
  'apps create'(ctx) {
    const { state, flags, args } = ctx;
    const [arg] = args;
    if (arg && flags.name && arg !== flags.name) return fail(`two app names specified ${arg} and ${flags.name}, only one may be specified`);
    const name = arg || flags.name || (flags['generate-name'] ? `stand-in-${++state.seq}` : '');
    if (!name) return fail('name argument or flag must be specified when not running interactively');
    // prompt.Org: --org, else the one personal organization
    let slug = flags.org;
    let stderr = '';
    if (!slug) {
      if (state.orgs.length !== 1) return fail('org slug must be specified when not running interactively');
      slug = state.orgs[0];
      stderr = `automatically selected personal organization: ${slug}\n`;
    }
    if (!state.orgs.includes(slug)) return fail(`organization ${slug} not found`, stderr);
    if (state.apps[name] || (state.takenNames ?? []).includes(name)) return fail('Name has already been taken', stderr);
    state.apps[name] = { org: slug, deployed: false, version: 0, machines: [], volumes: [], secrets: {}, ips: [], releases: [] };
    if (!flags.json) return { stdout: `New app created: ${name}\n`, stderr };
    const a = Object.assign(fixture('app'), { ID: name, Name: name, Hostname: `${name}.fly.dev`, AppURL: `https://${name}.fly.dev` });
    a.Organization.Slug = slug;
    return { ...render(a), stderr };
  },
  'apps destroy'({ state, flags, args }) {
    if (args.length === 0) return fail('no app names provided');
    let stdout = '';
    for (const name of args) {
      if (!flags.yes) return { ...fail(YES_NEEDED, 'Destroying an app is not reversible.\n'), stdout };
      if (!state.apps[name]) return { ...fail('Could not find App'), stdout };
      delete state.apps[name];
      stdout += `Destroyed app ${name}\n`;
    }
    return { stdout };
  },
  'volumes list'({ app, flags }) {
    if (!app) return fail('Could not find App');
    const volumes = app.volumes.filter((v) => flags.all || !/destroy/.test(v.state));
    if (flags.json) return render(volumes);
    const rows = volumes.map((v) => [
      v.id,
      v.state,
      v.name,
      `${v.size_gb}GB`,
      v.region,
      v.zone,
      String(v.encrypted),
      v.attached_machine_id ?? '',
      v.created_at,
    ]);
    return { stdout: table(['ID', 'State', 'Name', 'Size', 'Region', 'Zone', 'Encrypted', 'Attached VM', 'Created At'], rows) };
  },
  'volumes create'({ state, name, app, flags, args }) {
    const [volume] = args;
    if (!flags.yes && flags.count <= 1 && !(app?.volumes ?? []).some((v) => v.name === volume))
      return fail(
        'yes flag must be specified when not running interactively',
        'Warning! Every volume is pinned to a specific physical host. You should create two or more volumes per application to avoid downtime. Learn more at https://fly.io/docs/volumes/overview/\n',
      );
    if (!app) return fail('Could not find App');
    if (!flags.region) return fail('region code must be specified when not running interactively');
    if (!state.regions.includes(flags.region)) return fail(`region ${flags.region} not found`);
    if (flags.count !== 1) return { code: 98, stderr: 'flyctl stand-in: volumes create --count other than 1 is not modelled\n' };
    const v = Object.assign(fixture('volume'), {
      id: `vol_${(++state.seq).toString(36).padStart(6, '0')}`,
      name: volume,
      size_gb: flags.size,
      region: flags.region,
      snapshot_retention: flags['snapshot-retention'],
      encrypted: !flags['no-encryption'],
    });
    app.volumes.push(v);
    if (flags.json) return render(v);
    const fields = [
      ['ID', v.id],
      ['Name', v.name],
      ['App', name],
      ['Region', v.region],
      ['Zone', v.zone],
      ['Size GB', v.size_gb],
      ['Encrypted', v.encrypted],
      ['Created at', v.created_at],
      ['Snapshot retention', v.snapshot_retention],
      ['Scheduled snapshots', v.auto_backup_enabled],
    ];
    return { stdout: fields.map(([k, x]) => `${k.padStart(20)}: ${x}`).join('\n') + '\n' };
  },
  'secrets list'({ app, flags }) {
    if (!app) return fail('Could not find App');
    const secrets = Object.entries(app.secrets).map(([n, s]) =>
      Object.assign(fixture('secret'), { name: n, digest: s.digest, status: s.deployed ? 'Deployed' : 'Staged' }),
    );
    if (flags.json) return render(secrets);
    const staged = secrets.filter((s) => s.status === 'Staged').length;
    const rows = secrets.map((s) => [`${s.status === 'Staged' ? '* ' : ''}${s.name}`, s.digest, s.status]);
    const summary = staged
      ? `There ${staged === 1 ? 'is' : 'are'} ${staged} secret${staged === 1 ? '' : 's'} not deployed. Deploy with \`fly secrets deploy\` to make them available.\n`
      : '';
    return { stdout: table(['Name', 'Digest', 'Status'], rows) + summary };
  },
  'secrets import'({ app, flags, call }) {
    if (!app) return fail('Could not find App');
    let parsed;
    try {
      parsed = parseSecrets(call.stdin);
    } catch (e) {
      return fail(`Failed to parse secrets from stdin: ${e.message}`);
    }
    if (Object.keys(parsed).length < 1) return fail('requires at least one SECRET=VALUE pair');
    for (const [n, value] of Object.entries(parsed)) app.secrets[n] = { digest: sha(value).slice(0, 16), deployed: false };
    if (flags.stage)
      return {
        stdout: 'Secrets have been staged, but not set on VMs. Deploy or update machines in this app for the secrets to take effect.\n',
      };
    if (app.machines.length === 0) return { stdout: 'Secrets are staged for the first deployment\n' };
    return { code: 98, stderr: 'flyctl stand-in: secrets import without --stage on a deployed app (a release) is not modelled\n' };
  },
  'ips list'({ app, flags }) {
    if (!app) return fail('Could not find App');
    if (flags.json) return render(app.ips);
    const rows = app.ips.map((ip) => [ip.Type, ip.Address, ipKind(ip.Type), ip.Region, ip.CreatedAt]);
    return {
      stdout:
        table(['Version', 'IP', 'Type', 'Region', 'Created At'], rows) +
        'Learn more about Fly.io public, private, shared and dedicated IP addresses in our docs: https://fly.io/docs/networking/services/\n',
    };
  },
  'ips allocate-v4'(ctx) {
    if (!ctx.flags.shared && !ctx.flags.yes) return fail(YES_NEEDED);
    // a dedicated IPv4 releases the shared one (Fly's docs, "Public Network Services")
    if (!ctx.flags.shared && ctx.app) ctx.app.ips = ctx.app.ips.filter((ip) => ip.Type !== 'shared_v4');
    return allocate(ctx, ctx.flags.shared ? 'shared_v4' : 'v4');
  },
  'ips allocate-v6'(ctx) {
    return allocate(ctx, ctx.flags.private ? 'private_v6' : 'v6');
  },
  'image show'({ app, flags }) {
    if (!app) return fail('get app: Could not find App');
    // show.go: a nil slice when there are no machines, so --json prints null
    const images = app.machines.length
      ? app.machines.map((m) =>
          Object.assign(fixture('image'), {
            MachineID: m.id,
            Registry: m.image_ref.registry,
            Repository: m.image_ref.repository,
            Tag: m.image_ref.tag,
            Digest: m.image_ref.digest,
          }),
        )
      : null;
    if (flags.json) return render(images);
    const rows = (images ?? []).map((i) => [i.MachineID, i.Registry, i.Repository, i.Tag, i.Version, i.Digest, i.Labels]);
    return { stdout: table(['Machine ID', 'Registry', 'Repository', 'Tag', 'Version', 'Digest', 'Labels'], rows, 'Image Details') };
  },
  deploy,
  /**
   * internal/command/apps/list.go: the apps of `--org` (fly-go GetOrganizationBySlug first: an unknown
   * slug is the GraphQL API's `Could not find`, inside fly-go's `failed to run <query>: …`), else of
   * every organization; `--json` prints fly-go `App` objects (Go field names) with the fields its query
   * asks for, in the order the apps were created.
   */
  'apps list'({ state, flags }) {
    if (flags.org && !state.orgs.includes(flags.org))
      return fail(`error getting organization: failed to run ${ORG_BY_SLUG_QUERY}: Could not find`);
    const apps = Object.entries(state.apps)
      .filter(([, a]) => !flags.org || a.org === flags.org)
      .map(([name, a]) => {
        const out = Object.assign(fixture('app'), {
          ID: name,
          Name: name,
          Status: a.deployed ? 'deployed' : 'pending',
          Deployed: a.deployed,
          Hostname: `${name}.fly.dev`,
          CurrentRelease: a.releases.length ? { CreatedAt: '2026-11-29T00:00:00Z', Status: 'complete' } : null,
        });
        out.Organization = { ...out.Organization, Slug: a.org, Name: a.org, Type: '' };
        return out;
      });
    if (flags.json) return render(apps);
    if (apps.length === 0) return { stdout: flags.quiet ? '' : 'No apps found\n' };
    if (flags.quiet) return { stdout: apps.map((a) => `${a.Name}\n`).join('') + '\n' };
    const rows = apps.map((a) => [a.Name, a.Organization.Slug, a.Status, a.CurrentRelease ? 'Nov 29 2026 00:00' : '']);
    return { stdout: table(['Name', 'Owner', 'Status', 'Latest Deploy'], rows) };
  },
  /**
   * internal/command/machine/list.go: the Machines API's list of the app's machines (fly-go flaps
   * List: `failed to list VMs: app not found` for an app it does not know); `--json` prints them as
   * fly-go machine_types.go has them, `[]` for none.
   */
  'machine list'({ name, app, flags }) {
    if (!app) return fail('failed to list VMs: app not found');
    if (flags.json) return render(app.machines);
    if (app.machines.length === 0) return { stdout: flags.quiet ? '' : `No machines are available on this app ${name}\n` };
    if (flags.quiet)
      return {
        stdout: table(
          [''],
          app.machines.map((m) => [m.id]),
        ).replace(/^\n/, ''),
      };
    const rows = app.machines.map((m) => [
      m.id,
      m.name,
      m.state,
      '',
      m.region,
      '',
      `${m.image_ref?.repository ?? ''}:${m.image_ref?.tag ?? ''}`,
      m.private_ip,
      m.config.mounts?.[0]?.volume ?? '',
      m.created_at,
      m.updated_at,
      m.config.metadata.fly_process_group,
      `${m.config.guest.cpu_kind}-cpu-${m.config.guest.cpus}x:${m.config.guest.memory_mb}MB`,
    ]);
    const headers = ['ID', 'Name', 'State', 'Checks', 'Region', 'Role', 'Image', 'IP Address', 'Volume', 'Created', 'Last Updated'];
    return {
      stdout:
        `${app.machines.length} machines have been retrieved from app ${name}.\nView them in the UI here (https://fly.io/apps/${name}/machines/)\n\n` +
        table([...headers, 'Process Group', 'Size'], rows, name),
    };
  },
  /** internal/command/agent/stop.go: dial the agent of this config folder and kill it */
  'agent stop'({ state, call }) {
    const dir = configDirOf(call.env);
    if (!(state.agents ?? []).includes(dir)) return fail('failed dialing agent: agent not running');
    state.agents = state.agents.filter((d) => d !== dir);
    return {};
  },
  'ssh console'(ctx) {
    const { name, app, flags } = ctx;
    if (!app) return fail('get app: Could not find App');
    // lookupAddressAndContainer: a started machine (ssh console does not wake a stopped or suspended one)
    const machine = app.machines.find((m) => m.state === 'started' && (!flags.machine || m.id === flags.machine));
    if (!machine)
      return fail(
        `app ${name} has no started VMs.\nIt may be unhealthy or not have been deployed yet.\nTry the following command to verify:\n\nfly status`,
      );
    if (!flags.command) return { code: 98, stderr: 'flyctl stand-in: an interactive ssh console is not modelled\n' };
    saveWireGuardState(ctx.call.env, app.org);
    // agent.StartDaemon: a background `flyctl agent run`, the token in its environment, its socket in the config folder
    ctx.state.agents = [...new Set([...(ctx.state.agents ?? []), configDirOf(ctx.call.env)])];
    return runInMachine(machine, name, flags.command);
  },
};

/**
 * internal/wireguard StateForOrg → config.SetWireGuardState: the WireGuard peer `ssh console` sets up
 * (its PRIVATE key among it) is written to config.yml in helpers.GetConfigDirectory(): FLY_CONFIG_DIR,
 * else ~/.fly.
 */
function configDirOf(env) {
  return env.FLY_CONFIG_DIR || path.join(env.HOME || require('node:os').homedir(), '.fly');
}

function saveWireGuardState(env, org) {
  const dir = configDirOf(env);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const key = crypto.randomBytes(32).toString('base64');
  fs.writeFileSync(
    path.join(dir, 'config.yml'),
    `access_token: ""\nwire_guard_state:\n  ${org}:\n    peer:\n      privatekey: ${key}\n      name: interactive-stand-in\n`,
    { mode: 0o600 },
  );
}

/**
 * ssh/io.go: the --command string is one SSH exec request (`sess.Run(cmd)`); Fly's SSH server splits
 * it into words as a shell would (quotes, backslashes) and runs them with no shell. The stand-in runs
 * those words here, with the machine's environment (fly.toml [env], --env, and the FLY_* variables a
 * Fly machine has), as `ssh console` prints it: the remote output as it comes, and for a non-zero exit
 * `Error: ssh shell: Process exited with status N`, flyctl exiting 1 (internal/cli: no code is mapped).
 */
function runInMachine(machine, name, command) {
  const words = shellSplit(command);
  if (words.error) return fail(`ssh shell: ${words.error}`);
  const env = {
    PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    ...machine.config.env,
    FLY_APP_NAME: name,
    FLY_MACHINE_ID: machine.id,
    FLY_REGION: machine.region,
    FLY_IMAGE_REF: machine.config.image,
  };
  const r = require('node:child_process').spawnSync(words[0], words.slice(1), { env, encoding: 'utf8', timeout: 20_000 });
  if (r.error)
    return {
      stdout: r.stdout ?? '',
      ...fail(`ssh shell: ${r.error.code === 'ENOENT' ? `exec: "${words[0]}": executable file not found in $PATH` : r.error.message}`),
    };
  if (r.status !== 0) return { stdout: r.stdout, ...fail(`ssh shell: Process exited with status ${r.status ?? 255}`, r.stderr) };
  return { stdout: r.stdout, stderr: r.stderr };
}

/** Words of a command line as a POSIX shell reads them (google/shlex): '…' literal, "…" with \ escapes, \ outside quotes. */
function shellSplit(text) {
  const words = [];
  let word = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (/\s/.test(c)) {
      if (word !== null) words.push(word);
      word = null;
    } else if (c === "'") {
      const end = text.indexOf("'", i + 1);
      if (end === -1) return { error: 'EOF found when expecting closing quote' };
      word = (word ?? '') + text.slice(i + 1, end);
      i = end;
    } else if (c === '"') {
      word ??= '';
      for (i++; i < text.length && text[i] !== '"'; i++) word += text[i] === '\\' && i + 1 < text.length ? text[++i] : text[i];
      if (i >= text.length) return { error: 'EOF found when expecting closing quote' };
    } else if (c === '\\') {
      if (i + 1 >= text.length) return { error: 'EOF found after escape character' };
      word = (word ?? '') + text[++i];
    } else word = (word ?? '') + c;
  }
  if (word !== null) words.push(word);
  return words.length ? words : { error: 'no command' };
}

/**
 * appconfig DetermineIPType (config.go): `[[services]]` only; a UDP service, a TCP port other than
 * 80/443 (fly-go HasNonHttpPorts), 80 without exactly the http handler, or 443 without http+tls is
 * "dedicated"; else "shared". --flycast asks for "private".
 */
function determineIPType(toml, flags) {
  if (flags.flycast) return 'private';
  const services = toml.services ?? [];
  if (services.some((s) => s.protocol === 'udp')) return 'dedicated';
  for (const s of services) {
    if (s.protocol !== 'tcp') continue;
    for (const p of s.ports ?? []) {
      const handlers = (p.handlers ?? []).join(',');
      if (p.start_port !== undefined && p.end_port !== undefined && p.end_port - p.start_port > 1) return 'dedicated';
      if (p.port !== 80 && p.port !== 443) return 'dedicated';
      if (p.port === 80 && handlers !== 'http') return 'dedicated';
      if (p.port === 443 && handlers !== 'http,tls' && handlers !== 'tls,http') return 'dedicated';
    }
  }
  return 'shared';
}

/**
 * deploy_first.go provisionIpsOnFirstDeploy: only on a first deploy of an app with services, not with
 * --no-public-ips, and never when the app already has any IP. "dedicated" asks a question
 * (prompt.Confirmf); without a terminal that is ErrNonInteractive and NOTHING is allocated, silently
 * (--yes is not consulted). "shared" allocates v6 and a shared v4; "private" a private v6.
 */
function provisionIpsOnFirstDeploy(ctx, toml) {
  const { app, flags, name } = ctx;
  const services = [...(toml.services ?? []), ...(toml.http_service ? [toml.http_service] : [])];
  if (services.length === 0 || flags['no-public-ips'] || app.ips.length > 0) return '';
  switch (determineIPType(toml, flags)) {
    case 'dedicated':
      return '\n'; // the prompt failed: no terminal (stdin and stdout are not TTYs)
    case 'shared': {
      const v6 = allocate(ctx, 'v6').ip.Address;
      const v4 = allocate(ctx, 'shared_v4').ip.Address;
      return `Provisioning ips for ${name}\n  Dedicated ipv6: ${v6}\n  Shared ipv4: ${v4}\n  Add a dedicated ipv4 with: fly ips allocate-v4\n\n`;
    }
    default:
      return `Provisioning ip address for ${name}\n  Private ipv6: ${allocate(ctx, 'private_v6').ip.Address}\n\n`;
  }
}

function ipKind(type) {
  return (
    {
      v4: 'public ingress (dedicated, $2/mo)',
      shared_v4: 'public ingress (shared)',
      v6: 'public ingress (dedicated)',
      private_v6: 'private ingress',
    }[type] ?? type
  );
}

function allocate({ state, app, flags }, type) {
  if (!app) return fail('Could not find App');
  const n = ++state.seq;
  const ip = Object.assign(fixture('ip'), {
    ID: type === 'shared_v4' ? '' : `ip_${n}`,
    Address: type.endsWith('v4') ? `137.66.0.${n}` : `2a09:8280:1::${n.toString(16)}`,
    Type: type,
    Region: flags.region || 'global',
  });
  app.ips.push(ip);
  if (type === 'shared_v4') return { ip, stdout: table(['Version', 'IP', 'Type', 'Region'], [['v4', ip.Address, 'shared', 'global']]) };
  return {
    ip,
    stdout: table(['Version', 'IP', 'Type', 'Region', 'Created At'], [[type, ip.Address, ipKind(type), ip.Region, ip.CreatedAt]]),
  };
}

/** deploy.go parseDurationFlag: a Go duration, a number of seconds, or "none" */
const DURATION = /^(none|\d+|([0-9]*\.?[0-9]+(ns|us|µs|ms|s|m|h))+)$/;
/** appconfig/validation.go */
const STRATEGIES = ['canary', 'rolling', 'immediate', 'bluegreen'];

function deploy(ctx) {
  const { state, cwd, flags, name, toml, app } = ctx;
  for (const f of ['wait-timeout', 'release-command-timeout', 'lease-timeout'])
    if (!DURATION.test(flags[f]))
      return fail(
        `invalid duration value ${flags[f]} used for --${f} flag: valid options are a number of seconds, number with time unit (i.e.: 5m, 180s) or 'none'`,
      );
  if (flags['vm-gpus'] || flags['vm-gpu-kind'])
    return fail('GPU machines are no longer supported: --vm-gpu-kind and --vm-gpus are no longer accepted');
  if (!toml) {
    if (!app) return fail(`the app name ${name} could not be found, did you create the app or misspell it in the fly.toml file or via -a?`);
    return { code: 98, stderr: 'flyctl stand-in: deploy without a local fly.toml is not modelled\n' };
  }
  // DeployWithConfig asks the Machines API for the app first: --app (or FLY_APP) wins over fly.toml's app
  if (!app) return fail('app not found');
  const strategy = flags.strategy || toml.deploy?.strategy || 'rolling';
  const mounts = toml.mounts ?? [];
  const invalid = !STRATEGIES.includes(strategy)
    ? `unsupported deployment strategy '${strategy}'; Apps v2 supports the following strategies: ${STRATEGIES.join(', ')}`
    : strategy === 'canary' && mounts.length > 0
      ? 'error canary deployment strategy is not supported when using mounted volumes'
      : mounts.length > 1
        ? "group 'app' has more than one [[mounts]] section defined"
        : '';
  if (invalid) return fail('App configuration is not valid', `${invalid}\n`);
  // strategy_bluegreen.go Deploy: the machines being replaced need at least one check (top level or a service's)
  const checks =
    Object.keys(toml.checks ?? {}).length +
    (toml.services ?? []).reduce((n, s) => n + (s.tcp_checks ?? []).length + (s.http_checks ?? []).length, 0) +
    (toml.http_service?.checks ?? []).length;
  if (strategy === 'bluegreen' && app.machines.length > 0 && checks === 0)
    return {
      code: 1,
      stdout: `Updating existing machines in '${name}' with bluegreen strategy\n`,
      stderr:
        '\nVerifying if app can be safely deployed \n\n\nYou need to define at least 1 check in order to use blue-green deployments. Refer to https://fly.io/docs/reference/configuration/#services-tcp_checks\nError: app not in valid state for bluegreen deployments\n',
    };
  state.deploys = [...(state.deploys ?? []), { app: name, config: ctx.tomlFile, strategy }];
  if (!state.regions.includes(toml.primary_region)) return fail(`region ${toml.primary_region} not found`);
  let imageRef;
  let out = '==> Verifying app config\n--> Verified app config\n==> Building image\n';
  if (flags.image) {
    imageRef = splitRef(flags.image);
    out += `Searching for image '${flags.image}' remotely...\nimage found: img_${imageRef.digest.slice(7, 19)}\n`;
  } else {
    const dockerfile = flags.dockerfile || (fs.existsSync(path.join(cwd, 'Dockerfile')) ? 'Dockerfile' : '');
    if (!dockerfile)
      return fail(
        'failed to fetch an image or build from source: app does not have a Dockerfile or buildpacks configured. See https://fly.io/docs/reference/configuration/#the-build-section',
      );
    const df = path.resolve(cwd, dockerfile);
    if (!fs.existsSync(df)) return fail(`failed to fetch an image or build from source: dockerfile '${df}' not found`);
    const buildArgs = flags['build-arg'];
    const noCache = flags['no-cache'];
    state.builds.push({ app: name, dockerfile: flags.dockerfile, cwd, buildArgs, noCache, remoteOnly: flags['remote-only'] });
    const digest = `sha256:${sha(fs.readFileSync(df, 'utf8') + JSON.stringify(buildArgs) + (noCache ? `#${++state.seq}` : ''))}`;
    imageRef = {
      registry: 'registry.fly.io',
      repository: name,
      tag: flags['image-label'] || `deployment-${(++state.seq).toString(36).toUpperCase()}`,
      digest,
    };
    out += `==> Building image with Depot\n--> build: 1/1 done\n--> Pushing image done\nimage: registry.fly.io/${name}:${imageRef.tag}\n`;
  }
  out += `\nWatch your deployment at https://fly.io/apps/${name}/monitoring\n\n`;
  if (state.failDeploy) return { code: 1, stdout: out, stderr: `Error: ${state.failDeploy}\n` };
  const machineConfig = machineConfigOf(toml, cwd);
  if (machineConfig.error) return { ...machineConfig.error, stdout: out };
  const env = { ...(toml.env ?? {}) };
  for (const kv of flags.env) {
    const eq = kv.indexOf('=');
    env[kv.slice(0, eq)] = kv.slice(eq + 1);
  }
  const firstDeploy = !app.deployed && app.machines.length === 0;
  if (firstDeploy) out += provisionIpsOnFirstDeploy(ctx, toml);
  app.version += 1;
  const image = flags.image || `${imageRef.registry}/${imageRef.repository}:${imageRef.tag}`;
  for (const mount of mounts) {
    if (!app.volumes.some((v) => v.name === mount.source))
      app.volumes.push(
        Object.assign(fixture('volume'), { id: `vol_${++state.seq}`, name: mount.source, size_gb: 1, region: toml.primary_region }),
      );
  }
  // machines_deploymachinesapp.go: a new group gets a spare machine with --ha, never when it has mounts
  const count = app.machines.length > 0 ? app.machines.length : flags.ha && mounts.length === 0 ? 2 : 1;
  while (app.machines.length < count) {
    const m = fixture('machine');
    m.id = `${(++state.seq).toString(16).padStart(14, '0')}`;
    m.name = `machine-${state.seq}`;
    m.region = toml.primary_region;
    app.machines.push(m);
    out += `No machines in group app, launching a new machine\n`;
  }
  for (const m of app.machines) {
    m.state = 'started';
    m.image_ref = imageRef;
    m.config.image = image;
    m.config.env = env;
    // appconfig updateMachineConfig: machine_config is unmarshalled INTO the machine's config (its metadata map
    // keeps its keys and gains these), then flyctl's own keys; setMachineReleaseData adds the release's
    // (the process group is the machine's own: a flattened config's only group)
    const group = m.config.metadata.fly_process_group || 'app';
    m.config.metadata = {
      ...m.config.metadata,
      ...machineConfig.metadata,
      fly_flyctl_version: VERSION,
      fly_platform_version: 'v2',
      fly_process_group: group,
    };
    m.config.metadata.fly_release_version = String(app.version);
  }
  for (const s of Object.values(app.secrets)) s.deployed = true;
  app.deployed = true;
  app.releases.push({ Version: app.version, Status: 'complete', ImageRef: image, Description: 'Release', DeploymentStrategy: strategy });
  // Config.URL(): only an [http_service] or a service with an http handler has one
  const http = toml.http_service || (toml.services ?? []).some((s) => (s.ports ?? []).some((p) => (p.handlers ?? []).includes('http')));
  if (http && !flags['no-public-ips'] && !flags.flycast) out += `\nVisit your newly deployed app at https://${name}.fly.dev/\n`;
  // deploy.go: said whenever --no-public-ips is given, whatever addresses the app has
  else if (flags['no-public-ips']) out += '\nYour app is deployed but does not have a public or private IP address\n';
  return { stdout: out };
}

/**
 * fly.toml's machine_config (appconfig/machines.go updateMachineConfig → internal/config/machine.go
 * ParseConfig): `[experimental] machine_config` when set, else the top-level key; JSON when it starts
 * with `{`, a file when it ends in `.json` (opened as written, from flyctl's working directory), any
 * other value refused. Go's json.Unmarshal into fly.MachineConfig: `metadata` is map[string]string
 * (another value type is refused with encoding/json's message). Only `metadata` is modelled: any
 * other key of the machine config stops the stand-in (98), never silently dropped.
 */
/** encoding/json's name of a JSON value's kind in an UnmarshalTypeError */
const goType = (v) => (Array.isArray(v) ? 'array' : typeof v === 'boolean' ? 'bool' : typeof v);

function machineConfigOf(toml, cwd) {
  const mc = (toml.experimental?.machine_config || toml.machine_config) ?? '';
  if (mc === '') return { metadata: {} };
  // fly.toml decoded into a string field: go-toml's type error (Config.v2UnmarshalError) is not modelled
  if (typeof mc !== 'string')
    return { error: { code: 98, stderr: 'flyctl stand-in: a machine_config that is not a string is not modelled\n' } };
  let text;
  if (mc.startsWith('{')) text = mc;
  else if (mc.endsWith('.json')) {
    try {
      text = fs.readFileSync(path.resolve(cwd, mc), 'utf8');
    } catch {
      return { error: fail(`open ${mc}: no such file or directory`) };
    }
  } else return { error: fail(`invalid machine config source: ${JSON.stringify(mc)}`) };
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    return { error: fail(`invalid machine config ${JSON.stringify(mc)}: ${e.message}`) };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    return {
      error: fail(
        `invalid machine config ${JSON.stringify(mc)}: json: cannot unmarshal ${goType(parsed)} into Go value of type fly.MachineConfig`,
      ),
    };
  const other = Object.keys(parsed).filter((k) => k !== 'metadata');
  if (other.length)
    return {
      error: { code: 98, stderr: `flyctl stand-in: machine_config keys other than metadata are not modelled (${other.join(', ')})\n` },
    };
  const metadata = parsed.metadata ?? {};
  if (typeof metadata !== 'object' || Array.isArray(metadata))
    return {
      error: fail(
        `invalid machine config ${JSON.stringify(mc)}: json: cannot unmarshal ${goType(metadata)} into Go struct field MachineConfig.metadata of type map[string]string`,
      ),
    };
  // encoding/json: null into a map's string element stores "" (null is a no-op for the string itself)
  const out = {};
  for (const [k, v] of Object.entries(metadata)) {
    if (v !== null && typeof v !== 'string')
      return {
        error: fail(
          `invalid machine config ${JSON.stringify(mc)}: json: cannot unmarshal ${goType(v)} into Go struct field MachineConfig.metadata of type string`,
        ),
      };
    out[k] = v ?? '';
  }
  return { metadata: out };
}

/** The commands that need an app (command.RequireAppName) */
const NEEDS_APP = new Set([
  'machine list',
  'status',
  'volumes list',
  'volumes create',
  'secrets list',
  'secrets import',
  'ips list',
  'ips allocate-v4',
  'ssh console',
  'ips allocate-v6',
  'image show',
  'deploy',
]);

function handler(call, state) {
  state.orgs ??= ['personal'];
  state.regions ??= ['sjc', 'ord', 'iad', 'fra', 'ams', 'lhr', 'nrt', 'syd'];
  state.apps ??= {};
  state.seq ??= 0;
  state.builds ??= [];
  call.env ??= {};
  const parsed = cobra.parse(TREE, call.argv, GLOBAL);
  if (parsed.answer) return parsed.answer;
  const { flags, args } = parsed;
  const command = parsed.path.join(' ');
  if (command === '')
    return flags.version ? { stdout: `flyctl version ${VERSION}\n` } : { stdout: 'This is flyctl, the Fly.io command line interface.\n' };
  if (command === 'version') {
    const info = {
      Name: 'flyctl',
      Version: VERSION,
      Commit: COMMIT,
      BranchName: '',
      BuildDate: BUILD_DATE,
      OS: 'linux',
      Architecture: 'amd64',
      Environment: 'production',
    };
    return { stdout: flags.json ? `${JSON.stringify(info)}\n` : `${VERSION_LINE}\n` };
  }
  // `agent stop` has no preparers: no session, no app
  if (command === 'agent stop') return COMMANDS[command]({ state, call });
  // command.RequireSession: a token from FLY_ACCESS_TOKEN / FLY_API_TOKEN, or --access-token
  if (!call.envNames.includes('FLY_ACCESS_TOKEN') && !call.envNames.includes('FLY_API_TOKEN') && !flags['access-token'])
    return fail("no access token available. Please login with 'flyctl auth login'");
  if (state.rejectToken) return fail('You must be authenticated to view this.');
  // internal/cli: a cancelled context (an interrupt) exits 127 and prints nothing
  if (state.interrupt === command) return { code: 127 };
  const ctx = { call, state, flags, args, cwd: call.cwd };
  if (command === 'deploy' && args[0]) {
    // ChangeWorkingDirectoryToFirstArgIfPresent: `--ha false` would make `false` this directory
    ctx.cwd = path.resolve(call.cwd, args[0]);
    if (!fs.existsSync(ctx.cwd) || !fs.statSync(ctx.cwd).isDirectory())
      return fail(
        `failed changing working directory: chdir ${ctx.cwd}: ${fs.existsSync(ctx.cwd) ? 'not a directory' : 'no such file or directory'}`,
      );
  }
  if (NEEDS_APP.has(command)) {
    const found = appName(ctx.cwd, call.env, flags);
    if (found.error) return found.error;
    Object.assign(ctx, { name: found.name, toml: found.toml, tomlFile: found.file, app: state.apps[found.name] });
  }
  return COMMANDS[command](ctx);
}

module.exports = handler;
module.exports.parseSecrets = parseSecrets;
module.exports.VERSION_LINE = VERSION_LINE;
