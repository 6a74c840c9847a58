/** The README's inputs and outputs tables are action.yml's (issue 13: they cannot drift). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { renderTables, updateReadme } from '../../scripts/readme-tables.mjs';

const ROOT = join(import.meta.dirname, '..', '..');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const actionYml = readFileSync(join(ROOT, 'action.yml'), 'utf8');

describe('README tables from action.yml', () => {
  it('README.md holds exactly the tables action.yml gives (npm run readme rewrites them)', () => {
    expect(updateReadme(readme, actionYml)).toBe(readme);
  });

  it('every input and output of action.yml has a row, with its default', () => {
    const action = parse(actionYml) as { inputs: Record<string, { default?: string }>; outputs: Record<string, unknown> };
    const { inputs, outputs } = renderTables(actionYml) as { inputs: string; outputs: string };
    for (const [name, i] of Object.entries(action.inputs)) {
      expect(inputs).toContain(`| \`${name}\` | ${i.default === undefined ? '' : `\`${i.default}\``} |`);
    }
    for (const name of Object.keys(action.outputs)) expect(outputs).toContain(`| \`${name}\` |`);
  });

  it('a table that drifted is found', () => {
    const drifted = readme.replace('| `timeout` |', '| `timeout-old` |');
    expect(drifted).not.toBe(readme);
    expect(updateReadme(drifted, actionYml)).toBe(readme);
  });
});
