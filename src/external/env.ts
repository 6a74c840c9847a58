/**
 * The environment a child process gets (issue 20, class 2; ADR 0027): not ours, only what it needs.
 * Every child gets the base set (where things are, language, proxies, CA bundles); each CLI class adds
 * what its tool reads (`DOCKER_*` for docker, `KUBECONFIG` for kubectl, …). Never passed, whatever a
 * class asks for: the step's inputs (`INPUT_*`: the registry password, the GitHub token), the runner's
 * own tokens (`ACTIONS_*`, `GITHUB_TOKEN`; the one exception is the cache service a `type=gha` build
 * cache needs, `GHA_CACHE_ENV`), the main/post state (`STATE_*`) and the runner's command files
 * (`GITHUB_OUTPUT`, `GITHUB_ENV`, …: a child writing there would set our outputs).
 */

/** Names, or patterns of names, a child needs from the runner's environment. */
export type EnvPass = readonly (string | RegExp)[];

/** What every child gets, when set. */
export const BASE_ENV: EnvPass = [
  'PATH',
  'HOME',
  'USER',
  'LOGNAME',
  'SHELL',
  'LANG',
  'LANGUAGE',
  /^LC_/,
  'TZ',
  'TERM',
  'TMPDIR',
  'TEMP',
  'TMP',
  'RUNNER_TEMP',
  'RUNNER_OS',
  'RUNNER_ARCH',
  'CI',
  'GITHUB_ACTIONS',
  /^(HTTPS?|NO|ALL)_PROXY$/i,
  'SSL_CERT_FILE',
  'SSL_CERT_DIR',
  'NODE_EXTRA_CA_CERTS',
  /^XDG_/,
  'SSH_AUTH_SOCK',
];

/** Credentials of the clouds a kubeconfig exec plugin, a credential helper or a KMS key may need. */
export const CLOUD_ENV: EnvPass = [/^AWS_/, /^AZURE_/, /^ARM_/, /^GOOGLE_/, /^CLOUDSDK_/, /^GCE_/, /^DIGITALOCEAN_/, /^VAULT_/];

/** Never handed to a child through `pass`, even when asked for (the one exception: `ghaCacheEnv`). */
const NEVER = /^(INPUT_|STATE_|ACTIONS_)|^GITHUB_(TOKEN|OUTPUT|ENV|PATH|STATE|STEP_SUMMARY)$/i;

/** The runner's token for its own services (the cache among them): masked when a build is handed it. */
export const GHA_CACHE_TOKEN = 'ACTIONS_RUNTIME_TOKEN';

/**
 * The one exception to "never `ACTIONS_*`": a `type=gha` BuildKit cache (input cache-from / cache-to)
 * is the runner's cache service, and buildx finds it only through these variables, as it does under
 * docker/build-push-action (which hands buildx its whole environment). The cache service's address
 * (`ACTIONS_CACHE_URL`; `ACTIONS_RESULTS_URL` for the v2 service that `ACTIONS_CACHE_SERVICE_V2`
 * selects, which github.com has served since 2025) and the runner's token for it. Nothing else of
 * `ACTIONS_*` ever goes, and these go only to the `docker buildx build` of a gha-cached build.
 */
export const GHA_CACHE_ENV = ['ACTIONS_CACHE_URL', 'ACTIONS_RESULTS_URL', 'ACTIONS_CACHE_SERVICE_V2', GHA_CACHE_TOKEN] as const;

/** The `set` that hands the gha cache variables present in `from` to a build (childEnv's `set` is not filtered). */
export function ghaCacheEnv(from: NodeJS.ProcessEnv): Record<string, string> {
  const env: Record<string, string> = {};
  for (const k of GHA_CACHE_ENV) {
    const v = from[k];
    if (v) env[k] = v;
  }
  return env;
}

const matches = (name: string, pass: EnvPass): boolean => pass.some((p) => (typeof p === 'string' ? p === name : p.test(name)));

/**
 * The child's environment: from `from`, the base set and `pass`, minus what is never passed; then
 * `set` on top (a value sets it, `undefined` keeps it out).
 */
export function childEnv(from: NodeJS.ProcessEnv, pass: EnvPass = [], set: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(from)) {
    if (v === undefined || NEVER.test(k)) continue;
    if (matches(k, BASE_ENV) || matches(k, pass)) env[k] = v;
  }
  for (const [k, v] of Object.entries(set)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}
