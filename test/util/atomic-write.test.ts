import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/util/atomic-write.js';

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
});
