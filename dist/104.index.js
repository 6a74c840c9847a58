export const id = 104;
export const ids = [104];
export const modules = {

/***/ 8104:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DELIVERED_SOURCES: () => (/* binding */ DELIVERED_SOURCES),
/* harmony export */   expandSecretPath: () => (/* binding */ expandSecretPath),
/* harmony export */   missingSecretsError: () => (/* binding */ missingSecretsError),
/* harmony export */   parseDotenv: () => (/* binding */ parseDotenv),
/* harmony export */   requireSecrets: () => (/* binding */ requireSecrets),
/* harmony export */   resolveSecrets: () => (/* binding */ resolveSecrets)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4813);
/**
 * `secrets[]` for every provider (docs/behaviour.md#secrets, docs/upstream.md#secrets). `source: env`:
 * upstream's lookup order, the environment, then `.env.local`, then `.env` (both beside sindri.yaml),
 * then `fromFile`. `source: file`: the content of the file at `path` (relative to sindri.yaml's
 * folder), read at deploy time and handed over as the variable `name`. An empty value counts as unset
 * (a workflow `${{ secrets.X }}` that does not exist is an empty string). Every value found is masked
 * at once. `vault` and `s3` are never read by the action (they come in through env, ADR 0025). A
 * `required` secret that cannot be delivered, whatever its source, fails here, before anything is started.
 */





/** The dotenv dialect of `.env` files: `KEY=value`, `export KEY=value`, `#` comments, '…' literal, "…" with \n escapes. */
function parseDotenv(text) {
    const out = new Map();
    const lines = text.replace(/\r\n?/g, '\n').split('\n');
    for (let i = 0; i < lines.length; i++) {
        const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.]*)\s*=\s*(.*)$/.exec(lines[i]);
        if (!m)
            continue;
        const key = m[1];
        let rest = m[2];
        const quote = rest[0];
        if (quote === "'" || quote === '"') {
            // a quoted value may run over several lines until its closing quote
            let body = rest.slice(1);
            let end = findClose(body, quote);
            while (end === -1 && i + 1 < lines.length) {
                body += '\n' + lines[++i];
                end = findClose(body, quote);
            }
            const raw = end === -1 ? body : body.slice(0, end);
            out.set(key, quote === "'" ? raw : unescapeDouble(raw));
            continue;
        }
        const hash = rest.search(/\s#/);
        if (hash !== -1)
            rest = rest.slice(0, hash);
        out.set(key, rest.trim());
    }
    return out;
}
function findClose(body, quote) {
    for (let i = 0; i < body.length; i++) {
        if (quote === '"' && body[i] === '\\') {
            i++;
            continue;
        }
        if (body[i] === quote)
            return i;
    }
    return -1;
}
function unescapeDouble(s) {
    return s.replace(/\\(.)/g, (_, c) => ({ n: '\n', r: '\r', t: '\t' })[c] ?? c);
}
/** `~` and `$VAR` / `${VAR}` expanded, relative paths against the config dir (docs/upstream.md#secrets). */
function expandSecretPath(path, dir, env) {
    let p = path.replace(/^~(?=$|\/)/, (0,node_os__WEBPACK_IMPORTED_MODULE_1__.homedir)());
    p = p.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (_, a, b) => env[(a ?? b)] ?? '');
    return (0,node_path__WEBPACK_IMPORTED_MODULE_2__.isAbsolute)(p) ? p : (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(dir, p);
}
function readDotenv(dir, file) {
    const path = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, file);
    return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(path) ? parseDotenv((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, 'utf8')) : new Map();
}
/** The sources whose values the action reads and hands to the deployment (vault and s3 come in through env). */
const DELIVERED_SOURCES = ['env', 'file'];
/**
 * A secret file's text without its one trailing newline; undefined when there is no readable regular
 * file (a folder, a missing file: the secret is then unset, and a required one fails by name).
 */
