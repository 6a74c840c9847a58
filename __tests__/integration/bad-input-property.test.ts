/**
 * Issue 14, as a property (fast-check): whatever YAML or input value a user writes, the answer is the
 * bad-input contract of README "Errors" — never a stack trace, never "internal error" for input the
 * user wrote, never more than one error line, always the place and a `Fix:`, a bounded length.
 * 100 in-process calls to the pure loader and each input validator, then 20 runs of the bundle
 * (`node dist/index.js`, plan mode, Node 24) on generated files and inputs. Network: none — the
 * image comes from input `image` with pin-digest off, and the default image is a refused loopback port.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { loadConfigText } from '../../src/config/load.js';
import { ActionError } from '../../src/errors.js';
import { checkOneLine, parseBuildArgs, parseDuration, parseEnvironment, parseImageInput, parseNameSuffix } from '../../src/inputs.js';
import { parseBuildSecrets, parseCacheLines } from '../../src/image/build-inputs.js';
import { parseToolMirror, parseToolVersion } from '../../src/tools/validate.js';
import { runAction } from '../support/action.js';
import { refusedPort } from '../support/bad-servers.js';
import { contractViolations, errorMessages, MAX_ERROR_LINE } from '../support/contract.js';

const SEED = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31);
/** in-process runs per property (FC_RUNS to hunt longer) */
const RUNS = Number(process.env.FC_RUNS ?? 100);

// ---------------------------------------------------------------------------------------------
// generators

const scalar = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.double({ noNaN: false }),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom('yes', 'no', 'on', '~', '3.0', '0x1F', '1e3', '-3', '4GB', 'lots', 'sha256:abc', 'ghcr.io/a/b:1', '^1.x', 'My_App'),
);
const value: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('v'), { maxLength: 4 }),
    fc.dictionary(fc.string({ maxLength: 12 }), tie('v'), { maxKeys: 4 }),
  ),
})).v;

/** A sindri.yaml-shaped document with arbitrary values in the places users write. */
const document = fc.record(
  {
    version: scalar,
    name: fc.oneof(fc.constantFrom('demo', 'my-app', 'Name', ''), scalar),
    deployment: fc.oneof(
      value,
      fc.record(
        {
          provider: fc.oneof(fc.constantFrom('docker', 'fly', 'k8s', 'kubernetes', 'devpod', 'e2b', 'runpod', 'heroku'), scalar),
          image: scalar,
          distro: scalar,
          resources: fc.record({ memory: scalar, cpus: scalar, gpu: value }, { requiredKeys: [] }),
          image_config: fc.oneof(
            value,
            fc.record({ registry: scalar, version: scalar, digest: scalar, tag_override: scalar }, { requiredKeys: [] }),
          ),
        },
        { requiredKeys: [] },
      ),
    ),
    extensions: value,
    secrets: fc.oneof(
      value,
      fc.array(fc.record({ name: scalar, source: scalar, required: scalar }, { requiredKeys: [] }), { maxLength: 3 }),
    ),
    providers: value,
  },
  { requiredKeys: [] },
);

/** Damage a user does to a file: a stray character, a tab, a second document, an alias to nothing, deep nesting. */
const mutation = fc.oneof(
  fc.constant((t: string) => t),
  fc.tuple(fc.nat(), fc.constantFrom(':', '-', '"', "'", '[', '{', '&', '*', '!', '|', '>', '%', '@', '`', '\t', '#')).map(
    ([at, c]) =>
      (t: string) =>
        t.slice(0, at % (t.length + 1)) + c + t.slice(at % (t.length + 1)),
  ),
  fc.constant((t: string) => t.replace(/^ {2}/m, '\t')),
  fc.constant((t: string) => `${t}---\nname: second\n`),
  fc.constant((t: string) => `${t}extra: *undefined_anchor\n`),
  fc.constant((t: string) => `${t}deep: ${'['.repeat(3000)}${']'.repeat(3000)}\n`),
  fc.constant((t: string) => `${t}big: &a [x]\nuses: [${Array(120).fill('*a').join(', ')}]\n`),
  fc.nat().map(
    (n) => (t: string) =>
      t
        .split('\n')
        .filter((_, i) => i !== n % 8)
        .join('\n'),
  ),
);

const yamlText = fc.tuple(document, mutation).map(([doc, mutate]) => mutate(stringify(doc)));

