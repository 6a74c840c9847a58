/**
 * The kubelet in miniature, for the stand-in API server: Pods for each ReplicaSet the controller
 * scales up, their readiness, and `kubectl exec` into them.
 * - A pod's environment is read when it starts, as a real container's is: its `env`, and every key
 *   of the Secrets its `envFrom` names, decoded. A Secret changed later does not reach a running pod.
 * - Readiness: a pod is ready once its image has "started" (`readyAfterMs`, a slow pull) and, when
 *   the container has a `readinessProbe`, once the probe passes, checked every `periodSeconds`
 *   (scaled like the progress deadline): `exec` runs its argv on this machine with the pod's
 *   environment (the image's own filesystem is this machine's), `httpGet` asks the test's HTTP server
 *   that stands for the container's port (`http` of the image's behaviour). A real kubelet keeps
 *   probing a ready pod; this one stops at the first pass. `neverReady` images never start.
 * - `kubectl exec`: kubectl 1.32 first tries WebSocket (`v5.channel.k8s.io`); the stand-in answers it
 *   (stdout on channel 1, stderr on 2, the status on 3: Success, or NonZeroExitCode with the exit
 *   code, which kubectl turns into `command terminated with exit code N`). The command runs on this
 *   machine with the pod's environment, argv as given (no shell of the stand-in's). SPDY is refused
 *   (kubectl then says so): the stand-in speaks WebSocket only.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Obj } from './kube-controller.js';

/** How the "container" of an image behaves (the stand-in has no container runtime). */
export interface PodBehaviour {
  /** never starts (a crash loop): never ready */
  neverReady?: boolean;
  /** ready only this long after the pod was made (a slow image pull) */
  readyAfterMs?: number;
  /** the base URL (`http://127.0.0.1:PORT`) answering for the container's HTTP port: what an httpGet probe asks */
  http?: string;
  /** the image's own ENV (its config), under the container's env */
  env?: Record<string, string>;
}

export interface PodState {
  key: string;
  rs: string;
  created: number;
  env: Record<string, string>;
  ready: boolean;
  probing?: boolean;
}

interface Probe {
  exec?: { command: string[] };
  httpGet?: { path?: string; port: number | string };
  periodSeconds?: number;
  timeoutSeconds?: number;
}

interface Container {
  name: string;
  image: string;
  env?: { name: string; value?: string }[];
  envFrom?: { secretRef?: { name: string } }[];
  readinessProbe?: Probe;
  ports?: { name?: string; containerPort: number }[];
}

export const containersOf = (pod: Obj): Container[] =>
  ((pod.spec as { containers?: Container[] } | undefined)?.containers ?? []) as Container[];

/** the environment a container starts with: env, then each envFrom Secret's keys (decoded) */
export function startEnv(container: Container, secret: (name: string) => Obj | undefined): Record<string, string> {
  const env: Record<string, string> = {};
  for (const from of container.envFrom ?? []) {
    const s = from.secretRef ? secret(from.secretRef.name) : undefined;
    for (const [k, v] of Object.entries((s?.data ?? {}) as Record<string, string>)) env[k] = Buffer.from(v, 'base64').toString('utf8');
  }
  for (const e of container.env ?? []) env[e.name] = e.value ?? '';
  return env;
}

/** Run argv (no shell of ours) with `env` on top of a bare PATH; at most `timeoutMs`. */
export function runIn(
  argv: readonly string[],
  env: Record<string, string>,
  timeoutMs: number,
): Promise<{ code: number; stdout: Buffer; stderr: Buffer }> {
  return new Promise((resolve) => {
    const child = spawn(argv[0]!, argv.slice(1), {
      env: { PATH: '/usr/local/bin:/usr/bin:/bin', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      resolve({ code: 126, stdout: Buffer.alloc(0), stderr: Buffer.from(String(e.message)) });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? 137, stdout: Buffer.concat(out), stderr: Buffer.concat(err) });
    });
  });
}

