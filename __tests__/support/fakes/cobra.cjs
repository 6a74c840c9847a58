/**
 * How a Go CLI built on spf13/cobra v1.10.2 and spf13/pflag v1.0.10 reads its command line, for the
 * CONTRACT stand-ins of such tools (flyctl; devpod is built the same way). It answers a call the way
 * the real parser would, before the tool's own code runs, so a stand-in cannot accept what the real
 * tool rejects:
 * - the command is found as cobra's `Find` does (`stripFlags`, `findNext` by name or alias,
 *   `argsMinusFirstX`); extra words at the root are `unknown command "x" for "<root>"` (`legacyArgs`);
 * - flags are parsed as pflag's `parseArgs` does (interspersed; `--` ends flags; `--f=v`, `--f v`,
 *   `-f v`, `-fv`, `-f=v`, grouped bool shorthands; a bool takes no next word; a flag with a
 *   no-option default such as a bool never does): unknown flag, missing value, invalid value and bad
 *   syntax are pflag's own messages (errors.go);
 * - `--help`/`-h` prints help and exits 0; a command group without a runner prints its help and
 *   exits 0 (cobra returns `flag.ErrHelp`); then the positional-argument rule (args.go) is checked.
 * A parse or argument error is printed the way a tool that silences cobra's own printing does it
 * (flyctl's internal/cli): `Error: <message>` on stderr, the command's usage on stdout, exit 1.
 *
 * A command: { use, aliases?, args?: ['none'] | ['exact', n] | ['max', n] | ['min', n] | ['range', lo, hi]
 *   | ['any'] (unset: cobra's legacyArgs), flags?: Flag[], commands?: Command[], run?: boolean }
 * A flag: { name, short?, type: 'bool' | 'string' | 'int' | 'float' | 'stringArray' | 'stringSlice',
 *   default?, noOpt?: string (a bool's is "true"), aliases?: string[] (hidden flags sharing the value) }
 * Usage text follows cobra's template with the flag descriptions left out.
 * A tool that prints its errors another way uses `read` (devpod, kind, k3d: it throws a ParseError with
 * the stage cobra failed at) or the parts (cosign): `flagSet`, `parseFlags` (throws ParseError),
 * `checkArgs`, `unknownCommand`, `usage`; a flag may also be a `duration` (time.ParseDuration).
 */
'use strict';

const nameOf = (cmd) => cmd.use.split(' ')[0];
const noOptOf = (flag) => flag.noOpt ?? (flag.type === 'bool' ? 'true' : undefined);

/** The flags a command accepts: its own, the tool's global ones, and cobra's `--help`. */
function flagSet(cmd, global) {
  const help = { name: 'help', short: 'h', type: 'bool' };
  const long = new Map();
  const short = new Map();
  for (const f of [...(cmd.flags ?? []), ...global, help]) {
    for (const n of [f.name, ...(f.aliases ?? [])]) long.set(n, f);
    if (f.short && !short.has(f.short)) short.set(f.short, f);
  }
  return { long, short };
}

/** cobra's stripFlags: the words that are not flags or (as far as cobra can tell) their values. */
function stripFlags(args, set) {
  const words = [];
  for (let i = 0; i < args.length; i++) {
    const s = args[i];
    if (s === '--') break;
    const takesNext =
      (s.startsWith('--') && !s.includes('=') && noOptOf(set.long.get(s.slice(2)) ?? {}) === undefined) ||
      (s.startsWith('-') && !s.startsWith('--') && !s.includes('=') && s.length === 2 && noOptOf(set.short.get(s[1]) ?? {}) === undefined);
    if (takesNext) i++;
    else if (s !== '' && !s.startsWith('-')) words.push(s);
  }
  return words;
}

