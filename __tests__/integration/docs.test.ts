/**
 * Documentation that cannot drift (issue 13): every yaml code block in README.md and docs/ is either
 * a sindri.yaml — loaded by our loader with no schema warning and planned through `node dist/index.js`
 * against the REAL loopback registry (ghcr.io pointed at it) — or a workflow (whole, or a list of
 * steps) linted by the real actionlint with its `with:` keys read against action.yml. A yaml block
 * with no tag fails: each example must say what it is. And `mode: init` writes, for every provider,
 * a file that loads without warnings and plans.
 *
 * Tags after ```yaml: `sindri.yaml` [dockerfile=PATH] [expect=fail] [warns=N] | `workflow` | `steps` | `text` (shown only).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfigText } from '../../src/config/load.js';
import { sanitiseName } from '../../src/config/normalise.js';
import { PROVIDERS } from '../../src/domain.js';
import { renderInit } from '../../src/modes/init.js';
import { cleanEnv, ROOT, runAction, type ActionRun } from '../support/action.js';
import { localiseRefs, pushReferenced } from '../support/localise.js';
import { REGISTRY_ANON, RUN_ID } from '../support/registry.js';
import { actionSteps, lintWorkflow, unknownWithKeys, unpinnedUses } from '../support/workflows.js';

const LOCAL = `${REGISTRY_ANON}/docs-${RUN_ID}`;
const DEFAULT = `${LOCAL}/pacphi/sindri:latest`;

interface Block {
  file: string;
  line: number;
  tags: string[];
  attrs: Record<string, string>;
  text: string;
}

function markdownFiles(): string[] {
  const out = [join(ROOT, 'README.md')];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir)) {
      const p = join(dir, e);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith('.md')) out.push(p);
    }
  };
  walk(join(ROOT, 'docs'));
  return out;
}

function yamlBlocks(): Block[] {
  const blocks: Block[] = [];
  for (const path of markdownFiles()) {
    const text = readFileSync(path, 'utf8');
    for (const m of text.matchAll(/^```(yaml|yml)([^\n]*)\n([\s\S]*?)^```[ \t]*$/gm)) {
      const words = m[2]!.trim().split(/\s+/).filter(Boolean);
      const attrs = Object.fromEntries(words.filter((w) => w.includes('=')).map((w) => w.split('=') as [string, string]));
      blocks.push({
        file: relative(ROOT, path),
        line: text.slice(0, m.index).split('\n').length,
        tags: words.filter((w) => !w.includes('=')),
        attrs,
        text: m[3]!,
      });
    }
  }
  return blocks;
}

const blocks = yamlBlocks();
const id = (b: Block) => `${b.file}:${b.line} (${b.tags.join(' ') || 'untagged'})`;
const sindriBlocks = blocks.filter((b) => b.tags.includes('sindri.yaml'));
const workflowBlocks = blocks.filter((b) => b.tags.includes('workflow') || b.tags.includes('steps'));

/** A steps list becomes a one-job workflow, so actionlint reads it as it would in a user's file. */
function asWorkflow(b: Block): string {
  if (b.tags.includes('workflow')) return b.text;
  const steps = b.text
    .split('\n')
    .map((l) => (l ? `      ${l}` : l))
    .join('\n');
  return `name: docs example\non: push\npermissions:\n  contents: read\n  packages: write\njobs:\n  example:\n    runs-on: ubuntu-latest\n    steps:\n${steps}`;
}

function workdir(yaml: string, dockerfile?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'docs-'));
  writeFileSync(join(dir, 'sindri.yaml'), yaml);
  if (dockerfile) {
    mkdirSync(join(dir, dockerfile, '..'), { recursive: true });
    writeFileSync(join(dir, dockerfile), 'FROM local/busybox:base\nCMD ["sleep", "3600"]\n');
  }
  return dir;
}

function plan(dir: string, node: '20' | '24' = '24', inputs: Record<string, string> = {}): Promise<ActionRun> {
  return runAction({ inputs: { mode: 'plan', 'default-image': DEFAULT, ...inputs }, cwd: dir, node, timeoutMs: 90_000 });
}

let zeroDigest = '';

