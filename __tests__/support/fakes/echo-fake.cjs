// A minimal handler used by the recorder's own test: answers `version` and echoes argv as JSON.
module.exports = (call, state) => {
  state.count = (state.count || 0) + 1;
  if (call.argv[0] === 'version') return { stdout: 'echo-fake 1.0.0\n' };
  if (call.argv[0] === 'fail') return { code: 3, stderr: 'Error: asked to fail\n' };
  return { stdout: JSON.stringify({ argv: call.argv, count: state.count }) + '\n' };
};
