/**
 * Extra Kubernetes manifests of the user's own (`providers.kubernetes.manifests`: a folder of the
 * repository, relative to sindri.yaml's folder; ADR 0039): read and checked here, before anything is
 * applied, then applied in the same server-side apply as ours, with our labels and our namespace, and
 * deleted with ours by those labels. Only namespaced kinds that configure what the action deploys are
 * allowed; no workload (the action deploys and waits for one), no Secret (values would sit in the
 * repository and the plan), nothing cluster-scoped (destroy deletes by label inside the namespace).
 * The files are read as data (the `yaml` library); nothing runs through a shell.
 */
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { LineCounter, parseAllDocuments } from 'yaml';
import type { SindriConfig } from '../../config/types.js';
import { configError } from '../../config/place.js';
import { ActionError } from '../../errors.js';
import type { K8sObject } from './manifests.js';
import type { KubernetesSettings } from './settings.js';

/** what may be applied: `apiVersion kind` → the resource kubectl deletes it by (fully qualified as OWNED_KINDS) */
export const EXTRA_KINDS: Readonly<Record<string, string>> = {
  'v1 ConfigMap': 'configmaps',
  'v1 Service': 'services',
  'v1 ServiceAccount': 'serviceaccounts',
  'v1 PersistentVolumeClaim': 'persistentvolumeclaims',
  'networking.k8s.io/v1 Ingress': 'ingresses.v1.networking.k8s.io',
  'networking.k8s.io/v1 NetworkPolicy': 'networkpolicies.v1.networking.k8s.io',
  'rbac.authorization.k8s.io/v1 Role': 'roles.v1.rbac.authorization.k8s.io',
  'rbac.authorization.k8s.io/v1 RoleBinding': 'rolebindings.v1.rbac.authorization.k8s.io',
  'policy/v1 PodDisruptionBudget': 'poddisruptionbudgets.v1.policy',
};

const MAX_FILES = 50;
const MAX_BYTES = 256 * 1024;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const METADATA_KEYS = new Set(['name', 'namespace', 'labels', 'annotations']);

export interface ExtraManifests {
  /** the folder relative to the working directory */
  folder: string;
  objects: K8sObject[];
  /** `kind/name` → `file:line`, for the plan */
  sources: string[];
  /** the resources destroy deletes by label besides ours */
  resources: string[];
}

type Config = Pick<SindriConfig, 'file' | 'locate' | 'dir'>;

const isMapping = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The folder, inside the working directory (symbolic links resolved), or one error at the setting. */
function folderOf(config: Config, settings: KubernetesSettings, workdir: string): { abs: string; shown: string } | undefined {
  if (!settings.manifests) return undefined;
  const path = ['providers', 'kubernetes', 'manifests'];
  const abs = resolve(config.dir, settings.manifests);
  let real: string;
  try {
    real = realpathSync(abs);
  } catch {
    throw configError(
      config,
      path,
      `folder ${settings.manifests} does not exist`,
      'give a folder of the repository, relative to sindri.yaml, holding .yaml files',
    );
  }
  const root = realpathSync(workdir);
  if (real !== root && !real.startsWith(root + sep))
    throw configError(
      config,
      path,
      `${settings.manifests} is outside the repository`,
      'give a folder inside the repository, relative to sindri.yaml',
    );
  if (!statSync(real).isDirectory())
    throw configError(config, path, `${settings.manifests} is not a folder`, 'give a folder holding .yaml files');
  return { abs: real, shown: relative(root, real) || '.' };
}

