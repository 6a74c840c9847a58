export const id = 905;
export const ids = [905];
export const modules = {

/***/ 905:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  y9: () => (/* binding */ CONFIG_CANDIDATES),
  loadConfig: () => (/* binding */ loadConfig),
  Ki: () => (/* binding */ loadConfigText)
});

// UNUSED EXPORTS: decodeConfig, findConfig

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/config/document.ts
/**
 * sindri.yaml as a YAML document that remembers where everything is: parse once with a LineCounter,
 * then `locate(path)` gives the line/column of any key or value for errors and annotations.
 */


/** A `<<` merge key (docs/behaviour.md#config-compatibility): the parser gives its plain `<<` a symbol value. */
function isMergeKey(key) {
    return (0,dist/* isScalar */.jn)(key) && typeof key.value === 'symbol';
}
/** The mappings a `<<` value merges in, in precedence order: one alias, or a list of them. */
function mergedMaps(doc, value) {
    const one = (v) => ((0,dist/* isAlias */.Vj)(v) ? v.resolve(doc) : v);
    return (0,dist/* isSeq */.oP)(value) ? value.items.map(one) : [one(value)];
}
/** The entry for `key` in a mapping: written there, else in what its `<<` keys merge in (where it was written). */
function entryOf(doc, map, key, depth = 0) {
    const own = map.items.find((it) => (0,dist/* isPair */.tO)(it) && !isMergeKey(it.key) && String((0,dist/* isScalar */.jn)(it.key) ? it.key.value : it.key) === key);
    if (own || depth > MAX_DEPTH)
        return own;
    for (const merge of map.items.filter((it) => (0,dist/* isPair */.tO)(it) && isMergeKey(it.key))) {
        for (const source of mergedMaps(doc, merge.value)) {
            const found = (0,dist/* isMap */.jh)(source) ? entryOf(doc, source, key, depth + 1) : undefined;
            if (found)
                return found;
        }
    }
    return undefined;
}
function find(doc, path) {
    let node = doc.contents;
    let pair;
    for (const seg of path) {
        // a value written as an alias is looked up where its anchor is
        if ((0,dist/* isAlias */.Vj)(node))
            node = node.resolve(doc);
        if ((0,dist/* isMap */.jh)(node)) {
            pair = entryOf(doc, node, String(seg));
            if (!pair)
                return undefined;
            node = pair.value;
        }
        else if ((0,dist/* isSeq */.oP)(node) && typeof seg === 'number') {
            node = node.items[seg];
            pair = undefined;
            if (node === undefined)
                return undefined;
        }
        else {
            return undefined;
        }
    }
    const found = { node: node ?? null };
    if (pair)
        found.pair = pair;
    return found;
}
/** The parser's error codes in the words of someone editing a config, with what to do. */
const YAML_PROBLEMS = {
    TAB_AS_INDENT: { what: 'a tab is used to indent', fix: 'indent with spaces only (YAML does not allow tabs), two per level' },
    MISSING_CHAR: { what: 'a quote or bracket is not closed', fix: 'close the quote or bracket, or quote the whole value' },
    DUPLICATE_KEY: { what: 'a key is written twice in the same mapping', fix: 'keep one of them (the Sindri CLI refuses repeated keys too)' },
    BAD_INDENT: {
        what: 'the indentation does not line up, or a [ or { is not closed',
        fix: 'indent keys of the same level by the same number of spaces, and close every [ and {',
    },
    BLOCK_AS_IMPLICIT_KEY: {
        what: 'a key: value sits where a plain value was expected (a line indented too far, or a second ": " in a value)',
        fix: 'put nested keys on their own lines under their parent, or quote a value that contains ": "',
    },
    MULTILINE_IMPLICIT_KEY: { what: 'a key runs over more than one line (a missing colon?)', fix: 'write each key: value on one line' },
    UNEXPECTED_TOKEN: {
        what: 'something follows a value where nothing may (a list item among keys, or two values on one line)',
        fix: 'put each key: value or - item on its own line, at the indentation of its siblings',
    },
    BAD_SCALAR_START: { what: 'a value starts with a character YAML reserves (@ or `)', fix: 'quote the value, e.g. key: "@value"' },
    BAD_DIRECTIVE: { what: 'a % directive this parser does not support', fix: 'remove the %YAML or %TAG line (sindri.yaml needs none)' },
    KEY_OVER_1024_CHARS: { what: 'a key is longer than 1024 characters', fix: 'shorten the key (or quote it if it is really a value)' },
    BAD_DQ_ESCAPE: {
        what: 'a backslash escape in a "double-quoted" value is not valid',
        fix: 'write \\\\ for a backslash, or use single quotes',
    },
};
function duplicateKey(text, offset) {
    const key = /^[^:\n]{1,80}/.exec(text.slice(offset))?.[0]?.trim();
    return key ? `the key ${key} is written twice in the same mapping` : 'a key is written twice in the same mapping';
}
/** How many values the aliases of one file may expand to (the `yaml` library's `maxAliasCount`). */
const MAX_ALIAS_EXPANSION = 10_000;
/** Deeper than this, a config is not one a person wrote (upstream serde_yaml stops at 128). */
const MAX_DEPTH = 100;
function tooDeep(where) {
    return new errors/* ActionError */.lZ(`the YAML is nested more than ${MAX_DEPTH} levels deep`, {
        where,
        fix: 'flatten the structure: sindri.yaml needs a few levels (deployment.image_config.registry), not hundreds',
    });
}
/** The first alias whose anchor is not defined before it, with where it is written. */
function aliasProblem(doc) {
    let found;
    (0,dist/* visit */.YR)(doc, {
        Alias(_key, node) {
            if (node.resolve(doc) === undefined) {
                found = { name: node.source, offset: node.range?.[0] };
                return dist/* visit */.YR.BREAK;
            }
            return undefined;
        },
    });
    return found;
}
function firstAlias(doc) {
    let offset;
    (0,dist/* visit */.YR)(doc, {
        Alias(_key, node) {
            offset = node.range?.[0];
            return dist/* visit */.YR.BREAK;
        },
    });
    return offset;
}
/** The offset of the first node nested deeper than MAX_DEPTH, or undefined (an explicit stack: no recursion). */
function deepest(doc) {
    const stack = [{ node: doc.contents, depth: 0 }];
    while (stack.length) {
        const { node, depth } = stack.pop();
        if ((0,dist/* isMap */.jh)(node) || (0,dist/* isSeq */.oP)(node)) {
            if (depth >= MAX_DEPTH)
                return (node.range?.[0] ?? 0);
            for (const it of node.items) {
                if ((0,dist/* isPair */.tO)(it)) {
                    stack.push({ node: it.key, depth: depth + 1 }, { node: it.value, depth: depth + 1 });
                }
                else
                    stack.push({ node: it, depth: depth + 1 });
            }
        }
    }
    return undefined;
}
function firstLine(message) {
    return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?\s*$/, '').trim();
}
/**
 * Parse YAML text. `file` is the name shown to the user. Unparsable YAML, several documents or a
 * document that is not a mapping throw an ActionError at the parser's line and column.
 */
function parseConfigText(text, file) {
    const lineCounter = new dist/* LineCounter */.HN();
    // uniqueKeys: a repeated key is an error, as in upstream's serde_yaml. merge: `<<: *common` merges the
    // anchored mapping in (keys written beside it win), so the values written there are the ones used
    const doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter, prettyErrors: false, uniqueKeys: true, keepSourceTokens: false, merge: true });
    const at = (offset) => {
        if (offset === undefined)
            return { line: 1, column: 1 };
        const { line, col } = lineCounter.linePos(offset);
        return { line, column: col };
    };
    const err = doc.errors[0];
    if (err) {
        const { line, column } = at(err.pos[0]);
        const where = { file, line, column };
        if (err.code === 'MULTIPLE_DOCS') {
            throw new errors/* ActionError */.lZ(`holds more than one YAML document: a second one starts at line ${line} (after a --- line)`, {
                where,
                fix: 'keep one document per file: remove the --- separator and the second document, or move it to its own file',
            });
        }
        if (err.code === 'RESOURCE_EXHAUSTION')
            throw tooDeep(where);
        const known = YAML_PROBLEMS[err.code];
        const what = err.code === 'DUPLICATE_KEY' ? duplicateKey(text, err.pos[0]) : known?.what;
        throw new errors/* ActionError */.lZ(`not valid YAML: ${what ? `${what} (${firstLine(err.message)})` : firstLine(err.message)}`, {
            where,
            fix: known?.fix ?? 'correct the YAML syntax at that line (indentation with spaces, a space after each colon, quotes closed)',
        });
    }
    const problem = aliasProblem(doc);
    if (problem) {
        const { line, column } = at(problem.offset);
        throw new errors/* ActionError */.lZ(`the alias *${problem.name} refers to no anchor &${problem.name} defined above it`, {
            where: { file, line, column },
            fix: `define &${problem.name} on a value above this line (anchors must come before their aliases), or write the value itself`,
        });
    }
    const depth = deepest(doc);
    if (depth)
        throw tooDeep({ file, ...at(depth) });
    const contents = doc.contents;
    if (!(0,dist/* isMap */.jh)(contents)) {
        const what = contents === null ? 'empty' : (0,dist/* isSeq */.oP)(contents) ? 'a list' : 'a single value';
        throw new errors/* ActionError */.lZ(`the file is ${what}, not a mapping of keys`, {
            where: { file, line: 1, column: 1 },
            fix: 'start the file with top-level keys: version, name, deployment, extensions (run the action with mode: init for a documented example)',
        });
    }
    // Aliases are resolved; maxAliasCount bounds "billion laughs" expansion (ADR 0014): the library's
    // default of 100 refuses an ordinary file that reuses one anchor a hundred times.
    let data;
    try {
        data = doc.toJS({ maxAliasCount: MAX_ALIAS_EXPANSION });
    }
    catch (e) {
        if (!(e instanceof ReferenceError || e instanceof RangeError))
            throw e;
        const first = firstAlias(doc);
        const where = { file, ...at(first) };
        if (e instanceof RangeError)
            throw tooDeep(where);
        throw new errors/* ActionError */.lZ(`its aliases expand to more than ${MAX_ALIAS_EXPANSION} copies (an alias bomb)`, {
            where,
            fix: 'write the repeated values out, or nest aliases less: anchors that alias other anchors multiply',
            cause: e,
        });
    }
    const locate = (path) => {
        if (path.length === 0)
            return at(contents.range?.[0]);
        const f = find(doc, path);
        if (!f)
            return undefined;
        if (f.node && (0,dist/* isScalar */.jn)(f.node))
            return at(f.node.range?.[0]);
        if (f.pair && (0,dist/* isScalar */.jn)(f.pair.key))
            return at(f.pair.key.range?.[0]);
        return at(f.node?.range?.[0]);
    };
    const nearest = (path) => {
        for (let n = path.length; n >= 0; n--) {
            const p = locate(path.slice(0, n));
            if (p)
                return p;
        }
        return { line: 1, column: 1 };
    };
    const source = (path) => {
        const f = find(doc, path);
        if (!f || !f.node || !(0,dist/* isScalar */.jn)(f.node))
            return undefined;
        return typeof f.node.source === 'string' ? f.node.source : String(f.node.value);
    };
    const warnings = doc.warnings.map((w) => ({ message: firstLine(w.message), position: at(w.pos[0]) }));
    return { data, locate, nearest, source, warnings };
}

