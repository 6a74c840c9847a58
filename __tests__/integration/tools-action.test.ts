/**
 * Issue 10 through `node dist/index.js` (the runner's way): `plan` for every provider lists its tools,
 * versions and sources without a request; a docker deploy whose Compose v2 plugin comes from the
 * loopback mirror (catalog override SINDRI_TOOL_CATALOG, mirror from the input) runs with THAT plugin,
 * and the next run with the same RUNNER_TOOL_CACHE is a cache hit with zero requests; bad tool input
 * is one line. Real Docker engine and registry on 127.0.0.1:5000.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import bundled from '../../src/tools/catalog.json' with { type: 'json' };
import { nodeBinary, runAction, type ActionRun } from '../support/action.js';
import { cleanup, containerInspect, pushTestBase, removeLabelledImages, requireServices, uniqueName } from '../support/docker.js';
import { sha256, startToolMirror, type ToolMirror } from '../support/tool-mirror.js';

const REAL_COMPOSE = '/usr/local/lib/docker/cli-plugins/docker-compose';
const ns = uniqueName('tools');
let mirror: ToolMirror;
let root: string;
let base: { ref: string; digest: string; repo: string };
const names: string[] = [];

/** PATH for the action: node and the system, but not node_modules/.bin (so e2b is "not installed") */
function systemPath(node: '20' | '24'): string {
  return [dirname(nodeBinary(node)), '/usr/local/bin', '/usr/bin', '/bin'].join(delimiter);
}

function workdir(provider: string, extra = '', suffix = ''): string {
  const dir = mkdtempSync(join(root, `${provider}-`));
  const name = `${ns}-${provider}${suffix}`;
  names.push(name);
  writeFileSync(
    join(dir, 'sindri.yaml'),
    `version: "3.0"\nname: ${name}\ndeployment:\n  provider: ${provider}\nextensions:\n  profile: minimal\n${extra}`,
  );
  return dir;
}

const tools = (r: ActionRun) =>
  (JSON.parse(r.outputs.result!) as { tools: { name: string; version: string; source: string; url?: string; path: string }[] }).tools;

