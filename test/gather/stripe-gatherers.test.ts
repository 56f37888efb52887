import { isStripeArtifact, type ArtifactId } from '../../src/engine/artifacts.js';
// The Stripe gatherers, with the real SDK over real HTTP against the local double.
import { describe, expect, it } from 'vitest';
import { FIXTURE_KEYS, plantedValues } from '../../fixtures/stripe/index.js';
import { PAGED_COUNTS } from '../../fixtures/stripe/paged.js';
import { REPEATED_USER } from '../../fixtures/stripe/not-ready.js';
import { ready } from '../../fixtures/stripe/ready.js';
import { eventDestination, identityEvent, verificationSession } from '../../fixtures/stripe/build.js';
import type Stripe from 'stripe';
import { GATHERERS } from '../../src/gather/index.js';
import { gatherArtifacts } from '../../src/engine/runner.js';
import { RULES } from '../../rules/index.js';
import type { AnyRule } from '../../src/engine/rule.js';
import type { Gathered } from '../../src/engine/gathered.js';
import type { StripeDouble } from '../support/stripe-double.js';
import { stripeDoublePerTest } from '../support/double-per-test.js';
import { demandFor, stripeContext, type StripeContextOptions } from '../support/stripe-context.js';

const start = stripeDoublePerTest();

const bothKeys = { live: FIXTURE_KEYS.liveRestricted, test: FIXTURE_KEYS.testRestricted };
const ctxFor = (d: StripeDouble, options: Partial<StripeContextOptions> = {}) => stripeContext({ apiBase: d.url, keys: bothKeys, ...options });

function value<T>(result: Gathered<T>): T {
  if (!result.ok) throw new Error(`expected a value, got ${result.failure.kind}: ${result.failure.message}`);
  return result.value;
}

async function gatherAll(d: StripeDouble, options: Partial<StripeContextOptions> = {}) {
  const ctx = ctxFor(d, options);
  const demand = demandFor('live', 'test');
  const [Account, WebhookEndpoints, Events, VerificationSessions] = await Promise.all([
    GATHERERS.Account(ctx, demand),
    GATHERERS.WebhookEndpoints(ctx, demand),
    GATHERERS.Events(ctx, demand),
    GATHERERS.VerificationSessions(ctx, demand),
  ]);
  return { Account, WebhookEndpoints, Events, VerificationSessions };
}

