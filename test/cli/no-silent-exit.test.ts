// The exit code is decided before the process can end: a step that never settles, or an API base
// that answers what no HTTP client expects, ends in exit 2 with a reason, never a silent 0.
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURE_KEYS } from '../../fixtures/stripe/index.js';
import { runCli } from '../support/cli.js';
import { stripeDoublePerTest } from '../support/double-per-test.js';

const startDouble = stripeDoublePerTest();

function projectWithConfig(file: string, text: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'golive-silent-'));
  writeFileSync(path.join(dir, file), text);
  return dir;
}

describe('never a silent exit', () => {
  it.each(['check', 'gather'])('%s with a JS config exporting a promise that never settles: exit 2, says which step', async (command) => {
    const dir = projectWithConfig('identity-golive.config.mjs', 'export default new Promise(() => {});\n');
    const args = command === 'gather' ? ['gather', '-o', 'snap.json', '--offline'] : ['check', '--offline'];
    const run = await runCli(args, { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/loading the config never finished/);
    expect(readdirSync(dir)).toEqual(['identity-golive.config.mjs']);
  });

  it('an API base answering 101 Switching Protocols: the report is printed and the run exits 2', async () => {
    const double = await startDouble({ scenario: 'ready', faults: [{ route: '*', kind: 'switching_protocols' }] });
    const dir = projectWithConfig('identity-golive.config.json', JSON.stringify({ stripe: { timeoutMs: 1000 } }));
    const run = await runCli(['check', '--format', 'json', '--only', 'branding-configured,webhook-endpoint-registered', '--api-base', double.url], {
      cwd: dir,
      env: { STRIPE_API_KEY: FIXTURE_KEYS.testRestricted },
    });
    expect(run.code).toBe(2);
    const report = JSON.parse(run.stdout) as { results: { status: string }[] };
    expect(report.results.map((result) => result.status)).toEqual(['error', 'error']);
    expect(run.stdout).toMatch(/101 Switching Protocols/);
  });

  it('gather when every request failed: exit 2, each failure named, no snapshot written', async () => {
    const double = await startDouble({ scenario: 'ready', faults: [{ route: '*', kind: 'server_error' }] });
    const dir = projectWithConfig('identity-golive.config.json', JSON.stringify({ stripe: { timeoutMs: 1000 } }));
    const run = await runCli(['gather', '-o', 'snap.json', '--only', 'branding-configured,webhook-endpoint-registered', '--api-base', double.url], {
      cwd: dir,
      env: { STRIPE_API_KEY: FIXTURE_KEYS.testRestricted },
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/HTTP 500/);
    expect(run.stderr).toMatch(/no snapshot written/);
    expect(readdirSync(dir)).toEqual(['identity-golive.config.json']);
  });

  it('gather when some evidence failed: the snapshot is written, and the exit code says it has holes', async () => {
    const double = await startDouble({ scenario: 'ready', faults: [{ route: 'account', kind: 'forbidden' }] });
    const dir = projectWithConfig('identity-golive.config.json', JSON.stringify({ stripe: { timeoutMs: 1000 } }));
    const run = await runCli(['gather', '-o', 'snap.json', '--only', 'branding-configured,webhook-endpoint-registered', '--api-base', double.url], {
      cwd: dir,
      env: { STRIPE_API_KEY: FIXTURE_KEYS.testRestricted },
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/403/);
    expect(readdirSync(dir).sort()).toEqual(['identity-golive.config.json', 'snap.json']);
  });

  it('gather -o <a directory>: exit 2 before any request, saying so', async () => {
    const dir = projectWithConfig('identity-golive.config.json', '{}');
    const run = await runCli(['gather', '-o', '.', '--offline'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/-o \. is a directory/);
  });
});
