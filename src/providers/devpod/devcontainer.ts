/**
 * The devcontainer.json DevPod starts a workspace from (containers.dev spec), built as an object from
 * the one image decision (docs/behaviour.md#image-priority-order, docs/behaviour.md#providers; the
 * upstream template in docs/upstream.md#devcontainer-template, minus its plaintext secrets).
 * Pure: no file system, no process (`devcontainerFile` only names where kit/files.ts writes). Secrets never appear here; they travel in devpod's
 * `--workspace-env-file` (ADR 0009).
 */
import { join, posix } from 'node:path';
import type { SindriConfig } from '../../config/types.js';
import { configError } from '../../config/place.js';
import { HOME_MOUNT, traceLabel } from '../docker/compose.js';
import { previewMarks, traceMetadata, type Trace } from '../../trace.js';
import { sindriEnvironment } from '../kit/environment.js';
import type { GeneratedFile } from '../kit/files.js';

/** Where we write it; beside a user's own file when one is there (ADR 0009). */
export const DEVCONTAINER_FILE = '.devcontainer/devcontainer.json';
export const DEVCONTAINER_BESIDE = '.devcontainer/sindri/devcontainer.json';
/**
 * How a workspace's container is found on the engine rather than in devpod's local record (issue 27,
 * ADR 0031). devpod v0.6.15 keeps its record only in DEVPOD_HOME on the runner, but labels each
 * container it runs `dev.containers.id=<runner id>` (pkg/driver/docker/docker.go
 * RunDockerDevContainer; config.GetDockerLabelForID) and finds it again by that label alone
 * (FindDevContainer); with the action's fixed `--uid` the runner id is known before devpod is asked.
 */
export const DEVPOD_ID_LABEL = 'dev.containers.id';
/** the image the workspace was given: added through `runArgs` (the docker driver appends runArgs to `docker run`) */
export const IMAGE_LABEL = 'sh.sindri.deploy.image';
/** `customizations.<tool>`: the spec's place for tool-specific data; marks a file as ours */
export const MARKER_KEY = 'sindri-deploy-action';

export type ImageSpec =
  /** a prebuilt, loaded or pushed image: `image:` */
  | { kind: 'image'; ref: string }
  /** DevPod builds it (`type: docker`): paths relative to the working directory */
  | { kind: 'build'; dockerfile: string; context: string; args: Record<string, string> };

export interface DevcontainerInput {
  config: Pick<SindriConfig, 'name' | 'file' | 'extensions' | 'deployment' | 'locate'>;
  /** the DevPod workspace id: also names the home volume */
  workspaceId: string;
  image: ImageSpec;
  /** where the file goes, relative to the working directory */
  path: string;
  forwardPorts: number[];
  /** `--gpus all` only means something to a Docker engine */
  dockerEngine: boolean;
  /** the run that deploys (src/trace.ts): container labels on a Docker engine, with the preview marks */
  trace?: Trace;
  /** the name-suffix input: a preview mark (`mode: sweep` finds previews by it) */
  nameSuffix?: string;
}

export interface RenderedDevcontainer {
  doc: Record<string, unknown>;
  json: string;
  notes: string[];
}

/** `8GB` → `8gb`: hostRequirements take `tb|gb|mb|kb` (containers.dev schema). */
export function hostSize(value: string, field: string, config: DevcontainerInput['config']): string {
  const m = /^(\d+)\s*(TB|GB|MB|KB)$/i.exec(value.trim());
  if (!m) throw configError(config, field.split('.'), `"${value}" is not a size`, 'write a number and a unit, e.g. 8GB or 512MB');
  return `${m[1]}${m[2]!.toLowerCase()}`;
}

/** A path relative to the working directory, as the devcontainer.json in `dcPath` must name it. */
export function fromDevcontainerDir(dcPath: string, target: string): string {
  const rel = posix.relative(posix.dirname(dcPath), posix.normalize(target.replace(/\\/g, '/')));
  return rel === '' ? '.' : rel;
}

