export const id = 929;
export const ids = [929];
export const modules = {

/***/ 2929:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   formatPlatform: () => (/* binding */ formatPlatform),
/* harmony export */   holdsPlatform: () => (/* binding */ holdsPlatform),
/* harmony export */   indexPlatforms: () => (/* binding */ indexPlatforms),
/* harmony export */   missingPlatformError: () => (/* binding */ missingPlatformError),
/* harmony export */   targetPlatform: () => (/* binding */ targetPlatform)
/* harmony export */ });
/* unused harmony export runnerPlatform */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/**
 * Which platform an image index must hold for the target (docs/behaviour.md#digest-pinning): the
 * docker provider runs the image on the runner's own engine, so an index without the runner's
 * platform can never start there. Checked when the digest is pinned, so `plan` fails as `deploy`
 * would, naming the platforms the index has. Other providers run on machines whose platform the
 * action does not know and are not checked. Pure apart from `process.arch`.
 */

/** Node's arch → the OCI `architecture` (and `variant`) of an image that runs here. */
function runnerPlatform(arch = process.arch) {
    const map = {
        x64: { os: 'linux', architecture: 'amd64' },
        arm64: { os: 'linux', architecture: 'arm64' },
        arm: { os: 'linux', architecture: 'arm', variant: 'v7' },
        ppc64: { os: 'linux', architecture: 'ppc64le' },
        s390x: { os: 'linux', architecture: 's390x' },
        riscv64: { os: 'linux', architecture: 'riscv64' },
    };
    return map[arch];
}
/** The platform the deployment runs on, when the action knows it: docker deploys to the runner's engine. */
function targetPlatform(provider, arch = process.arch) {
    return provider === 'docker' ? runnerPlatform(arch) : undefined;
}
function formatPlatform(p) {
    return `${p.os}/${p.architecture}${p.variant ? `/${p.variant}` : ''}`;
}
/**
 * The platforms an index or manifest list names, without attestation entries (`unknown/unknown`);
 * undefined when the body is not an index with a manifests list (then nothing is checked).
 */
function indexPlatforms(body) {
    let doc;
    try {
        doc = JSON.parse(body.toString());
    }
    catch {
        return undefined;
    }
    const manifests = doc?.manifests;
    if (!Array.isArray(manifests))
        return undefined;
    const out = [];
    for (const m of manifests) {
        const p = m?.platform;
        if (!p || typeof p.os !== 'string' || typeof p.architecture !== 'string' || p.os === 'unknown')
            continue;
        out.push(typeof p.variant === 'string'
            ? { os: p.os, architecture: p.architecture, variant: p.variant }
            : { os: p.os, architecture: p.architecture });
    }
    return out;
}
/** As the engine matches: os and architecture equal; a variant only when both name one (arm64's v8 is implied). */
function holdsPlatform(have, want) {
    return have.some((p) => p.os === want.os && p.architecture === want.architecture && (!p.variant || !want.variant || p.variant === want.variant));
}
function missingPlatformError(reference, want, have, where) {
    const names = [...new Set(have.map(formatPlatform))];
    const listed = names.length ? names.join(', ') : 'no platform at all';
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`${reference} is a multi-platform image without ${formatPlatform(want)}, the platform of this runner's Docker engine (it has ${listed})`, {
        where,
        fix: names.length
            ? `run the job on a runner of one of those platforms (runs-on), or publish the image for ${formatPlatform(want)} too (docker buildx build --platform ${formatPlatform(want)},…)`
            : `publish the image for ${formatPlatform(want)} (docker buildx build --platform ${formatPlatform(want)})`,
    });
}


/***/ })

};
