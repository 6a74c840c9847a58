/**
 * Issue 10, the install phase in-process against a loopback tool mirror serving REAL archives built
 * here (tar.gz, zip, raw, an npm tarball): fresh install, cache hit with zero requests, sha256 and
 * integrity mismatch (nothing cached), 404, 5xx then success, checksum files, mirror from input and
 * env, unknown version, PATH at a satisfying version, plan, deadline — and the binary that
 * src/external/exec.ts then runs is the installed one.
 */
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { exec, newExec } from '../support/exec.js';
import { ActionError } from '../../src/errors.js';
import type { ToolName } from '../../src/domain.js';
import { getInputs, type Inputs } from '../../src/inputs.js';
import type { Catalog } from '../../src/tools/catalog.js';
import { installTools } from '../../src/tools/install.js';
import { which } from '../../src/tools/which.js';
import { buildArchive, buildNpmPackage, integrity, sha256, standIn, startToolMirror, type ToolMirror } from '../support/tool-mirror.js';

const ORIGIN = 'https://tools.example.invalid';
let mirror: ToolMirror;
let root: string;
let cache: string;
let temp: string;
let mark: string;
const savedPath = process.env.PATH;
const g = globalThis as Record<string, unknown>;

const paths = {
  kubectl: '/release/v1.32.13/bin/linux/amd64/kubectl',
  flyctl: '/superfly/flyctl/releases/download/v0.4.87/flyctl_0.4.87_Linux_x86_64.tar.gz',
  kind: '/kubernetes-sigs/kind/releases/download/v0.30.0/kind-linux-amd64.zip',
  cosign: '/sigstore/cosign/releases/download/v2.5.3/cosign-linux-amd64',
  cosignSums: '/sigstore/cosign/releases/download/v2.5.3/cosign_checksums.txt',
  e2b: '/@sindri-test/e2b/-/e2b-2.19.0.tgz',
};
const bodies: Record<keyof typeof paths, Buffer> = {} as never;

function catalog(over: { kubectlSha?: string; e2bIntegrity?: string } = {}): Catalog {
  const base = { description: 'test', home: ORIGIN, accept: '', versionArgs: ['version'] };
  return {
    schema: 1,
    tools: {
      kubectl: {
        ...base,
        default: '1.32.13',
        accept: '>=1.31.0 <1.34.0',
        platforms: { 'linux-x64': { url: `${ORIGIN}/release/v{version}/bin/linux/amd64/kubectl`, format: 'raw', path: 'kubectl' } },
        versions: { '1.32.13': { 'linux-x64': { sha256: over.kubectlSha ?? sha256(bodies.kubectl) } }, '1.32.12': {} },
      },
      flyctl: {
        ...base,
        default: '0.4.87',
        accept: '>=0.3.0 <1.0.0',
        platforms: {
          'linux-x64': {
            url: `${ORIGIN}/superfly/flyctl/releases/download/v{version}/flyctl_{version}_Linux_x86_64.tar.gz`,
            format: 'tar.gz',
            path: 'flyctl',
          },
        },
        versions: { '0.4.87': { 'linux-x64': { sha256: sha256(bodies.flyctl) } } },
      },
      kind: {
        ...base,
        default: '0.30.0',
        accept: '>=0.29.0 <1.0.0',
        platforms: {
          'linux-x64': {
            url: `${ORIGIN}/kubernetes-sigs/kind/releases/download/v{version}/kind-linux-amd64.zip`,
            format: 'zip',
            path: 'bin/kind',
          },
        },
        versions: { '0.30.0': { 'linux-x64': { sha256: sha256(bodies.kind) } } },
      },
      cosign: {
        ...base,
        default: '2.5.3',
        accept: '>=2.4.0 <3.0.0',
        platforms: {
          'linux-x64': { url: `${ORIGIN}/sigstore/cosign/releases/download/v{version}/cosign-linux-amd64`, format: 'raw', path: 'cosign' },
        },
        versions: { '2.5.3': { 'linux-x64': { verify: 'checksum-file', checksums: `${ORIGIN}${paths.cosignSums}` } } },
      },
      e2b: {
        ...base,
        default: '2.19.0',
        accept: '^2.19.0',
        versionArgs: ['--version'],
        npm: { package: '@sindri-test/e2b', bin: 'e2b', main: 'cli.js' },
        versions: {
          '2.19.0': { tarball: `https://registry.npmjs.org${paths.e2b}`, integrity: over.e2bIntegrity ?? integrity(bodies.e2b) },
        },
      },
    },
  };
}

