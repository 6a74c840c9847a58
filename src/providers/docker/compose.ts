/**
 * The compose document of the docker provider, built as an object from sindri.yaml and serialized
 * with `yaml` (never by string concatenation). Pure: everything observed on the engine (runtimes,
 * CPU count) comes in as `EngineFacts`, absent in plan mode.
 *
 * Differences from upstream's docker-compose.yml.tera (FACTS §4.1), on purpose:
 * - `restart`, `network` (as `network_mode`) and `runtime` are honoured (upstream drops them);
 * - GPUs use device reservations only (no `runtime: nvidia`, so no clash with sysbox);
 * - the home volume is named exactly `<name>_home` (top-level `name:`), not `<project>_<name>_home`;
 * - every string from the config has `$` escaped as `$$`, so compose interpolation can never pull a
 *   value from the runner's environment into the container.
 */
import { resourceName } from '../../naming.js';
import { stringify } from 'yaml';
import { ActionError, type ErrorLocation } from '../../errors.js';
import type { SindriConfig } from '../../config/types.js';
import { sindriEnvironment } from '../kit/environment.js';

export const SERVICE = 'sindri';
export const HOME_MOUNT = '/alt/home/developer';
/** Generated files, relative to the working directory. Not `docker-compose.yml`: a repository often has its own. */
export const COMPOSE_FILE = 'sindri-compose.yml';
export const SECRETS_FILE = '.sindri-secrets.env';
/** Label holding the hash of the rendered document (secret values excluded): the skip-if-unchanged check. */
export const CONFIG_HASH_LABEL = 'org.sindri.deploy-action.config-hash';
export const PROJECT_LABEL = 'com.docker.compose.project';
/** The document itself (base64 JSON, labels left out): what `rollback` puts back when the next rollout fails. */
export const DOCUMENT_LABEL = 'org.sindri.deploy-action.compose-document';

export type NetworkMode = 'bridge' | 'host' | 'none';
export type DindMode = 'sysbox' | 'privileged' | 'socket' | 'none';

export interface DockerSettings {
  /** undefined: compose's own project network */
  network?: NetworkMode;
  restart: 'no' | 'always' | 'on-failure' | 'unless-stopped';
  /** `host:container` */
  ports: string[];
  privileged: boolean;
  extraHosts: string[];
  runtime: 'runc' | 'sysbox-runc' | 'auto';
  dind: { enabled: boolean; mode: 'sysbox' | 'privileged' | 'socket' | 'auto'; storageDriver: string; storageSize: string };
}

/** What deploy learns from `docker info`; plan has none of it. */
export interface EngineFacts {
  runtimes: string[];
  cpus: number;
}

export interface ComposeInput {
  config: SindriConfig;
  /** the reference to run: `repo@sha256:…` or the built `<name>:<sha>` */
  image: string;
  /** the base document (templates/docker/compose.yml) */
  base: Record<string, unknown>;
  /** names of the secrets handed over through the env file (values never reach this module) */
  secretNames: readonly string[];
  engine?: EngineFacts;
  /** input name-suffix: container, project and volumes are `<name>-<suffix>` (preview environments) */
  nameSuffix?: string;
}

export interface RenderedCompose {
  document: Record<string, unknown>;
  yaml: string;
  project: string;
  container: string;
  /** docker volume names the document declares */
  volumes: string[];
  hash: string;
  url: string;
  dindMode: DindMode;
  network?: NetworkMode;
  /** things the user should fix or know (printed as warnings) */
  warnings: string[];
  /** facts left open in plan mode (printed as notes) */
  notes: string[];
}

const NETWORKS = ['bridge', 'host', 'none'] as const;
const RESTARTS = ['no', 'always', 'on-failure', 'unless-stopped'] as const;
const RUNTIMES = ['runc', 'sysbox-runc', 'auto'] as const;
const DIND_MODES = ['sysbox', 'privileged', 'socket', 'auto'] as const;
const SIZE_RE = /^(\d+)(MB|GB)$/i;
const PORT_RE = /^(\d{1,5}):(\d{1,5})$/;

/** Compose project name: `sindri-<name>`, so `down --remove-orphans` can never touch a user's own project. */
export function projectName(name: string): string {
  return `sindri-${name}`;
}

export function homeVolume(name: string): string {
  return `${name}_home`;
}
export function dockerVolume(name: string): string {
  return `${name}_docker`;
}

function fail(config: SindriConfig, path: (string | number)[], what: string, fix: string): ActionError {
  const at = config.locate(path);
  return new ActionError(what, { where: { file: config.file, line: at?.line, column: at?.column, field: path.join('.') }, fix });
}