function oneErrorLine(r: ActionRun): string {
  expect(r.code, r.stdout).toBe(1);
  const errors = r.stdout.split('\n').filter((l) => l.startsWith('::error'));
  expect(errors, r.stdout).toHaveLength(1);
  expect(r.stdout + r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  return errors[0]!;
}

beforeAll(async () => {
  await requireServices();
  mirror = await startToolMirror();
  root = mkdtempSync(join(tmpdir(), 'tools-action-'));
  base = await pushTestBase(`${ns}/base`, ns);
}, 180_000);

afterAll(async () => {
  await cleanup({ containers: names, projects: names.map((n) => `sindri-${n}`), volumes: names.map((n) => `${n}_home`) });
  await removeLabelledImages(ns);
  await mirror?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('plan lists each provider’s tools, versions and sources, and installs nothing', () => {
  const digest = `sha256:${'c'.repeat(64)}`;
  it.each([
    ['docker', { compose: 'path' }],
    ['fly', { flyctl: 'download' }],
    ['devpod', { devpod: 'download' }],
    ['e2b', { e2b: 'download' }],
    ['kubernetes', { kubectl: 'path' }],
  ] as const)('%s', async (provider, expected) => {
    const node = '24';
    const r = await runAction({
      inputs: { mode: 'plan', provider, image: 'ghcr.io/pacphi/sindri', 'image-digest': digest, 'pin-digest': 'false', verify: 'false' },
      // providers.devpod.type is required (ADR 0009)
      cwd: workdir(provider, provider === 'devpod' ? 'providers:\n  devpod:\n    type: docker\n' : ''),
      node,
      env: { PATH: systemPath(node), SINDRI_TOOL_MIRROR: mirror.url },
    });
    expect(r.code, r.stdout).toBe(0);
    const listed = tools(r);
    expect(Object.fromEntries(listed.map((t) => [t.name, t.source]))).toEqual(expected);
    const catalog = bundled.tools as Record<string, { default: string; versions: Record<string, unknown> }>;
    for (const t of listed) {
      if (t.source === 'download') {
        expect(t.version).toBe(catalog[t.name]!.default);
        expect(t.url!.startsWith(`${mirror.url}/`), t.url).toBe(true);
        expect(r.stdout).toContain(`${t.name} ${t.version}: would be downloaded from ${t.url}`);
      } else {
        expect(t.path).toMatch(/^\//);
        expect(t.version).toMatch(/^\d+\.\d+\.\d+/);
      }
      expect(r.summary).toContain(`| ${t.name} | ${t.version} |`);
    }
    expect(r.stdout).toContain('::group::Install tools');
    expect(mirror.requests).toEqual([]);
  });

  it('kubernetes with a kind-* context also lists kind; fly with verify: true lists cosign (cosign on PATH)', async () => {
    const k = await runAction({
      inputs: { mode: 'plan', image: 'ghcr.io/pacphi/sindri', 'image-digest': digest, 'pin-digest': 'false', verify: 'false' },
      cwd: workdir('kubernetes', 'providers:\n  kubernetes:\n    context: kind-ci\n'),
      env: { PATH: systemPath('24'), SINDRI_TOOL_MIRROR: mirror.url },
    });
    expect(k.code, k.stdout).toBe(0);
    expect(tools(k).map((t) => `${t.name}:${t.source}`)).toEqual(['kubectl:path', 'kind:download']);
    expect(tools(k)[1]!.url).toBe(`${mirror.url}/kubernetes-sigs/kind/releases/download/v0.30.0/kind-linux-amd64`);
    expect(mirror.requests).toEqual([]);
  });
});

describe('bad tool input is one line, before any request', () => {
  it.each([
    [{ 'kubectl-version': '1.99.0' }, /kubectl version "1\.99\.0" is not in the tool catalog \(it has 1\.32\.13, 1\.32\.12, 1\.33\.9\)/],
    [{ 'kubectl-version': 'newest' }, /input kubectl-version: invalid version "newest"/],
    [{ 'tool-mirror': 'ftp://mirror.example/x' }, /input tool-mirror: invalid mirror URL "ftp:\/\/mirror\.example\/x"/],
  ])('%j', async (inputs, message) => {
    const r = await runAction({
      inputs: {
        mode: 'plan',
        provider: 'kubernetes',
        image: 'ghcr.io/pacphi/sindri',
        'image-digest': `sha256:${'d'.repeat(64)}`,
        'pin-digest': 'false',
        ...inputs,
      },
      cwd: workdir('kubernetes'),
      env: { PATH: systemPath('24'), SINDRI_TOOL_MIRROR: mirror.url },
    });
    expect(oneErrorLine(r)).toMatch(message);
    expect(mirror.requests).toEqual([]);
  });
});

describe('deploy installs the pinned Compose plugin from the mirror, and docker runs it', () => {
  let cache: string;
  let dockerConfig: string;
  let mark: string;
  let catalogFile: string;
  let dir: string;
  const PLUGIN_PATH = '/docker/compose/releases/download/v2.39.3/docker-compose-linux-x86_64';

  beforeAll(() => {
    cache = mkdtempSync(join(root, 'cache-'));
    dockerConfig = mkdtempSync(join(root, 'docker-config-'));
    mark = join(root, 'compose-calls.jsonl');
    // a real plugin binary for docker: records its argv, then hands over to the system's Compose v2
    const plugin = [
      '#!/usr/bin/env node',
      `// compose from the mirror, ${ns}`,
      `require('node:fs').appendFileSync(${JSON.stringify(mark)}, JSON.stringify(process.argv.slice(2)) + '\\n');`,
      `const r = require('node:child_process').spawnSync(${JSON.stringify(REAL_COMPOSE)}, process.argv.slice(2), { stdio: 'inherit' });`,
      'process.exit(r.status ?? 1);',
      '',
    ].join('\n');
    mirror.serve(PLUGIN_PATH, plugin);
    const catalog = structuredClone(bundled) as { tools: Record<string, { versions: Record<string, Record<string, unknown>> }> };
    catalog.tools.compose!.versions['2.39.3']!['linux-x64'] = { sha256: sha256(Buffer.from(plugin)) };
    catalogFile = join(root, 'catalog.json');
    writeFileSync(catalogFile, JSON.stringify(catalog));
    dir = workdir('docker', 'providers:\n  docker:\n    network: host\n');
  });

  const deploy = (node: '24', mode = 'deploy') =>
    runAction({
      inputs: {
        mode,
        image: base.repo,
        'image-digest': base.digest,
        verify: 'false',
        'compose-version': '2.39.3',
        'tool-mirror': mirror.url,
        timeout: '2m',
      },
      cwd: dir,
      node,
      timeoutMs: 240_000,
      env: { PATH: systemPath(node), RUNNER_TOOL_CACHE: cache, DOCKER_CONFIG: dockerConfig, SINDRI_TOOL_CATALOG: catalogFile },
    });

  it('fresh install: downloaded, verified, cached, and the deploy ran through it', async () => {
    mirror.reset();
    const r = await deploy('24');
    expect(r.code, r.stdout).toBe(0);
    expect(mirror.requests).toEqual([PLUGIN_PATH]);
    const [compose] = tools(r);
    expect(compose).toMatchObject({ name: 'compose', version: '2.39.3', source: 'download', url: `${mirror.url}${PLUGIN_PATH}` });
    expect(compose!.path).toBe(join(cache, 'compose', '2.39.3', 'x64', 'docker-compose'));
    expect(readFileSync(join(dockerConfig, 'cli-plugins', 'docker-compose'))).toEqual(readFileSync(compose!.path));
    const calls = readFileSync(mark, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as string[]);
    expect(calls.some((a) => a[0] === 'compose' && a.includes('up'))).toBe(true);
    expect((await containerInspect(`${ns}-docker`))?.Config.Image).toBe(`${base.repo}@${base.digest}`);
    expect(r.summary).toMatch(/\| compose \| 2\.39\.3 \| download http:\/\/127\.0\.0\.1:\d+\/docker\/compose\//);
  });

  it('second run with the same tool cache: a hit, zero requests', async () => {
    mirror.reset();
    rmSync(join(dockerConfig, 'cli-plugins'), { recursive: true, force: true });
    const r = await deploy('24');
    expect(r.code, r.stdout).toBe(0);
    expect(mirror.requests).toEqual([]);
    expect(tools(r)[0]).toMatchObject({ name: 'compose', version: '2.39.3', source: 'cache' });
    expect(existsSync(join(dockerConfig, 'cli-plugins', 'docker-compose'))).toBe(true);
  });

  it('a pinned version the mirror does not have: one line with the URL (no credentials), nothing deployed', async () => {
    mirror.reset();
    const other = workdir('docker', 'providers:\n  docker:\n    network: host\n', '-nomirror');
    const name = names[names.length - 1]!;
    const r = await runAction({
      inputs: {
        image: base.repo,
        'image-digest': base.digest,
        verify: 'false',
        'compose-version': '2.38.2',
        'tool-mirror': mirror.url.replace('http://', 'http://ci:s3cr3t-token@'),
      },
      cwd: other,
      env: { PATH: systemPath('24'), RUNNER_TOOL_CACHE: mkdtempSync(join(root, 'cache-')), DOCKER_CONFIG: dockerConfig },
    });
    const path = '/docker/compose/releases/download/v2.38.2/docker-compose-linux-x86_64';
    expect(oneErrorLine(r)).toBe(
      `::error::input tool-mirror: download of ${mirror.url}${path} failed: HTTP 404. Fix: check that the mirror serves ${path}`,
    );
    // registered with the runner for masking first, then never printed
    expect(r.stdout.split('\n')[0]).toBe('::add-mask::s3cr3t-token');
    const printed = (r.stdout + r.stderr).split('\n').filter((l) => !l.startsWith('::add-mask::'));
    expect([...printed, r.summary, r.outputs.result ?? ''].join('\n')).not.toContain('s3cr3t');
    expect(mirror.requests).toEqual([path]);
    expect(await containerInspect(name)).toBeUndefined();
  });

  it('destroy uses the cached plugin too and removes the deployment', async () => {
    mirror.reset();
    const before = readFileSync(mark, 'utf8').split('\n').length;
    const r = await deploy('24', 'destroy');
    expect(r.code, r.stdout).toBe(0);
    expect(mirror.requests).toEqual([]);
    expect(tools(r)[0]).toMatchObject({ name: 'compose', source: 'cache' });
    expect(readFileSync(mark, 'utf8').split('\n').length).toBeGreaterThan(before);
    expect(await containerInspect(`${ns}-docker`)).toBeUndefined();
  });
});
