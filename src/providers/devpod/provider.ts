/**
 * provider: devpod — a DevPod workspace from a generated devcontainer.json (SPEC §5, issue 8,
 * ADR 0009). `plan` and `apply` share the pure `devpodSteps(ctx, facts)`: the same file, the same
 * argv. Where a Dockerfile is built depends on `providers.devpod.type`:
 *   docker, ssh            DevPod builds it from `build.dockerfile` in devcontainer.json
 *   kubernetes on kind-* / k3d-*   built here (Docker), `kind load` / `k3d image import`, `image:` the tag
 *   kubernetes (remote), aws, gcp, azure, digitalocean   built here, pushed to
 *                          `providers.devpod.buildRepository`, `image:` the pushed digest
 * Secrets reach the workspace only through `devpod up --workspace-env-file` (a 0600 file, removed).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, rmdirSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { DevPod, devpodArgv, type UpSpec } from '../../external/devpod.js';
import { Docker, dockerArgv, type BuildSpec } from '../../external/docker.js';
import { Git, publicSourceUrl } from '../../external/git.js';
import { LocalClusterLoader, localCluster } from '../../external/local-cluster.js';
import type { SindriConfig } from '../../config/types.js';
import { ActionError } from '../../errors.js';
import { parseReference } from '../../image/reference.js';
import { resourceName, DNS_LABEL, type NamingRules } from '../../naming.js';
import { info, warning } from '../../runner.js';
import {
  DEVCONTAINER_BESIDE,
  DEVCONTAINER_FILE,
  isGenerated,
  renderDevcontainer,
  type ImageSpec,
  type RenderedDevcontainer,
} from './devcontainer.js';
import { requireSecrets, resolveSecrets, type SecretNotice } from '../kit/secrets.js';
import type { DeployResult, DestroyContext, PlannedCommand, PlannedFile, Provider, ProviderContext, ProviderPlan } from '../types.js';
import { withRegistryAuth } from '../kit/build.js';

export const DEVPOD_TYPES = ['aws', 'gcp', 'azure', 'digitalocean', 'kubernetes', 'ssh', 'docker'] as const;
export type DevpodType = (typeof DEVPOD_TYPES)[number];

/** DevPod workspace ids: lower-case letters, digits, dashes, at most 48 (devpod pkg/workspace/workspace.go). */
export const WORKSPACE_ID: NamingRules = { ...DNS_LABEL, max: 48 };

/** devpod's own name for each sindri type (the Google Cloud provider is `gcloud`). */
const DEVPOD_PROVIDER: Record<DevpodType, string> = {
  aws: 'aws',
  gcp: 'gcloud',
  azure: 'azure',
  digitalocean: 'digitalocean',
  kubernetes: 'kubernetes',
  ssh: 'ssh',
  docker: 'docker',
};

/**
 * sindri key → devpod provider option, with sindri's defaults (FACTS §1.8). Option names are those of
 * the providers themselves: devpod providers/kubernetes/provider.yaml; loft-sh/devpod-provider-{aws,
 * gcloud,azure,digitalocean,ssh,docker} provider.yaml.
 */
