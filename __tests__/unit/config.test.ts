/** sindri.yaml loading: discovery, hard errors with file/line/field/fix, lenient normalisation. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, loadConfigText } from '../../src/config/load.js';
import { sanitiseName } from '../../src/config/normalise.js';
import { ActionError } from '../../src/errors.js';

const dir = resolve(__dirname, '../fixtures/configs');

async function loadError(config: string, providerOverride?: 'docker'): Promise<ActionError> {
  const e = await loadConfig({ workdir: dir, config, ...(providerOverride ? { providerOverride } : {}) }).then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ActionError);
  return e as ActionError;
}

function text(yaml: string, providerOverride?: 'docker') {
  return loadConfigText(yaml, { file: 'sindri.yaml', path: '/w/sindri.yaml', dir: '/w', providerOverride });
}

describe('discovery', () => {
  it('finds sindri.yaml before sindri.yml', async () => {
    const w = mkdtempSync(join(tmpdir(), 'cfg-'));
    writeFileSync(join(w, 'sindri.yml'), 'name: from-yml\ndeployment: {provider: fly}\nextensions: {}\n');
    expect((await loadConfig({ workdir: w, config: '' })).config.name).toBe('from-yml');
    writeFileSync(join(w, 'sindri.yaml'), 'name: from-yaml\ndeployment: {provider: fly}\nextensions: {}\n');
    const { config } = await loadConfig({ workdir: w, config: '' });
    expect(config.name).toBe('from-yaml');
    expect(config.file).toBe('sindri.yaml');
  });

  it('lists the paths looked at and the fix when nothing is found', async () => {
    const w = mkdtempSync(join(tmpdir(), 'cfg-'));
    const e = (await loadConfig({ workdir: w, config: '' }).catch((err: unknown) => err)) as ActionError;
    expect(e).toBeInstanceOf(ActionError);
    expect(e.message).toContain(join(w, 'sindri.yaml'));
    expect(e.message).toContain(join(w, 'sindri.yml'));
    expect(e.fix).toMatch(/mode: init/);
    expect(e.fix).toMatch(/config/);
  });

  it('reads the config input relative to workdir and fails clearly when it is missing', async () => {
    const { config } = await loadConfig({ workdir: resolve(dir, '..'), config: 'configs/lenient.yaml' });
    expect(config.file).toBe('configs/lenient.yaml');
    const e = (await loadConfig({ workdir: dir, config: 'nope/sindri.yaml' }).catch((err: unknown) => err)) as ActionError;
    expect(e).toBeInstanceOf(ActionError);
    expect(e.message).toContain('nope/sindri.yaml');
    expect(e.where.field).toBe('input config');
  });
});

describe('hard errors: file, line, column, field and fix', () => {
  it.each([
    ['broken-yaml.yaml', 5, 10, undefined, /not valid YAML: a key: value sits where a plain value was expected .*\(Nested mappings/],
    ['duplicate-key.yaml', 5, 3, undefined, /Map keys must be unique/],
    ['not-a-mapping.yaml', 1, 1, undefined, /a list, not a mapping/],
    ['no-name.yaml', 1, 1, 'name', /no name/],
    ['bad-name.yaml', 2, 7, 'name', /invalid name "My_App"/],
    ['bad-digest.yaml', 7, 13, 'deployment.image_config.digest', /invalid digest "sha256:1234"/],
    ['unknown-provider.yaml', 4, 13, 'deployment.provider', /unknown provider "dockr"/],
    ['no-registry.yaml', 5, 3, 'deployment.image_config', /no registry/],
    ['registry-host-only.yaml', 6, 15, 'deployment.image_config.registry', /registry host, not a repository/],
    ['bad-image.yaml', 5, 10, 'deployment.image', /"Pacphi" must be lowercase/],
    ['bad-strategy.yaml', 8, 26, 'deployment.image_config.resolution_strategy', /invalid value "newest"/],
  ])('%s', async (file, line, column, field, what) => {
    const e = await loadError(file);
    expect(e.message).toMatch(what);
    expect(e.where).toEqual({ file, line, column, ...(field ? { field } : {}) });
    expect(e.fix).toBeTruthy();
    expect(e.toLine()).toMatch(new RegExp(`^${file.replace('.', '\\.')}:${line}:${column}: `));
    expect(e.toLine()).not.toContain('\n');
  });

  it('the name fix proposes a valid name', async () => {
    const e = await loadError('bad-name.yaml');
    expect(e.fix).toContain('name: my-app');
    expect(sanitiseName('My_App')).toBe('my-app');
    expect(sanitiseName('9 Lives!')).toBe('lives');
    expect(sanitiseName('---')).toBe('sindri');
  });

  it('an unknown provider is a warning when the input provider overrides it', async () => {
    const { config, warnings } = await loadConfig({ workdir: dir, config: 'unknown-provider.yaml', providerOverride: 'docker' });
    expect(config.deployment.provider).toBe('docker');
    expect(config.deployment.providerAsWritten).toBe('dockr');
    expect(warnings.find((w) => w.field === 'deployment.provider')).toMatchObject({ line: 4, column: 13 });
  });

  it('the override also covers a missing deployment block', () => {
    expect(() => text('name: a\nextensions: {}\n')).toThrow(/no deployment section/);
    expect(text('name: a\nextensions: {}\n', 'docker').config.deployment.provider).toBe('docker');
  });

  it('errors on a registry carrying a tag, an invalid tag_override and a required secret without name', () => {
    expect(() => text('name: a\ndeployment:\n  provider: fly\n  image_config:\n    registry: ghcr.io/a/b:1\nextensions: {}\n')).toThrow(
      /carries a tag/,
    );
    expect(() =>
      text('name: a\ndeployment:\n  provider: fly\n  image_config:\n    registry: ghcr.io/a/b\n    tag_override: -x\nextensions: {}\n'),
    ).toThrow(/invalid tag_override/);
    expect(() => text('name: a\ndeployment: {provider: fly}\nextensions: {}\nsecrets:\n  - source: env\n    required: true\n')).toThrow(
      /required secret has no name/,
    );
  });
});

describe('lenient normalisation', () => {
  it('accepts upstream spellings with a warning at the right line', async () => {
    const { config, warnings } = await loadConfig({ workdir: dir, config: 'lenient.yaml' });
    const at = (field: string) => warnings.find((w) => w.field === field);
    expect(config.version).toBe('3.0');
    expect(at('version')).toMatchObject({ line: 2, source: 'loader' });
    expect(config.deployment.provider).toBe('docker');
    expect(config.deployment.providerAsWritten).toBe('docker-compose');
    expect(config.deployment.distro).toBe('fedora');
    expect(config.deployment.image_config).toEqual({
      registry: 'ghcr.io/pacphi/sindri',
      version: '^3.0.0',
      tag_override: '3.0.1',
      resolution_strategy: 'latest-stable',
      allow_prerelease: false,
      verify_signature: false,
      verify_provenance: true,
      pull_policy: 'Always',
    });
    expect(at('deployment.image_config.tagOverride')).toMatchObject({
      line: 10,
      message: expect.stringMatching(/rename it to tag_override/),
    });
    expect(at('deployment.image_config.pullPolicy')?.line).toBe(12);
    expect(at('deployment.image_config.colour')).toMatchObject({ line: 14, message: expect.stringMatching(/unknown key/) });
    expect(config.deployment.buildFromSource).toEqual({ enabled: true, gitRef: 'v3' });
    expect(config.deployment.resources).toEqual({ memory: '4Gi', cpus: 2 });
    expect(config.extensions.auto_install).toBe(false);
    expect(at('extensions.autoInstall')?.line).toBe(23);
    // unknown keys kept in raw and reported
    expect(config.raw.topLevelExtra).toBe(1);
    expect(at('topLevelExtra')).toMatchObject({ line: 24, source: 'schema' });
    expect(at('providers.docker.netwrok')?.message).toMatch(/did you mean network\?/);
    expect(config.providers.docker).toEqual({ ports: ['8080:80'], netwrok: 'host' });
    // image_config and buildFromSource are known keys although the schema omits them
    expect(warnings.some((w) => /^deployment\.(image_config|buildFromSource)$/.test(w.field ?? ''))).toBe(false);
    // warnings come sorted by line
    const lines = warnings.map((w) => w.line ?? 0);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
  });

  it('fills the image_config defaults of docs/upstream.md#image-settings', () => {
    const { config, warnings } = text(
      'name: a\ndeployment:\n  provider: fly\n  image_config:\n    registry: ghcr.io/a/b\nextensions: {}\n',
    );
    expect(config.deployment.image_config).toEqual({
      registry: 'ghcr.io/a/b',
      resolution_strategy: 'semver',
      allow_prerelease: false,
      verify_signature: true,
      verify_provenance: true,
      pull_policy: 'IfNotPresent',
    });
    expect(config.deployment.distro).toBe('ubuntu');
    expect(config.secrets).toEqual([]);
    expect(warnings.map((w) => w.field)).toEqual(['version', 'extensions']);
  });

  it('when both spellings are written, snake_case wins', () => {
    const { config, warnings } = text(
      'version: "3.0"\nname: a\ndeployment:\n  provider: fly\n  image_config:\n    registry: ghcr.io/a/b\n    tag_override: "1"\n    tagOverride: "2"\nextensions:\n  auto_install: false\n  autoInstall: true\n  profile: minimal\n',
    );
    expect(config.deployment.image_config?.tag_override).toBe('1');
    expect(config.extensions.auto_install).toBe(false);
    expect(warnings.find((w) => w.field === 'deployment.image_config.tagOverride')?.message).toMatch(/^ignored/);
    expect(warnings.find((w) => w.field === 'extensions.autoInstall')?.message).toMatch(/^ignored/);
  });

  it('locate gives the line and column of keys and values, undefined for what is absent', () => {
    const { config } = text(
      'version: "3.0"\nname: a\ndeployment:\n  provider: fly\nextensions:\n  profile: minimal\nsecrets:\n  - name: A\n    source: env\n',
    );
    expect(config.locate(['name'])).toEqual({ line: 2, column: 7 });
    expect(config.locate(['deployment'])).toEqual({ line: 3, column: 1 });
    expect(config.locate(['deployment', 'provider'])).toEqual({ line: 4, column: 13 });
    expect(config.locate(['secrets', 0, 'source'])).toEqual({ line: 9, column: 13 });
    expect(config.locate(['deployment', 'image'])).toBeUndefined();
  });

  it('skips a non-required secret without a name, with a warning', () => {
    const { config, warnings } = text(
      'name: a\ndeployment: {provider: fly}\nextensions: {}\nsecrets:\n  - source: env\n  - name: B\n    source: env\n',
    );
    expect(config.secrets).toEqual([{ name: 'B', source: 'env', required: false }]);
    expect(warnings.find((w) => w.field === 'secrets[0]')).toMatchObject({ line: 5 });
  });

  it('reads a file with a BOM', () => {
    expect(text('\uFEFFname: a\ndeployment: {provider: e2b}\nextensions: {}\n').config.deployment.provider).toBe('e2b');
  });
});

describe('YAML merge keys (issue 20 class 9)', () => {
  const merged = [
    'version: "3.0"', // 1
    'name: merged', // 2
    'providers:', // 3
    '  docker: &base', // 4
    '    network: host', // 5
    '    ports: ["8080:8080"]', // 6
    'deployment:', // 7
    '  <<: &dep', // 8
    '    provider: docker', // 9
    '    image: 127.0.0.1:5000/team/app:2.0.0', // 10
    '    distro: fedora', // 11
    '  distro: ubuntu', // 12
    'extensions:', // 13
    '  profile: minimal', // 14
    '',
  ].join('\n');

  it('the values under <<: are used, keys written beside it win, and nothing is an unknown key', () => {
    const { config, warnings } = text(merged);
    expect(config.deployment.image).toBe('127.0.0.1:5000/team/app:2.0.0');
    expect(config.deployment.provider).toBe('docker');
    expect(config.deployment.distro).toBe('ubuntu');
    expect(warnings.map((w) => `${w.field}: ${w.message}`)).toEqual([]);
  });

  it('a merged value is located where it is written (the anchored mapping), an overriding one beside <<:', () => {
    const { config } = text(merged);
    expect(config.locate(['deployment', 'image'])).toEqual({ line: 10, column: 12 });
    expect(config.locate(['deployment', 'distro'])).toEqual({ line: 12, column: 11 });
  });

  it('<<: [*a, *b] merges several, the first wins; an error in a merged value names its own line', () => {
    const yaml = [
      'version: "3.0"',
      'name: merged',
      'x-a: &a',
      '  image: "not a reference"',
      'x-b: &b',
      '  provider: docker',
      '  image: 127.0.0.1:5000/b:1',
      'deployment:',
      '  <<: [*a, *b]',
      'extensions: {}',
      '',
    ].join('\n');
    const e = (() => {
      try {
        text(yaml);
      } catch (err) {
        return err as ActionError;
      }
      throw new Error('expected the merged image to be refused');
    })();
    expect(e.toLine()).toMatch(/^sindri\.yaml:4:10: deployment\.image: invalid image reference "not a reference"/);
  });

  it('a whole value written as an alias is located at its anchor', () => {
    const yaml =
      'version: "3.0"\nname: x\nx-dep: &dep\n  provider: docker\n  image: 127.0.0.1:5000/c:1\ndeployment: *dep\nextensions: {}\n';
    const { config } = text(yaml);
    expect(config.deployment.image).toBe('127.0.0.1:5000/c:1');
    expect(config.locate(['deployment', 'image'])).toEqual({ line: 5, column: 10 });
  });
});
