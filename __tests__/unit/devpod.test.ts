/** The pure part of the devpod provider: settings, where a Dockerfile is built, devcontainer.json, argv. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfigText } from '../../src/config/load.js';
import { isActionError } from '../../src/errors.js';
import { fromDevcontainerDir, isGenerated } from '../../src/providers/devpod/devcontainer.js';
import { localCluster } from '../../src/external/local-cluster.js';
import { encodeWorkspaceEnv } from '../../src/providers/devpod/secrets.js';
import { cannotRestore, restorable } from '../../src/providers/devpod/rollout.js';
import {
  devpodSteps,
  releaseDecision,
  withPushedImage,
  workspaceIdOf,
  workspaceUid,
  type DevpodFacts,
} from '../../src/providers/devpod/steps.js';
import { devpodArgv, devpodMessage, singleQuoted, type WorkspaceInfo } from '../../src/external/devpod.js';
import { localClusterMessage } from '../../src/external/local-cluster.js';
import type { ProviderContext } from '../../src/providers/types.js';
import { buildDecision, pinnedDecision } from '../support/docker.js';
import { testInputs } from '../support/inputs.js';
import { runParts } from '../support/exec.js';
import { traceOf } from '../../src/trace.js';

const DIGEST = `sha256:${'a'.repeat(64)}`;

function ctxFor(
  yaml: string,
  image = pinnedDecision('ghcr.io/acme/dev', '1.0.0', DIGEST),
  inputs = testInputs({ provider: 'devpod' }),
): ProviderContext {
  const dir = mkdtempSync(join(tmpdir(), 'devpod-unit-'));
  const path = join(dir, 'sindri.yaml');
  writeFileSync(path, yaml);
  const config = loadConfigText(yaml, { file: 'sindri.yaml', path, dir, schema: false }).config;
  return { inputs, config, provider: 'devpod', ...runParts(), workdir: dir, image };
}

const facts = (over: Partial<DevpodFacts> = {}): DevpodFacts => ({ secretNames: [], userDevcontainer: false, ...over });
const doc = (yaml: string, f = facts(), image?: ReturnType<typeof pinnedDecision>, inputs?: ReturnType<typeof testInputs>) =>
  devpodSteps(ctxFor(yaml, image, inputs), f);

function cfg(devpod: string, deployment = '', extra = ''): string {
  return `version: "3.0"\nname: dev-box\ndeployment:\n  provider: devpod\n${deployment}extensions:\n  profile: minimal\n${extra}providers:\n  devpod:\n${devpod}`;
}

function thrown(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (isActionError(e)) return e.toLine();
    throw e;
  }
  throw new Error('expected an ActionError');
}

describe('devpodSteps: devcontainer.json', () => {
  it('a prebuilt image is the pinned digest; env, user, home volume, host requirements, ports', () => {
    const s = doc(
      cfg(
        '    type: docker\n    forwardPorts: [3000, 8080]\n',
        '  resources:\n    memory: 8GB\n    cpus: 4\n  volumes:\n    workspace:\n      size: 20GB\n',
      ),
      facts({ secretNames: ['API_TOKEN'] }),
    );
    expect(s.devcontainer.doc).toMatchObject({
      name: 'dev-box',
      image: `ghcr.io/acme/dev@${DIGEST}`,
      containerEnv: { INIT_WORKSPACE: 'true', INSTALL_PROFILE: 'minimal', SKIP_AUTO_INSTALL: 'false' },
      remoteUser: 'developer',
      mounts: [{ source: 'dev-box_home', target: '/alt/home/developer', type: 'volume' }],
      hostRequirements: { cpus: 4, memory: '8gb', storage: '20gb' },
      forwardPorts: [3000, 8080],
    });
    expect(s.devcontainer.doc.build).toBeUndefined();
    expect(s.devcontainer.json).not.toContain('API_TOKEN');
    expect(s.buildWhere).toBe('none');
    expect(s.build).toBeUndefined();
    expect(isGenerated(s.devcontainer.json)).toBe(true);
    const up = s.commands.at(-1)!.argv;
    expect(up).toEqual([
      'devpod', 'up', '.', '--id', 'dev-box', '--ide', 'none', '--provider', 'docker',
      '--devcontainer-path', '.devcontainer/devcontainer.json', '--devcontainer-image', `ghcr.io/acme/dev@${DIGEST}`,
      '--workspace-env-file', '<0600 temp file>', '--uid', workspaceUid('dev-box'),
    ]); // prettier-ignore
    // the image on the container, for a later runner that has no devpod record (ADR 0031)
    // and the preview mark `name` (no trace in this context), as the docker provider's labels (ADR 0044)
    expect(s.devcontainer.doc.runArgs).toEqual([
      '--label', `sh.sindri.deploy.image=ghcr.io/acme/dev@${DIGEST}`, '--label', 'org.sindri.deploy-action.name=dev-box',
    ]); // prettier-ignore
  });

  it('docker type + Dockerfile: build.dockerfile/context/args relative to the devcontainer.json, nothing built here', () => {
    const s = doc(
      cfg('    type: docker\n'),
      facts(),
      buildDecision('dev-box', 'deploy/Dockerfile', 'abc1234'),
      testInputs({ provider: 'devpod', ...runParts(), 'build-args': { A: '1' } }),
    );
    expect(s.buildWhere).toBe('devpod');
    expect(s.devcontainer.doc.build).toEqual({ dockerfile: '../deploy/Dockerfile', context: '..', args: { A: '1' } });
    expect(s.devcontainer.doc.image).toBeUndefined();
    expect(s.commands.some((c) => c.argv[0] === 'docker' && c.argv[1] !== 'ps')).toBe(false);
    expect(s.commands.at(-1)!.argv).not.toContain('--devcontainer-image');
    expect(s.devcontainer.doc.runArgs).toEqual(['--label', 'org.sindri.deploy-action.name=dev-box']);
  });

  it('GPU: hostRequirements.gpu and --gpus for a Docker engine', () => {
    const s = doc(cfg('    type: docker\n', '  resources:\n    gpu:\n      enabled: true\n      count: 2\n      memory: 16GB\n'));
    expect(s.devcontainer.doc.hostRequirements).toEqual({ gpu: { memory: '16gb' } });
    expect(s.devcontainer.doc.runArgs).toEqual([
      '--gpus', 'count=2', '--label', `sh.sindri.deploy.image=ghcr.io/acme/dev@${DIGEST}`, '--label', 'org.sindri.deploy-action.name=dev-box',
    ]); // prettier-ignore
  });

  it('the trace and the preview marks: docker labels through runArgs on docker and ssh, none on kubernetes or a cloud (ADR 0044)', () => {
    const trace = traceOf({ GITHUB_REPOSITORY: 'octo/app', GITHUB_RUN_ID: '7', GITHUB_SHA: 'c'.repeat(40), GITHUB_ACTOR: 'octocat' });
    const inputs = testInputs({ provider: 'devpod', ...runParts(), 'name-suffix': 'pr-7' });
    const stepsOf = (type: string) => devpodSteps({ ...ctxFor(cfg(type), undefined, inputs), trace }, facts());
    const labels = (args: unknown) =>
      Object.fromEntries(
        (args as string[]).flatMap((a, i, all) => (all[i - 1] === '--label' ? [a.split(/=(.*)/s).slice(0, 2)] : [])),
      ) as Record<string, string>;
    for (const type of ['    type: docker\n', '    type: ssh\n    ssh:\n      host: box.example\n']) {
      const s = stepsOf(type);
      expect(labels(s.devcontainer.doc.runArgs)).toEqual({
        'sh.sindri.deploy.image': `ghcr.io/acme/dev@${DIGEST}`,
        'org.sindri.deploy-action.name': 'dev-box',
        'org.sindri.deploy-action.name-suffix': 'pr-7',
        'org.sindri.deploy-action.run-url': 'https://github.com/octo/app/actions/runs/7',
        'org.sindri.deploy-action.commit': 'c'.repeat(40),
        'org.sindri.deploy-action.actor': 'octocat',
        'org.sindri.deploy-action.repository': 'octo/app',
        'org.sindri.deploy-action.action-version': trace.values['action-version'],
      });
      // a pushed digest replaces only the image label
      const pushed = withPushedImage(s, `ghcr.io/acme/dev@sha256:${'b'.repeat(64)}`);
      expect(labels(pushed.devcontainer.doc.runArgs)).toMatchObject({
        'sh.sindri.deploy.image': `ghcr.io/acme/dev@sha256:${'b'.repeat(64)}`,
        'org.sindri.deploy-action.name-suffix': 'pr-7',
      });
    }
    for (const type of ['    type: kubernetes\n    kubernetes:\n      context: prod\n', '    type: aws\n'])
      expect(stepsOf(type).devcontainer.doc.runArgs).toBeUndefined();
  });

  it("beside a user's own devcontainer.json unless force", () => {
    expect(doc(cfg('    type: docker\n'), facts({ userDevcontainer: true })).devcontainerPath).toBe(
      '.devcontainer/sindri/devcontainer.json',
    );
    const forced = doc(
      cfg('    type: docker\n'),
      facts({ userDevcontainer: true }),
      undefined,
      testInputs({ provider: 'devpod', ...runParts(), force: true }),
    );
    expect(forced.devcontainerPath).toBe('.devcontainer/devcontainer.json');
    expect(forced.commands.at(-1)!.argv).toContain('--recreate');
    expect(fromDevcontainerDir('.devcontainer/sindri/devcontainer.json', 'Dockerfile')).toBe('../../Dockerfile');
  });

  it('a user file (JSONC, or without our marker) is not ours', () => {
    expect(isGenerated('// mine\n{"image":"x"}')).toBe(false);
    expect(isGenerated('{"image":"x"}')).toBe(false);
  });
});

describe('devpodSteps: where the Dockerfile is built', () => {
  const build = buildDecision('dev-box', 'Dockerfile', 'abc1234');

  it('kubernetes on a kind-* context: local build, kind load, image is the tag', () => {
    const s = doc(
      cfg('    type: kubernetes\n    kubernetes:\n      context: kind-dev\n      namespace: ws\n      storageClass: fast\n'),
      facts(),
      build,
    );
    expect(s.buildWhere).toBe('kind');
    expect(s.loader).toMatchObject({ tool: 'kind', cluster: 'dev' });
    expect(s.devcontainer.doc.image).toBe('dev-box:abc1234');
    expect(s.commands.map((c) => c.argv.slice(0, 3).join(' '))).toContain('kind load docker-image');
    expect(s.settings.options).toEqual({ KUBERNETES_CONTEXT: 'kind-dev', KUBERNETES_NAMESPACE: 'ws', STORAGE_CLASS: 'fast' });
    // the plan lists the commands in the order deploy runs them
    expect(s.commands.map((c) => c.argv.slice(0, c.argv[1] === 'provider' ? 3 : 2).join(' '))).toEqual([
      'devpod provider list',
      'docker build',
      'kind load',
      'devpod provider add',
      'devpod provider set-options',
      'devpod list',
      'devpod status',
      'devpod up',
    ]);
    expect(s.commands.filter((c) => !c.mutates).map((c) => c.argv[1])).toEqual(['provider', 'list', 'status']);
  });

  it('a kind load builds with BuildKit caches and secrets (ids only); DevPod building itself says it does not use them (issue 23)', () => {
    const inputs = testInputs({
      provider: 'devpod',
      ...runParts(),
      'cache-from': [{ line: 'type=registry,ref=127.0.0.1:5000/c:1', type: 'registry' }],
      'build-secrets': [{ id: 'NPM_TOKEN', value: 'never-in-the-plan' }],
    });
    const kind = doc(cfg('    type: kubernetes\n    kubernetes:\n      context: kind-dev\n'), facts(), build, inputs);
    const argv = kind.commands.find((c) => c.argv[1] === 'buildx')!.argv.join(' ');
    expect(argv).toMatch(
      /^docker buildx build --load .*--cache-from type=registry,ref=127\.0\.0\.1:5000\/c:1 --secret id=NPM_TOKEN,env=SINDRI_BUILD_SECRET_1 \.$/,
    );
    expect(kind.notes.join('\n')).toMatch(/build secrets NPM_TOKEN/);
    expect(JSON.stringify(kind)).not.toContain('never-in-the-plan');
    const itself = doc(cfg('    type: docker\n'), facts(), buildDecision('dev-box', 'deploy/Dockerfile', 'abc1234'), inputs);
    expect(itself.buildWhere).toBe('devpod');
    expect(itself.notes).toContain(
      'cache-from, build-secrets are not used: DevPod builds the image itself, and takes no BuildKit cache or secret',
    );
  });

  it('kubernetes: the current kubeconfig context decides when none is configured (k3d)', () => {
    const s = doc(cfg('    type: kubernetes\n'), facts({ currentKubeContext: 'k3d-lab' }), build);
    expect(s.buildWhere).toBe('k3d');
    expect(s.commands.some((c) => c.argv.join(' ') === 'k3d image import dev-box:abc1234 --cluster lab')).toBe(true);
    expect(localCluster('gke_proj_zone_c')).toBeUndefined();
  });

  it('cloud types push to buildRepository and deploy the pushed digest', () => {
    const planned = doc(
      cfg('    type: aws\n    buildRepository: ghcr.io/acme/dev-build\n    aws:\n      region: eu-west-1\n'),
      facts(),
      build,
    );
    expect(planned.devcontainer.doc.image).toBe('ghcr.io/acme/dev-build@<digest of the push>');
    expect(planned.commands.at(-1)!.argv).not.toContain('--devcontainer-image');
    const s = withPushedImage(planned, `ghcr.io/acme/dev-build@${DIGEST}`);
    expect(s.buildWhere).toBe('registry');
    expect(s.push).toBe('ghcr.io/acme/dev-build:abc1234');
    expect(s.devcontainer.doc.image).toBe(`ghcr.io/acme/dev-build@${DIGEST}`);
    expect(JSON.parse(s.files[0]!.content).image).toBe(`ghcr.io/acme/dev-build@${DIGEST}`);
    expect(s.up.image).toBe(`ghcr.io/acme/dev-build@${DIGEST}`);
    expect(s.settings.options).toMatchObject({ AWS_REGION: 'eu-west-1', AWS_INSTANCE_TYPE: 'c5.xlarge', AWS_DISK_SIZE: '40' });
  });

  it.each(['aws', 'gcp', 'azure', 'digitalocean'])('%s without buildRepository: one line naming the key', (type) => {
    const line = thrown(() => doc(cfg(`    type: ${type}\n`), facts(), build));
    expect(line).toMatch(/providers\.devpod\.buildRepository/);
    expect(line).toContain('Fix:');
    expect(line.split('\n')).toHaveLength(1);
  });

  it('a remote kubernetes context needs buildRepository too; a prebuilt image does not', () => {
    expect(thrown(() => doc(cfg('    type: kubernetes\n    kubernetes:\n      context: prod-eks\n'), facts(), build))).toMatch(
      /buildRepository/,
    );
    expect(doc(cfg('    type: gcp\n')).buildWhere).toBe('none');
  });

  it('gcp maps to the gcloud provider; a missing or unknown type fails with its key', () => {
    const s = doc(cfg('    type: gcp\n    gcp:\n      project: p1\n'));
    expect(s.settings.provider).toBe('gcloud');
    expect(s.settings.options).toEqual({ PROJECT: 'p1', ZONE: 'us-central1-a', MACHINE_TYPE: 'e2-standard-4', DISK_SIZE: '40' });
    expect(thrown(() => doc(cfg('    buildRepository: x/y\n')))).toMatch(/providers\.devpod\.type/);
    expect(thrown(() => doc(cfg('    type: vagrant\n')))).toMatch(
      /sindri\.yaml:\d+:\d+: providers\.devpod\.type: unknown devpod type "vagrant"/,
    );
  });
});

describe('names and the env file', () => {
  it('workspace id: name-suffix, devpod rules (≤ 48)', () => {
    expect(workspaceIdOf({ name: 'dev-box' }, 'pr-42')).toBe('dev-box-pr-42');
    const long = workspaceIdOf({ name: 'a'.repeat(60) }, 'pr-42');
    expect(long).toHaveLength(48);
    expect(long.endsWith('-pr-42')).toBe(true);
  });

  it('KEY=value lines; a line break cannot travel and says so', () => {
    expect(
      encodeWorkspaceEnv(
        new Map([
          ['A', 'x=y z'],
          ['B', "q'"],
        ]),
      ),
    ).toBe("A=x=y z\nB=q'\n");
    expect(() => encodeWorkspaceEnv(new Map([['A', 'l1\nl2']]))).toThrow(/line break/);
  });
});

describe('what deploy does with the workspace devpod holds (releaseDecision)', () => {
  const steps = { imageRef: 'r@sha256:1', devcontainerPath: '.devcontainer/devcontainer.json', settings: { provider: 'docker' } } as never;
  const held = (over: Partial<WorkspaceInfo> = {}): WorkspaceInfo => ({
    id: 'w',
    provider: 'docker',
    image: 'r@sha256:1',
    devcontainerPath: '.devcontainer/devcontainer.json',
    localFolder: '/w',
    ...over,
  });
  const opts = { force: false, localChanged: false };

  it('none yet: up without --recreate (force adds it)', () => {
    expect(releaseDecision(steps, undefined, 'NotFound', opts)).toEqual({ skip: false, kept: false, recreate: false });
    expect(releaseDecision(steps, undefined, 'NotFound', { ...opts, force: true }).recreate).toBe(true);
    expect(releaseDecision(steps, undefined, 'NotFound', { ...opts, found: [] })).toEqual({ skip: false, kept: false, recreate: false });
  });

  it('no record on this runner, but its container under the same uid: skipped when it runs this image, else recreated in place', () => {
    const c = { id: 'c1', running: true, image: 'r@sha256:1' };
    expect(releaseDecision(steps, undefined, 'NotFound', { ...opts, found: [c] })).toEqual({
      skip: true,
      kept: true,
      recreate: false,
      adopted: true,
    });
    for (const other of [
      { ...c, image: 'ghcr.io/acme/dev@sha256:old' },
      { ...c, running: false },
      { ...c, image: '' },
    ])
      expect(releaseDecision(steps, undefined, 'NotFound', { ...opts, found: [other] })).toEqual({
        skip: false,
        kept: true,
        recreate: true,
        adopted: true,
      });
    expect(releaseDecision(steps, undefined, 'NotFound', { ...opts, force: true, found: [c] }).recreate).toBe(true);
  });

  it('the uid is the same on every runner, 16 characters as devpod makes them, and differs per workspace', () => {
    expect(workspaceUid('dev-box')).toBe(workspaceUid('dev-box'));
    expect(workspaceUid('dev-box')).toMatch(/^[a-z0-9-]{16}$/);
    expect(workspaceUid('dev-box-pr-1')).not.toBe(workspaceUid('dev-box-pr-2'));
  });

  it('running this image from this file: skipped; stopped: started again without --recreate', () => {
    expect(releaseDecision(steps, held(), 'Running', opts).skip).toBe(true);
    expect(releaseDecision(steps, held(), 'Stopped', opts)).toEqual({ skip: false, kept: true, recreate: false });
  });

  it('another image, a rebuilt local tag or another file: kept and recreated', () => {
    expect(releaseDecision(steps, held({ image: 'r@sha256:0' }), 'Running', opts)).toEqual({ skip: false, kept: true, recreate: true });
    expect(releaseDecision(steps, held(), 'Running', { ...opts, localChanged: true }).recreate).toBe(true);
    expect(releaseDecision(steps, held({ devcontainerPath: 'x.json' }), 'Running', opts).recreate).toBe(true);
  });

  it('another provider, or a recorded image that would win over a build: replaced', () => {
    expect(releaseDecision(steps, held({ provider: 'kubernetes' }), 'Running', opts)).toMatchObject({
      replaceBecause: 'with provider kubernetes',
      kept: false,
    });
    const build = { ...(steps as object), imageRef: undefined } as never;
    expect(releaseDecision(build, held(), 'Running', opts).replaceBecause).toBe('from image r@sha256:1');
    expect(releaseDecision(build, held({ image: '' }), 'Running', opts)).toEqual({ skip: false, kept: true, recreate: true });
  });
});

describe("devpod's own error line", () => {
  it('the fatal line without its time and colours (stream_logger.go text format)', () => {
    const fatal = '\x1b[0;1;37m12:34:56 \x1b[0m\x1b[0;1;31mfatal \x1b[0mprepare workspace client: boom\n';
    const info = '\x1b[0;1;37m12:34:55 \x1b[0m\x1b[0;1;36minfo \x1b[0mCreating devcontainer...\n';
    expect(devpodMessage(fatal, info)).toBe('prepare workspace client: boom');
    expect(devpodMessage('', 'just text\n')).toBe('just text');
  });

  it("kind's ERROR line; k3d's FATA/ERRO line, or logrus' logfmt before k3d set its logging up", () => {
    expect(localClusterMessage('kind', 'Image: "x" …\nERROR: no nodes found for cluster "dev"\n')).toBe('no nodes found for cluster "dev"');
    expect(localClusterMessage('k3d', `\x1b[31mFATA\x1b[0m[0000] ${'failed to get cluster x: No nodes'.padEnd(44)} \n`)).toBe(
      'failed to get cluster x: No nodes',
    );
    expect(
      localClusterMessage(
        'k3d',
        'Error: unknown command "x" for "k3d"\ntime="2025-01-01T00:00:00Z" level=fatal msg="unknown command \\"x\\" for \\"k3d\\"\\n\\nDid you mean"\n',
      ),
    ).toBe('unknown command "x" for "k3d"');
  });
});

describe('the health check inside the workspace and what a rollback can restore', () => {
  it('devpod ssh --command hands /bin/sh -c one single-quoted word: a shell reading it gives back the line exactly', () => {
    for (const line of [`echo "it's" 'ok'`, `[ "$(printf '%s' 'a  b')" = 'a  b' ]`, `a'b''c\\'d`, `tab\there; $HOME \`x\``]) {
      const argv = devpodArgv.ssh('ws', line);
      expect(argv.slice(0, 2)).toEqual(['ssh', 'ws']);
      // what the user's login shell does with --command: `<shell> -c <command>`; here it prints the word /bin/sh would get
      const word = argv.at(-1)!.replace(/^\/bin\/sh -c /, '');
      const seen = spawnSync('/bin/sh', ['-c', `printf '%s' ${word}`], { encoding: 'utf8' }).stdout;
      expect(seen).toBe(line);
      expect(singleQuoted(line)).toBe(word);
    }
  });

  it('only a digest can be restored; the reason otherwise', () => {
    const d = `r@sha256:${'a'.repeat(64)}`;
    expect(restorable(d)).toBe(true);
    expect(restorable('r:local')).toBe(false);
    expect(cannotRestore(d, `r@sha256:${'b'.repeat(64)}`)).toBeUndefined();
    expect(cannotRestore('', d)).toMatch(/no earlier image/);
    expect(cannotRestore('kind-built:local', d)).toMatch(/not pinned to a digest/);
    expect(cannotRestore(d, d)).toMatch(/the same/);
  });
});