describe('Stripe gatherers against the double', () => {
  it.each([
    ['a v1 endpoint without enabled_events', (scenario: ReturnType<typeof ready>) => scenario.test.webhookEndpoints.push({ ...scenario.test.webhookEndpoints[0]!, id: 'we_1FixtureNoEvents', enabled_events: undefined as unknown as string[] })],
    ['a null v2 event destination', (scenario: ReturnType<typeof ready>) => scenario.test.eventDestinations!.push(null as unknown as Stripe.V2.Core.EventDestination)],
  ])('%s is a bad_response for that mode, never a guess', async (_name, damage) => {
    const now = Date.now();
    const scenario = ready(now);
    damage(scenario);
    const d = await start({ scenario, now });
    const { WebhookEndpoints } = await gatherAll(d);
    expect(WebhookEndpoints.test).toMatchObject({ ok: false, failure: { kind: 'bad_response' } });
    expect(WebhookEndpoints.live.ok).toBe(true);
  });

  it("re-checks the API's filters on our side: another event type and a 2009 session are left out", async () => {
    const now = Date.now();
    const scenario = ready(now);
    const old = verificationSession({ id: 'vs_1Fixture2009Old', mode: 'test', created: Math.floor(Date.UTC(2009, 0, 1) / 1000), status: 'verified' });
    const charge = { ...identityEvent({ id: 'evt_1FixtureChargeEvt', type: 'identity.verification_session.verified', session: old, created: Math.floor(now / 1000) - 60 }), type: 'charge.succeeded' } as Stripe.Event;
    scenario.test.verificationSessions.push(old);
    scenario.test.events.push(charge);
    const d = await start({ scenario, now, ignoreFilters: true });
    const { Events, VerificationSessions } = await gatherAll(d);
    expect(value(VerificationSessions.test).sessions.map((session) => session.id)).not.toContain(old.id);
    expect(value(VerificationSessions.test).sessions.length).toBe(scenario.test.verificationSessions.length - 1);
    expect(value(Events.test).events.map((event) => event.type).every((type) => type.startsWith('identity.verification_session.'))).toBe(true);
  });

  it('ready: everything gathered in both modes', async () => {
    const d = await start({ scenario: 'ready' });
    const artifacts = await gatherAll(d);
    expect(value(artifacts.Account.live)).toEqual({
      id: 'acct_1FixtureAcct0001',
      country: 'US',
      businessName: 'Fixture Labs',
      dashboardDisplayName: 'Fixture',
      branding: { hasIcon: true, hasLogo: true, primaryColor: '#635bff', secondaryColor: '#0a2540' },
      mode: 'live',
    });
    expect(value(artifacts.Account.test).mode).toBe('test');
    expect(value(artifacts.WebhookEndpoints.live)).toEqual([
      expect.objectContaining({ id: 'we_1ReadyL0001', kind: 'webhook_endpoint', status: 'enabled', url: 'https://hooks.fixture-labs.example/stripe/live', livemode: true }),
    ]);
    const events = value(artifacts.Events.test);
    expect(events).toMatchObject({ windowDays: 30, truncated: false });
    expect(events.events.map((e) => e.id)).toEqual(['evt_1ReadyT0001', 'evt_1ReadyT0002', 'evt_1ReadyT0003', 'evt_1ReadyT0004']);
    expect(events.events.every((e) => !e.deliveryFailed && e.pendingWebhooks === 0)).toBe(true);
    const sessions = value(artifacts.VerificationSessions.live);
    expect(sessions.sessions).toHaveLength(4);
    expect(sessions.sessions[0]).toMatchObject({ id: 'vs_1ReadyL0001', status: 'verified', metadataKeys: [{ key: 'plan', looksLike: null }] });
  });

  it('not-ready: endpoints from v1 and v2 (webhook type only), delivery failures, PII-looking metadata, repeated users', async () => {
    const d = await start({ scenario: 'not-ready' });
    const artifacts = await gatherAll(d);
    const live = value(artifacts.WebhookEndpoints.live);
    expect(live.map((e) => [e.id, e.kind, e.status])).toEqual([
      ['we_1StarOnlyL0001', 'webhook_endpoint', 'enabled'],
      ['we_1PlainHttpL0002', 'webhook_endpoint', 'enabled'],
      ['we_1DisabledL0003', 'webhook_endpoint', 'disabled'],
      ['ed_1DuplicateL0001', 'event_destination', 'enabled'],
    ]);
    expect(live.find((e) => e.id === 'we_1StarOnlyL0001')).toMatchObject({ enabledEvents: ['*'], apiVersion: null });
    const events = value(artifacts.Events.test).events;
    expect(events.filter((e) => e.deliveryFailed).map((e) => e.id).sort()).toEqual(['evt_1FailedT0002', 'evt_1PendingT0001']);
    const sessions = value(artifacts.VerificationSessions.test).sessions;
    const pii = sessions.find((s) => s.id === 'vs_1PiiMetaT0001')!;
    expect(pii.metadataKeys).toEqual([
      { key: 'email', looksLike: 'email' },
      { key: 'phone', looksLike: 'phone' },
      { key: 'dob', looksLike: 'date_of_birth' },
      { key: 'ssn', looksLike: 'id_number' },
      { key: 'order', looksLike: null },
    ]);
    const repeated = sessions.filter((s) => s.clientReferenceMasked === 'usr_…42');
    expect(repeated).toHaveLength(6);
    expect(new Set(repeated.map((s) => s.clientReferenceDigest)).size).toBe(1);
    expect(sessions.filter((s) => s.clientReferenceDigest === null).map((s) => [s.id, s.fromVerificationFlow])).toEqual([
      ['vs_1NoRefT0002', true],
      ['vs_1NoRefT0001', false],
    ]);
  });

  it('never lets a planted secret, url, metadata value or raw reference into an artifact', async () => {
    const d = await start({ scenario: 'not-ready' });
    const text = JSON.stringify(await gatherAll(d));
    const planted = [...plantedValues(d.scenario.live), ...plantedValues(d.scenario.test), REPEATED_USER];
    expect(planted.length).toBeGreaterThan(10);
    for (const secret of planted) expect(text).not.toContain(secret);
    expect(text).not.toContain('PLANTED');
    expect(text).not.toContain('verify.stripe.com');
    expect(text).not.toContain('whsec_');
  });

  it('digests group one user within a run and are unlinkable across runs', async () => {
    const d = await start({ scenario: 'not-ready' });
    const digestOf = async () => value((await gatherAll(d)).VerificationSessions.test).sessions.find((s) => s.id === 'vs_1RepeatT0001')!.clientReferenceDigest;
    const [first, second] = [await digestOf(), await digestOf()];
    expect(first).toMatch(/^[0-9a-f]{16}$/);
    expect(second).not.toBe(first);
  });

  it('empty: a fresh account gathers cleanly; a v2 404 means no event destinations', async () => {
    const d = await start({ scenario: 'empty' });
    const artifacts = await gatherAll(d);
    expect(value(artifacts.Account.test)).toMatchObject({ businessName: null, dashboardDisplayName: null, branding: { hasIcon: false, hasLogo: false, primaryColor: null } });
    expect(value(artifacts.WebhookEndpoints.test)).toEqual([]);
    expect(value(artifacts.Events.test)).toEqual({ events: [], windowDays: 30, truncated: false });
    expect(value(artifacts.VerificationSessions.live)).toEqual({ sessions: [], windowDays: 30, truncated: false });
    expect(d.log.some((entry) => entry.path === '/v2/core/event_destinations' && entry.status === 404)).toBe(true);
  });

  it('pages through several pages of 100 inside the window, and stops at maxObjects with truncated', async () => {
    const d = await start({ scenario: 'paged' });
    const full = await gatherAll(d, { keys: { test: FIXTURE_KEYS.testRestricted } });
    expect(value(full.VerificationSessions.test)).toMatchObject({ truncated: false });
    expect(value(full.VerificationSessions.test).sessions).toHaveLength(PAGED_COUNTS.sessionsInWindow);
    expect(value(full.Events.test).events).toHaveLength(PAGED_COUNTS.eventsInWindow);
    const sessionPages = d.log.filter((entry) => entry.path === '/v1/identity/verification_sessions');
    expect(sessionPages.map((entry) => [entry.query.limit, entry.query.starting_after !== undefined])).toEqual([
      ['100', false],
      ['100', true],
      ['100', true],
    ]);
    d.log.length = 0;
    const capped = await gatherAll(d, { keys: { test: FIXTURE_KEYS.testRestricted }, config: { stripe: { maxObjects: 150 } } });
    expect(value(capped.VerificationSessions.test)).toMatchObject({ truncated: true });
    expect(value(capped.VerificationSessions.test).sessions).toHaveLength(150);
    expect(d.log.filter((entry) => entry.path === '/v1/identity/verification_sessions')).toHaveLength(2);
    const exact = await gatherAll(d, { keys: { test: FIXTURE_KEYS.testRestricted }, config: { stripe: { maxObjects: 200 } } });
    expect(value(exact.VerificationSessions.test)).toMatchObject({ truncated: true });
    const week = await gatherAll(d, { keys: { test: FIXTURE_KEYS.testRestricted }, config: { stripe: { windowDays: 7 } } });
    expect(value(week.VerificationSessions.test)).toEqual({ sessions: [], windowDays: 7, truncated: false });
  });

  it('follows v2 next_page_url across pages of event destinations', async () => {
    const base = ready(Date.now());
    const destinations = Array.from({ length: 25 }, (_, index) => eventDestination({ id: `ed_1Many${String(index).padStart(3, '0')}`, mode: 'test' }));
    const d = await start({ scenario: { ...base, test: { ...base.test, eventDestinations: destinations } } });
    const endpoints = value((await gatherAll(d, { keys: { test: FIXTURE_KEYS.testRestricted } })).WebhookEndpoints.test);
    expect(endpoints.filter((e) => e.kind === 'event_destination')).toHaveLength(25);
    expect(d.log.filter((entry) => entry.path === '/v2/core/event_destinations').map((entry) => entry.query.page !== undefined)).toEqual([false, true]);
  });

  it('offline, missing keys and modes no rule asked for make no request', async () => {
    const d = await start({ scenario: 'ready' });
    const offline = await gatherAll(d, { offline: true });
    expect([offline.Account.live, offline.Events.test].map((r) => !r.ok && r.failure.kind)).toEqual(['offline', 'offline']);
    const testOnly = await gatherAll(d, { keys: { test: FIXTURE_KEYS.testRestricted } });
    expect(!testOnly.Account.live.ok && testOnly.Account.live.failure).toMatchObject({ kind: 'no_key', fix: expect.stringContaining('STRIPE_LIVE_API_KEY') });
    expect(d.log.every((entry) => entry.key === 'rk_test_…00T2')).toBe(true);
    d.log.length = 0;
    const ctx = ctxFor(d);
    const account = await GATHERERS.Account(ctx, demandFor('test'));
    expect(!account.live.ok && account.live.failure.kind).toBe('not_configured');
    expect(account.test.ok).toBe(true);
    expect(d.log.map((entry) => entry.key)).toEqual(['rk_test_…00T2']);
  });

  it('reads only with GET, never expands, and fetches each resource once per run', async () => {
    const d = await start({ scenario: 'not-ready' });
    // Several rules needing the same artifacts, as the runner sees them.
    const twins: AnyRule[] = RULES.map((rule) => ({ ...rule, meta: { ...rule.meta, id: `${rule.meta.id}-twin` } }));
    const sessionsReader: AnyRule = { ...RULES[0]!, meta: { ...RULES[0]!.meta, id: 'sessions-reader', requiredArtifacts: ['VerificationSessions', 'Account'], modes: ['live', 'test'] } };
    const artifacts = await gatherArtifacts([...RULES, ...twins, sessionsReader], ctxFor(d), GATHERERS);
    expect((Object.keys(artifacts) as ArtifactId[]).filter(isStripeArtifact).sort()).toEqual(['Account', 'Events', 'VerificationSessions', 'WebhookEndpoints']);
    expect(d.log.length).toBeGreaterThan(0);
    expect(d.log.every((entry) => entry.method === 'GET')).toBe(true);
    expect(d.log.some((entry) => 'expand' in entry.query || JSON.stringify(entry.query).includes('verified_outputs') || JSON.stringify(entry.query).includes('last_verification_report'))).toBe(false);
    const requests = d.log.map((entry) => `${entry.key} ${entry.path} ${JSON.stringify(entry.query)}`);
    expect(new Set(requests).size).toBe(requests.length);
    const perResource = (path: string) => d.log.filter((entry) => entry.path === path).length;
    expect(perResource('/v1/account')).toBe(2); // once per mode
    expect(perResource('/v1/webhook_endpoints')).toBe(2);
    expect(perResource('/v2/core/event_destinations')).toBe(2);
    expect(perResource('/v1/events')).toBe(2); // all + delivery_success=false, test mode only: no rule reads live events
    expect(perResource('/v1/identity/verification_sessions')).toBe(2);
  });

  it('starts independent requests at once', async () => {
    // The double holds every answer until six requests are open at once: only concurrent gatherers get there.
    const d = await start({ scenario: 'ready', holdUntilInFlight: 6 });
    await gatherAll(d, { keys: { test: FIXTURE_KEYS.testRestricted } });
    expect(d.log).toHaveLength(6);
    expect(d.maxInFlight).toBe(6);
  });
});
