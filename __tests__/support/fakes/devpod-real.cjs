/**
 * Not a stand-in: with SINDRI_TEST_DEVPOD=real (__tests__/support/devpod-backend.ts) the recording
 * `devpod` on PATH hands every call to the REAL devpod binary (SINDRI_TEST_DEVPOD_BIN) and answers
 * exactly what it answered, so tests still read the argv the action sent while the real CLI does the
 * work. Output reaches the action when the call ends (not streamed).
 */
'use strict';
const { spawnSync } = require('node:child_process');

module.exports = (call) => {
  const bin = process.env.SINDRI_TEST_DEVPOD_BIN;
  if (!bin) return { code: 97, stderr: 'devpod-real: SINDRI_TEST_DEVPOD_BIN is not set (see __tests__/support/devpod-backend.ts)\n' };
  const r = spawnSync(bin, call.argv, { cwd: call.cwd, input: call.stdin, env: process.env, maxBuffer: 256 * 1024 * 1024 });
  if (r.error) return { code: 97, stderr: `devpod-real: could not run ${bin}: ${r.error.message}\n` };
  return { code: r.status ?? 1, stdout: r.stdout, stderr: r.stderr };
};
