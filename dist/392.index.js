export const id = 392;
export const ids = [392];
export const modules = {

/***/ 4392:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  copyImage: () => (/* binding */ copyImage)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/image/types.ts
var types = __webpack_require__(1328);
;// CONCATENATED MODULE: ./src/image/copy-plan.ts
/**
 * The pure side of an image copy (ADR 0026): read a manifest's bytes into what it references (the
 * platform manifests of an index, the config and layers of an image), pick the runner's platform out
 * of an index, and say in one line what a copy did. No I/O here: copy.ts does the requests.
 */


const DIGEST = /^(sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})$/;
const INDEX_TYPES = new Set([types/* MEDIA_TYPES */.Z2.ociIndex, types/* MEDIA_TYPES */.Z2.dockerList]);
const IMAGE_TYPES = new Set([types/* MEDIA_TYPES */.Z2.ociManifest, types/* MEDIA_TYPES */.Z2.dockerManifest]);
/** Layers the registry never holds: Windows base layers, OCI non-distributable layers (`urls` say where they are). */
const FOREIGN = /(\.foreign\.|\.nondistributable\.)/;
function bad(what, why) {
    return new errors/* ActionError */.lZ(`${what} is not a manifest this action can copy: ${why}`, {
        fix: 'copy OCI or Docker v2 images and indexes (schema 2); rebuild the image with a current docker buildx',
    });
}
function descriptor(raw, what) {
    const d = raw;
    if (!d || typeof d !== 'object')
        throw bad(what, 'a descriptor is not an object');
    if (typeof d.digest !== 'string' || !DIGEST.test(d.digest))
        throw bad(what, `a descriptor has no valid digest (${JSON.stringify(d.digest)})`);
    if (typeof d.size !== 'number' || !Number.isSafeInteger(d.size) || d.size < 0)
        throw bad(what, `descriptor ${d.digest} has no valid size`);
    const out = { mediaType: typeof d.mediaType === 'string' ? d.mediaType : '', digest: d.digest, size: d.size };
    const p = d.platform;
    if (p && typeof p === 'object' && typeof p.os === 'string' && typeof p.architecture === 'string') {
        out.platform = { os: p.os, architecture: p.architecture };
        if (typeof p.variant === 'string' && p.variant)
            out.platform.variant = p.variant;
    }
    if (Array.isArray(d.urls) && d.urls.length)
        out.urls = d.urls.filter((u) => typeof u === 'string');
    if (d.annotations && typeof d.annotations === 'object')
        out.annotations = d.annotations;
    return out;
}
/**
 * What a manifest references. `contentType` is the registry's Content-Type (it wins: an OCI manifest
 * may omit `mediaType`); `what` names the manifest in errors (`127.0.0.1:5001/app@sha256:…`).
 */
