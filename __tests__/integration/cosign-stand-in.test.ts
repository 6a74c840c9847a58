/**
 * CONTRACT positive controls for the keyless cosign stand-in (__tests__/support/fakes/cosign.cjs):
 * the REAL cosign (/usr/local/bin/cosign, scripts/ci-services.sh) and the stand-in get the same
 * command line, and a wrong one fails the same way in both: the same stderr, byte for byte, and the
 * same exit code. The command lines are the action's own (`cosignArgv` of src/external/cosign.ts),
 * each with one mistake. Keyless verification cannot finish offline, so the real binary runs with
 * no network (`unshare -n` as root, and always a proxy on a closed loopback port, which cosign's
 * trust-root fetch honours): what it rejects before it needs the network is compared exactly, and
 * the action's correct argv must get past every argument check to the trust-root fetch. The
 * verification outcomes (no signature: exit 10, no matching signature: 12, no or another
 * attestation: 1) are compared against key-signed images in the real registry (127.0.0.1:5000).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cosignArgv, type CosignCheck } from '../../src/external/cosign.js';
import { pushImage, REGISTRY_ANON, requireService, RUN_ID } from '../support/registry.js';

interface Answer {
  code: number;
  stdout: string;
  stderr: string;
}
interface Statement {
  _type: string;
  predicateType: string;
  subject: unknown;
}
interface FlagSpec {
  name: string;
  type: string;
  short?: string;
  default?: unknown;
}
const standIn = createRequire(import.meta.url)('../support/fakes/cosign.cjs') as {
  cosign(argv: string[], state: object): Answer;
  FLAGS: Record<string, FlagSpec[]>;
};

const COSIGN = '/usr/local/bin/cosign';
const ISSUER = 'https://token.actions.githubusercontent.com';
const IDENTITY = '^https://github\\.com/acme/app/';
const SIGNER = { subject: 'https://github.com/acme/app/.github/workflows/release.yml@refs/tags/v1', issuer: ISSUER };
const home = mkdtempSync(join(tmpdir(), 'cosign-stand-in-'));
const isolate = process.getuid?.() === 0 && spawnSync('unshare', ['-n', 'true']).status === 0;

/** The real cosign; `offline`: in a network namespace of its own (root), else behind a dead proxy only. */
function real(argv: string[], o: { offline?: boolean; cwd?: string } = {}): Answer {
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: home,
    TUF_ROOT: join(home, 'tuf'),
    COSIGN_PASSWORD: 'test-password',
    HTTPS_PROXY: 'http://127.0.0.1:9',
    HTTP_PROXY: 'http://127.0.0.1:9',
  };
  const [file, args] = o.offline !== false && isolate ? ['unshare', ['-n', COSIGN, ...argv]] : [COSIGN, argv];
  const r = spawnSync(file, args as string[], { env, cwd: o.cwd ?? home, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const keyless = (ref: string): CosignCheck => ({ ref, trust: { identityRegexp: IDENTITY, issuer: ISSUER }, tlog: true });
const ref0 = `${REGISTRY_ANON}/cosign-stand-in-${RUN_ID}/none@sha256:${'0'.repeat(64)}`;
const verifyArgv = cosignArgv.verify(keyless(ref0));
const attestArgv = cosignArgv.verifyAttestation(keyless(ref0), 'slsaprovenance1');

/** argv without `flag` and its value */
const without = (argv: string[], flag: string) => argv.filter((a, i) => a !== flag && argv[i - 1] !== flag);
const replaced = (argv: string[], from: string, ...to: string[]) => argv.flatMap((a) => (a === from ? to : [a]));

beforeAll(() => {
  if (!existsSync(COSIGN)) throw new Error(`${COSIGN} is missing: run scripts/ci-services.sh (it installs cosign 2.5)`);
});
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('contract: a wrong cosign command line fails in the stand-in exactly as in the real cosign', () => {
  const cases: [string, string[]][] = [
    ['keyless without --certificate-oidc-issuer', without(verifyArgv, '--certificate-oidc-issuer')],
    ['keyless without --certificate-identity-regexp', without(verifyArgv, '--certificate-identity-regexp')],
    ['verify-attestation without an issuer', without(attestArgv, '--certificate-oidc-issuer')],
    ['a misspelt flag', replaced(verifyArgv, '--certificate-identity-regexp', '--certificate-identity-regex')],
    ['an unknown flag', replaced(verifyArgv, '--output', '--output-format')],
    ['an unknown shorthand', [...verifyArgv.slice(0, -1), '-x', ref0]],
    ['a value flag last, without its value', [...verifyArgv.filter((a) => a !== '--output' && a !== 'json'), '--output']],
    ['no image', verifyArgv.slice(0, -1)],
    ['a bool flag with a non-bool value', [...verifyArgv.slice(0, -1), '--insecure-ignore-tlog=maybe', ref0]],
    ['an int flag with a non-number', [...attestArgv.slice(0, -1), '--max-workers', 'many', ref0]],
    ['--max-workers 0', [...verifyArgv.slice(0, -1), '--max-workers=0', ref0]],
    ['a duration without its unit', [...verifyArgv.slice(0, -1), '--timeout', '30', ref0]],
    ['a misspelt command (cobra suggests)', replaced(verifyArgv, 'verify', 'verfy')],
    ['a command prefix (cobra suggests by prefix)', replaced(attestArgv, 'verify-attestation', 'verify-att')],
    ['a command nothing resembles', replaced(verifyArgv, 'verify', 'check')],
    ['a single-dash long flag (rewritten with a warning) then an unknown one', ['verify', '-output', 'json', '--bogus', ref0]],
    ['a flag of verify given to verify-attestation', [...attestArgv.slice(0, -1), '--signature-digest-algorithm', 'sha256', ref0]],
    ['an annotation that is not key=value', [...verifyArgv.slice(0, -1), '-a', 'novalue', ref0]],
  ];
  it.each(cases)('%s', (_what, argv) => {
    const r = real(argv);
    const s = standIn.cosign(argv, { signer: SIGNER });
    expect(r.code, r.stderr).not.toBe(0);
    expect({ code: s.code, stderr: s.stderr }).toEqual({ code: r.code, stderr: r.stderr });
    expect(s.stdout).toBe('');
  });

  it("the action's own argv (verify and verify-attestation) gets past every argument check of the real cosign", () => {
    for (const argv of [verifyArgv, attestArgv]) {
      const r = real(argv);
      // it fails only where it needs the network: the Sigstore trust root (TUF) for Rekor's or the CT log's keys
      expect(r.stderr, argv.join(' ')).toMatch(/^Error: getting (Rekor|ctlog) public keys: .*tuf/im);
      const s = standIn.cosign(argv, {
        signer: SIGNER,
        attestations: [{ predicateType: 'https://slsa.dev/provenance/v1', predicate: {} }],
      });
      expect(s.code, s.stderr).toBe(0);
    }
  });

  it("the stand-in's flag sets are the real binary's (`cosign <command> --help`): names, shorthands, kinds, defaults", () => {
    for (const command of ['verify', 'verify-attestation']) {
      const help = real([command, '--help']).stdout;
      const listed = new Map<string, string>();
      for (const m of help.matchAll(/^\s+(?:-(\w), )?--([\w-]+)(?:=(.*?))?:?$|^\s+(?:-(\w), )?--([\w-]+) ?(\w+)?\s{2,}/gm)) {
        const [short, name] = m[2] ? [m[1], m[2]] : [m[4], m[5]];
        const def = m[3] ?? (m[6] === 'duration' ? "'3m0s'" : m[6] === 'string' ? "''" : 'false');
        listed.set(name!, `${short ?? ''} ${def}`);
      }
      const shown = (f: FlagSpec) => {
        const def = f.default ?? (f.type === 'bool' ? false : f.type === 'stringSlice' ? [] : '');
        return `${f.short ?? ''} ${Array.isArray(def) ? '[]' : typeof def === 'string' ? `'${def}'` : String(def)}`;
      };
      // cobra adds --help to every command (fakes/cobra.cjs flagSet)
      const mine = new Map([...standIn.FLAGS[command]!, { name: 'help', short: 'h', type: 'bool' }].map((f) => [f.name, shown(f)]));
      expect(mine).toEqual(listed);
    }
  });
});

describe('contract: verification outcomes and their exit codes, against the real cosign and the real registry', () => {
  const keys = mkdtempSync(join(tmpdir(), 'cosign-stand-in-keys-'));
  const repository = `${REGISTRY_ANON}/cosign-stand-in-${RUN_ID}/app`;
  /** digests: no signature; signed with a key nobody trusts; signed and attested (SLSA v0.2) with the trusted key */
  const refs = { unsigned: '', foreign: '', signed: '' };
  /** the real cosign with a key; the stand-in keyless: both with the tlog skipped, so both warn the same */
  const keyArgv = (argv: string[], ref: string) => [...argv.slice(0, -1), '--key', 'cosign.pub', '--insecure-ignore-tlog=true', ref];
  const policyArgv = (argv: string[], ref: string) => [...argv.slice(0, -1), '--insecure-ignore-tlog=true', ref];
  const ok = (argv: string[]) => {
    const r = real(argv, { offline: false, cwd: keys });
    if (r.code !== 0) throw new Error(`cosign ${argv.join(' ')} failed (${r.code}): ${r.stderr}`);
  };

  beforeAll(async () => {
    await requireService(`http://${REGISTRY_ANON}/v2/`);
    for (const tag of ['unsigned', 'foreign', 'signed'] as const) {
      const { digest } = await pushImage({ host: REGISTRY_ANON, repository: `cosign-stand-in-${RUN_ID}/app` }, tag, {
        seed: `${RUN_ID}-${tag}`,
      });
      refs[tag] = `${repository}@${digest}`;
    }
    ok(['generate-key-pair']);
    ok(['generate-key-pair', '--output-key-prefix', 'other']);
    ok(['sign', '--key', 'other.key', '--tlog-upload=false', '--yes', refs.foreign]);
    ok(['sign', '--key', 'cosign.key', '--tlog-upload=false', '--yes', refs.signed]);
    writeFileSync(join(keys, 'v02.json'), JSON.stringify({ buildType: 'https://example.com/build@v1', builder: { id: 'gen' } }));
    ok([
      'attest',
      '--key',
      'cosign.key',
      '--type',
      'slsaprovenance02',
      '--predicate',
      'v02.json',
      '--tlog-upload=false',
      '--yes',
      refs.signed,
    ]);
  }, 120_000);
  afterAll(() => rmSync(keys, { recursive: true, force: true }));

  const both = (argv: string[], ref: string, state: object) => ({
    real: real(keyArgv(argv, ref), { offline: false, cwd: keys }),
    standIn: standIn.cosign(policyArgv(argv, ref), state),
  });

  it('no signature on the digest: exit 10, "no signatures found"', () => {
    const r = both(verifyArgv, refs.unsigned, {});
    expect(r.real.code).toBe(10);
    expect({ code: r.standIn.code, stderr: r.standIn.stderr }).toEqual({ code: r.real.code, stderr: r.real.stderr });
  });

  it('a signature nobody trusted: exit 12, "no matching signatures: <why>"', () => {
    const mismatch = { signer: { ...SIGNER, subject: 'https://github.com/evil/app/.github/workflows/x.yml@refs/heads/main' } };
    const r = both(verifyArgv, refs.foreign, mismatch);
    expect(r.real.code).toBe(12);
    expect(r.standIn.code).toBe(r.real.code);
    const shape = (s: string) => s.replace(/no matching signatures: .*/g, 'no matching signatures: <why>');
    expect(shape(r.standIn.stderr)).toBe(shape(r.real.stderr));
  });

  it('verify-attestation, no attestation: exit 1, "no matching attestations: " (what the action reads as "none attached")', () => {
    const r = both(attestArgv, refs.unsigned, { signer: SIGNER, attestations: [] });
    expect(r.real.code).toBe(1);
    expect({ code: r.standIn.code, stderr: r.standIn.stderr }).toEqual({ code: r.real.code, stderr: r.real.stderr });
  });

  it('verify-attestation --type slsaprovenance1 on a v0.2 attestation: the same "none of the attestations matched" line', () => {
    const state = { signer: SIGNER, attestations: [{ predicateType: 'https://slsa.dev/provenance/v0.2', predicate: {} }] };
    const r = both(attestArgv, refs.signed, state);
    expect(r.real.code).toBe(1);
    expect({ code: r.standIn.code, stderr: r.standIn.stderr }).toEqual({ code: r.real.code, stderr: r.real.stderr });
  });

  it("verify-attestation without --type: both look for cosign's default `custom` predicate and name what they found", () => {
    const state = { signer: SIGNER, attestations: [{ predicateType: 'https://slsa.dev/provenance/v0.2', predicate: {} }] };
    const r = both(without(attestArgv, '--type'), refs.signed, state);
    expect(r.real.stderr).toContain('none of the attestations matched the predicate type: custom, found: https://slsa.dev/provenance/v0.2');
    expect({ code: r.standIn.code, stderr: r.standIn.stderr }).toEqual({ code: r.real.code, stderr: r.real.stderr });
  });

  it('verified: the same stdout shapes (a JSON array of payloads; one DSSE envelope a line) and the same header', () => {
    const sig = both(verifyArgv, refs.signed, { signer: SIGNER });
    expect(sig.real.code, sig.real.stderr).toBe(0);
    expect(sig.standIn.code).toBe(0);
    const payloads = (s: string) => (JSON.parse(s) as { critical: unknown }[]).map((p) => p.critical);
    expect(payloads(sig.standIn.stdout)).toEqual(payloads(sig.real.stdout));
    const head = (s: string) => s.split('\n').slice(0, 4).join('\n');
    expect(head(sig.standIn.stderr)).toBe(head(sig.real.stderr));

    const state = {
      signer: SIGNER,
      attestations: [{ predicateType: 'https://slsa.dev/provenance/v0.2', predicate: { builder: { id: 'gen' } } }],
    };
    const att = both(cosignArgv.verifyAttestation(keyless(refs.signed), 'slsaprovenance02'), refs.signed, state);
    expect(att.real.code, att.real.stderr).toBe(0);
    const statements = (s: string) =>
      s
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { payloadType: string; payload: string })
        .map((e) => ({ payloadType: e.payloadType, statement: JSON.parse(Buffer.from(e.payload, 'base64').toString()) as Statement }))
        // the real cosign re-serialises the predicate through its SLSA v0.2 struct: compare what names the image
        .map(({ payloadType, statement: { _type, predicateType, subject } }) => ({ payloadType, _type, predicateType, subject }));
    expect(statements(att.standIn.stdout)).toEqual(statements(att.real.stdout));
  });
});

describe('the stand-in alone: keyless rules the real cosign applies only once Fulcio and Rekor answer', () => {
  const ref = `${REGISTRY_ANON}/x/app@sha256:${'a'.repeat(64)}`;
  const policy = (identity: string, issuer = ISSUER) => [
    'verify',
    '--certificate-identity-regexp',
    identity,
    '--certificate-oidc-issuer',
    issuer,
    '--output',
    'json',
    ref,
  ];

  it('identity and issuer: the regexp searches the subject (unanchored, as Go does); the issuer is compared exactly', () => {
    expect(standIn.cosign(policy('acme/app/'), { signer: SIGNER }).code).toBe(0);
    expect(standIn.cosign(policy(IDENTITY, `${ISSUER}/`), { signer: SIGNER }).code).toBe(12);
  });
  it("a regexp RE2 cannot compile (lookahead, a backreference) fails as Go's regexp.Compile does (pkg/cosign/verify.go)", () => {
    const r = standIn.cosign(policy('^https://github\\.com/(?!evil)'), { signer: SIGNER });
    expect(r.code).toBe(12);
    expect(r.stderr).toContain(
      'no matching signatures: malformed subject in identity: ^https://github\\.com/(?!evil) : error parsing regexp: invalid or unsupported Perl syntax: `(?!`',
    );
    expect(standIn.cosign(policy('(a)\\1'), { signer: SIGNER }).stderr).toContain('invalid escape sequence: `\\1`');
  });
  it('beyond cosign: a tag (the action verifies digests only) and a key (the real binary verifies those) are refused loudly', () => {
    expect(standIn.cosign([...policy(IDENTITY).slice(0, -1), `${REGISTRY_ANON}/x/app:v1`], { signer: SIGNER }).code).toBe(97);
    expect(standIn.cosign(['verify', '--key', 'k.pub', ref], { signer: SIGNER }).code).toBe(98);
  });
});
