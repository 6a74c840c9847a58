/**
 * Fly.io's registry as a copy target (ADR 0026): the host is
 * `FLY_REGISTRY_HOST` or `registry.fly.io`, an app's images live in the repository named after the
 * app, and flyctl logs in with user `x` and the token as password: the token flyctl reads
 * (FLY_ACCESS_TOKEN, then FLY_API_TOKEN) without its `FlyV1 `/`Bearer ` scheme, and only its
 * macaroons when it holds any (fly-go's `Tokens.Docker()`).
 */
import { ActionError } from '../errors.js';
import { flyTokenEnv, isMacaroon, stripScheme } from '../external/fly-token.js';
import { setSecret } from '../runner.js';
import type { Credential, CredentialSource } from './credentials.js';
import { parseReference } from './reference.js';

export const FLY_REGISTRY = 'registry.fly.io';

/** The registry password flyctl derives from a token: its macaroons (`fm1r_`, `fm1a_`, `fm2_`) comma-joined, else all of it. */
export function flyDockerPassword(token: string): string {
  const parts = stripScheme(token)
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  const macaroons = parts.filter(isMacaroon);
  return (macaroons.length ? macaroons : parts).join(',');
}

export interface FlyRegistry {
  /** `registry.fly.io`, or FLY_REGISTRY_HOST */
  registry: string;
  /** user `x` and the registry password flyctl derives from the token; undefined when no token is set */
  credential: Credential | undefined;
  /** answers `credential` for that host only (a CopyTarget's credentials) */
  credentials: CredentialSource;
}

/** The Fly registry's host: FLY_REGISTRY_HOST (as flyctl's `registry_host`) or registry.fly.io; not a host[:port] → one line. */
export function flyRegistryHost(env: NodeJS.ProcessEnv = process.env): string {
  const host = (env.FLY_REGISTRY_HOST ?? '').trim() || FLY_REGISTRY;
  let registry: string;
  try {
    registry = parseReference(`${host}/app`).registry;
  } catch {
    registry = '';
  }
  if (registry.toLowerCase() !== host.toLowerCase()) {
    throw new ActionError(`FLY_REGISTRY_HOST "${host}" is not a registry host`, {
      where: { field: 'env FLY_REGISTRY_HOST' },
      fix: 'set it to a host[:port] such as registry.fly.io, or unset it',
    });
  }
  return registry;
}

/** The Fly registry and the credentials for it, from the environment flyctl reads. */
export function flyRegistryCredential(env: NodeJS.ProcessEnv = process.env): FlyRegistry {
  const registry = flyRegistryHost(env);
  const name = flyTokenEnv(env);
  let credential: Credential | undefined;
  if (name) {
    const password = flyDockerPassword(env[name]!);
    setSecret(password);
    setSecret(env[name]);
    if (password) credential = { username: 'x', password, source: `env ${name}` };
  }
  return {
    registry,
    credential,
    credentials: {
      lookup: async (r) => (r.toLowerCase() === registry.toLowerCase() ? credential : undefined),
      hint: () =>
        `pass a Fly token that may push to the app's images in the step's env (FLY_API_TOKEN: \${{ secrets.FLY_API_TOKEN }}; flyctl tokens create deploy)`,
    },
  };
}
