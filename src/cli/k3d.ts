/** `k3d` (k3d-io/k3d): put a locally built image into a k3d cluster. */
import { exec } from './exec.js';

export const k3dArgv = {
  imageImport: (image: string, cluster: string): string[] => ['image', 'import', image, '--cluster', cluster],
};

export class K3d {
  async imageImport(image: string, cluster: string, timeoutMs: number): Promise<void> {
    await exec('k3d', k3dArgv.imageImport(image, cluster), {
      timeoutMs,
      stream: true,
      fix: `check that k3d cluster ${cluster} exists (k3d cluster list) and that k3d is on PATH`,
    });
  }
}
