/**
 * Issue 11 through the action itself (`node dist/index.js` on Node 24, the action's runtime) with the Docker provider,
 * the REAL cosign (/usr/local/bin/cosign) and the REAL registries (127.0.0.1:5000 anonymous, :5001
 * htpasswd). Keys are generated here (`cosign generate-key-pair`), images signed with `cosign sign
 * --key … --tlog-upload=false` and attested with `cosign attest --type slsaprovenance1|slsaprovenance02
 * --tlog-upload=false`; the action verifies with `verify-tlog: false` (offline: no Rekor here).
 * Keyless trust material cannot be made offline: that path is the contract test in
 * verify-keyless-contract.test.ts.
 */
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import bundled from '../../src/tools/catalog.json' with { type: 'json' };
import { isVersionProbe } from '../support/fakes.js';
import { exec } from '../support/exec.js';
import { runAction, type ActionRun } from '../support/action.js';
import {
  buildImage,
  cleanup,
  containerInspect,
  containersByName,
  imagesOf,
  pushImage,
  pushTestBase,
  REGISTRY,
  registryDigest,
  removeLabelledImages,
  requireServices,
  testDockerfile,
  uniqueName,
} from '../support/docker.js';
import { pushImage as pushSynthetic, REGISTRY_BASIC, TEST_PASS, TEST_USER } from '../support/registry.js';
import { sha256, startToolMirror } from '../support/tool-mirror.js';

const COSIGN = '/usr/local/bin/cosign';
const ns = uniqueName('vfy');
const names: string[] = [];
const dirs: string[] = [];
let keys: string;
let key: string; // the public key the images are signed with (a path)
let otherKey: string; // a public key that signed nothing
let repo: string;
const digests: Record<'signed' | 'attested' | 'v02' | 'unsigned', string> = { signed: '', attested: '', v02: '', unsigned: '' };

/** SLSA v1 predicate in the shape actions/attest-build-provenance writes (GitHub Actions build type). */
const PREDICATE_V1 = {
  buildDefinition: {
    buildType: 'https://actions.github.io/buildtypes/workflow/v1',
    externalParameters: {
      workflow: { ref: 'refs/heads/main', repository: 'https://github.com/acme/app', path: '.github/workflows/build.yml' },
    },
    internalParameters: {},
    resolvedDependencies: [
      { uri: 'git+https://github.com/acme/app@refs/heads/main', digest: { gitCommit: '0123456789abcdef0123456789abcdef01234567' } },
    ],
  },
  runDetails: {
    builder: { id: 'https://github.com/actions/runner/github-hosted' },
    metadata: { invocationId: 'https://github.com/acme/app/actions/runs/1/attempts/1' },
  },
};
/** SLSA v0.2 predicate (slsa-github-generator shape). */
const PREDICATE_V02 = {
  builder: {
    id: 'https://github.com/slsa-framework/slsa-github-generator/.github/workflows/generator_container_slsa3.yml@refs/tags/v2.0.0',
  },
  buildType: 'https://github.com/slsa-framework/slsa-github-generator/container@v1',
  invocation: {
    configSource: {
      uri: 'git+https://github.com/acme/legacy@refs/heads/main',
      digest: { sha1: 'fedcba9876543210fedcba9876543210fedcba98' },
      entryPoint: '.github/workflows/release.yml',
    },
  },
  materials: [{ uri: 'git+https://github.com/acme/legacy@refs/heads/main', digest: { sha1: 'fedcba9876543210fedcba9876543210fedcba98' } }],
};

async function cosign(args: string[], env: Record<string, string> = {}): Promise<void> {
  const r = await exec(COSIGN, args, {
    cwd: keys,
    env: { COSIGN_PASSWORD: 'test-password', ...env },
    allowFailure: true,
    timeoutMs: 60_000,
  });
  if (r.code !== 0) throw new Error(`cosign ${args.join(' ')} failed (${r.code}): ${r.stderr}`);
}
const sign = (ref: string, env?: Record<string, string>) =>
  cosign(['sign', '--key', 'cosign.key', '--tlog-upload=false', '--yes', ref], env);
