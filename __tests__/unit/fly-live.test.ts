/**
 * Provider fly, pure parts of ADR 0042: `compareApp` (what a deploy would do to the app, from what
 * `flyctl status --json` showed, the same decision `runsAlready` makes to skip), and the trace
 * metadata written into fly.toml's machine_config without moving the fly.toml hash.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'smol-toml';
import { afterAll, describe, expect, it } from 'vitest';
import type { FlyMachine, FlyStatus } from '../../src/external/flyctl.js';
import { loadConfigText } from '../../src/config/load.js';
import type { SindriConfig } from '../../src/config/types.js';
import { changeLine } from '../../src/plan/changes.js';
import { parseBaseToml, renderFlyToml } from '../../src/providers/fly/fly-toml.js';
import { compareApp, type CompareAppInput } from '../../src/providers/fly/live.js';
import { runsAlready } from '../../src/providers/fly/provider.js';
import { formatFingerprints, secretFingerprint, SECRET_FINGERPRINTS_ENV, TOML_HASH_ENV } from '../../src/providers/fly/secrets.js';
import { flySettings } from '../../src/providers/fly/settings.js';
import { previewMarks, traceMetadata, traceMetaKey, traceOf } from '../../src/trace.js';
import { unrecognizedFlyTomlKeys } from '../support/fly-toml-keys.js';

const D1 = `sha256:${'1'.repeat(64)}`;
const D2 = `sha256:${'2'.repeat(64)}`;
const HASH = 'f'.repeat(64);
const TOKEN = 'fo1_unit';

function machine(over: Partial<FlyMachine> & { digest?: string; hash?: string; env?: Record<string, string> } = {}): FlyMachine {
  const digest = over.digest ?? D1;
  return {
    id: over.id ?? '0e286039f42e86',
    state: over.state ?? 'started',
    image_ref: { registry: 'ghcr.io', repository: 'o/app', digest },
    config: {
      image: `ghcr.io/o/app@${digest}`,
      env: { [TOML_HASH_ENV]: over.hash ?? HASH, ...over.env },
      metadata: { fly_process_group: 'app' },
    },
  };
}
const status = (...machines: FlyMachine[]): FlyStatus => ({
  Name: 'app',
  Deployed: true,
  Status: 'deployed',
  Hostname: 'app.fly.dev',
  Version: 3,
  Machines: machines,
});
const input = (over: Partial<CompareAppInput> = {}): CompareAppInput => ({
  app: 'app',
  status: status(machine()),
  deployRef: `ghcr.io/o/app@${D1}`,
  digest: D1,
  build: false,
  tomlHash: HASH,
  force: false,
  ...over,
});

describe('compareApp: what a deploy would do to the app', () => {
  it('no app → + create', () => {
    const c = compareApp(input({ status: undefined }));
    expect(c.action).toBe('create');
    expect(changeLine(c)).toBe('+ create app app (a deploy creates it, volume home_data and its machine)');
  });

  it('the same digest and fly.toml on every settled machine → = unchanged, as runsAlready skips', () => {
    for (const state of ['started', 'stopped', 'suspended']) {
      const s = status(machine({ state }));
      expect(compareApp(input({ status: s })).action).toBe('unchanged');
      expect(runsAlready(s, D1, HASH, undefined)).toBe(true);
    }
    expect(changeLine(compareApp(input()))).toBe('= unchanged app app (runs ghcr.io/o/app@sha256:111111111111… on 1 machine)');
  });

  it('a new digest → ~ update with both refs', () => {
    const c = compareApp(input({ deployRef: `ghcr.io/o/app@${D2}`, digest: D2 }));
    expect(c).toEqual({ action: 'update', resource: 'app app', image: { from: `ghcr.io/o/app@${D1}`, to: `ghcr.io/o/app@${D2}` } });
    expect(changeLine(c)).toBe('~ update app app (image ghcr.io/o/app@sha256:111111111111… → ghcr.io/o/app@sha256:222222222222…)');
  });

  it('one machine of two behind → update from the one that differs', () => {
    const c = compareApp(
      input({ deployRef: `ghcr.io/o/app@${D2}`, digest: D2, status: status(machine({ digest: D2 }), machine({ id: 'b', digest: D1 })) }),
    );
    expect(c.image).toEqual({ from: `ghcr.io/o/app@${D1}`, to: `ghcr.io/o/app@${D2}` });
  });

  it('another fly.toml hash → ~ update naming fly.toml; the image not shown', () => {
    const c = compareApp(input({ tomlHash: 'e'.repeat(64) }));
    expect(c).toEqual({ action: 'update', resource: 'app app', settings: ['fly.toml'] });
    expect(runsAlready(input().status, D1, 'e'.repeat(64), undefined)).toBe(false);
  });

  it('secrets: the HMAC the machines recorded decides; a value that moved, a name added or no record → secrets', () => {
    const hmacs = new Map([['API_KEY', secretFingerprint(TOKEN, 'API_KEY', 'v1')]]);
    const recorded = formatFingerprints(new Map([['API_KEY', { hmac: hmacs.get('API_KEY')!, digest: 'abc' }]]));
    const withRecord = status(machine({ env: { [SECRET_FINGERPRINTS_ENV]: recorded } }));
    expect(compareApp(input({ status: withRecord, secretHmacs: hmacs })).action).toBe('unchanged');
    const moved = new Map([['API_KEY', secretFingerprint(TOKEN, 'API_KEY', 'v2')]]);
    expect(compareApp(input({ status: withRecord, secretHmacs: moved })).settings).toEqual(['secrets']);
    const added = new Map([...hmacs, ['OTHER', secretFingerprint(TOKEN, 'OTHER', 'x')]]);
    expect(compareApp(input({ status: withRecord, secretHmacs: added })).settings).toEqual(['secrets']);
    expect(compareApp(input({ secretHmacs: hmacs })).settings).toEqual(['secrets']);
  });

  it('a machine not settled, or force → update with why', () => {
    expect(changeLine(compareApp(input({ status: status(machine({ state: 'failed' })) })))).toBe(
      '~ update app app (machine 0e286039f42e86 is failed)',
    );
    expect(compareApp(input({ force: true }))).toMatchObject({ action: 'update', note: 'force: true releases it again' });
  });

  it('a build always releases: update, with what runs now', () => {
    const c = compareApp(input({ build: true, digest: '', deployRef: 'registry.fly.io/app:deployment-1', dockerfile: 'Dockerfile' }));
    expect(c.action).toBe('update');
    expect(c.note).toMatch(/^Fly's remote builder builds Dockerfile: a build always releases \(runs ghcr\.io\/o\/app@sha256:1{64} now\)$/);
  });

  it('an app without machines → update: a deploy creates one; the release command machine is not counted', () => {
    const release = machine({ id: 'rel' });
    release.config!.metadata = { fly_process_group: 'fly_app_release_command' };
    for (const s of [status(), status(release), { ...status(), Machines: null }])
      expect(compareApp(input({ status: s }))).toEqual({
        action: 'update',
        resource: 'app app',
        note: 'no machine runs: a deploy creates one',
      });
  });

  it('pin-digest false: compared by the ref as written', () => {
    const tagged = machine();
    tagged.config!.image = 'ghcr.io/o/app:1';
    expect(compareApp(input({ status: status(tagged), digest: '', deployRef: 'ghcr.io/o/app:1' })).action).toBe('unchanged');
    expect(compareApp(input({ status: status(tagged), digest: '', deployRef: 'ghcr.io/o/app:2' })).image).toEqual({
      from: `ghcr.io/o/app@${D1}`,
      to: 'ghcr.io/o/app:2',
    });
  });
});

const tmp: string[] = [];
afterAll(() => tmp.forEach((d) => rmSync(d, { recursive: true, force: true })));

function config(): SindriConfig {
  const dir = mkdtempSync(join(tmpdir(), 'fly-live-unit-'));
  tmp.push(dir);
  const yaml =
    'version: "3.0"\nname: unit-app\ndeployment:\n  provider: fly\nextensions:\n  profile: minimal\nproviders:\n  fly:\n    region: ord\n';
  writeFileSync(join(dir, 'sindri.yaml'), yaml);
  return loadConfigText(yaml, { file: 'sindri.yaml', path: join(dir, 'sindri.yaml'), dir, schema: false }).config;
}

const trace = (runId: string) =>
  traceOf({
    GITHUB_REPOSITORY: 'octo/app',
    GITHUB_RUN_ID: runId,
    GITHUB_SHA: 'a'.repeat(40),
    GITHUB_REF: 'refs/heads/main',
    GITHUB_ACTOR: 'octocat',
  });
const metadataOf = (runId: string, suffix = 'pr-3') => traceMetadata(trace(runId), previewMarks('unit-app', suffix), traceMetaKey);

describe('the trace in fly.toml machine_config (ADR 0042)', () => {
  const c = config();
  const render = (metadata?: Record<string, string>, base?: string) =>
    renderFlyToml({
      config: c,
      settings: flySettings(c),
      app: 'unit-app-pr-3',
      secretNames: [],
      metadata,
      ...(base ? { base: parseBaseToml('fly.toml', base) } : {}),
    });

  it('keys are sindri_ + the field with - turned into _', () => {
    expect(Object.keys(metadataOf('1')).sort()).toEqual(
      [
        'sindri_action_version',
        'sindri_actor',
        'sindri_commit',
        'sindri_name',
        'sindri_name_suffix',
        'sindri_ref',
        'sindri_repository',
        'sindri_run_url',
      ].sort(),
    );
  });

  it('written as JSON {metadata} in the top-level machine_config, a key flyctl declares; parsed back', () => {
    const r = render(metadataOf('1'));
    const doc = parse(r.text) as { machine_config: string };
    expect(JSON.parse(doc.machine_config)).toEqual({ metadata: metadataOf('1') });
    expect(unrecognizedFlyTomlKeys(doc)).toEqual([]);
    expect(r.metadata).toEqual(metadataOf('1'));
  });

  it('the hash is the same for every run and without any trace: a new run is not a change', () => {
    const plain = render();
    expect(render(metadataOf('1')).hash).toBe(plain.hash);
    expect(render(metadataOf('2')).hash).toBe(plain.hash);
    expect(render(metadataOf('1')).text).not.toBe(render(metadataOf('2')).text);
    expect(plain.text).not.toContain('machine_config');
  });

  it("a user's inline machine_config keeps its keys and gains ours; [experimental] machine_config (which wins in flyctl) is the one written", () => {
    const top = render(metadataOf('1'), `machine_config = '{"dns": {"nameservers": ["1.2.3.4"]}, "metadata": {"team": "a"}}'\n`);
    expect(JSON.parse((parse(top.text) as { machine_config: string }).machine_config)).toEqual({
      dns: { nameservers: ['1.2.3.4'] },
      metadata: { team: 'a', ...metadataOf('1') },
    });
    const exp = render(metadataOf('1'), `machine_config = '{}'\n[experimental]\nmachine_config = '{"metadata": {}}'\n`);
    const doc = parse(exp.text) as { machine_config: string; experimental: { machine_config: string } };
    expect(doc.machine_config).toBe('{}');
    expect(JSON.parse(doc.experimental.machine_config)).toEqual({ metadata: metadataOf('1') });
  });

  it("a user's machine_config that names a file is left alone: no trace, and the plan says so", () => {
    const r = render(metadataOf('1'), `machine_config = "machine.json"\n`);
    expect((parse(r.text) as { machine_config: string }).machine_config).toBe('machine.json');
    expect(r.metadata).toBeUndefined();
    expect(r.untraced).toBe('fly.toml sets machine_config to a file, which the action leaves alone (ADR 0042)');
    expect(r.notes.join('\n')).not.toContain('machine_config');
  });
});
