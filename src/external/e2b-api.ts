/**
 * The few E2B API calls the e2b CLI cannot make (ADR 0010): start a sandbox with metadata and
 * environment (`POST /sandboxes`: the CLI's `sandbox create` has neither, and its `-e` puts values in
 * argv), and read / set template tags (the content hash that makes an unchanged template a skip).
 * Same endpoint and key the CLI uses: `E2B_API_URL`, else `https://api.<E2B_DOMAIN|e2b.app>`,
 * header `X-API-KEY`. Shapes from e2b-dev/E2B spec/openapi.yml.
 */
import type { Deadline } from '../deadline.js';
import type { E2bSandbox, E2bTemplate } from './e2b.js';
import { ActionError } from '../errors.js';
import { debug, info, redact } from '../runner.js';

export function e2bApiUrl(env: NodeJS.ProcessEnv = process.env): string {
  if (env.E2B_API_URL) return env.E2B_API_URL.replace(/\/+$/, '');
  if (env.E2B_DEBUG === 'true') return 'http://localhost:3000';
  return `https://api.${env.E2B_DOMAIN || 'e2b.app'}`;
}

/** a sandbox ID no sandbox has (IDs are 20 random lowercase letters and digits, never this word) */
export const TIMEOUT_PROBE_SANDBOX = 'sindritimeoutprobe';

export interface NewSandbox {
  templateID: string;
  /** seconds */
  timeout: number;
  autoPause: boolean;
  autoResume?: { enabled: boolean };
  metadata: Record<string, string>;
  /** the config's secrets: only ever in this request */
  envVars: Record<string, string>;
  secure: boolean;
}

/** The API's `Sandbox` answer (create, connect): what envd needs besides the id. */
export interface StartedSandbox {
  sandboxID: string;
  templateID: string;
  envdAccessToken?: string;
  domain?: string | null;
}

/** `TemplateBuildStartV2`: what the SDK's `Template.build` sends after `POST /v3/templates` (spec TemplateBuildStartV2). */
export interface TemplateBuildStart {
  fromImage: string;
  /** `GeneralRegistry`: the template manager pulls `fromImage` with these (Basic, then the registry's token exchange) */
  fromImageRegistry?: { type: 'registry'; username: string; password: string };
  force: boolean;
  startCmd?: string;
  readyCmd?: string;
  steps: { type: string; args: string[]; force: boolean }[];
}

/** `TemplateBuildInfo`: a build's status and the log entries from `logsOffset` on. */
export interface TemplateBuildStatus {
  status: 'building' | 'waiting' | 'ready' | 'error';
  logEntries?: { timestamp?: string; level?: string; message: string }[];
  reason?: { message: string; step?: string };
}

/**
 * The query of `GET /v2/sandboxes` as the CLI's `sandbox list --state running,paused --metadata k=v`
 * sends it (the SDK's SandboxPaginator): `metadata` is the URL-encoded `k=v` pairs, encoded again as a
 * query value; arrays are comma-joined (`style: form, explode: false`); pages follow `x-next-token`.
 */
export function sandboxListQuery(key: string, value: string, nextToken?: string): string {
  const q = new URLSearchParams({
    metadata: new URLSearchParams({ [encodeURIComponent(key)]: encodeURIComponent(value) }).toString(),
    state: 'running,paused',
    limit: String(SANDBOX_PAGE),
  });
  if (nextToken) q.set('nextToken', nextToken);
  return q.toString();
}

const SANDBOX_PAGE = 100;

/** The API's `ListedSandbox`, the fields we read. */
interface ListedSandbox {
  sandboxID: string;
  templateID: string;
  metadata?: Record<string, string> | null;
  state: string;
}

export interface TemplateTag {
  tag: string;
  buildID: string;
}

export class E2bApi {
  constructor(
    private readonly deadline: Deadline,
    private readonly apiKey: string,
    private readonly base: string = e2bApiUrl(),
    /** the most one call may wait (the plan's live read waits less than a deploy: ADR 0045) */
    private readonly callMs: number = 60_000,
  ) {}

