#!/usr/bin/env node
// `npm run mutants`: proves the suite catches mistakes in the calls we make to tools we cannot run here.
// Copies the tree (tracked and untracked-but-not-ignored files; node_modules linked), runs the affected
// tests once unchanged (they must pass: a test that already fails would "kill" every mutant), then applies
// each deliberate mistake alone, rebuilds dist/ when the killing test runs the bundle, runs the affected
// tests and expects at least one to fail. Exit 1 unless every mutant is killed; a mutant whose text is no
// longer in its file is a failure too (the list must follow the code). Prints `mutants: K killed of N`.
//   node scripts/mutants.mjs [name…]     only the named mutants
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Each mutant: one exact text in one file, replaced; the tests that must catch it; whether they run dist/. */
const MUTANTS = [
  {
    name: 'kubernetes: an unknown field in the Deployment',
    file: 'src/providers/kubernetes/manifests.ts',
    from: 'image: input.image,',
    to: "image: input.image, imagePulPolicy: 'IfNotPresent',",
    tests: ['__tests__/unit/k8s-manifests.test.ts'],
  },
  {
    name: 'flyctl: --json dropped from volumes list',
    file: 'src/external/flyctl.ts',
    from: "['volumes', 'list', '--app', app, '--json']",
    to: "['volumes', 'list', '--app', app]",
    tests: ['__tests__/unit/flyctl-stand-in.test.ts'],
  },
  {
    name: "fly: --json dropped from flyctl status, the read where Fly's API is not used (flyctl prints a table)",
    file: 'src/external/flyctl.ts',
    from: "status: (app: string): string[] => ['status', '--app', app, '--json'],",
    to: "status: (app: string): string[] => ['status', '--app', app],",
    tests: ['__tests__/integration/fly-api-contract.test.ts'],
  },
  {
    name: 'fly API: a macaroon token sent as Bearer (fly-go sends FlyV1 when the token holds a macaroon: Fly refuses it)',
    file: 'src/external/fly-api.ts',
    from: "const scheme = macaroons.length ? 'FlyV1' : 'Bearer';",
    to: "const scheme = 'Bearer' as 'FlyV1' | 'Bearer';",
    tests: ['__tests__/integration/fly-api-contract.test.ts'],
  },
  {
    name: 'fly API: a wrong Machines API path (/v1/app/{app}/…)',
    file: 'src/external/fly-api.ts',
    from: 'const path = `/v1/apps/${encodeURIComponent(app)}/${what}`;',
    to: 'const path = `/v1/app/${encodeURIComponent(app)}/${what}`;',
    tests: ['__tests__/integration/fly-api-contract.test.ts'],
  },
  {
    name: 'fly: the trace under labels in machine_config (flyctl drops a key fly.MachineConfig lacks: no trace on the machines)',
    file: 'src/providers/fly/fly-toml.ts',
    from: 'JSON.stringify({ ...config, metadata: { ...before, ...metadata } })',
    to: 'JSON.stringify({ ...config, labels: { ...before, ...metadata } })',
    tests: ['__tests__/unit/fly-live.test.ts', '__tests__/unit/flyctl-stand-in.test.ts'],
  },
  {
    name: 'fly: machine_config written as a TOML table (flyctl reads a JSON string or a .json path)',
    file: 'src/providers/fly/fly-toml.ts',
    from: '  else out.machine_config = value;',
    to: '  else out.machine_config = JSON.parse(value) as unknown;',
    tests: ['__tests__/unit/fly-live.test.ts'],
  },
  {
    name: 'devpod: a misspelt flag (--devcontainer-paht)',
    file: 'src/external/devpod.ts',
    from: "'--devcontainer-path', s.devcontainerPath]",
    to: "'--devcontainer-paht', s.devcontainerPath]",
    tests: ['__tests__/unit/devpod.test.ts'],
  },
  {
    name: 'e2b: a wrong API path (/templates/tag)',
    file: 'src/external/e2b-api.ts',
    from: "'/templates/tags'",
    to: "'/templates/tag'",
    tests: ['__tests__/integration/e2b-stand-in.test.ts'],
  },
  {
    name: 'github: an API call without its Authorization',
    file: 'src/external/github.ts',
    from: 'getOctokit(token, ',
    to: "getOctokit('', ",
    tests: ['__tests__/unit/github-api-stand-in.test.ts'],
  },
  {
    name: 'cosign: keyless verification without --certificate-oidc-issuer',
    file: 'src/external/cosign.ts',
    from: "'--certificate-identity-regexp', c.trust.identityRegexp, '--certificate-oidc-issuer', c.trust.issuer]",
    to: "'--certificate-identity-regexp', c.trust.identityRegexp]",
    tests: ['__tests__/integration/cosign-stand-in.test.ts'],
  },
  {
    name: 'kubernetes: a misspelt readinessProbe field (successThresold)',
    file: 'src/providers/kubernetes/steps.ts',
    from: 'successThreshold: 1 }',
    to: 'successThresold: 1 }',
    tests: ['__tests__/unit/k8s-manifests.test.ts'],
  },
  {
    name: 'kubernetes: the Deployment names the image by tag, so rollout undo restores a tag, not the previous digest',
    file: 'src/providers/kubernetes/steps.ts',
    from: 'image: image.deployRef,\n    secrets: facts.secrets,',
    to: 'image: image.ref,\n    secrets: facts.secrets,',
    tests: ['__tests__/integration/kubernetes-provider.test.ts'],
  },
  {
    name: 'kube API: the token sent as "Token", not "Bearer" (the API server answers 401)',
    file: 'src/external/kube-api.ts',
    from: '? `Bearer ${token}`',
    to: '? `Token ${token}`',
    tests: ['__tests__/integration/kube-api-auth.test.ts'],
  },
  {
    name: 'kube API: Secrets read from a misspelt resource (secret, not secrets)',
    file: 'src/external/kube-api.ts',
    from: "secret: { prefix: '/api/v1', apiVersion: 'v1', plural: 'secrets', namespaced: true },",
    to: "secret: { prefix: '/api/v1', apiVersion: 'v1', plural: 'secret', namespaced: true },",
    tests: ['__tests__/integration/kube-api-auth.test.ts'],
  },
  {
    name: 'kube API: the client certificate not presented in the TLS handshake',
    file: 'src/external/kube-api.ts',
    from: '...(c.cert && c.key ? { cert: c.cert, key: c.key } : {}),',
    to: '...({}),',
    tests: ['__tests__/integration/kube-api-auth.test.ts'],
  },
  {
    name: 'kube API: relative kubeconfig paths read against the working directory, not the kubeconfig file',
    file: 'src/external/kube-api.ts',
    from: 'readFileSync(isAbsolute(path) ? path : join(dir, path))',
    to: 'readFileSync(isAbsolute(path) ? path : join(process.cwd(), path))',
    tests: ['__tests__/integration/kube-api-auth.test.ts'],
  },
  {
    name: 'flyctl: a misspelt flag on ips allocate-v6 (--ap)',
    file: 'src/external/flyctl.ts',
    from: "['ips', 'allocate-v6', '--app', app]",
    to: "['ips', 'allocate-v6', '--ap', app]",
    tests: ['__tests__/unit/flyctl-stand-in.test.ts'],
  },
  {
    name: "fly: the machine check's key misspelt in fly.toml (tcp_check, which flyctl deploy drops silently)",
    file: 'src/providers/fly/fly-toml.ts',
    from: 'tcp_checks: [',
    to: 'tcp_check: [',
    tests: ['__tests__/unit/fly.test.ts'],
  },
  {
    name: 'devpod: --uid dropped from devpod up (a fresh runner starts a second workspace)',
    file: 'src/external/devpod.ts',
    from: "if (s.uid) a.push('--uid', s.uid);",
    to: '',
    tests: ['__tests__/unit/devpod.test.ts', '__tests__/integration/devpod-runners.test.ts'],
    dist: true,
  },
  {
    name: "devpod: the plan's read-only list with a misspelt flag (--skip-pr)",
    file: 'src/external/devpod.ts',
    from: "(skipPro ? ['--skip-pro'] : [])",
    to: "(skipPro ? ['--skip-pr'] : [])",
    tests: ['__tests__/integration/plan-live-devpod.test.ts'],
    dist: true,
  },
  {
    name: 'devpod: the trace labels handed to docker run with a flag it does not have (--labels)',
    file: 'src/providers/devpod/devcontainer.ts',
    from: "flatMap(([k, v]) => ['--label', `${k}=${v}`])",
    to: "flatMap(([k, v]) => ['--labels', `${k}=${v}`])",
    tests: ['__tests__/integration/sweep-devpod.test.ts'],
    dist: true,
  },
  {
    name: "e2b: the image's start command read from a wrong registry path (/blob/)",
    file: 'src/providers/e2b/image-config.ts',
    from: '/blobs/${manifest.config.digest}',
    to: '/blob/${manifest.config.digest}',
    tests: ['__tests__/integration/e2b-image-start.test.ts'],
  },
  {
    name: "e2b: the plan's sandbox list filters by a misspelt metadata key (sindri-name)",
    file: 'src/providers/e2b/live.ts',
    from: 'api.listSandboxes(META_NAME, target.name)',
    to: "api.listSandboxes('sindri-name', target.name)",
    tests: ['__tests__/integration/plan-live-e2b.test.ts'],
    dist: true,
  },
  {
    name: 'e2b: the plan writes (re-tags the template) while it reads',
    file: 'src/providers/e2b/live.ts',
    from: 'api.templateTags(target.alias),',
    to: "api.assignTags(target.alias, ['default']).then(() => api.templateTags(target.alias)),",
    tests: ['__tests__/integration/plan-live-e2b.test.ts'],
    dist: true,
  },
  {
    name: "e2b: the plan's calls wait as long as a deploy's (no per-call cap)",
    file: 'src/providers/e2b/live.ts',
    from: 'export const LIVE_CALL_MS = 5_000;',
    to: 'export const LIVE_CALL_MS = 60_000;',
    tests: ['__tests__/integration/plan-live-e2b.test.ts'],
    dist: true,
  },
  {
    name: 'e2b: sweep lists sandboxes by sindri_name instead of the config mark',
    file: 'src/providers/e2b/provider.ts',
    from: 'run.api.listSandboxes(META_CONFIG, ctx.config.name)',
    to: 'run.api.listSandboxes(META_NAME, ctx.config.name)',
    tests: ['__tests__/integration/sweep-e2b.test.ts'],
    dist: true,
  },
  {
    name: 'docker: the health rollback puts back the tag, not the previous image ID',
    file: 'src/providers/docker/compose.ts',
    from: 'service.image = running.imageId;',
    to: 'service.image = deployedAs;',
    tests: ['__tests__/integration/docker-health.test.ts'],
    dist: true,
  },
  {
    name: 'copy: an image copied without its first layer',
    file: 'src/image/copy-plan.ts',
    from: '...kept]',
    to: '...kept.slice(1)]',
    tests: ['__tests__/integration/copy.test.ts'],
  },
  {
    name: "github: a deployment status with a state GitHub does not have ('in-progress')",
    file: 'src/github/deployments.ts',
    from: "await this.status(id, 'in_progress', {",
    to: "await this.status(id, 'in-progress', {",
    tests: ['__tests__/unit/github-api-stand-in.test.ts'],
  },
  {
    name: 'cancel: the step no longer stops the commands it started',
    file: 'src/main.ts',
    from: '    stopChildrenOnCancel(exec);\n',
    to: '\n',
    tests: ['__tests__/integration/exec-faults.test.ts', '__tests__/integration/github-action.test.ts'],
    dist: true,
  },
  {
    name: 'flyctl: --json dropped from apps list',
    file: 'src/external/flyctl.ts',
    from: "['apps', 'list', '--org', org, '--json']",
    to: "['apps', 'list', '--org', org]",
    tests: ['__tests__/unit/flyctl-stand-in.test.ts'],
  },
  {
    name: 'flyctl: apps list without --org (every organization the token sees)',
    file: 'src/external/flyctl.ts',
    from: "['apps', 'list', '--org', org, '--json']",
    to: "['apps', 'list', '--json']",
    tests: ['__tests__/unit/flyctl-stand-in.test.ts'],
  },
  {
    name: 'flyctl: machine list without --app (flyctl would read the fly.toml of the working directory)',
    file: 'src/external/flyctl.ts',
    from: "['machine', 'list', '--app', app, '--json']",
    to: "['machine', 'list', app, '--json']",
    tests: ['__tests__/unit/flyctl-stand-in.test.ts'],
  },
  {
    name: "fly sweep: the organization of a listed app not checked (another organization's app a candidate)",
    file: 'src/providers/fly/previews.ts',
    from: 'if (app.Organization?.Slug !== organization) {',
    to: 'if (false) {',
    tests: ['__tests__/unit/fly-previews.test.ts'],
  },
  {
    name: 'fly sweep: an app listed by its name alone (no machine marks read)',
    file: 'src/providers/fly/previews.ts',
    from: '    if (why) info(',
    to: '    if (why && false) info(',
    tests: ['__tests__/integration/sweep-fly.test.ts'],
    dist: true,
  },
  {
    name: 'kubernetes: the plan lists the env Secrets a deploy prunes by a resource type the server does not have',
    file: 'src/providers/kubernetes/provider.ts',
    from: "kube.listByLabel(steps.target, 'secret', prune.selector, budget())",
    to: "kube.listByLabel(steps.target, 'secretz', prune.selector, budget())",
    tests: ['__tests__/integration/plan-live-kubernetes.test.ts'],
    dist: true,
  },
  {
    name: 'kubernetes: the in-process list by label asks a resource path the server does not have',
    file: 'src/external/kube-api.ts',
    from: '`${p.prefix}/namespaces/${encodeURIComponent(namespace)}/${p.plural}`',
    to: '`${p.prefix}/namespaces/${encodeURIComponent(namespace)}/${p.plural.slice(0, -1)}`',
    tests: ['__tests__/integration/plan-live-kubernetes.test.ts', '__tests__/integration/kube-api-auth.test.ts'],
    dist: true,
  },
  {
    name: 'kubernetes: the in-process list by label sends its selector under a name the server ignores',
    file: 'src/external/kube-api.ts',
    from: 'new URLSearchParams({ labelSelector: selector })',
    to: 'new URLSearchParams({ selector })',
    tests: ['__tests__/integration/plan-live-kubernetes.test.ts', '__tests__/integration/kube-api-auth.test.ts'],
    dist: true,
  },
  {
    name: "docker: the lock's in-process create misses the engine's 409 (a taken name read as a failure, not as another deploy)",
    file: 'src/external/docker.ts',
    from: 'if (a.status === 409) return { conflict: true };',
    to: 'if (a.status === 410) return { conflict: true };',
    tests: ['__tests__/integration/docker-faults.test.ts'],
    dist: true,
  },
  {
    name: "devpod: the in-process list of the workspace's containers filters under a key the engine refuses (labels, not label)",
    file: 'src/external/docker.ts',
    from: 'filters: JSON.stringify({ label: labels })',
    to: 'filters: JSON.stringify({ labels })',
    tests: ['__tests__/unit/docker-engine.test.ts', '__tests__/integration/devpod-runners.test.ts'],
    dist: true,
  },
  {
    name: 'docker: a docker context from config.json taken as the local socket (the CLI would use the context)',
    file: 'src/external/docker-engine.ts',
    from: "if (context !== 'default') return { ok: false, reason: `context ${context}` };",
    to: "if (context === '') return { ok: false, reason: `context ${context}` };",
    tests: ['__tests__/unit/docker-engine.test.ts', '__tests__/integration/docker-provider.test.ts'],
  },
  {
    name: 'plan: the provider plan waits for the tool probes again (nothing worked out ahead)',
    file: 'src/main.ts',
    from: "inputs.mode === 'plan' && !image.build ? planPhase(",
    to: "inputs.mode === 'plan' && image.build ? planPhase(",
    tests: ['__tests__/integration/plan-ahead.test.ts'],
    dist: true,
  },
  {
    name: 'runner: a held line printed at once (holdLog holds nothing)',
    file: 'src/runner.ts',
    from: '  if (lines) lines.push(w);\n  else w();',
    to: '  void lines;\n  w();',
    tests: ['__tests__/unit/runner.test.ts', '__tests__/integration/plan-ahead.test.ts'],
    dist: true,
  },
  {
    name: "start-up: the real @actions/http-client evaluated at start (Node's http, https and tls on every run)",
    file: 'src/vendor/http-client-lazy.ts',
    from: 'let real: Real | undefined;',
    to: "let real: Real | undefined = require('../../node_modules/@actions/http-client/lib/index.js') as Real;",
    tests: ['__tests__/integration/start-up-modules.test.ts'],
    dist: true,
  },
  {
    name: 'kube API: the in-process apply sends no field manager (the API server refuses an apply patch without one)',
    file: 'src/external/kube-api.ts',
    from: "new URLSearchParams({ fieldManager, force: 'true', fieldValidation: 'Strict',",
    to: "new URLSearchParams({ force: 'true', fieldValidation: 'Strict',",
    tests: ['__tests__/integration/kube-apply-in-process.test.ts'],
  },
  {
    name: 'kube API: the in-process apply sent as a merge patch (only an apply creates: 404 on a new object)',
    file: 'src/external/kube-api.ts',
    from: "type: 'application/apply-patch+yaml',",
    to: "type: 'application/merge-patch+json',",
    tests: ['__tests__/integration/kube-apply-in-process.test.ts'],
  },
  {
    name: 'kube API: no dry run of every object before the apply (a refused object leaves the others applied)',
    file: 'src/external/kube-api.ts',
    from: 'const first = await round(creates ? cluster : placed, true);',
    to: 'const first = await round([], true);',
    tests: ['__tests__/integration/kube-apply-in-process.test.ts', '__tests__/integration/kubernetes-provider.test.ts'],
  },
  {
    name: "kube rollout: done before the updated replicas are available (kubectl's viewer waits for them)",
    file: 'src/external/kube-rollout.ts',
    from: '  if (available < updated)',
    to: '  if (available < 0)',
    tests: ['__tests__/unit/kube-rollout.test.ts', '__tests__/integration/kubernetes-provider.test.ts'],
  },
  {
    name: 'kube rollout: the watch asks for every Deployment of the namespace, not this one (a sibling\'s events judged as this one\'s)',
    file: 'src/external/kube-api.ts',
    from: 'fieldSelector: `metadata.name=${name}`,',
    to: "fieldSelector: '',",
    tests: ['__tests__/integration/kube-apply-in-process.test.ts'],
  },
  {
    name: 'deploy: the Kubernetes read waits for the tool probes again (nothing read ahead)',
    file: 'src/main.ts',
    from: "inputs.mode === 'deploy' && !image.build && impl.readLive",
    to: "inputs.mode === 'deploy' && image.build && impl.readLive",
    tests: ['__tests__/integration/plan-ahead.test.ts'],
    dist: true,
  },
  {
    name: 'kube API: a new connection (and TLS handshake) for every request again',
    file: 'src/external/kube-api.ts',
    from: "agent: url.protocol === 'https:' ? HTTPS_AGENT : HTTP_AGENT,",
    to: 'agent: false,',
    tests: ['__tests__/integration/kube-api-auth.test.ts'],
    dist: true,
  },
  {
    name: 'deploy: the Fly read waits for the tool probes again (nothing read ahead)',
    file: 'src/providers/fly/provider.ts',
    from: '    return resolveFlyApi(process.env).ok;',
    to: '    return false;',
    tests: ['__tests__/integration/plan-ahead.test.ts'],
    dist: true,
  },
  {
    name: 'start-up: the verification code loaded before the policy says whether anything is checked (verify.ts on every run)',
    file: 'src/verify/gate.ts',
    from: '  if (!isPolicy(policy)) return nothing(policy.skip);',
    to: "  await import('./verify.js');\n  if (!isPolicy(policy)) return nothing(policy.skip);",
    tests: ['__tests__/integration/start-up-modules.test.ts'],
    dist: true,
  },
  {
    name: 'exec: a program on no PATH folder started anyway (a fork per missing CLI)',
    file: 'src/external/exec.ts',
    from: '  return path.split(delimiter).every((dir) => !existsSync(resolve(cwd, dir, file)));',
    to: '  return path.split(delimiter).every((dir) => !existsSync(resolve(cwd, dir, file))) && false;',
    tests: ['__tests__/integration/exec-not-on-path.test.ts'],
  },
  {
    name: 'kube API: a 429 with Retry-After taken as the answer (client-go waits and asks again)',
    file: 'src/external/kube-api.ts',
    from: '      if (wait === undefined || attempt >= 10 || waited + wait >= timeoutMs) return a;',
    to: '      return a;',
    tests: ['__tests__/integration/kube-apply-in-process.test.ts'],
  },
];

