/**
 * Notices a provider found in sindri.yaml (a secret not set, a source no provider hands over) as
 * warning annotations on their line, naming the file from the repository root as errors do.
 */
import type { SindriConfig } from '../../config/types.js';
import { annotationFile, warning } from '../../runner.js';
import type { SecretNotice } from './secrets.js';

export function warnNotices(config: Pick<SindriConfig, 'path'>, notices: readonly SecretNotice[]): void {
  for (const n of notices)
    warning(n.message, { file: annotationFile(config.path), startLine: n.line, startColumn: n.column, title: n.field });
}
