// A small, typed face on inquirer (loaded lazily: only interactive commands pay for it), bound to
// the command's own streams so tests and pseudo-terminals drive it like a person would.
import type { CliIo } from './io.js';

export interface Choice<T extends string> {
  name: string;
  value: T;
  description?: string;
}

export interface Prompter {
  select<T extends string>(message: string, choices: readonly Choice<T>[], defaultValue?: T): Promise<T>;
  input(message: string, options?: { default?: string; validate?: (value: string) => true | string }): Promise<string>;
  confirm(message: string, defaultValue: boolean): Promise<boolean>;
  checkbox<T extends string>(message: string, choices: readonly (Choice<T> & { checked?: boolean })[]): Promise<T[]>;
}

type Ask = (questions: readonly Record<string, unknown>[]) => Promise<{ answer: unknown }>;

export async function createPrompter(io: CliIo): Promise<Prompter> {
  const { default: inquirer } = await import('inquirer');
  // inquirer's question types are a deep union; this adapter is the one place that meets them.
  const ask = inquirer.createPromptModule({ input: io.stdin as NodeJS.ReadStream, output: io.stdout as NodeJS.WriteStream }) as unknown as Ask;
  const one = async <T>(question: Record<string, unknown>): Promise<T> => (await ask([{ name: 'answer', ...question }])).answer as T;
  return {
    select: (message, choices, defaultValue) => one({ type: 'select', message, choices, default: defaultValue, loop: false, pageSize: 10 }),
    input: (message, options = {}) => one({ type: 'input', message, default: options.default, validate: options.validate }),
    confirm: (message, defaultValue) => one({ type: 'confirm', message, default: defaultValue }),
    checkbox: (message, choices) => one({ type: 'checkbox', message, choices, loop: false }),
  };
}

/** Ctrl-C (or a closed terminal) inside a prompt: inquirer's ExitPromptError. */
export function isPromptExit(error: unknown): boolean {
  return error instanceof Error && error.name === 'ExitPromptError';
}
