// Write a file whole or not at all: a temp file beside it, then rename (atomic on one filesystem).
// Only a regular file (or a path that does not exist yet) is replaced that way: a device, FIFO or
// `/dev/stdout` is written in place, and a symlink is followed, so neither is replaced by a file.
import { mkdir, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { linkChain } from './link-chain.js';

/** A name that leads through /proc/<pid>/fd or /dev/fd names an open stream (`/dev/stdout`), even when that stream is a file. */
const throughOpenStream = (file: string): boolean => linkChain(file).some((hop) => /^\/(?:proc\/[^/]+\/fd|dev\/fd)\//.test(hop));

export async function writeFileAtomic(file: string, content: string): Promise<void> {
  const target = await realpath(file).catch(() => file);
  const existing = await stat(target).catch(() => null);
  if ((existing && !existing.isFile()) || throughOpenStream(file)) {
    // /dev/null, /dev/full, a FIFO, a terminal: there is nothing to replace, only a stream to write.
    await writeFile(file, content, { encoding: 'utf8', flag: existing?.isFile() ? 'a' : 'w' });
    return;
  }
  const dir = path.dirname(target);
  await mkdir(dir, { recursive: true });
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, content, { encoding: 'utf8', flag: 'wx' });
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
