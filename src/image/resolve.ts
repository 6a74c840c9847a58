/**
 * The effectful side of image resolution: observe what the pure decision asks for (Dockerfiles, the
 * git revision, the tag list), then pin the choice to a digest with a manifest HEAD (SPEC §4).
 */
import type { SindriConfig } from '../config/types.js';
import { Git } from '../cli/git.js';
import type { Inputs, ProviderName } from '../inputs.js';
import { decideImage } from './decide.js';
import { findDockerfiles } from './dockerfile.js';
import { pinnedReference, repositoryName } from './reference.js';
import { MEDIA_NAMES, type ImageChoice, type ImageDecision, type ImageRef, type Observations } from './types.js';

/** What resolution needs from a registry; RegistryClient implements it. */
export interface RegistryLike {
  listTags(ref: ImageRef): Promise<string[]>;
  headManifest(ref: ImageRef): Promise<{ digest: string; mediaType: string }>;
}

export interface ResolveContext {
  inputs: Inputs;
  config: SindriConfig;
  provider: ProviderName;
  workdir: string;
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
      observed.tags = tagList(await (await ctx.registry()).listTags(d.repository));
    } else if (d.kind === 'need-dockerfiles') {
      // only now, when rule 8 is reached: a broken ./Dockerfile cannot fail a run that deploys an image
      observed.dockerfiles = findDockerfiles(ctx.workdir, ctx.inputs.dockerfile).found;
    } else observed.revision = await gitRevision(ctx.workdir);
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
  const head = await (await ctx.registry()).headManifest(ref);
  const kind = MEDIA_NAMES[head.mediaType] ?? head.mediaType;
  const multi = /index|list/.test(head.mediaType) ? ', multi-arch' : '';
  const reason = ref.digest
    ? `${repositoryName(ref)}@${ref.digest} exists in the registry (${kind}${multi})`
    : `${choice.ref} → ${head.digest} (${kind}${multi})`;
  choice.trace.push({ rule: 0, source: 'pin', outcome: 'applied', reason });
  return { ...choice, deployRef: pinnedReference(ref, head.digest), digest: head.digest, mediaType: head.mediaType, build: false };
}

/** The short sha of the working directory's HEAD; GITHUB_SHA; else `local` (SPEC §4). */
async function gitRevision(workdir: string): Promise<string> {
  const sha = (await new Git(workdir).revision()) ?? process.env.GITHUB_SHA ?? '';
  return /^[0-9a-f]{40}$/.test(sha) ? sha.slice(0, 7) : 'local';
}
