/**
 * The `docker` CLI (engine, buildx, compose v2). Every operation is a method that assembles argv
 * and calls one private `execute` over src/external/exec.ts. The argv builders are exported as
 * `dockerArgv` so the plan prints exactly the commands deploy runs. The short reads and the deploy
 * lock's create and remove go to the Engine API in-process instead (docker-engine.ts, ADR 0048)
 * where the CLI would use the local socket as is; the choice is made here, once per instance.
 */
import { isDeadlineExceeded } from '../deadline.js';
import { ActionError } from '../errors.js';
import { info } from '../runner.js';
import {
  DockerEngine,
  EngineTimeout,
  engineLine,
  engineMessage,
  pathSegment,
  resolveDockerEngine,
  type EngineAnswer,
} from './docker-engine.js';
import type { Exec, ExecOptions, ExecResult } from './exec.js';
import type { CacheLine } from '../image/build-inputs.js';
import { CLOUD_ENV, ghaCacheEnv, type EnvPass } from './env.js';

export interface BuildSpec {
  /** `-f`, relative to cwd */
  dockerfile: string;
  context: string;
  tag: string;
  labels: Record<string, string>;
  buildArgs: Record<string, string>;
  noCache: boolean;
  pull: boolean;
  /** `--network host` (engines without a bridge, or a deployment on the host network) */
  hostNetwork: boolean;
  /** `docker buildx build --load` when buildx is there, else the classic `docker build` */
  buildx: boolean;
  /** `--cache-from` / `--cache-to`, each line as the input gave it (buildx only) */
  cacheFrom: readonly CacheLine[];
  cacheTo: readonly CacheLine[];
  /** `--secret id=<id>,env=<buildSecretEnv(i)>`: the ids only; the values reach buildx in its environment */
  secretIds: readonly string[];
}

/** The variable that carries the i-th build secret's value to buildx (set for that one process only). */
export function buildSecretEnv(i: number): string {
  return `SINDRI_BUILD_SECRET_${i + 1}`;
}

/** Whether a build needs BuildKit features the classic builder lacks (caches, secrets). */
export function needsBuildKit(spec: Pick<BuildSpec, 'cacheFrom' | 'cacheTo' | 'secretIds'>): boolean {
  return spec.cacheFrom.length + spec.cacheTo.length + spec.secretIds.length > 0;
}

export interface ComposeTarget {
  /** the compose file, relative to cwd (or absolute) */
  file: string;
  project: string;
}

export interface UpOptions {
  waitTimeoutSeconds: number;
  forceRecreate: boolean;
}

