/** Providers are loaded on demand: a plan for one provider never parses the code of the others. */
import { ActionError } from '../errors.js';
import type { ProviderName } from '../inputs.js';
import type { Provider } from './types.js';

export async function loadProvider(name: ProviderName): Promise<Provider | undefined> {
  switch (name) {
    case 'docker':
      return new (await import('./docker.js')).DockerProvider();
    case 'fly':
      return new (await import('./fly.js')).FlyProvider();
    case 'devpod':
      return new (await import('./devpod.js')).DevpodProvider();
    case 'e2b':
      return new (await import('./e2b.js')).E2bProvider();
    case 'kubernetes':
      return new (await import('./kubernetes.js')).KubernetesProvider();
    default:
      return undefined; // not implemented yet: the caller reports the image decision and says so
  }
}

export function notImplemented(name: ProviderName, mode: string): ActionError {
  return new ActionError(`${mode} for provider "${name}" is not available in this version of the action`, {
    where: { field: 'provider' },
    fix: 'use mode: plan to see the image decision, or provider: docker',
  });
}
