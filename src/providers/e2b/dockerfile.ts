/**
 * The `e2b.Dockerfile` of provider e2b (issue 9), built as text from structured data. Pure.
 *
 * A prebuilt image (rules 1–7, 9) becomes `FROM <repo@sha256:…>` plus the E2B lines; a Dockerfile
 * (rule 8) keeps its own instructions and gets the same lines appended. The E2B lines are upstream's
 * (docs/upstream.md#e2b-provider) minus what it got wrong: no secret ever becomes `ENV` or `ARG` (E2B
 * turns both into environment of the template, readable by anyone who starts it), no `NPM_TOKEN`.
 *
 * Every value is validated against what the E2B CLI's Dockerfile parser (dockerfile-ast) and Docker
 * both read the same way: values that would need quoting are refused with a one-line error instead
 * of being escaped into something one of the two parsers reads differently.
 */
import { join } from 'node:path';
import { ActionError } from '../../errors.js';
import { GENERATED_HEADER, type GeneratedFile } from '../kit/files.js';

export const E2B_DIR = '.e2b';
export const E2B_DOCKERFILE_NAME = 'e2b.Dockerfile';
export const E2B_DOCKERFILE = `${E2B_DIR}/${E2B_DOCKERFILE_NAME}`;
/** .e2b/e2b.Dockerfile as kit/files.ts writes and removes it: only one with our first line is replaced or removed. */
export function e2bDockerfileFile(workdir: string): GeneratedFile {
  return { path: join(workdir, E2B_DOCKERFILE), file: E2B_DOCKERFILE, root: workdir, isOurs: (text) => text.startsWith(GENERATED_HEADER) };
}
/** upstream's user and workspace of the Sindri image */
export const E2B_USER = 'developer';
export const E2B_WORKDIR = '/alt/home/developer/workspace';

export type E2bBase =
  | { kind: 'image'; ref: string }
  /** `path` relative to working-directory, for messages; `content` as read */
  | { kind: 'dockerfile'; path: string; content: string };

export interface E2bDockerfileSpec {
  base: E2bBase;
  /** non-secret settings of the Sindri image (name → value), written as `ENV` in this order */
  env: ReadonlyArray<readonly [string, string]>;
  /** names of the config's secrets: none may be declared by `ENV`/`ARG` in the result */
  secretNames: readonly string[];
  /**
   * force: an `ENV SINDRI_FORCE_BUILD=<token>` right after FROM, so every later step misses E2B's
   * layer cache (the CLI's `--no-cache` does not reach the API in @e2b/cli 2.19, ADR 0010)
   */
  cacheBust?: string;
}

export const CACHE_BUST_ENV = 'SINDRI_FORCE_BUILD';

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** what both parsers read unquoted and identically: no space, quote, `$`, backslash, `#` */
const PLAIN_VALUE = /^[A-Za-z0-9_.,:/@+=-]*$/;
/** `registry[:port]/path[:tag][@sha256:<64 hex>]` (host in any case), nothing a Dockerfile line could misread */
const IMAGE_REF =
  /^[A-Za-z0-9]+(?:[._-][A-Za-z0-9]+)*(?::[0-9]+)?(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)+(?::[\w][\w.-]{0,127})?(?:@sha256:[0-9a-f]{64})?$/;

export interface DockerfileInstruction {
  keyword: string;
  /** the arguments as written, continuation lines joined */
  args: string;
  /** 1-based first and last line of the instruction */
  line: number;
  endLine: number;
}

