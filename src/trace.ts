/**
 * Traceability (docs/behaviour.md#traceability): which workflow run put a resource there. One pure
 * function reads the runner's GITHUB_* variables, keeps each value only when it has the shape GitHub
 * gives it (so no control character, no free text, nothing a secret can hide in) and when it holds
 * no registered secret; every provider writes the same facts in its own metadata under its own key
 * spelling (`traceKey`). A value that fails its check is left out, and the plan says so.
 *
 * The same metadata marks a preview (`name`, `name-suffix`, `repository`), which is how `mode: sweep`
 * finds the previews of this config and the pull request each one belongs to (ADR 0038).
 */
import pkg from '../package.json' with { type: 'json' };

/** The facts, in the order they are shown (`environment`: the GitHub environment the deploy is named for, which sweep closes). */
export const TRACE_FIELDS = ['run-url', 'commit', 'ref', 'actor', 'repository', 'action-version', 'environment'] as const;
export type TraceField = (typeof TRACE_FIELDS)[number];

export interface Trace {
  /** the fields that passed their check, in TRACE_FIELDS order */
  values: Partial<Record<TraceField, string>>;
  /** why a field present in the environment was left out (shown by plan) */
  dropped: string[];
}

/** The keys that mark a preview, besides `repository` of the trace. */
export const PREVIEW_FIELDS = ['name', 'name-suffix'] as const;
export type PreviewField = (typeof PREVIEW_FIELDS)[number];

/** A GitHub environment name as GitHub allows it: 1–255 characters, no control character, no leading or trailing space. */
export function isEnvironmentName(value: string): boolean {
  return value.length > 0 && value.length <= 255 && value.trim() === value && !/[\u0000-\u001f\u007f]/.test(value);
}

/** `owner/repo` as GitHub allows them. */
const REPOSITORY_RE = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/;
/** a GitHub login, apps' `[bot]` included */
const ACTOR_RE = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\[bot\])?$/;
/** a commit: SHA-1, or SHA-256 for repositories that use it */
const COMMIT_RE = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
/** a full ref: printable ASCII without space (git forbids spaces and control characters in refs) */
const REF_RE = /^refs\/[\x21-\x7e]{1,240}$/;
/** an action ref (`v1`, `v1.2.3`, a commit) */
const ACTION_REF_RE = /^[A-Za-z0-9._/-]{1,100}$/;
const RUN_ID_RE = /^[1-9][0-9]{0,19}$/;

export interface TraceOptions {
  /** the bundled action's version, used when the runner does not say which ref of the action runs */
  version?: string;
  /** the runner's masking: a value it changes holds a secret and is left out */
  redact?: (text: string) => string;
  /** the GitHub environment name of this deploy (`environmentName`: the input, else `<provider>[-<suffix>]`) */
  environment?: string;
}

/** The server URL without credentials, query or trailing slash; undefined when it is not one. */
function serverUrl(raw: string | undefined): string | undefined {
  const value = raw || 'https://github.com';
  let u: URL;
  try {
    u = new URL(value);
  } catch {
    return undefined;
  }
  if ((u.protocol !== 'https:' && u.protocol !== 'http:') || u.username || u.password || u.search || u.hash) return undefined;
  return `${u.origin}${u.pathname.replace(/\/+$/, '')}`;
}

