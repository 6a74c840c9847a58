/**
 * What every provider that builds on the runner needs: the facts a built image is labelled with
 * (`org.opencontainers.image.source` / `revision`, whether buildx is there), and registry credentials
 * for a push or a pull handed to docker in a throw-away DOCKER_CONFIG.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Docker } from '../../external/docker.js';
import { Git, publicSourceUrl } from '../../external/git.js';
import { parseReference } from '../../image/reference.js';
import { setSecret } from '../../runner.js';
import type { ProviderContext } from '../types.js';

export interface BuildFacts {
  buildx: boolean;
  /** the commit built (git HEAD, else GITHUB_SHA) */
  revision?: string;
  /** the repository's public URL */
  source?: string;
}

/** buildx (as the install phase found it, else a client probe), the revision and the source URL: no engine call. */
export async function buildFacts(ctx: Pick<ProviderContext, 'exec' | 'workdir' | 'tools'>): Promise<BuildFacts> {
  const git = new Git(ctx.exec, ctx.workdir);
  // the install phase puts buildx on the docker CLI's plugin path, or fails: found there, it is there
  const installed = ctx.tools?.some((t) => t.name === 'buildx');
  const buildx = installed || (await new Docker(ctx.exec, ctx.workdir).buildxAvailable());
  const revision = (await git.revision()) ?? process.env.GITHUB_SHA;
  const server = process.env.GITHUB_SERVER_URL;
  const repo = process.env.GITHUB_REPOSITORY;
  const source = server && repo ? `${server}/${repo}` : publicSourceUrl((await git.remoteUrl()) ?? '');
  return { buildx, revision, source };
}

/** The OCI labels of a built image from its facts. */
export function buildLabels(facts: Pick<BuildFacts, 'revision' | 'source'>): Record<string, string> {
  const labels: Record<string, string> = {};
  if (facts.source) labels['org.opencontainers.image.source'] = facts.source;
  if (facts.revision) labels['org.opencontainers.image.revision'] = facts.revision;
  return labels;
}

/**
 * Credentials from the inputs for one docker pull or push, in a throw-away DOCKER_CONFIG (the user's
 * stays untouched; the folder lives under RUNNER_TEMP, registered before it is written, removed after):
 * registry-username/password for any registry, github-token for ghcr.io. Without them docker uses the
 * runner's own ~/.docker/config.json, as the registry client does (docs/behaviour.md#registry-authentication).
 */
export async function withRegistryAuth<T>(
  ctx: Pick<ProviderContext, 'inputs' | 'temps'>,
  ref: string,
  fn: (env?: Record<string, string>) => Promise<T>,
): Promise<T> {
  const registry = parseReference(ref).registry;
  const { inputs } = ctx;
  const token = registry.toLowerCase() === 'ghcr.io' ? inputs['github-token'] : '';
  const password = inputs['registry-password'] || token;
  if (!password) return await fn();
  const user = inputs['registry-username'] || process.env.GITHUB_ACTOR || 'x-access-token';
  const key = registry === 'docker.io' ? 'https://index.docker.io/v1/' : registry;
  const auth = Buffer.from(`${user}:${password}`).toString('base64');
  setSecret(auth);
  const dir = ctx.temps.dir('sindri-docker-config-');
  try {
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ auths: { [key]: { auth } } }), { mode: 0o600 });
    return await fn({ DOCKER_CONFIG: dir });
  } finally {
    ctx.temps.remove(dir);
  }
}
