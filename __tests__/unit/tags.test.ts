import fc from 'fast-check';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { ActionError } from '../../src/errors.js';
import {
  cargoDefaults,
  compareVersions,
  compileRange,
  formatVersion,
  parseVersion,
  rangeMatches,
  selectTag,
  type VersionQuery,
} from '../../src/image/tags.js';

const base: VersionQuery = {
  constraint: '^3.0.0',
  strategy: 'semver',
  allowPrerelease: false,
  distro: 'ubuntu',
  repository: 'ghcr.io/pacphi/sindri',
};
const q = (over: Partial<VersionQuery>): VersionQuery => ({ ...base, ...over });

function selectionError(tags: readonly string[], query: VersionQuery): ActionError {
  try {
    selectTag(tags, query);
  } catch (e) {
    expect(e).toBeInstanceOf(ActionError);
    return e as ActionError;
  }
  throw new Error('expected selectTag to fail');
}

/** What the sindri release workflow pushes for one version (docs/upstream.md#release-tags). */
function releaseTags(version: string): string[] {
  const [major, minor] = version.split('.');
  const stable = !version.includes('-');
  const tags = [version, `${major}.${minor}`];
  if (stable) tags.push(major!, 'v3', 'v3-latest', 'latest');
  for (const d of ['ubuntu', 'fedora', 'opensuse']) {
    tags.push(`${version}-${d}`, `${major}.${minor}-${d}`);
    if (stable) tags.push(`${major}-${d}`, d, `latest-${d}`);
  }
  return tags;
}
const REAL = [
  ...releaseTags('3.0.0'),
  ...releaseTags('3.0.1'),
  ...releaseTags('3.1.0'),
  ...releaseTags('3.2.0-rc.1'),
  'v3-ci-abc1234-fedora',
];

describe('selectTag: semver strategy', () => {
  it('picks the highest match without assuming order', () => {
    const tags = ['3.0.1', '3.1.0', '2.9.9', '3.0.0', '4.0.0', '3.0.10'];
    expect(selectTag(tags, base)).toEqual({ tag: '3.1.0', version: '3.1.0', candidates: 6 });
    expect(selectTag([...tags].reverse(), base).tag).toBe('3.1.0');
  });

  it.each([
    ['^3.0.0', '3.1.0'],
    ['~3.0', '3.0.10'],
    ['~3.0.1', '3.0.10'],
    ['>=3.0.0 <4', '3.1.0'],
    ['>=3.0.0, <3.1', '3.0.10'],
    ['3.0.0', '3.1.0'], // Cargo: a bare version is a caret requirement, as the Sindri CLI reads it
    ['=3.0.0', '3.0.0'],
    ['<3.1, 3.0.1', '3.0.10'],
    ['3.0.x', '3.0.10'],
    ['*', '4.0.0'],
    ['>=2 <3 || ^4', '4.0.0'],
  ])('constraint %s picks %s', (constraint, expected) => {
    const tags = ['3.0.1', '3.1.0', '2.9.9', '3.0.0', '4.0.0', '3.0.10'];
    expect(selectTag(tags, q({ constraint })).tag).toBe(expected);
  });

  it('strips one leading v and returns the tag as the registry spells it', () => {
    expect(selectTag(['v3.0.0', 'v3.2.1', '3.1.0'], base)).toEqual({ tag: 'v3.2.1', version: '3.2.1', candidates: 3 });
    // only one v is stripped
    expect(selectTag(['vv3.9.0', 'v3.0.0'], base)).toEqual({ tag: 'v3.0.0', version: '3.0.0', candidates: 1 });
  });

  it('prefers the plain tag when two tags name the same version', () => {
    expect(selectTag(['v3.1.0', '3.1.0'], base).tag).toBe('3.1.0');
    expect(selectTag(['3.1.0', 'v3.1.0'], base).tag).toBe('3.1.0');
  });

  it('skips junk tags', () => {
    const junk = ['latest', 'v3', 'v3-latest', '3.1', '3', 'latest-fedora', 'main', 'sha-abc1234', '03.1.0', '3.1.0.1', 'v', ''];
    expect(selectTag([...junk, '3.0.2'], base)).toEqual({ tag: '3.0.2', version: '3.0.2', candidates: 1 });
  });

  it('excludes prereleases unless allowed', () => {
    const tags = ['3.0.0', '3.1.0-alpha.1', '3.1.0-rc.2', '3.0.1-beta'];
    expect(selectTag(tags, base).tag).toBe('3.0.0');
    // includePrerelease: a prerelease inside the range matches (Cargo would not pick 3.1.0-rc.2 here)
    expect(selectTag(tags, q({ allowPrerelease: true })).tag).toBe('3.1.0-rc.2');
    // a prerelease never outranks its release
    expect(selectTag([...tags, '3.1.0'], q({ allowPrerelease: true })).tag).toBe('3.1.0');
    // a constraint that names a prerelease still needs allow_prerelease
    expect(selectTag(tags, q({ constraint: '>=3.0.0-alpha.0' })).tag).toBe('3.0.0');
    expect(() => selectTag(['3.1.0-rc.2'], q({ constraint: '3.1.0-rc.2' }))).toThrow(ActionError);
    expect(selectTag(['3.1.0-rc.2'], q({ constraint: '3.1.0-rc.2', allowPrerelease: true })).tag).toBe('3.1.0-rc.2');
  });

  it('pin-to-cli is resolved like semver', () => {
    expect(selectTag(['3.0.0', '3.4.0', 'v3.0.0'], q({ strategy: 'pin-to-cli', constraint: '=3.0.0' })).tag).toBe('3.0.0');
  });

  it('refuses the explicit strategy: the caller uses the version as the tag', () => {
    expect(() => selectTag(['3.0.0'], q({ strategy: 'explicit' }))).toThrow(/explicit/);
    expect(() => selectTag(['3.0.0'], q({ strategy: 'explicit' }))).not.toThrow(ActionError);
  });
});

