/**
 * Whether a run checks the image's signature at all: the one decision that verification
 * (src/verify/policy.ts) and tool installation (src/tools/needs.ts, cosign) share, so they cannot
 * disagree. Its own small module: the tool installer's chunk loads this, not the whole policy.
 */
import type { ImageConfig } from '../config/types.js';
import type { VerifyMode } from '../domain.js';

/** The inputs that decide it. */
export interface AskInputs {
  verify: VerifyMode;
  'cosign-key': string;
  'certificate-identity': string;
}

/** `image_config` asks for a signature or provenance check (upstream's defaults: both true). */
export const configAsks = (imageConfig: ImageConfig | undefined): boolean =>
  imageConfig !== undefined && (imageConfig.verify_signature || imageConfig.verify_provenance);

/**
 * `verify: true|warn`; or `auto` with image_config asking for it, or a trust input (`cosign-key`,
 * `certificate-identity`) given: a user who passes a key means it to be used (ADR 0012).
 */
export function checksSignatures(inputs: AskInputs, imageConfig: ImageConfig | undefined): boolean {
  if (inputs.verify === 'false') return false;
  if (inputs.verify === 'auto') return configAsks(imageConfig) || Boolean(inputs['cosign-key'] || inputs['certificate-identity']);
  return true;
}
