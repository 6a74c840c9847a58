/**
 * Helpers for tests and benchmarks on the real Docker engine and the loopback registry
 * (127.0.0.1:5000): fail loudly when a service is missing, push images and read their registry
 * digest, list and remove what a test created by name, and build the SindriConfig / Inputs /
 * ImageDecision a provider is handed. Used by provider-level and action-level tests alike.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { commandsSince, exec } from './exec.js';
import { loadConfigText } from '../../src/config/load.js';
import type { ImageConfig, SecretSpec, SindriConfig } from '../../src/config/types.js';
import { MANIFEST_ACCEPT, type ImageDecision } from '../../src/image/types.js';

export const REGISTRY = '127.0.0.1:5000';
export const BASE_IMAGE = 'local/busybox:base';
/** every manifest type, so distribution 2.8 returns the stored manifest and its real digest */
export { MANIFEST_ACCEPT };

/** `docker …` → stdout; throws with stderr on failure. Quiet unless it fails. */
export async function docker(args: string[], opts: { cwd?: string; input?: string } = {}): Promise<string> {
  const r = await exec('docker', args, { ...opts, allowFailure: true, timeoutMs: 300_000 });
  if (r.code !== 0) throw new Error(`docker ${args.join(' ')} failed (${r.code}): ${r.stderr || r.stdout}`);
  return r.stdout.trim();
}

/**
 * A docker CLI config in `dir` whose current context is a context of its own (on the same local
 * socket): the docker CLI then uses that context, so the action must ask the CLI too (ADR 0048's
 * fallback). Returns `dir`, for DOCKER_CONFIG.
 */
export async function cliContextConfig(dir: string): Promise<string> {
  await docker(['--config', dir, 'context', 'create', 'sindri-it', '--docker', 'host=unix:///var/run/docker.sock']);
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ currentContext: 'sindri-it' }));
  return dir;
}

/** Throws (never skips) when the engine, compose or the registry is not there. */
export async function requireServices(): Promise<void> {
  try {
    await docker(['info', '--format', '{{.ServerVersion}}']);
    await docker(['compose', 'version', '--short']);
  } catch (e) {
    throw new Error(`the Docker engine (with the compose plugin) is required for these tests: ${(e as Error).message}`);
  }
  const r = await fetch(`http://${REGISTRY}/v2/`).catch((e: unknown) => e as Error);
  if (r instanceof Error || !r.ok) throw new Error(`the registry at ${REGISTRY} is required for these tests (start it as .ci/run does)`);
  await docker(['image', 'inspect', '--format', '{{.Id}}', BASE_IMAGE]).catch(() => {
    throw new Error(`${BASE_IMAGE} is required for these tests (built by the CI services setup)`);
  });
}

/** The digest the registry reports for `repo:tag` (manifest HEAD with every manifest type). */
export async function registryDigest(repository: string, tag: string): Promise<string> {
  const r = await fetch(`http://${REGISTRY}/v2/${repository}/manifests/${tag}`, { method: 'HEAD', headers: { Accept: MANIFEST_ACCEPT } });
  const digest = r.headers.get('docker-content-digest');
  if (!r.ok || !digest) throw new Error(`HEAD ${repository}:${tag} on ${REGISTRY}: ${r.status}`);
  return digest;
}

/** A unique, valid sindri `name` for one test file (`^[a-z][a-z0-9-]*$`). */
export function uniqueName(prefix: string): string {
  return `${prefix}-${process.pid.toString(36)}${Date.now().toString(36).slice(-4)}`;
}

/** Build an image from Dockerfile text (host network: no bridge here); returns the image id. */
export async function buildImage(tag: string, dockerfile: string, files: Record<string, string> = {}): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'sindri-img-'));
  writeFileSync(join(dir, 'Dockerfile'), dockerfile);
  for (const [n, c] of Object.entries(files)) writeFileSync(join(dir, n), c);
  await docker(['build', '-q', '--network', 'host', '-t', tag, dir]);
  return await docker(['image', 'inspect', '--format', '{{.Id}}', tag]);
}

