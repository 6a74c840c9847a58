/**
 * Where the config's secrets go with provider e2b, and where they must not. They never reach the
 * template (no ENV or ARG, nothing in the build context a COPY could take: E2B bakes both into
 * something anyone who starts the template can read); they go to the sandbox as `envVars` of the one
 * API request that starts it, and the sandbox carries only a keyed digest of them as metadata, so a
 * later deploy can tell whether a running sandbox has these values.
 */
import { createHmac } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import type { SindriConfig } from '../../config/types.js';
import type { NewSandbox } from '../../external/e2b-api.js';
import { expandSecretPath } from '../kit/secrets.js';
import type { E2bSettings } from './settings.js';
import { META_BUILD, META_ENV, META_IMAGE, META_NAME, META_TEMPLATE_TAG } from './steps.js';
import { previewMarks, traceMetadata, type Trace } from '../../trace.js';
import { e2bMetaKey } from './previews.js';

/**
 * Secret files a COPY from the build context could pick up: `.env`, `.env.local` beside sindri.yaml and
 * `fromFile` targets, when inside the context and not excluded by a `.dockerignore` line.
 */
export function exposedSecretFiles(config: SindriConfig, contextDir: string): string[] {
  const candidates = [join(config.dir, '.env'), join(config.dir, '.env.local')];
  for (const s of config.secrets)
    if (s.source === 'env' && s.fromFile) candidates.push(expandSecretPath(s.fromFile, config.dir, process.env));
    else if (s.source === 'file' && s.path) candidates.push(expandSecretPath(s.path, config.dir, process.env));
  const ignorePath = join(contextDir, '.dockerignore');
  const patterns = existsSync(ignorePath)
    ? readFileSync(ignorePath, 'utf8')
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter((l) => l && !l.startsWith('#'))
    : [];
  const ignored = (rel: string) =>
    patterns.some((p) => {
      if (p.startsWith('!')) return false;
      const re = new RegExp(
        `^${p
          .replace(/^\/+|\/+$/g, '')
          .replace(/[.+^${}()|[\]\\]/g, '\\$&')
          .replace(/\*\*\/?/g, '\u0000')
          .replace(/\*/g, '[^/]*')
          .replace(/\?/g, '[^/]')
          .replace(/\u0000/g, '(?:.*/)?')}(?:/.*)?$`,
      );
      return re.test(rel) || re.test(rel.split('/').pop()!);
    });
  return candidates
    .filter((f) => existsSync(f))
    .map((f) => relative(contextDir, f))
    .filter((rel) => rel && !rel.startsWith('..') && !isAbsolute(rel) && !ignored(rel));
}

/** A keyed digest of the secret values: tells whether a running sandbox has these values, reveals nothing without the key. */
export function envDigest(key: string, values: ReadonlyMap<string, string>): string {
  const h = createHmac('sha256', key);
  for (const [k, v] of [...values].sort(([a], [b]) => a.localeCompare(b))) h.update(`${k}\u0000${v}\u0000`);
  return h.digest('hex').slice(0, 16);
}

export interface SandboxStart {
  templateID: string;
  /** metadata `sindri_name` */
  name: string;
  /** the preview marks: the config's name (`sindri_config`) and the name-suffix (`sindri_name_suffix`, when there is one) */
  config: string;
  suffix: string;
  contentTag: string;
  /** the pinned ref and the template build it runs (metadata, for a later rollback) */
  image: string;
  buildID: string;
  settings: E2bSettings;
  /** the API key: keys the digest */
  key: string;
  secrets: ReadonlyMap<string, string>;
  /** the run that starts it: `sindri_run_url`, `sindri_commit`, … (docs/behaviour.md#traceability) */
  trace?: Trace;
}

/** The body of `POST /sandboxes`: the only place the secret values are ever sent. */
export function sandboxRequest(s: SandboxStart): NewSandbox {
  const { settings } = s;
  return {
    templateID: s.templateID,
    timeout: settings.timeout,
    autoPause: settings.autoPause,
    ...(settings.autoPause ? { autoResume: { enabled: settings.autoResume } } : {}),
    metadata: {
      ...settings.metadata,
      // the trace and the preview marks (previews.ts): `sindri_config`, as `sindri_name` names the sandbox
      ...traceMetadata(s.trace, previewMarks(s.config, s.suffix), e2bMetaKey),
      [META_NAME]: s.name,
      [META_TEMPLATE_TAG]: s.contentTag,
      [META_ENV]: envDigest(s.key, s.secrets),
      [META_IMAGE]: s.image,
      [META_BUILD]: s.buildID,
    },
    envVars: Object.fromEntries(s.secrets),
    secure: true,
  };
}