// EXTERNAL MODULE: ./src/config/normalise.ts + 2 modules
var normalise = __webpack_require__(5129);
// EXTERNAL MODULE: ./src/domain.ts
var domain = __webpack_require__(9375);
// EXTERNAL MODULE: ./src/config/path.ts
var config_path = __webpack_require__(9915);
;// CONCATENATED MODULE: ./src/config/schema-validator.generated.js
// GENERATED by scripts/gen-schema-validator.mjs from src/config/sindri.schema.json (https://sindri.dev/schemas/sindri.schema.json).
// Do not edit: run `npm run gen`.
/* eslint-disable */
const validate = (/* unused pure expression or super */ null && (validate21));/* harmony default export */ const schema_validator_generated = (validate21);const pattern0 = new RegExp("^\\d+\\.\\d+$", "u");const pattern1 = new RegExp("^[a-z][a-z0-9-]*$", "u");const schema7 = {"type":"object","required":["provider"],"properties":{"provider":{"type":"string","enum":["fly","kubernetes","docker-compose","docker","devpod","e2b","runpod","northflank"],"description":"Deployment provider (docker is an alias for docker-compose)"},"distro":{"type":"string","enum":["ubuntu","fedora","opensuse"],"default":"ubuntu","description":"Target Linux distribution for the container image"},"image":{"type":"string","description":"Docker image to deploy"},"resources":{"type":"object","properties":{"memory":{"type":"string","pattern":"^\\d+(MB|GB)$"},"cpus":{"type":"integer","minimum":1},"gpu":{"type":"object","description":"GPU configuration for compute workloads","properties":{"enabled":{"type":"boolean","default":false,"description":"Enable GPU support for this deployment"},"type":{"type":"string","enum":["nvidia","amd"],"default":"nvidia","description":"GPU vendor type"},"count":{"type":"integer","minimum":1,"maximum":8,"default":1,"description":"Number of GPUs to request"},"tier":{"type":"string","enum":["gpu-small","gpu-medium","gpu-large","gpu-xlarge"],"description":"GPU tier for automatic instance selection"},"memory":{"type":"string","pattern":"^\\d+(GB|MB)$","description":"Minimum GPU memory required (e.g., 16GB, 24GB)"}},"additionalProperties":false}}},"volumes":{"type":"object","properties":{"workspace":{"type":"object","properties":{"path":{"type":"string","default":"/alt/home/developer/workspace","description":"Container path for workspace volume"},"size":{"type":"string","pattern":"^\\d+(MB|GB)$","default":"10GB"}}}}}}};const pattern2 = new RegExp("^\\d+(MB|GB)$", "u");const pattern3 = new RegExp("^\\d+(GB|MB)$", "u");function validate22(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){let vErrors = null;let errors = 0;if(data && typeof data == "object" && !Array.isArray(data)){if(data.provider === undefined){const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "provider"},message:"must have required property '"+"provider"+"'"};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}if(data.provider !== undefined){let data0 = data.provider;if(typeof data0 !== "string"){const err1 = {instancePath:instancePath+"/provider",schemaPath:"#/properties/provider/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}if(!((((((((data0 === "fly") || (data0 === "kubernetes")) || (data0 === "docker-compose")) || (data0 === "docker")) || (data0 === "devpod")) || (data0 === "e2b")) || (data0 === "runpod")) || (data0 === "northflank"))){const err2 = {instancePath:instancePath+"/provider",schemaPath:"#/properties/provider/enum",keyword:"enum",params:{allowedValues: schema7.properties.provider.enum},message:"must be equal to one of the allowed values"};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}}if(data.distro !== undefined){let data1 = data.distro;if(typeof data1 !== "string"){const err3 = {instancePath:instancePath+"/distro",schemaPath:"#/properties/distro/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}if(!(((data1 === "ubuntu") || (data1 === "fedora")) || (data1 === "opensuse"))){const err4 = {instancePath:instancePath+"/distro",schemaPath:"#/properties/distro/enum",keyword:"enum",params:{allowedValues: schema7.properties.distro.enum},message:"must be equal to one of the allowed values"};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}}if(data.image !== undefined){if(typeof data.image !== "string"){const err5 = {instancePath:instancePath+"/image",schemaPath:"#/properties/image/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}}if(data.resources !== undefined){let data3 = data.resources;if(data3 && typeof data3 == "object" && !Array.isArray(data3)){if(data3.memory !== undefined){let data4 = data3.memory;if(typeof data4 === "string"){if(!pattern2.test(data4)){const err6 = {instancePath:instancePath+"/resources/memory",schemaPath:"#/properties/resources/properties/memory/pattern",keyword:"pattern",params:{pattern: "^\\d+(MB|GB)$"},message:"must match pattern \""+"^\\d+(MB|GB)$"+"\""};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}}else {const err7 = {instancePath:instancePath+"/resources/memory",schemaPath:"#/properties/resources/properties/memory/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}}if(data3.cpus !== undefined){let data5 = data3.cpus;if(!((typeof data5 == "number") && (!(data5 % 1) && !isNaN(data5)))){const err8 = {instancePath:instancePath+"/resources/cpus",schemaPath:"#/properties/resources/properties/cpus/type",keyword:"type",params:{type: "integer"},message:"must be integer"};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}if(typeof data5 == "number"){if(data5 < 1 || isNaN(data5)){const err9 = {instancePath:instancePath+"/resources/cpus",schemaPath:"#/properties/resources/properties/cpus/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}}}if(data3.gpu !== undefined){let data6 = data3.gpu;if(data6 && typeof data6 == "object" && !Array.isArray(data6)){for(const key0 in data6){if(!(((((key0 === "enabled") || (key0 === "type")) || (key0 === "count")) || (key0 === "tier")) || (key0 === "memory"))){const err10 = {instancePath:instancePath+"/resources/gpu",schemaPath:"#/properties/resources/properties/gpu/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}}if(data6.enabled !== undefined){if(typeof data6.enabled !== "boolean"){const err11 = {instancePath:instancePath+"/resources/gpu/enabled",schemaPath:"#/properties/resources/properties/gpu/properties/enabled/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}}if(data6.type !== undefined){let data8 = data6.type;if(typeof data8 !== "string"){const err12 = {instancePath:instancePath+"/resources/gpu/type",schemaPath:"#/properties/resources/properties/gpu/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err12];}else {vErrors.push(err12);}errors++;}if(!((data8 === "nvidia") || (data8 === "amd"))){const err13 = {instancePath:instancePath+"/resources/gpu/type",schemaPath:"#/properties/resources/properties/gpu/properties/type/enum",keyword:"enum",params:{allowedValues: schema7.properties.resources.properties.gpu.properties.type.enum},message:"must be equal to one of the allowed values"};if(vErrors === null){vErrors = [err13];}else {vErrors.push(err13);}errors++;}}if(data6.count !== undefined){let data9 = data6.count;if(!((typeof data9 == "number") && (!(data9 % 1) && !isNaN(data9)))){const err14 = {instancePath:instancePath+"/resources/gpu/count",schemaPath:"#/properties/resources/properties/gpu/properties/count/type",keyword:"type",params:{type: "integer"},message:"must be integer"};if(vErrors === null){vErrors = [err14];}else {vErrors.push(err14);}errors++;}if(typeof data9 == "number"){if(data9 > 8 || isNaN(data9)){const err15 = {instancePath:instancePath+"/resources/gpu/count",schemaPath:"#/properties/resources/properties/gpu/properties/count/maximum",keyword:"maximum",params:{comparison: "<=", limit: 8},message:"must be <= 8"};if(vErrors === null){vErrors = [err15];}else {vErrors.push(err15);}errors++;}if(data9 < 1 || isNaN(data9)){const err16 = {instancePath:instancePath+"/resources/gpu/count",schemaPath:"#/properties/resources/properties/gpu/properties/count/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};if(vErrors === null){vErrors = [err16];}else {vErrors.push(err16);}errors++;}}}if(data6.tier !== undefined){let data10 = data6.tier;if(typeof data10 !== "string"){const err17 = {instancePath:instancePath+"/resources/gpu/tier",schemaPath:"#/properties/resources/properties/gpu/properties/tier/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err17];}else {vErrors.push(err17);}errors++;}if(!((((data10 === "gpu-small") || (data10 === "gpu-medium")) || (data10 === "gpu-large")) || (data10 === "gpu-xlarge"))){const err18 = {instancePath:instancePath+"/resources/gpu/tier",schemaPath:"#/properties/resources/properties/gpu/properties/tier/enum",keyword:"enum",params:{allowedValues: schema7.properties.resources.properties.gpu.properties.tier.enum},message:"must be equal to one of the allowed values"};if(vErrors === null){vErrors = [err18];}else {vErrors.push(err18);}errors++;}}if(data6.memory !== undefined){let data11 = data6.memory;if(typeof data11 === "string"){if(!pattern3.test(data11)){const err19 = {instancePath:instancePath+"/resources/gpu/memory",schemaPath:"#/properties/resources/properties/gpu/properties/memory/pattern",keyword:"pattern",params:{pattern: "^\\d+(GB|MB)$"},message:"must match pattern \""+"^\\d+(GB|MB)$"+"\""};if(vErrors === null){vErrors = [err19];}else {vErrors.push(err19);}errors++;}}else {const err20 = {instancePath:instancePath+"/resources/gpu/memory",schemaPath:"#/properties/resources/properties/gpu/properties/memory/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err20];}else {vErrors.push(err20);}errors++;}}}else {const err21 = {instancePath:instancePath+"/resources/gpu",schemaPath:"#/properties/resources/properties/gpu/type",keyword:"type",params:{type: "object"},message:"must be object"};if(vErrors === null){vErrors = [err21];}else {vErrors.push(err21);}errors++;}}}else {const err22 = {instancePath:instancePath+"/resources",schemaPath:"#/properties/resources/type",keyword:"type",params:{type: "object"},message:"must be object"};if(vErrors === null){vErrors = [err22];}else {vErrors.push(err22);}errors++;}}if(data.volumes !== undefined){let data12 = data.volumes;if(data12 && typeof data12 == "object" && !Array.isArray(data12)){if(data12.workspace !== undefined){let data13 = data12.workspace;if(data13 && typeof data13 == "object" && !Array.isArray(data13)){if(data13.path !== undefined){if(typeof data13.path !== "string"){const err23 = {instancePath:instancePath+"/volumes/workspace/path",schemaPath:"#/properties/volumes/properties/workspace/properties/path/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err23];}else {vErrors.push(err23);}errors++;}}if(data13.size !== undefined){let data15 = data13.size;if(typeof data15 === "string"){if(!pattern2.test(data15)){const err24 = {instancePath:instancePath+"/volumes/workspace/size",schemaPath:"#/properties/volumes/properties/workspace/properties/size/pattern",keyword:"pattern",params:{pattern: "^\\d+(MB|GB)$"},message:"must match pattern \""+"^\\d+(MB|GB)$"+"\""};if(vErrors === null){vErrors = [err24];}else {vErrors.push(err24);}errors++;}}else {const err25 = {instancePath:instancePath+"/volumes/workspace/size",schemaPath:"#/properties/volumes/properties/workspace/properties/size/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err25];}else {vErrors.push(err25);}errors++;}}}else {const err26 = {instancePath:instancePath+"/volumes/workspace",schemaPath:"#/properties/volumes/properties/workspace/type",keyword:"type",params:{type: "object"},message:"must be object"};if(vErrors === null){vErrors = [err26];}else {vErrors.push(err26);}errors++;}}}else {const err27 = {instancePath:instancePath+"/volumes",schemaPath:"#/properties/volumes/type",keyword:"type",params:{type: "object"},message:"must be object"};if(vErrors === null){vErrors = [err27];}else {vErrors.push(err27);}errors++;}}}else {const err28 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};if(vErrors === null){vErrors = [err28];}else {vErrors.push(err28);}errors++;}validate22.errors = vErrors;return errors === 0;}const schema8 = {"type":"object","description":"Extension configuration: use profile, active list, or profile with additional extensions","properties":{"profile":{"type":"string","enum":["minimal","fullstack","anthropic-dev","systems","enterprise","devops","mobile","visionflow-core","visionflow-data-scientist","visionflow-creative","visionflow-full"],"description":"Extension profile to use as a base"},"active":{"type":"array","items":{"type":"string"},"description":"Explicit list of extensions to install (mutually exclusive with profile)"},"additional":{"type":"array","items":{"type":"string"},"description":"Additional extensions to install on top of a profile"},"auto_install":{"type":"boolean","default":true,"description":"Auto-install extensions on container startup (default: true). Set to false for manual control or CI testing."}},"additionalProperties":false,"oneOf":[{"required":["profile"],"not":{"required":["active"]}},{"required":["active"],"allOf":[{"not":{"required":["profile"]}},{"not":{"required":["additional"]}}]}]};function validate24(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){let vErrors = null;let errors = 0;const _errs1 = errors;let valid0 = false;let passing0 = null;const _errs2 = errors;const _errs3 = errors;const _errs4 = errors;if(data && typeof data == "object" && !Array.isArray(data)){let missing0;if((data.active === undefined) && (missing0 = "active")){const err0 = {};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}}var valid1 = _errs4 === errors;if(valid1){const err1 = {instancePath,schemaPath:"#/oneOf/0/not",keyword:"not",params:{},message:"must NOT be valid"};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}else {errors = _errs3;if(vErrors !== null){if(_errs3){vErrors.length = _errs3;}else {vErrors = null;}}}if(data && typeof data == "object" && !Array.isArray(data)){if(data.profile === undefined){const err2 = {instancePath,schemaPath:"#/oneOf/0/required",keyword:"required",params:{missingProperty: "profile"},message:"must have required property '"+"profile"+"'"};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}}var _valid0 = _errs2 === errors;if(_valid0){valid0 = true;passing0 = 0;}const _errs5 = errors;const _errs7 = errors;const _errs8 = errors;if(data && typeof data == "object" && !Array.isArray(data)){let missing1;if((data.profile === undefined) && (missing1 = "profile")){const err3 = {};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}}var valid3 = _errs8 === errors;if(valid3){const err4 = {instancePath,schemaPath:"#/oneOf/1/allOf/0/not",keyword:"not",params:{},message:"must NOT be valid"};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}else {errors = _errs7;if(vErrors !== null){if(_errs7){vErrors.length = _errs7;}else {vErrors = null;}}}const _errs10 = errors;const _errs11 = errors;if(data && typeof data == "object" && !Array.isArray(data)){let missing2;if((data.additional === undefined) && (missing2 = "additional")){const err5 = {};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}}var valid4 = _errs11 === errors;if(valid4){const err6 = {instancePath,schemaPath:"#/oneOf/1/allOf/1/not",keyword:"not",params:{},message:"must NOT be valid"};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}else {errors = _errs10;if(vErrors !== null){if(_errs10){vErrors.length = _errs10;}else {vErrors = null;}}}if(data && typeof data == "object" && !Array.isArray(data)){if(data.active === undefined){const err7 = {instancePath,schemaPath:"#/oneOf/1/required",keyword:"required",params:{missingProperty: "active"},message:"must have required property '"+"active"+"'"};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}}var _valid0 = _errs5 === errors;if(_valid0 && valid0){valid0 = false;passing0 = [passing0, 1];}else {if(_valid0){valid0 = true;passing0 = 1;}}if(!valid0){const err8 = {instancePath,schemaPath:"#/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf"};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}else {errors = _errs1;if(vErrors !== null){if(_errs1){vErrors.length = _errs1;}else {vErrors = null;}}}if(data && typeof data == "object" && !Array.isArray(data)){for(const key0 in data){if(!((((key0 === "profile") || (key0 === "active")) || (key0 === "additional")) || (key0 === "auto_install"))){const err9 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}}if(data.profile !== undefined){let data0 = data.profile;if(typeof data0 !== "string"){const err10 = {instancePath:instancePath+"/profile",schemaPath:"#/properties/profile/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}if(!(((((((((((data0 === "minimal") || (data0 === "fullstack")) || (data0 === "anthropic-dev")) || (data0 === "systems")) || (data0 === "enterprise")) || (data0 === "devops")) || (data0 === "mobile")) || (data0 === "visionflow-core")) || (data0 === "visionflow-data-scientist")) || (data0 === "visionflow-creative")) || (data0 === "visionflow-full"))){const err11 = {instancePath:instancePath+"/profile",schemaPath:"#/properties/profile/enum",keyword:"enum",params:{allowedValues: schema8.properties.profile.enum},message:"must be equal to one of the allowed values"};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}}if(data.active !== undefined){let data1 = data.active;if(Array.isArray(data1)){const len0 = data1.length;for(let i0=0; i0<len0; i0++){if(typeof data1[i0] !== "string"){const err12 = {instancePath:instancePath+"/active/" + i0,schemaPath:"#/properties/active/items/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err12];}else {vErrors.push(err12);}errors++;}}}else {const err13 = {instancePath:instancePath+"/active",schemaPath:"#/properties/active/type",keyword:"type",params:{type: "array"},message:"must be array"};if(vErrors === null){vErrors = [err13];}else {vErrors.push(err13);}errors++;}}if(data.additional !== undefined){let data3 = data.additional;if(Array.isArray(data3)){const len1 = data3.length;for(let i1=0; i1<len1; i1++){if(typeof data3[i1] !== "string"){const err14 = {instancePath:instancePath+"/additional/" + i1,schemaPath:"#/properties/additional/items/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err14];}else {vErrors.push(err14);}errors++;}}}else {const err15 = {instancePath:instancePath+"/additional",schemaPath:"#/properties/additional/type",keyword:"type",params:{type: "array"},message:"must be array"};if(vErrors === null){vErrors = [err15];}else {vErrors.push(err15);}errors++;}}if(data.auto_install !== undefined){if(typeof data.auto_install !== "boolean"){const err16 = {instancePath:instancePath+"/auto_install",schemaPath:"#/properties/auto_install/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};if(vErrors === null){vErrors = [err16];}else {vErrors.push(err16);}errors++;}}}else {const err17 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};if(vErrors === null){vErrors = [err17];}else {vErrors.push(err17);}errors++;}validate24.errors = vErrors;return errors === 0;}const schema9 = {"type":"array","description":"Secrets to inject into the deployment","items":{"type":"object","required":["name","source"],"properties":{"name":{"type":"string","description":"Environment variable name for the secret","pattern":"^[A-Z][A-Z0-9_]*$"},"source":{"type":"string","enum":["env","file","vault"],"description":"Source type: env (environment/file), file (file mount), vault (HashiCorp Vault)"},"fromFile":{"type":"string","description":"Read secret value from file content (for source: env). Supports ~ expansion. Falls back to env var if file not found."},"required":{"type":"boolean","default":false,"description":"Fail deployment if secret is not available"},"path":{"type":"string","description":"File path (for source: file)"},"mountPath":{"type":"string","description":"Container destination path (for source: file)"},"permissions":{"type":"string","pattern":"^0[0-7]{3}$","default":"0644","description":"Unix file permissions in octal (for source: file)"},"vaultPath":{"type":"string","description":"Vault KV path (for source: vault)"},"vaultKey":{"type":"string","description":"Key within the Vault secret (for source: vault)"},"vaultMount":{"type":"string","default":"secret","description":"Vault mount point (for source: vault)"}},"allOf":[{"if":{"properties":{"source":{"const":"file"}}},"then":{"required":["path","mountPath"]}},{"if":{"properties":{"source":{"const":"vault"}}},"then":{"required":["vaultPath","vaultKey"]}}]}};const pattern5 = new RegExp("^[A-Z][A-Z0-9_]*$", "u");const pattern6 = new RegExp("^0[0-7]{3}$", "u");function validate26(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){let vErrors = null;let errors = 0;if(Array.isArray(data)){const len0 = data.length;for(let i0=0; i0<len0; i0++){let data0 = data[i0];const _errs4 = errors;let valid3 = true;const _errs5 = errors;if(data0 && typeof data0 == "object" && !Array.isArray(data0)){if(data0.source !== undefined){if("file" !== data0.source){const err0 = {};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}}}var _valid0 = _errs5 === errors;errors = _errs4;if(vErrors !== null){if(_errs4){vErrors.length = _errs4;}else {vErrors = null;}}if(_valid0){const _errs7 = errors;if(data0 && typeof data0 == "object" && !Array.isArray(data0)){if(data0.path === undefined){const err1 = {instancePath:instancePath+"/" + i0,schemaPath:"#/items/allOf/0/then/required",keyword:"required",params:{missingProperty: "path"},message:"must have required property '"+"path"+"'"};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}if(data0.mountPath === undefined){const err2 = {instancePath:instancePath+"/" + i0,schemaPath:"#/items/allOf/0/then/required",keyword:"required",params:{missingProperty: "mountPath"},message:"must have required property '"+"mountPath"+"'"};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}}var _valid0 = _errs7 === errors;valid3 = _valid0;}if(!valid3){const err3 = {instancePath:instancePath+"/" + i0,schemaPath:"#/items/allOf/0/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema"};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}const _errs9 = errors;let valid5 = true;const _errs10 = errors;if(data0 && typeof data0 == "object" && !Array.isArray(data0)){if(data0.source !== undefined){if("vault" !== data0.source){const err4 = {};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}}}var _valid1 = _errs10 === errors;errors = _errs9;if(vErrors !== null){if(_errs9){vErrors.length = _errs9;}else {vErrors = null;}}if(_valid1){const _errs12 = errors;if(data0 && typeof data0 == "object" && !Array.isArray(data0)){if(data0.vaultPath === undefined){const err5 = {instancePath:instancePath+"/" + i0,schemaPath:"#/items/allOf/1/then/required",keyword:"required",params:{missingProperty: "vaultPath"},message:"must have required property '"+"vaultPath"+"'"};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}if(data0.vaultKey === undefined){const err6 = {instancePath:instancePath+"/" + i0,schemaPath:"#/items/allOf/1/then/required",keyword:"required",params:{missingProperty: "vaultKey"},message:"must have required property '"+"vaultKey"+"'"};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}}var _valid1 = _errs12 === errors;valid5 = _valid1;}if(!valid5){const err7 = {instancePath:instancePath+"/" + i0,schemaPath:"#/items/allOf/1/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema"};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}if(data0 && typeof data0 == "object" && !Array.isArray(data0)){if(data0.name === undefined){const err8 = {instancePath:instancePath+"/" + i0,schemaPath:"#/items/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'"};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}if(data0.source === undefined){const err9 = {instancePath:instancePath+"/" + i0,schemaPath:"#/items/required",keyword:"required",params:{missingProperty: "source"},message:"must have required property '"+"source"+"'"};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}if(data0.name !== undefined){let data3 = data0.name;if(typeof data3 === "string"){if(!pattern5.test(data3)){const err10 = {instancePath:instancePath+"/" + i0+"/name",schemaPath:"#/items/properties/name/pattern",keyword:"pattern",params:{pattern: "^[A-Z][A-Z0-9_]*$"},message:"must match pattern \""+"^[A-Z][A-Z0-9_]*$"+"\""};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}}else {const err11 = {instancePath:instancePath+"/" + i0+"/name",schemaPath:"#/items/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}}if(data0.source !== undefined){let data4 = data0.source;if(typeof data4 !== "string"){const err12 = {instancePath:instancePath+"/" + i0+"/source",schemaPath:"#/items/properties/source/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err12];}else {vErrors.push(err12);}errors++;}if(!(((data4 === "env") || (data4 === "file")) || (data4 === "vault"))){const err13 = {instancePath:instancePath+"/" + i0+"/source",schemaPath:"#/items/properties/source/enum",keyword:"enum",params:{allowedValues: schema9.items.properties.source.enum},message:"must be equal to one of the allowed values"};if(vErrors === null){vErrors = [err13];}else {vErrors.push(err13);}errors++;}}if(data0.fromFile !== undefined){if(typeof data0.fromFile !== "string"){const err14 = {instancePath:instancePath+"/" + i0+"/fromFile",schemaPath:"#/items/properties/fromFile/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err14];}else {vErrors.push(err14);}errors++;}}if(data0.required !== undefined){if(typeof data0.required !== "boolean"){const err15 = {instancePath:instancePath+"/" + i0+"/required",schemaPath:"#/items/properties/required/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};if(vErrors === null){vErrors = [err15];}else {vErrors.push(err15);}errors++;}}if(data0.path !== undefined){if(typeof data0.path !== "string"){const err16 = {instancePath:instancePath+"/" + i0+"/path",schemaPath:"#/items/properties/path/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err16];}else {vErrors.push(err16);}errors++;}}if(data0.mountPath !== undefined){if(typeof data0.mountPath !== "string"){const err17 = {instancePath:instancePath+"/" + i0+"/mountPath",schemaPath:"#/items/properties/mountPath/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err17];}else {vErrors.push(err17);}errors++;}}if(data0.permissions !== undefined){let data9 = data0.permissions;if(typeof data9 === "string"){if(!pattern6.test(data9)){const err18 = {instancePath:instancePath+"/" + i0+"/permissions",schemaPath:"#/items/properties/permissions/pattern",keyword:"pattern",params:{pattern: "^0[0-7]{3}$"},message:"must match pattern \""+"^0[0-7]{3}$"+"\""};if(vErrors === null){vErrors = [err18];}else {vErrors.push(err18);}errors++;}}else {const err19 = {instancePath:instancePath+"/" + i0+"/permissions",schemaPath:"#/items/properties/permissions/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err19];}else {vErrors.push(err19);}errors++;}}if(data0.vaultPath !== undefined){if(typeof data0.vaultPath !== "string"){const err20 = {instancePath:instancePath+"/" + i0+"/vaultPath",schemaPath:"#/items/properties/vaultPath/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err20];}else {vErrors.push(err20);}errors++;}}if(data0.vaultKey !== undefined){if(typeof data0.vaultKey !== "string"){const err21 = {instancePath:instancePath+"/" + i0+"/vaultKey",schemaPath:"#/items/properties/vaultKey/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err21];}else {vErrors.push(err21);}errors++;}}if(data0.vaultMount !== undefined){if(typeof data0.vaultMount !== "string"){const err22 = {instancePath:instancePath+"/" + i0+"/vaultMount",schemaPath:"#/items/properties/vaultMount/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err22];}else {vErrors.push(err22);}errors++;}}}else {const err23 = {instancePath:instancePath+"/" + i0,schemaPath:"#/items/type",keyword:"type",params:{type: "object"},message:"must be object"};if(vErrors === null){vErrors = [err23];}else {vErrors.push(err23);}errors++;}}}else {const err24 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "array"},message:"must be array"};if(vErrors === null){vErrors = [err24];}else {vErrors.push(err24);}errors++;}validate26.errors = vErrors;return errors === 0;}const schema11 = {"type":"object","properties":{"region":{"type":"string","default":"sjc","description":"Fly.io region code (e.g., sjc, ord, iad, ams)"},"autoStopMachines":{"type":"boolean","default":true,"description":"Auto-suspend machines when idle (cost optimization)"},"autoStartMachines":{"type":"boolean","default":true,"description":"Auto-start machines on incoming connections"},"cpuKind":{"type":"string","enum":["shared","performance"],"default":"shared","description":"CPU type: shared (cost-effective) or performance (dedicated)"},"sshPort":{"type":"integer","minimum":1024,"maximum":65535,"default":10022,"description":"External SSH port"},"organization":{"type":"string","description":"Fly.io organization name"},"highAvailability":{"type":"boolean","default":false,"description":"Enable high availability (multiple machines)"}}};function validate29(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){let vErrors = null;let errors = 0;if(data && typeof data == "object" && !Array.isArray(data)){if(data.region !== undefined){if(typeof data.region !== "string"){const err0 = {instancePath:instancePath+"/region",schemaPath:"#/properties/region/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}}if(data.autoStopMachines !== undefined){if(typeof data.autoStopMachines !== "boolean"){const err1 = {instancePath:instancePath+"/autoStopMachines",schemaPath:"#/properties/autoStopMachines/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}}if(data.autoStartMachines !== undefined){if(typeof data.autoStartMachines !== "boolean"){const err2 = {instancePath:instancePath+"/autoStartMachines",schemaPath:"#/properties/autoStartMachines/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}}if(data.cpuKind !== undefined){let data3 = data.cpuKind;if(typeof data3 !== "string"){const err3 = {instancePath:instancePath+"/cpuKind",schemaPath:"#/properties/cpuKind/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}if(!((data3 === "shared") || (data3 === "performance"))){const err4 = {instancePath:instancePath+"/cpuKind",schemaPath:"#/properties/cpuKind/enum",keyword:"enum",params:{allowedValues: schema11.properties.cpuKind.enum},message:"must be equal to one of the allowed values"};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}}if(data.sshPort !== undefined){let data4 = data.sshPort;if(!((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4)))){const err5 = {instancePath:instancePath+"/sshPort",schemaPath:"#/properties/sshPort/type",keyword:"type",params:{type: "integer"},message:"must be integer"};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}if(typeof data4 == "number"){if(data4 > 65535 || isNaN(data4)){const err6 = {instancePath:instancePath+"/sshPort",schemaPath:"#/properties/sshPort/maximum",keyword:"maximum",params:{comparison: "<=", limit: 65535},message:"must be <= 65535"};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}if(data4 < 1024 || isNaN(data4)){const err7 = {instancePath:instancePath+"/sshPort",schemaPath:"#/properties/sshPort/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1024},message:"must be >= 1024"};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}}}if(data.organization !== undefined){if(typeof data.organization !== "string"){const err8 = {instancePath:instancePath+"/organization",schemaPath:"#/properties/organization/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}}if(data.highAvailability !== undefined){if(typeof data.highAvailability !== "boolean"){const err9 = {instancePath:instancePath+"/highAvailability",schemaPath:"#/properties/highAvailability/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}}}else {const err10 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}validate29.errors = vErrors;return errors === 0;}const schema12 = {"type":"object","description":"Docker Compose provider options","properties":{"network":{"type":"string","enum":["bridge","host","none"],"default":"bridge","description":"Docker network mode"},"restart":{"type":"string","enum":["no","always","on-failure","unless-stopped"],"default":"unless-stopped","description":"Container restart policy"},"ports":{"type":"array","items":{"type":"string","pattern":"^\\d+:\\d+$"},"description":"Additional port mappings (e.g., '3000:3000')"},"privileged":{"type":"boolean","default":false,"description":"Run container in privileged mode (legacy DinD, security risk)"},"extraHosts":{"type":"array","items":{"type":"string"},"description":"Extra hosts to add to /etc/hosts (e.g., 'host.docker.internal:host-gateway')"},"runtime":{"type":"string","enum":["runc","sysbox-runc","auto"],"default":"auto","description":"Container runtime. 'auto' uses sysbox-runc if available, falls back to runc"},"dind":{"type":"object","description":"Docker-in-Docker configuration for running Docker inside Sindri containers","properties":{"enabled":{"type":"boolean","default":false,"description":"Enable Docker-in-Docker support"},"mode":{"type":"string","enum":["sysbox","privileged","socket","auto"],"default":"auto","description":"DinD mode: sysbox (secure, requires host setup), privileged (legacy, uses vfs), socket (share host Docker daemon), auto (detect best available)"},"storageDriver":{"type":"string","enum":["auto","overlay2","fuse-overlayfs","vfs"],"default":"auto","description":"Storage driver for inner Docker daemon (only used in privileged mode)"},"storageSize":{"type":"string","pattern":"^\\d+(MB|GB)$","default":"20GB","description":"Size limit for Docker storage volume (used with vfs driver)"}},"additionalProperties":false}}};const pattern7 = new RegExp("^\\d+:\\d+$", "u");function validate31(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){let vErrors = null;let errors = 0;if(data && typeof data == "object" && !Array.isArray(data)){if(data.network !== undefined){let data0 = data.network;if(typeof data0 !== "string"){const err0 = {instancePath:instancePath+"/network",schemaPath:"#/properties/network/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}if(!(((data0 === "bridge") || (data0 === "host")) || (data0 === "none"))){const err1 = {instancePath:instancePath+"/network",schemaPath:"#/properties/network/enum",keyword:"enum",params:{allowedValues: schema12.properties.network.enum},message:"must be equal to one of the allowed values"};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}}if(data.restart !== undefined){let data1 = data.restart;if(typeof data1 !== "string"){const err2 = {instancePath:instancePath+"/restart",schemaPath:"#/properties/restart/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}if(!((((data1 === "no") || (data1 === "always")) || (data1 === "on-failure")) || (data1 === "unless-stopped"))){const err3 = {instancePath:instancePath+"/restart",schemaPath:"#/properties/restart/enum",keyword:"enum",params:{allowedValues: schema12.properties.restart.enum},message:"must be equal to one of the allowed values"};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}}if(data.ports !== undefined){let data2 = data.ports;if(Array.isArray(data2)){const len0 = data2.length;for(let i0=0; i0<len0; i0++){let data3 = data2[i0];if(typeof data3 === "string"){if(!pattern7.test(data3)){const err4 = {instancePath:instancePath+"/ports/" + i0,schemaPath:"#/properties/ports/items/pattern",keyword:"pattern",params:{pattern: "^\\d+:\\d+$"},message:"must match pattern \""+"^\\d+:\\d+$"+"\""};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}}else {const err5 = {instancePath:instancePath+"/ports/" + i0,schemaPath:"#/properties/ports/items/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}}}else {const err6 = {instancePath:instancePath+"/ports",schemaPath:"#/properties/ports/type",keyword:"type",params:{type: "array"},message:"must be array"};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}}if(data.privileged !== undefined){if(typeof data.privileged !== "boolean"){const err7 = {instancePath:instancePath+"/privileged",schemaPath:"#/properties/privileged/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}}if(data.extraHosts !== undefined){let data5 = data.extraHosts;if(Array.isArray(data5)){const len1 = data5.length;for(let i1=0; i1<len1; i1++){if(typeof data5[i1] !== "string"){const err8 = {instancePath:instancePath+"/extraHosts/" + i1,schemaPath:"#/properties/extraHosts/items/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}}}else {const err9 = {instancePath:instancePath+"/extraHosts",schemaPath:"#/properties/extraHosts/type",keyword:"type",params:{type: "array"},message:"must be array"};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}}if(data.runtime !== undefined){let data7 = data.runtime;if(typeof data7 !== "string"){const err10 = {instancePath:instancePath+"/runtime",schemaPath:"#/properties/runtime/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}if(!(((data7 === "runc") || (data7 === "sysbox-runc")) || (data7 === "auto"))){const err11 = {instancePath:instancePath+"/runtime",schemaPath:"#/properties/runtime/enum",keyword:"enum",params:{allowedValues: schema12.properties.runtime.enum},message:"must be equal to one of the allowed values"};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}}if(data.dind !== undefined){let data8 = data.dind;if(data8 && typeof data8 == "object" && !Array.isArray(data8)){for(const key0 in data8){if(!((((key0 === "enabled") || (key0 === "mode")) || (key0 === "storageDriver")) || (key0 === "storageSize"))){const err12 = {instancePath:instancePath+"/dind",schemaPath:"#/properties/dind/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};if(vErrors === null){vErrors = [err12];}else {vErrors.push(err12);}errors++;}}if(data8.enabled !== undefined){if(typeof data8.enabled !== "boolean"){const err13 = {instancePath:instancePath+"/dind/enabled",schemaPath:"#/properties/dind/properties/enabled/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};if(vErrors === null){vErrors = [err13];}else {vErrors.push(err13);}errors++;}}if(data8.mode !== undefined){let data10 = data8.mode;if(typeof data10 !== "string"){const err14 = {instancePath:instancePath+"/dind/mode",schemaPath:"#/properties/dind/properties/mode/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err14];}else {vErrors.push(err14);}errors++;}if(!((((data10 === "sysbox") || (data10 === "privileged")) || (data10 === "socket")) || (data10 === "auto"))){const err15 = {instancePath:instancePath+"/dind/mode",schemaPath:"#/properties/dind/properties/mode/enum",keyword:"enum",params:{allowedValues: schema12.properties.dind.properties.mode.enum},message:"must be equal to one of the allowed values"};if(vErrors === null){vErrors = [err15];}else {vErrors.push(err15);}errors++;}}if(data8.storageDriver !== undefined){let data11 = data8.storageDriver;if(typeof data11 !== "string"){const err16 = {instancePath:instancePath+"/dind/storageDriver",schemaPath:"#/properties/dind/properties/storageDriver/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err16];}else {vErrors.push(err16);}errors++;}if(!((((data11 === "auto") || (data11 === "overlay2")) || (data11 === "fuse-overlayfs")) || (data11 === "vfs"))){const err17 = {instancePath:instancePath+"/dind/storageDriver",schemaPath:"#/properties/dind/properties/storageDriver/enum",keyword:"enum",params:{allowedValues: schema12.properties.dind.properties.storageDriver.enum},message:"must be equal to one of the allowed values"};if(vErrors === null){vErrors = [err17];}else {vErrors.push(err17);}errors++;}}if(data8.storageSize !== undefined){let data12 = data8.storageSize;if(typeof data12 === "string"){if(!pattern2.test(data12)){const err18 = {instancePath:instancePath+"/dind/storageSize",schemaPath:"#/properties/dind/properties/storageSize/pattern",keyword:"pattern",params:{pattern: "^\\d+(MB|GB)$"},message:"must match pattern \""+"^\\d+(MB|GB)$"+"\""};if(vErrors === null){vErrors = [err18];}else {vErrors.push(err18);}errors++;}}else {const err19 = {instancePath:instancePath+"/dind/storageSize",schemaPath:"#/properties/dind/properties/storageSize/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err19];}else {vErrors.push(err19);}errors++;}}}else {const err20 = {instancePath:instancePath+"/dind",schemaPath:"#/properties/dind/type",keyword:"type",params:{type: "object"},message:"must be object"};if(vErrors === null){vErrors = [err20];}else {vErrors.push(err20);}errors++;}}}else {const err21 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};if(vErrors === null){vErrors = [err21];}else {vErrors.push(err21);}errors++;}validate31.errors = vErrors;return errors === 0;}function validate33(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){let vErrors = null;let errors = 0;if(data && typeof data == "object" && !Array.isArray(data)){if(data.namespace !== undefined){if(typeof data.namespace !== "string"){const err0 = {instancePath:instancePath+"/namespace",schemaPath:"#/properties/namespace/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}}if(data.storageClass !== undefined){if(typeof data.storageClass !== "string"){const err1 = {instancePath:instancePath+"/storageClass",schemaPath:"#/properties/storageClass/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}}if(data.ingress !== undefined){let data2 = data.ingress;if(data2 && typeof data2 == "object" && !Array.isArray(data2)){if(data2.enabled !== undefined){if(typeof data2.enabled !== "boolean"){const err2 = {instancePath:instancePath+"/ingress/enabled",schemaPath:"#/properties/ingress/properties/enabled/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}}if(data2.hostname !== undefined){if(typeof data2.hostname !== "string"){const err3 = {instancePath:instancePath+"/ingress/hostname",schemaPath:"#/properties/ingress/properties/hostname/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}}}else {const err4 = {instancePath:instancePath+"/ingress",schemaPath:"#/properties/ingress/type",keyword:"type",params:{type: "object"},message:"must be object"};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}}}else {const err5 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}validate33.errors = vErrors;return errors === 0;}const schema14 = {"type":"object","required":["type"],"properties":{"type":{"type":"string","enum":["aws","gcp","azure","digitalocean","kubernetes","ssh","docker"],"description":"DevPod provider type"},"buildRepository":{"type":"string","description":"Docker registry URL for image push (required for non-local Kubernetes and cloud providers). Example: ghcr.io/myorg/sindri"},"aws":{"type":"object","description":"AWS EC2 provider options","properties":{"region":{"type":"string","default":"us-west-2","description":"AWS region"},"instanceType":{"type":"string","default":"c5.xlarge","description":"EC2 instance type"},"diskSize":{"type":"integer","default":40,"description":"Root volume size in GB"},"useSpot":{"type":"boolean","default":false,"description":"Use spot instances for cost savings"},"subnetId":{"type":"string","description":"VPC subnet ID for instance placement"},"securityGroupId":{"type":"string","description":"Security group ID to attach"}}},"gcp":{"type":"object","description":"GCP Compute Engine provider options","properties":{"project":{"type":"string","description":"GCP project ID"},"zone":{"type":"string","default":"us-central1-a","description":"GCP zone"},"machineType":{"type":"string","default":"e2-standard-4","description":"GCE machine type"},"diskSize":{"type":"integer","default":40,"description":"Boot disk size in GB"},"diskType":{"type":"string","enum":["pd-standard","pd-balanced","pd-ssd"],"default":"pd-balanced","description":"Persistent disk type"}}},"azure":{"type":"object","description":"Azure VM provider options","properties":{"subscription":{"type":"string","description":"Azure subscription ID"},"resourceGroup":{"type":"string","default":"devpod-resources","description":"Resource group name"},"location":{"type":"string","default":"eastus","description":"Azure region"},"vmSize":{"type":"string","default":"Standard_D4s_v3","description":"VM size"},"diskSize":{"type":"integer","default":40,"description":"OS disk size in GB"}}},"digitalocean":{"type":"object","description":"DigitalOcean Droplet provider options","properties":{"region":{"type":"string","default":"nyc3","description":"DigitalOcean region"},"size":{"type":"string","default":"s-4vcpu-8gb","description":"Droplet size"},"diskSize":{"type":"integer","description":"Block storage size in GB (optional)"}}},"kubernetes":{"type":"object","description":"Kubernetes pod provider options","properties":{"namespace":{"type":"string","default":"devpod","description":"Kubernetes namespace"},"storageClass":{"type":"string","description":"Storage class for persistent volumes"},"context":{"type":"string","description":"Kubernetes context to use"},"nodeSelector":{"type":"object","additionalProperties":{"type":"string"},"description":"Node selector labels"}}},"ssh":{"type":"object","description":"SSH provider options for existing machines","properties":{"host":{"type":"string","description":"SSH host address"},"user":{"type":"string","default":"root","description":"SSH user"},"port":{"type":"integer","default":22,"description":"SSH port"},"keyPath":{"type":"string","default":"~/.ssh/id_rsa","description":"Path to SSH private key"}}},"docker":{"type":"object","description":"Local Docker provider options","properties":{"dockerHost":{"type":"string","description":"Docker host URL (defaults to local socket)"}}}}};function validate35(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){let vErrors = null;let errors = 0;if(data && typeof data == "object" && !Array.isArray(data)){if(data.type === undefined){const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'"};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}if(data.type !== undefined){let data0 = data.type;if(typeof data0 !== "string"){const err1 = {instancePath:instancePath+"/type",schemaPath:"#/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}if(!(((((((data0 === "aws") || (data0 === "gcp")) || (data0 === "azure")) || (data0 === "digitalocean")) || (data0 === "kubernetes")) || (data0 === "ssh")) || (data0 === "docker"))){const err2 = {instancePath:instancePath+"/type",schemaPath:"#/properties/type/enum",keyword:"enum",params:{allowedValues: schema14.properties.type.enum},message:"must be equal to one of the allowed values"};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}}if(data.buildRepository !== undefined){if(typeof data.buildRepository !== "string"){const err3 = {instancePath:instancePath+"/buildRepository",schemaPath:"#/properties/buildRepository/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}}if(data.aws !== undefined){let data2 = data.aws;if(data2 && typeof data2 == "object" && !Array.isArray(data2)){if(data2.region !== undefined){if(typeof data2.region !== "string"){const err4 = {instancePath:instancePath+"/aws/region",schemaPath:"#/properties/aws/properties/region/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}}if(data2.instanceType !== undefined){if(typeof data2.instanceType !== "string"){const err5 = {instancePath:instancePath+"/aws/instanceType",schemaPath:"#/properties/aws/properties/instanceType/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}}if(data2.diskSize !== undefined){let data5 = data2.diskSize;if(!((typeof data5 == "number") && (!(data5 % 1) && !isNaN(data5)))){const err6 = {instancePath:instancePath+"/aws/diskSize",schemaPath:"#/properties/aws/properties/diskSize/type",keyword:"type",params:{type: "integer"},message:"must be integer"};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}}if(data2.useSpot !== undefined){if(typeof data2.useSpot !== "boolean"){const err7 = {instancePath:instancePath+"/aws/useSpot",schemaPath:"#/properties/aws/properties/useSpot/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}}if(data2.subnetId !== undefined){if(typeof data2.subnetId !== "string"){const err8 = {instancePath:instancePath+"/aws/subnetId",schemaPath:"#/properties/aws/properties/subnetId/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}}if(data2.securityGroupId !== undefined){if(typeof data2.securityGroupId !== "string"){const err9 = {instancePath:instancePath+"/aws/securityGroupId",schemaPath:"#/properties/aws/properties/securityGroupId/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}}}else {const err10 = {instancePath:instancePath+"/aws",schemaPath:"#/properties/aws/type",keyword:"type",params:{type: "object"},message:"must be object"};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}}if(data.gcp !== undefined){let data9 = data.gcp;if(data9 && typeof data9 == "object" && !Array.isArray(data9)){if(data9.project !== undefined){if(typeof data9.project !== "string"){const err11 = {instancePath:instancePath+"/gcp/project",schemaPath:"#/properties/gcp/properties/project/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}}if(data9.zone !== undefined){if(typeof data9.zone !== "string"){const err12 = {instancePath:instancePath+"/gcp/zone",schemaPath:"#/properties/gcp/properties/zone/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err12];}else {vErrors.push(err12);}errors++;}}if(data9.machineType !== undefined){if(typeof data9.machineType !== "string"){const err13 = {instancePath:instancePath+"/gcp/machineType",schemaPath:"#/properties/gcp/properties/machineType/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err13];}else {vErrors.push(err13);}errors++;}}if(data9.diskSize !== undefined){let data13 = data9.diskSize;if(!((typeof data13 == "number") && (!(data13 % 1) && !isNaN(data13)))){const err14 = {instancePath:instancePath+"/gcp/diskSize",schemaPath:"#/properties/gcp/properties/diskSize/type",keyword:"type",params:{type: "integer"},message:"must be integer"};if(vErrors === null){vErrors = [err14];}else {vErrors.push(err14);}errors++;}}if(data9.diskType !== undefined){let data14 = data9.diskType;if(typeof data14 !== "string"){const err15 = {instancePath:instancePath+"/gcp/diskType",schemaPath:"#/properties/gcp/properties/diskType/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err15];}else {vErrors.push(err15);}errors++;}if(!(((data14 === "pd-standard") || (data14 === "pd-balanced")) || (data14 === "pd-ssd"))){const err16 = {instancePath:instancePath+"/gcp/diskType",schemaPath:"#/properties/gcp/properties/diskType/enum",keyword:"enum",params:{allowedValues: schema14.properties.gcp.properties.diskType.enum},message:"must be equal to one of the allowed values"};if(vErrors === null){vErrors = [err16];}else {vErrors.push(err16);}errors++;}}}else {const err17 = {instancePath:instancePath+"/gcp",schemaPath:"#/properties/gcp/type",keyword:"type",params:{type: "object"},message:"must be object"};if(vErrors === null){vErrors = [err17];}else {vErrors.push(err17);}errors++;}}if(data.azure !== undefined){let data15 = data.azure;if(data15 && typeof data15 == "object" && !Array.isArray(data15)){if(data15.subscription !== undefined){if(typeof data15.subscription !== "string"){const err18 = {instancePath:instancePath+"/azure/subscription",schemaPath:"#/properties/azure/properties/subscription/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err18];}else {vErrors.push(err18);}errors++;}}if(data15.resourceGroup !== undefined){if(typeof data15.resourceGroup !== "string"){const err19 = {instancePath:instancePath+"/azure/resourceGroup",schemaPath:"#/properties/azure/properties/resourceGroup/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err19];}else {vErrors.push(err19);}errors++;}}if(data15.location !== undefined){if(typeof data15.location !== "string"){const err20 = {instancePath:instancePath+"/azure/location",schemaPath:"#/properties/azure/properties/location/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err20];}else {vErrors.push(err20);}errors++;}}if(data15.vmSize !== undefined){if(typeof data15.vmSize !== "string"){const err21 = {instancePath:instancePath+"/azure/vmSize",schemaPath:"#/properties/azure/properties/vmSize/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err21];}else {vErrors.push(err21);}errors++;}}if(data15.diskSize !== undefined){let data20 = data15.diskSize;if(!((typeof data20 == "number") && (!(data20 % 1) && !isNaN(data20)))){const err22 = {instancePath:instancePath+"/azure/diskSize",schemaPath:"#/properties/azure/properties/diskSize/type",keyword:"type",params:{type: "integer"},message:"must be integer"};if(vErrors === null){vErrors = [err22];}else {vErrors.push(err22);}errors++;}}}else {const err23 = {instancePath:instancePath+"/azure",schemaPath:"#/properties/azure/type",keyword:"type",params:{type: "object"},message:"must be object"};if(vErrors === null){vErrors = [err23];}else {vErrors.push(err23);}errors++;}}if(data.digitalocean !== undefined){let data21 = data.digitalocean;if(data21 && typeof data21 == "object" && !Array.isArray(data21)){if(data21.region !== undefined){if(typeof data21.region !== "string"){const err24 = {instancePath:instancePath+"/digitalocean/region",schemaPath:"#/properties/digitalocean/properties/region/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err24];}else {vErrors.push(err24);}errors++;}}if(data21.size !== undefined){if(typeof data21.size !== "string"){const err25 = {instancePath:instancePath+"/digitalocean/size",schemaPath:"#/properties/digitalocean/properties/size/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err25];}else {vErrors.push(err25);}errors++;}}if(data21.diskSize !== undefined){let data24 = data21.diskSize;if(!((typeof data24 == "number") && (!(data24 % 1) && !isNaN(data24)))){const err26 = {instancePath:instancePath+"/digitalocean/diskSize",schemaPath:"#/properties/digitalocean/properties/diskSize/type",keyword:"type",params:{type: "integer"},message:"must be integer"};if(vErrors === null){vErrors = [err26];}else {vErrors.push(err26);}errors++;}}}else {const err27 = {instancePath:instancePath+"/digitalocean",schemaPath:"#/properties/digitalocean/type",keyword:"type",params:{type: "object"},message:"must be object"};if(vErrors === null){vErrors = [err27];}else {vErrors.push(err27);}errors++;}}if(data.kubernetes !== undefined){let data25 = data.kubernetes;if(data25 && typeof data25 == "object" && !Array.isArray(data25)){if(data25.namespace !== undefined){if(typeof data25.namespace !== "string"){const err28 = {instancePath:instancePath+"/kubernetes/namespace",schemaPath:"#/properties/kubernetes/properties/namespace/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err28];}else {vErrors.push(err28);}errors++;}}if(data25.storageClass !== undefined){if(typeof data25.storageClass !== "string"){const err29 = {instancePath:instancePath+"/kubernetes/storageClass",schemaPath:"#/properties/kubernetes/properties/storageClass/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err29];}else {vErrors.push(err29);}errors++;}}if(data25.context !== undefined){if(typeof data25.context !== "string"){const err30 = {instancePath:instancePath+"/kubernetes/context",schemaPath:"#/properties/kubernetes/properties/context/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err30];}else {vErrors.push(err30);}errors++;}}if(data25.nodeSelector !== undefined){let data29 = data25.nodeSelector;if(data29 && typeof data29 == "object" && !Array.isArray(data29)){for(const key0 in data29){if(typeof data29[key0] !== "string"){const err31 = {instancePath:instancePath+"/kubernetes/nodeSelector/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/kubernetes/properties/nodeSelector/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err31];}else {vErrors.push(err31);}errors++;}}}else {const err32 = {instancePath:instancePath+"/kubernetes/nodeSelector",schemaPath:"#/properties/kubernetes/properties/nodeSelector/type",keyword:"type",params:{type: "object"},message:"must be object"};if(vErrors === null){vErrors = [err32];}else {vErrors.push(err32);}errors++;}}}else {const err33 = {instancePath:instancePath+"/kubernetes",schemaPath:"#/properties/kubernetes/type",keyword:"type",params:{type: "object"},message:"must be object"};if(vErrors === null){vErrors = [err33];}else {vErrors.push(err33);}errors++;}}if(data.ssh !== undefined){let data31 = data.ssh;if(data31 && typeof data31 == "object" && !Array.isArray(data31)){if(data31.host !== undefined){if(typeof data31.host !== "string"){const err34 = {instancePath:instancePath+"/ssh/host",schemaPath:"#/properties/ssh/properties/host/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err34];}else {vErrors.push(err34);}errors++;}}if(data31.user !== undefined){if(typeof data31.user !== "string"){const err35 = {instancePath:instancePath+"/ssh/user",schemaPath:"#/properties/ssh/properties/user/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err35];}else {vErrors.push(err35);}errors++;}}if(data31.port !== undefined){let data34 = data31.port;if(!((typeof data34 == "number") && (!(data34 % 1) && !isNaN(data34)))){const err36 = {instancePath:instancePath+"/ssh/port",schemaPath:"#/properties/ssh/properties/port/type",keyword:"type",params:{type: "integer"},message:"must be integer"};if(vErrors === null){vErrors = [err36];}else {vErrors.push(err36);}errors++;}}if(data31.keyPath !== undefined){if(typeof data31.keyPath !== "string"){const err37 = {instancePath:instancePath+"/ssh/keyPath",schemaPath:"#/properties/ssh/properties/keyPath/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err37];}else {vErrors.push(err37);}errors++;}}}else {const err38 = {instancePath:instancePath+"/ssh",schemaPath:"#/properties/ssh/type",keyword:"type",params:{type: "object"},message:"must be object"};if(vErrors === null){vErrors = [err38];}else {vErrors.push(err38);}errors++;}}if(data.docker !== undefined){let data36 = data.docker;if(data36 && typeof data36 == "object" && !Array.isArray(data36)){if(data36.dockerHost !== undefined){if(typeof data36.dockerHost !== "string"){const err39 = {instancePath:instancePath+"/docker/dockerHost",schemaPath:"#/properties/docker/properties/dockerHost/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err39];}else {vErrors.push(err39);}errors++;}}}else {const err40 = {instancePath:instancePath+"/docker",schemaPath:"#/properties/docker/type",keyword:"type",params:{type: "object"},message:"must be object"};if(vErrors === null){vErrors = [err40];}else {vErrors.push(err40);}errors++;}}}else {const err41 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};if(vErrors === null){vErrors = [err41];}else {vErrors.push(err41);}errors++;}validate35.errors = vErrors;return errors === 0;}const schema15 = {"type":"object","description":"Local Kubernetes cluster configuration (kind, k3d)","properties":{"provider":{"type":"string","enum":["kind","k3d"],"default":"kind","description":"Local K8s provider: kind (Kubernetes IN Docker) or k3d (K3s in Docker)"},"clusterName":{"type":"string","pattern":"^[a-z][a-z0-9-]*$","description":"Cluster name (defaults to sindri.yaml name)"},"version":{"type":"string","pattern":"^v?\\d+\\.\\d+\\.\\d+$","default":"v1.35.0","description":"Kubernetes version (LTS support until Feb 2027)"},"nodes":{"type":"integer","minimum":1,"maximum":10,"default":1,"description":"Number of nodes (1 = single node, >1 = multi-node with workers)"},"kind":{"type":"object","description":"kind-specific options","properties":{"image":{"type":"string","description":"Custom kind node image (e.g., kindest/node:v1.31.0)"},"configFile":{"type":"string","description":"Path to kind cluster config YAML"}}},"k3d":{"type":"object","description":"k3d-specific options","properties":{"image":{"type":"string","description":"Custom k3s image"},"registry":{"type":"object","description":"Local registry configuration","properties":{"enabled":{"type":"boolean","default":false,"description":"Create a local registry with the cluster"},"name":{"type":"string","default":"k3d-registry","description":"Registry name"},"port":{"type":"integer","default":5000,"description":"Registry port"}}}}}}};const pattern10 = new RegExp("^v?\\d+\\.\\d+\\.\\d+$", "u");function validate37(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){let vErrors = null;let errors = 0;if(data && typeof data == "object" && !Array.isArray(data)){if(data.provider !== undefined){let data0 = data.provider;if(typeof data0 !== "string"){const err0 = {instancePath:instancePath+"/provider",schemaPath:"#/properties/provider/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}if(!((data0 === "kind") || (data0 === "k3d"))){const err1 = {instancePath:instancePath+"/provider",schemaPath:"#/properties/provider/enum",keyword:"enum",params:{allowedValues: schema15.properties.provider.enum},message:"must be equal to one of the allowed values"};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}}if(data.clusterName !== undefined){let data1 = data.clusterName;if(typeof data1 === "string"){if(!pattern1.test(data1)){const err2 = {instancePath:instancePath+"/clusterName",schemaPath:"#/properties/clusterName/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9-]*$"},message:"must match pattern \""+"^[a-z][a-z0-9-]*$"+"\""};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}}else {const err3 = {instancePath:instancePath+"/clusterName",schemaPath:"#/properties/clusterName/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}}if(data.version !== undefined){let data2 = data.version;if(typeof data2 === "string"){if(!pattern10.test(data2)){const err4 = {instancePath:instancePath+"/version",schemaPath:"#/properties/version/pattern",keyword:"pattern",params:{pattern: "^v?\\d+\\.\\d+\\.\\d+$"},message:"must match pattern \""+"^v?\\d+\\.\\d+\\.\\d+$"+"\""};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}}else {const err5 = {instancePath:instancePath+"/version",schemaPath:"#/properties/version/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}}if(data.nodes !== undefined){let data3 = data.nodes;if(!((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3)))){const err6 = {instancePath:instancePath+"/nodes",schemaPath:"#/properties/nodes/type",keyword:"type",params:{type: "integer"},message:"must be integer"};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}if(typeof data3 == "number"){if(data3 > 10 || isNaN(data3)){const err7 = {instancePath:instancePath+"/nodes",schemaPath:"#/properties/nodes/maximum",keyword:"maximum",params:{comparison: "<=", limit: 10},message:"must be <= 10"};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}if(data3 < 1 || isNaN(data3)){const err8 = {instancePath:instancePath+"/nodes",schemaPath:"#/properties/nodes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}}}if(data.kind !== undefined){let data4 = data.kind;if(data4 && typeof data4 == "object" && !Array.isArray(data4)){if(data4.image !== undefined){if(typeof data4.image !== "string"){const err9 = {instancePath:instancePath+"/kind/image",schemaPath:"#/properties/kind/properties/image/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}}if(data4.configFile !== undefined){if(typeof data4.configFile !== "string"){const err10 = {instancePath:instancePath+"/kind/configFile",schemaPath:"#/properties/kind/properties/configFile/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}}}else {const err11 = {instancePath:instancePath+"/kind",schemaPath:"#/properties/kind/type",keyword:"type",params:{type: "object"},message:"must be object"};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}}if(data.k3d !== undefined){let data7 = data.k3d;if(data7 && typeof data7 == "object" && !Array.isArray(data7)){if(data7.image !== undefined){if(typeof data7.image !== "string"){const err12 = {instancePath:instancePath+"/k3d/image",schemaPath:"#/properties/k3d/properties/image/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err12];}else {vErrors.push(err12);}errors++;}}if(data7.registry !== undefined){let data9 = data7.registry;if(data9 && typeof data9 == "object" && !Array.isArray(data9)){if(data9.enabled !== undefined){if(typeof data9.enabled !== "boolean"){const err13 = {instancePath:instancePath+"/k3d/registry/enabled",schemaPath:"#/properties/k3d/properties/registry/properties/enabled/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};if(vErrors === null){vErrors = [err13];}else {vErrors.push(err13);}errors++;}}if(data9.name !== undefined){if(typeof data9.name !== "string"){const err14 = {instancePath:instancePath+"/k3d/registry/name",schemaPath:"#/properties/k3d/properties/registry/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err14];}else {vErrors.push(err14);}errors++;}}if(data9.port !== undefined){let data12 = data9.port;if(!((typeof data12 == "number") && (!(data12 % 1) && !isNaN(data12)))){const err15 = {instancePath:instancePath+"/k3d/registry/port",schemaPath:"#/properties/k3d/properties/registry/properties/port/type",keyword:"type",params:{type: "integer"},message:"must be integer"};if(vErrors === null){vErrors = [err15];}else {vErrors.push(err15);}errors++;}}}else {const err16 = {instancePath:instancePath+"/k3d/registry",schemaPath:"#/properties/k3d/properties/registry/type",keyword:"type",params:{type: "object"},message:"must be object"};if(vErrors === null){vErrors = [err16];}else {vErrors.push(err16);}errors++;}}}else {const err17 = {instancePath:instancePath+"/k3d",schemaPath:"#/properties/k3d/type",keyword:"type",params:{type: "object"},message:"must be object"};if(vErrors === null){vErrors = [err17];}else {vErrors.push(err17);}errors++;}}}else {const err18 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};if(vErrors === null){vErrors = [err18];}else {vErrors.push(err18);}errors++;}validate37.errors = vErrors;return errors === 0;}const schema16 = {"type":"object","description":"E2B cloud sandbox provider options","properties":{"templateAlias":{"type":"string","pattern":"^[a-z][a-z0-9-]*$","description":"Custom template alias (auto-generated from name if omitted)"},"reuseTemplate":{"type":"boolean","default":true,"description":"Reuse existing template if available"},"timeout":{"type":"integer","minimum":60,"maximum":86400,"default":300,"description":"Sandbox timeout in seconds (default: 5 minutes)"},"autoPause":{"type":"boolean","default":true,"description":"Auto-pause sandbox on timeout instead of killing"},"autoResume":{"type":"boolean","default":true,"description":"Auto-resume paused sandbox on connect"},"internetAccess":{"type":"boolean","default":true,"description":"Enable outbound internet access"},"allowedDomains":{"type":"array","items":{"type":"string"},"default":[],"description":"Whitelist of allowed outbound domains (empty = all)"},"blockedDomains":{"type":"array","items":{"type":"string"},"default":[],"description":"Blacklist of blocked outbound domains"},"publicAccess":{"type":"boolean","default":false,"description":"Allow public URL access to services running in sandbox"},"metadata":{"type":"object","additionalProperties":{"type":"string"},"description":"Custom metadata for sandbox identification"},"team":{"type":"string","description":"E2B team for billing (defaults to personal)"},"buildOnDeploy":{"type":"boolean","default":false,"description":"Force rebuild template on every deploy"}},"additionalProperties":false};const func2 = Object.prototype.hasOwnProperty;function validate39(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){let vErrors = null;let errors = 0;if(data && typeof data == "object" && !Array.isArray(data)){for(const key0 in data){if(!(func2.call(schema16.properties, key0))){const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}}if(data.templateAlias !== undefined){let data0 = data.templateAlias;if(typeof data0 === "string"){if(!pattern1.test(data0)){const err1 = {instancePath:instancePath+"/templateAlias",schemaPath:"#/properties/templateAlias/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9-]*$"},message:"must match pattern \""+"^[a-z][a-z0-9-]*$"+"\""};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}}else {const err2 = {instancePath:instancePath+"/templateAlias",schemaPath:"#/properties/templateAlias/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}}if(data.reuseTemplate !== undefined){if(typeof data.reuseTemplate !== "boolean"){const err3 = {instancePath:instancePath+"/reuseTemplate",schemaPath:"#/properties/reuseTemplate/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}}if(data.timeout !== undefined){let data2 = data.timeout;if(!((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2)))){const err4 = {instancePath:instancePath+"/timeout",schemaPath:"#/properties/timeout/type",keyword:"type",params:{type: "integer"},message:"must be integer"};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}if(typeof data2 == "number"){if(data2 > 86400 || isNaN(data2)){const err5 = {instancePath:instancePath+"/timeout",schemaPath:"#/properties/timeout/maximum",keyword:"maximum",params:{comparison: "<=", limit: 86400},message:"must be <= 86400"};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}if(data2 < 60 || isNaN(data2)){const err6 = {instancePath:instancePath+"/timeout",schemaPath:"#/properties/timeout/minimum",keyword:"minimum",params:{comparison: ">=", limit: 60},message:"must be >= 60"};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}}}if(data.autoPause !== undefined){if(typeof data.autoPause !== "boolean"){const err7 = {instancePath:instancePath+"/autoPause",schemaPath:"#/properties/autoPause/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}}if(data.autoResume !== undefined){if(typeof data.autoResume !== "boolean"){const err8 = {instancePath:instancePath+"/autoResume",schemaPath:"#/properties/autoResume/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}}if(data.internetAccess !== undefined){if(typeof data.internetAccess !== "boolean"){const err9 = {instancePath:instancePath+"/internetAccess",schemaPath:"#/properties/internetAccess/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}}if(data.allowedDomains !== undefined){let data6 = data.allowedDomains;if(Array.isArray(data6)){const len0 = data6.length;for(let i0=0; i0<len0; i0++){if(typeof data6[i0] !== "string"){const err10 = {instancePath:instancePath+"/allowedDomains/" + i0,schemaPath:"#/properties/allowedDomains/items/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}}}else {const err11 = {instancePath:instancePath+"/allowedDomains",schemaPath:"#/properties/allowedDomains/type",keyword:"type",params:{type: "array"},message:"must be array"};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}}if(data.blockedDomains !== undefined){let data8 = data.blockedDomains;if(Array.isArray(data8)){const len1 = data8.length;for(let i1=0; i1<len1; i1++){if(typeof data8[i1] !== "string"){const err12 = {instancePath:instancePath+"/blockedDomains/" + i1,schemaPath:"#/properties/blockedDomains/items/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err12];}else {vErrors.push(err12);}errors++;}}}else {const err13 = {instancePath:instancePath+"/blockedDomains",schemaPath:"#/properties/blockedDomains/type",keyword:"type",params:{type: "array"},message:"must be array"};if(vErrors === null){vErrors = [err13];}else {vErrors.push(err13);}errors++;}}if(data.publicAccess !== undefined){if(typeof data.publicAccess !== "boolean"){const err14 = {instancePath:instancePath+"/publicAccess",schemaPath:"#/properties/publicAccess/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};if(vErrors === null){vErrors = [err14];}else {vErrors.push(err14);}errors++;}}if(data.metadata !== undefined){let data11 = data.metadata;if(data11 && typeof data11 == "object" && !Array.isArray(data11)){for(const key1 in data11){if(typeof data11[key1] !== "string"){const err15 = {instancePath:instancePath+"/metadata/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/metadata/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err15];}else {vErrors.push(err15);}errors++;}}}else {const err16 = {instancePath:instancePath+"/metadata",schemaPath:"#/properties/metadata/type",keyword:"type",params:{type: "object"},message:"must be object"};if(vErrors === null){vErrors = [err16];}else {vErrors.push(err16);}errors++;}}if(data.team !== undefined){if(typeof data.team !== "string"){const err17 = {instancePath:instancePath+"/team",schemaPath:"#/properties/team/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err17];}else {vErrors.push(err17);}errors++;}}if(data.buildOnDeploy !== undefined){if(typeof data.buildOnDeploy !== "boolean"){const err18 = {instancePath:instancePath+"/buildOnDeploy",schemaPath:"#/properties/buildOnDeploy/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};if(vErrors === null){vErrors = [err18];}else {vErrors.push(err18);}errors++;}}}else {const err19 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};if(vErrors === null){vErrors = [err19];}else {vErrors.push(err19);}errors++;}validate39.errors = vErrors;return errors === 0;}const schema17 = {"type":"object","description":"RunPod GPU cloud provider options","properties":{"gpuTypeId":{"type":"string","description":"RunPod GPU type identifier (e.g., 'NVIDIA RTX A4000', 'NVIDIA A100 80GB PCIe'). Required unless cpuOnly is true."},"gpuCount":{"type":"integer","minimum":1,"maximum":8,"default":1,"description":"Number of GPUs to attach to the pod"},"containerDiskGb":{"type":"integer","minimum":1,"maximum":500,"default":20,"description":"Container disk size in GB (ephemeral, lost on pod termination)"},"volumeSizeGb":{"type":"integer","minimum":0,"maximum":2048,"default":50,"description":"Network volume size in GB (persistent across pod restarts). Set to 0 to disable."},"volumeMountPath":{"type":"string","default":"/workspace","description":"Mount path for the network volume inside the container"},"cloudType":{"type":"string","enum":["SECURE","COMMUNITY"],"default":"COMMUNITY","description":"Cloud type: SECURE (Tier 1/2 data centers) or COMMUNITY (peer-hosted, lower cost)"},"region":{"type":"string","description":"Datacenter region filter (e.g., 'US', 'EU', 'CA'). Leave empty for any region."},"exposePorts":{"type":"array","items":{"type":"integer","minimum":1,"maximum":65535},"default":[],"description":"HTTP ports to expose via RunPod proxy URLs (e.g., [8080, 8888])"},"spotBid":{"type":"number","minimum":0,"default":0,"description":"Spot instance bid price in $/hr. 0 = on-demand pricing, >0 = spot with maximum bid price."},"startSsh":{"type":"boolean","default":true,"description":"Enable SSH access on the pod"},"cpuOnly":{"type":"boolean","default":false,"description":"Deploy a CPU-only pod (no GPU). Uses CPU instance types."},"cpuInstanceId":{"type":"string","description":"CPU instance type ID when cpuOnly is true (e.g., 'cpu3c-2-4' for 2 vCPU, 4GB RAM)"},"templateId":{"type":"string","description":"RunPod template ID to use instead of a raw image. Overrides deployment.image."}},"additionalProperties":false};function validate41(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){let vErrors = null;let errors = 0;if(data && typeof data == "object" && !Array.isArray(data)){for(const key0 in data){if(!(func2.call(schema17.properties, key0))){const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}}if(data.gpuTypeId !== undefined){if(typeof data.gpuTypeId !== "string"){const err1 = {instancePath:instancePath+"/gpuTypeId",schemaPath:"#/properties/gpuTypeId/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}}if(data.gpuCount !== undefined){let data1 = data.gpuCount;if(!((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1)))){const err2 = {instancePath:instancePath+"/gpuCount",schemaPath:"#/properties/gpuCount/type",keyword:"type",params:{type: "integer"},message:"must be integer"};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}if(typeof data1 == "number"){if(data1 > 8 || isNaN(data1)){const err3 = {instancePath:instancePath+"/gpuCount",schemaPath:"#/properties/gpuCount/maximum",keyword:"maximum",params:{comparison: "<=", limit: 8},message:"must be <= 8"};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}if(data1 < 1 || isNaN(data1)){const err4 = {instancePath:instancePath+"/gpuCount",schemaPath:"#/properties/gpuCount/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}}}if(data.containerDiskGb !== undefined){let data2 = data.containerDiskGb;if(!((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2)))){const err5 = {instancePath:instancePath+"/containerDiskGb",schemaPath:"#/properties/containerDiskGb/type",keyword:"type",params:{type: "integer"},message:"must be integer"};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}if(typeof data2 == "number"){if(data2 > 500 || isNaN(data2)){const err6 = {instancePath:instancePath+"/containerDiskGb",schemaPath:"#/properties/containerDiskGb/maximum",keyword:"maximum",params:{comparison: "<=", limit: 500},message:"must be <= 500"};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}if(data2 < 1 || isNaN(data2)){const err7 = {instancePath:instancePath+"/containerDiskGb",schemaPath:"#/properties/containerDiskGb/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}}}if(data.volumeSizeGb !== undefined){let data3 = data.volumeSizeGb;if(!((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3)))){const err8 = {instancePath:instancePath+"/volumeSizeGb",schemaPath:"#/properties/volumeSizeGb/type",keyword:"type",params:{type: "integer"},message:"must be integer"};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}if(typeof data3 == "number"){if(data3 > 2048 || isNaN(data3)){const err9 = {instancePath:instancePath+"/volumeSizeGb",schemaPath:"#/properties/volumeSizeGb/maximum",keyword:"maximum",params:{comparison: "<=", limit: 2048},message:"must be <= 2048"};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}if(data3 < 0 || isNaN(data3)){const err10 = {instancePath:instancePath+"/volumeSizeGb",schemaPath:"#/properties/volumeSizeGb/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}}}if(data.volumeMountPath !== undefined){if(typeof data.volumeMountPath !== "string"){const err11 = {instancePath:instancePath+"/volumeMountPath",schemaPath:"#/properties/volumeMountPath/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}}if(data.cloudType !== undefined){let data5 = data.cloudType;if(typeof data5 !== "string"){const err12 = {instancePath:instancePath+"/cloudType",schemaPath:"#/properties/cloudType/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err12];}else {vErrors.push(err12);}errors++;}if(!((data5 === "SECURE") || (data5 === "COMMUNITY"))){const err13 = {instancePath:instancePath+"/cloudType",schemaPath:"#/properties/cloudType/enum",keyword:"enum",params:{allowedValues: schema17.properties.cloudType.enum},message:"must be equal to one of the allowed values"};if(vErrors === null){vErrors = [err13];}else {vErrors.push(err13);}errors++;}}if(data.region !== undefined){if(typeof data.region !== "string"){const err14 = {instancePath:instancePath+"/region",schemaPath:"#/properties/region/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err14];}else {vErrors.push(err14);}errors++;}}if(data.exposePorts !== undefined){let data7 = data.exposePorts;if(Array.isArray(data7)){const len0 = data7.length;for(let i0=0; i0<len0; i0++){let data8 = data7[i0];if(!((typeof data8 == "number") && (!(data8 % 1) && !isNaN(data8)))){const err15 = {instancePath:instancePath+"/exposePorts/" + i0,schemaPath:"#/properties/exposePorts/items/type",keyword:"type",params:{type: "integer"},message:"must be integer"};if(vErrors === null){vErrors = [err15];}else {vErrors.push(err15);}errors++;}if(typeof data8 == "number"){if(data8 > 65535 || isNaN(data8)){const err16 = {instancePath:instancePath+"/exposePorts/" + i0,schemaPath:"#/properties/exposePorts/items/maximum",keyword:"maximum",params:{comparison: "<=", limit: 65535},message:"must be <= 65535"};if(vErrors === null){vErrors = [err16];}else {vErrors.push(err16);}errors++;}if(data8 < 1 || isNaN(data8)){const err17 = {instancePath:instancePath+"/exposePorts/" + i0,schemaPath:"#/properties/exposePorts/items/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};if(vErrors === null){vErrors = [err17];}else {vErrors.push(err17);}errors++;}}}}else {const err18 = {instancePath:instancePath+"/exposePorts",schemaPath:"#/properties/exposePorts/type",keyword:"type",params:{type: "array"},message:"must be array"};if(vErrors === null){vErrors = [err18];}else {vErrors.push(err18);}errors++;}}if(data.spotBid !== undefined){let data9 = data.spotBid;if(typeof data9 == "number"){if(data9 < 0 || isNaN(data9)){const err19 = {instancePath:instancePath+"/spotBid",schemaPath:"#/properties/spotBid/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};if(vErrors === null){vErrors = [err19];}else {vErrors.push(err19);}errors++;}}else {const err20 = {instancePath:instancePath+"/spotBid",schemaPath:"#/properties/spotBid/type",keyword:"type",params:{type: "number"},message:"must be number"};if(vErrors === null){vErrors = [err20];}else {vErrors.push(err20);}errors++;}}if(data.startSsh !== undefined){if(typeof data.startSsh !== "boolean"){const err21 = {instancePath:instancePath+"/startSsh",schemaPath:"#/properties/startSsh/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};if(vErrors === null){vErrors = [err21];}else {vErrors.push(err21);}errors++;}}if(data.cpuOnly !== undefined){if(typeof data.cpuOnly !== "boolean"){const err22 = {instancePath:instancePath+"/cpuOnly",schemaPath:"#/properties/cpuOnly/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};if(vErrors === null){vErrors = [err22];}else {vErrors.push(err22);}errors++;}}if(data.cpuInstanceId !== undefined){if(typeof data.cpuInstanceId !== "string"){const err23 = {instancePath:instancePath+"/cpuInstanceId",schemaPath:"#/properties/cpuInstanceId/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err23];}else {vErrors.push(err23);}errors++;}}if(data.templateId !== undefined){if(typeof data.templateId !== "string"){const err24 = {instancePath:instancePath+"/templateId",schemaPath:"#/properties/templateId/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err24];}else {vErrors.push(err24);}errors++;}}}else {const err25 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};if(vErrors === null){vErrors = [err25];}else {vErrors.push(err25);}errors++;}validate41.errors = vErrors;return errors === 0;}const schema18 = {"type":"object","description":"Northflank PaaS provider options","required":["projectName"],"properties":{"projectName":{"type":"string","pattern":"^[a-z][a-z0-9-]*$","description":"Northflank project name. Created if it does not exist."},"serviceName":{"type":"string","pattern":"^[a-z][a-z0-9-]*$","description":"Service name within the project (defaults to sindri.yaml name)"},"computePlan":{"type":"string","pattern":"^nf-compute-\\d+(-\\d+)?$","default":"nf-compute-50","description":"Northflank compute plan (e.g., 'nf-compute-50', 'nf-compute-200-8'). See Northflank pricing for available plans."},"gpuType":{"type":"string","description":"GPU model for GPU workloads (e.g., 'nvidia-h100', 'nvidia-a100-40gb', 'nvidia-l4')"},"gpuCount":{"type":"integer","minimum":1,"maximum":8,"default":1,"description":"Number of GPUs (only used when gpuType is set)"},"instances":{"type":"integer","minimum":0,"maximum":50,"default":1,"description":"Number of service instances. Set to 0 to pause billing while preserving config."},"volumeSizeGb":{"type":"integer","minimum":0,"maximum":1500,"default":10,"description":"Persistent volume size in GB. 0 = no volume. Note: volumes limit service to 1 instance."},"volumeMountPath":{"type":"string","default":"/workspace","description":"Mount path for the persistent volume inside the container"},"region":{"type":"string","description":"Northflank region slug (e.g., 'us-east', 'europe-west', 'asia-northeast'). Region is immutable after project creation."},"registryCredentials":{"type":"string","description":"Northflank registry credential ID for pulling private images"},"ports":{"type":"array","items":{"type":"object","required":["name","internalPort"],"properties":{"name":{"type":"string","pattern":"^[a-z][a-z0-9-]*$","description":"Port name identifier"},"internalPort":{"type":"integer","minimum":1,"maximum":65535,"description":"Container-internal port number"},"public":{"type":"boolean","default":false,"description":"Expose port publicly with auto-TLS"},"protocol":{"type":"string","enum":["HTTP","TCP","UDP"],"default":"HTTP","description":"Protocol for this port"}},"additionalProperties":false},"description":"Port configuration for the service"},"healthCheck":{"type":"object","description":"Health check configuration for liveness probing","properties":{"type":{"type":"string","enum":["http","tcp","command"],"default":"tcp","description":"Health check method"},"path":{"type":"string","description":"HTTP endpoint path (required when type is 'http')"},"port":{"type":"integer","minimum":1,"maximum":65535,"description":"Port to check (required when type is 'http' or 'tcp')"},"command":{"type":"array","items":{"type":"string"},"description":"Command to execute (required when type is 'command')"},"initialDelaySeconds":{"type":"integer","minimum":0,"default":10,"description":"Seconds to wait before starting health checks"},"periodSeconds":{"type":"integer","minimum":1,"default":15,"description":"Interval between health checks in seconds"},"failureThreshold":{"type":"integer","minimum":1,"default":3,"description":"Number of consecutive failures before restart"}},"allOf":[{"if":{"properties":{"type":{"const":"http"}}},"then":{"required":["path","port"]}},{"if":{"properties":{"type":{"const":"tcp"}}},"then":{"required":["port"]}},{"if":{"properties":{"type":{"const":"command"}}},"then":{"required":["command"]}}],"additionalProperties":false},"autoScaling":{"type":"object","description":"Horizontal auto-scaling configuration","properties":{"enabled":{"type":"boolean","default":false,"description":"Enable auto-scaling based on resource utilization"},"minInstances":{"type":"integer","minimum":1,"maximum":50,"default":1,"description":"Minimum number of instances (scale-down floor)"},"maxInstances":{"type":"integer","minimum":1,"maximum":50,"default":3,"description":"Maximum number of instances (scale-up ceiling)"},"targetCpuUtilization":{"type":"integer","minimum":1,"maximum":100,"default":70,"description":"Target CPU utilization percentage (scale up when exceeded)"},"targetMemoryUtilization":{"type":"integer","minimum":1,"maximum":100,"default":80,"description":"Target memory utilization percentage (scale up when exceeded)"}},"additionalProperties":false}},"additionalProperties":false};const pattern14 = new RegExp("^nf-compute-\\d+(-\\d+)?$", "u");function validate43(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){let vErrors = null;let errors = 0;if(data && typeof data == "object" && !Array.isArray(data)){if(data.projectName === undefined){const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "projectName"},message:"must have required property '"+"projectName"+"'"};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}for(const key0 in data){if(!(func2.call(schema18.properties, key0))){const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}}if(data.projectName !== undefined){let data0 = data.projectName;if(typeof data0 === "string"){if(!pattern1.test(data0)){const err2 = {instancePath:instancePath+"/projectName",schemaPath:"#/properties/projectName/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9-]*$"},message:"must match pattern \""+"^[a-z][a-z0-9-]*$"+"\""};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}}else {const err3 = {instancePath:instancePath+"/projectName",schemaPath:"#/properties/projectName/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}}if(data.serviceName !== undefined){let data1 = data.serviceName;if(typeof data1 === "string"){if(!pattern1.test(data1)){const err4 = {instancePath:instancePath+"/serviceName",schemaPath:"#/properties/serviceName/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9-]*$"},message:"must match pattern \""+"^[a-z][a-z0-9-]*$"+"\""};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}}else {const err5 = {instancePath:instancePath+"/serviceName",schemaPath:"#/properties/serviceName/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}}if(data.computePlan !== undefined){let data2 = data.computePlan;if(typeof data2 === "string"){if(!pattern14.test(data2)){const err6 = {instancePath:instancePath+"/computePlan",schemaPath:"#/properties/computePlan/pattern",keyword:"pattern",params:{pattern: "^nf-compute-\\d+(-\\d+)?$"},message:"must match pattern \""+"^nf-compute-\\d+(-\\d+)?$"+"\""};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}}else {const err7 = {instancePath:instancePath+"/computePlan",schemaPath:"#/properties/computePlan/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}}if(data.gpuType !== undefined){if(typeof data.gpuType !== "string"){const err8 = {instancePath:instancePath+"/gpuType",schemaPath:"#/properties/gpuType/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}}if(data.gpuCount !== undefined){let data4 = data.gpuCount;if(!((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4)))){const err9 = {instancePath:instancePath+"/gpuCount",schemaPath:"#/properties/gpuCount/type",keyword:"type",params:{type: "integer"},message:"must be integer"};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}if(typeof data4 == "number"){if(data4 > 8 || isNaN(data4)){const err10 = {instancePath:instancePath+"/gpuCount",schemaPath:"#/properties/gpuCount/maximum",keyword:"maximum",params:{comparison: "<=", limit: 8},message:"must be <= 8"};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}if(data4 < 1 || isNaN(data4)){const err11 = {instancePath:instancePath+"/gpuCount",schemaPath:"#/properties/gpuCount/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}}}if(data.instances !== undefined){let data5 = data.instances;if(!((typeof data5 == "number") && (!(data5 % 1) && !isNaN(data5)))){const err12 = {instancePath:instancePath+"/instances",schemaPath:"#/properties/instances/type",keyword:"type",params:{type: "integer"},message:"must be integer"};if(vErrors === null){vErrors = [err12];}else {vErrors.push(err12);}errors++;}if(typeof data5 == "number"){if(data5 > 50 || isNaN(data5)){const err13 = {instancePath:instancePath+"/instances",schemaPath:"#/properties/instances/maximum",keyword:"maximum",params:{comparison: "<=", limit: 50},message:"must be <= 50"};if(vErrors === null){vErrors = [err13];}else {vErrors.push(err13);}errors++;}if(data5 < 0 || isNaN(data5)){const err14 = {instancePath:instancePath+"/instances",schemaPath:"#/properties/instances/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};if(vErrors === null){vErrors = [err14];}else {vErrors.push(err14);}errors++;}}}if(data.volumeSizeGb !== undefined){let data6 = data.volumeSizeGb;if(!((typeof data6 == "number") && (!(data6 % 1) && !isNaN(data6)))){const err15 = {instancePath:instancePath+"/volumeSizeGb",schemaPath:"#/properties/volumeSizeGb/type",keyword:"type",params:{type: "integer"},message:"must be integer"};if(vErrors === null){vErrors = [err15];}else {vErrors.push(err15);}errors++;}if(typeof data6 == "number"){if(data6 > 1500 || isNaN(data6)){const err16 = {instancePath:instancePath+"/volumeSizeGb",schemaPath:"#/properties/volumeSizeGb/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1500},message:"must be <= 1500"};if(vErrors === null){vErrors = [err16];}else {vErrors.push(err16);}errors++;}if(data6 < 0 || isNaN(data6)){const err17 = {instancePath:instancePath+"/volumeSizeGb",schemaPath:"#/properties/volumeSizeGb/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};if(vErrors === null){vErrors = [err17];}else {vErrors.push(err17);}errors++;}}}if(data.volumeMountPath !== undefined){if(typeof data.volumeMountPath !== "string"){const err18 = {instancePath:instancePath+"/volumeMountPath",schemaPath:"#/properties/volumeMountPath/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err18];}else {vErrors.push(err18);}errors++;}}if(data.region !== undefined){if(typeof data.region !== "string"){const err19 = {instancePath:instancePath+"/region",schemaPath:"#/properties/region/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err19];}else {vErrors.push(err19);}errors++;}}if(data.registryCredentials !== undefined){if(typeof data.registryCredentials !== "string"){const err20 = {instancePath:instancePath+"/registryCredentials",schemaPath:"#/properties/registryCredentials/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err20];}else {vErrors.push(err20);}errors++;}}if(data.ports !== undefined){let data10 = data.ports;if(Array.isArray(data10)){const len0 = data10.length;for(let i0=0; i0<len0; i0++){let data11 = data10[i0];if(data11 && typeof data11 == "object" && !Array.isArray(data11)){if(data11.name === undefined){const err21 = {instancePath:instancePath+"/ports/" + i0,schemaPath:"#/properties/ports/items/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'"};if(vErrors === null){vErrors = [err21];}else {vErrors.push(err21);}errors++;}if(data11.internalPort === undefined){const err22 = {instancePath:instancePath+"/ports/" + i0,schemaPath:"#/properties/ports/items/required",keyword:"required",params:{missingProperty: "internalPort"},message:"must have required property '"+"internalPort"+"'"};if(vErrors === null){vErrors = [err22];}else {vErrors.push(err22);}errors++;}for(const key1 in data11){if(!((((key1 === "name") || (key1 === "internalPort")) || (key1 === "public")) || (key1 === "protocol"))){const err23 = {instancePath:instancePath+"/ports/" + i0,schemaPath:"#/properties/ports/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"};if(vErrors === null){vErrors = [err23];}else {vErrors.push(err23);}errors++;}}if(data11.name !== undefined){let data12 = data11.name;if(typeof data12 === "string"){if(!pattern1.test(data12)){const err24 = {instancePath:instancePath+"/ports/" + i0+"/name",schemaPath:"#/properties/ports/items/properties/name/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9-]*$"},message:"must match pattern \""+"^[a-z][a-z0-9-]*$"+"\""};if(vErrors === null){vErrors = [err24];}else {vErrors.push(err24);}errors++;}}else {const err25 = {instancePath:instancePath+"/ports/" + i0+"/name",schemaPath:"#/properties/ports/items/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err25];}else {vErrors.push(err25);}errors++;}}if(data11.internalPort !== undefined){let data13 = data11.internalPort;if(!((typeof data13 == "number") && (!(data13 % 1) && !isNaN(data13)))){const err26 = {instancePath:instancePath+"/ports/" + i0+"/internalPort",schemaPath:"#/properties/ports/items/properties/internalPort/type",keyword:"type",params:{type: "integer"},message:"must be integer"};if(vErrors === null){vErrors = [err26];}else {vErrors.push(err26);}errors++;}if(typeof data13 == "number"){if(data13 > 65535 || isNaN(data13)){const err27 = {instancePath:instancePath+"/ports/" + i0+"/internalPort",schemaPath:"#/properties/ports/items/properties/internalPort/maximum",keyword:"maximum",params:{comparison: "<=", limit: 65535},message:"must be <= 65535"};if(vErrors === null){vErrors = [err27];}else {vErrors.push(err27);}errors++;}if(data13 < 1 || isNaN(data13)){const err28 = {instancePath:instancePath+"/ports/" + i0+"/internalPort",schemaPath:"#/properties/ports/items/properties/internalPort/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};if(vErrors === null){vErrors = [err28];}else {vErrors.push(err28);}errors++;}}}if(data11.public !== undefined){if(typeof data11.public !== "boolean"){const err29 = {instancePath:instancePath+"/ports/" + i0+"/public",schemaPath:"#/properties/ports/items/properties/public/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};if(vErrors === null){vErrors = [err29];}else {vErrors.push(err29);}errors++;}}if(data11.protocol !== undefined){let data15 = data11.protocol;if(typeof data15 !== "string"){const err30 = {instancePath:instancePath+"/ports/" + i0+"/protocol",schemaPath:"#/properties/ports/items/properties/protocol/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err30];}else {vErrors.push(err30);}errors++;}if(!(((data15 === "HTTP") || (data15 === "TCP")) || (data15 === "UDP"))){const err31 = {instancePath:instancePath+"/ports/" + i0+"/protocol",schemaPath:"#/properties/ports/items/properties/protocol/enum",keyword:"enum",params:{allowedValues: schema18.properties.ports.items.properties.protocol.enum},message:"must be equal to one of the allowed values"};if(vErrors === null){vErrors = [err31];}else {vErrors.push(err31);}errors++;}}}else {const err32 = {instancePath:instancePath+"/ports/" + i0,schemaPath:"#/properties/ports/items/type",keyword:"type",params:{type: "object"},message:"must be object"};if(vErrors === null){vErrors = [err32];}else {vErrors.push(err32);}errors++;}}}else {const err33 = {instancePath:instancePath+"/ports",schemaPath:"#/properties/ports/type",keyword:"type",params:{type: "array"},message:"must be array"};if(vErrors === null){vErrors = [err33];}else {vErrors.push(err33);}errors++;}}if(data.healthCheck !== undefined){let data16 = data.healthCheck;const _errs38 = errors;let valid5 = true;const _errs39 = errors;if(data16 && typeof data16 == "object" && !Array.isArray(data16)){if(data16.type !== undefined){if("http" !== data16.type){const err34 = {};if(vErrors === null){vErrors = [err34];}else {vErrors.push(err34);}errors++;}}}var _valid0 = _errs39 === errors;errors = _errs38;if(vErrors !== null){if(_errs38){vErrors.length = _errs38;}else {vErrors = null;}}if(_valid0){const _errs41 = errors;if(data16 && typeof data16 == "object" && !Array.isArray(data16)){if(data16.path === undefined){const err35 = {instancePath:instancePath+"/healthCheck",schemaPath:"#/properties/healthCheck/allOf/0/then/required",keyword:"required",params:{missingProperty: "path"},message:"must have required property '"+"path"+"'"};if(vErrors === null){vErrors = [err35];}else {vErrors.push(err35);}errors++;}if(data16.port === undefined){const err36 = {instancePath:instancePath+"/healthCheck",schemaPath:"#/properties/healthCheck/allOf/0/then/required",keyword:"required",params:{missingProperty: "port"},message:"must have required property '"+"port"+"'"};if(vErrors === null){vErrors = [err36];}else {vErrors.push(err36);}errors++;}}var _valid0 = _errs41 === errors;valid5 = _valid0;}if(!valid5){const err37 = {instancePath:instancePath+"/healthCheck",schemaPath:"#/properties/healthCheck/allOf/0/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema"};if(vErrors === null){vErrors = [err37];}else {vErrors.push(err37);}errors++;}const _errs43 = errors;let valid7 = true;const _errs44 = errors;if(data16 && typeof data16 == "object" && !Array.isArray(data16)){if(data16.type !== undefined){if("tcp" !== data16.type){const err38 = {};if(vErrors === null){vErrors = [err38];}else {vErrors.push(err38);}errors++;}}}var _valid1 = _errs44 === errors;errors = _errs43;if(vErrors !== null){if(_errs43){vErrors.length = _errs43;}else {vErrors = null;}}if(_valid1){const _errs46 = errors;if(data16 && typeof data16 == "object" && !Array.isArray(data16)){if(data16.port === undefined){const err39 = {instancePath:instancePath+"/healthCheck",schemaPath:"#/properties/healthCheck/allOf/1/then/required",keyword:"required",params:{missingProperty: "port"},message:"must have required property '"+"port"+"'"};if(vErrors === null){vErrors = [err39];}else {vErrors.push(err39);}errors++;}}var _valid1 = _errs46 === errors;valid7 = _valid1;}if(!valid7){const err40 = {instancePath:instancePath+"/healthCheck",schemaPath:"#/properties/healthCheck/allOf/1/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema"};if(vErrors === null){vErrors = [err40];}else {vErrors.push(err40);}errors++;}const _errs48 = errors;let valid9 = true;const _errs49 = errors;if(data16 && typeof data16 == "object" && !Array.isArray(data16)){if(data16.type !== undefined){if("command" !== data16.type){const err41 = {};if(vErrors === null){vErrors = [err41];}else {vErrors.push(err41);}errors++;}}}var _valid2 = _errs49 === errors;errors = _errs48;if(vErrors !== null){if(_errs48){vErrors.length = _errs48;}else {vErrors = null;}}if(_valid2){const _errs51 = errors;if(data16 && typeof data16 == "object" && !Array.isArray(data16)){if(data16.command === undefined){const err42 = {instancePath:instancePath+"/healthCheck",schemaPath:"#/properties/healthCheck/allOf/2/then/required",keyword:"required",params:{missingProperty: "command"},message:"must have required property '"+"command"+"'"};if(vErrors === null){vErrors = [err42];}else {vErrors.push(err42);}errors++;}}var _valid2 = _errs51 === errors;valid9 = _valid2;}if(!valid9){const err43 = {instancePath:instancePath+"/healthCheck",schemaPath:"#/properties/healthCheck/allOf/2/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema"};if(vErrors === null){vErrors = [err43];}else {vErrors.push(err43);}errors++;}if(data16 && typeof data16 == "object" && !Array.isArray(data16)){for(const key2 in data16){if(!(((((((key2 === "type") || (key2 === "path")) || (key2 === "port")) || (key2 === "command")) || (key2 === "initialDelaySeconds")) || (key2 === "periodSeconds")) || (key2 === "failureThreshold"))){const err44 = {instancePath:instancePath+"/healthCheck",schemaPath:"#/properties/healthCheck/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties"};if(vErrors === null){vErrors = [err44];}else {vErrors.push(err44);}errors++;}}if(data16.type !== undefined){let data20 = data16.type;if(typeof data20 !== "string"){const err45 = {instancePath:instancePath+"/healthCheck/type",schemaPath:"#/properties/healthCheck/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err45];}else {vErrors.push(err45);}errors++;}if(!(((data20 === "http") || (data20 === "tcp")) || (data20 === "command"))){const err46 = {instancePath:instancePath+"/healthCheck/type",schemaPath:"#/properties/healthCheck/properties/type/enum",keyword:"enum",params:{allowedValues: schema18.properties.healthCheck.properties.type.enum},message:"must be equal to one of the allowed values"};if(vErrors === null){vErrors = [err46];}else {vErrors.push(err46);}errors++;}}if(data16.path !== undefined){if(typeof data16.path !== "string"){const err47 = {instancePath:instancePath+"/healthCheck/path",schemaPath:"#/properties/healthCheck/properties/path/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err47];}else {vErrors.push(err47);}errors++;}}if(data16.port !== undefined){let data22 = data16.port;if(!((typeof data22 == "number") && (!(data22 % 1) && !isNaN(data22)))){const err48 = {instancePath:instancePath+"/healthCheck/port",schemaPath:"#/properties/healthCheck/properties/port/type",keyword:"type",params:{type: "integer"},message:"must be integer"};if(vErrors === null){vErrors = [err48];}else {vErrors.push(err48);}errors++;}if(typeof data22 == "number"){if(data22 > 65535 || isNaN(data22)){const err49 = {instancePath:instancePath+"/healthCheck/port",schemaPath:"#/properties/healthCheck/properties/port/maximum",keyword:"maximum",params:{comparison: "<=", limit: 65535},message:"must be <= 65535"};if(vErrors === null){vErrors = [err49];}else {vErrors.push(err49);}errors++;}if(data22 < 1 || isNaN(data22)){const err50 = {instancePath:instancePath+"/healthCheck/port",schemaPath:"#/properties/healthCheck/properties/port/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};if(vErrors === null){vErrors = [err50];}else {vErrors.push(err50);}errors++;}}}if(data16.command !== undefined){let data23 = data16.command;if(Array.isArray(data23)){const len1 = data23.length;for(let i1=0; i1<len1; i1++){if(typeof data23[i1] !== "string"){const err51 = {instancePath:instancePath+"/healthCheck/command/" + i1,schemaPath:"#/properties/healthCheck/properties/command/items/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err51];}else {vErrors.push(err51);}errors++;}}}else {const err52 = {instancePath:instancePath+"/healthCheck/command",schemaPath:"#/properties/healthCheck/properties/command/type",keyword:"type",params:{type: "array"},message:"must be array"};if(vErrors === null){vErrors = [err52];}else {vErrors.push(err52);}errors++;}}if(data16.initialDelaySeconds !== undefined){let data25 = data16.initialDelaySeconds;if(!((typeof data25 == "number") && (!(data25 % 1) && !isNaN(data25)))){const err53 = {instancePath:instancePath+"/healthCheck/initialDelaySeconds",schemaPath:"#/properties/healthCheck/properties/initialDelaySeconds/type",keyword:"type",params:{type: "integer"},message:"must be integer"};if(vErrors === null){vErrors = [err53];}else {vErrors.push(err53);}errors++;}if(typeof data25 == "number"){if(data25 < 0 || isNaN(data25)){const err54 = {instancePath:instancePath+"/healthCheck/initialDelaySeconds",schemaPath:"#/properties/healthCheck/properties/initialDelaySeconds/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};if(vErrors === null){vErrors = [err54];}else {vErrors.push(err54);}errors++;}}}if(data16.periodSeconds !== undefined){let data26 = data16.periodSeconds;if(!((typeof data26 == "number") && (!(data26 % 1) && !isNaN(data26)))){const err55 = {instancePath:instancePath+"/healthCheck/periodSeconds",schemaPath:"#/properties/healthCheck/properties/periodSeconds/type",keyword:"type",params:{type: "integer"},message:"must be integer"};if(vErrors === null){vErrors = [err55];}else {vErrors.push(err55);}errors++;}if(typeof data26 == "number"){if(data26 < 1 || isNaN(data26)){const err56 = {instancePath:instancePath+"/healthCheck/periodSeconds",schemaPath:"#/properties/healthCheck/properties/periodSeconds/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};if(vErrors === null){vErrors = [err56];}else {vErrors.push(err56);}errors++;}}}if(data16.failureThreshold !== undefined){let data27 = data16.failureThreshold;if(!((typeof data27 == "number") && (!(data27 % 1) && !isNaN(data27)))){const err57 = {instancePath:instancePath+"/healthCheck/failureThreshold",schemaPath:"#/properties/healthCheck/properties/failureThreshold/type",keyword:"type",params:{type: "integer"},message:"must be integer"};if(vErrors === null){vErrors = [err57];}else {vErrors.push(err57);}errors++;}if(typeof data27 == "number"){if(data27 < 1 || isNaN(data27)){const err58 = {instancePath:instancePath+"/healthCheck/failureThreshold",schemaPath:"#/properties/healthCheck/properties/failureThreshold/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};if(vErrors === null){vErrors = [err58];}else {vErrors.push(err58);}errors++;}}}}else {const err59 = {instancePath:instancePath+"/healthCheck",schemaPath:"#/properties/healthCheck/type",keyword:"type",params:{type: "object"},message:"must be object"};if(vErrors === null){vErrors = [err59];}else {vErrors.push(err59);}errors++;}}if(data.autoScaling !== undefined){let data28 = data.autoScaling;if(data28 && typeof data28 == "object" && !Array.isArray(data28)){for(const key3 in data28){if(!(((((key3 === "enabled") || (key3 === "minInstances")) || (key3 === "maxInstances")) || (key3 === "targetCpuUtilization")) || (key3 === "targetMemoryUtilization"))){const err60 = {instancePath:instancePath+"/autoScaling",schemaPath:"#/properties/autoScaling/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties"};if(vErrors === null){vErrors = [err60];}else {vErrors.push(err60);}errors++;}}if(data28.enabled !== undefined){if(typeof data28.enabled !== "boolean"){const err61 = {instancePath:instancePath+"/autoScaling/enabled",schemaPath:"#/properties/autoScaling/properties/enabled/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};if(vErrors === null){vErrors = [err61];}else {vErrors.push(err61);}errors++;}}if(data28.minInstances !== undefined){let data30 = data28.minInstances;if(!((typeof data30 == "number") && (!(data30 % 1) && !isNaN(data30)))){const err62 = {instancePath:instancePath+"/autoScaling/minInstances",schemaPath:"#/properties/autoScaling/properties/minInstances/type",keyword:"type",params:{type: "integer"},message:"must be integer"};if(vErrors === null){vErrors = [err62];}else {vErrors.push(err62);}errors++;}if(typeof data30 == "number"){if(data30 > 50 || isNaN(data30)){const err63 = {instancePath:instancePath+"/autoScaling/minInstances",schemaPath:"#/properties/autoScaling/properties/minInstances/maximum",keyword:"maximum",params:{comparison: "<=", limit: 50},message:"must be <= 50"};if(vErrors === null){vErrors = [err63];}else {vErrors.push(err63);}errors++;}if(data30 < 1 || isNaN(data30)){const err64 = {instancePath:instancePath+"/autoScaling/minInstances",schemaPath:"#/properties/autoScaling/properties/minInstances/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};if(vErrors === null){vErrors = [err64];}else {vErrors.push(err64);}errors++;}}}if(data28.maxInstances !== undefined){let data31 = data28.maxInstances;if(!((typeof data31 == "number") && (!(data31 % 1) && !isNaN(data31)))){const err65 = {instancePath:instancePath+"/autoScaling/maxInstances",schemaPath:"#/properties/autoScaling/properties/maxInstances/type",keyword:"type",params:{type: "integer"},message:"must be integer"};if(vErrors === null){vErrors = [err65];}else {vErrors.push(err65);}errors++;}if(typeof data31 == "number"){if(data31 > 50 || isNaN(data31)){const err66 = {instancePath:instancePath+"/autoScaling/maxInstances",schemaPath:"#/properties/autoScaling/properties/maxInstances/maximum",keyword:"maximum",params:{comparison: "<=", limit: 50},message:"must be <= 50"};if(vErrors === null){vErrors = [err66];}else {vErrors.push(err66);}errors++;}if(data31 < 1 || isNaN(data31)){const err67 = {instancePath:instancePath+"/autoScaling/maxInstances",schemaPath:"#/properties/autoScaling/properties/maxInstances/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};if(vErrors === null){vErrors = [err67];}else {vErrors.push(err67);}errors++;}}}if(data28.targetCpuUtilization !== undefined){let data32 = data28.targetCpuUtilization;if(!((typeof data32 == "number") && (!(data32 % 1) && !isNaN(data32)))){const err68 = {instancePath:instancePath+"/autoScaling/targetCpuUtilization",schemaPath:"#/properties/autoScaling/properties/targetCpuUtilization/type",keyword:"type",params:{type: "integer"},message:"must be integer"};if(vErrors === null){vErrors = [err68];}else {vErrors.push(err68);}errors++;}if(typeof data32 == "number"){if(data32 > 100 || isNaN(data32)){const err69 = {instancePath:instancePath+"/autoScaling/targetCpuUtilization",schemaPath:"#/properties/autoScaling/properties/targetCpuUtilization/maximum",keyword:"maximum",params:{comparison: "<=", limit: 100},message:"must be <= 100"};if(vErrors === null){vErrors = [err69];}else {vErrors.push(err69);}errors++;}if(data32 < 1 || isNaN(data32)){const err70 = {instancePath:instancePath+"/autoScaling/targetCpuUtilization",schemaPath:"#/properties/autoScaling/properties/targetCpuUtilization/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};if(vErrors === null){vErrors = [err70];}else {vErrors.push(err70);}errors++;}}}if(data28.targetMemoryUtilization !== undefined){let data33 = data28.targetMemoryUtilization;if(!((typeof data33 == "number") && (!(data33 % 1) && !isNaN(data33)))){const err71 = {instancePath:instancePath+"/autoScaling/targetMemoryUtilization",schemaPath:"#/properties/autoScaling/properties/targetMemoryUtilization/type",keyword:"type",params:{type: "integer"},message:"must be integer"};if(vErrors === null){vErrors = [err71];}else {vErrors.push(err71);}errors++;}if(typeof data33 == "number"){if(data33 > 100 || isNaN(data33)){const err72 = {instancePath:instancePath+"/autoScaling/targetMemoryUtilization",schemaPath:"#/properties/autoScaling/properties/targetMemoryUtilization/maximum",keyword:"maximum",params:{comparison: "<=", limit: 100},message:"must be <= 100"};if(vErrors === null){vErrors = [err72];}else {vErrors.push(err72);}errors++;}if(data33 < 1 || isNaN(data33)){const err73 = {instancePath:instancePath+"/autoScaling/targetMemoryUtilization",schemaPath:"#/properties/autoScaling/properties/targetMemoryUtilization/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};if(vErrors === null){vErrors = [err73];}else {vErrors.push(err73);}errors++;}}}}else {const err74 = {instancePath:instancePath+"/autoScaling",schemaPath:"#/properties/autoScaling/type",keyword:"type",params:{type: "object"},message:"must be object"};if(vErrors === null){vErrors = [err74];}else {vErrors.push(err74);}errors++;}}}else {const err75 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};if(vErrors === null){vErrors = [err75];}else {vErrors.push(err75);}errors++;}validate43.errors = vErrors;return errors === 0;}function validate28(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){let vErrors = null;let errors = 0;if(data && typeof data == "object" && !Array.isArray(data)){if(data.fly !== undefined){if(!(validate29(data.fly, {instancePath:instancePath+"/fly",parentData:data,parentDataProperty:"fly",rootData}))){vErrors = vErrors === null ? validate29.errors : vErrors.concat(validate29.errors);errors = vErrors.length;}}if(data.docker !== undefined){if(!(validate31(data.docker, {instancePath:instancePath+"/docker",parentData:data,parentDataProperty:"docker",rootData}))){vErrors = vErrors === null ? validate31.errors : vErrors.concat(validate31.errors);errors = vErrors.length;}}if(data.kubernetes !== undefined){if(!(validate33(data.kubernetes, {instancePath:instancePath+"/kubernetes",parentData:data,parentDataProperty:"kubernetes",rootData}))){vErrors = vErrors === null ? validate33.errors : vErrors.concat(validate33.errors);errors = vErrors.length;}}if(data.devpod !== undefined){if(!(validate35(data.devpod, {instancePath:instancePath+"/devpod",parentData:data,parentDataProperty:"devpod",rootData}))){vErrors = vErrors === null ? validate35.errors : vErrors.concat(validate35.errors);errors = vErrors.length;}}if(data.k8s !== undefined){if(!(validate37(data.k8s, {instancePath:instancePath+"/k8s",parentData:data,parentDataProperty:"k8s",rootData}))){vErrors = vErrors === null ? validate37.errors : vErrors.concat(validate37.errors);errors = vErrors.length;}}if(data.e2b !== undefined){if(!(validate39(data.e2b, {instancePath:instancePath+"/e2b",parentData:data,parentDataProperty:"e2b",rootData}))){vErrors = vErrors === null ? validate39.errors : vErrors.concat(validate39.errors);errors = vErrors.length;}}if(data.runpod !== undefined){if(!(validate41(data.runpod, {instancePath:instancePath+"/runpod",parentData:data,parentDataProperty:"runpod",rootData}))){vErrors = vErrors === null ? validate41.errors : vErrors.concat(validate41.errors);errors = vErrors.length;}}if(data.northflank !== undefined){if(!(validate43(data.northflank, {instancePath:instancePath+"/northflank",parentData:data,parentDataProperty:"northflank",rootData}))){vErrors = vErrors === null ? validate43.errors : vErrors.concat(validate43.errors);errors = vErrors.length;}}}else {const err0 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}validate28.errors = vErrors;return errors === 0;}function validate21(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){/*# sourceURL="https://sindri.dev/schemas/sindri.schema.json" */;let vErrors = null;let errors = 0;if(data && typeof data == "object" && !Array.isArray(data)){if(data.version === undefined){const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "version"},message:"must have required property '"+"version"+"'"};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}if(data.name === undefined){const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'"};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}if(data.deployment === undefined){const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "deployment"},message:"must have required property '"+"deployment"+"'"};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}if(data.extensions === undefined){const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "extensions"},message:"must have required property '"+"extensions"+"'"};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}if(data.version !== undefined){let data0 = data.version;if(typeof data0 === "string"){if(!pattern0.test(data0)){const err4 = {instancePath:instancePath+"/version",schemaPath:"#/properties/version/pattern",keyword:"pattern",params:{pattern: "^\\d+\\.\\d+$"},message:"must match pattern \""+"^\\d+\\.\\d+$"+"\""};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}}else {const err5 = {instancePath:instancePath+"/version",schemaPath:"#/properties/version/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}}if(data.name !== undefined){let data1 = data.name;if(typeof data1 === "string"){if(!pattern1.test(data1)){const err6 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9-]*$"},message:"must match pattern \""+"^[a-z][a-z0-9-]*$"+"\""};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}}else {const err7 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}}if(data.deployment !== undefined){if(!(validate22(data.deployment, {instancePath:instancePath+"/deployment",parentData:data,parentDataProperty:"deployment",rootData}))){vErrors = vErrors === null ? validate22.errors : vErrors.concat(validate22.errors);errors = vErrors.length;}}if(data.extensions !== undefined){if(!(validate24(data.extensions, {instancePath:instancePath+"/extensions",parentData:data,parentDataProperty:"extensions",rootData}))){vErrors = vErrors === null ? validate24.errors : vErrors.concat(validate24.errors);errors = vErrors.length;}}if(data.secrets !== undefined){if(!(validate26(data.secrets, {instancePath:instancePath+"/secrets",parentData:data,parentDataProperty:"secrets",rootData}))){vErrors = vErrors === null ? validate26.errors : vErrors.concat(validate26.errors);errors = vErrors.length;}}if(data.providers !== undefined){if(!(validate28(data.providers, {instancePath:instancePath+"/providers",parentData:data,parentDataProperty:"providers",rootData}))){vErrors = vErrors === null ? validate28.errors : vErrors.concat(validate28.errors);errors = vErrors.length;}}}else {const err8 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}validate21.errors = vErrors;return errors === 0;}
const knownKeys = {"":["version","name","deployment","extensions","secrets","providers"],"deployment":["provider","distro","image","resources","volumes","image_config","buildFromSource"],"deployment.resources":["memory","cpus","gpu"],"deployment.resources.gpu":["enabled","type","count","tier","memory"],"deployment.volumes":["workspace"],"deployment.volumes.workspace":["path","size"],"extensions":["profile","active","additional","auto_install"],"secrets.*":["name","source","fromFile","required","path","mountPath","permissions","vaultPath","vaultKey","vaultMount","s3Path"],"providers":["fly","docker","kubernetes","devpod","k8s","e2b","runpod","northflank"],"providers.fly":["region","autoStopMachines","autoStartMachines","cpuKind","sshPort","organization","highAvailability"],"providers.docker":["network","restart","ports","privileged","extraHosts","runtime","dind"],"providers.docker.dind":["enabled","mode","storageDriver","storageSize"],"providers.kubernetes":["namespace","storageClass","ingress"],"providers.kubernetes.ingress":["enabled","hostname"],"providers.devpod":["type","buildRepository","aws","gcp","azure","digitalocean","kubernetes","ssh","docker"],"providers.devpod.aws":["region","instanceType","diskSize","useSpot","subnetId","securityGroupId"],"providers.devpod.gcp":["project","zone","machineType","diskSize","diskType"],"providers.devpod.azure":["subscription","resourceGroup","location","vmSize","diskSize"],"providers.devpod.digitalocean":["region","size","diskSize"],"providers.devpod.kubernetes":["namespace","storageClass","context","nodeSelector"],"providers.devpod.ssh":["host","user","port","keyPath"],"providers.devpod.docker":["dockerHost"],"providers.k8s":["provider","clusterName","version","nodes","kind","k3d"],"providers.k8s.kind":["image","configFile"],"providers.k8s.k3d":["image","registry"],"providers.k8s.k3d.registry":["enabled","name","port"],"providers.e2b":["templateAlias","reuseTemplate","timeout","autoPause","autoResume","internetAccess","allowedDomains","blockedDomains","publicAccess","metadata","team","buildOnDeploy"],"providers.runpod":["gpuTypeId","gpuCount","containerDiskGb","volumeSizeGb","volumeMountPath","cloudType","region","exposePorts","spotBid","startSsh","cpuOnly","cpuInstanceId","templateId"],"providers.northflank":["projectName","serviceName","computePlan","gpuType","gpuCount","instances","volumeSizeGb","volumeMountPath","region","registryCredentials","ports","healthCheck","autoScaling"],"providers.northflank.ports.*":["name","internalPort","public","protocol"],"providers.northflank.healthCheck":["type","path","port","command","initialDelaySeconds","periodSeconds","failureThreshold"],"providers.northflank.autoScaling":["enabled","minInstances","maxInstances","targetCpuUtilization","targetMemoryUtilization"],"deployment.image_config":["registry","version","tag_override","digest","resolution_strategy","allow_prerelease","verify_signature","verify_provenance","pull_policy","certificate_identity","certificate_oidc_issuer"],"deployment.buildFromSource":["enabled","gitRef"]};
const hints = {"#/properties/extensions/oneOf":["has profile, no active","has active, no profile, no additional"],"#/properties/secrets/items/allOf/0/if":["source is \"file\""],"#/properties/secrets/items/allOf/1/if":["source is \"vault\""],"#/properties/providers/properties/northflank/properties/healthCheck/allOf/0/if":["type is \"http\""],"#/properties/providers/properties/northflank/properties/healthCheck/allOf/1/if":["type is \"tcp\""],"#/properties/providers/properties/northflank/properties/healthCheck/allOf/2/if":["type is \"command\""]};
const sections = [{"instance":"/providers/kubernetes","schema":"#/properties/providers/properties/kubernetes"},{"instance":"/providers/northflank","schema":"#/properties/providers/properties/northflank"},{"instance":"/providers/docker","schema":"#/properties/providers/properties/docker"},{"instance":"/providers/devpod","schema":"#/properties/providers/properties/devpod"},{"instance":"/providers/runpod","schema":"#/properties/providers/properties/runpod"},{"instance":"/providers/fly","schema":"#/properties/providers/properties/fly"},{"instance":"/providers/k8s","schema":"#/properties/providers/properties/k8s"},{"instance":"/providers/e2b","schema":"#/properties/providers/properties/e2b"},{"instance":"/deployment","schema":"#/properties/deployment"},{"instance":"/extensions","schema":"#/properties/extensions"},{"instance":"/providers","schema":"#/properties/providers"},{"instance":"/secrets","schema":"#/properties/secrets"}];

;// CONCATENATED MODULE: ./src/config/validate.ts
/**
 * Check sindri.yaml against the upstream JSON schema and report violations as WARNINGS with file and
 * line (docs/behaviour.md#config-compatibility: only 6 of 33 real files pass the schema, so a violation
 * must never fail a deploy). The validator is generated at build time
 * (scripts/gen-schema-validator.mjs): compiling the schema with Ajv at run time would cost ~300 ms of
 * the startup budget (docs/behaviour.md#performance-targets).
 */



function isRecord(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
/** Edit distance, for "did you mean" on misspelt keys. */
function distance(a, b) {
    const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        let diag = prev[0];
        prev[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const tmp = prev[j];
            prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
            diag = tmp;
        }
    }
    return prev[b.length];
}
function suggestion(key, known) {
    const norm = (s) => s.toLowerCase().replace(/[-_]/g, '');
    const same = known.find((k) => norm(k) === norm(key));
    if (same)
        return `; did you mean ${same}?`;
    const best = known
        .map((k) => ({ k, d: distance(key.toLowerCase(), k.toLowerCase()) }))
        .filter(({ d, k }) => d <= Math.max(2, Math.floor(k.length / 4)))
        .sort((a, b) => a.d - b.d)[0];
    return best ? `; did you mean ${best.k}?` : known.length ? `; known keys here: ${known.join(', ')}` : '';
}
/** `/providers/northflank/ports/0` → ['providers','northflank','ports',0] (numbers where the data is a list). */
function pathOf(instancePath, data) {
    if (!instancePath)
        return [];
    const out = [];
    let cur = data;
    for (const raw of instancePath.slice(1).split('/')) {
        const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
        if (Array.isArray(cur)) {
            out.push(Number(seg));
            cur = cur[Number(seg)];
        }
        else {
            out.push(seg);
            cur = isRecord(cur) ? cur[seg] : undefined;
        }
    }
    return out;
}
function valueAt(data, path) {
    let cur = data;
    for (const seg of path)
        cur = Array.isArray(cur) ? cur[seg] : isRecord(cur) ? cur[String(seg)] : undefined;
    return cur;
}
function show(v) {
    if (v === null || v === undefined)
        return 'empty';
    if (Array.isArray(v))
        return 'a list';
    if (isRecord(v))
        return 'a mapping';
    return JSON.stringify(v);
}
class Reporter {
    cfg;
    warnings = [];
    seen = new Set();
    constructor(cfg) {
        this.cfg = cfg;
    }
    add(path, message, anchor = path) {
        const field = (0,config_path/* fieldOf */._)(path);
        const key = `${field}\u0000${message}`;
        if (this.seen.has(key))
            return;
        this.seen.add(key);
        let pos = undefined;
        for (let n = anchor.length; n >= 0 && !pos; n--)
            pos = this.cfg.locate(anchor.slice(0, n));
        // what the user wrote is quoted: bounded like an error line (ADR 0014)
        const w = { message: (0,domain/* clip */.$Q)(message, domain/* MAX_LINE */.MV), file: this.cfg.file, field: (0,domain/* clip */.$Q)(field, domain/* MAX_LINE */.MV / 4), source: 'schema' };
        if (pos) {
            w.line = pos.line;
            w.column = pos.column;
        }
        this.warnings.push(w);
    }
}
/** Keys the schema (or upstream's Rust types) do not know, wherever the schema lists the keys of an object. */
function unknownKeys(r, value, path) {
    if (Array.isArray(value)) {
        value.forEach((v, i) => unknownKeys(r, v, [...path, i]));
        return;
    }
    if (!isRecord(value))
        return;
    const pattern = path.map((p) => (typeof p === 'number' ? '*' : p)).join('.');
    const known = knownKeys[pattern];
    for (const [k, v] of Object.entries(value)) {
        if (known && !known.includes(k)) {
            r.add([...path, k], `unknown key (ignored by Sindri)${suggestion(k, known)}`);
        }
        unknownKeys(r, v, [...path, k]);
    }
}
function describeError(e, data, path) {
    const value = valueAt(data, path);
    const p = e.params;
    switch (e.keyword) {
        case 'required': {
            const missing = String(p.missingProperty);
            // an if/then rule: say which condition made the key required
            const cond = /^(.*)\/then\/required$/.exec(e.schemaPath);
            const when = cond ? hints[`${cond[1]}/if`]?.[0] : undefined;
            return {
                path: [...path, missing],
                anchor: path,
                message: `missing${when ? ` (required when ${when})` : ''}${path.length ? '' : ' (the Sindri schema requires it)'}`,
            };
        }
        case 'additionalProperties': {
            const key = String(p.additionalProperty);
            return { path: [...path, key], message: 'unknown key (the schema does not allow it here)' };
        }
        case 'enum':
            return { path, message: `${show(value)} is not one of ${p.allowedValues.map((v) => String(v)).join(', ')}` };
        case 'type':
            return { path, message: `should be ${String(p.type)}, not ${show(value)}` };
        case 'pattern':
            return { path, message: `${show(value)} does not match the pattern ${String(p.pattern)}` };
        case 'oneOf':
        case 'anyOf': {
            const branches = hints[e.schemaPath] ?? [];
            const both = Array.isArray(p.passingSchemas) ? ' (it matches more than one)' : '';
            return {
                path,
                message: `${path.length ? '' : 'the config '}must match ${e.keyword === 'oneOf' ? 'exactly one' : 'one'} of: ${branches.map((b, i) => `(${i + 1}) ${b}`).join('; ')}${both}`,
            };
        }
        default:
            return { path, message: `${path.length ? '' : 'the config '}${e.message ?? 'is invalid'}` };
    }
}
/**
 * The generated validator checks each section in its own function (faster to start), so Ajv
 * reports schemaPaths relative to the section; this puts them back in the upstream schema's terms.
 */
function originalSchemaPath(e) {
    const s = sections.find((x) => e.instancePath === x.instance || e.instancePath.startsWith(`${x.instance}/`));
    return s ? s.schema + e.schemaPath.slice(1) : e.schemaPath;
}
/** Schema violations and unknown keys of a loaded config, as warnings with file, line and field. */
function validateSchema(cfg) {
    const r = new Reporter(cfg);
    const data = cfg.raw;
    unknownKeys(r, data, []);
    if (schema_validator_generated(data))
        return r.warnings;
    const errors = (schema_validator_generated.errors ?? []).map((e) => ({ ...e, schemaPath: originalSchemaPath(e) }));
    // Collapse combinators: one message per oneOf/anyOf, none for its branches' own errors; `if` errors
    // are only Ajv's "must match then" wrapper around the real `required` error.
    const combinators = errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf').map((e) => `${e.schemaPath}/`);
    for (const e of errors) {
        if (e.keyword === 'if')
            continue;
        if (combinators.some((c) => e.schemaPath.startsWith(c)))
            continue;
        const d = describeError(e, data, pathOf(e.instancePath, data));
        if (e.keyword === 'additionalProperties' && r.warnings.some((w) => w.field === (0,config_path/* fieldOf */._)(d.path)))
            continue;
        r.add(d.path, d.message, d.anchor ?? d.path);
    }
    return r.warnings;
}

;// CONCATENATED MODULE: ./src/config/load.ts
/**
 * Find, read, parse (with line numbers), normalise and schema-check sindri.yaml
 * (docs/behaviour.md#config-compatibility). Returns the config and every warning (YAML parser, lenient
 * loader, schema), each with file and line.
 */






const CONFIG_CANDIDATES = ['sindri.yaml', 'sindri.yml'];
async function isFile(p) {
    try {
        return (0,external_node_fs_.statSync)(p).isFile();
    }
    catch {
        return false;
    }
}
/**
 * Whatever the YAML library throws for text the user wrote is about their file, not our bug: one line
 * with the file (ADR 0014). A stack overflow is a file nested too deeply.
 */
function asConfigError(e, file) {
    if (e instanceof errors/* ActionError */.lZ)
        return e;
    const msg = e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e);
    if (e instanceof RangeError && /call stack/i.test(msg)) {
        return new errors/* ActionError */.lZ('the YAML is nested too deeply to read', {
            where: { file },
            fix: 'flatten the structure: sindri.yaml needs a few levels of keys, not hundreds',
            cause: e,
        });
    }
    return new errors/* ActionError */.lZ(`could not read the YAML: ${msg}`, {
        where: { file },
        fix: 'correct the YAML (a YAML linter such as yamllint shows where), or start again from mode: init',
        cause: e,
    });
}
/** The path as the user knows it: relative to working-directory, forward slashes. */
function display(workdir, abs) {
    const rel = (0,external_node_path_.relative)(workdir, abs);
    return (rel && !rel.startsWith('..') ? rel : abs).split(external_node_path_.sep).join('/');
}
async function findConfig(workdir, config) {
    if (config) {
        const abs = (0,external_node_path_.resolve)(workdir, config);
        if (await isFile(abs))
            return abs;
        throw new errors/* ActionError */.lZ(`config file ${display(workdir, abs)} not found in ${workdir}`, {
            where: { field: 'input config' },
            fix: 'set the input config to a sindri.yaml path relative to working-directory, or create one with mode: init',
        });
    }
    const looked = [];
    for (const name of CONFIG_CANDIDATES) {
        const abs = (0,external_node_path_.resolve)(workdir, name);
        if (await isFile(abs))
            return abs;
        looked.push(abs);
    }
    throw new errors/* ActionError */.lZ(`no sindri.yaml found (looked at ${looked.join(', ')})`, {
        where: { field: 'input config' },
        fix: 'commit a sindri.yaml (run this action once with mode: init to write a documented one), or point the input config (or working-directory) at it',
    });
}
async function loadConfig(opts) {
    const path = await findConfig(opts.workdir, opts.config);
    const file = display(opts.workdir, path);
    let text;
    try {
        text = decodeConfig((0,external_node_fs_.readFileSync)(path), file);
    }
    catch (e) {
        if (e instanceof errors/* ActionError */.lZ)
            throw e;
        throw new errors/* ActionError */.lZ(`cannot read ${file}: ${e.code ?? String(e)}`, {
            where: { file },
            fix: 'check that the file is readable by the runner user',
            cause: e,
        });
    }
    return loadConfigText(text, { file, path, dir: (0,external_node_path_.dirname)(path), providerOverride: opts.providerOverride, schema: opts.schema });
}
/**
 * The config's bytes as text. YAML allows UTF-8, UTF-16 and UTF-32 (YAML 1.2 §5.2): a UTF-16 file with
 * a byte order mark (as Windows editors write it) is decoded; other encodings are refused by name
 * rather than read as garbage that then "is a single value".
 */
function decodeConfig(bytes, file) {
    const refuse = (what) => new errors/* ActionError */.lZ(`is encoded as ${what}, not UTF-8`, {
        where: { file },
        fix: 'save the file as UTF-8 (in most editors: Save with Encoding → UTF-8) and commit it again',
    });
    if (bytes.length >= 4 && (bytes.readUInt32BE(0) === 0x0000feff || bytes.readUInt32LE(0) === 0x0000feff))
        throw refuse('UTF-32');
    if (bytes[0] === 0xff && bytes[1] === 0xfe)
        return bytes.subarray(2).toString('utf16le');
    if (bytes[0] === 0xfe && bytes[1] === 0xff) {
        const le = Buffer.from(bytes.subarray(2));
        le.swap16();
        return le.toString('utf16le');
    }
    // UTF-16 without a byte order mark: ASCII text with a zero byte after (or before) every character
    if (bytes.length >= 4 && bytes.includes(0))
        throw refuse(bytes[0] === 0 ? 'UTF-16 (big-endian, no byte order mark)' : 'UTF-16 (no byte order mark)');
    const text = bytes.toString('utf8');
    if (text.includes('\uFFFD')) {
        const at = text.slice(0, text.indexOf('\uFFFD')).split('\n').length;
        throw new errors/* ActionError */.lZ(`line ${at} is not valid UTF-8 (a Latin-1 or Windows-1252 character?)`, {
            where: { file, line: at },
            fix: 'save the file as UTF-8 and commit it again',
        });
    }
    return text;
}
/** Load from text already read (tests, and `init` checking what it wrote). */
function loadConfigText(text, opts) {
    let doc;
    try {
        doc = parseConfigText(text.replace(/^\uFEFF/, ''), opts.file);
    }
    catch (e) {
        throw asConfigError(e, opts.file);
    }
    const { config, warnings } = (0,normalise/* normalise */.j7)(doc, {
        file: opts.file,
        path: opts.path,
        dir: opts.dir,
        ...(opts.providerOverride ? { providerOverride: opts.providerOverride } : {}),
    });
    const all = doc.warnings.map((w) => ({
        message: `YAML: ${w.message}`,
        file: opts.file,
        line: w.position.line,
        column: w.position.column,
        source: 'yaml',
    }));
    all.push(...warnings);
    if (opts.schema !== false) {
        // what the loader already explained (autoInstall, a missing extensions block…) is not repeated
        const explained = new Set(warnings.map((w) => w.field));
        all.push(...validateSchema(config).filter((w) => !explained.has(w.field)));
    }
    all.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
    return { config, warnings: all };
}


/***/ }),

