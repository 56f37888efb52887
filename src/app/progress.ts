// A spinner on stderr while gathering, only on an interactive terminal (never in CI or pipes).
import type { CliIo } from '../cli/io.js';

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
