/**
 * devpod (loft-sh/devpod) stand-in for CONTRACT tests: devpod cannot run here. It answers as devpod
 * v0.6.15 (tag v0.6.15, 33d20ff, 2025-03-10) does, as far as the action's calls reach; read from that
 * tag's source (notes: /work/notes/research/devpod.md):
 *   cmd/root.go, cmd/flags/flags.go  global flags (--devpod-home --log-output --context --provider
 *                           --debug --silent, hidden --uid --agent-dir); SilenceErrors: every error is
 *                           one `HH:MM:SS fatal <message>` line on stderr, coloured even off a terminal
 *                           (vendor/github.com/loft-sh/log stream_logger.go, mgutz/ansi), exit 1; an
 *                           unknown word under `provider` prints the group's help and exits 0 (cobra)
 *   log levels              info/done on stdout, warn/error/fatal on stderr (stream_logger.go getStream)
 *   cmd/version.go          `v0.6.15`, no newline
 *   cmd/provider/list.go    `provider list --output json` → { [name]: { config: ProviderConfig, state:
 *                           { initialized, options: { KEY: { value, userProvided? } }, creationTimestamp },
 *                           default? } } (indented, no newline; `default` only when true; state.options
 *                           holds every resolved option: defaults, and values an option's command filled
 *                           in, credentials included)
 *   cmd/provider/add.go     `provider add <name> [-o KEY=VALUE]…` (--use defaults to true); built in:
 *                           docker, kubernetes; aws, gcloud, azure, digitalocean, ssh come from GitHub (the
 *                           stand-in answers as if the download and the provider's init succeeded)
 *   cmd/provider/set_options.go  `provider set-options <name> -o KEY=VALUE…` ("please specify option")
 *   pkg/provider/parse.go   options: KEY upper-cased and trimmed, `parse options: invalid option …`
 *   pkg/options/resolver    `resolve options: option X is required, but no value provided`
 *   cmd/list.go             `list --output json` → provider.Workspace[] sorted by id, no newline, `[]` when
 *                           none (id, uid, provider{name}, machine{}, ide{name}, source{localFolder},
 *                           devContainerImage?, devContainerPath?, creationTimestamp, lastUsed, context); `--skip-pro`
 *                           (the plan's read) lists the local records only, which is all the stand-in has: it
 *                           models no pro instance (pkg/workspace/list.go)
 *   cmd/status.go           `status <id> --output json` → {id, context, provider, state}, no newline; plain
 *                           text on stderr; `workspace X doesn't exist`
 *   cmd/up.go, pkg/workspace/workspace.go  every error `prepare workspace client: …`; env files first
 *                           (pkg/devcontainer/config/parse.go ParseKeyValueFile, the line echoed), then the
 *                           id (`[a-z0-9-]`, ≤ 48), then the workspace is saved (a new random 16-character
 *                           uid), then --ide; devContainerImage/Path are recorded only when passed, and
 *                           the image runs only when passed on this call (else devcontainer.json's)
 *   cmd/delete.go, pkg/workspace/delete.go  `couldn't find workspace X`; --ignore-not-found prints
 *                           `Successfully deleted workspace ''`
 *   cmd/ssh.go, pkg/ssh/server/ssh.go  `ssh <id> --command <cmd>`: the workspace must exist and run (it is
 *                           never started: `DevPod workspace wasn't found`); the command runs as
 *                           `<the user's shell> -c <cmd>` inside; a non-zero exit arrives wrapped
 *                           (`tunnel to container: run in container: … Process exited with status N`) so
 *                           root.go's type check misses it: exit 1 whatever N was
 * Commands that exist in v0.6.15 but that the action never calls answer exit 99 "not modelled".
 *
 * WHERE STATE LIVES (issue 27), as in devpod: what devpod knows lives only under DEVPOD_HOME (the
 * `--devpod-home` flag, else $DEVPOD_HOME, else ~/.devpod; pkg/config/dir.go): providers and workspace
 * records (`<home>/stand-in.json`). What the provider created (containers, pods + PVCs, machines) lives
 * with the provider, named by the workspace's RUNNER ID: its uid, or its id when the uid is not 16 or 40
 * characters long (pkg/devcontainer/run.go, encoding.go IsLegacyUID); a new workspace gets a random uid
 * unless the hidden global `--uid` names one (workspace.go L393-396). So a second runner (another
 * DEVPOD_HOME) knows nothing: `list` is empty, `status`/`delete` fail, and `up` makes a new uid — a new
 * container/pod — leaving the old one behind, unless `--uid` names the same one, then devpod finds it by
 * its label / PVC name and reuses it (single.go L45-82). The stand-in keeps the provider side in the
 * shared state file; with FAKE_DEVPOD_ENGINE=docker (fakes.setEnv) the docker provider's containers are
 * REAL containers on the engine (labels `dev.containers.id=<runner id>` plus devcontainer.json's runArgs,
 * env DEVPOD_WORKSPACE_ID/UID), started from the workspace image (a build: local/busybox:base), so
 * `ssh --command` really runs in them.
 * home state: { providers: { [name]: { options: { KEY: value } (user-provided), filled?: { KEY: value } } },
 *   defaultProvider?, workspaces: [{ id, uid, provider, image, devcontainerPath, localFolder, created }] }
 * shared state: { resources: { [runnerId]: { workspaceId, uid, provider, container (a new id whenever it is
 *   created anew), real?, running, envNames, devcontainer, ups } }, failUp?: string (the next `up` saves
 *   the workspace, then fails with that message) }
 */
