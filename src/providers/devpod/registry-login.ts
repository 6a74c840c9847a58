/**
 * A private image and DevPod (issue 26): where each type pulls the workspace image, and whether the
 * runner's login reaches it. Every source of credentials the action reads reaches the pull: the
 * inputs' login through the throw-away DOCKER_CONFIG `devpod up` gets (kit/build.ts
 * withRegistryAuth), the runner's Docker config because devpod reads the same one. What can stop it
 * is devpod itself: the option of the devpod provider that hands the login over, when it is off in the
 * provider this runner's devpod holds (a self-hosted runner keeps DEVPOD_HOME, and the action only
 * sets the options sindri.yaml names). Then the pull would go without credentials and fail after the
 * machine or pod was made: said in one line before anything starts. Pure.
 */
import { ActionError } from '../../errors.js';
import type { ImageAccess } from '../../image/types.js';
import type { DevpodSettings, DevpodType } from './settings.js';

/** where each type pulls, and the devpod provider option that gives that pull the runner's login (provider.yaml of each) */
const DELIVERY: Record<DevpodType, { where: string; option?: string }> = {
  docker: { where: "the docker driver's pull on the runner's engine (or dockerHost)" },
  kubernetes: { where: "the workspace pod's pull secret", option: 'KUBERNETES_PULL_SECRETS_ENABLED' },
  ssh: { where: "the remote machine's docker credential helper", option: 'INJECT_DOCKER_CREDENTIALS' },
  aws: { where: "the cloud machine's docker credential helper", option: 'INJECT_DOCKER_CREDENTIALS' },
  gcp: { where: "the cloud machine's docker credential helper", option: 'INJECT_DOCKER_CREDENTIALS' },
  azure: { where: "the cloud machine's docker credential helper", option: 'INJECT_DOCKER_CREDENTIALS' },
  digitalocean: { where: "the cloud machine's docker credential helper", option: 'INJECT_DOCKER_CREDENTIALS' },
};

/** The plan's line for a private image: how its login reaches where this type pulls. */
export function privateImageNote(image: string, access: ImageAccess, settings: DevpodSettings, viaInputs: boolean): string {
  const d = DELIVERY[settings.type];
  const login = viaInputs ? "a throw-away DOCKER_CONFIG holding only the inputs' login for its registry" : "the runner's own docker login";
  return `${image} is private (opened with ${access.credentials ?? 'credentials'}): devpod up runs with ${login}, which ${d.where} pulls with${d.option ? ` (devpod provider option ${d.option} must stay true)` : ''}`;
}

/**
 * A private image whose login devpod would not hand over: the provider held here has the delivery
 * option set to false. One line naming the type, the option and the two ways out.
 */
export function refuseUndelivered(
  image: string,
  access: ImageAccess | undefined,
  settings: DevpodSettings,
  held: Readonly<Record<string, string>> | undefined,
): void {
  const { option, where } = DELIVERY[settings.type];
  if (!access?.private || !option) return;
  const value = (held?.[option] ?? settings.options[option] ?? '').trim().toLowerCase();
  if (value !== 'false') return;
  throw new ActionError(
    `${image} is private, but devpod provider ${settings.provider} (type ${settings.type}) on this runner has ${option}=false: ${where} would pull it without credentials; nothing was started`,
    {
      where: { field: 'providers.devpod.type' },
      fix: `run devpod provider set-options ${settings.provider} -o ${option}=true on this runner (or devpod provider delete ${settings.provider}: the action adds it again with its defaults), or make the image public`,
    },
  );
}
