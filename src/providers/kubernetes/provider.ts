/**
 * provider: kubernetes — the pinned image as a Deployment (with its Service, home PVC, Secrets and
 * optional Ingress) in the cluster of the runner's kubeconfig (docs/behaviour.md#providers, ADR 0007).
 *
 * Deploy: probe the cluster (context, reachability, what runs now), render the steps once, skip when
 * nothing changed, release (one server-side apply on stdin), wait for the rollout within the run's
 * deadline less the share kept for what follows a failure (ADR 0019), and on failure print `describe`
 * and the recent events and, with `rollback`, undo and wait again. Destroy deletes by our labels only.
 */
import { notRead, type ResourceChange } from '../../plan/changes.js';
import { isDeadlineExceeded } from '../../deadline.js';
import { compareObjects } from './live.js';
import type { Deadline } from '../../deadline.js';
import { ActionError } from '../../errors.js';
import type { Exec } from '../../external/exec.js';
import { Kubectl, unreachable, type LiveObject } from '../../external/kubectl.js';
import { currentContextOf } from '../../external/kubeconfig.js';
import { KubeClient } from '../../external/kube-api.js';
import { localCluster } from '../../external/local-cluster.js';
import { resourceName } from '../../naming.js';
import { randomBytes } from 'node:crypto';
import { group, info, setSecret, warning } from '../../runner.js';
import { warnNotices } from '../kit/notices.js';
import { lastLine } from '../kit/output.js';
import { requireSecrets, resolveSecrets } from '../kit/secrets.js';
import { checkDeployment, healthyOf } from '../kit/health.js';
import { rollbackReserve } from '../kit/time.js';
import type { HealthOutcome, HealthTarget } from '../../health/check.js';
import type { DeployResult, DestroyContext, Preview, Provider, ProviderContext, ProviderPlan } from '../types.js';
import {
  APP,
  APP_LABEL,
  claimSize,
  CONTAINER,
  FIELD_MANAGER,
  ROLE_LABEL,
  SALT_KEY,
  VERSION_LABEL,
  INSTANCE_LABEL,
  MANAGED_BY_LABEL,
  SUFFIX_LABEL,
  traceAnnotation,
} from './manifests.js';
import { NAME_SUFFIX_RE } from '../../inputs.js';
import { envPruneSelector, PLACEHOLDER, pullCredential, sameSecretData } from './secrets.js';
import { kubernetesSettings } from './settings.js';
import { readExtraManifests } from './extra.js';
import {
  claimDecision,
  connectHint,
  kubernetesSteps,
  kubernetesTarget,
  liveImage,
  liveRefs,
  OWNED_KINDS,
  PROBE_MS,
  refuseBuild,
  sameManifests,
  unchanged,
  type KubernetesFacts,
  type KubernetesSteps,
} from './steps.js';
import { DOCKER_ENV } from '../../external/docker.js';

/**
 * The cluster: reads (ADR 0047), the apply and the rollout watch (ADR 0052) in-process from the API
 * server where the kubeconfig allows, else kubectl.
 */
const reader = (ctx: { workdir: string }, kubectl: Kubectl) => new KubeClient(kubectl, process.env, ctx.workdir, info);

/** kept at the end of a rollback for reading what runs again */
const CHECK_RESERVE_MS = 3_000;

export class KubernetesProvider implements Provider {
  readonly name = 'kubernetes' as const;

  /** the Deployment, Service and Ingress */
  deployedName(ctx: DestroyContext): string {
    return resourceName(ctx.config.name, ctx.inputs['name-suffix']);
  }

