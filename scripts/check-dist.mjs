#!/usr/bin/env node
/**
 * Runs after `ncc build` (see `bundle` in package.json) and leaves the bundle the way action.yml
 * runs it (`main: dist/index.js`):
 *   - `index.js` is the entry (an older ncc names an ESM entry `index.mjs`: it is renamed);
 *   - `package.json` is exactly `{"type":"module"}`, so Node loads index.js and its chunks as ESM;
 *   - every chunk the bundle loads (`__nccwpck_require__.e(<id>)`) exists;
 *   - chunk files no build of today's source loads (left by earlier builds: ncc never cleans its
 *     output folder) are removed, so a stale chunk is never committed.
 * Usage: node scripts/check-dist.mjs [dir]   (default: dist/ of this repository)
 * Node builtins only. Exits 1 with one line per problem.
 */
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dir = resolve(process.argv[2] ?? join(root, 'dist'));
const problems = [];
const changes = [];

if (!existsSync(dir)) fail(`${dir} does not exist: run ncc build first`);

// 1. the entry is index.js
const entry = join(dir, 'index.js');
if (existsSync(join(dir, 'index.mjs'))) {
  renameSync(join(dir, 'index.mjs'), entry);
  changes.push('renamed index.mjs to index.js');
}
if (!existsSync(entry)) fail(`${join(dir, 'index.js')} is missing: ncc did not emit an entry`);

// 2. package.json makes .js files ES modules
const pkgFile = join(dir, 'package.json');
const wanted = { type: 'module' };
let pkg;
try {
  pkg = JSON.parse(readFileSync(pkgFile, 'utf8'));
} catch {
  pkg = undefined;
}
if (JSON.stringify(pkg) !== JSON.stringify(wanted)) {
  writeFileSync(pkgFile, JSON.stringify(wanted, null, 2) + '\n');
  changes.push('wrote package.json {"type":"module"}');
}

// 3. chunks: which files are loaded, starting from the entry
const CHUNK_FILE = /^(\d+)\.index\.m?js$/;
const LOAD = /\.e\(\s*(?:\/\*[^*]*\*\/\s*)?(\d+)\s*\)/g; // minified `_.e(886)` or `__nccwpck_require__.e(/* import() */ 886)`
const chunkFiles = new Map(); // id -> file name
for (const name of readdirSync(dir)) {
  const m = CHUNK_FILE.exec(name);
  if (m) chunkFiles.set(m[1], name);
}
const loaded = new Set();
const queue = ['index.js'];
while (queue.length > 0) {
  const file = queue.shift();
  const code = readFileSync(join(dir, file), 'utf8');
  for (const [, id] of code.matchAll(LOAD)) {
    if (loaded.has(id)) continue;
    loaded.add(id);
    const chunk = chunkFiles.get(id);
    if (chunk) queue.push(chunk);
    else problems.push(`${file} loads chunk ${id}, but no chunk file ${id}.index.js is in ${dir}`);
  }
}
for (const [id, name] of chunkFiles) {
  if (loaded.has(id)) continue;
  rmSync(join(dir, name));
  changes.push(`removed stale chunk ${name}`);
}

for (const c of changes) console.log(`check-dist: ${c}`);
if (problems.length > 0) {
  for (const p of problems) console.error(`check-dist: ${p}`);
  process.exit(1);
}
console.log(`check-dist: ${dir} ok (index.js, package.json, ${loaded.size} chunk${loaded.size === 1 ? '' : 's'})`);

function fail(message) {
  console.error(`check-dist: ${message}`);
  process.exit(1);
}
