/**
 * Positive controls for the E2B API stand-in (__tests__/support/e2b-api.ts): a wrong call fails the way
 * the real API fails it (status and `{code, message}` from e2b-dev/infra at e19a12b8), straight over
 * HTTP, through the REAL @e2b/cli 2.19 (node_modules/.bin/e2b) where the CLI makes that call, and
 * through our own client (src/external/e2b-api.ts).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Deadline } from '../../src/deadline.js';
import { ActionError } from '../../src/errors.js';
import { E2bApi } from '../../src/external/e2b-api.js';
import { runInSandbox } from '../../src/external/e2b-envd.js';
import { readLive } from '../../src/providers/e2b/live.js';
import { ROOT } from '../support/action.js';
import { E2bApiMock } from '../support/e2b-api.js';
import { E2bOpenApi } from '../support/e2b-openapi.js';
import { exec } from '../support/exec.js';

const KEY = `e2b_${randomBytes(20).toString('hex')}`;
const OTHER_KEY = `e2b_${randomBytes(20).toString('hex')}`;
const api = new E2bApiMock(KEY);
const dirs: string[] = [];
const VALIDATION = 'validation error: error in openapi3filter.RequestError: ';
const INVALID_KEY = 'Invalid API key, please visit https://e2b.dev/docs/api-key for more information.';

beforeAll(() => api.start());
afterAll(async () => {
  await api.stop();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
beforeEach(() => api.reset());

async function call(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = { 'x-api-key': KEY, 'content-type': 'application/json' },
): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${api.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

const refused = (status: number, message: string) => ({ status, body: { code: status, message } });

/** The real e2b CLI against the stand-in; none of the runner's E2B settings leak in. */
function e2b(args: string[], env: Record<string, string> = {}) {
  return exec(join(ROOT, 'node_modules', '.bin', 'e2b'), args, {
    env: { E2B_API_URL: api.url, E2B_API_KEY: KEY, NO_UPDATE_NOTIFIER: '1', E2B_TEAM_ID: undefined, E2B_PROJECT_ID: undefined, ...env },
    allowFailure: true,
    timeoutMs: 60_000,
  });
}

/** A template built the way the CLI builds one (v3 request, then the build start). */
async function built(alias: string): Promise<string> {
  const r = (await call('POST', '/v3/templates', { name: alias, cpuCount: 2, memoryMB: 1024 })).body as {
    templateID: string;
    buildID: string;
  };
  expect((await call('POST', `/v2/templates/${r.templateID}/builds/${r.buildID}`, { fromImage: 'ubuntu:22.04', steps: [] })).status).toBe(
    202,
  );
  return r.templateID;
}

describe('e2b contract: the stand-in checks the API key as the real API does', () => {
  it('no X-API-Key, a key without e2b_, a key that is not hex, a key of no team: 401 with the auth middleware’s text', async () => {
    expect(await call('GET', '/templates', undefined, {})).toEqual(refused(401, 'authorization header is missing'));
    expect(await call('GET', '/templates', undefined, { 'x-api-key': KEY.slice(4) })).toEqual(
      refused(401, 'authorization header is malformed'),
    );
    expect(await call('GET', '/templates', undefined, { 'x-api-key': 'e2b_not-hex' })).toEqual(
      refused(401, `${INVALID_KEY}\nInvalid API key format`),
    );
    expect(await call('GET', '/templates', undefined, { 'x-api-key': OTHER_KEY })).toEqual(
      refused(401, `${INVALID_KEY}\nCannot get the team for the given API key`),
    );
    // the key as a bearer token is no API key; header names are case-insensitive
    expect((await call('GET', '/templates', undefined, { authorization: `Bearer ${KEY}` })).status).toBe(401);
    expect((await call('GET', '/templates', undefined, { 'X-API-KEY': KEY })).status).toBe(200);
    // a route that does not take API keys at all (GET /teams: access tokens only)
    expect(await call('GET', '/teams')).toEqual(refused(401, 'authorization header is missing'));
  });

  it('through the real CLI: a key of no team fails `e2b template list` with exit 1 and that text', async () => {
    const r = await e2b(['template', 'list', '--format', 'json'], { E2B_API_KEY: OTHER_KEY });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Error getting templates: [401] unauthorized: Invalid API key');
    expect(r.stderr).toContain('Cannot get the team for the given API key');
  }, 60_000);

  it('through our client: the 401 is one error with the API’s message and the key fix', async () => {
    const client = new E2bApi(new Deadline(60_000), OTHER_KEY, api.url);
    const e = await client.assignTags('demo', ['sindri-0']).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ActionError);
    expect((e as ActionError).message).toMatch(/^E2B API POST \/templates\/tags answered 401: Invalid API key/);
    expect((e as ActionError).fix).toMatch(/set E2B_API_KEY/);
  });
});

