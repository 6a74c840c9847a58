/**
 * The one place the DevPod integration tests choose what `devpod` is (issue 18):
 *   SINDRI_TEST_DEVPOD unset or `stand-in`  the stand-in (fakes/devpod.cjs, devpod v0.6.15 as read from
 *                                           its source): the default, and all this machine can run
 *   SINDRI_TEST_DEVPOD=real                 the REAL devpod CLI found on PATH, with its docker provider
 *                                           on the runner's Docker engine (GitHub's runners); without a
 *                                           devpod on PATH the test file fails at once with one message
 * Both ways the action finds a recording `devpod` first on PATH (fakes/recorder.cjs), so every test can
 * read the argv the action sent; with the real CLI the recorder hands each call on (fakes/devpod-real.cjs)
 * and the real CLI keeps its state in a private DEVPOD_HOME. What a workspace IS is read from the backend
 * (`workspace`): the stand-in's state, or the real `devpod list` / `status` and the Docker engine. kind
 * and k3d stay stand-ins either way.
 */
import { accessSync, constants, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { stringify } from 'yaml';
import { BASE_IMAGE, TEST_LABEL } from './docker.js';
import { exec } from './exec.js';
import { installFakes, type FakeCall, type Fakes } from './fakes.js';

export const BACKEND_VAR = 'SINDRI_TEST_DEVPOD';
export type DevpodBackendKind = 'stand-in' | 'real';

/** The backend SINDRI_TEST_DEVPOD asks for; anything else than the two names is an error, never a guess. */
export function devpodBackendKind(env: NodeJS.ProcessEnv = process.env): DevpodBackendKind {
  const v = env[BACKEND_VAR] ?? '';
  if (v === '' || v === 'stand-in') return 'stand-in';
  if (v === 'real') return 'real';
  throw new Error(`${BACKEND_VAR}=${v}: expected "real" (the devpod CLI on PATH) or "stand-in" (the default)`);
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The directories on PATH that hold an executable `devpod`. */
export function devpodDirs(path: string = process.env.PATH ?? ''): string[] {
  return path.split(delimiter).filter((d) => d && isExecutable(join(d, 'devpod')));
}

/** The real devpod for SINDRI_TEST_DEVPOD=real, or the one clear error. */
export function realDevpod(path: string = process.env.PATH ?? ''): string {
  const dir = devpodDirs(path)[0];
  if (!dir)
    throw new Error(
      `${BACKEND_VAR}=real, but no devpod is on PATH. Fix: install devpod v0.6.15 (https://github.com/loft-sh/devpod/releases/tag/v0.6.15) on PATH, or unset ${BACKEND_VAR} to run against the stand-in`,
    );
  return join(dir, 'devpod');
}

/** A workspace image our devcontainer.json can start (the real devpod and the Dev Containers CLI): its remoteUser `developer` exists. */
export function developerDockerfile(label: string): string {
  return [
    `FROM ${BASE_IMAGE}`,
    `LABEL ${TEST_LABEL}=${label}`,
    'RUN echo "developer:x:1000:1000:developer:/alt/home/developer:/bin/sh" >> /etc/passwd && echo "developer:x:1000:" >> /etc/group && mkdir -p /alt/home/developer && chown 1000:1000 /alt/home/developer',
    '',
  ].join('\n');
}

/** What a workspace is, as the backend shows it. */
export interface WorkspaceView {
  id: string;
  provider: string;
  /** devpod's record of the image it was given (`devContainerImage`), '' when none */
  image: string;
  devcontainerPath: string;
  state: string;
  /** what runs: stand-in, the image or the build devpod was asked for; real, the container's image and its labels */
  running?: { image?: string; build?: unknown; labels?: Record<string, string> };
  /** names of the workspace env devpod handed to the workspace */
  envNames: string[];
  /** changes whenever devpod creates what runs the workspace anew (the container) */
  generation?: string;
}

export interface DevpodBackend {
  readonly kind: DevpodBackendKind;
  readonly real: boolean;
  /** for the action: PATH with the recording devpod (and the kind and k3d stand-ins) first, and their state */
  readonly env: Record<string, string>;
  /** the kind and k3d stand-ins (either backend) */
  readonly fakes: Fakes;
  /** the stand-in's settings (fakes.setEnv), for a test that adds one of its own and puts them back */
  readonly standInSettings: Record<string, string>;
  /** calls by tool (`devpod`, `kind`, `k3d`), version probes left out */
  calls(tool?: string): FakeCall[];
  clearCalls(): void;
  workspace(id: string): Promise<WorkspaceView | undefined>;
  /** the option values devpod holds for a provider (undefined: not added) */
  providerOptions(name: string): Promise<Record<string, string> | undefined>;
  /** a provider devpod already holds with these options (real: a local provider file of that name, running on Docker) */
  seedProvider(name: string, options: Record<string, string>): Promise<void>;
  /** the next `up` fails (stand-in: with this message; real: the test's config must make Docker fail, e.g. a GPU) */
  failNextUp(message: string): void;
  /**
   * The next runs are on a FRESH runner: a new empty DEVPOD_HOME (the old one is deleted), as on a
   * GitHub-hosted runner, while what the provider runs (containers, pods) stays where it is.
   */
  newRunner(): void;
  /** what the provider runs for workspace `id`, whatever any runner's DEVPOD_HOME says (orphans included) */
  resources(id: string): Promise<ProviderResource[]>;
  /** PATH without any directory that holds a devpod (a run that must find none) */
  pathWithoutDevpod(): string;
  remove(): Promise<void>;
}

/** what the stand-in keeps under DEVPOD_HOME (stand-in.json): devpod's own records */
interface StandInHome {
  providers?: Record<string, { options: Record<string, string> }>;
  workspaces?: { id: string; uid: string; provider: string; image: string; devcontainerPath: string }[];
}

/** what the stand-in keeps with the provider (the shared state file): what the workspaces run, by runner id */
interface StandInShared {
  resources?: Record<
    string,
    { workspaceId: string; uid: string; provider: string; container: string; real?: boolean; running?: unknown; envNames?: string[] }
  >;
  failUp?: string;
}

/** A provider resource (container, pod, machine) devpod made for a workspace, found on the provider's side. */
export interface ProviderResource {
  workspaceId: string;
  /** the container's id (real engine), or the stand-in's generation */
  container: string;
}

/** devpod's docker driver's containers of workspace `id` on the engine: label dev.containers.id, env DEVPOD_WORKSPACE_ID (single.go) */
async function engineResources(id: string): Promise<ProviderResource[]> {
  const docker = async (args: string[]) => (await exec('docker', args, { allowFailure: true, timeoutMs: 60_000 })).stdout.trim();
  const out: ProviderResource[] = [];
  for (const c of (await docker(['ps', '-aq', '--no-trunc', '--filter', 'label=dev.containers.id'])).split('\n').filter(Boolean)) {
    const envs = await docker(['container', 'inspect', '--format', '{{json .Config.Env}}', c]);
    if ((JSON.parse(envs || '[]') as string[]).includes(`DEVPOD_WORKSPACE_ID=${id}`)) out.push({ workspaceId: id, container: c });
  }
  return out;
}

function withoutDevpod(path: string): string {
  const dirs = new Set(devpodDirs(path));
  return path
    .split(delimiter)
    .filter((d) => !dirs.has(d))
    .join(delimiter);
}

function standIn(tools: readonly string[]): DevpodBackend {
  const fakes = installFakes(['devpod', ...tools], withoutDevpod(process.env.PATH ?? ''));
  // the docker provider's workspaces are real containers on the engine (ssh --command runs in them),
  // labelled with this backend's owner id so that remove() finds every one, even one a race hid
  const owner = `${process.pid}-${Date.now().toString(36)}`;
  const standInSettings = { FAKE_DEVPOD_ENGINE: 'docker', FAKE_DEVPOD_OWNER: owner };
  fakes.setEnv(standInSettings);
  let home = mkdtempSync(join(tmpdir(), 'devpod-home-'));
  const env: Record<string, string> = { ...fakes.env, DEVPOD_HOME: home };
  const homeFile = () => join(home, 'stand-in.json');
  const local = (): StandInHome => (existsSync(homeFile()) ? (JSON.parse(readFileSync(homeFile(), 'utf8')) as StandInHome) : {});
  const shared = () => fakes.state<StandInShared>('devpod');
  const runnerId = (w: { id: string; uid: string }) => (w.uid.length === 16 || w.uid.length === 40 ? w.uid : w.id);
  return {
    kind: 'stand-in',
    real: false,
    env,
    fakes,
    standInSettings,
    calls: (tool) => fakes.calls(tool),
    clearCalls: () => fakes.clearCalls(),
    async workspace(id) {
      const w = local().workspaces?.find((x) => x.id === id);
      if (!w) return undefined;
      const r = shared().resources?.[runnerId(w)];
      let state = r ? 'Running' : 'NotFound';
      if (r?.real) {
        const s = await exec('docker', ['container', 'inspect', '--format', '{{.State.Running}}', r.container], { allowFailure: true });
        state = s.code !== 0 ? 'NotFound' : s.stdout.trim() === 'true' ? 'Running' : 'Stopped';
      }
      return {
        id,
        provider: w.provider,
        image: w.image,
        devcontainerPath: w.devcontainerPath,
        state,
        running: r?.running as WorkspaceView['running'],
        envNames: r?.envNames ?? [],
        generation: r?.container,
      };
    },
    async providerOptions(name) {
      return local().providers?.[name]?.options;
    },
    async seedProvider(name, options) {
      const h = local();
      writeFileSync(homeFile(), JSON.stringify({ ...h, providers: { ...h.providers, [name]: { options } } }));
    },
    failNextUp(message) {
      fakes.setState('devpod', { ...shared(), failUp: message });
    },
    newRunner() {
      rmSync(home, { recursive: true, force: true });
      home = mkdtempSync(join(tmpdir(), 'devpod-home-'));
      env.DEVPOD_HOME = home;
    },
    async resources(id) {
      // the docker provider's are real containers (found on the engine, as devpod would); the others the stand-in's
      const modelled = Object.values(shared().resources ?? {})
        .filter((r) => r.workspaceId === id && !r.real)
        .map((r) => ({ workspaceId: r.workspaceId, container: r.container }));
      return [...modelled, ...(await engineResources(id))];
    },
    pathWithoutDevpod: () => withoutDevpod(process.env.PATH ?? ''),
    async remove() {
      const mine = await exec('docker', ['ps', '-aq', '--filter', `label=sindri-devpod-stand-in=${owner}`], { allowFailure: true });
      const ids = mine.stdout.split('\n').filter(Boolean);
      if (ids.length > 0) await exec('docker', ['rm', '-f', ...ids], { allowFailure: true });
      rmSync(home, { recursive: true, force: true });
      fakes.remove();
    },
  };
}

/** A local provider file: devpod's docker provider under another name, with that provider's option names. */
function localProvider(name: string, options: Record<string, string>): string {
  return stringify({
    name,
    version: 'v0.0.1',
    description: `sindri tests: the ${name} option names on the runner's Docker engine`,
    options: { ...Object.fromEntries(Object.keys(options).map((k) => [k, { description: k }])), DOCKER_PATH: { default: 'docker' } },
    agent: { local: true, docker: { path: '${DOCKER_PATH}', install: false } },
    exec: { command: '"${DEVPOD}" helper sh -c "${COMMAND}"' },
  });
}

function real(tools: readonly string[]): DevpodBackend {
  const bin = realDevpod();
  const fakes = installFakes(['devpod-real', ...tools]);
  // the action runs `devpod`: the recorder hands it to the real binary
  renameSync(join(fakes.binDir, 'devpod-real'), join(fakes.binDir, 'devpod'));
  let home = mkdtempSync(join(tmpdir(), 'devpod-home-'));
  // the stand-in on PATH reads the real binary's path from its state dir (the action passes it no such variable)
  fakes.setEnv({ SINDRI_TEST_DEVPOD_BIN: bin });
  const env = { ...fakes.env, DEVPOD_HOME: home, DEVPOD_DISABLE_TELEMETRY: 'true' };
  const devpod = (args: string[]) =>
    exec(bin, args, { env: { DEVPOD_HOME: home, DEVPOD_DISABLE_TELEMETRY: 'true' }, allowFailure: true, timeoutMs: 600_000 });
  const json = async <T>(args: string[]): Promise<T | undefined> => {
    const r = await devpod(args);
    return r.code === 0 && r.stdout.trim() ? (JSON.parse(r.stdout) as T) : undefined;
  };
  const docker = async (args: string[]) => {
    const r = await exec('docker', args, { allowFailure: true, timeoutMs: 120_000 });
    return r.code === 0 ? r.stdout.trim() : '';
  };
  const list = async () =>
    (await json<{ id: string; uid: string; provider?: { name?: string }; devContainerImage?: string; devContainerPath?: string }[]>([
      'list',
      '--output',
      'json',
    ])) ?? [];
  const rename = (c: FakeCall): FakeCall => (c.tool === 'devpod-real' ? { ...c, tool: 'devpod' } : c);
  return {
    kind: 'real',
    real: true,
    env,
    fakes,
    standInSettings: { SINDRI_TEST_DEVPOD_BIN: bin },
    calls: (tool) => fakes.calls(tool === 'devpod' ? 'devpod-real' : tool).map(rename),
    clearCalls: () => fakes.clearCalls(),
    async workspace(id) {
      const w = (await list()).find((x) => x.id === id);
      if (!w) return undefined;
      const status = await json<{ state?: string }>(['status', id, '--output', 'json']);
      // the docker driver labels the container with the workspace's uid (pkg/devcontainer/single.go)
      const container = (await docker(['ps', '-aq', '--filter', `label=dev.containers.id=${w.uid}`])).split('\n')[0] || undefined;
      let running: WorkspaceView['running'];
      let envNames: string[] = [];
      if (container) {
        const image = await docker(['container', 'inspect', '--format', '{{.Config.Image}}', container]);
        const labels = JSON.parse((await docker(['image', 'inspect', '--format', '{{json .Config.Labels}}', image])) || 'null') as Record<
          string,
          string
        > | null;
        running = { image, labels: labels ?? {} };
        // devpod writes the workspace env into /etc/environment (pkg/devcontainer/setup PatchEtcEnvironmentFlags): names only are read
        envNames = (await docker(['exec', container, 'cat', '/etc/environment']))
          .split('\n')
          .map((l) => /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(l)?.[1])
          .filter((n): n is string => n !== undefined);
      }
      return {
        id,
        provider: w.provider?.name ?? '',
        image: w.devContainerImage ?? '',
        devcontainerPath: w.devContainerPath ?? '',
        state: status?.state ?? 'NotFound',
        running,
        envNames,
        generation: container,
      };
    },
    async providerOptions(name) {
      const all = await json<Record<string, { state?: { options?: Record<string, { value?: string }> } }>>([
        'provider',
        'list',
        '--output',
        'json',
      ]);
      const p = all?.[name];
      return p ? Object.fromEntries(Object.entries(p.state?.options ?? {}).map(([k, v]) => [k, v.value ?? ''])) : undefined;
    },
    async seedProvider(name, options) {
      const file = join(home, `${name}-provider.yaml`);
      writeFileSync(file, localProvider(name, options));
      const flags = Object.entries(options).flatMap(([k, v]) => ['-o', `${k}=${v}`]);
      const r = await devpod(['provider', 'add', file, ...flags]);
      if (r.code !== 0) throw new Error(`devpod provider add ${file} failed: ${r.stderr || r.stdout}`);
    },
    failNextUp() {
      // nothing to arrange: the real engine refuses what the test's config asks for
    },
    newRunner() {
      rmSync(home, { recursive: true, force: true });
      home = mkdtempSync(join(tmpdir(), 'devpod-home-'));
      env.DEVPOD_HOME = home;
    },
    resources: engineResources,
    pathWithoutDevpod: () => withoutDevpod(process.env.PATH ?? ''),
    async remove() {
      for (const w of await list()) {
        await devpod(['delete', w.id, '--force']);
        await docker(['volume', 'rm', '-f', `${w.id}_home`]);
      }
      // what earlier runners (an older DEVPOD_HOME) left
      for (const c of (await docker(['ps', '-aq', '--filter', 'label=dev.containers.id'])).split('\n').filter(Boolean)) {
        const labels = await docker(['container', 'inspect', '--format', '{{json .Config.Labels}}', c]);
        if (labels.includes('sh.sindri.deploy')) await docker(['rm', '-f', c]);
      }
      rmSync(home, { recursive: true, force: true });
      fakes.remove();
    },
  };
}

/** The backend SINDRI_TEST_DEVPOD names, with the kind/k3d stand-ins the tests also need. */
export function devpodBackend(tools: readonly string[] = ['kind', 'k3d']): DevpodBackend {
  return devpodBackendKind() === 'real' ? real(tools) : standIn(tools);
}
