/** Every real upstream Sindri file (docs/upstream.md#example-files) loads: the whole folder, not a hand-picked list. */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { ActionError } from '../../src/errors.js';
import { PROVIDERS } from '../../src/domain.js';

const dir = resolve(__dirname, '../fixtures/sindri-examples');
const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f));

describe('upstream Sindri examples', () => {
  it('has all 33 upstream files', () => {
    expect(files).toHaveLength(33);
  });

  it.each(files)('%s loads, or fails only as an unsupported upstream provider', async (file) => {
    try {
      const { config, warnings } = await loadConfig({ workdir: dir, config: file });
      expect(PROVIDERS).toContain(config.deployment.provider);
      expect(config.name).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(config.file).toBe(file);
      for (const w of warnings) {
        expect(w.file).toBe(file);
        expect(w.line).toBeGreaterThan(0);
      }
    } catch (e) {
      expect(e).toBeInstanceOf(ActionError);
      const err = e as ActionError;
      expect(err.message).toMatch(/^provider "(runpod|northflank)" is a Sindri provider this action does not deploy to$/);
      expect(err.where).toMatchObject({ file, field: 'deployment.provider' });
      expect(err.where.line).toBeGreaterThan(0);
      expect(err.fix).toMatch(/input provider/);
    }
  });

  it.each(files)('%s loads with providerOverride docker', async (file) => {
    const { config, warnings } = await loadConfig({ workdir: dir, config: file, providerOverride: 'docker' });
    expect(config.deployment.provider).toBe('docker');
    if (/runpod|northflank/.test(config.deployment.providerAsWritten)) {
      expect(warnings.some((w) => w.field === 'deployment.provider' && /input provider "docker"/.test(w.message))).toBe(true);
    }
  });

  it('rejects exactly the runpod and northflank files without an override', async () => {
    const failed: string[] = [];
    for (const f of files) await loadConfig({ workdir: dir, config: f }).catch(() => failed.push(f));
    expect(failed.length).toBe(files.filter((f) => /runpod|northflank|provider-comparison/.test(f)).length);
  });

  it('reports autoInstall at its own line', async () => {
    const file = 'examples-integration__docker__anthropic-dev.sindri.yaml';
    const { config, warnings } = await loadConfig({ workdir: dir, config: file });
    const w = warnings.find((x) => x.field === 'extensions.autoInstall');
    expect(w).toBeDefined();
    expect(w!.source).toBe('loader');
    expect(w!.line).toBe(22);
    expect(config.extensions.auto_install).toBe(true);
    // the schema's own complaint about the same key is not repeated
    expect(warnings.filter((x) => x.field === 'extensions.autoInstall')).toHaveLength(1);
  });

  it('docker__fullstack: image_config with version ^3.0.0 and defaults', async () => {
    const { config, warnings } = await loadConfig({ workdir: dir, config: 'examples-integration__docker__fullstack.sindri.yaml' });
    expect(config.deployment.image_config).toEqual({
      registry: 'ghcr.io/pacphi/sindri',
      version: '^3.0.0',
      resolution_strategy: 'semver',
      allow_prerelease: false,
      verify_signature: true,
      verify_provenance: true,
      pull_policy: 'IfNotPresent',
    });
    expect(config.locate(['deployment', 'image_config', 'version'])).toEqual({ line: 12, column: 14 });
    expect(warnings.find((w) => w.field === 'extensions.autoInstall')?.line).toBe(27);
  });

  it('fly__production: explicit strategy and pull policy Always', async () => {
    const { config } = await loadConfig({ workdir: dir, config: 'examples-integration__fly__production.sindri.yaml' });
    expect(config.deployment.provider).toBe('fly');
    expect(config.deployment.image_config).toMatchObject({ version: '3.0.0', resolution_strategy: 'explicit', pull_policy: 'Always' });
    expect(config.providers.fly).toMatchObject({ region: 'ord', cpuKind: 'performance', autoStopMachines: false });
  });

  it('the 17 files without extensions load with a warning and auto_install true', async () => {
    let missing = 0;
    for (const f of files) {
      const { config, warnings } = await loadConfig({ workdir: dir, config: f, providerOverride: 'docker' });
      const w = warnings.find((x) => x.field === 'extensions');
      if (config.raw.extensions === undefined) {
        missing++;
        expect(w?.message).toMatch(/^missing/);
        expect(config.extensions).toEqual({ auto_install: true });
      }
    }
    expect(missing).toBe(17);
  });

  it('keeps other fields: secrets, resources, legacy image', async () => {
    const { config } = await loadConfig({ workdir: dir, config: 'examples-integration__k8s__vault-ingress.sindri.yaml' });
    expect(config.deployment.provider).toBe('kubernetes');
    expect(config.deployment.image).toBe('ghcr.io/sindri-dev/sindri:3');
    expect(config.secrets.some((s) => s.source === 'vault')).toBe(true);
    expect(config.providers.kubernetes).toMatchObject({ namespace: 'sindri-dev', storageClass: 'gp3' });
    expect(config.dir).toBe(dir);
    expect(config.path).toBe(join(dir, 'examples-integration__k8s__vault-ingress.sindri.yaml'));
  });
});
