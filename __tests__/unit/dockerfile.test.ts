import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ActionError } from '../../src/errors.js';
import { DOCKERFILE_CANDIDATES, findDockerfiles } from '../../src/image/dockerfile.js';

let root: string;
let work: string;

function file(rel: string, content = 'FROM scratch\n'): void {
  const abs = path.join(work, rel);
  mkdirSync(path.dirname(abs), { recursive: true });
  writeFileSync(abs, content);
}

function failure(explicit: string): ActionError {
  try {
    findDockerfiles(work, explicit);
  } catch (e) {
    expect(e).toBeInstanceOf(ActionError);
    return e as ActionError;
  }
  throw new Error(`expected findDockerfiles to reject ${explicit}`);
}

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'dockerfile-test-'));
  work = path.join(root, 'repo');
  mkdirSync(work);
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('findDockerfiles', () => {
  it('lists the candidates in priority order', () => {
    expect(DOCKERFILE_CANDIDATES).toEqual(['Dockerfile', 'v3/Dockerfile', 'deploy/Dockerfile']);
  });

  it('finds nothing in an empty directory', () => {
    expect(findDockerfiles(work, '')).toEqual({ found: [] });
  });

  it('finds every candidate that exists, in priority order, with / separators', () => {
    file('deploy/Dockerfile');
    file('Dockerfile');
    expect(findDockerfiles(work, '')).toEqual({ found: ['Dockerfile', 'deploy/Dockerfile'] });
    file('v3/Dockerfile');
    expect(findDockerfiles(work, '').found).toEqual(['Dockerfile', 'v3/Dockerfile', 'deploy/Dockerfile']);
  });

  it('counts files only: a directory named Dockerfile is not one', () => {
    mkdirSync(path.join(work, 'Dockerfile'));
    file('v3/Dockerfile');
    expect(findDockerfiles(work, '').found).toEqual(['v3/Dockerfile']);
  });

  it('ignores other spellings and places', () => {
    file('dockerfile.dev');
    file('docker/Dockerfile');
    file('Dockerfile.prod');
    expect(findDockerfiles(work, '').found).toEqual([]);
  });

  it('is not confused when a candidate directory is a file', () => {
    writeFileSync(path.join(work, 'deploy'), 'not a directory');
    expect(findDockerfiles(work, '').found).toEqual([]);
  });

  it('returns an explicit Dockerfile relative to the working directory, normalised', () => {
    file('build/app.Dockerfile');
    file('Dockerfile');
    // with an explicit Dockerfile the candidates are not consulted (ADR 0014)
    expect(findDockerfiles(work, 'build/app.Dockerfile')).toEqual({ found: [], explicit: 'build/app.Dockerfile' });
    expect(findDockerfiles(work, './build/app.Dockerfile').explicit).toBe('build/app.Dockerfile');
    expect(findDockerfiles(work, '  build//app.Dockerfile ').explicit).toBe('build/app.Dockerfile');
    expect(findDockerfiles(work, path.join(work, 'build', 'app.Dockerfile')).explicit).toBe('build/app.Dockerfile');
  });

  it('allows a path outside the working directory and keeps it relative as given', () => {
    writeFileSync(path.join(root, 'Shared.Dockerfile'), 'FROM scratch\n');
    expect(findDockerfiles(work, '../Shared.Dockerfile')).toEqual({ found: [], explicit: '../Shared.Dockerfile' });
  });

  it('rejects an explicit Dockerfile that does not exist, showing the absolute path looked at', () => {
    file('Dockerfile');
    const e = failure('deploy/Dockerfile');
    const abs = path.join(work, 'deploy', 'Dockerfile');
    expect(e.message).toBe(`no Dockerfile at ${abs}`);
    expect(e.where.field).toBe('input dockerfile');
    expect(e.fix).toContain('relative to working-directory');
    expect(e.toLine()).toBe(`input dockerfile: no Dockerfile at ${abs}. Fix: ${e.fix}`);
  });

  it('rejects an explicit path that is a directory', () => {
    mkdirSync(path.join(work, 'deploy'));
    const e = failure('deploy');
    expect(e.message).toBe(`${path.join(work, 'deploy')} is not a file`);
    expect(e.where.field).toBe('input dockerfile');
  });

  it('rejects an explicit path through a file', () => {
    file('Dockerfile');
    expect(failure('Dockerfile/Dockerfile').message).toBe(`no Dockerfile at ${path.join(work, 'Dockerfile', 'Dockerfile')}`);
  });

  it('reports a path it cannot read instead of pretending nothing is there', () => {
    // a symlink loop fails stat with ELOOP, which works as root too (unlike a chmod 000 directory)
    symlinkSync('loop-b', path.join(work, 'loop-a'));
    symlinkSync('loop-a', path.join(work, 'loop-b'));
    const e = failure('loop-a');
    expect(e.message).toBe(`cannot read ${path.join(work, 'loop-a')}: it is a symbolic link that loops back on itself (ELOOP)`);
    expect(e.where.field).toBe('input dockerfile');
    symlinkSync('Dockerfile', path.join(work, 'Dockerfile'));
    expect(() => findDockerfiles(work, '')).toThrow(/^cannot read Dockerfile: it is a symbolic link that loops back on itself \(ELOOP\)$/);
  });

  it('follows a symlink to a file', () => {
    file('docker/app.Dockerfile');
    symlinkSync(path.join('docker', 'app.Dockerfile'), path.join(work, 'Dockerfile'));
    expect(findDockerfiles(work, '').found).toEqual(['Dockerfile']);
  });
});