const OPTION_MAP: Record<DevpodType, { key: string; option: string; default?: string }[]> = {
  aws: [
    { key: 'region', option: 'AWS_REGION', default: 'us-west-2' },
    { key: 'instanceType', option: 'AWS_INSTANCE_TYPE', default: 'c5.xlarge' },
    { key: 'diskSize', option: 'AWS_DISK_SIZE', default: '40' },
    { key: 'useSpot', option: 'AWS_USE_SPOT_INSTANCE' },
    { key: 'subnetId', option: 'AWS_SUBNET_ID' },
    { key: 'securityGroupId', option: 'AWS_SECURITY_GROUP_ID' },
  ],
  gcp: [
    { key: 'project', option: 'PROJECT' },
    { key: 'zone', option: 'ZONE', default: 'us-central1-a' },
    { key: 'machineType', option: 'MACHINE_TYPE', default: 'e2-standard-4' },
    { key: 'diskSize', option: 'DISK_SIZE', default: '40' },
  ],
  azure: [
    { key: 'subscription', option: 'AZURE_SUBSCRIPTION_ID' },
    { key: 'resourceGroup', option: 'AZURE_RESOURCE_GROUP', default: 'devpod-resources' },
    { key: 'location', option: 'AZURE_REGION', default: 'eastus' },
    { key: 'vmSize', option: 'AZURE_INSTANCE_SIZE', default: 'Standard_D4s_v3' },
    { key: 'diskSize', option: 'AZURE_DISK_SIZE', default: '40' },
  ],
  digitalocean: [
    { key: 'region', option: 'REGION', default: 'nyc3' },
    { key: 'size', option: 'MACHINE_TYPE', default: 's-4vcpu-8gb' },
    { key: 'diskSize', option: 'DISK_SIZE' },
  ],
  kubernetes: [
    { key: 'namespace', option: 'KUBERNETES_NAMESPACE', default: 'devpod' },
    { key: 'storageClass', option: 'STORAGE_CLASS' },
  ],
  ssh: [{ key: 'port', option: 'PORT' }],
  docker: [{ key: 'dockerHost', option: 'DOCKER_HOST' }],
};

/** sub-options we read but cannot hand to devpod: said in the plan, never silently dropped */
const NOT_PASSED: Partial<Record<DevpodType, string[]>> = { gcp: ['diskType'], ssh: ['keyPath'] };

export type BuildWhere = 'none' | 'devpod' | 'kind' | 'k3d' | 'registry';

export interface DevpodSettings {
  type: DevpodType;
  /** devpod's provider name */
  provider: string;
  buildRepository?: string;
  /** devpod provider options, in a stable order */
  options: Record<string, string>;
  forwardPorts: number[];
  notes: string[];
}

/** What the steps depend on besides the context; plan fills what it can without devpod. */
export interface DevpodFacts {
  secretNames: string[];
  /** the kubeconfig's current context (type kubernetes without providers.devpod.kubernetes.context) */
  currentKubeContext?: string;
  /** a devcontainer.json that is not ours sits at .devcontainer/devcontainer.json */
  userDevcontainer: boolean;
  /** the image after a local or registry build (`repo@sha256:…`, or the loaded tag); plan: undefined */
  builtRef?: string;
  buildx: boolean;
  revision?: string;
  source?: string;
}

export interface DevpodSteps {
  settings: DevpodSettings;
  workspaceId: string;
  buildWhere: BuildWhere;
  /** kind/k3d cluster for a local load */
  cluster?: string;
  build?: BuildSpec;
  /** the tag pushed to buildRepository */
  push?: string;
  /** the image devcontainer.json names (undefined when DevPod builds) */
  imageRef?: string;
  devcontainerPath: string;
  devcontainer: RenderedDevcontainer;
  files: PlannedFile[];
  commands: PlannedCommand[];
  notes: string[];
}

function at(config: SindriConfig, path: (string | number)[]) {
  const pos = config.locate(path);
  return { file: config.file, line: pos?.line, column: pos?.column, field: path.join('.') };
}

function scalar(config: SindriConfig, path: (string | number)[], v: unknown): string | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
  throw new ActionError('expected a single value', { where: at(config, path), fix: 'write a string, number or true/false' });
}

