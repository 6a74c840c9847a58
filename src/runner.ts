/**
 * The GitHub runner protocol: inputs from INPUT_* env, outputs/state/summary through the runner's
 * files, log commands (mask, group, annotations) on stdout. Same wire format as @actions/core,
 * without loading its OIDC client and undici on every start (ADR 0002 has the measurement).
 * Every line written here goes through `redact`, so a secret registered with `setSecret` never
 * reaches a log, an output or the summary, even outside a runner that masks it for us.
 */
import { appendFileSync } from 'node:fs';
import { EOL } from 'node:os';

const secrets = new Set<string>();
const outputs = new Map<string, string>();

export interface AnnotationProps {
  title?: string;
  file?: string;
  startLine?: number;
  startColumn?: number;
}

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function command(name: string, props: Record<string, string | number | undefined>, message: string): void {
  const p = Object.entries(props)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(',');
  process.stdout.write(`::${name}${p ? ` ${p}` : ''}::${escapeData(message)}${EOL}`);
}

/** Register a secret: masked by the runner from now on, and replaced by *** in everything we write. */
export function setSecret(value: string | undefined): void {
  if (!value) return;
  for (const part of [value, ...value.split(/\r?\n/)]) {
    const v = part.trim();
    if (v.length < 3 || secrets.has(v)) continue; // masking 1–2 characters would shred every log line
    secrets.add(v);
    command('add-mask', {}, v);
  }
}

export function redact(text: string): string {
  let out = text;
  // longest first, so a secret containing another is replaced whole
  for (const s of [...secrets].sort((a, b) => b.length - a.length)) out = out.split(s).join('***');
  return out;
}

export function getInput(name: string): string {
  return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

export function isDebug(): boolean {
  return process.env.RUNNER_DEBUG === '1' || process.env.ACTIONS_STEP_DEBUG === 'true';
}

export function info(message: string): void {
  process.stdout.write(redact(message) + EOL);
}
export function debug(message: string): void {
  if (isDebug()) command('debug', {}, redact(message));
}
export function warning(message: string, props: AnnotationProps = {}): void {
  command('warning', annotation(props), redact(message));
}
export function notice(message: string, props: AnnotationProps = {}): void {
  command('notice', annotation(props), redact(message));
}
export function error(message: string, props: AnnotationProps = {}): void {
  command('error', annotation(props), redact(message));
}
function annotation(p: AnnotationProps): Record<string, string | number | undefined> {
  return { title: p.title, file: p.file, line: p.startLine, col: p.startColumn };
}

/** Fail the step: one error annotation, exit code 1. */
export function setFailed(message: string, props: AnnotationProps = {}): void {
  process.exitCode = 1;
  error(message, props);
}

export async function group<T>(name: string, fn: () => Promise<T>): Promise<T> {
  process.stdout.write(`::group::${escapeData(redact(name))}${EOL}`);
  try {
    return await fn();
  } finally {
    process.stdout.write(`::endgroup::${EOL}`);
  }
}

/**
 * A heredoc delimiter the value does not contain, so a value can never end the block and inject
 * another output. Safety comes from that check, not from the randomness: node:crypto is not loaded
 * for it (10 ms at start on Node 24, ADR 0002).
 */
export function heredocDelimiter(value: string): string {
  for (;;) {
    const d = `ghadelimiter_${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
    if (!value.includes(d)) return d;
  }
}

function fileCommand(envName: string, key: string, value: string): boolean {
  const file = process.env[envName];
  if (!file) return false;
  const delimiter = heredocDelimiter(value);
  appendFileSync(file, `${key}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, 'utf8');
  return true;
}

/** Set a step output now (SPEC §3: each output as soon as it is known). */
export function setOutput(name: string, value: string): void {
  const v = redact(value);
  outputs.set(name, v);
  if (!fileCommand('GITHUB_OUTPUT', name, v)) debug(`output ${name}=${v}`);
}

export function getOutputs(): ReadonlyMap<string, string> {
  return outputs;
}

export function saveState(name: string, value: string): void {
  fileCommand('GITHUB_STATE', name, redact(value));
}

/** Append markdown to the job summary; returns false when there is no summary file (local runs). */
export function appendSummary(markdown: string): boolean {
  const file = process.env.GITHUB_STEP_SUMMARY;
  if (!file) return false;
  appendFileSync(file, redact(markdown) + EOL, 'utf8');
  return true;
}

/** For tests: forget registered secrets and outputs. */
export function resetRunnerState(): void {
  secrets.clear();
  outputs.clear();
}
