/** Find a program on PATH without running anything. */
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export function which(name: string, pathEnv = process.env.PATH ?? ''): string {
  for (const dir of pathEnv.split(delimiter)) {
    if (!dir) continue;
    const p = join(dir, name);
    try {
      if (statSync(p).isFile()) {
        accessSync(p, constants.X_OK);
        return p;
      }
    } catch {
      // not here
    }
  }
  return '';
}

/** docker CLI plugins (compose, buildx) live outside PATH */
export function dockerPlugin(name: string): string {
  const dirs = [
    process.env.DOCKER_CONFIG ? join(process.env.DOCKER_CONFIG, 'cli-plugins') : '',
    join(process.env.HOME ?? '/root', '.docker', 'cli-plugins'),
    '/usr/local/lib/docker/cli-plugins',
    '/usr/local/libexec/docker/cli-plugins',
    '/usr/lib/docker/cli-plugins',
    '/usr/libexec/docker/cli-plugins',
  ];
  return which(`docker-${name}`, dirs.filter(Boolean).join(delimiter));
}