/** What can reach an input from a workflow (no NUL: an environment variable cannot hold one). */
const inputValue = fc
  .oneof(
    fc.string({ maxLength: 60 }),
    fc.string({ unit: 'binary', maxLength: 30 }),
    fc.constantFrom(
      '0',
      '1000h',
      '-5',
      '10m',
      '; rm -rf /',
      'ftp://x',
      'https://u:p@x',
      'a,b=c',
      '$(id)',
      'v1.2.3',
      '^1.30',
      'x'.repeat(5000),
    ),
  )
  .map((s) => s.replace(/\0/g, ''));

// ---------------------------------------------------------------------------------------------
// the contract, in process

function lineContract(e: unknown, place: RegExp): void {
  expect(e, String(e instanceof Error ? e.stack : e)).toBeInstanceOf(ActionError);
  const line = (e as ActionError).toLine();
  expect(line).not.toMatch(/internal error/i);
  expect(line).not.toMatch(/[\n\r]/);
  expect(line).toMatch(/ Fix: \S/);
  expect(line).toMatch(place);
  expect(line.length).toBeLessThanOrEqual(MAX_ERROR_LINE);
}

describe('bad-input contract as a property (in process)', () => {
  it('loading any generated sindri.yaml returns a config or throws one ActionError at sindri.yaml', () => {
    fc.assert(
      fc.property(yamlText, (text) => {
        try {
          loadConfigText(text, { file: 'sindri.yaml', path: '/w/sindri.yaml', dir: '/w' });
        } catch (e) {
          lineContract(e, /^sindri\.yaml(:\d+){0,2}: /);
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('every input validator returns a value or throws one ActionError naming its input', () => {
    const validators: [string, (v: string) => unknown][] = [
      ['timeout', (v) => parseDuration('timeout', v, 600_000)],
      ['build-args', parseBuildArgs],
      ['tool-mirror', (v) => parseToolMirror(v, undefined)],
      ['kubectl-version', (v) => parseToolVersion('kubectl', v)],
      ['environment', parseEnvironment],
      ['image', (v) => parseImageInput('image', v)],
      ['name-suffix', parseNameSuffix],
      ['config', (v) => checkOneLine('config', v)],
      ['cache-from', (v) => parseCacheLines('cache-from', v)],
      ['cache-to', (v) => parseCacheLines('cache-to', v)],
      ['build-secrets', (v) => parseBuildSecrets(v, () => undefined)],
    ];
    fc.assert(
      fc.property(fc.constantFrom(...validators), inputValue, ([name, validate], v) => {
        try {
          validate(v.trim());
        } catch (e) {
          lineContract(e, new RegExp(`^input ${name}: `));
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// the contract, through the bundle

describe('bad-input contract as a property (node dist/index.js, plan)', () => {
  let refused = '';
  const dirs: string[] = [];
  beforeAll(async () => {
    refused = await refusedPort();
  });
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('20 generated files and inputs: exit 0 with no error line, or exit 1 with exactly one, never a stack trace', async () => {
    // half the runs with default inputs, so the generated file is what the action reads
    const inputs = fc.oneof(
      fc.constant<Record<string, string>>({}),
      fc.record(
        {
          timeout: inputValue,
          'build-args': inputValue,
          'kubectl-version': inputValue,
          'tool-mirror': inputValue,
          'name-suffix': inputValue,
        },
        { requiredKeys: [] },
      ),
    );
    await fc.assert(
      fc.asyncProperty(yamlText, inputs, async (text, given) => {
        const dir = mkdtempSync(join(tmpdir(), 'bad-prop-'));
        dirs.push(dir);
        writeFileSync(join(dir, 'sindri.yaml'), text);
        const r = await runAction({
          inputs: {
            mode: 'plan',
            'working-directory': dir,
            image: '127.0.0.1:5000/property/app:1',
            'pin-digest': 'false',
            'default-image': `${refused}/default:1`,
            provider: 'docker',
            ...given,
            // a generated timeout that is valid but tiny would only test the clock
            ...(given.timeout !== undefined && /^\d/.test(given.timeout.trim()) ? { timeout: '30s' } : {}),
          },
          cwd: dir,
          node: '24',
        });
        if (r.code === 0) {
          expect(errorMessages(r.stdout), r.stdout).toEqual([]);
        } else {
          expect(contractViolations(r), `${text}\n${JSON.stringify(given)}\n${r.stdout.slice(-2000)}`).toEqual([]);
        }
      }),
      { numRuns: 20, seed: SEED },
    );
  }, 180_000);
});
