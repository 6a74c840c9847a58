/**
 * kind (sigs.k8s.io/kind) and k3d (k3d-io/k3d): put an image that exists only on the runner's engine
 * into a local cluster's nodes. Both the Kubernetes and the DevPod provider use this one class.
 * A failure names the tool's own message: kind's `ERROR: …` line (cmd/kind/app/main.go), k3d's last
 * fatal or error line, which it colours even off a terminal (`FATA[0000] …`; logrus' `level=fatal
 * msg="…"` when it failed before setting its logging up, cmd/root.go).
 */
import type { Exec } from './exec.js';
import { commandFailed, plainLines } from './failure.js';

export interface LocalClusterRef {
  tool: 'kind' | 'k3d';
  cluster: string;
}

/** `kind-dev` → kind cluster `dev`; `k3d-dev` → k3d cluster `dev`; anything else: a remote cluster. */
export function localCluster(context: string | undefined): LocalClusterRef | undefined {
  const m = /^(kind|k3d)-(.+)$/.exec(context ?? '');
  return m ? { tool: m[1] as 'kind' | 'k3d', cluster: m[2]! } : undefined;
}

/** The tool's own message out of its output. */
export function localClusterMessage(tool: LocalClusterRef['tool'], stderr: string, stdout = ''): string {
  const lines = plainLines(stderr, stdout);
  for (const line of [...lines].reverse()) {
    const kind = tool === 'kind' ? /^ERROR: (.*)$/.exec(line)?.[1] : undefined;
    const k3d = tool === 'k3d' ? /^(?:FATA|ERRO)\[[^\]]*\]\s*(.*)$/.exec(line)?.[1] : undefined;
    const logfmt = tool === 'k3d' ? /\blevel=(?:fatal|error) msg="((?:[^"\\]|\\.)*)"/.exec(line)?.[1] : undefined;
    if (kind ?? k3d) return (kind ?? k3d)!.trim();
    if (logfmt !== undefined) return logfmt.replace(/\\n[\s\S]*$/, '').replace(/\\(.)/g, '$1');
  }
  return lines.at(-1) ?? '';
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
    const argv = this.argv(image);
    const r = await exec.run(argv[0]!, argv.slice(1), {
      timeoutMs,
      stream: true,
      allowFailure: true,
      pass: [/^DOCKER_/, /^KIND_/, /^K3D_/, 'KUBECONFIG', 'LOG_COLORS'],
    });
    if (r.code === 0 && !r.timedOut) return;
    throw commandFailed(argv, r, localClusterMessage(this.tool, r.stderr, r.stdout), {
      timeoutMs,
      fix: `check that the ${this.tool} cluster ${this.cluster} exists (${this.tool === 'kind' ? 'kind get clusters' : 'k3d cluster list'}) and that ${this.tool} is on PATH`,
    });
  }
}
