export const id = 502;
export const ids = [502];
export const modules = {

/***/ 2429:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ RegistryAuth)
/* harmony export */ });
/* unused harmony export scopeOf */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4813);
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3564);
/* harmony import */ var _registry_wire_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(810);
/**
 * Registry authorization (docs/behaviour.md#registry-authentication): anonymous first; on 401 follow
 * the `WWW-Authenticate` challenge (a Bearer token, anonymous first, or Basic), then retry with the
 * credentials found for the registry when anonymous access is refused. Tokens are cached per host and
 * repository scope until shortly before they expire, and a challenge seen once on a host is answered
 * up front for the next repository. Every token and credential is masked before any log line.
 */




/** The token scope(s) of a request, space-separated: `repository:app:pull,push repository:src:pull`. */
function scopeOf(repository, access) {
    const own = `repository:${repository}:${access.push ? 'pull,push' : 'pull'}`;
    return access.mountFrom && access.mountFrom !== repository ? `${own} repository:${access.mountFrom}:pull` : own;
}
/** The authorization state of one run: challenges per host, tokens per host and scope. */
class RegistryAuth {
    http;
    credentials;
    /** the last challenge per host, so a second repository fetches its token without a 401 first */
    challenges = new Map();
    /** authorization per `host scope` */
    auth = new Map();
    constructor(http, credentials) {
        this.http = http;
        this.credentials = credentials;
    }
    /**
     * Send a registry API request with whatever authorization this repository needs: a cached
     * token, else anonymous; on 401 follow the challenge (anonymous token first), then credentials.
     * `push` asks for pull and push (nobody pushes anonymously: the credentials come first);
     * `mountFrom` adds pull on another repository of the host (a cross-repository mount).
     * A stream body cannot be sent twice: it goes once, with the authorization already known.
     */
    async authorized(ref, method, path, o = {}) {
        const host = (0,_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .apiHost */ .nz)(ref.registry);
        const { push, mountFrom, ...send } = o;
        const scope = scopeOf(ref.repository, { push, mountFrom });
        const key = `${host} ${scope}`;
        let state = this.auth.get(key);
        if (state && state.expiresAt <= Date.now())
            state = undefined;
        if (send.body instanceof ReadableStream) {
            return { reply: await this.http.send(host, method, path, { ...send, authorization: state?.header }), credential: state?.credential };
        }
        let triedAnonymous = push === true || (state !== undefined && !state.credential);
        let triedCredentials = state?.credential !== undefined;
        const known = this.challenges.get(host);
        if (!state && known?.scheme === 'bearer') {
            // a challenge seen for another repository on this host: get this scope's token up front
            const credential = push ? await this.credentials.lookup(ref.registry) : undefined;
            if (!push || credential) {
                state = (await this.authenticate(ref, known, scope, credential)) ?? undefined;
                triedAnonymous = true;
                triedCredentials = credential !== undefined;
                if (state)
                    this.auth.set(key, state);
            }
        }
        let reply = await this.http.send(host, method, path, { ...send, authorization: state?.header });
        for (;;) {
            const refused = reply.status === 401 || (reply.status === 403 && !triedCredentials);
            if (!refused)
                break;
            const challenge = reply.status === 401 ? (0,_registry_wire_js__WEBPACK_IMPORTED_MODULE_3__/* .pickChallenge */ .tO)((0,_registry_wire_js__WEBPACK_IMPORTED_MODULE_3__/* .parseWwwAuthenticate */ .qd)(reply.headers.get('www-authenticate'))) : this.challenges.get(host);
            if (!challenge && reply.status === 401)
                break;
            if (challenge)
                this.challenges.set(host, challenge);
            let credential;
            if (challenge?.scheme === 'bearer' && !triedAnonymous) {
                triedAnonymous = true;
            }
            else if (!triedCredentials) {
                triedCredentials = true;
                credential = await this.credentials.lookup(ref.registry);
                if (!credential)
                    break;
                if (!challenge)
                    break; // 403 with no challenge ever seen: nothing to present the credentials to
            }
            else
                break;
            const next = await this.authenticate(ref, challenge, scope, credential);
            if (!next)
                continue; // the token server refused anonymous access: go on to credentials
            state = next;
            this.auth.set(key, state);
            reply = await this.http.send(host, method, path, { ...send, authorization: state.header });
        }
        return { reply, credential: state?.credential };
    }
    /** Turn a challenge (and maybe a credential) into an Authorization header; `null` = anonymous refused by the token server. */
    async authenticate(ref, challenge, scope, credential) {
        const host = (0,_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .apiHost */ .nz)(ref.registry);
        if (challenge.scheme === 'basic') {
            if (!credential)
                return null;
            const header = `Basic ${Buffer.from(`${credential.username}:${credential.password}`).toString('base64')}`;
            (0,_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .setSecret */ .Pq)(header.slice(6));
            return { header, credential, expiresAt: Infinity };
        }
        const realm = challenge.params.realm;
        let url;
        try {
            url = new URL(realm ?? '');
        }
        catch {
            throw (0,_registry_wire_js__WEBPACK_IMPORTED_MODULE_3__/* .protocolError */ .JW)(ref, `its Bearer challenge has no usable realm (${JSON.stringify(realm ?? '')})`);
        }
        if (url.protocol !== 'https:' && url.protocol !== 'http:')
            throw (0,_registry_wire_js__WEBPACK_IMPORTED_MODULE_3__/* .protocolError */ .JW)(ref, `its token realm ${url.origin} is not http(s)`);
        if (credential && url.protocol === 'http:' && !(0,_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .isLoopbackHost */ .cW)(url.host)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`registry ${host} asks for credentials at ${url.origin}, which is plain http`, {
                fix: 'the credentials were not sent: use a registry whose token service speaks https',
            });
        }
        const service = challenge.params.service;
        let reply;
        if (credential?.identityToken) {
            // Docker's OAuth2 flow for an identity (refresh) token
            const form = new URLSearchParams({
                grant_type: 'refresh_token',
                refresh_token: credential.identityToken,
                client_id: 'sindri-deploy-action',
                scope,
            });
            if (service)
                form.set('service', service);
            reply = await this.http.send(url.host, 'POST', url.pathname + url.search, {
                scheme: url.protocol === 'https:' ? 'https' : 'http',
                body: form.toString(),
                contentType: 'application/x-www-form-urlencoded',
            });
        }
        else {
            if (service)
                url.searchParams.set('service', service);
            for (const one of scope.split(' '))
                url.searchParams.append('scope', one);
            const authorization = credential
                ? `Basic ${Buffer.from(`${credential.username}:${credential.password}`).toString('base64')}`
                : undefined;
            if (authorization)
                (0,_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .setSecret */ .Pq)(authorization.slice(6));
            reply = await this.http.send(url.host, 'GET', url.pathname + url.search, {
                scheme: url.protocol === 'https:' ? 'https' : 'http',
                authorization,
            });
        }
        if (reply.status === 401 || reply.status === 403) {
            if (!credential)
                return null;
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`the token service of registry ${host} (${url.origin}) refused the credentials from ${credential.source} for ${(0,_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .formatReference */ .FH)(ref)} (HTTP ${reply.status})`, { fix: `check the username and password or token; ${this.credentials.hint(ref.registry)}` });
        }
        if (reply.status !== 200) {
            const err = (0,_registry_wire_js__WEBPACK_IMPORTED_MODULE_3__/* .registryError */ .eo)(reply.body);
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`the token service of registry ${host} (${url.origin}) answered ${err?.code ?? `HTTP ${reply.status}`} for ${(0,_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .formatReference */ .FH)(ref)}`, {
                fix: 'retry later; rerun with ACTIONS_STEP_DEBUG=true for the requests',
            });
        }
        let body;
        try {
            body = JSON.parse(reply.body.toString('utf8'));
        }
        catch {
            throw (0,_registry_wire_js__WEBPACK_IMPORTED_MODULE_3__/* .protocolError */ .JW)(ref, `its token service ${url.origin} answered something that is not JSON`);
        }
        const token = typeof body.token === 'string' && body.token ? body.token : typeof body.access_token === 'string' ? body.access_token : '';
        if (!token)
            throw (0,_registry_wire_js__WEBPACK_IMPORTED_MODULE_3__/* .protocolError */ .JW)(ref, `its token service ${url.origin} answered without a token`);
        (0,_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .setSecret */ .Pq)(token);
        // the spec's default lifetime is 60 s; renew 10 s early
        const lifetime = typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : 60;
        return { header: `Bearer ${token}`, credential, expiresAt: Date.now() + Math.max(1, lifetime - 10) * 1000 };
    }
}


