/**
 * A loopback stand-in for the GitHub REST API operations the action calls (deployments, deployment
 * statuses, issue comments, a digest's attestations, pull requests, environments), as strict as api.github.com for those calls. Point the action at it
 * with GITHUB_API_URL (what GHES users do); it listens on 127.0.0.1, port 0, and records every
 * request. What it rejects, and how (GitHub's docs "Troubleshooting the REST API", "Authenticating
 * to the REST API", "Resources in the REST API", "API versions", and each operation's reference):
 * - no `User-Agent`: 403, text/html "Request forbidden by administrative rules…";
 * - a token that is not this repository's (`token <t>` or `Bearer <t>`): 401 "Bad credentials";
 *   NO token: 404 "Not Found" (the repository is private: GitHub never confirms it exists);
 * - an `X-GitHub-Api-Version` GitHub does not have (2022-11-28, 2026-03-10): 400; an `Accept`
 *   that takes no JSON: 415 "Unsupported 'Accept' header…"; comment bodies follow the media type
 *   (raw: body, text: body_text, html: body_html, full: all three);
 * - any path or method but these operations' (a trailing slash too), another repository, a
 *   non-numeric id: 404 "Not Found";
 * - a body that is not JSON: 400 "Problems parsing JSON"; not an object: 400 "Body should be a JSON
 *   object"; against the operation's schema in GitHub's OpenAPI description (github-openapi.ts,
 *   generated): 422 "Invalid request." (github-schema.ts); unknown properties are ignored;
 * - per operation: a ref that is neither a commit SHA nor a known branch: 422 "No ref found for";
 *   without `required_contexts: []` while the commit has checks that are not green (the running
 *   job's own, by default): 409 "Conflict: Commit status checks failed for <ref>."; a status of a
 *   deployment that does not exist, an edit of a comment that does not: 404; a status description
 *   over 140 characters, a blank comment or one over 65536 characters: 422 "Validation Failed"
 *   with `errors[]`; a pull request it does not have: 404; the deletion of an environment it does not
 *   have: 404 (an environment exists from the first deployment to it); with `forbidEnvironments`, that
 *   deletion answers 403 as for the job's own token (it never has `administration: write`).
 * Lists are paginated as GitHub does (30 by default, `per_page` up to 100, a `Link` header);
 * comments in ascending id, deployments newest first. A `success` status marks the environment's
 * older non-transient, non-production successful deployments inactive (`auto_inactive`).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { components } from '@octokit/openapi-types';
import { OPERATIONS } from './github-openapi.js';
import { invalidRequest, type Schema } from './github-schema.js';

type Deployment = components['schemas']['deployment'];
type DeploymentStatus = components['schemas']['deployment-status'];
type IssueComment = components['schemas']['issue-comment'];
/**
 * A pull request as GET /repos/{o}/{r}/pulls/{n} answers it, the fields the stand-in serves (the
 * action reads `state`, `number` and `merged`): the schema's head and base carry whole repository
 * objects, which are left out.
 */
export type PullRequest = Pick<
  components['schemas']['pull-request'],
  | 'id'
  | 'node_id'
  | 'number'
  | 'state'
  | 'locked'
  | 'title'
  | 'body'
  | 'url'
  | 'html_url'
  | 'created_at'
  | 'updated_at'
  | 'closed_at'
  | 'merged_at'
  | 'merged'
  | 'draft'
  | 'user'
> & { head: { ref: string; sha: string; label: string }; base: { ref: string; sha: string; label: string } };
type SimpleUser = components['schemas']['simple-user'];
type OperationId = keyof typeof OPERATIONS;
type Body = Record<string, unknown>;

export interface RecordedRequest {
  method: string;
  /** path without the query */
  path: string;
  query: Record<string, string>;
  authorization: string;
  /** every request header, names in lower case */
  headers: Record<string, string>;
  /** the parsed JSON body (undefined when there was none or it was not JSON) */
  body: Body | undefined;
}

