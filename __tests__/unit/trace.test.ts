/**
 * The trace of a run (src/trace.ts) and the sweep's decision (src/modes/sweep.ts), both pure: what
 * GITHUB_* gives becomes metadata only in the shape GitHub gives it, never with a control character
 * or a registered secret; a preview goes only when its pull request is closed, merged or missing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  PREVIEW_FIELDS,
  TRACE_FIELDS,
  isEnvironmentName,
  previewMarks,
  pullRequestOfSuffix,
  traceMetadata,
  traceNote,
  traceOf,
} from '../../src/trace.js';
import { decideSweep, environmentToClose, type PullState } from '../../src/modes/sweep.js';
import { renderCompose, previousDeployment, traceLabel, CONFIG_HASH_LABEL } from '../../src/providers/docker/compose.js';
import { loadComposeBase } from '../../src/providers/docker/template.js';
import { testConfig } from '../support/docker.js';

const SHA = '3f786850e387550fdab836ed7e6dc881de23001b';
const RUNNER = {
  GITHUB_SERVER_URL: 'https://github.example',
  GITHUB_REPOSITORY: 'octo/app',
  GITHUB_RUN_ID: '4242',
  GITHUB_SHA: SHA,
  GITHUB_REF: 'refs/pull/7/merge',
  GITHUB_ACTOR: 'dependabot[bot]',
  GITHUB_ACTION_REPOSITORY: 'sindri/deploy-action',
  GITHUB_ACTION_REF: 'v1',
};

describe('traceOf', () => {
  it('keeps every fact of a runner environment, in order, with the run URL built from server, repository and run id', () => {
    const t = traceOf(RUNNER, { environment: 'docker-pr-7' });
    expect(t.dropped).toEqual([]);
    expect(Object.keys(t.values)).toEqual([...TRACE_FIELDS]);
    expect(t.values).toEqual({
      'run-url': 'https://github.example/octo/app/actions/runs/4242',
      commit: SHA,
      ref: 'refs/pull/7/merge',
      actor: 'dependabot[bot]',
      repository: 'octo/app',
      'action-version': 'sindri/deploy-action@v1',
      environment: 'docker-pr-7',
    });
  });

  it('the GitHub environment name: kept as GitHub allows it, else left out and said', () => {
    expect(traceOf(RUNNER, { environment: 'preview pr-7' }).values.environment).toBe('preview pr-7');
    for (const bad of ['line\n::error::x', ' lead', 'x'.repeat(256)]) {
      const t = traceOf(RUNNER, { environment: bad });
      expect(t.values.environment).toBeUndefined();
      expect(t.dropped).toEqual(['environment: input environment does not have the shape GitHub gives it']);
    }
    expect(traceOf(RUNNER, { environment: 'hunter2', redact: (s) => s.replace('hunter2', '***') }).dropped).toEqual([
      'environment: input environment holds a secret',
    ]);
    expect(isEnvironmentName('docker-pr-7')).toBe(true);
    expect(isEnvironmentName('')).toBe(false);
  });

  it('outside a runner only the bundled version is there; a local action (uses: ./) has no action ref either', () => {
    expect(traceOf({}, { version: '9.9.9' }).values).toEqual({ 'action-version': 'sindri/deploy-action 9.9.9' });
    const local = traceOf({ ...RUNNER, GITHUB_ACTION_REPOSITORY: '', GITHUB_ACTION_REF: '' }, { version: '1.2.3' });
    expect(local.values['action-version']).toBe('sindri/deploy-action 1.2.3');
  });

  it.each([
    ['GITHUB_REF', 'refs/heads/main\n::error::forged', 'ref'],
    ['GITHUB_REF', 'refs/heads/a b', 'ref'],
    ['GITHUB_REF', 'main', 'ref'],
    ['GITHUB_ACTOR', 'octo\u001b[31m', 'actor'],
    ['GITHUB_ACTOR', 'a'.repeat(60), 'actor'],
    ['GITHUB_SHA', 'HEAD', 'commit'],
    ['GITHUB_SHA', SHA.toUpperCase(), 'commit'],
    ['GITHUB_RUN_ID', '12; rm -rf /', 'run-url'],
    ['GITHUB_SERVER_URL', 'https://user:pass@github.example', 'run-url'],
    ['GITHUB_SERVER_URL', 'javascript:alert(1)', 'run-url'],
    ['GITHUB_ACTION_REF', 'v1\r\n', 'action-version'],
  ])('%s=%j is left out of %s, and the plan says why', (variable, value, field) => {
    const t = traceOf({ ...RUNNER, [variable]: value }, { version: '1.0.0' });
    if (field === 'action-version') expect(t.values[field]).toBe('sindri/deploy-action 1.0.0');
    else expect(t.values[field as keyof typeof t.values]).toBeUndefined();
    expect(t.dropped).toEqual([expect.stringMatching(new RegExp(`^${field}: `))]);
    const note = traceNote(t);
    expect(note).toContain('left out');
    expect(note).not.toMatch(/[\u0000-\u001f]/);
    // what is kept has no control character, whatever came in
    for (const v of Object.values(t.values)) expect(v).not.toMatch(/[\u0000-\u001f\u007f]/);
  });

  it('a value holding a registered secret is left out (the runner would mask it in the log, not in a label)', () => {
    const t = traceOf({ ...RUNNER, GITHUB_ACTOR: 'hunter2token' }, { redact: (s) => s.split('hunter2token').join('***') });
    expect(t.values.actor).toBeUndefined();
    expect(t.dropped).toEqual(['actor: GITHUB_ACTOR holds a secret']);
  });

  it('as metadata: preview marks first, then the trace, under the platform key spelling', () => {
    const t = traceOf(RUNNER, { environment: 'docker-pr-7' });
    const meta = traceMetadata(t, previewMarks('app', 'pr-7'), (f) => `sindri_${f.replace(/-/g, '_')}`);
    expect(Object.keys(meta)).toEqual([...PREVIEW_FIELDS, ...TRACE_FIELDS].map((f) => `sindri_${f.replace(/-/g, '_')}`));
    expect(meta.sindri_name_suffix).toBe('pr-7');
    expect(traceMetadata(undefined, previewMarks('app', ''), (f) => f)).toEqual({ name: 'app' });
  });

  it('pullRequestOfSuffix reads pr-<n> only', () => {
    expect(pullRequestOfSuffix('pr-42')).toBe(42);
    for (const s of ['pr-0', 'pr-042', 'staging', 'pr-4a', 'x-pr-4', 'pr-12345678901']) expect(pullRequestOfSuffix(s)).toBeUndefined();
  });
});

describe('trace labels in the compose document', () => {
  const base = loadComposeBase();
  const dir = mkdtempSync(join(tmpdir(), 'trace-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const render = (env: Record<string, string>, suffix = 'pr-7') =>
    renderCompose({
      config: testConfig({ name: 'app', dir }),
      image: 'app:1',
      base,
      secretNames: [],
      nameSuffix: suffix,
      trace: traceOf(env),
    });
  const labels = (r: ReturnType<typeof render>) =>
    (r.document.services as Record<string, { labels: Record<string, string> }>).sindri!.labels;

  it('the container carries the trace and the preview marks; a new run is not a change (same hash)', () => {
    const a = render(RUNNER);
    const b = render({ ...RUNNER, GITHUB_RUN_ID: '4343', GITHUB_ACTOR: 'someone-else' });
    expect(labels(a)[traceLabel('run-url')]).toBe('https://github.example/octo/app/actions/runs/4242');
    expect(labels(a)[traceLabel('name')]).toBe('app');
    expect(labels(a)[traceLabel('name-suffix')]).toBe('pr-7');
    expect(labels(a)[traceLabel('repository')]).toBe('octo/app');
    expect(a.hash).toBe(b.hash);
    expect(labels(b)[traceLabel('actor')]).toBe('someone-else');
    // the live deployment has no suffix mark
    expect(labels(render(RUNNER, ''))[traceLabel('name-suffix')]).toBeUndefined();
  });

  it('a rollback restores the trace of the run that deployed what it puts back', () => {
    const a = render(RUNNER);
    const p = previousDeployment(
      { labels: { ...labels(a), 'com.docker.compose.project': 'sindri-app-pr-7' }, imageId: `sha256:${'b'.repeat(64)}` },
      'sindri.yaml',
    )!;
    expect(p.yaml).toContain(`${traceLabel('run-url')}: https://github.example/octo/app/actions/runs/4242`);
    expect(p.yaml).toContain(`${CONFIG_HASH_LABEL}: ${a.hash}`);
    expect(p.yaml).not.toContain('com.docker.compose.project');
  });
});

describe('decideSweep', () => {
  const preview = (suffix: string) => ({ suffix, deployedName: `app-${suffix}` });
  it('removes closed, merged and missing pull requests; keeps open, unknown and suffixes that name none', () => {
    const states = new Map<number, PullState>([
      [1, 'open'],
      [2, 'closed'],
      [3, 'merged'],
      [4, 'missing'],
      [5, 'unknown'],
    ]);
    const d = decideSweep(['pr-1', 'pr-2', 'pr-3', 'pr-4', 'pr-5', 'pr-6', 'staging'].map(preview), states);
    expect(d.map((x) => [x.preview.suffix, x.remove])).toEqual([
      ['pr-1', false],
      ['pr-2', true],
      ['pr-3', true],
      ['pr-4', true],
      ['pr-5', false],
      ['pr-6', false], // not asked: unknown, kept
      ['staging', false],
    ]);
    expect(d[1]!.why).toBe('pull request #2 is closed');
    expect(d[6]!.why).toContain('names no pull request');
    expect(d[5]!.why).toContain('could not say');
  });
});

describe('environmentToClose', () => {
  const p = (suffix: string, environment?: string) => ({ suffix, deployedName: `app-${suffix}`, ...(environment ? { environment } : {}) });
  const live = { provider: 'docker', environment: '' };
  it('the environment the resources record; without one, the default <provider>-<suffix>', () => {
    expect(environmentToClose(p('pr-7', 'preview-pr-7'), [], live)).toEqual({ environment: 'preview-pr-7' });
    expect(environmentToClose(p('pr-7', 'pr-7'), [], live)).toEqual({ environment: 'pr-7' });
    expect(environmentToClose(p('pr-7'), [], live)).toEqual({ environment: 'docker-pr-7' });
  });
  it('never one that may be shared: no name-suffix as a whole word, the live deploy’s, another preview’s, or no valid name', () => {
    const keep = (preview: ReturnType<typeof p>, all: ReturnType<typeof p>[] = [], l = live) => {
      const r = environmentToClose(preview, all, l);
      return 'why' in r ? r.why : `closed ${r.environment}`;
    };
    expect(keep(p('pr-7', 'previews'))).toBe('its name does not carry the name-suffix pr-7, so other deploys may share it');
    expect(keep(p('pr-7', 'preview-pr-71'))).toContain('does not carry the name-suffix pr-7');
    expect(keep(p('pr-7', 'docker-pr-7'), [], { provider: 'docker', environment: 'Docker-PR-7' })).toBe('the live deploy uses it');
    expect(keep(p('pr-7', 'staging-pr-7'), [p('pr-7', 'staging-pr-7'), p('pr-8', 'STAGING-pr-7')])).toBe('preview app-pr-8 records it too');
    // another preview without the field counts with its default name
    expect(keep(p('pr-7', 'docker-pr-8-pr-7'), [p('pr-8-pr-7')])).toBe('preview app-pr-8-pr-7 records it too');
    expect(keep(p('pr-7', 'x-pr-7\n'))).toBe('the environment name its resources record is not one GitHub allows');
  });
});
