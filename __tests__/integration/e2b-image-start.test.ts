/**
 * The e2b provider's start command comes from the base image's own config (ENTRYPOINT then CMD), read
 * from the REAL registry at 127.0.0.1:5000 by readImageStart (ADR 0032): E2B never reads it, so a
 * wrong manifest or blob path would leave the template silently starting nothing. The expected values
 * are what the Docker engine itself reports for the image that was pushed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readImageStart, startArgv } from '../../src/providers/e2b/image-config.js';
import {
  buildImage,
  cleanup,
  docker,
  imagesOf,
  pushImage,
  pushTestBase,
  REGISTRY,
  removeLabelledImages,
  requireServices,
  uniqueName,
} from '../support/docker.js';
import { runParts } from '../support/exec.js';

const ns = uniqueName('e2bstart');
const NO_CREDENTIALS = { 'registry-username': '', 'registry-password': '', 'github-token': '' };
let pushed: { ref: string; digest: string; repo: string };
let engine: { entrypoint: string[]; cmd: string[] };

beforeAll(async () => {
  await requireServices();
  const base = await pushTestBase(`${ns}/base`, ns);
  const local = `${ns}-start:build`;
  await buildImage(
    local,
    `FROM ${base.ref}\nLABEL org.sindri.deploy-action.test=${ns}\nENTRYPOINT ["/bin/sh", "-c"]\nCMD ["echo 'started' && sleep 1"]\n`,
  );
  pushed = await pushImage(local, `${ns}/start`, 'v1');
  const config = JSON.parse(await docker(['image', 'inspect', '--format', '{{json .Config}}', local])) as {
    Entrypoint: string[] | null;
    Cmd: string[] | null;
  };
  engine = { entrypoint: config.Entrypoint ?? [], cmd: config.Cmd ?? [] };
  await cleanup({ images: [local, pushed.ref, base.ref] });
}, 120_000);

afterAll(async () => {
  await cleanup({ images: [...(await imagesOf(`${REGISTRY}/${ns}/start`)), ...(await imagesOf(`${REGISTRY}/${ns}/base`))] });
  await removeLabelledImages(ns);
}, 120_000);

describe('e2b: the start command read from the real registry', () => {
  it("the pinned image's ENTRYPOINT and CMD, as the engine reports them", async () => {
    expect(engine.entrypoint.length + engine.cmd.length).toBeGreaterThan(0);
    const { deadline, exec } = runParts();
    const start = await readImageStart(`${pushed.repo}@${pushed.digest}`, { deadline, exec, inputs: NO_CREDENTIALS });
    expect(start).toEqual(engine);
    expect(startArgv(start!)).toEqual([...engine.entrypoint, ...engine.cmd]);
  }, 60_000);

  it('an image the registry does not have: undefined (the caller says the template starts nothing), never a guess', async () => {
    const { deadline, exec } = runParts();
    const missing = `${pushed.repo}@sha256:${'0'.repeat(64)}`;
    expect(await readImageStart(missing, { deadline, exec, inputs: NO_CREDENTIALS })).toBeUndefined();
  }, 60_000);
});
