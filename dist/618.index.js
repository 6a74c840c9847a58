export const id = 618;
export const ids = [618];
export const modules = {

/***/ 3564:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F2: () => (/* binding */ parseReference),
/* harmony export */   FH: () => (/* binding */ formatReference),
/* harmony export */   Xb: () => (/* binding */ DOCKER_HUB),
/* harmony export */   _t: () => (/* binding */ withDefaultTag),
/* harmony export */   aR: () => (/* binding */ repositoryName),
/* harmony export */   cW: () => (/* binding */ isLoopbackHost),
/* harmony export */   ct: () => (/* binding */ pinnedReference),
/* harmony export */   nz: () => (/* binding */ apiHost),
/* harmony export */   r_: () => (/* binding */ isValidTag)
/* harmony export */ });
/* unused harmony export isValidDigest */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
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

/***/ 3618:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  MANIFEST_ACCEPT: () => (/* reexport */ types/* MANIFEST_ACCEPT */.dY),
  MEDIA_TYPES: () => (/* reexport */ types/* MEDIA_TYPES */.Z2),
  RegistryClient: () => (/* binding */ RegistryClient)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/runner.ts
var runner = __webpack_require__(4813);
// EXTERNAL MODULE: ./src/image/reference.ts
var image_reference = __webpack_require__(3564);
;// CONCATENATED MODULE: ./src/image/registry-wire.ts
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
    return new errors/* ActionError */.lZ(`registry ${(0,image_reference/* apiHost */.nz)(ref.registry)} broke the distribution API for ${(0,image_reference/* formatReference */.FH)(ref)}: ${what}`, {
        fix: `check that ${ref.registry} is an OCI registry (a proxy in between may rewrite answers)`,
    });
}

