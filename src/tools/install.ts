/**
 * The install phase (docs/behaviour.md#tool-installation, ADR 0011). For each tool the run needs, in
 * this order: on PATH at a satisfying version (`<tool>-version`, else the catalog's accepted range; read
 * with `<tool> version`) → the runner's tool cache (`tc.find`) → download (`tc.downloadTool`, its
 * retries, within the run's deadline) → sha256 (pinned in the catalog, or from the release's checksum
 * file) or npm integrity → extract → `tc.cacheDir`/`cacheFile` → `core.addPath`. A mismatch fails with
 * both sums and caches nothing. `plan` reports where each tool would come from and installs nothing.
 */
import { randomUUID } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import satisfies from 'semver/functions/satisfies.js';
import type { Exec } from '../external/exec.js';
import type { Deadline } from '../deadline.js';
import { Npm } from '../external/npm.js';

import { ActionError } from '../errors.js';
import type { Mode, ToolName } from '../domain.js';
import type { Inputs } from '../inputs.js';
import type { ToolStatus } from '../report/report.js';
import { getInput, info, setSecret } from '../runner.js';
import {
  assetFor,
  catalogTool,
  commandName,
  displayUrl,
  isNpmTool,
  loadCatalog,
  mirrored,
  platformKey,
  selectVersion,
  type BinaryTool,
  type Catalog,
  type CatalogTool,
  type NpmTool,
  type PlatformKey,
  type ResolvedAsset,
} from './catalog.js';
import { checksumFor, fileDigest, parseIntegrity } from './checksum.js';
import type { ToolNeed } from './needs.js';
import { dockerPlugin, which } from './which.js';

export interface InstallOptions {
  needs: ToolNeed[];
  inputs: Pick<Inputs, 'tool-versions' | 'tool-mirror'>;
  mode: Mode;
  catalog?: Catalog;
  platform?: PlatformKey;
  /** PATH to search (default process.env.PATH) */
  pathEnv?: string;
  /** runs version probes and npm; its deadline bounds every download */
  exec: Exec;
  /** PATH probes started earlier (`startPathProbes`): awaited and reported here, not run again */
  probes?: PathProbes;
}

/** A PATH version probe under way: what it printed so far, and what it found. */
export interface PathProbe {
  log: ProbeLog;
  found: Promise<Resolved | undefined>;
}
export type PathProbes = ReadonlyMap<ToolName, PathProbe>;

/** A probe's lines: held while it runs ahead of its phase, printed once the phase reports it, then as they come. */
class ProbeLog {
  private held: string[] | undefined;

  constructor(hold: boolean) {
    this.held = hold ? [] : undefined;
  }

  readonly write = (line: string): void => {
    if (this.held) this.held.push(line);
    else info(line);
  };

  release(): void {
    const lines = this.held ?? [];
    this.held = undefined;
    for (const l of lines) info(l);
  }
}

type ProbeOptions = Pick<InstallOptions, 'inputs' | 'catalog' | 'platform' | 'pathEnv' | 'exec'>;

/**
 * Start the PATH version probes (`<tool> version`) of `tools` before their phase, so that they run
 * beside what comes first (loading the provider, resolving and verifying the image) instead of after
 * it (issue 25). Nothing is printed until `installTools` reports them; a tool not on PATH starts nothing.
 */
export function startPathProbes(tools: readonly ToolName[], opts: ProbeOptions): PathProbes {
  return new Map(
    tools.map((t) => {
      const p = probe(t, opts, true);
      p.found.catch(() => undefined); // its failure is reported when the phase awaits it, not as an unhandled rejection
      return [t, p];
    }),
  );
}

function probe(tool: ToolName, opts: ProbeOptions, hold: boolean): PathProbe {
  const log = new ProbeLog(hold);
  const catalog = opts.catalog ?? loadCatalog();
  // PATH lookups only need file names (`.exe` or not); an unsupported platform matters once something
  // has to come from the cache or a download
  const namingPlatform = opts.platform ?? (process.platform === 'win32' ? 'windows-x64' : 'linux-x64');
  const found = fromPath(
    opts.exec,
    tool,
    catalogTool(catalog, tool),
    namingPlatform,
    opts.inputs['tool-versions'][tool],
    opts.pathEnv,
    log.write,
  );
  return { log, found };
}

