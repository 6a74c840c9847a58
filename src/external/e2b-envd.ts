/**
 * A command inside an E2B sandbox, the way the E2B SDK runs one (`sandbox.commands.run`): envd's
 * process service in the sandbox, `POST /process.Process/Start` over the Connect protocol with its
 * JSON codec (a server stream of envelopes: 1 flag byte, a 4-byte big-endian length, a JSON message).
 * The command is ONE argument of `/bin/sh -c`, never a shell of ours. envd wants the sandbox's
 * `envdAccessToken` (sandboxes we start are `secure`) in `X-Access-Token`.
 *
 * Where envd is (as the SDK finds it): `E2B_SANDBOX_URL` when set; `http://localhost:49983` with
 * `E2B_DEBUG=true`; for E2B's own domains the shared host `https://sandbox.<domain>` (the sandbox and
 * port in headers); else `https://49983-<sandbox>.<domain>`. `domain` comes from the sandbox start or
 * connect answer, else `E2B_DOMAIN`, else `e2b.app`.
 */
import { debug, redact } from '../runner.js';

export const ENVD_PORT = 49983;
const SHARED_HOST_DOMAINS = new Set(['e2b.app', 'e2b.dev', 'e2b.pro', 'e2b-staging.dev']);

/** What envd needs to know about a sandbox: its id, token and domain (from `POST /sandboxes` or `/connect`). */
export interface SandboxAccess {
  sandboxID: string;
  envdAccessToken?: string;
  domain?: string | null;
}

export interface SandboxCommandResult {
  code: number;
  stdout: string;
  stderr: string;
  timedOut?: boolean;
}

export function envdUrl(access: SandboxAccess, env: NodeJS.ProcessEnv = process.env): string {
  if (env.E2B_SANDBOX_URL) return env.E2B_SANDBOX_URL.replace(/\/+$/, '');
  if (env.E2B_DEBUG === 'true') return `http://localhost:${ENVD_PORT}`;
  const domain = access.domain || env.E2B_DOMAIN || 'e2b.app';
  return SHARED_HOST_DOMAINS.has(domain) ? `https://sandbox.${domain}` : `https://${ENVD_PORT}-${access.sandboxID}.${domain}`;
}

/** One Connect envelope: flag, big-endian length, the JSON message. */
export function envelope(message: unknown, flag = 0): Buffer {
  const body = Buffer.from(JSON.stringify(message));
  const head = Buffer.alloc(5);
  head[0] = flag;
  head.writeUInt32BE(body.length, 1);
  return Buffer.concat([head, body]);
}

/** The envelopes in a buffer, and what is left of an incomplete one. */
export function readEnvelopes(buffer: Buffer): { messages: { flag: number; message: unknown }[]; rest: Buffer } {
  const messages: { flag: number; message: unknown }[] = [];
  let at = 0;
  while (buffer.length - at >= 5) {
    const length = buffer.readUInt32BE(at + 1);
    if (buffer.length - at - 5 < length) break;
    const text = buffer.subarray(at + 5, at + 5 + length).toString('utf8');
    messages.push({ flag: buffer[at]!, message: text ? (JSON.parse(text) as unknown) : {} });
    at += 5 + length;
  }
  return { messages, rest: buffer.subarray(at) };
}

interface StartEvent {
  event?: {
    data?: { stdout?: string; stderr?: string };
    end?: { exitCode?: number; exited?: boolean; status?: string; error?: string };
  };
  error?: { code?: string; message?: string };
}

/** Output kept per stream: the check keeps only the last line anyway. */
const KEEP = 64 * 1024;
const keepTail = (s: string) => (s.length > KEEP ? s.slice(-KEEP) : s);

/**
 * Run `command` by `/bin/sh -c` in the sandbox, at most `timeoutMs`. Never throws: a non-zero exit, a
 * refused or broken connection, envd's own error are all a result with a non-zero code and the reason
 * in `stderr` (the health check retries, then reports the last one).
 */
export async function runInSandbox(access: SandboxAccess, command: string, timeoutMs: number): Promise<SandboxCommandResult> {
  const url = `${envdUrl(access)}/process.Process/Start`;
  const headers: Record<string, string> = {
    'content-type': 'application/connect+json',
    'connect-protocol-version': '1',
    'e2b-sandbox-id': access.sandboxID,
    'e2b-sandbox-port': String(ENVD_PORT),
    'keepalive-ping-interval': '50',
  };
  if (access.envdAccessToken) headers['x-access-token'] = access.envdAccessToken;
  const body = envelope({ process: { cmd: '/bin/sh', args: ['-c', command] }, stdin: false });
  let stdout = '';
  let stderr = '';
  const signal = AbortSignal.timeout(Math.max(1, timeoutMs));
  try {
    const res = await fetch(url, { method: 'POST', headers, body, signal });
    if (!res.ok || !res.body) {
      const text = redact((await res.text()).trim()).slice(0, 300);
      return { code: 255, stdout, stderr: `envd answered ${res.status}: ${text}` };
    }
    let pending: Buffer = Buffer.alloc(0);
    for await (const chunk of res.body as AsyncIterable<Uint8Array>) {
      const read = readEnvelopes(Buffer.concat([pending, Buffer.from(chunk)]));
      pending = read.rest;
      for (const { flag, message } of read.messages) {
        const m = message as StartEvent;
        if (flag & 2) {
          // end of stream: `{}`, or envd's error
          if (m.error) return { code: 255, stdout, stderr: `${stderr}envd: ${m.error.code ?? ''} ${m.error.message ?? ''}`.trim() };
          continue;
        }
        const data = m.event?.data;
        if (data?.stdout) stdout = keepTail(stdout + Buffer.from(data.stdout, 'base64').toString('utf8'));
        if (data?.stderr) stderr = keepTail(stderr + Buffer.from(data.stderr, 'base64').toString('utf8'));
        const end = m.event?.end;
        if (end) {
          debug(`envd: ${access.sandboxID}: ${end.status ?? ''}`);
          return { code: end.exitCode ?? (end.exited ? 0 : 255), stdout, stderr: end.error ? `${stderr}${end.error}` : stderr };
        }
      }
    }
    return { code: 255, stdout, stderr: `${stderr}envd ended the stream without the command's end` };
  } catch (e) {
    if (signal.aborted) return { code: 255, stdout, stderr, timedOut: true };
    return { code: 255, stdout, stderr: `envd at ${url}: ${(e as Error).message}` };
  }
}
