/**
 * The pure heart of the devpod provider: from the context and the facts gathered once, where a
 * Dockerfile is built, the devcontainer.json and every command in the order deploy runs them. `plan`
 * and `apply` share `devpodSteps`: the same file, the same argv. Where a Dockerfile is built depends
 * on `providers.devpod.type`:
 *   docker, ssh            DevPod builds it from `build.dockerfile` in devcontainer.json
 *   kubernetes on kind-* / k3d-*   built here (Docker), `kind load` / `k3d image import`, `image:` the tag
 *   kubernetes (remote), aws, gcp, azure, digitalocean   built here, pushed to
 *                          `providers.devpod.buildRepository`, `image:` the pushed digest
 */
import { createHash } from 'node:crypto';
import type { SindriConfig } from '../../config/types.js';
import { configError } from '../../config/place.js';
import { devpodArgv, type UpSpec, type WorkspaceInfo, type WorkspaceState } from '../../external/devpod.js';
import { dockerArgv, enginePaths, type BuildSpec } from '../../external/docker.js';
import { LocalClusterLoader, localCluster } from '../../external/local-cluster.js';
import { ActionError } from '../../errors.js';
import type { ImageDecision } from '../../image/types.js';
import { parseReference } from '../../image/reference.js';
import { resourceName, DNS_LABEL, type NamingRules } from '../../naming.js';
import { buildKitNotes, buildKitSpec, buildLabels, unusedBuildKitInputs, type BuildFacts } from '../kit/build.js';
import type { PlannedCommand, PlannedFile, ProviderContext } from '../types.js';
import {
  DEVCONTAINER_BESIDE,
  DEVCONTAINER_FILE,
  DEVPOD_ID_LABEL,
  IMAGE_LABEL,
  renderDevcontainer,
  withImage,
  type ImageSpec,
  type RenderedDevcontainer,
} from './devcontainer.js';
import { DEVPOD_BUILDS, devpodSettings, type DevpodSettings } from './settings.js';

/** DevPod workspace ids: lower-case letters, digits, dashes, at most 48 (devpod pkg/workspace/workspace.go). */

/** A container devpod's docker driver runs for a workspace, found on the engine by its label (ADR 0031). */
export interface WorkspaceContainer {
  id: string;
  running: boolean;
  /** the image the action gave the workspace ('' when the container has no such label) */
  image: string;
}

/** The label every container of the workspace carries: devpod's own, with the workspace's runner id. */
export function workspaceLabel(uid: string): string {
  return `${DEVPOD_ID_LABEL}=${uid}`;
}

export const WORKSPACE_ID: NamingRules = { ...DNS_LABEL, max: 48 };

/** what the plan shows where the pushed digest will be */
const PUSHED_DIGEST = '<digest of the push>';
/** what the plan shows where the env file will be */
const ENV_FILE = '<0600 temp file>';

export type BuildWhere = 'none' | 'devpod' | 'kind' | 'k3d' | 'registry';

/** What the steps depend on besides the context, gathered once before they are rendered. */
export interface DevpodFacts {
  secretNames: string[];
  /** the kubeconfig's current context (type kubernetes without providers.devpod.kubernetes.context) */
  currentKubeContext?: string;
  /** a devcontainer.json that is not ours sits at .devcontainer/devcontainer.json */
  userDevcontainer: boolean;
  /** buildx, revision, source: gathered only when the action builds the image itself */
  build?: BuildFacts;
  /** docker type: its engine's containers are listed in-process (ADR 0048); false: through the docker CLI */
  engineApi?: boolean;
}

export interface DevpodSteps {
  settings: DevpodSettings;
  workspaceId: string;
  buildWhere: BuildWhere;
  /** kind/k3d load of a local build */
  loader?: LocalClusterLoader;
  build?: BuildSpec;
  /** the tag pushed to buildRepository */
  push?: string;
  /** the image devcontainer.json names (undefined when DevPod builds; the push's digest once known) */
  imageRef?: string;
  devcontainerPath: string;
  devcontainer: RenderedDevcontainer;
  /** `devpod up` as planned: apply decides `--recreate` and passes the real env file */
  up: UpSpec;
  files: PlannedFile[];
  commands: PlannedCommand[];
  notes: string[];
}

export function workspaceIdOf(config: Pick<SindriConfig, 'name'>, suffix: string): string {
  return resourceName(config.name, suffix, WORKSPACE_ID);
}

