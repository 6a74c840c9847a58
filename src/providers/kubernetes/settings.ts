/**
 * `providers.kubernetes` (namespace, context, storageClass, ingress, nodeSelector) with upstream's
 * defaults (docs/upstream.md#kubernetes-settings), this action's additions (imagePullSecrets,
 * strategy, volumeAccessMode, manifests: ADR 0039), and the sizes of `deployment.resources` /
 * `deployment.volumes` as Kubernetes quantities. A bad value fails at its place in sindri.yaml.
 */
import { configError } from '../../config/place.js';
import type { SindriConfig } from '../../config/types.js';
import { Settings } from '../kit/settings.js';

export const SSH_PORT = 2222;
export const DEFAULT_INGRESS_PORT = 8080;

export interface IngressSettings {
  hostname: string;
  /** container port the Ingress routes to (not in upstream's schema: our addition, default 8080) */
  port: number;
  className?: string;
  /** a TLS secret in the namespace: the url becomes https */
  tlsSecret?: string;
}

export interface KubernetesSettings {
  namespace: string;
  /** undefined: kubectl's current context */
  context?: string;
  storageClass?: string;
  ingress?: IngressSettings;
  nodeSelector?: Record<string, string>;
  /** existing Secrets the pod pulls with: no pull Secret is generated then */
  imagePullSecrets: string[];
  /** the Deployment's strategy as asked for; undefined: decided by the home claim's access mode */
  strategy?: 'RollingUpdate' | 'Recreate';
  /** the home claim's access mode (a new claim only: a live claim keeps its own) */
  volumeAccessMode: VolumeAccessMode;
  /** a folder of extra manifests, relative to sindri.yaml's folder, as written */
  manifests?: string;
}

export const ACCESS_MODES = ['ReadWriteOnce', 'ReadWriteOncePod', 'ReadWriteMany'] as const;
export type VolumeAccessMode = (typeof ACCESS_MODES)[number];

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** `providers.kubernetes`, validated. */
export function kubernetesSettings(config: SindriConfig): KubernetesSettings {
  const s = Settings.of(config, 'kubernetes');
  const namespace = s.str('namespace') ?? 'default';
  if (namespace.length > 63 || !DNS_LABEL.test(namespace))
    throw s.fail('namespace', `invalid namespace "${namespace}"`, 'use lowercase letters, digits and inner hyphens (at most 63)');
  const settings: KubernetesSettings = {
    namespace,
    imagePullSecrets: s.strings('imagePullSecrets').map((n, i) => {
      if (n.length > 253 || !DNS_SUBDOMAIN.test(n))
        throw s.fail(
          ['imagePullSecrets', i],
          `invalid Secret name "${n.slice(0, 80)}"`,
          'name an existing Secret of the namespace (lowercase letters, digits, hyphens and dots)',
        );
      return n;
    }),
    volumeAccessMode: s.oneOf('volumeAccessMode', ACCESS_MODES, 'ReadWriteOnce'),
  };
  if (s.has('strategy')) settings.strategy = s.oneOf('strategy', ['RollingUpdate', 'Recreate'] as const, 'Recreate');
  const manifests = s.str('manifests');
  if (manifests) settings.manifests = manifests;
  const context = s.str('context');
  if (context) settings.context = context;
  const storageClass = s.str('storageClass');
  if (storageClass) settings.storageClass = storageClass;
  const ingress = s.sub('ingress');
  if (ingress.get('enabled') === true) settings.ingress = ingressSettings(ingress);
  if (s.has('nodeSelector')) settings.nodeSelector = s.stringMap('nodeSelector');
  return settings;
}

function ingressSettings(s: Settings): IngressSettings {
  const hostname = (s.str('hostname') ?? '').trim().toLowerCase();
  if (!hostname)
    throw s.fail([], 'ingress is enabled without a hostname', 'set providers.kubernetes.ingress.hostname, e.g. dev.example.com');
  if (!DNS_SUBDOMAIN.test(hostname) || hostname.length > 253)
    throw s.fail('hostname', `invalid ingress hostname "${hostname}"`, 'use a DNS name such as dev.example.com');
  const written = s.get('port');
  const port = written === undefined ? DEFAULT_INGRESS_PORT : Number(written);
  if (!Number.isInteger(port) || port < 1 || port > 65535 || port === SSH_PORT)
    throw s.fail('port', `invalid ingress port "${String(written)}"`, `use the container's HTTP port (1-65535, not ${SSH_PORT})`);
  const ingress: IngressSettings = { hostname, port };
  const className = s.str('className');
  if (className) ingress.className = className;
  const tlsSecret = s.str('tlsSecret');
  if (tlsSecret) ingress.tlsSecret = tlsSecret;
  return ingress;
}

const SIZE_RE = /^(\d+)(MB|GB|TB)$/i;

/** `4GB` → `4Gi`, `512MB` → `512Mi`: upstream's sizes, which the API rejects as written (docs/upstream.md#kubernetes-template); undefined when it is not a size. */
export function toQuantity(value: string): string | undefined {
  const m = SIZE_RE.exec(String(value).trim());
  if (!m) return undefined;
  const unit = m[2]!.toUpperCase();
  return `${Number(m[1])}${unit === 'MB' ? 'Mi' : unit === 'GB' ? 'Gi' : 'Ti'}`;
}

/** The quantity of a size written at `path` in sindri.yaml; a value that is not a size fails there. */
export function quantityAt(config: Pick<SindriConfig, 'file' | 'locate'>, path: string[], value: string): string {
  const q = toQuantity(value);
  if (q === undefined) throw configError(config, path, `invalid size "${value}"`, 'write it like 4GB or 512MB');
  return q;
}

const UNITS: Record<string, number> = {
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
};

/** A Kubernetes quantity in bytes (`10Gi`, `500M`, `1073741824`); NaN when it is not one of these forms. */
export function quantityBytes(q: string): number {
  const m = /^(\d+(?:\.\d+)?)(k|M|G|T|P|Ki|Mi|Gi|Ti|Pi)?$/.exec(q.trim());
  return m ? Number(m[1]) * UNITS[m[2] ?? '']! : Number.NaN;
}