/** The trace of this run from `env` (GITHUB_SERVER_URL, _REPOSITORY, _RUN_ID, _SHA, _REF, _ACTOR, _ACTION_REPOSITORY, _ACTION_REF). */
export function traceOf(env: Readonly<Record<string, string | undefined>>, opts: TraceOptions = {}): Trace {
  const redact = opts.redact ?? ((t: string) => t);
  const values: Trace['values'] = {};
  const dropped: string[] = [];
  const keep = (field: TraceField, variable: string, value: string | undefined, ok: boolean) => {
    if (!value) return;
    if (!ok) dropped.push(`${field}: ${variable} does not have the shape GitHub gives it`);
    else if (redact(value) !== value) dropped.push(`${field}: ${variable} holds a secret`);
    else values[field] = value;
  };
  const repository = env.GITHUB_REPOSITORY;
  const repoOk = repository !== undefined && REPOSITORY_RE.test(repository);
  if (env.GITHUB_RUN_ID && repository) {
    const server = serverUrl(env.GITHUB_SERVER_URL);
    const ok = server !== undefined && repoOk && RUN_ID_RE.test(env.GITHUB_RUN_ID);
    keep('run-url', 'GITHUB_RUN_ID', ok ? `${server}/${repository}/actions/runs/${env.GITHUB_RUN_ID}` : env.GITHUB_RUN_ID, ok);
  }
  keep('commit', 'GITHUB_SHA', env.GITHUB_SHA, COMMIT_RE.test(env.GITHUB_SHA ?? ''));
  keep('ref', 'GITHUB_REF', env.GITHUB_REF, REF_RE.test(env.GITHUB_REF ?? ''));
  keep('actor', 'GITHUB_ACTOR', env.GITHUB_ACTOR, ACTOR_RE.test(env.GITHUB_ACTOR ?? ''));
  keep('repository', 'GITHUB_REPOSITORY', repository, repoOk);
  // the ref the workflow named in `uses:` (v1, a commit); a local action (`uses: ./`) has none
  const actionRepo = env.GITHUB_ACTION_REPOSITORY;
  const actionRef = env.GITHUB_ACTION_REF;
  if (actionRepo && actionRef) {
    const ok = REPOSITORY_RE.test(actionRepo) && ACTION_REF_RE.test(actionRef);
    keep('action-version', 'GITHUB_ACTION_REF', `${actionRepo}@${actionRef}`, ok);
  }
  if (!values['action-version']) values['action-version'] = `sindri/deploy-action ${opts.version ?? pkg.version}`;
  keep('environment', 'input environment', opts.environment, isEnvironmentName(opts.environment ?? ''));
  return { values, dropped };
}

/** The preview marks of a deployment: its config name, and its name-suffix when it has one. */
export function previewMarks(name: string, suffix: string): Partial<Record<PreviewField, string>> {
  return suffix ? { name, 'name-suffix': suffix } : { name };
}

/**
 * The trace and preview marks as one platform's metadata: `prefix + field`, with `-` replaced by
 * `separator` in the field (Fly and E2B keys are `sindri_run_url`).
 */
export function traceMetadata(
  trace: Trace | undefined,
  marks: Partial<Record<PreviewField, string>>,
  key: (field: TraceField | PreviewField) => string,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of PREVIEW_FIELDS) if (marks[f] !== undefined) out[key(f)] = marks[f]!;
  for (const f of TRACE_FIELDS) if (trace?.values[f] !== undefined) out[key(f)] = trace.values[f]!;
  return out;
}

/**
 * A metadata key of Fly machines and E2B sandboxes: `sindri_` + the field with `-` turned into `_`
 * (`sindri_run_url`, `sindri_name_suffix`): the spelling both platforms' own keys use (`fly_process_group`).
 */
export const traceMetaKey = (field: TraceField | PreviewField): string => `sindri_${field.replace(/-/g, '_')}`;

/** One line for the plan: what each resource will carry, and what was left out. */
export function traceNote(trace: Trace): string {
  const shown = TRACE_FIELDS.filter((f) => trace.values[f] !== undefined).map((f) => `${f}=${trace.values[f]}`);
  const left = trace.dropped.length ? `; left out: ${trace.dropped.join('; ')}` : '';
  return `trace metadata on every resource: ${shown.join(', ') || 'none (not run by GitHub Actions)'}${left}`;
}

/** `pr-42` → 42: the pull request a preview belongs to, by the name-suffix convention; undefined for any other suffix. */
export function pullRequestOfSuffix(suffix: string): number | undefined {
  const m = /^pr-([1-9][0-9]{0,9})$/.exec(suffix);
  return m ? Number(m[1]) : undefined;
}
