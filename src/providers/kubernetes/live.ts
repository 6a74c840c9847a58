/**
 * The kubernetes plan's live diff (docs/behaviour.md#plan-mode, ADR 0035), pure: each object a
 * server-side dry-run apply (`dryRun=All`, never persisted) answers with, against the object as it
 * is now. What the server sets by itself (resourceVersion, managedFields, status) is left out, so an
 * apply that would change nothing compares equal.
 */
import type { LiveObject } from '../../external/kubectl.js';
import type { ResourceChange } from '../../plan/changes.js';

/** metadata the server keeps or moves by itself on every write */
const VOLATILE = new Set(['managedFields', 'resourceVersion', 'generation', 'creationTimestamp', 'uid', 'selfLink']);
const REVISION = 'deployment.kubernetes.io/revision';

type Json = unknown;

function normal(o: LiveObject): Record<string, Json> {
  const { metadata, ...all } = o as LiveObject & Record<string, Json>;
  const rest = Object.fromEntries(Object.entries(all).filter(([k]) => k !== 'status'));
  const meta = Object.fromEntries(Object.entries(metadata).filter(([k]) => !VOLATILE.has(k))) as Record<string, Json>;
  if (metadata.annotations) {
    const annotations = Object.fromEntries(Object.entries(metadata.annotations).filter(([k]) => k !== REVISION));
    if (Object.keys(annotations).length > 0) meta.annotations = annotations;
    else delete meta.annotations;
  }
  return { ...rest, metadata: meta };
}

/** the leaf paths where two values differ (`spec.replicas`, `spec.template.spec.containers[0].image`) */
function differences(a: Json, b: Json, path: string, out: string[]): void {
  if (JSON.stringify(a) === JSON.stringify(b)) return;
  const isObj = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    a.forEach((x, i) => differences(x, b[i], `${path}[${i}]`, out));
  } else if (isObj(a) && isObj(b)) {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) differences(a[k], b[k], path ? `${path}.${k}` : k, out);
  } else out.push(path);
}

const IMAGE_PATH = /^spec\.template\.spec\.containers\[\d+\]\.image$/;

/** `spec.template.spec.containers[0].resources.limits.memory` → `containers[0].resources`: short enough for one line */
function settingName(path: string): string {
  const inner = path
    .replace(/^spec\.template\.spec\./, '')
    .replace(/^spec\.template\./, 'template.')
    .replace(/^spec\./, '');
  const parts = inner.split('.');
  return parts.slice(0, parts[0]!.startsWith('containers') || parts[0] === 'metadata' ? 2 : 1).join('.');
}

const imageOf = (o: LiveObject | undefined): string | undefined =>
  ((o?.spec?.template as { spec?: { containers?: { image?: string }[] } } | undefined)?.spec?.containers ?? [])[0]?.image;

/** What the apply would do to one object, from the live one (undefined: it does not exist) and the dry-run's answer. */
export function compareObject(live: LiveObject | undefined, applied: LiveObject): ResourceChange {
  const resource = `${applied.kind} ${applied.metadata.name}`;
  if (!live) return { action: 'create', resource };
  const paths: string[] = [];
  differences(normal(live), normal(applied), '', paths);
  if (paths.length === 0) return { action: 'unchanged', resource };
  const change: ResourceChange = { action: 'update', resource };
  const from = imageOf(live);
  const to = imageOf(applied);
  if (from !== to && from && to) change.image = { from, to };
  // Secret data is compared, never shown: only the key that moved
  const settings = [...new Set(paths.filter((p) => !IMAGE_PATH.test(p)).map(settingName))].sort();
  if (settings.length) change.settings = settings;
  return change;
}

/** Every object of the apply, matched with its live one by kind and name. */
export function compareObjects(live: readonly LiveObject[], applied: readonly LiveObject[]): ResourceChange[] {
  return applied.map((a) =>
    compareObject(
      live.find((l) => l.kind === a.kind && l.metadata.name === a.metadata.name),
      a,
    ),
  );
}