/***/ 5129:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  eF: () => (/* binding */ NAME_RE),
  j7: () => (/* binding */ normalise),
  s3: () => (/* binding */ sanitiseName)
});

// UNUSED EXPORTS: MAX_NAME_LENGTH

// EXTERNAL MODULE: ./src/domain.ts
var domain = __webpack_require__(9375);
// EXTERNAL MODULE: ./src/image/reference.ts
var reference = __webpack_require__(3564);
// EXTERNAL MODULE: ./src/config/path.ts
var config_path = __webpack_require__(9915);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/text.ts
var src_text = __webpack_require__(8992);
// EXTERNAL MODULE: ./src/config/place.ts
var place = __webpack_require__(697);
;// CONCATENATED MODULE: ./src/config/readers.ts
/**
 * The typed value readers of the loader, lenient like upstream's serde
 * (docs/upstream.md#loading-and-lenient-parsing): a value of a near type is read as written with a
 * warning at its place (`version: 3.0` → "3.0"); the strict readers throw the one config error at a
 * place instead, for values a deploy depends on. normalise.ts reads the shape of sindri.yaml with them.
 */




/** A plain mapping: what the YAML tags !!binary, !!set, !!omap and !!timestamp give (bytes, Set, Map, Date) is not one. */
function isRecord(v) {
    if (typeof v !== 'object' || v === null || Array.isArray(v))
        return false;
    const proto = Object.getPrototypeOf(v);
    return proto === Object.prototype || proto === null;
}
function typeName(v) {
    if (v === null || v === undefined)
        return 'empty';
    if (Array.isArray(v))
        return 'a list';
    if (isRecord(v))
        return 'a mapping';
    if (v instanceof Uint8Array)
        return 'binary data (a !!binary value)';
    if (v instanceof Set)
        return 'a set (a !!set value)';
    if (v instanceof Map)
        return 'an ordered map (a !!omap or !!pairs value)';
    if (v instanceof Date)
        return 'a timestamp (a !!timestamp value)';
    return `the ${typeof v} ${JSON.stringify(v)}`;
}
/** Reads values out of one parsed document, collecting warnings at their places. */
class ConfigReader {
    doc;
    file;
    warnings = [];
    constructor(doc, 
    /** the file name shown in warnings and errors */
    file) {
        this.doc = doc;
        this.file = file;
    }
    /** where a path is written; undefined when it is not */
    locate(path) {
        return this.doc.locate(path);
    }
    /** where a path is written, else its nearest written parent */
    place(path) {
        return this.doc.locate(path) ?? this.doc.nearest(path);
    }
    warn(path, message) {
        const pos = this.place(path);
        // a warning quotes what the user wrote: bounded like an error line (ADR 0014)
        this.warnings.push({
            message: (0,domain/* clip */.$Q)(message, domain/* MAX_LINE */.MV),
            file: this.file,
            line: pos.line,
            column: pos.column,
            field: (0,domain/* clip */.$Q)((0,config_path/* fieldOf */._)(path), domain/* MAX_LINE */.MV / 4),
            source: 'loader',
        });
    }
    fail(path, what, fix) {
        // a missing key is reported at its nearest written parent
        return (0,place/* configError */.F)({ file: this.file, locate: (p) => this.doc.locate(p) ?? this.doc.nearest(p) }, path, what, fix);
    }
    /** A string value; numbers and booleans keep the text as written (`version: 3.0` → "3.0"). */
    str(path, v) {
        if (v === undefined || v === null)
            return undefined;
        if (typeof v === 'string')
            return this.oneLine(path, v);
        if (typeof v === 'number' || typeof v === 'boolean') {
            const text = this.doc.source(path) ?? String(v);
            this.warn(path, `should be a string; read as "${text}". Quote it: "${text}"`);
            return text;
        }
        this.warn(path, `should be a string, not ${typeName(v)}; ignored`);
        return undefined;
    }
    /** A required string that a deploy depends on: wrong types are errors. */
    strictStr(path, v, fix) {
        if (v === undefined || v === null)
            return undefined;
        if (typeof v === 'string')
            return this.oneLine(path, v);
        const tagged = typeof v === 'object' && !Array.isArray(v) && !isRecord(v);
        throw this.fail(path, `must be a string, not ${typeName(v)}`, tagged ? `remove the YAML tag (!!…) and write plain text; ${fix}` : fix);
    }
    /**
     * Every string the action reads ends up in a command line, a generated file or the log: a control
     * character (a new line above all) has no place in it and could forge a log line (issue 20).
     */
    oneLine(path, v) {
        const bad = (0,src_text/* controlCharacter */.TL)(v);
        if (!bad)
            return v;
        throw this.fail(path, `contains a control character (${bad})`, 'write the value on one line, without escape characters');
    }
    bool(path, v, fallback) {
        if (v === undefined || v === null)
            return fallback;
        if (typeof v === 'boolean')
            return v;
        if (typeof v === 'string' && /^(true|false)$/i.test(v.trim())) {
            const b = v.trim().toLowerCase() === 'true';
            this.warn(path, `should be a boolean, not the string "${v}"; read as ${b}`);
            return b;
        }
        this.warn(path, `should be true or false, not ${typeName(v)}; using the default ${fallback}`);
        return fallback;
    }
    /**
     * A boolean that guards something (a secret's `required`): anything but true/false is an error,
     * never a quiet default (`required: yes` is the string "yes" in YAML 1.2, not true).
     */
    strictBool(path, v, fallback) {
        if (v === undefined || v === null)
            return fallback;
        if (typeof v === 'boolean')
            return v;
        if (typeof v === 'string' && /^(true|false)$/i.test(v.trim()))
            return v.trim().toLowerCase() === 'true';
        const shown = typeof v === 'string' ? `"${v.slice(0, 40)}"` : typeName(v);
        throw this.fail(path, `must be true or false, not ${shown}`, `write ${(0,config_path/* fieldOf */._)(path).split('.').pop()}: true or false (YAML 1.2 reads yes/no/on/off as strings)`);
    }
    /** A whole number within [min, max]: anything else is an error naming the accepted range. */
    boundedInt(path, v, min, max) {
        if (v === undefined || v === null)
            return undefined;
        const n = typeof v === 'string' && /^\s*-?\d+\s*$/.test(v) ? Number(v) : v;
        if (typeof n === 'number' && Number.isInteger(n) && n >= min && n <= max) {
            if (typeof v === 'string')
                this.warn(path, `should be a number, not the string "${v}"`);
            return n;
        }
        const shown = typeof v === 'number' || typeof v === 'string' ? String(v).slice(0, 40) : typeName(v);
        throw this.fail(path, `${shown} is out of range`, `give a whole number from ${min} to ${max}`);
    }
    int(path, v) {
        if (v === undefined || v === null)
            return undefined;
        if (typeof v === 'number' && Number.isFinite(v))
            return v;
        if (typeof v === 'string' && /^\d+$/.test(v.trim())) {
            this.warn(path, `should be a number, not the string "${v}"`);
            return Number(v.trim());
        }
        this.warn(path, `should be a number, not ${typeName(v)}; ignored`);
        return undefined;
    }
    strList(path, v) {
        if (v === undefined || v === null)
            return undefined;
        if (!Array.isArray(v)) {
            this.warn(path, `should be a list of strings, not ${typeName(v)}; ignored`);
            return undefined;
        }
        const out = [];
        v.forEach((item, i) => {
            const s = this.str([...path, i], item);
            if (s !== undefined)
                out.push(s);
        });
        return out;
    }
    /** A mapping that only shapes optional settings: anything else is a warning and ignored. */
    softMap(path, v) {
        if (v === undefined || v === null)
            return {};
        if (isRecord(v))
            return v;
        this.warn(path, `should be a mapping, not ${typeName(v)}; ignored`);
        return {};
    }
    /** Match an enum leniently (case, `_` vs `-`); a non-canonical spelling warns, anything else throws. */
    enumValue(path, v, allowed, fallback) {
        if (v === undefined || v === null)
            return fallback;
        const raw = typeof v === 'string' ? v : String(v);
        if (allowed.includes(raw))
            return raw;
        const squash = (s) => s.toLowerCase().replace(/[-_\s]/g, '');
        const match = allowed.find((a) => squash(a) === squash(raw));
        if (match) {
            this.warn(path, `"${raw}" read as "${match}"; write it as "${match}"`);
            return match;
        }
        throw this.fail(path, `invalid value "${raw}"`, `use one of ${allowed.join(', ')}`);
    }
    /** A key written in another case (`Name`, `DEPLOYMENT`), for a "did you mean" hint. */
    caseTwin(m, key) {
        return Object.keys(m).find((k) => k !== key && k.toLowerCase() === key);
    }
}

