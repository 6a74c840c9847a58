export const id = 800;
export const ids = [800];
export const modules = {

/***/ 1866:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {



const SemVer = __webpack_require__(7163)
const Range = __webpack_require__(6782)
const gt = __webpack_require__(6599)

const minVersion = (range, loose) => {
  range = new Range(range, loose)

  let minver = new SemVer('0.0.0')
  if (range.test(minver)) {
    return minver
  }

  minver = new SemVer('0.0.0-0')
  if (range.test(minver)) {
    return minver
  }

  minver = null
  for (let i = 0; i < range.set.length; ++i) {
    const comparators = range.set[i]

    let setMin = null
    comparators.forEach((comparator) => {
      // Clone to avoid manipulating the comparator's semver object.
      const compver = new SemVer(comparator.semver.version)
      switch (comparator.operator) {
        case '>':
          if (compver.prerelease.length === 0) {
            compver.patch++
          } else {
            compver.prerelease.push(0)
          }
          compver.raw = compver.format()
          /* fallthrough */
        case '':
        case '>=':
          if (!setMin || gt(compver, setMin)) {
            setMin = compver
          }
          break
        case '<':
        case '<=':
          /* Ignore maximum versions */
          break
        /* istanbul ignore next */
        default:
          throw new Error(`Unexpected operation: ${comparator.operator}`)
      }
    })
    if (setMin && (!minver || gt(minver, setMin))) {
      minver = setMin
    }
  }

  if (minver && range.test(minver)) {
    return minver
  }

  return null
}
module.exports = minVersion


/***/ }),

