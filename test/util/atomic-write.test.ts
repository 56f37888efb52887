import { execFileSync } from 'node:child_process';
import { createReadStream, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/util/atomic-write.js';
import { deviceCopies } from '../support/devices.js';

describe('writeFileAtomic', () => {
  it('replaces a file whole and leaves no temp file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'golive-atomic-'));
    const file = path.join(dir, 'nested', 'report.sarif');
    await writeFileAtomic(file, 'first');
    await writeFileAtomic(file, 'second');
    expect(readFileSync(file, 'utf8')).toBe('second');
    expect(readdirSync(path.dirname(file))).toEqual(['report.sarif']);
  });

  it('on failure, leaves what was there and cleans up its temp file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'golive-atomic-'));
    const target = path.join(dir, 'taken');
    mkdirSync(target);
    writeFileSync(path.join(target, 'keep.txt'), 'kept');
    await expect(writeFileAtomic(target, 'new')).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(['taken']);
    expect(readFileSync(path.join(target, 'keep.txt'), 'utf8')).toBe('kept');
  });

  // As root a rename would happily replace /dev/null with a regular file. The devices here are our
  // own copies (mknod in a temp dir), so a regression replaces those, not the machine's.
  it('writes a device in place: a null device stays a character device', async () => {
    const devices = deviceCopies();
    await writeFileAtomic(devices.null, 'report');
    expect(statSync(devices.null).isCharacterDevice()).toBe(true);
  });

  it('reports ENOSPC from a full device instead of swallowing it', async () => {
    const devices = deviceCopies();
    await expect(writeFileAtomic(devices.full, 'report')).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(statSync(devices.full).isCharacterDevice()).toBe(true);
  });

  it('follows a symlink: the link stays, its target gets the content', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'golive-atomic-'));
    writeFileSync(path.join(dir, 'real.json'), 'old');
    symlinkSync('real.json', path.join(dir, 'link.json'));
    await writeFileAtomic(path.join(dir, 'link.json'), 'new');
    expect(lstatSync(path.join(dir, 'link.json')).isSymbolicLink()).toBe(true);
    expect(readFileSync(path.join(dir, 'real.json'), 'utf8')).toBe('new');
  });

  it('writes a FIFO in place, for the reader on the other end', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'golive-atomic-'));
    const fifo = path.join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const received = new Promise<string>((resolve) => {
      let text = '';
      createReadStream(fifo, 'utf8').on('data', (chunk) => (text += String(chunk))).on('end', () => resolve(text));
    });
    await writeFileAtomic(fifo, 'through the pipe');
    expect(await received).toBe('through the pipe');
    expect(statSync(fifo).isFIFO()).toBe(true);
  });
});
