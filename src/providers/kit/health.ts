/**
 * The health check every provider runs after a release (and again after a rollback), from the inputs
 * `health-url`, `health-command`, `health-timeout` (ADR 0022). The provider gives its url and its way
 * in (`runInside`); the check runs within the deadline the provider passes (the rollout's share of the
 * run, so a rollback keeps its reserve).
 */
import type { Deadline } from '../../deadline.js';
import { checkHealth, hasHealthCheck, type HealthOutcome, type HealthSpec, type HealthTarget } from '../../health/check.js';
import type { Inputs } from '../../inputs.js';

export function healthSpec(inputs: Pick<Inputs, 'health-url' | 'health-command' | 'health-timeout'>): HealthSpec {
  return { url: inputs['health-url'], command: inputs['health-command'], timeoutMs: inputs['health-timeout'] };
}

/** The check, or undefined when neither input asks for one (the provider's own readiness decides). */
export async function checkDeployment(
  inputs: Pick<Inputs, 'health-url' | 'health-command' | 'health-timeout'>,
  target: HealthTarget,
  deadline: Deadline,
): Promise<HealthOutcome | undefined> {
  const spec = healthSpec(inputs);
  return hasHealthCheck(spec) ? await checkHealth(spec, target, deadline) : undefined;
}

/** `unknown` when no check ran. */
export function healthyOf(outcome: HealthOutcome | undefined): 'true' | 'false' | 'unknown' {
  return outcome ? (String(outcome.healthy) as 'true' | 'false') : 'unknown';
}
