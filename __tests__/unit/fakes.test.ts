/** The recording stand-in every contract test uses: it records what it was called with and answers from its handler. */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { installFakes } from '../support/fakes.js';

const fakes = installFakes(['echo-fake']);
afterAll(() => fakes.remove());

describe('recording fake (contract-test support)', () => {
  it('records argv, stdin, cwd and env names, keeps state, and answers from the handler', () => {
    const envFile = join(fakes.stateDir, 'ws.env');
    writeFileSync(envFile, 'TOKEN=s3cret\nOTHER=x\n', { mode: 0o600 });
    const env = { ...process.env, ...fakes.env, SOME_SECRET: 'hidden-value' };
    const a = spawnSync('echo-fake', ['up', '--workspace-env-file', envFile], {
      env,
      input: 'on-stdin',
      encoding: 'utf8',
      cwd: fakes.stateDir,
    });
    expect(a.status).toBe(0);
    expect(JSON.parse(a.stdout)).toEqual({ argv: ['up', '--workspace-env-file', envFile], count: 1 });
    const b = spawnSync('echo-fake', ['fail'], { env, encoding: 'utf8' });
    expect(b.status).toBe(3);
    expect(b.stderr).toContain('asked to fail');
    const calls = fakes.calls('echo-fake');
    expect(calls).toHaveLength(2);
    expect(calls[0]!.stdin).toBe('on-stdin');
    expect(calls[0]!.cwd).toBe(fakes.stateDir);
    expect(calls[0]!.envNames).toContain('SOME_SECRET');
    expect(JSON.stringify(calls)).not.toContain('hidden-value');
    expect(JSON.stringify(calls)).not.toContain('s3cret');
    expect(calls[0]!.envFiles[envFile]).toEqual({ mode: 0o600, names: ['TOKEN', 'OTHER'] });
    expect(fakes.state<{ count: number }>('echo-fake').count).toBe(2);
  });
});
