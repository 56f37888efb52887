// `gather` as users run it: a default snapshot file, and a warning when a key covers one mode only
// while the selected rules read both (the snapshot would silently lack the other mode).
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FIXTURE_KEYS } from '../../fixtures/stripe/index.js';
import { maskKey } from '../../src/util/mask.js';
import { cliEnv, runCli } from '../support/cli.js';
import { stripeDoublePerTest } from '../support/double-per-test.js';

const startDouble = stripeDoublePerTest();
const BOTH_MODES = ['branding-configured', 'webhook-endpoint-registered'];
let project: string;

beforeEach(async () => {
  project = await mkdtemp(path.join(tmpdir(), 'golive-gather-'));
});
afterEach(async () => {
  await rm(project, { recursive: true, force: true });
});

describe('identity-golive gather', () => {
  it('--help names the default output file', async () => {
    const run = await runCli(['gather', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout.replace(/\s+/g, ' ')).toContain('-o, --output <file> where to write the snapshot JSON (default: "golive-snapshot.json")');
  });

  it('without -o writes golive-snapshot.json, and warns that a test key alone leaves out live mode', async () => {
    const double = await startDouble({ scenario: 'ready' });
    const run = await runCli(['gather', '--api-base', double.url, '--only', BOTH_MODES.join(',')], { cwd: project, env: cliEnv({ STRIPE_TEST_API_KEY: FIXTURE_KEYS.testRestricted }) });
    expect(run.code).toBe(0);
    const snapshot = JSON.parse(await readFile(path.join(project, 'golive-snapshot.json'), 'utf8')) as { kind: string };
    expect(snapshot.kind).toBe('identity-golive-snapshot');
    expect(run.stderr).toContain(`warning: Only a test-mode key was given (STRIPE_TEST_API_KEY, ${maskKey(FIXTURE_KEYS.testRestricted)}): the snapshot will hold no live-mode evidence`);
    expect(run.stderr).toContain('Set STRIPE_LIVE_API_KEY to a live-mode restricted key');
    expect(run.stderr).not.toContain(FIXTURE_KEYS.testRestricted);
  });

  it('a live key alone is warned about the same way', async () => {
    const double = await startDouble({ scenario: 'ready' });
    const run = await runCli(['gather', '-o', 'snap.json', '--api-base', double.url, '--only', BOTH_MODES.join(',')], { cwd: project, env: cliEnv({ STRIPE_API_KEY: FIXTURE_KEYS.liveRestricted }) });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('Only a live-mode key was given (STRIPE_API_KEY');
    expect(run.stderr).toContain('Set STRIPE_TEST_API_KEY');
    expect(existsSync(path.join(project, 'snap.json'))).toBe(true);
  });

  it.each([
    ['both keys', { STRIPE_LIVE_API_KEY: FIXTURE_KEYS.liveRestricted, STRIPE_TEST_API_KEY: FIXTURE_KEYS.testRestricted }, BOTH_MODES],
    ['a test key for test-mode rules only', { STRIPE_TEST_API_KEY: FIXTURE_KEYS.testRestricted }, ['test-mode-events-handled']],
  ])('no warning with %s', async (_name, keys, rules) => {
    const double = await startDouble({ scenario: 'ready' });
    const run = await runCli(['gather', '--api-base', double.url, '--only', rules.join(',')], { cwd: project, env: cliEnv(keys) });
    expect(run.code).toBe(0);
    expect(run.stderr).not.toContain('warning');
  });

  it('no key at all is a warning too: the snapshot holds no Stripe evidence', async () => {
    const run = await runCli(['gather', '--only', BOTH_MODES.join(',')], { cwd: project });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('warning: No Stripe API key in the environment');
  });
});