describe('selectTag: distro-aware', () => {
  it('ubuntu ignores the other distros and reads -ubuntu as the plain version', () => {
    expect(selectTag(REAL, base)).toEqual({ tag: '3.1.0', version: '3.1.0', candidates: 8 });
    expect(selectTag(['3.0.0', '3.5.0-fedora', '3.6.0-opensuse'], base).tag).toBe('3.0.0');
    expect(selectTag(['3.0.0', '3.1.0-ubuntu'], base)).toEqual({ tag: '3.1.0-ubuntu', version: '3.1.0', candidates: 2 });
  });

  it.each(['fedora', 'opensuse'] as const)('%s considers only -%s tags, suffix stripped', (distro) => {
    expect(selectTag(REAL, q({ distro }))).toEqual({ tag: `3.1.0-${distro}`, version: '3.1.0', candidates: 4 });
    expect(selectTag(REAL, q({ distro, constraint: '~3.0' })).tag).toBe(`3.0.1-${distro}`);
    expect(selectTag(REAL, q({ distro, allowPrerelease: true })).tag).toBe(`3.2.0-rc.1-${distro}`);
    expect(selectTag(REAL, q({ distro, strategy: 'latest-stable' })).tag).toBe(`3.1.0-${distro}`);
    expect(selectTag([`v3.3.0-${distro}`, '3.9.0'], q({ distro })).tag).toBe(`v3.3.0-${distro}`);
  });

  it('fedora does not match a tag for another distro or a plain tag', () => {
    const e = selectionError(['3.0.0', '3.1.0-opensuse', 'latest-fedora'], q({ distro: 'fedora' }));
    expect(e.message).toContain('none of its 3 tags is a semver version for fedora');
  });
});

describe('selectTag: latest-stable', () => {
  it('picks the highest release and ignores the constraint', () => {
    expect(selectTag(['3.0.0', '4.1.0', '5.0.0-rc.1', 'latest'], q({ strategy: 'latest-stable', constraint: '^3.0.0' })).tag).toBe('4.1.0');
    expect(selectTag(['3.0.0'], q({ strategy: 'latest-stable', constraint: 'not a range' })).tag).toBe('3.0.0');
    expect(selectTag(['3.0.0', '5.0.0-rc.1'], q({ strategy: 'latest-stable', allowPrerelease: true })).tag).toBe('3.0.0');
  });

  it('fails when there is no release', () => {
    const e = selectionError(['5.0.0-rc.1', 'latest'], q({ strategy: 'latest-stable' }));
    expect(e.message).toContain('strategy latest-stable, distro ubuntu');
    expect(e.message).toContain('nearest tags: 5.0.0-rc.1');
  });
});

