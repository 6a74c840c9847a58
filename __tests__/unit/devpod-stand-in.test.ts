/**
 * Positive controls for the devpod stand-in (CONTRACT, issue 18): a call the real devpod v0.6.15
 * rejects is rejected the same way (its own `HH:MM:SS fatal …` line on stderr, exit 1), JSON comes only
 * with `--output json`, and output goes to the stream devpod writes it to. The texts are devpod's,
 * pflag's and cobra's at that tag (fakes/devpod.cjs names the files).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { installFakes, type Fakes } from '../support/fakes.js';

let fakes: Fakes;
let dir: string;
beforeAll(() => {
  fakes = installFakes(['devpod']);
  dir = mkdtempSync(join(tmpdir(), 'devpod-stand-in-'));
});
afterAll(() => {
  fakes?.remove();
  if (dir) rmSync(dir, { recursive: true, force: true });
});
/** devpod's own records live in DEVPOD_HOME (the runner), what the provider runs in the shared state */
const home = () => join(dir, 'devpod-home');
beforeEach(() => {
  fakes.setState('devpod', {});
  rmSync(home(), { recursive: true, force: true });
});

function devpod(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync('devpod', args, { env: { ...process.env, ...fakes.env, DEVPOD_HOME: home(), ...env }, cwd: dir, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** devpod's fatal line: time in white+b, `fatal ` in red+b, the message, exit 1, nothing on stdout */
function expectFatal(r: ReturnType<typeof devpod>, message: string): void {
  expect(r.stderr).toMatch(/^\x1b\[0;1;37m\d\d:\d\d:\d\d \x1b\[0m\x1b\[0;1;31mfatal \x1b\[0m/);
  expect(r.stderr.replace(/^\x1b\[0;1;37m\d\d:\d\d:\d\d \x1b\[0m\x1b\[0;1;31mfatal \x1b\[0m/, '')).toBe(`${message}\n`);
  expect(r.code).toBe(1);
  expect(r.stdout).toBe('');
}

describe('devpod stand-in contract: what the real devpod v0.6.15 rejects', () => {
  it('an unknown or misspelt flag on each command the action calls', () => {
    expectFatal(devpod(['provider', 'list', '--outptu', 'json']), 'unknown flag: --outptu');
    expectFatal(devpod(['list', '--format', 'json']), 'unknown flag: --format');
    expectFatal(devpod(['status', 'x', '--json']), 'unknown flag: --json');
    expectFatal(devpod(['up', '.', '--id', 'x', '--ide', 'none', '--devcontainer-file', 'a.json']), 'unknown flag: --devcontainer-file');
    expectFatal(devpod(['up', '.', '--workspace-envfile', 'f']), 'unknown flag: --workspace-envfile');
    expectFatal(devpod(['delete', 'x', '--forse']), 'unknown flag: --forse');
    expectFatal(devpod(['provider', 'add', 'docker', '--options', 'A=B']), 'unknown flag: --options');
  });

  it('a shorthand where there is none: -o is --option of provider add/set-options only; --output has no shorthand', () => {
    expectFatal(devpod(['list', '-o', 'json']), "unknown shorthand flag: 'o' in -o");
    expectFatal(devpod(['provider', 'list', '-o', 'json']), "unknown shorthand flag: 'o' in -o");
  });

  it('a flag without its value, and a bool that is not one', () => {
    expectFatal(devpod(['up', '.', '--id']), 'flag needs an argument: --id');
    expectFatal(devpod(['provider', 'add', 'docker', '-o']), "flag needs an argument: 'o' in -o");
    expectFatal(
      devpod(['up', '.', '--id', 'x', '--recreate=maybe']),
      'invalid argument "maybe" for "--recreate" flag: strconv.ParseBool: parsing "maybe": invalid syntax',
    );
  });

  it('an unknown command: with suggestions at the root; a word after list; help (exit 0) under provider', () => {
    expectFatal(devpod(['lsit']), 'unknown command "lsit" for "devpod"\n\nDid you mean this?\n\tlist\n');
    expectFatal(devpod(['list', 'extra']), 'unknown command "extra" for "devpod list"');
    const group = devpod(['provider', 'lst']);
    expect(group.code).toBe(0);
    expect(group.stdout).toContain('devpod provider [command]');
    expect(group.stderr).toBe('');
  });

  it('devpod checks --log-output after the flags; the version has no newline', () => {
    expectFatal(devpod(['list', '--log-output', 'yaml']), 'unrecognized log format yaml, needs to be either plain or json');
    expect(devpod(['version'])).toEqual({ code: 0, stdout: 'v0.6.15', stderr: '' });
  });

  it('provider add/set-options: missing source, an existing provider, no option, an unknown provider, a bad option, a required one left out', () => {
    expectFatal(
      devpod(['provider', 'add']),
      'please specify either a local file, url or git repository. E.g. devpod provider add https://path/to/my/provider.yaml',
    );
    expect(devpod(['provider', 'add', 'docker']).code).toBe(0);
    expectFatal(
      devpod(['provider', 'add', 'docker']),
      "provider docker already exists. Please run 'devpod provider delete docker' before adding the provider",
    );
    expectFatal(devpod(['provider', 'set-options', 'docker']), 'please specify option');
    expectFatal(
      devpod(['provider', 'set-options', 'aws', '-o', 'AWS_REGION=x']),
      "couldn't find provider with name aws. Please make sure to add the provider via 'devpod provider add'",
    );
    expectFatal(
      devpod(['provider', 'set-options', 'docker', '-o', 'DOCKER_HOST']),
      "parse options: invalid option 'DOCKER_HOST', expected format KEY=VALUE",
    );
    const add = devpod(['provider', 'add', 'gcloud', '-o', 'ZONE=z']);
    expect(add.code).toBe(1);
    expect(add.stderr).toContain('fatal \x1b[0mconfigure provider: resolve options: option PROJECT is required, but no value provided\n');
    expect(devpod(['provider', 'list', '--output', 'json']).stdout).not.toContain('gcloud');
  });

  it('up: every error is "prepare workspace client: …"; env files before the id; the provider must be added', () => {
    writeFileSync(join(dir, 'bad.env'), 'GOOD=1\nEMPTY=\n');
    expectFatal(
      devpod(['up', '.', '--id', 'BAD', '--workspace-env-file', join(dir, 'bad.env')]),
      `prepare workspace client: env file ${join(dir, 'bad.env')} contains invalid variable value in line 2: EMPTY=`,
    );
    expectFatal(
      devpod(['up', '.', '--id', 'Bad_Id']),
      'prepare workspace client: workspace name can only include smaller case letters, numbers or dashes',
    );
    expectFatal(
      devpod(['up', '.', '--id', 'x'.repeat(49)]),
      'prepare workspace client: workspace name cannot be longer than 48 characters',
    );
    expectFatal(
      devpod(['up', '.', '--id', 'ws', '--provider', 'docker']),
      "prepare workspace client: couldn't find default provider docker. Please make sure to add the provider via 'devpod provider add'",
    );
  });

  it('status/delete of a workspace that is not there', () => {
    expectFatal(devpod(['status', 'nope', '--output', 'json']), "workspace nope doesn't exist");
    expectFatal(devpod(['delete', 'nope', '--force']), "couldn't find workspace nope");
    const ignored = devpod(['delete', 'nope', '--ignore-not-found']);
    expect(ignored.code).toBe(0);
    expect(ignored.stdout).toMatch(/done \x1b\[0mSuccessfully deleted workspace ''\n$/);
  });

  it('a command devpod has but the stand-in does not model fails loudly (exit 99), never silently', () => {
    const r = devpod(['logs', 'x']);
    expect(r.code).toBe(99);
    expect(r.stderr).toMatch(/not modelled/);
  });
});

describe('devpod stand-in contract: output as the real devpod v0.6.15 prints it', () => {
  it('JSON only with --output json, and then without a trailing newline', () => {
    expect(devpod(['provider', 'add', 'docker', '-o', 'DOCKER_HOST=unix:///run/docker.sock']).code).toBe(0);
    const plain = devpod(['provider', 'list']);
    expect(plain.code).toBe(0);
    expect(() => JSON.parse(plain.stdout) as unknown).toThrow();
    const json = devpod(['provider', 'list', '--output', 'json']);
    expect(json.stdout.endsWith('}')).toBe(true);
    const providers = JSON.parse(json.stdout) as Record<
      string,
      { config: { name: string }; state: { options: Record<string, unknown> }; default?: boolean }
    >;
    // every resolved option: ours (userProvided) and the provider's defaults; `default` only when true
    expect(providers.docker).toMatchObject({
      config: { name: 'docker' },
      state: {
        initialized: true,
        options: { DOCKER_HOST: { value: 'unix:///run/docker.sock', userProvided: true }, DOCKER_PATH: { value: 'docker' } },
      },
      default: true,
    });
    expect(devpod(['list']).stdout.trim().startsWith('[')).toBe(false);
    expect(devpod(['list', '--output', 'json']).stdout).toBe('[]');
    expectFatal(devpod(['list', '--output', 'yaml']), 'unexpected output format, choose either json or plain. Got yaml');
  });

  it('info/done on stdout, the plain status on stderr; a workspace record as devpod writes it', () => {
    writeFileSync(join(dir, 'dc.json'), JSON.stringify({ image: 'from-file:1' }));
    expect(devpod(['provider', 'add', 'docker']).stderr).toBe('');
    const up = devpod([
      'up',
      '.',
      '--id',
      'ws',
      '--ide',
      'none',
      '--provider',
      'docker',
      '--devcontainer-path',
      'dc.json',
      '--devcontainer-image',
      'given:1',
    ]);
    expect(up.code).toBe(0);
    expect(up.stderr).toBe('');
    expect(up.stdout).toMatch(/info \x1b\[0mCreating devcontainer\.\.\.\n/);
    const status = devpod(['status', 'ws']);
    expect(status.stdout).toBe('');
    expect(status.stderr).toMatch(/info \x1b\[0mWorkspace 'ws' is 'Running'\n$/);
    expect(JSON.parse(devpod(['status', 'ws', '--output', 'json']).stdout)).toEqual({
      id: 'ws',
      context: 'default',
      provider: 'docker',
      state: 'Running',
    });
    const [w] = JSON.parse(devpod(['list', '--output', 'json']).stdout) as Record<string, unknown>[];
    expect(w).toMatchObject({
      id: 'ws',
      provider: { name: 'docker' },
      machine: {},
      ide: { name: 'none' },
      devContainerImage: 'given:1',
      devContainerPath: 'dc.json',
    });
    expect(w!.uid).toMatch(/^.{10}-[0-9a-f]{5}$/);
  });

  it('the recorded image is not applied again: a later up without --devcontainer-image runs the file (non-proxy up)', () => {
    writeFileSync(join(dir, 'dc.json'), JSON.stringify({ image: 'from-file:1' }));
    devpod(['provider', 'add', 'docker']);
    devpod(['up', '.', '--id', 'ws', '--provider', 'docker', '--devcontainer-path', 'dc.json', '--devcontainer-image', 'given:1']);
    devpod(['up', '.', '--id', 'ws', '--recreate']);
    const w = (JSON.parse(readFileSync(join(home(), 'stand-in.json'), 'utf8')) as { workspaces: { image: string; uid: string }[] })
      .workspaces[0]!;
    expect(w.image).toBe('given:1');
    const running = fakes.state<{ resources: Record<string, { running: unknown }> }>('devpod').resources[w.uid]!.running;
    expect(running).toEqual({ image: 'from-file:1' });
  });
});
