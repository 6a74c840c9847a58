/**
 * Typed inputs of action.yml, read and validated up front: nothing touches the network, the file
 * system or a CLI before every input has been checked. Keys are spelled as in action.yml.
 */
import { ActionError } from './errors.js';
import { parseProvider } from './config/provider-name.js';
import {
  DEFAULT_IMAGE,
  DIGEST_RE,
  MODES,
  TOOLS,
  VERIFY_MODES,
  type Mode,
  type ProviderName,
  type ToolName,
  type VerifyMode,
} from './domain.js';
import { getInput, setSecret } from './runner.js';
import { parseBuildSecrets, parseCacheLines, type BuildSecret, type CacheLine } from './image/build-inputs.js';
import { GHA_CACHE_TOKEN } from './external/env.js';
import { parseToolMirror, parseToolVersion } from './tools/validate.js';

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
  /** BuildKit cache sources and targets, one line each as build-push-action takes them */
  'cache-from': CacheLine[];
  'cache-to': CacheLine[];
  /** `id=value` lines, the values masked as soon as they are read */
  'build-secrets': BuildSecret[];
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
  /** a Sigstore trusted root JSON file for bundle verification ('' = cosign's public-good root via TUF) */
  'trusted-root': string;
  'github-deployment': boolean;
  /** '' = the provider name plus `-<name-suffix>` */
  environment: string;
  'pr-comment': boolean;
  /** mode plan: a verification that would stop the deploy fails the plan (after it is shown) */
  'fail-on-verify': boolean;
  summary: boolean;
  /** '' = none; an absolute http(s) URL, or a path starting with `/` joined to the deployment's url */
  'health-url': string;
  /** '' = none; a shell command line run by the deployment's own /bin/sh (ADR 0022) */
  'health-command': string;
  /** milliseconds; always within the run's timeout */
  'health-timeout': number;
}

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

export function parseBool(name: string, value: string, fallback: boolean): boolean {
  if (value === '') return fallback;
  if (/^(true|yes|on|1)$/i.test(value)) return true;
  if (/^(false|no|off|0)$/i.test(value)) return false;
  throw new ActionError(`invalid boolean "${value}"`, { where: { field: `input ${name}` }, fix: 'use true or false' });
}

/** The longest timeout a timer can hold: Node fires any delay above 2³¹−1 ms after 1 ms. */
export const MAX_TIMEOUT_MS = 2 ** 31 - 1;
const TIMEOUT_RANGE = 'from 1s to 596h (2³¹−1 ms, the longest a timer can wait)';

/** `10m`, `90s`, `1h30m`, `600` (seconds) → milliseconds, within 1 s … 2³¹−1 ms. */
export function parseDuration(name: string, value: string, fallbackMs: number): number {
  if (value === '') return fallbackMs;
  const where = { field: `input ${name}` };
  const shown = value.slice(0, 40);
  let ms: number;
  if (/^\d{1,12}$/.test(value)) ms = Number(value) * 1000;
  else {
    const m = /^(?:(\d{1,9})h)?(?:(\d{1,9})m)?(?:(\d{1,9})s)?$/.exec(value);
    if (!m || (!m[1] && !m[2] && !m[3])) {
      throw new ActionError(`invalid duration "${shown}"`, { where, fix: `write it like 600, 90s, 10m or 1h30m, ${TIMEOUT_RANGE}` });
    }
    ms = ((Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0)) * 60 + Number(m[3] ?? 0)) * 1000;
  }
  if (ms < 1000 || ms > MAX_TIMEOUT_MS) {
    throw new ActionError(`a timeout of ${ms === 0 ? 'zero' : `"${shown}"`} is out of range`, {
      where,
      fix: `give a duration ${TIMEOUT_RANGE}, such as 10m`,
    });
  }
  return ms;
}

/**
 * One `KEY=value` per line, as docker/build-push-action reads them: the value is kept whole (commas,
 * `=` and spaces inside it included); blank lines and `#` comments are skipped.
 */
export function parseBuildArgs(value: string): Record<string, string> {
  const out: Record<string, string> = {};
  value.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const eq = line.indexOf('=');
    const key = eq === -1 ? line : line.slice(0, eq);
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) {
      throw new ActionError(`line ${i + 1}: invalid build argument name "${key.slice(0, 80)}"`, {
        where: { field: 'input build-args' },
        fix: 'write one KEY=value per line; keys are letters, digits and _ (a value may hold commas and =)',
      });
    }
    if (key in out) {
      throw new ActionError(`line ${i + 1}: build argument ${key} is given twice`, {
        where: { field: 'input build-args' },
        fix: 'keep one line per build argument',
      });
    }
    out[key] = eq === -1 ? '' : line.slice(eq + 1);
  });
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

/**
 * An upper-case suffix is refused, not lowercased (ADR 0025): `PR-12` and `pr-12` would otherwise name
 * the same resources without a word, and the environment name would differ from the resources' names.
 */
