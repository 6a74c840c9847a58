/**
 * The post step (action.yml `runs.post`, `post-if: always()`): after a failed or cancelled main step,
 * remove the temporary files it left and close a GitHub deployment it left `in_progress` as `error`.
 * After a successful run both lists are empty and this does nothing. It never fails the job: every
 * problem is one warning.
 */
import { rmSync } from 'node:fs';
import { getInput, info, warning } from './runner.js';
import { leftTemps, pendingDeployment } from './state.js';

export async function runPost(): Promise<void> {
  for (const path of leftTemps()) {
    try {
      rmSync(path, { recursive: true, force: true });
      info(`removed ${path}, left by the main step`);
    } catch (e) {
      warning(`could not remove ${path}, left by the main step: ${(e as Error).message}`);
    }
  }
  const pending = pendingDeployment();
  if (!pending) return;
  try {
    const { closeAbandonedDeployment } = await import('./github/deployments.js');
    await closeAbandonedDeployment(pending, getInput('github-token'));
    info(`GitHub deployment ${pending.id} (${pending.environment}) marked error: the main step did not finish it`);
  } catch (e) {
    warning(`could not mark GitHub deployment ${pending.id} (${pending.environment}) as error: ${(e as Error).message}`);
  }
}
