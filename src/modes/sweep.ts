/**
 * `mode: sweep` (docs/behaviour.md#sweep, ADR 0038): the previews of this config whose pull request
 * is closed or gone are destroyed. The provider lists its previews by the marks in their metadata
 * (src/trace.ts); the pull request of each comes from its name-suffix (`pr-<n>`); GitHub says which
 * are still open. The decision is pure (`decideSweep`) and printed whole before anything is removed;
 * then each preview is destroyed as `mode: destroy` with its suffix would, its GitHub Deployments are
 * marked inactive and its GitHub environment deleted when the token may.
 */
import { ActionError } from '../errors.js';
import { apiFailure, currentRepo, githubApi, httpStatus, runUrl, type GitHubApi, type RepoRef } from '../external/github.js';
import { Deployments } from '../github/deployments.js';
import { environmentName } from '../github/session.js';
import type { DestroyContext, Preview, Provider } from '../providers/types.js';
import { info, warning } from '../runner.js';
import { pullRequestOfSuffix } from '../trace.js';

/** What GitHub says of a preview's pull request; `unknown` when it could not be asked (the preview is kept). */
export type PullState = 'open' | 'closed' | 'merged' | 'missing' | 'unknown';

export interface SweepDecision {
  preview: Preview;
  /** the pull request its suffix names; undefined for a suffix such as `staging` */
  pullRequest?: number;
  state?: PullState;
  remove: boolean;
  why: string;
}

/** One swept preview, as the `swept` output lists it. */
export interface Swept {
  'deployed-name': string;
  'name-suffix': string;
  'pull-request': number;
  state: PullState;
  removed: string[];
  environment: string;
}

/** Which previews go, and why each stays or goes (pure). */
export function decideSweep(previews: readonly Preview[], states: ReadonlyMap<number, PullState>): SweepDecision[] {
  return previews.map((preview) => {
    const pullRequest = pullRequestOfSuffix(preview.suffix);
    if (pullRequest === undefined)
      return { preview, remove: false, why: `its name-suffix ${preview.suffix} names no pull request (pr-<number>): kept` };
    const state = states.get(pullRequest) ?? 'unknown';
    const why: Record<PullState, string> = {
      open: `pull request #${pullRequest} is open: kept`,
      closed: `pull request #${pullRequest} is closed`,
      merged: `pull request #${pullRequest} was merged`,
      missing: `pull request #${pullRequest} does not exist in this repository`,
      unknown: `GitHub could not say whether pull request #${pullRequest} is open: kept`,
    };
    return { preview, pullRequest, state, remove: state === 'closed' || state === 'merged' || state === 'missing', why: why[state] };
  });
}

/** The state of each pull request, asked once each; an answer other than 200 or 404 is `unknown` and a warning. */
async function pullStates(api: GitHubApi, repo: RepoRef, numbers: readonly number[]): Promise<Map<number, PullState>> {
  const states = new Map<number, PullState>();
  for (const n of numbers) {
    try {
      const { data } = await api.rest.pulls.get({ ...repo, pull_number: n });
      states.set(n, data.state === 'open' ? 'open' : data.merged ? 'merged' : 'closed');
    } catch (e) {
      if (httpStatus(e) === 404) states.set(n, 'missing');
      else {
        states.set(n, 'unknown');
        warning(apiFailure(`could not read pull request #${n}`, e, 'pull-requests: read'));
      }
    }
  }
  return states;
}

export interface SweepContext extends DestroyContext {
  impl: Provider;
}

/** Before any tool is installed: the provider can list its previews. */
export function requireSweepSupport(impl: Provider): NonNullable<Provider['listPreviews']> {
  if (impl.listPreviews) return impl.listPreviews.bind(impl);
  throw new ActionError(`mode: sweep does not support the ${impl.name} provider yet`, {
    where: { field: 'input mode' },
    fix: 'remove its previews with mode: destroy and their name-suffix (docs/behaviour.md#sweep lists the providers sweep supports)',
  });
}

/** List, decide, print the dry run, then destroy what goes; returns what was swept. */
export async function runSweep(ctx: SweepContext): Promise<{ decisions: SweepDecision[]; swept: Swept[] }> {
  const { impl, inputs, provider } = ctx;
  const listPreviews = requireSweepSupport(impl);
  const repo = currentRepo();
  const api = githubApi(inputs['github-token']);
  const repository = `${repo.owner}/${repo.repo}`;

  // in a stable order (the platform lists them by creation time): pull requests by number, then other suffixes
  const order = (p: Preview) => pullRequestOfSuffix(p.suffix) ?? Number.MAX_SAFE_INTEGER;
  const previews = (await listPreviews(ctx, repository)).sort((a, b) => order(a) - order(b) || a.suffix.localeCompare(b.suffix));
  const numbers = [...new Set(previews.map((p) => pullRequestOfSuffix(p.suffix)).filter((n): n is number => n !== undefined))];
  const decisions = decideSweep(previews, await pullStates(api, repo, numbers));

  info(`${previews.length} preview(s) of ${ctx.config.name} on ${provider} from ${repository}`);
  for (const d of decisions) info(`${d.remove ? 'would remove' : 'keep        '} ${d.preview.deployedName}: ${d.why}`);
  const going = decisions.filter((d) => d.remove);
  if (going.length === 0) {
    info('nothing to sweep');
    return { decisions, swept: [] };
  }

  const deployments = new Deployments(api, repo, runUrl());
  const swept: Swept[] = [];
  for (const d of going) {
    const suffix = d.preview.suffix;
    const environment = environmentName('', provider, suffix);
    const { removed } = await impl.destroy({ ...ctx, inputs: { ...inputs, 'name-suffix': suffix } });
    info(`swept ${d.preview.deployedName} (${d.why}): ${removed.length ? removed.join(', ') : 'nothing was left to remove'}`);
    await closeEnvironment(api, repo, deployments, environment);
    swept.push({
      'deployed-name': d.preview.deployedName,
      'name-suffix': suffix,
      'pull-request': d.pullRequest!,
      state: d.state!,
      removed,
      environment,
    });
  }
  return { decisions, swept };
}

/** The environment's deployments `inactive`, then the environment deleted when the token may; each failure one warning. */
async function closeEnvironment(api: GitHubApi, repo: RepoRef, deployments: Deployments, environment: string): Promise<void> {
  try {
    const ids = await deployments.deactivate(environment);
    if (ids.length) info(`${environment}: ${ids.length} GitHub deployment(s) marked inactive`);
  } catch (e) {
    warning(apiFailure(`${environment}: could not mark its GitHub deployments inactive`, e, 'deployments: write'));
  }
  try {
    await api.rest.repos.deleteAnEnvironment({ ...repo, environment_name: environment });
    info(`${environment}: GitHub environment deleted`);
  } catch (e) {
    const status = httpStatus(e);
    if (status === 404) return; // no environment of that name: nothing to delete
    if (status === 403)
      warning(
        `${environment}: the GitHub environment is left (GitHub answered 403: ${((e as Error).message ?? '').split('\n')[0]}); deleting one needs a token with administration: write, which the job's GITHUB_TOKEN never has`,
      );
    else warning(apiFailure(`${environment}: could not delete the GitHub environment`, e, 'administration: write'));
  }
}
