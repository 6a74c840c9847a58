/**
 * The phases of one run, each in its own log group: inputs → load → resolve → verify → tools →
 * plan/deploy/destroy → report. Errors end the run with one line (docs/behaviour.md#errors).
 */
import { existsSync, statSync } from 'node:fs';
import { relative, resolve as resolvePath } from 'node:path';
import type { LoadedConfig } from './config/types.js';
import { Exec } from './external/exec.js';
import { Deadline } from './deadline.js';
import { TempFiles } from './state.js';
import { ActionError, errorLine, isActionError } from './errors.js';
import type { ImageDecision, TraceStep } from './image/types.js';
import { getInputs, maskSecretBuildArgs, type Inputs } from './inputs.js';
import { loadProvider } from './providers/index.js';
import type { DestroyContext, ProviderContext, ProviderPlan } from './providers/types.js';
import type { GitHubSession } from './github/session.js';
import { commandLine, Report, type Result, type ToolStatus } from './report/report.js';
import { liveLine } from './plan/changes.js';
import { environmentName } from './naming.js';
import type { PathProbes } from './tools/install.js';
import { annotationFile, appendSummary, debug, group, holdLog, info, isDebug, redact, setFailed, warning } from './runner.js';
import { traceNote, traceOf } from './trace.js';
import { checkRunnerFiles, userStateError } from './user-state.js';
import { verifyImage } from './verify/gate.js';

