/** Provider e2b, the pure parts: e2b.Dockerfile from data, the steps (alias, sizes, argv, content tag), the CLI's argv and failure line. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { e2bArgv, e2bFailureLine } from '../../src/external/e2b.js';
import { sandboxListQuery } from '../../src/external/e2b-api.js';
import { ActionError } from '../../src/errors.js';
import { declaredNames, dockerfileInstructions, renderE2bDockerfile } from '../../src/providers/e2b/dockerfile.js';
import { exposedSecretFiles, sandboxRequest } from '../../src/providers/e2b/secrets.js';
import { e2bSettings } from '../../src/providers/e2b/settings.js';
import { traceOf } from '../../src/trace.js';
import { findTemplate } from '../../src/providers/e2b/provider.js';
import { e2bSteps, type E2bFacts } from '../../src/providers/e2b/steps.js';
import type { ProviderContext } from '../../src/providers/types.js';
import { makeConfig, type ConfigOverrides } from '../support/config.js';
import { buildDecision, pinnedDecision } from '../support/docker.js';
import { testInputs } from '../support/inputs.js';
import { runParts } from '../support/exec.js';

const D1 = `sha256:${'a'.repeat(64)}`;
const D2 = `sha256:${'b'.repeat(64)}`;
const ENV: [string, string][] = [['E2B_PROVIDER', 'true']];
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function ctx(
  o: ConfigOverrides = {},
  inputs: Parameters<typeof testInputs>[0] = {},
  image = pinnedDecision('ghcr.io/acme/app', '1.0.0', D1),
): ProviderContext {
  return {
    config: makeConfig({ name: 'demo', ...o, deployment: { provider: 'e2b', ...runParts(), ...o.deployment } }),
    inputs: testInputs({ provider: 'e2b', ...runParts(), ...inputs }),
    provider: 'e2b',
    ...runParts(),
    workdir: '/nonexistent',
    image,
  };
}
const facts = (f: Partial<E2bFacts> = {}): E2bFacts => ({ secretNames: [], exposedSecretFiles: [], ...f });
const errorOf = (fn: () => unknown): ActionError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof ActionError) return e;
    throw e;
  }
  throw new Error('no error thrown');
};

describe('renderE2bDockerfile', () => {
  it('a prebuilt image: FROM the pinned ref, then the E2B lines', () => {
    const text = renderE2bDockerfile({
      base: { kind: 'image', ref: `ghcr.io/acme/app@${D1}` },
      env: [...ENV, ['ADDITIONAL_EXTENSIONS', 'nodejs,python']],
      secretNames: ['TOKEN'],
    });
    expect(text.split('\n').filter((l) => !l.startsWith('#'))).toEqual([
      `FROM ghcr.io/acme/app@${D1}`,
      'ENV E2B_PROVIDER=true ADDITIONAL_EXTENSIONS=nodejs,python',
      'WORKDIR /alt/home/developer/workspace',
      'USER developer',
      '',
    ]);
  });

  it('refuses a reference that could inject a line', () => {
    for (const ref of [`ghcr.io/a/b@${D1}\nRUN curl x`, 'ghcr.io/a/b c', 'ghcr.io/a/$HOME', '']) {
      expect(() => renderE2bDockerfile({ base: { kind: 'image', ref }, env: ENV, secretNames: [] })).toThrow(ActionError);
    }
  });

  it('refuses ENV values that would need quoting, and never writes a secret name', () => {
    expect(
      errorOf(() =>
        renderE2bDockerfile({ base: { kind: 'image', ref: `a.io/b@${D1}` }, env: [['INSTALL_PROFILE', 'x y']], secretNames: [] }),
      ).toLine(),
    ).toMatch(/INSTALL_PROFILE \("x y"\) holds characters/);
    for (const bad of ['a"b', 'a$b', 'a\\b', 'a\nENV X=1', '#x'])
      expect(() => renderE2bDockerfile({ base: { kind: 'image', ref: `a.io/b@${D1}` }, env: [['P', bad]], secretNames: [] })).toThrow(
        ActionError,
      );
    expect(() =>
      renderE2bDockerfile({ base: { kind: 'image', ref: `a.io/b@${D1}` }, env: [['TOKEN', 'x']], secretNames: ['TOKEN'] }),
    ).toThrow(ActionError);
  });

  it('a Dockerfile: its content, then the same lines; the cache-bust token right after FROM', () => {
    const content = 'ARG V=1\nFROM local/busybox:base AS app\nCOPY a /a\nCMD ["sh"]\n';
    const text = renderE2bDockerfile({
      base: { kind: 'dockerfile', path: 'deploy/Dockerfile', content },
      env: ENV,
      secretNames: [],
      cacheBust: 'run-7',
    });
    const lines = text.split('\n');
    expect(lines.slice(1, 7)).toEqual([
      '# deploy/Dockerfile',
      'ARG V=1',
      'FROM local/busybox:base AS app',
      'ENV SINDRI_FORCE_BUILD=run-7',
      'COPY a /a',
      'CMD ["sh"]',
    ]);
    expect(text.trimEnd().endsWith('USER developer')).toBe(true);
  });

  it('a multi-stage Dockerfile or one without FROM: one line with the file and line', () => {
    const e = errorOf(() =>
      renderE2bDockerfile({
        base: { kind: 'dockerfile', path: 'Dockerfile', content: 'FROM a AS b\nRUN x\nFROM c\nCOPY --from=b /x /x\n' },
        env: ENV,
        secretNames: [],
      }),
    );
    expect(e.toLine()).toMatch(/^Dockerfile:3: Dockerfile is a multi-stage Dockerfile.*Fix: build the image in CI/);
    expect(() =>
      renderE2bDockerfile({ base: { kind: 'dockerfile', path: 'Dockerfile', content: 'RUN x\n' }, env: ENV, secretNames: [] }),
    ).toThrow(/no FROM/);
  });

  it('a Dockerfile that declares a secret as ENV or ARG is refused at that line', () => {
    for (const [line, n] of [
      ['ENV TOKEN=abc', 2],
      ['ENV A=1 \\\n  TOKEN=2', 2],
      ['ARG TOKEN', 2],
      ['env TOKEN abc', 2],
    ] as const) {
      const e = errorOf(() =>
        renderE2bDockerfile({
          base: { kind: 'dockerfile', path: 'Dockerfile', content: `FROM x\n${line}\n` },
          env: ENV,
          secretNames: ['TOKEN'],
        }),
      );
      expect(e.where).toMatchObject({ file: 'Dockerfile', line: n });
      expect(e.message).toMatch(/declares (ENV|ARG) TOKEN, a secret/);
    }
  });

  it('instructions: continuations joined, comments skipped, names of ENV/ARG', () => {
    const ins = dockerfileInstructions('# c\nFROM x\nRUN a \\\n  # inner\n  b\nENV A=1 B=2\n');
    expect(ins.map((i) => [i.keyword, i.line, i.endLine])).toEqual([
      ['FROM', 2, 2],
      ['RUN', 3, 5],
      ['ENV', 6, 6],
    ]);
    expect(declaredNames(ins[2]!)).toEqual(['A', 'B']);
  });
});

describe('e2bSteps', () => {
  it('alias: templateAlias or the name, plus -<name-suffix>; prebuilt reads only .e2b', () => {
    const s = e2bSteps(ctx({}, { 'name-suffix': 'PR-42' }), facts());
    expect(s.alias).toBe('demo-pr-42');
    expect(s.create).toMatchObject({ root: '.e2b', dockerfile: 'e2b.Dockerfile', cpuCount: 2, memoryMb: 2048, noCache: false });
    const t = e2bSteps(ctx({ providers: { e2b: { templateAlias: 'sandbox-tpl' } } }, { 'name-suffix': 'pr-1' }), facts());
    expect(t.alias).toBe('sandbox-tpl-pr-1');
    expect(t.name).toBe('demo-pr-1');
  });

  it('sizes from resources; odd or unknown memory, bad settings: one line with the field', () => {
    const s = e2bSteps(ctx({ deployment: { provider: 'e2b', ...runParts(), resources: { memory: '4GB', cpus: 4 } } }), facts());
    expect(s.create).toMatchObject({ cpuCount: 4, memoryMb: 4096 });
    expect(
      errorOf(() => e2bSteps(ctx({ deployment: { provider: 'e2b', ...runParts(), resources: { memory: '1001MB' } } }), facts())).where
        .field,
    ).toBe('deployment.resources.memory');
    expect(errorOf(() => e2bSteps(ctx({ providers: { e2b: { timeout: 30 } } }), facts())).where.field).toBe('providers.e2b.timeout');
    expect(errorOf(() => e2bSteps(ctx({ providers: { e2b: { templateAlias: 'Bad_Alias' } } }), facts())).where.field).toBe(
      'providers.e2b.templateAlias',
    );
    expect(errorOf(() => e2bSteps(ctx({ providers: { e2b: { metadata: { sindri_name: 'x' } } } }), facts())).message).toMatch(/reserved/);
  });

  it('GPU asked: E2B has no GPUs, before anything is rendered', () => {
    const e = errorOf(() =>
      e2bSteps(
        ctx({ deployment: { provider: 'e2b', ...runParts(), resources: { gpu: { enabled: true, type: 'nvidia', count: 1 } } } }),
        facts(),
      ),
    );
    expect(e.toLine()).toMatch(/E2B has no GPUs/);
  });

  it('the content tag follows the digest and the settings, not force', () => {
    const tag = (c: ProviderContext) => e2bSteps(c, facts({ forceToken: 't1' })).contentTag;
    const a = tag(ctx());
    expect(a).toMatch(/^sindri-[0-9a-f]{16}$/);
    expect(tag(ctx())).toBe(a);
    expect(tag(ctx({}, { force: true }))).toBe(a);
    expect(tag(ctx({}, {}, pinnedDecision('ghcr.io/acme/app', '1.0.0', D2)))).not.toBe(a);
    expect(tag(ctx({ deployment: { provider: 'e2b', ...runParts(), resources: { cpus: 4 } } }))).not.toBe(a);
    expect(tag(ctx({ extensions: { auto_install: true, profile: 'fullstack' } }))).not.toBe(a);
  });

  it('force: --no-cache in argv and the cache-bust ENV in the file', () => {
    const s = e2bSteps(ctx({}, { force: true }), facts({ forceToken: '99-abc' }));
    expect(s.commands.find((c) => c.argv.includes('create'))!.argv).toContain('--no-cache');
    expect(s.dockerfile).toMatch(/^FROM .*\nENV SINDRI_FORCE_BUILD=99-abc$/m);
  });

  it('rule 8: the context is the build context, the Dockerfile relative to it; secret files a COPY could take are refused', () => {
    const image = buildDecision('demo', 'Dockerfile', 'abc1234');
    const s = e2bSteps(ctx({}, { 'build-context': '.' }, image), facts({ dockerfileContent: 'FROM x\nRUN y\n' }));
    expect(s.create).toMatchObject({ root: '.', dockerfile: '.e2b/e2b.Dockerfile' });
    const sub = e2bSteps(ctx({}, { 'build-context': 'app' }, image), facts({ dockerfileContent: 'FROM x\n' }));
    expect(sub.create).toMatchObject({ root: 'app', dockerfile: '../.e2b/e2b.Dockerfile' });
    expect(() => e2bSteps(ctx({}, {}, image), facts({ dockerfileContent: 'FROM x\nCOPY . /app\n', exposedSecretFiles: ['.env'] }))).toThrow(
      /holds \.env/,
    );
    // no COPY: nothing is uploaded, nothing to refuse
    expect(() => e2bSteps(ctx({}, {}, image), facts({ dockerfileContent: 'FROM x\nRUN y\n', exposedSecretFiles: ['.env'] }))).not.toThrow();
  });

  it('a prebuilt image: its ENTRYPOINT + CMD become the start command, quoted for bash -c; startCmd replaces it; nothing read, nothing started', () => {
    const start = { entrypoint: ['/sbin/tini', '--'], cmd: ['/docker-entrypoint.sh', 'run it'] };
    const s = e2bSteps(ctx(), facts({ imageStart: start }));
    expect(s.create.startCmd).toBe("/sbin/tini -- /docker-entrypoint.sh 'run it'");
    expect(s.commands.find((c) => c.argv.includes('create'))!.argv).toEqual(
      expect.arrayContaining(['--cmd', "/sbin/tini -- /docker-entrypoint.sh 'run it'", '--ready-cmd', 'sleep 20']),
    );
    expect(s.notes.join('\n')).toMatch(/starts the image's own ENTRYPOINT\/CMD/);
    expect(e2bSteps(ctx({ providers: { e2b: { startCmd: 'mine' } } }), facts({ imageStart: start })).create.startCmd).toBe('mine');
    expect(e2bSteps(ctx(), facts()).create.startCmd).toBeUndefined();
    expect(e2bSteps(ctx(), facts({ imageStart: { entrypoint: [], cmd: [] } })).create.startCmd).toBeUndefined();
    // the start command shapes the template: a changed CMD is a rebuild
    expect(e2bSteps(ctx(), facts({ imageStart: { ...start, cmd: ['other'] } })).contentTag).not.toBe(s.contentTag);
  });

  it('rule 8: instructions the E2B parser drops are warnings at their line; ADD is a plain copy', () => {
    const image = buildDecision('demo', 'Dockerfile', 'abc1234');
    const content = 'FROM x\nLABEL a=b\nEXPOSE 80\nHEALTHCHECK CMD true\nADD https://x/y.tgz /y\nRUN z\nSHELL ["/bin/bash", "-c"]\n';
    const s = e2bSteps(ctx({}, {}, image), facts({ dockerfileContent: content }));
    expect(s.warnings).toEqual([
      "Dockerfile:2: E2B's template build ignores LABEL: it is not in the template",
      "Dockerfile:3: E2B's template build ignores EXPOSE (without saying so): it is not in the template",
      "Dockerfile:4: E2B's template build ignores HEALTHCHECK: it is not in the template",
      'Dockerfile:5: E2B copies ADD sources as they are: no URL download, no archive extraction (use RUN curl / tar)',
      "Dockerfile:7: E2B's template build ignores SHELL: it is not in the template",
    ]);
    expect(e2bSteps(ctx(), facts()).warnings).toEqual([]);
  });

  it('startSandbox: false drops the sandbox commands', () => {
    const s = e2bSteps(ctx({ providers: { e2b: { startSandbox: false } } }), facts());
    expect(s.commands.map((c) => c.argv.slice(1, 3).join(' '))).toEqual(['template create']);
    expect(s.notes.filter((n) => /sandboxes/.test(n))).toEqual([]);
  });
});

describe('findTemplate', () => {
  it('matches the deprecated bare `aliases` and `names` in both forms (bare, <team-slug>/<alias>), never a longer alias', () => {
    const t = (id: string, aliases: string[] | undefined, names: string[]) => ({ templateID: id, buildID: 'b', aliases, names });
    const list = [t('1', [], ['team/demo-x']), t('2', undefined, ['team/demo']), t('3', ['old'], ['old'])];
    expect(findTemplate(list, 'demo')?.templateID).toBe('2');
    expect(findTemplate(list, 'old')?.templateID).toBe('3');
    expect(findTemplate([t('4', ['demo'], [])], 'demo')?.templateID).toBe('4');
    expect(findTemplate(list, 'emo')).toBeUndefined();
  });
});

describe('exposedSecretFiles', () => {
  it('.env / .env.local / fromFile inside the context, unless .dockerignore excludes them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'e2b-ctx-'));
    dirs.push(dir);
    mkdirSync(join(dir, 'keys'));
    writeFileSync(join(dir, '.env'), 'A=1');
    writeFileSync(join(dir, '.env.local'), 'A=1');
    writeFileSync(join(dir, 'keys', 'token.txt'), 'x');
    const config = makeConfig({ dir, secrets: [{ name: 'T', source: 'env', required: false, fromFile: 'keys/token.txt' }] });
    expect(exposedSecretFiles(config, dir).sort()).toEqual(['.env', '.env.local', 'keys/token.txt']);
    writeFileSync(join(dir, '.dockerignore'), '# secrets\n.env*\nkeys/\n');
    expect(exposedSecretFiles(config, dir)).toEqual([]);
    writeFileSync(join(dir, '.dockerignore'), '**/*.txt\n');
    expect(exposedSecretFiles(config, dir).sort()).toEqual(['.env', '.env.local']);
    // a context that does not contain them
    mkdirSync(join(dir, 'app'));
    expect(exposedSecretFiles(config, join(dir, 'app'))).toEqual([]);
  });
});

