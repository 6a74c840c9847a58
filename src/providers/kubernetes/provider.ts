/**
 * provider: kubernetes — the pinned image as a Deployment (with its Service, home PVC, Secrets and
 * optional Ingress) in the cluster of the runner's kubeconfig (SPEC §5, issue 6; ADR 0007).
 *
 * `plan` and `apply` share `kubernetesSteps`: the same objects, the same argv. Deploy is one
 * server-side apply on stdin, then `kubectl rollout status` within what is left of the run's
 * deadline; a rollout that fails prints `describe` and the recent events and, with `rollback`, is
 * undone (`kubectl rollout undo`) and waited for again. Destroy deletes by our labels only.
 */
import { ActionError } from '../../errors.js';
import { parseReference } from '../../image/reference.js';
import { resourceName } from '../../naming.js';
import { group, info, setSecret, warning } from '../../runner.js';
import type { Exec } from '../../external/exec.js';
import { lastLine } from '../kit/output.js';
import type { Deadline } from '../../deadline.js';
import { Kubectl, kubectlArgv, unreachable, type KubeTarget, type LiveObject } from '../../external/kubectl.js';
import { LocalClusterLoader, localCluster } from '../../external/local-cluster.js';
import {
  APP,
  APP_LABEL,
  applyDocument,
  CONTAINER,
  FIELD_MANAGER,
  HASH_ANNOTATION,
  INSTANCE_LABEL,
  kubernetesSettings,
  MANAGED_BY_LABEL,
  manifestsYaml,
  PLACEHOLDER,
  renderManifests,
  type PullCredential,
  type RenderedManifests,
} from './manifests.js';
import { requireSecrets, resolveSecrets, type SecretNotice } from '../kit/secrets.js';
import type { DeployResult, DestroyContext, PlannedCommand, PlannedFile, Provider, ProviderContext, ProviderPlan } from '../types.js';

export const MANIFEST_FILE = 'sindri-kubernetes.yaml';
/** what destroy deletes (by label), in an order where nothing waits on something deleted later */
export const OWNED_KINDS = ['ingresses.networking.k8s.io', 'services', 'deployments.apps', 'persistentvolumeclaims', 'secrets'] as const;
const PROBE_MS = 30_000;
/** the share of the remaining deadline kept for the rollback wait */
const ROLLBACK_RESERVE_MS = 120_000;

/** What the steps depend on besides the context; plan fills what it can without a cluster. */
export interface KubernetesFacts {
  /** env secrets: values on deploy, PLACEHOLDER in plan */
  secrets: ReadonlyMap<string, string>;
  pull?: PullCredential;
  /** the context kubectl talks to ('' = the current context, unknown in plan) */
  context: string;
  /** kind/k3d context and an image that is only on the runner's engine */
  loadLocal: boolean;
  /** the namespace exists already (undefined in plan): its Namespace object is then not applied */
  namespaceExists?: boolean;
  /** what the rollout wait may take (deploy: what remains of the run's deadline); default input timeout */
  waitMs?: number;
}

export interface KubernetesSteps {
  manifests: RenderedManifests;
  target: KubeTarget;
  /** what is applied (the Namespace left out when it exists) */
  document: string;
  loader?: LocalClusterLoader;
  files: PlannedFile[];
  commands: PlannedCommand[];
  notes: string[];
}

/** The fix for a Dockerfile-only config: Kubernetes never builds (SPEC §5). */
export const BUILD_IN_CI_FIX =
  'build and push the image in CI, then pass it by digest, e.g. `- uses: docker/build-push-action@v6` (id: build, push: true, tags: ghcr.io/OWNER/APP) followed by `- uses: sindri/deploy-action@v1` with `image: ghcr.io/OWNER/APP` and `image-digest: ${{ steps.build.outputs.digest }}`';

export function connectHint(target: KubeTarget, deployment: string): string {
  const context = target.context ? ['--context', target.context] : [];
  return [
    'kubectl',
    ...context,
    '--namespace',
    target.namespace,
    'exec',
    '-it',
    `deployment/${deployment}`,
    '-c',
    CONTAINER,
    '--',
    'bash',
    '-l',
  ].join(' ');
}

