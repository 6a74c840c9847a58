/** The pure parts of the GitHub integration: what is sent (deployment, statuses), the comment, the environment name. */
import { describe, expect, it } from 'vitest';
import { commentMarker, renderComment } from '../../src/github/comment.js';
import { deploymentRequest, statusRequest } from '../../src/github/deployments.js';
import { environmentName } from '../../src/naming.js';
import { Report } from '../../src/report/report.js';
import { setSecret } from '../../src/runner.js';

function result(mode: 'deploy' | 'plan' | 'destroy', extra: Partial<Report['result']> = {}): Report['result'] {
  const r = new Report(mode, { summary: false }).result;
  return {
    ...r,
    provider: 'docker',
    name: 'app',
    image: 'ghcr.io/o/app@sha256:' + 'a'.repeat(64),
    'image-digest': 'sha256:' + 'a'.repeat(64),
    'image-source': 'input-digest',
    trace: [{ rule: 1, source: 'input-digest', outcome: 'applied', reason: 'input image-digest sha256:aaa' }],
    ...extra,
  };
}

describe('environmentName', () => {
  it('the input wins; else the provider, plus -<name-suffix> for previews', () => {
    expect(environmentName('staging', 'fly', 'pr-4')).toBe('staging');
    expect(environmentName('', 'fly', 'pr-4')).toBe('fly-pr-4');
    expect(environmentName('', 'kubernetes', '')).toBe('kubernetes');
  });
});

describe('deploymentRequest / statusRequest', () => {
  it('a deployment of the commit, transient for previews, with the digest in the payload, no merge, no required contexts', () => {
    const body = deploymentRequest({
      sha: 'abc',
      environment: 'docker-pr-1',
      transient: true,
      image: 'r@sha256:1',
      digest: 'sha256:1',
      provider: 'docker',
      name: 'app',
    });
    expect(body).toMatchObject({
      ref: 'abc',
      environment: 'docker-pr-1',
      transient_environment: true,
      auto_merge: false,
      required_contexts: [],
    });
    expect(body.payload).toEqual({ image: 'r@sha256:1', digest: 'sha256:1', provider: 'docker', name: 'app' });
  });
  it('statuses leave out an empty environment_url (GitHub rejects it) and keep the log url', () => {
    expect(statusRequest('success', { environmentUrl: '', logUrl: 'https://x/run' })).toEqual({
      state: 'success',
      log_url: 'https://x/run',
    });
    expect(statusRequest('success', { environmentUrl: 'https://app', logUrl: '' })).toEqual({
      state: 'success',
      environment_url: 'https://app',
    });
  });
});

describe('renderComment', () => {
  it('starts with the hidden marker of name and environment; a matrix of environments gets one marker each', () => {
    const body = renderComment({
      result: result('deploy', { url: 'http://localhost:8080' }),
      environment: 'docker-pr-3',
      runUrl: 'https://gh/run',
      sha: 'abcdef1234',
    });
    expect(body.startsWith(commentMarker('app', 'docker-pr-3'))).toBe(true);
    expect(commentMarker('app', 'docker-pr-3')).not.toBe(commentMarker('app', 'fly-pr-3'));
    expect(body).toContain('**Deployed:**');
    expect(body).toContain('http://localhost:8080');
    expect(body).toContain('sha256:' + 'a'.repeat(64));
    expect(body).toContain('| 1 | input-digest | ✅ applied |');
    expect(body).toContain('[run](https://gh/run) for abcdef1');
  });
  it('a marker cannot be closed by an environment name', () => {
    expect(commentMarker('app', 'x --> <b>')).not.toMatch(/-->.*-->/);
  });
  it('plan: what will change; destroy: the environment is gone; failure: the error', () => {
    const plan = renderComment({
      result: result('plan', {
        plan: {
          image: 'image reg/app@sha256:1111… (rule 1 input-digest: input image-digest, pinned)',
          changes: [
            {
              action: 'update',
              resource: 'container app',
              image: { from: 'reg/app@sha256:0000', to: 'reg/app@sha256:1111' },
              line: '~ update container app (image reg/app@sha256:0000 → reg/app@sha256:1111)',
            },
          ],
          live: { known: true, reason: 'container app' },
          files: ['sindri-compose.yml'],
          commands: ['docker compose up -d'],
        },
      }),
      environment: 'docker',
      runUrl: '',
      sha: '',
    });
    // the image line and the change list first, the commands folded
    expect(plan).toContain('**Would deploy** `reg/app@sha256:1111… (rule 1 input-digest: input image-digest, pinned)`');
    expect(plan).toContain('```diff\n~ update container app (image reg/app@sha256:0000 → reg/app@sha256:1111)\n```');
    expect(plan.indexOf('```diff')).toBeLessThan(plan.indexOf('| image |'));
    expect(plan).toMatch(/<details><summary>What a deploy runs and writes<\/summary>[\s\S]*docker compose up -d[\s\S]*<\/details>/);
    const gone = renderComment({ result: result('destroy'), environment: 'docker-pr-3', runUrl: '', sha: '' });
    expect(gone).toContain('`docker-pr-3` is gone');
    const failed = renderComment({
      result: result('deploy', { error: 'compose failed. Fix: x' }),
      environment: 'docker',
      runUrl: '',
      sha: '',
    });
    expect(failed).toContain('deploy failed');
    expect(failed).toContain('compose failed. Fix: x');
  });
  it('no registered secret reaches the comment', () => {
    setSecret('sup3r-secret-value');
    const body = renderComment({
      result: result('deploy', { error: 'registry said sup3r-secret-value is wrong', url: 'https://u:sup3r-secret-value@h' }),
      environment: 'docker',
      runUrl: '',
      sha: '',
    });
    expect(body).not.toContain('sup3r-secret-value');
    expect(body).toContain('***');
  });
});

describe('githubApi', () => {
  it('gives every request its own deadline: a GitHub that never answers fails the call, it does not hang the run', async () => {
    const { createServer } = await import('node:http');
    const { githubApi } = await import('../../src/external/github.js');
    const held: import('node:http').ServerResponse[] = [];
    const server = createServer((_req, res) => held.push(res)); // never answers
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as import('node:net').AddressInfo;
    try {
      const api = githubApi('t0ken-value', { timeoutMs: 300, baseUrl: `http://127.0.0.1:${port}` });
      const started = Date.now();
      await expect(api.rest.repos.listDeployments({ owner: 'o', repo: 'r' })).rejects.toThrow(/abort|timeout/i);
      expect(Date.now() - started).toBeLessThan(5000);
      expect(held).toHaveLength(1);
    } finally {
      for (const r of held) r.destroy();
      server.close();
    }
  });

  it('refuses to run without a token, with one line that says how to fix it', async () => {
    const { githubApi } = await import('../../src/external/github.js');
    expect(() => githubApi('')).toThrow(/no GitHub token/);
  });
});
