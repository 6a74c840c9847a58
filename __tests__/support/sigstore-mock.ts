/**
 * Keyless Sigstore, offline: @sigstore/mock's Fulcio (a CA with a CT log) and Rekor served on a
 * loopback port, and the `sigstore` library signing through them, so a test holds a real keyless
 * bundle (a Fulcio certificate whose URI SAN is the workflow identity, its issuer extension, an SCT,
 * a Rekor entry with its inclusion promise) and the PEMs to make a trusted root from
 * (`cosign trusted-root create`). The OIDC token is an unsigned JWT: the mock Fulcio reads its claims
 * (`sub` becomes the SAN, `iss` the issuer extension) without checking a signature.
 */
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  fulcioHandler,
  initializeCA,
  initializeCTLog,
  initializeTLog,
  initializeTSA,
  rekorHandler,
  tsaHandler,
  type HandlerFn,
} from '@sigstore/mock';
import { attest } from 'sigstore';

export interface MockSigstore {
  /**
   * A DSSE bundle (JSON) of an in-toto statement, signed keyless as `identity` from `issuer`: with a
   * Rekor entry, or (`timestamped`) with an RFC 3161 timestamp and no log entry, as GitHub's own
   * Sigstore instance signs private repositories' attestations.
   */
  attest(statement: object, identity: string, issuer: string, timestamped?: boolean): Promise<Record<string, unknown>>;
  /** the Fulcio root certificate, the CT log's and Rekor's public keys, the TSA's chain (PEM), for `cosign trusted-root create` */
  pems: { root: string; ctlog: string; rekor: string; tsa: string };
  close(): Promise<void>;
}

const pem = (der: ArrayBufferView | Buffer, label: string) =>
  `-----BEGIN ${label}-----\n${Buffer.from(der.buffer, der.byteOffset, der.byteLength)
    .toString('base64')
    .match(/.{1,64}/g)!
    .join('\n')}\n-----END ${label}-----\n`;

export async function startMockSigstore(): Promise<MockSigstore> {
  const keyPair = () => generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const ctlog = await initializeCTLog(keyPair());
  const ca = await initializeCA(keyPair(), ctlog);
  const handlers = new Map<string, HandlerFn>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const fn = req.method === 'POST' ? handlers.get(req.url ?? '') : undefined;
      if (!fn) {
        res.writeHead(404).end();
        return;
      }
      void fn(Buffer.concat(chunks).toString('utf8')).then((r) => {
        res.writeHead(r.statusCode, { 'content-type': r.contentType ?? 'application/json' });
        res.end(r.response);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const tlog = await initializeTLog(url, keyPair());
  const tsa = await initializeTSA(keyPair());
  for (const h of [fulcioHandler(ca), rekorHandler(tlog), tsaHandler(tsa)]) handlers.set(h.path, h.fn);
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return {
    async attest(statement, identity, issuer, timestamped = false) {
      const now = Math.floor(Date.now() / 1000);
      const token = `${b64({ alg: 'ES256', typ: 'JWT' })}.${b64({ iss: issuer, sub: identity, aud: 'sigstore', iat: now, exp: now + 600 })}.bm90LXNpZ25lZA`;
      const bundle = await attest(Buffer.from(JSON.stringify(statement)), 'application/vnd.in-toto+json', {
        fulcioURL: url,
        identityToken: token,
        ...(timestamped ? { tsaServerURL: url, tlogUpload: false } : { rekorURL: url }),
      });
      return bundle as unknown as Record<string, unknown>;
    },
    pems: {
      root: pem(ca.rootCertificate, 'CERTIFICATE'),
      ctlog: pem(ctlog.publicKey, 'PUBLIC KEY'),
      rekor: pem(tlog.publicKey, 'PUBLIC KEY'),
      tsa: pem(tsa.intCertificate, 'CERTIFICATE') + pem(tsa.rootCertificate, 'CERTIFICATE'),
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
