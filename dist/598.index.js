export const id = 598;
export const ids = [598];
export const modules = {

/***/ 9329:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bu: () => (/* binding */ parseConfigText),
/* harmony export */   _F: () => (/* binding */ fieldOf)
/* harmony export */ });
/* unused harmony exports MAX_ALIAS_EXPANSION, MAX_DEPTH */
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/**
 * sindri.yaml as a YAML document that remembers where everything is: parse once with a LineCounter,
 * then `locate(path)` gives the line/column of any key or value for errors and annotations.
 */


/** `deployment.image_config.digest`, `secrets[2].name` */
function fieldOf(path) {
    let out = '';
    for (const p of path)
        out += typeof p === 'number' ? `[${p}]` : out ? `.${p}` : p;
    return out;
}
/** A `<<` merge key (docs/behaviour.md#config-compatibility): the parser gives its plain `<<` a symbol value. */
function isMergeKey(key) {
    return (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(key) && typeof key.value === 'symbol';
}
/** The mappings a `<<` value merges in, in precedence order: one alias, or a list of them. */
function mergedMaps(doc, value) {
    const one = (v) => ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isAlias */ .Vj)(v) ? v.resolve(doc) : v);
    return (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(value) ? value.items.map(one) : [one(value)];
}
/** The entry for `key` in a mapping: written there, else in what its `<<` keys merge in (where it was written). */
function entryOf(doc, map, key, depth = 0) {
    const own = map.items.find((it) => (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isPair */ .tO)(it) && !isMergeKey(it.key) && String((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(it.key) ? it.key.value : it.key) === key);
    if (own || depth > MAX_DEPTH)
        return own;
    for (const merge of map.items.filter((it) => (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isPair */ .tO)(it) && isMergeKey(it.key))) {
        for (const source of mergedMaps(doc, merge.value)) {
            const found = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(source) ? entryOf(doc, source, key, depth + 1) : undefined;
            if (found)
                return found;
        }
    }
    return undefined;
}
function find(doc, path) {
    let node = doc.contents;
    let pair;
    for (const seg of path) {
        // a value written as an alias is looked up where its anchor is
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isAlias */ .Vj)(node))
            node = node.resolve(doc);
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(node)) {
            pair = entryOf(doc, node, String(seg));
            if (!pair)
                return undefined;
            node = pair.value;
        }
        else if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(node) && typeof seg === 'number') {
            node = node.items[seg];
            pair = undefined;
            if (node === undefined)
                return undefined;
        }
        else {
            return undefined;
        }
    }
    const found = { node: node ?? null };
    if (pair)
        found.pair = pair;
    return found;
}
/** The parser's error codes in the words of someone editing a config, with what to do. */
const YAML_PROBLEMS = {
    TAB_AS_INDENT: { what: 'a tab is used to indent', fix: 'indent with spaces only (YAML does not allow tabs), two per level' },
    MISSING_CHAR: { what: 'a quote or bracket is not closed', fix: 'close the quote or bracket, or quote the whole value' },
    DUPLICATE_KEY: { what: 'a key is written twice in the same mapping', fix: 'keep one of them (the Sindri CLI refuses repeated keys too)' },
    BAD_INDENT: {
        what: 'the indentation does not line up, or a [ or { is not closed',
        fix: 'indent keys of the same level by the same number of spaces, and close every [ and {',
    },
    BLOCK_AS_IMPLICIT_KEY: {
        what: 'a key: value sits where a plain value was expected (a line indented too far, or a second ": " in a value)',
        fix: 'put nested keys on their own lines under their parent, or quote a value that contains ": "',
    },
    MULTILINE_IMPLICIT_KEY: { what: 'a key runs over more than one line (a missing colon?)', fix: 'write each key: value on one line' },
    UNEXPECTED_TOKEN: {
        what: 'something follows a value where nothing may (a list item among keys, or two values on one line)',
        fix: 'put each key: value or - item on its own line, at the indentation of its siblings',
    },
    BAD_SCALAR_START: { what: 'a value starts with a character YAML reserves (@ or `)', fix: 'quote the value, e.g. key: "@value"' },
    BAD_DIRECTIVE: { what: 'a % directive this parser does not support', fix: 'remove the %YAML or %TAG line (sindri.yaml needs none)' },
    KEY_OVER_1024_CHARS: { what: 'a key is longer than 1024 characters', fix: 'shorten the key (or quote it if it is really a value)' },
    BAD_DQ_ESCAPE: {
        what: 'a backslash escape in a "double-quoted" value is not valid',
        fix: 'write \\\\ for a backslash, or use single quotes',
    },
};
function duplicateKey(text, offset) {
    const key = /^[^:\n]{1,80}/.exec(text.slice(offset))?.[0]?.trim();
    return key ? `the key ${key} is written twice in the same mapping` : 'a key is written twice in the same mapping';
}
/** How many values the aliases of one file may expand to (the `yaml` library's `maxAliasCount`). */
const MAX_ALIAS_EXPANSION = 10_000;
/** Deeper than this, a config is not one a person wrote (upstream serde_yaml stops at 128). */
const MAX_DEPTH = 100;
function tooDeep(where) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`the YAML is nested more than ${MAX_DEPTH} levels deep`, {
        where,
        fix: 'flatten the structure: sindri.yaml needs a few levels (deployment.image_config.registry), not hundreds',
    });
}
/** The first alias whose anchor is not defined before it, with where it is written. */
function aliasProblem(doc) {
    let found;
    (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .visit */ .YR)(doc, {
        Alias(_key, node) {
            if (node.resolve(doc) === undefined) {
                found = { name: node.source, offset: node.range?.[0] };
                return yaml__WEBPACK_IMPORTED_MODULE_0__/* .visit */ .YR.BREAK;
            }
            return undefined;
        },
    });
    return found;
}
function firstAlias(doc) {
    let offset;
    (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .visit */ .YR)(doc, {
        Alias(_key, node) {
            offset = node.range?.[0];
            return yaml__WEBPACK_IMPORTED_MODULE_0__/* .visit */ .YR.BREAK;
        },
    });
    return offset;
}
/** The offset of the first node nested deeper than MAX_DEPTH, or undefined (an explicit stack: no recursion). */
function deepest(doc) {
    const stack = [{ node: doc.contents, depth: 0 }];
    while (stack.length) {
        const { node, depth } = stack.pop();
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(node) || (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(node)) {
            if (depth >= MAX_DEPTH)
                return (node.range?.[0] ?? 0);
            for (const it of node.items) {
                if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isPair */ .tO)(it)) {
                    stack.push({ node: it.key, depth: depth + 1 }, { node: it.value, depth: depth + 1 });
                }
                else
                    stack.push({ node: it, depth: depth + 1 });
            }
        }
    }
    return undefined;
}
function firstLine(message) {
    return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?\s*$/, '').trim();
}
/**
 * Parse YAML text. `file` is the name shown to the user. Unparsable YAML, several documents or a
 * document that is not a mapping throw an ActionError at the parser's line and column.
 */
