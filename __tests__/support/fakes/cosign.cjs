/**
 * cosign stand-in for CONTRACT tests of KEYLESS verification (Fulcio/Rekor trust material cannot
 * be made offline; key-based verification runs the real cosign in verify-action.test.ts). It takes
 * a command line the way cosign v2.5.0 does and rejects what it rejects, with its own text and exit
 * code, read from sigstore/cosign at tag v2.5.0 and checked against the binary on this machine
 * (__tests__/unit/cosign-stand-in.test.ts runs both on the same argv):
 * - cmd/cosign/main.go: `-flag` and `--f` are rewritten to `--flag` and `-f` with a WARNING line;
 *   an error prints `Error: <e>` (cobra), then `error during command execution: <e>`; exit 1, or
 *   the CosignError code: 10 no signatures found, 12 no matching signatures (cmd/cosign/errors,
 *   wrapped by `verify` only, not `verify-attestation`).
 * - cmd/cosign/cli/options/*.go: the flag sets below (`cosign <cmd> --help`), parsed as pflag does
 *   (fakes/cobra.cjs; cobra's `--help` is added there), unknown commands with cobra's suggestions
 *   (cosign leaves them on); cmd/cosign/cli/verify.go: at least one image, `--max-workers` > 0, the
 *   tlog-skipping WARNING; options/certificate.go Identities(): keyless needs an identity and an
 *   issuer; pkg/cosign/verify.go CheckCertificatePolicy: issuer exact or regexp, subject exact or
 *   regexp (RE2: no lookaround, no backreference); verify_attestation.go: `--type` (default
 *   `custom`) names a predicate URI (options/predicate.go), an unknown name is used as the URI.
 * - Outputs: `verify` prints a JSON array of simple-signing payloads (`--output text`: one payload a
 *   line); `verify-attestation` one DSSE envelope a line whatever `--output` says; both print the
 *   `Verification for … --` header on stderr.
 * Beyond cosign: a tag reference fails (exit 97, `fake cosign:`): the action verifies digests only,
 * and a key (`--key`) fails (exit 98): key-based verification has the real binary.
 * state: { signer: { subject, issuer } | undefined (unsigned),
 *          attestations: [{ predicateType, predicate }] }
 */
'use strict';
const { checkArgs, flagSet, parseFlags, unknownCommand, ParseError } = require('./cobra.cjs');

/** `cosign --help`, Available Commands (without `help`, which cobra never suggests) */
// prettier-ignore
const COMMANDS = [
  'attach', 'attest', 'attest-blob', 'bundle', 'clean', 'completion', 'copy', 'dockerfile', 'download', 'env', 'generate',
  'generate-key-pair', 'import-key-pair', 'initialize', 'load', 'login', 'manifest', 'public-key', 'save', 'sign', 'sign-blob',
  'tree', 'triangulate', 'trusted-root', 'upload', 'verify', 'verify-attestation', 'verify-blob', 'verify-blob-attestation', 'version',
];