describe('selectTag: errors', () => {
  it.each(['not a range', '^x.y', '>=>3', '', '   '])('invalid constraint %j is an ActionError on the version field', (constraint) => {
    const e = selectionError(['3.0.0'], q({ constraint }));
    expect(e.where.field).toBe('deployment.image_config.version');
    expect(e.fix).toContain('^3.0.0');
    expect(e.fix).toContain('~3.1');
    expect(e.toLine()).not.toContain('\n');
  });

  it('passes the location of the constraint through', () => {
    const e = selectionError(['3.0.0'], q({ constraint: '^9', where: { file: 'sindri.yaml', line: 7, column: 14 } }));
    expect(e.toLine()).toMatch(/^sindri\.yaml:7:14: deployment\.image_config\.version: no tag of ghcr\.io\/pacphi\/sindri/);
  });

  it('no match names the repository, the settings and the nearest tags, highest first', () => {
    const tags = ['1.0.0', '2.0.0', '2.5.0', '3.9.0', '4.0.0', '4.1.0', '6.0.0', '7.0.0', '4.2.0-rc.1', 'latest', '4.1.0-fedora'];
    const e = selectionError(tags, q({ constraint: '^5.0.0' }));
    expect(e.message).toBe(
      'no tag of ghcr.io/pacphi/sindri matches (constraint "^5.0.0", strategy semver, distro ubuntu, allow_prerelease false); ' +
        'nearest tags: 7.0.0, 6.0.0, 4.2.0-rc.1, 4.1.0, 4.0.0 (of 9 semver tags for ubuntu)',
    );
    expect(e.where.field).toBe('deployment.image_config.version');
    expect(e.fix).toBe('loosen the constraint, set allow_prerelease: true, or pin tag_override');
    expect(e.toLine()).not.toContain('\n');
  });

  it('allow_prerelease: true already set: the fix never suggests setting it, and latest-stable says why it has no effect (issue 20 class 15)', () => {
    const semverMiss = selectionError(['1.0.0', '2.0.0-rc.1'], q({ constraint: '^3.0.0', allowPrerelease: true }));
    expect(semverMiss.fix).not.toMatch(/allow_prerelease: true/);
    expect(semverMiss.fix).toMatch(/already allowed/);
    const stable = selectionError(['2.0.0-rc.1', '2.0.0-beta.3'], q({ strategy: 'latest-stable', allowPrerelease: true }));
    expect(stable.message).toMatch(/latest-stable takes releases only, so allow_prerelease: true has no effect/);
    expect(stable.fix).toMatch(/^write resolution_strategy: semver with a version that admits the prereleases/);
    expect(stable.fix).not.toMatch(/set allow_prerelease/);
    // off: still the suggestion
    expect(selectionError(['2.0.0-rc.1'], q({ strategy: 'latest-stable' })).fix).toMatch(/set allow_prerelease: true/);
  });

  it('shows a prerelease that would match when allowed', () => {
    const e = selectionError(['3.0.0', '4.0.0-rc.1'], q({ constraint: '^4.0.0-0' }));
    expect(e.message).toContain('nearest tags: 4.0.0-rc.1, 3.0.0');
  });

  it('no semver tags at all: shows what was there', () => {
    expect(selectionError([], base).message).toContain('the repository has no tags');
    const e = selectionError(['latest', 'v3', 'main', 'v3-latest', '3.1', 'edge'], base);
    expect(e.message).toContain('none of its 6 tags is a semver version for ubuntu (e.g. latest, v3, main, v3-latest, 3.1)');
  });
});

