import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'golive-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('CLI usage', () => {
  it('--help teaches: commands, exit codes, environment', async () => {
    const { code, stdout, stderr } = await runCli(['--help']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    for (const needle of ['check', 'gather', 'Exit codes:', 'STRIPE_API_KEY', 'NO_COLOR']) expect(stdout).toContain(needle);
  });

  it('check --help shows examples and the restricted-key permissions', async () => {
    const { code, stdout } = await runCli(['check', '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('Examples:');
    expect(stdout).toContain('Identity Verification Sessions and Reports Read');
  });

  it('--version prints the package version', async () => {
    const { code, stdout } = await runCli(['--version']);
    expect(code).toBe(0);
    expect(stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it.each([
    ['an unknown option', ['check', '--nope'], /unknown option '--nope'/],
    ['an unknown format', ['check', '--format', 'xml'], /Allowed choices are/],
    ['an unknown rule', ['check', '--rule', 'no-such-rule'], /Unknown rule "no-such-rule" in --rule/],
    ['a misspelt rule', ['check', '--only', 'webhook-endpoint-registred'], /Unknown rule "webhook-endpoint-registred" in --rule\. Did you mean "webhook-endpoint-registered"\?/],
    ['a checklist item id as a rule', ['check', '--rule', 'submission-attempts'], /Unknown rule "submission-attempts" in --rule\. Did you mean "attempt-limit-decided" or "attempts-limited"\?/],
    ['a missing --cwd', ['check', '--cwd', '/nonexistent/golive'], /--cwd does not exist: \/nonexistent\/golive/],
    ['plain http to a remote API base', ['check', '--api-base', 'http://api.example.com'], /Refusing plain http to api\.example\.com/],
    ['a missing snapshot', ['check', '--snapshot', 'missing.json'], /Cannot read snapshot \/.*\/missing\.json: ENOENT/],
  ])('rejects %s with exit 2 and no stack trace', async (_name, args, message) => {
    const { code, stderr } = await runCli(args, { cwd: dir });
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });

  it.each([
    ['a publishable key', { STRIPE_API_KEY: 'pk_test_fixture0000000000' }, /STRIPE_API_KEY holds a publishable key \(pk_test_…0000\)/],
    ['garbage', { STRIPE_API_KEY: 'hello' }, /STRIPE_API_KEY does not look like a Stripe API key/],
    ['a test key in the live variable', { STRIPE_LIVE_API_KEY: 'rk_test_fixture0000000000' }, /STRIPE_LIVE_API_KEY holds a test-mode key/],
  ])('rejects %s, naming the variable', async (_name, env, message) => {
    const { code, stderr } = await runCli(['check'], { cwd: dir, env });
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).not.toContain('fixture0000000000');
  });

  it('bad config: names the file and key path, exit 2', async () => {
    const bad = await mkdtemp(path.join(tmpdir(), 'golive-badconfig-'));
    await writeFile(path.join(bad, 'identity-golive.config.json'), JSON.stringify({ stripe: { windowDays: 'thirty' } }));
    const { code, stderr } = await runCli(['check'], { cwd: bad });
    expect(code).toBe(2);
    expect(stderr).toContain(path.join(bad, 'identity-golive.config.json'));
    expect(stderr).toMatch(/stripe\.windowDays: /);
    await rm(bad, { recursive: true, force: true });
  });

  it('a misspelt rule id in the config: names the file, suggests the rule, exit 2', async () => {
    const bad = await mkdtemp(path.join(tmpdir(), 'golive-badrule-'));
    await writeFile(path.join(bad, 'identity-golive.config.json'), JSON.stringify({ rules: { 'pricng-confirmed': 'off' } }));
    const { code, stderr } = await runCli(['check', '--offline'], { cwd: bad });
    expect(code).toBe(2);
    expect(stderr).toContain(`Unknown rule "pricng-confirmed" in ${path.join(bad, 'identity-golive.config.json')}: rules. Did you mean "pricing-confirmed"?`);
    await rm(bad, { recursive: true, force: true });
  });

  it('--print-config prints the resolved config as JSON', async () => {
    const { code, stdout } = await runCli(['check', '--print-config'], { cwd: dir });
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ maxAttemptsPerUser: 3, filepath: null });
  });
});

describe('CLI output to a closed pipe', () => {
  it('stops quietly when the reader goes away (`--help | head -1`)', async () => {
    const { spawnSync } = await import('node:child_process');
    const { BIN } = await import('../support/cli.js');
    const result = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" check --help | head -1`], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' } });
    expect(result.stdout).toBe('Usage: identity-golive check [options] [dir]\n');
    expect(result.stderr).not.toMatch(/EPIPE|Error/);
  });
});
