/**
 * The few E2B API calls the e2b CLI cannot make (ADR 0010): start a sandbox with metadata and
 * environment (`POST /sandboxes`: the CLI's `sandbox create` has neither, and its `-e` puts values in
 * argv), and read / set template tags (the content hash that makes an unchanged template a skip).
 * Same endpoint and key the CLI uses: `E2B_API_URL`, else `https://api.<E2B_DOMAIN|e2b.app>`,
 * header `X-API-KEY`. Shapes from e2b-dev/E2B spec/openapi.yml.
 */
import type { Deadline } from '../deadline.js';
import { ActionError } from '../errors.js';
import { debug, info, redact } from '../runner.js';

export function e2bApiUrl(env: NodeJS.ProcessEnv = process.env): string {
  if (env.E2B_API_URL) return env.E2B_API_URL.replace(/\/+$/, '');
  if (env.E2B_DEBUG === 'true') return 'http://localhost:3000';
  return `https://api.${env.E2B_DOMAIN || 'e2b.app'}`;
}

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

export interface TemplateTag {
  tag: string;
  buildID: string;
}

export class E2bApi {
  constructor(
    private readonly deadline: Deadline,
    private readonly apiKey: string,
    private readonly base: string = e2bApiUrl(),
  ) {}

  private async request<T>(method: string, path: string, body?: unknown): Promise<T | undefined> {
    const what = `E2B API ${method} ${path}`;
    info(`→ ${what}`); // the path only: bodies carry secrets (envVars)
    let res: Response;
    try {
      res = await fetch(`${this.base}${path}`, {
        method,
        headers: { 'X-API-KEY': this.apiKey, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.deadline.budget(`the E2B API call ${method} ${path}`, 60_000)),
      });
    } catch (e) {
      throw new ActionError(`${what}: ${(e as Error).message}`, {
        where: { field: 'E2B_API_URL' },
        fix: 'check that the runner reaches the E2B API (E2B_API_URL / E2B_DOMAIN)',
      });
    }
    const text = await res.text();
    debug(`${what} → ${res.status}`);
    if (!res.ok) {
      let message = text.trim().slice(0, 300);
      try {
        message = String((JSON.parse(text) as { message?: unknown }).message ?? message);
      } catch {
        // not JSON: the raw text
      }
      throw new ActionError(`${what} answered ${res.status}: ${redact(message)}`, {
        fix: res.status === 401 ? 'set E2B_API_KEY to a valid key (repository secret)' : 'see the E2B message; retry when E2B is healthy',
      });
    }
    return text ? (JSON.parse(text) as T) : undefined;
  }

  async createSandbox(body: NewSandbox): Promise<{ sandboxID: string; templateID: string }> {
    const r = await this.request<{ sandboxID: string; templateID: string }>('POST', '/sandboxes', body);
    if (!r?.sandboxID) throw new ActionError('E2B API POST /sandboxes returned no sandboxID', { fix: 'retry; report it if it persists' });
    return r;
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

  /** tag the template's current build (`target` = alias) */
  async assignTags(target: string, tags: string[]): Promise<void> {
    await this.request('POST', '/templates/tags', { target, tags });
  }
}
