export const id = 661;
export const ids = [661];
export const modules = {

/***/ 6661:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runPost: () => (/* binding */ runPost)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4813);
/* harmony import */ var _state_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2462);
/**
 * The post step (action.yml `runs.post`, `post-if: always()`): after a failed or cancelled main step,
 * remove the temporary files it left and close a GitHub deployment it left `in_progress` as `error`.
 * After a successful run both lists are empty and this does nothing. It never fails the job: every
 * problem is one warning.
 */



async function runPost() {
    for (const path of (0,_state_js__WEBPACK_IMPORTED_MODULE_2__/* .leftTemps */ .J$)()) {
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(path, { recursive: true, force: true });
            (0,_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .info */ .pq)(`removed ${path}, left by the main step`);
        }
        catch (e) {
            (0,_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .warning */ .$e)(`could not remove ${path}, left by the main step: ${e.message}`);
        }
    }
    const pending = (0,_state_js__WEBPACK_IMPORTED_MODULE_2__/* .pendingDeployment */ .Dk)();
    if (!pending)
        return;
    try {
        const { closeAbandonedDeployment } = await Promise.all(/* import() */[__webpack_require__.e(413), __webpack_require__.e(887)]).then(__webpack_require__.bind(__webpack_require__, 6887));
        await closeAbandonedDeployment(pending, (0,_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .getInput */ .V4)('github-token'));
        (0,_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .info */ .pq)(`GitHub deployment ${pending.id} (${pending.environment}) marked error: the main step did not finish it`);
    }
    catch (e) {
        (0,_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .warning */ .$e)(`could not mark GitHub deployment ${pending.id} (${pending.environment}) as error: ${e.message}`);
    }
}


/***/ })

};