describe('e2b contract: unknown paths and methods are refused by the router, before the key is looked at', () => {
  it('404 no matching operation; 400 method not allowed; a real route the stand-in lacks is a loud 501', async () => {
    expect(await call('POST', '/v1/sandboxes', {})).toEqual(refused(404, 'validation error: no matching operation was found'));
    expect(await call('GET', '/templates/a/b/c', undefined, {})).toEqual(refused(404, 'validation error: no matching operation was found'));
    expect(await call('PUT', '/sandboxes', {})).toEqual(refused(400, 'validation error: method not allowed'));
    expect(await call('GET', '/templates/tags')).toEqual(refused(400, 'validation error: method not allowed'));
    // a misspelt `/templates/tags` is the deprecated rebuild route `/templates/{templateID}` (access tokens only)
    expect(await call('POST', '/templates/tag', { target: 'x', tags: ['y'] })).toEqual(refused(401, 'authorization header is missing'));
    const lacking = await call('GET', '/v2/templates');
    expect(lacking.status).toBe(501);
    expect(lacking.body).toMatchObject({ message: expect.stringMatching(/^stand-in: GET \/v2\/templates is an E2B API route/) });
  });

  it('through our client: its three calls are routes the API has, with bodies it accepts', async () => {
    const id = await built('demo');
    const client = new E2bApi(new Deadline(60_000), KEY, api.url);
    await client.assignTags('demo', ['sindri-0123456789abcdef']);
    expect((await client.templateTags(id)).map((t) => t.tag).sort()).toEqual(['default', 'sindri-0123456789abcdef']);
    expect(await client.templateTags('gone')).toEqual([]);
    const started = await client.createSandbox({
      templateID: id,
      timeout: 300,
      autoPause: true,
      autoResume: { enabled: true },
      metadata: { sindri_name: 'demo' },
      envVars: { TOKEN: 'x' },
      secure: true,
    });
    expect(api.sandboxes.get(started.sandboxID)).toMatchObject({ templateID: id, timeout: 300, envVars: { TOKEN: 'x' } });
    expect(api.requests.map((q) => `${q.method} ${q.path}`).slice(-4)).toEqual([
      'POST /templates/tags',
      `GET /templates/${id}/tags`,
      'GET /templates/gone/tags',
      'POST /sandboxes',
    ]);
  });

  it('the plan’s live read (ADR 0045): three GETs the API has, the tags by alias, the sandboxes by sindri_name; a state the API does not know is refused', async () => {
    const id = await built('demo');
    const client = new E2bApi(new Deadline(60_000), KEY, api.url, 5_000);
    await client.assignTags('demo', ['sindri-0123456789abcdef']);
    await client.createSandbox({
      templateID: id,
      timeout: 60,
      autoPause: false,
      metadata: { sindri_name: 'demo' },
      envVars: {},
      secure: true,
    });
    const from = api.requests.length;
    const live = await readLive(client, { alias: 'demo', name: 'demo', startSandbox: true, url: api.url });
    expect(live).toMatchObject({
      template: { templateID: id },
      tags: expect.arrayContaining([expect.objectContaining({ tag: 'sindri-0123456789abcdef' })]),
      sandboxes: [{ templateId: id, metadata: { sindri_name: 'demo' } }],
    });
    expect(
      api.requests
        .slice(from)
        .map((q) => `${q.method} ${q.path}`)
        .sort(),
    ).toEqual(['GET /templates', 'GET /templates/demo/tags', 'GET /v2/sandboxes']);
    const wrong = await call('GET', '/v2/sandboxes?state=runing');
    expect(wrong.status).toBe(400);
  });

  it('through our client: a path the API does not have is an error, never a silent success', async () => {
    const client = new E2bApi(new Deadline(60_000), KEY, `${api.url}/v0`);
    await expect(
      client.createSandbox({ templateID: 'x', timeout: 60, autoPause: false, metadata: {}, envVars: {}, secure: true }),
    ).rejects.toThrow(/POST \/sandboxes answered 404: validation error: no matching operation was found/);
  });
});