export function parseNameSuffix(value: string): string {
  if (value === '' || NAME_SUFFIX_RE.test(value)) return value;
  const where = { field: 'input name-suffix' };
  if (NAME_SUFFIX_RE.test(value.toLowerCase())) {
    throw new ActionError(`"${value}" has upper-case letters; resource names are lower-case`, {
      where,
      fix: `pass it in lower case (name-suffix: ${value.toLowerCase()}), e.g. pr-\${{ github.event.number }}`,
    });
  }
  throw new ActionError(`invalid name suffix "${value.slice(0, 80)}"`, {
    where,
    fix: 'use 1–30 lower-case letters, digits and inner hyphens, e.g. pr-${{ github.event.number }}',
  });
}

// ---------------------------------------------------------------------------------------------
// Pure validators for the free-text inputs (ADR 0014): each returns the value to use or throws one
// ActionError naming the input. Called from getInputs, so every input is checked before any network call.

/** Longest value of any free-text input (paths, references, identities): far above any real one. */
export const MAX_INPUT_LENGTH = 4096;

export function checkLength(name: string, value: string, max: number = MAX_INPUT_LENGTH): string {
  if (value.length <= max) return value;
  throw new ActionError(`is ${value.length} characters long; at most ${max} are accepted`, {
    where: { field: `input ${name}` },
    fix: `pass the ${name} itself, not a file's content or a generated blob`,
  });
}

/** Control characters (newlines included) have no place in a one-line input: they would forge log lines. */
export function checkOneLine(name: string, value: string): string {
  checkLength(name, value);
  const bad = /[\u0000-\u001f\u007f]/.exec(value);
  if (!bad) return value;
  throw new ActionError(`contains a control character (U+${bad[0].charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()})`, {
    where: { field: `input ${name}` },
    fix: 'give a single line without tabs, new lines or escape characters',
  });
}

/** A GitHub environment name: at most 255 characters, no control characters, no leading/trailing space. */
export function parseEnvironment(value: string): string {
  if (value === '') return '';
  checkOneLine('environment', value);
  if (value.length > 255) {
    throw new ActionError(`is ${value.length} characters long; GitHub allows 255`, {
      where: { field: 'input environment' },
      fix: 'use a shorter environment name, e.g. preview-pr-42',
    });
  }
  return value;
}

/** An image reference input: one line, and no longer than a reference can be (255 name + tag + digest). */
export function parseImageInput(name: string, value: string): string {
  if (value === '') return '';
  checkOneLine(name, value);
  if (value.length > 512) {
    throw new ActionError(`is ${value.length} characters long; an image reference is at most 512`, {
      where: { field: `input ${name}` },
      fix: 'pass a reference such as ghcr.io/owner/app:1.2.3',
    });
  }
  return value;
}

/**
 * `health-url`: an absolute http(s) URL (checked as given), or a path starting with `/` that is
 * joined to the deployment's `url` output (the provider must have one). No credentials in it: the URL
 * is printed with every attempt.
 */
/**
 * `certificate-oidc-issuer`: an https URL (cosign compares it with the certificate's issuer exactly,
 * so it is kept as written). Anything else would only fail inside cosign, after the image was chosen.
 */
export function parseOidcIssuer(value: string): string {
  if (value === '') return '';
  checkOneLine('certificate-oidc-issuer', value);
  const where = { field: 'input certificate-oidc-issuer' };
  const fix =
    'write the issuer as an https URL, e.g. https://token.actions.githubusercontent.com (GitHub Actions) or https://accounts.google.com';
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || !url.hostname) throw new ActionError(`"${value.slice(0, 80)}" is not a URL`, { where, fix });
  if (url.protocol !== 'https:') throw new ActionError(`the scheme ${url.protocol.slice(0, 20)} is not https`, { where, fix });
  if (url.username || url.password) throw new ActionError('holds credentials', { where, fix: `${fix}, without user or password` });
  return value;
}

