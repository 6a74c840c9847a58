import { describe, expect, it } from 'vitest';
import { decideImage, type DecideInput } from '../../src/image/decide.js';
import { ActionError } from '../../src/errors.js';
import { tagList } from '../../src/image/tags.js';
import type { ImageChoice } from '../../src/image/types.js';
import { makeConfig, type ConfigOverrides } from '../support/config.js';

const D1 = `sha256:${'a'.repeat(64)}`;
const D2 = `sha256:${'b'.repeat(64)}`;
const noInputs = { image: '', 'image-digest': '', dockerfile: '', 'default-image': 'ghcr.io/pacphi/sindri:latest' };

function input(
  over: {
    inputs?: Partial<DecideInput['inputs']>;
    config?: ConfigOverrides;
    provider?: DecideInput['provider'];
    observed?: Partial<DecideInput['observed']>;
  } = {},
): DecideInput {
  return {
    inputs: { ...noInputs, ...over.inputs },
    config: makeConfig(over.config),
    provider: over.provider ?? 'docker',
    observed: { dockerfiles: [], ...over.observed },
  };
}

/** the one line the user sees */
function lineOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof ActionError) return e.toLine();
    throw e;
  }
  throw new Error('expected an ActionError');
}

function choose(d: DecideInput): ImageChoice {
  const r = decideImage(d);
  if (r.kind !== 'choice') throw new Error(`expected a choice, got ${r.kind}`);
  return r.choice;
}

const full = { registry: 'ghcr.io/acme/app', digest: D2, tag_override: 'pinned', version: '^1.0.0' };