  async plan(ctx: ProviderContext): Promise<ProviderPlan> {
    const secrets = resolveSecrets(ctx.config);
    const placeholders = new Map([...secrets.values.keys()].map((k) => [k, PLACEHOLDER]));
    const extra = readExtraManifests(ctx.config, kubernetesSettings(ctx.config), ctx.workdir);
    const steps = kubernetesSteps(ctx, { secrets: placeholders, context: '', loadLocal: false, extra });
    const notes = [...steps.notes, ...secrets.notices.map((n) => n.message)];
    if (secrets.missingRequired.length > 0)
      notes.push(`required secrets not set: ${secrets.missingRequired.join(', ')} (deploy fails before applying anything)`);
    if (!ctx.image.digest) notes.push(`the image is not pinned (${ctx.image.deployRef}): pin-digest false deploys it as written`);
    const objects = steps.manifests.objects.map((o) => `${o.kind} ${o.metadata.name}`);
    const base = { files: steps.files, commands: steps.commands, notes, ...(steps.manifests.url ? { url: steps.manifests.url } : {}) };
    const diff = await this.liveDiff(ctx, secrets.values);
    if ('reason' in diff) return { ...base, ...notRead(objects, diff.reason) };
    return { ...base, notes: [...notes, ...diff.notes], changes: diff.changes, live: { known: true, reason: diff.read } };
  }

  /**
   * The live diff of a plan: the same probe a deploy makes (read-only), then a server-side dry-run
   * apply of the same document (`dryRun=All`: answered, never persisted), each object it answers with
   * against the live one. Any failure is the reason the plan could not compare; the plan goes on.
   */
  private async liveDiff(
    ctx: ProviderContext,
    values: ReadonlyMap<string, string>,
  ): Promise<{ changes: ResourceChange[]; read: string; notes: string[] } | { reason: string }> {
    try {
      const kubectl = new Kubectl(ctx.exec, ctx.workdir);
      const { facts, live: before } = await this.probe(ctx, kubectl, values);
      const steps = kubernetesSteps(ctx, facts);
      const read = `context ${facts.context || '(current)'}, namespace ${steps.target.namespace}`;
      // a namespace that does not exist yet: every object is new (and a dry-run cannot create into it)
      if (!facts.namespaceExists)
        return {
          changes: steps.manifests.objects.map((o) => ({ action: 'create', resource: `${o.kind} ${o.metadata.name}` })),
          read,
          notes: [],
        };
      const budget = () => ctx.deadline.budget('the live objects were compared', PROBE_MS);
      // what the deploy would prune, by its own rule, listed beside the dry run (one read, only when it would prune;
      // in-process where the kubeconfig allows, ADR 0047)
      const prune = this.pruned(ctx, steps, before);
      const kube = reader(ctx, kubectl);
      const [applied, pruned] = await Promise.all([
        kube.applyDryRun(steps.target, steps.applied, FIELD_MANAGER, budget()),
        prune ? kube.listByLabel(steps.target, 'secret', prune.selector, budget()) : [],
      ]);
      const refs = applied.map((o) => `${o.kind.toLowerCase()}/${o.metadata.name}`);
      const live = refs.length ? await kube.get(steps.target, refs, budget()) : [];
      const deletes: ResourceChange[] = pruned.map((ref) => ({
        action: 'delete',
        resource: `Secret ${ref.replace(/^secret\//, '')}`,
        note: 'an older env Secret: deleted after a good rollout',
      }));
      const notes = prune?.kept
        ? [
            `Secret ${prune.kept} is kept: the previous revision reads it (kubectl rollout undo needs it); the next deploy with new values deletes it`,
          ]
        : [];
      return { changes: [...compareObjects(live, applied), ...deletes], read, notes };
    } catch (e) {
      if (isDeadlineExceeded(e)) throw e;
      return { reason: (e instanceof Error ? e.message : String(e)).split('\n')[0]! };
    }
  }

  /**
   * What runs now and what the steps need (the probe): reads only. Ahead of the tools and the
   * verification only when every read is in-process and no local cluster's loader may be needed.
   */
  async readLive(ctx: ProviderContext): Promise<KubernetesPrepared> {
    refuseBuild(ctx);
    const secrets = requireSecrets(ctx.config);
    warnNotices(ctx.config, secrets.notices);
    return await this.probe(ctx, new Kubectl(ctx.exec, ctx.workdir), secrets.values);
  }