/** Pure argv builders: shared by `Docker` and by the provider's plan. */
export const dockerArgv = {
  pull: (ref: string): string[] => ['pull', ref],
  push: (ref: string): string[] => ['push', ref],
  imageInspect: (ref: string): string[] => ['image', 'inspect', '--format', '{{json .}}', ref],
  /** a container and an image in one process: read by `pairInspect` */
  inspectPair: (name: string, ref: string): string[] => ['inspect', '--format', '{{json .}}', name, ref],
  build(spec: BuildSpec): string[] {
    // caches and secrets are BuildKit's: the install phase puts buildx there whenever they are asked for
    const args = spec.buildx || needsBuildKit(spec) ? ['buildx', 'build', '--load'] : ['build'];
    if (spec.noCache) args.push('--no-cache');
    if (spec.pull) args.push('--pull');
    if (spec.hostNetwork) args.push('--network', 'host');
    args.push('-f', spec.dockerfile, '-t', spec.tag);
    for (const [k, v] of Object.entries(spec.labels)) args.push('--label', `${k}=${v}`);
    for (const [k, v] of Object.entries(spec.buildArgs)) args.push('--build-arg', `${k}=${v}`);
    for (const c of spec.cacheFrom) args.push('--cache-from', c.line);
    for (const c of spec.cacheTo) args.push('--cache-to', c.line);
    spec.secretIds.forEach((id, i) => args.push('--secret', `id=${id},env=${buildSecretEnv(i)}`));
    args.push(spec.context);
    return args;
  },
  compose: (t: ComposeTarget, ...rest: string[]): string[] => ['compose', '-f', t.file, '-p', t.project, ...rest],
  up(t: ComposeTarget, o: UpOptions): string[] {
    return dockerArgv.compose(
      t,
      'up',
      '-d',
      '--wait',
      '--wait-timeout',
      String(o.waitTimeoutSeconds),
      '--remove-orphans',
      ...(o.forceRecreate ? ['--force-recreate'] : []),
    );
  },
  down(t: ComposeTarget, volumes: boolean): string[] {
    return dockerArgv.compose(t, 'down', '--remove-orphans', ...(volumes ? ['--volumes'] : []));
  },
  logs: (t: ComposeTarget, tail: number): string[] => dockerArgv.compose(t, 'logs', '--no-color', '--timestamps', '--tail', String(tail)),
  /** every container (running or not) carrying `label` (`key=value`), as `ID<TAB>state<TAB>value of label key show` */
  containersByLabel: (label: string, show: string): string[] => [
    'ps',
    '-a',
    '--no-trunc',
    '--filter',
    `label=${label}`,
    '--format',
    `{{.ID}}\t{{.State}}\t{{.Label "${show}"}}`,
  ],
  removeContainers: (ids: readonly string[]): string[] => ['container', 'rm', '-f', ...ids],
  /**
   * every container (running or not) of a compose project that compose itself lists (it carries a
   * config hash label, compose's own filter), as `name<TAB>state<TAB>service label<TAB>one-off label`
   */
  projectContainers: (project: string): string[] => [
    'ps',
    '-a',
    '--no-trunc',
    '--filter',
    `label=com.docker.compose.project=${project}`,
    '--filter',
    'label=com.docker.compose.config-hash',
    '--format',
    '{{.Names}}\t{{.State}}\t{{.Label "com.docker.compose.service"}}\t{{.Label "com.docker.compose.oneoff"}}',
  ],
};

/** The Engine API requests of the in-process path (ADR 0048): shared by `Docker` and by the provider's plan. */
export const enginePaths = {
  info: (): string => '/info',
  container: (name: string): string => `/containers/${pathSegment(name)}/json`,
  image: (ref: string): string => `/images/${pathSegment(ref)}/json`,
  create: (name: string): string => `/containers/create?${new URLSearchParams({ name }).toString()}`,
  remove: (name: string): string => `/containers/${pathSegment(name)}?force=true`,
  /** what `dockerArgv.containersByLabel` lists: `docker ps -a` with the one label filter (`key=value`) */
  containersByLabel: (label: string): string => listedWith([label]),
  /** what `dockerArgv.projectContainers` lists: `docker ps -a` with the same two label filters */
  projectContainers: (project: string): string => listedWith([`com.docker.compose.project=${project}`, 'com.docker.compose.config-hash']),
};

/** GET /containers/json of every container, running or not (`docker ps -a`), carrying all of `labels`. */
function listedWith(labels: readonly string[]): string {
  return `/containers/json?${new URLSearchParams({ all: 'true', filters: JSON.stringify({ label: labels }) }).toString()}`;
}

/** `docker container create`'s answer for the lock: made, the name taken, or another failure (its last line). */
export type MarkerResult = { made: true } | { conflict: true } | { failed: string };

/** Why the name is taken, from `docker container create`'s error: a conflict, or something else. */
export function isNameConflict(stderr: string): boolean {
  return /Conflict\. The container name .* is already in use|is already in use by container/i.test(stderr);
}

export interface ContainerState {
  id: string;
  name: string;
  /** image id (`sha256:…` of the config) */
  imageId: string;
  /** the reference it was created from */
  imageRef: string;
  status: string;
  running: boolean;
  restartCount: number;
  /** undefined when the image has no healthcheck */
  health?: string;
  labels: Record<string, string>;
  env: string[];
}

