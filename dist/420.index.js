export const id = 420;
export const ids = [420];
export const modules = {

/***/ 8420:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runInit: () => (/* binding */ runInit)
/* harmony export */ });
/* unused harmony exports identityFor, renderInit */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8815);
/* harmony import */ var _config_load_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(905);
/* harmony import */ var _config_normalise_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5129);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3916);
/* harmony import */ var _domain_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9375);
/* harmony import */ var _providers_kit_files_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(9018);
/**
 * `mode: init`: write a documented sindri.yaml (content after upstream's `sindri config init`,
 * docs/upstream.md#init-template, plus this action's image rules,
 * docs/behaviour.md#image-priority-order). The document is built as data and comments with the yaml
 * Document API: user values (name, provider) never reach the text by concatenation.
 * templates/sindri.yaml is this function's output for the defaults (a test keeps them equal).
 */








/** `providers.<name>` defaults, as upstream's init writes them (docs/upstream.md#init-template, docs/upstream.md#provider-settings). */
const PROVIDER_DEFAULTS = {
    docker: {
        values: { network: 'bridge', restart: 'unless-stopped', ports: [] },
        comment: ' ports: "host:container" strings, e.g. "8080:8080"; the first published port becomes the url output',
    },
    fly: {
        values: { region: 'sjc', autoStopMachines: true, autoStartMachines: true, cpuKind: 'shared', sshPort: 10022 },
        comment: ' the app is named after name; set FLY_API_TOKEN in the workflow env',
    },
    devpod: {
        values: { type: 'docker' },
        comment: ' type: docker | kubernetes | aws | gcp | azure | digitalocean | ssh; cloud and remote kubernetes types need buildRepository to build',
    },
    e2b: {
        values: { timeout: 300, autoPause: true, autoResume: true, internetAccess: true },
        comment: ' the template is built FROM the resolved image; set E2B_API_KEY in the workflow env',
    },
    kubernetes: {
        values: { namespace: 'default' },
        comment: ' Kubernetes never builds: build in CI and pass image-digest. Also: context, storageClass, nodeSelector: { key: value },\n' +
            'ingress: { enabled: true, hostname: ..., port: 8080, className: nginx, tlsSecret: ... } (hostname sets the url output)',
    },
};
/** When this provider builds and when it pulls (docs/behaviour.md#providers), said where the image options are. */
const BUILD_NOTES = {
    docker: [
        'docker: a prebuilt image is pulled as pull_policy says; a Dockerfile (rule 8) is built on the runner',
        '(docker build; force: true rebuilds without cache and pulls the base).',
    ],
    fly: [
        'fly: a prebuilt image is deployed as it is (flyctl deploy --image repo@sha256:..., no builder);',
        "a Dockerfile (rule 8) is built by Fly's remote builder (flyctl deploy --dockerfile <path>).",
    ],
    devpod: [
        'devpod: a prebuilt image goes into devcontainer.json as image: repo@sha256:...; a Dockerfile (rule 8) is',
        'built by DevPod (type docker), locally and loaded (kind-*/k3d-* contexts), or built and pushed to',
        'providers.devpod.buildRepository (cloud and remote kubernetes types).',
    ],
    e2b: [
        'e2b: the sandbox template is built FROM the pinned image, or from the Dockerfile (rule 8), plus the E2B',
        'start and ready commands; secrets are never baked into the template.',
    ],
    kubernetes: [
        'kubernetes: never builds. Build and push in CI (docker/build-push-action) and pass its digest as',
        'input image-digest; a config with only a Dockerfile fails before anything is applied.',
    ],
};
const SECRETS = [
    { name: 'AUTHORIZED_KEYS', source: 'env', fromFile: '~/.ssh/id_ed25519.pub' },
    { name: 'GITHUB_TOKEN', source: 'env' },
    { name: 'GIT_USER_NAME', source: 'env' },
    { name: 'GIT_USER_EMAIL', source: 'env' },
    { name: 'ANTHROPIC_API_KEY', source: 'env' },
];
/** The registry init writes, and the keyless identity that signs it (upstream's release workflows). */
const UPSTREAM_REGISTRY = 'ghcr.io/pacphi/sindri';
const UPSTREAM_IDENTITY = '^https://github\\.com/pacphi/sindri/';
/** A GitHub `owner/repo` (GITHUB_REPOSITORY); anything else is not put into the example. */
const REPOSITORY_RE = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\/[A-Za-z0-9_.-]+$/;
/**
 * The anchored identity regexp of the workflows of one GitHub repository: `^https://github\.com/acme/app/\.github/workflows/`.
 * Anchored at the start and closed by `/` after the repository, every dot escaped, so `acme/app-fork`
 * does not match (cosign matches the regexp anywhere in the identity). Placeholders when unknown.
 */
