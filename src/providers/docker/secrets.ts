/**
 * How the docker provider hands secrets to the container: an env file that compose reads
 * (`env_file`, `required: false`), mode 0600, written just before `compose up` and removed right
 * after (docs/behaviour.md#secrets). The compose document names the file, never a value.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ContainerState } from '../../external/docker.js';
import { ActionError } from '../../errors.js';
import type { ResolvedSecrets } from '../kit/secrets.js';
import type { PlannedFile, ProviderContext } from '../types.js';

/** Relative to the working directory. */
export const SECRETS_FILE = '.sindri-secrets.env';

/**
 * The env file compose reads (`env_file`), in the dotenv dialect of compose v2: single quotes are
 * literal (new lines included); a value holding `'` is double-quoted with `\\ \" \$ \n \r` escapes.
 */
export function encodeEnvFile(values: ReadonlyMap<string, string> | Record<string, string>): string {
  const entries = values instanceof Map ? [...values.entries()] : Object.entries(values);
  return entries
    .map(([k, v]) => {
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(k))
        throw new ActionError(`invalid secret name "${k}"`, { fix: 'secret names are letters, digits and _' });
      if (!v.includes("'")) return `${k}='${v}'\n`;
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
 * The path is registered for the post step before the file exists, so a cancelled run leaves nothing.
 */
export async function withEnvFile<T>(
  ctx: Pick<ProviderContext, 'workdir' | 'temps'>,
  secrets: ResolvedSecrets,
  fn: () => Promise<T>,
): Promise<T> {
  const path = join(ctx.workdir, SECRETS_FILE);
  try {
    // a file left at that path keeps its own mode on write: start from none, created 0600
    rmSync(path, { force: true });
    ctx.temps.register(path);
    if (secrets.values.size > 0) writeFileSync(path, encodeEnvFile(secrets.values), { mode: 0o600, flag: 'wx' });
    return await fn();
  } finally {
    ctx.temps.remove(path);
  }
}

/** Does the running container already hold every secret value (compared in memory, never printed)? */
export function sameSecrets(c: ContainerState, secrets: ResolvedSecrets): boolean {
  const env = new Set(c.env);
  return [...secrets.values].every(([k, v]) => env.has(`${k}=${v}`));
}
