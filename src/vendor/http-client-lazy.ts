/**
 * `@actions/http-client`, as the toolkit sees it (tsconfig `paths` maps the bare name here for the
 * bundle, ADR 0049). `@actions/core` imports it for its OIDC client (`getIDToken`, never called here),
 * and it imports Node's `http` and `https` (with `tls`) and `tunnel`: evaluated as such, that is work
 * on every start, even for a `plan` that makes no request. Each importer in the bundle (core,
 * `@actions/tool-cache`, `@actions/github`) uses `HttpClient` alone, and only to build one: the real
 * module stays in the same chunk, and webpack's synchronous `require` evaluates it when the first one
 * is built, so the constructor can return the real client (no wrapper, no `instanceof` surprise).
 */
type Real = typeof import('../../node_modules/@actions/http-client/lib/index.js');

let real: Real | undefined;

export class HttpClient {
  constructor(...args: ConstructorParameters<Real['HttpClient']>) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- webpack's require: bundled, evaluated on first use
    real ??= require('../../node_modules/@actions/http-client/lib/index.js') as Real;
    return new real.HttpClient(...args);
  }
}
