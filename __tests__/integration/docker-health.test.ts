/**
 * Issue 19 on the docker provider, through the action as the runner runs it (`node dist/index.js`) on
 * the REAL Docker engine: `health-url` and `health-command` after the release, a failed check rolled
 * back to the previous image BY ID (the image is built from a Dockerfile, so both runs tag `<name>:local`
 * and the tag moves to the bad image), the same check run again after the rollback, `rollback: false`
 * leaving the new one, a skipped deploy still checked, and `health-command` in the compose healthcheck.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAction, type ActionRun } from '../support/action.js';
import {
  cleanup,
  containerInspect,
  docker,
  imagesOf,
  pushTestBase,
  REGISTRY,
  removeLabelledImages,
  requireServices,
  TEST_LABEL,
  uniqueName,
} from '../support/docker.js';
import { makeWorkdir } from '../support/workdir.js';

const ns = uniqueName('wb-docker-health');
const name = `${ns}-app`;
const PORT = 20_000 + Math.floor(Math.random() * 9_000);
const HEALTH_URL = `http://127.0.0.1:${PORT}/healthz`;
const dirs: string[] = [];
let dir: string;
let base: { ref: string };
let goodId = '';

/** A busybox httpd on the host network; the good image serves /healthz and has /ready, the bad one neither. */
function dockerfile(good: boolean): string {
  return [
    'ARG BASE=scratch',
    'FROM ${BASE}',
    `RUN mkdir -p /www${good ? ' && echo ok > /www/healthz && touch /ready' : ''}`,
    `LABEL ${TEST_LABEL}=${ns}`,
    `LABEL version=${good ? 'good' : 'bad'}`,
    `CMD ["sh", "-c", "httpd -p 127.0.0.1:${PORT} -h /www; trap 'exit 0' TERM; sleep 86400 & wait"]`,
    '',
  ].join('\n');
}

function act(inputs: Record<string, string>): Promise<ActionRun> {
  return runAction({
    inputs: { timeout: '60s', 'health-timeout': '5s', 'build-args': `BASE=${base.ref}`, ...inputs },
    cwd: dir,
    node: '24',
    timeoutMs: 180_000,
  });
}
const errorLines = (r: ActionRun) => r.stdout.split('\n').filter((l) => l.startsWith('::error'));
const runningImage = async () => (await containerInspect(name))?.Image;
const healthcheckTest = async () =>
  JSON.parse(await docker(['container', 'inspect', '--format', '{{json .Config.Healthcheck}}', name])) as { Test?: string[] } | null;

beforeAll(async () => {
  await requireServices();
  base = await pushTestBase(`${ns}/base`, ns);
  dir = makeWorkdir(
    'docker-health-',
    dirs,
    `version: "3.0"\nname: ${name}\ndeployment:\n  provider: docker\nextensions:\n  profile: minimal\nproviders:\n  docker:\n    network: host\n`,
    { 'deploy/Dockerfile': dockerfile(true) },
  );
}, 180_000);

afterAll(async () => {
  await cleanup({ containers: [name], projects: [`sindri-${name}`], volumes: [`${name}_home`] });
  await cleanup({ images: [...(await imagesOf(name)), ...(await imagesOf(`${REGISTRY}/${ns}/base`))] });
  await removeLabelledImages(ns);
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
}, 180_000);