function pick<T extends string>(config: SindriConfig, path: (string | number)[], value: unknown, allowed: readonly T[], fallback: T): T {
  if (value === undefined || value === null) return fallback;
  const v = String(value);
  if ((allowed as readonly string[]).includes(v)) return v as T;
  throw fail(config, path, `invalid value "${v}"`, `use one of ${allowed.join(', ')}`);
}

function strings(config: SindriConfig, path: (string | number)[], value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw fail(config, path, 'expected a list', 'write it as a YAML list of strings');
  return value.map((v, i) => {
    if (typeof v !== 'string' && typeof v !== 'number') throw fail(config, [...path, i], 'expected a string', 'quote the value');
    return String(v);
  });
}

function bool(config: SindriConfig, path: (string | number)[], value: unknown, fallback: boolean): boolean {
  if (value === undefined || value === null) return fallback;
  if (typeof value === 'boolean') return value;
  throw fail(config, path, `expected true or false, got "${String(value)}"`, 'use true or false');
}

/** `providers.docker` with upstream's defaults (FACTS §1.8), validated; bad values fail with their line. */
export function dockerSettings(config: SindriConfig): DockerSettings {
  const raw = config.providers.docker ?? {};
  const p = ['providers', 'docker'];
  const dindRaw = (raw.dind ?? {}) as Record<string, unknown>;
  const ports = strings(config, [...p, 'ports'], raw.ports);
  ports.forEach((port, i) => {
    const m = PORT_RE.exec(port);
    if (!m || [m[1], m[2]].some((n) => Number(n) < 1 || Number(n) > 65535)) {
      throw fail(
        config,
        [...p, 'ports', i],
        `invalid port mapping "${port}"`,
        'write it as "<host port>:<container port>", e.g. "3000:3000"',
      );
    }
  });
  const storageSize = String(dindRaw.storageSize ?? '20GB');
  if (!SIZE_RE.test(storageSize))
    throw fail(config, [...p, 'dind', 'storageSize'], `invalid size "${storageSize}"`, 'write it like 20GB or 512MB');
  const settings: DockerSettings = {
    restart: pick(config, [...p, 'restart'], raw.restart, RESTARTS, 'unless-stopped'),
    ports,
    privileged: bool(config, [...p, 'privileged'], raw.privileged, false),
    extraHosts: strings(config, [...p, 'extraHosts'], raw.extraHosts),
    runtime: pick(config, [...p, 'runtime'], raw.runtime, RUNTIMES, 'auto'),
    dind: {
      enabled: bool(config, [...p, 'dind', 'enabled'], dindRaw.enabled, false),
      mode: pick(config, [...p, 'dind', 'mode'], dindRaw.mode, DIND_MODES, 'auto'),
      storageDriver: pick(
        config,
        [...p, 'dind', 'storageDriver'],
        dindRaw.storageDriver,
        ['auto', 'overlay2', 'fuse-overlayfs', 'vfs'],
        'auto',
      ),
      storageSize,
    },
  };
  if (raw.network !== undefined && raw.network !== null)
    settings.network = pick(config, [...p, 'network'], raw.network, NETWORKS, 'bridge');
  return settings;
}

/** Where a config value is written, for an error line (file:line and the field). */
function configAt(config: SindriConfig, path: string[]): ErrorLocation {
  const pos = config.locate(path);
  return { file: config.file, line: pos?.line, column: pos?.column, field: path.join('.') };
}

/** `4GB` → `4g`, `512MB` → `512m` (docker's binary units, as upstream meant them). */
export function composeMemory(value: string, where: ErrorLocation = { field: 'deployment.resources.memory' }): string {
  const m = SIZE_RE.exec(value.trim());
  if (!m || Number(m[1]) === 0)
    throw new ActionError(`invalid memory size "${value}"`, {
      where,
      fix: 'write a whole number of MB or GB, e.g. memory: 4GB or 512MB (docker needs MB or GB)',
    });
  return `${Number(m[1])}${m[2]!.toUpperCase() === 'GB' ? 'g' : 'm'}`;
}

/**
 * Upstream's DinD choice (FACTS §3.1): `auto` → sysbox when the engine has `sysbox-runc`, else
 * privileged when `providers.docker.privileged`, else none. An explicit `sysbox` on an engine
 * without it is an error here (upstream silently ran without DinD). `runtimes` undefined = plan.
 */