/** cobra's argsMinusFirstX: `args` without the first plain word `x`. */
function minusFirst(args, x, set) {
  for (let i = 0; i < args.length; i++) {
    const s = args[i];
    if (s === '--') break;
    if (s.startsWith('--') && !s.includes('=') && noOptOf(set.long.get(s.slice(2)) ?? {}) === undefined) i++;
    else if (
      s.startsWith('-') &&
      !s.startsWith('--') &&
      !s.includes('=') &&
      s.length === 2 &&
      noOptOf(set.short.get(s[1]) ?? {}) === undefined
    )
      i++;
    else if (!s.startsWith('-') && s === x) return [...args.slice(0, i), ...args.slice(i + 1)];
  }
  return args;
}

const BOOLS = {
  1: true,
  t: true,
  T: true,
  TRUE: true,
  true: true,
  True: true,
  0: false,
  f: false,
  F: false,
  FALSE: false,
  false: false,
  False: false,
};

/** pflag's Value.Set for each type; throws the strconv error text. */
function convert(flag, value, previous) {
  switch (flag.type) {
    case 'bool':
      if (!(value in BOOLS)) throw new Error(`strconv.ParseBool: parsing ${JSON.stringify(value)}: invalid syntax`);
      return BOOLS[value];
    case 'int':
      if (!/^[+-]?(0[xX][0-9a-fA-F_]+|0[oO]?[0-7_]*|0[bB][01_]+|[1-9][0-9_]*)$/.test(value))
        throw new Error(`strconv.ParseInt: parsing ${JSON.stringify(value)}: invalid syntax`);
      return Number(value.replace(/_/g, ''));
    case 'float':
      if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(value))
        throw new Error(`strconv.ParseFloat: parsing ${JSON.stringify(value)}: invalid syntax`);
      return Number(value);
    case 'duration':
      // time.ParseDuration
      if (value === '0' || /^[+-]?((\d+(\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h))+$/.test(value)) return value;
      if (/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(value)) throw new Error(`time: missing unit in duration ${JSON.stringify(value)}`);
      throw new Error(`time: invalid duration ${JSON.stringify(value)}`);
    case 'stringArray':
      return [...(previous ?? []), value];
    case 'stringSlice':
      return [...(previous ?? []), ...(value === '' ? [] : value.split(','))];
    default:
      return value;
  }
}

class ParseError extends Error {}

/** pflag's parseArgs over one command's flag set: `{ values, specified, args, help }`. */
function parseFlags(argv, set) {
  const values = {};
  const specified = new Set();
  const args = [];
  const setValue = (flag, value) => {
    try {
      values[flag.name] = convert(flag, value, values[flag.name]);
    } catch (e) {
      const shown = flag.short ? `-${flag.short}, --${flag.name}` : `--${flag.name}`;
      throw new ParseError(`invalid argument ${JSON.stringify(value)} for ${JSON.stringify(shown)} flag: ${e.message}`);
    }
    specified.add(flag.name);
  };
  const rest = [...argv];
  while (rest.length > 0) {
    const s = rest.shift();
    if (s.length < 2 || s[0] !== '-') {
      args.push(s);
      continue;
    }
    if (s === '--') {
      args.push(...rest);
      break;
    }
    if (s[1] === '-') {
      const body = s.slice(2);
      if (body === '' || body[0] === '-' || body[0] === '=') throw new ParseError(`bad flag syntax: ${s}`);
      const eq = body.indexOf('=');
      const name = eq === -1 ? body : body.slice(0, eq);
      const flag = set.long.get(name);
      if (!flag) throw new ParseError(`unknown flag: --${name}`);
      if (eq !== -1) setValue(flag, body.slice(eq + 1));
      else if (noOptOf(flag) !== undefined) setValue(flag, noOptOf(flag));
      else if (rest.length > 0) setValue(flag, rest.shift());
      else throw new ParseError(`flag needs an argument: --${name}`);
      continue;
    }
    let shorts = s.slice(1);
    while (shorts.length > 0) {
      const c = shorts[0];
      const flag = set.short.get(c);
      if (!flag) throw new ParseError(`unknown shorthand flag: '${c}' in -${shorts}`);
      if (shorts.length > 2 && shorts[1] === '=') {
        setValue(flag, shorts.slice(2));
        shorts = '';
      } else if (noOptOf(flag) !== undefined) {
        setValue(flag, noOptOf(flag));
        shorts = shorts.slice(1);
      } else if (shorts.length > 1) {
        setValue(flag, shorts.slice(1));
        shorts = '';
      } else if (rest.length > 0) {
        setValue(flag, rest.shift());
        shorts = '';
      } else throw new ParseError(`flag needs an argument: '${c}' in -${shorts}`);
    }
  }
  return { values, specified, args };
}