/** Tag a local image into the loopback registry and push it; returns `{ref, digest}` as the registry reports. */
export async function pushImage(localRef: string, repository: string, tag: string): Promise<{ ref: string; digest: string; repo: string }> {
  const ref = `${REGISTRY}/${repository}:${tag}`;
  await docker(['tag', localRef, ref]);
  await docker(['push', '-q', ref]);
  return { ref, digest: await registryDigest(repository, tag), repo: `${REGISTRY}/${repository}` };
}

export const TEST_LABEL = 'org.sindri.deploy-action.test';

/**
 * A base for test Dockerfiles that stays up (`sleep`) and is healthy at once; pushed so `--pull`
 * works. It carries `TEST_LABEL=<label>`, inherited by every image built from it, so
 * `removeLabelledImages(label)` also finds the untagged leftovers of rebuilds.
 */
export async function pushTestBase(repository: string, label: string): Promise<{ ref: string; digest: string; repo: string }> {
  const local = `${repository.replace(/\//g, '-')}:build`;
  await buildImage(local, testDockerfile(BASE_IMAGE, { extra: `LABEL ${TEST_LABEL}=${label}` }));
  const pushed = await pushImage(local, repository, '1.0.0');
  await docker(['rmi', local]);
  return pushed;
}

export function testDockerfile(from: string, opts: { healthcheck?: boolean; cmd?: string[]; extra?: string } = {}): string {
  return [
    `FROM ${from}`,
    opts.healthcheck === false ? '' : 'HEALTHCHECK --interval=1s --timeout=3s --retries=3 CMD ["true"]',
    opts.extra ?? '',
    // PID 1 must stop on SIGTERM, or every compose down waits 10 s for the kill
    `CMD ${JSON.stringify(opts.cmd ?? ['sh', '-c', "trap 'exit 0' TERM; sleep 86400 & wait"])}`,
    '',
  ]
    .filter((l, i, a) => l !== '' || i === a.length - 1)
    .join('\n');
}

export interface ContainerRow {
  id: string;
  name: string;
  state: string;
  image: string;
}

/** Containers whose name is exactly `name` (running or not). */
export async function containersByName(name: string): Promise<ContainerRow[]> {
  const out = await docker(['ps', '-a', '--no-trunc', '--filter', `name=^/${name}$`, '--format', '{{json .}}']);
  return out
    .split('\n')
    .filter(Boolean)
    .map((l) => {
      const j = JSON.parse(l) as { ID: string; Names: string; State: string; Image: string };
      return { id: j.ID, name: j.Names, state: j.State, image: j.Image };
    });
}

export async function volumeExists(name: string): Promise<boolean> {
  return (await exec('docker', ['volume', 'inspect', name], { allowFailure: true })).code === 0;
}

/** Everything carrying the compose project label. */
export async function projectResources(project: string): Promise<{ containers: string[]; volumes: string[]; networks: string[] }> {
  const label = `label=com.docker.compose.project=${project}`;
  const list = async (args: string[]) => (await docker([...args, '--filter', label])).split('\n').filter(Boolean);
  return {
    containers: await list(['ps', '-aq']),
    volumes: await list(['volume', 'ls', '-q']),
    networks: await list(['network', 'ls', '-q']),
  };
}

export async function imageInspect(
  ref: string,
): Promise<{ Id: string; RepoDigests: string[]; Config: { Labels: Record<string, string> | null } } | undefined> {
  const r = await exec('docker', ['image', 'inspect', '--format', '{{json .}}', ref], { allowFailure: true });
  return r.code === 0 ? JSON.parse(r.stdout) : undefined;
}

export async function containerInspect(
  name: string,
): Promise<{ Id: string; Image: string; Config: { Env: string[]; Image: string; Labels: Record<string, string> | null } } | undefined> {
  const r = await exec('docker', ['container', 'inspect', '--format', '{{json .}}', name], { allowFailure: true });
  return r.code === 0 ? JSON.parse(r.stdout) : undefined;
}

