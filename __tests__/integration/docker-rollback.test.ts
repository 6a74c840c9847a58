/**
 * Input `rollback` for the docker provider (issue 6) through the action (`node dist/index.js`, Node
 * 20 and 24) on the REAL Docker engine and the REAL registry at 127.0.0.1:5000: a rollout whose
 * container never becomes healthy puts back the previous compose document and digest (recorded in
 * the running container's labels), and says so in the error line and in the rolled-back and previous-image outputs.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAction, type ActionRun, type NodeMajor } from '../support/action.js';
import {
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
  testDockerfile,
  uniqueName,
} from '../support/docker.js';

const ns = uniqueName('rbk');
const name = `${ns}-app`;
let dir: string;
let app: { repo: string; good: string; bad: string; goodId: string };
const SECRET = `rb-s3cr3t-${Math.random().toString(36).slice(2)}`;

function act(inputs: Record<string, string>, node: NodeMajor): Promise<ActionRun> {
  return runAction({ inputs: { timeout: '90s', ...inputs }, cwd: dir, node, env: { API_TOKEN: SECRET }, timeoutMs: 240_000 });
}
const errorLines = (r: ActionRun) => r.stdout.split('\n').filter((l) => l.startsWith('::error'));

beforeAll(async () => {
  await requireServices();
  const base = await pushTestBase(`${ns}/base`, ns);
  const goodId = await buildImage(`${ns}-app:good`, testDockerfile(base.ref, { extra: 'LABEL version=good' }));
  // a container that runs but never becomes healthy: compose up --wait fails
  await buildImage(
    `${ns}-app:bad`,
    testDockerfile(base.ref, {
      healthcheck: false,
      extra: 'HEALTHCHECK --interval=1s --timeout=2s --retries=1 CMD ["false"]\nLABEL version=bad',
    }),
  );
  const good = await pushImage(`${ns}-app:good`, `${ns}/app`, 'good');
  const bad = await pushImage(`${ns}-app:bad`, `${ns}/app`, 'bad');
  await cleanup({ images: [`${ns}-app:good`, `${ns}-app:bad`, good.ref, bad.ref, base.ref] });
  app = { repo: good.repo, good: good.digest, bad: bad.digest, goodId };
  dir = mkdtempSync(join(tmpdir(), 'docker-rollback-'));
  writeFileSync(
    join(dir, 'sindri.yaml'),
    `version: "3.0"\nname: ${name}\ndeployment:\n  provider: docker\n  image: ${app.repo}:good\nextensions:\n  profile: minimal\nsecrets:\n  - name: API_TOKEN\n    source: env\n    required: true\nproviders:\n  docker:\n    network: host\n`,
  );
}, 180_000);

afterAll(async () => {
  await cleanup({ containers: [name], projects: [`sindri-${name}`], volumes: [`${name}_home`] });
  await cleanup({ images: [...(await imagesOf(`${REGISTRY}/${ns}/app`)), ...(await imagesOf(`${REGISTRY}/${ns}/base`))] });
  await removeLabelledImages(ns);
  rmSync(dir, { recursive: true, force: true });
}, 180_000);

describe('docker rollback through the action (real engine, real registry)', () => {
  it('first deploy on Node 24 runs the good digest', async () => {
    const r = await act({}, '24');
    expect(r.code, r.stdout).toBe(0);
    expect((await containerInspect(name))?.Config.Image).toBe(`${app.repo}@${app.good}`);
  });

  it('a digest that never becomes healthy on Node 20: the previous document is put back with its image by ID, one line says so', async () => {
    const r = await act({ image: app.repo, 'image-digest': app.bad }, '20');
    expect(r.code).toBe(1);
    const errors = errorLines(r);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(`rolled back: the previous image ${app.repo}@${app.good} runs now, ready (no health check was asked for)`);
    expect(r.stdout).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(r.outputs['rolled-back']).toBe('true');
    expect(r.outputs['previous-image']).toBe(`${app.repo}@${app.good}`);
    expect(JSON.parse(r.outputs.result!)).toMatchObject({ 'rolled-back': true, 'previous-image': `${app.repo}@${app.good}` });
    const running = await containerInspect(name);
    expect(running?.Image).toBe(app.goodId);
    expect(running?.Config.Image).toBe(app.goodId);
    expect(running?.Config.Env).toContain(`API_TOKEN=${SECRET}`);
    expect(readFileSync(join(dir, 'sindri-compose.yml'), 'utf8')).toContain(`image: ${app.goodId}`);
    expect(existsSync(join(dir, '.sindri-secrets.env'))).toBe(false);
    expect(r.stdout.replace(/^::add-mask::.*$/gm, '')).not.toContain(SECRET);
  });

  it('with rollback: false (Node 24) the failed container is left as it is, the line and rolledBack false say so', async () => {
    const r = await act({ image: app.repo, 'image-digest': app.bad, rollback: 'false' }, '24');
    expect(r.code).toBe(1);
    expect(errorLines(r)[0]).toMatch(
      /rollback: false, so it is left as it is: .* runs now, not healthy \(docker compose -p \S+ down removes it\)/,
    );
    expect(r.outputs['rolled-back']).toBe('false');
    expect((await containersByName(name)).map((c) => c.image)).toEqual([`${app.repo}@${app.bad}`]);
  });
});