function parseConfigText(text, file) {
    const lineCounter = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .LineCounter */ .HN();
    // uniqueKeys: a repeated key is an error, as in upstream's serde_yaml. merge: `<<: *common` merges the
    // anchored mapping in (keys written beside it win), so the values written there are the ones used
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseDocument */ .Tp)(text, { lineCounter, prettyErrors: false, uniqueKeys: true, keepSourceTokens: false, merge: true });
    const at = (offset) => {
        if (offset === undefined)
            return { line: 1, column: 1 };
        const { line, col } = lineCounter.linePos(offset);
        return { line, column: col };
    };
    const err = doc.errors[0];
    if (err) {
        const { line, column } = at(err.pos[0]);
        const where = { file, line, column };
        if (err.code === 'MULTIPLE_DOCS') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`holds more than one YAML document: a second one starts at line ${line} (after a --- line)`, {
                where,
                fix: 'keep one document per file: remove the --- separator and the second document, or move it to its own file',
            });
        }
        if (err.code === 'RESOURCE_EXHAUSTION')
            throw tooDeep(where);
        const known = YAML_PROBLEMS[err.code];
        const what = err.code === 'DUPLICATE_KEY' ? duplicateKey(text, err.pos[0]) : known?.what;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`not valid YAML: ${what ? `${what} (${firstLine(err.message)})` : firstLine(err.message)}`, {
            where,
            fix: known?.fix ?? 'correct the YAML syntax at that line (indentation with spaces, a space after each colon, quotes closed)',
        });
    }
    const problem = aliasProblem(doc);
    if (problem) {
        const { line, column } = at(problem.offset);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`the alias *${problem.name} refers to no anchor &${problem.name} defined above it`, {
            where: { file, line, column },
            fix: `define &${problem.name} on a value above this line (anchors must come before their aliases), or write the value itself`,
        });
    }
    const depth = deepest(doc);
    if (depth)
        throw tooDeep({ file, ...at(depth) });
    const contents = doc.contents;
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(contents)) {
        const what = contents === null ? 'empty' : (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(contents) ? 'a list' : 'a single value';
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`the file is ${what}, not a mapping of keys`, {
            where: { file, line: 1, column: 1 },
            fix: 'start the file with top-level keys: version, name, deployment, extensions (run the action with mode: init for a documented example)',
        });
    }
    // Aliases are resolved; maxAliasCount bounds "billion laughs" expansion (ADR 0014): the library's
    // default of 100 refuses an ordinary file that reuses one anchor a hundred times.
    let data;
    try {
        data = doc.toJS({ maxAliasCount: MAX_ALIAS_EXPANSION });
    }
    catch (e) {
        if (!(e instanceof ReferenceError || e instanceof RangeError))
            throw e;
        const first = firstAlias(doc);
        const where = { file, ...at(first) };
        if (e instanceof RangeError)
            throw tooDeep(where);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`its aliases expand to more than ${MAX_ALIAS_EXPANSION} copies (an alias bomb)`, {
            where,
            fix: 'write the repeated values out, or nest aliases less: anchors that alias other anchors multiply',
            cause: e,
        });
    }
    const locate = (path) => {
        if (path.length === 0)
            return at(contents.range?.[0]);
        const f = find(doc, path);
        if (!f)
            return undefined;
        if (f.node && (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(f.node))
            return at(f.node.range?.[0]);
        if (f.pair && (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(f.pair.key))
            return at(f.pair.key.range?.[0]);
        return at(f.node?.range?.[0]);
    };
    const nearest = (path) => {
        for (let n = path.length; n >= 0; n--) {
            const p = locate(path.slice(0, n));
            if (p)
                return p;
        }
        return { line: 1, column: 1 };
    };
    const source = (path) => {
        const f = find(doc, path);
        if (!f || !f.node || !(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(f.node))
            return undefined;
        return typeof f.node.source === 'string' ? f.node.source : String(f.node.value);
    };
    const warnings = doc.warnings.map((w) => ({ message: firstLine(w.message), position: at(w.pos[0]) }));
    return { data, locate, nearest, source, warnings };
}


/***/ }),

