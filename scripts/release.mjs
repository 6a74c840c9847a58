#!/usr/bin/env node
/**
 * Releases (docs/adr/0033-releases-and-the-major-tag.md; CONTRIBUTING.md#releasing). One script for
 * the maintainer's side and the release workflow's side, so both read CHANGELOG.md the same way.
 *
 *   node scripts/release.mjs prepare <version>   (npm run release -- 1.2.3) on a clean main: CHANGELOG's
 *       [Unreleased] becomes [1.2.3] - <today>, package.json gets the version, one commit
 *       "Release v1.2.3" and the annotated tag v1.2.3. Nothing is pushed: it prints the push command.
 *   node scripts/release.mjs check <tag>         the tag is vX.Y.Z[-pre], package.json says X.Y.Z[-pre],
 *       CHANGELOG.md has a non-empty section for it (.github/workflows/release.yml, before publishing)
 *   node scripts/release.mjs notes <tag>         that section's text, for the GitHub release
 *   node scripts/release.mjs move-major <tag> [--push <remote>]
 *       points the major tag (v1) at the release's commit, pushed with --force when --push is given;
 *       a prerelease moves nothing
 *
 * Runs in the current directory's git repository. git is run with argv arrays, never a shell.
 * A refusal is one line `release: <what>. Fix: <how>` and exit code 1.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';

const CHANGELOG = 'CHANGELOG.md';
const TAG_RE = /^v(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)$/;

class Refusal extends Error {
  constructor(what, fix) {
    super(`${what}. Fix: ${fix}`);
  }
}

function git(args, cwd = process.cwd()) {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

/** `v1.2.3` → `1.2.3`; refuses anything that is not a semver release tag. */
export function versionOfTag(tag) {
  const m = TAG_RE.exec(tag ?? '');
  if (!m || !semver.valid(m[1]))
    throw new Refusal(`"${tag}" is not a release tag`, 'tag releases as v<major>.<minor>.<patch>, e.g. v1.2.3');
  return m[1];
}

/** Keep a Changelog `## [1.2.3] - 2026-12-03` headings: the text under each, by version (`Unreleased` too). */
export function changelogSections(text) {
  const sections = new Map();
  const heads = [...text.matchAll(/^## \[([^\]]+)\](?:[ \t]+-[ \t]+(\d{4}-\d{2}-\d{2}))?[ \t]*$/gm)];
  heads.forEach((h, i) => {
    const start = h.index + h[0].length;
    const next = heads[i + 1]?.index ?? text.search(/^\[[^\]]+\]:\s/m);
    const end = next > start ? next : text.length;
    sections.set(h[1].toLowerCase() === 'unreleased' ? 'Unreleased' : h[1], { date: h[2] ?? '', body: text.slice(start, end).trim() });
  });
  return sections;
}

/** The release notes of a version: its CHANGELOG section, which must exist and say something. */
export function releaseNotes(text, version) {
  const s = changelogSections(text).get(version);
  if (!s)
    throw new Refusal(
      `${CHANGELOG} has no section "## [${version}] - <date>"`,
      `add it (npm run release -- ${version} writes it from [Unreleased])`,
    );
  if (!s.body)
    throw new Refusal(`${CHANGELOG} section [${version}] is empty`, 'list what changed under Added, Changed, Fixed, Removed or Security');
  return `${s.body}\n`;
}

/** [Unreleased] → [version] - date, a fresh empty [Unreleased] above it, and the compare links at the end rewritten. */
export function cutChangelog(text, version, date, repoUrl) {
  const sections = changelogSections(text);
  const unreleased = sections.get('Unreleased');
  if (!unreleased) throw new Refusal(`${CHANGELOG} has no "## [Unreleased]" section`, 'keep one at the top (Keep a Changelog)');
  if (!unreleased.body)
    throw new Refusal(`${CHANGELOG} [Unreleased] is empty: nothing to release`, 'list the changes under [Unreleased] first');
  if (sections.has(version)) throw new Refusal(`${CHANGELOG} already has a section [${version}]`, 'release a higher version');
  const isLink = (l) => /^\[[^\]]+\]:\s/.test(l);
  const isVersionLink = (l) => /^\[(unreleased|\d[^\]]*)\]:\s/i.test(l);
  const lines = text.replace(/^## \[Unreleased\][ \t]*$/im, `## [Unreleased]\n\n## [${version}] - ${date}`).split('\n');
  const body = lines
    .filter((l) => !isLink(l))
    .join('\n')
    .trimEnd();
  const versions = [version, ...[...sections.keys()].filter((k) => k !== 'Unreleased' && semver.valid(k))];
  const links = [
    `[unreleased]: ${repoUrl}/compare/v${version}...HEAD`,
    ...versions.map((v, i) =>
      versions[i + 1] ? `[${v}]: ${repoUrl}/compare/v${versions[i + 1]}...v${v}` : `[${v}]: ${repoUrl}/releases/tag/v${v}`,
    ),
    ...lines.filter((l) => isLink(l) && !isVersionLink(l)),
  ];
  return `${body}\n\n${links.join('\n')}\n`;
}