/** `providers.devpod` validated, with the options for the provider; kubernetes context resolved. */
export function devpodSettings(config: SindriConfig, currentKubeContext?: string): DevpodSettings {
  const raw = config.providers.devpod ?? {};
  const base = ['providers', 'devpod'];
  const typeRaw = raw.type;
  if (typeRaw === undefined || typeRaw === null || typeRaw === '') {
    throw new ActionError('not set: DevPod needs to know where the workspace runs', {
      where: { ...at(config, base), file: config.file, field: 'providers.devpod.type' },
      fix: `add providers.devpod.type: one of ${DEVPOD_TYPES.join(', ')} (docker runs the workspace on the runner's Docker engine)`,
    });
  }
  const type = String(typeRaw) as DevpodType;
  if (!DEVPOD_TYPES.includes(type)) {
    throw new ActionError(`unknown devpod type "${String(typeRaw)}"`, {
      where: at(config, [...base, 'type']),
      fix: `use one of ${DEVPOD_TYPES.join(', ')}`,
    });
  }
  const sub = (raw[type] ?? {}) as Record<string, unknown>;
  if (typeof sub !== 'object' || Array.isArray(sub)) {
    throw new ActionError('expected a mapping', {
      where: at(config, [...base, type]),
      fix: `write providers.devpod.${type} as key: value lines`,
    });
  }
  const notes: string[] = [];
  const options: Record<string, string> = {};
  if (type === 'kubernetes') {
    const ctx = scalar(config, [...base, type, 'context'], sub.context) ?? currentKubeContext;
    if (ctx) options.KUBERNETES_CONTEXT = ctx;
  }
  if (type === 'ssh') {
    const host = scalar(config, [...base, type, 'host'], sub.host);
    if (!host) {
      throw new ActionError('providers.devpod.ssh.host is not set', {
        where: at(config, [...base, type]),
        fix: 'set providers.devpod.ssh.host to the machine DevPod connects to',
      });
    }
    options.HOST = `${scalar(config, [...base, type, 'user'], sub.user) ?? 'root'}@${host}`;
  }
  for (const m of OPTION_MAP[type]) {
    const v = scalar(config, [...base, type, m.key], sub[m.key]) ?? m.default;
    if (v !== undefined) options[m.option] = v;
  }
  if (type === 'kubernetes' && sub.nodeSelector !== undefined && sub.nodeSelector !== null) {
    const ns = sub.nodeSelector;
    if (typeof ns !== 'object' || Array.isArray(ns)) {
      throw new ActionError('expected a mapping of labels', {
        where: at(config, [...base, type, 'nodeSelector']),
        fix: 'write nodeSelector as label: value lines',
      });
    }
    const pairs = Object.entries(ns as Record<string, unknown>).map(([k, v]) => `${k}=${String(v)}`);
    if (pairs.length) options.NODE_SELECTOR = pairs.join(',');
  }
  for (const k of NOT_PASSED[type] ?? []) {
    if (sub[k] !== undefined)
      notes.push(`providers.devpod.${type}.${k} has no devpod provider option: set it in the provider's own defaults`);
  }

  const repo = scalar(config, [...base, 'buildRepository'], raw.buildRepository);
  if (repo) {
    const ref = parseReference(repo, at(config, [...base, 'buildRepository']));
    if (ref.tag || ref.digest) {
      throw new ActionError(`buildRepository "${repo}" names a tag or digest`, {
        where: at(config, [...base, 'buildRepository']),
        fix: 'write the repository only (e.g. ghcr.io/owner/sindri-dev); the action tags and pins what it pushes',
      });
    }
  }

  const portsRaw = raw.forwardPorts;
  const forwardPorts: number[] = [];
  if (portsRaw !== undefined && portsRaw !== null) {
    if (!Array.isArray(portsRaw)) {
      throw new ActionError('expected a list of ports', {
        where: at(config, [...base, 'forwardPorts']),
        fix: 'write forwardPorts: [3000, 8080]',
      });
    }
    portsRaw.forEach((p, i) => {
      const n = Number(p);
      if (!Number.isInteger(n) || n < 1 || n > 65535) {
        throw new ActionError(`"${String(p)}" is not a port`, {
          where: at(config, [...base, 'forwardPorts', i]),
          fix: 'use numbers 1-65535',
        });
      }
      forwardPorts.push(n);
    });
  }
  return { type, provider: DEVPOD_PROVIDER[type], buildRepository: repo, options, forwardPorts, notes };
}

export function workspaceIdOf(config: Pick<SindriConfig, 'name'>, suffix: string): string {
  return resourceName(config.name, suffix, WORKSPACE_ID);
}

export function connectHint(id: string): string {
  return `devpod ssh ${id}`;
}

