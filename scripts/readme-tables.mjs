#!/usr/bin/env node
/**
 * The README's inputs and outputs tables, generated from action.yml so they cannot drift:
 *   npm run readme          rewrite the tables between the markers in README.md
 *   npm run readme -- --check   exit 1 (and say which) when README.md is not what action.yml gives
 * Markers: <!-- inputs:begin --> … <!-- inputs:end -->, <!-- outputs:begin --> … <!-- outputs:end -->.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const cell = (s) =>
  String(s)
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, ' ')
    .trim();
const code = (s) => (s === undefined || s === '' ? '' : `\`${String(s).replace(/`/g, "'")}\``);

/** @param {string} actionYml */
export function renderTables(actionYml) {
  const action = parse(actionYml);
  const inputs = ['| input | default | description |', '|---|---|---|'];
  for (const [name, i] of Object.entries(action.inputs ?? {})) {
    inputs.push(`| \`${name}\` | ${code(i.default)} | ${cell(i.description ?? '')} |`);
  }
  const outputs = ['| output | description |', '|---|---|'];
  for (const [name, o] of Object.entries(action.outputs ?? {})) outputs.push(`| \`${name}\` | ${cell(o.description ?? '')} |`);
  return { inputs: inputs.join('\n'), outputs: outputs.join('\n') };
}

/** @param {string} readme @param {string} actionYml */
export function updateReadme(readme, actionYml) {
  const tables = renderTables(actionYml);
  let out = readme;
  for (const key of ['inputs', 'outputs']) {
    const re = new RegExp(`(<!-- ${key}:begin -->)[\\s\\S]*?(<!-- ${key}:end -->)`);
    if (!re.test(out)) throw new Error(`README.md has no <!-- ${key}:begin --> … <!-- ${key}:end --> markers`);
    out = out.replace(re, (_m, a, b) => `${a}\n${tables[key]}\n${b}`);
  }
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const readmePath = join(root, 'README.md');
  const readme = readFileSync(readmePath, 'utf8');
  const next = updateReadme(readme, readFileSync(join(root, 'action.yml'), 'utf8'));
  if (process.argv.includes('--check')) {
    if (next !== readme) {
      console.error('README.md: the inputs/outputs tables differ from action.yml. Fix: npm run readme, then commit README.md');
      process.exit(1);
    }
    console.log('README.md tables match action.yml');
  } else {
    writeFileSync(readmePath, next);
    console.log(next === readme ? 'README.md already up to date' : 'README.md tables rewritten from action.yml');
  }
}