/***/ 697:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ placeOf),
/* harmony export */   F: () => (/* binding */ configError)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _document_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9329);
/**
 * Where a value of sindri.yaml is written, and the one way to fail there: every error about a config
 * value (the loader's, a provider's) names the file, line, column and dotted field, then says what is
 * wrong and how to fix it.
 */


/** The place of `path`; for a key that is not written, the place of its nearest written parent. */
function placeOf(config, path) {
    for (let n = path.length; n > 0; n--) {
        const pos = config.locate(path.slice(0, n));
        if (pos)
            return { file: config.file, line: pos.line, column: pos.column, field: (0,_document_js__WEBPACK_IMPORTED_MODULE_1__/* .fieldOf */ ._F)(path) };
    }
    return { file: config.file, field: (0,_document_js__WEBPACK_IMPORTED_MODULE_1__/* .fieldOf */ ._F)(path) };
}
/** The error for a config value: `sindri.yaml:12:5: providers.fly.region: <what>. Fix: <fix>` */
function configError(config, path, what, fix) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(what, { where: placeOf(config, path), fix });
}


/***/ }),

/***/ 272:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   w: () => (/* binding */ Settings)
/* harmony export */ });
/* harmony import */ var _config_document_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9329);
/* harmony import */ var _config_place_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(697);
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8992);
/**
 * Typed readers of a provider's own block (`providers.<name>` in sindri.yaml), for every provider the
 * same way: a value of the wrong type or outside its allowed set is one error at its place (file, line,
 * field) with its fix, through the config's one `configError`. Absent values give the caller's default.
 * The loader has already read the rest of the file leniently; what a provider reads here decides what
 * is deployed, so here a wrong value fails instead of being guessed.
 */



