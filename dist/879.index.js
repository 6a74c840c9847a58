export const id = 879;
export const ids = [879];
export const modules = {

/***/ 8879:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   checkIdentityRegexp: () => (/* binding */ checkIdentityRegexp)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/**
 * `certificate-identity` is handed to cosign as `--certificate-identity-regexp`, which cosign compiles
 * with Go's regexp package (RE2 syntax). A pattern RE2 refuses (a lookahead `(?=`, a backreference
 * `\1`, a possessive `a++`) would otherwise fail inside cosign after the image was chosen, with
 * cosign's words. It is checked up front with re2js, a port of RE2 whose parser is Go's regexp/syntax
 * (the same error texts; ADR 0025). Loaded only when the input is set.
 */

async function checkIdentityRegexp(value, where) {
    if (!value)
        return;
    const { RE2JS } = await __webpack_require__.e(/* import() */ 856).then(__webpack_require__.bind(__webpack_require__, 2856));
    try {
        RE2JS.compile(value);
    }
    catch (e) {
        const why = (e instanceof Error ? e.message : String(e)).replace(/^error parsing regexp: /, '');
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`"${value.slice(0, 80)}${value.length > 80 ? '…' : ''}" is not a regular expression cosign accepts (Go RE2 syntax): ${why.slice(0, 120)}`, {
            where,
            fix: 'write it in RE2 syntax, without lookarounds or backreferences, and escape literal dots (e.g. ^https://github\\.com/org/repo/\\.github/workflows/release\\.yml@refs/tags/.*$)',
        });
    }
}


/***/ })

};