  canReadLiveAhead(ctx: ProviderContext): boolean {
    const settings = kubernetesSettings(ctx.config);
    const context = settings.context ?? currentContextOf(process.env, ctx.workdir);
    if (localCluster(context) !== undefined) return false;
    return 'api' in reader(ctx, new Kubectl(ctx.exec, ctx.workdir)).api(settings.context ? { context: settings.context } : {});
  }

  async apply(ctx: ProviderContext, prepared?: unknown): Promise<DeployResult> {
    const { facts, live } = (prepared as KubernetesPrepared | undefined) ?? (await this.readLive(ctx));
    const kubectl = new Kubectl(ctx.exec, ctx.workdir);
    const steps = kubernetesSteps(ctx, facts);
    const before = live.find((o) => o.kind === 'Deployment');
    const previousImage = liveImage(before) ?? '';
    const rolloutDeadline = ctx.deadline.before(rollbackReserve(ctx.inputs.timeout));
    if (!ctx.inputs.force && unchanged(steps, live, ctx.image.deployRef)) {
      const dep = steps.manifests.names.deployment;
      info(`deployment ${dep} already runs ${ctx.image.deployRef} with these manifests: nothing to do (force: true redeploys)`);
      // a skipped deploy still runs the check: it is cheap and tells the truth
      const health = await checkDeployment(ctx.inputs, this.healthTarget(kubectl, steps), rolloutDeadline);
      if (health && !health.healthy)
        throw new ActionError(`deployment ${dep} runs ${ctx.image.deployRef} unchanged, but fails its health check: ${health.last}`, {
          where: { file: ctx.config.file },
          fix: `${health.what} must pass: read the attempts above; nothing was changed, so there is nothing to roll back`,
          extra: { rolledBack: 'false', previousImage, healthy: 'false' },
        });
      return { ...deployResult(ctx, steps, facts.context, true), health, previousImage };
    }
    await this.release(ctx, kubectl, steps, before, live);
    const health = await this.rollout(ctx, kubectl, steps, before, rolloutDeadline);
    await this.pruneSecrets(ctx, kubectl, steps, before);
    return { ...deployResult(ctx, steps, facts.context, false), health, previousImage };
  }

  /**
   * After a good rollout with new env values: the env Secrets but the current one and the one the
   * previous revision names (what `rollout undo` would need) are deleted, by our labels.
   */
  private async pruneSecrets(ctx: ProviderContext, kubectl: Kubectl, steps: KubernetesSteps, before: LiveObject | undefined) {
    const selector = envPruneSelector(steps.manifests.selector, PRUNE_LABELS, steps.manifests.names.secret, envSecretOf(before));
    if (!selector) return;
    await kubectl.deleteByLabel(steps.target, ['secrets'], selector, ctx.deadline.budget('the older env Secrets were deleted', PROBE_MS));
  }

  /** What `pruneSecrets` would delete after this deploy (none when the deploy would skip), and the env Secret it keeps for undo. */
  private pruned(
    ctx: ProviderContext,
    steps: KubernetesSteps,
    live: readonly LiveObject[],
  ): { selector: string; kept?: string } | undefined {
    if (!ctx.inputs.force && unchanged(steps, live, ctx.image.deployRef)) return undefined;
    const previous = envSecretOf(live.find((o) => o.kind === 'Deployment'));
    const selector = envPruneSelector(steps.manifests.selector, PRUNE_LABELS, steps.manifests.names.secret, previous);
    return selector ? { selector, ...(previous ? { kept: previous } : {}) } : undefined;
  }

