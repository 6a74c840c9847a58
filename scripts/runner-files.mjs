/**
 * The GitHub runner's side of the action protocol, for running dist/index.js outside a runner
 * (scripts/local-run.mjs) and in action-level tests (__tests__/support/action.ts): the INPUT_*
 * names, the inputs and defaults of action.yml, and the file-command format of GITHUB_OUTPUT.
 * Node builtins only: local-run works on a fresh clone without `npm install`.
 */

/** The runner's env name for an input: upper-cased, spaces to `_`, hyphens kept (`INPUT_IMAGE-DIGEST`). */
export function inputEnvName(name) {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

/**
 * The `inputs:` block of action.yml, read with a small line reader (no YAML package on a fresh
 * clone). It understands what action.yml uses: two-space-indented input names, four-space
 * `description` / `required` / `default` keys with plain, 'single' or "double" quoted values, and
 * `|` / `>` block scalars.
 * @param {string} text
 * @returns {Array<{ name: string; description: string; required: boolean; default?: string }>}
 */
export function readActionInputs(text) {
  const lines = text.split(/\r?\n/);
  const inputs = [];
  let inBlock = false;
  let current;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/^\S/.test(line)) {
      inBlock = /^inputs:\s*(#.*)?$/.test(line);
      current = undefined;
      continue;
    }
    if (!inBlock || /^\s*(#.*)?$/.test(line)) continue;
    const name = /^ {2}([^\s:#][^:]*):\s*(#.*)?$/.exec(line);
    if (name) {
      current = { name: unquote(name[1].trim()), description: '', required: false };
      inputs.push(current);
      continue;
    }
    const field = /^ {4}([A-Za-z-]+):(?:\s+(.*))?$/.exec(line);
    if (!field || !current) continue;
    let value = (field[2] ?? '').trim();
    if (/^[|>][-+]?$/.test(value)) {
      const block = [];
      while (i + 1 < lines.length && (/^ {6}/.test(lines[i + 1]) || lines[i + 1].trim() === '')) block.push(lines[++i].slice(6));
      while (block.length > 0 && block[block.length - 1] === '') block.pop();
      value = value.startsWith('>') ? block.join(' ') : block.join('\n');
    } else value = unquote(stripComment(value));
    if (field[1] === 'description') current.description = value;
    else if (field[1] === 'required') current.required = value === 'true';
    else if (field[1] === 'default') current.default = value;
  }
  return inputs;
}

function stripComment(value) {
  if (/^['"]/.test(value)) return value;
  const hash = value.search(/\s#/);
  return hash === -1 ? value : value.slice(0, hash).trimEnd();
}

function unquote(value) {
  if (value.length >= 2 && value.startsWith("'") && value.endsWith("'")) return value.slice(1, -1).replace(/''/g, "'");
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
    return value.slice(1, -1).replace(/\\(["\\nt])/g, (_, c) => ({ n: '\n', t: '\t' })[c] ?? c);
  }
  return value;
}

/**
 * The `INPUT_*` env the runner gives the action: every input of action.yml with its default (a
 * default that is an expression such as `${{ github.token }}` is what `expressions` maps it to,
 * else left out), then the given inputs over them.
 * @param {ReturnType<typeof readActionInputs>} declared
 * @param {Record<string, string>} given
 * @param {Record<string, string>} [expressions]
 */
export function inputEnv(declared, given, expressions = {}) {
  const env = {};
  for (const input of declared) {
    if (input.default === undefined) continue;
    const value = input.default.includes('${{') ? expressions[input.default] : input.default;
    if (value !== undefined) env[inputEnvName(input.name)] = value;
  }
  for (const [name, value] of Object.entries(given)) env[inputEnvName(name)] = value;
  return env;
}

/**
 * A file command file (GITHUB_OUTPUT, GITHUB_STATE, GITHUB_ENV) → name/value pairs: the heredoc form
 * `name<<DELIM\nvalue\nDELIM` (value may span lines) and the one-line form `name=value`. A later
 * value for a name replaces an earlier one, as on the runner.
 * @param {string} text
 * @returns {Record<string, string>}
 */
export function parseFileCommands(text) {
  const out = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line === '') continue;
    const heredoc = /^([^=]+?)<<(.+)$/.exec(line);
    const eq = line.indexOf('=');
    if (heredoc && (eq === -1 || eq > line.indexOf('<<'))) {
      const [, name, delimiter] = heredoc;
      const end = lines.indexOf(delimiter, i + 1);
      if (end === -1) throw new Error(`file command "${name}": no closing delimiter ${delimiter}`);
      out[name] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (eq > 0) {
      out[line.slice(0, eq)] = line.slice(eq + 1);
    } else {
      throw new Error(`file command: cannot read line ${i + 1}: ${line}`);
    }
  }
  return out;
}
