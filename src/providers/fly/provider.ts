/**
 * provider: fly — a Fly.io app from fly.toml, deployed with flyctl (SPEC §5, issue 7, ADR 0008).
 *
 * `plan` and `apply` share `flySteps`: the same fly.toml, the same argv (built by `flyctlArgv`).
 * `plan` runs no flyctl at all; `apply` first asks Fly what exists (status, volumes, secrets, IPs),
 * hands those facts to `flySteps`, and runs only the commands the facts call for. A prebuilt image is
 * deployed with `--image repo@sha256:…` (no build, no builder); a Dockerfile (rule 8) is built by
 * Fly's remote builder and read back with `flyctl image show`.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { Flyctl, flyctlArgv, type DeploySpec, type FlyStatus } from '../../external/flyctl.js';
import { ActionError } from '../../errors.js';
import { info, setSecret, warning } from '../../runner.js';
import {
  flyAppName,
  flySettings,
  FLY_TOML,
  HOME_VOLUME,
  isOurToml,
  renderFlyToml,
  volumeGigabytes,
  type FlySettings,
  type RenderedFlyToml,
} from './fly-toml.js';
import {
  encodeSecretsImport,
  formatFingerprints,
  parseFingerprints,
  secretFingerprint,
  secretsToStage,
  SECRET_FINGERPRINTS_ENV,
  TOML_HASH_ENV,
  type SecretRecord,
} from './secrets.js';
import { requireSecrets, resolveSecrets } from '../kit/secrets.js';
import type { DeployResult, DestroyContext, PlannedCommand, PlannedFile, Provider, ProviderContext, ProviderPlan } from '../types.js';

/** flyctl reads FLY_ACCESS_TOKEN first, then FLY_API_TOKEN (internal/config/config.go, env.First). */
export const TOKEN_ENVS = ['FLY_ACCESS_TOKEN', 'FLY_API_TOKEN'] as const;

/** machine states of a settled release (fly-go machine_types.go); auto-stop leaves machines stopped or suspended */
const SETTLED = new Set(['started', 'stopped', 'suspended']);

/** What the steps depend on besides the context; `undefined` = not known (plan). */
export interface FlyFacts {
  secretNames: string[];
  appExists?: boolean;
  volumePresent?: boolean;
  dedicatedV4Present?: boolean;
  /** names whose value must be (re)staged */
  stage?: string[];
  /** the value of SINDRI_SECRET_FINGERPRINTS for this deploy */
  fingerprints?: string;
  waitSeconds: number;
}

export interface FlySteps {
  settings: FlySettings;
  app: string;
  toml: RenderedFlyToml;
  /** fly.toml relative to workdir */
  tomlPath: string;
  url: string;
  connect: string;
  deploy: DeploySpec;
  /** absolute: flyctl deploy's working directory (Fly's build context) */
  deployCwd: string;
  files: PlannedFile[];
  commands: PlannedCommand[];
  notes: string[];
}

export function connectHint(app: string): string {
  return `flyctl ssh console -a ${app}`;
}

