/**
 * `mode: sweep` on a Docker engine (docs/behaviour.md#sweep, ADR 0038, ADR 0044): the containers
 * labelled as previews of this config (name and a name-suffix) by a run of `repository`, kept only when
 * the provider's own cross-check says the action would have made exactly this container for that suffix
 * (the docker provider: its container name and compose project; devpod: the workspace's uid label). A
 * later rename or a hand-made container with the same labels cannot pass for a preview. Read-only.
 */
import type { ContainerState, Docker } from '../../external/docker.js';
import { NAME_SUFFIX_RE } from '../../inputs.js';
import type { PreviewField, TraceField } from '../../trace.js';
import type { Preview } from '../types.js';

/** the provider's name for the preview of `suffix` when `c` is what the action makes for it, else undefined */
export type PreviewCheck = (suffix: string, c: ContainerState) => string | undefined;

export async function containerPreviews(
  docker: Docker,
  configName: string,
  repository: string,
  label: (field: TraceField | PreviewField) => string,
  ours: PreviewCheck,
): Promise<Preview[]> {
  const ids = await docker.containersWithLabels([`${label('name')}=${configName}`, label('name-suffix')]);
  const previews: Preview[] = [];
  for (const id of ids) {
    const c = await docker.containerInspect(id);
    const suffix = c?.labels[label('name-suffix')] ?? '';
    if (!c || !NAME_SUFFIX_RE.test(suffix)) continue;
    if ((c.labels[label('repository')] ?? '').toLowerCase() !== repository.toLowerCase()) continue;
    const name = ours(suffix, c);
    if (name !== undefined && !previews.some((p) => p.suffix === suffix))
      previews.push({ suffix, deployedName: name, environment: c.labels[label('environment')] });
  }
  return previews;
}
