/** Issue 21: the change model and the docker live comparison, pure. */
import { describe, expect, it } from 'vitest';
import { changeLine, countChanges, imageLine, liveLine, notRead, shortDigest } from '../../src/plan/changes.js';
import { compareContainer, orphanChanges, settingsDiff } from '../../src/providers/docker/live.js';
import { envPruneSelector } from '../../src/providers/kubernetes/secrets.js';
import { planLines } from '../../src/report/report.js';
import { compareObject, compareObjects } from '../../src/providers/kubernetes/live.js';
import { CONFIG_HASH_LABEL, DOCUMENT_LABEL, PROJECT_LABEL, type RenderedCompose } from '../../src/providers/docker/compose.js';
import type { ContainerState, ProjectContainer } from '../../src/external/docker.js';

const A = `sha256:${'a'.repeat(64)}`;
const B = `sha256:${'b'.repeat(64)}`;

describe('change lines', () => {
  it('one symbol per action; digests shortened to 12 hex digits; settings counted and named', () => {
    expect(changeLine({ action: 'create', resource: 'container app' })).toBe('+ create container app');
    expect(changeLine({ action: 'delete', resource: 'Service app' })).toBe('- delete Service app');
    expect(changeLine({ action: 'unchanged', resource: 'container app', note: `runs r@${A}` })).toBe(
      `= unchanged container app (runs r@sha256:${'a'.repeat(12)}…)`,
    );
    expect(
      changeLine({
        action: 'update',
        resource: 'container app',
        image: { from: `r@${A}`, to: `r@${B}` },
        settings: ['deploy', 'environment'],
      }),
    ).toBe(`~ update container app (image r@sha256:${'a'.repeat(12)}… → r@sha256:${'b'.repeat(12)}…; 2 settings: deploy, environment)`);
    expect(shortDigest('no digest here')).toBe('no digest here');
  });
  it('a live target not read: the reason once, above the list; each resource `? unknown` without it', () => {
    const plan = notRead(['Deployment app', 'Service app'], 'the API server did not answer: connection refused');
    expect(plan.live).toEqual({ known: false, reason: 'the API server did not answer: connection refused' });
    expect(plan.changes.map(changeLine)).toEqual(['? unknown Deployment app', '? unknown Service app']);
    expect(liveLine(plan.live)).toBe('live state unknown: the API server did not answer: connection refused');
    expect(liveLine({ known: true, reason: 'context kind' })).toBeUndefined();
    // a resource with a reason of its own keeps it
    expect(changeLine({ action: 'unknown', resource: 'container app', note: 'a container of that name exists' })).toBe(
      '? unknown container app (a container of that name exists)',
    );
  });
  it('summary and comment: the reason once as the first line of the diff block; a fence in a reason cannot close it', () => {
    const { changes, live } = notRead(['app x'], 'the fly plan does not read the live target ```\n# hi');
    const lines = planLines({
      image: 'image r:1',
      changes: changes.map((c) => ({ ...c, line: changeLine(c) })),
      live,
      files: [],
      commands: [],
    });
    const block = lines.slice(lines.indexOf('```diff') + 1);
    expect(block).toEqual(["live state unknown: the fly plan does not read the live target '''\\n# hi", '? unknown app x', '```']);
    const known = planLines({
      image: 'image r:1',
      changes: [{ action: 'delete', resource: 'container old', line: '- delete container old' }],
      live: { known: true, reason: 'engine' },
      files: [],
      commands: [],
    });
    expect(known.slice(known.indexOf('```diff') + 1)).toEqual(['- delete container old', '```']);
  });
  it('a value with a new line stays one line', () => {
    expect(changeLine({ action: 'create', resource: 'container a\nb' })).toBe('+ create container a\\nb');
  });
  it('counts what is not unchanged: an unknown live state counts', () => {
    expect(countChanges([{ action: 'unchanged', resource: 'a' }])).toBe(0);
    expect(
      countChanges([
        { action: 'unknown', resource: 'a' },
        { action: 'create', resource: 'b' },
        { action: 'unchanged', resource: 'c' },
      ]),
    ).toBe(2);
  });
  it('the image line: the rule that won and whether it is pinned, built or as written', () => {
    const trace = [
      { rule: 1, source: 'input-digest' as const, outcome: 'skipped' as const, reason: 'empty' },
      { rule: 5, source: 'config-version' as const, outcome: 'applied' as const, reason: 'highest matching ^3.0.0 → 3.1.2' },
      { rule: 0, source: 'pin' as const, outcome: 'applied' as const, reason: 'x' },
    ];
    expect(imageLine({ deployRef: `ghcr.io/o/app@${A}`, digest: A, build: false, trace })).toBe(
      `image ghcr.io/o/app@sha256:${'a'.repeat(12)}… (rule 5 config-version: highest matching ^3.0.0 → 3.1.2, pinned)`,
    );
    expect(imageLine({ deployRef: 'ghcr.io/o/app:3', digest: '', build: false, trace })).toMatch(/not pinned \(pin-digest: false\)\)$/);
    expect(imageLine({ deployRef: 'app:local', digest: '', build: true, dockerfile: 'Dockerfile', trace: [] })).toBe(
      'image app:local (no rule applied, built by the deploy, not pinned)',
    );
  });
});

