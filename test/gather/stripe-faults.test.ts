// Every outside-world failure becomes a failed artifact of the right kind, only for the artifacts
// that read the faulty route, with a message free of secrets. Real SDK, real HTTP, the double.
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURE_KEYS } from '../../fixtures/stripe/index.js';
import { GATHERERS } from '../../src/gather/index.js';
import type { FailureKind } from '../../src/engine/gathered.js';
import type { StripeArtifactId } from '../../src/engine/artifacts.js';
import { RATE_LIMIT_BACKOFF } from '../../src/gather/stripe/client.js';
import { startStripeDouble, type FaultKind, type RouteId, type StripeDouble } from '../support/stripe-double.js';
import { demandFor, stripeContext } from '../support/stripe-context.js';

const ARTIFACT_OF: Record<RouteId, StripeArtifactId> = {
  account: 'Account',
  webhook_endpoints: 'WebhookEndpoints',
  event_destinations: 'WebhookEndpoints',
  events: 'Events',
  verification_sessions: 'VerificationSessions',
};
const ROUTES = Object.keys(ARTIFACT_OF) as RouteId[];
const ARTIFACTS: StripeArtifactId[] = ['Account', 'WebhookEndpoints', 'Events', 'VerificationSessions'];

const doubles: StripeDouble[] = [];
afterAll(async () => {
  await Promise.all(doubles.map((d) => d.close()));
});

async function gatherWith(options: { faults?: Parameters<typeof startStripeDouble>[0]['faults']; key?: string; timeoutMs?: number }) {
  const double = await startStripeDouble({ scenario: 'ready', faults: options.faults });
  doubles.push(double);
  const ctx = stripeContext({ apiBase: double.url, keys: { test: options.key ?? FIXTURE_KEYS.testRestricted }, config: { stripe: { timeoutMs: options.timeoutMs ?? 20_000 } } });
  const demand = demandFor('test');
  const results = await Promise.all(ARTIFACTS.map(async (id) => [id, (await GATHERERS[id](ctx, demand)).test] as const));
  return { double, results: Object.fromEntries(results) as Record<StripeArtifactId, (typeof results)[number][1]> };
}

const PERSISTENT: readonly [FaultKind, FailureKind, { latencyMs?: number; timeoutMs?: number }][] = [
  ['rate_limit', 'rate_limit', {}],
  ['rate_limit_should_retry', 'rate_limit', {}],
  ['server_error', 'bad_response', {}],
  ['malformed_json', 'bad_response', {}],
  ['reset', 'network', {}],
  ['latency', 'timeout', { latencyMs: 5000, timeoutMs: 1000 }],
  ['forbidden', 'permission', {}],
  // The deadline covers the whole exchange: a drip of headers or body is a timeout, not hours.
  ['hang', 'timeout', { timeoutMs: 1000 }],
  ['drip_headers', 'timeout', { timeoutMs: 1000 }],
  ['drip_body', 'timeout', { timeoutMs: 1000 }],
  ['switching_protocols', 'bad_response', { timeoutMs: 1000 }],
  ['endless_body', 'bad_response', {}],
];