;// CONCATENATED MODULE: ./src/config/image-config.ts
/**
 * `deployment.image_config` (docs/upstream.md#image-settings): the registry repository, how its tags
 * are chosen, the pins (`tag_override`, `digest`) and the verification settings. The Rust type is
 * snake_case; camelCase spellings are read with a warning.
 */





const STRATEGIES = ['semver', 'latest-stable', 'pin-to-cli', 'explicit'];
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
/** camelCase spellings seen for snake_case `image_config` keys (docs/upstream.md#image-settings: the Rust type is snake_case). */
const IMAGE_CONFIG_CAMEL = {
    tagOverride: 'tag_override',
    resolutionStrategy: 'resolution_strategy',
    allowPrerelease: 'allow_prerelease',
    verifySignature: 'verify_signature',
    verifyProvenance: 'verify_provenance',
    pullPolicy: 'pull_policy',
    certificateIdentity: 'certificate_identity',
    certificateOidcIssuer: 'certificate_oidc_issuer',
};
/** Read `deployment.image_config`; throws where the image cannot be pinned or verified as written. */
function readImageConfig(r, v) {
    const base = ['deployment', 'image_config'];
    if (!isRecord(v))
        throw r.fail(base, `must be a mapping, not ${typeName(v)}`, 'write image_config: with indented keys, at least registry: ghcr.io/owner/app');
    // camelCase spellings are read as their snake_case key (snake_case wins when both are written)
    const keyPath = new Map();
    const ic = {};
    for (const [k, val] of Object.entries(v)) {
        const snake = IMAGE_CONFIG_CAMEL[k];
        if (snake) {
            if (snake in v) {
                r.warn([...base, k], `ignored: ${snake} is also set (image_config keys are snake_case)`);
                continue;
            }
            r.warn([...base, k], `read as ${snake}: image_config keys are snake_case; rename it to ${snake}`);
            ic[snake] = val;
            keyPath.set(snake, [...base, k]);
        }
        else {
            ic[k] = val;
            keyPath.set(k, [...base, k]);
        }
    }
    const at = (k) => keyPath.get(k) ?? [...base, k];
    const registryFix = 'set registry to the full repository, host included, e.g. registry: ghcr.io/pacphi/sindri';
    const registry = r.strictStr(at('registry'), ic.registry, registryFix);
    if (!registry)
        throw r.fail(base, 'image_config has no registry', registryFix);
    const rpos = r.locate(at('registry'));
    const where = { file: r.file, line: rpos.line, column: rpos.column, field: (0,config_path/* fieldOf */._)(at('registry')) };
    if (!registry.includes('/') && /[.:]|^localhost$/.test(registry)) {
        throw new errors/* ActionError */.lZ(`"${registry}" is a registry host, not a repository`, { where, fix: registryFix });
    }
    const ref = (0,reference/* parseReference */.F2)(registry, where);
    if (ref.tag !== undefined || ref.digest !== undefined) {
        throw new errors/* ActionError */.lZ(`"${registry}" carries a ${ref.digest ? 'digest' : 'tag'}`, {
            where,
            fix: 'keep only the repository in registry and move the tag to tag_override (or the digest to digest)',
        });
    }
    const out = {
        registry,
        resolution_strategy: r.enumValue(at('resolution_strategy'), ic.resolution_strategy, STRATEGIES, 'semver'),
        allow_prerelease: r.bool(at('allow_prerelease'), ic.allow_prerelease, false),
        verify_signature: r.bool(at('verify_signature'), ic.verify_signature, true),
        verify_provenance: r.bool(at('verify_provenance'), ic.verify_provenance, true),
        pull_policy: r.enumValue(at('pull_policy'), ic.pull_policy, PULL_POLICIES, 'IfNotPresent'),
    };
    const version = r.str(at('version'), ic.version);
    if (version !== undefined)
        out.version = version;
    const tag = r.strictStr(at('tag_override'), ic.tag_override, 'write the tag as a string, e.g. tag_override: "3.1.0"');
    if (tag !== undefined) {
        if (!(0,reference/* isValidTag */.r_)(tag)) {
            throw r.fail(at('tag_override'), `invalid tag_override "${tag}"`, 'a tag is letters, digits, _ . - (at most 128, not starting with . or -)');
        }
        out.tag_override = tag;
    }
    const digestFix = 'write digest: sha256:<64 lowercase hex>, e.g. the digest output of docker/build-push-action';
    const digest = r.strictStr(at('digest'), ic.digest, digestFix);
    if (digest !== undefined) {
        if (!domain/* DIGEST_RE */.Vt.test(digest))
            throw r.fail(at('digest'), `invalid digest "${digest}"`, digestFix);
        out.digest = digest;
    }
    const identity = r.str(at('certificate_identity'), ic.certificate_identity);
    if (identity !== undefined)
        out.certificate_identity = identity;
    const issuer = r.str(at('certificate_oidc_issuer'), ic.certificate_oidc_issuer);
    if (issuer !== undefined)
        out.certificate_oidc_issuer = issuer;
    const known = new Set([
        ...Object.keys(out),
        'version',
        'tag_override',
        'digest',
        'certificate_identity',
        'certificate_oidc_issuer',
    ]);
    for (const k of Object.keys(ic)) {
        if (!known.has(k))
            r.warn(at(k), `unknown key (ignored); image_config knows ${[...known].join(', ')}`);
    }
    return out;
}

