// Spawn the built CLI as users do (bin/), with colour off and a clean environment.
import { spawn } from 'node:child_process';
import path from 'node:path';

export const BIN = path.resolve(import.meta.dirname, '../../bin/identity-golive.js');
export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Pipes (so never a TTY), NO_COLOR for stable text, and only PATH and HOME inherited, so a developer's own Stripe keys or CI variables never leak into a test. */
export function runCli(
  args: readonly string[],
  { env = {}, cwd = REPO_ROOT, input, nodeArgs = [] }: { env?: NodeJS.ProcessEnv; cwd?: string; input?: string; nodeArgs?: readonly string[] } = {},
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, BIN, ...args], {
      cwd,
      env: cliEnv(env),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}

/** The environment a spawned CLI sees: PATH, HOME, NO_COLOR and what the test adds. */
export function cliEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NO_COLOR: '1', ...extra };
}