;// CONCATENATED MODULE: ./src/image/registry-auth.ts
/**
 * Registry authorization (docs/behaviour.md#registry-authentication): anonymous first; on 401 follow
 * the `WWW-Authenticate` challenge (a Bearer token, anonymous first, or Basic), then retry with the
 * credentials found for the registry when anonymous access is refused. Tokens are cached per host and
 * repository scope until shortly before they expire, and a challenge seen once on a host is answered
 * up front for the next repository. Every token and credential is masked before any log line.
 */




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
     */
    async authorized(ref, method, path, accept) {
        const host = (0,image_reference/* apiHost */.nz)(ref.registry);
        const scope = `repository:${ref.repository}:pull`;
        const key = `${host} ${scope}`;
        let state = this.auth.get(key);
        if (state && state.expiresAt <= Date.now())
            state = undefined;
        let triedAnonymous = state !== undefined && !state.credential;
        let triedCredentials = state?.credential !== undefined;
        const known = this.challenges.get(host);
        if (!state && known?.scheme === 'bearer') {
            // a challenge seen for another repository on this host: get this scope's token up front
            state = (await this.authenticate(ref, known, scope, undefined)) ?? undefined;
            triedAnonymous = true;
            if (state)
                this.auth.set(key, state);
        }
        let reply = await this.http.send(host, method, path, { authorization: state?.header, accept });
        for (;;) {
            const refused = reply.status === 401 || (reply.status === 403 && !triedCredentials);
            if (!refused)
                break;
            const challenge = reply.status === 401 ? pickChallenge(parseWwwAuthenticate(reply.headers.get('www-authenticate'))) : this.challenges.get(host);
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
            reply = await this.http.send(host, method, path, { authorization: state.header, accept });
        }
        return { reply, credential: state?.credential };
    }
    /** Turn a challenge (and maybe a credential) into an Authorization header; `null` = anonymous refused by the token server. */
    async authenticate(ref, challenge, scope, credential) {
        const host = (0,image_reference/* apiHost */.nz)(ref.registry);
        if (challenge.scheme === 'basic') {
            if (!credential)
                return null;
            const header = `Basic ${Buffer.from(`${credential.username}:${credential.password}`).toString('base64')}`;
            (0,runner/* setSecret */.Pq)(header.slice(6));
            return { header, credential, expiresAt: Infinity };
        }
        const realm = challenge.params.realm;
        let url;
        try {
            url = new URL(realm ?? '');
        }
        catch {
            throw protocolError(ref, `its Bearer challenge has no usable realm (${JSON.stringify(realm ?? '')})`);
        }
        if (url.protocol !== 'https:' && url.protocol !== 'http:')
            throw protocolError(ref, `its token realm ${url.origin} is not http(s)`);
        if (credential && url.protocol === 'http:' && !(0,image_reference/* isLoopbackHost */.cW)(url.host)) {
            throw new errors/* ActionError */.lZ(`registry ${host} asks for credentials at ${url.origin}, which is plain http`, {
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
            url.searchParams.set('scope', scope);
            const authorization = credential
                ? `Basic ${Buffer.from(`${credential.username}:${credential.password}`).toString('base64')}`
                : undefined;
            if (authorization)
                (0,runner/* setSecret */.Pq)(authorization.slice(6));
            reply = await this.http.send(url.host, 'GET', url.pathname + url.search, {
                scheme: url.protocol === 'https:' ? 'https' : 'http',
                authorization,
            });
        }
        if (reply.status === 401 || reply.status === 403) {
            if (!credential)
                return null;
            throw new errors/* ActionError */.lZ(`the token service of registry ${host} (${url.origin}) refused the credentials from ${credential.source} for ${(0,image_reference/* formatReference */.FH)(ref)} (HTTP ${reply.status})`, { fix: `check the username and password or token; ${this.credentials.hint(ref.registry)}` });
        }
        if (reply.status !== 200) {
            const err = registryError(reply.body);
            throw new errors/* ActionError */.lZ(`the token service of registry ${host} (${url.origin}) answered ${err?.code ?? `HTTP ${reply.status}`} for ${(0,image_reference/* formatReference */.FH)(ref)}`, {
                fix: 'retry later; rerun with ACTIONS_STEP_DEBUG=true for the requests',
            });
        }
        let body;
        try {
            body = JSON.parse(reply.body.toString('utf8'));
        }
        catch {
            throw protocolError(ref, `its token service ${url.origin} answered something that is not JSON`);
        }
        const token = typeof body.token === 'string' && body.token ? body.token : typeof body.access_token === 'string' ? body.access_token : '';
        if (!token)
            throw protocolError(ref, `its token service ${url.origin} answered without a token`);
        (0,runner/* setSecret */.Pq)(token);
        // the spec's default lifetime is 60 s; renew 10 s early
        const lifetime = typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : 60;
        return { header: `Bearer ${token}`, credential, expiresAt: Date.now() + Math.max(1, lifetime - 10) * 1000 };
    }
}

;// CONCATENATED MODULE: ./src/image/registry-http.ts




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
    /** One HTTP exchange with retries; the body is read inside the attempt so a reset mid-body is retried too. */
    async send(host, method, path, o) {
        const fixedScheme = o.scheme;
        const headers = { 'user-agent': 'sindri-deploy-action' };
        if (o.authorization)
            headers.authorization = o.authorization;
        if (o.accept)
            headers.accept = o.accept;
        if (o.contentType)
            headers['content-type'] = o.contentType;
        let last = '';
        const shownPath = path.replace(/\?.*$/, '');
        for (let attempt = 0;; attempt++) {
            const scheme = fixedScheme ?? this.schemes.get(host) ?? 'https';
            const url = `${scheme}://${host}${path}`;
            // each request takes its share of the run's deadline (ADR 0014): min(its own timeout, what is left)
            const timeoutMs = this.opts.deadline.budget(`registry ${host} answered ${method} ${shownPath}`, this.opts.timeoutMs);
            this.count++;
            let wait;
            try {
                const res = await fetch(url, {
                    method,
                    headers,
                    body: o.body,
                    redirect: 'follow',
                    signal: AbortSignal.timeout(timeoutMs),
                });
                const body = method === 'HEAD' ? Buffer.alloc(0) : Buffer.from(await res.arrayBuffer());
                this.reached.add(host);
                if (!fixedScheme && !this.schemes.has(host))
                    this.schemes.set(host, scheme);
                (0,runner/* debug */.Yz)(`${method} ${url} → ${res.status}`);
                if (!RETRY_STATUS.has(res.status) || attempt >= this.opts.retries)
                    return { status: res.status, headers: res.headers, body };
                last = `HTTP ${res.status}`;
                const after = parseRetryAfter(res.headers.get('retry-after'));
                if (after !== undefined)
                    wait = Math.min(after, this.opts.maxRetryAfterMs);
            }
            catch (e) {
                const { kind, code } = classify(e);
                (0,runner/* debug */.Yz)(`${method} ${url} failed: ${code}`);
                if (kind === 'timeout' && timeoutMs < this.opts.timeoutMs && this.opts.deadline.remaining() <= 0) {
                    throw this.opts.deadline.exceeded(`registry ${host} answered ${method} ${shownPath} (no answer in the ${Math.round(timeoutMs / 100) / 10} s left)`);
                }
                if (kind === 'tls-protocol' && !fixedScheme && scheme === 'https' && !this.schemes.has(host) && (0,image_reference/* isLoopbackHost */.cW)(host)) {
                    // a loopback registry without TLS (Docker's rule for localhost): the handshake sent no HTTP request
                    this.count--;
                    this.schemes.set(host, 'http');
                    attempt--;
                    continue;
                }
                if (kind === 'tls-cert') {
                    throw new errors/* ActionError */.lZ(`cannot verify the TLS certificate of ${host} (${code})`, {
                        cause: e,
                        fix: 'give the runner its CA: set NODE_EXTRA_CA_CERTS to the CA bundle file in the job env',
                    });
                }
                if (kind === 'unreachable' && !this.reached.has(host)) {
                    // a host that never answered: a wrong name or port, not a blip worth four retries
                    const peer = peerOf(e);
                    throw new errors/* ActionError */.lZ(`cannot reach registry ${host} (${code}${peer && peer !== host ? ` ${peer}` : ''})`, {
                        cause: e,
                        fix: `check the registry host and port in the image reference, and that ${host} is up`,
                    });
                }
                if (kind === 'other' || kind === 'tls-protocol' || attempt >= this.opts.retries) {
                    const peer = peerOf(e);
                    const what = kind === 'timeout'
                        ? `did not answer within ${Math.round(timeoutMs / 100) / 10} s`
                        : `failed (${code}${peer ? ` ${peer}` : ''})`;
                    throw new errors/* ActionError */.lZ(`${method} ${scheme}://${host}${shownPath} ${what} after ${attempt + 1} attempt(s)`, {
                        cause: e,
                        fix: `check that ${host} is reachable from the runner; retry later`,
                    });
                }
                last = code;
            }
            const delay = wait ?? backoffDelay(attempt, this.opts.backoffMs);
            if (delay >= this.opts.deadline.remaining()) {
                // the retry could not start before the deadline: stop now rather than sleep into it
                throw this.opts.deadline.exceeded(`registry ${host} answered ${method} ${shownPath} (${attempt + 1} attempt(s), last: ${last})`);
            }
            (0,runner/* debug */.Yz)(`retrying ${method} ${url} in ${delay} ms after ${last}`);
            await sleep(delay);
        }
    }
}