  /** One exchange: the status and the API's message (`{code, message}`) or the body. */
  private async call(
    method: string,
    path: string,
    body?: unknown,
    quiet = false,
  ): Promise<{ status: number; ok: boolean; text: string; message: string; next?: string }> {
    const what = `E2B API ${method} ${path}`;
    if (quiet) debug(`→ ${what}`);
    else info(`→ ${what}`); // the path only: bodies carry secrets (envVars, registry credentials)
    let res: Response;
    try {
      res = await fetch(`${this.base}${path}`, {
        method,
        headers: { 'X-API-KEY': this.apiKey, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.deadline.budget(`the E2B API call ${method} ${path}`, this.callMs)),
      });
    } catch (e) {
      throw new ActionError(`${what}: ${(e as Error).message}`, {
        where: { field: 'E2B_API_URL' },
        fix: 'check that the runner reaches the E2B API (E2B_API_URL / E2B_DOMAIN)',
      });
    }
    const text = await res.text();
    debug(`${what} → ${res.status}`);
    let message = text.trim().slice(0, 300);
    if (!res.ok)
      try {
        message = String((JSON.parse(text) as { message?: unknown }).message ?? message);
      } catch {
        // not JSON: the raw text
      }
    return { status: res.status, ok: res.ok, text, message: redact(message), next: res.headers.get('x-next-token') || undefined };
  }

  private async request<T>(method: string, path: string, body?: unknown, quiet = false): Promise<T | undefined> {
    return (await this.page<T>(method, path, body, quiet)).data;
  }

  /** One answer and the token of the next page, if the API sent one. */
  private async page<T>(method: string, path: string, body?: unknown, quiet = false): Promise<{ data: T | undefined; next?: string }> {
    const r = await this.call(method, path, body, quiet);
    if (!r.ok)
      throw new ActionError(`E2B API ${method} ${path} answered ${r.status}: ${r.message}`, {
        fix: r.status === 401 ? 'set E2B_API_KEY to a valid key (repository secret)' : 'see the E2B message; retry when E2B is healthy',
      });
    return { data: r.text ? (JSON.parse(r.text) as T) : undefined, next: r.next };
  }

  /**
   * The team's templates: the request `e2b template list` makes (`GET /templates`, with `teamID` when
   * E2B_TEAM_ID is set, as the CLI sends it), without a CLI start (issue 25).
   */
  async listTemplates(teamID = process.env.E2B_TEAM_ID): Promise<E2bTemplate[]> {
    const list = await this.request<E2bTemplate[]>('GET', `/templates${teamID ? `?${new URLSearchParams({ teamID }).toString()}` : ''}`);
    return Array.isArray(list) ? list : [];
  }

  /** Running and paused sandboxes whose metadata has key=value, every page: what `e2b sandbox list` prints, without a CLI start. */
  async listSandboxes(key: string, value: string): Promise<E2bSandbox[]> {
    const out: E2bSandbox[] = [];
    let next: string | undefined;
    do {
      const page = await this.page<ListedSandbox[]>('GET', `/v2/sandboxes?${sandboxListQuery(key, value, next)}`);
      for (const s of page.data ?? [])
        out.push({ sandboxId: s.sandboxID, templateId: s.templateID, metadata: s.metadata ?? {}, state: s.state });
      next = page.next;
    } while (next);
    return out;
  }

  /**
   * The team's limit on a sandbox's life, asked before anything is built (ADR 0032): no endpoint an API
   * key may read states it, but `POST /sandboxes/{id}/connect` checks the timeout against it before it
   * looks the sandbox up, so a sandbox that cannot exist answers 400 `Timeout cannot be greater than N
   * hours` over the limit and 404 within it. Undefined: within the limit, or the answer told nothing
   * (then the sandbox start is where the API says it).
   */
  async timeoutRefusal(seconds: number): Promise<string | undefined> {
    const r = await this.call('POST', `/sandboxes/${TIMEOUT_PROBE_SANDBOX}/connect`, { timeout: seconds });
    if (r.status === 400 && /^Timeout cannot be greater than \d+ hours?$/.test(r.message)) return r.message;
    if (r.status === 401)
      throw new ActionError(`E2B API answered 401: ${r.message}`, { fix: 'set E2B_API_KEY to a valid key (repository secret)' });
    if (r.status !== 404) debug(`the timeout limit probe answered ${r.status}: ${r.message}`);
    return undefined;
  }