/**
 * The workspace's uid, the same on every runner (ADR 0031): devpod names what it creates after it (the
 * docker driver's `dev.containers.id` label, the pod and PVC `devpod-<uid>`), so a runner that has no
 * record finds the same container or claim instead of making a new one. 16 characters, as devpod's
 * own uids (a uid of another length is "legacy" and devpod would name resources after the id instead);
 * lower-case letters, digits and a dash, valid in every name devpod builds from it.
 */
export function workspaceUid(id: string): string {
  return `sindri-${createHash('sha256').update(id).digest('hex').slice(0, 9)}`;
}

export function connectHint(id: string): string {
  return `devpod ssh ${id}`;
}

/** Where a Dockerfile is built for this type; a push without a repository to push to fails here. */
function whereToBuild(
  config: SindriConfig,
  settings: DevpodSettings,
  image: ImageDecision,
): { where: BuildWhere; loader?: LocalClusterLoader } {
  if (!image.build) return { where: 'none' };
  if (!image.dockerfile)
    throw new ActionError('the image decision asks for a build but names no Dockerfile', {
      fix: 'report this at https://github.com/sindri/deploy-action/issues',
    });
  if (DEVPOD_BUILDS.includes(settings.type)) return { where: 'devpod' };
  const context = settings.options.KUBERNETES_CONTEXT;
  const local = settings.type === 'kubernetes' ? localCluster(context) : undefined;
  if (local) return { where: local.tool, loader: new LocalClusterLoader(local) };
  if (!settings.buildRepository) {
    const what = settings.type === 'kubernetes' ? `a remote Kubernetes cluster (context ${context ?? 'unknown'})` : settings.type;
    throw configError(
      config,
      ['providers', 'devpod', 'buildRepository'],
      `providers.devpod.buildRepository is not set: building ${image.dockerfile} for ${what} needs a registry to push to`,
      'set providers.devpod.buildRepository (e.g. ghcr.io/owner/sindri-dev), or build in CI and pass image-digest',
    );
  }
  return { where: 'registry' };
}

/**
 * Does the action build the image itself (kind/k3d load or a push)? Checked before any fact is gathered,
 * so a config that cannot work fails before anything runs.
 */
export function buildsHere(config: SindriConfig, image: ImageDecision, currentKubeContext?: string): boolean {
  const { where } = whereToBuild(config, devpodSettings(config, currentKubeContext), image);
  return where !== 'none' && where !== 'devpod';
}

/** Ours at the usual place, or beside a user's own file (never overwritten without force). */
function devcontainerPathFor(userDevcontainer: boolean, force: boolean, notes: string[]): string {
  if (!userDevcontainer) return DEVCONTAINER_FILE;
  notes.push(
    force
      ? `${DEVCONTAINER_FILE} is a user's own file: it is overwritten (force)`
      : `${DEVCONTAINER_FILE} is a user's own file and stays untouched: DevPod is pointed at ${DEVCONTAINER_BESIDE}`,
  );
  return force ? DEVCONTAINER_FILE : DEVCONTAINER_BESIDE;
}

interface ImageSteps {
  spec: ImageSpec;
  imageRef?: string;
  build?: BuildSpec;
  push?: string;
  commands: PlannedCommand[];
}

