/**
 * Outputs, the result JSON and the job summary (docs/behaviour.md#outputs). Each output is set the
 * moment it is known, so a deploy that fails later still exposes the image it was going to deploy.
 */
import type { ConfigWarning } from '../config/types.js';
import type { ImageChoice, ImageDecision, TraceStep } from '../image/types.js';
import type { Evidence, Mode, Verified } from '../domain.js';
import type { PlannedCommand, ProviderPlan, RolloutFacts } from '../providers/types.js';
import { changeLine, countChanges, imageLine, liveLine, type LiveState, type ResourceChange } from '../plan/changes.js';
import { quoteArgv } from '../text.js';
import { engineLine } from '../external/docker-engine.js';
import { appendSummary, group, holdLog, setOutput } from '../runner.js';
import type { VerificationDetails } from '../verify/verify.js';
import { capSummary } from './limits.js';
import type { Swept } from '../modes/sweep.js';

export interface ToolStatus {
  name: string;
  /** the binary the provider runs ('' in plan when it would be downloaded) */
  path: string;
  version: string;
  /** where it comes from: already on PATH, the runner's tool cache, or a verified download (ADR 0011) */
  source?: 'path' | 'cache' | 'download';
  /** the download URL, without credentials */
  url?: string;
}

export interface Result {
  mode: Mode;
  provider: string;
  /** the config's name */
  name: string;
  /** the name the provider gives the deployment (name-suffix and naming rules applied) */
  'deployed-name': string;
  image: string;
  'image-digest': string;
  'image-source': string;
  dockerfile: string;
  built: boolean;
  verified: Verified;
  url: string;
  skipped: boolean;
  /** `true`/`false`: what health-url / health-command said; `unknown`: no check was asked for (or none ran) */
  healthy: 'true' | 'false' | 'unknown';
  /** what the check was and how it went */
  health?: { what: string; attempts: number; waitedMs: number; last?: string };
  /** a failed rollout was rolled back */
  'rolled-back': boolean;
  /** the pinned ref (digest or image ID) that ran before this deploy; '' on a first deploy */
  'previous-image': string;
  trace: TraceStep[];
  tools: ToolStatus[];
  warnings: number;
  /** mode plan: a deploy would create, update or delete something (an unknown live state counts) */
  changed?: boolean;
  /** mode plan: how many resources a deploy would create, update or delete */
  changes?: number;
  /** mode plan: which image and why (one line), what a deploy would change per resource, the files and commands */
  plan?: {
    image: string;
    changes: (ResourceChange & { line: string })[];
    live: LiveState;
    /** a Dockerfile the deploy would build (the `built` output stays false: nothing was built) */
    build?: string;
    files: string[];
    commands: string[];
  };
  connect?: string;
  /** the verification policy and what the provenance says (src/verify/verify.ts) */
  verification?: VerificationDetails;
  /** `mode: sweep`: the previews removed (src/modes/sweep.ts) */
  swept?: Swept[];
  /** provider specific results (`workspace-id`, `template-id`, `rolledBack`, …) */
  extra?: Record<string, string>;
  error?: string;
}

export class Report {
  readonly result: Result;
  private planDetail: ProviderPlan | undefined;
  private readonly phases: { name: string; ms: number }[] = [];
  private readonly writeSummary: boolean;

  /** `summary: false` (input) keeps the job summary empty; outputs are written either way. */
  constructor(mode: Mode, opts: { summary?: boolean } = {}) {
    this.writeSummary = opts.summary ?? true;
    this.result = {
      mode,
      provider: '',
      name: '',
      'deployed-name': '',
      image: '',
      'image-digest': '',
      'image-source': '',
      dockerfile: '',
      built: false,
      verified: 'none',
      url: '',
      skipped: false,
      healthy: 'unknown',
      'rolled-back': false,
      'previous-image': '',
      trace: [],
      tools: [],
      warnings: 0,
    };
  }

  private out<K extends 'provider' | 'name' | 'deployed-name' | 'image' | 'image-digest' | 'image-source' | 'dockerfile' | 'url'>(
    key: K,
    value: string,
  ): void {
    this.result[key] = value;
    setOutput(key, value);
  }

  target(provider: string, name: string, warnings: readonly ConfigWarning[]): void {
    this.out('provider', provider);
    this.out('name', name);
    this.result.warnings = warnings.length;
  }

  /** the provider's name for the deployment, known once its settings are read */
  deployedName(name: string): void {
    this.out('deployed-name', name);
  }