function isMapping(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
const absent = (v) => v === undefined || v === null;
class Settings {
    config;
    base;
    /** the block as written; `{}` when it is absent */
    raw;
    /**
     * @param config the loaded config (for `locate` and the file name)
     * @param base where the block sits, e.g. `['providers', 'fly']`
     * @param raw the block itself; default: read from `config.raw` at `base`
     */
    constructor(config, base, raw) {
        this.config = config;
        this.base = base;
        const value = raw === undefined
            ? base.reduce((v, k) => (isMapping(v) || Array.isArray(v) ? v[k] : undefined), config.raw)
            : raw;
        if (!absent(value) && !isMapping(value))
            throw this.fail([], 'expected a mapping', `write ${this.field([])} as key: value lines`);
        this.raw = (value ?? {});
    }
    /** The settings of `providers.<name>`. */
    /** The settings of `providers.<name>`, as the loader kept them (`config.providers`). */
    static of(config, provider) {
        return new Settings(config, ['providers', provider], config.providers[provider] ?? {});
    }
    path(key) {
        return [...this.base, ...(Array.isArray(key) ? key : [key])];
    }
    /** dotted field name of a key, e.g. `providers.fly.region` */
    field(key) {
        return (0,_config_document_js__WEBPACK_IMPORTED_MODULE_0__/* .fieldOf */ ._F)(this.path(key));
    }
    /** where a key is written (its parent's place when it is absent) */
    at(key) {
        return (0,_config_place_js__WEBPACK_IMPORTED_MODULE_1__/* .placeOf */ .$)(this.config, this.path(key));
    }
    /** The one error of a setting: at its place, with its fix. */
    fail(key, what, fix) {
        return (0,_config_place_js__WEBPACK_IMPORTED_MODULE_1__/* .configError */ .F)(this.config, this.path(key), what, fix);
    }
    /** the value written under `key`, undefined when absent */
    get(key) {
        const path = Array.isArray(key) ? key : [key];
        return path.reduce((v, k) => (isMapping(v) || Array.isArray(v) ? v[k] : undefined), this.raw);
    }
    has(key) {
        return !absent(this.get(key));
    }
    /** A nested mapping as its own Settings (`providers.devpod.kubernetes`). */
    sub(key) {
        return new Settings(this.config, this.path(key), this.get(key) ?? {});
    }
    /** One value (string, number or true/false) as text; undefined when absent or empty. */
    str(key) {
        const v = this.get(key);
        if (absent(v) || v === '')
            return undefined;
        if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
            return this.line(key, String(v));
        throw this.fail(key, 'expected a single value', 'write a string, number or true/false');
    }
    /** Settings reach command lines, generated files and the log: no control characters (issue 20). */
    line(key, s) {
        const bad = (0,_text_js__WEBPACK_IMPORTED_MODULE_2__/* .controlCharacter */ .TL)(s);
        if (!bad)
            return s;
        throw this.fail(key, `contains a control character (${bad})`, 'write the value on one line, without escape characters');
    }
    /** A value from a fixed set; absent → `fallback`. */
    oneOf(key, allowed, fallback) {
        const v = this.get(key);
        if (absent(v))
            return fallback;
        const s = this.line(key, String(v));
        if (allowed.includes(s))
            return s;
        throw this.fail(key, `invalid value "${s.slice(0, 80)}"`, `use one of ${allowed.join(', ')}`);
    }
    bool(key, fallback) {
        const v = this.get(key);
        if (absent(v))
            return fallback;
        if (typeof v === 'boolean')
            return v;
        throw this.fail(key, `expected true or false, got "${String(v).slice(0, 80)}"`, 'use true or false');
    }
    /** A whole number within [min, max]; absent → undefined. */
    int(key, min, max, fix = `give a whole number from ${min} to ${max}`) {
        const v = this.get(key);
        if (absent(v))
            return undefined;
        const n = typeof v === 'string' && /^\s*-?\d+\s*$/.test(v) ? Number(v) : v;
        if (typeof n === 'number' && Number.isInteger(n) && n >= min && n <= max)
            return n;
        throw this.fail(key, `"${String(v).slice(0, 40)}" is not a whole number from ${min} to ${max}`, fix);
    }
    /** A list of single values; absent → []. */
    strings(key) {
        const v = this.get(key);
        if (absent(v))
            return [];
        if (!Array.isArray(v))
            throw this.fail(key, 'expected a list', 'write it as a YAML list of strings');
        return v.map((item, i) => {
            if (typeof item !== 'string' && typeof item !== 'number')
                throw this.fail(this.join(key, i), 'expected a string', 'quote the value');
            return this.line(this.join(key, i), String(item));
        });
    }
    /** A mapping of single values (labels, node selectors); absent → {}. */
    stringMap(key) {
        const v = this.get(key);
        if (absent(v))
            return {};
        if (!isMapping(v))
            throw this.fail(key, 'expected a mapping', 'write it as key: value lines');
        const out = {};
        for (const [k, item] of Object.entries(v)) {
            if (typeof item !== 'string' && typeof item !== 'number' && typeof item !== 'boolean')
                throw this.fail(this.join(key, k), 'expected a single value', 'write a string, number or true/false');
            out[this.line(this.join(key, k), k)] = this.line(this.join(key, k), String(item));
        }
        return out;
    }
    join(key, next) {
        return [...(Array.isArray(key) ? key : [key]), next];
    }
}


/***/ }),

