/**
 * What a run records on GitHub (`github-deployment`, `pr-comment`): main.ts opens a session after
 * the config is loaded, calls `deploying` before the provider deploys and `finish` once at the end,
 * on success and on failure. GitHub is a record of the deploy, not part of it: every API problem
 * (a token without `deployments: write`, GHES unreachable) is one warning and the run goes on.
 */
import { errorLine } from '../errors.js';
import type { ImageDecision } from '../image/types.js';
import type { Inputs } from '../inputs.js';
import type { Result } from '../report/report.js';
import { appendSummary, group, info, warning } from '../runner.js';
import { apiFailure, currentRepo, githubApi, pullRequestNumber, runUrl, type GitHubApi, type RepoRef } from '../external/github.js';
import { commentMarker, renderComment, upsertComment } from './comment.js';
import { Deployments } from './deployments.js';
import { environmentName } from '../naming.js';

interface Connection {
  api: GitHubApi;
  repo: RepoRef;
}

export class GitHubSession {
  private deploymentId: number | undefined;
  private readonly notes: string[] = [];

  constructor(
    private readonly inputs: Inputs,
    private readonly environment: string,
    private readonly conn: Connection | undefined,
  ) {}

  private get deployments(): Deployments | undefined {
    return this.inputs['github-deployment'] && this.conn ? new Deployments(this.conn.api, this.conn.repo, runUrl()) : undefined;
  }

  /** Before the provider deploys: the deployment of this commit, `in_progress`. */
  async deploying(image: ImageDecision, provider: string, name: string): Promise<void> {
    const d = this.deployments;
    if (!d || this.inputs.mode !== 'deploy') return;
    const sha = process.env.GITHUB_SHA ?? '';
    if (!sha) {
      warning('github-deployment: GITHUB_SHA is not set, so there is no commit to record a deployment for');
      return;
    }
    await group(`GitHub deployment (${this.environment})`, async () => {
      try {
        this.deploymentId = await d.start({
          sha,
          environment: this.environment,
          transient: this.inputs['name-suffix'] !== '',
          image: image.deployRef,
          digest: image.digest,
          provider,
          name,
        });
        info(`deployment ${this.deploymentId} of ${sha.slice(0, 7)} to ${this.environment}: in_progress`);
        this.notes.push(`| GitHub deployment | ${this.deploymentId} to \`${this.environment}\` |`);
      } catch (e) {
        warning(`${apiFailure('no GitHub deployment recorded', e, 'deployments: write')}; the deploy goes on`);
      }
    });
  }

  /** At the end, success or failure: the final status (or inactive on destroy), then the comment. */
  async finish(result: Result): Promise<void> {
    await group('GitHub', async () => {
      await this.finishDeployment(result);
      await this.comment(result);
    });
    if (this.inputs.summary && this.notes.length)
      appendSummary(['', '#### GitHub', '', '| | |', '|---|---|', ...this.notes, ''].join('\n'));
  }

  private async finishDeployment(r: Result): Promise<void> {
    const d = this.deployments;
    if (!d) return;
    try {
      if (r.mode === 'destroy') {
        if (r.error) return;
        const ids = await d.deactivate(this.environment);
        info(`${this.environment}: ${ids.length} GitHub deployment(s) marked inactive`);
        this.notes.push(`| GitHub deployments | ${ids.length} of \`${this.environment}\` marked inactive |`);
      } else if (this.deploymentId !== undefined) {
        const state = r.error ? 'failure' : 'success';
        await d.finish(this.deploymentId, state, {
          environmentUrl: r.error ? undefined : r.url,
          description: r.error ? r.error : r.skipped ? 'already running this image' : `deployed ${r['image-digest'] || r.image}`,
        });
        info(`deployment ${this.deploymentId}: ${state}${r.url && !r.error ? ` at ${r.url}` : ''}`);
      }
    } catch (e) {
      warning(apiFailure('could not update the GitHub deployment', e, 'deployments: write'));
    }
  }

  private async comment(r: Result): Promise<void> {
    if (!this.inputs['pr-comment'] || !this.conn) return;
    const pr = pullRequestNumber();
    if (pr === undefined) {
      info(`pr-comment: ${process.env.GITHUB_EVENT_NAME || 'this event'} is not a pull_request event, no comment`);
      return;
    }
    try {
      const body = renderComment({ result: r, environment: this.environment, runUrl: runUrl(), sha: process.env.GITHUB_SHA ?? '' });
      const c = await upsertComment(this.conn.api, this.conn.repo, pr, commentMarker(r.name, this.environment), body);
      info(`${c.created ? 'commented on' : 'updated the comment on'} pull request #${pr}${c.url ? `: ${c.url}` : ''}`);
      this.notes.push(`| pull request comment | ${c.url || `#${pr}`} |`);
    } catch (e) {
      warning(apiFailure(`could not comment on pull request #${pr}`, e, 'pull-requests: write'));
    }
  }
}

/** Called only when github-deployment or pr-comment is on (main.ts imports this chunk lazily). */
export function openGitHub(inputs: Inputs, provider: string): GitHubSession {
  const environment = environmentName(inputs.environment, provider, inputs['name-suffix']);
  let conn: Connection | undefined;
  try {
    conn = { api: githubApi(inputs['github-token']), repo: currentRepo() };
  } catch (e) {
    warning(`${inputs['github-deployment'] ? 'github-deployment' : 'pr-comment'}: nothing is recorded on GitHub: ${errorLine(e)}`);
  }
  return new GitHubSession(inputs, environment, conn);
}