const VERSION_PROBE_MS = 15_000;
const NPM_INSTALL_MS = 300_000;
type ToolCache = typeof import('@actions/tool-cache');

/** Resolve (and outside plan, install) every needed tool; one status per tool for `result` and the summary. */
export async function installTools(opts: InstallOptions): Promise<ToolStatus[]> {
  const catalog = opts.catalog ?? loadCatalog();
  const out: ToolStatus[] = [];
  if (opts.needs.length === 0) return out;
  // the PATH probes (`<tool> version`) run side by side: a plan waits for the slowest, not the sum;
  // those started earlier print what they ran first, in the order of the needs
  const probes = opts.needs.map((n) => opts.probes?.get(n.tool) ?? probe(n.tool, { ...opts, catalog }, false));
  for (const p of probes) p.log.release();
  const onPath = await Promise.all(probes.map((p) => p.found));
  for (const [i, need] of opts.needs.entries()) {
    const { checksum, ...status } = onPath[i] ?? (await installOne(need, catalog, opts.platform ?? platformKey(), opts));
    out.push(status);
    info(describe(status, checksum, need, opts.mode));
  }
  return out;
}

/** a status and, for a download, what it is checked against */
export type Resolved = ToolStatus & { checksum?: string };

function describe(s: ToolStatus, checksum: string | undefined, need: ToolNeed, mode: Mode): string {
  const what = s.version === 'unknown' ? `${s.name} (version not readable)` : `${s.name} ${s.version}`;
  switch (s.source) {
    case 'path':
      return `${what}: on PATH at ${s.path} (${need.why})`;
    case 'cache':
      return `${what}: from the tool cache ${s.path} (${need.why})`;
    case 'download':
      return mode === 'plan'
        ? `${what}: would be downloaded from ${s.url} and checked against the ${checksum} (${need.why})`
        : `${what}: downloaded from ${s.url}, ${checksum} verified, installed at ${s.path} (${need.why})`;
    default:
      return `${what}: ${s.source}`;
  }
}

/** Not on PATH at a satisfying version: the tool cache, else (outside plan) a verified download. */
async function installOne(need: ToolNeed, catalog: Catalog, platform: PlatformKey, opts: InstallOptions): Promise<Resolved> {
  const { tool } = need;
  const entry = catalogTool(catalog, tool);
  const spec = opts.inputs['tool-versions'][tool];
  const arch = platform.split('-')[1]!;
  const tc = await import('@actions/tool-cache');
  // before the catalog: a pinned version cached by an earlier run (or catalog) needs no entry now
  const cached = tc.find(tool, spec ?? entry.default, arch);
  if (cached) {
    const bin = binaryIn(cached, tool, entry, platform);
    if (opts.mode !== 'plan') await activate(bin, entry);
    return { name: tool, version: basename(dirname(cached)), source: 'cache', path: bin };
  }

  const version = selectVersion(tool, entry, spec);
  const mirror = opts.inputs['tool-mirror'];
  if (isNpmTool(entry)) {
    const { tarball, integrity } = entry.versions[version]!;
    const url = mirrored(tarball, mirror);
    const status: Resolved = { name: tool, version, source: 'download', path: '', url: displayUrl(url), checksum: 'npm sha512 integrity' };
    if (opts.mode === 'plan') return status;
    status.path = await installNpm(opts.exec, tc, tool, entry, version, url, integrity, mirror, arch);
    return status;
  }
  const asset = assetFor(tool, entry, version, platform);
  const url = mirrored(asset.url, mirror);
  const status: Resolved = {
    name: tool,
    version,
    source: 'download',
    path: '',
    url: displayUrl(url),
    checksum: 'sha256' in asset.checksum ? 'pinned sha256' : `sha256 from ${displayUrl(mirrored(asset.checksum.checksums, mirror))}`,
  };
  if (opts.mode === 'plan') return status;
  status.path = await installBinary(opts.exec, tc, tool, entry, asset, url, mirror, arch);
  return status;
}

