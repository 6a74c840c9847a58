import { describe, expect, it } from 'vitest';
import { backoffDelay, parseLinkNext, parseRetryAfter, parseWwwAuthenticate, registryError } from '../../src/image/registry-wire.js';

describe('parseWwwAuthenticate', () => {
  it('reads a Bearer challenge as ghcr.io and Docker Hub send it', () => {
    expect(parseWwwAuthenticate('Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:pacphi/sindri:pull"')).toEqual([
      { scheme: 'bearer', params: { realm: 'https://ghcr.io/token', service: 'ghcr.io', scope: 'repository:pacphi/sindri:pull' } },
    ]);
  });
  it('keeps commas and escaped quotes inside quoted values', () => {
    expect(
      parseWwwAuthenticate(
        'Bearer realm="https://a/token", service="x, \\"y\\"", scope="repository:a/b:pull,push", error="insufficient_scope"',
      )[0]!.params,
    ).toEqual({
      realm: 'https://a/token',
      service: 'x, "y"',
      scope: 'repository:a/b:pull,push',
      error: 'insufficient_scope',
    });
  });
  it('reads Basic, unquoted values, several challenges, and skips unknown schemes', () => {
    expect(parseWwwAuthenticate('Basic realm="Registry Realm"')).toEqual([{ scheme: 'basic', params: { realm: 'Registry Realm' } }]);
    expect(parseWwwAuthenticate('Negotiate abc, Basic realm=r, Bearer realm="https://t",service=s')).toEqual([
      { scheme: 'basic', params: { realm: 'r' } },
      { scheme: 'bearer', params: { realm: 'https://t', service: 's' } },
    ]);
    expect(parseWwwAuthenticate('')).toEqual([]);
    expect(parseWwwAuthenticate(null)).toEqual([]);
  });
});

describe('parseLinkNext', () => {
  it('finds rel="next", relative or absolute, among other links', () => {
    expect(parseLinkNext('</v2/a/tags/list?n=2&last=b>; rel="next"')).toBe('/v2/a/tags/list?n=2&last=b');
    expect(parseLinkNext('<https://r.example/v2/a/tags/list?last=x,y>; rel=next')).toBe('https://r.example/v2/a/tags/list?last=x,y');
    expect(parseLinkNext('</prev>; rel="prev", </next>; rel="next"')).toBe('/next');
    expect(parseLinkNext('</x>; rel="prev"')).toBeUndefined();
    expect(parseLinkNext('</x>; rel=nextpage')).toBeUndefined();
    expect(parseLinkNext('</x>; title="a, b"; rel="last next"')).toBe('/x');
    expect(parseLinkNext(null)).toBeUndefined();
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('3')).toBe(3000);
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:00:10 GMT', now)).toBe(10_000);
    expect(parseRetryAfter('Wed, 01 Jan 2024 00:00:10 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});

describe('registryError', () => {
  it('takes the first error code of a distribution error body', () => {
    expect(registryError('{"errors":[{"code":"DENIED","message":"requested access to the resource is denied"}]}')).toEqual({
      code: 'DENIED',
      message: 'requested access to the resource is denied',
    });
    expect(registryError('<html>502</html>')).toBeUndefined();
    expect(registryError('{"errors":[]}')).toBeUndefined();
  });
});

describe('backoffDelay', () => {
  it('doubles per attempt with ±50 % jitter, capped at 30 s', () => {
    expect(backoffDelay(0, 500, 0)).toBe(250);
    expect(backoffDelay(0, 500, 1)).toBe(750);
    expect(backoffDelay(3, 500, 0.5)).toBe(4000);
    expect(backoffDelay(20, 500, 0.5)).toBe(30_000);
  });
});
