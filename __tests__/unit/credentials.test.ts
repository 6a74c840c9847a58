import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActionError } from '../../src/errors.js';
import {
  DOCKER_HUB_CONFIG_KEY,
  configEntryFor,
  configKeyHost,
  credentialChain,
  decodeAuthEntry,
  dockerConfigPath,
  helperServerUrl,
  parseDockerConfig,
  parseHelperOutput,
  type CredentialInputs,
} from '../../src/image/credentials.js';

const b64 = (s: string) => Buffer.from(s).toString('base64');
const NONE: CredentialInputs = { 'registry-username': '', 'registry-password': '', 'github-token': '' };

describe('configKeyHost', () => {
  it.each([
    ['ghcr.io', 'ghcr.io'],
    ['https://ghcr.io', 'ghcr.io'],
    ['https://ghcr.io/v2/', 'ghcr.io'],
    ['http://localhost:5000/v1/', 'localhost:5000'],
    [DOCKER_HUB_CONFIG_KEY, 'index.docker.io'],
    ['Registry.Example.com', 'registry.example.com'],
  ])('%s → %s', (key, host) => expect(configKeyHost(key)).toBe(host));
});

describe('decodeAuthEntry', () => {
  it('decodes auth as base64 user:pass, keeping colons in the password', () => {
    expect(decodeAuthEntry({ auth: b64('me:pa:ss') })).toEqual({ username: 'me', password: 'pa:ss' });
  });
  it('reads username/password fields', () => {
    expect(decodeAuthEntry({ username: 'u', password: 'p' })).toEqual({ username: 'u', password: 'p' });
  });
  it('keeps an identity token, with Docker’s <token> user when none is given', () => {
    expect(decodeAuthEntry({ identitytoken: 'refresh' })).toEqual({ username: '<token>', password: '', identityToken: 'refresh' });
  });
  it('ignores empty entries (what a credsStore leaves in auths)', () => {
    expect(decodeAuthEntry({})).toBeUndefined();
    expect(decodeAuthEntry({ auth: b64('nocolon') })).toBeUndefined();
    expect(decodeAuthEntry(undefined)).toBeUndefined();
  });
});

describe('configEntryFor', () => {
  it('matches Docker Hub under any of its names', () => {
    const cfg = { auths: { [DOCKER_HUB_CONFIG_KEY]: { auth: b64('hub:pw') } } };
    for (const name of ['docker.io', 'index.docker.io', 'registry-1.docker.io']) {
      expect(configEntryFor(cfg, name)).toEqual({ kind: 'inline', key: DOCKER_HUB_CONFIG_KEY, username: 'hub', password: 'pw' });
    }
    expect(configEntryFor({ auths: { 'docker.io': { auth: b64('a:b') } } }, 'docker.io')).toMatchObject({ username: 'a' });
    expect(configEntryFor(cfg, 'ghcr.io')).toEqual({ kind: 'none' });
  });
  it('matches keys written with scheme and path, preferring the exact key', () => {
    const cfg = { auths: { 'https://ghcr.io/v2/': { auth: b64('long:1') }, 'ghcr.io': { auth: b64('exact:2') } } };
    expect(configEntryFor(cfg, 'ghcr.io')).toMatchObject({ username: 'exact', key: 'ghcr.io' });
    expect(configEntryFor({ auths: { 'https://ghcr.io/v2/': { auth: b64('long:1') } } }, 'ghcr.io')).toMatchObject({ username: 'long' });
  });
  it('credHelpers[host] wins over auths, credsStore comes after an inline entry', () => {
    const cfg = {
      credHelpers: { 'ghcr.io': 'gh' },
      credsStore: 'desktop',
      auths: { 'ghcr.io': { auth: b64('a:b') }, 'quay.io': { auth: b64('q:r') } },
    };
    expect(configEntryFor(cfg, 'ghcr.io')).toEqual({ kind: 'helper', helper: 'gh', via: 'credHelpers' });
    expect(configEntryFor(cfg, 'quay.io')).toMatchObject({ kind: 'inline', username: 'q' });
    expect(configEntryFor(cfg, 'example.com')).toEqual({ kind: 'helper', helper: 'desktop', via: 'credsStore' });
  });
  it('survives odd shapes without throwing', () => {
    expect(configEntryFor({ auths: null as never, credHelpers: 'x' as never }, 'ghcr.io')).toEqual({ kind: 'none' });
  });
});

