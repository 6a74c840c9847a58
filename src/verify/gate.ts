/**
 * Whether this run checks the image at all, decided before the checking code is loaded (issue 25,
 * ADR 0050's addendum): the policy (policy.ts) says so from the inputs and `image_config` alone, so a
 * run that verifies nothing (`verify: auto` with nothing asking, `verify: false`, a local build) never
 * loads verify.ts with cosign, the registry and GitHub evidence (~100 KB of the bundle, two chunks).
 * What it prints and returns is the same either way: one `not verified: …` line and a skipped trace step.
 */
import { ActionError } from '../errors.js';
import { info } from '../runner.js';
import { isPolicy, traced, verificationPolicy } from './policy.js';
import type { VerificationOutcome, VerifyContext } from './verify.js';

/** Verify exactly the digest about to be deployed, when the policy asks for a check (verify.ts `checkImage`). */
export async function verifyImage(ctx: VerifyContext): Promise<VerificationOutcome> {
  const { image, inputs } = ctx;
  const policy = verificationPolicy(inputs, ctx.config.deployment.image_config);
  if (!isPolicy(policy)) return nothing(policy.skip);
  if (image.build) {
    if (inputs.verify === 'true') {
      throw new ActionError(
        `verify: true, but the image is built here from ${image.dockerfile ?? 'a Dockerfile'}: a locally built image has no signature to verify`,
        {
          where: { field: 'input verify' },
          fix: 'build, push and sign the image in CI (cosign sign), then pass its digest with image and image-digest; or set verify: auto',
        },
      );
    }
    return nothing(`built locally from ${image.dockerfile ?? 'a Dockerfile'} (rule 8): nothing to verify`);
  }
  const { checkImage } = await import('./verify.js');
  return checkImage(ctx, policy);
}

function nothing(reason: string): VerificationOutcome {
  info(`not verified: ${reason}`);
  return { verified: 'none', details: { policy: 'none', note: reason }, trace: traced('skipped', reason) };
}
