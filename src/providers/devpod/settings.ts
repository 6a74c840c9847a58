/**
 * `providers.devpod` read with the kit's typed readers: where the workspace runs (`type`), the devpod
 * provider and its options with sindri's defaults (docs/upstream.md#provider-settings), the registry a
 * build is pushed to, and the ports to forward. Option names are those of the providers themselves:
 * devpod providers/{docker,kubernetes}/provider.yaml and loft-sh/devpod-provider-{aws,gcloud,azure,
 * digitalocean,ssh} provider.yaml.
 */
import type { SindriConfig } from '../../config/types.js';
import { parseReference } from '../../image/reference.js';
import { Settings } from '../kit/settings.js';

export const DEVPOD_TYPES = ['aws', 'gcp', 'azure', 'digitalocean', 'kubernetes', 'ssh', 'docker'] as const;
export type DevpodType = (typeof DEVPOD_TYPES)[number];

/** the types whose workspace DevPod builds itself from `build.dockerfile` (a Docker engine at the far end) */
export const DEVPOD_BUILDS: readonly DevpodType[] = ['docker', 'ssh'];

/** devpod's own name for each sindri type (the Google Cloud provider is `gcloud`). */
const DEVPOD_PROVIDER: Record<DevpodType, string> = {
  aws: 'aws',
  gcp: 'gcloud',
  azure: 'azure',
  digitalocean: 'digitalocean',
  kubernetes: 'kubernetes',
  ssh: 'ssh',
  docker: 'docker',
};

/** sindri key → devpod provider option, with sindri's defaults */
const OPTION_MAP: Record<DevpodType, { key: string; option: string; default?: string }[]> = {
  aws: [
    { key: 'region', option: 'AWS_REGION', default: 'us-west-2' },
    { key: 'instanceType', option: 'AWS_INSTANCE_TYPE', default: 'c5.xlarge' },
    { key: 'diskSize', option: 'AWS_DISK_SIZE', default: '40' },
    { key: 'useSpot', option: 'AWS_USE_SPOT_INSTANCE' },
    { key: 'subnetId', option: 'AWS_SUBNET_ID' },
    { key: 'securityGroupId', option: 'AWS_SECURITY_GROUP_ID' },
  ],
  gcp: [
    { key: 'project', option: 'PROJECT' },
    { key: 'zone', option: 'ZONE', default: 'us-central1-a' },
    { key: 'machineType', option: 'MACHINE_TYPE', default: 'e2-standard-4' },
    { key: 'diskSize', option: 'DISK_SIZE', default: '40' },
  ],
  azure: [
    { key: 'subscription', option: 'AZURE_SUBSCRIPTION_ID' },
    { key: 'resourceGroup', option: 'AZURE_RESOURCE_GROUP', default: 'devpod-resources' },
    { key: 'location', option: 'AZURE_REGION', default: 'eastus' },
    { key: 'vmSize', option: 'AZURE_INSTANCE_SIZE', default: 'Standard_D4s_v3' },
    { key: 'diskSize', option: 'AZURE_DISK_SIZE', default: '40' },
  ],
  digitalocean: [
    { key: 'region', option: 'REGION', default: 'nyc3' },
    { key: 'size', option: 'MACHINE_TYPE', default: 's-4vcpu-8gb' },
    { key: 'diskSize', option: 'DISK_SIZE' },
  ],
  kubernetes: [
    { key: 'namespace', option: 'KUBERNETES_NAMESPACE', default: 'devpod' },
    { key: 'storageClass', option: 'STORAGE_CLASS' },
  ],
  ssh: [{ key: 'port', option: 'PORT' }],
  docker: [{ key: 'dockerHost', option: 'DOCKER_HOST' }],
};

/** sub-options we read but cannot hand to devpod: said in the plan, never silently dropped */
const NOT_PASSED: Partial<Record<DevpodType, string[]>> = { gcp: ['diskType'], ssh: ['keyPath'] };

export interface DevpodSettings {
  type: DevpodType;
  /** devpod's provider name */
  provider: string;
  buildRepository?: string;
  /** devpod provider options, in a stable order */
  options: Record<string, string>;
  forwardPorts: number[];
  notes: string[];
}

