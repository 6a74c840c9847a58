/**
 * Positive controls for the kind v0.30.0 and k3d v5.8.3 stand-ins (CONTRACT, issue 18): a call the real
 * tool rejects is rejected the same way, with its own text, stream and exit code, in the order the real
 * tool checks (kind asks the REAL engine for the image before it looks for the cluster). Both look
 * images up on the REAL Docker engine, so this file needs it.
 */
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isActionError } from '../../src/errors.js';
import { LocalClusterLoader } from '../../src/external/local-cluster.js';
import { BASE_IMAGE, requireServices } from '../support/docker.js';
import { newExec } from '../support/exec.js';
import { installFakes, type Fakes } from '../support/fakes.js';

const MISSING = 'sindri-missing/never-built:1';
let fakes: Fakes;

beforeAll(async () => {
  await requireServices();
  fakes = installFakes(['kind', 'k3d']);
});
afterAll(() => fakes?.remove());

function run(tool: 'kind' | 'k3d', args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(tool, args, { env: { ...process.env, ...fakes.env, ...env }, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('kind stand-in contract: what the real kind v0.30.0 rejects', () => {
  beforeAll(() => fakes.setState('kind', { clusters: ['dev'] }));
  const kindError = (message: string) => ({ code: 1, stdout: '', stderr: `ERROR: ${message}\n` });

  it('an unknown flag, an unknown command (with suggestions), a missing image list, a load without subcommand', () => {
    expect(run('kind', ['load', 'docker-image', BASE_IMAGE, '--cluster', 'dev'])).toEqual(kindError('unknown flag: --cluster'));
    expect(run('kind', ['lod'])).toEqual(kindError('unknown command "lod" for "kind"\n\nDid you mean this?\n\tload\n'));
    expect(run('kind', ['load', 'image', BASE_IMAGE])).toEqual(kindError('unknown command "image" for "kind load"'));
    expect(run('kind', ['load', 'docker-image'])).toEqual(kindError('a list of image names is required'));
    const load = run('kind', ['load']);
    expect(load.code).toBe(1);
    expect(load.stderr).toBe('ERROR: Subcommand is required\n');
    expect(load.stdout).toContain('kind load [command]');
  });

  it('the image is looked up on the engine first, then the cluster, then the nodes; -q silences stderr', () => {
    expect(run('kind', ['load', 'docker-image', MISSING, '--name', 'nosuch'])).toEqual(
      kindError(`image: "${MISSING}" not present locally`),
    );
    expect(run('kind', ['load', 'docker-image', BASE_IMAGE, '--name', 'nosuch'])).toEqual(kindError('no nodes found for cluster "nosuch"'));
    expect(run('kind', ['load', 'docker-image', BASE_IMAGE, '-n', 'dev', '--nodes', 'dev-worker'])).toEqual(
      kindError('unknown node: "dev-worker"'),
    );
    expect(run('kind', ['-q', 'load', 'docker-image', BASE_IMAGE, '--name', 'nosuch'])).toEqual({ code: 1, stdout: '', stderr: '' });
  });

  it('a load without --name goes to KIND_CLUSTER_NAME, else `kind`; progress on stderr', () => {
    expect(run('kind', ['load', 'docker-image', BASE_IMAGE])).toEqual(kindError('no nodes found for cluster "kind"'));
    const r = run('kind', ['load', 'docker-image', BASE_IMAGE], { KIND_CLUSTER_NAME: 'dev' });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      new RegExp(`^Image: "${BASE_IMAGE}" with ID "sha256:[0-9a-f]{64}" not yet present on node "dev-control-plane", loading\\.\\.\\.\\n$`),
    );
    expect(run('kind', ['load', 'docker-image', BASE_IMAGE, '--name', 'dev']).stderr).toMatch(
      /found to be already present on all nodes\.\n$/,
    );
    expect(run('kind', ['version']).stdout).toBe('kind v0.30.0 go1.24.6 linux/amd64\n');
  });
});

describe('k3d stand-in contract: what the real k3d v5.8.3 rejects', () => {
  beforeAll(() => fakes.setState('k3d', { clusters: ['lab'] }));
  /** logrus as k3d sets it up (colours forced): `FATA[0000] <message padded to 44> ` */
  const fata = (message: string) => `\x1b[31mFATA\x1b[0m[0000] ${message.padEnd(44)} \n`;

  it('an unknown flag: cobra prints it with the usage, then k3d fatals before its logging is set up (logrus default)', () => {
    const r = run('k3d', ['image', 'import', BASE_IMAGE, '--clusters', 'lab']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^Error: unknown flag: --clusters\nUsage:\n {2}k3d image import \[flags\]\n/);
    expect(r.stderr).toMatch(/\ntime="[^"]+" level=fatal msg="unknown flag: --clusters"\n$/);
  });

  it('an unknown command: `Run … --help`, then the fatal line', () => {
    const r = run('k3d', ['imge', 'import', BASE_IMAGE]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^Error: unknown command "imge" for "k3d"\n\nDid you mean this\?\n\timage\n\nRun 'k3d --help' for usage\.\n/);
  });

  it('no image, an unknown cluster, an unknown mode: coloured FATA lines after the flags parsed', () => {
    const none = run('k3d', ['image', 'import']);
    expect(none.code).toBe(1);
    expect(none.stderr.endsWith(fata('requires at least 1 arg(s), only received 0'))).toBe(true);
    expect(run('k3d', ['image', 'import', BASE_IMAGE, '-c', 'nosuch'])).toEqual({
      code: 1,
      stdout: '',
      stderr: fata('failed to get cluster nosuch: No nodes found for given cluster'),
    });
    expect(run('k3d', ['image', 'import', BASE_IMAGE, '-c', 'lab', '--mode', 'fast']).stderr).toBe(
      fata("Unknown image loading mode 'fast'"),
    );
  });

  it('an image neither a file nor on the engine: a warning, then the import fails (exit 1); info lines on stdout', () => {
    const r = run('k3d', ['image', 'import', MISSING, '--cluster', 'lab']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("Importing image(s) into cluster 'lab'");
    expect(r.stderr).toContain(`\x1b[33mWARN\x1b[0m[0000] Image '${MISSING}' is not a file and couldn't be found in the container runtime`);
    expect(r.stderr).toContain("\x1b[31mERRO\x1b[0m[0000] Failed to import image(s) into cluster 'lab': no valid images specified");
    const ok = run('k3d', ['image', 'import', BASE_IMAGE, '--cluster', 'lab']);
    expect(ok.code).toBe(0);
    expect(ok.stderr).toBe('');
    expect(ok.stdout).toContain('Successfully imported 1 image(s) into 1 cluster(s)');
    expect(fakes.state<{ loaded: unknown[] }>('k3d').loaded).toEqual([{ cluster: 'lab', image: BASE_IMAGE }]);
  });
});

describe("the action's loader reads each tool's own message (src/external/local-cluster.ts against the stand-ins)", () => {
  async function loadError(tool: 'kind' | 'k3d', cluster: string, image: string): Promise<string> {
    const saved = { PATH: process.env.PATH, FAKE_STATE_DIR: process.env.FAKE_STATE_DIR };
    Object.assign(process.env, fakes.env);
    try {
      await new LocalClusterLoader({ tool, cluster }).load(newExec(), image, 60_000);
    } catch (e) {
      if (isActionError(e)) return e.toLine();
      throw e;
    } finally {
      Object.assign(process.env, saved);
    }
    return 'loaded';
  }

  it('kind: its ERROR line, without the prefix', async () => {
    fakes.setState('kind', { clusters: ['dev'] });
    expect(await loadError('kind', 'nosuch', BASE_IMAGE)).toBe(
      `\`kind load docker-image ${BASE_IMAGE} --name nosuch\` failed with exit code 1: no nodes found for cluster "nosuch". Fix: check that the kind cluster nosuch exists (kind get clusters) and that kind is on PATH`,
    );
    expect(await loadError('kind', 'dev', BASE_IMAGE)).toBe('loaded');
  });

  it('k3d: its coloured FATA or ERRO line, without colour codes, level and padding', async () => {
    fakes.setState('k3d', { clusters: ['lab'] });
    expect(await loadError('k3d', 'nosuch', BASE_IMAGE)).toMatch(
      /^`k3d image import \S+ --cluster nosuch` failed with exit code 1: failed to get cluster nosuch: No nodes found for given cluster\. Fix: /,
    );
    expect(await loadError('k3d', 'lab', MISSING)).toMatch(
      /failed with exit code 1: Failed to import image\(s\) into cluster 'lab': no valid images specified\. Fix: /,
    );
  });
});