function inputs(versions: Partial<Record<ToolName, string>> = {}, toolMirror = mirror.url): Pick<Inputs, 'tool-versions' | 'tool-mirror'> {
  return { 'tool-versions': versions, 'tool-mirror': toolMirror };
}

const install = (
  tools: ToolName[],
  opts: {
    versions?: Partial<Record<ToolName, string>>;
    mode?: 'deploy' | 'plan';
    cat?: Catalog;
    pathEnv?: string;
    toolMirror?: string;
    /** the run's timeout, ms */
    timeoutMs?: number;
  } = {},
) =>
  installTools({
    needs: tools.map((tool) => ({ tool, why: 'test' })),
    inputs: inputs(opts.versions, opts.toolMirror),
    mode: opts.mode ?? 'deploy',
    catalog: opts.cat ?? catalog(),
    platform: 'linux-x64',
    pathEnv: opts.pathEnv ?? '/nonexistent',
    exec: newExec(opts.timeoutMs),
  });

const cached = (tool: string): string[] => (existsSync(join(cache, tool)) ? readdirSync(join(cache, tool)) : []);

beforeAll(async () => {
  mirror = await startToolMirror();
  root = mkdtempSync(join(tmpdir(), 'tools-install-'));
  mark = join(root, 'ran.jsonl');
  bodies.kubectl = Buffer.from(standIn('kubectl', '1.32.13', mark));
  bodies.flyctl = buildArchive('tar.gz', { flyctl: standIn('flyctl', '0.4.87', mark) });
  bodies.kind = buildArchive('zip', { 'bin/kind': standIn('kind', '0.30.0', mark) });
  bodies.cosign = Buffer.from(standIn('cosign', '2.5.3', mark));
  bodies.e2b = buildNpmPackage('@sindri-test/e2b', '2.19.0', 'e2b', standIn('e2b', '2.19.0', mark));
  bodies.cosignSums = Buffer.from(`${'0'.repeat(64)}  _dist/cosign-linux-arm64\n${sha256(bodies.cosign)}  _dist/cosign-linux-amd64\n`);
  for (const [k, p] of Object.entries(paths)) mirror.serve(p, bodies[k as keyof typeof paths]);
});

afterAll(async () => {
  await mirror.close();
  rmSync(root, { recursive: true, force: true });
});

beforeEach(() => {
  cache = mkdtempSync(join(root, 'cache-'));
  temp = mkdtempSync(join(root, 'temp-'));
  vi.stubEnv('RUNNER_TOOL_CACHE', cache);
  vi.stubEnv('RUNNER_TEMP', temp);
  vi.stubEnv('GITHUB_PATH', join(temp, 'github-path'));
  writeFileSync(join(temp, 'github-path'), '');
  // @actions/tool-cache's own hook for its retry backoff (10–20 s by default)
  g.TEST_DOWNLOAD_TOOL_RETRY_MIN_SECONDS = 0;
  g.TEST_DOWNLOAD_TOOL_RETRY_MAX_SECONDS = 0;
  mirror.reset();
  mirror.delayMs = 0;
});

afterEach(() => {
  vi.unstubAllEnvs();
  process.env.PATH = savedPath;
});

