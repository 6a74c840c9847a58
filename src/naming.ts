/**
 * Resource names for every provider: the config's `name`, plus `-<name-suffix>` for preview environments
 * (docs/behaviour.md#preview-environments), fitted to the provider's naming rules. The suffix is never
 * cut, so two pull requests never share a name; the base is shortened instead.
 */
export interface NamingRules {
  /** longest name the provider accepts */
  max: number;
  /** characters that are not allowed, replaced by `-` */
  invalid: RegExp;
  lowercase: boolean;
}

/** RFC 1123 label: Kubernetes objects, Fly apps, DevPod workspace ids, E2B aliases. */
export const DNS_LABEL: NamingRules = { max: 63, invalid: /[^a-z0-9-]+/g, lowercase: true };

export function resourceName(name: string, suffix: string, rules: NamingRules = DNS_LABEL): string {
  const clean = (s: string) =>
    (rules.lowercase ? s.toLowerCase() : s)
      .replace(rules.invalid, '-')
      .replace(/-{2,}/g, '-')
      .replace(/^-+|-+$/g, '');
  const tail = suffix ? `-${clean(suffix)}` : '';
  const base = clean(name)
    .slice(0, Math.max(1, rules.max - tail.length))
    .replace(/-+$/, '');
  return `${base || 'sindri'}${tail}`;
}
