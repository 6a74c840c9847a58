/**
 * Issue 23 (build half): cache-from / cache-to / build-secrets read as docker/build-push-action reads
 * them, validated up front with one error naming the input and the line; the argv and the plan carry
 * cache lines and secret ids, never a secret value; the gha cache variables are the one ACTIONS_*
 * exception, handed to the build only.
 */
import { describe, expect, it } from 'vitest';
import { ActionError } from '../../src/errors.js';
import { buildSecretEnv, dockerArgv, needsBuildKit, type BuildSpec } from '../../src/external/docker.js';
import { childEnv, ghaCacheEnv, GHA_CACHE_ENV } from '../../src/external/env.js';
import { csvFields, parseBuildSecrets, parseCacheLines } from '../../src/image/build-inputs.js';
import { buildFix, buildKitNotes, buildKitSpec, unusedBuildKitInputs } from '../../src/providers/kit/build.js';
import { dockerSteps } from '../../src/providers/docker/steps.js';
import { loadComposeBase } from '../../src/providers/docker/template.js';
import { buildDecision, testConfig, testInputs } from '../support/docker.js';
import { runParts } from '../support/exec.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function failure(fn: () => unknown): ActionError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ActionError) return e;
    throw e;
  }
  throw new Error('expected an ActionError');
}

describe('cache-from / cache-to lines', () => {
  it('keeps each line as written, with its type; bare references are registry caches; blank and # lines are skipped', () => {
    const lines = parseCacheLines(
      'cache-from',
      '  type=registry,ref=127.0.0.1:5000/app:cache\n\n# a comment\ntype=gha,scope=app\ntype=local,src=/tmp/c\nghcr.io/o/app:cache\n',
    );
    expect(lines).toEqual([
      { line: 'type=registry,ref=127.0.0.1:5000/app:cache', type: 'registry' },
      { line: 'type=gha,scope=app', type: 'gha' },
      { line: 'type=local,src=/tmp/c', type: 'local' },
      { line: 'ghcr.io/o/app:cache', type: 'registry' },
    ]);
    expect(parseCacheLines('cache-to', 'type=inline\ntype=registry,ref=r.example/a:c,mode=max,"compression=zstd"')).toEqual([
      { line: 'type=inline', type: 'inline' },
      { line: 'type=registry,ref=r.example/a:c,mode=max,"compression=zstd"', type: 'registry' },
    ]);
    expect(parseCacheLines('cache-to', '')).toEqual([]);
  });

  it.each([
    ['cache-from', 'type=nope', /line 1: unknown cache type "nope"/, /use one of registry, local, gha, s3, azblob/],
    ['cache-from', 'type=inline', /inline only exports/, /use one of/],
    ['cache-from', 'mode=max', /line 1: names no type/, /write one cache per line/],
    ['cache-from', 'type=registry', /type=registry needs ref=/, /type=registry,ref=/],
    ['cache-to', 'type=local,src=/x', /type=local needs dest=/, /write one cache per line/],
    ['cache-from', '\ntype=gha,token=abc', /line 2: token= would put a credential on the command line/, /ACTIONS_RUNTIME_TOKEN/],
    ['cache-to', 'type=gha,ghtoken=ghp_x', /ghtoken= would put a credential/, /leave it out/],
    ['cache-to', 'type=s3,region=x,bucket=b,secret_access_key=k', /secret_access_key=/, /AWS_SECRET_ACCESS_KEY/],
    ['cache-from', 'type=registry,ref=Not A Ref', /"Not A Ref" is not an image reference/, /REGISTRY\/REPOSITORY:TAG/],
    ['cache-from', 'UPPER/Case:x', /is not an image reference/, /REGISTRY/],
    ['cache-from', 'type=gha,"scope=a', /a quote that is never closed/, /write one cache per line/],
    ['cache-from', 'type=gha,scope', /"scope" is not key=value/, /write one cache per line/],
    ['cache-from', 'type=gha,type=local', /type is given twice/, /write one cache per line/],
    ['cache-from', 'type=gha,scope=a\tb', /control character \(U\+0009\)/, /write one cache per line/],
  ] as const)('%s %j → one error naming the input and the line', (name, value, says, fix) => {
    const e = failure(() => parseCacheLines(name, value));
    expect(e.where).toEqual({ field: `input ${name}` });
    expect(e.message).toMatch(says);
    expect(e.fix).toMatch(fix);
  });

  it('refuses an input longer than 16 KiB', () => {
    expect(failure(() => parseCacheLines('cache-to', 'type=gha\n'.repeat(2000))).message).toMatch(/at most 16384/);
  });

  it('splits fields as CSV (quotes, doubled quotes)', () => {
    expect(csvFields('a,"b,c",d')).toEqual(['a', 'b,c', 'd']);
    expect(csvFields('"x""y"')).toEqual(['x"y']);
    expect(csvFields('"open')).toBeUndefined();
  });
});

