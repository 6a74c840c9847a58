#!/usr/bin/env node
/**
 * The module map: every folder of src/ with its files and lines, largest first within a folder, in
 * the order of the layers of docs/architecture.md. `npm run modules` reads the working tree;
 * `npm run modules -- <rev>` reads a commit (e.g. `6ee103e`), so a before/after needs no checkout;
 * `--files` lists every file under its folder. TypeScript only (the generated schema validator is
 * data, not code). Node builtins and git only.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const listFiles = args.includes('--files');
const rev = args.find((a) => !a.startsWith('--'));
/** the limit issue 17 set for one file */
const LIMIT = 400;

/** [path, text] of every .ts file under src/, from the working tree or from `rev`. */
function sources() {
  if (rev) {
    const git = (...a) => execFileSync('git', ['-C', root, ...a], { encoding: 'utf8', maxBuffer: 64 << 20 });
    return git('ls-tree', '-r', '--name-only', rev, '--', 'src')
      .split('\n')
      .filter((p) => p.endsWith('.ts') && !p.endsWith('.d.ts'))
      .map((p) => [p, git('show', `${rev}:${p}`)]);
  }
  const out = [];
  const walk = (dir) => {
    for (const e of readdirSync(dir).sort()) {
      const p = join(dir, e);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith('.ts') && !p.endsWith('.d.ts')) out.push([relative(root, p), readFileSync(p, 'utf8')]);
    }
  };
  walk(join(root, 'src'));
  return out;
}

/** The folder a file counts under: `src/providers/<name>/` and `src/providers/kit/` are folders of their own. */
function folderOf(path) {
  const parts = path.split('/');
  if (parts.length === 2) return 'src/ (top-level files)';
  return `${parts.slice(0, parts[1] === 'providers' && parts.length > 3 ? 3 : 2).join('/')}/`;
}

/** The layers, bottom up; a folder not named here sorts last. */
const ORDER = [
  'src/ (top-level files)',
  'src/external/',
  'src/config/',
  'src/image/',
  'src/verify/',
  'src/tools/',
  'src/health/',
  'src/github/',
  'src/report/',
  'src/providers/',
  'src/providers/kit/',
  'src/modes/',
  'src/vendor/',
];
const rank = (folder) => (ORDER.includes(folder) ? ORDER.indexOf(folder) : folder.startsWith('src/providers/') ? 9.5 : ORDER.length);

const folders = new Map();
for (const [path, text] of sources()) {
  const lines = text.endsWith('\n') ? text.split('\n').length - 1 : text.split('\n').length;
  const folder = folderOf(path);
  if (!folders.has(folder)) folders.set(folder, []);
  folders.get(folder).push({ path, lines });
}

const rows = [...folders].sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
const total = rows.reduce((n, [, files]) => n + files.reduce((m, f) => m + f.lines, 0), 0);
const width = Math.max(...rows.map(([f]) => f.length));
console.log(`module map of ${rev ?? 'the working tree'}: ${total} lines of TypeScript in src/`);
console.log(`${'folder'.padEnd(width)}  files  lines  share  largest`);
for (const [folder, files] of rows) {
  files.sort((a, b) => b.lines - a.lines || a.path.localeCompare(b.path));
  const lines = files.reduce((m, f) => m + f.lines, 0);
  const largest = files[0];
  const share = `${Math.round((lines / total) * 100)}%`;
  console.log(
    `${folder.padEnd(width)}  ${String(files.length).padStart(5)}  ${String(lines).padStart(5)}  ${share.padStart(5)}  ${relative(folder.startsWith('src/ ') ? 'src' : folder, largest.path)} ${largest.lines}`,
  );
  if (listFiles) for (const f of files) console.log(`${''.padEnd(width)}         ${String(f.lines).padStart(5)}  ${f.path}`);
}
const over = rows.flatMap(([, files]) => files.filter((f) => f.lines > LIMIT));
console.log(over.length ? `over ${LIMIT} lines: ${over.map((f) => `${f.path} (${f.lines})`).join(', ')}` : `no file over ${LIMIT} lines`);
