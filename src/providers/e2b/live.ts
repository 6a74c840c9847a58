/**
 * The e2b plan's live diff (docs/behaviour.md#plan-mode, ADR 0045): the template and the sandboxes a
 * deploy would find, read-only through the E2B API (`GET /templates`, `GET /templates/{alias}/tags`,
 * `GET /v2/sandboxes` by `sindri_name`: the reads a deploy makes, at once and each under a short cap),
 * and what the deploy would do with them. The decisions are the deploy's own (`templateState`,
 * `currentSandbox`, used by `apply` too), so a plan that says `= unchanged` is a deploy that skips.
 */
import { isDeadlineExceeded } from '../../deadline.js';
import type { E2bApi, TemplateTag } from '../../external/e2b-api.js';
import type { E2bSandbox, E2bTemplate } from '../../external/e2b.js';
import type { ResourceChange } from '../../plan/changes.js';
import { META_BUILD, META_ENV, META_IMAGE, META_NAME, META_TEMPLATE_TAG, TAG_PREFIX } from './steps.js';

/** one E2B API call of a plan waits this long at most (a deploy's call waits up to 60 s) */
export const LIVE_CALL_MS = 5_000;

/**
 * The template with this alias: in the deprecated `aliases` (bare), or in `names`, bare or as
 * `<team-slug>/<alias>` (what templates created through the v3 API carry; the slug is the key's team).
 */
export function findTemplate(list: readonly E2bTemplate[], alias: string): E2bTemplate | undefined {
  return list.find((t) => t.aliases?.includes(alias) || t.names?.some((n) => n === alias || n.endsWith(`/${alias}`)));
}

/**
 * Whether a deploy rebuilds the template: not when the build its `default` tag names (the one a new
 * sandbox starts) carries the content tag. `rebuild` (force, reuseTemplate: false, buildOnDeploy) and a
 * failed last build always rebuild; then the tags are not needed.
 */
export function templateState(
  template: E2bTemplate | undefined,
  tags: readonly TemplateTag[],
  contentTag: string,
  rebuild: boolean,
): { unchanged: boolean; defaultBuild: string } {
  if (!template) return { unchanged: false, defaultBuild: '' };
  if (rebuild || template.buildStatus === 'error') return { unchanged: false, defaultBuild: template.buildID };
  const defaultBuild = tags.find((t) => t.tag === 'default')?.buildID ?? template.buildID;
  return { defaultBuild, unchanged: tags.some((t) => t.tag === contentTag && t.buildID === defaultBuild) };
}

/** The sandbox that runs this template build with these secrets (a deploy keeps it when the template is unchanged). */
export function currentSandbox(sandboxes: readonly E2bSandbox[], contentTag: string, env: string): E2bSandbox | undefined {
  return sandboxes.find((s) => s.metadata[META_TEMPLATE_TAG] === contentTag && s.metadata[META_ENV] === env);
}

/** The sandbox a new one replaces (a rollback returns to it): a running one first. */
export function earlierSandbox(sandboxes: readonly E2bSandbox[]): E2bSandbox | undefined {
  return sandboxes.find((s) => s.state === 'running') ?? sandboxes[0];
}

/** What the API says of the target: the template (if any), its tags, the sandboxes named like this deploy's. */
export interface LiveE2b {
  template?: E2bTemplate;
  tags: TemplateTag[];
  sandboxes: E2bSandbox[];
}

/**
 * The three reads side by side (one round trip's wait): the tags by alias, as a rollback asks for
 * them, so they need not wait for the template's id. Any failure is the reason the plan could not
 * compare, and the plan goes on; only the run's own deadline stops it.
 */
export async function readLive(
  api: E2bApi,
  target: { alias: string; name: string; startSandbox: boolean; url: string },
): Promise<LiveE2b | { reason: string }> {
  try {
    const [templates, tags, sandboxes] = await Promise.all([
      api.listTemplates(),
      api.templateTags(target.alias),
      target.startSandbox ? api.listSandboxes(META_NAME, target.name) : Promise.resolve([]),
    ]);
    const template = findTemplate(templates, target.alias);
    return { template, tags: template ? tags : [], sandboxes };
  } catch (e) {
    if (isDeadlineExceeded(e)) throw e;
    return { reason: unreadReason(e instanceof Error ? e.message : String(e), target.url) };
  }
}

