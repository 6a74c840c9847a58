/**
 * A program in none of PATH's folders is not started (issue 25, ADR 0050's addendum): its start would
 * fail with ENOENT anyway, and a failed start still forks the action's process. The run fails exactly
 * as the failed start did (one line, the same fix); a name that is somewhere on PATH is started as
 * before, whatever happens then. `spawn` is the real one, watched.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { Deadline } from '../../src/deadline.js';
import { Exec, notOnPath } from '../../src/external/exec.js';

vi.mock('node:child_process', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:child_process')>();
  return { ...real, spawn: vi.fn(real.spawn) };
});
const { spawn } = await import('node:child_process');

const dir = mkdtempSync(join(tmpdir(), 'exec-not-on-path-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
mkdirSync(join(dir, 'bin'));
mkdirSync(join(dir, 'work'));
writeFileSync(join(dir, 'bin', 'tool'), '#!/bin/sh\necho tool-ran\n', { mode: 0o755 });
writeFileSync(join(dir, 'bin', 'not-executable'), 'data\n');
chmodSync(join(dir, 'bin', 'not-executable'), 0o644);
writeFileSync(join(dir, 'work', 'here'), '#!/bin/sh\n', { mode: 0o755 });

describe('notOnPath: only where the start would certainly fail with ENOENT', () => {
  const cwd = join(dir, 'work');
  it('a name in none of the folders; relative entries from the working directory; an empty entry is the working directory', () => {
    expect(notOnPath('absent', `${join(dir, 'bin')}:/nonexistent`, cwd)).toBe(true);
    expect(notOnPath('tool', `/nonexistent:${join(dir, 'bin')}`, cwd)).toBe(false);
    expect(notOnPath('tool', '../bin', cwd)).toBe(false);
    expect(notOnPath('here', '/nonexistent:', cwd)).toBe(false);
    expect(notOnPath('here', '/nonexistent', cwd)).toBe(true);
    // a file that is there but cannot run is started, and fails as it did
    expect(notOnPath('not-executable', join(dir, 'bin'), cwd)).toBe(false);
  });

  it('a path, or no PATH at all (the default PATH applies), is always started', () => {
    expect(notOnPath('./absent', '/nonexistent', cwd)).toBe(false);
    expect(notOnPath('/no/such/absent', '/nonexistent', cwd)).toBe(false);
    expect(notOnPath('absent', undefined, cwd)).toBe(false);
    expect(notOnPath('absent', '', cwd)).toBe(false);
  });
});

describe('Exec.run of a program on no PATH folder', () => {
  const quiet = () => vi.spyOn(process.stdout, 'write').mockImplementation(() => true);

  it('fails as the failed start did, announced and recorded, without starting a process', async () => {
    const out = quiet();
    const exec = new Exec(new Deadline(60));
    vi.mocked(spawn).mockClear();
    const e = await exec
      .run('sindri-absent-tool', ['version'], { env: { PATH: join(dir, 'bin') }, allowFailure: true })
      .catch((x: unknown) => x);
    const lines = out.mock.calls.map((c) => String(c[0]));
    out.mockRestore();
    expect(e).toMatchObject({
      message: '`sindri-absent-tool` was not found on PATH',
      fix: 'install sindri-absent-tool on the runner, or let the action install it (see the <tool>-version inputs)',
    });
    expect(spawn).not.toHaveBeenCalled();
    expect(lines.join('')).toContain('$ sindri-absent-tool version');
    expect(exec.history).toEqual([{ argv: ['sindri-absent-tool', 'version'] }]);
  });

  it('a name that is on PATH is started: it runs, or fails to start as before', async () => {
    const out = quiet();
    const exec = new Exec(new Deadline(60));
    vi.mocked(spawn).mockClear();
    const ran = await exec.run('tool', [], { env: { PATH: join(dir, 'bin') } });
    const denied = await exec.run('not-executable', [], { env: { PATH: join(dir, 'bin') } }).catch((x: unknown) => x);
    out.mockRestore();
    expect(ran.stdout.trim()).toBe('tool-ran');
    expect(denied).toMatchObject({ message: expect.stringMatching(/^could not start `not-executable`: spawn not-executable EACCES/) });
    expect(spawn).toHaveBeenCalledTimes(2);
  });
});

describe('Exec.run started: the caller’s work beside a running process', () => {
  it('is called once the process has started, before it ends; never for one that could not start', async () => {
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const exec = new Exec(new Deadline(60));
    const seen: string[] = [];
    const r = await exec.run('tool', [], { env: { PATH: join(dir, 'bin') }, started: () => seen.push('started') });
    seen.push(`ended ${r.code}`);
    await exec
      .run('sindri-absent-tool', [], { env: { PATH: join(dir, 'bin') }, started: () => seen.push('absent started') })
      .catch(() => undefined);
    await exec
      .run('not-executable', [], { env: { PATH: join(dir, 'bin') }, started: () => seen.push('denied started') })
      .catch(() => undefined);
    out.mockRestore();
    expect(seen).toEqual(['started', 'ended 0']);
  });
});
