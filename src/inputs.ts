/**
 * Typed inputs of action.yml, read and validated up front: nothing touches the network, the file
 * system or a CLI before every input has been checked. Keys are spelled as in action.yml.
 */
import { ActionError } from './errors.js';
import { getInput, setSecret } from './runner.js';
import { parseToolMirror, parseToolVersion } from './tools/validate.js';

export const MODES = ['deploy', 'plan', 'destroy', 'init'] as const;
export type Mode = (typeof MODES)[number];

export const PROVIDERS = ['docker', 'fly', 'devpod', 'e2b', 'kubernetes'] as const;
export type ProviderName = (typeof PROVIDERS)[number];

/** Spellings accepted for a provider, from upstream Sindri and common use, mapped to ours. */
export const PROVIDER_ALIASES: Readonly<Record<string, ProviderName>> = {
  docker: 'docker',
  'docker-compose': 'docker',
  fly: 'fly',
  'fly.io': 'fly',
  flyio: 'fly',
  devpod: 'devpod',
  e2b: 'e2b',
  kubernetes: 'kubernetes',
  k8s: 'kubernetes',
};

export const VERIFY_MODES = ['auto', 'true', 'false', 'warn'] as const;
export type VerifyMode = (typeof VERIFY_MODES)[number];

/** CLIs whose version can be pinned with `<tool>-version`. */
export const TOOLS = ['flyctl', 'devpod', 'kubectl', 'e2b', 'cosign', 'devcontainer', 'kind', 'k3d', 'compose', 'buildx'] as const;
export type ToolName = (typeof TOOLS)[number];

export const DIGEST_RE = /^sha256:[a-f0-9]{64}$/;

export interface Inputs {
  config: string; // '' = discover sindri.yaml, then sindri.yml
  'working-directory': string;
  mode: Mode;
  provider: ProviderName | undefined;
  image: string;
  'image-digest': string;
  dockerfile: string;
  'build-context': string;
  'build-args': Record<string, string>;
  force: boolean;
  'pin-digest': boolean;
  'default-image': string;
  verify: VerifyMode;
  'registry-username': string;
  'registry-password': string;
  'github-token': string;
  /** milliseconds */
  timeout: number;
  'tool-versions': Partial<Record<ToolName, string>>;
  'tool-mirror': string;
  /** '' or a lowercase DNS-label fragment appended as `<name>-<suffix>` (preview environments) */
  'name-suffix': string;
  rollback: boolean;
  /** a PEM public key, a path to one, or a KMS URI (cosign's --key) */
  'cosign-key': string;
  'certificate-identity': string;
  'certificate-oidc-issuer': string;
  'verify-tlog': boolean;
  'github-deployment': boolean;
  /** '' = the provider name plus `-<name-suffix>` */
  environment: string;
  'pr-comment': boolean;
  summary: boolean;
}

export const DEFAULT_IMAGE = 'ghcr.io/pacphi/sindri:latest';

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[], fallback: T): T {
  if (value === '') return fallback;
  const v = value.toLowerCase();
  if ((allowed as readonly string[]).includes(v)) return v as T;
  throw new ActionError(`invalid value "${value}"`, {
    where: { field: `input ${name}` },
    fix: `use one of ${allowed.join(', ')}`,
  });
}

export function parseMode(value: string): Mode {
  return oneOf('mode', value, MODES, 'deploy');
}

export function parseVerify(value: string): VerifyMode {
  return oneOf('verify', value, VERIFY_MODES, 'auto');
}

/** Map a provider spelling to ours; `where` says where it was written for the error. */
export function parseProvider(value: string, where: { field: string; file?: string; line?: number; column?: number }): ProviderName {
  const p = PROVIDER_ALIASES[value.trim().toLowerCase()];
  if (p) return p;
  const upstreamOnly = ['runpod', 'northflank'].includes(value.trim().toLowerCase());
  throw new ActionError(
    upstreamOnly ? `provider "${value}" is a Sindri provider this action does not deploy to` : `unknown provider "${value}"`,
    {
      where,
      fix:
        where.field === 'input provider'
          ? `use one of ${PROVIDERS.join(', ')}`
          : `set it to one of ${PROVIDERS.join(', ')}, or pass the input provider to override it`,
    },
  );
}

export function parseBool(name: string, value: string, fallback: boolean): boolean {
  if (value === '') return fallback;
  if (/^(true|yes|on|1)$/i.test(value)) return true;
  if (/^(false|no|off|0)$/i.test(value)) return false;
  throw new ActionError(`invalid boolean "${value}"`, { where: { field: `input ${name}` }, fix: 'use true or false' });
}