export function resolveDindMode(s: DockerSettings, runtimes: readonly string[] | undefined): { mode: DindMode; note?: string } {
  if (!s.dind.enabled) return { mode: 'none' };
  const sysbox = runtimes?.includes('sysbox-runc');
  switch (s.dind.mode) {
    case 'privileged':
    case 'socket':
      return { mode: s.dind.mode };
    case 'sysbox':
      if (runtimes !== undefined && !sysbox) {
        throw new ActionError('providers.docker.dind.mode is sysbox but the Docker engine has no sysbox-runc runtime', {
          where: { field: 'providers.docker.dind.mode' },
          fix: 'install sysbox on the runner, or use mode: privileged or socket',
        });
      }
      return runtimes === undefined
        ? { mode: 'sysbox', note: 'dind mode sysbox: deploy checks that the engine has the sysbox-runc runtime' }
        : { mode: 'sysbox' };
    case 'auto':
      if (sysbox) return { mode: 'sysbox' };
      if (runtimes === undefined) {
        const fallback: DindMode = s.privileged ? 'privileged' : 'none';
        return {
          mode: fallback,
          note: `dind mode auto: sysbox when the engine has sysbox-runc (deploy asks docker info), else ${fallback}`,
        };
      }
      return { mode: s.privileged ? 'privileged' : 'none' };
  }
}

/** `http://localhost:<host port>` of the first published port; with host networking the first entry's container port. */
export function deploymentUrl(s: DockerSettings): string {
  const first = s.ports[0];
  if (!first || s.network === 'none') return '';
  const [host, container] = first.split(':');
  return `http://localhost:${s.network === 'host' ? container : host}`;
}

/** `$` → `$$` in every string, so compose interpolation treats user values literally. */
function escapeInterpolation(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(/\$/g, '$$$$');
  if (Array.isArray(value)) return value.map(escapeInterpolation);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, escapeInterpolation(v)]));
  return value;
}

function serialize(doc: unknown): string {
  // YAML 1.1 quoting: `no`, `on`, `0755` stay strings for every parser compose has used
  return stringify(doc, { version: '1.1', lineWidth: 0 });
}

