/**
 * provider: fly — a Fly.io app from fly.toml, deployed with flyctl (docs/behaviour.md#providers,
 * issue 7, ADR 0008).
 *
 * `plan` and `apply` share `flySteps` (steps.ts): the same fly.toml, the same argv. `plan` runs no
 * flyctl at all. `apply` reads as its phases: what can fail here (token, secrets, settings, fly.toml),
 * probe (what Fly has), render (the steps, once), skip (the release already runs), prepare (app,
 * volume, secrets, IPs), release (`flyctl deploy`), check (for a build, the image Fly built). A
 * prebuilt image is deployed with `--image repo@sha256:…` (no build, no builder); a Dockerfile (rule
 * 8) is built by Fly's remote builder. Fly's rolling strategy (the default; providers.fly.strategy)
 * keeps the previous release's machines when a release fails. A fly.toml of the user's is the base
 * of the generated fly.sindri.toml (ADR 0039).
 */
import { notRead } from '../../plan/changes.js';
import type { Deadline } from '../../deadline.js';
import { Flyctl, type FlyStatus } from '../../external/flyctl.js';
import { FlyReader, resolveFlyApi, type FlyRead } from '../../external/fly-api.js';
import { flyTokenEnv } from '../../external/fly-token.js';
import { ActionError } from '../../errors.js';
import { info, setSecret, warning } from '../../runner.js';
import type { HealthOutcome, HealthTarget } from '../../health/check.js';
import { checkGenerated, removeGenerated, writeGenerated } from '../kit/files.js';
import { checkDeployment, healthyOf } from '../kit/health.js';
import { warnNotices } from '../kit/notices.js';
import { rollbackReserve } from '../kit/time.js';
import { requireSecrets, resolveSecrets, type ResolvedSecrets } from '../kit/secrets.js';
import type { DeployResult, DestroyContext, Preview, Provider, ProviderContext, ProviderPlan } from '../types.js';
import { FLY_TOML, HOME_VOLUME, MERGED_TOML, flyTomlFile, volumeGigabytes } from './fly-toml.js';
import {
  encodeSecretsImport,
  fingerprintsOf,
  previousFingerprints,
  secretFingerprint,
  secretsToStage,
  SECRET_FINGERPRINTS_ENV,
  TOML_HASH_ENV,
} from './secrets.js';
import { listFlyPreviews } from './previews.js';
import { appMachines, compareApp, LIVE_READ_MS, readApp } from './live.js';
import { flyAppName, flySettings } from './settings.js';
import {
  addressNote,
  flyRelease,
  flySteps,
  flyTarget,
  HA_NOTE,
  type FlyFacts,
  type FlySetUp,
  type FlySteps,
  type FlyTarget,
} from './steps.js';

/** machine states of a settled release (fly-go machine_types.go); auto-stop leaves machines stopped or suspended */
const SETTLED = new Set(['started', 'stopped', 'suspended']);

/** flyctl's own wait for the machines ends this long before the run's: flyctl then names the machine that failed and exits by itself */
const FLYCTL_REPORT_MS = 15_000;

/** The token from the environment, masked; undefined when none is set. */
export function flyToken(env: NodeJS.ProcessEnv = process.env): { name: string; value: string } | undefined {
  const name = flyTokenEnv(env);
  if (!name) return undefined;
  const value = env[name]!.trim();
  setSecret(value);
  return { name, value };
}