/***/ }),

/***/ 5687:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   WR: () => (/* binding */ RegistryHttp),
/* harmony export */   dg: () => (/* binding */ isTransient),
/* harmony export */   eC: () => (/* binding */ MAX_TAG_PAGE),
/* harmony export */   z3: () => (/* binding */ formatBytes)
/* harmony export */ });
/* unused harmony export MAX_BODY */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4813);
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3564);
/* harmony import */ var _registry_wire_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(810);




/**
 * The most bytes of one answer read into memory (manifests, token answers, error bodies): the
 * distribution spec has registries accept manifests of at least 4 MiB. A tag-list page asks for more
 * (MAX_TAG_PAGE). A body past its cap is not read further and the run fails (ADR 0026).
 */
const MAX_BODY = 4 * 1024 * 1024;
/** One tag-list page: 1000 tags need ~140 kB, but registries that ignore `n=` send their whole list at once. */
const MAX_TAG_PAGE = 16 * 1024 * 1024;
/** `4 MiB`, `512 KiB`, `300 B` */
function formatBytes(n) {
    if (n >= 1024 * 1024)
        return `${Math.round((n / (1024 * 1024)) * 10) / 10} MiB`;
    if (n >= 1024)
        return `${Math.round((n / 1024) * 10) / 10} KiB`;
    return `${n} B`;
}
/** Read a body into memory, at most `limit` bytes: past it, stop reading (the connection is dropped) and throw `tooBig()`. */
async function readCapped(res, limit, tooBig) {
    const length = res.headers.get('content-length');
    if (length !== null && /^\d+$/.test(length) && Number(length) > limit) {
        await res.body?.cancel().catch(() => undefined);
        throw tooBig();
    }
    if (!res.body)
        return Buffer.alloc(0);
    const reader = res.body.getReader();
    const chunks = [];
    let size = 0;
    for (;;) {
        const { done, value } = await reader.read();
        if (done)
            break;
        size += value.byteLength;
        if (size > limit) {
            await reader.cancel().catch(() => undefined);
            throw tooBig();
        }
        chunks.push(value);
    }
    return Buffer.concat(chunks, size);
}
const RETRY_STATUS = new Set([429, 500, 502, 503, 504]);
const TLS_CERT_CODES = new Set([
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'SELF_SIGNED_CERT_IN_CHAIN',
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
    'UNABLE_TO_GET_ISSUER_CERT',
    'CERT_HAS_EXPIRED',
    'CERT_NOT_YET_VALID',
    'ERR_TLS_CERT_ALTNAME_INVALID',
]);
const RETRY_CODES = new Set([
    'ECONNRESET',
    'EPIPE',
    'ETIMEDOUT',
    'EAI_AGAIN',
    'UND_ERR_SOCKET',
    'UND_ERR_CONNECT_TIMEOUT',
    'UND_ERR_HEADERS_TIMEOUT',
    'UND_ERR_BODY_TIMEOUT',
    'ECONNABORTED',
]);
function errorCode(e) {
    let cur = e;
    for (let depth = 0; cur && depth < 4; depth++) {
        const c = cur.code;
        if (typeof c === 'string')
            return c;
        cur = cur.cause;
    }
    return '';
}
/** `127.0.0.1:5999` from the innermost socket error (undici hides it under `fetch failed`), or ''. */
function peerOf(e) {
    let cur = e;
    for (let depth = 0; cur && depth < 4; depth++) {
        const { address, port } = cur;
        if (typeof address === 'string')
            return typeof port === 'number' ? `${address}:${port}` : address;
        cur = cur.cause;
    }
    return '';
}
/** The innermost message: `fetch failed` says nothing, its cause says what happened. */
function innerMessage(e) {
    let cur = e;
    let msg = e instanceof Error ? e.message : String(e);
    for (let depth = 0; cur && depth < 4; depth++) {
        if (cur instanceof Error && cur.message)
            msg = cur.message;
        cur = cur.cause;
    }
    return msg.split('\n')[0] ?? msg;
}
function classify(e) {
    const name = e?.name;
    if (name === 'TimeoutError' || name === 'AbortError')
        return { kind: 'timeout', code: 'timeout' };
    const code = errorCode(e);
    if (TLS_CERT_CODES.has(code))
        return { kind: 'tls-cert', code };
    if (code.startsWith('ERR_SSL_') || code === 'EPROTO')
        return { kind: 'tls-protocol', code };
    if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EHOSTUNREACH' || code === 'ENETUNREACH')
        return { kind: 'unreachable', code };
    if (RETRY_CODES.has(code) || /other side closed|socket hang up/i.test(String(e?.cause ?? '')))
        return { kind: 'retryable', code: code || 'reset' };
    return { kind: 'other', code: code || innerMessage(e) };
}
const transientErrors = new WeakSet();
/** True for a failure a later attempt may not meet (a reset, a timeout): a caller that owns a whole transfer may start it again. */
function isTransient(e) {
    return typeof e === 'object' && e !== null && transientErrors.has(e);
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** The registry hosts of one run: their schemes, which answered, and the count of requests sent. */
class RegistryHttp {
    opts;
    /** every HTTP request sent, token requests included (a TLS probe refused at the handshake sends none) */
    count = 0;
    /** scheme per host once known (loopback hosts may fall back to http) */
    schemes = new Map();
    /** hosts that answered once: a refused connection there later is worth retrying */
    reached = new Set();
    constructor(opts) {
        this.opts = opts;
    }
    /**
     * One HTTP exchange with retries; the body is read inside the attempt (at most `limit` bytes) so a
     * reset mid-body is retried too. A stream body is sent once; a `stream` reply hands its body back unread.
     */
    async send(host, method, path, o) {
        const fixedScheme = o.scheme;
        const headers = { 'user-agent': 'sindri-deploy-action' };
        if (o.authorization)
            headers.authorization = o.authorization;
        if (o.accept)
            headers.accept = o.accept;
        if (o.contentType)
            headers['content-type'] = o.contentType;
        Object.assign(headers, o.headers);
        const streamed = o.body instanceof ReadableStream;
        if (streamed && o.length !== undefined)
            headers['content-length'] = String(o.length);
        // a blob's bytes are hashed as they come: never let fetch undo a Content-Encoding on them
        if (o.stream)
            headers['accept-encoding'] = 'identity';
        const limit = o.limit ?? MAX_BODY;
        const retries = streamed ? 0 : this.opts.retries;
        let last = '';
        const shownPath = path.replace(/\?.*$/, '');
        const tooBig = () => new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`${host} sent more than ${formatBytes(limit)} in answer to ${method} ${shownPath}: stopped reading`, {
            fix: `check that ${host} is an OCI registry and that no proxy in between answers for it; no registry answer is that large`,
        });
        for (let attempt = 0;; attempt++) {
            const scheme = fixedScheme ?? this.schemes.get(host) ?? 'https';
            const url = `${scheme}://${host}${path}`;
            // each request takes its share of the run's deadline (ADR 0014): min(its own timeout, what is left)
            const timeoutMs = this.opts.deadline.budget(`registry ${host} answered ${method} ${shownPath}`, this.opts.timeoutMs);
            this.count++;
            let wait;
            // the timeout covers the answer; an upload's body is paced by the caller's signal (its own stall timer)
            const timer = new AbortController();
            const clock = streamed ? undefined : setTimeout(() => timer.abort(new DOMException('timeout', 'TimeoutError')), timeoutMs);
            const signal = o.signal ? AbortSignal.any([timer.signal, o.signal]) : timer.signal;
            try {
                const init = {
                    method,
                    headers,
                    body: o.body,
                    redirect: method === 'GET' || method === 'HEAD' ? 'follow' : 'manual',
                    signal,
                };
                if (streamed)
                    init.duplex = 'half';
                const res = await fetch(url, init);
                this.reached.add(host);
                if (!fixedScheme && !this.schemes.has(host))
                    this.schemes.set(host, scheme);
                (0,_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .debug */ .Yz)(`${method} ${url} → ${res.status}`);
                if (o.stream && res.ok && res.body) {
                    clearTimeout(clock);
                    return { status: res.status, headers: res.headers, body: Buffer.alloc(0), stream: res.body };
                }
                const body = method === 'HEAD' ? Buffer.alloc(0) : await readCapped(res, limit, tooBig);
                if (!RETRY_STATUS.has(res.status) || attempt >= retries)
                    return { status: res.status, headers: res.headers, body };
                last = `HTTP ${res.status}`;
                const after = (0,_registry_wire_js__WEBPACK_IMPORTED_MODULE_3__/* .parseRetryAfter */ .mu)(res.headers.get('retry-after'));
                if (after !== undefined)
                    wait = Math.min(after, this.opts.maxRetryAfterMs);
            }
            catch (e) {
                if (e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ)
                    throw e;
                if (o.signal?.aborted)
                    throw o.signal.reason;
                const { kind, code } = classify(e);
                (0,_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .debug */ .Yz)(`${method} ${url} failed: ${code}`);
                if (kind === 'timeout' && timeoutMs < this.opts.timeoutMs && this.opts.deadline.remaining() <= 0) {
                    throw this.opts.deadline.exceeded(`registry ${host} answered ${method} ${shownPath} (no answer in the ${Math.round(timeoutMs / 100) / 10} s left)`);
                }
                if (kind === 'tls-protocol' && !fixedScheme && scheme === 'https' && !this.schemes.has(host) && (0,_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .isLoopbackHost */ .cW)(host)) {
                    // a loopback registry without TLS (Docker's rule for localhost): the handshake sent no HTTP request
                    this.count--;
                    this.schemes.set(host, 'http');
                    attempt--;
                    continue;
                }
                if (kind === 'tls-cert') {
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`cannot verify the TLS certificate of ${host} (${code})`, {
                        cause: e,
                        fix: 'give the runner its CA: set NODE_EXTRA_CA_CERTS to the CA bundle file in the job env',
                    });
                }
                if (kind === 'unreachable' && !this.reached.has(host)) {
                    // a host that never answered: a wrong name or port, not a blip worth four retries
                    const peer = peerOf(e);
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`cannot reach registry ${host} (${code}${peer && peer !== host ? ` ${peer}` : ''})`, {
                        cause: e,
                        fix: `check the registry host and port in the image reference, and that ${host} is up`,
                    });
                }
                if (kind === 'other' || kind === 'tls-protocol' || attempt >= retries) {
                    const peer = peerOf(e);
                    const what = kind === 'timeout'
                        ? `did not answer within ${Math.round(timeoutMs / 100) / 10} s`
                        : `failed (${code}${peer ? ` ${peer}` : ''})`;
                    const failed = new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`${method} ${scheme}://${host}${shownPath} ${what} after ${attempt + 1} attempt(s)`, {
                        cause: e,
                        fix: `check that ${host} is reachable from the runner; retry later`,
                    });
                    if (kind === 'retryable' || kind === 'timeout')
                        transientErrors.add(failed);
                    throw failed;
                }
                last = code;
            }
            finally {
                clearTimeout(clock);
            }
            const delay = wait ?? (0,_registry_wire_js__WEBPACK_IMPORTED_MODULE_3__/* .backoffDelay */ .EY)(attempt, this.opts.backoffMs);
            if (delay >= this.opts.deadline.remaining()) {
                // the retry could not start before the deadline: stop now rather than sleep into it
                throw this.opts.deadline.exceeded(`registry ${host} answered ${method} ${shownPath} (${attempt + 1} attempt(s), last: ${last})`);
            }
            (0,_runner_js__WEBPACK_IMPORTED_MODULE_1__/* .debug */ .Yz)(`retrying ${method} ${url} in ${delay} ms after ${last}`);
            await sleep(delay);
        }
    }
}


