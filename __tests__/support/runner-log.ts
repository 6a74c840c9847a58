/**
 * The step log read the way GitHub's runner reads it (actions/runner ActionCommandManager): each line
 * (ended by `\n`, `\r\n` or a lone `\r`) is a workflow command when, after its leading white space is
 * trimmed, it starts with `::name …::data` (v2), or when it holds `##[name …]data` anywhere (v1);
 * `::stop-commands::TOKEN` turns command processing off until a line `::TOKEN::`. Tests use this to
 * prove that text which is not ours never acts as a command.
 */
export interface RunnerCommand {
  name: string;
  /** the raw properties text (`file=a,line=1`) */
  props: string;
  /** the data, unescaped as the runner unescapes it */
  data: string;
  line: string;
}

const unescape = (s: string): string => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');

export function runnerCommands(stdout: string): RunnerCommand[] {
  const out: RunnerCommand[] = [];
  let stopToken: string | undefined;
  for (const line of stdout.split(/\r\n|\r|\n/)) {
    const trimmed = line.trimStart();
    if (stopToken !== undefined) {
      if (trimmed === `::${stopToken}::`) stopToken = undefined;
      continue;
    }
    const v2 = /^::([A-Za-z0-9_-]+)(?: ([^:]*))?::(.*)$/s.exec(trimmed);
    if (v2) {
      const cmd = { name: v2[1]!, props: v2[2] ?? '', data: unescape(v2[3]!), line };
      if (cmd.name === 'stop-commands') stopToken = cmd.data;
      else out.push(cmd);
      continue;
    }
    const v1 = /##\[([A-Za-z0-9_-]+)(?: ([^\]]*))?\](.*)$/s.exec(line);
    if (v1) out.push({ name: v1[1]!, props: v1[2] ?? '', data: unescape(v1[3]!), line });
  }
  return out;
}