/** A container found by a label: its id, whether it runs, and the value of the label asked to show ('' when it has none). */
export interface LabelledContainer {
  id: string;
  running: boolean;
  shown: string;
}

/** A container of a compose project, as `docker ps` lists it (what compose reads to find orphans). */
export interface ProjectContainer {
  name: string;
  /** `running`, `exited`, `dead`, `created`, … */
  state: string;
  /** the `com.docker.compose.service` label ('' when none) */
  service: string;
  /** the `com.docker.compose.oneoff` label (`True` for `compose run` containers, '' when none) */
  oneoff: string;
}

export interface ImageState {
  id: string;
  repoDigests: string[];
  repoTags: string[];
}

export interface EngineInfo {
  runtimes: string[];
  cpus: number;
  serverVersion: string;
}

/** What docker, buildx and compose read (engine address, config, TLS), and cloud credentials for credential helpers. */
export const DOCKER_ENV: EnvPass = [/^DOCKER_/, /^BUILDX_/, /^BUILDKIT_/, /^COMPOSE_/, ...CLOUD_ENV];

interface RawContainer {
  Id: string;
  Name: string;
  Image: string;
  RestartCount?: number;
  State: { Status: string; Running: boolean; Health?: { Status: string } };
  Config: { Image: string; Labels?: Record<string, string> | null; Env?: string[] | null };
}

interface RawImage {
  Id: string;
  RepoDigests?: string[] | null;
  RepoTags?: string[] | null;
}

function containerStateOf(j: RawContainer): ContainerState {
  const state: ContainerState = {
    id: j.Id,
    name: j.Name.replace(/^\//, ''),
    imageId: j.Image,
    imageRef: j.Config.Image,
    status: j.State.Status,
    running: j.State.Running,
    restartCount: j.RestartCount ?? 0,
    labels: j.Config.Labels ?? {},
    env: j.Config.Env ?? [],
  };
  if (j.State.Health) state.health = j.State.Health.Status;
  return state;
}

function imageStateOf(j: RawImage): ImageState {
  return { id: j.Id, repoDigests: j.RepoDigests ?? [], repoTags: j.RepoTags ?? [] };
}

export interface ContainerAndImage {
  container: ContainerState | undefined;
  image: ImageState | undefined;
}

/** `pairInspect`'s answer for a ref that named a container: the image is not known from this call. */
export const ASK_IMAGE = 'ask the image on its own';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Read `docker inspect --format '{{json .}}' <name> <ref>` (no `--type`: the CLI asks each argument
 * as a container, then an image, then a network, a volume, …, and prints the first object found, one
 * line per argument found, in argument order; each argument found as nothing gets `Error: No such
 * object: <arg>` on stderr and the exit code is 1). So: the lines belong to the arguments stderr
 * does not name, in order; `name` found as anything but a container means no container has that name
 * (containers are asked first); `ref` found as a container says nothing of the image (ASK_IMAGE), as
 * a network or volume means no image has that name. Undefined when the answer does not add up (another
 * error, a line count that does not match, JSON that is neither): the caller asks each on its own.
 */
export function pairInspect(
  r: Pick<ExecResult, 'code' | 'stdout' | 'stderr'>,
  name: string,
  ref: string,
): { container: ContainerState | undefined; image: ImageState | undefined | typeof ASK_IMAGE } | undefined {
  if (name === ref) return undefined;
  const missing = new Set<string>();
  for (const line of r.stderr.split('\n').filter((l) => l.trim() !== '')) {
    const m = /^Error: No such object: (.+)$/.exec(line.trim());
    if (!m) return undefined;
    missing.add(m[1]!);
  }
  if (r.code !== 0 && missing.size === 0) return undefined;
  if (r.code === 0 && missing.size > 0) return undefined;
  const found = [name, ref].filter((a) => !missing.has(a));
  if (missing.size + found.length !== 2) return undefined;
  let objects: unknown[];
  try {
    objects = r.stdout
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as unknown);
  } catch {
    return undefined;
  }
  if (objects.length !== found.length || !objects.every(isObject)) return undefined;
  const of = (arg: string): Record<string, unknown> | undefined => {
    const i = found.indexOf(arg);
    return i < 0 ? undefined : (objects[i] as Record<string, unknown>);
  };
  const isContainer = (j: Record<string, unknown>): boolean => isObject(j.State) && isObject(j.Config) && typeof j.Name === 'string';
  const isImage = (j: Record<string, unknown>): boolean => typeof j.Id === 'string' && 'RepoTags' in j && !('State' in j);
  const c = of(name);
  const i = of(ref);
  const container = c && isContainer(c) ? containerStateOf(c as unknown as RawContainer) : undefined;
  if (!i) return { container, image: undefined };
  if (isContainer(i)) return { container, image: ASK_IMAGE };
  return { container, image: isImage(i) ? imageStateOf(i as unknown as RawImage) : undefined };
}