/***/ }),

/***/ 810:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EY: () => (/* binding */ backoffDelay),
/* harmony export */   JW: () => (/* binding */ protocolError),
/* harmony export */   eo: () => (/* binding */ registryError),
/* harmony export */   he: () => (/* binding */ parseLinkNext),
/* harmony export */   mu: () => (/* binding */ parseRetryAfter),
/* harmony export */   qd: () => (/* binding */ parseWwwAuthenticate),
/* harmony export */   tO: () => (/* binding */ pickChallenge)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3564);
/**
 * The distribution API's wire formats, as pure functions: the `WWW-Authenticate` challenge (RFC 7235),
 * the `Link` header of tag pagination, `Retry-After`, the registry's error body and the backoff between
 * retries, and the one error for a registry that breaks the protocol. No I/O here: registry-http.ts,
 * registry-auth.ts and registry.ts use them.
 */


/**
 * Parse `WWW-Authenticate` (RFC 7235): one or more challenges, each `scheme k=v, k="v, with commas"`.
 * Returns the challenges we understand (Bearer, Basic), in the order given.
 */
function parseWwwAuthenticate(header) {
    const out = [];
    if (!header)
        return out;
    let i = 0;
    const s = header;
    let current;
    let currentKnown = false;
    const skip = (re) => {
        while (i < s.length && re.test(s[i]))
            i++;
    };
    while (i < s.length) {
        skip(/[\s,]/);
        const start = i;
        while (i < s.length && /[^\s,=]/.test(s[i]))
            i++;
        const token = s.slice(start, i);
        if (!token)
            break;
        skip(/\s/);
        if (s[i] === '=') {
            // a parameter of the current challenge
            i++;
            skip(/\s/);
            let value = '';
            if (s[i] === '"') {
                i++;
                while (i < s.length && s[i] !== '"') {
                    if (s[i] === '\\' && i + 1 < s.length)
                        i++;
                    value += s[i];
                    i++;
                }
                i++; // closing quote
            }
            else {
                const vs = i;
                while (i < s.length && s[i] !== ',')
                    i++;
                value = s.slice(vs, i).trim();
            }
            if (current && currentKnown)
                current.params[token.toLowerCase()] = value;
        }
        else {
            // a new challenge: `Scheme` possibly followed by params
            const scheme = token.toLowerCase();
            currentKnown = scheme === 'bearer' || scheme === 'basic';
            current = { scheme: scheme, params: {} };
            if (currentKnown)
                out.push(current);
        }
    }
    return out;
}
/** The `rel="next"` target of a `Link` header, as written (relative or absolute). */
function parseLinkNext(header) {
    if (!header)
        return undefined;
    for (const part of header.split(/,(?=\s*<)/)) {
        const m = /^\s*<([^>]*)>(.*)$/.exec(part);
        if (!m)
            continue;
        const rel = /;\s*rel\s*=\s*(?:"([^"]*)"|([^\s;,]+))/i.exec(m[2]);
        if (rel && (rel[1] ?? rel[2] ?? '').toLowerCase().split(/\s+/).includes('next'))
            return m[1];
    }
    return undefined;
}
/** `Retry-After` in milliseconds: delta seconds or an HTTP date; `undefined` when absent or unreadable. */
function parseRetryAfter(value, now = Date.now()) {
    if (!value)
        return undefined;
    const v = value.trim();
    if (/^\d+$/.test(v))
        return Number(v) * 1000;
    const at = Date.parse(v);
    return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
/** The first entry of a distribution error body: `{"errors":[{"code","message","detail"}]}`. */
function registryError(body) {
    try {
        const parsed = JSON.parse(body.toString());
        const first = parsed?.errors?.[0];
        if (first && typeof first.code === 'string')
            return { code: first.code, message: typeof first.message === 'string' ? first.message : '' };
    }
    catch {
        // not JSON: no code
    }
    return undefined;
}
/** Backoff before retry `attempt` (0-based): base·2^attempt with ±50 % jitter, at most 30 s. */
function backoffDelay(attempt, baseMs, random = Math.random()) {
    return Math.round(Math.min(30_000, baseMs * 2 ** attempt) * (0.5 + random));
}
/** Bearer wins over Basic when a registry offers both. */
function pickChallenge(challenges) {
    return challenges.find((c) => c.scheme === 'bearer') ?? challenges.find((c) => c.scheme === 'basic');
}
/** A registry that answered, but not as the distribution API says it must. */
function protocolError(ref, what) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`registry ${(0,_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .apiHost */ .nz)(ref.registry)} broke the distribution API for ${(0,_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .formatReference */ .FH)(ref)}: ${what}`, {
        fix: `check that ${ref.registry} is an OCI registry (a proxy in between may rewrite answers)`,
    });
}