/** The pure heart: fly.toml and the flyctl commands for a context and what is known about the app. */
export function flySteps(ctx: ProviderContext, facts: FlyFacts): FlySteps {
  const { config, inputs, image, workdir } = ctx;
  const settings = flySettings(config);
  const app = flyAppName(settings, inputs['name-suffix']);
  const toml = renderFlyToml({ config, settings, app, secretNames: facts.secretNames });
  const tomlAbs = join(config.dir, FLY_TOML);
  const tomlPath = relative(workdir, tomlAbs) || FLY_TOML;
  const notes = [...toml.notes];
  const flyctl = (argv: string[]) => ['flyctl', ...argv];
  const commands: PlannedCommand[] = [
    { argv: flyctl(flyctlArgv.status(app)), why: 'does the app exist, and what runs (image, fly.toml hash)', mutates: false },
  ];
  if (facts.appExists !== true)
    commands.push({
      argv: flyctl(flyctlArgv.appsCreate(app, settings.organization)),
      why: facts.appExists === false ? 'the app does not exist' : 'only when the app does not exist',
      mutates: true,
    });
  commands.push({ argv: flyctl(flyctlArgv.volumesList(app)), why: `is volume ${HOME_VOLUME} there`, mutates: false });
  if (facts.volumePresent !== true)
    commands.push({
      argv: flyctl(flyctlArgv.volumesCreate(app, HOME_VOLUME, volumeGigabytes(config), settings.region)),
      why: facts.volumePresent === false ? `volume ${HOME_VOLUME} is missing` : `only when volume ${HOME_VOLUME} is missing`,
      mutates: true,
    });
  if (facts.secretNames.length > 0) {
    commands.push({ argv: flyctl(flyctlArgv.secretsList(app)), why: "Fly's digest of each secret", mutates: false });
    const stage = facts.stage ?? facts.secretNames;
    if (stage.length > 0)
      commands.push({
        argv: flyctl(flyctlArgv.secretsImport(app)),
        why: `stage ${stage.join(', ')} (NAME=value lines on stdin, never in argv)${facts.stage ? '' : '; only those whose value changed'}`,
        mutates: true,
      });
  }
  if (settings.dedicatedIpv4) {
    commands.push({ argv: flyctl(flyctlArgv.ipsList(app)), why: 'is a dedicated IPv4 allocated', mutates: false });
    if (facts.dedicatedV4Present !== true)
      commands.push({
        argv: flyctl(flyctlArgv.ipsAllocateV4(app)),
        why: 'providers.fly.dedicatedIpv4: a dedicated (billable) IPv4',
        mutates: true,
      });
  } else notes.push("IPs are Fly's defaults (a shared IPv4 and an IPv6); providers.fly.dedicatedIpv4: true adds a dedicated IPv4");

  const env: Record<string, string> = { [TOML_HASH_ENV]: toml.hash };
  if (facts.secretNames.length > 0) env[SECRET_FINGERPRINTS_ENV] = facts.fingerprints ?? '<HMAC per secret, computed at deploy>';
  let deploy: DeploySpec;
  let deployCwd: string;
  if (image.build) {
    if (!image.dockerfile)
      throw new ActionError('the image decision asks for a build but names no Dockerfile', {
        fix: 'report this at https://github.com/sindri/deploy-action/issues',
      });
    // Fly's build context is flyctl's working directory: the build context; --dockerfile and --config relative to it
    deployCwd = resolve(workdir, inputs['build-context'] || '.');
    deploy = {
      app,
      config: relative(deployCwd, tomlAbs),
      dockerfile: relative(deployCwd, resolve(workdir, image.dockerfile)),
      buildArgs: inputs['build-args'],
      noCache: inputs.force,
      imageLabel: image.parsed.tag,
      waitTimeoutSeconds: facts.waitSeconds,
      highAvailability: settings.highAvailability,
      env,
    };
  } else {
    deployCwd = config.dir;
    deploy = {
      app,
      config: FLY_TOML,
      image: image.deployRef,
      waitTimeoutSeconds: facts.waitSeconds,
      highAvailability: settings.highAvailability,
      env,
    };
  }
  commands.push({
    argv: flyctl(flyctlArgv.deploy(deploy)),
    cwd: relative(workdir, deployCwd) || undefined,
    why: image.build
      ? `remote build of ${image.dockerfile} by Fly's builder${inputs.force ? ' without cache (force)' : ''}, then a rolling release`
      : `a rolling release of ${image.deployRef}: no build, no builder`,
    mutates: true,
  });
  if (image.build)
    commands.push({ argv: flyctl(flyctlArgv.imageShow(app)), why: 'the image Fly built: image and image-digest', mutates: false });
  if (settings.highAvailability)
    notes.push('highAvailability: flyctl deploy --ha=true asks for a spare machine, and each machine needs its own home_data volume');

  const files: PlannedFile[] = [{ path: tomlPath, content: toml.text }];
  return {
    settings,
    app,
    toml,
    tomlPath,
    url: `https://${app}.fly.dev`,
    connect: connectHint(app),
    deploy,
    deployCwd,
    files,
    commands,
    notes,
  };
}