const str = (def = '') => ({ type: 'string', default: def });
const bool = (def = false) => ({ type: 'bool', default: def });
/** persistent flags of the root command (cmd/cosign/cli/commands.go) */
const GLOBAL = { 'output-file': str(), timeout: { type: 'duration', short: 't', default: '3m0s' }, verbose: { type: 'bool', short: 'd' } };
/** flags both verify commands share (options/verify.go, certificate.go, registry.go, rekor.go, security_key.go) */
// prettier-ignore
const COMMON = {
  'allow-http-registry': bool(), 'allow-insecure-registry': bool(), 'attachment-tag-prefix': str(), 'ca-intermediates': str(),
  'ca-roots': str(), certificate: str(), 'certificate-chain': str(), 'certificate-github-workflow-name': str(),
  'certificate-github-workflow-ref': str(), 'certificate-github-workflow-repository': str(), 'certificate-github-workflow-sha': str(),
  'certificate-github-workflow-trigger': str(), 'certificate-identity': str(), 'certificate-identity-regexp': str(),
  'certificate-oidc-issuer': str(), 'certificate-oidc-issuer-regexp': str(), 'check-claims': bool(true), 'experimental-oci11': bool(),
  'insecure-ignore-sct': bool(), 'insecure-ignore-tlog': bool(), 'k8s-keychain': bool(), key: str(),
  'local-image': bool(), 'max-workers': { type: 'int', default: 10 }, 'new-bundle-format': bool(), offline: bool(),
  output: { type: 'string', short: 'o', default: 'json' }, 'private-infrastructure': bool(), 'registry-cacert': str(),
  'registry-client-cert': str(), 'registry-client-key': str(), 'registry-password': str(), 'registry-server-name': str(),
  'registry-token': str(), 'registry-username': str(), 'rekor-url': str('https://rekor.sigstore.dev'), sct: str(), sk: bool(), slot: str(),
  'timestamp-certificate-chain': str(), 'trusted-root': str(), 'use-signed-timestamps': bool(),
};
/** pflag flag lists (cobra.cjs), from the tables above */
const list = (table) => Object.entries(table).map(([name, f]) => ({ name, ...f }));
const FLAGS = {
  verify: list({
    ...GLOBAL,
    ...COMMON,
    annotations: { type: 'stringSlice', short: 'a' },
    attachment: str(),
    payload: str(),
    signature: str(),
    'signature-digest-algorithm': str('sha256'),
  }),
  'verify-attestation': list({ ...GLOBAL, ...COMMON, policy: { type: 'stringSlice' }, type: str('custom') }),
};

/** options/predicate.go PredicateTypeMap (URIs from cosign's attestation package, in-toto-golang v0.9.0, slsa) */
const PREDICATE_TYPES = {
  custom: 'https://cosign.sigstore.dev/attestation/v1',
  slsaprovenance: 'https://slsa.dev/provenance/v0.2',
  slsaprovenance02: 'https://slsa.dev/provenance/v0.2',
  slsaprovenance1: 'https://slsa.dev/provenance/v1',
  spdx: 'https://spdx.dev/Document',
  spdxjson: 'https://spdx.dev/Document',
  cyclonedx: 'https://cyclonedx.org/bom',
  link: 'https://in-toto.io/Link/v1',
  vuln: 'https://cosign.sigstore.dev/attestation/vuln/v1',
  openvex: 'https://openvex.dev/ns',
};

/** cmd/cosign/main.go rewrites single-dash long flags and double-dash single letters, warning each time. */
function posixFlags(argv) {
  const warnings = [];
  const out = argv.map((arg) => {
    if ((arg.startsWith('-') && arg.length === 2) || (arg.startsWith('--') && arg.length >= 4)) return arg;
    if (arg.startsWith('--') && arg.length === 3) {
      warnings.push(`the flag ${arg} is deprecated and will be removed in a future release. Please use the flag -${arg[2]}.`);
      return `-${arg[2]}`;
    }
    if (arg.startsWith('-') && arg.length > 1) {
      const subcommand = arg === '-version';
      warnings.push(
        `the ${arg} flag is deprecated and will be removed in a future release. Please use the ${subcommand ? 'version' : `-${arg}`} ${subcommand ? 'subcommand' : 'flag'} instead.`,
      );
      return subcommand ? 'version' : `-${arg}`;
    }
    return arg;
  });
  return { argv: out, warnings };
}

