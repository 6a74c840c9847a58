// Node ≥ 22.1 keeps V8's compiled code of the lazily loaded chunks between runs (ADR 0002): on a
// warm cache, the chunks a plan loads are not parsed again. NODE_DISABLE_COMPILE_CACHE=1 turns it off.
import module from 'node:module';
import { run } from './main.js';

(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
await run();
// a socket still open (a TLS handshake that never completed, keep-alive) must not keep the step past its deadline (ADR 0014)
process.exit();
