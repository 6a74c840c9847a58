/**
 * A private base image for an E2B template (issue 26, ADR 0034). E2B's template manager pulls the
 * base itself, and takes registry credentials for it in the build-start body (`fromImageRegistry`,
 * `{type: 'registry', username, password}`, what the SDK's `Template().fromImage(ref, {username,
 * password})` sends). The e2b CLI (2.19) cannot send them: `template create` has no option for them
 * and its Dockerfile path never sets them. So for a private pinned image the build is made through the
 * API as the SDK makes it — `POST /v3/templates`, `POST /v2/templates/{id}/builds/{build}`, then the
 * status polled — with the steps the CLI's Dockerfile parser gives for the same e2b.Dockerfile. The
 * credentials are only ever in that one request body: never in the Dockerfile, argv, a file or a log.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Deadline } from '../../deadline.js';
import { ActionError } from '../../errors.js';
import type { E2bApi, TemplateBuildStart } from '../../external/e2b-api.js';
import type { TemplateCreateSpec } from '../../external/e2b.js';
import type { Credential } from '../../image/credentials.js';
import { info, setSecret } from '../../runner.js';
import { dockerfileInstructions } from './dockerfile.js';

/** How often the build's status is asked for (the SDK asks every 200 ms; a build takes minutes) */
const POLL_MS = 1000;

type Step = TemplateBuildStart['steps'][number];
const step = (type: string, args: string[]): Step => ({ type, args, force: false });

/**
 * ENV's arguments as the CLI's parser reads them (`handleEnvInstruction`): `ENV A 1` is one pair,
 * otherwise every `name=value` argument is one; a name given twice keeps its first place and last value.
 */
function envArgs(args: string[]): string[] {
  if (args.length === 2 && !(args[0]!.includes('=') && args[1]!.includes('='))) return [args[0]!, args[1]!];
  const pairs = new Map<string, string>();
  for (const a of args) {
    const eq = a.indexOf('=');
    if (eq > 0) pairs.set(a.slice(0, eq), a.slice(eq + 1));
  }
  return [...pairs].flat();
}

/**
 * The build-start body the SDK sends for the e2b.Dockerfile of a prebuilt image (`parseDockerfile`
 * of @e2b/cli 2.19: `USER root` and `WORKDIR /` first, each instruction a step, `USER user` and
 * `WORKDIR /home/user` added when the file sets neither), with the start and ready commands as
 * `template create --cmd/--ready-cmd` gives them. That file holds only FROM, ENV, WORKDIR and USER,
 * with values that need no quoting (dockerfile.ts); anything else is a bug here, said as one.
 */
export function templateBuildStart(
  dockerfile: string,
  create: Pick<TemplateCreateSpec, 'startCmd' | 'readyCmd' | 'noCache'>,
  registry?: TemplateBuildStart['fromImageRegistry'],
): TemplateBuildStart {
  const steps: Step[] = [step('USER', ['root']), step('WORKDIR', ['/'])];
  let fromImage: string | undefined;
  let user = false;
  let workdir = false;
  for (const ins of dockerfileInstructions(dockerfile)) {
    const args = ins.args.split(/\s+/).filter(Boolean);
    if (ins.keyword === 'FROM' && fromImage === undefined && args.length === 1) fromImage = args[0];
    else if ((ins.keyword === 'USER' || ins.keyword === 'WORKDIR') && args.length === 1) {
      steps.push(step(ins.keyword, args));
      if (ins.keyword === 'USER') user = true;
      else workdir = true;
    } else if (ins.keyword === 'ENV' && args.length > 0) {
      const pairs = envArgs(args);
      if (pairs.length > 0) steps.push(step('ENV', pairs));
    } else
      throw new ActionError(`e2b.Dockerfile line ${ins.line} (${ins.keyword}) cannot be sent as an E2B template step here`, {
        fix: 'report this at https://github.com/sindri/deploy-action/issues',
      });
  }
  if (!fromImage)
    throw new ActionError('e2b.Dockerfile has no FROM image', { fix: 'report this at https://github.com/sindri/deploy-action/issues' });
  if (!user) steps.push(step('USER', ['user']));
  if (!workdir) steps.push(step('WORKDIR', ['/home/user']));
  const body: TemplateBuildStart = { fromImage, force: create.noCache, steps };
  if (create.startCmd) Object.assign(body, { startCmd: create.startCmd, readyCmd: create.readyCmd ?? 'sleep 20' });
  else if (create.readyCmd) body.readyCmd = create.readyCmd;
  if (registry) body.fromImageRegistry = registry;
  return body;
}

/**
 * The credential for E2B's pull, from the chain that opened the image. E2B's general registry type
 * takes a username and a password: a Docker config entry holding only an identity token (an OAuth2
 * refresh token) cannot be passed on, and fails here in one line before anything is built.
 */
export function registryCredential(image: string, registry: string, c: Credential | undefined): TemplateBuildStart['fromImageRegistry'] {
  if (!c || !c.password)
    throw new ActionError(
      c
        ? `the credentials for ${registry} (${c.source}) hold only an identity token, and E2B's template build takes a username and password to pull the private base image ${image}`
        : `no credentials for ${registry} reach E2B's template build, and its base image ${image} is private`,
      {
        where: { field: 'input registry-password' },
        fix: `set the inputs registry-username and registry-password (or github-token with packages: read for ghcr.io) to a login that may pull ${image}, or make the image public`,
      },
    );
  setSecret(c.password);
  return { type: 'registry', username: c.username, password: c.password };
}

/**
 * The template's build through the API: requested, started with `body`, then its status polled (and
 * its log printed) until it is ready or failed, within the run's deadline.
 */
export async function buildThroughApi(
  api: E2bApi,
  o: { alias: string; cpuCount: number; memoryMb: number; body: TemplateBuildStart; deadline: Deadline },
): Promise<{ templateID: string; buildID: string }> {
  const { templateID, buildID } = await api.requestBuild({ name: o.alias, cpuCount: o.cpuCount, memoryMB: o.memoryMb });
  await api.startBuild(templateID, buildID, o.body);
  info(`template ${o.alias} (${templateID}): build ${buildID} started with the registry credentials for ${o.body.fromImage}`);
  for (let offset = 0; ;) {
    const s = await api.buildStatus(templateID, buildID, offset);
    const entries = s.logEntries ?? [];
    for (const e of entries) info(e.message);
    offset += entries.length;
    if (s.status === 'ready') return { templateID, buildID };
    if (s.status === 'error')
      throw new ActionError(`the E2B build of template ${o.alias} failed: ${s.reason?.message ?? 'E2B gave no reason'}`, {
        fix: `read the build log above; a base image E2B cannot pull needs credentials that may pull it (registry-username / registry-password) or to be public`,
      });
    await sleep(Math.min(POLL_MS, o.deadline.budget(`the E2B build of template ${o.alias} finished`)));
  }
}
