// --report targets that are not regular files: written in place, never replaced, and a write
// error (ENOSPC from /dev/full) is exit 2 with the reason, not a silent loss.
import { spawnSync } from 'node:child_process';
import { lstatSync, mkdtempSync, readFileSync, statSync, symlinkSync, openSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, cliEnv, REPO_ROOT, runCli } from '../support/cli.js';
import { deviceCopies } from '../support/devices.js';

const DEMO = `${REPO_ROOT}/fixtures/demo`;

/** Runs the CLI with stdout redirected to a regular file, as `> out.txt` does; returns the file's text. */
async function runCliTo(args: readonly string[], file: string): Promise<string> {
  const fd = openSync(file, 'w');
  try {
    spawnSync(process.execPath, [BIN, ...args], { env: cliEnv(), stdio: ['ignore', fd, 'ignore'] });
  } finally {
    closeSync(fd);
  }
  return readFileSync(file, 'utf8');
}

describe('--report to special files', () => {
  // Through a link of our own to /proc/self/fd/1 (what /dev/stdout is): a regression replaces that link, not /dev/stdout.
  it.each([
    ['a pipe', false],
    ['a regular file', true],
  ])('json=<a link to /proc/self/fd/1> reaches stdout when it is %s, beside the terminal report', async (_name, toFile) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'golive-stdout-'));
    const link = path.join(dir, 'stdout');
    symlinkSync('/proc/self/fd/1', link);
    const args = ['check', DEMO, '--offline', '--report', `json=${link}`];
    const stdout = toFile ? (await runCliTo(args, path.join(dir, 'out.txt'))) : (await runCli(args)).stdout;
    expect(stdout).toContain('"schemaVersion"');
    expect(stdout).toMatch(/to go live/);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
  });

  // Our own device nodes: a regression would replace these, never the machine's /dev/null.
  it('sarif=<a null device> leaves it a character device', async () => {
    const devices = deviceCopies();
    const run = await runCli(['check', DEMO, '--offline', '--quiet', '--report', `sarif=${devices.null}`]);
    expect(run.stderr).not.toMatch(/Cannot write/);
    expect(statSync(devices.null).isCharacterDevice()).toBe(true);
  });

  it('json=<a full device>: exit 2, naming ENOSPC', async () => {
    const devices = deviceCopies();
    const run = await runCli(['check', DEMO, '--offline', '--quiet', '--report', `json=${devices.full}`]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Cannot write the json report to .*full: ENOSPC/);
    expect(statSync(devices.full).isCharacterDevice()).toBe(true);
  });
});
