/**
 * Dockerfile discovery for rule 8 (docs/behaviour.md#image-priority-order): input `dockerfile`, else the
 * first candidate that exists. Only looks at the file system; the rule itself is decided by the pure
 * resolver.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { ActionError } from '../errors.js';

export const DOCKERFILE_CANDIDATES = ['Dockerfile', 'v3/Dockerfile', 'deploy/Dockerfile'] as const;

type Kind = 'file' | 'other' | 'missing';

/** What each errno means for a Dockerfile path, in the user's terms. */
const CAUSES: Readonly<Record<string, string>> = {
  ELOOP: 'it is a symbolic link that loops back on itself',
  EACCES: 'the runner user may not read it or a directory above it',
  EPERM: 'the runner user may not read it',
  ENAMETOOLONG: 'the path is too long',
  EIO: 'the disk reported an I/O error',
};

function kindOf(abs: string, where: { field?: string; file?: string }): Kind {
  try {
    return statSync(abs).isFile() ? 'file' : 'other';
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return 'missing';
    const cause = (code && CAUSES[code]) ?? 'it cannot be read';
    throw new ActionError(`cannot read ${where.file ?? abs}: ${cause} (${code ?? String(e)})`, {
      where,
      fix:
        code === 'ELOOP'
          ? 'fix or remove the symbolic link, or set input dockerfile to the Dockerfile to build'
          : 'check the path and its permissions, or set input dockerfile to the Dockerfile to build',
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
  const given = explicit.trim();
  // with input dockerfile set the candidates are not consulted: a broken one there cannot fail the run
  const found = given ? [] : DOCKERFILE_CANDIDATES.filter((c) => kindOf(path.join(workdir, c), { file: c }) === 'file');
  if (!given) return { found };

  const abs = path.resolve(workdir, given);
  const kind = kindOf(abs, { field: 'input dockerfile' });
  if (kind !== 'file') {
    throw new ActionError(kind === 'missing' ? `no Dockerfile at ${abs}` : `${abs} is not a file`, {
      where: { field: 'input dockerfile' },
      fix: 'give the Dockerfile path relative to working-directory (e.g. deploy/Dockerfile), or leave dockerfile empty to use ./Dockerfile, ./v3/Dockerfile or ./deploy/Dockerfile',
    });
  }
  return { found, explicit: toPosixRelative(workdir, given) };
}
