// The walkthrough's own progress (skips and position), beside the attestations file. Confirmations
// are attestations; this file only remembers what was put off, so a resumed run starts at the
// first open item. Losing it costs a re-ask, nothing more, so an unreadable one is replaced.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as z from 'zod';
import { writeFileAtomic } from '../util/atomic-write.js';

const progressSchema = z.object({
  version: z.literal(1),
  skipped: z.array(z.string()),
  position: z.string().nullable(),
  updatedAt: z.string(),
});

export type WalkthroughProgress = z.infer<typeof progressSchema>;

export function progressFile(attestationsFile: string): string {
  return path.join(path.dirname(attestationsFile), 'walkthrough.json');
}

export async function readProgress(file: string): Promise<{ progress: WalkthroughProgress; warning: string | null }> {
  const empty: WalkthroughProgress = { version: 1, skipped: [], position: null, updatedAt: new Date(0).toISOString() };
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { progress: empty, warning: null };
    return { progress: empty, warning: `Cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)}); starting without it.` };
  }
  try {
    return { progress: progressSchema.parse(JSON.parse(text)), warning: null };
  } catch {
    return { progress: empty, warning: `${file} is not a walkthrough progress file; it will be replaced.` };
  }
}

export async function writeProgress(file: string, progress: Omit<WalkthroughProgress, 'version' | 'updatedAt'>, now: number): Promise<void> {
  const value: WalkthroughProgress = { version: 1, skipped: [...new Set(progress.skipped)], position: progress.position, updatedAt: new Date(now).toISOString() };
  await writeFileAtomic(file, `${JSON.stringify(value, null, 2)}\n`);
}
