/**
 * The devpod plan's live diff (docs/behaviour.md#plan-mode, ADR 0035, ADR 0044): what devpod holds for
 * the workspace now against what a deploy would give it, read-only. One `devpod list --skip-pro
 * --output json` (DEVPOD_HOME only: no pro instance asked, nothing deleted); `devpod status` only when
 * the answer depends on it (the deploy would skip if it runs); on a runner without a record, the
 * docker type's containers under the workspace's uid (one Engine API request, else one `docker ps`:
 * ADR 0031, ADR 0048). `compareWorkspace` is pure and asks the deploy's own decision
 * (`releaseDecision`); `readWorkspace` turns a devpod or an engine that does not answer into a reason,
 * so the plan goes on without the comparison.
 */
import { isDeadlineExceeded } from '../../deadline.js';
import type { DevPod, WorkspaceInfo, WorkspaceState } from '../../external/devpod.js';
import type { ResourceChange } from '../../plan/changes.js';
import { releaseDecision, workspaceUid, type DevpodSteps, type Release, type WorkspaceContainer } from './steps.js';

/** a plan waits this long for devpod (and the engine) at most, per call */
export const LIVE_READ_MS = 10_000;

type Planned = Pick<DevpodSteps, 'workspaceId' | 'imageRef' | 'devcontainerPath' | 'settings' | 'build' | 'push'>;

/** What the plan read: devpod's record here, its state when it mattered, else what the engine runs under the uid. */
export interface LiveWorkspace {
  record?: WorkspaceInfo;
  /** `Running` unless `devpod status` was asked (only when a running workspace would be skipped) */
  state: WorkspaceState;
  /** without a record (docker type): the containers carrying the workspace's uid */
  found?: WorkspaceContainer[];
}

const firstLine = (s: string): string => s.split('\n').find((l) => l.trim() !== '') ?? s;
const why = (e: unknown): string => firstLine(e instanceof Error ? e.message : String(e));

/**
 * The image a deploy compares with (the skip decision): the ref devcontainer.json names; for an image the
 * action pushes (its digest known only after the push), the one running now, so that the decision says
 * whether the deploy would skip if the push gave that digest again.
 */
function assumedRef(steps: Planned, live: Pick<LiveWorkspace, 'record' | 'found'>): string | undefined {
  if (!steps.push) return steps.imageRef;
  return live.record?.image || (live.found?.length === 1 ? live.found[0]!.image : '') || undefined;
}

/** The deploy's decision on what was read (`localChanged` false: a plan builds nothing). */
export function decide(steps: Planned, live: LiveWorkspace, force: boolean): Release {
  return releaseDecision({ ...steps, imageRef: assumedRef(steps, live) }, live.record, live.state, {
    force,
    localChanged: false,
    found: live.found,
  });
}

/**
 * Read-only: devpod's record, the state when it decides, the engine's containers without a record.
 * `containers` reads the docker type's engine (undefined for the types whose resources the runner
 * cannot see: then a workspace devpod here has no record of is live state unknown).
 */
export async function readWorkspace(
  devpod: DevPod,
  steps: Planned,
  force: boolean,
  containers?: (uid: string) => Promise<WorkspaceContainer[]>,
): Promise<{ live: LiveWorkspace; read: string } | { reason: string }> {
  const id = steps.workspaceId;
  let record: WorkspaceInfo | undefined;
  try {
    record = (await devpod.workspaces({ localOnly: true, timeoutMs: LIVE_READ_MS })).find((w) => w.id === id);
  } catch (e) {
    if (isDeadlineExceeded(e)) throw e;
    return { reason: `devpod could not be asked: ${why(e)}` };
  }
  if (record) {
    const live: LiveWorkspace = { record, state: 'Running' };
    // the state changes only a skip (a running workspace with this image): asked only then
    if (decide(steps, live, force).skip) live.state = await devpod.status(id, LIVE_READ_MS);
    return { live, read: `devpod's record of workspace ${id} on this runner` };
  }
  const uid = workspaceUid(id);
  if (!containers)
    return {
      reason: `devpod on this runner has no record of workspace ${id}, and what the ${steps.settings.type} provider runs under its uid ${uid} cannot be read from here`,
    };
  try {
    const found = await containers(uid);
    return { live: { state: 'NotFound', found }, read: `no devpod record here: the containers of uid ${uid} on the docker type's engine` };
  } catch (e) {
    if (isDeadlineExceeded(e)) throw e;
    return { reason: `the docker type's engine did not answer: ${why(e)}` };
  }
}

/** What the workspace runs now: devpod's record, else the image label of the one container found. */
function currentImage(live: LiveWorkspace): string {
  if (live.record) return live.record.image;
  return live.found?.length === 1 ? live.found[0]!.image : '';
}

/** The image a deploy gives it, as the plan can name it (the digest of a push is known only after it). */
function nextImage(steps: Planned): string | undefined {
  if (steps.imageRef) return steps.imageRef;
  if (steps.push) return `${steps.settings.buildRepository ?? steps.push}@<digest of the push>`;
  return undefined;
}

/**
 * What a deploy would do to the workspace, from what was read: the same decision `apply` makes
 * (`releaseDecision`), said as `+ create`, `~ update (image a → b; why)`, `= unchanged` or `? apply`
 * when it hangs on an image the deploy builds first.
 */
export function compareWorkspace(steps: Planned, live: LiveWorkspace, force: boolean): ResourceChange {
  const resource = `workspace ${steps.workspaceId}`;
  const release = decide(steps, live, force);
  const from = currentImage(live);
  const to = nextImage(steps);
  if (!live.record && !live.found?.length) return { action: 'create', resource, note: `volume ${steps.workspaceId}_home` };
  if (release.skip) {
    const runs = `runs ${from}`;
    // the image is built (kind/k3d load, or a push) before the deploy can tell
    if (steps.build)
      return {
        action: 'unknown',
        resource,
        note: `${runs}; the image is built first: unchanged only if ${steps.push ? 'the push gives that digest' : `${steps.imageRef} holds the same image`} again`,
      };
    return { action: 'unchanged', resource, note: runs };
  }
  const notes: string[] = [];
  if (release.replaceBecause) notes.push(`deleted and created again: it was created ${release.replaceBecause}`);
  if (release.adopted) notes.push(`no devpod record on this runner: its container (uid ${workspaceUid(steps.workspaceId)}) is recreated`);
  if (!to) notes.push('DevPod builds the image from the Dockerfile: every deploy recreates the workspace');
  if (live.record && live.record.devcontainerPath !== steps.devcontainerPath && live.record.provider === steps.settings.provider)
    notes.push(`devcontainer.json moves from ${live.record.devcontainerPath || '(none recorded)'} to ${steps.devcontainerPath}`);
  if (live.state !== 'Running' && live.record && !release.recreate)
    notes.push(
      live.state === 'NotFound'
        ? 'devpod holds its record but finds nothing running it (status NotFound): devpod up creates it again'
        : `it is ${live.state}: devpod up starts it`,
    );
  if (force) notes.push('force: true recreates it');
  if ((live.found?.length ?? 0) > 1) notes.push(`${live.found!.length} containers carry its uid`);
  const change: ResourceChange = { action: 'update', resource };
  if (to && from !== to) change.image = { from: from || '(no image recorded)', to };
  if (notes.length) change.note = notes.join('; ');
  return change;
}