/** The Fly token from the environment, masked; missing → one line before any flyctl call. */
export function requireFlyToken(env: NodeJS.ProcessEnv = process.env): { name: string; value: string } {
  for (const name of TOKEN_ENVS) {
    const value = env[name]?.trim();
    if (value) {
      setSecret(value);
      return { name, value };
    }
  }
  throw new ActionError('FLY_API_TOKEN (or FLY_ACCESS_TOKEN) is not set: flyctl cannot reach Fly.io without a token', {
    where: { field: 'env FLY_API_TOKEN' },
    fix: 'create a token (flyctl tokens create deploy, or org for a new app), store it as a repository secret and pass it: env: FLY_API_TOKEN: ${{ secrets.FLY_API_TOKEN }}',
  });
}

/** The release already running: every machine settled on this image and this fly.toml. */
export function runsAlready(status: FlyStatus | undefined, digest: string, tomlHash: string, fingerprints: string | undefined): boolean {
  const machines = (status?.Machines ?? []).filter((m) => m.config?.metadata?.fly_process_group !== 'fly_app_release_command');
  if (!digest || machines.length === 0) return false;
  return machines.every(
    (m) =>
      SETTLED.has(m.state) &&
      (m.image_ref?.digest === digest || (m.config?.image ?? '').endsWith(`@${digest}`)) &&
      m.config?.env?.[TOML_HASH_ENV] === tomlHash &&
      (fingerprints === undefined || m.config?.env?.[SECRET_FINGERPRINTS_ENV] === fingerprints),
  );
}

/** what the running machines recorded about the secrets (the newest machine that has a record) */
function previousFingerprints(status: FlyStatus | undefined): Map<string, SecretRecord> {
  const m = (status?.Machines ?? []).find((x) => x.config?.env?.[SECRET_FINGERPRINTS_ENV]);
  return parseFingerprints(m?.config?.env?.[SECRET_FINGERPRINTS_ENV]);
}

/** A fly.toml of the user's own is never overwritten: only one this action generated. */
function refuseForeignToml(workdir: string, tomlPath: string): void {
  const path = join(workdir, tomlPath);
  if (existsSync(path) && !isOurToml(readFileSync(path, 'utf8')))
    throw new ActionError(`${tomlPath} exists and was not generated by this action`, {
      where: { file: tomlPath },
      fix: 'the action writes its own fly.toml from sindri.yaml: move yours away (or delete it), and put its settings in providers.fly',
    });
}

export class FlyProvider implements Provider {
  readonly name = 'fly' as const;

  /** the token and providers.fly, before the image is resolved (no registry request for a run that cannot deploy) */
  preflight(ctx: DestroyContext): void {
    requireFlyToken();
    flySettings(ctx.config);
  }

  async plan(ctx: ProviderContext): Promise<ProviderPlan> {
    const secrets = resolveSecrets(ctx.config);
    const steps = flySteps(ctx, {
      secretNames: [...secrets.values.keys()],
      waitSeconds: Math.max(1, Math.floor(ctx.inputs.timeout / 1000)),
    });
    const notes = [...steps.notes, ...secrets.notices.map((n) => n.message)];
    if (secrets.missingRequired.length > 0)
      notes.push(`required secrets not set: ${secrets.missingRequired.join(', ')} (deploy fails before any flyctl call)`);
    notes.push(
      ctx.image.build
        ? `Fly's remote builder builds ${ctx.image.dockerfile}; the image it pushes to registry.fly.io/${steps.app} is read back after the release`
        : `no image is built: ${ctx.image.digest ? 'the pinned digest' : 'the image as written'} is deployed with --image`,
    );
    notes.push(`url: ${steps.url}; connect: ${steps.connect}; deploy needs FLY_API_TOKEN (or FLY_ACCESS_TOKEN)`);
    return { files: steps.files, commands: steps.commands, notes };
  }