/** The reason in the `?` lines, from E2bApi's one line (`E2B API GET /templates answered 401: …`, or the fetch failure). */
export function unreadReason(message: string, url: string): string {
  const first = message.split('\n').find((l) => l.trim() !== '') ?? message;
  const answered = /^E2B API (\S+ \S+) answered (\d{3}): (.*)$/.exec(first);
  if (answered?.[2] === '401') return `the E2B API at ${url} refused E2B_API_KEY (${answered[1]} answered 401: ${answered[3]})`;
  if (answered) return `the E2B API at ${url} answered ${answered[2]} to ${answered[1]}: ${answered[3]}`;
  const cause = first.replace(/^E2B API \S+ \S+: /, '');
  if (/aborted due to timeout|TimeoutError/i.test(cause)) return `the E2B API at ${url} did not answer within ${LIVE_CALL_MS / 1000} s`;
  return `the E2B API at ${url} did not answer: ${cause}`;
}

export interface CompareInput {
  live: LiveE2b;
  alias: string;
  /** `sindri_name` of its sandboxes */
  name: string;
  contentTag: string;
  /** the ref the template is built from (pinned, or the ref of a Dockerfile build) */
  image: string;
  /** why every deploy rebuilds the template (`force: true`, `reuseTemplate: false`, …), or '' */
  rebuild: string;
  startSandbox: boolean;
  /** the keyed digest of the secrets a deploy hands the sandbox (envDigest) */
  env: string;
  force: boolean;
}

/** What a deploy would do to the template and, unless startSandbox is false, its sandbox (pure). */
export function compareLive(c: CompareInput): ResourceChange[] {
  const { live, contentTag } = c;
  const state = templateState(live.template, live.tags, contentTag, c.rebuild !== '');
  // the image the template's current build came from: recorded on the sandbox started from that build
  const runs = live.sandboxes.find((s) => s.metadata[META_BUILD] === state.defaultBuild) ?? earlierSandbox(live.sandboxes);
  const before = runs?.metadata[META_IMAGE];
  const imageMove = before && before !== c.image ? { image: { from: before, to: c.image } } : {};
  const changes = [templateChange(c, state, imageMove)];
  if (c.startSandbox) changes.push(sandboxChange(c, state.unchanged, imageMove));
  return changes;
}

function templateChange(
  c: CompareInput,
  state: { unchanged: boolean; defaultBuild: string },
  imageMove: Pick<ResourceChange, 'image'>,
): ResourceChange {
  const resource = `template ${c.alias}`;
  const t = c.live.template;
  if (!t) return { action: 'create', resource, note: `built from ${c.image}, tagged ${c.contentTag}` };
  if (!c.force && (t.buildStatus === 'building' || t.buildStatus === 'waiting'))
    return {
      action: 'unknown',
      resource,
      note: `another run is building it right now (build status ${t.buildStatus}): a deploy stops without building (force: true builds anyway)`,
    };
  if (state.unchanged)
    return { action: 'unchanged', resource, note: `its default build ${state.defaultBuild} carries tag ${c.contentTag}` };
  const had = c.live.tags.find((x) => x.tag.startsWith(TAG_PREFIX) && x.buildID === state.defaultBuild)?.tag;
  const why =
    c.rebuild ||
    (t.buildStatus === 'error'
      ? 'its last build failed'
      : `template rebuilt: its default build carries ${had ? `tag ${had}` : `no ${TAG_PREFIX}* tag`}, not ${c.contentTag}`);
  return { action: 'update', resource, ...imageMove, note: why };
}

function sandboxChange(c: CompareInput, templateUnchanged: boolean, imageMove: Pick<ResourceChange, 'image'>): ResourceChange {
  const resource = `sandbox ${c.name}`;
  const { sandboxes } = c.live;
  if (sandboxes.length === 0) return { action: 'create', resource, note: `started from template ${c.alias}` };
  const current = currentSandbox(sandboxes, c.contentTag, c.env);
  if (templateUnchanged && current && !c.force) return { action: 'unchanged', resource, note: `sandbox ${current.sandboxId} runs it` };
  const settings = sandboxes.some((s) => s.metadata[META_ENV] === c.env) ? [] : ['secrets'];
  const why = [
    ...(templateUnchanged ? [] : ['template rebuilt']),
    ...(c.force ? ['force: true starts a new one'] : []),
    `a new sandbox replaces ${sandboxes.map((s) => s.sandboxId).join(', ')}`,
  ];
  return { action: 'update', resource, ...imageMove, ...(settings.length ? { settings } : {}), note: why.join('; ') };
}
