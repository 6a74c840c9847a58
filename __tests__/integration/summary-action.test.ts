/**
 * The job summary through the action (`node dist/index.js` on Node 24, the action's runtime, no network: a literal
 * digest with pin-digest false): written by core.summary for every mode, with the decision table,
 * digest, tools, time per phase; `summary: false` leaves it empty while the outputs are still set.
 * A post step after a run that finished leaves nothing to do.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runAction } from '../support/action.js';

const DIGEST = `sha256:${'d'.repeat(64)}`;
const dirs: string[] = [];

function workdir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'summary-action-'));
  dirs.push(dir);
  writeFileSync(
    join(dir, 'sindri.yaml'),
    `version: "3.0"\nname: sum-demo\ndeployment:\n  provider: docker\n  image: 127.0.0.1:5000/sum/app@${DIGEST}\nextensions:\n  profile: minimal\n`,
  );
  return dir;
}

afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('job summary', () => {
  const node = '24' as const;
  it('plan: decision table, digest, tools, time per phase; the main step saved isPost for its post step', async () => {
    const r = await runAction({ inputs: { mode: 'plan', 'pin-digest': 'false' }, cwd: workdir(), node });
    expect(r.code, r.stdout).toBe(0);
    expect(r.summary).toContain('### Sindri plan: `sum-demo` → docker');
    expect(r.summary).toContain(`| digest | \`${DIGEST}\` |`);
    expect(r.summary).toContain('#### Image decision');
    expect(r.summary).toContain('#### Tools');
    expect(r.summary).toMatch(
      // a phase over a second is written in seconds (the plan reads the engine: on a busy runner that can take one)
      /#### Time per phase\n\n\| phase \| time \|\n\|---\|---\|\n\| Load sindri\.yaml \| (\d+ ms|\d+\.\d s) \|\n\| Resolve image \| (\d+ ms|\d+\.\d s) \|\n\| Install tools \| (\d+ ms|\d+\.\d s) \|\n\| Verify image \| (\d+ ms|\d+\.\d s) \|\n\| Plan \(docker\) \| (\d+ ms|\d+\.\d s) \|/,
    );
    expect(r.state.isPost).toBe('true');

    const post = await runAction({ inputs: { mode: 'plan' }, cwd: workdir(), node, state: r.state });
    expect(post.code, post.stdout).toBe(0);
    expect(post.stdout.trim()).toBe('');
    expect(post.summary).toBe('');
    expect(post.outputs).toEqual({});
  });

  it('summary: false: no summary, outputs as always', async () => {
    const r = await runAction({ inputs: { mode: 'plan', 'pin-digest': 'false', summary: 'false' }, cwd: workdir(), node });
    expect(r.code, r.stdout).toBe(0);
    expect(r.summary).toBe('');
    expect(r.outputs['image-digest']).toBe(DIGEST);
    expect(JSON.parse(r.outputs.result!).mode).toBe('plan');
  });

  it('a failed deploy still writes its summary, with the error (a required secret is missing: nothing is started)', async () => {
    const dir = workdir();
    writeFileSync(
      join(dir, 'sindri.yaml'),
      `${readFileSync(join(dir, 'sindri.yaml'), 'utf8')}secrets:\n  - name: SUM_NOT_SET\n    source: env\n    required: true\n`,
    );
    const r = await runAction({ inputs: { 'pin-digest': 'false' }, cwd: dir, node });
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n').filter((l) => l.startsWith('::error'))).toHaveLength(1);
    expect(r.summary).toContain('— failed');
    expect(r.summary).toContain('SUM_NOT_SET');
    expect(r.summary).toContain('#### Time per phase');
  });

  it('a local run (no runner files, no runner to mask): registered secrets are *** in every line the action prints', async () => {
    const secret = 'hunter2-secret-xyz';
    const r = await runAction({
      inputs: {
        mode: 'plan',
        'pin-digest': 'false',
        image: `127.0.0.1:5000/${secret}/app:1`,
        'registry-username': 'u',
        'registry-password': secret,
      },
      cwd: workdir(),
      node,
      env: { GITHUB_OUTPUT: '', GITHUB_STEP_SUMMARY: '', GITHUB_STATE: '' },
    });
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toContain(`::add-mask::${secret}`);
    expect(r.stdout.replace(/^::add-mask::.*$/gm, '')).not.toContain(secret);
    expect(r.stdout).toContain('127.0.0.1:5000/***/app:1');
    expect(r.summary).toBe('');
  });

  it('init: a short summary of what was written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'summary-init-'));
    dirs.push(dir);
    const r = await runAction({ inputs: { mode: 'init' }, cwd: dir, node });
    expect(r.code, r.stdout).toBe(0);
    expect(r.summary).toContain('### Sindri init');
    expect(r.summary).toContain('`sindri.yaml`');
  });
});