  /** which rule won, before pinning: known even when the pin then fails */
  choice(c: ImageChoice): void {
    this.result.trace = c.trace;
    this.out('image-source', c.source);
    this.out('dockerfile', c.dockerfile ?? '');
  }

  image(d: ImageDecision): void {
    this.result.trace = d.trace;
    this.out('image', d.deployRef);
    this.out('image-digest', d.digest);
  }

  /** after a build the provider knows the final ref and digest */
  built(image: string | undefined, digest: string | undefined): void {
    this.result.built = true;
    setOutput('built', 'true');
    if (image) this.out('image', image);
    if (digest) this.out('image-digest', digest);
  }

  verified(v: Verified): void {
    this.result.verified = v;
    setOutput('verified', v);
  }

  verification(details: VerificationDetails): void {
    this.result.verification = details;
  }

  tools(t: ToolStatus[]): void {
    this.result.tools = t;
  }

  plan(p: ProviderPlan, image: ImageDecision): void {
    this.planDetail = p;
    const changes = countChanges(p.changes);
    this.result.changed = changes > 0;
    this.result.changes = changes;
    setOutput('changed', String(changes > 0));
    setOutput('changes', String(changes));
    if (p.url) this.out('url', p.url);
    this.result.plan = {
      image: imageLine(image),
      changes: p.changes.map((c) => ({ ...c, line: changeLine(c) })),
      live: p.live,
      ...(image.build && image.dockerfile ? { build: image.dockerfile } : {}),
      files: p.files.map((f) => f.path),
      commands: p.commands.map(commandLine),
    };
  }

  deployed(r: { url: string; skipped: boolean; connect?: string; extra?: Record<string, string> } & RolloutFacts): void {
    this.out('url', r.url);
    this.result.skipped = r.skipped;
    setOutput('skipped', String(r.skipped));
    if (r.connect) this.result.connect = r.connect;
    if (r.extra && Object.keys(r.extra).length) this.result.extra = { ...this.result.extra, ...r.extra };
    this.rollout(r);
  }

  /** Health, rollback and the previous image, known on success (the DeployResult) or failure (the error's extra). */
  rollout(f: RolloutFacts): void {
    if (f.health) {
      const { what, attempts, waitedMs, last } = f.health;
      this.result.health = { what, attempts, waitedMs, ...(last ? { last } : {}) };
    }
    const healthy = f.healthy ?? (f.health ? (f.health.healthy ? 'true' : 'false') : undefined);
    if (healthy) {
      this.result.healthy = healthy;
      setOutput('healthy', healthy);
    }
    if (f.rolledBack !== undefined) {
      this.result['rolled-back'] = f.rolledBack;
      setOutput('rolled-back', String(f.rolledBack));
    }
    if (f.previousImage !== undefined) {
      this.result['previous-image'] = f.previousImage;
      setOutput('previous-image', f.previousImage);
    }
  }

  /** What a failing provider knew (ActionError.extra): the rollout facts are taken out, the rest kept. */
  failed(extra: Record<string, string>): void {
    const { rolledBack, previousImage, rolledBackTo, healthy, ...rest } = extra;
    const previous = previousImage ?? rolledBackTo;
    this.rollout({
      ...(rolledBack !== undefined ? { rolledBack: rolledBack === 'true' } : {}),
      ...(previous !== undefined ? { previousImage: previous } : {}),
      ...(healthy === 'true' || healthy === 'false' || healthy === 'unknown' ? { healthy } : {}),
    });
    if (Object.keys(rest).length) this.result.extra = { ...this.result.extra, ...rest };
  }

  /** One phase of the run: a log group, timed for the summary's "time per phase". */
  async phase<T>(name: string, fn: () => Promise<T>): Promise<T> {
    const started = Date.now();
    try {
      return await group(name, fn);
    } finally {
      this.phases.push({ name, ms: Date.now() - started });
    }
  }

  /**
   * A phase started now, ahead of its turn, its log held (`holdLog`); `turn()` prints it where it
   * belongs and records its time then, so the log and the phase list read in the usual order.
   */
  phaseAhead<T>(name: string, fn: () => Promise<T>): () => Promise<T> {
    const started = Date.now();
    let ms = 0;
    const ahead = holdLog(() => group(name, fn).finally(() => (ms = Date.now() - started)));
    return async () => {
      try {
        return await ahead.turn();
      } finally {
        this.phases.push({ name, ms });
      }
    };
  }

  /** `mode: sweep`: the previews removed, the `swept` output (a JSON array) at once */
  swept(list: Swept[]): void {
    this.result.swept = list;
    setOutput('swept', JSON.stringify(list));
  }

