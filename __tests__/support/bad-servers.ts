/**
 * Loopback servers that misbehave the way real registries and proxies do, for the bad-input suite
 * (issue 14): one that accepts connections and never answers, one whose port refuses, one that
 * answers 500 to everything, one that answers garbage (HTML, non-JSON tag lists), and ones that
 * stream a body that never ends (issue 20: a tag list, a manifest error, a token answer). Each listens
 * on 127.0.0.1 port 0 and counts the requests it saw and the body bytes it wrote.
 */
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';

export interface BadServer {
  /** `127.0.0.1:<port>` */
  host: string;
  requests: number;
  /** body bytes written by the endless behaviours (the client's reading stops them) */
  bytesSent: number;
  close(): Promise<void>;
}

export type Behaviour =
  | 'hang'
  | 'status-500'
  | 'html'
  | 'garbage-json'
  | 'null-json'
  | 'no-challenge-401'
  | 'bad-realm'
  /** 200 to every GET with a tag list that never ends: `{"name":"app","tags":["aaaa…","aaaa…",…` */
  | 'endless-tags'
  /** 404 to every request; a GET's error body never ends (the client asks for the error code after a HEAD) */
  | 'endless-error'
  /** a Bearer challenge whose realm (this server's /token) answers 200 with a body that never ends */
  | 'endless-token';

/** 64 KiB of `"aaa…a",` entries */
const ENDLESS_CHUNK = Buffer.from(`"${'a'.repeat(62)}",`.repeat(1024));

/** Write `head`, then ENDLESS_CHUNK for as long as the client reads, honouring back-pressure. */
function endless(res: http.ServerResponse, status: number, head: string, state: { bytesSent: number }): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.write(head);
  const pump = () => {
    while (!res.destroyed) {
      state.bytesSent += ENDLESS_CHUNK.length;
      if (!res.write(ENDLESS_CHUNK)) {
        res.once('drain', pump);
        return;
      }
    }
  };
  res.on('error', () => undefined);
  pump();
}

/** An HTTP server with one behaviour for every request. */
export async function badServer(behaviour: Behaviour): Promise<BadServer> {
  const sockets = new Set<net.Socket>();
  const state = { requests: 0, bytesSent: 0 };
  let host = '';
  const server = http.createServer((req, res) => {
    state.requests++;
    switch (behaviour) {
      case 'endless-tags':
        endless(res, 200, '{"name":"app","tags":[', state);
        return;
      case 'endless-error':
        if (req.method === 'HEAD') res.writeHead(404).end();
        else endless(res, 404, '{"errors":[{"code":"MANIFEST_UNKNOWN","message":"', state);
        return;
      case 'endless-token':
        if ((req.url ?? '').startsWith('/token')) endless(res, 200, '{"token":"', state);
        else
          res
            .writeHead(401, { 'www-authenticate': `Bearer realm="http://${host}/token",service="x"`, 'content-type': 'application/json' })
            .end('{"errors":[{"code":"UNAUTHORIZED"}]}');
        return;
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
  host = `127.0.0.1:${port}`;
  return {
    host,
    get requests() {
      return state.requests;
    },
    get bytesSent() {
      return state.bytesSent;
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
  const state = { requests: 0, bytesSent: 0 };
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
    bytesSent: 0,
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
