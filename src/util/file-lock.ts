// A lock file taken with O_EXCL: one writer at a time across processes. A lock older than
// STALE_MS is from a crashed writer (the work under it takes milliseconds) and is broken.
import { lstat, mkdir, open, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { UserError } from './user-error.js';

const STALE_MS = 30_000;
const GIVE_UP_MS = 15_000;

export async function withFileLock<T>(lockFile: string, work: () => Promise<T>): Promise<T> {
  await mkdir(path.dirname(lockFile), { recursive: true });
  await acquire(lockFile);
  try {
    return await work();
  } finally {
    await rm(lockFile, { force: true });
  }
}

async function acquire(lockFile: string): Promise<void> {
  const started = Date.now();
  for (let attempt = 0; ; attempt += 1) {
    try {
      const handle = await open(lockFile, 'wx');
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    // Not a lock any writer of ours made: waiting or deleting would be wrong, so say what it is.
    const existing = await lstat(lockFile).catch(() => null);
    if (existing && !existing.isFile()) {
      throw new UserError(`The lock ${lockFile} is ${existing.isDirectory() ? 'a directory' : 'not a regular file'}, not a lock file.`, 'Remove it (it is not identity-golive\'s), then run the command again.');
    }
    if (await isStale(lockFile)) {
      await rm(lockFile, { force: true });
      continue;
    }
    if (Date.now() - started > GIVE_UP_MS) {
      throw new UserError(`Timed out waiting for the lock ${lockFile}.`, 'Another identity-golive process is writing; if none is running, delete the lock file.');
    }
    // Jittered backoff so concurrent writers do not retry in step.
    await sleep(Math.min(200, 5 * 2 ** Math.min(attempt, 5)) * (0.5 + Math.random()));
  }
}

async function isStale(lockFile: string): Promise<boolean> {
  try {
    return Date.now() - (await stat(lockFile)).mtimeMs > STALE_MS;
  } catch {
    // Gone between our open and stat: not stale, just free; the next attempt takes it.
    return false;
  }
}
