/**
 * kind (sigs.k8s.io/kind) and k3d (k3d-io/k3d): put an image that exists only on the runner's engine
 * into a local cluster's nodes. Both the Kubernetes and the DevPod provider use this one class.
 */
import type { Exec } from './exec.js';

export interface LocalClusterRef {
  tool: 'kind' | 'k3d';
  cluster: string;
}

/** `kind-dev` → kind cluster `dev`; `k3d-dev` → k3d cluster `dev`; anything else: a remote cluster. */
export function localCluster(context: string | undefined): LocalClusterRef | undefined {
  const m = /^(kind|k3d)-(.+)$/.exec(context ?? '');
  return m ? { tool: m[1] as 'kind' | 'k3d', cluster: m[2]! } : undefined;
}

export class LocalClusterLoader {
  readonly tool: 'kind' | 'k3d';
  readonly cluster: string;

  constructor(ref: LocalClusterRef) {
    this.tool = ref.tool;
    this.cluster = ref.cluster;
  }

  /** the whole command line, tool first */
  argv(image: string): string[] {
    return this.tool === 'kind'
      ? ['kind', 'load', 'docker-image', image, '--name', this.cluster]
      : ['k3d', 'image', 'import', image, '--cluster', this.cluster];
  }

  async load(exec: Exec, image: string, timeoutMs: number): Promise<void> {
    const [file, ...args] = this.argv(image);
    await exec.run(file!, args, {
      timeoutMs,
      stream: true,
      fix: `check that the ${this.tool} cluster ${this.cluster} exists (${this.tool === 'kind' ? 'kind get clusters' : 'k3d cluster list'}) and that ${this.tool} is on PATH`,
    });
  }
}
