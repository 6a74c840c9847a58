export const id = 598;
export const ids = [598];
export const modules = {

/***/ 2598:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   kubeContext: () => (/* binding */ kubeContext),
/* harmony export */   toolsNeeded: () => (/* binding */ toolsNeeded)
/* harmony export */ });
/* harmony import */ var _domain_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9375);
/* harmony import */ var _verify_checks_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3148);


const str = (v) => (typeof v === 'string' ? v : '');
const rec = (v) => (typeof v === 'object' && v !== null ? v : {});
/** The kube context a config names for kubernetes, or for devpod's kubernetes type. */
function kubeContext(provider, providers) {
    if (provider === 'kubernetes')
        return str(rec(providers.kubernetes).context);
    if (provider === 'devpod' && str(rec(providers.devpod).type) === 'kubernetes')
        return str(rec(rec(providers.devpod).kubernetes).context);
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
    if (ctx.mode === 'destroy')
        return needs;
    const builds = ctx.imageSource === 'dockerfile';
    if (ctx.provider === 'docker' && builds)
        add('buildx', 'the Dockerfile is built with BuildKit (docker buildx build)');
    const context = kubeContext(ctx.provider, ctx.config.providers);
    const loads = ctx.provider === 'kubernetes' || builds; // devpod loads only what it built locally
    if (loads && context.startsWith('kind-'))
        add('kind', `the image is loaded into the kind cluster of context ${context}`);
    if (loads && context.startsWith('k3d-'))
        add('k3d', `the image is imported into the k3d cluster of context ${context}`);
    if ((0,_verify_checks_js__WEBPACK_IMPORTED_MODULE_1__/* .checksSignatures */ .$)(ctx.inputs, ctx.config.deployment.image_config))
        add('cosign', 'the image signature is verified');
    return needs;
}


/***/ }),

/***/ 3148:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
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


/***/ })

};