/***/ 217:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   kubeContext: () => (/* binding */ kubeContext),
/* harmony export */   toolsNeeded: () => (/* binding */ toolsNeeded)
/* harmony export */ });
/* harmony import */ var _domain_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9375);
/* harmony import */ var _providers_kit_settings_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(272);
/* harmony import */ var _image_build_inputs_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4579);
/* harmony import */ var _verify_checks_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3148);




/**
 * The kube context a config names for kubernetes, or for devpod's kubernetes type: read through the
 * kit's Settings, so a context with a control character fails at its line in plan as in deploy.
 */
function kubeContext(provider, config) {
    if (provider === 'kubernetes')
        return _providers_kit_settings_js__WEBPACK_IMPORTED_MODULE_1__/* .Settings */ .w.of(config, 'kubernetes').str('context') ?? '';
    const devpod = _providers_kit_settings_js__WEBPACK_IMPORTED_MODULE_1__/* .Settings */ .w.of(config, 'devpod');
    if (provider === 'devpod' && devpod.str('type') === 'kubernetes')
        return devpod.sub('kubernetes').str('context') ?? '';
    return '';
}
function toolsNeeded(ctx) {
    const needs = [];
    const add = (tool, why) => {
        if (!needs.some((n) => n.tool === tool))
            needs.push({ tool, why });
    };
    for (const t of _domain_js__WEBPACK_IMPORTED_MODULE_0__/* .CAPABILITIES */ .$8[ctx.provider].tools) {
        if (t === 'docker')
            continue; // the runner's engine and CLI: not ours to install
        add(t === 'docker-compose' ? 'compose' : t, `the ${ctx.provider} provider runs it`);
    }
    if (ctx.mode === 'destroy' || ctx.mode === 'sweep')
        return needs;
    const builds = ctx.imageSource === 'dockerfile';
    if (ctx.provider === 'docker' && builds)
        add('buildx', 'the Dockerfile is built with BuildKit (docker buildx build)');
    const buildKit = (0,_image_build_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .buildKitInputsGiven */ .hy)(ctx.inputs);
    if (ctx.provider === 'devpod' && builds && buildKit.length)
        add('buildx', `${buildKit.join(', ')}: a build on the runner needs BuildKit (docker buildx build)`);
    const context = kubeContext(ctx.provider, ctx.config);
    const loads = ctx.provider === 'kubernetes' || builds; // devpod loads only what it built locally
    if (loads && context.startsWith('kind-'))
        add('kind', `the image is loaded into the kind cluster of context ${context}`);
    if (loads && context.startsWith('k3d-'))
        add('k3d', `the image is imported into the k3d cluster of context ${context}`);
    if ((0,_verify_checks_js__WEBPACK_IMPORTED_MODULE_3__/* .checksSignatures */ .$)(ctx.inputs, ctx.config.deployment.image_config))
        add('cosign', 'the image signature is verified');
    return needs;
}


/***/ })

};
