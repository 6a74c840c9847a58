/**
 * Issue 20, class 5, as a property (fast-check), through the bundle as the runner runs it: any string
 * field of sindri.yaml or any input holding a forged workflow command (`\n::error::…`, with leading
 * spaces, after a lone `\r`, or the v1 `##[…]` form) either fails validation in one line or reaches the
 * log only as text: the runner, reading the step's stdout as it does (`runnerCommands`), runs none of it.
 * Plan mode on every provider, no network (a literal image, pin-digest off).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { CLOSED_MIRROR, runAction } from '../support/action.js';
import { contractViolations } from '../support/contract.js';
import { runnerCommands } from '../support/runner-log.js';

const SEED = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31);
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const MARK = 'FORGED';
const payload = fc
  .tuple(
    fc.constantFrom('kind-x', 'app', '', 'a b'),
    // the v1 form needs no new line, so it passes validation and must be neutralised in the log: weighted up
    fc.constantFrom('\n', '\r', '\r\n', '\n   ', '\n\t', ' ##[', ' ##[', ' ##[', '##['),
    fc.constantFrom('error', 'warning', 'add-mask', 'set-output name=x', 'stop-commands'),
    fc.integer({ min: 0, max: 999 }),
  )
  .map(([prefix, breakWith, command, n]) =>
    breakWith.endsWith('##[') ? `${prefix}${breakWith}${command}]${MARK}${n}` : `${prefix}${breakWith}::${command}::${MARK}${n}`,
  );

/** Paths users write strings at, each with the provider that reads it. */
const FIELDS: [string, (string | number)[]][] = [
  ['docker', ['name']],
  ['docker', ['deployment', 'image']],
  ['docker', ['deployment', 'image_config', 'registry']],
  ['docker', ['deployment', 'image_config', 'version']],
  ['docker', ['deployment', 'resources', 'memory']],
  ['docker', ['providers', 'docker', 'ports', 0]],
  ['docker', ['extensions', 'profile']],
  ['docker', ['secrets', 0, 'name']],
  ['kubernetes', ['providers', 'kubernetes', 'context']],
  ['kubernetes', ['providers', 'kubernetes', 'namespace']],
  ['kubernetes', ['providers', 'kubernetes', 'storageClass']],
  ['devpod', ['providers', 'devpod', 'kubernetes', 'context']],
  ['devpod', ['providers', 'devpod', 'kubernetes', 'namespace']],
  ['fly', ['providers', 'fly', 'region']],
  ['fly', ['providers', 'fly', 'organization']],
  ['e2b', ['providers', 'e2b', 'templateAlias']],
];
const INPUTS = ['environment', 'name-suffix', 'health-url', 'health-command', 'build-context', 'dockerfile', 'certificate-identity'];

function place(doc: Record<string, unknown>, path: (string | number)[], value: string): void {
  let at: Record<string | number, unknown> = doc;
  path.forEach((k, i) => {
    if (i === path.length - 1) at[k] = value;
    else at = (at[k] ??= typeof path[i + 1] === 'number' ? [] : {}) as Record<string | number, unknown>;
  });
}

function baseDoc(provider: string): Record<string, unknown> {
  const doc: Record<string, unknown> = { version: '3.0', name: 'demo', deployment: { provider } };
  if (provider === 'devpod') doc.providers = { devpod: { type: 'kubernetes', kubernetes: { context: 'kind-dev' } } };
  return doc;
}

describe('forged workflow commands never run (property, through dist)', () => {
  it('a hostile string in a config field or an input: one validation error, or text the runner does not run', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.record({ kind: fc.constant('field' as const), field: fc.constantFrom(...FIELDS), text: payload }),
          fc.record({ kind: fc.constant('input' as const), input: fc.constantFrom(...INPUTS), text: payload }),
        ),
        async (c) => {
          const provider = c.kind === 'field' ? c.field[0] : 'docker';
          const doc = baseDoc(provider);
          if (c.kind === 'field') place(doc, c.field[1], c.text);
          const dir = mkdtempSync(join(tmpdir(), 'forge-prop-'));
          dirs.push(dir);
          writeFileSync(join(dir, 'sindri.yaml'), stringify(doc));
          const r = await runAction({
            inputs: {
              mode: 'plan',
              'working-directory': dir,
              image: '127.0.0.1:5000/property/app:1',
              'pin-digest': 'false',
              provider,
              ...(c.kind === 'input' ? { [c.input]: c.text } : {}),
            },
            // the e2b plan reads the E2B API with a key (ADR 0045): a port nobody listens on, never the real API
            env: { E2B_API_KEY: 'e2b_test', E2B_API_URL: CLOSED_MIRROR, FLY_API_TOKEN: 'fly-test-token' },
            cwd: dir,
            node: '24',
          });
          // an injected command carries the mark as its data; our own error line may quote the value (escaped) inside its text
          const forged = runnerCommands(r.stdout).filter((cmd) => cmd.data.startsWith(MARK) || cmd.name === 'set-output');
          expect(forged, `${JSON.stringify(c)}\n${r.stdout.slice(-3000)}`).toEqual([]);
          if (r.code !== 0) expect(contractViolations(r), `${JSON.stringify(c)}\n${r.stdout.slice(-3000)}`).toEqual([]);
        },
      ),
      { numRuns: 30, seed: SEED },
    );
  }, 240_000);
});
