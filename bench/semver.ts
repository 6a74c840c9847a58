/**
 * docs/behaviour.md#performance-targets: semver resolution over 10,000 tags. Requests = challenge +
 * token + ⌈tags/page⌉ + 1 HEAD, counted by the client and by the loopback registry; CPU of the tag
 * selection, cold and warm, against node-semver's maxSatisfying over the same tags in the same run.
 */
import semver from 'semver';
import { FakeRegistry } from '../__tests__/support/fake-registry.js';
import { makeConfig } from '../__tests__/support/config.js';
import { credentialChain } from '../src/image/credentials.js';
import { RegistryClient } from '../src/image/registry.js';
import { resolveImage } from '../src/image/resolve.js';
import { selectTag } from '../src/image/tags.js';
import type { Inputs } from '../src/inputs.js';
import { testExec } from '../__tests__/support/exec.js';

function tags(n: number): string[] {
  const out = new Set<string>();
  let seed = 42;
  const rnd = (k: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % k);
  for (let i = 0; out.size < n; i++) {
    const v = `${rnd(5)}.${rnd(40)}.${rnd(60)}`;
    const kind = rnd(10);
    out.add(kind < 5 ? v : kind < 7 ? `v${v}` : kind < 8 ? `${v}-rc.${rnd(5)}` : kind < 9 ? `${v}-fedora` : `sha-${i.toString(16)}`);
  }
  return [...out];
}

function cpuMs(fn: () => void): number {
  const c = process.cpuUsage();
  fn();
  const d = process.cpuUsage(c);
  return (d.user + d.system) / 1000;
}

export async function benchSemver(n = 10_000, page = 1000) {
  const list = tags(n);
  const query = {
    constraint: '^3.0.0',
    strategy: 'semver' as const,
    allowPrerelease: false,
    distro: 'ubuntu' as const,
    repository: 'bench',
  };
  const coldOurs = cpuMs(() => selectTag(list, query));
  const coldBase = cpuMs(() =>
    semver.maxSatisfying(
      list.filter((t) => semver.valid(t.replace(/^v/, ''))).map((t) => t.replace(/^v/, '')),
      '^3.0.0',
    ),
  );
  const warm = (fn: () => void) => {
    const xs = Array.from({ length: 15 }, () => cpuMs(fn)).sort((a, b) => a - b);
    return xs[7]!;
  };
  const warmOurs = warm(() => selectTag(list, query));
  const warmBase = warm(() =>
    semver.maxSatisfying(
      list.map((t) => t.replace(/^v/, '')).filter((t) => semver.valid(t)),
      '^3.0.0',
    ),
  );

  const fake = await new FakeRegistry({ auth: 'bearer' }).start();
  try {
    fake.tags.set('team/app', list);
    const expected = selectTag(list, query).tag;
    fake.addManifest('team/app', expected, {
      body: Buffer.from('{"schemaVersion":2}'),
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
    });
    const inputs = { image: '', 'image-digest': '', dockerfile: '', 'default-image': 'x', 'pin-digest': true } as unknown as Inputs;
    const client = new RegistryClient({
      credentials: credentialChain({ inputs, dockerConfigFile: null }),
      pageSize: page,
      deadline: testExec.deadline,
    });
    const t = Date.now();
    const d = await resolveImage({
      inputs,
      config: makeConfig({ deployment: { image_config: { registry: `${fake.host}/team/app`, version: '^3.0.0' } } }),
      provider: 'docker',
      workdir: '/nonexistent',
      exec: testExec,
      registry: async () => client,
    });
    return {
      tags: n,
      page,
      chosen: d.parsed.tag,
      requests: client.requests,
      serverSaw: fake.count,
      expectedRequests: 2 + Math.ceil(n / page) + 1,
      resolveWallMs: Date.now() - t,
      cpu: { coldOurs, coldNodeSemver: coldBase, warmOurs, warmNodeSemver: warmBase, targetMs: 50 },
    };
  } finally {
    await fake.close();
  }
}
