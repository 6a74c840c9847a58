/**
 * The run's one clock on the docker provider (issue 17), through the action as the runner runs it
 * (`node dist/index.js`) on the REAL Docker engine and the REAL registry at 127.0.0.1:5000: a
 * container that never becomes ready under `timeout: 20s` is rolled back to the image that ran before
 * (checked by image ID, not by tag), and the whole run, rollback included, ends within the timeout
 * plus 5 s. The rollout waits on the run's deadline less the share kept for the rollback
 * (docs/adr/0019-the-runs-clock-and-state-as-values.md), so the rollback always has time to run.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAction, type ActionRun, type NodeMajor } from '../support/action.js';
import {
  BASE_IMAGE,
  buildImage,
  cleanup,
  containerInspect,
  containersByName,
  imagesOf,
  pushImage,
  pushTestBase,
  REGISTRY,
  removeLabelledImages,
  requireServices,
  TEST_LABEL,
  testDockerfile,
  uniqueName,
} from '../support/docker.js';
import { makeWorkdir } from '../support/workdir.js';

const TIMEOUT_S = 20;
/** what a run may take past its timeout: a process stopped at the deadline gets SIGTERM, then SIGKILL 5 s later */
const GRACE_MS = 5_000;

const ns = uniqueName('deadline');
const name = `${ns}-app`;
const dirs: string[] = [];
let dir: string;
let app: { repo: string; good: string; goodId: string; slow: string; slowId: string };

function act(inputs: Record<string, string>, node: NodeMajor): Promise<ActionRun> {
  return runAction({ inputs: { timeout: `${TIMEOUT_S}s`, ...inputs }, cwd: dir, node, timeoutMs: 120_000 });
}
const errorLines = (r: ActionRun) => r.stdout.split('\n').filter((l) => l.startsWith('::error'));
/** the N of "did not become ready within N s" in the run's error line */
const waitedSeconds = (line: string) => Number(/did not become ready within (\d+) s/.exec(line)?.[1]);

beforeAll(async () => {
  await requireServices();
  const base = await pushTestBase(`${ns}/base`, ns);
  // no healthcheck at all (not even the test base's): ready once running. The rollback of a 20 s run
  // has 5 s, and a first probe 1 s after start would take a fifth of them. (`HEALTHCHECK NONE` will not
  // do: compose 2.26's --wait fails on it with "has no healthcheck configured".)
  const goodId = await buildImage(
    `${ns}-app:good`,
    testDockerfile(BASE_IMAGE, { healthcheck: false, extra: `LABEL ${TEST_LABEL}=${ns}\nLABEL version=good` }),
  );
  // runs, but its first health probe is 5 minutes away: its health stays "starting", compose --wait never sees it ready
  const slowId = await buildImage(
    `${ns}-app:slow`,
    testDockerfile(base.ref, { healthcheck: false, extra: 'HEALTHCHECK --interval=300s --timeout=3s CMD ["true"]\nLABEL version=slow' }),
  );
  const good = await pushImage(`${ns}-app:good`, `${ns}/app`, 'good');
  const slow = await pushImage(`${ns}-app:slow`, `${ns}/app`, 'slow');
  // nothing left on the engine under these references: the deploys pull by digest
  await cleanup({ images: [`${ns}-app:good`, `${ns}-app:slow`, good.ref, slow.ref, base.ref] });
  app = { repo: good.repo, good: good.digest, goodId, slow: slow.digest, slowId };
  dir = makeWorkdir(
    'docker-deadline-',
    dirs,
    `version: "3.0"\nname: ${name}\ndeployment:\n  provider: docker\n  image: ${app.repo}@${app.good}\nextensions:\n  profile: minimal\nproviders:\n  docker:\n    network: host\n`,
  );
}, 180_000);

afterAll(async () => {
  await cleanup({ containers: [name], projects: [`sindri-${name}`], volumes: [`${name}_home`] });
  await cleanup({ images: [...(await imagesOf(`${REGISTRY}/${ns}/app`)), ...(await imagesOf(`${REGISTRY}/${ns}/base`))] });
  await removeLabelledImages(ns);
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
}, 180_000);

describe(`docker under timeout: ${TIMEOUT_S}s through the action (real engine, real registry)`, () => {
  it('a good image deploys and runs (the deployment a rollback must restore)', async () => {
    const r = await act({}, '24');
    expect(r.code, r.stdout).toBe(0);
    expect((await containerInspect(name))?.Image).toBe(app.goodId);
  });

  it('an image that never becomes ready is rolled back to the previous image ID within timeout + 5 s (Node 24)', async () => {
    const r = await act({ image: app.repo, 'image-digest': app.slow }, '24');
    expect(r.code, r.stdout).toBe(1);
    const errors = errorLines(r);
    expect(errors, r.stdout).toHaveLength(1);
    expect(errors[0]).toContain(`rolled back: the previous image ${app.repo}@${app.good} runs now, ready`);
    expect(r.outputs['rolled-back']).toBe('true');
    expect(r.outputs['previous-image']).toBe(`${app.repo}@${app.good}`);
    // what runs now is the previous image itself, not whatever a tag points at
    const running = await containerInspect(name);
    expect(running?.Image).toBe(app.goodId);
    expect(running?.Image).not.toBe(app.slowId);
    expect((await containersByName(name)).map((c) => c.state)).toEqual(['running']);
    expect(r.durationMs, r.stdout).toBeLessThanOrEqual(TIMEOUT_S * 1000 + GRACE_MS);
    // the figure in the line is the time actually waited: inside the run, and inside the rollout's share of it
    const waited = waitedSeconds(errors[0]!);
    expect(waited).toBeGreaterThan(0);
    expect(waited * 1000).toBeLessThanOrEqual(r.durationMs);
    expect(waited).toBeLessThan(TIMEOUT_S);
  });

  it('with rollback: false the same image is left as it is and the run still ends within timeout + 5 s (Node 20)', async () => {
    const r = await act({ image: app.repo, 'image-digest': app.slow, rollback: 'false' }, '20');
    expect(r.code, r.stdout).toBe(1);
    const errors = errorLines(r);
    expect(errors, r.stdout).toHaveLength(1);
    expect(errors[0]).toMatch(/did not become ready within \d+ s: .*; rollback: false, so it is left as it is: /);
    expect(r.outputs['rolled-back']).toBe('false');
    expect((await containersByName(name)).map((c) => c.image)).toEqual([`${app.repo}@${app.slow}`]);
    expect(r.durationMs, r.stdout).toBeLessThanOrEqual(TIMEOUT_S * 1000 + GRACE_MS);
    const waited = waitedSeconds(errors[0]!);
    expect(waited * 1000).toBeLessThanOrEqual(r.durationMs);
    expect(waited).toBeLessThan(TIMEOUT_S);
  });
});