describe('docker: compareContainer', () => {
  const doc = (memory: string, image = `r@${A}`) => ({
    name: 'sindri-app',
    services: { sindri: { image, container_name: 'app', deploy: { resources: { limits: { memory } } } } },
  });
  const compose = (memory = '4g', image = `r@${A}`): RenderedCompose =>
    ({
      container: 'app',
      project: 'sindri-app',
      volumes: ['app_home'],
      hash: `${memory}-${image}`,
      document: doc(memory, image),
    }) as unknown as RenderedCompose;
  const running = (over: Partial<ContainerState> = {}, memory = '4g'): ContainerState => ({
    id: 'c1',
    name: 'app',
    imageId: 'sha256:' + 'c'.repeat(64),
    imageRef: `r@${A}`,
    status: 'running',
    running: true,
    restartCount: 0,
    labels: {
      [PROJECT_LABEL]: 'sindri-app',
      [CONFIG_HASH_LABEL]: `${memory}-r@${A}`,
      [DOCUMENT_LABEL]: Buffer.from(JSON.stringify(doc(memory))).toString('base64'),
    },
    env: [],
    ...over,
  });
  const image = (digest: string) => ({ deployRef: `r@${digest}`, digest, build: false });
  const live = (c?: ContainerState) => ({ container: c, image: c ? { id: c.imageId, repoDigests: [`r@${A}`], repoTags: [] } : undefined });
  const base = { sameSecrets: true, force: false };

  it('nothing runs: create, with the volume', () => {
    expect(compareContainer({ ...base, live: {}, compose: compose(), image: image(A) })).toEqual({
      action: 'create',
      resource: 'container app',
      note: 'volume app_home',
    });
  });
  it('the same digest and document: unchanged; force, a stopped or unhealthy container: update, saying why', () => {
    expect(compareContainer({ ...base, live: live(running()), compose: compose(), image: image(A) }).action).toBe('unchanged');
    expect(compareContainer({ ...base, force: true, live: live(running()), compose: compose(), image: image(A) })).toMatchObject({
      action: 'update',
      note: 'force: true recreates it',
    });
    expect(
      compareContainer({ ...base, live: live(running({ running: false, status: 'exited' })), compose: compose(), image: image(A) }),
    ).toMatchObject({
      action: 'update',
      note: 'it is exited, not running',
    });
    expect(compareContainer({ ...base, live: live(running({ health: 'unhealthy' })), compose: compose(), image: image(A) }).note).toBe(
      'it is unhealthy',
    );
  });
  it('a new digest: the image from → to, no setting counted for the image itself', () => {
    const c = compareContainer({ ...base, live: live(running()), compose: compose('4g', `r@${B}`), image: image(B) });
    expect(c).toEqual({ action: 'update', resource: 'container app', image: { from: `r@${A}`, to: `r@${B}` } });
  });
  it('settings from the document label; secrets compared by value; a foreign container stops a deploy', () => {
    expect(compareContainer({ ...base, live: live(running()), compose: compose('2g'), image: image(A) }).settings).toEqual(['deploy']);
    expect(compareContainer({ ...base, sameSecrets: false, live: live(running()), compose: compose(), image: image(A) }).settings).toEqual([
      'secrets',
    ]);
    const foreign = running({ labels: { [PROJECT_LABEL]: 'theirs' } });
    expect(compareContainer({ ...base, live: live(foreign), compose: compose(), image: image(A) })).toMatchObject({ action: 'unknown' });
  });
  it('an image built by the deploy: unknown until built, unless something else already moved', () => {
    const built = { deployRef: 'app:local', digest: '', build: true, dockerfile: 'Dockerfile' };
    expect(compareContainer({ ...base, live: live(running()), compose: compose(), image: built }).action).toBe('unknown');
    expect(compareContainer({ ...base, live: live(running()), compose: compose('2g'), image: built }).action).toBe('update');
  });
  it("orphans: compose's rule (another service; a one-off that exited or is dead), only when up runs", () => {
    const ps = (name: string, service: string, state = 'running', oneoff = ''): ProjectContainer => ({ name, state, service, oneoff });
    const project = [
      ps('app', 'sindri'),
      ps('app-old', 'web'),
      ps('app-run-1', 'sindri', 'exited', 'True'),
      ps('app-run-2', 'sindri', 'running', 'True'),
      ps('app-run-3', 'sindri', 'dead', 'True'),
      ps('app-run-4', 'sindri', 'exited', 'False'),
    ];
    const moved = compareContainer({ ...base, live: live(running()), compose: compose('2g'), image: image(A) });
    const deletes = orphanChanges(project, compose('2g'), live(running()), moved);
    expect(deletes.map(changeLine)).toEqual(
      ['app-old', 'app-run-1', 'app-run-3'].map(
        (n) =>
          `- delete container ${n} (an orphan of compose project sindri-app: compose up --remove-orphans removes it; its volumes are kept)`,
      ),
    );
    // a deploy that skips, or stops at a container of that name from elsewhere, removes nothing
    const same = compareContainer({ ...base, live: live(running()), compose: compose(), image: image(A) });
    expect(orphanChanges(project, compose(), live(running()), same)).toEqual([]);
    const foreign = live(running({ labels: { [PROJECT_LABEL]: 'theirs' } }));
    expect(
      orphanChanges(project, compose(), foreign, compareContainer({ ...base, live: foreign, compose: compose(), image: image(A) })),
    ).toEqual([]);
    // nothing of that name runs: up creates it and removes the orphans
    expect(orphanChanges(project, compose(), {}, { action: 'create', resource: 'container app' })).toHaveLength(3);
    // the build decides: they go only if the built image differs
    const built = { deployRef: 'app:local', digest: '', build: true, dockerfile: 'Dockerfile' };
    const maybe = compareContainer({ ...base, live: live(running()), compose: compose(), image: built });
    expect(orphanChanges(project, compose(), live(running()), maybe)[0]!.note).toContain('removes it when the built image differs');
  });
  it('settingsDiff: service keys (image and labels aside), then top-level keys', () => {
    expect(
      settingsDiff(
        { services: { sindri: { image: 'a', labels: {}, tty: true } }, volumes: 1 },
        { services: { sindri: { image: 'b' } }, volumes: 2 },
      ),
    ).toEqual(['tty', 'volumes']);
  });
});

