/**
 * sindri.yaml as a YAML document that remembers where everything is: parse once with a LineCounter,
 * then `locate(path)` gives the line/column of any key or value for errors and annotations.
 */
import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  visit,
  type Document,
  type Node,
  type Pair,
  type YAMLMap,
} from 'yaml';
import { ActionError } from '../errors.js';
import type { ConfigPath } from './path.js';
import type { Position } from './types.js';

export interface ParsedDocument {
  /** the whole document as plain data (a mapping: anything else is an error) */
  data: Record<string, unknown>;
  /**
   * Where `path` sits: for a scalar, its value; for a mapping or list, its key (where the user looks);
   * undefined when the path is not in the file.
   */
  locate(path: ConfigPath): Position | undefined;
  /** the nearest position that exists: `path` itself, else its closest written ancestor */
  nearest(path: ConfigPath): Position;
  /** the scalar exactly as written (`3.0` stays `3.0`, not the number 3) */
  source(path: ConfigPath): string | undefined;
  /** parser warnings (not errors), already located */
  warnings: { message: string; position: Position }[];
}

interface Found {
  node: Node | null;
  /** the mapping entry holding the node, when the last segment is a key */
  pair?: Pair;
}

/** A `<<` merge key (docs/behaviour.md#config-compatibility): the parser gives its plain `<<` a symbol value. */
function isMergeKey(key: unknown): boolean {
  return isScalar(key) && typeof key.value === 'symbol';
}

/** The mappings a `<<` value merges in, in precedence order: one alias, or a list of them. */
function mergedMaps(doc: Document, value: unknown): unknown[] {
  const one = (v: unknown): unknown => (isAlias(v) ? v.resolve(doc) : v);
  return isSeq(value) ? value.items.map(one) : [one(value)];
}

/** The entry for `key` in a mapping: written there, else in what its `<<` keys merge in (where it was written). */
function entryOf(doc: Document, map: YAMLMap, key: string, depth = 0): Pair | undefined {
  const own = map.items.find((it) => isPair(it) && !isMergeKey(it.key) && String(isScalar(it.key) ? it.key.value : it.key) === key);
  if (own || depth > MAX_DEPTH) return own;
  for (const merge of map.items.filter((it) => isPair(it) && isMergeKey(it.key))) {
    for (const source of mergedMaps(doc, merge.value)) {
      const found = isMap(source) ? entryOf(doc, source, key, depth + 1) : undefined;
      if (found) return found;
    }
  }
  return undefined;
}

function find(doc: Document, path: ConfigPath): Found | undefined {
  let node: unknown = doc.contents;
  let pair: Pair | undefined;
  for (const seg of path) {
    // a value written as an alias is looked up where its anchor is
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      pair = entryOf(doc, node, String(seg));
      if (!pair) return undefined;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number') {
      node = node.items[seg];
      pair = undefined;
      if (node === undefined) return undefined;
    } else {
      return undefined;
    }
  }
  const found: Found = { node: (node as Node | null) ?? null };
  if (pair) found.pair = pair;
  return found;
}

