/** Schema violations are warnings with file and line; Ajv's combinator noise is collapsed. */
import { resolve } from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import { describe, expect, it } from 'vitest';
import { loadConfig, loadConfigText } from '../../src/config/load.js';
import { validateSchema } from '../../src/config/validate.js';

const dir = resolve(__dirname, '../fixtures/configs');

describe('validateSchema', () => {
  it('reports a oneOf failure once, if/then requirements with their condition, unknown keys with the keys known', async () => {
    const { warnings } = await loadConfig({ workdir: dir, config: 'schema-violations.yaml' });
    const schema = warnings.filter((w) => w.source === 'schema');
    expect(schema.map((w) => [w.field, w.line])).toEqual([
      ['extensions', 6],
      ['secrets[0].path', 10],
      ['secrets[0].mountPath', 10],
      ['providers.fly.gpuTier', 14],
    ]);
    expect(schema[0]!.message).toBe('must match exactly one of: (1) has profile, no active; (2) has active, no profile, no additional');
    expect(schema[1]!.message).toBe('missing (required when source is "file")');
    expect(schema[3]!.message).toMatch(/^unknown key \(ignored by Sindri\); known keys here: region, /);
    for (const w of schema) expect(w.file).toBe('schema-violations.yaml');
  });

  it('a valid file has no warnings', () => {
    const cfg = loadConfigText('version: "3.0"\nname: ok\ndeployment:\n  provider: docker\nextensions:\n  profile: minimal\n', {
      file: 'sindri.yaml',
      path: '/w/sindri.yaml',
      dir: '/w',
    });
    expect(cfg.warnings).toEqual([]);
  });

  it('enum, pattern and type violations name the value and what is allowed', () => {
    const { config } = loadConfigText(
      'version: "3.0"\nname: ok\ndeployment:\n  provider: docker\n  resources:\n    memory: 4Gi\n    gpu: {enabled: true, tier: a100}\nextensions:\n  profile: huge\nproviders:\n  fly:\n    sshPort: "22"\n',
      { file: 'sindri.yaml', path: '/w/sindri.yaml', dir: '/w', schema: false },
    );
    const ws = validateSchema(config);
    const by = (f: string) => ws.find((w) => w.field === f);
    expect(by('deployment.resources.memory')).toMatchObject({ line: 6, message: '"4Gi" does not match the pattern ^\\d+(MB|GB)$' });
    expect(by('deployment.resources.gpu.tier')?.message).toBe('"a100" is not one of gpu-small, gpu-medium, gpu-large, gpu-xlarge');
    expect(by('extensions.profile')?.line).toBe(9);
    expect(by('providers.fly.sshPort')?.message).toBe('should be integer, not "22"');
  });

  it('reports the missing extensions block of upstream examples once (the loader explains it)', async () => {
    const examples = resolve(__dirname, '../fixtures/sindri-examples');
    const { warnings } = await loadConfig({ workdir: examples, config: 'examples__docker-basic.yaml' });
    expect(warnings.filter((w) => w.field === 'extensions')).toHaveLength(1);
    const { warnings: noSchema } = await loadConfig({ workdir: examples, config: 'examples__docker-basic.yaml', schema: false });
    expect(noSchema.every((w) => w.source !== 'schema')).toBe(true);
  });

  it('upstream runpod aliases get a suggestion', async () => {
    const examples = resolve(__dirname, '../fixtures/sindri-examples');
    const { warnings } = await loadConfig({ workdir: examples, config: 'examples__runpod-spot.yaml', providerOverride: 'docker' });
    expect(warnings.find((w) => w.field === 'providers.runpod.gpuType')).toMatchObject({
      line: 33,
      message: expect.stringMatching(/did you mean gpuTypeId\?/),
    });
    expect(warnings.find((w) => w.field === 'deployment.resources.gpu.tier')?.line).toBe(29);
  });
});

describe('the generated validator (sections split for startup) says what Ajv says of the upstream schema', () => {
  it('same errors, same original schemaPaths, over all 33 upstream files and the bad fixtures', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { parse } = await import('yaml');
    const { default: generated, sections } = await import('../../src/config/schema-validator.generated.js');
    const schema = JSON.parse(readFileSync(join(import.meta.dirname, '../../src/config/sindri.schema.json'), 'utf8'));
    const reference = new Ajv({ allErrors: true, strict: false }).compile(schema);
    const back = (e: { instancePath: string; schemaPath: string }) => {
      const s = sections.find((x) => e.instancePath === x.instance || e.instancePath.startsWith(`${x.instance}/`));
      return s ? s.schema + e.schemaPath.slice(1) : e.schemaPath;
    };
    const key = (e: { instancePath: string; keyword: string }, sp: string) => `${e.instancePath} ${e.keyword} ${sp}`;
    const dirs = ['../fixtures/sindri-examples', '../fixtures/configs'].map((d) => join(import.meta.dirname, d));
    let compared = 0;
    for (const dir of dirs) {
      for (const f of readdirSync(dir).filter((n) => /\.ya?ml$/.test(n))) {
        let data: unknown;
        try {
          data = parse(readFileSync(join(dir, f), 'utf8'));
        } catch {
          continue; // the deliberately broken YAML fixtures
        }
        const ok = reference(data);
        expect(generated(data), f).toBe(ok);
        const want = (reference.errors ?? []).map((e) => key(e, e.schemaPath)).sort();
        const got = (generated.errors ?? []).map((e: ErrorObject) => key(e, back(e))).sort();
        expect(got, f).toEqual(want);
        compared++;
      }
    }
    expect(compared).toBeGreaterThanOrEqual(33);
  });
});
