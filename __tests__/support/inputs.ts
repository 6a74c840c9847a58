/** A complete, valid `Inputs` object with the action.yml defaults, for provider-level tests. */
import { DEFAULT_IMAGE } from '../../src/domain.js';
import type { Inputs } from '../../src/inputs.js';

export function testInputs(overrides: Partial<Inputs> = {}): Inputs {
  return {
    config: '',
    'working-directory': '.',
    mode: 'deploy',
    provider: 'docker',
    image: '',
    'image-digest': '',
    dockerfile: '',
    'build-context': '.',
    'build-args': {},
    force: false,
    'pin-digest': true,
    'default-image': DEFAULT_IMAGE,
    verify: 'false',
    'registry-username': '',
    'registry-password': '',
    'github-token': '',
    timeout: 120_000,
    'tool-versions': {},
    'tool-mirror': '',
    'name-suffix': '',
    rollback: true,
    'cosign-key': '',
    'certificate-identity': '',
    'certificate-oidc-issuer': '',
    'verify-tlog': true,
    'github-deployment': false,
    environment: '',
    'pr-comment': false,
    'fail-on-verify': false,
    summary: true,
    'health-url': '',
    'health-command': '',
    'health-timeout': 120_000,
    ...overrides,
  };
}
