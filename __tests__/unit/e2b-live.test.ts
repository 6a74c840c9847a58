/** Provider e2b, the pure parts of the plan's live diff (live.ts) and of sweep's listing (previews.ts). */
import { describe, expect, it } from 'vitest';
import type { E2bSandbox, E2bTemplate } from '../../src/external/e2b.js';
import { changeLine } from '../../src/plan/changes.js';
import { compareLive, templateState, unreadReason, type CompareInput } from '../../src/providers/e2b/live.js';
import { previewsOf } from '../../src/providers/e2b/previews.js';

const A = `r.io/app@sha256:${'a'.repeat(64)}`;
const B = `r.io/app@sha256:${'b'.repeat(64)}`;
const template: E2bTemplate = { templateID: 'tpl1', buildID: 'b2', aliases: ['app'], buildStatus: 'ready' };
const sandbox = (id: string, meta: Record<string, string>, state = 'running'): E2bSandbox => ({
  sandboxId: id,
  templateId: 'tpl1',
  metadata: meta,
  state,
});
const running = sandbox('s1', { sindri_name: 'app', sindri_template: 'sindri-old', sindri_env: 'e1', sindri_image: A, sindri_build: 'b1' });

function input(o: Partial<CompareInput> = {}): CompareInput {
  return {
    live: {
      template,
      tags: [
        { tag: 'default', buildID: 'b1' },
        { tag: 'sindri-old', buildID: 'b1' },
      ],
      sandboxes: [running],
    },
    alias: 'app',
    name: 'app',
    contentTag: 'sindri-old',
    image: A,
    rebuild: '',
    startSandbox: true,
    env: 'e1',
    force: false,
    ...o,
  };
}

describe('templateState: the deploy’s skip decision', () => {
  it('unchanged only when the build the default tag names carries the content tag', () => {
    const tags = [
      { tag: 'default', buildID: 'b1' },
      { tag: 'sindri-x', buildID: 'b1' },
    ];
    expect(templateState(template, tags, 'sindri-x', false)).toEqual({ unchanged: true, defaultBuild: 'b1' });
    expect(templateState(template, [{ tag: 'default', buildID: 'b2' }, ...tags.slice(1)], 'sindri-x', false).unchanged).toBe(false);
    expect(templateState(template, tags, 'sindri-y', false).unchanged).toBe(false);
    expect(templateState(template, tags, 'sindri-x', true)).toEqual({ unchanged: false, defaultBuild: 'b2' });
    expect(templateState({ ...template, buildStatus: 'error' }, tags, 'sindri-x', false).unchanged).toBe(false);
    expect(templateState(undefined, tags, 'sindri-x', false)).toEqual({ unchanged: false, defaultBuild: '' });
  });
});

