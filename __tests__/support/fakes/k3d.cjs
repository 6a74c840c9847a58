/**
 * k3d (k3d-io/k3d) stand-in for CONTRACT tests. Shapes from k3d's CLI (cmd/image/imageImport.go,
 * cmd/cluster/clusterList.go, version): `k3d version` prints `k3d version v5.8.3` and
 * `k3s version v1.31.5-k3s1 (default)`; `k3d cluster list -o json` an array of objects with `name`;
 * `k3d image import IMAGE… -c CLUSTER` (default `k3s-default`), failing with
 * `FATA[0000] failed to get cluster x` for an unknown cluster.
 * state: { clusters: string[] (default ['k3s-default']), loaded: [{ cluster, image }] }
 */
module.exports = (call, state) => {
  state.clusters ??= ['k3s-default'];
  state.loaded ??= [];
  const [cmd, sub, ...rest] = call.argv;
  if (cmd === 'version') return { stdout: 'k3d version v5.8.3\nk3s version v1.31.5-k3s1 (default)\n' };
  if (cmd === 'cluster' && (sub === 'list' || sub === 'ls')) {
    return { stdout: JSON.stringify(state.clusters.map((name) => ({ name, serversCount: 1, agentsCount: 0 }))) + '\n' };
  }
  if (cmd === 'image' && (sub === 'import' || sub === 'load')) {
    let cluster = 'k3s-default';
    const images = [];
    for (let i = 0; i < rest.length; i++) {
      if (rest[i] === '-c' || rest[i] === '--cluster') cluster = rest[++i];
      else if (rest[i].startsWith('--cluster=')) cluster = rest[i].slice(10);
      else images.push(rest[i]);
    }
    if (!state.clusters.includes(cluster)) return { code: 1, stderr: `FATA[0000] failed to get cluster ${cluster}\n` };
    for (const image of images) state.loaded.push({ cluster, image });
    return {
      stderr: `INFO[0000] Importing image(s) into cluster '${cluster}'\nINFO[0002] Successfully imported ${images.length} image(s) into 1 cluster(s)\n`,
    };
  }
  return { code: 1, stderr: `Error: unknown command "${cmd}" for "k3d"\n` };
};