export class Docker {
  /** `host`: an engine address other than the runner's own (DOCKER_HOST for every call), e.g. a devpod provider's option */
  constructor(
    private readonly exec: Exec,
    private readonly cwd?: string,
    private readonly host?: string,
  ) {}

  private async execute(args: string[], opts: ExecOptions = {}): Promise<ExecResult> {
    const env = this.host ? { ...opts.env, DOCKER_HOST: this.host } : opts.env;
    return await this.exec.run('docker', args, { cwd: this.cwd, pass: DOCKER_ENV, ...opts, env });
  }

  private chosen?: { engine: DockerEngine } | { reason: string };

  /**
   * The engine in-process where the CLI would use the local socket as is (resolved once, as the CLI
   * resolves it: docker-engine.ts); undefined when the CLI is asked instead, said once in the log.
   */
  private engine(): DockerEngine | undefined {
    if (!this.chosen) {
      const r = resolveDockerEngine(process.env, this.host);
      this.chosen = r.ok ? { engine: new DockerEngine(r) } : { reason: r.reason };
      if (!r.ok) info(`docker engine reads through the docker CLI (${r.reason}, which this action leaves to the CLI)`);
    }
    return 'engine' in this.chosen ? this.chosen.engine : undefined;
  }

  /** Whether the short reads and the lock go to the Engine API in-process (the plan lists them so). */
  get inProcess(): boolean {
    return this.engine() !== undefined;
  }

  /**
   * One Engine API request within `timeoutMs`, capped by the run's deadline as exec caps a command:
   * past the deadline it fails with the deadline's error, past its own time with one line, as the
   * command would have. An engine that cannot be reached is an error (`fix`), never an answer.
   */
  private async ask(
    engine: DockerEngine,
    method: 'GET' | 'POST' | 'DELETE',
    path: string,
    opts: { timeoutMs: number; body?: unknown; fix?: string },
  ): Promise<EngineAnswer> {
    const clock = this.exec.deadline;
    const { timeoutMs, capped } = clock.cap(opts.timeoutMs, `the Docker engine could be asked (${method} ${path})`);
    const shown = engineLine(method, path);
    info(shown);
    const started = Date.now();
    try {
      return await engine.request(method, path, timeoutMs, opts.body);
    } catch (e) {
      if (e instanceof EngineTimeout) {
        if (capped) throw clock.stopped(shown, Date.now() - started);
        throw new ActionError(`\`${shown}\` did not answer within ${Math.round(timeoutMs / 1000)} s and was stopped`, {
          fix: opts.fix ?? 'check the Docker engine (docker info), or raise the input timeout',
        });
      }
      throw new ActionError(`the Docker engine at ${engine.address} could not be reached (${method} ${path}): ${(e as Error).message}`, {
        fix: opts.fix ?? ENGINE_FIX,
      });
    }
  }