describe('the e2b CLI', () => {
  it('argv: template create with every option; the API key is never an argument', () => {
    expect(
      e2bArgv.templateCreate({
        alias: 'demo',
        root: '.e2b',
        dockerfile: 'e2b.Dockerfile',
        cpuCount: 2,
        memoryMb: 2048,
        startCmd: 'run',
        noCache: true,
      }),
    ).toEqual([
      'template',
      'create',
      'demo',
      '--path',
      '.e2b',
      '--dockerfile',
      'e2b.Dockerfile',
      '--cmd',
      'run',
      '--ready-cmd',
      'sleep 20',
      '--cpu-count',
      '2',
      '--memory-mb',
      '2048',
      '--no-cache',
    ]);
  });

  it('the sandbox list query is what the CLI sends (metadata encoded as a query value, states comma-joined, a page token when there is one)', () => {
    const q = new URLSearchParams(sandboxListQuery('sindri_name', 'demo-pr-1'));
    expect(q.get('metadata')).toBe('sindri_name=demo-pr-1');
    expect(q.get('state')).toBe('running,paused');
    expect(q.get('nextToken')).toBeNull();
    expect(new URLSearchParams(sandboxListQuery('sindri_name', 'a b', 'tok')).get('nextToken')).toBe('tok');
    expect(new URLSearchParams(new URLSearchParams(sandboxListQuery('sindri_name', 'a b')).get('metadata')!).get('sindri_name')).toBe(
      'a%20b',
    );
  });

  it('the failure line is the error the CLI printed, not its stack', () => {
    const stderr = [
      'E2BRequestError: Error getting templates: [401] unauthorized: Invalid API key',
      '    at throwE2BRequestError (/x/errors.ts:49:9)',
      '    at async main (/x/index.ts:40:3)',
    ].join('\n');
    expect(e2bFailureLine(stderr, '')).toBe('E2BRequestError: Error getting templates: [401] unauthorized: Invalid API key');
    expect(e2bFailureLine('\n❌ Template build failed.\nError: failed to pull x: manifest unknown\n', 'Building...')).toBe(
      'failed to pull x: manifest unknown',
    );
  });
});

