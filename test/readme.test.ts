import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { README, withRulesTable } from './support/readme.js';

describe('README', () => {
  it('opens with the two set-up commands', async () => {
    const readme = await readFile(README, 'utf8');
    const commands = [...readme.matchAll(/^```(?:sh|bash)\n([\s\S]*?)```/gm)].map((m) => m[1]!.trim());
    expect(commands.slice(0, 2)).toEqual(['npm ci && npm run demo', 'npm test']);
  });

  it('has the rule table generated from rule metadata (run `npm run docs`)', async () => {
    const readme = await readFile(README, 'utf8');
    expect(readme).toBe(withRulesTable(readme));
  });
});
