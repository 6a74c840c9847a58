/**
 * Issue 21, docker: `mode: plan` through `node dist/index.js` reads the REAL engine (read-only) and
 * says per resource what a deploy would do. A container deployed by the action first; then plans
 * against it: the same digest and config → `changed=false`; a new digest → the update with both
 * digests; another setting → which one; an engine that does not answer (DOCKER_HOST on a closed
 * socket) → the plan succeeds and says why it could not compare. No plan changes the container.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAction, type ActionRun, type NodeMajor } from '../support/action.js';
import {
  buildImage,
  cleanup,
  containerInspect,
  containersByName,
  docker,
  imagesOf,
  pushImage,
  pushTestBase,
  REGISTRY,
  removeLabelledImages,
  requireServices,
  testDockerfile,
  uniqueName,
} from '../support/docker.js';
import { makeWorkdir } from '../support/workdir.js';

const ns = uniqueName('planlive');
const name = `${ns}-app`;
const dirs: string[] = [];
let app: { repo: string; a: string; b: string };

const yaml = (extra = '') =>
  `version: "3.0"\nname: ${name}\ndeployment:\n  provider: docker\n  image_config:\n    registry: ${app.repo}\n    verify_signature: false\n    verify_provenance: false\n${extra}extensions:\n  profile: minimal\nproviders:\n  docker:\n    network: host\n`;

/** on Node 24 unless told (the engine-down and new-digest cases run on Node 20) */
function act(dir: string, inputs: Record<string, string>, env: Record<string, string> = {}, node: NodeMajor = '24'): Promise<ActionRun> {
  return runAction({
    inputs: { timeout: '2m', image: app.repo, 'image-digest': app.a, ...inputs },
    cwd: dir,
    env,
    node,
    timeoutMs: 240_000,
  });
}

interface PlanResult {
  changed: boolean;
  changes: number;
  plan: {
    image: string;
    live: { known: boolean; reason: string };
    changes: { action: string; resource: string; image?: { from: string; to: string }; settings?: string[]; line: string }[];
  };
}
const resultOf = (r: ActionRun): PlanResult => JSON.parse(r.outputs.result!) as PlanResult;
const short = (digest: string) => `${digest.slice(0, 'sha256:'.length + 12)}…`;

/** what every plan promises: exit 0, nothing base64 printed, the files and commands folded */
function planned(r: ActionRun): PlanResult {
  expect(r.code, r.stdout).toBe(0);
  expect(r.stdout + r.summary).not.toMatch(/compose-document: eyJ/);
  expect(r.stdout).toMatch(/::group::Plan details: generated files and commands\n--- sindri-compose\.yml/);
  expect(r.summary).toMatch(/<details><summary>commands a deploy runs<\/summary>/);
  return resultOf(r);
}

beforeAll(async () => {
  await requireServices();
  const base = await pushTestBase(`${ns}/base`, ns);
  await buildImage(`${ns}-img:a`, testDockerfile(base.ref, { extra: 'LABEL v=a' }));
  await buildImage(`${ns}-img:b`, testDockerfile(base.ref, { extra: 'LABEL v=b' }));
  const a = await pushImage(`${ns}-img:a`, `${ns}/app`, 'a');
  const b = await pushImage(`${ns}-img:b`, `${ns}/app`, 'b');
  await cleanup({ images: [`${ns}-img:a`, `${ns}-img:b`, a.ref, b.ref, base.ref] });
  app = { repo: a.repo, a: a.digest, b: b.digest };
}, 180_000);

afterAll(async () => {
  await cleanup({
    containers: [name, `${name}-old`, `${name}-run`, `${name}-hand`],
    projects: [`sindri-${name}`],
    volumes: [`${name}_home`],
  });
  await cleanup({ images: [...(await imagesOf(`${REGISTRY}/${ns}/app`)), ...(await imagesOf(`${REGISTRY}/${ns}/base`))] });
  await removeLabelledImages(ns);
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
}, 180_000);