/** The parser's error codes in the words of someone editing a config, with what to do. */
const YAML_PROBLEMS: Partial<Record<string, { what: string; fix: string }>> = {
  TAB_AS_INDENT: { what: 'a tab is used to indent', fix: 'indent with spaces only (YAML does not allow tabs), two per level' },
  MISSING_CHAR: { what: 'a quote or bracket is not closed', fix: 'close the quote or bracket, or quote the whole value' },
  DUPLICATE_KEY: { what: 'a key is written twice in the same mapping', fix: 'keep one of them (the Sindri CLI refuses repeated keys too)' },
  BAD_INDENT: {
    what: 'the indentation does not line up, or a [ or { is not closed',
    fix: 'indent keys of the same level by the same number of spaces, and close every [ and {',
  },
  BLOCK_AS_IMPLICIT_KEY: {
    what: 'a key: value sits where a plain value was expected (a line indented too far, or a second ": " in a value)',
    fix: 'put nested keys on their own lines under their parent, or quote a value that contains ": "',
  },
  MULTILINE_IMPLICIT_KEY: { what: 'a key runs over more than one line (a missing colon?)', fix: 'write each key: value on one line' },
  UNEXPECTED_TOKEN: {
    what: 'something follows a value where nothing may (a list item among keys, or two values on one line)',
    fix: 'put each key: value or - item on its own line, at the indentation of its siblings',
  },
  BAD_SCALAR_START: { what: 'a value starts with a character YAML reserves (@ or `)', fix: 'quote the value, e.g. key: "@value"' },
  BAD_DIRECTIVE: { what: 'a % directive this parser does not support', fix: 'remove the %YAML or %TAG line (sindri.yaml needs none)' },
  KEY_OVER_1024_CHARS: { what: 'a key is longer than 1024 characters', fix: 'shorten the key (or quote it if it is really a value)' },
  BAD_DQ_ESCAPE: {
    what: 'a backslash escape in a "double-quoted" value is not valid',
    fix: 'write \\\\ for a backslash, or use single quotes',
  },
};

function duplicateKey(text: string, offset: number): string {
  const key = /^[^:\n]{1,80}/.exec(text.slice(offset))?.[0]?.trim();
  return key ? `the key ${key} is written twice in the same mapping` : 'a key is written twice in the same mapping';
}

/** How many values the aliases of one file may expand to (the `yaml` library's `maxAliasCount`). */
export const MAX_ALIAS_EXPANSION = 10_000;
/** Deeper than this, a config is not one a person wrote (upstream serde_yaml stops at 128). */
export const MAX_DEPTH = 100;

type Where = { file: string; line: number; column: number };

function tooDeep(where: Where): ActionError {
  return new ActionError(`the YAML is nested more than ${MAX_DEPTH} levels deep`, {
    where,
    fix: 'flatten the structure: sindri.yaml needs a few levels (deployment.image_config.registry), not hundreds',
  });
}