/** The token from the environment, masked; missing → one line before any flyctl call. */
export function requireFlyToken(env: NodeJS.ProcessEnv = process.env): { name: string; value: string } {
  const token = flyToken(env);
  if (token) return token;
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

/**
 * What runs now, by digest: `<registry>/<repository>@sha256:…` from the machines' image_ref (fly-go
 * machine_types.go), '' when nothing runs or no machine names a digest. Never a tag: a rollback
 * deploys exactly these bytes.
 */
export function runningImage(status: FlyStatus | undefined): string {
  const machines = (status?.Machines ?? []).filter((m) => m.config?.metadata?.fly_process_group !== 'fly_app_release_command');
  for (const m of machines) {
    const ref = m.image_ref;
    if (ref?.digest && ref.repository) return `${ref.registry ? `${ref.registry}/` : ''}${ref.repository}@${ref.digest}`;
    const pinned = /^[^@\s]+@sha256:[a-f0-9]{64}$/.exec(m.config?.image ?? '');
    if (pinned) return pinned[0];
  }
  return '';
}

/** The file this run writes: fly.toml, or fly.sindri.toml over a fly.toml of the user's. */
function tomlFileOf(ctx: Pick<ProviderContext, 'workdir' | 'config'>, target: Pick<FlyTarget, 'basePath'>) {
  return flyTomlFile(ctx.workdir, ctx.config.dir, target.basePath ? MERGED_TOML : FLY_TOML);
}

/** What a failed `flyctl deploy` left running, by strategy. */
function keptAfterFailure(strategy: string, deployedBefore: boolean): string {
  if (!deployedBefore) return 'there was no previous release, so nothing runs';
  if (strategy === 'immediate')
    return `the immediate strategy replaces every machine at once, so they may run the failed release (flyctl status shows which)`;
  return `Fly's ${strategy} strategy kept the machines of the previous release running`;
}

/**
 * flyctl with a config folder of this run's own (`FLY_CONFIG_DIR`): `ssh console` writes the
 * WireGuard keys it makes into its config.yml, and the agent its socket. Under RUNNER_TEMP,
 * registered before it exists (the post step removes it after a cancel), removed when the run ends.
 */
function flyctlIn(ctx: DestroyContext): { fly: Flyctl; configDir: string } {
  const configDir = ctx.temps.dir('sindri-flyctl-');
  return { fly: new Flyctl(ctx.exec, ctx.workdir, { FLY_CONFIG_DIR: configDir }), configDir };
}

/** The reads of a deploy or a plan: Fly's API in-process where it applies, else this flyctl (ADR 0051). */
const readerOf = (ctx: DestroyContext, fly: Flyctl) => new FlyReader(fly, ctx.exec.deadline, info);

/** One deploy: the run's context, flyctl, the token, the secrets and the target they give. */
interface FlyRun {
  ctx: ProviderContext;
  fly: Flyctl;
  /** flyctl's FLY_CONFIG_DIR for this run */
  configDir: string;
  /** the probe's reads: in-process, else flyctl */
  reader: FlyReader;
  /** set once `flyctl ssh console` ran: it starts flyctl's agent */
  agentStarted: { value: boolean };
  token: string;
  secrets: ResolvedSecrets;
  target: FlyTarget;
  /** what the copy of a private image did, in one line */
  copied?: string;
}

/** What Fly has before the deploy. */
interface FlyFound {
  /** undefined: the app does not exist */
  status?: FlyStatus;
  volumePresent: boolean;
  /** Fly's digest of each secret it holds */
  digests: ReadonlyMap<string, string>;
  v6Present: boolean;
  dedicatedV4Present: boolean;
}

/** What `readLive` found ahead of the install step: undefined when the deploy reads in its turn. */
interface FlyAhead {
  found: FlyFound | undefined;
}

const CHECK_FIX = 'read the health attempts above (flyctl logs -a <app> shows the machine log); fix the image or the health inputs';

const seconds = (h: HealthOutcome) => Math.round(h.waitedMs / 1000);

/** `--wait-timeout` a plan shows: the whole `timeout` (deploy gives flyctl what is left at the release) */
const planWait = (ctx: ProviderContext) => Math.ceil(ctx.inputs.timeout / 1000);

export class FlyProvider implements Provider {
  readonly name = 'fly' as const;

  /** the Fly app (`providers.fly.name` else name) */
  deployedName(ctx: DestroyContext): string {
    return flyAppName(flySettings(ctx.config), ctx.inputs['name-suffix']);
  }

  /** the token and providers.fly, before the image is resolved (no registry request for a run that cannot deploy) */
  preflight(ctx: DestroyContext): void {
    requireFlyToken();
    flySettings(ctx.config);
  }

  async plan(ctx: ProviderContext): Promise<ProviderPlan> {
    const secrets = resolveSecrets(ctx.config);
    const target = flyTarget(ctx, [...secrets.values.keys()]);
    // what the live read found decides whether `apps create` is listed (the rest stays conditional)
    const { appExists, ...live } = await this.liveDiff(ctx, target, secrets.values);
    const steps = flySteps(ctx, target, { waitSeconds: planWait(ctx), appExists });
    const { app, url, connect } = steps.target;
    const notes = [...steps.notes, ...secrets.notices.map((n) => n.message)];
    if (secrets.missingRequired.length > 0)
      notes.push(`required secrets not set: ${secrets.missingRequired.join(', ')} (deploy fails before any flyctl call)`);
    notes.push(
      ctx.image.build
        ? `Fly's remote builder builds ${ctx.image.dockerfile}; the image it pushes to registry.fly.io/${app} is read back after the release`
        : `no image is built: ${ctx.image.digest ? 'the pinned digest' : 'the image as written'} is deployed with --image`,
    );
    notes.push(`url: ${url}; connect: ${connect}; deploy needs FLY_API_TOKEN (or FLY_ACCESS_TOKEN)`);
    if (Object.keys(steps.target.toml.metadata ?? {}).length)
      notes.push(
        `the trace and preview marks go onto every machine's metadata through machine_config in ${steps.target.tomlPath} (outside the fly.toml hash: a new run of the same thing is not a change)`,
      );
    return { files: steps.files, commands: steps.commands, notes, url, untraced: steps.target.toml.untraced, ...live };
  }

  /**
   * The live diff of a plan (ADR 0042): with a token, ONE read-only read of what `flyctl status --app
   * <app> --json` shows (Fly's API in-process, else that flyctl: ADR 0051) and the decision apply
   * makes to skip; without a token, or when the read fails, the reason. The plan goes on either way.
   */
  private async liveDiff(
    ctx: ProviderContext,
    target: FlyTarget,
    values: ReadonlyMap<string, string>,
  ): Promise<Pick<ProviderPlan, 'changes' | 'live'> & { appExists?: boolean }> {
    const { app } = target;
    const unknown = (reason: string) => notRead([`app ${app}`], reason);
    const token = flyToken();
    if (!token) return unknown('FLY_API_TOKEN (or FLY_ACCESS_TOKEN) is not set, so the plan does not ask Fly');
    const { fly, configDir } = flyctlIn(ctx);
    const reader = readerOf(ctx, fly);
    try {
      const read = await readApp(reader, app, ctx.deadline.budget(`Fly's API or flyctl status could read app ${app}`, LIVE_READ_MS));
      if ('reason' in read) return unknown(read.reason);
      const change = compareApp({
        app,
        status: read.status,
        deployRef: target.copy?.reference ?? ctx.image.deployRef,
        digest: ctx.image.digest,
        build: ctx.image.build,
        dockerfile: ctx.image.dockerfile,
        tomlHash: target.toml.hash,
        secretHmacs: values.size ? new Map([...values].map(([n, v]) => [n, secretFingerprint(token.value, n, v)])) : undefined,
        force: ctx.inputs.force,
      });
      const machines = appMachines(read.status).length;
      const what = read.status ? `${machines} machine${machines === 1 ? '' : 's'}` : 'no such app';
      return {
        changes: [change],
        live: { known: true, reason: `${reader.inProcess ? `Fly's API in-process, app ${app}` : `flyctl status --app ${app}`}: ${what}` },
        appExists: read.status !== undefined,
      };
    } finally {
      ctx.temps.remove(configDir);
    }
  }

  /**
   * The probe's one round of requests to Fly's API, after the same local checks as a deploy: what
   * `apply` reads first. Ahead of the install step only when that read is in-process; one that fails
   * there is read again by the deploy in its turn (through flyctl if need be), so it never needs the
   * flyctl the install step provides (ADR 0052).
   */
  async readLive(ctx: ProviderContext): Promise<FlyAhead> {
    const { secrets, target } = this.checked(ctx, true);
    const reader = readerOf(ctx, new Flyctl(ctx.exec, ctx.workdir));
    const read = await reader.probeInProcess(target.app, secrets.values.size > 0, this.statusBudget(ctx, target.app));
    return { found: read && this.found(read) };
  }

  canReadLiveAhead(): boolean {
    return resolveFlyApi(process.env).ok;
  }

  async apply(ctx: ProviderContext, prepared?: unknown): Promise<DeployResult> {
    const ahead = prepared as FlyAhead | undefined;
    // the checks' warnings were said by the read ahead, in this same group
    const run = this.local(ctx, ahead === undefined);
    try {
      return await this.deployRun(run, ahead?.found);
    } finally {
      await this.stopAgent(run);
      ctx.temps.remove(run.configDir);
    }
  }

  /** After a health command: the agent ssh console started runs on with the token; it is stopped (what is left of the run, 10 s at most). */
  private async stopAgent({ ctx, fly, agentStarted }: FlyRun): Promise<void> {
    const ms = Math.min(10_000, ctx.deadline.remaining());
    if (!agentStarted.value || ms <= 0) return;
    if (!(await fly.agentStop(ms))) warning(`flyctl agent stop did not stop flyctl's agent: stop it on this runner with flyctl agent stop`);
  }

  private async deployRun(run: FlyRun, ahead: FlyFound | undefined): Promise<DeployResult> {
    const { ctx } = run;
    const found = ahead ?? (await this.probe(run));
    const facts = this.facts(run, found);
    const steps = flySteps(ctx, run.target, facts);
    if (steps.target.toml.untraced) warning(`the machines carry no trace metadata: ${steps.target.toml.untraced}`);
    this.writeToml(run);
    const previous = runningImage(found.status);
    if (this.runsAlready(run, found, facts)) return await this.verify(run, this.skip(run), previous);
    const digests = await this.prepare(run, steps, found.digests);
    await this.copyImage(run);
    await this.release(run, found, digests, previous);
    return await this.verify(run, await this.readBack(run), previous, digests);
  }

  /** Everything that can fail before Fly is asked anything, and flyctl with a config folder of this run's own. */
  private local(ctx: ProviderContext, warn: boolean): FlyRun {
    const checked = this.checked(ctx, warn);
    const local = flyctlIn(ctx);
    return { ctx, ...local, reader: readerOf(ctx, local.fly), agentStarted: { value: false }, ...checked };
  }

  /** Everything that can fail before Fly is asked anything: the token, the secrets, the settings and fly.toml. */
  private checked(ctx: ProviderContext, warn: boolean): Pick<FlyRun, 'token' | 'secrets' | 'target'> {
    const token = requireFlyToken().value;
    const secrets = requireSecrets(ctx.config);
    if (warn) warnNotices(ctx.config, secrets.notices);
    const target = flyTarget(ctx, [...secrets.values.keys()]);
    encodeSecretsImport(secrets.values, ctx.config.file); // refuses a value flyctl cannot parse back, before anything starts
    checkGenerated(tomlFileOf(ctx, target));
    if (ctx.inputs['health-url'].startsWith('/'))
      throw new ActionError(
        `health-url ${ctx.inputs['health-url']} is a path, but a Fly app of this action serves only SSH (raw TCP on port ${target.settings.sshPort}): there is no HTTP service to join it to`,
        {
          where: { field: 'input health-url' },
          fix: 'give a whole URL the app answers at (https://…), or use health-command, which runs inside the machine through flyctl ssh console',
        },
      );
    if (warn && target.settings.highAvailability) warning(HA_NOTE);
    return { token, secrets, target };
  }

  /**
   * What Fly has: the app and its machines, the home volume, the app's addresses and Fly's digests of
   * the secrets. In-process one round of parallel requests to Fly's API; else `flyctl status`, then the
   * three lists side by side (FlyReader, ADR 0051).
   */
  private async probe(run: FlyRun): Promise<FlyFound> {
    const { ctx, reader, target } = run;
    const { app } = target;
    const read = await reader.probe(app, run.secrets.values.size > 0, {
      statusMs: this.statusBudget(ctx, app),
      listMs: () => ctx.deadline.budget(`flyctl volumes list, ips list and secrets list could read app ${app}`, 60_000),
    });
    return this.found(read);
  }

  private statusBudget(ctx: ProviderContext, app: string): number {
    return ctx.deadline.budget(`Fly's API or flyctl status could ask Fly about app ${app}`, 120_000);
  }

  /** What was read, as the steps need it. */
  private found(read: FlyRead): FlyFound {
    if (!read.status) return { volumePresent: false, digests: new Map(), v6Present: false, dedicatedV4Present: false };
    return {
      status: read.status,
      volumePresent: read.volumes.some((v) => v.name === HOME_VOLUME && !/destroy/.test(v.state)),
      digests: new Map(read.secrets.map((s) => [s.name, s.digest])),
      v6Present: read.ips.some((ip) => ip.Type === 'v6'),
      dedicatedV4Present: read.ips.some((ip) => ip.Type === 'v4'),
    };
  }

  /**
   * Fly's digest of each secret of the app, after `secrets import`: through flyctl, which asks for the
   * secrets' version it just wrote (internal/appsecrets minvers).
   */
  private async digests({ ctx, fly, target }: FlyRun): Promise<Map<string, string>> {
    const listed = await fly.secretsList(
      target.app,
      ctx.deadline.budget("flyctl secrets list could read Fly's digests of the secrets", 60_000),
    );
    return new Map(listed.map((s) => [s.name, s.digest]));
  }

  /** The facts the steps are rendered from: what was found, and which secrets changed since the action last set them. */
  private facts({ ctx, token, secrets }: FlyRun, found: FlyFound): FlyFacts {
    return {
      appExists: found.status !== undefined,
      volumePresent: found.volumePresent,
      v6Present: found.v6Present,
      dedicatedV4Present: found.dedicatedV4Present,
      stage: secretsToStage(secrets.values, token, found.digests, previousFingerprints(found.status)),
      fingerprints: fingerprintsOf(secrets.values, token, found.digests),
      waitSeconds: planWait(ctx),
    };
  }

  /** This digest already runs with this fly.toml and these secrets (a build or `force` always releases). */
  private runsAlready({ ctx, target }: FlyRun, found: FlyFound, facts: FlyFacts): boolean {
    return (
      !ctx.inputs.force &&
      !ctx.image.build &&
      facts.stage?.length === 0 &&
      runsAlready(found.status, ctx.image.digest, target.toml.hash, facts.fingerprints)
    );
  }

  private skip({ ctx, target }: FlyRun): DeployResult {
    const image = target.copy?.reference ?? ctx.image.deployRef;
    info(`${target.app} already runs ${image} with this fly.toml: nothing to do (force: true redeploys)`);
    return this.result(target, { skipped: true, built: false, image, digest: ctx.image.digest });
  }

  private writeToml({ ctx, target }: FlyRun): void {
    writeGenerated({ ...tomlFileOf(ctx, target), content: target.toml.text });
    const over = target.basePath ? ` over ${target.basePath} (yours, unchanged)` : '';
    info(`${target.tomlPath} written${over} (sha256 ${target.toml.hash.slice(0, 12)})`);
  }

  /** The set-up the steps call for, in their order; returns Fly's digests of the secrets after it. */
  private async prepare(run: FlyRun, steps: FlySteps, digests: ReadonlyMap<string, string>): Promise<ReadonlyMap<string, string>> {
    const { ctx, fly, target, secrets } = run;
    const { app, settings } = target;
    const setUp: Record<FlySetUp, () => Promise<void>> = {
      'apps create': async () => {
        await fly.appsCreate(app, settings.organization, ctx.deadline.budget(`flyctl apps create could create app ${app}`, 120_000));
        info(`created app ${app} in organization ${settings.organization}`);
      },
      'volumes create': () =>
        fly.volumesCreate(
          app,
          HOME_VOLUME,
          volumeGigabytes(ctx.config),
          settings.region,
          ctx.deadline.budget(`flyctl volumes create could create volume ${HOME_VOLUME}`, 120_000),
        ),
      'secrets import': async () => {
        const staged = new Map(steps.stage.map((n) => [n, secrets.values.get(n)!]));
        const names = steps.stage.join(', ');
        await fly.secretsImport(
          app,
          encodeSecretsImport(staged, ctx.config.file),
          ctx.deadline.budget(`flyctl secrets import could stage ${names}`, 120_000),
        );
        info(`staged secret${steps.stage.length > 1 ? 's' : ''} ${names}`);
        digests = await this.digests(run);
      },
      'ips allocate-v6': async () => {
        await fly.ipsAllocateV6(app, ctx.deadline.budget('flyctl ips allocate-v6 could allocate an IPv6', 60_000));
        info(`allocated an IPv6 for ${app}: the SSH service on port ${settings.sshPort} is raw TCP, which a shared IPv4 does not carry`);
      },
      'ips allocate-v4': async () => {
        await fly.ipsAllocateV4(app, ctx.deadline.budget('flyctl ips allocate-v4 could allocate a dedicated IPv4', 60_000));
        info(`allocated a dedicated IPv4 for ${app} (providers.fly.dedicatedIpv4)`);
      },
    };
    for (const step of steps.setUp) await setUp[step]();
    if (target.secretNames.length > 0 && !steps.setUp.includes('secrets import'))
      info(`secrets unchanged, not staged again: ${target.secretNames.join(', ')}`);
    info(addressNote(app, settings.dedicatedIpv4));
    return digests;
  }

  /**
   * A private image is copied to the app's repository in Fly's registry, byte for byte (after `apps
   * create`: the repository is the app's). The source is read with the run's credentials, the target
   * written as flyctl does (user x, the Fly token). The digest does not change, so what was verified
   * is what Fly pulls; a second deploy finds everything there and sends nothing.
   */
  private async copyImage(run: FlyRun): Promise<void> {
    const { ctx } = run;
    const plan = run.target.copy;
    if (!plan) return;
    const [{ copyImage }, { credentialChain }, { flyRegistryCredential }] = await Promise.all([
      import('../../image/copy.js'),
      import('../../image/credentials.js'),
      import('../../image/registry-fly.js'),
    ]);
    info(`${plan.from} is private: copying it to ${plan.registry}/${plan.repository}, which Fly can pull`);
    const fly = flyRegistryCredential();
    const result = await copyImage(
      { reference: plan.from, credentials: credentialChain({ inputs: ctx.inputs, exec: ctx.exec }) },
      { registry: fly.registry, repository: plan.repository, credentials: fly.credentials },
      { deadline: ctx.deadline },
    );
    info(result.note);
    ctx.image.trace.push({ rule: 0, source: 'copy', outcome: 'applied', reason: `${result.note}; deployed as ${result.reference}` });
    run.copied = result.note;
  }

  /**
   * The deadline of the rollout: with a health check and `rollback: true`, the run less the
   * rollback's reserve (the previous digest is released again and checked within it); otherwise the
   * whole run (a failed release keeps the previous machines: nothing to undo).
   */
  private rolloutDeadline({ ctx }: FlyRun, previous: string): Deadline {
    const check = ctx.inputs['health-url'] !== '' || ctx.inputs['health-command'] !== '';
    return check && ctx.inputs.rollback && previous ? ctx.deadline.before(rollbackReserve(ctx.inputs.timeout)) : ctx.deadline;
  }

  /** `flyctl deploy`: the argv of the plan, with the time left and the fingerprints Fly's digests give now. */
  private async release(run: FlyRun, found: FlyFound, digests: ReadonlyMap<string, string>, previous: string): Promise<void> {
    const { ctx, target } = run;
    const r = await this.deploy(run, this.rolloutDeadline(run, previous), digests);
    if (r.code === 0) return;
    const kept = keptAfterFailure(target.settings.strategy, found.status?.Deployed === true);
    throw new ActionError(`flyctl deploy of ${target.app} failed: ${r.message || `exit code ${r.code}`}; ${kept}`, {
      where: { file: ctx.config.file },
      fix: ctx.image.build
        ? `read the build and release log above; fix ${ctx.image.dockerfile} or the settings in ${ctx.config.file}`
        : `read the release log above (flyctl logs -a ${target.app}); raise the input timeout if the machines only need longer`,
      extra: { rolledBack: 'false', previousImage: previous, healthy: 'unknown' },
    });
  }

  /** One `flyctl deploy` within `until` (flyctl's own wait ends FLYCTL_REPORT_MS earlier); `image` releases that digest instead. */
  private async deploy(
    { ctx, fly, target, secrets, token }: FlyRun,
    until: Deadline,
    digests: ReadonlyMap<string, string>,
    image?: string,
  ): Promise<Awaited<ReturnType<Flyctl['deploy']>>> {
    const { app } = target;
    const wait = until.before(FLYCTL_REPORT_MS).budget(`flyctl deploy of ${app} could wait for its machines`);
    const { deploy, cwd } = flyRelease(ctx, target, {
      waitSeconds: Math.ceil(wait / 1000),
      fingerprints: fingerprintsOf(secrets.values, token, digests),
      image,
    });
    return await fly.deploy(deploy, { cwd, timeoutMs: until.budget(`flyctl deploy released ${app}`) });
  }

  /** What runs now: the image deployed, or for a remote build the image Fly built, read back. */
  private async readBack({ ctx, fly, target, copied }: FlyRun): Promise<DeployResult> {
    const { image } = ctx;
    if (!image.build)
      return this.result(
        target,
        { skipped: false, built: false, image: target.copy?.reference ?? image.deployRef, digest: image.digest },
        copied,
      );
    const images = await fly.imageShow(target.app, ctx.deadline.budget('flyctl image show could read the image Fly built', 60_000));
    const built = images.find((i) => i.Digest) ?? images[0];
    if (!built?.Digest)
      throw new ActionError(`flyctl image show -a ${target.app} names no image after the release`, {
        fix: `check the release with flyctl releases -a ${target.app} --image`,
      });
    const ref = `${built.Registry}/${built.Repository}@${built.Digest}`;
    ctx.onBuilt?.(ref, built.Digest);
    return this.result(target, { skipped: false, built: true, image: ref, digest: built.Digest });
  }

  /** What the health check reaches: the url, and the machine through `flyctl ssh console --command`. */
  private healthTarget({ fly, target, agentStarted }: FlyRun): HealthTarget {
    return {
      url: target.url,
      name: `app ${target.app}`,
      runInside: (command, timeoutMs) => {
        agentStarted.value = true;
        return fly.sshCommand(target.app, command, timeoutMs);
      },
    };
  }

  /**
   * The health check after the release (or on what already ran, for a skip). Unhealthy with
   * `rollback: true` and a previous digest: that digest is released again and checked again, and the
   * run fails with one line saying what runs now and whether it is healthy.
   */
  private async verify(run: FlyRun, result: DeployResult, previous: string, digests?: ReadonlyMap<string, string>): Promise<DeployResult> {
    const { ctx, target } = run;
    const health = await checkDeployment(ctx.inputs, this.healthTarget(run), this.rolloutDeadline(run, previous));
    if (!health || health.healthy) return { ...result, health, previousImage: previous, rolledBack: false };
    const what = `${target.app} runs ${result.image} but it failed its health check (${health.what}) within ${seconds(health)} s: ${health.last}`;
    const failed = (detail: string, extra: Record<string, string>, fix = CHECK_FIX) =>
      new ActionError(`${what}; ${detail}`, { where: { file: ctx.config.file }, fix, extra: { healthy: 'false', ...extra } });
    const kept = { rolledBack: 'false', previousImage: result.skipped ? '' : previous };
    if (result.skipped || !digests) throw failed('it was already running, so there is nothing to roll back to', kept);
    if (!ctx.inputs.rollback) throw failed('it is left running (rollback: false)', kept);
    if (!previous) throw failed('nothing ran before (its first deploy): it is left running, mode: destroy removes it', kept);
    if (previous === result.image) throw failed(`the previous release ran the same digest: nothing else to roll back to`, kept);
    info(`rollback: releasing the previous image ${previous} again`);
    const r = await this.deploy(run, ctx.deadline, digests, previous);
    if (r.code !== 0)
      throw failed(
        `the rollback to ${previous} failed too (${r.message || `exit code ${r.code}`})`,
        kept,
        `${CHECK_FIX}; then release the previous image by hand: flyctl deploy --app ${target.app} --image ${previous}`,
      );
    const again = await checkDeployment(ctx.inputs, this.healthTarget(run), ctx.deadline);
    const now = again?.healthy ? 'healthy again' : `not healthy either (${again?.last ?? 'not checked'})`;
    throw failed(`rolled back: ${previous} runs now, ${now}`, {
      rolledBack: 'true',
      previousImage: previous,
      healthy: healthyOf(again),
    });
  }

  /** The outcome; a private image adds the reference Fly runs (`fly-image`) and what its copy did (`image-copy`). */
  private result(target: FlyTarget, r: { skipped: boolean; built: boolean; image: string; digest: string }, copied?: string): DeployResult {
    const extra: Record<string, string> = { app: target.app, 'fly-toml': target.tomlPath, region: target.settings.region };
    if (target.copy) extra['fly-image'] = target.copy.reference;
    if (copied) extra['image-copy'] = copied;
    return { url: target.url, ...r, connect: target.connect, extra };
  }

  /** `mode: sweep`: the organization's apps named as previews whose machines carry the preview marks (previews.ts) */
  async listPreviews(ctx: DestroyContext, repository: string): Promise<Preview[]> {
    requireFlyToken();
    const { fly, configDir } = flyctlIn(ctx);
    try {
      return await listFlyPreviews(ctx, fly, repository);
    } finally {
      ctx.temps.remove(configDir);
    }
  }

  async destroy(ctx: DestroyContext): Promise<{ removed: string[] }> {
    requireFlyToken();
    const app = flyAppName(flySettings(ctx.config), ctx.inputs['name-suffix']);
    const { fly, configDir } = flyctlIn(ctx);
    const removed: string[] = [];
    try {
      if (await fly.appsDestroy(app, ctx.deadline.budget(`flyctl apps destroy could remove app ${app}`, 300_000)))
        removed.push(`app ${app} (its machines, volumes, secrets and IPs)`);
      else info(`app ${app} does not exist on Fly.io: nothing to destroy there`);
    } finally {
      ctx.temps.remove(configDir);
    }
    // what the action wrote: fly.toml, or fly.sindri.toml beside a fly.toml of the user's (left alone)
    for (const name of [FLY_TOML, MERGED_TOML] as const) {
      const toml = flyTomlFile(ctx.workdir, ctx.config.dir, name);
      const gone = removeGenerated(toml);
      if (gone === 'removed') removed.push(`file ${toml.file}`);
      else if (gone === 'not-ours' && name === FLY_TOML) info(`${toml.file} is yours (the base of ${MERGED_TOML}) and is left alone`);
      else if (gone === 'not-ours') warning(`${toml.file} was not written by this action and is left alone`);
    }
    return { removed };
  }
}
