/**
 * E2B previews (docs/behaviour.md#sweep, ADR 0045): the marks a sandbox carries in its metadata and
 * how `mode: sweep` finds the previews of a config by them. `sindri_name` already names the sandbox
 * (config name plus suffix), so the preview mark `name` (the config's name) is `sindri_config`; the
 * others are the trace's spelling, `sindri_name_suffix`, `sindri_repository`. Templates carry no
 * metadata (only tags and names): a preview's template is found through its sandbox, by the alias
 * the action gives that suffix, and destroy removes it only when it carries a `sindri-*` tag.
 */
import { NAME_SUFFIX_RE } from '../../inputs.js';
import type { E2bSandbox } from '../../external/e2b.js';
import { traceMetaKey, type PreviewField, type TraceField } from '../../trace.js';
import type { Preview } from '../types.js';
import { META_NAME } from './steps.js';

/** the config's name (the preview mark `name`) */
export const META_CONFIG = 'sindri_config';
export const META_SUFFIX = traceMetaKey('name-suffix');
export const META_REPOSITORY = traceMetaKey('repository');

/** The metadata key of a trace field or preview mark: `sindri_<field>`, the config's name as `sindri_config`. */
export const e2bMetaKey = (field: TraceField | PreviewField): string => (field === 'name' ? META_CONFIG : traceMetaKey(field));

/**
 * The previews among sandboxes listed by `sindri_config`: a valid suffix, the repository of this run
 * (GitHub compares names without case), and the `sindri_name` the action gives that suffix. A
 * sandbox someone else started with our config's name, or a relabelled one, fails the last check.
 */
export function previewsOf(
  sandboxes: readonly E2bSandbox[],
  config: string,
  repository: string,
  names: (suffix: string) => { alias: string; name: string },
): Preview[] {
  const previews: Preview[] = [];
  for (const s of sandboxes) {
    const m = s.metadata;
    const suffix = m[META_SUFFIX] ?? '';
    if (m[META_CONFIG] !== config || !NAME_SUFFIX_RE.test(suffix)) continue;
    if ((m[META_REPOSITORY] ?? '').toLowerCase() !== repository.toLowerCase()) continue;
    const { alias, name } = names(suffix);
    if (m[META_NAME] !== name) continue;
    if (!previews.some((p) => p.suffix === suffix))
      previews.push({ suffix, deployedName: alias, environment: m[traceMetaKey('environment')] });
  }
  return previews;
}