  /** what the health check runs against: the url output, and `kubectl exec` into the deployment */
  private healthTarget(kubectl: Kubectl, steps: KubernetesSteps): HealthTarget {
    const dep = steps.manifests.names.deployment;
    return {
      url: steps.manifests.url,
      name: `deployment/${dep}`,
      runInside: async (command, timeoutMs) => await kubectl.execIn(steps.target, dep, CONTAINER, command, timeoutMs),
    };
  }

  /** context, reachability: every deploy and destroy starts here */
  private async connect(ctx: { deadline: Deadline; workdir: string }, kubectl: Kubectl, context: string | undefined): Promise<string> {
    const current = context ?? currentContextOf(process.env, ctx.workdir);
    const probe = await kubectl.serverVersion(
      context ? { context } : {},
      ctx.deadline.budget('the Kubernetes API server answered', PROBE_MS),
    );
    if (!probe.ok) throw unreachable(current, probe.reason);
    info(`context ${current || '(current)'}: API server ${probe.version}`);
    return current;
  }

  /** what the steps need to know, and what runs now: nothing is rendered before all of it is known */
  private async probe(ctx: ProviderContext, kubectl: Kubectl, secrets: ReadonlyMap<string, string>) {
    const settings = kubernetesSettings(ctx.config);
    // the context from the kubeconfig as kubectl resolves it: no process (issue 25)
    const context = settings.context ?? currentContextOf(process.env, ctx.workdir);
    const extra = readExtraManifests(ctx.config, settings, ctx.workdir);
    // existing pull Secrets named in the settings: none is generated from the registry credentials
    const pull = settings.imagePullSecrets.length > 0 ? undefined : await pullCredential(ctx);
    const loadLocal = localCluster(context) !== undefined && !ctx.image.digest && (await presentLocally(ctx.exec, ctx.image.deployRef));
    const { target, names } = kubernetesTarget(ctx, settings, { secrets, pull });
    // one read for everything the steps need: the Deployment, our Secrets, the claim, the namespace
    // — and the proof that the API server answers: no separate `kubectl version` (issue 25)
    const read = await reader(ctx, kubectl).getAllowed(
      target,
      liveRefs(names, settings.namespace, settings.imagePullSecrets),
      ctx.deadline.budget('the live objects were read', PROBE_MS),
    );
    if (read.failed) throw unreachable(context, read.failed);
    const missing = settings.imagePullSecrets.filter((n) => !read.objects.some((o) => o.kind === 'Secret' && o.metadata.name === n));
    if (missing.length > 0)
      throw new ActionError(
        `providers.kubernetes.imagePullSecrets names ${missing.join(', ')}, but namespace ${settings.namespace} has no such Secret: the pod could not pull its image`,
        {
          where: { file: ctx.config.file, field: 'providers.kubernetes.imagePullSecrets' },
          fix: `create it first (kubectl create secret docker-registry ${missing[0]} -n ${settings.namespace} --docker-server=… --docker-username=… --docker-password=…), or remove the name`,
        },
      );
    info(`context ${context || '(current)'}: the API server answered (${read.objects.length} of our objects found)`);
    const live = read.objects.filter((o) => o.kind !== 'Namespace');
    // a namespace the kubeconfig user may not read (a namespace-scoped account) exists and is not ours to manage
    const namespaceForbidden =
      settings.namespace !== 'default' && read.forbidden.some((l) => l.includes(`namespaces "${settings.namespace}"`));
    const others = read.forbidden.filter((l) => !l.includes(`namespaces "${settings.namespace}"`));
    if (others.length > 0)
      throw new ActionError(`reading the live objects was refused: ${others[0]}`, {
        fix: `give the kubeconfig user get on deployments, secrets and persistentvolumeclaims in namespace ${target.namespace}`,
      });
    if (namespaceForbidden)
      info(
        `namespace ${settings.namespace}: this kubeconfig user may not read it (Forbidden), so it is taken to exist and is left out of the apply`,
      );
    const namespaceExists = settings.namespace === 'default' || namespaceForbidden || read.objects.some((o) => o.kind === 'Namespace');
    const claim = await this.claim(ctx, kubectl, settings, names.pvc, live);
    const foreign = live.find((o) => o.kind === 'Deployment' && o.metadata.labels?.[MANAGED_BY_LABEL] !== FIELD_MANAGER);
    if (foreign)
      throw new ActionError(
        `a Deployment named ${names.deployment} already exists in namespace ${target.namespace} and was not deployed by this action`,
        {
          where: { file: ctx.config.file, field: 'name' },
          fix: `delete it (kubectl delete deployment ${names.deployment} -n ${target.namespace}), or change name / input name-suffix`,
        },
      );
    // the salt of the env Secret's version: kept in its own Secret, new on a first deploy
    const key = names.secretKey ? live.find((o) => o.kind === 'Secret' && o.metadata.name === names.secretKey) : undefined;
    const kept = key?.data?.[SALT_KEY] ? Buffer.from(key.data[SALT_KEY], 'base64').toString('utf8') : '';
    const secretSalt = names.secretKey ? kept || randomBytes(16).toString('hex') : undefined;
    if (secretSalt) setSecret(secretSalt);
    const facts: KubernetesFacts = { secrets, pull, context, loadLocal, namespaceExists, secretSalt, claim, extra };
    return { facts, live };
  }

