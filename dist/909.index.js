export const id = 909;
export const ids = [909];
export const modules = {

/***/ 1979:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ publicSourceUrl),
/* harmony export */   T: () => (/* binding */ Git)
/* harmony export */ });
/* harmony import */ var _deadline_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6683);
/** The `git` CLI, read-only: the revision and origin a built image is labelled with. */

class Git {
    exec;
    cwd;
    constructor(exec, cwd) {
        this.exec = exec;
        this.cwd = cwd;
    }
    async execute(args) {
        const r = await this.exec
            .run('git', ['-C', this.cwd, ...args], { allowFailure: true, timeoutMs: 15_000, pass: [/^GIT_/] })
            .catch((e) => {
            if ((0,_deadline_js__WEBPACK_IMPORTED_MODULE_0__/* .isDeadlineExceeded */ .A)(e))
                throw e; // out of time is not "not a repository"
            return undefined;
        });
        return r && r.code === 0 ? r : undefined;
    }
    /** full sha of HEAD, or undefined outside a repository */
    async revision() {
        return (await this.execute(['rev-parse', 'HEAD']))?.stdout.trim() || undefined;
    }
    /** `origin`'s URL, or undefined */
    async remoteUrl() {
        return (await this.execute(['remote', 'get-url', 'origin']))?.stdout.trim() || undefined;
    }
}
/** A remote URL as a public https URL: credentials dropped, `git@host:o/r.git` → `https://host/o/r`. */
function publicSourceUrl(remote) {
    const scp = /^[\w.-]+@([\w.-]+):(.+?)(?:\.git)?$/.exec(remote);
    if (scp)
        return `https://${scp[1]}/${scp[2]}`;
    try {
        const u = new URL(remote);
        if (!['https:', 'http:', 'ssh:', 'git:'].includes(u.protocol))
            return undefined;
        const host = u.protocol === 'https:' || u.protocol === 'http:' ? u.host : u.hostname; // ssh ports are not web ports
        return `https://${host}${u.pathname.replace(/\.git$/, '')}`;
    }
    catch {
        return undefined;
    }
}


/***/ }),

/***/ 5909:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  resolveImage: () => (/* binding */ resolveImage)
});

// UNUSED EXPORTS: accessLine

// EXTERNAL MODULE: ./src/external/git.ts
var git = __webpack_require__(1979);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/domain.ts
var domain = __webpack_require__(9375);
// EXTERNAL MODULE: ./src/image/reference.ts
var reference = __webpack_require__(3564);
// EXTERNAL MODULE: ./src/image/types.ts
var types = __webpack_require__(1328);
;// CONCATENATED MODULE: ./src/image/decide.ts