  /** A GET whose 404 means "not there" (undefined); any other answer but 200 is an error. */
  private async read<T>(engine: DockerEngine, path: string, timeoutMs: number, fix?: string): Promise<T | undefined> {
    const a = await this.ask(engine, 'GET', path, { timeoutMs, fix });
    if (a.status === 404) return undefined;
    if (a.status !== 200) throw engineRefused('GET', path, a, fix);
    return JSON.parse(a.body) as T;
  }

  /** A GET of a container list (GET /containers/json?…): any answer but 200 is an error. */
  private async list(engine: DockerEngine, path: string, opts: { timeoutMs: number; fix?: string }): Promise<RawListed[]> {
    const a = await this.ask(engine, 'GET', path, opts);
    if (a.status !== 200) throw engineRefused('GET', path, a, opts.fix);
    return JSON.parse(a.body) as RawListed[];
  }

  /** `docker info` (GET /info in-process): runtimes (sysbox), CPU count; fails clearly when no engine answers. */
  async info(opts: { timeoutMs?: number } = {}): Promise<EngineInfo> {
    const fix = 'start the Docker engine on the runner (or set DOCKER_HOST), or use mode: plan to render without an engine';
    const engine = this.engine();
    type Info = { Runtimes?: Record<string, unknown>; NCPU?: number; ServerVersion?: string };
    let j: Info | undefined;
    if (engine) {
      j = await this.read<Info>(engine, enginePaths.info(), opts.timeoutMs ?? 30_000, fix);
      if (!j) throw engineRefused('GET', enginePaths.info(), { status: 404, body: '' }, fix);
    } else {
      const r = await this.execute(['info', '--format', '{{json .}}'], { timeoutMs: opts.timeoutMs ?? 30_000, fix });
      j = JSON.parse(r.stdout) as Info;
    }
    return { runtimes: Object.keys(j.Runtimes ?? {}), cpus: j.NCPU ?? 1, serverVersion: j.ServerVersion ?? '' };
  }

  /**
   * `docker compose version --short`, failing with a fix when the compose v2 plugin is missing or
   * older than 2.24 (the generated file uses `env_file` with `required: false`). A provider that has
   * the version from the install phase calls `requireRecentCompose` instead of starting this process.
   */
  async composeVersion(): Promise<string> {
    const r = await this.execute(['compose', 'version', '--short'], { timeoutMs: 30_000, fix: COMPOSE_FIX });
    return requireRecentCompose(r.stdout.trim());
  }

  async buildxAvailable(): Promise<boolean> {
    const r = await this.execute(['buildx', 'version'], { allowFailure: true, timeoutMs: 30_000 }).catch((e: unknown) => {
      if (isDeadlineExceeded(e)) throw e;
      return undefined;
    });
    return r !== undefined && r.code === 0;
  }

  async imageInspect(ref: string): Promise<ImageState | undefined> {
    const engine = this.engine();
    if (engine) {
      const j = await this.read<RawImage>(engine, enginePaths.image(ref), 30_000);
      return j && imageStateOf(j);
    }
    const r = await this.execute(dockerArgv.imageInspect(ref), { allowFailure: true, timeoutMs: 30_000 });
    if (r.code !== 0) return undefined;
    return imageStateOf(JSON.parse(r.stdout) as RawImage);
  }

  /**
   * What runs under the container's name and whether image `ref` is on the engine, in one process
   * (`docker inspect <name> <ref>`, issue 25) where its answer says which is which (`pairInspect`);
   * else the two inspects, side by side.
   */
  async inspectContainerAndImage(name: string, ref: string): Promise<ContainerAndImage> {
    if (this.engine()) {
      // in-process: two requests side by side, each asking one kind, so nothing to untangle
      const [container, image] = await Promise.all([this.containerInspect(name), this.imageInspect(ref)]);
      return { container, image };
    }
    const r = await this.execute(dockerArgv.inspectPair(name, ref), { allowFailure: true, timeoutMs: 30_000 });
    const pair = pairInspect(r, name, ref);
    if (!pair) {
      const [container, image] = await Promise.all([this.containerInspect(name), this.imageInspect(ref)]);
      return { container, image };
    }
    // the ref named a container (a bare name like `web`): whether the image is there is asked on its own
    return { container: pair.container, image: pair.image === ASK_IMAGE ? await this.imageInspect(ref) : pair.image };
  }

