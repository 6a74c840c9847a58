/**
 * Issue 21, devpod — CONTRACT tests (`node dist/index.js`; `devpod` is what devpod-backend.ts gives: the
 * stand-in of devpod v0.6.15, whose docker provider runs REAL containers on the engine, or the real CLI
 * with SINDRI_TEST_DEVPOD=real). `mode: plan` reads devpod's record read-only (`devpod list --skip-pro
 * --output json`, `devpod status` only when the deploy would skip), or on a fresh runner the engine's
 * containers under the workspace's uid, and says what a deploy would do: the same digest → `changed=false`;
 * a new digest → the update with both digests; devpod or the engine not answering → the plan succeeds and
 * says why it could not compare. No plan changes the workspace.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAction, type ActionRun, type NodeMajor } from '../support/action.js';
import {
  buildImage,
  cleanup,
  imagesOf,
  pushImage,
  REGISTRY,
  removeLabelledImages,
  requireServices,
  uniqueName,
} from '../support/docker.js';
import { devpodBackend, developerDockerfile, type DevpodBackend } from '../support/devpod-backend.js';
import { makeWorkdir } from '../support/workdir.js';
import { workspaceUid } from '../../src/providers/devpod/steps.js';

const ns = uniqueName('dplive');
const name = `${ns}-ws`;
const dirs: string[] = [];
let backend: DevpodBackend;
let v1: { digest: string; repo: string };
let v2: { digest: string; repo: string };

const config = (tag: string, extra = '') =>
  `version: "3.0"\nname: ${name}\ndeployment:\n  provider: devpod\n  image: ${v1.repo}:${tag}\nextensions:\n  profile: minimal\nproviders:\n  devpod:\n    type: docker\n${extra}`;

function act(
  dir: string,
  inputs: Record<string, string> = {},
  env: Record<string, string> = {},
  node: NodeMajor = '24',
): Promise<ActionRun> {
  return runAction({ inputs: { timeout: '3m', ...inputs }, cwd: dir, node, env: { ...backend.env, ...env }, timeoutMs: 240_000 });
}

interface PlanResult {
  plan: {
    live: { known: boolean; reason: string };
    changes: { action: string; resource: string; image?: { from: string; to: string }; note?: string }[];
  };
}
const resultOf = (r: ActionRun): PlanResult => JSON.parse(r.outputs.result!) as PlanResult;
const short = (digest: string) => `${digest.slice(0, 'sha256:'.length + 12)}…`;
const devpodArgv = () => backend.calls('devpod').map((c) => c.argv);

function planned(r: ActionRun): PlanResult {
  expect(r.code, r.stdout).toBe(0);
  // a plan never starts, stops or deletes anything
  expect(devpodArgv().filter((a) => !['list', 'status'].includes(a[0]!))).toEqual([]);
  return resultOf(r);
}

beforeAll(async () => {
  await requireServices();
  backend = devpodBackend([]);
  await buildImage(`${ns}-dev:1`, developerDockerfile(ns));
  const a = await pushImage(`${ns}-dev:1`, `${ns}/dev`, '1');
  await buildImage(`${ns}-dev:2`, `${developerDockerfile(ns)}RUN echo v2 > /version\n`);
  const b = await pushImage(`${ns}-dev:2`, `${ns}/dev`, '2');
  await cleanup({ images: [`${ns}-dev:1`, `${ns}-dev:2`] });
  v1 = { repo: a.repo, digest: a.digest };
  v2 = { repo: b.repo, digest: b.digest };
}, 180_000);

afterAll(async () => {
  await backend?.remove();
  await cleanup({ images: await imagesOf(`${REGISTRY}/${ns}/dev`) });
  await removeLabelledImages(ns);
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
}, 180_000);

describe('devpod contract: the plan reads the workspace devpod holds (issue 21)', () => {
  let dir: string;
  let generation: string | undefined;

  it('nothing deployed: + create, changed=true, one devpod list and nothing else asked of devpod', async () => {
    dir = makeWorkdir('plan-live-devpod-', dirs, config('1'));
    backend.clearCalls();
    const r = await act(dir, { mode: 'plan' });
    const res = planned(r);
    expect(r.outputs).toMatchObject({ changed: 'true', changes: '1' });
    expect(res.plan.live.known).toBe(true);
    expect(res.plan.changes).toEqual([expect.objectContaining({ action: 'create', resource: `workspace ${name}` })]);
    expect(r.stdout).toContain(`+ create workspace ${name} (volume ${name}_home)`);
    // the devcontainer.json a deploy writes carries the preview marks as container labels (ADR 0044)
    expect(r.stdout).toContain(`"org.sindri.deploy-action.name=${name}"`);
    expect(devpodArgv()).toEqual([['list', '--skip-pro', '--output', 'json']]);
    expect(await backend.workspace(name)).toBeUndefined();
  });

  it('deployed, then the same digest: = unchanged, changed=false, changes=0 (status asked: it must run)', async () => {
    const d = await act(dir);
    expect(d.code, d.stdout).toBe(0);
    generation = (await backend.workspace(name))?.generation;
    expect(generation).toBeTruthy();
    backend.clearCalls();
    const r = await act(dir, { mode: 'plan' });
    const res = planned(r);
    expect(r.outputs).toMatchObject({ changed: 'false', changes: '0' });
    expect(res.plan.changes).toEqual([expect.objectContaining({ action: 'unchanged', resource: `workspace ${name}` })]);
    expect(r.stdout).toContain(`= unchanged workspace ${name} (runs ${v1.repo}@${short(v1.digest)})`);
    expect(res.plan.live.reason).toBe(`devpod's record of workspace ${name} on this runner`);
    expect(devpodArgv()).toEqual([
      ['list', '--skip-pro', '--output', 'json'],
      ['status', name, '--output', 'json'],
    ]);
  });

  it('a new digest: ~ update with both digests (Node 20), the workspace untouched', async () => {
    writeFileSync(join(dir, 'sindri.yaml'), config('2'));
    backend.clearCalls();
    const r = await act(dir, { mode: 'plan' }, {}, '20');
    const res = planned(r);
    expect(r.outputs).toMatchObject({ changed: 'true', changes: '1' });
    expect(res.plan.changes[0]).toMatchObject({
      action: 'update',
      image: { from: `${v1.repo}@${v1.digest}`, to: `${v2.repo}@${v2.digest}` },
    });
    expect(r.stdout).toContain(`~ update workspace ${name} (image ${v1.repo}@${short(v1.digest)} → ${v2.repo}@${short(v2.digest)})`);
    // the decision needs no state: one process
    expect(devpodArgv()).toEqual([['list', '--skip-pro', '--output', 'json']]);
    const w = await backend.workspace(name);
    expect(w?.generation).toBe(generation);
    expect(w?.image).toBe(`${v1.repo}@${v1.digest}`);
  });

  it('a fresh runner (no devpod record): the container under the workspace uid is read from the engine', async () => {
    backend.newRunner();
    writeFileSync(join(dir, 'sindri.yaml'), config('1'));
    const same = await act(dir, { mode: 'plan' });
    expect(resultOf(same).plan.changes[0]).toMatchObject({ action: 'unchanged', note: `runs ${v1.repo}@${v1.digest}` });
    expect(resultOf(same).plan.live.reason).toMatch(
      /^no devpod record here: the containers of uid sindri-[0-9a-f]{9} on the docker type's engine$/,
    );
    // read in-process (ADR 0048, addendum), and the plan's command list says so: no docker process
    const asked = `engine API: GET /containers/json?all=true&filters={"label":["dev.containers.id=${workspaceUid(name)}"]}`;
    const lines = same.stdout.split('\n');
    expect(lines).toContain(asked);
    expect(lines).toContain(`would run: ${asked}   # read-only`);
    expect(same.stdout).not.toMatch(/^\$ docker /m);
    writeFileSync(join(dir, 'sindri.yaml'), config('2'));
    const next = await act(dir, { mode: 'plan' });
    expect(resultOf(next).plan.changes[0]).toMatchObject({
      action: 'update',
      image: { from: `${v1.repo}@${v1.digest}`, to: `${v2.repo}@${v2.digest}` },
    });
    expect(next.stdout).toMatch(/no devpod record on this runner: its container \(uid sindri-[0-9a-f]{9}\) is recreated/);
    expect((await backend.resources(name)).map((x) => x.container)).toEqual([generation]);
  });

  it('the docker type engine does not answer (DOCKER_HOST on a closed socket): the plan succeeds and says why', async () => {
    const closed = join(dir, 'closed.sock');
    writeFileSync(join(dir, 'sindri.yaml'), config('1', `    docker:\n      dockerHost: unix://${closed}\n`));
    const r = await act(dir, { mode: 'plan' });
    const res = planned(r);
    expect(r.outputs).toMatchObject({ changed: 'true', changes: '1' });
    expect(res.plan.live.known).toBe(false);
    expect(res.plan.live.reason).toMatch(/^the docker type's engine did not answer: .*Cannot connect to the Docker daemon/);
    expect(r.stdout).toContain(`live state unknown: the docker type's engine did not answer: `);
    expect(r.stdout).toContain(`? unknown workspace ${name}\n`);
  });

  it('a cloud type without a record on this runner: ? with why, and the plan says it carries no trace labels', async () => {
    const cloud = makeWorkdir('plan-live-devpod-', dirs, config('1').replace('    type: docker\n', '    type: aws\n'));
    backend.clearCalls();
    const r = await act(cloud, { mode: 'plan' });
    const res = planned(r);
    expect(res.plan.live.known).toBe(false);
    expect(res.plan.live.reason).toMatch(
      new RegExp(
        `^devpod on this runner has no record of workspace ${name}, and what the aws provider runs under its uid sindri-[0-9a-f]{9} cannot be read from here$`,
      ),
    );
    expect(r.stdout).toContain(`live state unknown: devpod on this runner has no record`);
    expect(r.stdout).toContain(`? unknown workspace ${name}\n`);
    expect(r.stdout).toContain("no trace metadata: devpod's aws provider keeps no metadata the action can set (ADR 0044)");
    expect(r.stdout).not.toContain('trace metadata on every resource');
    expect(r.stdout).not.toContain('"--label"');
    expect(devpodArgv()).toEqual([['list', '--skip-pro', '--output', 'json']]);
  });

  it('devpod cannot be asked (none on PATH, Node 20): the plan succeeds and says why', async () => {
    writeFileSync(join(dir, 'sindri.yaml'), config('1'));
    const r = await act(dir, { mode: 'plan' }, { PATH: backend.pathWithoutDevpod() }, '20');
    expect(r.code, r.stdout).toBe(0);
    const res = resultOf(r);
    expect(r.outputs).toMatchObject({ changed: 'true', changes: '1' });
    expect(res.plan.live).toMatchObject({ known: false });
    expect(res.plan.live.reason).toMatch(/^devpod could not be asked: `devpod` was not found on PATH/);
    expect(res.plan.changes[0]).toMatchObject({ action: 'unknown', resource: `workspace ${name}` });
    expect(r.summary).toContain('live state unknown: devpod could not be asked');
  });
});
