/**
 * How a Go CLI built on spf13/cobra v1.8 and spf13/pflag v1.0.5 reads its command line, for the
 * stand-ins of devpod v0.6.15 (cobra v1.8.1), kind v0.30.0 and k3d v5.8.3 (cobra v1.8.0): CONTRACT
 * tests only. Read from cobra v1.8.1 command.go (Find/innerfind, stripFlags, argsMinusFirstX, execute:
 * flags → --help → not runnable → help → ValidateArgs; findSuggestions/SuggestionsFor with distance 2
 * and prefix), args.go (legacyArgs, NoArgs, MinimumNArgs) and pflag v1.0.5 flag.go (parseArgs,
 * parseLongArg, parseSingleShortArg, FlagSet.Set's `invalid argument` text).
 *
 * A command: { name, aliases?, hidden?, runnable?, args?: 'none' | { min } | (args) => message?,
 *   flags?: table, persistent?: table, children?: command[], opaque? } (opaque: a command the stand-in
 *   does not model; its flags are not parsed, the stand-in answers that it does not model it)
 * A flag table: { name: { type: 'bool' | 'string' | 'int' | 'stringArray' | 'stringSlice', short?, def? } }
 * `parse(root, argv)` returns { path, cmd, values, given, args, help } or throws a CliError whose
 * message is the text cobra returns (what the CLI then prints its own way).
 */
'use strict';

class CliError extends Error {
  /** @param {string} message @param {'find' | 'flags' | 'args'} stage where cobra failed */
  constructor(message, stage) {
    super(message);
    this.stage = stage;
  }
}

/** Go's %q of a string (printable text: JSON's escaping agrees) and of a byte ('x'). */
const q = (s) => JSON.stringify(s);
const qc = (c) => `'${c}'`;

const BOOL = {
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

function convert(flag, raw, old) {
  switch (flag.type) {
    case 'bool':
      if (!(raw in BOOL)) throw new Error(`strconv.ParseBool: parsing ${q(raw)}: invalid syntax`);
      return BOOL[raw];
    case 'int':
      if (!/^[+-]?(0|[1-9][0-9]*)$/.test(raw)) throw new Error(`strconv.ParseInt: parsing ${q(raw)}: invalid syntax`);
      return Number(raw);
    case 'stringArray':
      return [...(old ?? []), raw];
    case 'stringSlice':
      return [...(old ?? []), ...(raw === '' ? [] : raw.split(','))];
    default:
      return raw;
  }
}

/** every flag the command sees: its own, its and its parents' persistent ones, and cobra's help */
function flagTable(chain) {
  const table = { help: { type: 'bool', short: 'h' } };
  for (const c of chain) Object.assign(table, c.persistent);
  return Object.assign(table, chain.at(-1).flags);
}

function parseFlags(args, table) {
  const byShort = Object.fromEntries(
    Object.entries(table)
      .filter(([, f]) => f.short)
      .map(([n, f]) => [f.short, n]),
  );
  const values = {};
  const given = new Set();
  const positional = [];
  const set = (name, raw) => {
    const flag = table[name];
    try {
      values[name] = convert(flag, raw, given.has(name) ? values[name] : undefined);
    } catch (e) {
      const shown = flag.short ? `-${flag.short}, --${name}` : `--${name}`;
      throw new CliError(`invalid argument ${q(raw)} for ${q(shown)} flag: ${e.message}`, 'flags');
    }
    given.add(name);
  };
  for (let i = 0; i < args.length; i++) {
    const s = args[i];
    if (s.length < 2 || s[0] !== '-') {
      positional.push(s);
      continue;
    }
    if (s === '--') {
      positional.push(...args.slice(i + 1));
      break;
    }
    if (s[1] === '-') {
      const body = s.slice(2);
      if (body[0] === '-' || body[0] === '=') throw new CliError(`bad flag syntax: ${s}`, 'flags');
      const eq = body.indexOf('=');
      const name = eq === -1 ? body : body.slice(0, eq);
      if (!table[name]) throw new CliError(`unknown flag: --${name}`, 'flags');
      if (eq !== -1) set(name, body.slice(eq + 1));
      else if (table[name].type === 'bool') set(name, 'true');
      else if (i + 1 < args.length) set(name, args[++i]);
      else throw new CliError(`flag needs an argument: ${s}`, 'flags');
      continue;
    }
    let shorts = s.slice(1);
    while (shorts.length > 0) {
      const c = shorts[0];
      const name = byShort[c];
      if (!name) throw new CliError(`unknown shorthand flag: ${qc(c)} in -${shorts}`, 'flags');
      if (shorts.length > 2 && shorts[1] === '=') {
        set(name, shorts.slice(2));
        shorts = '';
      } else if (table[name].type === 'bool') {
        set(name, 'true');
        shorts = shorts.slice(1);
      } else if (shorts.length > 1) {
        set(name, shorts.slice(1));
        shorts = '';
      } else if (i + 1 < args.length) {
        set(name, args[++i]);
        shorts = '';
      } else throw new CliError(`flag needs an argument: ${qc(c)} in -${shorts}`, 'flags');
    }
  }
  for (const [name, f] of Object.entries(table)) {
    if (given.has(name)) continue;
    if (f.def !== undefined) values[name] = f.def;
    else if (f.type === 'stringArray' || f.type === 'stringSlice') values[name] = [];
  }
  return { values, given, positional };
}

/** cobra's stripFlags: the words of a command line that are not flags or their values */
function stripFlags(args, table) {
  const takesValue = (name) => table[name] !== undefined && table[name].type !== 'bool';
  const shortTakesValue = (c) => !Object.values(table).some((f) => f.short === c && f.type === 'bool');
  const words = [];
  for (let i = 0; i < args.length; i++) {
    const s = args[i];
    if (s === '--') break;
    if (
      (s.startsWith('--') && !s.includes('=') && (takesValue(s.slice(2)) || !table[s.slice(2)])) ||
      (s.startsWith('-') && !s.startsWith('--') && !s.includes('=') && s.length === 2 && shortTakesValue(s[1]))
    ) {
      i++;
      continue;
    }
    if (s !== '' && !s.startsWith('-')) words.push(s);
  }
  return words;
}

const visible = (c) => !c.hidden && (c.runnable || (c.children ?? []).some(visible));

/** Levenshtein distance, case-insensitive (cobra's ld with ignoreCase) */
function ld(a, b) {
  a = a.toLowerCase();
  b = b.toLowerCase();
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length][b.length];
}