function parseManifest(bytes, contentType, what) {
    let raw;
    try {
        raw = JSON.parse(bytes.toString('utf8'));
    }
    catch {
        throw bad(what, 'its body is not JSON');
    }
    if (!raw || typeof raw !== 'object' || Array.isArray(raw))
        throw bad(what, 'its body is not a JSON object');
    if (raw.schemaVersion !== 2)
        throw bad(what, `schemaVersion ${JSON.stringify(raw.schemaVersion)}`);
    const header = contentType.split(';')[0].trim();
    const declared = typeof raw.mediaType === 'string' ? raw.mediaType : '';
    const known = (t) => INDEX_TYPES.has(t) || IMAGE_TYPES.has(t);
    const mediaType = known(header)
        ? header
        : known(declared)
            ? declared
            : Array.isArray(raw.manifests)
                ? types/* MEDIA_TYPES */.Z2.ociIndex
                : types/* MEDIA_TYPES */.Z2.ociManifest;
    if (INDEX_TYPES.has(mediaType)) {
        if (!Array.isArray(raw.manifests))
            throw bad(what, 'an index without a manifests list');
        return { kind: 'index', mediaType, manifests: raw.manifests.map((m) => descriptor(m, what)) };
    }
    if (!raw.config || !Array.isArray(raw.layers))
        throw bad(what, 'an image manifest without config and layers');
    const layers = raw.layers.map((l) => descriptor(l, what));
    const kept = layers.filter((l) => !(l.urls && FOREIGN.test(l.mediaType)));
    return { kind: 'image', mediaType, blobs: [descriptor(raw.config, what), ...kept], foreign: layers.length - kept.length };
}
/** Node's `process.arch` in Go's (and OCI's) words. */
const GOARCH = {
    x64: 'amd64',
    arm64: 'arm64',
    arm: 'arm',
    ia32: '386',
    ppc64: 'ppc64le',
    s390x: 's390x',
    riscv64: 'riscv64',
    loong64: 'loong64',
};
/** The platform of the runner's own images: linux on the runner's CPU (`linux/amd64`, `linux/arm/v7`). */
function runnerPlatform(arch = process.arch, armVersion) {
    const p = { os: 'linux', architecture: GOARCH[arch] ?? arch };
    if (arch === 'arm')
        p.variant = `v${armVersion ?? '7'}`;
    return p;
}
function platformName(p) {
    return p ? [p.os, p.architecture, p.variant].filter(Boolean).join('/') : 'unknown';
}
/** arm64's variant is v8 whether written or not; other variants must match when both sides name one. */
function variantMatches(want, got) {
    const norm = (p) => p.variant ?? (p.architecture === 'arm64' ? 'v8' : undefined);
    const w = norm(want);
    const g = norm(got);
    return w === undefined || g === undefined || w === g;
}
/** The index entry for `want` (attestations and `unknown/unknown` entries are never a platform). */
function selectPlatform(manifests, want) {
    return manifests.find((m) => m.platform !== undefined &&
        m.annotations?.['vnd.docker.reference.type'] !== 'attestation-manifest' &&
        m.platform.os === want.os &&
        m.platform.architecture === want.architecture &&
        variantMatches(want, m.platform));
}
/** The platforms an index names, for messages: `linux/amd64, linux/arm64`. */
function platformsOf(manifests) {
    return manifests.filter((m) => m.platform && m.platform.os !== 'unknown').map((m) => platformName(m.platform));
}

// EXTERNAL MODULE: ./src/image/reference.ts
var image_reference = __webpack_require__(3564);
// EXTERNAL MODULE: ./src/image/registry-auth.ts
var registry_auth = __webpack_require__(2429);
// EXTERNAL MODULE: ./src/image/registry-http.ts
var registry_http = __webpack_require__(5687);
// EXTERNAL MODULE: ./src/image/registry-transfer.ts
var registry_transfer = __webpack_require__(3316);
;// CONCATENATED MODULE: ./src/image/copy.ts
/**
 * Copy an image, byte for byte, from one registry to another (ADR 0026): the digest does not change,
 * so what was verified at the source is what the target serves. Manifests are read as exact bytes and
 * written back with their media type, children before the index that names them, so the target never
 * holds a manifest whose content is missing; a manifest already there ends the walk below it. Blobs
 * are asked for with HEAD first, mounted when source and target share a host, else streamed from the
 * source's GET into the target's upload (one PUT, or PATCH chunks for large ones) with the bytes
 * hashed on the way: no layer is ever held in memory. A copy cut short is completed by the next run:
 * what arrived is found by HEAD and not sent again.
 */







const DEFAULT_CHUNK = 64 * 1024 * 1024;
/**
 * Copy `from` (by digest) to `to`, byte for byte: the result's `reference` is `to`'s
 * `registry/repository@digest`, with the source's digest unless `platforms: 'runner'` picked one
 * platform out of an index (then `digestChanged` is true and `note` says so).
 */
