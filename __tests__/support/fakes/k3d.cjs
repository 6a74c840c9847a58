/**
 * k3d (k3d-io/k3d) stand-in for CONTRACT tests. It answers as k3d v5.8.3 (201b614) does, as far as the
 * action's calls reach; read from that tag's source (notes: /work/notes/research/devpod.md §7):
 *   cmd/root.go             cobra is NOT silenced: a cobra error prints `Error: <message>` (and the usage,
 *                           or `Run 'k3d --help' for usage.` for an unknown command) on stderr, then k3d's
 *                           own `Fatalln(err)`, exit 1. Logging is set up in cobra's OnInitialize, which runs
 *                           only after the flags parsed: before that logrus' default text (`time="…"
 *                           level=fatal msg="…"`), after it `FATA[0000] <message padded to 44>` with colours
 *                           forced (LOG_COLORS=false: logfmt); info on stdout, warn/error/fatal on stderr
 *   cmd/root.go             `k3d version` → `k3d version v5.8.3` / `k3s version v1.31.5-k3s1 (default)`
 *   cmd/cluster/clusterList.go  `cluster list [-o json|yaml]` (aliases ls, get)
 *   cmd/image/imageImport.go  `image import IMAGE… [-c CLUSTER]…` (alias load; --cluster/-c a repeatable
 *                           array, default k3s-default; --mode/-m auto|direct|tools-node, default tools-node;
 *                           -k, -t), MinimumNArgs(1); an unknown cluster: `failed to get cluster <c>: No nodes
 *                           found for given cluster`; pkg/client/tools.go: an image neither a file nor on the
 *                           REAL engine (`docker image inspect`) is a warning, none left: `Failed to import
 *                           image(s) into cluster '<c>': no valid images specified`, exit 1
 * Commands k3d has but the action never calls answer exit 99 "not modelled".
 * state: { clusters: string[] (default ['k3s-default']), loaded: [{ cluster, image }] }
 */
'use strict';
const fs = require('node:fs');
const { spawnSync } = require('node:child_process');
const { read, usage, unknownCommand, ParseError } = require('./cobra.cjs');

const VERSION = 'v5.8.3';
const K3S = 'v1.31.5-k3s1';
const opaque = (use, o = {}) => ({ use, run: true, opaque: true, ...o });
const OUTPUT = { name: 'output', short: 'o', type: 'string', default: '' };

/** cmd/root.go: persistent --verbose, --trace, --timestamps */
const GLOBAL = [
  { name: 'verbose', type: 'bool' },
  { name: 'trace', type: 'bool' },
  { name: 'timestamps', type: 'bool' },
];

const TREE = {
  use: 'k3d',
  run: true,
  flags: [{ name: 'version', type: 'bool' }],
  commands: [
    { use: 'version', run: true, args: ['none'], flags: [OUTPUT], commands: [opaque('list', { aliases: ['ls'] })] },
    {
      use: 'cluster',
      aliases: ['clusters'],
      run: true,
      commands: [
        {
          use: 'list',
          aliases: ['ls', 'get'],
          run: true,
          flags: [{ name: 'no-headers', type: 'bool' }, { name: 'token', type: 'bool' }, OUTPUT],
        },
        ...['create', 'start', 'stop', 'delete', 'edit'].map((n) => opaque(n)),
      ],
    },
    {
      use: 'image',
      aliases: ['images'],
      run: true,
      commands: [
        {
          use: 'import',
          aliases: ['load'],
          run: true,
          args: ['min', 1],
          flags: [
            { name: 'cluster', short: 'c', type: 'stringArray', default: ['k3s-default'] },
            { name: 'keep-tarball', short: 'k', type: 'bool' },
            { name: 'keep-tools', short: 't', type: 'bool' },
            { name: 'mode', short: 'm', type: 'string', default: 'tools-node' },
          ],
        },
      ],
    },
    ...['completion', 'kubeconfig', 'node', 'config', 'registry', 'debug'].map((n) => opaque(n)),
    opaque('runtime-info', { hidden: true }),
  ],
};
/** what cobra suggests from: the root's available commands */
const SUGGESTED = TREE.commands.filter((c) => !c.hidden).map((c) => c.use);

const COLORS = { INFO: 36, WARN: 33, ERRO: 31, FATA: 31 };
const LEVELS = { INFO: 'info', WARN: 'warning', ERRO: 'error', FATA: 'fatal' };