describe('docker plan: the live diff on the real engine', () => {
  let dir: string;
  let containerId: string | undefined;

  it('before anything runs: + create, changed=true, changes=1', async () => {
    dir = makeWorkdir('plan-live-', dirs, yaml());
    const r = await act(dir, { mode: 'plan' });
    const res = planned(r);
    expect(r.outputs).toMatchObject({ changed: 'true', changes: '1' });
    expect(res.plan.changes).toEqual([expect.objectContaining({ action: 'create', resource: `container ${name}` })]);
    expect(res.plan.live.known).toBe(true);
    expect(r.stdout).toContain(`+ create container ${name}`);
    // the one line that says which image and why, above the list
    expect(r.stdout).toContain(`image ${app.repo}@${short(app.a)} (rule 1 input-digest:`);
  });

  it('deployed, then the same digest and config: = unchanged, changed=false, changes=0', async () => {
    const d = await act(dir, {});
    expect(d.code, d.stdout).toBe(0);
    containerId = (await containerInspect(name))?.Id;
    const r = await act(dir, { mode: 'plan' });
    const res = planned(r);
    expect(r.outputs).toMatchObject({ changed: 'false', changes: '0' });
    expect(res).toMatchObject({ changed: false, changes: 0 });
    expect(res.plan.changes).toEqual([expect.objectContaining({ action: 'unchanged', resource: `container ${name}` })]);
    expect(r.stdout).toContain(`= unchanged container ${name} (runs ${app.repo}@${short(app.a)})`);
    expect(r.summary).toMatch(/```diff\n= unchanged container /);
  });

  it('a new digest: ~ update with both digests, nothing changed on the engine', async () => {
    const r = await act(dir, { mode: 'plan', 'image-digest': app.b }, {}, '20');
    const res = planned(r);
    expect(r.outputs).toMatchObject({ changed: 'true', changes: '1' });
    const [c] = res.plan.changes;
    expect(c).toMatchObject({ action: 'update', image: { from: `${app.repo}@${app.a}`, to: `${app.repo}@${app.b}` } });
    expect(c!.settings).toBeUndefined();
    expect(r.stdout).toContain(`~ update container ${name} (image ${app.repo}@${short(app.a)} → ${app.repo}@${short(app.b)})`);
    const now = await containerInspect(name);
    expect(now?.Id).toBe(containerId);
    expect(now?.Config.Image).toBe(`${app.repo}@${app.a}`);
  });

  it('another setting: ~ update naming it, the image unchanged', async () => {
    const other = makeWorkdir('plan-live-', dirs, yaml('  resources:\n    memory: 2GB\n'));
    const r = await act(other, { mode: 'plan' });
    const res = planned(r);
    expect(res.plan.changes[0]).toMatchObject({ action: 'update', settings: ['deploy'] });
    expect(res.plan.changes[0]!.image).toBeUndefined();
    expect(r.stdout).toContain(`~ update container ${name} (1 setting: deploy)`);
  });

  it('orphans of the compose project: - delete only when up would run, and the deploy removes exactly those', async () => {
    const project = `sindri-${name}`;
    // an earlier service of the project (an orphan); a one-off `compose run` container never started and a
    // container without compose's config hash label (compose lists neither, so neither is removed)
    const create = (suffix: string, labels: string[]) =>
      docker([
        'container',
        'create',
        '--name',
        `${name}-${suffix}`,
        '--network',
        'none',
        ...[`com.docker.compose.project=${project}`, ...labels].flatMap((l) => ['--label', l]),
        `${app.repo}@${app.a}`,
      ]);
    await create('old', ['com.docker.compose.service=web', 'com.docker.compose.config-hash=0']);
    await create('run', ['com.docker.compose.service=sindri', 'com.docker.compose.oneoff=True', 'com.docker.compose.config-hash=0']);
    await create('hand', ['com.docker.compose.service=web']);
    const orphan = `- delete container ${name}-old (an orphan of compose project ${project}: compose up --remove-orphans removes it; its volumes are kept)`;

    // the same digest and config: the deploy would skip, so compose removes nothing
    const same = planned(await act(dir, { mode: 'plan' }));
    expect(same.plan.changes.map((c) => c.action)).toEqual(['unchanged']);
    expect(same.changed).toBe(false);

    const r = await act(dir, { mode: 'plan', 'image-digest': app.b });
    const res = planned(r);
    expect(res.plan.changes.map((c) => c.line)).toEqual([expect.stringMatching(/^~ update container /), orphan]);
    expect(r.outputs).toMatchObject({ changed: 'true', changes: '2' });
    expect(r.stdout).toContain(`\n${orphan}\n`);
    expect(r.summary).toContain(orphan);
    expect((await containersByName(`${name}-old`)).length).toBe(1);

    // what the plan said is what the deploy does
    const d = await act(dir, { 'image-digest': app.b });
    expect(d.code, d.stdout).toBe(0);
    expect(await containersByName(`${name}-old`)).toEqual([]);
    expect((await containersByName(`${name}-run`)).length).toBe(1);
    expect((await containersByName(`${name}-hand`)).length).toBe(1);
  });

  it('the engine does not answer (DOCKER_HOST on a closed socket): the plan succeeds and says why', async () => {
    const closed = join(dir, 'closed.sock');
    const r = await act(dir, { mode: 'plan' }, { DOCKER_HOST: `unix://${closed}` }, '20');
    const res = planned(r);
    expect(r.outputs).toMatchObject({ changed: 'true', changes: '1' });
    expect(res.plan.live.known).toBe(false);
    expect(res.plan.live.reason).toMatch(/^the Docker engine did not answer: .*Cannot connect to the Docker daemon/);
    expect(res.plan.changes[0]).toMatchObject({ action: 'unknown', resource: `container ${name}` });
    // the reason once, above the list; the container `? unknown` without it (log, summary)
    expect(r.stdout.match(/live state unknown: /g)).toHaveLength(1);
    expect(r.stdout).toMatch(new RegExp(`\\nlive state unknown: the Docker engine did not answer: .*\\n\\? unknown container ${name}\\n`));
    expect(r.summary).toMatch(
      new RegExp(`\`\`\`diff\\nlive state unknown: the Docker engine did not answer: .*\\n\\? unknown container ${name}\\n\`\`\``),
    );
  });
});
