/** Notices a provider found in sindri.yaml (a secret not set, a source no provider hands over) as warning annotations on their line. */
import type { SindriConfig } from '../../config/types.js';
import { warning } from '../../runner.js';
import type { SecretNotice } from './secrets.js';

export function warnNotices(config: Pick<SindriConfig, 'file'>, notices: readonly SecretNotice[]): void {
  for (const n of notices) warning(n.message, { file: config.file, startLine: n.line, startColumn: n.column, title: n.field });
}
