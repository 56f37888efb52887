// The double behaves like Stripe where identity-golive relies on it: auth, permissions, list
// envelopes, paging both ways, filters, faults, the request log. Checked with plain HTTP (fetch)
// and with the real SDK.
import { describe, expect, it } from 'vitest';
import Stripe from 'stripe';
import { FIXTURE_KEYS } from '../../fixtures/stripe/index.js';
import { parseQuery, type StripeDouble, type StripeDoubleOptions } from './stripe-double.js';
import { stripeDoublePerTest } from './double-per-test.js';

// The raw-HTTP helpers below talk to the double the current test started.
let double: StripeDouble | undefined;
const startPerTest = stripeDoublePerTest();
async function start(options: StripeDoubleOptions): Promise<StripeDouble> {
  double = await startPerTest(options);
  return double;
}

async function get(path: string, key: string = FIXTURE_KEYS.testRestricted, method = 'GET') {
  const response = await fetch(`${double!.url}${path}`, { method, headers: { Authorization: `Bearer ${key}` } });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> & { data: { id: string; created: number; type?: string }[]; has_more: boolean } };
}

function sdk(key: string = FIXTURE_KEYS.testRestricted): Stripe {
  const url = new URL(double!.url);
  return new Stripe(key, { host: url.hostname, port: url.port, protocol: 'http', maxNetworkRetries: 0 });
}

