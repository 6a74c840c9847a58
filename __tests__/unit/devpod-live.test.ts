/** The devpod plan's live diff, pure part (src/providers/devpod/live.ts): what a deploy would do, said per workspace. */
import { describe, expect, it } from 'vitest';
import type { WorkspaceInfo } from '../../src/external/devpod.js';
import { changeLine } from '../../src/plan/changes.js';
import { compareWorkspace, decide, type LiveWorkspace } from '../../src/providers/devpod/live.js';
import { workspaceUid } from '../../src/providers/devpod/steps.js';

const A = `ghcr.io/acme/dev@sha256:${'a'.repeat(64)}`;
const B = `ghcr.io/acme/dev@sha256:${'b'.repeat(64)}`;
const PATH = '.devcontainer/devcontainer.json';

const planned = (over: Record<string, unknown> = {}) =>
  ({
    workspaceId: 'dev',
    imageRef: A,
    devcontainerPath: PATH,
    settings: { type: 'docker', provider: 'docker', options: {}, forwardPorts: [], notes: [] },
    ...over,
  }) as Parameters<typeof compareWorkspace>[0];
const record = (over: Partial<WorkspaceInfo> = {}): WorkspaceInfo => ({
  id: 'dev',
  provider: 'docker',
  image: A,
  devcontainerPath: PATH,
  localFolder: '/w',
  ...over,
});
const held = (over: Partial<WorkspaceInfo> = {}, state = 'Running'): LiveWorkspace => ({ record: record(over), state });

describe('compareWorkspace', () => {
  it('nothing recorded and no container under its uid: + create', () => {
    const c = compareWorkspace(planned(), { state: 'NotFound', found: [] }, false);
    expect(c).toEqual({ action: 'create', resource: 'workspace dev', note: 'volume dev_home' });
    expect(changeLine(c)).toBe('+ create workspace dev (volume dev_home)');
  });

  it('the same image, running: = unchanged, naming what runs', () => {
    const c = compareWorkspace(planned(), held(), false);
    expect(c).toEqual({ action: 'unchanged', resource: 'workspace dev', note: `runs ${A}` });
  });

  it('a new digest: ~ update with both images', () => {
    const c = compareWorkspace(planned({ imageRef: B }), held(), false);
    expect(c).toMatchObject({ action: 'update', image: { from: A, to: B } });
    expect(changeLine(c)).toBe(
      `~ update workspace dev (image ghcr.io/acme/dev@sha256:${'a'.repeat(12)}… → ghcr.io/acme/dev@sha256:${'b'.repeat(12)}…)`,
    );
  });

  it('the same image, stopped: ~ update, devpod up starts it; force recreates a running one', () => {
    expect(compareWorkspace(planned(), held({}, 'Stopped'), false)).toEqual({
      action: 'update',
      resource: 'workspace dev',
      note: 'it is Stopped: devpod up starts it',
    });
    expect(compareWorkspace(planned(), held(), true)).toEqual({
      action: 'update',
      resource: 'workspace dev',
      note: 'force: true recreates it',
    });
    expect(compareWorkspace(planned(), held({}, 'NotFound'), false).note).toBe(
      'devpod holds its record but finds nothing running it (status NotFound): devpod up creates it again',
    );
  });

  it('another provider: replaced, and why', () => {
    const c = compareWorkspace(planned({ imageRef: B }), held({ provider: 'kubernetes' }), false);
    expect(c).toMatchObject({ action: 'update', image: { from: A, to: B } });
    expect(c.note).toBe('deleted and created again: it was created with provider kubernetes');
  });

  it('DevPod builds from the Dockerfile: every deploy recreates it', () => {
    const c = compareWorkspace(planned({ imageRef: undefined }), held({ image: '' }), false);
    expect(c).toEqual({
      action: 'update',
      resource: 'workspace dev',
      note: 'DevPod builds the image from the Dockerfile: every deploy recreates the workspace',
    });
  });

  it('no record on this runner, its container found by uid: unchanged with this image, else recreated in place', () => {
    const found = [{ id: 'c1', running: true, image: A }];
    expect(compareWorkspace(planned(), { state: 'NotFound', found }, false)).toMatchObject({ action: 'unchanged', note: `runs ${A}` });
    const c = compareWorkspace(planned({ imageRef: B }), { state: 'NotFound', found }, false);
    expect(c).toMatchObject({ action: 'update', image: { from: A, to: B } });
    expect(c.note).toBe(`no devpod record on this runner: its container (uid ${workspaceUid('dev')}) is recreated`);
  });

  it('an image the action builds first: ? unknown when only the build can tell, ~ update with the push placeholder otherwise', () => {
    const kind = planned({ imageRef: 'dev:abc1234', build: { tag: 'dev:abc1234' } });
    expect(compareWorkspace(kind, held({ image: 'dev:abc1234' }), false)).toEqual({
      action: 'unknown',
      resource: 'workspace dev',
      note: 'runs dev:abc1234; the image is built first: unchanged only if dev:abc1234 holds the same image again',
    });
    const push = planned({
      imageRef: undefined,
      build: { tag: 'ghcr.io/acme/dev:abc' },
      push: 'ghcr.io/acme/dev:abc',
      settings: { type: 'aws', provider: 'aws', buildRepository: 'ghcr.io/acme/dev', options: {}, forwardPorts: [], notes: [] },
    });
    expect(compareWorkspace(push, held({ provider: 'aws' }), false)).toMatchObject({
      action: 'unknown',
      note: `runs ${A}; the image is built first: unchanged only if the push gives that digest again`,
    });
    expect(compareWorkspace(push, { state: 'NotFound', found: [] }, false).action).toBe('create');
    // what ran was built by DevPod (no image recorded): the push replaces it
    expect(compareWorkspace(push, held({ provider: 'aws', image: '' }), false)).toMatchObject({
      action: 'update',
      image: { from: '(no image recorded)', to: 'ghcr.io/acme/dev@<digest of the push>' },
    });
  });

  it("is the deploy's own decision: skip exactly when releaseDecision skips", () => {
    for (const live of [held(), held({}, 'Stopped'), held({ image: B }), held({ devcontainerPath: 'x' }), { state: 'NotFound', found: [] }])
      for (const force of [false, true])
        expect(compareWorkspace(planned(), live, force).action === 'unchanged').toBe(decide(planned(), live, force).skip);
  });
});
