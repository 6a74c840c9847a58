/**
 * The keys flyctl's app configuration declares, for the fly.toml sections the action writes, and the
 * check `fly config validate --strict` makes with them (superfly/flyctl internal/appconfig
 * strict_validate.go StrictValidate: every key of the file, section by section, must be a `toml` tag
 * of the Go struct that reads it; an inline struct's tags count too). `flyctl deploy` itself does NOT
 * make this check: it decodes fly.toml and silently drops a key no struct declares — a misspelt
 * `tcp_check` deploys a machine without its check. So the generated file is held to the strict check
 * here, as the Kubernetes manifests are held to the API schema (ADR 0020).
 *
 * Tags from superfly/flyctl internal/appconfig config.go (Config, Deploy, Mount, Compute), service.go
 * (Service, ServiceTCPCheck, ServiceHTTPCheck) and superfly/fly-go machine_types.go (MachinePort,
 * MachineGuest, inlined into Compute). Sections the action never writes are accepted by name only
 * (their inner keys are not modelled): extend a table here before the generator writes into it.
 */

type Shape = { keys: Record<string, Shape | 'value' | 'map'> };

const value = 'value' as const;
const map = 'map' as const;

const TCP_CHECK: Shape = { keys: { interval: value, timeout: value, grace_period: value } };
const HTTP_CHECK: Shape = {
  keys: {
    interval: value,
    timeout: value,
    grace_period: value,
    method: value,
    path: value,
    protocol: value,
    tls_skip_verify: value,
    headers: map,
  },
};
const PORT: Shape = {
  keys: {
    port: value,
    start_port: value,
    end_port: value,
    handlers: value,
    force_https: value,
    tls_options: map,
    http_options: map,
    proxy_proto_options: map,
  },
};
const SERVICE: Shape = {
  keys: {
    protocol: value,
    internal_port: value,
    auto_stop_machines: value,
    auto_start_machines: value,
    min_machines_running: value,
    ports: PORT,
    concurrency: map,
    tcp_checks: TCP_CHECK,
    http_checks: HTTP_CHECK,
    machine_checks: map,
    processes: value,
  },
};
const MOUNT: Shape = {
  keys: {
    source: value,
    destination: value,
    initial_size: value,
    snapshot_retention: value,
    auto_extend_size_threshold: value,
    auto_extend_size_increment: value,
    auto_extend_size_limit: value,
    processes: value,
  },
};
/** Compute: size, memory, processes, and fly-go's MachineGuest inline */
const VM: Shape = {
  keys: {
    size: value,
    memory: value,
    processes: value,
    cpu_kind: value,
    cpus: value,
    memory_mb: value,
    gpus: value,
    gpu_kind: value,
    host_dedication_id: value,
    kernel_args: value,
    persist_rootfs: value,
  },
};
const DEPLOY: Shape = {
  keys: {
    strategy: value,
    max_unavailable: value,
    wait_timeout: value,
    release_command: value,
    release_command_timeout: value,
    release_command_vm: map,
    seed_command: value,
  },
};
const CONFIG: Shape = {
  keys: {
    app: value,
    primary_region: value,
    kill_signal: value,
    kill_timeout: value,
    swap_size_mb: value,
    console_command: value,
    experimental: map,
    build: map,
    deploy: DEPLOY,
    env: map,
    processes: map,
    mounts: MOUNT,
    http_service: map,
    services: SERVICE,
    checks: map,
    files: map,
    host_dedication_id: value,
    machine_config: value,
    container: value,
    machine_checks: map,
    restart: map,
    vm: VM,
    statics: map,
    metrics: map,
  },
};

function walk(path: string, node: unknown, shape: Shape, out: string[]): void {
  if (Array.isArray(node)) {
    node.forEach((n, i) => walk(`${path}[${i}]`, n, shape, out));
    return;
  }
  if (node === null || typeof node !== 'object') {
    out.push(`${path}: a table was expected`);
    return;
  }
  for (const [key, v] of Object.entries(node)) {
    const inner = shape.keys[key];
    const at = path ? `${path}.${key}` : key;
    if (inner === undefined) out.push(`${at}: not a key flyctl declares`);
    else if (typeof inner === 'object') walk(at, v, inner, out);
  }
}

/** What `fly config validate --strict` would list as unrecognized in a parsed fly.toml ([] when none). */
export function unrecognizedFlyTomlKeys(doc: Record<string, unknown>): string[] {
  const out: string[] = [];
  walk('', doc, CONFIG, out);
  return out;
}
