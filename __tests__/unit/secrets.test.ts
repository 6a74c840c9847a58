import { mkdtempSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ActionError } from '../../src/errors.js';
import { redact } from '../../src/runner.js';
import { expandSecretPath, parseDotenv, requireSecrets, resolveSecrets } from '../../src/providers/kit/secrets.js';
import { testConfig } from '../support/docker.js';

function dir(): string {
  return mkdtempSync(join(tmpdir(), 'secrets-unit-'));
}

describe('parseDotenv', () => {
  it('reads the dotenv dialect', () => {
    const m = parseDotenv(
      [
        '# comment',
        'export A=plain value # trailing comment',
        "B='literal $X \\n'",
        'C="tab\\tnew\\nline \\"q\\""',
        'D="two',
        'lines"',
        'E=',
        'not a line',
      ].join('\n'),
    );
    expect(Object.fromEntries(m)).toEqual({ A: 'plain value', B: 'literal $X \\n', C: 'tab\tnew\nline "q"', D: 'two\nlines', E: '' });
  });
});

describe('resolveSecrets', () => {
  it('looks up env, then .env.local, then .env, then fromFile; empty counts as unset', () => {
    const d = dir();
    writeFileSync(join(d, '.env.local'), 'FROM_LOCAL=local-value\nIN_BOTH=local-wins\n');
    writeFileSync(join(d, '.env'), 'FROM_DOTENV=dotenv-value\nIN_BOTH=dotenv-loses\nEMPTY_ENV=from-dotenv\n');
    writeFileSync(join(d, 'token.txt'), 'file-value\n');
    const config = testConfig({
      name: 'x',
      dir: d,
      secrets: [
        { name: 'FROM_ENV' },
        { name: 'FROM_LOCAL' },
        { name: 'FROM_DOTENV' },
        { name: 'IN_BOTH' },
        { name: 'EMPTY_ENV' },
        { name: 'FROM_FILE', fromFile: './token.txt' },
        { name: 'ENV_BEATS_FILE', fromFile: './token.txt' },
      ],
    });
    const r = resolveSecrets(config, { FROM_ENV: 'env-value', EMPTY_ENV: '', ENV_BEATS_FILE: 'env-first' });
    expect(Object.fromEntries(r.values)).toEqual({
      FROM_ENV: 'env-value',
      FROM_LOCAL: 'local-value',
      FROM_DOTENV: 'dotenv-value',
      IN_BOTH: 'local-wins',
      EMPTY_ENV: 'from-dotenv',
      FROM_FILE: 'file-value',
      ENV_BEATS_FILE: 'env-first',
    });
    expect(r.origins.get('FROM_FILE')).toBe('fromFile');
    expect(r.missingRequired).toEqual([]);
    // every value is masked from now on
    expect(redact('x local-value y file-value')).toBe('x *** y ***');
  });

  it('reports optional missing secrets and non-env sources as notices with their line', () => {
    const config = testConfig({
      name: 'x',
      dir: dir(),
      secrets: [{ name: 'OPTIONAL' }, { name: 'CERT', source: 'file', path: './c.pem', mountPath: '/etc/c.pem' }],
    });
    const r = resolveSecrets(config, {});
    expect(r.values.size).toBe(0);
    expect(r.notices.map((n) => n.message)).toEqual([
      'secret OPTIONAL is not set; the deployment runs without it',
      'secret CERT (source: file) is not handed to the deployment: only source: env secrets are supported',
    ]);
    expect(r.notices[0]!.line).toBeGreaterThan(1);
  });

  it('a missing required secret is one ActionError naming all of them, with file, line and fix', () => {
    const config = testConfig({
      name: 'x',
      dir: dir(),
      secrets: [{ name: 'OK' }, { name: 'API_KEY', required: true }, { name: 'DB_PASSWORD', required: true }],
    });
    let err: unknown;
    try {
      requireSecrets(config, { OK: 'fine-value' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ActionError);
    expect((err as ActionError).toLine()).toMatch(
      /^sindri\.yaml:\d+:\d+: secrets\[1\]: required secrets API_KEY, DB_PASSWORD are not set\. Fix: pass them to the step \(env: API_KEY: \$\{\{ secrets\.API_KEY \}\}\)/,
    );
  });

  it('expands ~ and $VAR in fromFile, relative to the config dir', () => {
    expect(expandSecretPath('~/t', '/cfg', {})).toBe(join(homedir(), 't'));
    expect(expandSecretPath('$D/t', '/cfg', { D: '/data' })).toBe('/data/t');
    expect(expandSecretPath('${D}/t', '/cfg', { D: 'rel' })).toBe('/cfg/rel/t');
    expect(expandSecretPath('t.txt', '/cfg', {})).toBe('/cfg/t.txt');
  });
});
