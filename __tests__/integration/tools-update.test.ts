/**
 * `npm run tools:update` needs the internet to refresh the real catalog; here it runs against the
 * loopback mirror (SINDRI_TOOL_MIRROR, same paths as the origins) on a copy of the catalog: published
 * checksum files are pinned, a release without checksums is hashed and flagged, a missing asset is
 * left out.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateCatalog, type BinaryTool } from '../../src/tools/catalog.js';
import { ROOT } from '../support/action.js';
import { sha256, startToolMirror, type ToolMirror } from '../support/tool-mirror.js';

let mirror: ToolMirror;
let dir: string;
const sum = (c: string) => c.repeat(64);

beforeAll(async () => {
  mirror = await startToolMirror();
  dir = mkdtempSync(join(tmpdir(), 'tools-update-'));
});
afterAll(async () => {
  await mirror.close();
  rmSync(dir, { recursive: true, force: true });
});

/** the script in a child process (asynchronously: the mirror answers from this process) */
async function update(args: string[]): Promise<{ code: number | null; out: string; catalog: ReturnType<typeof validateCatalog> }> {
  const file = join(dir, `catalog-${mirror.requests.length}-${Date.now()}.json`);
  copyFileSync(join(ROOT, 'src/tools/catalog.json'), file);
  const child = spawn(process.execPath, [join(ROOT, 'scripts/tools-update.mjs'), '--catalog', file, ...args], {
    env: { ...process.env, SINDRI_TOOL_MIRROR: mirror.url },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr.on('data', (b: Buffer) => (out += b.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { code, out, catalog: validateCatalog(JSON.parse(readFileSync(file, 'utf8')), file) };
}

describe('tools:update against a loopback mirror', () => {
  it('pins kubectl from each asset’s published .sha256', async () => {
    const arch = { x64: 'amd64', arm64: 'arm64' } as const;
    const hex = 'abcdef';
    let i = 0;
    const expected: Record<string, string> = {};
    for (const os of ['linux', 'darwin', 'windows']) {
      for (const a of ['x64', 'arm64'] as const) {
        const s = sum(hex[i++ % hex.length]!);
        expected[`${os}-${a}`] = s;
        mirror.serve(`/release/v1.32.14/bin/${os}/${arch[a]}/kubectl${os === 'windows' ? '.exe' : ''}.sha256`, `${s}\n`);
      }
    }
    const r = await update(['--tool', 'kubectl', '--version', 'v1.32.14']);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toContain('kubectl 1.32.14: added');
    const k = r.catalog.tools.kubectl as BinaryTool;
    expect(Object.fromEntries(Object.entries(k.versions['1.32.14']!).map(([p, c]) => [p, 'sha256' in c ? c.sha256 : c]))).toEqual(expected);
    expect(k.default).toBe('1.32.13');
  });

  it('a release without checksums: the download is hashed and flagged; a missing asset is left out', async () => {
    const body = Buffer.from('devpod binary');
    mirror.serve('/loft-sh/devpod/releases/download/v0.6.16/devpod-linux-amd64', body);
    const r = await update(['--tool', 'devpod', '--version', '0.6.16']);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toContain('devpod 0.6.16 linux-x64: no published checksum; pinned the sha256 of the download (review it)');
    expect(r.out).toContain(
      'devpod 0.6.16 darwin-arm64: https://github.com/loft-sh/devpod/releases/download/v0.6.16/devpod-darwin-arm64 not found',
    );
    expect((r.catalog.tools.devpod as BinaryTool).versions['0.6.16']).toEqual({ 'linux-x64': { sha256: sha256(body) } });
  });

  it('checksums.txt with several assets, and --latest from the releases API makes it the default', async () => {
    mirror.serve('/repos/k3d-io/k3d/releases/latest', JSON.stringify({ tag_name: 'v5.8.4' }));
    const lines = ['linux-amd64', 'linux-arm64', 'darwin-amd64', 'darwin-arm64', 'windows-amd64.exe'].map(
      (a, n) => `${sum(String(n))}  _dist/k3d-${a}`,
    );
    mirror.serve('/k3d-io/k3d/releases/download/v5.8.4/checksums.txt', lines.join('\n') + '\n');
    const r = await update(['--tool', 'k3d', '--latest']);
    expect(r.code, r.out).toBe(0);
    const k = r.catalog.tools.k3d as BinaryTool;
    expect(k.default).toBe('5.8.4');
    expect(k.versions['5.8.4']).toEqual({
      'linux-x64': { sha256: sum('0') },
      'linux-arm64': { sha256: sum('1') },
      'darwin-x64': { sha256: sum('2') },
      'darwin-arm64': { sha256: sum('3') },
      'windows-x64': { sha256: sum('4') },
    });
  });
});