function decideImage(d) {
    const trace = [];
    for (const { rule, source } of types/* RULES */.y0) {
        const r = RULE_FNS[source](d);
        if ('need' in r)
            return r.need;
        if (!r.applies) {
            trace.push({ rule, source, outcome: 'skipped', reason: r.reason });
            continue;
        }
        trace.push({ rule, source, outcome: 'applied', reason: r.reason });
        for (const later of types/* RULES */.y0.filter((x) => x.rule > rule)) {
            trace.push({ rule: later.rule, source: later.source, outcome: 'not-reached', reason: `rule ${rule} (${source}) won` });
        }
        const choice = { source, ref: r.as ?? (0,reference/* formatReference */.FH)(r.ref), parsed: r.ref, trace };
        if (r.dockerfile !== undefined)
            choice.dockerfile = r.dockerfile;
        if (r.version !== undefined)
            choice.version = r.version;
        return { kind: 'choice', choice };
    }
    // rule 9 always applies; reaching here is a bug in RULE_FNS
    throw new Error('no image rule applied');
}
function at(d, path) {
    const pos = d.config.locate(path);
    return { file: d.config.file, line: pos?.line, column: pos?.column, field: path.join('.') };
}
/** The repository a CI-built digest belongs to: input image, else the config's repository. */
function digestRepository(d) {
    if (d.inputs.image)
        return { ref: (0,reference/* parseReference */.F2)(d.inputs.image, { field: 'input image' }), from: 'input image' };
    const ic = d.config.deployment.image_config;
    if (ic)
        return {
            ref: (0,reference/* parseReference */.F2)(ic.registry, at(d, ['deployment', 'image_config', 'registry'])),
            from: 'deployment.image_config.registry',
        };
    if (d.config.deployment.image)
        return { ref: (0,reference/* parseReference */.F2)(d.config.deployment.image, at(d, ['deployment', 'image'])), from: 'deployment.image' };
    return undefined;
}
const RULE_FNS = {
    'input-digest': (d) => {
        const digest = d.inputs['image-digest'];
        if (!digest)
            return { applies: false, reason: 'input image-digest is empty' };
        const repo = digestRepository(d);
        if (!repo) {
            throw new errors/* ActionError */.lZ('a digest without a repository', {
                where: { field: 'input image-digest' },
                fix: 'also pass input image (the repository the digest was pushed to, e.g. ghcr.io/owner/app), or set deployment.image_config.registry',
            });
        }
        if (repo.ref.digest && repo.ref.digest !== digest) {
            throw new errors/* ActionError */.lZ(`input image has digest ${repo.ref.digest} but input image-digest is ${digest}`, {
                where: { field: 'input image-digest' },
                fix: 'pass the digest in one input only, or make them equal',
            });
        }
        const ref = { registry: repo.ref.registry, repository: repo.ref.repository, digest };
        return { applies: true, ref, reason: `CI-built digest ${digest} in ${(0,reference/* repositoryName */.aR)(ref)} (repository from ${repo.from})` };
    },
    'input-image': (d) => {
        if (!d.inputs.image)
            return { applies: false, reason: 'input image is empty' };
        const ref = (0,reference/* parseReference */.F2)(d.inputs.image, { field: 'input image' });
        return { applies: true, ref: (0,reference/* withDefaultTag */._t)(ref), reason: `input image ${d.inputs.image}` };
    },
    'config-digest': (d) => {
        const ic = d.config.deployment.image_config;
        if (!ic)
            return { applies: false, reason: 'no deployment.image_config' };
        if (!ic.digest)
            return { applies: false, reason: 'image_config has no digest' };
        const repo = (0,reference/* parseReference */.F2)(ic.registry, at(d, ['deployment', 'image_config', 'registry']));
        return {
            applies: true,
            ref: { registry: repo.registry, repository: repo.repository, digest: ic.digest },
            reason: `image_config.digest ${ic.digest}`,
        };
    },
    'config-tag': (d) => {
        const ic = d.config.deployment.image_config;
        if (!ic)
            return { applies: false, reason: 'no deployment.image_config' };
        if (!ic.tag_override)
            return { applies: false, reason: 'image_config has no tag_override' };
        if (!(0,reference/* isValidTag */.r_)(ic.tag_override)) {
            throw new errors/* ActionError */.lZ(`"${ic.tag_override}" is not a valid tag`, {
                where: at(d, ['deployment', 'image_config', 'tag_override']),
                fix: 'use letters, digits, _ . - (at most 128, not starting with . or -)',
            });
        }
        const repo = (0,reference/* parseReference */.F2)(ic.registry, at(d, ['deployment', 'image_config', 'registry']));
        return {
            applies: true,
            ref: { registry: repo.registry, repository: repo.repository, tag: ic.tag_override },
            reason: `image_config.tag_override ${ic.tag_override}`,
        };
    },
    'config-version': (d) => {
        const ic = d.config.deployment.image_config;
        if (!ic)
            return { applies: false, reason: 'no deployment.image_config' };
        if (!ic.version)
            return { applies: false, reason: 'image_config has no version' };
        const base = (0,reference/* parseReference */.F2)(ic.registry, at(d, ['deployment', 'image_config', 'registry']));
        const repo = { registry: base.registry, repository: base.repository };
        const strategy = ic.resolution_strategy;
        if (strategy === 'explicit') {
            if (!(0,reference/* isValidTag */.r_)(ic.version)) {
                throw new errors/* ActionError */.lZ(`resolution_strategy explicit uses version "${ic.version}" as a tag, and it is not a valid tag`, {
                    where: at(d, ['deployment', 'image_config', 'version']),
                    fix: 'write the exact tag (e.g. 3.0.0), or use resolution_strategy: semver for a range',
                });
            }
            const tag = ic.version;
            return {
                applies: true,
                ref: { ...repo, tag },
                reason: `version "${ic.version}" used as the tag (resolution_strategy explicit)`,
                version: { constraint: ic.version, strategy, tag, candidates: 0 },
            };
        }
        if (d.observed.tags === undefined) {
            // the constraint travels with the request, so a bad one is reported before the tag list is fetched
            if (strategy === 'latest-stable')
                return { need: { kind: 'need-tags', repository: repo } };
            const where = at(d, ['deployment', 'image_config', 'version']);
            return { need: { kind: 'need-tags', repository: repo, constraint: { text: ic.version, where } } };
        }
        const sel = d.observed.tags.select({
            constraint: ic.version,
            strategy,
            allowPrerelease: ic.allow_prerelease,
            distro: d.config.deployment.distro,
            repository: (0,reference/* repositoryName */.aR)(repo),
            where: at(d, ['deployment', 'image_config', 'version']),
        });
        const how = strategy === 'latest-stable'
            ? 'latest stable'
            : `highest matching ${ic.version}${strategy === 'pin-to-cli' ? ' (pin-to-cli treated as semver: the action has no Sindri CLI version)' : ''}`;
        const pre = ic.allow_prerelease ? ', prereleases allowed' : '';
        const distro = d.config.deployment.distro !== 'ubuntu' ? `, -${d.config.deployment.distro} tags only` : '';
        return {
            applies: true,
            ref: { ...repo, tag: sel.tag },
            reason: `${how} of ${sel.candidates} semver tags (${d.observed.tags.tags.length} listed${pre}${distro}) → ${sel.tag}`,
            version: { constraint: ic.version, strategy, tag: sel.tag, candidates: sel.candidates },
        };
    },
    'config-image': (d) => {
        const img = d.config.deployment.image;
        if (!img)
            return { applies: false, reason: 'no deployment.image' };
        const ref = (0,reference/* parseReference */.F2)(img, at(d, ['deployment', 'image']));
        return { applies: true, ref: (0,reference/* withDefaultTag */._t)(ref), reason: `deployment.image ${img}` };
    },
    'config-registry': (d) => {
        const ic = d.config.deployment.image_config;
        if (!ic)
            return { applies: false, reason: 'no deployment.image_config' };
        const ref = (0,reference/* parseReference */.F2)(ic.registry, at(d, ['deployment', 'image_config', 'registry']));
        return {
            applies: true,
            ref: (0,reference/* withDefaultTag */._t)(ref),
            reason: `image_config.registry with no digest, tag or version → ${ref.tag ?? 'latest'}`,
        };
    },
    dockerfile: (d) => {
        if (d.observed.dockerfiles === undefined)
            return { need: { kind: 'need-dockerfiles' } };
        const df = d.inputs.dockerfile || d.observed.dockerfiles[0];
        if (!df)
            return { applies: false, reason: 'no Dockerfile (looked for ./Dockerfile, ./v3/Dockerfile, ./deploy/Dockerfile)' };
        const where = d.inputs.dockerfile ? 'input dockerfile' : 'found';
        const caps = domain/* CAPABILITIES */.$8[d.provider];
        if (caps.build === 'never') {
            throw new errors/* ActionError */.lZ(`provider ${d.provider} never builds images, and the only image source is a Dockerfile (${df})`, {
                where: { file: d.config.file, field: 'deployment.image' },
                fix: 'build and push the image in CI, then pass it by digest, e.g. `- uses: docker/build-push-action@v6` (id: build, push: true, tags: ghcr.io/OWNER/APP) followed by `- uses: sindri/deploy-action@v1` with `image: ghcr.io/OWNER/APP` and `image-digest: ${{ steps.build.outputs.digest }}`',
            });
        }
        if (d.observed.revision === undefined)
            return { need: { kind: 'need-revision' } };
        const tag = `${d.config.name}:${d.observed.revision}`; // docs/behaviour.md#built-images: a local name, as `docker images` shows it
        return {
            applies: true,
            ref: (0,reference/* parseReference */.F2)(tag, { field: 'name' }),
            as: tag,
            dockerfile: df,
            reason: `${df} (${where}), built ${caps.build === 'local' ? 'locally' : `by the provider (${caps.build})`} as ${tag}`,
        };
    },
    default: (d) => {
        const ref = (0,reference/* parseReference */.F2)(d.inputs['default-image'], { field: 'input default-image' });
        return { applies: true, ref: (0,reference/* withDefaultTag */._t)(ref), reason: `nothing else configured: default-image ${d.inputs['default-image']}` };
    },
};

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
;// CONCATENATED MODULE: ./src/image/dockerfile.ts
/**
 * Dockerfile discovery for rule 8 (docs/behaviour.md#image-priority-order): input `dockerfile`, else the
 * first candidate that exists. Only looks at the file system; the rule itself is decided by the pure
 * resolver.
 */



