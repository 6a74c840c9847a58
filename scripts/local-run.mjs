#!/usr/bin/env node
/**
 * Runs the committed bundle (dist/index.js) on this machine as the GitHub runner would, on a fresh
 * clone and without `npm install` (Node builtins only):
 *
 *   npm start -- --mode plan --working-directory examples/docker --provider docker
 *   node scripts/local-run.mjs --mode=plan --image-digest sha256:…
 *
 * Every `--<input> <value>` (or `--<input>=<value>`) becomes the runner's `INPUT_<INPUT>`; inputs
 * not given get their action.yml defaults (`github-token` defaults to $GITHUB_TOKEN when set). A
 * flag given twice joins its values with newlines (multi-line inputs such as build-args); a flag
 * with no value means `true`. The action's log goes straight to the terminal, then its outputs are
 * printed as `name=value` lines and its job summary as markdown. Exit code: the action's.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inputEnv, parseFileCommands, readActionInputs } from './runner-files.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const declared = readActionInputs(readFileSync(join(root, 'action.yml'), 'utf8'));
const known = new Set(declared.map((i) => i.name));

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(help());
  process.exit(0);
}

const given = {};
for (let i = 0; i < args.length; i++) {
  const m = /^--([^=]+)(?:=([\s\S]*))?$/.exec(args[i]);
  if (!m) usage(`unexpected argument "${args[i]}": inputs are given as --<input> <value>`);
  const [, name, inline] = m;
  if (!known.has(name)) usage(`unknown input --${name}: action.yml has no input "${name}"`);
  let value = inline;
  if (value === undefined) value = i + 1 < args.length && !args[i + 1].startsWith('--') ? args[++i] : 'true';
  given[name] = name in given ? `${given[name]}\n${value}` : value;
}

const entry = join(root, 'dist', 'index.js');
if (!existsSync(entry)) {
  process.stderr.write(`local-run: ${entry} is missing: build it with \`npm ci && npm run bundle\`\n`);
  process.exit(1);
}

const tmp = mkdtempSync(join(tmpdir(), 'sindri-local-run-'));
const files = {
  GITHUB_OUTPUT: join(tmp, 'output'),
  GITHUB_STEP_SUMMARY: join(tmp, 'summary.md'),
  GITHUB_STATE: join(tmp, 'state'),
};
for (const f of Object.values(files)) writeFileSync(f, '');
const env = {};
for (const [k, v] of Object.entries(process.env)) if (!k.toUpperCase().startsWith('INPUT_')) env[k] = v;
Object.assign(env, files);
env.RUNNER_TEMP ??= join(tmp, 'runner-temp');
env.RUNNER_TOOL_CACHE ??= join(root, '.tmp', 'tool-cache'); // kept between runs: tools download once
mkdirSync(env.RUNNER_TEMP, { recursive: true });
mkdirSync(env.RUNNER_TOOL_CACHE, { recursive: true });
Object.assign(env, inputEnv(declared, given, process.env.GITHUB_TOKEN ? { '${{ github.token }}': process.env.GITHUB_TOKEN } : {}));

// `npm start` runs in the package root; the step's directory is where the user typed the command
const cwd = process.env.npm_lifecycle_event === 'start' && process.env.INIT_CWD ? process.env.INIT_CWD : process.cwd();
const child = spawn(process.execPath, [entry], { cwd, env, stdio: ['ignore', 'pipe', 'inherit'] });
// `::add-mask::<value>` tells the runner what to hide, and the runner never shows that line; a
// terminal (or a file the output is piped to) would show the secret in clear: drop those lines only
let partial = '';
child.stdout.on('data', (chunk) => {
  const lines = (partial + chunk.toString('utf8')).split('\n');
  partial = lines.pop() ?? '';
  const kept = lines.filter((l) => !isMaskCommand(l));
  if (kept.length) process.stdout.write(kept.map((l) => `${l}\n`).join(''));
});
child.stdout.on('end', () => {
  if (partial && !isMaskCommand(partial)) process.stdout.write(partial);
  partial = '';
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('error', (e) => process.stderr.write(`local-run: could not start ${process.execPath}: ${e.message}\n`));
child.on('close', (code, signal) => finish(code ?? (signal ? 128 : 1)));

function isMaskCommand(line) {
  return /^::add-mask::/.test(line.replace(/\r$/, ''));
}

function finish(code) {
  let outputs = {};
  try {
    outputs = parseFileCommands(readFileSync(files.GITHUB_OUTPUT, 'utf8'));
  } catch (e) {
    process.stderr.write(`local-run: could not read the outputs: ${e.message}\n`);
  }
  const summary = readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8');
  rmSync(tmp, { recursive: true, force: true });
  process.stdout.write('\n--- outputs ---\n');
  for (const [name, value] of Object.entries(outputs)) process.stdout.write(`${name}=${value}\n`);
  if (summary.trim()) process.stdout.write(`\n--- job summary ---\n${summary.endsWith('\n') ? summary : `${summary}\n`}`);
  process.stdout.write(`\n--- exit code ${code} ---\n`);
  process.exitCode = code;
}

function help() {
  const width = Math.max(...declared.map((i) => i.name.length)) + 4;
  const lines = declared.map((i) => {
    const shown = i.default === '${{ github.token }}' ? '$GITHUB_TOKEN' : i.default;
    const dflt = shown === undefined || shown === '' ? '' : ` [default: ${shown}]`;
    return `  --${i.name.padEnd(width)}${i.description.replace(/\s*\n\s*/g, ' ')}${dflt}`;
  });
  return [
    'Usage: npm start -- [--<input> <value>]...',
    '       node scripts/local-run.mjs [--<input>=<value>]...',
    '',
    'Runs dist/index.js as the GitHub runner would: each flag is an input of action.yml (INPUT_<NAME>),',
    "then prints the outputs as name=value lines and the job summary. Exit code: the action's.",
    'Example: npm start -- --mode plan --working-directory examples/docker --image-digest sha256:<64 hex>',
    '',
    'Inputs (from action.yml):',
    ...lines,
    '',
  ].join('\n');
}

function usage(message) {
  process.stderr.write(`local-run: ${message} (see --help)\n`);
  process.exit(2);
}
