/**
 * The kubernetes provider's secrets channel: `source: env` secrets become an Opaque Secret the
 * container reads with `envFrom`, and the credentials that resolved the image's registry a
 * `kubernetes.io/dockerconfigjson` Secret listed in `imagePullSecrets`. Values travel only in these
 * objects' `data`, on kubectl's stdin; plan shows PLACEHOLDER instead. A new value with the same
 * manifests is found by comparing the live Secrets' data in memory.
 */
import type { LiveObject } from '../../external/kubectl.js';
import { parseReference } from '../../image/reference.js';
import { setSecret, warning } from '../../runner.js';
import type { ProviderContext } from '../types.js';

/** shown instead of a secret value in plan output */
export const PLACEHOLDER = '***';

/** Registry credentials for `imagePullSecrets` (from the chain that resolved the image). */
export interface PullCredential {
  registry: string;
  username: string;
  password: string;
}

/** A Secret as we apply it (metadata from the caller, data base64). */
export type SecretObject = {
  apiVersion: 'v1';
  kind: 'Secret';
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  type: string;
  data: Record<string, string>;
};

const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');

/** the env secrets as an Opaque Secret (PLACEHOLDER values stay as they are) */
export function envSecret(metadata: SecretObject['metadata'], values: ReadonlyMap<string, string>): SecretObject {
  const data = Object.fromEntries([...values].map(([k, v]) => [k, v === PLACEHOLDER ? PLACEHOLDER : b64(v)]));
  return { apiVersion: 'v1', kind: 'Secret', metadata, type: 'Opaque', data };
}

/** `~/.docker/config.json` shape, as the kubelet reads `.dockerconfigjson`. */
export function dockerConfigJson(c: PullCredential): string {
  return JSON.stringify({
    auths: { [c.registry]: { username: c.username, password: c.password, auth: b64(`${c.username}:${c.password}`) } },
  });
}

/** the image pull Secret */
export function pullSecret(metadata: SecretObject['metadata'], c: PullCredential): SecretObject {
  const value = c.password === PLACEHOLDER ? PLACEHOLDER : b64(dockerConfigJson(c));
  return { apiVersion: 'v1', kind: 'Secret', metadata, type: 'kubernetes.io/dockerconfigjson', data: { '.dockerconfigjson': value } };
}

/** The credentials that resolve the image's registry become its pull secret (same chain as the resolver). */
export async function pullCredential(ctx: Pick<ProviderContext, 'image' | 'inputs'>): Promise<PullCredential | undefined> {
  const registry = parseReference(ctx.image.deployRef).registry;
  const { credentialChain } = await import('../../image/credentials.js');
  const c = await credentialChain({ inputs: ctx.inputs }).lookup(registry);
  if (!c) return undefined;
  if (!c.password) {
    warning(`the credentials for ${registry} (${c.source}) hold only an identity token: no image pull secret is created`);
    return undefined;
  }
  setSecret(c.password);
  return { registry: registry === 'docker.io' ? 'https://index.docker.io/v1/' : registry, username: c.username, password: c.password };
}

/** The live Secrets hold exactly the data of `wanted` (compared in memory). */
export function sameSecretData(
  wanted: readonly { kind: string; metadata: { name: string }; data?: unknown }[],
  live: readonly LiveObject[],
): boolean {
  // a versioned env Secret's values are in its name: it is the same when the template names it
  return wanted
    .filter((x) => x.kind === 'Secret' && (x.metadata as { labels?: Record<string, string> }).labels?.['deploy.sindri.dev/role'] !== 'env')
    .every((o) => {
      const l = live.find((x) => x.kind === 'Secret' && x.metadata.name === o.metadata.name);
      const want = (o.data ?? {}) as Record<string, string>;
      return l !== undefined && JSON.stringify(Object.entries(l.data ?? {}).sort()) === JSON.stringify(Object.entries(want).sort());
    });
}

/**
 * The env Secrets a deploy deletes after a good rollout, as a label selector (pure; the deploy deletes
 * by it, the plan lists by it): this deployment's env Secrets but the current one and the one the
 * previous revision reads (what `rollout undo` needs). Undefined when the env Secret did not change:
 * nothing is deleted then. `selector` picks this deployment's objects (managed-by and instance).
 */
export function envPruneSelector(
  selector: string,
  labels: { role: string; version: string },
  current: string | undefined,
  previous: string | undefined,
): string | undefined {
  if (!current || current === previous) return undefined;
  const versions = [current, previous].flatMap((n) => (n ? [/-env-([0-9a-f]{10})$/.exec(n)?.[1] ?? ''] : [])).filter(Boolean);
  return `${selector},${labels.role}=env,${labels.version} notin (${versions.join(',')})`;
}