describe('tool install from a loopback mirror', () => {
  it('fresh install of a raw binary: one request, cached, on PATH, and the binary exec.ts runs', async () => {
    const [s] = await install(['kubectl']);
    expect(s).toMatchObject({ name: 'kubectl', version: '1.32.13', source: 'download', url: `${mirror.url}${paths.kubectl}` });
    expect(mirror.requests).toEqual([paths.kubectl]);
    expect(s!.path).toBe(join(cache, 'kubectl', '1.32.13', 'x64', 'kubectl'));
    expect(readFileSync(s!.path)).toEqual(bodies.kubectl);
    expect(readFileSync(join(temp, 'github-path'), 'utf8')).toContain(join(cache, 'kubectl', '1.32.13', 'x64'));
    // what a provider's CLI class does: exec by name, found through PATH
    expect(which('kubectl')).toBe(s!.path);
    const r = await exec('kubectl', ['apply', '-f', 'x.yaml']);
    expect(r.stdout.trim()).toBe('kubectl 1.32.13 ran');
    const last = readFileSync(mark, 'utf8').trim().split('\n').pop()!;
    expect(JSON.parse(last)).toEqual({ tool: 'kubectl', bin: s!.path, argv: ['apply', '-f', 'x.yaml'] });
    expect(readdirSync(temp).filter((f) => f !== 'github-path')).toEqual([]); // the download is gone
  });

  it('second run is a cache hit with zero requests', async () => {
    await install(['kubectl', 'flyctl']);
    expect(mirror.requests).toHaveLength(2);
    mirror.reset();
    process.env.PATH = savedPath;
    const again = await install(['kubectl', 'flyctl']);
    expect(mirror.requests).toEqual([]);
    expect(again.map((s) => [s.name, s.source, s.version])).toEqual([
      ['kubectl', 'cache', '1.32.13'],
      ['flyctl', 'cache', '0.4.87'],
    ]);
    expect(which('flyctl')).toBe(join(cache, 'flyctl', '0.4.87', 'x64', 'flyctl'));
  });

  it('tar.gz and zip archives are extracted and the binary inside is used', async () => {
    const [fly, kind] = await install(['flyctl', 'kind']);
    expect(fly!.path).toBe(join(cache, 'flyctl', '0.4.87', 'x64', 'flyctl'));
    expect(kind!.path).toBe(join(cache, 'kind', '0.30.0', 'x64', 'bin', 'kind'));
    expect((await exec(fly!.path, ['version'])).stdout.trim()).toBe('flyctl v0.4.87');
    expect((await exec('kind', ['load', 'docker-image', 'x'])).stdout.trim()).toBe('kind 0.30.0 ran');
  });

  it('a sha256 mismatch fails with both sums and caches nothing', async () => {
    const wrong = 'f'.repeat(64);
    const err = await install(['kubectl'], { cat: catalog({ kubectlSha: wrong }) }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ActionError);
    const line = (err as ActionError).toLine();
    expect(line).toContain(`expected sha256:${wrong}`);
    expect(line).toContain(`got sha256:${sha256(bodies.kubectl)}`);
    expect(line).toContain('nothing was cached');
    expect(cached('kubectl')).toEqual([]);
    expect(readdirSync(temp).filter((f) => f !== 'github-path')).toEqual([]);
    expect(process.env.PATH).not.toContain(cache);
  });

  it('an npm integrity mismatch fails the same way', async () => {
    const wrong = `sha512-${Buffer.alloc(64, 1).toString('base64')}`;
    const err = (await install(['e2b'], { cat: catalog({ e2bIntegrity: wrong }) }).catch((e: unknown) => e)) as ActionError;
    expect(err.toLine()).toContain(`expected ${wrong}, got ${integrity(bodies.e2b)}`);
    expect(cached('e2b')).toEqual([]);
  });

  it('404: one line with the URL (no credentials), no retry', async () => {
    const cat = catalog();
    (cat.tools.kubectl!.versions as Record<string, unknown>)['1.32.12'] = { 'linux-x64': { sha256: 'a'.repeat(64) } };
    const withToken = mirror.url.replace('http://', 'http://ci:s3cr3t-token@');
    const err = (await install(['kubectl'], { versions: { kubectl: '1.32.12' }, cat, toolMirror: withToken }).catch(
      (e: unknown) => e,
    )) as ActionError;
    const line = err.toLine();
    expect(line).toBe(
      `input tool-mirror: download of ${mirror.url}/release/v1.32.12/bin/linux/amd64/kubectl failed: HTTP 404. Fix: check that the mirror serves /release/v1.32.12/bin/linux/amd64/kubectl`,
    );
    expect(line).not.toContain('s3cr3t');
    expect(mirror.requests).toEqual(['/release/v1.32.12/bin/linux/amd64/kubectl']);
    expect(mirror.auth[0]).toBe(`Basic ${Buffer.from('ci:s3cr3t-token').toString('base64')}`);
  });

  it('5xx twice, then the file: tool-cache retries and the install succeeds', async () => {
    mirror.failFirst(paths.kubectl, [503, 502]);
    const [s] = await install(['kubectl']);
    expect(s!.source).toBe('download');
    expect(mirror.requests).toEqual([paths.kubectl, paths.kubectl, paths.kubectl]);
    expect(cached('kubectl')).toEqual(['1.32.13']);
  });

  it('5xx on every attempt: one line saying so, nothing cached', async () => {
    mirror.failFirst(paths.kubectl, [500, 500, 500]);
    const err = (await install(['kubectl']).catch((e: unknown) => e)) as ActionError;
    expect(err.toLine()).toContain(`download of ${mirror.url}${paths.kubectl} failed: HTTP 500 (after 3 attempts)`);
    expect(mirror.requests).toHaveLength(3);
    expect(cached('kubectl')).toEqual([]);
  });

  it('a release checksum file verifies a version without a pinned sha256 (name with a directory)', async () => {
    const [s] = await install(['cosign']);
    expect(s!.source).toBe('download');
    expect(mirror.requests).toEqual([paths.cosign, paths.cosignSums]);
    expect((await exec('cosign', ['verify', 'x'])).stdout.trim()).toBe('cosign 2.5.3 ran');
  });

  it('npm CLI: the tarball checked against the lockfile integrity, installed with npm, cached; then a hit', async () => {
    const [s] = await install(['e2b']);
    expect(s).toMatchObject({ name: 'e2b', version: '2.19.0', source: 'download', url: `${mirror.url}${paths.e2b}` });
    expect(s!.path).toBe(join(cache, 'e2b', '2.19.0', 'x64', 'node_modules', '.bin', 'e2b'));
    expect(mirror.requests).toEqual([paths.e2b]);
    expect((await exec('e2b', ['template', 'list'])).stdout.trim()).toBe('e2b 2.19.0 ran');
    mirror.reset();
    process.env.PATH = savedPath;
    const [hit] = await install(['e2b']);
    expect(hit!.source).toBe('cache');
    expect(mirror.requests).toEqual([]);
  });

  it('unknown version: one line naming the tool, the version and the catalog versions; no request', async () => {
    const err = (await install(['kubectl'], { versions: { kubectl: '1.99.0' } }).catch((e: unknown) => e)) as ActionError;
    expect(err.toLine()).toBe(
      'input kubectl-version: kubectl version "1.99.0" is not in the tool catalog (it has 1.32.13, 1.32.12). Fix: use one of 1.32.13, 1.32.12 (or a range that includes one), put kubectl 1.99.0 on PATH before this step, or add it with npm run tools:update',
    );
    expect(mirror.requests).toEqual([]);
  });

  it('a pinned version already in the tool cache is used even when the catalog no longer lists it', async () => {
    const dir = join(cache, 'kubectl', '1.31.0', 'x64');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'kubectl'), standIn('kubectl', '1.31.0', mark));
    chmodSync(join(dir, 'kubectl'), 0o755);
    writeFileSync(`${dir}.complete`, ''); // tool-cache's marker of a finished entry
    const [s] = await install(['kubectl'], { versions: { kubectl: '1.31.0' } });
    expect(s).toEqual({ name: 'kubectl', version: '1.31.0', source: 'cache', path: join(dir, 'kubectl') });
    expect(mirror.requests).toEqual([]);
    expect((await exec('kubectl', ['get', 'pods'])).stdout.trim()).toBe('kubectl 1.31.0 ran');
  });

  it('a range picks the highest catalog version it allows', async () => {
    const [s] = await install(['kubectl'], { versions: { kubectl: '~1.32.0' }, mode: 'plan' });
    expect(s!.version).toBe('1.32.13');
  });

  it('on PATH at a satisfying version: used as it is, without any request', async () => {
    const bin = join(root, 'path-bin');
    mkdirSync(bin, { recursive: true });
    writeFileSync(join(bin, 'kubectl'), '#!/bin/sh\necho "Client Version: v1.32.4-dispatcher"\n');
    chmodSync(join(bin, 'kubectl'), 0o755);
    const [s] = await install(['kubectl'], { pathEnv: bin });
    expect(s).toEqual({ name: 'kubectl', version: '1.32.4-dispatcher', source: 'path', path: join(bin, 'kubectl') });
    expect(mirror.requests).toEqual([]);
    expect(cached('kubectl')).toEqual([]);
    // a pin it does not satisfy: downloaded instead
    const [pinned] = await install(['kubectl'], { pathEnv: bin, versions: { kubectl: '1.32.13' } });
    expect(pinned!.source).toBe('download');
    expect(mirror.requests).toEqual([paths.kubectl]);
  });

  it('an npm CLI on PATH: its version read from its package.json through the link, without starting it (issue 25)', async () => {
    const pkg = join(root, 'npm-global', 'lib', 'node_modules', '@sindri-test', 'e2b');
    mkdirSync(join(pkg, 'dist'), { recursive: true });
    writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: '@sindri-test/e2b', version: '2.19.0' }));
    writeFileSync(join(pkg, 'dist', 'package.json'), JSON.stringify({ type: 'module' })); // nearer, not the package
    const ran = join(root, 'npm-cli-ran');
    writeFileSync(join(pkg, 'dist', 'cli.js'), `#!/bin/sh\necho ran >> '${ran}'\necho 9.9.9\n`);
    chmodSync(join(pkg, 'dist', 'cli.js'), 0o755);
    const bin = join(root, 'npm-global', 'bin');
    mkdirSync(bin, { recursive: true });
    symlinkSync(join(pkg, 'dist', 'cli.js'), join(bin, 'e2b'));
    const [s] = await install(['e2b'], { pathEnv: bin });
    expect(s).toEqual({ name: 'e2b', version: '2.19.0', source: 'path', path: join(bin, 'e2b') });
    expect(existsSync(ran)).toBe(false);
    // a package of another name (a copy of the script, not the package): the CLI is asked, and its answer counts
    const other = join(root, 'npm-other');
    mkdirSync(other, { recursive: true });
    writeFileSync(join(other, 'package.json'), JSON.stringify({ name: 'something-else', version: '2.19.0' }));
    copyFileSync(join(pkg, 'dist', 'cli.js'), join(other, 'e2b'));
    chmodSync(join(other, 'e2b'), 0o755);
    const [asked] = await install(['e2b'], { pathEnv: other, mode: 'plan' });
    expect(readFileSync(ran, 'utf8')).toBe('ran\n');
    expect(asked!.source).toBe('download'); // 9.9.9 is not ^2.19.0
    expect(mirror.requests).toEqual([]);
  });

  it('plan: says where each tool would come from and installs nothing', async () => {
    const s = await install(['kubectl', 'flyctl', 'cosign'], { mode: 'plan' });
    expect(s.map((t) => [t.name, t.version, t.source, t.url])).toEqual([
      ['kubectl', '1.32.13', 'download', `${mirror.url}${paths.kubectl}`],
      ['flyctl', '0.4.87', 'download', `${mirror.url}${paths.flyctl}`],
      ['cosign', '2.5.3', 'download', `${mirror.url}${paths.cosign}`],
    ]);
    expect(mirror.requests).toEqual([]);
    expect(readdirSync(cache)).toEqual([]);
  });

  it('without a mirror the catalog origin is used (plan shows it)', async () => {
    const [s] = await install(['kubectl'], { mode: 'plan', toolMirror: '' });
    expect(s!.url).toBe(`${ORIGIN}${paths.kubectl}`);
  });

  it('a download respects the run deadline', async () => {
    mirror.delayMs = 3000;
    const started = Date.now();
    const err = (await install(['kubectl'], { timeoutMs: 300 }).catch((e: unknown) => e)) as ActionError;
    expect(err.toLine()).toMatch(/^input timeout: the run's timeout of 0 s ran out before downloading http:\/\/127\.0\.0\.1:\d+\/release/);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(cached('kubectl')).toEqual([]);
  });
});