/** The image devcontainer.json names, and the build, load or push that makes it. */
function imageSteps(
  ctx: ProviderContext,
  settings: DevpodSettings,
  target: { where: BuildWhere; loader?: LocalClusterLoader; devcontainerPath: string },
  facts: DevpodFacts,
  notes: string[],
): ImageSteps {
  const { where, loader } = target;
  const { image, inputs } = ctx;
  const context = inputs['build-context'] || '.';
  if (where === 'none') return { spec: { kind: 'image', ref: image.deployRef }, imageRef: image.deployRef, commands: [] };
  if (where === 'devpod') {
    notes.push(`DevPod builds ${image.dockerfile} itself (build.dockerfile in ${target.devcontainerPath}); nothing is built by the action`);
    notes.push(...unusedBuildKitInputs(inputs, 'DevPod builds the image itself, and takes no BuildKit cache or secret'));
    return { spec: { kind: 'build', dockerfile: image.dockerfile!, context, args: inputs['build-args'] }, commands: [] };
  }
  const repo = settings.buildRepository;
  const tag = where === 'registry' ? `${repo!}:${parseReference(image.ref).tag ?? 'latest'}` : image.ref;
  const build: BuildSpec = {
    dockerfile: image.dockerfile!,
    context,
    tag,
    labels: buildLabels(facts.build ?? {}),
    buildArgs: inputs['build-args'],
    noCache: inputs.force,
    pull: inputs.force,
    hostNetwork: false,
    buildx: facts.build?.buildx ?? false,
    ...buildKitSpec(inputs),
  };
  notes.push(...buildKitNotes(build));
  const commands: PlannedCommand[] = [
    { argv: ['docker', ...dockerArgv.build(build)], why: `build ${image.dockerfile} on the runner`, mutates: true },
  ];
  if (loader) {
    commands.push({ argv: loader.argv(tag), why: `load it into ${loader.tool} cluster ${loader.cluster}`, mutates: true });
    return { spec: { kind: 'image', ref: tag }, imageRef: tag, build, commands };
  }
  commands.push({
    argv: ['docker', ...dockerArgv.push(tag)],
    why: `push it to ${repo}; the workspace runs the pushed digest`,
    mutates: true,
  });
  return { spec: { kind: 'image', ref: `${repo!}@${PUSHED_DIGEST}` }, build, push: tag, commands };
}

/** The devpod calls around the build, in the order deploy makes them. */
function devpodCommands(
  settings: DevpodSettings,
  workspaceId: string,
  image: PlannedCommand[],
  up: UpSpec,
  force: boolean,
  engineApi: boolean | undefined,
): PlannedCommand[] {
  const { provider, options } = settings;
  const commands: PlannedCommand[] = [
    {
      argv: ['devpod', ...devpodArgv.providerList()],
      why: `is provider ${provider} added, with which options? (also: is devpod there, before any build)`,
      mutates: false,
    },
    ...image,
    { argv: ['devpod', ...devpodArgv.providerAdd(provider, options)], why: `only when provider ${provider} is missing`, mutates: true },
  ];
  if (Object.keys(options).length > 0)
    commands.push({
      argv: ['devpod', ...devpodArgv.providerSetOptions(provider, options)],
      why: 'only when the provider exists with other values (only those are set)',
      mutates: true,
    });
  commands.push(
    {
      argv: ['devpod', ...devpodArgv.list()],
      why: `does workspace ${workspaceId} exist, with which image? (not asked when devpod holds no provider yet)`,
      mutates: false,
    },
    { argv: ['devpod', ...devpodArgv.status(workspaceId)], why: 'is it running? (skipped when it runs this image)', mutates: false },
  );
  if (settings.type === 'docker') {
    // one Engine API request in-process where the engine allows it (ADR 0048, addendum), else `docker ps`
    const why = 'only when devpod here has no record of it (a fresh runner): does a container of this workspace run, with which image?';
    const label = workspaceLabel(up.uid!);
    commands.push(
      engineApi
        ? { argv: ['GET', enginePaths.containersByLabel(label)], inProcess: true, why, mutates: false }
        : { argv: ['docker', ...dockerArgv.containersByLabel(label, IMAGE_LABEL)], why, mutates: false },
    );
  }
  commands.push({
    argv: ['devpod', ...devpodArgv.up(up)],
    why: `start the workspace${force ? ', recreated (force)' : '; --recreate is added when it exists with another image'}`,
    mutates: true,
  });
  return commands;
}

/** Settings, where to build, the devcontainer.json and every command. */
export function devpodSteps(ctx: ProviderContext, facts: DevpodFacts): DevpodSteps {
  const { config, inputs } = ctx;
  const settings = devpodSettings(config, facts.currentKubeContext);
  const workspaceId = workspaceIdOf(config, inputs['name-suffix']);
  const notes = [...settings.notes];
  const { where, loader } = whereToBuild(config, settings, ctx.image);
  const devcontainerPath = devcontainerPathFor(facts.userDevcontainer, inputs.force, notes);
  const image = imageSteps(ctx, settings, { where, loader, devcontainerPath }, facts, notes);
  const devcontainer = renderDevcontainer({
    config,
    workspaceId,
    image: image.spec,
    path: devcontainerPath,
    forwardPorts: settings.forwardPorts,
    dockerEngine: DEVPOD_BUILDS.includes(settings.type),
    trace: ctx.trace,
    nameSuffix: inputs['name-suffix'],
  });
  notes.push(...devcontainer.notes);
  const up: UpSpec = {
    source: '.',
    id: workspaceId,
    provider: settings.provider,
    devcontainerPath,
    image: image.imageRef,
    recreate: inputs.force,
    envFile: facts.secretNames.length > 0 ? ENV_FILE : undefined,
    uid: workspaceUid(workspaceId),
  };
  if (facts.secretNames.length > 0)
    notes.push(
      `secrets ${facts.secretNames.join(', ')} reach the workspace only through --workspace-env-file (a 0600 file outside the working directory, removed after devpod up)`,
    );
  return {
    settings,
    workspaceId,
    buildWhere: where,
    loader,
    build: image.build,
    push: image.push,
    imageRef: image.imageRef,
    devcontainerPath,
    devcontainer,
    up,
    files: [{ path: devcontainerPath, content: devcontainer.json }],
    commands: devpodCommands(settings, workspaceId, image.commands, up, inputs.force, facts.engineApi),
    notes,
  };
}

