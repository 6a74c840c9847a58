export const id = 486;
export const ids = [486];
export const modules = {

/***/ 7486:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   loadProvider: () => (/* binding */ loadProvider),
/* harmony export */   notImplemented: () => (/* binding */ notImplemented)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/** Providers are loaded on demand: a plan for one provider never parses the code of the others. */

async function loadProvider(name) {
    switch (name) {
        case 'docker':
            return new (await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(97)]).then(__webpack_require__.bind(__webpack_require__, 4097))).DockerProvider();
        default:
            return undefined; // not implemented yet: the caller reports the image decision and says so
    }
}
function notImplemented(name, mode) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`${mode} for provider "${name}" is not available in this version of the action`, {
        where: { field: 'provider' },
        fix: 'use mode: plan to see the image decision, or provider: docker',
    });
}


/***/ })

};
