/**
 * The typed value readers of the loader, lenient like upstream's serde
 * (docs/upstream.md#loading-and-lenient-parsing): a value of a near type is read as written with a
 * warning at its place (`version: 3.0` → "3.0"); the strict readers throw the one config error at a
 * place instead, for values a deploy depends on. normalise.ts reads the shape of sindri.yaml with them.
 */
import { clip, MAX_LINE } from '../domain.js';
import { controlCharacter } from '../text.js';
import type { ActionError } from '../errors.js';
import type { ParsedDocument } from './document.js';
import { fieldOf, type ConfigPath } from './path.js';
import { configError } from './place.js';
import type { ConfigWarning } from './types.js';

/** A plain mapping: what the YAML tags !!binary, !!set, !!omap and !!timestamp give (bytes, Set, Map, Date) is not one. */
export function isRecord(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

export function typeName(v: unknown): string {
  if (v === null || v === undefined) return 'empty';
  if (Array.isArray(v)) return 'a list';
  if (isRecord(v)) return 'a mapping';
  if (v instanceof Uint8Array) return 'binary data (a !!binary value)';
  if (v instanceof Set) return 'a set (a !!set value)';
  if (v instanceof Map) return 'an ordered map (a !!omap or !!pairs value)';
  if (v instanceof Date) return 'a timestamp (a !!timestamp value)';
  return `the ${typeof v} ${JSON.stringify(v)}`;
}

/** Reads values out of one parsed document, collecting warnings at their places. */
export class ConfigReader {
  readonly warnings: ConfigWarning[] = [];

  constructor(
    protected readonly doc: ParsedDocument,
    /** the file name shown in warnings and errors */
    readonly file: string,
  ) {}

  /** where a path is written; undefined when it is not */
  locate(path: ConfigPath): { line: number; column: number } | undefined {
    return this.doc.locate(path);
  }

  /** where a path is written, else its nearest written parent */
  place(path: ConfigPath): { line: number; column: number } {
    return this.doc.locate(path) ?? this.doc.nearest(path);
  }

  warn(path: ConfigPath, message: string): void {
    const pos = this.place(path);
    // a warning quotes what the user wrote: bounded like an error line (ADR 0014)
    this.warnings.push({
      message: clip(message, MAX_LINE),
      file: this.file,
      line: pos.line,
      column: pos.column,
      field: clip(fieldOf(path), MAX_LINE / 4),
      source: 'loader',
    });
  }

  fail(path: ConfigPath, what: string, fix: string): ActionError {
    // a missing key is reported at its nearest written parent
    return configError({ file: this.file, locate: (p) => this.doc.locate(p) ?? this.doc.nearest(p) }, path, what, fix);
  }

  /** A string value; numbers and booleans keep the text as written (`version: 3.0` → "3.0"). */
  str(path: ConfigPath, v: unknown): string | undefined {
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'string') return this.oneLine(path, v);
    if (typeof v === 'number' || typeof v === 'boolean') {
      const text = this.doc.source(path) ?? String(v);
      this.warn(path, `should be a string; read as "${text}". Quote it: "${text}"`);
      return text;
    }
    this.warn(path, `should be a string, not ${typeName(v)}; ignored`);
    return undefined;
  }

  /** A required string that a deploy depends on: wrong types are errors. */
  strictStr(path: ConfigPath, v: unknown, fix: string): string | undefined {
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'string') return this.oneLine(path, v);
    const tagged = typeof v === 'object' && !Array.isArray(v) && !isRecord(v);
    throw this.fail(path, `must be a string, not ${typeName(v)}`, tagged ? `remove the YAML tag (!!…) and write plain text; ${fix}` : fix);
  }

  /**
   * Every string the action reads ends up in a command line, a generated file or the log: a control
   * character (a new line above all) has no place in it and could forge a log line (issue 20).
   */
  oneLine(path: ConfigPath, v: string): string {
    const bad = controlCharacter(v);
    if (!bad) return v;
    throw this.fail(path, `contains a control character (${bad})`, 'write the value on one line, without escape characters');
  }

  bool(path: ConfigPath, v: unknown, fallback: boolean): boolean {
    if (v === undefined || v === null) return fallback;
    if (typeof v === 'boolean') return v;
    if (typeof v === 'string' && /^(true|false)$/i.test(v.trim())) {
      const b = v.trim().toLowerCase() === 'true';
      this.warn(path, `should be a boolean, not the string "${v}"; read as ${b}`);
      return b;
    }
    this.warn(path, `should be true or false, not ${typeName(v)}; using the default ${fallback}`);
    return fallback;
  }

  /**
   * A boolean that guards something (a secret's `required`): anything but true/false is an error,
   * never a quiet default (`required: yes` is the string "yes" in YAML 1.2, not true).
   */
  strictBool(path: ConfigPath, v: unknown, fallback: boolean): boolean {
    if (v === undefined || v === null) return fallback;
    if (typeof v === 'boolean') return v;
    if (typeof v === 'string' && /^(true|false)$/i.test(v.trim())) return v.trim().toLowerCase() === 'true';
    const shown = typeof v === 'string' ? `"${v.slice(0, 40)}"` : typeName(v);
    throw this.fail(
      path,
      `must be true or false, not ${shown}`,
      `write ${fieldOf(path).split('.').pop()}: true or false (YAML 1.2 reads yes/no/on/off as strings)`,
    );
  }

  /** A whole number within [min, max]: anything else is an error naming the accepted range. */
  boundedInt(path: ConfigPath, v: unknown, min: number, max: number): number | undefined {
    if (v === undefined || v === null) return undefined;
    const n = typeof v === 'string' && /^\s*-?\d+\s*$/.test(v) ? Number(v) : v;
    if (typeof n === 'number' && Number.isInteger(n) && n >= min && n <= max) {
      if (typeof v === 'string') this.warn(path, `should be a number, not the string "${v}"`);
      return n;
    }
    const shown = typeof v === 'number' || typeof v === 'string' ? String(v).slice(0, 40) : typeName(v);
    throw this.fail(path, `${shown} is out of range`, `give a whole number from ${min} to ${max}`);
  }

  int(path: ConfigPath, v: unknown): number | undefined {
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    if (typeof v === 'string' && /^\d+$/.test(v.trim())) {
      this.warn(path, `should be a number, not the string "${v}"`);
      return Number(v.trim());
    }
    this.warn(path, `should be a number, not ${typeName(v)}; ignored`);
    return undefined;
  }

  strList(path: ConfigPath, v: unknown): string[] | undefined {
    if (v === undefined || v === null) return undefined;
    if (!Array.isArray(v)) {
      this.warn(path, `should be a list of strings, not ${typeName(v)}; ignored`);
      return undefined;
    }
    const out: string[] = [];
    v.forEach((item, i) => {
      const s = this.str([...path, i], item);
      if (s !== undefined) out.push(s);
    });
    return out;
  }

  /** A mapping that only shapes optional settings: anything else is a warning and ignored. */
  softMap(path: ConfigPath, v: unknown): Record<string, unknown> {
    if (v === undefined || v === null) return {};
    if (isRecord(v)) return v;
    this.warn(path, `should be a mapping, not ${typeName(v)}; ignored`);
    return {};
  }

  /** Match an enum leniently (case, `_` vs `-`); a non-canonical spelling warns, anything else throws. */
  enumValue<T extends string>(path: ConfigPath, v: unknown, allowed: readonly T[], fallback: T): T {
    if (v === undefined || v === null) return fallback;
    const raw = typeof v === 'string' ? v : String(v);
    if ((allowed as readonly string[]).includes(raw)) return raw as T;
    const squash = (s: string): string => s.toLowerCase().replace(/[-_\s]/g, '');
    const match = allowed.find((a) => squash(a) === squash(raw));
    if (match) {
      this.warn(path, `"${raw}" read as "${match}"; write it as "${match}"`);
      return match;
    }
    throw this.fail(path, `invalid value "${raw}"`, `use one of ${allowed.join(', ')}`);
  }

  /** A key written in another case (`Name`, `DEPLOYMENT`), for a "did you mean" hint. */
  caseTwin(m: Record<string, unknown>, key: string): string | undefined {
    return Object.keys(m).find((k) => k !== key && k.toLowerCase() === key);
  }
}