describe('e2b contract: parameters and bodies are checked against the OpenAPI schemas', () => {
  it('POST /sandboxes: required templateID, integer timeout ≥ 0, string metadata; unknown fields ignored', async () => {
    const schema = `${VALIDATION}request body has an error: doesn't match schema #/components/schemas/NewSandbox: `;
    expect(await call('POST', '/sandboxes', { timeout: 60 })).toEqual(
      refused(400, `${schema}Error at "/templateID": property "templateID" is missing`),
    );
    await built('demo');
    expect(await call('POST', '/sandboxes', { templateID: 'demo', timeout: '60' })).toEqual(
      refused(400, `${schema}Error at "/timeout": value must be an integer`),
    );
    expect(await call('POST', '/sandboxes', { templateID: 'demo', timeout: -1 })).toEqual(
      refused(400, `${schema}Error at "/timeout": number must be at least 0`),
    );
    expect(await call('POST', '/sandboxes', { templateID: 'demo', metadata: { n: 1 } })).toEqual(
      refused(400, `${schema}Error at "/metadata/n": value must be a string`),
    );
    expect(await call('POST', '/sandboxes', { templateID: 'demo', autoResume: { enabled: 'yes' } })).toMatchObject({ status: 400 });
    // the real API ignores what it does not know
    expect((await call('POST', '/sandboxes', { templateID: 'demo', timeout: 60, secur: true, envVar: { A: 'b' } })).status).toBe(201);
  });

  it('the handler’s own checks after the schema: timeout > 0 and within the team’s hours; a template of the team', async () => {
    await built('demo');
    expect(await call('POST', '/sandboxes', { templateID: 'demo', timeout: 0 })).toEqual(refused(400, 'Timeout must be greater than 0'));
    expect(await call('POST', '/sandboxes', { templateID: 'demo', timeout: 3601 })).toEqual(
      refused(400, 'Timeout cannot be greater than 1 hours'),
    );
    expect((await call('POST', '/sandboxes', { templateID: 'demo', timeout: 3600 })).status).toBe(201);
    expect(await call('POST', '/sandboxes', { templateID: 'nope' })).toEqual(refused(404, "template 'nope' not found"));
    expect(await call('POST', '/sandboxes', { templateID: 'Bad Name' })).toEqual(
      refused(400, 'Invalid template reference: invalid template ID: Bad Name'),
    );
  });

  it('POST /sandboxes/{id}/connect checks the team’s hours before it looks the sandbox up; our client reads the limit from it', async () => {
    await built('demo');
    expect(await call('POST', '/sandboxes/nosuchsandbox/connect', { timeout: 3601 })).toEqual(
      refused(400, 'Timeout cannot be greater than 1 hours'),
    );
    expect(await call('POST', '/sandboxes/nosuchsandbox/connect', { timeout: 3600 })).toEqual(
      refused(404, 'Sandbox "nosuchsandbox" doesn\'t exist or you don\'t have access to it'),
    );
    const started = (await call('POST', '/sandboxes', { templateID: 'demo', timeout: 60 })).body as {
      sandboxID: string;
      envdAccessToken: string;
    };
    const connected = await call('POST', `/sandboxes/${started.sandboxID}/connect`, { timeout: 30 });
    expect(connected).toMatchObject({ status: 200, body: { sandboxID: started.sandboxID, envdAccessToken: started.envdAccessToken } });
    expect(api.sandboxes.get(started.sandboxID)!.timeout).toBe(60); // only ever extended
    const client = new E2bApi(new Deadline(30_000), KEY, api.url);
    expect(await client.timeoutRefusal(7200)).toBe('Timeout cannot be greater than 1 hours');
    expect(await client.timeoutRefusal(3600)).toBeUndefined();
    api.limits.maxLengthHours = 24;
    expect(await client.timeoutRefusal(7200)).toBeUndefined();
    api.limits.maxLengthHours = 1;
  });

  it('no body, or not JSON: the validator’s own words', async () => {
    expect(await call('POST', '/sandboxes')).toEqual(refused(400, `${VALIDATION}request body has an error: value is required but missing`));
    const res = await fetch(`${api.url}/sandboxes`, {
      method: 'POST',
      headers: { 'x-api-key': KEY, 'content-type': 'text/plain' },
      body: '{}',
    });
    expect(await res.json()).toEqual({
      code: 400,
      message: `${VALIDATION}request body has an error: header Content-Type has unexpected value "text/plain"`,
    });
  });

  it('POST /v3/templates: a name, sizes the API and the team allow', async () => {
    const schema = `${VALIDATION}request body has an error: doesn't match schema #/components/schemas/TemplateBuildRequestV3: `;
    expect(await call('POST', '/v3/templates', { cpuCount: 2 })).toEqual(refused(400, 'Name is required'));
    expect(await call('POST', '/v3/templates', { name: 'a', memoryMB: 64 })).toEqual(
      refused(400, `${schema}Error at "/memoryMB": number must be at least 128`),
    );
    expect(await call('POST', '/v3/templates', { name: 'a', cpuCount: 3 })).toEqual(refused(400, 'CPU count must be 1 or an even number'));
    expect(await call('POST', '/v3/templates', { name: 'a', memoryMB: 16384 })).toEqual(
      refused(400, "Memory can't be higher than 8192 MiB (if you need to increase this limit, please contact support)"),
    );
    expect(await call('POST', '/v3/templates', { name: 'other-team/a' })).toEqual(
      refused(400, "namespace 'other-team' must match your team 'sindri-ci'"),
    );
    expect(await call('POST', '/v3/templates', { name: 'a b' })).toEqual(refused(400, 'Invalid name: invalid template ID: a b'));
  });

  it('through the real CLI: sizes and filters the API refuses fail the command', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'e2b-stand-in-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'e2b.Dockerfile'), 'FROM ubuntu:22.04\nRUN true\n');
    const create = await e2b([
      'template',
      'create',
      'demo',
      '--path',
      dir,
      '--dockerfile',
      'e2b.Dockerfile',
      '--cpu-count',
      '3',
      '--memory-mb',
      '1024',
    ]);
    expect(create.code).toBe(1);
    expect(create.stderr).toContain('Error: 400: CPU count must be 1 or an even number');
    const list = await e2b(['sandbox', 'list', '--state', 'runing', '--format', 'json']);
    expect(list.code).toBe(1);
    expect(list.stderr).toContain(
      `400: ${VALIDATION}parameter "state" in query has an error: Error at "/0": value is not one of the allowed values ["running","paused"]`,
    );
    expect(api.templates.size).toBe(0);
  }, 120_000);

  it('POST /templates/tags: at least one tag, tags as the API spells them, the team’s namespace only', async () => {
    await built('demo');
    expect(await call('POST', '/templates/tags', { target: 'demo' })).toEqual(
      refused(
        400,
        `${VALIDATION}request body has an error: doesn't match schema #/components/schemas/AssignTemplateTagsRequest: Error at "/tags": property "tags" is missing`,
      ),
    );
    expect(await call('POST', '/templates/tags', { target: 'demo', tags: [] })).toEqual(refused(400, 'At least one tag is required'));
    expect(await call('POST', '/templates/tags', { target: 'demo', tags: ['no spaces'] })).toEqual(
      refused(400, "Invalid tag: invalid tag 'no spaces': invalid tag: no spaces"),
    );
    expect(await call('POST', '/templates/tags', { target: 'else/demo', tags: ['t'] })).toEqual(
      refused(400, "namespace 'else' must match your team 'sindri-ci'"),
    );
    expect(await call('POST', '/templates/tags', { target: 'gone', tags: ['t'] })).toEqual(refused(404, "template 'gone' not found"));
    expect((await call('POST', '/templates/tags', { target: 'sindri-ci/demo', tags: ['sindri-1'] })).status).toBe(201);
  });
});

