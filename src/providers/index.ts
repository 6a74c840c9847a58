/** Providers are loaded on demand: a plan for one provider never parses the code of the others. */
import type { ProviderName } from '../domain.js';
import type { Provider } from './types.js';

export async function loadProvider(name: ProviderName): Promise<Provider> {
  switch (name) {
    case 'docker':
      return new (await import('./docker/provider.js')).DockerProvider();
    case 'fly':
      return new (await import('./fly/provider.js')).FlyProvider();
    case 'devpod':
      return new (await import('./devpod/provider.js')).DevpodProvider();
    case 'e2b':
      return new (await import('./e2b/provider.js')).E2bProvider();
    case 'kubernetes':
      return new (await import('./kubernetes/provider.js')).KubernetesProvider();
  }
}
