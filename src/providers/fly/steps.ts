/**
 * What provider fly does, decided without side effects, for plan and deploy alike: the target (the
 * app, its settings and the fly.toml rendered for it), then from what Fly has (the facts) the set-up
 * commands, the release and the read-back, each with its argv (built by `flyctlArgv`, so the plan
 * prints exactly what deploy runs). A fact that is not known (plan) makes a command conditional.
 */
import { basename, join, relative, resolve } from 'node:path';
import { flyctlArgv, type DeploySpec } from '../../external/flyctl.js';
import { ActionError } from '../../errors.js';
import { readUsersFile } from '../kit/files.js';
import { unusedBuildKitInputs } from '../kit/build.js';
import { flyRegistryHost } from '../../image/registry-fly.js';
import type { ImageDecision } from '../../image/types.js';
import { previewMarks, traceMetadata, traceMetaKey } from '../../trace.js';
import type { PlannedCommand, PlannedFile, ProviderContext } from '../types.js';
import {
  FLY_TOML,
  flyTomlFile,
  HOME_VOLUME,
  isOurToml,
  MERGED_TOML,
  parseBaseToml,
  renderFlyToml,
  volumeGigabytes,
  type BaseToml,
  type RenderedFlyToml,
} from './fly-toml.js';
import { SECRET_FINGERPRINTS_ENV, TOML_HASH_ENV } from './secrets.js';
import { flyAppName, flySettings, type FlySettings } from './settings.js';

/** The app and its fly.toml: everything that follows from the context alone. */
export interface FlyTarget {
  settings: FlySettings;
  app: string;
  /** `source: env` secrets that have a value: never in [env], staged with `flyctl secrets import` */
  secretNames: string[];
  toml: RenderedFlyToml;
  /** the generated file relative to workdir: fly.toml, or fly.sindri.toml beside a fly.toml of the user's */
  tomlPath: string;
  /** the user's own fly.toml (relative to workdir), the base of the generated copy */
  basePath?: string;
  /** `ssh://developer@<app>.fly.dev:<sshPort>`: the name resolves to the addresses the action allocates */
  url: string;
  connect: string;
  /** a private pinned image, copied to Fly's registry before the release (undefined: deployed as it is) */
  copy?: FlyCopy;
}

/**
 * A private image on Fly: its builders and machines pull only from Fly's registry or public ones, so
 * deploy first copies the pinned image byte for byte to the app's repository in Fly's registry and
 * releases that reference: the same digest (ADR 0026, issue 26).
 */
export interface FlyCopy {
  /** the pinned source, `repo@sha256:…` */
  from: string;
  /** `registry.fly.io`, or FLY_REGISTRY_HOST */
  registry: string;
  /** the app: flyctl keeps an app's images in the repository named after it */
  repository: string;
  /** what `flyctl deploy --image` gets: `<registry>/<app>@<the source's digest>` */
  reference: string;
  /** where the credentials that opened the source came from */
  credentials: string;
}

/** The copy a prebuilt image needs: only a pinned private one (a public image is pulled from where it is; a build is Fly's own). */
export function flyCopy(image: ImageDecision, app: string, registry: string): FlyCopy | undefined {
  if (image.build || !image.access?.private || !image.digest) return undefined;
  return {
    from: image.deployRef,
    registry,
    repository: app,
    reference: `${registry}/${app}@${image.digest}`,
    credentials: image.access.credentials ?? 'credentials',
  };
}

/** The plan's line for a copy: what is copied where, with which credentials, and why. */
export function copyNote(c: FlyCopy): string {
  return `${c.from} is private (opened with ${c.credentials}) and Fly pulls only from its own registry or public ones: deploy first copies it byte for byte to ${c.registry}/${c.repository} (user x, the Fly token; only the blobs it lacks) and releases ${c.reference}, the same digest`;
}

/** What Fly has, as the probes found it; `undefined` = not known (plan). */
export interface FlyFacts {
  appExists?: boolean;
  volumePresent?: boolean;
  /** a public IPv6 (`v6`): what reaches the raw-TCP SSH service for free */
  v6Present?: boolean;
  dedicatedV4Present?: boolean;
  /** names whose value must be (re)staged */
  stage?: string[];
  /** the value of SINDRI_SECRET_FINGERPRINTS for this deploy */
  fingerprints?: string;
  /** flyctl deploy `--wait-timeout` */
  waitSeconds: number;
}