export async function run(): Promise<void> {
  let report: Report | undefined;
  let workdir = process.cwd();
  let github: GitHubSession | undefined;
  try {
    checkRunnerFiles();
    const inputs = getInputs();
    // cosign's regexp syntax is checked with the other inputs, before anything is resolved
    if (inputs['certificate-identity'])
      await (
        await import('./verify/identity.js')
      ).checkIdentityRegexp(inputs['certificate-identity'], { field: 'input certificate-identity' });
    const deadline = new Deadline(inputs.timeout);
    const exec = new Exec(deadline);
    stopChildrenOnCancel(exec);
    const temps = new TempFiles();
    workdir = resolvePath(inputs['working-directory']);
    if (!existsSync(workdir) || !statSync(workdir).isDirectory()) {
      const isFile = existsSync(workdir);
      throw new ActionError(
        isFile ? `working directory ${workdir} is a file, not a directory` : `working directory ${workdir} does not exist`,
        {
          where: { field: 'input working-directory' },
          fix: isFile
            ? 'give the directory that holds sindri.yaml as working-directory, and the file itself as config'
            : 'check out the repository first (actions/checkout) or fix the path',
        },
      );
    }
    if (inputs.mode === 'init') {
      const { runInit } = await import('./modes/init.js');
      const { path } = await runInit({
        workdir,
        file: inputs.config,
        provider: inputs.provider,
        force: inputs.force,
        repository: process.env.GITHUB_REPOSITORY,
      });
      info(`wrote ${path}: edit it, commit it, then run this action with mode: plan`);
      if (inputs.summary)
        appendSummary(
          `### Sindri init\n\nwrote \`${relative(workdir, path) || path}\`: edit it, commit it, then run this action with \`mode: plan\`\n`,
        );
      return;
    }
    report = new Report(inputs.mode, { summary: inputs.summary });
    const rep = report;

    const { config, warnings } = await rep.phase('Load sindri.yaml', () => load(inputs, workdir));
    maskSecretBuildArgs(inputs['build-args'], config.secrets); // before the plan or summary can show them
    const identity = config.deployment.image_config?.certificate_identity;
    if (identity && !inputs['certificate-identity']) {
      const path = ['deployment', 'image_config', 'certificate_identity'];
      const at = config.locate(path);
      await (
        await import('./verify/identity.js')
      ).checkIdentityRegexp(identity, { file: config.file, line: at?.line, column: at?.column, field: path.join('.') });
    }
    const provider = config.deployment.provider;
    rep.target(provider, config.name, warnings);
    // the GitHub API client is its own chunk: loaded only when a GitHub feature is on
    // (sweep talks to GitHub itself: it records no deployment and writes no comment of its own)
    if ((inputs['github-deployment'] || inputs['pr-comment']) && inputs.mode !== 'sweep')
      github = (await import('./github/session.js')).openGitHub(inputs, provider);
    // which run put each resource there, in the resource's own metadata
    const trace = traceOf(process.env, { redact, environment: environmentName(inputs.environment, provider, inputs['name-suffix']) });
    const ctxBase: DestroyContext = { inputs, config, provider, workdir, deadline, exec, temps, trace };
    // the tools' PATH version probes run beside what comes before their phase (issue 25): in plan at
    // once, otherwise once the checks that must fail before any CLI starts have passed
    const early = inputs.mode === 'plan' ? startProbes(ctxBase) : undefined;
    // the probes' processes start before the provider's chunks are compiled, which then happens while they run
    await early;
    const impl = await loadProvider(provider);
    // a config whose previews sweep cannot list fails before it asks for its token
    if (inputs.mode === 'sweep') impl.checkSweep?.(ctxBase);
    // before any network call: what the provider needs from the environment (tokens, settings)
    if (inputs.mode !== 'plan') impl.preflight?.(ctxBase);
    // a required secret that cannot be delivered fails before anything is built, recorded or deployed
    if (inputs.mode === 'deploy') (await import('./providers/kit/secrets.js')).requireSecrets(config);
    const probes = early ?? startProbes(ctxBase);

    if (inputs.mode === 'destroy') {
      const tools = await rep.phase('Install tools', () => installStep(ctxBase, probes));
      rep.tools(tools);
      rep.deployedName(impl.deployedName(ctxBase));
      const { removed } = await rep.phase(`Destroy (${provider})`, () => impl.destroy({ ...ctxBase, tools }));
      info(removed.length ? `removed: ${removed.join(', ')}` : 'nothing to remove');
      rep.finish();
      return;
    }

    if (inputs.mode === 'sweep') {
      const sweep = await import('./modes/sweep.js');
      const tools = await rep.phase('Install tools', () => installStep(ctxBase, probes));
      rep.tools(tools);
      const { swept } = await rep.phase(`Sweep (${provider})`, () => sweep.runSweep({ ...ctxBase, tools, impl }));
      rep.swept(swept);
      rep.finish();
      return;
    }

    const image = await rep.phase('Resolve image', () => resolveStep(ctxBase, rep));
    rep.image(image);
    const onBuilt = (ref: string, digest: string) => rep.built(ref, digest);
    const planPhase = (ctx: ProviderContext) =>
      rep.phaseAhead(`Plan (${provider})`, async () => {
        const p = await impl.plan(ctx);
        p.notes.push(p.untraced ? `no trace metadata: ${p.untraced}` : traceNote(trace));
        return p;
      });
    // a plan that builds nothing needs no tool: it is worked out while the tools' PATH probes (and
    // verification) run, its log printed in its turn below (issue 25, ADR 0048)
    const planAhead = inputs.mode === 'plan' && !image.build ? planPhase({ ...ctxBase, image, tools: [], onBuilt }) : undefined;
    // a deploy that builds nothing reads what runs now while the tools' probes and verification run, when
    // the provider says that read needs no tool the install step provides (ADR 0052): it writes nothing,
    // and its log is printed in the deploy's turn; a verification that fails drops it
    const readCtx = { ...ctxBase, image, tools: [], onBuilt };
    const prepared =
      inputs.mode === 'deploy' && !image.build && impl.readLive && impl.canReadLiveAhead?.(readCtx)
        ? holdLog(() => impl.readLive!(readCtx))
        : undefined;
    // cosign comes from the installation, so tools come before verification
    const tools = await rep.phase('Install tools', () => installStep(ctxBase, probes, image));
    rep.tools(tools);
    const wouldStop = await rep.phase('Verify image', () => verifyStep(ctxBase, image, rep));

    const ctx = { ...ctxBase, image, tools, onBuilt };
    // the provider's own name for it (name-suffix and its naming rules): settings are read as the provider reads them
    rep.deployedName(impl.deployedName(ctxBase));
    if (inputs.mode === 'plan') {
      const plan = await (planAhead ?? planPhase(ctx))();
      rep.plan(plan, image);
      await printPlan(plan, rep.result.plan!);
      // the plan is shown first; then a verification that would stop the deploy fails the step (ADR 0035)
      if (inputs['fail-on-verify'] && wouldStop)
        throw new ActionError(`${wouldStop.line} (fail-on-verify: a deploy would stop here)`, { fix: wouldStop.fix });
    } else {
      await github?.deploying(image, provider, config.name);
      const r = await rep.phase(`Deploy (${provider})`, async () => impl.apply(ctx, await prepared?.turn()));
      if (r.built) rep.built(r.image, r.digest);
      rep.deployed(r);
      info(
        r.skipped
          ? `already running ${image.deployRef}: nothing to do`
          : `deployed ${r.image ?? image.deployRef}${r.url ? ` at ${r.url}` : ''}`,
      );
      if (r.connect) info(`connect: ${r.connect}`);
    }
    rep.finish();
  } catch (e) {
    fail(e, report, workdir);
  } finally {
    if (github && report) await github.finish(report.result);
  }
}

/**
 * The runner cancels a step with SIGINT (then SIGTERM): every command still running gets SIGTERM in its
 * own process group too (ADR 0027), then the signal takes its usual course; the post step removes the
 * files the run registered.
 */
