/**
 * Issue 2, end to end: `node dist/index.js` in plan mode, the way the runner runs it, on Node 20 and
 * 24, against the REAL distribution registry on 127.0.0.1:5000 (and the htpasswd one on :5001).
 * Every image-source, the digest the registry reports, and one clear line for each kind of bad input.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { NODES, runAction, type ActionRun } from '../support/action.js';
import { localiseRefs, pushReferenced } from '../support/localise.js';
import { pushImage, pushIndex, REGISTRY_ANON, REGISTRY_BASIC, requireService, RUN_ID, TEST_PASS, TEST_USER } from '../support/registry.js';

const REPO = `${REGISTRY_ANON}/plan-${RUN_ID}/app`;
const target = { host: REGISTRY_ANON, repository: `plan-${RUN_ID}/app` };
const digests: Record<string, string> = {};

function workdir(yaml: string, files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'plan-'));
  writeFileSync(join(dir, 'sindri.yaml'), yaml);
  for (const [p, content] of Object.entries(files)) {
    mkdirSync(join(dir, p, '..'), { recursive: true });
    writeFileSync(join(dir, p), content);
  }
  return dir;
}

const config = (deployment: string, name = 'plan-demo') =>
  `version: "3.0"\nname: ${name}\ndeployment:\n  provider: docker\n${deployment}\nextensions:\n  profile: minimal\n`;

async function plan(dir: string, inputs: Record<string, string> = {}, node: '20' | '24' = '24'): Promise<ActionRun> {
  return runAction({ inputs: { mode: 'plan', 'default-image': `${REPO}:latest`, ...inputs }, cwd: dir, node });
}

/** exit 1, one ::error line, no stack trace; returns the line */
function oneErrorLine(r: ActionRun): string {
  expect(r.code, r.stdout).toBe(1);
  const errors = r.stdout.split('\n').filter((l) => l.startsWith('::error'));
  expect(errors, r.stdout).toHaveLength(1);
  expect(r.stdout + r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  expect(r.stderr.trim()).toBe('');
  expect(errors[0]).toMatch(/Fix: /);
  return errors[0]!;
}

beforeAll(async () => {
  await requireService(`http://${REGISTRY_ANON}/v2/`);
  digests['1.0.0'] = (await pushImage(target, '1.0.0', { seed: 'p100' })).digest;
  digests['1.4.0'] = (await pushIndex(target, '1.4.0', { seed: 'p140' })).digest;
  digests['v1.5.0'] = (await pushImage(target, 'v1.5.0', { format: 'oci', seed: 'p150' })).digest;
  digests['2.0.0-rc.1'] = (await pushImage(target, '2.0.0-rc.1', { seed: 'p2rc' })).digest;
  digests['latest'] = (await pushImage(target, 'latest', { seed: 'plat' })).digest;
  digests['pinned'] = (await pushImage(target, 'pinned', { seed: 'ppin' })).digest;
  digests['3.1.0-fedora'] = (await pushImage(target, '3.1.0-fedora', { seed: 'pf31' })).digest;
  digests['3.0.0-fedora'] = (await pushImage(target, '3.0.0-fedora', { seed: 'pf30' })).digest;
});

describe.each(NODES)('plan on Node %s: every image-source, pinned to the digest the registry reports', (node) => {
  const cases: {
    name: string;
    yaml: () => string;
    inputs?: () => Record<string, string>;
    files?: Record<string, string>;
    source: string;
    image: () => string;
  }[] = [
    {
      name: 'input image-digest (repository from input image)',
      yaml: () => config(`  image: ${REPO}:1.0.0`),
      inputs: () => ({ image: REPO, 'image-digest': digests['1.4.0']! }),
      source: 'input-digest',
      image: () => `${REPO}@${digests['1.4.0']}`,
    },
    {
      name: 'input image (multi-arch index)',
      yaml: () => config(''),
      inputs: () => ({ image: `${REPO}:1.4.0` }),
      source: 'input-image',
      image: () => `${REPO}@${digests['1.4.0']}`,
    },
    {
      name: 'image_config.digest',
      yaml: () => config(`  image_config:\n    registry: ${REPO}\n    digest: ${digests['pinned']}\n    tag_override: latest`),
      source: 'config-digest',
      image: () => `${REPO}@${digests['pinned']}`,
    },
    {
      name: 'image_config.tag_override',
      yaml: () => config(`  image_config:\n    registry: ${REPO}\n    tag_override: pinned\n    version: ^1.0.0`),
      source: 'config-tag',
      image: () => `${REPO}@${digests['pinned']}`,
    },
    {
      name: 'image_config.version semver (OCI manifest, v-prefixed tag)',
      yaml: () => config(`  image_config:\n    registry: ${REPO}\n    version: ^1.0.0`),
      source: 'config-version',
      image: () => `${REPO}@${digests['v1.5.0']}`,
    },
    {
      name: 'image_config.version with a fedora distro',
      yaml: () => config(`  distro: fedora\n  image_config:\n    registry: ${REPO}\n    version: ">=3.0.0 <4"`),
      source: 'config-version',
      image: () => `${REPO}@${digests['3.1.0-fedora']}`,
    },
    {
      name: 'image_config.version with prereleases allowed',
      yaml: () => config(`  image_config:\n    registry: ${REPO}\n    version: ">=1.0.0"\n    allow_prerelease: true`),
      source: 'config-version',
      image: () => `${REPO}@${digests['2.0.0-rc.1']}`,
    },
    {
      name: 'deployment.image',
      yaml: () => config(`  image: ${REPO}:1.0.0`),
      source: 'config-image',
      image: () => `${REPO}@${digests['1.0.0']}`,
    },
    {
      name: 'image_config.registry only',
      yaml: () => config(`  image_config:\n    registry: ${REPO}`),
      source: 'config-registry',
      image: () => `${REPO}@${digests['latest']}`,
    },
    { name: 'the default image', yaml: () => config(''), source: 'default', image: () => `${REPO}@${digests['latest']}` },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const r = await plan(workdir(c.yaml(), c.files), c.inputs?.() ?? {}, node);
      expect(r.code, r.stdout).toBe(0);
      expect(r.outputs['image-source']).toBe(c.source);
      expect(r.outputs.image).toBe(c.image());
      expect(r.outputs['image-digest']).toBe(c.image().split('@')[1]);
      const result = JSON.parse(r.outputs.result!);
      expect(result['image-source']).toBe(c.source);
      expect(result.trace.filter((t: { outcome: string }) => t.outcome === 'applied').map((t: { source: string }) => t.source)).toEqual([
        c.source,
        'pin',
        'access',
      ]);
      // ADR 0026: the registry answered anonymously, so the trace says the image is public
      expect(result.trace.find((t: { source: string }) => t.source === 'access')?.reason).toBe(
        'public: the registry answers an anonymous pull',
      );
      expect(r.summary).toContain(`| image | \`${c.image()}\` |`);
      expect(r.summary).toContain('#### Image decision');
    });
  }

  it('a discovered ./deploy/Dockerfile: built image named <name>:local outside git, nothing pinned', async () => {
    const dir = workdir(config('', 'from-df'), { 'deploy/Dockerfile': 'FROM scratch\n' });
    const r = await plan(dir, {}, node);
    expect(r.code, r.stdout).toBe(0);
    expect(r.outputs).toMatchObject({
      'image-source': 'dockerfile',
      dockerfile: 'deploy/Dockerfile',
      image: 'from-df:local',
      'image-digest': '',
      built: 'false',
    });
  });

  it('credentials from inputs reach a refusing (htpasswd) registry, and the password is never printed', async () => {
    const basic = { host: REGISTRY_BASIC, repository: `plan-${RUN_ID}/private`, auth: { username: TEST_USER, password: TEST_PASS } };
    const pushed = await pushImage(basic, '1.0.0', { seed: 'basic' });
    const dir = workdir(config(`  image: ${REGISTRY_BASIC}/plan-${RUN_ID}/private:1.0.0`));
    const r = await plan(dir, { 'registry-username': TEST_USER, 'registry-password': TEST_PASS }, node);
    expect(r.code, r.stdout).toBe(0);
    expect(r.outputs['image-digest']).toBe(pushed.digest);
    // ADR 0026: anonymous was refused and the inputs opened it: the trace says private, and with what
    const access = JSON.parse(r.outputs.result!).trace.find((t: { source: string }) => t.source === 'access');
    expect(access.reason).toBe('private: anonymous pull refused; opened with input registry-username/registry-password');
    expect(r.stdout.replace(/::add-mask::.*/g, '') + r.summary + JSON.stringify(r.outputs)).not.toContain(TEST_PASS);
  });
});

