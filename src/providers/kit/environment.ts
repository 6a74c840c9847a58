/**
 * The non-secret settings the Sindri image reads when it starts (docs/upstream.md#the-sindri-image), one
 * place for every provider: compose `environment`, fly.toml `[env]`, devcontainer.json `containerEnv`,
 * the Kubernetes container's `env`. Secrets never go here; each provider hands them over its own way.
 */
import type { SindriConfig } from '../../config/types.js';

export function sindriEnvironment(config: Pick<SindriConfig, 'extensions' | 'deployment'>): Record<string, string> {
  const ext = config.extensions;
  const env: Record<string, string> = { INIT_WORKSPACE: 'true', INSTALL_PROFILE: ext.profile ?? '' };
  if (ext.active?.length) env.CUSTOM_EXTENSIONS = ext.active.join(',');
  if (ext.additional?.length) env.ADDITIONAL_EXTENSIONS = ext.additional.join(',');
  env.SKIP_AUTO_INSTALL = String(!ext.auto_install);
  const gitRef = config.deployment.buildFromSource?.gitRef;
  if (gitRef) env.SINDRI_SOURCE_REF = gitRef;
  return env;
}