/** `KEY=value` lines as devpod reads them (pkg/devcontainer/config/parse.go ParseKeyValueFile: no quoting). */
export function encodeWorkspaceEnv(values: ReadonlyMap<string, string>, config?: SindriConfig): string {
  let out = '';
  for (const [k, v] of values) {
    if (/[\r\n]/.test(v)) {
      const i = config?.secrets.findIndex((s) => s.name === k) ?? -1;
      throw new ActionError(`secret ${k} holds a line break, which devpod's --workspace-env-file cannot carry`, {
        where: config && i !== -1 ? at(config, ['secrets', i]) : { field: 'secrets' },
        fix: `store it base64-encoded (e.g. ${k}_B64) and decode it in the workspace`,
      });
    }
    out += `${k}=${v}\n`;
  }
  return out;
}

/** The tag part of a `name:tag` ref (a built image's tag is the git short sha, SPEC §4). */
function tagOf(ref: string): string {
  const r = parseReference(ref);
  return r.tag ?? 'latest';
}

/** The pure heart: settings, where to build, the devcontainer.json and every command. */
export function devpodSteps(ctx: ProviderContext, facts: DevpodFacts): DevpodSteps {
  const { config, inputs, image } = ctx;
  const settings = devpodSettings(config, facts.currentKubeContext);
  const workspaceId = workspaceIdOf(config, inputs['name-suffix']);
  const notes = [...settings.notes];
  const commands: PlannedCommand[] = [];

  let buildWhere: BuildWhere = 'none';
  let cluster: string | undefined;
  if (image.build) {
    if (!image.dockerfile)
      throw new ActionError('the image decision asks for a build but names no Dockerfile', {
        fix: 'report this at https://github.com/sindri/deploy-action/issues',
      });
    if (settings.type === 'docker' || settings.type === 'ssh') buildWhere = 'devpod';
    else {
      const local = settings.type === 'kubernetes' ? localCluster(settings.options.KUBERNETES_CONTEXT) : undefined;
      if (local) {
        buildWhere = local.tool;
        cluster = local.cluster;
      } else {
        buildWhere = 'registry';
        if (!settings.buildRepository) {
          const what =
            settings.type === 'kubernetes'
              ? `a remote Kubernetes cluster (context ${settings.options.KUBERNETES_CONTEXT ?? 'unknown'})`
              : settings.type;
          throw new ActionError(
            `providers.devpod.buildRepository is not set: building ${image.dockerfile} for ${what} needs a registry to push to`,
            {
              where: { ...at(config, ['providers', 'devpod']), field: 'providers.devpod.buildRepository' },
              fix: 'set providers.devpod.buildRepository (e.g. ghcr.io/owner/sindri-dev), or build in CI and pass image-digest',
            },
          );
        }
      }
    }
  }

  // the devcontainer.json: ours at the usual place, or beside a user's own (never overwritten without force)
  const devcontainerPath = facts.userDevcontainer && !inputs.force ? DEVCONTAINER_BESIDE : DEVCONTAINER_FILE;
  if (facts.userDevcontainer) {
    notes.push(
      inputs.force
        ? `${DEVCONTAINER_FILE} is a user's own file: it is overwritten (force)`
        : `${DEVCONTAINER_FILE} is a user's own file and stays untouched: DevPod is pointed at ${DEVCONTAINER_BESIDE}`,
    );
  }

  let build: BuildSpec | undefined;
  let push: string | undefined;
  let imageRef: string | undefined;
  let spec: ImageSpec;
  const context = inputs['build-context'] || '.';
  if (buildWhere === 'devpod') {
    spec = { kind: 'build', dockerfile: image.dockerfile!, context, args: inputs['build-args'] };
    notes.push(`DevPod builds ${image.dockerfile} itself (build.dockerfile in ${devcontainerPath}); nothing is built by the action`);
  } else if (buildWhere === 'none') {
    imageRef = image.deployRef;
    spec = { kind: 'image', ref: imageRef };
  } else {
    const labels: Record<string, string> = {};
    if (facts.source) labels['org.opencontainers.image.source'] = facts.source;
    if (facts.revision) labels['org.opencontainers.image.revision'] = facts.revision;
    const tag = buildWhere === 'registry' ? `${settings.buildRepository!}:${tagOf(image.ref)}` : image.ref;
    build = {
      dockerfile: image.dockerfile!,
      context,
      tag,
      labels,
      buildArgs: inputs['build-args'],
      noCache: inputs.force,
      pull: inputs.force,
      hostNetwork: false,
      buildx: facts.buildx,
    };
    commands.push({ argv: ['docker', ...dockerArgv.build(build)], why: `build ${image.dockerfile} on the runner`, mutates: true });
    if (buildWhere === 'kind' || buildWhere === 'k3d') {
      commands.push({
        argv: new LocalClusterLoader({ tool: buildWhere, cluster: cluster! }).argv(tag),
        why: `load it into ${buildWhere} cluster ${cluster}`,
        mutates: true,
      });
      imageRef = tag;
    } else {
      push = tag;
      commands.push({
        argv: ['docker', ...dockerArgv.push(tag)],
        why: `push it to ${settings.buildRepository}; the workspace runs the pushed digest`,
        mutates: true,
      });
      imageRef = facts.builtRef ?? `${settings.buildRepository!}@<digest of the push>`;
    }
    if (facts.builtRef) imageRef = facts.builtRef;
    spec = { kind: 'image', ref: imageRef };
  }

  const devcontainer = renderDevcontainer({
    config,
    workspaceId,
    image: spec,
    path: devcontainerPath,
    forwardPorts: settings.forwardPorts,
    dockerEngine: settings.type === 'docker' || settings.type === 'ssh',
  });
  notes.push(...devcontainer.notes);

  // the order apply runs them in: devpod answers first, then the build, then devpod is changed
  const providerOptions = settings.options;
  commands.unshift({
    argv: ['devpod', ...devpodArgv.providerList()],
    why: `is provider ${settings.provider} added, with which options? (also: is devpod there, before any build)`,
    mutates: false,
  });
  commands.push({
    argv: ['devpod', ...devpodArgv.providerAdd(settings.provider, providerOptions)],
    why: `only when provider ${settings.provider} is missing`,
    mutates: true,
  });
  if (Object.keys(providerOptions).length > 0) {
    commands.push({
      argv: ['devpod', ...devpodArgv.providerSetOptions(settings.provider, providerOptions)],
      why: 'only when the provider exists with other values (only those are set)',
      mutates: true,
    });
  }
  commands.push(
    { argv: ['devpod', ...devpodArgv.list()], why: `does workspace ${workspaceId} exist, with which image?`, mutates: false },
    { argv: ['devpod', ...devpodArgv.status(workspaceId)], why: 'is it running? (skipped when it runs this image)', mutates: false },
  );
  const envFile = facts.secretNames.length > 0 ? '<0600 temp file>' : undefined;
  const up: UpSpec = {
    source: '.',
    id: workspaceId,
    provider: settings.provider,
    devcontainerPath,
    image: imageRef && !imageRef.includes('<') ? imageRef : undefined,
    recreate: inputs.force,
    envFile,
  };
  commands.push({
    argv: ['devpod', ...devpodArgv.up(up)],
    why: `start the workspace${inputs.force ? ', recreated (force)' : '; --recreate is added when it exists with another image'}`,
    mutates: true,
  });

  const files: PlannedFile[] = [{ path: devcontainerPath, content: devcontainer.json }];
  if (facts.secretNames.length > 0) {
    notes.push(
      `secrets ${facts.secretNames.join(', ')} reach the workspace only through --workspace-env-file (a 0600 file outside the working directory, removed after devpod up)`,
    );
  }
  return { settings, workspaceId, buildWhere, cluster, build, push, imageRef, devcontainerPath, devcontainer, files, commands, notes };
}

