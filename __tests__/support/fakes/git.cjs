// A git that hangs (FAKE_GIT_HANG_MS, default 60 s) before saying it is not in a repository: a
// stand-in for a git stuck on a network filesystem or a credential prompt, to show that every
// command the action runs is stopped at the run's deadline (issue 14). Output shape from git itself.
module.exports = () => {
  const ms = Number(process.env.FAKE_GIT_HANG_MS || 60000);
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
  return { code: 128, stderr: 'fatal: not a git repository (or any of the parent directories): .git\n' };
};
