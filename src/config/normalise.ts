/**
 * Plain YAML data → SindriConfig: the shape of sindri.yaml, read leniently like upstream's serde
 * (docs/upstream.md#loading-and-lenient-parsing) with the typed readers of readers.ts: aliases and
 * upstream misspellings are accepted with a warning, defaults filled in. Only what makes a deploy
 * impossible throws (docs/behaviour.md#config-compatibility): no or bad `name`, unknown provider,
 * bad digest/tag/reference, a bad enum value. `deployment.image_config` is read in image-config.ts.
 */
import { PROVIDERS, type ProviderName } from '../domain.js';
import { parseReference } from '../image/reference.js';
import type { ParsedDocument } from './document.js';
import { fieldOf, type ConfigPath } from './path.js';
import { readImageConfig } from './image-config.js';
import { parseProvider } from './provider-name.js';
import { ConfigReader, isRecord, typeName } from './readers.js';
import type { ConfigWarning, Deployment, Distro, Extensions, GpuConfig, Resources, SecretSpec, SindriConfig } from './types.js';

export const NAME_RE = /^[a-z][a-z0-9-]*$/;
/** The longest name any resource can carry (a DNS name, a Kubernetes object name); over 63 is a warning. */
export const MAX_NAME_LENGTH = 253;
const DISTROS: readonly Distro[] = ['ubuntu', 'fedora', 'opensuse'];
const SECRET_SOURCES: readonly SecretSpec['source'][] = ['env', 'file', 'vault', 's3'];

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

export interface NormaliseOptions {
  file: string;
  path: string;
  dir: string;
  providerOverride?: ProviderName;
}

/** The shape of sindri.yaml, read with the typed readers. */
class Normaliser extends ConfigReader {
  private data: Record<string, unknown> = {};

  constructor(
    doc: ParsedDocument,
    private readonly opts: NormaliseOptions,
  ) {
    super(doc, opts.file);
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
    const pos = this.place(path);
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
      const pos = this.locate([...base, 'image'])!;
      parseReference(image, { file: this.opts.file, line: pos.line, column: pos.column, field: 'deployment.image' });
      dep.image = image;
    }
    if (v.image_config !== undefined && v.image_config !== null) dep.image_config = readImageConfig(this, v.image_config);
    const bfs = this.buildFromSource(v.buildFromSource);
    if (bfs) dep.buildFromSource = bfs;
    return dep;
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
