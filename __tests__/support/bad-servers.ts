/**
 * Loopback servers that misbehave the way real registries and proxies do, for the bad-input suite
 * (issue 14): one that accepts connections and never answers, one whose port refuses, one that
 * answers 500 to everything, one that answers garbage (HTML, non-JSON tag lists). Each listens on
 * 127.0.0.1 port 0 and counts the requests it saw.
 */
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';

export interface BadServer {
  /** `127.0.0.1:<port>` */
  host: string;
  requests: number;
  close(): Promise<void>;
}

export type Behaviour = 'hang' | 'status-500' | 'html' | 'garbage-json' | 'null-json' | 'no-challenge-401' | 'bad-realm';

/** An HTTP server with one behaviour for every request. */
export async function badServer(behaviour: Behaviour): Promise<BadServer> {
  const sockets = new Set<net.Socket>();
  const state = { requests: 0 };
  const server = http.createServer((req, res) => {
    state.requests++;
    switch (behaviour) {
      case 'hang':
        return; // accepted, read, never answered
      case 'status-500':
        res.writeHead(500, { 'content-type': 'text/plain' }).end('internal server error');
        return;
      case 'html':
        res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>Welcome to nginx!</body></html>');
        return;
      case 'garbage-json':
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"name":"x","tags":[1,2,{"a":null}]}');
        return;
      case 'null-json':
        res.writeHead(200, { 'content-type': 'application/json' }).end('null');
        return;
      case 'no-challenge-401':
        res
          .writeHead(401, { 'content-type': 'application/json' })
          .end('{"errors":[{"code":"UNAUTHORIZED","message":"authentication required"}]}');
        return;
      case 'bad-realm':
        res
          .writeHead(401, { 'www-authenticate': 'Bearer realm="not a url",service="x"', 'content-type': 'application/json' })
          .end('{"errors":[{"code":"UNAUTHORIZED"}]}');
        return;
    }
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    host: `127.0.0.1:${port}`,
    get requests() {
      return state.requests;
    },
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

/** A TCP server that accepts and says nothing at all (not even TLS or HTTP): a stuck proxy. */
export async function silentTcp(): Promise<BadServer> {
  const sockets = new Set<net.Socket>();
  const state = { requests: 0 };
  const server = net.createServer((s) => {
    state.requests++;
    sockets.add(s);
    s.on('error', () => undefined);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    host: `127.0.0.1:${port}`,
    get requests() {
      return state.requests;
    },
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

/** A loopback port nobody listens on: bound once to learn a free number, then closed. */
export async function refusedPort(): Promise<string> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((r) => server.close(() => r()));
  return `127.0.0.1:${port}`;
}
