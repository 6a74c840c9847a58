/**
 * `providers.docker` in sindri.yaml, read with upstream's defaults (docs/upstream.md#docker-settings)
 * through the provider kit: a bad value fails at its line with its fix. Also what the settings mean
 * once the engine is known: the DinD mode and the deployment's URL.
 */
import type { SindriConfig } from '../../config/types.js';
import { ActionError } from '../../errors.js';
import { Settings } from '../kit/settings.js';

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

const NETWORKS = ['bridge', 'host', 'none'] as const;
const RESTARTS = ['no', 'always', 'on-failure', 'unless-stopped'] as const;
const RUNTIMES = ['runc', 'sysbox-runc', 'auto'] as const;
const DIND_MODES = ['sysbox', 'privileged', 'socket', 'auto'] as const;
const STORAGE_DRIVERS = ['auto', 'overlay2', 'fuse-overlayfs', 'vfs'] as const;
/** `20GB`, `512MB`: the sizes upstream writes (also `deployment.resources.memory`) */
export const SIZE_RE = /^(\d+)(MB|GB)$/i;
const PORT_RE = /^(\d{1,5}):(\d{1,5})$/;

/** `providers.docker`, validated; bad values fail with their line. */
export function dockerSettings(config: Pick<SindriConfig, 'file' | 'locate' | 'raw' | 'providers'>): DockerSettings {
  const s = Settings.of(config, 'docker');
  const dind = s.sub('dind');
  const ports = s.strings('ports');
  ports.forEach((port, i) => {
    const m = PORT_RE.exec(port);
    if (!m || [m[1], m[2]].some((n) => Number(n) < 1 || Number(n) > 65535))
      throw s.fail(['ports', i], `invalid port mapping "${port}"`, 'write it as "<host port>:<container port>", e.g. "3000:3000"');
  });
  const storageSize = dind.str('storageSize') ?? '20GB';
  if (!SIZE_RE.test(storageSize)) throw dind.fail('storageSize', `invalid size "${storageSize}"`, 'write it like 20GB or 512MB');
  const settings: DockerSettings = {
    restart: s.oneOf('restart', RESTARTS, 'unless-stopped'),
    ports,
    privileged: s.bool('privileged', false),
    extraHosts: s.strings('extraHosts'),
    runtime: s.oneOf('runtime', RUNTIMES, 'auto'),
    dind: {
      enabled: dind.bool('enabled', false),
      mode: dind.oneOf('mode', DIND_MODES, 'auto'),
      storageDriver: dind.oneOf('storageDriver', STORAGE_DRIVERS, 'auto'),
      storageSize,
    },
  };
  if (s.has('network')) settings.network = s.oneOf('network', NETWORKS, 'bridge');
  return settings;
}

/**
 * Upstream's DinD choice (docs/upstream.md#docker-provider): `auto` → sysbox when the engine has
 * `sysbox-runc`, else privileged when `providers.docker.privileged`, else none. An explicit `sysbox`
 * on an engine without it is an error here (upstream silently ran without DinD). `runtimes`
 * undefined = plan.
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
