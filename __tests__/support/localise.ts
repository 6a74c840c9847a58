/**
 * Points the image references of a sindri.yaml (ghcr.io, Docker Hub) at the loopback registry, so
 * real configs and documentation examples plan here without the internet; and pushes what they name.
 */
import { pushImage, REGISTRY_ANON } from './registry.js';

/** `image:` / `registry:` values → `<local>/<path>` (a bare Docker Hub name gets `library/`). */
export function localiseRefs(text: string, local: string): string {
  return text.replace(/^(\s*(?:image|registry):\s*["']?)([^\s"'#]+)/gm, (_m, pre: string, ref: string) => {
    const path = ref.replace(/^ghcr\.io\//, '');
    return `${pre}${local}/${path.includes('/') ? path : `library/${path}`}`;
  });
}

/** Push one small image for every `image:` reference of the (localised) texts; returns ref → digest. */
export async function pushReferenced(texts: readonly string[], extra: readonly string[] = []): Promise<Map<string, string>> {
  const refs = new Set<string>(extra);
  for (const t of texts) for (const m of t.matchAll(/^\s*image:\s*["']?([^\s"'#]+)/gm)) refs.add(m[1]!);
  const digests = new Map<string, string>();
  for (const ref of refs) {
    if (!ref.startsWith(`${REGISTRY_ANON}/`)) continue;
    const [repo, tag] = ref.slice(REGISTRY_ANON.length + 1).split(':');
    digests.set(ref, (await pushImage({ host: REGISTRY_ANON, repository: repo! }, tag ?? 'latest', { seed: ref })).digest);
  }
  return digests;
}
