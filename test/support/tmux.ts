// Drive a real pseudo-terminal with tmux: start a command in a detached session on a private
// socket, type with send-keys, read the screen with capture-pane.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** A synchronous pause (stop() and start() are synchronous). */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

export function tmuxAvailable(): boolean {
  try {
    execFileSync('tmux', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export class TmuxSession {
  private readonly socket: string;
  private readonly name = 'golive';
  private readonly exitFile: string;

  constructor(private readonly dir: string) {
    this.socket = path.join(dir, 'tmux.sock');
    this.exitFile = path.join(dir, 'exit-code');
  }

  private tmux(...args: string[]): string {
    return execFileSync('tmux', ['-S', this.socket, ...args], { encoding: 'utf8', env: { ...process.env, TERM: 'xterm-256color' } });
  }

  /** Run `command` (a shell line) in a fresh 160x50 terminal; its exit code lands in a file. */
  start(command: string, cwd: string): void {
    execFileSync('rm', ['-f', this.exitFile]);
    // On a loaded machine a fresh tmux server sometimes dies while starting ("server exited
    // unexpectedly"), or a server killed by stop() a moment ago still holds the socket: nothing
    // has run yet, so wait for it to go and start again.
    for (let attempt = 1; ; attempt += 1) {
      try {
        this.tmux('new-session', '-d', '-s', this.name, '-x', '160', '-y', '50', '-c', cwd, `${command}; echo $? > ${this.exitFile}; sleep 600`);
        return;
      } catch (error) {
        if (attempt >= 5 || !String((error as { stderr?: unknown }).stderr ?? error).includes('server exited unexpectedly')) throw error;
        this.waitForServerGone();
        pause(200 * attempt);
      }
    }
  }

  /** The screen plus its scroll-back, wrapped lines joined. */
  screen(): string {
    return this.tmux('capture-pane', '-p', '-J', '-S', '-2000', '-t', this.name);
  }

  /** Wait until the screen matches; fail with the screen if it never does. */
  async waitFor(pattern: RegExp, limitMs = 20_000): Promise<string> {
    const started = Date.now();
    for (;;) {
      const screen = this.screen();
      if (pattern.test(screen)) return screen;
      if (Date.now() - started > limitMs) throw new Error(`timed out waiting for ${pattern} on screen:\n${screen}`);
      await sleep(100);
    }
  }

  /** Type literal text. */
  type(text: string): void {
    this.tmux('send-keys', '-t', this.name, '-l', text);
  }

  /** Press keys by tmux name: Enter, Down, C-c … */
  press(...keys: string[]): void {
    this.tmux('send-keys', '-t', this.name, ...keys);
  }

  async exitCode(limitMs = 20_000): Promise<number> {
    const started = Date.now();
    while (!existsSync(this.exitFile) || readFileSync(this.exitFile, 'utf8').trim() === '') {
      if (Date.now() - started > limitMs) throw new Error(`the command did not exit; screen:\n${this.screen()}`);
      await sleep(100);
    }
    return Number(readFileSync(this.exitFile, 'utf8').trim());
  }

  stop(): void {
    try {
      this.tmux('kill-server');
    } catch {
      // Already gone.
    }
    this.waitForServerGone();
  }

  /** kill-server returns before the server has exited: wait (up to 5 s) until it no longer answers. */
  private waitForServerGone(): void {
    const started = Date.now();
    while (Date.now() - started < 5000) {
      try {
        execFileSync('tmux', ['-S', this.socket, 'list-sessions'], { stdio: 'ignore' });
      } catch {
        return;
      }
      pause(50);
    }
  }
}
