/**
 * The environment a child process gets (issue 20, class 2; ADR 0027): not ours, only what it needs.
 * Every child gets the base set (where things are, language, proxies, CA bundles); each CLI class adds
 * what its tool reads (`DOCKER_*` for docker, `KUBECONFIG` for kubectl, …). Never passed, whatever a
 * class asks for: the step's inputs (`INPUT_*`: the registry password, the GitHub token), the runner's
 * own tokens (`ACTIONS_*`, `GITHUB_TOKEN`), the main/post state (`STATE_*`) and the runner's command
 * files (`GITHUB_OUTPUT`, `GITHUB_ENV`, …: a child writing there would set our outputs).
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

/** Never handed to a child, even when asked for. */
const NEVER = /^(INPUT_|STATE_|ACTIONS_)|^GITHUB_(TOKEN|OUTPUT|ENV|PATH|STATE|STEP_SUMMARY)$/i;

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
