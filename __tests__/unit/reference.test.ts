import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ActionError } from '../../src/errors.js';
import {
  apiHost,
  formatReference,
  isLoopbackHost,
  isValidDigest,
  isValidTag,
  parseReference,
  pinnedReference,
  withDefaultTag,
} from '../../src/image/reference.js';
import type { ImageRef } from '../../src/image/types.js';

const SHA = 'sha256:' + 'a'.repeat(64);
const SHA512 = 'sha512:' + '0123456789abcdef'.repeat(8);

function parseError(value: string): ActionError {
  try {
    parseReference(value, { field: 'input image' });
  } catch (e) {
    expect(e).toBeInstanceOf(ActionError);
    return e as ActionError;
  }
  throw new Error(`expected "${value}" to be rejected`);
}

describe('parseReference: Docker Hub normalisation', () => {
  it.each([
    ['nginx', { registry: 'docker.io', repository: 'library/nginx' }],
    ['nginx:1.25', { registry: 'docker.io', repository: 'library/nginx', tag: '1.25' }],
    ['docker.io/nginx', { registry: 'docker.io', repository: 'library/nginx' }],
    ['docker.io/library/nginx', { registry: 'docker.io', repository: 'library/nginx' }],
    ['index.docker.io/x/y', { registry: 'docker.io', repository: 'x/y' }],
    ['index.docker.io/nginx:latest', { registry: 'docker.io', repository: 'library/nginx', tag: 'latest' }],
    ['registry-1.docker.io/pacphi/sindri:3.0.0', { registry: 'docker.io', repository: 'pacphi/sindri', tag: '3.0.0' }],
    ['Docker.IO/x/y', { registry: 'docker.io', repository: 'x/y' }],
    ['pacphi/sindri', { registry: 'docker.io', repository: 'pacphi/sindri' }],
    ['a/b/c', { registry: 'docker.io', repository: 'a/b/c' }],
  ])('%s', (input, expected) => {
    expect(parseReference(input)).toEqual(expected);
  });

  it('formats Docker Hub names in full and uses the Hub API host', () => {
    const ref = parseReference('nginx:1.25');
    expect(formatReference(ref)).toBe('docker.io/library/nginx:1.25');
    expect(apiHost(ref.registry)).toBe('registry-1.docker.io');
    expect(apiHost('ghcr.io')).toBe('ghcr.io');
  });
});

describe('parseReference: registries, ports, IPv6', () => {
  it.each([
    ['localhost:5000/a/b:t', { registry: 'localhost:5000', repository: 'a/b', tag: 't' }],
    ['localhost/app', { registry: 'localhost', repository: 'app' }],
    ['127.0.0.1:5000/app:1.0.0', { registry: '127.0.0.1:5000', repository: 'app', tag: '1.0.0' }],
    ['ghcr.io/pacphi/sindri:3.1.0-fedora', { registry: 'ghcr.io', repository: 'pacphi/sindri', tag: '3.1.0-fedora' }],
    ['registry.example.com:8443/team/app', { registry: 'registry.example.com:8443', repository: 'team/app' }],
    ['[::1]:5000/x', { registry: '[::1]:5000', repository: 'x' }],
    ['[::1]/x:v1', { registry: '[::1]', repository: 'x', tag: 'v1' }],
    ['[fe80::1]:5000/a/b@' + SHA, { registry: '[fe80::1]:5000', repository: 'a/b', digest: SHA }],
  ])('%s', (input, expected) => {
    expect(parseReference(input)).toEqual(expected);
  });

  it('keeps a one-component name with a port-like suffix as a Hub tag (as Docker does)', () => {
    expect(parseReference('localhost:5000')).toEqual({ registry: 'docker.io', repository: 'library/localhost', tag: '5000' });
  });

  it('tells loopback registries apart', () => {
    expect(isLoopbackHost('localhost:5000')).toBe(true);
    expect(isLoopbackHost('127.0.0.1:5000')).toBe(true);
    expect(isLoopbackHost('[::1]:5000')).toBe(true);
    expect(isLoopbackHost('[::1]')).toBe(true);
    expect(isLoopbackHost('ghcr.io')).toBe(false);
    expect(isLoopbackHost('localhost.example.com')).toBe(false);
  });
});

