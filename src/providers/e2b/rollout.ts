/**
 * After the sandbox starts: the health check inside it, and the rollback a failed check asks for
 * (ADR 0022, ADR 0032). `health-command` runs through envd's process API in the sandbox
 * (src/external/e2b-envd.ts); `health-url` is fetched as given (an absolute URL; the e2b provider has no
 * url output to join a path to).
 *
 * What a rollback restores: the earlier sandbox, which is still running (a new sandbox retires the
 * earlier ones only after it passed its check), and the template's `default` tag, re-pointed to the
 * build that sandbox runs — by that build's id: the API assigns a tag only from another tag, so the
 * tag it is assigned from is checked to name exactly that build, and the API's answer must name it too.
 */
import type { E2bApi } from '../../external/e2b-api.js';
import type { E2bSandbox } from '../../external/e2b.js';
import { runInSandbox, type SandboxAccess } from '../../external/e2b-envd.js';
import { ActionError } from '../../errors.js';
import type { HealthOutcome, HealthTarget } from '../../health/check.js';
import { info } from '../../runner.js';
import { checkDeployment } from '../kit/health.js';
import type { ProviderContext } from '../types.js';
import { META_BUILD, META_IMAGE, META_TEMPLATE_TAG } from './steps.js';

/** `connect` extends a sandbox's life to at least this from now (never shortens it): enough for a check. */
const CONNECT_SECONDS = 60;

export function sandboxTarget(started: SandboxAccess): HealthTarget {
  return {
    url: '',
    name: `sandbox ${started.sandboxID}`,
    runInside: (command, timeoutMs) => runInSandbox(started, command, timeoutMs),
  };
}

/** The check of a sandbox we did not just start (a skip, the earlier one after a rollback): connect for its envd token first. */
export async function checkRunning(
  api: E2bApi,
  ctx: Pick<ProviderContext, 'inputs'>,
  sandboxId: string,
  deadline: ProviderContext['deadline'],
): Promise<HealthOutcome | undefined> {
  if (!ctx.inputs['health-url'] && !ctx.inputs['health-command']) return undefined;
  const access = ctx.inputs['health-command'] ? await api.connectSandbox(sandboxId, CONNECT_SECONDS) : { sandboxID: sandboxId };
  return checkDeployment(ctx.inputs, sandboxTarget(access), deadline);
}

/** What ran before, as the outputs say it: the pinned ref its template was built from ('' when unknown). */
export const previousImageOf = (earlier: E2bSandbox | undefined): string => earlier?.metadata[META_IMAGE] ?? '';

export interface FailedRollout {
  api: E2bApi;
  ctx: ProviderContext;
  alias: string;
  started: SandboxAccess;
  /** the check that failed */
  health: HealthOutcome;
  /** the sandbox that ran before this deploy and still runs */
  earlier: E2bSandbox | undefined;
  /** the template's build before this deploy ('' on a first deploy); undefined when nothing was rebuilt */
  previousBuild: string | undefined;
}

const healthWord = (h: HealthOutcome | undefined) =>
  !h ? 'not checked' : h.healthy ? `healthy (${h.what} passed)` : `unhealthy too (${h.last || 'no answer'})`;

/** Roll back (or, with `rollback: false` or nothing before, say why not). Always throws: the deploy failed. */
export async function failRollout(f: FailedRollout): Promise<never> {
  const { api, ctx, alias, started, health, earlier } = f;
  const previousImage = previousImageOf(earlier);
  const failed = `sandbox ${started.sandboxID} from template ${alias} failed its health check: ${health.last || 'no answer'} (${health.attempts} attempt(s) in ${Math.round(health.waitedMs / 1000)} s)`;
  const extra = (rolledBack: boolean, healthy: string) => ({ rolledBack: String(rolledBack), previousImage, healthy });
  if (!ctx.inputs.rollback)
    throw new ActionError(
      `${failed}; it stays (rollback: false)${earlier ? `, and the earlier sandbox ${earlier.sandboxId} still runs` : ''}`,
      { fix: 'read the check’s answer above; kill what you do not want with e2b sandbox kill <id>', extra: extra(false, 'false') },
    );
  if (!earlier)
    throw new ActionError(`${failed}; nothing ran before this deploy, so there is nothing to roll back to: it stays for inspection`, {
      fix: `read the check’s answer above; e2b sandbox kill ${started.sandboxID} removes it`,
      extra: extra(false, 'false'),
    });
  const template = f.previousBuild === undefined ? '' : await restoreBuild(api, alias, earlier, f.previousBuild);
  await api.killSandbox(started.sandboxID);
  info(`rollback: sandbox ${started.sandboxID} killed; the earlier sandbox ${earlier.sandboxId} runs${template}`);
  const again = await checkRunning(api, ctx, earlier.sandboxId, ctx.deadline);
  throw new ActionError(
    `${failed}; rolled back: the earlier sandbox ${earlier.sandboxId} runs${previousImage ? ` (${previousImage})` : ''}${template} — ${healthWord(again)}`,
    {
      fix: 'fix what the check found and deploy again',
      extra: extra(true, again ? String(again.healthy) : 'unknown'),
    },
  );
}

/**
 * Re-point the template's `default` tag to the build the earlier sandbox runs, so a new sandbox starts
 * from what ran before. Returns the words for the final line (what happened to the template).
 */
async function restoreBuild(api: E2bApi, alias: string, earlier: E2bSandbox, previousBuild: string): Promise<string> {
  const build = earlier.metadata[META_BUILD] || previousBuild;
  if (!build) return '; the template keeps the new build as its default (the earlier build is not known)';
  const tags = await api.templateTags(alias);
  const own = earlier.metadata[META_TEMPLATE_TAG];
  const from = tags.find((t) => t.tag === own && t.buildID === build) ?? tags.find((t) => t.tag !== 'default' && t.buildID === build);
  if (!from)
    return `; the template keeps the new build as its default: build ${build} carries no tag, and the API re-points a tag only from another tag of that build`;
  const assigned = await api.assignTags(`${alias}:${from.tag}`, ['default']);
  if (assigned.buildID !== build)
    return `; the template's default tag now names build ${assigned.buildID}, not ${build} (tag ${from.tag} moved meanwhile)`;
  return `; template ${alias} starts build ${build} again (its default tag)`;
}
