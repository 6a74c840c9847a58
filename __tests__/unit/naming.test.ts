/**
 * Issue 20 class 6: every generated name keeps the whole suffix (and role), fits the provider's rules,
 * and two different suffixes or roles never give one name, however long the config's name is.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NAME_SUFFIX_RE, parseNameSuffix } from '../../src/inputs.js';
import { DNS_LABEL, DOCKER_NAME, HASH_LENGTH, resourceName, type NamingRules } from '../../src/naming.js';
import { homeVolume, projectName } from '../../src/providers/docker/compose.js';
import { WORKSPACE_ID } from '../../src/providers/devpod/steps.js';
import { E2B_NAMING } from '../../src/providers/e2b/settings.js';

const DNS_LABEL_RE = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;
/** compose's project name rule (compose-spec `name`) */
const COMPOSE_PROJECT_RE = /^[a-z0-9][a-z0-9_-]*$/;
/** the Docker engine's container and volume name rule */
const CONTAINER_RE = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

const RULES: [string, NamingRules][] = [
  ['Kubernetes / Fly (DNS label)', DNS_LABEL],
  ['Docker container', DOCKER_NAME],
  ['DevPod workspace id', WORKSPACE_ID],
  ['E2B alias', E2B_NAMING],
];
const ROLES = ['', 'home', 'env', 'registry'];

/** names as sindri.yaml allows them (^[a-z][a-z0-9-]*$, up to 253), long ones more often than not */
const configName = fc.oneof(
  fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/),
  // around the limits, where cutting starts (DevPod 48, DNS 63, E2B 128) and up to the loader's 253
  fc
    .tuple(fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/), fc.integer({ min: 30, max: 244 }), fc.stringMatching(/^[a-z0-9-]{0,8}$/))
    .map(([head, n, end]) => `${head}${'x'.repeat(n)}${end}`),
);
/** suffixes as the input allows them */
const suffix = fc.oneof(fc.constant(''), fc.stringMatching(NAME_SUFFIX_RE));
const role = fc.constantFrom(...ROLES);

describe('resourceName', () => {
  it('keeps a name that fits exactly as it was (existing resources keep their names)', () => {
    expect(resourceName('dev-box', 'pr-42')).toBe('dev-box-pr-42');
    expect(resourceName('dev-box', '')).toBe('dev-box');
    expect(resourceName('dev-box', 'pr-42', DNS_LABEL, 'home')).toBe('dev-box-pr-42-home');
    expect(resourceName('dev-box', '', DNS_LABEL, 'home')).toBe('dev-box-home');
    expect(resourceName('a'.repeat(57), 'pr-42')).toBe(`${'a'.repeat(57)}-pr-42`);
  });

  it('the issue: a 55-character name with pr-101 and pr-102 gives two volume claims, old call shape and new', () => {
    const name = `app-${'x'.repeat(51)}`;
    expect(name).toHaveLength(55);
    const oldShape = (s: string) => resourceName(resourceName(name, s), 'home');
    const newShape = (s: string) => resourceName(name, s, DNS_LABEL, 'home');
    for (const make of [oldShape, newShape]) {
      const [a, b] = [make('pr-101'), make('pr-102')];
      expect(a).not.toBe(b);
      expect(a.length).toBeLessThanOrEqual(63);
      expect(a).toMatch(DNS_LABEL_RE);
      expect(a.endsWith('-home')).toBe(true);
    }
    expect(newShape('pr-101')).toMatch(new RegExp(`^app-x+-[0-9a-f]{${HASH_LENGTH}}-pr-101-home$`));
  });

  it('a shortened name carries a hash of the whole name, so names differing only in the cut part stay apart', () => {
    const a = resourceName(`${'a'.repeat(70)}-one`, 'pr-1');
    const b = resourceName(`${'a'.repeat(70)}-two`, 'pr-1');
    expect(a).not.toBe(b);
    expect(a).toHaveLength(63);
    expect(a.endsWith('-pr-1')).toBe(true);
  });

  it.each(RULES)('%s: within the rules, suffix and role kept whole (property)', (_label, rules) => {
    fc.assert(
      fc.property(configName, suffix, role, (name, s, r) => {
        const out = resourceName(name, s, rules, r);
        expect(out.length).toBeLessThanOrEqual(rules.max);
        expect(out).toMatch(DNS_LABEL_RE);
        const tail = [s, r].filter(Boolean).join('-');
        if (tail) expect(out.endsWith(`-${tail}`)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it.each(RULES)('%s: two different suffixes or roles never give the same name (property)', (_label, rules) => {
    fc.assert(
      fc.property(configName, suffix, suffix, role, role, (name, s1, s2, r1, r2) => {
        fc.pre(s1 !== s2 || r1 !== r2);
        expect(resourceName(name, s1, rules, r1)).not.toBe(resourceName(name, s2, rules, r2));
        // the old call shape (the role applied to an already suffixed name) keeps them apart too
        if (r1 && r2)
          expect(resourceName(resourceName(name, s1, rules), r1, rules)).not.toBe(resourceName(resourceName(name, s2, rules), r2, rules));
      }),
      { numRuns: 1000 },
    );
  });

  it('docker: the container, compose project and volumes are valid engine and compose names (property)', () => {
    // the engine refuses a one-character container name ("Invalid container name (a)")
    expect(resourceName('a', '', DOCKER_NAME)).toMatch(new RegExp(`^a-[0-9a-f]{${HASH_LENGTH}}$`));
    expect(resourceName('ab', '', DOCKER_NAME)).toBe('ab');
    fc.assert(
      fc.property(configName, suffix, (name, s) => {
        const container = resourceName(name, s, DOCKER_NAME);
        expect(container).toMatch(CONTAINER_RE);
        expect(projectName(container)).toMatch(COMPOSE_PROJECT_RE);
        expect(homeVolume(container)).toMatch(CONTAINER_RE);
      }),
      { numRuns: 300 },
    );
  });
});

describe('input name-suffix', () => {
  it('an upper-case suffix is refused with the lower-case spelling, never lowercased quietly', () => {
    expect(() => parseNameSuffix('PR-12')).toThrow(/"PR-12" has upper-case letters.*/);
    try {
      parseNameSuffix('PR-12');
    } catch (e) {
      expect((e as { toLine(): string }).toLine()).toMatch(/^input name-suffix: .*Fix: pass it in lower case \(name-suffix: pr-12\)/);
    }
    expect(parseNameSuffix('pr-12')).toBe('pr-12');
    expect(() => parseNameSuffix('pr 12')).toThrow(/invalid name suffix/);
  });
});