describe('selectTag over 10,000 tags', () => {
  it('picks what node-semver picks, in the worst-case (ascending) order', () => {
    // ascending versions are the worst case: every tag beats the running maximum and is tested against the range
    const ascending: string[] = [];
    for (let i = 0; ascending.length < 10_000; i++) {
      const v = `${2 + Math.floor(i / 1000)}.${Math.floor(i / 40) % 25}.${i % 40}`;
      ascending.push(i % 3 === 0 ? `v${v}` : v, `${v}-fedora`, `${v}-rc.${i % 5}`, `sha-${i.toString(16)}`);
    }
    const queries = [base, q({ distro: 'fedora', constraint: '>=2 <5' }), q({ allowPrerelease: true }), q({ strategy: 'latest-stable' })];
    // speed is measured by `npm run bench semver`, not asserted here
    const plain = (t: string) => t.replace(/^v/, '');
    const releases = ascending.filter((t) => semver.valid(plain(t)) && !semver.prerelease(plain(t)));
    expect(selectTag(ascending, base).version).toBe(semver.maxSatisfying(releases.map(plain), base.constraint));
    expect(selectTag(ascending, q({ strategy: 'latest-stable' })).version).toBe(semver.maxSatisfying(releases.map(plain), '*'));
    for (const query of queries) expect(selectTag(ascending, query).candidates).toBeGreaterThan(1000);
  });
});

// ---------- property ----------

const version = fc
  .record({
    major: fc.integer({ min: 0, max: 5 }),
    minor: fc.integer({ min: 0, max: 5 }),
    patch: fc.integer({ min: 0, max: 5 }),
    pre: fc.option(fc.constantFrom('alpha.1', 'beta', 'rc.1', 'rc.2'), { nil: undefined }),
  })
  .map(({ major, minor, patch, pre }) => `${major}.${minor}.${patch}${pre ? `-${pre}` : ''}`);
const tagFor = fc
  .record({ v: version, prefix: fc.boolean(), suffix: fc.constantFrom('', '-ubuntu', '-fedora', '-opensuse') })
  .map(({ v, prefix, suffix }) => `${prefix ? 'v' : ''}${v}${suffix}`);
const junk = fc.constantFrom('latest', 'v3', 'v3-latest', '3.1', 'latest-fedora', 'fedora', 'vv1.0.0', 'main');
const constraint = fc.oneof(
  fc.tuple(fc.constantFrom('^', '~', '>=', '<=', '>', '<', ''), version).map(([op, v]) => op + v),
  fc.tuple(version, version).map(([a, b]) => `>=${a} <${b}`),
  fc.constantFrom('*', '3.x', '~2', '^0.1'),
);