async function copyImage(from, to, o) {
    const source = typeof from.reference === 'string' ? (0,image_reference/* parseReference */.F2)(from.reference) : from.reference;
    const sourceDigest = source.digest;
    if (!sourceDigest)
        throw new errors/* ActionError */.lZ(`cannot copy ${(0,image_reference/* formatReference */.FH)(source)}: a copy needs the image's digest`, { fix: 'pin the image first' });
    const target = (0,image_reference/* parseReference */.F2)(`${to.registry}/${to.repository}`);
    if (to.tag !== undefined && !(0,image_reference/* isValidTag */.r_)(to.tag))
        throw new errors/* ActionError */.lZ(`cannot tag the copy "${to.tag}": not a valid tag`, {});
    const http = new registry_http/* RegistryHttp */.WR({
        deadline: o.deadline,
        timeoutMs: o.timeoutMs ?? 30_000,
        retries: o.retries ?? 4,
        backoffMs: o.backoffMs ?? 500,
        maxRetryAfterMs: 60_000,
    });
    const sameHost = (0,image_reference/* apiHost */.nz)(source.registry).toLowerCase() === (0,image_reference/* apiHost */.nz)(target.registry).toLowerCase();
    const mountFrom = sameHost && source.repository !== target.repository ? source.repository : undefined;
    const reader = new registry_transfer/* RepositoryClient */.q(new registry_auth/* RegistryAuth */.g(http, from.credentials), source, {}, from.credentials.hint(source.registry));
    const writer = new registry_transfer/* RepositoryClient */.q(new registry_auth/* RegistryAuth */.g(http, to.credentials), target, { push: true, mountFrom }, to.credentials.hint(target.registry));
    const copy = new Copy(o, reader, writer, mountFrom, to.tag);
    try {
        return await copy.run(sourceDigest, http);
    }
    catch (e) {
        copy.stop.abort();
        if (o.signal?.aborted && !(e instanceof errors/* ActionError */.lZ)) {
            throw new errors/* ActionError */.lZ(`the copy of ${(0,image_reference/* formatReference */.FH)(source)} to ${writer.name} was stopped after ${copy.doneBlobs()} blob(s)`, {
                fix: 'run again: what arrived stays, and the next run sends only the rest',
            });
        }
        throw e;
    }
}
/** One copy's state: counts, the blobs already in flight, and the signal that stops every transfer. */
class Copy {
    o;
    from;
    to;
    mountFrom;
    tag;
    stop = new AbortController();
    signal;
    blobs = new Map();
    stats = {
        blobs: { total: 0, copied: 0, present: 0, mounted: 0 },
        manifests: { total: 0, copied: 0, present: 0 },
        bytes: 0,
    };
    constructor(o, from, to, mountFrom, tag) {
        this.o = o;
        this.from = from;
        this.to = to;
        this.mountFrom = mountFrom;
        this.tag = tag;
        this.signal = o.signal ? AbortSignal.any([this.stop.signal, o.signal]) : this.stop.signal;
    }
    doneBlobs() {
        const b = this.stats.blobs;
        return b.copied + b.present + b.mounted;
    }
    async run(sourceDigest, http) {
        let digest = sourceDigest;
        let root;
        let platforms;
        let note = '';
        if (this.o.platforms === 'runner') {
            root = await this.read(sourceDigest);
            if (root.parsed.kind === 'index') {
                const want = this.o.runner ?? runnerPlatform();
                const pick = selectPlatform(root.parsed.manifests, want);
                if (!pick) {
                    throw new errors/* ActionError */.lZ(`${this.from.name}@${sourceDigest} has no ${platformName(want)} image (it has ${platformsOf(root.parsed.manifests).join(', ') || 'no platforms'})`, { fix: `copy every platform, or build and push the image for ${platformName(want)}` });
                }
                note = `; only ${platformName(pick.platform)} of the index was copied, so the digest deployed is that platform's ${pick.digest}, not the index's ${sourceDigest}`;
                digest = pick.digest;
                root = await this.read(digest);
                platforms = [platformName(pick.platform)];
            }
        }
        await this.manifest(digest, root, (p) => (platforms ??= p));
        if (this.tag !== undefined && (await this.to.manifestDigest(this.tag)) !== digest) {
            const got = root?.got ?? (await this.to.getManifest(digest));
            await this.to.putManifest(this.tag, got.bytes, got.mediaType);
            this.stats.bytes += got.bytes.length;
        }
        const { blobs, manifests, bytes } = this.stats;
        const requests = http.count;
        const reference = (0,image_reference/* pinnedReference */.ct)(this.to.ref, digest);
        const line = blobs.copied + manifests.copied === 0 && bytes === 0
            ? `${this.to.name} already holds ${digest}: nothing copied`
            : `copied ${this.from.name}@${digest} to ${this.to.name}: ${blobs.copied} of ${blobs.total} blob(s) and ${manifests.copied} of ${manifests.total} manifest(s) sent (${(0,registry_http/* formatBytes */.z3)(bytes)}), ${blobs.present} blob(s) already there, ${blobs.mounted} mounted`;
        const result = {
            reference,
            digest,
            sourceDigest,
            digestChanged: digest !== sourceDigest,
            blobs: { ...blobs },
            manifests: { ...manifests },
            bytes,
            requests,
            note: `${line} (${requests} requests)${note}`,
        };
        if (platforms)
            result.platforms = platforms;
        return result;
    }
    async read(digest) {
        this.signal.throwIfAborted();
        const got = await this.from.getManifest(digest);
        return { got, parsed: parseManifest(got.bytes, got.mediaType, `${this.from.name}@${digest}`) };
    }
    emit(e) {
        this.o.onProgress?.(e);
    }
    /** A manifest and everything under it; one the target already holds is complete (its registry checked). */
    async manifest(digest, known, onPlatforms) {
        this.signal.throwIfAborted();
        this.stats.manifests.total++;
        if ((await this.to.manifestDigest(digest)) === digest) {
            this.stats.manifests.present++;
            this.emit({ kind: 'manifest', digest, size: 0, outcome: 'present' });
            return;
        }
        const { got, parsed } = known ?? (await this.read(digest));
        if (parsed.kind === 'index') {
            onPlatforms?.(platformsOf(parsed.manifests));
            for (const child of parsed.manifests)
                await this.manifest(child.digest, undefined);
        }
        else {
            await this.pool(parsed.blobs);
        }
        this.signal.throwIfAborted();
        await this.to.putManifest(digest, got.bytes, got.mediaType);
        this.stats.manifests.copied++;
        this.stats.bytes += got.bytes.length;
        this.emit({ kind: 'manifest', digest, size: got.bytes.length, outcome: 'copied' });
    }
    /** Blobs, `concurrency` at a time; a blob two platforms share is moved once. The first failure stops the rest. */
    async pool(blobs) {
        const queue = blobs.filter((b, i) => blobs.findIndex((x) => x.digest === b.digest) === i);
        const work = async () => {
            for (let next = queue.shift(); next; next = queue.shift()) {
                this.signal.throwIfAborted();
                const d = next;
                let p = this.blobs.get(d.digest);
                if (!p) {
                    this.stats.blobs.total++;
                    p = this.blob(d);
                    this.blobs.set(d.digest, p);
                }
                await p;
            }
        };
        const workers = Array.from({ length: Math.max(1, Math.min(this.o.concurrency ?? 3, queue.length)) }, work);
        const settled = await Promise.allSettled(workers.map((w) => w.catch((e) => (this.stop.abort(), Promise.reject(e)))));
        const failed = settled.find((s) => s.status === 'rejected');
        if (failed)
            throw failed.reason;
    }
    async blob(d) {
        if (await this.to.hasBlob(d.digest)) {
            this.stats.blobs.present++;
            this.emit({ kind: 'blob', digest: d.digest, size: d.size, outcome: 'present' });
            return;
        }
        for (let attempt = 0;; attempt++) {
            this.signal.throwIfAborted();
            const start = await this.to.startUpload(this.mountFrom ? { digest: d.digest, from: this.mountFrom } : undefined);
            if (start.mounted) {
                this.stats.blobs.mounted++;
                this.emit({ kind: 'blob', digest: d.digest, size: d.size, outcome: 'mounted' });
                return;
            }
            try {
                await this.transfer(d, start.location);
                break;
            }
            catch (e) {
                // a reset or a stall part-way: the upload session is dropped and the blob is sent again from its first byte
                if (!(0,registry_http/* isTransient */.dg)(e) || attempt >= 2 || this.signal.aborted)
                    throw e;
            }
        }
        this.stats.blobs.copied++;
        this.stats.bytes += d.size;
        this.emit({ kind: 'blob', digest: d.digest, size: d.size, outcome: 'copied' });
    }
    /** Stream one blob from the source into the upload at `location`, hashing it on the way. */
    async transfer(d, location) {
        const stallMs = this.o.timeoutMs ?? 30_000;
        const what = `copying blob ${d.digest} (${(0,registry_http/* formatBytes */.z3)(d.size)}) to ${this.to.name}`;
        const local = new AbortController();
        const signal = AbortSignal.any([local.signal, this.signal]);
        let stall;
        const arm = () => {
            clearTimeout(stall);
            stall = setTimeout(() => local.abort(stalled(what, stallMs)), stallMs);
        };
        const deadline = setTimeout(() => local.abort(this.o.deadline.exceeded(what)), this.o.deadline.budget(what));
        try {
            arm();
            const body = (await this.from.openBlob(d.digest, signal)).pipeThrough(verifier(d, this.from.name, arm));
            const chunk = this.o.chunkBytes ?? DEFAULT_CHUNK;
            if (d.size <= chunk) {
                await this.to.putBlob(location, d.digest, body, d.size, signal);
                return;
            }
            const reader = body.getReader();
            const rest = {};
            let at = location;
            for (let offset = 0; offset < d.size; offset += chunk) {
                const n = Math.min(chunk, d.size - offset);
                at = await this.to.patchChunk(at, slice(reader, n, rest), offset, n, signal);
            }
            // the end of the source runs the digest check before the upload is closed
            if (!(await reader.read()).done)
                throw new errors/* ActionError */.lZ(`${this.from.name} sent more than ${d.size} bytes of ${d.digest}`, {});
            await this.to.commitUpload(at, d.digest);
        }
        catch (e) {
            if (signal.aborted && signal.reason instanceof errors/* ActionError */.lZ)
                throw signal.reason;
            throw e;
        }
        finally {
            clearTimeout(stall);
            clearTimeout(deadline);
        }
    }
}
function stalled(what, ms) {
    return new errors/* ActionError */.lZ(`no bytes moved for ${Math.round(ms / 1000)} s while ${what}`, {
        fix: 'check the network between the runner and both registries; run again to send the rest',
    });
}
/** Pass a blob's bytes through, counting and hashing them: more than its size, or another digest, is an error. */
function verifier(d, from, onBytes) {
    const algorithm = d.digest.split(':')[0];
    const hash = (0,external_node_crypto_.createHash)(algorithm);
    let seen = 0;
    return new TransformStream({
        transform(chunk, c) {
            seen += chunk.byteLength;
            if (seen > d.size)
                throw new errors/* ActionError */.lZ(`${from} sent more than the ${d.size} bytes its manifest gives ${d.digest}`, {});
            hash.update(chunk);
            onBytes();
            c.enqueue(chunk);
        },
        flush() {
            const got = `${algorithm}:${hash.digest('hex')}`;
            if (seen !== d.size || got !== d.digest) {
                throw new errors/* ActionError */.lZ(`${from} served blob ${d.digest} as ${seen} bytes whose digest is ${got}`, {
                    fix: 'the source registry (or a proxy in between) does not serve the content that digest names: check it',
                });
            }
        },
    });
}
/** The next `n` bytes of `reader` as a stream of their own (a chunk of a chunked upload); a chunk's overflow waits in `rest`. */
function slice(reader, n, rest) {
    let left = n;
    return new ReadableStream({
        async pull(c) {
            let bytes = rest.bytes;
            rest.bytes = undefined;
            if (!bytes) {
                const r = await reader.read();
                if (r.done)
                    return c.close();
                bytes = r.value;
            }
            if (bytes.byteLength > left) {
                rest.bytes = bytes.subarray(left);
                bytes = bytes.subarray(0, left);
            }
            left -= bytes.byteLength;
            c.enqueue(bytes);
            if (left === 0)
                c.close();
        },
    });
}