  /** Write the outputs not yet written, `result`, and the summary. Called once, on success or failure. */
  finish(error?: string): void {
    if (error) this.result.error = error;
    setOutput('built', String(this.result.built));
    setOutput('verified', this.result.verified);
    setOutput('skipped', String(this.result.skipped));
    setOutput('url', this.result.url);
    setOutput('healthy', this.result.healthy);
    setOutput('rolled-back', String(this.result['rolled-back']));
    setOutput('previous-image', this.result['previous-image']);
    setOutput('result', JSON.stringify(this.result));
    if (this.writeSummary) appendSummary(capSummary(renderSummary(this.result, this.planDetail, this.phases)));
  }
}

/** A planned command as the log and summary show it: argv, then when it runs. */
export function commandLine(c: PlannedCommand): string {
  const when = c.onFailure ? '   # only if the rollout fails' : c.mutates ? '' : '   # read-only';
  return `${c.inProcess ? engineLine(c.argv[0] ?? '', c.argv.slice(1).join(' ')) : quoteArgv(c.argv)}${c.cwd ? `   # in ${c.cwd}` : ''}${when}`;
}

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const code = (s: string): string => (s ? `\`${s.replace(/`/g, "'")}\`` : '—');
const ICON: Record<string, string> = { applied: '✅ applied', skipped: '⏭️ skipped', 'not-reached': '· not reached' };

const seconds = (ms: number): string => (ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`);

/** The summary's first line: what runs now, and whether it passed its check. */
export function nowRunning(r: Result): string {
  const check =
    r.healthy === 'true' ? `healthy (${r.health?.what ?? 'check'} passed)` : r.healthy === 'false' ? 'UNHEALTHY' : 'health not checked';
  if (r.mode === 'plan') return `**Would deploy** ${code(r.image)}`;
  if (r.mode === 'destroy') return r.error ? '**Destroy failed**: see below' : '**Removed**: nothing of this deployment runs now';
  if (r.mode === 'sweep')
    return r.error ? '**Sweep failed**: see below' : `**Swept** ${r.swept?.length ?? 0} preview(s) of closed pull requests`;
  if (r.mode !== 'deploy') return '';
  if (!r.error) return `**Running now:** ${code(r.image)}${r.skipped ? ' (unchanged, nothing redeployed)' : ''} — ${check}`;
  if (r['rolled-back']) return `**Running now:** the previous image ${code(r['previous-image'])} (rolled back) — ${check}`;
  return `**Deploy failed** — see below${r.healthy === 'false' ? ` (${r.health?.what ?? 'the health check'} failed)` : ''}`;
}

/** The image line and the change list (the summary and the pull request comment show the same). */
export function planLines(p: NonNullable<Result['plan']>): string[] {
  const lines = [`**Would deploy** ${code(p.image.replace(/^image /, ''))}`, ''];
  const unknown = liveLine(p.live);
  // a fence inside a line (from a reason the engine or the cluster gave) must not close the block
  const fenced = (l: string) => l.replace(/`{3,}/g, (m) => "'".repeat(m.length));
  lines.push('```diff', ...[...(unknown ? [unknown] : []), ...p.changes.map((c) => c.line)].map(fenced), '```');
  return lines;
}

/** `phases`: each log group with its duration (the run's time per phase). */
/** How the summary names each kind of evidence. */
const EVIDENCE_NAMES: Readonly<Record<Evidence, string>> = {
  signature: 'cosign signature',
  provenance: 'cosign SLSA attestation',
  attestation: 'Sigstore bundle attached as an OCI referrer',
  'github-attestation': "Sigstore bundle from GitHub's attestations API",
  'buildkit-provenance': 'BuildKit provenance covered by the signature of the index',
};