  /** the home claim against the live one: grow only where allowed, else keep it and say so */
  private async claim(
    ctx: ProviderContext,
    kubectl: Kubectl,
    settings: ReturnType<typeof kubernetesSettings>,
    pvc: string,
    live: readonly LiveObject[],
  ): Promise<{ storage?: string; storageClass?: string; accessModes?: string[] } | undefined> {
    const current = live.find((o) => o.kind === 'PersistentVolumeClaim' && o.metadata.name === pvc);
    const wanted = { storage: claimSize(ctx.config), storageClass: settings.storageClass, accessModes: [settings.volumeAccessMode] };
    let decision = claimDecision(current, wanted);
    if (decision.needsClass) {
      const sc = await reader(ctx, kubectl).getAllowed(
        { namespace: settings.namespace, ...(settings.context ? { context: settings.context } : {}) },
        [`storageclass/${decision.needsClass}`],
        ctx.deadline.budget('the storage class was read', PROBE_MS),
      );
      const expandable =
        sc.forbidden.length > 0
          ? 'forbidden'
          : (sc.objects[0] as { allowVolumeExpansion?: boolean } | undefined)?.allowVolumeExpansion === true;
      decision = claimDecision(current, wanted, expandable);
    }
    if (decision.line) (decision.warn ? warning : info)(decision.line);
    return decision.keep;
  }

  /** a local-only image into kind/k3d, one apply on stdin, and new pods when only secret values changed */
  private async release(
    ctx: ProviderContext,
    kubectl: Kubectl,
    steps: KubernetesSteps,
    before: LiveObject | undefined,
    live: LiveObject[],
  ) {
    if (steps.loader)
      await steps.loader.load(
        ctx.exec,
        ctx.image.deployRef,
        ctx.deadline.budget(`the image was loaded into ${steps.loader.tool}`, 600_000),
      );
    await reader(ctx, kubectl).apply(
      steps.target,
      steps.applied,
      FIELD_MANAGER,
      ctx.deadline.budget('the manifests were applied', 120_000),
    );
    // same digest and manifests, new secret values: the pods read envFrom only when they start
    if (sameManifests(steps, before, ctx.image.deployRef) && !sameSecretData(steps.manifests.objects, live)) {
      info('the secret values changed: restarting the pods so they read them');
      await kubectl.rolloutRestart(
        steps.target,
        steps.manifests.names.deployment,
        ctx.deadline.budget('the pods were restarted', PROBE_MS),
      );
    }
  }

