// Node ≥ 22.1 keeps V8's compiled code of the lazily loaded chunks between runs (ADR 0018): on a
// warm cache, the chunks a plan loads are not parsed again. NODE_DISABLE_COMPILE_CACHE=1 turns it off.
// One entry for both steps of action.yml: `main`, and `post` (runs.post), told apart by the state
// main saves first (src/state.ts). The post step's code is its own chunk: main never loads it.
import module from 'node:module';
import { run } from './main.js';
import { loadProxySupport } from './vendor/undici-lazy.js';
import { summaryWritten } from './runner.js';
import { isPost, markMain } from './state.js';

(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
await loadProxySupport(); // undici, only behind a proxy (src/vendor/undici-lazy.ts)
if (isPost()) {
  const { runPost } = await import('./post.js');
  await runPost();
} else {
  markMain();
  await run();
  await summaryWritten();
}
// a socket still open (a TLS handshake that never completed, keep-alive) must not keep the step past its deadline (ADR 0014)
process.exit();
