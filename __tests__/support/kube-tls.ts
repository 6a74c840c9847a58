/**
 * TLS material for the stand-in API server's TLS mode (fake-kube-apiserver.ts `tls`): a cluster CA,
 * a serving certificate for 127.0.0.1 signed by it, a client certificate signed by it (the user
 * `ci-deployer` of group `ci`, as kube-apiserver reads CN and O), and a second, unrelated CA to prove
 * a wrong one is refused. Made by the real openssl, once per folder.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface KubeTls {
  ca: string;
  serverCert: string;
  serverKey: string;
  clientCert: string;
  clientKey: string;
  /** a CA that signed nothing here */
  otherCa: string;
  /** file paths of the same, for kubeconfigs that name files */
  files: Record<'ca' | 'clientCert' | 'clientKey' | 'otherCa', string>;
}

const openssl = (args: string[]) => execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] });

export function makeKubeTls(dir: string): KubeTls {
  const f = (n: string) => join(dir, n);
  const ca = (name: string, cn: string) =>
    openssl([
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      f(`${name}.key`),
      '-out',
      f(`${name}.crt`),
      '-days',
      '2',
      '-subj',
      `/CN=${cn}`,
    ]);
  ca('ca', 'kubernetes-stand-in-ca');
  ca('other-ca', 'some-other-ca');
  const leaf = (name: string, subj: string, ext: string) => {
    openssl([
      'req',
      '-new',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      f(`${name}.key`),
      '-out',
      f(`${name}.csr`),
      '-subj',
      subj,
    ]);
    writeFileSync(f(`${name}.ext`), ext);
    openssl([
      'x509',
      '-req',
      '-in',
      f(`${name}.csr`),
      '-CA',
      f('ca.crt'),
      '-CAkey',
      f('ca.key'),
      '-CAcreateserial',
      '-days',
      '2',
      '-extfile',
      f(`${name}.ext`),
      '-out',
      f(`${name}.crt`),
    ]);
  };
  leaf('server', '/CN=kube-apiserver', 'subjectAltName=IP:127.0.0.1,DNS:kubernetes.default.svc\nextendedKeyUsage=serverAuth\n');
  leaf('client', '/O=ci/CN=ci-deployer', 'extendedKeyUsage=clientAuth\n');
  const read = (n: string) => readFileSync(f(n), 'utf8');
  return {
    ca: read('ca.crt'),
    serverCert: read('server.crt'),
    serverKey: read('server.key'),
    clientCert: read('client.crt'),
    clientKey: read('client.key'),
    otherCa: read('other-ca.crt'),
    files: { ca: f('ca.crt'), clientCert: f('client.crt'), clientKey: f('client.key'), otherCa: f('other-ca.crt') },
  };
}