describe('parseHelperOutput / helperServerUrl / parseDockerConfig / dockerConfigPath', () => {
  it('reads Username and Secret; <token> means an identity token', () => {
    expect(parseHelperOutput('{"ServerURL":"ghcr.io","Username":"u","Secret":"s"}')).toEqual({ username: 'u', password: 's' });
    expect(parseHelperOutput('{"Username":"<token>","Secret":"rt"}')).toEqual({ username: '<token>', password: '', identityToken: 'rt' });
    expect(parseHelperOutput('credentials not found in native keychain')).toBeUndefined();
    expect(parseHelperOutput('{"Username":"u","Secret":""}')).toBeUndefined();
  });
  it('asks helpers about Docker Hub by its legacy URL', () => {
    expect(helperServerUrl('docker.io')).toBe(DOCKER_HUB_CONFIG_KEY);
    expect(helperServerUrl('ghcr.io')).toBe('ghcr.io');
  });
  it('names the file when config.json is broken', () => {
    expect(() => parseDockerConfig('{', '/h/.docker/config.json')).toThrow(ActionError);
    expect(() => parseDockerConfig('[]', 'c.json')).toThrow(/not a JSON object/);
  });
  it('honours DOCKER_CONFIG', () => {
    expect(dockerConfigPath({ DOCKER_CONFIG: '/cfg' }, '/home/u')).toBe('/cfg/config.json');
    expect(dockerConfigPath({}, '/home/u')).toBe('/home/u/.docker/config.json');
  });
});

describe('credentialChain', () => {
  let dir: string;
  let file: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'creds-'));
    file = join(dir, 'config.json');
    await writeFile(
      file,
      JSON.stringify({
        auths: { 'ghcr.io': { auth: b64('cfguser:cfgpass') }, 'quay.io': { identitytoken: 'idt' } },
        credHelpers: { 'helped.example': 'fake', 'missing.example': 'absent' },
      }),
    );
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const helper = async (name: string, url: string) =>
    name === 'fake' ? JSON.stringify({ ServerURL: url, Username: 'hu', Secret: 'hs' }) : undefined;

  it('inputs first, for any registry', async () => {
    const c = credentialChain({
      inputs: { 'registry-username': 'me', 'registry-password': 'pw', 'github-token': 'gt' },
      dockerConfigFile: file,
    });
    expect(await c.lookup('ghcr.io')).toEqual({ username: 'me', password: 'pw', source: 'input registry-username/registry-password' });
  });
  it('github-token for ghcr.io only, before the Docker config', async () => {
    const c = credentialChain({ inputs: { ...NONE, 'github-token': 'gt' }, dockerConfigFile: file, githubActor: 'octocat' });
    expect(await c.lookup('GHCR.io')).toEqual({ username: 'octocat', password: 'gt', source: 'input github-token' });
    expect(await c.lookup('quay.io')).toMatchObject({ identityToken: 'idt' });
  });
  it('then the Docker config: inline auth, identity token, helper, missing helper', async () => {
    const c = credentialChain({ inputs: NONE, dockerConfigFile: file, runHelper: helper });
    expect(await c.lookup('ghcr.io')).toEqual({ username: 'cfguser', password: 'cfgpass', source: `${file} (auths["ghcr.io"])` });
    expect(await c.lookup('helped.example')).toEqual({
      username: 'hu',
      password: 'hs',
      source: `docker-credential-fake (${file} credHelpers)`,
    });
    expect(await c.lookup('missing.example')).toBeUndefined();
    expect(await c.lookup('nowhere.example')).toBeUndefined();
  });
  it('no config file: nothing, and no error', async () => {
    const c = credentialChain({ inputs: NONE, dockerConfigFile: join(dir, 'absent.json') });
    expect(await c.lookup('ghcr.io')).toBeUndefined();
    expect(c.hint('ghcr.io')).toContain('github-token');
  });
});