describe('sandbox metadata carries the run (docs/behaviour.md#traceability)', () => {
  it('sindri_run_url, sindri_commit, …: next to the action keys, which keep their meaning (sindri_name is the sandbox name); preview marks sindri_config and sindri_name_suffix', () => {
    const config = makeConfig({ deployment: { provider: 'e2b' } });
    const body = sandboxRequest({
      templateID: 'tpl',
      name: 'app-pr-7',
      config: 'app',
      suffix: 'pr-7',
      contentTag: 'c1',
      image: 'r/app@sha256:' + 'a'.repeat(64),
      buildID: 'b1',
      settings: e2bSettings(config),
      key: 'e2b_key',
      secrets: new Map(),
      trace: traceOf({ GITHUB_REPOSITORY: 'octo/app', GITHUB_RUN_ID: '5', GITHUB_SHA: 'd'.repeat(40), GITHUB_REF: 'refs/heads/main' }),
    });
    expect(body.metadata).toMatchObject({
      sindri_run_url: 'https://github.com/octo/app/actions/runs/5',
      sindri_commit: 'd'.repeat(40),
      sindri_ref: 'refs/heads/main',
      sindri_repository: 'octo/app',
      sindri_action_version: expect.stringMatching(/^sindri\/deploy-action /),
      sindri_name: 'app-pr-7',
      sindri_config: 'app',
      sindri_name_suffix: 'pr-7',
    });
    // the live deployment (no suffix) carries no suffix mark: sweep never lists it
    const live = sandboxRequest({
      templateID: 'tpl',
      name: 'app',
      config: 'app',
      suffix: '',
      contentTag: 'c1',
      image: 'r/app@sha256:' + 'a'.repeat(64),
      buildID: 'b1',
      settings: e2bSettings(config),
      key: 'e2b_key',
      secrets: new Map(),
    });
    expect(live.metadata.sindri_config).toBe('app');
    expect(Object.keys(live.metadata)).not.toContain('sindri_name_suffix');
  });
});
