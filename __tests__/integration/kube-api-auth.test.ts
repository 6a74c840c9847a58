/**
 * CONTRACT: the in-process reads of live objects (src/external/kube-api.ts, ADR 0047) against the
 * stand-in API server in its TLS mode — real TLS, a client CA and token authentication as
 * kube-apiserver does them (401 otherwise) — with kubeconfigs as kubectl resolves them; and the
 * fallback to the pinned REAL kubectl for what the action does not speak (an exec plugin).
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KubeClient, resolveKubeApi } from '../../src/external/kube-api.js';
import { Kubectl } from '../../src/external/kubectl.js';
import { FakeKubeApiServer } from '../support/fake-kube-apiserver.js';
import { kubectlPath, testKubectl } from '../support/kube-cluster.js';
import { runAction } from '../support/action.js';
import { makeKubeTls, type KubeTls } from '../support/kube-tls.js';
import { newExec } from '../support/exec.js';

let dir: string;
let tls: KubeTls;
let api: FakeKubeApiServer;
const TOKEN = 'ci-token-0123456789abcdef';
const target = { namespace: 'default' };
const REFS = ['namespace/kube-system', 'secret/app-key', 'deployment/not-there'];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sindri-kube-api-'));
  tls = makeKubeTls(dir);
  api = new FakeKubeApiServer({ tls, tokens: { [TOKEN]: 'ci-deployer' } });
  await api.start();
  // one namespaced object, written through the real kubectl with the client certificate
  api.writeKubeconfig(join(dir, 'admin'), ['admin']);
  const exec = newExec();
  const secret = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'app-key' }, data: { salt: Buffer.from('s').toString('base64') } };
  const r = await exec.run(
    testKubectl(),
    ['--namespace', 'default', 'apply', '--server-side', '--field-manager', 'contract-test', '--filename', '-'],
    {
      env: { KUBECONFIG: join(dir, 'admin'), HOME: dir },
      input: JSON.stringify(secret),
      allowFailure: true,
    },
  );
  expect(r.stderr).toBe('');
});
afterAll(async () => {
  await api?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** a kubeconfig file of one context `ci` on the TLS stand-in */
function kubeconfig(name: string, user: Record<string, unknown>, cluster: Record<string, unknown> = {}, context = 'ci'): string {
  const path = join(dir, name);
  writeFileSync(
    path,
    stringify({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [
        { name: 'c', cluster: { server: api.url, 'certificate-authority-data': Buffer.from(tls.ca).toString('base64'), ...cluster } },
      ],
      users: [{ name: 'u', user }],
      contexts: [{ name: context, context: { cluster: 'c', user: 'u' } }],
      'current-context': context,
    }),
    { mode: 0o600 },
  );
  return path;
}

/** a reader over `KUBECONFIG=files`, with the kubectl processes it started and its log */
function reader(files: string[]) {
  const exec = newExec();
  const lines: string[] = [];
  const env = { HOME: dir, KUBECONFIG: files.join(':') };
  const r = new KubeClient(new Kubectl(exec, dir, testKubectl()), env, dir, (l) => lines.push(l));
  return { r, exec, lines, env };
}

