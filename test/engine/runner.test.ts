import { describe, expect, it } from 'vitest';
import { defineRule, outcome, type AnyRule } from '../../src/engine/rule.js';
import { gatherArtifacts, runRules, type GathererMap } from '../../src/engine/runner.js';
import { failed, gathered, use } from '../../src/engine/gathered.js';
import { validateConfig } from '../../src/config/load.js';
import type { GatherContext } from '../../src/gather/context.js';
import type { AccountFacts, PerMode } from '../../src/engine/artifacts.js';

const config = validateConfig({}, null);
const account: AccountFacts = {
  id: 'acct_fixture',
  country: 'US',
  businessName: 'Fixture Inc',
  dashboardDisplayName: null,
  branding: { hasIcon: true, hasLogo: false, primaryColor: '#635bff', secondaryColor: null },
  mode: 'test',
};

const countryRule = defineRule({
  meta: {
    id: 'country-known',
    item: 'use-case',
    title: 'Country known',
    failureTitle: 'Country unknown',
    neutralTitle: 'Country',
    docsUrl: 'https://docs.stripe.com/identity/use-cases',
    requiredArtifacts: ['Account'],
    modes: ['test'],
    messages: { missing: 'No country' },
    defaultSeverity: 'error',
  },
  check({ Account }) {
    const facts = use(Account.test);
    return facts.country ? outcome.pass() : outcome.of('fail', { messageId: 'missing' });
  },
});

const throwingRule = defineRule({
  meta: { ...countryRule.meta, id: 'throws', requiredArtifacts: ['Config'], modes: undefined, messages: {} },
  check() {
    throw new Error('boom');
  },
});

function gatherersCounting(accountResult: PerMode<AccountFacts>, calls: string[]): GathererMap {
  const unexpected = async () => {
    throw new Error('not demanded');
  };
  return {
    Config: async (ctx) => {
      calls.push('Config');
      return ctx.config;
    },
    Account: async (_ctx, demand) => {
      calls.push(`Account:${[...demand.modes].join(',')}`);
      return accountResult;
    },
    WebhookEndpoints: unexpected,
    Events: unexpected,
    VerificationSessions: unexpected,
    Source: unexpected,
    Attestations: unexpected,
    Pages: unexpected,
    Probe: unexpected,
  } as GathererMap;
}

const ctx: GatherContext = { cwd: '.', config, keys: {}, apiBase: null, offline: false, env: {}, now: 0 };

describe('runner', () => {
  it('gathers each demanded artifact once, with the union of modes', async () => {
    const calls: string[] = [];
    const twin: AnyRule = { ...countryRule, meta: { ...countryRule.meta, id: 'twin', modes: ['live'] } };
    const artifacts = await gatherArtifacts([countryRule, twin, throwingRule], ctx, gatherersCounting({ test: gathered(account), live: gathered(account) }, calls));
    expect(calls.sort()).toEqual(['Account:test,live', 'Config']);
    expect(Object.keys(artifacts).sort()).toEqual(['Account', 'Config']);
  });

  it.each([
    ['evidence present', gathered(account), 'pass'],
    ['no key for the mode', failed<AccountFacts>('no_key', 'no test key', 'set STRIPE_TEST_API_KEY'), 'skipped'],
    ['offline', failed<AccountFacts>('offline', 'offline', 'drop --offline'), 'skipped'],
    ['permission denied', failed<AccountFacts>('permission', '403', 'grant Account: Read'), 'error'],
    ['rate limited', failed<AccountFacts>('rate_limit', '429', 'retry later'), 'error'],
    ['network down', failed<AccountFacts>('network', 'ECONNRESET', 'check the network'), 'error'],
  ] as const)('%s → %s', async (_name, testResult, expected) => {
    const artifacts = await gatherArtifacts([countryRule], ctx, gatherersCounting({ test: testResult, live: gathered(account) }, []));
    const [run] = runRules([countryRule], artifacts, new Map(), { now: 0, offline: false });
    expect(run?.outcome.status).toBe(expected);
    if (expected !== 'pass') expect(run?.outcome.findings[0]?.messageId).toBe('$unavailable');
  });

  it('turns a throwing rule into error, and runs the others', () => {
    const runs = runRules([throwingRule, countryRule], { Config: config, Account: { test: gathered(account), live: gathered(account) } }, new Map(), { now: 0, offline: false });
    expect(runs.map((run) => run.outcome.status)).toEqual(['error', 'pass']);
  });

  it('applies configured severity', () => {
    const runs = runRules([countryRule], { Account: { test: gathered({ ...account, country: null }), live: gathered(account) } }, new Map([['country-known', 'warn' as const]]), { now: 0, offline: false });
    expect(runs[0]).toMatchObject({ severity: 'warn', outcome: { status: 'fail' } });
  });
});
