/**
 * Issue 26 for Docker through the action itself (`node dist/index.js`): a private image on the REAL
 * htpasswd registry (:5001), absent from the REAL engine, is pulled with the login the inputs give
 * (a throw-away DOCKER_CONFIG for that one `docker pull`) and runs by its digest; the password is in
 * no log, output, summary or file of the working directory.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAction } from '../support/action.js';
import {
  buildImage,
  BASE_IMAGE,
  cleanup,
  containerInspect,
  imageInspect,
  removeLabelledImages,
  requireServices,
  testDockerfile,
  uniqueName,
} from '../support/docker.js';
import { exec } from '../support/exec.js';
import { REGISTRY_BASIC, TEST_PASS, TEST_USER } from '../support/registry.js';
import { makeWorkdir } from '../support/workdir.js';

const ns = uniqueName('dkp');
const name = `${ns}-app`;
const repo = `${REGISTRY_BASIC}/${ns}/app`;
const dirs: string[] = [];
let digest: string;

beforeAll(async () => {
  await requireServices();
  const config = mkdtempSync(join(tmpdir(), 'dkp-docker-config-'));
  dirs.push(config);
  const login = await exec('docker', ['--config', config, 'login', REGISTRY_BASIC, '-u', TEST_USER, '--password-stdin'], {
    input: TEST_PASS,
    allowFailure: true,
  });
  expect(login.code, login.stderr).toBe(0);
  await buildImage(`${repo}:1`, testDockerfile(BASE_IMAGE, { extra: `LABEL sindri.test=${ns}` }));
  const pushed = await exec('docker', ['--config', config, 'push', `${repo}:1`]);
  digest = /digest: (sha256:[a-f0-9]{64})/.exec(pushed.stdout)![1]!;
  // not on the engine any more: the action must pull it, with credentials
  await cleanup({ images: [`${repo}:1`] });
}, 180_000);

afterAll(async () => {
  await cleanup({ containers: [name], projects: [`sindri-${name}`], volumes: [`${name}_home`], images: [`${repo}@${digest}`] });
  await removeLabelledImages(ns);
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
}, 120_000);

describe('docker contract: a private image', () => {
  it('pulled with the inputs’ login and run by its digest; the password nowhere', async () => {
    expect(await imageInspect(`${repo}@${digest}`)).toBeUndefined();
    const dir = makeWorkdir(
      'docker-private-',
      dirs,
      `version: "3.0"\nname: ${name}\ndeployment:\n  provider: docker\n  image: ${repo}:1\nextensions:\n  profile: minimal\nproviders:\n  docker:\n    network: host\n`,
    );
    const r = await runAction({
      inputs: { timeout: '2m', 'registry-username': TEST_USER, 'registry-password': TEST_PASS },
      cwd: dir,
      timeoutMs: 240_000,
    });
    expect(r.code, r.stdout).toBe(0);
    expect(JSON.parse(r.outputs.result!).trace.find((t: { source: string }) => t.source === 'access').reason).toBe(
      'private: anonymous pull refused; opened with input registry-username/registry-password',
    );
    const running = await containerInspect(name);
    expect(running?.Config.Image).toBe(`${repo}@${digest}`);
    expect((await imageInspect(running!.Image))!.RepoDigests).toContain(`${repo}@${digest}`);
    expect(r.stdout.replace(/^::add-mask::.*$/gm, '')).not.toContain(TEST_PASS);
    expect(r.stderr).not.toContain(TEST_PASS);
    expect(r.summary).not.toContain(TEST_PASS);
    expect(JSON.stringify(r.outputs)).not.toContain(TEST_PASS);
    for (const f of readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()))
      expect(readFileSync(join(f.parentPath, f.name), 'utf8')).not.toContain(TEST_PASS);
  });
});
