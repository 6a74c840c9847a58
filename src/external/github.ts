/**
 * The GitHub REST API through `@actions/github` (Octokit with the runner's proxy settings), for
 * deployments and pull request comments. This module and everything it imports is a chunk of its
 * own: only a run with `github-deployment` or `pr-comment` loads it. `@actions/github` reads
 * GITHUB_API_URL (GHES) and the event payload (GITHUB_EVENT_PATH) when it is first imported.
 */
import { context, getOctokit } from '@actions/github';
import { ActionError } from '../errors.js';

export type GitHubApi = ReturnType<typeof getOctokit>;

export interface RepoRef {
  owner: string;
  repo: string;
}

/** A GitHub call that hangs must not hold the deploy (or the post step) until the job times out. */
export const REQUEST_TIMEOUT_MS = 30_000;

export function githubApi(token: string, opts: { timeoutMs?: number; baseUrl?: string } = {}): GitHubApi {
  if (!token) {
    throw new ActionError('there is no GitHub token to call the API with', {
      where: { field: 'input github-token' },
      fix: 'leave github-token at its default (${{ github.token }}) or pass a token with the permissions the feature needs',
    });
  }
  const api = getOctokit(token, opts.baseUrl ? { baseUrl: opts.baseUrl } : {});
  const timeoutMs = opts.timeoutMs ?? REQUEST_TIMEOUT_MS;
  // each request (each page too) gets its own deadline; Octokit hands request.signal to fetch. A
  // `before` hook edits the options in place: options a `wrap` hook passes on are ignored by the
  // hooks inside it (the auth hook), so a new object would lose the signal.
  api.hook.before('request', (options) => {
    options.request = { ...options.request, signal: options.request?.signal ?? AbortSignal.timeout(timeoutMs) };
  });
  return api;
}

/** GITHUB_REPOSITORY as owner/repo. */
export function currentRepo(): RepoRef {
  const [owner, repo] = (process.env.GITHUB_REPOSITORY ?? '').split('/');
  if (!owner || !repo) {
    throw new ActionError('GITHUB_REPOSITORY is not set: the repository to record this in is unknown', {
      fix: 'run inside GitHub Actions, or set GITHUB_REPOSITORY=owner/repo for a local run',
    });
  }
  return { owner, repo };
}

/** The run's page: the deployment status's `log_url`. */
export function runUrl(): string {
  const server = (process.env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
  const repo = process.env.GITHUB_REPOSITORY ?? '';
  const id = process.env.GITHUB_RUN_ID;
  return id && repo ? `${server}/${repo}/actions/runs/${id}` : '';
}

/** The pull request number of a `pull_request` / `pull_request_target` event, from the event payload. */
export function pullRequestNumber(): number | undefined {
  if (!/^pull_request(_target)?$/.test(context.eventName)) return undefined;
  const n = (context.payload.pull_request as { number?: unknown } | undefined)?.number ?? context.payload.number;
  return typeof n === 'number' && n > 0 ? n : undefined;
}

/** The HTTP status of an Octokit RequestError, or undefined for any other failure. */
export function httpStatus(e: unknown): number | undefined {
  const s = (e as { status?: unknown }).status;
  return typeof s === 'number' ? s : undefined;
}

/** One line for an API failure: what GitHub said, and which permission a 403/404 means is missing. */
export function apiFailure(what: string, e: unknown, permission: string): string {
  const status = httpStatus(e);
  const message = ((e as Error).message ?? String(e)).split('\n')[0];
  if (status === 403 || status === 404)
    return `${what}: GitHub answered ${status} (${message}). Give the job's token \`permissions: ${permission}\``;
  return `${what}: ${status ? `GitHub answered ${status} (${message})` : message}`;
}