/** A set-up command that changes something on Fly, in the order deploy runs them. */
export type FlySetUp = 'apps create' | 'volumes create' | 'secrets import' | 'ips allocate-v6' | 'ips allocate-v4';

/** The release: `flyctl deploy`'s spec and its working directory. */
export interface FlyRelease {
  deploy: DeploySpec;
  /** absolute: flyctl deploy's working directory (Fly's build context for a build) */
  cwd: string;
}

export interface FlySteps extends FlyRelease {
  target: FlyTarget;
  /** what deploy must set up before the release, from the facts (plan: not decided) */
  setUp: FlySetUp[];
  /** the secrets to stage (all of them when not known) */
  stage: string[];
  files: PlannedFile[];
  commands: PlannedCommand[];
  notes: string[];
}

export function connectHint(app: string): string {
  return `flyctl ssh console -a ${app}`;
}

/** The user sshd serves in the Sindri image (fly.toml [env] DEV_USER). */
export const SSH_USER = 'developer';

/** Why the SSH service needs addresses of its own (said in the plan and the guide). */
const RAW_TCP =
  "the SSH service is raw TCP: only the app's IPv6 or a dedicated IPv4 reaches it (a shared IPv4 carries HTTP and TLS only), and flyctl's first deploy allocates nothing for it without a terminal";

/** The address note: IPv6 only unless a dedicated IPv4 was asked for. */
export function addressNote(app: string, dedicatedIpv4: boolean): string {
  return dedicatedIpv4
    ? `${app}.fly.dev resolves to the app's IPv6 and its dedicated IPv4`
    : `${app}.fly.dev resolves to an IPv6 address only: a network without IPv6 (GitHub-hosted runners among them) reaches it with flyctl ssh console, or set providers.fly.dedicatedIpv4: true for a (billable) IPv4`;
}

/** What highAvailability gives on Fly (said at deploy and in the plan). */
export const HA_NOTE =
  'providers.fly.highAvailability gives ONE machine: flyctl creates a single machine for a group with a mounted volume, and the home volume is always mounted; a second machine would need a second, empty home volume (Fly volumes are not replicated), so the action does not add one (docs/providers/fly.md#high-availability)';

/**
 * The user's own fly.toml beside sindri.yaml (one this action wrote is not theirs), parsed; undefined
 * when there is none. A link is refused, not followed: the merged copy is printed by plan, so a link
 * from a pull request to a file elsewhere on the runner would put that file in the log.
 */
export function baseToml(ctx: Pick<ProviderContext, 'config' | 'workdir'>): BaseToml | undefined {
  const path = join(ctx.config.dir, FLY_TOML);
  const file = relative(ctx.workdir, path) || FLY_TOML;
  const text = readUsersFile(
    path,
    file,
    (target) =>
      new ActionError(`${file} is a symbolic link (to ${target}); a fly.toml of yours is read only as a plain file`, {
        where: { file },
        fix: `commit the file itself in place of the link (git rm ${file}, then add the real file), or remove it`,
      }),
  );
  return text === undefined || isOurToml(text) ? undefined : parseBaseToml(file, text);
}

/**
 * bluegreen starts new machines and moves traffic once they pass their checks: the action asks for
 * a health check of its own (health-command, or a whole health-url) besides the TCP check on sshd, so
 * "healthy" means the image works, not only that sshd listens.
 */
