/**
 * The exec wrapper against real processes that misbehave (issue 20, classes 2, 4 and 12): a child gets
 * only the environment it needs; the deadline stops a whole process group and does not wait for a
 * grandchild holding the pipes; endless output without new lines is streamed in bounded pieces and
 * a command the caller reads whole fails in one line beyond the limit; a signal is named.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { Deadline } from '../../src/deadline.js';
import { ActionError } from '../../src/errors.js';
import { childEnv } from '../../src/external/env.js';
import { CAPTURE_LIMIT_BYTES, Exec, STREAM_TAIL_BYTES } from '../../src/external/exec.js';

const dir = mkdtempSync(join(tmpdir(), 'exec-faults-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const quiet = () => vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
/** A process that still runs (a zombie waiting for a reaper that a container may not have counts as gone). */
const alive = (pid: number): boolean => {
  try {
    return !/\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
};
const pidIn = (file: string): number => Number(readFileSync(file, 'utf8').trim());

describe('children get only the environment they need', () => {
  it('the base set and what the caller passes; never inputs, runner tokens, state or command files', async () => {
    const from = {
      PATH: '/usr/bin:/bin',
      HOME: '/root',
      LC_ALL: 'C.UTF-8',
      HTTPS_PROXY: 'http://proxy:3128',
      DOCKER_HOST: 'unix:///run/docker.sock',
      KUBECONFIG: '/k',
      'INPUT_REGISTRY-PASSWORD': 'hunter2-password',
      'INPUT_GITHUB-TOKEN': 'ghs_token',
      ACTIONS_RUNTIME_TOKEN: 'runtime',
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc',
      GITHUB_TOKEN: 'ghs_other',
      GITHUB_OUTPUT: '/runner/output',
      GITHUB_ENV: '/runner/env',
      STATE_isPost: 'true',
      SOME_OTHER_SECRET: 'x',
    };
    const docker = childEnv(from, [/^DOCKER_/, /^INPUT_/, 'GITHUB_OUTPUT'], { DOCKER_CONFIG: '/tmp/cfg' });
    expect(Object.keys(docker).sort()).toEqual(['DOCKER_CONFIG', 'DOCKER_HOST', 'HOME', 'HTTPS_PROXY', 'LC_ALL', 'PATH']);
    expect(childEnv(from, ['KUBECONFIG'], { PATH: undefined })).toEqual({
      HOME: '/root',
      LC_ALL: 'C.UTF-8',
      HTTPS_PROXY: 'http://proxy:3128',
      KUBECONFIG: '/k',
    });
  });

  it('a real child of the action sees no INPUT_* even when the step has them', async () => {
    vi.stubEnv('INPUT_REGISTRY-PASSWORD', 'hunter2-password');
    vi.stubEnv('GITHUB_OUTPUT', join(dir, 'output'));
    vi.stubEnv('DOCKER_HOST', 'unix:///var/run/docker.sock');
    quiet();
    const exec = new Exec(new Deadline(30_000));
    const r = await exec.run('env', [], { pass: [/^DOCKER_/] });
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
    expect(r.stdout).toMatch(/^DOCKER_HOST=unix:\/\/\/var\/run\/docker.sock$/m);
    expect(r.stdout).not.toMatch(/INPUT_|GITHUB_OUTPUT|hunter2/);
  });
});

describe('the deadline stops the whole process group and never waits for pipes', () => {
  it('a CLI whose child keeps the pipes open ends at the timeout, and the child is gone', async () => {
    quiet();
    const pidFile = join(dir, 'grandchild.pid');
    const exec = new Exec(new Deadline(60_000));
    const started = Date.now();
    const r = await exec.run('sh', ['-c', `sleep 120 & echo $! > ${pidFile}; sleep 120`], { timeoutMs: 1_000, allowFailure: true });
    vi.restoreAllMocks();
    expect(r.timedOut).toBe(true);
    expect(Date.now() - started).toBeLessThan(1_000 + 5_000 + 2_000);
    await new Promise((res) => setTimeout(res, 200));
    expect(alive(pidIn(pidFile))).toBe(false);
  });

  it('at the run deadline the line names the timeout, even with allowFailure', async () => {
    quiet();
    const exec = new Exec(new Deadline(1_500));
    const started = Date.now();
    const e = (await exec.run('sh', ['-c', 'sleep 60 & sleep 60'], { allowFailure: true }).catch((x: unknown) => x)) as ActionError;
    vi.restoreAllMocks();
    expect(e).toBeInstanceOf(ActionError);
    expect(e.toLine()).toMatch(/^input timeout: the run's timeout of 2 s ran out before `sh -c/);
    expect(Date.now() - started).toBeLessThan(1_500 + 5_000 + 2_000);
  });

  it('a command that exits while a grandchild holds its stdout returns its output after a short grace, not when the grandchild ends', async () => {
    quiet();
    const exec = new Exec(new Deadline(60_000));
    const started = Date.now();
    const r = await exec.run('sh', ['-c', 'sleep 30 & echo started']);
    vi.restoreAllMocks();
    expect(r.stdout.trim()).toBe('started');
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('stopAll (a cancelled step) ends every running command the way the deadline does', async () => {
    quiet();
    const exec = new Exec(new Deadline(60_000));
    const running = exec.run('sh', ['-c', 'sleep 60'], { allowFailure: true });
    await new Promise((res) => setTimeout(res, 300));
    exec.stopAll();
    const r = await running;
    vi.restoreAllMocks();
    expect(r.signal).toBe('SIGTERM');
  });
});

describe('output is bounded', () => {
  it('400 MB without a new line, streamed: printed in pieces, the tail kept, memory flat', async () => {
    // a plain replacement, not a spy: a spy would keep every 64 KiB piece it was called with
    let printed = 0;
    let peak = 0;
    const write = process.stdout.write;
    process.stdout.write = ((c: string | Uint8Array) => {
      printed += c.length;
      peak = Math.max(peak, process.memoryUsage().heapUsed);
      return true;
    }) as typeof process.stdout.write;
    const exec = new Exec(new Deadline(120_000));
    const before = process.memoryUsage().heapUsed;
    let r;
    try {
      r = await exec.run('sh', ['-c', 'head -c 400000000 /dev/zero | tr "\\0" a'], { stream: true });
    } finally {
      process.stdout.write = write;
    }
    const grew = peak - before;
    expect(r.truncated).toBe(true);
    expect(r.stdout.length).toBeLessThanOrEqual(STREAM_TAIL_BYTES * 2);
    expect(printed).toBeGreaterThanOrEqual(400_000_000);
    expect(grew).toBeLessThan(200 * 1024 * 1024);
  }, 120_000);

  it('a command whose output the action reads whole fails in one line beyond the limit', async () => {
    quiet();
    const exec = new Exec(new Deadline(120_000));
    const mb = CAPTURE_LIMIT_BYTES / 1024 / 1024;
    const e = (await exec.run('sh', ['-c', `head -c ${(mb + 8) * 1024 * 1024} /dev/zero`]).catch((x: unknown) => x)) as ActionError;
    vi.restoreAllMocks();
    expect(e.toLine()).toMatch(new RegExp(`printed more than ${mb} MiB, more than the action reads`));
  }, 120_000);
});

describe('a command ended by a signal says which', () => {
  it.each([
    ['SIGSEGV', /crashed \(SIGSEGV\)/],
    ['SIGKILL', /something killed it/],
  ])('%s', async (signal, fix) => {
    quiet();
    const exec = new Exec(new Deadline(30_000));
    const e = (await exec.run('sh', ['-c', `kill -${signal.slice(3)} $$`]).catch((x: unknown) => x)) as ActionError;
    vi.restoreAllMocks();
    expect(e.toLine()).toMatch(new RegExp(`was ended by ${signal}`));
    expect(e.toLine()).toMatch(fix);
    expect(e.toLine()).not.toMatch(/exit code/);
    expect(existsSync(dir)).toBe(true);
  });
});

describe('a cancelled step stops the commands it started (as the runner cancels: SIGINT)', () => {
  it('a hanging kubectl started by the action is gone after the cancel', async () => {
    const { runAction } = await import('../support/action.js');
    const bin = join(dir, 'bin');
    const pids = join(dir, 'kubectl.pids');
    const { mkdirSync, writeFileSync, chmodSync } = await import('node:fs');
    mkdirSync(bin, { recursive: true });
    writeFileSync(join(bin, 'kubectl'), `#!/bin/sh\necho $$ >> ${pids}\nsleep 60 &\necho $! >> ${pids}\nwait\n`);
    chmodSync(join(bin, 'kubectl'), 0o755);
    const work = join(dir, 'work');
    mkdirSync(work, { recursive: true });
    writeFileSync(join(work, 'sindri.yaml'), 'version: "3.0"\nname: cancel-me\ndeployment:\n  provider: kubernetes\n');
    const r = await runAction({
      inputs: { 'working-directory': work, image: `127.0.0.1:5000/cancel/app@sha256:${'a'.repeat(64)}`, 'pin-digest': 'false' },
      env: { PATH: `${bin}:${process.env.PATH}` },
      cwd: work,
      node: '24',
      cancelWhen: () => existsSync(pids) && readFileSync(pids, 'utf8').trim().split('\n').length >= 2,
    });
    expect(r.code).not.toBe(0);
    await new Promise((res) => setTimeout(res, 500));
    const started = readFileSync(pids, 'utf8').trim().split('\n').map(Number);
    expect(started.length).toBeGreaterThanOrEqual(2);
    expect(started.filter(alive)).toEqual([]);
  }, 60_000);
});
