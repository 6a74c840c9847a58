/**
 * Every reference stays inside the repository (issue 17): no file cites the contract or the upstream
 * facts by the section numbers of documents this repository does not hold; every `docs/<page>.md`
 * and `#anchor` cited in code, tests, scripts and docs names a page and a heading that exist; every
 * path of ours that a doc page names exists.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/action.js';

/** What is read: our own text. Fixtures are other people's files; dist is built from src. */
const SCANNED = ['src', '__tests__', 'bench', 'scripts', 'docs', 'templates', '.github', '.ci', 'README.md', 'action.yml'];
const SKIPPED = ['__tests__/fixtures', 'src/config/schema-validator.generated.js', 'src/config/sindri.schema.json'];
const TEXT = /\.(ts|mts|mjs|cjs|js|md|yml|yaml|sh|json)$|^run$/;

function files(): string[] {
  const out: string[] = [];
  const walk = (path: string) => {
    const rel = relative(ROOT, path);
    if (SKIPPED.includes(rel)) return;
    if (statSync(path).isDirectory()) for (const e of readdirSync(path)) walk(join(path, e));
    else if (TEXT.test(path.split('/').pop()!)) out.push(rel);
  };
  for (const s of SCANNED) walk(join(ROOT, s));
  return out.sort();
}

const ALL = files().map((path) => ({ path, text: readFileSync(join(ROOT, path), 'utf8') }));
const SELF = relative(ROOT, new URL(import.meta.url).pathname);

/** Citations of documents outside the repository: the old contract, upstream facts and layout guide. */
const OUTSIDE = new RegExp(['\\b(?:SPEC|FACTS)\\b', '\\b(?:SPEC|FACTS|STYLE)\\.md\\b', '/work/shared', '\\.\\./shared/'].join('|'));

/**
 * Places whose owners repoint them in their own branches of wave A (the providers' folders, their
 * tests and benchmarks, the compose template). Each entry must still cite something: once it no
 * longer does, this test fails until the entry is removed, so the list can only shrink to empty.
 */
const PENDING: string[] = [];
const pending = (path: string) => PENDING.some((p) => path === p || (p.endsWith('/') && path.startsWith(p)));

/** GitHub's heading anchor: lower case, punctuation dropped, spaces to `-`. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

const anchorsOf = new Map<string, Set<string>>();
function anchors(page: string): Set<string> | undefined {
  if (!anchorsOf.has(page)) {
    let text: string;
    try {
      text = readFileSync(join(ROOT, page), 'utf8');
    } catch {
      return undefined;
    }
    const fenced = text.replace(/^```[\s\S]*?^```/gm, '');
    anchorsOf.set(page, new Set([...fenced.matchAll(/^#{1,6}\s+(.+)$/gm)].map((m) => slug(m[1]!))));
  }
  return anchorsOf.get(page);
}

/** `page#anchor` references in a file: `docs/<page>.md#<anchor>` anywhere, and relative markdown links in .md files. */
function references(path: string, text: string): { page: string; anchor?: string; shown: string }[] {
  const out: { page: string; anchor?: string; shown: string }[] = [];
  for (const m of text.matchAll(/(?<![\w./-])(docs\/[\w./-]+\.md)(?:#([\w-]+))?/g))
    out.push({ page: m[1]!, ...(m[2] ? { anchor: m[2] } : {}), shown: m[0] });
  if (path.endsWith('.md')) {
    for (const m of text.matchAll(/\]\((?!https?:|#|\/)([^)#\s]+\.md)?(?:#([\w-]+))?\)/g)) {
      if (!m[1] && !m[2]) continue;
      const page = m[1] ? relative(ROOT, resolve(ROOT, dirname(path), m[1])) : path;
      out.push({ page, ...(m[2] ? { anchor: m[2] } : {}), shown: m[0] });
    }
  }
  return out;
}

describe('references stay inside the repository', () => {
  it('no file cites the contract or the upstream facts by an outside document and section', () => {
    const hits = ALL.filter((f) => f.path !== SELF && !pending(f.path)).flatMap((f) =>
      f.text
        .split('\n')
        .map((line, i) => ({ line, at: `${f.path}:${i + 1}` }))
        .filter(({ line }) => OUTSIDE.test(line))
        .map(({ line, at }) => `${at}: ${line.trim()}`),
    );
    expect(hits).toEqual([]);
  });

  it('every place still pending repointing by its owner still cites something (else remove it from the list)', () => {
    const stale = PENDING.filter(
      (p) => !ALL.some((f) => (f.path === p || (p.endsWith('/') && f.path.startsWith(p))) && OUTSIDE.test(f.text)),
    );
    expect(stale).toEqual([]);
  });

  it('every cited docs page and #anchor exists', () => {
    const broken = ALL.flatMap((f) =>
      references(f.path, f.text)
        .filter((r) => {
          const found = anchors(r.page);
          return found === undefined || (r.anchor !== undefined && !found.has(r.anchor));
        })
        .map((r) => `${f.path}: ${r.shown}`),
    );
    expect(broken).toEqual([]);
  });

  it('every path of ours that a doc page names exists (decision records are history and may name old paths)', () => {
    const pages = ALL.filter((f) => f.path.endsWith('.md') && !f.path.startsWith('docs/adr/') && !f.path.startsWith('__tests__/'));
    const missing = pages.flatMap((f) =>
      [...f.text.matchAll(/(?<![\w./<>{}-])((?:src|__tests__|scripts|bench|templates|examples)\/[\w./-]*[\w/])(?![\w<>{}*])/g)]
        .map((m) => m[1]!)
        .filter((p) => !statExists(p))
        .map((p) => `${f.path}: ${p}`),
    );
    expect(missing).toEqual([]);
  });

  it('the anchor rule reads headings as GitHub does', () => {
    expect(slug('Image priority order')).toBe('image-priority-order');
    expect(slug('Known differences from the contract')).toBe('known-differences-from-the-contract');
    expect(slug('RunPod and Northflank settings')).toBe('runpod-and-northflank-settings');
    expect(slug('The `verify` input, step by step')).toBe('the-verify-input-step-by-step');
  });
});

function statExists(path: string): boolean {
  try {
    statSync(join(ROOT, path));
    return true;
  } catch {
    return false;
  }
}