export interface GitHubApiSetup {
  /** the token the repository accepts; unset: any token shaped like GitHub's (ghs_, ghp_, gho_, ghu_, ghr_, github_pat_) */
  token?: string;
  /** owner/name of the one repository served (case-insensitive, as GitHub compares them) */
  repository?: string;
}

export interface GitHubApiOptions {
  /** deployment writes answer 403 as for a token without `deployments: write` */
  forbidDeployments?: boolean;
  /**
   * DELETE …/environments/{name} answers 403 as for a token without `administration: write` (the
   * job's GITHUB_TOKEN can never have it: only a personal or app token may delete an environment)
   */
  forbidEnvironments?: boolean;
  /** the commit's checks that are not `success`; default: the running job's own, `deploy`, pending */
  contexts?: { context: string; state: string }[];
  /** branch names a deployment's `ref` may name besides a commit SHA; default ['main'] */
  branches?: string[];
  /** attestation reads answer 403 as for a token without `attestations: read` */
  forbidAttestations?: boolean;
}

/** One stored attestation as `repos/list-attestations` serves it (checked against the operation's response schema). */
export interface StoredAttestation {
  bundle: Record<string, unknown>;
  repository_id: number;
  bundle_url?: string;
}

const DOCS = 'https://docs.github.com/rest';
const API_VERSIONS = ['2022-11-28', '2026-03-10'];
const NO_USER_AGENT =
  'Request forbidden by administrative rules.\nPlease make sure your request has a User-Agent header.\nCheck https://developer.github.com for other possible causes.\n';
const TOKEN_SHAPE = /^(ghs|ghp|gho|ghu|ghr)_[A-Za-z0-9]+$|^github_pat_\w+$/;

const BOT: SimpleUser = {
  login: 'github-actions[bot]',
  id: 41898282,
  node_id: 'MDM6Qm90NDE4OTgyODI=',
  avatar_url: 'https://avatars.githubusercontent.com/in/15368?v=4',
  gravatar_id: '',
  url: 'https://api.github.com/users/github-actions%5Bbot%5D',
  html_url: 'https://github.com/apps/github-actions',
  followers_url: '',
  following_url: '',
  gists_url: '',
  starred_url: '',
  subscriptions_url: '',
  organizations_url: '',
  repos_url: '',
  events_url: '',
  received_events_url: '',
  type: 'Bot',
  site_admin: false,
};

const ROUTES = (Object.keys(OPERATIONS) as OperationId[]).map((id) => {
  const op = OPERATIONS[id];
  const names: string[] = [];
  const re = new RegExp(
    `^${op.path.replace(/\{(\w+)\}/g, (_m, name: string) => {
      names.push(name);
      const p = op.params.find((x) => x.name === name);
      return p?.schema.type === 'integer' ? '(\\d+)' : '([^/]+)';
    })}$`,
  );
  return { id, method: op.method as string, re, names };
});

/** An answer: status, JSON body (or text), extra headers. */
class Reply {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {}
}
const error = (status: number, message: string, docs = DOCS, extra: Body = {}, headers: Record<string, string> = {}) =>
  new Reply(status, { message, ...extra, documentation_url: docs, status: String(status) }, headers);

export class GitHubApiStandIn {
  readonly requests: RecordedRequest[] = [];
  readonly deployments: Deployment[] = [];
  readonly statuses = new Map<number, DeploymentStatus[]>();
  readonly comments = new Map<number, IssueComment[]>();
  /** attestations per subject digest (`sha256:…`) */
  readonly attestations = new Map<string, StoredAttestation[]>();
  readonly pulls = new Map<number, PullRequest>();
  /** environment names: GitHub creates one with the first deployment to it */
  readonly environments = new Set<string>();
  options: GitHubApiOptions = {};
  readonly repository: string;
  private readonly token: string | undefined;
  private server: Server | undefined;
  private nextId = 1000;
  url = '';

