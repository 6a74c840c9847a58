/** The capability matrix of SPEC §5 as data: the pure decision consults it, nothing here loads a provider. */
import type { ProviderName } from '../inputs.js';
import type { Capabilities } from './types.js';

export const CAPABILITIES: Readonly<Record<ProviderName, Capabilities>> = {
  docker: { build: 'local', tools: ['docker', 'docker-compose'], url: 'http://localhost:<port> of the first published port' },
  fly: { build: 'remote', tools: ['flyctl'], url: 'https://<app>.fly.dev' },
  devpod: { build: 'provider', tools: ['devpod', 'docker'], url: 'none (outputs the workspace id)' },
  e2b: { build: 'provider', tools: ['e2b'], url: 'none (outputs the template id)' },
  kubernetes: { build: 'never', tools: ['kubectl'], url: 'the ingress host when providers.kubernetes.ingress is set' },
};