describe('documentation code blocks', () => {
  beforeAll(async () => {
    const texts = sindriBlocks.map((b) => localiseRefs(b.text, LOCAL));
    const pushed = await pushReferenced(texts, [
      ...['3.0.0', '3.1.0', 'latest'].map((t) => `${LOCAL}/pacphi/sindri:${t}`),
      `${LOCAL}/acme/app:1.4.2`,
      // the quick start's image_config names the repository alone (rule 7: registry:latest)
      `${LOCAL}/acme/app:latest`,
    ]);
    zeroDigest = pushed.get(`${LOCAL}/pacphi/sindri:3.1.0`)!;
  });

  it('every yaml block says what it is (sindri.yaml, workflow, steps or text)', () => {
    expect(blocks.length).toBeGreaterThan(10);
    const untagged = blocks.filter((b) => !['sindri.yaml', 'workflow', 'steps', 'text'].some((t) => b.tags.includes(t)));
    expect(untagged.map(id)).toEqual([]);
  });

  it.each(sindriBlocks.map((b) => [id(b), b] as const))('%s loads without warnings and plans', async (_name, b) => {
    const { warnings } = loadConfigText(b.text, { file: 'sindri.yaml', path: '/docs/sindri.yaml', dir: '/docs' });
    // warns=N: a block that shows this action's additions to upstream's schema, each warned as a key the Sindri CLI ignores
    const expected = Number(b.attrs.warns ?? 0);
    expect(
      warnings.map((w) => `${w.field}: ${w.message}`).filter((w) => !(expected && /unknown key \(ignored by Sindri\)/.test(w))),
    ).toEqual([]);
    expect(warnings).toHaveLength(expected);
    const text = localiseRefs(b.text, LOCAL).replace(/sha256:0{64}/g, zeroDigest);
    const r = await plan(workdir(text, b.attrs.dockerfile));
    const errors = r.stdout.split('\n').filter((l) => l.startsWith('::error'));
    if (b.attrs.expect === 'fail') {
      expect(r.code, r.stdout).toBe(1);
      expect(errors, r.stdout).toHaveLength(1);
      expect(errors[0]).toMatch(/Fix:/);
    } else {
      expect(r.code, r.stdout).toBe(0);
      expect(errors).toEqual([]);
      expect(r.outputs.image, r.stdout).toMatch(/@sha256:[a-f0-9]{64}$|^[^@]+:[\w.-]+$/);
      if (b.attrs.dockerfile) expect(r.outputs.dockerfile).toBe(b.attrs.dockerfile);
    }
  });

  it.each(workflowBlocks.map((b) => [id(b), b] as const))('%s passes actionlint and uses only declared inputs', async (_name, b) => {
    const wf = asWorkflow(b);
    const findings = await lintWorkflow(wf, `${b.file}.yml`);
    expect(findings.map((f) => `${f.line}:${f.column} ${f.kind}: ${f.message}`)).toEqual([]);
    expect(actionSteps(wf)).toBeGreaterThan(0);
    expect(unknownWithKeys(wf)).toEqual([]);
    // every other action pinned to a commit, as in .github/workflows and docs/examples
    expect(unpinnedUses(b.text, b.file, true)).toEqual([]);
  });
});

describe('mode: init, for every provider', () => {
  it.each(PROVIDERS)('%s: the generated sindri.yaml loads without warnings and plans', async (provider) => {
    const text = renderInit(provider, `init-${provider}`);
    expect(loadConfigText(text, { file: 'sindri.yaml', path: '/init/sindri.yaml', dir: '/init' }).warnings).toEqual([]);
    const dir = mkdtempSync(join(tmpdir(), 'init-plan-'));
    const init = await runAction({ inputs: { mode: 'init', provider }, cwd: dir, node: '24' });
    expect(init.code, init.stdout).toBe(0);
    const written = readFileSync(join(dir, 'sindri.yaml'), 'utf8');
    expect(written).toBe(renderInit(provider, sanitiseName(basename(dir))));
    writeFileSync(join(dir, 'sindri.yaml'), localiseRefs(written, LOCAL));
    // the loopback images are not signed: verification is the subject of its own tests
    const r = await plan(dir, provider === 'docker' ? '20' : '24', { verify: 'false' });
    expect(r.code, r.stdout).toBe(0);
    expect(r.outputs['image-source']).toBe('config-version');
    expect(r.outputs.image).toMatch(new RegExp(`^${LOCAL.replace(/\./g, '\\.')}/pacphi/sindri@sha256:[a-f0-9]{64}$`));
    expect(r.stdout).not.toMatch(/^::warning/m);
  });
});

describe('README: one command per provider plans its example', () => {
  it.each(['docker', 'fly', 'devpod', 'e2b', 'kubernetes'])(
    'npm start -- --mode plan --working-directory examples/%s --pin-digest false',
    (provider) => {
      const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
      const args = ['--mode', 'plan', '--working-directory', `examples/${provider}`, '--pin-digest', 'false'];
      expect(readme).toContain(`npm start -- ${args.join(' ')}`);
      const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'local-run.mjs'), ...args], {
        cwd: ROOT,
        encoding: 'utf8',
        env: cleanEnv(),
        timeout: 60_000,
      });
      expect(r.status, r.stdout + r.stderr).toBe(0);
      expect(r.stdout).toContain(`provider=${provider}`);
      expect(r.stdout).not.toMatch(/^::(error|warning)/m);
      expect(r.stdout).toMatch(/would run: /);
    },
  );
});
