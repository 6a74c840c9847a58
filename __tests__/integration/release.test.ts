/**
 * The release flow, dry run (issue 22): a maintainer's `npm run release -- <version>` in a scratch
 * repository whose origin is a local bare repository, `git push origin HEAD v<version>`, then the
 * `run:` steps of .github/workflows/release.yml's release job, in order, with bash, in a clone of the
 * tag — as the runner would run them after actions/checkout. Real git throughout: the tag is created,
 * the major tag moves (or, for a prerelease, stays), the notes are the CHANGELOG section. GitHub
 * itself cannot run here: `gh` is a stand-in that records its argv and the notes file (contract), and
 * `npm ci` is recorded, not run. The release job needs the whole CI workflow first, whose check-dist
 * job rebuilds dist/ and compares it with the committed one: checked below in the workflow's text.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cleanEnv, ROOT } from '../support/action.js';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}
interface Job {
  needs?: string | string[];
  uses?: string;
  permissions?: Record<string, string>;
  steps?: Step[];
}
const workflow = (file: string) =>
  parse(readFileSync(join(ROOT, '.github', 'workflows', file), 'utf8')) as { on: Record<string, unknown>; jobs: Record<string, Job> };

let base: string;
let bare: string;
let work: string;
let stubs: string;
let record: string;

const env = () => ({
  ...cleanEnv(),
  GIT_AUTHOR_NAME: 'Release Test',
  GIT_AUTHOR_EMAIL: 'release@example.invalid',
  GIT_COMMITTER_NAME: 'Release Test',
  GIT_COMMITTER_EMAIL: 'release@example.invalid',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  SOURCE_DATE_EPOCH: '1796256000', // 2026-12-03
});

function run(cmd: string, args: string[], cwd: string, extra: Record<string, string> = {}) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...env(), ...extra } });
  return { code: r.status, out: `${r.stdout}${r.stderr}`, stdout: r.stdout };
}
function git(args: string[], cwd: string): string {
  const r = run('git', args, cwd);
  if (r.code !== 0) throw new Error(`git ${args.join(' ')}: ${r.out}`);
  return r.stdout.trim();
}
const release = (args: string[], cwd = work) => run(process.execPath, [join(ROOT, 'scripts', 'release.mjs'), ...args], cwd);
const remoteTag = (tag: string) => {
  const r = run('git', ['--git-dir', bare, 'rev-parse', '--verify', '--quiet', `${tag}^{commit}`], base);
  return r.code === 0 ? r.stdout.trim() : '';
};

/** Add an [Unreleased] entry and commit it: the work between two releases. */
function change(line: string): void {
  const file = join(work, 'CHANGELOG.md');
  writeFileSync(file, readFileSync(file, 'utf8').replace('## [Unreleased]\n', `## [Unreleased]\n\n### Added\n\n- ${line}\n`));
  git(['commit', '-qam', line], work);
}

/** What the maintainer does: npm run release -- <version>, then git push origin HEAD v<version>. */
function cut(version: string): void {
  const r = release(['prepare', version]);
  expect(r.code, r.out).toBe(0);
  expect(r.out).toContain(`git push origin HEAD v${version}`);
  git(['push', '-q', 'origin', 'HEAD', `v${version}`], work);
}

/** A change, its release, and the release job for its tag, which must succeed. */
function ship(line: string, version: string): ReturnType<typeof releaseJob> {
  change(line);
  cut(version);
  const job = releaseJob(`v${version}`);
  expect(job.code, job.out).toBe(0);
  return job;
}