  async pull(ref: string, opts: { timeoutMs?: number; env?: Record<string, string> } = {}): Promise<void> {
    await this.execute(dockerArgv.pull(ref), {
      timeoutMs: opts.timeoutMs,
      env: opts.env,
      stream: true,
      fix: 'check that the image exists and the runner can reach its registry; for a private registry pass registry-username and registry-password',
    });
  }

  async push(ref: string, opts: { timeoutMs: number; env?: Record<string, string> }): Promise<void> {
    await this.execute(dockerArgv.push(ref), {
      timeoutMs: opts.timeoutMs,
      env: opts.env,
      stream: true,
      fix: 'check that the runner may push to that repository: log in first (docker/login-action) or pass registry-username and registry-password',
    });
  }

  /**
   * Build; `secrets` holds the value of every id in `spec.secretIds`. Each value reaches buildx in
   * its own environment only (never argv, never a file), and BuildKit mounts it for the RUN steps
   * that ask for it, outside every layer. A gha cache gets the runner's cache service variables.
   */
  async build(
    spec: BuildSpec,
    opts: { timeoutMs?: number; fix?: string; secrets?: readonly { id: string; value: string }[] } = {},
  ): Promise<void> {
    const env: Record<string, string> = {};
    spec.secretIds.forEach((id, i) => {
      const secret = opts.secrets?.find((s) => s.id === id);
      if (!secret) throw new ActionError(`build secret ${id} has no value`, { fix: 'pass it in input build-secrets as id=value' });
      env[buildSecretEnv(i)] = secret.value;
    });
    if ([...spec.cacheFrom, ...spec.cacheTo].some((c) => c.type === 'gha')) Object.assign(env, ghaCacheEnv(process.env));
    await this.execute(dockerArgv.build(spec), { timeoutMs: opts.timeoutMs, stream: true, fix: opts.fix, env });
  }

  async containerInspect(name: string): Promise<ContainerState | undefined> {
    const engine = this.engine();
    if (engine) {
      const j = await this.read<RawContainer>(engine, enginePaths.container(name), 30_000);
      return j && containerStateOf(j);
    }
    const r = await this.execute(['container', 'inspect', '--format', '{{json .}}', name], { allowFailure: true, timeoutMs: 30_000 });
    if (r.code !== 0) return undefined;
    return containerStateOf(JSON.parse(r.stdout) as RawContainer);
  }

  async up(
    t: ComposeTarget,
    o: UpOptions,
    opts: { timeoutMs?: number; env?: Record<string, string | undefined> } = {},
  ): Promise<ExecResult> {
    return await this.execute(dockerArgv.up(t, o), { timeoutMs: opts.timeoutMs, env: opts.env, stream: true, allowFailure: true });
  }

  async down(t: ComposeTarget, volumes: boolean, opts: { timeoutMs?: number } = {}): Promise<void> {
    await this.execute(dockerArgv.down(t, volumes), {
      timeoutMs: opts.timeoutMs,
      stream: true,
      fix: `remove it by hand: docker compose -p ${t.project} down`,
    });
  }

  /**
   * `docker exec <container> /bin/sh -c <command>`: the command line is ONE argument, run by the
   * container's own shell, never ours; a non-zero exit (or a timeout) is a result, not an error.
   */
  async execShell(container: string, command: string, timeoutMs: number): Promise<ExecResult> {
    return await this.execute(['exec', container, '/bin/sh', '-c', command], { allowFailure: true, timeoutMs });
  }

