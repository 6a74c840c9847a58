/**
 * `@actions/exec`, as the toolkit sees it (tsconfig `paths`, ADR 0049): `@actions/core` imports it
 * for `platform` (OS details, never asked for here), `@actions/tool-cache` to unpack archives. The
 * real module, with `@actions/io` and Node's `assert`, is evaluated on the first call (webpack's
 * synchronous `require`, as in http-client-lazy.ts). The action's own commands use src/external/exec.ts.
 */
type Real = typeof import('../../node_modules/@actions/exec/lib/exec.js');

let real: Real | undefined;
// eslint-disable-next-line @typescript-eslint/no-require-imports -- webpack's require: bundled, evaluated on first use
const load = (): Real => (real ??= require('../../node_modules/@actions/exec/lib/exec.js') as Real);

export const exec: Real['exec'] = (...args) => load().exec(...args);
export const getExecOutput: Real['getExecOutput'] = (...args) => load().getExecOutput(...args);