describe('e2b contract: teamID, names and aliases as the real API answers them', () => {
  it('GET /templates?teamID: another team is refused, the key’s own team is listed', async () => {
    await built('demo');
    expect(await call('GET', `/templates?teamID=${'0'.repeat(8)}-0000-0000-0000-${'0'.repeat(12)}`)).toEqual(
      refused(400, 'Team ID param mismatch with the API key'),
    );
    expect((await call('GET', `/templates?teamID=${api.teamID}`)).status).toBe(200);
  });

  it('through the real CLI: E2B_TEAM_ID of another team fails `e2b template list` (the CLI sends it as teamID)', async () => {
    const other = await e2b(['template', 'list', '--format', 'json'], { E2B_TEAM_ID: '00000000-0000-4000-8000-000000000000' });
    expect(other.code).toBe(1);
    expect(other.stderr).toContain('Error getting templates: [400] bad request: Team ID param mismatch with the API key');
    expect((await e2b(['template', 'list', '--format', 'json'], { E2B_PROJECT_ID: api.teamID })).code).toBe(0);
    expect(api.requests.filter((q) => q.path === '/templates').map((q) => q.query.get('teamID'))).toEqual([
      '00000000-0000-4000-8000-000000000000',
      api.teamID,
    ]);
  }, 60_000);

  it('a template created through /v3 is named <team-slug>/<alias>; the deprecated aliases still carry the bare alias', async () => {
    const spec = new E2bOpenApi().spec.components.schemas.Template as { properties: Record<string, { deprecated?: boolean }> };
    expect(spec.properties.aliases!.deprecated).toBe(true);
    const id = await built('demo');
    const r = await e2b(['template', 'list', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const [listed] = JSON.parse(r.stdout.slice(r.stdout.indexOf('['))) as { templateID: string; names: string[]; aliases: string[] }[];
    expect(listed).toMatchObject({ templateID: id, names: ['sindri-ci/demo'], aliases: ['demo'] });
    // references in the team's namespace, bare or qualified, and by ID
    for (const ref of ['demo', 'sindri-ci/demo', id])
      expect((await call('GET', `/templates/${encodeURIComponent(ref)}/tags`)).status, ref).toBe(200);
    expect(await call('GET', `/templates/${encodeURIComponent('else/demo')}/tags`)).toEqual(refused(404, "template 'else/demo' not found"));
  }, 60_000);
});

describe('e2b contract: sandboxes and templates as the real handlers treat them', () => {
  it('DELETE /sandboxes of an unknown id is 404 with the API’s text; a malformed id is 400', async () => {
    expect(await call('DELETE', '/sandboxes/iabc123')).toEqual(
      refused(404, 'Sandbox "iabc123" doesn\'t exist or you don\'t have access to it'),
    );
    expect(await call('DELETE', '/sandboxes/Bad_Id')).toEqual(refused(400, 'Invalid sandbox ID'));
  });

  it('through the real CLI: `e2b sandbox kill` of an unknown id says so and exits 0; a malformed id exits 1', async () => {
    const gone = await e2b(['sandbox', 'kill', 'iabc123']);
    expect(gone.code).toBe(0);
    expect(gone.stderr).toContain("Sandbox iabc123 wasn't found");
    const bad = await e2b(['sandbox', 'kill', 'Bad_Id']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('SandboxError: 400: Invalid sandbox ID');
  }, 60_000);

  it('a template that a running sandbox uses cannot be deleted (kill first), through the real CLI too', async () => {
    const id = await built('demo');
    const started = (await call('POST', '/sandboxes', { templateID: id, timeout: 60 })).body as { sandboxID: string };
    expect(await call('DELETE', `/templates/${id}`)).toEqual(
      refused(400, `cannot delete template '${id}' because there are running sandboxes using it`),
    );
    const r = await e2b(['template', 'delete', id, '--yes']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `Error deleting sandbox template: [400] bad request: cannot delete template '${id}' because there are running sandboxes using it`,
    );
    expect((await e2b(['sandbox', 'kill', started.sandboxID])).code).toBe(0);
    expect((await e2b(['template', 'delete', id, '--yes'])).code).toBe(0);
    expect(api.templates.size).toBe(0);
  }, 60_000);

  it('a build can be started once; the stand-in’s own answers must match the documented schemas', async () => {
    const r = (await call('POST', '/v3/templates', { name: 'demo' })).body as { templateID: string; buildID: string };
    const start = `/v2/templates/${r.templateID}/builds/${r.buildID}`;
    expect((await call('POST', start, { fromImage: 'ubuntu:22.04' })).status).toBe(202);
    expect(await call('POST', start, { fromImage: 'ubuntu:22.04' })).toEqual(refused(400, 'build is not in waiting state'));
    expect(await call('POST', `/v2/templates/${r.templateID}/builds/not-a-uuid`, {})).toEqual(refused(400, 'Invalid build ID: not-a-uuid'));
    // a drifted answer (a template of 0 CPUs) is caught by the stand-in itself
    api.byAlias('demo')!.cpuCount = 0;
    const listed = await call('GET', '/templates');
    expect(listed.status).toBe(500);
    expect(listed.body).toMatchObject({
      message: expect.stringMatching(/^stand-in: answer to GET \/templates breaks the spec: Error at "\/0\/cpuCount"/),
    });
  });
});

describe('e2b contract: envd in the sandbox (process.Process/Start, Connect protocol) as the real SDK speaks it', () => {
  it('through the real CLI: `e2b sandbox exec` connects, runs the command with the sandbox’s environment, and exits with its code', async () => {
    await built('demo');
    const started = (await call('POST', '/sandboxes', { templateID: 'demo', timeout: 60, envVars: { GREETING: 'two\nlines' } })).body as {
      sandboxID: string;
    };
    const env = { E2B_SANDBOX_URL: api.url };
    const ok = await e2b(['sandbox', 'exec', started.sandboxID, '--', 'printf "%s" "$GREETING"; exit 3'], env);
    expect(ok.code, ok.stderr).toBe(3);
    expect(ok.stdout).toBe('two\nlines');
    // the CLI's own way in: a login bash; ours is /bin/sh -c with the command as one argument
    expect(api.commands.at(-1)).toMatchObject({
      sandboxID: started.sandboxID,
      cmd: '/bin/bash',
      args: ['-l', '-c', 'printf "%s" "$GREETING"; exit 3'],
    });
    expect(api.requests.some((q) => q.path === `/sandboxes/${started.sandboxID}/connect`)).toBe(true);
  }, 60_000);

  it('through our client: /bin/sh -c <command> as one argument; a wrong token, a sandbox that is gone: a failed result, never a throw', async () => {
    await built('demo');
    const s = (await call('POST', '/sandboxes', { templateID: 'demo', timeout: 60 })).body as {
      sandboxID: string;
      envdAccessToken: string;
    };
    const prev = process.env.E2B_SANDBOX_URL;
    process.env.E2B_SANDBOX_URL = api.url;
    try {
      const r = await runInSandbox(s, 'echo out; echo err >&2; exit 0', 10_000);
      expect(r).toMatchObject({ code: 0, stdout: 'out\n', stderr: 'err\n' });
      expect(api.commands.at(-1)).toEqual({ sandboxID: s.sandboxID, cmd: '/bin/sh', args: ['-c', 'echo out; echo err >&2; exit 0'] });
      expect((await runInSandbox(s, 'exit 7', 10_000)).code).toBe(7);
      const denied = await runInSandbox({ ...s, envdAccessToken: 'wrong' }, 'true', 10_000);
      expect(denied.code).not.toBe(0);
      expect(denied.stderr).toMatch(/envd answered 401: .*unauthorized access/);
      expect((await runInSandbox(s, 'sleep 5', 500)).timedOut).toBe(true);
      await call('DELETE', `/sandboxes/${s.sandboxID}`);
      expect((await runInSandbox(s, 'true', 10_000)).stderr).toMatch(/envd answered 502/);
    } finally {
      if (prev === undefined) delete process.env.E2B_SANDBOX_URL;
      else process.env.E2B_SANDBOX_URL = prev;
    }
  }, 60_000);
});
