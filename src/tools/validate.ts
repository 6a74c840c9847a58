/**
 * Up-front checks of the tool inputs (`<tool>-version`, `tool-mirror` / SINDRI_TOOL_MIRROR): called
 * by getInputs, before any network call. Whether a version is in the catalog is decided later, after
 * PATH and the tool cache have had their say (a pinned version already on PATH needs no catalog entry).
 */
import validRange from 'semver/ranges/valid.js';
import { ActionError } from '../errors.js';

/** `1.32.13`, `v1.32.13`, `~1.32`, `>=1.31 <1.34`, `1.x` → the spec without a leading `v`. */
export function parseToolVersion(tool: string, value: string): string {
  const v = value.trim().replace(/^v(?=\d)/, '');
  // a bounded line of version characters first: semver's own parser splits at whitespace and newlines
  if (v === '' || v.length > 64 || !/^[0-9A-Za-z.+*^~<>=|\- ]+$/.test(v) || validRange(v) === null) {
    throw new ActionError(`invalid version "${value.slice(0, 80)}"`, {
      where: { field: `input ${tool}-version` },
      fix: 'write a version such as 1.32.13 or a semver range such as ~1.32 or >=1.31 <1.34',
    });
  }
  return v;
}

/**
 * A base URL that replaces each download's origin (scheme, host and port), the paths below it kept.
 * The input wins over SINDRI_TOOL_MIRROR. Credentials may sit in the URL (`https://user:token@host`):
 * the caller masks the password. Returned without a trailing slash; '' when neither is set.
 */
export function parseToolMirror(input: string, env: string | undefined): { mirror: string; field: string } {
  const field = input ? 'input tool-mirror' : 'env SINDRI_TOOL_MIRROR';
  const raw = (input || env || '').trim();
  if (raw === '') return { mirror: '', field };
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.search || url.hash) {
    throw new ActionError(`invalid mirror URL "${redactUserinfo(raw).slice(0, 120)}"`, {
      where: { field },
      fix: 'give an http(s) base URL without query or fragment, e.g. https://mirror.example.com/tools',
    });
  }
  return { mirror: raw.replace(/\/+$/, ''), field };
}

/** `https://user:secret@host/x` → `https://host/x`: URLs in messages never carry credentials. */
export function redactUserinfo(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@\s]*@/i, '$1');
}
