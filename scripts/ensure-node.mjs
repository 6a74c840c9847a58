#!/usr/bin/env node
/**
 * Prints the path of a Node binary of the given major version, installing it from the npm
 * registry (`node-<platform>-<arch>` packages ship the official binary) into .tmp/node/<version>/
 * when this machine has none. The action runs on `node24`; action-level tests run the bundle on
 * Node 20 and 24 (__tests__/support/action.ts calls this, .ci/run calls it up front).
 * Usage: node scripts/ensure-node.mjs 24
 * Node builtins only; progress on stderr, the path alone on stdout.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The versions installed when the running node is not of that major (bump with dependabot's npm updates in mind). */
const PINNED = { 20: '20.20.2', 24: '24.21.0' };

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const major = process.argv[2] ?? '';
const version = PINNED[major];
if (!version) fail(`usage: node scripts/ensure-node.mjs <${Object.keys(PINNED).join('|')}>`);

if (process.versions.node.split('.')[0] === major) {
  process.stdout.write(`${process.execPath}\n`);
  process.exit(0);
}

const pkg = `node-${process.platform}-${process.arch}`;
const dir = join(root, '.tmp', 'node', version);
const bin = join(dir, 'node_modules', pkg, 'bin', 'node');
if (!works(bin)) {
  const partial = `${dir}.partial-${process.pid}`;
  mkdirSync(partial, { recursive: true });
  process.stderr.write(`ensure-node: installing ${pkg}@${version} into ${dir}\n`);
  const npm = spawnSync(
    'npm',
    ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--prefix', partial, `${pkg}@${version}`],
    {
      stdio: ['ignore', 2, 2],
    },
  );
  if (npm.status !== 0) {
    rmSync(partial, { recursive: true, force: true });
    fail(
      `npm could not install ${pkg}@${version} (exit ${npm.status ?? npm.error?.message}): Node ${major} is needed to run the action as the runner does`,
    );
  }
  rmSync(dir, { recursive: true, force: true });
  renameSync(partial, dir);
  if (!works(bin)) fail(`${bin} does not run after installing ${pkg}@${version}`);
}
process.stdout.write(`${bin}\n`);

function works(file) {
  if (!existsSync(file)) return false;
  const r = spawnSync(file, ['--version'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() === `v${version}`;
}

function fail(message) {
  process.stderr.write(`ensure-node: ${message}\n`);
  process.exit(1);
}