  async createSandbox(body: NewSandbox): Promise<StartedSandbox> {
    const r = await this.request<StartedSandbox>('POST', '/sandboxes', body);
    if (!r?.sandboxID) throw new ActionError('E2B API POST /sandboxes returned no sandboxID', { fix: 'retry; report it if it persists' });
    return r;
  }

  /** A running sandbox's envd token (a paused one is resumed); its life is only ever extended, to at least `timeout` s from now. */
  async connectSandbox(sandboxID: string, timeout: number): Promise<StartedSandbox> {
    const r = await this.request<StartedSandbox>('POST', `/sandboxes/${encodeURIComponent(sandboxID)}/connect`, { timeout });
    if (!r?.sandboxID) throw new ActionError(`E2B API POST /sandboxes/${sandboxID}/connect returned no sandbox`, { fix: 'retry' });
    return r;
  }

  /** false when the API no longer knows it (404: ended already), as `e2b sandbox kill` takes it */
  async killSandbox(sandboxID: string): Promise<boolean> {
    const path = `/sandboxes/${encodeURIComponent(sandboxID)}`;
    const r = await this.call('DELETE', path);
    if (r.status === 404) return false;
    if (!r.ok) throw new ActionError(`E2B API DELETE ${path} answered ${r.status}: ${r.message}`, { fix: 'retry when E2B is healthy' });
    return true;
  }

  /**
   * A template build through the API, for what `e2b template create` cannot send (registry
   * credentials of a private base image): `POST /v3/templates` registers the build, as the SDK does.
   */
  async requestBuild(body: { name: string; cpuCount: number; memoryMB: number }): Promise<{ templateID: string; buildID: string }> {
    const r = await this.request<{ templateID?: string; buildID?: string }>('POST', '/v3/templates', body);
    if (!r?.templateID || !r.buildID)
      throw new ActionError('E2B API POST /v3/templates returned no templateID or buildID', { fix: 'retry; report it if it persists' });
    return { templateID: r.templateID, buildID: r.buildID };
  }

  /** `POST /v2/templates/{templateID}/builds/{buildID}`: the body carries the credentials, so it is never logged */
  async startBuild(templateID: string, buildID: string, body: TemplateBuildStart): Promise<void> {
    await this.request('POST', `/v2/templates/${encodeURIComponent(templateID)}/builds/${encodeURIComponent(buildID)}`, body);
  }

  async buildStatus(templateID: string, buildID: string, logsOffset: number): Promise<TemplateBuildStatus> {
    const path = `/templates/${encodeURIComponent(templateID)}/builds/${encodeURIComponent(buildID)}/status?logsOffset=${logsOffset}`;
    const r = await this.request<TemplateBuildStatus>('GET', path, undefined, true); // polled: in the debug log only
    if (!r?.status) throw new ActionError(`E2B API GET ${path} returned no status`, { fix: 'retry' });
    return r;
  }

  /** the id of the team's template with this alias, or undefined (404: no such alias; 403: another team's) */
  async templateIdOf(alias: string): Promise<string | undefined> {
    const r = await this.call('GET', `/templates/aliases/${encodeURIComponent(alias)}`);
    if (r.status === 404 || r.status === 403) return undefined;
    if (!r.ok) throw new ActionError(`E2B API GET /templates/aliases/${alias} answered ${r.status}: ${r.message}`, { fix: 'retry' });
    return (JSON.parse(r.text) as { templateID?: string }).templateID;
  }

  /** tags of a template (by id or alias); an unknown template has none */
  async templateTags(template: string): Promise<TemplateTag[]> {
    try {
      return (await this.request<TemplateTag[]>('GET', `/templates/${encodeURIComponent(template)}/tags`)) ?? [];
    } catch (e) {
      if (e instanceof ActionError && / answered 404:/.test(e.message)) return [];
      throw e;
    }
  }

  /**
   * tag a build: the one `target` names (`alias` = its `default` tag, `alias:tag` = that tag's build);
   * the answer names the build that was tagged
   */
  async assignTags(target: string, tags: string[]): Promise<{ tags: string[]; buildID: string }> {
    const r = await this.request<{ tags: string[]; buildID: string }>('POST', '/templates/tags', { target, tags });
    return r ?? { tags: [], buildID: '' };
  }
}
