// The built CLI end to end against the local Stripe API double: verdicts per scenario, exit codes
// under every fault, and no secret in anything printed or saved.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_KEYS, plantedValues } from '../../fixtures/stripe/index.js';
import { REPEATED_USER } from '../../fixtures/stripe/not-ready.js';
import type { Report } from '../../src/report/types.js';
import { startStripeDouble, type Fault, type StripeDouble } from '../support/stripe-double.js';
import { cliEnv, REPO_ROOT, runCli } from '../support/cli.js';
import { packagesLoaded } from '../support/import-recorder/packages.js';

const STRIPE_RULES = ['branding-configured', 'webhook-endpoint-registered', 'test-mode-events-handled'];
/** Which rules read which double route. */
const READERS: Record<string, string[]> = {
  account: ['branding-configured'],
  webhook_endpoints: ['webhook-endpoint-registered'],
  event_destinations: ['webhook-endpoint-registered'],
  events: ['test-mode-events-handled'],
};

let project: string;
const doubles: StripeDouble[] = [];

beforeAll(async () => {
  project = await mkdtemp(path.join(tmpdir(), 'identity-golive-stripe-'));
  // The shortest timeout the config allows keeps the latency case quick.
  await writeFile(path.join(project, 'identity-golive.config.json'), JSON.stringify({ stripe: { timeoutMs: 1000 } }));
});
afterAll(async () => {
  await Promise.all(doubles.map((d) => d.close()));
  await rm(project, { recursive: true, force: true });
});

async function double(scenario: 'ready' | 'not-ready' | 'empty', faults: Fault[] = []): Promise<StripeDouble> {
  const started = await startStripeDouble({ scenario, faults });
  doubles.push(started);
  return started;
}

async function check(d: StripeDouble, keys: Record<string, string>, extra: string[] = []) {
  const run = await runCli(['check', '--format', 'json', '--api-base', d.url, '--cwd', project, '--only', STRIPE_RULES.join(','), ...extra], { env: cliEnv(keys) });
  let report: Report | undefined;
  try {
    report = JSON.parse(run.stdout) as Report;
  } catch {
    report = undefined;
  }
  const statuses = Object.fromEntries((report?.results ?? []).map((result) => [result.ruleId, result.status]));
  return { ...run, report, statuses };
}

const testKey = { STRIPE_API_KEY: FIXTURE_KEYS.testRestricted };
const bothKeys = { STRIPE_LIVE_API_KEY: FIXTURE_KEYS.liveRestricted, STRIPE_TEST_API_KEY: FIXTURE_KEYS.testRestricted };

describe('check against each scenario', () => {
  it('ready, live and test keys → exit 0, every Stripe rule passes', async () => {
    const run = await check(await double('ready'), bothKeys);
    expect(run.statuses).toEqual({ 'branding-configured': 'pass', 'webhook-endpoint-registered': 'pass', 'test-mode-events-handled': 'pass' });
    expect(run.code).toBe(0);
  });

  it('ready, test key only → exit 0, the webhook rule warns that live mode was not checked', async () => {
    const run = await check(await double('ready'), testKey);
    expect(run.statuses).toMatchObject({ 'branding-configured': 'pass', 'webhook-endpoint-registered': 'warn', 'test-mode-events-handled': 'pass' });
    expect(run.code).toBe(0);
  });

  it('not-ready → exit 1: branding fails, webhooks warn, test deliveries fail', async () => {
    const run = await check(await double('not-ready'), bothKeys);
    expect(run.statuses).toEqual({ 'branding-configured': 'fail', 'webhook-endpoint-registered': 'warn', 'test-mode-events-handled': 'fail' });
    const webhook = run.report!.results.find((result) => result.ruleId === 'webhook-endpoint-registered')!;
    expect(webhook.findings.map((finding) => finding.messageId)).toEqual(
      expect.arrayContaining(['registered', 'redactedNotExplicit', 'unpinnedApiVersion', 'duplicateEndpoints', 'notHttps', 'disabled']),
    );
    expect(run.stdout).toContain('evt_1FailedT0002');
    expect(run.code).toBe(1);
  });

  it('empty → exit 1: nothing branded, no endpoint, no test events', async () => {
    const run = await check(await double('empty'), bothKeys);
    expect(run.statuses).toEqual({ 'branding-configured': 'fail', 'webhook-endpoint-registered': 'fail', 'test-mode-events-handled': 'warn' });
    expect(run.code).toBe(1);
  });
});

