/**
 * A loopback HTTP server laid out like a tool mirror (`<base>/<path of the origin URL>`), serving real
 * archives the tests build (tar.gz and zip through the system `tar`/`zip`, raw files, npm tarballs
 * through `npm pack`), counting every request and able to answer a path with a queue of failures
 * first (5xx, then the file). Listens on 127.0.0.1, port 0.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ToolMirror {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** every request's path, in order */
  requests: string[];
  /** authorization headers seen, in order ('' when none) */
  auth: string[];
  serve(path: string, body: Buffer | string): void;
  /** answer the next requests of `path` with these statuses, then serve it normally */
  failFirst(path: string, statuses: number[]): void;
  /** delay every answer (deadline tests) */
  delayMs: number;
  reset(): void;
  close(): Promise<void>;
}

export async function startToolMirror(): Promise<ToolMirror> {
  const files = new Map<string, Buffer>();
  const failures = new Map<string, number[]>();
  const mirror: ToolMirror = {
    url: '',
    requests: [],
    auth: [],
    delayMs: 0,
    serve: (path, body) => void files.set(path, Buffer.isBuffer(body) ? body : Buffer.from(body)),
    failFirst: (path, statuses) => void failures.set(path, [...statuses]),
    reset: () => {
      mirror.requests.length = 0;
      mirror.auth.length = 0;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = createServer((req: IncomingMessage, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    mirror.requests.push(path);
    mirror.auth.push(req.headers.authorization ?? '');
    const answer = () => {
      const queued = failures.get(path);
      if (queued && queued.length) {
        res.writeHead(queued.shift()!, { 'content-type': 'text/plain' }).end('mirror says no\n');
        return;
      }
      const body = files.get(path);
      if (!body) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': body.length }).end(body);
    };
    if (mirror.delayMs) setTimeout(answer, mirror.delayMs);
    else answer();
  });
  server.keepAliveTimeout = 1;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  mirror.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return mirror;
}

export const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');
export const integrity = (b: Buffer): string => `sha512-${createHash('sha512').update(b).digest('base64')}`;

/**
 * A small executable stand-in (a node script with a shebang): `version`/`--version` print
 * `<name> v<version>`; anything else appends its argv as one JSON line to `markFile` and prints
 * `<name> <version> ran`. `token` makes each build's bytes (and sha256) unique.
 */
export function standIn(name: string, version: string, markFile: string, token = `${process.pid}-${Date.now()}`): string {
  return [
    '#!/usr/bin/env node',
    `// ${name} stand-in ${token}`,
    `const a = process.argv.slice(2);`,
    `if (a.includes('version') || a.includes('--version')) { console.log(${JSON.stringify(`${name} v${version}`)}); process.exit(0); }`,
    `require('node:fs').appendFileSync(${JSON.stringify(markFile)}, JSON.stringify({ tool: ${JSON.stringify(name)}, bin: __filename, argv: a }) + '\\n');`,
    `console.log(${JSON.stringify(`${name} ${version} ran`)});`,
    '',
  ].join('\n');
}

function run(cmd: string, args: string[], cwd: string): void {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
}

/** A real archive holding `files` (path → content, all executable) in the given format. */
export function buildArchive(format: 'tar.gz' | 'zip', files: Record<string, string>): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'tool-archive-'));
  try {
    const src = join(dir, 'src');
    for (const [p, content] of Object.entries(files)) {
      mkdirSync(join(src, p, '..'), { recursive: true });
      writeFileSync(join(src, p), content);
      chmodSync(join(src, p), 0o755);
    }
    const out = join(dir, format === 'zip' ? 'out.zip' : 'out.tar.gz');
    if (format === 'zip') run('zip', ['-q', '-r', out, ...Object.keys(files)], src);
    else run('tar', ['-czf', out, ...Object.keys(files)], src);
    return readFileSync(out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `npm pack` of a one-binary package without dependencies: the tarball bytes. */
export function buildNpmPackage(pkg: string, version: string, bin: string, script: string): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'tool-npm-'));
  try {
    const src = join(dir, 'src');
    mkdirSync(src);
    writeFileSync(join(src, 'package.json'), JSON.stringify({ name: pkg, version, bin: { [bin]: 'cli.js' }, files: ['cli.js'] }));
    writeFileSync(join(src, 'cli.js'), script);
    chmodSync(join(src, 'cli.js'), 0o755);
    const r = spawnSync('npm', ['pack', '--silent', '--pack-destination', dir], {
      cwd: src,
      encoding: 'utf8',
      env: { ...process.env, npm_config_update_notifier: 'false' },
    });
    if (r.status !== 0) throw new Error(`npm pack failed: ${r.stderr}`);
    return readFileSync(join(dir, r.stdout.trim().split('\n').pop()!));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
