/**
 * The tool catalog (catalog.json, ADR 0011) typed, and the pure lookups over it: which platform this
 * is, which version a spec selects, which asset and checksum belong to it, and where a mirror puts it.
 * SINDRI_TOOL_CATALOG may name another catalog file (tests, air-gapped mirrors with their own builds).
 */
import { readFileSync } from 'node:fs';
import maxSatisfying from 'semver/ranges/max-satisfying.js';
import semverValid from 'semver/functions/valid.js';
import { ActionError } from '../errors.js';
import { TOOLS, type ToolName } from '../domain.js';
import { warning } from '../runner.js';
import bundled from './catalog.json' with { type: 'json' };
import { redactUserinfo } from './validate.js';

export const OSES = ['linux', 'darwin', 'windows'] as const;
export const ARCHES = ['x64', 'arm64'] as const;
export type Os = (typeof OSES)[number];
export type Arch = (typeof ARCHES)[number];
export type PlatformKey = `${Os}-${Arch}`;
export const FORMATS = ['tar.gz', 'zip', 'raw'] as const;
export type ArchiveFormat = (typeof FORMATS)[number];

export interface PlatformAsset {
  /** `{version}` is replaced by the version */
  url: string;
  format: ArchiveFormat;
  /** the binary: inside the archive, or the file name a raw download is stored under */
  path: string;
}

export type Checksum = { sha256: string } | { verify: 'checksum-file'; checksums: string };

interface ToolBase {
  description: string;
  home: string;
  /** the version installed when no `<tool>-version` is given */
  default: string;
  /** a binary on PATH (or in the tool cache) in this range is used as it is when no version is given */
  accept: string;
  /** argv that prints the version (`kubectl version --client`) */
  versionArgs: string[];
}

export interface BinaryTool extends ToolBase {
  /** docker CLI plugins are also linked into `$DOCKER_CONFIG/cli-plugins` */
  dockerPlugin?: 'compose' | 'buildx';
  platforms: Partial<Record<PlatformKey, PlatformAsset>>;
  versions: Record<string, Partial<Record<PlatformKey, Checksum>>>;
}

export interface NpmTool extends ToolBase {
  npm: { package: string; bin: string; main: string };
  versions: Record<string, { tarball: string; integrity: string }>;
}

export type CatalogTool = BinaryTool | NpmTool;

export interface Catalog {
  schema: 1;
  tools: Partial<Record<ToolName, CatalogTool>>;
}

export const isNpmTool = (t: CatalogTool): t is NpmTool => 'npm' in t;

/**
 * The bundled catalog, or the file SINDRI_TOOL_CATALOG names (checked as strictly as a config). The
 * override replaces the checksums this action ships with the file's own: every run that uses it says
 * so in a warning naming the file (ADR 0011), so it can never replace the pins unnoticed.
 */
export function loadCatalog(env: NodeJS.ProcessEnv = process.env): Catalog {
  const file = env.SINDRI_TOOL_CATALOG;
  if (!file) return bundled as Catalog;
  warning(
    `the tool catalog is replaced by ${file} (env SINDRI_TOOL_CATALOG): downloads are checked against its sha256 sums, not the bundled ones`,
    {
      title: 'tool catalog',
    },
  );
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new ActionError(`cannot read the tool catalog ${file}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`, {
      where: { field: 'env SINDRI_TOOL_CATALOG' },
      fix: 'point it at a JSON file shaped like src/tools/catalog.json, or unset it to use the bundled catalog',
    });
  }
  return validateCatalog(data, file);
}

/** Shape check of a catalog; the first problem is one error line naming the file and the key. */
export function validateCatalog(data: unknown, file: string): Catalog {
  const bad = (key: string, what: string): never => {
    throw new ActionError(`tool catalog ${file}: ${key}: ${what}`, {
      where: { field: 'env SINDRI_TOOL_CATALOG' },
      fix: 'fix the file (see src/tools/catalog.json and docs/adr/0011-tool-installation.md for the shape)',
    });
  };
  const obj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!obj(data) || data.schema !== 1 || !obj(data.tools)) bad('schema', 'expected { "schema": 1, "tools": { … } }');
  const tools = (data as { tools: Record<string, unknown> }).tools;
  for (const [name, t] of Object.entries(tools)) {
    if (!(TOOLS as readonly string[]).includes(name)) bad(`tools.${name}`, `unknown tool (known: ${TOOLS.join(', ')})`);
    if (!obj(t)) return bad(`tools.${name}`, 'expected an object');
    for (const k of ['default', 'accept'] as const) if (typeof t[k] !== 'string') bad(`tools.${name}.${k}`, 'expected a string');
    if (!Array.isArray(t.versionArgs)) bad(`tools.${name}.versionArgs`, 'expected an array of strings');
    if (!obj(t.versions) || Object.keys(t.versions).length === 0) return bad(`tools.${name}.versions`, 'expected at least one version');
    if (!(String(t.default) in t.versions)) bad(`tools.${name}.default`, `${String(t.default)} is not one of its versions`);
    for (const [v, entry] of Object.entries(t.versions)) {
      if (semverValid(v) !== v) bad(`tools.${name}.versions.${v}`, 'not a semver version');
      if (!obj(entry)) return bad(`tools.${name}.versions.${v}`, 'expected an object');
      if ('npm' in t) {
        if (typeof entry.tarball !== 'string' || !/^sha512-[A-Za-z0-9+/]+=*$/.test(String(entry.integrity)))
          bad(`tools.${name}.versions.${v}`, 'expected { tarball, integrity: "sha512-…" }');
        continue;
      }
      for (const [p, c] of Object.entries(entry)) {
        if (!obj(c)) return bad(`tools.${name}.versions.${v}.${p}`, 'expected an object');
        const pinned = typeof c.sha256 === 'string' && /^[a-f0-9]{64}$/.test(c.sha256);
        const file = c.verify === 'checksum-file' && typeof c.checksums === 'string' && /^https?:\/\//.test(c.checksums);
        if (!pinned && !file)
          bad(
            `tools.${name}.versions.${v}.${p}`,
            'expected { "sha256": "<64 hex>" } or { "verify": "checksum-file", "checksums": "<url>" }',
          );
      }
    }
    if (!('npm' in t)) {
      if (!obj(t.platforms)) return bad(`tools.${name}.platforms`, 'expected an object');
      for (const [p, a] of Object.entries(t.platforms)) {
        if (
          !obj(a) ||
          typeof a.url !== 'string' ||
          typeof a.path !== 'string' ||
          !(FORMATS as readonly string[]).includes(String(a.format))
        )
          bad(`tools.${name}.platforms.${p}`, `expected { url, format (${FORMATS.join(', ')}), path }`);
      }
    }
  }
  return data as unknown as Catalog;
}