/** `10m`, `90s`, `1h30m`, `600` (seconds) → milliseconds. */
export function parseDuration(name: string, value: string, fallbackMs: number): number {
  if (value === '') return fallbackMs;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const m = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(value);
  if (!m || (!m[1] && !m[2] && !m[3])) {
    throw new ActionError(`invalid duration "${value}"`, {
      where: { field: `input ${name}` },
      fix: 'write it like 600, 90s, 10m or 1h30m',
    });
  }
  const ms = ((Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0)) * 60 + Number(m[3] ?? 0)) * 1000;
  if (ms === 0)
    throw new ActionError('a timeout of zero', { where: { field: `input ${name}` }, fix: 'give a positive duration such as 10m' });
  return ms;
}

/** Multiline `KEY=value` (or comma-separated on one line) → record; values may contain `=`. */
export function parseBuildArgs(value: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = value.includes('\n') ? value.split(/\r?\n/) : value.split(',');
  for (const raw of lines) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    const key = eq === -1 ? line : line.slice(0, eq);
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) {
      throw new ActionError(`invalid build argument "${key}"`, {
        where: { field: 'input build-args' },
        fix: 'write one KEY=value per line; keys are letters, digits and _',
      });
    }
    out[key] = eq === -1 ? '' : line.slice(eq + 1);
  }
  return out;
}

export function parseDigest(name: string, value: string): string {
  if (value === '') return '';
  if (!DIGEST_RE.test(value)) {
    throw new ActionError(`invalid digest "${value}"`, {
      where: { field: name },
      fix: 'pass the sha256:<64 lowercase hex> digest, e.g. the digest output of docker/build-push-action',
    });
  }
  return value;
}

/** `pr-42`, `staging`: lowercase letters, digits and inner hyphens, so every provider can name a resource with it. */
export const NAME_SUFFIX_RE = /^[a-z0-9](?:[a-z0-9-]{0,28}[a-z0-9])?$/;

export function parseNameSuffix(value: string): string {
  const v = value.toLowerCase();
  if (v === '' || NAME_SUFFIX_RE.test(v)) return v;
  throw new ActionError(`invalid name suffix "${value.slice(0, 80)}"`, {
    where: { field: 'input name-suffix' },
    fix: 'use 1–30 letters, digits and inner hyphens, e.g. pr-${{ github.event.number }}',
  });
}

export function getInputs(): Inputs {
  // secrets first: masked before anything else can print them
  const password = getInput('registry-password');
  const token = getInput('github-token');
  setSecret(password);
  setSecret(token);

  const providerRaw = getInput('provider');
  const toolVersions: Partial<Record<ToolName, string>> = {};
  for (const t of TOOLS) {
    const v = getInput(`${t}-version`);
    if (v) toolVersions[t] = parseToolVersion(t, v);
  }
  const toolMirror = parseToolMirror(getInput('tool-mirror'), process.env.SINDRI_TOOL_MIRROR).mirror;
  const mirrorPassword = toolMirror ? new URL(toolMirror).password : '';
  if (mirrorPassword) setSecret(decodeURIComponent(mirrorPassword));
  const inputs: Inputs = {
    config: getInput('config'),
    'working-directory': getInput('working-directory') || '.',
    mode: parseMode(getInput('mode')),
    provider: providerRaw ? parseProvider(providerRaw, { field: 'input provider' }) : undefined,
    image: getInput('image'),
    'image-digest': parseDigest('input image-digest', getInput('image-digest')),
    dockerfile: getInput('dockerfile'),
    'build-context': getInput('build-context') || '.',
    'build-args': parseBuildArgs(getInput('build-args')),
    force: parseBool('force', getInput('force'), false),
    'pin-digest': parseBool('pin-digest', getInput('pin-digest'), true),
    'default-image': getInput('default-image') || DEFAULT_IMAGE,
    verify: parseVerify(getInput('verify')),
    'registry-username': getInput('registry-username'),
    'registry-password': password,
    'github-token': token,
    timeout: parseDuration('timeout', getInput('timeout'), 10 * 60 * 1000),
    'tool-versions': toolVersions,
    'tool-mirror': toolMirror,
    'name-suffix': parseNameSuffix(getInput('name-suffix')),
    rollback: parseBool('rollback', getInput('rollback'), true),
    'cosign-key': getInput('cosign-key'),
    'certificate-identity': getInput('certificate-identity'),
    'certificate-oidc-issuer': getInput('certificate-oidc-issuer'),
    'verify-tlog': parseBool('verify-tlog', getInput('verify-tlog'), true),
    'github-deployment': parseBool('github-deployment', getInput('github-deployment'), false),
    environment: getInput('environment'),
    'pr-comment': parseBool('pr-comment', getInput('pr-comment'), false),
    summary: parseBool('summary', getInput('summary'), true),
  };
  if (inputs['registry-username'] && !inputs['registry-password']) {
    throw new ActionError('registry-username is set without registry-password', {
      where: { field: 'input registry-password' },
      fix: 'pass both, e.g. registry-password: ${{ secrets.REGISTRY_TOKEN }}',
    });
  }
  return inputs;
}
