/**
 * Where registry credentials come from (docs/behaviour.md#registry-authentication), first match wins:
 *   1. inputs `registry-username` / `registry-password` (any registry the action talks to)
 *   2. input `github-token`, for ghcr.io only (ghcr accepts any username with a token as password)
 *   3. the Docker config (`$DOCKER_CONFIG/config.json`, else `~/.docker/config.json`):
 *      `credHelpers[host]`, else `auths[host]` (`auth`, `username`/`password`, `identitytoken`),
 *      else `credsStore`. Helpers run as `docker-credential-<name> get` with the server URL on stdin.
 * The parsing and matching are pure; only `loadDockerConfig` and `runCredentialHelper` touch the
 * outside world. Every secret found is registered with setSecret before it is returned.
 */
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { CLOUD_ENV } from '../external/env.js';
import type { Exec } from '../external/exec.js';
import { ActionError } from '../errors.js';
import { setSecret } from '../runner.js';
import { DOCKER_HUB } from './reference.js';

export interface Credential {
  username: string;
  /** password or token; empty when only an identity token is known */
  password: string;
  /** an OAuth2 refresh token (`identitytoken` in the Docker config): exchanged at the token realm */
  identityToken?: string;
  /** where it came from, for messages: `input registry-username/registry-password`, `~/.docker/config.json (auths["ghcr.io"])` */
  source: string;
}

/** The registry client asks this for credentials, once per registry, only after anonymous access was refused. */
export interface CredentialSource {
  lookup(registry: string): Promise<Credential | undefined>;
  /** what the user can set to give credentials for this registry (for the fix of an auth error) */
  hint(registry: string): string;
}

/** The parts of Docker's config.json we read. */
export interface DockerConfig {
  auths?: Record<string, { auth?: string; username?: string; password?: string; identitytoken?: string } | undefined>;
  credsStore?: string;
  credHelpers?: Record<string, string | undefined>;
}

export const GHCR = 'ghcr.io';
/** The key Docker itself writes for Docker Hub, and the server URL its credential helpers know. */
export const DOCKER_HUB_CONFIG_KEY = 'https://index.docker.io/v1/';
const HUB_NAMES = new Set([DOCKER_HUB, 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com']);

/** Docker's `ConvertToHostname`: drop the scheme and any path (`https://ghcr.io/v2/` → `ghcr.io`). */
export function configKeyHost(key: string): string {
  const noScheme = key.replace(/^[a-z]+:\/\//i, '');
  return noScheme.split('/')[0]!.toLowerCase();
}

function sameRegistry(key: string, registry: string): boolean {
  const a = configKeyHost(key);
  const b = registry.toLowerCase();
  return a === b || (HUB_NAMES.has(a) && HUB_NAMES.has(b));
}

/** The server URL a credential helper is asked about: Docker Hub's legacy URL, else the host. */
export function helperServerUrl(registry: string): string {
  return HUB_NAMES.has(registry.toLowerCase()) ? DOCKER_HUB_CONFIG_KEY : registry;
}

export function dockerConfigPath(env: NodeJS.ProcessEnv = process.env, home: string = homedir()): string {
  return join(env.DOCKER_CONFIG || join(home, '.docker'), 'config.json');
}

/** Parse config.json text; a file that is not JSON is a user error worth one clear line. */
export function parseDockerConfig(text: string, file: string): DockerConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new ActionError(`${file} is not valid JSON (${(e as Error).message})`, {
      where: { file },
      fix: 'repair the file, or remove it and log in again with docker login',
    });
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new ActionError(`${file} is not a JSON object`, {
      where: { file },
      fix: 'repair the file, or remove it and log in again with docker login',
    });
  }
  return raw as DockerConfig;
}

/** What the config says to do for a registry: inline credentials, a helper to ask, or nothing. */
export type ConfigEntry =
  | { kind: 'inline'; key: string; username: string; password: string; identityToken?: string }
  | { kind: 'helper'; helper: string; via: 'credHelpers' | 'credsStore' }
  | { kind: 'none' };

/** Decode one `auths` entry; `undefined` when it holds nothing usable. */
export function decodeAuthEntry(
  entry: NonNullable<DockerConfig['auths']>[string],
): { username: string; password: string; identityToken?: string } | undefined {
  if (!entry || typeof entry !== 'object') return undefined;
  let username = typeof entry.username === 'string' ? entry.username : '';
  let password = typeof entry.password === 'string' ? entry.password : '';
  if (typeof entry.auth === 'string' && entry.auth) {
    const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon > 0) {
      username = decoded.slice(0, colon);
      password = decoded.slice(colon + 1);
    }
  }
  const identityToken = typeof entry.identitytoken === 'string' && entry.identitytoken ? entry.identitytoken : undefined;
  if (identityToken) return { username: username || '<token>', password, identityToken };
  if (username && password) return { username, password };
  return undefined;
}

/** Docker's order: a registry's own credHelper, then an inline `auths` entry, then the global credsStore. */
export function configEntryFor(config: DockerConfig, registry: string): ConfigEntry {
  const helpers = config.credHelpers && typeof config.credHelpers === 'object' ? config.credHelpers : {};
  for (const [key, helper] of Object.entries(helpers)) {
    if (typeof helper === 'string' && helper && sameRegistry(key, registry)) return { kind: 'helper', helper, via: 'credHelpers' };
  }
  const auths = config.auths && typeof config.auths === 'object' ? config.auths : {};
  // an exact key wins over one that only normalises to the same host
  const keys = Object.keys(auths).sort((a, b) => Number(b === registry) - Number(a === registry));
  for (const key of keys) {
    if (!sameRegistry(key, registry)) continue;
    const decoded = decodeAuthEntry(auths[key]);
    if (decoded) return { kind: 'inline', key, ...decoded };
  }
  if (typeof config.credsStore === 'string' && config.credsStore) return { kind: 'helper', helper: config.credsStore, via: 'credsStore' };
  return { kind: 'none' };
}

