/**
 * The distribution API's wire formats, as pure functions: the `WWW-Authenticate` challenge (RFC 7235),
 * the `Link` header of tag pagination, `Retry-After`, the registry's error body and the backoff between
 * retries, and the one error for a registry that breaks the protocol. No I/O here: registry-http.ts,
 * registry-auth.ts and registry.ts use them.
 */
import { ActionError } from '../errors.js';
import { apiHost, formatReference } from './reference.js';
import type { ImageRef } from './types.js';

export interface Challenge {
  scheme: 'bearer' | 'basic';
  params: Record<string, string>;
}

/**
 * Parse `WWW-Authenticate` (RFC 7235): one or more challenges, each `scheme k=v, k="v, with commas"`.
 * Returns the challenges we understand (Bearer, Basic), in the order given.
 */
export function parseWwwAuthenticate(header: string | null | undefined): Challenge[] {
  const out: Challenge[] = [];
  if (!header) return out;
  let i = 0;
  const s = header;
  let current: Challenge | undefined;
  let currentKnown = false;
  const skip = (re: RegExp) => {
    while (i < s.length && re.test(s[i]!)) i++;
  };
  while (i < s.length) {
    skip(/[\s,]/);
    const start = i;
    while (i < s.length && /[^\s,=]/.test(s[i]!)) i++;
    const token = s.slice(start, i);
    if (!token) break;
    skip(/\s/);
    if (s[i] === '=') {
      // a parameter of the current challenge
      i++;
      skip(/\s/);
      let value = '';
      if (s[i] === '"') {
        i++;
        while (i < s.length && s[i] !== '"') {
          if (s[i] === '\\' && i + 1 < s.length) i++;
          value += s[i];
          i++;
        }
        i++; // closing quote
      } else {
        const vs = i;
        while (i < s.length && s[i] !== ',') i++;
        value = s.slice(vs, i).trim();
      }
      if (current && currentKnown) current.params[token.toLowerCase()] = value;
    } else {
      // a new challenge: `Scheme` possibly followed by params
      const scheme = token.toLowerCase();
      currentKnown = scheme === 'bearer' || scheme === 'basic';
      current = { scheme: scheme as Challenge['scheme'], params: {} };
      if (currentKnown) out.push(current);
    }
  }
  return out;
}

/** The `rel="next"` target of a `Link` header, as written (relative or absolute). */
export function parseLinkNext(header: string | null | undefined): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(/,(?=\s*<)/)) {
    const m = /^\s*<([^>]*)>(.*)$/.exec(part);
    if (!m) continue;
    const rel = /;\s*rel\s*=\s*(?:"([^"]*)"|([^\s;,]+))/i.exec(m[2]!);
    if (rel && (rel[1] ?? rel[2] ?? '').toLowerCase().split(/\s+/).includes('next')) return m[1];
  }
  return undefined;
}

/** `Retry-After` in milliseconds: delta seconds or an HTTP date; `undefined` when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** The first entry of a distribution error body: `{"errors":[{"code","message","detail"}]}`. */
export function registryError(body: Buffer | string): { code: string; message: string } | undefined {
  try {
    const parsed = JSON.parse(body.toString()) as { errors?: { code?: unknown; message?: unknown }[] };
    const first = parsed?.errors?.[0];
    if (first && typeof first.code === 'string')
      return { code: first.code, message: typeof first.message === 'string' ? first.message : '' };
  } catch {
    // not JSON: no code
  }
  return undefined;
}

/** Backoff before retry `attempt` (0-based): base·2^attempt with ±50 % jitter, at most 30 s. */
export function backoffDelay(attempt: number, baseMs: number, random: number = Math.random()): number {
  return Math.round(Math.min(30_000, baseMs * 2 ** attempt) * (0.5 + random));
}

/** Bearer wins over Basic when a registry offers both. */
export function pickChallenge(challenges: Challenge[]): Challenge | undefined {
  return challenges.find((c) => c.scheme === 'bearer') ?? challenges.find((c) => c.scheme === 'basic');
}

/** A registry that answered, but not as the distribution API says it must. */
export function protocolError(ref: ImageRef, what: string): ActionError {
  return new ActionError(`registry ${apiHost(ref.registry)} broke the distribution API for ${formatReference(ref)}: ${what}`, {
    fix: `check that ${ref.registry} is an OCI registry (a proxy in between may rewrite answers)`,
  });
}
