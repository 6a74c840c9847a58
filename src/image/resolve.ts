/**
 * The effectful side of image resolution: observe what the pure decision asks for (Dockerfiles, the git
 * revision, the tag list), then pin the choice to a digest with a manifest HEAD
 * (docs/behaviour.md#digest-pinning).
 */
import type { SindriConfig } from '../config/types.js';
import type { Exec } from '../external/exec.js';
import { Git } from '../external/git.js';
import { ActionError, type ErrorLocation } from '../errors.js';
import type { ProviderName } from '../domain.js';
import type { Inputs } from '../inputs.js';
import { decideImage } from './decide.js';
import { findDockerfiles } from './dockerfile.js';
import { pinnedReference, repositoryName } from './reference.js';
import { MEDIA_NAMES, type ImageAccess, type ImageChoice, type ImageDecision, type ImageRef, type Observations } from './types.js';

/** What resolution needs from a registry; RegistryClient implements it. */
export interface RegistryLike {
  listTags(ref: ImageRef): Promise<string[]>;
  headManifest(ref: ImageRef): Promise<{ digest: string; mediaType: string; access?: ImageAccess }>;
  /** the index bytes, for the platform check (a registry without it is not checked) */
  getManifest?(ref: ImageRef): Promise<Buffer>;
}

export interface ResolveContext {
  inputs: Inputs;
  config: SindriConfig;
  provider: ProviderName;
  workdir: string;
  /** runs git for the revision a built image is tagged with */
  exec: Exec;
  /** created on first use: a literal digest with pin-digest off never loads the registry client */
  registry: () => Promise<RegistryLike>;
  /** told the choice before pinning, so a pin that fails still reports which rule won and why */
  onChoice?: (choice: ImageChoice) => void;
}

export async function resolveImage(ctx: ResolveContext): Promise<ImageDecision> {
  const observed: Observations = {};
  for (;;) {
    const d = decideImage({ inputs: ctx.inputs, config: ctx.config, provider: ctx.provider, observed });
    if (d.kind === 'choice') {
      ctx.onChoice?.(d.choice);
      return await pin(ctx, d.choice);
    }
    if (d.kind === 'need-tags') {
      // tag selection (and node-semver) is loaded only when a version rule needs it
      const { tagList, checkConstraint } = await import('./tags.js');
      if (d.constraint) checkConstraint(d.constraint.text, d.constraint.where);
      const where = d.constraint?.where ?? placeOf(ctx, 'config-version');
      observed.tags = tagList(await located(where, async () => (await ctx.registry()).listTags(d.repository)));
    } else if (d.kind === 'need-dockerfiles') {
      // only now, when rule 8 is reached: a broken ./Dockerfile cannot fail a run that deploys an image
      observed.dockerfiles = findDockerfiles(ctx.workdir, ctx.inputs.dockerfile).found;
    } else observed.revision = await gitRevision(ctx.exec, ctx.workdir);
  }
}

async function pin(ctx: ResolveContext, choice: ImageChoice): Promise<ImageDecision> {
  if (choice.source === 'dockerfile') {
    choice.trace.push({ rule: 0, source: 'pin', outcome: 'skipped', reason: 'a built image is pinned by the provider after the build' });
    return { ...choice, deployRef: choice.ref, digest: '', build: true };
  }
  const ref = choice.parsed;
  if (!ctx.inputs['pin-digest']) {
    const digest = ref.digest ?? '';
    choice.trace.push({ rule: 0, source: 'pin', outcome: 'skipped', reason: 'pin-digest is false: deployed as written' });
    return { ...choice, deployRef: choice.ref, digest, build: false };
  }
  const head = await located(placeOf(ctx, choice.source), async () => (await ctx.registry()).headManifest(ref));
  const kind = MEDIA_NAMES[head.mediaType] ?? head.mediaType;
  const multi = /index|list/.test(head.mediaType) ? ', multi-arch' : '';
  const reason = ref.digest
    ? `${repositoryName(ref)}@${ref.digest} exists in the registry (${kind}${multi})`
    : `${choice.ref} → ${head.digest} (${kind}${multi})`;
  const deployRef = pinnedReference(ref, head.digest);
  const platform = multi ? await checkPlatform(ctx, choice, { ...ref, digest: head.digest }, deployRef) : '';
  choice.trace.push({ rule: 0, source: 'pin', outcome: 'applied', reason: `${reason}${platform}` });
  const decision: ImageDecision = { ...choice, deployRef, digest: head.digest, mediaType: head.mediaType, build: false };
  if (head.access) {
    decision.access = head.access;
    choice.trace.push({ rule: 0, source: 'access', outcome: 'applied', reason: accessLine(head.access) });
  }
  return decision;
}

/** The trace line of an image's access: `public`, or `private: … opened with <credentials>` (ADR 0026). */
export function accessLine(access: ImageAccess): string {
  if (!access.private) return 'public: the registry answers an anonymous pull';
  return `private: anonymous pull refused; opened with ${access.credentials ?? 'credentials'}`;
}

/**
 * An index must hold the platform the target runs on (src/image/platforms.ts), so plan fails where
 * deploy would. Returns what the pin's trace line adds ('' when nothing was checked).
 */
async function checkPlatform(ctx: ResolveContext, choice: ImageChoice, ref: ImageRef, shown: string): Promise<string> {
  const { targetPlatform, indexPlatforms, holdsPlatform, missingPlatformError, formatPlatform } = await import('./platforms.js');
  const want = targetPlatform(ctx.provider);
  const registry = await ctx.registry();
  if (!want || !registry.getManifest) return '';
  const where = placeOf(ctx, choice.source);
  const have = indexPlatforms(await located(where, () => registry.getManifest!(ref)));
  if (have === undefined) return '';
  if (!holdsPlatform(have, want)) throw missingPlatformError(shown, want, have, where);
  return `; holds ${formatPlatform(want)}, the platform of this runner's engine`;
}

/** Where the reference a rule used was written: the input, or the config line (for a registry error's place). */
function placeOf(ctx: ResolveContext, source: ImageChoice['source']): ErrorLocation {
  const inputs: Partial<Record<ImageChoice['source'], string>> = {
    'input-digest': 'input image-digest',
    'input-image': 'input image',
    default: 'input default-image',
  };
  const keys: Partial<Record<ImageChoice['source'], string[]>> = {
    'config-digest': ['deployment', 'image_config', 'digest'],
    'config-tag': ['deployment', 'image_config', 'tag_override'],
    'config-version': ['deployment', 'image_config', 'version'],
    'config-image': ['deployment', 'image'],
    'config-registry': ['deployment', 'image_config', 'registry'],
  };
  const input = inputs[source];
  if (input) return { field: input };
  const path = keys[source] ?? ['deployment'];
  const pos = ctx.config.locate(path);
  return { file: ctx.config.file, line: pos?.line, column: pos?.column, field: path.join('.') };
}

/** A registry failure that does not say where (the host is in its text) is given the place the reference came from. */
async function located<T>(where: ErrorLocation, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof ActionError && !e.where.file && !e.where.field) {
      throw new ActionError(e.message, { where, ...(e.fix === undefined ? {} : { fix: e.fix }), cause: e.cause });
    }
    throw e;
  }
}

/** The short sha of the working directory's HEAD; GITHUB_SHA; else `local` (docs/behaviour.md#built-images). */
async function gitRevision(exec: Exec, workdir: string): Promise<string> {
  const sha = (await new Git(exec, workdir).revision()) ?? process.env.GITHUB_SHA ?? '';
  return /^[0-9a-f]{40}$/.test(sha) ? sha.slice(0, 7) : 'local';
}