/** A binary on PATH whose version satisfies the spec (or, with no spec, the catalog's accepted range). */
async function fromPath(
  exec: Exec,
  tool: ToolName,
  entry: CatalogTool,
  platform: PlatformKey,
  spec: string | undefined,
  pathEnv: string | undefined,
  log: (line: string) => void,
): Promise<Resolved | undefined> {
  const name = commandName(tool, entry, platform) + (platform.startsWith('windows') ? '.exe' : '');
  const found = !isNpmTool(entry) && entry.dockerPlugin ? dockerPlugin(entry.dockerPlugin) || which(name, pathEnv) : which(name, pathEnv);
  if (!found) return undefined;
  const range = spec ?? entry.accept;
  const accepts = (version: string) => satisfies(version, range, { includePrerelease: true });
  // an npm CLI states its version in its package's package.json: read there, no process (issue 25)
  const packaged = isNpmTool(entry) ? npmPackageVersion(found, entry.npm.package) : undefined;
  if (packaged) log(`${tool} ${packaged.version}: read from ${packaged.file}`);
  const r = packaged
    ? undefined
    : await exec
        .run(found, entry.versionArgs, {
          allowFailure: true,
          timeoutMs: exec.deadline.budget(`reading the version of ${found}`, VERSION_PROBE_MS),
          announce: log,
          // semver's first comparison (its code and regexps compiled, ~2–3 ms) while the probe runs, not after it (issue 25)
          started: () => void accepts('0.0.0'),
        })
        .catch(() => undefined);
  const version = packaged?.version ?? (r && r.code === 0 ? versionIn(`${r.stdout}\n${r.stderr}`) : undefined);
  if (version && accepts(version)) return { name: tool, version, source: 'path', path: found };
  if (!version && spec === undefined) {
    // nothing pinned: a binary whose version cannot be read (a distribution build saying "devel") is used as found
    return { name: tool, version: 'unknown', source: 'path', path: found };
  }
  log(
    `${tool} at ${found} is ${version ?? 'of an unknown version'}, not ${range}${spec ? ` (input ${tool}-version)` : ' (the catalog’s accepted range)'}: looking further`,
  );
  return undefined;
}

/**
 * The version of the npm package `name` that `bin` belongs to: `bin` resolved through its links (npm's
 * `.bin/<name>` and a global install's `bin/<name>` are links into the package), then the nearest
 * package.json of that name above it, within its node_modules folder. Undefined when there is none,
 * or it states no version: then the CLI is asked.
 */
