/**
 * Dockerfile discovery for rule 8 (SPEC §4): input `dockerfile`, else the first candidate that exists.
 * Only looks at the file system; the rule itself is decided by the pure resolver.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { ActionError } from '../errors.js';

export const DOCKERFILE_CANDIDATES = ['Dockerfile', 'v3/Dockerfile', 'deploy/Dockerfile'] as const;

type Kind = 'file' | 'other' | 'missing';

function kindOf(abs: string, field: string): Kind {
  try {
    return statSync(abs).isFile() ? 'file' : 'other';
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return 'missing';
    throw new ActionError(`cannot read ${abs} (${code ?? String(e)})`, {
      where: { field },
      fix: 'check the path and its permissions: the runner user must be able to read it',
      cause: e,
    });
  }
}

/** `deploy\\Dockerfile`, `./deploy/Dockerfile` → `deploy/Dockerfile`; `../x` stays `../x`. */
function toPosixRelative(workdir: string, given: string): string {
  if (path.isAbsolute(given)) {
    const rel = path.relative(workdir, given);
    // another drive on Windows has no relative form: keep it absolute
    if (!path.isAbsolute(rel)) return rel.split(path.sep).join('/');
    return given.split(path.sep).join('/');
  }
  return path.posix.normalize(given.replace(/\\/g, '/'));
}

/**
 * The candidates that exist as files (relative to `workdir`, `/` separators, in priority order), and
 * the explicit Dockerfile when input `dockerfile` is set. An explicit path that is not a file is an error.
 */
export function findDockerfiles(workdir: string, explicit: string): { found: string[]; explicit?: string } {
  const found = DOCKERFILE_CANDIDATES.filter((c) => kindOf(path.join(workdir, c), 'input working-directory') === 'file');
  const given = explicit.trim();
  if (!given) return { found };

  const abs = path.resolve(workdir, given);
  const kind = kindOf(abs, 'input dockerfile');
  if (kind !== 'file') {
    throw new ActionError(kind === 'missing' ? `no Dockerfile at ${abs}` : `${abs} is not a file`, {
      where: { field: 'input dockerfile' },
      fix: 'give the Dockerfile path relative to working-directory (e.g. deploy/Dockerfile), or leave dockerfile empty to use ./Dockerfile, ./v3/Dockerfile or ./deploy/Dockerfile',
    });
  }
  return { found, explicit: toPosixRelative(workdir, given) };
}
