/**
 * What a plan says will change (docs/behaviour.md#plan-mode, ADR 0035), pure: per resource `+ create`,
 * `~ update (image a → b; N settings)`, `- delete`, `= unchanged`, or `? unknown` when the live
 * target could not be read; and the one line above the list that says which image and why.
 */
import type { ImageDecision, TraceStep } from '../image/types.js';
import { oneLine } from '../text.js';

export type ChangeAction = 'create' | 'update' | 'delete' | 'unchanged' | 'unknown';

export interface ResourceChange {
  action: ChangeAction;
  /** what the provider calls it: `container app`, `Deployment app`, `template app` */
  resource: string;
  /** the image it runs now → the one a deploy gives it (pinned refs, or image IDs), when they differ */
  image?: { from: string; to: string };
  /** names of the settings that differ (`environment`, `deploy`, `secrets`) */
  settings?: string[];
  /** why, when the action alone does not say it (`not running`, `force: true`, `an orphan of compose project …`) */
  note?: string;
}

/** What the plan learnt from the live target: `known` false says why it could not compare. */
export interface LiveState {
  known: boolean;
  /** when not known: why (`the Docker engine did not answer: …`); when known: what was read */
  reason: string;
}

const SYMBOL: Record<ChangeAction, string> = { create: '+', update: '~', delete: '-', unchanged: '=', unknown: '?' };

/** `sha256:` and 12 hex digits, then `…`: enough to tell two digests apart on one line. */
export function shortDigest(ref: string): string {
  return ref.replace(/(sha256:[0-9a-f]{12})[0-9a-f]{52}/g, '$1…');
}

/**
 * One line per resource, as in the log, the summary and the pull request comment. An unknown live
 * state is said once above the list (`liveLine`), so an unknown resource is `? unknown <resource>`
 * and carries a note only when it has a reason of its own.
 */
export function changeLine(c: ResourceChange): string {
  const parts: string[] = [];
  if (c.image) parts.push(`image ${c.image.from} → ${c.image.to}`);
  if (c.settings?.length) parts.push(`${c.settings.length} setting${c.settings.length === 1 ? '' : 's'}: ${c.settings.join(', ')}`);
  if (c.note) parts.push(c.note);
  return oneLine(shortDigest(`${SYMBOL[c.action]} ${c.action} ${c.resource}${parts.length ? ` (${parts.join('; ')})` : ''}`));
}

/** The line above the change list when the live target was not read (`live state unknown: <reason>`); undefined when it was. */
export function liveLine(live: LiveState): string | undefined {
  return live.known ? undefined : oneLine(`live state unknown: ${live.reason}`);
}

/** The resources a deploy would create, update or delete (an unknown live state counts: a deploy would apply it). */
export function countChanges(changes: readonly ResourceChange[]): number {
  return changes.filter((c) => c.action !== 'unchanged').length;
}

/**
 * The live target was not read (it did not answer, or this provider's plan does not read it): every
 * resource `? unknown`, and the reason once, in the LiveState.
 */
export function notRead(resources: readonly string[], reason: string): { changes: ResourceChange[]; live: LiveState } {
  return { changes: resources.map((resource) => ({ action: 'unknown', resource })), live: { known: false, reason } };
}

/**
 * The one line that answers "which image, and why": `image repo@sha256:1a2b… (rule 5 config-version:
 * highest matching ^1.0.0 … → 1.0.0, pinned)`; a build says what is built and from which Dockerfile.
 */
export function imageLine(image: Pick<ImageDecision, 'deployRef' | 'digest' | 'build' | 'dockerfile' | 'trace'>): string {
  const won = image.trace.find((t: TraceStep) => t.rule > 0 && t.outcome === 'applied');
  const rule = won ? `rule ${won.rule} ${won.source}: ${won.reason}` : 'no rule applied';
  const how = image.build ? 'built by the deploy, not pinned' : image.digest ? 'pinned' : 'not pinned (pin-digest: false)';
  return oneLine(shortDigest(`image ${image.deployRef} (${rule}, ${how})`));
}
