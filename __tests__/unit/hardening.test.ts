/**
 * Issue 14, the pure parts: output bounds (src/report/limits.ts), input validators (src/inputs.ts),
 * config decoding and YAML problems (src/config/load.ts, document.ts), the run deadline's share
 * for registry waits (src/image/registry.ts against a loopback server).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { decodeConfig, loadConfigText } from '../../src/config/load.js';
import { Deadline } from '../../src/deadline.js';
import { rollbackReserve } from '../../src/providers/kit/time.js';
import { ActionError } from '../../src/errors.js';
import { RegistryClient } from '../../src/image/registry.js';
import { MAX_TIMEOUT_MS, maskSecretBuildArgs, parseBuildArgs, parseDuration, parseEnvironment } from '../../src/inputs.js';
import { parseToolMirror, parseToolVersion } from '../../src/tools/validate.js';
import { clip, MAX_LINE } from '../../src/domain.js';
import { capSummary } from '../../src/report/limits.js';
import { redact } from '../../src/runner.js';

function thrown(fn: () => unknown): ActionError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ActionError) return e;
    throw e;
  }
  throw new Error('expected an ActionError');
}

const load = (text: string) => loadConfigText(text, { file: 'sindri.yaml', path: '/w/sindri.yaml', dir: '/w' });

describe('limits', () => {
  it('clip keeps short text, bounds long text and says how much was cut', () => {
    expect(clip('short', 10)).toBe('short');
    const c = clip('a'.repeat(100_000), 200);
    expect(c.length).toBeLessThanOrEqual(200);
    expect(c).toMatch(/^a+…\[\d+ characters cut\]…a+$/);
    const cut = Number(/\[(\d+) characters cut\]/.exec(c)![1]);
    expect(c.length - c.replace(/…\[\d+ characters cut\]…/, '').length + (100_000 - cut)).toBe(c.length);
  });

  it('capSummary keeps a small summary as it is', () => {
    expect(capSummary('### ok\n', 100)).toBe('### ok\n');
  });

  it('capSummary stays within the byte limit, on a line boundary, closes an open fence and says what was cut', () => {
    const md = [
      '### Plan',
      '',
      '<details><summary>x</summary>',
      '',
      '```yaml',
      ...Array.from({ length: 50_000 }, (_, i) => `line ${i} ✓`),
      '```',
      '</details>',
    ].join('\n');
    const out = capSummary(md, 64 * 1024);
    expect(Buffer.byteLength(out, 'utf8')).toBeLessThanOrEqual(64 * 1024);
    expect(out.startsWith('### Plan\n')).toBe(true);
    expect(out).toMatch(/The summary was cut here: \d+ of \d+ bytes left out/);
    expect(out.split('\n').filter((l) => l.startsWith('```')).length % 2).toBe(0);
    expect(out).toContain('</details>');
    expect(out).not.toContain('\uFFFD');
  });

  it('an ActionError line is bounded whatever the user wrote', () => {
    const e = new ActionError(`invalid name "${'n'.repeat(100_000)}"`, {
      where: { file: 'sindri.yaml', line: 2, field: 'name' },
      fix: 'rename it',
    });
    expect(e.toLine().length).toBeLessThanOrEqual(MAX_LINE + 100);
    expect(e.toLine()).toMatch(/^sindri\.yaml:2: name: invalid name "n+…\[\d+ characters cut\]…n+"\. Fix: rename it$/);
    expect(new ActionError('a\nb').toLine()).toBe('a\\nb.');
  });
});

describe('input validators', () => {
  it('timeouts: the accepted range is 1 s to 2^31-1 ms, said in the message', () => {
    expect(parseDuration('timeout', '10m', 1)).toBe(600_000);
    expect(parseDuration('timeout', '596h', 1)).toBe(596 * 3600_000);
    expect(parseDuration('timeout', '', 42)).toBe(42);
    for (const bad of ['0', '0s', '597h', '1000h', '99999999999']) {
      const e = thrown(() => parseDuration('timeout', bad, 1));
      expect(e.toLine()).toMatch(/^input timeout: a timeout of .* is out of range\. Fix: give a duration from 1s to 596h/);
    }
    expect(596 * 3600_000).toBeLessThanOrEqual(MAX_TIMEOUT_MS);
    expect(597 * 3600_000).toBeGreaterThan(MAX_TIMEOUT_MS);
  });

  it('build-args: one KEY=value per line, the value whole', () => {
    expect(parseBuildArgs('EXTRA=git,curl\nURL=https://x/?a=b,c\n# comment\n\nEMPTY')).toEqual({
      EXTRA: 'git,curl',
      URL: 'https://x/?a=b,c',
      EMPTY: '',
    });
    expect(parseBuildArgs('ONE=a,TWO=b')).toEqual({ ONE: 'a,TWO=b' });
    expect(thrown(() => parseBuildArgs('A=1\n2B=x')).toLine()).toMatch(/^input build-args: line 2: invalid build argument name "2B"/);
  });

  it('tool-mirror: an http(s) URL without query or fragment (credentials allowed, masked by getInputs)', () => {
    expect(parseToolMirror('https://mirror.example.com/tools/', undefined).mirror).toBe('https://mirror.example.com/tools');
    expect(parseToolMirror('', undefined).mirror).toBe('');
    for (const bad of ['ftp://x', 'mirror', 'https://x/?a=1', 'https://x/#f', 'javascript:alert(1)']) {
      expect(thrown(() => parseToolMirror(bad, undefined)).where.field).toBe('input tool-mirror');
    }
  });

  it('<tool>-version: a version or a semver range of safe characters', () => {
    for (const ok of ['1.32.0', 'v2.5.3', '^1.30', '~1.2', '>=1.2 <2', '1.x', '*', '1.2.3-rc.1+build.5', '^1 || ^2']) {
      expect(parseToolVersion('kubectl', ok)).toBe(ok.replace(/^v/, ''));
    }
    for (const bad of ['; rm -rf /', '$(id)', '1.2.3\nx', '`x`', 'a'.repeat(70), '', '../1']) {
      expect(thrown(() => parseToolVersion('kubectl', bad)).where.field).toBe('input kubectl-version');
    }
  });

  it('environment: at most 255 characters on one line', () => {
    expect(parseEnvironment('preview-pr-42')).toBe('preview-pr-42');
    expect(thrown(() => parseEnvironment('e'.repeat(256))).toLine()).toMatch(/GitHub allows 255/);
    expect(thrown(() => parseEnvironment('a\nb')).toLine()).toMatch(/control character \(U\+000A\)/);
  });

  it('build-args named like a declared secret are masked', () => {
    const masked = maskSecretBuildArgs({ API_TOKEN: 'tok-123456', PLAIN: 'visible' }, [{ name: 'API_TOKEN' }]);
    expect(masked).toEqual(['API_TOKEN']);
    expect(redact('--build-arg API_TOKEN=tok-123456 --build-arg PLAIN=visible')).toBe(
      '--build-arg API_TOKEN=*** --build-arg PLAIN=visible',
    );
  });
});

describe('config decoding and YAML problems', () => {
  it('decodes UTF-16 with a byte order mark, refuses UTF-32 and BOM-less UTF-16 by name', () => {
    const text = '\ufeffname: x\n';
    expect(decodeConfig(Buffer.from(text, 'utf16le'), 'sindri.yaml')).toBe('name: x\n');
    const be = Buffer.from(text, 'utf16le');
    be.swap16();
    expect(decodeConfig(be, 'sindri.yaml')).toBe('name: x\n');
    expect(thrown(() => decodeConfig(Buffer.from([0xff, 0xfe, 0, 0, 0x6e, 0, 0, 0]), 'sindri.yaml')).message).toMatch(/UTF-32/);
    expect(thrown(() => decodeConfig(Buffer.from('name: x\n', 'utf16le'), 'sindri.yaml')).message).toMatch(/UTF-16/);
  });

  it('an undefined alias, several documents, deep nesting and an alias bomb are the user’s file, with the line', () => {
    expect(thrown(() => load('name: x\nimage: *nope\n')).toLine()).toMatch(/^sindri\.yaml:2:8: the alias \*nope refers to no anchor/);
    expect(thrown(() => load('name: x\n---\nname: y\n')).toLine()).toMatch(
      /^sindri\.yaml:2:1: holds more than one YAML document.*Fix: keep one document per file/,
    );
    expect(thrown(() => load(`x: ${'['.repeat(5000)}${']'.repeat(5000)}\n`)).toLine()).toMatch(
      /^sindri\.yaml:\d+:\d+: the YAML is nested more than 100 levels/,
    );
    let bomb = 'a: &a [1,1,1,1,1,1,1,1,1]\n';
    let prev = 'a';
    for (const n of 'bcdefg') {
      bomb += `${n}: &${n} [${Array(9).fill(`*${prev}`).join(',')}]\n`;
      prev = n;
    }
    expect(thrown(() => load(bomb)).toLine()).toMatch(
      /^sindri\.yaml:2:\d+: its aliases expand to more than 10000 copies \(an alias bomb\)/,
    );
  });

  it('a secret’s required must be a boolean; cpus a whole number in range; Name gets a hint', () => {
    const base = 'version: "3.0"\nname: demo\ndeployment:\n  provider: docker\n';
    expect(thrown(() => load(`${base}secrets:\n  - name: A\n    source: env\n    required: yes\n`)).toLine()).toMatch(
      /^sindri\.yaml:8:15: secrets\[0\]\.required: must be true or false, not "yes"/,
    );
    expect(load(`${base}secrets:\n  - name: A\n    source: env\n    required: "true"\n`).config.secrets[0]!.required).toBe(true);
    expect(thrown(() => load(`${base}  resources:\n    cpus: -3\n`)).toLine()).toMatch(
      /^sindri\.yaml:6:11: deployment\.resources\.cpus: -3 is out of range\. Fix: give a whole number from 1 to 1024/,
    );
    expect(thrown(() => load('version: "3.0"\nName: demo\n')).toLine()).toMatch(
      /^sindri\.yaml:2:7: Name: the config has no name, but it has "Name"\. Fix: did you mean name\?/,
    );
  });
});

describe('registry waits take their share of the run deadline', () => {
  it('a registry that never answers ends at the deadline, not after 30 s × 5 attempts', async () => {
    const server = http.createServer(() => undefined);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const client = new RegistryClient({
        credentials: { lookup: async () => undefined, hint: () => 'log in' },
        deadline: new Deadline(1500),
      });
      const started = Date.now();
      const e = await client.headManifest({ registry: host, repository: 'a/b', tag: '1' }).then(
        () => undefined,
        (err: unknown) => err,
      );
      expect(e).toBeInstanceOf(ActionError);
      expect((e as ActionError).toLine()).toMatch(
        new RegExp(`^input timeout: the run's timeout of 2 s ran out before registry ${host} answered HEAD`),
      );
      expect(Date.now() - started).toBeLessThan(3000);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it('retries stop when the next backoff would pass the deadline', async () => {
    let seen = 0;
    const server = http.createServer((_req, res) => {
      seen++;
      res.writeHead(503).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const client = new RegistryClient({
        credentials: { lookup: async () => undefined, hint: () => '' },
        deadline: new Deadline(1200),
        backoffMs: 400,
        retries: 10,
      });
      const started = Date.now();
      const e = (await client.listTags({ registry: host, repository: 'a/b' }).catch((err: unknown) => err)) as ActionError;
      expect(e.toLine()).toMatch(/ran out before registry .* answered GET \/v2\/a\/b\/tags\/list \(\d attempt\(s\), last: HTTP 503\)/);
      expect(Date.now() - started).toBeLessThan(1500);
      expect(seen).toBeLessThan(6);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});

describe('the run clock (ADR 0019)', () => {
  it('budget is min(wanted, left) and names what could not finish; before() keeps time back, never before now', () => {
    let now = 1_000_000;
    const d = new Deadline(20_000, () => now);
    expect(d.budget('a', 5_000)).toBe(5_000);
    expect(d.budget('a')).toBe(20_000);
    const early = d.before(rollbackReserve(20_000));
    expect(early.remaining()).toBe(15_000);
    now += 16_000;
    expect(early.remaining()).toBe(0);
    expect(() => early.budget('compose up')).toThrow(/the run's timeout of 20 s ran out before compose up/);
    expect(d.remaining()).toBe(4_000);
    expect(d.before(60_000).remaining()).toBe(0);
    // a wait with none of its share left still looks once: at least the time asked, never less than the deadline's own
    expect(d.before(60_000).atLeast(1_000).remaining()).toBe(1_000);
    expect(d.atLeast(1_000).remaining()).toBe(4_000);
  });

  it('the rollback share: a quarter, at least 5 s (half of a tiny timeout), at most 2 minutes', () => {
    expect(rollbackReserve(20_000)).toBe(5_000);
    expect(rollbackReserve(600_000)).toBe(120_000);
    expect(rollbackReserve(100_000)).toBe(25_000);
    expect(rollbackReserve(4_000)).toBe(2_000);
  });
});