/** The pure heart: objects and commands for a context and what is known about the cluster. */
export function kubernetesSteps(ctx: ProviderContext, facts: KubernetesFacts): KubernetesSteps {
  const { config, inputs, image } = ctx;
  if (image.build) {
    throw new ActionError(
      `provider kubernetes never builds images, and the image decision is to build ${image.dockerfile ?? 'a Dockerfile'}`,
      {
        where: { file: config.file, field: 'deployment.image' },
        fix: BUILD_IN_CI_FIX,
      },
    );
  }
  const settings = kubernetesSettings(config);
  const name = resourceName(config.name, inputs['name-suffix']);
  const manifests = renderManifests({ config, settings, name, image: image.deployRef, secrets: facts.secrets, pull: facts.pull });
  const target: KubeTarget = { namespace: manifests.namespace, ...(settings.context ? { context: settings.context } : {}) };
  const contextShown = settings.context ?? (facts.context || 'the current context');
  const notes = [...manifests.notes];
  const commands: PlannedCommand[] = [];
  if (!settings.context)
    commands.push({
      argv: ['kubectl', ...kubectlArgv.currentContext()],
      why: 'which cluster (kind-/k3d- contexts load local images)',
      mutates: false,
    });
  commands.push({
    argv: ['kubectl', ...kubectlArgv.version(target, PROBE_MS)],
    why: `is the API server of ${contextShown} reachable?`,
    mutates: false,
  });
  const refs = [`deployment/${manifests.names.deployment}`];
  if (manifests.names.secret) refs.push(`secret/${manifests.names.secret}`);
  if (manifests.names.pullSecret) refs.push(`secret/${manifests.names.pullSecret}`);
  commands.push({
    argv: ['kubectl', ...kubectlArgv.get(target, refs)],
    why: 'skip when it already runs this digest with these manifests',
    mutates: false,
  });

  let objects = manifests.objects;
  if (manifests.namespace !== 'default') {
    commands.push({
      argv: ['kubectl', ...kubectlArgv.namespaceExists(target)],
      why: `create namespace ${manifests.namespace} only when it is missing`,
      mutates: false,
    });
    if (facts.namespaceExists) objects = objects.filter((o) => o.kind !== 'Namespace');
  }

  let loader: LocalClusterLoader | undefined;
  const local = localCluster(facts.context || settings.context || '');
  if (local && facts.loadLocal) {
    loader = new LocalClusterLoader(local);
    commands.push({
      argv: loader.argv(image.deployRef),
      why: `the image is only on the runner's Docker engine: load it into ${local.tool} cluster ${local.cluster}`,
      mutates: true,
    });
  } else if (local && !image.digest) {
    notes.push(
      `context ${facts.context || settings.context}: an image that exists only on the runner's Docker engine is loaded with ${local.tool} before apply`,
    );
  }
  commands.push({
    argv: ['kubectl', ...kubectlArgv.apply(target, FIELD_MANAGER)],
    why: 'server-side apply of every object, read from stdin (Secret data never in argv or a file)',
    mutates: true,
  });
  const waitMs = facts.waitMs ?? inputs.timeout;
  commands.push({
    argv: ['kubectl', ...kubectlArgv.rolloutStatus(target, manifests.names.deployment, waitMs)],
    why: 'wait for the rollout (deploy passes what remains of timeout)',
    mutates: false,
  });
  commands.push({
    argv: ['kubectl', ...kubectlArgv.rolloutUndo(target, manifests.names.deployment)],
    why: inputs.rollback
      ? 'only when the rollout fails: put back the previous revision (rollback: true), after describe and events'
      : 'never: rollback is false',
    mutates: true,
  });

  const shown = renderManifests({
    config,
    settings,
    name,
    image: image.deployRef,
    secrets: new Map([...facts.secrets.keys()].map((k) => [k, PLACEHOLDER])),
    pull: facts.pull ? { ...facts.pull, password: PLACEHOLDER } : undefined,
  });
  const files: PlannedFile[] = [
    {
      path: MANIFEST_FILE,
      content: manifestsYaml(
        shown.objects.filter((o) => objects.some((x) => x.kind === o.kind && x.metadata.name === o.metadata.name)),
        config.file,
      ),
    },
  ];
  notes.push(`${MANIFEST_FILE} is what would be applied (on stdin, never written to disk); secret values are shown as ${PLACEHOLDER}`);
  return { manifests, target, document: applyDocument(objects), loader, files, commands, notes };
}

function emitNotices(config: ProviderContext['config'], notices: readonly SecretNotice[]): void {
  for (const n of notices) warning(n.message, { file: config.file, startLine: n.line, startColumn: n.column, title: n.field });
}

