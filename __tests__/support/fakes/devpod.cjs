/**
 * devpod (loft-sh/devpod) stand-in for CONTRACT tests: devpod cannot run here. Flags and JSON shapes
 * from devpod's own source (commit 7b38607, July 2025):
 *   cmd/provider/list.go    `provider list --output json` → { [name]: { config: ProviderConfig{name,
 *                           version,description,options}, state: config.ProviderConfig{initialized,
 *                           options: { KEY: { value, userProvided } }}, default } }
 *   cmd/provider/add.go     `provider add <name|url> [-o KEY=VALUE]…` (--use defaults to true)
 *   cmd/provider/set_options.go  `provider set-options <name> -o KEY=VALUE…`; "please specify option"
 *                           without -o
 *   cmd/list.go             `list --output json` → provider.Workspace[] (pkg/provider/workspace.go: id,
 *                           uid, provider{name}, ide{name}, source{localFolder}, devContainerImage,
 *                           devContainerPath, creationTimestamp, lastUsed, context)
 *   cmd/status.go           `status <id> --output json` → client.WorkspaceStatus {id, context, provider,
 *                           state} with state Running|Busy|Stopped|NotFound (pkg/client/client.go)
 *   cmd/up.go               `up [source] --id --ide --provider --devcontainer-path --devcontainer-image
 *                           --recreate --workspace-env-file` (pkg/workspace/workspace.go: id matches
 *                           [a-z0-9-], at most 48 characters; devContainerImage is saved on the workspace
 *                           when given); env files parsed by pkg/devcontainer/config/parse.go
 *                           ParseKeyValueFile: `KEY=value` lines, no empty value, no space in the key
 *   cmd/delete.go           `delete <id> [--force] [--ignore-not-found]`
 * state: { providers: { [name]: { options: {KEY: value} } }, workspaces: [{ id, provider, image,
 *   devcontainerPath, localFolder, state, devcontainer (the parsed file devpod read), envNames, ups }],
 *   failUp?: string (the next `up` saves the workspace, then fails with that message) }
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');

function flags(args, known) {
  const out = { _: [], o: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const m = /^--?([a-z-]+)(?:=(.*))?$/.exec(a);
    if (!m) {
      out._.push(a);
      continue;
    }
    const name = m[1];
    if (known.bool.includes(name)) out[name] = m[2] === undefined ? true : m[2] !== 'false';
    else if (known.value.includes(name)) {
      const v = m[2] ?? args[++i];
      if (name === 'o' || name === 'option') out.o.push(v);
      else if (name === 'workspace-env-file') (out[name] ??= []).push(...v.split(','));
      else out[name] = v;
    } else return { error: `unknown flag: ${a}` };
  }
  return out;
}

function parseOptions(list) {
  const o = {};
  for (const kv of list) {
    const i = kv.indexOf('=');
    if (i <= 0) return { error: `invalid option ${kv}, expected format KEY=VALUE` };
    o[kv.slice(0, i)] = kv.slice(i + 1);
  }
  return o;
}

function workspaceJson(w) {
  return {
    id: w.id,
    uid: `default-${w.id}-0a1b2`,
    provider: { name: w.provider },
    ide: { name: 'none' },
    source: { localFolder: w.localFolder },
    ...(w.image ? { devContainerImage: w.image } : {}),
    ...(w.devcontainerPath ? { devContainerPath: w.devcontainerPath } : {}),
    creationTimestamp: '2025-07-24T07:50:12Z',
    lastUsed: '2025-07-24T07:50:12Z',
    context: 'default',
  };
}

module.exports = (call, state) => {
  state.providers ??= {};
  state.workspaces ??= [];
  const [cmd, sub, ...rest] = call.argv;
  const global = { bool: ['debug', 'silent'], value: ['context', 'provider', 'devpod-home', 'log-output'] };

  if (cmd === 'version') return { stdout: 'v0.6.15\n' };

  if (cmd === 'provider') {
    const f = flags(rest, {
      bool: [...global.bool, 'use', 'single-machine', 'reconfigure', 'dry'],
      value: [...global.value, 'o', 'option', 'output', 'name'],
    });
    if (f.error) return { code: 1, stderr: `Error: ${f.error}\n` };
    if (sub === 'list' || sub === 'ls') {
      if ((f.output ?? 'plain') !== 'json') return { stdout: Object.keys(state.providers).join('\n') + '\n' };
      const out = {};
      for (const [name, p] of Object.entries(state.providers)) {
        const options = {};
        for (const [k, v] of Object.entries(p.options)) options[k] = { value: v, userProvided: true };
        out[name] = {
          config: { name, version: 'v0.0.1', description: `DevPod on ${name}`, options: {} },
          state: { initialized: true, options },
          default: false,
        };
      }
      return { stdout: JSON.stringify(out, null, 2) };
    }
    if (sub === 'add') {
      const name = f.name ?? f._[0];
      if (!name)
        return {
          code: 1,
          stderr: 'please specify either a local file, url or git repository. E.g. devpod provider add https://path/to/my/provider.yaml\n',
        };
      if (state.providers[name])
        return {
          code: 1,
          stderr: `fatal provider ${name} already exists. Please run 'devpod provider delete ${name}' before adding the provider\n`,
        };
      const o = parseOptions(f.o);
      if (o.error) return { code: 1, stderr: `fatal ${o.error}\n` };
      state.providers[name] = { options: o };
      return { stderr: `done Successfully installed provider ${name}\n` };
    }
    if (sub === 'set-options') {
      const name = f._[0];
      if (!f.o.length) return { code: 1, stderr: 'fatal please specify option\n' };
      if (!state.providers[name])
        return {
          code: 1,
          stderr: `fatal couldn't find provider with name ${name}. Please make sure to add the provider via 'devpod provider add'\n`,
        };
      const o = parseOptions(f.o);
      if (o.error) return { code: 1, stderr: `fatal ${o.error}\n` };
      Object.assign(state.providers[name].options, o);
      return { stderr: `done Successfully set options for provider '${name}'\n` };
    }
    return { code: 1, stderr: `Error: unknown command "${sub}" for "devpod provider"\n` };
  }

  if (cmd === 'list' || cmd === 'ls') {
    const f = flags(call.argv.slice(1), { bool: [...global.bool, 'skip-pro'], value: [...global.value, 'output'] });
    if (f.error) return { code: 1, stderr: `Error: ${f.error}\n` };
    if ((f.output ?? 'plain') !== 'json') return { stdout: state.workspaces.map((w) => w.id).join('\n') + '\n' };
    return { stdout: JSON.stringify(state.workspaces.map(workspaceJson)) };
  }

  if (cmd === 'status') {
    const f = flags(call.argv.slice(1), { bool: [...global.bool, 'container-status'], value: [...global.value, 'output', 'timeout'] });
    if (f.error) return { code: 1, stderr: `Error: ${f.error}\n` };
    const w = state.workspaces.find((x) => x.id === f._[0]);
    if (!w) return { code: 1, stderr: `fatal workspace ${f._[0]} doesn't exist\n` };
    if (f.output === 'json') return { stdout: JSON.stringify({ id: w.id, context: 'default', provider: w.provider, state: w.state }) };
    return { stderr: `info Workspace '${w.id}' is '${w.state}'\n` };
  }

  if (cmd === 'up') {
    const f = flags(call.argv.slice(1), {
      bool: [...global.bool, 'recreate', 'reset', 'open-ide', 'configure-ssh'],
      value: [
        ...global.value,
        'id',
        'ide',
        'devcontainer-path',
        'devcontainer-image',
        'workspace-env-file',
        'source',
        'machine',
        'prebuild-repository',
      ],
    });
    if (f.error) return { code: 1, stderr: `Error: ${f.error}\n` };
    const id = f.id;
    if (!id || /[^a-z0-9-]/.test(id))
      return { code: 1, stderr: 'fatal workspace name can only include smaller case letters, numbers or dashes\n' };
    if (id.length > 48) return { code: 1, stderr: 'fatal workspace name cannot be longer than 48 characters\n' };
    const existing = state.workspaces.find((x) => x.id === id);
    const provider = existing ? existing.provider : f.provider;
    if (!provider || !state.providers[provider]) return { code: 1, stderr: `fatal provider '${provider}' does not exist\n` };
    const source = path.resolve(call.cwd, f._[0] ?? '.');
    const dcPath = f['devcontainer-path'] ?? (existing && existing.devcontainerPath) ?? '.devcontainer/devcontainer.json';
    let devcontainer;
    try {
      devcontainer = JSON.parse(fs.readFileSync(path.join(source, dcPath), 'utf8'));
    } catch (e) {
      return { code: 1, stderr: `fatal parse devcontainer.json: ${e.message}\n` };
    }
    const envNames = [];
    for (const file of f['workspace-env-file'] ?? []) {
      let text;
      try {
        text = fs.readFileSync(file, 'utf8');
      } catch {
        return { code: 1, stderr: `fatal open ${file}: no such file or directory\n` };
      }
      for (const [n, line] of text.split('\n').entries()) {
        if (!line || line.startsWith('#')) continue;
        const i = line.indexOf('=');
        const key = i === -1 ? line : line.slice(0, i);
        if (!key || key.includes(' '))
          return { code: 1, stderr: `fatal env file ${file} contains invalid variable key in line ${n + 1}\n` };
        if (i === -1 || i === line.length - 1)
          return { code: 1, stderr: `fatal env file ${file} contains invalid variable value in line ${n + 1}\n` };
        envNames.push(key);
      }
    }
    const image = f['devcontainer-image'] || (existing && existing.image) || '';
    const w = existing ?? { id, provider, ups: 0 };
    // devpod saves the workspace before it starts anything (pkg/workspace resolveWorkspace), so a failed
    // up leaves a workspace without a container behind
    if (!existing) state.workspaces.push(w);
    if (state.failUp) {
      const msg = state.failUp;
      delete state.failUp;
      if (!existing) Object.assign(w, { image, devcontainerPath: dcPath, localFolder: source, state: 'NotFound' });
      return { code: 1, stderr: `fatal ${msg}\n` };
    }
    const effective = image || devcontainer.image || '';
    const fresh = !existing || f.recreate || f.reset;
    Object.assign(w, {
      image,
      devcontainerPath: dcPath,
      localFolder: source,
      state: 'Running',
      devcontainer,
      running: fresh ? (effective ? { image: effective } : { build: devcontainer.build }) : w.running,
      envNames: fresh || envNames.length ? envNames : w.envNames,
      ups: w.ups + 1,
    });
    return { stderr: `info Creating devcontainer...\ndone Successfully started workspace ${id}\n` };
  }

  if (cmd === 'delete') {
    const f = flags(call.argv.slice(1), { bool: [...global.bool, 'force', 'ignore-not-found'], value: [...global.value, 'grace-period'] });
    if (f.error) return { code: 1, stderr: `Error: ${f.error}\n` };
    const i = state.workspaces.findIndex((x) => x.id === f._[0]);
    if (i === -1) return f['ignore-not-found'] ? {} : { code: 1, stderr: `fatal workspace ${f._[0]} doesn't exist\n` };
    state.workspaces.splice(i, 1);
    return { stderr: `done Successfully deleted workspace '${f._[0]}'\n` };
  }

  return { code: 1, stderr: `Error: unknown command "${call.argv.join(' ')}" for "devpod"\n` };
};
