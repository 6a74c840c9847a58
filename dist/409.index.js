export const id = 409;
export const ids = [409];
export const modules = {

/***/ 9329:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ parseConfigText),
/* harmony export */   _: () => (/* binding */ fieldOf)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/**
 * sindri.yaml as a YAML document that remembers where everything is: parse once with a LineCounter,
 * then `locate(path)` gives the line/column of any key or value for errors and annotations.
 */


/** `deployment.image_config.digest`, `secrets[2].name` */
function fieldOf(path) {
    let out = '';
    for (const p of path)
        out += typeof p === 'number' ? `[${p}]` : out ? `.${p}` : p;
    return out;
}
function find(doc, path) {
    let node = doc.contents;
    let pair;
    for (const seg of path) {
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(node)) {
            pair = node.items.find((it) => (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isPair */ .tO)(it) && String((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(it.key) ? it.key.value : it.key) === String(seg));
            if (!pair)
                return undefined;
            node = pair.value;
        }
        else if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(node) && typeof seg === 'number') {
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
function firstLine(message) {
    return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?\s*$/, '').trim();
}
/**
 * Parse YAML text. `file` is the name shown to the user. Unparsable YAML, several documents or a
 * document that is not a mapping throw an ActionError at the parser's line and column.
 */
function parseConfigText(text, file) {
    const lineCounter = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .LineCounter */ .HN();
    // uniqueKeys: a repeated key is an error, as in upstream's serde_yaml
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseDocument */ .Tp)(text, { lineCounter, prettyErrors: false, uniqueKeys: true, keepSourceTokens: false });
    const at = (offset) => {
        if (offset === undefined)
            return { line: 1, column: 1 };
        const { line, col } = lineCounter.linePos(offset);
        return { line, column: col };
    };
    const err = doc.errors[0];
    if (err) {
        const { line, column } = at(err.pos[0]);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`not valid YAML: ${firstLine(err.message)}`, {
            where: { file, line, column },
            fix: 'correct the YAML syntax at that line (indentation with spaces, a space after each colon, quotes closed)',
        });
    }
    const contents = doc.contents;
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(contents)) {
        const what = contents === null ? 'empty' : (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(contents) ? 'a list' : 'a single value';
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`the file is ${what}, not a mapping of keys`, {
            where: { file, line: 1, column: 1 },
            fix: 'start the file with top-level keys: version, name, deployment, extensions (run the action with mode: init for a documented example)',
        });
    }
    // Aliases are resolved; maxAliasCount bounds "billion laughs" expansion.
    const data = doc.toJS({ maxAliasCount: 100 });
    const locate = (path) => {
        if (path.length === 0)
            return at(contents.range?.[0]);
        const f = find(doc, path);
        if (!f)
            return undefined;
        if (f.node && (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(f.node))
            return at(f.node.range?.[0]);
        if (f.pair && (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(f.pair.key))
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
        if (!f || !f.node || !(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(f.node))
            return undefined;
        return typeof f.node.source === 'string' ? f.node.source : String(f.node.value);
    };
    const warnings = doc.warnings.map((w) => ({ message: firstLine(w.message), position: at(w.pos[0]) }));
    return { data, locate, nearest, source, warnings };
}


/***/ }),

/***/ 2409:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  loadConfig: () => (/* binding */ loadConfig),
  Ki: () => (/* binding */ loadConfigText)
});