/** The instructions of a Dockerfile: comments and blank lines skipped, `\` continuations joined. */
export function dockerfileInstructions(content: string): DockerfileInstruction[] {
  const out: DockerfileInstruction[] = [];
  const lines = content.replace(/\r\n?/g, '\n').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const first = lines[i]!;
    if (/^\s*(#|$)/.test(first)) continue;
    const line = i + 1;
    let text = first;
    // a trailing `\` continues the instruction; comment lines inside it are skipped, not ended on
    let open = /\\\s*$/.test(text);
    while (open && i + 1 < lines.length) {
      const next = lines[++i]!;
      if (/^\s*#/.test(next)) continue;
      text = text.replace(/\\\s*$/, ' ') + next;
      open = /\\\s*$/.test(next);
    }
    const m = /^\s*([A-Za-z]+)\s*(.*)$/.exec(text);
    if (m) out.push({ keyword: m[1]!.toUpperCase(), args: m[2]!.trim(), line, endLine: i + 1 });
  }
  return out;
}

/** Names an `ENV`/`ARG` instruction declares (`ENV A=1 B=2`, `ENV A 1`, `ARG A`, `ARG A=x`). */
export function declaredNames(ins: DockerfileInstruction): string[] {
  if (ins.keyword !== 'ENV' && ins.keyword !== 'ARG') return [];
  if (ins.keyword === 'ENV' && !/^[^\s=]+=/.test(ins.args)) return [ins.args.split(/\s+/)[0]!];
  return ins.args
    .split(/\s+/)
    .map((a) => a.split('=')[0]!)
    .filter((n) => ENV_NAME.test(n));
}

export function checkImageRef(ref: string): string {
  if (!IMAGE_REF.test(ref))
    throw new ActionError(`image reference "${ref}" cannot be written into e2b.Dockerfile`, {
      fix: 'pass a full reference such as ghcr.io/owner/image@sha256:… (registry, repository, tag or digest)',
    });
  return ref;
}

/** The e2b.Dockerfile text. Throws one ActionError for anything that cannot be written safely. */
export function renderE2bDockerfile(spec: E2bDockerfileSpec): string {
  const secrets = new Set(spec.secretNames);
  const lines: string[] = [`${GENERATED_HEADER} for provider e2b: edit sindri.yaml, not this file`];
  if (spec.cacheBust !== undefined && !/^[A-Za-z0-9_.-]+$/.test(spec.cacheBust))
    throw new ActionError(`cache-bust token "${spec.cacheBust}" is not plain`, {
      fix: 'report this at https://github.com/sindri/deploy-action/issues',
    });
  const bust = spec.cacheBust === undefined ? [] : [`ENV ${CACHE_BUST_ENV}=${spec.cacheBust}`];
  if (spec.base.kind === 'image') {
    lines.push(`FROM ${checkImageRef(spec.base.ref)}`, ...bust);
  } else {
    const { path, content } = spec.base;
    const instructions = dockerfileInstructions(content);
    const froms = instructions.filter((i) => i.keyword === 'FROM');
    if (froms.length !== 1) {
      const at = froms[1] ?? instructions[0];
      throw new ActionError(
        froms.length === 0 ? `${path} has no FROM instruction` : `${path} is a multi-stage Dockerfile, which E2B templates cannot build`,
        {
          where: { file: path, line: at?.line },
          fix: 'build the image in CI (docker/build-push-action) and pass image-digest, or reduce the Dockerfile to one stage',
        },
      );
    }
    for (const ins of instructions) {
      const baked = declaredNames(ins).filter((n) => secrets.has(n));
      if (baked.length > 0)
        throw new ActionError(`${path} declares ${ins.keyword} ${baked[0]}, a secret of sindri.yaml: E2B would bake it into the template`, {
          where: { file: path, line: ins.line },
          fix: `remove that ${ins.keyword} line: the action hands secrets to the sandbox when it starts, never to the template`,
        });
    }
    const body = content.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n');
    body.splice(froms[0]!.endLine, 0, ...bust);
    lines.push(`# ${path.replace(/[^\w./-]/g, '_')}`, ...body, '# E2B settings');
  }
  const env: string[] = [];
  for (const [name, value] of spec.env) {
    if (!ENV_NAME.test(name) || secrets.has(name))
      throw new ActionError(`"${name}" cannot be written as an ENV line of e2b.Dockerfile`, {
        fix: 'report this at https://github.com/sindri/deploy-action/issues',
      });
    if (!PLAIN_VALUE.test(value))
      throw new ActionError(`the value of ${name} ("${value}") holds characters e2b.Dockerfile cannot carry unquoted`, {
        where: { field: 'extensions' },
        fix: 'use letters, digits and - _ . , : / @ + = only (profile and extension names)',
      });
    env.push(`${name}=${value}`);
  }
  if (env.length > 0) lines.push(`ENV ${env.join(' ')}`);
  lines.push(`WORKDIR ${E2B_WORKDIR}`, `USER ${E2B_USER}`);
  return `${lines.join('\n')}\n`;
}
