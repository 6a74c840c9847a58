/**
 * CONTRACT positive controls for the GitHub REST API stand-in (__tests__/support/github-api.ts):
 * each wrong call fails the way api.github.com fails it (status, message, documentation_url), the
 * request bodies are checked against GitHub's OpenAPI description (github-openapi.ts, generated;
 * its shape is checked here against @octokit/openapi-types at compile time), and the action's own
 * calls (src/github through Octokit) pass, lists paginated as GitHub pages them.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { operations } from '@octokit/openapi-types';
import { afterAll, beforeAll, beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import { commentMarker, upsertComment } from '../../src/github/comment.js';
import { Deployments } from '../../src/github/deployments.js';
import { githubApi } from '../../src/external/github.js';
import { GitHubApiStandIn } from '../support/github-api.js';
import { OPENAPI_VERSION, OPERATIONS } from '../support/github-openapi.js';

const TOKEN = 'ghs_standInToken0123456789';
const SHA = 'c0ffee0000000000000000000000000000000001';
const api = new GitHubApiStandIn({ token: TOKEN });
const DOCS = {
  createDeployment: 'https://docs.github.com/rest/deployments/deployments#create-a-deployment',
  createStatus: 'https://docs.github.com/rest/deployments/statuses#create-a-deployment-status',
  createComment: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment',
  updateComment: 'https://docs.github.com/rest/issues/comments#update-an-issue-comment',
};
let stateDir: string;
const savedState = process.env.GITHUB_STATE;

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: () => Record<string, unknown>;
}

/** A raw request, headers exactly as given (Octokit's defaults unless `omit`). */
function call(
  method: string,
  path: string,
  o: { body?: unknown; headers?: Record<string, string>; omit?: string[] } = {},
): Promise<Answer> {
  const headers: Record<string, string> = {
    'user-agent': 'octokit-core.js/7.0.8 Node.js/20',
    accept: 'application/vnd.github.v3+json',
    authorization: `token ${TOKEN}`,
    ...(o.body !== undefined ? { 'content-type': 'application/json; charset=utf-8' } : {}),
    ...o.headers,
  };
  for (const h of o.omit ?? []) delete headers[h];
  const data = o.body === undefined ? undefined : typeof o.body === 'string' ? o.body : JSON.stringify(o.body);
  return new Promise((resolve, reject) => {
    const req = request(`${api.url}${path}`, { method, headers }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end(data);
  });
}

const newDeployment = async (env = 'e1', extra: object = {}) => {
  const r = await call('POST', '/repos/o/r/deployments', { body: { ref: SHA, environment: env, required_contexts: [], ...extra } });
  expect(r.status, r.text).toBe(201);
  return r.json().id as number;
};

beforeAll(async () => {
  stateDir = mkdtempSync(join(tmpdir(), 'github-stand-in-'));
  process.env.GITHUB_STATE = join(stateDir, 'state'); // Deployments.start saves the pending deployment
  writeFileSync(process.env.GITHUB_STATE, '');
  await api.start();
});
afterAll(async () => {
  await api.stop();
  if (savedState === undefined) delete process.env.GITHUB_STATE;
  else process.env.GITHUB_STATE = savedState;
  rmSync(stateDir, { recursive: true, force: true });
});
beforeEach(() => {
  api.options = {};
});

describe('the OpenAPI excerpt is the one @octokit/openapi-types was generated from', () => {
  it('same version of the description', () => {
    const types = createRequire(import.meta.url)('@octokit/openapi-types/package.json') as { octokit: { 'openapi-version': string } };
    expect(OPENAPI_VERSION).toBe(types.octokit['openapi-version']);
  });
  it('the same body properties, required properties and query parameters (checked by tsc)', () => {
    type Ops = typeof OPERATIONS;
    type JsonBody<Id extends keyof operations> = operations[Id] extends { requestBody: { content: { 'application/json': infer B } } }
      ? B
      : never;
    type Props<Id extends keyof Ops> = Ops[Id] extends { body: { properties: infer P } } ? keyof P : never;
    type Required<Id extends keyof Ops> = Ops[Id] extends { body: { required: readonly (infer R)[] } } ? R : never;
    type RequiredOf<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];
    type Query<Id extends keyof Ops> = Extract<Ops[Id]['params'][number], { in: 'query' }>['name'];
    expectTypeOf<Props<'repos/create-deployment'>>().toEqualTypeOf<keyof JsonBody<'repos/create-deployment'>>();
    expectTypeOf<Required<'repos/create-deployment'>>().toEqualTypeOf<RequiredOf<JsonBody<'repos/create-deployment'>>>();
    expectTypeOf<Props<'repos/create-deployment-status'>>().toEqualTypeOf<keyof JsonBody<'repos/create-deployment-status'>>();
    expectTypeOf<Required<'repos/create-deployment-status'>>().toEqualTypeOf<RequiredOf<JsonBody<'repos/create-deployment-status'>>>();
    expectTypeOf<Props<'issues/create-comment'>>().toEqualTypeOf<keyof JsonBody<'issues/create-comment'>>();
    expectTypeOf<Props<'issues/update-comment'>>().toEqualTypeOf<keyof JsonBody<'issues/update-comment'>>();
    expectTypeOf<Query<'repos/list-deployments'>>().toEqualTypeOf<
      keyof NonNullable<operations['repos/list-deployments']['parameters']['query']>
    >();
    expectTypeOf<Query<'issues/list-comments'>>().toEqualTypeOf<
      keyof NonNullable<operations['issues/list-comments']['parameters']['query']>
    >();
    expectTypeOf<Query<'repos/list-attestations'>>().toEqualTypeOf<
      keyof NonNullable<operations['repos/list-attestations']['parameters']['query']>
    >();
    // the answer's schema the stand-in checks what it serves against: the same properties as the generated types
    type Answer = operations['repos/list-attestations']['responses'][200]['content']['application/json'];
    type Served = Ops['repos/list-attestations']['response']['properties']['attestations']['items']['properties'];
    expectTypeOf<keyof Served>().toEqualTypeOf<keyof NonNullable<Answer['attestations']>[number]>();
    type Path<Id extends keyof Ops> = Extract<Ops[Id]['params'][number], { in: 'path' }>['name'];
    expectTypeOf<Path<'pulls/get'>>().toEqualTypeOf<keyof operations['pulls/get']['parameters']['path']>();
    expectTypeOf<Path<'repos/delete-an-environment'>>().toEqualTypeOf<
      keyof operations['repos/delete-an-environment']['parameters']['path']
    >();
    expect(Object.keys(OPERATIONS)).toHaveLength(9);
  });
});

