/**
 * The compose document of the docker provider, built as an object from sindri.yaml and serialized
 * with `yaml` (never by string concatenation). Pure: everything observed on the engine (runtimes,
 * CPU count) comes in as `EngineFacts`, absent in plan mode.
 *
 * Differences from upstream's docker-compose.yml.tera (docs/upstream.md#compose-template), on purpose:
 * - `restart`, `network` (as `network_mode`) and `runtime` are honoured (upstream drops them);
 * - GPUs use device reservations only (no `runtime: nvidia`, so no clash with sysbox);
 * - the home volume is named exactly `<name>_home` (top-level `name:`), not `<project>_<name>_home`;
 * - every string from the config has `$` escaped as `$$`, so compose interpolation can never pull a
 *   value from the runner's environment into the container.
 */
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { placeOf } from '../../config/place.js';
import type { SindriConfig } from '../../config/types.js';
import { ActionError, type ErrorLocation } from '../../errors.js';
import { DOCKER_NAME, resourceName } from '../../naming.js';
import { sindriEnvironment } from '../kit/environment.js';
import { GENERATED_HEADER, type GeneratedFile } from '../kit/files.js';
import { DELIVERED_SOURCES } from '../kit/secrets.js';
import { SECRETS_FILE_VAR } from './secrets.js';
import { SIZE_RE, deploymentUrl, dockerSettings, resolveDindMode, type DindMode, type NetworkMode } from './settings.js';
import { PREVIEW_FIELDS, TRACE_FIELDS, previewMarks, traceMetadata, type PreviewField, type Trace, type TraceField } from '../../trace.js';

export const SERVICE = 'sindri';
export const HOME_MOUNT = '/alt/home/developer';
/** Generated files, relative to the working directory. Not `docker-compose.yml`: a repository often has its own. */
export const COMPOSE_FILE = 'sindri-compose.yml';
/** Label holding the hash of the rendered document (secret values excluded): the skip-if-unchanged check. */
export const CONFIG_HASH_LABEL = 'org.sindri.deploy-action.config-hash';
export const PROJECT_LABEL = 'com.docker.compose.project';
/** The document itself (base64 JSON, labels left out): what `rollback` puts back when the next rollout fails. */
export const DOCUMENT_LABEL = 'org.sindri.deploy-action.compose-document';
/** Trace and preview labels: `org.sindri.deploy-action.run-url`, `…name`, `…name-suffix` (docs/behaviour.md#traceability). */
export const traceLabel = (field: TraceField | PreviewField): string => `org.sindri.deploy-action.${field}`;

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
  /** input health-command (and health-timeout): the service's `healthcheck`, so `compose up --wait` waits on it */
  health?: { command: string; timeoutMs: number };
  /** the run that deploys it: labels of the container, left out of the change hash (a new run is not a change) */
  trace?: Trace;
}

export interface RenderedCompose {
  document: Record<string, unknown>;
  yaml: string;
  /** `yaml` as a plan prints it: the document label (base64 of this same document) left out */
  shown: string;
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

/**
 * The service's healthcheck for input health-command: the same shell line as the check after the
 * release, by the container's own `/bin/sh -c` (`CMD-SHELL`). Probed every 2 s; failures in the first
 * `health-timeout` do not count (`start_period`, so a slow start gets what health-timeout promises), a
 * pass counts at once; then 3 failures in a row make it unhealthy. (`start_interval`, a faster probe
 * only while starting, needs Docker Engine 25.)
 */
export function composeHealthcheck(health: { command: string; timeoutMs: number }): Record<string, unknown> {
  return {
    test: ['CMD-SHELL', health.command],
    interval: '2s',
    timeout: '10s',
    retries: 3,
    start_period: `${Math.max(1, Math.ceil(health.timeoutMs / 1000))}s`,
  };
}

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
  const name = resourceName(config.name, input.nameSuffix ?? '', DOCKER_NAME);
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

  if (input.health?.command) svc.healthcheck = composeHealthcheck(input.health);

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
    limits: { memory: composeMemory(res.memory ?? '4GB', placeOf(config, ['deployment', 'resources', 'memory'])), cpus: String(cpus) },
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

  const unsupported = config.secrets.filter((x) => !DELIVERED_SOURCES.includes(x.source)).map((x) => x.name);
  if (unsupported.length > 0)
    notes.push(`secrets ${unsupported.join(', ')}: only source: env and file secrets are handed to the container`);

  const project = projectName(name);
  const document: Record<string, unknown> = escapeInterpolation({
    name: project,
    ...input.base,
    services: { [SERVICE]: svc },
    volumes: topVolumes,
  }) as Record<string, unknown>;
  const service = (document.services as Record<string, Record<string, unknown>>)[SERVICE]!;
  if (input.secretNames.length > 0) service.env_file = [envFileEntry()];
  const hash = changeHash(JSON.stringify(document));
  service.labels = {
    ...traceMetadata(input.trace, previewMarks(config.name, input.nameSuffix ?? ''), traceLabel),
    ...documentLabels(document, hash),
  };