// UNUSED EXPORTS: CONFIG_CANDIDATES, findConfig

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/config/document.ts
var config_document = __webpack_require__(9329);
// EXTERNAL MODULE: ./src/config/normalise.ts
var normalise = __webpack_require__(7028);
;// CONCATENATED MODULE: ./src/config/schema-validator.generated.js
// GENERATED by scripts/gen-schema-validator.mjs from src/config/sindri.schema.json (https://sindri.dev/schemas/sindri.schema.json).
// Do not edit: run `npm run gen`.
/* eslint-disable */
const validate = (/* unused pure expression or super */ null && (validate10));/* harmony default export */ const schema_validator_generated = (validate10);const schema11 = {"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://sindri.dev/schemas/sindri.schema.json","title":"Sindri Configuration","description":"Provider-agnostic Sindri deployment configuration","type":"object","required":["version","name","deployment","extensions"],"properties":{"version":{"type":"string","pattern":"^\\d+\\.\\d+$"},"name":{"type":"string","pattern":"^[a-z][a-z0-9-]*$","description":"Deployment name"},"deployment":{"type":"object","required":["provider"],"properties":{"provider":{"type":"string","enum":["fly","kubernetes","docker-compose","docker","devpod","e2b","runpod","northflank"],"description":"Deployment provider (docker is an alias for docker-compose)"},"distro":{"type":"string","enum":["ubuntu","fedora","opensuse"],"default":"ubuntu","description":"Target Linux distribution for the container image"},"image":{"type":"string","description":"Docker image to deploy"},"resources":{"type":"object","properties":{"memory":{"type":"string","pattern":"^\\d+(MB|GB)$"},"cpus":{"type":"integer","minimum":1},"gpu":{"type":"object","description":"GPU configuration for compute workloads","properties":{"enabled":{"type":"boolean","default":false,"description":"Enable GPU support for this deployment"},"type":{"type":"string","enum":["nvidia","amd"],"default":"nvidia","description":"GPU vendor type"},"count":{"type":"integer","minimum":1,"maximum":8,"default":1,"description":"Number of GPUs to request"},"tier":{"type":"string","enum":["gpu-small","gpu-medium","gpu-large","gpu-xlarge"],"description":"GPU tier for automatic instance selection"},"memory":{"type":"string","pattern":"^\\d+(GB|MB)$","description":"Minimum GPU memory required (e.g., 16GB, 24GB)"}},"additionalProperties":false}}},"volumes":{"type":"object","properties":{"workspace":{"type":"object","properties":{"path":{"type":"string","default":"/alt/home/developer/workspace","description":"Container path for workspace volume"},"size":{"type":"string","pattern":"^\\d+(MB|GB)$","default":"10GB"}}}}}}},"extensions":{"type":"object","description":"Extension configuration: use profile, active list, or profile with additional extensions","properties":{"profile":{"type":"string","enum":["minimal","fullstack","anthropic-dev","systems","enterprise","devops","mobile","visionflow-core","visionflow-data-scientist","visionflow-creative","visionflow-full"],"description":"Extension profile to use as a base"},"active":{"type":"array","items":{"type":"string"},"description":"Explicit list of extensions to install (mutually exclusive with profile)"},"additional":{"type":"array","items":{"type":"string"},"description":"Additional extensions to install on top of a profile"},"auto_install":{"type":"boolean","default":true,"description":"Auto-install extensions on container startup (default: true). Set to false for manual control or CI testing."}},"additionalProperties":false,"oneOf":[{"required":["profile"],"not":{"required":["active"]}},{"required":["active"],"allOf":[{"not":{"required":["profile"]}},{"not":{"required":["additional"]}}]}]},"secrets":{"type":"array","description":"Secrets to inject into the deployment","items":{"type":"object","required":["name","source"],"properties":{"name":{"type":"string","description":"Environment variable name for the secret","pattern":"^[A-Z][A-Z0-9_]*$"},"source":{"type":"string","enum":["env","file","vault"],"description":"Source type: env (environment/file), file (file mount), vault (HashiCorp Vault)"},"fromFile":{"type":"string","description":"Read secret value from file content (for source: env). Supports ~ expansion. Falls back to env var if file not found."},"required":{"type":"boolean","default":false,"description":"Fail deployment if secret is not available"},"path":{"type":"string","description":"File path (for source: file)"},"mountPath":{"type":"string","description":"Container destination path (for source: file)"},"permissions":{"type":"string","pattern":"^0[0-7]{3}$","default":"0644","description":"Unix file permissions in octal (for source: file)"},"vaultPath":{"type":"string","description":"Vault KV path (for source: vault)"},"vaultKey":{"type":"string","description":"Key within the Vault secret (for source: vault)"},"vaultMount":{"type":"string","default":"secret","description":"Vault mount point (for source: vault)"}},"allOf":[{"if":{"properties":{"source":{"const":"file"}}},"then":{"required":["path","mountPath"]}},{"if":{"properties":{"source":{"const":"vault"}}},"then":{"required":["vaultPath","vaultKey"]}}]}},"providers":{"type":"object","properties":{"fly":{"type":"object","properties":{"region":{"type":"string","default":"sjc","description":"Fly.io region code (e.g., sjc, ord, iad, ams)"},"autoStopMachines":{"type":"boolean","default":true,"description":"Auto-suspend machines when idle (cost optimization)"},"autoStartMachines":{"type":"boolean","default":true,"description":"Auto-start machines on incoming connections"},"cpuKind":{"type":"string","enum":["shared","performance"],"default":"shared","description":"CPU type: shared (cost-effective) or performance (dedicated)"},"sshPort":{"type":"integer","minimum":1024,"maximum":65535,"default":10022,"description":"External SSH port"},"organization":{"type":"string","description":"Fly.io organization name"},"highAvailability":{"type":"boolean","default":false,"description":"Enable high availability (multiple machines)"}}},"docker":{"type":"object","description":"Docker Compose provider options","properties":{"network":{"type":"string","enum":["bridge","host","none"],"default":"bridge","description":"Docker network mode"},"restart":{"type":"string","enum":["no","always","on-failure","unless-stopped"],"default":"unless-stopped","description":"Container restart policy"},"ports":{"type":"array","items":{"type":"string","pattern":"^\\d+:\\d+$"},"description":"Additional port mappings (e.g., '3000:3000')"},"privileged":{"type":"boolean","default":false,"description":"Run container in privileged mode (legacy DinD, security risk)"},"extraHosts":{"type":"array","items":{"type":"string"},"description":"Extra hosts to add to /etc/hosts (e.g., 'host.docker.internal:host-gateway')"},"runtime":{"type":"string","enum":["runc","sysbox-runc","auto"],"default":"auto","description":"Container runtime. 'auto' uses sysbox-runc if available, falls back to runc"},"dind":{"type":"object","description":"Docker-in-Docker configuration for running Docker inside Sindri containers","properties":{"enabled":{"type":"boolean","default":false,"description":"Enable Docker-in-Docker support"},"mode":{"type":"string","enum":["sysbox","privileged","socket","auto"],"default":"auto","description":"DinD mode: sysbox (secure, requires host setup), privileged (legacy, uses vfs), socket (share host Docker daemon), auto (detect best available)"},"storageDriver":{"type":"string","enum":["auto","overlay2","fuse-overlayfs","vfs"],"default":"auto","description":"Storage driver for inner Docker daemon (only used in privileged mode)"},"storageSize":{"type":"string","pattern":"^\\d+(MB|GB)$","default":"20GB","description":"Size limit for Docker storage volume (used with vfs driver)"}},"additionalProperties":false}}},"kubernetes":{"type":"object","properties":{"namespace":{"type":"string","default":"default"},"storageClass":{"type":"string"},"ingress":{"type":"object","properties":{"enabled":{"type":"boolean","default":false},"hostname":{"type":"string"}}}}},"devpod":{"type":"object","required":["type"],"properties":{"type":{"type":"string","enum":["aws","gcp","azure","digitalocean","kubernetes","ssh","docker"],"description":"DevPod provider type"},"buildRepository":{"type":"string","description":"Docker registry URL for image push (required for non-local Kubernetes and cloud providers). Example: ghcr.io/myorg/sindri"},"aws":{"type":"object","description":"AWS EC2 provider options","properties":{"region":{"type":"string","default":"us-west-2","description":"AWS region"},"instanceType":{"type":"string","default":"c5.xlarge","description":"EC2 instance type"},"diskSize":{"type":"integer","default":40,"description":"Root volume size in GB"},"useSpot":{"type":"boolean","default":false,"description":"Use spot instances for cost savings"},"subnetId":{"type":"string","description":"VPC subnet ID for instance placement"},"securityGroupId":{"type":"string","description":"Security group ID to attach"}}},"gcp":{"type":"object","description":"GCP Compute Engine provider options","properties":{"project":{"type":"string","description":"GCP project ID"},"zone":{"type":"string","default":"us-central1-a","description":"GCP zone"},"machineType":{"type":"string","default":"e2-standard-4","description":"GCE machine type"},"diskSize":{"type":"integer","default":40,"description":"Boot disk size in GB"},"diskType":{"type":"string","enum":["pd-standard","pd-balanced","pd-ssd"],"default":"pd-balanced","description":"Persistent disk type"}}},"azure":{"type":"object","description":"Azure VM provider options","properties":{"subscription":{"type":"string","description":"Azure subscription ID"},"resourceGroup":{"type":"string","default":"devpod-resources","description":"Resource group name"},"location":{"type":"string","default":"eastus","description":"Azure region"},"vmSize":{"type":"string","default":"Standard_D4s_v3","description":"VM size"},"diskSize":{"type":"integer","default":40,"description":"OS disk size in GB"}}},"digitalocean":{"type":"object","description":"DigitalOcean Droplet provider options","properties":{"region":{"type":"string","default":"nyc3","description":"DigitalOcean region"},"size":{"type":"string","default":"s-4vcpu-8gb","description":"Droplet size"},"diskSize":{"type":"integer","description":"Block storage size in GB (optional)"}}},"kubernetes":{"type":"object","description":"Kubernetes pod provider options","properties":{"namespace":{"type":"string","default":"devpod","description":"Kubernetes namespace"},"storageClass":{"type":"string","description":"Storage class for persistent volumes"},"context":{"type":"string","description":"Kubernetes context to use"},"nodeSelector":{"type":"object","additionalProperties":{"type":"string"},"description":"Node selector labels"}}},"ssh":{"type":"object","description":"SSH provider options for existing machines","properties":{"host":{"type":"string","description":"SSH host address"},"user":{"type":"string","default":"root","description":"SSH user"},"port":{"type":"integer","default":22,"description":"SSH port"},"keyPath":{"type":"string","default":"~/.ssh/id_rsa","description":"Path to SSH private key"}}},"docker":{"type":"object","description":"Local Docker provider options","properties":{"dockerHost":{"type":"string","description":"Docker host URL (defaults to local socket)"}}}}},"k8s":{"type":"object","description":"Local Kubernetes cluster configuration (kind, k3d)","properties":{"provider":{"type":"string","enum":["kind","k3d"],"default":"kind","description":"Local K8s provider: kind (Kubernetes IN Docker) or k3d (K3s in Docker)"},"clusterName":{"type":"string","pattern":"^[a-z][a-z0-9-]*$","description":"Cluster name (defaults to sindri.yaml name)"},"version":{"type":"string","pattern":"^v?\\d+\\.\\d+\\.\\d+$","default":"v1.35.0","description":"Kubernetes version (LTS support until Feb 2027)"},"nodes":{"type":"integer","minimum":1,"maximum":10,"default":1,"description":"Number of nodes (1 = single node, >1 = multi-node with workers)"},"kind":{"type":"object","description":"kind-specific options","properties":{"image":{"type":"string","description":"Custom kind node image (e.g., kindest/node:v1.31.0)"},"configFile":{"type":"string","description":"Path to kind cluster config YAML"}}},"k3d":{"type":"object","description":"k3d-specific options","properties":{"image":{"type":"string","description":"Custom k3s image"},"registry":{"type":"object","description":"Local registry configuration","properties":{"enabled":{"type":"boolean","default":false,"description":"Create a local registry with the cluster"},"name":{"type":"string","default":"k3d-registry","description":"Registry name"},"port":{"type":"integer","default":5000,"description":"Registry port"}}}}}}},"e2b":{"type":"object","description":"E2B cloud sandbox provider options","properties":{"templateAlias":{"type":"string","pattern":"^[a-z][a-z0-9-]*$","description":"Custom template alias (auto-generated from name if omitted)"},"reuseTemplate":{"type":"boolean","default":true,"description":"Reuse existing template if available"},"timeout":{"type":"integer","minimum":60,"maximum":86400,"default":300,"description":"Sandbox timeout in seconds (default: 5 minutes)"},"autoPause":{"type":"boolean","default":true,"description":"Auto-pause sandbox on timeout instead of killing"},"autoResume":{"type":"boolean","default":true,"description":"Auto-resume paused sandbox on connect"},"internetAccess":{"type":"boolean","default":true,"description":"Enable outbound internet access"},"allowedDomains":{"type":"array","items":{"type":"string"},"default":[],"description":"Whitelist of allowed outbound domains (empty = all)"},"blockedDomains":{"type":"array","items":{"type":"string"},"default":[],"description":"Blacklist of blocked outbound domains"},"publicAccess":{"type":"boolean","default":false,"description":"Allow public URL access to services running in sandbox"},"metadata":{"type":"object","additionalProperties":{"type":"string"},"description":"Custom metadata for sandbox identification"},"team":{"type":"string","description":"E2B team for billing (defaults to personal)"},"buildOnDeploy":{"type":"boolean","default":false,"description":"Force rebuild template on every deploy"}},"additionalProperties":false},"runpod":{"type":"object","description":"RunPod GPU cloud provider options","properties":{"gpuTypeId":{"type":"string","description":"RunPod GPU type identifier (e.g., 'NVIDIA RTX A4000', 'NVIDIA A100 80GB PCIe'). Required unless cpuOnly is true."},"gpuCount":{"type":"integer","minimum":1,"maximum":8,"default":1,"description":"Number of GPUs to attach to the pod"},"containerDiskGb":{"type":"integer","minimum":1,"maximum":500,"default":20,"description":"Container disk size in GB (ephemeral, lost on pod termination)"},"volumeSizeGb":{"type":"integer","minimum":0,"maximum":2048,"default":50,"description":"Network volume size in GB (persistent across pod restarts). Set to 0 to disable."},"volumeMountPath":{"type":"string","default":"/workspace","description":"Mount path for the network volume inside the container"},"cloudType":{"type":"string","enum":["SECURE","COMMUNITY"],"default":"COMMUNITY","description":"Cloud type: SECURE (Tier 1/2 data centers) or COMMUNITY (peer-hosted, lower cost)"},"region":{"type":"string","description":"Datacenter region filter (e.g., 'US', 'EU', 'CA'). Leave empty for any region."},"exposePorts":{"type":"array","items":{"type":"integer","minimum":1,"maximum":65535},"default":[],"description":"HTTP ports to expose via RunPod proxy URLs (e.g., [8080, 8888])"},"spotBid":{"type":"number","minimum":0,"default":0,"description":"Spot instance bid price in $/hr. 0 = on-demand pricing, >0 = spot with maximum bid price."},"startSsh":{"type":"boolean","default":true,"description":"Enable SSH access on the pod"},"cpuOnly":{"type":"boolean","default":false,"description":"Deploy a CPU-only pod (no GPU). Uses CPU instance types."},"cpuInstanceId":{"type":"string","description":"CPU instance type ID when cpuOnly is true (e.g., 'cpu3c-2-4' for 2 vCPU, 4GB RAM)"},"templateId":{"type":"string","description":"RunPod template ID to use instead of a raw image. Overrides deployment.image."}},"additionalProperties":false},"northflank":{"type":"object","description":"Northflank PaaS provider options","required":["projectName"],"properties":{"projectName":{"type":"string","pattern":"^[a-z][a-z0-9-]*$","description":"Northflank project name. Created if it does not exist."},"serviceName":{"type":"string","pattern":"^[a-z][a-z0-9-]*$","description":"Service name within the project (defaults to sindri.yaml name)"},"computePlan":{"type":"string","pattern":"^nf-compute-\\d+(-\\d+)?$","default":"nf-compute-50","description":"Northflank compute plan (e.g., 'nf-compute-50', 'nf-compute-200-8'). See Northflank pricing for available plans."},"gpuType":{"type":"string","description":"GPU model for GPU workloads (e.g., 'nvidia-h100', 'nvidia-a100-40gb', 'nvidia-l4')"},"gpuCount":{"type":"integer","minimum":1,"maximum":8,"default":1,"description":"Number of GPUs (only used when gpuType is set)"},"instances":{"type":"integer","minimum":0,"maximum":50,"default":1,"description":"Number of service instances. Set to 0 to pause billing while preserving config."},"volumeSizeGb":{"type":"integer","minimum":0,"maximum":1500,"default":10,"description":"Persistent volume size in GB. 0 = no volume. Note: volumes limit service to 1 instance."},"volumeMountPath":{"type":"string","default":"/workspace","description":"Mount path for the persistent volume inside the container"},"region":{"type":"string","description":"Northflank region slug (e.g., 'us-east', 'europe-west', 'asia-northeast'). Region is immutable after project creation."},"registryCredentials":{"type":"string","description":"Northflank registry credential ID for pulling private images"},"ports":{"type":"array","items":{"type":"object","required":["name","internalPort"],"properties":{"name":{"type":"string","pattern":"^[a-z][a-z0-9-]*$","description":"Port name identifier"},"internalPort":{"type":"integer","minimum":1,"maximum":65535,"description":"Container-internal port number"},"public":{"type":"boolean","default":false,"description":"Expose port publicly with auto-TLS"},"protocol":{"type":"string","enum":["HTTP","TCP","UDP"],"default":"HTTP","description":"Protocol for this port"}},"additionalProperties":false},"description":"Port configuration for the service"},"healthCheck":{"type":"object","description":"Health check configuration for liveness probing","properties":{"type":{"type":"string","enum":["http","tcp","command"],"default":"tcp","description":"Health check method"},"path":{"type":"string","description":"HTTP endpoint path (required when type is 'http')"},"port":{"type":"integer","minimum":1,"maximum":65535,"description":"Port to check (required when type is 'http' or 'tcp')"},"command":{"type":"array","items":{"type":"string"},"description":"Command to execute (required when type is 'command')"},"initialDelaySeconds":{"type":"integer","minimum":0,"default":10,"description":"Seconds to wait before starting health checks"},"periodSeconds":{"type":"integer","minimum":1,"default":15,"description":"Interval between health checks in seconds"},"failureThreshold":{"type":"integer","minimum":1,"default":3,"description":"Number of consecutive failures before restart"}},"allOf":[{"if":{"properties":{"type":{"const":"http"}}},"then":{"required":["path","port"]}},{"if":{"properties":{"type":{"const":"tcp"}}},"then":{"required":["port"]}},{"if":{"properties":{"type":{"const":"command"}}},"then":{"required":["command"]}}],"additionalProperties":false},"autoScaling":{"type":"object","description":"Horizontal auto-scaling configuration","properties":{"enabled":{"type":"boolean","default":false,"description":"Enable auto-scaling based on resource utilization"},"minInstances":{"type":"integer","minimum":1,"maximum":50,"default":1,"description":"Minimum number of instances (scale-down floor)"},"maxInstances":{"type":"integer","minimum":1,"maximum":50,"default":3,"description":"Maximum number of instances (scale-up ceiling)"},"targetCpuUtilization":{"type":"integer","minimum":1,"maximum":100,"default":70,"description":"Target CPU utilization percentage (scale up when exceeded)"},"targetMemoryUtilization":{"type":"integer","minimum":1,"maximum":100,"default":80,"description":"Target memory utilization percentage (scale up when exceeded)"}},"additionalProperties":false}},"additionalProperties":false}}}}};const pattern0 = new RegExp("^\\d+\\.\\d+$", "u");const pattern1 = new RegExp("^[a-z][a-z0-9-]*$", "u");const pattern2 = new RegExp("^\\d+(MB|GB)$", "u");const pattern3 = new RegExp("^\\d+(GB|MB)$", "u");const pattern5 = new RegExp("^[A-Z][A-Z0-9_]*$", "u");const pattern6 = new RegExp("^0[0-7]{3}$", "u");const pattern7 = new RegExp("^\\d+:\\d+$", "u");const pattern10 = new RegExp("^v?\\d+\\.\\d+\\.\\d+$", "u");const pattern14 = new RegExp("^nf-compute-\\d+(-\\d+)?$", "u");const func2 = Object.prototype.hasOwnProperty;function validate10(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){/*# sourceURL="https://sindri.dev/schemas/sindri.schema.json" */;let vErrors = null;let errors = 0;if(data && typeof data == "object" && !Array.isArray(data)){if(data.version === undefined){const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "version"},message:"must have required property '"+"version"+"'"};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}if(data.name === undefined){const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'"};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}if(data.deployment === undefined){const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "deployment"},message:"must have required property '"+"deployment"+"'"};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}if(data.extensions === undefined){const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "extensions"},message:"must have required property '"+"extensions"+"'"};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}if(data.version !== undefined){let data0 = data.version;if(typeof data0 === "string"){if(!pattern0.test(data0)){const err4 = {instancePath:instancePath+"/version",schemaPath:"#/properties/version/pattern",keyword:"pattern",params:{pattern: "^\\d+\\.\\d+$"},message:"must match pattern \""+"^\\d+\\.\\d+$"+"\""};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}}else {const err5 = {instancePath:instancePath+"/version",schemaPath:"#/properties/version/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}}if(data.name !== undefined){let data1 = data.name;if(typeof data1 === "string"){if(!pattern1.test(data1)){const err6 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9-]*$"},message:"must match pattern \""+"^[a-z][a-z0-9-]*$"+"\""};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}}else {const err7 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}}if(data.deployment !== undefined){let data2 = data.deployment;if(data2 && typeof data2 == "object" && !Array.isArray(data2)){if(data2.provider === undefined){const err8 = {instancePath:instancePath+"/deployment",schemaPath:"#/properties/deployment/required",keyword:"required",params:{missingProperty: "provider"},message:"must have required property '"+"provider"+"'"};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}if(data2.provider !== undefined){let data3 = data2.provider;if(typeof data3 !== "string"){const err9 = {instancePath:instancePath+"/deployment/provider",schemaPath:"#/properties/deployment/properties/provider/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}if(!((((((((data3 === "fly") || (data3 === "kubernetes")) || (data3 === "docker-compose")) || (data3 === "docker")) || (data3 === "devpod")) || (data3 === "e2b")) || (data3 === "runpod")) || (data3 === "northflank"))){const err10 = {instancePath:instancePath+"/deployment/provider",schemaPath:"#/properties/deployment/properties/provider/enum",keyword:"enum",params:{allowedValues: schema11.properties.deployment.properties.provider.enum},message:"must be equal to one of the allowed values"};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}}if(data2.distro !== undefined){let data4 = data2.distro;if(typeof data4 !== "string"){const err11 = {instancePath:instancePath+"/deployment/distro",schemaPath:"#/properties/deployment/properties/distro/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}if(!(((data4 === "ubuntu") || (data4 === "fedora")) || (data4 === "opensuse"))){const err12 = {instancePath:instancePath+"/deployment/distro",schemaPath:"#/properties/deployment/properties/distro/enum",keyword:"enum",params:{allowedValues: schema11.properties.deployment.properties.distro.enum},message:"must be equal to one of the allowed values"};if(vErrors === null){vErrors = [err12];}else {vErrors.push(err12);}errors++;}}if(data2.image !== undefined){if(typeof data2.image !== "string"){const err13 = {instancePath:instancePath+"/deployment/image",schemaPath:"#/properties/deployment/properties/image/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err13];}else {vErrors.push(err13);}errors++;}}if(data2.resources !== undefined){let data6 = data2.resources;if(data6 && typeof data6 == "object" && !Array.isArray(data6)){if(data6.memory !== undefined){let data7 = data6.memory;if(typeof data7 === "string"){if(!pattern2.test(data7)){const err14 = {instancePath:instancePath+"/deployment/resources/memory",schemaPath:"#/properties/deployment/properties/resources/properties/memory/pattern",keyword:"pattern",params:{pattern: "^\\d+(MB|GB)$"},message:"must match pattern \""+"^\\d+(MB|GB)$"+"\""};if(vErrors === null){vErrors = [err14];}else {vErrors.push(err14);}errors++;}}else {const err15 = {instancePath:instancePath+"/deployment/resources/memory",schemaPath:"#/properties/deployment/properties/resources/properties/memory/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err15];}else {vErrors.push(err15);}errors++;}}if(data6.cpus !== undefined){let data8 = data6.cpus;if(!((typeof data8 == "number") && (!(data8 % 1) && !isNaN(data8)))){const err16 = {instancePath:instancePath+"/deployment/resources/cpus",schemaPath:"#/properties/deployment/properties/resources/properties/cpus/type",keyword:"type",params:{type: "integer"},message:"must be integer"};if(vErrors === null){vErrors = [err16];}else {vErrors.push(err16);}errors++;}if(typeof data8 == "number"){if(data8 < 1 || isNaN(data8)){const err17 = {instancePath:instancePath+"/deployment/resources/cpus",schemaPath:"#/properties/deployment/properties/resources/properties/cpus/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};if(vErrors === null){vErrors = [err17];}else {vErrors.push(err17);}errors++;}}}if(data6.gpu !== undefined){let data9 = data6.gpu;if(data9 && typeof data9 == "object" && !Array.isArray(data9)){for(const key0 in data9){if(!(((((key0 === "enabled") || (key0 === "type")) || (key0 === "count")) || (key0 === "tier")) || (key0 === "memory"))){const err18 = {instancePath:instancePath+"/deployment/resources/gpu",schemaPath:"#/properties/deployment/properties/resources/properties/gpu/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};if(vErrors === null){vErrors = [err18];}else {vErrors.push(err18);}errors++;}}if(data9.enabled !== undefined){if(typeof data9.enabled !== "boolean"){const err19 = {instancePath:instancePath+"/deployment/resources/gpu/enabled",schemaPath:"#/properties/deployment/properties/resources/properties/gpu/properties/enabled/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};if(vErrors === null){vErrors = [err19];}else {vErrors.push(err19);}errors++;}}if(data9.type !== undefined){let data11 = data9.type;if(typeof data11 !== "string"){const err20 = {instancePath:instancePath+"/deployment/resources/gpu/type",schemaPath:"#/properties/deployment/properties/resources/properties/gpu/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err20];}else {vErrors.push(err20);}errors++;}if(!((data11 === "nvidia") || (data11 === "amd"))){const err21 = {instancePath:instancePath+"/deployment/resources/gpu/type",schemaPath:"#/properties/deployment/properties/resources/properties/gpu/properties/type/enum",keyword:"enum",params:{allowedValues: schema11.properties.deployment.properties.resources.properties.gpu.properties.type.enum},message:"must be equal to one of the allowed values"};if(vErrors === null){vErrors = [err21];}else {vErrors.push(err21);}errors++;}}if(data9.count !== undefined){let data12 = data9.count;if(!((typeof data12 == "number") && (!(data12 % 1) && !isNaN(data12)))){const err22 = {instancePath:instancePath+"/deployment/resources/gpu/count",schemaPath:"#/properties/deployment/properties/resources/properties/gpu/properties/count/type",keyword:"type",params:{type: "integer"},message:"must be integer"};if(vErrors === null){vErrors = [err22];}else {vErrors.push(err22);}errors++;}if(typeof data12 == "number"){if(data12 > 8 || isNaN(data12)){const err23 = {instancePath:instancePath+"/deployment/resources/gpu/count",schemaPath:"#/properties/deployment/properties/resources/properties/gpu/properties/count/maximum",keyword:"maximum",params:{comparison: "<=", limit: 8},message:"must be <= 8"};if(vErrors === null){vErrors = [err23];}else {vErrors.push(err23);}errors++;}if(data12 < 1 || isNaN(data12)){const err24 = {instancePath:instancePath+"/deployment/resources/gpu/count",schemaPath:"#/properties/deployment/properties/resources/properties/gpu/properties/count/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};if(vErrors === null){vErrors = [err24];}else {vErrors.push(err24);}errors++;}}}if(data9.tier !== undefined){let data13 = data9.tier;if(typeof data13 !== "string"){const err25 = {instancePath:instancePath+"/deployment/resources/gpu/tier",schemaPath:"#/properties/deployment/properties/resources/properties/gpu/properties/tier/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err25];}else {vErrors.push(err25);}errors++;}if(!((((data13 === "gpu-small") || (data13 === "gpu-medium")) || (data13 === "gpu-large")) || (data13 === "gpu-xlarge"))){const err26 = {instancePath:instancePath+"/deployment/resources/gpu/tier",schemaPath:"#/properties/deployment/properties/resources/properties/gpu/properties/tier/enum",keyword:"enum",params:{allowedValues: schema11.properties.deployment.properties.resources.properties.gpu.properties.tier.enum},message:"must be equal to one of the allowed values"};if(vErrors === null){vErrors = [err26];}else {vErrors.push(err26);}errors++;}}if(data9.memory !== undefined){let data14 = data9.memory;if(typeof data14 === "string"){if(!pattern3.test(data14)){const err27 = {instancePath:instancePath+"/deployment/resources/gpu/memory",schemaPath:"#/properties/deployment/properties/resources/properties/gpu/properties/memory/pattern",keyword:"pattern",params:{pattern: "^\\d+(GB|MB)$"},message:"must match pattern \""+"^\\d+(GB|MB)$"+"\""};if(vErrors === null){vErrors = [err27];}else {vErrors.push(err27);}errors++;}}else {const err28 = {instancePath:instancePath+"/deployment/resources/gpu/memory",schemaPath:"#/properties/deployment/properties/resources/properties/gpu/properties/memory/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err28];}else {vErrors.push(err28);}errors++;}}}else {const err29 = {instancePath:instancePath+"/deployment/resources/gpu",schemaPath:"#/properties/deployment/properties/resources/properties/gpu/type",keyword:"type",params:{type: "object"},message:"must be object"};if(vErrors === null){vErrors = [err29];}else {vErrors.push(err29);}errors++;}}}else {const err30 = {instancePath:instancePath+"/deployment/resources",schemaPath:"#/properties/deployment/properties/resources/type",keyword:"type",params:{type: "object"},message:"must be object"};if(vErrors === null){vErrors = [err30];}else {vErrors.push(err30);}errors++;}}if(data2.volumes !== undefined){let data15 = data2.volumes;if(data15 && typeof data15 == "object" && !Array.isArray(data15)){if(data15.workspace !== undefined){let data16 = data15.workspace;if(data16 && typeof data16 == "object" && !Array.isArray(data16)){if(data16.path !== undefined){if(typeof data16.path !== "string"){const err31 = {instancePath:instancePath+"/deployment/volumes/workspace/path",schemaPath:"#/properties/deployment/properties/volumes/properties/workspace/properties/path/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err31];}else {vErrors.push(err31);}errors++;}}if(data16.size !== undefined){let data18 = data16.size;if(typeof data18 === "string"){if(!pattern2.test(data18)){const err32 = {instancePath:instancePath+"/deployment/volumes/workspace/size",schemaPath:"#/properties/deployment/properties/volumes/properties/workspace/properties/size/pattern",keyword:"pattern",params:{pattern: "^\\d+(MB|GB)$"},message:"must match pattern \""+"^\\d+(MB|GB)$"+"\""};if(vErrors === null){vErrors = [err32];}else {vErrors.push(err32);}errors++;}}else {const err33 = {instancePath:instancePath+"/deployment/volumes/workspace/size",schemaPath:"#/properties/deployment/properties/volumes/properties/workspace/properties/size/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err33];}else {vErrors.push(err33);}errors++;}}}else {const err34 = {instancePath:instancePath+"/deployment/volumes/workspace",schemaPath:"#/properties/deployment/properties/volumes/properties/workspace/type",keyword:"type",params:{type: "object"},message:"must be object"};if(vErrors === null){vErrors = [err34];}else {vErrors.push(err34);}errors++;}}}else {const err35 = {instancePath:instancePath+"/deployment/volumes",schemaPath:"#/properties/deployment/properties/volumes/type",keyword:"type",params:{type: "object"},message:"must be object"};if(vErrors === null){vErrors = [err35];}else {vErrors.push(err35);}errors++;}}}else {const err36 = {instancePath:instancePath+"/deployment",schemaPath:"#/properties/deployment/type",keyword:"type",params:{type: "object"},message:"must be object"};if(vErrors === null){vErrors = [err36];}else {vErrors.push(err36);}errors++;}}if(data.extensions !== undefined){let data19 = data.extensions;const _errs42 = errors;let valid6 = false;let passing0 = null;const _errs43 = errors;const _errs44 = errors;const _errs45 = errors;if(data19 && typeof data19 == "object" && !Array.isArray(data19)){let missing0;if((data19.active === undefined) && (missing0 = "active")){const err37 = {};if(vErrors === null){vErrors = [err37];}else {vErrors.push(err37);}errors++;}}var valid7 = _errs45 === errors;if(valid7){const err38 = {instancePath:instancePath+"/extensions",schemaPath:"#/properties/extensions/oneOf/0/not",keyword:"not",params:{},message:"must NOT be valid"};if(vErrors === null){vErrors = [err38];}else {vErrors.push(err38);}errors++;}else {errors = _errs44;if(vErrors !== null){if(_errs44){vErrors.length = _errs44;}else {vErrors = null;}}}if(data19 && typeof data19 == "object" && !Array.isArray(data19)){if(data19.profile === undefined){const err39 = {instancePath:instancePath+"/extensions",schemaPath:"#/properties/extensions/oneOf/0/required",keyword:"required",params:{missingProperty: "profile"},message:"must have required property '"+"profile"+"'"};if(vErrors === null){vErrors = [err39];}else {vErrors.push(err39);}errors++;}}var _valid0 = _errs43 === errors;if(_valid0){valid6 = true;passing0 = 0;}const _errs46 = errors;const _errs48 = errors;const _errs49 = errors;if(data19 && typeof data19 == "object" && !Array.isArray(data19)){let missing1;if((data19.profile === undefined) && (missing1 = "profile")){const err40 = {};if(vErrors === null){vErrors = [err40];}else {vErrors.push(err40);}errors++;}}var valid9 = _errs49 === errors;if(valid9){const err41 = {instancePath:instancePath+"/extensions",schemaPath:"#/properties/extensions/oneOf/1/allOf/0/not",keyword:"not",params:{},message:"must NOT be valid"};if(vErrors === null){vErrors = [err41];}else {vErrors.push(err41);}errors++;}else {errors = _errs48;if(vErrors !== null){if(_errs48){vErrors.length = _errs48;}else {vErrors = null;}}}const _errs51 = errors;const _errs52 = errors;if(data19 && typeof data19 == "object" && !Array.isArray(data19)){let missing2;if((data19.additional === undefined) && (missing2 = "additional")){const err42 = {};if(vErrors === null){vErrors = [err42];}else {vErrors.push(err42);}errors++;}}var valid10 = _errs52 === errors;if(valid10){const err43 = {instancePath:instancePath+"/extensions",schemaPath:"#/properties/extensions/oneOf/1/allOf/1/not",keyword:"not",params:{},message:"must NOT be valid"};if(vErrors === null){vErrors = [err43];}else {vErrors.push(err43);}errors++;}else {errors = _errs51;if(vErrors !== null){if(_errs51){vErrors.length = _errs51;}else {vErrors = null;}}}if(data19 && typeof data19 == "object" && !Array.isArray(data19)){if(data19.active === undefined){const err44 = {instancePath:instancePath+"/extensions",schemaPath:"#/properties/extensions/oneOf/1/required",keyword:"required",params:{missingProperty: "active"},message:"must have required property '"+"active"+"'"};if(vErrors === null){vErrors = [err44];}else {vErrors.push(err44);}errors++;}}var _valid0 = _errs46 === errors;if(_valid0 && valid6){valid6 = false;passing0 = [passing0, 1];}else {if(_valid0){valid6 = true;passing0 = 1;}}if(!valid6){const err45 = {instancePath:instancePath+"/extensions",schemaPath:"#/properties/extensions/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf"};if(vErrors === null){vErrors = [err45];}else {vErrors.push(err45);}errors++;}else {errors = _errs42;if(vErrors !== null){if(_errs42){vErrors.length = _errs42;}else {vErrors = null;}}}if(data19 && typeof data19 == "object" && !Array.isArray(data19)){for(const key1 in data19){if(!((((key1 === "profile") || (key1 === "active")) || (key1 === "additional")) || (key1 === "auto_install"))){const err46 = {instancePath:instancePath+"/extensions",schemaPath:"#/properties/extensions/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"};if(vErrors === null){vErrors = [err46];}else {vErrors.push(err46);}errors++;}}if(data19.profile !== undefined){let data20 = data19.profile;if(typeof data20 !== "string"){const err47 = {instancePath:instancePath+"/extensions/profile",schemaPath:"#/properties/extensions/properties/profile/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err47];}else {vErrors.push(err47);}errors++;}if(!(((((((((((data20 === "minimal") || (data20 === "fullstack")) || (data20 === "anthropic-dev")) || (data20 === "systems")) || (data20 === "enterprise")) || (data20 === "devops")) || (data20 === "mobile")) || (data20 === "visionflow-core")) || (data20 === "visionflow-data-scientist")) || (data20 === "visionflow-creative")) || (data20 === "visionflow-full"))){const err48 = {instancePath:instancePath+"/extensions/profile",schemaPath:"#/properties/extensions/properties/profile/enum",keyword:"enum",params:{allowedValues: schema11.properties.extensions.properties.profile.enum},message:"must be equal to one of the allowed values"};if(vErrors === null){vErrors = [err48];}else {vErrors.push(err48);}errors++;}}if(data19.active !== undefined){let data21 = data19.active;if(Array.isArray(data21)){const len0 = data21.length;for(let i0=0; i0<len0; i0++){if(typeof data21[i0] !== "string"){const err49 = {instancePath:instancePath+"/extensions/active/" + i0,schemaPath:"#/properties/extensions/properties/active/items/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err49];}else {vErrors.push(err49);}errors++;}}}else {const err50 = {instancePath:instancePath+"/extensions/active",schemaPath:"#/properties/extensions/properties/active/type",keyword:"type",params:{type: "array"},message:"must be array"};if(vErrors === null){vErrors = [err50];}else {vErrors.push(err50);}errors++;}}if(data19.additional !== undefined){let data23 = data19.additional;if(Array.isArray(data23)){const len1 = data23.length;for(let i1=0; i1<len1; i1++){if(typeof data23[i1] !== "string"){const err51 = {instancePath:instancePath+"/extensions/additional/" + i1,schemaPath:"#/properties/extensions/properties/additional/items/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err51];}else {vErrors.push(err51);}errors++;}}}else {const err52 = {instancePath:instancePath+"/extensions/additional",schemaPath:"#/properties/extensions/properties/additional/type",keyword:"type",params:{type: "array"},message:"must be array"};if(vErrors === null){vErrors = [err52];}else {vErrors.push(err52);}errors++;}}if(data19.auto_install !== undefined){if(typeof data19.auto_install !== "boolean"){const err53 = {instancePath:instancePath+"/extensions/auto_install",schemaPath:"#/properties/extensions/properties/auto_install/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};if(vErrors === null){vErrors = [err53];}else {vErrors.push(err53);}errors++;}}}else {const err54 = {instancePath:instancePath+"/extensions",schemaPath:"#/properties/extensions/type",keyword:"type",params:{type: "object"},message:"must be object"};if(vErrors === null){vErrors = [err54];}else {vErrors.push(err54);}errors++;}}if(data.secrets !== undefined){let data26 = data.secrets;if(Array.isArray(data26)){const len2 = data26.length;for(let i2=0; i2<len2; i2++){let data27 = data26[i2];const _errs71 = errors;let valid19 = true;const _errs72 = errors;if(data27 && typeof data27 == "object" && !Array.isArray(data27)){if(data27.source !== undefined){if("file" !== data27.source){const err55 = {};if(vErrors === null){vErrors = [err55];}else {vErrors.push(err55);}errors++;}}}var _valid1 = _errs72 === errors;errors = _errs71;if(vErrors !== null){if(_errs71){vErrors.length = _errs71;}else {vErrors = null;}}if(_valid1){const _errs74 = errors;if(data27 && typeof data27 == "object" && !Array.isArray(data27)){if(data27.path === undefined){const err56 = {instancePath:instancePath+"/secrets/" + i2,schemaPath:"#/properties/secrets/items/allOf/0/then/required",keyword:"required",params:{missingProperty: "path"},message:"must have required property '"+"path"+"'"};if(vErrors === null){vErrors = [err56];}else {vErrors.push(err56);}errors++;}if(data27.mountPath === undefined){const err57 = {instancePath:instancePath+"/secrets/" + i2,schemaPath:"#/properties/secrets/items/allOf/0/then/required",keyword:"required",params:{missingProperty: "mountPath"},message:"must have required property '"+"mountPath"+"'"};if(vErrors === null){vErrors = [err57];}else {vErrors.push(err57);}errors++;}}var _valid1 = _errs74 === errors;valid19 = _valid1;}if(!valid19){const err58 = {instancePath:instancePath+"/secrets/" + i2,schemaPath:"#/properties/secrets/items/allOf/0/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema"};if(vErrors === null){vErrors = [err58];}else {vErrors.push(err58);}errors++;}const _errs76 = errors;let valid21 = true;const _errs77 = errors;if(data27 && typeof data27 == "object" && !Array.isArray(data27)){if(data27.source !== undefined){if("vault" !== data27.source){const err59 = {};if(vErrors === null){vErrors = [err59];}else {vErrors.push(err59);}errors++;}}}var _valid2 = _errs77 === errors;errors = _errs76;if(vErrors !== null){if(_errs76){vErrors.length = _errs76;}else {vErrors = null;}}if(_valid2){const _errs79 = errors;if(data27 && typeof data27 == "object" && !Array.isArray(data27)){if(data27.vaultPath === undefined){const err60 = {instancePath:instancePath+"/secrets/" + i2,schemaPath:"#/properties/secrets/items/allOf/1/then/required",keyword:"required",params:{missingProperty: "vaultPath"},message:"must have required property '"+"vaultPath"+"'"};if(vErrors === null){vErrors = [err60];}else {vErrors.push(err60);}errors++;}if(data27.vaultKey === undefined){const err61 = {instancePath:instancePath+"/secrets/" + i2,schemaPath:"#/properties/secrets/items/allOf/1/then/required",keyword:"required",params:{missingProperty: "vaultKey"},message:"must have required property '"+"vaultKey"+"'"};if(vErrors === null){vErrors = [err61];}else {vErrors.push(err61);}errors++;}}var _valid2 = _errs79 === errors;valid21 = _valid2;}if(!valid21){const err62 = {instancePath:instancePath+"/secrets/" + i2,schemaPath:"#/properties/secrets/items/allOf/1/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema"};if(vErrors === null){vErrors = [err62];}else {vErrors.push(err62);}errors++;}if(data27 && typeof data27 == "object" && !Array.isArray(data27)){if(data27.name === undefined){const err63 = {instancePath:instancePath+"/secrets/" + i2,schemaPath:"#/properties/secrets/items/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'"};if(vErrors === null){vErrors = [err63];}else {vErrors.push(err63);}errors++;}if(data27.source === undefined){const err64 = {instancePath:instancePath+"/secrets/" + i2,schemaPath:"#/properties/secrets/items/required",keyword:"required",params:{missingProperty: "source"},message:"must have required property '"+"source"+"'"};if(vErrors === null){vErrors = [err64];}else {vErrors.push(err64);}errors++;}if(data27.name !== undefined){let data30 = data27.name;if(typeof data30 === "string"){if(!pattern5.test(data30)){const err65 = {instancePath:instancePath+"/secrets/" + i2+"/name",schemaPath:"#/properties/secrets/items/properties/name/pattern",keyword:"pattern",params:{pattern: "^[A-Z][A-Z0-9_]*$"},message:"must match pattern \""+"^[A-Z][A-Z0-9_]*$"+"\""};if(vErrors === null){vErrors = [err65];}else {vErrors.push(err65);}errors++;}}else {const err66 = {instancePath:instancePath+"/secrets/" + i2+"/name",schemaPath:"#/properties/secrets/items/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err66];}else {vErrors.push(err66);}errors++;}}if(data27.source !== undefined){let data31 = data27.source;if(typeof data31 !== "string"){const err67 = {instancePath:instancePath+"/secrets/" + i2+"/source",schemaPath:"#/properties/secrets/items/properties/source/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err67];}else {vErrors.push(err67);}errors++;}if(!(((data31 === "env") || (data31 === "file")) || (data31 === "vault"))){const err68 = {instancePath:instancePath+"/secrets/" + i2+"/source",schemaPath:"#/properties/secrets/items/properties/source/enum",keyword:"enum",params:{allowedValues: schema11.properties.secrets.items.properties.source.enum},message:"must be equal to one of the allowed values"};if(vErrors === null){vErrors = [err68];}else {vErrors.push(err68);}errors++;}}if(data27.fromFile !== undefined){if(typeof data27.fromFile !== "string"){const err69 = {instancePath:instancePath+"/secrets/" + i2+"/fromFile",schemaPath:"#/properties/secrets/items/properties/fromFile/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err69];}else {vErrors.push(err69);}errors++;}}if(data27.required !== undefined){if(typeof data27.required !== "boolean"){const err70 = {instancePath:instancePath+"/secrets/" + i2+"/required",schemaPath:"#/properties/secrets/items/properties/required/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};if(vErrors === null){vErrors = [err70];}else {vErrors.push(err70);}errors++;}}if(data27.path !== undefined){if(typeof data27.path !== "string"){const err71 = {instancePath:instancePath+"/secrets/" + i2+"/path",schemaPath:"#/properties/secrets/items/properties/path/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err71];}else {vErrors.push(err71);}errors++;}}if(data27.mountPath !== undefined){if(typeof data27.mountPath !== "string"){const err72 = {instancePath:instancePath+"/secrets/" + i2+"/mountPath",schemaPath:"#/properties/secrets/items/properties/mountPath/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err72];}else {vErrors.push(err72);}errors++;}}if(data27.permissions !== undefined){let data36 = data27.permissions;if(typeof data36 === "string"){if(!pattern6.test(data36)){const err73 = {instancePath:instancePath+"/secrets/" + i2+"/permissions",schemaPath:"#/properties/secrets/items/properties/permissions/pattern",keyword:"pattern",params:{pattern: "^0[0-7]{3}$"},message:"must match pattern \""+"^0[0-7]{3}$"+"\""};if(vErrors === null){vErrors = [err73];}else {vErrors.push(err73);}errors++;}}else {const err74 = {instancePath:instancePath+"/secrets/" + i2+"/permissions",schemaPath:"#/properties/secrets/items/properties/permissions/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err74];}else {vErrors.push(err74);}errors++;}}if(data27.vaultPath !== undefined){if(typeof data27.vaultPath !== "string"){const err75 = {instancePath:instancePath+"/secrets/" + i2+"/vaultPath",schemaPath:"#/properties/secrets/items/properties/vaultPath/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err75];}else {vErrors.push(err75);}errors++;}}if(data27.vaultKey !== undefined){if(typeof data27.vaultKey !== "string"){const err76 = {instancePath:instancePath+"/secrets/" + i2+"/vaultKey",schemaPath:"#/properties/secrets/items/properties/vaultKey/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err76];}else {vErrors.push(err76);}errors++;}}if(data27.vaultMount !== undefined){if(typeof data27.vaultMount !== "string"){const err77 = {instancePath:instancePath+"/secrets/" + i2+"/vaultMount",schemaPath:"#/properties/secrets/items/properties/vaultMount/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err77];}else {vErrors.push(err77);}errors++;}}}else {const err78 = {instancePath:instancePath+"/secrets/" + i2,schemaPath:"#/properties/secrets/items/type",keyword:"type",params:{type: "object"},message:"must be object"};if(vErrors === null){vErrors = [err78];}else {vErrors.push(err78);}errors++;}}}else {const err79 = {instancePath:instancePath+"/secrets",schemaPath:"#/properties/secrets/type",keyword:"type",params:{type: "array"},message:"must be array"};if(vErrors === null){vErrors = [err79];}else {vErrors.push(err79);}errors++;}}if(data.providers !== undefined){let data40 = data.providers;if(data40 && typeof data40 == "object" && !Array.isArray(data40)){if(data40.fly !== undefined){let data41 = data40.fly;if(data41 && typeof data41 == "object" && !Array.isArray(data41)){if(data41.region !== undefined){if(typeof data41.region !== "string"){const err80 = {instancePath:instancePath+"/providers/fly/region",schemaPath:"#/properties/providers/properties/fly/properties/region/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err80];}else {vErrors.push(err80);}errors++;}}if(data41.autoStopMachines !== undefined){if(typeof data41.autoStopMachines !== "boolean"){const err81 = {instancePath:instancePath+"/providers/fly/autoStopMachines",schemaPath:"#/properties/providers/properties/fly/properties/autoStopMachines/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};if(vErrors === null){vErrors = [err81];}else {vErrors.push(err81);}errors++;}}if(data41.autoStartMachines !== undefined){if(typeof data41.autoStartMachines !== "boolean"){const err82 = {instancePath:instancePath+"/providers/fly/autoStartMachines",schemaPath:"#/properties/providers/properties/fly/properties/autoStartMachines/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};if(vErrors === null){vErrors = [err82];}else {vErrors.push(err82);}errors++;}}if(data41.cpuKind !== undefined){let data45 = data41.cpuKind;if(typeof data45 !== "string"){const err83 = {instancePath:instancePath+"/providers/fly/cpuKind",schemaPath:"#/properties/providers/properties/fly/properties/cpuKind/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err83];}else {vErrors.push(err83);}errors++;}if(!((data45 === "shared") || (data45 === "performance"))){const err84 = {instancePath:instancePath+"/providers/fly/cpuKind",schemaPath:"#/properties/providers/properties/fly/properties/cpuKind/enum",keyword:"enum",params:{allowedValues: schema11.properties.providers.properties.fly.properties.cpuKind.enum},message:"must be equal to one of the allowed values"};if(vErrors === null){vErrors = [err84];}else {vErrors.push(err84);}errors++;}}if(data41.sshPort !== undefined){let data46 = data41.sshPort;if(!((typeof data46 == "number") && (!(data46 % 1) && !isNaN(data46)))){const err85 = {instancePath:instancePath+"/providers/fly/sshPort",schemaPath:"#/properties/providers/properties/fly/properties/sshPort/type",keyword:"type",params:{type: "integer"},message:"must be integer"};if(vErrors === null){vErrors = [err85];}else {vErrors.push(err85);}errors++;}if(typeof data46 == "number"){if(data46 > 65535 || isNaN(data46)){const err86 = {instancePath:instancePath+"/providers/fly/sshPort",schemaPath:"#/properties/providers/properties/fly/properties/sshPort/maximum",keyword:"maximum",params:{comparison: "<=", limit: 65535},message:"must be <= 65535"};if(vErrors === null){vErrors = [err86];}else {vErrors.push(err86);}errors++;}if(data46 < 1024 || isNaN(data46)){const err87 = {instancePath:instancePath+"/providers/fly/sshPort",schemaPath:"#/properties/providers/properties/fly/properties/sshPort/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1024},message:"must be >= 1024"};if(vErrors === null){vErrors = [err87];}else {vErrors.push(err87);}errors++;}}}if(data41.organization !== undefined){if(typeof data41.organization !== "string"){const err88 = {instancePath:instancePath+"/providers/fly/organization",schemaPath:"#/properties/providers/properties/fly/properties/organization/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err88];}else {vErrors.push(err88);}errors++;}}if(data41.highAvailability !== undefined){if(typeof data41.highAvailability !== "boolean"){const err89 = {instancePath:instancePath+"/providers/fly/highAvailability",schemaPath:"#/properties/providers/properties/fly/properties/highAvailability/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};if(vErrors === null){vErrors = [err89];}else {vErrors.push(err89);}errors++;}}}else {const err90 = {instancePath:instancePath+"/providers/fly",schemaPath:"#/properties/providers/properties/fly/type",keyword:"type",params:{type: "object"},message:"must be object"};if(vErrors === null){vErrors = [err90];}else {vErrors.push(err90);}errors++;}}if(data40.docker !== undefined){let data49 = data40.docker;if(data49 && typeof data49 == "object" && !Array.isArray(data49)){if(data49.network !== undefined){let data50 = data49.network;if(typeof data50 !== "string"){const err91 = {instancePath:instancePath+"/providers/docker/network",schemaPath:"#/properties/providers/properties/docker/properties/network/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err91];}else {vErrors.push(err91);}errors++;}if(!(((data50 === "bridge") || (data50 === "host")) || (data50 === "none"))){const err92 = {instancePath:instancePath+"/providers/docker/network",schemaPath:"#/properties/providers/properties/docker/properties/network/enum",keyword:"enum",params:{allowedValues: schema11.properties.providers.properties.docker.properties.network.enum},message:"must be equal to one of the allowed values"};if(vErrors === null){vErrors = [err92];}else {vErrors.push(err92);}errors++;}}if(data49.restart !== undefined){let data51 = data49.restart;if(typeof data51 !== "string"){const err93 = {instancePath:instancePath+"/providers/docker/restart",schemaPath:"#/properties/providers/properties/docker/properties/restart/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err93];}else {vErrors.push(err93);}errors++;}if(!((((data51 === "no") || (data51 === "always")) || (data51 === "on-failure")) || (data51 === "unless-stopped"))){const err94 = {instancePath:instancePath+"/providers/docker/restart",schemaPath:"#/properties/providers/properties/docker/properties/restart/enum",keyword:"enum",params:{allowedValues: schema11.properties.providers.properties.docker.properties.restart.enum},message:"must be equal to one of the allowed values"};if(vErrors === null){vErrors = [err94];}else {vErrors.push(err94);}errors++;}}if(data49.ports !== undefined){let data52 = data49.ports;if(Array.isArray(data52)){const len3 = data52.length;for(let i3=0; i3<len3; i3++){let data53 = data52[i3];if(typeof data53 === "string"){if(!pattern7.test(data53)){const err95 = {instancePath:instancePath+"/providers/docker/ports/" + i3,schemaPath:"#/properties/providers/properties/docker/properties/ports/items/pattern",keyword:"pattern",params:{pattern: "^\\d+:\\d+$"},message:"must match pattern \""+"^\\d+:\\d+$"+"\""};if(vErrors === null){vErrors = [err95];}else {vErrors.push(err95);}errors++;}}else {const err96 = {instancePath:instancePath+"/providers/docker/ports/" + i3,schemaPath:"#/properties/providers/properties/docker/properties/ports/items/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err96];}else {vErrors.push(err96);}errors++;}}}else {const err97 = {instancePath:instancePath+"/providers/docker/ports",schemaPath:"#/properties/providers/properties/docker/properties/ports/type",keyword:"type",params:{type: "array"},message:"must be array"};if(vErrors === null){vErrors = [err97];}else {vErrors.push(err97);}errors++;}}if(data49.privileged !== undefined){if(typeof data49.privileged !== "boolean"){const err98 = {instancePath:instancePath+"/providers/docker/privileged",schemaPath:"#/properties/providers/properties/docker/properties/privileged/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};if(vErrors === null){vErrors = [err98];}else {vErrors.push(err98);}errors++;}}if(data49.extraHosts !== undefined){let data55 = data49.extraHosts;if(Array.isArray(data55)){const len4 = data55.length;for(let i4=0; i4<len4; i4++){if(typeof data55[i4] !== "string"){const err99 = {instancePath:instancePath+"/providers/docker/extraHosts/" + i4,schemaPath:"#/properties/providers/properties/docker/properties/extraHosts/items/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err99];}else {vErrors.push(err99);}errors++;}}}else {const err100 = {instancePath:instancePath+"/providers/docker/extraHosts",schemaPath:"#/properties/providers/properties/docker/properties/extraHosts/type",keyword:"type",params:{type: "array"},message:"must be array"};if(vErrors === null){vErrors = [err100];}else {vErrors.push(err100);}errors++;}}if(data49.runtime !== undefined){let data57 = data49.runtime;if(typeof data57 !== "string"){const err101 = {instancePath:instancePath+"/providers/docker/runtime",schemaPath:"#/properties/providers/properties/docker/properties/runtime/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err101];}else {vErrors.push(err101);}errors++;}if(!(((data57 === "runc") || (data57 === "sysbox-runc")) || (data57 === "auto"))){const err102 = {instancePath:instancePath+"/providers/docker/runtime",schemaPath:"#/properties/providers/properties/docker/properties/runtime/enum",keyword:"enum",params:{allowedValues: schema11.properties.providers.properties.docker.properties.runtime.enum},message:"must be equal to one of the allowed values"};if(vErrors === null){vErrors = [err102];}else {vErrors.push(err102);}errors++;}}if(data49.dind !== undefined){let data58 = data49.dind;if(data58 && typeof data58 == "object" && !Array.isArray(data58)){for(const key2 in data58){if(!((((key2 === "enabled") || (key2 === "mode")) || (key2 === "storageDriver")) || (key2 === "storageSize"))){const err103 = {instancePath:instancePath+"/providers/docker/dind",schemaPath:"#/properties/providers/properties/docker/properties/dind/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties"};if(vErrors === null){vErrors = [err103];}else {vErrors.push(err103);}errors++;}}if(data58.enabled !== undefined){if(typeof data58.enabled !== "boolean"){const err104 = {instancePath:instancePath+"/providers/docker/dind/enabled",schemaPath:"#/properties/providers/properties/docker/properties/dind/properties/enabled/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};if(vErrors === null){vErrors = [err104];}else {vErrors.push(err104);}errors++;}}if(data58.mode !== undefined){let data60 = data58.mode;if(typeof data60 !== "string"){const err105 = {instancePath:instancePath+"/providers/docker/dind/mode",schemaPath:"#/properties/providers/properties/docker/properties/dind/properties/mode/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err105];}else {vErrors.push(err105);}errors++;}if(!((((data60 === "sysbox") || (data60 === "privileged")) || (data60 === "socket")) || (data60 === "auto"))){const err106 = {instancePath:instancePath+"/providers/docker/dind/mode",schemaPath:"#/properties/providers/properties/docker/properties/dind/properties/mode/enum",keyword:"enum",params:{allowedValues: schema11.properties.providers.properties.docker.properties.dind.properties.mode.enum},message:"must be equal to one of the allowed values"};if(vErrors === null){vErrors = [err106];}else {vErrors.push(err106);}errors++;}}if(data58.storageDriver !== undefined){let data61 = data58.storageDriver;if(typeof data61 !== "string"){const err107 = {instancePath:instancePath+"/providers/docker/dind/storageDriver",schemaPath:"#/properties/providers/properties/docker/properties/dind/properties/storageDriver/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err107];}else {vErrors.push(err107);}errors++;}if(!((((data61 === "auto") || (data61 === "overlay2")) || (data61 === "fuse-overlayfs")) || (data61 === "vfs"))){const err108 = {instancePath:instancePath+"/providers/docker/dind/storageDriver",schemaPath:"#/properties/providers/properties/docker/properties/dind/properties/storageDriver/enum",keyword:"enum",params:{allowedValues: schema11.properties.providers.properties.docker.properties.dind.properties.storageDriver.enum},message:"must be equal to one of the allowed values"};if(vErrors === null){vErrors = [err108];}else {vErrors.push(err108);}errors++;}}if(data58.storageSize !== undefined){let data62 = data58.storageSize;if(typeof data62 === "string"){if(!pattern2.test(data62)){const err109 = {instancePath:instancePath+"/providers/docker/dind/storageSize",schemaPath:"#/properties/providers/properties/docker/properties/dind/properties/storageSize/pattern",keyword:"pattern",params:{pattern: "^\\d+(MB|GB)$"},message:"must match pattern \""+"^\\d+(MB|GB)$"+"\""};if(vErrors === null){vErrors = [err109];}else {vErrors.push(err109);}errors++;}}else {const err110 = {instancePath:instancePath+"/providers/docker/dind/storageSize",schemaPath:"#/properties/providers/properties/docker/properties/dind/properties/storageSize/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err110];}else {vErrors.push(err110);}errors++;}}}else {const err111 = {instancePath:instancePath+"/providers/docker/dind",schemaPath:"#/properties/providers/properties/docker/properties/dind/type",keyword:"type",params:{type: "object"},message:"must be object"};if(vErrors === null){vErrors = [err111];}else {vErrors.push(err111);}errors++;}}}else {const err112 = {instancePath:instancePath+"/providers/docker",schemaPath:"#/properties/providers/properties/docker/type",keyword:"type",params:{type: "object"},message:"must be object"};if(vErrors === null){vErrors = [err112];}else {vErrors.push(err112);}errors++;}}if(data40.kubernetes !== undefined){let data63 = data40.kubernetes;if(data63 && typeof data63 == "object" && !Array.isArray(data63)){if(data63.namespace !== undefined){if(typeof data63.namespace !== "string"){const err113 = {instancePath:instancePath+"/providers/kubernetes/namespace",schemaPath:"#/properties/providers/properties/kubernetes/properties/namespace/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err113];}else {vErrors.push(err113);}errors++;}}if(data63.storageClass !== undefined){if(typeof data63.storageClass !== "string"){const err114 = {instancePath:instancePath+"/providers/kubernetes/storageClass",schemaPath:"#/properties/providers/properties/kubernetes/properties/storageClass/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err114];}else {vErrors.push(err114);}errors++;}}if(data63.ingress !== undefined){let data66 = data63.ingress;if(data66 && typeof data66 == "object" && !Array.isArray(data66)){if(data66.enabled !== undefined){if(typeof data66.enabled !== "boolean"){const err115 = {instancePath:instancePath+"/providers/kubernetes/ingress/enabled",schemaPath:"#/properties/providers/properties/kubernetes/properties/ingress/properties/enabled/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};if(vErrors === null){vErrors = [err115];}else {vErrors.push(err115);}errors++;}}if(data66.hostname !== undefined){if(typeof data66.hostname !== "string"){const err116 = {instancePath:instancePath+"/providers/kubernetes/ingress/hostname",schemaPath:"#/properties/providers/properties/kubernetes/properties/ingress/properties/hostname/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err116];}else {vErrors.push(err116);}errors++;}}}else {const err117 = {instancePath:instancePath+"/providers/kubernetes/ingress",schemaPath:"#/properties/providers/properties/kubernetes/properties/ingress/type",keyword:"type",params:{type: "object"},message:"must be object"};if(vErrors === null){vErrors = [err117];}else {vErrors.push(err117);}errors++;}}}else {const err118 = {instancePath:instancePath+"/providers/kubernetes",schemaPath:"#/properties/providers/properties/kubernetes/type",keyword:"type",params:{type: "object"},message:"must be object"};if(vErrors === null){vErrors = [err118];}else {vErrors.push(err118);}errors++;}}if(data40.devpod !== undefined){let data69 = data40.devpod;if(data69 && typeof data69 == "object" && !Array.isArray(data69)){if(data69.type === undefined){const err119 = {instancePath:instancePath+"/providers/devpod",schemaPath:"#/properties/providers/properties/devpod/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'"};if(vErrors === null){vErrors = [err119];}else {vErrors.push(err119);}errors++;}if(data69.type !== undefined){let data70 = data69.type;if(typeof data70 !== "string"){const err120 = {instancePath:instancePath+"/providers/devpod/type",schemaPath:"#/properties/providers/properties/devpod/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err120];}else {vErrors.push(err120);}errors++;}if(!(((((((data70 === "aws") || (data70 === "gcp")) || (data70 === "azure")) || (data70 === "digitalocean")) || (data70 === "kubernetes")) || (data70 === "ssh")) || (data70 === "docker"))){const err121 = {instancePath:instancePath+"/providers/devpod/type",schemaPath:"#/properties/providers/properties/devpod/properties/type/enum",keyword:"enum",params:{allowedValues: schema11.properties.providers.properties.devpod.properties.type.enum},message:"must be equal to one of the allowed values"};if(vErrors === null){vErrors = [err121];}else {vErrors.push(err121);}errors++;}}if(data69.buildRepository !== undefined){if(typeof data69.buildRepository !== "string"){const err122 = {instancePath:instancePath+"/providers/devpod/buildRepository",schemaPath:"#/properties/providers/properties/devpod/properties/buildRepository/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err122];}else {vErrors.push(err122);}errors++;}}if(data69.aws !== undefined){let data72 = data69.aws;if(data72 && typeof data72 == "object" && !Array.isArray(data72)){if(data72.region !== undefined){if(typeof data72.region !== "string"){const err123 = {instancePath:instancePath+"/providers/devpod/aws/region",schemaPath:"#/properties/providers/properties/devpod/properties/aws/properties/region/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err123];}else {vErrors.push(err123);}errors++;}}if(data72.instanceType !== undefined){if(typeof data72.instanceType !== "string"){const err124 = {instancePath:instancePath+"/providers/devpod/aws/instanceType",schemaPath:"#/properties/providers/properties/devpod/properties/aws/properties/instanceType/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err124];}else {vErrors.push(err124);}errors++;}}if(data72.diskSize !== undefined){let data75 = data72.diskSize;if(!((typeof data75 == "number") && (!(data75 % 1) && !isNaN(data75)))){const err125 = {instancePath:instancePath+"/providers/devpod/aws/diskSize",schemaPath:"#/properties/providers/properties/devpod/properties/aws/properties/diskSize/type",keyword:"type",params:{type: "integer"},message:"must be integer"};if(vErrors === null){vErrors = [err125];}else {vErrors.push(err125);}errors++;}}if(data72.useSpot !== undefined){if(typeof data72.useSpot !== "boolean"){const err126 = {instancePath:instancePath+"/providers/devpod/aws/useSpot",schemaPath:"#/properties/providers/properties/devpod/properties/aws/properties/useSpot/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};if(vErrors === null){vErrors = [err126];}else {vErrors.push(err126);}errors++;}}if(data72.subnetId !== undefined){if(typeof data72.subnetId !== "string"){const err127 = {instancePath:instancePath+"/providers/devpod/aws/subnetId",schemaPath:"#/properties/providers/properties/devpod/properties/aws/properties/subnetId/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err127];}else {vErrors.push(err127);}errors++;}}if(data72.securityGroupId !== undefined){if(typeof data72.securityGroupId !== "string"){const err128 = {instancePath:instancePath+"/providers/devpod/aws/securityGroupId",schemaPath:"#/properties/providers/properties/devpod/properties/aws/properties/securityGroupId/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err128];}else {vErrors.push(err128);}errors++;}}}else {const err129 = {instancePath:instancePath+"/providers/devpod/aws",schemaPath:"#/properties/providers/properties/devpod/properties/aws/type",keyword:"type",params:{type: "object"},message:"must be object"};if(vErrors === null){vErrors = [err129];}else {vErrors.push(err129);}errors++;}}if(data69.gcp !== undefined){let data79 = data69.gcp;if(data79 && typeof data79 == "object" && !Array.isArray(data79)){if(data79.project !== undefined){if(typeof data79.project !== "string"){const err130 = {instancePath:instancePath+"/providers/devpod/gcp/project",schemaPath:"#/properties/providers/properties/devpod/properties/gcp/properties/project/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err130];}else {vErrors.push(err130);}errors++;}}if(data79.zone !== undefined){if(typeof data79.zone !== "string"){const err131 = {instancePath:instancePath+"/providers/devpod/gcp/zone",schemaPath:"#/properties/providers/properties/devpod/properties/gcp/properties/zone/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err131];}else {vErrors.push(err131);}errors++;}}if(data79.machineType !== undefined){if(typeof data79.machineType !== "string"){const err132 = {instancePath:instancePath+"/providers/devpod/gcp/machineType",schemaPath:"#/properties/providers/properties/devpod/properties/gcp/properties/machineType/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err132];}else {vErrors.push(err132);}errors++;}}if(data79.diskSize !== undefined){let data83 = data79.diskSize;if(!((typeof data83 == "number") && (!(data83 % 1) && !isNaN(data83)))){const err133 = {instancePath:instancePath+"/providers/devpod/gcp/diskSize",schemaPath:"#/properties/providers/properties/devpod/properties/gcp/properties/diskSize/type",keyword:"type",params:{type: "integer"},message:"must be integer"};if(vErrors === null){vErrors = [err133];}else {vErrors.push(err133);}errors++;}}if(data79.diskType !== undefined){let data84 = data79.diskType;if(typeof data84 !== "string"){const err134 = {instancePath:instancePath+"/providers/devpod/gcp/diskType",schemaPath:"#/properties/providers/properties/devpod/properties/gcp/properties/diskType/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err134];}else {vErrors.push(err134);}errors++;}if(!(((data84 === "pd-standard") || (data84 === "pd-balanced")) || (data84 === "pd-ssd"))){const err135 = {instancePath:instancePath+"/providers/devpod/gcp/diskType",schemaPath:"#/properties/providers/properties/devpod/properties/gcp/properties/diskType/enum",keyword:"enum",params:{allowedValues: schema11.properties.providers.properties.devpod.properties.gcp.properties.diskType.enum},message:"must be equal to one of the allowed values"};if(vErrors === null){vErrors = [err135];}else {vErrors.push(err135);}errors++;}}}else {const err136 = {instancePath:instancePath+"/providers/devpod/gcp",schemaPath:"#/properties/providers/properties/devpod/properties/gcp/type",keyword:"type",params:{type: "object"},message:"must be object"};if(vErrors === null){vErrors = [err136];}else {vErrors.push(err136);}errors++;}}if(data69.azure !== undefined){let data85 = data69.azure;if(data85 && typeof data85 == "object" && !Array.isArray(data85)){if(data85.subscription !== undefined){if(typeof data85.subscription !== "string"){const err137 = {instancePath:instancePath+"/providers/devpod/azure/subscription",schemaPath:"#/properties/providers/properties/devpod/properties/azure/properties/subscription/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err137];}else {vErrors.push(err137);}errors++;}}if(data85.resourceGroup !== undefined){if(typeof data85.resourceGroup !== "string"){const err138 = {instancePath:instancePath+"/providers/devpod/azure/resourceGroup",schemaPath:"#/properties/providers/properties/devpod/properties/azure/properties/resourceGroup/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err138];}else {vErrors.push(err138);}errors++;}}if(data85.location !== undefined){if(typeof data85.location !== "string"){const err139 = {instancePath:instancePath+"/providers/devpod/azure/location",schemaPath:"#/properties/providers/properties/devpod/properties/azure/properties/location/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err139];}else {vErrors.push(err139);}errors++;}}if(data85.vmSize !== undefined){if(typeof data85.vmSize !== "string"){const err140 = {instancePath:instancePath+"/providers/devpod/azure/vmSize",schemaPath:"#/properties/providers/properties/devpod/properties/azure/properties/vmSize/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err140];}else {vErrors.push(err140);}errors++;}}if(data85.diskSize !== undefined){let data90 = data85.diskSize;if(!((typeof data90 == "number") && (!(data90 % 1) && !isNaN(data90)))){const err141 = {instancePath:instancePath+"/providers/devpod/azure/diskSize",schemaPath:"#/properties/providers/properties/devpod/properties/azure/properties/diskSize/type",keyword:"type",params:{type: "integer"},message:"must be integer"};if(vErrors === null){vErrors = [err141];}else {vErrors.push(err141);}errors++;}}}else {const err142 = {instancePath:instancePath+"/providers/devpod/azure",schemaPath:"#/properties/providers/properties/devpod/properties/azure/type",keyword:"type",params:{type: "object"},message:"must be object"};if(vErrors === null){vErrors = [err142];}else {vErrors.push(err142);}errors++;}}if(data69.digitalocean !== undefined){let data91 = data69.digitalocean;if(data91 && typeof data91 == "object" && !Array.isArray(data91)){if(data91.region !== undefined){if(typeof data91.region !== "string"){const err143 = {instancePath:instancePath+"/providers/devpod/digitalocean/region",schemaPath:"#/properties/providers/properties/devpod/properties/digitalocean/properties/region/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err143];}else {vErrors.push(err143);}errors++;}}if(data91.size !== undefined){if(typeof data91.size !== "string"){const err144 = {instancePath:instancePath+"/providers/devpod/digitalocean/size",schemaPath:"#/properties/providers/properties/devpod/properties/digitalocean/properties/size/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err144];}else {vErrors.push(err144);}errors++;}}if(data91.diskSize !== undefined){let data94 = data91.diskSize;if(!((typeof data94 == "number") && (!(data94 % 1) && !isNaN(data94)))){const err145 = {instancePath:instancePath+"/providers/devpod/digitalocean/diskSize",schemaPath:"#/properties/providers/properties/devpod/properties/digitalocean/properties/diskSize/type",keyword:"type",params:{type: "integer"},message:"must be integer"};if(vErrors === null){vErrors = [err145];}else {vErrors.push(err145);}errors++;}}}else {const err146 = {instancePath:instancePath+"/providers/devpod/digitalocean",schemaPath:"#/properties/providers/properties/devpod/properties/digitalocean/type",keyword:"type",params:{type: "object"},message:"must be object"};if(vErrors === null){vErrors = [err146];}else {vErrors.push(err146);}errors++;}}if(data69.kubernetes !== undefined){let data95 = data69.kubernetes;if(data95 && typeof data95 == "object" && !Array.isArray(data95)){if(data95.namespace !== undefined){if(typeof data95.namespace !== "string"){const err147 = {instancePath:instancePath+"/providers/devpod/kubernetes/namespace",schemaPath:"#/properties/providers/properties/devpod/properties/kubernetes/properties/namespace/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err147];}else {vErrors.push(err147);}errors++;}}if(data95.storageClass !== undefined){if(typeof data95.storageClass !== "string"){const err148 = {instancePath:instancePath+"/providers/devpod/kubernetes/storageClass",schemaPath:"#/properties/providers/properties/devpod/properties/kubernetes/properties/storageClass/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err148];}else {vErrors.push(err148);}errors++;}}if(data95.context !== undefined){if(typeof data95.context !== "string"){const err149 = {instancePath:instancePath+"/providers/devpod/kubernetes/context",schemaPath:"#/properties/providers/properties/devpod/properties/kubernetes/properties/context/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err149];}else {vErrors.push(err149);}errors++;}}if(data95.nodeSelector !== undefined){let data99 = data95.nodeSelector;if(data99 && typeof data99 == "object" && !Array.isArray(data99)){for(const key3 in data99){if(typeof data99[key3] !== "string"){const err150 = {instancePath:instancePath+"/providers/devpod/kubernetes/nodeSelector/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/providers/properties/devpod/properties/kubernetes/properties/nodeSelector/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err150];}else {vErrors.push(err150);}errors++;}}}else {const err151 = {instancePath:instancePath+"/providers/devpod/kubernetes/nodeSelector",schemaPath:"#/properties/providers/properties/devpod/properties/kubernetes/properties/nodeSelector/type",keyword:"type",params:{type: "object"},message:"must be object"};if(vErrors === null){vErrors = [err151];}else {vErrors.push(err151);}errors++;}}}else {const err152 = {instancePath:instancePath+"/providers/devpod/kubernetes",schemaPath:"#/properties/providers/properties/devpod/properties/kubernetes/type",keyword:"type",params:{type: "object"},message:"must be object"};if(vErrors === null){vErrors = [err152];}else {vErrors.push(err152);}errors++;}}if(data69.ssh !== undefined){let data101 = data69.ssh;if(data101 && typeof data101 == "object" && !Array.isArray(data101)){if(data101.host !== undefined){if(typeof data101.host !== "string"){const err153 = {instancePath:instancePath+"/providers/devpod/ssh/host",schemaPath:"#/properties/providers/properties/devpod/properties/ssh/properties/host/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err153];}else {vErrors.push(err153);}errors++;}}if(data101.user !== undefined){if(typeof data101.user !== "string"){const err154 = {instancePath:instancePath+"/providers/devpod/ssh/user",schemaPath:"#/properties/providers/properties/devpod/properties/ssh/properties/user/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err154];}else {vErrors.push(err154);}errors++;}}if(data101.port !== undefined){let data104 = data101.port;if(!((typeof data104 == "number") && (!(data104 % 1) && !isNaN(data104)))){const err155 = {instancePath:instancePath+"/providers/devpod/ssh/port",schemaPath:"#/properties/providers/properties/devpod/properties/ssh/properties/port/type",keyword:"type",params:{type: "integer"},message:"must be integer"};if(vErrors === null){vErrors = [err155];}else {vErrors.push(err155);}errors++;}}if(data101.keyPath !== undefined){if(typeof data101.keyPath !== "string"){const err156 = {instancePath:instancePath+"/providers/devpod/ssh/keyPath",schemaPath:"#/properties/providers/properties/devpod/properties/ssh/properties/keyPath/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err156];}else {vErrors.push(err156);}errors++;}}}else {const err157 = {instancePath:instancePath+"/providers/devpod/ssh",schemaPath:"#/properties/providers/properties/devpod/properties/ssh/type",keyword:"type",params:{type: "object"},message:"must be object"};if(vErrors === null){vErrors = [err157];}else {vErrors.push(err157);}errors++;}}if(data69.docker !== undefined){let data106 = data69.docker;if(data106 && typeof data106 == "object" && !Array.isArray(data106)){if(data106.dockerHost !== undefined){if(typeof data106.dockerHost !== "string"){const err158 = {instancePath:instancePath+"/providers/devpod/docker/dockerHost",schemaPath:"#/properties/providers/properties/devpod/properties/docker/properties/dockerHost/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err158];}else {vErrors.push(err158);}errors++;}}}else {const err159 = {instancePath:instancePath+"/providers/devpod/docker",schemaPath:"#/properties/providers/properties/devpod/properties/docker/type",keyword:"type",params:{type: "object"},message:"must be object"};if(vErrors === null){vErrors = [err159];}else {vErrors.push(err159);}errors++;}}}else {const err160 = {instancePath:instancePath+"/providers/devpod",schemaPath:"#/properties/providers/properties/devpod/type",keyword:"type",params:{type: "object"},message:"must be object"};if(vErrors === null){vErrors = [err160];}else {vErrors.push(err160);}errors++;}}if(data40.k8s !== undefined){let data108 = data40.k8s;if(data108 && typeof data108 == "object" && !Array.isArray(data108)){if(data108.provider !== undefined){let data109 = data108.provider;if(typeof data109 !== "string"){const err161 = {instancePath:instancePath+"/providers/k8s/provider",schemaPath:"#/properties/providers/properties/k8s/properties/provider/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err161];}else {vErrors.push(err161);}errors++;}if(!((data109 === "kind") || (data109 === "k3d"))){const err162 = {instancePath:instancePath+"/providers/k8s/provider",schemaPath:"#/properties/providers/properties/k8s/properties/provider/enum",keyword:"enum",params:{allowedValues: schema11.properties.providers.properties.k8s.properties.provider.enum},message:"must be equal to one of the allowed values"};if(vErrors === null){vErrors = [err162];}else {vErrors.push(err162);}errors++;}}if(data108.clusterName !== undefined){let data110 = data108.clusterName;if(typeof data110 === "string"){if(!pattern1.test(data110)){const err163 = {instancePath:instancePath+"/providers/k8s/clusterName",schemaPath:"#/properties/providers/properties/k8s/properties/clusterName/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9-]*$"},message:"must match pattern \""+"^[a-z][a-z0-9-]*$"+"\""};if(vErrors === null){vErrors = [err163];}else {vErrors.push(err163);}errors++;}}else {const err164 = {instancePath:instancePath+"/providers/k8s/clusterName",schemaPath:"#/properties/providers/properties/k8s/properties/clusterName/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err164];}else {vErrors.push(err164);}errors++;}}if(data108.version !== undefined){let data111 = data108.version;if(typeof data111 === "string"){if(!pattern10.test(data111)){const err165 = {instancePath:instancePath+"/providers/k8s/version",schemaPath:"#/properties/providers/properties/k8s/properties/version/pattern",keyword:"pattern",params:{pattern: "^v?\\d+\\.\\d+\\.\\d+$"},message:"must match pattern \""+"^v?\\d+\\.\\d+\\.\\d+$"+"\""};if(vErrors === null){vErrors = [err165];}else {vErrors.push(err165);}errors++;}}else {const err166 = {instancePath:instancePath+"/providers/k8s/version",schemaPath:"#/properties/providers/properties/k8s/properties/version/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err166];}else {vErrors.push(err166);}errors++;}}if(data108.nodes !== undefined){let data112 = data108.nodes;if(!((typeof data112 == "number") && (!(data112 % 1) && !isNaN(data112)))){const err167 = {instancePath:instancePath+"/providers/k8s/nodes",schemaPath:"#/properties/providers/properties/k8s/properties/nodes/type",keyword:"type",params:{type: "integer"},message:"must be integer"};if(vErrors === null){vErrors = [err167];}else {vErrors.push(err167);}errors++;}if(typeof data112 == "number"){if(data112 > 10 || isNaN(data112)){const err168 = {instancePath:instancePath+"/providers/k8s/nodes",schemaPath:"#/properties/providers/properties/k8s/properties/nodes/maximum",keyword:"maximum",params:{comparison: "<=", limit: 10},message:"must be <= 10"};if(vErrors === null){vErrors = [err168];}else {vErrors.push(err168);}errors++;}if(data112 < 1 || isNaN(data112)){const err169 = {instancePath:instancePath+"/providers/k8s/nodes",schemaPath:"#/properties/providers/properties/k8s/properties/nodes/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};if(vErrors === null){vErrors = [err169];}else {vErrors.push(err169);}errors++;}}}if(data108.kind !== undefined){let data113 = data108.kind;if(data113 && typeof data113 == "object" && !Array.isArray(data113)){if(data113.image !== undefined){if(typeof data113.image !== "string"){const err170 = {instancePath:instancePath+"/providers/k8s/kind/image",schemaPath:"#/properties/providers/properties/k8s/properties/kind/properties/image/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err170];}else {vErrors.push(err170);}errors++;}}if(data113.configFile !== undefined){if(typeof data113.configFile !== "string"){const err171 = {instancePath:instancePath+"/providers/k8s/kind/configFile",schemaPath:"#/properties/providers/properties/k8s/properties/kind/properties/configFile/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err171];}else {vErrors.push(err171);}errors++;}}}else {const err172 = {instancePath:instancePath+"/providers/k8s/kind",schemaPath:"#/properties/providers/properties/k8s/properties/kind/type",keyword:"type",params:{type: "object"},message:"must be object"};if(vErrors === null){vErrors = [err172];}else {vErrors.push(err172);}errors++;}}if(data108.k3d !== undefined){let data116 = data108.k3d;if(data116 && typeof data116 == "object" && !Array.isArray(data116)){if(data116.image !== undefined){if(typeof data116.image !== "string"){const err173 = {instancePath:instancePath+"/providers/k8s/k3d/image",schemaPath:"#/properties/providers/properties/k8s/properties/k3d/properties/image/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err173];}else {vErrors.push(err173);}errors++;}}if(data116.registry !== undefined){let data118 = data116.registry;if(data118 && typeof data118 == "object" && !Array.isArray(data118)){if(data118.enabled !== undefined){if(typeof data118.enabled !== "boolean"){const err174 = {instancePath:instancePath+"/providers/k8s/k3d/registry/enabled",schemaPath:"#/properties/providers/properties/k8s/properties/k3d/properties/registry/properties/enabled/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};if(vErrors === null){vErrors = [err174];}else {vErrors.push(err174);}errors++;}}if(data118.name !== undefined){if(typeof data118.name !== "string"){const err175 = {instancePath:instancePath+"/providers/k8s/k3d/registry/name",schemaPath:"#/properties/providers/properties/k8s/properties/k3d/properties/registry/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err175];}else {vErrors.push(err175);}errors++;}}if(data118.port !== undefined){let data121 = data118.port;if(!((typeof data121 == "number") && (!(data121 % 1) && !isNaN(data121)))){const err176 = {instancePath:instancePath+"/providers/k8s/k3d/registry/port",schemaPath:"#/properties/providers/properties/k8s/properties/k3d/properties/registry/properties/port/type",keyword:"type",params:{type: "integer"},message:"must be integer"};if(vErrors === null){vErrors = [err176];}else {vErrors.push(err176);}errors++;}}}else {const err177 = {instancePath:instancePath+"/providers/k8s/k3d/registry",schemaPath:"#/properties/providers/properties/k8s/properties/k3d/properties/registry/type",keyword:"type",params:{type: "object"},message:"must be object"};if(vErrors === null){vErrors = [err177];}else {vErrors.push(err177);}errors++;}}}else {const err178 = {instancePath:instancePath+"/providers/k8s/k3d",schemaPath:"#/properties/providers/properties/k8s/properties/k3d/type",keyword:"type",params:{type: "object"},message:"must be object"};if(vErrors === null){vErrors = [err178];}else {vErrors.push(err178);}errors++;}}}else {const err179 = {instancePath:instancePath+"/providers/k8s",schemaPath:"#/properties/providers/properties/k8s/type",keyword:"type",params:{type: "object"},message:"must be object"};if(vErrors === null){vErrors = [err179];}else {vErrors.push(err179);}errors++;}}if(data40.e2b !== undefined){let data122 = data40.e2b;if(data122 && typeof data122 == "object" && !Array.isArray(data122)){for(const key4 in data122){if(!(func2.call(schema11.properties.providers.properties.e2b.properties, key4))){const err180 = {instancePath:instancePath+"/providers/e2b",schemaPath:"#/properties/providers/properties/e2b/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties"};if(vErrors === null){vErrors = [err180];}else {vErrors.push(err180);}errors++;}}if(data122.templateAlias !== undefined){let data123 = data122.templateAlias;if(typeof data123 === "string"){if(!pattern1.test(data123)){const err181 = {instancePath:instancePath+"/providers/e2b/templateAlias",schemaPath:"#/properties/providers/properties/e2b/properties/templateAlias/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9-]*$"},message:"must match pattern \""+"^[a-z][a-z0-9-]*$"+"\""};if(vErrors === null){vErrors = [err181];}else {vErrors.push(err181);}errors++;}}else {const err182 = {instancePath:instancePath+"/providers/e2b/templateAlias",schemaPath:"#/properties/providers/properties/e2b/properties/templateAlias/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err182];}else {vErrors.push(err182);}errors++;}}if(data122.reuseTemplate !== undefined){if(typeof data122.reuseTemplate !== "boolean"){const err183 = {instancePath:instancePath+"/providers/e2b/reuseTemplate",schemaPath:"#/properties/providers/properties/e2b/properties/reuseTemplate/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};if(vErrors === null){vErrors = [err183];}else {vErrors.push(err183);}errors++;}}if(data122.timeout !== undefined){let data125 = data122.timeout;if(!((typeof data125 == "number") && (!(data125 % 1) && !isNaN(data125)))){const err184 = {instancePath:instancePath+"/providers/e2b/timeout",schemaPath:"#/properties/providers/properties/e2b/properties/timeout/type",keyword:"type",params:{type: "integer"},message:"must be integer"};if(vErrors === null){vErrors = [err184];}else {vErrors.push(err184);}errors++;}if(typeof data125 == "number"){if(data125 > 86400 || isNaN(data125)){const err185 = {instancePath:instancePath+"/providers/e2b/timeout",schemaPath:"#/properties/providers/properties/e2b/properties/timeout/maximum",keyword:"maximum",params:{comparison: "<=", limit: 86400},message:"must be <= 86400"};if(vErrors === null){vErrors = [err185];}else {vErrors.push(err185);}errors++;}if(data125 < 60 || isNaN(data125)){const err186 = {instancePath:instancePath+"/providers/e2b/timeout",schemaPath:"#/properties/providers/properties/e2b/properties/timeout/minimum",keyword:"minimum",params:{comparison: ">=", limit: 60},message:"must be >= 60"};if(vErrors === null){vErrors = [err186];}else {vErrors.push(err186);}errors++;}}}if(data122.autoPause !== undefined){if(typeof data122.autoPause !== "boolean"){const err187 = {instancePath:instancePath+"/providers/e2b/autoPause",schemaPath:"#/properties/providers/properties/e2b/properties/autoPause/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};if(vErrors === null){vErrors = [err187];}else {vErrors.push(err187);}errors++;}}if(data122.autoResume !== undefined){if(typeof data122.autoResume !== "boolean"){const err188 = {instancePath:instancePath+"/providers/e2b/autoResume",schemaPath:"#/properties/providers/properties/e2b/properties/autoResume/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};if(vErrors === null){vErrors = [err188];}else {vErrors.push(err188);}errors++;}}if(data122.internetAccess !== undefined){if(typeof data122.internetAccess !== "boolean"){const err189 = {instancePath:instancePath+"/providers/e2b/internetAccess",schemaPath:"#/properties/providers/properties/e2b/properties/internetAccess/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};if(vErrors === null){vErrors = [err189];}else {vErrors.push(err189);}errors++;}}if(data122.allowedDomains !== undefined){let data129 = data122.allowedDomains;if(Array.isArray(data129)){const len5 = data129.length;for(let i5=0; i5<len5; i5++){if(typeof data129[i5] !== "string"){const err190 = {instancePath:instancePath+"/providers/e2b/allowedDomains/" + i5,schemaPath:"#/properties/providers/properties/e2b/properties/allowedDomains/items/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err190];}else {vErrors.push(err190);}errors++;}}}else {const err191 = {instancePath:instancePath+"/providers/e2b/allowedDomains",schemaPath:"#/properties/providers/properties/e2b/properties/allowedDomains/type",keyword:"type",params:{type: "array"},message:"must be array"};if(vErrors === null){vErrors = [err191];}else {vErrors.push(err191);}errors++;}}if(data122.blockedDomains !== undefined){let data131 = data122.blockedDomains;if(Array.isArray(data131)){const len6 = data131.length;for(let i6=0; i6<len6; i6++){if(typeof data131[i6] !== "string"){const err192 = {instancePath:instancePath+"/providers/e2b/blockedDomains/" + i6,schemaPath:"#/properties/providers/properties/e2b/properties/blockedDomains/items/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err192];}else {vErrors.push(err192);}errors++;}}}else {const err193 = {instancePath:instancePath+"/providers/e2b/blockedDomains",schemaPath:"#/properties/providers/properties/e2b/properties/blockedDomains/type",keyword:"type",params:{type: "array"},message:"must be array"};if(vErrors === null){vErrors = [err193];}else {vErrors.push(err193);}errors++;}}if(data122.publicAccess !== undefined){if(typeof data122.publicAccess !== "boolean"){const err194 = {instancePath:instancePath+"/providers/e2b/publicAccess",schemaPath:"#/properties/providers/properties/e2b/properties/publicAccess/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};if(vErrors === null){vErrors = [err194];}else {vErrors.push(err194);}errors++;}}if(data122.metadata !== undefined){let data134 = data122.metadata;if(data134 && typeof data134 == "object" && !Array.isArray(data134)){for(const key5 in data134){if(typeof data134[key5] !== "string"){const err195 = {instancePath:instancePath+"/providers/e2b/metadata/" + key5.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/providers/properties/e2b/properties/metadata/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err195];}else {vErrors.push(err195);}errors++;}}}else {const err196 = {instancePath:instancePath+"/providers/e2b/metadata",schemaPath:"#/properties/providers/properties/e2b/properties/metadata/type",keyword:"type",params:{type: "object"},message:"must be object"};if(vErrors === null){vErrors = [err196];}else {vErrors.push(err196);}errors++;}}if(data122.team !== undefined){if(typeof data122.team !== "string"){const err197 = {instancePath:instancePath+"/providers/e2b/team",schemaPath:"#/properties/providers/properties/e2b/properties/team/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err197];}else {vErrors.push(err197);}errors++;}}if(data122.buildOnDeploy !== undefined){if(typeof data122.buildOnDeploy !== "boolean"){const err198 = {instancePath:instancePath+"/providers/e2b/buildOnDeploy",schemaPath:"#/properties/providers/properties/e2b/properties/buildOnDeploy/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};if(vErrors === null){vErrors = [err198];}else {vErrors.push(err198);}errors++;}}}else {const err199 = {instancePath:instancePath+"/providers/e2b",schemaPath:"#/properties/providers/properties/e2b/type",keyword:"type",params:{type: "object"},message:"must be object"};if(vErrors === null){vErrors = [err199];}else {vErrors.push(err199);}errors++;}}if(data40.runpod !== undefined){let data138 = data40.runpod;if(data138 && typeof data138 == "object" && !Array.isArray(data138)){for(const key6 in data138){if(!(func2.call(schema11.properties.providers.properties.runpod.properties, key6))){const err200 = {instancePath:instancePath+"/providers/runpod",schemaPath:"#/properties/providers/properties/runpod/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key6},message:"must NOT have additional properties"};if(vErrors === null){vErrors = [err200];}else {vErrors.push(err200);}errors++;}}if(data138.gpuTypeId !== undefined){if(typeof data138.gpuTypeId !== "string"){const err201 = {instancePath:instancePath+"/providers/runpod/gpuTypeId",schemaPath:"#/properties/providers/properties/runpod/properties/gpuTypeId/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err201];}else {vErrors.push(err201);}errors++;}}if(data138.gpuCount !== undefined){let data140 = data138.gpuCount;if(!((typeof data140 == "number") && (!(data140 % 1) && !isNaN(data140)))){const err202 = {instancePath:instancePath+"/providers/runpod/gpuCount",schemaPath:"#/properties/providers/properties/runpod/properties/gpuCount/type",keyword:"type",params:{type: "integer"},message:"must be integer"};if(vErrors === null){vErrors = [err202];}else {vErrors.push(err202);}errors++;}if(typeof data140 == "number"){if(data140 > 8 || isNaN(data140)){const err203 = {instancePath:instancePath+"/providers/runpod/gpuCount",schemaPath:"#/properties/providers/properties/runpod/properties/gpuCount/maximum",keyword:"maximum",params:{comparison: "<=", limit: 8},message:"must be <= 8"};if(vErrors === null){vErrors = [err203];}else {vErrors.push(err203);}errors++;}if(data140 < 1 || isNaN(data140)){const err204 = {instancePath:instancePath+"/providers/runpod/gpuCount",schemaPath:"#/properties/providers/properties/runpod/properties/gpuCount/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};if(vErrors === null){vErrors = [err204];}else {vErrors.push(err204);}errors++;}}}if(data138.containerDiskGb !== undefined){let data141 = data138.containerDiskGb;if(!((typeof data141 == "number") && (!(data141 % 1) && !isNaN(data141)))){const err205 = {instancePath:instancePath+"/providers/runpod/containerDiskGb",schemaPath:"#/properties/providers/properties/runpod/properties/containerDiskGb/type",keyword:"type",params:{type: "integer"},message:"must be integer"};if(vErrors === null){vErrors = [err205];}else {vErrors.push(err205);}errors++;}if(typeof data141 == "number"){if(data141 > 500 || isNaN(data141)){const err206 = {instancePath:instancePath+"/providers/runpod/containerDiskGb",schemaPath:"#/properties/providers/properties/runpod/properties/containerDiskGb/maximum",keyword:"maximum",params:{comparison: "<=", limit: 500},message:"must be <= 500"};if(vErrors === null){vErrors = [err206];}else {vErrors.push(err206);}errors++;}if(data141 < 1 || isNaN(data141)){const err207 = {instancePath:instancePath+"/providers/runpod/containerDiskGb",schemaPath:"#/properties/providers/properties/runpod/properties/containerDiskGb/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};if(vErrors === null){vErrors = [err207];}else {vErrors.push(err207);}errors++;}}}if(data138.volumeSizeGb !== undefined){let data142 = data138.volumeSizeGb;if(!((typeof data142 == "number") && (!(data142 % 1) && !isNaN(data142)))){const err208 = {instancePath:instancePath+"/providers/runpod/volumeSizeGb",schemaPath:"#/properties/providers/properties/runpod/properties/volumeSizeGb/type",keyword:"type",params:{type: "integer"},message:"must be integer"};if(vErrors === null){vErrors = [err208];}else {vErrors.push(err208);}errors++;}if(typeof data142 == "number"){if(data142 > 2048 || isNaN(data142)){const err209 = {instancePath:instancePath+"/providers/runpod/volumeSizeGb",schemaPath:"#/properties/providers/properties/runpod/properties/volumeSizeGb/maximum",keyword:"maximum",params:{comparison: "<=", limit: 2048},message:"must be <= 2048"};if(vErrors === null){vErrors = [err209];}else {vErrors.push(err209);}errors++;}if(data142 < 0 || isNaN(data142)){const err210 = {instancePath:instancePath+"/providers/runpod/volumeSizeGb",schemaPath:"#/properties/providers/properties/runpod/properties/volumeSizeGb/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};if(vErrors === null){vErrors = [err210];}else {vErrors.push(err210);}errors++;}}}if(data138.volumeMountPath !== undefined){if(typeof data138.volumeMountPath !== "string"){const err211 = {instancePath:instancePath+"/providers/runpod/volumeMountPath",schemaPath:"#/properties/providers/properties/runpod/properties/volumeMountPath/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err211];}else {vErrors.push(err211);}errors++;}}if(data138.cloudType !== undefined){let data144 = data138.cloudType;if(typeof data144 !== "string"){const err212 = {instancePath:instancePath+"/providers/runpod/cloudType",schemaPath:"#/properties/providers/properties/runpod/properties/cloudType/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err212];}else {vErrors.push(err212);}errors++;}if(!((data144 === "SECURE") || (data144 === "COMMUNITY"))){const err213 = {instancePath:instancePath+"/providers/runpod/cloudType",schemaPath:"#/properties/providers/properties/runpod/properties/cloudType/enum",keyword:"enum",params:{allowedValues: schema11.properties.providers.properties.runpod.properties.cloudType.enum},message:"must be equal to one of the allowed values"};if(vErrors === null){vErrors = [err213];}else {vErrors.push(err213);}errors++;}}if(data138.region !== undefined){if(typeof data138.region !== "string"){const err214 = {instancePath:instancePath+"/providers/runpod/region",schemaPath:"#/properties/providers/properties/runpod/properties/region/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err214];}else {vErrors.push(err214);}errors++;}}if(data138.exposePorts !== undefined){let data146 = data138.exposePorts;if(Array.isArray(data146)){const len7 = data146.length;for(let i7=0; i7<len7; i7++){let data147 = data146[i7];if(!((typeof data147 == "number") && (!(data147 % 1) && !isNaN(data147)))){const err215 = {instancePath:instancePath+"/providers/runpod/exposePorts/" + i7,schemaPath:"#/properties/providers/properties/runpod/properties/exposePorts/items/type",keyword:"type",params:{type: "integer"},message:"must be integer"};if(vErrors === null){vErrors = [err215];}else {vErrors.push(err215);}errors++;}if(typeof data147 == "number"){if(data147 > 65535 || isNaN(data147)){const err216 = {instancePath:instancePath+"/providers/runpod/exposePorts/" + i7,schemaPath:"#/properties/providers/properties/runpod/properties/exposePorts/items/maximum",keyword:"maximum",params:{comparison: "<=", limit: 65535},message:"must be <= 65535"};if(vErrors === null){vErrors = [err216];}else {vErrors.push(err216);}errors++;}if(data147 < 1 || isNaN(data147)){const err217 = {instancePath:instancePath+"/providers/runpod/exposePorts/" + i7,schemaPath:"#/properties/providers/properties/runpod/properties/exposePorts/items/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};if(vErrors === null){vErrors = [err217];}else {vErrors.push(err217);}errors++;}}}}else {const err218 = {instancePath:instancePath+"/providers/runpod/exposePorts",schemaPath:"#/properties/providers/properties/runpod/properties/exposePorts/type",keyword:"type",params:{type: "array"},message:"must be array"};if(vErrors === null){vErrors = [err218];}else {vErrors.push(err218);}errors++;}}if(data138.spotBid !== undefined){let data148 = data138.spotBid;if(typeof data148 == "number"){if(data148 < 0 || isNaN(data148)){const err219 = {instancePath:instancePath+"/providers/runpod/spotBid",schemaPath:"#/properties/providers/properties/runpod/properties/spotBid/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};if(vErrors === null){vErrors = [err219];}else {vErrors.push(err219);}errors++;}}else {const err220 = {instancePath:instancePath+"/providers/runpod/spotBid",schemaPath:"#/properties/providers/properties/runpod/properties/spotBid/type",keyword:"type",params:{type: "number"},message:"must be number"};if(vErrors === null){vErrors = [err220];}else {vErrors.push(err220);}errors++;}}if(data138.startSsh !== undefined){if(typeof data138.startSsh !== "boolean"){const err221 = {instancePath:instancePath+"/providers/runpod/startSsh",schemaPath:"#/properties/providers/properties/runpod/properties/startSsh/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};if(vErrors === null){vErrors = [err221];}else {vErrors.push(err221);}errors++;}}if(data138.cpuOnly !== undefined){if(typeof data138.cpuOnly !== "boolean"){const err222 = {instancePath:instancePath+"/providers/runpod/cpuOnly",schemaPath:"#/properties/providers/properties/runpod/properties/cpuOnly/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};if(vErrors === null){vErrors = [err222];}else {vErrors.push(err222);}errors++;}}if(data138.cpuInstanceId !== undefined){if(typeof data138.cpuInstanceId !== "string"){const err223 = {instancePath:instancePath+"/providers/runpod/cpuInstanceId",schemaPath:"#/properties/providers/properties/runpod/properties/cpuInstanceId/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err223];}else {vErrors.push(err223);}errors++;}}if(data138.templateId !== undefined){if(typeof data138.templateId !== "string"){const err224 = {instancePath:instancePath+"/providers/runpod/templateId",schemaPath:"#/properties/providers/properties/runpod/properties/templateId/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err224];}else {vErrors.push(err224);}errors++;}}}else {const err225 = {instancePath:instancePath+"/providers/runpod",schemaPath:"#/properties/providers/properties/runpod/type",keyword:"type",params:{type: "object"},message:"must be object"};if(vErrors === null){vErrors = [err225];}else {vErrors.push(err225);}errors++;}}if(data40.northflank !== undefined){let data153 = data40.northflank;if(data153 && typeof data153 == "object" && !Array.isArray(data153)){if(data153.projectName === undefined){const err226 = {instancePath:instancePath+"/providers/northflank",schemaPath:"#/properties/providers/properties/northflank/required",keyword:"required",params:{missingProperty: "projectName"},message:"must have required property '"+"projectName"+"'"};if(vErrors === null){vErrors = [err226];}else {vErrors.push(err226);}errors++;}for(const key7 in data153){if(!(func2.call(schema11.properties.providers.properties.northflank.properties, key7))){const err227 = {instancePath:instancePath+"/providers/northflank",schemaPath:"#/properties/providers/properties/northflank/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key7},message:"must NOT have additional properties"};if(vErrors === null){vErrors = [err227];}else {vErrors.push(err227);}errors++;}}if(data153.projectName !== undefined){let data154 = data153.projectName;if(typeof data154 === "string"){if(!pattern1.test(data154)){const err228 = {instancePath:instancePath+"/providers/northflank/projectName",schemaPath:"#/properties/providers/properties/northflank/properties/projectName/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9-]*$"},message:"must match pattern \""+"^[a-z][a-z0-9-]*$"+"\""};if(vErrors === null){vErrors = [err228];}else {vErrors.push(err228);}errors++;}}else {const err229 = {instancePath:instancePath+"/providers/northflank/projectName",schemaPath:"#/properties/providers/properties/northflank/properties/projectName/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err229];}else {vErrors.push(err229);}errors++;}}if(data153.serviceName !== undefined){let data155 = data153.serviceName;if(typeof data155 === "string"){if(!pattern1.test(data155)){const err230 = {instancePath:instancePath+"/providers/northflank/serviceName",schemaPath:"#/properties/providers/properties/northflank/properties/serviceName/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9-]*$"},message:"must match pattern \""+"^[a-z][a-z0-9-]*$"+"\""};if(vErrors === null){vErrors = [err230];}else {vErrors.push(err230);}errors++;}}else {const err231 = {instancePath:instancePath+"/providers/northflank/serviceName",schemaPath:"#/properties/providers/properties/northflank/properties/serviceName/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err231];}else {vErrors.push(err231);}errors++;}}if(data153.computePlan !== undefined){let data156 = data153.computePlan;if(typeof data156 === "string"){if(!pattern14.test(data156)){const err232 = {instancePath:instancePath+"/providers/northflank/computePlan",schemaPath:"#/properties/providers/properties/northflank/properties/computePlan/pattern",keyword:"pattern",params:{pattern: "^nf-compute-\\d+(-\\d+)?$"},message:"must match pattern \""+"^nf-compute-\\d+(-\\d+)?$"+"\""};if(vErrors === null){vErrors = [err232];}else {vErrors.push(err232);}errors++;}}else {const err233 = {instancePath:instancePath+"/providers/northflank/computePlan",schemaPath:"#/properties/providers/properties/northflank/properties/computePlan/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err233];}else {vErrors.push(err233);}errors++;}}if(data153.gpuType !== undefined){if(typeof data153.gpuType !== "string"){const err234 = {instancePath:instancePath+"/providers/northflank/gpuType",schemaPath:"#/properties/providers/properties/northflank/properties/gpuType/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err234];}else {vErrors.push(err234);}errors++;}}if(data153.gpuCount !== undefined){let data158 = data153.gpuCount;if(!((typeof data158 == "number") && (!(data158 % 1) && !isNaN(data158)))){const err235 = {instancePath:instancePath+"/providers/northflank/gpuCount",schemaPath:"#/properties/providers/properties/northflank/properties/gpuCount/type",keyword:"type",params:{type: "integer"},message:"must be integer"};if(vErrors === null){vErrors = [err235];}else {vErrors.push(err235);}errors++;}if(typeof data158 == "number"){if(data158 > 8 || isNaN(data158)){const err236 = {instancePath:instancePath+"/providers/northflank/gpuCount",schemaPath:"#/properties/providers/properties/northflank/properties/gpuCount/maximum",keyword:"maximum",params:{comparison: "<=", limit: 8},message:"must be <= 8"};if(vErrors === null){vErrors = [err236];}else {vErrors.push(err236);}errors++;}if(data158 < 1 || isNaN(data158)){const err237 = {instancePath:instancePath+"/providers/northflank/gpuCount",schemaPath:"#/properties/providers/properties/northflank/properties/gpuCount/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};if(vErrors === null){vErrors = [err237];}else {vErrors.push(err237);}errors++;}}}if(data153.instances !== undefined){let data159 = data153.instances;if(!((typeof data159 == "number") && (!(data159 % 1) && !isNaN(data159)))){const err238 = {instancePath:instancePath+"/providers/northflank/instances",schemaPath:"#/properties/providers/properties/northflank/properties/instances/type",keyword:"type",params:{type: "integer"},message:"must be integer"};if(vErrors === null){vErrors = [err238];}else {vErrors.push(err238);}errors++;}if(typeof data159 == "number"){if(data159 > 50 || isNaN(data159)){const err239 = {instancePath:instancePath+"/providers/northflank/instances",schemaPath:"#/properties/providers/properties/northflank/properties/instances/maximum",keyword:"maximum",params:{comparison: "<=", limit: 50},message:"must be <= 50"};if(vErrors === null){vErrors = [err239];}else {vErrors.push(err239);}errors++;}if(data159 < 0 || isNaN(data159)){const err240 = {instancePath:instancePath+"/providers/northflank/instances",schemaPath:"#/properties/providers/properties/northflank/properties/instances/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};if(vErrors === null){vErrors = [err240];}else {vErrors.push(err240);}errors++;}}}if(data153.volumeSizeGb !== undefined){let data160 = data153.volumeSizeGb;if(!((typeof data160 == "number") && (!(data160 % 1) && !isNaN(data160)))){const err241 = {instancePath:instancePath+"/providers/northflank/volumeSizeGb",schemaPath:"#/properties/providers/properties/northflank/properties/volumeSizeGb/type",keyword:"type",params:{type: "integer"},message:"must be integer"};if(vErrors === null){vErrors = [err241];}else {vErrors.push(err241);}errors++;}if(typeof data160 == "number"){if(data160 > 1500 || isNaN(data160)){const err242 = {instancePath:instancePath+"/providers/northflank/volumeSizeGb",schemaPath:"#/properties/providers/properties/northflank/properties/volumeSizeGb/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1500},message:"must be <= 1500"};if(vErrors === null){vErrors = [err242];}else {vErrors.push(err242);}errors++;}if(data160 < 0 || isNaN(data160)){const err243 = {instancePath:instancePath+"/providers/northflank/volumeSizeGb",schemaPath:"#/properties/providers/properties/northflank/properties/volumeSizeGb/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};if(vErrors === null){vErrors = [err243];}else {vErrors.push(err243);}errors++;}}}if(data153.volumeMountPath !== undefined){if(typeof data153.volumeMountPath !== "string"){const err244 = {instancePath:instancePath+"/providers/northflank/volumeMountPath",schemaPath:"#/properties/providers/properties/northflank/properties/volumeMountPath/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err244];}else {vErrors.push(err244);}errors++;}}if(data153.region !== undefined){if(typeof data153.region !== "string"){const err245 = {instancePath:instancePath+"/providers/northflank/region",schemaPath:"#/properties/providers/properties/northflank/properties/region/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err245];}else {vErrors.push(err245);}errors++;}}if(data153.registryCredentials !== undefined){if(typeof data153.registryCredentials !== "string"){const err246 = {instancePath:instancePath+"/providers/northflank/registryCredentials",schemaPath:"#/properties/providers/properties/northflank/properties/registryCredentials/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err246];}else {vErrors.push(err246);}errors++;}}if(data153.ports !== undefined){let data164 = data153.ports;if(Array.isArray(data164)){const len8 = data164.length;for(let i8=0; i8<len8; i8++){let data165 = data164[i8];if(data165 && typeof data165 == "object" && !Array.isArray(data165)){if(data165.name === undefined){const err247 = {instancePath:instancePath+"/providers/northflank/ports/" + i8,schemaPath:"#/properties/providers/properties/northflank/properties/ports/items/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'"};if(vErrors === null){vErrors = [err247];}else {vErrors.push(err247);}errors++;}if(data165.internalPort === undefined){const err248 = {instancePath:instancePath+"/providers/northflank/ports/" + i8,schemaPath:"#/properties/providers/properties/northflank/properties/ports/items/required",keyword:"required",params:{missingProperty: "internalPort"},message:"must have required property '"+"internalPort"+"'"};if(vErrors === null){vErrors = [err248];}else {vErrors.push(err248);}errors++;}for(const key8 in data165){if(!((((key8 === "name") || (key8 === "internalPort")) || (key8 === "public")) || (key8 === "protocol"))){const err249 = {instancePath:instancePath+"/providers/northflank/ports/" + i8,schemaPath:"#/properties/providers/properties/northflank/properties/ports/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key8},message:"must NOT have additional properties"};if(vErrors === null){vErrors = [err249];}else {vErrors.push(err249);}errors++;}}if(data165.name !== undefined){let data166 = data165.name;if(typeof data166 === "string"){if(!pattern1.test(data166)){const err250 = {instancePath:instancePath+"/providers/northflank/ports/" + i8+"/name",schemaPath:"#/properties/providers/properties/northflank/properties/ports/items/properties/name/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9-]*$"},message:"must match pattern \""+"^[a-z][a-z0-9-]*$"+"\""};if(vErrors === null){vErrors = [err250];}else {vErrors.push(err250);}errors++;}}else {const err251 = {instancePath:instancePath+"/providers/northflank/ports/" + i8+"/name",schemaPath:"#/properties/providers/properties/northflank/properties/ports/items/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err251];}else {vErrors.push(err251);}errors++;}}if(data165.internalPort !== undefined){let data167 = data165.internalPort;if(!((typeof data167 == "number") && (!(data167 % 1) && !isNaN(data167)))){const err252 = {instancePath:instancePath+"/providers/northflank/ports/" + i8+"/internalPort",schemaPath:"#/properties/providers/properties/northflank/properties/ports/items/properties/internalPort/type",keyword:"type",params:{type: "integer"},message:"must be integer"};if(vErrors === null){vErrors = [err252];}else {vErrors.push(err252);}errors++;}if(typeof data167 == "number"){if(data167 > 65535 || isNaN(data167)){const err253 = {instancePath:instancePath+"/providers/northflank/ports/" + i8+"/internalPort",schemaPath:"#/properties/providers/properties/northflank/properties/ports/items/properties/internalPort/maximum",keyword:"maximum",params:{comparison: "<=", limit: 65535},message:"must be <= 65535"};if(vErrors === null){vErrors = [err253];}else {vErrors.push(err253);}errors++;}if(data167 < 1 || isNaN(data167)){const err254 = {instancePath:instancePath+"/providers/northflank/ports/" + i8+"/internalPort",schemaPath:"#/properties/providers/properties/northflank/properties/ports/items/properties/internalPort/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};if(vErrors === null){vErrors = [err254];}else {vErrors.push(err254);}errors++;}}}if(data165.public !== undefined){if(typeof data165.public !== "boolean"){const err255 = {instancePath:instancePath+"/providers/northflank/ports/" + i8+"/public",schemaPath:"#/properties/providers/properties/northflank/properties/ports/items/properties/public/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};if(vErrors === null){vErrors = [err255];}else {vErrors.push(err255);}errors++;}}if(data165.protocol !== undefined){let data169 = data165.protocol;if(typeof data169 !== "string"){const err256 = {instancePath:instancePath+"/providers/northflank/ports/" + i8+"/protocol",schemaPath:"#/properties/providers/properties/northflank/properties/ports/items/properties/protocol/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err256];}else {vErrors.push(err256);}errors++;}if(!(((data169 === "HTTP") || (data169 === "TCP")) || (data169 === "UDP"))){const err257 = {instancePath:instancePath+"/providers/northflank/ports/" + i8+"/protocol",schemaPath:"#/properties/providers/properties/northflank/properties/ports/items/properties/protocol/enum",keyword:"enum",params:{allowedValues: schema11.properties.providers.properties.northflank.properties.ports.items.properties.protocol.enum},message:"must be equal to one of the allowed values"};if(vErrors === null){vErrors = [err257];}else {vErrors.push(err257);}errors++;}}}else {const err258 = {instancePath:instancePath+"/providers/northflank/ports/" + i8,schemaPath:"#/properties/providers/properties/northflank/properties/ports/items/type",keyword:"type",params:{type: "object"},message:"must be object"};if(vErrors === null){vErrors = [err258];}else {vErrors.push(err258);}errors++;}}}else {const err259 = {instancePath:instancePath+"/providers/northflank/ports",schemaPath:"#/properties/providers/properties/northflank/properties/ports/type",keyword:"type",params:{type: "array"},message:"must be array"};if(vErrors === null){vErrors = [err259];}else {vErrors.push(err259);}errors++;}}if(data153.healthCheck !== undefined){let data170 = data153.healthCheck;const _errs370 = errors;let valid61 = true;const _errs371 = errors;if(data170 && typeof data170 == "object" && !Array.isArray(data170)){if(data170.type !== undefined){if("http" !== data170.type){const err260 = {};if(vErrors === null){vErrors = [err260];}else {vErrors.push(err260);}errors++;}}}var _valid3 = _errs371 === errors;errors = _errs370;if(vErrors !== null){if(_errs370){vErrors.length = _errs370;}else {vErrors = null;}}if(_valid3){const _errs373 = errors;if(data170 && typeof data170 == "object" && !Array.isArray(data170)){if(data170.path === undefined){const err261 = {instancePath:instancePath+"/providers/northflank/healthCheck",schemaPath:"#/properties/providers/properties/northflank/properties/healthCheck/allOf/0/then/required",keyword:"required",params:{missingProperty: "path"},message:"must have required property '"+"path"+"'"};if(vErrors === null){vErrors = [err261];}else {vErrors.push(err261);}errors++;}if(data170.port === undefined){const err262 = {instancePath:instancePath+"/providers/northflank/healthCheck",schemaPath:"#/properties/providers/properties/northflank/properties/healthCheck/allOf/0/then/required",keyword:"required",params:{missingProperty: "port"},message:"must have required property '"+"port"+"'"};if(vErrors === null){vErrors = [err262];}else {vErrors.push(err262);}errors++;}}var _valid3 = _errs373 === errors;valid61 = _valid3;}if(!valid61){const err263 = {instancePath:instancePath+"/providers/northflank/healthCheck",schemaPath:"#/properties/providers/properties/northflank/properties/healthCheck/allOf/0/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema"};if(vErrors === null){vErrors = [err263];}else {vErrors.push(err263);}errors++;}const _errs375 = errors;let valid63 = true;const _errs376 = errors;if(data170 && typeof data170 == "object" && !Array.isArray(data170)){if(data170.type !== undefined){if("tcp" !== data170.type){const err264 = {};if(vErrors === null){vErrors = [err264];}else {vErrors.push(err264);}errors++;}}}var _valid4 = _errs376 === errors;errors = _errs375;if(vErrors !== null){if(_errs375){vErrors.length = _errs375;}else {vErrors = null;}}if(_valid4){const _errs378 = errors;if(data170 && typeof data170 == "object" && !Array.isArray(data170)){if(data170.port === undefined){const err265 = {instancePath:instancePath+"/providers/northflank/healthCheck",schemaPath:"#/properties/providers/properties/northflank/properties/healthCheck/allOf/1/then/required",keyword:"required",params:{missingProperty: "port"},message:"must have required property '"+"port"+"'"};if(vErrors === null){vErrors = [err265];}else {vErrors.push(err265);}errors++;}}var _valid4 = _errs378 === errors;valid63 = _valid4;}if(!valid63){const err266 = {instancePath:instancePath+"/providers/northflank/healthCheck",schemaPath:"#/properties/providers/properties/northflank/properties/healthCheck/allOf/1/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema"};if(vErrors === null){vErrors = [err266];}else {vErrors.push(err266);}errors++;}const _errs380 = errors;let valid65 = true;const _errs381 = errors;if(data170 && typeof data170 == "object" && !Array.isArray(data170)){if(data170.type !== undefined){if("command" !== data170.type){const err267 = {};if(vErrors === null){vErrors = [err267];}else {vErrors.push(err267);}errors++;}}}var _valid5 = _errs381 === errors;errors = _errs380;if(vErrors !== null){if(_errs380){vErrors.length = _errs380;}else {vErrors = null;}}if(_valid5){const _errs383 = errors;if(data170 && typeof data170 == "object" && !Array.isArray(data170)){if(data170.command === undefined){const err268 = {instancePath:instancePath+"/providers/northflank/healthCheck",schemaPath:"#/properties/providers/properties/northflank/properties/healthCheck/allOf/2/then/required",keyword:"required",params:{missingProperty: "command"},message:"must have required property '"+"command"+"'"};if(vErrors === null){vErrors = [err268];}else {vErrors.push(err268);}errors++;}}var _valid5 = _errs383 === errors;valid65 = _valid5;}if(!valid65){const err269 = {instancePath:instancePath+"/providers/northflank/healthCheck",schemaPath:"#/properties/providers/properties/northflank/properties/healthCheck/allOf/2/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema"};if(vErrors === null){vErrors = [err269];}else {vErrors.push(err269);}errors++;}if(data170 && typeof data170 == "object" && !Array.isArray(data170)){for(const key9 in data170){if(!(((((((key9 === "type") || (key9 === "path")) || (key9 === "port")) || (key9 === "command")) || (key9 === "initialDelaySeconds")) || (key9 === "periodSeconds")) || (key9 === "failureThreshold"))){const err270 = {instancePath:instancePath+"/providers/northflank/healthCheck",schemaPath:"#/properties/providers/properties/northflank/properties/healthCheck/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key9},message:"must NOT have additional properties"};if(vErrors === null){vErrors = [err270];}else {vErrors.push(err270);}errors++;}}if(data170.type !== undefined){let data174 = data170.type;if(typeof data174 !== "string"){const err271 = {instancePath:instancePath+"/providers/northflank/healthCheck/type",schemaPath:"#/properties/providers/properties/northflank/properties/healthCheck/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err271];}else {vErrors.push(err271);}errors++;}if(!(((data174 === "http") || (data174 === "tcp")) || (data174 === "command"))){const err272 = {instancePath:instancePath+"/providers/northflank/healthCheck/type",schemaPath:"#/properties/providers/properties/northflank/properties/healthCheck/properties/type/enum",keyword:"enum",params:{allowedValues: schema11.properties.providers.properties.northflank.properties.healthCheck.properties.type.enum},message:"must be equal to one of the allowed values"};if(vErrors === null){vErrors = [err272];}else {vErrors.push(err272);}errors++;}}if(data170.path !== undefined){if(typeof data170.path !== "string"){const err273 = {instancePath:instancePath+"/providers/northflank/healthCheck/path",schemaPath:"#/properties/providers/properties/northflank/properties/healthCheck/properties/path/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err273];}else {vErrors.push(err273);}errors++;}}if(data170.port !== undefined){let data176 = data170.port;if(!((typeof data176 == "number") && (!(data176 % 1) && !isNaN(data176)))){const err274 = {instancePath:instancePath+"/providers/northflank/healthCheck/port",schemaPath:"#/properties/providers/properties/northflank/properties/healthCheck/properties/port/type",keyword:"type",params:{type: "integer"},message:"must be integer"};if(vErrors === null){vErrors = [err274];}else {vErrors.push(err274);}errors++;}if(typeof data176 == "number"){if(data176 > 65535 || isNaN(data176)){const err275 = {instancePath:instancePath+"/providers/northflank/healthCheck/port",schemaPath:"#/properties/providers/properties/northflank/properties/healthCheck/properties/port/maximum",keyword:"maximum",params:{comparison: "<=", limit: 65535},message:"must be <= 65535"};if(vErrors === null){vErrors = [err275];}else {vErrors.push(err275);}errors++;}if(data176 < 1 || isNaN(data176)){const err276 = {instancePath:instancePath+"/providers/northflank/healthCheck/port",schemaPath:"#/properties/providers/properties/northflank/properties/healthCheck/properties/port/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};if(vErrors === null){vErrors = [err276];}else {vErrors.push(err276);}errors++;}}}if(data170.command !== undefined){let data177 = data170.command;if(Array.isArray(data177)){const len9 = data177.length;for(let i9=0; i9<len9; i9++){if(typeof data177[i9] !== "string"){const err277 = {instancePath:instancePath+"/providers/northflank/healthCheck/command/" + i9,schemaPath:"#/properties/providers/properties/northflank/properties/healthCheck/properties/command/items/type",keyword:"type",params:{type: "string"},message:"must be string"};if(vErrors === null){vErrors = [err277];}else {vErrors.push(err277);}errors++;}}}else {const err278 = {instancePath:instancePath+"/providers/northflank/healthCheck/command",schemaPath:"#/properties/providers/properties/northflank/properties/healthCheck/properties/command/type",keyword:"type",params:{type: "array"},message:"must be array"};if(vErrors === null){vErrors = [err278];}else {vErrors.push(err278);}errors++;}}if(data170.initialDelaySeconds !== undefined){let data179 = data170.initialDelaySeconds;if(!((typeof data179 == "number") && (!(data179 % 1) && !isNaN(data179)))){const err279 = {instancePath:instancePath+"/providers/northflank/healthCheck/initialDelaySeconds",schemaPath:"#/properties/providers/properties/northflank/properties/healthCheck/properties/initialDelaySeconds/type",keyword:"type",params:{type: "integer"},message:"must be integer"};if(vErrors === null){vErrors = [err279];}else {vErrors.push(err279);}errors++;}if(typeof data179 == "number"){if(data179 < 0 || isNaN(data179)){const err280 = {instancePath:instancePath+"/providers/northflank/healthCheck/initialDelaySeconds",schemaPath:"#/properties/providers/properties/northflank/properties/healthCheck/properties/initialDelaySeconds/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};if(vErrors === null){vErrors = [err280];}else {vErrors.push(err280);}errors++;}}}if(data170.periodSeconds !== undefined){let data180 = data170.periodSeconds;if(!((typeof data180 == "number") && (!(data180 % 1) && !isNaN(data180)))){const err281 = {instancePath:instancePath+"/providers/northflank/healthCheck/periodSeconds",schemaPath:"#/properties/providers/properties/northflank/properties/healthCheck/properties/periodSeconds/type",keyword:"type",params:{type: "integer"},message:"must be integer"};if(vErrors === null){vErrors = [err281];}else {vErrors.push(err281);}errors++;}if(typeof data180 == "number"){if(data180 < 1 || isNaN(data180)){const err282 = {instancePath:instancePath+"/providers/northflank/healthCheck/periodSeconds",schemaPath:"#/properties/providers/properties/northflank/properties/healthCheck/properties/periodSeconds/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};if(vErrors === null){vErrors = [err282];}else {vErrors.push(err282);}errors++;}}}if(data170.failureThreshold !== undefined){let data181 = data170.failureThreshold;if(!((typeof data181 == "number") && (!(data181 % 1) && !isNaN(data181)))){const err283 = {instancePath:instancePath+"/providers/northflank/healthCheck/failureThreshold",schemaPath:"#/properties/providers/properties/northflank/properties/healthCheck/properties/failureThreshold/type",keyword:"type",params:{type: "integer"},message:"must be integer"};if(vErrors === null){vErrors = [err283];}else {vErrors.push(err283);}errors++;}if(typeof data181 == "number"){if(data181 < 1 || isNaN(data181)){const err284 = {instancePath:instancePath+"/providers/northflank/healthCheck/failureThreshold",schemaPath:"#/properties/providers/properties/northflank/properties/healthCheck/properties/failureThreshold/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};if(vErrors === null){vErrors = [err284];}else {vErrors.push(err284);}errors++;}}}}else {const err285 = {instancePath:instancePath+"/providers/northflank/healthCheck",schemaPath:"#/properties/providers/properties/northflank/properties/healthCheck/type",keyword:"type",params:{type: "object"},message:"must be object"};if(vErrors === null){vErrors = [err285];}else {vErrors.push(err285);}errors++;}}if(data153.autoScaling !== undefined){let data182 = data153.autoScaling;if(data182 && typeof data182 == "object" && !Array.isArray(data182)){for(const key10 in data182){if(!(((((key10 === "enabled") || (key10 === "minInstances")) || (key10 === "maxInstances")) || (key10 === "targetCpuUtilization")) || (key10 === "targetMemoryUtilization"))){const err286 = {instancePath:instancePath+"/providers/northflank/autoScaling",schemaPath:"#/properties/providers/properties/northflank/properties/autoScaling/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key10},message:"must NOT have additional properties"};if(vErrors === null){vErrors = [err286];}else {vErrors.push(err286);}errors++;}}if(data182.enabled !== undefined){if(typeof data182.enabled !== "boolean"){const err287 = {instancePath:instancePath+"/providers/northflank/autoScaling/enabled",schemaPath:"#/properties/providers/properties/northflank/properties/autoScaling/properties/enabled/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};if(vErrors === null){vErrors = [err287];}else {vErrors.push(err287);}errors++;}}if(data182.minInstances !== undefined){let data184 = data182.minInstances;if(!((typeof data184 == "number") && (!(data184 % 1) && !isNaN(data184)))){const err288 = {instancePath:instancePath+"/providers/northflank/autoScaling/minInstances",schemaPath:"#/properties/providers/properties/northflank/properties/autoScaling/properties/minInstances/type",keyword:"type",params:{type: "integer"},message:"must be integer"};if(vErrors === null){vErrors = [err288];}else {vErrors.push(err288);}errors++;}if(typeof data184 == "number"){if(data184 > 50 || isNaN(data184)){const err289 = {instancePath:instancePath+"/providers/northflank/autoScaling/minInstances",schemaPath:"#/properties/providers/properties/northflank/properties/autoScaling/properties/minInstances/maximum",keyword:"maximum",params:{comparison: "<=", limit: 50},message:"must be <= 50"};if(vErrors === null){vErrors = [err289];}else {vErrors.push(err289);}errors++;}if(data184 < 1 || isNaN(data184)){const err290 = {instancePath:instancePath+"/providers/northflank/autoScaling/minInstances",schemaPath:"#/properties/providers/properties/northflank/properties/autoScaling/properties/minInstances/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};if(vErrors === null){vErrors = [err290];}else {vErrors.push(err290);}errors++;}}}if(data182.maxInstances !== undefined){let data185 = data182.maxInstances;if(!((typeof data185 == "number") && (!(data185 % 1) && !isNaN(data185)))){const err291 = {instancePath:instancePath+"/providers/northflank/autoScaling/maxInstances",schemaPath:"#/properties/providers/properties/northflank/properties/autoScaling/properties/maxInstances/type",keyword:"type",params:{type: "integer"},message:"must be integer"};if(vErrors === null){vErrors = [err291];}else {vErrors.push(err291);}errors++;}if(typeof data185 == "number"){if(data185 > 50 || isNaN(data185)){const err292 = {instancePath:instancePath+"/providers/northflank/autoScaling/maxInstances",schemaPath:"#/properties/providers/properties/northflank/properties/autoScaling/properties/maxInstances/maximum",keyword:"maximum",params:{comparison: "<=", limit: 50},message:"must be <= 50"};if(vErrors === null){vErrors = [err292];}else {vErrors.push(err292);}errors++;}if(data185 < 1 || isNaN(data185)){const err293 = {instancePath:instancePath+"/providers/northflank/autoScaling/maxInstances",schemaPath:"#/properties/providers/properties/northflank/properties/autoScaling/properties/maxInstances/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};if(vErrors === null){vErrors = [err293];}else {vErrors.push(err293);}errors++;}}}if(data182.targetCpuUtilization !== undefined){let data186 = data182.targetCpuUtilization;if(!((typeof data186 == "number") && (!(data186 % 1) && !isNaN(data186)))){const err294 = {instancePath:instancePath+"/providers/northflank/autoScaling/targetCpuUtilization",schemaPath:"#/properties/providers/properties/northflank/properties/autoScaling/properties/targetCpuUtilization/type",keyword:"type",params:{type: "integer"},message:"must be integer"};if(vErrors === null){vErrors = [err294];}else {vErrors.push(err294);}errors++;}if(typeof data186 == "number"){if(data186 > 100 || isNaN(data186)){const err295 = {instancePath:instancePath+"/providers/northflank/autoScaling/targetCpuUtilization",schemaPath:"#/properties/providers/properties/northflank/properties/autoScaling/properties/targetCpuUtilization/maximum",keyword:"maximum",params:{comparison: "<=", limit: 100},message:"must be <= 100"};if(vErrors === null){vErrors = [err295];}else {vErrors.push(err295);}errors++;}if(data186 < 1 || isNaN(data186)){const err296 = {instancePath:instancePath+"/providers/northflank/autoScaling/targetCpuUtilization",schemaPath:"#/properties/providers/properties/northflank/properties/autoScaling/properties/targetCpuUtilization/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};if(vErrors === null){vErrors = [err296];}else {vErrors.push(err296);}errors++;}}}if(data182.targetMemoryUtilization !== undefined){let data187 = data182.targetMemoryUtilization;if(!((typeof data187 == "number") && (!(data187 % 1) && !isNaN(data187)))){const err297 = {instancePath:instancePath+"/providers/northflank/autoScaling/targetMemoryUtilization",schemaPath:"#/properties/providers/properties/northflank/properties/autoScaling/properties/targetMemoryUtilization/type",keyword:"type",params:{type: "integer"},message:"must be integer"};if(vErrors === null){vErrors = [err297];}else {vErrors.push(err297);}errors++;}if(typeof data187 == "number"){if(data187 > 100 || isNaN(data187)){const err298 = {instancePath:instancePath+"/providers/northflank/autoScaling/targetMemoryUtilization",schemaPath:"#/properties/providers/properties/northflank/properties/autoScaling/properties/targetMemoryUtilization/maximum",keyword:"maximum",params:{comparison: "<=", limit: 100},message:"must be <= 100"};if(vErrors === null){vErrors = [err298];}else {vErrors.push(err298);}errors++;}if(data187 < 1 || isNaN(data187)){const err299 = {instancePath:instancePath+"/providers/northflank/autoScaling/targetMemoryUtilization",schemaPath:"#/properties/providers/properties/northflank/properties/autoScaling/properties/targetMemoryUtilization/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};if(vErrors === null){vErrors = [err299];}else {vErrors.push(err299);}errors++;}}}}else {const err300 = {instancePath:instancePath+"/providers/northflank/autoScaling",schemaPath:"#/properties/providers/properties/northflank/properties/autoScaling/type",keyword:"type",params:{type: "object"},message:"must be object"};if(vErrors === null){vErrors = [err300];}else {vErrors.push(err300);}errors++;}}}else {const err301 = {instancePath:instancePath+"/providers/northflank",schemaPath:"#/properties/providers/properties/northflank/type",keyword:"type",params:{type: "object"},message:"must be object"};if(vErrors === null){vErrors = [err301];}else {vErrors.push(err301);}errors++;}}}else {const err302 = {instancePath:instancePath+"/providers",schemaPath:"#/properties/providers/type",keyword:"type",params:{type: "object"},message:"must be object"};if(vErrors === null){vErrors = [err302];}else {vErrors.push(err302);}errors++;}}}else {const err303 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};if(vErrors === null){vErrors = [err303];}else {vErrors.push(err303);}errors++;}validate10.errors = vErrors;return errors === 0;}
const knownKeys = {"":["version","name","deployment","extensions","secrets","providers"],"deployment":["provider","distro","image","resources","volumes","image_config","buildFromSource"],"deployment.resources":["memory","cpus","gpu"],"deployment.resources.gpu":["enabled","type","count","tier","memory"],"deployment.volumes":["workspace"],"deployment.volumes.workspace":["path","size"],"extensions":["profile","active","additional","auto_install"],"secrets.*":["name","source","fromFile","required","path","mountPath","permissions","vaultPath","vaultKey","vaultMount","s3Path"],"providers":["fly","docker","kubernetes","devpod","k8s","e2b","runpod","northflank"],"providers.fly":["region","autoStopMachines","autoStartMachines","cpuKind","sshPort","organization","highAvailability"],"providers.docker":["network","restart","ports","privileged","extraHosts","runtime","dind"],"providers.docker.dind":["enabled","mode","storageDriver","storageSize"],"providers.kubernetes":["namespace","storageClass","ingress"],"providers.kubernetes.ingress":["enabled","hostname"],"providers.devpod":["type","buildRepository","aws","gcp","azure","digitalocean","kubernetes","ssh","docker"],"providers.devpod.aws":["region","instanceType","diskSize","useSpot","subnetId","securityGroupId"],"providers.devpod.gcp":["project","zone","machineType","diskSize","diskType"],"providers.devpod.azure":["subscription","resourceGroup","location","vmSize","diskSize"],"providers.devpod.digitalocean":["region","size","diskSize"],"providers.devpod.kubernetes":["namespace","storageClass","context","nodeSelector"],"providers.devpod.ssh":["host","user","port","keyPath"],"providers.devpod.docker":["dockerHost"],"providers.k8s":["provider","clusterName","version","nodes","kind","k3d"],"providers.k8s.kind":["image","configFile"],"providers.k8s.k3d":["image","registry"],"providers.k8s.k3d.registry":["enabled","name","port"],"providers.e2b":["templateAlias","reuseTemplate","timeout","autoPause","autoResume","internetAccess","allowedDomains","blockedDomains","publicAccess","metadata","team","buildOnDeploy"],"providers.runpod":["gpuTypeId","gpuCount","containerDiskGb","volumeSizeGb","volumeMountPath","cloudType","region","exposePorts","spotBid","startSsh","cpuOnly","cpuInstanceId","templateId"],"providers.northflank":["projectName","serviceName","computePlan","gpuType","gpuCount","instances","volumeSizeGb","volumeMountPath","region","registryCredentials","ports","healthCheck","autoScaling"],"providers.northflank.ports.*":["name","internalPort","public","protocol"],"providers.northflank.healthCheck":["type","path","port","command","initialDelaySeconds","periodSeconds","failureThreshold"],"providers.northflank.autoScaling":["enabled","minInstances","maxInstances","targetCpuUtilization","targetMemoryUtilization"],"deployment.image_config":["registry","version","tag_override","digest","resolution_strategy","allow_prerelease","verify_signature","verify_provenance","pull_policy","certificate_identity","certificate_oidc_issuer"],"deployment.buildFromSource":["enabled","gitRef"]};
const hints = {"#/properties/extensions/oneOf":["has profile, no active","has active, no profile, no additional"],"#/properties/secrets/items/allOf/0/if":["source is \"file\""],"#/properties/secrets/items/allOf/1/if":["source is \"vault\""],"#/properties/providers/properties/northflank/properties/healthCheck/allOf/0/if":["type is \"http\""],"#/properties/providers/properties/northflank/properties/healthCheck/allOf/1/if":["type is \"tcp\""],"#/properties/providers/properties/northflank/properties/healthCheck/allOf/2/if":["type is \"command\""]};

;// CONCATENATED MODULE: ./src/config/validate.ts


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
        const field = (0,config_document/* fieldOf */._)(path);
        const key = `${field}\u0000${message}`;
        if (this.seen.has(key))
            return;
        this.seen.add(key);
        let pos = undefined;
        for (let n = anchor.length; n >= 0 && !pos; n--)
            pos = this.cfg.locate(anchor.slice(0, n));
        const w = { message, file: this.cfg.file, field, source: 'schema' };
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
/** Schema violations and unknown keys of a loaded config, as warnings with file, line and field. */
function validateSchema(cfg) {
    const r = new Reporter(cfg);
    const data = cfg.raw;
    unknownKeys(r, data, []);
    if (schema_validator_generated(data))
        return r.warnings;
    const errors = schema_validator_generated.errors ?? [];
    // Collapse combinators: one message per oneOf/anyOf, none for its branches' own errors; `if` errors
    // are only Ajv's "must match then" wrapper around the real `required` error.
    const combinators = errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf').map((e) => `${e.schemaPath}/`);
    for (const e of errors) {
        if (e.keyword === 'if')
            continue;
        if (combinators.some((c) => e.schemaPath.startsWith(c)))
            continue;
        const d = describeError(e, data, pathOf(e.instancePath, data));
        if (e.keyword === 'additionalProperties' && r.warnings.some((w) => w.field === (0,config_document/* fieldOf */._)(d.path)))
            continue;
        r.add(d.path, d.message, d.anchor ?? d.path);
    }
    return r.warnings;
}

;// CONCATENATED MODULE: ./src/config/load.ts
/**
 * Find, read, parse (with line numbers), normalise and schema-check sindri.yaml (SPEC §6).
 * Returns the config and every warning (YAML parser, lenient loader, schema), each with file and line.
 */






const CONFIG_CANDIDATES = ['sindri.yaml', 'sindri.yml'];
async function isFile(p) {
    try {
        return (await (0,promises_.stat)(p)).isFile();
    }
    catch {
        return false;
    }
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
        text = await (0,promises_.readFile)(path, 'utf8');
    }
    catch (e) {
        throw new errors/* ActionError */.lZ(`cannot read ${file}: ${e.code ?? String(e)}`, {
            where: { file },
            fix: 'check that the file is readable by the runner user',
            cause: e,
        });
    }
    return loadConfigText(text, { file, path, dir: (0,external_node_path_.dirname)(path), providerOverride: opts.providerOverride, schema: opts.schema });
}
/** Load from text already read (tests, and `init` checking what it wrote). */
function loadConfigText(text, opts) {
    const doc = (0,config_document/* parseConfigText */.B)(text.replace(/^\uFEFF/, ''), opts.file);
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

/***/ 7028:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   eF: () => (/* binding */ NAME_RE),
/* harmony export */   j7: () => (/* binding */ normalise),
/* harmony export */   s3: () => (/* binding */ sanitiseName)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8422);
/* harmony import */ var _image_reference_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3564);
/* harmony import */ var _document_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9329);
/**
 * Plain YAML data → SindriConfig, leniently like upstream's serde (FACTS §1): aliases and upstream
 * misspellings are accepted with a warning, defaults filled in. Only what makes a deploy impossible
 * throws (SPEC §6): no or bad `name`, unknown provider, bad digest/tag/reference, a bad enum value.
 */