/** The kubeconfig's current-context (KUBECONFIG's files in order, else ~/.kube/config): a file read, no kubectl call. */
export function currentKubeContext(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const files = env.KUBECONFIG ? env.KUBECONFIG.split(delimiter).filter(Boolean) : [join(homedir(), '.kube', 'config')];
  for (const f of files) {
    if (!existsSync(f)) continue;
    try {
      const doc = parseYaml(readFileSync(f, 'utf8')) as { 'current-context'?: unknown } | null;
      const c = doc?.['current-context'];
      if (typeof c === 'string' && c) return c;
    } catch {
      // an unreadable kubeconfig is kubectl's and devpod's problem to report
    }
  }
  return undefined;
}

function needsKubeContext(config: SindriConfig): boolean {
  const raw = config.providers.devpod ?? {};
  const sub = (raw.kubernetes ?? {}) as Record<string, unknown>;
  return raw.type === 'kubernetes' && !sub.context;
}

function userDevcontainerAt(workdir: string): boolean {
  const p = join(workdir, DEVCONTAINER_FILE);
  return existsSync(p) && !isGenerated(readFileSync(p, 'utf8'));
}

function emitNotices(config: SindriConfig, notices: readonly SecretNotice[]): void {
  for (const n of notices) warning(n.message, { file: config.file, startLine: n.line, startColumn: n.column, title: n.field });
}