const DOCKERFILE_CANDIDATES = ['Dockerfile', 'v3/Dockerfile', 'deploy/Dockerfile'];
/** What each errno means for a Dockerfile path, in the user's terms. */
const CAUSES = {
    ELOOP: 'it is a symbolic link that loops back on itself',
    EACCES: 'the runner user may not read it or a directory above it',
    EPERM: 'the runner user may not read it',
    ENAMETOOLONG: 'the path is too long',
    EIO: 'the disk reported an I/O error',
};
function kindOf(abs, where) {
    try {
        return (0,external_node_fs_.statSync)(abs).isFile() ? 'file' : 'other';
    }
    catch (e) {
        const code = e.code;
        if (code === 'ENOENT' || code === 'ENOTDIR')
            return 'missing';
        const cause = (code && CAUSES[code]) ?? 'it cannot be read';
        throw new errors/* ActionError */.lZ(`cannot read ${where.file ?? abs}: ${cause} (${code ?? String(e)})`, {
            where,
            fix: code === 'ELOOP'
                ? 'fix or remove the symbolic link, or set input dockerfile to the Dockerfile to build'
                : 'check the path and its permissions, or set input dockerfile to the Dockerfile to build',
            cause: e,
        });
    }
}
/** `deploy\\Dockerfile`, `./deploy/Dockerfile` → `deploy/Dockerfile`; `../x` stays `../x`. */
function toPosixRelative(workdir, given) {
    if (external_node_path_default().isAbsolute(given)) {
        const rel = external_node_path_default().relative(workdir, given);
        // another drive on Windows has no relative form: keep it absolute
        if (!external_node_path_default().isAbsolute(rel))
            return rel.split((external_node_path_default()).sep).join('/');
        return given.split((external_node_path_default()).sep).join('/');
    }
    return external_node_path_default().posix.normalize(given.replace(/\\/g, '/'));
}
/**
 * The candidates that exist as files (relative to `workdir`, `/` separators, in priority order), and
 * the explicit Dockerfile when input `dockerfile` is set. An explicit path that is not a file is an error.
 */
