/**
 * scripts/check-dist.mjs on a real ncc bundle of a tiny TypeScript entry that loads two chunks
 * (one dynamic import inside another): the bundle must run as `node dist/index.js` on Node 20 and
 * 24 after the check, stale chunks of an earlier build are removed, a missing chunk fails.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NODES, nodeBinary, ROOT } from '../support/action.js';

let work: string;
let out: string;

function checkDist(dir: string) {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'check-dist.mjs'), dir], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function runBundle(node: '20' | '24', dir: string) {
  const r = spawnSync(nodeBinary(node), [join(dir, 'index.js'), 'lazy'], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout.trim(), stderr: r.stderr };
}

beforeAll(() => {
  // outside the repository, so ncc type-checks only this entry, with the repository's typescript and @types/node
  work = mkdtempSync(join(tmpdir(), 'check-dist-'));
  mkdirSync(join(work, 'src'));
  symlinkSync(join(ROOT, 'node_modules'), join(work, 'node_modules'));
  writeFileSync(join(work, 'package.json'), '{"type":"module"}\n');
  writeFileSync(
    join(work, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        strict: true,
        types: ['node'],
        skipLibCheck: true,
      },
    }),
  );
  writeFileSync(
    join(work, 'src', 'index.ts'),
    "if (process.argv[2] === 'lazy') { const m = await import('./lazy.js'); console.log(await m.hello()); } else console.log('eager');\n",
  );
  writeFileSync(
    join(work, 'src', 'lazy.ts'),
    "export async function hello(): Promise<string> { return 'lazy-' + (await import('./deeper.js')).deep(); }\n",
  );
  writeFileSync(join(work, 'src', 'deeper.ts'), "export function deep(): string { return 'deep-' + process.version; }\n");
  out = join(work, 'dist');
  const ncc = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules/@vercel/ncc/dist/ncc/cli.js'), 'build', 'src/index.ts', '-o', 'dist', '--minify', '--target', 'es2022'],
    {
      cwd: work,
      encoding: 'utf8',
      timeout: 120_000,
    },
  );
  if (ncc.status !== 0) throw new Error(`ncc failed: ${ncc.stderr}`);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('check-dist', () => {
  it('keeps the chunks the bundle loads and removes a stale one from an earlier build', () => {
    writeFileSync(join(out, '123.index.js'), 'export const id = 123;\n');
    const r = checkDist(out);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('removed stale chunk 123.index.js');
    expect(r.stdout).toContain('2 chunks');
    const files = readdirSync(out).sort();
    expect(files.filter((f) => /^\d+\.index\.js$/.test(f))).toHaveLength(2);
    expect(files).toEqual(expect.arrayContaining(['index.js', 'package.json']));
    expect(files).not.toContain('123.index.js');
    expect(JSON.parse(readFileSync(join(out, 'package.json'), 'utf8'))).toEqual({ type: 'module' });
  });

  it.each(NODES)('leaves a bundle that runs as node dist/index.js, chunks included, on Node %s', (node) => {
    const r = runBundle(node, out);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(new RegExp(`^lazy-deep-v${node}\\.`));
  });

  it('renames an index.mjs entry to index.js and writes package.json {"type":"module"}', () => {
    renameSync(join(out, 'index.js'), join(out, 'index.mjs'));
    writeFileSync(join(out, 'package.json'), '{"type":"commonjs"}');
    const r = checkDist(out);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('renamed index.mjs to index.js');
    expect(existsSync(join(out, 'index.mjs'))).toBe(false);
    expect(JSON.parse(readFileSync(join(out, 'package.json'), 'utf8'))).toEqual({ type: 'module' });
    expect(runBundle('24', out).stdout).toMatch(/^lazy-deep-v24\./);
  });

  it('fails, naming the chunk, when a chunk the bundle loads is missing', () => {
    const chunk = readdirSync(out).find(
      (f) => /^\d+\.index\.js$/.test(f) && readFileSync(join(out, 'index.js'), 'utf8').includes(`.e(${f.split('.')[0]})`),
    );
    expect(chunk).toBeDefined();
    rmSync(join(out, chunk as string));
    const r = checkDist(out);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`loads chunk ${(chunk as string).split('.')[0]}, but no chunk file`);
  });

  it('fails when there is no bundle at all', () => {
    const r = checkDist(join(work, 'nothing-here'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('does not exist: run ncc build first');
  });
});
