/**
 * `certificate-identity` is handed to cosign as `--certificate-identity-regexp`, which cosign compiles
 * with Go's regexp package (RE2 syntax). A pattern RE2 refuses (a lookahead `(?=`, a backreference
 * `\1`, a possessive `a++`) would otherwise fail inside cosign after the image was chosen, with
 * cosign's words. It is checked up front with re2js, a port of RE2 whose parser is Go's regexp/syntax
 * (the same error texts; ADR 0025). Loaded only when the input is set.
 */
import { ActionError, type ErrorLocation } from '../errors.js';

export async function checkIdentityRegexp(value: string, where: ErrorLocation): Promise<void> {
  if (!value) return;
  const { RE2JS } = await import('re2js');
  try {
    RE2JS.compile(value);
  } catch (e) {
    const why = (e instanceof Error ? e.message : String(e)).replace(/^error parsing regexp: /, '');
    throw new ActionError(
      `"${value.slice(0, 80)}${value.length > 80 ? '…' : ''}" is not a regular expression cosign accepts (Go RE2 syntax): ${why.slice(0, 120)}`,
      {
        where,
        fix: 'write it in RE2 syntax, without lookarounds or backreferences, and escape literal dots (e.g. ^https://github\\.com/org/repo/\\.github/workflows/release\\.yml@refs/tags/.*$)',
      },
    );
  }
}
