// A spinner on stderr while gathering, only on an interactive terminal (never in CI or pipes).
import { isCi, type CliIo } from '../cli/io.js';

/** A spinner only for a person at a terminal: never in CI, never into a pipe or file. */
export function showsProgress(io: Pick<CliIo, 'env' | 'stderr'>): boolean {
  return Boolean(io.stderr.isTTY) && !isCi(io.env);
}

export async function withProgress<T>(interactive: boolean, io: CliIo, label: string, work: (progress: (message: string) => void) => Promise<T>): Promise<T> {
  if (!interactive) return work(() => {});
  const { default: ora } = await import('ora');
  const spinner = ora({ text: label, stream: io.stderr as NodeJS.WriteStream }).start();
  try {
    return await work((message) => {
      spinner.text = `${label}: ${message}`;
    });
  } finally {
    spinner.stop();
  }
}