function identityFor(repository) {
    const repo = repository && REPOSITORY_RE.test(repository) ? repository : '<owner>/<repo>';
    return `^https://github\\.com/${repo.replace(/[.]/g, '\\.')}/\\.github/workflows/`;
}
/** The documented sindri.yaml for a provider and name, as text. Pure. `repository`: see identityFor. */
function renderInit(provider, name, repository) {
    const doc = new yaml__WEBPACK_IMPORTED_MODULE_2__/* .Document */ .yo({
        version: '3.0',
        name,
        deployment: {
            provider,
            distro: 'ubuntu',
            image_config: {
                registry: UPSTREAM_REGISTRY,
                version: '^3.0.0',
                resolution_strategy: 'semver',
                allow_prerelease: false,
                verify_signature: true,
                verify_provenance: true,
                pull_policy: 'IfNotPresent',
                certificate_identity: UPSTREAM_IDENTITY,
                certificate_oidc_issuer: 'https://token.actions.githubusercontent.com',
            },
            resources: { memory: '4GB', cpus: 2 },
            volumes: { workspace: { path: '/alt/home/developer/workspace', size: '10GB' } },
        },
        extensions: { profile: 'minimal', auto_install: true },
        secrets: SECRETS,
        providers: { [provider]: PROVIDER_DEFAULTS[provider].values },
    });
    const keyNode = (path) => {
        const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
        if (!(0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isMap */ .jh)(parent))
            throw new Error(`init template: ${path.join('.')} has no parent mapping`);
        const pair = parent.items.find((p) => (0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isPair */ .tO)(p) && (0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isScalar */ .jn)(p.key) && p.key.value === path[path.length - 1]);
        if (!pair || !(0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isScalar */ .jn)(pair.key))
            throw new Error(`init template: no key ${path.join('.')}`);
        return pair.key;
    };
    const before = (path, ...lines) => {
        keyNode(path).commentBefore = lines.map((l) => ` ${l}`).join('\n');
    };
    const inline = (path, text) => {
        doc.getIn(path, true).comment = ` ${text}`;
    };
    doc.commentBefore = [
        ' Sindri v3 configuration, read by sindri/deploy-action and the Sindri CLI.',
        ' Schema: https://sindri.dev/schemas/sindri.schema.json',
        ' Check it without deploying: run the action with mode: plan.',
    ].join('\n');
    inline(['version'], 'config format version');
    before(['name'], 'name: lower-case letters, digits and -, starting with a letter. It names the container,', 'Fly app, Kubernetes Deployment, DevPod workspace and E2B template.');
    inline(['deployment', 'provider'], `${_domain_js__WEBPACK_IMPORTED_MODULE_6__/* .PROVIDERS */ .xq.join(' | ')} (the action input provider overrides it)`);
    inline(['deployment', 'distro'], 'ubuntu | fedora | opensuse: other than ubuntu, only <version>-<distro> tags are considered');
    before(['deployment', 'image_config'], 'Image: the action takes the FIRST of these that is set, for every provider:', '  1. input image-digest (sha256:..., e.g. from docker/build-push-action; repository from input image or below)', '  2. input image (a full reference built by CI)', '  3. image_config.digest        -> registry@digest', '  4. image_config.tag_override  -> registry:tag', '  5. image_config.version       -> the highest registry tag matching the constraint', '  6. deployment.image           -> a full reference, e.g. image: ghcr.io/pacphi/sindri:3.0.0 (legacy)', '  7. image_config.registry alone -> registry:latest', '  8. a Dockerfile: input dockerfile, else ./Dockerfile, ./v3/Dockerfile, ./deploy/Dockerfile (built by docker,', '     fly, devpod and e2b; kubernetes never builds)', '  9. input default-image (ghcr.io/pacphi/sindri:latest)', 'Tags are then pinned to a digest (input pin-digest) and that digest is what is verified and deployed.', ...BUILD_NOTES[provider]);
    inline(['deployment', 'image_config', 'registry'], 'the full repository, host included (not just ghcr.io)');
    const version = doc.getIn(['deployment', 'image_config', 'version'], true);
    version.type = yaml__WEBPACK_IMPORTED_MODULE_2__/* .Scalar */ .X5.QUOTE_SINGLE;
    version.comment = " a semver constraint: ^3.0.0, ~3.1.0, >=3.0.0; a bare '3.0.0' means ^3.0.0, '=3.0.0' exactly";
    inline(['deployment', 'image_config', 'resolution_strategy'], 'semver | latest-stable | explicit (version used as the tag) | pin-to-cli (read as semver)');
    inline(['deployment', 'image_config', 'allow_prerelease'], 'consider 3.1.0-rc.1 and the like');
    before(['deployment', 'image_config', 'verify_signature'], 'tag_override: "3.0.0"          # an exact tag instead of version', 'digest: sha256:<64 hex>        # an exact image; wins over tag_override and version');
    inline(['deployment', 'image_config', 'verify_signature'], 'cosign verify the pinned digest (input verify overrides)');
    inline(['deployment', 'image_config', 'verify_provenance'], 'cosign verify-attestation (SLSA provenance)');
    inline(['deployment', 'image_config', 'pull_policy'], 'Always | IfNotPresent | Never (docker)');
    before(['deployment', 'image_config', 'certificate_identity'], 'Who must have signed the image (keyless: a regular expression for the signing workflow, and its', `OIDC issuer). These two belong to registry above: ${UPSTREAM_REGISTRY} is signed by upstream Sindri's`, 'release workflows. Point registry at your own image and change them with it (below).');
    doc.getIn(['deployment', 'image_config'], true).comment = [
        ' Your own image, signed keyless by a workflow of your repository (cosign sign, cosign attest):',
        `   certificate_identity: '${identityFor(repository)}'`,
        ' Keep the ^, the / after the repository and the escaped dots: cosign matches a regexp anywhere in the',
        " identity, so an unanchored https://github.com/acme/app also accepts acme/app-fork's workflows.",
        ' Not signed yet? Set verify_signature and verify_provenance to false (nothing is checked, the',
        ' summary says so) and back to true once your workflow signs: docs/examples/sign-and-deploy.yml.',
    ].join('\n');
    inline(['deployment', 'resources', 'memory'], 'MB or GB');
    before(['deployment', 'resources', 'memory'], 'gpu: { enabled: true, type: nvidia, count: 1 }');
    before(['extensions'], 'Extensions installed in the container: a profile (plus additional: [...]) or an active: [...] list.');
    inline(['extensions', 'profile'], 'minimal | fullstack | anthropic-dev | systems | enterprise | devops | mobile | visionflow-core | visionflow-data-scientist | visionflow-creative | visionflow-full');
    before(['secrets'], 'Secrets are read from the environment of the step (source: env), masked, and handed to the provider', 'without appearing in argv, logs or generated files. required: true fails the deploy when one is missing.');
    before(['providers'], 'Provider settings; only the block of the provider in use is read.');
    before(['providers', provider], ...PROVIDER_DEFAULTS[provider].comment.trim().split('\n'));
    return doc.toString({ lineWidth: 0, singleQuote: true });
}
/** A file the loader would read at `path` (it follows links, as the loader's stat does). */
function loaderReads(path) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(path).isFile();
    }
    catch {
        return false;
    }
}
/**
 * Write the documented sindri.yaml into workdir. Refuses to overwrite unless `force`, never writes
 * through a symbolic link (force or not), and never writes a file that would hide another the loader
 * reads: with no input config, sindri.yaml is read before sindri.yml, so an existing sindri.yml stops
 * init even with force (docs/behaviour.md#modes).
 */
