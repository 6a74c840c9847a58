/**
 * The secrets channel of provider fly (ADR 0008), pure:
 * - `encodeSecretsImport`: the stdin of `flyctl secrets import`, written for flyctl's own parser
 *   (internal/command/secrets/parser.go: `NAME=value`, a `#` after an even number of `"` starts a
 *   comment, surrounding quotes are removed, `"""…"""` spans lines, lines are read by a
 *   bufio.Scanner that drops `\r` and stops at 64 KiB). Every value is written as `"""value"""`,
 *   which that parser returns unchanged; a value it cannot carry is refused by name, never shown.
 * - which secrets must be staged: Fly shows only a digest per secret, computed by its API (flyctl
 *   has no code for it), so the action keeps its own fingerprint per secret on the machines
 *   (`SINDRI_SECRET_FINGERPRINTS`): an HMAC of the value keyed with the Fly token, plus the digest
 *   Fly showed after staging. A secret is unchanged when both still match.
 */
import { createHmac } from 'node:crypto';
import { ActionError } from '../../errors.js';
import type { FlyStatus } from '../../external/flyctl.js';

export const SECRET_FINGERPRINTS_ENV = 'SINDRI_SECRET_FINGERPRINTS';
export const TOML_HASH_ENV = 'SINDRI_FLY_TOML_SHA256';

/** bufio.Scanner's default token limit in flyctl's parser */
const MAX_LINE = 64 * 1024 - 1;

export function encodeSecretsImport(values: ReadonlyMap<string, string>, configFile: string): string {
  const lines: string[] = [];
  for (const [name, value] of values) {
    const why = unencodable(value);
    if (why)
      throw new ActionError(`secret ${name} cannot be handed to flyctl secrets import: its value ${why}`, {
        where: { file: configFile, field: 'secrets' },
        fix: `store ${name} base64-encoded and decode it in the machine, or set it with flyctl secrets set`,
      });
    lines.push(`${name}="""${value}"""`);
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/** Why flyctl's parser would not give this value back unchanged, or '' when it would. */
function unencodable(value: string): string {
  if (value.includes('\r')) return 'contains a carriage return (flyctl drops it)';
  const lines = value.split('\n');
  if (lines.some((l, i) => l.length + (i === 0 ? 80 : 3) > MAX_LINE)) return 'has a line longer than 64 KiB';
  // the first line is read as `"""` + line: a `#` after an even number of quotes would start a comment
  const first = `"""${lines[0]}`;
  const hash = first.indexOf('#');
  if (hash !== -1 && (first.slice(0, hash).match(/"/g)?.length ?? 0) % 2 === 0) return 'has a # after an odd number of " on its first line';
  // inside a multi-line value, a line ending in """ would end it early
  if (lines.length > 1 && lines.slice(0, -1).some((l, i) => (i === 0 ? false : l.endsWith('"""')))) return 'has a line ending in """';
  if (lines.length > 1 && lines[0]!.endsWith('"""')) return 'has a first line ending in """';
  return '';
}

export function secretFingerprint(token: string, name: string, value: string): string {
  return createHmac('sha256', token).update(`${name}=${value}`).digest('hex').slice(0, 32);
}

/** `NAME:hmac:flydigest,…` ↔ map; names are `^[A-Z][A-Z0-9_]*$`, digests have no `,` or `:` */
export interface SecretRecord {
  hmac: string;
  digest: string;
}

export function formatFingerprints(record: ReadonlyMap<string, SecretRecord>): string {
  return [...record]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([n, r]) => `${n}:${r.hmac}:${r.digest.replace(/[,:]/g, '')}`)
    .join(',');
}

export function parseFingerprints(text: string | undefined): Map<string, SecretRecord> {
  const out = new Map<string, SecretRecord>();
  for (const part of (text ?? '').split(',')) {
    const [name, hmac, digest] = part.split(':');
    if (name && hmac) out.set(name, { hmac, digest: digest ?? '' });
  }
  return out;
}

/**
 * The secrets to stage: those Fly does not have, whose Fly digest changed since the action set them
 * (someone ran flyctl secrets set), or whose value changed (the HMAC differs).
 */
export function secretsToStage(
  values: ReadonlyMap<string, string>,
  token: string,
  flyDigests: ReadonlyMap<string, string>,
  previous: ReadonlyMap<string, SecretRecord>,
): string[] {
  const stage: string[] = [];
  for (const [name, value] of values) {
    const digest = flyDigests.get(name);
    const before = previous.get(name);
    if (
      digest === undefined ||
      !before ||
      before.digest !== digest.replace(/[,:]/g, '') ||
      before.hmac !== secretFingerprint(token, name, value)
    )
      stage.push(name);
  }
  return stage;
}

/** What the running machines recorded about the secrets (the first machine `flyctl status` lists with a record). */
export function previousFingerprints(status: FlyStatus | undefined): Map<string, SecretRecord> {
  const m = (status?.Machines ?? []).find((x) => x.config?.env?.[SECRET_FINGERPRINTS_ENV]);
  return parseFingerprints(m?.config?.env?.[SECRET_FINGERPRINTS_ENV]);
}

/** The value of SINDRI_SECRET_FINGERPRINTS for these values and Fly's digests; undefined without secrets. */
export function fingerprintsOf(
  values: ReadonlyMap<string, string>,
  token: string,
  digests: ReadonlyMap<string, string>,
): string | undefined {
  if (values.size === 0) return undefined;
  return formatFingerprints(
    new Map([...values].map(([name, value]) => [name, { hmac: secretFingerprint(token, name, value), digest: digests.get(name) ?? '' }])),
  );
}
