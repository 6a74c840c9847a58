/**
 * flyctl (superfly/flyctl) stand-in for CONTRACT tests: called by recorder.cjs with each call and
 * the JSON state it keeps between calls. Flags and JSON shapes are flyctl's own, read from its
 * source (commit ad0172fa): deploy flags internal/command/deploy/deploy.go (CommonFlags: --image,
 * --dockerfile, --build-arg, --no-cache, --remote-only, --strategy, --ha, --wait-timeout, --env,
 * --image-label, --yes); `status --json` internal/command/status/machines.go; `apps create|destroy`
 * internal/command/apps/{create,destroy}.go; `volumes create|list` internal/command/volumes/;
 * `secrets import|list` internal/command/secrets/{import,list,parser}.go; `ips` internal/command/ips/;
 * `image show --json` internal/command/image/show.go. The JSON templates are in
 * __tests__/fixtures/flyctl/ (README there names each source). Errors are printed as flyctl's
 * internal/cli/cli.go printError does: `Error: <message>` on stderr, exit 1.
 *
 * state: { orgs: string[], regions: string[], rejectToken?: bool, failDeploy?: string,
 *          takenNames?: string[], apps: { [name]: App }, seq: number, builds: [...] }
 *   App = { org, deployed, version, machines[], volumes[], secrets{NAME:{digest}}, ips[], releases[] }
 * Secret digests: Fly's API computes them (flyctl has no code for it); this stand-in uses the first
 * 16 hex digits of sha256(value), and the action treats them as opaque.
 */
'use strict';
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures', 'flyctl');
const fixture = (name) => JSON.parse(fs.readFileSync(path.join(FIXTURES, `${name}.json`), 'utf8'));
const sha = (s) => crypto.createHash('sha256').update(s).digest('hex');

const VALUE_FLAGS = new Set([
  'app',
  'a',
  'org',
  'o',
  'config',
  'c',
  'image',
  'dockerfile',
  'build-arg',
  'env',
  'e',
  'image-label',
  'strategy',
  'wait-timeout',
  'size',
  's',
  'region',
  'r',
  'count',
  'n',
  'access-token',
  't',
]);
const ALIASES = { a: 'app', o: 'org', c: 'config', e: 'env', s: 'size', r: 'region', n: 'count', t: 'access-token', j: 'json', y: 'yes' };
const MULTI = new Set(['build-arg', 'env']);

function parseArgs(argv) {
  const pos = [];
  const flags = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const m = /^--?([a-z][a-z0-9-]*)(?:=(.*))?$/.exec(a);
    if (!m) {
      pos.push(a);
      continue;
    }
    const name = ALIASES[m[1]] ?? m[1];
    let value = m[2];
    if (value === undefined) value = VALUE_FLAGS.has(m[1]) ? argv[++i] : 'true';
    if (MULTI.has(name)) (flags[name] ??= []).push(value);
    else flags[name] = value;
  }
  return { pos, flags };
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

function loadToml(file) {
  // the project's own smol-toml (CommonJS build)
  const { parse } = require(require.resolve('smol-toml', { paths: [path.join(__dirname, '..', '..', '..')] }));
  return parse(fs.readFileSync(file, 'utf8'));
}

const fail = (message) => ({ code: 1, stderr: `Error: ${message}\n` });
const json = (v) => ({ stdout: JSON.stringify(v, null, 2) + '\n' });

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
  return { registry, repository, tag, digest, labels: {} };
}