describe('tool-mirror input and SINDRI_TOOL_MIRROR env', () => {
  it('the input wins, the env is the fallback, credentials are masked, a bad URL is one line', () => {
    vi.stubEnv('SINDRI_TOOL_MIRROR', 'https://env-mirror.example/tools/');
    expect(getInputs()['tool-mirror']).toBe('https://env-mirror.example/tools');
    vi.stubEnv('INPUT_TOOL-MIRROR', 'http://127.0.0.1:9/base');
    expect(getInputs()['tool-mirror']).toBe('http://127.0.0.1:9/base');
    vi.stubEnv('INPUT_TOOL-MIRROR', 'ftp://mirror/x');
    expect(() => getInputs()).toThrow(/^invalid mirror URL "ftp:\/\/mirror\/x"$/);
    vi.stubEnv('INPUT_TOOL-MIRROR', '');
    vi.stubEnv('SINDRI_TOOL_MIRROR', 'not a url');
    try {
      getInputs();
      expect.unreachable();
    } catch (e) {
      expect((e as ActionError).toLine()).toBe(
        'env SINDRI_TOOL_MIRROR: invalid mirror URL "not a url". Fix: give an http(s) base URL without query or fragment, e.g. https://mirror.example.com/tools',
      );
    }
  });

  it('the env mirror is where downloads go', async () => {
    vi.stubEnv('SINDRI_TOOL_MIRROR', mirror.url);
    const [s] = await install(['kubectl'], { toolMirror: getInputs()['tool-mirror'] });
    expect(s!.url).toBe(`${mirror.url}${paths.kubectl}`);
    expect(mirror.requests).toEqual([paths.kubectl]);
  });

  it('<tool>-version must be a version or a range', () => {
    vi.stubEnv('INPUT_KUBECTL-VERSION', 'v1.32.13');
    expect(getInputs()['tool-versions'].kubectl).toBe('1.32.13');
    vi.stubEnv('INPUT_KUBECTL-VERSION', 'latest!');
    expect(() => getInputs()).toThrow('invalid version "latest!"');
  });
});
