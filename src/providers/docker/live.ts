/**
 * The docker plan's live diff (docs/behaviour.md#plan-mode, ADR 0035): what runs under the container's
 * name now against what a deploy would start, read-only (`docker info`, `docker container inspect`,
 * `docker image inspect`, and `docker ps` of the compose project for the orphans `up --remove-orphans`
 * removes; each an Engine API request in-process where the CLI would use the local socket as is,
 * ADR 0048). `compareContainer` and `orphanChanges` are pure; `readEngine` turns an engine that does
 * not answer into a reason, so the plan goes on without the comparison.
 */
import type { ContainerState, Docker, ImageState, ProjectContainer } from '../../external/docker.js';
import { isDeadlineExceeded } from '../../deadline.js';
import type { ImageDecision } from '../../image/types.js';
import type { ResourceChange } from '../../plan/changes.js';
import { CONFIG_HASH_LABEL, DOCUMENT_LABEL, PROJECT_LABEL, SERVICE, type EngineFacts, type RenderedCompose } from './compose.js';

/** a plan waits this long for the engine at most (a deploy waits 30 s) */
export const LIVE_READ_MS = 10_000;

/** `docker info`: the engine facts a deploy renders with, or why the engine could not be read. */
export async function readEngine(docker: Docker): Promise<{ engine: EngineFacts } | { reason: string }> {
  try {
    return { engine: await docker.info({ timeoutMs: LIVE_READ_MS }) };
  } catch (e) {
    if (isDeadlineExceeded(e)) throw e;
    return { reason: `the Docker engine did not answer: ${firstLine(e instanceof Error ? e.message : String(e))}` };
  }
}

const firstLine = (s: string): string => s.split('\n').find((l) => l.trim() !== '') ?? s;

export interface LiveContainer {
  container?: ContainerState;
  /** the running container's image, as the engine knows it (its repo digests) */
  image?: ImageState;
}

/**
 * The running container and its image: two reads, the second only when there is a container. Run
 * beside `readEngine`: a failure here (no docker CLI) is left to `readEngine` to explain.
 */
export async function readContainer(docker: Docker, name: string): Promise<LiveContainer> {
  try {
    const container = await docker.containerInspect(name);
    if (!container) return {};
    return { container, image: await docker.imageInspect(container.imageId) };
  } catch (e) {
    if (isDeadlineExceeded(e)) throw e;
    return {};
  }
}

/**
 * The containers of the compose project, for the orphans a deploy's `up --remove-orphans` removes.
 * Run beside `readEngine` (one more process, at the same time); undefined when they could not be
 * listed (the plan says so).
 */
export async function readProject(docker: Docker, project: string): Promise<ProjectContainer[] | undefined> {
  try {
    return await docker.projectContainers(project, { timeoutMs: LIVE_READ_MS });
  } catch (e) {
    if (isDeadlineExceeded(e)) throw e;
    return undefined;
  }
}

/**
 * The containers `compose up --remove-orphans` removes, by compose's own rule (`isOrphaned` in
 * docker/compose pkg/compose/containers.go): among the containers of the project that carry a config
 * hash label (compose lists no other), one whose service is not in the document, or a one-off
 * (`compose run`) container that has exited or is dead. Only when `up` runs:
 * a deploy that skips (`unchanged`) or stops (a container of that name from elsewhere) removes
 * nothing; when the built image decides (`unknown`), they go only if it differs. Their volumes are kept: `--remove-orphans` removes containers only.
 */
export function orphanChanges(
  containers: readonly ProjectContainer[],
  compose: RenderedCompose,
  live: LiveContainer,
  change: ResourceChange,
): ResourceChange[] {
  if (change.action === 'unchanged' || change.action === 'delete') return [];
  if (live.container && live.container.labels[PROJECT_LABEL] !== compose.project) return [];
  const services = Object.keys((compose.document.services as Record<string, unknown> | undefined) ?? {});
  const orphan = (c: ProjectContainer) =>
    c.oneoff === 'True' ? c.state === 'exited' || c.state === 'dead' : !services.includes(c.service);
  const when = change.action === 'unknown' ? ' when the built image differs' : '';
  return containers.filter(orphan).map((c) => ({
    action: 'delete',
    resource: `container ${c.name}`,
    note: `an orphan of compose project ${compose.project}: compose up --remove-orphans removes it${when}; its volumes are kept`,
  }));
}

