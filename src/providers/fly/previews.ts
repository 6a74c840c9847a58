/**
 * `mode: sweep` on Fly (docs/behaviour.md#sweep, ADR 0038, ADR 0043): the previews of this config
 * that this action deployed for a repository. Fly keeps no labels on an app, so the marks are in its
 * machines' metadata (`sindri_name`, `sindri_name_suffix`, `sindri_repository`, written after each
 * deploy); the app's name is the cross-check, never the only test:
 * - `flyctl apps list --org <org> --json`: the organization's apps, and only those (an app that comes
 *   back from another organization is left out and said);
 * - the candidates: apps named exactly as the action names this config's app for some valid
 *   name-suffix (`flyAppName`, hash and cut included);
 * - `flyctl machine list --app <app> --json` per candidate: every machine (a release command's
 *   machine aside) must carry this config's name, that suffix and this repository.
 * The decisions are pure (`previewCandidates`, `marksMismatch`); `listFlyPreviews` runs the two calls.
 */
import type { FlyApp, FlyMachine, Flyctl } from '../../external/flyctl.js';
import { NAME_SUFFIX_RE } from '../../inputs.js';
import { info, warning } from '../../runner.js';
import { traceMetaKey } from '../../trace.js';
import type { DestroyContext, Preview } from '../types.js';
import { flyAppName, flySettings } from './settings.js';

/** the process group of the short-lived machine that runs fly.toml's release command (not the app's own machines) */
const RELEASE_COMMAND_GROUP = 'fly_app_release_command';

/** Each `flyctl … list` call may take this long. */
const LIST_MS = 60_000;

/** An app named as a preview of this config: the app and the name-suffix its name was made from. */
export interface FlyCandidate {
  app: string;
  suffix: string;
}

/**
 * The valid name-suffix `s` for which `flyAppName(baseName, s)` is `app`, or undefined (the live app,
 * another config's app, a name the action never gives). Pure.
 */
export function suffixOfApp(baseName: string, app: string): string | undefined {
  for (let dash = app.indexOf('-'); dash !== -1; dash = app.indexOf('-', dash + 1)) {
    const suffix = app.slice(dash + 1);
    if (NAME_SUFFIX_RE.test(suffix) && flyAppName({ baseName }, suffix) === app) return suffix;
  }
  return undefined;
}

/**
 * Which listed apps may be previews of this config (pure): those of `organization` whose name is the
 * action's name for a valid suffix. `otherOrganization` counts the apps that came back from another
 * organization: never candidates, whatever their names.
 */
export function previewCandidates(
  apps: readonly FlyApp[],
  baseName: string,
  organization: string,
): { candidates: FlyCandidate[]; otherOrganization: number } {
  const candidates: FlyCandidate[] = [];
  let otherOrganization = 0;
  for (const app of apps) {
    if (app.Organization?.Slug !== organization) {
      otherOrganization++;
      continue;
    }
    const suffix = typeof app.Name === 'string' ? suffixOfApp(baseName, app.Name) : undefined;
    if (suffix !== undefined && !candidates.some((c) => c.app === app.Name)) candidates.push({ app: app.Name, suffix });
  }
  return { candidates, otherOrganization };
}

/**
 * Why the machines do not mark the app as the preview `suffix` of config `name` deployed for
 * `repository`, or '' when they do (pure). Every machine must carry all three marks (a release
 * command's machine aside); an app without machines has nothing to prove it ours.
 */
export function marksMismatch(machines: readonly FlyMachine[], marks: { name: string; suffix: string; repository: string }): string {
  const own = machines.filter((m) => m.config?.metadata?.fly_process_group !== RELEASE_COMMAND_GROUP);
  if (own.length === 0) return 'it has no machines, so nothing marks it as a preview of this config';
  for (const m of own) {
    const meta = m.config?.metadata ?? {};
    const differs = (key: string) =>
      `machine ${JSON.stringify(m.id)} has ${meta[key] === undefined ? `no ${key}` : `${key}=${JSON.stringify(meta[key])}`}`;
    if (meta[traceMetaKey('name')] !== marks.name) return differs(traceMetaKey('name'));
    if (meta[traceMetaKey('name-suffix')] !== marks.suffix) return differs(traceMetaKey('name-suffix'));
    if ((meta[traceMetaKey('repository')] ?? '').toLowerCase() !== marks.repository.toLowerCase())
      return differs(traceMetaKey('repository'));
  }
  return '';
}

/**
 * The previews of this config on Fly for `repository`: the organization's apps named as previews,
 * kept when their machines carry the marks (labels first, the name as a cross-check). Read-only.
 */
export async function listFlyPreviews(ctx: DestroyContext, fly: Flyctl, repository: string): Promise<Preview[]> {
  const settings = flySettings(ctx.config);
  const { organization, baseName } = settings;
  const apps = await fly.appsList(organization, ctx.deadline.budget(`flyctl apps list could list the apps of ${organization}`, LIST_MS));
  const { candidates, otherOrganization } = previewCandidates(apps, baseName, organization);
  if (otherOrganization > 0)
    warning(
      `flyctl apps list --org ${organization} also named ${otherOrganization} app(s) of another organization: they are left out (a personal organization is named personal in providers.fly.organization, the slug Fly reports for it)`,
    );
  const previews: Preview[] = [];
  for (const { app, suffix } of candidates) {
    const machines = await fly.machineList(app, ctx.deadline.budget(`flyctl machine list could list the machines of ${app}`, LIST_MS));
    if (!machines) {
      info(`app ${app} is gone since the apps were listed (another job destroyed it): nothing to sweep there`);
      continue;
    }
    const why = marksMismatch(machines, { name: ctx.config.name, suffix, repository });
    if (why) info(`app ${app} is named like preview ${suffix} of ${baseName} but is not listed: ${why}`);
    else {
      const environment = machines.map((m) => m.config?.metadata?.[traceMetaKey('environment')]).find((e) => e !== undefined);
      previews.push({ suffix, deployedName: app, environment });
    }
  }
  return previews;
}
