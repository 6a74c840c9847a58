export const id = 598;
export const ids = [598];
export const modules = {

/***/ 9915:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ fieldOf)
/* harmony export */ });
/** `deployment.image_config.digest`, `secrets[2].name` */
function fieldOf(path) {
    let out = '';
    for (const p of path)
        out += typeof p === 'number' ? `[${p}]` : out ? `.${p}` : p;
    return out;
}


/***/ }),

/***/ 697:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ placeOf),
/* harmony export */   F: () => (/* binding */ configError)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _path_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9915);
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
            return { file: config.file, line: pos.line, column: pos.column, field: (0,_path_js__WEBPACK_IMPORTED_MODULE_1__/* .fieldOf */ ._)(path) };
    }
    return { file: config.file, field: (0,_path_js__WEBPACK_IMPORTED_MODULE_1__/* .fieldOf */ ._)(path) };
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
/* harmony import */ var _config_path_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9915);
/* harmony import */ var _config_place_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(697);
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
        return (0,_config_path_js__WEBPACK_IMPORTED_MODULE_1__/* .fieldOf */ ._)(this.path(key));
    }
    /** where a key is written (its parent's place when it is absent) */
    at(key) {
        return (0,_config_place_js__WEBPACK_IMPORTED_MODULE_0__/* .placeOf */ .$)(this.config, this.path(key));
    }
    /** The one error of a setting: at its place, with its fix. */
    fail(key, what, fix) {
        return (0,_config_place_js__WEBPACK_IMPORTED_MODULE_0__/* .configError */ .F)(this.config, this.path(key), what, fix);
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
