/**
 * Plain YAML data → SindriConfig, leniently like upstream's serde (FACTS §1): aliases and upstream
 * misspellings are accepted with a warning, defaults filled in. Only what makes a deploy impossible
 * throws (SPEC §6): no or bad `name`, unknown provider, bad digest/tag/reference, a bad enum value.
 */
import { ActionError } from '../errors.js';
import { DIGEST_RE, PROVIDERS, type ProviderName } from '../domain.js';
import { parseProvider } from './provider-name.js';
import { isValidTag, parseReference } from '../image/reference.js';
import { clip, MAX_LINE } from '../domain.js';
import { fieldOf, type ConfigPath, type ParsedDocument } from './document.js';
import { configError } from './place.js';
import type {
  ConfigWarning,
  Deployment,
  Distro,
  Extensions,
  GpuConfig,
  ImageConfig,
  PullPolicy,
  ResolutionStrategy,
  Resources,
  SecretSpec,
  SindriConfig,
} from './types.js';
import { controlCharacter } from '../text.js';

export const NAME_RE = /^[a-z][a-z0-9-]*$/;
/** The longest name any resource can carry (a DNS name, a Kubernetes object name); over 63 is a warning. */
export const MAX_NAME_LENGTH = 253;
const STRATEGIES: readonly ResolutionStrategy[] = ['semver', 'latest-stable', 'pin-to-cli', 'explicit'];
const PULL_POLICIES: readonly PullPolicy[] = ['Always', 'IfNotPresent', 'Never'];
const DISTROS: readonly Distro[] = ['ubuntu', 'fedora', 'opensuse'];
const SECRET_SOURCES: readonly SecretSpec['source'][] = ['env', 'file', 'vault', 's3'];

/** camelCase spellings seen for snake_case `image_config` keys (FACTS §1.4: the Rust type is snake_case). */
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

/** Lower-case a name and replace what the name pattern forbids, e.g. `My_App` → `my-app`. */
export function sanitiseName(value: string): string {
  const s = value
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[^a-z]+/, '')
    .replace(/-+$/, '')
    .slice(0, 63)
    .replace(/-+$/, '');
  return s || 'sindri';
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function typeName(v: unknown): string {
  if (v === null || v === undefined) return 'empty';
  if (Array.isArray(v)) return 'a list';
  if (isRecord(v)) return 'a mapping';
  return `the ${typeof v} ${JSON.stringify(v)}`;
}

export interface NormaliseOptions {
  file: string;
  path: string;
  dir: string;
  providerOverride?: ProviderName;
}

class Normaliser {
  readonly warnings: ConfigWarning[] = [];

  constructor(
    private readonly doc: ParsedDocument,
    private readonly opts: NormaliseOptions,
  ) {}

  warn(path: ConfigPath, message: string): void {
    const pos = this.doc.locate(path) ?? this.doc.nearest(path);
    // a warning quotes what the user wrote: bounded like an error line (ADR 0014)
    this.warnings.push({
      message: clip(message, MAX_LINE),
      file: this.opts.file,
      line: pos.line,
      column: pos.column,
      field: clip(fieldOf(path), MAX_LINE / 4),
      source: 'loader',
    });
  }

  fail(path: ConfigPath, what: string, fix: string): ActionError {
    // a missing key is reported at its nearest written parent
    return configError({ file: this.opts.file, locate: (p) => this.doc.locate(p) ?? this.doc.nearest(p) }, path, what, fix);
  }

