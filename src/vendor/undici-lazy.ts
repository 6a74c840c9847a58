/**
 * `undici`, as the toolkit sees it (tsconfig `paths` maps the bare name here for the bundle).
 * `@actions/http-client` (imported by `@actions/core`) needs undici only for `ProxyAgent`, and
 * `@actions/github` only to fetch through a proxy; bundled eagerly, undici is ~1 MB that V8 compiles
 * on every start (ADR 0018). The real module is its own chunk, loaded by `loadProxySupport()` at
 * start when a proxy variable is set — the only case in which either package constructs a ProxyAgent.
 */
type Undici = typeof import('../../node_modules/undici/index.js');

let real: Undici | undefined;

export const PROXY_VARIABLES = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY'] as const;

/** Called once at start: loads the real undici when the runner is behind a proxy. */
export async function loadProxySupport(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  if (real || !PROXY_VARIABLES.some((v) => env[v])) return;
  const m = (await import('../../node_modules/undici/index.js')) as unknown as Undici & { default?: Undici };
  // CommonJS through import(): the bundler and Node expose module.exports as `default`, with or without named copies
  real = m.ProxyAgent ? m : m.default;
}

function loaded(): Undici {
  if (!real) throw new Error('undici was not loaded: no proxy variable was set when the action started');
  return real;
}

/** http-client builds one only when a proxy applies to the URL, and a proxy variable was set at start. */
export class ProxyAgent {
  constructor(options: ConstructorParameters<Undici['ProxyAgent']>[0]) {
    return new (loaded().ProxyAgent)(options);
  }
}

/** @actions/github's fetch: undici's with a proxy dispatcher, else Node's own (undici inside Node). */
export const fetch: typeof globalThis.fetch = (input, init) =>
  real ? (real.fetch as unknown as typeof globalThis.fetch)(input, init) : globalThis.fetch(input, init);
