/**
 * How the docker provider hands secrets to the container: an env file that compose reads
 * (`env_file`, `required: false`), mode 0600 in a private folder under RUNNER_TEMP registered for the
 * post step before it exists, written just before `compose up` and removed right after
 * (docs/behaviour.md#secrets). The compose document names the file through a variable, never a value.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ContainerState } from '../../external/docker.js';
import { ActionError } from '../../errors.js';
import type { ResolvedSecrets } from '../kit/secrets.js';
import type { PlannedFile, ProviderContext } from '../types.js';

/** The file's name inside its private folder (and as plan shows it). */
export const SECRETS_FILE = '.sindri-secrets.env';
/** The variable the compose document reads the env file's path from (set only for the compose commands that start the container). */
export const SECRETS_FILE_VAR = 'SINDRI_SECRETS_ENV_FILE';

/**
 * The env file compose reads (`env_file`), every value in the form Compose documents for values that
 * may span lines: double-quoted, with `\\` `\"` `\$` and `\n` `\r` escaped (a PEM key arrives whole
 * whatever the Compose version's reading of single quotes; `$` is never interpolated).
 */
export function encodeEnvFile(values: ReadonlyMap<string, string> | Record<string, string>): string {
  const entries = values instanceof Map ? [...values.entries()] : Object.entries(values);
  return entries
    .map(([k, v]) => {
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(k))
        throw new ActionError(`invalid secret name "${k}"`, { fix: 'secret names are letters, digits and _' });
      if (/[\0-\x08\x0b\x0c\x0e-\x1f\x7f]/.test(v))
        throw new ActionError(`secret ${k} holds a control character other than a new line or a tab`, {
          fix: `remove it from the value of ${k}, or encode the value (base64) and decode it in the container`,
        });
      const escaped = v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\$/g, '\\$').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
      return `${k}="${escaped}"\n`;
    })
    .join('');
}

/** The env file as plan shows it: the names, every value masked. */
export function plannedEnvFile(names: readonly string[]): PlannedFile {
  return { path: SECRETS_FILE, content: encodeEnvFile(Object.fromEntries(names.map((n) => [n, '***']))), mode: 0o600 };
}

/**
 * Run `fn` (a `compose up`) with the env file in place, and remove it afterwards whatever happens.
 * `fn` gets the environment compose needs to find it. The file lives in a private folder under
 * RUNNER_TEMP, registered for the post step before it exists, so a cancelled run leaves nothing.
 */
export async function withEnvFile<T>(
  ctx: Pick<ProviderContext, 'temps'>,
  secrets: ResolvedSecrets,
  fn: (env: Record<string, string>) => Promise<T>,
): Promise<T> {
  if (secrets.values.size === 0) return await fn({});
  // encoded first: a value that cannot be written fails before anything is created
  const content = encodeEnvFile(secrets.values);
  const dir = ctx.temps.dir('sindri-docker-env-');
  try {
    const path = join(dir, SECRETS_FILE);
    writeFileSync(path, content, { mode: 0o600, flag: 'wx' });
    return await fn({ [SECRETS_FILE_VAR]: path });
  } finally {
    ctx.temps.remove(dir);
  }
}

/** Does the running container already hold every secret value (compared in memory, never printed)? */
export function sameSecrets(c: ContainerState, secrets: ResolvedSecrets): boolean {
  const env = new Set(c.env);
  return [...secrets.values].every(([k, v]) => env.has(`${k}=${v}`));
}
