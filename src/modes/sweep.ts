/**
 * `mode: sweep` (docs/behaviour.md#sweep, ADR 0038): the previews of this config whose pull request
 * is closed or gone are destroyed. The provider lists its previews by the marks in their metadata
 * (src/trace.ts); the pull request of each comes from its name-suffix (`pr-<n>`); GitHub says which
 * are still open. The decision is pure (`decideSweep`) and printed whole before anything is removed;
 * then each preview is destroyed as `mode: destroy` with its suffix would, its GitHub Deployments are
 * marked inactive and its GitHub environment deleted when the token may — the environment its
 * resources record, and never one that is shared (`environmentToClose`, ADR 0046).
 */
import { apiFailure, currentRepo, githubApi, httpStatus, runUrl, type GitHubApi, type RepoRef } from '../external/github.js';
import { Deployments } from '../github/deployments.js';
import { environmentName } from '../naming.js';
import type { DestroyContext, Preview, Provider } from '../providers/types.js';
import { info, warning } from '../runner.js';
import { oneLine } from '../text.js';
import { isEnvironmentName, pullRequestOfSuffix } from '../trace.js';

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
  /** the GitHub environment closed; '' when it was left in place (shared, or its recorded name unusable) */
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

/**
 * The GitHub environment to close after a preview is swept (pure): the one its resources record, else
 * `<provider>-<suffix>` (resources deployed before the name was recorded, ADR 0038's default). An
 * environment that may serve more than this preview is left, with why: its name does not carry the
 * preview's name-suffix as a whole word (a custom `environment: previews` shared by every pull
 * request), it is the live deploy's (`environmentName` without a suffix: the sweep run's own
 * `environment` input, else the provider name), or another preview records it too.
 */
export function environmentToClose(
  preview: Preview,
  all: readonly Preview[],
  live: { provider: string; environment: string },
): { environment: string } | { keep: string; why: string } {
  const environment = preview.environment ?? environmentName('', live.provider, preview.suffix);
  if (!isEnvironmentName(environment))
    return { keep: environment, why: 'the environment name its resources record is not one GitHub allows' };
  const escaped = preview.suffix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  if (!new RegExp(`(^|[^A-Za-z0-9])${escaped}($|[^A-Za-z0-9])`, 'i').test(environment))
    return { keep: environment, why: `its name does not carry the name-suffix ${preview.suffix}, so other deploys may share it` };
  const liveEnvironment = environmentName(live.environment, live.provider, '');
  if (environment.toLowerCase() === liveEnvironment.toLowerCase()) return { keep: environment, why: 'the live deploy uses it' };
  const other = all.find(
    (p) =>
      p.suffix !== preview.suffix &&
      (p.environment ?? environmentName('', live.provider, p.suffix)).toLowerCase() === environment.toLowerCase(),
  );
  if (other) return { keep: environment, why: `preview ${other.deployedName} records it too` };
  return { environment };
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

/** List, decide, print the dry run, then destroy what goes; returns what was swept. */
export async function runSweep(ctx: SweepContext): Promise<{ decisions: SweepDecision[]; swept: Swept[] }> {
  const { impl, inputs, provider } = ctx;
  const repo = currentRepo();
  const api = githubApi(inputs['github-token']);
  const repository = `${repo.owner}/${repo.repo}`;

  // in a stable order (the platform lists them by creation time): pull requests by number, then other suffixes
  const order = (p: Preview) => pullRequestOfSuffix(p.suffix) ?? Number.MAX_SAFE_INTEGER;
  const previews = (await impl.listPreviews(ctx, repository)).sort((a, b) => order(a) - order(b) || a.suffix.localeCompare(b.suffix));
  const numbers = [...new Set(previews.map((p) => pullRequestOfSuffix(p.suffix)).filter((n): n is number => n !== undefined))];
  const decisions = decideSweep(previews, await pullStates(api, repo, numbers));

  info(`${previews.length} preview(s) of ${ctx.config.name} on ${provider} from ${repository}`);
  // which GitHub environment each removal closes is part of the dry run
  const envOf = new Map(
    decisions
      .filter((d) => d.remove)
      .map((d) => [d, environmentToClose(d.preview, previews, { provider, environment: inputs.environment })]),
  );
  for (const d of decisions) {
    const env = envOf.get(d);
    const github = !env
      ? ''
      : 'environment' in env
        ? `; GitHub environment ${env.environment} closed`
        : `; GitHub environment ${env.keep} left: ${env.why}`;
    info(oneLine(`${d.remove ? 'would remove' : 'keep        '} ${d.preview.deployedName}: ${d.why}${github}`));
  }
  const going = decisions.filter((d) => d.remove);
  if (going.length === 0) {
    info('nothing to sweep');
    return { decisions, swept: [] };
  }

  const deployments = new Deployments(api, repo, runUrl());
  const swept: Swept[] = [];
  for (const d of going) {
    const suffix = d.preview.suffix;
    const env = envOf.get(d)!;
    const { removed } = await impl.destroy({ ...ctx, inputs: { ...inputs, 'name-suffix': suffix } });
    info(`swept ${d.preview.deployedName} (${d.why}): ${removed.length ? removed.join(', ') : 'nothing was left to remove'}`);
    if ('environment' in env) await closeEnvironment(api, repo, deployments, env.environment);
    else info(oneLine(`GitHub environment ${env.keep} left as it is, its deployments too: ${env.why}`));
    const environment = 'environment' in env ? env.environment : '';
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