function handler(call, state) {
  state.orgs ??= ['personal'];
  state.regions ??= ['sjc', 'ord', 'iad', 'fra', 'ams', 'lhr', 'nrt', 'syd'];
  state.apps ??= {};
  state.seq ??= 0;
  state.builds ??= [];
  const { pos, flags } = parseArgs(call.argv);
  const [cmd, sub] = pos;
  if (cmd === 'version') return { stdout: 'flyctl v0.3.200 linux/amd64 Commit: ad0172fa BuildDate: 2026-08-21T11:11:32Z\n' };
  // command.RequireSession: a token from FLY_ACCESS_TOKEN / FLY_API_TOKEN (or --access-token)
  if (!call.envNames.includes('FLY_ACCESS_TOKEN') && !call.envNames.includes('FLY_API_TOKEN') && !flags['access-token'])
    return fail("no access token available. Please login with 'flyctl auth login'");
  if (state.rejectToken) return fail('You must be authenticated to view this.');
  const appName = flags.app;
  const app = appName ? state.apps[appName] : undefined;
  const missingApp = () => fail('Could not find App');

  switch (`${cmd} ${sub ?? ''}`.trim()) {
    case 'status': {
      if (!app) return fail('failed to get app: Could not find App');
      const s = fixture('status');
      Object.assign(s, {
        ID: appName,
        Name: appName,
        Deployed: app.deployed,
        Status: app.deployed ? 'deployed' : 'pending',
        Hostname: `${appName}.fly.dev`,
        Version: app.version,
        AppURL: `https://${appName}.fly.dev`,
      });
      s.Organization.Slug = app.org;
      s.Machines = app.machines;
      return json(s);
    }
    case 'apps create': {
      const name = pos[2] ?? flags.name;
      if (!name) return fail('app name is required when not running interactively');
      if (!state.orgs.includes(flags.org)) return fail(`organization ${flags.org} not found`);
      if (state.apps[name] || (state.takenNames ?? []).includes(name)) return fail('Name has already been taken');
      state.apps[name] = { org: flags.org, deployed: false, version: 0, machines: [], volumes: [], secrets: {}, ips: [], releases: [] };
      if (flags.json !== 'true') return { stdout: `New app created: ${name}\n` };
      const a = fixture('app');
      Object.assign(a, { ID: name, Name: name, Hostname: `${name}.fly.dev`, AppURL: `https://${name}.fly.dev` });
      a.Organization.Slug = flags.org;
      return json(a);
    }
    case 'apps destroy': {
      const name = pos[2];
      if (flags.yes !== 'true') return fail('yes flag must be specified when not running interactively');
      if (!state.apps[name]) return missingApp();
      delete state.apps[name];
      return { stdout: `Destroyed app ${name}\n` };
    }
    case 'volumes list':
      if (!app) return missingApp();
      return json(app.volumes);
    case 'volumes create': {
      if (!app) return missingApp();
      if (flags.yes !== 'true') return fail('yes flag must be specified when not running interactively');
      if (!state.regions.includes(flags.region)) return fail(`region ${flags.region} not found`);
      const v = Object.assign(fixture('volume'), {
        id: `vol_${(++state.seq).toString(36).padStart(6, '0')}`,
        name: pos[2],
        size_gb: Number(flags.size ?? 1),
        region: flags.region,
      });
      app.volumes.push(v);
      return flags.json === 'true' ? json(v) : { stdout: `        ID: ${v.id}\n      Name: ${v.name}\n` };
    }
    case 'secrets list':
      if (!app) return missingApp();
      return json(
        Object.entries(app.secrets).map(([name, s]) =>
          Object.assign(fixture('secret'), { name, digest: s.digest, status: s.deployed ? 'Deployed' : 'Staged' }),
        ),
      );
    case 'secrets import': {
      if (!app) return missingApp();
      let parsed;
      try {
        parsed = parseSecrets(call.stdin);
      } catch (e) {
        return fail(`Failed to parse secrets from stdin: ${e.message}`);
      }
      if (Object.keys(parsed).length < 1) return fail('requires at least one SECRET=VALUE pair');
      for (const [name, value] of Object.entries(parsed)) app.secrets[name] = { digest: sha(value).slice(0, 16), deployed: false };
      return flags.stage === 'true'
        ? {
            stdout: 'Secrets have been staged, but not set on VMs. Deploy or update machines in this app for the secrets to take effect.\n',
          }
        : { stdout: 'Secrets are staged for the first deployment\n' };
    }
    case 'ips list':
      if (!app) return missingApp();
      return json(app.ips);
    case 'ips allocate-v4': {
      if (!app) return missingApp();
      if (flags.yes !== 'true' && flags.shared !== 'true') return fail('yes flag must be specified when not running interactively');
      const ip = Object.assign(fixture('ip'), {
        ID: `ip_${++state.seq}`,
        Address: `137.66.0.${state.seq}`,
        Type: flags.shared === 'true' ? 'shared_v4' : 'v4',
      });
      app.ips.push(ip);
      return { stdout: `VERSION  IP            TYPE  REGION\nv4       ${ip.Address}  public  global\n` };
    }
    case 'image show':
      if (!app) return fail('get app: Could not find App');
      return json(
        app.machines.map((m) =>
          Object.assign(fixture('image'), {
            MachineID: m.id,
            Registry: m.image_ref.registry,
            Repository: m.image_ref.repository,
            Tag: m.image_ref.tag,
            Digest: m.image_ref.digest,
          }),
        ),
      );
    case 'deploy':
      return deploy(call, state, flags, appName, app);
    default:
      return fail(`unknown command "${pos.join(' ')}" for "flyctl"`);
  }
}

