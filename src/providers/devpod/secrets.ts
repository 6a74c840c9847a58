/**
 * How secrets reach a DevPod workspace: only through `devpod up --workspace-env-file`, a 0600 file of
 * `KEY=value` lines in a private folder outside the working directory, removed as soon as devpod has
 * read it (ADR 0009). Never devcontainer.json, never argv.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SindriConfig } from '../../config/types.js';
import { configError } from '../../config/place.js';
import { ActionError } from '../../errors.js';
import { warnNotices } from '../kit/notices.js';
import { requireSecrets } from '../kit/secrets.js';
import type { ProviderContext } from '../types.js';

export interface WorkspaceSecrets {
  names: string[];
  /** the env file's text ('' when there are no secrets) */
  envText: string;
}

/** `KEY=value` lines as devpod reads them (pkg/devcontainer/config/parse.go ParseKeyValueFile: no quoting). */
export function encodeWorkspaceEnv(values: ReadonlyMap<string, string>, config?: SindriConfig): string {
  let out = '';
  for (const [k, v] of values) {
    if (/[\r\n]/.test(v)) {
      const what = `secret ${k} holds a line break, which devpod's --workspace-env-file cannot carry`;
      const fix = `store it base64-encoded (e.g. ${k}_B64) and decode it in the workspace`;
      const i = config?.secrets.findIndex((s) => s.name === k) ?? -1;
      throw config && i !== -1
        ? configError(config, ['secrets', i], what, fix)
        : new ActionError(what, { where: { field: 'secrets' }, fix });
    }
    out += `${k}=${v}\n`;
  }
  return out;
}

/** The secrets of a deploy, all required ones present, notices warned on their line, encoded for devpod. */
export function workspaceSecrets(config: SindriConfig): WorkspaceSecrets {
  const secrets = requireSecrets(config);
  warnNotices(config, secrets.notices);
  return { names: [...secrets.values.keys()], envText: encodeWorkspaceEnv(secrets.values, config) };
}

/** Run `fn` with the env file's path (undefined without secrets); the file is gone when it returns. */
export async function withWorkspaceEnvFile<T>(
  ctx: Pick<ProviderContext, 'temps'>,
  secrets: WorkspaceSecrets,
  fn: (envFile: string | undefined) => Promise<T>,
): Promise<T> {
  if (secrets.names.length === 0) return await fn(undefined);
  const dir = ctx.temps.dir('sindri-devpod-');
  try {
    const envFile = join(dir, 'workspace.env');
    writeFileSync(envFile, secrets.envText, { mode: 0o600, flag: 'wx' });
    return await fn(envFile);
  } finally {
    ctx.temps.remove(dir);
  }
}
