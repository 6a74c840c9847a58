/**
 * Every file a provider generates in the checkout goes through kit/files.ts (issue 20 class 7): a
 * committed link at its path (`sindri-compose.yml -> /etc/…`) or a file of the user's own there is
 * refused in one line before anything runs, and what stands there is left exactly as it was. Real
 * files in a temporary folder, each provider's own apply; no tool may have been started.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfigText } from '../../src/config/load.js';
import { ActionError } from '../../src/errors.js';
import { DevpodProvider } from '../../src/providers/devpod/provider.js';
import { DockerProvider } from '../../src/providers/docker/provider.js';
import { E2bProvider } from '../../src/providers/e2b/provider.js';
import { FlyProvider } from '../../src/providers/fly/provider.js';
import type { Provider, ProviderContext } from '../../src/providers/types.js';
import { pinnedDecision } from '../support/docker.js';
import { runParts } from '../support/exec.js';
import { testInputs } from '../support/inputs.js';

const DIGEST = `sha256:${'c'.repeat(64)}`;
const dirs: string[] = [];
const saved = { FLY_API_TOKEN: process.env.FLY_API_TOKEN, E2B_API_KEY: process.env.E2B_API_KEY };

beforeAll(() => {
  // the providers refuse to start without their token: these are never sent anywhere (nothing runs)
  process.env.FLY_API_TOKEN = 'fo1_generated-files-test';
  process.env.E2B_API_KEY = `e2b_${'0'.repeat(40)}`;
});
afterAll(() => {
  for (const [k, v] of Object.entries(saved))
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
});

interface Case {
  provider: Provider;
  /** the generated file, relative to the working directory */
  file: string;
  /** providers.<name> in sindri.yaml */
  settings: string;
  /** files of the user's own already in the checkout */
  own?: Record<string, string>;
}

const CASES: Case[] = [
  { provider: new DockerProvider(), file: 'sindri-compose.yml', settings: '  docker:\n    network: host\n' },
  // a user's own fly.toml is the base (ADR 0039): ours is then fly.sindri.toml beside it, the path to guard
  {
    provider: new FlyProvider(),
    file: 'fly.sindri.toml',
    settings: '  fly:\n    region: ord\n',
    own: { 'fly.toml': 'app = "theirs"\nkill_timeout = 30\n' },
  },
  // a user's own .devcontainer/devcontainer.json is never touched: ours goes beside it, so that is the path to guard
  {
    provider: new DevpodProvider(),
    file: '.devcontainer/sindri/devcontainer.json',
    settings: '  devpod:\n    type: docker\n',
    own: { '.devcontainer/devcontainer.json': '{ "image": "the user own" }\n' },
  },
  { provider: new E2bProvider(), file: '.e2b/e2b.Dockerfile', settings: '  e2b:\n    startCmd: /sbin/init\n' },
];

function context(c: Case): ProviderContext {
  const dir = mkdtempSync(join(tmpdir(), 'wc-kit-generated-'));
  dirs.push(dir);
  const text = `version: "3.0"\nname: gen-${c.provider.name}\ndeployment:\n  provider: ${c.provider.name}\nextensions:\n  profile: minimal\nproviders:\n${c.settings}`;
  writeFileSync(join(dir, 'sindri.yaml'), text);
  for (const [f, content] of Object.entries(c.own ?? {})) {
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    writeFileSync(join(dir, f), content);
  }
  const config = loadConfigText(text, { file: 'sindri.yaml', path: join(dir, 'sindri.yaml'), dir, schema: false }).config;
  const inputs = testInputs({ provider: c.provider.name });
  return {
    inputs,
    config,
    provider: c.provider.name,
    workdir: dir,
    image: pinnedDecision('127.0.0.1:5000/gen/app', '1', DIGEST),
    ...runParts(),
  };
}

async function refusal(c: Case, ctx: ProviderContext): Promise<string> {
  const e = await c.provider.apply(ctx).then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e, 'apply must refuse').toBeInstanceOf(ActionError);
  // nothing was started: the refusal comes before any tool, engine or API
  expect(ctx.exec.history.map((r) => r.argv.join(' '))).toEqual([]);
  return (e as ActionError).toLine();
}

describe.each(CASES)('provider $provider.name: its generated $file', (c) => {
  it('a symbolic link at its path is refused; the file it points to stays as it was', async () => {
    const ctx = context(c);
    const outside = join(mkdtempSync(join(tmpdir(), 'wc-kit-outside-')), 'precious');
    dirs.push(dirname(outside));
    writeFileSync(outside, 'not yours to overwrite\n');
    mkdirSync(dirname(join(ctx.workdir, c.file)), { recursive: true });
    symlinkSync(outside, join(ctx.workdir, c.file));
    const line = await refusal(c, ctx);
    expect(line.startsWith(`${c.file}: ${c.file} is a symbolic link (to ${outside}); the action never writes through a link`)).toBe(true);
    expect(line).toContain(`Fix: remove the link (git rm ${c.file})`);
    expect(readFileSync(outside, 'utf8')).toBe('not yours to overwrite\n');
  });

  it('a file of the user’s own at its path is refused by name and left as it was', async () => {
    const ctx = context(c);
    const path = join(ctx.workdir, c.file);
    mkdirSync(dirname(path), { recursive: true });
    const own = c.file.endsWith('.json') ? '{ "image": "mine" }\n' : '# my own\nkeep: me\n';
    writeFileSync(path, own);
    const line = await refusal(c, ctx);
    expect(line.startsWith(`${c.file}: ${c.file} exists and was not generated by this action`)).toBe(true);
    expect(line).toContain('Fix: ');
    expect(readFileSync(path, 'utf8')).toBe(own);
  });
});

describe("provider fly: a fly.toml of the user's", () => {
  const fly: Case = { provider: new FlyProvider(), file: 'fly.toml', settings: '  fly:\n    region: ord\n' };
  it('a link at fly.toml is refused, never read: plan prints the merged copy, so the linked file would reach the log', async () => {
    const ctx = context(fly);
    const outside = join(mkdtempSync(join(tmpdir(), 'wc-kit-outside-')), 'secret.toml');
    dirs.push(dirname(outside));
    writeFileSync(outside, 'token = "runner secret"\n');
    symlinkSync(outside, join(ctx.workdir, 'fly.toml'));
    const line = await refusal(fly, ctx);
    expect(line.startsWith(`fly.toml: fly.toml is a symbolic link (to ${outside}); a fly.toml of yours is read only as a plain file`)).toBe(
      true,
    );
    expect(line).not.toContain('runner secret');
    expect(readFileSync(outside, 'utf8')).toBe('token = "runner secret"\n');
  });
});

describe.each(CASES.filter((c) => c.file.includes('/')))('provider $provider.name: a folder of $file', (c) => {
  it('a link on the way (the folder is a link) is refused; nothing is written where it points', async () => {
    const ctx = context(c);
    const elsewhere = mkdtempSync(join(tmpdir(), 'wc-kit-elsewhere-'));
    dirs.push(elsewhere);
    const folder = dirname(c.file);
    mkdirSync(dirname(join(ctx.workdir, folder)), { recursive: true });
    symlinkSync(elsewhere, join(ctx.workdir, folder));
    const line = await refusal(c, ctx);
    expect(line.startsWith(`${folder}: ${folder} is a symbolic link (to ${elsewhere})`)).toBe(true);
    expect(readdirSync(elsewhere)).toEqual([]);
  });
});