/** The settings of two compose documents that differ: the service's keys (image and labels aside), then the top level. */
export function settingsDiff(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const service = (d: Record<string, unknown>) => (d.services as Record<string, Record<string, unknown>> | undefined)?.[SERVICE] ?? {};
  const differ = (a: Record<string, unknown>, b: Record<string, unknown>, skip: readonly string[]) =>
    [...new Set([...Object.keys(a), ...Object.keys(b)])]
      .filter((k) => !skip.includes(k) && JSON.stringify(a[k]) !== JSON.stringify(b[k]))
      .sort();
  return [...differ(service(before), service(after), ['image', 'labels']), ...differ(before, after, ['services'])];
}

function labelDocument(labels: Record<string, string>): Record<string, unknown> | undefined {
  const encoded = labels[DOCUMENT_LABEL];
  if (!encoded) return undefined;
  try {
    return JSON.parse(Buffer.from(encoded, 'base64').toString('utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/** The pinned ref the container was started from, else its repo digest, else its image ID. */
function runningRef(live: LiveContainer): string {
  const c = live.container!;
  if (/@sha256:[0-9a-f]{64}$/.test(c.imageRef)) return c.imageRef;
  return live.image?.repoDigests[0] ?? c.imageId;
}

export interface CompareInput {
  live: LiveContainer;
  compose: RenderedCompose;
  image: Pick<ImageDecision, 'deployRef' | 'digest' | 'build' | 'dockerfile'>;
  /** the secrets a deploy hands over are the ones the container has (values compared, never shown) */
  sameSecrets: boolean;
  force: boolean;
}

/** What a deploy would do to the container, from what runs now: the same decision `apply` makes to skip. */
export function compareContainer({ live, compose, image, sameSecrets, force }: CompareInput): ResourceChange {
  const resource = `container ${compose.container}`;
  const c = live.container;
  if (!c) return { action: 'create', resource, note: `volume ${compose.volumes.join(', ')}` };
  if (c.labels[PROJECT_LABEL] !== compose.project)
    return { action: 'unknown', resource, note: 'a container of that name exists and was not deployed by this action: a deploy stops' };

  const sameImage = image.build
    ? undefined
    : image.digest
      ? (live.image?.repoDigests.some((d) => d.endsWith(`@${image.digest}`)) ?? false)
      : c.imageRef === image.deployRef;
  // the hash covers the image too: the document in the label says which settings moved; without it, only that something did
  const before = labelDocument(c.labels);
  let settings: string[] = [];
  if (c.labels[CONFIG_HASH_LABEL] !== compose.hash) {
    if (before) settings = settingsDiff(before, compose.document);
    else if (sameImage !== false) settings = ['configuration'];
  }
  if (!sameSecrets) settings.push('secrets');

  const why: string[] = [];
  if (!c.running) why.push(`it is ${c.status}, not running`);
  else if (c.health === 'unhealthy') why.push('it is unhealthy');
  if (force) why.push('force: true recreates it');

  const from = runningRef(live);
  if (sameImage === undefined) {
    // the image ID is known only once it is built: the deploy skips when the build gives the running one again
    const note = [...why, `the image is built first: unchanged only if the build gives ${c.imageId} again`].join('; ');
    return { action: settings.length || why.length ? 'update' : 'unknown', resource, settings, note };
  }
  const change: ResourceChange = {
    action: sameImage && settings.length === 0 && why.length === 0 ? 'unchanged' : 'update',
    resource,
  };
  if (!sameImage) change.image = { from, to: image.deployRef };
  if (settings.length) change.settings = settings;
  if (why.length) change.note = why.join('; ');
  if (change.action === 'unchanged') change.note = `runs ${from}`;
  return change;
}