  async logs(t: ComposeTarget, tail: number): Promise<string> {
    const r = await this.execute(dockerArgv.logs(t, tail), { allowFailure: true, timeoutMs: 30_000 });
    return (r.stdout + r.stderr).trimEnd();
  }

  /**
   * `docker container create --name <name>` (never started, no network): the engine refuses a second
   * container of one name, so it serves as a lock. A taken name is a result (`conflict`), not an error.
   * In-process: POST /containers/create, 409 = the name is taken. An image the engine does not have
   * (404) goes to the CLI's `container create`, which pulls it first, as it always did.
   */
  async createMarker(name: string, image: string, labels: Record<string, string>): Promise<MarkerResult> {
    const engine = this.engine();
    if (engine) {
      const path = enginePaths.create(name);
      const a = await this.ask(engine, 'POST', path, {
        timeoutMs: 30_000,
        body: { Image: image, Labels: labels, HostConfig: { NetworkMode: 'none' } },
      });
      if (a.status === 201) return { made: true };
      if (a.status === 409) return { conflict: true };
      if (a.status !== 404) return { failed: engineMessage(a) };
      info(`${image} is not on the engine: the lock is created by the docker CLI, which pulls it`);
    }
    const args = ['container', 'create', '--name', name, '--network', 'none'];
    for (const [k, v] of Object.entries(labels)) args.push('--label', `${k}=${v}`);
    const r = await this.execute([...args, image], { allowFailure: true, timeoutMs: 30_000 });
    if (r.code === 0) return { made: true };
    if (isNameConflict(r.stderr)) return { conflict: true };
    return { failed: r.stderr.trim().split('\n').pop() || `exit code ${r.code}` };
  }

  /** `docker container rm -f <name>`; a missing one is fine, so is any other failure (the lock's time says when it is stale). */
  async removeContainer(name: string): Promise<void> {
    const engine = this.engine();
    if (!engine) {
      await this.execute(dockerArgv.removeContainers([name]), { allowFailure: true, timeoutMs: 30_000 });
      return;
    }
    try {
      await this.ask(engine, 'DELETE', enginePaths.remove(name), { timeoutMs: 30_000 });
    } catch (e) {
      if (isDeadlineExceeded(e)) throw e;
    }
  }

  /** Every container carrying `label` (`key=value`), with the value of its label `show`. */
  async containersByLabel(label: string, show: string, opts: { timeoutMs: number; fix: string }): Promise<LabelledContainer[]> {
    const engine = this.engine();
    if (engine) return labelledContainersOf(await this.list(engine, enginePaths.containersByLabel(label), opts), show);
    const r = await this.execute(dockerArgv.containersByLabel(label, show), opts);
    return lines(r.stdout).map((l) => {
      const [id = '', state = '', shown = ''] = l.split('\t');
      return { id, running: state === 'running', shown };
    });
  }

  /** The containers of a compose project, running or not (read-only). */
  async projectContainers(project: string, opts: { timeoutMs: number }): Promise<ProjectContainer[]> {
    const engine = this.engine();
    if (engine) return projectContainersOf(await this.list(engine, enginePaths.projectContainers(project), opts));
    const r = await this.execute(dockerArgv.projectContainers(project), opts);
    return lines(r.stdout).map((l) => {
      const [name = '', state = '', service = '', oneoff = ''] = l.split('\t');
      return { name, state, service, oneoff };
    });
  }

  /** `docker container rm -f` of these containers; a failure is an error with `fix`. */
  async removeContainers(ids: readonly string[], opts: { timeoutMs: number; fix: string }): Promise<void> {
    await this.execute(dockerArgv.removeContainers(ids), opts);
  }