function suggestions(cmd, typed) {
  const names = (cmd.children ?? [])
    .filter(visible)
    .map((c) => c.name)
    .filter((n) => ld(typed, n) <= 2 || n.toLowerCase().startsWith(typed.toLowerCase()));
  return names.length ? `\n\nDid you mean this?\n${names.map((n) => `\t${n}\n`).join('')}` : '';
}

function parse(root, argv) {
  const chain = [root];
  let rest = [...argv];
  for (;;) {
    const cmd = chain.at(-1);
    const words = stripFlags(rest, flagTable(chain));
    const next = words.length ? (cmd.children ?? []).find((c) => c.name === words[0] || (c.aliases ?? []).includes(words[0])) : undefined;
    if (!next) break;
    rest.splice(rest.indexOf(words[0]), 1);
    chain.push(next);
  }
  const cmd = chain.at(-1);
  const path = chain.map((c) => c.name).join(' ');
  if (cmd.opaque) return { path, cmd, values: {}, given: new Set(), args: rest, help: false };
  // legacyArgs, in Find: only the root rejects an unknown word (a group shows its help instead)
  if (cmd.args === undefined && chain.length === 1 && (cmd.children ?? []).length > 0) {
    const words = stripFlags(rest, flagTable(chain));
    if (words.length) throw new CliError(`unknown command ${q(words[0])} for ${q(path)}${suggestions(cmd, words[0])}`, 'find');
  }
  try {
    const { values, given, positional } = parseFlags(rest, flagTable(chain));
    const out = { path, cmd, values, given, args: positional, help: false };
    if (values.help || !cmd.runnable) return { ...out, help: true };
    if (cmd.args === 'none' && positional.length) throw new CliError(`unknown command ${q(positional[0])} for ${q(path)}`, 'args');
    if (cmd.args && cmd.args.min !== undefined && positional.length < cmd.args.min)
      throw new CliError(`requires at least ${cmd.args.min} arg(s), only received ${positional.length}`, 'args');
    const message = typeof cmd.args === 'function' ? cmd.args(positional) : undefined;
    if (message) throw new CliError(message, 'args');
    return out;
  } catch (e) {
    // the command that failed (cobra prints its usage)
    if (e instanceof CliError) e.found = { path, cmd };
    throw e;
  }
}

/** cobra's help, short: what the stand-ins print on stdout for `--help` or a group without a subcommand */
function help(found) {
  const subs = (found.cmd.children ?? []).filter(visible);
  const lines = [`Usage:`, `  ${found.path}${subs.length ? ' [command]' : ' [flags]'}`, ''];
  if (subs.length) lines.push('Available Commands:', ...subs.map((c) => `  ${c.name}`), '');
  lines.push(`Use "${found.path} [command] --help" for more information about a command.`, '');
  return lines.join('\n');
}

module.exports = { CliError, parse, help };
