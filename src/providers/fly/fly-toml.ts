/**
 * fly.toml for provider fly, as an object serialized with smol-toml (never a string template), and
 * the settings of `providers.fly` it is made from (FACTS §1.8, §3.2, §4.2; ADR 0008). Pure: no file
 * system, no flyctl. Keys are flyctl's own (internal/appconfig/config.go, service.go in
 * superfly/flyctl): `[[vm]]` with `size`/`cpu_kind`/`cpus`/`memory`, top-level `swap_size_mb`,
 * `[[mounts]]`, `[[services]]` with `auto_stop_machines`.
 */
import { createHash } from 'node:crypto';
import { stringify } from 'smol-toml';
import type { SindriConfig } from '../../config/types.js';
import { ActionError } from '../../errors.js';
import { resourceName, type NamingRules } from '../../naming.js';
import { HOME_MOUNT } from '../docker/compose.js';
import { sindriEnvironment } from '../kit/environment.js';

export const FLY_TOML = 'fly.toml';
/** the home volume, as upstream names it; volumes are scoped to the app, so the app name carries the suffix */
export const HOME_VOLUME = 'home_data';
/** sshd in the Sindri image (FACTS §4) */
export const SSHD_PORT = 2222;

/** Fly app names: lowercase letters, digits and hyphens, one DNS label (`<app>.fly.dev`). */
export const FLY_APP_NAME: NamingRules = { max: 63, invalid: /[^a-z0-9-]+/g, lowercase: true };

export interface FlySettings {
  /** `providers.fly.name` (an addition of this action), else `name` */
  baseName: string;
  region: string;
  organization: string;
  autoStopMachines: boolean;
  autoStartMachines: boolean;
  cpuKind: 'shared' | 'performance';
  sshPort: number;
  highAvailability: boolean;
  /** a billable dedicated IPv4, only on request (upstream always allocated one) */
  dedicatedIpv4: boolean;
}

function bad(config: SindriConfig, key: string, what: string, fix: string): ActionError {
  const at = config.locate(['providers', 'fly', key]);
  return new ActionError(what, { where: { file: config.file, line: at?.line, column: at?.column, field: `providers.fly.${key}` }, fix });
}

export function flySettings(config: SindriConfig): FlySettings {
  const raw = config.providers.fly ?? {};
  const bool = (key: string, fallback: boolean): boolean => {
    const v = raw[key];
    if (v === undefined || v === null) return fallback;
    if (typeof v !== 'boolean')
      throw bad(config, key, `${key} must be true or false, not ${JSON.stringify(v)}`, `write ${key}: true or false`);
    return v;
  };
  const str = (key: string, fallback: string, re: RegExp, fix: string): string => {
    const v = raw[key];
    if (v === undefined || v === null || v === '') return fallback;
    if (typeof v !== 'string' || !re.test(v)) throw bad(config, key, `invalid ${key} ${JSON.stringify(v)}`, fix);
    return v;
  };
  const cpuKind = str('cpuKind', 'shared', /^(shared|performance)$/, 'use shared or performance') as FlySettings['cpuKind'];
  const sshRaw = raw.sshPort ?? 10022;
  if (typeof sshRaw !== 'number' || !Number.isInteger(sshRaw) || sshRaw < 1024 || sshRaw > 65535)
    throw bad(config, 'sshPort', `invalid sshPort ${JSON.stringify(sshRaw)}`, 'use a port between 1024 and 65535');
  return {
    baseName: str(
      'name',
      config.name,
      /^[a-z][a-z0-9-]*$/,
      'a Fly app name: lowercase letters, digits and hyphens, starting with a letter',
    ),
    region: str('region', 'sjc', /^[a-z0-9]{3,4}$/, 'use a Fly.io region code such as sjc, ord or fra (flyctl platform regions)'),
    organization: str('organization', 'personal', /^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'use an organization slug (flyctl orgs list)'),
    autoStopMachines: bool('autoStopMachines', true),
    autoStartMachines: bool('autoStartMachines', true),
    cpuKind,
    sshPort: sshRaw,
    highAvailability: bool('highAvailability', false),
    dedicatedIpv4: bool('dedicatedIpv4', false),
  };
}

/** The app: `providers.fly.name` else `name`, plus `-<name-suffix>`, within Fly's naming rules. */
export function flyAppName(settings: FlySettings, suffix: string): string {
  return resourceName(settings.baseName, suffix, FLY_APP_NAME);
}

const SIZE_RE = /^(\d+)\s*(MB|GB|TB)$/i;

/** `2GB` → 2048 (MB), as upstream's Fly context reads `resources.memory`. */
export function megabytes(value: string, field: string): number {
  const m = SIZE_RE.exec(value.trim());
  if (!m) throw new ActionError(`invalid size "${value}"`, { where: { field }, fix: 'write it like 2GB or 512MB' });
  const n = Number(m[1]);
  const unit = m[2]!.toUpperCase();
  return unit === 'MB' ? n : unit === 'GB' ? n * 1024 : n * 1024 * 1024;
}

