/**
 * The current context as kubectl 1.32 resolves it (client-go loader.go), read without starting kubectl
 * (issue 25): KUBECONFIG's list in order, duplicates and empty entries skipped, missing files skipped,
 * the first non-empty current-context wins, $HOME/.kube/config when KUBECONFIG is unset or empty, and a
 * file that does not parse is an error.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { currentContextOf, kubeconfigFiles } from '../../src/external/kubeconfig.js';

const dir = mkdtempSync(join(tmpdir(), 'kubeconfig-unit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};
const a = file('a.yaml', 'apiVersion: v1\nkind: Config\nclusters: []\n'); // sets no current-context
const b = file('b.yaml', 'apiVersion: v1\nkind: Config\ncurrent-context: bctx\n');
const c = file('c.yaml', 'current-context: cctx\n');
const empty = file('empty.yaml', '');
const bad = file('bad.yaml', 'current-context: [\n');

describe('currentContextOf (as kubectl resolves it)', () => {
  it.each([
    ['a:b — only b sets it', [a, b], 'bctx'],
    ['b:c — the first file that sets it wins', [b, c], 'bctx'],
    ['a:c:b', [a, c, b], 'cctx'],
    ['missing:b — missing files are skipped', [join(dir, 'missing.yaml'), b], 'bctx'],
    ['empty:b — an empty file is an empty config', [empty, b], 'bctx'],
    ['a alone — none set', [a], ''],
  ])('%s', (_, files, want) => {
    expect(currentContextOf({ KUBECONFIG: files.join(':') }, dir)).toBe(want);
  });

  it('empty entries and duplicates are skipped; relative paths are relative to the working directory', () => {
    expect(kubeconfigFiles({ KUBECONFIG: `::b.yaml:${b}:a.yaml` }, dir)).toEqual([b, a]);
  });

  it('KUBECONFIG unset or empty: $HOME/.kube/config', () => {
    const home = join(dir, 'home');
    mkdirSync(join(home, '.kube'), { recursive: true });
    writeFileSync(join(home, '.kube', 'config'), 'current-context: homectx\n');
    expect(currentContextOf({ HOME: home }, dir)).toBe('homectx');
    expect(currentContextOf({ HOME: home, KUBECONFIG: '' }, dir)).toBe('homectx');
  });

  it('a file that does not parse fails in one line, as kubectl does, even when another file is fine', () => {
    expect(() => currentContextOf({ KUBECONFIG: `${bad}:${b}` }, dir)).toThrow(`the kubeconfig file ${bad} cannot be read`);
  });
});