'use strict';
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { read, usage, unknownCommand, ParseError } = require('./cobra.cjs');

const VERSION = 'v0.6.15';
const NOT_MODELLED = 99;

const bool = (def) => ({ type: 'bool', default: def });
const str = (def) => ({ type: 'string', default: def });
/** a cobra.cjs flag list from a { name: flag } table */
const flagList = (table) => Object.entries(table).map(([name, f]) => ({ name, ...f }));
const OPTION = { option: { type: 'stringArray', short: 'o' } };
const OUTPUT = { output: str('plain') };

/** cmd/up.go NewUpCmd, pkg/flags SetGitCredentialsFlags */
const UP_FLAGS = {
  'git-username': str(''), 'git-token': str(''),
  'configure-ssh': bool(true), 'gpg-agent-forwarding': bool(false), 'ssh-config': str(''),
  dotfiles: str(''), 'dotfiles-script': str(''), 'dotfiles-script-env': { type: 'stringSlice' }, 'dotfiles-script-env-file': { type: 'stringSlice' },
  'ide-option': { type: 'stringArray' }, 'devcontainer-image': str(''), 'devcontainer-path': str(''),
  'environment-template': str(''), 'environment-template-version': str(''), 'provider-option': { type: 'stringArray' },
  reconfigure: bool(false), recreate: bool(false), reset: bool(false), 'prebuild-repository': { type: 'stringSlice' },
  'workspace-env': { type: 'stringArray' }, 'workspace-env-file': { type: 'stringSlice' }, 'init-env': { type: 'stringArray' },
  id: str(''), machine: str(''), ide: str(''), 'open-ide': bool(true), 'git-clone-strategy': str(''),
  'git-clone-recursive-submodules': bool(false), 'git-ssh-signing-key': str(''), 'fallback-image': str(''),
  'disable-daemon': bool(false), source: str(''), proxy: bool(false), 'force-credentials': bool(false),
  'setup-loft-platform-access': bool(false), 'ssh-key': str(''), 'daemon-interval': str(''), 'force-dockerless': bool(false),
}; // prettier-ignore

const opaque = (use, o = {}) => ({ use, run: true, opaque: true, ...o });

/** cmd/flags/flags.go: persistent on the root, so on every command */
const GLOBAL = flagList({
  'devpod-home': str(''), 'log-output': str('plain'), context: str(''), provider: str(''),
  debug: bool(false), silent: bool(false), uid: str(''), 'agent-dir': str(''),
}); // prettier-ignore

const TREE = {
  use: 'devpod',
  commands: [
    { use: 'version', run: true, args: ['none'] },
    {
      use: 'provider',
      commands: [
        { use: 'list', aliases: ['ls'], run: true, args: ['none'], flags: flagList(OUTPUT) },
        {
          use: 'add',
          run: true,
          flags: flagList({ 'single-machine': bool(false), name: str(''), 'from-existing': str(''), use: bool(true), ...OPTION }),
        },
        {
          use: 'set-options',
          run: true,
          flags: flagList({ 'single-machine': bool(false), reconfigure: bool(false), ...OPTION, dry: bool(false) }),
        },
        ...['list-available', 'use', 'options', 'delete', 'update'].map((n) => opaque(n)),
      ],
    },
    { use: 'list', aliases: ['ls'], run: true, args: ['none'], flags: flagList({ ...OUTPUT, 'skip-pro': bool(false) }) },
    { use: 'status', run: true, flags: flagList({ 'container-status': bool(true), ...OUTPUT, timeout: str('30s') }) },
    { use: 'up', run: true, flags: flagList(UP_FLAGS) },
    { use: 'delete', run: true, flags: flagList({ 'ignore-not-found': bool(false), 'grace-period': str(''), force: bool(false) }) },
    {
      use: 'ssh',
      run: true,
      flags: flagList({
        'forward-ports': { type: 'stringArray', short: 'L' }, 'reverse-forward-ports': { type: 'stringArray', short: 'R' },
        'send-env': { type: 'stringArray' }, 'set-env': { type: 'stringArray' }, 'forward-ports-timeout': str(''), command: str(''),
        user: str(''), workdir: str(''), proxy: bool(false), 'agent-forwarding': bool(true), 'gpg-agent-forwarding': bool(false),
        stdio: bool(false), 'start-services': bool(true), 'ssh-keepalive-interval': str('55s'), 'reuse-ssh-auth-sock': str(''),
        'git-username': str(''), 'git-token': str(''),
      }), // prettier-ignore
    },
    ...['ide', 'machine', 'context', 'pro', 'use', 'build', 'logs', 'logs-daemon', 'upgrade', 'completion'].map((n) => opaque(n)),
    opaque('stop', { aliases: ['down'] }),
    ...['agent', 'helper', 'export', 'import', 'troubleshoot'].map((n) => opaque(n, { hidden: true })),
  ],
};
/** what cobra suggests from: the root's available commands */
const SUGGESTED = TREE.commands.filter((c) => !c.hidden).map((c) => c.use);

