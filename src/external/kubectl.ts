/**
 * `kubectl` (and the kind / k3d image loaders of local clusters). Every operation is a method that
 * assembles argv and calls one private `execute` over src/external/exec.ts. The argv builders are
 * exported as `kubectlArgv` so the plan prints exactly what deploy runs. Manifests travel on stdin
 * (`-f -`): Secret data never reaches argv or a file.
 */
import { ActionError } from '../errors.js';
import type { Exec, ExecOptions, ExecResult } from './exec.js';
import { CLOUD_ENV, type EnvPass } from './env.js';

export interface KubeTarget {
  /** `--context`; undefined: the kubeconfig's current context */
  context?: string;
  namespace: string;
}

const globals = (t: { context?: string }): string[] => (t.context ? ['--context', t.context] : []);
const ns = (t: KubeTarget): string[] => [...globals(t), '--namespace', t.namespace];
/** a duration flag in whole seconds: at least 1, since `--timeout=0s` means "wait forever" to kubectl */
const seconds = (ms: number): string => `${Math.max(1, Math.floor(ms / 1000))}s`;

/** Pure argv builders: shared by `Kubectl` and by the provider's plan. */
export const kubectlArgv = {
  /** client and server version: fails when the API server cannot be reached */
  version: (t: { context?: string }, timeoutMs: number): string[] => [
    ...globals(t),
    'version',
    '--output',
    'json',
    `--request-timeout=${seconds(timeoutMs)}`,
  ],
  /** the live objects of the skip check (`kind/name …`), missing ones left out */
  get: (t: KubeTarget, refs: readonly string[]): string[] => [...ns(t), 'get', ...refs, '--ignore-not-found', '--output', 'json'],
  apply: (t: KubeTarget, fieldManager: string): string[] => [
    ...ns(t),
    'apply',
    '--server-side',
    '--field-manager',
    fieldManager,
    '--force-conflicts',
    '--filename',
    '-',
  ],
  /** the same apply, answered by the API server and never persisted (`dryRun=All`): the objects it would leave */
  applyDryRun: (t: KubeTarget, fieldManager: string): string[] => [
    ...kubectlArgv.apply(t, fieldManager),
    '--dry-run=server',
    '--output',
    'json',
  ],
  rolloutStatus: (t: KubeTarget, deployment: string, timeoutMs: number): string[] => [
    ...ns(t),
    'rollout',
    'status',
    `deployment/${deployment}`,
    '--watch',
    `--timeout=${seconds(timeoutMs)}`,
  ],
  rolloutUndo: (t: KubeTarget, deployment: string): string[] => [...ns(t), 'rollout', 'undo', `deployment/${deployment}`],
  rolloutRestart: (t: KubeTarget, deployment: string): string[] => [...ns(t), 'rollout', 'restart', `deployment/${deployment}`],
  /** one shell line inside the deployment's container, run by its own /bin/sh (one argv element, never our shell) */
  exec: (t: KubeTarget, deployment: string, container: string, command: string): string[] => [
    ...ns(t),
    'exec',
    `deployment/${deployment}`,
    '-c',
    container,
    '--',
    '/bin/sh',
    '-c',
    command,
  ],
  describe: (t: KubeTarget, deployment: string): string[] => [...ns(t), 'describe', 'deployment', deployment],
  events: (t: KubeTarget): string[] => [
    ...ns(t),
    'get',
    'events',
    '--sort-by=.lastTimestamp',
    '--output',
    'custom-columns=LAST:.lastTimestamp,TYPE:.type,REASON:.reason,OBJECT:.involvedObject.name,MESSAGE:.message',
  ],
  deleteByLabel: (t: KubeTarget, kinds: readonly string[], selector: string, timeoutMs: number): string[] => [
    ...ns(t),
    'delete',
    kinds.join(','),
    '--selector',
    selector,
    '--ignore-not-found',
    `--timeout=${seconds(timeoutMs)}`,
  ],
  listByLabel: (t: KubeTarget, kinds: readonly string[], selector: string, output: 'name' | 'json' = 'name'): string[] => [
    ...ns(t),
    'get',
    kinds.join(','),
    '--selector',
    selector,
    '--output',
    output,
  ],
  deleteNamespace: (t: KubeTarget, timeoutMs: number): string[] => [
    ...globals(t),
    'delete',
    'namespace',
    t.namespace,
    '--ignore-not-found',
    `--timeout=${seconds(timeoutMs)}`,
  ],
};

