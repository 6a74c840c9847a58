/** Types of scripts/runner-files.mjs (plain JS so that local-run needs no install). */
export interface ActionInput {
  name: string;
  description: string;
  required: boolean;
  default?: string;
}
export function inputEnvName(name: string): string;
export function readActionInputs(text: string): ActionInput[];
export function inputEnv(
  declared: readonly ActionInput[],
  given: Record<string, string>,
  expressions?: Record<string, string>,
): Record<string, string>;
export function parseFileCommands(text: string): Record<string, string>;
