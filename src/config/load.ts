/**
 * Find, read, parse (with line numbers), normalise and schema-check sindri.yaml (SPEC §6).
 * Returns the config and every warning (YAML parser, lenient loader, schema), each with file and line.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { ActionError } from '../errors.js';
import type { ProviderName } from '../inputs.js';
import { parseConfigText } from './document.js';
import { normalise } from './normalise.js';
import type { ConfigWarning, LoadedConfig } from './types.js';
import { validateSchema } from './validate.js';

export const CONFIG_CANDIDATES = ['sindri.yaml', 'sindri.yml'] as const;

export interface LoadOptions {
  /** absolute working directory */
  workdir: string;
  /** input `config`, relative to workdir; '' = discover sindri.yaml, then sindri.yml */
  config: string;
  /** input `provider`: replaces deployment.provider, and a provider we cannot deploy to becomes a warning */
  providerOverride?: ProviderName;
  /** check against the upstream JSON schema too (default true) */
  schema?: boolean;
}

async function isFile(p: string): Promise<boolean> {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

/** The path as the user knows it: relative to working-directory, forward slashes. */
function display(workdir: string, abs: string): string {
  const rel = relative(workdir, abs);
  return (rel && !rel.startsWith('..') ? rel : abs).split(sep).join('/');
}

export async function findConfig(workdir: string, config: string): Promise<string> {
  if (config) {
    const abs = resolve(workdir, config);
    if (await isFile(abs)) return abs;
    throw new ActionError(`config file ${display(workdir, abs)} not found in ${workdir}`, {
      where: { field: 'input config' },
      fix: 'set the input config to a sindri.yaml path relative to working-directory, or create one with mode: init',
    });
  }
  const looked: string[] = [];
  for (const name of CONFIG_CANDIDATES) {
    const abs = resolve(workdir, name);
    if (await isFile(abs)) return abs;
    looked.push(abs);
  }
  throw new ActionError(`no sindri.yaml found (looked at ${looked.join(', ')})`, {
    where: { field: 'input config' },
    fix: 'commit a sindri.yaml (run this action once with mode: init to write a documented one), or point the input config (or working-directory) at it',
  });
}

export async function loadConfig(opts: LoadOptions): Promise<LoadedConfig> {
  const path = await findConfig(opts.workdir, opts.config);
  const file = display(opts.workdir, path);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new ActionError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, {
      where: { file },
      fix: 'check that the file is readable by the runner user',
      cause: e,
    });
  }
  return loadConfigText(text, { file, path, dir: dirname(path), providerOverride: opts.providerOverride, schema: opts.schema });
}

/** Load from text already read (tests, and `init` checking what it wrote). */
export function loadConfigText(
  text: string,
  opts: { file: string; path: string; dir: string; providerOverride?: ProviderName | undefined; schema?: boolean | undefined },
): LoadedConfig {
  const doc = parseConfigText(text.replace(/^\uFEFF/, ''), opts.file);
  const { config, warnings } = normalise(doc, {
    file: opts.file,
    path: opts.path,
    dir: opts.dir,
    ...(opts.providerOverride ? { providerOverride: opts.providerOverride } : {}),
  });
  const all: ConfigWarning[] = doc.warnings.map((w) => ({
    message: `YAML: ${w.message}`,
    file: opts.file,
    line: w.position.line,
    column: w.position.column,
    source: 'yaml',
  }));
  all.push(...warnings);
  if (opts.schema !== false) {
    // what the loader already explained (autoInstall, a missing extensions block…) is not repeated
    const explained = new Set(warnings.map((w) => w.field));
    all.push(...validateSchema(config).filter((w) => !explained.has(w.field)));
  }
  all.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  return { config, warnings: all };
}
