/**
 * Which signer identities a keyless `certificate-identity` regexp accepts. cosign matches it with Go's
 * regexp anywhere in the identity (unanchored search); JavaScript's RegExp.test reads these patterns
 * (anchors, escaped dots, literal paths) the same way.
 */
export function acceptedIdentities(pattern: string, identities: readonly string[]): string[] {
  const re = new RegExp(pattern);
  return identities.filter((i) => re.test(i));
}