describe('docker health checks through the action (real engine)', () => {
  it('a good build passing health-url: healthy=true, rolled-back=false, previous-image empty on a first deploy', async () => {
    const r = await act({ 'health-url': HEALTH_URL });
    expect(r.code, r.stdout).toBe(0);
    expect(r.outputs).toMatchObject({ healthy: 'true', 'rolled-back': 'false', 'previous-image': '', built: 'true' });
    expect(r.stdout).toContain(`health: GET ${HEALTH_URL} passed (attempt 1`);
    goodId = (await runningImage())!;
    expect(goodId).toMatch(/^sha256:/);
    expect(r.summary).toContain(`healthy (GET ${HEALTH_URL} passed)`);
  });

  it('a skipped deploy still runs the check: passing → healthy=true; failing → exit 1 saying nothing was deployed', async () => {
    const ok = await act({ 'health-url': HEALTH_URL });
    expect(ok.code, ok.stdout).toBe(0);
    expect(ok.outputs).toMatchObject({ skipped: 'true', healthy: 'true', 'previous-image': goodId });
    expect(ok.stdout).toContain(`health: GET ${HEALTH_URL} passed`);
    const bad = await act({ 'health-url': `http://127.0.0.1:${PORT}/missing` });
    expect(bad.code, bad.stdout).toBe(1);
    expect(bad.outputs).toMatchObject({ healthy: 'false', 'rolled-back': 'false', 'previous-image': goodId });
    const errors = errorLines(bad);
    expect(errors, bad.stdout).toHaveLength(1);
    expect(errors[0]).toMatch(/already runs .* \(nothing was deployed\), but it fails its health check: GET .*\/missing — HTTP 404/);
    expect(await runningImage()).toBe(goodId);
  });

  it('a bad build under the same tag failing health-url is rolled back to the previous image ID, checked again, healthy', async () => {
    writeFileSync(join(dir, 'deploy', 'Dockerfile'), dockerfile(false));
    const r = await act({ 'health-url': HEALTH_URL });
    expect(r.code, r.stdout).toBe(1);
    // the tag moved to the bad image: only the ID restores the good one
    const tagged = await docker(['image', 'inspect', '--format', '{{.Id}}', `${name}:local`]);
    expect(tagged).not.toBe(goodId);
    expect(await runningImage()).toBe(goodId);
    expect(r.outputs).toMatchObject({ 'rolled-back': 'true', 'previous-image': goodId, healthy: 'true', built: 'true' });
    // the build was reported the moment it finished, though the deploy failed
    expect(r.outputs['image-digest']).toBe(tagged);
    const errors = errorLines(r);
    expect(errors, r.stdout).toHaveLength(1);
    expect(errors[0]).toMatch(/its health check failed: GET .*\/healthz — HTTP 404/);
    expect(errors[0]).toContain(`rolled back: the previous image ${goodId} runs now, healthy (GET ${HEALTH_URL} passed)`);
    // the check ran after the rollback: its last line is a pass
    expect(
      r.stdout
        .split('\n')
        .filter((l) => l.startsWith('health: '))
        .pop(),
    ).toContain('passed');
  });

  it('health-command is the compose healthcheck (compose --wait waits on it) and runs by docker exec after the release', async () => {
    writeFileSync(join(dir, 'deploy', 'Dockerfile'), dockerfile(true));
    const r = await act({ 'health-command': 'test -f /ready' });
    expect(r.code, r.stdout).toBe(0);
    expect(r.outputs).toMatchObject({ healthy: 'true', skipped: 'false' });
    expect((await healthcheckTest())?.Test).toEqual(['CMD-SHELL', 'test -f /ready']);
    expect(r.stdout).toContain(`health: \`test -f /ready\` in container ${name} passed`);
    goodId = (await runningImage())!;
  });

  it('a bad build failing health-command: compose sees it unhealthy, rolled back by image ID, the command passes again', async () => {
    writeFileSync(join(dir, 'deploy', 'Dockerfile'), dockerfile(false));
    const r = await act({ 'health-command': 'test -f /ready', 'health-timeout': '2s' });
    expect(r.code, r.stdout).toBe(1);
    expect(await runningImage()).toBe(goodId);
    expect(r.outputs).toMatchObject({ 'rolled-back': 'true', 'previous-image': goodId, healthy: 'true' });
    const errors = errorLines(r);
    expect(errors, r.stdout).toHaveLength(1);
    expect(errors[0]).toMatch(/did not become ready within \d+ s: .*unhealthy/);
    expect(errors[0]).toContain(
      `rolled back: the previous image ${goodId} runs now, healthy (\`test -f /ready\` in container ${name} passed)`,
    );
  });

  it('rollback: false leaves the failing one running and says so', async () => {
    const r = await act({ 'health-url': HEALTH_URL, rollback: 'false' });
    expect(r.code, r.stdout).toBe(1);
    const now = await runningImage();
    expect(now).not.toBe(goodId);
    expect(r.outputs).toMatchObject({ 'rolled-back': 'false', 'previous-image': goodId, healthy: 'false' });
    const errors = errorLines(r);
    expect(errors, r.stdout).toHaveLength(1);
    expect(errors[0]).toMatch(/its health check failed: .*; rollback: false, so it is left as it is: .* runs now, not healthy/);
  });
});
