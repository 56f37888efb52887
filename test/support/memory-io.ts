// A CliIo over in-memory streams, for running commands in-process.
import { PassThrough, Writable } from 'node:stream';
import type { CliIo } from '../../src/cli/io.js';

export interface MemoryIo extends CliIo {
  out(): string;
  err(): string;
}

/** `tty` makes stdin and stderr terminals (prompts may run); stdout stays a pipe unless `ttyStdout`. */
export function memoryIo(cwd: string, env: NodeJS.ProcessEnv = {}, { tty = false, ttyStdout, input = '' }: { tty?: boolean; ttyStdout?: boolean; input?: string } = {}): MemoryIo {
  const chunks = { out: [] as string[], err: [] as string[] };
  const sink = (into: string[]) =>
    Object.assign(
      new Writable({
        write(chunk, _encoding, done) {
          into.push(String(chunk));
          done();
        },
      }),
      { isTTY: tty },
    );
  const stdin = Object.assign(new PassThrough(), { isTTY: tty });
  if (input) stdin.end(input);
  return {
    stdout: Object.assign(sink(chunks.out), { isTTY: ttyStdout ?? tty }),
    stderr: sink(chunks.err),
    stdin,
    env,
    cwd,
    out: () => chunks.out.join(''),
    err: () => chunks.err.join(''),
  };
}
