/**
 * The bundle's shims (tsconfig `paths`, ADR 0018 and 0049) stand in for a package for every importer
 * in the toolkit, and ncc builds without a word when an importer uses a name a shim lacks: the name
 * is `undefined` at run time. This reads what the installed `@actions/*` packages import from each
 * shimmed name (named imports, and `ns.Name` of a namespace import) and checks the shim exports it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as execShim from '../../src/vendor/exec-lazy.js';
import * as httpClientShim from '../../src/vendor/http-client-lazy.js';
import * as undiciShim from '../../src/vendor/undici-lazy.js';

const ACTIONS = resolve(import.meta.dirname, '../../node_modules/@actions');
const SHIMS: Record<string, object> = {
  '@actions/http-client': httpClientShim,
  '@actions/exec': execShim,
  undici: undiciShim,
};

function jsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((e) => {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) return jsFiles(p);
    return p.endsWith('.js') ? [p] : [];
  });
}

/** `name` → the files and names the toolkit takes from it */
function usedNames(spec: string): Map<string, string> {
  const used = new Map<string, string>();
  const quoted = `['"]${spec.replace(/[/.]/g, '\\$&')}['"]`;
  for (const file of jsFiles(ACTIONS)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(new RegExp(`import\\s*\\{([^}]*)\\}\\s*from\\s*${quoted}`, 'g')))
      for (const n of m[1]!.split(',')) if (n.trim()) used.set(n.trim().split(/\s+as\s+/)[0]!, file);
    for (const m of text.matchAll(new RegExp(`import\\s*\\*\\s*as\\s+(\\w+)\\s+from\\s*${quoted}`, 'g')))
      for (const u of text.matchAll(new RegExp(`\\b${m[1]}\\.(\\w+)`, 'g'))) used.set(u[1]!, file);
    if (new RegExp(`import\\s+\\w+\\s*(,|from)[^;]*${quoted}`).test(text)) used.set('default', file);
  }
  return used;
}

describe('the toolkit uses only what the bundle shims export', () => {
  it.each(Object.keys(SHIMS))('%s', (spec) => {
    const used = usedNames(spec);
    expect(used.size, `no toolkit file imports ${spec}: the shim and its tsconfig path can go`).toBeGreaterThan(0);
    const missing = [...used].filter(([n]) => !(n in SHIMS[spec]!)).map(([n, f]) => `${n} (${f})`);
    expect(missing).toEqual([]);
  });
});
