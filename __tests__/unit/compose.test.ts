import { composeIsRecentEnough, type ContainerState } from '../../src/external/docker.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ActionError } from '../../src/errors.js';
import { dockerArgv } from '../../src/external/docker.js';
import { publicSourceUrl } from '../../src/external/git.js';
import { CONFIG_HASH_LABEL, composeMemory, documentLabels, previousDeployment, renderCompose } from '../../src/providers/docker/compose.js';
import { notReady } from '../../src/providers/docker/readiness.js';
import { SECRETS_FILE, SECRETS_FILE_VAR, encodeEnvFile } from '../../src/providers/docker/secrets.js';
import { deploymentUrl, dockerSettings, resolveDindMode } from '../../src/providers/docker/settings.js';
import { COMPOSE_START_MS, dockerSteps, waitTimeoutSeconds } from '../../src/providers/docker/steps.js';
import { loadComposeBase } from '../../src/providers/docker/template.js';
import { buildDecision, pinnedDecision, testConfig, testInputs, type TestConfigOptions } from '../support/docker.js';
import { runParts } from '../support/exec.js';

const DIGEST = `sha256:${'a'.repeat(64)}`;
const REF = `ghcr.io/pacphi/sindri@${DIGEST}`;

function config(o: Partial<TestConfigOptions> = {}) {
  return testConfig({ name: 'dev-env', dir: mkdtempSync(join(tmpdir(), 'compose-unit-')), ...o });
}
function render(o: Partial<TestConfigOptions> = {}, extra: { secretNames?: string[]; runtimes?: string[]; cpus?: number } = {}) {
  const engine = extra.runtimes ? { runtimes: extra.runtimes, cpus: extra.cpus ?? 8 } : undefined;
  const r = renderCompose({ config: config(o), image: REF, base: loadComposeBase(), secretNames: extra.secretNames ?? [], engine });
  const doc = parse(r.yaml) as { name: string; services: { sindri: Record<string, unknown> }; volumes: Record<string, { name: string }> };
  return { r, doc, svc: doc.services.sindri };
}

