import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 9379:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const ANY = Symbol('SemVer ANY')
// hoisted class for cyclic dependency
class Comparator {
  static get ANY () {
    return ANY
  }

  constructor (comp, options) {
    options = parseOptions(options)

    if (comp instanceof Comparator) {
      if (comp.loose === !!options.loose) {
        return comp
      } else {
        comp = comp.value
      }
    }

    comp = comp.trim().split(/\s+/).join(' ')
    debug('comparator', comp, options)
    this.options = options
    this.loose = !!options.loose
    this.parse(comp)

    if (this.semver === ANY) {
      this.value = ''
    } else {
      this.value = this.operator + this.semver.version
    }

    debug('comp', this)
  }

  parse (comp) {
    const r = this.options.loose ? re[t.COMPARATORLOOSE] : re[t.COMPARATOR]
    const m = comp.match(r)

    if (!m) {
      throw new TypeError(`Invalid comparator: ${comp}`)
    }

    this.operator = m[1] !== undefined ? m[1] : ''
    if (this.operator === '=') {
      this.operator = ''
    }

    // if it literally is just '>' or '' then allow anything.
    if (!m[2]) {
      this.semver = ANY
    } else {
      this.semver = new SemVer(m[2], this.options.loose)
    }
  }

  toString () {
    return this.value
  }

  test (version) {
    debug('Comparator.test', version, this.options.loose)

    if (this.semver === ANY || version === ANY) {
      return true
    }

    if (typeof version === 'string') {
      try {
        version = new SemVer(version, this.options)
      } catch (er) {
        return false
      }
    }

    return cmp(version, this.operator, this.semver, this.options)
  }

  intersects (comp, options) {
    if (!(comp instanceof Comparator)) {
      throw new TypeError('a Comparator is required')
    }

    if (this.operator === '') {
      if (this.value === '') {
        return true
      }
      return new Range(comp.value, options).test(this.value)
    } else if (comp.operator === '') {
      if (comp.value === '') {
        return true
      }
      return new Range(this.value, options).test(comp.semver)
    }

    options = parseOptions(options)

    // Special cases where nothing can possibly be lower
    if (options.includePrerelease &&
      (this.value === '<0.0.0-0' || comp.value === '<0.0.0-0')) {
      return false
    }
    if (!options.includePrerelease &&
      (this.value.startsWith('<0.0.0') || comp.value.startsWith('<0.0.0'))) {
      return false
    }

    // Same direction increasing (> or >=)
    if (this.operator.startsWith('>') && comp.operator.startsWith('>')) {
      return true
    }
    // Same direction decreasing (< or <=)
    if (this.operator.startsWith('<') && comp.operator.startsWith('<')) {
      return true
    }
    // same SemVer and both sides are inclusive (<= or >=)
    if (
      (this.semver.version === comp.semver.version) &&
      this.operator.includes('=') && comp.operator.includes('=')) {
      return true
    }
    // opposite directions less than
    if (cmp(this.semver, '<', comp.semver, options) &&
      this.operator.startsWith('>') && comp.operator.startsWith('<')) {
      return true
    }
    // opposite directions greater than
    if (cmp(this.semver, '>', comp.semver, options) &&
      this.operator.startsWith('<') && comp.operator.startsWith('>')) {
      return true
    }
    return false
  }
}

module.exports = Comparator

const parseOptions = __nccwpck_require__(356)
const { safeRe: re, t } = __nccwpck_require__(5471)
const cmp = __nccwpck_require__(8646)
const debug = __nccwpck_require__(1159)
const SemVer = __nccwpck_require__(7163)
const Range = __nccwpck_require__(6782)


/***/ }),

/***/ 6782:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SPACE_CHARACTERS = /\s+/g

// hoisted class for cyclic dependency
class Range {
  constructor (range, options) {
    options = parseOptions(options)

    if (range instanceof Range) {
      if (
        range.loose === !!options.loose &&
        range.includePrerelease === !!options.includePrerelease
      ) {
        return range
      } else {
        return new Range(range.raw, options)
      }
    }

    if (range instanceof Comparator) {
      // just put it in the set and return
      this.raw = range.value
      this.set = [[range]]
      this.formatted = undefined
      return this
    }

    this.options = options
    this.loose = !!options.loose
    this.includePrerelease = !!options.includePrerelease

    // First reduce all whitespace as much as possible so we do not have to rely
    // on potentially slow regexes like \s*. This is then stored and used for
    // future error messages as well.
    this.raw = range.trim().replace(SPACE_CHARACTERS, ' ')

    // First, split on ||
    this.set = this.raw
      .split('||')
      // map the range to a 2d array of comparators
      .map(r => this.parseRange(r.trim()))
      // throw out any comparator lists that are empty
      // this generally means that it was not a valid range, which is allowed
      // in loose mode, but will still throw if the WHOLE range is invalid.
      .filter(c => c.length)

    if (!this.set.length) {
      throw new TypeError(`Invalid SemVer Range: ${this.raw}`)
    }

    // if we have any that are not the null set, throw out null sets.
    if (this.set.length > 1) {
      // keep the first one, in case they're all null sets
      const first = this.set[0]
      this.set = this.set.filter(c => !isNullSet(c[0]))
      if (this.set.length === 0) {
        this.set = [first]
      } else if (this.set.length > 1) {
        // if we have any that are *, then the range is just *
        for (const c of this.set) {
          if (c.length === 1 && isAny(c[0])) {
            this.set = [c]
            break
          }
        }
      }
    }

    this.formatted = undefined
  }

  get range () {
    if (this.formatted === undefined) {
      this.formatted = ''
      for (let i = 0; i < this.set.length; i++) {
        if (i > 0) {
          this.formatted += '||'
        }
        const comps = this.set[i]
        for (let k = 0; k < comps.length; k++) {
          if (k > 0) {
            this.formatted += ' '
          }
          this.formatted += comps[k].toString().trim()
        }
      }
    }
    return this.formatted
  }

  format () {
    return this.range
  }

  toString () {
    return this.range
  }

  parseRange (range) {
    // strip build metadata so it can't bleed into the version
    range = range.replace(BUILDSTRIPRE, '')

    // memoize range parsing for performance.
    // this is a very hot path, and fully deterministic.
    const memoOpts =
      (this.options.includePrerelease && FLAG_INCLUDE_PRERELEASE) |
      (this.options.loose && FLAG_LOOSE)
    const memoKey = memoOpts + ':' + range
    const cached = cache.get(memoKey)
    if (cached) {
      return cached
    }

    const loose = this.options.loose
    // `1.2.3 - 1.2.4` => `>=1.2.3 <=1.2.4`
    const hr = loose ? re[t.HYPHENRANGELOOSE] : re[t.HYPHENRANGE]
    range = range.replace(hr, hyphenReplace(this.options.includePrerelease))
    debug('hyphen replace', range)

    // `> 1.2.3 < 1.2.5` => `>1.2.3 <1.2.5`
    range = trimComparatorWhitespace(range)
    debug('comparator trim', range)

    // `~ 1.2.3` => `~1.2.3`
    range = range.replace(re[t.TILDETRIM], tildeTrimReplace)
    debug('tilde trim', range)

    // `^ 1.2.3` => `^1.2.3`
    range = range.replace(re[t.CARETTRIM], caretTrimReplace)
    debug('caret trim', range)

    // At this point, the range is completely trimmed and
    // ready to be split into comparators.

    let rangeList = range
      .split(' ')
      .map(comp => parseComparator(comp, this.options))
      .join(' ')
      .split(/\s+/)
      // >=0.0.0 is equivalent to *
      .map(comp => replaceGTE0(comp, this.options))

    if (loose) {
      // in loose mode, throw out any that are not valid comparators
      rangeList = rangeList.filter(comp => {
        debug('loose invalid filter', comp, this.options)
        return !!comp.match(re[t.COMPARATORLOOSE])
      })
    }
    debug('range list', rangeList)

    // if any comparators are the null set, then replace with JUST null set
    // if more than one comparator, remove any * comparators
    // also, don't include the same comparator more than once
    const rangeMap = new Map()
    const comparators = rangeList.map(comp => new Comparator(comp, this.options))
    for (const comp of comparators) {
      if (isNullSet(comp)) {
        return [comp]
      }
      rangeMap.set(comp.value, comp)
    }
    if (rangeMap.size > 1 && rangeMap.has('')) {
      rangeMap.delete('')
    }

    const result = [...rangeMap.values()]
    cache.set(memoKey, result)
    return result
  }

  intersects (range, options) {
    if (!(range instanceof Range)) {
      throw new TypeError('a Range is required')
    }

    return this.set.some((thisComparators) => {
      return (
        isSatisfiable(thisComparators, options) &&
        range.set.some((rangeComparators) => {
          return (
            isSatisfiable(rangeComparators, options) &&
            thisComparators.every((thisComparator) => {
              return rangeComparators.every((rangeComparator) => {
                return thisComparator.intersects(rangeComparator, options)
              })
            })
          )
        })
      )
    })
  }

  // if ANY of the sets match ALL of its comparators, then pass
  test (version) {
    if (!version) {
      return false
    }

    if (typeof version === 'string') {
      try {
        version = new SemVer(version, this.options)
      } catch (er) {
        return false
      }
    }

    for (let i = 0; i < this.set.length; i++) {
      if (testSet(this.set[i], version, this.options)) {
        return true
      }
    }
    return false
  }
}

module.exports = Range

const LRU = __nccwpck_require__(1383)
const cache = new LRU()

const parseOptions = __nccwpck_require__(356)
const Comparator = __nccwpck_require__(9379)
const debug = __nccwpck_require__(1159)
const SemVer = __nccwpck_require__(7163)
const trimComparatorWhitespace = __nccwpck_require__(9737)
const {
  safeRe: re,
  src,
  t,
  tildeTrimReplace,
  caretTrimReplace,
} = __nccwpck_require__(5471)
const { FLAG_INCLUDE_PRERELEASE, FLAG_LOOSE } = __nccwpck_require__(5101)

// unbounded global build-metadata stripper used by parseRange
const BUILDSTRIPRE = new RegExp(src[t.BUILD], 'g')

const isNullSet = c => c.value === '<0.0.0-0'
const isAny = c => c.value === ''

// take a set of comparators and determine whether there
// exists a version which can satisfy it
const isSatisfiable = (comparators, options) => {
  let result = true
  const remainingComparators = comparators.slice()
  let testComparator = remainingComparators.pop()

  while (result && remainingComparators.length) {
    result = remainingComparators.every((otherComparator) => {
      return testComparator.intersects(otherComparator, options)
    })

    testComparator = remainingComparators.pop()
  }

  return result
}

// comprised of xranges, tildes, stars, and gtlt's at this point.
// already replaced the hyphen ranges
// turn into a set of JUST comparators.
const parseComparator = (comp, options) => {
  comp = comp.replace(re[t.BUILD], '')
  debug('comp', comp, options)
  comp = replaceCarets(comp, options)
  debug('caret', comp)
  comp = replaceTildes(comp, options)
  debug('tildes', comp)
  comp = replaceXRanges(comp, options)
  debug('xrange', comp)
  comp = replaceStars(comp, options)
  debug('stars', comp)
  return comp
}

const isX = id => !id || id.toLowerCase() === 'x' || id === '*'

const invalidXRangeOrder = (M, m, p) => (
  (isX(M) && !isX(m)) ||
  (isX(m) && p && !isX(p))
)

// ~, ~> --> * (any, kinda silly)
// ~2, ~2.x, ~2.x.x, ~>2, ~>2.x ~>2.x.x --> >=2.0.0 <3.0.0-0
// ~2.0, ~2.0.x, ~>2.0, ~>2.0.x --> >=2.0.0 <2.1.0-0
// ~1.2, ~1.2.x, ~>1.2, ~>1.2.x --> >=1.2.0 <1.3.0-0
// ~1.2.3, ~>1.2.3 --> >=1.2.3 <1.3.0-0
// ~1.2.0, ~>1.2.0 --> >=1.2.0 <1.3.0-0
// ~0.0.1 --> >=0.0.1 <0.1.0-0
const replaceTildes = (comp, options) => {
  return comp
    .trim()
    .split(/\s+/)
    .map((c) => replaceTilde(c, options))
    .join(' ')
}

const replaceTilde = (comp, options) => {
  const r = options.loose ? re[t.TILDELOOSE] : re[t.TILDE]
  // if we're including prereleases in the match, then the lower bound is
  // -0, the lowest possible prerelease value, just like x-ranges and carets.
  // this keeps `~1.2` equivalent to the `1.2.x` x-range it's documented as.
  const z = options.includePrerelease ? '-0' : ''
  return comp.replace(r, (_, M, m, p, pr) => {
    debug('tilde', comp, _, M, m, p, pr)
    let ret

    if (isX(M)) {
      ret = ''
    } else if (isX(m)) {
      ret = `>=${M}.0.0${z} <${+M + 1}.0.0-0`
    } else if (isX(p)) {
      // ~1.2 == >=1.2.0 <1.3.0-0
      ret = `>=${M}.${m}.0${z} <${M}.${+m + 1}.0-0`
    } else if (pr) {
      debug('replaceTilde pr', pr)
      ret = `>=${M}.${m}.${p}-${pr
      } <${M}.${+m + 1}.0-0`
    } else {
      // ~1.2.3 == >=1.2.3 <1.3.0-0
      ret = `>=${M}.${m}.${p
      } <${M}.${+m + 1}.0-0`
    }

    debug('tilde return', ret)
    return ret
  })
}

// ^ --> * (any, kinda silly)
// ^2, ^2.x, ^2.x.x --> >=2.0.0 <3.0.0-0
// ^2.0, ^2.0.x --> >=2.0.0 <3.0.0-0
// ^1.2, ^1.2.x --> >=1.2.0 <2.0.0-0
// ^1.2.3 --> >=1.2.3 <2.0.0-0
// ^1.2.0 --> >=1.2.0 <2.0.0-0
// ^0.0.1 --> >=0.0.1 <0.0.2-0
// ^0.1.0 --> >=0.1.0 <0.2.0-0
const replaceCarets = (comp, options) => {
  return comp
    .trim()
    .split(/\s+/)
    .map((c) => replaceCaret(c, options))
    .join(' ')
}

const replaceCaret = (comp, options) => {
  debug('caret', comp, options)
  const r = options.loose ? re[t.CARETLOOSE] : re[t.CARET]
  const z = options.includePrerelease ? '-0' : ''
  return comp.replace(r, (_, M, m, p, pr) => {
    debug('caret', comp, _, M, m, p, pr)
    let ret

    if (isX(M)) {
      ret = ''
    } else if (isX(m)) {
      ret = `>=${M}.0.0${z} <${+M + 1}.0.0-0`
    } else if (isX(p)) {
      if (M === '0') {
        ret = `>=${M}.${m}.0${z} <${M}.${+m + 1}.0-0`
      } else {
        ret = `>=${M}.${m}.0${z} <${+M + 1}.0.0-0`
      }
    } else if (pr) {
      debug('replaceCaret pr', pr)
      if (M === '0') {
        if (m === '0') {
          ret = `>=${M}.${m}.${p}-${pr
          } <${M}.${m}.${+p + 1}-0`
        } else {
          ret = `>=${M}.${m}.${p}-${pr
          } <${M}.${+m + 1}.0-0`
        }
      } else {
        ret = `>=${M}.${m}.${p}-${pr
        } <${+M + 1}.0.0-0`
      }
    } else {
      debug('no pr')
      if (M === '0') {
        if (m === '0') {
          ret = `>=${M}.${m}.${p
          } <${M}.${m}.${+p + 1}-0`
        } else {
          ret = `>=${M}.${m}.${p
          } <${M}.${+m + 1}.0-0`
        }
      } else {
        ret = `>=${M}.${m}.${p
        } <${+M + 1}.0.0-0`
      }
    }

    debug('caret return', ret)
    return ret
  })
}

const replaceXRanges = (comp, options) => {
  debug('replaceXRanges', comp, options)
  return comp
    .split(/\s+/)
    .map((c) => replaceXRange(c, options))
    .join(' ')
}

const replaceXRange = (comp, options) => {
  comp = comp.trim()
  const r = options.loose ? re[t.XRANGELOOSE] : re[t.XRANGE]
  return comp.replace(r, (ret, gtlt, M, m, p, pr) => {
    debug('xRange', comp, ret, gtlt, M, m, p, pr)
    if (invalidXRangeOrder(M, m, p)) {
      return comp
    }

    const xM = isX(M)
    const xm = xM || isX(m)
    const xp = xm || isX(p)
    const anyX = xp

    if (gtlt === '=' && anyX) {
      gtlt = ''
    }

    // if we're including prereleases in the match, then we need
    // to fix this to -0, the lowest possible prerelease value
    pr = options.includePrerelease ? '-0' : ''

    if (xM) {
      if (gtlt === '>' || gtlt === '<') {
        // nothing is allowed
        ret = '<0.0.0-0'
      } else {
        // nothing is forbidden
        ret = '*'
      }
    } else if (gtlt && anyX) {
      // we know patch is an x, because we have any x at all.
      // replace X with 0
      if (xm) {
        m = 0
      }
      p = 0

      if (gtlt === '>') {
        // >1 => >=2.0.0
        // >1.2 => >=1.3.0
        gtlt = '>='
        if (xm) {
          M = +M + 1
          m = 0
          p = 0
        } else {
          m = +m + 1
          p = 0
        }
      } else if (gtlt === '<=') {
        // <=0.7.x is actually <0.8.0, since any 0.7.x should
        // pass.  Similarly, <=7.x is actually <8.0.0, etc.
        gtlt = '<'
        if (xm) {
          M = +M + 1
        } else {
          m = +m + 1
        }
      }

      if (gtlt === '<') {
        pr = '-0'
      }

      ret = `${gtlt + M}.${m}.${p}${pr}`
    } else if (xm) {
      ret = `>=${M}.0.0${pr} <${+M + 1}.0.0-0`
    } else if (xp) {
      ret = `>=${M}.${m}.0${pr
      } <${M}.${+m + 1}.0-0`
    }

    debug('xRange return', ret)

    return ret
  })
}

// Because * is AND-ed with everything else in the comparator,
// and '' means "any version", just remove the *s entirely.
const replaceStars = (comp, options) => {
  debug('replaceStars', comp, options)
  // Looseness is ignored here.  star is always as loose as it gets!
  return comp
    .trim()
    .replace(re[t.STAR], '')
}

const replaceGTE0 = (comp, options) => {
  debug('replaceGTE0', comp, options)
  return comp
    .trim()
    .replace(re[options.includePrerelease ? t.GTE0PRE : t.GTE0], '')
}

// This function is passed to string.replace(re[t.HYPHENRANGE])
// M, m, patch, prerelease, build
// 1.2 - 3.4.5 => >=1.2.0 <=3.4.5
// 1.2.3 - 3.4 => >=1.2.0 <3.5.0-0 Any 3.4.x will do
// 1.2 - 3.4 => >=1.2.0 <3.5.0-0
// TODO build?
const hyphenReplace = incPr => ($0,
  from, fM, fm, fp, fpr, fb,
  to, tM, tm, tp, tpr) => {
  if (isX(fM)) {
    from = ''
  } else if (isX(fm)) {
    from = `>=${fM}.0.0${incPr ? '-0' : ''}`
  } else if (isX(fp)) {
    from = `>=${fM}.${fm}.0${incPr ? '-0' : ''}`
  } else if (fpr) {
    from = `>=${from}`
  } else {
    from = `>=${from}${incPr ? '-0' : ''}`
  }

  if (isX(tM)) {
    to = ''
  } else if (isX(tm)) {
    to = `<${+tM + 1}.0.0-0`
  } else if (isX(tp)) {
    to = `<${tM}.${+tm + 1}.0-0`
  } else if (tpr) {
    to = `<=${tM}.${tm}.${tp}-${tpr}`
  } else if (incPr) {
    to = `<${tM}.${tm}.${+tp + 1}-0`
  } else {
    to = `<=${to}`
  }

  return `${from} ${to}`.trim()
}

const testSet = (set, version, options) => {
  for (let i = 0; i < set.length; i++) {
    if (!set[i].test(version)) {
      return false
    }
  }

  if (version.prerelease.length && !options.includePrerelease) {
    // Find the set of versions that are allowed to have prereleases
    // For example, ^1.2.3-pr.1 desugars to >=1.2.3-pr.1 <2.0.0
    // That should allow `1.2.3-pr.2` to pass.
    // However, `1.2.4-alpha.notready` should NOT be allowed,
    // even though it's within the range set by the comparators.
    for (let i = 0; i < set.length; i++) {
      debug(set[i].semver)
      if (set[i].semver === Comparator.ANY) {
        continue
      }

      if (set[i].semver.prerelease.length > 0) {
        const allowed = set[i].semver
        if (allowed.major === version.major &&
            allowed.minor === version.minor &&
            allowed.patch === version.patch) {
          return true
        }
      }
    }

    // Version has a -pre, but it's not one of the ones we like.
    return false
  }

  return true
}


/***/ }),

/***/ 7163:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const debug = __nccwpck_require__(1159)
const { MAX_LENGTH, MAX_SAFE_INTEGER } = __nccwpck_require__(5101)
const { safeRe: re, t } = __nccwpck_require__(5471)

const parseOptions = __nccwpck_require__(356)
const { compareIdentifiers } = __nccwpck_require__(3348)

const isPrereleaseIdentifier = (prerelease, identifier) => {
  const identifiers = identifier.split('.')
  if (identifiers.length > prerelease.length) {
    return false
  }

  for (let i = 0; i < identifiers.length; i++) {
    if (compareIdentifiers(prerelease[i], identifiers[i]) !== 0) {
      return false
    }
  }

  return true
}

class SemVer {
  constructor (version, options) {
    options = parseOptions(options)

    if (version instanceof SemVer) {
      if (version.loose === !!options.loose &&
        version.includePrerelease === !!options.includePrerelease) {
        return version
      } else {
        version = version.version
      }
    } else if (typeof version !== 'string') {
      throw new TypeError(`Invalid version. Must be a string. Got type "${typeof version}".`)
    }

    if (version.length > MAX_LENGTH) {
      throw new TypeError(
        `version is longer than ${MAX_LENGTH} characters`
      )
    }

    debug('SemVer', version, options)
    this.options = options
    this.loose = !!options.loose
    // this isn't actually relevant for versions, but keep it so that we
    // don't run into trouble passing this.options around.
    this.includePrerelease = !!options.includePrerelease

    const m = version.trim().match(options.loose ? re[t.LOOSE] : re[t.FULL])

    if (!m) {
      throw new TypeError(`Invalid Version: ${version}`)
    }

    this.raw = version

    // these are actually numbers
    this.major = +m[1]
    this.minor = +m[2]
    this.patch = +m[3]

    if (this.major > MAX_SAFE_INTEGER || this.major < 0) {
      throw new TypeError('Invalid major version')
    }

    if (this.minor > MAX_SAFE_INTEGER || this.minor < 0) {
      throw new TypeError('Invalid minor version')
    }

    if (this.patch > MAX_SAFE_INTEGER || this.patch < 0) {
      throw new TypeError('Invalid patch version')
    }

    // numberify any prerelease numeric ids
    if (!m[4]) {
      this.prerelease = []
    } else {
      this.prerelease = m[4].split('.').map((id) => {
        if (/^[0-9]+$/.test(id)) {
          const num = +id
          if (num >= 0 && num < MAX_SAFE_INTEGER) {
            return num
          }
        }
        return id
      })
    }

    this.build = m[5] ? m[5].split('.') : []
    this.format()
  }

  format () {
    this.version = `${this.major}.${this.minor}.${this.patch}`
    if (this.prerelease.length) {
      this.version += `-${this.prerelease.join('.')}`
    }
    return this.version
  }

  toString () {
    return this.version
  }

  compare (other) {
    debug('SemVer.compare', this.version, this.options, other)
    if (!(other instanceof SemVer)) {
      if (typeof other === 'string' && other === this.version) {
        return 0
      }
      other = new SemVer(other, this.options)
    }

    if (other.version === this.version) {
      return 0
    }

    return this.compareMain(other) || this.comparePre(other)
  }

  compareMain (other) {
    if (!(other instanceof SemVer)) {
      other = new SemVer(other, this.options)
    }

    if (this.major < other.major) {
      return -1
    }
    if (this.major > other.major) {
      return 1
    }
    if (this.minor < other.minor) {
      return -1
    }
    if (this.minor > other.minor) {
      return 1
    }
    if (this.patch < other.patch) {
      return -1
    }
    if (this.patch > other.patch) {
      return 1
    }
    return 0
  }

  comparePre (other) {
    if (!(other instanceof SemVer)) {
      other = new SemVer(other, this.options)
    }

    // NOT having a prerelease is > having one
    if (this.prerelease.length && !other.prerelease.length) {
      return -1
    } else if (!this.prerelease.length && other.prerelease.length) {
      return 1
    } else if (!this.prerelease.length && !other.prerelease.length) {
      return 0
    }

    let i = 0
    do {
      const a = this.prerelease[i]
      const b = other.prerelease[i]
      debug('prerelease compare', i, a, b)
      if (a === undefined && b === undefined) {
        return 0
      } else if (b === undefined) {
        return 1
      } else if (a === undefined) {
        return -1
      } else if (a === b) {
        continue
      } else {
        return compareIdentifiers(a, b)
      }
    } while (++i)
  }

  compareBuild (other) {
    if (!(other instanceof SemVer)) {
      other = new SemVer(other, this.options)
    }

    let i = 0
    do {
      const a = this.build[i]
      const b = other.build[i]
      debug('build compare', i, a, b)
      if (a === undefined && b === undefined) {
        return 0
      } else if (b === undefined) {
        return 1
      } else if (a === undefined) {
        return -1
      } else if (a === b) {
        continue
      } else {
        return compareIdentifiers(a, b)
      }
    } while (++i)
  }

  // preminor will bump the version up to the next minor release, and immediately
  // down to pre-release. premajor and prepatch work the same way.
  inc (release, identifier, identifierBase) {
    if (release.startsWith('pre')) {
      if (!identifier && identifierBase === false) {
        throw new Error('invalid increment argument: identifier is empty')
      }
      // Avoid an invalid semver results
      if (identifier) {
        const match = `-${identifier}`.match(this.options.loose ? re[t.PRERELEASELOOSE] : re[t.PRERELEASE])
        if (!match || match[1] !== identifier) {
          throw new Error(`invalid identifier: ${identifier}`)
        }
      }
    }

    switch (release) {
      case 'premajor':
        this.prerelease.length = 0
        this.patch = 0
        this.minor = 0
        this.major++
        this.inc('pre', identifier, identifierBase)
        break
      case 'preminor':
        this.prerelease.length = 0
        this.patch = 0
        this.minor++
        this.inc('pre', identifier, identifierBase)
        break
      case 'prepatch':
        // If this is already a prerelease, it will bump to the next version
        // drop any prereleases that might already exist, since they are not
        // relevant at this point.
        this.prerelease.length = 0
        this.inc('patch', identifier, identifierBase)
        this.inc('pre', identifier, identifierBase)
        break
      // If the input is a non-prerelease version, this acts the same as
      // prepatch.
      case 'prerelease':
        if (this.prerelease.length === 0) {
          this.inc('patch', identifier, identifierBase)
        }
        this.inc('pre', identifier, identifierBase)
        break
      case 'release':
        if (this.prerelease.length === 0) {
          throw new Error(`version ${this.raw} is not a prerelease`)
        }
        this.prerelease.length = 0
        break

      case 'major':
        // If this is a pre-major version, bump up to the same major version.
        // Otherwise increment major.
        // 1.0.0-5 bumps to 1.0.0
        // 1.1.0 bumps to 2.0.0
        if (
          this.minor !== 0 ||
          this.patch !== 0 ||
          this.prerelease.length === 0
        ) {
          this.major++
        }
        this.minor = 0
        this.patch = 0
        this.prerelease = []
        break
      case 'minor':
        // If this is a pre-minor version, bump up to the same minor version.
        // Otherwise increment minor.
        // 1.2.0-5 bumps to 1.2.0
        // 1.2.1 bumps to 1.3.0
        if (this.patch !== 0 || this.prerelease.length === 0) {
          this.minor++
        }
        this.patch = 0
        this.prerelease = []
        break
      case 'patch':
        // If this is not a pre-release version, it will increment the patch.
        // If it is a pre-release it will bump up to the same patch version.
        // 1.2.0-5 patches to 1.2.0
        // 1.2.0 patches to 1.2.1
        if (this.prerelease.length === 0) {
          this.patch++
        }
        this.prerelease = []
        break
      // This probably shouldn't be used publicly.
      // 1.0.0 'pre' would become 1.0.0-0 which is the wrong direction.
      case 'pre': {
        const base = Number(identifierBase) ? 1 : 0

        if (this.prerelease.length === 0) {
          this.prerelease = [base]
        } else {
          let i = this.prerelease.length
          while (--i >= 0) {
            if (typeof this.prerelease[i] === 'number') {
              this.prerelease[i]++
              i = -2
            }
          }
          if (i === -1) {
            // didn't increment anything
            if (identifier === this.prerelease.join('.') && identifierBase === false) {
              throw new Error('invalid increment argument: identifier already exists')
            }
            this.prerelease.push(base)
          }
        }
        if (identifier) {
          // 1.2.0-beta.1 bumps to 1.2.0-beta.2,
          // 1.2.0-beta.fooblz or 1.2.0-beta bumps to 1.2.0-beta.0
          let prerelease = [identifier, base]
          if (identifierBase === false) {
            prerelease = [identifier]
          }
          if (isPrereleaseIdentifier(this.prerelease, identifier)) {
            const prereleaseBase = this.prerelease[identifier.split('.').length]
            if (isNaN(prereleaseBase)) {
              this.prerelease = prerelease
            }
          } else {
            this.prerelease = prerelease
          }
        }
        break
      }
      default:
        throw new Error(`invalid increment argument: ${release}`)
    }
    this.raw = this.format()
    if (this.build.length) {
      this.raw += `+${this.build.join('.')}`
    }
    return this
  }
}

module.exports = SemVer


/***/ }),

/***/ 8646:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const eq = __nccwpck_require__(5082)
const neq = __nccwpck_require__(4974)
const gt = __nccwpck_require__(6599)
const gte = __nccwpck_require__(1236)
const lt = __nccwpck_require__(3872)
const lte = __nccwpck_require__(6717)

const cmp = (a, op, b, loose) => {
  switch (op) {
    case '===':
      if (typeof a === 'object') {
        a = a.version
      }
      if (typeof b === 'object') {
        b = b.version
      }
      return a === b

    case '!==':
      if (typeof a === 'object') {
        a = a.version
      }
      if (typeof b === 'object') {
        b = b.version
      }
      return a !== b

    case '':
    case '=':
    case '==':
      return eq(a, b, loose)

    case '!=':
      return neq(a, b, loose)

    case '>':
      return gt(a, b, loose)

    case '>=':
      return gte(a, b, loose)

    case '<':
      return lt(a, b, loose)

    case '<=':
      return lte(a, b, loose)

    default:
      throw new TypeError(`Invalid operator: ${op}`)
  }
}
module.exports = cmp


/***/ }),

/***/ 8469:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)
const compare = (a, b, loose) =>
  new SemVer(a, loose).compare(new SemVer(b, loose))

module.exports = compare


/***/ }),

/***/ 5082:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compare = __nccwpck_require__(8469)
const eq = (a, b, loose) => compare(a, b, loose) === 0
module.exports = eq


/***/ }),

/***/ 6599:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compare = __nccwpck_require__(8469)
const gt = (a, b, loose) => compare(a, b, loose) > 0
module.exports = gt


/***/ }),

/***/ 1236:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compare = __nccwpck_require__(8469)
const gte = (a, b, loose) => compare(a, b, loose) >= 0
module.exports = gte


/***/ }),

/***/ 3872:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compare = __nccwpck_require__(8469)
const lt = (a, b, loose) => compare(a, b, loose) < 0
module.exports = lt


/***/ }),

/***/ 6717:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compare = __nccwpck_require__(8469)
const lte = (a, b, loose) => compare(a, b, loose) <= 0
module.exports = lte


/***/ }),

/***/ 4974:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compare = __nccwpck_require__(8469)
const neq = (a, b, loose) => compare(a, b, loose) !== 0
module.exports = neq


/***/ }),

/***/ 5101:
/***/ ((module) => {



// Note: this is the semver.org version of the spec that it implements
// Not necessarily the package version of this code.
const SEMVER_SPEC_VERSION = '2.0.0'

const MAX_LENGTH = 256
const MAX_SAFE_INTEGER = Number.MAX_SAFE_INTEGER ||
/* istanbul ignore next */ 9007199254740991

// Max safe segment length for coercion.
const MAX_SAFE_COMPONENT_LENGTH = 16

// Max safe length for a build identifier. The max length minus 6 characters for
// the shortest version with a build 0.0.0+BUILD.
const MAX_SAFE_BUILD_LENGTH = MAX_LENGTH - 6

// ECMAScript whitespace and line terminators matched by \s.
const WHITESPACE_CHARACTERS = [
  '\t',
  '\n',
  '\v',
  '\f',
  '\r',
  ' ',
  '\u00a0',
  '\u1680',
  '\u2000',
  '\u2001',
  '\u2002',
  '\u2003',
  '\u2004',
  '\u2005',
  '\u2006',
  '\u2007',
  '\u2008',
  '\u2009',
  '\u200a',
  '\u2028',
  '\u2029',
  '\u202f',
  '\u205f',
  '\u3000',
  '\ufeff',
]

const RELEASE_TYPES = [
  'major',
  'premajor',
  'minor',
  'preminor',
  'patch',
  'prepatch',
  'prerelease',
]

module.exports = {
  MAX_LENGTH,
  MAX_SAFE_COMPONENT_LENGTH,
  MAX_SAFE_BUILD_LENGTH,
  MAX_SAFE_INTEGER,
  WHITESPACE_CHARACTERS,
  RELEASE_TYPES,
  SEMVER_SPEC_VERSION,
  FLAG_INCLUDE_PRERELEASE: 0b001,
  FLAG_LOOSE: 0b010,
}


/***/ }),

/***/ 1159:
/***/ ((module) => {



const debug = (
  typeof process === 'object' &&
  process.env &&
  process.env.NODE_DEBUG &&
  /\bsemver\b/i.test(process.env.NODE_DEBUG)
) ? (...args) => console.error('SEMVER', ...args)
  : () => {}

module.exports = debug


/***/ }),

/***/ 3348:
/***/ ((module) => {



const numeric = /^[0-9]+$/
const compareIdentifiers = (a, b) => {
  if (typeof a === 'number' && typeof b === 'number') {
    return a === b ? 0 : a < b ? -1 : 1
  }

  const anum = numeric.test(a)
  const bnum = numeric.test(b)

  if (anum && bnum) {
    a = +a
    b = +b
  }

  return a === b ? 0
    : (anum && !bnum) ? -1
    : (bnum && !anum) ? 1
    : a < b ? -1
    : 1
}

const rcompareIdentifiers = (a, b) => compareIdentifiers(b, a)

module.exports = {
  compareIdentifiers,
  rcompareIdentifiers,
}


/***/ }),

/***/ 1383:
/***/ ((module) => {



class LRUCache {
  constructor () {
    this.max = 1000
    this.map = new Map()
  }

  get (key) {
    const value = this.map.get(key)
    if (value === undefined) {
      return undefined
    } else {
      // Remove the key from the map and add it to the end
      this.map.delete(key)
      this.map.set(key, value)
      return value
    }
  }

  delete (key) {
    return this.map.delete(key)
  }

  set (key, value) {
    const deleted = this.delete(key)

    if (!deleted && value !== undefined) {
      // If cache is full, delete the least recently used item
      if (this.map.size >= this.max) {
        const firstKey = this.map.keys().next().value
        this.delete(firstKey)
      }

      this.map.set(key, value)
    }

    return this
  }
}

module.exports = LRUCache


/***/ }),

/***/ 356:
/***/ ((module) => {



// parse out just the options we care about
const looseOption = Object.freeze({ loose: true })
const emptyOpts = Object.freeze({ })
const parseOptions = options => {
  if (!options) {
    return emptyOpts
  }

  if (typeof options !== 'object') {
    return looseOption
  }

  return options
}
module.exports = parseOptions


/***/ }),

/***/ 5471:
/***/ ((module, exports, __nccwpck_require__) => {



const {
  MAX_SAFE_COMPONENT_LENGTH,
  MAX_SAFE_BUILD_LENGTH,
  MAX_LENGTH,
} = __nccwpck_require__(5101)
const debug = __nccwpck_require__(1159)
exports = module.exports = {}

// The actual regexps go on exports.re
const re = exports.re = []
const safeRe = exports.safeRe = []
const src = exports.src = []
const safeSrc = exports.safeSrc = []
const t = exports.t = {}
let R = 0

const LETTERDASHNUMBER = '[a-zA-Z0-9-]'

// Replace some greedy regex tokens to prevent regex dos issues. These regex are
// used internally via the safeRe object since all inputs in this library get
// normalized first to trim and collapse all extra whitespace. The original
// regexes are exported for userland consumption and lower level usage. A
// future breaking change could export the safer regex only with a note that
// all input should have extra whitespace removed.
const safeRegexReplacements = [
  ['\\s', 1],
  ['\\d', MAX_LENGTH],
  [LETTERDASHNUMBER, MAX_SAFE_BUILD_LENGTH],
]

const makeSafeRegex = (value) => {
  for (const [token, max] of safeRegexReplacements) {
    value = value
      .split(`${token}*`).join(`${token}{0,${max}}`)
      .split(`${token}+`).join(`${token}{1,${max}}`)
  }
  return value
}

const createToken = (name, value, isGlobal) => {
  const safe = makeSafeRegex(value)
  const index = R++
  debug(name, index, value)
  t[name] = index
  src[index] = value
  safeSrc[index] = safe
  re[index] = new RegExp(value, isGlobal ? 'g' : undefined)
  safeRe[index] = new RegExp(safe, isGlobal ? 'g' : undefined)
}

// The following Regular Expressions can be used for tokenizing,
// validating, and parsing SemVer version strings.

// ## Numeric Identifier
// A single `0`, or a non-zero digit followed by zero or more digits.

createToken('NUMERICIDENTIFIER', '0|[1-9]\\d*')
createToken('NUMERICIDENTIFIERLOOSE', '\\d+')

// ## Non-numeric Identifier
// Zero or more digits, followed by a letter or hyphen, and then zero or
// more letters, digits, or hyphens.

createToken('NONNUMERICIDENTIFIER', `\\d*[a-zA-Z-]${LETTERDASHNUMBER}*`)

// ## Main Version
// Three dot-separated numeric identifiers.

createToken('MAINVERSION', `(${src[t.NUMERICIDENTIFIER]})\\.` +
                   `(${src[t.NUMERICIDENTIFIER]})\\.` +
                   `(${src[t.NUMERICIDENTIFIER]})`)

createToken('MAINVERSIONLOOSE', `(${src[t.NUMERICIDENTIFIERLOOSE]})\\.` +
                        `(${src[t.NUMERICIDENTIFIERLOOSE]})\\.` +
                        `(${src[t.NUMERICIDENTIFIERLOOSE]})`)

// ## Pre-release Version Identifier
// A numeric identifier, or a non-numeric identifier.
// Non-numeric identifiers include numeric identifiers but can be longer.
// Therefore non-numeric identifiers must go first.

createToken('PRERELEASEIDENTIFIER', `(?:${src[t.NONNUMERICIDENTIFIER]
}|${src[t.NUMERICIDENTIFIER]})`)

createToken('PRERELEASEIDENTIFIERLOOSE', `(?:${src[t.NONNUMERICIDENTIFIER]
}|${src[t.NUMERICIDENTIFIERLOOSE]})`)

// ## Pre-release Version
// Hyphen, followed by one or more dot-separated pre-release version
// identifiers.

createToken('PRERELEASE', `(?:-(${src[t.PRERELEASEIDENTIFIER]
}(?:\\.${src[t.PRERELEASEIDENTIFIER]})*))`)

createToken('PRERELEASELOOSE', `(?:-?(${src[t.PRERELEASEIDENTIFIERLOOSE]
}(?:\\.${src[t.PRERELEASEIDENTIFIERLOOSE]})*))`)

// ## Build Metadata Identifier
// Any combination of digits, letters, or hyphens.

createToken('BUILDIDENTIFIER', `${LETTERDASHNUMBER}+`)

// ## Build Metadata
// Plus sign, followed by one or more period-separated build metadata
// identifiers.

createToken('BUILD', `(?:\\+(${src[t.BUILDIDENTIFIER]
}(?:\\.${src[t.BUILDIDENTIFIER]})*))`)

// ## Full Version String
// A main version, followed optionally by a pre-release version and
// build metadata.

// Note that the only major, minor, patch, and pre-release sections of
// the version string are capturing groups.  The build metadata is not a
// capturing group, because it should not ever be used in version
// comparison.

createToken('FULLPLAIN', `v?${src[t.MAINVERSION]
}${src[t.PRERELEASE]}?${
  src[t.BUILD]}?`)

createToken('FULL', `^${src[t.FULLPLAIN]}$`)

// like full, but allows v1.2.3 and =1.2.3, which people do sometimes.
// also, 1.0.0alpha1 (prerelease without the hyphen) which is pretty
// common in the npm registry.
createToken('LOOSEPLAIN', `[v=\\s]*${src[t.MAINVERSIONLOOSE]
}${src[t.PRERELEASELOOSE]}?${
  src[t.BUILD]}?`)

createToken('LOOSE', `^${src[t.LOOSEPLAIN]}$`)

createToken('GTLT', '((?:<|>)?=?)')

// Something like "2.*" or "1.2.x".
// Note that "x.x" is a valid xRange identifier, meaning "any version"
// Only the first item is strictly required.
createToken('XRANGEIDENTIFIERLOOSE', `${src[t.NUMERICIDENTIFIERLOOSE]}|x|X|\\*`)
createToken('XRANGEIDENTIFIER', `${src[t.NUMERICIDENTIFIER]}|x|X|\\*`)

createToken('XRANGEPLAIN', `[v=\\s]*(${src[t.XRANGEIDENTIFIER]})` +
                   `(?:\\.(${src[t.XRANGEIDENTIFIER]})` +
                   `(?:\\.(${src[t.XRANGEIDENTIFIER]})` +
                   `(?:${src[t.PRERELEASE]})?${
                     src[t.BUILD]}?` +
                   `)?)?`)

createToken('XRANGEPLAINLOOSE', `[v=\\s]*(${src[t.XRANGEIDENTIFIERLOOSE]})` +
                        `(?:\\.(${src[t.XRANGEIDENTIFIERLOOSE]})` +
                        `(?:\\.(${src[t.XRANGEIDENTIFIERLOOSE]})` +
                        `(?:${src[t.PRERELEASELOOSE]})?${
                          src[t.BUILD]}?` +
                        `)?)?`)

createToken('XRANGE', `^${src[t.GTLT]}\\s*${src[t.XRANGEPLAIN]}$`)
createToken('XRANGELOOSE', `^${src[t.GTLT]}\\s*${src[t.XRANGEPLAINLOOSE]}$`)

// Coercion.
// Extract anything that could conceivably be a part of a valid semver
createToken('COERCEPLAIN', `${'(^|[^\\d])' +
              '(\\d{1,'}${MAX_SAFE_COMPONENT_LENGTH}})` +
              `(?:\\.(\\d{1,${MAX_SAFE_COMPONENT_LENGTH}}))?` +
              `(?:\\.(\\d{1,${MAX_SAFE_COMPONENT_LENGTH}}))?`)
createToken('COERCE', `${src[t.COERCEPLAIN]}(?:$|[^\\d])`)
createToken('COERCEFULL', src[t.COERCEPLAIN] +
              `(?:${src[t.PRERELEASE]})?` +
              `(?:${src[t.BUILD]})?` +
              `(?:$|[^\\d])`)
createToken('COERCERTL', src[t.COERCE], true)
createToken('COERCERTLFULL', src[t.COERCEFULL], true)

// Tilde ranges.
// Meaning is "reasonably at or greater than"
createToken('LONETILDE', '(?:~>?)')

createToken('TILDETRIM', `(\\s*)${src[t.LONETILDE]}\\s+`, true)
exports.tildeTrimReplace = '$1~'

createToken('TILDE', `^${src[t.LONETILDE]}${src[t.XRANGEPLAIN]}$`)
createToken('TILDELOOSE', `^${src[t.LONETILDE]}${src[t.XRANGEPLAINLOOSE]}$`)

// Caret ranges.
// Meaning is "at least and backwards compatible with"
createToken('LONECARET', '(?:\\^)')

createToken('CARETTRIM', `(\\s*)${src[t.LONECARET]}\\s+`, true)
exports.caretTrimReplace = '$1^'

createToken('CARET', `^${src[t.LONECARET]}${src[t.XRANGEPLAIN]}$`)
createToken('CARETLOOSE', `^${src[t.LONECARET]}${src[t.XRANGEPLAINLOOSE]}$`)

// A simple gt/lt/eq thing, or just "" to indicate "any version"
createToken('COMPARATORLOOSE', `^${src[t.GTLT]}\\s*(${src[t.LOOSEPLAIN]})$|^$`)
createToken('COMPARATOR', `^${src[t.GTLT]}\\s*(${src[t.FULLPLAIN]})$|^$`)

// An expression to strip any whitespace between the gtlt and the thing
// it modifies, so that `> 1.2.3` ==> `>1.2.3`
createToken('COMPARATORTRIM', `(\\s*)${src[t.GTLT]
}\\s*(${src[t.LOOSEPLAIN]}|${src[t.XRANGEPLAIN]})`, true)
exports.comparatorTrimReplace = '$1$2$3'

// Something like `1.2.3 - 1.2.4`
// Note that these all use the loose form, because they'll be
// checked against either the strict or loose comparator form
// later.
createToken('HYPHENRANGE', `^\\s*(${src[t.XRANGEPLAIN]})` +
                   `\\s+-\\s+` +
                   `(${src[t.XRANGEPLAIN]})` +
                   `\\s*$`)

createToken('HYPHENRANGELOOSE', `^\\s*(${src[t.XRANGEPLAINLOOSE]})` +
                        `\\s+-\\s+` +
                        `(${src[t.XRANGEPLAINLOOSE]})` +
                        `\\s*$`)

// Star ranges basically just allow anything at all.
createToken('STAR', '(<|>)?=?\\s*\\*')
// >=0.0.0 is like a star
createToken('GTE0', '^\\s*>=\\s*0\\.0\\.0\\s*$')
createToken('GTE0PRE', '^\\s*>=\\s*0\\.0\\.0-0\\s*$')


/***/ }),

/***/ 9737:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

// @ts-check


// Reproduce safeRe[COMPARATORTRIM] replacement boundaries, not version
// validation. Each end-index finder returns an exclusive end, or its start
// on no match.
// Positions count from zero. An end of 3 means characters 0, 1, and 2 were read;
// range.slice(start, end) gives the matched text, not a converted number.
const {
  MAX_LENGTH,
  MAX_SAFE_BUILD_LENGTH,
  WHITESPACE_CHARACTERS,
} = __nccwpck_require__(5101)

/**
 * Remembers the last two rows of digits so their characters need not be reread.
 * Positions start at -1 until a row has been found.
 *
 * @typedef {object} DigitRunCache
 * @property {number} start The first character of the most recently found row.
 * @property {number} end The position after that row's last character.
 * @property {number} previousStart The first character of the previous row.
 * @property {number} previousEnd The position after the previous row.
 */

// One entry per UTF-16 code unit keeps membership checks constant-time.
const whitespace = new Uint8Array(0x10000)
for (const char of WHITESPACE_CHARACTERS) {
  whitespace[char.charCodeAt(0)] = 1
}

/**
 * Checks whether a character is whitespace, like a space, tab, or newline.
 * Looking past the end of the string returns false.
 *
 * @param {string|undefined} char One character, or undefined past the string's end.
 * @returns {boolean} Whether the character is whitespace.
 * @example isWhitespace(' ') // true
 * @example isWhitespace('1') // false
 */
const isWhitespace = char =>
  char !== undefined && whitespace[char.charCodeAt(0)] === 1

/**
 * Checks for v, =, or whitespace before the version number.
 * These are historical version prefixes, not range operators:
 * < and > are handled separately, as are tilde and caret ranges.
 *
 * @param {string|undefined} char One character to check.
 * @returns {boolean} Whether the character can belong to a version prefix.
 * @example isVersionPrefix('=') // true
 * @example isVersionPrefix('>') // false
 */
const isVersionPrefix = char =>
  char === 'v' ||
  char === '=' ||
  isWhitespace(char)

/**
 * Checks whether a character is one of the digits 0 through 9.
 *
 * @param {string|undefined} char One character to check.
 * @returns {boolean} Whether the character is an ASCII digit.
 * @example isDigit('7') // true
 * @example isDigit('.') // false
 */
const isDigit = char => char !== undefined && char >= '0' && char <= '9'

/**
 * Checks whether a character is an English letter, uppercase or lowercase.
 *
 * @param {string|undefined} char One character to check.
 * @returns {boolean} Whether the character is an ASCII letter.
 * @example isLetter('b') // true
 * @example isLetter('7') // false
 */
const isLetter = char =>
  char !== undefined && (
    (char >= 'a' && char <= 'z') ||
    (char >= 'A' && char <= 'Z')
  )

/**
 * Checks for a letter, digit, or hyphen: the characters allowed inside
 * prerelease and build names such as beta-1.
 *
 * @param {string|undefined} char One character to check.
 * @returns {boolean} Whether the character can be part of an identifier.
 * @example isIdentifierCharacter('-') // true
 * @example isIdentifierCharacter('.') // false; dots separate identifiers
 */
const isIdentifierCharacter = char => isDigit(char) || isLetter(char) || char === '-'

/**
 * Checks whether a version component can begin here: with a digit or
 * a wildcard such as x, X, or *.
 *
 * @param {string|undefined} char One character to check.
 * @returns {boolean} Whether a number or wildcard can start with this character.
 * @example isVersionStart('x') // true
 * @example isVersionStart('v') // false; v belongs to the prefix
 */
const isVersionStart = char =>
  isDigit(char) ||
  char === 'x' ||
  char === 'X' ||
  char === '*'

/**
 * Finds the end of a row of digits, but returns no more than limit digits.
 * Remembers the last two rows so looking at them again does not reread them.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position of the first character to check.
 * @param {number} limit The most digit characters the returned match can include.
 * @param {DigitRunCache} digitRuns Shared cache of digit-run positions, updated in place.
 * @returns {number} The position after the matched digits, or start if none match.
 * @example findDigitsEndIndex('123abc', 0, 10, digitRuns) // 3, pointing at a
 * @example findDigitsEndIndex('123abc', 0, 2, digitRuns) // 2, pointing at the unread 3
 */
const findDigitsEndIndex = (range, start, limit, digitRuns) => {
  if (!isDigit(range[start])) {
    return start
  }
  if (start >= digitRuns.start && start < digitRuns.end) {
    return Math.min(start + limit, digitRuns.end)
  }
  if (start >= digitRuns.previousStart && start < digitRuns.previousEnd) {
    return Math.min(start + limit, digitRuns.previousEnd)
  }
  let end = start + 1
  while (isDigit(range[end])) {
    end++
  }
  // A failed full version can rewind from its second run to its first.
  digitRuns.previousStart = digitRuns.start
  digitRuns.previousEnd = digitRuns.end
  digitRuns.start = start
  digitRuns.end = end
  return Math.min(start + limit, end)
}

/**
 * Reads a number using the old regex's length and leading-zero rules.
 * Strict mode reads just the first zero in 012; loose mode can read all three.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position where the number should begin.
 * @param {boolean} loose Whether to allow leading zeros.
 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
 * @returns {number} The position after the matched digits, not their numeric value.
 * @example findVersionNumberEndIndex('012', 0, false, digitRuns) // 1
 * @example findVersionNumberEndIndex('012', 0, true, digitRuns) // 3
 */
const findVersionNumberEndIndex = (range, start, loose, digitRuns) => {
  if (!loose && range[start] === '0') {
    return start + 1
  }
  // Strict syntax allows an initial nonzero digit plus MAX_LENGTH digits.
  return findDigitsEndIndex(range, start, loose ? MAX_LENGTH : MAX_LENGTH + 1, digitRuns)
}

/**
 * Reads one piece of a prerelease name, such as beta or 1 in beta.1.
 * Tries the letter-or-hyphen form first, then the number-only form.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position where the identifier should begin.
 * @param {boolean} loose Whether numeric identifiers may have leading zeros.
 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
 * @returns {number} The position after the identifier, or start if none matches.
 * @example findPrereleaseIdentifierEndIndex('beta.1', 0, false, digitRuns) // 4, at the dot
 * @example findPrereleaseIdentifierEndIndex('001beta', 0, false, digitRuns) // 7
 */
const findPrereleaseIdentifierEndIndex = (range, start, loose, digitRuns) => {
  const digitsEnd = findDigitsEndIndex(range, start, MAX_LENGTH, digitRuns)
  // The legacy regex tries a nonnumeric identifier before a numeric one.
  if (isLetter(range[digitsEnd]) || range[digitsEnd] === '-') {
    let end = digitsEnd + 1
    const limit = end + MAX_SAFE_BUILD_LENGTH
    while (end < limit && isIdentifierCharacter(range[end])) {
      end++
    }
    return end
  }
  return findVersionNumberEndIndex(range, start, loose, digitRuns)
}

/**
 * Reads a prerelease suffix such as -beta.1, one dot-separated piece at a time.
 * Loose mode also allows the name without its opening hyphen.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position where the suffix should begin, including -.
 * @param {boolean} loose Whether the opening hyphen is optional and zeros allowed.
 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
 * @returns {number} The position after the matched suffix, or start if absent.
 * @example findPrereleaseEndIndex('-beta.1+sha', 0, false, digitRuns) // 7, at the plus
 * @example findPrereleaseEndIndex('beta', 0, false, digitRuns) // 0; no opening hyphen
 */
const findPrereleaseEndIndex = (range, start, loose, digitRuns) => {
  const hyphen = range[start] === '-'
  if (!loose && !hyphen) {
    return start
  }
  const identifierStart = start + (hyphen ? 1 : 0)
  let end = findPrereleaseIdentifierEndIndex(range, identifierStart, loose, digitRuns)
  if (end === identifierStart) {
    if (!loose || !hyphen) {
      return start
    }
    // In loose syntax, a lone hyphen can itself be the identifier.
    end = findPrereleaseIdentifierEndIndex(range, start, loose, digitRuns)
  }
  while (range[end] === '.') {
    const next = findPrereleaseIdentifierEndIndex(range, end + 1, loose, digitRuns)
    if (next === end + 1) {
      break
    }
    end = next
  }
  return end
}

/**
 * Reads one build-name piece, such as sha or 123 in +sha.123.
 * Stops at a disallowed character or the old regex's length limit.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position where the identifier should begin.
 * @returns {number} The position after the identifier, or start if none matches.
 * @example findBuildIdentifierEndIndex('sha.123', 0) // 3, at the dot
 * @example findBuildIdentifierEndIndex('001', 0) // 3; leading zeros are allowed
 */
const findBuildIdentifierEndIndex = (range, start) => {
  let end = start
  while (end - start < MAX_SAFE_BUILD_LENGTH && isIdentifierCharacter(range[end])) {
    end++
  }
  return end
}

/**
 * Reads optional build metadata such as +sha.123.
 * Leaves the position unchanged if there is no plus sign followed by a name.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position where the opening + should be.
 * @returns {number} The position after the matched metadata, or start if absent.
 * @example findBuildEndIndex('+sha.123 <2', 0) // 8, at the space
 * @example findBuildEndIndex('+', 0) // 0; a plus sign alone is not a match
 */
const findBuildEndIndex = (range, start) => {
  if (range[start] !== '+') {
    return start
  }
  let end = findBuildIdentifierEndIndex(range, start + 1)
  if (end === start + 1) {
    return start
  }
  while (range[end] === '.') {
    const next = findBuildIdentifierEndIndex(range, end + 1)
    if (next === end + 1) {
      break
    }
    end = next
  }
  return end
}

/**
 * Reads three numbers separated by dots, then any prerelease and build suffixes.
 * Uses loose rules, so forms such as 01.02.03beta can match here.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position of the first number, after any prefix.
 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
 * @returns {number} The position after the version match, or start if none matches.
 * @example findLooseFullVersionEndIndex('1.2.3-beta+sha <2', 0, digitRuns) // 14
 * @example findLooseFullVersionEndIndex('1.2', 0, digitRuns) // 0; needs three numbers
 */
const findLooseFullVersionEndIndex = (range, start, digitRuns) => {
  let end = start
  for (let component = 0; component < 3; component++) {
    const next = findVersionNumberEndIndex(range, end, true, digitRuns)
    if (next === end) {
      return start
    }
    end = next
    if (component < 2) {
      if (range[end] !== '.') {
        return start
      }
      end++
    }
  }
  const prereleaseEnd = findPrereleaseEndIndex(range, end, true, digitRuns)
  return findBuildEndIndex(range, prereleaseEnd)
}

/**
 * Reads one component of a partial or wildcard version, such as 2 or x in 2.x.
 * Numbers use strict leading-zero rules; wildcards take up one character.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position where the component should begin.
 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
 * @returns {number} The position after the component, or start if none matches.
 * @example findPartialVersionComponentEndIndex('2.x', 0, digitRuns) // 1, at the dot
 * @example findPartialVersionComponentEndIndex('2.x', 2, digitRuns) // 3, after x
 */
const findPartialVersionComponentEndIndex = (range, start, digitRuns) => {
  if (isDigit(range[start])) {
    return findVersionNumberEndIndex(range, start, false, digitRuns)
  }
  return isVersionStart(range[start]) ? start + 1 : start
}

/**
 * Reads up to three components, allowing forms such as 1, 1.2, or 1.x.
 * After the third component, also reads any strict prerelease and build suffixes.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position of a number or wildcard, after any prefix.
 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
 * @returns {number} The position after the matched version text.
 * @example findPartialVersionEndIndex('1.x <2', 0, digitRuns) // 3, at the space
 * @example findPartialVersionEndIndex('1.', 0, digitRuns) // 1; the trailing dot is unread
 */
const findPartialVersionEndIndex = (range, start, digitRuns) => {
  let end = findPartialVersionComponentEndIndex(range, start, digitRuns)
  for (let component = 0; component < 2; component++) {
    if (range[end] !== '.') {
      return end
    }
    const next = findPartialVersionComponentEndIndex(range, end + 1, digitRuns)
    if (next === end + 1) {
      return end
    }
    end = next
  }
  const prereleaseEnd = findPrereleaseEndIndex(range, end, false, digitRuns)
  return findBuildEndIndex(range, prereleaseEnd)
}

/**
 * Finds where a version match ends, without deciding whether the range is valid.
 * Tries a loose full version first, then a partial or wildcard version, just
 * like the old regex's LOOSEPLAIN and XRANGEPLAIN alternatives.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position of a number or wildcard, after any prefix.
 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
 * @returns {number} The position where scanning the next candidate can resume.
 * @example findVersionEndIndex('1.2.3 <2', 0, digitRuns) // 5, at the space
 * @example findVersionEndIndex('1.x <2', 0, digitRuns) // 3, at the space
 */
const findVersionEndIndex = (range, start, digitRuns) => {
  const fullVersionEnd = findLooseFullVersionEndIndex(range, start, digitRuns)
  return fullVersionEnd !== start
    ? fullVersionEnd
    : findPartialVersionEndIndex(range, start, digitRuns)
}

/**
 * Finds the one whitespace character the old replacement would remove.
 * Keeps leading whitespace, skips an optional operator, and checks immediately
 * after it. Returns -1 if there is nothing to remove.
 *
 * @param {string} range The text containing a candidate already found by the caller.
 * @param {number} matchStart The candidate's position, including leading whitespace.
 * @returns {number} The position of the removable whitespace, or -1 if absent.
 * @example findRemovableWhitespaceIndex(' > 1', 0) // 2; keep the space at position 0
 * @example findRemovableWhitespaceIndex('>1', 0) // -1
 */
const findRemovableWhitespaceIndex = (range, matchStart) => {
  let position = matchStart
  if (isWhitespace(range[position])) {
    position++
  }
  if (range[position] === '<' || range[position] === '>') {
    position++
  }
  if (range[position] === '=') {
    position++
  }
  return isWhitespace(range[position]) ? position : -1
}

/**
 * Joins an operator to its version, turning > 1.2.3 into >1.2.3.
 * Copies everything else according to the old regex's matching rules.
 * Moves forward through prefixes and whole versions to avoid repeatedly
 * searching the same characters on long inputs.
 *
 * @param {string} range The range text to process; the original string is unchanged.
 * @returns {string} The range with matched operator whitespace removed.
 * @example trimComparatorWhitespace('> 1.2.3 < 2') // '>1.2.3 <2'
 * @example trimComparatorWhitespace('> invalid') // '> invalid'
 */
const trimComparatorWhitespace = range => {
  let result = ''
  let copyFrom = 0
  let cursor = 0
  const digitRuns = { start: -1, end: -1, previousStart: -1, previousEnd: -1 }

  while (cursor < range.length) {
    const matchStart = cursor
    if (range[cursor] === '<' || range[cursor] === '>') {
      cursor++
    } else if (!isVersionPrefix(range[cursor]) && !isVersionStart(range[cursor])) {
      cursor++
      continue
    }

    // Consume a v/=/whitespace run once, even when no version follows it.
    while (cursor < range.length && isVersionPrefix(range[cursor])) {
      cursor++
    }
    if (!isVersionStart(range[cursor])) {
      continue
    }

    const whitespacePosition = findRemovableWhitespaceIndex(range, matchStart)
    if (whitespacePosition !== -1) {
      result += range.slice(copyFrom, whitespacePosition)
      copyFrom = whitespacePosition + 1
    }

    // Skip the entire match, so a prerelease's trailing v cannot be
    // reconsidered as the prefix of another version.
    cursor = findVersionEndIndex(range, cursor, digitRuns)
  }

  return result + range.slice(copyFrom)
}

module.exports = trimComparatorWhitespace


/***/ }),

/***/ 4737:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const Range = __nccwpck_require__(6782)
const validRange = (range, options) => {
  try {
    // Return '*' instead of '' so that truthiness works.
    // This will throw if it's invalid anyway
    return new Range(range, options).range || '*'
  } catch (er) {
    return null
  }
}
module.exports = validRange


/***/ }),

/***/ 770:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

module.exports = __nccwpck_require__(218);


/***/ }),

/***/ 218:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

var __webpack_unused_export__;


var net = __nccwpck_require__(9278);
var tls = __nccwpck_require__(4756);
var http = __nccwpck_require__(8611);
var https = __nccwpck_require__(5692);
var events = __nccwpck_require__(4434);
var assert = __nccwpck_require__(2613);
var util = __nccwpck_require__(9023);


exports.httpOverHttp = httpOverHttp;
exports.httpsOverHttp = httpsOverHttp;
exports.httpOverHttps = httpOverHttps;
exports.httpsOverHttps = httpsOverHttps;


function httpOverHttp(options) {
  var agent = new TunnelingAgent(options);
  agent.request = http.request;
  return agent;
}

function httpsOverHttp(options) {
  var agent = new TunnelingAgent(options);
  agent.request = http.request;
  agent.createSocket = createSecureSocket;
  agent.defaultPort = 443;
  return agent;
}

function httpOverHttps(options) {
  var agent = new TunnelingAgent(options);
  agent.request = https.request;
  return agent;
}

function httpsOverHttps(options) {
  var agent = new TunnelingAgent(options);
  agent.request = https.request;
  agent.createSocket = createSecureSocket;
  agent.defaultPort = 443;
  return agent;
}


function TunnelingAgent(options) {
  var self = this;
  self.options = options || {};
  self.proxyOptions = self.options.proxy || {};
  self.maxSockets = self.options.maxSockets || http.Agent.defaultMaxSockets;
  self.requests = [];
  self.sockets = [];

  self.on('free', function onFree(socket, host, port, localAddress) {
    var options = toOptions(host, port, localAddress);
    for (var i = 0, len = self.requests.length; i < len; ++i) {
      var pending = self.requests[i];
      if (pending.host === options.host && pending.port === options.port) {
        // Detect the request to connect same origin server,
        // reuse the connection.
        self.requests.splice(i, 1);
        pending.request.onSocket(socket);
        return;
      }
    }
    socket.destroy();
    self.removeSocket(socket);
  });
}
util.inherits(TunnelingAgent, events.EventEmitter);

TunnelingAgent.prototype.addRequest = function addRequest(req, host, port, localAddress) {
  var self = this;
  var options = mergeOptions({request: req}, self.options, toOptions(host, port, localAddress));

  if (self.sockets.length >= this.maxSockets) {
    // We are over limit so we'll add it to the queue.
    self.requests.push(options);
    return;
  }

  // If we are under maxSockets create a new one.
  self.createSocket(options, function(socket) {
    socket.on('free', onFree);
    socket.on('close', onCloseOrRemove);
    socket.on('agentRemove', onCloseOrRemove);
    req.onSocket(socket);

    function onFree() {
      self.emit('free', socket, options);
    }

    function onCloseOrRemove(err) {
      self.removeSocket(socket);
      socket.removeListener('free', onFree);
      socket.removeListener('close', onCloseOrRemove);
      socket.removeListener('agentRemove', onCloseOrRemove);
    }
  });
};

TunnelingAgent.prototype.createSocket = function createSocket(options, cb) {
  var self = this;
  var placeholder = {};
  self.sockets.push(placeholder);

  var connectOptions = mergeOptions({}, self.proxyOptions, {
    method: 'CONNECT',
    path: options.host + ':' + options.port,
    agent: false,
    headers: {
      host: options.host + ':' + options.port
    }
  });
  if (options.localAddress) {
    connectOptions.localAddress = options.localAddress;
  }
  if (connectOptions.proxyAuth) {
    connectOptions.headers = connectOptions.headers || {};
    connectOptions.headers['Proxy-Authorization'] = 'Basic ' +
        new Buffer(connectOptions.proxyAuth).toString('base64');
  }

  debug('making CONNECT request');
  var connectReq = self.request(connectOptions);
  connectReq.useChunkedEncodingByDefault = false; // for v0.6
  connectReq.once('response', onResponse); // for v0.6
  connectReq.once('upgrade', onUpgrade);   // for v0.6
  connectReq.once('connect', onConnect);   // for v0.7 or later
  connectReq.once('error', onError);
  connectReq.end();

  function onResponse(res) {
    // Very hacky. This is necessary to avoid http-parser leaks.
    res.upgrade = true;
  }

  function onUpgrade(res, socket, head) {
    // Hacky.
    process.nextTick(function() {
      onConnect(res, socket, head);
    });
  }

  function onConnect(res, socket, head) {
    connectReq.removeAllListeners();
    socket.removeAllListeners();

    if (res.statusCode !== 200) {
      debug('tunneling socket could not be established, statusCode=%d',
        res.statusCode);
      socket.destroy();
      var error = new Error('tunneling socket could not be established, ' +
        'statusCode=' + res.statusCode);
      error.code = 'ECONNRESET';
      options.request.emit('error', error);
      self.removeSocket(placeholder);
      return;
    }
    if (head.length > 0) {
      debug('got illegal response body from proxy');
      socket.destroy();
      var error = new Error('got illegal response body from proxy');
      error.code = 'ECONNRESET';
      options.request.emit('error', error);
      self.removeSocket(placeholder);
      return;
    }
    debug('tunneling connection has established');
    self.sockets[self.sockets.indexOf(placeholder)] = socket;
    return cb(socket);
  }

  function onError(cause) {
    connectReq.removeAllListeners();

    debug('tunneling socket could not be established, cause=%s\n',
          cause.message, cause.stack);
    var error = new Error('tunneling socket could not be established, ' +
                          'cause=' + cause.message);
    error.code = 'ECONNRESET';
    options.request.emit('error', error);
    self.removeSocket(placeholder);
  }
};

TunnelingAgent.prototype.removeSocket = function removeSocket(socket) {
  var pos = this.sockets.indexOf(socket)
  if (pos === -1) {
    return;
  }
  this.sockets.splice(pos, 1);

  var pending = this.requests.shift();
  if (pending) {
    // If we have pending requests and a socket gets closed a new one
    // needs to be created to take over in the pool for the one that closed.
    this.createSocket(pending, function(socket) {
      pending.request.onSocket(socket);
    });
  }
};

function createSecureSocket(options, cb) {
  var self = this;
  TunnelingAgent.prototype.createSocket.call(self, options, function(socket) {
    var hostHeader = options.request.getHeader('host');
    var tlsOptions = mergeOptions({}, self.options, {
      socket: socket,
      servername: hostHeader ? hostHeader.replace(/:.*$/, '') : options.host
    });

    // 0 is dummy port for v0.6
    var secureSocket = tls.connect(0, tlsOptions);
    self.sockets[self.sockets.indexOf(socket)] = secureSocket;
    cb(secureSocket);
  });
}


function toOptions(host, port, localAddress) {
  if (typeof host === 'string') { // since v0.10
    return {
      host: host,
      port: port,
      localAddress: localAddress
    };
  }
  return host; // for v0.11 or later
}

function mergeOptions(target) {
  for (var i = 1, len = arguments.length; i < len; ++i) {
    var overrides = arguments[i];
    if (typeof overrides === 'object') {
      var keys = Object.keys(overrides);
      for (var j = 0, keyLen = keys.length; j < keyLen; ++j) {
        var k = keys[j];
        if (overrides[k] !== undefined) {
          target[k] = overrides[k];
        }
      }
    }
  }
  return target;
}


var debug;
if (process.env.NODE_DEBUG && /\btunnel\b/.test(process.env.NODE_DEBUG)) {
  debug = function() {
    var args = Array.prototype.slice.call(arguments);
    if (typeof args[0] === 'string') {
      args[0] = 'TUNNEL: ' + args[0];
    } else {
      args.unshift('TUNNEL:');
    }
    console.error.apply(console, args);
  }
} else {
  debug = function() {};
}
__webpack_unused_export__ = debug; // for test


/***/ }),

/***/ 1653:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   t: () => (/* binding */ parseProvider)
/* harmony export */ });
/* harmony import */ var _domain_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(9375);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3916);
/** A provider as written (in sindri.yaml or the input `provider`) → ours, or one line saying which ones exist. */


/** Map a provider spelling to ours; `where` says where it was written for the error. */
function parseProvider(value, where) {
    const p = _domain_js__WEBPACK_IMPORTED_MODULE_0__/* .PROVIDER_ALIASES */ .Pm[value.trim().toLowerCase()];
    if (p)
        return p;
    const upstreamOnly = _domain_js__WEBPACK_IMPORTED_MODULE_0__/* .UPSTREAM_ONLY_PROVIDERS */ .qn.includes(value.trim().toLowerCase());
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(upstreamOnly ? `provider "${value}" is a Sindri provider this action does not deploy to` : `unknown provider "${value}"`, {
        where,
        fix: where.field === 'input provider'
            ? `use one of ${_domain_js__WEBPACK_IMPORTED_MODULE_0__/* .PROVIDERS */ .xq.join(', ')}`
            : `set it to one of ${_domain_js__WEBPACK_IMPORTED_MODULE_0__/* .PROVIDERS */ .xq.join(', ')}, or pass the input provider to override it`,
    });
}


/***/ }),

/***/ 6683:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ isDeadlineExceeded),
/* harmony export */   B: () => (/* binding */ Deadline)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3916);
/**
 * The run's clock as a value (docs/behaviour.md#errors: every wait fits inside `timeout`). One
 * `Deadline` is made from the input `timeout` when the run starts and handed down: to exec, to the
 * registry client, to every provider. Nothing reads a module clock, so no second clock can drift from
 * it and a test simply builds the deadline it wants.
 */

const exceededErrors = new WeakSet();
class Deadline {
    totalMs;
    now;
    /** epoch milliseconds at which the run's time is up */
    endsAt;
    /**
     * @param totalMs the whole budget (input `timeout`), used in messages
     * @param now the clock (tests pass their own)
     * @param endsAt when this deadline ends: by default `totalMs` from now; `before()` makes earlier ones
     */
    constructor(totalMs, now = Date.now, endsAt) {
        this.totalMs = totalMs;
        this.now = now;
        this.endsAt = endsAt ?? now() + totalMs;
    }
    /** Milliseconds left, 0 when the time is up. */
    remaining() {
        return Math.max(0, this.endsAt - this.now());
    }
    /** Milliseconds since the run started. */
    elapsed() {
        return this.totalMs - (this.endsAt - this.now());
    }
    /**
     * What a step may take: min(wanted, what is left). Throws the timeout error, naming `what`, when
     * nothing is left. With no `wantedMs`, all that is left.
     */
    budget(what, wantedMs = Infinity) {
        const left = this.remaining();
        if (left <= 0)
            throw this.exceeded(what);
        return Math.min(wantedMs, left);
    }
    /**
     * A call's own time inside this deadline: `wantedMs` when that ends first, else all that is left
     * (`capped`: the deadline, not the call's limit, stops it). None wanted means all that is left.
     */
    cap(wantedMs, what) {
        const capped = wantedMs === undefined || wantedMs >= this.remaining();
        return { timeoutMs: capped ? this.budget(what) : wantedMs, capped };
    }
    /** The timeout error for a call the deadline stopped after `ms` (`shown`: the call as the log shows it). */
    stopped(shown, ms) {
        return this.exceeded(`\`${shown}\` finished (stopped after ${Math.round(ms / 100) / 10} s)`);
    }
    /**
     * A deadline that ends `reserveMs` before this one (never before now): the time after it is kept
     * for what must still run when a step fails, such as a rollback and its check (ADR 0019).
     */
    before(reserveMs) {
        return new Deadline(this.totalMs, this.now, Math.max(this.now(), this.endsAt - Math.max(0, reserveMs)));
    }
    /** A deadline that ends `ms` from now, or with this one if that is sooner (a step's own limit inside the run's). */
    within(ms) {
        return new Deadline(this.totalMs, this.now, Math.min(this.endsAt, this.now() + Math.max(0, ms)));
    }
    /**
     * A deadline that ends no sooner than `ms` from now: a wait that starts with none of its share left
     * still looks once, as kubectl's `--timeout` is at least 1 s (the caller keeps the run's own time).
     */
    atLeast(ms) {
        return new Deadline(this.totalMs, this.now, Math.max(this.endsAt, this.now() + ms));
    }
    /** The one error for a run out of time: names the input and what could not finish. */
    exceeded(what) {
        const e = new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`the run's timeout of ${Math.round(this.totalMs / 1000)} s ran out before ${what}`, {
            where: { field: 'input timeout' },
            fix: 'raise the input timeout (e.g. timeout: 20m), or find out from the log above what was slow',
        });
        exceededErrors.add(e);
        return e;
    }
}
/** True for the error `Deadline.exceeded` made: a caller that tolerates a failing command must not swallow it. */
function isDeadlineExceeded(e) {
    return typeof e === 'object' && e !== null && exceededErrors.has(e);
}


/***/ }),

/***/ 9375:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $8: () => (/* binding */ CAPABILITIES),
/* harmony export */   $Q: () => (/* binding */ clip),
/* harmony export */   FN: () => (/* binding */ MODES),
/* harmony export */   It: () => (/* binding */ TOOLS),
/* harmony export */   Jz: () => (/* binding */ SUMMARY_LIMIT_BYTES),
/* harmony export */   MV: () => (/* binding */ MAX_LINE),
/* harmony export */   Pm: () => (/* binding */ PROVIDER_ALIASES),
/* harmony export */   Vt: () => (/* binding */ DIGEST_RE),
/* harmony export */   __: () => (/* binding */ DEFAULT_IMAGE),
/* harmony export */   qn: () => (/* binding */ UPSTREAM_ONLY_PROVIDERS),
/* harmony export */   v4: () => (/* binding */ VERIFY_MODES),
/* harmony export */   xq: () => (/* binding */ PROVIDERS)
/* harmony export */ });
/**
 * The domain's facts as data, in one leaf module that everything else may import and that imports
 * nothing of ours: the modes, the providers and how they may be spelled, what each provider can do,
 * the CLIs whose versions can be pinned, the digest pattern and the bounds on what the action echoes.
 * (docs/behaviour.md: Inputs, Providers; docs/architecture.md: the layers.)
 */
const MODES = ['deploy', 'plan', 'destroy', 'init', 'sweep'];
const PROVIDERS = ['docker', 'fly', 'devpod', 'e2b', 'kubernetes'];
/** Spellings accepted for a provider, from upstream Sindri and common use, mapped to ours. */
const PROVIDER_ALIASES = {
    docker: 'docker',
    'docker-compose': 'docker',
    fly: 'fly',
    'fly.io': 'fly',
    flyio: 'fly',
    devpod: 'devpod',
    e2b: 'e2b',
    kubernetes: 'kubernetes',
    k8s: 'kubernetes',
};
/** Providers upstream Sindri knows and this action does not deploy to (said so, rather than "unknown"). */
const UPSTREAM_ONLY_PROVIDERS = ['runpod', 'northflank'];
const VERIFY_MODES = ['auto', 'true', 'false', 'warn'];
/** CLIs whose version can be pinned with `<tool>-version`. */
const TOOLS = ['flyctl', 'devpod', 'kubectl', 'e2b', 'cosign', 'devcontainer', 'kind', 'k3d', 'compose', 'buildx'];
const DIGEST_RE = /^sha256:[a-f0-9]{64}$/;
const DEFAULT_IMAGE = 'ghcr.io/pacphi/sindri:latest';
const CAPABILITIES = {
    docker: { build: 'local', tools: ['docker', 'docker-compose'], url: 'http://localhost:<port> of the first published port' },
    fly: { build: 'remote', tools: ['flyctl'], url: 'https://<app>.fly.dev' },
    devpod: { build: 'provider', tools: ['devpod', 'docker'], url: 'none (outputs the workspace id)' },
    e2b: { build: 'provider', tools: ['e2b'], url: 'none (outputs the template id)' },
    kubernetes: { build: 'never', tools: ['kubectl'], url: 'the ingress host when providers.kubernetes.ingress is set' },
};
// ---------------------------------------------------------------------------------------------
// Bounds on what the action echoes back (ADR 0014): an error line quotes user values, and a job
// summary renders whole files, so a 100k-character name or a 4 MB config would otherwise make a
// 100 kB error line or a summary GitHub refuses (it accepts at most 1 MiB per step).
/** The longest error line, in characters: long enough for any real reference, path and fix. */
const MAX_LINE = 2000;
/** GitHub's limit for one step's summary (`$GITHUB_STEP_SUMMARY`), in bytes. */
const SUMMARY_LIMIT_BYTES = 1024 * 1024;
/** `text` at most `max` characters: its head and tail kept, the middle replaced by a note of how much was cut. */
function clip(text, max) {
    if (text.length <= max)
        return text;
    const note = (n) => `…[${n} characters cut]…`;
    const room = Math.max(0, max - note(text.length).length);
    const head = Math.ceil(room * 0.75);
    const tail = room - head;
    return text.slice(0, head) + note(text.length - room) + (tail > 0 ? text.slice(text.length - tail) : '');
}


/***/ }),

/***/ 3916:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   BP: () => (/* binding */ errorLine),
/* harmony export */   Bd: () => (/* binding */ isActionError),
/* harmony export */   lZ: () => (/* binding */ ActionError)
/* harmony export */ });
/* harmony import */ var _domain_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(9375);
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8992);
/**
 * The one error type of the action. Its message is what the user sees: one line saying what went
 * wrong, where (file:line, input name, host) and how to fix it. Anything else that throws is a bug
 * and is reported as such.
 */


class ActionError extends Error {
    name = 'ActionError';
    fix;
    where;
    /** provider results known at the failure (`rolledBack`), merged into the `result` output */
    extra;
    constructor(what, opts = {}) {
        super(what, opts.cause === undefined ? undefined : { cause: opts.cause });
        this.fix = opts.fix;
        this.where = opts.where ?? {};
        this.extra = opts.extra;
    }
    /** `sindri.yaml:12:5: deployment.provider: unknown provider "dockr". Fix: use one of …` */
    toLine() {
        const { file, line, column, field } = this.where;
        const at = file ? [file, line, line !== undefined ? column : undefined].filter((p) => p !== undefined).join(':') : '';
        const prefix = [at, field].filter(Boolean).join(': ');
        const fix = this.fix ? ` Fix: ${(0,_domain_js__WEBPACK_IMPORTED_MODULE_0__/* .clip */ .$Q)(this.fix, _domain_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_LINE */ .MV / 4)}` : '';
        // echoed values (a name, a reference, a path) are the user's and may be any length: the line is bounded
        const what = (0,_domain_js__WEBPACK_IMPORTED_MODULE_0__/* .clip */ .$Q)(this.message, _domain_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_LINE */ .MV / 2);
        return (0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .oneLine */ .TN)(`${prefix ? `${(0,_domain_js__WEBPACK_IMPORTED_MODULE_0__/* .clip */ .$Q)(prefix, _domain_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_LINE */ .MV / 4)}: ` : ''}${what}${/[.!?]$/.test(what) ? '' : '.'}${fix}`);
    }
}
function isActionError(e) {
    return e instanceof ActionError;
}
/** A single line for any error: ActionError as written, anything else as an internal error. */
function errorLine(e) {
    if (isActionError(e))
        return e.toLine();
    const msg = e instanceof Error ? e.message : String(e);
    return `internal error: ${(0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .oneLine */ .TN)((0,_domain_js__WEBPACK_IMPORTED_MODULE_0__/* .clip */ .$Q)(msg.split('\n')[0] ?? '', _domain_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_LINE */ .MV / 2))}. Fix: rerun with ACTIONS_STEP_DEBUG=true for details and report it at https://github.com/sindri/deploy-action/issues`;
}


/***/ }),

/***/ 2598:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Rm: () => (/* binding */ engineLine),
/* harmony export */   Sr: () => (/* binding */ EngineTimeout),
/* harmony export */   g4: () => (/* binding */ engineMessage),
/* harmony export */   nc: () => (/* binding */ DockerEngine),
/* harmony export */   pn: () => (/* binding */ pathSegment),
/* harmony export */   vl: () => (/* binding */ resolveDockerEngine)
/* harmony export */ });
/* unused harmony export DEFAULT_SOCKET */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(8992);
/* harmony import */ var _http_answer_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(3942);
/**
 * The Docker Engine API in-process, over the engine's own unix socket (issue 25, ADR 0048): the short
 * reads and the deploy lock, each a cold Go CLI start (30–90 ms; `docker info` also runs every CLI
 * plugin for its metadata) where one HTTP request over a local socket takes a few ms.
 *
 * Where the CLI would connect is resolved as the docker CLI resolves it (docker/cli
 * cli/command/cli.go `resolveContextName`, `resolveDefaultDockerEndpoint`, `getServerHost`;
 * cli/flags/options.go; cli/config `Dir`):
 *   1. `DOCKER_HOST` set (or the `Docker` class's `host`, which it passes as DOCKER_HOST) → the
 *      `default` context, whatever DOCKER_CONTEXT or the config file say;
 *   2. else `DOCKER_CONTEXT`, else the config file's `currentContext` (`$DOCKER_CONFIG/config.json`,
 *      default `~/.docker/config.json`), else `default`;
 *   3. the `default` context's host is DOCKER_HOST, else `unix:///var/run/docker.sock`, except that
 *      `DOCKER_TLS` / `DOCKER_TLS_VERIFY` set makes the default `tcp://localhost:2376`.
 * In-process ONLY for the plain local case: the default context, a `unix://` host, no TLS variable,
 * no extra HTTP headers (the config's `HttpHeaders`, `DOCKER_CUSTOM_HEADERS`), a socket that is there.
 * Anything else (tcp://, ssh://, npipe://, fd://, a context, TLS, a config file that does not parse, a
 * missing socket) is the CLI's, as before: `resolveDockerEngine` says why, the caller logs it once.
 *
 * Paths are unversioned (`/info`, not `/v1.41/info`): the engine serves them at its own current API
 * version, which is what the CLI's version negotiation gives whenever the CLI is at least as new as
 * the engine. A fixed version would be refused somewhere (engine 29 serves 1.44 and later only; an
 * old engine nothing newer than its own); the fields read here exist in every version since 1.24.
 * `DOCKER_API_VERSION` set (the CLI then sends that version, no negotiation) is honoured the same way.
 */





const DEFAULT_SOCKET = '/var/run/docker.sock';
const realProbe = {
    home: (0,node_os__WEBPACK_IMPORTED_MODULE_1__.homedir)(),
    readFile: (p) => ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(p) ? (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(p, 'utf8') : undefined),
    isSocket: (p) => {
        try {
            return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(p).isSocket();
        }
        catch {
            return false;
        }
    },
};
/** The engine's unix socket when the CLI would use it as is, else why the CLI is asked instead. */
function resolveDockerEngine(env, host, probe = realProbe) {
    const dockerHost = (host || env.DOCKER_HOST || '').trim();
    const configDir = env.DOCKER_CONFIG || (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(probe.home, '.docker');
    const configPath = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(configDir, 'config.json');
    let config = {};
    const text = probe.readFile(configPath);
    if (text !== undefined && text.trim() !== '') {
        try {
            config = JSON.parse(text);
        }
        catch {
            return { ok: false, reason: `${configPath} does not parse` };
        }
    }
    const context = dockerHost
        ? 'default'
        : env.DOCKER_CONTEXT || (typeof config.currentContext === 'string' && config.currentContext) || 'default';
    if (context !== 'default')
        return { ok: false, reason: `context ${context}` };
    if (env.DOCKER_TLS || env.DOCKER_TLS_VERIFY)
        return { ok: false, reason: 'TLS (DOCKER_TLS / DOCKER_TLS_VERIFY set)' };
    if (env.DOCKER_CUSTOM_HEADERS || (config.HttpHeaders && Object.keys(config.HttpHeaders).length > 0))
        return { ok: false, reason: 'extra HTTP headers (HttpHeaders / DOCKER_CUSTOM_HEADERS)' };
    const address = dockerHost || `unix://${DEFAULT_SOCKET}`;
    if (!address.startsWith('unix://'))
        return { ok: false, reason: `DOCKER_HOST ${address.split('://')[0]}://…` };
    const socket = address.slice('unix://'.length) || DEFAULT_SOCKET;
    if (!probe.isSocket(socket))
        return { ok: false, reason: `no socket at ${socket}` };
    const version = env.DOCKER_API_VERSION?.trim();
    if (version && !/^\d+\.\d+$/.test(version))
        return { ok: false, reason: `DOCKER_API_VERSION ${version}` };
    return { ok: true, socket, ...(version ? { version } : {}) };
}
/** A path segment as the docker CLI's Go client sends it: `/`, `:` and `@` of an image ref stay as they are. */
function pathSegment(s) {
    return encodeURIComponent(s).replace(/%2F/gi, '/').replace(/%3A/gi, ':').replace(/%40/g, '@');
}
/**
 * How the log and the plan show one in-process request: what was asked, the path decoded so a filter
 * reads as JSON; a control character a name or label might hold is shown escaped (the line stays one
 * line), and the log's `info` keeps anything that looks like a workflow command from acting as one.
 */
function engineLine(method, path) {
    let shown = path;
    try {
        shown = decodeURIComponent(path);
    }
    catch {
        /* shown as sent */
    }
    return `engine API: ${method} ${(0,_text_js__WEBPACK_IMPORTED_MODULE_3__/* .oneLine */ .TN)(shown)}`;
}
/** The request did not finish within its time (the caller words it as the exec would). */
class EngineTimeout extends Error {
}
/** The engine's error message of an answer (`{"message": "…"}`), else its first line. */
function engineMessage(a) {
    try {
        const m = JSON.parse(a.body).message;
        if (typeof m === 'string')
            return m;
    }
    catch {
        /* not JSON */
    }
    return a.body.split('\n')[0]?.slice(0, 300) || `status ${a.status}`;
}
/** One engine, over its unix socket with node:http: one connection per request, closed after it. */
class DockerEngine {
    endpoint;
    constructor(endpoint) {
        this.endpoint = endpoint;
    }
    get address() {
        return `unix://${this.endpoint.socket}`;
    }
    async request(method, path, timeoutMs, body) {
        const payload = body === undefined ? undefined : JSON.stringify(body);
        const prefix = this.endpoint.version ? `/v${this.endpoint.version}` : '';
        // node:http on first use: this module is also read for `engineLine` by the report, at every start (ADR 0049)
        const { request } = await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 7067, 23));
        return await (0,_http_answer_js__WEBPACK_IMPORTED_MODULE_4__/* .readAnswer */ .J)((onResponse) => request({
            socketPath: this.endpoint.socket,
            method,
            path: prefix + path,
            headers: {
                host: 'docker',
                'user-agent': 'sindri-deploy-action',
                ...(payload !== undefined ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
            },
            // no idle keep-alive socket holds the run open
            agent: false,
        }, onResponse), timeoutMs, () => new EngineTimeout(`no answer within ${timeoutMs} ms`), payload);
    }
}


/***/ }),

/***/ 6572:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   cU: () => (/* binding */ GHA_CACHE_TOKEN),
/* harmony export */   gf: () => (/* binding */ childEnv),
/* harmony export */   o7: () => (/* binding */ ghaCacheEnv),
/* harmony export */   sG: () => (/* binding */ CLOUD_ENV)
/* harmony export */ });
/* unused harmony exports BASE_ENV, GHA_CACHE_ENV */
/**
 * The environment a child process gets (issue 20, class 2; ADR 0027): not ours, only what it needs.
 * Every child gets the base set (where things are, language, proxies, CA bundles); each CLI class adds
 * what its tool reads (`DOCKER_*` for docker, `KUBECONFIG` for kubectl, …). Never passed, whatever a
 * class asks for: the step's inputs (`INPUT_*`: the registry password, the GitHub token), the runner's
 * own tokens (`ACTIONS_*`, `GITHUB_TOKEN`; the one exception is the cache service a `type=gha` build
 * cache needs, `GHA_CACHE_ENV`), the main/post state (`STATE_*`) and the runner's command files
 * (`GITHUB_OUTPUT`, `GITHUB_ENV`, …: a child writing there would set our outputs).
 */
/** What every child gets, when set. */
const BASE_ENV = [
    'PATH',
    'HOME',
    'USER',
    'LOGNAME',
    'SHELL',
    'LANG',
    'LANGUAGE',
    /^LC_/,
    'TZ',
    'TERM',
    'TMPDIR',
    'TEMP',
    'TMP',
    'RUNNER_TEMP',
    'RUNNER_OS',
    'RUNNER_ARCH',
    'CI',
    'GITHUB_ACTIONS',
    /^(HTTPS?|NO|ALL)_PROXY$/i,
    'SSL_CERT_FILE',
    'SSL_CERT_DIR',
    'NODE_EXTRA_CA_CERTS',
    /^XDG_/,
    'SSH_AUTH_SOCK',
];
/** Credentials of the clouds a kubeconfig exec plugin, a credential helper or a KMS key may need. */
const CLOUD_ENV = [/^AWS_/, /^AZURE_/, /^ARM_/, /^GOOGLE_/, /^CLOUDSDK_/, /^GCE_/, /^DIGITALOCEAN_/, /^VAULT_/];
/** Never handed to a child through `pass`, even when asked for (the one exception: `ghaCacheEnv`). */
const NEVER = /^(INPUT_|STATE_|ACTIONS_)|^GITHUB_(TOKEN|OUTPUT|ENV|PATH|STATE|STEP_SUMMARY)$/i;
/** The runner's token for its own services (the cache among them): masked when a build is handed it. */
const GHA_CACHE_TOKEN = 'ACTIONS_RUNTIME_TOKEN';
/**
 * The one exception to "never `ACTIONS_*`": a `type=gha` BuildKit cache (input cache-from / cache-to)
 * is the runner's cache service, and buildx finds it only through these variables, as it does under
 * docker/build-push-action (which hands buildx its whole environment). The cache service's address
 * (`ACTIONS_CACHE_URL`; `ACTIONS_RESULTS_URL` for the v2 service that `ACTIONS_CACHE_SERVICE_V2`
 * selects, which github.com has served since 2025) and the runner's token for it. Nothing else of
 * `ACTIONS_*` ever goes, and these go only to the `docker buildx build` of a gha-cached build.
 */
const GHA_CACHE_ENV = ['ACTIONS_CACHE_URL', 'ACTIONS_RESULTS_URL', 'ACTIONS_CACHE_SERVICE_V2', GHA_CACHE_TOKEN];
/** The `set` that hands the gha cache variables present in `from` to a build (childEnv's `set` is not filtered). */
function ghaCacheEnv(from) {
    const env = {};
    for (const k of GHA_CACHE_ENV) {
        const v = from[k];
        if (v)
            env[k] = v;
    }
    return env;
}
const matches = (name, pass) => pass.some((p) => (typeof p === 'string' ? p === name : p.test(name)));
/**
 * The child's environment: from `from`, the base set and `pass`, minus what is never passed; then
 * `set` on top (a value sets it, `undefined` keeps it out).
 */
function childEnv(from, pass = [], set = {}) {
    const env = {};
    for (const [k, v] of Object.entries(from)) {
        if (v === undefined || NEVER.test(k))
            continue;
        if (matches(k, BASE_ENV) || matches(k, pass))
            env[k] = v;
    }
    for (const [k, v] of Object.entries(set)) {
        if (v === undefined)
            delete env[k];
        else
            env[k] = v;
    }
    return env;
}


/***/ }),

/***/ 3942:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ readAnswer)
/* harmony export */ });
function readAnswer(start, timeoutMs, timedOut, body) {
    return new Promise((resolve, reject) => {
        const req = start((res) => {
            const chunks = [];
            res.on('data', (d) => chunks.push(d));
            res.on('end', () => {
                clearTimeout(timer);
                resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') });
            });
            res.on('error', (e) => {
                clearTimeout(timer);
                reject(e);
            });
        });
        const timer = setTimeout(() => req.destroy(timedOut()), timeoutMs);
        req.on('error', (e) => {
            clearTimeout(timer);
            reject(e);
        });
        req.end(body);
    });
}


/***/ }),

/***/ 4579:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Jm: () => (/* binding */ parseBuildSecrets),
/* harmony export */   Ld: () => (/* binding */ parseCacheLines),
/* harmony export */   hy: () => (/* binding */ buildKitInputsGiven)
/* harmony export */ });
/* unused harmony exports MAX_CACHE_INPUT, MAX_SECRETS_INPUT, csvFields, SECRET_ID_RE */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3916);
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3564);
/**
 * The BuildKit inputs of a Dockerfile build, read as docker/build-push-action reads them and checked
 * up front (pure): `cache-from` / `cache-to` (one cache per line, buildx's CSV form) and
 * `build-secrets` (`id=value` per line). Nothing here prints a secret value, not even in an error:
 * a line that fails is named by its number, and only an id that passed is ever echoed.
 */


/** The cache types buildx takes in each direction (`inline` only exports, into the image itself). */
const CACHE_TYPES = {
    'cache-from': ['registry', 'local', 'gha', 's3', 'azblob'],
    'cache-to': ['registry', 'local', 'gha', 'inline', 's3', 'azblob'],
};
/** What buildx cannot do without, per type and direction. */
const REQUIRED = {
    registry: { 'cache-from': ['ref'], 'cache-to': ['ref'] },
    local: { 'cache-from': ['src'], 'cache-to': ['dest'] },
    s3: { 'cache-from': ['bucket', 'region'], 'cache-to': ['bucket', 'region'] },
    azblob: { 'cache-from': ['name'], 'cache-to': ['name'] },
};
/**
 * Credentials a cache line could carry; on the command line they would be in every process listing
 * and in the recorded command. buildx reads each of them from the environment instead.
 */
const CREDENTIAL_ATTRS = {
    token: 'buildx reads the runner’s ACTIONS_RUNTIME_TOKEN itself for type=gha',
    ghtoken: 'leave it out; the GitHub cache works without it',
    secret_access_key: 'set AWS_SECRET_ACCESS_KEY (s3) or AZURE_STORAGE_ACCOUNT_KEY (azblob) in the step’s env instead',
    session_token: 'set AWS_SESSION_TOKEN in the step’s env instead',
};
const EXAMPLES = {
    'cache-from': 'type=registry,ref=ghcr.io/OWNER/APP:buildcache, type=gha or type=local,src=/tmp/.buildx-cache',
    'cache-to': 'type=registry,ref=ghcr.io/OWNER/APP:buildcache,mode=max, type=gha,mode=max or type=local,dest=/tmp/.buildx-cache',
};
/** Longest accepted cache input and build-secrets input (a PEM key or a .npmrc fits easily). */
const MAX_CACHE_INPUT = 16 * 1024;
const MAX_SECRETS_INPUT = 256 * 1024;
/** `a,"b,c",d` → `['a', 'b,c', 'd']` (CSV as buildx reads a flag value: `""` inside quotes is one quote). */
function csvFields(line) {
    const fields = [];
    let cur = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
        const c = line[i];
        if (quoted) {
            if (c !== '"')
                cur += c;
            else if (line[i + 1] === '"') {
                cur += '"';
                i++;
            }
            else
                quoted = false;
        }
        else if (c === '"')
            quoted = true;
        else if (c === ',') {
            fields.push(cur);
            cur = '';
        }
        else
            cur += c;
    }
    if (quoted)
        return undefined;
    fields.push(cur);
    return fields;
}
function checkReference(ref, fail) {
    try {
        (0,_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .parseReference */ .F2)(ref);
    }
    catch {
        fail(`"${ref.slice(0, 120)}" is not an image reference`, 'write the cache image as REGISTRY/REPOSITORY:TAG, e.g. ghcr.io/owner/app:buildcache');
    }
}
/**
 * `cache-from` or `cache-to`: one cache per line, as build-push-action and `docker buildx build
 * --cache-from/--cache-to` take it: `type=…,key=value,…`, or a bare image reference for a registry
 * cache. Blank lines and `#` comments are skipped. Each line is kept as written.
 */
function parseCacheLines(name, value) {
    const out = [];
    const where = { field: `input ${name}` };
    const fixFor = `write one cache per line, e.g. ${EXAMPLES[name]}`;
    if (value.length > MAX_CACHE_INPUT) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`is ${value.length} characters long; at most ${MAX_CACHE_INPUT} are accepted`, { where, fix: fixFor });
    }
    value.split(/\r?\n/).forEach((raw, i) => {
        const line = raw.trim();
        if (!line || line.startsWith('#'))
            return;
        const fail = (what, fix = fixFor) => {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`line ${i + 1}: ${what}`, { where, fix });
        };
        const bad = /[\u0000-\u001f\u007f]/.exec(line);
        if (bad)
            fail(`holds a control character (U+${bad[0].charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()})`);
        const fields = csvFields(line);
        if (!fields)
            fail('has a quote that is never closed');
        if (!line.includes('=')) {
            // buildx's shorthand: each field is a registry cache reference
            for (const ref of fields)
                checkReference(ref.trim(), fail);
            out.push({ line, type: 'registry' });
            return;
        }
        const attrs = new Map();
        for (const field of fields) {
            const eq = field.indexOf('=');
            if (eq <= 0)
                fail(`"${field.slice(0, 80)}" is not key=value`);
            const key = field.slice(0, eq).trim().toLowerCase();
            if (attrs.has(key))
                fail(`${key} is given twice`);
            attrs.set(key, field.slice(eq + 1));
        }
        const type = attrs.get('type');
        if (type === undefined)
            fail('names no type');
        if (!CACHE_TYPES[name].includes(type)) {
            const inline = type === 'inline' ? ' (inline only exports: use it in cache-to, and read it back with type=registry)' : '';
            fail(`unknown cache type "${type.slice(0, 40)}"${inline}`, `use one of ${CACHE_TYPES[name].join(', ')}`);
        }
        for (const [key, why] of Object.entries(CREDENTIAL_ATTRS)) {
            if (attrs.has(key))
                fail(`${key}= would put a credential on the command line`, why);
        }
        for (const key of REQUIRED[type]?.[name] ?? []) {
            if (!attrs.get(key))
                fail(`type=${type} needs ${key}=`);
        }
        if (type === 'registry')
            checkReference(attrs.get('ref'), fail);
        out.push({ line, type: type });
    });
    return out;
}
/**
 * Records of `build-secrets`: one per line, except that a record starting with `"` runs to its
 * closing quote (`""` is a quote), so a multi-line value (a PEM key) is written as build-push-action
 * takes it: `"id=line 1\nline 2"`. Each record carries the number of its first line.
 */
function secretRecords(value) {
    const records = [];
    const lines = value.split(/\r?\n/);
    for (let i = 0; i < lines.length; i++) {
        const first = lines[i];
        if (!first.trimStart().startsWith('"')) {
            records.push({ text: first, line: i + 1 });
            continue;
        }
        // a quoted record: read on, across lines, to the closing quote
        let text = '';
        let rest = first.trimStart().slice(1);
        const start = i;
        for (;;) {
            let j = 0;
            let closed = false;
            for (; j < rest.length; j++) {
                if (rest[j] !== '"')
                    continue;
                if (rest[j + 1] === '"') {
                    text += rest.slice(0, j) + '"';
                    rest = rest.slice(j + 2);
                    j = -1;
                    continue;
                }
                closed = true;
                break;
            }
            if (closed) {
                if (rest.slice(j + 1).trim() !== '')
                    return { open: start + 1 };
                text += rest.slice(0, j);
                break;
            }
            text += rest;
            if (++i >= lines.length)
                return { open: start + 1 };
            text += '\n';
            rest = lines[i];
        }
        records.push({ text, line: start + 1 });
    }
    return records;
}
/** A BuildKit secret id: what `RUN --mount=type=secret,id=…` names (also a file name under /run/secrets). */
const SECRET_ID_RE = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
/**
 * `build-secrets`: `id=value` per line, the value kept whole (`=`, commas and spaces in it included);
 * blank lines and `#` comments are skipped. `mask` is called with every value (and every line that
 * fails to split) before anything can fail or print, so the runner masks them from the start.
 */
function parseBuildSecrets(value, mask) {
    const where = { field: 'input build-secrets' };
    const fix = 'write one id=value per line, e.g. NPM_TOKEN=${{ secrets.NPM_TOKEN }}; a value over several lines goes in double quotes';
    if (value.length > MAX_SECRETS_INPUT) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`is ${value.length} characters long; at most ${MAX_SECRETS_INPUT} are accepted`, { where, fix });
    }
    const records = secretRecords(value);
    if (!Array.isArray(records)) {
        mask(value);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`line ${records.open}: a quoted secret is never closed (or text follows its closing quote)`, { where, fix });
    }
    // a secret id never starts with #: such a line is a comment
    const split = records
        .filter((r) => r.text.trim() !== '' && !r.text.trimStart().startsWith('#'))
        .map((r) => {
        const eq = r.text.indexOf('=');
        const id = eq === -1 ? '' : r.text.slice(0, eq).trim();
        const secret = eq === -1 ? r.text : r.text.slice(eq + 1);
        mask(r.text);
        mask(secret);
        return { ...r, eq, id, secret };
    });
    const out = [];
    for (const r of split) {
        const fail = (what, why = fix) => {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`line ${r.line}: ${what}`, { where, fix: why });
        };
        if (r.eq === -1)
            fail('has no "=" between an id and a value (the line is not shown: it may be a secret)');
        if (!SECRET_ID_RE.test(r.id))
            fail('the id before "=" is not a secret id (not shown)', 'start the id with a letter, digit or _, then letters, digits, ., _ or -, at most 128');
        if (out.some((s) => s.id === r.id))
            fail(`secret ${r.id} is given twice`, 'keep one line per secret id');
        if (r.secret === '')
            fail(`secret ${r.id} has an empty value`, `pass a value; an empty one is usually a repository secret that is not set (check the name in secrets.…)`);
        if (r.secret.includes('\u0000'))
            fail(`secret ${r.id} holds a NUL byte`, 'pass the value as text');
        out.push({ id: r.id, value: r.secret });
    }
    return out;
}
/** Names of the BuildKit inputs that are set (`cache-from`, …), in action.yml's order. */
function buildKitInputsGiven(inputs) {
    return ['cache-from', 'cache-to', 'build-secrets'].filter((k) => (inputs[k]?.length ?? 0) > 0);
}


/***/ }),

/***/ 3564:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   F2: () => (/* binding */ parseReference),
/* harmony export */   FH: () => (/* binding */ formatReference),
/* harmony export */   Xb: () => (/* binding */ DOCKER_HUB),
/* harmony export */   _t: () => (/* binding */ withDefaultTag),
/* harmony export */   aR: () => (/* binding */ repositoryName),
/* harmony export */   cW: () => (/* binding */ isLoopbackHost),
/* harmony export */   ct: () => (/* binding */ pinnedReference),
/* harmony export */   fH: () => (/* binding */ isValidDigest),
/* harmony export */   nz: () => (/* binding */ apiHost),
/* harmony export */   r_: () => (/* binding */ isValidTag)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3916);
/**
 * One parser for image references, following the grammar of distribution/reference:
 * `[host[:port]/]path[:tag][@algo:hex]`. Docker Hub names normalise to `docker.io/library/…`.
 */

const DOCKER_HUB = 'docker.io';
const DOCKER_HUB_API = 'registry-1.docker.io';
const HUB_ALIASES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com']);
const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const DIGEST = /^(sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})$/;
const HOST = /^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*)(?::[0-9]{1,5})?$/;
function isValidTag(tag) {
    return TAG.test(tag);
}
function isValidDigest(digest) {
    return DIGEST.test(digest);
}
function invalid(value, why, where) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`invalid image reference "${value}": ${why}`, {
        where,
        fix: 'write it as [registry/]repository[:tag][@sha256:<64 hex>], e.g. ghcr.io/owner/app:1.2.3',
    });
}
/** Does the first path component name a registry host (rather than a Docker Hub namespace)? */
function looksLikeHost(first) {
    return first.includes('.') || first.includes(':') || first === 'localhost' || first.startsWith('[') || first !== first.toLowerCase();
}
function parseReference(value, where) {
    const s = value.trim();
    if (!s)
        throw invalid(value, 'it is empty', where);
    if (s.length > 512)
        throw invalid(value.slice(0, 40) + '…', 'it is longer than 512 characters', where);
    if (/\s/.test(s))
        throw invalid(value, 'it contains white space', where);
    if (/^[a-z]+:\/\//i.test(s))
        throw invalid(value, 'a reference has no scheme (drop the http:// or https://)', where);
    let rest = s;
    let digest;
    const at = rest.indexOf('@');
    if (at !== -1) {
        digest = rest.slice(at + 1);
        rest = rest.slice(0, at);
        if (!DIGEST.test(digest))
            throw invalid(value, `"${digest}" is not a digest (sha256:<64 lowercase hex>)`, where);
    }
    let tag;
    const lastSlash = rest.lastIndexOf('/');
    const lastColon = rest.lastIndexOf(':');
    if (lastColon > lastSlash) {
        tag = rest.slice(lastColon + 1);
        rest = rest.slice(0, lastColon);
        if (!TAG.test(tag))
            throw invalid(value, `"${tag}" is not a valid tag (letters, digits, _ . -, at most 128, not starting with . or -)`, where);
    }
    const parts = rest.split('/');
    let registry = DOCKER_HUB;
    if (parts.length > 1 && looksLikeHost(parts[0])) {
        registry = parts.shift();
        if (!HOST.test(registry))
            throw invalid(value, `"${registry}" is not a valid registry host`, where);
        const port = /:(\d+)$/.exec(registry)?.[1];
        if (port !== undefined && Number(port) > 65535)
            throw invalid(value, `port ${port} is out of range`, where);
        if (HUB_ALIASES.has(registry.toLowerCase()))
            registry = DOCKER_HUB;
    }
    if (parts.length === 0 || parts.some((p) => p === ''))
        throw invalid(value, 'the repository path has an empty component', where);
    for (const p of parts) {
        if (!COMPONENT.test(p)) {
            throw invalid(value, p !== p.toLowerCase() ? `"${p}" must be lowercase` : `"${p}" is not a valid repository component`, where);
        }
    }
    if (registry === DOCKER_HUB && parts.length === 1)
        parts.unshift('library');
    const repository = parts.join('/');
    if (registry.length + 1 + repository.length > 255)
        throw invalid(value, 'the name is longer than 255 characters', where);
    const ref = { registry, repository };
    if (tag !== undefined)
        ref.tag = tag;
    if (digest !== undefined)
        ref.digest = digest;
    return ref;
}
/** `registry/repository` */
function repositoryName(ref) {
    return `${ref.registry}/${ref.repository}`;
}
/** The canonical string: `registry/repository[:tag][@digest]`. */
function formatReference(ref) {
    return `${repositoryName(ref)}${ref.tag !== undefined ? `:${ref.tag}` : ''}${ref.digest !== undefined ? `@${ref.digest}` : ''}`;
}
/** The pinned form deployed: `registry/repository@digest` (the tag is dropped: the digest is the truth). */
function pinnedReference(ref, digest) {
    return `${repositoryName(ref)}@${digest}`;
}
/** Host that serves the distribution API for a registry name. */
function apiHost(registry) {
    return registry === DOCKER_HUB ? DOCKER_HUB_API : registry;
}
/** Loopback registries speak plain HTTP when they do not speak TLS (Docker's own rule for localhost). */
function isLoopbackHost(registry) {
    const host = registry.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
    return host === 'localhost' || host === '::1' || /^127\./.test(host);
}
/** The reference a tag or digest points at: digest wins, then tag, else `latest`. */
function withDefaultTag(ref) {
    return ref.tag === undefined && ref.digest === undefined ? { ...ref, tag: 'latest' } : ref;
}


/***/ }),

/***/ 9407:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var node_module__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8995);
/* harmony import */ var node_module__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_module__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8021);
/* harmony import */ var _vendor_undici_lazy_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(9363);
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(4813);
/* harmony import */ var _state_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(2462);
// Node ≥ 22.1 keeps V8's compiled code of the lazily loaded chunks between runs (ADR 0018): on a
// warm cache, the chunks a plan loads are not parsed again. NODE_DISABLE_COMPILE_CACHE=1 turns it off.
// One entry for both steps of action.yml: `main`, and `post` (runs.post), told apart by the state
// main saves first (src/state.ts). The post step's code is its own chunk: main never loads it.





node_module__WEBPACK_IMPORTED_MODULE_0___default().enableCompileCache?.();
await (0,_vendor_undici_lazy_js__WEBPACK_IMPORTED_MODULE_4__/* .loadProxySupport */ .w8)(); // undici, only behind a proxy (src/vendor/undici-lazy.ts)
if ((0,_state_js__WEBPACK_IMPORTED_MODULE_3__/* .isPost */ .tl)()) {
    const { runPost } = await __nccwpck_require__.e(/* import() */ 661).then(__nccwpck_require__.bind(__nccwpck_require__, 6661));
    await runPost();
}
else {
    (0,_state_js__WEBPACK_IMPORTED_MODULE_3__/* .markMain */ .rH)();
    await (0,_main_js__WEBPACK_IMPORTED_MODULE_1__/* .run */ .e)();
    await (0,_runner_js__WEBPACK_IMPORTED_MODULE_2__/* .summaryWritten */ .gw)();
}
// a socket still open (a TLS handshake that never completed, keep-alive) must not keep the step past its deadline (ADR 0014)
process.exit();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 8422:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   GP: () => (/* binding */ getInputs),
/* harmony export */   WV: () => (/* binding */ maskSecretBuildArgs),
/* harmony export */   yf: () => (/* binding */ NAME_SUFFIX_RE)
/* harmony export */ });
/* unused harmony exports parseMode, parseVerify, parseBool, MAX_TIMEOUT_MS, parseDuration, parseBuildArgs, parseDigest, parseNameSuffix, MAX_INPUT_LENGTH, checkLength, checkOneLine, parseEnvironment, parseImageInput, parseOidcIssuer, parseHealthUrl, parseHealthCommand */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3916);
/* harmony import */ var _config_provider_name_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(1653);
/* harmony import */ var _domain_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(9375);
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(4813);
/* harmony import */ var _image_build_inputs_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(4579);
/* harmony import */ var _external_env_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(6572);
/* harmony import */ var _tools_validate_js__WEBPACK_IMPORTED_MODULE_6__ = __nccwpck_require__(4745);
/**
 * Typed inputs of action.yml, read and validated up front: nothing touches the network, the file
 * system or a CLI before every input has been checked. Keys are spelled as in action.yml.
 */







function oneOf(name, value, allowed, fallback) {
    if (value === '')
        return fallback;
    const v = value.toLowerCase();
    if (allowed.includes(v))
        return v;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`invalid value "${value}"`, {
        where: { field: `input ${name}` },
        fix: `use one of ${allowed.join(', ')}`,
    });
}
function parseMode(value) {
    return oneOf('mode', value, _domain_js__WEBPACK_IMPORTED_MODULE_2__/* .MODES */ .FN, 'deploy');
}
function parseVerify(value) {
    return oneOf('verify', value, _domain_js__WEBPACK_IMPORTED_MODULE_2__/* .VERIFY_MODES */ .v4, 'auto');
}
function parseBool(name, value, fallback) {
    if (value === '')
        return fallback;
    if (/^(true|yes|on|1)$/i.test(value))
        return true;
    if (/^(false|no|off|0)$/i.test(value))
        return false;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`invalid boolean "${value}"`, { where: { field: `input ${name}` }, fix: 'use true or false' });
}
/** The longest timeout a timer can hold: Node fires any delay above 2³¹−1 ms after 1 ms. */
const MAX_TIMEOUT_MS = 2 ** 31 - 1;
const TIMEOUT_RANGE = 'from 1s to 596h (2³¹−1 ms, the longest a timer can wait)';
/** `10m`, `90s`, `1h30m`, `600` (seconds) → milliseconds, within 1 s … 2³¹−1 ms. */
function parseDuration(name, value, fallbackMs) {
    if (value === '')
        return fallbackMs;
    const where = { field: `input ${name}` };
    const shown = value.slice(0, 40);
    let ms;
    if (/^\d{1,12}$/.test(value))
        ms = Number(value) * 1000;
    else {
        const m = /^(?:(\d{1,9})h)?(?:(\d{1,9})m)?(?:(\d{1,9})s)?$/.exec(value);
        if (!m || (!m[1] && !m[2] && !m[3])) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`invalid duration "${shown}"`, { where, fix: `write it like 600, 90s, 10m or 1h30m, ${TIMEOUT_RANGE}` });
        }
        ms = ((Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0)) * 60 + Number(m[3] ?? 0)) * 1000;
    }
    if (ms < 1000 || ms > MAX_TIMEOUT_MS) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`a timeout of ${ms === 0 ? 'zero' : `"${shown}"`} is out of range`, {
            where,
            fix: `give a duration ${TIMEOUT_RANGE}, such as 10m`,
        });
    }
    return ms;
}
/**
 * One `KEY=value` per line, as docker/build-push-action reads them: the value is kept whole (commas,
 * `=` and spaces inside it included); blank lines and `#` comments are skipped.
 */
function parseBuildArgs(value) {
    const out = {};
    value.split(/\r?\n/).forEach((raw, i) => {
        const line = raw.trim();
        if (!line || line.startsWith('#'))
            return;
        const eq = line.indexOf('=');
        const key = eq === -1 ? line : line.slice(0, eq);
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`line ${i + 1}: invalid build argument name "${key.slice(0, 80)}"`, {
                where: { field: 'input build-args' },
                fix: 'write one KEY=value per line; keys are letters, digits and _ (a value may hold commas and =)',
            });
        }
        if (key in out) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`line ${i + 1}: build argument ${key} is given twice`, {
                where: { field: 'input build-args' },
                fix: 'keep one line per build argument',
            });
        }
        out[key] = eq === -1 ? '' : line.slice(eq + 1);
    });
    return out;
}
function parseDigest(name, value) {
    if (value === '')
        return '';
    if (!_domain_js__WEBPACK_IMPORTED_MODULE_2__/* .DIGEST_RE */ .Vt.test(value)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`invalid digest "${value}"`, {
            where: { field: name },
            fix: 'pass the sha256:<64 lowercase hex> digest, e.g. the digest output of docker/build-push-action',
        });
    }
    return value;
}
/** `pr-42`, `staging`: lowercase letters, digits and inner hyphens, so every provider can name a resource with it. */
const NAME_SUFFIX_RE = /^[a-z0-9](?:[a-z0-9-]{0,28}[a-z0-9])?$/;
/**
 * An upper-case suffix is refused, not lowercased (ADR 0025): `PR-12` and `pr-12` would otherwise name
 * the same resources without a word, and the environment name would differ from the resources' names.
 */
function parseNameSuffix(value) {
    if (value === '' || NAME_SUFFIX_RE.test(value))
        return value;
    const where = { field: 'input name-suffix' };
    if (NAME_SUFFIX_RE.test(value.toLowerCase())) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`"${value}" has upper-case letters; resource names are lower-case`, {
            where,
            fix: `pass it in lower case (name-suffix: ${value.toLowerCase()}), e.g. pr-\${{ github.event.number }}`,
        });
    }
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`invalid name suffix "${value.slice(0, 80)}"`, {
        where,
        fix: 'use 1–30 lower-case letters, digits and inner hyphens, e.g. pr-${{ github.event.number }}',
    });
}
// ---------------------------------------------------------------------------------------------
// Pure validators for the free-text inputs (ADR 0014): each returns the value to use or throws one
// ActionError naming the input. Called from getInputs, so every input is checked before any network call.
/** Longest value of any free-text input (paths, references, identities): far above any real one. */
const MAX_INPUT_LENGTH = 4096;
function checkLength(name, value, max = MAX_INPUT_LENGTH) {
    if (value.length <= max)
        return value;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`is ${value.length} characters long; at most ${max} are accepted`, {
        where: { field: `input ${name}` },
        fix: `pass the ${name} itself, not a file's content or a generated blob`,
    });
}
/** Control characters (newlines included) have no place in a one-line input: they would forge log lines. */
function checkOneLine(name, value) {
    checkLength(name, value);
    const bad = /[\u0000-\u001f\u007f]/.exec(value);
    if (!bad)
        return value;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`contains a control character (U+${bad[0].charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()})`, {
        where: { field: `input ${name}` },
        fix: 'give a single line without tabs, new lines or escape characters',
    });
}
/** A GitHub environment name: at most 255 characters, no control characters, no leading/trailing space. */
function parseEnvironment(value) {
    if (value === '')
        return '';
    checkOneLine('environment', value);
    if (value.length > 255) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`is ${value.length} characters long; GitHub allows 255`, {
            where: { field: 'input environment' },
            fix: 'use a shorter environment name, e.g. preview-pr-42',
        });
    }
    return value;
}
/** An image reference input: one line, and no longer than a reference can be (255 name + tag + digest). */
function parseImageInput(name, value) {
    if (value === '')
        return '';
    checkOneLine(name, value);
    if (value.length > 512) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`is ${value.length} characters long; an image reference is at most 512`, {
            where: { field: `input ${name}` },
            fix: 'pass a reference such as ghcr.io/owner/app:1.2.3',
        });
    }
    return value;
}
/**
 * `health-url`: an absolute http(s) URL (checked as given), or a path starting with `/` that is
 * joined to the deployment's `url` output (the provider must have one). No credentials in it: the URL
 * is printed with every attempt.
 */
/**
 * `certificate-oidc-issuer`: an https URL (cosign compares it with the certificate's issuer exactly,
 * so it is kept as written). Anything else would only fail inside cosign, after the image was chosen.
 */
function parseOidcIssuer(value) {
    if (value === '')
        return '';
    checkOneLine('certificate-oidc-issuer', value);
    const where = { field: 'input certificate-oidc-issuer' };
    const fix = 'write the issuer as an https URL, e.g. https://token.actions.githubusercontent.com (GitHub Actions) or https://accounts.google.com';
    let url;
    try {
        url = new URL(value);
    }
    catch {
        url = undefined;
    }
    if (!url || !url.hostname)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`"${value.slice(0, 80)}" is not a URL`, { where, fix });
    if (url.protocol !== 'https:')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`the scheme ${url.protocol.slice(0, 20)} is not https`, { where, fix });
    if (url.username || url.password)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ('holds credentials', { where, fix: `${fix}, without user or password` });
    return value;
}
function parseHealthUrl(value) {
    if (value === '')
        return '';
    checkOneLine('health-url', value);
    const where = { field: 'input health-url' };
    if (value.startsWith('/')) {
        if (value.startsWith('//'))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`"${value.slice(0, 80)}" is neither a path nor a URL`, {
                where,
                fix: 'write a path such as /healthz, or a whole URL such as https://app.example.com/healthz',
            });
        return value;
    }
    let url;
    try {
        url = new URL(value);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`"${value.slice(0, 80)}" is not a URL`, {
            where,
            fix: 'write a path such as /healthz (joined to the deployment url), or a whole http(s) URL',
        });
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`the scheme ${url.protocol} is not http or https`, { where, fix: 'use an http:// or https:// URL' });
    if (url.username || url.password)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ('holds credentials', {
            where,
            fix: 'the URL is printed with every attempt: give a health endpoint that needs no credentials',
        });
    return value;
}
/** `health-command`: one shell command line, run inside the deployment by its own /bin/sh. */
function parseHealthCommand(value) {
    if (value.trim() === '')
        return '';
    return checkOneLine('health-command', value.trim());
}
/** Build arguments named like a secret the config declares carry that secret: masked (plan, summary, log). */
function maskSecretBuildArgs(buildArgs, secrets) {
    const names = new Set(secrets.map((s) => s.name));
    const masked = Object.keys(buildArgs).filter((k) => names.has(k) && buildArgs[k] !== '');
    for (const k of masked)
        (0,_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .setSecret */ .Pq)(buildArgs[k]);
    return masked;
}
function getInputs() {
    // secrets first: masked before anything else can print them
    const password = (0,_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .getInput */ .V4)('registry-password');
    const token = (0,_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .getInput */ .V4)('github-token');
    (0,_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .setSecret */ .Pq)(password);
    (0,_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .setSecret */ .Pq)(token);
    const buildSecrets = (0,_image_build_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .parseBuildSecrets */ .Jm)((0,_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .getInput */ .V4)('build-secrets', { trimWhitespace: false }), _runner_js__WEBPACK_IMPORTED_MODULE_3__/* .setSecret */ .Pq);
    const cacheFrom = (0,_image_build_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .parseCacheLines */ .Ld)('cache-from', (0,_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .getInput */ .V4)('cache-from'));
    const cacheTo = (0,_image_build_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .parseCacheLines */ .Ld)('cache-to', (0,_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .getInput */ .V4)('cache-to'));
    // a type=gha cache hands the runner's cache token to buildx (src/external/env.ts): masked first
    if ([...cacheFrom, ...cacheTo].some((c) => c.type === 'gha'))
        (0,_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .setSecret */ .Pq)(process.env[_external_env_js__WEBPACK_IMPORTED_MODULE_5__/* .GHA_CACHE_TOKEN */ .cU]);
    const providerRaw = (0,_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .getInput */ .V4)('provider');
    const toolVersions = {};
    for (const t of _domain_js__WEBPACK_IMPORTED_MODULE_2__/* .TOOLS */ .It) {
        const v = (0,_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .getInput */ .V4)(`${t}-version`);
        if (v)
            toolVersions[t] = (0,_tools_validate_js__WEBPACK_IMPORTED_MODULE_6__/* .parseToolVersion */ .mR)(t, v);
    }
    const toolMirror = (0,_tools_validate_js__WEBPACK_IMPORTED_MODULE_6__/* .parseToolMirror */ .n9)(checkOneLine('tool-mirror', (0,_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .getInput */ .V4)('tool-mirror')), process.env.SINDRI_TOOL_MIRROR).mirror;
    const mirrorPassword = toolMirror ? new URL(toolMirror).password : '';
    if (mirrorPassword)
        (0,_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .setSecret */ .Pq)(decodeURIComponent(mirrorPassword));
    const inputs = {
        config: checkOneLine('config', (0,_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .getInput */ .V4)('config')),
        'working-directory': checkOneLine('working-directory', (0,_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .getInput */ .V4)('working-directory')) || '.',
        mode: parseMode((0,_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .getInput */ .V4)('mode')),
        provider: providerRaw ? (0,_config_provider_name_js__WEBPACK_IMPORTED_MODULE_1__/* .parseProvider */ .t)(providerRaw, { field: 'input provider' }) : undefined,
        image: parseImageInput('image', (0,_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .getInput */ .V4)('image')),
        'image-digest': parseDigest('input image-digest', (0,_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .getInput */ .V4)('image-digest')),
        dockerfile: checkOneLine('dockerfile', (0,_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .getInput */ .V4)('dockerfile')),
        'build-context': checkOneLine('build-context', (0,_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .getInput */ .V4)('build-context')) || '.',
        'build-args': parseBuildArgs(checkLength('build-args', (0,_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .getInput */ .V4)('build-args'), 64 * 1024)),
        'cache-from': cacheFrom,
        'cache-to': cacheTo,
        'build-secrets': buildSecrets,
        force: parseBool('force', (0,_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .getInput */ .V4)('force'), false),
        'pin-digest': parseBool('pin-digest', (0,_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .getInput */ .V4)('pin-digest'), true),
        'default-image': parseImageInput('default-image', (0,_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .getInput */ .V4)('default-image')) || _domain_js__WEBPACK_IMPORTED_MODULE_2__/* .DEFAULT_IMAGE */ .__,
        verify: parseVerify((0,_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .getInput */ .V4)('verify')),
        'registry-username': checkOneLine('registry-username', (0,_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .getInput */ .V4)('registry-username')),
        'registry-password': password,
        'github-token': token,
        timeout: parseDuration('timeout', (0,_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .getInput */ .V4)('timeout'), 10 * 60 * 1000),
        'tool-versions': toolVersions,
        'tool-mirror': toolMirror,
        'name-suffix': parseNameSuffix((0,_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .getInput */ .V4)('name-suffix')),
        rollback: parseBool('rollback', (0,_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .getInput */ .V4)('rollback'), true),
        'cosign-key': checkLength('cosign-key', (0,_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .getInput */ .V4)('cosign-key'), 64 * 1024),
        'certificate-identity': checkOneLine('certificate-identity', (0,_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .getInput */ .V4)('certificate-identity')),
        'certificate-oidc-issuer': parseOidcIssuer((0,_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .getInput */ .V4)('certificate-oidc-issuer')),
        'verify-tlog': parseBool('verify-tlog', (0,_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .getInput */ .V4)('verify-tlog'), true),
        'trusted-root': checkOneLine('trusted-root', (0,_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .getInput */ .V4)('trusted-root')),
        'github-deployment': parseBool('github-deployment', (0,_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .getInput */ .V4)('github-deployment'), false),
        environment: parseEnvironment((0,_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .getInput */ .V4)('environment')),
        'pr-comment': parseBool('pr-comment', (0,_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .getInput */ .V4)('pr-comment'), false),
        'fail-on-verify': parseBool('fail-on-verify', (0,_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .getInput */ .V4)('fail-on-verify'), false),
        summary: parseBool('summary', (0,_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .getInput */ .V4)('summary'), true),
        'health-url': parseHealthUrl((0,_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .getInput */ .V4)('health-url')),
        'health-command': parseHealthCommand((0,_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .getInput */ .V4)('health-command')),
        'health-timeout': parseDuration('health-timeout', (0,_runner_js__WEBPACK_IMPORTED_MODULE_3__/* .getInput */ .V4)('health-timeout'), 2 * 60 * 1000),
    };
    if (inputs['registry-username'] && !inputs['registry-password']) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ('registry-username is set without registry-password', {
            where: { field: 'input registry-password' },
            fix: 'pass both, e.g. registry-password: ${{ secrets.REGISTRY_TOKEN }}',
        });
    }
    return inputs;
}


/***/ }),

/***/ 8021:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  e: () => (/* binding */ run)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __nccwpck_require__(3916);
// EXTERNAL MODULE: ./src/runner.ts
var runner = __nccwpck_require__(4813);
// EXTERNAL MODULE: ./src/text.ts
var src_text = __nccwpck_require__(8992);
// EXTERNAL MODULE: ./src/external/env.ts
var external_env = __nccwpck_require__(6572);
;// CONCATENATED MODULE: ./src/external/exec.ts
/**
 * The one way this action runs a program: an argv array (never a shell), an optional stdin, the
 * run's deadline, output captured and streamed through redaction, and failures turned into one
 * ActionError carrying the redacted command line and the tail of stderr. (ADR 0003: why not
 * @actions/exec — it has no deadline and echoes unredacted command lines.)
 *
 * One `Exec` is made per run around the run's `Deadline` and handed to every CLI class; it keeps the
 * list of what it started (`history`), which the job summary counts.
 *
 * What a child may cost us is bounded (ADR 0027): it gets only the environment it needs (`childEnv`);
 * it runs in a process group of its own, so the deadline stops it and everything it started, and
 * nothing it leaves holding our pipes keeps us waiting; what it prints is kept up to a limit (the
 * tail beyond it for streamed output, one clear error for output the caller must read whole).
 */






/** Captured output of a command the caller reads whole (JSON): beyond this it fails in one line. */
const CAPTURE_LIMIT_BYTES = 32 * 1024 * 1024;
/** Streamed output (build logs): only this much of the tail is kept for the error line; the rest went to the log. */
const STREAM_TAIL_BYTES = 256 * 1024;
/** A streamed "line" without a new line is printed in pieces of this size (a 400 MB line must not block the loop). */
const MAX_LINE_BYTES = 64 * 1024;
/** After the process exits, how long its pipes may stay open (a grandchild holding them) before we stop reading. */
const PIPE_GRACE_MS = 2_000;
const KILL_AFTER_MS = 5_000;
const SIGNAL_NUMBER = {
    SIGHUP: 1,
    SIGINT: 2,
    SIGQUIT: 3,
    SIGILL: 4,
    SIGABRT: 6,
    SIGBUS: 7,
    SIGFPE: 8,
    SIGKILL: 9,
    SIGSEGV: 11,
    SIGPIPE: 13,
    SIGTERM: 15,
};
/** Bytes kept of one stream: everything up to `limit`, then only the last `tail` bytes. */
class Capture {
    limit;
    tail;
    chunks = [];
    size = 0;
    dropped = 0;
    constructor(limit, tail) {
        this.limit = limit;
        this.tail = tail;
    }
    push(b) {
        this.chunks.push(b);
        this.size += b.length;
        if (this.size <= this.limit)
            return;
        // keep the tail only: join, cut, start again
        const all = Buffer.concat(this.chunks);
        const keep = all.subarray(all.length - this.tail);
        this.dropped += all.length - keep.length;
        this.chunks = [Buffer.from(keep)];
        this.size = keep.length;
    }
    text() {
        return Buffer.concat(this.chunks).toString('utf8');
    }
}
/** Lines of a stream to the log as they come, without ever holding more than MAX_LINE_BYTES of one line. */
function lineStreamer() {
    let partial = '';
    return {
        push(b) {
            const lines = (partial + b.toString('utf8')).split('\n');
            partial = lines.pop() ?? '';
            for (const l of lines)
                (0,runner/* info */.pq)(l);
            while (partial.length > MAX_LINE_BYTES) {
                (0,runner/* info */.pq)(partial.slice(0, MAX_LINE_BYTES));
                partial = partial.slice(MAX_LINE_BYTES);
            }
        },
        end() {
            if (partial)
                (0,runner/* info */.pq)(partial);
            partial = '';
        },
    };
}
class Exec {
    deadline;
    /** every command started, in order */
    history = [];
    /** process groups still running, stopped with us when the runner cancels the step */
    live = new Set();
    constructor(deadline) {
        this.deadline = deadline;
    }
    /** Run `file` with `args` inside the run's deadline (or `options.deadline`, an earlier one). */
    async run(file, args, options = {}) {
        // every command fits inside the run's deadline (ADR 0014): a caller's timeout is capped by it, none means all of it
        const clock = options.deadline ?? this.deadline;
        const { timeoutMs, capped } = clock.cap(options.timeoutMs, `\`${file}\` could start`);
        const opts = { ...options, timeoutMs };
        const argv = [file, ...args];
        const shown = (0,runner/* redact */.E$)((0,src_text/* quoteArgv */.rx)(argv));
        const record = { argv: argv.map(runner/* redact */.E$) };
        this.history.push(record);
        (opts.announce ?? runner/* info */.pq)(`$ ${shown}`);
        const env = (0,external_env/* childEnv */.gf)(process.env, opts.pass, opts.env);
        // a program in none of PATH's folders fails to start whatever we do: said without forking this process (ADR 0050)
        if (notOnPath(file, env.PATH, opts.cwd ?? process.cwd()))
            throw notFound(file, { code: 'ENOENT' });
        // loaded on first use: a plan that runs no command never pays for child_process (ADR 0002)
        const { spawn } = await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 1421, 23));
        const started = Date.now();
        const result = await new Promise((resolve, reject) => {
            let child;
            try {
                // a process group of its own: the deadline stops it and whatever it started (ADR 0027)
                child = spawn(file, args, { cwd: opts.cwd, env, shell: false, stdio: ['pipe', 'pipe', 'pipe'], detached: true });
            }
            catch (e) {
                reject(notFound(file, e));
                return;
            }
            const out = new Capture(opts.stream ? STREAM_TAIL_BYTES : CAPTURE_LIMIT_BYTES, STREAM_TAIL_BYTES);
            const err = new Capture(STREAM_TAIL_BYTES * 4, STREAM_TAIL_BYTES);
            const outLines = lineStreamer();
            const errLines = lineStreamer();
            let timedOut = false;
            let settled = false;
            const timers = [];
            const group = child.pid;
            if (group !== undefined) {
                this.live.add(group);
                opts.started?.();
            }
            const killGroup = (signal) => {
                if (group === undefined)
                    return;
                try {
                    process.kill(-group, signal);
                }
                catch {
                    /* already gone */
                }
            };
            if (opts.timeoutMs !== undefined) {
                timers.push(setTimeout(() => {
                    timedOut = true;
                    killGroup('SIGTERM');
                    timers.push(setTimeout(() => killGroup('SIGKILL'), KILL_AFTER_MS));
                }, opts.timeoutMs));
            }
            child.stdout.on('data', (b) => {
                out.push(b);
                if (opts.stream)
                    outLines.push(b);
            });
            child.stderr.on('data', (b) => {
                err.push(b);
                if (opts.stream)
                    errLines.push(b);
            });
            child.stdin.on('error', () => undefined); // a program that exits without reading stdin is not our failure
            child.stdin.end(opts.input ?? '');
            const finish = (code, signal) => {
                if (settled)
                    return;
                settled = true;
                timers.forEach(clearTimeout);
                if (group !== undefined)
                    this.live.delete(group);
                outLines.end();
                errLines.end();
                // a grandchild may still hold our pipes: we do not wait for it
                child.stdout.destroy();
                child.stderr.destroy();
                if (group !== undefined && (timedOut || signal))
                    killGroup('SIGKILL');
                resolve({
                    code: code ?? (signal ? 128 + (SIGNAL_NUMBER[signal] ?? 0) : 1),
                    ...(signal ? { signal } : {}),
                    stdout: out.text(),
                    stderr: err.text(),
                    durationMs: Date.now() - started,
                    timedOut,
                    ...(out.dropped > 0 ? { truncated: true } : {}),
                });
            };
            child.on('error', (e) => {
                if (settled)
                    return;
                settled = true;
                timers.forEach(clearTimeout);
                if (group !== undefined)
                    this.live.delete(group);
                reject(notFound(file, e));
            });
            child.on('close', finish);
            // the process is gone but its pipes stay open: read what is there for a moment, then stop waiting
            child.on('exit', (code, signal) => {
                timers.push(setTimeout(() => finish(code, signal), PIPE_GRACE_MS));
            });
        });
        record.code = result.code;
        record.durationMs = result.durationMs;
        (0,runner/* debug */.Yz)(`exit ${result.code}${result.signal ? ` (${result.signal})` : ''} after ${result.durationMs} ms: ${shown}`);
        if (result.timedOut && capped) {
            // stopped by the run's deadline: an error even with allowFailure (that is for exit codes), the run cannot go on
            throw clock.stopped(shown, result.durationMs);
        }
        if (result.timedOut && !opts.allowFailure) {
            throw new errors/* ActionError */.lZ(`\`${shown}\` did not finish within ${Math.round((opts.timeoutMs ?? 0) / 1000)} s and was stopped`, {
                fix: opts.fix ?? 'raise the input timeout, or find out why it hangs from the log above',
            });
        }
        if (result.truncated && !opts.stream && !opts.allowFailure) {
            throw new errors/* ActionError */.lZ(`\`${shown}\` printed more than ${CAPTURE_LIMIT_BYTES / 1024 / 1024} MiB, more than the action reads`, {
                fix: opts.fix ?? 'check what the command prints; a much smaller answer was expected',
            });
        }
        if (result.signal && !opts.allowFailure) {
            throw new errors/* ActionError */.lZ(`\`${shown}\` was ended by ${result.signal}${tail(result.stderr || result.stdout)}`, {
                fix: result.signal === 'SIGKILL'
                    ? 'something killed it (the runner out of memory?): see the log above and the runner’s resources'
                    : `${file} crashed (${result.signal}): update it, or see its own log above`,
            });
        }
        if (result.code !== 0 && !opts.allowFailure) {
            throw new errors/* ActionError */.lZ(`\`${shown}\` failed with exit code ${result.code}${tail(result.stderr || result.stdout)}`, {
                fix: opts.fix ?? 'see the command output above',
            });
        }
        return result;
    }
    /** Stop every command still running (the step is being cancelled), the same way the deadline does. */
    stopAll(signal = 'SIGTERM') {
        for (const group of this.live) {
            try {
                process.kill(-group, signal);
            }
            catch {
                /* already gone */
            }
        }
    }
}
function tail(text) {
    const last = (0,runner/* redact */.E$)(text)
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)
        .slice(-1)[0];
    return last ? `: ${last.slice(0, 300)}` : '';
}
/**
 * Whether a bare program name is in none of the child's PATH folders (an empty entry is its working
 * directory, as for execvp): its start would fail with ENOENT, and a failed start still forks this
 * process (~2 ms of a cold start per attempt, issue 25). Only where that is certain: a name without a
 * slash, PATH set and not empty (libuv falls back to a default PATH otherwise), not Windows (PATHEXT).
 */
function notOnPath(file, path, cwd) {
    if (process.platform === 'win32' || file.includes('/') || !path)
        return false;
    return path.split(external_node_path_.delimiter).every((dir) => !(0,external_node_fs_.existsSync)((0,external_node_path_.resolve)(cwd, dir, file)));
}
function notFound(file, e) {
    const code = e.code;
    if (code === 'ENOENT') {
        return new errors/* ActionError */.lZ(`\`${file}\` was not found on PATH`, {
            fix: `install ${file} on the runner, or let the action install it (see the <tool>-version inputs)`,
        });
    }
    return new errors/* ActionError */.lZ(`could not start \`${file}\`: ${e.message}`, { cause: e });
}

// EXTERNAL MODULE: ./src/deadline.ts
var src_deadline = __nccwpck_require__(6683);
// EXTERNAL MODULE: ./src/state.ts
var state = __nccwpck_require__(2462);
// EXTERNAL MODULE: ./src/inputs.ts
var src_inputs = __nccwpck_require__(8422);
;// CONCATENATED MODULE: ./src/providers/index.ts
async function loadProvider(name) {
    switch (name) {
        case 'docker':
            return new (await Promise.all(/* import() */[__nccwpck_require__.e(815), __nccwpck_require__.e(855), __nccwpck_require__.e(32), __nccwpck_require__.e(283)]).then(__nccwpck_require__.bind(__nccwpck_require__, 283))).DockerProvider();
        case 'fly':
            return new (await Promise.all(/* import() */[__nccwpck_require__.e(815), __nccwpck_require__.e(292), __nccwpck_require__.e(855), __nccwpck_require__.e(32), __nccwpck_require__.e(763)]).then(__nccwpck_require__.bind(__nccwpck_require__, 7763))).FlyProvider();
        case 'devpod':
            return new (await Promise.all(/* import() */[__nccwpck_require__.e(815), __nccwpck_require__.e(855), __nccwpck_require__.e(32), __nccwpck_require__.e(218)]).then(__nccwpck_require__.bind(__nccwpck_require__, 4218))).DevpodProvider();
        case 'e2b':
            return new (await Promise.all(/* import() */[__nccwpck_require__.e(855), __nccwpck_require__.e(502), __nccwpck_require__.e(18)]).then(__nccwpck_require__.bind(__nccwpck_require__, 4018))).E2bProvider();
        case 'kubernetes':
            return new (await Promise.all(/* import() */[__nccwpck_require__.e(815), __nccwpck_require__.e(855), __nccwpck_require__.e(32), __nccwpck_require__.e(172)]).then(__nccwpck_require__.bind(__nccwpck_require__, 7791))).KubernetesProvider();
    }
}

// EXTERNAL MODULE: ./src/report/report.ts + 1 modules
var report_report = __nccwpck_require__(1657);
// EXTERNAL MODULE: ./src/plan/changes.ts
var changes = __nccwpck_require__(1766);
// EXTERNAL MODULE: ./src/naming.ts
var naming = __nccwpck_require__(8499);
// EXTERNAL MODULE: ./src/trace.ts + 1 modules
var src_trace = __nccwpck_require__(9033);
// EXTERNAL MODULE: ./src/providers/kit/files.ts
var files = __nccwpck_require__(9018);
;// CONCATENATED MODULE: ./src/user-state.ts
/**
 * States of the machine the user controls, told as the one error line with its place and fix rather
 * than "internal error" (docs/behaviour.md#errors): a runner file variable naming no file, a local run
 * without the runner's tool cache, and a file-system failure at a path (a directory where a generated
 * file goes, a read-only or full disk, no permission). main.ts checks the first before anything
 * happens and maps the others when they end a run.
 */




/** The runner's file commands (`@actions/core` appends to these files; a missing one throws mid-run). */
const RUNNER_FILES = ['GITHUB_OUTPUT', 'GITHUB_STATE', 'GITHUB_ENV', 'GITHUB_PATH'];
const LOCAL_RUN = 'run it with npm start (scripts/local-run.mjs), which sets up the runner files and folders';
/**
 * Each runner file variable that is set must name an existing file. A runner always creates them;
 * a local run that sets one by hand to a path that is not there would fail at the first output,
 * after the deploy changed things. Checked before anything is done.
 */
function checkRunnerFiles(env = process.env) {
    for (const name of RUNNER_FILES) {
        const path = env[name];
        if (!path)
            continue;
        let isFile = false;
        try {
            isFile = (0,external_node_fs_.statSync)(path).isFile();
        }
        catch {
            isFile = false;
        }
        if (isFile)
            continue;
        throw new errors/* ActionError */.lZ(`${name} names ${path}, which is not a file (the runner creates it for every step)`, {
            where: { field: `env ${name}` },
            fix: `create the file or unset ${name} (outside a runner, outputs are then shown with ACTIONS_STEP_DEBUG=true); or ${LOCAL_RUN}`,
        });
    }
}
/** `@actions/tool-cache` asserts its two folders: outside a runner (plain `node dist/index.js`) they are unset. */
const TOOL_CACHE_ASSERT = /^Expected (RUNNER_TOOL_CACHE|RUNNER_TEMP) to be defined$/;
/** File-system codes that describe the machine, not a bug: EISDIR, EROFS, no permission, a full disk… */
const USER_STATE_CODES = new Set(['EISDIR', 'ENOTDIR', 'EROFS', 'EACCES', 'EPERM', 'ENOSPC', 'EDQUOT', 'ELOOP']);
function shown(workdir, path) {
    const rel = (0,external_node_path_.relative)(workdir, (0,external_node_path_.resolve)(workdir, path));
    return rel && !rel.startsWith('..') && !(0,external_node_path_.isAbsolute)(rel) ? rel.split(external_node_path_.sep).join('/') : path;
}
/** The one line for an error that is a state of the machine, or undefined when `e` is something else. */
function userStateError(e, workdir) {
    if (e instanceof errors/* ActionError */.lZ || !(e instanceof Error))
        return undefined;
    const tool = TOOL_CACHE_ASSERT.exec(e.message);
    if (tool) {
        const name = tool[1];
        return new errors/* ActionError */.lZ(`${name} is not set, so a missing CLI cannot be downloaded (this is not a GitHub runner step)`, {
            where: { field: `env ${name}` },
            fix: `${LOCAL_RUN}; or set RUNNER_TOOL_CACHE and RUNNER_TEMP to writable folders; or put the CLI on PATH`,
            cause: e,
        });
    }
    const { code, path } = e;
    if (code && USER_STATE_CODES.has(code) && typeof path === 'string')
        return (0,files/* fileSystemError */.uG)(e, shown(workdir, path));
    return undefined;
}

// EXTERNAL MODULE: ./src/verify/policy.ts
var verify_policy = __nccwpck_require__(6607);
;// CONCATENATED MODULE: ./src/verify/gate.ts
/**
 * Whether this run checks the image at all, decided before the checking code is loaded (issue 25,
 * ADR 0050's addendum): the policy (policy.ts) says so from the inputs and `image_config` alone, so a
 * run that verifies nothing (`verify: auto` with nothing asking, `verify: false`, a local build) never
 * loads verify.ts with cosign, the registry and GitHub evidence (~100 KB of the bundle, two chunks).
 * What it prints and returns is the same either way: one `not verified: …` line and a skipped trace step.
 */



/** Verify exactly the digest about to be deployed, when the policy asks for a check (verify.ts `checkImage`). */
async function verifyImage(ctx) {
    const { image, inputs } = ctx;
    const policy = (0,verify_policy/* verificationPolicy */.WG)(inputs, ctx.config.deployment.image_config);
    if (!(0,verify_policy/* isPolicy */.pn)(policy))
        return nothing(policy.skip);
    if (image.build) {
        if (inputs.verify === 'true') {
            throw new errors/* ActionError */.lZ(`verify: true, but the image is built here from ${image.dockerfile ?? 'a Dockerfile'}: a locally built image has no signature to verify`, {
                where: { field: 'input verify' },
                fix: 'build, push and sign the image in CI (cosign sign), then pass its digest with image and image-digest; or set verify: auto',
            });
        }
        return nothing(`built locally from ${image.dockerfile ?? 'a Dockerfile'} (rule 8): nothing to verify`);
    }
    const { checkImage } = await Promise.all(/* import() */[__nccwpck_require__.e(502), __nccwpck_require__.e(533)]).then(__nccwpck_require__.bind(__nccwpck_require__, 9533));
    return checkImage(ctx, policy);
}
function nothing(reason) {
    (0,runner/* info */.pq)(`not verified: ${reason}`);
    return { verified: 'none', details: { policy: 'none', note: reason }, trace: (0,verify_policy/* traced */.mn)('skipped', reason) };
}

;// CONCATENATED MODULE: ./src/main.ts
/**
 * The phases of one run, each in its own log group: inputs → load → resolve → verify → tools →
 * plan/deploy/destroy → report. Errors end the run with one line (docs/behaviour.md#errors).
 */















async function run() {
    let report;
    let workdir = process.cwd();
    let github;
    try {
        checkRunnerFiles();
        const inputs = (0,src_inputs/* getInputs */.GP)();
        // cosign's regexp syntax is checked with the other inputs, before anything is resolved
        if (inputs['certificate-identity'])
            await (await __nccwpck_require__.e(/* import() */ 879).then(__nccwpck_require__.bind(__nccwpck_require__, 8879))).checkIdentityRegexp(inputs['certificate-identity'], { field: 'input certificate-identity' });
        const deadline = new src_deadline/* Deadline */.B(inputs.timeout);
        const exec = new Exec(deadline);
        stopChildrenOnCancel(exec);
        const temps = new state/* TempFiles */.y7();
        workdir = (0,external_node_path_.resolve)(inputs['working-directory']);
        if (!(0,external_node_fs_.existsSync)(workdir) || !(0,external_node_fs_.statSync)(workdir).isDirectory()) {
            const isFile = (0,external_node_fs_.existsSync)(workdir);
            throw new errors/* ActionError */.lZ(isFile ? `working directory ${workdir} is a file, not a directory` : `working directory ${workdir} does not exist`, {
                where: { field: 'input working-directory' },
                fix: isFile
                    ? 'give the directory that holds sindri.yaml as working-directory, and the file itself as config'
                    : 'check out the repository first (actions/checkout) or fix the path',
            });
        }
        if (inputs.mode === 'init') {
            const { runInit } = await Promise.all(/* import() */[__nccwpck_require__.e(815), __nccwpck_require__.e(905), __nccwpck_require__.e(420)]).then(__nccwpck_require__.bind(__nccwpck_require__, 8420));
            const { path } = await runInit({
                workdir,
                file: inputs.config,
                provider: inputs.provider,
                force: inputs.force,
                repository: process.env.GITHUB_REPOSITORY,
            });
            (0,runner/* info */.pq)(`wrote ${path}: edit it, commit it, then run this action with mode: plan`);
            if (inputs.summary)
                (0,runner/* appendSummary */.fe)(`### Sindri init\n\nwrote \`${(0,external_node_path_.relative)(workdir, path) || path}\`: edit it, commit it, then run this action with \`mode: plan\`\n`);
            return;
        }
        report = new report_report/* Report */.pl(inputs.mode, { summary: inputs.summary });
        const rep = report;
        const { config, warnings } = await rep.phase('Load sindri.yaml', () => load(inputs, workdir));
        (0,src_inputs/* maskSecretBuildArgs */.WV)(inputs['build-args'], config.secrets); // before the plan or summary can show them
        const identity = config.deployment.image_config?.certificate_identity;
        if (identity && !inputs['certificate-identity']) {
            const path = ['deployment', 'image_config', 'certificate_identity'];
            const at = config.locate(path);
            await (await __nccwpck_require__.e(/* import() */ 879).then(__nccwpck_require__.bind(__nccwpck_require__, 8879))).checkIdentityRegexp(identity, { file: config.file, line: at?.line, column: at?.column, field: path.join('.') });
        }
        const provider = config.deployment.provider;
        rep.target(provider, config.name, warnings);
        // the GitHub API client is its own chunk: loaded only when a GitHub feature is on
        // (sweep talks to GitHub itself: it records no deployment and writes no comment of its own)
        if ((inputs['github-deployment'] || inputs['pr-comment']) && inputs.mode !== 'sweep')
            github = (await Promise.all(/* import() */[__nccwpck_require__.e(413), __nccwpck_require__.e(337)]).then(__nccwpck_require__.bind(__nccwpck_require__, 3718))).openGitHub(inputs, provider);
        // which run put each resource there, in the resource's own metadata
        const trace = (0,src_trace/* traceOf */.fC)(process.env, { redact: runner/* redact */.E$, environment: (0,naming/* environmentName */.VE)(inputs.environment, provider, inputs['name-suffix']) });
        const ctxBase = { inputs, config, provider, workdir, deadline, exec, temps, trace };
        // the tools' PATH version probes run beside what comes before their phase (issue 25): in plan at
        // once, otherwise once the checks that must fail before any CLI starts have passed
        const early = inputs.mode === 'plan' ? startProbes(ctxBase) : undefined;
        // the probes' processes start before the provider's chunks are compiled, which then happens while they run
        await early;
        const impl = await loadProvider(provider);
        // a config whose previews sweep cannot list fails before it asks for its token
        if (inputs.mode === 'sweep')
            impl.checkSweep?.(ctxBase);
        // before any network call: what the provider needs from the environment (tokens, settings)
        if (inputs.mode !== 'plan')
            impl.preflight?.(ctxBase);
        // a required secret that cannot be delivered fails before anything is built, recorded or deployed
        if (inputs.mode === 'deploy')
            (await __nccwpck_require__.e(/* import() */ 104).then(__nccwpck_require__.bind(__nccwpck_require__, 8104))).requireSecrets(config);
        const probes = early ?? startProbes(ctxBase);
        if (inputs.mode === 'destroy') {
            const tools = await rep.phase('Install tools', () => installStep(ctxBase, probes));
            rep.tools(tools);
            rep.deployedName(impl.deployedName(ctxBase));
            const { removed } = await rep.phase(`Destroy (${provider})`, () => impl.destroy({ ...ctxBase, tools }));
            (0,runner/* info */.pq)(removed.length ? `removed: ${removed.join(', ')}` : 'nothing to remove');
            rep.finish();
            return;
        }
        if (inputs.mode === 'sweep') {
            const sweep = await Promise.all(/* import() */[__nccwpck_require__.e(413), __nccwpck_require__.e(196)]).then(__nccwpck_require__.bind(__nccwpck_require__, 2196));
            const tools = await rep.phase('Install tools', () => installStep(ctxBase, probes));
            rep.tools(tools);
            const { swept } = await rep.phase(`Sweep (${provider})`, () => sweep.runSweep({ ...ctxBase, tools, impl }));
            rep.swept(swept);
            rep.finish();
            return;
        }
        const image = await rep.phase('Resolve image', () => resolveStep(ctxBase, rep));
        rep.image(image);
        const onBuilt = (ref, digest) => rep.built(ref, digest);
        const planPhase = (ctx) => rep.phaseAhead(`Plan (${provider})`, async () => {
            const p = await impl.plan(ctx);
            p.notes.push(p.untraced ? `no trace metadata: ${p.untraced}` : (0,src_trace/* traceNote */.k2)(trace));
            return p;
        });
        // a plan that builds nothing needs no tool: it is worked out while the tools' PATH probes (and
        // verification) run, its log printed in its turn below (issue 25, ADR 0048)
        const planAhead = inputs.mode === 'plan' && !image.build ? planPhase({ ...ctxBase, image, tools: [], onBuilt }) : undefined;
        // a deploy that builds nothing reads what runs now while the tools' probes and verification run, when
        // the provider says that read needs no tool the install step provides (ADR 0052): it writes nothing,
        // and its log is printed in the deploy's turn; a verification that fails drops it
        const readCtx = { ...ctxBase, image, tools: [], onBuilt };
        const prepared = inputs.mode === 'deploy' && !image.build && impl.readLive && impl.canReadLiveAhead?.(readCtx)
            ? (0,runner/* holdLog */.ij)(() => impl.readLive(readCtx))
            : undefined;
        // cosign comes from the installation, so tools come before verification
        const tools = await rep.phase('Install tools', () => installStep(ctxBase, probes, image));
        rep.tools(tools);
        const wouldStop = await rep.phase('Verify image', () => verifyStep(ctxBase, image, rep));
        const ctx = { ...ctxBase, image, tools, onBuilt };
        // the provider's own name for it (name-suffix and its naming rules): settings are read as the provider reads them
        rep.deployedName(impl.deployedName(ctxBase));
        if (inputs.mode === 'plan') {
            const plan = await (planAhead ?? planPhase(ctx))();
            rep.plan(plan, image);
            await printPlan(plan, rep.result.plan);
            // the plan is shown first; then a verification that would stop the deploy fails the step (ADR 0035)
            if (inputs['fail-on-verify'] && wouldStop)
                throw new errors/* ActionError */.lZ(`${wouldStop.line} (fail-on-verify: a deploy would stop here)`, { fix: wouldStop.fix });
        }
        else {
            await github?.deploying(image, provider, config.name);
            const r = await rep.phase(`Deploy (${provider})`, async () => impl.apply(ctx, await prepared?.turn()));
            if (r.built)
                rep.built(r.image, r.digest);
            rep.deployed(r);
            (0,runner/* info */.pq)(r.skipped
                ? `already running ${image.deployRef}: nothing to do`
                : `deployed ${r.image ?? image.deployRef}${r.url ? ` at ${r.url}` : ''}`);
            if (r.connect)
                (0,runner/* info */.pq)(`connect: ${r.connect}`);
        }
        rep.finish();
    }
    catch (e) {
        fail(e, report, workdir);
    }
    finally {
        if (github && report)
            await github.finish(report.result);
    }
}
/**
 * The runner cancels a step with SIGINT (then SIGTERM): every command still running gets SIGTERM in its
 * own process group too (ADR 0027), then the signal takes its usual course; the post step removes the
 * files the run registered.
 */
function stopChildrenOnCancel(exec) {
    const stop = (signal) => {
        exec.stopAll('SIGTERM');
        process.kill(process.pid, signal);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
}
/** Annotations name files from the repository root; ours are relative to working-directory. */
function repoPath(workdir, file) {
    return (0,runner/* annotationFile */.yl)((0,external_node_path_.resolve)(workdir, file));
}
async function load(inputs, workdir) {
    const { loadConfig } = await Promise.all(/* import() */[__nccwpck_require__.e(815), __nccwpck_require__.e(905)]).then(__nccwpck_require__.bind(__nccwpck_require__, 905));
    const loaded = await loadConfig({ workdir, config: inputs.config, providerOverride: inputs.provider });
    for (const w of loaded.warnings) {
        (0,runner/* warning */.$e)(`${w.field ? `${w.field}: ` : ''}${w.message}`, {
            file: repoPath(workdir, w.file),
            startLine: w.line,
            startColumn: w.column,
            title: 'sindri.yaml',
        });
    }
    const c = loaded.config;
    (0,runner/* info */.pq)(`${c.file}: name ${c.name}, provider ${c.deployment.provider}${inputs.provider ? ' (from input provider)' : ''}, ${loaded.warnings.length} warning(s)`);
    return loaded;
}
async function resolveStep(base, rep) {
    const { resolveImage } = await __nccwpck_require__.e(/* import() */ 909).then(__nccwpck_require__.bind(__nccwpck_require__, 5909));
    const line = (t) => (0,runner/* info */.pq)(`${t.rule ? `${t.rule}.` : '  '} ${t.source.padEnd(16)} ${t.outcome.padEnd(11)} ${t.reason}`);
    let printed = 0;
    const decision = await resolveImage({
        ...base,
        registry: registryFactory(base),
        onChoice: (c) => {
            rep.choice(c);
            c.trace.forEach(line);
            printed = c.trace.length;
        },
    });
    decision.trace.slice(printed).forEach(line);
    (0,runner/* info */.pq)(`image: ${decision.deployRef} (${decision.source})`);
    return decision;
}
function registryFactory({ inputs, exec, deadline }) {
    let client;
    return () => (client ??= Promise.all([Promise.all(/* import() */[__nccwpck_require__.e(502), __nccwpck_require__.e(718)]).then(__nccwpck_require__.bind(__nccwpck_require__, 1337)), __nccwpck_require__.e(/* import() */ 791).then(__nccwpck_require__.bind(__nccwpck_require__, 791))]).then(([{ RegistryClient }, { credentialChain }]) => new RegistryClient({ credentials: credentialChain({ inputs, exec }), deadline })));
}
/** Verify exactly the digest about to be deployed (src/verify/gate.ts, which loads verify.ts only for a check); the trace and report say what was checked. */
async function verifyStep(base, image, rep) {
    const { inputs, exec } = base;
    const credentials = () => __nccwpck_require__.e(/* import() */ 791).then(__nccwpck_require__.bind(__nccwpck_require__, 791)).then(({ credentialChain }) => credentialChain({ inputs, exec }));
    const v = await verifyImage({
        inputs,
        config: base.config,
        workdir: base.workdir,
        image,
        credentials,
        plan: inputs.mode === 'plan',
        exec,
        temps: base.temps,
    });
    image.trace.push(v.trace);
    rep.verified(v.verified);
    rep.verification(v.details);
    return v.wouldStop;
}
/**
 * The PATH probes of the tools this run needs whatever its image (buildx waits for the decision),
 * started now; what goes wrong here is found again, and reported, by the install phase.
 */
function startProbes(base) {
    const { inputs } = base;
    return Promise.all([__nccwpck_require__.e(/* import() */ 598).then(__nccwpck_require__.bind(__nccwpck_require__, 217)), __nccwpck_require__.e(/* import() */ 597).then(__nccwpck_require__.bind(__nccwpck_require__, 8597))])
        .then(([{ toolsNeeded }, { startPathProbes }]) => {
        const needs = toolsNeeded({ provider: base.provider, mode: inputs.mode, config: base.config, inputs });
        return startPathProbes(needs.map((n) => n.tool), { inputs, exec: base.exec });
    })
        .catch(() => undefined);
}
/** The CLIs this provider and mode need: found on PATH or in the tool cache, else downloaded and verified (ADR 0011). */
async function installStep(base, early, image) {
    const { inputs } = base;
    const [{ toolsNeeded }, { installTools }] = await Promise.all([__nccwpck_require__.e(/* import() */ 598).then(__nccwpck_require__.bind(__nccwpck_require__, 217)), __nccwpck_require__.e(/* import() */ 597).then(__nccwpck_require__.bind(__nccwpck_require__, 8597))]);
    const needs = toolsNeeded({ provider: base.provider, mode: inputs.mode, config: base.config, inputs, imageSource: image?.source });
    return installTools({ needs, inputs, mode: inputs.mode, exec: base.exec, probes: await early });
}
/**
 * The plan in the main log: the image line, one line per resource, the notes; the generated files
 * and the full commands folded in a group of their own (docs/behaviour.md#plan-mode).
 */
async function printPlan(plan, shown) {
    (0,runner/* info */.pq)(shown.image);
    const unknown = (0,changes/* liveLine */.jD)(shown.live);
    if (unknown)
        (0,runner/* info */.pq)(unknown);
    for (const c of shown.changes)
        (0,runner/* info */.pq)(c.line);
    for (const n of plan.notes)
        (0,runner/* info */.pq)(n);
    if (plan.files.length + plan.commands.length === 0)
        return;
    await (0,runner/* group */.Os)('Plan details: generated files and commands', async () => {
        for (const f of plan.files)
            (0,runner/* info */.pq)(`--- ${f.path}\n${(f.shown ?? f.content).trimEnd()}`);
        for (const c of plan.commands)
            (0,runner/* info */.pq)(`would run: ${(0,report_report/* commandLine */.ay)(c)}`);
    });
}
function fail(thrown, report, workdir) {
    // a state of the machine the user controls (EISDIR, a read-only checkout, no tool cache) is theirs to fix
    const e = userStateError(thrown, workdir) ?? thrown;
    const line = (0,errors/* errorLine */.BP)(e);
    if ((0,runner/* isDebug */._o)() || !(0,errors/* isActionError */.Bd)(e))
        (0,runner/* debug */.Yz)(thrown instanceof Error ? (thrown.stack ?? thrown.message) : String(thrown));
    const where = (0,errors/* isActionError */.Bd)(e) ? e.where : {};
    (0,runner/* setFailed */.C1)(line, where.file ? { file: repoPath(workdir, where.file), startLine: where.line, startColumn: where.column } : {});
    if (report && (0,errors/* isActionError */.Bd)(e) && e.extra)
        report.failed(e.extra);
    try {
        report?.finish(line);
    }
    catch (writeError) {
        (0,runner/* debug */.Yz)(`could not write the report: ${String(writeError)}`);
    }
}


/***/ }),

/***/ 8499:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   HR: () => (/* binding */ DNS_LABEL),
/* harmony export */   Iy: () => (/* binding */ resourceName),
/* harmony export */   VE: () => (/* binding */ environmentName),
/* harmony export */   nR: () => (/* binding */ DOCKER_NAME)
/* harmony export */ });
/* unused harmony exports HASH_LENGTH, nameHash */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
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

/** The GitHub environment of a deploy: the `environment` input, else the provider name plus `-<name-suffix>` (one per pull request). */
function environmentName(input, provider, suffix) {
    return input || (suffix ? `${provider}-${suffix}` : provider);
}
/** RFC 1123 label: Kubernetes objects, Fly apps, DevPod workspace ids, E2B aliases. */
const DNS_LABEL = { max: 63, invalid: /[^a-z0-9-]+/g, lowercase: true };
/** Docker container and volume names: a DNS label of at least 2 characters (the engine refuses `a`). */
const DOCKER_NAME = { ...DNS_LABEL, min: 2 };
/** Hex digits of the hash added when a name is shortened (32 bits: ample for the names of one account). */
const HASH_LENGTH = 8;
/** what a name becomes when nothing of it is left */
const FALLBACK = 'sindri';
/** What the rules forbid becomes `-`; the name part also loses repeated dashes (suffix and role are kept as given). */
function clean(s, rules, squash) {
    const v = (rules.lowercase ? s.toLowerCase() : s).replace(rules.invalid, '-');
    return (squash ? v.replace(/-{2,}/g, '-') : v).replace(/^-+|-+$/g, '');
}
/** The first HASH_LENGTH hex digits of sha256 over the parts as given (joined by a character no part holds). */
function nameHash(...parts) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(parts.join('\u0000')).digest('hex').slice(0, HASH_LENGTH);
}
/**
 * `<name>-<suffix>-<role>` within `rules`: `resourceName('app', 'pr-7')` → `app-pr-7`;
 * `resourceName('app', 'pr-7', DNS_LABEL, 'home')` → `app-pr-7-home`. An empty suffix or role is left
 * out. Suffix and role are kept whole; a name part that does not fit is cut and followed by
 * `-<hash>` (see the file comment). The old shape `resourceName(resourceName(name, suffix), 'home')`
 * stays collision-free too (the hash covers the whole inner name), but the role form keeps more of
 * the name readable and is the one to use.
 */
function resourceName(name, suffix, rules = DNS_LABEL, role = '') {
    const tail = [suffix, role]
        .map((p) => clean(p, rules, false))
        .filter(Boolean)
        .map((p) => `-${p}`)
        .join('');
    const base = clean(name, rules, true) || FALLBACK;
    const hash = `-${nameHash(name, suffix, role)}`;
    const whole = `${base}${tail}`;
    if (whole.length < (rules.min ?? 1))
        return `${base}${hash}${tail}`;
    if (whole.length <= rules.max)
        return whole;
    const room = rules.max - tail.length - hash.length;
    // base is clean (no leading -), so at least its first character stays
    const cut = base.slice(0, Math.max(1, room)).replace(/-+$/, '');
    return `${cut}${hash}${tail}`;
}


/***/ }),

/***/ 1766:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   EN: () => (/* binding */ imageLine),
/* harmony export */   Qk: () => (/* binding */ notRead),
/* harmony export */   jD: () => (/* binding */ liveLine),
/* harmony export */   vK: () => (/* binding */ changeLine),
/* harmony export */   xS: () => (/* binding */ countChanges)
/* harmony export */ });
/* unused harmony export shortDigest */
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8992);

const SYMBOL = { create: '+', update: '~', delete: '-', unchanged: '=', unknown: '?' };
/** `sha256:` and 12 hex digits, then `…`: enough to tell two digests apart on one line. */
function shortDigest(ref) {
    return ref.replace(/(sha256:[0-9a-f]{12})[0-9a-f]{52}/g, '$1…');
}
/**
 * One line per resource, as in the log, the summary and the pull request comment. An unknown live
 * state is said once above the list (`liveLine`), so an unknown resource is `? unknown <resource>`
 * and carries a note only when it has a reason of its own.
 */
function changeLine(c) {
    const parts = [];
    if (c.image)
        parts.push(`image ${c.image.from} → ${c.image.to}`);
    if (c.settings?.length)
        parts.push(`${c.settings.length} setting${c.settings.length === 1 ? '' : 's'}: ${c.settings.join(', ')}`);
    if (c.note)
        parts.push(c.note);
    return (0,_text_js__WEBPACK_IMPORTED_MODULE_0__/* .oneLine */ .TN)(shortDigest(`${SYMBOL[c.action]} ${c.action} ${c.resource}${parts.length ? ` (${parts.join('; ')})` : ''}`));
}
/** The line above the change list when the live target was not read (`live state unknown: <reason>`); undefined when it was. */
function liveLine(live) {
    return live.known ? undefined : (0,_text_js__WEBPACK_IMPORTED_MODULE_0__/* .oneLine */ .TN)(`live state unknown: ${live.reason}`);
}
/** The resources a deploy would create, update or delete (an unknown live state counts: a deploy would apply it). */
function countChanges(changes) {
    return changes.filter((c) => c.action !== 'unchanged').length;
}
/**
 * The live target was not read (it did not answer, or this provider's plan does not read it): every
 * resource `? unknown`, and the reason once, in the LiveState.
 */
function notRead(resources, reason) {
    return { changes: resources.map((resource) => ({ action: 'unknown', resource })), live: { known: false, reason } };
}
/**
 * The one line that answers "which image, and why": `image repo@sha256:1a2b… (rule 5 config-version:
 * highest matching ^1.0.0 … → 1.0.0, pinned)`; a build says what is built and from which Dockerfile.
 */
function imageLine(image) {
    const won = image.trace.find((t) => t.rule > 0 && t.outcome === 'applied');
    const rule = won ? `rule ${won.rule} ${won.source}: ${won.reason}` : 'no rule applied';
    const how = image.build ? 'built by the deploy, not pinned' : image.digest ? 'pinned' : 'not pinned (pin-digest: false)';
    return (0,_text_js__WEBPACK_IMPORTED_MODULE_0__/* .oneLine */ .TN)(shortDigest(`image ${image.deployRef} (${rule}, ${how})`));
}


/***/ }),

/***/ 9018:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   SC: () => (/* binding */ checkGenerated),
/* harmony export */   c6: () => (/* binding */ removeGenerated),
/* harmony export */   er: () => (/* binding */ GENERATED_HEADER),
/* harmony export */   nF: () => (/* binding */ writeGenerated),
/* harmony export */   tU: () => (/* binding */ readUsersFile),
/* harmony export */   uG: () => (/* binding */ fileSystemError)
/* harmony export */ });
/* unused harmony export MAX_GENERATED_BYTES */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(3916);
/**
 * The one way to write a file the action generates in the user's checkout (sindri-compose.yml,
 * fly.toml, .devcontainer/devcontainer.json, e2b.Dockerfile, sindri.yaml from init):
 * - never through a symbolic link: the file and every folder between `root` and it are checked with
 *   lstat, and the file is opened with O_NOFOLLOW (O_EXCL when it is new), so a link that appears in
 *   between fails too. A committed `sindri-compose.yml -> /etc/...` is refused, not followed;
 * - never over a file the action did not generate: each caller recognises its own content (`isOurs`,
 *   e.g. fly's header line), and anything else is refused by name;
 * - every state of the disk the user controls (a directory at the path, a read-only checkout, no
 *   permission, a full disk) is one line naming the file and what to do, never an internal error.
 * `removeGenerated` removes only what `isOurs` recognises, never through a link.
 */




const { O_CREAT, O_EXCL, O_NOFOLLOW, O_RDONLY, O_TRUNC, O_WRONLY } = node_fs__WEBPACK_IMPORTED_MODULE_0__.constants;
/** The first words of a file the action generates in the checkout: how the docker and fly providers recognise their own. */
const GENERATED_HEADER = '# generated by sindri/deploy-action';
/** A generated file is small; anything bigger at its path is not one of ours (and is never read whole). */
const MAX_GENERATED_BYTES = 4 * 1024 * 1024;
function errnoOf(e) {
    return e?.code;
}
/** An error carrying an errno code, for a state found by lstat rather than by a failed call. */
function errno(code) {
    return Object.assign(new Error(code), { code });
}
/**
 * One line for a file-system failure at a path the user controls: what happened to `file`, in words,
 * and what to do. `verb` is what was being done (`write`, `read`, `remove`).
 */
function fileSystemError(e, file, verb = 'write') {
    const code = errnoOf(e) ?? '';
    const where = { file };
    const cause = e;
    switch (code) {
        case 'EISDIR':
            return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ(`cannot ${verb} ${file}: it is a directory (EISDIR), where the action keeps a generated file`, {
                where,
                fix: `remove or rename the directory ${file}; the action writes its own file at that path`,
                cause,
            });
        case 'ENOTDIR':
            return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ(`cannot ${verb} ${file}: a part of its path is a file, not a directory (ENOTDIR)`, {
                where,
                fix: `remove or rename the file that stands where a folder of ${file} should be`,
                cause,
            });
        case 'EROFS':
            return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ(`cannot ${verb} ${file}: the file system is read-only (EROFS)`, {
                where,
                fix: 'run the action in a writable checkout (actions/checkout gives one), or point working-directory at a writable copy',
                cause,
            });
        case 'EACCES':
        case 'EPERM':
            return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ(`cannot ${verb} ${file}: permission denied (${code})`, {
                where,
                fix: `let the runner's user write the folder of ${file} (chown or chmod it, or check it out as that user)`,
                cause,
            });
        case 'ENOSPC':
        case 'EDQUOT':
            return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ(`cannot ${verb} ${file}: no space left on the device (${code})`, {
                where,
                fix: 'free disk space on the runner (docker system prune on a self-hosted runner, or fewer build artifacts)',
                cause,
            });
        case 'ELOOP':
            return symlinkError(file, undefined);
        default:
            return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ(`cannot ${verb} ${file}: ${code || (e instanceof Error ? e.message : String(e))}`, {
                where,
                fix: `check that the folder of ${file} exists and is writable by the runner's user`,
                cause,
            });
    }
}
function symlinkError(file, target) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ(`${file} is a symbolic link${target ? ` (to ${target})` : ''}; the action never writes through a link`, {
        where: { file },
        fix: `remove the link (git rm ${file}) and let the action write its own file there`,
    });
}
function linkTarget(path) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readlinkSync)(path);
    }
    catch {
        return undefined;
    }
}
/** lstat, or undefined when nothing is there; any other failure is the one line for `file`. */
function look(path, file, verb) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(path);
    }
    catch (e) {
        if (errnoOf(e) === 'ENOENT')
            return undefined;
        throw fileSystemError(e, file, verb);
    }
}
/** Every folder from `root` (exclusive) down to the file's own: a real directory, created when missing. */
function checkFolders(f, create) {
    const root = f.root ?? (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(f.path);
    const rel = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(root, (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(f.path));
    if (rel.startsWith('..') || (0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(rel))
        throw new Error(`writeGenerated: ${f.path} is not below ${root}`);
    let dir = root;
    for (const part of rel ? rel.split(node_path__WEBPACK_IMPORTED_MODULE_1__.sep) : []) {
        dir = `${dir}${node_path__WEBPACK_IMPORTED_MODULE_1__.sep}${part}`;
        const shown = node_path__WEBPACK_IMPORTED_MODULE_1__.posix.join(node_path__WEBPACK_IMPORTED_MODULE_1__.posix.dirname(f.file), (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(f.path), dir).split(node_path__WEBPACK_IMPORTED_MODULE_1__.sep).join('/'));
        const st = look(dir, shown, 'write');
        if (st === undefined) {
            if (!create)
                return;
            try {
                (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)(dir, { mode: 0o755 });
            }
            catch (e) {
                throw fileSystemError(e, shown, 'create');
            }
        }
        else if (st.isSymbolicLink())
            throw symlinkError(shown, linkTarget(dir));
        else if (!st.isDirectory())
            throw fileSystemError(errno('ENOTDIR'), f.file);
    }
}
/** The text at `path`, read without following a link; undefined when it is too big to be one of ours. */
function readNoFollow(path, file) {
    let fd;
    try {
        fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(path, O_RDONLY | O_NOFOLLOW);
    }
    catch (e) {
        throw errnoOf(e) === 'ELOOP' ? symlinkError(file, linkTarget(path)) : fileSystemError(e, file, 'read');
    }
    try {
        const size = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.fstatSync)(fd).size;
        if (size > MAX_GENERATED_BYTES)
            return undefined;
        const buf = Buffer.alloc(size);
        let at = 0;
        while (at < size) {
            const n = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readSync)(fd, buf, at, size - at, at);
            if (n === 0)
                break;
            at += n;
        }
        return buf.subarray(0, at).toString('utf8');
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
    }
}
/**
 * The text of a file of the user's at `path`, never read through a link: undefined when nothing is
 * there; a link is refused with the provider's own line (`onLink`, given where it points).
 */
function readUsersFile(path, file, onLink) {
    const st = look(path, file, 'read');
    if (st === undefined)
        return undefined;
    if (st.isSymbolicLink())
        throw onLink(linkTarget(path));
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, 'utf8');
    }
    catch (e) {
        throw fileSystemError(e, file, 'read');
    }
}
/** What stands at the path: nothing, or a regular file with its text (anything else is refused by name). */
function existing(f, verb) {
    const st = look(f.path, f.file, verb);
    if (st === undefined)
        return undefined;
    if (st.isSymbolicLink())
        throw symlinkError(f.file, linkTarget(f.path));
    if (st.isDirectory())
        throw fileSystemError(errno('EISDIR'), f.file, verb);
    if (!st.isFile()) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ(`${f.file} is not a regular file (a FIFO, socket or device); the action keeps a generated file there`, {
            where: { file: f.file },
            fix: `remove ${f.file}; the action writes its own file at that path`,
        });
    }
    return { text: readNoFollow(f.path, f.file) };
}
function foreignError(f) {
    const what = f.foreign?.what ?? `${f.file} exists and was not generated by this action; it is not overwritten`;
    const fix = f.foreign?.fix ?? `move your ${f.file} away (or delete it): the action writes its own file at that path`;
    return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ(what, { where: { file: f.file }, fix });
}
/**
 * Refuse now what `writeGenerated` would refuse later (a link on the way, a file not ours, a directory
 * at the path), so a deploy stops before it changes anything; creates no folder.
 */
function checkGenerated(f) {
    checkFolders(f, false);
    const before = existing(f, 'write');
    if (before && (before.text === undefined || !f.isOurs(before.text)))
        throw foreignError(f);
}
/**
 * Write `content` to a generated file (see the file comment). An identical file is left as it is.
 * `mode` applies to a new file (default 0644); a replaced file keeps its own.
 */
function writeGenerated(f) {
    checkFolders(f, true);
    const before = existing(f, 'write');
    if (before && before.text === f.content)
        return 'unchanged';
    if (before && (before.text === undefined || !f.isOurs(before.text)))
        throw foreignError(f);
    let fd;
    try {
        fd = before
            ? (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(f.path, O_WRONLY | O_TRUNC | O_NOFOLLOW)
            : (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(f.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, f.mode ?? 0o644);
    }
    catch (e) {
        const code = errnoOf(e);
        if (code === 'ELOOP')
            throw symlinkError(f.file, linkTarget(f.path));
        if (code === 'EEXIST')
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ(`${f.file} appeared while the action was writing it`, {
                where: { file: f.file },
                fix: 'run one deploy of this target at a time',
            });
        throw fileSystemError(e, f.file);
    }
    try {
        const buf = Buffer.from(f.content, 'utf8');
        let at = 0;
        while (at < buf.length)
            at += (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeSync)(fd, buf, at, buf.length - at);
    }
    catch (e) {
        throw fileSystemError(e, f.file);
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
    }
    return before ? 'replaced' : 'created';
}
/** Remove a generated file when it is ours: `not-ours` leaves it (the caller says so), `missing` is fine. */
function removeGenerated(f) {
    checkFolders(f, false);
    const before = existing(f, 'remove');
    if (!before)
        return 'missing';
    if (before.text === undefined || !f.isOurs(before.text))
        return 'not-ours';
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.unlinkSync)(f.path);
    }
    catch (e) {
        if (errnoOf(e) === 'ENOENT')
            return 'missing';
        throw fileSystemError(e, f.file, 'remove');
    }
    return 'removed';
}


/***/ }),

/***/ 1657:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  pl: () => (/* binding */ Report),
  ay: () => (/* binding */ commandLine),
  HN: () => (/* binding */ planLines)
});

// UNUSED EXPORTS: nowRunning, renderSummary

// EXTERNAL MODULE: ./src/plan/changes.ts
var plan_changes = __nccwpck_require__(1766);
// EXTERNAL MODULE: ./src/text.ts
var src_text = __nccwpck_require__(8992);
// EXTERNAL MODULE: ./src/external/docker-engine.ts
var docker_engine = __nccwpck_require__(2598);
// EXTERNAL MODULE: ./src/runner.ts
var runner = __nccwpck_require__(4813);
// EXTERNAL MODULE: ./src/domain.ts
var domain = __nccwpck_require__(9375);
;// CONCATENATED MODULE: ./src/report/limits.ts
/** The job summary within GitHub's limit (the bounds themselves are facts in src/domain.ts). */

/**
 * Markdown at most `maxBytes` UTF-8 bytes: cut at a line boundary, a code fence left open is closed,
 * and a last line says how much was cut and where the whole of it is (the `result` output, the log).
 */
function capSummary(markdown, maxBytes = domain/* SUMMARY_LIMIT_BYTES */.Jz) {
    const total = Buffer.byteLength(markdown, 'utf8');
    if (total <= maxBytes)
        return markdown;
    const notice = (cut) => `\n\n> [!NOTE]\n> The summary was cut here: ${cut} of ${total} bytes left out to stay within GitHub's ${Math.floor(maxBytes / 1024)} KiB step summary limit. The log of this step has all of it.\n`;
    const budget = maxBytes - Buffer.byteLength(notice(total), 'utf8') - 16; // 16: a closing fence
    // the longest prefix within budget bytes, then back to the last whole line
    let kept = Buffer.from(markdown, 'utf8').subarray(0, Math.max(0, budget)).toString('utf8');
    if (kept.endsWith('\uFFFD'))
        kept = kept.slice(0, -1); // a character cut in half
    const nl = kept.lastIndexOf('\n');
    if (nl > 0)
        kept = kept.slice(0, nl);
    const fences = kept.split('\n').filter((l) => /^\s*```/.test(l)).length;
    if (fences % 2 === 1)
        kept += '\n```';
    if (/<details>/.test(kept) && kept.split('<details>').length > kept.split('</details>').length)
        kept += '\n</details>';
    return kept + notice(total - Buffer.byteLength(kept, 'utf8'));
}

;// CONCATENATED MODULE: ./src/report/report.ts





class Report {
    result;
    planDetail;
    phases = [];
    writeSummary;
    /** `summary: false` (input) keeps the job summary empty; outputs are written either way. */
    constructor(mode, opts = {}) {
        this.writeSummary = opts.summary ?? true;
        this.result = {
            mode,
            provider: '',
            name: '',
            'deployed-name': '',
            image: '',
            'image-digest': '',
            'image-source': '',
            dockerfile: '',
            built: false,
            verified: 'none',
            url: '',
            skipped: false,
            healthy: 'unknown',
            'rolled-back': false,
            'previous-image': '',
            trace: [],
            tools: [],
            warnings: 0,
        };
    }
    out(key, value) {
        this.result[key] = value;
        (0,runner/* setOutput */.uH)(key, value);
    }
    target(provider, name, warnings) {
        this.out('provider', provider);
        this.out('name', name);
        this.result.warnings = warnings.length;
    }
    /** the provider's name for the deployment, known once its settings are read */
    deployedName(name) {
        this.out('deployed-name', name);
    }
    /** which rule won, before pinning: known even when the pin then fails */
    choice(c) {
        this.result.trace = c.trace;
        this.out('image-source', c.source);
        this.out('dockerfile', c.dockerfile ?? '');
    }
    image(d) {
        this.result.trace = d.trace;
        this.out('image', d.deployRef);
        this.out('image-digest', d.digest);
    }
    /** after a build the provider knows the final ref and digest */
    built(image, digest) {
        this.result.built = true;
        (0,runner/* setOutput */.uH)('built', 'true');
        if (image)
            this.out('image', image);
        if (digest)
            this.out('image-digest', digest);
    }
    verified(v) {
        this.result.verified = v;
        (0,runner/* setOutput */.uH)('verified', v);
    }
    verification(details) {
        this.result.verification = details;
    }
    tools(t) {
        this.result.tools = t;
    }
    plan(p, image) {
        this.planDetail = p;
        const changes = (0,plan_changes/* countChanges */.xS)(p.changes);
        this.result.changed = changes > 0;
        this.result.changes = changes;
        (0,runner/* setOutput */.uH)('changed', String(changes > 0));
        (0,runner/* setOutput */.uH)('changes', String(changes));
        if (p.url)
            this.out('url', p.url);
        this.result.plan = {
            image: (0,plan_changes/* imageLine */.EN)(image),
            changes: p.changes.map((c) => ({ ...c, line: (0,plan_changes/* changeLine */.vK)(c) })),
            live: p.live,
            ...(image.build && image.dockerfile ? { build: image.dockerfile } : {}),
            files: p.files.map((f) => f.path),
            commands: p.commands.map(commandLine),
        };
    }
    deployed(r) {
        this.out('url', r.url);
        this.result.skipped = r.skipped;
        (0,runner/* setOutput */.uH)('skipped', String(r.skipped));
        if (r.connect)
            this.result.connect = r.connect;
        if (r.extra && Object.keys(r.extra).length)
            this.result.extra = { ...this.result.extra, ...r.extra };
        this.rollout(r);
    }
    /** Health, rollback and the previous image, known on success (the DeployResult) or failure (the error's extra). */
    rollout(f) {
        if (f.health) {
            const { what, attempts, waitedMs, last } = f.health;
            this.result.health = { what, attempts, waitedMs, ...(last ? { last } : {}) };
        }
        const healthy = f.healthy ?? (f.health ? (f.health.healthy ? 'true' : 'false') : undefined);
        if (healthy) {
            this.result.healthy = healthy;
            (0,runner/* setOutput */.uH)('healthy', healthy);
        }
        if (f.rolledBack !== undefined) {
            this.result['rolled-back'] = f.rolledBack;
            (0,runner/* setOutput */.uH)('rolled-back', String(f.rolledBack));
        }
        if (f.previousImage !== undefined) {
            this.result['previous-image'] = f.previousImage;
            (0,runner/* setOutput */.uH)('previous-image', f.previousImage);
        }
    }
    /** What a failing provider knew (ActionError.extra): the rollout facts are taken out, the rest kept. */
    failed(extra) {
        const { rolledBack, previousImage, rolledBackTo, healthy, ...rest } = extra;
        const previous = previousImage ?? rolledBackTo;
        this.rollout({
            ...(rolledBack !== undefined ? { rolledBack: rolledBack === 'true' } : {}),
            ...(previous !== undefined ? { previousImage: previous } : {}),
            ...(healthy === 'true' || healthy === 'false' || healthy === 'unknown' ? { healthy } : {}),
        });
        if (Object.keys(rest).length)
            this.result.extra = { ...this.result.extra, ...rest };
    }
    /** One phase of the run: a log group, timed for the summary's "time per phase". */
    async phase(name, fn) {
        const started = Date.now();
        try {
            return await (0,runner/* group */.Os)(name, fn);
        }
        finally {
            this.phases.push({ name, ms: Date.now() - started });
        }
    }
    /**
     * A phase started now, ahead of its turn, its log held (`holdLog`); `turn()` prints it where it
     * belongs and records its time then, so the log and the phase list read in the usual order.
     */
    phaseAhead(name, fn) {
        const started = Date.now();
        let ms = 0;
        const ahead = (0,runner/* holdLog */.ij)(() => (0,runner/* group */.Os)(name, fn).finally(() => (ms = Date.now() - started)));
        return async () => {
            try {
                return await ahead.turn();
            }
            finally {
                this.phases.push({ name, ms });
            }
        };
    }
    /** `mode: sweep`: the previews removed, the `swept` output (a JSON array) at once */
    swept(list) {
        this.result.swept = list;
        (0,runner/* setOutput */.uH)('swept', JSON.stringify(list));
    }
    /** Write the outputs not yet written, `result`, and the summary. Called once, on success or failure. */
    finish(error) {
        if (error)
            this.result.error = error;
        (0,runner/* setOutput */.uH)('built', String(this.result.built));
        (0,runner/* setOutput */.uH)('verified', this.result.verified);
        (0,runner/* setOutput */.uH)('skipped', String(this.result.skipped));
        (0,runner/* setOutput */.uH)('url', this.result.url);
        (0,runner/* setOutput */.uH)('healthy', this.result.healthy);
        (0,runner/* setOutput */.uH)('rolled-back', String(this.result['rolled-back']));
        (0,runner/* setOutput */.uH)('previous-image', this.result['previous-image']);
        (0,runner/* setOutput */.uH)('result', JSON.stringify(this.result));
        if (this.writeSummary)
            (0,runner/* appendSummary */.fe)(capSummary(renderSummary(this.result, this.planDetail, this.phases)));
    }
}
/** A planned command as the log and summary show it: argv, then when it runs. */
function commandLine(c) {
    const when = c.onFailure ? '   # only if the rollout fails' : c.mutates ? '' : '   # read-only';
    return `${c.inProcess ? (0,docker_engine/* engineLine */.Rm)(c.argv[0] ?? '', c.argv.slice(1).join(' ')) : (0,src_text/* quoteArgv */.rx)(c.argv)}${c.cwd ? `   # in ${c.cwd}` : ''}${when}`;
}
const cell = (s) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const code = (s) => (s ? `\`${s.replace(/`/g, "'")}\`` : '—');
const ICON = { applied: '✅ applied', skipped: '⏭️ skipped', 'not-reached': '· not reached' };
const seconds = (ms) => (ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`);
/** The summary's first line: what runs now, and whether it passed its check. */
function nowRunning(r) {
    const check = r.healthy === 'true' ? `healthy (${r.health?.what ?? 'check'} passed)` : r.healthy === 'false' ? 'UNHEALTHY' : 'health not checked';
    if (r.mode === 'plan')
        return `**Would deploy** ${code(r.image)}`;
    if (r.mode === 'destroy')
        return r.error ? '**Destroy failed**: see below' : '**Removed**: nothing of this deployment runs now';
    if (r.mode === 'sweep')
        return r.error ? '**Sweep failed**: see below' : `**Swept** ${r.swept?.length ?? 0} preview(s) of closed pull requests`;
    if (r.mode !== 'deploy')
        return '';
    if (!r.error)
        return `**Running now:** ${code(r.image)}${r.skipped ? ' (unchanged, nothing redeployed)' : ''} — ${check}`;
    if (r['rolled-back'])
        return `**Running now:** the previous image ${code(r['previous-image'])} (rolled back) — ${check}`;
    return `**Deploy failed** — see below${r.healthy === 'false' ? ` (${r.health?.what ?? 'the health check'} failed)` : ''}`;
}
/** The image line and the change list (the summary and the pull request comment show the same). */
function planLines(p) {
    const lines = [`**Would deploy** ${code(p.image.replace(/^image /, ''))}`, ''];
    const unknown = (0,plan_changes/* liveLine */.jD)(p.live);
    // a fence inside a line (from a reason the engine or the cluster gave) must not close the block
    const fenced = (l) => l.replace(/`{3,}/g, (m) => "'".repeat(m.length));
    lines.push('```diff', ...[...(unknown ? [unknown] : []), ...p.changes.map((c) => c.line)].map(fenced), '```');
    return lines;
}
/** `phases`: each log group with its duration (the run's time per phase). */
/** How the summary names each kind of evidence. */
const EVIDENCE_NAMES = {
    signature: 'cosign signature',
    provenance: 'cosign SLSA attestation',
    attestation: 'Sigstore bundle attached as an OCI referrer',
    'github-attestation': "Sigstore bundle from GitHub's attestations API",
    'buildkit-provenance': 'BuildKit provenance covered by the signature of the index',
};
function renderSummary(r, plan, phases = []) {
    const title = `### Sindri ${r.mode}${r.name ? `: ${code(r.name)}` : ''}${r.provider ? ` → ${r.provider}` : ''}${r.error ? ' — failed' : ''}`;
    // a plan opens with its image line and change list; anything else with what runs now
    const lines = [title, '', ...(r.plan ? planLines(r.plan) : [nowRunning(r)]), ''];
    if (r.error)
        lines.push(`> [!CAUTION]`, `> ${r.error}`, '');
    lines.push('| | |', '|---|---|');
    if (r['deployed-name'] && r['deployed-name'] !== r.name)
        lines.push(`| deployed as | ${code(r['deployed-name'])} |`);
    lines.push(`| image | ${code(r.image)} |`);
    lines.push(`| image source | ${code(r['image-source'])} |`);
    if (r['image-digest'])
        lines.push(`| digest | ${code(r['image-digest'])} |`);
    if (r.dockerfile)
        lines.push(`| Dockerfile | ${code(r.dockerfile)} (${r.mode === 'plan' ? 'a deploy builds it' : r.built ? 'built' : 'not built'}) |`);
    if (r.mode === 'deploy' && r.image)
        lines.push(`| built or pulled | ${r.built ? 'built on the runner' : 'prebuilt: pulled unless already present'} |`);
    lines.push(`| verified | ${r.verified} |`);
    const v = r.verification;
    if (v) {
        lines.push(`| verification | ${cell(v.policy === 'none' ? (v.note ?? 'none') : `${v.policy}${v.note ? ` — ${v.note}` : ''}`)} |`);
        if (v.evidence?.length)
            lines.push(`| evidence | ${cell(v.evidence.map((e) => EVIDENCE_NAMES[e]).join('; '))} |`);
        if (v.builder || v.source)
            lines.push(`| provenance | builder ${code(v.builder ?? '')}, source ${code(v.source ?? '')}${v.commit ? ` @ ${code(v.commit)}` : ''}${v.provenanceFrom ? ` — ${cell(v.provenanceFrom)}` : ''} |`);
        if (v.expected)
            lines.push(`| provenance vs this run | ${cell(v.expected)} |`);
        const b = v.buildkit;
        if (b)
            lines.push(`| BuildKit provenance | ${b.signed ? 'covered by the verified signature of the index' : '**unsigned: informational only**'}: builder ${code(b.builder)}, source ${code(b.source)}${b.commit ? ` @ ${code(b.commit)}` : ''}; ${cell(b.expected)} |`);
    }
    if (r.url)
        lines.push(`| url | ${r.url} |`);
    if (r.skipped)
        lines.push(`| skipped | already running this digest |`);
    if (r.health)
        lines.push(`| health | ${cell(`${r.health.what}: ${r.healthy === 'true' ? 'passed' : 'failed'} after ${r.health.attempts} attempt(s), ${seconds(r.health.waitedMs)}${r.health.last ? ` — ${r.health.last}` : ''}`)} |`);
    if (r['previous-image'])
        lines.push(`| previous image | ${code(r['previous-image'])} |`);
    if (r['rolled-back'])
        lines.push(`| rolled back | yes, to ${code(r['previous-image'])} |`);
    if (r.connect)
        lines.push(`| connect | ${code(r.connect)} |`);
    for (const [k, v] of Object.entries(r.extra ?? {}))
        lines.push(`| ${cell(k)} | ${code(v)} |`);
    if (r.warnings)
        lines.push(`| config warnings | ${r.warnings} (see annotations) |`);
    for (const s of r.swept ?? [])
        lines.push(`| swept | ${code(s['deployed-name'])}: pull request #${s['pull-request']} ${s.state}, environment ${code(s.environment)} |`);
    if (r.trace.length) {
        lines.push('', '#### Image decision', '', '| # | rule | outcome | reason |', '|---|---|---|---|');
        for (const t of r.trace)
            lines.push(`| ${t.rule || ''} | ${t.source} | ${ICON[t.outcome] ?? t.outcome} | ${cell(t.reason)} |`);
    }
    if (r.tools.length) {
        lines.push('', '#### Tools', '', '| tool | version | from | path |', '|---|---|---|---|');
        for (const t of r.tools)
            lines.push(`| ${t.name} | ${t.version || 'default'} | ${t.source === 'download' ? `download ${t.url ?? ''}` : (t.source ?? 'PATH')} | ${code(t.path)} |`);
    }
    if (phases.length) {
        lines.push('', '#### Time per phase', '', '| phase | time |', '|---|---|');
        for (const p of phases)
            lines.push(`| ${cell(p.name)} | ${p.ms < 1000 ? `${p.ms} ms` : `${(p.ms / 1000).toFixed(1)} s`} |`);
    }
    if (plan) {
        for (const n of plan.notes)
            lines.push('', `> ${n}`);
        for (const f of plan.files)
            lines.push('', `<details><summary>file <code>${f.path}</code></summary>`, '', '```yaml', (f.shown ?? f.content).trimEnd(), '```', '</details>');
        if (plan.commands.length)
            lines.push('', '<details><summary>commands a deploy runs</summary>', '', '```sh', ...plan.commands.map(commandLine), '```', '</details>');
    }
    return lines.join('\n') + '\n';
}


/***/ }),

/***/ 4813:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $e: () => (/* binding */ warning),
/* harmony export */   C1: () => (/* binding */ setFailed),
/* harmony export */   E$: () => (/* binding */ redact),
/* harmony export */   Os: () => (/* binding */ group),
/* harmony export */   Pq: () => (/* binding */ setSecret),
/* harmony export */   V4: () => (/* binding */ getInput),
/* harmony export */   Yz: () => (/* binding */ debug),
/* harmony export */   _o: () => (/* binding */ isDebug),
/* harmony export */   fe: () => (/* binding */ appendSummary),
/* harmony export */   gw: () => (/* binding */ summaryWritten),
/* harmony export */   ij: () => (/* binding */ holdLog),
/* harmony export */   pq: () => (/* binding */ info),
/* harmony export */   uH: () => (/* binding */ setOutput),
/* harmony export */   yl: () => (/* binding */ annotationFile)
/* harmony export */ });
/* unused harmony exports notice, error */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6058);
/* harmony import */ var node_async_hooks__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6698);
/* harmony import */ var node_async_hooks__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_async_hooks__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/**
 * The action's side of the runner protocol, over GitHub's toolkit: `@actions/core` reads the inputs
 * and writes the outputs, state, masks, groups, annotations, failure and the job summary (ADR 0018).
 * What this file adds is what core leaves to the runner: every line we write goes through `redact`,
 * so a secret registered with `setSecret` never reaches a log, an output, the state or the summary,
 * even in a local run (scripts/local-run.mjs) where no runner masks it.
 *
 * The set of registered secrets is the one piece of process-wide state here, on purpose: it mirrors
 * the runner's own mask list, which is process-wide too (a value once sent with `::add-mask::` stays
 * masked for the rest of the job and cannot be withdrawn). Everything else a run accumulates (outputs,
 * phase timings, temporary files, the deadline) is a value owned by the run (ADR 0019).
 */




const secrets = new Set();
let summaryWrites = Promise.resolve();
/**
 * The log writes of work done ahead of its turn (`holdLog`), kept in order until its turn comes. Scoped
 * to that work's own async calls, so whatever runs beside it writes as it goes.
 */
const held = new node_async_hooks__WEBPACK_IMPORTED_MODULE_1__.AsyncLocalStorage();
/** A log write: now, or, inside `holdLog`, when the held work's turn comes (redacted then, with every secret known by then). */
function write(w) {
    const lines = held.getStore();
    if (lines)
        lines.push(w);
    else
        w();
}
/**
 * Start `fn` now, with its log lines held (its groups, lines, warnings, debug lines), so that it can run
 * while an earlier phase waits on a process and still read in the log where it belongs (ADR 0048). Its
 * failure is not an unhandled rejection: `turn` throws it.
 */
function holdLog(fn) {
    const lines = [];
    const settled = held
        .run(lines, () => fn())
        .then((value) => ({ ok: true, value }), (error) => ({ ok: false, error }));
    return {
        async turn() {
            const r = await settled;
            for (const w of lines.splice(0))
                w();
            if (!r.ok)
                throw r.error;
            return r.value;
        },
    };
}
/**
 * The path an annotation names for the file at `absolute`: from the repository root (GITHUB_WORKSPACE,
 * else the current folder), as the runner resolves it, whatever working-directory is.
 */
function annotationFile(absolute) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_3__.relative)(process.env.GITHUB_WORKSPACE || process.cwd(), absolute) || absolute;
}
/** Register a secret: masked by the runner from now on, and replaced by *** in everything we write. */
function setSecret(value) {
    if (!value)
        return;
    for (const part of [value, ...value.split(/\r?\n/)]) {
        const v = part.trim();
        if (v.length < 3 || secrets.has(v))
            continue; // masking 1–2 characters would shred every log line
        secrets.add(v);
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.setSecret(v);
    }
}
function redact(text) {
    let out = text;
    // longest first, so a secret containing another is replaced whole
    for (const s of [...secrets].sort((a, b) => b.length - a.length))
        out = out.split(s).join('***');
    return out;
}
/** An input's value; `trimWhitespace: false` keeps what the workflow wrote (a secret's trailing spaces). */
function getInput(name, options) {
    return _actions_core__WEBPACK_IMPORTED_MODULE_0__.getInput(name, options);
}
/** The runner's debug switch (RUNNER_DEBUG=1), or the step-debug secret set by hand in a local run. */
function isDebug() {
    return _actions_core__WEBPACK_IMPORTED_MODULE_0__.isDebug() || process.env.ACTIONS_STEP_DEBUG === 'true';
}
/**
 * Text the runner would read as a workflow command: a line that starts with `::` once leading white
 * space is trimmed (actions/runner `ActionCommand.TryParseV2` trims before it looks), or `##[` anywhere
 * in a line (the v1 form, found by `IndexOf`). The runner ends a line at `\n`, `\r\n` or a lone `\r`.
 */
const COMMAND_LIKE = /(?:^|[\r\n])\s*::|##\[/;
/**
 * A log line. Much of what we print is not ours (a config value in a command line, a CLI's output, a
 * registry's error): when it could be read as a workflow command it is printed between
 * `::stop-commands::<random token>` and `::<token>::`, so the runner shows it as text and runs nothing.
 */
function info(message) {
    write(() => {
        const text = redact(message);
        if (!COMMAND_LIKE.test(text)) {
            _actions_core__WEBPACK_IMPORTED_MODULE_0__.info(text);
            return;
        }
        const token = (0,node_crypto__WEBPACK_IMPORTED_MODULE_2__.randomBytes)(16).toString('hex');
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.info(`::stop-commands::${token}`);
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.info(text);
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.info(`::${token}::`);
    });
}
function debug(message) {
    if (isDebug())
        write(() => _actions_core__WEBPACK_IMPORTED_MODULE_0__.debug(redact(message)));
}
function warning(message, props = {}) {
    write(() => _actions_core__WEBPACK_IMPORTED_MODULE_0__.warning(redact(message), props));
}
function notice(message, props = {}) {
    write(() => core.notice(redact(message), props));
}
function error(message, props = {}) {
    write(() => _actions_core__WEBPACK_IMPORTED_MODULE_0__.error(redact(message), props));
}
/** Fail the step: one error annotation, exit code 1. */
function setFailed(message, props = {}) {
    process.exitCode = _actions_core__WEBPACK_IMPORTED_MODULE_0__.ExitCode.Failure;
    error(message, props);
}
/** A log group (core.group): what `fn` logs is folded under `name`. */
async function group(name, fn) {
    if (!held.getStore())
        return await _actions_core__WEBPACK_IMPORTED_MODULE_0__.group(redact(name), fn);
    write(() => _actions_core__WEBPACK_IMPORTED_MODULE_0__.startGroup(redact(name)));
    try {
        return await fn();
    }
    finally {
        write(() => _actions_core__WEBPACK_IMPORTED_MODULE_0__.endGroup());
    }
}
/** Set a step output now (docs/behaviour.md#outputs: each output as soon as it is known). */
function setOutput(name, value) {
    const v = redact(value);
    if (process.env.GITHUB_OUTPUT)
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.setOutput(name, v);
    else
        debug(`output ${name}=${v}`);
}
/**
 * Append markdown to the job summary (core.summary); false when there is no summary file (local
 * runs). Writes are queued in order; `summaryWritten()` waits for them.
 */
function appendSummary(markdown) {
    if (!process.env.GITHUB_STEP_SUMMARY)
        return false;
    const text = redact(markdown);
    summaryWrites = summaryWrites
        .then(() => _actions_core__WEBPACK_IMPORTED_MODULE_0__.summary.addRaw(text, true).write())
        .then(() => undefined, (e) => {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.summary.emptyBuffer();
        warning(`could not write the job summary: ${e.message}`);
    });
    return true;
}
/** Resolves when every summary write queued so far is on disk. */
function summaryWritten() {
    return summaryWrites;
}


/***/ }),

/***/ 2462:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Dk: () => (/* binding */ pendingDeployment),
/* harmony export */   J$: () => (/* binding */ leftTemps),
/* harmony export */   oj: () => (/* binding */ savePendingDeployment),
/* harmony export */   rH: () => (/* binding */ markMain),
/* harmony export */   tl: () => (/* binding */ isPost),
/* harmony export */   y7: () => (/* binding */ TempFiles)
/* harmony export */ });
/* unused harmony export saveState */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6058);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__nccwpck_require__.n(node_os__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(4813);
/**
 * The hand-over from the main step to the post step (action.yml `runs.post`), through the runner's
 * GITHUB_STATE file (`core.saveState`, read back as `STATE_<name>` by `core.getState`). The one file
 * that writes or reads state, as docker/build-push-action's state-helper:
 *   - `isPost`: set by main, so the same dist/index.js knows it runs as the post step;
 *   - `temp-paths`: temporary files and folders the run created and has not removed yet (env files,
 *     generated secrets files, build contexts): the post step removes what a failed or cancelled run left;
 *   - `deployment`: a GitHub deployment still `in_progress`: the post step marks it `error`.
 */






const KEYS = { isPost: 'isPost', temps: 'temp-paths', deployment: 'deployment' };
/** Write one state value (redacted: state is a file on the runner's disk). No GITHUB_STATE (local run): kept nowhere. */
function saveState(name, value) {
    if (process.env.GITHUB_STATE)
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.saveState(name, (0,_runner_js__WEBPACK_IMPORTED_MODULE_5__/* .redact */ .E$)(value));
}
/** True in the post step: main saved `isPost` before doing anything else. */
function isPost() {
    return _actions_core__WEBPACK_IMPORTED_MODULE_0__.getState(KEYS.isPost) === 'true';
}
/** Called first in the main step. */
function markMain() {
    saveState(KEYS.isPost, 'true');
}
/**
 * The temporary files and folders of one run (one per run, handed to whatever creates them). Each is
 * registered before it is created: if the run fails or is cancelled before `release`, the post step
 * removes it. The whole list is written to the state on every change, so a cancel at any moment
 * leaves the post step an up-to-date list.
 */
class TempFiles {
    paths = new Set();
    register(path) {
        if (this.paths.has(path))
            return;
        this.paths.add(path);
        saveState(KEYS.temps, JSON.stringify([...this.paths]));
    }
    /** The run removed it itself: the post step has nothing to do for it. */
    release(path) {
        if (!this.paths.delete(path))
            return;
        saveState(KEYS.temps, JSON.stringify([...this.paths]));
    }
    /**
     * A new private folder (0700) for files that hold secrets: under RUNNER_TEMP, which the runner
     * empties after every job (the system temp folder outside a runner), registered before it exists.
     */
    dir(prefix) {
        const path = (0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(process.env.RUNNER_TEMP || (0,node_os__WEBPACK_IMPORTED_MODULE_3__.tmpdir)(), `${prefix}${(0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.randomUUID)()}`);
        this.register(path);
        (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.mkdirSync)(path, { recursive: true, mode: 0o700 });
        return path;
    }
    /** Remove a registered file or folder now, and forget it. */
    remove(path) {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.rmSync)(path, { recursive: true, force: true });
        this.release(path);
    }
}
/** In the post step: what main registered and did not release. */
function leftTemps() {
    return parseJson(_actions_core__WEBPACK_IMPORTED_MODULE_0__.getState(KEYS.temps), []).filter((p) => typeof p === 'string' && p !== '');
}
function savePendingDeployment(d) {
    saveState(KEYS.deployment, d ? JSON.stringify(d) : '');
}
function pendingDeployment() {
    const d = parseJson(_actions_core__WEBPACK_IMPORTED_MODULE_0__.getState(KEYS.deployment), undefined);
    return d && typeof d.id === 'number' && d.owner && d.repo ? d : undefined;
}
function parseJson(text, fallback) {
    if (!text)
        return fallback;
    try {
        return JSON.parse(text);
    }
    catch {
        return fallback;
    }
}


/***/ }),

/***/ 8992:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   TL: () => (/* binding */ controlCharacter),
/* harmony export */   TN: () => (/* binding */ oneLine),
/* harmony export */   rx: () => (/* binding */ quoteArgv)
/* harmony export */ });
/**
 * Text as the action shows it: argv quoted the same way in the log and the summary, and user or
 * tool text kept on one line (control characters escaped) wherever one line is promised.
 */
/** argv as a POSIX shell would read it back: plain words bare, anything else in single quotes. */
function quoteArgv(argv) {
    return argv.map((a) => (/^[A-Za-z0-9_@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
}
/**
 * The first control character of a one-line value, as `U+000A`, or undefined. Tabs pass: they cannot
 * end a line. Every value that reaches a command line, a generated file or the log is checked with it.
 */
function controlCharacter(value) {
    const bad = /[\u0000-\u0008\u000a-\u001f\u007f]/.exec(value);
    return bad ? `U+${bad[0].charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}` : undefined;
}
/** A value the user wrote may hold new lines or other control characters: shown escaped, the line stays one line. */
function oneLine(text) {
    return text.replace(/[\u0000-\u001f\u007f]/g, (c) => c === '\n' ? '\\n' : c === '\t' ? '\\t' : c === '\r' ? '\\r' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}


/***/ }),

/***/ 4745:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   PM: () => (/* binding */ redactUserinfo),
/* harmony export */   mR: () => (/* binding */ parseToolVersion),
/* harmony export */   n9: () => (/* binding */ parseToolMirror)
/* harmony export */ });
/* harmony import */ var semver_ranges_valid_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4737);
/* harmony import */ var semver_ranges_valid_js__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(semver_ranges_valid_js__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3916);
/**
 * Up-front checks of the tool inputs (`<tool>-version`, `tool-mirror` / SINDRI_TOOL_MIRROR): called
 * by getInputs, before any network call. Whether a version is in the catalog is decided later, after
 * PATH and the tool cache have had their say (a pinned version already on PATH needs no catalog entry).
 */


/** `1.32.13`, `v1.32.13`, `~1.32`, `>=1.31 <1.34`, `1.x` → the spec without a leading `v`. */
function parseToolVersion(tool, value) {
    const v = value.trim().replace(/^v(?=\d)/, '');
    // a bounded line of version characters first: semver's own parser splits at whitespace and newlines
    if (v === '' || v.length > 64 || !/^[0-9A-Za-z.+*^~<>=|\- ]+$/.test(v) || semver_ranges_valid_js__WEBPACK_IMPORTED_MODULE_0___default()(v) === null) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`invalid version "${value.slice(0, 80)}"`, {
            where: { field: `input ${tool}-version` },
            fix: 'write a version such as 1.32.13 or a semver range such as ~1.32 or >=1.31 <1.34',
        });
    }
    return v;
}
/**
 * A base URL that replaces each download's origin (scheme, host and port), the paths below it kept.
 * The input wins over SINDRI_TOOL_MIRROR. Credentials may sit in the URL (`https://user:token@host`):
 * the caller masks the password. Returned without a trailing slash; '' when neither is set.
 */
function parseToolMirror(input, env) {
    const field = input ? 'input tool-mirror' : 'env SINDRI_TOOL_MIRROR';
    const raw = (input || env || '').trim();
    if (raw === '')
        return { mirror: '', field };
    let url;
    try {
        url = new URL(raw);
    }
    catch {
        url = undefined;
    }
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.search || url.hash) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`invalid mirror URL "${redactUserinfo(raw).slice(0, 120)}"`, {
            where: { field },
            fix: 'give an http(s) base URL without query or fragment, e.g. https://mirror.example.com/tools',
        });
    }
    return { mirror: raw.replace(/\/+$/, ''), field };
}
/** `https://user:secret@host/x` → `https://host/x`: URLs in messages never carry credentials. */
function redactUserinfo(url) {
    return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@\s]*@/i, '$1');
}


/***/ }),

/***/ 9033:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  JY: () => (/* binding */ PREVIEW_FIELDS),
  Uq: () => (/* binding */ TRACE_FIELDS),
  tq: () => (/* binding */ isEnvironmentName),
  R9: () => (/* binding */ previewMarks),
  t5: () => (/* binding */ pullRequestOfSuffix),
  M8: () => (/* binding */ traceMetaKey),
  hF: () => (/* binding */ traceMetadata),
  k2: () => (/* binding */ traceNote),
  fC: () => (/* binding */ traceOf)
});

;// CONCATENATED MODULE: ./package.json
const package_namespaceObject = {"rE":"1.0.0"};
;// CONCATENATED MODULE: ./src/trace.ts
/**
 * Traceability (docs/behaviour.md#traceability): which workflow run put a resource there. One pure
 * function reads the runner's GITHUB_* variables, keeps each value only when it has the shape GitHub
 * gives it (so no control character, no free text, nothing a secret can hide in) and when it holds
 * no registered secret; every provider writes the same facts in its own metadata under its own key
 * spelling (`traceKey`). A value that fails its check is left out, and the plan says so.
 *
 * The same metadata marks a preview (`name`, `name-suffix`, `repository`), which is how `mode: sweep`
 * finds the previews of this config and the pull request each one belongs to (ADR 0038).
 */

/** The facts, in the order they are shown (`environment`: the GitHub environment the deploy is named for, which sweep closes). */
const TRACE_FIELDS = ['run-url', 'commit', 'ref', 'actor', 'repository', 'action-version', 'environment'];
/** The keys that mark a preview, besides `repository` of the trace. */
const PREVIEW_FIELDS = ['name', 'name-suffix'];
/** A GitHub environment name as GitHub allows it: 1–255 characters, no control character, no leading or trailing space. */
function isEnvironmentName(value) {
    return value.length > 0 && value.length <= 255 && value.trim() === value && !/[\u0000-\u001f\u007f]/.test(value);
}
/** `owner/repo` as GitHub allows them. */
const REPOSITORY_RE = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/;
/** a GitHub login, apps' `[bot]` included */
const ACTOR_RE = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\[bot\])?$/;
/** a commit: SHA-1, or SHA-256 for repositories that use it */
const COMMIT_RE = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
/** a full ref: printable ASCII without space (git forbids spaces and control characters in refs) */
const REF_RE = /^refs\/[\x21-\x7e]{1,240}$/;
/** an action ref (`v1`, `v1.2.3`, a commit) */
const ACTION_REF_RE = /^[A-Za-z0-9._/-]{1,100}$/;
const RUN_ID_RE = /^[1-9][0-9]{0,19}$/;
/** The server URL without credentials, query or trailing slash; undefined when it is not one. */
function serverUrl(raw) {
    const value = raw || 'https://github.com';
    let u;
    try {
        u = new URL(value);
    }
    catch {
        return undefined;
    }
    if ((u.protocol !== 'https:' && u.protocol !== 'http:') || u.username || u.password || u.search || u.hash)
        return undefined;
    return `${u.origin}${u.pathname.replace(/\/+$/, '')}`;
}
/** The trace of this run from `env` (GITHUB_SERVER_URL, _REPOSITORY, _RUN_ID, _SHA, _REF, _ACTOR, _ACTION_REPOSITORY, _ACTION_REF). */
function traceOf(env, opts = {}) {
    const redact = opts.redact ?? ((t) => t);
    const values = {};
    const dropped = [];
    const keep = (field, variable, value, ok) => {
        if (!value)
            return;
        if (!ok)
            dropped.push(`${field}: ${variable} does not have the shape GitHub gives it`);
        else if (redact(value) !== value)
            dropped.push(`${field}: ${variable} holds a secret`);
        else
            values[field] = value;
    };
    const repository = env.GITHUB_REPOSITORY;
    const repoOk = repository !== undefined && REPOSITORY_RE.test(repository);
    if (env.GITHUB_RUN_ID && repository) {
        const server = serverUrl(env.GITHUB_SERVER_URL);
        const ok = server !== undefined && repoOk && RUN_ID_RE.test(env.GITHUB_RUN_ID);
        keep('run-url', 'GITHUB_RUN_ID', ok ? `${server}/${repository}/actions/runs/${env.GITHUB_RUN_ID}` : env.GITHUB_RUN_ID, ok);
    }
    keep('commit', 'GITHUB_SHA', env.GITHUB_SHA, COMMIT_RE.test(env.GITHUB_SHA ?? ''));
    keep('ref', 'GITHUB_REF', env.GITHUB_REF, REF_RE.test(env.GITHUB_REF ?? ''));
    keep('actor', 'GITHUB_ACTOR', env.GITHUB_ACTOR, ACTOR_RE.test(env.GITHUB_ACTOR ?? ''));
    keep('repository', 'GITHUB_REPOSITORY', repository, repoOk);
    // the ref the workflow named in `uses:` (v1, a commit); a local action (`uses: ./`) has none
    const actionRepo = env.GITHUB_ACTION_REPOSITORY;
    const actionRef = env.GITHUB_ACTION_REF;
    if (actionRepo && actionRef) {
        const ok = REPOSITORY_RE.test(actionRepo) && ACTION_REF_RE.test(actionRef);
        keep('action-version', 'GITHUB_ACTION_REF', `${actionRepo}@${actionRef}`, ok);
    }
    if (!values['action-version'])
        values['action-version'] = `sindri/deploy-action ${opts.version ?? package_namespaceObject.rE}`;
    keep('environment', 'input environment', opts.environment, isEnvironmentName(opts.environment ?? ''));
    return { values, dropped };
}
/** The preview marks of a deployment: its config name, and its name-suffix when it has one. */
function previewMarks(name, suffix) {
    return suffix ? { name, 'name-suffix': suffix } : { name };
}
/**
 * The trace and preview marks as one platform's metadata: `prefix + field`, with `-` replaced by
 * `separator` in the field (Fly and E2B keys are `sindri_run_url`).
 */
function traceMetadata(trace, marks, key) {
    const out = {};
    for (const f of PREVIEW_FIELDS)
        if (marks[f] !== undefined)
            out[key(f)] = marks[f];
    for (const f of TRACE_FIELDS)
        if (trace?.values[f] !== undefined)
            out[key(f)] = trace.values[f];
    return out;
}
/**
 * A metadata key of Fly machines and E2B sandboxes: `sindri_` + the field with `-` turned into `_`
 * (`sindri_run_url`, `sindri_name_suffix`): the spelling both platforms' own keys use (`fly_process_group`).
 */
const traceMetaKey = (field) => `sindri_${field.replace(/-/g, '_')}`;
/** One line for the plan: what each resource will carry, and what was left out. */
function traceNote(trace) {
    const shown = TRACE_FIELDS.filter((f) => trace.values[f] !== undefined).map((f) => `${f}=${trace.values[f]}`);
    const left = trace.dropped.length ? `; left out: ${trace.dropped.join('; ')}` : '';
    return `trace metadata on every resource: ${shown.join(', ') || 'none (not run by GitHub Actions)'}${left}`;
}
/** `pr-42` → 42: the pull request a preview belongs to, by the name-suffix convention; undefined for any other suffix. */
function pullRequestOfSuffix(suffix) {
    const m = /^pr-([1-9][0-9]{0,9})$/.exec(suffix);
    return m ? Number(m[1]) : undefined;
}


/***/ }),

/***/ 2656:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ getExecOutput),
/* harmony export */   m: () => (/* binding */ exec)
/* harmony export */ });
let real;
// eslint-disable-next-line @typescript-eslint/no-require-imports -- webpack's require: bundled, evaluated on first use
const load = () => (real ??= __nccwpck_require__(5260));
const exec = (...args) => load().exec(...args);
const getExecOutput = (...args) => load().getExecOutput(...args);


/***/ }),

/***/ 1501:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ HttpClient)
/* harmony export */ });
let real;
class HttpClient {
    constructor(...args) {
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- webpack's require: bundled, evaluated on first use
        real ??= __nccwpck_require__(4942);
        return new real.HttpClient(...args);
    }
}


/***/ }),

/***/ 9363:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   hd: () => (/* binding */ fetch),
/* harmony export */   kT: () => (/* binding */ ProxyAgent),
/* harmony export */   w8: () => (/* binding */ loadProxySupport)
/* harmony export */ });
/* unused harmony export PROXY_VARIABLES */
let real;
const PROXY_VARIABLES = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY'];
/** Called once at start: loads the real undici when the runner is behind a proxy. */
async function loadProxySupport(env = process.env) {
    if (real || !PROXY_VARIABLES.some((v) => env[v]))
        return;
    const m = (await __nccwpck_require__.e(/* import() */ 752).then(__nccwpck_require__.t.bind(__nccwpck_require__, 4371, 19)));
    // CommonJS through import(): the bundler and Node expose module.exports as `default`, with or without named copies
    real = m.ProxyAgent ? m : m.default;
}
function loaded() {
    if (!real)
        throw new Error('undici was not loaded: no proxy variable was set when the action started');
    return real;
}
/** http-client builds one only when a proxy applies to the URL, and a proxy variable was set at start. */
class ProxyAgent {
    constructor(options) {
        return new (loaded().ProxyAgent)(options);
    }
}
/** @actions/github's fetch: undici's with a proxy dispatcher, else Node's own (undici inside Node). */
const fetch = (input, init) => real ? real.fetch(input, init) : globalThis.fetch(input, init);


/***/ }),

/***/ 3148:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ checksSignatures),
/* harmony export */   N: () => (/* binding */ configAsks)
/* harmony export */ });
/** `image_config` asks for a signature or provenance check (upstream's defaults: both true). */
const configAsks = (imageConfig) => imageConfig !== undefined && (imageConfig.verify_signature || imageConfig.verify_provenance);
/**
 * `verify: true|warn`; or `auto` with image_config asking for it, or a trust input (`cosign-key`,
 * `certificate-identity`) given: a user who passes a key means it to be used (ADR 0012).
 */
function checksSignatures(inputs, imageConfig) {
    if (inputs.verify === 'false')
        return false;
    if (inputs.verify === 'auto')
        return configAsks(imageConfig) || Boolean(inputs['cosign-key'] || inputs['certificate-identity']);
    return true;
}


/***/ }),

/***/ 6607:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   WG: () => (/* binding */ verificationPolicy),
/* harmony export */   mn: () => (/* binding */ traced),
/* harmony export */   pn: () => (/* binding */ isPolicy),
/* harmony export */   wy: () => (/* binding */ describePolicy)
/* harmony export */ });
/* unused harmony exports DEFAULT_IDENTITY_REGEXP, DEFAULT_OIDC_ISSUER, keyRef */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3916);
/* harmony import */ var _checks_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3148);


/** Upstream's keyless identity, anchored (upstream passes it unanchored: `…/sindri-fork` would match). */
const DEFAULT_IDENTITY_REGEXP = '^https://github\\.com/pacphi/sindri/';
const DEFAULT_OIDC_ISSUER = 'https://token.actions.githubusercontent.com';
/** `awskms://`, `gcpkms://`, `azurekms://`, `hashivault://`, `k8s://`, `gitlab://`, `pkcs11:`: cosign resolves them itself. */
const KEY_URI = /^(?:[a-z][a-z0-9+.-]*:\/\/|pkcs11:)/i;
function keyRef(value) {
    const v = value.trim();
    if (v.startsWith('-----BEGIN'))
        return { kind: 'pem', pem: `${v}\n` };
    if (KEY_URI.test(v))
        return { kind: 'uri', uri: v };
    return { kind: 'path', path: v };
}
function verificationPolicy(inputs, imageConfig) {
    const mode = inputs.verify;
    if (mode === 'false')
        return { skip: 'verify: false: verification skipped' };
    if (!(0,_checks_js__WEBPACK_IMPORTED_MODULE_1__/* .checksSignatures */ .$)(inputs, imageConfig)) {
        return {
            skip: imageConfig
                ? 'image_config sets verify_signature and verify_provenance to false'
                : 'verify: auto and nothing asks for it (no image_config, no cosign-key or certificate-identity)',
        };
    }
    // provenance as image_config says (default true when it is present, as upstream); without one, signature only
    const provenance = imageConfig?.verify_provenance ?? false;
    const askedBy = mode === 'auto'
        ? (0,_checks_js__WEBPACK_IMPORTED_MODULE_1__/* .configAsks */ .N)(imageConfig)
            ? `image_config (verify_signature: ${imageConfig.verify_signature}, verify_provenance: ${imageConfig.verify_provenance})`
            : `input ${inputs['cosign-key'] ? 'cosign-key' : 'certificate-identity'}`
        : `input verify: ${mode}`;
    const trust = inputs['cosign-key']
        ? { kind: 'key', key: keyRef(inputs['cosign-key']) }
        : {
            kind: 'keyless',
            identityRegexp: inputs['certificate-identity'] || imageConfig?.certificate_identity || DEFAULT_IDENTITY_REGEXP,
            issuer: inputs['certificate-oidc-issuer'] || imageConfig?.certificate_oidc_issuer || DEFAULT_OIDC_ISSUER,
        };
    // a keyless certificate lives minutes: the log, or a timestamp authority of a given trusted root, proves it signed in time
    if (trust.kind === 'keyless' && !inputs['verify-tlog'] && !inputs['trusted-root']) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ('verify-tlog: false needs a key, or a trusted-root whose timestamp authority vouches for the time: a keyless certificate lives minutes and only the log or a signed timestamp proves it signed in time', {
            where: { field: 'input verify-tlog' },
            fix: "set cosign-key to the public key the image was signed with, or leave verify-tlog at true; for GitHub's private-repository attestations add trusted-root (gh attestation trusted-root)",
        });
    }
    return { onFailure: mode === 'warn' ? 'warn' : 'enforce', signature: true, provenance, trust, tlog: inputs['verify-tlog'], askedBy };
}
function isPolicy(p) {
    return !('skip' in p);
}
/** One phrase for messages and the summary: `signature+provenance, key /path/cosign.pub, tlog off`. */
function describePolicy(p) {
    const what = p.provenance ? 'signature+provenance' : 'signature';
    const who = p.trust.kind === 'keyless'
        ? `keyless, identity ~ ${p.trust.identityRegexp}, issuer ${p.trust.issuer}`
        : p.trust.key.kind === 'pem'
            ? 'key (PEM from input cosign-key)'
            : `key ${p.trust.key.kind === 'path' ? p.trust.key.path : p.trust.key.uri}`;
    const tlog = p.tlog
        ? 'required'
        : p.trust.kind === 'keyless'
            ? 'off: signed timestamps of trusted-root instead'
            : 'off (verify-tlog: false)';
    return `${what}, ${who}, tlog ${tlog}${p.onFailure === 'warn' ? ', verify: warn' : ''}`;
}
/** The verification's step in the image trace (rule 0). */
function traced(outcome, reason) {
    return { rule: 0, source: 'verify', outcome, reason };
}


/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 5317:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");

/***/ }),

/***/ 6982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 4708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 8995:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:module");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 8500:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:timers/promises");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 6928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 2203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 6058:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

// ESM COMPAT FLAG
__nccwpck_require__.r(__webpack_exports__);

// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  ExitCode: () => (/* binding */ ExitCode),
  addPath: () => (/* binding */ addPath),
  debug: () => (/* binding */ debug),
  endGroup: () => (/* binding */ endGroup),
  error: () => (/* binding */ error),
  exportVariable: () => (/* binding */ exportVariable),
  getBooleanInput: () => (/* binding */ getBooleanInput),
  getIDToken: () => (/* binding */ getIDToken),
  getInput: () => (/* binding */ getInput),
  getMultilineInput: () => (/* binding */ getMultilineInput),
  getState: () => (/* binding */ getState),
  group: () => (/* binding */ group),
  info: () => (/* binding */ info),
  isDebug: () => (/* binding */ isDebug),
  markdownSummary: () => (/* reexport */ markdownSummary),
  notice: () => (/* binding */ notice),
  platform: () => (/* reexport */ platform_namespaceObject),
  saveState: () => (/* binding */ saveState),
  setCommandEcho: () => (/* binding */ setCommandEcho),
  setFailed: () => (/* binding */ setFailed),
  setOutput: () => (/* binding */ setOutput),
  setSecret: () => (/* binding */ setSecret),
  startGroup: () => (/* binding */ startGroup),
  summary: () => (/* reexport */ summary),
  toPlatformPath: () => (/* reexport */ toPlatformPath),
  toPosixPath: () => (/* reexport */ toPosixPath),
  toWin32Path: () => (/* reexport */ toWin32Path),
  warning: () => (/* binding */ warning)
});

// NAMESPACE OBJECT: ./node_modules/@actions/core/lib/platform.js
var platform_namespaceObject = {};
__nccwpck_require__.r(platform_namespaceObject);
__nccwpck_require__.d(platform_namespaceObject, {
  arch: () => (arch),
  getDetails: () => (getDetails),
  isLinux: () => (isLinux),
  isMacOS: () => (isMacOS),
  isWindows: () => (isWindows),
  platform: () => (platform)
});

// EXTERNAL MODULE: external "os"
var external_os_ = __nccwpck_require__(857);
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/utils.js
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * Sanitizes an input into a string so it can be passed into issueCommand safely
 * @param input input to sanitize into a string
 */
function toCommandValue(input) {
    if (input === null || input === undefined) {
        return '';
    }
    else if (typeof input === 'string' || input instanceof String) {
        return input;
    }
    return JSON.stringify(input);
}
/**
 *
 * @param annotationProperties
 * @returns The command properties to send with the actual annotation command
 * See IssueCommandProperties: https://github.com/actions/runner/blob/main/src/Runner.Worker/ActionCommandManager.cs#L646
 */
function toCommandProperties(annotationProperties) {
    if (!Object.keys(annotationProperties).length) {
        return {};
    }
    return {
        title: annotationProperties.title,
        file: annotationProperties.file,
        line: annotationProperties.startLine,
        endLine: annotationProperties.endLine,
        col: annotationProperties.startColumn,
        endColumn: annotationProperties.endColumn
    };
}
//# sourceMappingURL=utils.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/command.js


/**
 * Issues a command to the GitHub Actions runner
 *
 * @param command - The command name to issue
 * @param properties - Additional properties for the command (key-value pairs)
 * @param message - The message to include with the command
 * @remarks
 * This function outputs a specially formatted string to stdout that the Actions
 * runner interprets as a command. These commands can control workflow behavior,
 * set outputs, create annotations, mask values, and more.
 *
 * Command Format:
 *   ::name key=value,key=value::message
 *
 * @example
 * ```typescript
 * // Issue a warning annotation
 * issueCommand('warning', {}, 'This is a warning message');
 * // Output: ::warning::This is a warning message
 *
 * // Set an environment variable
 * issueCommand('set-env', { name: 'MY_VAR' }, 'some value');
 * // Output: ::set-env name=MY_VAR::some value
 *
 * // Add a secret mask
 * issueCommand('add-mask', {}, 'secretValue123');
 * // Output: ::add-mask::secretValue123
 * ```
 *
 * @internal
 * This is an internal utility function that powers the public API functions
 * such as setSecret, warning, error, and exportVariable.
 */
function issueCommand(command, properties, message) {
    const cmd = new Command(command, properties, message);
    process.stdout.write(cmd.toString() + external_os_.EOL);
}
function issue(name, message = '') {
    issueCommand(name, {}, message);
}
const CMD_STRING = '::';
class Command {
    constructor(command, properties, message) {
        if (!command) {
            command = 'missing.command';
        }
        this.command = command;
        this.properties = properties;
        this.message = message;
    }
    toString() {
        let cmdStr = CMD_STRING + this.command;
        if (this.properties && Object.keys(this.properties).length > 0) {
            cmdStr += ' ';
            let first = true;
            for (const key in this.properties) {
                if (this.properties.hasOwnProperty(key)) {
                    const val = this.properties[key];
                    if (val) {
                        if (first) {
                            first = false;
                        }
                        else {
                            cmdStr += ',';
                        }
                        cmdStr += `${key}=${escapeProperty(val)}`;
                    }
                }
            }
        }
        cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
        return cmdStr;
    }
}
function escapeData(s) {
    return toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A');
}
function escapeProperty(s) {
    return toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A')
        .replace(/:/g, '%3A')
        .replace(/,/g, '%2C');
}
//# sourceMappingURL=command.js.map
// EXTERNAL MODULE: external "crypto"
var external_crypto_ = __nccwpck_require__(6982);
// EXTERNAL MODULE: external "fs"
var external_fs_ = __nccwpck_require__(9896);
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/file-command.js
// For internal use, subject to change.
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */




function issueFileCommand(command, message) {
    const filePath = process.env[`GITHUB_${command}`];
    if (!filePath) {
        throw new Error(`Unable to find environment variable for file command ${command}`);
    }
    if (!external_fs_.existsSync(filePath)) {
        throw new Error(`Missing file at path: ${filePath}`);
    }
    external_fs_.appendFileSync(filePath, `${toCommandValue(message)}${external_os_.EOL}`, {
        encoding: 'utf8'
    });
}
function prepareKeyValueMessage(key, value) {
    const delimiter = `ghadelimiter_${external_crypto_.randomUUID()}`;
    const convertedValue = toCommandValue(value);
    // These should realistically never happen, but just in case someone finds a
    // way to exploit uuid generation let's not allow keys or values that contain
    // the delimiter.
    if (key.includes(delimiter)) {
        throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
    }
    if (convertedValue.includes(delimiter)) {
        throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
    }
    return `${key}<<${delimiter}${external_os_.EOL}${convertedValue}${external_os_.EOL}${delimiter}`;
}
//# sourceMappingURL=file-command.js.map
// EXTERNAL MODULE: external "path"
var external_path_ = __nccwpck_require__(6928);
// EXTERNAL MODULE: ./src/vendor/http-client-lazy.ts
var http_client_lazy = __nccwpck_require__(1501);
;// CONCATENATED MODULE: ./node_modules/@actions/http-client/lib/auth.js
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
class BasicCredentialHandler {
    constructor(username, password) {
        this.username = username;
        this.password = password;
    }
    prepareRequest(options) {
        if (!options.headers) {
            throw Error('The request has no headers');
        }
        options.headers['Authorization'] = `Basic ${Buffer.from(`${this.username}:${this.password}`).toString('base64')}`;
    }
    // This handler cannot handle 401
    canHandleAuthentication() {
        return false;
    }
    handleAuthentication() {
        return __awaiter(this, void 0, void 0, function* () {
            throw new Error('not implemented');
        });
    }
}
class BearerCredentialHandler {
    constructor(token) {
        this.token = token;
    }
    // currently implements pre-authorization
    // TODO: support preAuth = false where it hooks on 401
    prepareRequest(options) {
        if (!options.headers) {
            throw Error('The request has no headers');
        }
        options.headers['Authorization'] = `Bearer ${this.token}`;
    }
    // This handler cannot handle 401
    canHandleAuthentication() {
        return false;
    }
    handleAuthentication() {
        return __awaiter(this, void 0, void 0, function* () {
            throw new Error('not implemented');
        });
    }
}
class PersonalAccessTokenCredentialHandler {
    constructor(token) {
        this.token = token;
    }
    // currently implements pre-authorization
    // TODO: support preAuth = false where it hooks on 401
    prepareRequest(options) {
        if (!options.headers) {
            throw Error('The request has no headers');
        }
        options.headers['Authorization'] = `Basic ${Buffer.from(`PAT:${this.token}`).toString('base64')}`;
    }
    // This handler cannot handle 401
    canHandleAuthentication() {
        return false;
    }
    handleAuthentication() {
        return __awaiter(this, void 0, void 0, function* () {
            throw new Error('not implemented');
        });
    }
}
//# sourceMappingURL=auth.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/oidc-utils.js
var oidc_utils_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};



class OidcClient {
    static createHttpClient(allowRetry = true, maxRetry = 10) {
        const requestOptions = {
            allowRetries: allowRetry,
            maxRetries: maxRetry
        };
        return new http_client_lazy/* HttpClient */.Q('actions/oidc-client', [new BearerCredentialHandler(OidcClient.getRequestToken())], requestOptions);
    }
    static getRequestToken() {
        const token = process.env['ACTIONS_ID_TOKEN_REQUEST_TOKEN'];
        if (!token) {
            throw new Error('Unable to get ACTIONS_ID_TOKEN_REQUEST_TOKEN env variable');
        }
        return token;
    }
    static getIDTokenUrl() {
        const runtimeUrl = process.env['ACTIONS_ID_TOKEN_REQUEST_URL'];
        if (!runtimeUrl) {
            throw new Error('Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable');
        }
        return runtimeUrl;
    }
    static getCall(id_token_url) {
        return oidc_utils_awaiter(this, void 0, void 0, function* () {
            var _a;
            const httpclient = OidcClient.createHttpClient();
            const res = yield httpclient
                .getJson(id_token_url)
                .catch(error => {
                throw new Error(`Failed to get ID Token. \n 
        Error Code : ${error.statusCode}\n 
        Error Message: ${error.message}`);
            });
            const id_token = (_a = res.result) === null || _a === void 0 ? void 0 : _a.value;
            if (!id_token) {
                throw new Error('Response json body do not have ID Token field');
            }
            return id_token;
        });
    }
    static getIDToken(audience) {
        return oidc_utils_awaiter(this, void 0, void 0, function* () {
            try {
                // New ID Token is requested from action service
                let id_token_url = OidcClient.getIDTokenUrl();
                if (audience) {
                    const encodedAudience = encodeURIComponent(audience);
                    id_token_url = `${id_token_url}&audience=${encodedAudience}`;
                }
                debug(`ID token url is ${id_token_url}`);
                const id_token = yield OidcClient.getCall(id_token_url);
                setSecret(id_token);
                return id_token;
            }
            catch (error) {
                throw new Error(`Error message: ${error.message}`);
            }
        });
    }
}
//# sourceMappingURL=oidc-utils.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/summary.js
var summary_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const { access, appendFile, writeFile } = external_fs_.promises;
const SUMMARY_ENV_VAR = 'GITHUB_STEP_SUMMARY';
const SUMMARY_DOCS_URL = 'https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions#adding-a-job-summary';
class Summary {
    constructor() {
        this._buffer = '';
    }
    /**
     * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
     * Also checks r/w permissions.
     *
     * @returns step summary file path
     */
    filePath() {
        return summary_awaiter(this, void 0, void 0, function* () {
            if (this._filePath) {
                return this._filePath;
            }
            const pathFromEnv = process.env[SUMMARY_ENV_VAR];
            if (!pathFromEnv) {
                throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
            }
            try {
                yield access(pathFromEnv, external_fs_.constants.R_OK | external_fs_.constants.W_OK);
            }
            catch (_a) {
                throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
            }
            this._filePath = pathFromEnv;
            return this._filePath;
        });
    }
    /**
     * Wraps content in an HTML tag, adding any HTML attributes
     *
     * @param {string} tag HTML tag to wrap
     * @param {string | null} content content within the tag
     * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
     *
     * @returns {string} content wrapped in HTML element
     */
    wrap(tag, content, attrs = {}) {
        const htmlAttrs = Object.entries(attrs)
            .map(([key, value]) => ` ${key}="${value}"`)
            .join('');
        if (!content) {
            return `<${tag}${htmlAttrs}>`;
        }
        return `<${tag}${htmlAttrs}>${content}</${tag}>`;
    }
    /**
     * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
     *
     * @param {SummaryWriteOptions} [options] (optional) options for write operation
     *
     * @returns {Promise<Summary>} summary instance
     */
    write(options) {
        return summary_awaiter(this, void 0, void 0, function* () {
            const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
            const filePath = yield this.filePath();
            const writeFunc = overwrite ? writeFile : appendFile;
            yield writeFunc(filePath, this._buffer, { encoding: 'utf8' });
            return this.emptyBuffer();
        });
    }
    /**
     * Clears the summary buffer and wipes the summary file
     *
     * @returns {Summary} summary instance
     */
    clear() {
        return summary_awaiter(this, void 0, void 0, function* () {
            return this.emptyBuffer().write({ overwrite: true });
        });
    }
    /**
     * Returns the current summary buffer as a string
     *
     * @returns {string} string of summary buffer
     */
    stringify() {
        return this._buffer;
    }
    /**
     * If the summary buffer is empty
     *
     * @returns {boolen} true if the buffer is empty
     */
    isEmptyBuffer() {
        return this._buffer.length === 0;
    }
    /**
     * Resets the summary buffer without writing to summary file
     *
     * @returns {Summary} summary instance
     */
    emptyBuffer() {
        this._buffer = '';
        return this;
    }
    /**
     * Adds raw text to the summary buffer
     *
     * @param {string} text content to add
     * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
     *
     * @returns {Summary} summary instance
     */
    addRaw(text, addEOL = false) {
        this._buffer += text;
        return addEOL ? this.addEOL() : this;
    }
    /**
     * Adds the operating system-specific end-of-line marker to the buffer
     *
     * @returns {Summary} summary instance
     */
    addEOL() {
        return this.addRaw(external_os_.EOL);
    }
    /**
     * Adds an HTML codeblock to the summary buffer
     *
     * @param {string} code content to render within fenced code block
     * @param {string} lang (optional) language to syntax highlight code
     *
     * @returns {Summary} summary instance
     */
    addCodeBlock(code, lang) {
        const attrs = Object.assign({}, (lang && { lang }));
        const element = this.wrap('pre', this.wrap('code', code), attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML list to the summary buffer
     *
     * @param {string[]} items list of items to render
     * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
     *
     * @returns {Summary} summary instance
     */
    addList(items, ordered = false) {
        const tag = ordered ? 'ol' : 'ul';
        const listItems = items.map(item => this.wrap('li', item)).join('');
        const element = this.wrap(tag, listItems);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML table to the summary buffer
     *
     * @param {SummaryTableCell[]} rows table rows
     *
     * @returns {Summary} summary instance
     */
    addTable(rows) {
        const tableBody = rows
            .map(row => {
            const cells = row
                .map(cell => {
                if (typeof cell === 'string') {
                    return this.wrap('td', cell);
                }
                const { header, data, colspan, rowspan } = cell;
                const tag = header ? 'th' : 'td';
                const attrs = Object.assign(Object.assign({}, (colspan && { colspan })), (rowspan && { rowspan }));
                return this.wrap(tag, data, attrs);
            })
                .join('');
            return this.wrap('tr', cells);
        })
            .join('');
        const element = this.wrap('table', tableBody);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds a collapsable HTML details element to the summary buffer
     *
     * @param {string} label text for the closed state
     * @param {string} content collapsable content
     *
     * @returns {Summary} summary instance
     */
    addDetails(label, content) {
        const element = this.wrap('details', this.wrap('summary', label) + content);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML image tag to the summary buffer
     *
     * @param {string} src path to the image you to embed
     * @param {string} alt text description of the image
     * @param {SummaryImageOptions} options (optional) addition image attributes
     *
     * @returns {Summary} summary instance
     */
    addImage(src, alt, options) {
        const { width, height } = options || {};
        const attrs = Object.assign(Object.assign({}, (width && { width })), (height && { height }));
        const element = this.wrap('img', null, Object.assign({ src, alt }, attrs));
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML section heading element
     *
     * @param {string} text heading text
     * @param {number | string} [level=1] (optional) the heading level, default: 1
     *
     * @returns {Summary} summary instance
     */
    addHeading(text, level) {
        const tag = `h${level}`;
        const allowedTag = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].includes(tag)
            ? tag
            : 'h1';
        const element = this.wrap(allowedTag, text);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML thematic break (<hr>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addSeparator() {
        const element = this.wrap('hr', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML line break (<br>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addBreak() {
        const element = this.wrap('br', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML blockquote to the summary buffer
     *
     * @param {string} text quote text
     * @param {string} cite (optional) citation url
     *
     * @returns {Summary} summary instance
     */
    addQuote(text, cite) {
        const attrs = Object.assign({}, (cite && { cite }));
        const element = this.wrap('blockquote', text, attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML anchor tag to the summary buffer
     *
     * @param {string} text link text/content
     * @param {string} href hyperlink
     *
     * @returns {Summary} summary instance
     */
    addLink(text, href) {
        const element = this.wrap('a', text, { href });
        return this.addRaw(element).addEOL();
    }
}
const _summary = new Summary();
/**
 * @deprecated use `core.summary`
 */
const markdownSummary = _summary;
const summary = _summary;
//# sourceMappingURL=summary.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/path-utils.js

/**
 * toPosixPath converts the given path to the posix form. On Windows, \\ will be
 * replaced with /.
 *
 * @param pth. Path to transform.
 * @return string Posix path.
 */
function toPosixPath(pth) {
    return pth.replace(/[\\]/g, '/');
}
/**
 * toWin32Path converts the given path to the win32 form. On Linux, / will be
 * replaced with \\.
 *
 * @param pth. Path to transform.
 * @return string Win32 path.
 */
function toWin32Path(pth) {
    return pth.replace(/[/]/g, '\\');
}
/**
 * toPlatformPath converts the given path to a platform-specific path. It does
 * this by replacing instances of / and \ with the platform-specific path
 * separator.
 *
 * @param pth The path to platformize.
 * @return string The platform-specific path.
 */
function toPlatformPath(pth) {
    return pth.replace(/[/\\]/g, external_path_.sep);
}
//# sourceMappingURL=path-utils.js.map
// EXTERNAL MODULE: ./src/vendor/exec-lazy.ts
var exec_lazy = __nccwpck_require__(2656);
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/platform.js
var platform_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const getWindowsInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    const { stdout: version } = yield exec_lazy/* getExecOutput */.H('powershell -command "(Get-CimInstance -ClassName Win32_OperatingSystem).Version"', undefined, {
        silent: true
    });
    const { stdout: name } = yield exec_lazy/* getExecOutput */.H('powershell -command "(Get-CimInstance -ClassName Win32_OperatingSystem).Caption"', undefined, {
        silent: true
    });
    return {
        name: name.trim(),
        version: version.trim()
    };
});
const getMacOsInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    var _a, _b, _c, _d;
    const { stdout } = yield exec_lazy/* getExecOutput */.H('sw_vers', undefined, {
        silent: true
    });
    const version = (_b = (_a = stdout.match(/ProductVersion:\s*(.+)/)) === null || _a === void 0 ? void 0 : _a[1]) !== null && _b !== void 0 ? _b : '';
    const name = (_d = (_c = stdout.match(/ProductName:\s*(.+)/)) === null || _c === void 0 ? void 0 : _c[1]) !== null && _d !== void 0 ? _d : '';
    return {
        name,
        version
    };
});
const getLinuxInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    const { stdout } = yield exec_lazy/* getExecOutput */.H('lsb_release', ['-i', '-r', '-s'], {
        silent: true
    });
    const [name, version] = stdout.trim().split('\n');
    return {
        name,
        version
    };
});
const platform = external_os_.platform();
const arch = external_os_.arch();
const isWindows = platform === 'win32';
const isMacOS = platform === 'darwin';
const isLinux = platform === 'linux';
function getDetails() {
    return platform_awaiter(this, void 0, void 0, function* () {
        return Object.assign(Object.assign({}, (yield (isWindows
            ? getWindowsInfo()
            : isMacOS
                ? getMacOsInfo()
                : getLinuxInfo()))), { platform,
            arch,
            isWindows,
            isMacOS,
            isLinux });
    });
}
//# sourceMappingURL=platform.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/core.js
var core_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};






/**
 * The code to exit an action
 */
var ExitCode;
(function (ExitCode) {
    /**
     * A code indicating that the action was successful
     */
    ExitCode[ExitCode["Success"] = 0] = "Success";
    /**
     * A code indicating that the action was a failure
     */
    ExitCode[ExitCode["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
//-----------------------------------------------------------------------
// Variables
//-----------------------------------------------------------------------
/**
 * Sets env variable for this action and future actions in the job
 * @param name the name of the variable to set
 * @param val the value of the variable. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function exportVariable(name, val) {
    const convertedVal = toCommandValue(val);
    process.env[name] = convertedVal;
    const filePath = process.env['GITHUB_ENV'] || '';
    if (filePath) {
        return issueFileCommand('ENV', prepareKeyValueMessage(name, val));
    }
    issueCommand('set-env', { name }, convertedVal);
}
/**
 * Registers a secret which will get masked from logs
 *
 * @param secret - Value of the secret to be masked
 * @remarks
 * This function instructs the Actions runner to mask the specified value in any
 * logs produced during the workflow run. Once registered, the secret value will
 * be replaced with asterisks (***) whenever it appears in console output, logs,
 * or error messages.
 *
 * This is useful for protecting sensitive information such as:
 * - API keys
 * - Access tokens
 * - Authentication credentials
 * - URL parameters containing signatures (SAS tokens)
 *
 * Note that masking only affects future logs; any previous appearances of the
 * secret in logs before calling this function will remain unmasked.
 *
 * @example
 * ```typescript
 * // Register an API token as a secret
 * const apiToken = "abc123xyz456";
 * setSecret(apiToken);
 *
 * // Now any logs containing this value will show *** instead
 * console.log(`Using token: ${apiToken}`); // Outputs: "Using token: ***"
 * ```
 */
function setSecret(secret) {
    issueCommand('add-mask', {}, secret);
}
/**
 * Prepends inputPath to the PATH (for this action and future actions)
 * @param inputPath
 */
function addPath(inputPath) {
    const filePath = process.env['GITHUB_PATH'] || '';
    if (filePath) {
        issueFileCommand('PATH', inputPath);
    }
    else {
        issueCommand('add-path', {}, inputPath);
    }
    process.env['PATH'] = `${inputPath}${external_path_.delimiter}${process.env['PATH']}`;
}
/**
 * Gets the value of an input.
 * Unless trimWhitespace is set to false in InputOptions, the value is also trimmed.
 * Returns an empty string if the value is not defined.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string
 */
function getInput(name, options) {
    const val = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '';
    if (options && options.required && !val) {
        throw new Error(`Input required and not supplied: ${name}`);
    }
    if (options && options.trimWhitespace === false) {
        return val;
    }
    return val.trim();
}
/**
 * Gets the values of an multiline input.  Each value is also trimmed.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string[]
 *
 */
function getMultilineInput(name, options) {
    const inputs = getInput(name, options)
        .split('\n')
        .filter(x => x !== '');
    if (options && options.trimWhitespace === false) {
        return inputs;
    }
    return inputs.map(input => input.trim());
}
/**
 * Gets the input value of the boolean type in the YAML 1.2 "core schema" specification.
 * Support boolean input list: `true | True | TRUE | false | False | FALSE` .
 * The return value is also in boolean type.
 * ref: https://yaml.org/spec/1.2/spec.html#id2804923
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   boolean
 */
function getBooleanInput(name, options) {
    const trueValue = ['true', 'True', 'TRUE'];
    const falseValue = ['false', 'False', 'FALSE'];
    const val = getInput(name, options);
    if (trueValue.includes(val))
        return true;
    if (falseValue.includes(val))
        return false;
    throw new TypeError(`Input does not meet YAML 1.2 "Core Schema" specification: ${name}\n` +
        `Support boolean input list: \`true | True | TRUE | false | False | FALSE\``);
}
/**
 * Sets the value of an output.
 *
 * @param     name     name of the output to set
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function setOutput(name, value) {
    const filePath = process.env['GITHUB_OUTPUT'] || '';
    if (filePath) {
        return issueFileCommand('OUTPUT', prepareKeyValueMessage(name, value));
    }
    process.stdout.write(external_os_.EOL);
    issueCommand('set-output', { name }, toCommandValue(value));
}
/**
 * Enables or disables the echoing of commands into stdout for the rest of the step.
 * Echoing is disabled by default if ACTIONS_STEP_DEBUG is not set.
 *
 */
function setCommandEcho(enabled) {
    issue('echo', enabled ? 'on' : 'off');
}
//-----------------------------------------------------------------------
// Results
//-----------------------------------------------------------------------
/**
 * Sets the action status to failed.
 * When the action exits it will be with an exit code of 1
 * @param message add error issue message
 */
function setFailed(message) {
    process.exitCode = ExitCode.Failure;
    error(message);
}
//-----------------------------------------------------------------------
// Logging Commands
//-----------------------------------------------------------------------
/**
 * Gets whether Actions Step Debug is on or not
 */
function isDebug() {
    return process.env['RUNNER_DEBUG'] === '1';
}
/**
 * Writes debug message to user log
 * @param message debug message
 */
function debug(message) {
    issueCommand('debug', {}, message);
}
/**
 * Adds an error issue
 * @param message error issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function error(message, properties = {}) {
    issueCommand('error', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a warning issue
 * @param message warning issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function warning(message, properties = {}) {
    issueCommand('warning', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a notice issue
 * @param message notice issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function notice(message, properties = {}) {
    issueCommand('notice', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Writes info to log with console.log.
 * @param message info message
 */
function info(message) {
    process.stdout.write(message + external_os_.EOL);
}
/**
 * Begin an output group.
 *
 * Output until the next `groupEnd` will be foldable in this group
 *
 * @param name The name of the output group
 */
function startGroup(name) {
    issue('group', name);
}
/**
 * End an output group.
 */
function endGroup() {
    issue('endgroup');
}
/**
 * Wrap an asynchronous function call in a group.
 *
 * Returns the same type as the function itself.
 *
 * @param name The name of the group
 * @param fn The function to wrap in the group
 */
function group(name, fn) {
    return core_awaiter(this, void 0, void 0, function* () {
        startGroup(name);
        let result;
        try {
            result = yield fn();
        }
        finally {
            endGroup();
        }
        return result;
    });
}
//-----------------------------------------------------------------------
// Wrapper action state
//-----------------------------------------------------------------------
/**
 * Saves state for current action, the state can only be retrieved by this action's post job execution.
 *
 * @param     name     name of the state to store
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function saveState(name, value) {
    const filePath = process.env['GITHUB_STATE'] || '';
    if (filePath) {
        return issueFileCommand('STATE', prepareKeyValueMessage(name, value));
    }
    issueCommand('save-state', { name }, toCommandValue(value));
}
/**
 * Gets the value of an state set by this action's main execution.
 *
 * @param     name     name of the state to get
 * @returns   string
 */
function getState(name) {
    return process.env[`STATE_${name}`] || '';
}
function getIDToken(aud) {
    return core_awaiter(this, void 0, void 0, function* () {
        return yield OidcClient.getIDToken(aud);
    });
}
/**
 * Summary exports
 */

/**
 * @deprecated use core.summary
 */

/**
 * Path exports
 */

/**
 * Platform utilities exports
 */

//# sourceMappingURL=core.js.map

/***/ }),

/***/ 5260:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

// ESM COMPAT FLAG
__nccwpck_require__.r(__webpack_exports__);

// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  exec: () => (/* binding */ exec),
  getExecOutput: () => (/* binding */ getExecOutput)
});

// EXTERNAL MODULE: external "string_decoder"
var external_string_decoder_ = __nccwpck_require__(3193);
// EXTERNAL MODULE: external "os"
var external_os_ = __nccwpck_require__(857);
// EXTERNAL MODULE: external "events"
var external_events_ = __nccwpck_require__(4434);
// EXTERNAL MODULE: external "child_process"
var external_child_process_ = __nccwpck_require__(5317);
// EXTERNAL MODULE: external "path"
var external_path_ = __nccwpck_require__(6928);
// EXTERNAL MODULE: ./node_modules/@actions/io/lib/io.js
var io = __nccwpck_require__(8701);
// EXTERNAL MODULE: ./node_modules/@actions/io/lib/io-util.js
var io_util = __nccwpck_require__(90);
;// CONCATENATED MODULE: external "timers"
const external_timers_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");
;// CONCATENATED MODULE: ./node_modules/@actions/exec/lib/toolrunner.js
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};







/* eslint-disable @typescript-eslint/unbound-method */
const IS_WINDOWS = process.platform === 'win32';
/*
 * Class for running command line tools. Handles quoting and arg parsing in a platform agnostic way.
 */
class ToolRunner extends external_events_.EventEmitter {
    constructor(toolPath, args, options) {
        super();
        if (!toolPath) {
            throw new Error("Parameter 'toolPath' cannot be null or empty.");
        }
        this.toolPath = toolPath;
        this.args = args || [];
        this.options = options || {};
    }
    _debug(message) {
        if (this.options.listeners && this.options.listeners.debug) {
            this.options.listeners.debug(message);
        }
    }
    _getCommandString(options, noPrefix) {
        const toolPath = this._getSpawnFileName();
        const args = this._getSpawnArgs(options);
        let cmd = noPrefix ? '' : '[command]'; // omit prefix when piped to a second tool
        if (IS_WINDOWS) {
            // Windows + cmd file
            if (this._isCmdFile()) {
                cmd += toolPath;
                for (const a of args) {
                    cmd += ` ${a}`;
                }
            }
            // Windows + verbatim
            else if (options.windowsVerbatimArguments) {
                cmd += `"${toolPath}"`;
                for (const a of args) {
                    cmd += ` ${a}`;
                }
            }
            // Windows (regular)
            else {
                cmd += this._windowsQuoteCmdArg(toolPath);
                for (const a of args) {
                    cmd += ` ${this._windowsQuoteCmdArg(a)}`;
                }
            }
        }
        else {
            // OSX/Linux - this can likely be improved with some form of quoting.
            // creating processes on Unix is fundamentally different than Windows.
            // on Unix, execvp() takes an arg array.
            cmd += toolPath;
            for (const a of args) {
                cmd += ` ${a}`;
            }
        }
        return cmd;
    }
    _processLineBuffer(data, strBuffer, onLine) {
        try {
            let s = strBuffer + data.toString();
            let n = s.indexOf(external_os_.EOL);
            while (n > -1) {
                const line = s.substring(0, n);
                onLine(line);
                // the rest of the string ...
                s = s.substring(n + external_os_.EOL.length);
                n = s.indexOf(external_os_.EOL);
            }
            return s;
        }
        catch (err) {
            // streaming lines to console is best effort.  Don't fail a build.
            this._debug(`error processing line. Failed with error ${err}`);
            return '';
        }
    }
    _getSpawnFileName() {
        if (IS_WINDOWS) {
            if (this._isCmdFile()) {
                return process.env['COMSPEC'] || 'cmd.exe';
            }
        }
        return this.toolPath;
    }
    _getSpawnArgs(options) {
        if (IS_WINDOWS) {
            if (this._isCmdFile()) {
                let argline = `/D /S /C "${this._windowsQuoteCmdArg(this.toolPath)}`;
                for (const a of this.args) {
                    argline += ' ';
                    argline += options.windowsVerbatimArguments
                        ? a
                        : this._windowsQuoteCmdArg(a);
                }
                argline += '"';
                return [argline];
            }
        }
        return this.args;
    }
    _endsWith(str, end) {
        return str.endsWith(end);
    }
    _isCmdFile() {
        const upperToolPath = this.toolPath.toUpperCase();
        return (this._endsWith(upperToolPath, '.CMD') ||
            this._endsWith(upperToolPath, '.BAT'));
    }
    _windowsQuoteCmdArg(arg) {
        // for .exe, apply the normal quoting rules that libuv applies
        if (!this._isCmdFile()) {
            return this._uvQuoteCmdArg(arg);
        }
        // otherwise apply quoting rules specific to the cmd.exe command line parser.
        // the libuv rules are generic and are not designed specifically for cmd.exe
        // command line parser.
        //
        // for a detailed description of the cmd.exe command line parser, refer to
        // http://stackoverflow.com/questions/4094699/how-does-the-windows-command-interpreter-cmd-exe-parse-scripts/7970912#7970912
        // need quotes for empty arg
        if (!arg) {
            return '""';
        }
        // determine whether the arg needs to be quoted
        const cmdSpecialChars = [
            ' ',
            '\t',
            '&',
            '(',
            ')',
            '[',
            ']',
            '{',
            '}',
            '^',
            '=',
            ';',
            '!',
            "'",
            '+',
            ',',
            '`',
            '~',
            '|',
            '<',
            '>',
            '"'
        ];
        let needsQuotes = false;
        for (const char of arg) {
            if (cmdSpecialChars.some(x => x === char)) {
                needsQuotes = true;
                break;
            }
        }
        // short-circuit if quotes not needed
        if (!needsQuotes) {
            return arg;
        }
        // the following quoting rules are very similar to the rules that by libuv applies.
        //
        // 1) wrap the string in quotes
        //
        // 2) double-up quotes - i.e. " => ""
        //
        //    this is different from the libuv quoting rules. libuv replaces " with \", which unfortunately
        //    doesn't work well with a cmd.exe command line.
        //
        //    note, replacing " with "" also works well if the arg is passed to a downstream .NET console app.
        //    for example, the command line:
        //          foo.exe "myarg:""my val"""
        //    is parsed by a .NET console app into an arg array:
        //          [ "myarg:\"my val\"" ]
        //    which is the same end result when applying libuv quoting rules. although the actual
        //    command line from libuv quoting rules would look like:
        //          foo.exe "myarg:\"my val\""
        //
        // 3) double-up slashes that precede a quote,
        //    e.g.  hello \world    => "hello \world"
        //          hello\"world    => "hello\\""world"
        //          hello\\"world   => "hello\\\\""world"
        //          hello world\    => "hello world\\"
        //
        //    technically this is not required for a cmd.exe command line, or the batch argument parser.
        //    the reasons for including this as a .cmd quoting rule are:
        //
        //    a) this is optimized for the scenario where the argument is passed from the .cmd file to an
        //       external program. many programs (e.g. .NET console apps) rely on the slash-doubling rule.
        //
        //    b) it's what we've been doing previously (by deferring to node default behavior) and we
        //       haven't heard any complaints about that aspect.
        //
        // note, a weakness of the quoting rules chosen here, is that % is not escaped. in fact, % cannot be
        // escaped when used on the command line directly - even though within a .cmd file % can be escaped
        // by using %%.
        //
        // the saving grace is, on the command line, %var% is left as-is if var is not defined. this contrasts
        // the line parsing rules within a .cmd file, where if var is not defined it is replaced with nothing.
        //
        // one option that was explored was replacing % with ^% - i.e. %var% => ^%var^%. this hack would
        // often work, since it is unlikely that var^ would exist, and the ^ character is removed when the
        // variable is used. the problem, however, is that ^ is not removed when %* is used to pass the args
        // to an external program.
        //
        // an unexplored potential solution for the % escaping problem, is to create a wrapper .cmd file.
        // % can be escaped within a .cmd file.
        let reverse = '"';
        let quoteHit = true;
        for (let i = arg.length; i > 0; i--) {
            // walk the string in reverse
            reverse += arg[i - 1];
            if (quoteHit && arg[i - 1] === '\\') {
                reverse += '\\'; // double the slash
            }
            else if (arg[i - 1] === '"') {
                quoteHit = true;
                reverse += '"'; // double the quote
            }
            else {
                quoteHit = false;
            }
        }
        reverse += '"';
        return reverse.split('').reverse().join('');
    }
    _uvQuoteCmdArg(arg) {
        // Tool runner wraps child_process.spawn() and needs to apply the same quoting as
        // Node in certain cases where the undocumented spawn option windowsVerbatimArguments
        // is used.
        //
        // Since this function is a port of quote_cmd_arg from Node 4.x (technically, lib UV,
        // see https://github.com/nodejs/node/blob/v4.x/deps/uv/src/win/process.c for details),
        // pasting copyright notice from Node within this function:
        //
        //      Copyright Joyent, Inc. and other Node contributors. All rights reserved.
        //
        //      Permission is hereby granted, free of charge, to any person obtaining a copy
        //      of this software and associated documentation files (the "Software"), to
        //      deal in the Software without restriction, including without limitation the
        //      rights to use, copy, modify, merge, publish, distribute, sublicense, and/or
        //      sell copies of the Software, and to permit persons to whom the Software is
        //      furnished to do so, subject to the following conditions:
        //
        //      The above copyright notice and this permission notice shall be included in
        //      all copies or substantial portions of the Software.
        //
        //      THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
        //      IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
        //      FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
        //      AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
        //      LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING
        //      FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS
        //      IN THE SOFTWARE.
        if (!arg) {
            // Need double quotation for empty argument
            return '""';
        }
        if (!arg.includes(' ') && !arg.includes('\t') && !arg.includes('"')) {
            // No quotation needed
            return arg;
        }
        if (!arg.includes('"') && !arg.includes('\\')) {
            // No embedded double quotes or backslashes, so I can just wrap
            // quote marks around the whole thing.
            return `"${arg}"`;
        }
        // Expected input/output:
        //   input : hello"world
        //   output: "hello\"world"
        //   input : hello""world
        //   output: "hello\"\"world"
        //   input : hello\world
        //   output: hello\world
        //   input : hello\\world
        //   output: hello\\world
        //   input : hello\"world
        //   output: "hello\\\"world"
        //   input : hello\\"world
        //   output: "hello\\\\\"world"
        //   input : hello world\
        //   output: "hello world\\" - note the comment in libuv actually reads "hello world\"
        //                             but it appears the comment is wrong, it should be "hello world\\"
        let reverse = '"';
        let quoteHit = true;
        for (let i = arg.length; i > 0; i--) {
            // walk the string in reverse
            reverse += arg[i - 1];
            if (quoteHit && arg[i - 1] === '\\') {
                reverse += '\\';
            }
            else if (arg[i - 1] === '"') {
                quoteHit = true;
                reverse += '\\';
            }
            else {
                quoteHit = false;
            }
        }
        reverse += '"';
        return reverse.split('').reverse().join('');
    }
    _cloneExecOptions(options) {
        options = options || {};
        const result = {
            cwd: options.cwd || process.cwd(),
            env: options.env || process.env,
            silent: options.silent || false,
            windowsVerbatimArguments: options.windowsVerbatimArguments || false,
            failOnStdErr: options.failOnStdErr || false,
            ignoreReturnCode: options.ignoreReturnCode || false,
            delay: options.delay || 10000
        };
        result.outStream = options.outStream || process.stdout;
        result.errStream = options.errStream || process.stderr;
        return result;
    }
    _getSpawnOptions(options, toolPath) {
        options = options || {};
        const result = {};
        result.cwd = options.cwd;
        result.env = options.env;
        result['windowsVerbatimArguments'] =
            options.windowsVerbatimArguments || this._isCmdFile();
        if (options.windowsVerbatimArguments) {
            result.argv0 = `"${toolPath}"`;
        }
        return result;
    }
    /**
     * Exec a tool.
     * Output will be streamed to the live console.
     * Returns promise with return code
     *
     * @param     tool     path to tool to exec
     * @param     options  optional exec options.  See ExecOptions
     * @returns   number
     */
    exec() {
        return __awaiter(this, void 0, void 0, function* () {
            // root the tool path if it is unrooted and contains relative pathing
            if (!io_util/* isRooted */.Qh(this.toolPath) &&
                (this.toolPath.includes('/') ||
                    (IS_WINDOWS && this.toolPath.includes('\\')))) {
                // prefer options.cwd if it is specified, however options.cwd may also need to be rooted
                this.toolPath = external_path_.resolve(process.cwd(), this.options.cwd || process.cwd(), this.toolPath);
            }
            // if the tool is only a file name, then resolve it from the PATH
            // otherwise verify it exists (add extension on Windows if necessary)
            this.toolPath = yield io/* which */.K7(this.toolPath, true);
            return new Promise((resolve, reject) => __awaiter(this, void 0, void 0, function* () {
                this._debug(`exec tool: ${this.toolPath}`);
                this._debug('arguments:');
                for (const arg of this.args) {
                    this._debug(`   ${arg}`);
                }
                const optionsNonNull = this._cloneExecOptions(this.options);
                if (!optionsNonNull.silent && optionsNonNull.outStream) {
                    optionsNonNull.outStream.write(this._getCommandString(optionsNonNull) + external_os_.EOL);
                }
                const state = new ExecState(optionsNonNull, this.toolPath);
                state.on('debug', (message) => {
                    this._debug(message);
                });
                if (this.options.cwd && !(yield io_util/* exists */.t2(this.options.cwd))) {
                    return reject(new Error(`The cwd: ${this.options.cwd} does not exist!`));
                }
                const fileName = this._getSpawnFileName();
                const cp = external_child_process_.spawn(fileName, this._getSpawnArgs(optionsNonNull), this._getSpawnOptions(this.options, fileName));
                let stdbuffer = '';
                if (cp.stdout) {
                    cp.stdout.on('data', (data) => {
                        if (this.options.listeners && this.options.listeners.stdout) {
                            this.options.listeners.stdout(data);
                        }
                        if (!optionsNonNull.silent && optionsNonNull.outStream) {
                            optionsNonNull.outStream.write(data);
                        }
                        stdbuffer = this._processLineBuffer(data, stdbuffer, (line) => {
                            if (this.options.listeners && this.options.listeners.stdline) {
                                this.options.listeners.stdline(line);
                            }
                        });
                    });
                }
                let errbuffer = '';
                if (cp.stderr) {
                    cp.stderr.on('data', (data) => {
                        state.processStderr = true;
                        if (this.options.listeners && this.options.listeners.stderr) {
                            this.options.listeners.stderr(data);
                        }
                        if (!optionsNonNull.silent &&
                            optionsNonNull.errStream &&
                            optionsNonNull.outStream) {
                            const s = optionsNonNull.failOnStdErr
                                ? optionsNonNull.errStream
                                : optionsNonNull.outStream;
                            s.write(data);
                        }
                        errbuffer = this._processLineBuffer(data, errbuffer, (line) => {
                            if (this.options.listeners && this.options.listeners.errline) {
                                this.options.listeners.errline(line);
                            }
                        });
                    });
                }
                cp.on('error', (err) => {
                    state.processError = err.message;
                    state.processExited = true;
                    state.processClosed = true;
                    state.CheckComplete();
                });
                cp.on('exit', (code) => {
                    state.processExitCode = code;
                    state.processExited = true;
                    this._debug(`Exit code ${code} received from tool '${this.toolPath}'`);
                    state.CheckComplete();
                });
                cp.on('close', (code) => {
                    state.processExitCode = code;
                    state.processExited = true;
                    state.processClosed = true;
                    this._debug(`STDIO streams have closed for tool '${this.toolPath}'`);
                    state.CheckComplete();
                });
                state.on('done', (error, exitCode) => {
                    if (stdbuffer.length > 0) {
                        this.emit('stdline', stdbuffer);
                    }
                    if (errbuffer.length > 0) {
                        this.emit('errline', errbuffer);
                    }
                    cp.removeAllListeners();
                    if (error) {
                        reject(error);
                    }
                    else {
                        resolve(exitCode);
                    }
                });
                if (this.options.input) {
                    if (!cp.stdin) {
                        throw new Error('child process missing stdin');
                    }
                    cp.stdin.end(this.options.input);
                }
            }));
        });
    }
}
/**
 * Convert an arg string to an array of args. Handles escaping
 *
 * @param    argString   string of arguments
 * @returns  string[]    array of arguments
 */
function argStringToArray(argString) {
    const args = [];
    let inQuotes = false;
    let escaped = false;
    let arg = '';
    function append(c) {
        // we only escape double quotes.
        if (escaped && c !== '"') {
            arg += '\\';
        }
        arg += c;
        escaped = false;
    }
    for (let i = 0; i < argString.length; i++) {
        const c = argString.charAt(i);
        if (c === '"') {
            if (!escaped) {
                inQuotes = !inQuotes;
            }
            else {
                append(c);
            }
            continue;
        }
        if (c === '\\' && escaped) {
            append(c);
            continue;
        }
        if (c === '\\' && inQuotes) {
            escaped = true;
            continue;
        }
        if (c === ' ' && !inQuotes) {
            if (arg.length > 0) {
                args.push(arg);
                arg = '';
            }
            continue;
        }
        append(c);
    }
    if (arg.length > 0) {
        args.push(arg.trim());
    }
    return args;
}
class ExecState extends external_events_.EventEmitter {
    constructor(options, toolPath) {
        super();
        this.processClosed = false; // tracks whether the process has exited and stdio is closed
        this.processError = '';
        this.processExitCode = 0;
        this.processExited = false; // tracks whether the process has exited
        this.processStderr = false; // tracks whether stderr was written to
        this.delay = 10000; // 10 seconds
        this.done = false;
        this.timeout = null;
        if (!toolPath) {
            throw new Error('toolPath must not be empty');
        }
        this.options = options;
        this.toolPath = toolPath;
        if (options.delay) {
            this.delay = options.delay;
        }
    }
    CheckComplete() {
        if (this.done) {
            return;
        }
        if (this.processClosed) {
            this._setResult();
        }
        else if (this.processExited) {
            this.timeout = (0,external_timers_namespaceObject.setTimeout)(ExecState.HandleTimeout, this.delay, this);
        }
    }
    _debug(message) {
        this.emit('debug', message);
    }
    _setResult() {
        // determine whether there is an error
        let error;
        if (this.processExited) {
            if (this.processError) {
                error = new Error(`There was an error when attempting to execute the process '${this.toolPath}'. This may indicate the process failed to start. Error: ${this.processError}`);
            }
            else if (this.processExitCode !== 0 && !this.options.ignoreReturnCode) {
                error = new Error(`The process '${this.toolPath}' failed with exit code ${this.processExitCode}`);
            }
            else if (this.processStderr && this.options.failOnStdErr) {
                error = new Error(`The process '${this.toolPath}' failed because one or more lines were written to the STDERR stream`);
            }
        }
        // clear the timeout
        if (this.timeout) {
            clearTimeout(this.timeout);
            this.timeout = null;
        }
        this.done = true;
        this.emit('done', error, this.processExitCode);
    }
    static HandleTimeout(state) {
        if (state.done) {
            return;
        }
        if (!state.processClosed && state.processExited) {
            const message = `The STDIO streams did not close within ${state.delay / 1000} seconds of the exit event from process '${state.toolPath}'. This may indicate a child process inherited the STDIO streams and has not yet exited.`;
            state._debug(message);
        }
        state._setResult();
    }
}
//# sourceMappingURL=toolrunner.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/exec/lib/exec.js
var exec_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


/**
 * Exec a command.
 * Output will be streamed to the live console.
 * Returns promise with return code
 *
 * @param     commandLine        command to execute (can include additional args). Must be correctly escaped.
 * @param     args               optional arguments for tool. Escaping is handled by the lib.
 * @param     options            optional exec options.  See ExecOptions
 * @returns   Promise<number>    exit code
 */
function exec(commandLine, args, options) {
    return exec_awaiter(this, void 0, void 0, function* () {
        const commandArgs = argStringToArray(commandLine);
        if (commandArgs.length === 0) {
            throw new Error(`Parameter 'commandLine' cannot be null or empty.`);
        }
        // Path to tool to execute should be first arg
        const toolPath = commandArgs[0];
        args = commandArgs.slice(1).concat(args || []);
        const runner = new ToolRunner(toolPath, args, options);
        return runner.exec();
    });
}
/**
 * Exec a command and get the output.
 * Output will be streamed to the live console.
 * Returns promise with the exit code and collected stdout and stderr
 *
 * @param     commandLine           command to execute (can include additional args). Must be correctly escaped.
 * @param     args                  optional arguments for tool. Escaping is handled by the lib.
 * @param     options               optional exec options.  See ExecOptions
 * @returns   Promise<ExecOutput>   exit code, stdout, and stderr
 */
function getExecOutput(commandLine, args, options) {
    return exec_awaiter(this, void 0, void 0, function* () {
        var _a, _b;
        let stdout = '';
        let stderr = '';
        //Using string decoder covers the case where a mult-byte character is split
        const stdoutDecoder = new external_string_decoder_.StringDecoder('utf8');
        const stderrDecoder = new external_string_decoder_.StringDecoder('utf8');
        const originalStdoutListener = (_a = options === null || options === void 0 ? void 0 : options.listeners) === null || _a === void 0 ? void 0 : _a.stdout;
        const originalStdErrListener = (_b = options === null || options === void 0 ? void 0 : options.listeners) === null || _b === void 0 ? void 0 : _b.stderr;
        const stdErrListener = (data) => {
            stderr += stderrDecoder.write(data);
            if (originalStdErrListener) {
                originalStdErrListener(data);
            }
        };
        const stdOutListener = (data) => {
            stdout += stdoutDecoder.write(data);
            if (originalStdoutListener) {
                originalStdoutListener(data);
            }
        };
        const listeners = Object.assign(Object.assign({}, options === null || options === void 0 ? void 0 : options.listeners), { stdout: stdOutListener, stderr: stdErrListener });
        const exitCode = yield exec(commandLine, args, Object.assign(Object.assign({}, options), { listeners }));
        //flush any remaining characters
        stdout += stdoutDecoder.end();
        stderr += stderrDecoder.end();
        return {
            exitCode,
            stdout,
            stderr
        };
    });
}
//# sourceMappingURL=exec.js.map

/***/ }),

/***/ 4942:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

// ESM COMPAT FLAG
__nccwpck_require__.r(__webpack_exports__);

// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Headers: () => (/* binding */ Headers),
  HttpClient: () => (/* binding */ HttpClient),
  HttpClientError: () => (/* binding */ HttpClientError),
  HttpClientResponse: () => (/* binding */ HttpClientResponse),
  HttpCodes: () => (/* binding */ HttpCodes),
  MediaTypes: () => (/* binding */ MediaTypes),
  getProxyUrl: () => (/* binding */ lib_getProxyUrl),
  isHttps: () => (/* binding */ isHttps)
});

// EXTERNAL MODULE: external "http"
var external_http_ = __nccwpck_require__(8611);
var external_http_namespaceObject = /*#__PURE__*/__nccwpck_require__.t(external_http_, 2);
// EXTERNAL MODULE: external "https"
var external_https_ = __nccwpck_require__(5692);
var external_https_namespaceObject = /*#__PURE__*/__nccwpck_require__.t(external_https_, 2);
;// CONCATENATED MODULE: ./node_modules/@actions/http-client/lib/proxy.js
function getProxyUrl(reqUrl) {
    const usingSsl = reqUrl.protocol === 'https:';
    if (checkBypass(reqUrl)) {
        return undefined;
    }
    const proxyVar = (() => {
        if (usingSsl) {
            return process.env['https_proxy'] || process.env['HTTPS_PROXY'];
        }
        else {
            return process.env['http_proxy'] || process.env['HTTP_PROXY'];
        }
    })();
    if (proxyVar) {
        try {
            return new DecodedURL(proxyVar);
        }
        catch (_a) {
            if (!proxyVar.startsWith('http://') && !proxyVar.startsWith('https://'))
                return new DecodedURL(`http://${proxyVar}`);
        }
    }
    else {
        return undefined;
    }
}
function checkBypass(reqUrl) {
    if (!reqUrl.hostname) {
        return false;
    }
    const reqHost = reqUrl.hostname;
    if (isLoopbackAddress(reqHost)) {
        return true;
    }
    const noProxy = process.env['no_proxy'] || process.env['NO_PROXY'] || '';
    if (!noProxy) {
        return false;
    }
    // Determine the request port
    let reqPort;
    if (reqUrl.port) {
        reqPort = Number(reqUrl.port);
    }
    else if (reqUrl.protocol === 'http:') {
        reqPort = 80;
    }
    else if (reqUrl.protocol === 'https:') {
        reqPort = 443;
    }
    // Format the request hostname and hostname with port
    const upperReqHosts = [reqUrl.hostname.toUpperCase()];
    if (typeof reqPort === 'number') {
        upperReqHosts.push(`${upperReqHosts[0]}:${reqPort}`);
    }
    // Compare request host against noproxy
    for (const upperNoProxyItem of noProxy
        .split(',')
        .map(x => x.trim().toUpperCase())
        .filter(x => x)) {
        if (upperNoProxyItem === '*' ||
            upperReqHosts.some(x => x === upperNoProxyItem ||
                x.endsWith(`.${upperNoProxyItem}`) ||
                (upperNoProxyItem.startsWith('.') &&
                    x.endsWith(`${upperNoProxyItem}`)))) {
            return true;
        }
    }
    return false;
}
function isLoopbackAddress(host) {
    const hostLower = host.toLowerCase();
    return (hostLower === 'localhost' ||
        hostLower.startsWith('127.') ||
        hostLower.startsWith('[::1]') ||
        hostLower.startsWith('[0:0:0:0:0:0:0:1]'));
}
class DecodedURL extends URL {
    constructor(url, base) {
        super(url, base);
        this._decodedUsername = decodeURIComponent(super.username);
        this._decodedPassword = decodeURIComponent(super.password);
    }
    get username() {
        return this._decodedUsername;
    }
    get password() {
        return this._decodedPassword;
    }
}
//# sourceMappingURL=proxy.js.map
// EXTERNAL MODULE: ./node_modules/tunnel/index.js
var tunnel = __nccwpck_require__(770);
// EXTERNAL MODULE: ./src/vendor/undici-lazy.ts
var undici_lazy = __nccwpck_require__(9363);
;// CONCATENATED MODULE: ./node_modules/@actions/http-client/lib/index.js
/* eslint-disable @typescript-eslint/no-explicit-any */
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};





var HttpCodes;
(function (HttpCodes) {
    HttpCodes[HttpCodes["OK"] = 200] = "OK";
    HttpCodes[HttpCodes["MultipleChoices"] = 300] = "MultipleChoices";
    HttpCodes[HttpCodes["MovedPermanently"] = 301] = "MovedPermanently";
    HttpCodes[HttpCodes["ResourceMoved"] = 302] = "ResourceMoved";
    HttpCodes[HttpCodes["SeeOther"] = 303] = "SeeOther";
    HttpCodes[HttpCodes["NotModified"] = 304] = "NotModified";
    HttpCodes[HttpCodes["UseProxy"] = 305] = "UseProxy";
    HttpCodes[HttpCodes["SwitchProxy"] = 306] = "SwitchProxy";
    HttpCodes[HttpCodes["TemporaryRedirect"] = 307] = "TemporaryRedirect";
    HttpCodes[HttpCodes["PermanentRedirect"] = 308] = "PermanentRedirect";
    HttpCodes[HttpCodes["BadRequest"] = 400] = "BadRequest";
    HttpCodes[HttpCodes["Unauthorized"] = 401] = "Unauthorized";
    HttpCodes[HttpCodes["PaymentRequired"] = 402] = "PaymentRequired";
    HttpCodes[HttpCodes["Forbidden"] = 403] = "Forbidden";
    HttpCodes[HttpCodes["NotFound"] = 404] = "NotFound";
    HttpCodes[HttpCodes["MethodNotAllowed"] = 405] = "MethodNotAllowed";
    HttpCodes[HttpCodes["NotAcceptable"] = 406] = "NotAcceptable";
    HttpCodes[HttpCodes["ProxyAuthenticationRequired"] = 407] = "ProxyAuthenticationRequired";
    HttpCodes[HttpCodes["RequestTimeout"] = 408] = "RequestTimeout";
    HttpCodes[HttpCodes["Conflict"] = 409] = "Conflict";
    HttpCodes[HttpCodes["Gone"] = 410] = "Gone";
    HttpCodes[HttpCodes["TooManyRequests"] = 429] = "TooManyRequests";
    HttpCodes[HttpCodes["InternalServerError"] = 500] = "InternalServerError";
    HttpCodes[HttpCodes["NotImplemented"] = 501] = "NotImplemented";
    HttpCodes[HttpCodes["BadGateway"] = 502] = "BadGateway";
    HttpCodes[HttpCodes["ServiceUnavailable"] = 503] = "ServiceUnavailable";
    HttpCodes[HttpCodes["GatewayTimeout"] = 504] = "GatewayTimeout";
})(HttpCodes || (HttpCodes = {}));
var Headers;
(function (Headers) {
    Headers["Accept"] = "accept";
    Headers["ContentType"] = "content-type";
})(Headers || (Headers = {}));
var MediaTypes;
(function (MediaTypes) {
    MediaTypes["ApplicationJson"] = "application/json";
})(MediaTypes || (MediaTypes = {}));
/**
 * Returns the proxy URL, depending upon the supplied url and proxy environment variables.
 * @param serverUrl  The server URL where the request will be sent. For example, https://api.github.com
 */
function lib_getProxyUrl(serverUrl) {
    const proxyUrl = getProxyUrl(new URL(serverUrl));
    return proxyUrl ? proxyUrl.href : '';
}
const HttpRedirectCodes = [
    HttpCodes.MovedPermanently,
    HttpCodes.ResourceMoved,
    HttpCodes.SeeOther,
    HttpCodes.TemporaryRedirect,
    HttpCodes.PermanentRedirect
];
const HttpResponseRetryCodes = [
    HttpCodes.BadGateway,
    HttpCodes.ServiceUnavailable,
    HttpCodes.GatewayTimeout
];
const RetryableHttpVerbs = ['OPTIONS', 'GET', 'DELETE', 'HEAD'];
const ExponentialBackoffCeiling = 10;
const ExponentialBackoffTimeSlice = 5;
class HttpClientError extends Error {
    constructor(message, statusCode) {
        super(message);
        this.name = 'HttpClientError';
        this.statusCode = statusCode;
        Object.setPrototypeOf(this, HttpClientError.prototype);
    }
}
class HttpClientResponse {
    constructor(message) {
        this.message = message;
    }
    readBody() {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve) => __awaiter(this, void 0, void 0, function* () {
                let output = Buffer.alloc(0);
                this.message.on('data', (chunk) => {
                    output = Buffer.concat([output, chunk]);
                });
                this.message.on('end', () => {
                    resolve(output.toString());
                });
            }));
        });
    }
    readBodyBuffer() {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve) => __awaiter(this, void 0, void 0, function* () {
                const chunks = [];
                this.message.on('data', (chunk) => {
                    chunks.push(chunk);
                });
                this.message.on('end', () => {
                    resolve(Buffer.concat(chunks));
                });
            }));
        });
    }
}
function isHttps(requestUrl) {
    const parsedUrl = new URL(requestUrl);
    return parsedUrl.protocol === 'https:';
}
class HttpClient {
    constructor(userAgent, handlers, requestOptions) {
        this._ignoreSslError = false;
        this._allowRedirects = true;
        this._allowRedirectDowngrade = false;
        this._maxRedirects = 50;
        this._allowRetries = false;
        this._maxRetries = 1;
        this._keepAlive = false;
        this._disposed = false;
        this.userAgent = this._getUserAgentWithOrchestrationId(userAgent);
        this.handlers = handlers || [];
        this.requestOptions = requestOptions;
        if (requestOptions) {
            if (requestOptions.ignoreSslError != null) {
                this._ignoreSslError = requestOptions.ignoreSslError;
            }
            this._socketTimeout = requestOptions.socketTimeout;
            if (requestOptions.allowRedirects != null) {
                this._allowRedirects = requestOptions.allowRedirects;
            }
            if (requestOptions.allowRedirectDowngrade != null) {
                this._allowRedirectDowngrade = requestOptions.allowRedirectDowngrade;
            }
            if (requestOptions.maxRedirects != null) {
                this._maxRedirects = Math.max(requestOptions.maxRedirects, 0);
            }
            if (requestOptions.keepAlive != null) {
                this._keepAlive = requestOptions.keepAlive;
            }
            if (requestOptions.allowRetries != null) {
                this._allowRetries = requestOptions.allowRetries;
            }
            if (requestOptions.maxRetries != null) {
                this._maxRetries = requestOptions.maxRetries;
            }
        }
    }
    options(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('OPTIONS', requestUrl, null, additionalHeaders || {});
        });
    }
    get(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('GET', requestUrl, null, additionalHeaders || {});
        });
    }
    del(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('DELETE', requestUrl, null, additionalHeaders || {});
        });
    }
    post(requestUrl, data, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('POST', requestUrl, data, additionalHeaders || {});
        });
    }
    patch(requestUrl, data, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('PATCH', requestUrl, data, additionalHeaders || {});
        });
    }
    put(requestUrl, data, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('PUT', requestUrl, data, additionalHeaders || {});
        });
    }
    head(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('HEAD', requestUrl, null, additionalHeaders || {});
        });
    }
    sendStream(verb, requestUrl, stream, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request(verb, requestUrl, stream, additionalHeaders);
        });
    }
    /**
     * Gets a typed object from an endpoint
     * Be aware that not found returns a null.  Other errors (4xx, 5xx) reject the promise
     */
    getJson(requestUrl_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, additionalHeaders = {}) {
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            const res = yield this.get(requestUrl, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    postJson(requestUrl_1, obj_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
            const data = JSON.stringify(obj, null, 2);
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            additionalHeaders[Headers.ContentType] =
                this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
            const res = yield this.post(requestUrl, data, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    putJson(requestUrl_1, obj_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
            const data = JSON.stringify(obj, null, 2);
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            additionalHeaders[Headers.ContentType] =
                this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
            const res = yield this.put(requestUrl, data, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    patchJson(requestUrl_1, obj_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
            const data = JSON.stringify(obj, null, 2);
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            additionalHeaders[Headers.ContentType] =
                this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
            const res = yield this.patch(requestUrl, data, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    /**
     * Makes a raw http request.
     * All other methods such as get, post, patch, and request ultimately call this.
     * Prefer get, del, post and patch
     */
    request(verb, requestUrl, data, headers) {
        return __awaiter(this, void 0, void 0, function* () {
            if (this._disposed) {
                throw new Error('Client has already been disposed.');
            }
            const parsedUrl = new URL(requestUrl);
            let info = this._prepareRequest(verb, parsedUrl, headers);
            // Only perform retries on reads since writes may not be idempotent.
            const maxTries = this._allowRetries && RetryableHttpVerbs.includes(verb)
                ? this._maxRetries + 1
                : 1;
            let numTries = 0;
            let response;
            do {
                response = yield this.requestRaw(info, data);
                // Check if it's an authentication challenge
                if (response &&
                    response.message &&
                    response.message.statusCode === HttpCodes.Unauthorized) {
                    let authenticationHandler;
                    for (const handler of this.handlers) {
                        if (handler.canHandleAuthentication(response)) {
                            authenticationHandler = handler;
                            break;
                        }
                    }
                    if (authenticationHandler) {
                        return authenticationHandler.handleAuthentication(this, info, data);
                    }
                    else {
                        // We have received an unauthorized response but have no handlers to handle it.
                        // Let the response return to the caller.
                        return response;
                    }
                }
                let redirectsRemaining = this._maxRedirects;
                while (response.message.statusCode &&
                    HttpRedirectCodes.includes(response.message.statusCode) &&
                    this._allowRedirects &&
                    redirectsRemaining > 0) {
                    const redirectUrl = response.message.headers['location'];
                    if (!redirectUrl) {
                        // if there's no location to redirect to, we won't
                        break;
                    }
                    const parsedRedirectUrl = new URL(redirectUrl);
                    if (parsedUrl.protocol === 'https:' &&
                        parsedUrl.protocol !== parsedRedirectUrl.protocol &&
                        !this._allowRedirectDowngrade) {
                        throw new Error('Redirect from HTTPS to HTTP protocol. This downgrade is not allowed for security reasons. If you want to allow this behavior, set the allowRedirectDowngrade option to true.');
                    }
                    // we need to finish reading the response before reassigning response
                    // which will leak the open socket.
                    yield response.readBody();
                    // strip authorization header if redirected to a different hostname
                    if (parsedRedirectUrl.hostname !== parsedUrl.hostname) {
                        for (const header in headers) {
                            // header names are case insensitive
                            if (header.toLowerCase() === 'authorization') {
                                delete headers[header];
                            }
                        }
                    }
                    // let's make the request with the new redirectUrl
                    info = this._prepareRequest(verb, parsedRedirectUrl, headers);
                    response = yield this.requestRaw(info, data);
                    redirectsRemaining--;
                }
                if (!response.message.statusCode ||
                    !HttpResponseRetryCodes.includes(response.message.statusCode)) {
                    // If not a retry code, return immediately instead of retrying
                    return response;
                }
                numTries += 1;
                if (numTries < maxTries) {
                    yield response.readBody();
                    yield this._performExponentialBackoff(numTries);
                }
            } while (numTries < maxTries);
            return response;
        });
    }
    /**
     * Needs to be called if keepAlive is set to true in request options.
     */
    dispose() {
        if (this._agent) {
            this._agent.destroy();
        }
        this._disposed = true;
    }
    /**
     * Raw request.
     * @param info
     * @param data
     */
    requestRaw(info, data) {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve, reject) => {
                function callbackForResult(err, res) {
                    if (err) {
                        reject(err);
                    }
                    else if (!res) {
                        // If `err` is not passed, then `res` must be passed.
                        reject(new Error('Unknown error'));
                    }
                    else {
                        resolve(res);
                    }
                }
                this.requestRawWithCallback(info, data, callbackForResult);
            });
        });
    }
    /**
     * Raw request with callback.
     * @param info
     * @param data
     * @param onResult
     */
    requestRawWithCallback(info, data, onResult) {
        if (typeof data === 'string') {
            if (!info.options.headers) {
                info.options.headers = {};
            }
            info.options.headers['Content-Length'] = Buffer.byteLength(data, 'utf8');
        }
        let callbackCalled = false;
        function handleResult(err, res) {
            if (!callbackCalled) {
                callbackCalled = true;
                onResult(err, res);
            }
        }
        const req = info.httpModule.request(info.options, (msg) => {
            const res = new HttpClientResponse(msg);
            handleResult(undefined, res);
        });
        let socket;
        req.on('socket', sock => {
            socket = sock;
        });
        // If we ever get disconnected, we want the socket to timeout eventually
        req.setTimeout(this._socketTimeout || 3 * 60000, () => {
            if (socket) {
                socket.end();
            }
            handleResult(new Error(`Request timeout: ${info.options.path}`));
        });
        req.on('error', function (err) {
            // err has statusCode property
            // res should have headers
            handleResult(err);
        });
        if (data && typeof data === 'string') {
            req.write(data, 'utf8');
        }
        if (data && typeof data !== 'string') {
            data.on('close', function () {
                req.end();
            });
            data.pipe(req);
        }
        else {
            req.end();
        }
    }
    /**
     * Gets an http agent. This function is useful when you need an http agent that handles
     * routing through a proxy server - depending upon the url and proxy environment variables.
     * @param serverUrl  The server URL where the request will be sent. For example, https://api.github.com
     */
    getAgent(serverUrl) {
        const parsedUrl = new URL(serverUrl);
        return this._getAgent(parsedUrl);
    }
    getAgentDispatcher(serverUrl) {
        const parsedUrl = new URL(serverUrl);
        const proxyUrl = getProxyUrl(parsedUrl);
        const useProxy = proxyUrl && proxyUrl.hostname;
        if (!useProxy) {
            return;
        }
        return this._getProxyAgentDispatcher(parsedUrl, proxyUrl);
    }
    _prepareRequest(method, requestUrl, headers) {
        const info = {};
        info.parsedUrl = requestUrl;
        const usingSsl = info.parsedUrl.protocol === 'https:';
        info.httpModule = usingSsl ? external_https_namespaceObject : external_http_namespaceObject;
        const defaultPort = usingSsl ? 443 : 80;
        info.options = {};
        info.options.host = info.parsedUrl.hostname;
        info.options.port = info.parsedUrl.port
            ? parseInt(info.parsedUrl.port)
            : defaultPort;
        info.options.path =
            (info.parsedUrl.pathname || '') + (info.parsedUrl.search || '');
        info.options.method = method;
        info.options.headers = this._mergeHeaders(headers);
        if (this.userAgent != null) {
            info.options.headers['user-agent'] = this.userAgent;
        }
        info.options.agent = this._getAgent(info.parsedUrl);
        // gives handlers an opportunity to participate
        if (this.handlers) {
            for (const handler of this.handlers) {
                handler.prepareRequest(info.options);
            }
        }
        return info;
    }
    _mergeHeaders(headers) {
        if (this.requestOptions && this.requestOptions.headers) {
            return Object.assign({}, lowercaseKeys(this.requestOptions.headers), lowercaseKeys(headers || {}));
        }
        return lowercaseKeys(headers || {});
    }
    /**
     * Gets an existing header value or returns a default.
     * Handles converting number header values to strings since HTTP headers must be strings.
     * Note: This returns string | string[] since some headers can have multiple values.
     * For headers that must always be a single string (like Content-Type), use the
     * specialized _getExistingOrDefaultContentTypeHeader method instead.
     */
    _getExistingOrDefaultHeader(additionalHeaders, header, _default) {
        let clientHeader;
        if (this.requestOptions && this.requestOptions.headers) {
            const headerValue = lowercaseKeys(this.requestOptions.headers)[header];
            if (headerValue) {
                clientHeader =
                    typeof headerValue === 'number' ? headerValue.toString() : headerValue;
            }
        }
        const additionalValue = additionalHeaders[header];
        if (additionalValue !== undefined) {
            return typeof additionalValue === 'number'
                ? additionalValue.toString()
                : additionalValue;
        }
        if (clientHeader !== undefined) {
            return clientHeader;
        }
        return _default;
    }
    /**
     * Specialized version of _getExistingOrDefaultHeader for Content-Type header.
     * Always returns a single string (not an array) since Content-Type should be a single value.
     * Converts arrays to comma-separated strings and numbers to strings to ensure type safety.
     * This was split from _getExistingOrDefaultHeader to provide stricter typing for callers
     * that assign the result to places expecting a string (e.g., additionalHeaders[Headers.ContentType]).
     */
    _getExistingOrDefaultContentTypeHeader(additionalHeaders, _default) {
        let clientHeader;
        if (this.requestOptions && this.requestOptions.headers) {
            const headerValue = lowercaseKeys(this.requestOptions.headers)[Headers.ContentType];
            if (headerValue) {
                if (typeof headerValue === 'number') {
                    clientHeader = String(headerValue);
                }
                else if (Array.isArray(headerValue)) {
                    clientHeader = headerValue.join(', ');
                }
                else {
                    clientHeader = headerValue;
                }
            }
        }
        const additionalValue = additionalHeaders[Headers.ContentType];
        // Return the first non-undefined value, converting numbers or arrays to strings if necessary
        if (additionalValue !== undefined) {
            if (typeof additionalValue === 'number') {
                return String(additionalValue);
            }
            else if (Array.isArray(additionalValue)) {
                return additionalValue.join(', ');
            }
            else {
                return additionalValue;
            }
        }
        if (clientHeader !== undefined) {
            return clientHeader;
        }
        return _default;
    }
    _getAgent(parsedUrl) {
        let agent;
        const proxyUrl = getProxyUrl(parsedUrl);
        const useProxy = proxyUrl && proxyUrl.hostname;
        if (this._keepAlive && useProxy) {
            agent = this._proxyAgent;
        }
        if (!useProxy) {
            agent = this._agent;
        }
        // if agent is already assigned use that agent.
        if (agent) {
            return agent;
        }
        const usingSsl = parsedUrl.protocol === 'https:';
        let maxSockets = 100;
        if (this.requestOptions) {
            maxSockets = this.requestOptions.maxSockets || external_http_.globalAgent.maxSockets;
        }
        // This is `useProxy` again, but we need to check `proxyURl` directly for TypeScripts's flow analysis.
        if (proxyUrl && proxyUrl.hostname) {
            const agentOptions = {
                maxSockets,
                keepAlive: this._keepAlive,
                proxy: Object.assign(Object.assign({}, ((proxyUrl.username || proxyUrl.password) && {
                    proxyAuth: `${proxyUrl.username}:${proxyUrl.password}`
                })), { host: proxyUrl.hostname, port: proxyUrl.port })
            };
            let tunnelAgent;
            const overHttps = proxyUrl.protocol === 'https:';
            if (usingSsl) {
                tunnelAgent = overHttps ? tunnel.httpsOverHttps : tunnel.httpsOverHttp;
            }
            else {
                tunnelAgent = overHttps ? tunnel.httpOverHttps : tunnel.httpOverHttp;
            }
            agent = tunnelAgent(agentOptions);
            this._proxyAgent = agent;
        }
        // if tunneling agent isn't assigned create a new agent
        if (!agent) {
            const options = { keepAlive: this._keepAlive, maxSockets };
            agent = usingSsl ? new external_https_.Agent(options) : new external_http_.Agent(options);
            this._agent = agent;
        }
        if (usingSsl && this._ignoreSslError) {
            // we don't want to set NODE_TLS_REJECT_UNAUTHORIZED=0 since that will affect request for entire process
            // http.RequestOptions doesn't expose a way to modify RequestOptions.agent.options
            // we have to cast it to any and change it directly
            agent.options = Object.assign(agent.options || {}, {
                rejectUnauthorized: false
            });
        }
        return agent;
    }
    _getProxyAgentDispatcher(parsedUrl, proxyUrl) {
        let proxyAgent;
        if (this._keepAlive) {
            proxyAgent = this._proxyAgentDispatcher;
        }
        // if agent is already assigned use that agent.
        if (proxyAgent) {
            return proxyAgent;
        }
        const usingSsl = parsedUrl.protocol === 'https:';
        proxyAgent = new undici_lazy/* ProxyAgent */.kT(Object.assign({ uri: proxyUrl.href, pipelining: !this._keepAlive ? 0 : 1 }, ((proxyUrl.username || proxyUrl.password) && {
            token: `Basic ${Buffer.from(`${proxyUrl.username}:${proxyUrl.password}`).toString('base64')}`
        })));
        this._proxyAgentDispatcher = proxyAgent;
        if (usingSsl && this._ignoreSslError) {
            // we don't want to set NODE_TLS_REJECT_UNAUTHORIZED=0 since that will affect request for entire process
            // http.RequestOptions doesn't expose a way to modify RequestOptions.agent.options
            // we have to cast it to any and change it directly
            proxyAgent.options = Object.assign(proxyAgent.options.requestTls || {}, {
                rejectUnauthorized: false
            });
        }
        return proxyAgent;
    }
    _getUserAgentWithOrchestrationId(userAgent) {
        const baseUserAgent = userAgent || 'actions/http-client';
        const orchId = process.env['ACTIONS_ORCHESTRATION_ID'];
        if (orchId) {
            // Sanitize the orchestration ID to ensure it contains only valid characters
            // Valid characters: 0-9, a-z, _, -, .
            const sanitizedId = orchId.replace(/[^a-z0-9_.-]/gi, '_');
            return `${baseUserAgent} actions_orchestration_id/${sanitizedId}`;
        }
        return baseUserAgent;
    }
    _performExponentialBackoff(retryNumber) {
        return __awaiter(this, void 0, void 0, function* () {
            retryNumber = Math.min(ExponentialBackoffCeiling, retryNumber);
            const ms = ExponentialBackoffTimeSlice * Math.pow(2, retryNumber);
            return new Promise(resolve => setTimeout(() => resolve(), ms));
        });
    }
    _processResponse(res, options) {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve, reject) => __awaiter(this, void 0, void 0, function* () {
                const statusCode = res.message.statusCode || 0;
                const response = {
                    statusCode,
                    result: null,
                    headers: {}
                };
                // not found leads to null obj returned
                if (statusCode === HttpCodes.NotFound) {
                    resolve(response);
                }
                // get the result from the body
                function dateTimeDeserializer(key, value) {
                    if (typeof value === 'string') {
                        const a = new Date(value);
                        if (!isNaN(a.valueOf())) {
                            return a;
                        }
                    }
                    return value;
                }
                let obj;
                let contents;
                try {
                    contents = yield res.readBody();
                    if (contents && contents.length > 0) {
                        if (options && options.deserializeDates) {
                            obj = JSON.parse(contents, dateTimeDeserializer);
                        }
                        else {
                            obj = JSON.parse(contents);
                        }
                        response.result = obj;
                    }
                    response.headers = res.message.headers;
                }
                catch (err) {
                    // Invalid resource (contents not json);  leaving result obj null
                }
                // note that 3xx redirects are handled by the http layer.
                if (statusCode > 299) {
                    let msg;
                    // if exception/error in body, attempt to get better error
                    if (obj && obj.message) {
                        msg = obj.message;
                    }
                    else if (contents && contents.length > 0) {
                        // it may be the case that the exception is in the body message as string
                        msg = contents;
                    }
                    else {
                        msg = `Failed request: (${statusCode})`;
                    }
                    const err = new HttpClientError(msg, statusCode);
                    err.result = response.result;
                    reject(err);
                }
                else {
                    resolve(response);
                }
            }));
        });
    }
}
const lowercaseKeys = (obj) => Object.keys(obj).reduce((c, k) => ((c[k.toLowerCase()] = obj[k]), c), {});
//# sourceMappingURL=index.js.map

/***/ }),

/***/ 90:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $1: () => (/* binding */ lstat),
/* harmony export */   Ck: () => (/* binding */ mkdir),
/* harmony export */   Cy: () => (/* binding */ readdir),
/* harmony export */   H8: () => (/* binding */ IS_WINDOWS),
/* harmony export */   Qh: () => (/* binding */ isRooted),
/* harmony export */   YN: () => (/* binding */ symlink),
/* harmony export */   dJ: () => (/* binding */ stat),
/* harmony export */   h_: () => (/* binding */ readlink),
/* harmony export */   k6: () => (/* binding */ chmod),
/* harmony export */   m3: () => (/* binding */ copyFile),
/* harmony export */   rm: () => (/* binding */ rm),
/* harmony export */   t2: () => (/* binding */ exists),
/* harmony export */   vr: () => (/* binding */ tryGetExecutablePath),
/* harmony export */   y1: () => (/* binding */ unlink)
/* harmony export */ });
/* unused harmony exports open, rename, rmdir, UV_FS_O_EXLOCK, READONLY, isDirectory, getCmdPath */
/* harmony import */ var fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(9896);
/* harmony import */ var path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6928);
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const { chmod, copyFile, lstat, mkdir, open, readdir, rename, rm, rmdir, stat, symlink, unlink } = fs__WEBPACK_IMPORTED_MODULE_0__.promises;
// export const {open} = 'fs'
const IS_WINDOWS = process.platform === 'win32';
/**
 * Custom implementation of readlink to ensure Windows junctions
 * maintain trailing backslash for backward compatibility with Node.js < 24
 *
 * In Node.js 20, Windows junctions (directory symlinks) always returned paths
 * with trailing backslashes. Node.js 24 removed this behavior, which breaks
 * code that relied on this format for path operations.
 *
 * This implementation restores the Node 20 behavior by adding a trailing
 * backslash to all junction results on Windows.
 */
function readlink(fsPath) {
    return __awaiter(this, void 0, void 0, function* () {
        const result = yield fs__WEBPACK_IMPORTED_MODULE_0__.promises.readlink(fsPath);
        // On Windows, restore Node 20 behavior: add trailing backslash to all results
        // since junctions on Windows are always directory links
        if (IS_WINDOWS && !result.endsWith('\\')) {
            return `${result}\\`;
        }
        return result;
    });
}
// See https://github.com/nodejs/node/blob/d0153aee367422d0858105abec186da4dff0a0c5/deps/uv/include/uv/win.h#L691
const UV_FS_O_EXLOCK = 0x10000000;
const READONLY = fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_RDONLY;
function exists(fsPath) {
    return __awaiter(this, void 0, void 0, function* () {
        try {
            yield stat(fsPath);
        }
        catch (err) {
            if (err.code === 'ENOENT') {
                return false;
            }
            throw err;
        }
        return true;
    });
}
function isDirectory(fsPath_1) {
    return __awaiter(this, arguments, void 0, function* (fsPath, useStat = false) {
        const stats = useStat ? yield stat(fsPath) : yield lstat(fsPath);
        return stats.isDirectory();
    });
}
/**
 * On OSX/Linux, true if path starts with '/'. On Windows, true for paths like:
 * \, \hello, \\hello\share, C:, and C:\hello (and corresponding alternate separator cases).
 */
function isRooted(p) {
    p = normalizeSeparators(p);
    if (!p) {
        throw new Error('isRooted() parameter "p" cannot be empty');
    }
    if (IS_WINDOWS) {
        return (p.startsWith('\\') || /^[A-Z]:/i.test(p) // e.g. \ or \hello or \\hello
        ); // e.g. C: or C:\hello
    }
    return p.startsWith('/');
}
/**
 * Best effort attempt to determine whether a file exists and is executable.
 * @param filePath    file path to check
 * @param extensions  additional file extensions to try
 * @return if file exists and is executable, returns the file path. otherwise empty string.
 */
function tryGetExecutablePath(filePath, extensions) {
    return __awaiter(this, void 0, void 0, function* () {
        let stats = undefined;
        try {
            // test file exists
            stats = yield stat(filePath);
        }
        catch (err) {
            if (err.code !== 'ENOENT') {
                // eslint-disable-next-line no-console
                console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
            }
        }
        if (stats && stats.isFile()) {
            if (IS_WINDOWS) {
                // on Windows, test for valid extension
                const upperExt = path__WEBPACK_IMPORTED_MODULE_1__.extname(filePath).toUpperCase();
                if (extensions.some(validExt => validExt.toUpperCase() === upperExt)) {
                    return filePath;
                }
            }
            else {
                if (isUnixExecutable(stats)) {
                    return filePath;
                }
            }
        }
        // try each extension
        const originalFilePath = filePath;
        for (const extension of extensions) {
            filePath = originalFilePath + extension;
            stats = undefined;
            try {
                stats = yield stat(filePath);
            }
            catch (err) {
                if (err.code !== 'ENOENT') {
                    // eslint-disable-next-line no-console
                    console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
                }
            }
            if (stats && stats.isFile()) {
                if (IS_WINDOWS) {
                    // preserve the case of the actual file (since an extension was appended)
                    try {
                        const directory = path__WEBPACK_IMPORTED_MODULE_1__.dirname(filePath);
                        const upperName = path__WEBPACK_IMPORTED_MODULE_1__.basename(filePath).toUpperCase();
                        for (const actualName of yield readdir(directory)) {
                            if (upperName === actualName.toUpperCase()) {
                                filePath = path__WEBPACK_IMPORTED_MODULE_1__.join(directory, actualName);
                                break;
                            }
                        }
                    }
                    catch (err) {
                        // eslint-disable-next-line no-console
                        console.log(`Unexpected error attempting to determine the actual case of the file '${filePath}': ${err}`);
                    }
                    return filePath;
                }
                else {
                    if (isUnixExecutable(stats)) {
                        return filePath;
                    }
                }
            }
        }
        return '';
    });
}
function normalizeSeparators(p) {
    p = p || '';
    if (IS_WINDOWS) {
        // convert slashes on Windows
        p = p.replace(/\//g, '\\');
        // remove redundant slashes
        return p.replace(/\\\\+/g, '\\');
    }
    // remove redundant slashes
    return p.replace(/\/\/+/g, '/');
}
// on Mac/Linux, test the execute bit
//     R   W  X  R  W X R W X
//   256 128 64 32 16 8 4 2 1
function isUnixExecutable(stats) {
    return ((stats.mode & 1) > 0 ||
        ((stats.mode & 8) > 0 &&
            process.getgid !== undefined &&
            stats.gid === process.getgid()) ||
        ((stats.mode & 64) > 0 &&
            process.getuid !== undefined &&
            stats.uid === process.getuid()));
}
// Get the path of cmd.exe in windows
function getCmdPath() {
    var _a;
    return (_a = process.env['COMSPEC']) !== null && _a !== void 0 ? _a : `cmd.exe`;
}
//# sourceMappingURL=io-util.js.map

/***/ }),

/***/ 8701:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   K7: () => (/* binding */ which),
/* harmony export */   U$: () => (/* binding */ mkdirP),
/* harmony export */   Yz: () => (/* binding */ rmRF),
/* harmony export */   cp: () => (/* binding */ cp)
/* harmony export */ });
/* unused harmony exports mv, findInPath */
/* harmony import */ var assert__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(2613);
/* harmony import */ var path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6928);
/* harmony import */ var _io_util_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(90);
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};



/**
 * Copies a file or folder.
 * Based off of shelljs - https://github.com/shelljs/shelljs/blob/9237f66c52e5daa40458f94f9565e18e8132f5a6/src/cp.js
 *
 * @param     source    source path
 * @param     dest      destination path
 * @param     options   optional. See CopyOptions.
 */
function cp(source_1, dest_1) {
    return __awaiter(this, arguments, void 0, function* (source, dest, options = {}) {
        const { force, recursive, copySourceDirectory } = readCopyOptions(options);
        const destStat = (yield _io_util_js__WEBPACK_IMPORTED_MODULE_2__/* .exists */ .t2(dest)) ? yield _io_util_js__WEBPACK_IMPORTED_MODULE_2__/* .stat */ .dJ(dest) : null;
        // Dest is an existing file, but not forcing
        if (destStat && destStat.isFile() && !force) {
            return;
        }
        // If dest is an existing directory, should copy inside.
        const newDest = destStat && destStat.isDirectory() && copySourceDirectory
            ? path__WEBPACK_IMPORTED_MODULE_1__.join(dest, path__WEBPACK_IMPORTED_MODULE_1__.basename(source))
            : dest;
        if (!(yield _io_util_js__WEBPACK_IMPORTED_MODULE_2__/* .exists */ .t2(source))) {
            throw new Error(`no such file or directory: ${source}`);
        }
        const sourceStat = yield _io_util_js__WEBPACK_IMPORTED_MODULE_2__/* .stat */ .dJ(source);
        if (sourceStat.isDirectory()) {
            if (!recursive) {
                throw new Error(`Failed to copy. ${source} is a directory, but tried to copy without recursive flag.`);
            }
            else {
                yield cpDirRecursive(source, newDest, 0, force);
            }
        }
        else {
            if (path__WEBPACK_IMPORTED_MODULE_1__.relative(source, newDest) === '') {
                // a file cannot be copied to itself
                throw new Error(`'${newDest}' and '${source}' are the same file`);
            }
            yield copyFile(source, newDest, force);
        }
    });
}
/**
 * Moves a path.
 *
 * @param     source    source path
 * @param     dest      destination path
 * @param     options   optional. See MoveOptions.
 */
function mv(source_1, dest_1) {
    return __awaiter(this, arguments, void 0, function* (source, dest, options = {}) {
        if (yield ioUtil.exists(dest)) {
            let destExists = true;
            if (yield ioUtil.isDirectory(dest)) {
                // If dest is directory copy src into dest
                dest = path.join(dest, path.basename(source));
                destExists = yield ioUtil.exists(dest);
            }
            if (destExists) {
                if (options.force == null || options.force) {
                    yield rmRF(dest);
                }
                else {
                    throw new Error('Destination already exists');
                }
            }
        }
        yield mkdirP(path.dirname(dest));
        yield ioUtil.rename(source, dest);
    });
}
/**
 * Remove a path recursively with force
 *
 * @param inputPath path to remove
 */
function rmRF(inputPath) {
    return __awaiter(this, void 0, void 0, function* () {
        if (_io_util_js__WEBPACK_IMPORTED_MODULE_2__/* .IS_WINDOWS */ .H8) {
            // Check for invalid characters
            // https://docs.microsoft.com/en-us/windows/win32/fileio/naming-a-file
            if (/[*"<>|]/.test(inputPath)) {
                throw new Error('File path must not contain `*`, `"`, `<`, `>` or `|` on Windows');
            }
        }
        try {
            // note if path does not exist, error is silent
            yield _io_util_js__WEBPACK_IMPORTED_MODULE_2__.rm(inputPath, {
                force: true,
                maxRetries: 3,
                recursive: true,
                retryDelay: 300
            });
        }
        catch (err) {
            throw new Error(`File was unable to be removed ${err}`);
        }
    });
}
/**
 * Make a directory.  Creates the full path with folders in between
 * Will throw if it fails
 *
 * @param   fsPath        path to create
 * @returns Promise<void>
 */
function mkdirP(fsPath) {
    return __awaiter(this, void 0, void 0, function* () {
        (0,assert__WEBPACK_IMPORTED_MODULE_0__.ok)(fsPath, 'a path argument must be provided');
        yield _io_util_js__WEBPACK_IMPORTED_MODULE_2__/* .mkdir */ .Ck(fsPath, { recursive: true });
    });
}
/**
 * Returns path of a tool had the tool actually been invoked.  Resolves via paths.
 * If you check and the tool does not exist, it will throw.
 *
 * @param     tool              name of the tool
 * @param     check             whether to check if tool exists
 * @returns   Promise<string>   path to tool
 */
function which(tool, check) {
    return __awaiter(this, void 0, void 0, function* () {
        if (!tool) {
            throw new Error("parameter 'tool' is required");
        }
        // recursive when check=true
        if (check) {
            const result = yield which(tool, false);
            if (!result) {
                if (_io_util_js__WEBPACK_IMPORTED_MODULE_2__/* .IS_WINDOWS */ .H8) {
                    throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also verify the file has a valid extension for an executable file.`);
                }
                else {
                    throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also check the file mode to verify the file is executable.`);
                }
            }
            return result;
        }
        const matches = yield findInPath(tool);
        if (matches && matches.length > 0) {
            return matches[0];
        }
        return '';
    });
}
/**
 * Returns a list of all occurrences of the given tool on the system path.
 *
 * @returns   Promise<string[]>  the paths of the tool
 */
function findInPath(tool) {
    return __awaiter(this, void 0, void 0, function* () {
        if (!tool) {
            throw new Error("parameter 'tool' is required");
        }
        // build the list of extensions to try
        const extensions = [];
        if (_io_util_js__WEBPACK_IMPORTED_MODULE_2__/* .IS_WINDOWS */ .H8 && process.env['PATHEXT']) {
            for (const extension of process.env['PATHEXT'].split(path__WEBPACK_IMPORTED_MODULE_1__.delimiter)) {
                if (extension) {
                    extensions.push(extension);
                }
            }
        }
        // if it's rooted, return it if exists. otherwise return empty.
        if (_io_util_js__WEBPACK_IMPORTED_MODULE_2__/* .isRooted */ .Qh(tool)) {
            const filePath = yield _io_util_js__WEBPACK_IMPORTED_MODULE_2__/* .tryGetExecutablePath */ .vr(tool, extensions);
            if (filePath) {
                return [filePath];
            }
            return [];
        }
        // if any path separators, return empty
        if (tool.includes(path__WEBPACK_IMPORTED_MODULE_1__.sep)) {
            return [];
        }
        // build the list of directories
        //
        // Note, technically "where" checks the current directory on Windows. From a toolkit perspective,
        // it feels like we should not do this. Checking the current directory seems like more of a use
        // case of a shell, and the which() function exposed by the toolkit should strive for consistency
        // across platforms.
        const directories = [];
        if (process.env.PATH) {
            for (const p of process.env.PATH.split(path__WEBPACK_IMPORTED_MODULE_1__.delimiter)) {
                if (p) {
                    directories.push(p);
                }
            }
        }
        // find all matches
        const matches = [];
        for (const directory of directories) {
            const filePath = yield _io_util_js__WEBPACK_IMPORTED_MODULE_2__/* .tryGetExecutablePath */ .vr(path__WEBPACK_IMPORTED_MODULE_1__.join(directory, tool), extensions);
            if (filePath) {
                matches.push(filePath);
            }
        }
        return matches;
    });
}
function readCopyOptions(options) {
    const force = options.force == null ? true : options.force;
    const recursive = Boolean(options.recursive);
    const copySourceDirectory = options.copySourceDirectory == null
        ? true
        : Boolean(options.copySourceDirectory);
    return { force, recursive, copySourceDirectory };
}
function cpDirRecursive(sourceDir, destDir, currentDepth, force) {
    return __awaiter(this, void 0, void 0, function* () {
        // Ensure there is not a run away recursive copy
        if (currentDepth >= 255)
            return;
        currentDepth++;
        yield mkdirP(destDir);
        const files = yield _io_util_js__WEBPACK_IMPORTED_MODULE_2__/* .readdir */ .Cy(sourceDir);
        for (const fileName of files) {
            const srcFile = `${sourceDir}/${fileName}`;
            const destFile = `${destDir}/${fileName}`;
            const srcFileStat = yield _io_util_js__WEBPACK_IMPORTED_MODULE_2__/* .lstat */ .$1(srcFile);
            if (srcFileStat.isDirectory()) {
                // Recurse
                yield cpDirRecursive(srcFile, destFile, currentDepth, force);
            }
            else {
                yield copyFile(srcFile, destFile, force);
            }
        }
        // Change the mode for the newly created directory
        yield _io_util_js__WEBPACK_IMPORTED_MODULE_2__/* .chmod */ .k6(destDir, (yield _io_util_js__WEBPACK_IMPORTED_MODULE_2__/* .stat */ .dJ(sourceDir)).mode);
    });
}
// Buffered file copy
function copyFile(srcFile, destFile, force) {
    return __awaiter(this, void 0, void 0, function* () {
        if ((yield _io_util_js__WEBPACK_IMPORTED_MODULE_2__/* .lstat */ .$1(srcFile)).isSymbolicLink()) {
            // unlink/re-link it
            try {
                yield _io_util_js__WEBPACK_IMPORTED_MODULE_2__/* .lstat */ .$1(destFile);
                yield _io_util_js__WEBPACK_IMPORTED_MODULE_2__/* .unlink */ .y1(destFile);
            }
            catch (e) {
                // Try to override file permission
                if (e.code === 'EPERM') {
                    yield _io_util_js__WEBPACK_IMPORTED_MODULE_2__/* .chmod */ .k6(destFile, '0666');
                    yield _io_util_js__WEBPACK_IMPORTED_MODULE_2__/* .unlink */ .y1(destFile);
                }
                // other errors = it doesn't exist, no work to do
            }
            // Copy over symlink
            const symlinkFull = yield _io_util_js__WEBPACK_IMPORTED_MODULE_2__/* .readlink */ .h_(srcFile);
            yield _io_util_js__WEBPACK_IMPORTED_MODULE_2__/* .symlink */ .YN(symlinkFull, destFile, _io_util_js__WEBPACK_IMPORTED_MODULE_2__/* .IS_WINDOWS */ .H8 ? 'junction' : null);
        }
        else if (!(yield _io_util_js__WEBPACK_IMPORTED_MODULE_2__/* .exists */ .t2(destFile)) || force) {
            yield _io_util_js__WEBPACK_IMPORTED_MODULE_2__/* .copyFile */ .m3(srcFile, destFile);
        }
    });
}
//# sourceMappingURL=io.js.map

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(9407);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
