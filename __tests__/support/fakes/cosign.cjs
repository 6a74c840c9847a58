/**
 * cosign stand-in for CONTRACT tests of KEYLESS verification (Fulcio/Rekor trust material cannot
 * be made offline; key-based verification runs the real cosign in verify-action.test.ts). Shapes
 * taken from the real cosign 2.5 on this machine: `verify --output json` prints a JSON array of
 * simple-signing payloads on stdout; `verify-attestation --output json` one DSSE envelope a line
 * (base64 in-toto statement); failures end with `Error: …` and `error during command execution: …`
 * on stderr, exit 1. The identity mismatch text is the binary's own ("none of the expected
 * identities matched what was in the certificate, got subjects [%s] with issuer %s").
 * state: { signer: { subject, issuer } | undefined (unsigned),
 *          attestations: [{ predicateType, predicate }] }
 */
const TYPES = {
  slsaprovenance1: 'https://slsa.dev/provenance/v1',
  slsaprovenance02: 'https://slsa.dev/provenance/v0.2',
  slsaprovenance: 'https://slsa.dev/provenance/v0.2',
};

function fail(message) {
  return { code: 1, stderr: `Error: ${message}\nerror during command execution: ${message}\n` };
}

module.exports = (call, state) => {
  const [cmd, ...rest] = call.argv;
  if (cmd !== 'verify' && cmd !== 'verify-attestation') return fail(`unknown command "${cmd}" for "cosign"`);
  const flags = {};
  for (let i = 0; i < rest.length - 1; i++) {
    if (rest[i].startsWith('--') && !rest[i].includes('=')) flags[rest[i].slice(2)] = rest[++i];
  }
  const ref = rest[rest.length - 1];
  const at = ref.indexOf('@sha256:');
  if (at < 0) return fail(`fake cosign: ${ref} is not a digest reference`);
  const [repo, digest] = [ref.slice(0, at), ref.slice(at + 1)];
  const identity = flags['certificate-identity-regexp'];
  const issuer = flags['certificate-oidc-issuer'];
  if (!identity || !issuer)
    return fail('--certificate-identity or --certificate-identity-regexp is required for verification in keyless mode');
  const signer = state.signer;
  if (!signer) return fail('no signatures found');
  if (!new RegExp(identity).test(signer.subject) || issuer !== signer.issuer) {
    return fail(
      `no matching signatures: none of the expected identities matched what was in the certificate, got subjects [${signer.subject}] with issuer ${signer.issuer}`,
    );
  }
  if (cmd === 'verify') {
    const payload = {
      critical: {
        identity: { 'docker-reference': repo },
        image: { 'docker-manifest-digest': digest },
        type: 'cosign container image signature',
      },
      optional: { Issuer: signer.issuer, Subject: signer.subject },
    };
    return { stdout: `${JSON.stringify([payload])}\n` };
  }
  const wanted = TYPES[flags.type];
  if (!wanted) return fail(`invalid predicate type: ${flags.type}`);
  const atts = state.attestations || [];
  if (atts.length === 0) return fail('no matching attestations: ');
  const matching = atts.filter((a) => a.predicateType === wanted);
  if (matching.length === 0) {
    return fail(`none of the attestations matched the predicate type: ${flags.type}, found: ${atts.map((a) => a.predicateType).join(',')}`);
  }
  const lines = matching.map((a) => {
    const statement = {
      _type: 'https://in-toto.io/Statement/v0.1',
      predicateType: a.predicateType,
      subject: [{ name: repo, digest: { sha256: digest.slice('sha256:'.length) } }],
      predicate: a.predicate,
    };
    return JSON.stringify({
      payloadType: 'application/vnd.in-toto+json',
      payload: Buffer.from(JSON.stringify(statement)).toString('base64'),
      signatures: [],
    });
  });
  return { stdout: `${lines.join('\n')}\n` };
};