function refuseBluegreenWithoutCheck(ctx: Pick<ProviderContext, 'config' | 'inputs'>, settings: FlySettings): void {
  if (settings.strategy !== 'bluegreen' || ctx.inputs['health-command'] || /^https?:\/\//.test(ctx.inputs['health-url'])) return;
  throw new ActionError('providers.fly.strategy bluegreen needs a health check, and none is given', {
    where: { file: ctx.config.file, field: 'providers.fly.strategy' },
    fix: 'set the input health-command (run inside the machine) or a whole health-url (https://…), or use strategy rolling',
  });
}

/** What the release strategy does (said in the plan; providers.fly.strategy). */
export function strategyNote(strategy: FlySettings['strategy']): string {
  switch (strategy) {
    case 'immediate':
      return "strategy immediate (providers.fly.strategy): every machine is replaced at once and flyctl does not wait for its checks; a failed release is NOT kept back by Fly: the action's health check and rollback are what catch it";
    case 'bluegreen':
      return "strategy bluegreen (providers.fly.strategy): new machines start beside the old ones and take the traffic once they pass their checks; the old ones are then destroyed. The new machine needs the app's home volume, which the running machine holds: on the real platform Fly may refuse to start it (blue-green with a volume was not tried on Fly itself; docs/providers/fly.md#rollout-strategy)";
    default:
      return "strategy rolling (providers.fly.strategy, the default): one machine at a time, each waited for on its checks; a failed release keeps the previous release's machines";
  }
}

/** Which keys of the user's fly.toml ours replaced, and which were kept (the plan says it). */
export function mergeNote(base: string, copy: string, merge: { set: string[]; kept: string[] }): string {
  return `${base} (yours) is the base of ${copy}, which flyctl is given; yours is not changed. Set over yours: ${merge.set.length ? merge.set.join(', ') : 'nothing of yours differed'} (always ours: app, primary_region, swap_size_mb, [[vm]], [[mounts]], [deploy] strategy, our [env] keys, the [[services]] entry on sshd's port); kept from yours: ${merge.kept.length ? merge.kept.join(', ') : 'nothing else was written'}`;
}

/**
 * The app and its fly.toml for a context: bad settings and documents fail here, before any flyctl
 * call. With the image, also the copy a private one needs (FLY_REGISTRY_HOST read from `env`).
 */
export function flyTarget(
  ctx: Pick<ProviderContext, 'config' | 'inputs' | 'workdir' | 'trace'> & { image?: ImageDecision },
  secretNames: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): FlyTarget {
  const settings = flySettings(ctx.config);
  refuseBluegreenWithoutCheck(ctx, settings);
  const app = flyAppName(settings, ctx.inputs['name-suffix']);
  const base = baseToml(ctx);
  // the run's trace and the preview marks on every machine (sindri_run_url, sindri_name, …): `mode: sweep` finds previews by them
  const metadata = traceMetadata(ctx.trace, previewMarks(ctx.config.name, ctx.inputs['name-suffix']), traceMetaKey);
  const toml = renderFlyToml({ config: ctx.config, settings, app, secretNames, base, metadata });
  const copy = ctx.image?.access?.private ? flyCopy(ctx.image, app, flyRegistryHost(env)) : undefined;
  return {
    settings,
    app,
    secretNames: [...secretNames],
    toml,
    tomlPath: flyTomlFile(ctx.workdir, ctx.config.dir, base ? MERGED_TOML : FLY_TOML).file,
    ...(base ? { basePath: base.file } : {}),
    url: `ssh://${SSH_USER}@${app}.fly.dev:${settings.sshPort}`,
    connect: connectHint(app),
    ...(copy && { copy }),
  };
}

/**
 * `flyctl deploy` for the target: a prebuilt image with `--image` from fly.toml's folder, or a remote
 * build from the build context. `waitSeconds` and `fingerprints` are what is known only at the
 * release (the time left, Fly's digests of the staged secrets).
 */
export function flyRelease(
  ctx: Pick<ProviderContext, 'config' | 'inputs' | 'workdir' | 'image'>,
  target: FlyTarget,
  at: { waitSeconds: number; fingerprints?: string; image?: string },
): FlyRelease {
  const { config, inputs, image, workdir } = ctx;
  const env: Record<string, string> = { [TOML_HASH_ENV]: target.toml.hash };
  if (target.secretNames.length > 0) env[SECRET_FINGERPRINTS_ENV] = at.fingerprints ?? '<HMAC per secret, computed at deploy>';
  // --ha=false: with the mounted home volume flyctl makes one machine whatever --ha says (HA_NOTE)
  const common = { app: target.app, waitTimeoutSeconds: at.waitSeconds, highAvailability: false, strategy: target.settings.strategy, env };
  const tomlAbs = resolve(workdir, target.tomlPath);
  // a prebuilt image (its copy in Fly's registry when private), or the previous release's digest (a rollback)
  if (at.image || !image.build)
    return {
      cwd: config.dir,
      deploy: { ...common, config: basename(tomlAbs), image: at.image ?? target.copy?.reference ?? image.deployRef },
    };
  if (!image.dockerfile)
    throw new ActionError('the image decision asks for a build but names no Dockerfile', {
      fix: 'report this at https://github.com/sindri/deploy-action/issues',
    });
  // Fly's build context is flyctl's working directory: the build context; --dockerfile and --config relative to it
  const cwd = resolve(workdir, inputs['build-context'] || '.');
  return {
    cwd,
    deploy: {
      ...common,
      config: relative(cwd, tomlAbs),
      dockerfile: relative(cwd, resolve(workdir, image.dockerfile)),
      buildArgs: inputs['build-args'],
      noCache: inputs.force,
      imageLabel: image.parsed.tag,
    },
  };
}

/** The pure heart: from the target and the facts, the set-up, the release and every flyctl command with why. */
export function flySteps(ctx: ProviderContext, target: FlyTarget, facts: FlyFacts): FlySteps {
  const { config, image, inputs, workdir } = ctx;
  const { app, settings, secretNames } = target;
  const notes = [...target.toml.notes];
  const setUp: FlySetUp[] = [];
  const commands: PlannedCommand[] = [];
  const probe = (argv: string[], why: string) => commands.push({ argv: ['flyctl', ...argv], why, mutates: false });
  /** a set-up command: run when `needed`, listed as conditional when that is not known (plan) */
  const change = (step: FlySetUp, needed: boolean | undefined, argv: string[], why: string, conditional: string) => {
    if (needed === false) return;
    if (needed) setUp.push(step);
    commands.push({ argv: ['flyctl', ...argv], why: needed ? why : conditional, mutates: true });
  };
  const unless = (fact: boolean | undefined) => (fact === undefined ? undefined : !fact);

  probe(flyctlArgv.status(app), 'does the app exist, and what runs (image, fly.toml hash)');
  change(
    'apps create',
    unless(facts.appExists),
    flyctlArgv.appsCreate(app, settings.organization),
    'the app does not exist',
    'only when the app does not exist',
  );
  probe(flyctlArgv.volumesList(app), `is volume ${HOME_VOLUME} there`);
  change(
    'volumes create',
    unless(facts.volumePresent),
    flyctlArgv.volumesCreate(app, HOME_VOLUME, volumeGigabytes(config), settings.region),
    `volume ${HOME_VOLUME} is missing`,
    `only when volume ${HOME_VOLUME} is missing`,
  );
  const stage = facts.stage ?? secretNames;
  if (secretNames.length > 0) {
    probe(flyctlArgv.secretsList(app), "Fly's digest of each secret");
    const why = `stage ${stage.join(', ')} (NAME=value lines on stdin, never in argv)`;
    change(
      'secrets import',
      facts.stage === undefined ? undefined : stage.length > 0,
      flyctlArgv.secretsImport(app),
      why,
      `${why}; only those whose value changed`,
    );
  }
  if (facts.appExists !== false) probe(flyctlArgv.ipsList(app), 'which public addresses the app has');
  change('ips allocate-v6', unless(facts.v6Present), flyctlArgv.ipsAllocateV6(app), RAW_TCP, `only when the app has no IPv6: ${RAW_TCP}`);
  if (settings.dedicatedIpv4) {
    const why = 'providers.fly.dedicatedIpv4: a dedicated (billable) IPv4';
    change('ips allocate-v4', unless(facts.dedicatedV4Present), flyctlArgv.ipsAllocateV4(app), why, `${why}, when the app has none`);
  }
  notes.push(addressNote(app, settings.dedicatedIpv4));

  if (target.copy) notes.push(copyNote(target.copy));
  const release = flyRelease(ctx, target, facts);
  commands.push({
    argv: ['flyctl', ...flyctlArgv.deploy(release.deploy)],
    cwd: relative(workdir, release.cwd) || undefined,
    why: image.build
      ? `remote build of ${image.dockerfile} by Fly's builder${inputs.force ? ' without cache (force)' : ''}, then a ${settings.strategy} release`
      : target.copy
        ? `a ${settings.strategy} release of ${target.copy.reference}, copied from ${target.copy.from}: no build, no builder`
        : `a ${settings.strategy} release of ${image.deployRef}: no build, no builder`,
    mutates: true,
  });
  if (image.build) probe(flyctlArgv.imageShow(app), 'the image Fly built: image and image-digest');
  if (image.build) notes.push(...unusedBuildKitInputs(inputs, 'Fly’s remote builder builds the image, with its own cache'));
  if (settings.highAvailability) notes.push(HA_NOTE);
  notes.push(strategyNote(settings.strategy));
  if (target.basePath && target.toml.merge) notes.push(mergeNote(target.basePath, target.tomlPath, target.toml.merge));

  return { ...release, target, setUp, stage, files: [{ path: target.tomlPath, content: target.toml.text }], commands, notes };
}
