/**
 * Which CLIs a run needs (pure): the provider's tools from the capability matrix
 * (docs/behaviour.md#providers), plus what this config and mode add: buildx only when a Dockerfile is
 * built, kind/k3d only for a kind-* / k3d-* context, cosign only when signatures are checked (the one
 * decision of src/verify/checks.ts, `checksSignatures`). The runner's own `docker` is never installed.
 */
import type { SindriConfig } from '../config/types.js';
import { CAPABILITIES, type Mode, type ProviderName, type ToolName } from '../domain.js';
import { Settings } from '../providers/kit/settings.js';
import { buildKitInputsGiven, type BuildKitInputs } from '../image/build-inputs.js';
import { checksSignatures, type AskInputs } from '../verify/checks.js';

export interface ToolNeed {
  tool: ToolName;
  /** shown in the plan and the log */
  why: string;
}

export interface NeedsContext {
  provider: ProviderName;
  mode: Mode;
  config: Pick<SindriConfig, 'deployment' | 'providers' | 'file' | 'locate' | 'raw'>;
  /** the BuildKit inputs, when known: caches and secrets need buildx wherever the runner builds */
  inputs: AskInputs & Partial<BuildKitInputs>;
  /** the image decision; absent for destroy */
  imageSource?: string;
}

/**
 * The kube context a config names for kubernetes, or for devpod's kubernetes type: read through the
 * kit's Settings, so a context with a control character fails at its line in plan as in deploy.
 */
export function kubeContext(provider: ProviderName, config: Pick<SindriConfig, 'providers' | 'file' | 'locate' | 'raw'>): string {
  if (provider === 'kubernetes') return Settings.of(config, 'kubernetes').str('context') ?? '';
  const devpod = Settings.of(config, 'devpod');
  if (provider === 'devpod' && devpod.str('type') === 'kubernetes') return devpod.sub('kubernetes').str('context') ?? '';
  return '';
}

export function toolsNeeded(ctx: NeedsContext): ToolNeed[] {
  const needs: ToolNeed[] = [];
  const add = (tool: ToolName, why: string) => {
    if (!needs.some((n) => n.tool === tool)) needs.push({ tool, why });
  };
  for (const t of CAPABILITIES[ctx.provider].tools) {
    if (t === 'docker') continue; // the runner's engine and CLI: not ours to install
    add(t === 'docker-compose' ? 'compose' : t, `the ${ctx.provider} provider runs it`);
  }
  if (ctx.mode === 'destroy' || ctx.mode === 'sweep') return needs;
  const builds = ctx.imageSource === 'dockerfile';
  if (ctx.provider === 'docker' && builds) add('buildx', 'the Dockerfile is built with BuildKit (docker buildx build)');
  const buildKit = buildKitInputsGiven(ctx.inputs);
  if (ctx.provider === 'devpod' && builds && buildKit.length)
    add('buildx', `${buildKit.join(', ')}: a build on the runner needs BuildKit (docker buildx build)`);
  const context = kubeContext(ctx.provider, ctx.config);
  const loads = ctx.provider === 'kubernetes' || builds; // devpod loads only what it built locally
  if (loads && context.startsWith('kind-')) add('kind', `the image is loaded into the kind cluster of context ${context}`);
  if (loads && context.startsWith('k3d-')) add('k3d', `the image is imported into the k3d cluster of context ${context}`);
  if (checksSignatures(ctx.inputs, ctx.config.deployment.image_config)) add('cosign', 'the image signature is verified');
  return needs;
}
