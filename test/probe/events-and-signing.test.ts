// The probe's events and signatures, held against the real SDK: what constructEvent accepts is
// what Stripe's own libraries accept.
import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../src/gather/probe/events.js';
import { forgerySecret, signatureHeader } from '../../src/gather/probe/sign.js';
import { IDENTITY_EVENT_TYPES, PROBE_STEPS, UNKNOWN_EVENT_TYPE } from '../../src/probe/plan.js';

const SECRET = 'whsec_fixtureSigningSecret0123456789';
const nowSeconds = Math.floor(Date.now() / 1000);
const plan = buildPlan({ runId: 'a1b2c3d4e5f6', nowSeconds, apiVersion: Stripe.API_VERSION });

describe('probe signatures', () => {
  it.each(plan.map((planned) => [planned.step.id, planned] as const))('constructEvent accepts the %s payload signed now', (_id, planned) => {
    const event = Stripe.webhooks.constructEvent(planned.body, signatureHeader(planned.body, SECRET, nowSeconds), SECRET);
    expect(event.id).toBe(planned.event.id);
    expect(event.type).toBe(planned.step.eventType);
  });

  it('matches the SDK test header byte for byte', () => {
    const body = plan[0]!.body;
    expect(signatureHeader(body, SECRET, nowSeconds)).toBe(Stripe.webhooks.generateTestHeaderString({ payload: body, secret: SECRET, timestamp: nowSeconds }));
  });

  it('constructEvent refuses a wrong secret, a stale timestamp and a changed body', () => {
    const body = plan[3]!.body;
    expect(() => Stripe.webhooks.constructEvent(body, signatureHeader(body, forgerySecret(), nowSeconds), SECRET)).toThrow(/signature/i);
    expect(() => Stripe.webhooks.constructEvent(body, signatureHeader(body, SECRET, nowSeconds - 600), SECRET)).toThrow(/tolerance/i);
    expect(() => Stripe.webhooks.constructEvent(JSON.stringify(JSON.parse(body)), signatureHeader(body, SECRET, nowSeconds), SECRET)).toThrow(/signature/i);
  });

  it('forgery secrets are well formed and never repeat', () => {
    const a = forgerySecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9_-]{32}$/);
    expect(a).not.toBe(forgerySecret());
  });
});

describe('probe events', () => {
  it('sends one event of each Identity type, then a redelivery, an unknown type and three forgeries', () => {
    expect(plan.map((planned) => planned.step.eventType)).toEqual([
      ...IDENTITY_EVENT_TYPES,
      'identity.verification_session.verified',
      UNKNOWN_EVENT_TYPE,
      'identity.verification_session.verified',
      'identity.verification_session.verified',
      'identity.verification_session.verified',
    ]);
    expect(PROBE_STEPS.map((step) => step.signature)).toEqual(['valid', 'valid', 'valid', 'valid', 'valid', 'valid', 'valid', 'valid', 'wrong_secret', 'missing', 'stale']);
  });

  it('renders Stripe-shaped events in the SDK pinned API version, test mode, with probe-only ids', () => {
    for (const { event } of plan) {
      expect(event).toMatchObject({ object: 'event', api_version: Stripe.API_VERSION, livemode: false, request: { id: null, idempotency_key: null } });
      expect(event.id).toMatch(/^evt_golive_probe_a1b2c3d4e5f6_[a-z_]+$/);
      const session = event.data.object as Stripe.Identity.VerificationSession;
      expect(session.object).toBe('identity.verification_session');
      expect(session.id).toMatch(/^vs_golive_probe_a1b2c3d4e5f6_[ab]$/);
      expect(session.livemode).toBe(false);
      // No credentials, no verified outputs, no personal data.
      expect(session.client_secret).toBeNull();
      expect(session.url).toBeNull();
      expect(session).not.toHaveProperty('verified_outputs');
    }
  });

  it('gives each event the session state it reports', () => {
    const sessionOf = (type: string) => plan.find((planned) => planned.step.eventType === type)!.event.data.object as Stripe.Identity.VerificationSession;
    expect(sessionOf('identity.verification_session.requires_input')).toMatchObject({ status: 'requires_input', last_error: { code: 'document_unverified_other' } });
    expect(sessionOf('identity.verification_session.verified')).toMatchObject({ status: 'verified', last_error: null });
    expect(sessionOf('identity.verification_session.processing').status).toBe('processing');
    expect(sessionOf('identity.verification_session.canceled').status).toBe('canceled');
    expect(sessionOf('identity.verification_session.redacted')).toMatchObject({ redaction: { status: 'redacted' }, metadata: {} });
  });

  it('redelivers the verified event byte for byte, and gives every other request its own event id', () => {
    const byStep = new Map(plan.map((planned) => [planned.step.id, planned]));
    expect(byStep.get('duplicate')!.body).toBe(byStep.get('verified')!.body);
    const ids = plan.filter((planned) => planned.step.id !== 'duplicate').map((planned) => planned.event.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('pretty-prints bodies as Stripe does, so re-serialised bodies fail verification', () => {
    expect(plan[0]!.body).toContain('\n  "id": ');
  });
});