const NAME_RE = /^[a-z][a-z0-9-]*$/;
const STRATEGIES = ['semver', 'latest-stable', 'pin-to-cli', 'explicit'];
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
const DISTROS = ['ubuntu', 'fedora', 'opensuse'];
const SECRET_SOURCES = ['env', 'file', 'vault', 's3'];
/** camelCase spellings seen for snake_case `image_config` keys (FACTS §1.4: the Rust type is snake_case). */
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
function isRecord(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function typeName(v) {
    if (v === null || v === undefined)
        return 'empty';
    if (Array.isArray(v))
        return 'a list';
    if (isRecord(v))
        return 'a mapping';
    return `the ${typeof v} ${JSON.stringify(v)}`;
}
class Normaliser {
    doc;
    opts;
    warnings = [];
    constructor(doc, opts) {
        this.doc = doc;
        this.opts = opts;
    }
    warn(path, message) {
        const pos = this.doc.locate(path) ?? this.doc.nearest(path);
        this.warnings.push({ message, file: this.opts.file, line: pos.line, column: pos.column, field: (0,_document_js__WEBPACK_IMPORTED_MODULE_3__/* .fieldOf */ ._)(path), source: 'loader' });
    }
    fail(path, what, fix) {
        const pos = this.doc.locate(path) ?? this.doc.nearest(path);
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(what, { where: { file: this.opts.file, line: pos.line, column: pos.column, field: (0,_document_js__WEBPACK_IMPORTED_MODULE_3__/* .fieldOf */ ._)(path) }, fix });
    }
    /** A string value; numbers and booleans keep the text as written (`version: 3.0` → "3.0"). */
    str(path, v) {
        if (v === undefined || v === null)
            return undefined;
        if (typeof v === 'string')
            return v;
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
            return v;
        throw this.fail(path, `must be a string, not ${typeName(v)}`, fix);
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
    run(data) {
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
        if (v === undefined || v === null || v === '')
            throw this.fail(['name'], 'the config has no name', fix);
        const name = this.strictStr(['name'], v, fix);
        if (!NAME_RE.test(name)) {
            throw this.fail(['name'], `invalid name "${name}": it must match ^[a-z][a-z0-9-]*$`, `rename it, e.g. name: ${sanitiseName(name)}`);
        }
        if (name.length > 63 || name.endsWith('-')) {
            this.warn(['name'], `name "${name}" ${name.length > 63 ? 'is longer than 63 characters' : 'ends with -'}: Fly and Kubernetes reject such names`);
        }
        return name;
    }
    provider(v) {
        const path = ['deployment', 'provider'];
        const override = this.opts.providerOverride;
        const fix = `set deployment.provider to one of ${_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .PROVIDERS */ .xq.join(', ')}, or pass the input provider`;
        if (v === undefined || v === null || v === '') {
            if (override)
                return { provider: override, asWritten: '' };
            throw this.fail(path, 'no provider', fix);
        }
        const asWritten = typeof v === 'string' ? v : String(v);
        if (typeof v !== 'string' && !override)
            throw this.fail(path, `provider must be a string, not ${typeName(v)}`, fix);
        const pos = this.doc.locate(path) ?? this.doc.nearest(path);
        try {
            const p = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .parseProvider */ .te)(asWritten, { file: this.opts.file, line: pos.line, column: pos.column, field: (0,_document_js__WEBPACK_IMPORTED_MODULE_3__/* .fieldOf */ ._)(path) });
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
            if (!this.opts.providerOverride) {
                throw this.fail(base, 'the config has no deployment section', `add deployment: with provider: one of ${_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .PROVIDERS */ .xq.join(', ')}`);
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
            const pos = this.doc.locate([...base, 'image']);
            (0,_image_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .parseReference */ .F2)(image, { file: this.opts.file, line: pos.line, column: pos.column, field: 'deployment.image' });
            dep.image = image;
        }
        if (v.image_config !== undefined && v.image_config !== null)
            dep.image_config = this.imageConfig(v.image_config);
        const bfs = this.buildFromSource(v.buildFromSource);
        if (bfs)
            dep.buildFromSource = bfs;
        return dep;
    }
    imageConfig(v) {
        const base = ['deployment', 'image_config'];
        if (!isRecord(v))
            throw this.fail(base, `must be a mapping, not ${typeName(v)}`, 'write image_config: with indented keys, at least registry: ghcr.io/owner/app');
        // camelCase spellings are read as their snake_case key (snake_case wins when both are written)
        const keyPath = new Map();
        const ic = {};
        for (const [k, val] of Object.entries(v)) {
            const snake = IMAGE_CONFIG_CAMEL[k];
            if (snake) {
                if (snake in v) {
                    this.warn([...base, k], `ignored: ${snake} is also set (image_config keys are snake_case)`);
                    continue;
                }
                this.warn([...base, k], `read as ${snake}: image_config keys are snake_case; rename it to ${snake}`);
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
        const registry = this.strictStr(at('registry'), ic.registry, registryFix);
        if (!registry)
            throw this.fail(base, 'image_config has no registry', registryFix);
        const rpos = this.doc.locate(at('registry'));
        const where = { file: this.opts.file, line: rpos.line, column: rpos.column, field: (0,_document_js__WEBPACK_IMPORTED_MODULE_3__/* .fieldOf */ ._)(at('registry')) };
        if (!registry.includes('/') && /[.:]|^localhost$/.test(registry)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`"${registry}" is a registry host, not a repository`, { where, fix: registryFix });
        }
        const ref = (0,_image_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .parseReference */ .F2)(registry, where);
        if (ref.tag !== undefined || ref.digest !== undefined) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`"${registry}" carries a ${ref.digest ? 'digest' : 'tag'}`, {
                where,
                fix: 'keep only the repository in registry and move the tag to tag_override (or the digest to digest)',
            });
        }
        const out = {
            registry,
            resolution_strategy: this.enumValue(at('resolution_strategy'), ic.resolution_strategy, STRATEGIES, 'semver'),
            allow_prerelease: this.bool(at('allow_prerelease'), ic.allow_prerelease, false),
            verify_signature: this.bool(at('verify_signature'), ic.verify_signature, true),
            verify_provenance: this.bool(at('verify_provenance'), ic.verify_provenance, true),
            pull_policy: this.enumValue(at('pull_policy'), ic.pull_policy, PULL_POLICIES, 'IfNotPresent'),
        };
        const version = this.str(at('version'), ic.version);
        if (version !== undefined)
            out.version = version;
        const tag = this.strictStr(at('tag_override'), ic.tag_override, 'write the tag as a string, e.g. tag_override: "3.1.0"');
        if (tag !== undefined) {
            if (!(0,_image_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .isValidTag */ .r_)(tag)) {
                throw this.fail(at('tag_override'), `invalid tag_override "${tag}"`, 'a tag is letters, digits, _ . - (at most 128, not starting with . or -)');
            }
            out.tag_override = tag;
        }
        const digestFix = 'write digest: sha256:<64 lowercase hex>, e.g. the digest output of docker/build-push-action';
        const digest = this.strictStr(at('digest'), ic.digest, digestFix);
        if (digest !== undefined) {
            if (!_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .DIGEST_RE */ .Vt.test(digest))
                throw this.fail(at('digest'), `invalid digest "${digest}"`, digestFix);
            out.digest = digest;
        }
        const identity = this.str(at('certificate_identity'), ic.certificate_identity);
        if (identity !== undefined)
            out.certificate_identity = identity;
        const issuer = this.str(at('certificate_oidc_issuer'), ic.certificate_oidc_issuer);
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
                this.warn(at(k), `unknown key (ignored); image_config knows ${[...known].join(', ')}`);
        }
        return out;
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
        const cpus = this.int([...base, 'cpus'], m.cpus);
        if (cpus !== undefined)
            out.cpus = cpus;
        if (m.gpu !== undefined && m.gpu !== null) {
            const g = this.softMap([...base, 'gpu'], m.gpu);
            const gpu = {
                enabled: this.bool([...base, 'gpu', 'enabled'], g.enabled, false),
                type: this.enumValue([...base, 'gpu', 'type'], g.type, ['nvidia', 'amd'], 'nvidia'),
                count: this.int([...base, 'gpu', 'count'], g.count) ?? 1,
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
            const required = this.bool([...p, 'required'], item.required, false);
            const name = this.str([...p, 'name'], item.name);
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


/***/ })

};
