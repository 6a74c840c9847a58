/**
 * `providers.fly` in sindri.yaml (docs/upstream.md#fly-settings), read with the provider kit's typed
 * readers: a wrong value is one error at its place with its fix, before any flyctl call. Also the
 * app's name, which every flyctl call carries.
 */
import type { SindriConfig } from '../../config/types.js';
import { resourceName } from '../../naming.js';
import { Settings } from '../kit/settings.js';

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
  /** flyctl deploy's strategy (an addition of this action, ADR 0039) */
  strategy: FlyStrategy;
}

export const FLY_STRATEGIES = ['rolling', 'immediate', 'canary', 'bluegreen'] as const;
export type FlyStrategy = (typeof FLY_STRATEGIES)[number];

export function flySettings(config: Pick<SindriConfig, 'file' | 'locate' | 'raw' | 'name' | 'providers'>): FlySettings {
  const s = Settings.of(config, 'fly');
  /** a single value that must match `re`; absent or empty → `fallback` */
  const matching = (key: string, fallback: string, re: RegExp, fix: string): string => {
    const v = s.str(key);
    if (v === undefined) return fallback;
    if (!re.test(v)) throw s.fail(key, `invalid ${key} ${JSON.stringify(v)}`, fix);
    return v;
  };
  return {
    baseName: matching(
      'name',
      config.name,
      /^[a-z][a-z0-9-]*$/,
      'a Fly app name: lowercase letters, digits and hyphens, starting with a letter',
    ),
    region: matching('region', 'sjc', /^[a-z0-9]{3,4}$/, 'use a Fly.io region code such as sjc, ord or fra (flyctl platform regions)'),
    organization: matching('organization', 'personal', /^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'use an organization slug (flyctl orgs list)'),
    autoStopMachines: s.bool('autoStopMachines', true),
    autoStartMachines: s.bool('autoStartMachines', true),
    cpuKind: s.oneOf('cpuKind', ['shared', 'performance'], 'shared'),
    sshPort: s.int('sshPort', 1024, 65535, 'use a port between 1024 and 65535') ?? 10022,
    highAvailability: s.bool('highAvailability', false),
    dedicatedIpv4: s.bool('dedicatedIpv4', false),
    strategy: strategyOf(s),
  };
}

/**
 * `providers.fly.strategy`: flyctl's own four. `canary` is refused here: flyctl refuses it for an app
 * with a mounted volume (appconfig validation: "canary deployment strategy is not supported when using
 * mounted volumes"), and the home volume is always mounted.
 */
function strategyOf(s: Settings): FlyStrategy {
  const strategy = s.oneOf('strategy', FLY_STRATEGIES, 'rolling');
  if (strategy === 'canary')
    throw s.fail(
      'strategy',
      'strategy canary is not possible here: flyctl refuses canary for an app with a mounted volume, and the Sindri home volume is always mounted',
      'use rolling (the default: one machine at a time), immediate (all at once, no waiting on checks) or bluegreen (with a health check)',
    );
  return strategy;
}

/** The app: `providers.fly.name` else `name`, plus `-<name-suffix>`; a Fly app name is one DNS label (`<app>.fly.dev`). */
export function flyAppName(settings: Pick<FlySettings, 'baseName'>, suffix: string): string {
  return resourceName(settings.baseName, suffix);
}