describe.each(NODES)('plan on Node %s: bad input is one clear line, exit 1', (node) => {
  it('broken YAML names the file and line', async () => {
    const line = oneErrorLine(
      await plan(workdir('version: "3.0"\nname: x\ndeployment:\n  provider: docker\n  image: [unclosed\n'), {}, node),
    );
    expect(line).toMatch(/sindri\.yaml.*line=\d+/);
  });
  it('an unknown provider names deployment.provider', async () => {
    const line = oneErrorLine(await plan(workdir(config('').replace('provider: docker', 'provider: dockr')), {}, node));
    expect(line).toMatch(/deployment\.provider.*dockr/);
  });
  it('a malformed input digest names the input', async () => {
    expect(oneErrorLine(await plan(workdir(config('')), { image: REPO, 'image-digest': 'sha256:1234' }, node))).toMatch(
      /input image-digest/,
    );
  });
  it('a malformed config digest names the field', async () => {
    expect(oneErrorLine(await plan(workdir(config(`  image_config:\n    registry: ${REPO}\n    digest: sha256:xyz`)), {}, node))).toMatch(
      /image_config\.digest/,
    );
  });
  it('a constraint no tag meets lists the nearest tags', async () => {
    const line = oneErrorLine(await plan(workdir(config(`  image_config:\n    registry: ${REPO}\n    version: ^9.0.0`)), {}, node));
    expect(line).toMatch(/\^9\.0\.0/);
    expect(line).toMatch(/1\.4\.0|v1\.5\.0/);
  });
  it('an unreachable registry names the host', async () => {
    expect(oneErrorLine(await plan(workdir(config('  image: 127.0.0.1:9/none/app:1')), {}, node))).toMatch(/127\.0\.0\.1:9/);
  });
  it('a refusing registry (no credentials) names the host and the input to set', async () => {
    const line = oneErrorLine(await plan(workdir(config(`  image: ${REGISTRY_BASIC}/plan-${RUN_ID}/private:1.0.0`)), {}, node));
    expect(line).toMatch(/127\.0\.0\.1:5001/);
    expect(line).toContain('anonymous pull is refused, so the image is private');
    expect(line).toMatch(/Fix: set the inputs registry-username and registry-password, or log in to 127\.0\.0\.1:5001 before this step/);
  });
  it('a tag that does not exist carries the registry code', async () => {
    const r = await plan(workdir(config(`  image: ${REPO}:nope`)), {}, node);
    expect(oneErrorLine(r)).toMatch(/MANIFEST_UNKNOWN|not found/i);
    // the decision is still explained: which rule won, in the outputs, the result and the summary
    expect(r.outputs['image-source']).toBe('config-image');
    expect(r.outputs.image).toBeUndefined();
    expect(JSON.parse(r.outputs.result!).trace).toHaveLength(9);
    expect(r.summary).toContain('#### Image decision');
  });
  it('kubernetes with only a Dockerfile says to build in CI and pass image-digest', async () => {
    const dir = workdir(config('').replace('provider: docker', 'provider: kubernetes'), { Dockerfile: 'FROM scratch\n' });
    expect(oneErrorLine(await plan(dir, {}, node))).toMatch(/never builds.*image-digest/);
  });
  it('verify: true with only a Dockerfile (nothing signed to verify) fails with the fix, before any build', async () => {
    const line = oneErrorLine(await plan(workdir(config(''), { Dockerfile: 'FROM scratch\n' }), { verify: 'true' }, node));
    expect(line).toMatch(/input verify: verify: true, but the image is built here from Dockerfile.*Fix: .*image-digest/);
  });
  it("a provider's missing token fails a deploy before any registry request", async () => {
    const line = oneErrorLine(await plan(workdir(config('  image: 127.0.0.1:9/none/app:1')), { mode: 'deploy', provider: 'fly' }, node));
    expect(line).toMatch(/FLY_API_TOKEN/);
    expect(line).not.toMatch(/127\.0\.0\.1:9/);
  });
  it('an input provider this action does not deploy to names the input and lists the providers', async () => {
    expect(oneErrorLine(await plan(workdir(config('')), { provider: 'runpod' }, node))).toMatch(
      /input provider.*runpod.*Fix: use one of docker, fly/,
    );
  });
  it('a bad input value names the input', async () => {
    expect(oneErrorLine(await plan(workdir(config('')), { mode: 'yolo' }, node))).toMatch(/input mode/);
  });
});

