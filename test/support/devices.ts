// Device nodes of our own for tests that write to /dev/null-like targets: a regression then
// replaces these copies, never the machine's own /dev/null or /dev/full.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Copies of /dev/null and /dev/full (needs root, as the tests run here and in CI). */
export function deviceCopies(): { null: string; full: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'golive-dev-'));
  execFileSync('mknod', ['-m', '666', path.join(dir, 'null'), 'c', '1', '3']);
  execFileSync('mknod', ['-m', '666', path.join(dir, 'full'), 'c', '1', '7']);
  return { null: path.join(dir, 'null'), full: path.join(dir, 'full') };
}

