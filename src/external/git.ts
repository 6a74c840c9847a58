/** The `git` CLI, read-only: the revision and origin a built image is labelled with. */
import { isDeadlineExceeded } from '../deadline.js';
import type { Exec, ExecResult } from './exec.js';

export class Git {
  constructor(
    private readonly exec: Exec,
    private readonly cwd: string,
  ) {}

  private async execute(args: string[]): Promise<ExecResult | undefined> {
    const r = await this.exec
      .run('git', ['-C', this.cwd, ...args], { allowFailure: true, timeoutMs: 15_000, pass: [/^GIT_/] })
      .catch((e: unknown) => {
        if (isDeadlineExceeded(e)) throw e; // out of time is not "not a repository"
        return undefined;
      });
    return r && r.code === 0 ? r : undefined;
  }

  /** full sha of HEAD, or undefined outside a repository */
  async revision(): Promise<string | undefined> {
    return (await this.execute(['rev-parse', 'HEAD']))?.stdout.trim() || undefined;
  }

  /** `origin`'s URL, or undefined */
  async remoteUrl(): Promise<string | undefined> {
    return (await this.execute(['remote', 'get-url', 'origin']))?.stdout.trim() || undefined;
  }
}

/** A remote URL as a public https URL: credentials dropped, `git@host:o/r.git` → `https://host/o/r`. */
export function publicSourceUrl(remote: string): string | undefined {
  const scp = /^[\w.-]+@([\w.-]+):(.+?)(?:\.git)?$/.exec(remote);
  if (scp) return `https://${scp[1]}/${scp[2]}`;
  try {
    const u = new URL(remote);
    if (!['https:', 'http:', 'ssh:', 'git:'].includes(u.protocol)) return undefined;
    const host = u.protocol === 'https:' || u.protocol === 'http:' ? u.host : u.hostname; // ssh ports are not web ports
    return `https://${host}${u.pathname.replace(/\.git$/, '')}`;
  } catch {
    return undefined;
  }
}
