/**
 * sindri.yaml as a YAML document that remembers where everything is: parse once with a LineCounter,
 * then `locate(path)` gives the line/column of any key or value for errors and annotations.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node, type Pair } from 'yaml';
import { ActionError } from '../errors.js';
import type { Position } from './types.js';

export type ConfigPath = readonly (string | number)[];

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

/** `deployment.image_config.digest`, `secrets[2].name` */
export function fieldOf(path: ConfigPath): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${p}` : p;
  return out;
}

interface Found {
  node: Node | null;
  /** the mapping entry holding the node, when the last segment is a key */
  pair?: Pair;
}

function find(doc: Document, path: ConfigPath): Found | undefined {
  let node: unknown = doc.contents;
  let pair: Pair | undefined;
  for (const seg of path) {
    if (isMap(node)) {
      pair = node.items.find((it) => isPair(it) && String(isScalar(it.key) ? it.key.value : it.key) === String(seg));
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

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?\s*$/, '').trim();
}

/**
 * Parse YAML text. `file` is the name shown to the user. Unparsable YAML, several documents or a
 * document that is not a mapping throw an ActionError at the parser's line and column.
 */
export function parseConfigText(text: string, file: string): ParsedDocument {
  const lineCounter = new LineCounter();
  // uniqueKeys: a repeated key is an error, as in upstream's serde_yaml
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, keepSourceTokens: false });
  const at = (offset: number | undefined): Position => {
    if (offset === undefined) return { line: 1, column: 1 };
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };

  const err = doc.errors[0];
  if (err) {
    const { line, column } = at(err.pos[0]);
    throw new ActionError(`not valid YAML: ${firstLine(err.message)}`, {
      where: { file, line, column },
      fix: 'correct the YAML syntax at that line (indentation with spaces, a space after each colon, quotes closed)',
    });
  }
  const contents = doc.contents;
  if (!isMap(contents)) {
    const what = contents === null ? 'empty' : isSeq(contents) ? 'a list' : 'a single value';
    throw new ActionError(`the file is ${what}, not a mapping of keys`, {
      where: { file, line: 1, column: 1 },
      fix: 'start the file with top-level keys: version, name, deployment, extensions (run the action with mode: init for a documented example)',
    });
  }

  // Aliases are resolved; maxAliasCount bounds "billion laughs" expansion.
  const data = doc.toJS({ maxAliasCount: 100 }) as Record<string, unknown>;

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
