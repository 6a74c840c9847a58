/**
 * Issue 24 on Kubernetes through the action (`node dist/index.js`), CONTRACT: the pinned real kubectl
 * against the loopback API server of support/kube-cluster.ts, the GitHub API stand-in, a real image
 * in the real registry. Previews deployed with name-suffix pr-<n> carry the run's trace as
 * annotations and their suffix as a label (read back through the API); `mode: sweep` removes the
 * objects of the closed pull request's preview and leaves the open one and the live one.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAction, type NodeMajor } from '../support/action.js';
import { cleanup, imagesOf, pushTestBase, REGISTRY, removeLabelledImages, requireServices, uniqueName } from '../support/docker.js';
import { GitHubApiStandIn } from '../support/github-api.js';
import { kubeCluster, kubectlPath } from '../support/kube-cluster.js';
import { makeWorkdir } from '../support/workdir.js';

const ns = uniqueName('k8sweep');
const TOKEN = 'ghs_k8sSweepToken0123456789';
const SHA = 'a94a8fe5ccb19ba61c4c0873d391e987982fbbd3';
const api = new GitHubApiStandIn({ token: TOKEN, repository: 'octo/app' });
const cluster = kubeCluster();
const dirs: string[] = [];
let kubeDir: string;
let image: string;
const name = `${ns}-dev`;
const namespace = `sindri-${ns}`.slice(0, 63);

const config = () =>
  `version: "3.0"\nname: ${name}\ndeployment:\n  provider: kubernetes\n  image: ${image}\n  resources:\n    memory: 1GB\n    cpus: 1\n` +
  `extensions:\n  profile: minimal\nproviders:\n  kubernetes:\n    namespace: ${namespace}\n    storageClass: standard\n`;

function act(inputs: Record<string, string>, node: NodeMajor) {
  return runAction({
    inputs: { 'github-token': TOKEN, timeout: '2m', ...inputs },
    cwd: makeWorkdir('k8s-sweep-', dirs, config()),
    node,
    timeoutMs: 180_000,
    env: {
      KUBECONFIG: join(kubeDir, 'config'),
      KUBECACHEDIR: join(kubeDir, 'cache'),
      PATH: kubectlPath(),
      GITHUB_API_URL: api.url,
      GITHUB_SERVER_URL: 'https://github.example',
      GITHUB_REPOSITORY: 'octo/app',
      GITHUB_SHA: SHA,
      GITHUB_REF: 'refs/heads/main',
      GITHUB_ACTOR: 'octocat',
      GITHUB_RUN_ID: '777',
    },
  });
}

beforeAll(async () => {
  await requireServices();
  await Promise.all([cluster.start(), api.start()]);
  kubeDir = mkdtempSync(join(tmpdir(), 'k8s-sweep-kube-'));
  cluster.writeKubeconfig(join(kubeDir, 'config'), ['ci-cluster']);
  const base = await pushTestBase(`${ns}/base`, ns);
  image = `${base.repo}@${base.digest}`;
}, 240_000);

afterAll(async () => {
  await Promise.all([cluster.stop(), api.stop()]);
  await cleanup({ images: await imagesOf(`${REGISTRY}/${ns}/base`) });
  await removeLabelledImages(ns);
  for (const d of [...dirs, kubeDir]) rmSync(d, { recursive: true, force: true });
}, 120_000);

describe('contract: mode sweep on Kubernetes (real kubectl, loopback API server, GitHub API stand-in)', () => {
  it('previews carry the trace as annotations; sweep removes the closed one, keeps the open and the live one', async () => {
    for (const suffix of ['', 'pr-21', 'pr-22']) {
      const r = await act({ 'name-suffix': suffix }, '24');
      expect(r.code, r.stdout).toBe(0);
    }
    const dep = (await cluster.object('deployments', namespace, `${name}-pr-21`))!;
    expect(dep.metadata.labels?.['deploy.sindri.dev/name-suffix']).toBe('pr-21');
    expect(dep.metadata.annotations).toMatchObject({
      'deploy.sindri.dev/run-url': 'https://github.example/octo/app/actions/runs/777',
      'deploy.sindri.dev/commit': SHA,
      'deploy.sindri.dev/ref': 'refs/heads/main',
      'deploy.sindri.dev/actor': 'octocat',
      'deploy.sindri.dev/repository': 'octo/app',
      'deploy.sindri.dev/name': name,
      'deploy.sindri.dev/name-suffix': 'pr-21',
    });
    // every object of the preview carries it, the pod template does not (a new run is no rollout)
    const claim = (await cluster.object('persistentvolumeclaims', namespace, `${name}-pr-21-home`))!;
    expect(claim.metadata.annotations?.['deploy.sindri.dev/run-url']).toBe('https://github.example/octo/app/actions/runs/777');
    const template = (dep.spec as { template: { metadata: { annotations?: Record<string, string> } } }).template.metadata;
    expect(template.annotations?.['deploy.sindri.dev/run-url']).toBeUndefined();
    const live = (await cluster.object('deployments', namespace, name))!;
    expect(live.metadata.labels?.['deploy.sindri.dev/name-suffix']).toBeUndefined();

    api.addPull(21, 'closed');
    api.addPull(22, 'open');
    const r = await act({ mode: 'sweep' }, '20');
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toContain(`would remove ${name}-pr-21: pull request #21 is closed`);
    expect(r.stdout).toContain(`keep         ${name}-pr-22: pull request #22 is open: kept`);
    expect(JSON.parse(r.outputs.swept ?? '').map((s: { 'deployed-name': string }) => s['deployed-name'])).toEqual([`${name}-pr-21`]);
    expect(
      await cluster.labelled(['deployments.apps', 'services', 'persistentvolumeclaims'], `app.kubernetes.io/instance=${name}-pr-21`),
    ).toEqual([]);
    expect(await cluster.object('deployments', namespace, `${name}-pr-22`)).toBeDefined();
    expect(await cluster.object('deployments', namespace, name)).toBeDefined();
    expect(api.requests.filter((q) => q.method === 'DELETE').map((q) => q.path)).toEqual(['/repos/octo/app/environments/kubernetes-pr-21']);
  }, 600_000);
});