function deploy(call, state, flags, appName, app) {
  if (!app)
    return fail(`the app name ${appName} could not be found, did you create the app or misspell it in the fly.toml file or via -a?`);
  const configPath = path.resolve(call.cwd, flags.config ?? 'fly.toml');
  if (!fs.existsSync(configPath)) return fail(`the config for your app is missing. Create it with 'flyctl launch': ${configPath}`);
  const toml = loadToml(configPath);
  if (toml.app !== appName) return fail(`app name in ${configPath} (${toml.app}) differs from --app ${appName}`);
  if (!state.regions.includes(toml.primary_region)) return fail(`region ${toml.primary_region} not found`);
  let imageRef;
  let out = '==> Verifying app config\n--> Verified app config\n==> Building image\n';
  if (flags.image) {
    imageRef = splitRef(flags.image);
    out += `Searching for image '${flags.image}' remotely...\nimage found: img_${imageRef.digest.slice(7, 19)}\n`;
  } else {
    if (!flags.dockerfile)
      return fail('failed to fetch an image or build from source: app does not have a Dockerfile or buildpacks configured');
    const df = path.resolve(call.cwd, flags.dockerfile);
    if (!fs.existsSync(df)) return fail(`failed to fetch an image or build from source: dockerfile '${df}' not found`);
    const buildArgs = flags['build-arg'] ?? [];
    const noCache = flags['no-cache'] === 'true';
    state.builds.push({
      app: appName,
      dockerfile: flags.dockerfile,
      cwd: call.cwd,
      buildArgs,
      noCache,
      remoteOnly: flags['remote-only'] === 'true',
    });
    const digest = `sha256:${sha(fs.readFileSync(df, 'utf8') + JSON.stringify(buildArgs) + (noCache ? `#${++state.seq}` : ''))}`;
    imageRef = {
      registry: 'registry.fly.io',
      repository: appName,
      tag: flags['image-label'] ?? `deployment-${(++state.seq).toString(36).toUpperCase()}`,
      digest,
      labels: {},
    };
    out += `==> Building image with Depot\n--> build: 1/1 done\n--> Pushing image done\nimage: registry.fly.io/${appName}:${imageRef.tag}\n`;
  }
  if (state.failDeploy) return { code: 1, stdout: out, stderr: `Error: ${state.failDeploy}\n` };
  const env = { ...(toml.env ?? {}) };
  for (const kv of flags.env ?? []) {
    const eq = kv.indexOf('=');
    env[kv.slice(0, eq)] = kv.slice(eq + 1);
  }
  app.version += 1;
  const image = flags.image ?? `${imageRef.registry}/${imageRef.repository}:${imageRef.tag}`;
  for (const mount of toml.mounts ?? []) {
    if (!app.volumes.some((v) => v.name === mount.source))
      app.volumes.push(
        Object.assign(fixture('volume'), { id: `vol_${++state.seq}`, name: mount.source, size_gb: 1, region: toml.primary_region }),
      );
  }
  const count = flags.ha === 'true' ? 2 : 1;
  while (app.machines.length < count) {
    const m = fixture('machine');
    m.id = `${(++state.seq).toString(16).padStart(14, '0')}`;
    m.name = `machine-${state.seq}`;
    m.region = toml.primary_region;
    app.machines.push(m);
  }
  for (const m of app.machines) {
    m.state = 'started';
    m.image_ref = imageRef;
    m.config.image = image;
    m.config.env = env;
    m.config.metadata.fly_release_version = String(app.version);
  }
  for (const s of Object.values(app.secrets)) s.deployed = true;
  app.deployed = true;
  app.releases.push({
    Version: app.version,
    Status: 'complete',
    ImageRef: image,
    Description: 'Release',
    DeploymentStrategy: flags.strategy ?? 'rolling',
  });
  out += `\nWatch your deployment at https://fly.io/apps/${appName}/monitoring\n\nVisit your newly deployed app at https://${appName}.fly.dev/\n`;
  return { stdout: out };
}

module.exports = handler;
module.exports.parseSecrets = parseSecrets;