/***/ }),

/***/ 3316:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   q: () => (/* binding */ RepositoryClient)
/* harmony export */ });
/* unused harmony export digestOf */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3564);
/* harmony import */ var _registry_wire_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(810);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1328);
/**
 * The distribution API calls of an image copy, on one repository (ADR 0026): manifests read as exact
 * bytes and written back with their media type, blobs asked for with HEAD, mounted from another
 * repository of the same host, or uploaded from a stream (one PUT, or PATCH chunks then a PUT). Each
 * request goes through RegistryAuth, so the target answers to the same challenge logic as any pull.
 * Every failure is one ActionError naming the host, the request and the registry's own error code.
 */





function digestOf(bytes, algorithm = 'sha256') {
    return `${algorithm}:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)(algorithm).update(bytes).digest('hex')}`;
}
/** One repository of one registry, read (source) or written (target, `push`). */
class RepositoryClient {
    auth;
    ref;
    access;
    hint;
    host;
    constructor(auth, ref, access, 
    /** what to tell the user when the registry refuses these credentials */
    hint) {
        this.auth = auth;
        this.ref = ref;
        this.access = access;
        this.hint = hint;
        this.host = (0,_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .apiHost */ .nz)(ref.registry);
    }
    get name() {
        return `${this.ref.registry}/${this.ref.repository}`;
    }
    /** A manifest by digest, its bytes checked against the digest. */
    async getManifest(digest) {
        const path = `/v2/${this.ref.repository}/manifests/${digest}`;
        const { reply, credential } = await this.request('GET', path, { accept: _types_js__WEBPACK_IMPORTED_MODULE_4__/* .MANIFEST_ACCEPT */ .dY });
        if (reply.status !== 200)
            throw this.failure('GET', path, reply, credential);
        const algorithm = digest.split(':')[0];
        const got = digestOf(reply.body, algorithm);
        if (got !== digest) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`registry ${this.host} served ${(0,_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .formatReference */ .FH)({ ...this.ref, digest })} with bytes whose digest is ${got}`, {
                fix: 'the registry (or a proxy in between) does not serve the content that digest names: check the registry',
            });
        }
        const mediaType = (reply.headers.get('content-type') ?? '').split(';')[0].trim();
        return { bytes: reply.body, mediaType, credential };
    }
    /** The digest a tag or digest names here, or undefined when there is none (404). */
    async manifestDigest(reference) {
        const path = `/v2/${this.ref.repository}/manifests/${reference}`;
        const { reply, credential } = await this.request('HEAD', path, { accept: _types_js__WEBPACK_IMPORTED_MODULE_4__/* .MANIFEST_ACCEPT */ .dY });
        if (reply.status === 404)
            return undefined;
        if (reply.status !== 200)
            throw this.failure('HEAD', path, reply, credential);
        return reply.headers.get('docker-content-digest') ?? ((0,_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .isValidDigest */ .fH)(reference) ? reference : undefined);
    }
    async hasBlob(digest) {
        const path = `/v2/${this.ref.repository}/blobs/${digest}`;
        const { reply, credential } = await this.request('HEAD', path);
        if (reply.status === 200)
            return true;
        if (reply.status === 404)
            return false;
        throw this.failure('HEAD', path, reply, credential);
    }
    /**
     * The referrers of a digest (OCI distribution 1.1): `GET /v2/<repo>/referrers/<digest>`, an image
     * index of descriptors; a registry without that API (404, e.g. distribution 2.8) is asked for the
     * fallback tag `sha256-<hex>` the writers keep up to date instead. Neither: an empty list.
     */
    async referrers(digest) {
        const index = 'application/vnd.oci.image.index.v1+json';
        const path = `/v2/${this.ref.repository}/referrers/${digest}`;
        const api = await this.request('GET', path, { accept: index });
        const type = (api.reply.headers.get('content-type') ?? '').split(';')[0].trim();
        if (api.reply.status === 200 && type === index)
            return { via: 'api', manifests: this.descriptors(api.reply.body, path) };
        if (api.reply.status !== 200 && api.reply.status !== 404)
            throw this.failure('GET', path, api.reply, api.credential);
        const tag = `/v2/${this.ref.repository}/manifests/${digest.replace(':', '-')}`;
        const fallback = await this.request('GET', tag, { accept: _types_js__WEBPACK_IMPORTED_MODULE_4__/* .MANIFEST_ACCEPT */ .dY });
        if (fallback.reply.status === 404)
            return { via: 'none', manifests: [] };
        if (fallback.reply.status !== 200)
            throw this.failure('GET', tag, fallback.reply, fallback.credential);
        return { via: 'tag', manifests: this.descriptors(fallback.reply.body, tag) };
    }
    /** A small blob (an attestation, a bundle) read whole, at most `limit` bytes, its bytes checked against the digest. */
    async readBlob(digest, limit) {
        const path = `/v2/${this.ref.repository}/blobs/${digest}`;
        const { reply, credential } = await this.request('GET', path, { limit });
        if (reply.status !== 200)
            throw this.failure('GET', path, reply, credential);
        const got = digestOf(reply.body, digest.split(':')[0]);
        if (got !== digest)
            throw this.broken(`it served blob ${digest} with bytes whose digest is ${got}`);
        return reply.body;
    }
    /** The body of a blob, unread (redirects to storage are followed; the Authorization is not sent there). */
    async openBlob(digest, signal) {
        const path = `/v2/${this.ref.repository}/blobs/${digest}`;
        const { reply, credential } = await this.request('GET', path, { stream: true, signal });
        if (reply.status !== 200 || !reply.stream)
            throw this.failure('GET', path, reply, credential);
        return reply.stream;
    }
    /** Start an upload; with `mount`, ask the registry to link the blob from another repository of the host instead. */
    async startUpload(mount) {
        const query = mount ? `?mount=${encodeURIComponent(mount.digest)}&from=${encodeURIComponent(mount.from)}` : '';
        const path = `/v2/${this.ref.repository}/blobs/uploads/${query}`;
        const { reply, credential } = await this.request('POST', path);
        if (mount && reply.status === 201)
            return { mounted: true };
        if (reply.status !== 202)
            throw this.failure('POST', path, reply, credential);
        return { mounted: false, location: this.location(reply, path) };
    }
    /** The whole blob in one PUT, streamed (Content-Length known from the descriptor). */
    async putBlob(location, digest, body, size, signal) {
        const path = withQuery(location, 'digest', digest);
        const opts = { body, length: size, contentType: 'application/octet-stream', signal };
        const { reply, credential } = await this.request('PUT', path, opts);
        if (reply.status !== 201)
            throw this.failure('PUT', pathOnly(path), reply, credential);
    }
    /** One chunk of a chunked upload; returns the next location. */
    async patchChunk(location, body, start, size, signal) {
        const headers = { 'content-range': `${start}-${start + size - 1}` };
        const opts = { body, length: size, contentType: 'application/octet-stream', headers, signal };
        const { reply, credential } = await this.request('PATCH', location, opts);
        if (reply.status !== 202)
            throw this.failure('PATCH', pathOnly(location), reply, credential);
        return this.location(reply, location);
    }
    /** Close a chunked upload: the registry checks the digest of everything received. */
    async commitUpload(location, digest) {
        const path = withQuery(location, 'digest', digest);
        const { reply, credential } = await this.request('PUT', path, { body: Buffer.alloc(0), contentType: 'application/octet-stream' });
        if (reply.status !== 201)
            throw this.failure('PUT', pathOnly(path), reply, credential);
    }
    /** PUT a manifest's exact bytes under a digest or tag, as its own media type. */
    async putManifest(reference, bytes, mediaType) {
        const path = `/v2/${this.ref.repository}/manifests/${reference}`;
        const { reply, credential } = await this.request('PUT', path, { body: bytes, contentType: mediaType });
        if (reply.status !== 201)
            throw this.failure('PUT', path, reply, credential);
    }
    // -------------------------------------------------------------------------------------------
    request(method, path, o = {}) {
        return this.auth.authorized(this.ref, method, path, { ...o, ...this.access });
    }
    /** The upload URL a registry answered with, as a path on this host (another host is refused: it would get our token). */
    location(reply, requested) {
        const raw = reply.headers.get('location');
        if (!raw)
            throw this.broken(`its answer to POST ${pathOnly(requested)} has no Location`);
        const u = new URL(raw, `http://${this.host}`);
        if (u.host.toLowerCase() !== this.host.toLowerCase())
            throw this.broken(`it sends the upload to another host (${u.host})`);
        return u.pathname + u.search;
    }
    descriptors(body, path) {
        let index;
        try {
            index = JSON.parse(body.toString('utf8'));
        }
        catch {
            throw this.broken(`its answer to GET ${path} is not JSON`);
        }
        const manifests = index?.manifests;
        if (manifests === undefined || manifests === null)
            return [];
        if (!Array.isArray(manifests))
            throw this.broken(`its answer to GET ${path} has no list of manifests`);
        return manifests.filter((m) => m !== null && typeof m === 'object' && !Array.isArray(m));
    }
    broken(what) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`registry ${this.host} broke the distribution API for ${this.name}: ${what}`, {
            fix: `check that ${this.ref.registry} is an OCI registry (a proxy in between may rewrite answers)`,
        });
    }
    /** One line for a refused or failed request: host, request, the registry's code, whose credentials. */
    failure(method, path, reply, credential) {
        const err = (0,_registry_wire_js__WEBPACK_IMPORTED_MODULE_3__/* .registryError */ .eo)(reply.body);
        const code = err?.code ?? `HTTP ${reply.status}`;
        const detail = err?.message ? ` (${err.message})` : '';
        const denied = reply.status === 401 || reply.status === 403;
        const who = denied ? (credential ? `, with credentials from ${credential.source}` : ' without credentials (none found)') : '';
        const verb = this.access.push ? 'push to' : 'pull from';
        const fix = denied
            ? credential
                ? `give the credentials from ${credential.source} the right to ${verb} ${this.name}; ${this.hint}`
                : this.hint
            : reply.status === 404
                ? `check that ${this.name} exists and holds what is copied`
                : `check that ${this.ref.registry} is an OCI registry and reachable; rerun with ACTIONS_STEP_DEBUG=true for the requests`;
        return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`registry ${this.host} answered ${code}${detail} to ${method} ${path}${who}`, { fix });
    }
}
function pathOnly(path) {
    return path.replace(/\?.*$/, '');
}
function withQuery(path, key, value) {
    const u = new URL(path, 'http://x');
    u.searchParams.set(key, value);
    return u.pathname + u.search;
}


/***/ })

};