/** The 33 upstream files, with ghcr.io and Docker Hub pointed at the loopback registry. */
describe('YAML merge keys (issue 20 class 9): what is written under <<: is what is planned', () => {
  const merged = (image: string) =>
    [
      'version: "3.0"', // 1
      'name: merge-demo', // 2
      'x-common: &common', // 3
      '  provider: docker', // 4
      `  image: ${image}`, // 5
      'deployment:', // 6
      '  <<: *common', // 7
      '  distro: ubuntu', // 8
      'extensions:', // 9
      '  profile: minimal', // 10
      '',
    ].join('\n');

  it('the image under the merge key is pinned and rendered, never the default; << is not an unknown key', async () => {
    const r = await plan(workdir(merged(`${REPO}:1.0.0`)));
    expect(r.code, r.stdout).toBe(0);
    expect(r.outputs['image-source']).toBe('config-image');
    expect(r.outputs.image).toBe(`${REPO}@${digests['1.0.0']}`);
    expect(r.outputs.image).not.toBe(`${REPO}@${digests['latest']}`);
    expect(r.stdout).toContain(`image: ${REPO}@${digests['1.0.0']}`); // the compose file the plan prints
    // the one warning is about the anchor's holder, which Sindri ignores; nothing calls << or deployment's keys unknown
    const warnings = r.stdout.split('\n').filter((l) => l.startsWith('::warning'));
    expect(warnings.map((w) => w.replace(/^::warning [^:]*::/, '').split(':')[0])).toEqual(['x-common']);
  });

  it('a bad value under the merge key is reported at the line it is written on (the anchored mapping)', async () => {
    const line = oneErrorLine(await plan(workdir(merged(`${REPO}:9.9.9`))));
    expect(line).toMatch(/^::error file=sindri\.yaml,line=5,col=10::sindri\.yaml:5:10: deployment\.image: .*MANIFEST_UNKNOWN/);
  });
});

