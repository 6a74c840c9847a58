/**
 * `npm start -- <flags>` (scripts/local-run.mjs) on a fresh clone: flags become the runner's INPUT_*
 * env, outputs and summary are printed, the exit code is the action's. Run in a copy of the
 * repository layout (scripts/, action.yml, dist/index.js) whose dist/index.js is a fixture action,
 * with no node_modules anywhere near it: only Node builtins may be needed.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cleanEnv, nodeBinary, ROOT } from '../support/action.js';

const FIXTURE = `
import { appendFileSync } from 'node:fs';
const inputs = Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('INPUT_')).sort());
appendFileSync(process.env.GITHUB_OUTPUT, 'inputs<<EOF_1\\n' + JSON.stringify(inputs) + '\\nEOF_1\\n');
appendFileSync(process.env.GITHUB_OUTPUT, 'cwd<<EOF_2\\n' + process.cwd() + '\\nEOF_2\\n');
appendFileSync(process.env.GITHUB_OUTPUT, 'image<<EOF_3\\nlocalhost:5000/app@sha256:abc\\nEOF_3\\n');
appendFileSync(process.env.GITHUB_STEP_SUMMARY, '### Plan\\n| rule | result |\\n');
console.log('::group::Resolve the image');
if (process.env['INPUT_IMAGE-DIGEST'] === 'bad') { console.log('::error::invalid digest'); process.exitCode = 1; }
`;

let repo: string;
beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'local-run-clone-'));
  mkdirSync(join(repo, 'scripts'));
  mkdirSync(join(repo, 'dist'));
  for (const f of ['scripts/local-run.mjs', 'scripts/runner-files.mjs', 'action.yml']) copyFileSync(join(ROOT, f), join(repo, f));
  writeFileSync(join(repo, 'dist', 'package.json'), '{"type":"module"}\n');
  writeFileSync(join(repo, 'dist', 'index.js'), FIXTURE);
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

function localRun(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(nodeBinary('24'), [join(repo, 'scripts', 'local-run.mjs'), ...args], {
    cwd: repo,
    env: { ...cleanEnv(), npm_lifecycle_event: '', ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  const outputs: Record<string, string> = {};
  const block = r.stdout.split('\n--- outputs ---\n')[1]?.split('\n\n')[0] ?? '';
  for (const line of block.split('\n').filter(Boolean)) outputs[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, outputs };
}

describe('local-run', () => {
  it('maps flags to INPUT_* (defaults from action.yml) and prints outputs, summary and exit code', () => {
    const digest = `sha256:${'b'.repeat(64)}`;
    const r = localRun(
      [
        '--mode',
        'plan',
        `--image-digest=${digest}`,
        '--working-directory',
        'examples/docker',
        '--build-args',
        'A=1',
        '--build-args',
        'B=x=y',
        '--force',
      ],
      {
        GITHUB_TOKEN: 'gh-token-value',
        INPUT_STRAY: 'leaked',
      },
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const inputs = JSON.parse(r.outputs.inputs ?? '{}') as Record<string, string>;
    expect(inputs).toMatchObject({
      INPUT_MODE: 'plan',
      'INPUT_IMAGE-DIGEST': digest,
      'INPUT_WORKING-DIRECTORY': 'examples/docker',
      'INPUT_BUILD-ARGS': 'A=1\nB=x=y',
      INPUT_FORCE: 'true',
      'INPUT_PIN-DIGEST': 'true',
      INPUT_TIMEOUT: '10m',
      'INPUT_GITHUB-TOKEN': 'gh-token-value',
    });
    expect(inputs.INPUT_STRAY).toBeUndefined();
    expect(r.outputs.cwd).toBe(repo);
    expect(r.outputs.image).toBe('localhost:5000/app@sha256:abc');
    expect(r.stdout).toContain('::group::Resolve the image');
    expect(r.stdout).toContain('--- job summary ---\n### Plan\n| rule | result |\n');
    expect(r.stdout.trimEnd().endsWith('--- exit code 0 ---')).toBe(true);
  });

  it("exits with the action's exit code", () => {
    const r = localRun(['--mode', 'plan', '--image-digest', 'bad']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('::error::invalid digest');
    expect(r.stdout).toContain('--- exit code 1 ---');
  });

  it('rejects a flag that is not an input of action.yml, with exit 2', () => {
    const r = localRun(['--mode', 'plan', '--imagedigest', 'x']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown input --imagedigest');
  });

  it('--help lists every input of action.yml with its default', () => {
    const r = localRun(['--help']);
    expect(r.code).toBe(0);
    const inputs = (parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: string }> }).inputs;
    for (const [name, spec] of Object.entries(inputs)) {
      const line = r.stdout.split('\n').find((l) => l.startsWith(`  --${name} `));
      expect(line, name).toBeDefined();
      if (spec.default !== undefined && !String(spec.default).includes('${{')) expect(line).toContain(`[default: ${spec.default}]`);
    }
  });

  it('says how to build dist/ when it is missing', () => {
    rmSync(join(repo, 'dist', 'index.js'));
    try {
      const r = localRun(['--mode', 'plan']);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/dist\/index\.js is missing: build it with `npm ci && npm run bundle`/);
    } finally {
      writeFileSync(join(repo, 'dist', 'index.js'), FIXTURE);
    }
  });
});