describe.concurrent('check under persistent faults on every route → no pass, exit 2', () => {
  it.each([
    ['429 without Stripe-Should-Retry', { route: '*', kind: 'rate_limit' }],
    ['429 with Stripe-Should-Retry', { route: '*', kind: 'rate_limit_should_retry' }],
    ['500', { route: '*', kind: 'server_error' }],
    ['malformed JSON', { route: '*', kind: 'malformed_json' }],
    ['connection reset', { route: '*', kind: 'reset' }],
    ['latency beyond the timeout', { route: '*', kind: 'latency', latencyMs: 4000 }],
  ] as const)('%s', async (_name, fault) => {
    const run = await check(await double('ready', [fault]), testKey);
    expect(run.statuses).toEqual({ 'branding-configured': 'error', 'webhook-endpoint-registered': 'error', 'test-mode-events-handled': 'error' });
    expect(run.code).toBe(2);
  });
});

describe.concurrent('check with one faulty route → only the rules reading it lose their verdict', () => {
  it.each(Object.keys(READERS))('%s rate-limited for good', async (route) => {
    const run = await check(await double('ready', [{ route: route as Fault['route'], kind: 'rate_limit' }]), testKey);
    for (const rule of STRIPE_RULES) {
      if (READERS[route]!.includes(rule)) expect(run.statuses[rule], rule).toBe('error');
      else expect(['pass', 'warn'], rule).toContain(run.statuses[rule]);
    }
    expect(run.code).toBe(2);
  });

  it.each([
    [FIXTURE_KEYS.testNoAccount, 'account'],
    [FIXTURE_KEYS.testNoWebhookEndpoints, 'webhook_endpoints'],
    [FIXTURE_KEYS.testNoEventDestinations, 'event_destinations'],
    [FIXTURE_KEYS.testNoEvents, 'events'],
  ])('403 for %s → the %s readers end in error naming the permission', async (key, route) => {
    const run = await check(await double('ready'), { STRIPE_API_KEY: key });
    for (const rule of READERS[route]!) {
      expect(run.statuses[rule]).toBe('error');
      const finding = run.report!.results.find((result) => result.ruleId === rule)!.findings[0]!;
      expect(finding.fix).toMatch(/: Read/);
    }
    expect(Object.values(run.statuses)).not.toContain('fail');
    expect(run.code).toBe(2);
    expect(run.stdout + run.stderr).not.toContain(key);
  });

  it('a fault beside a real failure → exit 1 (not ready whatever the missing evidence says)', async () => {
    const run = await check(await double('not-ready', [{ route: 'events', kind: 'rate_limit' }]), bothKeys);
    expect(run.statuses).toMatchObject({ 'branding-configured': 'fail', 'test-mode-events-handled': 'error' });
    expect(run.code).toBe(1);
  });
});

