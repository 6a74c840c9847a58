/** `kind` (sigs.k8s.io/kind): put a locally built image into a kind cluster's nodes. */
import { exec } from './exec.js';

export const kindArgv = {
  loadDockerImage: (image: string, cluster: string): string[] => ['load', 'docker-image', image, '--name', cluster],
};

export class Kind {
  async loadDockerImage(image: string, cluster: string, timeoutMs: number): Promise<void> {
    await exec('kind', kindArgv.loadDockerImage(image, cluster), {
      timeoutMs,
      stream: true,
      fix: `check that kind cluster ${cluster} exists (kind get clusters) and that kind is on PATH`,
    });
  }
}