describe("contract: a digest's attestations (repos/list-attestations)", () => {
  const digest = `sha256:${'ab'.repeat(32)}`;
  const bundle = { mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json', verificationMaterial: {}, dsseEnvelope: {} };
  it('none for the digest: 404; stored ones: 200 with the bundle and repository_id; per_page must be a positive integer', async () => {
    const path = `/repos/o/r/attestations/${encodeURIComponent(digest)}`;
    expect((await call('GET', path)).status).toBe(404);
    api.addAttestation(digest, bundle);
    const r = await call('GET', path);
    expect(r.status).toBe(200);
    expect(r.json()).toEqual({ attestations: [{ bundle, repository_id: 1296269 }] });
    expect((await call('GET', `${path}?per_page=zero`)).status).toBe(422);
  });
  it('a token without attestations: read: 403 naming the permission', async () => {
    api.options = { forbidAttestations: true };
    const r = await call('GET', `/repos/o/r/attestations/${digest}`);
    expect(r.status).toBe(403);
    expect(r.headers['x-accepted-github-permissions']).toBe('attestations=read');
  });
  it('what it would serve is checked against the response schema', () => {
    expect(() => api.addAttestation(digest, { mediaType: 7 } as unknown as Record<string, unknown>)).toThrow(
      /not an attestation GitHub would serve/,
    );
  });
});

describe('contract: authentication and headers, as api.github.com answers them', () => {
  const each = Object.values(OPERATIONS).map((op) => [
    `${op.method} ${op.path}`,
    op.method,
    op.path
      .replace('{owner}', 'o')
      .replace('{repo}', 'r')
      .replace(/\{\w+\}/g, '1'),
    op.docs,
  ]);
  it.each(each)('%s without a token: 404 Not Found (a private repository is never confirmed)', async (_what, method, path, docs) => {
    // a DELETE carries no body (Node sends none of its own framing for one)
    const r = await call(method, path, { omit: ['authorization'], body: method === 'GET' || method === 'DELETE' ? undefined : {} });
    expect(r.status).toBe(404);
    expect(r.json()).toEqual({ message: 'Not Found', documentation_url: docs, status: '404' });
  });
  it('a token that is not valid: 401 Bad credentials, whatever the route', async () => {
    for (const authorization of ['token ghs_someoneElse', 'Bearer nope', 'Basic dXNlcjpwYXNz', TOKEN]) {
      const r = await call('GET', '/repos/o/r/deployments', { headers: { authorization } });
      expect(r.status, authorization).toBe(401);
      expect(r.json()).toEqual({ message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' });
    }
    expect((await call('GET', '/repos/o/r/deployments', { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
  });
  it('without a User-Agent: 403, not JSON', async () => {
    const r = await call('GET', '/repos/o/r/deployments', { omit: ['user-agent'] });
    expect(r.status).toBe(403);
    expect(r.text).toMatch(/^Request forbidden by administrative rules\.\nPlease make sure your request has a User-Agent header\./);
  });
  it('an API version GitHub does not have: 400; the versions it has: served', async () => {
    const bad = await call('GET', '/repos/o/r/deployments', { headers: { 'x-github-api-version': '2021-01-01' } });
    expect(bad.status).toBe(400);
    expect(bad.json().message).toMatch(/2021-01-01.*not supported/);
    for (const v of ['2022-11-28', '2026-03-10']) {
      const ok = await call('GET', '/repos/o/r/deployments', { headers: { 'x-github-api-version': v } });
      expect([ok.status, ok.headers['x-github-api-version-selected']]).toEqual([200, v]);
    }
  });
  it('an Accept that takes no JSON: 415', async () => {
    const r = await call('GET', '/repos/o/r/deployments', { headers: { accept: 'text/html' } });
    expect(r.status).toBe(415);
    expect(r.json().message).toBe("Unsupported 'Accept' header: 'text/html'. Must accept 'application/json'.");
  });
});

describe('contract: paths and bodies, as api.github.com answers them', () => {
  it('a path or method outside the operations: 404 Not Found (a trailing slash too, another repository, a non-numeric id)', async () => {
    for (const [method, path] of [
      ['GET', '/repos/o/r/deployments/'],
      ['PUT', '/repos/o/r/deployments'],
      ['POST', '/repos/o/r/issues/comments/1'],
      ['GET', '/repos/o/other/deployments'],
      ['POST', '/repos/o/r/deployments/abc/statuses'],
      ['GET', '/repos/o/r/environments'],
    ] as const) {
      const r = await call(method, path, { body: method === 'GET' ? undefined : { body: 'x', state: 'success' } });
      expect(r.status, `${method} ${path}`).toBe(404);
      expect(r.json().message).toBe('Not Found');
    }
  });
  it('not JSON: 400 Problems parsing JSON; not an object: 400 Body should be a JSON object', async () => {
    const a = await call('POST', '/repos/o/r/issues/7/comments', { body: '{"body": ' });
    expect([a.status, a.json().message, a.json().documentation_url]).toEqual([400, 'Problems parsing JSON', DOCS.createComment]);
    const b = await call('POST', '/repos/o/r/issues/7/comments', { body: ['hi'] });
    expect([b.status, b.json().message]).toEqual([400, 'Body should be a JSON object']);
  });
  it('against the OpenAPI schema: 422 Invalid request, with the property and the reason', async () => {
    const cases: [string, object, string][] = [
      ['/repos/o/r/issues/7/comments', {}, 'Invalid request.\n\n"body" wasn\'t supplied.'],
      ['/repos/o/r/issues/7/comments', { body: null }, "Invalid request.\n\nFor 'properties/body', nil is not a string."],
      ['/repos/o/r/deployments', { environment: 'e' }, 'Invalid request.\n\n"ref" wasn\'t supplied.'],
      [
        '/repos/o/r/deployments',
        { ref: SHA, transient_environment: 'yes' },
        'For \'properties/transient_environment\', "yes" is not a boolean.',
      ],
      ['/repos/o/r/deployments', { ref: SHA, required_contexts: 'ci' }, 'For \'properties/required_contexts\', "ci" is not an array.'],
      ['/repos/o/r/deployments', { ref: SHA, description: 7 }, "For 'properties/description', 7 is not a string or null."],
    ];
    for (const [path, body, message] of cases) {
      const r = await call('POST', path, { body });
      expect(r.status, JSON.stringify(body)).toBe(422);
      expect(r.json().message).toContain(message);
      expect(r.json().status).toBe('422');
    }
    const id = await newDeployment();
    const s = await call('POST', `/repos/o/r/deployments/${id}/statuses`, { body: { state: 'done' } });
    expect([s.status, s.json().message]).toEqual([
      422,
      `Invalid request.\n\nFor 'properties/state', done is not a member of ["error", "failure", "inactive", "in_progress", "queued", "pending", "success"].`,
    ]);
    expect(s.json().documentation_url).toBe(DOCS.createStatus);
  });
  it('unknown body properties are ignored, as GitHub ignores them: nothing is stored from them', async () => {
    const id = await newDeployment('e-typo');
    const r = await call('POST', `/repos/o/r/deployments/${id}/statuses`, { body: { state: 'success', enviroment_url: 'https://app' } });
    expect(r.status).toBe(201);
    expect(r.json().environment_url).toBe('');
  });
});

describe('contract: what each operation refuses', () => {
  it('create a deployment: a ref that is neither a commit SHA nor a branch: 422 No ref found', async () => {
    const r = await call('POST', '/repos/o/r/deployments', { body: { ref: 'docker-pr-7', required_contexts: [] } });
    expect([r.status, r.json().message]).toEqual([422, 'No ref found for: docker-pr-7']);
  });
  it('create a deployment without required_contexts while the running job is not green: 409; with []: created', async () => {
    const r = await call('POST', '/repos/o/r/deployments', { body: { ref: SHA, environment: 'e' } });
    expect(r.status).toBe(409);
    expect(r.json()).toMatchObject({
      message: `Conflict: Commit status checks failed for ${SHA}.`,
      errors: [
        { resource: 'Deployment', field: 'required_contexts', code: 'invalid', contexts: [{ context: 'deploy', state: 'pending' }] },
      ],
      documentation_url: DOCS.createDeployment,
    });
    api.options = { contexts: [{ context: 'deploy', state: 'success' }] };
    expect((await call('POST', '/repos/o/r/deployments', { body: { ref: SHA, environment: 'e' } })).status).toBe(201);
    api.options = {};
    expect(await newDeployment('e')).toBeGreaterThan(0);
  });
  it('a status of a deployment that does not exist: 404; a description over 140 characters: 422 Validation Failed', async () => {
    const missing = await call('POST', '/repos/o/r/deployments/99999999/statuses', { body: { state: 'success' } });
    expect(missing.json()).toEqual({ message: 'Not Found', documentation_url: DOCS.createStatus, status: '404' });
    const id = await newDeployment();
    const long = await call('POST', `/repos/o/r/deployments/${id}/statuses`, { body: { state: 'failure', description: 'x'.repeat(141) } });
    expect(long.status).toBe(422);
    expect(long.json()).toMatchObject({ message: 'Validation Failed', errors: [{ resource: 'DeploymentStatus', field: 'description' }] });
    expect(
      (await call('POST', `/repos/o/r/deployments/${id}/statuses`, { body: { state: 'failure', description: 'x'.repeat(140) } })).status,
    ).toBe(201);
  });
  it('comments: blank or over 65536 characters: 422 Validation Failed; editing one that does not exist: 404', async () => {
    const blank = await call('POST', '/repos/o/r/issues/7/comments', { body: { body: ' ' } });
    expect(blank.json()).toEqual({
      message: 'Validation Failed',
      errors: [{ resource: 'IssueComment', code: 'unprocessable', field: 'data', message: 'Body cannot be blank' }],
      documentation_url: DOCS.createComment,
      status: '422',
    });
    const long = await call('POST', '/repos/o/r/issues/7/comments', { body: { body: '🌈'.repeat(65536) + 'a' } });
    expect((long.json().errors as { message: string }[])[0]!.message).toBe('Body is too long (maximum is 65536 characters)');
    expect((await call('POST', '/repos/o/r/issues/7/comments', { body: { body: '🌈'.repeat(65536) } })).status).toBe(201);
    const gone = await call('PATCH', '/repos/o/r/issues/comments/99999999', { body: { body: 'x' } });
    expect(gone.json()).toEqual({ message: 'Not Found', documentation_url: DOCS.updateComment, status: '404' });
  });
  it('a token without deployments: write: 403 Resource not accessible by integration, naming the permission', async () => {
    api.options = { forbidDeployments: true };
    const r = await call('POST', '/repos/o/r/deployments', { body: { ref: SHA, required_contexts: [] } });
    expect([r.status, r.json().message, r.headers['x-accepted-github-permissions']]).toEqual([
      403,
      'Resource not accessible by integration',
      'deployments=write',
    ]);
  });
  it('comment bodies follow the media type: html gives body_html and no body', async () => {
    const r = await call('POST', '/repos/o/r/issues/8/comments', {
      body: { body: 'a <b>' },
      headers: { accept: 'application/vnd.github.html+json' },
    });
    expect(r.status).toBe(201);
    expect(r.json().body).toBeUndefined();
    expect(r.json().body_html).toBe('<p>a &lt;b&gt;</p>');
  });
});

describe("contract: the action's own calls (src/github through Octokit) against the stand-in", () => {
  const octokit = () => githubApi(TOKEN, { baseUrl: api.url });

  it('a deployment: created, in_progress, success; destroy marks the environment inactive', async () => {
    const d = new Deployments(octokit(), { owner: 'o', repo: 'r' }, 'https://github.example/o/r/actions/runs/1');
    const facts = {
      sha: SHA,
      environment: 'contract-env',
      transient: true,
      image: 'r@sha256:1',
      digest: 'sha256:1',
      provider: 'docker',
      name: 'app',
    };
    const id = await d.start(facts);
    await d.finish(id, 'success', { environmentUrl: 'https://app.example', description: 'deployed' });
    expect(api.statuses.get(id)!.map((s) => [s.state, s.environment_url, s.log_url])).toEqual([
      ['in_progress', '', 'https://github.example/o/r/actions/runs/1'],
      ['success', 'https://app.example', 'https://github.example/o/r/actions/runs/1'],
    ]);
    expect(await d.deactivate('contract-env')).toEqual([id]);
    expect(api.statuses.get(id)!.at(-1)!.state).toBe('inactive');
  });

  it('the marker comment is found on page 2 of 150 (pagination follows Link), edited, never duplicated', async () => {
    for (let i = 0; i < 149; i++) api.addComment(42, `comment ${i}`);
    const marker = commentMarker('app', 'docker-pr-42');
    api.addComment(42, `${marker}\nold`);
    api.clearRequests();
    const r = await upsertComment(octokit(), { owner: 'o', repo: 'r' }, 42, marker, `${marker}\nnew`);
    expect(r.created).toBe(false);
    expect(api.comments.get(42)).toHaveLength(150);
    expect(api.comments.get(42)!.at(-1)!.body).toBe(`${marker}\nnew`);
    const pages = api.requests.filter((q) => q.method === 'GET').map((q) => [q.query.per_page, q.query.page ?? '1']);
    expect(pages).toEqual([
      ['100', '1'],
      ['100', '2'],
    ]);
    const first = await call('GET', '/repos/o/r/issues/42/comments');
    expect((first.json() as unknown as unknown[]).length).toBe(30);
    expect(first.headers.link).toMatch(/[?&]page=2>; rel="next".*[?&]page=5>; rel="last"/);
  });

  it('a success marks the environment’s older non-transient successful deployments inactive (auto_inactive)', async () => {
    const first = await newDeployment('staging', { production_environment: false });
    await call('POST', `/repos/o/r/deployments/${first}/statuses`, { body: { state: 'success' } });
    const second = await newDeployment('staging', { production_environment: false });
    await call('POST', `/repos/o/r/deployments/${second}/statuses`, { body: { state: 'success' } });
    expect(api.statuses.get(first)!.map((s) => s.state)).toEqual(['success', 'inactive']);
    expect(api.statuses.get(second)!.map((s) => s.state)).toEqual(['success']);
  });
});

describe('contract: pull requests and environments (mode: sweep)', () => {
  it('GET …/pulls/{n}: the pull request with its state and merged flag, 404 for a number it does not have', async () => {
    api.addPull(5, 'open');
    api.addPull(6, 'merged');
    const open = await call('GET', '/repos/o/r/pulls/5');
    expect(open.status).toBe(200);
    expect(open.json()).toMatchObject({ number: 5, state: 'open', merged: false, closed_at: null });
    expect(open.json()).toHaveProperty('head.sha');
    expect((await call('GET', '/repos/o/r/pulls/6')).json()).toMatchObject({ number: 6, state: 'closed', merged: true });
    const missing = await call('GET', '/repos/o/r/pulls/999');
    expect([missing.status, missing.json().message]).toEqual([404, 'Not Found']);
    expect((await call('GET', '/repos/o/r/pulls/abc')).status).toBe(404);
  });

  it('DELETE …/environments/{name}: an environment exists from its first deployment; 204 with no body, then 404', async () => {
    await newDeployment('docker-pr-5');
    expect(api.environments.has('docker-pr-5')).toBe(true);
    const gone = await call('DELETE', '/repos/o/r/environments/docker-pr-5');
    expect([gone.status, gone.text]).toEqual([204, '']);
    expect(api.environments.has('docker-pr-5')).toBe(false);
    expect((await call('DELETE', '/repos/o/r/environments/docker-pr-5')).status).toBe(404);
  });

  it('with forbidEnvironments: 403 as for the job token, naming the permission it lacks', async () => {
    await newDeployment('docker-pr-6');
    api.options.forbidEnvironments = true;
    try {
      const r = await call('DELETE', '/repos/o/r/environments/docker-pr-6');
      expect([r.status, r.json().message, r.headers['x-accepted-github-permissions']]).toEqual([
        403,
        'Resource not accessible by integration',
        'administration=write',
      ]);
      expect(api.environments.has('docker-pr-6')).toBe(true);
    } finally {
      api.options.forbidEnvironments = false;
    }
  });
});
