export const id = 718;
export const ids = [718];
export const modules = {

/***/ 1337:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MANIFEST_ACCEPT: () => (/* reexport safe */ _types_js__WEBPACK_IMPORTED_MODULE_7__.dY),
/* harmony export */   MEDIA_TYPES: () => (/* reexport safe */ _types_js__WEBPACK_IMPORTED_MODULE_7__.Z2),
/* harmony export */   RegistryClient: () => (/* binding */ RegistryClient),
/* harmony export */   accessOf: () => (/* binding */ accessOf)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4813);
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3564);
/* harmony import */ var _registry_auth_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2429);
/* harmony import */ var _registry_wire_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(810);
/* harmony import */ var _registry_http_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(5687);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(1328);
/**
 * A small OCI distribution client: tag listing and manifest HEAD (docs/behaviour.md#digest-pinning,
 * docs/behaviour.md#registry-authentication). The authorization dance is in registry-auth.ts, one
 * retried HTTP exchange in registry-http.ts, the wire formats in registry-wire.ts. Every failure is
 * one ActionError carrying the registry's own error code, the host, the reference and a fix.
 */









/** Private when the answer needed credentials: they are only ever looked up after anonymous access was refused. */
function accessOf(credential) {
    return credential ? { private: true, credentials: credential.source } : { private: false };
}
const sha256 = (b) => `sha256:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(b).digest('hex')}`;
/** What to tell the user for a registry error code. */
function fixFor(code, ref, hint, credential) {
    switch (code) {
        case 'NAME_UNKNOWN':
            return `check the repository name "${ref.repository}" on ${ref.registry}, or push the image first`;
        case 'MANIFEST_UNKNOWN':
            return `check that ${ref.digest ? `digest ${ref.digest}` : `tag "${ref.tag ?? 'latest'}"`} exists in ${ref.registry}/${ref.repository}, or push it first`;
        case 'TOOMANYREQUESTS':
        case 'HTTP 429':
            return `authenticate to get a higher rate limit (${hint}), or retry later`;
        case 'DENIED':
        case 'HTTP 403':
            return credential ? `give the credentials from ${credential.source} pull access to ${ref.repository}` : hint;
        case 'UNAUTHORIZED':
        case 'HTTP 401':
            return credential ? `check the credentials from ${credential.source}; ${hint}` : hint;
        default:
            return `check that ${ref.registry} is an OCI registry and reachable; rerun with ACTIONS_STEP_DEBUG=true for the requests`;
    }
}
class RegistryClient {
    http;
    auth;
    credentials;
    pageSize;
    constructor(opts) {
        this.credentials = opts.credentials;
        this.pageSize = opts.pageSize ?? 1000;
        this.http = new _registry_http_js__WEBPACK_IMPORTED_MODULE_6__/* .RegistryHttp */ .WR({
            deadline: opts.deadline,
            timeoutMs: opts.timeoutMs ?? 30_000,
            retries: opts.retries ?? 4,
            backoffMs: opts.backoffMs ?? 500,
            maxRetryAfterMs: opts.maxRetryAfterMs ?? 60_000,
        });
        this.auth = new _registry_auth_js__WEBPACK_IMPORTED_MODULE_4__/* .RegistryAuth */ .g(this.http, opts.credentials);
    }
    /** Every HTTP request sent, token requests included (a TLS probe refused at the handshake sends none). */
    get requests() {
        return this.http.count;
    }
    /** All tags of a repository, following `Link: <…>; rel="next"`, in the registry's order. */
    async listTags(ref) {
        const host = (0,_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .apiHost */ .nz)(ref.registry);
        const tags = [];
        const seen = new Set();
        let path = `/v2/${ref.repository}/tags/list?n=${this.pageSize}`;
        while (path) {
            if (seen.has(path))
                throw (0,_registry_wire_js__WEBPACK_IMPORTED_MODULE_5__/* .protocolError */ .JW)(ref, `its tag pagination loops back to ${path}`);
            seen.add(path);
            const { reply, credential } = await this.auth.authorized(ref, 'GET', path, { limit: _registry_http_js__WEBPACK_IMPORTED_MODULE_6__/* .MAX_TAG_PAGE */ .eC });
            if (reply.status !== 200)
                throw this.failure(ref, reply, credential);
            let page;
            try {
                page = JSON.parse(reply.body.toString('utf8'));
            }
            catch {
                throw (0,_registry_wire_js__WEBPACK_IMPORTED_MODULE_5__/* .protocolError */ .JW)(ref, 'its tag list is not JSON');
            }
            if (typeof page !== 'object' || page === null || Array.isArray(page))
                throw (0,_registry_wire_js__WEBPACK_IMPORTED_MODULE_5__/* .protocolError */ .JW)(ref, `its tag list is ${page === null ? 'null' : `a JSON ${Array.isArray(page) ? 'array' : typeof page}`}, not an object`);
            if (page.tags !== null && page.tags !== undefined) {
                if (!Array.isArray(page.tags) || page.tags.some((t) => typeof t !== 'string'))
                    throw (0,_registry_wire_js__WEBPACK_IMPORTED_MODULE_5__/* .protocolError */ .JW)(ref, 'its tag list is not a list of strings');
                for (const t of page.tags)
                    tags.push(t);
            }
            const next = (0,_registry_wire_js__WEBPACK_IMPORTED_MODULE_5__/* .parseLinkNext */ .he)(reply.headers.get('link'));
            path = next === undefined ? undefined : this.samePath(ref, host, path, next);
        }
        (0,_runner_js__WEBPACK_IMPORTED_MODULE_2__/* .debug */ .Yz)(`${host}/${ref.repository}: ${tags.length} tags in ${seen.size} page(s)`);
        return tags;
    }
    /** The digest a tag (default `latest`) or digest names, and its media type: a multi-arch image gives its index digest. */
    async headManifest(ref) {
        const r = (0,_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .withDefaultTag */ ._t)(ref);
        const reference = r.digest ?? r.tag;
        const path = `/v2/${r.repository}/manifests/${reference}`;
        const accept = { accept: _types_js__WEBPACK_IMPORTED_MODULE_7__/* .MANIFEST_ACCEPT */ .dY };
        const head = await this.auth.authorized(r, 'HEAD', path, accept);
        if (head.reply.status === 404) {
            // HEAD has no body: ask again with GET for the registry's error code (NAME_ vs MANIFEST_UNKNOWN)
            const get = await this.auth.authorized(r, 'GET', path, accept);
            throw this.failure(r, get.reply.status === 200 ? head.reply : get.reply, get.credential);
        }
        if (head.reply.status !== 200)
            throw this.failure(r, head.reply, head.credential);
        let digest = head.reply.headers.get('docker-content-digest') ?? '';
        let mediaType = (head.reply.headers.get('content-type') ?? '').split(';')[0].trim();
        const length = head.reply.headers.get('content-length');
        let size = length !== null && /^\d+$/.test(length) ? Number(length) : undefined;
        if (!/^sha256:[a-f0-9]{64}$/.test(digest)) {
            // no (usable) Docker-Content-Digest: the digest is the sha256 of the manifest bytes
            const get = await this.auth.authorized(r, 'GET', path, accept);
            if (get.reply.status !== 200)
                throw this.failure(r, get.reply, get.credential);
            digest = sha256(get.reply.body);
            size = get.reply.body.length;
            if (!mediaType) {
                const m = /"mediaType"\s*:\s*"([^"]+)"/.exec(get.reply.body.toString('utf8'));
                mediaType = m?.[1] ?? (get.reply.headers.get('content-type') ?? '').split(';')[0].trim();
            }
        }
        if (r.digest && digest !== r.digest) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`registry ${(0,_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .apiHost */ .nz)(r.registry)} answered digest ${digest} for ${(0,_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .formatReference */ .FH)(r)}`, {
                fix: 'the registry does not serve the content that digest names: check the registry (or a proxy in between)',
            });
        }
        const out = { digest, mediaType, access: accessOf(head.credential) };
        if (size !== undefined)
            out.size = size;
        return out;
    }
    /** The manifest or index a reference names, as served; checked against the digest when it names one. */
    async getManifest(ref) {
        const r = (0,_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .withDefaultTag */ ._t)(ref);
        const path = `/v2/${r.repository}/manifests/${r.digest ?? r.tag}`;
        const { reply, credential } = await this.auth.authorized(r, 'GET', path, { accept: _types_js__WEBPACK_IMPORTED_MODULE_7__/* .MANIFEST_ACCEPT */ .dY });
        if (reply.status !== 200)
            throw this.failure(r, reply, credential);
        if (r.digest && sha256(reply.body) !== r.digest)
            throw (0,_registry_wire_js__WEBPACK_IMPORTED_MODULE_5__/* .protocolError */ .JW)(r, `the manifest it served does not hash to ${r.digest}`);
        return reply.body;
    }
    // -------------------------------------------------------------------------------------------
    /** A `Link` target as a path on the same host (absolute links to another host are refused). */
    samePath(ref, host, current, next) {
        const base = new URL(current, `http://${host}`);
        const u = new URL(next, base);
        if (u.host.toLowerCase() !== host.toLowerCase())
            throw (0,_registry_wire_js__WEBPACK_IMPORTED_MODULE_5__/* .protocolError */ .JW)(ref, `its tag pagination points to another host (${u.host})`);
        return u.pathname + u.search;
    }
    /** One line for a final non-success answer, with the registry's error code. */
    failure(ref, reply, credential) {
        const host = (0,_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .apiHost */ .nz)(ref.registry);
        const err = (0,_registry_wire_js__WEBPACK_IMPORTED_MODULE_5__/* .registryError */ .eo)(reply.body);
        const code = err?.code ?? `HTTP ${reply.status}`;
        const detail = err?.message ? ` (${err.message})` : '';
        const auth = reply.status === 401 || reply.status === 403
            ? credential
                ? `, with credentials from ${credential.source}`
                : ' without credentials (none found): anonymous pull is refused, so the image is private (or missing)'
            : '';
        return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`registry ${host} answered ${code}${detail} for ${(0,_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .formatReference */ .FH)(ref)}${auth}`, {
            fix: fixFor(code, ref, this.credentials.hint(ref.registry), credential),
        });
    }
}


/***/ })

};
