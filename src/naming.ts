/**
 * Resource names for every provider (docs/behaviour.md#preview-environments): the config's `name`, plus
 * `-<name-suffix>` for preview environments, plus a role for a second object of one deployment (`-home`
 * for its volume), fitted to the provider's naming rules.
 *
 * The suffix and the role are never cut, so two pull requests never share a name. When the whole does
 * not fit, the name part is shortened and a short hash of the whole name, as asked for before anything
 * was cut, goes between the shortened part and the suffix: two names that differ only in what was cut
 * stay apart. A name that fits is exactly what it always was (no hash), so existing resources keep
 * their names. ADR 0025.
 */
import { createHash } from 'node:crypto';

/** The GitHub environment of a deploy: the `environment` input, else the provider name plus `-<name-suffix>` (one per pull request). */
export function environmentName(input: string, provider: string, suffix: string): string {
  return input || (suffix ? `${provider}-${suffix}` : provider);
}

export interface NamingRules {
  /** longest name the provider accepts */
  max: number;
  /** shortest name it accepts (default 1): a shorter one gets `-<hash>` */
  min?: number;
  /** characters that are not allowed, replaced by `-` */
  invalid: RegExp;
  lowercase: boolean;
}

/** RFC 1123 label: Kubernetes objects, Fly apps, DevPod workspace ids, E2B aliases. */
export const DNS_LABEL: NamingRules = { max: 63, invalid: /[^a-z0-9-]+/g, lowercase: true };

/** Docker container and volume names: a DNS label of at least 2 characters (the engine refuses `a`). */
export const DOCKER_NAME: NamingRules = { ...DNS_LABEL, min: 2 };

/** Hex digits of the hash added when a name is shortened (32 bits: ample for the names of one account). */
export const HASH_LENGTH = 8;

/** what a name becomes when nothing of it is left */
const FALLBACK = 'sindri';

/** What the rules forbid becomes `-`; the name part also loses repeated dashes (suffix and role are kept as given). */
function clean(s: string, rules: NamingRules, squash: boolean): string {
  const v = (rules.lowercase ? s.toLowerCase() : s).replace(rules.invalid, '-');
  return (squash ? v.replace(/-{2,}/g, '-') : v).replace(/^-+|-+$/g, '');
}

/** The first HASH_LENGTH hex digits of sha256 over the parts as given (joined by a character no part holds). */
export function nameHash(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, HASH_LENGTH);
}

/**
 * `<name>-<suffix>-<role>` within `rules`: `resourceName('app', 'pr-7')` → `app-pr-7`;
 * `resourceName('app', 'pr-7', DNS_LABEL, 'home')` → `app-pr-7-home`. An empty suffix or role is left
 * out. Suffix and role are kept whole; a name part that does not fit is cut and followed by
 * `-<hash>` (see the file comment). The old shape `resourceName(resourceName(name, suffix), 'home')`
 * stays collision-free too (the hash covers the whole inner name), but the role form keeps more of
 * the name readable and is the one to use.
 */
export function resourceName(name: string, suffix: string, rules: NamingRules = DNS_LABEL, role = ''): string {
  const tail = [suffix, role]
    .map((p) => clean(p, rules, false))
    .filter(Boolean)
    .map((p) => `-${p}`)
    .join('');
  const base = clean(name, rules, true) || FALLBACK;
  const hash = `-${nameHash(name, suffix, role)}`;
  const whole = `${base}${tail}`;
  if (whole.length < (rules.min ?? 1)) return `${base}${hash}${tail}`;
  if (whole.length <= rules.max) return whole;
  const room = rules.max - tail.length - hash.length;
  // base is clean (no leading -), so at least its first character stays
  const cut = base.slice(0, Math.max(1, room)).replace(/-+$/, '');
  return `${cut}${hash}${tail}`;
}
