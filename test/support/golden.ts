// Golden files: compared byte for byte; `UPDATE_GOLDEN=1 npx vitest run` rewrites them, and the
// diff is reviewed like code.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';

export function expectGolden(file: string, actual: string): void {
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  if (!existsSync(file)) throw new Error(`Missing golden file ${file}: run UPDATE_GOLDEN=1 npx vitest run, then review it.`);
  expect(actual, `${path.basename(file)} differs from its golden file (UPDATE_GOLDEN=1 to accept, then review the diff)`).toBe(readFileSync(file, 'utf8'));
}