/** `providers.devpod.type`, required: nothing says where a workspace should run. */
export function devpodType(config: Pick<SindriConfig, 'file' | 'locate' | 'raw' | 'providers'>): DevpodType {
  const s = Settings.of(config, 'devpod');
  if (s.str('type') === undefined) {
    throw s.fail(
      'type',
      'not set: DevPod needs to know where the workspace runs',
      `add providers.devpod.type: one of ${DEVPOD_TYPES.join(', ')} (docker runs the workspace on the runner's Docker engine)`,
    );
  }
  const type = s.str('type')!;
  if (!(DEVPOD_TYPES as readonly string[]).includes(type))
    throw s.fail('type', `unknown devpod type "${type}"`, `use one of ${DEVPOD_TYPES.join(', ')}`);
  return type as DevpodType;
}

/** Type kubernetes without a context of its own: the kubeconfig's current context decides. */
export function needsKubeContext(config: Pick<SindriConfig, 'file' | 'locate' | 'raw' | 'providers'>): boolean {
  const s = Settings.of(config, 'devpod');
  return s.get('type') === 'kubernetes' && !s.get(['kubernetes', 'context']);
}

/** The options devpod's provider gets for this type, defaults filled in. */
function providerOptions(type: DevpodType, sub: Settings, currentKubeContext: string | undefined): Record<string, string> {
  const options: Record<string, string> = {};
  if (type === 'kubernetes') {
    const context = sub.str('context') ?? currentKubeContext;
    if (context) options.KUBERNETES_CONTEXT = context;
  }
  if (type === 'ssh') {
    const host = sub.str('host');
    if (!host)
      throw sub.fail([], 'providers.devpod.ssh.host is not set', 'set providers.devpod.ssh.host to the machine DevPod connects to');
    options.HOST = `${sub.str('user') ?? 'root'}@${host}`;
  }
  for (const m of OPTION_MAP[type]) {
    const v = sub.str(m.key) ?? m.default;
    if (v !== undefined) options[m.option] = v;
  }
  if (type === 'kubernetes') {
    const pairs = Object.entries(sub.stringMap('nodeSelector')).map(([k, v]) => `${k}=${v}`);
    if (pairs.length) options.NODE_SELECTOR = pairs.join(',');
  }
  return options;
}

/** A repository to push a build to: no tag or digest (the action tags and pins what it pushes). */
function buildRepository(s: Settings): string | undefined {
  const repo = s.str('buildRepository');
  if (!repo) return undefined;
  const ref = parseReference(repo, s.at('buildRepository'));
  if (ref.tag || ref.digest) {
    throw s.fail(
      'buildRepository',
      `buildRepository "${repo}" names a tag or digest`,
      'write the repository only (e.g. ghcr.io/owner/sindri-dev); the action tags and pins what it pushes',
    );
  }
  return repo;
}

function forwardPorts(s: Settings): number[] {
  const raw = s.get('forwardPorts');
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) throw s.fail('forwardPorts', 'expected a list of ports', 'write forwardPorts: [3000, 8080]');
  return raw.map((_, i) => s.int(['forwardPorts', i], 1, 65535, 'use numbers 1-65535')!);
}

/** `providers.devpod` validated, with the options for the provider; the kubernetes context resolved. */
export function devpodSettings(
  config: Pick<SindriConfig, 'file' | 'locate' | 'raw' | 'providers'>,
  currentKubeContext?: string,
): DevpodSettings {
  const s = Settings.of(config, 'devpod');
  const type = devpodType(config);
  const sub = s.sub(type);
  const notes = (NOT_PASSED[type] ?? [])
    .filter((k) => sub.has(k))
    .map((k) => `providers.devpod.${type}.${k} has no devpod provider option: set it in the provider's own defaults`);
  return {
    type,
    provider: DEVPOD_PROVIDER[type],
    buildRepository: buildRepository(s),
    options: providerOptions(type, sub, currentKubeContext),
    forwardPorts: forwardPorts(s),
    notes,
  };
}