describe('compareLive', () => {
  it('the same inputs and secrets: both unchanged', () => {
    expect(compareLive(input()).map(changeLine)).toEqual([
      '= unchanged template app (its default build b1 carries tag sindri-old)',
      '= unchanged sandbox app (sandbox s1 runs it)',
    ]);
  });

  it('nothing there: both created; startSandbox false: the template only', () => {
    const changes = compareLive(input({ live: { tags: [], sandboxes: [] } }));
    expect(changes.map((c) => c.action)).toEqual(['create', 'create']);
    expect(compareLive(input({ live: { tags: [], sandboxes: [] }, startSandbox: false })).map((c) => c.resource)).toEqual(['template app']);
  });

  it('a new digest: the template rebuilt and the sandbox replaced, each with both images', () => {
    const [t, s] = compareLive(input({ image: B, contentTag: 'sindri-new' }));
    expect(t).toMatchObject({ action: 'update', image: { from: A, to: B } });
    expect(t!.note).toBe('template rebuilt: its default build carries tag sindri-old, not sindri-new');
    expect(s).toMatchObject({ action: 'update', image: { from: A, to: B } });
    expect(s!.note).toBe('template rebuilt; a new sandbox replaces s1');
    expect(changeLine(t!)).toContain('image r.io/app@sha256:aaaaaaaaaaaa… → r.io/app@sha256:bbbbbbbbbbbb…');
  });

  it('other secret values: the template stays, the sandbox is replaced (secrets)', () => {
    const [t, s] = compareLive(input({ env: 'e2' }));
    expect(t!.action).toBe('unchanged');
    expect(s).toMatchObject({ action: 'update', settings: ['secrets'], note: 'a new sandbox replaces s1' });
  });

  it('force, a failed last build, another run building: said as such', () => {
    const [t, s] = compareLive(input({ force: true, rebuild: 'force: true rebuilds it' }));
    expect(t).toMatchObject({ action: 'update', note: 'force: true rebuilds it' });
    expect(s!.note).toContain('force: true starts a new one');
    expect(compareLive(input({ live: { ...input().live, template: { ...template, buildStatus: 'error' } } }))[0]!.note).toBe(
      'its last build failed',
    );
    const [busy] = compareLive(input({ live: { ...input().live, template: { ...template, buildStatus: 'building' } } }));
    expect(busy!.action).toBe('unknown');
    expect(changeLine(busy!)).toMatch(/^\? unknown template app \(another run is building it right now/);
  });

  it('a sandbox metadata value with a control character stays on one line', () => {
    const odd = sandbox('s9', { ...running.metadata, sindri_image: 'x\n::error::y' });
    const [t] = compareLive(input({ live: { ...input().live, sandboxes: [odd] }, contentTag: 'sindri-new' }));
    expect(changeLine(t!)).not.toContain('\n');
  });
});

describe('unreadReason', () => {
  it('401, another status, no answer, a timeout', () => {
    const url = 'http://127.0.0.1:9';
    expect(unreadReason('E2B API GET /templates answered 401: Invalid API key', url)).toBe(
      `the E2B API at ${url} refused E2B_API_KEY (GET /templates answered 401: Invalid API key)`,
    );
    expect(unreadReason('E2B API GET /v2/sandboxes?x=1 answered 500: boom', url)).toBe(
      `the E2B API at ${url} answered 500 to GET /v2/sandboxes?x=1: boom`,
    );
    expect(unreadReason('E2B API GET /templates: fetch failed', url)).toBe(`the E2B API at ${url} did not answer: fetch failed`);
    expect(unreadReason('E2B API GET /templates: The operation was aborted due to timeout', url)).toBe(
      `the E2B API at ${url} did not answer within 5 s`,
    );
  });
});

describe('previewsOf: sweep keeps only what the action started for this suffix and repository', () => {
  const names = (suffix: string) => ({ alias: `tpl-${suffix}`, name: `app-${suffix}` });
  const mark = (suffix: string, o: Record<string, string> = {}) => ({
    sindri_config: 'app',
    sindri_name_suffix: suffix,
    sindri_repository: 'octo/app',
    sindri_name: `app-${suffix}`,
    ...o,
  });
  it('marks, a valid suffix, the repository (any case) and the name the action gives', () => {
    const list = [
      sandbox('1', mark('pr-1')),
      sandbox('2', mark('pr-1')), // a second sandbox of one preview: listed once
      sandbox('3', mark('pr-2', { sindri_repository: 'Octo/App' })),
      sandbox('4', mark('pr-3', { sindri_repository: 'octo/other' })),
      sandbox('5', mark('pr-4', { sindri_name: 'someone-else' })),
      sandbox('6', mark('PR-5', { sindri_name: 'app-PR-5' })),
      sandbox('7', mark('pr-6', { sindri_config: 'other' })),
      sandbox('8', { sindri_config: 'app', sindri_name: 'app', sindri_repository: 'octo/app' }), // the live one
    ];
    expect(previewsOf(list, 'app', 'octo/app', names)).toEqual([
      { suffix: 'pr-1', deployedName: 'tpl-pr-1' },
      { suffix: 'pr-2', deployedName: 'tpl-pr-2' },
    ]);
  });
});
