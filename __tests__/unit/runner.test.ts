/**
 * src/runner.ts over @actions/core: the runner files core writes (GITHUB_OUTPUT, GITHUB_STATE,
 * GITHUB_STEP_SUMMARY) read back the way the runner reads them (scripts/runner-files.mjs), and the
 * redaction core leaves to the runner, which must hold in local runs where there is none.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseFileCommands } from '../../scripts/runner-files.mjs';
import * as runner from '../../src/runner.js';
import { runnerCommands } from '../support/runner-log.js';
import { leftTemps, saveState, TempFiles } from '../../src/state.js';

const SECRET = 'p4ss-w0rd-xyz';
let dir: string;
let stdout: string[];

function file(name: string): string {
  const p = join(dir, name);
  writeFileSync(p, '');
  return p;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'runner-unit-'));
  stdout = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout.push(String(chunk));
    return true;
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe('runner files written by @actions/core, read as the runner reads them', () => {
  it('GITHUB_OUTPUT: heredoc with a ghadelimiter_<uuid>, multi-line values intact, secrets replaced', () => {
    const out = file('output');
    vi.stubEnv('GITHUB_OUTPUT', out);
    runner.setSecret(SECRET);
    runner.setOutput('image', 'repo@sha256:abc');
    runner.setOutput('result', `{"a":1}\nline two ${SECRET}`);
    const text = readFileSync(out, 'utf8');
    expect(text).toMatch(/^image<<ghadelimiter_[0-9a-f-]{36}\n/);
    expect(parseFileCommands(text)).toEqual({ image: 'repo@sha256:abc', result: '{"a":1}\nline two ***' });
  });

  it('GITHUB_STATE: state the post step gets back as STATE_<name>; temp paths registered and released', () => {
    const state = file('state');
    vi.stubEnv('GITHUB_STATE', state);
    runner.setSecret(SECRET);
    const temps = new TempFiles();
    temps.register('/tmp/a');
    temps.register('/tmp/b');
    temps.release('/tmp/a');
    saveState('note', `token ${SECRET}`);
    const saved = parseFileCommands(readFileSync(state, 'utf8'));
    expect(JSON.parse(saved['temp-paths']!)).toEqual(['/tmp/b']);
    expect(saved.note).toBe('token ***');
    vi.stubEnv('STATE_temp-paths', saved['temp-paths']!);
    expect(leftTemps()).toEqual(['/tmp/b']);
  });

  it('GITHUB_STEP_SUMMARY: core.summary appends in order, redacted', async () => {
    const summary = file('summary.md');
    vi.stubEnv('GITHUB_STEP_SUMMARY', summary);
    runner.setSecret(SECRET);
    expect(runner.appendSummary('### one')).toBe(true);
    expect(runner.appendSummary(`two ${SECRET}`)).toBe(true);
    await runner.summaryWritten();
    expect(readFileSync(summary, 'utf8')).toBe('### one\ntwo ***\n');
  });

  it('no summary file (a local run): appendSummary says so and writes nothing', () => {
    vi.stubEnv('GITHUB_STEP_SUMMARY', '');
    expect(runner.appendSummary('x')).toBe(false);
  });
});

describe('masking in local runs (no runner to mask): every registered secret, every line we write', () => {
  it('log lines, annotations, groups and debug lines carry *** instead of the value; each line of a multi-line secret too', async () => {
    vi.stubEnv('RUNNER_DEBUG', '1');
    vi.stubEnv('GITHUB_OUTPUT', '');
    const pem = 'line-one-secret\nline-two-secret';
    runner.setSecret(SECRET);
    runner.setSecret(pem);
    runner.info(`info ${SECRET}`);
    runner.debug(`debug ${SECRET}`);
    runner.warning(`warn line-two-secret`, { file: 'sindri.yaml', startLine: 3, title: 'x' });
    runner.notice(`notice ${SECRET}`);
    runner.error(`error line-one-secret`);
    runner.setOutput('o', SECRET);
    await runner.group(`group ${SECRET}`, async () => runner.info('inside'));
    const text = stdout.join('');
    const withoutMasks = text.replace(/^::add-mask::.*$/gm, '');
    expect(withoutMasks).not.toContain(SECRET);
    expect(withoutMasks).not.toContain('line-one-secret');
    expect(withoutMasks).not.toContain('line-two-secret');
    expect(text).toContain('::add-mask::line-one-secret');
    expect(text).toContain('info ***');
    expect(text).toContain('::warning title=x,file=sindri.yaml,line=3::warn ***');
    expect(text).toContain('::group::group ***');
    expect(text).toContain('::debug::output o=***');
  });

  it('setFailed: exit code 1 and one error annotation', () => {
    runner.setFailed(`broken ${SECRET}`, { file: 'a.yaml', startLine: 1 });
    expect(process.exitCode).toBe(1);
    process.exitCode = 0;
    expect(stdout.join('')).toContain('::error file=a.yaml,line=1::broken');
  });

  it('values shorter than 3 characters are not registered (they would shred every line)', () => {
    runner.setSecret('ab');
    runner.info('about abc');
    expect(stdout.join('')).toContain('about abc');
  });
});

describe('text that is not ours never acts as a workflow command (issue 20, class 5)', () => {
  const forged = [
    'kind-x\n::error::forged',
    'a\n   ::add-mask::forged',
    'a\r::set-output name=x::forged',
    'a\r\n\t::warning::forged',
    'prefix ##[error]forged',
    '::notice::forged',
    '\u00a0::error::forged',
  ];

  it('every hostile line is printed as text between stop-commands markers; the runner runs none of it', () => {
    for (const text of forged) runner.info(`$ kubectl --context ${text} get pods`);
    const log = stdout.join('');
    for (const text of forged) expect(log).toContain(text);
    const commands = runnerCommands(log);
    expect(commands.filter((c) => c.data.includes('forged') || c.name === 'add-mask' || c.name === 'set-output')).toEqual([]);
    expect(commands.every((c) => /^[0-9a-f]{32}$/.test(c.name))).toBe(true); // only the markers that end each block
  });

  it('ordinary lines are printed as they are, with no markers', () => {
    runner.info('deployed ghcr.io/o/app@sha256:1 at http://localhost:8080 (a::b is not at the start)');
    expect(stdout.join('')).toBe('deployed ghcr.io/o/app@sha256:1 at http://localhost:8080 (a::b is not at the start)\n');
  });

  it('the runner-log reader itself finds commands where the runner would (positive control)', () => {
    expect(runnerCommands('x\n  ::error::a\r::warning file=f::b\nzz ##[debug]c\n').map((c) => `${c.name}:${c.data}`)).toEqual([
      'error:a',
      'warning:b',
      'debug:c',
    ]);
    expect(runnerCommands('::stop-commands::tok\n::error::hidden\n::tok::\n::error::seen\n').map((c) => c.data)).toEqual(['seen']);
  });
});

describe('holdLog: work done ahead of its turn prints in its turn (ADR 0050)', () => {
  const tick = () => new Promise((r) => setImmediate(r));

  it('holds its groups, lines, warnings and hostile text until turn(); what runs beside it prints as it goes', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const ahead = runner.holdLog(async () => {
      await runner.group('Plan (docker)', async () => {
        runner.info('$ docker info');
        await gate;
        runner.warning('engine slow');
        runner.info('x\n::error::forged');
      });
      return 42;
    });
    await tick();
    runner.info('probe line, printed now');
    expect(stdout.join('')).toBe('probe line, printed now\n');
    release();
    await tick();
    expect(stdout.join('')).toBe('probe line, printed now\n'); // finished, still held until its turn
    runner.setSecret(SECRET);
    expect(await ahead.turn()).toBe(42);
    const log = stdout.join('');
    expect(log.indexOf('probe line')).toBeLessThan(log.indexOf('::group::Plan (docker)'));
    expect(log).toMatch(
      /::group::Plan \(docker\)\n\$ docker info\n::warning::engine slow\n::stop-commands::[0-9a-f]{32}\nx\n::error::forged\n::[0-9a-f]{32}::\n::endgroup::\n$/,
    );
    expect(runnerCommands(log).filter((c) => c.data.includes('forged'))).toEqual([]);
  });

  it('a failure is thrown by turn(), after its lines, never as an unhandled rejection before', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown) => unhandled.push(e);
    process.on('unhandledRejection', onUnhandled);
    try {
      const ahead = runner.holdLog(async () => {
        runner.info('reading the engine');
        throw new Error('engine gone');
      });
      await tick();
      await tick();
      expect(unhandled).toEqual([]);
      expect(stdout.join('')).toBe('');
      await expect(ahead.turn()).rejects.toThrow('engine gone');
      expect(stdout.join('')).toBe('reading the engine\n');
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('a secret registered before turn() is masked in the held lines (they are redacted when printed)', async () => {
    const ahead = runner.holdLog(async () => runner.info(`token ${SECRET}-late`));
    await tick();
    runner.setSecret(`${SECRET}-late`);
    await ahead.turn();
    const lines = stdout.join('').split('\n');
    expect(lines).toContain('token ***');
    expect(lines.filter((l) => l.includes(SECRET) && !l.startsWith('::add-mask::'))).toEqual([]);
  });
});