function stopChildrenOnCancel(exec: Exec): void {
  const stop = (signal: NodeJS.Signals) => {
    exec.stopAll('SIGTERM');
    process.kill(process.pid, signal);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** Annotations name files from the repository root; ours are relative to working-directory. */
function repoPath(workdir: string, file: string): string {
  return annotationFile(resolvePath(workdir, file));
}

async function load(inputs: Inputs, workdir: string): Promise<LoadedConfig> {
  const { loadConfig } = await import('./config/load.js');
  const loaded = await loadConfig({ workdir, config: inputs.config, providerOverride: inputs.provider });
  for (const w of loaded.warnings) {
    warning(`${w.field ? `${w.field}: ` : ''}${w.message}`, {
      file: repoPath(workdir, w.file),
      startLine: w.line,
      startColumn: w.column,
      title: 'sindri.yaml',
    });
  }
  const c = loaded.config;
  info(
    `${c.file}: name ${c.name}, provider ${c.deployment.provider}${inputs.provider ? ' (from input provider)' : ''}, ${loaded.warnings.length} warning(s)`,
  );
  return loaded;
}

async function resolveStep(base: DestroyContext, rep: Report): Promise<ImageDecision> {
  const { resolveImage } = await import('./image/resolve.js');
  const line = (t: TraceStep) => info(`${t.rule ? `${t.rule}.` : '  '} ${t.source.padEnd(16)} ${t.outcome.padEnd(11)} ${t.reason}`);
  let printed = 0;
  const decision = await resolveImage({
    ...base,
    registry: registryFactory(base),
    onChoice: (c) => {
      rep.choice(c);
      c.trace.forEach(line);
      printed = c.trace.length;
    },
  });
  decision.trace.slice(printed).forEach(line);
  info(`image: ${decision.deployRef} (${decision.source})`);
  return decision;
}

function registryFactory({ inputs, exec, deadline }: DestroyContext) {
  let client: Promise<import('./image/resolve.js').RegistryLike> | undefined;
  return () =>
    (client ??= Promise.all([import('./image/registry.js'), import('./image/credentials.js')]).then(
      ([{ RegistryClient }, { credentialChain }]) => new RegistryClient({ credentials: credentialChain({ inputs, exec }), deadline }),
    ));
}

/** Verify exactly the digest about to be deployed (src/verify/gate.ts, which loads verify.ts only for a check); the trace and report say what was checked. */
async function verifyStep(base: DestroyContext, image: ImageDecision, rep: Report) {
  const { inputs, exec } = base;
  const credentials = () => import('./image/credentials.js').then(({ credentialChain }) => credentialChain({ inputs, exec }));
  const v = await verifyImage({
    inputs,
    config: base.config,
    workdir: base.workdir,
    image,
    credentials,
    plan: inputs.mode === 'plan',
    exec,
    temps: base.temps,
  });
  image.trace.push(v.trace);
  rep.verified(v.verified);
  rep.verification(v.details);
  return v.wouldStop;
}

/**
 * The PATH probes of the tools this run needs whatever its image (buildx waits for the decision),
 * started now; what goes wrong here is found again, and reported, by the install phase.
 */
function startProbes(base: DestroyContext): Promise<PathProbes | undefined> {
  const { inputs } = base;
  return Promise.all([import('./tools/needs.js'), import('./tools/install.js')])
    .then(([{ toolsNeeded }, { startPathProbes }]) => {
      const needs = toolsNeeded({ provider: base.provider, mode: inputs.mode, config: base.config, inputs });
      return startPathProbes(
        needs.map((n) => n.tool),
        { inputs, exec: base.exec },
      );
    })
    .catch(() => undefined);
}

/** The CLIs this provider and mode need: found on PATH or in the tool cache, else downloaded and verified (ADR 0011). */
async function installStep(base: DestroyContext, early: Promise<PathProbes | undefined>, image?: ImageDecision): Promise<ToolStatus[]> {
  const { inputs } = base;
  const [{ toolsNeeded }, { installTools }] = await Promise.all([import('./tools/needs.js'), import('./tools/install.js')]);
  const needs = toolsNeeded({ provider: base.provider, mode: inputs.mode, config: base.config, inputs, imageSource: image?.source });
  return installTools({ needs, inputs, mode: inputs.mode, exec: base.exec, probes: await early });
}

/**
 * The plan in the main log: the image line, one line per resource, the notes; the generated files
 * and the full commands folded in a group of their own (docs/behaviour.md#plan-mode).
 */
async function printPlan(plan: ProviderPlan, shown: NonNullable<Result['plan']>): Promise<void> {
  info(shown.image);
  const unknown = liveLine(shown.live);
  if (unknown) info(unknown);
  for (const c of shown.changes) info(c.line);
  for (const n of plan.notes) info(n);
  if (plan.files.length + plan.commands.length === 0) return;
  await group('Plan details: generated files and commands', async () => {
    for (const f of plan.files) info(`--- ${f.path}\n${(f.shown ?? f.content).trimEnd()}`);
    for (const c of plan.commands) info(`would run: ${commandLine(c)}`);
  });
}

function fail(thrown: unknown, report: Report | undefined, workdir: string): void {
  // a state of the machine the user controls (EISDIR, a read-only checkout, no tool cache) is theirs to fix
  const e = userStateError(thrown, workdir) ?? thrown;
  const line = errorLine(e);
  if (isDebug() || !isActionError(e)) debug(thrown instanceof Error ? (thrown.stack ?? thrown.message) : String(thrown));
  const where = isActionError(e) ? e.where : {};
  setFailed(line, where.file ? { file: repoPath(workdir, where.file), startLine: where.line, startColumn: where.column } : {});
  if (report && isActionError(e) && e.extra) report.failed(e.extra);
  try {
    report?.finish(line);
  } catch (writeError) {
    debug(`could not write the report: ${String(writeError)}`);
  }
}
