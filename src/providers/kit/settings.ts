/**
 * Typed readers of a provider's own block (`providers.<name>` in sindri.yaml), for every provider the
 * same way: a value of the wrong type or outside its allowed set is one error at its place (file, line,
 * field) with its fix, through the config's one `configError`. Absent values give the caller's default.
 * The loader has already read the rest of the file leniently; what a provider reads here decides what
 * is deployed, so here a wrong value fails instead of being guessed.
 */
import { fieldOf, type ConfigPath } from '../../config/path.js';
import { configError, placeOf } from '../../config/place.js';
import type { SindriConfig } from '../../config/types.js';
import type { ActionError, ErrorLocation } from '../../errors.js';
import { controlCharacter } from '../../text.js';

type Key = string | number | ConfigPath;

function isMapping(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const absent = (v: unknown): v is undefined | null => v === undefined || v === null;

export class Settings {
  /** the block as written; `{}` when it is absent */
  readonly raw: Record<string, unknown>;

  /**
   * @param config the loaded config (for `locate` and the file name)
   * @param base where the block sits, e.g. `['providers', 'fly']`
   * @param raw the block itself; default: read from `config.raw` at `base`
   */
  constructor(
    readonly config: Pick<SindriConfig, 'file' | 'locate' | 'raw'>,
    readonly base: ConfigPath,
    raw?: unknown,
  ) {
    const value =
      raw === undefined
        ? base.reduce<unknown>((v, k) => (isMapping(v) || Array.isArray(v) ? (v as never)[k] : undefined), config.raw)
        : raw;
    if (!absent(value) && !isMapping(value)) throw this.fail([], 'expected a mapping', `write ${this.field([])} as key: value lines`);
    this.raw = (value ?? {}) as Record<string, unknown>;
  }

  /** The settings of `providers.<name>`. */
  /** The settings of `providers.<name>`, as the loader kept them (`config.providers`). */
  static of(config: Pick<SindriConfig, 'file' | 'locate' | 'raw' | 'providers'>, provider: string): Settings {
    return new Settings(config, ['providers', provider], config.providers[provider] ?? {});
  }

  path(key: Key): ConfigPath {
    return [...this.base, ...(Array.isArray(key) ? key : [key as string | number])];
  }

  /** dotted field name of a key, e.g. `providers.fly.region` */
  field(key: Key): string {
    return fieldOf(this.path(key));
  }

  /** where a key is written (its parent's place when it is absent) */
  at(key: Key): ErrorLocation & { field: string } {
    return placeOf(this.config, this.path(key));
  }

  /** The one error of a setting: at its place, with its fix. */
  fail(key: Key, what: string, fix: string): ActionError {
    return configError(this.config, this.path(key), what, fix);
  }

  /** the value written under `key`, undefined when absent */
  get(key: Key): unknown {
    const path = Array.isArray(key) ? key : [key as string | number];
    return path.reduce<unknown>((v, k) => (isMapping(v) || Array.isArray(v) ? (v as never)[k] : undefined), this.raw);
  }

  has(key: Key): boolean {
    return !absent(this.get(key));
  }

  /** A nested mapping as its own Settings (`providers.devpod.kubernetes`). */
  sub(key: Key): Settings {
    return new Settings(this.config, this.path(key), this.get(key) ?? {});
  }

  /** One value (string, number or true/false) as text; undefined when absent or empty. */
  str(key: Key): string | undefined {
    const v = this.get(key);
    if (absent(v) || v === '') return undefined;
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return this.line(key, String(v));
    throw this.fail(key, 'expected a single value', 'write a string, number or true/false');
  }

  /** Settings reach command lines, generated files and the log: no control characters (issue 20). */
  private line(key: Key, s: string): string {
    const bad = controlCharacter(s);
    if (!bad) return s;
    throw this.fail(key, `contains a control character (${bad})`, 'write the value on one line, without escape characters');
  }

  /** A value from a fixed set; absent → `fallback`. */
  oneOf<T extends string>(key: Key, allowed: readonly T[], fallback: T): T {
    const v = this.get(key);
    if (absent(v)) return fallback;
    const s = this.line(key, String(v));
    if ((allowed as readonly string[]).includes(s)) return s as T;
    throw this.fail(key, `invalid value "${s.slice(0, 80)}"`, `use one of ${allowed.join(', ')}`);
  }

  bool(key: Key, fallback: boolean): boolean {
    const v = this.get(key);
    if (absent(v)) return fallback;
    if (typeof v === 'boolean') return v;
    throw this.fail(key, `expected true or false, got "${String(v).slice(0, 80)}"`, 'use true or false');
  }

  /** A whole number within [min, max]; absent → undefined. */
  int(key: Key, min: number, max: number, fix = `give a whole number from ${min} to ${max}`): number | undefined {
    const v = this.get(key);
    if (absent(v)) return undefined;
    const n = typeof v === 'string' && /^\s*-?\d+\s*$/.test(v) ? Number(v) : v;
    if (typeof n === 'number' && Number.isInteger(n) && n >= min && n <= max) return n;
    throw this.fail(key, `"${String(v).slice(0, 40)}" is not a whole number from ${min} to ${max}`, fix);
  }

  /** A list of single values; absent → []. */
  strings(key: Key): string[] {
    const v = this.get(key);
    if (absent(v)) return [];
    if (!Array.isArray(v)) throw this.fail(key, 'expected a list', 'write it as a YAML list of strings');
    return v.map((item, i) => {
      if (typeof item !== 'string' && typeof item !== 'number') throw this.fail(this.join(key, i), 'expected a string', 'quote the value');
      return this.line(this.join(key, i), String(item));
    });
  }

  /** A mapping of single values (labels, node selectors); absent → {}. */
  stringMap(key: Key): Record<string, string> {
    const v = this.get(key);
    if (absent(v)) return {};
    if (!isMapping(v)) throw this.fail(key, 'expected a mapping', 'write it as key: value lines');
    const out: Record<string, string> = {};
    for (const [k, item] of Object.entries(v)) {
      if (typeof item !== 'string' && typeof item !== 'number' && typeof item !== 'boolean')
        throw this.fail(this.join(key, k), 'expected a single value', 'write a string, number or true/false');
      out[this.line(this.join(key, k), k)] = this.line(this.join(key, k), String(item));
    }
    return out;
  }

  private join(key: Key, next: string | number): ConfigPath {
    return [...(Array.isArray(key) ? key : [key as string | number]), next];
  }
}