/** The steps once the push is done: only the image changes, to the pushed digest. */
export function withPushedImage(steps: DevpodSteps, ref: string): DevpodSteps {
  const devcontainer = withImage(steps.devcontainer, ref);
  return {
    ...steps,
    imageRef: ref,
    devcontainer,
    up: { ...steps.up, image: ref },
    files: [{ path: steps.devcontainerPath, content: devcontainer.json }],
  };
}

/** What to do with the workspace devpod holds now. */
export interface Release {
  /** it already runs this image from this file: nothing to do */
  skip: boolean;
  /** delete it first, and why (another provider, or a recorded image that would win over a build) */
  replaceBecause?: string;
  /** it existed and is kept: a failed `up` leaves it as devpod left it */
  kept: boolean;
  recreate: boolean;
  /** no record on this runner: what runs was found on the provider under the workspace's uid */
  adopted?: boolean;
}

/**
 * devpod keeps an existing container on `up`, and the image it was given (`--devcontainer-image`) in
 * its workspace record: a new image, another file or a build needs `--recreate`; a workspace of
 * another provider, or one recording an image that would override a build, is replaced. Without a
 * record on this runner (a fresh runner), `found` is what the provider runs under the workspace's uid
 * (docker type: its containers, by devpod's label), or undefined where the runner cannot see it.
 */
export function releaseDecision(
  steps: Pick<DevpodSteps, 'imageRef' | 'devcontainerPath' | 'settings'>,
  existing: WorkspaceInfo | undefined,
  state: WorkspaceState,
  opts: { force: boolean; localChanged: boolean; found?: WorkspaceContainer[] },
): Release {
  const { imageRef, devcontainerPath } = steps;
  const provider = steps.settings.provider;
  if (!existing) return adoptDecision(imageRef, opts);
  const imageChanged = imageRef !== undefined && (existing.image !== imageRef || opts.localChanged);
  const samePlace = existing.provider === provider && existing.devcontainerPath === devcontainerPath;
  if (!opts.force && imageRef !== undefined && !imageChanged && samePlace && state === 'Running')
    return { skip: true, kept: true, recreate: false };
  const replaceBecause =
    existing.provider !== provider
      ? `with provider ${existing.provider}`
      : imageRef === undefined && existing.image !== ''
        ? `from image ${existing.image}`
        : undefined;
  if (replaceBecause) return { skip: false, replaceBecause, kept: false, recreate: opts.force };
  const recreate = opts.force || imageChanged || imageRef === undefined || existing.devcontainerPath !== devcontainerPath;
  return { skip: false, kept: true, recreate };
}

/**
 * No record on this runner: what an earlier runner left under the same uid. One running container with
 * this image is the deploy already done; anything else found is recreated in place (`up --uid` finds it
 * by its label and `--recreate` replaces it: no second container). Nothing found: a plain first `up`.
 */
function adoptDecision(
  imageRef: string | undefined,
  opts: { force: boolean; localChanged: boolean; found?: WorkspaceContainer[] },
): Release {
  const found = opts.found ?? [];
  if (found.length === 0) return { skip: false, kept: false, recreate: opts.force };
  const same = found.length === 1 && found[0]!.running && imageRef !== undefined && found[0]!.image === imageRef;
  if (same && !opts.force && !opts.localChanged) return { skip: true, kept: true, recreate: false, adopted: true };
  return { skip: false, kept: true, recreate: true, adopted: true };
}