export function renderSummary(r: Result, plan?: ProviderPlan, phases: readonly { name: string; ms: number }[] = []): string {
  const title = `### Sindri ${r.mode}${r.name ? `: ${code(r.name)}` : ''}${r.provider ? ` → ${r.provider}` : ''}${r.error ? ' — failed' : ''}`;
  // a plan opens with its image line and change list; anything else with what runs now
  const lines = [title, '', ...(r.plan ? planLines(r.plan) : [nowRunning(r)]), ''];
  if (r.error) lines.push(`> [!CAUTION]`, `> ${r.error}`, '');
  lines.push('| | |', '|---|---|');
  if (r['deployed-name'] && r['deployed-name'] !== r.name) lines.push(`| deployed as | ${code(r['deployed-name'])} |`);
  lines.push(`| image | ${code(r.image)} |`);
  lines.push(`| image source | ${code(r['image-source'])} |`);
  if (r['image-digest']) lines.push(`| digest | ${code(r['image-digest'])} |`);
  if (r.dockerfile)
    lines.push(`| Dockerfile | ${code(r.dockerfile)} (${r.mode === 'plan' ? 'a deploy builds it' : r.built ? 'built' : 'not built'}) |`);
  if (r.mode === 'deploy' && r.image)
    lines.push(`| built or pulled | ${r.built ? 'built on the runner' : 'prebuilt: pulled unless already present'} |`);
  lines.push(`| verified | ${r.verified} |`);
  const v = r.verification;
  if (v) {
    lines.push(`| verification | ${cell(v.policy === 'none' ? (v.note ?? 'none') : `${v.policy}${v.note ? ` — ${v.note}` : ''}`)} |`);
    if (v.evidence?.length) lines.push(`| evidence | ${cell(v.evidence.map((e) => EVIDENCE_NAMES[e]).join('; '))} |`);
    if (v.builder || v.source)
      lines.push(
        `| provenance | builder ${code(v.builder ?? '')}, source ${code(v.source ?? '')}${v.commit ? ` @ ${code(v.commit)}` : ''}${v.provenanceFrom ? ` — ${cell(v.provenanceFrom)}` : ''} |`,
      );
    if (v.expected) lines.push(`| provenance vs this run | ${cell(v.expected)} |`);
    const b = v.buildkit;
    if (b)
      lines.push(
        `| BuildKit provenance | ${b.signed ? 'covered by the verified signature of the index' : '**unsigned: informational only**'}: builder ${code(b.builder)}, source ${code(b.source)}${b.commit ? ` @ ${code(b.commit)}` : ''}; ${cell(b.expected)} |`,
      );
  }
  if (r.url) lines.push(`| url | ${r.url} |`);
  if (r.skipped) lines.push(`| skipped | already running this digest |`);
  if (r.health)
    lines.push(
      `| health | ${cell(`${r.health.what}: ${r.healthy === 'true' ? 'passed' : 'failed'} after ${r.health.attempts} attempt(s), ${seconds(r.health.waitedMs)}${r.health.last ? ` — ${r.health.last}` : ''}`)} |`,
    );
  if (r['previous-image']) lines.push(`| previous image | ${code(r['previous-image'])} |`);
  if (r['rolled-back']) lines.push(`| rolled back | yes, to ${code(r['previous-image'])} |`);
  if (r.connect) lines.push(`| connect | ${code(r.connect)} |`);
  for (const [k, v] of Object.entries(r.extra ?? {})) lines.push(`| ${cell(k)} | ${code(v)} |`);
  if (r.warnings) lines.push(`| config warnings | ${r.warnings} (see annotations) |`);
  for (const s of r.swept ?? [])
    lines.push(
      `| swept | ${code(s['deployed-name'])}: pull request #${s['pull-request']} ${s.state}, environment ${code(s.environment)} |`,
    );
  if (r.trace.length) {
    lines.push('', '#### Image decision', '', '| # | rule | outcome | reason |', '|---|---|---|---|');
    for (const t of r.trace) lines.push(`| ${t.rule || ''} | ${t.source} | ${ICON[t.outcome] ?? t.outcome} | ${cell(t.reason)} |`);
  }
  if (r.tools.length) {
    lines.push('', '#### Tools', '', '| tool | version | from | path |', '|---|---|---|---|');
    for (const t of r.tools)
      lines.push(
        `| ${t.name} | ${t.version || 'default'} | ${t.source === 'download' ? `download ${t.url ?? ''}` : (t.source ?? 'PATH')} | ${code(t.path)} |`,
      );
  }
  if (phases.length) {
    lines.push('', '#### Time per phase', '', '| phase | time |', '|---|---|');
    for (const p of phases) lines.push(`| ${cell(p.name)} | ${p.ms < 1000 ? `${p.ms} ms` : `${(p.ms / 1000).toFixed(1)} s`} |`);
  }
  if (plan) {
    for (const n of plan.notes) lines.push('', `> ${n}`);
    for (const f of plan.files)
      lines.push(
        '',
        `<details><summary>file <code>${f.path}</code></summary>`,
        '',
        '```yaml',
        (f.shown ?? f.content).trimEnd(),
        '```',
        '</details>',
      );
    if (plan.commands.length)
      lines.push(
        '',
        '<details><summary>commands a deploy runs</summary>',
        '',
        '```sh',
        ...plan.commands.map(commandLine),
        '```',
        '</details>',
      );
  }
  return lines.join('\n') + '\n';
}
