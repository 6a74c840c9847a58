/**
 * What provider e2b reads from sindri.yaml: `providers.e2b` with upstream's defaults
 * (docs/upstream.md#e2b-settings) through the kit's typed readers, the template's sizes from
 * `deployment.resources`, and the names it gives the template and its sandboxes. Every wrong value is
 * one error at its place in the file, before anything is rendered.
 */
import { configError } from '../../config/place.js';
import type { SindriConfig } from '../../config/types.js';
import { resourceName, type NamingRules } from '../../naming.js';
import { Settings } from '../kit/settings.js';

/** E2B template names: lowercase letters, digits, dashes (underscores too, but not in a DNS-ish name), ≤ 128 */
export const E2B_NAMING: NamingRules = { max: 128, invalid: /[^a-z0-9-]+/g, lowercase: true };

export interface E2bSettings {
  templateAlias?: string;
  reuseTemplate: boolean;
  buildOnDeploy: boolean;
  /** seconds, 60–86400 */
  timeout: number;
  autoPause: boolean;
  autoResume: boolean;
  metadata: Record<string, string>;
  team?: string;
  /** ours (ADR 0010): false = build the template only */
  startSandbox: boolean;
  startCmd?: string;
  readyCmd?: string;
}

/** providers.e2b, validated. */
export function e2bSettings(config: SindriConfig): E2bSettings {
  const s = Settings.of(config, 'e2b');
  const alias = s.str('templateAlias');
  if (alias !== undefined && !/^[a-z][a-z0-9-]*$/.test(alias))
    throw s.fail('templateAlias', `template alias "${alias}" is not valid`, 'use lowercase letters, digits and -, starting with a letter');
  const metadata = s.stringMap('metadata');
  for (const k of Object.keys(metadata))
    if (k.startsWith('sindri_'))
      throw s.fail(
        ['metadata', k],
        `metadata key ${k} is reserved for the action`,
        'rename it (sindri_* keys identify what the action started)',
      );
  return {
    templateAlias: alias,
    reuseTemplate: s.bool('reuseTemplate', true),
    buildOnDeploy: s.bool('buildOnDeploy', false),
    timeout: s.int('timeout', 60, 86400, 'use whole seconds from 60 to 86400') ?? 300,
    autoPause: s.bool('autoPause', true),
    autoResume: s.bool('autoResume', true),
    metadata,
    team: s.str('team'),
    startSandbox: s.bool('startSandbox', true),
    startCmd: s.str('startCmd'),
    readyCmd: s.str('readyCmd'),
  };
}

/** Upstream's rule (docs/upstream.md#e2b-provider): a GPU config is refused before anything else. */
export function refuseGpu(config: SindriConfig): void {
  if (config.deployment.resources.gpu?.enabled)
    throw configError(
      config,
      ['deployment', 'resources', 'gpu', 'enabled'],
      'E2B has no GPUs: provider e2b cannot deploy a config with gpu.enabled',
      'set gpu.enabled: false, or deploy to docker, fly or kubernetes',
    );
}

/** `4GB` → 4096, `512MB` → 512 (E2B wants an even number of MiB). Default 2048 (upstream's 2GB). */
export function e2bMemoryMb(config: SindriConfig): number {
  const value = config.deployment.resources.memory;
  if (value === undefined) return 2048;
  const m = /^(\d+)\s*(MB|GB|MiB|GiB|M|G)$/i.exec(value.trim());
  const mb = m ? Number(m[1]) * (/^g/i.test(m[2]!) ? 1024 : 1) : NaN;
  if (!m || mb < 128 || mb % 2 !== 0)
    throw configError(
      config,
      ['deployment', 'resources', 'memory'],
      `memory "${value}" is not a size E2B accepts`,
      'write an even size such as 2GB or 1024MB',
    );
  return mb;
}

/** Whole CPUs, default 2. */
export function e2bCpuCount(config: SindriConfig): number {
  const cpus = config.deployment.resources.cpus ?? 2;
  if (!Number.isInteger(cpus) || cpus < 1)
    throw configError(config, ['deployment', 'resources', 'cpus'], `cpus ${cpus} is not a whole number of CPUs`, 'write cpus: 2');
  return cpus;
}

/**
 * The template alias (`templateAlias`, else the config's name, plus `-<name-suffix>`) and the name
 * its sandboxes carry as metadata `sindri_name` (the config's name plus the suffix).
 */
export function e2bNames(config: SindriConfig, suffix: string, settings: E2bSettings): { alias: string; name: string } {
  return {
    alias: resourceName(settings.templateAlias ?? config.name, suffix, E2B_NAMING),
    name: resourceName(config.name, suffix, E2B_NAMING),
  };
}
