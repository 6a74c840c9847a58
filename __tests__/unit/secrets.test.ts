import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { ActionError } from '../../src/errors.js';
import { redact } from '../../src/runner.js';
import { warnNotices } from '../../src/providers/kit/notices.js';
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

  it('reports optional missing secrets and vault/s3 sources as notices with their line', () => {
    const config = testConfig({
      name: 'x',
      dir: dir(),
      secrets: [
        { name: 'OPTIONAL' },
        { name: 'CERT', source: 'file', path: './c.pem', mountPath: '/etc/c.pem' },
        { name: 'DB', source: 'vault', vaultPath: 'app/db', vaultKey: 'pw' },
      ],
    });
    const r = resolveSecrets(config, {});
    expect(r.values.size).toBe(0);
    expect(r.notices.map((n) => n.message)).toEqual([
      'secret OPTIONAL is not set; the deployment runs without it',
      'secret CERT is not set; the deployment runs without it',
      'secret DB (source: vault) is not handed to the deployment: the action reads env and file secrets; bring it in through env (docs/configuration.md#secrets)',
    ]);
    expect(r.notices[0]!.line).toBeGreaterThan(1);
  });

  it('source: file reads the file at path (relative to sindri.yaml) at deploy time, masked, as the variable name (issue 20 class 14)', () => {
    const d = dir();
    const pem = '-----BEGIN PRIVATE KEY-----\nMIIBVQIBADANBgkqhkiG9w0BAQEFAASCAT8wggE7AgEAAkEA\n-----END PRIVATE KEY-----';
    writeFileSync(join(d, 'tls.key'), `${pem}\n`);
    const config = testConfig({ name: 'x', dir: d, secrets: [{ name: 'TLS_KEY', source: 'file', path: 'tls.key', required: true }] });
    // the environment never supplies a file secret
    const r = requireSecrets(config, { TLS_KEY: 'from-env-ignored' });
    expect(r.values.get('TLS_KEY')).toBe(pem);
    expect(r.origins.get('TLS_KEY')).toBe('file');
    expect(redact('key MIIBVQIBADANBgkqhkiG9w0BAQEFAASCAT8wggE7AgEAAkEA end')).toBe('key *** end');
  });

  it('a required secret that cannot be delivered fails by name and source: vault, s3, a missing file, a folder (issue 20 class 14)', () => {
    const d = dir();
    mkdirSync(join(d, 'a-folder'));
    const line = (secrets: Parameters<typeof testConfig>[0]['secrets']) => {
      try {
        requireSecrets(testConfig({ name: 'x', dir: d, secrets }), {});
      } catch (e) {
        return (e as ActionError).toLine();
      }
      return 'no error';
    };
    expect(line([{ name: 'DB', source: 'vault', vaultPath: 'a', vaultKey: 'b', required: true }])).toMatch(
      /^sindri\.yaml:\d+:\d+: secrets\[0\]: required secret DB has source: vault, which the action does not read, so it cannot be delivered\. Fix: fetch it in an earlier step \(hashicorp\/vault-action\), pass it to this step as env DB, and write source: env/,
    );
    expect(line([{ name: 'K', source: 's3', required: true }])).toMatch(/K has source: s3.*aws-actions/);
    expect(
      line([
        { name: 'A', source: 'vault', vaultPath: 'a', vaultKey: 'b', required: true },
        { name: 'B', required: true },
      ]),
    ).toMatch(/required secrets A, B cannot be delivered: A has source: vault/);
    expect(line([{ name: 'K', source: 'file', path: 'missing.pem', required: true }])).toMatch(
      /required secret K \(source: file\) is not set: its path missing\.pem is not a readable, non-empty file\. Fix: create missing\.pem/,
    );
    expect(line([{ name: 'K', source: 'file', path: 'a-folder', required: true }])).toMatch(/path a-folder is not a readable/);
    expect(line([{ name: 'K', source: 'file', required: true }])).toMatch(/K \(source: file\) is not set: it has no path\. Fix: add path:/);
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

  it('secret warnings name sindri.yaml from the repository root, as errors do (issue 20 class 15)', () => {
    const root = dir();
    mkdirSync(join(root, 'deploy'));
    const config = testConfig({
      name: 'x',
      dir: join(root, 'deploy'),
      secrets: [{ name: 'DB', source: 'vault', vaultPath: 'a', vaultKey: 'b' }],
    });
    expect(config.file).toBe('sindri.yaml');
    const saved = process.env.GITHUB_WORKSPACE;
    process.env.GITHUB_WORKSPACE = root;
    const lines: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    try {
      warnNotices(config, resolveSecrets(config, {}).notices);
    } finally {
      spy.mockRestore();
      if (saved === undefined) delete process.env.GITHUB_WORKSPACE;
      else process.env.GITHUB_WORKSPACE = saved;
    }
    expect(lines.join('')).toMatch(
      /^::warning title=secrets\[0\],file=deploy\/sindri\.yaml,line=\d+,col=\d+::secret DB \(source: vault\)/m,
    );
  });

  it('expands ~ and $VAR in fromFile, relative to the config dir', () => {
    expect(expandSecretPath('~/t', '/cfg', {})).toBe(join(homedir(), 't'));
    expect(expandSecretPath('$D/t', '/cfg', { D: '/data' })).toBe('/data/t');
    expect(expandSecretPath('${D}/t', '/cfg', { D: 'rel' })).toBe('/cfg/rel/t');
    expect(expandSecretPath('t.txt', '/cfg', {})).toBe('/cfg/t.txt');
  });
});
