/** `npm run bench`: every SPEC §8 figure with its baseline, measured in this one run. */
import { benchSemver } from './semver.js';
import { benchStartup } from './startup.js';

const only = process.argv.slice(2);
const want = (name: string) => only.length === 0 || only.includes(name);
const fmt = (n: number) => n.toFixed(1);

if (want('startup')) {
  const s = benchStartup();
  console.log(`startup: plan (literal digest, pin-digest false) ${fmt(s.planMs)} ms vs node -e 0 ${fmt(s.baselineMs)} ms → ${s.ratio.toFixed(2)}× (target ≤ ${s.target}×) ${s.ratio <= s.target ? 'MET' : 'MISSED'}`);
}
if (want('semver')) {
  const r = await benchSemver();
  console.log(
    `semver: ${r.tags} tags, page ${r.page}: ${r.requests} requests (server saw ${r.serverSaw}; expected ${r.expectedRequests}) ${r.requests === r.expectedRequests ? 'MET' : 'MISSED'}; chose ${r.chosen}; resolve wall ${r.resolveWallMs} ms`,
  );
  console.log(
    `semver: tag selection CPU cold ${fmt(r.cpu.coldOurs)} ms (node-semver maxSatisfying cold ${fmt(r.cpu.coldNodeSemver)} ms), warm ${fmt(r.cpu.warmOurs)} ms (node-semver ${fmt(r.cpu.warmNodeSemver)} ms); target ≤ ${r.cpu.targetMs} ms ${r.cpu.coldOurs <= r.cpu.targetMs ? 'MET' : 'MISSED'}`,
  );
}
if (want('docker')) {
  const { benchDocker } = await import('./docker.js');
  await benchDocker();
}