function readSecretFile(file) {
    try {
        if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(file).isFile())
            return undefined;
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file, 'utf8').replace(/\r?\n$/, '') || undefined;
    }
    catch {
        return undefined;
    }
}
/** Find the values of every `source: env` and `source: file` secret. Pure apart from reading the files named above. */
function resolveSecrets(config, env = process.env) {
    const values = new Map();
    const origins = new Map();
    const missingRequired = [];
    const notices = [];
    let local;
    let dotenv;
    config.secrets.forEach((secret, i) => {
        const at = config.locate(['secrets', i]);
        const where = { field: `secrets[${i}]`, line: at?.line, column: at?.column };
        if (secret.source === 'vault' || secret.source === 's3') {
            if (secret.required)
                missingRequired.push(secret.name);
            else
                notices.push({
                    ...where,
                    message: `secret ${secret.name} (source: ${secret.source}) is not handed to the deployment: the action reads env and file secrets; bring it in through env (docs/configuration.md#secrets)`,
                });
            return;
        }
        let value = secret.source === 'env' ? env[secret.name] || undefined : undefined;
        let origin = secret.source === 'file' ? 'file' : 'env';
        if (secret.source === 'file')
            value = secret.path ? readSecretFile(expandSecretPath(secret.path, config.dir, env)) : undefined;
        else if (value === undefined) {
            local ??= readDotenv(config.dir, '.env.local');
            value = local.get(secret.name) || undefined;
            origin = '.env.local';
        }
        if (value === undefined) {
            dotenv ??= readDotenv(config.dir, '.env');
            value = dotenv.get(secret.name) || undefined;
            origin = '.env';
        }
        if (value === undefined && secret.source === 'env' && secret.fromFile) {
            value = readSecretFile(expandSecretPath(secret.fromFile, config.dir, env));
            origin = 'fromFile';
        }
        if (value === undefined) {
            if (secret.required)
                missingRequired.push(secret.name);
            else
                notices.push({ ...where, message: `secret ${secret.name} is not set; the deployment runs without it` });
            return;
        }
        (0,_runner_js__WEBPACK_IMPORTED_MODULE_4__/* .setSecret */ .Pq)(value);
        values.set(secret.name, value);
        origins.set(secret.name, origin);
    });
    return { values, origins, missingRequired, notices };
}
/**
 * The one line for required secrets that cannot be delivered, about the first of them (in config
 * order): its source says why and what to do.
 */
function missingSecretsError(config, missing) {
    const i = config.secrets.findIndex((s) => s.name === missing[0]);
    const secret = config.secrets[i];
    const at = i === -1 ? undefined : config.locate(['secrets', i]);
    const where = { file: config.file, line: at?.line, column: at?.column, field: i === -1 ? 'secrets' : `secrets[${i}]` };
    const plural = missing.length > 1;
    const name = missing[0];
    // several: all are named, the first one's reason is told
    const subject = plural ? `required secrets ${missing.join(', ')} cannot be delivered: ${name}` : `required secret ${name}`;
    if (secret?.source === 'vault' || secret?.source === 's3') {
        const fetch = secret.source === 'vault' ? 'hashicorp/vault-action' : 'aws-actions/configure-aws-credentials, then aws s3 cp';
        return new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ActionError */ .lZ(`${subject} has source: ${secret.source}, which the action does not read, so it cannot be delivered`, {
            where,
            fix: `fetch it in an earlier step (${fetch}), pass it to this step as env ${name}, and write source: env (docs/configuration.md#secrets)`,
        });
    }
    if (secret?.source === 'file') {
        const why = secret.path ? `its path ${secret.path} is not a readable, non-empty file` : 'it has no path';
        return new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ActionError */ .lZ(`${subject} (source: file) is not set: ${why}`, {
            where,
            fix: secret.path
                ? `create ${secret.path} (relative to the folder of ${config.file}) in an earlier step, or correct path`
                : `add path: <file relative to ${config.file}> to ${name}`,
        });
    }
    return new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ActionError */ .lZ(`required secret${plural ? 's' : ''} ${missing.join(', ')} ${plural ? 'are' : 'is'} not set`, {
        where,
        fix: `pass ${plural ? 'them' : 'it'} to the step (env: ${name}: \${{ secrets.${name} }}), or put ${plural ? 'them' : 'it'} in .env.local or .env beside ${config.file}, or point fromFile at a file`,
    });
}
/** resolveSecrets, failing on a missing required secret: what deploy calls before anything starts. */
function requireSecrets(config, env = process.env) {
    const r = resolveSecrets(config, env);
    if (r.missingRequired.length > 0)
        throw missingSecretsError(config, r.missingRequired);
    return r;
}


/***/ })

};