  /** A string value; numbers and booleans keep the text as written (`version: 3.0` → "3.0"). */
  str(path: ConfigPath, v: unknown): string | undefined {
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'string') return this.oneLine(path, v);
    if (typeof v === 'number' || typeof v === 'boolean') {
      const text = this.doc.source(path) ?? String(v);
      this.warn(path, `should be a string; read as "${text}". Quote it: "${text}"`);
      return text;
    }
    this.warn(path, `should be a string, not ${typeName(v)}; ignored`);
    return undefined;
  }

  /** A required string that a deploy depends on: wrong types are errors. */
  strictStr(path: ConfigPath, v: unknown, fix: string): string | undefined {
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'string') return this.oneLine(path, v);
    throw this.fail(path, `must be a string, not ${typeName(v)}`, fix);
  }

  /**
   * Every string the action reads ends up in a command line, a generated file or the log: a control
   * character (a new line above all) has no place in it and could forge a log line (issue 20).
   */
  oneLine(path: ConfigPath, v: string): string {
    const bad = controlCharacter(v);
    if (!bad) return v;
    throw this.fail(path, `contains a control character (${bad})`, 'write the value on one line, without escape characters');
  }

  bool(path: ConfigPath, v: unknown, fallback: boolean): boolean {
    if (v === undefined || v === null) return fallback;
    if (typeof v === 'boolean') return v;
    if (typeof v === 'string' && /^(true|false)$/i.test(v.trim())) {
      const b = v.trim().toLowerCase() === 'true';
      this.warn(path, `should be a boolean, not the string "${v}"; read as ${b}`);
      return b;
    }
    this.warn(path, `should be true or false, not ${typeName(v)}; using the default ${fallback}`);
    return fallback;
  }

  /**
   * A boolean that guards something (a secret's `required`): anything but true/false is an error,
   * never a quiet default (`required: yes` is the string "yes" in YAML 1.2, not true).
   */
  strictBool(path: ConfigPath, v: unknown, fallback: boolean): boolean {
    if (v === undefined || v === null) return fallback;
    if (typeof v === 'boolean') return v;
    if (typeof v === 'string' && /^(true|false)$/i.test(v.trim())) return v.trim().toLowerCase() === 'true';
    const shown = typeof v === 'string' ? `"${v.slice(0, 40)}"` : typeName(v);
    throw this.fail(
      path,
      `must be true or false, not ${shown}`,
      `write ${fieldOf(path).split('.').pop()}: true or false (YAML 1.2 reads yes/no/on/off as strings)`,
    );
  }

  /** A whole number within [min, max]: anything else is an error naming the accepted range. */
  boundedInt(path: ConfigPath, v: unknown, min: number, max: number): number | undefined {
    if (v === undefined || v === null) return undefined;
    const n = typeof v === 'string' && /^\s*-?\d+\s*$/.test(v) ? Number(v) : v;
    if (typeof n === 'number' && Number.isInteger(n) && n >= min && n <= max) {
      if (typeof v === 'string') this.warn(path, `should be a number, not the string "${v}"`);
      return n;
    }
    const shown = typeof v === 'number' || typeof v === 'string' ? String(v).slice(0, 40) : typeName(v);
    throw this.fail(path, `${shown} is out of range`, `give a whole number from ${min} to ${max}`);
  }

  int(path: ConfigPath, v: unknown): number | undefined {
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    if (typeof v === 'string' && /^\d+$/.test(v.trim())) {
      this.warn(path, `should be a number, not the string "${v}"`);
      return Number(v.trim());
    }
    this.warn(path, `should be a number, not ${typeName(v)}; ignored`);
    return undefined;
  }

  strList(path: ConfigPath, v: unknown): string[] | undefined {
    if (v === undefined || v === null) return undefined;
    if (!Array.isArray(v)) {
      this.warn(path, `should be a list of strings, not ${typeName(v)}; ignored`);
      return undefined;
    }
    const out: string[] = [];
    v.forEach((item, i) => {
      const s = this.str([...path, i], item);
      if (s !== undefined) out.push(s);
    });
    return out;
  }

  /** A mapping that only shapes optional settings: anything else is a warning and ignored. */
  softMap(path: ConfigPath, v: unknown): Record<string, unknown> {
    if (v === undefined || v === null) return {};
    if (isRecord(v)) return v;
    this.warn(path, `should be a mapping, not ${typeName(v)}; ignored`);
    return {};
  }

  /** Match an enum leniently (case, `_` vs `-`); a non-canonical spelling warns, anything else throws. */
  enumValue<T extends string>(path: ConfigPath, v: unknown, allowed: readonly T[], fallback: T): T {
    if (v === undefined || v === null) return fallback;
    const raw = typeof v === 'string' ? v : String(v);
    if ((allowed as readonly string[]).includes(raw)) return raw as T;
    const squash = (s: string): string => s.toLowerCase().replace(/[-_\s]/g, '');
    const match = allowed.find((a) => squash(a) === squash(raw));
    if (match) {
      this.warn(path, `"${raw}" read as "${match}"; write it as "${match}"`);
      return match;
    }
    throw this.fail(path, `invalid value "${raw}"`, `use one of ${allowed.join(', ')}`);
  }

  private data: Record<string, unknown> = {};

  /** A key written in another case (`Name`, `DEPLOYMENT`), for a "did you mean" hint. */
  caseTwin(m: Record<string, unknown>, key: string): string | undefined {
    return Object.keys(m).find((k) => k !== key && k.toLowerCase() === key);
  }

  run(data: Record<string, unknown>): SindriConfig {
    this.data = data;
    const name = this.name(data.name);
    const version = this.str(['version'], data.version) ?? '';
    if (data.version === undefined) this.warn(['version'], 'missing; Sindri files start with version: "3.0"');
    const deployment = this.deployment(data.deployment);
    const extensions = this.extensions(data.extensions);
    const secrets = this.secrets(data.secrets);
    const providers = this.providers(data.providers);
    return {
      file: this.opts.file,
      path: this.opts.path,
      dir: this.opts.dir,
      version,
      name,
      deployment,
      extensions,
      secrets,
      providers,
      raw: data,
      locate: (p) => this.doc.locate(p),
    };
  }

  name(v: unknown): string {
    const fix =
      'set a top-level name: lower-case letters, digits and -, starting with a letter (it names the container, Fly app, Kubernetes Deployment, workspace)';
    if (v === undefined || v === null || v === '') {
      const near = this.caseTwin(this.data, 'name');
      if (near)
        throw this.fail(
          [near],
          `the config has no name, but it has "${near}"`,
          `did you mean name? Keys are lower-case: rename ${near} to name`,
        );
      throw this.fail(['name'], 'the config has no name', fix);
    }
    const name = this.strictStr(['name'], v, fix)!;
    if (!NAME_RE.test(name)) {
      throw this.fail(['name'], `invalid name "${name}": it must match ^[a-z][a-z0-9-]*$`, `rename it, e.g. name: ${sanitiseName(name)}`);
    }
    if (name.length > MAX_NAME_LENGTH) {
      throw this.fail(
        ['name'],
        `name is ${name.length} characters long; at most ${MAX_NAME_LENGTH} are accepted`,
        `use a short name (at most 63 characters for Fly and Kubernetes), e.g. name: ${sanitiseName(name)}`,
      );
    }
    if (name.length > 63 || name.endsWith('-')) {
      this.warn(
        ['name'],
        `name "${name}" ${name.length > 63 ? 'is longer than 63 characters' : 'ends with -'}: Fly and Kubernetes reject such names`,
      );
    }
    return name;
  }

  provider(v: unknown): { provider: ProviderName; asWritten: string } {
    const path = ['deployment', 'provider'];
    const override = this.opts.providerOverride;
    const fix = `set deployment.provider to one of ${PROVIDERS.join(', ')}, or pass the input provider`;
    if (v === undefined || v === null || v === '') {
      if (override) return { provider: override, asWritten: '' };
      throw this.fail(path, 'no provider', fix);
    }
    const asWritten = typeof v === 'string' ? v : String(v);
    if (typeof v !== 'string' && !override) throw this.fail(path, `provider must be a string, not ${typeName(v)}`, fix);
    const pos = this.doc.locate(path) ?? this.doc.nearest(path);
    try {
      const p = parseProvider(asWritten, { file: this.opts.file, line: pos.line, column: pos.column, field: fieldOf(path) });
      if (override) return { provider: override, asWritten };
      if (asWritten !== p) this.warn(path, `"${asWritten}" read as "${p}"`);
      return { provider: p, asWritten };
    } catch (e) {
      if (!override) throw e;
      this.warn(path, `"${asWritten}" is not a provider this action deploys to; the input provider "${override}" is used instead`);
      return { provider: override, asWritten };
    }
  }

  deployment(v: unknown): Deployment {
    const base: ConfigPath = ['deployment'];
    if (v === undefined || v === null) {
      const near = this.caseTwin(this.data, 'deployment');
      if (near)
        throw this.fail(
          [near],
          `the config has no deployment section, but it has "${near}"`,
          `did you mean deployment? Keys are lower-case: rename ${near} to deployment`,
        );
      if (!this.opts.providerOverride) {
        throw this.fail(base, 'the config has no deployment section', `add deployment: with provider: one of ${PROVIDERS.join(', ')}`);
      }
      v = {};
    }
    if (!isRecord(v))
      throw this.fail(
        base,
        `must be a mapping, not ${typeName(v)}`,
        'write deployment: followed by indented keys such as provider: docker',
      );
    const { provider, asWritten } = this.provider(v.provider);
    const dep: Deployment = {
      provider,
      providerAsWritten: asWritten,
      distro: this.enumValue([...base, 'distro'], v.distro, DISTROS, 'ubuntu'),
      resources: this.resources(v.resources),
      volumes: this.volumes(v.volumes),
    };
    const imageFix = 'write a full reference such as ghcr.io/owner/app:1.2.3';
    const image = this.strictStr([...base, 'image'], v.image, imageFix);
    if (image !== undefined) {
      const pos = this.doc.locate([...base, 'image'])!;
      parseReference(image, { file: this.opts.file, line: pos.line, column: pos.column, field: 'deployment.image' });
      dep.image = image;
    }
    if (v.image_config !== undefined && v.image_config !== null) dep.image_config = this.imageConfig(v.image_config);
    const bfs = this.buildFromSource(v.buildFromSource);
    if (bfs) dep.buildFromSource = bfs;
    return dep;
  }

  imageConfig(v: unknown): ImageConfig {
    const base: ConfigPath = ['deployment', 'image_config'];
    if (!isRecord(v))
      throw this.fail(
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
          this.warn([...base, k], `ignored: ${snake} is also set (image_config keys are snake_case)`);
          continue;
        }
        this.warn([...base, k], `read as ${snake}: image_config keys are snake_case; rename it to ${snake}`);
        ic[snake] = val;
        keyPath.set(snake, [...base, k]);
      } else {
        ic[k] = val;
        keyPath.set(k, [...base, k]);
      }
    }
    const at = (k: string): ConfigPath => keyPath.get(k) ?? [...base, k];

    const registryFix = 'set registry to the full repository, host included, e.g. registry: ghcr.io/pacphi/sindri';
    const registry = this.strictStr(at('registry'), ic.registry, registryFix);
    if (!registry) throw this.fail(base, 'image_config has no registry', registryFix);
    const rpos = this.doc.locate(at('registry'))!;
    const where = { file: this.opts.file, line: rpos.line, column: rpos.column, field: fieldOf(at('registry')) };
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
      resolution_strategy: this.enumValue(at('resolution_strategy'), ic.resolution_strategy, STRATEGIES, 'semver'),
      allow_prerelease: this.bool(at('allow_prerelease'), ic.allow_prerelease, false),
      verify_signature: this.bool(at('verify_signature'), ic.verify_signature, true),
      verify_provenance: this.bool(at('verify_provenance'), ic.verify_provenance, true),
      pull_policy: this.enumValue(at('pull_policy'), ic.pull_policy, PULL_POLICIES, 'IfNotPresent'),
    };
    const version = this.str(at('version'), ic.version);
    if (version !== undefined) out.version = version;

    const tag = this.strictStr(at('tag_override'), ic.tag_override, 'write the tag as a string, e.g. tag_override: "3.1.0"');
    if (tag !== undefined) {
      if (!isValidTag(tag)) {
        throw this.fail(
          at('tag_override'),
          `invalid tag_override "${tag}"`,
          'a tag is letters, digits, _ . - (at most 128, not starting with . or -)',
        );
      }
      out.tag_override = tag;
    }
    const digestFix = 'write digest: sha256:<64 lowercase hex>, e.g. the digest output of docker/build-push-action';
    const digest = this.strictStr(at('digest'), ic.digest, digestFix);
    if (digest !== undefined) {
      if (!DIGEST_RE.test(digest)) throw this.fail(at('digest'), `invalid digest "${digest}"`, digestFix);
      out.digest = digest;
    }
    const identity = this.str(at('certificate_identity'), ic.certificate_identity);
    if (identity !== undefined) out.certificate_identity = identity;
    const issuer = this.str(at('certificate_oidc_issuer'), ic.certificate_oidc_issuer);
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
      if (!known.has(k)) this.warn(at(k), `unknown key (ignored); image_config knows ${[...known].join(', ')}`);
    }
    return out;
  }

  buildFromSource(v: unknown): Deployment['buildFromSource'] {
    const base: ConfigPath = ['deployment', 'buildFromSource'];
    if (v === undefined || v === null) return undefined;
    const m = this.softMap(base, v);
    const out: NonNullable<Deployment['buildFromSource']> = { enabled: this.bool([...base, 'enabled'], m.enabled, false) };
    const gitRef = this.str([...base, 'gitRef'], m.gitRef ?? m.git_ref);
    if (m.git_ref !== undefined && m.gitRef === undefined) this.warn([...base, 'git_ref'], 'read as gitRef; rename it to gitRef');
    if (gitRef !== undefined) out.gitRef = gitRef;
    return out;
  }

  resources(v: unknown): Resources {
    const base: ConfigPath = ['deployment', 'resources'];
    const m = this.softMap(base, v);
    const out: Resources = {};
    const memory = this.str([...base, 'memory'], m.memory);
    if (memory !== undefined) out.memory = memory;
    const cpus = this.boundedInt([...base, 'cpus'], m.cpus, 1, 1024);
    if (cpus !== undefined) out.cpus = cpus;
    if (m.gpu !== undefined && m.gpu !== null) {
      const g = this.softMap([...base, 'gpu'], m.gpu);
      const gpu: GpuConfig = {
        enabled: this.bool([...base, 'gpu', 'enabled'], g.enabled, false),
        type: this.enumValue([...base, 'gpu', 'type'], g.type, ['nvidia', 'amd'] as const, 'nvidia'),
        count: this.boundedInt([...base, 'gpu', 'count'], g.count, 1, 64) ?? 1,
      };
      const tier = this.str([...base, 'gpu', 'tier'], g.tier);
      if (tier !== undefined) gpu.tier = tier;
      const mem = this.str([...base, 'gpu', 'memory'], g.memory);
      if (mem !== undefined) gpu.memory = mem;
      out.gpu = gpu;
    }
    return out;
  }

  volumes(v: unknown): Deployment['volumes'] {
    const base: ConfigPath = ['deployment', 'volumes'];
    const m = this.softMap(base, v);
    if (m.workspace === undefined || m.workspace === null) return {};
    const w = this.softMap([...base, 'workspace'], m.workspace);
    const workspace: { path?: string; size?: string } = {};
    const path = this.str([...base, 'workspace', 'path'], w.path);
    if (path !== undefined) workspace.path = path;
    const size = this.str([...base, 'workspace', 'size'], w.size);
    if (size !== undefined) workspace.size = size;
    return { workspace };
  }

  extensions(v: unknown): Extensions {
    const base: ConfigPath = ['extensions'];
    if (v === undefined) {
      this.warn(
        base,
        'missing (the Sindri CLI requires it); read as extensions: {} with auto_install: true. Add an extensions: block, e.g. profile: minimal',
      );
      return { auto_install: true };
    }
    const m = this.softMap(base, v);
    const out: Extensions = { auto_install: true };
    const profile = this.str([...base, 'profile'], m.profile);
    if (profile !== undefined) out.profile = profile;
    const active = this.strList([...base, 'active'], m.active);
    if (active) out.active = active;
    const additional = this.strList([...base, 'additional'], m.additional);
    if (additional) out.additional = additional;
    if (m.auto_install !== undefined) {
      out.auto_install = this.bool([...base, 'auto_install'], m.auto_install, true);
      if (m.autoInstall !== undefined) this.warn([...base, 'autoInstall'], 'ignored: auto_install is also set');
    } else if (m.autoInstall !== undefined) {
      out.auto_install = this.bool([...base, 'autoInstall'], m.autoInstall, true);
      this.warn(
        [...base, 'autoInstall'],
        `not a Sindri key (the Sindri CLI ignores it); read as auto_install: ${out.auto_install}. Rename it to auto_install`,
      );
    }
    return out;
  }

  secrets(v: unknown): SecretSpec[] {
    const base: ConfigPath = ['secrets'];
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v))
      throw this.fail(base, `must be a list, not ${typeName(v)}`, 'write each secret as a list item: - name: MY_TOKEN, source: env');
    const out: SecretSpec[] = [];
    v.forEach((item, i) => {
      const p: ConfigPath = [...base, i];
      if (!isRecord(item)) {
        this.warn(p, `should be a mapping with name and source, not ${typeName(item)}; ignored`);
        return;
      }
      const required = this.strictBool([...p, 'required'], item.required, false);
      const name = this.str([...p, 'name'], item.name);
      if (name !== undefined && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
        throw this.fail(
          [...p, 'name'],
          `invalid secret name "${name.slice(0, 80)}"`,
          'a secret is an environment variable: letters, digits and _, not starting with a digit (e.g. API_TOKEN)',
        );
      }
      const sourceRaw = this.str([...p, 'source'], item.source);
      const source = SECRET_SOURCES.find((s) => s === sourceRaw?.trim().toLowerCase());
      if (!name || !source) {
        const what = !name ? 'has no name' : sourceRaw === undefined ? 'has no source' : `has the unknown source "${sourceRaw}"`;
        const fix = `give it name: <ENV_VAR_NAME> and source: one of ${SECRET_SOURCES.join(', ')}`;
        if (required) throw this.fail(p, `a required secret ${what}`, fix);
        this.warn(p, `a secret ${what}; ignored. Fix: ${fix}`);
        return;
      }
      const s: SecretSpec = { name, source, required };
      for (const k of ['fromFile', 'path', 'mountPath', 'permissions', 'vaultPath', 'vaultKey', 'vaultMount'] as const) {
        const val = this.str([...p, k], item[k]);
        if (val !== undefined) s[k] = val;
      }
      out.push(s);
    });
    return out;
  }

  providers(v: unknown): Record<string, Record<string, unknown>> {
    const base: ConfigPath = ['providers'];
    const m = this.softMap(base, v);
    const out: Record<string, Record<string, unknown>> = {};
    for (const [k, val] of Object.entries(m)) {
      if (val === null || val === undefined) continue;
      out[k] = this.softMap([...base, k], val);
    }
    return out;
  }
}

/** Normalise parsed data; throws ActionError where a deploy is impossible. */
export function normalise(doc: ParsedDocument, opts: NormaliseOptions): { config: SindriConfig; warnings: ConfigWarning[] } {
  const n = new Normaliser(doc, opts);
  const config = n.run(doc.data);
  return { config, warnings: n.warnings };
}
