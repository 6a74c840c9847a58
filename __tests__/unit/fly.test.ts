/**
 * Provider fly, pure parts: fly.toml for every upstream example whose provider is fly, parsed back
 * with smol-toml; the stdin of `flyctl secrets import` against flyctl's own parser (ported line for
 * line in the contract stand-in); which secrets are staged; the skip rule; flySteps argv; flyctl's
 * error lines turned into a message and a fix.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { parse } from 'smol-toml';
import { afterAll, describe, expect, it } from 'vitest';
import { flyctlFailure, flyctlFix, flyctlMessage, type FlyStatus } from '../../src/external/flyctl.js';
import { loadConfig, loadConfigText } from '../../src/config/load.js';
import type { SindriConfig } from '../../src/config/types.js';
import { ActionError } from '../../src/errors.js';
import { requireFlyToken, runningImage, runsAlready } from '../../src/providers/fly/provider.js';
import { copyNote, flyCopy, flySteps, flyTarget } from '../../src/providers/fly/steps.js';
import type { ImageDecision } from '../../src/image/types.js';
import {
  encodeSecretsImport,
  formatFingerprints,
  parseFingerprints,
  secretFingerprint,
  secretsToStage,
  SECRET_FINGERPRINTS_ENV,
  TOML_HASH_ENV,
} from '../../src/providers/fly/secrets.js';
import { isOurToml, renderFlyToml } from '../../src/providers/fly/fly-toml.js';
import { flyAppName, flySettings } from '../../src/providers/fly/settings.js';
import { buildDecision, pinnedDecision } from '../support/docker.js';
import { unrecognizedFlyTomlKeys } from '../support/fly-toml-keys.js';
import { testInputs } from '../support/inputs.js';
import { runParts } from '../support/exec.js';

const { parseSecrets } = createRequire(import.meta.url)('../support/fakes/flyctl.cjs') as {
  parseSecrets: (text: string) => Record<string, string>;
};

const examples = resolve(__dirname, '../fixtures/sindri-examples');
const tmp: string[] = [];
afterAll(() => tmp.forEach((d) => rmSync(d, { recursive: true, force: true })));

function configFrom(yaml: string, dir = mkdtempSync(join(tmpdir(), 'fly-unit-'))): SindriConfig {
  tmp.push(dir);
  const path = join(dir, 'sindri.yaml');
  writeFileSync(path, yaml);
  return loadConfigText(yaml, { file: 'sindri.yaml', path, dir, schema: false }).config;
}

const flyYaml = (fly: string, deployment = '') =>
  `version: "3.0"\nname: unit-app\ndeployment:\n  provider: fly\n${deployment}extensions:\n  profile: minimal\nproviders:\n  fly:\n${fly}`;

describe('fly.toml for the upstream examples whose provider is fly', () => {
  const files = readdirSync(examples).filter((f) => /fly/.test(f));
  const flyFiles: string[] = [];
  for (const f of files) {
    const text = readFileSync(join(examples, f), 'utf8');
    if (/^\s*provider:\s*fly\s*$/m.test(text)) flyFiles.push(f);
  }

  it('finds every one of them (fly-basic and the three examples-integration/fly files)', () => {
    expect(flyFiles.sort()).toEqual([
      'examples-integration__fly__minimal.sindri.yaml',
      'examples-integration__fly__production.sindri.yaml',
      'examples-integration__fly__team-autosuspend.sindri.yaml',
      'examples__fly-basic.yaml',
    ]);
  });

  it.each(flyFiles)('%s: rendered, parsed back, every key from the config', async (file) => {
    const { config } = await loadConfig({ workdir: examples, config: file });
    expect(config.deployment.provider).toBe('fly');
    const raw = (config.raw.providers as { fly: Record<string, unknown> }).fly;
    const settings = flySettings(config);
    const secretNames = config.secrets.filter((s) => s.source === 'env').map((s) => s.name);
    const app = flyAppName(settings, 'pr-7');
    const rendered = renderFlyToml({ config, settings, app, secretNames });
    expect(isOurToml(rendered.text)).toBe(true);
    const doc = parse(rendered.text) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(doc).toEqual(JSON.parse(JSON.stringify(rendered.doc)));
    // every key is one flyctl reads (flyctl deploy drops any other without a word)
    expect(unrecognizedFlyTomlKeys(doc)).toEqual([]);
    expect(doc.services[0].tcp_checks, 'the sshd service is checked by Fly').toHaveLength(1);

    expect(doc.app).toBe(`${config.name}-pr-7`);
    expect(doc.app).toMatch(/^[a-z0-9][a-z0-9-]{0,62}$/);
    expect(doc.primary_region).toBe(raw.region);
    // [env]: the Sindri contract variables, never a secret
    expect(doc.env).toMatchObject({ INSTALL_PROFILE: config.extensions.profile ?? '', SSH_PORT: '2222', INIT_WORKSPACE: 'true' });
    expect(doc.env.SKIP_AUTO_INSTALL).toBe(String(!config.extensions.auto_install));
    for (const s of secretNames) expect(Object.keys(doc.env)).not.toContain(s);
    for (const v of Object.values(doc.env)) expect(typeof v).toBe('string');
    // [[mounts]]: the home volume, sized from volumes.workspace.size (default 10GB)
    const sizeGb = Number(/^(\d+)GB$/.exec(config.deployment.volumes.workspace?.size ?? '10GB')![1]);
    expect(doc.mounts).toEqual([
      expect.objectContaining({ source: 'home_data', destination: '/alt/home/developer', initial_size: `${sizeGb}gb` }),
    ]);
    // [[services]]: sshd 2222 exposed on sshPort (default 10022), auto-stop as configured
    expect(doc.services).toHaveLength(1);
    expect(doc.services[0]).toMatchObject({
      protocol: 'tcp',
      internal_port: 2222,
      ports: [{ port: raw.sshPort ?? 10022 }],
      auto_stop_machines: raw.autoStopMachines === false ? 'off' : 'suspend',
      auto_start_machines: raw.autoStartMachines !== false,
    });
    // [[vm]]: resources.memory (MB), cpus, cpuKind; swap max(mem/2, 2048)
    const memGb = Number(/^(\d+)GB$/.exec(config.deployment.resources.memory ?? '2GB')![1]);
    expect(doc.vm).toEqual([
      { cpu_kind: raw.cpuKind ?? 'shared', cpus: config.deployment.resources.cpus ?? 2, memory: `${memGb * 1024}mb` },
    ]);
    expect(doc.swap_size_mb).toBe(Math.max((memGb * 1024) / 2, 2048));
    expect(doc.deploy).toEqual({ strategy: 'rolling' });
    expect(doc).not.toHaveProperty('build'); // the image comes with --image, the Dockerfile with --dockerfile
  });

  it('resources.gpu.enabled is refused at its line (Fly no longer offers GPU machines), for every tier and type; disabled passes', () => {
    for (const gpu of ['tier: gpu-small', 'tier: gpu-xlarge', 'type: amd', 'count: 2']) {
      const config = configFrom(flyYaml('    region: ord\n', `  resources:\n    gpu:\n      enabled: true\n      ${gpu}\n`));
      let err: unknown;
      try {
        renderFlyToml({ config, settings: flySettings(config), app: 'a', secretNames: [] });
      } catch (e) {
        err = e;
      }
      expect(err, gpu).toBeInstanceOf(ActionError);
      expect((err as ActionError).message).toMatch(/Fly\.io no longer offers GPU machines/);
      expect((err as ActionError).where).toMatchObject({ file: 'sindri.yaml', field: 'deployment.resources.gpu.enabled' });
    }
    const off = configFrom(flyYaml('    region: ord\n', '  resources:\n    gpu:\n      enabled: false\n'));
    const doc = parse(renderFlyToml({ config: off, settings: flySettings(off), app: 'a', secretNames: [] }).text) as { vm: object[] };
    expect(doc.vm).toEqual([{ cpu_kind: 'shared', cpus: 2, memory: '2048mb' }]);
  });

  it('bad providers.fly values fail with the field and line', () => {
    const config = configFrom(flyYaml('    region: ord\n    sshPort: 22\n'));
    let err: unknown;
    try {
      flySettings(config);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ActionError);
    expect((err as ActionError).where).toMatchObject({ file: 'sindri.yaml', field: 'providers.fly.sshPort', line: 10 });
  });

  it('app names: providers.fly.name wins, cut to 63 characters with the suffix kept whole', () => {
    const named = configFrom(flyYaml('    name: team-app\n'));
    expect(flyAppName(flySettings(named), 'pr-7')).toBe('team-app-pr-7');
    expect(() => flySettings(configFrom(flyYaml('    name: Team_App\n')))).toThrow(/invalid name "Team_App"/);
    const long = configFrom(`version: "3.0"\nname: ${'a'.repeat(70)}\ndeployment:\n  provider: fly\nextensions: {}\n`);
    const app = flyAppName(flySettings(long), 'pr-12345');
    expect(app).toHaveLength(63);
    expect(app.endsWith('-pr-12345')).toBe(true);
  });
});

describe('secrets import stdin, read back by flyctl parser.go', () => {
  it('tricky values come back unchanged', () => {
    const values = new Map([
      ['PLAIN', 'abc'],
      ['QUOTED', '"quoted"'],
      ['SINGLE', "'single'"],
      ['SPACES', '  lead and trail  '],
      ['HASH', 'a # not a comment'],
      ['EQUALS', 'k=v=w'],
      ['MULTI', 'line one\nline "two"\n\nlast'],
      ['PEM', '-----BEGIN KEY-----\nAAAA\n-----END KEY-----\n'],
      ['TRIPLE', 'x"""y'],
    ]);
    expect(parseSecrets(encodeSecretsImport(values, 'sindri.yaml'))).toEqual(Object.fromEntries(values));
  });

  it('any value it accepts is read back exactly (property)', () => {
    const value = fc.string({
      unit: fc.constantFrom('a', 'Z', '0', ' ', '#', '"', "'", '=', '\n', '\\', '$', 'é'),
      minLength: 1,
      maxLength: 24,
    });
    fc.assert(
      fc.property(value, (v) => {
        let text: string;
        try {
          text = encodeSecretsImport(new Map([['S', v]]), 'sindri.yaml');
        } catch (e) {
          expect((e as ActionError).message).toMatch(/^secret S cannot be handed to flyctl secrets import/);
          expect((e as ActionError).message).not.toContain(v.length > 2 ? v : '\u0000');
          return;
        }
        expect(parseSecrets(text)).toEqual({ S: v });
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses what flyctl would change, naming the secret and never its value', () => {
    for (const v of ['a\r\nb', 'x"#y', 'one\nmid"""\nend']) {
      expect(() => encodeSecretsImport(new Map([['BAD', v]]), 'sindri.yaml')).toThrow(/secret BAD cannot be handed/);
    }
  });
});

describe('which secrets are staged', () => {
  const token = 'fly-token';
  const values = new Map([
    ['A', 'one'],
    ['B', 'two'],
  ]);
  const recorded = (digests: Record<string, string>) =>
    parseFingerprints(
      formatFingerprints(new Map([...values].map(([n, v]) => [n, { hmac: secretFingerprint(token, n, v), digest: digests[n]! }]))),
    );

  it('all on a new app; none when Fly digests and values are what was recorded', () => {
    expect(secretsToStage(values, token, new Map(), new Map())).toEqual(['A', 'B']);
    const digests = { A: 'd1', B: 'd2' };
    expect(secretsToStage(values, token, new Map(Object.entries(digests)), recorded(digests))).toEqual([]);
  });

  it('a changed value, or a digest changed behind our back, is staged again', () => {
    const digests = { A: 'd1', B: 'd2' };
    const changed = new Map([...values, ['B', 'three']]);
    expect(secretsToStage(changed, token, new Map(Object.entries(digests)), recorded(digests))).toEqual(['B']);
    expect(secretsToStage(values, token, new Map(Object.entries({ A: 'dX', B: 'd2' })), recorded(digests))).toEqual(['A']);
    expect(secretsToStage(values, 'another-token', new Map(Object.entries(digests)), recorded(digests))).toEqual(['A', 'B']);
  });

  it('the fingerprint is a keyed HMAC: it holds neither the value nor a plain hash of it', () => {
    const fp = secretFingerprint(token, 'A', 'one');
    expect(fp).toMatch(/^[0-9a-f]{32}$/);
    expect(fp).not.toBe(secretFingerprint('other', 'A', 'one'));
  });
});

describe('skip rule and flySteps', () => {
  const digest = `sha256:${'a'.repeat(64)}`;
  const status = (machines: FlyStatus['Machines']): FlyStatus => ({
    Name: 'a',
    Deployed: true,
    Status: 'deployed',
    Hostname: 'a.fly.dev',
    Version: 3,
    Machines: machines,
  });
  const machine = (state: string, d: string, hash: string) => ({
    id: 'm1',
    state,
    image_ref: { digest: d },
    config: { image: `r/x@${d}`, env: { [TOML_HASH_ENV]: hash } as Record<string, string>, metadata: { fly_process_group: 'app' } },
  });

  it('skips only when every machine is settled on this digest and fly.toml', () => {
    expect(runsAlready(status([machine('started', digest, 'h')]), digest, 'h', undefined)).toBe(true);
    expect(runsAlready(status([machine('suspended', digest, 'h')]), digest, 'h', undefined)).toBe(true);
    expect(runsAlready(status([machine('started', digest, 'h'), machine('failed', digest, 'h')]), digest, 'h', undefined)).toBe(false);
    expect(runsAlready(status([machine('started', digest, 'other')]), digest, 'h', undefined)).toBe(false);
    expect(runsAlready(status([machine('started', `sha256:${'b'.repeat(64)}`, 'h')]), digest, 'h', undefined)).toBe(false);
    expect(runsAlready(status([]), digest, 'h', undefined)).toBe(false);
    expect(runsAlready(undefined, digest, 'h', undefined)).toBe(false);
    const withSecrets = machine('started', digest, 'h');
    withSecrets.config.env[SECRET_FINGERPRINTS_ENV] = 'A:x:y';
    expect(runsAlready(status([withSecrets]), digest, 'h', 'A:x:y')).toBe(true);
    expect(runsAlready(status([withSecrets]), digest, 'h', 'A:x:z')).toBe(false);
  });

  it('the Dockerfile is passed relative to the build context; fly.toml lives beside sindri.yaml', () => {
    const root = mkdtempSync(join(tmpdir(), 'fly-steps-'));
    tmp.push(root);
    mkdirSync(join(root, 'infra'));
    const config = configFrom(flyYaml('    region: ord\n'), join(root, 'infra'));
    const ctx = {
      inputs: testInputs({ provider: 'fly', ...runParts(), force: true, 'build-args': { V: '1' } }),
      config,
      provider: 'fly' as const,
      ...runParts(),
      workdir: root,
      image: buildDecision('unit-app', 'v3/Dockerfile', 'abc1234'),
    };
    const steps = flySteps(ctx, flyTarget(ctx, []), { waitSeconds: 60 });
    expect(steps.target.tomlPath).toBe('infra/fly.toml');
    expect(steps.deploy).toMatchObject({ config: 'infra/fly.toml', dockerfile: 'v3/Dockerfile', noCache: true, imageLabel: 'abc1234' });
    expect(steps.cwd).toBe(root);
    const deploy = steps.commands.find((c) => c.argv[1] === 'deploy')!;
    expect(deploy.argv).toEqual(
      expect.arrayContaining(['--dockerfile', 'v3/Dockerfile', '--no-cache', '--build-arg', 'V=1', '--remote-only']),
    );
    expect(deploy.argv).not.toContain('--image');
    expect(steps.commands.map((c) => c.argv.slice(1, 3).join(' '))).toContain('image show');
    // Fly's remote builder takes no BuildKit cache or secret from the runner: the plan says so, flyctl gets none
    const withBuildKit = { ...ctx, inputs: { ...ctx.inputs, 'build-secrets': [{ id: 'NPM_TOKEN', value: 'fly-never' }] } };
    const remote = flySteps(withBuildKit, flyTarget(withBuildKit, []), { waitSeconds: 60 });
    expect(remote.notes).toContain('build-secrets is not used: Fly’s remote builder builds the image, with its own cache');
    expect(JSON.stringify(remote.commands)).not.toMatch(/fly-never|NPM_TOKEN/);

    const prebuiltCtx = { ...ctx, image: pinnedDecision('ghcr.io/o/x', '1', `sha256:${'c'.repeat(64)}`, 'input-digest') };
    const prebuilt = flySteps(prebuiltCtx, flyTarget(prebuiltCtx, []), { appExists: true, volumePresent: true, waitSeconds: 60 });
    expect(prebuilt.cwd).toBe(join(root, 'infra'));
    const argv = prebuilt.commands.find((c) => c.argv[1] === 'deploy')!.argv;
    expect(argv).toEqual(expect.arrayContaining(['--image', `ghcr.io/o/x@sha256:${'c'.repeat(64)}`, '--config', 'fly.toml']));
    expect(argv).not.toContain('--dockerfile');
    expect(argv).not.toContain('--no-cache');
    expect(prebuilt.commands.map((c) => c.argv.slice(1, 3).join(' '))).not.toEqual(expect.arrayContaining(['apps create']));
    expect(prebuilt.commands.some((c) => c.argv[1] === 'volumes' && c.argv[2] === 'create')).toBe(false);
  });

  it('a token from FLY_ACCESS_TOKEN (flyctl reads it first) or FLY_API_TOKEN; none → the one-line error', () => {
    expect(requireFlyToken({ FLY_API_TOKEN: 'api-token' })).toEqual({ name: 'FLY_API_TOKEN', value: 'api-token' });
    expect(requireFlyToken({ FLY_API_TOKEN: 'a1', FLY_ACCESS_TOKEN: 'b22' }).name).toBe('FLY_ACCESS_TOKEN');
    expect(() => requireFlyToken({ FLY_API_TOKEN: '  ' })).toThrow(/FLY_API_TOKEN \(or FLY_ACCESS_TOKEN\) is not set/);
  });
});

describe("a private image is copied to Fly's registry (issue 26)", () => {
  const digest = `sha256:${'e'.repeat(64)}`;
  const ctxWith = (access: ImageDecision['access'], build = false) => {
    const config = configFrom(flyYaml('    region: ord\n'));
    const image = build ? buildDecision('unit-app', 'Dockerfile', 'abc1234') : pinnedDecision('ghcr.io/o/x', '1', digest, 'input-digest');
    return {
      inputs: testInputs({ provider: 'fly', ...runParts() }),
      config,
      provider: 'fly' as const,
      ...runParts(),
      workdir: config.dir,
      image: { ...image, ...(access && { access }) },
    };
  };
  const deployArgv = (steps: ReturnType<typeof flySteps>) => steps.commands.find((c) => c.argv[1] === 'deploy')!;

  it('private → the plan says so and deploys <FLY_REGISTRY_HOST>/<app>@<the same digest>; registry.fly.io by default', () => {
    const ctx = ctxWith({ private: true, credentials: 'input github-token' });
    const target = flyTarget(ctx, [], { FLY_REGISTRY_HOST: '127.0.0.1:5004' });
    expect(target.copy).toEqual({
      from: `ghcr.io/o/x@${digest}`,
      registry: '127.0.0.1:5004',
      repository: 'unit-app',
      reference: `127.0.0.1:5004/unit-app@${digest}`,
      credentials: 'input github-token',
    });
    const steps = flySteps(ctx, target, { waitSeconds: 60 });
    const deploy = deployArgv(steps);
    expect(deploy.argv).toEqual(expect.arrayContaining(['--image', `127.0.0.1:5004/unit-app@${digest}`]));
    expect(deploy.why).toBe(
      `a rolling release of 127.0.0.1:5004/unit-app@${digest}, copied from ghcr.io/o/x@${digest}: no build, no builder`,
    );
    expect(steps.notes).toContain(copyNote(target.copy!));
    expect(copyNote(target.copy!)).toMatch(
      /^ghcr\.io\/o\/x@sha256:e+ is private \(opened with input github-token\).*byte for byte to 127\.0\.0\.1:5004\/unit-app/,
    );
    expect(flyTarget(ctx, [], {}).copy?.reference).toBe(`registry.fly.io/unit-app@${digest}`);
  });

  it('public, unknown (not pinned) or built → no copy, the image as it is; a bad FLY_REGISTRY_HOST fails only a private run', () => {
    for (const ctx of [ctxWith({ private: false }), ctxWith(undefined)]) {
      const target = flyTarget(ctx, [], { FLY_REGISTRY_HOST: 'https://x/' });
      expect(target.copy).toBeUndefined();
      expect(deployArgv(flySteps(ctx, target, { waitSeconds: 60 })).argv).toEqual(
        expect.arrayContaining(['--image', `ghcr.io/o/x@${digest}`]),
      );
    }
    expect(flyCopy(ctxWith({ private: true }, true).image, 'a', 'registry.fly.io')).toBeUndefined();
    expect(() => flyTarget(ctxWith({ private: true, credentials: 'c' }), [], { FLY_REGISTRY_HOST: 'https://x/' })).toThrow(
      /FLY_REGISTRY_HOST "https:\/\/x\/" is not a registry host/,
    );
  });
});

describe("flyctl's error lines", () => {
  it("take flyctl's Error: line (colours removed) and add the fix for the usual causes", () => {
    const stderr = '\x1b[31mError: \x1b[0morganization acme not found\n\nsome suggestion\n';
    expect(flyctlMessage(stderr)).toBe('organization acme not found');
    expect(flyctlFix('organization acme not found', '')).toMatch(/providers\.fly\.organization/);
    expect(flyctlFix('region xyz not found', '')).toMatch(/providers\.fly\.region/);
    expect(flyctlFix("no access token available. Please login with 'flyctl auth login'", '')).toMatch(/FLY_API_TOKEN/);
    expect(flyctlFix('Name has already been taken', '')).toMatch(/providers\.fly\.name/);
    expect(flyctlFix('something else', 'the fallback')).toBe('the fallback');
    expect(flyctlMessage('', 'last line only\n')).toBe('last line only');
  });
});

describe('what a rollback restores, and a failure that printed nothing', () => {
  const d = `sha256:${'d'.repeat(64)}`;
  const status = (machines: unknown[]) =>
    ({ Name: 'a', Deployed: true, Status: 'deployed', Hostname: '', Version: 1, Machines: machines }) as FlyStatus;

  it('runningImage: registry/repository@digest from image_ref, never a tag; a pinned config.image; else nothing', () => {
    const tagged = {
      id: 'm',
      state: 'started',
      image_ref: { registry: 'registry.fly.io', repository: 'a', tag: 'deployment-X', digest: d },
    };
    expect(runningImage(status([tagged]))).toBe(`registry.fly.io/a@${d}`);
    expect(runningImage(status([{ id: 'm', state: 'started', image_ref: {}, config: { image: `ghcr.io/o/x@${d}` } }]))).toBe(
      `ghcr.io/o/x@${d}`,
    );
    expect(
      runningImage(
        status([{ id: 'm', state: 'started', image_ref: { repository: 'a', tag: 'latest' }, config: { image: 'ghcr.io/o/x:latest' } }]),
      ),
    ).toBe('');
    const releaseCommand = { ...tagged, config: { metadata: { fly_process_group: 'fly_app_release_command' } } };
    expect(runningImage(status([releaseCommand]))).toBe('');
    expect(runningImage(undefined)).toBe('');
  });

  it('flyctlFailure: its own message with a fix; nothing printed says so, 127 as an interrupt, never "output above"', () => {
    expect(flyctlFailure('status', 1, 'You must be authenticated to view this.', 'x').message).toBe(
      'flyctl status failed: You must be authenticated to view this.',
    );
    const silent = flyctlFailure('secrets import', 127, '', "read flyctl's output above");
    expect(silent.message).toBe('flyctl secrets import failed with exit code 127 and printed nothing');
    expect(silent.fix).toMatch(/interrupted/);
    expect(flyctlFailure('secrets import', 2, '', "read flyctl's output above").fix).not.toMatch(/output above/);
  });
});