describe('plan over all 33 upstream sindri.yaml files', () => {
  const dir = join(import.meta.dirname, '..', 'fixtures', 'sindri-examples');
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
  const LOCAL = `${REGISTRY_ANON}/upstream-${RUN_ID}`;
  const localise = (text: string) => localiseRefs(text, LOCAL);

  beforeAll(async () => {
    const texts = files.map((f) => localise(readFileSync(join(dir, f), 'utf8')));
    await pushReferenced(
      texts,
      ['3.0.0', '3.1.0', 'latest'].map((t) => `${LOCAL}/pacphi/sindri:${t}`),
    );
    expect(files).toHaveLength(33);
  });

  it.each(files)('%s: exit 0, or one clear line for a provider this action does not deploy to', async (f) => {
    const text = localise(readFileSync(join(dir, f), 'utf8'));
    const provider = /^\s*provider:\s*([\w-]+)/m.exec(text)![1]!;
    const r = await plan(workdir(text), { 'default-image': `${LOCAL}/pacphi/sindri:latest` }, '24');
    if (['runpod', 'northflank'].includes(provider)) {
      expect(oneErrorLine(r)).toMatch(new RegExp(`provider "${provider}".*Fix: .*input provider`));
    } else {
      expect(r.code, r.stdout).toBe(0);
      expect(r.outputs.image).toMatch(new RegExp(`^${LOCAL.replace(/\./g, '\\.')}/.+@sha256:[a-f0-9]{64}$`));
    }
    const again = await plan(workdir(text), { provider: 'docker', 'default-image': `${LOCAL}/pacphi/sindri:latest` }, '24');
    expect(again.code, again.stdout).toBe(0);
    expect(again.outputs.provider).toBe('docker');
    expect(again.outputs['image-digest']).toMatch(/^sha256:[a-f0-9]{64}$/);
  });
});

