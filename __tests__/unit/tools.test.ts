/** Issue 10, the pure parts: catalog data and lookups, platform mapping, version choice, checksum files, which tools a run needs. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { ActionError } from '../../src/errors.js';
import type { ImageConfig } from '../../src/config/types.js';
import { PROVIDERS, TOOLS } from '../../src/domain.js';
import {
  assetFor,
  displayUrl,
  isNpmTool,
  loadCatalog,
  mirrored,
  platformKey,
  selectVersion,
  validateCatalog,
  type BinaryTool,
  type PlatformKey,
} from '../../src/tools/catalog.js';
import bundled from '../../src/tools/catalog.json' with { type: 'json' };
import { checksumFor, parseIntegrity } from '../../src/tools/checksum.js';
import { versionIn } from '../../src/tools/install.js';
import { toolsNeeded, type NeedsContext } from '../../src/tools/needs.js';
import { isPolicy, verificationPolicy } from '../../src/verify/policy.js';
import { parseToolMirror, parseToolVersion } from '../../src/tools/validate.js';
import { testInputs } from '../support/inputs.js';

const line = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    if (e instanceof ActionError) return e.toLine();
    throw e;
  }
  throw new Error('did not throw');
};

describe('the bundled catalog', () => {
  const catalog = validateCatalog(bundled, 'src/tools/catalog.json');

  it('has every pinnable tool, a default among its versions, and a Linux x64 build of each default', () => {
    expect(Object.keys(catalog.tools).sort()).toEqual([...TOOLS].sort());
    for (const [name, t] of Object.entries(catalog.tools)) {
      expect(Object.keys(t.versions), name).toContain(t.default);
      if (!isNpmTool(t)) expect(t.versions[t.default]?.['linux-x64'], name).toBeDefined();
    }
  });

  it('verifies every download: a pinned sha256 or the same release’s checksum file over https', () => {
    let pinned = 0;
    for (const [name, t] of Object.entries(catalog.tools)) {
      if (isNpmTool(t)) {
        for (const v of Object.values(t.versions)) {
          expect(v.integrity).toMatch(/^sha512-/);
          expect(v.tarball).toMatch(/^https:\/\/registry\.npmjs\.org\//);
        }
        continue;
      }
      for (const [version, byPlatform] of Object.entries(t.versions)) {
        for (const [p, c] of Object.entries(byPlatform)) {
          const asset = assetFor(name as never, t, version, p as PlatformKey);
          expect(asset.url, `${name} ${version} ${p}`).toMatch(/^https:\/\//);
          expect(asset.url).toContain(version);
          if ('sha256' in c) pinned++;
          else expect(c.checksums, `${name} ${version} ${p}`).toMatch(new RegExp(`^https://.*${version.replace(/\./g, '\\.')}`));
        }
      }
    }
    expect(pinned).toBeGreaterThanOrEqual(40);
  });

  it('kubectl 1.32.13 linux/amd64 is the published sha256 (dl.k8s.io …/kubectl.sha256)', () => {
    const k = catalog.tools.kubectl as BinaryTool;
    expect(assetFor('kubectl', k, '1.32.13', 'linux-x64')).toMatchObject({
      url: 'https://dl.k8s.io/release/v1.32.13/bin/linux/amd64/kubectl',
      format: 'raw',
      checksum: { sha256: 'db2ae479a63f3665d7f704ab18c0d4d4050144237980763221835b7305703c4c' },
    });
  });

  it('an unsupported OS/arch for a tool is one line', () => {
    expect(line(() => assetFor('devpod', catalog.tools.devpod as BinaryTool, '0.6.15', 'windows-x64'))).toBe(
      'input devpod-version: devpod 0.6.15 has no build for windows-x64 in the tool catalog (it has linux-x64, linux-arm64, darwin-x64, darwin-arm64). Fix: run on one of those platforms, or put devpod on PATH before this step',
    );
  });
});

describe('platform mapping', () => {
  it.each([
    ['linux', 'x64', 'linux-x64'],
    ['linux', 'arm64', 'linux-arm64'],
    ['darwin', 'x64', 'darwin-x64'],
    ['darwin', 'arm64', 'darwin-arm64'],
    ['win32', 'x64', 'windows-x64'],
    ['win32', 'arm64', 'windows-arm64'],
  ])('%s/%s → %s', (p, a, key) => expect(platformKey(p, a)).toBe(key));

  it.each([
    ['linux', 'ia32'],
    ['linux', 's390x'],
    ['freebsd', 'x64'],
  ])('%s/%s is one line', (p, a) => {
    expect(line(() => platformKey(p, a))).toBe(
      `runs-on: this runner's platform ${p}/${a} is not one the action installs tools for. Fix: run on Linux, macOS or Windows with x64 or arm64, or put the tools on PATH before this step`,
    );
  });
});

describe('version choice', () => {
  const k = (bundled as unknown as { tools: { kubectl: BinaryTool } }).tools.kubectl;
  it('default, exact, range, unknown', () => {
    expect(selectVersion('kubectl', k, undefined)).toBe('1.32.13');
    expect(selectVersion('kubectl', k, '1.32.12')).toBe('1.32.12');
    expect(selectVersion('kubectl', k, '~1.33')).toBe('1.33.9');
    expect(selectVersion('kubectl', k, '>=1.32 <1.33')).toBe('1.32.13');
    expect(line(() => selectVersion('kubectl', k, '1.20.0'))).toMatch(
      /^input kubectl-version: kubectl version "1\.20\.0" is not in the tool catalog \(it has 1\.32\.13, 1\.32\.12, 1\.33\.9\)\. Fix: /,
    );
  });

  it.each([
    ['Client Version: v1.32.4-dispatcher\nKustomize Version: v5.5.0', '1.32.4-dispatcher'],
    ['kind v0.30.0 go1.24.6 linux/amd64', '0.30.0'],
    ['k3d version v5.8.3\nk3s version v1.31.5-k3s1 (default)', '5.8.3'],
    ['Docker Compose version 2.26.1-4', '2.26.1-4'],
    ['github.com/docker/buildx 0.13.1+ds1 0.13.1+ds1-3', '0.13.1'],
    ['flyctl v0.4.87 linux/amd64 Commit: abc BuildDate: 2025', '0.4.87'],
    ['2.19.0', '2.19.0'],
    ['GitVersion:    devel', undefined],
  ])('version in %j', (text, v) => expect(versionIn(text)).toBe(v));
});

describe('checksum files and integrity', () => {
  const sum = 'ab'.repeat(32);
  it('a lone hash, sha256sum lines, names with a directory or binary marker', () => {
    expect(checksumFor(`${sum}\n`, 'kubectl')).toBe(sum);
    expect(checksumFor(`${'0'.repeat(64)}  kind-linux-arm64\n${sum}  kind-linux-amd64\n`, 'kind-linux-amd64')).toBe(sum);
    expect(checksumFor(`${sum}  _dist/k3d-linux-amd64\n`, 'k3d-linux-amd64')).toBe(sum);
    expect(checksumFor(`${sum.toUpperCase()} *docker-compose-linux-x86_64`, 'docker-compose-linux-x86_64')).toBe(sum);
    expect(checksumFor(`${sum}  other`, 'kubectl')).toBeUndefined();
  });
  it('npm integrity', () => {
    expect(parseIntegrity('sha512-AAEC').hex).toBe('000102');
  });
});

describe('mirror URLs', () => {
  it('replace the origin, keep the path; messages carry no credentials or query', () => {
    expect(mirrored('https://github.com/sigstore/cosign/releases/download/v2.5.3/cosign-linux-amd64', 'https://m.example/tools')).toBe(
      'https://m.example/tools/sigstore/cosign/releases/download/v2.5.3/cosign-linux-amd64',
    );
    expect(mirrored('https://dl.k8s.io/release/v1/kubectl', '')).toBe('https://dl.k8s.io/release/v1/kubectl');
    expect(displayUrl('https://u:tok@m.example/x?sig=abc')).toBe('https://m.example/x');
  });
  it('input validation', () => {
    expect(parseToolMirror('', undefined)).toEqual({ mirror: '', field: 'env SINDRI_TOOL_MIRROR' });
    expect(parseToolMirror('https://m.example/t//', 'http://other')).toEqual({ mirror: 'https://m.example/t', field: 'input tool-mirror' });
    expect(line(() => parseToolMirror('https://u:secret@m.example/?x=1', undefined))).toBe(
      'input tool-mirror: invalid mirror URL "https://m.example/?x=1". Fix: give an http(s) base URL without query or fragment, e.g. https://mirror.example.com/tools',
    );
    expect(parseToolVersion('kind', 'v0.30.0')).toBe('0.30.0');
    expect(parseToolVersion('kind', '>=0.29 <1')).toBe('>=0.29 <1');
    expect(line(() => parseToolVersion('kind', 'newest'))).toBe(
      'input kind-version: invalid version "newest". Fix: write a version such as 1.32.13 or a semver range such as ~1.32 or >=1.31 <1.34',
    );
  });
});

describe('catalog override (SINDRI_TOOL_CATALOG)', () => {
  it('loads a valid file and names the file and key of a bad one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'catalog-'));
    const good = join(dir, 'good.json');
    writeFileSync(good, JSON.stringify({ schema: 1, tools: { kind: (bundled as { tools: Record<string, unknown> }).tools.kind } }));
    expect(Object.keys(loadCatalog({ SINDRI_TOOL_CATALOG: good }).tools)).toEqual(['kind']);
    const bad = join(dir, 'bad.json');
    const kind = structuredClone((bundled as { tools: { kind: BinaryTool } }).tools.kind);
    (kind.versions['0.30.0'] as Record<string, unknown>)['linux-x64'] = { sha256: 'nope' };
    writeFileSync(bad, JSON.stringify({ schema: 1, tools: { kind } }));
    expect(line(() => loadCatalog({ SINDRI_TOOL_CATALOG: bad }))).toMatch(
      new RegExp(`^env SINDRI_TOOL_CATALOG: tool catalog ${bad}: tools\\.kind\\.versions\\.0\\.30\\.0\\.linux-x64: expected`),
    );
    expect(line(() => loadCatalog({ SINDRI_TOOL_CATALOG: join(dir, 'missing.json') }))).toMatch(/cannot read the tool catalog/);
    expect(loadCatalog({})).toBe(bundled);
  });

  it('every run that replaces the bundled catalog says so in a warning naming the file; the bundled one says nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'catalog-'));
    const good = join(dir, 'good.json');
    writeFileSync(good, JSON.stringify({ schema: 1, tools: { kind: (bundled as { tools: Record<string, unknown> }).tools.kind } }));
    const out: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => {
      out.push(String(c));
      return true;
    });
    try {
      loadCatalog({});
      expect(out.join('')).toBe('');
      loadCatalog({ SINDRI_TOOL_CATALOG: good });
      loadCatalog({ SINDRI_TOOL_CATALOG: good });
    } finally {
      spy.mockRestore();
    }
    const warnings = out
      .join('')
      .split('\n')
      .filter((l) => l.startsWith('::warning'));
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toContain(`the tool catalog is replaced by ${good} (env SINDRI_TOOL_CATALOG)`);
  });
});

describe('which tools a run needs', () => {
  const config = (providers: Record<string, Record<string, unknown>> = {}, imageConfig = false): NeedsContext['config'] =>
    ({
      deployment: {
        provider: 'docker',
        image_config: imageConfig ? { registry: 'r', verify_signature: true, verify_provenance: true } : undefined,
      },
      providers,
    }) as unknown as NeedsContext['config'];
  const need = (ctx: Partial<NeedsContext>) =>
    toolsNeeded({ provider: 'docker', mode: 'deploy', config: config(), inputs: testInputs({ verify: 'false' }), ...ctx }).map(
      (n) => n.tool,
    );

  it('each provider’s CLIs (never the runner’s docker)', () => {
    expect(Object.fromEntries(PROVIDERS.map((p) => [p, need({ provider: p })]))).toEqual({
      docker: ['compose'],
      fly: ['flyctl'],
      devpod: ['devpod'],
      e2b: ['e2b'],
      kubernetes: ['kubectl'],
    });
  });
  it('buildx only when docker builds a Dockerfile', () => {
    expect(need({ imageSource: 'dockerfile' })).toEqual(['compose', 'buildx']);
    expect(need({ imageSource: 'dockerfile', mode: 'destroy' })).toEqual(['compose']);
  });
  it('buildx for a devpod build on the runner when caches or secrets are asked (issue 23)', () => {
    const devpodKind = config({ devpod: { type: 'kubernetes', kubernetes: { context: 'kind-x' } } });
    const secrets = testInputs({ verify: 'false', 'build-secrets': [{ id: 'A', value: 'x' }] });
    expect(need({ provider: 'devpod', config: devpodKind, imageSource: 'dockerfile', inputs: secrets })).toEqual([
      'devpod',
      'buildx',
      'kind',
    ]);
    expect(need({ provider: 'devpod', config: devpodKind, imageSource: 'config-image', inputs: secrets })).toEqual(['devpod']);
    expect(need({ imageSource: 'dockerfile', inputs: secrets })).toEqual(['compose', 'buildx']);
  });
  it('kind / k3d only for such a context', () => {
    expect(need({ provider: 'kubernetes', config: config({ kubernetes: { context: 'kind-ci' } }) })).toEqual(['kubectl', 'kind']);
    expect(need({ provider: 'kubernetes', config: config({ kubernetes: { context: 'k3d-dev' } }) })).toEqual(['kubectl', 'k3d']);
    expect(need({ provider: 'kubernetes', config: config({ kubernetes: { context: 'prod-eks' } }) })).toEqual(['kubectl']);
    const devpodKind = config({ devpod: { type: 'kubernetes', kubernetes: { context: 'kind-x' } } });
    expect(need({ provider: 'devpod', config: devpodKind, imageSource: 'dockerfile' })).toEqual(['devpod', 'kind']);
    expect(need({ provider: 'devpod', config: devpodKind, imageSource: 'config-image' })).toEqual(['devpod']);
  });
  it('cosign only when verifying', () => {
    expect(need({ provider: 'fly', inputs: testInputs({ verify: 'true' }) })).toEqual(['flyctl', 'cosign']);
    expect(need({ provider: 'fly', inputs: testInputs({ verify: 'auto' }), config: config({}, true) })).toEqual(['flyctl', 'cosign']);
    expect(need({ provider: 'fly', inputs: testInputs({ verify: 'auto' }) })).toEqual(['flyctl']);
    expect(need({ provider: 'fly', inputs: testInputs({ verify: 'true' }), mode: 'destroy' })).toEqual(['flyctl']);
  });
  it('cosign under verify: auto when only cosign-key or certificate-identity asks for verification', () => {
    expect(need({ provider: 'fly', inputs: testInputs({ verify: 'auto', 'cosign-key': 'cosign.pub' }) })).toEqual(['flyctl', 'cosign']);
    expect(need({ provider: 'fly', inputs: testInputs({ verify: 'auto', 'certificate-identity': '^https://x/' }) })).toEqual([
      'flyctl',
      'cosign',
    ]);
  });
  it('cosign exactly when the verification policy checks something (one decision for both)', () => {
    const ic = (sig: boolean, prov: boolean) => ({ registry: 'r', verify_signature: sig, verify_provenance: prov }) as ImageConfig;
    for (const verify of ['auto', 'true', 'warn', 'false'] as const)
      for (const key of ['', 'cosign.pub'])
        for (const identity of ['', '^https://x/'])
          for (const imageConfig of [undefined, ic(true, true), ic(false, true), ic(true, false), ic(false, false)]) {
            const inputs = testInputs({ verify, 'cosign-key': key, 'certificate-identity': identity });
            const cfg = { deployment: { provider: 'fly', image_config: imageConfig }, providers: {} } as unknown as NeedsContext['config'];
            const installs = need({ provider: 'fly', inputs, config: cfg }).includes('cosign');
            const verifies = isPolicy(verificationPolicy(inputs, imageConfig));
            expect({ verify, key, identity, imageConfig, installs }).toEqual({ verify, key, identity, imageConfig, installs: verifies });
          }
  });
});