describe('decideImage: one rule wins, in the priority order of docs/behaviour.md#image-priority-order', () => {
  it('rule 1: input digest beats everything, repository from input image', () => {
    const c = choose(
      input({
        inputs: { 'image-digest': D1, image: 'ghcr.io/ci/built:sha-123' },
        config: { deployment: { image: 'x/y:1', image_config: full } },
      }),
    );
    expect(c.source).toBe('input-digest');
    expect(c.ref).toBe(`ghcr.io/ci/built@${D1}`);
    expect(c.trace.map((t) => t.outcome)).toEqual(['applied', ...Array(8).fill('not-reached')]);
  });
  it('rule 1: repository from image_config.registry, else deployment.image', () => {
    expect(
      choose(input({ inputs: { 'image-digest': D1 }, config: { deployment: { image_config: { registry: 'ghcr.io/acme/app' } } } })).ref,
    ).toBe(`ghcr.io/acme/app@${D1}`);
    expect(choose(input({ inputs: { 'image-digest': D1 }, config: { deployment: { image: 'nginx:1.25' } } })).ref).toBe(
      `docker.io/library/nginx@${D1}`,
    );
  });
  it('rule 1 without any repository fails before the network, naming the input', () => {
    expect(lineOf(() => decideImage(input({ inputs: { 'image-digest': D1 } })))).toMatch(
      /input image-digest: a digest without a repository.*Fix: also pass input image/,
    );
  });
  it('rule 1: conflicting digests in image and image-digest fail', () => {
    expect(() => decideImage(input({ inputs: { 'image-digest': D1, image: `ghcr.io/a/b@${D2}` } }))).toThrow(ActionError);
  });
  it('rule 2: input image, tag defaults to latest', () => {
    const c = choose(input({ inputs: { image: 'ghcr.io/ci/app' }, config: { deployment: { image_config: full } } }));
    expect([c.source, c.ref]).toEqual(['input-image', 'ghcr.io/ci/app:latest']);
    expect(c.trace[0]).toMatchObject({ outcome: 'skipped', reason: 'input image-digest is empty' });
  });
  it('rule 3: config digest', () => {
    const c = choose(input({ config: { deployment: { image_config: full } } }));
    expect([c.source, c.ref]).toEqual(['config-digest', `ghcr.io/acme/app@${D2}`]);
  });
  it('rule 4: tag_override', () => {
    const c = choose(input({ config: { deployment: { image_config: { ...full, digest: undefined } } } }));
    expect([c.source, c.ref]).toEqual(['config-tag', 'ghcr.io/acme/app:pinned']);
  });
  it('rule 5: version asks for tags, then picks the highest match as spelled', () => {
    const d = input({ config: { deployment: { image_config: { registry: 'ghcr.io/acme/app', version: '^1.0.0' } } } });
    const need = decideImage(d);
    expect(need).toMatchObject({ kind: 'need-tags', repository: { registry: 'ghcr.io', repository: 'acme/app' } });
    // the constraint comes with the request, so a bad one fails before the tag list is fetched
    expect(need).toMatchObject({ constraint: { text: '^1.0.0', where: { field: 'deployment.image_config.version' } } });
    d.observed.tags = tagList(['latest', 'v1.2.0', '1.10.0-rc.1', '1.3.0', '2.0.0', 'v1']);
    const c = choose(d);
    expect([c.source, c.ref]).toEqual(['config-version', 'ghcr.io/acme/app:1.3.0']);
    expect(c.version).toMatchObject({ constraint: '^1.0.0', tag: '1.3.0' });
  });
  it('rule 5: explicit uses the version as the tag without listing tags', () => {
    const c = choose(
      input({
        config: { deployment: { image_config: { registry: 'ghcr.io/acme/app', version: '3.0.0', resolution_strategy: 'explicit' } } },
      }),
    );
    expect([c.source, c.ref]).toEqual(['config-version', 'ghcr.io/acme/app:3.0.0']);
  });
  it('rule 5: distro-aware', () => {
    const d = input({
      config: { deployment: { distro: 'fedora', image_config: { registry: 'ghcr.io/acme/app', version: '^3' } } },
      observed: { tags: tagList(['3.2.0', '3.1.0-fedora', '3.0.0-fedora', 'latest-fedora']) },
    });
    expect(choose(d).ref).toBe('ghcr.io/acme/app:3.1.0-fedora');
  });
  it('rule 5: no match is one error naming the constraint', () => {
    const d = input({
      config: { deployment: { image_config: { registry: 'ghcr.io/acme/app', version: '^9.0.0' } } },
      observed: { tags: tagList(['1.0.0', '2.0.0']) },
    });
    expect(() => decideImage(d)).toThrow(/\^9\.0\.0/);
  });
  it('rule 6: legacy deployment.image wins over a registry-only image_config (the priority order)', () => {
    const c = choose(
      input({ config: { deployment: { image: 'ghcr.io/pacphi/sindri:v3-latest', image_config: { registry: 'ghcr.io/acme/app' } } } }),
    );
    expect([c.source, c.ref]).toEqual(['config-image', 'ghcr.io/pacphi/sindri:v3-latest']);
  });
  it('rule 7: registry only → latest', () => {
    const c = choose(input({ config: { deployment: { image_config: { registry: 'ghcr.io/acme/app' } } } }));
    expect([c.source, c.ref]).toEqual(['config-registry', 'ghcr.io/acme/app:latest']);
  });
  it('rule 8: a discovered Dockerfile, tagged <name>:<revision>', () => {
    const d = input({ observed: { dockerfiles: ['deploy/Dockerfile'] } });
    expect(decideImage(d)).toEqual({ kind: 'need-revision' });
    d.observed.revision = 'abc1234';
    const c = choose(d);
    expect([c.source, c.ref, c.dockerfile]).toEqual(['dockerfile', 'demo:abc1234', 'deploy/Dockerfile']);
  });
  it('rule 8: input dockerfile beats discovery', () => {
    const c = choose(
      input({ inputs: { dockerfile: 'build/Custom.Dockerfile' }, observed: { dockerfiles: ['Dockerfile'], revision: 'local' } }),
    );
    expect(c.dockerfile).toBe('build/Custom.Dockerfile');
  });
  it('rule 8: kubernetes never builds: the error says to build in CI and pass image-digest', () => {
    expect(lineOf(() => decideImage(input({ provider: 'kubernetes', observed: { dockerfiles: ['Dockerfile'] } })))).toMatch(
      /never builds.*image-digest/,
    );
  });
  it('rule 9: the default image', () => {
    const c = choose(input());
    expect([c.source, c.ref]).toEqual(['default', 'ghcr.io/pacphi/sindri:latest']);
    expect(c.trace).toHaveLength(9);
    expect(c.trace.filter((t) => t.outcome === 'skipped')).toHaveLength(8);
  });
  it('bad references fail with the field and line', () => {
    const d = input({ config: { deployment: { image: 'Not A Ref' } } });
    expect(lineOf(() => decideImage(d))).toMatch(/^sindri\.yaml:7:5: deployment\.image: invalid image reference/);
  });
});