async function attest(ref: string, type: string, predicate: object): Promise<void> {
  const file = join(keys, `${type}.json`);
  writeFileSync(file, JSON.stringify(predicate));
  await cosign(['attest', '--key', 'cosign.key', '--type', type, '--predicate', file, '--tlog-upload=false', '--yes', ref]);
}

function workdir(name: string, deployment = ''): string {
  const dir = mkdtempSync(join(tmpdir(), 'verify-action-'));
  dirs.push(dir);
  writeFileSync(
    join(dir, 'sindri.yaml'),
    `version: "3.0"\nname: ${name}\ndeployment:\n  provider: docker\n${deployment}\nextensions:\n  profile: minimal\nproviders:\n  docker:\n    network: host\n`,
  );
  return dir;
}

function newName(what: string): string {
  const n = `${ns}-${what}`;
  names.push(n);
  return n;
}

function act(dir: string, inputs: Record<string, string>, node: '24', env: Record<string, string> = {}): Promise<ActionRun> {
  return runAction({ inputs: { timeout: '3m', 'verify-tlog': 'false', ...inputs }, cwd: dir, node, env, timeoutMs: 240_000 });
}

const result = (r: ActionRun) => JSON.parse(r.outputs.result!) as Record<string, unknown> & { verification?: Record<string, string> };
const errorLines = (r: ActionRun) => r.stdout.split('\n').filter((l) => l.startsWith('::error'));
/** the cosign commands the action ran, without the tool installer's `cosign version` probe */
const cosignCalls = (r: ActionRun) => r.stdout.split('\n').filter((l) => /^\$ \S*cosign /.test(l) && !/^\$ \S*cosign version$/.test(l));

interface SpiedCall {
  argv: string[];
  /** mode of the file named by --key, when it is a file */
  keyMode?: number;
  dockerConfig?: string;
  /** mode of $DOCKER_CONFIG/config.json and the registries it holds (never the values) */
  dockerConfigMode?: number;
  dockerConfigRegistries?: string[];
}

/**
 * A `cosign` first on PATH that records what the action hands the real cosign (argv, the modes of the
 * key file and of $DOCKER_CONFIG/config.json) and optionally re-points a tag first (PUT of a stored
 * manifest), then runs /usr/local/bin/cosign with the same argv and environment.
 */
function cosignSpy(moveTag?: { url: string; manifest: string }): { env: Record<string, string>; calls(): SpiedCall[] } {
  const bin = mkdtempSync(join(tmpdir(), 'verify-spy-'));
  dirs.push(bin);
  const log = join(bin, 'calls.jsonl');
  const manifestFile = join(bin, 'manifest.json');
  if (moveTag) writeFileSync(manifestFile, moveTag.manifest);
  const script = [
    '#!/usr/bin/env node',
    "const fs = require('node:fs');",
    "const path = require('node:path');",
    "const { spawnSync } = require('node:child_process');",
    '(async () => {',
    '  const argv = process.argv.slice(2);',
    '  const call = { argv };',
    "  const k = argv.indexOf('--key');",
    '  if (k >= 0 && fs.existsSync(argv[k + 1])) call.keyMode = fs.statSync(argv[k + 1]).mode & 0o777;',
    '  const dc = process.env.DOCKER_CONFIG;',
    "  if (dc && fs.existsSync(path.join(dc, 'config.json'))) {",
    '    call.dockerConfig = dc;',
    "    call.dockerConfigMode = fs.statSync(path.join(dc, 'config.json')).mode & 0o777;",
    "    call.dockerConfigRegistries = Object.keys(JSON.parse(fs.readFileSync(path.join(dc, 'config.json'), 'utf8')).auths || {});",
    '  }',
    `  fs.appendFileSync(${JSON.stringify(log)}, JSON.stringify(call) + '\\n');`,
    moveTag
      ? `  await fetch(${JSON.stringify(moveTag.url)}, { method: 'PUT', headers: { 'content-type': 'application/vnd.docker.distribution.manifest.v2+json' }, body: fs.readFileSync(${JSON.stringify(manifestFile)}) });`
      : '',
    `  const r = spawnSync(${JSON.stringify(COSIGN)}, argv, { stdio: 'inherit' });`,
    '  process.exit(r.status ?? 1);',
    '})();',
    '',
  ].join('\n');
  writeFileSync(join(bin, 'cosign'), script);
  chmodSync(join(bin, 'cosign'), 0o755);
  return {
    env: { PATH: `${bin}:${process.env.PATH}` },
    calls: () =>
      existsSync(log)
        ? readFileSync(log, 'utf8')
            .split('\n')
            .filter(Boolean)
            .map((l) => JSON.parse(l) as SpiedCall)
            .filter((c) => !isVersionProbe(c))
        : [],
  };
}

