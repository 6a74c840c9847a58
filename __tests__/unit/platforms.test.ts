/**
 * Issue 20 class 15: an image index without the platform of the runner's engine fails when the digest
 * is pinned (plan too), naming the platforms it has; attestation entries are not platforms.
 */
import { describe, expect, it } from 'vitest';
import { errorLine } from '../../src/errors.js';
import { holdsPlatform, indexPlatforms, missingPlatformError, runnerPlatform, targetPlatform } from '../../src/image/platforms.js';

const index = (platforms: object[]) => JSON.stringify({ schemaVersion: 2, manifests: platforms.map((platform) => ({ platform })) });

describe('platforms', () => {
  it('the runner platform follows Node arch; only docker (the runner engine) is checked', () => {
    expect(runnerPlatform('x64')).toEqual({ os: 'linux', architecture: 'amd64' });
    expect(runnerPlatform('arm64')).toEqual({ os: 'linux', architecture: 'arm64' });
    expect(runnerPlatform('mips')).toBeUndefined();
    expect(targetPlatform('docker', 'x64')).toEqual({ os: 'linux', architecture: 'amd64' });
    for (const p of ['fly', 'kubernetes', 'devpod', 'e2b'] as const) expect(targetPlatform(p, 'x64')).toBeUndefined();
  });

  it('reads an index, leaving out attestations; a single manifest is not an index', () => {
    const have = indexPlatforms(
      index([
        { os: 'linux', architecture: 'arm64', variant: 'v8' },
        { os: 'unknown', architecture: 'unknown' },
        { os: 'linux', architecture: 'arm', variant: 'v7' },
      ]),
    );
    expect(have).toEqual([
      { os: 'linux', architecture: 'arm64', variant: 'v8' },
      { os: 'linux', architecture: 'arm', variant: 'v7' },
    ]);
    expect(indexPlatforms('{"schemaVersion":2,"layers":[]}')).toBeUndefined();
    expect(indexPlatforms('null')).toBeUndefined();
    expect(indexPlatforms('not json')).toBeUndefined();
    expect(holdsPlatform(have!, { os: 'linux', architecture: 'arm64' })).toBe(true);
    expect(holdsPlatform(have!, { os: 'linux', architecture: 'amd64' })).toBe(false);
    expect(holdsPlatform(have!, { os: 'linux', architecture: 'arm', variant: 'v6' })).toBe(false);
  });

  it('the line names the reference, the platform wanted and those the index has', () => {
    const e = missingPlatformError('r.io/app@sha256:ab', { os: 'linux', architecture: 'amd64' }, [{ os: 'linux', architecture: 'arm64' }], {
      field: 'input image',
    });
    expect(errorLine(e)).toMatch(
      /^input image: r\.io\/app@sha256:ab is a multi-platform image without linux\/amd64, the platform of this runner's Docker engine \(it has linux\/arm64\)\. Fix: run the job on a runner of one of those platforms/,
    );
  });
});
