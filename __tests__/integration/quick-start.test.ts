/**
 * The README's quick start as far as it runs here (issue 22): its `sindri.yaml`, its signing step
 * (docs/examples/sign-and-deploy.yml, step `sign`, run by bash as the runner runs it) and its deploy
 * step's inputs, through `node dist/index.js` on the REAL Docker engine, registry and cosign. Keyless
 * signing needs Fulcio, Rekor and GitHub's OIDC token, none of which exist here, so `cosign` is wrapped
 * to sign with a key (`--key`, `--tlog-upload=false`) and the action verifies with that key
 * (`cosign-key`, `verify-tlog: false`) instead of the step's `certificate-identity`; the identity the
 * step computes is checked as a regular expression. Everything else is the example's own text: the
 * provenance predicate, the attestation type, the inputs.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cleanEnv, ROOT, runAction } from '../support/action.js';
import { cleanup, containersByName, imagesOf, pushTestBase, removeLabelledImages, requireServices, uniqueName } from '../support/docker.js';
import { acceptedIdentities } from '../support/identity.js';
import { RUN_ID } from '../support/registry.js';

const COSIGN = '/usr/local/bin/cosign';
const ns = uniqueName('wbqs');
const suffix = `qs-${RUN_ID}`.slice(0, 30);
const WORKFLOW_REF = 'acme/my.app/.github/workflows/sign-and-deploy.yml@refs/heads/main';
const SHA = '0123456789abcdef0123456789abcdef01234567';

interface Step {
  id?: string;
  uses?: string;
  run?: string;
  with?: Record<string, string | boolean>;
}
const example = parse(readFileSync(join(ROOT, 'docs', 'examples', 'sign-and-deploy.yml'), 'utf8')) as {
  jobs: Record<string, { env: Record<string, string>; steps: Step[] }>;
};
const job = Object.values(example.jobs)[0]!;
const signStep = job.steps.find((s) => s.id === 'sign')!;
const deployStep = job.steps.find((s) => s.uses?.startsWith('sindri/deploy-action@'))!;

/** The README's quick-start sindri.yaml (the first sindri.yaml block after "## Quick start"). */
function quickStartConfig(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const from = readme.indexOf('## Quick start');
  return /```yaml sindri\.yaml\n([\s\S]*?)```/.exec(readme.slice(from))![1]!;
}

let work: string;
let repo: string;
let digest: string;
let name: string;

