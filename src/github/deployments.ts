/**
 * GitHub Deployments for a run (`github-deployment: true`): a deployment of the commit to the
 * environment, its statuses `in_progress` → `success` / `failure` (with the environment URL and the
 * run's log URL), and on `destroy` every deployment of the environment marked `inactive`.
 * The API calls are plain Octokit REST methods; the pure parts (what is sent) are `deploymentRequest`
 * and `statusRequest`, unit-tested.
 */
import { savePendingDeployment, type PendingDeployment } from '../state.js';
import { githubApi, type GitHubApi, type RepoRef } from '../external/github.js';

export type FinalState = 'success' | 'failure' | 'error' | 'inactive';

export interface DeploymentFacts {
  sha: string;
  environment: string;
  /** preview environments (a name-suffix): GitHub marks them transient */
  transient: boolean;
  image: string;
  digest: string;
  provider: string;
  name: string;
}

/** The body of POST /repos/{owner}/{repo}/deployments. */
export function deploymentRequest(f: DeploymentFacts) {
  return {
    ref: f.sha,
    environment: f.environment,
    transient_environment: f.transient,
    production_environment: false,
    auto_merge: false,
    required_contexts: [] as string[],
    task: 'deploy',
    description: `${f.name} → ${f.provider}`.slice(0, 140),
    payload: { image: f.image, digest: f.digest, provider: f.provider, name: f.name },
  };
}

/** The body of POST …/deployments/{id}/statuses. GitHub wants no empty environment_url. */
export function statusRequest(state: 'in_progress' | FinalState, o: { environmentUrl?: string; logUrl: string; description?: string }) {
  return {
    state,
    ...(o.logUrl ? { log_url: o.logUrl } : {}),
    ...(o.environmentUrl ? { environment_url: o.environmentUrl } : {}),
    ...(o.description ? { description: o.description.slice(0, 140) } : {}),
  };
}

export class Deployments {
  constructor(
    private readonly api: GitHubApi,
    private readonly repo: RepoRef,
    private readonly logUrl: string,
  ) {}

  /** Create the deployment and set it `in_progress`; the post step closes it if the run never does. */
  async start(f: DeploymentFacts): Promise<number> {
    const created = await this.api.rest.repos.createDeployment({ ...this.repo, ...deploymentRequest(f) });
    const id = (created.data as { id?: number }).id;
    if (typeof id !== 'number')
      throw new Error(`GitHub did not create a deployment (${(created.data as { message?: string }).message ?? created.status})`);
    savePendingDeployment({ id, ...this.repo, environment: f.environment, logUrl: this.logUrl });
    await this.status(id, 'in_progress', { description: `deploying ${f.digest || f.image}` });
    return id;
  }

  async status(id: number, state: 'in_progress' | FinalState, o: { environmentUrl?: string; description?: string } = {}): Promise<void> {
    await this.api.rest.repos.createDeploymentStatus({
      ...this.repo,
      deployment_id: id,
      ...statusRequest(state, { ...o, logUrl: this.logUrl }),
    });
  }

  /** The final status; the deployment is no longer the post step's business. */
  async finish(id: number, state: 'success' | 'failure', o: { environmentUrl?: string; description?: string }): Promise<void> {
    await this.status(id, state, o);
    savePendingDeployment(undefined);
  }

  /** `destroy`: every deployment of the environment `inactive`. Returns their ids. */
  async deactivate(environment: string): Promise<number[]> {
    const all = await this.api.paginate(this.api.rest.repos.listDeployments, { ...this.repo, environment, per_page: 100 });
    const ids = all.filter((d) => d.environment === environment).map((d) => d.id);
    for (const id of ids) await this.status(id, 'inactive', { description: 'environment destroyed' });
    return ids;
  }
}

/** The post step: a deployment main left `in_progress` (failed or cancelled run) becomes `error`. */
export async function closeAbandonedDeployment(d: PendingDeployment, token: string): Promise<void> {
  const deployments = new Deployments(githubApi(token), { owner: d.owner, repo: d.repo }, d.logUrl);
  await deployments.status(d.id, 'error', { description: 'the run failed or was cancelled before the deploy finished' });
  savePendingDeployment(undefined);
}