/** Remove, by name, whatever a test created; missing things are fine. */
export async function cleanup(what: { containers?: string[]; projects?: string[]; volumes?: string[]; images?: string[] }): Promise<void> {
  const quiet = (args: string[]) => exec('docker', args, { allowFailure: true, timeoutMs: 120_000 });
  for (const c of what.containers ?? []) await quiet(['rm', '-f', '-v', c]);
  for (const p of what.projects ?? []) {
    const res = await projectResources(p);
    if (res.containers.length) await quiet(['rm', '-f', '-v', ...res.containers]);
    if (res.volumes.length) await quiet(['volume', 'rm', '-f', ...res.volumes]);
    if (res.networks.length) await quiet(['network', 'rm', ...res.networks]);
  }
  for (const v of what.volumes ?? []) await quiet(['volume', 'rm', '-f', v]);
  for (const i of what.images ?? []) await quiet(['rmi', '-f', i]);
}

/** Remove every image carrying `TEST_LABEL=<label>` (tagged or not). */
export async function removeLabelledImages(label: string): Promise<void> {
  const ids = [...new Set((await docker(['image', 'ls', '-aq', '--filter', `label=${TEST_LABEL}=${label}`])).split('\n').filter(Boolean))];
  if (ids.length > 0) await exec('docker', ['rmi', '-f', ...ids], { allowFailure: true, timeoutMs: 120_000 });
}

/** All image references (`repo:tag`) of a repository prefix, for cleanup of built/pulled images. */
export async function imagesOf(repository: string): Promise<string[]> {
  const out = await docker(['image', 'ls', '--format', '{{.Repository}}:{{.Tag}}@{{.ID}}', repository]);
  return out
    .split('\n')
    .filter(Boolean)
    .flatMap((l) => {
      const [ref, id] = l.split('@');
      return ref!.endsWith(':<none>') ? [id!] : [ref!];
    });
}

/** `docker build` runs recorded by the tests' exec wrapper since `from` (an index into its history). */
export function buildsSince(from: number): number {
  return commandsSince(from).filter((a) => a[0] === 'docker' && (a[1] === 'build' || (a[1] === 'buildx' && a[2] === 'build'))).length;
}

// ---- what a provider is handed -------------------------------------------------------------

export interface TestConfigOptions {
  name: string;
  dir: string;
  image?: string;
  image_config?: Partial<ImageConfig> & { registry: string };
  resources?: SindriConfig['deployment']['resources'];
  extensions?: Partial<SindriConfig['extensions']>;
  secrets?: (Partial<SecretSpec> & { name: string })[];
  docker?: Record<string, unknown>;
}

/** A real sindri.yaml on disk, loaded by the real loader (so locate() and defaults are the loader's). */
export function testConfig(o: TestConfigOptions): SindriConfig {
  const raw: Record<string, unknown> = {
    version: '3.0',
    name: o.name,
    deployment: {
      provider: 'docker',
      ...(o.image ? { image: o.image } : {}),
      ...(o.image_config ? { image_config: { verify_signature: false, verify_provenance: false, ...o.image_config } } : {}),
      ...(o.resources ? { resources: o.resources } : {}),
    },
    extensions: o.extensions ?? { profile: 'minimal' },
    ...(o.secrets ? { secrets: o.secrets.map((s) => ({ source: 'env', ...s })) } : {}),
    providers: { docker: o.docker ?? { network: 'host' } },
  };
  const text = stringify(raw);
  const path = join(o.dir, 'sindri.yaml');
  writeFileSync(path, text);
  return loadConfigText(text, { file: 'sindri.yaml', path, dir: o.dir, schema: false }).config;
}

export { testInputs } from './inputs.js';

/** The decision the resolution engine hands over for a prebuilt image pinned to `digest`. */
export function pinnedDecision(
  repo: string,
  tag: string,
  digest: string,
  source: ImageDecision['source'] = 'config-version',
): ImageDecision {
  const [registry, ...path] = repo.split('/');
  return {
    source,
    ref: `${repo}:${tag}`,
    parsed: { registry: registry!, repository: path.join('/'), tag },
    trace: [],
    deployRef: `${repo}@${digest}`,
    digest,
    build: false,
  };
}

/** The decision for rule 8: build `dockerfile` as `<name>:<sha>`. */
export function buildDecision(name: string, dockerfile: string, tag: string): ImageDecision {
  return {
    source: 'dockerfile',
    ref: `${name}:${tag}`,
    parsed: { registry: 'docker.io', repository: `library/${name}`, tag },
    dockerfile,
    trace: [],
    deployRef: `${name}:${tag}`,
    digest: '',
    build: true,
  };
}
