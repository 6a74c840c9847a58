/**
 * A loopback stand-in for the GitHub REST API routes the action uses (deployments, deployment
 * statuses, issue comments), answering with the shapes of GitHub's OpenAPI description
 * (`@octokit/openapi-types`) and recording every request. Listens on 127.0.0.1, port 0; point the
 * action at it with GITHUB_API_URL (what GHES users do). Unknown routes answer 404 as GitHub does.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { components } from '@octokit/openapi-types';

type Deployment = components['schemas']['deployment'];
type DeploymentStatus = components['schemas']['deployment-status'];
type IssueComment = components['schemas']['issue-comment'];
type SimpleUser = components['schemas']['simple-user'];

export interface RecordedRequest {
  method: string;
  /** path without the query */
  path: string;
  query: Record<string, string>;
  authorization: string;
  body: Record<string, unknown> | undefined;
}

export interface GitHubApiOptions {
  /** POST /deployments answers 403 as for a token without `deployments: write` */
  forbidDeployments?: boolean;
}

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

export class GitHubApiStandIn {
  readonly requests: RecordedRequest[] = [];
  readonly deployments: Deployment[] = [];
  readonly statuses = new Map<number, DeploymentStatus[]>();
  readonly comments = new Map<number, IssueComment[]>();
  options: GitHubApiOptions = {};
  private server: Server | undefined;
  private nextId = 1000;
  url = '';

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

  /** Seed a comment written by someone else (a marker must not be confused with a plain comment). */
  addComment(issue: number, body: string, repo = 'o/r'): IssueComment {
    return this.storeComment(repo, issue, body);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const u = new URL(req.url ?? '/', this.url);
    const rec: RecordedRequest = {
      method: req.method ?? 'GET',
      path: u.pathname,
      query: Object.fromEntries(u.searchParams),
      authorization: String(req.headers.authorization ?? ''),
      body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined,
    };
    this.requests.push(rec);
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(body));
    };
    if (!rec.authorization) return send(401, { message: 'Requires authentication', documentation_url: 'https://docs.github.com/rest' });
    const b = rec.body ?? {};
    let m: RegExpExecArray | null;
    if ((m = /^\/repos\/([^/]+\/[^/]+)\/deployments$/.exec(u.pathname))) {
      const repo = m[1]!;
      if (rec.method === 'POST') {
        if (this.options.forbidDeployments)
          return send(403, {
            message: 'Resource not accessible by integration',
            documentation_url: 'https://docs.github.com/rest/deployments/deployments#create-a-deployment',
            status: '403',
          });
        const id = this.nextId++;
        const d: Deployment = {
          url: `${this.url}/repos/${repo}/deployments/${id}`,
          id,
          node_id: `DE_${id}`,
          sha: String(b.ref),
          ref: String(b.ref),
          task: String(b.task ?? 'deploy'),
          payload: (b.payload ?? {}) as Deployment['payload'],
          original_environment: String(b.environment),
          environment: String(b.environment ?? 'production'),
          description: (b.description as string | undefined) ?? null,
          creator: BOT,
          created_at: new Date().toISOString(),
          updated_at: new Date().toISOString(),
          statuses_url: `${this.url}/repos/${repo}/deployments/${id}/statuses`,
          repository_url: `${this.url}/repos/${repo}`,
          transient_environment: Boolean(b.transient_environment),
          production_environment: Boolean(b.production_environment),
        };
        this.deployments.push(d);
        return send(201, d);
      }
      if (rec.method === 'GET') {
        const env = rec.query.environment;
        return send(
          200,
          this.deployments.filter((d) => !env || d.environment === env),
        );
      }
    }
    if ((m = /^\/repos\/([^/]+\/[^/]+)\/deployments\/(\d+)\/statuses$/.exec(u.pathname)) && rec.method === 'POST') {
      const id = Number(m[2]);
      const d = this.deployments.find((x) => x.id === id);
      if (!d) return send(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
      const s: DeploymentStatus = {
        url: `${d.url}/statuses/${this.nextId}`,
        id: this.nextId++,
        node_id: 'DES_x',
        state: b.state as DeploymentStatus['state'],
        creator: BOT,
        description: String(b.description ?? ''),
        environment: d.environment,
        target_url: '',
        created_at: new Date().toISOString(),
        updated_at: new Date().toISOString(),
        deployment_url: d.url,
        repository_url: d.repository_url,
        environment_url: String(b.environment_url ?? ''),
        log_url: String(b.log_url ?? ''),
      };
      this.statuses.set(id, [...(this.statuses.get(id) ?? []), s]);
      return send(201, s);
    }
    if ((m = /^\/repos\/([^/]+\/[^/]+)\/issues\/(\d+)\/comments$/.exec(u.pathname))) {
      const issue = Number(m[2]);
      if (rec.method === 'GET') return send(200, this.comments.get(issue) ?? []);
      if (rec.method === 'POST') return send(201, this.storeComment(m[1]!, issue, String(b.body ?? '')));
    }
    if ((m = /^\/repos\/([^/]+\/[^/]+)\/issues\/comments\/(\d+)$/.exec(u.pathname)) && rec.method === 'PATCH') {
      const id = Number(m[2]);
      for (const list of this.comments.values()) {
        const c = list.find((x) => x.id === id);
        if (c) {
          c.body = String(b.body ?? '');
          c.updated_at = new Date().toISOString();
          return send(200, c);
        }
      }
    }
    return send(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
  }

  private storeComment(repo: string, issue: number, body: string): IssueComment {
    const id = this.nextId++;
    const c: IssueComment = {
      id,
      node_id: `IC_${id}`,
      url: `${this.url}/repos/${repo}/issues/comments/${id}`,
      body,
      html_url: `https://github.com/${repo}/pull/${issue}#issuecomment-${id}`,
      user: BOT,
      created_at: new Date().toISOString(),
      updated_at: new Date().toISOString(),
      issue_url: `${this.url}/repos/${repo}/issues/${issue}`,
      author_association: 'NONE',
    };
    this.comments.set(issue, [...(this.comments.get(issue) ?? []), c]);
    return c;
  }
}