describe('stripe double', () => {
  it('parses Stripe form-encoded queries', () => {
    expect(parseQuery(new URLSearchParams('created[gte]=5&types[0]=a&types[1]=b&expand[]=x&expand[]=y&limit=3'))).toEqual({
      created: { gte: '5' },
      types: ['a', 'b'],
      expand: ['x', 'y'],
      limit: '3',
    });
  });

  it('serves the account and list envelopes shaped like Stripe', async () => {
    await start({ scenario: 'ready' });
    const account = await sdk().accounts.retrieveCurrent();
    expect(account).toMatchObject({ object: 'account', id: 'acct_1FixtureAcct0001', business_profile: { name: 'Fixture Labs' } });
    const endpoints = await get('/v1/webhook_endpoints');
    expect(endpoints.status).toBe(200);
    expect(endpoints.body).toMatchObject({ object: 'list', has_more: false, url: '/v1/webhook_endpoints' });
    expect(endpoints.body.data).toHaveLength(1);
  });

  it('pages forward with starting_after and back with ending_before, newest first', async () => {
    const now = Date.now();
    await start({ scenario: 'paged', now });
    const first = await get('/v1/identity/verification_sessions?limit=100');
    expect(first.body.data).toHaveLength(100);
    expect(first.body.has_more).toBe(true);
    const createds = first.body.data.map((s) => s.created);
    expect([...createds].sort((a, b) => b - a)).toEqual(createds);
    const lastId = first.body.data.at(-1)!.id;
    const second = await get(`/v1/identity/verification_sessions?limit=100&starting_after=${lastId}`);
    expect(second.body.data[0]!.id).not.toBe(lastId);
    const back = await get(`/v1/identity/verification_sessions?limit=100&ending_before=${second.body.data[0]!.id}`);
    expect(back.body.data.map((s) => s.id)).toEqual(first.body.data.map((s) => s.id));
    expect(back.body.has_more).toBe(false);
    // The SDK's own auto-pagination walks the whole list (255 sessions: 250 in the window, 5 older).
    const all = await sdk().identity.verificationSessions.list({ limit: 100 }).autoPagingToArray({ limit: 1000 });
    expect(all).toHaveLength(255);
    const windowed = await sdk().identity.verificationSessions.list({ limit: 100, created: { gte: Math.floor(now / 1000) - 30 * 86_400 } }).autoPagingToArray({ limit: 1000 });
    expect(windowed).toHaveLength(250);
  });

  it('rejects a limit above 100 and a cursor it does not know', async () => {
    await start({ scenario: 'ready' });
    expect((await get('/v1/events?limit=101')).status).toBe(400);
    expect((await get('/v1/events?starting_after=evt_unknown')).status).toBe(400);
  });

  it('filters events by type wildcard, types[], created and delivery_success', async () => {
    await start({ scenario: 'not-ready' });
    const wildcard = await get('/v1/events?type=identity.verification_session.*');
    expect(wildcard.body.data).toHaveLength(3);
    const exact = await get('/v1/events?types[0]=identity.verification_session.created');
    expect(exact.body.data.map((e) => e.id)).toEqual(['evt_1OkT0003']);
    const undelivered = await get('/v1/events?type=identity.verification_session.*&delivery_success=false');
    expect(undelivered.body.data.map((e) => e.id).sort()).toEqual(['evt_1FailedT0002', 'evt_1PendingT0001']);
    const delivered = await get('/v1/events?delivery_success=true');
    expect(delivered.body.data.map((e) => e.id)).toEqual(['evt_1OkT0003']);
    const future = await get(`/v1/events?created[gt]=${Math.floor(Date.now() / 1000) + 60}`);
    expect(future.body.data).toHaveLength(0);
    expect((await get('/v1/events?type=a&types[0]=b')).status).toBe(400);
  });

  it('serves v2 event destinations with next_page_url, the url only on include, and 404 when absent', async () => {
    await start({ scenario: 'not-ready' });
    const live = await sdk(FIXTURE_KEYS.liveRestricted).v2.core.eventDestinations.list({ limit: 1, include: ['webhook_endpoint.url'] });
    expect(live.data).toHaveLength(1);
    expect(live.data[0]!.webhook_endpoint?.url).toMatch(/^https:/);
    expect(live.next_page_url).toMatch(/^\/v2\/core\/event_destinations\?/);
    const plain = await sdk(FIXTURE_KEYS.liveRestricted).v2.core.eventDestinations.list({ limit: 20 });
    expect(plain.data[0]!.webhook_endpoint?.url).toBeUndefined();
    await double!.close();
    await start({ scenario: 'empty' });
    expect((await get('/v2/core/event_destinations')).status).toBe(404);
  });

  it('answers 401 to an unknown key and 403 per resource to a restricted key without that permission', async () => {
    await start({ scenario: 'ready' });
    await expect(sdk(FIXTURE_KEYS.testUnknown).accounts.retrieveCurrent()).rejects.toMatchObject({ type: 'StripeAuthenticationError', statusCode: 401 });
    await expect(sdk(FIXTURE_KEYS.testNoIdentity).identity.verificationSessions.list()).rejects.toMatchObject({ type: 'StripePermissionError', statusCode: 403 });
    expect((await sdk(FIXTURE_KEYS.testNoIdentity).accounts.retrieveCurrent()).id).toBe('acct_1FixtureAcct0001');
    expect((await get('/v1/events', FIXTURE_KEYS.testNoEvents)).status).toBe(403);
    expect((await get('/v1/account', FIXTURE_KEYS.testNoAccount)).status).toBe(403);
    expect((await get('/v1/webhook_endpoints', FIXTURE_KEYS.testNoWebhookEndpoints)).status).toBe(403);
    expect((await get('/v2/core/event_destinations', FIXTURE_KEYS.testNoEventDestinations)).status).toBe(403);
  });

  it('refuses anything but GET with 405, and logs it with the key masked', async () => {
    await start({ scenario: 'ready' });
    expect((await get('/v1/webhook_endpoints', FIXTURE_KEYS.testSecret, 'POST')).status).toBe(405);
    expect(double!.log).toEqual([expect.objectContaining({ method: 'POST', path: '/v1/webhook_endpoints', status: 405, key: 'sk_test_…00T1' })]);
    expect(JSON.stringify(double!.log)).not.toContain(FIXTURE_KEYS.testSecret);
  });

  it('injects faults per route, for the first N requests or always', async () => {
    await start({
      scenario: 'ready',
      faults: [
        { route: 'account', kind: 'rate_limit', times: 1 },
        { route: 'events', kind: 'rate_limit_should_retry' },
        { route: 'webhook_endpoints', kind: 'server_error' },
        { route: 'verification_sessions', kind: 'malformed_json' },
        { route: 'event_destinations', kind: 'reset' },
      ],
    });
    expect((await get('/v1/account')).status).toBe(429);
    expect((await get('/v1/account')).status).toBe(200);
    const retry = await get('/v1/events');
    expect([retry.status, retry.headers.get('stripe-should-retry')]).toEqual([429, 'true']);
    expect((await get('/v1/events')).status).toBe(429);
    expect((await get('/v1/webhook_endpoints')).status).toBe(500);
    const malformed = await fetch(`${double!.url}/v1/identity/verification_sessions`, { headers: { Authorization: `Bearer ${FIXTURE_KEYS.testRestricted}` } });
    await expect(malformed.json()).rejects.toThrow();
    await expect(get('/v2/core/event_destinations')).rejects.toThrow();
    expect(double!.log.map((entry) => entry.fault)).toEqual(['rate_limit', null, 'rate_limit_should_retry', 'rate_limit_should_retry', 'server_error', 'malformed_json', 'reset']);
  });

  it('adds latency, and close() does not wait for a slow answer', async () => {
    await start({ scenario: 'ready', faults: [{ route: 'account', kind: 'latency', latencyMs: 60_000 }] });
    const pending = get('/v1/account').catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await double!.close();
    expect(await pending).toBeInstanceOf(Error);
    double = undefined;
  });
});