/** cobra's positional-argument rules (args.go); '' when the count is fine. */
function checkArgs(cmd, path, args) {
  const [rule, a, b] = cmd.args ?? ['legacy'];
  const n = args.length;
  if (rule === 'none' && n > 0) return `unknown command ${JSON.stringify(args[0])} for ${JSON.stringify(path)}`;
  if (rule === 'exact' && n !== a) return `accepts ${a} arg(s), received ${n}`;
  if (rule === 'max' && n > a) return `accepts at most ${a} arg(s), received ${n}`;
  if (rule === 'min' && n < a) return `requires at least ${a} arg(s), only received ${n}`;
  if (rule === 'range' && (n < a || n > b)) return `accepts between ${a} and ${b} arg(s), received ${n}`;
  return '';
}

function flagLines(flags) {
  const rows = flags
    .filter((f) => !f.hidden)
    .sort((x, y) => (x.name < y.name ? -1 : 1))
    .map((f) => {
      const type =
        f.type === 'bool'
          ? ''
          : ` ${f.type === 'stringArray' || f.type === 'stringSlice' ? 'strings' : f.type === 'float' ? 'float' : f.type}`;
      return `${f.short ? `  -${f.short}, ` : '      '}--${f.name}${type}`;
    });
  return rows.join('\n');
}

/** cobra's usage template (flyctl's internal/cli usageTemplate), descriptions left out. */
function usage(cmd, path, global) {
  const own = [...(cmd.flags ?? []), { name: 'help', short: 'h', type: 'bool' }];
  let text = 'Usage:';
  if (cmd.run)
    text += `\n  ${[path.split(' ').slice(0, -1).join(' '), cmd.use].filter(Boolean).join(' ')}${cmd.use.includes('[flags]') ? '' : ' [flags]'}`;
  if (cmd.commands?.length) text += `\n  ${path} [command]`;
  if (cmd.aliases?.length) text += `\n\nAliases:\n  ${[nameOf(cmd), ...cmd.aliases].join(', ')}`;
  if (cmd.commands?.length) text += `\n\nAvailable Commands:\n${cmd.commands.map((c) => `  ${nameOf(c)}`).join('\n')}`;
  text += `\n\nFlags:\n${flagLines(own)}`;
  if (global.length && path.includes(' ')) text += `\n\nGlobal Flags:\n${flagLines(global)}`;
  if (cmd.commands?.length) text += `\n\nUse "${path} [command] --help" for more information about a command.`;
  return `${text}\n`;
}

/**
 * cobra's reading of a command line, for any tool: the command (Find: `stripFlags`, `findNext` by name
 * or alias, `argsMinusFirstX`), its flags (pflag), then help or the argument rule.
 * → `{ names, path, cmd, flags, specified, args, help }`: `names` the canonical name path below the
 *   root (`['apps', 'create']`), `path` the whole command as text, `flags` every flag of the command by
 *   its name (its default when not given), `help` when cobra would print help and exit 0;
 * or throws a ParseError carrying `stage` ('root': a word the root cannot place, in `word`; 'flags';
 *   'args') and the failing `cmd` and `path`, for the tool to print its own way.
 * A command marked `opaque` (one a stand-in does not model) comes back as soon as it is found, its
 * flags unread.
 */