function findDockerfiles(workdir, explicit) {
    const given = explicit.trim();
    // with input dockerfile set the candidates are not consulted: a broken one there cannot fail the run
    const found = given ? [] : DOCKERFILE_CANDIDATES.filter((c) => kindOf(external_node_path_default().join(workdir, c), { file: c }) === 'file');
    if (!given)
        return { found };
    const abs = external_node_path_default().resolve(workdir, given);
    const kind = kindOf(abs, { field: 'input dockerfile' });
    if (kind !== 'file') {
        throw new errors/* ActionError */.lZ(kind === 'missing' ? `no Dockerfile at ${abs}` : `${abs} is not a file`, {
            where: { field: 'input dockerfile' },
            fix: 'give the Dockerfile path relative to working-directory (e.g. deploy/Dockerfile), or leave dockerfile empty to use ./Dockerfile, ./v3/Dockerfile or ./deploy/Dockerfile',
        });
    }
    return { found, explicit: toPosixRelative(workdir, given) };
}

;// CONCATENATED MODULE: ./src/image/resolve.ts






async function resolveImage(ctx) {
    const observed = {};
    for (;;) {
        const d = decideImage({ inputs: ctx.inputs, config: ctx.config, provider: ctx.provider, observed });
        if (d.kind === 'choice') {
            ctx.onChoice?.(d.choice);
            return await pin(ctx, d.choice);
        }
        if (d.kind === 'need-tags') {
            // tag selection (and node-semver) is loaded only when a version rule needs it
            const { tagList, checkConstraint } = await __webpack_require__.e(/* import() */ 800).then(__webpack_require__.bind(__webpack_require__, 7800));
            if (d.constraint)
                checkConstraint(d.constraint.text, d.constraint.where);
            const where = d.constraint?.where ?? placeOf(ctx, 'config-version');
            observed.tags = tagList(await located(where, async () => (await ctx.registry()).listTags(d.repository)));
        }
        else if (d.kind === 'need-dockerfiles') {
            // only now, when rule 8 is reached: a broken ./Dockerfile cannot fail a run that deploys an image
            observed.dockerfiles = findDockerfiles(ctx.workdir, ctx.inputs.dockerfile).found;
        }
        else
            observed.revision = await gitRevision(ctx.exec, ctx.workdir);
    }
}
async function pin(ctx, choice) {
    if (choice.source === 'dockerfile') {
        choice.trace.push({ rule: 0, source: 'pin', outcome: 'skipped', reason: 'a built image is pinned by the provider after the build' });
        return { ...choice, deployRef: choice.ref, digest: '', build: true };
    }
    const ref = choice.parsed;
    if (!ctx.inputs['pin-digest']) {
        const digest = ref.digest ?? '';
        choice.trace.push({ rule: 0, source: 'pin', outcome: 'skipped', reason: 'pin-digest is false: deployed as written' });
        return { ...choice, deployRef: choice.ref, digest, build: false };
    }
    const head = await located(placeOf(ctx, choice.source), async () => (await ctx.registry()).headManifest(ref));
    const kind = types/* MEDIA_NAMES */.gz[head.mediaType] ?? head.mediaType;
    const multi = /index|list/.test(head.mediaType) ? ', multi-arch' : '';
    const reason = ref.digest
        ? `${(0,reference/* repositoryName */.aR)(ref)}@${ref.digest} exists in the registry (${kind}${multi})`
        : `${choice.ref} → ${head.digest} (${kind}${multi})`;
    const deployRef = (0,reference/* pinnedReference */.ct)(ref, head.digest);
    const platform = multi ? await checkPlatform(ctx, choice, { ...ref, digest: head.digest }, deployRef) : '';
    choice.trace.push({ rule: 0, source: 'pin', outcome: 'applied', reason: `${reason}${platform}` });
    const decision = { ...choice, deployRef, digest: head.digest, mediaType: head.mediaType, build: false };
    if (head.access) {
        decision.access = head.access;
        choice.trace.push({ rule: 0, source: 'access', outcome: 'applied', reason: accessLine(head.access) });
    }
    return decision;
}
/** The trace line of an image's access: `public`, or `private: … opened with <credentials>` (ADR 0026). */
function accessLine(access) {
    if (!access.private)
        return 'public: the registry answers an anonymous pull';
    return `private: anonymous pull refused; opened with ${access.credentials ?? 'credentials'}`;
}
/**
 * An index must hold the platform the target runs on (src/image/platforms.ts), so plan fails where
 * deploy would. Returns what the pin's trace line adds ('' when nothing was checked).
 */
