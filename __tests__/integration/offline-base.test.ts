/**
 * The README's offline Docker commands start from nothing but a Docker engine and a static busybox:
 * scripts/services/busybox-base.sh builds the base image (real engine), keeps an existing one, and
 * says how to fix a missing busybox in one line. The image here gets a name of its own and is removed
 * afterwards: `local/busybox:base` is shared with the other tests and never touched.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanEnv, ROOT } from '../support/action.js';
import { cleanup, docker, requireServices, uniqueName } from '../support/docker.js';

const SCRIPT = join(ROOT, 'scripts', 'services', 'busybox-base.sh');
const image = `${uniqueName('wb-offline-base')}:base`;
const script = (args: string[], env: Record<string, string> = {}) => {
  const r = spawnSync('bash', [SCRIPT, ...args], { encoding: 'utf8', env: { ...cleanEnv(), ...env }, timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

beforeAll(requireServices, 60_000);
afterAll(() => cleanup({ images: [image] }), 60_000);

describe('offline base image for the README Docker example', () => {
  it('the README runs the script before the command that needs its image, in both places', () => {
    for (const file of ['README.md', 'examples/docker/README.md']) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      const build = text.indexOf('bash scripts/services/busybox-base.sh\n');
      expect(build, file).toBeGreaterThan(0);
      expect(text.indexOf('--build-args BASE_IMAGE=local/busybox:base', build), file).toBeGreaterThan(build);
    }
  });

  it('builds a runnable base with a root user, then keeps it', async () => {
    const first = script([image]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toBe(`${image}: built from /bin/busybox\n`);
    expect(await docker(['run', '--rm', '--network', 'none', image, 'sh', '-c', 'id -un && test -f /etc/passwd && echo ok'])).toBe(
      'root\nok',
    );
    const id = await docker(['image', 'inspect', '-f', '{{.Id}}', image]);
    const again = script([image]);
    expect(again).toMatchObject({ code: 0, stdout: `${image}: present\n` });
    expect(await docker(['image', 'inspect', '-f', '{{.Id}}', image])).toBe(id);
  }, 180_000);

  it('without busybox: exit 1, one line saying how to fix it, no image', async () => {
    const r = script([`${image}-missing`], { BUSYBOX: '/nonexistent/busybox' });
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([
      'error: no busybox at /nonexistent/busybox. Fix: apt-get install busybox-static (or BUSYBOX=/path/to/static/busybox)',
    ]);
    expect(spawnSync('docker', ['image', 'inspect', `${image}-missing`]).status).not.toBe(0);
  });
});
