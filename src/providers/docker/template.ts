/**
 * The base of every compose document (templates/docker/compose.yml), read as data from beside the
 * running code: src/ in development, dist/ when bundled. Read once per process.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { ActionError } from '../../errors.js';

let baseCache: Record<string, unknown> | undefined;

export function loadComposeBase(): Record<string, unknown> {
  if (baseCache) return baseCache;
  const rel = join('templates', 'docker', 'compose.yml');
  const starts = [dirname(fileURLToPath(import.meta.url)), process.argv[1] ? dirname(process.argv[1]) : undefined];
  for (const start of starts) {
    for (let dir = start, i = 0; dir && i < 5; dir = dirname(dir), i++) {
      const path = join(dir, rel);
      if (existsSync(path)) return (baseCache = parse(readFileSync(path, 'utf8')) as Record<string, unknown>);
    }
  }
  throw new ActionError(`${rel} was not found beside the action`, {
    fix: 'the action checkout is incomplete: use a released tag such as sindri/deploy-action@v1',
  });
}