export function parseHealthUrl(value: string): string {
  if (value === '') return '';
  checkOneLine('health-url', value);
  const where = { field: 'input health-url' };
  if (value.startsWith('/')) {
    if (value.startsWith('//'))
      throw new ActionError(`"${value.slice(0, 80)}" is neither a path nor a URL`, {
        where,
        fix: 'write a path such as /healthz, or a whole URL such as https://app.example.com/healthz',
      });
    return value;
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ActionError(`"${value.slice(0, 80)}" is not a URL`, {
      where,
      fix: 'write a path such as /healthz (joined to the deployment url), or a whole http(s) URL',
    });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new ActionError(`the scheme ${url.protocol} is not http or https`, { where, fix: 'use an http:// or https:// URL' });
  if (url.username || url.password)
    throw new ActionError('holds credentials', {
      where,
      fix: 'the URL is printed with every attempt: give a health endpoint that needs no credentials',
    });
  return value;
}

/** `health-command`: one shell command line, run inside the deployment by its own /bin/sh. */
export function parseHealthCommand(value: string): string {
  if (value.trim() === '') return '';
  return checkOneLine('health-command', value.trim());
}

/** Build arguments named like a secret the config declares carry that secret: masked (plan, summary, log). */
export function maskSecretBuildArgs(buildArgs: Readonly<Record<string, string>>, secrets: readonly { name: string }[]): string[] {
  const names = new Set(secrets.map((s) => s.name));
  const masked = Object.keys(buildArgs).filter((k) => names.has(k) && buildArgs[k] !== '');
  for (const k of masked) setSecret(buildArgs[k]);
  return masked;
}

export function getInputs(): Inputs {
  // secrets first: masked before anything else can print them
  const password = getInput('registry-password');
  const token = getInput('github-token');
  setSecret(password);
  setSecret(token);
  const buildSecrets = parseBuildSecrets(getInput('build-secrets', { trimWhitespace: false }), setSecret);
  const cacheFrom = parseCacheLines('cache-from', getInput('cache-from'));
  const cacheTo = parseCacheLines('cache-to', getInput('cache-to'));
  // a type=gha cache hands the runner's cache token to buildx (src/external/env.ts): masked first
  if ([...cacheFrom, ...cacheTo].some((c) => c.type === 'gha')) setSecret(process.env[GHA_CACHE_TOKEN]);

  const providerRaw = getInput('provider');
  const toolVersions: Partial<Record<ToolName, string>> = {};
  for (const t of TOOLS) {
    const v = getInput(`${t}-version`);
    if (v) toolVersions[t] = parseToolVersion(t, v);
  }
  const toolMirror = parseToolMirror(checkOneLine('tool-mirror', getInput('tool-mirror')), process.env.SINDRI_TOOL_MIRROR).mirror;
  const mirrorPassword = toolMirror ? new URL(toolMirror).password : '';
  if (mirrorPassword) setSecret(decodeURIComponent(mirrorPassword));
  const inputs: Inputs = {
    config: checkOneLine('config', getInput('config')),
    'working-directory': checkOneLine('working-directory', getInput('working-directory')) || '.',
    mode: parseMode(getInput('mode')),
    provider: providerRaw ? parseProvider(providerRaw, { field: 'input provider' }) : undefined,
    image: parseImageInput('image', getInput('image')),
    'image-digest': parseDigest('input image-digest', getInput('image-digest')),
    dockerfile: checkOneLine('dockerfile', getInput('dockerfile')),
    'build-context': checkOneLine('build-context', getInput('build-context')) || '.',
    'build-args': parseBuildArgs(checkLength('build-args', getInput('build-args'), 64 * 1024)),
    'cache-from': cacheFrom,
    'cache-to': cacheTo,
    'build-secrets': buildSecrets,
    force: parseBool('force', getInput('force'), false),
    'pin-digest': parseBool('pin-digest', getInput('pin-digest'), true),
    'default-image': parseImageInput('default-image', getInput('default-image')) || DEFAULT_IMAGE,
    verify: parseVerify(getInput('verify')),
    'registry-username': checkOneLine('registry-username', getInput('registry-username')),
    'registry-password': password,
    'github-token': token,
    timeout: parseDuration('timeout', getInput('timeout'), 10 * 60 * 1000),
    'tool-versions': toolVersions,
    'tool-mirror': toolMirror,
    'name-suffix': parseNameSuffix(getInput('name-suffix')),
    rollback: parseBool('rollback', getInput('rollback'), true),
    'cosign-key': checkLength('cosign-key', getInput('cosign-key'), 64 * 1024),
    'certificate-identity': checkOneLine('certificate-identity', getInput('certificate-identity')),
    'certificate-oidc-issuer': parseOidcIssuer(getInput('certificate-oidc-issuer')),
    'verify-tlog': parseBool('verify-tlog', getInput('verify-tlog'), true),
    'trusted-root': checkOneLine('trusted-root', getInput('trusted-root')),
    'github-deployment': parseBool('github-deployment', getInput('github-deployment'), false),
    environment: parseEnvironment(getInput('environment')),
    'pr-comment': parseBool('pr-comment', getInput('pr-comment'), false),
    'fail-on-verify': parseBool('fail-on-verify', getInput('fail-on-verify'), false),
    summary: parseBool('summary', getInput('summary'), true),
    'health-url': parseHealthUrl(getInput('health-url')),
    'health-command': parseHealthCommand(getInput('health-command')),
    'health-timeout': parseDuration('health-timeout', getInput('health-timeout'), 2 * 60 * 1000),
  };
  if (inputs['registry-username'] && !inputs['registry-password']) {
    throw new ActionError('registry-username is set without registry-password', {
      where: { field: 'input registry-password' },
      fix: 'pass both, e.g. registry-password: ${{ secrets.REGISTRY_TOKEN }}',
    });
  }
  return inputs;
}