function run(cmd, args, cwd) {
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, CI: '' } });
  return { code: r.status ?? 1, out: `${r.stdout ?? ''}${r.stderr ?? ''}`, seconds: (Date.now() - started) / 1000 };
}

/** Test files run → { failed, passed } from vitest's JSON report. */
function vitest(copy, tests) {
  const report = join(copy, '.mutants-report.json');
  rmSync(report, { force: true });
  const r = run(join(copy, 'node_modules/.bin/vitest'), ['run', '--reporter=json', `--outputFile=${report}`, ...tests], copy);
  let failed = 0;
  let passed = 0;
  try {
    const j = JSON.parse(readFileSync(report, 'utf8'));
    failed = j.numFailedTests + (j.numFailedTestSuites ?? 0);
    passed = j.numPassedTests;
  } catch {
    failed = -1; // no report: the run itself broke (counted as not killed: a mutant must fail a test)
  }
  return { ...r, failed, passed };
}

function copyTree() {
  const copy = mkdtempSync(join(tmpdir(), 'sindri-mutants-'));
  const files = run('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], ROOT).out.split('\0').filter(Boolean);
  for (const f of files) {
    try {
      mkdirSync(dirname(join(copy, f)), { recursive: true });
      cpSync(join(ROOT, f), join(copy, f));
    } catch (e) {
      if (e.code !== 'ENOENT') throw e; // deleted in the work tree but still in the index
    }
  }
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
  return copy;
}

function main() {
  const only = process.argv.slice(2);
  const chosen = only.length ? MUTANTS.filter((m) => only.some((o) => m.name.includes(o))) : MUTANTS;
  if (!chosen.length) {
    console.error(`no mutant matches ${only.join(', ')}; names: ${MUTANTS.map((m) => m.name).join(' | ')}`);
    process.exit(1);
  }
  const started = Date.now();
  const copy = copyTree();
  let killed = 0;
  try {
    const tests = [...new Set(chosen.flatMap((m) => m.tests))];
    const base = vitest(copy, tests);
    if (base.code !== 0 || base.failed !== 0) {
      console.log(base.out.split('\n').slice(-40).join('\n'));
      console.error(`the affected tests fail without any mutant (${base.failed} failed): fix them first`);
      process.exit(1);
    }
    console.log(`unchanged tree: ${base.passed} tests pass in ${tests.length} files (${base.seconds.toFixed(0)} s)`);
    for (const m of chosen) {
      const path = join(copy, m.file);
      const original = readFileSync(path, 'utf8');
      const at = original.indexOf(m.from);
      if (at < 0 || original.indexOf(m.from, at + 1) >= 0) {
        console.log(`STALE     ${m.name}: the text is ${at < 0 ? 'not' : 'more than once'} in ${m.file}; update scripts/mutants.mjs`);
        continue;
      }
      writeFileSync(path, original.slice(0, at) + m.to + original.slice(at + m.from.length));
      try {
        if (m.dist) {
          cpSync(join(copy, 'dist'), join(copy, '.dist.unchanged'), { recursive: true });
          const b = run('npm', ['run', '-s', 'bundle'], copy);
          if (b.code !== 0) {
            console.log(`NOT RUN   ${m.name}: the mutant does not bundle\n${b.out.slice(-2000)}`);
            continue;
          }
        }
        const r = vitest(copy, m.tests);
        const ok = r.failed > 0;
        if (ok) killed++;
        console.log(
          `${ok ? 'KILLED   ' : 'SURVIVED '} ${m.name}: ${r.failed < 0 ? 'the test run broke' : `${r.failed} failed, ${r.passed} passed`} in ${m.tests.join(' ')} (${r.seconds.toFixed(0)} s)`,
        );
      } finally {
        writeFileSync(path, original);
        if (m.dist) {
          rmSync(join(copy, 'dist'), { recursive: true, force: true });
          cpSync(join(copy, '.dist.unchanged'), join(copy, 'dist'), { recursive: true });
          rmSync(join(copy, '.dist.unchanged'), { recursive: true, force: true });
        }
      }
    }
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
  console.log(`mutants: ${killed} killed of ${chosen.length} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  process.exit(killed === chosen.length ? 0 : 1);
}

main();
