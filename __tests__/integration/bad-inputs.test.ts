/**
 * Issue 14: the bad-input contract, table-driven, through `node dist/index.js` in plan mode as the
 * runner runs it. Every row is a distinct bad input (config, inputs, registry behaviour) and must
 * give exit 1, exactly one `::error` line with the place (file:line or input name) and a `Fix:`, no
 * stack trace, never "internal error", a bounded length, and finish within a bound derived from
 * `timeout`. Registry misbehaviour comes from loopback servers on port 0 (never answers, refuses,
 * 500s, garbage) and the real registry on 127.0.0.1:5000 (missing tags and repositories).
 * Rows run concurrently in small batches on Node 24 (the action's runtime); the rows whose outcome
 * depends on how Node's own fetch fails also on Node 20 (ADR 0024).
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAction, type ActionRun, type NodeMajor } from '../support/action.js';
import { badServer, refusedPort, silentTcp, type BadServer } from '../support/bad-servers.js';
import { ANY_PLACE, contractViolations, errorMessages } from '../support/contract.js';
import { pushImage, pushIndex, REGISTRY_ANON, requireService, RUN_ID } from '../support/registry.js';

const REAL_REPO = `${REGISTRY_ANON}/bad-${RUN_ID}/app`;
const hosts: Record<string, string> = {};
const servers: BadServer[] = [];
const dirs: string[] = [];

const yaml = (deployment: string, top = 'name: bad-demo', tail = 'extensions:\n  profile: minimal\n') =>
  `version: "3.0"\n${top}\ndeployment:\n  provider: docker\n${deployment}\n${tail}`;

interface Row {
  id: string;
  /** sindri.yaml (string or raw bytes); `{HANG}`-style markers are replaced by the servers' hosts */
  config?: string | Buffer | (() => string | Buffer);
  files?: Record<string, string>;
  inputs?: Record<string, string>;
  /** added to the runner's environment (an empty value plays a variable a local run lacks) */
  env?: Record<string, string>;
  /** what the one line must name (file:line or input), beyond ANY_PLACE */
  place: RegExp;
  /** what it must say */
  says?: RegExp;
  /** input timeout for the row (default 20s) */
  timeout?: string;
  /**
   * also on Node 20: how a request fails is up to the fetch (undici) bundled with Node, and a local run
   * (`npm start`) may use Node 20 (ADR 0024)
   */
  node20?: boolean;
  /** text that must appear nowhere in the log (but its mask), the summary or the outputs (a secret value) */
  never?: string[];
}

const L = (n: number) => new RegExp(`^sindri\\.yaml:${n}(?::\\d+)?: `);

const billionLaughs = (() => {
  let s = 'version: "3.0"\nname: bomb\na: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
  let prev = 'a';
  for (const n of 'bcdefghi') {
    s += `${n}: &${n} [${Array(9).fill(`*${prev}`).join(',')}]\n`;
    prev = n;
  }
  return s + 'deployment:\n  provider: docker\n';
})();

