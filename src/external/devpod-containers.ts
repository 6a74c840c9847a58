/**
 * What devpod's docker driver runs for a workspace, found on the engine rather than in devpod's local
 * record (issue 27, ADR 0031). devpod v0.6.15 keeps its record only in DEVPOD_HOME on the runner, but
 * labels each container it runs `dev.containers.id=<runner id>` (pkg/driver/docker/docker.go
 * RunDockerDevContainer; config.GetDockerLabelForID) and finds it again by that label alone
 * (FindDevContainer); with the action's fixed `--uid` the runner id is known before devpod is asked.
 * The image the workspace was given is the label `sh.sindri.deploy.image` that the generated
 * devcontainer.json adds through `runArgs` (the docker driver appends runArgs to `docker run`).
 * `docker` here is the same CLI and engine address (the provider's DOCKER_HOST) the driver uses.
 */
import type { Exec, ExecOptions, ExecResult } from './exec.js';
import { DOCKER_ENV } from './docker.js';

export const DEVPOD_ID_LABEL = 'dev.containers.id';
export const IMAGE_LABEL = 'sh.sindri.deploy.image';

export interface WorkspaceContainer {
  id: string;
  running: boolean;
  /** the image the action gave the workspace ('' when the container has no such label) */
  image: string;
}

export const devpodContainersArgv = {
  find: (runnerId: string): string[] => [
    'ps',
    '-a',
    '--no-trunc',
    '--filter',
    `label=${DEVPOD_ID_LABEL}=${runnerId}`,
    '--format',
    `{{.ID}}\t{{.State}}\t{{.Label "${IMAGE_LABEL}"}}`,
  ],
  remove: (ids: string[]): string[] => ['rm', '-f', ...ids],
};

export class DevpodContainers {
  /** `dockerHost`: the docker provider's DOCKER_HOST option, when it names another engine */
  constructor(
    private readonly exec: Exec,
    private readonly dockerHost?: string,
  ) {}

  private async execute(args: string[], opts: ExecOptions): Promise<ExecResult> {
    return await this.exec.run('docker', args, {
      pass: DOCKER_ENV,
      ...opts,
      env: this.dockerHost ? { DOCKER_HOST: this.dockerHost } : undefined,
    });
  }

  /** The workspace's containers (normally one), by devpod's own label. */
  async find(runnerId: string, timeoutMs: number): Promise<WorkspaceContainer[]> {
    const r = await this.execute(devpodContainersArgv.find(runnerId), {
      timeoutMs,
      fix: "devpod's docker provider runs its workspaces on this engine: make sure docker can reach it (DOCKER_HOST)",
    });
    return r.stdout
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => {
        const [id = '', state = '', image = ''] = l.split('\t');
        return { id, running: state === 'running', image };
      });
  }

  async remove(ids: string[], timeoutMs: number): Promise<void> {
    await this.execute(devpodContainersArgv.remove(ids), { timeoutMs, fix: `remove them by hand: docker rm -f ${ids.join(' ')}` });
  }
}
