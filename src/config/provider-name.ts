/** A provider as written (in sindri.yaml or the input `provider`) → ours, or one line saying which ones exist. */
import { PROVIDER_ALIASES, PROVIDERS, UPSTREAM_ONLY_PROVIDERS, type ProviderName } from '../domain.js';
import { ActionError, type ErrorLocation } from '../errors.js';

/** Map a provider spelling to ours; `where` says where it was written for the error. */
export function parseProvider(value: string, where: ErrorLocation & { field: string }): ProviderName {
  const p = PROVIDER_ALIASES[value.trim().toLowerCase()];
  if (p) return p;
  const upstreamOnly = UPSTREAM_ONLY_PROVIDERS.includes(value.trim().toLowerCase());
  throw new ActionError(
    upstreamOnly ? `provider "${value}" is a Sindri provider this action does not deploy to` : `unknown provider "${value}"`,
    {
      where,
      fix:
        where.field === 'input provider'
          ? `use one of ${PROVIDERS.join(', ')}`
          : `set it to one of ${PROVIDERS.join(', ')}, or pass the input provider to override it`,
    },
  );
}