  const header = `${GENERATED_HEADER} from ${config.file}: do not edit, it is rewritten on every deploy\n`;
  return {
    document,
    yaml: `${header}${serialize(document)}`,
    shown: `${header}${serialize(withoutDocumentLabel(document))}`,
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

/** A copy of the document whose document label says what it holds instead of holding it (what a plan prints). */
function withoutDocumentLabel(document: Record<string, unknown>): Record<string, unknown> {
  const copy = structuredClone(document);
  const labels = (copy.services as Record<string, Record<string, unknown>>)[SERVICE]!.labels as Record<string, string>;
  const bytes = labels[DOCUMENT_LABEL]?.length ?? 0;
  labels[DOCUMENT_LABEL] = `(${bytes} characters of base64: this document without its labels, for a rollback; not shown)`;
  return copy;
}

/** The labels of the service: the change hash and the document they describe (base64: no `$` for compose to read). */
export function documentLabels(document: Record<string, unknown>, hash: string): Record<string, string> {
  return { [CONFIG_HASH_LABEL]: hash, [DOCUMENT_LABEL]: Buffer.from(JSON.stringify(document), 'utf8').toString('base64') };
}

/**
 * The env file's entry in a document: its path is read from the environment of the compose command
 * (`${SINDRI_SECRETS_ENV_FILE}`, a private folder under RUNNER_TEMP that changes every run), so the
 * document and its hash stay the same from run to run; `/dev/null` (nothing) when it is not set.
 */
function envFileEntry(): { path: string; required: false } {
  return { path: `\${${SECRETS_FILE_VAR}:-/dev/null}`, required: false };
}

/** What ran before a rollout: its document, the image ID that restores exactly it, and the pinned ref to report. */
export interface PreviousDeployment {
  /** the document, its image replaced by the image ID, with its labels, as YAML */
  yaml: string;
  /** `sha256:…`: what the rollback runs (never a tag, which may have moved to the new image) */
  imageId: string;
  /** what the outputs and the line say ran before: the digest reference it was deployed by, else the image ID */
  ref: string;
}

/**
 * The deployment a running container was started from, from its labels, to be restored exactly: the
 * image by ID. A document of an earlier version naming the env file in the working directory is
 * pointed at this run's file. Undefined when the container has no such labels.
 */
export function previousDeployment(
  running: { labels: Record<string, string>; imageId: string },
  source: string,
): PreviousDeployment | undefined {
  const encoded = running.labels[DOCUMENT_LABEL];
  const hash = running.labels[CONFIG_HASH_LABEL];
  if (!encoded || !hash) return undefined;
  const document = JSON.parse(Buffer.from(encoded, 'base64').toString('utf8')) as Record<string, unknown>;
  const service = (document.services as Record<string, Record<string, unknown>> | undefined)?.[SERVICE];
  if (!service) return undefined;
  const deployedAs = String(service.image ?? '');
  // the restored container keeps the trace of the run that deployed it
  const traceKeys = new Set([...TRACE_FIELDS, ...PREVIEW_FIELDS].map(traceLabel));
  const traced = Object.entries(running.labels).filter(([k]) => traceKeys.has(k));
  const labels = { ...Object.fromEntries(traced), ...documentLabels(structuredClone(document), hash) };
  service.image = running.imageId;
  if (service.env_file !== undefined) service.env_file = [envFileEntry()];
  service.labels = labels;
  return {
    yaml: `${GENERATED_HEADER} from ${source} (the previous deployment, put back by rollback)\n${serialize(document)}`,
    imageId: running.imageId,
    ref: /@sha256:[0-9a-f]{64}$/.test(deployedAs) ? deployedAs : running.imageId,
  };
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

/**
 * The working directory's sindri-compose.yml as kit/files.ts writes it: only a document this action
 * generated (its header line) is replaced; with `project`, only one generated for exactly that compose
 * project (destroy removes it only then: a deploy with another name-suffix may have written it).
 */
export function composeFile(workdir: string, project?: string): GeneratedFile {
  return { path: join(workdir, COMPOSE_FILE), file: COMPOSE_FILE, root: workdir, isOurs: (text) => isOurCompose(text, project) };
}

function isOurCompose(text: string, project: string | undefined): boolean {
  if (!text.startsWith(GENERATED_HEADER)) return false;
  if (project === undefined) return true;
  try {
    return (parse(text) as { name?: unknown } | null)?.name === project;
  } catch {
    return false;
  }
}
