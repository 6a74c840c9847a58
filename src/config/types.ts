/**
 * sindri.yaml after lenient loading and normalisation (docs/behaviour.md#config-compatibility,
 * docs/upstream.md#loading-and-lenient-parsing).
 */
import type { ProviderName } from '../domain.js';

export type ResolutionStrategy = 'semver' | 'latest-stable' | 'pin-to-cli' | 'explicit';
export type PullPolicy = 'Always' | 'IfNotPresent' | 'Never';
export type Distro = 'ubuntu' | 'fedora' | 'opensuse';

export interface ImageConfig {
  /** full repository, host included: `ghcr.io/pacphi/sindri` */
  registry: string;
  version?: string;
  tag_override?: string;
  digest?: string;
  resolution_strategy: ResolutionStrategy;
  allow_prerelease: boolean;
  verify_signature: boolean;
  verify_provenance: boolean;
  pull_policy: PullPolicy;
  certificate_identity?: string;
  certificate_oidc_issuer?: string;
}

export interface GpuConfig {
  enabled: boolean;
  type: 'nvidia' | 'amd';
  count: number;
  tier?: string;
  memory?: string;
}

export interface Resources {
  /** as written (`4GB`); undefined when absent: each provider has its own default */
  memory?: string;
  cpus?: number;
  gpu?: GpuConfig;
}

export interface SecretSpec {
  name: string;
  source: 'env' | 'file' | 'vault' | 's3';
  fromFile?: string;
  required: boolean;
  path?: string;
  mountPath?: string;
  permissions?: string;
  vaultPath?: string;
  vaultKey?: string;
  vaultMount?: string;
}

export interface Extensions {
  profile?: string;
  active?: string[];
  additional?: string[];
  /** `auto_install` or upstream's common misspelling `autoInstall`; default true */
  auto_install: boolean;
}

export interface Deployment {
  /** normalised: `docker-compose` → `docker` */
  provider: ProviderName;
  /** the provider as written in the file, for messages */
  providerAsWritten: string;
  distro: Distro;
  /** legacy full image reference */
  image?: string;
  image_config?: ImageConfig;
  buildFromSource?: { enabled: boolean; gitRef?: string };
  resources: Resources;
  volumes: { workspace?: { path?: string; size?: string } };
}

/** Where a value sits in the file, for annotations and errors. */
export interface Position {
  line: number;
  column: number;
}

export interface SindriConfig {
  /** path as the user knows it, relative to working-directory (`sindri.yaml`) */
  file: string;
  /** absolute path of the file */
  path: string;
  /** absolute directory holding the file: generated files and secrets resolve against it */
  dir: string;
  version: string;
  name: string;
  deployment: Deployment;
  extensions: Extensions;
  secrets: SecretSpec[];
  /** `providers.<name>` blocks as written (camelCase keys); each provider reads its own */
  providers: Record<string, Record<string, unknown>>;
  /** the whole document as plain data */
  raw: Record<string, unknown>;
  /** line/column of a path in the document (`['deployment','image_config','digest']`) */
  locate(path: readonly (string | number)[]): Position | undefined;
}

export interface ConfigWarning {
  message: string;
  file: string;
  line?: number;
  column?: number;
  /** dotted path of the offending key */
  field?: string;
  /** who found it: the YAML parser, the lenient loader, or the upstream JSON schema (for annotation titles) */
  source?: 'yaml' | 'loader' | 'schema';
}

export interface LoadedConfig {
  config: SindriConfig;
  warnings: ConfigWarning[];
}