/** One readiness probe attempt, as the kubelet makes it (HTTP: 200 ≤ status < 400). */
export async function probeOnce(
  probe: Probe,
  container: Container,
  env: Record<string, string>,
  behaviour: PodBehaviour,
): Promise<boolean> {
  const timeoutMs = (probe.timeoutSeconds ?? 1) * 1000;
  if (probe.exec) return (await runIn(probe.exec.command, env, Math.max(timeoutMs, 2000))).code === 0;
  if (probe.httpGet) {
    const port = probe.httpGet.port;
    const declared = container.ports?.some((p) => p.containerPort === port || p.name === port);
    if (!declared || !behaviour.http) return false;
    try {
      const r = await fetch(new URL(probe.httpGet.path ?? '/', behaviour.http), {
        redirect: 'manual',
        headers: { 'user-agent': 'kube-probe/1.32' }, // what a 1.32 kubelet sends
        signal: AbortSignal.timeout(Math.max(timeoutMs, 2000)),
      });
      return r.status >= 200 && r.status < 400;
    } catch {
      return false;
    }
  }
  return true;
}

// ---- kubectl exec over WebSocket --------------------------------------------------------------

const WS_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

function frame(opcode: number, payload: Buffer): Buffer {
  const len = payload.length;
  const head =
    len < 126
      ? Buffer.from([0x80 | opcode, len])
      : len < 65536
        ? Buffer.from([0x80 | opcode, 126, len >> 8, len & 0xff])
        : Buffer.concat([
            Buffer.from([0x80 | opcode, 127]),
            (() => {
              const b = Buffer.alloc(8);
              b.writeBigUInt64BE(BigInt(len));
              return b;
            })(),
          ]);
  return Buffer.concat([head, payload]);
}

const channel = (n: number, data: Buffer): Buffer => frame(0x2, Buffer.concat([Buffer.from([n]), data]));

/**
 * `GET …/pods/<pod>/exec?command=…&container=…` with `Upgrade: websocket`: run the command in the pod,
 * answer in v5.channel.k8s.io frames. `find` gives the pod's state and container, or a refusal text.
 */
export function serveExec(
  req: IncomingMessage,
  socket: Duplex,
  find: (namespace: string, pod: string, container: string) => { env: Record<string, string> } | string,
): void {
  const u = new URL(req.url ?? '/', 'http://x');
  const m = /^\/api\/v1\/namespaces\/([^/]+)\/pods\/([^/]+)\/exec$/.exec(u.pathname);
  const key = req.headers['sec-websocket-key'];
  if (!m || typeof key !== 'string' || (req.headers.upgrade ?? '').toLowerCase() !== 'websocket') {
    socket.end('HTTP/1.1 400 Bad Request\r\ncontent-type: text/plain\r\n\r\nthe stand-in answers exec over WebSocket only\n');
    return;
  }
  const command = u.searchParams.getAll('command');
  const container = u.searchParams.get('container') ?? '';
  const found = find(m[1]!, m[2]!, container);
  if (typeof found === 'string') {
    const body = JSON.stringify({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: found,
      reason: 'BadRequest',
      code: 400,
    });
    socket.end(`HTTP/1.1 400 Bad Request\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    return;
  }
  const accept = createHash('sha1')
    .update(key + WS_GUID)
    .digest('base64');
  socket.write(
    'HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
      `Sec-WebSocket-Accept: ${accept}\r\nSec-WebSocket-Protocol: v5.channel.k8s.io\r\n\r\n`,
  );
  socket.on('data', () => {}); // the client's frames (stdin, close): nothing to read for a command without stdin
  socket.on('error', () => {});
  void runIn(command, found.env, 60_000).then(({ code, stdout, stderr }) => {
    if (stdout.length) socket.write(channel(1, stdout));
    if (stderr.length) socket.write(channel(2, stderr));
    const status =
      code === 0
        ? { metadata: {}, status: 'Success' }
        : {
            metadata: {},
            status: 'Failure',
            message: `command terminated with non-zero exit code: error executing command [${command.join(' ')}], exit code ${code}`,
            reason: 'NonZeroExitCode',
            details: { causes: [{ reason: 'ExitCode', message: String(code) }] },
          };
    socket.write(channel(3, Buffer.from(JSON.stringify(status))));
    socket.end(frame(0x8, Buffer.from([0x03, 0xe8])));
  });
}
