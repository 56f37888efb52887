// Start the sample handlers of fixtures/webhooks/ as real processes on 127.0.0.1 (port 0); each
// prints "listening on <port>" once it accepts connections.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export const FIXTURE_SECRET = 'whsec_fixtureProbeSecret0123456789abcdef';
export const HANDLERS_DIR = path.resolve(import.meta.dirname, '../../fixtures/webhooks');

export interface RunningHandler {
  readonly port: number;
  readonly url: string;
  stop(): Promise<void>;
}

export async function startHandler(file: string, env: Record<string, string> = {}): Promise<RunningHandler> {
  const command = file.endsWith('.py') ? 'python3' : process.execPath;
  const child: ChildProcess = spawn(command, [path.join(HANDLERS_DIR, file)], {
    env: { PATH: process.env.PATH ?? '', STRIPE_WEBHOOK_SECRET: FIXTURE_SECRET, PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => reject(new Error(`${file} did not start: ${stderr}`)), 15_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /listening on (\d+)/.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${file} exited with ${code}: ${stderr}`));
    });
  });
  return {
    port,
    url: `http://127.0.0.1:${port}/webhook`,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill();
      }),
  };
}