// EXTERNAL MODULE: ./src/config/provider-name.ts
var provider_name = __webpack_require__(1653);
;// CONCATENATED MODULE: ./src/config/normalise.ts
/**
 * Plain YAML data → SindriConfig: the shape of sindri.yaml, read leniently like upstream's serde
 * (docs/upstream.md#loading-and-lenient-parsing) with the typed readers of readers.ts: aliases and
 * upstream misspellings are accepted with a warning, defaults filled in. Only what makes a deploy
 * impossible throws (docs/behaviour.md#config-compatibility): no or bad `name`, unknown provider,
 * bad digest/tag/reference, a bad enum value. `deployment.image_config` is read in image-config.ts.
 */






const NAME_RE = /^[a-z][a-z0-9-]*$/;
/** The longest name any resource can carry (a DNS name, a Kubernetes object name); over 63 is a warning. */
const MAX_NAME_LENGTH = 253;
const DISTROS = ['ubuntu', 'fedora', 'opensuse'];
const SECRET_SOURCES = ['env', 'file', 'vault', 's3'];
/** Lower-case a name and replace what the name pattern forbids, e.g. `My_App` → `my-app`. */
function sanitiseName(value) {
    const s = value
        .toLowerCase()
        .replace(/[^a-z0-9-]+/g, '-')
        .replace(/-{2,}/g, '-')
        .replace(/^[^a-z]+/, '')
        .replace(/-+$/, '')
        .slice(0, 63)
        .replace(/-+$/, '');
    return s || 'sindri';
}
/** The shape of sindri.yaml, read with the typed readers. */
class Normaliser extends ConfigReader {
    opts;
    data = {};
    constructor(doc, opts) {
        super(doc, opts.file);
        this.opts = opts;
    }
    run(data) {
        this.data = data;
        const name = this.name(data.name);
        const version = this.str(['version'], data.version) ?? '';
        if (data.version === undefined)
            this.warn(['version'], 'missing; Sindri files start with version: "3.0"');
        const deployment = this.deployment(data.deployment);
        const extensions = this.extensions(data.extensions);
        const secrets = this.secrets(data.secrets);
        const providers = this.providers(data.providers);
        return {
            file: this.opts.file,
            path: this.opts.path,
            dir: this.opts.dir,
            version,
            name,
            deployment,
            extensions,
            secrets,
            providers,
            raw: data,
            locate: (p) => this.doc.locate(p),
        };
    }
    name(v) {
        const fix = 'set a top-level name: lower-case letters, digits and -, starting with a letter (it names the container, Fly app, Kubernetes Deployment, workspace)';
        if (v === undefined || v === null || v === '') {
            const near = this.caseTwin(this.data, 'name');
            if (near)
                throw this.fail([near], `the config has no name, but it has "${near}"`, `did you mean name? Keys are lower-case: rename ${near} to name`);
            throw this.fail(['name'], 'the config has no name', fix);
        }
        const name = this.strictStr(['name'], v, fix);
        if (!NAME_RE.test(name)) {
            throw this.fail(['name'], `invalid name "${name}": it must match ^[a-z][a-z0-9-]*$`, `rename it, e.g. name: ${sanitiseName(name)}`);
        }
        if (name.length > MAX_NAME_LENGTH) {
            throw this.fail(['name'], `name is ${name.length} characters long; at most ${MAX_NAME_LENGTH} are accepted`, `use a short name (at most 63 characters for Fly and Kubernetes), e.g. name: ${sanitiseName(name)}`);
        }
        if (name.length > 63 || name.endsWith('-')) {
            this.warn(['name'], `name "${name}" ${name.length > 63 ? 'is longer than 63 characters' : 'ends with -'}: Fly and Kubernetes reject such names`);
        }
        return name;
    }
    provider(v) {
        const path = ['deployment', 'provider'];
        const override = this.opts.providerOverride;
        const fix = `set deployment.provider to one of ${domain/* PROVIDERS */.xq.join(', ')}, or pass the input provider`;
        if (v === undefined || v === null || v === '') {
            if (override)
                return { provider: override, asWritten: '' };
            throw this.fail(path, 'no provider', fix);
        }
        const asWritten = typeof v === 'string' ? v : String(v);
        if (typeof v !== 'string' && !override)
            throw this.fail(path, `provider must be a string, not ${typeName(v)}`, fix);
        const pos = this.place(path);
        try {
            const p = (0,provider_name/* parseProvider */.t)(asWritten, { file: this.opts.file, line: pos.line, column: pos.column, field: (0,config_path/* fieldOf */._)(path) });
            if (override)
                return { provider: override, asWritten };
            if (asWritten !== p)
                this.warn(path, `"${asWritten}" read as "${p}"`);
            return { provider: p, asWritten };
        }
        catch (e) {
            if (!override)
                throw e;
            this.warn(path, `"${asWritten}" is not a provider this action deploys to; the input provider "${override}" is used instead`);
            return { provider: override, asWritten };
        }
    }
    deployment(v) {
        const base = ['deployment'];
        if (v === undefined || v === null) {
            const near = this.caseTwin(this.data, 'deployment');
            if (near)
                throw this.fail([near], `the config has no deployment section, but it has "${near}"`, `did you mean deployment? Keys are lower-case: rename ${near} to deployment`);
            if (!this.opts.providerOverride) {
                throw this.fail(base, 'the config has no deployment section', `add deployment: with provider: one of ${domain/* PROVIDERS */.xq.join(', ')}`);
            }
            v = {};
        }
        if (!isRecord(v))
            throw this.fail(base, `must be a mapping, not ${typeName(v)}`, 'write deployment: followed by indented keys such as provider: docker');
        const { provider, asWritten } = this.provider(v.provider);
        const dep = {
            provider,
            providerAsWritten: asWritten,
            distro: this.enumValue([...base, 'distro'], v.distro, DISTROS, 'ubuntu'),
            resources: this.resources(v.resources),
            volumes: this.volumes(v.volumes),
        };
        const imageFix = 'write a full reference such as ghcr.io/owner/app:1.2.3';
        const image = this.strictStr([...base, 'image'], v.image, imageFix);
        if (image !== undefined) {
            const pos = this.locate([...base, 'image']);
            (0,reference/* parseReference */.F2)(image, { file: this.opts.file, line: pos.line, column: pos.column, field: 'deployment.image' });
            dep.image = image;
        }
        if (v.image_config !== undefined && v.image_config !== null)
            dep.image_config = readImageConfig(this, v.image_config);
        const bfs = this.buildFromSource(v.buildFromSource);
        if (bfs)
            dep.buildFromSource = bfs;
        return dep;
    }
    buildFromSource(v) {
        const base = ['deployment', 'buildFromSource'];
        if (v === undefined || v === null)
            return undefined;
        const m = this.softMap(base, v);
        const out = { enabled: this.bool([...base, 'enabled'], m.enabled, false) };
        const gitRef = this.str([...base, 'gitRef'], m.gitRef ?? m.git_ref);
        if (m.git_ref !== undefined && m.gitRef === undefined)
            this.warn([...base, 'git_ref'], 'read as gitRef; rename it to gitRef');
        if (gitRef !== undefined)
            out.gitRef = gitRef;
        return out;
    }
    resources(v) {
        const base = ['deployment', 'resources'];
        const m = this.softMap(base, v);
        const out = {};
        const memory = this.str([...base, 'memory'], m.memory);
        if (memory !== undefined)
            out.memory = memory;
        const cpus = this.boundedInt([...base, 'cpus'], m.cpus, 1, 1024);
        if (cpus !== undefined)
            out.cpus = cpus;
        if (m.gpu !== undefined && m.gpu !== null) {
            const g = this.softMap([...base, 'gpu'], m.gpu);
            const gpu = {
                enabled: this.bool([...base, 'gpu', 'enabled'], g.enabled, false),
                type: this.enumValue([...base, 'gpu', 'type'], g.type, ['nvidia', 'amd'], 'nvidia'),
                count: this.boundedInt([...base, 'gpu', 'count'], g.count, 1, 64) ?? 1,
            };
            const tier = this.str([...base, 'gpu', 'tier'], g.tier);
            if (tier !== undefined)
                gpu.tier = tier;
            const mem = this.str([...base, 'gpu', 'memory'], g.memory);
            if (mem !== undefined)
                gpu.memory = mem;
            out.gpu = gpu;
        }
        return out;
    }
    volumes(v) {
        const base = ['deployment', 'volumes'];
        const m = this.softMap(base, v);
        if (m.workspace === undefined || m.workspace === null)
            return {};
        const w = this.softMap([...base, 'workspace'], m.workspace);
        const workspace = {};
        const path = this.str([...base, 'workspace', 'path'], w.path);
        if (path !== undefined)
            workspace.path = path;
        const size = this.str([...base, 'workspace', 'size'], w.size);
        if (size !== undefined)
            workspace.size = size;
        return { workspace };
    }
    extensions(v) {
        const base = ['extensions'];
        if (v === undefined) {
            this.warn(base, 'missing (the Sindri CLI requires it); read as extensions: {} with auto_install: true. Add an extensions: block, e.g. profile: minimal');
            return { auto_install: true };
        }
        const m = this.softMap(base, v);
        const out = { auto_install: true };
        const profile = this.str([...base, 'profile'], m.profile);
        if (profile !== undefined)
            out.profile = profile;
        const active = this.strList([...base, 'active'], m.active);
        if (active)
            out.active = active;
        const additional = this.strList([...base, 'additional'], m.additional);
        if (additional)
            out.additional = additional;
        if (m.auto_install !== undefined) {
            out.auto_install = this.bool([...base, 'auto_install'], m.auto_install, true);
            if (m.autoInstall !== undefined)
                this.warn([...base, 'autoInstall'], 'ignored: auto_install is also set');
        }
        else if (m.autoInstall !== undefined) {
            out.auto_install = this.bool([...base, 'autoInstall'], m.autoInstall, true);
            this.warn([...base, 'autoInstall'], `not a Sindri key (the Sindri CLI ignores it); read as auto_install: ${out.auto_install}. Rename it to auto_install`);
        }
        return out;
    }
    secrets(v) {
        const base = ['secrets'];
        if (v === undefined || v === null)
            return [];
        if (!Array.isArray(v))
            throw this.fail(base, `must be a list, not ${typeName(v)}`, 'write each secret as a list item: - name: MY_TOKEN, source: env');
        const out = [];
        v.forEach((item, i) => {
            const p = [...base, i];
            if (!isRecord(item)) {
                this.warn(p, `should be a mapping with name and source, not ${typeName(item)}; ignored`);
                return;
            }
            const required = this.strictBool([...p, 'required'], item.required, false);
            const name = this.str([...p, 'name'], item.name);
            if (name !== undefined && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
                throw this.fail([...p, 'name'], `invalid secret name "${name.slice(0, 80)}"`, 'a secret is an environment variable: letters, digits and _, not starting with a digit (e.g. API_TOKEN)');
            }
            const sourceRaw = this.str([...p, 'source'], item.source);
            const source = SECRET_SOURCES.find((s) => s === sourceRaw?.trim().toLowerCase());
            if (!name || !source) {
                const what = !name ? 'has no name' : sourceRaw === undefined ? 'has no source' : `has the unknown source "${sourceRaw}"`;
                const fix = `give it name: <ENV_VAR_NAME> and source: one of ${SECRET_SOURCES.join(', ')}`;
                if (required)
                    throw this.fail(p, `a required secret ${what}`, fix);
                this.warn(p, `a secret ${what}; ignored. Fix: ${fix}`);
                return;
            }
            const s = { name, source, required };
            for (const k of ['fromFile', 'path', 'mountPath', 'permissions', 'vaultPath', 'vaultKey', 'vaultMount']) {
                const val = this.str([...p, k], item[k]);
                if (val !== undefined)
                    s[k] = val;
            }
            out.push(s);
        });
        return out;
    }
    providers(v) {
        const base = ['providers'];
        const m = this.softMap(base, v);
        const out = {};
        for (const [k, val] of Object.entries(m)) {
            if (val === null || val === undefined)
                continue;
            out[k] = this.softMap([...base, k], val);
        }
        return out;
    }
}
/** Normalise parsed data; throws ActionError where a deploy is impossible. */
function normalise(doc, opts) {
    const n = new Normaliser(doc, opts);
    const config = n.run(doc.data);
    return { config, warnings: n.warnings };
}


