/**
 * kind (sigs.k8s.io/kind) stand-in for CONTRACT tests. It answers as kind v0.30.0 (9a205e8) does, as far
 * as the action's calls reach; read from that tag's source (notes: /work/notes/research/devpod.md §6):
 *   cmd/kind/app/main.go    every error is `ERROR: <message>` on stderr, exit 1 (colour only on a smart
 *                           terminal); cobra is silenced (pkg/cmd/kind/root.go), so flag errors read the same
 *   pkg/cmd/kind/root.go    persistent --verbosity/-v (int32), --quiet/-q; --version
 *   pkg/cmd/kind/version    `kind v0.30.0 go1.24.6 linux/amd64`
 *   pkg/cmd/kind/get/clusters  one name a line; "No kind clusters found." on stderr when none
 *   pkg/cmd/kind/load/load.go  `kind load` prints its help, then `Subcommand is required` (NoArgs)
 *   pkg/cmd/kind/load/docker-image  `load docker-image IMAGE… [--name/-n CLUSTER] [--nodes a,b]`
 *                           (default cluster `kind`, or KIND_CLUSTER_NAME when --name is not given); in
 *                           order: `a list of image names is required`; each image's id from the REAL
 *                           `docker image inspect -f {{ .Id }}` (`image: "<img>" not present locally`);
 *                           the cluster's nodes (`no nodes found for cluster "<name>"`); `unknown node`;
 *                           progress lines on stderr
 * Commands kind has but the action never calls answer exit 99 "not modelled".
 * state: { clusters: string[] (default ['kind']), loaded: [{ cluster, image }], ids: { '<cluster> <image>': id } }
 */
'use strict';
const { spawnSync } = require('node:child_process');
const { read, usage, unknownCommand, ParseError } = require('./cobra.cjs');

const VERSION = 'v0.30.0';
const opaque = (use) => ({ use, run: true, opaque: true });

/** pkg/cmd/kind/root.go: persistent --verbosity/-v, --quiet/-q */
const GLOBAL = [
  { name: 'verbosity', short: 'v', type: 'int', default: 0 },
  { name: 'quiet', short: 'q', type: 'bool' },
];

const TREE = {
  use: 'kind',
  run: false,
  flags: [{ name: 'version', type: 'bool' }],
  commands: [
    { use: 'version', run: true, args: ['none'] },
    { use: 'get', commands: [{ use: 'clusters', run: true, args: ['none'] }, opaque('nodes'), opaque('kubeconfig')] },
    {
      use: 'load',
      run: true,
      args: ['none'],
      commands: [
        {
          use: 'docker-image',
          run: true,
          flags: [
            { name: 'name', short: 'n', type: 'string', default: 'kind' },
            { name: 'nodes', type: 'stringSlice' },
          ],
        },
        opaque('image-archive'),
      ],
    },
    ...['build', 'completion', 'create', 'delete', 'export'].map(opaque),
  ],
};

/** what cobra suggests from */
const SUGGESTED = TREE.commands.map((c) => c.use);

const error = (message, quiet) => ({ code: 1, stderr: quiet ? '' : `ERROR: ${message}\n` });

/** the image's id on the runner's engine, as kind asks the docker CLI on PATH */
function imageId(image) {
  const r = spawnSync('docker', ['image', 'inspect', '-f', '{{ .Id }}', image], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

function loadDockerImage(f, state, quiet) {
  // its Args: `a list of image names is required`, before RunE
  if (f.args.length < 1) return error('a list of image names is required', quiet);
  const cluster = f.specified.has('name') ? f.flags.name : process.env.KIND_CLUSTER_NAME || f.flags.name;
  const images = [...new Set(f.args)];
  const ids = [];
  for (const image of images) {
    const id = imageId(image);
    if (!id) return error(`image: "${image}" not present locally`, quiet);
    ids.push(id);
  }
  if (!state.clusters.includes(cluster)) return error(`no nodes found for cluster "${cluster}"`, quiet);
  const node = `${cluster}-control-plane`;
  for (const n of f.flags.nodes) if (n !== node) return error(`unknown node: "${n}"`, quiet);
  let stderr = '';
  images.forEach((image, i) => {
    const present = state.ids[`${cluster} ${image}`] === ids[i];
    stderr += present
      ? `Image: "${image}" with ID "${ids[i]}" found to be already present on all nodes.\n`
      : `Image: "${image}" with ID "${ids[i]}" not yet present on node "${node}", loading...\n`;
    if (present) return;
    state.loaded.push({ cluster, image });
    state.ids[`${cluster} ${image}`] = ids[i];
  });
  return { stderr: quiet ? '' : stderr };
}

module.exports = (call, state) => {
  state.clusters ??= ['kind'];
  state.loaded ??= [];
  state.ids ??= {};
  // app/main.go checkQuiet: -q/--quiet silences stderr before cobra runs
  const quiet = call.argv.includes('-q') || call.argv.includes('--quiet');
  let f;
  try {
    f = read(TREE, call.argv, GLOBAL);
  } catch (e) {
    if (!(e instanceof ParseError)) throw e;
    return error(e.stage === 'root' ? unknownCommand(e.word, 'kind', SUGGESTED) : e.message, quiet);
  }
  if (f.flags.version && f.path === 'kind') return { stdout: `kind version ${VERSION.slice(1)}\n` };
  if (f.help) return { stdout: usage(f.cmd, f.path, GLOBAL) };
  if (f.cmd.opaque) return { code: 99, stderr: `kind stand-in: \`${f.path}\` is not modelled (it exists in kind ${VERSION})\n` };
  switch (f.path) {
    case 'kind version':
      return { stdout: `kind ${VERSION} go1.24.6 linux/amd64\n` };
    case 'kind get clusters':
      return state.clusters.length ? { stdout: state.clusters.join('\n') + '\n' } : { stderr: quiet ? '' : 'No kind clusters found.\n' };
    case 'kind load':
      // load.go: prints its help, then fails
      return { ...error('Subcommand is required', quiet), stdout: usage(f.cmd, f.path, GLOBAL) };
    default:
      return loadDockerImage(f, state, quiet);
  }
};