// EXTERNAL MODULE: ./src/image/types.ts
var types = __webpack_require__(1328);
;// CONCATENATED MODULE: ./src/image/registry.ts
/**
 * A small OCI distribution client: tag listing and manifest HEAD (docs/behaviour.md#digest-pinning,
 * docs/behaviour.md#registry-authentication). The authorization dance is in registry-auth.ts, one
 * retried HTTP exchange in registry-http.ts, the wire formats in registry-wire.ts. Every failure is
 * one ActionError carrying the registry's own error code, the host, the reference and a fix.
 */









const sha256 = (b) => `sha256:${(0,external_node_crypto_.createHash)('sha256').update(b).digest('hex')}`;
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
        this.http = new RegistryHttp({
            deadline: opts.deadline,
            timeoutMs: opts.timeoutMs ?? 30_000,
            retries: opts.retries ?? 4,
            backoffMs: opts.backoffMs ?? 500,
            maxRetryAfterMs: opts.maxRetryAfterMs ?? 60_000,
        });
        this.auth = new RegistryAuth(this.http, opts.credentials);
    }
    /** Every HTTP request sent, token requests included (a TLS probe refused at the handshake sends none). */
    get requests() {
        return this.http.count;
    }
    /** All tags of a repository, following `Link: <…>; rel="next"`, in the registry's order. */
    async listTags(ref) {
        const host = (0,image_reference/* apiHost */.nz)(ref.registry);
        const tags = [];
        const seen = new Set();
        let path = `/v2/${ref.repository}/tags/list?n=${this.pageSize}`;
        while (path) {
            if (seen.has(path))
                throw protocolError(ref, `its tag pagination loops back to ${path}`);
            seen.add(path);
            const { reply, credential } = await this.auth.authorized(ref, 'GET', path);
            if (reply.status !== 200)
                throw this.failure(ref, reply, credential);
            let page;
            try {
                page = JSON.parse(reply.body.toString('utf8'));
            }
            catch {
                throw protocolError(ref, 'its tag list is not JSON');
            }
            if (page.tags !== null && page.tags !== undefined) {
                if (!Array.isArray(page.tags) || page.tags.some((t) => typeof t !== 'string'))
                    throw protocolError(ref, 'its tag list is not a list of strings');
                for (const t of page.tags)
                    tags.push(t);
            }
            const next = parseLinkNext(reply.headers.get('link'));
            path = next === undefined ? undefined : this.samePath(ref, host, path, next);
        }
        (0,runner/* debug */.Yz)(`${host}/${ref.repository}: ${tags.length} tags in ${seen.size} page(s)`);
        return tags;
    }
    /** The digest a tag (default `latest`) or digest names, and its media type: a multi-arch image gives its index digest. */
    async headManifest(ref) {
        const r = (0,image_reference/* withDefaultTag */._t)(ref);
        const reference = r.digest ?? r.tag;
        const path = `/v2/${r.repository}/manifests/${reference}`;
        const head = await this.auth.authorized(r, 'HEAD', path, types/* MANIFEST_ACCEPT */.dY);
        if (head.reply.status === 404) {
            // HEAD has no body: ask again with GET for the registry's error code (NAME_ vs MANIFEST_UNKNOWN)
            const get = await this.auth.authorized(r, 'GET', path, types/* MANIFEST_ACCEPT */.dY);
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
            const get = await this.auth.authorized(r, 'GET', path, types/* MANIFEST_ACCEPT */.dY);
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
            throw new errors/* ActionError */.lZ(`registry ${(0,image_reference/* apiHost */.nz)(r.registry)} answered digest ${digest} for ${(0,image_reference/* formatReference */.FH)(r)}`, {
                fix: 'the registry does not serve the content that digest names: check the registry (or a proxy in between)',
            });
        }
        const out = { digest, mediaType };
        if (size !== undefined)
            out.size = size;
        return out;
    }
    // -------------------------------------------------------------------------------------------
    /** A `Link` target as a path on the same host (absolute links to another host are refused). */
    samePath(ref, host, current, next) {
        const base = new URL(current, `http://${host}`);
        const u = new URL(next, base);
        if (u.host.toLowerCase() !== host.toLowerCase())
            throw protocolError(ref, `its tag pagination points to another host (${u.host})`);
        return u.pathname + u.search;
    }
    /** One line for a final non-success answer, with the registry's error code. */
    failure(ref, reply, credential) {
        const host = (0,image_reference/* apiHost */.nz)(ref.registry);
        const err = registryError(reply.body);
        const code = err?.code ?? `HTTP ${reply.status}`;
        const detail = err?.message ? ` (${err.message})` : '';
        const auth = reply.status === 401 || reply.status === 403
            ? credential
                ? `, with credentials from ${credential.source}`
                : ', without credentials (none found)'
            : '';
        return new errors/* ActionError */.lZ(`registry ${host} answered ${code}${detail} for ${(0,image_reference/* formatReference */.FH)(ref)}${auth}`, {
            fix: fixFor(code, ref, this.credentials.hint(ref.registry), credential),
        });
    }
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