/** The release job's run: steps after a checkout of the tag; stops at the first failing step, as the runner does. */
function releaseJob(tag: string): { code: number; out: string; gh: string[]; notes: string; ran: string[] } {
  const runner = mkdtempSync(join(base, 'runner-'));
  git(['clone', '-q', bare, runner], base);
  git(['checkout', '-q', tag], runner);
  // the script's one dependency, as npm ci would install it
  cpSync(join(ROOT, 'node_modules', 'semver'), join(runner, 'node_modules', 'semver'), { recursive: true });
  const temp = mkdtempSync(join(base, 'runner-temp-'));
  rmSync(record, { force: true });
  const job = workflow('release.yml').jobs.release!;
  const ran: string[] = [];
  for (const step of job.steps!) {
    if (!step.run) continue;
    ran.push(step.name ?? step.run);
    const r = run('bash', ['-eo', 'pipefail', '-c', step.run], runner, {
      PATH: `${stubs}:${process.env.PATH}`,
      TAG: tag,
      GITHUB_REF_NAME: tag,
      RUNNER_TEMP: temp,
      GH_TOKEN: 'stand-in-token',
      RECORD: record,
    });
    if (r.code !== 0) return { code: r.code ?? 1, out: r.out, ...recorded(), ran };
  }
  return { code: 0, out: '', ...recorded(), ran };
}
function recorded(): { gh: string[]; notes: string } {
  let text = '';
  try {
    text = readFileSync(record, 'utf8');
  } catch {
    return { gh: [], notes: '' };
  }
  const [argv = '', ...notes] = text.split('\n--notes--\n');
  return { gh: argv.split('\n').filter(Boolean), notes: notes.join('') };
}

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'wb-release-'));
  bare = join(base, 'origin.git');
  work = join(base, 'work');
  stubs = join(base, 'bin');
  record = join(base, 'gh-record');
  mkdirSync(stubs);
  // gh stand-in: one argv element a line, then the notes file's content
  writeFileSync(
    join(stubs, 'gh'),
    '#!/usr/bin/env bash\nprintf "%s\\n" "$@" >"$RECORD"\nwhile [ $# -gt 0 ]; do if [ "$1" = --notes-file ]; then printf -- "--notes--\\n" >>"$RECORD"; cat "$2" >>"$RECORD"; fi; shift; done\n',
  );
  writeFileSync(join(stubs, 'npm'), '#!/usr/bin/env bash\necho "npm $*: recorded, not run"\n');
  for (const f of ['gh', 'npm']) chmodSync(join(stubs, f), 0o755);

  git(['init', '-q', '--bare', '-b', 'main', bare], base);
  mkdirSync(join(work, 'scripts'), { recursive: true });
  git(['init', '-q', '-b', 'main'], work);
  cpSync(join(ROOT, 'scripts', 'release.mjs'), join(work, 'scripts', 'release.mjs'));
  writeFileSync(
    join(work, 'package.json'),
    `${JSON.stringify({ name: 'demo-action', version: '0.9.0', private: true, type: 'module' }, null, 2)}\n`,
  );
  writeFileSync(
    join(work, 'package-lock.json'),
    `${JSON.stringify({ name: 'demo-action', version: '0.9.0', lockfileVersion: 3, requires: true, packages: { '': { name: 'demo-action', version: '0.9.0' } } }, null, 2)}\n`,
  );
  writeFileSync(
    join(work, 'CHANGELOG.md'),
    '# Changelog\n\nKeep a Changelog.\n\n## [Unreleased]\n\n### Added\n\n- The first thing.\n- The second thing.\n\n[unreleased]: https://github.com/sindri/deploy-action/commits/main\n',
  );
  git(['add', '.'], work);
  git(['commit', '-qm', 'start'], work);
  git(['remote', 'add', 'origin', bare], work);
  git(['push', '-q', 'origin', 'main'], work);
});

afterAll(() => {
  if (base) rmSync(base, { recursive: true, force: true });
});

