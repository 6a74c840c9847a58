/** mode: init writes a documented sindri.yaml that loads cleanly, and never overwrites by accident. */
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { ActionError } from '../../src/errors.js';
import { PROVIDERS } from '../../src/domain.js';
import { renderInit, runInit } from '../../src/modes/init.js';

function workdir(name = 'My_Project'): string {
  const d = join(mkdtempSync(join(tmpdir(), 'init-')), name);
  mkdirSync(d);
  return d;
}

describe('runInit', () => {
  it.each(PROVIDERS)('output for %s round-trips through loadConfig without warnings', async (provider) => {
    const w = workdir();
    const { path } = await runInit({ workdir: w, file: 'sindri.yaml', provider, force: false });
    expect(path).toBe(join(w, 'sindri.yaml'));
    const { config, warnings } = await loadConfig({ workdir: w, config: '' });
    expect(warnings).toEqual([]);
    expect(config.name).toBe('my-project');
    expect(config.deployment.provider).toBe(provider);
    expect(config.deployment.image_config).toMatchObject({
      registry: 'ghcr.io/pacphi/sindri',
      version: '^3.0.0',
      resolution_strategy: 'semver',
    });
    expect(config.extensions).toEqual({ profile: 'minimal', auto_install: true });
    expect(config.secrets.map((s) => s.name)).toEqual([
      'AUTHORIZED_KEYS',
      'GITHUB_TOKEN',
      'GIT_USER_NAME',
      'GIT_USER_EMAIL',
      'ANTHROPIC_API_KEY',
    ]);
    expect(Object.keys(config.providers)).toEqual([provider]);
  });

  it('documents the image priority order and every image_config key', () => {
    const t = renderInit('docker', 'app');
    for (const s of [
      'image-digest',
      'tag_override',
      'digest:',
      'version',
      'resolution_strategy',
      'allow_prerelease',
      'verify_signature',
      'verify_provenance',
      'pull_policy',
      'certificate_identity',
      'certificate_oidc_issuer',
      './deploy/Dockerfile',
      'default-image',
    ]) {
      expect(t).toContain(s);
    }
    const order = [
      '1. input image-digest',
      '2. input image',
      '3. image_config.digest',
      '4. image_config.tag_override',
      '5. image_config.version',
      '6. deployment.image',
      '7. image_config.registry',
      '8. a Dockerfile',
      '9. input default-image',
    ];
    const idx = order.map((o) => t.indexOf(o));
    expect(idx.every((i) => i > 0)).toBe(true);
    expect(idx).toEqual([...idx].sort((a, b) => a - b));
  });

  it('refuses to overwrite unless force', async () => {
    const w = workdir('app');
    writeFileSync(join(w, 'sindri.yaml'), 'mine\n');
    const e = (await runInit({ workdir: w, file: 'sindri.yaml', force: false }).catch((err: unknown) => err)) as ActionError;
    expect(e).toBeInstanceOf(ActionError);
    expect(e.message).toBe('sindri.yaml already exists');
    expect(e.fix).toMatch(/force: true/);
    expect(readFileSync(join(w, 'sindri.yaml'), 'utf8')).toBe('mine\n');
    await runInit({ workdir: w, file: 'sindri.yaml', force: true, provider: 'fly' });
    expect((await loadConfig({ workdir: w, config: '' })).config.deployment.provider).toBe('fly');
  });

  it('force never writes through a symlinked sindri.yaml: the file it points to stays as it was (issue 20 class 7)', async () => {
    const w = workdir('app');
    const outside = join(workdir('elsewhere'), 'secret.yaml');
    writeFileSync(outside, 'keep: me\n');
    symlinkSync(outside, join(w, 'sindri.yaml'));
    const e = (await runInit({ workdir: w, file: '', force: true }).catch((err: unknown) => err)) as ActionError;
    expect(e).toBeInstanceOf(ActionError);
    expect(e.toLine()).toMatch(
      /^sindri\.yaml: sindri\.yaml is a symbolic link \(to .*secret\.yaml\); the action never writes through a link/,
    );
    expect(readFileSync(outside, 'utf8')).toBe('keep: me\n');
    expect(lstatSync(join(w, 'sindri.yaml')).isSymbolicLink()).toBe(true);
  });

  it('refuses when a sindri.yml exists, force or not: a new sindri.yaml would hide it (issue 20 class 8)', async () => {
    const w = workdir('app');
    writeFileSync(join(w, 'sindri.yml'), 'mine\n');
    for (const force of [false, true]) {
      const e = (await runInit({ workdir: w, file: '', force }).catch((err: unknown) => err)) as ActionError;
      expect(e).toBeInstanceOf(ActionError);
      expect(e.toLine()).toBe(
        'sindri.yml: sindri.yml exists, and a new sindri.yaml would be read instead of it. Fix: edit sindri.yml; or remove it and rerun mode: init (force: true does not replace sindri.yml)',
      );
    }
    expect(existsSync(join(w, 'sindri.yaml'))).toBe(false);
    // with the input config naming it, sindri.yml is the file written (and replaced with force)
    await runInit({ workdir: w, file: 'sindri.yml', force: true });
    expect((await loadConfig({ workdir: w, config: '' })).config.name).toBe('app');
  });

  it('a name that needs quoting stays data, and an invalid explicit name is refused', async () => {
    const w = workdir('app');
    await expect(runInit({ workdir: w, file: 'x.yaml', name: 'a: b\n- c', force: false })).rejects.toThrow(/invalid name/);
    const { path } = await runInit({ workdir: w, file: 'deploy/../other.yml', name: 'named-app', force: false });
    expect(path).toBe(join(w, 'other.yml'));
    expect((await loadConfig({ workdir: w, config: 'other.yml' })).config.name).toBe('named-app');
  });

  it('templates/sindri.yaml is the rendered default (docker, my-app)', () => {
    expect(readFileSync(resolve(__dirname, '../../templates/sindri.yaml'), 'utf8')).toBe(renderInit('docker', 'my-app'));
  });
});