beforeAll(async () => {
  await requireServices();
  if (!existsSync(COSIGN)) throw new Error(`${COSIGN} is required for these tests (installed by scripts/ci-services.sh)`);
  keys = mkdtempSync(join(tmpdir(), 'verify-keys-'));
  await cosign(['generate-key-pair']);
  await cosign(['generate-key-pair', '--output-key-prefix', 'other']);
  key = join(keys, 'cosign.pub');
  otherKey = join(keys, 'other.pub');
  const base = await pushTestBase(`${ns}/base`, ns);
  for (const variant of Object.keys(digests) as (keyof typeof digests)[]) {
    await buildImage(`${ns}-app:${variant}`, testDockerfile(base.ref, { extra: `LABEL variant=${variant}` }));
    const pushed = await pushImage(`${ns}-app:${variant}`, `${ns}/app`, variant);
    digests[variant] = pushed.digest;
    repo = pushed.repo;
    await cleanup({ images: [`${ns}-app:${variant}`, pushed.ref] });
  }
  await cleanup({ images: [base.ref] });
  await sign(`${repo}@${digests.signed}`);
  await sign(`${repo}@${digests.attested}`);
  await attest(`${repo}@${digests.attested}`, 'slsaprovenance1', PREDICATE_V1);
  await sign(`${repo}@${digests.v02}`);
  await attest(`${repo}@${digests.v02}`, 'slsaprovenance02', PREDICATE_V02);
}, 240_000);

afterAll(async () => {
  await cleanup({ containers: names, projects: names.map((n) => `sindri-${n}`), volumes: names.map((n) => `${n}_home`) });
  await cleanup({ images: [...(await imagesOf(`${REGISTRY}/${ns}/app`)), ...(await imagesOf(`${REGISTRY}/${ns}/base`))] });
  await removeLabelledImages(ns);
  for (const d of [...dirs, keys]) if (d) rmSync(d, { recursive: true, force: true });
}, 180_000);

