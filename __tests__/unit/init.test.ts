/** mode: init writes a documented sindri.yaml that loads cleanly, and never overwrites by accident. */
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { ActionError } from '../../src/errors.js';
import { PROVIDERS } from '../../src/domain.js';
import { loadConfigText } from '../../src/config/load.js';
import { identityFor, renderInit, runInit } from '../../src/modes/init.js';
import { acceptedIdentities } from '../support/identity.js';

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

  describe('verification settings a user can keep (issue 22)', () => {
    const upstream = 'https://github.com/pacphi/sindri/.github/workflows/release-v3.yml@refs/tags/v3.1.0';
    const identityLine = (t: string) => /^ {4}certificate_identity: (.+)$/m.exec(t)![1]!;
    /** lines naming upstream's signer with "default" on them or just above */
    const calledDefault = (t: string) =>
      t
        .split('\n')
        .filter((l, i, all) => /github\\?\.com\/pacphi/.test(l) && /default/i.test(all.slice(Math.max(0, i - 1), i + 1).join(' ')));
    const OLD_TEMPLATE_LINES = [
      '    # Who must have signed the image (defaults shown):',
      '    # certificate_identity: https://github.com/pacphi/sindri',
      '    # certificate_oidc_issuer: https://token.actions.githubusercontent.com',
    ].join('\n');
    const exampleLine = (t: string) => /^ {4}# {3}certificate_identity: '(.+)'$/m.exec(t)![1]!;

    it('the identity written belongs to the registry written, anchored, and is not called a default', () => {
      const t = renderInit('docker', 'app');
      expect(
        acceptedIdentities(identityLine(t), [
          upstream,
          'https://github.com/pacphi/sindri-fork/.github/workflows/release.yml@refs/heads/main',
          'https://github.com/evil/x?https://github.com/pacphi/sindri/',
        ]),
      ).toEqual([upstream]);
      // upstream's signer is written beside upstream's registry, never offered as a default identity
      expect(calledDefault(t)).toEqual([]);
      expect(calledDefault(OLD_TEMPLATE_LINES)).toHaveLength(1); // the check is live: what init wrote before issue 22
      expect(loadConfigText(t, { file: 'sindri.yaml', path: '/i/sindri.yaml', dir: '/i' }).config.deployment.image_config).toMatchObject({
        registry: 'ghcr.io/pacphi/sindri',
        certificate_identity: identityLine(t),
        certificate_oidc_issuer: 'https://token.actions.githubusercontent.com',
      });
    });

    it("the example for the user's own repository is anchored, dots escaped, and loads once uncommented", () => {
      const t = renderInit('kubernetes', 'app', 'acme/my.app');
      const example = exampleLine(t);
      expect(example).toBe(identityFor('acme/my.app'));
      const own = 'https://github.com/acme/my.app/.github/workflows/deploy.yml@refs/heads/main';
      const accepted = acceptedIdentities(example, [
        own,
        'https://github.com/acme/my.app-fork/.github/workflows/deploy.yml@refs/heads/main',
        'https://github.com/acme/myXapp/.github/workflows/deploy.yml@refs/heads/main',
        'https://github.com/pacphi/sindri/.github/workflows/release-v3.yml@refs/tags/v3.1.0',
        'https://gist.github.com/acme/my.app/.github/workflows/x',
      ]);
      expect(accepted).toEqual([own]);
      const mine = t
        .replace(/^( {4}registry: ).*$/m, '$1ghcr.io/acme/my.app')
        .replace(/^ {4}certificate_identity: .*$/m, `    certificate_identity: '${example}'`);
      const { config, warnings } = loadConfigText(mine, { file: 'sindri.yaml', path: '/i/sindri.yaml', dir: '/i' });
      expect(warnings).toEqual([]);
      expect(config.deployment.image_config?.certificate_identity).toBe(example);
    });

    it('without a valid GITHUB_REPOSITORY the example says <owner>/<repo>; runInit passes the repository through', async () => {
      for (const bad of [undefined, '', 'no-slash', 'a/b/c', 'a/b\nc']) expect(identityFor(bad)).toContain('<owner>/<repo>');
      const w = workdir('app');
      await runInit({ workdir: w, file: 'sindri.yaml', force: false, repository: 'acme/app' });
      expect(exampleLine(readFileSync(join(w, 'sindri.yaml'), 'utf8'))).toBe('^https://github\\.com/acme/app/\\.github/workflows/');
    });
  });
});