/** Node's platform/arch → the catalog's key; anything else is one error line. */
export function platformKey(platform: string = process.platform, arch: string = process.arch): PlatformKey {
  const os = ({ linux: 'linux', darwin: 'darwin', win32: 'windows' } as Record<string, Os>)[platform];
  const a = ({ x64: 'x64', arm64: 'arm64' } as Record<string, Arch>)[arch];
  if (!os || !a) {
    throw new ActionError(`this runner's platform ${platform}/${arch} is not one the action installs tools for`, {
      where: { field: 'runs-on' },
      fix: `run on Linux, macOS or Windows with x64 or arm64, or put the tools on PATH before this step`,
    });
  }
  return `${os}-${a}`;
}

export function catalogTool(catalog: Catalog, tool: ToolName): CatalogTool {
  const t = catalog.tools[tool];
  if (!t) {
    throw new ActionError(`the tool catalog has no entry for ${tool}`, {
      where: { field: 'env SINDRI_TOOL_CATALOG' },
      fix: `add ${tool} to the catalog file, or unset SINDRI_TOOL_CATALOG to use the bundled one`,
    });
  }
  return t;
}

/** No spec: the catalog's default. An exact version must be in the catalog; a range takes the highest it allows. */
export function selectVersion(tool: ToolName, entry: CatalogTool, spec: string | undefined): string {
  if (spec === undefined) return entry.default;
  const known = Object.keys(entry.versions);
  const chosen = spec in entry.versions ? spec : maxSatisfying(known, spec);
  if (chosen) return chosen;
  throw new ActionError(`${tool} version "${spec}" is not in the tool catalog (it has ${known.join(', ')})`, {
    where: { field: `input ${tool}-version` },
    fix: `use one of ${known.join(', ')} (or a range that includes one), put ${tool} ${spec} on PATH before this step, or add it with npm run tools:update`,
  });
}

export interface ResolvedAsset extends PlatformAsset {
  version: string;
  platform: PlatformKey;
  checksum: Checksum;
}

export function assetFor(tool: ToolName, entry: BinaryTool, version: string, platform: PlatformKey): ResolvedAsset {
  const a = entry.platforms[platform];
  const checksum = entry.versions[version]?.[platform];
  if (!a || !checksum) {
    const has = Object.keys(entry.versions[version] ?? {}).join(', ') || 'none';
    throw new ActionError(`${tool} ${version} has no build for ${platform} in the tool catalog (it has ${has})`, {
      where: { field: `input ${tool}-version` },
      fix: `run on one of those platforms, or put ${tool} on PATH before this step`,
    });
  }
  return { ...a, url: a.url.replaceAll('{version}', version), version, platform, checksum };
}

/** The mirror replaces the origin; the path (and query) below it stay: `https://mirror/x` + `/sigstore/cosign/…`. */
export function mirrored(url: string, mirror: string): string {
  if (!mirror) return url;
  const u = new URL(url);
  return `${mirror}${u.pathname}${u.search}`;
}

/** For messages, the summary and `result`: no credentials, no query (signed URLs carry tokens there). */
export function displayUrl(url: string): string {
  return redactUserinfo(url).replace(/[?#].*$/, '');
}

/** The name a tool answers to on PATH (`docker-compose`, `kubectl`, `e2b`). */
export function commandName(tool: ToolName, entry: CatalogTool, platform: PlatformKey): string {
  if (isNpmTool(entry)) return entry.npm.bin;
  if (entry.dockerPlugin) return `docker-${entry.dockerPlugin}`;
  const asset = entry.platforms[platform];
  const base = asset ? (asset.path.split('/').pop() ?? tool) : tool;
  return base.replace(/\.exe$/i, '');
}
