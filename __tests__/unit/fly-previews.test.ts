/**
 * The pure decisions of Fly's `mode: sweep` (src/providers/fly/previews.ts, ADR 0043): which apps of
 * `flyctl apps list` are named as previews of a config, and whether their machines' metadata marks
 * them as that config's preview for this repository. The flyctl calls themselves are covered by the
 * stand-in contract (flyctl-stand-in.test.ts) and the action (sweep-fly.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { Deadline } from '../../src/deadline.js';
import type { FlyApp, FlyMachine, Flyctl } from '../../src/external/flyctl.js';
import { traceMetaKey } from '../../src/trace.js';
import { listFlyPreviews, marksMismatch, previewCandidates, suffixOfApp } from '../../src/providers/fly/previews.js';
import { flyAppName } from '../../src/providers/fly/settings.js';
import type { DestroyContext } from '../../src/providers/types.js';
import { makeConfig } from '../support/config.js';

const app = (Name: string, Slug = 'acme'): FlyApp => ({ Name, Organization: { Slug } });
const machine = (id: string, metadata: Record<string, string>): FlyMachine => ({ id, state: 'started', config: { metadata } });
const marked = (id: string, name: string, suffix: string, repository: string, group = 'app') =>
  machine(id, { fly_process_group: group, sindri_name: name, sindri_name_suffix: suffix, sindri_repository: repository });

describe('suffixOfApp: the name-suffix an app name was made from, as the action names apps', () => {
  it.each([
    ['web', 'web-pr-7', 'pr-7'],
    ['web', 'web-staging', 'staging'],
    ['web-pr', 'web-pr-7', '7'],
    ['web', 'web', undefined],
    ['web', 'webx-pr-7', undefined],
    ['web', 'web-PR-7', undefined],
    ['web', 'web-', undefined],
    ['web', 'other-pr-7', undefined],
  ])('base %s, app %s → %s', (base, name, suffix) => {
    expect(suffixOfApp(base, name)).toBe(suffix);
  });

  it('a base name cut to fit 63 characters (with its hash) is found back for every suffix, and only for that base', () => {
    const long = 'a-very-long-application-name-that-does-not-fit-in-one-dns-label';
    for (const suffix of ['pr-1', 'pr-12345', 'staging']) {
      const name = flyAppName({ baseName: long }, suffix);
      expect(name.length).toBeLessThanOrEqual(63);
      expect(suffixOfApp(long, name)).toBe(suffix);
      expect(suffixOfApp(`${long}-2`, name)).toBeUndefined();
    }
  });
});

describe('previewCandidates: apps of the organization named as previews', () => {
  it('keeps the previews of this base name in this organization; the live app and other names are no candidates', () => {
    const apps = [app('web'), app('web-pr-1'), app('web-staging'), app('api-pr-1'), app('web-pr-2', 'other'), app('web-pr-3', 'personal')];
    expect(previewCandidates(apps, 'web', 'acme')).toEqual({
      candidates: [
        { app: 'web-pr-1', suffix: 'pr-1' },
        { app: 'web-staging', suffix: 'staging' },
      ],
      otherOrganization: 2,
    });
  });

  it('an app without an organization is of another organization; a name listed twice is one candidate', () => {
    const apps: FlyApp[] = [{ Name: 'web-pr-1' }, app('web-pr-2'), app('web-pr-2')];
    expect(previewCandidates(apps, 'web', 'acme')).toEqual({ candidates: [{ app: 'web-pr-2', suffix: 'pr-2' }], otherOrganization: 1 });
  });
});

describe('marksMismatch: every machine carries the config name, the suffix and the repository', () => {
  const want = { name: 'web', suffix: 'pr-1', repository: 'octo/app' };

  it('all marks on every machine: a preview (the repository compared without case); the release command machine aside', () => {
    expect(marksMismatch([marked('a', 'web', 'pr-1', 'octo/app'), marked('b', 'web', 'pr-1', 'Octo/App')], want)).toBe('');
    expect(
      marksMismatch([marked('a', 'web', 'pr-1', 'octo/app'), machine('r', { fly_process_group: 'fly_app_release_command' })], want),
    ).toBe('');
  });

  it.each([
    ['no machines', [], 'it has no machines, so nothing marks it as a preview of this config'],
    ['only a release command machine', [machine('r', { fly_process_group: 'fly_app_release_command' })], 'it has no machines'],
    ['no marks (a foreign app named like a preview)', [machine('a', { fly_process_group: 'app' })], 'machine "a" has no sindri_name'],
    ['another config', [marked('a', 'web-pr', 'pr-1', 'octo/app')], 'machine "a" has sindri_name="web-pr"'],
    ['another suffix', [marked('a', 'web', 'pr-2', 'octo/app')], 'machine "a" has sindri_name_suffix="pr-2"'],
    ['another repository', [marked('a', 'web', 'pr-1', 'octo/other')], 'machine "a" has sindri_repository="octo/other"'],
    ['one machine of two unmarked', [marked('a', 'web', 'pr-1', 'octo/app'), machine('b', {})], 'machine "b" has no sindri_name'],
  ])('%s: not a preview (%s)', (_what, machines, why) => {
    expect(marksMismatch(machines as FlyMachine[], want)).toContain(why);
  });

  it('the keys are sindri_ + the field with - turned into _', () => {
    expect(['name', 'name-suffix', 'repository', 'run-url'].map((f) => traceMetaKey(f as 'name'))).toEqual([
      'sindri_name',
      'sindri_name_suffix',
      'sindri_repository',
      'sindri_run_url',
    ]);
  });
});

describe('listFlyPreviews: the two lists, in order', () => {
  it('asks for the machines of the candidates only; an app destroyed between the two lists is skipped, not an error', async () => {
    const asked: string[] = [];
    const machines: Record<string, FlyMachine[] | undefined> = {
      'web-pr-1': [marked('a', 'web', 'pr-1', 'octo/app')],
      'web-pr-2': undefined, // gone: flyctl said "failed to list VMs: app not found"
      'web-pr-3': [machine('c', { fly_process_group: 'app' })],
    };
    const fly = {
      appsList: async (org: string) =>
        org === 'acme' ? [app('web'), app('web-pr-1'), app('web-pr-2'), app('web-pr-3'), app('api-pr-4')] : [],
      machineList: async (name: string) => {
        asked.push(name);
        return machines[name];
      },
    } as unknown as Flyctl;
    const ctx = {
      config: makeConfig({ name: 'web', providers: { fly: { organization: 'acme' } } }),
      deadline: new Deadline(60_000),
    } as unknown as DestroyContext;
    expect(await listFlyPreviews(ctx, fly, 'octo/app')).toEqual([{ suffix: 'pr-1', deployedName: 'web-pr-1' }]);
    expect(asked).toEqual(['web-pr-1', 'web-pr-2', 'web-pr-3']);
  });
});
