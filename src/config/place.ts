/**
 * Where a value of sindri.yaml is written, and the one way to fail there: every error about a config
 * value (the loader's, a provider's) names the file, line, column and dotted field, then says what is
 * wrong and how to fix it.
 */
import { ActionError, type ErrorLocation } from '../errors.js';
import { fieldOf, type ConfigPath } from './path.js';
import type { Position } from './types.js';

export interface Locatable {
  /** the file as the user knows it (`sindri.yaml`) */
  file: string;
  locate(path: ConfigPath): Position | undefined;
}

/** The place of `path`; for a key that is not written, the place of its nearest written parent. */
export function placeOf(config: Locatable, path: ConfigPath): ErrorLocation & { field: string } {
  for (let n = path.length; n > 0; n--) {
    const pos = config.locate(path.slice(0, n));
    if (pos) return { file: config.file, line: pos.line, column: pos.column, field: fieldOf(path) };
  }
  return { file: config.file, field: fieldOf(path) };
}

/** The error for a config value: `sindri.yaml:12:5: providers.fly.region: <what>. Fix: <fix>` */
export function configError(config: Locatable, path: ConfigPath, what: string, fix: string): ActionError {
  return new ActionError(what, { where: placeOf(config, path), fix });
}
