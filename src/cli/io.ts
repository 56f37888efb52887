// The CLI's whole world, injectable so tests can run it in-process and bin/ can wire the real one.
export interface CliIo {
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  /** --color (true) or --no-color (false); undefined: decided by the environment. */
  readonly color?: boolean;
}

export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, cwd: process.cwd() };
}

/** `CI` truthy as `1`/`true` (any case): no spinner, no prompt, no colour unless FORCE_COLOR. */
export function isCi(env: NodeJS.ProcessEnv): boolean {
  const value = env.CI?.trim().toLowerCase();
  return value === '1' || value === 'true';
}
