/** The docker provider's deploy lock, its pure parts (ADR 0028): what a taken name looks like, when a lock is stale. */
import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { holderGone, lockExpired, lockName } from '../../src/providers/docker/lock.js';
import { isNameConflict } from '../../src/external/docker.js';

describe('docker deploy lock', () => {
  it('is a container named after the target, recognised by the engine’s name conflict', () => {
    expect(lockName('app-pr-1')).toBe('app-pr-1.sindri-lock');
    expect(
      isNameConflict(
        'Error response from daemon: Conflict. The container name "/app.sindri-lock" is already in use by container "0f1e". You have to remove (or rename) that container to be able to reuse that name.',
      ),
    ).toBe(true);
    expect(isNameConflict('Error response from daemon: No such image: x:y')).toBe(false);
  });

  it('expires at its time; an unreadable time is stale', () => {
    const now = Date.parse('2026-12-03T20:00:00Z');
    expect(lockExpired('2026-12-03T20:00:01Z', now)).toBe(false);
    expect(lockExpired('2026-12-03T19:59:59Z', now)).toBe(true);
    expect(lockExpired(undefined, now)).toBe(true);
    expect(lockExpired('soon', now)).toBe(true);
  });

  it('a holder on this host whose process has ended is gone; a live one, or one on another host, is not', () => {
    const ended = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    expect(holderGone(`${hostname()} ${ended}`)).toBe(true);
    expect(holderGone(`${hostname()} ${process.pid}`)).toBe(false);
    expect(holderGone(`another-host ${ended}`)).toBe(false);
    expect(holderGone(undefined)).toBe(false);
  });
});
