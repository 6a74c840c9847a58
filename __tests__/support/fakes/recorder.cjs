/**
 * The one recording stand-in for CLIs that cannot run here (flyctl, devpod, kind, k3d, …): CONTRACT
 * tests only. Each fake on PATH is a two-line script that requires this file with its tool name.
 * Every call is appended to $FAKE_STATE_DIR/calls.jsonl (tool, argv, cwd, stdin, the NAMES of the
 * environment variables it saw, and the names of KEY=value lines in any file named by an
 * `--*-env-file` argument, never values), then `./<tool>.cjs` answers it:
 *   module.exports = (call, state) => ({ code, stdout, stderr })
 * where `state` is the tool's JSON state ($FAKE_STATE_DIR/<tool>.state.json), saved after the call
 * (the handler mutates it: apps created, volumes, releases). Answers follow the real CLI's output
 * shapes; each handler names the upstream source it took them from.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');

module.exports = function record(tool, stateDir) {
  // the wrapper on PATH names its state dir: the action hands its children only the environment they need
  const dir = stateDir || process.env.FAKE_STATE_DIR;
  if (!dir) {
    process.stderr.write(`fake ${tool}: FAKE_STATE_DIR is not set\n`);
    process.exit(97);
  }
  // settings a test gave the stand-ins (fakes.setEnv), read here rather than inherited
  const settings = path.join(dir, 'fake-env.json');
  if (fs.existsSync(settings)) Object.assign(process.env, JSON.parse(fs.readFileSync(settings, 'utf8')));
  let stdin = '';
  try {
    stdin = fs.readFileSync(0, 'utf8');
  } catch {
    stdin = '';
  }
  const argv = process.argv.slice(2);
  const envFiles = {};
  argv.forEach((a, i) => {
    const m = /^--[a-z-]*env-file(?:=(.*))?$/.exec(a);
    const file = m ? (m[1] ?? argv[i + 1]) : undefined;
    if (!file) return;
    try {
      const st = fs.statSync(file);
      envFiles[file] = {
        mode: st.mode & 0o777,
        names: fs
          .readFileSync(file, 'utf8')
          .split('\n')
          .map((l) => /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(l)?.[1])
          .filter(Boolean),
      };
    } catch {
      envFiles[file] = { missing: true };
    }
  });
  const call = { tool, argv, cwd: process.cwd(), stdin, envNames: Object.keys(process.env).sort(), envFiles, env: {} };
  // a few non-secret variables the handlers need to see by value
  for (const k of ['KUBECONFIG', 'FLY_APP', 'FLY_CONFIG_DIR', 'HOME', 'DEVPOD_HOME', 'E2B_API_URL'])
    if (process.env[k]) call.env[k] = process.env[k];
  const statePath = path.join(dir, `${tool}.state.json`);
  const stateText = fs.existsSync(statePath) ? fs.readFileSync(statePath, 'utf8') : '{}';
  const state = JSON.parse(stateText);
  fs.appendFileSync(path.join(dir, 'calls.jsonl'), JSON.stringify({ ...call, at: Date.now() }) + '\n');
  let answer;
  try {
    answer = require(path.join(__dirname, `${tool}.cjs`))(call, state) || {};
  } catch (e) {
    answer = { code: 98, stderr: `fake ${tool}: handler failed: ${e && e.stack ? e.stack : e}\n` };
  }
  // written aside, then renamed: a call running at the same time (the action probes side by side) reads the whole old or new state;
  // and only when this call changed it, so a read-only call (list, status) never writes back what another call changed meanwhile
  const after = JSON.stringify(state, null, 2);
  if (after !== JSON.stringify(JSON.parse(stateText), null, 2)) {
    const aside = `${statePath}.${process.pid}`;
    fs.writeFileSync(aside, after);
    fs.renameSync(aside, statePath);
  }
  if (answer.stdout) process.stdout.write(answer.stdout);
  if (answer.stderr) process.stderr.write(answer.stderr);
  process.exitCode = answer.code ?? 0;
};