describe('parseReference: tags and digests', () => {
  it('accepts a tag and a digest together', () => {
    const ref = parseReference(`ghcr.io/o/app:1.2.3@${SHA}`);
    expect(ref).toEqual({ registry: 'ghcr.io', repository: 'o/app', tag: '1.2.3', digest: SHA });
    expect(formatReference(ref)).toBe(`ghcr.io/o/app:1.2.3@${SHA}`);
    expect(pinnedReference(ref, SHA)).toBe(`ghcr.io/o/app@${SHA}`);
  });

  it('accepts sha512 digests and a digest without a tag', () => {
    expect(parseReference(`nginx@${SHA512}`)).toEqual({ registry: 'docker.io', repository: 'library/nginx', digest: SHA512 });
  });

  it('adds latest only when neither tag nor digest is given', () => {
    expect(withDefaultTag(parseReference('nginx')).tag).toBe('latest');
    expect(withDefaultTag(parseReference('nginx:1')).tag).toBe('1');
    expect(withDefaultTag(parseReference(`nginx@${SHA}`)).tag).toBeUndefined();
  });

  it('checks tags and digests on their own', () => {
    expect(isValidTag('v3-latest')).toBe(true);
    expect(isValidTag('a'.repeat(128))).toBe(true);
    expect(isValidTag('a'.repeat(129))).toBe(false);
    expect(isValidTag('.hidden')).toBe(false);
    expect(isValidTag('-x')).toBe(false);
    expect(isValidDigest(SHA)).toBe(true);
    expect(isValidDigest(SHA.toUpperCase())).toBe(false);
    expect(isValidDigest('sha256:abc')).toBe(false);
  });

  it('trims surrounding white space', () => {
    expect(parseReference('  nginx:1  ')).toEqual({ registry: 'docker.io', repository: 'library/nginx', tag: '1' });
  });
});

describe('parseReference: rejections are ActionErrors with what, where and fix', () => {
  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['Nginx', 'lowercase'],
    ['ghcr.io/Owner/app', 'lowercase'],
    ['docker.io/library/NGINX:1', 'lowercase'],
    ['nginx:', 'not a valid tag'],
    ['nginx:-bad', 'not a valid tag'],
    ['nginx:.bad', 'not a valid tag'],
    ['nginx:a/b', 'not a valid registry host'],
    ['nginx:' + 'a'.repeat(129), 'not a valid tag'],
    ['nginx@', 'not a digest'],
    ['nginx@sha256:abc', 'not a digest'],
    ['nginx@sha256:' + 'A'.repeat(64), 'not a digest'],
    ['nginx@md5:' + 'a'.repeat(32), 'not a digest'],
    ['nginx:1@sha256:' + 'a'.repeat(63), 'not a digest'],
    ['https://ghcr.io/o/app', 'scheme'],
    ['http://localhost:5000/app', 'scheme'],
    ['oci://ghcr.io/o/app', 'scheme'],
    ['ghcr.io/o/app name', 'white space'],
    ['ghcr.io//app', 'empty component'],
    ['ghcr.io/o/app/', 'empty component'],
    ['ghcr.io/o/-app', 'not a valid repository component'],
    ['ghcr.io/o/app_', 'not a valid repository component'],
    ['local_host:5000/app', 'not a valid registry host'],
    ['localhost:99999/app', 'out of range'],
    ['a:b/c', 'not a valid registry host'],
    ['-bad.example.com/app', 'not a valid registry host'],
    ['a'.repeat(600), 'longer than 512'],
    ['ghcr.io/' + 'a'.repeat(250), 'longer than 255'],
  ])('%j', (input, reason) => {
    const e = parseError(input);
    expect(e.message).toContain('invalid image reference');
    expect(e.message).toContain(reason);
    expect(e.where.field).toBe('input image');
    expect(e.fix).toMatch(/repository\[:tag\]/);
    expect(e.toLine()).not.toContain('\n');
  });
});

// ---------- properties ----------

const alnum = fc.stringMatching(/^[a-z0-9]{1,8}$/);
const separator = fc.constantFrom('.', '_', '__', '-', '--');
/** a repository path component per the distribution grammar */
const component = fc
  .tuple(alnum, fc.array(fc.tuple(separator, alnum), { maxLength: 3 }))
  .map(([head, rest]) => head + rest.map(([s, a]) => s + a).join(''));
