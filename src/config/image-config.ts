/**
 * `deployment.image_config` (docs/upstream.md#image-settings): the registry repository, how its tags
 * are chosen, the pins (`tag_override`, `digest`) and the verification settings. The Rust type is
 * snake_case; camelCase spellings are read with a warning.
 */
import { DIGEST_RE } from '../domain.js';
import { ActionError } from '../errors.js';
import { isValidTag, parseReference } from '../image/reference.js';
import { fieldOf, type ConfigPath } from './path.js';
import { isRecord, typeName, type ConfigReader } from './readers.js';
import type { ImageConfig, PullPolicy, ResolutionStrategy } from './types.js';

const STRATEGIES: readonly ResolutionStrategy[] = ['semver', 'latest-stable', 'pin-to-cli', 'explicit'];
const PULL_POLICIES: readonly PullPolicy[] = ['Always', 'IfNotPresent', 'Never'];

/** camelCase spellings seen for snake_case `image_config` keys (docs/upstream.md#image-settings: the Rust type is snake_case). */
const IMAGE_CONFIG_CAMEL: Readonly<Record<string, keyof ImageConfig>> = {
  tagOverride: 'tag_override',
  resolutionStrategy: 'resolution_strategy',
  allowPrerelease: 'allow_prerelease',
  verifySignature: 'verify_signature',
  verifyProvenance: 'verify_provenance',
  pullPolicy: 'pull_policy',
  certificateIdentity: 'certificate_identity',
  certificateOidcIssuer: 'certificate_oidc_issuer',
};

/** Read `deployment.image_config`; throws where the image cannot be pinned or verified as written. */
export function readImageConfig(r: ConfigReader, v: unknown): ImageConfig {
  const base: ConfigPath = ['deployment', 'image_config'];
  if (!isRecord(v))
    throw r.fail(
      base,
      `must be a mapping, not ${typeName(v)}`,
      'write image_config: with indented keys, at least registry: ghcr.io/owner/app',
    );
  // camelCase spellings are read as their snake_case key (snake_case wins when both are written)
  const keyPath = new Map<string, ConfigPath>();
  const ic: Record<string, unknown> = {};
  for (const [k, val] of Object.entries(v)) {
    const snake = IMAGE_CONFIG_CAMEL[k];
    if (snake) {
      if (snake in v) {
        r.warn([...base, k], `ignored: ${snake} is also set (image_config keys are snake_case)`);
        continue;
      }
      r.warn([...base, k], `read as ${snake}: image_config keys are snake_case; rename it to ${snake}`);
      ic[snake] = val;
      keyPath.set(snake, [...base, k]);
    } else {
      ic[k] = val;
      keyPath.set(k, [...base, k]);
    }
  }
  const at = (k: string): ConfigPath => keyPath.get(k) ?? [...base, k];

  const registryFix = 'set registry to the full repository, host included, e.g. registry: ghcr.io/pacphi/sindri';
  const registry = r.strictStr(at('registry'), ic.registry, registryFix);
  if (!registry) throw r.fail(base, 'image_config has no registry', registryFix);
  const rpos = r.locate(at('registry'))!;
  const where = { file: r.file, line: rpos.line, column: rpos.column, field: fieldOf(at('registry')) };
  if (!registry.includes('/') && /[.:]|^localhost$/.test(registry)) {
    throw new ActionError(`"${registry}" is a registry host, not a repository`, { where, fix: registryFix });
  }
  const ref = parseReference(registry, where);
  if (ref.tag !== undefined || ref.digest !== undefined) {
    throw new ActionError(`"${registry}" carries a ${ref.digest ? 'digest' : 'tag'}`, {
      where,
      fix: 'keep only the repository in registry and move the tag to tag_override (or the digest to digest)',
    });
  }

  const out: ImageConfig = {
    registry,
    resolution_strategy: r.enumValue(at('resolution_strategy'), ic.resolution_strategy, STRATEGIES, 'semver'),
    allow_prerelease: r.bool(at('allow_prerelease'), ic.allow_prerelease, false),
    verify_signature: r.bool(at('verify_signature'), ic.verify_signature, true),
    verify_provenance: r.bool(at('verify_provenance'), ic.verify_provenance, true),
    pull_policy: r.enumValue(at('pull_policy'), ic.pull_policy, PULL_POLICIES, 'IfNotPresent'),
  };
  const version = r.str(at('version'), ic.version);
  if (version !== undefined) out.version = version;

  const tag = r.strictStr(at('tag_override'), ic.tag_override, 'write the tag as a string, e.g. tag_override: "3.1.0"');
  if (tag !== undefined) {
    if (!isValidTag(tag)) {
      throw r.fail(
        at('tag_override'),
        `invalid tag_override "${tag}"`,
        'a tag is letters, digits, _ . - (at most 128, not starting with . or -)',
      );
    }
    out.tag_override = tag;
  }
  const digestFix = 'write digest: sha256:<64 lowercase hex>, e.g. the digest output of docker/build-push-action';
  const digest = r.strictStr(at('digest'), ic.digest, digestFix);
  if (digest !== undefined) {
    if (!DIGEST_RE.test(digest)) throw r.fail(at('digest'), `invalid digest "${digest}"`, digestFix);
    out.digest = digest;
  }
  const identity = r.str(at('certificate_identity'), ic.certificate_identity);
  if (identity !== undefined) out.certificate_identity = identity;
  const issuer = r.str(at('certificate_oidc_issuer'), ic.certificate_oidc_issuer);
  if (issuer !== undefined) out.certificate_oidc_issuer = issuer;

  const known = new Set<string>([
    ...Object.keys(out),
    'version',
    'tag_override',
    'digest',
    'certificate_identity',
    'certificate_oidc_issuer',
  ]);
  for (const k of Object.keys(ic)) {
    if (!known.has(k)) r.warn(at(k), `unknown key (ignored); image_config knows ${[...known].join(', ')}`);
  }
  return out;
}
