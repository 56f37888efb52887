import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { withFileLock } from '../../src/util/file-lock.js';
import { UserError } from '../../src/util/user-error.js';

describe('withFileLock', () => {
  it('a lock path that is a directory: a clear user error at once, not a 15 s wait or an internal error', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'golive-lock-'));
    const lock = path.join(dir, 'attestations.json.lock');
    mkdirSync(lock);
    const started = Date.now();
    const error = await withFileLock(lock, async () => 'ran').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toMatch(/is a directory, not a lock file/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('runs the work under a free lock and removes it after', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'golive-lock-'));
    expect(await withFileLock(path.join(dir, 'x.lock'), async () => 'ran')).toBe('ran');
  });
});