describe('kubernetes: the env Secrets a deploy prunes', () => {
  const labels = { role: 'deploy.sindri.dev/role', version: 'deploy.sindri.dev/version' };
  const sel = 'app.kubernetes.io/managed-by=sindri,app.kubernetes.io/instance=app';
  it('all but the current one and the one the previous revision reads; none when the env Secret did not change', () => {
    expect(envPruneSelector(sel, labels, 'app-env-0123456789', 'app-env-abcdefabcd')).toBe(
      `${sel},deploy.sindri.dev/role=env,deploy.sindri.dev/version notin (0123456789,abcdefabcd)`,
    );
    expect(envPruneSelector(sel, labels, 'app-env-0123456789', undefined)).toBe(
      `${sel},deploy.sindri.dev/role=env,deploy.sindri.dev/version notin (0123456789)`,
    );
    expect(envPruneSelector(sel, labels, 'app-env-0123456789', 'app-env-0123456789')).toBeUndefined();
    expect(envPruneSelector(sel, labels, undefined, 'app-env-0123456789')).toBeUndefined();
  });
});

describe('kubernetes: compareObject', () => {
  const dep = (image: string, extra: Record<string, unknown> = {}) =>
    ({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'app', namespace: 'ns', resourceVersion: '7', generation: 2, managedFields: [{ manager: 'x' }], ...extra },
      spec: { replicas: 1, template: { spec: { containers: [{ name: 'sindri', image, resources: { limits: { memory: '2Gi' } } }] } } },
      status: { readyReplicas: 1 },
    }) as unknown as import('../../src/external/kubectl.js').LiveObject;
  it('what the server moves by itself is left out: the same object is unchanged', () => {
    const answered = dep(`r@${A}`, { resourceVersion: '8', generation: 3, annotations: { 'deployment.kubernetes.io/revision': '4' } });
    expect(compareObjects([dep(`r@${A}`)], [answered])).toEqual([{ action: 'unchanged', resource: 'Deployment app' }]);
  });
  it('a new image: from → to; another setting named by its short path; a missing object is created', () => {
    expect(compareObject(dep(`r@${A}`), dep(`r@${B}`))).toEqual({
      action: 'update',
      resource: 'Deployment app',
      image: { from: `r@${A}`, to: `r@${B}` },
    });
    const bigger = dep(`r@${A}`);
    (bigger.spec as { replicas: number }).replicas = 2;
    expect(compareObject(dep(`r@${A}`), bigger).settings).toEqual(['replicas']);
    expect(compareObject(undefined, dep(`r@${A}`))).toEqual({ action: 'create', resource: 'Deployment app' });
  });
  it('Secret data is compared, and only the word data is shown', () => {
    const secret = (v: string) =>
      ({
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name: 's' },
        data: { TOKEN: v },
      }) as unknown as import('../../src/external/kubectl.js').LiveObject;
    const c = compareObject(secret('YQ=='), secret('Yg=='));
    expect(c).toEqual({ action: 'update', resource: 'Secret s', settings: ['data'] });
    expect(JSON.stringify(c)).not.toContain('Yg==');
  });
});
