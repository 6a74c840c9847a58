/**
 * kind (sigs.k8s.io/kind) stand-in for CONTRACT tests. Shapes from kind's own CLI
 * (pkg/cmd/kind/{version,get/clusters,load/docker-image}): `kind version` prints
 * `kind v0.30.0 go1.24.6 linux/amd64`; `kind get clusters` one name a line ("No kind clusters found."
 * on stderr when none); `kind load docker-image IMAGE… [--name CLUSTER]` (default cluster `kind`)
 * fails with `ERROR: unknown cluster "x"` for a cluster that does not exist.
 * state: { clusters: string[] (default ['kind']), loaded: [{ cluster, image }] }
 */
module.exports = (call, state) => {
  state.clusters ??= ['kind'];
  state.loaded ??= [];
  const [cmd, sub, ...rest] = call.argv;
  if (cmd === 'version') return { stdout: 'kind v0.30.0 go1.24.6 linux/amd64\n' };
  if (cmd === 'get' && sub === 'clusters') {
    return state.clusters.length ? { stdout: state.clusters.join('\n') + '\n' } : { stderr: 'No kind clusters found.\n' };
  }
  if (cmd === 'load' && sub === 'docker-image') {
    let cluster = 'kind';
    const images = [];
    for (let i = 0; i < rest.length; i++) {
      if (rest[i] === '--name' || rest[i] === '-n') cluster = rest[++i];
      else if (rest[i].startsWith('--name=')) cluster = rest[i].slice(7);
      else images.push(rest[i]);
    }
    if (!state.clusters.includes(cluster)) return { code: 1, stderr: `ERROR: unknown cluster "${cluster}"\n` };
    if (!images.length) return { code: 1, stderr: 'ERROR: a list of image names is required\n' };
    for (const image of images) state.loaded.push({ cluster, image });
    return {
      stderr: images
        .map((i) => `Image: "${i}" with ID "sha256:0" not yet present on node "${cluster}-control-plane", loading...\n`)
        .join(''),
    };
  }
  return { code: 1, stderr: `ERROR: unknown command "${call.argv.join(' ')}" for "kind"\n` };
};