describe('renderCompose', () => {
  it('renders the service from sindri.yaml: image, name, volume, environment, limits, template parts', () => {
    const { r, doc, svc } = render({
      extensions: { profile: 'fullstack', additional: ['rust', 'go'], auto_install: false },
      resources: { memory: '8GB', cpus: 4 },
      docker: { network: 'host', restart: 'no', extraHosts: ['db:127.0.0.1'] },
    });
    expect(doc.name).toBe('sindri-dev-env');
    expect(r.project).toBe('sindri-dev-env');
    expect(svc.image).toBe(REF);
    expect(svc.container_name).toBe('dev-env');
    expect(svc.volumes).toEqual(['home:/alt/home/developer']);
    expect(doc.volumes).toEqual({ home: { name: 'dev-env_home' } });
    expect(svc.environment).toEqual({
      INIT_WORKSPACE: 'true',
      INSTALL_PROFILE: 'fullstack',
      ADDITIONAL_EXTENSIONS: 'rust,go',
      SKIP_AUTO_INSTALL: 'true',
    });
    expect(svc.deploy).toEqual({ resources: { limits: { memory: '8g', cpus: '4' } } });
    // the settings upstream drops
    expect(svc.restart).toBe('no');
    expect(svc.network_mode).toBe('host');
    expect(svc.extra_hosts).toEqual(['db:127.0.0.1']);
    // from templates/docker/compose.yml
    expect(svc.tmpfs).toEqual(['/tmp:size=2G,mode=1777']);
    expect(svc.pull_policy).toBe('never');
    expect(svc.cap_drop).toEqual(['ALL']);
    expect(svc.env_file).toBeUndefined();
    expect((svc.labels as Record<string, string>)[CONFIG_HASH_LABEL]).toBe(r.hash);
    expect(r.yaml).toContain('restart: "no"'); // quoted: never read as a boolean
  });

  it('defaults as upstream: 4g, 2 cpus, unless-stopped, custom extensions, no network_mode', () => {
    const { svc } = render({ extensions: { active: ['nodejs', 'python'] }, docker: {} });
    expect(svc.deploy).toEqual({ resources: { limits: { memory: '4g', cpus: '2' } } });
    expect(svc.restart).toBe('unless-stopped');
    expect(svc.network_mode).toBeUndefined();
    expect((svc.environment as Record<string, string>).CUSTOM_EXTENSIONS).toBe('nodejs,python');
    expect((svc.environment as Record<string, string>).SKIP_AUTO_INSTALL).toBe('false');
  });

  it('publishes ports on bridge and reports the first as url; host networking drops them with a warning', () => {
    const bridge = render({ docker: { network: 'bridge', ports: ['8080:3000', '2222:2222'] } });
    expect(bridge.svc.ports).toEqual(['8080:3000', '2222:2222']);
    expect(bridge.r.url).toBe('http://localhost:8080');
    expect(bridge.r.warnings).toEqual([]);
    const host = render({ docker: { network: 'host', ports: ['8080:3000'] } });
    expect(host.svc.ports).toBeUndefined();
    expect(host.r.url).toBe('http://localhost:3000');
    expect(host.r.warnings[0]).toMatch(/ports is ignored with network: host/);
    expect(render({ docker: { network: 'host' } }).r.url).toBe('');
  });

  it('references the secrets env file through a variable (a private folder under RUNNER_TEMP), optional so down works without it', () => {
    const { svc, r } = render({}, { secretNames: ['API_KEY'] });
    expect(svc.env_file).toEqual([{ path: `\${${SECRETS_FILE_VAR}:-/dev/null}`, required: false }]);
    expect(r.yaml).not.toContain('API_KEY');
    // the same document every run: the path is not in it, so the skip-if-unchanged hash holds
    expect(render({}, { secretNames: ['API_KEY'] }).r.hash).toBe(r.hash);
  });

  it('health-command becomes the service healthcheck (CMD-SHELL), start_period = health-timeout, $ escaped for compose', () => {
    const r = renderCompose({
      config: config(),
      image: REF,
      base: loadComposeBase(),
      secretNames: [],
      health: { command: 'test -f "$HOME/ready"', timeoutMs: 45_000 },
    });
    const svc = (parse(r.yaml) as { services: { sindri: Record<string, unknown> } }).services.sindri;
    expect(svc.healthcheck).toEqual({
      test: ['CMD-SHELL', 'test -f "$$HOME/ready"'],
      interval: '2s',
      timeout: '10s',
      retries: 3,
      start_period: '45s',
    });
    expect(render().svc.healthcheck).toBeUndefined();
    // a new command is a new container definition: it redeploys
    expect(r.hash).not.toBe(render().r.hash);
  });

  it('previousDeployment restores the image by ID (a tag may have moved), reports the digest ref it ran by, else the ID', () => {
    const imageId = `sha256:${'b'.repeat(64)}`;
    const built = render({}, { secretNames: ['API_KEY'] }).r;
    const labels = (built.document.services as Record<string, { labels: Record<string, string> }>).sindri!.labels;
    const p = previousDeployment({ labels, imageId }, 'sindri.yaml')!;
    const svc = (parse(p.yaml) as { services: { sindri: Record<string, unknown> } }).services.sindri;
    expect(svc.image).toBe(imageId);
    expect(p.imageId).toBe(imageId);
    expect(p.ref).toBe(REF);
    expect(svc.labels).toEqual(labels);
    // a document of an earlier version naming the env file in the working directory gets this run's file
    const old = structuredClone(built.document) as { services: { sindri: Record<string, unknown> } };
    old.services.sindri.image = 'dev-env:local';
    old.services.sindri.env_file = [{ path: './.sindri-secrets.env', required: false }];
    const oldLabels = documentLabels(old, 'h');
    const q = previousDeployment({ labels: oldLabels, imageId }, 'sindri.yaml')!;
    expect(q.ref).toBe(imageId);
    expect((parse(q.yaml) as { services: { sindri: { env_file: unknown } } }).services.sindri.env_file).toEqual([
      { path: `\${${SECRETS_FILE_VAR}:-/dev/null}`, required: false },
    ]);
    expect(previousDeployment({ labels: {}, imageId }, 'sindri.yaml')).toBeUndefined();
  });

  it('escapes $ so compose never interpolates a config value from the runner environment', () => {
    const { svc } = render({ docker: { network: 'host', extraHosts: ['x:${HOME}'] } });
    expect(svc.extra_hosts).toEqual(['x:$${HOME}']);
  });

  it('GPU: nvidia device reservations (no runtime clash), amd device mapping', () => {
    const nv = render({ resources: { gpu: { enabled: true, type: 'nvidia', count: 2 } } }).svc;
    expect(nv.deploy).toMatchObject({
      resources: { reservations: { devices: [{ driver: 'nvidia', count: 2, capabilities: ['gpu', 'compute', 'utility'] }] } },
    });
    expect(nv.runtime).toBeUndefined();
    const amd = render({ resources: { gpu: { enabled: true, type: 'amd', count: 1 } } }).svc;
    expect(amd.devices).toEqual(['/dev/kfd:/dev/kfd', '/dev/dri:/dev/dri']);
  });

  it('DinD: privileged adds the docker volume and env; sysbox picks the runtime when the engine has it', () => {
    const priv = render({ docker: { dind: { enabled: true, mode: 'privileged', storageSize: '30GB' } } });
    expect(priv.svc.privileged).toBe(true);
    expect(priv.svc.volumes).toContain('docker:/var/lib/docker');
    expect(priv.doc.volumes.docker).toEqual({ name: 'dev-env_docker' });
    expect(priv.svc.environment).toMatchObject({
      SINDRI_DIND_MODE: 'privileged',
      SINDRI_DIND_STORAGE_SIZE: '30GB',
      SINDRI_DIND_STORAGE_DRIVER: 'auto',
    });
    expect(priv.svc.cap_drop).toBeUndefined();
    const sysbox = render({ docker: { dind: { enabled: true } } }, { runtimes: ['runc', 'sysbox-runc'] });
    expect(sysbox.svc.runtime).toBe('sysbox-runc');
    expect(sysbox.r.dindMode).toBe('sysbox');
    const socket = render({ docker: { dind: { enabled: true, mode: 'socket' } } });
    expect(socket.svc.volumes).toContain('/var/run/docker.sock:/var/run/docker.sock');
    expect(socket.svc.security_opt).toEqual(['no-new-privileges:true']);
  });

  it('clamps cpus to what the engine has, with a warning', () => {
    const { svc, r } = render({ resources: { cpus: 16 } }, { runtimes: [], cpus: 2 });
    expect((svc.deploy as { resources: { limits: { cpus: string } } }).resources.limits.cpus).toBe('2');
    expect(r.warnings.join()).toMatch(/cpus is 16 but the Docker engine has 2/);
  });

  it('hash changes with the configuration and not otherwise', () => {
    expect(render().r.hash).toBe(render().r.hash);
    expect(render({ docker: { network: 'host', restart: 'always' } }).r.hash).not.toBe(render().r.hash);
  });
});

