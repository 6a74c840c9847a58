/**
 * What every provider that builds on the runner needs: the facts a built image is labelled with
 * (`org.opencontainers.image.source` / `revision`, whether buildx is there), and registry credentials
 * for a push or a pull handed to docker in a throw-away DOCKER_CONFIG.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSecretEnv, Docker, type BuildSpec } from '../../external/docker.js';
import { GHA_CACHE_TOKEN } from '../../external/env.js';
import { buildKitInputsGiven, type BuildKitInputs } from '../../image/build-inputs.js';
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

/** The BuildKit part of a build spec: the cache lines and the secret ids (the values stay in the inputs). */
export function buildKitSpec(inputs: BuildKitInputs): Pick<BuildSpec, 'cacheFrom' | 'cacheTo' | 'secretIds'> {
  return { cacheFrom: inputs['cache-from'], cacheTo: inputs['cache-to'], secretIds: inputs['build-secrets'].map((s) => s.id) };
}

/** What the plan says about a build's caches and secrets: which, and where a secret goes (never its value). */
export function buildKitNotes(
  spec: Pick<BuildSpec, 'cacheFrom' | 'cacheTo' | 'secretIds'>,
  env: NodeJS.ProcessEnv = process.env,
): string[] {
  const notes: string[] = [];
  const lines = (c: BuildSpec['cacheFrom']) => c.map((l) => l.line).join('; ');
  if (spec.cacheFrom.length) notes.push(`build cache read from ${lines(spec.cacheFrom)}`);
  if (spec.cacheTo.length) {
    notes.push(
      `build cache written to ${lines(spec.cacheTo)}` +
        (spec.cacheTo.some((c) => c.type !== 'inline')
          ? ' — exporting a cache needs a builder that can: a docker-container builder (docker/setup-buildx-action) or an engine with the containerd image store; the classic engine’s own builder refuses'
          : ''),
    );
  }
  const gha = [...spec.cacheFrom, ...spec.cacheTo].some((c) => c.type === 'gha');
  if (gha && !(env[GHA_CACHE_TOKEN] && (env.ACTIONS_RESULTS_URL || env.ACTIONS_CACHE_URL)))
    notes.push(
      'type=gha: the runner’s cache service (ACTIONS_RUNTIME_TOKEN with ACTIONS_RESULTS_URL or ACTIONS_CACHE_URL) is not in this environment, so buildx skips that cache',
    );
  else if (gha)
    notes.push(
      'type=gha: buildx is handed the runner’s cache service variables (ACTIONS_*: the cache URL and the masked runtime token), and no other ACTIONS_* variable',
    );
  if (spec.secretIds.length)
    notes.push(
      `build secrets ${spec.secretIds.map((id, i) => `${id} (${buildSecretEnv(i)})`).join(', ')}: each value reaches buildx only in its own environment, and BuildKit mounts it at /run/secrets/<id> for the RUN steps that ask (RUN --mount=type=secret,id=<id>); never in a layer, the command line, a log line or a file`,
    );
  return notes;
}

/** A failed build's fix, plus what to do when the builder cannot export the cache asked for. */
export function buildFix(spec: Pick<BuildSpec, 'cacheTo'>, fix: string): string {
  if (!spec.cacheTo.some((c) => c.type !== 'inline')) return fix;
  return `${fix}; if it says cache export is not supported for the docker driver, build with a docker-container builder (docker/setup-buildx-action before this step) or drop cache-to`;
}

/** The note of a provider that does not build with BuildKit on the runner, when those inputs are given. */
export function unusedBuildKitInputs(inputs: Partial<BuildKitInputs>, why: string): string[] {
  const given = buildKitInputsGiven(inputs);
  return given.length ? [`${given.join(', ')} ${given.length > 1 ? 'are' : 'is'} not used: ${why}`] : [];
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