function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

function repoUrlOf(pkg) {
  const url = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
  return (url ?? 'https://github.com/sindri/deploy-action').replace(/^git\+/, '').replace(/\.git$/, '');
}

function prepare(version) {
  if (!semver.valid(version) || semver.clean(version) !== version)
    throw new Refusal(`"${version}" is not a version`, 'give <major>.<minor>.<patch>, e.g. npm run release -- 1.2.3');
  const dirty = git(['status', '--porcelain']);
  if (dirty)
    throw new Refusal('the working tree has uncommitted changes', 'commit or stash them (and commit a fresh dist/: npm run bundle)');
  const tags = git(['tag', '--list', 'v*'])
    .split('\n')
    .map((t) => TAG_RE.exec(t)?.[1])
    .filter((v) => v && semver.valid(v));
  const latest = semver.rsort(tags)[0];
  if (latest && !semver.gt(version, latest))
    throw new Refusal(`v${version} is not above the latest release v${latest}`, 'choose a higher version');
  const pkgPath = join(process.cwd(), 'package.json');
  const pkg = readJson(pkgPath);
  const date = process.env.SOURCE_DATE_EPOCH
    ? new Date(Number(process.env.SOURCE_DATE_EPOCH) * 1000).toISOString().slice(0, 10)
    : new Date().toISOString().slice(0, 10);
  writeFileSync(CHANGELOG, cutChangelog(readFileSync(CHANGELOG, 'utf8'), version, date, repoUrlOf(pkg)));
  pkg.version = version;
  writeFileSync(pkgPath, `${JSON.stringify(pkg, null, 2)}\n`);
  const lockPath = join(process.cwd(), 'package-lock.json');
  const files = [CHANGELOG, 'package.json'];
  try {
    const lock = readJson(lockPath);
    lock.version = version;
    if (lock.packages?.['']) lock.packages[''].version = version;
    writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
    files.push('package-lock.json');
  } catch (e) {
    if (e.code !== 'ENOENT') throw e;
  }
  git(['add', '--', ...files]);
  git(['commit', '-q', '-m', `Release v${version}`]);
  git(['tag', '-a', `v${version}`, '-m', `v${version}`]);
  console.log(`tagged v${version} (${git(['rev-parse', '--short', 'HEAD'])}); publish with: git push origin HEAD v${version}`);
}

function check(tag) {
  const version = versionOfTag(tag);
  const pkg = readJson(join(process.cwd(), 'package.json'));
  if (pkg.version !== version)
    throw new Refusal(
      `package.json says ${pkg.version}, the tag ${tag}`,
      `tag the commit whose package.json says ${version} (npm run release -- ${version})`,
    );
  releaseNotes(readFileSync(CHANGELOG, 'utf8'), version);
  console.log(`${tag}: package.json and ${CHANGELOG} agree`);
}

function moveMajor(tag, remote) {
  const version = versionOfTag(tag);
  if (semver.prerelease(version)) {
    console.log(`${tag} is a prerelease: v${semver.major(version)} stays where it is`);
    return;
  }
  const major = `v${semver.major(version)}`;
  const commit = git(['rev-parse', `${tag}^{commit}`]);
  git(['tag', '--force', major, commit]);
  if (remote) git(['push', '--force', remote, `refs/tags/${major}`]);
  console.log(`${major} -> ${tag} (${commit.slice(0, 12)})${remote ? `, pushed to ${remote}` : ''}`);
}

function main(argv) {
  const [cmd, arg, ...rest] = argv;
  const remote = rest[0] === '--push' ? rest[1] : undefined;
  if (rest[0] === '--push' && !remote) throw new Refusal('--push needs a remote', 'e.g. --push origin');
  switch (cmd) {
    case 'prepare':
      return prepare(arg);
    case 'check':
      return check(arg);
    case 'notes':
      return void process.stdout.write(releaseNotes(readFileSync(CHANGELOG, 'utf8'), versionOfTag(arg)));
    case 'move-major':
      return moveMajor(arg, remote);
    default:
      throw new Refusal(
        `unknown command "${cmd ?? ''}"`,
        'use prepare <version>, check <tag>, notes <tag> or move-major <tag> [--push <remote>]',
      );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    main(process.argv.slice(2));
  } catch (e) {
    const detail = e instanceof Refusal ? e.message : `${e.message}${e.stderr ? `: ${String(e.stderr).trim()}` : ''}`;
    console.error(`release: ${detail}`);
    process.exit(1);
  }
}