/** Parse what `docker-credential-<name> get` prints: `{"ServerURL","Username","Secret"}`; Username `<token>` = identity token. */
export function parseHelperOutput(stdout: string): { username: string; password: string; identityToken?: string } | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(stdout);
  } catch {
    return undefined;
  }
  if (!raw || typeof raw !== 'object') return undefined;
  const { Username, Secret } = raw as { Username?: unknown; Secret?: unknown };
  if (typeof Secret !== 'string' || !Secret) return undefined;
  const username = typeof Username === 'string' ? Username : '';
  if (username === '<token>') return { username, password: '', identityToken: Secret };
  return username ? { username, password: Secret } : undefined;
}

export interface CredentialInputs {
  'registry-username': string;
  'registry-password': string;
  'github-token': string;
}

export interface CredentialChainOptions {
  inputs: CredentialInputs;
  /** the Docker config to read; default `dockerConfigPath()`; `null` = none */
  dockerConfigFile?: string | null;
  /** username sent with github-token to ghcr.io (any non-empty name works); default $GITHUB_ACTOR or x-access-token */
  githubActor?: string;
  /** ask a credential helper (default: run `docker-credential-<name> get` through `exec`) */
  runHelper?: (helper: string, serverUrl: string) => Promise<string | undefined>;
  /** runs the credential helpers; without it (and without runHelper) a config that names a helper yields no credential */
  exec?: Exec;
}

/** `docker-credential-<name> get`, server URL on stdin; `undefined` when it is missing or knows nothing. */
export async function runCredentialHelper(exec: Exec, helper: string, serverUrl: string): Promise<string | undefined> {
  if (!/^[A-Za-z0-9._-]+$/.test(helper)) return undefined;
  try {
    const r = await exec.run(`docker-credential-${helper}`, ['get'], {
      input: serverUrl,
      allowFailure: true,
      timeoutMs: 30_000,
      pass: [/^DOCKER_/, ...CLOUD_ENV],
    });
    return r.code === 0 ? r.stdout : undefined;
  } catch (e) {
    if (e instanceof ActionError && /not found on PATH/.test(e.message)) return undefined;
    throw e;
  }
}

async function readConfig(file: string): Promise<DockerConfig | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ActionError(`cannot read ${file}: ${(e as Error).message}`, {
      where: { file },
      fix: 'make the file readable, or unset DOCKER_CONFIG',
    });
  }
  return parseDockerConfig(text, file);
}

function registered(c: Credential): Credential {
  setSecret(c.password);
  setSecret(c.identityToken);
  return c;
}

/** The chain above. Each registry is looked up once; the config file is read at most once. */
export function credentialChain(opts: CredentialChainOptions): CredentialSource {
  const file = opts.dockerConfigFile === undefined ? dockerConfigPath() : opts.dockerConfigFile;
  const shownFile = file ? file.replace(homedir(), '~') : '';
  const { exec } = opts;
  const runHelper = opts.runHelper ?? (exec ? (h: string, url: string) => runCredentialHelper(exec, h, url) : async () => undefined);
  const actor = opts.githubActor || process.env.GITHUB_ACTOR || 'x-access-token';
  let config: Promise<DockerConfig | undefined> | undefined;
  const cache = new Map<string, Promise<Credential | undefined>>();

  async function find(registry: string): Promise<Credential | undefined> {
    const { inputs } = opts;
    if (inputs['registry-password']) {
      return registered({
        username: inputs['registry-username'] || actor,
        password: inputs['registry-password'],
        source: 'input registry-username/registry-password',
      });
    }
    if (inputs['github-token'] && registry.toLowerCase() === GHCR) {
      return registered({ username: actor, password: inputs['github-token'], source: 'input github-token' });
    }
    if (!file) return undefined;
    config ??= readConfig(file);
    const cfg = await config;
    if (!cfg) return undefined;
    const entry = configEntryFor(cfg, registry);
    if (entry.kind === 'helper') {
      const out = await runHelper(entry.helper, helperServerUrl(registry));
      const parsed = out === undefined ? undefined : parseHelperOutput(out);
      if (parsed) return registered({ ...parsed, source: `docker-credential-${entry.helper} (${shownFile} ${entry.via})` });
      // a missing or empty helper: fall back to an inline entry, if the file has one
      const inline = configEntryFor({ auths: cfg.auths }, registry);
      if (inline.kind === 'inline') return registered(fromInline(inline, shownFile));
      return undefined;
    }
    if (entry.kind === 'inline') return registered(fromInline(entry, shownFile));
    return undefined;
  }

  return {
    lookup(registry: string) {
      const key = registry.toLowerCase();
      let p = cache.get(key);
      if (!p) cache.set(key, (p = find(key)));
      return p;
    },
    hint(registry: string) {
      const ghcr = registry.toLowerCase() === GHCR ? ' (or github-token with packages: read)' : '';
      return `set the inputs registry-username and registry-password${ghcr}, or log in to ${registry} before this step (docker/login-action)`;
    },
  };
}

function fromInline(entry: Extract<ConfigEntry, { kind: 'inline' }>, shownFile: string): Credential {
  const c: Credential = { username: entry.username, password: entry.password, source: `${shownFile} (auths["${entry.key}"])` };
  if (entry.identityToken) c.identityToken = entry.identityToken;
  return c;
}

/** No credentials at all (tests, anonymous-only use). */
export const noCredentials: CredentialSource = {
  lookup: async () => undefined,
  hint: (registry) => `set the inputs registry-username and registry-password, or log in to ${registry} before this step`,
};