export function renderDevcontainer(input: DevcontainerInput): RenderedDevcontainer {
  const { config } = input;
  const notes: string[] = [];
  const doc: Record<string, unknown> = { name: input.workspaceId };

  if (input.image.kind === 'image') doc.image = input.image.ref;
  else {
    const build: Record<string, unknown> = {
      dockerfile: fromDevcontainerDir(input.path, input.image.dockerfile),
      context: fromDevcontainerDir(input.path, input.image.context),
    };
    if (Object.keys(input.image.args).length > 0) build.args = { ...input.image.args };
    doc.build = build;
  }

  // the non-secret settings the Sindri image reads at start (same keys as the compose deployment)
  doc.containerEnv = sindriEnvironment(config);

  doc.remoteUser = 'developer';
  // no derived `-uid` image: the container runs exactly the digest resolved (and verified), or the
  // image built from the Dockerfile; the home is a named volume, so no host UID needs matching (ADR 0009)
  doc.updateRemoteUserUID = false;
  doc.mounts = [{ source: `${input.workspaceId}_home`, target: HOME_MOUNT, type: 'volume' }];

  const res = config.deployment.resources;
  const host: Record<string, unknown> = {};
  if (res.cpus !== undefined) host.cpus = res.cpus;
  if (res.memory) host.memory = hostSize(res.memory, 'deployment.resources.memory', config);
  const size = config.deployment.volumes.workspace?.size;
  if (size) host.storage = hostSize(size, 'deployment.volumes.workspace.size', config);
  const gpu = res.gpu;
  if (gpu?.enabled) {
    host.gpu = gpu.memory ? { memory: hostSize(gpu.memory, 'deployment.resources.gpu.memory', config) } : true;
    if (input.dockerEngine) {
      if (gpu.type === 'nvidia') doc.runArgs = ['--gpus', gpu.count > 1 ? `count=${gpu.count}` : 'all'];
      else notes.push(`GPU type ${gpu.type}: no docker run flag is added; the provider's host must expose the device`);
    }
  }
  // the image on the container, for a later runner to read (ADR 0031); devpod's docker driver appends runArgs to `docker run`; a Kubernetes pod has no use for them
  if (input.dockerEngine && input.image.kind === 'image')
    doc.runArgs = [...((doc.runArgs as string[] | undefined) ?? []), '--label', `${IMAGE_LABEL}=${input.image.ref}`];
  // the run and the preview marks, as the docker provider's labels (ADR 0044): devpod never compares
  // runArgs with the running container, so a new run of the same image is not a recreate
  if (input.dockerEngine) doc.runArgs = [...((doc.runArgs as string[] | undefined) ?? []), ...traceRunArgs(input)];
  if (Object.keys(host).length > 0) doc.hostRequirements = host;
  if (input.forwardPorts.length > 0) doc.forwardPorts = [...input.forwardPorts];

  doc.customizations = { [MARKER_KEY]: { generated: true, config: config.file } };
  return { doc, json: serialize(doc), notes };
}

/** `--label key=value` per trace field and preview mark (values checked by src/trace.ts: no space, no control character). */
function traceRunArgs({ config, trace, nameSuffix }: DevcontainerInput): string[] {
  const labels = traceMetadata(trace, previewMarks(config.name, nameSuffix ?? ''), traceLabel);
  return Object.entries(labels).flatMap(([k, v]) => ['--label', `${k}=${v}`]);
}

function serialize(doc: Record<string, unknown>): string {
  return JSON.stringify(doc, null, 2) + '\n';
}

/** The same file naming another image: a push's digest, known only once the push is done. */
export function withImage(rendered: RenderedDevcontainer, ref: string): RenderedDevcontainer {
  const runArgs = (rendered.doc.runArgs as string[] | undefined)?.map((a) =>
    a.startsWith(`${IMAGE_LABEL}=`) ? `${IMAGE_LABEL}=${ref}` : a,
  );
  const doc = { ...rendered.doc, image: ref, ...(runArgs ? { runArgs } : {}) };
  return { ...rendered, doc, json: serialize(doc) };
}

/**
 * A devcontainer.json at `rel` (DEVCONTAINER_FILE or DEVCONTAINER_BESIDE) as kit/files.ts writes and
 * removes it: only one we wrote is replaced, unless `overwriteUsers` (force puts ours over a user's own
 * DEVCONTAINER_FILE, as the plan says); never through a link, whatever `overwriteUsers` says.
 */
export function devcontainerFile(workdir: string, rel: string, overwriteUsers = false): GeneratedFile {
  return { path: join(workdir, rel), file: rel, root: workdir, isOurs: (text) => overwriteUsers || isGenerated(text) };
}

/** Is this devcontainer.json text one we wrote? (a user's own file is never touched without force) */
export function isGenerated(text: string): boolean {
  try {
    const doc = JSON.parse(text) as { customizations?: Record<string, { generated?: unknown }> };
    return doc.customizations?.[MARKER_KEY]?.generated === true;
  } catch {
    return false; // JSONC with comments, or anything else: a user's file
  }
}