describe('build-secrets', () => {
  const read = (value: string) => {
    const masked: string[] = [];
    try {
      return { secrets: parseBuildSecrets(value, (s) => masked.push(s)), masked };
    } catch (e) {
      return { error: e as ActionError, masked };
    }
  };

  it('id=value per line, the value kept whole (=, commas, spaces), every value masked', () => {
    const { secrets, masked } = read('NPM_TOKEN=abc=def, ghi \n\n# note\nGIT_AUTH_TOKEN.github.com=tok');
    expect(secrets).toEqual([
      { id: 'NPM_TOKEN', value: 'abc=def, ghi ' },
      { id: 'GIT_AUTH_TOKEN.github.com', value: 'tok' },
    ]);
    expect(masked).toContain('abc=def, ghi ');
    expect(masked).toContain('tok');
  });

  it('a quoted record spans lines (a PEM key), "" is a quote', () => {
    const { secrets } = read('"KEY=-----BEGIN-----\nline2 ""q""\n-----END-----"\nB=2');
    expect(secrets).toEqual([
      { id: 'KEY', value: '-----BEGIN-----\nline2 "q"\n-----END-----' },
      { id: 'B', value: '2' },
    ]);
  });

  it.each([
    ['no =', 'justavaluewithnoid', /line 1: has no "=".*not shown/],
    ['bad id', 'A=1\nmy secret=hunter2', /line 2: the id before "=" is not a secret id/],
    ['empty value', 'EMPTY=', /secret EMPTY has an empty value/],
    ['twice', 'A=1\nA=2', /line 2: secret A is given twice/],
    ['unclosed quote', 'A=1\n"B=open\nmore', /line 2: a quoted secret is never closed/],
    ['text after the quote', '"B=x" tail', /line 1: a quoted secret is never closed \(or text follows/],
  ])('%s → one error on input build-secrets that never shows the value', (_id, value, says) => {
    const { error, masked } = read(value);
    expect(error).toBeInstanceOf(ActionError);
    expect(error!.where).toEqual({ field: 'input build-secrets' });
    expect(error!.message).toMatch(says);
    for (const secret of ['justavaluewithnoid', 'hunter2', 'open', 'tail']) {
      expect(`${error!.message} ${error!.fix ?? ''}`).not.toContain(secret);
    }
    // masked before the error was thrown
    if (value.includes('hunter2')) expect(masked).toContain('hunter2');
    if (value.includes('justavaluewithnoid')) expect(masked).toContain('justavaluewithnoid');
  });
});

describe('the build command', () => {
  const spec = (over: Partial<BuildSpec> = {}): BuildSpec => ({
    dockerfile: 'Dockerfile',
    context: '.',
    tag: 'app:local',
    labels: {},
    buildArgs: {},
    noCache: false,
    pull: false,
    hostNetwork: true,
    buildx: true,
    cacheFrom: [],
    cacheTo: [],
    secretIds: [],
    ...over,
  });

  it('carries cache lines and secret ids (env=SINDRI_BUILD_SECRET_n), never a value', () => {
    const inputs = testInputs({
      'cache-from': parseCacheLines('cache-from', 'type=registry,ref=127.0.0.1:5000/c:1'),
      'cache-to': parseCacheLines('cache-to', 'type=registry,ref=127.0.0.1:5000/c:1,mode=max'),
      'build-secrets': [
        { id: 'NPM_TOKEN', value: 'v-one' },
        { id: 'PIP', value: 'v-two' },
      ],
    });
    const argv = dockerArgv.build(spec(buildKitSpec(inputs)));
    expect(argv).toEqual([
      'buildx',
      'build',
      '--load',
      '--network',
      'host',
      '-f',
      'Dockerfile',
      '-t',
      'app:local',
      '--cache-from',
      'type=registry,ref=127.0.0.1:5000/c:1',
      '--cache-to',
      'type=registry,ref=127.0.0.1:5000/c:1,mode=max',
      '--secret',
      'id=NPM_TOKEN,env=SINDRI_BUILD_SECRET_1',
      '--secret',
      'id=PIP,env=SINDRI_BUILD_SECRET_2',
      '.',
    ]);
    expect(argv.join(' ')).not.toMatch(/v-one|v-two/);
    expect(buildSecretEnv(0)).toBe('SINDRI_BUILD_SECRET_1');
  });

  it('caches and secrets are BuildKit’s: buildx even when the facts said the classic builder', () => {
    const s = spec({ buildx: false, secretIds: ['A'] });
    expect(needsBuildKit(s)).toBe(true);
    expect(dockerArgv.build(s).slice(0, 3)).toEqual(['buildx', 'build', '--load']);
    expect(dockerArgv.build(spec({ buildx: false }))[0]).toBe('build');
  });

  it('the plan notes say which caches and which secret ids, and where the values go', () => {
    const notes = buildKitNotes(
      spec({
        cacheFrom: [{ line: 'type=gha', type: 'gha' }],
        cacheTo: [{ line: 'type=gha,mode=max', type: 'gha' }],
        secretIds: ['NPM_TOKEN'],
      }),
      {},
    );
    expect(notes[0]).toBe('build cache read from type=gha');
    expect(notes[1]).toMatch(/^build cache written to type=gha,mode=max — exporting a cache needs a builder that can/);
    expect(notes[2]).toMatch(/type=gha: the runner’s cache service .* is not in this environment, so buildx skips that cache/);
    expect(notes[3]).toMatch(/^build secrets NPM_TOKEN \(SINDRI_BUILD_SECRET_1\): each value reaches buildx only in its own environment/);
    const onRunner = buildKitNotes(spec({ cacheTo: [{ line: 'type=gha', type: 'gha' }] }), {
      ACTIONS_RUNTIME_TOKEN: 't',
      ACTIONS_RESULTS_URL: 'https://results.example/',
    });
    expect(onRunner[1]).toMatch(/buildx is handed the runner’s cache service variables/);
    expect(buildKitNotes(spec({ cacheTo: [{ line: 'type=inline', type: 'inline' }] }), {})).toEqual(['build cache written to type=inline']);
    expect(buildFix(spec({ cacheTo: [{ line: 'type=inline', type: 'inline' }] }), 'fix it')).toBe('fix it');
    expect(buildFix(spec({ cacheTo: [{ line: 'r/a:c', type: 'registry' }] }), 'fix it')).toMatch(/^fix it; .*docker-container builder/);
    expect(unusedBuildKitInputs({ 'build-secrets': [{ id: 'A', value: 'x' }], 'cache-to': [] }, 'why')).toEqual([
      'build-secrets is not used: why',
    ]);
    expect(unusedBuildKitInputs({}, 'why')).toEqual([]);
  });

  it('docker steps: the build carries them, the notes list them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'build-inputs-'));
    const s = dockerSteps(
      {
        inputs: testInputs({
          'cache-from': [{ line: 'type=local,src=/tmp/c', type: 'local' }],
          'build-secrets': [{ id: 'TOKEN', value: 'never-shown' }],
        }),
        config: testConfig({ name: 'bk-demo', dir }),
        provider: 'docker',
        ...runParts(),
        workdir: dir,
        image: buildDecision('bk-demo', 'Dockerfile', 'abc1234'),
      },
      { base: loadComposeBase(), secretNames: [], buildx: true },
    );
    expect(s.build).toMatchObject({ cacheFrom: [{ line: 'type=local,src=/tmp/c' }], cacheTo: [], secretIds: ['TOKEN'] });
    const build = s.commands.find((c) => c.argv.includes('buildx'))!.argv.join(' ');
    expect(build).toContain('--cache-from type=local,src=/tmp/c --secret id=TOKEN,env=SINDRI_BUILD_SECRET_1');
    expect(JSON.stringify(s)).not.toContain('never-shown');
    expect(s.notes.join('\n')).toMatch(/build cache read from type=local,src=\/tmp\/c/);
    expect(s.notes.join('\n')).toMatch(/build secrets TOKEN/);
  });
});

describe('the gha cache variables: the one ACTIONS_* exception, and only for the build', () => {
  const runner = {
    PATH: '/bin',
    ACTIONS_RUNTIME_TOKEN: 'rt',
    ACTIONS_CACHE_URL: 'https://cache.example/',
    ACTIONS_RESULTS_URL: 'https://results.example/',
    ACTIONS_CACHE_SERVICE_V2: 'true',
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc',
    ACTIONS_RUNTIME_URL: 'https://runtime.example/',
  };
  it('never passed by pattern; handed over by name with ghaCacheEnv', () => {
    expect(Object.keys(childEnv(runner, [/^ACTIONS_/]))).toEqual(['PATH']);
    const env = childEnv(runner, [], ghaCacheEnv(runner));
    expect(Object.keys(env).sort()).toEqual(['PATH', ...GHA_CACHE_ENV].sort());
    expect(env.ACTIONS_ID_TOKEN_REQUEST_TOKEN).toBeUndefined();
    expect(env.ACTIONS_RUNTIME_URL).toBeUndefined();
    expect(ghaCacheEnv({ PATH: '/bin' })).toEqual({});
  });
});
