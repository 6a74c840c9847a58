/**
 * Text as the action shows it: argv quoted the same way in the log and the summary, and user or
 * tool text kept on one line (control characters escaped) wherever one line is promised.
 */

/** argv as a POSIX shell would read it back: plain words bare, anything else in single quotes. */
export function quoteArgv(argv: readonly string[]): string {
  return argv.map((a) => (/^[A-Za-z0-9_@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
}

/**
 * The first control character of a one-line value, as `U+000A`, or undefined. Tabs pass: they cannot
 * end a line. Every value that reaches a command line, a generated file or the log is checked with it.
 */
export function controlCharacter(value: string): string | undefined {
  const bad = /[\u0000-\u0008\u000a-\u001f\u007f]/.exec(value);
  return bad ? `U+${bad[0].charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}` : undefined;
}

/** A value the user wrote may hold new lines or other control characters: shown escaped, the line stays one line. */
export function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]/g, (c) =>
    c === '\n' ? '\\n' : c === '\t' ? '\\t' : c === '\r' ? '\\r' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