describe('dockerSettings / helpers', () => {
  it('rejects bad values with the file, line and a fix', () => {
    const c = config({ docker: { network: 'host', ports: ['80'] } });
    let err: unknown;
    try {
      dockerSettings(c);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ActionError);
    expect((err as ActionError).toLine()).toMatch(
      /^sindri\.yaml:\d+:\d+: providers\.docker\.ports\[0\]: invalid port mapping "80"\. Fix: write it as/,
    );
    expect(() => dockerSettings(config({ docker: { network: 'overlay' } }))).toThrow(/invalid value "overlay"/);
    const lineOf = (docker: Record<string, unknown>): string => {
      try {
        dockerSettings(config({ docker }));
      } catch (e) {
        return (e as ActionError).toLine();
      }
      return '';
    };
    expect(lineOf({ dind: { enabled: 'yes' } })).toMatch(/^sindri\.yaml:\d+:\d+: providers\.docker\.dind\.enabled: expected true or false/);
    expect(lineOf({ dind: { storageSize: '20G' } })).toMatch(/^sindri\.yaml:\d+:\d+: providers\.docker\.dind\.storageSize: invalid size/);
    expect(lineOf({ extraHosts: 'db:127.0.0.1' })).toMatch(/^sindri\.yaml:\d+:\d+: providers\.docker\.extraHosts: expected a list/);
  });

  it('composeMemory, deploymentUrl, resolveDindMode', () => {
    expect(composeMemory('4GB')).toBe('4g');
    expect(composeMemory('512MB')).toBe('512m');
    expect(() => composeMemory('4Gi')).toThrow(ActionError);
    const s = dockerSettings(config({ docker: { network: 'none', ports: ['1:2'] } }));
    expect(deploymentUrl(s)).toBe('');
    const dind = dockerSettings(config({ docker: { dind: { enabled: true, mode: 'sysbox' } } }));
    expect(() => resolveDindMode(dind, ['runc'])).toThrow(/no sysbox-runc runtime/);
    expect(resolveDindMode(dind, undefined).note).toMatch(/deploy checks/);
  });

  it('encodeEnvFile writes every value double-quoted with escapes (the form Compose documents for multi-line values)', () => {
    expect(encodeEnvFile({ A: 'plain $HOME', B: 'two\nlines' })).toBe('A="plain \\$HOME"\nB="two\\nlines"\n');
    expect(encodeEnvFile({ C: `it's "x" $y \\ z\r\nw\tt` })).toBe('C="it\'s \\"x\\" \\$y \\\\ z\\r\\nw\tt"\n');
    expect(() => encodeEnvFile({ 'BAD NAME': 'x' })).toThrow(ActionError);
    // a control character compose cannot carry is refused by the secret's name, never written
    expect(() => encodeEnvFile({ KEY: 'a\u0000b' })).toThrow(/secret KEY holds a control character/);
  });

  it('publicSourceUrl drops credentials and turns scp remotes into https', () => {
    expect(publicSourceUrl('git@github.com:acme/app.git')).toBe('https://github.com/acme/app');
    expect(publicSourceUrl('https://user:tok@github.com/acme/app.git')).toBe('https://github.com/acme/app');
    expect(publicSourceUrl('ssh://git@host.example:2222/acme/app.git')).toBe('https://host.example/acme/app');
    expect(publicSourceUrl('/local/path')).toBeUndefined();
  });
});