  async apply(ctx: ProviderContext): Promise<DeployResult> {
    // 1. before any flyctl call: the token, the secrets, and the documents (bad settings fail here)
    const token = requireFlyToken();
    const secrets = requireSecrets(ctx.config);
    for (const n of secrets.notices)
      warning(n.message, { file: ctx.config.file, startLine: n.line, startColumn: n.column, title: n.field });
    const secretNames = [...secrets.values.keys()];
    const waitSeconds = () =>
      Math.max(10, Math.floor((ctx.deadline.remaining() === Infinity ? ctx.inputs.timeout : ctx.deadline.remaining() - 15_000) / 1000));
    let steps = flySteps(ctx, { secretNames, waitSeconds: waitSeconds() });
    encodeSecretsImport(secrets.values, ctx.config.file); // refuses a value flyctl cannot parse back, before anything starts
    refuseForeignToml(ctx.workdir, steps.tomlPath);
    const { app, settings } = steps;
    const fly = new Flyctl(ctx.exec, ctx.workdir);

    // 2. what exists
    const status = await fly.status(app, ctx.deadline.budget('flyctl status', 120_000));
    const appExists = status !== undefined;
    const volumes = appExists ? await fly.volumesList(app, ctx.deadline.budget('flyctl volumesList', 60_000)) : [];
    const volumePresent = volumes.some((v) => v.name === HOME_VOLUME && !/destroy/.test(v.state));
    const flyDigests = new Map<string, string>();
    if (appExists && secretNames.length > 0)
      for (const s of await fly.secretsList(app, ctx.deadline.budget('flyctl secretsList', 60_000))) flyDigests.set(s.name, s.digest);
    const stage = secretsToStage(secrets.values, token.value, flyDigests, previousFingerprints(status));
    const fingerprintsFor = (digests: ReadonlyMap<string, string>) =>
      secretNames.length === 0
        ? undefined
        : formatFingerprints(
            new Map(
              secretNames.map((n) => [
                n,
                { hmac: secretFingerprint(token.value, n, secrets.values.get(n)!), digest: digests.get(n) ?? '' },
              ]),
            ),
          );
    const ips = appExists && settings.dedicatedIpv4 ? await fly.ipsList(app, ctx.deadline.budget('flyctl ipsList', 60_000)) : [];
    const facts: FlyFacts = {
      secretNames,
      appExists,
      volumePresent,
      dedicatedV4Present: ips.some((ip) => ip.Type === 'v4'),
      stage,
      fingerprints: fingerprintsFor(flyDigests),
      waitSeconds: waitSeconds(),
    };
    steps = flySteps(ctx, facts);
    writeFileSync(join(ctx.workdir, steps.tomlPath), steps.toml.text, { mode: 0o644 });
    info(`${steps.tomlPath} written (sha256 ${steps.toml.hash.slice(0, 12)})`);

    // 3. the digest that already runs with this fly.toml and these secrets: nothing to do
    if (
      !ctx.inputs.force &&
      !ctx.image.build &&
      stage.length === 0 &&
      runsAlready(status, ctx.image.digest, steps.toml.hash, facts.fingerprints)
    ) {
      info(`${app} already runs ${ctx.image.deployRef} with this fly.toml: nothing to do (force: true redeploys)`);
      return this.result(steps, { skipped: true, built: false, image: ctx.image.deployRef, digest: ctx.image.digest });
    }

    // 4. idempotent set-up: app, volume, secrets, IPs
    if (!appExists) {
      await fly.appsCreate(app, settings.organization, ctx.deadline.budget('flyctl appsCreate', 120_000));
      info(`created app ${app} in organization ${settings.organization}`);
    }
    if (!volumePresent)
      await fly.volumesCreate(
        app,
        HOME_VOLUME,
        volumeGigabytes(ctx.config),
        settings.region,
        ctx.deadline.budget('flyctl volumesCreate', 120_000),
      );
    if (stage.length > 0) {
      const staged = new Map(stage.map((n) => [n, secrets.values.get(n)!]));
      await fly.secretsImport(app, encodeSecretsImport(staged, ctx.config.file), ctx.deadline.budget('flyctl secretsImport', 120_000));
      info(`staged secret${stage.length > 1 ? 's' : ''} ${stage.join(', ')}`);
      flyDigests.clear();
      for (const s of await fly.secretsList(app, ctx.deadline.budget('flyctl secretsList', 60_000))) flyDigests.set(s.name, s.digest);
    } else if (secretNames.length > 0) info(`secrets unchanged, not staged again: ${secretNames.join(', ')}`);
    if (settings.dedicatedIpv4 && !facts.dedicatedV4Present)
      await fly.ipsAllocateV4(app, ctx.deadline.budget('flyctl ipsAllocateV4', 60_000));

    // 5. the release: the argv of the plan, with the fingerprints Fly's digests give now
    steps = flySteps(ctx, { ...facts, fingerprints: fingerprintsFor(flyDigests), waitSeconds: waitSeconds() });
    const r = await fly.deploy(steps.deploy, {
      cwd: steps.deployCwd,
      timeoutMs: Math.max(30_000, ctx.deadline.remaining() === Infinity ? ctx.inputs.timeout : ctx.deadline.remaining()),
    });
    if (r.code !== 0) {
      const what = r.timedOut ? `did not finish within the timeout` : `failed: ${r.message || `exit code ${r.code}`}`;
      const kept = status?.Deployed
        ? "Fly's rolling strategy kept the machines of the previous release running"
        : 'there was no previous release, so nothing runs';
      throw new ActionError(`flyctl deploy of ${app} ${what}; ${kept}`, {
        where: { file: ctx.config.file },
        fix: ctx.image.build
          ? `read the build and release log above; fix ${ctx.image.dockerfile} or the settings in ${ctx.config.file}`
          : `read the release log above (flyctl logs -a ${app}); raise the input timeout if the machines only need longer`,
      });
    }

    // 6. a remote build: the image Fly built and runs
    if (ctx.image.build) {
      const images = await fly.imageShow(app, ctx.deadline.budget('flyctl imageShow', 60_000));
      const built = images.find((i) => i.Digest) ?? images[0];
      if (!built?.Digest)
        throw new ActionError(`flyctl image show -a ${app} names no image after the release`, {
          fix: `check the release with flyctl releases -a ${app} --image`,
        });
      const repo = `${built.Registry}/${built.Repository}`;
      return this.result(steps, { skipped: false, built: true, image: `${repo}@${built.Digest}`, digest: built.Digest });
    }
    return this.result(steps, { skipped: false, built: false, image: ctx.image.deployRef, digest: ctx.image.digest });
  }