/** the provider definitions (provider.yaml) as far as the action's options reach */
const o = (def, extra = {}) => ({ default: def, ...extra });
const GITHUB = (name, version, description) => ({ source: { github: `loft-sh/devpod-provider-${name}` }, version, description });
const CATALOG = {
  docker: {
    source: { internal: true }, version: 'v0.0.1', description: 'DevPod on Docker',
    options: { INACTIVITY_TIMEOUT: o(), DOCKER_PATH: o('docker'), DOCKER_HOST: o(), DOCKER_BUILDER: o() },
  },
  kubernetes: {
    source: { internal: true }, version: 'v0.0.1', description: 'DevPod on Kubernetes',
    options: {
      DISK_SIZE: o('10Gi'), KUBERNETES_CONTEXT: o(), KUBERNETES_CONFIG: o(), KUBERNETES_PULL_SECRETS_ENABLED: o('true'),
      KUBERNETES_NAMESPACE: o('devpod'), CREATE_NAMESPACE: o('true'), CLUSTER_ROLE: o(), SERVICE_ACCOUNT: o(),
      INACTIVITY_TIMEOUT: o(), POD_TIMEOUT: o('10m'), STORAGE_CLASS: o(), PVC_ACCESS_MODE: o(), PVC_ANNOTATIONS: o(),
      NODE_SELECTOR: o(), RESOURCES: o(), POD_MANIFEST_TEMPLATE: o(), LABELS: o(), DOCKERLESS_IMAGE: o(),
      DOCKERLESS_DISABLED: o('false'), STRICT_SECURITY: o('false'), WORKSPACE_VOLUME_MOUNT: o(), ARCHITECTURE: o(),
    },
  },
  // options filled by a command read the environment (`printf "%s" "${AWS_SECRET_ACCESS_KEY:-}"`); one
  // that asks a cloud CLI (gcloud, az) gets nothing here, as on a runner without that CLI's login
  aws: {
    ...GITHUB('aws', 'v0.0.17', 'DevPod on AWS Cloud'),
    options: {
      AWS_REGION: o(undefined, { required: true, env: ['AWS_DEFAULT_REGION'] }), AWS_ACCESS_KEY_ID: o(undefined, { env: ['AWS_ACCESS_KEY_ID'] }),
      AWS_SECRET_ACCESS_KEY: o(undefined, { env: ['AWS_SECRET_ACCESS_KEY'] }), AWS_PROFILE: o(undefined, { env: ['AWS_PROFILE'], otherwise: 'default' }),
      AWS_DISK_SIZE: o('40'), AWS_INSTANCE_TYPE: o('c5.xlarge'), AWS_SUBNET_ID: o(''), AWS_SECURITY_GROUP_ID: o(''),
      AWS_USE_SPOT_INSTANCE: o('false'), INACTIVITY_TIMEOUT: o('10m'), INJECT_GIT_CREDENTIALS: o('true'),
      INJECT_DOCKER_CREDENTIALS: o('true'), AGENT_PATH: o('/var/lib/toolbox/devpod'),
    },
  },
  gcloud: {
    ...GITHUB('gcloud', 'v0.0.12', 'DevPod on Google Cloud'),
    options: {
      PROJECT: o(undefined, { required: true, env: [] }), ZONE: o(undefined, { required: true, env: [], otherwise: 'europe-west2-b' }),
      DISK_SIZE: o('40'), MACHINE_TYPE: o('c2-standard-4'), TAG: o('devpod'), INACTIVITY_TIMEOUT: o('5m'),
      INJECT_GIT_CREDENTIALS: o('true'), INJECT_DOCKER_CREDENTIALS: o('true'), AGENT_PATH: o('/var/lib/toolbox/devpod'),
    },
  },
  azure: {
    ...GITHUB('azure', 'v0.11.0', 'DevPod on Azure'),
    options: {
      AZURE_SUBSCRIPTION_ID: o(undefined, { required: true, env: [] }), AZURE_RESOURCE_GROUP: o(undefined, { required: true, env: ['AZURE_RESOURCE_GROUP'] }),
      AZURE_REGION: o(undefined, { required: true, env: ['AZURE_REGION'] }), AZURE_DISK_SIZE: o('40'), AZURE_INSTANCE_SIZE: o('Standard_D4s_v3'),
      AZURE_DISK_TYPE: o('StandardSSD_LRS'), INACTIVITY_TIMEOUT: o('10m'), INJECT_GIT_CREDENTIALS: o('true'),
      INJECT_DOCKER_CREDENTIALS: o('true'), AGENT_PATH: o('/var/lib/toolbox/devpod'),
    },
  },
  digitalocean: {
    ...GITHUB('digitalocean', 'v0.0.2', 'DevPod on DigitalOcean'),
    options: {
      TOKEN: o(undefined, { required: true, env: ['DIGITALOCEAN_TOKEN', 'DIGITALOCEAN_ACCESS_TOKEN'] }), REGION: o('fra1', { required: true }),
      DISK_SIZE: o('30'), DISK_IMAGE: o('docker-20-04'), MACHINE_TYPE: o('s-4vcpu-8gb'), INACTIVITY_TIMEOUT: o('10m'),
      INJECT_GIT_CREDENTIALS: o('true'), INJECT_DOCKER_CREDENTIALS: o('true'),
    },
  },
  ssh: {
    ...GITHUB('ssh', 'v0.0.16', 'DevPod on SSH'),
    options: {
      HOST: o(undefined, { required: true }), PORT: o('22'), DOCKER_PATH: o('docker'), EXTRA_FLAGS: o(),
      INJECT_GIT_CREDENTIALS: o('true'), INJECT_DOCKER_CREDENTIALS: o('true'), USE_BUILTIN_SSH: o('false'),
    },
  },
}; // prettier-ignore