/** The first alias whose anchor is not defined before it, with where it is written. */
function aliasProblem(doc: Document): { name: string; offset: number | undefined } | undefined {
  let found: { name: string; offset: number | undefined } | undefined;
  visit(doc, {
    Alias(_key, node) {
      if (node.resolve(doc) === undefined) {
        found = { name: node.source, offset: node.range?.[0] };
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

function firstAlias(doc: Document): number | undefined {
  let offset: number | undefined;
  visit(doc, {
    Alias(_key, node) {
      offset = node.range?.[0];
      return visit.BREAK;
    },
  });
  return offset;
}

/** The offset of the first node nested deeper than MAX_DEPTH, or undefined (an explicit stack: no recursion). */
function deepest(doc: Document): number | undefined {
  const stack: { node: unknown; depth: number }[] = [{ node: doc.contents, depth: 0 }];
  while (stack.length) {
    const { node, depth } = stack.pop()!;
    if (isMap(node) || isSeq(node)) {
      if (depth >= MAX_DEPTH) return (node.range?.[0] ?? 0) as number;
      for (const it of node.items) {
        if (isPair(it)) {
          stack.push({ node: it.key, depth: depth + 1 }, { node: it.value, depth: depth + 1 });
        } else stack.push({ node: it, depth: depth + 1 });
      }
    }
  }
  return undefined;
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?\s*$/, '').trim();
}

/**
 * Parse YAML text. `file` is the name shown to the user. Unparsable YAML, several documents or a
 * document that is not a mapping throw an ActionError at the parser's line and column.
 */
export function parseConfigText(text: string, file: string): ParsedDocument {
  const lineCounter = new LineCounter();
  // uniqueKeys: a repeated key is an error, as in upstream's serde_yaml. merge: `<<: *common` merges the
  // anchored mapping in (keys written beside it win), so the values written there are the ones used
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, keepSourceTokens: false, merge: true });
  const at = (offset: number | undefined): Position => {
    if (offset === undefined) return { line: 1, column: 1 };
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };

  const err = doc.errors[0];
  if (err) {
    const { line, column } = at(err.pos[0]);
    const where = { file, line, column };
    if (err.code === 'MULTIPLE_DOCS') {
      throw new ActionError(`holds more than one YAML document: a second one starts at line ${line} (after a --- line)`, {
        where,
        fix: 'keep one document per file: remove the --- separator and the second document, or move it to its own file',
      });
    }
    if (err.code === 'RESOURCE_EXHAUSTION') throw tooDeep(where);
    const known = YAML_PROBLEMS[err.code];
    const what = err.code === 'DUPLICATE_KEY' ? duplicateKey(text, err.pos[0]) : known?.what;
    throw new ActionError(`not valid YAML: ${what ? `${what} (${firstLine(err.message)})` : firstLine(err.message)}`, {
      where,
      fix: known?.fix ?? 'correct the YAML syntax at that line (indentation with spaces, a space after each colon, quotes closed)',
    });
  }
  const problem = aliasProblem(doc);
  if (problem) {
    const { line, column } = at(problem.offset);
    throw new ActionError(`the alias *${problem.name} refers to no anchor &${problem.name} defined above it`, {
      where: { file, line, column },
      fix: `define &${problem.name} on a value above this line (anchors must come before their aliases), or write the value itself`,
    });
  }
  const depth = deepest(doc);
  if (depth) throw tooDeep({ file, ...at(depth) });
  const contents = doc.contents;
  if (!isMap(contents)) {
    const what = contents === null ? 'empty' : isSeq(contents) ? 'a list' : 'a single value';
    throw new ActionError(`the file is ${what}, not a mapping of keys`, {
      where: { file, line: 1, column: 1 },
      fix: 'start the file with top-level keys: version, name, deployment, extensions (run the action with mode: init for a documented example)',
    });
  }

  // Aliases are resolved; maxAliasCount bounds "billion laughs" expansion (ADR 0014): the library's
  // default of 100 refuses an ordinary file that reuses one anchor a hundred times.
  let data: Record<string, unknown>;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_EXPANSION }) as Record<string, unknown>;
  } catch (e) {
    if (!(e instanceof ReferenceError || e instanceof RangeError)) throw e;
    const first = firstAlias(doc);
    const where = { file, ...at(first) };
    if (e instanceof RangeError) throw tooDeep(where);
    throw new ActionError(`its aliases expand to more than ${MAX_ALIAS_EXPANSION} copies (an alias bomb)`, {
      where,
      fix: 'write the repeated values out, or nest aliases less: anchors that alias other anchors multiply',
      cause: e,
    });
  }

  const locate = (path: ConfigPath): Position | undefined => {
    if (path.length === 0) return at(contents.range?.[0]);
    const f = find(doc, path);
    if (!f) return undefined;
    if (f.node && isScalar(f.node)) return at(f.node.range?.[0]);
    if (f.pair && isScalar(f.pair.key)) return at(f.pair.key.range?.[0]);
    return at(f.node?.range?.[0]);
  };
  const nearest = (path: ConfigPath): Position => {
    for (let n = path.length; n >= 0; n--) {
      const p = locate(path.slice(0, n));
      if (p) return p;
    }
    return { line: 1, column: 1 };
  };
  const source = (path: ConfigPath): string | undefined => {
    const f = find(doc, path);
    if (!f || !f.node || !isScalar(f.node)) return undefined;
    return typeof f.node.source === 'string' ? f.node.source : String(f.node.value);
  };
  const warnings = doc.warnings.map((w) => ({ message: firstLine(w.message), position: at(w.pos[0]) }));
  return { data, locate, nearest, source, warnings };
}
