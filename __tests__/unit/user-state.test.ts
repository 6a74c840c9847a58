/**
 * Issue 20 class 10: states of the machine the user controls end in the one line with its place and
 * fix, never "internal error": a runner file variable naming no file, a local run without the tool
 * cache, a directory or a read-only disk where a generated file goes.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ActionError, errorLine } from '../../src/errors.js';
import { checkRunnerFiles, userStateError } from '../../src/user-state.js';

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  return undefined;
}

describe('checkRunnerFiles', () => {
  it('a runner file variable that names no file is one line naming the variable, before anything runs', () => {
    const d = mkdtempSync(join(tmpdir(), 'user-state-'));
    writeFileSync(join(d, 'out'), '');
    expect(() => checkRunnerFiles({ GITHUB_OUTPUT: join(d, 'out') })).not.toThrow();
    expect(() => checkRunnerFiles({})).not.toThrow();
    const e = thrown(() => checkRunnerFiles({ GITHUB_OUTPUT: join(d, 'gone', 'out') }));
    expect(e).toBeInstanceOf(ActionError);
    expect(errorLine(e)).toMatch(
      /^env GITHUB_OUTPUT: GITHUB_OUTPUT names .*gone\/out, which is not a file.*Fix: create the file or unset GITHUB_OUTPUT/,
    );
    expect(errorLine(thrown(() => checkRunnerFiles({ GITHUB_STATE: d })))).toMatch(/^env GITHUB_STATE: /);
  });
});

describe('userStateError', () => {
  it('the tool cache assertion of @actions/tool-cache (its real message) becomes the local-run line', async () => {
    const saved = process.env.RUNNER_TOOL_CACHE;
    delete process.env.RUNNER_TOOL_CACHE;
    let e: unknown;
    try {
      const tc = await import('@actions/tool-cache');
      tc.find('sindri-never-there', '1.0.0');
    } catch (err) {
      e = err;
    } finally {
      if (saved !== undefined) process.env.RUNNER_TOOL_CACHE = saved;
    }
    expect(e).toBeInstanceOf(Error);
    expect(errorLine(userStateError(e, '/w'))).toMatch(
      /^env RUNNER_TOOL_CACHE: RUNNER_TOOL_CACHE is not set, so a missing CLI cannot be downloaded.*Fix: run it with npm start/,
    );
  });

  it('a directory where a generated file goes (a real EISDIR) names the file relative to the working directory', () => {
    const d = mkdtempSync(join(tmpdir(), 'user-state-'));
    mkdirSync(join(d, 'sindri-compose.yml'));
    const e = thrown(() => writeFileSync(join(d, 'sindri-compose.yml'), 'x'));
    expect(errorLine(userStateError(e, d))).toMatch(
      /^sindri-compose\.yml: cannot write sindri-compose\.yml: it is a directory \(EISDIR\).*Fix: remove or rename the directory sindri-compose\.yml/,
    );
  });

  it('a read-only file system (EROFS) says so with the fix; what is not a machine state is left alone', () => {
    const erofs = Object.assign(new Error('EROFS: read-only file system, open'), { code: 'EROFS', path: '/w/sindri-compose.yml' });
    expect(errorLine(userStateError(erofs, '/w'))).toMatch(
      /^sindri-compose\.yml: cannot write sindri-compose\.yml: the file system is read-only \(EROFS\)\. Fix: run the action in a writable checkout/,
    );
    // outside the working directory the path stays absolute
    const outside = Object.assign(new Error('EROFS'), { code: 'EROFS', path: '/elsewhere/x' });
    expect(errorLine(userStateError(outside, '/w'))).toMatch(/^\/elsewhere\/x: cannot write \/elsewhere\/x: the file system is read-only/);
    expect(userStateError(Object.assign(new Error('x'), { code: 'ENOENT', path: '/w/a' }), '/w')).toBeUndefined();
    expect(userStateError(new TypeError("Cannot read properties of null (reading 'tags')"), '/w')).toBeUndefined();
    expect(userStateError(new ActionError('already one line'), '/w')).toBeUndefined();
  });
});