/***/ }),

/***/ 1328:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z2: () => (/* binding */ MEDIA_TYPES),
/* harmony export */   dY: () => (/* binding */ MANIFEST_ACCEPT),
/* harmony export */   gz: () => (/* binding */ MEDIA_NAMES),
/* harmony export */   y0: () => (/* binding */ RULES)
/* harmony export */ });
/** The manifest types a tag may point at; a multi-arch image pins to its index (docs/behaviour.md#digest-pinning). */
const MEDIA_TYPES = {
    ociIndex: 'application/vnd.oci.image.index.v1+json',
    ociManifest: 'application/vnd.oci.image.manifest.v1+json',
    dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
    dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
};
/** Every type we pin to. Without all of them distribution 2.8 converts to schema1 and reports another digest. */
const MANIFEST_ACCEPT = Object.values(MEDIA_TYPES).join(', ');
/** How the trace names each of them. */
const MEDIA_NAMES = {
    [MEDIA_TYPES.ociIndex]: 'OCI image index',
    [MEDIA_TYPES.dockerList]: 'Docker manifest list',
    [MEDIA_TYPES.ociManifest]: 'OCI image manifest',
    [MEDIA_TYPES.dockerManifest]: 'Docker v2 manifest',
};
/** Rule number and source of every rule, in priority order. */
const RULES = [
    { rule: 1, source: 'input-digest', title: 'input image-digest' },
    { rule: 2, source: 'input-image', title: 'input image' },
    { rule: 3, source: 'config-digest', title: 'deployment.image_config.digest' },
    { rule: 4, source: 'config-tag', title: 'deployment.image_config.tag_override' },
    { rule: 5, source: 'config-version', title: 'deployment.image_config.version' },
    { rule: 6, source: 'config-image', title: 'deployment.image' },
    { rule: 7, source: 'config-registry', title: 'deployment.image_config.registry' },
    { rule: 8, source: 'dockerfile', title: 'Dockerfile' },
    { rule: 9, source: 'default', title: 'input default-image' },
];


/***/ })

};
