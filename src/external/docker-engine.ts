/**
 * The Docker Engine API in-process, over the engine's own unix socket (issue 25, ADR 0048): the short
 * reads and the deploy lock, each a cold Go CLI start (30–90 ms; `docker info` also runs every CLI
 * plugin for its metadata) where one HTTP request over a local socket takes a few ms.
 *
 * Where the CLI would connect is resolved as the docker CLI resolves it (docker/cli
 * cli/command/cli.go `resolveContextName`, `resolveDefaultDockerEndpoint`, `getServerHost`;
 * cli/flags/options.go; cli/config `Dir`):
 *   1. `DOCKER_HOST` set (or the `Docker` class's `host`, which it passes as DOCKER_HOST) → the
 *      `default` context, whatever DOCKER_CONTEXT or the config file say;
 *   2. else `DOCKER_CONTEXT`, else the config file's `currentContext` (`$DOCKER_CONFIG/config.json`,
 *      default `~/.docker/config.json`), else `default`;
 *   3. the `default` context's host is DOCKER_HOST, else `unix:///var/run/docker.sock`, except that
 *      `DOCKER_TLS` / `DOCKER_TLS_VERIFY` set makes the default `tcp://localhost:2376`.
 * In-process ONLY for the plain local case: the default context, a `unix://` host, no TLS variable,
 * no extra HTTP headers (the config's `HttpHeaders`, `DOCKER_CUSTOM_HEADERS`), a socket that is there.
 * Anything else (tcp://, ssh://, npipe://, fd://, a context, TLS, a config file that does not parse, a
 * missing socket) is the CLI's, as before: `resolveDockerEngine` says why, the caller logs it once.
 *
 * Paths are unversioned (`/info`, not `/v1.41/info`): the engine serves them at its own current API
 * version, which is what the CLI's version negotiation gives whenever the CLI is at least as new as
 * the engine. A fixed version would be refused somewhere (engine 29 serves 1.44 and later only; an
 * old engine nothing newer than its own); the fields read here exist in every version since 1.24.
 * `DOCKER_API_VERSION` set (the CLI then sends that version, no negotiation) is honoured the same way.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { oneLine } from '../text.js';
import { readAnswer, type HttpAnswer } from './http-answer.js';

export const DEFAULT_SOCKET = '/var/run/docker.sock';

export type EngineEndpoint = { ok: true; socket: string; version?: string } | { ok: false; reason: string };

/** What `resolveDockerEngine` reads besides the environment (tests pass their own). */
export interface EngineProbe {
  home: string;
  readFile: (path: string) => string | undefined;
  isSocket: (path: string) => boolean;
}

const realProbe: EngineProbe = {
  home: homedir(),
  readFile: (p) => (existsSync(p) ? readFileSync(p, 'utf8') : undefined),
  isSocket: (p) => {
    try {
      return statSync(p).isSocket();
    } catch {
      return false;
    }
  },
};

/** The engine's unix socket when the CLI would use it as is, else why the CLI is asked instead. */
export function resolveDockerEngine(env: NodeJS.ProcessEnv, host?: string, probe: EngineProbe = realProbe): EngineEndpoint {
  const dockerHost = (host || env.DOCKER_HOST || '').trim();
  const configDir = env.DOCKER_CONFIG || join(probe.home, '.docker');
  const configPath = join(configDir, 'config.json');
  let config: { currentContext?: unknown; HttpHeaders?: unknown } = {};
  const text = probe.readFile(configPath);
  if (text !== undefined && text.trim() !== '') {
    try {
      config = JSON.parse(text) as typeof config;
    } catch {
      return { ok: false, reason: `${configPath} does not parse` };
    }
  }
  const context = dockerHost
    ? 'default'
    : env.DOCKER_CONTEXT || (typeof config.currentContext === 'string' && config.currentContext) || 'default';
  if (context !== 'default') return { ok: false, reason: `context ${context}` };
  if (env.DOCKER_TLS || env.DOCKER_TLS_VERIFY) return { ok: false, reason: 'TLS (DOCKER_TLS / DOCKER_TLS_VERIFY set)' };
  if (env.DOCKER_CUSTOM_HEADERS || (config.HttpHeaders && Object.keys(config.HttpHeaders).length > 0))
    return { ok: false, reason: 'extra HTTP headers (HttpHeaders / DOCKER_CUSTOM_HEADERS)' };
  const address = dockerHost || `unix://${DEFAULT_SOCKET}`;
  if (!address.startsWith('unix://')) return { ok: false, reason: `DOCKER_HOST ${address.split('://')[0]}://…` };
  const socket = address.slice('unix://'.length) || DEFAULT_SOCKET;
  if (!probe.isSocket(socket)) return { ok: false, reason: `no socket at ${socket}` };
  const version = env.DOCKER_API_VERSION?.trim();
  if (version && !/^\d+\.\d+$/.test(version)) return { ok: false, reason: `DOCKER_API_VERSION ${version}` };
  return { ok: true, socket, ...(version ? { version } : {}) };
}

/** A path segment as the docker CLI's Go client sends it: `/`, `:` and `@` of an image ref stay as they are. */
export function pathSegment(s: string): string {
  return encodeURIComponent(s).replace(/%2F/gi, '/').replace(/%3A/gi, ':').replace(/%40/g, '@');
}

/**
 * How the log and the plan show one in-process request: what was asked, the path decoded so a filter
 * reads as JSON; a control character a name or label might hold is shown escaped (the line stays one
 * line), and the log's `info` keeps anything that looks like a workflow command from acting as one.
 */
export function engineLine(method: string, path: string): string {
  let shown = path;
  try {
    shown = decodeURIComponent(path);
  } catch {
    /* shown as sent */
  }
  return `engine API: ${method} ${oneLine(shown)}`;
}

export type EngineAnswer = HttpAnswer;

/** The request did not finish within its time (the caller words it as the exec would). */
export class EngineTimeout extends Error {}

/** The engine's error message of an answer (`{"message": "…"}`), else its first line. */
export function engineMessage(a: EngineAnswer): string {
  try {
    const m = (JSON.parse(a.body) as { message?: unknown }).message;
    if (typeof m === 'string') return m;
  } catch {
    /* not JSON */
  }
  return a.body.split('\n')[0]?.slice(0, 300) || `status ${a.status}`;
}

/** One engine, over its unix socket with node:http: one connection per request, closed after it. */
export class DockerEngine {
  constructor(readonly endpoint: { socket: string; version?: string }) {}

  get address(): string {
    return `unix://${this.endpoint.socket}`;
  }

  async request(method: 'GET' | 'POST' | 'DELETE', path: string, timeoutMs: number, body?: unknown): Promise<EngineAnswer> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const prefix = this.endpoint.version ? `/v${this.endpoint.version}` : '';
    // node:http on first use: this module is also read for `engineLine` by the report, at every start (ADR 0049)
    const { request } = await import('node:http');
    return await readAnswer(
      (onResponse) =>
        request(
          {
            socketPath: this.endpoint.socket,
            method,
            path: prefix + path,
            headers: {
              host: 'docker',
              'user-agent': 'sindri-deploy-action',
              ...(payload !== undefined ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
            },
            // no idle keep-alive socket holds the run open
            agent: false,
          },
          onResponse,
        ),
      timeoutMs,
      () => new EngineTimeout(`no answer within ${timeoutMs} ms`),
      payload,
    );
  }
}