describe('verify then deploy: key-based, real cosign, real registry', () => {
  it('signed image (Node 24): verifies the pinned digest, deploys it, verified=signature', async () => {
    const name = newName('signed');
    const r = await act(workdir(name), { image: `${repo}:signed`, 'cosign-key': key }, '24');
    expect(r.code, r.stdout).toBe(0);
    const ref = `${repo}@${digests.signed}`;
    expect(r.outputs).toMatchObject({ image: ref, verified: 'signature' });
    // cosign ran once, on the digest: never on the tag
    expect(cosignCalls(r)).toEqual([`$ ${COSIGN} verify --key ${key} --insecure-ignore-tlog=true --output json ${ref}`]);
    expect((await containerInspect(name))?.Config.Image).toBe(ref);
    const res = result(r);
    expect(res.verification).toMatchObject({ ref, policy: `signature, key ${key}, tlog off (verify-tlog: false)` });
    expect(r.summary).toMatch(/\| verified \| signature \|/);
    expect(r.summary).toContain('tlog off (verify-tlog: false)');
    const order = r.stdout.indexOf('::group::Verify image');
    expect(order).toBeGreaterThan(r.stdout.indexOf('::group::Resolve image'));
    expect(order).toBeLessThan(r.stdout.indexOf('::group::Deploy (docker)'));
  });

  it('signed + SLSA v1 attestation (Node 24): signature+provenance, builder, source and commit in result and summary', async () => {
    const name = newName('attested');
    const dir = workdir(name, `  image_config:\n    registry: ${repo}\n    tag_override: attested`);
    const r = await act(dir, { 'cosign-key': key }, '24');
    expect(r.code, r.stdout).toBe(0);
    const ref = `${repo}@${digests.attested}`;
    expect(r.outputs).toMatchObject({ image: ref, 'image-source': 'config-tag', verified: 'signature+provenance' });
    expect(result(r).verification).toMatchObject({
      ref,
      builder: PREDICATE_V1.runDetails.builder.id,
      source: 'https://github.com/acme/app',
      commit: '0123456789abcdef0123456789abcdef01234567',
      predicateType: 'https://slsa.dev/provenance/v1',
    });
    expect(cosignCalls(r).map((l) => l.split(' ').slice(1, 4).join(' '))).toEqual([
      `${COSIGN} verify --key`,
      `${COSIGN} verify-attestation --type`,
    ]);
    expect(r.summary).toContain('`https://github.com/actions/runner/github-hosted`');
    expect((await containerInspect(name))?.Config.Image).toBe(ref);
  });

  it('SLSA v0.2 attestation only (Node 24): falls back from slsaprovenance1 to slsaprovenance02', async () => {
    const name = newName('v02');
    const dir = workdir(name, `  image_config:\n    registry: ${repo}\n    tag_override: v02`);
    const r = await act(dir, { 'cosign-key': key, mode: 'plan' }, '24');
    expect(r.code, r.stdout).toBe(0);
    expect(r.outputs.verified).toBe('signature+provenance');
    expect(
      cosignCalls(r)
        .map((l) => /--type (\S+)/.exec(l)?.[1])
        .filter(Boolean),
    ).toEqual(['slsaprovenance1', 'slsaprovenance02']);
    expect(result(r).verification).toMatchObject({
      builder: PREDICATE_V02.builder.id,
      source: 'git+https://github.com/acme/legacy@refs/heads/main',
      commit: 'fedcba9876543210fedcba9876543210fedcba98',
    });
  });

  it('unsigned image (Node 24): one line naming the digest and the policy, nothing deployed', async () => {
    const name = newName('unsigned');
    const r = await act(workdir(name), { image: `${repo}:unsigned`, 'cosign-key': key }, '24');
    expect(r.code).toBe(1);
    const errors = errorLines(r);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(`${repo}@${digests.unsigned} failed verification (policy: signature, key ${key}`);
    expect(errors[0]).toMatch(/no signatures found.*Fix: sign the image/);
    expect(r.outputs.image).toBe(`${repo}@${digests.unsigned}`);
    expect(r.outputs.verified).toBe('none');
    expect(await containersByName(name)).toEqual([]);
    expect(r.stdout).not.toMatch(/\$ docker (pull|compose)/);
  });

  it('unreachable registry (Node 24): the line names the digest and says to check the registry', async () => {
    const name = newName('unreachable');
    const unreachable = `127.0.0.1:1/${ns}/app`; // loopback, nothing listens
    const r = await act(
      workdir(name),
      { image: unreachable, 'image-digest': digests.signed, 'pin-digest': 'false', 'cosign-key': key },
      '24',
    );
    expect(r.code).toBe(1);
    expect(errorLines(r)).toHaveLength(1);
    expect(errorLines(r)[0]).toMatch(
      new RegExp(
        `${unreachable}@${digests.signed} failed verification .*connection refused.*Fix: check that the runner reaches the registry`,
      ),
    );
    expect(await containersByName(name)).toEqual([]);
  });

  it('wrong key (Node 24): fails, nothing deployed', async () => {
    const name = newName('wrongkey');
    const r = await act(workdir(name), { image: `${repo}:signed`, 'cosign-key': otherKey }, '24');
    expect(r.code).toBe(1);
    expect(errorLines(r)).toHaveLength(1);
    expect(errorLines(r)[0]).toMatch(new RegExp(`${repo}@${digests.signed} failed verification .*key ${otherKey}.*Fix: check cosign-key`));
    expect(await containersByName(name)).toEqual([]);
  });

  it('attestation missing while image_config requires provenance (Node 24): fails after the signature passed', async () => {
    const name = newName('noprov');
    const dir = workdir(name, `  image_config:\n    registry: ${repo}\n    tag_override: signed`);
    const r = await act(dir, { 'cosign-key': key }, '24');
    expect(r.code).toBe(1);
    // what was looked for, each kind named: cosign's attestation, a Sigstore bundle referrer, GitHub's API (ADR 0036)
    expect(errorLines(r)[0]).toMatch(
      /failed verification \(policy: signature\+provenance.*\): provenance: no signed SLSA provenance \(no cosign SLSA attestation \(cosign: no matching attestations\); no SLSA Sigstore bundle attached as an OCI referrer; GitHub's attestations API not asked \(no github-token\)\)/,
    );
    expect(errorLines(r)[0]).toContain('verify_provenance: false');
    expect(cosignCalls(r).map((l) => l.split(' ')[2])).toEqual(['verify', 'verify-attestation']); // none attached: no other type tried
    expect(await containersByName(name)).toEqual([]);
  });

  it('the PEM value itself as cosign-key (Node 24): written to a 0600 file for cosign, removed after, never in argv', async () => {
    const pem = readFileSync(key, 'utf8');
    const spy = cosignSpy();
    const r = await act(
      workdir(newName('pem')),
      { image: `${repo}:attested`, 'cosign-key': pem, mode: 'plan', verify: 'true' },
      '24',
      spy.env,
    );
    expect(r.code, r.stdout).toBe(0);
    expect(r.outputs.verified).toBe('signature');
    const keyFile = /--key (\S+)/.exec(cosignCalls(r)[0]!)?.[1];
    expect(keyFile).toMatch(/sindri-verify-[^/]+\/cosign\.pub$/);
    expect(spy.calls().map((c) => c.keyMode)).toEqual([0o600]);
    expect(existsSync(keyFile!)).toBe(false);
    expect(r.stdout).not.toContain('BEGIN PUBLIC KEY');
    expect(r.summary).toContain('key (PEM from input cosign-key)');
  });
});

describe('verify then deploy: the tag moves between resolution and deploy', () => {
  it('(Node 24) the container runs the digest that was verified, equal to the image output', async () => {
    const name = newName('moved');
    // point `moving` at the signed image; a wrapper around the real cosign re-points it at the
    // unsigned image the moment verification starts (after resolution, before deploy)
    const signed = `${repo}@${digests.signed}`;
    const manifest = await (
      await fetch(`http://${REGISTRY}/v2/${ns}/app/manifests/unsigned`, {
        headers: { accept: 'application/vnd.docker.distribution.manifest.v2+json' },
      })
    ).text();
    const signedManifest = await (
      await fetch(`http://${REGISTRY}/v2/${ns}/app/manifests/signed`, {
        headers: { accept: 'application/vnd.docker.distribution.manifest.v2+json' },
      })
    ).text();
    const put = (body: string) =>
      fetch(`http://${REGISTRY}/v2/${ns}/app/manifests/moving`, {
        method: 'PUT',
        headers: { 'content-type': 'application/vnd.docker.distribution.manifest.v2+json' },
        body,
      });
    expect((await put(signedManifest)).status).toBe(201);
    expect(await registryDigest(`${ns}/app`, 'moving')).toBe(digests.signed);
    const spy = cosignSpy({ url: `http://${REGISTRY}/v2/${ns}/app/manifests/moving`, manifest });
    const r = await act(workdir(name), { image: `${repo}:moving`, 'cosign-key': key }, '24', spy.env);
    expect(spy.calls()).toHaveLength(1);
    expect(r.code, r.stdout).toBe(0);
    expect(await registryDigest(`${ns}/app`, 'moving')).toBe(digests.unsigned); // the tag did move
    expect(r.outputs).toMatchObject({ image: signed, 'image-digest': digests.signed, verified: 'signature' });
    expect(cosignCalls(r)[0]).toMatch(new RegExp(`verify .* ${signed}$`));
    expect((await containerInspect(name))?.Config.Image).toBe(signed);
  });
});

describe('verify: warn, verify: false, plan, Dockerfile-only, cosign missing', () => {
  it('verify: warn (Node 24): an unsigned image is deployed with a warning naming the digest; verified=none', async () => {
    const name = newName('warn');
    const r = await act(workdir(name), { image: `${repo}:unsigned`, 'cosign-key': key, verify: 'warn' }, '24');
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toMatch(
      new RegExp(`::warning::${repo}@${digests.unsigned} failed verification .*no signatures found.*deploying anyway`),
    );
    expect(r.outputs.verified).toBe('none');
    expect(result(r).verification?.note).toMatch(/not verified: no signatures found/);
    expect((await containerInspect(name))?.Config.Image).toBe(`${repo}@${digests.unsigned}`);
  });

  it('verify: warn (Node 24, plan) with provenance missing: verified=signature, what did pass', async () => {
    const dir = workdir(newName('warnprov'), `  image_config:\n    registry: ${repo}\n    tag_override: signed`);
    const r = await act(dir, { mode: 'plan', verify: 'warn', 'cosign-key': key }, '24');
    expect(r.code, r.stdout).toBe(0);
    expect(r.outputs.verified).toBe('signature');
    expect(r.stdout).toMatch(/::warning::.*failed verification .*provenance: no signed SLSA provenance .*verify: warn: deploying anyway/);
  });

  it('verify: false (Node 24): cosign never runs, the summary says verification was skipped', async () => {
    const name = newName('off');
    const dir = workdir(name, `  image_config:\n    registry: ${repo}\n    tag_override: unsigned`);
    const r = await act(dir, { verify: 'false', 'cosign-key': key }, '24');
    expect(r.code, r.stdout).toBe(0);
    expect(cosignCalls(r)).toEqual([]);
    expect(r.outputs.verified).toBe('none');
    expect(r.summary).toMatch(/\| verification \| verify: false: verification skipped \|/);
    expect(result(r).trace).toContainEqual({
      rule: 0,
      source: 'verify',
      outcome: 'skipped',
      reason: 'verify: false: verification skipped',
    });
    expect((await containerInspect(name))?.Config.Image).toBe(`${repo}@${digests.unsigned}`);
  });

  it('plan (Node 24): verification runs (read-only); a failure is a warning that a deploy would stop; nothing is deployed', async () => {
    const name = newName('plan');
    const dir = workdir(name, `  image_config:\n    registry: ${repo}\n    tag_override: attested`);
    const ok = await act(dir, { mode: 'plan', 'cosign-key': key }, '24');
    expect(ok.code, ok.stdout).toBe(0);
    expect(ok.outputs.verified).toBe('signature+provenance');
    expect(cosignCalls(ok)).toHaveLength(2);
    const bad = await act(
      workdir(name, `  image_config:\n    registry: ${repo}\n    tag_override: unsigned`),
      { mode: 'plan', 'cosign-key': key },
      '24',
    );
    expect(bad.code, bad.stdout).toBe(0);
    expect(bad.stdout).toMatch(
      new RegExp(
        `::warning::${repo}@${digests.unsigned} failed verification .*no signatures found: no SLSA Sigstore bundle attached as an OCI referrer; .* \\(plan: a deploy would stop here\\. Fix: sign the image`,
      ),
    );
    expect(bad.outputs.verified).toBe('none');
    expect(result(bad).verification?.note).toBe(
      "not verified: no signatures found: no SLSA Sigstore bundle attached as an OCI referrer; GitHub's attestations API not asked (no github-token)",
    );
    expect(bad.summary).toContain('<details><summary>file <code>sindri-compose.yml</code></summary>'); // the rest of the plan is still shown
    expect(bad.outputs.changed).toBe('true');
    // fail-on-verify: the same plan is shown in full, then the step fails with the line a deploy would stop on (ADR 0035)
    const gate = await act(
      workdir(name, `  image_config:\n    registry: ${repo}\n    tag_override: unsigned`),
      { mode: 'plan', 'cosign-key': key, 'fail-on-verify': 'true' },
      '24',
    );
    expect(gate.code, gate.stdout).toBe(1);
    const errors = gate.stdout.split('\n').filter((l) => l.startsWith('::error'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /failed verification .*no signatures found.*\(fail-on-verify: a deploy would stop here\)\. Fix: sign the image/,
    );
    expect(gate.stdout.indexOf(`+ create container ${name}`)).toBeGreaterThan(-1);
    expect(gate.stdout.indexOf(`+ create container ${name}`)).toBeLessThan(gate.stdout.indexOf('::error'));
    expect(gate.outputs).toMatchObject({ changed: 'true', changes: '1' });
    expect(gate.summary).toMatch(/```diff\n\+ create container /);
    expect(await containersByName(name)).toEqual([]);
  });

  it('Dockerfile-only config (Node 24): verify: true fails with the fix; verify: auto says there is nothing to verify', async () => {
    const name = newName('built');
    const dir = workdir(name);
    writeFileSync(join(dir, 'Dockerfile'), testDockerfile('scratch'));
    const strict = await act(dir, { verify: 'true', 'cosign-key': key }, '24');
    expect(strict.code).toBe(1);
    expect(errorLines(strict)).toHaveLength(1);
    expect(errorLines(strict)[0]).toMatch(
      /verify: true, but the image is built here from Dockerfile.*Fix: build, push and sign the image in CI.*image-digest/,
    );
    expect(strict.stdout).not.toMatch(/\$ docker (buildx )?build/);
    const plan = await act(dir, { mode: 'plan', 'cosign-key': key }, '24');
    expect(plan.code, plan.stdout).toBe(0);
    expect(plan.outputs.verified).toBe('none');
    expect(result(plan).trace).toContainEqual({
      rule: 0,
      source: 'verify',
      outcome: 'skipped',
      reason: 'built locally from Dockerfile (rule 8): nothing to verify',
    });
    expect(cosignCalls(plan)).toEqual([]);
  });

  it('cosign not on PATH, verify: auto asked only by cosign-key: installed like every tool, then it verifies and the deploy goes on', async () => {
    const name = newName('nocosign');
    const path = '/usr/bin:/bin'; // docker is here, cosign is in /usr/local/bin
    expect(existsSync('/usr/bin/cosign') || existsSync('/bin/cosign')).toBe(false);
    // a loopback mirror serves the real cosign where the catalog's URL points; a catalog copy pins its sha256
    const mirror = await startToolMirror();
    try {
      const binary = readFileSync(COSIGN);
      const catalog = structuredClone(bundled) as {
        tools: Record<string, { default: string; versions: Record<string, Record<string, unknown>> }>;
      };
      const version = catalog.tools.cosign!.default;
      catalog.tools.cosign!.versions[version]!['linux-x64'] = { sha256: sha256(binary) };
      const catalogFile = join(keys, 'catalog.json');
      writeFileSync(catalogFile, JSON.stringify(catalog));
      const download = `/sigstore/cosign/releases/download/v${version}/cosign-linux-amd64`;
      mirror.serve(download, binary);
      const r = await act(workdir(name), { image: `${repo}:signed`, 'cosign-key': key, 'tool-mirror': mirror.url }, '24', {
        PATH: path,
        SINDRI_TOOL_CATALOG: catalogFile,
      });
      expect(r.code, r.stdout).toBe(0);
      expect(mirror.requests).toEqual([download]);
      const installed = (result(r).tools as { name: string; source: string; path: string }[]).find((t) => t.name === 'cosign');
      expect(installed).toMatchObject({ source: 'download', version });
      const ref = `${repo}@${digests.signed}`;
      expect(cosignCalls(r)).toEqual([`$ ${installed!.path} verify --key ${key} --insecure-ignore-tlog=true --output json ${ref}`]);
      expect(r.outputs.verified).toBe('signature');
      expect((await containerInspect(name))?.Config.Image).toBe(ref);
    } finally {
      await mirror.close();
    }
    // a plan installs nothing: cosign would be downloaded, and the verification it cannot run is a warning
    const plan = await act(workdir(name), { image: `${repo}:signed`, 'cosign-key': key, verify: 'warn', mode: 'plan' }, '24', {
      PATH: path,
    });
    expect(plan.code, plan.stdout).toBe(0);
    expect((result(plan).tools as { name: string; source: string }[]).find((t) => t.name === 'cosign')).toMatchObject({
      source: 'download',
    });
    expect(plan.stdout).toMatch(/::warning::.*cosign is not on PATH/);
  });
});

describe('verify then deploy: a private registry (htpasswd, 127.0.0.1:5001)', () => {
  it('(Node 24) cosign gets the credentials from registry-username/password through a 0600 DOCKER_CONFIG, never argv', async () => {
    const repository = `${ns}/private`;
    const img = await pushSynthetic({ host: REGISTRY_BASIC, repository, auth: { username: TEST_USER, password: TEST_PASS } }, 'v1', {
      seed: ns,
    });
    const ref = `${REGISTRY_BASIC}/${repository}@${img.digest}`;
    const cfg = mkdtempSync(join(tmpdir(), 'verify-dockercfg-'));
    dirs.push(cfg);
    writeFileSync(
      join(cfg, 'config.json'),
      JSON.stringify({ auths: { [REGISTRY_BASIC]: { auth: Buffer.from(`${TEST_USER}:${TEST_PASS}`).toString('base64') } } }),
    );
    await sign(ref, { DOCKER_CONFIG: cfg });
    const empty = mkdtempSync(join(tmpdir(), 'verify-nodockercfg-'));
    dirs.push(empty);
    const inputs = { image: `${REGISTRY_BASIC}/${repository}:v1`, 'cosign-key': key, mode: 'plan' };
    const spy = cosignSpy();
    const r = await act(workdir(newName('private')), { ...inputs, 'registry-username': TEST_USER, 'registry-password': TEST_PASS }, '24', {
      DOCKER_CONFIG: empty,
      ...spy.env,
    });
    expect(r.code, r.stdout).toBe(0);
    expect(r.outputs).toMatchObject({ image: ref, verified: 'signature' });
    expect(r.stdout).toContain(`cosign uses the registry credentials of input registry-username/registry-password for ${REGISTRY_BASIC}`);
    expect(cosignCalls(r).join('\n')).not.toContain(TEST_PASS);
    const [call] = spy.calls();
    expect(call).toMatchObject({ dockerConfigMode: 0o600, dockerConfigRegistries: [REGISTRY_BASIC] });
    expect(call!.dockerConfig).not.toBe(empty);
    expect(call!.argv.join(' ')).not.toContain(TEST_PASS);
    expect(existsSync(call!.dockerConfig!)).toBe(false); // removed after
    // without credentials the registry refuses cosign: a deploy stops with a line naming the digest and what to fix
    const anon = await act(
      workdir(newName('private-anon')),
      { ...inputs, mode: 'deploy', 'image-digest': img.digest, image: `${REGISTRY_BASIC}/${repository}`, 'pin-digest': 'false' },
      '24',
      {
        DOCKER_CONFIG: empty,
      },
    );
    expect(anon.code).toBe(1);
    expect(errorLines(anon)).toHaveLength(1);
    expect(errorLines(anon)[0]).toContain(`${ref} failed verification`);
    expect(errorLines(anon)[0]).toMatch(/Fix: check that the runner reaches the registry and has credentials/);
  });
});