const label = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,8}[a-z0-9])?$/);
const port = fc.integer({ min: 1, max: 65535 });
/** hosts that are recognisably hosts (dot, port, localhost or IPv6) and not Docker Hub */
const host = fc
  .oneof(
    fc
      .tuple(fc.array(label, { minLength: 2, maxLength: 3 }), fc.option(port, { nil: undefined }))
      .map(([ls, p]) => ls.join('.') + (p ? `:${p}` : '')),
    fc.tuple(label, port).map(([l, p]) => `${l}:${p}`),
    fc.option(port, { nil: undefined }).map((p) => 'localhost' + (p ? `:${p}` : '')),
    fc.constantFrom('[::1]', '[::1]:5000', '[fe80::1]:443', '[2001:db8::2]'),
  )
  .filter((h) => !['docker.io', 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com'].includes(h));
const tag = fc.stringMatching(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/);
const hex64 = fc.stringMatching(/^[a-f0-9]{64}$/);
const digest = hex64.map((h) => `sha256:${h}`);

/** a normalised ImageRef: what parseReference returns */
const imageRef: fc.Arbitrary<ImageRef> = fc
  .record({
    registry: fc.oneof(host, fc.constant('docker.io')),
    path: fc.array(component, { minLength: 1, maxLength: 4 }),
    tag: fc.option(tag, { nil: undefined }),
    digest: fc.option(digest, { nil: undefined }),
  })
  .map(({ registry, path, tag, digest }) => {
    const parts = registry === 'docker.io' && path.length === 1 ? ['library', ...path] : path;
    const ref: ImageRef = { registry, repository: parts.join('/') };
    if (tag !== undefined) ref.tag = tag;
    if (digest !== undefined) ref.digest = digest;
    return ref;
  })
  .filter((r) => r.registry.length + 1 + r.repository.length <= 255);

describe('parseReference: properties', () => {
  it('parse(format(r)) == r for normalised references', () => {
    fc.assert(
      fc.property(imageRef, (ref) => {
        expect(parseReference(formatReference(ref))).toEqual(ref);
      }),
      { numRuns: 500 },
    );
  });

  it('format(parse(x)) round-trips for canonical reference strings', () => {
    fc.assert(
      fc.property(imageRef, (ref) => {
        const text = formatReference(ref);
        expect(formatReference(parseReference(text))).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  it('Docker Hub short names normalise and then round-trip', () => {
    fc.assert(
      fc.property(component, fc.option(tag, { nil: undefined }), (name, t) => {
        const short = t === undefined ? name : `${name}:${t}`;
        const ref = parseReference(short);
        expect(ref.registry).toBe('docker.io');
        expect(ref.repository).toBe(`library/${name}`);
        expect(formatReference(ref)).toBe(`docker.io/library/${short}`);
        expect(parseReference(formatReference(ref))).toEqual(ref);
      }),
    );
  });

  it('a parsed repository always satisfies the component grammar', () => {
    const grammar = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/;
    // arbitrary strings over the reference alphabet: most are rejected, whatever parses must be valid
    const anyRef = fc.stringMatching(/^[a-zA-Z0-9._\-/:@[\]]{1,40}$/);
    fc.assert(
      fc.property(fc.oneof(anyRef, imageRef.map(formatReference)), (text) => {
        let ref: ImageRef;
        try {
          ref = parseReference(text);
        } catch (e) {
          expect(e).toBeInstanceOf(ActionError);
          return;
        }
        expect(ref.repository).toMatch(grammar);
        if (ref.tag !== undefined) expect(isValidTag(ref.tag)).toBe(true);
        if (ref.digest !== undefined) expect(isValidDigest(ref.digest)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('invalid digests always throw ActionError, never another error', () => {
    const badDigest = fc.oneof(
      fc.string({ maxLength: 80 }),
      hex64.map((h) => `sha256:${h.slice(1)}`),
      hex64.map((h) => `sha256:${h}0`),
      hex64.filter((h) => /[a-f]/.test(h)).map((h) => `sha256:${h.toUpperCase()}`),
      hex64.map((h) => `sha1:${h}`),
      hex64.map((h) => `sha256-${h}`),
      hex64.map((h) => `sha256:${h.slice(0, 63)}g`),
    );
    fc.assert(
      fc.property(imageRef, badDigest, (ref, bad) => {
        fc.pre(!isValidDigest(bad));
        const base = formatReference({ ...ref, digest: undefined });
        expect(() => parseReference(`${base}@${bad}`)).toThrow(ActionError);
      }),
      { numRuns: 500 },
    );
  });

  it('invalid tags always throw ActionError', () => {
    const badTag = fc.oneof(
      fc.stringMatching(/^[.-][A-Za-z0-9_.-]{0,10}$/),
      fc.stringMatching(/^[A-Za-z0-9_]{129,140}$/),
      fc.stringMatching(/^[A-Za-z0-9_]{1,5}[!#$%^&*()+=,;]{1,3}$/),
    );
    fc.assert(
      fc.property(imageRef, badTag, (ref, bad) => {
        const base = formatReference({ registry: ref.registry, repository: ref.repository });
        expect(() => parseReference(`${base}:${bad}`)).toThrow(ActionError);
      }),
    );
  });
});