describe('selectTag: property', () => {
  it('the result satisfies the query and no satisfying candidate is higher', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof({ weight: 5, arbitrary: tagFor }, { weight: 1, arbitrary: junk }), { maxLength: 40 }),
        constraint,
        fc.constantFrom('semver', 'latest-stable', 'pin-to-cli') as fc.Arbitrary<VersionQuery['strategy']>,
        fc.boolean(),
        fc.constantFrom('ubuntu', 'fedora', 'opensuse') as fc.Arbitrary<VersionQuery['distro']>,
        (tags, c, strategy, allowPrerelease, distro) => {
          const query = q({ constraint: c, strategy, allowPrerelease, distro });
          // an independent oracle: what versions each tag names for this distro, and whether it qualifies
          const named = tags.flatMap((t) => {
            const m = /^v?(\d+\.\d+\.\d+(?:-(?:alpha\.1|beta|rc\.[12]))?)(?:-(ubuntu|fedora|opensuse))?$/.exec(t);
            if (!m) return [];
            const d = m[2] ?? 'ubuntu';
            return d === distro ? [{ tag: t, v: m[1]! }] : [];
          });
          const ok = (v: string): boolean =>
            strategy === 'latest-stable'
              ? semver.prerelease(v) === null
              : (allowPrerelease || semver.prerelease(v) === null) &&
                semver.satisfies(v, cargoDefaults(c), { includePrerelease: allowPrerelease });
          const matching = named.filter((n) => ok(n.v));

          let result;
          try {
            result = selectTag(tags, query);
          } catch (e) {
            expect(e).toBeInstanceOf(ActionError);
            expect(matching).toEqual([]);
            return;
          }
          expect(result.candidates).toBe(named.length);
          expect(tags).toContain(result.tag);
          expect(ok(result.version)).toBe(true);
          expect(named.some((n) => n.tag === result.tag && n.v === result.version)).toBe(true);
          for (const n of matching) expect(semver.gt(n.v, result.version)).toBe(false);
          // order never matters
          expect(selectTag([...tags].reverse(), query)).toEqual(result);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('the fast path agrees with node-semver', () => {
  const id = fc.oneof(
    fc.constantFrom('0', '1', '01', '00', '10', '9007199254740991', '9007199254740992', '99999999999999999999'),
    fc.stringMatching(/^[0-9a-zA-Z-]{1,6}$/),
  );
  const versionText = fc
    .tuple(
      fc.array(id, { minLength: 3, maxLength: 4 }),
      fc.option(fc.array(id, { minLength: 1, maxLength: 3 }), { nil: undefined }),
      fc.option(fc.array(id, { minLength: 1, maxLength: 2 }), { nil: undefined }),
    )
    .map(([main, pre, build]) => main.join('.') + (pre ? '-' + pre.join('.') : '') + (build ? '+' + build.join('.') : ''));
  const anyText = fc.oneof(versionText, fc.string({ maxLength: 20 }), fc.stringMatching(/^[0-9.+a-z-]{1,20}$/));

  it('parseVersion(s) == semver.parse(s) for strings without white space', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        fc.pre(!/\s/.test(s) && !s.startsWith('v') && !s.startsWith('='));
        const ours = parseVersion(s);
        const theirs = semver.parse(s);
        if (theirs === null) {
          expect(ours).toBeUndefined();
        } else {
          expect(ours).toEqual({ major: theirs.major, minor: theirs.minor, patch: theirs.patch, prerelease: theirs.prerelease.join('.') });
          expect(formatVersion(ours!)).toBe(theirs.version);
        }
      }),
      { numRuns: 3000 },
    );
  });

  const small = fc
    .record({
      major: fc.integer({ min: 0, max: 4 }),
      minor: fc.integer({ min: 0, max: 4 }),
      patch: fc.integer({ min: 0, max: 4 }),
      pre: fc.option(fc.array(fc.constantFrom('alpha', 'beta', 'rc', '0', '1', '2', '11', 'x-1'), { minLength: 1, maxLength: 3 }), {
        nil: undefined,
      }),
    })
    .map(({ major, minor, patch, pre }) => `${major}.${minor}.${patch}${pre ? '-' + pre.join('.') : ''}`);

  it('compareVersions == semver.compare', () => {
    fc.assert(
      fc.property(small, small, (a, b) => {
        expect(compareVersions(parseVersion(a)!, parseVersion(b)!)).toBe(semver.compare(a, b));
      }),
      { numRuns: 2000 },
    );
  });

  it('rangeMatches == semver.satisfies for releases, and for prereleases with includePrerelease', () => {
    const op = fc.constantFrom('^', '~', '>=', '<=', '>', '<', '=', '');
    const partial = fc.constantFrom('1', '1.2', '2.x', '3.1.x', '*', 'x', '0.0', '0');
    const range = fc.oneof(
      fc.tuple(op, small).map(([o, v]) => o + v),
      fc.tuple(op, partial).map(([o, v]) => o + v),
      fc.tuple(small, small).map(([a, b]) => `${a} - ${b}`),
      fc.tuple(op, small, op, small).map(([o1, a, o2, b]) => `${o1}${a} ${o2}${b}`),
      fc.tuple(op, small, op, partial).map(([o1, a, o2, b]) => `${o1}${a} || ${o2}${b}`),
    );
    fc.assert(
      fc.property(range, small, fc.boolean(), (r, v, includePrerelease) => {
        const parsed = parseVersion(v)!;
        fc.pre(includePrerelease || parsed.prerelease === '');
        const compiled = new semver.Range(r, { includePrerelease });
        expect(rangeMatches(compileRange(compiled), parsed)).toBe(semver.satisfies(v, r, { includePrerelease }));
      }),
      { numRuns: 5000 },
    );
  });
});
