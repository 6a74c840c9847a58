/**
 * The pull request comment (`pr-comment: true`): one comment per deployment name and environment,
 * found again by a hidden marker and edited on every run, never duplicated (a matrix over providers
 * or suffixes keeps one comment per environment). `renderComment` is pure; every text it returns
 * goes through `redact` before it is sent, so no registered secret reaches the pull request.
 */
import { planLines, type Result } from '../report/report.js';
import { redact } from '../runner.js';
import type { GitHubApi, RepoRef } from '../external/github.js';

/** `<!-- sindri-deploy-action name=app environment=docker-pr-42 -->`: values reduced to characters that cannot end the comment. */
export function commentMarker(name: string, environment: string): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9._/-]/g, '_');
  return `<!-- sindri-deploy-action name=${safe(name)} environment=${safe(environment)} -->`;
}

const code = (s: string): string => (s ? `\`${s.replace(/`/g, "'")}\`` : '—');
const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const OUTCOME: Record<string, string> = { applied: '✅ applied', skipped: '⏭️ skipped', 'not-reached': '· not reached' };

export interface CommentFacts {
  result: Result;
  environment: string;
  runUrl: string;
  sha: string;
}

export function renderComment(f: CommentFacts): string {
  const r = f.result;
  const marker = commentMarker(r.name, f.environment);
  const lines = [marker];
  const target = `${code(r.name)} → ${r.provider} (environment ${code(f.environment)})`;
  if (r.mode === 'destroy') {
    lines.push(
      r.error ? `### ❌ Sindri destroy failed: ${target}` : `### 🗑️ Sindri: environment ${code(f.environment)} is gone`,
      '',
      r.error ? `> ${r.error}` : `${code(r.name)} on ${r.provider} was destroyed; its GitHub deployments are inactive.`,
    );
  } else {
    const head =
      r.mode === 'plan'
        ? `### 📋 Sindri plan: ${target}`
        : r.error
          ? `### ❌ Sindri deploy failed: ${target}`
          : r.skipped
            ? `### ⏭️ Sindri: ${target} already runs this image`
            : `### 🚀 Sindri deployed ${target}`;
    lines.push(head, '');
    if (r.error) lines.push(`> [!CAUTION]`, `> ${r.error}`, '');
    // a plan opens with which image and why, and what a deploy would change (nothing was changed by this run)
    if (r.mode === 'plan' && r.plan) lines.push(...planLines(r.plan), '');
    lines.push('| | |', '|---|---|');
    lines.push(`| image | ${code(r.image)} |`);
    lines.push(`| digest | ${code(r['image-digest'])} |`);
    lines.push(`| image source | ${code(r['image-source'])} |`);
    lines.push(
      `| built | ${r.built ? `yes, from ${code(r.dockerfile)}` : r.plan?.build ? `a deploy builds it from ${code(r.plan.build)}` : 'no: prebuilt image'} |`,
    );
    lines.push(`| verified | ${r.verified} |`);
    if (r.url) lines.push(`| url | ${r.url} |`);
    if (r.extra?.rolledBack) lines.push(`| rolled back | ${code(r.extra.rolledBack)} |`);
    if (r.trace.length) {
      lines.push('', '<details><summary>Image decision</summary>', '', '| # | rule | outcome | reason |', '|---|---|---|---|');
      for (const t of r.trace) lines.push(`| ${t.rule || ''} | ${t.source} | ${OUTCOME[t.outcome] ?? t.outcome} | ${cell(t.reason)} |`);
      lines.push('', '</details>');
    }
    if (r.mode === 'plan' && r.plan) {
      lines.push('', '<details><summary>What a deploy runs and writes</summary>', '');
      if (r.plan.files.length) lines.push(`files written: ${r.plan.files.map(code).join(', ')}`, '');
      if (r.plan.commands.length) lines.push('```sh', ...r.plan.commands, '```');
      lines.push('', '</details>');
    } else if (r.mode === 'deploy' && !r.error) {
      lines.push(
        '',
        r.skipped
          ? `**Deployed:** nothing changed, ${code(r.image)} was already running.`
          : `**Deployed:** ${code(r.image)}${r.url ? ` at ${r.url}` : ''}.`,
      );
    }
  }
  const at = f.sha ? ` for ${f.sha.slice(0, 7)}` : '';
  lines.push('', `<sub>${f.runUrl ? `[run](${f.runUrl})` : 'run'}${at} · updated on every run of sindri/deploy-action</sub>`);
  return redact(lines.join('\n')) + '\n';
}

/** Edit the comment carrying the marker, or create it; returns its id and whether it was created. */
export async function upsertComment(
  api: GitHubApi,
  repo: RepoRef,
  issueNumber: number,
  marker: string,
  body: string,
): Promise<{ id: number; created: boolean; url: string }> {
  const comments = await api.paginate(api.rest.issues.listComments, { ...repo, issue_number: issueNumber, per_page: 100 });
  const mine = comments.find((c) => (c.body ?? '').includes(marker));
  const text = redact(body);
  if (mine) {
    const r = await api.rest.issues.updateComment({ ...repo, comment_id: mine.id, body: text });
    return { id: mine.id, created: false, url: r.data.html_url };
  }
  const r = await api.rest.issues.createComment({ ...repo, issue_number: issueNumber, body: text });
  return { id: r.data.id, created: true, url: r.data.html_url };
}