export function npmPackageVersion(bin: string, name: string): { version: string; file: string } | undefined {
  let dir: string;
  try {
    dir = dirname(realpathSync(bin));
  } catch {
    return undefined;
  }
  for (; basename(dir) !== 'node_modules' && dirname(dir) !== dir; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (!existsSync(file)) continue;
    try {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown; version?: unknown };
      if (pkg.name !== name) continue;
      const version = typeof pkg.version === 'string' ? versionIn(pkg.version) : undefined;
      return version ? { version, file } : undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** The first version-looking word of `<tool> version` output: `Client Version: v1.32.4`, `kind v0.30.0 go1.24`. */
export function versionIn(text: string): string | undefined {
  return /\bv?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)/.exec(text)?.[1];
}

function binaryIn(dir: string, tool: ToolName, entry: CatalogTool, platform: PlatformKey): string {
  if (isNpmTool(entry)) return join(dir, 'node_modules', '.bin', entry.npm.bin);
  const asset = entry.platforms[platform];
  return join(dir, asset ? asset.path : tool);
}

/** PATH for this process and later steps; docker plugins also where the docker CLI looks for them. */
async function activate(bin: string, entry: CatalogTool): Promise<void> {
  const core = await import('@actions/core');
  core.addPath(dirname(bin));
  if (!isNpmTool(entry) && entry.dockerPlugin) {
    const dir = join(process.env.DOCKER_CONFIG || join(homedir(), '.docker'), 'cli-plugins');
    mkdirSync(dir, { recursive: true });
    const target = join(dir, basename(bin));
    copyFileSync(bin, target);
    chmodSync(target, 0o755);
  }
}

async function installBinary(
  exec: Exec,
  tc: ToolCache,
  tool: ToolName,
  entry: BinaryTool,
  asset: ResolvedAsset,
  url: string,
  mirror: string,
  arch: string,
): Promise<string> {
  const file = await download(exec.deadline, tc, url, tool, mirror);
  let extracted = '';
  try {
    const expected =
      'sha256' in asset.checksum
        ? asset.checksum.sha256
        : await publishedChecksum(exec.deadline, tc, mirrored(asset.checksum.checksums, mirror), url, tool, mirror);
    const actual = (await fileDigest(file, 'sha256')).toString('hex');
    if (actual !== expected) throw mismatch(tool, asset.version, url, `sha256:${expected}`, `sha256:${actual}`);
    let cachedDir: string;
    if (asset.format === 'raw') {
      chmodSync(file, 0o755);
      cachedDir = await tc.cacheFile(file, asset.path, tool, asset.version, arch);
    } else {
      extracted = asset.format === 'zip' ? await tc.extractZip(file) : await tc.extractTar(file);
      const inside = join(extracted, asset.path);
      if (!existsSync(inside) || !statSync(inside).isFile()) {
        throw new ActionError(`${displayUrl(url)} has no ${asset.path} inside`, {
          where: { field: `tool ${tool}` },
          fix: 'the release changed its layout: correct the catalog entry (npm run tools:update) or put the tool on PATH',
        });
      }
      chmodSync(inside, 0o755);
      cachedDir = await tc.cacheDir(extracted, tool, asset.version, arch);
    }
    const bin = join(cachedDir, asset.path);
    await activate(bin, entry);
    return bin;
  } finally {
    rmSync(file, { force: true });
    if (extracted) rmSync(extracted, { recursive: true, force: true });
  }
}

async function installNpm(
  exec: Exec,
  tc: ToolCache,
  tool: ToolName,
  entry: NpmTool,
  version: string,
  url: string,
  integrity: string,
  mirror: string,
  arch: string,
): Promise<string> {
  const file = await download(exec.deadline, tc, url, tool, mirror);
  const staging = join(process.env.RUNNER_TEMP || join(homedir(), '.sindri-tmp'), `npm-${randomUUID()}`);
  try {
    const want = parseIntegrity(integrity);
    const actual = (await fileDigest(file, want.algorithm)).toString('base64');
    const expected = Buffer.from(want.hex, 'hex').toString('base64');
    if (actual !== expected) throw mismatch(tool, version, url, `sha512-${expected}`, `sha512-${actual}`);
    mkdirSync(staging, { recursive: true });
    writeFileSync(
      join(staging, 'package.json'),
      JSON.stringify({ private: true, description: `${entry.npm.package}@${version} for sindri/deploy-action` }),
    );
    const tgz = join(staging, `${basename(new URL(url).pathname)}`);
    copyFileSync(file, tgz);
    await new Npm(exec, exec.deadline.budget(`installing ${entry.npm.package}`, NPM_INSTALL_MS)).installTarball(
      staging,
      tgz,
      mirror ? `${mirror}/` : '',
    );
    rmSync(tgz, { force: true });
    const installed = JSON.parse(readFileSync(join(staging, 'node_modules', ...entry.npm.package.split('/'), 'package.json'), 'utf8')) as {
      version?: string;
    };
    if (installed.version !== version) {
      throw new ActionError(`${entry.npm.package} installed as ${installed.version ?? 'nothing'}, expected ${version}`, {
        where: { field: `tool ${tool}` },
        fix: 'the tarball is not the catalog’s: check the mirror',
      });
    }
    const cachedDir = await tc.cacheDir(staging, tool, version, arch);
    const bin = join(cachedDir, 'node_modules', '.bin', entry.npm.bin);
    await activate(bin, entry);
    return bin;
  } finally {
    rmSync(file, { force: true });
    rmSync(staging, { recursive: true, force: true });
  }
}

function mismatch(tool: ToolName, version: string, url: string, expected: string, actual: string): ActionError {
  return new ActionError(
    `${tool} ${version} from ${displayUrl(url)} does not match its checksum: expected ${expected}, got ${actual}; nothing was cached`,
    {
      where: { field: `tool ${tool}` },
      fix: 'the download was altered or the mirror serves another build: fix the mirror, or pin another version',
    },
  );
}

async function publishedChecksum(
  deadline: Deadline,
  tc: ToolCache,
  checksumsUrl: string,
  assetUrl: string,
  tool: ToolName,
  mirror: string,
): Promise<string> {
  const file = await download(deadline, tc, checksumsUrl, tool, mirror);
  try {
    const asset = basename(new URL(assetUrl).pathname);
    const sum = checksumFor(readFileSync(file, 'utf8'), asset);
    if (!sum) {
      throw new ActionError(`the checksum file ${displayUrl(checksumsUrl)} lists no sha256 for ${asset}`, {
        where: { field: `tool ${tool}` },
        fix: 'check the release assets, or pin a version whose sha256 is in the catalog',
      });
    }
    return sum;
  } finally {
    rmSync(file, { force: true });
  }
}

/** `tc.downloadTool` (3 attempts on 5xx/408/429/network errors, with its backoff), raced against the run's deadline. */
async function download(clock: Deadline, tc: ToolCache, url: string, tool: ToolName, mirror: string): Promise<string> {
  const shown = displayUrl(url);
  const { plain, auth } = splitCredentials(url);
  const left = clock.budget(`downloading ${shown}`);
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(clock.exceeded(`downloading ${shown}`)), Math.min(left, 2 ** 31 - 1));
  });
  try {
    return await Promise.race([tc.downloadTool(plain, undefined, auth), deadline]);
  } catch (e) {
    if (e instanceof ActionError) throw e;
    const status = e instanceof tc.HTTPError ? e.httpStatusCode : undefined;
    const retried = status === undefined || status >= 500 || status === 408 || status === 429;
    throw new ActionError(
      `download of ${shown} failed: ${status ? `HTTP ${status}` : (e instanceof Error ? e.message : String(e)).split('\n')[0]}${retried ? ' (after 3 attempts)' : ''}`,
      {
        where: { field: mirror ? mirrorField() : `tool ${tool}` },
        fix: mirror
          ? `check that the mirror serves ${new URL(plain).pathname}`
          : status === 404
            ? 'the release asset is gone: pin another version, or use tool-mirror'
            : 'retry the job, or use tool-mirror to download from a mirror',
      },
    );
  } finally {
    if (timer) clearTimeout(timer);
  }
}

/** `https://user:token@host/x` → the URL without them and a Basic authorization header value. */
function splitCredentials(url: string): { plain: string; auth: string | undefined } {
  const u = new URL(url);
  if (!u.username && !u.password) return { plain: url, auth: undefined };
  const auth = `Basic ${Buffer.from(`${decodeURIComponent(u.username)}:${decodeURIComponent(u.password)}`).toString('base64')}`;
  setSecret(auth);
  u.username = '';
  u.password = '';
  return { plain: u.toString(), auth };
}

/** Where the mirror was set, for an error's place: the input wins over SINDRI_TOOL_MIRROR (src/tools/validate.ts). */
function mirrorField(): string {
  return process.env.SINDRI_TOOL_MIRROR && !getInput('tool-mirror') ? 'env SINDRI_TOOL_MIRROR' : 'input tool-mirror';
}