beforeAll(async () => {
  await requireServices();
  work = mkdtempSync(join(tmpdir(), 'wb-quick-start-'));
  const r = spawnSync(COSIGN, ['generate-key-pair'], { cwd: work, env: { ...cleanEnv(), COSIGN_PASSWORD: '' }, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`cosign generate-key-pair: ${r.stderr}`);
  // cosign as the step calls it, plus a key instead of keyless and no transparency log (offline)
  writeFileSync(
    join(work, 'cosign'),
    `#!/usr/bin/env bash\nsub=$1; shift\nexec ${COSIGN} "$sub" --key "${join(work, 'cosign.key')}" --tlog-upload=false "$@"\n`,
  );
  chmodSync(join(work, 'cosign'), 0o755);
  const pushed = await pushTestBase(`${ns}/app`, ns);
  repo = pushed.repo;
  digest = pushed.digest;
}, 180_000);

afterAll(async () => {
  if (name) await cleanup({ containers: [name], projects: [`sindri-${name}`], volumes: [`${name}_home`] });
  if (repo) await cleanup({ images: await imagesOf(repo) });
  await removeLabelledImages(ns);
  if (work) rmSync(work, { recursive: true, force: true });
}, 120_000);

describe('README quick start: sign, attest, deploy verified (real engine, registry, cosign; key instead of keyless)', () => {
  it('the signing step signs and attests the digest, and outputs an anchored identity for this workflow only', () => {
    const out = join(work, 'github-output');
    writeFileSync(out, '');
    const r = spawnSync('bash', ['-eo', 'pipefail', '-c', signStep.run!], {
      cwd: work,
      encoding: 'utf8',
      env: {
        ...cleanEnv(),
        PATH: `${work}:${process.env.PATH}`,
        COSIGN_PASSWORD: '',
        IMAGE: repo,
        DIGEST: digest,
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_REPOSITORY: 'acme/my.app',
        GITHUB_WORKFLOW_REF: WORKFLOW_REF,
        GITHUB_REF: 'refs/heads/main',
        GITHUB_SHA: SHA,
        GITHUB_RUN_ID: '42',
        GITHUB_RUN_ATTEMPT: '1',
        RUNNER_ENVIRONMENT: 'github-hosted',
        RUNNER_TEMP: work,
        GITHUB_OUTPUT: out,
      },
    });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    const identity = /^identity=(.*)$/m.exec(readFileSync(out, 'utf8'))![1]!;
    expect(identity).toBe('^https://github\\.com/acme/my\\.app/\\.github/workflows/sign-and-deploy\\.yml@refs/heads/main$');
    const own = `https://github.com/${WORKFLOW_REF}`;
    const accepted = acceptedIdentities(identity, [
      own,
      'https://github.com/acme/my.app-fork/.github/workflows/sign-and-deploy.yml@refs/heads/main',
      'https://github.com/acme/myXapp/.github/workflows/sign-and-deploy.yml@refs/heads/main',
      'https://github.com/acme/my.app/.github/workflows/other.yml@refs/heads/main',
      'https://github.com/acme/my.app/.github/workflows/sign-and-deploy.yml@refs/heads/main-evil',
    ]);
    expect(accepted).toEqual([own]);
  }, 120_000);

  it("the deploy step's inputs with the README's sindri.yaml: signature+provenance verified, deployed, then destroyed", async () => {
    // the step's with:, its expressions given the values the workflow would give them
    const values: Record<string, string> = {
      '${{ env.IMAGE }}': repo,
      '${{ steps.build.outputs.digest }}': digest,
    };
    const inputs: Record<string, string> = {};
    for (const [k, v] of Object.entries(deployStep.with!)) {
      if (k === 'certificate-identity') continue; // keyless: replaced by the key below
      const value = typeof v === 'string' && v.includes('${{') ? values[v] : String(v);
      expect(value, `with.${k}: ${String(v)}`).toBeDefined();
      inputs[k] = value!;
    }
    expect(inputs).toEqual({ image: repo, 'image-digest': digest, verify: 'true' });
    const dir = mkdtempSync(join(work, 'repo-'));
    // this engine has no bridge network (CONTEXT): host networking, as examples/docker uses
    writeFileSync(join(dir, 'sindri.yaml'), `${quickStartConfig()}providers:\n  docker:\n    network: host\n`);
    const common = { 'cosign-key': join(work, 'cosign.pub'), 'verify-tlog': 'false', 'name-suffix': suffix };
    const r = await runAction({ inputs: { ...inputs, ...common }, cwd: dir, node: '24', timeoutMs: 240_000 });
    expect(r.code, r.stdout).toBe(0);
    name = r.outputs['deployed-name']!;
    expect(name).toBe(`my-app-${suffix}`);
    expect(r.outputs).toMatchObject({ image: `${repo}@${digest}`, 'image-source': 'input-digest', verified: 'signature+provenance' });
    expect(JSON.parse(r.outputs.result!).verification).toMatchObject({
      builder: 'https://github.com/actions/runner/github-hosted',
      source: 'https://github.com/acme/my.app',
      commit: SHA,
      predicateType: 'https://slsa.dev/provenance/v1',
    });
    expect((await containersByName(name)).map((c) => c.state)).toEqual(['running']);

    const d = await runAction({ inputs: { mode: 'destroy', 'name-suffix': suffix }, cwd: dir, node: '24', timeoutMs: 120_000 });
    expect(d.code, d.stdout).toBe(0);
    expect(d.outputs['deployed-name']).toBe(name);
    expect(await containersByName(name)).toEqual([]);
  }, 300_000);
});
