/** The `npm` CLI, for installing a verified package tarball of an npm-distributed tool (ADR 0011). */
import type { Exec, ExecResult } from './exec.js';

export class Npm {
  constructor(
    private readonly exec: Exec,
    private readonly timeoutMs: number,
  ) {}

  /** argv of installing one local tarball into `prefix`: no lifecycle scripts, no dev dependencies, no audit. */
  static installArgs(prefix: string, tarball: string, registry: string): string[] {
    return [
      'install',
      '--prefix',
      prefix,
      '--omit=dev',
      '--ignore-scripts',
      '--no-audit',
      '--no-fund',
      '--no-package-lock',
      '--no-update-notifier',
      ...(registry ? ['--registry', registry] : []),
      tarball,
    ];
  }

  async installTarball(prefix: string, tarball: string, registry: string): Promise<ExecResult> {
    return this.exec.run('npm', Npm.installArgs(prefix, tarball, registry), {
      timeoutMs: this.timeoutMs,
      // npm's own settings (a registry, a cache, a proxy), nothing else of ours
      pass: [/^npm_config_/i, 'NODE_OPTIONS'],
      fix: 'see npm output above; behind a firewall set tool-mirror to a registry mirror',
    });
  }
}