export function renderCompose(input: ComposeInput): RenderedCompose {
  const { config, engine } = input;
  const s = dockerSettings(config);
  const name = resourceName(config.name, input.nameSuffix ?? '');
  const warnings: string[] = [];
  const notes: string[] = [];
  const dind = resolveDindMode(s, engine?.runtimes);
  if (dind.note) notes.push(dind.note);

  const baseServices = (input.base.services ?? {}) as Record<string, Record<string, unknown>>;
  const svc: Record<string, unknown> = { image: input.image, container_name: name, ...(baseServices[SERVICE] ?? {}) };
  svc.restart = s.restart;

  // runtime: explicit wins; `auto` means sysbox-runc exactly when DinD runs under sysbox
  const runtime = s.runtime === 'auto' ? (dind.mode === 'sysbox' ? 'sysbox-runc' : undefined) : s.runtime;
  if (runtime) svc.runtime = runtime;
  if (s.privileged || dind.mode === 'privileged') svc.privileged = true;

  if (s.network) svc.network_mode = s.network;
  if (s.ports.length > 0) {
    if (s.network === 'host' || s.network === 'none') {
      warnings.push(
        `providers.docker.ports is ignored with network: ${s.network} (${s.network === 'host' ? 'the container already listens on the host' : 'the container has no network'}); remove ports or use network: bridge`,
      );
    } else svc.ports = s.ports;
  }
  if (s.extraHosts.length > 0) svc.extra_hosts = s.extraHosts;

  const volumes = [`home:${HOME_MOUNT}`];
  const topVolumes: Record<string, { name: string }> = { home: { name: homeVolume(name) } };
  if (dind.mode === 'privileged') {
    volumes.push('docker:/var/lib/docker');
    topVolumes.docker = { name: dockerVolume(name) };
  } else if (dind.mode === 'socket') {
    volumes.push('/var/run/docker.sock:/var/run/docker.sock');
  }
  svc.volumes = volumes;

  if (input.secretNames.length > 0) svc.env_file = [{ path: `./${SECRETS_FILE}`, required: false }];

  const env = sindriEnvironment(config);
  if (dind.mode !== 'none') {
    env.SINDRI_DIND_MODE = dind.mode;
    env.SINDRI_DIND_STORAGE_SIZE = s.dind.storageSize;
    env.SINDRI_DIND_STORAGE_DRIVER = s.dind.storageDriver;
  }
  svc.environment = env;

  // security: no DinD → a minimal capability set; socket → no privilege escalation
  if (dind.mode === 'none' && !s.privileged) {
    svc.cap_drop = ['ALL'];
    svc.cap_add = ['CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'SETUID', 'SETGID'];
  } else if (dind.mode === 'socket') {
    svc.security_opt = ['no-new-privileges:true'];
    svc.group_add = ['docker'];
  }

  const res = config.deployment.resources;
  let cpus = res.cpus ?? 2;
  if (engine && cpus > engine.cpus) {
    warnings.push(`deployment.resources.cpus is ${cpus} but the Docker engine has ${engine.cpus} CPUs; the limit is set to ${engine.cpus}`);
    cpus = engine.cpus;
  }
  const resources: Record<string, unknown> = {
    limits: { memory: composeMemory(res.memory ?? '4GB', configAt(config, ['deployment', 'resources', 'memory'])), cpus: String(cpus) },
  };
  const gpu = res.gpu;
  if (gpu?.enabled) {
    if (gpu.type === 'amd') {
      // ROCm has no compose device driver: the devices are mapped directly
      svc.devices = ['/dev/kfd:/dev/kfd', '/dev/dri:/dev/dri'];
      svc.group_add = [...((svc.group_add as string[] | undefined) ?? []), 'video'];
    } else {
      resources.reservations = { devices: [{ driver: 'nvidia', count: gpu.count, capabilities: ['gpu', 'compute', 'utility'] }] };
    }
  }
  svc.deploy = { resources };

  const unsupported = config.secrets.filter((x) => x.source !== 'env').map((x) => x.name);
  if (unsupported.length > 0) notes.push(`secrets ${unsupported.join(', ')}: only source: env secrets are handed to the container`);

  const project = projectName(name);
  const document: Record<string, unknown> = escapeInterpolation({
    name: project,
    ...input.base,
    services: { [SERVICE]: svc },
    volumes: topVolumes,
  }) as Record<string, unknown>;
  const hash = changeHash(JSON.stringify(document));
  const service = (document.services as Record<string, Record<string, unknown>>)[SERVICE]!;
  service.labels = documentLabels(document, hash);

  return {
    document,
    yaml: `# generated by sindri/deploy-action from ${config.file}: do not edit, it is rewritten on every deploy\n${serialize(document)}`,
    project,
    container: name,
    volumes: Object.values(topVolumes).map((v) => v.name),
    hash,
    url: deploymentUrl(s),
    dindMode: dind.mode,
    network: s.network,
    warnings,
    notes,
  };
}

/** The labels of the service: the change hash and the document they describe (base64: no `$` for compose to read). */
export function documentLabels(document: Record<string, unknown>, hash: string): Record<string, string> {
  return { [CONFIG_HASH_LABEL]: hash, [DOCUMENT_LABEL]: Buffer.from(JSON.stringify(document), 'utf8').toString('base64') };
}

/** The document a running container was started from, with its labels, as YAML; undefined when it has none. */
export function documentFromLabels(labels: Record<string, string>, source: string): { yaml: string; image: string } | undefined {
  const encoded = labels[DOCUMENT_LABEL];
  const hash = labels[CONFIG_HASH_LABEL];
  if (!encoded || !hash) return undefined;
  const document = JSON.parse(Buffer.from(encoded, 'base64').toString('utf8')) as Record<string, unknown>;
  const service = (document.services as Record<string, Record<string, unknown>> | undefined)?.[SERVICE];
  if (!service) return undefined;
  const image = String(service.image ?? '');
  service.labels = documentLabels(structuredClone(document), hash);
  return {
    yaml: `# generated by sindri/deploy-action from ${source} (the previous deployment, put back by rollback)\n${serialize(document)}`,
    image,
  };
}

/**
 * The env file compose reads (`env_file`), in the dotenv dialect of compose v2: single quotes are
 * literal (new lines included); a value holding `'` is double-quoted with `\\ \" \$ \n \r` escapes.
 */
export function encodeEnvFile(values: ReadonlyMap<string, string> | Record<string, string>): string {
  const entries = values instanceof Map ? [...values.entries()] : Object.entries(values);
  return entries
    .map(([k, v]) => {
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(k))
        throw new ActionError(`invalid secret name "${k}"`, { fix: 'secret names are letters, digits and _' });
      if (!v.includes("'")) return `${k}='${v}'\n`;
      const escaped = v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\$/g, '\\$').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
      return `${k}="${escaped}"\n`;
    })
    .join('');
}

/**
 * 64-bit FNV-1a of the rendered document, for the skip-if-unchanged label: change detection, not
 * security (no secret is in the document), so node:crypto is not loaded on the plan path (ADR 0002).
 */
export function changeHash(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0xcbf29ce4;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x0100019d);
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}
