/** Build a SindriConfig in tests without a file: defaults as the loader gives them. */
import type { Deployment, ImageConfig, SindriConfig } from '../../src/config/types.js';

export type ConfigOverrides = Omit<Partial<SindriConfig>, 'deployment'> & {
  deployment?: Partial<Omit<Deployment, 'image_config'>> & { image_config?: Partial<ImageConfig> & { registry: string } };
};

export function makeConfig(o: ConfigOverrides = {}): SindriConfig {
  const { image_config, ...dep } = o.deployment ?? {};
  const deployment: Deployment = {
    provider: 'docker',
    providerAsWritten: dep.provider ?? 'docker',
    distro: 'ubuntu',
    resources: {},
    volumes: {},
    ...dep,
  };
  if (image_config) {
    deployment.image_config = {
      resolution_strategy: 'semver',
      allow_prerelease: false,
      verify_signature: true,
      verify_provenance: true,
      pull_policy: 'IfNotPresent',
      ...image_config,
    };
  }
  return {
    file: 'sindri.yaml',
    path: '/nonexistent/sindri.yaml',
    dir: '/nonexistent',
    version: '3.0',
    name: 'demo',
    extensions: { auto_install: true },
    secrets: [],
    providers: {},
    raw: {},
    locate: () => ({ line: 7, column: 5 }),
    ...o,
    deployment,
  };
}