  /**
   * The rollout, watched until the run's deadline less `rollbackReserve(timeout)` (`until`): that share
   * is kept for describe, events and a rollback. kubectl's own `--timeout` ends the watch; a watch that
   * starts with none of its share left still looks once. Then the health check, within the same share.
   * A failure of either, with `rollback`, undoes the rollout (ADR 0022).
   */
  private async rollout(
    ctx: ProviderContext,
    kubectl: Kubectl,
    steps: KubernetesSteps,
    before: LiveObject | undefined,
    until: Deadline,
  ): Promise<HealthOutcome | undefined> {
    const { target } = steps;
    const dep = steps.manifests.names.deployment;
    const started = Date.now();
    const status = await reader(ctx, kubectl).rolloutStatus(target, dep, until);
    if (status.code !== 0) {
      const why = lastLine(status.stderr || status.stdout) || 'rollout failed';
      await group(`deployment ${dep}: describe`, async () =>
        info(await kubectl.describe(target, dep, ctx.deadline.budget('the deployment was described', PROBE_MS))),
      );
      await group(`namespace ${target.namespace}: recent events`, async () =>
        info(await kubectl.events(target, ctx.deadline.budget('the events were read', PROBE_MS))),
      );
      const waited = Math.round((Date.now() - started) / 1000);
      return await this.failed(
        ctx,
        kubectl,
        steps,
        before,
        `deployment ${dep} did not become ready within ${waited} s (${why})`,
        undefined,
      );
    }
    const health = await checkDeployment(ctx.inputs, this.healthTarget(kubectl, steps), until);
    if (health && !health.healthy)
      return await this.failed(
        ctx,
        kubectl,
        steps,
        before,
        `deployment ${dep} failed its health check (${health.what}): ${health.last}`,
        health,
      );
    return health;
  }

  /**
   * After a failed rollout or check: leave it (rollback: false, or a first deploy), or `rollout undo`,
   * prove that the restored template names the previous image by digest, wait for it and check it
   * again; always throws, with one line saying what runs now.
   */
  private async failed(
    ctx: ProviderContext,
    kubectl: Kubectl,
    steps: KubernetesSteps,
    before: LiveObject | undefined,
    what: string,
    health: HealthOutcome | undefined,
  ): Promise<never> {
    const { target } = steps;
    const dep = steps.manifests.names.deployment;
    const previousImage = liveImage(before) ?? '';
    const unhealthy = health ? 'false' : 'unknown';
    const failed = (detail: string, extra: Record<string, string>, fix = FAILED_FIX) =>
      new ActionError(`${what}; ${detail}`, { where: { file: ctx.config.file }, fix, extra: { previousImage, ...extra } });
    if (!ctx.inputs.rollback)
      throw failed(`it is left running as it is (rollback: false): ${ctx.image.deployRef}`, { rolledBack: 'false', healthy: unhealthy });
    if (!previousImage)
      throw failed('nothing to roll back to (its first deploy): it is left in place, mode: destroy removes it', {
        rolledBack: 'false',
        healthy: unhealthy,
      });
    const undo = await kubectl.rolloutUndo(target, dep, ctx.deadline.budget('the rollout was undone', PROBE_MS));
    if (undo.code !== 0)
      throw failed(
        `kubectl rollout undo failed too (${lastLine(undo.stderr || undo.stdout)})`,
        { rolledBack: 'false', healthy: unhealthy },
        `${FAILED_FIX}; then roll back by hand: kubectl rollout undo deployment/${dep} -n ${target.namespace}`,
      );
    const [now] = await reader(ctx, kubectl).get(
      target,
      [`deployment/${dep}`],
      ctx.deadline.budget('the restored revision was read', PROBE_MS),
    );
    const restored = liveImage(now) ?? '';
    const revision = now?.metadata.annotations?.['deployment.kubernetes.io/revision'];
    if (restored !== previousImage)
      throw failed(
        `kubectl rollout undo restored ${restored || 'no image'}, not the image that ran before (${previousImage})`,
        { rolledBack: 'false', healthy: 'unknown' },
        `${FAILED_FIX}; then put back ${previousImage} by hand: kubectl rollout history deployment/${dep} -n ${target.namespace}`,
      );
    const identity = pinnedByDigest(restored) ? 'by digest' : 'by a tag, which may have moved since (pin-digest: true deploys by digest)';
    const again = await reader(ctx, kubectl).rolloutStatus(target, dep, ctx.deadline.before(CHECK_RESERVE_MS));
    const recheck = again.code === 0 ? await checkDeployment(ctx.inputs, this.healthTarget(kubectl, steps), ctx.deadline) : undefined;
    const state =
      again.code !== 0
        ? `not ready either (${lastLine(again.stderr || again.stdout)})`
        : recheck === undefined
          ? 'ready again (no health check asked for)'
          : recheck.healthy
            ? `ready and healthy (${recheck.what} passed)`
            : `ready but not healthy either (${recheck.what}: ${recheck.last})`;
    const healthy = again.code !== 0 ? 'false' : healthyOf(recheck);
    throw failed(
      `rolled back: deployment ${dep} runs the previous image ${restored} again (${identity}${revision ? `, revision ${revision}` : ''}), ${state}`,
      { rolledBack: 'true', previousImage: restored, healthy },
    );
  }