/** The credentials that resolve the image's registry become its pull secret (same chain as the resolver). */
async function pullCredential(ctx: ProviderContext): Promise<PullCredential | undefined> {
  const registry = parseReference(ctx.image.deployRef).registry;
  const { credentialChain } = await import('../../image/credentials.js');
  const c = await credentialChain({ inputs: ctx.inputs }).lookup(registry);
  if (!c) return undefined;
  if (!c.password) {
    warning(`the credentials for ${registry} (${c.source}) hold only an identity token: no image pull secret is created`);
    return undefined;
  }
  setSecret(c.password);
  return { registry: registry === 'docker.io' ? 'https://index.docker.io/v1/' : registry, username: c.username, password: c.password };
}

/** The live Deployment is complete: the controller saw this generation and every replica is updated and available. */
export function rolledOut(d: LiveObject): boolean {
  const s = (d.status ?? {}) as { observedGeneration?: number; updatedReplicas?: number; availableReplicas?: number; replicas?: number };
  const want = Number((d.spec as { replicas?: number } | undefined)?.replicas ?? 1);
  return (
    (s.observedGeneration ?? 0) >= (d.metadata.generation ?? 0) &&
    (s.updatedReplicas ?? 0) >= want &&
    (s.availableReplicas ?? 0) >= want &&
    (s.replicas ?? 0) <= want
  );
}

export function liveImage(d: LiveObject | undefined): string | undefined {
  const spec = d?.spec as { template?: { spec?: { containers?: { name: string; image: string }[] } } } | undefined;
  return spec?.template?.spec?.containers?.find((c) => c.name === CONTAINER)?.image;
}

/** The live Secrets hold exactly the data we would apply (compared in memory). */
export function sameSecretData(steps: KubernetesSteps, live: readonly LiveObject[]): boolean {
  return steps.manifests.objects
    .filter((x) => x.kind === 'Secret')
    .every((o) => {
      const l = live.find((x) => x.kind === 'Secret' && x.metadata.name === o.metadata.name);
      const want = (o.data ?? {}) as Record<string, string>;
      return l !== undefined && JSON.stringify(Object.entries(l.data ?? {}).sort()) === JSON.stringify(Object.entries(want).sort());
    });
}

/** Nothing to do: same digest, same manifests (hash annotation), same secret data, rolled out. */
export function unchanged(steps: KubernetesSteps, live: readonly LiveObject[], image: string): boolean {
  const { names, hash } = steps.manifests;
  const dep = live.find((o) => o.kind === 'Deployment' && o.metadata.name === names.deployment);
  if (!dep || dep.metadata.annotations?.[HASH_ANNOTATION] !== hash || liveImage(dep) !== image || !rolledOut(dep)) return false;
  return sameSecretData(steps, live);
}

/** Does the runner's engine have this image? (no docker: no) */
async function presentLocally(exec: Exec, ref: string): Promise<boolean> {
  try {
    return (
      (await exec.run('docker', ['image', 'inspect', '--format', '{{.Id}}', ref], { allowFailure: true, timeoutMs: PROBE_MS })).code === 0
    );
  } catch {
    return false;
  }
}

export class KubernetesProvider implements Provider {
  readonly name = 'kubernetes' as const;

