/**
 * The base image's own start command (its config's `Entrypoint` and `Cmd`), read from the registry with
 * the run's credentials. E2B never reads it: its builder takes only `Env` from the image config, and the
 * CLI's Dockerfile parser takes a start command only from CMD/ENTRYPOINT lines of the Dockerfile it is
 * given (docs/upstream.md#e2b-provider), so the Sindri image's init would never start unless the
 * template gets it as its start command (ADR 0032).
 */
import type { Deadline } from '../../deadline.js';
import type { Exec } from '../../external/exec.js';
import { credentialChain, type CredentialInputs } from '../../image/credentials.js';
import { apiHost, parseReference } from '../../image/reference.js';
import { RegistryAuth } from '../../image/registry-auth.js';
import { RegistryHttp } from '../../image/registry-http.js';
import { MANIFEST_ACCEPT, type ImageRef } from '../../image/types.js';
import { debug } from '../../runner.js';

export interface ImageStart {
  entrypoint: string[];
  cmd: string[];
}

interface Descriptor {
  digest: string;
  platform?: { os?: string; architecture?: string };
}
interface Manifest {
  manifests?: Descriptor[];
  config?: { digest: string };
}

/** The manifest of a multi-platform index the builder pulls: linux/amd64 (E2B's sandboxes are x86-64). */
export function pickLinuxAmd64(index: Manifest): string | undefined {
  return index.manifests?.find((m) => m.platform?.os === 'linux' && m.platform?.architecture === 'amd64')?.digest;
}

/** What runs when the image starts, as Docker runs it: ENTRYPOINT then CMD (either may be empty). */
export function startArgv(start: ImageStart): string[] {
  return [...start.entrypoint, ...start.cmd];
}

/**
 * Entrypoint and Cmd of `ref` (a pinned `repo@sha256:…`), or undefined when the registry does not tell
 * (then the template has no start command, as before, and the caller says so).
 */
export async function readImageStart(
  ref: string,
  opts: { deadline: Deadline; exec: Exec; inputs: CredentialInputs },
): Promise<ImageStart | undefined> {
  const image: ImageRef = parseReference(ref);
  const http = new RegistryHttp({ deadline: opts.deadline, timeoutMs: 30_000, retries: 2, backoffMs: 500, maxRetryAfterMs: 10_000 });
  const auth = new RegistryAuth(http, credentialChain({ inputs: opts.inputs, exec: opts.exec }));
  const get = async (path: string, accept?: string): Promise<unknown> => {
    const { reply } = await auth.authorized(image, 'GET', path, accept);
    if (reply.status !== 200) throw new Error(`${apiHost(image.registry)}${path} answered ${reply.status}`);
    return JSON.parse(reply.body.toString('utf8')) as unknown;
  };
  try {
    let manifest = (await get(`/v2/${image.repository}/manifests/${image.digest ?? image.tag ?? 'latest'}`, MANIFEST_ACCEPT)) as Manifest;
    if (manifest.manifests) {
      const one = pickLinuxAmd64(manifest);
      if (!one) return undefined;
      manifest = (await get(`/v2/${image.repository}/manifests/${one}`, MANIFEST_ACCEPT)) as Manifest;
    }
    if (!manifest.config?.digest) return undefined;
    const config = (await get(`/v2/${image.repository}/blobs/${manifest.config.digest}`)) as {
      config?: { Entrypoint?: string[] | null; Cmd?: string[] | null };
    };
    return { entrypoint: config.config?.Entrypoint ?? [], cmd: config.config?.Cmd ?? [] };
  } catch (e) {
    debug(`the start command of ${ref} could not be read: ${(e as Error).message}`);
    return undefined;
  }
}
