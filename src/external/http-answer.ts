/**
 * One in-process HTTP request read whole (issue 25): the Docker Engine API (docker-engine.ts) and
 * Fly's APIs (fly-api.ts) send theirs through it. The caller starts the request with its own
 * node:http or node:https `request` (imported on first use, ADR 0049); this collects the answer and
 * stops the whole request, not only an idle socket, after `timeoutMs`, as exec stops a command that
 * runs too long, with the caller's own timeout error.
 */
import type { ClientRequest, IncomingMessage } from 'node:http';

export interface HttpAnswer {
  status: number;
  body: string;
}

export function readAnswer(
  start: (onResponse: (res: IncomingMessage) => void) => ClientRequest,
  timeoutMs: number,
  timedOut: () => Error,
  body?: string,
): Promise<HttpAnswer> {
  return new Promise<HttpAnswer>((resolve, reject) => {
    const req = start((res) => {
      const chunks: Buffer[] = [];
      res.on('data', (d: Buffer) => chunks.push(d));
      res.on('end', () => {
        clearTimeout(timer);
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') });
      });
      res.on('error', (e) => {
        clearTimeout(timer);
        reject(e);
      });
    });
    const timer = setTimeout(() => req.destroy(timedOut()), timeoutMs);
    req.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    req.end(body);
  });
}