export interface LiveObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    generation?: number;
  };
  spec?: Record<string, unknown>;
  status?: Record<string, unknown>;
  data?: Record<string, string>;
  type?: string;
}
/** What kubectl reads (kubeconfig, cache, its switches) and what kubeconfig exec plugins need (cloud credentials). */
export const KUBECTL_ENV: EnvPass = ['KUBECONFIG', 'KUBECACHEDIR', /^KUBECTL_/, ...CLOUD_ENV];

export class Kubectl {
  constructor(
    private readonly exec: Exec,
    private readonly cwd?: string,
    private readonly bin = 'kubectl',
  ) {}

  private async execute(args: string[], opts: ExecOptions = {}): Promise<ExecResult> {
    return await this.exec.run(this.bin, args, { cwd: this.cwd, pass: KUBECTL_ENV, ...opts });
  }

  /** `kubectl version`: the server's gitVersion, or the reason it cannot be reached */
  async serverVersion(t: { context?: string }, timeoutMs: number): Promise<{ ok: true; version: string } | { ok: false; reason: string }> {
    const r = await this.execute(kubectlArgv.version(t, timeoutMs), { allowFailure: true, timeoutMs: timeoutMs + 5000 });
    if (r.code === 0) {
      try {
        const j = JSON.parse(r.stdout) as { serverVersion?: { gitVersion?: string } };
        if (j.serverVersion?.gitVersion) return { ok: true, version: j.serverVersion.gitVersion };
      } catch {
        /* fall through: no server part */
      }
    }
    const reason =
      (r.stderr || r.stdout)
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l && !l.startsWith('{') && !l.startsWith('"') && !l.startsWith('}'))
        .pop() ?? (r.timedOut ? 'no answer' : `exit code ${r.code}`);
    return { ok: false, reason: reason.slice(0, 300) };
  }

  /** the objects among `refs` that exist (captured, never logged: Secret data passes through here) */
  async get(t: KubeTarget, refs: readonly string[], timeoutMs: number): Promise<LiveObject[]> {
    const r = await this.execute(kubectlArgv.get(t, refs), { timeoutMs, fix: 'check that the kubeconfig user may get these objects' });
    return parseObjects(r.stdout);
  }

  /**
   * Server-side apply of a List on stdin. kubectl validates the List against the server's OpenAPI first
   * (a schema error stops it before anything is sent); then it applies every object it can and reports
   * the others, so a failure says which objects were applied.
   */
  async apply(t: KubeTarget, document: string, fieldManager: string, timeoutMs: number): Promise<void> {
    const r = await this.execute(kubectlArgv.apply(t, fieldManager), { input: document, timeoutMs, stream: true, allowFailure: true });
    if (r.code === 0) return;
    const applied = r.stdout
      .split('\n')
      .map((l) => /^(\S+) serverside-applied$/.exec(l.trim())?.[1])
      .filter(Boolean);
    const why =
      (r.stderr || r.stdout)
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)
        .pop() ?? `exit code ${r.code}`;
    throw new ActionError(`kubectl apply failed: ${why}`, {
      fix:
        applied.length > 0
          ? `kubectl applied the other objects (${applied.join(', ')}) and refused the ones named above: read the API server's message, fix it, and deploy again`
          : 'nothing was applied: read the message above (a schema error found by kubectl itself stops the whole List before anything is sent)',
    });
  }

  /** The objects a server-side apply of `document` would leave, nothing persisted (captured, never logged: Secret data). */
  async applyDryRun(t: KubeTarget, document: string, fieldManager: string, timeoutMs: number): Promise<LiveObject[]> {
    const r = await this.execute(kubectlArgv.applyDryRun(t, fieldManager), { input: document, timeoutMs, allowFailure: true });
    if (r.code !== 0)
      throw new ActionError(`kubectl apply --dry-run=server failed: ${lastOf(r.stderr || r.stdout) || `exit code ${r.code}`}`);
    return parseObjects(r.stdout);
  }

  /**
   * Objects among `refs`; which of them the API server refused to show (403 Forbidden lines); and
   * `failed`, kubectl's last line, when the read failed otherwise (the server did not answer).
   */
  async getAllowed(
    t: KubeTarget,
    refs: readonly string[],
    timeoutMs: number,
  ): Promise<{ objects: LiveObject[]; forbidden: string[]; failed?: string }> {
    const r = await this.execute(kubectlArgv.get(t, refs), { timeoutMs, allowFailure: true });
    const forbidden = r.stderr
      .split('\n')
      .filter((l) => l.includes('(Forbidden)'))
      .map((l) => l.trim());
    const failed =
      r.code !== 0 && forbidden.length === 0
        ? lastOf(r.stderr || r.stdout) || (r.timedOut ? 'no answer' : `exit code ${r.code}`)
        : undefined;
    return {
      objects: r.code === 0 || forbidden.length > 0 ? parseObjects(r.stdout) : [],
      forbidden,
      ...(failed ? { failed: failed.slice(0, 300) } : {}),
    };
  }

  /**
   * Watch a rollout for `timeoutMs` (kubectl's own `--timeout` ends it, with exit code 1); the process
   * itself may run until the run's deadline, which the caller keeps beyond `timeoutMs`.
   */
  async rolloutStatus(t: KubeTarget, deployment: string, timeoutMs: number): Promise<ExecResult> {
    return await this.execute(kubectlArgv.rolloutStatus(t, deployment, timeoutMs), { stream: true, allowFailure: true });
  }

  async rolloutUndo(t: KubeTarget, deployment: string, timeoutMs: number): Promise<ExecResult> {
    return await this.execute(kubectlArgv.rolloutUndo(t, deployment), { timeoutMs, stream: true, allowFailure: true });
  }

  /** new pods for the same template: env from a changed Secret is read only when a pod starts */
  async rolloutRestart(t: KubeTarget, deployment: string, timeoutMs: number): Promise<void> {
    await this.execute(kubectlArgv.rolloutRestart(t, deployment), { timeoutMs, stream: true });
  }

  /** `kubectl exec deployment/<name> -c <container> -- /bin/sh -c <command>`: a non-zero exit is a result */
  async execIn(t: KubeTarget, deployment: string, container: string, command: string, timeoutMs: number): Promise<ExecResult> {
    return await this.execute(kubectlArgv.exec(t, deployment, container, command), { timeoutMs, allowFailure: true });
  }

  /** `describe` and recent events, for the log (exec redacts every line) */
  async describe(t: KubeTarget, deployment: string, timeoutMs: number): Promise<string> {
    const r = await this.execute(kubectlArgv.describe(t, deployment), { timeoutMs, allowFailure: true });
    return (r.stdout + r.stderr).trimEnd();
  }
  async events(t: KubeTarget, timeoutMs: number): Promise<string> {
    const r = await this.execute(kubectlArgv.events(t), { timeoutMs, allowFailure: true });
    return (r.stdout + r.stderr).trimEnd();
  }

  /** the objects of `kinds` matching `selector`, whole (captured, never logged) */
  async getByLabel(t: KubeTarget, kinds: readonly string[], selector: string, timeoutMs: number): Promise<LiveObject[]> {
    const r = await this.execute(kubectlArgv.listByLabel(t, kinds, selector, 'json'), {
      timeoutMs,
      fix: `check that the kubeconfig user may list ${kinds.join(', ')} in namespace ${t.namespace}`,
    });
    return parseObjects(r.stdout);
  }

  async listByLabel(t: KubeTarget, kinds: readonly string[], selector: string, timeoutMs: number): Promise<string[]> {
    const r = await this.execute(kubectlArgv.listByLabel(t, kinds, selector), { timeoutMs });
    return r.stdout
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
  }

  async deleteByLabel(t: KubeTarget, kinds: readonly string[], selector: string, timeoutMs: number): Promise<void> {
    await this.execute(kubectlArgv.deleteByLabel(t, kinds, selector, timeoutMs), {
      timeoutMs: timeoutMs + 15_000,
      stream: true,
      fix: `delete them by hand: kubectl delete ${kinds.join(',')} -n ${t.namespace} -l ${selector}`,
    });
  }

  async deleteNamespace(t: KubeTarget, timeoutMs: number): Promise<void> {
    await this.execute(kubectlArgv.deleteNamespace(t, timeoutMs), { timeoutMs: timeoutMs + 15_000, stream: true });
  }
}

/** the one document `kubectl apply --filename -` reads: a List of the objects, in order */
export function listDocument(objects: readonly unknown[]): string {
  return JSON.stringify({ apiVersion: 'v1', kind: 'List', items: objects });
}

/** `kubectl get -o json` output: one object, a List, or nothing */
function parseObjects(stdout: string): LiveObject[] {
  const text = stdout.trim();
  if (!text) return [];
  const j = JSON.parse(text) as LiveObject & { items?: LiveObject[] };
  return j.kind === 'List' || Array.isArray(j.items) ? (j.items ?? []) : [j];
}

const lastOf = (text: string): string =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .pop() ?? '';

/** `kind load docker-image` / `k3d image import`: an image that exists only on the runner's engine. */
export function unreachable(context: string, reason: string): ActionError {
  return new ActionError(`the Kubernetes API server of context "${context || '(none)'}" cannot be reached: ${reason}`, {
    where: { field: 'providers.kubernetes.context' },
    fix: 'set up the kubeconfig before this step (e.g. azure/k8s-set-context, or KUBECONFIG pointing at it) and check providers.kubernetes.context names one of its contexts',
  });
}