describe('in-process reads of live objects (contract: TLS stand-in API server)', () => {
  it('a bearer token: the objects that exist, in order, with no kubectl process', async () => {
    const { r, exec, lines } = reader([kubeconfig('token', { token: TOKEN })]);
    const from = api.authenticated.length;
    const got = await r.getAllowed(target, REFS, 10_000);
    expect(got.failed).toBeUndefined();
    expect(got.forbidden).toEqual([]);
    expect(got.objects.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual(['Namespace/kube-system', 'Secret/app-key']);
    expect(Buffer.from(got.objects[1]!.data!.salt!, 'base64').toString()).toBe('s');
    expect(api.authenticated.slice(from)).toEqual(['token:ci-deployer', 'token:ci-deployer', 'token:ci-deployer']);
    expect(exec.history).toEqual([]);
    expect(lines.join('\n')).toContain("in-process, with the kubeconfig's token (no kubectl process)");
    expect(lines.join('\n')).not.toContain(TOKEN);
  });

  it('a tokenFile and a client certificate named by relative paths: resolved against the kubeconfig file, as kubectl does', async () => {
    writeFileSync(join(dir, 'token.txt'), `${TOKEN}\n`);
    const byFile = reader([kubeconfig('token-file', { tokenFile: 'token.txt' })]);
    const from = api.authenticated.length;
    expect((await byFile.r.getAllowed(target, ['namespace/kube-system'], 10_000)).objects).toHaveLength(1);
    const cert = reader([
      kubeconfig(
        'cert',
        { 'client-certificate': 'client.crt', 'client-key': 'client.key' },
        { 'certificate-authority': 'ca.crt', 'certificate-authority-data': undefined },
      ),
    ]);
    expect((await cert.r.getAllowed(target, ['secret/app-key'], 10_000)).objects).toHaveLength(1);
    expect(api.authenticated.slice(from)).toEqual(['token:ci-deployer', 'x509:ci-deployer']);
    expect([...byFile.exec.history, ...cert.exec.history]).toEqual([]);
  });

  it('a server certificate from another CA is refused before any request, and the reason says so', async () => {
    const { r } = reader([
      kubeconfig('wrong-ca', { token: TOKEN }, { 'certificate-authority-data': Buffer.from(tls.otherCa).toString('base64') }),
    ]);
    const seen = api.requests.length;
    const got = await r.getAllowed(target, REFS, 10_000);
    expect(got.objects).toEqual([]);
    expect(got.failed).toMatch(/^Unable to connect to the server: .*certificate/);
    expect(api.requests.length).toBe(seen);
  });

  it('a token the server does not know: Unauthorized, as kubectl words it', async () => {
    const { r } = reader([kubeconfig('bad-token', { token: 'not-a-token' })]);
    const got = await r.getAllowed(target, REFS, 10_000);
    expect(got).toEqual({ objects: [], forbidden: [], failed: 'error: You must be logged in to the server (Unauthorized)' });
  });

  it('a list by label (the env Secrets a deploy prunes): in-process, the same lines as the real kubectl --output name; a selector the server refuses fails both alike', async () => {
    // three env Secrets of one app and one of another, written through the real kubectl
    const role = 'deploy.sindri.dev/role';
    const version = 'deploy.sindri.dev/version';
    const secrets = [
      ['web-env-aaaaaaaaaa', 'web', 'aaaaaaaaaa'],
      ['web-env-bbbbbbbbbb', 'web', 'bbbbbbbbbb'],
      ['web-env-cccccccccc', 'web', 'cccccccccc'],
      ['api-env-dddddddddd', 'api', 'dddddddddd'],
    ].map(([name, app, v]) => ({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name, labels: { 'app.kubernetes.io/instance': app!, [role]: 'env', [version]: v! } },
    }));
    const admin = newExec();
    const applied = await admin.run(
      testKubectl(),
      ['--namespace', 'default', 'apply', '--server-side', '--field-manager', 'contract-test', '--filename', '-'],
      {
        env: { KUBECONFIG: join(dir, 'admin'), HOME: dir },
        input: JSON.stringify({ apiVersion: 'v1', kind: 'List', items: secrets }),
        allowFailure: true,
      },
    );
    expect(applied.stderr).toBe('');
    // what envPruneSelector builds: kubectl sends it as written, set-based term and all
    const selector = `app.kubernetes.io/instance=web,${role}=env,${version} notin (bbbbbbbbbb,cccccccccc)`;
    const { r, exec, lines } = reader([kubeconfig('list', { token: TOKEN })]);
    const from = api.requests.length;
    expect(await r.listByLabel(target, 'secret', selector, 10_000)).toEqual(['secret/web-env-aaaaaaaaaa']);
    expect(exec.history).toEqual([]);
    expect(lines.join('\n')).toContain("in-process, with the kubeconfig's token (no kubectl process)");
    const sent = api.requests.slice(from);
    expect(sent.map((q) => `${q.method} ${q.path}`)).toEqual(['GET /api/v1/namespaces/default/secrets']);
    expect(new URLSearchParams(sent[0]!.query).get('labelSelector')).toBe(selector);
    // the real kubectl, same credentials, same selector: the same lines
    const kubectl = new Kubectl(newExec(), dir, testKubectl());
    const env = { HOME: dir, KUBECONFIG: join(dir, 'list') };
    const before = { ...process.env };
    Object.assign(process.env, env);
    try {
      expect(await kubectl.listByLabel(target, ['secrets'], selector, 30_000)).toEqual(['secret/web-env-aaaaaaaaaa']);
      expect(await kubectl.listByLabel(target, ['secrets'], `${role}=env`, 30_000)).toEqual(
        await r.listByLabel(target, 'secret', `${role}=env`, 10_000),
      );
      // a selector the server refuses (an empty set): 400 BadRequest to kubectl and to us, never an empty list
      const bad = `${version} notin ()`;
      await expect(kubectl.listByLabel(target, ['secrets'], bad, 30_000)).rejects.toThrow(/values set can't be empty/);
      await expect(r.listByLabel(target, 'secret', bad, 10_000)).rejects.toThrow(
        /could not be listed: Error from server \(BadRequest\): .*values set can't be empty/,
      );
    } finally {
      for (const k of Object.keys(env)) {
        if (before[k] === undefined) delete process.env[k];
        else process.env[k] = before[k];
      }
    }
  });

  it('an exec plugin: read through the real kubectl, which runs the plugin and sends its token', async () => {
    const plugin = join(dir, 'credential-plugin');
    const credential = { apiVersion: 'client.authentication.k8s.io/v1', kind: 'ExecCredential', status: { token: TOKEN } };
    writeFileSync(plugin, `#!/bin/sh\necho '${JSON.stringify(credential)}'\n`);
    chmodSync(plugin, 0o755);
    const files = [
      kubeconfig('exec', { exec: { apiVersion: 'client.authentication.k8s.io/v1', command: plugin, interactiveMode: 'Never' } }),
    ];
    const { r, exec, lines, env } = reader(files);
    expect(resolveKubeApi(env, dir)).toEqual({ ok: false, reason: 'user exec' });
    const before = process.env.KUBECONFIG;
    process.env.KUBECONFIG = files.join(':');
    try {
      const from = api.authenticated.length;
      const got = await r.getAllowed(target, REFS, 30_000);
      expect(got.objects.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual(['Namespace/kube-system', 'Secret/app-key']);
      expect(exec.history.map((h) => h.argv.slice(1, 5))).toEqual([['--namespace', 'default', 'get', 'namespace/kube-system']]);
      expect(api.authenticated.slice(from)).toContain('token:ci-deployer');
      expect(lines.join('\n')).toContain('reading through kubectl (kubeconfig: user exec');
    } finally {
      if (before === undefined) delete process.env.KUBECONFIG;
      else process.env.KUBECONFIG = before;
    }
  });

  it('KUBECONFIG merge order: the first file to name a context, cluster or user wins, whole; current-context from the first that sets one', async () => {
    const first = kubeconfig(
      'first',
      { token: TOKEN },
      { 'certificate-authority-data': Buffer.from(tls.otherCa).toString('base64') },
      'other',
    );
    const second = kubeconfig('second', { token: 'not-a-token' }, {}, 'ci');
    // `first` names cluster c (wrong CA) and user u (good token) first; its current-context `other` wins
    const resolved = resolveKubeApi({ HOME: dir, KUBECONFIG: `${first}:${second}` }, dir);
    expect(resolved.ok && resolved.context).toBe('other');
    expect(resolved.ok && resolved.credentials.ca?.toString()).toBe(tls.otherCa);
    expect(resolved.ok && resolved.credentials.authorization).toBe(`Bearer ${TOKEN}`);
    // a context named only in the second file still uses the first file's cluster and user
    const ci = resolveKubeApi({ HOME: dir, KUBECONFIG: `${first}:${second}` }, dir, 'ci');
    expect(ci.ok && ci.credentials.ca?.toString()).toBe(tls.otherCa);
  });

  it('what it does not speak is named, never guessed: auth-provider, proxy-url, impersonation, a proxy, no CA', () => {
    const cases: [Record<string, unknown>, Record<string, unknown>, NodeJS.ProcessEnv, string][] = [
      [{ 'auth-provider': { name: 'oidc' } }, {}, {}, 'user auth-provider'],
      [{ token: TOKEN, as: 'someone' }, {}, {}, 'user as'],
      [{ token: TOKEN }, { 'proxy-url': 'http://127.0.0.1:3128' }, {}, 'cluster proxy-url'],
      [{ token: TOKEN }, { 'certificate-authority-data': undefined }, {}, 'no certificate authority (system roots)'],
      [{ token: TOKEN, username: 'a', password: 'b' }, {}, {}, 'both a token and basic auth'],
    ];
    for (const [user, cluster, extra, reason] of cases) {
      const file = kubeconfig('case', user, cluster);
      expect(resolveKubeApi({ HOME: dir, KUBECONFIG: file, ...extra }, dir)).toEqual({ ok: false, reason });
    }
    const remote = kubeconfig('remote', { token: TOKEN }, { server: 'https://k8s.example.test:6443' });
    expect(resolveKubeApi({ HOME: dir, KUBECONFIG: remote, HTTPS_PROXY: 'http://proxy:3128' }, dir)).toEqual({
      ok: false,
      reason: 'a proxy in the environment',
    });
    expect(resolveKubeApi({ HOME: join(dir, 'nowhere') }, dir)).toEqual({
      ok: false,
      reason: 'no kubeconfig file (in-cluster config is kubectl’s)',
    });
  });
});

describe('a deploy through the action (dist) against the TLS stand-in (contract)', () => {
  it('the reads, the apply and the rollout watch are in-process with the client certificate (ADR 0047, 0052): no kubectl process after the install step’s probe', async () => {
    const work = mkdtempSync(join(dir, 'deploy-'));
    const repo = '127.0.0.1:5000/tls/app';
    const digest = `sha256:${'d'.repeat(64)}`;
    writeFileSync(
      join(work, 'sindri.yaml'),
      stringify({
        version: '3.0',
        name: 'tls',
        deployment: { provider: 'kubernetes', image: `${repo}@${digest}` },
        extensions: { profile: 'minimal' },
        providers: { kubernetes: { namespace: 'tls' } },
      }),
    );
    api.writeKubeconfig(join(work, 'kubeconfig'), ['ci']);
    mkdirSync(join(work, 'docker'));
    const from = api.authenticated.length;
    const handshakes = api.connections;
    const requests = api.requests.length;
    const r = await runAction({
      inputs: { image: repo, 'image-digest': digest, 'pin-digest': 'false', timeout: '2m' },
      cwd: work,
      node: '24',
      env: {
        KUBECONFIG: join(work, 'kubeconfig'),
        KUBECACHEDIR: join(work, 'cache'),
        DOCKER_CONFIG: join(work, 'docker'),
        PATH: kubectlPath(),
      },
      timeoutMs: 180_000,
    });
    expect(r.code, r.stdout).toBe(0);
    expect(r.outputs.skipped).toBe('false');
    const kubectlLines = r.stdout.split('\n').filter((l) => /^\$ \S*kubectl /.test(l));
    expect(kubectlLines.map((l) => l.split(' ').slice(-3).join(' '))).toEqual([`${testKubectl()} version --client`]);
    for (const what of ['reading ', 'applying 4 objects ', 'watching the rollout of deployment/tls '])
      expect(r.stdout).toMatch(new RegExp(`${what}.* in-process.* with the kubeconfig's client certificate \\(no kubectl process\\)`));
    expect(r.stdout).toContain('deployment.apps/tls serverside-applied');
    expect(r.stdout).toContain('deployment "tls" successfully rolled out');
    // the connections are kept alive for the run: a TLS handshake per parallel stream, not per request
    const made = api.connections - handshakes;
    const asked = api.requests.length - requests;
    expect(asked).toBeGreaterThan(10);
    expect(made).toBeLessThanOrEqual(Math.ceil(asked / 2));
    // every request was authenticated by the client certificate
    const seen = api.authenticated.slice(from);
    expect(seen.length).toBeGreaterThan(3);
    expect(new Set(seen)).toEqual(new Set(['x509:ci-deployer']));
    expect(api.get('deployments', 'tls', 'tls')).toBeDefined();
  }, 180_000);
});