  /**
   * The Deployments in the config's namespace labelled as ours with a name-suffix, whose annotations
   * name this config and `repository`, and whose name and instance label are what the action names
   * for that suffix.
   */
  async listPreviews(ctx: DestroyContext, repository: string): Promise<Preview[]> {
    const settings = kubernetesSettings(ctx.config);
    const kubectl = new Kubectl(ctx.exec, ctx.workdir);
    await this.connect(ctx, kubectl, settings.context);
    const target = { namespace: settings.namespace, ...(settings.context ? { context: settings.context } : {}) };
    const found = await kubectl.getByLabel(
      target,
      ['deployments.apps'],
      `${MANAGED_BY_LABEL}=${FIELD_MANAGER},${SUFFIX_LABEL}`,
      ctx.deadline.budget('the previews were listed', PROBE_MS),
    );
    const previews: Preview[] = [];
    for (const d of found) {
      const suffix = d.metadata.labels?.[SUFFIX_LABEL] ?? '';
      const notes = d.metadata.annotations ?? {};
      if (!NAME_SUFFIX_RE.test(suffix) || notes[traceAnnotation('name')] !== ctx.config.name) continue;
      if ((notes[traceAnnotation('repository')] ?? '').toLowerCase() !== repository.toLowerCase()) continue;
      const name = resourceName(ctx.config.name, suffix);
      if (d.metadata.name !== name || d.metadata.labels?.[INSTANCE_LABEL] !== name) continue;
      if (!previews.some((p) => p.suffix === suffix))
        previews.push({ suffix, deployedName: name, environment: notes[traceAnnotation('environment')] });
    }
    return previews;
  }