/** Volume size in whole GB (Fly's unit), at least 1. */
export function volumeGigabytes(config: SindriConfig): number {
  const size = config.deployment.volumes.workspace?.size ?? '10GB';
  return Math.max(1, Math.ceil(megabytes(size, 'deployment.volumes.workspace.size') / 1024));
}

/** FACTS §3.2: GPU tier → Fly VM size preset, CPUs and memory (MB). */
export const GPU_TIERS: Readonly<Record<string, { size: string; cpus: number; memoryMb: number }>> = {
  'gpu-small': { size: 'a100-40gb', cpus: 8, memoryMb: 32768 },
  'gpu-medium': { size: 'a100-40gb', cpus: 16, memoryMb: 65536 },
  'gpu-large': { size: 'l40s', cpus: 16, memoryMb: 65536 },
  'gpu-xlarge': { size: 'a100-80gb', cpus: 32, memoryMb: 131072 },
};

const TOML_HEADER = '# generated by sindri/deploy-action';

/** true for a fly.toml this action wrote (its first line), so a user's own is never overwritten or removed */
export function isOurToml(text: string): boolean {
  return text.startsWith(TOML_HEADER);
}

export interface FlyTomlInput {
  config: SindriConfig;
  settings: FlySettings;
  app: string;
  /** secret names: never written to [env], whatever the settings say */
  secretNames: readonly string[];
}

export interface RenderedFlyToml {
  doc: Record<string, unknown>;
  text: string;
  /** sha256 of the text: kept on the machines (`SINDRI_FLY_TOML_SHA256`) to skip an unchanged redeploy */
  hash: string;
  notes: string[];
}

export function renderFlyToml(input: FlyTomlInput): RenderedFlyToml {
  const { config, settings, app } = input;
  const notes: string[] = [];
  const res = config.deployment.resources;

  const env: Record<string, string> = { DEV_USER: 'developer', SSH_PORT: String(SSHD_PORT), TZ: 'UTC', ...sindriEnvironment(config) };
  for (const name of input.secretNames) {
    if (name in env) {
      delete env[name];
      notes.push(`[env] ${name} left out: it is a secret, set with flyctl secrets import`);
    }
  }

  let vm: Record<string, unknown>;
  let memoryMb: number;
  const gpu = res.gpu;
  if (gpu?.enabled) {
    if (gpu.type === 'amd')
      throw new ActionError('Fly.io has no AMD GPUs', {
        where: { file: config.file, field: 'deployment.resources.gpu.type' },
        fix: 'use type: nvidia with a tier (gpu-small … gpu-xlarge), or another provider',
      });
    const tierName = gpu.tier ?? 'gpu-small';
    const tier = GPU_TIERS[tierName];
    if (!tier)
      throw new ActionError(`unknown GPU tier "${tierName}"`, {
        where: { file: config.file, field: 'deployment.resources.gpu.tier' },
        fix: `use one of ${Object.keys(GPU_TIERS).join(', ')}`,
      });
    if (!gpu.tier) notes.push('resources.gpu has no tier: gpu-small (a100-40gb) is used');
    memoryMb = tier.memoryMb;
    vm = { size: tier.size, cpus: tier.cpus, memory: `${tier.memoryMb}mb` };
    if (gpu.count > 1) vm.gpus = gpu.count;
  } else {
    memoryMb = megabytes(res.memory ?? '2GB', 'deployment.resources.memory');
    vm = { cpu_kind: settings.cpuKind, cpus: res.cpus ?? 2, memory: `${memoryMb}mb` };
  }

  const gb = volumeGigabytes(config);
  const doc: Record<string, unknown> = {
    app,
    primary_region: settings.region,
    swap_size_mb: Math.max(Math.floor(memoryMb / 2), 2048),
    deploy: { strategy: 'rolling' },
    env,
    mounts: [
      {
        source: HOME_VOLUME,
        destination: HOME_MOUNT,
        initial_size: `${gb}gb`,
        snapshot_retention: 7,
        auto_extend_size_threshold: 80,
        auto_extend_size_increment: '5GB',
        auto_extend_size_limit: '250GB',
      },
    ],
    services: [
      {
        protocol: 'tcp',
        internal_port: SSHD_PORT,
        // flyctl's MachineAutostop: "off" | "stop" | "suspend"
        auto_stop_machines: settings.autoStopMachines ? 'suspend' : 'off',
        auto_start_machines: settings.autoStartMachines,
        min_machines_running: 0,
        ports: [{ port: settings.sshPort }],
        tcp_checks: [{ interval: '30s', timeout: '10s', grace_period: '120s' }],
      },
    ],
    vm: [vm],
  };
  const text = `${TOML_HEADER} from ${config.file}: edit ${config.file}, not this file\n${stringify(doc)}\n`;
  return { doc, text, hash: createHash('sha256').update(text).digest('hex'), notes };
}
