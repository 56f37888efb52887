// A CliIo over in-memory streams, for running commands in-process.
import { PassThrough, Writable } from 'node:stream';
import type { CliIo } from '../../src/cli/io.js';

export interface MemoryIo extends CliIo {
  out(): string;
  err(): string;
}

export function memoryIo(cwd: string, env: NodeJS.ProcessEnv = {}, { tty = false } = {}): MemoryIo {
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
  return {
    stdout: sink(chunks.out),
    stderr: sink(chunks.err),
    stdin: Object.assign(new PassThrough(), { isTTY: false }),
    env,
    cwd,
    out: () => chunks.out.join(''),
    err: () => chunks.err.join(''),
  };
}