/** only the options devpod does not already hold with these values */
function changedOptions(wanted: Record<string, string>, held: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(wanted).filter(([k, v]) => held[k] !== v));
}

export class DevpodProvider implements Provider {
  readonly name = 'devpod' as const;

  private async facts(ctx: ProviderContext, secretNames: string[]): Promise<DevpodFacts> {
    const facts: DevpodFacts = {
      secretNames,
      currentKubeContext: needsKubeContext(ctx.config) ? currentKubeContext() : undefined,
      userDevcontainer: userDevcontainerAt(ctx.workdir),
      buildx: false,
    };
    return facts;
  }

  /** buildx and the OCI label facts, only when this action builds */
  private async buildFacts(ctx: ProviderContext, facts: DevpodFacts): Promise<void> {
    facts.buildx = await new Docker(ctx.exec, ctx.workdir).buildxAvailable();
    const git = new Git(ctx.exec, ctx.workdir);
    facts.revision = (await git.revision()) ?? process.env.GITHUB_SHA;
    const server = process.env.GITHUB_SERVER_URL;
    const repo = process.env.GITHUB_REPOSITORY;
    facts.source = server && repo ? `${server}/${repo}` : publicSourceUrl((await git.remoteUrl()) ?? '');
  }

  async plan(ctx: ProviderContext): Promise<ProviderPlan> {
    const secrets = resolveSecrets(ctx.config);
    const facts = await this.facts(ctx, [...secrets.values.keys()]);
    let steps = devpodSteps(ctx, facts);
    if (steps.build) {
      await this.buildFacts(ctx, facts);
      steps = devpodSteps(ctx, facts);
    }
    const notes = [...steps.notes, ...secrets.notices.map((n) => n.message)];
    if (secrets.missingRequired.length > 0)
      notes.push(`required secrets not set: ${secrets.missingRequired.join(', ')} (deploy fails before starting anything)`);
    if (!ctx.image.build)
      notes.push(`no image is built: the prebuilt image is deployed ${ctx.image.digest ? 'by digest' : 'as written (not pinned)'}`);
    return { files: steps.files, commands: steps.commands, notes };
  }

