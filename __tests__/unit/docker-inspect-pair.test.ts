/**
 * Reading one `docker inspect <container> <image>` (issue 25, ADR 0047): which line is whose, from
 * the CLI's rules (argument order, `Error: No such object: <arg>` for each argument found as nothing,
 * containers asked first). The real CLI's answers are in __tests__/integration/docker-provider.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { ASK_IMAGE, pairInspect } from '../../src/external/docker.js';

const container = {
  Id: 'c0ffee',
  Name: '/web',
  Image: 'sha256:aaa',
  State: { Status: 'running', Running: true },
  Config: { Image: 'reg/app@sha256:d1', Labels: { a: 'b' }, Env: ['X=1'] },
};
const image = { Id: 'sha256:aaa', RepoTags: ['reg/app:1'], RepoDigests: ['reg/app@sha256:d1'], Config: {} };
const network = { Id: 'n1', Name: 'web', Driver: 'bridge', IPAM: {} };
const lines = (...o: object[]): string => o.map((x) => `${JSON.stringify(x)}\n`).join('');
const missing = (...args: string[]): string => args.map((a) => `Error: No such object: ${a}\n`).join('');
const ref = 'reg/app@sha256:d1';

describe('pairInspect', () => {
  it('both found: the container and the image, in argument order', () => {
    expect(pairInspect({ code: 0, stdout: lines(container, image), stderr: '' }, 'web', ref)).toEqual({
      container: expect.objectContaining({ id: 'c0ffee', name: 'web', imageId: 'sha256:aaa', running: true, labels: { a: 'b' } }),
      image: { id: 'sha256:aaa', repoTags: ['reg/app:1'], repoDigests: ['reg/app@sha256:d1'] },
    });
  });

  it("one missing: the line is the other argument's, whichever it is", () => {
    expect(pairInspect({ code: 1, stdout: lines(image), stderr: missing('web') }, 'web', ref)).toEqual({
      container: undefined,
      image: expect.objectContaining({ id: 'sha256:aaa' }),
    });
    expect(pairInspect({ code: 1, stdout: lines(container), stderr: missing(ref) }, 'web', ref)).toEqual({
      container: expect.objectContaining({ id: 'c0ffee' }),
      image: undefined,
    });
    expect(pairInspect({ code: 1, stdout: '', stderr: missing('web', ref) }, 'web', ref)).toEqual({
      container: undefined,
      image: undefined,
    });
  });

  it('the name found as an image or a network is no container; a ref found as a container says nothing of the image', () => {
    expect(pairInspect({ code: 0, stdout: lines(image, image), stderr: '' }, 'web', ref)).toMatchObject({ container: undefined });
    expect(pairInspect({ code: 1, stdout: lines(network), stderr: missing(ref) }, 'web', ref)).toEqual({
      container: undefined,
      image: undefined,
    });
    expect(pairInspect({ code: 0, stdout: lines(container, container), stderr: '' }, 'web', 'web2')).toMatchObject({ image: ASK_IMAGE });
    expect(pairInspect({ code: 0, stdout: lines(container, network), stderr: '' }, 'web', 'web2')).toMatchObject({ image: undefined });
  });

  it('an answer that does not add up is not read (the caller asks each on its own)', () => {
    const cases = [
      {
        code: 1,
        stdout: '',
        stderr: 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\n',
      },
      { code: 1, stdout: lines(image), stderr: missing('web') + 'permission denied\n' },
      { code: 1, stdout: '', stderr: '' },
      { code: 0, stdout: lines(container), stderr: '' },
      { code: 1, stdout: lines(container, image), stderr: missing(ref) },
      { code: 0, stdout: '{"Id": \n', stderr: '' },
      { code: 0, stdout: '[1]\n[2]\n', stderr: '' },
      { code: 1, stdout: '', stderr: missing('other') },
    ];
    for (const r of cases) expect(pairInspect(r, 'web', ref)).toBeUndefined();
    expect(pairInspect({ code: 0, stdout: lines(container, container), stderr: '' }, 'web', 'web')).toBeUndefined();
  });
});
