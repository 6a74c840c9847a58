/**
 * What provider fly does, decided without side effects, for plan and deploy alike: the target (the
 * app, its settings and the fly.toml rendered for it), then from what Fly has (the facts) the set-up
 * commands, the release and the read-back, each with its argv (built by `flyctlArgv`, so the plan
 * prints exactly what deploy runs). A fact that is not known (plan) makes a command conditional.
 */
import { join, relative, resolve } from 'node:path';
import { flyctlArgv, type DeploySpec } from '../../external/flyctl.js';
import { ActionError } from '../../errors.js';
import type { PlannedCommand, PlannedFile, ProviderContext } from '../types.js';
import { FLY_TOML, HOME_VOLUME, renderFlyToml, volumeGigabytes, type RenderedFlyToml } from './fly-toml.js';
import { SECRET_FINGERPRINTS_ENV, TOML_HASH_ENV } from './secrets.js';
import { flyAppName, flySettings, type FlySettings } from './settings.js';

/** The app and its fly.toml: everything that follows from the context alone. */
export interface FlyTarget {
  settings: FlySettings;
  app: string;
  /** `source: env` secrets that have a value: never in [env], staged with `flyctl secrets import` */
  secretNames: string[];
  toml: RenderedFlyToml;
  /** fly.toml relative to workdir */
  tomlPath: string;
  url: string;
  connect: string;
}

/** What Fly has, as the probes found it; `undefined` = not known (plan). */
export interface FlyFacts {
  appExists?: boolean;
  volumePresent?: boolean;
  dedicatedV4Present?: boolean;
  /** names whose value must be (re)staged */
  stage?: string[];
  /** the value of SINDRI_SECRET_FINGERPRINTS for this deploy */
  fingerprints?: string;
  /** flyctl deploy `--wait-timeout` */
  waitSeconds: number;
}

/** A set-up command that changes something on Fly, in the order deploy runs them. */
export type FlySetUp = 'apps create' | 'volumes create' | 'secrets import' | 'ips allocate-v4';

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

/** The app and its fly.toml for a context: bad settings and documents fail here, before any flyctl call. */
export function flyTarget(ctx: Pick<ProviderContext, 'config' | 'inputs' | 'workdir'>, secretNames: readonly string[]): FlyTarget {
  const settings = flySettings(ctx.config);
  const app = flyAppName(settings, ctx.inputs['name-suffix']);
  const toml = renderFlyToml({ config: ctx.config, settings, app, secretNames });
  return {
    settings,
    app,
    secretNames: [...secretNames],
    toml,
    tomlPath: relative(ctx.workdir, join(ctx.config.dir, FLY_TOML)) || FLY_TOML,
    url: `https://${app}.fly.dev`,
    connect: connectHint(app),
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
  at: { waitSeconds: number; fingerprints?: string },
): FlyRelease {
  const { config, inputs, image, workdir } = ctx;
  const env: Record<string, string> = { [TOML_HASH_ENV]: target.toml.hash };
  if (target.secretNames.length > 0) env[SECRET_FINGERPRINTS_ENV] = at.fingerprints ?? '<HMAC per secret, computed at deploy>';
  const common = { app: target.app, waitTimeoutSeconds: at.waitSeconds, highAvailability: target.settings.highAvailability, env };
  const tomlAbs = join(config.dir, FLY_TOML);
  if (!image.build) return { cwd: config.dir, deploy: { ...common, config: FLY_TOML, image: image.deployRef } };
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
  if (settings.dedicatedIpv4) {
    probe(flyctlArgv.ipsList(app), 'is a dedicated IPv4 allocated');
    const why = 'providers.fly.dedicatedIpv4: a dedicated (billable) IPv4';
    change('ips allocate-v4', unless(facts.dedicatedV4Present), flyctlArgv.ipsAllocateV4(app), why, why);
  } else notes.push("IPs are Fly's defaults (a shared IPv4 and an IPv6); providers.fly.dedicatedIpv4: true adds a dedicated IPv4");

  const release = flyRelease(ctx, target, facts);
  commands.push({
    argv: ['flyctl', ...flyctlArgv.deploy(release.deploy)],
    cwd: relative(workdir, release.cwd) || undefined,
    why: image.build
      ? `remote build of ${image.dockerfile} by Fly's builder${inputs.force ? ' without cache (force)' : ''}, then a rolling release`
      : `a rolling release of ${image.deployRef}: no build, no builder`,
    mutates: true,
  });
  if (image.build) probe(flyctlArgv.imageShow(app), 'the image Fly built: image and image-digest');
  if (settings.highAvailability)
    notes.push('highAvailability: flyctl deploy --ha=true asks for a spare machine, and each machine needs its own home_data volume');

  return { ...release, target, setUp, stage, files: [{ path: target.tomlPath, content: target.toml.text }], commands, notes };
}