/** The user's manifests, checked; undefined when the setting is absent. */
export function readExtraManifests(config: Config, settings: KubernetesSettings, workdir: string): ExtraManifests | undefined {
  const folder = folderOf(config, settings, workdir);
  if (!folder) return undefined;
  const names = readdirSync(folder.abs)
    .filter((f) => /\.(ya?ml|json)$/.test(f) && statSync(join(folder.abs, f)).isFile())
    .sort();
  if (names.length === 0)
    throw configError(
      config,
      ['providers', 'kubernetes', 'manifests'],
      `folder ${folder.shown} holds no .yaml, .yml or .json file`,
      'put the manifests there, or remove the setting',
    );
  if (names.length > MAX_FILES)
    throw configError(
      config,
      ['providers', 'kubernetes', 'manifests'],
      `folder ${folder.shown} holds ${names.length} files`,
      `keep at most ${MAX_FILES}`,
    );
  const out: ExtraManifests = { folder: folder.shown, objects: [], sources: [], resources: [] };
  for (const f of names) readFile(join(folder.shown, f), join(folder.abs, f), settings.namespace, out);
  out.resources = [...new Set(out.resources)];
  return out;
}

function readFile(shown: string, abs: string, namespace: string, out: ExtraManifests): void {
  const text = readFileSync(abs, 'utf8');
  if (Buffer.byteLength(text) > MAX_BYTES)
    throw new ActionError(`${shown} is larger than ${MAX_BYTES / 1024} KiB`, {
      where: { file: shown },
      fix: 'split it, or keep only what configures the deployment',
    });
  const lines = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter: lines, uniqueKeys: true });
  if (!Array.isArray(docs)) return; // an empty file
  for (const doc of docs) {
    const line = lines.linePos(doc.contents?.range[0] ?? doc.range[0]).line;
    const bad = doc.errors[0];
    if (bad)
      throw new ActionError(`not valid YAML: ${bad.message.split('\n')[0]}`, {
        where: { file: shown, line: bad.linePos?.[0].line ?? line },
        fix: 'fix the YAML',
      });
    const value: unknown = doc.toJS({ maxAliasCount: 0 });
    if (value === null || value === undefined) continue;
    const where = { file: shown, line };
    const fail = (what: string, fix: string) => new ActionError(what, { where, fix });
    if (!isMapping(value)) throw fail('a manifest must be a mapping', 'write one Kubernetes object per YAML document');
    const { apiVersion, kind, metadata } = value;
    if (typeof apiVersion !== 'string' || typeof kind !== 'string' || !isMapping(metadata))
      throw fail('a manifest needs apiVersion, kind and metadata', 'write one Kubernetes object per YAML document');
    const resource = EXTRA_KINDS[`${apiVersion} ${kind}`];
    if (!resource)
      throw fail(
        `${apiVersion} ${kind} is not allowed among extra manifests`,
        `use one of ${Object.keys(EXTRA_KINDS).join(', ')}; the action deploys the workload itself, secrets come from secrets: in sindri.yaml, and cluster-wide objects belong to the cluster's own set-up`,
      );
    const name = metadata.name;
    if (typeof name !== 'string' || name.length > 253 || !DNS_SUBDOMAIN.test(name))
      throw fail(`${kind} has no valid metadata.name`, 'give a lowercase name of letters, digits, hyphens and dots');
    const unknown = Object.keys(metadata).filter((k) => !METADATA_KEYS.has(k));
    if (unknown.length > 0)
      throw fail(
        `${kind}/${name}: metadata.${unknown[0]} is not allowed`,
        'write only name, namespace, labels and annotations under metadata',
      );
    if (metadata.namespace !== undefined && metadata.namespace !== namespace)
      throw fail(
        `${kind}/${name} names namespace ${String(metadata.namespace)}, but the deployment goes to namespace ${namespace}`,
        'leave metadata.namespace out (the action sets it), or set providers.kubernetes.namespace',
      );
    for (const key of ['labels', 'annotations'] as const) {
      const m = metadata[key];
      if (m !== undefined && (!isMapping(m) || Object.values(m).some((v) => typeof v !== 'string')))
        throw fail(`${kind}/${name}: metadata.${key} must map names to strings`, 'quote every value');
    }
    // status is the cluster's to write: left out
    const object = { ...value, apiVersion, kind, metadata: { ...(metadata as K8sObject['metadata']) } } as K8sObject;
    delete object.status;
    out.objects.push(object);
    out.sources.push(`${kind}/${name} (${shown}:${line})`);
    out.resources.push(resource);
  }
}
