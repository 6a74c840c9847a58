#!/usr/bin/env node
/**
 * `npm run tools:update [-- options]`: refresh src/tools/catalog.json from the tools' own published
 * checksums, on a machine with internet access (ADR 0011). Data in, data out: no code changes.
 *
 *   --tool <name>       only this tool (repeatable; default every tool)
 *   --version <v>       add this version (with --tool); default: re-check the versions already listed
 *   --latest            add each tool's latest release and make it the default
 *   --catalog <file>    the catalog to update (default src/tools/catalog.json)
 *   --dry-run           print what would change, write nothing
 *
 * For every version × platform it reads the release's published checksum file (kubectl `.sha256`,
 * kind `.sha256sum`, `checksums.txt`, `cosign_checksums.txt`) and pins that sha256, which replaces a
 * `"verify": "checksum-file"` entry. Where a release publishes no checksum (devpod), the asset is
 * downloaded and hashed and the script says so (trust on first use: review it in the pull request);
 * an asset that does not exist is left out (that platform is then unsupported for that version).
 * npm CLIs take `dist.tarball` and `dist.integrity` from the registry.
 * SINDRI_TOOL_MIRROR, when set, is used as for the action (same paths below the base URL).
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values: opt } = parseArgs({
  options: {
    tool: { type: 'string', multiple: true },
    version: { type: 'string' },
    latest: { type: 'boolean', default: false },
    catalog: { type: 'string', default: join(ROOT, 'src/tools/catalog.json') },
    'dry-run': { type: 'boolean', default: false },
  },
});

/** Where each tool's release publishes its checksums (`{asset}` = the asset URL). */
const CHECKSUMS = {
  flyctl: (v) => `https://github.com/superfly/flyctl/releases/download/v${v}/checksums.txt`,
  kubectl: (v, asset) => `${asset}.sha256`,
  devpod: () => undefined,
  kind: (v, asset) => `${asset}.sha256sum`,
  k3d: (v) => `https://github.com/k3d-io/k3d/releases/download/v${v}/checksums.txt`,
  cosign: (v) => `https://github.com/sigstore/cosign/releases/download/v${v}/cosign_checksums.txt`,
  compose: (v) => `https://github.com/docker/compose/releases/download/v${v}/checksums.txt`,
  buildx: (v) => `https://github.com/docker/buildx/releases/download/v${v}/checksums.txt`,
};
const GITHUB_REPO = {
  flyctl: 'superfly/flyctl',
  devpod: 'loft-sh/devpod',
  kind: 'kubernetes-sigs/kind',
  k3d: 'k3d-io/k3d',
  cosign: 'sigstore/cosign',
  compose: 'docker/compose',
  buildx: 'docker/buildx',
};

const mirror = (process.env.SINDRI_TOOL_MIRROR ?? '').replace(/\/+$/, '');
const via = (url) => (mirror ? `${mirror}${new URL(url).pathname}` : url);

async function get(url, as = 'text') {
  const r = await fetch(via(url), { redirect: 'follow' });
  if (!r.ok) return undefined;
  return as === 'text' ? r.text() : Buffer.from(await r.arrayBuffer());
}

/** same parsing as src/tools/checksum.ts */
function checksumFor(text, asset) {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length === 1 && /^[a-f0-9]{64}$/i.test(lines[0])) return lines[0].toLowerCase();
  for (const l of lines) {
    const m = /^([a-f0-9]{64})\s+\*?(.+)$/i.exec(l);
    if (m && m[2].trim().split('/').pop() === asset) return m[1].toLowerCase();
  }
  return undefined;
}

async function latestVersion(name, tool) {
  if (tool.npm) return JSON.parse((await get(`https://registry.npmjs.org/${tool.npm.package}/latest`)) ?? '{}').version;
  if (name === 'kubectl') return (await get('https://dl.k8s.io/release/stable.txt'))?.trim().replace(/^v/, '');
  const rel = await get(`https://api.github.com/repos/${GITHUB_REPO[name]}/releases/latest`);
  return rel ? JSON.parse(rel).tag_name.replace(/^v/, '') : undefined;
}

async function binaryEntry(name, tool, version) {
  const out = {};
  const files = new Map();
  for (const [platform, a] of Object.entries(tool.platforms)) {
    const asset = a.url.replaceAll('{version}', version);
    const sumsUrl = CHECKSUMS[name](version, asset);
    if (sumsUrl && !files.has(sumsUrl)) files.set(sumsUrl, await get(sumsUrl));
    const text = sumsUrl ? files.get(sumsUrl) : undefined;
    const sha = text ? checksumFor(text, asset.split('/').pop()) : undefined;
    if (sha) out[platform] = { sha256: sha };
    else {
      const bytes = await get(asset, 'buffer');
      if (!bytes) {
        console.warn(`${name} ${version} ${platform}: ${asset} not found: left out (unsupported)`);
        continue;
      }
      out[platform] = { sha256: createHash('sha256').update(bytes).digest('hex') };
      console.warn(`${name} ${version} ${platform}: no published checksum; pinned the sha256 of the download (review it)`);
    }
  }
  return out;
}

async function npmEntry(tool, version) {
  const meta = JSON.parse((await get(`https://registry.npmjs.org/${tool.npm.package}/${version}`)) ?? 'null');
  if (!meta) throw new Error(`${tool.npm.package}@${version} is not on the registry`);
  return { tarball: meta.dist.tarball, integrity: meta.dist.integrity };
}

const catalog = JSON.parse(readFileSync(opt.catalog, 'utf8'));
const names = opt.tool?.length ? opt.tool : Object.keys(catalog.tools);
let changes = 0;
for (const name of names) {
  const tool = catalog.tools[name];
  if (!tool) throw new Error(`no tool ${name} in ${opt.catalog}`);
  let versions = Object.keys(tool.versions);
  if (opt.version) versions = [opt.version.replace(/^v/, '')];
  if (opt.latest) {
    const v = await latestVersion(name, tool);
    if (!v) throw new Error(`${name}: could not find the latest release`);
    versions = [v];
  }
  for (const v of versions) {
    const entry = tool.npm ? await npmEntry(tool, v) : await binaryEntry(name, tool, v);
    if (JSON.stringify(tool.versions[v]) !== JSON.stringify(entry)) {
      changes++;
      console.log(`${name} ${v}: ${tool.versions[v] ? 'updated' : 'added'}`);
    }
    tool.versions = { [v]: entry, ...Object.fromEntries(Object.entries(tool.versions).filter(([k]) => k !== v)) };
    if (opt.latest) tool.default = v;
  }
}
if (!opt['dry-run']) writeFileSync(opt.catalog, JSON.stringify(catalog, null, 2) + '\n');
console.log(
  `${changes} change(s)${opt['dry-run'] ? ' (dry run: nothing written)' : ` written to ${opt.catalog}`}; run the tests, review the diff`,
);