  private result(steps: FlySteps, r: { skipped: boolean; built: boolean; image: string; digest: string }): DeployResult {
    return {
      url: steps.url,
      ...r,
      connect: steps.connect,
      extra: { app: steps.app, 'fly-toml': steps.tomlPath, region: steps.settings.region },
    };
  }

  async destroy(ctx: DestroyContext): Promise<{ removed: string[] }> {
    requireFlyToken();
    const settings = flySettings(ctx.config);
    const app = flyAppName(settings, ctx.inputs['name-suffix']);
    const fly = new Flyctl(ctx.exec, ctx.workdir);
    const removed: string[] = [];
    if (await fly.appsDestroy(app, ctx.deadline.budget('flyctl appsDestroy', 300_000)))
      removed.push(`app ${app} (its machines, volumes, secrets and IPs)`);
    else info(`app ${app} does not exist on Fly.io: nothing to destroy there`);
    const toml = join(ctx.config.dir, FLY_TOML);
    const tomlPath = relative(ctx.workdir, toml) || FLY_TOML;
    if (existsSync(toml)) {
      if (isOurToml(readFileSync(toml, 'utf8'))) {
        rmSync(toml, { force: true });
        removed.push(`file ${tomlPath}`);
      } else warning(`${tomlPath} was not written by this action and is left alone`);
    }
    return { removed };
  }
}
