/**
 * The fly plan's live diff (docs/behaviour.md#plan-mode, ADR 0042): what the app's machines run now
 * against what a deploy would release, read-only with what `flyctl status --app <app> --json` shows
 * (in-process from Fly's API, else ONE flyctl process: ADR 0051): the app and its machines, each with
 * its image_ref, config.image and config.env, as fly-go machine_types.go. `compareApp` is pure and makes the decision `apply` makes to skip (runsAlready:
 * the digest, the fly.toml hash, the secrets' fingerprints, settled machines, a build, `force`);
 * `readApp` turns a read that fails into a reason, so the plan goes on without the comparison.
 */
import { isDeadlineExceeded } from '../../deadline.js';
import type { FlyMachine, FlyStatus } from '../../external/flyctl.js';
import type { ResourceChange } from '../../plan/changes.js';
import { HOME_VOLUME } from './fly-toml.js';
import { previousFingerprints, SECRET_FINGERPRINTS_ENV, TOML_HASH_ENV } from './secrets.js';

/** a plan waits this long for `flyctl status` at most (a deploy waits 120 s) */
export const LIVE_READ_MS = 30_000;

/** machine states of a settled release (fly-go machine_types.go), as `runsAlready` counts them */
const SETTLED = new Set(['started', 'stopped', 'suspended']);

/**
 * The app as `flyctl status` shows it (undefined: it does not exist), or why it could not be read;
 * `fly` is flyctl or the FlyReader (Fly's API in-process, ADR 0051).
 */
export async function readApp(
  fly: { status(app: string, timeoutMs: number): Promise<FlyStatus | undefined> },
  app: string,
  timeoutMs: number,
): Promise<{ status: FlyStatus | undefined } | { reason: string }> {
  try {
    return { status: await fly.status(app, timeoutMs) };
  } catch (e) {
    if (isDeadlineExceeded(e)) throw e;
    const message = e instanceof Error ? e.message : String(e);
    return { reason: message.split('\n').find((l) => l.trim() !== '') ?? message };
  }
}

/** The machines of the app's release: the release command's one-off machine is not part of it. */
export function appMachines(status: FlyStatus | undefined): FlyMachine[] {
  return (status?.Machines ?? []).filter((m) => m.config?.metadata?.fly_process_group !== 'fly_app_release_command');
}

/** What a machine runs, pinned when Fly says so: `registry/repository@sha256:…`, else its config.image. */
function machineImage(m: FlyMachine): string {
  const r = m.image_ref;
  if (r?.digest && r.repository) return `${r.registry ? `${r.registry}/` : ''}${r.repository}@${r.digest}`;
  return m.config?.image ?? '';
}

export interface CompareAppInput {
  app: string;
  /** undefined: the app does not exist */
  status: FlyStatus | undefined;
  /** what `flyctl deploy --image` is given (the copy in Fly's registry for a private image) */
  deployRef: string;
  /** the pinned digest ('' with pin-digest false) */
  digest: string;
  /** Fly's remote builder builds it: the image is known only after the build */
  build: boolean;
  dockerfile?: string;
  /** the fly.toml hash a deploy records (SINDRI_FLY_TOML_SHA256), without the trace */
  tomlHash: string;
  /** each secret's HMAC under the token (secretFingerprint); undefined: no secret, or no value to compare */
  secretHmacs?: ReadonlyMap<string, string>;
  force: boolean;
}

/** What a deploy would do to the app, from what `flyctl status` showed. */
export function compareApp(input: CompareAppInput): ResourceChange {
  const resource = `app ${input.app}`;
  if (!input.status) return { action: 'create', resource, note: `a deploy creates it, volume ${HOME_VOLUME} and its machine` };
  const machines = appMachines(input.status);
  if (machines.length === 0) return { action: 'update', resource, note: 'no machine runs: a deploy creates one' };

  const runs = (m: FlyMachine) =>
    input.digest
      ? m.image_ref?.digest === input.digest || (m.config?.image ?? '').endsWith(`@${input.digest}`)
      : m.config?.image === input.deployRef;
  const sameImage = input.build ? undefined : machines.every(runs);

  const settings: string[] = [];
  if (machines.some((m) => m.config?.env?.[TOML_HASH_ENV] !== input.tomlHash)) settings.push('fly.toml');
  if (input.secretHmacs && secretsMoved(input.status, machines, input.secretHmacs)) settings.push('secrets');

  const why: string[] = [];
  for (const m of machines) if (!SETTLED.has(m.state)) why.push(`machine ${m.id} is ${m.state}`);
  if (input.force) why.push('force: true releases it again');

  const from = machineImage(machines.find((m) => !runs(m)) ?? machines[0]!);
  if (sameImage === undefined)
    return {
      action: 'update',
      resource,
      ...(settings.length ? { settings } : {}),
      note: [
        ...why,
        `Fly's remote builder builds ${input.dockerfile ?? 'the Dockerfile'}: a build always releases (runs ${from} now)`,
      ].join('; '),
    };
  const change: ResourceChange = { action: sameImage && settings.length === 0 && why.length === 0 ? 'unchanged' : 'update', resource };
  if (!sameImage) change.image = { from: from || 'no image', to: input.deployRef };
  if (settings.length) change.settings = settings;
  if (why.length) change.note = why.join('; ');
  if (change.action === 'unchanged') change.note = `runs ${from} on ${machines.length} machine${machines.length === 1 ? '' : 's'}`;
  return change;
}

/**
 * A secret's value moved since the action last staged it: the HMAC the machines recorded differs, or
 * the set of names does. (Fly's digests, which a deploy also compares, need `flyctl secrets list`:
 * a second process the plan does not start; ADR 0042.)
 */
function secretsMoved(status: FlyStatus, machines: FlyMachine[], hmacs: ReadonlyMap<string, string>): boolean {
  if (machines.some((m) => m.config?.env?.[SECRET_FINGERPRINTS_ENV] === undefined)) return true;
  const before = previousFingerprints(status);
  if (before.size !== hmacs.size) return true;
  return [...hmacs].some(([name, hmac]) => before.get(name)?.hmac !== hmac);
}
