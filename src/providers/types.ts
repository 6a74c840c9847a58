/** The one interface every deploy target implements (docs/behaviour.md#providers). */
import type { Exec } from '../external/exec.js';
import type { SindriConfig } from '../config/types.js';
import type { HealthOutcome } from '../health/check.js';
import type { Deadline } from '../deadline.js';
import type { TempFiles } from '../state.js';
import type { ImageDecision } from '../image/types.js';
import type { ProviderName } from '../domain.js';
import type { Inputs } from '../inputs.js';
import type { ToolStatus } from '../report/report.js';
import type { LiveState, ResourceChange } from '../plan/changes.js';
import type { Trace } from '../trace.js';

export interface ProviderContext {
  inputs: Inputs;
  config: SindriConfig;
  provider: ProviderName;
  /** absolute working-directory: generated files live here */
  workdir: string;
  image: ImageDecision;
  /** the run's clock: every wait takes its share of what is left */
  deadline: Deadline;
  /** runs every CLI, inside `deadline` */
  exec: Exec;
  /** files the run creates and must not leave behind (secrets): registered before they are written */
  temps: TempFiles;
  /**
   * What the install phase found for each CLI (path, version): a provider reads a client version here
   * instead of starting the CLI again. Absent in unit tests and before the install phase.
   */
  tools?: readonly ToolStatus[];
  /**
   * Tell the run an image was built, the moment it is (the `built` and `image-digest` outputs are set
   * then, so a deploy that fails after the build still reports it).
   */
  onBuilt?: (image: string, digest: string) => void;
  /**
   * The run that deploys (src/trace.ts): written into every resource's own metadata. Absent in unit
   * tests that do not look at it.
   */
  trace?: Trace;
}

export type DestroyContext = Omit<ProviderContext, 'image'>;

export interface PlannedFile {
  /** relative to workdir */
  path: string;
  content: string;
  mode?: number;
  /** what the plan prints instead of `content`, when a machine-only value (the docker document label) is left out */
  shown?: string;
}

export interface PlannedCommand {
  argv: string[];
  /** relative to workdir; default workdir */
  cwd?: string;
  why: string;
  /** changes something outside this process (false for probes such as `docker compose version`) */
  mutates: boolean;
  /** runs only when the rollout fails (`kubectl rollout undo`, putting the previous document back) */
  onFailure?: boolean;
  /** not a process: an Engine API request made in-process (`argv` is the method and the path, ADR 0048) */
  inProcess?: boolean;
}

export interface ProviderPlan {
  files: PlannedFile[];
  commands: PlannedCommand[];
  notes: string[];
  /** per resource, what a deploy would do to the live target (docs/behaviour.md#plan-mode) */
  changes: ResourceChange[];
  /** whether the live target was read, and why not */
  live: LiveState;
  /** the deployment's URL, when the plan knows it (the `url` output) */
  url?: string;
  /** why its resources carry no trace metadata although the run has one (docs/behaviour.md#traceability) */
  untraced?: string;
}

/**
 * What a rollout ended with, beyond "the platform accepted it" (docs/behaviour.md#health-checks): the
 * health check's outcome, whether a failed rollout was rolled back, and the pinned ref (a digest or an
 * image ID, never a tag that can move) that ran before. A failing provider puts the same facts in its
 * ActionError's `extra` as strings (`rolledBack`, `previousImage`, `healthy`).
 */
export interface RolloutFacts {
  health?: HealthOutcome;
  /** overrides what `health` says (`unknown` when no check was asked for) */
  healthy?: 'true' | 'false' | 'unknown';
  rolledBack?: boolean;
  previousImage?: string;
}

export interface DeployResult extends RolloutFacts {
  url: string;
  /** true when the running deployment already had this digest and nothing was done */
  skipped: boolean;
  /** true when an image was built */
  built: boolean;
  /** the ref deployed, when it changed (a built image gets its local id or pushed digest) */
  image?: string;
  digest?: string;
  /** how to reach it: `docker exec -it …`, `devpod ssh …` */
  connect?: string;
  /** provider specific outputs (`workspace-id`, `template-id`) */
  extra?: Record<string, string>;
}

export interface Provider {
  readonly name: ProviderName;
  /**
   * The name the provider gives the deployment (container, Fly app, DevPod workspace id, E2B template
   * alias, Kubernetes Deployment): the config's name after `name-suffix` and the provider's naming
   * rules. Pure; the `deployed-name` output.
   */
  deployedName(ctx: DestroyContext): string;
  /** what it renders and would run, with no side effects (also used by deploy to stay identical) */
  plan(ctx: ProviderContext): Promise<ProviderPlan>;
  /**
   * The deploy's read-only first part (what runs now), worked out before the write: `apply` takes what
   * it found. Run ahead of Install tools and Verify image when `canReadLiveAhead` says it needs no tool
   * the install step provides (ADR 0052); it writes nothing, so a verification that fails drops it.
   */
  readLive?(ctx: ProviderContext): Promise<unknown>;
  canReadLiveAhead?(ctx: ProviderContext): boolean;
  apply(ctx: ProviderContext, prepared?: unknown): Promise<DeployResult>;
  /** checks what deploy and destroy need from the environment (a token), before any network call */
  preflight?(ctx: DestroyContext): void;
  /** removes what apply created; needs no image (destroy never resolves one) */
  destroy(ctx: DestroyContext): Promise<{ removed: string[] }>;
  /**
   * `mode: sweep`: the previews of this config that this action created for `repository`, found by
   * the preview marks in their metadata (src/trace.ts), never by their names alone. Read-only.
   */
  listPreviews(ctx: DestroyContext, repository: string): Promise<Preview[]>;
  /** `mode: sweep`, before any tool is installed: throws when this config's previews cannot be listed (DevPod's types other than docker) */
  checkSweep?(ctx: DestroyContext): void;
}

/** A preview found by `listPreviews`: its name-suffix (validated) and the provider's name for it. */
export interface Preview {
  suffix: string;
  deployedName: string;
  /** the GitHub environment its resources record (trace field `environment`); undefined when deployed before it was recorded */
  environment?: string;
}