/** logrus' text formatter: k3d's own set-up once initialised, logrus' default before */
function logrus(initialised) {
  const out = { stdout: '', stderr: '' };
  const write = (level, message) => {
    const text =
      !initialised || /^(0|false|f)$/i.test(process.env.LOG_COLORS ?? '')
        ? `time="${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}" level=${LEVELS[level]} msg=${JSON.stringify(message)}\n`
        : `\x1b[${COLORS[level]}m${level}\x1b[0m[0000] ${message.padEnd(44)} \n`;
    if (level === 'INFO' && initialised) out.stdout += text;
    else out.stderr += text;
  };
  return {
    out,
    info: (m) => write('INFO', m),
    warn: (m) => write('WARN', m),
    error: (m) => write('ERRO', m),
    fatal: (m) => (write('FATA', m), { ...out, code: 1 }),
  };
}

/** an image on the runner's engine, as k3d asks the runtime (docker.io/ and library/ prefixes are the same image) */
const onEngine = (image) => spawnSync('docker', ['image', 'inspect', image], { stdio: 'ignore' }).status === 0;

function imageImport(f, state, log) {
  const clusters = f.flags.cluster;
  for (const c of clusters)
    if (!state.clusters.includes(c)) return log.fatal(`failed to get cluster ${c}: No nodes found for given cluster`);
  const mode = f.flags.mode;
  if (!['auto', 'direct', 'tools-node'].includes(mode)) return log.fatal(`Unknown image loading mode '${mode}'`);
  let failed = false;
  for (const cluster of clusters) {
    log.info(`Importing image(s) into cluster '${cluster}'`);
    const found = f.args.filter((image) => {
      if (fs.existsSync(image) || onEngine(image)) return true;
      log.warn(`Image '${image}' is not a file and couldn't be found in the container runtime`);
      return false;
    });
    if (found.length === 0) {
      log.error(`Failed to import image(s) into cluster '${cluster}': no valid images specified`);
      failed = true;
      continue;
    }
    log.info(`Saving ${found.length} image(s) from runtime...`);
    log.info('Importing images into nodes...');
    for (const image of found) state.loaded.push({ cluster, image });
    log.info('Successfully imported image(s)');
  }
  if (failed) {
    log.warn('At least one error occured while trying to import the image(s) into the selected cluster(s)');
    return { ...log.out, code: 1 };
  }
  log.info(`Successfully imported ${f.args.length} image(s) into ${clusters.length} cluster(s)`);
  return log.out;
}

module.exports = (call, state) => {
  state.clusters ??= ['k3s-default'];
  state.loaded ??= [];
  let f;
  try {
    f = read(TREE, call.argv, GLOBAL);
  } catch (e) {
    if (!(e instanceof ParseError)) throw e;
    // cobra is not silenced: it prints the error (and the usage, or where to find it), then k3d fatals;
    // a plugin k3d-<word> on PATH would run instead of an unknown command: the stand-in has none
    const message = e.stage === 'root' ? unknownCommand(e.word, 'k3d', SUGGESTED) : e.message;
    const cobra = `Error: ${message}\n${e.stage === 'root' ? "Run 'k3d --help' for usage.\n" : usage(e.cmd, e.path, GLOBAL)}`;
    const fatal = logrus(e.stage === 'args').fatal(message);
    return { ...fatal, stderr: cobra + fatal.stderr };
  }
  if (f.help || (f.path === 'k3d' && !f.flags.version)) return { stdout: usage(f.cmd, f.path, GLOBAL) };
  if (f.cmd.opaque) return { code: 99, stderr: `k3d stand-in: \`${f.path}\` is not modelled (it exists in k3d ${VERSION})\n` };
  const log = logrus(true);
  switch (f.path) {
    case 'k3d':
    case 'k3d version':
      if (f.flags.output === 'json') return { stdout: JSON.stringify({ k3d: VERSION, k3s: K3S }) + '\n' };
      return { stdout: `k3d version ${VERSION}\nk3s version ${K3S} (default)\n` };
    case 'k3d cluster':
    case 'k3d image':
      return { stdout: usage(f.cmd, f.path, GLOBAL) };
    case 'k3d cluster list':
      if (f.flags.output === 'json')
        return { stdout: JSON.stringify(state.clusters.map((name) => ({ name, serversCount: 1, agentsCount: 0 }))) + '\n' };
      if (f.flags.output) return { code: 99, stderr: `k3d stand-in: cluster list -o ${f.flags.output} is not modelled\n` };
      return { stdout: ['NAME   SERVERS   AGENTS   LOADBALANCER', ...state.clusters.map((n) => `${n}   1/1   0/0   true`), ''].join('\n') };
    default:
      return imageImport(f, state, log);
  }
};