  constructor(setup: GitHubApiSetup = {}) {
    this.token = setup.token;
    this.repository = setup.repository ?? 'o/r';
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Forget what was recorded (not the stored deployments and comments). */
  clearRequests(): void {
    this.requests.length = 0;
  }

  /**
   * Store a Sigstore bundle for a subject digest, as `actions/attest-build-provenance` records one.
   * What the list then serves must match GitHub's response schema, or this throws.
   */
  addAttestation(digest: string, bundle: Record<string, unknown>, repositoryId = 1296269): void {
    const list = [...(this.attestations.get(digest) ?? []), { bundle, repository_id: repositoryId }];
    const invalid = invalidRequest(OPERATIONS['repos/list-attestations'].response as Schema, { attestations: list });
    if (invalid) throw new Error(`not an attestation GitHub would serve: ${invalid}`);
    this.attestations.set(digest, list);
  }

  /** Seed a comment written by someone else (a marker must not be confused with a plain comment). */
  addComment(issue: number, body: string): IssueComment {
    return this.storeComment(issue, body);
  }

  /** Seed a pull request, `open`, `closed` or `merged` (closed by a merge). */
  addPull(number: number, state: 'open' | 'closed' | 'merged'): PullRequest {
    const at = new Date().toISOString();
    const closed = state === 'open' ? null : at;
    const sha = number.toString(16).padStart(40, 'a');
    const p: PullRequest = {
      id: 900000 + number,
      node_id: `PR_${number}`,
      number,
      state: state === 'open' ? 'open' : 'closed',
      locked: false,
      title: `change ${number}`,
      body: null,
      url: `${this.url}/repos/${this.repository}/pulls/${number}`,
      html_url: `https://github.com/${this.repository}/pull/${number}`,
      created_at: at,
      updated_at: at,
      closed_at: closed,
      merged_at: state === 'merged' ? at : null,
      merged: state === 'merged',
      draft: false,
      user: BOT,
      head: { ref: `topic-${number}`, sha, label: `${this.repository.split('/')[0]}:topic-${number}` },
      base: { ref: 'main', sha: 'd6cd1e2bd19e03a81132a23b2025920577f84e37', label: `${this.repository.split('/')[0]}:main` },
    };
    this.pulls.set(number, p);
    return p;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const u = new URL(req.url ?? '/', this.url);
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')]));
    let body: Body | undefined;
    try {
      body = text ? (JSON.parse(text) as Body) : undefined;
    } catch {
      body = undefined;
    }
    const rec: RecordedRequest = {
      method: req.method ?? 'GET',
      path: u.pathname,
      query: Object.fromEntries(u.searchParams),
      authorization: headers.authorization ?? '',
      headers,
      body,
    };
    this.requests.push(rec);
    const r = this.answer(rec, text, u);
    if (typeof r.body === 'string') {
      res.writeHead(r.status, { 'content-type': 'text/html', ...r.headers });
      res.end(r.body);
      return;
    }
    if (r.body === undefined) {
      res.writeHead(r.status, { 'x-github-api-version-selected': headers['x-github-api-version'] || API_VERSIONS[0]!, ...r.headers });
      res.end();
      return;
    }
    res.writeHead(r.status, {
      'content-type': 'application/json; charset=utf-8',
      'x-github-api-version-selected': headers['x-github-api-version'] || API_VERSIONS[0]!,
      ...r.headers,
    });
    res.end(JSON.stringify(r.body));
  }

  private answer(rec: RecordedRequest, text: string, u: URL): Reply {
    const h = rec.headers;
    if (!h['user-agent']) return new Reply(403, NO_USER_AGENT);
    const auth = /^(token|bearer)\s+(\S+)$/i.exec(rec.authorization);
    const authorised = auth ? (this.token ? auth[2] === this.token : TOKEN_SHAPE.test(auth[2]!)) : false;
    if (rec.authorization && !authorised) return error(401, 'Bad credentials');
    const version = h['x-github-api-version'];
    if (version && !API_VERSIONS.includes(version))
      return error(400, `API version ${version} is not supported.`, 'https://docs.github.com/rest/about-the-rest-api/api-versions');
    const accept = h.accept;
    if (accept && !/application\/(json|vnd\.github[\w.-]*\+json|\*)|\*\/\*/.test(accept))
      return new Reply(415, {
        message: `Unsupported 'Accept' header: '${accept}'. Must accept 'application/json'.`,
        documentation_url: 'https://docs.github.com/v3/media',
      });
    const route = ROUTES.find((x) => x.method === rec.method && x.re.test(rec.path));
    if (!route) return error(404, 'Not Found');
    const op = OPERATIONS[route.id];
    const params = Object.fromEntries(route.names.map((n, i) => [n, decodeURIComponent(route.re.exec(rec.path)![i + 1]!)]));
    if (!authorised || `${params.owner}/${params.repo}`.toLowerCase() !== this.repository.toLowerCase())
      return error(404, 'Not Found', op.docs);
    if (this.options.forbidAttestations && route.id === 'repos/list-attestations') {
      return error(403, 'Resource not accessible by integration', op.docs, {}, { 'x-accepted-github-permissions': 'attestations=read' });
    }
    if (this.options.forbidDeployments && (route.id === 'repos/create-deployment' || route.id === 'repos/create-deployment-status')) {
      return error(403, 'Resource not accessible by integration', op.docs, {}, { 'x-accepted-github-permissions': 'deployments=write' });
    }
    if (this.options.forbidEnvironments && route.id === 'repos/delete-an-environment')
      return error(403, 'Resource not accessible by integration', op.docs, {}, { 'x-accepted-github-permissions': 'administration=write' });
    let body: Body = {};
    if ('body' in op) {
      let parsed: unknown = {};
      try {
        parsed = text ? JSON.parse(text) : {};
      } catch {
        return error(400, 'Problems parsing JSON', op.docs);
      }
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return error(400, 'Body should be a JSON object', op.docs);
      const invalid = invalidRequest(op.body as Schema, parsed);
      if (invalid) return error(422, invalid, op.docs);
      body = parsed as Body;
    }
    const media = /application\/vnd\.github(?:\.v3)?\.(raw|text|html|full)\+json/.exec(accept ?? '')?.[1] ?? 'raw';
    switch (route.id) {
      case 'repos/create-deployment':
        return this.createDeployment(body, op.docs);
      case 'repos/list-deployments': {
        const q = rec.query;
        const matching = [...this.deployments]
          .reverse()
          .filter(
            (d) =>
              (!q.environment || d.environment === q.environment) &&
              (!q.sha || d.sha === q.sha) &&
              (!q.ref || d.ref === q.ref) &&
              (!q.task || d.task === q.task),
          );
        return this.page(matching, u);
      }
      case 'repos/create-deployment-status':
        return this.createStatus(Number(params.deployment_id), body, op.docs);
      case 'issues/list-comments': {
        const since = rec.query.since ? Date.parse(rec.query.since) : -Infinity;
        const list = (this.comments.get(Number(params.issue_number)) ?? []).filter((c) => Date.parse(c.updated_at) >= since);
        return this.page(
          list.map((c) => shown(c, media)),
          u,
        );
      }
      case 'issues/create-comment': {
        const bad = commentInvalid(body.body as string, op.docs);
        return bad ?? new Reply(201, shown(this.storeComment(Number(params.issue_number), body.body as string), media));
      }
      case 'repos/list-attestations': {
        // none for the digest: 404, as GitHub answers (gh attestation verify reads it as "no attestations found")
        const perPage = rec.query.per_page === undefined ? 30 : Number(rec.query.per_page);
        if (!Number.isInteger(perPage) || perPage < 1) return error(422, 'Invalid request.', op.docs);
        if (rec.query.predicate_type !== undefined) return error(422, 'predicate_type is not modelled by this stand-in', op.docs);
        const list = this.attestations.get(params.subject_digest!) ?? [];
        if (!list.length) return error(404, 'Not Found', op.docs);
        return new Reply(200, { attestations: list.slice(0, Math.min(perPage, 100)) });
      }
      case 'pulls/get': {
        const p = this.pulls.get(Number(params.pull_number));
        return p ? new Reply(200, p) : error(404, 'Not Found', op.docs);
      }
      case 'repos/delete-an-environment': {
        // 204 with no body; a name GitHub does not have: 404
        if (!this.environments.delete(params.environment_name!)) return error(404, 'Not Found', op.docs);
        return new Reply(204, undefined);
      }
      case 'issues/update-comment': {
        const c = [...this.comments.values()].flat().find((x) => x.id === Number(params.comment_id));
        if (!c) return error(404, 'Not Found', op.docs);
        const bad = commentInvalid(body.body as string, op.docs);
        if (bad) return bad;
        c.body = body.body as string;
        c.updated_at = new Date().toISOString();
        return new Reply(200, shown(c, media));
      }
    }
  }

  private createDeployment(b: Body, docs: string): Reply {
    const ref = b.ref as string;
    const branch = (this.options.branches ?? ['main']).includes(ref);
    if (!branch && !/^[0-9a-f]{40}$/.test(ref)) return error(422, `No ref found for: ${ref}`, docs);
    const contexts = this.options.contexts ?? [{ context: 'deploy', state: 'pending' }];
    const required = b.required_contexts as string[] | undefined;
    // every context must be green, or those listed (one never reported is not green either)
    const green = (name: string) => contexts.some((c) => c.context === name && c.state === 'success');
    const failing = (required ?? contexts.map((c) => c.context)).filter((name) => !green(name));
    if (failing.length) {
      return error(409, `Conflict: Commit status checks failed for ${ref}.`, docs, {
        errors: [{ contexts, resource: 'Deployment', field: 'required_contexts', code: 'invalid' }],
      });
    }
    const id = this.nextId++;
    const environment = (b.environment as string | undefined) ?? 'production';
    const at = new Date().toISOString();
    const d: Deployment = {
      url: `${this.url}/repos/${this.repository}/deployments/${id}`,
      id,
      node_id: `DE_${id}`,
      sha: branch ? 'd6cd1e2bd19e03a81132a23b2025920577f84e37' : ref,
      ref,
      task: (b.task as string | undefined) ?? 'deploy',
      payload: (b.payload ?? {}) as Deployment['payload'],
      original_environment: environment,
      environment,
      description: (b.description as string | null | undefined) ?? null,
      creator: BOT,
      created_at: at,
      updated_at: at,
      statuses_url: `${this.url}/repos/${this.repository}/deployments/${id}/statuses`,
      repository_url: `${this.url}/repos/${this.repository}`,
      transient_environment: (b.transient_environment as boolean | undefined) ?? false,
      production_environment: (b.production_environment as boolean | undefined) ?? environment === 'production',
    };
    this.deployments.push(d);
    this.environments.add(environment);
    return new Reply(201, d);
  }

  private createStatus(id: number, b: Body, docs: string): Reply {
    const d = this.deployments.find((x) => x.id === id);
    if (!d) return error(404, 'Not Found', docs);
    const description = (b.description as string | undefined) ?? '';
    if ([...description].length > 140) {
      return error(422, 'Validation Failed', docs, {
        errors: [
          {
            resource: 'DeploymentStatus',
            code: 'custom',
            field: 'description',
            message: 'description is too long (maximum is 140 characters)',
          },
        ],
      });
    }
    const state = b.state as DeploymentStatus['state'];
    const log = (b.log_url as string | undefined) ?? (b.target_url as string | undefined) ?? '';
    const previous = this.statuses.get(id)?.at(-1);
    const s = this.addStatus(d, state, {
      description,
      environment: (b.environment as string | undefined) ?? previous?.environment ?? d.environment,
      log_url: log,
      target_url: log,
      environment_url: (b.environment_url as string | undefined) ?? '',
    });
    if (state === 'success' && b.auto_inactive !== false) {
      for (const other of this.deployments) {
        const last = this.statuses.get(other.id as number)?.at(-1);
        if (other.id === id || other.environment !== d.environment || other.transient_environment || other.production_environment) continue;
        if (last?.state === 'success') this.addStatus(other, 'inactive', { description: '', environment: other.environment });
      }
    }
    return new Reply(201, s);
  }

  private addStatus(d: Deployment, state: DeploymentStatus['state'], f: Partial<DeploymentStatus>): DeploymentStatus {
    const id = this.nextId++;
    const at = new Date().toISOString();
    const s: DeploymentStatus = {
      url: `${d.url}/statuses/${id}`,
      id,
      node_id: `DES_${id}`,
      state,
      creator: BOT,
      description: '',
      environment: d.environment,
      target_url: '',
      log_url: '',
      environment_url: '',
      ...f,
      created_at: at,
      updated_at: at,
      deployment_url: d.url,
      repository_url: d.repository_url,
    };
    this.statuses.set(d.id as number, [...(this.statuses.get(d.id as number) ?? []), s]);
    return s;
  }

  /** One page of `items` as GitHub pages a list: `per_page` (default 30, at most 100), `page`, a Link header. */
  private page(items: unknown[], u: URL): Reply {
    const perPage = Math.min(100, Math.max(1, Number.parseInt(u.searchParams.get('per_page') ?? '', 10) || 30));
    const page = Math.max(1, Number.parseInt(u.searchParams.get('page') ?? '', 10) || 1);
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const link = (p: number, rel: string) => {
      const q = new URLSearchParams(u.searchParams);
      q.set('page', String(p));
      return `<${this.url}${u.pathname}?${q}>; rel="${rel}"`;
    };
    const rels = [
      ...(page > 1 ? [link(page - 1, 'prev')] : []),
      ...(page < last ? [link(page + 1, 'next'), link(last, 'last')] : []),
      ...(page > 1 ? [link(1, 'first')] : []),
    ];
    return new Reply(200, items.slice((page - 1) * perPage, page * perPage), rels.length ? { link: rels.join(', ') } : {});
  }

  private storeComment(issue: number, body: string): IssueComment {
    const id = this.nextId++;
    const at = new Date().toISOString();
    const c: IssueComment = {
      id,
      node_id: `IC_${id}`,
      url: `${this.url}/repos/${this.repository}/issues/comments/${id}`,
      body,
      html_url: `https://github.com/${this.repository}/pull/${issue}#issuecomment-${id}`,
      user: BOT,
      created_at: at,
      updated_at: at,
      issue_url: `${this.url}/repos/${this.repository}/issues/${issue}`,
      author_association: 'NONE',
    };
    this.comments.set(issue, [...(this.comments.get(issue) ?? []), c]);
    return c;
  }
}

/** GitHub's Validation Failed for a comment body it will not store. */
function commentInvalid(body: string, docs: string): Reply | undefined {
  const message = !body.trim() ? 'Body cannot be blank' : [...body].length > 65536 ? 'Body is too long (maximum is 65536 characters)' : '';
  if (!message) return undefined;
  return error(422, 'Validation Failed', docs, { errors: [{ resource: 'IssueComment', code: 'unprocessable', field: 'data', message }] });
}

/** A comment as the media type asks: raw `body` (the default), `body_text`, `body_html`, or all three. */
function shown(c: IssueComment, media: string): IssueComment {
  const raw = c.body ?? '';
  const html = `<p>${raw.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</p>`;
  const out: IssueComment = { ...c };
  delete out.body;
  if (media === 'raw' || media === 'full') out.body = raw;
  if (media === 'text' || media === 'full') out.body_text = raw;
  if (media === 'html' || media === 'full') out.body_html = html;
  return out;
}