  async destroy(ctx: DestroyContext): Promise<{ removed: string[] }> {
    const settings = kubernetesSettings(ctx.config);
    const kubectl = new Kubectl(ctx.exec, ctx.workdir);
    await this.connect(ctx, kubectl, settings.context);
    const name = resourceName(ctx.config.name, ctx.inputs['name-suffix']);
    const target = { namespace: settings.namespace, ...(settings.context ? { context: settings.context } : {}) };
    const selector = `${MANAGED_BY_LABEL}=${FIELD_MANAGER},${INSTANCE_LABEL}=${name}`;
    const kinds = [...new Set([...OWNED_KINDS, ...extraResources(ctx, settings)])];
    const removed = await kubectl.listByLabel(target, kinds, selector, ctx.deadline.budget('our objects were listed', PROBE_MS));
    if (removed.length > 0) await kubectl.deleteByLabel(target, kinds, selector, ctx.deadline.budget('our objects were deleted', 300_000));

    // the namespace only when this deployment created it and no other deployment lives in it
    if (settings.namespace === 'default') return { removed };
    const [ns] = await reader(ctx, kubectl).get(
      target,
      [`namespace/${settings.namespace}`],
      ctx.deadline.budget('the namespace was read', PROBE_MS),
    );
    const ours = ns?.metadata.labels?.[INSTANCE_LABEL] === name && ns.metadata.labels?.[MANAGED_BY_LABEL] === FIELD_MANAGER;
    if (!ours) return { removed };
    const others = await kubectl.listByLabel(
      target,
      ['deployments.apps'],
      `${APP_LABEL}=${APP}`,
      ctx.deadline.budget('the namespace was checked', PROBE_MS),
    );
    if (others.length > 0) {
      info(`namespace ${settings.namespace} kept: other deployments live in it (${others.join(', ')})`);
      return { removed };
    }
    await kubectl.deleteNamespace(target, ctx.deadline.budget('the namespace was deleted', 300_000));
    return { removed: [...removed, `namespace/${settings.namespace}`] };
  }
}

/**
 * The kinds of the extra manifests, so destroy deletes them with ours (by our labels). A folder that
 * cannot be read now (moved, or broken since the deploy) is said, and our own kinds are deleted.
 */
function extraResources(ctx: DestroyContext, settings: ReturnType<typeof kubernetesSettings>): string[] {
  if (!settings.manifests) return [];
  try {
    return readExtraManifests(ctx.config, settings, ctx.workdir)?.resources ?? [];
  } catch (e) {
    warning(
      `the extra manifests (providers.kubernetes.manifests) could not be read, so only the action's own kinds are deleted: ${e instanceof Error ? e.message : String(e)}; delete the rest with kubectl delete <kind> -n ${settings.namespace} -l ${MANAGED_BY_LABEL}=${FIELD_MANAGER}`,
    );
    return [];
  }
}

/** what `readLive` found: the facts the steps are rendered from, and our live objects */
type KubernetesPrepared = Awaited<ReturnType<KubernetesProvider['probe']>>;

/** the labels that mark an env Secret and its version (manifests.ts) */
const PRUNE_LABELS = { role: ROLE_LABEL, version: VERSION_LABEL };

const FAILED_FIX = 'read the describe output, events and health attempts above; raise the input timeout if it only needs longer';

/** the env Secret a live Deployment's container reads */
function envSecretOf(d: LiveObject | undefined): string | undefined {
  const spec = d?.spec as
    { template?: { spec?: { containers?: { name: string; envFrom?: { secretRef?: { name: string } }[] }[] } } } | undefined;
  return spec?.template?.spec?.containers?.find((c) => c.name === CONTAINER)?.envFrom?.find((e) => e.secretRef)?.secretRef?.name;
}

/** `repo@sha256:<64 hex>`: an identity no push can move */
const pinnedByDigest = (ref: string): boolean => /@sha256:[0-9a-f]{64}$/.test(ref);

function deployResult(ctx: ProviderContext, steps: KubernetesSteps, context: string, skipped: boolean): DeployResult {
  const dep = steps.manifests.names.deployment;
  return {
    url: steps.manifests.url,
    skipped,
    built: false,
    image: ctx.image.deployRef,
    digest: ctx.image.digest,
    connect: connectHint(steps.target, dep),
    rolledBack: false,
    extra: { context: context || '(current)', namespace: steps.target.namespace, deployment: dep },
  };
}

/** Does the runner's engine have this image? (no docker: no) */
async function presentLocally(exec: Exec, ref: string): Promise<boolean> {
  try {
    return (
      (
        await exec.run('docker', ['image', 'inspect', '--format', '{{.Id}}', ref], {
          allowFailure: true,
          timeoutMs: PROBE_MS,
          pass: DOCKER_ENV,
        })
      ).code === 0
    );
  } catch {
    return false;
  }
}