const IDES = [
  'none', 'vscode', 'openvscode', 'cursor', 'zed', 'codium', 'intellij', 'pycharm', 'phpstorm', 'rider', 'fleet', 'goland',
  'webstorm', 'rustrover', 'rubymine', 'clion', 'dataspell', 'jupyternotebook', 'vscode-insiders', 'positron', 'rstudio',
]; // prettier-ignore

const pad = (n) => String(n).padStart(2, '0');
const now = () => new Date();
const clock = (d = now()) => `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
const TAGS = { debug: '32', info: '36', warn: '31', error: '31', fatal: '31', done: '32' };

/**
 * devpod's text log: `HH:MM:SS <tag> <message>`, time white+b, tag in its colour; raw: the message only.
 * `errorStreamOnly`: log.Default.ErrorStreamOnly(), every level on stderr (commands that print JSON).
 */
function logger(values, errorStreamOnly = false) {
  const out = { stdout: '', stderr: '' };
  const write = (level, message) => {
    const toErr = errorStreamOnly || ['warn', 'error', 'fatal'].includes(level);
    if (values.silent && level !== 'fatal') return;
    const text =
      values['log-output'] === 'raw'
        ? `${message}\n`
        : `\x1b[0;1;37m${clock()} \x1b[0m\x1b[0;1;${TAGS[level]}m${level} \x1b[0m${message}\n`;
    if (toErr) out.stderr += text;
    else out.stdout += text;
  };
  return {
    out,
    info: (m) => write('info', m),
    done: (m) => write('done', m),
    warn: (m) => write('warn', m),
    /** Execute → log.Default.Fatal(err): one line, exit 1 */
    fatal: (m) => (write('fatal', m), { ...out, code: 1 }),
    ok: (stdout = '') => ({ ...out, stdout: out.stdout + stdout }),
  };
}

function notModelled(what) {
  return {
    code: NOT_MODELLED,
    stderr: `devpod stand-in: ${what} is not modelled (it exists in devpod ${VERSION}; extend __tests__/support/fakes/devpod.cjs)\n`,
  };
}

/** pkg/provider/parse.go ParseOptions */
function parseOptions(list) {
  const out = {};
  for (const kv of list) {
    const i = kv.indexOf('=');
    if (i === -1) throw new Error(`invalid option '${kv}', expected format KEY=VALUE`);
    out[kv.slice(0, i).trim().toUpperCase()] = kv.slice(i + 1);
  }
  return out;
}

/** what an option's command prints here (the environment it reads, else its own fallback) */
function commandValue(spec) {
  for (const name of spec.env ?? []) if (process.env[name]) return process.env[name];
  return spec.otherwise ?? '';
}

/** pkg/options/resolver: user value, else default, else the command's output; a required option left empty fails */
function resolveOptions(name, user) {
  const filled = {};
  for (const [key, spec] of Object.entries(CATALOG[name].options)) {
    if (user[key] !== undefined || spec.default !== undefined) continue;
    if (spec.env) filled[key] = commandValue(spec);
  }
  for (const [key, spec] of Object.entries(CATALOG[name].options)) {
    const value = user[key] ?? spec.default ?? filled[key] ?? '';
    if (spec.required && value === '') throw new Error(`option ${key} is required, but no value provided`);
  }
  return filled;
}

function providerJson(state, name) {
  const p = state.providers[name];
  const def = CATALOG[name] ?? { source: {}, version: '', description: '', options: {} };
  const options = {};
  for (const [key, spec] of Object.entries(def.options)) {
    const value = p.options[key] ?? spec.default ?? p.filled?.[key] ?? '';
    if (value !== '') options[key] = p.options[key] !== undefined ? { value, userProvided: true } : { value };
  }
  for (const [key, value] of Object.entries(p.options)) if (!(key in options)) options[key] = { value, userProvided: true };
  const config = { name, version: def.version, source: def.source, description: def.description, options: {} };
  for (const [key, spec] of Object.entries(def.options)) {
    config.options[key] = { ...(spec.required ? { required: true } : {}), ...(spec.default ? { default: spec.default } : {}) };
  }
  return {
    config,
    state: { initialized: true, options, creationTimestamp: p.creationTimestamp ?? '2025-03-10T09:00:00Z' },
    ...(state.defaultProvider === name ? { default: true } : {}),
  };
}

function providerList(f, state, log) {
  const output = f.flags.output;
  if (output === 'json') {
    const out = {};
    for (const name of Object.keys(state.providers)) out[name] = providerJson(state, name);
    return log.ok(JSON.stringify(out, null, 2));
  }
  if (output !== 'plain') return log.fatal(`unexpected output format, choose either json or plain. Got ${output}`);
  const rows = Object.keys(state.providers)
    .sort()
    .map((n) => `  ${n} | ${CATALOG[n]?.version ?? ''} | ${state.defaultProvider === n} | true | ${CATALOG[n]?.description ?? ''}`);
  return log.ok(['  NAME | VERSION | DEFAULT | INITIALIZED | DESCRIPTION', ...rows, ''].join('\n'));
}

function providerAdd(f, state, log) {
  const v = f.flags;
  if (f.args.length !== 1 && !v['from-existing'])
    return log.fatal(
      'please specify either a local file, url or git repository. E.g. devpod provider add https://path/to/my/provider.yaml',
    );
  if (v.name && /[^a-z0-9-]+/.test(v.name)) return log.fatal('provider name can only include smaller case letters, numbers or dashes');
  if (v.name && v.name.length > 32) return log.fatal('provider name cannot be longer than 32 characters');
  if (v['from-existing']) return notModelled('provider add --from-existing');
  const source = f.args[0];
  if (!CATALOG[source])
    return notModelled(
      `provider add from ${source} (a URL, a file, or a GitHub repository other than loft-sh/devpod-provider-{${Object.keys(CATALOG).join(',')}})`,
    );
  const name = v.name || source;
  if (state.providers[name])
    return log.fatal(`provider ${name} already exists. Please run 'devpod provider delete ${name}' before adding the provider`);
  log.done(`Successfully installed provider ${name}`);
  if (!v.use) return notModelled('provider add --use=false');
  try {
    const user = parseOptionsOr('parse options', v.option);
    const filled = resolveOrWrap(name, user);
    state.providers[name] = {
      options: user,
      filled,
      creationTimestamp: now()
        .toISOString()
        .replace(/\.\d+Z$/, 'Z'),
    };
  } catch (e) {
    // add.go: configuring failed, so the provider is deleted again
    return log.fatal(`configure provider: ${e.message}`);
  }
  state.defaultProvider = name;
  log.done(`Successfully configured provider '${name}'`);
  return log.ok();
}

function parseOptionsOr(what, list) {
  try {
    return parseOptions(list);
  } catch (e) {
    throw new Error(`${what}: ${e.message}`);
  }
}

function resolveOrWrap(name, user) {
  try {
    return resolveOptions(name, user);
  } catch (e) {
    throw new Error(`resolve options: ${e.message}`);
  }
}

function providerSetOptions(f, state, log) {
  const v = f.flags;
  const name = f.args[0] ?? state.defaultProvider;
  if (!name) return log.fatal('please specify a provider');
  if (!process.env.DEVPOD_UI && v.option.length === 0) return log.fatal('please specify option');
  const p = state.providers[name];
  if (!p) return log.fatal(`couldn't find provider with name ${name}. Please make sure to add the provider via 'devpod provider add'`);
  if (v.dry) return notModelled('provider set-options --dry');
  try {
    const user = { ...(v.reconfigure ? {} : p.options), ...parseOptionsOr('parse options', v.option) };
    p.filled = resolveOrWrap(name, user);
    p.options = user;
  } catch (e) {
    return log.fatal(e.message);
  }
  log.done(`Successfully set options for provider '${name}'`);
  return log.ok();
}

function workspaceJson(w) {
  return {
    id: w.id,
    uid: w.uid ?? uidFor(w.id),
    provider: { name: w.provider },
    machine: {},
    ide: { name: 'none' },
    source: { localFolder: w.localFolder },
    ...(w.image ? { devContainerImage: w.image } : {}),
    ...(w.devcontainerPath ? { devContainerPath: w.devcontainerPath } : {}),
    creationTimestamp: w.created ?? '2025-03-10T09:00:00Z',
    lastUsed: w.lastUsed ?? w.created ?? '2025-03-10T09:00:00Z',
    context: 'default',
  };
}

/** pkg/encoding CreateNewUID: SafeConcatNameMax([context, id, random], 16) */
function uidFor(id) {
  const joined = `default-${id}-${crypto.randomBytes(32).toString('hex')}`;
  return `${joined.slice(0, 10)}-${crypto.createHash('sha256').update(joined).digest('hex').slice(0, 5)}`;
}

function list(f, state, log) {
  const output = f.flags.output;
  if (output === 'json') return log.ok(JSON.stringify([...state.workspaces].sort((a, b) => (a.id < b.id ? -1 : 1)).map(workspaceJson)));
  if (output !== 'plain') return log.fatal(`unexpected output format, choose either json or plain. Got ${output}`);
  return log.ok(
    [
      '  NAME | SOURCE | MACHINE | IDE | LAST USED | AGE | PROVIDER',
      ...state.workspaces.map((w) => `  ${w.id} | local:${w.localFolder} |  | none |  |  | ${w.provider}`),
      '',
    ].join('\n'),
  );
}

const WORKSPACE_ARG =
  "please provide a workspace name. E.g. 'devpod up ./my-folder', 'devpod up github.com/my-org/my-repo' or 'devpod up ubuntu'";

function status(f, state, log) {
  const id = f.args[0];
  if (!id) return log.fatal(WORKSPACE_ARG);
  const w = state.workspaces.find((x) => x.id === id);
  if (!w) return log.fatal(`workspace ${id} doesn't exist`);
  if (!/^(\d+(\.\d*)?(ns|us|µs|ms|s|m|h))+$|^0$/.test(f.flags.timeout))
    return log.fatal(`parse --timeout: time: invalid duration ${JSON.stringify(f.flags.timeout)}`);
  const output = f.flags.output;
  const now = resourceState(state, w);
  if (output === 'json') return log.ok(JSON.stringify({ id: w.id, context: 'default', provider: w.provider, state: now }));
  if (output !== 'plain') return log.fatal(`unexpected output format, choose either json or plain. Got ${output}`);
  const shown = logger(f.flags, true);
  shown.info(`Workspace '${w.id}' is '${now}'`);
  return shown.ok();
}

/** pkg/devcontainer/config/parse.go ParseKeyValueFile: names of the lines, or devpod's error */
function envFileNames(file) {
  let text;
  try {
    text = fs.readFileSync(file);
  } catch {
    return { error: `open ${file}: no such file or directory` };
  }
  const names = [];
  const lines = text.toString('utf8').split('\n');
  if (lines.at(-1) === '') lines.pop();
  for (const [i, line] of lines.entries()) {
    if (!line || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    const key = eq === -1 ? line : line.slice(0, eq);
    const value = eq === -1 ? '' : line.slice(eq + 1);
    if (!key || key.includes(' ')) return { error: `env file ${file} contains invalid variable key in line ${i + 1}: ${line}` };
    if (!value) return { error: `env file ${file} contains invalid variable value in line ${i + 1}: ${line}` };
    names.push(key);
  }
  return { names };
}

function up(f, state, log, cwd) {
  const v = f.flags;
  const fail = (m) => log.fatal(`prepare workspace client: ${m}`);
  const envNames = v['workspace-env'].map((kv) => kv.split('=')[0]);
  for (const file of v['workspace-env-file']) {
    const r = envFileNames(file);
    if (r.error) return fail(r.error);
    envNames.push(...r.names);
  }
  if (v.source) return notModelled('up --source');
  const id = v.id;
  if (id && /[^a-z0-9-]+/.test(id)) return fail('workspace name can only include smaller case letters, numbers or dashes');
  if (id && id.length > 48) return fail('workspace name cannot be longer than 48 characters');
  if (f.args.length === 0 || !id) return notModelled('up without a source folder and --id');
  const source = path.resolve(cwd, f.args[0]);
  let w = state.workspaces.find((x) => x.id === id);
  if (w) log.info(`Workspace ${id} already exists`);
  else {
    const provider = v.provider || state.defaultProvider;
    if (!provider) return fail("no default provider found. Please make sure to run 'devpod provider use'");
    if (!state.providers[provider])
      return fail(`couldn't find default provider ${provider}. Please make sure to add the provider via 'devpod provider add'`);
    const created = now()
      .toISOString()
      .replace(/\.\d+Z$/, 'Z');
    // the hidden global --uid is used only when the workspace is created (workspace.go L393-396)
    w = { id, uid: f.flags.uid || uidFor(id), provider, localFolder: source, image: '', devcontainerPath: '', created };
    state.workspaces.push(w);
  }
  if (v.ide && !IDES.includes(v.ide)) return fail(`unrecognized ide '${v.ide}', please use one of: [${IDES.join(' ')}]`);
  if (v['devcontainer-image']) w.image = v['devcontainer-image'];
  if (v['devcontainer-path']) w.devcontainerPath = v['devcontainer-path'];
  log.info('Creating devcontainer...');
  // pkg/devcontainer/config/parse.go ParseDevContainerJSON (a stand-in reads plain JSON, not JSONC)
  const file = path.posix.join(w.localFolder, w.devcontainerPath || '.devcontainer/devcontainer.json');
  if (!fs.existsSync(file))
    return log.fatal(`parsing devcontainer.json: devcontainer path ${file} doesn't exist: stat ${file}: no such file or directory`);
  let devcontainer;
  try {
    devcontainer = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    return log.fatal(`parsing devcontainer.json: ${e.message}`);
  }
  if (state.shared.failUp) {
    const message = state.shared.failUp;
    delete state.shared.failUp;
    return log.fatal(message);
  }
  // only this call's --devcontainer-image overrides the file (the recorded one is not applied again)
  const image = v['devcontainer-image'] || devcontainer.image || '';
  const rid = runnerId(w);
  const found = state.shared.resources[rid];
  // found by label / PVC name: kept and only started unless --recreate (pkg/devcontainer/single.go)
  const fresh = !found || v.recreate || v.reset;
  const running = fresh ? (image ? { image } : { build: devcontainer.build }) : found.running;
  let container = found?.container;
  // FAKE_DEVPOD_UP_DELAY_MS: the time a real `up` spends between finding no container and running one
  // (building, pulling), in which a second runner's `up` finds none either
  const delay = Number(process.env.FAKE_DEVPOD_UP_DELAY_MS ?? 0);
  if (delay > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, delay);
  // FAKE_DEVPOD_UP_BARRIER=<dir>:<n>: the test's way to make n runners' lookups all happen before any of
  // them runs a container (the race a delay only makes likely on a loaded machine); at most 10 s, then on
  const barrier = /^(.+):([1-9][0-9]*)$/.exec(process.env.FAKE_DEVPOD_UP_BARRIER ?? '');
  if (barrier) {
    fs.mkdirSync(barrier[1], { recursive: true });
    fs.writeFileSync(path.join(barrier[1], String(process.pid)), '');
    for (let i = 0; i < 100 && fs.readdirSync(barrier[1]).length < Number(barrier[2]); i++)
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
  }
  try {
    if (engine(state, w)) container = fresh ? runContainer(state, w, rid, running, devcontainer, found) : startContainer(state, w, found);
    else if (fresh) container = crypto.randomBytes(6).toString('hex');
  } catch (e) {
    return log.fatal(e.message);
  }
  state.shared.resources[rid] = {
    workspaceId: id,
    uid: w.uid,
    provider: w.provider,
    container,
    real: engine(state, w),
    running,
    devcontainer,
    envNames: fresh || envNames.length ? envNames : found.envNames,
    ups: (found?.ups ?? 0) + 1,
  };
  log.info(`Run 'ssh ${id}.devpod' to ssh into the devcontainer`);
  return log.ok();
}

/** pkg/devcontainer/run.go: resources are named by the uid, or by the id for a "legacy" uid (not 16 or 40 long) */
function runnerId(w) {
  return w.uid.length === 16 || w.uid.length === 40 ? w.uid : w.id;
}

/** what `status` finds: the provider's resource by the record's runner id */
function resourceState(state, w) {
  const r = state.shared.resources[runnerId(w)];
  if (!r) return 'NotFound';
  if (!r.real) return 'Running';
  const d = docker(state, w, ['container', 'inspect', '--format', '{{.State.Running}}', r.container]);
  return d.status !== 0 ? 'NotFound' : d.stdout.trim() === 'true' ? 'Running' : 'Stopped';
}

/** the docker provider's containers are real ones when the tests ask for an engine */
function engine(state, w) {
  return process.env.FAKE_DEVPOD_ENGINE === 'docker' && w.provider === 'docker';
}

function docker(state, w, args, input) {
  const host = state.providers[w.provider]?.options.DOCKER_HOST;
  const env = host ? { ...process.env, DOCKER_HOST: host } : process.env;
  return require('node:child_process').spawnSync('docker', args, { env, encoding: 'utf8', input, timeout: 300_000 });
}

/** pkg/driver/docker/docker.go RunDockerDevContainer: labels, runArgs, env; the old container goes first (recreate) */
function runContainer(state, w, rid, running, devcontainer, found) {
  if (found?.real) docker(state, w, ['rm', '-f', found.container]);
  const args = [
    'run',
    '-d',
    '--network',
    'none',
    '-l',
    `dev.containers.id=${rid}`,
    '-l',
    `sindri-devpod-stand-in=${process.env.FAKE_DEVPOD_OWNER ?? 'unknown'}`,
  ];
  args.push('-e', `DEVPOD_WORKSPACE_ID=${w.id}`, '-e', `DEVPOD_WORKSPACE_UID=${w.uid}`, '-e', 'DEVPOD=true');
  for (const [k, v] of Object.entries(devcontainer.containerEnv ?? {})) args.push('-e', `${k}=${v}`);
  args.push(...(devcontainer.runArgs ?? []).filter((a) => a !== '--gpus' && !/^(all|count=\d+)$/.test(a)));
  args.push('--entrypoint', '/bin/sh', running.image || 'local/busybox:base', '-c', 'trap "exit 0" TERM; while sleep 1; do :; done');
  const r = docker(state, w, args);
  if (r.status !== 0) throw new Error(`run dev container: ${r.stderr.trim()}`);
  return r.stdout.trim();
}

function startContainer(state, w, found) {
  const r = docker(state, w, ['start', found.container]);
  if (r.status !== 0) throw new Error(`start dev container: ${r.stderr.trim()}`);
  return found.container;
}

function ssh(f, state, log) {
  const id = f.args[0];
  if (!id) return log.fatal(WORKSPACE_ARG);
  const w = state.workspaces.find((x) => x.id === id);
  if (!w) return log.fatal(`workspace ${id} doesn't exist`);
  const command = f.flags.command;
  if (!command) return notModelled('ssh without --command (an interactive session)');
  const r = state.shared.resources[runnerId(w)];
  if (!r || resourceState(state, w) !== 'Running') return log.fatal("DevPod workspace wasn't found");
  if (!r.real) return notModelled('ssh --command into a workspace that is not a container on the engine (FAKE_DEVPOD_ENGINE=docker)');
  // pkg/ssh/server/ssh.go: `<shell> -c <RawCommand>`, the user's shell; our test images give developer /bin/sh
  const run = docker(state, w, ['exec', r.container, '/bin/sh', '-c', command]);
  if (run.status === 0) return { code: 0, stdout: run.stdout, stderr: run.stderr };
  const out = log.fatal(`tunnel to container: run in container: ssh session: Process exited with status ${run.status}`);
  return { ...out, stdout: run.stdout + out.stdout, stderr: run.stderr + out.stderr };
}

function remove(f, state, log) {
  const v = f.flags;
  const id = f.args[0];
  if (!id) return log.fatal(WORKSPACE_ARG);
  const i = state.workspaces.findIndex((x) => x.id === id);
  if (i === -1) {
    if (!v['ignore-not-found']) return log.fatal(`couldn't find workspace ${id}`);
    log.done("Successfully deleted workspace ''");
    return log.ok();
  }
  const w = state.workspaces[i];
  if (!v.force && resourceState(state, w) === 'NotFound')
    return log.fatal("cannot delete workspace because it couldn't be found. Run with --force to ignore this error");
  const r = state.shared.resources[runnerId(w)];
  // the docker driver: stop, then `docker rm` without -v (the named home volume stays)
  if (r?.real) docker(state, w, ['rm', '-f', r.container]);
  delete state.shared.resources[runnerId(w)];
  state.workspaces.splice(i, 1);
  log.done(`Successfully deleted workspace '${id}'`);
  return log.ok();
}

const HANDLERS = {
  version: () => ({ stdout: VERSION }),
  'devpod provider list': providerList,
  'devpod provider add': providerAdd,
  'devpod provider set-options': providerSetOptions,
  'devpod list': list,
  'devpod status': status,
  'devpod up': up,
  'devpod delete': remove,
  'devpod ssh': ssh,
};

/** pkg/config/dir.go: --devpod-home, else DEVPOD_HOME, else ~/.devpod */
function homeFile(flags) {
  const home = flags['devpod-home'] || process.env.DEVPOD_HOME || path.join(require('node:os').homedir(), '.devpod');
  return path.join(home, 'stand-in.json');
}

module.exports = (call, shared) => {
  shared.resources ??= {};
  let f;
  try {
    f = read(TREE, call.argv, GLOBAL);
  } catch (e) {
    if (!(e instanceof ParseError)) throw e;
    // SilenceErrors: cobra prints nothing; flag errors come before PersistentPreRunE, so always the plain format
    return logger({ 'log-output': 'plain' }).fatal(e.stage === 'root' ? unknownCommand(e.word, 'devpod', SUGGESTED) : e.message);
  }
  if (f.help) return { stdout: usage(f.cmd, f.path, GLOBAL) };
  if (f.cmd.opaque) return notModelled(`\`${f.path}\``);
  const log = logger(f.flags);
  const format = f.flags['log-output'];
  if (!['plain', 'raw', 'json'].includes(format)) return log.fatal(`unrecognized log format ${format}, needs to be either plain or json`);
  if (format === 'json') return notModelled('--log-output json');
  if (f.path === 'devpod version') return HANDLERS.version();
  const file = homeFile(f.flags);
  const state = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
  state.providers ??= {};
  state.workspaces ??= [];
  state.shared = shared;
  const answer = HANDLERS[f.path](f, state, log, call.cwd);
  delete state.shared;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(state, null, 2));
  return answer;
};