describe('keys and secrets', () => {
  it('401 → exit 2, the key shown only masked, in both formats', async () => {
    const d = await double('ready');
    for (const format of ['json', 'pretty']) {
      const run = await runCli(['check', '--format', format, '--api-base', d.url, '--cwd', project, '--only', STRIPE_RULES.join(',')], { env: cliEnv({ STRIPE_API_KEY: FIXTURE_KEYS.testUnknown }) });
      expect(run.code).toBe(2);
      expect(run.stdout + run.stderr).not.toContain(FIXTURE_KEYS.testUnknown);
      expect(run.stdout).toContain('rk_test_…00T9');
      expect(run.stdout).toMatch(/rejected/);
    }
  });

  it('nothing planted in the account ever reaches stdout, stderr or a snapshot', async () => {
    const d = await double('not-ready');
    const planted = [...plantedValues(d.scenario.live), ...plantedValues(d.scenario.test), REPEATED_USER, FIXTURE_KEYS.liveRestricted, FIXTURE_KEYS.testRestricted];
    const pretty = await check(d, bothKeys, ['--format', 'pretty']);
    const json = await check(d, bothKeys);
    const snapshot = path.join(project, 'snapshot.json');
    const gather = await runCli(['gather', '-o', snapshot, '--api-base', d.url, '--cwd', project, '--only', STRIPE_RULES.join(',')], { env: cliEnv(bothKeys) });
    expect(gather.code).toBe(0);
    const saved = await readFile(snapshot, 'utf8');
    expect(saved).toContain('we_1StarOnlyL0001');
    for (const text of [pretty.stdout, pretty.stderr, json.stdout, json.stderr, gather.stdout, gather.stderr, saved]) {
      for (const secret of planted) expect(text).not.toContain(secret);
      expect(text).not.toContain('PLANTED');
      expect(text).not.toContain('whsec_');
    }
    expect(d.log.every((entry) => entry.method === 'GET')).toBe(true);
  });
});

describe('start-up stays light', () => {
  // The CLI runs a bundle: the build's metafile maps each loaded chunk to the packages inside it.
  const HEAVY_FOR_HELP = ['stripe', 'inquirer', '@vscode/tree-sitter-wasm'];
  it('--help loads none of stripe, inquirer or the parser; --offline no stripe; a real check loads stripe', async () => {
    const register = path.resolve(import.meta.dirname, '../support/import-recorder/register.mjs');
    const loaded = async (args: string[], env: Record<string, string> = {}) => {
      const log = path.join(project, `imports-${args[0]}-${Date.now()}.log`);
      const run = await runCli(args, { env: cliEnv({ IMPORT_LOG: log, ...env }), nodeArgs: ['--import', register] });
      const urls = (await readFile(log, 'utf8')).split('\n').filter(Boolean);
      return { run, urls, packages: packagesLoaded(urls, REPO_ROOT) };
    };
    const heavy = (packages: Set<string>) => [...packages].filter((name) => HEAVY_FOR_HELP.includes(name) || name.startsWith('@inquirer/'));
    const help = await loaded(['--help']);
    expect(help.run.code).toBe(0);
    expect(help.urls.some((url) => url.includes('/dist/cli/bin.js'))).toBe(true);
    // The recorder sees bundled packages: commander is in the shell --help needs.
    expect(help.packages.has('commander')).toBe(true);
    expect(heavy(help.packages)).toEqual([]);
    const checkHelp = await loaded(['check', '--help']);
    expect(heavy(checkHelp.packages)).toEqual([]);
    // Every rule, Stripe ones included (skipped offline); the empty project fails its code rules.
    const offline = await loaded(['check', '--offline', '--format', 'json', '--cwd', project]);
    expect(offline.run.code).toBe(1);
    expect((JSON.parse(offline.run.stdout) as Report).results.some((result) => result.ruleId === 'branding-configured' && result.status === 'skipped')).toBe(true);
    expect(offline.packages.has('stripe')).toBe(false);
    const d = await double('ready');
    const real = await loaded(['check', '--format', 'json', '--api-base', d.url, '--cwd', project, '--only', 'branding-configured'], testKey);
    expect(real.run.code).toBe(0);
    expect(real.packages.has('stripe')).toBe(true);
    // This project has a config file, so its schema (zod) is loaded; a project without one never loads zod.
    expect(real.packages.has('zod')).toBe(true);
    const bare = await mkdtemp(path.join(tmpdir(), 'identity-golive-no-config-'));
    try {
      const unconfigured = await loaded(['check', '--format', 'json', '--api-base', d.url, '--cwd', bare, '--only', 'branding-configured'], testKey);
      expect(unconfigured.run.code).toBe(0);
      expect(unconfigured.packages.has('stripe')).toBe(true);
      expect(unconfigured.packages.has('zod')).toBe(false);
    } finally {
      await rm(bare, { recursive: true, force: true });
    }
  });
});