  /** ids of the containers, running or not, carrying every one of `labels` (`key=value`, or `key` for any value) */
  async containersWithLabels(labels: readonly string[]): Promise<string[]> {
    const filters = labels.flatMap((l) => ['--filter', `label=${l}`]);
    const r = await this.execute(['container', 'ls', '--all', '--quiet', '--no-trunc', ...filters], { timeoutMs: 30_000 });
    return lines(r.stdout);
  }

  /** names of volumes / networks carrying a label (`com.docker.compose.project=<p>`) */
  async volumesWithLabel(label: string): Promise<string[]> {
    const r = await this.execute(['volume', 'ls', '-q', '--filter', `label=${label}`], { timeoutMs: 30_000 });
    return lines(r.stdout);
  }
  async networksWithLabel(label: string): Promise<string[]> {
    const r = await this.execute(['network', 'ls', '-q', '--filter', `label=${label}`], { timeoutMs: 30_000 });
    return lines(r.stdout);
  }
  async volumeRemove(names: string[]): Promise<void> {
    if (names.length > 0) await this.execute(['volume', 'rm', ...names], { timeoutMs: 60_000 });
  }
  async networkRemove(ids: string[]): Promise<void> {
    if (ids.length > 0) await this.execute(['network', 'rm', ...ids], { timeoutMs: 60_000 });
  }
}

/** One container of GET /containers/json, the fields `docker ps` prints from. */
interface RawListed {
  Id?: string;
  Names?: string[] | null;
  State?: string;
  Labels?: Record<string, string> | null;
}

/**
 * GET /containers/json as `docker ps -a --no-trunc --format '{{.Names}}\t{{.State}}\t{{.Label …}}'`
 * prints it: in the engine's order (newest first; the CLI does not sort), every name without its
 * leading `/`, joined by `,` (`--no-trunc` keeps legacy link names too), a missing label as ''.
 */
export function projectContainersOf(list: readonly RawListed[]): ProjectContainer[] {
  return list.map((c) => ({
    name: (c.Names ?? []).map((n) => n.slice(1)).join(','),
    state: c.State ?? '',
    service: c.Labels?.['com.docker.compose.service'] ?? '',
    oneoff: c.Labels?.['com.docker.compose.oneoff'] ?? '',
  }));
}

/**
 * GET /containers/json as `docker ps -a --no-trunc --format '{{.ID}}\t{{.State}}\t{{.Label "<show>"}}'`
 * prints it: in the engine's order (the CLI does not sort), the full id (`--no-trunc`), running when
 * the state is `running`, a missing label as ''.
 */
export function labelledContainersOf(list: readonly RawListed[], show: string): LabelledContainer[] {
  return list.map((c) => ({ id: c.Id ?? '', running: c.State === 'running', shown: c.Labels?.[show] ?? '' }));
}

const ENGINE_FIX = 'check the Docker engine (docker info), then run again';

/** An answer the CLI would have failed on, in the engine's words (as the CLI prints them). */
function engineRefused(method: string, path: string, a: EngineAnswer, fix?: string): ActionError {
  return new ActionError(`\`${engineLine(method, path)}\` failed (${a.status}): Error response from daemon: ${engineMessage(a)}`, {
    fix: fix ?? ENGINE_FIX,
  });
}

function lines(s: string): string[] {
  return s
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

const COMPOSE_FIX = 'install the Docker Compose v2 plugin (2.24 or later) on the runner';

/** The version itself when it is 2.24 or later, else the error that says so. */
export function requireRecentCompose(version: string): string {
  if (!composeIsRecentEnough(version))
    throw new ActionError(`Docker Compose ${version || '(unknown version)'} is too old`, { fix: COMPOSE_FIX });
  return version;
}

/** `2.24.0`, `v2.29.7`, `2.32.4-desktop.1` → is it at least 2.24? */
export function composeIsRecentEnough(version: string): boolean {
  const m = /^v?(\d+)\.(\d+)/.exec(version.trim());
  if (!m) return false;
  const [major, minor] = [Number(m[1]), Number(m[2])];
  return major > 2 || (major === 2 && minor >= 24);
}