function read(root, argv, global = []) {
  let cmd = root;
  const names = [];
  let rest = [...argv];
  for (;;) {
    const set = flagSet(cmd, global);
    const next = stripFlags(rest, set)[0];
    const child = next === undefined ? undefined : (cmd.commands ?? []).find((c) => nameOf(c) === next || (c.aliases ?? []).includes(next));
    if (!child) break;
    rest = minusFirst(rest, next, set);
    names.push(nameOf(child));
    cmd = child;
  }
  const rootName = nameOf(root);
  const path = [rootName, ...names].join(' ');
  const fail = (message, stage, extra = {}) => Object.assign(new ParseError(message), { stage, cmd, path, ...extra });
  if (cmd.opaque) return { names, path, cmd, flags: {}, specified: new Set(), args: rest, help: false };
  const set = flagSet(cmd, global);
  if (cmd === root && !cmd.args && cmd.commands?.length) {
    const extra = stripFlags(rest, set)[0];
    if (extra !== undefined)
      throw fail(`unknown command ${JSON.stringify(extra)} for ${JSON.stringify(rootName)}`, 'root', { word: extra });
  }
  let parsed;
  try {
    parsed = parseFlags(rest, set);
  } catch (e) {
    if (e instanceof ParseError) throw fail(e.message, 'flags');
    throw e;
  }
  const help = Boolean(parsed.values.help) || !cmd.run;
  const wrong = help ? '' : checkArgs(cmd, path, parsed.args);
  if (wrong) throw fail(wrong, 'args');
  const flags = {};
  for (const f of [...(cmd.flags ?? []), ...global])
    flags[f.name] =
      f.name in parsed.values
        ? parsed.values[f.name]
        : (f.default ??
          (f.type === 'bool'
            ? false
            : f.type.endsWith('Array') || f.type.endsWith('Slice')
              ? []
              : f.type === 'int' || f.type === 'float'
                ? 0
                : ''));
  return { names, path, cmd, flags, specified: parsed.specified, args: parsed.args, help };
}

/**
 * `read` for a tool that silences cobra's printing the way flyctl does (internal/cli).
 * → `{ answer }` when the parser itself answers (an error, help), else `{ path, cmd, flags, specified, args }`
 *   where `path` is the command's canonical name path (`['apps', 'create']`).
 */
function parse(root, argv, global = []) {
  let r;
  try {
    r = read(root, argv, global);
  } catch (e) {
    if (!(e instanceof ParseError)) throw e;
    const stdout = e.stage === 'root' ? `Run '${nameOf(root)} --help' for usage.\n\n` : `${usage(e.cmd, e.path, global)}\n`;
    return { answer: { code: 1, stderr: `Error: ${e.message}\n`, stdout } };
  }
  if (r.help) return { answer: { code: 0, stdout: usage(r.cmd, r.path, global) } };
  return { path: r.names, cmd: r.cmd, flags: r.flags, specified: r.specified, args: r.args };
}

/** Levenshtein distance, case-insensitive (cobra's ld(s, t, true)). */
function distance(a, b) {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const row = [i];
    for (let j = 1; j <= t.length; j++) row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (s[i - 1] === t[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[t.length];
}

/**
 * cobra's `unknown command` error with its suggestions (findSuggestions, SuggestionsFor with
 * SuggestionsMinimumDistance 2: a command within two edits of the word, or starting with it), for a
 * tool that leaves suggestions on; `commands` are the root's available ones (not `help`).
 */
function unknownCommand(typed, root, commands) {
  const near = commands.filter((c) => distance(typed, c) <= 2 || c.toLowerCase().startsWith(typed.toLowerCase()));
  const hint = near.length ? `\n\nDid you mean this?\n${near.map((c) => `\t${c}\n`).join('')}` : '';
  return `unknown command ${JSON.stringify(typed)} for ${JSON.stringify(root)}${hint}`;
}

module.exports = { parse, read, usage, parseFlags, flagSet, checkArgs, unknownCommand, ParseError };
