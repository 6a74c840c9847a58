/**
 * Issue 20 class 15: what cosign would refuse is refused at input validation, with the place and a
 * fix — an identity RE2 does not compile (checked with re2js, whose parser is Go's regexp/syntax),
 * an issuer that is not an https URL — and YAML-tagged values are named as what they are.
 */
import { describe, expect, it } from 'vitest';
import { loadConfigText } from '../../src/config/load.js';
import { errorLine } from '../../src/errors.js';
import { parseOidcIssuer } from '../../src/inputs.js';
import { checkIdentityRegexp } from '../../src/verify/identity.js';

const where = { field: 'input certificate-identity' };

async function identityLine(value: string): Promise<string> {
  try {
    await checkIdentityRegexp(value, where);
  } catch (e) {
    return errorLine(e);
  }
  return 'accepted';
}

function issuerLine(value: string): string {
  try {
    return `accepted ${parseOidcIssuer(value)}`;
  } catch (e) {
    return errorLine(e);
  }
}

describe('certificate-identity (Go RE2 syntax)', () => {
  it('accepts what Go regexp accepts, JavaScript-only or not', async () => {
    for (const ok of [
      '^https://github\\.com/sindri/app/\\.github/workflows/release\\.yml@refs/tags/v.*$',
      '(?i)^https://github\\.com/[^/]+/app/',
      '\\pL+',
      '(?P<org>[a-z]+)',
      '\\Qa.b\\E',
      '[[:alpha:]]+',
      '',
    ])
      expect(await identityLine(ok), ok).toBe('accepted');
  });

  it.each([
    ['(?=x)y', 'invalid or unsupported Perl syntax: `(?=`'],
    ['(?<!a)b', 'invalid named capture'],
    ['(a)\\1', 'invalid escape sequence: `\\1`'],
    ['a++', 'invalid nested repetition operator: `++`'],
    ['a{1001}', 'invalid repeat count'],
    ['[a-', 'missing closing ]'],
  ])('refuses %s as RE2 does', async (pattern, why) => {
    const line = await identityLine(pattern);
    expect(line.startsWith('input certificate-identity: ')).toBe(true);
    expect(line).toContain(`is not a regular expression cosign accepts (Go RE2 syntax): ${why}`);
    expect(line).toContain('Fix: write it in RE2 syntax');
  });
});

describe('certificate-oidc-issuer', () => {
  it('an https URL is kept as written; anything else is one line with the fix', () => {
    expect(issuerLine('https://token.actions.githubusercontent.com')).toBe('accepted https://token.actions.githubusercontent.com');
    expect(issuerLine('')).toBe('accepted ');
    expect(issuerLine('http://token.actions.githubusercontent.com')).toMatch(
      /^input certificate-oidc-issuer: the scheme http: is not https\. Fix: /,
    );
    expect(issuerLine('token.actions.githubusercontent.com')).toMatch(
      /^input certificate-oidc-issuer: "token\.actions\.githubusercontent\.com" is not a URL/,
    );
    expect(issuerLine('https://u:p@issuer.example.com')).toMatch(/holds credentials/);
    expect(issuerLine('https://a.example\n::error::x')).toMatch(/control character/);
  });
});

describe('YAML tags where text belongs', () => {
  it.each([
    ['!!binary YmFkLWRlbW8=', 'binary data (a !!binary value)'],
    ['!!set { a, b }', 'a set (a !!set value)'],
    ['!!omap [ a: 1 ]', 'an ordered map (a !!omap or !!pairs value)'],
  ])('name: %s is named as what it is, with the fix to remove the tag', (value, what) => {
    let line = '';
    try {
      loadConfigText(`version: "3.0"\nname: ${value}\ndeployment:\n  provider: docker\n`, {
        file: 'sindri.yaml',
        path: '/w/sindri.yaml',
        dir: '/w',
      });
    } catch (e) {
      line = errorLine(e);
    }
    expect(line).toMatch(
      new RegExp(`^sindri\\.yaml:2:\\d+: name: must be a string, not ${what.replace(/[()!]/g, '\\$&')}\\. Fix: remove the YAML tag`),
    );
  });

  it('a tagged value is never read as a mapping (deployment: !!binary is not a deployment)', () => {
    let line = '';
    try {
      loadConfigText('version: "3.0"\nname: demo\ndeployment: !!binary ZG9ja2Vy\n', {
        file: 'sindri.yaml',
        path: '/w/sindri.yaml',
        dir: '/w',
      });
    } catch (e) {
      line = errorLine(e);
    }
    expect(line).toMatch(/^sindri\.yaml:3:\d+: deployment: must be a mapping, not binary data \(a !!binary value\)/);
  });
});
