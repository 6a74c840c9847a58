/**
 * What cosign prints after a successful check, read back (pure). `cosign verify --output json`: the
 * simple-signing payloads, a JSON array (cosign ≥ 2.3) or one object a line (older). `cosign
 * verify-attestation --output json`: one DSSE envelope a line, its base64 `payload` an in-toto
 * statement. SLSA v1 (`runDetails.builder.id`, `buildDefinition`) and v0.2 (`builder.id`,
 * `invocation.configSource`, `materials`) are both read.
 */

export interface Provenance {
  predicateType: string;
  builderId: string;
  /** the source repository (`https://github.com/acme/app` or `git+https://…`), '' when the predicate has none */
  source: string;
  /** the source commit, '' when the predicate has none */
  commit: string;
}

function jsonValues(stdout: string): unknown[] {
  const text = stdout.trim();
  if (!text) return [];
  try {
    const whole: unknown = JSON.parse(text);
    return Array.isArray(whole) ? whole : [whole];
  } catch {
    return text
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l.startsWith('{'))
      .flatMap((l) => {
        try {
          return [JSON.parse(l) as unknown];
        } catch {
          return [];
        }
      });
  }
}

const obj = (v: unknown): Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The manifest digests the verified signatures name (`critical.image.docker-manifest-digest`). */
export function signedDigests(stdout: string): string[] {
  return jsonValues(stdout)
    .map((p) => str(obj(obj(obj(p).critical).image)['docker-manifest-digest']))
    .filter(Boolean);
}

/** The in-toto statements inside the envelopes, each with the sha256 digests of its subjects. */
export function attestationStatements(stdout: string): { predicateType: string; subjects: string[]; predicate: Record<string, unknown> }[] {
  return jsonValues(stdout).flatMap((envelope) => {
    const payload = str(obj(envelope).payload);
    if (!payload) return [];
    let statement: Record<string, unknown>;
    try {
      statement = obj(JSON.parse(Buffer.from(payload, 'base64').toString('utf8')));
    } catch {
      return [];
    }
    const subjects = (Array.isArray(statement.subject) ? statement.subject : [])
      .map((s) => str(obj(obj(s).digest).sha256))
      .filter(Boolean)
      .map((hex) => `sha256:${hex}`);
    return [{ predicateType: str(statement.predicateType), subjects, predicate: obj(statement.predicate) }];
  });
}

/** Builder, source and commit from a SLSA v1 or v0.2 predicate. */
export function readProvenance(predicateType: string, p: Record<string, unknown>): Provenance {
  if (/provenance\/v1$/.test(predicateType)) {
    const def = obj(p.buildDefinition);
    const workflow = obj(obj(def.externalParameters).workflow);
    const deps = Array.isArray(def.resolvedDependencies) ? def.resolvedDependencies.map(obj) : [];
    const git = deps.find((d) => /^git\+/.test(str(d.uri))) ?? deps[0] ?? {};
    const gitDigest = obj(git.digest);
    return {
      predicateType,
      builderId: str(obj(obj(p.runDetails).builder).id),
      source: str(workflow.repository) || str(git.uri),
      commit: str(gitDigest.gitCommit) || str(gitDigest.sha1),
    };
  }
  const config = obj(obj(p.invocation).configSource);
  const materials = Array.isArray(p.materials) ? p.materials.map(obj) : [];
  const first = materials[0] ?? {};
  return {
    predicateType,
    builderId: str(obj(p.builder).id),
    source: str(config.uri) || str(first.uri),
    commit: str(obj(config.digest).sha1) || str(obj(first.digest).sha1),
  };
}