/***/ }),

/***/ 9915:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ fieldOf)
/* harmony export */ });
/** `deployment.image_config.digest`, `secrets[2].name` */
function fieldOf(path) {
    let out = '';
    for (const p of path)
        out += typeof p === 'number' ? `[${p}]` : out ? `.${p}` : p;
    return out;
}


/***/ }),

/***/ 697:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ placeOf),
/* harmony export */   F: () => (/* binding */ configError)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _path_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9915);
/**
 * Where a value of sindri.yaml is written, and the one way to fail there: every error about a config
 * value (the loader's, a provider's) names the file, line, column and dotted field, then says what is
 * wrong and how to fix it.
 */


/** The place of `path`; for a key that is not written, the place of its nearest written parent. */
function placeOf(config, path) {
    for (let n = path.length; n > 0; n--) {
        const pos = config.locate(path.slice(0, n));
        if (pos)
            return { file: config.file, line: pos.line, column: pos.column, field: (0,_path_js__WEBPACK_IMPORTED_MODULE_1__/* .fieldOf */ ._)(path) };
    }
    return { file: config.file, field: (0,_path_js__WEBPACK_IMPORTED_MODULE_1__/* .fieldOf */ ._)(path) };
}
/** The error for a config value: `sindri.yaml:12:5: providers.fly.region: <what>. Fix: <fix>` */
function configError(config, path, what, fix) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(what, { where: placeOf(config, path), fix });
}


/***/ })

};