  async plan(ctx: ProviderContext): Promise<ProviderPlan> {
    const secrets = resolveSecrets(ctx.config);
    const facts: KubernetesFacts = {
      secrets: new Map([...secrets.values.keys()].map((k) => [k, PLACEHOLDER])),
      context: '',
      loadLocal: false,
    };
    const steps = kubernetesSteps(ctx, facts);
    const notes = [...steps.notes, ...secrets.notices.map((n) => n.message)];
    if (secrets.missingRequired.length > 0)
      notes.push(`required secrets not set: ${secrets.missingRequired.join(', ')} (deploy fails before applying anything)`);
    if (!ctx.image.digest) notes.push(`the image is not pinned (${ctx.image.deployRef}): pin-digest false deploys it as written`);
    return { files: steps.files, commands: steps.commands, notes };
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

  async apply(ctx: ProviderContext): Promise<DeployResult> {
    // 1. before any kubectl call: a build the provider cannot do, missing secrets, bad settings
    if (ctx.image.build) kubernetesSteps(ctx, { secrets: new Map(), context: '', loadLocal: false }); // throws: Kubernetes never builds
    const secrets = requireSecrets(ctx.config);
    emitNotices(ctx.config, secrets.notices);
    const settings = kubernetesSettings(ctx.config);
    const kubectl = new Kubectl(ctx.exec, ctx.workdir);

    // 2. the cluster, and what it already runs
    const context = await this.connect(ctx, kubectl, settings.context);
    const pull = await pullCredential(ctx);
    const local = localCluster(context);
    const loadLocal = local !== undefined && !ctx.image.digest && (await presentLocally(ctx.exec, ctx.image.deployRef));
    const facts: KubernetesFacts = { secrets: secrets.values, pull, context, loadLocal };
    let steps = kubernetesSteps(ctx, facts);
    const { names } = steps.manifests;
    const refs = [`deployment/${names.deployment}`, ...[names.secret, names.pullSecret].filter(Boolean).map((n) => `secret/${n}`)];
    const live = await kubectl.get(steps.target, refs, ctx.deadline.budget('the live objects were read', PROBE_MS));
    const before = live.find((o) => o.kind === 'Deployment');
    if (before && before.metadata.labels?.[MANAGED_BY_LABEL] !== FIELD_MANAGER) {
      throw new ActionError(
        `a Deployment named ${names.deployment} already exists in namespace ${steps.target.namespace} and was not deployed by this action`,
        {
          where: { file: ctx.config.file, field: 'name' },
          fix: `delete it (kubectl delete deployment ${names.deployment} -n ${steps.target.namespace}), or change name / input name-suffix`,
        },
      );
    }
    const result = (skipped: boolean): DeployResult => ({
      url: steps.manifests.url,
      skipped,
      built: false,
      image: ctx.image.deployRef,
      digest: ctx.image.digest,
      connect: connectHint(steps.target, names.deployment),
      extra: { context: context || '(current)', namespace: steps.target.namespace, deployment: names.deployment, rolledBack: 'false' },
    });
    if (!ctx.inputs.force && unchanged(steps, live, ctx.image.deployRef)) {
      info(
        `deployment ${names.deployment} already runs ${ctx.image.deployRef} with these manifests: nothing to do (force: true redeploys)`,
      );
      return result(true);
    }
    if (steps.manifests.namespace !== 'default') {
      const exists = await kubectl.namespaceExists(steps.target, ctx.deadline.budget('the namespace was looked up', PROBE_MS));
      steps = kubernetesSteps(ctx, { ...facts, namespaceExists: exists });
    }

    // 3. a local-only image into kind/k3d, then one apply on stdin
    if (steps.loader)
      await steps.loader.load(
        ctx.exec,
        ctx.image.deployRef,
        ctx.deadline.budget(`the image was loaded into ${steps.loader.tool}`, 600_000),
      );
    await kubectl.apply(steps.target, steps.document, FIELD_MANAGER, ctx.deadline.budget('the manifests were applied', 120_000));
    // same digest and manifests, new secret values: the pods read envFrom only when they start
    if (
      before &&
      liveImage(before) === ctx.image.deployRef &&
      before.metadata.annotations?.[HASH_ANNOTATION] === steps.manifests.hash &&
      !sameSecretData(steps, live)
    ) {
      info('the secret values changed: restarting the pods so they read them');
      await kubectl.rolloutRestart(steps.target, names.deployment, ctx.deadline.budget('the pods were restarted', PROBE_MS));
    }

    // 4. the rollout, within the deadline (a share kept for the rollback wait)
    const left = ctx.deadline.remaining();
    const reserve = ctx.inputs.rollback && before ? Math.min(ROLLBACK_RESERVE_MS, Math.floor(left / 3)) : 0;
    const waitMs = Math.max(1000, Math.min(ctx.inputs.timeout, left) - reserve);
    const status = await kubectl.rolloutStatus(steps.target, names.deployment, waitMs);
    if (status.code !== 0) await this.failed(ctx, kubectl, steps, before, waitMs, lastLine(status.stderr || status.stdout));
    return result(false);
  }

  /** describe + events, then (rollback) undo and wait again; always ends with one thrown line */
  private async failed(
    ctx: ProviderContext,
    kubectl: Kubectl,
    steps: KubernetesSteps,
    before: LiveObject | undefined,
    waitMs: number,
    reason: string,
  ): Promise<never> {
    const { target } = steps;
    const dep = steps.manifests.names.deployment;
    const probe = Math.max(1000, Math.min(PROBE_MS, ctx.deadline.remaining()));
    await group(`deployment ${dep}: describe`, async () => info(await kubectl.describe(target, dep, probe)));
    await group(`namespace ${target.namespace}: recent events`, async () => info(await kubectl.events(target, probe)));
    const what = `deployment ${dep} did not become ready within ${Math.round(waitMs / 1000)} s (${reason || 'rollout failed'})`;
    const where = { file: ctx.config.file };
    const fix = 'read the describe output and events above; raise the input timeout if it only needs longer';
    if (!ctx.inputs.rollback) {
      throw new ActionError(`${what}; it is left as it is (rollback: false)`, { where, fix, extra: { rolledBack: 'false' } });
    }
    const previous = liveImage(before);
    if (!before || !previous) {
      throw new ActionError(`${what}; nothing to roll back to (its first deploy): it is left in place, mode: destroy removes it`, {
        where,
        fix,
        extra: { rolledBack: 'false' },
      });
    }
    const undo = await kubectl.rolloutUndo(target, dep, Math.max(1000, Math.min(PROBE_MS, ctx.deadline.remaining())));
    if (undo.code !== 0) {
      throw new ActionError(`${what}; kubectl rollout undo failed too (${lastLine(undo.stderr || undo.stdout)})`, {
        where,
        fix: `${fix}; then roll back by hand: kubectl rollout undo deployment/${dep} -n ${target.namespace}`,
        extra: { rolledBack: 'false' },
      });
    }
    const again = await kubectl.rolloutStatus(target, dep, Math.max(1000, ctx.deadline.remaining()));
    const now = (await kubectl.get(target, [`deployment/${dep}`], Math.max(1000, Math.min(PROBE_MS, ctx.deadline.remaining())))).find(
      (o) => o.kind === 'Deployment',
    );
    const restored = liveImage(now) ?? previous;
    const revision = now?.metadata.annotations?.['deployment.kubernetes.io/revision'];
    const ready = again.code === 0 ? 'ready again' : `not ready either (${lastLine(again.stderr || again.stdout)})`;
    throw new ActionError(`${what}; rolled back to ${restored}${revision ? ` (revision ${revision})` : ''}, ${ready}`, {
      where,
      fix,
      extra: { rolledBack: 'true', rolledBackTo: restored },
    });
  }

  async destroy(ctx: DestroyContext): Promise<{ removed: string[] }> {
    const settings = kubernetesSettings(ctx.config);
    const kubectl = new Kubectl(ctx.exec, ctx.workdir);
    await this.connect(ctx, kubectl, settings.context);
    const name = resourceName(ctx.config.name, ctx.inputs['name-suffix']);
    const target: KubeTarget = { namespace: settings.namespace, ...(settings.context ? { context: settings.context } : {}) };
    const selector = `${MANAGED_BY_LABEL}=${FIELD_MANAGER},${INSTANCE_LABEL}=${name}`;
    const removed = await kubectl.listByLabel(target, OWNED_KINDS, selector, ctx.deadline.budget('our objects were listed', PROBE_MS));
    if (removed.length > 0)
      await kubectl.deleteByLabel(target, OWNED_KINDS, selector, ctx.deadline.budget('our objects were deleted', 300_000));

    // the namespace only when this deployment created it and no other deployment lives in it
    if (settings.namespace !== 'default') {
      const [ns] = await kubectl.get(
        { ...target, namespace: settings.namespace },
        [`namespace/${settings.namespace}`],
        ctx.deadline.budget('the namespace was read', PROBE_MS),
      );
      const ours = ns?.metadata.labels?.[INSTANCE_LABEL] === name && ns.metadata.labels?.[MANAGED_BY_LABEL] === FIELD_MANAGER;
      if (ours) {
        const others = await kubectl.listByLabel(
          target,
          ['deployments.apps'],
          `${APP_LABEL}=${APP}`,
          ctx.deadline.budget('the namespace was checked', PROBE_MS),
        );
        if (others.length === 0) {
          await kubectl.deleteNamespace(target, ctx.deadline.budget('the namespace was deleted', 300_000));
          removed.push(`namespace/${settings.namespace}`);
        } else info(`namespace ${settings.namespace} kept: other deployments live in it (${others.join(', ')})`);
      }
    }
    return { removed };
  }
}