describe('dockerSteps (what plan prints and deploy runs)', () => {
  const base = { base: loadComposeBase(), secretNames: [], buildx: true };

  it('prebuilt, IfNotPresent: one inspect of the container and the image, pull only when missing, up with --wait; no build', () => {
    const s = dockerSteps(
      {
        inputs: testInputs({ timeout: 90_000 }),
        config: config(),
        provider: 'docker',
        ...runParts(),
        workdir: '/w',
        image: pinnedDecision('ghcr.io/pacphi/sindri', 'v3', DIGEST),
      },
      base,
    );
    const argv = s.commands.map((c) => c.argv.join(' '));
    expect(argv).toEqual([
      // the container and the image in one process (ADR 0047)
      `docker inspect --format {{json .}} dev-env ${REF}`,
      `docker pull ${REF}`,
      // timeout 90 s: 22.5 s are kept for a rollback, 3 s for compose to start the container before it waits
      'docker compose -f sindri-compose.yml -p sindri-dev-env up -d --wait --wait-timeout 64 --remove-orphans',
      // only if the rollout fails: the previous document back, within the 22.5 s kept for it
      'docker compose -f sindri-compose.yml -p sindri-dev-env up -d --wait --wait-timeout 22 --remove-orphans --force-recreate',
    ]);
    expect(s.commands.map((c) => c.onFailure === true)).toEqual([false, false, false, true]);
    expect(s.build).toBeUndefined();
    expect(s.files.map((f) => f.path)).toEqual(['sindri-compose.yml']);
  });

  it('pull_policy Always pulls without asking, Never only checks', () => {
    const ctx = (pull_policy: 'Always' | 'Never') => ({
      inputs: testInputs(),
      config: config({ image_config: { registry: 'ghcr.io/pacphi/sindri', pull_policy } }),
      provider: 'docker' as const,
      ...runParts(),
      workdir: '/w',
      image: pinnedDecision('ghcr.io/pacphi/sindri', 'v3', DIGEST),
    });
    const always = (p: 'Always' | 'Never') => dockerSteps(ctx(p), base).commands.filter((c) => !c.onFailure);
    expect(always('Always').map((c) => c.argv[1])).toEqual(['container', 'pull', 'compose']);
    expect(always('Never').map((c) => c.argv[1])).toEqual(['inspect', 'compose']);
  });

  it('build path: buildx with tag, labels, build args, context, host network; force adds --no-cache --pull and --force-recreate', () => {
    const ctx = {
      inputs: testInputs({ force: true, 'build-args': { A: '1' }, 'build-context': 'src' }),
      config: config(),
      provider: 'docker' as const,
      ...runParts(),
      workdir: '/w',
      image: buildDecision('dev-env', 'deploy/Dockerfile', 'abc1234'),
    };
    const s = dockerSteps(ctx, { ...base, revision: 'f'.repeat(40), source: 'https://github.com/acme/app' });
    expect(s.commands.map((c) => c.argv.join(' '))).toEqual([
      'docker container inspect dev-env',
      `docker buildx build --load --no-cache --pull --network host -f deploy/Dockerfile -t dev-env:abc1234 --label org.opencontainers.image.source=https://github.com/acme/app --label org.opencontainers.image.revision=${'f'.repeat(40)} --build-arg A=1 src`,
      // the default timeout of the test inputs, 120 s: 30 s kept for a rollback, 3 s for compose's start
      'docker compose -f sindri-compose.yml -p sindri-dev-env up -d --wait --wait-timeout 87 --remove-orphans --force-recreate',
      'docker compose -f sindri-compose.yml -p sindri-dev-env up -d --wait --wait-timeout 30 --remove-orphans --force-recreate',
    ]);
    expect(parse(s.files[0]!.content).services.sindri.image).toBe('dev-env:abc1234');
    expect(
      dockerArgv.build({ ...s.build!, buildx: false, hostNetwork: false, noCache: false, pull: false, labels: {}, buildArgs: {} }),
    ).toEqual(['build', '-f', 'deploy/Dockerfile', '-t', 'dev-env:abc1234', 'src']);
  });

  it('the secrets file is planned with mode 0600 and masked values', () => {
    const s = dockerSteps(
      {
        inputs: testInputs(),
        config: config(),
        provider: 'docker',
        ...runParts(),
        workdir: '/w',
        image: pinnedDecision('ghcr.io/pacphi/sindri', 'v3', DIGEST),
      },
      { ...base, secretNames: ['API_KEY'] },
    );
    expect(s.files[1]).toEqual({ path: SECRETS_FILE, content: 'API_KEY="***"\n', mode: 0o600 });
  });
});

