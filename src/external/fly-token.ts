/**
 * The Fly.io token as flyctl finds and reads it (fly-go tokens.go), one place for the provider's
 * token check, the registry password (ADR 0026) and the in-process API reads (ADR 0051).
 */

/** flyctl reads FLY_ACCESS_TOKEN first, then FLY_API_TOKEN (internal/config/config.go, env.First). */
export const FLY_TOKEN_ENVS = ['FLY_ACCESS_TOKEN', 'FLY_API_TOKEN'] as const;

/** The variable flyctl takes its token from: the first of FLY_TOKEN_ENVS that is not blank. */
export function flyTokenEnv(env: NodeJS.ProcessEnv): (typeof FLY_TOKEN_ENVS)[number] | undefined {
  return FLY_TOKEN_ENVS.find((k) => (env[k] ?? '').trim() !== '');
}

/** Drop leading `FlyV1 ` / `Bearer ` schemes (any case, repeated), as fly-go's StripAuthorizationScheme does. */
export function stripScheme(token: string): string {
  let t = token.trim();
  for (;;) {
    const m = /^(\S+)\s+(.*)$/s.exec(t);
    if (!m || !/^(flyv1|bearer)$/i.test(m[1]!)) return t;
    t = m[2]!.trim();
  }
}

/** A macaroon part of a token (`fm1r_`, `fm1a_`, `fm2_`), as fly-go tells them from the rest. */
export const isMacaroon = (part: string): boolean => /^(fm1r|fm1a|fm2)_/.test(part);