  async apply(ctx: ProviderContext): Promise<DeployResult> {
    // 1. everything that can be wrong in the config, and the secrets, before anything is touched
    const secrets = requireSecrets(ctx.config);
    emitNotices(ctx.config, secrets.notices);
    const envText = encodeWorkspaceEnv(secrets.values, ctx.config);
    const facts = await this.facts(ctx, [...secrets.values.keys()]);
    let steps = devpodSteps(ctx, facts);
    for (const n of steps.notes) info(n);
    const devpod = new DevPod(ctx.exec, ctx.workdir);
    const { settings, workspaceId } = steps;

    // 2. devpod must answer before anything is built: its providers, as devpod holds them
    const providers = await devpod.providers();

    // 3. the image: built here (loaded or pushed) when the provider type cannot build it itself
    let imageId: string | undefined;
    /** a loaded tag (git short sha) can hold new content: compare image ids too */
    let localChanged = false;
    if (steps.build) {
      await this.buildFacts(ctx, facts);
      steps = devpodSteps(ctx, facts);
      const docker = new Docker(ctx.exec, ctx.workdir);
      const b = steps.build!;
      const previousId = (await docker.imageInspect(b.tag))?.id;
      await docker.build(b, {
        timeoutMs: ctx.deadline.budget(`building ${b.dockerfile}`, ctx.inputs.timeout),
        fix: `fix ${b.dockerfile} (see the build log above)`,
      });
      const built = await docker.imageInspect(b.tag);
      if (!built)
        throw new ActionError(`the build finished but image ${b.tag} is not on the engine`, {
          fix: 'with a docker-container buildx builder, make sure --load works',
        });
      imageId = built.id;
      localChanged = previousId !== built.id;
      if (steps.buildWhere === 'kind' || steps.buildWhere === 'k3d') {
        const loader = new LocalClusterLoader({ tool: steps.buildWhere, cluster: steps.cluster! });
        await loader.load(ctx.exec, b.tag, ctx.deadline.budget(`${steps.buildWhere} loading ${b.tag}`, 300_000));
      } else {
        await withRegistryAuth(ctx, b.tag, (env) =>
          docker.push(b.tag, { timeoutMs: ctx.deadline.budget(`pushing ${b.tag}`, ctx.inputs.timeout), env }),
        );
        const pushed = await docker.imageInspect(b.tag);
        const repo = settings.buildRepository!;
        const want = parseReference(repo);
        const digest = pushed?.repoDigests
          .map((d) => parseReference(d))
          .find((d) => d.registry === want.registry && d.repository === want.repository)?.digest;
        if (!digest)
          throw new ActionError(`pushed ${b.tag} but the engine reports no digest for ${repo}`, { fix: 'check the push output above' });
        facts.builtRef = `${repo}@${digest}`;
        imageId = digest;
        localChanged = false;
      }
      if (steps.buildWhere !== 'registry') facts.builtRef = b.tag;
      steps = devpodSteps(ctx, facts);
    }

    // 4. the devpod provider: added when missing, options set only when they differ
    const held = providers.get(settings.provider);
    if (!held)
      await devpod.providerAdd(
        settings.provider,
        settings.options,
        ctx.deadline.budget(`devpod provider add ${settings.provider}`, 300_000),
      );
    else {
      const changed = changedOptions(settings.options, held.options);
      if (Object.keys(changed).length > 0)
        await devpod.providerSetOptions(
          settings.provider,
          changed,
          ctx.deadline.budget(`devpod provider set-options ${settings.provider}`, 120_000),
        );
    }

    // 5. what runs now: devpod keeps the image it was given (--devcontainer-image) in its workspace record
    const existing = (await devpod.workspaces()).find((w) => w.id === workspaceId);
    const state = existing ? await devpod.status(workspaceId) : 'NotFound';
    const imageChanged = steps.imageRef !== undefined && (existing?.image !== steps.imageRef || localChanged);
    const result = (skipped: boolean): DeployResult => ({
      url: '',
      skipped,
      built: ctx.image.build,
      image: steps.imageRef,
      digest: steps.imageRef ? (imageId ?? ctx.image.digest) : undefined,
      connect: connectHint(workspaceId),
      extra: { 'workspace-id': workspaceId, 'devpod-provider': settings.provider, devcontainer: steps.devcontainerPath },
    });
    this.writeDevcontainer(ctx, steps);
    if (
      existing &&
      !ctx.inputs.force &&
      steps.imageRef !== undefined &&
      !imageChanged &&
      existing.provider === settings.provider &&
      existing.devcontainerPath === steps.devcontainerPath &&
      state === 'Running'
    ) {
      info(`workspace ${workspaceId} already runs ${steps.imageRef}: nothing to do (force: true recreates it)`);
      return result(true);
    }
    // a workspace of another provider, or one that records an image DevPod would now override a build with, is replaced
    const replace =
      existing !== undefined && (existing.provider !== settings.provider || (steps.imageRef === undefined && existing.image !== ''));
    if (existing && replace) {
      info(
        `workspace ${workspaceId} was created ${existing.provider !== settings.provider ? `with provider ${existing.provider}` : `from image ${existing.image}`}: deleting it first`,
      );
      await devpod.delete(workspaceId, ctx.deadline.budget(`devpod delete ${workspaceId}`, 300_000));
    }
    const kept = existing !== undefined && !replace;
    // devpod keeps an existing container on `up`: a new image, file location or a build needs --recreate
    const recreate =
      ctx.inputs.force || (kept && (imageChanged || steps.imageRef === undefined || existing.devcontainerPath !== steps.devcontainerPath));

    // 6. devpod up; the secrets' env file lives outside the working directory only while devpod reads it
    const tmp = mkdtempSync(join(process.env.RUNNER_TEMP || tmpdir(), 'sindri-devpod-'));
    const envFile = join(tmp, 'workspace.env');
    try {
      if (secrets.values.size > 0) writeFileSync(envFile, envText, { mode: 0o600, flag: 'wx' });
      await devpod.up(
        {
          source: '.',
          id: workspaceId,
          provider: settings.provider,
          devcontainerPath: steps.devcontainerPath,
          image: steps.imageRef,
          recreate,
          envFile: secrets.values.size > 0 ? envFile : undefined,
        },
        ctx.deadline.budget(`devpod up ${workspaceId}`, ctx.inputs.timeout),
      );
    } catch (e) {
      throw await this.upFailed(devpod, workspaceId, kept, e);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
    return result(false);
  }

  /**
   * A workspace this run created and devpod could not start is deleted (nothing half-deployed); one
   * that existed before is left as devpod left it, and the line says so.
   */
  private async upFailed(devpod: DevPod, id: string, existed: boolean, e: unknown): Promise<unknown> {
    if (!(e instanceof ActionError)) return e;
    let what: string;
    if (existed) what = `workspace ${id} existed before and is left as devpod left it (devpod status ${id})`;
    else {
      try {
        const left = (await devpod.workspaces()).some((w) => w.id === id);
        if (left) await devpod.delete(id, 300_000);
        what = left ? `the new workspace ${id} was deleted again` : `no workspace ${id} was left behind`;
      } catch {
        what = `removing the new workspace failed too: run devpod delete ${id} --force`;
      }
    }
    return new ActionError(`${e.message.replace(/\.$/, '')}; ${what}`, { where: e.where, fix: e.fix, cause: e });
  }

  private writeDevcontainer(ctx: ProviderContext, steps: DevpodSteps): void {
    const path = join(ctx.workdir, steps.devcontainerPath);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, steps.devcontainer.json, { mode: 0o644 });
  }

  async destroy(ctx: DestroyContext): Promise<{ removed: string[] }> {
    const devpod = new DevPod(ctx.exec, ctx.workdir);
    const id = workspaceIdOf(ctx.config, ctx.inputs['name-suffix']);
    const removed: string[] = [];
    const exists = (await devpod.workspaces()).some((w) => w.id === id);
    if (exists) {
      await devpod.delete(id, ctx.deadline.budget(`devpod delete ${id}`, ctx.inputs.timeout));
      removed.push(`workspace ${id}`);
    } else info(`devpod has no workspace ${id}`);
    // only the files we wrote: a user's own devcontainer.json stays
    for (const rel of [DEVCONTAINER_BESIDE, DEVCONTAINER_FILE]) {
      const p = join(ctx.workdir, rel);
      if (existsSync(p) && isGenerated(readFileSync(p, 'utf8'))) {
        rmSync(p);
        removed.push(`file ${rel}`);
      }
    }
    for (const dir of [dirname(DEVCONTAINER_BESIDE), dirname(DEVCONTAINER_FILE)]) {
      const p = join(ctx.workdir, dir);
      if (existsSync(p) && readdirSync(p).length === 0) rmdirSync(p);
    }
    return { removed };
  }
}