describe('release dry run against a local bare repository (gh: contract stand-in)', () => {
  it('npm run release is this script; the workflow runs on v<semver> tags and needs the whole CI first', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.release).toBe('node scripts/release.mjs prepare');
    const rel = workflow('release.yml');
    expect((rel.on.push as { tags: string[] }).tags).toContain('v[0-9]+.[0-9]+.[0-9]+');
    expect(rel.jobs.ci!.uses).toBe('./.github/workflows/ci.yml');
    expect(rel.jobs.release!.needs).toBe('ci');
    expect(rel.jobs.release!.permissions).toEqual({ contents: 'write' });
    const checkout = rel.jobs.release!.steps!.find((s) => s.uses?.startsWith('actions/checkout@'));
    expect(checkout?.with?.['fetch-depth']).toBe(0);
    // the CI it calls: callable, and its check-dist job rebuilds dist/ and fails when it differs
    const ci = workflow('ci.yml');
    expect(ci.on).toHaveProperty('workflow_call');
    const dist = ci.jobs['check-dist']!.steps!.map((s) => s.run ?? '').join('\n');
    expect(dist).toContain('npm run bundle');
    expect(dist).toMatch(/git diff --exit-code[^\n]*-- dist\//);
    expect(dist).toMatch(/git status --porcelain -- dist\//);
    // the release job's order: agree, notes, release, major tag
    const order = rel.jobs.release!.steps!.filter((s) => s.run).map((s) => s.run!);
    expect(order.map((r) => /release\.mjs check|release\.mjs notes|gh release create|release\.mjs move-major/.exec(r)?.[0])).toEqual([
      undefined, // npm ci
      'release.mjs check',
      'release.mjs notes',
      'gh release create',
      'release.mjs move-major',
    ]);
  });

  it('v1.0.0: the tag is created, the notes are the CHANGELOG section, v1 points at the release', () => {
    cut('1.0.0');
    const changelog = git(['--git-dir', bare, 'show', 'v1.0.0:CHANGELOG.md'], base);
    expect(changelog).toMatch(
      /^## \[Unreleased\]\n\n## \[1\.0\.0\] - 2026-12-03\n\n### Added\n\n- The first thing\.\n- The second thing\.$/m,
    );
    expect(changelog).toContain('[unreleased]: https://github.com/sindri/deploy-action/compare/v1.0.0...HEAD');
    expect(changelog).toContain('[1.0.0]: https://github.com/sindri/deploy-action/releases/tag/v1.0.0');
    expect(JSON.parse(git(['--git-dir', bare, 'show', 'v1.0.0:package.json'], base)).version).toBe('1.0.0');
    expect(JSON.parse(git(['--git-dir', bare, 'show', 'v1.0.0:package-lock.json'], base)).packages[''].version).toBe('1.0.0');
    expect(git(['--git-dir', bare, 'cat-file', '-t', 'v1.0.0'], base)).toBe('tag'); // annotated
    expect(remoteTag('v1')).toBe('');

    const job = releaseJob('v1.0.0');
    expect(job.code, job.out).toBe(0);
    expect(job.gh).toEqual([
      'release',
      'create',
      'v1.0.0',
      '--verify-tag',
      '--title',
      'v1.0.0',
      '--notes-file',
      expect.stringMatching(/notes\.md$/),
    ]);
    expect(job.notes).toBe('### Added\n\n- The first thing.\n- The second thing.\n');
    expect(remoteTag('v1')).toBe(remoteTag('v1.0.0'));
  });

  it('v1.1.0 moves v1; a prerelease is marked so and moves nothing; v2.0.0 starts v2 and leaves v1', () => {
    const v110 = ship('A third thing.', '1.1.0');
    expect(v110.notes).toBe('### Added\n\n- A third thing.\n');
    expect(remoteTag('v1')).toBe(remoteTag('v1.1.0'));
    expect(remoteTag('v1')).not.toBe(remoteTag('v1.0.0'));

    expect(ship('Something to try.', '1.2.0-rc.1').gh).toContain('--prerelease');
    expect(remoteTag('v1')).toBe(remoteTag('v1.1.0'));

    ship('A breaking change.', '2.0.0');
    expect(remoteTag('v2')).toBe(remoteTag('v2.0.0'));
    expect(remoteTag('v1')).toBe(remoteTag('v1.1.0'));
    const changelog = readFileSync(join(work, 'CHANGELOG.md'), 'utf8');
    expect(changelog).toContain('[2.0.0]: https://github.com/sindri/deploy-action/compare/v1.2.0-rc.1...v2.0.0');
    expect(changelog).toContain('[1.1.0]: https://github.com/sindri/deploy-action/compare/v1.0.0...v1.1.0');
  });

  it('refusals: one line with a Fix, nothing tagged, nothing published', () => {
    const refused = (r: { code: number | null; out: string }, what: RegExp) => {
      expect(r.code, r.out).toBe(1);
      expect(r.out.trim().split('\n')).toHaveLength(1);
      expect(r.out).toMatch(what);
      expect(r.out).toMatch(/^release: .*\. Fix: /);
    };
    refused(release(['prepare', '2.0.1']), /\[Unreleased\] is empty/);
    writeFileSync(join(work, 'stray.txt'), 'x');
    refused(release(['prepare', '2.0.1']), /uncommitted changes/);
    rmSync(join(work, 'stray.txt'));
    change('Another thing.');
    refused(release(['prepare', '1.9.0']), /not above the latest release v2\.0\.0/);
    refused(release(['prepare', 'v2.1']), /is not a version/);
    expect(git(['tag', '--list', 'v1.9.0'], work)).toBe('');

    // a tag whose package.json disagrees: the job stops before gh and before the major tag
    git(['tag', 'v2.0.1'], work);
    git(['push', '-q', 'origin', 'v2.0.1'], work);
    const before = remoteTag('v2');
    const job = releaseJob('v2.0.1');
    expect(job.code).toBe(1);
    expect(job.out).toMatch(/^release: package\.json says 2\.0\.0, the tag v2\.0\.1\. Fix: /m);
    expect(job.gh).toEqual([]);
    expect(remoteTag('v2')).toBe(before);
    refused(release(['check', 'latest']), /"latest" is not a release tag/);
    refused(release(['notes', 'v9.9.9']), /has no section "## \[9\.9\.9\]/);
  });
});