describe('persistent faults, per route', () => {
  it.each(PERSISTENT)('%s → %s for the artifact reading the route, the others unaffected', async (kind, expected, extra) => {
    await Promise.all(
      ROUTES.map(async (route) => {
        const { double, results } = await gatherWith({ faults: [{ route, kind, latencyMs: extra.latencyMs }], timeoutMs: extra.timeoutMs });
        for (const id of ARTIFACTS) {
          const result = results[id];
          if (id === ARTIFACT_OF[route]) {
            expect(result.ok, `${route}: ${id}`).toBe(false);
            if (result.ok) continue;
            expect(result.failure.kind, `${route}: ${result.failure.message}`).toBe(expected);
            const text = JSON.stringify(result.failure);
            expect(text).not.toContain(FIXTURE_KEYS.testRestricted);
            expect(text).not.toContain('PLANTED');
            expect(text).not.toContain(double.url);
          } else {
            expect(result.ok, `${route} fault leaked into ${id}`).toBe(true);
          }
        }
        // Requests per distinct query (events runs two): a bare 429 gets our own bounded backoff;
        // the SDK retries 5xx and should-retry 429s twice; malformed JSON is not retried.
        const perQuery = new Map<string, number>();
        for (const entry of double.log.filter((e) => e.route === route)) perQuery.set(JSON.stringify(entry.query), (perQuery.get(JSON.stringify(entry.query)) ?? 0) + 1);
        const expectedHits = { rate_limit: 1 + RATE_LIMIT_BACKOFF.retries, rate_limit_should_retry: 3, server_error: 3, malformed_json: 1 }[kind as string];
        if (expectedHits !== undefined) expect([...perQuery.values()].every((hits) => hits === expectedHits), `${route}: ${[...perQuery.values()].join(',')}`).toBe(true);
      }),
    );
  });
});

describe('transient faults are ridden out', () => {
  it.each([
    ['rate_limit', 2],
    ['rate_limit_should_retry', 1],
    ['server_error', 1],
    ['reset', 1],
  ] as const)('%s for the first %i request(s) of every route → everything gathered', async (kind, times) => {
    const { results } = await gatherWith({ faults: ROUTES.map((route) => ({ route, kind, times })) });
    for (const id of ARTIFACTS) expect(results[id].ok, id).toBe(true);
  });
});

describe('keys Stripe refuses', () => {
  it.each([
    [FIXTURE_KEYS.testNoAccount, 'Account', 'Account: Read (`connected_account_read`)'],
    [FIXTURE_KEYS.testNoWebhookEndpoints, 'WebhookEndpoints', 'Webhook Endpoints: Read'],
    [FIXTURE_KEYS.testNoEventDestinations, 'WebhookEndpoints', 'Event Destinations: Read'],
    [FIXTURE_KEYS.testNoEvents, 'Events', 'Events: Read'],
    [FIXTURE_KEYS.testNoIdentity, 'VerificationSessions', 'Identity "Verification Sessions and Reports": Read'],
  ] as const)('403 for %s → permission on %s naming %s', async (key, artifact, permission) => {
    const { results } = await gatherWith({ key });
    for (const id of ARTIFACTS) {
      const result = results[id];
      if (id !== artifact) {
        expect(result.ok, id).toBe(true);
        continue;
      }
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.failure.kind).toBe('permission');
      expect(result.failure.fix).toContain(permission);
      expect(result.failure.message).toContain('rk_test_…');
      expect(JSON.stringify(result.failure)).not.toContain(key);
    }
  });

  it('401 → the same auth failure on every artifact, naming the env var and the masked key', async () => {
    const { results } = await gatherWith({ key: FIXTURE_KEYS.testUnknown });
    const failures = ARTIFACTS.map((id) => results[id]).map((result) => (result.ok ? null : result.failure));
    expect(failures.every((failure) => failure?.kind === 'auth')).toBe(true);
    expect(new Set(failures.map((failure) => failure?.message)).size).toBe(1);
    expect(failures[0]?.message).toContain('rk_test_…00T9');
    expect(failures[0]?.message).toContain('STRIPE_TEST_API_KEY');
    expect(failures[0]?.fix).toMatch(/dashboard\.stripe\.com\/apikeys/);
    expect(JSON.stringify(failures)).not.toContain(FIXTURE_KEYS.testUnknown);
  });

  it('nothing listening → network failure', async () => {
    const double = await startStripeDouble({ scenario: 'ready' });
    const url = double.url;
    await double.close();
    const ctx = stripeContext({ apiBase: url, keys: { test: FIXTURE_KEYS.testRestricted } });
    const account = await GATHERERS.Account(ctx, demandFor('test'));
    expect(!account.test.ok && account.test.failure).toMatchObject({ kind: 'network', message: expect.stringContaining('ECONNREFUSED') });
  });
});
