/**
 * The harness every action-level test stands on: inputs reach the action under the runner's names,
 * action.yml defaults apply, outputs written in the file-command format come back exactly (multi-line
 * included), on Node 20 and Node 24. Driven by a tiny fixture action written here, not by dist/.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { inputEnvName, parseFileCommands, readActionInputs } from '../../scripts/runner-files.mjs';
import { NODES, ROOT, runAction } from '../support/action.js';

// What a real action does: read INPUT_* env, append heredoc file commands (same format as src/runner.ts).
const FIXTURE = `
import { appendFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
const put = (file, name, value) => {
  const d = 'ghadelimiter_' + randomUUID();
  appendFileSync(process.env[file], name + '<<' + d + '\\n' + value + '\\n' + d + '\\n');
};
const inputs = Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('INPUT_')));
put('GITHUB_OUTPUT', 'inputs', JSON.stringify(inputs));
put('GITHUB_OUTPUT', 'multi', 'line one\\nname<<NOT_THE_END\\n\\nkey=value\\nline five');
put('GITHUB_OUTPUT', 'empty', '');
appendFileSync(process.env.GITHUB_OUTPUT, 'one-line=a=b\\n');
put('GITHUB_OUTPUT', 'node', process.version);
put('GITHUB_OUTPUT', 'runner', JSON.stringify({ temp: process.env.RUNNER_TEMP, cache: process.env.RUNNER_TOOL_CACHE, cwd: process.cwd() }));
put('GITHUB_STATE', 'saved', 'for the post step');
appendFileSync(process.env.GITHUB_STEP_SUMMARY, '## Summary\\n| a | b |\\n');
console.log('::group::fixture');
console.error('to stderr');
if (process.env['INPUT_EXIT-CODE']) process.exitCode = Number(process.env['INPUT_EXIT-CODE']);
if (process.env.INPUT_SLEEP) setTimeout(() => {}, Number(process.env.INPUT_SLEEP));
`;

let dir: string;
let script: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'harness-fixture-'));
  script = join(dir, 'fixture-action.mjs');
  writeFileSync(script, FIXTURE);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(NODES)('runAction on Node %s', (node) => {
  // on both: the Node 20 runs that stay (ADR 0024) must really run on Node 20
  it('passes inputs under the runner names, applies action.yml defaults, and reads every output back exactly', async () => {
    process.env.INPUT_STRAY = 'from the test process';
    process.env.GITHUB_OUTPUT = '/nonexistent/output';
    let run;
    try {
      run = await runAction({
        node,
        script,
        cwd: dir,
        inputs: { 'image-digest': `sha256:${'a'.repeat(64)}`, 'working-directory': 'examples/docker', mode: 'plan', 'my input': 'spaced' },
        env: { EXTRA: '1' },
      });
    } finally {
      delete process.env.INPUT_STRAY;
      delete process.env.GITHUB_OUTPUT;
    }
    expect(run.stderr).toBe('to stderr\n');
    expect(run.code).toBe(0);
    expect(run.outputs.node).toMatch(new RegExp(`^v${node}\\.`));

    const inputs = JSON.parse(run.outputs.inputs ?? '{}') as Record<string, string>;
    expect(inputs['INPUT_IMAGE-DIGEST']).toBe(`sha256:${'a'.repeat(64)}`);
    expect(inputs['INPUT_WORKING-DIRECTORY']).toBe('examples/docker');
    expect(inputs.INPUT_MY_INPUT).toBe('spaced');
    expect(inputs.INPUT_MODE).toBe('plan'); // given wins over the default `deploy`
    expect(inputs['INPUT_PIN-DIGEST']).toBe('true'); // defaults from action.yml
    expect(inputs['INPUT_DEFAULT-IMAGE']).toBe('ghcr.io/pacphi/sindri:latest');
    expect(inputs['INPUT_GITHUB-TOKEN']).toBeUndefined(); // `${{ github.token }}` has no value outside a runner
    expect(inputs.INPUT_STRAY).toBeUndefined();

    expect(run.outputs.multi).toBe('line one\nname<<NOT_THE_END\n\nkey=value\nline five');
    expect(run.outputs.empty).toBe('');
    expect(run.outputs['one-line']).toBe('a=b');
    const runner = JSON.parse(run.outputs.runner ?? '{}') as { temp: string; cache: string; cwd: string };
    expect(runner.cwd).toBe(dir);
    expect(runner.temp).toMatch(/runner-temp$/);
    expect(runner.cache).toMatch(/tool-cache$/);
    expect(run.state).toEqual({ saved: 'for the post step' });
    expect(run.summary).toBe('## Summary\n| a | b |\n');
    expect(run.stdout).toContain('::group::fixture');
    expect(run.durationMs).toBeGreaterThan(0);
  });
});

describe('runAction', () => {
  const node = '24' as const;

  it('returns the exit code of a failing action', async () => {
    const run = await runAction({ node, script, inputs: { 'exit-code': '3' } });
    expect(run.code).toBe(3);
    expect(run.outputs.multi).toContain('line five'); // outputs written before the failure are still read
  });

  it('kills an action that outlives timeoutMs and says so', async () => {
    await expect(runAction({ node, script, inputs: { sleep: '30000' }, timeoutMs: 1500 })).rejects.toThrow(/did not finish within 1500 ms/);
  });
});

describe('runner-files', () => {
  it('reads the inputs of action.yml exactly as a YAML parser does', () => {
    const text = readFileSync(join(ROOT, 'action.yml'), 'utf8');
    const yaml = parse(text) as { inputs: Record<string, { description: string; required?: boolean; default?: string }> };
    const expected = Object.entries(yaml.inputs).map(([name, v]) => ({
      name,
      description: v.description,
      required: v.required === true,
      ...(v.default === undefined ? {} : { default: String(v.default) }),
    }));
    expect(expected.length).toBeGreaterThan(10);
    expect(readActionInputs(text)).toEqual(expected);
  });

  it('reads quoting, comments and block scalars in an inputs block', () => {
    const text = [
      'name: x',
      'inputs:',
      '  # a comment',
      '  plain:',
      '    description: Plain text # trailing comment',
      '    required: true',
      "    default: 'it''s'",
      '  "quoted":',
      '    description: "a: \\"b\\""',
      '    default: ""',
      '  block:',
      '    description: |',
      '      line 1',
      '',
      '      line 3',
      '    default: >',
      '      folded',
      '      text',
      'outputs:',
      '  out:',
      '    description: not an input',
    ].join('\n');
    expect(readActionInputs(text)).toEqual([
      { name: 'plain', description: 'Plain text', required: true, default: "it's" },
      { name: 'quoted', description: 'a: "b"', required: false, default: '' },
      { name: 'block', description: 'line 1\n\nline 3', required: false, default: 'folded text' },
    ]);
  });

  it('names inputs like the runner and rejects an unterminated heredoc', () => {
    expect(inputEnvName('image-digest')).toBe('INPUT_IMAGE-DIGEST');
    expect(inputEnvName('my input')).toBe('INPUT_MY_INPUT');
    expect(() => parseFileCommands('name<<EOF\nvalue\n')).toThrow(/no closing delimiter EOF/);
  });
});
