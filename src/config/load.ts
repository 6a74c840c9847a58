/**
 * Find, read, parse (with line numbers), normalise and schema-check sindri.yaml
 * (docs/behaviour.md#config-compatibility). Returns the config and every warning (YAML parser, lenient
 * loader, schema), each with file and line.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { ActionError } from '../errors.js';
import type { ProviderName } from '../domain.js';
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

/**
 * Whatever the YAML library throws for text the user wrote is about their file, not our bug: one line
 * with the file (ADR 0014). A stack overflow is a file nested too deeply.
 */
function asConfigError(e: unknown, file: string): ActionError {
  if (e instanceof ActionError) return e;
  const msg = e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e);
  if (e instanceof RangeError && /call stack/i.test(msg)) {
    return new ActionError('the YAML is nested too deeply to read', {
      where: { file },
      fix: 'flatten the structure: sindri.yaml needs a few levels of keys, not hundreds',
      cause: e,
    });
  }
  return new ActionError(`could not read the YAML: ${msg}`, {
    where: { file },
    fix: 'correct the YAML (a YAML linter such as yamllint shows where), or start again from mode: init',
    cause: e,
  });
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
    text = decodeConfig(readFileSync(path), file);
  } catch (e) {
    if (e instanceof ActionError) throw e;
    throw new ActionError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, {
      where: { file },
      fix: 'check that the file is readable by the runner user',
      cause: e,
    });
  }
  return loadConfigText(text, { file, path, dir: dirname(path), providerOverride: opts.providerOverride, schema: opts.schema });
}

/**
 * The config's bytes as text. YAML allows UTF-8, UTF-16 and UTF-32 (YAML 1.2 §5.2): a UTF-16 file with
 * a byte order mark (as Windows editors write it) is decoded; other encodings are refused by name
 * rather than read as garbage that then "is a single value".
 */
export function decodeConfig(bytes: Buffer, file: string): string {
  const refuse = (what: string) =>
    new ActionError(`is encoded as ${what}, not UTF-8`, {
      where: { file },
      fix: 'save the file as UTF-8 (in most editors: Save with Encoding → UTF-8) and commit it again',
    });
  if (bytes.length >= 4 && (bytes.readUInt32BE(0) === 0x0000feff || bytes.readUInt32LE(0) === 0x0000feff)) throw refuse('UTF-32');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const le = Buffer.from(bytes.subarray(2));
    le.swap16();
    return le.toString('utf16le');
  }
  // UTF-16 without a byte order mark: ASCII text with a zero byte after (or before) every character
  if (bytes.length >= 4 && bytes.includes(0))
    throw refuse(bytes[0] === 0 ? 'UTF-16 (big-endian, no byte order mark)' : 'UTF-16 (no byte order mark)');
  const text = bytes.toString('utf8');
  if (text.includes('\uFFFD')) {
    const at = text.slice(0, text.indexOf('\uFFFD')).split('\n').length;
    throw new ActionError(`line ${at} is not valid UTF-8 (a Latin-1 or Windows-1252 character?)`, {
      where: { file, line: at },
      fix: 'save the file as UTF-8 and commit it again',
    });
  }
  return text;
}

/** Load from text already read (tests, and `init` checking what it wrote). */
export function loadConfigText(
  text: string,
  opts: { file: string; path: string; dir: string; providerOverride?: ProviderName | undefined; schema?: boolean | undefined },
): LoadedConfig {
  let doc: ReturnType<typeof parseConfigText>;
  try {
    doc = parseConfigText(text.replace(/^\uFEFF/, ''), opts.file);
  } catch (e) {
    throw asConfigError(e, opts.file);
  }
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