/** Go's regexp.Compile refuses what RE2 lacks; JavaScript would accept it. */
function goRegexp(pattern) {
  const perl = /\(\?<?[=!]/.exec(pattern);
  if (perl) throw new Error(`error parsing regexp: invalid or unsupported Perl syntax: \`${perl[0]}\``);
  const backref = /\\[1-9]/.exec(pattern);
  if (backref) throw new Error(`error parsing regexp: invalid escape sequence: \`${backref[0]}\``);
  return new RegExp(pattern);
}

/** One half of an identity: a regexp (RE2) or an exact value, or nothing asked; throws cosign's "malformed" error. */
function fits(value, exact, regexp, what) {
  if (!regexp) return !exact || exact === value;
  try {
    return goRegexp(regexp).test(value);
  } catch (e) {
    throw new Error(`malformed ${what} in identity: ${regexp} : ${e.message}`);
  }
}

/** pkg/cosign/verify.go CheckCertificatePolicy for one identity; returns the failure text or undefined. */
function certificatePolicy(v, signer) {
  try {
    const issuer = fits(signer.issuer, v['certificate-oidc-issuer'], v['certificate-oidc-issuer-regexp'], 'issuer');
    const subject = fits(signer.subject, v['certificate-identity'], v['certificate-identity-regexp'], 'subject');
    if (issuer && subject) return undefined;
  } catch (e) {
    return e.message;
  }
  return `none of the expected identities matched what was in the certificate, got subjects [${signer.subject}] with issuer ${signer.issuer}`;
}

/** A stop with cosign's error lines and exit code. */
class Exit {
  constructor(message, code = 1, o = {}) {
    this.message = message;
    this.code = code;
    this.usage = Boolean(o.usage);
  }
}

const REFERENCE =
  /^[a-z0-9]+(?:[._-][a-z0-9]+)*(?::[0-9]+)?(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[\w][\w.-]{0,127})?(?:@sha256:[0-9a-f]{64})?$/;

function header(ref, v, tlog) {
  return [
    '',
    `Verification for ${ref} --`,
    'The following checks were performed on each of these signatures:',
    ...(v['check-claims'] ? ['  - The cosign claims were validated'] : []),
    ...(tlog ? ['  - Existence of the claims in the transparency log was verified offline'] : []),
    '  - The code-signing certificate was verified using trusted certificate authority certificates',
    '',
  ].join('\n');
}

function run(cmd, v, images, state, stderr) {
  if (v['private-infrastructure']) v['insecure-ignore-tlog'] = true;
  if (cmd === 'verify') {
    const bad = v.annotations.find((a) => a.split('=').length !== 2);
    if (bad !== undefined) throw new Exit(`unable to parse annotation: ${bad}`);
    if (v['signature-digest-algorithm'].trim() && !/^sha(224|256|384|512)$/i.test(v['signature-digest-algorithm'].trim()))
      throw new Exit(`unknown digest algorithm: ${v['signature-digest-algorithm']}`);
  }
  if (v['max-workers'] === 0) throw new Exit('please set the --max-worker flag to a value that is greater than 0');
  const tlog = !v['insecure-ignore-tlog'];
  if (!tlog && !v['private-infrastructure']) {
    const what = cmd === 'verify' ? 'signature' : 'attestation';
    stderr.push(
      `WARNING: Skipping tlog verification is an insecure practice that lacks transparency and auditability verification for the ${what}.\n`,
    );
  }
  if (v.key) throw new Exit('fake cosign: --key is verified by the real cosign (verify-action.test.ts), not by this stand-in', 98);
  if (!v['certificate-identity'] && !v['certificate-identity-regexp'])
    throw new Exit('--certificate-identity or --certificate-identity-regexp is required for verification in keyless mode');
  if (!v['certificate-oidc-issuer'] && !v['certificate-oidc-issuer-regexp'])
    throw new Exit('--certificate-oidc-issuer or --certificate-oidc-issuer-regexp is required for verification in keyless mode');
  const stdout = [];
  for (const image of images) {
    if (!REFERENCE.test(image)) throw new Exit(`${cmd === 'verify' ? 'parsing reference: ' : ''}could not parse reference: ${image}`);
    const at = image.indexOf('@sha256:');
    if (at < 0) throw new Exit(`fake cosign: ${image} is not a digest reference (the action verifies digests only)`, 97);
    const [repo, digest] = [image.slice(0, at), image.slice(at + 1)];
    const signer = state.signer;
    if (cmd === 'verify') {
      if (!signer) throw new Exit('no signatures found', 10);
      const mismatch = certificatePolicy(v, signer);
      if (mismatch) throw new Exit(`no matching signatures: ${mismatch}`, 12);
      const payload = {
        critical: {
          identity: { 'docker-reference': repo },
          image: { 'docker-manifest-digest': digest },
          type: 'cosign container image signature',
        },
        // map keys in Go's JSON order; the OID is the certificate's issuer extension
        optional: { '1.3.6.1.4.1.57264.1.1': signer.issuer, Issuer: signer.issuer, Subject: signer.subject },
      };
      stderr.push(header(image, v, tlog));
      stdout.push(v.output === 'text' ? `${JSON.stringify(payload)}\n` : `${JSON.stringify([payload])}\n`);
      continue;
    }
    const atts = signer ? state.attestations || [] : [];
    if (atts.length === 0) throw new Exit('no matching attestations: ');
    const mismatch = certificatePolicy(v, signer);
    if (mismatch) throw new Exit(`no matching attestations: ${mismatch}`);
    const wanted = PREDICATE_TYPES[v.type] ?? v.type;
    const matching = atts.filter((a) => a.predicateType === wanted);
    if (matching.length === 0) {
      throw new Exit(
        `none of the attestations matched the predicate type: ${v.type}, found: ${atts.map((a) => a.predicateType).join(',')}`,
      );
    }
    stderr.push(header(image, v, tlog));
    for (const a of matching) {
      const statement = {
        _type: 'https://in-toto.io/Statement/v0.1',
        predicateType: a.predicateType,
        subject: [{ name: repo, digest: { sha256: digest.slice('sha256:'.length) } }],
        predicate: a.predicate,
      };
      const envelope = {
        payloadType: 'application/vnd.in-toto+json',
        payload: Buffer.from(JSON.stringify(statement)).toString('base64'),
        signatures: [],
      };
      stdout.push(`${JSON.stringify(envelope)}\n`);
    }
  }
  return stdout.join('');
}

/** The answer to one command line: { code, stdout, stderr }. */
function cosign(argv, state) {
  const fixed = posixFlags(argv);
  const stderr = fixed.warnings.map((w) => `WARNING: ${w}\n`);
  let stdout = '';
  try {
    const cmd = fixed.argv[0] ?? '';
    if (cmd.startsWith('-')) throw new Exit('fake cosign: flags before the command are not modelled', 99);
    if (!FLAGS[cmd]) {
      if (COMMANDS.includes(cmd)) throw new Exit(`fake cosign: \`cosign ${cmd}\` is not modelled`, 99);
      throw new Exit(unknownCommand(cmd, 'cosign', COMMANDS), 1, { usage: true });
    }
    const parsed = parseFlags(fixed.argv.slice(1), flagSet({ flags: FLAGS[cmd] }, []));
    if (parsed.values.help) throw new Exit('fake cosign: --help is not modelled', 99);
    const wrong = checkArgs({ args: ['min', 1] }, `cosign ${cmd}`, parsed.args);
    if (wrong) throw new Exit(wrong);
    const values = Object.fromEntries(
      FLAGS[cmd].map((f) => [
        f.name,
        f.name in parsed.values ? parsed.values[f.name] : (f.default ?? (f.type === 'bool' ? false : f.type === 'stringSlice' ? [] : '')),
      ]),
    );
    stdout = run(cmd, values, parsed.args, state, stderr);
  } catch (e) {
    if (!(e instanceof Exit) && !(e instanceof ParseError)) throw e;
    const text = e.message;
    stderr.push(`Error: ${text}\n`);
    if (e.usage) stderr.push(`Run 'cosign --help' for usage.\n`);
    stderr.push(`error during command execution: ${text}${text.endsWith('\n') ? '' : '\n'}`);
    return { code: e.code ?? 1, stdout, stderr: stderr.join('') };
  }
  return { code: 0, stdout, stderr: stderr.join('') };
}

module.exports = (call, state) => cosign(call.argv, state);
module.exports.cosign = cosign;
module.exports.FLAGS = FLAGS;
module.exports.COMMANDS = COMMANDS;
