// Without a config file the schema is not loaded: the written-out defaults must be what it fills in.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig, loadConfig } from '../../src/config/discover.js';
import { validateConfig } from '../../src/config/load.js';

describe('built-in defaults', () => {
  it('equal the schema applied to an empty config', () => {
    expect(defaultConfig()).toEqual(validateConfig({}, null));
  });

  it('are a fresh object each time, so a run cannot change the next one', () => {
    const first = defaultConfig();
    first.stripe.timeoutMs = 1;
    first.suppressions.push({ rule: 'x', reason: 'y', expires: '2027-01-01' });
    expect(defaultConfig()).toEqual(validateConfig({}, null));
  });

  it('are what a project without a config gets, and a found file is still validated', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'identity-golive-defaults-'));
    try {
      expect(await loadConfig({ cwd: dir })).toEqual(validateConfig({}, null));
      await writeFile(path.join(dir, 'identity-golive.config.json'), JSON.stringify({ maxAttemptsPerUser: 0 }));
      await expect(loadConfig({ cwd: dir })).rejects.toThrow(/Invalid config in .*identity-golive\.config\.json:\n {2}maxAttemptsPerUser: /);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