async function runInit(opts) {
    const provider = opts.provider ?? 'docker';
    const name = opts.name ?? (0,_config_normalise_js__WEBPACK_IMPORTED_MODULE_4__/* .sanitiseName */ .s3)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.basename)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(opts.workdir)));
    if (!_config_normalise_js__WEBPACK_IMPORTED_MODULE_4__/* .NAME_RE */ .eF.test(name)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ActionError */ .lZ(`invalid name "${name}"`, {
            where: { field: 'name' },
            fix: `use lower-case letters, digits and -, starting with a letter, e.g. ${(0,_config_normalise_js__WEBPACK_IMPORTED_MODULE_4__/* .sanitiseName */ .s3)(name)}`,
        });
    }
    const path = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(opts.workdir, opts.file || _config_load_js__WEBPACK_IMPORTED_MODULE_3__/* .CONFIG_CANDIDATES */ .y9[0]);
    const file = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(opts.workdir, path).split(node_path__WEBPACK_IMPORTED_MODULE_1__.sep).join('/');
    if (!opts.file) {
        for (const other of _config_load_js__WEBPACK_IMPORTED_MODULE_3__/* .CONFIG_CANDIDATES */ .y9.filter((c) => c !== file)) {
            if (!loaderReads((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(opts.workdir, other)))
                continue;
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ActionError */ .lZ(`${other} exists, and a new ${file} would be read instead of it`, {
                where: { file: other },
                fix: `edit ${other}; or remove it and rerun mode: init (force: true does not replace ${other})`,
            });
        }
    }
    const text = renderInit(provider, name, opts.repository);
    // what init writes must load cleanly: a failure here is a bug in renderInit, not a user error
    (0,_config_load_js__WEBPACK_IMPORTED_MODULE_3__/* .loadConfigText */ .Ki)(text, { file, path, dir: (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(path) });
    const below = !(0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(opts.workdir, path).startsWith('..') && !(0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(opts.workdir, path));
    (0,_providers_kit_files_js__WEBPACK_IMPORTED_MODULE_7__/* .writeGenerated */ .nF)({
        path,
        file,
        content: text,
        root: below ? opts.workdir : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(path),
        // force: the user asked to replace whatever is there (but never through a link)
        isOurs: () => opts.force,
        foreign: {
            what: `${file} already exists`,
            fix: 'edit the existing file, or rerun mode: init with force: true to overwrite it (or config: to write elsewhere)',
        },
    });
    return { path };
}


/***/ })

};
