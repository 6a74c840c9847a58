/**
 * provider: kubernetes — the pinned image as a Deployment (with its Service, home PVC, Secrets and
 * optional Ingress) in the cluster of the runner's kubeconfig (docs/behaviour.md#providers, ADR 0007).
 *
 * Deploy: probe the cluster (context, reachability, what runs now), render the steps once, skip when
 * nothing changed, release (one server-side apply on stdin), wait for the rollout within the run's
 * deadline less the share kept for what follows a failure (ADR 0019), and on failure print `describe`
 * and the recent events and, with `rollback`, undo and wait again. Destroy deletes by our labels only.
 */
import type { Deadline } from '../../deadline.js';
import { ActionError } from '../../errors.js';
import type { Exec } from '../../external/exec.js';
import { Kubectl, unreachable, type LiveObject } from '../../external/kubectl.js';
import { localCluster } from '../../external/local-cluster.js';
import { resourceName } from '../../naming.js';
import { group, info } from '../../runner.js';
import { warnNotices } from '../kit/notices.js';
import { lastLine } from '../kit/output.js';
import { requireSecrets, resolveSecrets } from '../kit/secrets.js';
import { rollbackReserve } from '../kit/time.js';
import type { DeployResult, DestroyContext, Provider, ProviderContext, ProviderPlan } from '../types.js';
import { APP, APP_LABEL, FIELD_MANAGER, INSTANCE_LABEL, MANAGED_BY_LABEL } from './manifests.js';
import { PLACEHOLDER, pullCredential, sameSecretData } from './secrets.js';
import { kubernetesSettings } from './settings.js';
import {
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
    const steps = kubernetesSteps(ctx, { secrets: placeholders, context: '', loadLocal: false });
    const notes = [...steps.notes, ...secrets.notices.map((n) => n.message)];
    if (secrets.missingRequired.length > 0)
      notes.push(`required secrets not set: ${secrets.missingRequired.join(', ')} (deploy fails before applying anything)`);
    if (!ctx.image.digest) notes.push(`the image is not pinned (${ctx.image.deployRef}): pin-digest false deploys it as written`);
    return { files: steps.files, commands: steps.commands, notes };
  }

  async apply(ctx: ProviderContext): Promise<DeployResult> {
    refuseBuild(ctx);
    const secrets = requireSecrets(ctx.config);
    warnNotices(ctx.config, secrets.notices);
    const kubectl = new Kubectl(ctx.exec, ctx.workdir);
    const { facts, live } = await this.probe(ctx, kubectl, secrets.values);
    const steps = kubernetesSteps(ctx, facts);
    const before = live.find((o) => o.kind === 'Deployment');
    if (!ctx.inputs.force && unchanged(steps, live, ctx.image.deployRef)) {
      const dep = steps.manifests.names.deployment;
      info(`deployment ${dep} already runs ${ctx.image.deployRef} with these manifests: nothing to do (force: true redeploys)`);
      return deployResult(ctx, steps, facts.context, true);
    }
    await this.release(ctx, kubectl, steps, before, live);
    await this.wait(ctx, kubectl, steps, before);
    return deployResult(ctx, steps, facts.context, false);
  }

  /** context, reachability: every deploy and destroy starts here */
  private async connect(ctx: { deadline: Deadline }, kubectl: Kubectl, context: string | undefined): Promise<string> {
    const current = context ?? (await kubectl.currentContext());
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
    const context = await this.connect(ctx, kubectl, settings.context);
    const pull = await pullCredential(ctx);
    const loadLocal = localCluster(context) !== undefined && !ctx.image.digest && (await presentLocally(ctx.exec, ctx.image.deployRef));
    const { target, names } = kubernetesTarget(ctx, settings, { secrets, pull });
    const [live, namespaceExists] = await Promise.all([
      kubectl.get(target, liveRefs(names), ctx.deadline.budget('the live objects were read', PROBE_MS)),
      settings.namespace === 'default' || kubectl.namespaceExists(target, ctx.deadline.budget('the namespace was looked up', PROBE_MS)),
    ]);
    const foreign = live.find((o) => o.kind === 'Deployment' && o.metadata.labels?.[MANAGED_BY_LABEL] !== FIELD_MANAGER);
    if (foreign)
      throw new ActionError(
        `a Deployment named ${names.deployment} already exists in namespace ${target.namespace} and was not deployed by this action`,
        {
          where: { file: ctx.config.file, field: 'name' },
          fix: `delete it (kubectl delete deployment ${names.deployment} -n ${target.namespace}), or change name / input name-suffix`,
        },
      );
    const facts: KubernetesFacts = { secrets, pull, context, loadLocal, namespaceExists };
    return { facts, live };
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
    await kubectl.apply(steps.target, steps.document, FIELD_MANAGER, ctx.deadline.budget('the manifests were applied', 120_000));
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
   * The rollout, watched until the run's deadline less `rollbackReserve(timeout)`: that share is kept for
   * describe, events and a rollback. kubectl's own `--timeout` ends the watch; a watch that starts with
   * none of its share left still looks once.
   */
  private async wait(ctx: ProviderContext, kubectl: Kubectl, steps: KubernetesSteps, before: LiveObject | undefined): Promise<void> {
    const { target } = steps;
    const dep = steps.manifests.names.deployment;
    const until = ctx.deadline.before(rollbackReserve(ctx.inputs.timeout));
    const waitMs = until.remaining();
    const status = await kubectl.rolloutStatus(target, dep, waitMs);
    if (status.code === 0) return;
    const why = lastLine(status.stderr || status.stdout) || 'rollout failed';
    await group(`deployment ${dep}: describe`, async () =>
      info(await kubectl.describe(target, dep, ctx.deadline.budget('the deployment was described', PROBE_MS))),
    );
    await group(`namespace ${target.namespace}: recent events`, async () =>
      info(await kubectl.events(target, ctx.deadline.budget('the events were read', PROBE_MS))),
    );
    const what = `deployment ${dep} did not become ready within ${Math.round(waitMs / 1000)} s (${why})`;
    const failed = (detail: string, extra: Record<string, string> = { rolledBack: 'false' }, fix = FAILED_FIX) =>
      new ActionError(`${what}; ${detail}`, { where: { file: ctx.config.file }, fix, extra });
    if (!ctx.inputs.rollback) throw failed('it is left as it is (rollback: false)');
    if (!liveImage(before)) throw failed('nothing to roll back to (its first deploy): it is left in place, mode: destroy removes it');
    const undo = await kubectl.rolloutUndo(target, dep, ctx.deadline.budget('the rollout was undone', PROBE_MS));
    if (undo.code !== 0)
      throw failed(
        `kubectl rollout undo failed too (${lastLine(undo.stderr || undo.stdout)})`,
        undefined,
        `${FAILED_FIX}; then roll back by hand: kubectl rollout undo deployment/${dep} -n ${target.namespace}`,
      );
    const again = await kubectl.rolloutStatus(target, dep, ctx.deadline.before(CHECK_RESERVE_MS).remaining());
    const [now] = await kubectl.get(target, [`deployment/${dep}`], ctx.deadline.budget('the restored revision was read', PROBE_MS));
    const restored = liveImage(now) ?? liveImage(before)!;
    const revision = now?.metadata.annotations?.['deployment.kubernetes.io/revision'];
    const ready = again.code === 0 ? 'ready again' : `not ready either (${lastLine(again.stderr || again.stdout)})`;
    throw failed(`rolled back to ${restored}${revision ? ` (revision ${revision})` : ''}, ${ready}`, {
      rolledBack: 'true',
      previousImage: restored,
    });
  }

  async destroy(ctx: DestroyContext): Promise<{ removed: string[] }> {
    const settings = kubernetesSettings(ctx.config);
    const kubectl = new Kubectl(ctx.exec, ctx.workdir);
    await this.connect(ctx, kubectl, settings.context);
    const name = resourceName(ctx.config.name, ctx.inputs['name-suffix']);
    const target = { namespace: settings.namespace, ...(settings.context ? { context: settings.context } : {}) };
    const selector = `${MANAGED_BY_LABEL}=${FIELD_MANAGER},${INSTANCE_LABEL}=${name}`;
    const removed = await kubectl.listByLabel(target, OWNED_KINDS, selector, ctx.deadline.budget('our objects were listed', PROBE_MS));
    if (removed.length > 0)
      await kubectl.deleteByLabel(target, OWNED_KINDS, selector, ctx.deadline.budget('our objects were deleted', 300_000));

    // the namespace only when this deployment created it and no other deployment lives in it
    if (settings.namespace === 'default') return { removed };
    const [ns] = await kubectl.get(target, [`namespace/${settings.namespace}`], ctx.deadline.budget('the namespace was read', PROBE_MS));
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

const FAILED_FIX = 'read the describe output and events above; raise the input timeout if it only needs longer';

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