describe('waitTimeoutSeconds (compose --wait-timeout inside a rollout budget)', () => {
  it("leaves compose's start out of the budget, in whole seconds, never past the budget", () => {
    for (const ms of [COMPOSE_START_MS + 1_000, COMPOSE_START_MS + 1_999, 15_000, 67_500, 600_000]) {
      const s = waitTimeoutSeconds(ms);
      expect(Number.isInteger(s)).toBe(true);
      expect(s * 1000 + COMPOSE_START_MS).toBeLessThanOrEqual(ms);
      expect((s + 1) * 1000 + COMPOSE_START_MS).toBeGreaterThan(ms);
    }
  });

  it('a rollback (no start left out) may wait to the end of its budget, in whole seconds', () => {
    expect(waitTimeoutSeconds(4_600, 0)).toBe(4);
    expect(waitTimeoutSeconds(120_000, 0)).toBe(120);
  });

  it('is at least 1 s: compose reads 0 as no limit (the command is stopped at the end of the budget anyway)', () => {
    expect(waitTimeoutSeconds(500)).toBe(1);
    expect(waitTimeoutSeconds(0)).toBe(1);
  });
});

describe('notReady (what compose --wait let through)', () => {
  const state = (o: Partial<ContainerState>): ContainerState => ({
    id: 'c',
    name: 'dev-env',
    imageId: 'sha256:1',
    imageRef: REF,
    status: 'running',
    running: true,
    restartCount: 0,
    labels: {},
    env: [],
    ...o,
  });

  it('running without a healthcheck, or healthy: ready', () => {
    expect(notReady(state({}))).toBeUndefined();
    expect(notReady(state({ health: 'healthy' }))).toBeUndefined();
  });

  it('a health check still starting is not ready (compose 2.2x may end --wait at its timeout with exit 0)', () => {
    expect(notReady(state({ health: 'starting' }))).toBe('its health check has not passed (health: starting)');
    expect(notReady(state({ health: 'unhealthy' }))).toBe('the container is unhealthy');
  });

  it('gone, exited or restarting: not ready, saying so', () => {
    expect(notReady(undefined)).toBe('the container is gone');
    expect(notReady(state({ running: false, status: 'exited' }))).toMatch(/exited right after start \(status exited, 0 restarts\)/);
    expect(notReady(state({ restartCount: 2 }))).toMatch(/2 restarts/);
  });
});

describe('composeIsRecentEnough (env_file required: false needs Compose 2.24)', () => {
  it.each([
    ['2.24.0', true],
    ['v2.29.7', true],
    ['2.26.1-4', true],
    ['2.32.4-desktop.1', true],
    ['3.0.0', true],
    ['2.23.3', false],
    ['1.29.2', false],
    ['', false],
  ])('%s → %s', (v, ok) => expect(composeIsRecentEnough(v)).toBe(ok));
});

describe('renderCompose with a name suffix (preview environments)', () => {
  it('names the container, project and volumes <name>-<suffix>', () => {
    const r = renderCompose({ config: config({}), image: REF, base: loadComposeBase(), secretNames: [], nameSuffix: 'pr-42' });
    const name = `${config({}).name}-pr-42`;
    expect(r.container).toBe(name);
    expect(r.project).toBe(`sindri-${name}`);
    expect(r.volumes).toContain(`${name}_home`);
    expect((r.document.services as Record<string, { container_name: string }>).sindri!.container_name).toBe(name);
  });
});