const ROWS: Row[] = [
  // --- 1. YAML problems: the user's file, never an internal error
  { id: 'undefined alias', config: yaml('  image: *nope'), place: L(5), says: /alias \*nope refers to no anchor/ },
  {
    // in plan too: the tool step reads the context (kind-* loads need kind) through the provider's settings
    id: 'kubernetes context with a forged command',
    config: `version: "3.0"\nname: bad-demo\ndeployment:\n  provider: kubernetes\n  image: 127.0.0.1:5000/a@sha256:${'a'.repeat(64)}\nproviders:\n  kubernetes:\n    context: "kind-x\\n::error::hook-forged"\n`,
    inputs: { 'pin-digest': 'false' },
    place: L(8),
    says: /control character/,
  },
  { id: 'alias bomb (billion laughs)', config: billionLaughs, place: /^sindri\.yaml:\d+/, says: /alias bomb/ },
  {
    id: 'two documents',
    config: yaml('  image: 127.0.0.1:5000/a:1') + '---\nname: other\n',
    place: L(8),
    says: /more than one YAML document.*one document per file/,
  },
  {
    id: 'deep flow nesting',
    config: 'version: "3.0"\nname: deep\nx: ' + '['.repeat(5000) + ']'.repeat(5000) + '\n',
    place: /^sindri\.yaml(:\d+)*: /,
    says: /nested/,
  },
  {
    id: 'deep block nesting',
    config: 'name: deep\n' + Array.from({ length: 300 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' 1\n',
    place: /^sindri\.yaml:\d+/,
    says: /nested more than 100 levels/,
  },
  {
    id: 'UTF-32 file',
    config: Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), Buffer.from('n\0\0\0')]),
    place: /^sindri\.yaml: /,
    says: /UTF-32/,
  },
  { id: 'UTF-16 without BOM', config: Buffer.from('name: x\n', 'utf16le'), place: /^sindri\.yaml: /, says: /UTF-16/ },
  {
    id: 'Latin-1 byte',
    config: Buffer.concat([Buffer.from('version: "3.0"\nname: caf'), Buffer.from([0xe9]), Buffer.from('\n')]),
    place: /^sindri\.yaml:2: /,
    says: /not valid UTF-8/,
  },
  {
    id: 'tab indentation',
    config: 'version: "3.0"\nname: x\ndeployment:\n\tprovider: docker\n',
    place: L(4),
    says: /not valid YAML: a tab is used to indent.*Fix: indent with spaces/,
  },
  { id: 'unclosed quote', config: 'version: "3.0\nname: x\n', place: /^sindri\.yaml:\d+/, says: /not valid YAML/ },
  { id: 'duplicate key', config: yaml('  provider: fly'), place: L(5), says: /the key provider is written twice/ },
  { id: 'a list, not a mapping', config: '- name: x\n- provider: docker\n', place: L(1), says: /a list/ },
  { id: 'a single value', config: 'just some text\n', place: L(1), says: /single value/ },
  { id: 'empty file', config: '', place: L(1), says: /empty/ },
  {
    id: 'unbalanced flow mapping',
    config: 'version: "3.0"\nname: x\ndeployment: { provider: docker\n',
    place: /^sindri\.yaml:\d+/,
    says: /not valid YAML/,
  },
  // --- 2. values that must not change silently
  {
    id: 'required: yes on a secret',
    config: yaml('', 'name: bad-demo', 'secrets:\n  - name: API_TOKEN\n    source: env\n    required: yes\n'),
    place: L(9),
    says: /must be true or false, not "yes"/,
  },
  {
    id: 'required: 1 on a secret',
    config: yaml('', 'name: bad-demo', 'secrets:\n  - name: API_TOKEN\n    source: env\n    required: 1\n'),
    place: L(9),
    says: /must be true or false/,
  },
  { id: 'cpus: -3', config: yaml('  resources:\n    cpus: -3'), place: L(6), says: /-3 is out of range.*from 1 to 1024/ },
  { id: 'cpus: 0', config: yaml('  resources:\n    cpus: 0'), place: L(6), says: /out of range/ },
  { id: 'cpus: 2.5', config: yaml('  resources:\n    cpus: 2.5'), place: L(6), says: /out of range/ },
  { id: 'cpus: many', config: yaml('  resources:\n    cpus: many'), place: L(6), says: /many is out of range/ },
  { id: 'gpu count: 0', config: yaml('  resources:\n    gpu:\n      enabled: true\n      count: 0'), place: L(8), says: /out of range/ },
  { id: 'timeout: 0', inputs: { timeout: '0' }, place: /input timeout/, says: /zero.*from 1s to 596h/ },
  { id: 'timeout: 0s', inputs: { timeout: '0s' }, place: /input timeout/, says: /out of range/ },
  { id: 'timeout: 1000h', inputs: { timeout: '1000h' }, place: /input timeout/, says: /out of range.*2³¹−1 ms/ },
  { id: 'timeout: 99999999999 s', inputs: { timeout: '99999999999' }, place: /input timeout/, says: /out of range/ },
  { id: 'timeout: -5', inputs: { timeout: '-5' }, place: /input timeout/, says: /invalid duration/ },
  { id: 'timeout: soon', inputs: { timeout: 'soon' }, place: /input timeout/, says: /invalid duration/ },
  {
    id: 'build-args: bad name',
    inputs: { 'build-args': 'GOOD=1\nBAD-NAME=2' },
    place: /input build-args/,
    says: /line 2: invalid build argument name "BAD-NAME"/,
  },
  { id: 'build-args: given twice', inputs: { 'build-args': 'A=1\nA=2' }, place: /input build-args/, says: /given twice/ },
  {
    id: 'cache-from: unknown type',
    inputs: { 'cache-from': 'type=registry,ref=127.0.0.1:5000/c:1\ntype=redis,url=x' },
    place: /input cache-from/,
    says: /line 2: unknown cache type "redis".*Fix: use one of registry, local, gha, s3, azblob/,
  },
  { id: 'cache-to: registry without ref', inputs: { 'cache-to': 'type=registry,mode=max' }, place: /input cache-to/, says: /needs ref=/ },
  {
    id: 'cache-to: a token on the command line',
    inputs: { 'cache-to': 'type=gha,mode=max,token=ghs_forgedtoken123' },
    place: /input cache-to/,
    says: /token= would put a credential on the command line.*Fix: buildx reads/,
    never: ['ghs_forgedtoken123'],
  },
  {
    id: 'build-secrets: a line without an id (the value is never echoed)',
    inputs: { 'build-secrets': 'NPM_TOKEN=ok\nsupersecretvalue42' },
    place: /input build-secrets/,
    says: /line 2: has no "=".*not shown/,
    never: ['supersecretvalue42'],
  },
  { id: 'build-secrets: empty value', inputs: { 'build-secrets': 'NPM_TOKEN=' }, place: /input build-secrets/, says: /empty value/ },
  // --- 5. every input validated up front
  {
    id: 'tool-mirror: ftp',
    inputs: { 'tool-mirror': 'ftp://mirror.example.com/tools' },
    place: /input tool-mirror/,
    says: /invalid mirror URL/,
  },
  { id: 'tool-mirror: not a URL', inputs: { 'tool-mirror': 'mirror' }, place: /input tool-mirror/, says: /invalid mirror URL/ },
  {
    id: 'tool-mirror: a query (and credentials, never echoed)',
    inputs: { 'tool-mirror': 'https://u:hunter2pass@mirror.example.com/?x=1' },
    place: /input tool-mirror/,
    says: /invalid mirror URL "https:\/\/mirror\.example\.com\/\?x=1"/,
  },
  {
    id: 'kubectl-version: shell',
    inputs: { 'kubectl-version': '; rm -rf /' },
    place: /input kubectl-version/,
    says: /invalid version/,
  },
  {
    id: 'flyctl-version: 300 chars',
    inputs: { 'flyctl-version': '1'.repeat(300) },
    place: /input flyctl-version/,
    says: /invalid version/,
  },
  { id: 'cosign-version: $(id)', inputs: { 'cosign-version': '$(id)' }, place: /input cosign-version/, says: /invalid version/ },
  { id: 'mode: bogus', inputs: { mode: 'yolo' }, place: /input mode/, says: /invalid value/ },
  { id: 'provider: bogus', inputs: { provider: 'heroku' }, place: /input provider/, says: /unknown provider/ },
  { id: 'verify: maybe', inputs: { verify: 'maybe' }, place: /input verify/, says: /invalid value/ },
  { id: 'force: sometimes', inputs: { force: 'sometimes' }, place: /input force/, says: /invalid boolean/ },
  { id: 'image-digest: short', inputs: { 'image-digest': 'sha256:abc' }, place: /input image-digest/, says: /invalid digest/ },
  { id: 'name-suffix: spaces', inputs: { 'name-suffix': 'pr 42' }, place: /input name-suffix/, says: /invalid name suffix/ },
  { id: 'image: 600 characters', inputs: { image: `127.0.0.1:5000/${'a'.repeat(600)}` }, place: /input image/, says: /at most 512/ },
  { id: 'image: two lines', inputs: { image: '127.0.0.1:5000/a:1\n::warning::forged' }, place: /input image/, says: /control character/ },
  { id: 'environment: 300 characters', inputs: { environment: 'e'.repeat(300) }, place: /input environment/, says: /GitHub allows 255/ },
  { id: 'registry-username without password', inputs: { 'registry-username': 'me' }, place: /input registry-password/ },
  {
    id: 'working-directory missing',
    inputs: { 'working-directory': '/nonexistent/dir-' + RUN_ID },
    place: /input working-directory/,
    says: /does not exist/,
  },
  {
    id: 'working-directory is a file',
    files: { 'plain.txt': 'x' },
    inputs: { 'working-directory': '{DIR}/plain.txt' },
    place: /input working-directory/,
    says: /is a file, not a directory/,
  },
  {
    id: 'verify: true on a Dockerfile-only config',
    config: yaml(''),
    files: { Dockerfile: 'FROM scratch\n' },
    inputs: { verify: 'true' },
    place: /input verify/,
    says: /image-digest/,
  },
  { id: 'config input missing', inputs: { config: 'nope.yaml' }, place: /input config/, says: /not found/ },
  // --- 6. unbounded output
  {
    id: '100k-character name',
    config: () => yaml('', `name: ${'a'.repeat(100_000)}_X`),
    place: L(2),
    says: /characters cut/,
  },
  {
    id: 'name of 300 valid characters',
    config: yaml('', `name: ${'a'.repeat(300)}`),
    place: L(2),
    says: /300 characters long; at most 253/,
  },
  { id: '100k-character valid name', config: () => yaml('', `name: ${'z'.repeat(100_000)}`), place: L(2), says: /100000 characters long/ },
  {
    id: '100k-character image',
    config: () => yaml(`  image: ${'b'.repeat(100_000)}:1`),
    place: L(5),
    says: /invalid image reference "b{20,60}…".*longer than 512/,
  },
  // --- 7. messages that say where and why
  {
    id: 'memory: lots',
    config: yaml('  image: 127.0.0.1:5000/a:1\n  resources:\n    memory: lots'),
    inputs: { 'pin-digest': 'false' },
    place: L(7),
    says: /invalid memory size "lots"/,
  },
  {
    id: 'invalid secret name',
    config: yaml('', 'name: bad-demo', 'secrets:\n  - name: my-token\n    source: env\n'),
    place: /^sindri\.yaml:7:\d+: secrets\[0\]\.name: /,
    says: /invalid secret name/,
  },
  {
    id: 'Name: wrong case',
    config: 'version: "3.0"\nName: demo\ndeployment:\n  provider: docker\n',
    place: L(2),
    says: /did you mean name/,
  },
  {
    id: 'Deployment: wrong case',
    config: 'version: "3.0"\nname: demo\nDeployment:\n  provider: docker\n',
    place: L(3),
    says: /did you mean deployment/,
  },
  {
    id: 'bad semver constraint, before any tag request',
    config: () => yaml(`  image_config:\n    registry: ${hosts.hang}/app\n    version: "^^1.x.y"`),
    timeout: '5s',
    place: L(7),
    says: /not a valid version constraint/,
  },
  { id: 'no name', config: 'version: "3.0"\ndeployment:\n  provider: docker\n', place: /^sindri\.yaml:1/, says: /no name/ },
  { id: 'invalid name', config: yaml('', 'name: My_App'), place: L(2), says: /invalid name/ },
  { id: 'unknown provider', config: 'version: "3.0"\nname: x\ndeployment:\n  provider: dockr\n', place: L(4), says: /unknown provider/ },
  {
    id: 'bad digest in config',
    config: yaml('  image_config:\n    registry: 127.0.0.1:5000/a\n    digest: sha256:xyz'),
    place: L(7),
    says: /invalid digest/,
  },
  {
    id: 'registry host only',
    config: yaml('  image_config:\n    registry: ghcr.io'),
    place: L(6),
    says: /registry host, not a repository/,
  },
  { id: 'bad distro', config: yaml('  distro: windows'), place: L(5), says: /invalid value "windows"/ },
  { id: 'secrets not a list', config: yaml('', 'name: bad-demo', 'secrets: API_TOKEN\n'), place: L(6), says: /must be a list/ },
  {
    id: 'dockerfile input missing when rule 8 is reached',
    inputs: { dockerfile: 'nope/Dockerfile' },
    config: yaml(''),
    place: /input dockerfile/,
    says: /no Dockerfile at/,
  },
  {
    id: 'looping ./Dockerfile when rule 8 is reached',
    config: yaml(''),
    files: { '@Dockerfile': 'Dockerfile' },
    place: /^Dockerfile: /,
    says: /symbolic link that loops back on itself \(ELOOP\)/,
  },
  // --- 3. registry behaviour: every wait inside the deadline
  {
    id: 'registry never answers (timeout 5s)',
    config: () => yaml(`  image: ${hosts.hang}/app:1`),
    timeout: '5s',
    place: /^input timeout: /,
    says: /timeout of 5 s ran out before registry 127\.0\.0\.1:\d+ answered/,
    node20: true,
  },
  {
    id: 'TCP server that says nothing (timeout 4s)',
    config: () => yaml(`  image: ${hosts.silent}/app:1`),
    timeout: '4s',
    place: /^input timeout: /,
    says: /timeout of 4 s ran out before registry 127\.0\.0\.1:\d+/,
  },
  {
    id: 'tag list never answers (timeout 5s)',
    config: () => yaml(`  image_config:\n    registry: ${hosts.hang}/app\n    version: ^1.0.0`),
    timeout: '5s',
    place: /^input timeout: /,
    says: /ran out before registry 127\.0\.0\.1:\d+ answered GET \/v2\/app\/tags\/list/,
  },
  {
    id: 'refused port',
    config: () => yaml(`  image: ${hosts.refused}/app:1`),
    place: L(5),
    says: /cannot reach registry 127\.0\.0\.1:\d+ \(ECONNREFUSED/,
    node20: true,
  },
  {
    id: 'registry answers 500 (timeout 6s)',
    config: () => yaml(`  image: ${hosts.e500}/app:1`),
    timeout: '6s',
    // the retries end first, or the deadline does (machine load decides): either way one line with the 500
    place: /^(input timeout|sindri\.yaml:5:10: deployment\.image): /,
    says: /HTTP 500/,
  },
  {
    id: 'registry answers HTML to the tag list',
    config: () => yaml(`  image_config:\n    registry: ${hosts.html}/app\n    version: ^1.0.0`),
    place: L(7),
    says: /tag list is not JSON/,
  },
  {
    id: 'registry answers a tag list of numbers',
    config: () => yaml(`  image_config:\n    registry: ${hosts.garbage}/app\n    version: ^1.0.0`),
    place: L(7),
    says: /not a list of strings/,
  },
  {
    id: 'registry answers null to the tag list (issue 20 class 10)',
    config: () => yaml(`  image_config:\n    registry: ${hosts.nullBody}/app\n    version: ^1.0.0`),
    place: L(7),
    says: /tag list is null, not an object.*Fix: check that/,
  },
  {
    id: 'registry 401 without a challenge',
    config: () => yaml(`  image: ${hosts.noChallenge}/app:1`),
    place: L(5),
    says: /answered HTTP 401 .*without credentials/,
  },
  {
    id: 'registry challenge with a bad realm',
    config: () => yaml(`  image: ${hosts.badRealm}/app:1`),
    place: L(5),
    says: /no usable realm/,
  },
  {
    id: 'missing tag on the real registry',
    config: () => yaml(`  image: ${REAL_REPO}:9.9.9`),
    place: L(5),
    says: /MANIFEST_UNKNOWN/,
    node20: true,
  },
  {
    id: 'missing repository on the real registry',
    config: () => yaml(`  image: ${REGISTRY_ANON}/none-${RUN_ID}/x:1`),
    place: L(5),
    says: /NAME_UNKNOWN|MANIFEST_UNKNOWN/,
  },
  {
    id: 'no tag matches on the real registry',
    config: () => yaml(`  image_config:\n    registry: ${REAL_REPO}\n    version: ^7.0.0`),
    place: L(7),
    says: /no tag of .* matches/,
  },
  {
    id: 'missing image given as input',
    inputs: { image: `${REAL_REPO}:0.0.404` },
    config: yaml(''),
    place: /input image/,
    says: /MANIFEST_UNKNOWN/,
  },
  // --- issue 20 classes 10, 14, 15: states the user controls, secrets that cannot be delivered, smaller checks
  {
    id: 'GITHUB_OUTPUT names no file (local run)',
    env: { GITHUB_OUTPUT: '{DIR}/no-such-dir/output' },
    config: yaml('  image: 127.0.0.1:5000/a:1'),
    place: /^env GITHUB_OUTPUT: /,
    says: /names .*no-such-dir\/output, which is not a file.*Fix: create the file or unset GITHUB_OUTPUT/,
  },
  {
    id: 'no RUNNER_TOOL_CACHE when a CLI must be installed (local run)',
    env: { RUNNER_TOOL_CACHE: '', FLY_API_TOKEN: 'fo1_not-a-real-token' },
    config: () => `version: "3.0"\nname: bad-demo\ndeployment:\n  provider: fly\n  image: ${REAL_REPO}:1.0.0\n`,
    inputs: { mode: 'deploy', 'flyctl-version': '0.3.100' },
    place: /^env RUNNER_TOOL_CACHE: /,
    says: /RUNNER_TOOL_CACHE is not set, so a missing CLI cannot be downloaded.*Fix: run it with npm start/,
  },
  {
    id: 'required secret with source: vault, in deploy mode',
    config: yaml(
      '  image: 127.0.0.1:5000/a:1',
      'name: bad-demo',
      'secrets:\n  - name: DB_PASSWORD\n    source: vault\n    vaultPath: app/db\n    vaultKey: password\n    required: true\n',
    ),
    inputs: { mode: 'deploy' },
    place: L(7),
    says: /DB_PASSWORD has source: vault, which the action does not read.*Fix: fetch it in an earlier step \(hashicorp\/vault-action\)/,
  },
  {
    id: 'required secret with source: s3, in deploy mode',
    config: yaml('  image: 127.0.0.1:5000/a:1', 'name: bad-demo', 'secrets:\n  - name: TLS_KEY\n    source: s3\n    required: true\n'),
    inputs: { mode: 'deploy' },
    place: L(7),
    says: /TLS_KEY has source: s3.*Fix: fetch it in an earlier step \(aws-actions/,
  },
  {
    id: 'required secret with source: file, the file missing, in deploy mode',
    config: yaml(
      '  image: 127.0.0.1:5000/a:1',
      'name: bad-demo',
      'secrets:\n  - name: TLS_KEY\n    source: file\n    path: certs/tls.key\n    required: true\n',
    ),
    inputs: { mode: 'deploy' },
    place: L(7),
    says: /TLS_KEY \(source: file\) is not set: its path certs\/tls\.key is not a readable, non-empty file.*Fix: create certs\/tls\.key/,
  },
  {
    id: 'name: !!binary',
    config: yaml('', 'name: !!binary YmFkLWRlbW8='),
    place: L(2),
    says: /must be a string, not binary data \(a !!binary value\).*Fix: remove the YAML tag/,
  },
  {
    id: 'name-suffix: upper case',
    inputs: { 'name-suffix': 'PR-12' },
    place: /input name-suffix/,
    says: /upper-case.*\(name-suffix: pr-12\)/,
  },
  {
    id: 'certificate-identity: a lookahead (not RE2)',
    inputs: { 'certificate-identity': '^(?=https://github.com/).*$' },
    place: /input certificate-identity/,
    says: /not a regular expression cosign accepts \(Go RE2 syntax\): invalid or unsupported Perl syntax: `\(\?=`/,
  },
  {
    id: 'certificate-identity: a backreference (not RE2)',
    inputs: { 'certificate-identity': '(https)://\\1' },
    place: /input certificate-identity/,
    says: /invalid escape sequence: `\\1`/,
  },
  {
    id: 'image_config.certificate_identity: not RE2',
    config: yaml('  image_config:\n    registry: 127.0.0.1:5000/a\n    certificate_identity: "a++"'),
    place: L(7),
    says: /certificate_identity: .*invalid nested repetition operator/,
  },
  {
    id: 'certificate-oidc-issuer: http',
    inputs: { 'certificate-oidc-issuer': 'http://token.actions.githubusercontent.com' },
    place: /input certificate-oidc-issuer/,
    says: /scheme http: is not https/,
  },
  {
    id: 'certificate-oidc-issuer: not a URL',
    inputs: { 'certificate-oidc-issuer': 'token.actions.githubusercontent.com' },
    place: /input certificate-oidc-issuer/,
    says: /is not a URL.*Fix: write the issuer as an https URL/,
  },
  {
    id: 'an index without the runner platform fails in plan (issue 20 class 15)',
    config: () => yaml(`  image: ${REAL_REPO}:exotic`),
    place: L(5),
    says: /is a multi-platform image without linux\/(amd64|arm64), the platform of this runner's Docker engine \(it has linux\/ppc64le, linux\/s390x\)\. Fix: run the job on a runner of one of those platforms/,
  },
  {
    id: 'allow_prerelease: true and no match: no advice to set it',
    config: () => yaml(`  image_config:\n    registry: ${REAL_REPO}\n    version: ^7.0.0\n    allow_prerelease: true`),
    place: L(7),
    says: /no tag of .* matches.*Fix: loosen the constraint \(prereleases are already allowed\)/,
  },
];

function durationMs(t: string | undefined): number {
  const v = t ?? '20s';
  const m = /^(\d+)s$/.exec(v);
  return m ? Number(m[1]) * 1000 : 20_000;
}

function workdir(row: Row): string {
  const dir = mkdtempSync(join(tmpdir(), 'bad-input-'));
  dirs.push(dir);
  const sub = (s: string) => s.replace(/\{DIR\}/g, dir).replace(/\{(\w+)\}/g, (all, k: string) => hosts[k] ?? all);
  const content = typeof row.config === 'function' ? row.config() : row.config;
  if (content !== undefined) writeFileSync(join(dir, 'sindri.yaml'), typeof content === 'string' ? sub(content) : content);
  for (const [p, c] of Object.entries(row.files ?? {})) {
    if (p.startsWith('@')) {
      // a symlink to itself: ELOOP on stat
      symlinkSync(c, join(dir, p.slice(1)));
      continue;
    }
    mkdirSync(join(dir, p, '..'), { recursive: true });
    writeFileSync(join(dir, p), c);
  }
  return dir;
}

async function run(row: Row, node: NodeMajor): Promise<ActionRun> {
  const dir = workdir(row);
  // rule 9 must never reach the internet: the default image is a refused loopback port
  const inputs: Record<string, string> = {
    mode: 'plan',
    timeout: row.timeout ?? '20s',
    'default-image': `${hosts.refused}/default:1`,
    ...row.inputs,
  };
  for (const [k, v] of Object.entries(inputs)) inputs[k] = v.replace(/\{DIR\}/g, dir);
  if (!('working-directory' in inputs)) inputs['working-directory'] = dir;
  const env = Object.fromEntries(Object.entries(row.env ?? {}).map(([k, v]) => [k, v.replace(/\{DIR\}/g, dir)]));
  return runAction({ inputs, env, cwd: dir, node, timeoutMs: durationMs(row.timeout) + 30_000 });
}

beforeAll(async () => {
  await requireService(`http://${REGISTRY_ANON}/v2/`);
  await pushImage({ host: REGISTRY_ANON, repository: `bad-${RUN_ID}/app` }, '1.0.0', { seed: 'bad100' });
  // an index without the platform of any runner this suite runs on (x64 or arm64)
  await pushIndex({ host: REGISTRY_ANON, repository: `bad-${RUN_ID}/app` }, 'exotic', {
    seed: 'bad-exotic',
    platforms: [
      { os: 'linux', architecture: 'ppc64le' },
      { os: 'linux', architecture: 's390x' },
    ],
  });
  const make = async (k: string, s: Promise<BadServer>) => {
    const srv = await s;
    servers.push(srv);
    hosts[k] = srv.host;
  };
  await Promise.all([
    make('hang', badServer('hang')),
    make('silent', silentTcp()),
    make('e500', badServer('status-500')),
    make('html', badServer('html')),
    make('garbage', badServer('garbage-json')),
    make('nullBody', badServer('null-json')),
    make('noChallenge', badServer('no-challenge-401')),
    make('badRealm', badServer('bad-realm')),
  ]);
  hosts.refused = await refusedPort();
});

afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('bad inputs (issue 14): one line, the place, a fix, within the deadline', () => {
  it('has at least 60 distinct rows', () => {
    expect(new Set(ROWS.map((r) => r.id)).size).toBe(ROWS.length);
    expect(ROWS.length).toBeGreaterThanOrEqual(60);
  });

  for (const node of ['24', '20'] as const) {
    const rows = node === '24' ? ROWS : ROWS.filter((r) => r.node20);
    it.concurrent.each(rows.map((r) => [r.id, r] as const))(`Node ${node}: %s`, async (_id, row) => {
      const r = await run(row, node);
      const violations = contractViolations(r, row.place);
      const line = errorMessages(r.stdout)[0] ?? '';
      expect(violations, `${line}\n--- stdout:\n${r.stdout.slice(-3000)}`).toEqual([]);
      expect(line).toMatch(ANY_PLACE);
      if (row.says) expect(line).toMatch(row.says);
      // masked first (the runner consumes ::add-mask:: lines), then never shown
      const shown = r.stdout.replace(/^::add-mask::.*$/gm, '') + r.stderr + r.summary + JSON.stringify(r.outputs);
      for (const secret of row.never ?? []) expect(shown).not.toContain(secret);
      // within the run's deadline, plus the start of a Node process on a busy machine
      expect(r.durationMs, line).toBeLessThan(durationMs(row.timeout) + 4000);
    });
  }

  it('a registry that never answers, with timeout: 5s, ends in about 5 s and was asked at most a few times', async () => {
    const before = servers.find((s) => s.host === hosts.hang)!.requests;
    const r = await run({ id: 'hang', config: yaml(`  image: ${hosts.hang}/timed:1`), timeout: '5s', place: L(5) }, '24');
    expect(contractViolations(r, /^input timeout: .*ran out before registry 127\.0\.0\.1:\d+ answered/)).toEqual([]);
    expect(r.durationMs).toBeGreaterThanOrEqual(4500);
    expect(r.durationMs).toBeLessThan(9000);
    // one request hangs until the deadline: no 30 s waits, no five retries
    expect(servers.find((s) => s.host === hosts.hang)!.requests - before).toBeLessThanOrEqual(2);
  });
});