async function checkPlatform(ctx, choice, ref, shown) {
    const { targetPlatform, indexPlatforms, holdsPlatform, missingPlatformError, formatPlatform } = await __webpack_require__.e(/* import() */ 929).then(__webpack_require__.bind(__webpack_require__, 2929));
    const want = targetPlatform(ctx.provider);
    const registry = await ctx.registry();
    if (!want || !registry.getManifest)
        return '';
    const where = placeOf(ctx, choice.source);
    const have = indexPlatforms(await located(where, () => registry.getManifest(ref)));
    if (have === undefined)
        return '';
    if (!holdsPlatform(have, want))
        throw missingPlatformError(shown, want, have, where);
    return `; holds ${formatPlatform(want)}, the platform of this runner's engine`;
}
/** Where the reference a rule used was written: the input, or the config line (for a registry error's place). */
function placeOf(ctx, source) {
    const inputs = {
        'input-digest': 'input image-digest',
        'input-image': 'input image',
        default: 'input default-image',
    };
    const keys = {
        'config-digest': ['deployment', 'image_config', 'digest'],
        'config-tag': ['deployment', 'image_config', 'tag_override'],
        'config-version': ['deployment', 'image_config', 'version'],
        'config-image': ['deployment', 'image'],
        'config-registry': ['deployment', 'image_config', 'registry'],
    };
    const input = inputs[source];
    if (input)
        return { field: input };
    const path = keys[source] ?? ['deployment'];
    const pos = ctx.config.locate(path);
    return { file: ctx.config.file, line: pos?.line, column: pos?.column, field: path.join('.') };
}
/** A registry failure that does not say where (the host is in its text) is given the place the reference came from. */
async function located(where, fn) {
    try {
        return await fn();
    }
    catch (e) {
        if (e instanceof errors/* ActionError */.lZ && !e.where.file && !e.where.field) {
            throw new errors/* ActionError */.lZ(e.message, { where, ...(e.fix === undefined ? {} : { fix: e.fix }), cause: e.cause });
        }
        throw e;
    }
}
/** The short sha of the working directory's HEAD; GITHUB_SHA; else `local` (docs/behaviour.md#built-images). */
async function gitRevision(exec, workdir) {
    const sha = (await new git/* Git */.T(exec, workdir).revision()) ?? process.env.GITHUB_SHA ?? '';
    return /^[0-9a-f]{40}$/.test(sha) ? sha.slice(0, 7) : 'local';
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
