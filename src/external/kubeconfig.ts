/**
 * The kubeconfig's current context, resolved as kubectl 1.32 resolves it (client-go
 * tools/clientcmd/loader.go), without starting kubectl: `KUBECONFIG` split on the path list
 * separator (empty entries skipped, duplicates kept once, in order), or `$HOME/.kube/config` when it
 * is unset or empty; missing files skipped; a file that does not parse is an error, as kubectl makes
 * it; the first file that sets a non-empty `current-context` wins (the merge's "first file to set a
 * key wins"). ADR 0029.
 */
import { existsSync, readFileSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { parse } from 'yaml';
import { ActionError } from '../errors.js';

/** the kubeconfig files kubectl reads, in merge order */
export function kubeconfigFiles(env: NodeJS.ProcessEnv, cwd = process.cwd()): string[] {
  const list = env.KUBECONFIG ?? '';
  if (list === '') return [join(env.HOME ?? '', '.kube', 'config')];
  const seen = new Set<string>();
  const files: string[] = [];
  for (const entry of list.split(delimiter)) {
    if (!entry) continue;
    const path = resolve(cwd, entry);
    if (seen.has(path)) continue;
    seen.add(path);
    files.push(path);
  }
  return files;
}

/** the current context ('' when no file sets one) */
export function currentContextOf(env: NodeJS.ProcessEnv, cwd = process.cwd()): string {
  for (const file of kubeconfigFiles(env, cwd)) {
    if (!existsSync(file)) continue;
    let doc: unknown;
    try {
      doc = parse(readFileSync(file, 'utf8'));
    } catch (e) {
      throw new ActionError(`the kubeconfig file ${file} cannot be read: ${(e as Error).message.split('\n')[0]}`, {
        where: { field: 'KUBECONFIG' },
        fix: 'kubectl refuses it too: repair the file, or point KUBECONFIG at a valid one',
      });
    }
    const current = doc && typeof doc === 'object' ? (doc as Record<string, unknown>)['current-context'] : undefined;
    if (typeof current === 'string' && current !== '') return current;
  }
  return '';
}