/***/ 7800:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   checkConstraint: () => (/* binding */ checkConstraint),
/* harmony export */   tagList: () => (/* binding */ tagList)
/* harmony export */ });
/* unused harmony exports parseVersion, formatVersion, compareVersions, compileRange, rangeMatches, versionOfTag, cargoDefaults, selectTag */
/* harmony import */ var semver_classes_range_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6782);
/* harmony import */ var semver_classes_range_js__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(semver_classes_range_js__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var semver_ranges_min_version_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1866);
/* harmony import */ var semver_ranges_min_version_js__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(semver_ranges_min_version_js__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
/**
 * Version selection over a registry's tag list (docs/behaviour.md#version-resolution). Pure: tags in,
 * one tag out.
 *
 * Differences from the Sindri CLI (Rust `semver::VersionReq`, docs/upstream.md#version-strategies), all
 * deliberate:
 * - Constraints use node-semver syntax, read the way the Sindri CLI reads a sindri.yaml where the two
 *   disagree: a bare version (`3.0.0`, or a bare comparator in a Cargo comma list) means `^3.0.0`, as
 *   in Cargo, so a file means the same to both tools (write `=3.0.0` for exactly one version);
 *   Cargo's comma between comparators (`>=3.0.0, <4`) is accepted and means AND.
 * - `allow_prerelease: true` sets node-semver's `includePrerelease`: a prerelease satisfies a range
 *   whenever its version lies inside it, so `^3.0.0` may select `3.1.0-alpha.1`. Cargo only lets a
 *   prerelease match a comparator that names a prerelease of the same major.minor.patch, which makes
 *   the setting nearly useless; users who turn it on want prereleases considered.
 * - Distro-aware: for a distro other than ubuntu only `<version>-<distro>` tags count, with the
 *   suffix removed before parsing (`3.1.0-fedora` is 3.1.0, not a prerelease). For ubuntu, the
 *   other distros' tags are not candidates, and `3.1.0-ubuntu` counts as 3.1.0 (the plain tag wins
 *   a tie).
 *
 * Speed (docs/behaviour.md#performance-targets: 10,000 tags, CPU well under 50 ms, cold): node-semver's
 * SemVer constructor and Range.test cost ~5 µs per tag before the JIT warms up. Tags are therefore
 * parsed here with the same strict grammar as node-semver (`parseVersion`), and node-semver only parses
 * the constraint into comparators (`new Range`), which `rangeMatches` evaluates; property tests hold all
 * of it equal to node-semver.
 */
// the two parts used, not all of node-semver: its index loads ~45 modules at start (docs/behaviour.md#performance-targets)



const SUFFIX = { ubuntu: '-ubuntu', fedora: '-fedora', opensuse: '-opensuse' };
const VERSION_FIELD = 'deployment.image_config.version';
const MAX_LENGTH = 256; // node-semver's limit
/** node-semver's strict FULL grammar (semver.org 2.0.0), without the optional `v` */
const NUM = '0|[1-9]\\d*';
const PRE_ID = `\\d*[a-zA-Z-][a-zA-Z0-9-]*|${NUM}`;
const VERSION_RE = new RegExp(`^(${NUM})\\.(${NUM})\\.(${NUM})(?:-((?:${PRE_ID})(?:\\.(?:${PRE_ID}))*))?(?:\\+([a-zA-Z0-9-]+(?:\\.[a-zA-Z0-9-]+)*))?$`);
const NUMERIC_ID = /^[0-9]+$/;
/** Parses a version exactly as node-semver's `parse(s)` does (strict; a leading `v` is NOT accepted here). */
function parseVersion(s) {
    if (s.length > MAX_LENGTH)
        return undefined;
    const m = VERSION_RE.exec(s);
    if (m === null)
        return undefined;
    const major = +m[1];
    const minor = +m[2];
    const patch = +m[3];
    if (major > Number.MAX_SAFE_INTEGER || minor > Number.MAX_SAFE_INTEGER || patch > Number.MAX_SAFE_INTEGER)
        return undefined;
    return { major, minor, patch, prerelease: m[4] ?? '' };
}
/** `major.minor.patch[-pre]`, as node-semver's `.version` */
function formatVersion(v) {
    return `${v.major}.${v.minor}.${v.patch}${v.prerelease ? `-${v.prerelease}` : ''}`;
}
/** node-semver's identifier order: numeric ids numerically and below alphanumeric ones, those in ASCII order. */
function compareIdentifiers(a, b) {
    const an = NUMERIC_ID.test(a);
    const bn = NUMERIC_ID.test(b);
    if (an && bn) {
        const x = +a;
        const y = +b;
        return x === y ? 0 : x < y ? -1 : 1;
    }
    if (an !== bn)
        return an ? -1 : 1;
    return a === b ? 0 : a < b ? -1 : 1;
}
/** semver precedence (build metadata ignored), as node-semver's `compare` */
function compareVersions(a, b) {
    if (a.major !== b.major)
        return a.major < b.major ? -1 : 1;
    if (a.minor !== b.minor)
        return a.minor < b.minor ? -1 : 1;
    if (a.patch !== b.patch)
        return a.patch < b.patch ? -1 : 1;
    if (a.prerelease === b.prerelease)
        return 0;
    if (!a.prerelease || !b.prerelease)
        return a.prerelease ? -1 : 1;
    const pa = a.prerelease.split('.');
    const pb = b.prerelease.split('.');
    for (let i = 0;; i++) {
        const x = pa[i];
        const y = pb[i];
        if (x === undefined || y === undefined)
            return x === y ? 0 : x === undefined ? -1 : 1;
        if (x !== y)
            return compareIdentifiers(x, y);
    }
}
/** node-semver parses the constraint (one grammar, one authority); its comparators become plain data. */
function compileRange(range) {
    return range.set.map((comparators) => comparators.map((c) => ({
        op: c.operator,
        // the ANY comparator (`*`, `x`) has an empty value and no version
        version: c.value === ''
            ? null
            : { major: c.semver.major, minor: c.semver.minor, patch: c.semver.patch, prerelease: c.semver.prerelease.join('.') },
    })));
}
/**
 * Does a version satisfy a compiled range? Equal to node-semver's `range.test(v)` for every version
 * selectTag asks about: releases, and prereleases only under `includePrerelease` (node-semver's extra
 * prerelease rule applies to neither).
 */
function rangeMatches(range, v) {
    for (const set of range) {
        let ok = true;
        for (const c of set) {
            if (c.version === null)
                continue;
            const d = compareVersions(v, c.version);
            ok = c.op === '<' ? d < 0 : c.op === '<=' ? d <= 0 : c.op === '>' ? d > 0 : c.op === '>=' ? d >= 0 : d === 0;
            if (!ok)
                break;
        }
        if (ok)
            return true;
    }
    return false;
}
/** The version a tag names for a distro, or undefined when it is not a candidate. */
function versionOfTag(tag, distro) {
    // most junk (`latest`, `sha-…`, `main`) fails here, before any string is built
    const first = tag.charCodeAt(0);
    if (first !== 0x76 /* v */ && (first < 0x30 || first > 0x39))
        return undefined;
    const own = SUFFIX[distro];
    let end = tag.length;
    if (tag.endsWith(own))
        end -= own.length;
    else if (distro !== 'ubuntu' || tag.endsWith(SUFFIX.fedora) || tag.endsWith(SUFFIX.opensuse))
        return undefined;
    const start = first === 0x76 ? 1 : 0;
    return parseVersion(start === 0 && end === tag.length ? tag : tag.slice(start, end));
}
/** Higher version wins; equal versions (`v3.1.0`, `3.1.0`, `3.1.0-ubuntu`): the shorter, then the smaller tag. */
function better(tag, version, than) {
    const c = compareVersions(version, than.version);
    if (c !== 0)
        return c > 0;
    if (tag.length !== than.tag.length)
        return tag.length < than.tag.length;
    return tag < than.tag;
}
const BARE = /^v?\d+(?:\.\d+){0,2}(?:-[0-9A-Za-z.-]+)?$/;
/** Cargo reads a comparator without an operator as a caret requirement; node-semver as an exact one. */
function cargoDefaults(constraint) {
    const parts = constraint.includes(',') ? constraint.split(',').map((p) => p.trim()) : [constraint];
    return parts.map((p) => (BARE.test(p) ? `^${p}` : p)).join(' ');
}
function parseConstraint(q) {
    const where = { ...q.where, field: q.where?.field ?? VERSION_FIELD };
    const fix = 'write a semver range such as ^3.0.0, ~3.1, >=3.0.0 <4 or 3.0.0, or set resolution_strategy: explicit to use it as a tag';
    const text = cargoDefaults(q.constraint.trim());
    if (!text)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ(`the version constraint is empty`, { where, fix });
    try {
        return new (semver_classes_range_js__WEBPACK_IMPORTED_MODULE_0___default())(text, { includePrerelease: q.allowPrerelease });
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ(`"${q.constraint}" is not a valid version constraint`, { where, fix });
    }
}
/** Throws the constraint's error now: called before the tag list is fetched (a typo costs no request). */
function checkConstraint(constraint, where) {
    parseConstraint({ constraint, strategy: 'semver', allowPrerelease: false, distro: 'ubuntu', repository: '', where });
}
/**
 * Picks the tag to deploy for a version query. Never assumes the registry's order; parses each tag
 * once and keeps a running maximum (the range is tested only for a tag that would win).
 */
function selectTag(tags, q) {
    if (q.strategy === 'explicit') {
        throw new Error('selectTag called with strategy explicit: the version is the tag, no listing is needed');
    }
    const range = q.strategy === 'latest-stable' ? undefined : parseConstraint(q);
    const compiled = range && compileRange(range);
    const skipPrerelease = range === undefined || !q.allowPrerelease;
    let count = 0;
    let best;
    for (const tag of tags) {
        const version = versionOfTag(tag, q.distro);
        if (version === undefined)
            continue;
        count++;
        if (skipPrerelease && version.prerelease)
            continue;
        if (best !== undefined && !better(tag, version, best))
            continue;
        if (compiled && !rangeMatches(compiled, version))
            continue;
        best = { tag, version };
    }
    if (best)
        return { tag: best.tag, version: formatVersion(best.version), candidates: count };
    // the failure path may be slow: collect the candidates again for the message
    const candidates = [];
    for (const tag of tags) {
        const version = versionOfTag(tag, q.distro);
        if (version)
            candidates.push({ tag, version });
    }
    throw noMatch(tags, candidates, range, q);
}
function noMatch(tags, candidates, range, q) {
    const where = { ...q.where, field: q.where?.field ?? VERSION_FIELD };
    const setting = q.strategy === 'latest-stable'
        ? `strategy latest-stable, distro ${q.distro}`
        : `constraint "${q.constraint}", strategy ${q.strategy}, distro ${q.distro}, allow_prerelease ${q.allowPrerelease}`;
    let seen;
    if (candidates.length === 0) {
        const sample = tags.slice(0, 5).join(', ');
        seen =
            tags.length === 0
                ? 'the repository has no tags'
                : `none of its ${tags.length} tags is a semver version for ${q.distro} (e.g. ${sample})`;
    }
    else {
        seen = `nearest tags: ${nearest(candidates, range).join(', ')} (of ${candidates.length} semver tags for ${q.distro})`;
    }
    return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ(`no tag of ${q.repository} matches (${setting}); ${seen}${whyNot(candidates, q)}`, {
        where,
        fix: noMatchFix(candidates, q),
    });
}
/**
 * What is wrong when prereleases are already allowed and still nothing is chosen: `latest-stable`
 * takes releases only, whatever allow_prerelease says. Empty otherwise.
 */
function whyNot(candidates, q) {
    if (!q.allowPrerelease || q.strategy !== 'latest-stable' || !candidates.some((c) => c.version.prerelease))
        return '';
    return '; strategy latest-stable takes releases only, so allow_prerelease: true has no effect and the prereleases are not chosen';
}
/** Suggests allow_prerelease only when it is off: setting what is already set fixes nothing. */
function noMatchFix(candidates, q) {
    if (!q.allowPrerelease)
        return 'loosen the constraint, set allow_prerelease: true, or pin tag_override';
    if (whyNot(candidates, q))
        return 'write resolution_strategy: semver with a version that admits the prereleases (e.g. version: ">=0.0.0-0"), or pin tag_override';
    return 'loosen the constraint (prereleases are already allowed), push a matching tag, or pin tag_override';
}
/** Up to 5 candidates closest to the lowest version the range admits (else the highest), highest first. */
function nearest(candidates, range) {
    let target = null;
    try {
        target = range ? semver_ranges_min_version_js__WEBPACK_IMPORTED_MODULE_1___default()(range) : null;
    }
    catch {
        target = null;
    }
    const distance = (v) => target
        ? [Math.abs(v.major - target.major), Math.abs(v.minor - target.minor), Math.abs(v.patch - target.patch)]
        : [-v.major, -v.minor, -v.patch];
    const byDistance = (a, b) => {
        const da = distance(a.version);
        const db = distance(b.version);
        for (let i = 0; i < 3; i++)
            if (da[i] !== db[i])
                return da[i] - db[i];
        return compareVersions(b.version, a.version);
    };
    return [...candidates]
        .sort(byDistance)
        .slice(0, 5)
        .sort((a, b) => (better(a.tag, a.version, b) ? -1 : better(b.tag, b.version, a) ? 1 : 0))
        .map((c) => c.tag);
}
function tagList(tags) {
    return { tags, select: (q) => selectTag(tags, q) };
}


/***/ })

};