describe('outputs name and deployed-name: the config name, and the name the provider gives the deployment', () => {
  const EXAMPLES = join(import.meta.dirname, '..', '..', 'examples');
  it.each(readdirSync(EXAMPLES).sort())('examples/%s with name-suffix pr-7', async (example) => {
    const text = readFileSync(join(EXAMPLES, example, 'sindri.yaml'), 'utf8');
    const name = /^name:\s*(\S+)/m.exec(text)![1]!;
    const r = await plan(workdir(text), { 'name-suffix': 'pr-7', 'pin-digest': 'false', verify: 'false' });
    expect(r.code, r.stdout).toBe(0);
    expect(r.outputs.provider).toBe(example);
    expect(r.outputs.name).toBe(name);
    // every provider appends the suffix as given; the summary says it too
    expect(r.outputs['deployed-name']).toBe(`${name}-pr-7`);
    expect(JSON.parse(r.outputs.result!)['deployed-name']).toBe(`${name}-pr-7`);
    expect(r.summary).toContain(`| deployed as | \`${name}-pr-7\` |`);
  });

  it('a name too long for a DNS label is shortened, never the suffix (kubernetes)', async () => {
    const long = `k${'x'.repeat(70)}`;
    const r = await plan(workdir(config('  image: example.org/app:1', long).replace('provider: docker', 'provider: kubernetes')), {
      'name-suffix': 'pr-7',
      'pin-digest': 'false',
    });
    expect(r.code, r.stdout).toBe(0);
    expect(r.outputs.name).toBe(long);
    // the name is cut and followed by a hash of the whole name, so two long names never collide
    const deployed = r.outputs['deployed-name']!;
    expect(deployed.length).toBe(63);
    expect(deployed).toMatch(/^kx+-[a-z0-9]+-pr-7$/);
    expect(long.startsWith(deployed.replace(/-[a-z0-9]+-pr-7$/, ''))).toBe(true);
    const other = await plan(
      workdir(config('  image: example.org/app:1', `${long}y`).replace('provider: docker', 'provider: kubernetes')),
      {
        'name-suffix': 'pr-7',
        'pin-digest': 'false',
      },
    );
    expect(other.code, other.stdout).toBe(0);
    expect(other.outputs['deployed-name']).not.toBe(deployed);
  });

  it('an upper-case suffix is refused with the lower-case spelling to use, before any provider work', async () => {
    const r = await plan(workdir(config('  image: example.org/app:1')), { 'name-suffix': 'PR-7', 'pin-digest': 'false' });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('input name-suffix');
    expect(r.stdout).toContain('name-suffix: pr-7');
    expect(r.stdout).not.toMatch(/\n\s+at /);
  });
});
